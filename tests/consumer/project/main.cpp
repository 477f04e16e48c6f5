// A user's program: it sees ctdiff only through find_package(ctdiff) and the installed headers.
#include <ctdiff/ctdiff.hpp>
#include <cstdio>

int main() {
    static_assert(ctdiff::version.major == 0);
    std::printf("ctdiff %d.%d.%d found through find_package\n", ctdiff::version.major,
                ctdiff::version.minor, ctdiff::version.patch);
    return 0;
}
