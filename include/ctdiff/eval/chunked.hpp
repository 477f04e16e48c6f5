#ifndef CTDIFF_EVAL_CHUNKED_HPP
#define CTDIFF_EVAL_CHUNKED_HPP

/// \file
/// Gated kernels over the layout a feed-forward layer produces: one row-major [rows × 2H] array z
/// whose rows are [a | b] (PyTorch's `z.chunk(2, dim=-1)`), for f(a, b) of two variables
/// (activations/gated.hpp):
///
///     auto k = ctdiff::chunked(ctdiff::activations::swiglu);
///     k.forward(z, y, H);                  // y: [rows × H], y[r, j] = f(z[r, j], z[r, H + j])
///     k.backward(z, dy, dz, H);            // dz: [rows × 2H], [da | db] per row
///     k.forward_backward(z, dy, y, dz, H); // both in one pass
///
/// Each takes after H what a kernel call takes (`params{…}`, `kernel_options`, `ctdiff::fast`)
/// and computes exactly what `kernel<2>(f)`, `backward(f)` and `forward_backward(f)` compute on
/// separate arrays a, b (the same bits), row by row. Sizes are checked before anything is written:
/// z's length a multiple of 2H, y and dy of half of it, dz of all of it (std::invalid_argument).
/// In place: dz may be z's own array (the gradient overwrites the activations it came from), y
/// dy's; any other overlap throws std::invalid_argument.

#include <ctdiff/core/node.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/backward.hpp>
#include <ctdiff/eval/detail/call.hpp>
#include <ctdiff/eval/fused.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

namespace ctdiff {

/// A gated unit f(a, b) run over [rows × 2H] arrays split into [a | b] per row.
template <Expression F>
class chunked_kernel {
    static_assert(eval::detail::variables_of<F>() == 2,
                  "ctdiff::chunked(f): f must be a function of two variables, a = x and b = y (a gated unit such "
                  "as activations::swiglu)");
    using forward_t = decltype(ctdiff::kernel<2>(F{}));
    using backward_t = decltype(ctdiff::backward(F{}));
    using forward_backward_t = decltype(ctdiff::forward_backward(F{}));

public:
    /// y[r, j] = f(a, b) with a = z[r, j], b = z[r, H + j].
    template <class Z, class Y, class... Extras>
    void forward(Z&& z, Y&& y, std::size_t hidden, Extras&&... extras) const {
        call<forward_t, 1, 1>(std::forward_as_tuple(z, y), hidden, extras...);
    }
    /// dz[r, j] = dy[r, j]·∂f/∂a, dz[r, H + j] = dy[r, j]·∂f/∂b.
    template <class Z, class DY, class DZ, class... Extras>
    void backward(Z&& z, DY&& dy, DZ&& dz, std::size_t hidden, Extras&&... extras) const {
        call<backward_t, 2, 1>(std::forward_as_tuple(z, dy, dz), hidden, extras...);
    }
    /// y and dz in one pass.
    template <class Z, class DY, class Y, class DZ, class... Extras>
    void forward_backward(Z&& z, DY&& dy, Y&& y, DZ&& dz, std::size_t hidden, Extras&&... extras) const {
        call<forward_backward_t, 2, 2>(std::forward_as_tuple(z, dy, y, dz), hidden, extras...);
    }

private:
    // K: the underlying kernel, over (a, b[, dy]) into (y | da, db | y, da, db). The call's arrays
    // are z, [dy], then the outputs; an output is a gradient (split into [da | db]) when K writes
    // one per variable, that is for the last output of backward and forward_backward.
    template <class K, std::size_t NIn, std::size_t NOut, class... A, class... Extras>
    static void call(std::tuple<A&...> arrays, std::size_t hidden, Extras&... extras) {
        constexpr auto error =
            eval::detail::call_check<NIn, NOut, K::parameters, K::parameters_mask, A&..., Extras&...>();
        eval::detail::explain<error>();
        if constexpr (error == eval::detail::call_error::none) {
            using T = typename eval::detail::element_of<std::tuple_element_t<0, std::tuple<A...>>>::type;
            const auto ex = eval::detail::read_extras<T, K::parameters>(extras...);
            using Mode = eval::detail::mode_of_t<Extras...>;
            const std::span<const T> z(std::get<0>(arrays));
            if (hidden == 0 || z.size() % (2 * hidden) != 0) {
                throw std::invalid_argument("ctdiff::chunked: z has " + std::to_string(z.size()) +
                                            " elements, which is no whole number of rows of 2H = " +
                                            std::to_string(2 * hidden));
            }
            const std::size_t rows = z.size() / (2 * hidden);
            const auto require = [&](std::size_t got, std::size_t want, const char* what) {
                if (got != want) {
                    throw std::invalid_argument(std::string("ctdiff::chunked: ") + what + " has " +
                                                std::to_string(got) + " elements where " + std::to_string(rows) +
                                                " rows want " + std::to_string(want));
                }
            };
            std::span<const T> dy;
            if constexpr (NIn == 2) {
                dy = std::span<const T>(std::get<1>(arrays));
                require(dy.size(), rows * hidden, "dy");
            }
            std::span<T> y, dz;
            if constexpr (NOut == 2 || NIn == 1) {
                y = std::span<T>(std::get<NIn>(arrays));
                require(y.size(), rows * hidden, "y");
            }
            if constexpr (NIn == 2) {
                dz = std::span<T>(std::get<NIn + NOut - 1>(arrays));
                require(dz.size(), 2 * rows * hidden, "dz");
            }
            // in place only where each row reads what it overwrites: dz on z, y on dy
            const auto clash = [](auto out, auto in, bool same_allowed) {
                const bool same = static_cast<const void*>(out.data()) == in.data() && out.size() == in.size();
                return eval::detail::overlaps(out.data(), out.size_bytes(), in.data(), in.size_bytes()) &&
                       !(same_allowed && same);
            };
            if (clash(y, z, false) || clash(y, dy, true) || clash(dz, z, true) || clash(dz, dy, false) ||
                clash(dz, y, false)) {
                throw std::invalid_argument("ctdiff::chunked: an output overlaps another array; in place is only "
                                            "allowed for dz on z and y on dy, each on the whole array");
            }
            for (std::size_t r = 0; r < rows; ++r) {
                const std::span<const T> a = z.subspan(2 * r * hidden, hidden), b = z.subspan((2 * r + 1) * hidden, hidden);
                if constexpr (NIn == 1) {
                    K::template run<Mode>({a, b}, {y.subspan(r * hidden, hidden)}, ex.p, ex.opts);
                } else {
                    const auto g = dy.subspan(r * hidden, hidden);
                    const auto da = dz.subspan(2 * r * hidden, hidden), db = dz.subspan((2 * r + 1) * hidden, hidden);
                    if constexpr (NOut == 1) {
                        K::template run<Mode>({a, b, g}, {da, db}, ex.p, ex.opts);
                    } else {
                        K::template run<Mode>({a, b, g}, {y.subspan(r * hidden, hidden), da, db}, ex.p, ex.opts);
                    }
                }
            }
        }
    }
};

/// f(a, b) over [rows × 2H] arrays split into [a | b] per row: `chunked(activations::swiglu)`.
template <Expression F>
constexpr chunked_kernel<F> chunked(F) {
    return {};
}

} // namespace ctdiff

#endif
