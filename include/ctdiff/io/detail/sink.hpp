#ifndef CTDIFF_IO_DETAIL_SINK_HPP
#define CTDIFF_IO_DETAIL_SINK_HPP

/// \file
/// The character buffer the printers write to. A `std::vector<char>`, not a `std::string`:
/// libstdc++ 12's constexpr std::string does not constant-evaluate under Clang 16, a vector does
/// on both compilers, so every printer is usable in a static_assert.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ctdiff::io_detail {

struct sink {
    std::vector<char> buf;

    constexpr void put(std::string_view s) {
        for (char ch : s) {
            buf.push_back(ch);
        }
    }
    constexpr void put(char ch) { buf.push_back(ch); }
    [[nodiscard]] constexpr std::size_t size() const { return buf.size(); }
    constexpr void insert(std::size_t at, std::string_view s) {
        buf.insert(buf.begin() + static_cast<std::ptrdiff_t>(at), s.begin(), s.end());
    }

    /// A non-negative integer in decimal.
    constexpr void put_uint(std::uint64_t v) {
        char digits[20]{};
        int n = 0;
        do {
            digits[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v != 0);
        while (n > 0) {
            buf.push_back(digits[--n]);
        }
    }
    constexpr void put_int(std::int64_t v) {
        if (v < 0) {
            put('-');
            put_uint(static_cast<std::uint64_t>(0) - static_cast<std::uint64_t>(v));
        } else {
            put_uint(static_cast<std::uint64_t>(v));
        }
    }

    /// v in Unicode superscript digits (²³⁻¹…), with ⁻ for a negative v.
    constexpr void put_superscript(std::int64_t v) {
        constexpr std::string_view sup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
        put_script(v, sup, "⁻");
    }
    /// v in Unicode subscript digits (x₃).
    constexpr void put_subscript(std::int64_t v) {
        constexpr std::string_view sub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
        put_script(v, sub, "₋");
    }

private:
    constexpr void put_script(std::int64_t v, const std::string_view (&glyphs)[10], std::string_view minus) {
        std::uint64_t u = static_cast<std::uint64_t>(v);
        if (v < 0) {
            put(minus);
            u = static_cast<std::uint64_t>(0) - u;
        }
        int digits[20]{};
        int n = 0;
        do {
            digits[n++] = static_cast<int>(u % 10);
            u /= 10;
        } while (u != 0);
        while (n > 0) {
            put(glyphs[digits[--n]]);
        }
    }
};

} // namespace ctdiff::io_detail

#endif
