#ifndef CTDIFF_CORE_HPP
#define CTDIFF_CORE_HPP

/// \file
/// The expression vocabulary: constants, variables, parameters, operators, functions, select.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/abs.hpp>
#include <ctdiff/core/functions/erf.hpp>
#include <ctdiff/core/functions/exp.hpp>
#include <ctdiff/core/functions/hyperbolic.hpp>
#include <ctdiff/core/functions/log.hpp>
#include <ctdiff/core/functions/normal.hpp>
#include <ctdiff/core/functions/power.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/functions/softplus.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/rewrite.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>

#endif
