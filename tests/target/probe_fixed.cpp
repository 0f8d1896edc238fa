// Link-time probe: what an application using oncostate's integer paths pulls in. Checked with
// nm for heap/exception symbols (all cores) and soft-float helpers (m0).
// Inputs are volatile so the optimiser cannot fold the work away; the result is printed.
#include <cstdint>

#if __has_include(<oncostate/oncostate.hpp>)
#include <oncostate/oncostate.hpp>
#else
#include <oncostate/config.hpp>
#endif

#include "semihost.hpp"

namespace {

volatile std::int32_t input_a = 3 << 16;        // 3.0 in Q16.16
volatile std::int32_t input_b = (1 << 16) / 4;  // 0.25 in Q16.16
volatile std::uint32_t input_seed = 12345u;

// Fixed-point math, sfloat probabilities, the PRNG and the samplers, as the model uses them.
std::int32_t exercise(std::int32_t a, std::int32_t b, std::uint32_t seed) {
    const oncostate::q16_16 x = oncostate::q16_16::from_raw(a) * oncostate::q16_16::from_raw(b);
    const oncostate::q16_16 y = oncostate::math::cbrt(x) + oncostate::math::exp(oncostate::q16_16::from_raw(b));
    oncostate::xoshiro128pp g(seed, 7);
    constexpr oncostate::sfloat p_mutation(5e-8);
    constexpr oncostate::sfloat p_divide(0.13);
    std::uint64_t k = oncostate::binomial(g, std::uint64_t{1} << 30, p_divide);
    k += oncostate::binomial(g, 1000000u + seed, p_mutation);
    k += oncostate::poisson(g, oncostate::sfloat::from_uint(seed % 5000u));
    k += oncostate::bernoulli(g, p_mutation) ? 1u : 0u;
    // one lesion's population kernel with a resistance mechanism and a therapy
    oncostate::kernel_params<oncostate::sfloat> p;
    constexpr oncostate::sfloat birth(0.14), death(0.05), cost(0.1), kill(0.5);
    p.growth.birth = birth;
    p.growth.death = death;
    p.growth.carrying_capacity = 1000000000u;
    oncostate::mechanism<oncostate::sfloat> m;
    m.mutation_probability = p_mutation;
    m.fitness_cost = cost;
    if (p.resistance.add(m) != oncostate::errc::ok || p.validate() != oncostate::errc::ok) return -1;
    oncostate::population<oncostate::q16_16, 4> pop;
    pop.add_cells(0, seed);
    oncostate::therapy_action<oncostate::sfloat> drug;
    drug.kill_dividing = kill;
    for (int day = 0; day < 50; ++day) pop.step(p, g, &drug, day & 1);
    k += pop.cells();
    // a whole patient with immune control, dissemination, the clinic's view and a snapshot
    static oncostate::patient_params<oncostate::sfloat> pp;
    pp.primary = p;
    pp.metastasis = p;
    constexpr oncostate::sfloat bone(0.7), lung(0.3);
    pp.sites[static_cast<int>(oncostate::organ::bone)].tropism = bone;
    pp.sites[static_cast<int>(oncostate::organ::lung)].tropism = lung;
    pp.immune_on = 1;
    static oncostate::patient<oncostate::q16_16, 8, 2> pt;
    if (pt.start(pp, seed, 0, 100000) != oncostate::errc::ok) return -2;
    for (int day = 0; day < 30; ++day) pt.step(pp);
    const auto view = pt.observe(pp);
    static std::uint8_t buf[oncostate::snapshot_size<oncostate::patient<oncostate::q16_16, 8, 2>>()];
    std::size_t n = 0;
    if (oncostate::save_snapshot(pt, buf, sizeof buf, n) != oncostate::errc::ok ||
        oncostate::restore_snapshot(pt, buf, n) != oncostate::errc::ok)
        return -3;
    k += pt.total_cells() + view.ctc_per_7_5_ml + static_cast<std::uint64_t>(view.visible_count);
    return y.raw() + static_cast<std::int32_t>(k & 0xFFFFu);
}

}  // namespace

int main() {
    semihost::write("probe_fixed (oncostate " ONCOSTATE_VERSION_STRING "): ");
    semihost::write_dec(exercise(input_a, input_b, input_seed));
    semihost::write("\n");
    return 0;
}
