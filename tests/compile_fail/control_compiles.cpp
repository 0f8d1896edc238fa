// Control: the correct forms of every case compile, so the harness does not reject everything.
// expect: compiles
#include <oncostate/oncostate.hpp>

int main() {
    oncostate::population<float, 1> lesion;
    oncostate::population<oncostate::q16_16, 4> fixed_lesion;
    static oncostate::patient<float, 1, 4> someone;
    const oncostate::fixed<16, 16> a(1.5);
    const oncostate::fixed<8, 24> b(0.25);
    const auto sum = a + oncostate::fixed_cast<oncostate::fixed<16, 16>>(b);
    const oncostate::patient<float, 1, 4>::params_type p;
    someone.step(p);
    oncostate::xoshiro128pp rng(1, 0);
    lesion.step(p.primary, rng);
    return static_cast<int>(sum.raw() != 0) + static_cast<int>(lesion.cells() + fixed_lesion.cells()) + someone.day();
}
