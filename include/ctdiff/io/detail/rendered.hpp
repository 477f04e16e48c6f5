#ifndef CTDIFF_IO_DETAIL_RENDERED_HPP
#define CTDIFF_IO_DETAIL_RENDERED_HPP

/// \file
/// A printed expression kept in static storage: computed once per (expression, notation) at
/// compile time, exposed as a std::string_view.

#include <ctdiff/io/notation.hpp>
#include <ctdiff/io/printer.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace ctdiff::io_detail {

template <class E, notation N>
struct rendered {
    static constexpr std::size_t size = render<E>(N).size();
    static constexpr std::array<char, size + 1> chars = [] {
        std::array<char, size + 1> a{};
        const sink s = render<E>(N);
        for (std::size_t i = 0; i < size; ++i) {
            a[i] = s.buf[i];
        }
        return a;
    }();
    static constexpr std::string_view view{chars.data(), size};
};

} // namespace ctdiff::io_detail

#endif
