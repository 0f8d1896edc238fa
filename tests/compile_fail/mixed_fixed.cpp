// Adding Q16.16 to Q8.24 without saying how to convert.
// expect: oncostate: mixing fixed-point formats needs an explicit fixed_cast
#include <oncostate/oncostate.hpp>

int main() {
    const oncostate::fixed<16, 16> a(1.5);
    const oncostate::fixed<8, 24> b(0.25);
    const auto sum = a + b;
    return static_cast<int>(sum.raw() != 0);
}
