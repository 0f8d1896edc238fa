// oncostate-bench: a year of one patient (issue 4).
//
//   patient_bytes                          sizeof(patient<q16_16, 16, 4>) (target <= 3 KB)
//   patient_bytes_float                    sizeof(patient<float, 16, 4>)
//   patient_year_ms_<scalar>               365 days (step() calls) of the patient below, from a
//                                          saved state, float and fixed (target < 1 ms on x86-64)
//   patient_day_ns_<scalar>                the same per simulated day
//   patient_year_lesions_in_use[_float]    fewest active lesions (founded, not ended) on any day of
//                                          the timed year, out of 16 slots
//   patient_year_cells[_float]             total cells at the end of the timed year
//
// The scenario: a breast primary of 3e9 cells (about 18 mm), invasive from the first day, Bozic's
// growth rates (b = 0.14, d = 0.13, K = 1e12), dormancy entry and reactivation 1e-6 per day, two
// resistance mechanisms (mutation 5e-8 per daughter), metastases with angiogenic switch 0.01 per
// day, the Kuznetsov immune response on every lesion, and the default (literature) cascade, which
// seeds a few founders a day from a primary this size: every slot is in use by about day 50,
// and at least 14 of the 16 hold an active lesion on every day of the timed year (days 301-665).
// Tropism over bone (high dormancy), liver, lung and brain. No therapy: the natural history. No
// metastasis nears the avascular cap within the year (the largest holds a few thousand cells), so
// only the primary sheds, and most of the kernel's draws are small-count binomials (BTRS, inversion).
//
// Method: an untimed warm-up of 300 days from a fixed seed, the state saved (the patient is
// trivially copyable: a plain copy), then every timed year starts from a copy of that state, so
// every year simulates the same trajectory and does the same work. A timed run is `years` such
// years; the figure is the best of `repeats` runs. The same year is replayed untimed to count the
// lesions and to check that the patient lives through it.
#ifndef ONCOSTATE_BENCH_PATIENT_HPP
#define ONCOSTATE_BENCH_PATIENT_HPP

#include <oncostate/oncostate.hpp>

#include "bench_util.hpp"

#include <algorithm>  // min
#include <cstdint>    // fixed-width integers
#include <cstdio>     // fprintf
#include <cstdlib>    // exit
#include <string>     // names

namespace bench {
namespace patient_year {

using oncostate::q16_16;
using oncostate::real_t;

constexpr int max_lesions = 16;
constexpr int max_clones = 4;
template <class S>
using patient_type = oncostate::patient<S, max_lesions, max_clones>;

constexpr std::uint64_t seed = 2024;
constexpr std::uint64_t patient_index = 0;
constexpr std::uint64_t primary_cells = 3000000000;  // 3e9: about 3 cm^3
constexpr int warmup_days = 300;
constexpr int year_days = 365;
constexpr std::uint64_t years_per_run = 10;  // timed years per run, before the scale argument

inline void check(oncostate::errc e) {
    if (e != oncostate::errc::ok) {
        std::fprintf(stderr, "oncostate-bench: patient set-up rejected (errc %d)\n", static_cast<int>(e));
        std::exit(1);
    }
}

// The parameters, in the scalar's real type. Constants come in through R(double) here, outside
// every timed loop.
template <class R>
oncostate::patient_params<R> scenario_params() {
    using oncostate::organ;
    oncostate::patient_params<R> p;
    p.primary_organ = organ::breast;
    p.primary.growth.birth = R(0.14);
    p.primary.growth.death = R(0.13);
    p.primary.growth.carrying_capacity = 1000000000000;  // 1e12
    p.primary.dormancy.entry = R(1e-6);
    p.primary.dormancy.reactivation = R(1e-6);
    p.primary.dormancy.dormant_death = R(1e-3);
    oncostate::mechanism<R> m;
    m.mutation_probability = R(5e-8);
    m.fitness_cost = R(0.1);
    m.residual[0] = R(0.1);
    check(p.primary.resistance.add(m));
    check(p.primary.resistance.add(m));
    p.metastasis = p.primary;
    p.metastasis.dormancy.angiogenic_switch = R(0.01);
    p.invasion = R(1.0);
    p.invasion_min_cells = 1;
    // p.spread: the defaults (Butler & Gullino shedding, Luzzi's extravasation; about 2e-7 of
    // the shed cells found a lesion).
    oncostate::site_profile<R>& bone = p.sites[static_cast<int>(organ::bone)];
    bone.tropism = R(0.45);
    bone.dormancy_factor = R(10.0);  // the marrow niche holds cells quiescent
    bone.founder_dormant = R(0.2);
    bone.symptom_cells = 1000000000;  // pain at about 1 cm^3
    oncostate::site_profile<R>& liver = p.sites[static_cast<int>(organ::liver)];
    liver.tropism = R(0.25);
    liver.vital_cells = 300000000000;  // 3e11
    oncostate::site_profile<R>& lung = p.sites[static_cast<int>(organ::lung)];
    lung.tropism = R(0.2);
    lung.symptom_cells = 3000000000;
    oncostate::site_profile<R>& brain = p.sites[static_cast<int>(organ::brain)];
    brain.tropism = R(0.1);
    brain.symptom_cells = 100000000;
    brain.vital_cells = 30000000000;
    p.immune_on = 1;
    check(p.validate());
    return p;
}

template <class S>
int active_lesions(const patient_type<S>& pt) {
    int n = 0;
    for (int i = 0; i < max_lesions; ++i) n += pt[i].active() ? 1 : 0;
    return n;
}

// The parameters and the state after the warm-up.
template <class S>
struct scenario {
    using R = real_t<S>;
    oncostate::patient_params<R> params = scenario_params<R>();
    patient_type<S> saved;

    scenario() {
        check(saved.start(params, seed, patient_index, primary_cells));
        for (int day = 0; day < warmup_days && saved.alive(); ++day) saved.step(params);
    }
};

// `years` copies of the saved state, each stepped one year; returns a checksum.
template <class S>
std::uint64_t run_years(const scenario<S>& sc, std::uint64_t years) {
    std::uint64_t sum = 0;
    for (std::uint64_t y = 0; y < years; ++y) {
        patient_type<S> pt = sc.saved;  // trivially copyable
        for (int day = 0; day < year_days; ++day) pt.step(sc.params);
        sum += pt.total_cells() + static_cast<std::uint64_t>(pt.day());
    }
    return sum;
}

template <class S>
void bench_scalar(const std::string& scalar_name, const std::string& count_suffix) {
    static const scenario<S> sc;  // static: two 3 KB patients and the parameters off the stack
    if (!sc.saved.alive()) {
        std::fprintf(stderr, "oncostate-bench: patient_year_%s: the patient died in the warm-up\n", scalar_name.c_str());
    }
    const double ns = time_best(scaled(years_per_run), [](std::uint64_t years) { return run_years(sc, years); });
    report("patient_year_ms_" + scalar_name, ns * 1e-6, "ms");
    report("patient_day_ns_" + scalar_name, ns / year_days, "ns");

    // The same year, untimed: lesions in use on every day, and survival.
    static patient_type<S> pt;
    pt = sc.saved;
    int fewest = active_lesions(pt);
    for (int day = 0; day < year_days; ++day) {
        pt.step(sc.params);
        fewest = std::min(fewest, active_lesions(pt));
    }
    if (!pt.alive()) {
        std::fprintf(stderr, "oncostate-bench: patient_year_%s: the patient died on day %d (lower the burden)\n",
                     scalar_name.c_str(), static_cast<int>(pt.result().death_day));
    }
    report("patient_year_lesions_in_use" + count_suffix, static_cast<std::uint64_t>(fewest), "lesions");
    report("patient_year_cells" + count_suffix, pt.total_cells(), "cells");
    checksum += pt.total_cells();
}

// About 1 s in all on a 2-core EPYC VM (the fixed-point years take most of it).
inline void run_all() {
    report("patient_bytes", std::uint64_t{sizeof(patient_type<q16_16>)}, "bytes");
    report("patient_bytes_float", std::uint64_t{sizeof(patient_type<float>)}, "bytes");
    bench_scalar<float>("float", "_float");
    bench_scalar<q16_16>("fixed", "");
}

}  // namespace patient_year
}  // namespace bench

#endif  // ONCOSTATE_BENCH_PATIENT_HPP
