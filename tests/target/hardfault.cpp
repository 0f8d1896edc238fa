// Must crash: an undefined instruction escalates to HardFault, whose handler prints
// "HardFault" and exits with status 3.
#include "semihost.hpp"

namespace {
volatile int crash = 1;
}

int main() {
    semihost::write("about to trap\n");
    if (crash != 0) __builtin_trap();
    return 0;
}
