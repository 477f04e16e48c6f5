#ifndef CTDIFF_ALGEBRA_DETAIL_FORMS_HPP
#define CTDIFF_ALGEBRA_DETAIL_FORMS_HPP

/// \file
/// Private to ctdiff/algebra (the prover behind algebra/equivalent.hpp). The normal form's vocabulary: atoms, monomials (atoms to
/// small rational powers), polynomials with exact coefficients, rational forms N / Π Fᵢ^kᵢ.

#include <ctdiff/algebra/detail/exact.hpp>
#include <ctdiff/core/ratio.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace ctdiff::prove_detail {

enum class ak : unsigned char {
    variable, parameter,
    base,   // a positive integer b (its radicals: √2 = base 2 to the 1/2), exponents kept in [0, 1)
    pi,     // π (positive)
    expm,   // e^{m} for the monomial m (key: a one-term form with coefficient 1); positive
    expf,   // e^{u} for a u that is not a polynomial (key: u); positive
    erf,    // erf(u)
    log,    // log(u), u not opened further
    fn,     // a user's function F(u) (tag), or a named constant the prover does not know (key -1)
    root,   // R = u^{1/n} for a u the power rules do not open (n in index): u^{k/n} = R^k, R^n = u
};

struct atom {
    ak kind = ak::variable;
    std::int64_t index = 0; // variable, parameter: the index; base: the integer
    int tag = -1;           // fn: the tag
    int key = -1;           // expm, expf, erf, log, fn, root: the argument's form (in keys)
    friend constexpr bool operator==(const atom&, const atom&) = default;
};
constexpr bool positive(const atom& a) {
    return a.kind == ak::base || a.kind == ak::pi || a.kind == ak::expm || a.kind == ak::expf;
}

/// A small exact exponent (int32 numerator and denominator, normalized: den > 0, lowest terms) —
/// compact, so monomials are cheap to copy in constant evaluation.
struct xr {
    std::int32_t num = 0;
    std::int32_t den = 1;
    friend constexpr bool operator==(const xr&, const xr&) = default;
    friend constexpr bool operator<(const xr& a, const xr& b) {
        return static_cast<std::int64_t>(a.num) * b.den < static_cast<std::int64_t>(b.num) * a.den;
    }
};
constexpr xr make_xr(std::int64_t n, std::int64_t d) { // d > 0; callers check the range
    const std::int64_t g = std::gcd(n, d);
    return xr{static_cast<std::int32_t>(n / g), static_cast<std::int32_t>(d / g)};
}
constexpr xr operator+(xr a, xr b) {
    if (a.den == b.den) {
        const std::int64_t n = static_cast<std::int64_t>(a.num) + b.num;
        return a.den == 1 ? xr{static_cast<std::int32_t>(n), 1} : make_xr(n, a.den);
    }
    return make_xr(static_cast<std::int64_t>(a.num) * b.den + static_cast<std::int64_t>(b.num) * a.den,
                   static_cast<std::int64_t>(a.den) * b.den);
}
constexpr xr operator-(xr a) { return {-a.num, a.den}; }
inline constexpr xr xr_one{1, 1};

/// An atom to a rational power.
struct factor {
    int atom = 0;
    xr e{};
    friend constexpr bool operator==(const factor&, const factor&) = default;
};
constexpr ratio exponent(const factor& f) { return ratio{f.e.num, f.e.den}; }
/// A product of atom powers: up to 8 factors, sorted by atom, no zero exponents. A fixed array, not
/// a std::vector: monomials are copied everywhere, and constant evaluation pays for every allocation.
struct mono {
    std::array<factor, 8> data{};
    std::size_t count = 0;
    bool overflowed = false;
    [[nodiscard]] constexpr std::size_t size() const { return count; }
    [[nodiscard]] constexpr bool empty() const { return count == 0; }
    constexpr factor& operator[](std::size_t i) { return data[i]; }
    constexpr const factor& operator[](std::size_t i) const { return data[i]; }
    constexpr factor& front() { return data[0]; }
    constexpr const factor& front() const { return data[0]; }
    constexpr factor* begin() { return data.data(); }
    constexpr factor* end() { return data.data() + count; }
    constexpr const factor* begin() const { return data.data(); }
    constexpr const factor* end() const { return data.data() + count; }
    constexpr void push_back(const factor& f) {
        if (count == data.size()) {
            overflowed = true;
            return;
        }
        data[count++] = f;
    }
    constexpr void erase(factor* it) {
        for (factor* p = it; p + 1 < end(); ++p) {
            *p = *(p + 1);
        }
        --count;
    }
    friend constexpr bool operator==(const mono& a, const mono& b) {
        if (a.count != b.count) {
            return false;
        }
        for (std::size_t i = 0; i < a.count; ++i) {
            if (!(a.data[i] == b.data[i])) {
                return false;
            }
        }
        return true;
    }
};

struct term {
    ratio c{};
    mono m{};
    friend constexpr bool operator==(const term&, const term&) = default;
};
using poly = std::vector<term>; // sorted by monomial, like terms merged, no zero coefficients
struct den_power {
    int factor = 0; // into engine::factors
    int k = 0;
    friend constexpr bool operator==(const den_power&, const den_power&) = default;
};
/// N / Π F^k.
struct form {
    poly num{};
    std::vector<den_power> den{}; // sorted by factor, k > 0
    friend constexpr bool operator==(const form&, const form&) = default;
};

/// Exponent vectors compared lexicographically over atom ids: a total order compatible with
/// multiplication (the least term of m·P is m times the least term of P).
constexpr int compare_mono(const mono& s, const mono& t) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < s.size() || j < t.size()) {
        if (j == t.size() || (i < s.size() && s[i].atom < t[j].atom)) {
            return s[i].e.num < 0 ? -1 : 1;
        }
        if (i == s.size() || t[j].atom < s[i].atom) {
            return t[j].e.num < 0 ? 1 : -1;
        }
        if (s[i].e != t[j].e) {
            return s[i].e < t[j].e ? -1 : 1;
        }
        ++i;
        ++j;
    }
    return 0;
}

} // namespace ctdiff::prove_detail

#endif
