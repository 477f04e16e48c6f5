// Bit patterns of float and double for the tests that compare results bit for bit.
#ifndef CTDIFF_TESTS_SUPPORT_TEST_BITS_HPP
#define CTDIFF_TESTS_SUPPORT_TEST_BITS_HPP

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace test_support {

/// The bits of v as an unsigned integer of its size (tells −0 from +0 and NaN payloads apart).
template <class T>
constexpr auto bits(T v) {
    if constexpr (sizeof(T) == 8) {
        return std::bit_cast<std::uint64_t>(v);
    } else {
        return std::bit_cast<std::uint32_t>(v);
    }
}

/// A monotone map of the finite floats (and ±∞) onto integers: the ULP distance of a and b is
/// |ordinal(a) − ordinal(b)| (−0 and +0 both map to 0).
template <class T>
constexpr std::int64_t ordinal(T v) {
    if constexpr (sizeof(T) == 4) {
        const auto i = static_cast<std::int64_t>(std::bit_cast<std::int32_t>(v));
        return i < 0 ? std::int64_t{INT32_MIN} - i : i;
    } else {
        const auto i = std::bit_cast<std::int64_t>(v);
        return i < 0 ? INT64_MIN - i : i;
    }
}

/// ULP distance between got and the long double reference rounded to T (the reference's rounding
/// costs at most half an ULP more); NaN against NaN is 0, NaN against a number is +∞.
template <class T>
double ulps(T got, long double ref) {
    if (std::isnan(ref) || std::isnan(got)) {
        return std::isnan(ref) && std::isnan(got) ? 0.0 : std::numeric_limits<double>::infinity();
    }
    const T r = static_cast<T>(ref);
    const auto d = ordinal(got) - ordinal(r);
    return static_cast<double>(d < 0 ? -d : d);
}

} // namespace test_support

#endif
