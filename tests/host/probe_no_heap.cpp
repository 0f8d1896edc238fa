// Uses the numeric core the way the model does; built with -fno-exceptions -fno-rtti and checked
// for references to malloc, operator new and the exception runtime.
#include <oncostate/oncostate.hpp>

#include <cstdio>

int main(int argc, char**) {
    oncostate::xoshiro128pp g(static_cast<std::uint64_t>(argc), 0);
    const oncostate::sfloat p(0.13);
    std::uint64_t total = 0;
    for (int i = 0; i < 1000; ++i) total += oncostate::binomial(g, 1000000u + static_cast<std::uint64_t>(i), p);
    const oncostate::q16_16 d = oncostate::math::cbrt(oncostate::q16_16(6.0));
    std::printf("%llu %d\n", static_cast<unsigned long long>(total), d.raw());
    return 0;
}
