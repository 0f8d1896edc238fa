// The population kernel against theory: Galton-Watson extinction and mean growth, Goldie-Coldman,
// dormancy under division-dependent kill, the angiogenic cap, competition, and the machines.
#include "oncostate_test.hpp"
#include "stats.hpp"

#include <cmath>
#include <initializer_list>

using namespace oncostate;

namespace {

template <class S>
kernel_params<real_t<S>> growth_only(double birth, double death) {
    using R = real_t<S>;
    kernel_params<R> p;
    p.growth.birth = R(birth);
    p.growth.death = R(death);
    p.dormancy.avascular_cap = max_cells;  // no angiogenic limit
    return p;
}

#ifdef ONCOSTATE_TARGET_TEST
constexpr int runs = 300;
#else
constexpr int runs = 4000;
#endif

template <class S>
void check_extinction() {
    // One founder, no dormancy: a Galton-Watson process with offspring 0 (p_d), 2 (p_b) or 1,
    // extinct with probability p_d / p_b.
    const auto p = growth_only<S>(0.14, 0.13);
    int extinct = 0;
    for (int r = 0; r < runs; ++r) {
        population<S, 2> pop;
        pop.add_cells(0, 1);
        xoshiro128pp g(100, static_cast<std::uint64_t>(r));
        for (int day = 0; day < 20000 && !pop.extinct() && pop.cells() < 3000; ++day) pop.step(p, g);
        extinct += pop.extinct() ? 1 : 0;
    }
    const double q = 0.13 / 0.14;
    CHECK(test::dabs(extinct / static_cast<double>(runs) - q) <= 4 * std::sqrt(q * (1 - q) / runs));
}

template <class S>
void check_mean_growth() {
    // E[N_t] = N_0 (1 + p_b - p_d)^t, and the Galton-Watson variance around it.
    const double b = 0.14, d = 0.04, n0 = 50;
    const int days = 60;
    const auto p = growth_only<S>(b, d);
    test::moments m;
    for (int r = 0; r < runs / 4; ++r) {
        population<S, 1> pop;
        pop.add_cells(0, 50);
        xoshiro128pp g(200, static_cast<std::uint64_t>(r));
        for (int day = 0; day < days; ++day) pop.step(p, g);
        m.add(static_cast<double>(pop.cells()));
    }
    const double mu = 1 + b - d, s2 = (1 + 3 * b - d) - mu * mu;
    const double mean = n0 * std::pow(mu, days);
    const double var = n0 * s2 * std::pow(mu, days - 1) * (std::pow(mu, days) - 1) / (mu - 1);
    CHECK(test::mean_ok(m, mean, var));
}

template <class S>
void check_goldie_coldman() {
    // Pure birth from one cell: P(no resistant cell at size N) = (1 - alpha)^(N - 1) ~ exp(-alpha (N - 1)),
    // alpha = 1 - (1 - u)^2 the chance that a division yields a resistant daughter.
    using R = real_t<S>;
    auto p = growth_only<S>(0.5, 0.0);
    const double u = 5e-6, alpha = 1 - (1 - u) * (1 - u);
    mechanism<R> m;
    m.mutation_probability = R(u);
    REQUIRE(p.resistance.add(m) == errc::ok);
    int none = 0;
    double expected = 0;
    for (int r = 0; r < runs / 2; ++r) {
        population<S, 2> pop;
        pop.add_cells(0, 1);
        xoshiro128pp g(300, static_cast<std::uint64_t>(r));
        for (int day = 0; day < 200 && pop.cells() < 100000; ++day) pop.step(p, g);
        none += pop.cells_with(1) == 0 ? 1 : 0;
        expected += std::exp(-alpha * (static_cast<double>(pop.cells()) - 1));
    }
    const double n = runs / 2, f = expected / n;
    CHECK(test::dabs(none / n - f) <= 4 * std::sqrt(f * (1 - f) / n));
}

template <class S>
void check_dormancy_shelters(bool reactivation_on) {
    using R = real_t<S>;
    auto p = growth_only<S>(0.1, 0.01);
    p.dormancy.entry = R(0.02);
    if (reactivation_on) p.dormancy.reactivation = R(0.01);
    population<S, 1> pop;
    pop.add_cells(0, 100000);
    xoshiro128pp g(400, reactivation_on ? 1 : 0);
    therapy_action<R> chemo;
    chemo.kill_dividing = R(1.0);  // every division attempt kills the cell
    int dormant_events = 0;
    auto sink = [&](const event& e) { dormant_events += e.code == event_code::lesion_dormant ? 1 : 0; };
    for (int day = 0; day < 400; ++day) pop.step(p, g, &chemo, 1, sink);
    if (!reactivation_on) {
        CHECK(pop.proliferating() == 0);       // every proliferating cell is gone
        CHECK(pop.dormant_cells() > 10000);    // the quiescent ones are untouched
        CHECK(pop.dormancy_state() == dormancy::cellular);
        CHECK(dormant_events == 1);
        const std::uint64_t asleep = pop.dormant_cells();
        for (int day = 0; day < 400; ++day) pop.step(p, g);  // chemo stops: nobody wakes
        CHECK(pop.cells() == asleep);
    } else {
        const std::uint64_t during = pop.cells();
        for (int day = 0; day < 150; ++day) pop.step(p, g);  // chemo stops: regrowth
        CHECK(pop.proliferating() > 10 * during);
        CHECK(pop.dormancy_state() == dormancy::none);
    }
}

template <class S>
void check_angiogenic_cap(bool can_switch) {
    using R = real_t<S>;
    auto p = growth_only<S>(0.2, 0.05);
    p.growth.carrying_capacity = std::uint64_t{1} << 40;
    p.dormancy.avascular_cap = 1000000;
    p.dormancy.angiogenic_switch = can_switch ? R(0.02) : R(0.0);
    population<S, 1> pop;
    pop.add_cells(0, 1000);
    xoshiro128pp g(500, can_switch ? 1 : 0);
    int switches = 0;
    std::uint64_t largest = 0;
    auto sink = [&](const event& e) { switches += e.code == event_code::angiogenic_switch ? 1 : 0; };
    for (int day = 0; day < 1500; ++day) {
        pop.step(p, g, static_cast<const therapy_action<R>*>(nullptr), 0, sink);
        if (!pop.vascularised() && pop.cells() > largest) largest = pop.cells();
    }
    CHECK(largest <= 1050000);  // capped (within 5%) while avascular
    if (can_switch) {
        CHECK(switches == 1);
        CHECK(pop.vascularised());
        CHECK(pop.cells() > 100000000);
        CHECK(pop.dormancy_state() == dormancy::none);
    } else {
        CHECK(switches == 0);
        CHECK(pop.cells() > 500000);
        CHECK(pop.dormancy_state() == dormancy::angiogenic);
    }
}

// Resistant fraction after a year of therapy, with a costly resistant clone in a crowded lesion.
template <class S>
double resistant_fraction(bool continuous) {
    using R = real_t<S>;
    auto p = growth_only<S>(0.14, 0.04);
    p.growth.carrying_capacity = 1000000000;
    mechanism<R> m;
    m.fitness_cost = R(0.3);
    m.residual[0] = R(0.0);  // defeats therapy 0 completely
    p.resistance.add(m);
    population<S, 2> pop;
    pop.add_cells(0, 800000000);
    pop.add_cells(1, 10000);
    xoshiro128pp g(600, continuous ? 1 : 0);
    therapy_action<R> drug;
    drug.kill_dividing = R(0.9);
    const std::uint64_t baseline = pop.cells();
    bool on = true;
    for (int day = 0; day < 365; ++day) {
        if (!continuous) {  // adaptive: pause below half the baseline, resume at the baseline
            if (pop.cells() < baseline / 2) on = false;
            if (pop.cells() >= baseline) on = true;
        }
        pop.step(p, g, &drug, on ? 1 : 0);
    }
    return static_cast<double>(pop.cells_with(1)) / static_cast<double>(pop.cells());
}

template <class S>
void check_all() {
    check_extinction<S>();
    check_mean_growth<S>();
    check_goldie_coldman<S>();
    check_dormancy_shelters<S>(false);
    check_dormancy_shelters<S>(true);
    check_angiogenic_cap<S>(false);
    check_angiogenic_cap<S>(true);
    const double continuous = resistant_fraction<S>(true), adaptive = resistant_fraction<S>(false);
    CHECK(continuous > 0.5);             // continuous therapy hands the lesion to the resistant clone
    CHECK(adaptive < continuous / 2);    // keeping sensitive cells alive restrains it
}

}  // namespace

TEST_CASE("population kernel in float") { check_all<float>(); }
TEST_CASE("population kernel in fixed point") { check_all<q16_16>(); }
#ifndef ONCOSTATE_TARGET_TEST
TEST_CASE("population kernel in double") { check_all<double>(); }
#endif

TEST_CASE("population: parameters are validated and named") {
    using R = sfloat;
    kernel_params<R> p;
    p.growth.birth = R(0.14);
    p.growth.death = R(0.13);
    CHECK(p.validate() == errc::ok);
    auto bad = p;
    bad.growth.birth = R(1.5);
    CHECK(bad.validate() == errc::birth_probability_out_of_range);
    bad = p;
    bad.growth.death = R(-0.1);
    CHECK(bad.validate() == errc::death_probability_out_of_range);
    bad = p;
    bad.dormancy.entry = R(0.8);
    CHECK(bad.validate() == errc::cell_fates_exceed_one);
    bad = p;
    bad.dormancy.reactivation = R(2.0);
    CHECK(bad.validate() == errc::reactivation_out_of_range);
    bad = p;
    bad.growth.carrying_capacity = 1;
    CHECK(bad.validate() == errc::carrying_capacity_invalid);
    bad = p;
    bad.dormancy.avascular_cap = 0;
    CHECK(bad.validate() == errc::avascular_cap_invalid);
    bad = p;
    bad.dormancy.site_factor = R(-1.0);
    CHECK(bad.validate() == errc::site_dormancy_factor_invalid);
    bad = p;
    bad.resistance.instability = R(0.5);
    CHECK(bad.validate() == errc::instability_multiplier_invalid);
    mechanism<R> m;
    m.fitness_cost = R(1.0);
    CHECK(bad.resistance.add(m) == errc::fitness_cost_out_of_range);
    CHECK(bad.resistance.count() == 0);  // a rejected mechanism leaves the model unchanged
    m.fitness_cost = R(0.1);
    m.residual[3] = R(1.5);
    CHECK(bad.resistance.add(m) == errc::residual_efficacy_out_of_range);
    m.residual[3] = R(0.0);
    for (int i = 0; i < max_mechanisms; ++i) CHECK(p.resistance.add(m) == errc::ok);
    CHECK(p.resistance.add(m) == errc::too_many_mechanisms);
    CHECK(error_name(errc::fitness_cost_out_of_range)[0] == 'f');
}

TEST_CASE("population: the resistance and dormancy machines follow their tables") {
    CHECK(resistance_machine::allowed(0, 1, 2));
    CHECK(resistance_machine::allowed(1, 3, 2));
    CHECK_FALSE(resistance_machine::allowed(1, 0, 2));  // mechanisms are never lost
    CHECK_FALSE(resistance_machine::allowed(0, 3, 2));  // one mechanism at a time
    CHECK_FALSE(resistance_machine::allowed(0, 4, 2));  // only the model's mechanisms
    CHECK_FALSE(resistance_machine::allowed(2, 2, 2));
    dormancy_machine d;
    CHECK(d.transition(dormancy::none) == errc::illegal_transition);
    CHECK(d.state() == dormancy::none);
    CHECK(d.transition(dormancy::angiogenic) == errc::ok);
    CHECK(d.transition(dormancy::none) == errc::ok);
    CHECK(d.transition(static_cast<dormancy>(9)) == errc::illegal_transition);
    CHECK(d.state() == dormancy::none);
}

TEST_CASE("population: a full clone table is reported, never silent") {
    using R = sfloat;
    kernel_params<R> p = growth_only<q16_16>(0.3, 0.01);
    mechanism<R> m;
    m.mutation_probability = R(1e-3);
    for (int i = 0; i < 3; ++i) p.resistance.add(m);
    population<q16_16, 2> pop;
    CHECK(pop.add_cells(0, 100000) == errc::ok);
    xoshiro128pp g(700, 0);
    int full_events = 0, appeared = 0;
    auto sink = [&](const event& e) {
        full_events += e.code == event_code::clone_table_full ? 1 : 0;
        appeared += e.code == event_code::resistant_clone_appeared ? 1 : 0;
    };
    for (int day = 0; day < 5; ++day) pop.step(p, g, static_cast<const therapy_action<R>*>(nullptr), 0, sink);
    CHECK(appeared == 1);
    CHECK(full_events > 0);
    CHECK(pop.mutations_not_placed() > 0);
    CHECK(pop.clone_count() == 2);
    CHECK(pop.add_cells(7, 10) == errc::clone_table_full);
    CHECK(pop.add_cells(0, max_cells + 1) == errc::cell_count_too_large);
}

TEST_CASE("population: counts saturate instead of wrapping") {
    kernel_params<sfloat> p = growth_only<q16_16>(1.0, 0.0);
    population<q16_16, 1> pop;
    pop.set_vascularised(true);
    pop.add_cells(0, max_cells - 5);
    xoshiro128pp g(800, 0);
    pop.step(p, g);
    CHECK(pop.cells() == max_cells);
    pop.step(p, g);
    CHECK(pop.cells() == max_cells);
}

TEST_CASE("population: the cell total saturates at max_cells over every clone and compartment") {
    population<q16_16, 4> pop;
    const std::uint64_t quarter = max_cells / 4;
    CHECK(pop.add_cells(0, quarter, quarter) == errc::ok);
    CHECK(pop.cells() == max_cells / 2);
    CHECK(pop.add_cells(1, quarter, quarter - 1) == errc::ok);
    CHECK(pop.cells() == max_cells - 1);
    CHECK(pop.add_cells(2, 1, 0) == errc::ok);
    CHECK(pop.cells() == max_cells);
    CHECK(pop.add_cells(2, 0, 1) == errc::ok);  // one over
    CHECK(pop.cells() == max_cells);
    CHECK(pop.add_cells(3, max_cells, max_cells) == errc::ok);  // the largest counts there are
    CHECK(pop.cells() == max_cells);
    CHECK(pop.add_cells(2, max_cells, max_cells) == errc::ok);
    CHECK(pop.cells() == max_cells);
}

TEST_CASE("population: fixed-point runs are bit-identical on every platform") {
    using R = sfloat;
    kernel_params<R> p = growth_only<q16_16>(0.14, 0.05);
    p.growth.carrying_capacity = 10000000000ull;
    p.dormancy.entry = R(1e-4);
    p.dormancy.reactivation = R(1e-3);
    mechanism<R> m;
    m.mutation_probability = R(5e-8);
    m.fitness_cost = R(0.1);
    m.residual[0] = R(0.05);
    p.resistance.add(m);
    p.resistance.add(m);
    population<q16_16, 4> pop;
    pop.add_cells(0, 1000);
    xoshiro128pp g(2026, 3);
    therapy_action<R> drug;
    drug.kill_dividing = R(0.5);
    test::fingerprint f;
    for (int day = 0; day < 600; ++day) {
        pop.step(p, g, &drug, day > 300 ? 1 : 0);
        for (int i = 0; i < 4; ++i) f.add(pop[i].proliferating ^ (pop[i].dormant << 20) ^ pop[i].genes);
    }
    CHECK(f.h == 6099695446221630911u);  // recorded on x86-64; must match on every target
}

template <class S>
void check_lesion_action() {
    // A lesion's own action (the patient's immune kill) acts exactly as if it ended the list, and
    // rates derived once by the caller give exactly the rates step() derives itself.
    using R = real_t<S>;
    auto p = growth_only<S>(0.2, 0.05);
    p.dormancy.entry = R(0.02);
    p.dormancy.reactivation = R(0.03);
    p.dormancy.dormant_death = R(0.01);
    mechanism<R> m;
    m.mutation_probability = R(1e-4);
    m.residual[0] = R(0.2);  // partly defeats therapy 0
    REQUIRE(p.resistance.add(m) == errc::ok);
    const kernel_rates<R> rates = kernel_rates<R>::of(p);
    therapy_action<R> both[2];
    both[0].therapy = 0;
    both[0].kill_dividing = R(0.6);
    both[1].therapy = immune_therapy;
    both[1].kill_all = R(0.03);
    population<S, 4> listed, own, rated, negative, alone, untreated;
    for (population<S, 4>* x : {&listed, &own, &rated, &negative, &alone, &untreated}) x->add_cells(0, 100000);
    xoshiro128pp g1(7, 1), g2 = g1, g3 = g1;
    for (int day = 0; day < 200; ++day) {
        const bool treated = day % 3 != 0;  // untreated days take the shared rates
        listed.step(p, g1, both, treated ? 2 : 0);
        own.step(p, g2, both, treated ? 1 : 0, null_sink{}, real_const<R>::one, treated ? &both[1] : nullptr);
        rated.step(p, g3, both, treated ? 1 : 0, null_sink{}, real_const<R>::one, treated ? &both[1] : nullptr, &rates);
        for (int i = 0; i < 4; ++i) {
            CHECK(listed[i].proliferating == own[i].proliferating);
            CHECK(listed[i].dormant == own[i].dormant);
            CHECK(listed[i].genes == own[i].genes);
            CHECK(rated[i].proliferating == own[i].proliferating);
            CHECK(rated[i].dormant == own[i].dormant);
        }
    }
    CHECK(listed.cells() > 0);
    CHECK(listed.dormant_cells() > 0);
    // a negative count is an empty list; the lesion's own action still acts
    xoshiro128pp g4(8, 1), g5 = g4, g6 = g4;
    for (int day = 0; day < 20; ++day) {
        negative.step(p, g4, both, -3, null_sink{}, real_const<R>::one, &both[1]);
        alone.step(p, g5, &both[1], 1);
        untreated.step(p, g6);
    }
    CHECK(negative[0].proliferating == alone[0].proliferating);
    CHECK(negative[0].dormant == alone[0].dormant);
    CHECK(negative.cells() < untreated.cells());  // the immune kill acted
}

TEST_CASE("population: a lesion's own action is the list's last, and given rates equal derived ones") {
    check_lesion_action<float>();
    check_lesion_action<q16_16>();
}

TEST_CASE("population: the tenth of the avascular cap is floor(cap / 10) without a division") {
    const std::uint64_t edges[] = {0, 1, 9, 10, 11, 19, 20, 999999, 1000000, UINT64_MAX, UINT64_MAX - 5, UINT64_MAX / 10 * 10};
    for (std::uint64_t x : edges) CHECK(oncostate::detail::tenth(x) == x / 10);
    std::uint64_t x = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 2000; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        CHECK(oncostate::detail::tenth(x) == x / 10);
        CHECK(oncostate::detail::tenth(x >> (i % 64)) == (x >> (i % 64)) / 10);
    }
}
