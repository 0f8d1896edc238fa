// Must FAIL the m0 soft-float check: one double multiply pulls in __aeabi_dmul and friends.
#include "semihost.hpp"

namespace {
volatile double input = 2.5;
}

int main() {
    semihost::write_dec(static_cast<long>(input * 3.0));
    semihost::write("\n");
    return 0;
}
