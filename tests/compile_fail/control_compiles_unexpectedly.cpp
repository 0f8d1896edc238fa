// Control: expects an error but compiles; the harness must report it as failing (WILL_FAIL).
// expect: oncostate: mixing fixed-point formats needs an explicit fixed_cast
#include <oncostate/oncostate.hpp>

int main() {
    const oncostate::fixed<16, 16> a(1.5);
    const oncostate::fixed<16, 16> b(0.25);
    return static_cast<int>((a + b).raw() != 0);
}
