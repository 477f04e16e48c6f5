#ifndef CTDIFF_ACTIVATIONS_HPP
#define CTDIFF_ACTIVATIONS_HPP

/// \file
/// The activation catalogue (namespace ctdiff::activations): each activation is an expression in
/// x = variable<0>, written with the core vocabulary like a user's own; run-time parameters are
/// α = parameter<0> (leaky_relu, elu) and β = parameter<1> (swish). One file per activation, each
/// with its formula, domain, convention at kinks and numerically stable form; the gated units of
/// two inputs (GLU, SwiGLU, GEGLU, ReGLU) in activations/gated.hpp; softmax (a vector function
/// over a run-time number of classes) in activations/softmax.hpp.

#include <ctdiff/activations/elu.hpp>
#include <ctdiff/activations/gated.hpp>
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/gelu_tanh.hpp>
#include <ctdiff/activations/hard_sigmoid.hpp>
#include <ctdiff/activations/hard_tanh.hpp>
#include <ctdiff/activations/leaky_relu.hpp>
#include <ctdiff/activations/logit.hpp>
#include <ctdiff/activations/mish.hpp>
#include <ctdiff/activations/relu.hpp>
#include <ctdiff/activations/selu.hpp>
#include <ctdiff/activations/sigmoid.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/activations/softmax.hpp>
#include <ctdiff/activations/softplus.hpp>
#include <ctdiff/activations/softsign.hpp>
#include <ctdiff/activations/tanh.hpp>

#endif
