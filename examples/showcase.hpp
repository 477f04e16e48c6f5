// Small helpers shared by the showcase examples (not part of ctdiff: plain numerics and output).
#ifndef CTDIFF_EXAMPLES_SHOWCASE_HPP
#define CTDIFF_EXAMPLES_SHOWCASE_HPP

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace showcase {

/// A root of g in [a, b], where g(a) and g(b) have different signs (or one is 0): plain bisection
/// down to adjacent doubles. g may jump (a kink or a step): the result is then the jump's place.
template <class G>
double bisect(G g, double a, double b) {
    double ga = g(a);
    if (ga == 0) {
        return a;
    }
    for (int i = 0; i < 200; ++i) {
        const double m = a + (b - a) / 2;
        if (m == a || m == b) {
            break;
        }
        const double gm = g(m);
        if (gm == 0) {
            return m;
        }
        if ((gm < 0) == (ga < 0)) {
            a = m;
            ga = gm;
        } else {
            b = m;
        }
    }
    return a + (b - a) / 2;
}

/// The output directory: `--out DIR` on the command line, else the working directory.
inline std::string output_dir(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--out") == 0) {
            return std::string(argv[i + 1]) + "/";
        }
    }
    return "";
}

/// s cut to at most `max` code points (UTF-8), with "…" when cut.
inline std::string shorten(std::string_view s, std::size_t max) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (points == max) {
                return std::string(s.substr(0, i)) + "…";
            }
            ++points;
        }
    }
    return std::string(s);
}

/// v in %g form.
inline std::string fmt_g(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

/// Whether a program is on the PATH.
inline bool have_program(const char* name) {
    const std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

} // namespace showcase

#endif
