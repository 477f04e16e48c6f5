#ifndef CTDIFF_MATH_DETAIL_CONFIG_HPP
#define CTDIFF_MATH_DETAIL_CONFIG_HPP

/// \file
/// Private to ctdiff: what the build offers. `CTDIFF_HAS_HIGHWAY` is 1 where Google Highway's
/// headers are found (Debian `libhwy-dev`) and the user has not defined CTDIFF_NO_HIGHWAY: the
/// kernels then run their float loops in explicit SIMD (eval/detail/simd_loop.hpp); without it
/// they run the same computation as plain loops the compiler vectorizes.

#if !defined(CTDIFF_NO_HIGHWAY) && defined(__has_include)
#if __has_include(<hwy/highway.h>)
#define CTDIFF_HAS_HIGHWAY 1
#endif
#endif
#ifndef CTDIFF_HAS_HIGHWAY
#define CTDIFF_HAS_HIGHWAY 0
#endif

/// 1 where the compiler targets a fused multiply-add instruction: the fast cores' fmadd is then
/// one rounding, in scalar code and in every vector lane alike (detail/fast_core.hpp).
#if defined(__FMA__) || defined(__ARM_FEATURE_FMA)
#define CTDIFF_HAS_FMA 1
#else
#define CTDIFF_HAS_FMA 0
#endif

#endif
