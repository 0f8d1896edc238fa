// Grow a tumour from 1000 cells, one day at a time, in fixed-point mode (bit-identical on a
// Cortex-M0 and a PC). Each day every cell divides (p = 0.14) or dies (p = 0.13); Bozic 2013.
#include <oncostate/oncostate.hpp>

#include <cstdio>

int main() {
    using real = oncostate::sfloat;                 // the real type of fixed-point mode
    constexpr real p_divide(0.14);                  // per cell per day
    constexpr real p_die_if_not_divided(0.13 / 0.86);
    oncostate::xoshiro128pp rng(2026, 0);           // (seed, patient index)
    std::uint64_t cells = 1000;
    for (int day = 0; day <= 1825; ++day) {
        if (day % 365 == 0) {
            const real cm3 = real::from_uint(cells) / real(1e9);  // 1e9 cells per cm^3
            const real mm = real(10.0) * oncostate::math::cbrt(real(6.0 / 3.141592653589793) * cm3);
            std::printf("day %4d: %12llu cells, %5.1f mm\n", day, static_cast<unsigned long long>(cells), mm.to_double());
        }
        const std::uint64_t born = oncostate::binomial(rng, cells, p_divide);
        const std::uint64_t died = oncostate::binomial(rng, cells - born, p_die_if_not_divided);
        cells = cells + born - died;  // a daughter is born; the mother stays
    }
}
