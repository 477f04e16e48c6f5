#ifndef CTDIFF_ALGEBRA_DETAIL_MESSAGES_HPP
#define CTDIFF_ALGEBRA_DETAIL_MESSAGES_HPP

/// \file
/// Private to ctdiff/algebra (the prover behind algebra/equivalent.hpp). The witness and the reason as short strings in structural
/// values, so that `equivalent(a, b)`'s compile errors can name them as template arguments.

#include <ctdiff/algebra/detail/lowering.hpp>
#include <ctdiff/algebra/verdict.hpp>

#include <cstddef>
#include <cstdint>

namespace ctdiff::prove_detail {

/// A message as a structural value: a template named by it prints it in the compiler's error, on
/// GCC and Clang alike (which print a class-type template argument's char array as a string).
template <std::size_t N>
struct message {
    char text[N]{};
};

struct message_buffer {
    char s[64]{};
    std::size_t n = 0;
    constexpr void put(char c) {
        if (n + 1 < sizeof s) {
            s[n++] = c;
        }
    }
    constexpr void put(const char* t) {
        for (; *t != 0; ++t) {
            put(*t);
        }
    }
    /// v with 9 significant digits (enough to tell the two sides apart; not correctly rounded).
    constexpr void put(double v) {
        if (v != v) {
            put("nan");
            return;
        }
        if (v < 0) {
            put('-');
            v = -v;
        }
        if (v > 1.7976931348623157e308) {
            put("inf");
            return;
        }
        if (v == 0) {
            put('0');
            return;
        }
        int e = 0;
        while (v >= 10) {
            v /= 10;
            ++e;
        }
        while (v < 1) {
            v *= 10;
            --e;
        }
        auto digits = static_cast<std::int64_t>(v * 1e8 + 0.5);
        if (digits >= 1000000000) {
            digits /= 10;
            ++e;
        }
        char d[9]{};
        for (int i = 8; i >= 0; --i) {
            d[i] = static_cast<char>('0' + digits % 10);
            digits /= 10;
        }
        int last = 8;
        while (last > 0 && d[last] == '0') {
            --last;
        }
        if (e >= 0 && e < 9) {
            for (int i = 0; i <= e; ++i) {
                put(i <= last ? d[i] : '0');
            }
            if (last > e) {
                put('.');
                for (int i = e + 1; i <= last; ++i) {
                    put(d[i]);
                }
            }
        } else if (e < 0 && e >= -4) {
            put("0.");
            for (int i = -1; i > e; --i) {
                put('0');
            }
            for (int i = 0; i <= last; ++i) {
                put(d[i]);
            }
        } else {
            put(d[0]);
            if (last > 0) {
                put('.');
                for (int i = 1; i <= last; ++i) {
                    put(d[i]);
                }
            }
            put('e');
            if (e < 0) {
                put('-');
                e = -e;
            }
            char ex[4]{};
            int k = 0;
            for (; e > 0; e /= 10) {
                ex[k++] = static_cast<char>('0' + e % 10);
            }
            while (k > 0) {
                put(ex[--k]);
            }
        }
    }
};

/// Up to 12 short messages: each becomes one template argument (short, because Clang 16 elides a
/// string template argument after about 32 characters).
struct message_list {
    message_buffer item[12]{};
    std::size_t count = 0;
    constexpr message_buffer& next() { return item[count < 11 ? count++ : 11]; }
};

/// "x = 0.37", "alpha = 0.3", "a = …", "b = …" for a refuted verdict on A, B: the variables and
/// parameters the two sides use, then both sides' values there.
template <class A, class B>
constexpr message_list witness_messages(const verdict& v) {
    const auto low = problem<A, B>::lower();
    bool used[8]{};
    for (const auto& n : low.L.g) {
        if (n.kind == simplify_detail::op::variable && n.index < 4) {
            used[n.index] = true;
        } else if (n.kind == simplify_detail::op::parameter && n.index < 4) {
            used[4 + n.index] = true;
        }
    }
    constexpr const char* names[] = {"x", "y", "z", "x3", "alpha", "beta", "gamma", "delta"};
    message_list m;
    for (std::size_t i = 0; i < 8; ++i) {
        if (used[i]) {
            message_buffer& t = m.next();
            t.put(names[i]);
            t.put(" = ");
            t.put(i < 4 ? v.at[i] : v.params[i - 4]);
        }
    }
    m.next().put("a = ");
    m.item[m.count - 1].put(v.lhs);
    m.next().put("b = ");
    m.item[m.count - 1].put(v.rhs);
    return m;
}
/// The reason, cut at spaces into pieces of at most 30 characters.
constexpr message_list reason_messages(const char* reason) {
    message_list m;
    while (*reason != 0 && m.count < 12) {
        message_buffer& t = m.next();
        while (*reason != 0) {
            std::size_t word = 0;
            while (reason[word] != 0 && reason[word] != ' ') {
                ++word;
            }
            if (t.n != 0 && t.n + 1 + word > 30) {
                break;
            }
            if (t.n != 0) {
                t.put(' ');
            }
            for (std::size_t i = 0; i < word; ++i) {
                t.put(reason[i]);
            }
            reason += word;
            while (*reason == ' ') {
                ++reason;
            }
        }
    }
    return m;
}
/// M's text in an array of exactly its length and the terminating 0, every element written: Clang
/// prints a char array as a string only when its stored elements are the characters and one 0.
template <message_buffer M, std::size_t N = M.n + 1>
constexpr message<N> as_message() {
    message<N> r;
    for (std::size_t i = 0; i < M.n; ++i) {
        r.text[i] = M.s[i];
    }
    r.text[M.n] = 0;
    return r;
}
template <auto... M>
inline constexpr bool shown_v = false;

} // namespace ctdiff::prove_detail

#endif
