// Bit patterns of float and double for the tests that compare results bit for bit.
#ifndef CTDIFF_TESTS_SUPPORT_TEST_BITS_HPP
#define CTDIFF_TESTS_SUPPORT_TEST_BITS_HPP

#include <bit>
#include <cstdint>

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

} // namespace test_support

#endif
