// One lesion in fixed point (bit-identical on a Cortex-M0 and a PC): it grows for two years, a
// drug-resistant clone arises by mutation, then a year of therapy selects it.
#include <oncostate/oncostate.hpp>

#include <cstdio>

int main() {
    using real = oncostate::sfloat;                     // probabilities in fixed-point mode
    oncostate::kernel_params<real> params;
    params.growth.birth = real(0.14);                   // per cell per day (Bozic 2013)
    params.growth.death = real(0.13);
    params.growth.carrying_capacity = 1000000000000;    // 1e12 cells
    params.dormancy.avascular_cap = oncostate::max_cells;  // vascularised from the start
    oncostate::mechanism<real> target_site;             // e.g. a T790M-like mutation
    target_site.mutation_probability = real(5e-8);      // per daughter cell
    target_site.residual[0] = real(0.0);                // defeats therapy 0 completely
    params.resistance.add(target_site);

    oncostate::population<oncostate::q16_16, 4> lesion;
    lesion.add_cells(0, 100000000);                     // 1e8 sensitive cells
    oncostate::therapy_action<real> drug;               // therapy 0: kills dividing cells
    drug.kill_dividing = real(0.5);
    oncostate::xoshiro128pp rng(2026, 0);               // (seed, patient index)
    for (int day = 0; day <= 1095; ++day) {
        if (day % 182 == 0)
            std::printf("day %4d: %12llu cells, %9llu resistant\n", day, static_cast<unsigned long long>(lesion.cells()),
                        static_cast<unsigned long long>(lesion.cells_with(1)));
        lesion.step(params, rng, &drug, day >= 730 ? 1 : 0);  // therapy from year 2
    }
}
