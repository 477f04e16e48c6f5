#ifndef CTDIFF_ALGEBRA_HPP
#define CTDIFF_ALGEBRA_HPP

/// \file
/// The algebra: `simplify`/`ds` (readable normal forms), `compare`/`equivalent`/`agree` (compile-time
/// proofs of identities, and numeric evidence clearly named as such), `as_polynomial_in`.

#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/algebra/simplify.hpp>

#endif
