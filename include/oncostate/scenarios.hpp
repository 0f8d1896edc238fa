// oncostate: teaching scenarios. Each is a (preset, seed, plan) triple that shows one lesson; a
// test asserts that it does (tests/core/test_scenarios.cpp).
#ifndef ONCOSTATE_SCENARIOS_HPP
#define ONCOSTATE_SCENARIOS_HPP

#include "config.hpp"
#include "patient.hpp"
#include "presets.hpp"
#include "real.hpp"
#include "treatment.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

enum class lesson : std::uint8_t {
    oligometastatic_cure,         // few metastases removed locally: cured (seed 001; SABR-COMET)
    late_relapse,                 // the primary removed, quiescent cells wake years later (Pan 2017)
    targeted_relapse_and_rescue,  // a T790M-like clone ends the first line, a next-generation drug rescues
    germ_cell_cure,               // widespread disease cured by chemotherapy (IGCCCG)
    durable_immunotherapy,        // checkpoint inhibition holds the disease after the drug stops
    ned_not_cure,                 // chemotherapy leaves no visible disease, yet it returns
    count_
};
constexpr int lesson_count = static_cast<int>(lesson::count_);

// NOLINTNEXTLINE(clang-analyzer-optin.performance.Padding): a short constant table, fields in reading order
struct scenario {
    lesson id{};
    const char* name = nullptr;     // short, for a command line or a serial menu
    // cppcheck-suppress unusedStructMember ; read by the programs that tell the story
    const char* teaches = nullptr;  // one sentence
    cancer type{};
    std::uint64_t seed = 0;
    std::uint64_t founder_cells = 0;  // the primary at day 0
    std::int32_t days = 0;            // how long the story takes
    std::uint64_t resistant_cells = 0;  // a resistant subclone already present at day 0
    genotype resistant_genes = 0;
};

// inline: one table in the whole program, so find_scenario()'s pointers compare equal across
// translation units.
inline constexpr scenario scenarios[lesson_count] = {
    {lesson::oligometastatic_cure, "oligometastatic-cure",
     "A few liver metastases, removed by surgery, can mean cure.", cancer::colorectal, 5, 10000000, 7300, 0, 0},
    {lesson::late_relapse, "late-relapse",
     "Cells asleep in the bone marrow can wake up years after the primary was removed.",
     cancer::breast_hr_positive, 2, 20000000, 7300, 0, 0},
    {lesson::targeted_relapse_and_rescue, "t790m-relapse-rescue",
     "A targeted drug works until a resistant clone takes over; a next-generation drug works again.",
     cancer::nsclc_egfr, 1, 2000000000, 2555, 20000000, 1},
    {lesson::germ_cell_cure, "germ-cell-cure", "Some cancers are cured by chemotherapy even when widespread.",
     cancer::germ_cell, 1, 20000000, 3650, 0, 0},
    {lesson::durable_immunotherapy, "durable-immunotherapy",
     "Checkpoint inhibitors can hold the disease in check long after the last dose.", cancer::melanoma, 3,
     1000000000, 3650, 0, 0},
    {lesson::ned_not_cure, "ned-not-cure",
     "No evidence of disease is not cure: cells too few to see can grow back.", cancer::breast_triple_negative, 1,
     20000000, 3650, 0, 0},
};

// The scenario named `name`, or nullptr.
constexpr const scenario* find_scenario(const char* name) noexcept {
    for (const scenario& s : scenarios) {
        const char* a = s.name;
        const char* b = name;
        int i = 0;
        for (; i < 64 && a[i] != '\0' && a[i] == b[i]; ++i) {}
        if (i < 64 && a[i] == '\0' && b[i] == '\0') return &s;
    }
    return nullptr;
}

// The scenario's patient: its cancer type's preset, adjusted so the lesson shows (each change is
// listed in docs/presets.md).
template <class R>
constexpr patient_params<R> scenario_params(const scenario& s) noexcept {
    patient_params<R> p = preset<R>(s.type);
    switch (s.id) {
        case lesson::oligometastatic_cure:
            // an invasive primary seeds a few liver metastases in the year before it is found
            p.invasion = R(1.0);
            p.invasion_min_cells = 1;
            p.spread.colonise = R(0.0001);
            p.spread.lymphatic = R(0.0);
            p.spread.first_bed = R(1.0);  // every blood-borne cell stops in the liver
            break;
        case lesson::late_relapse: {
            // disseminated cells arrive quiescent in the bone marrow; a woken cell regrows with a
            // doubling time of 80 days
            p.invasion = R(1.0);
            p.invasion_min_cells = 1;
            p.spread.colonise = R(0.2);
            p.spread.lymphatic = R(0.0);
            p.spread.first_bed = R(0.0);
            for (site_profile<R>& site : p.sites) site.tropism = R(0.0);
            p.sites[static_cast<int>(organ::bone)].tropism = R(1.0);
            p.sites[static_cast<int>(organ::bone)].founder_dormant = R(1.0);
            p.metastasis.growth.death = R(0.14 - 0.6931471805599453 / 80.0);
            p.metastasis.dormancy.reactivation = R(2e-5);
            p.metastasis.dormancy.entry = R(0.0);
            p.metastasis.dormancy.angiogenic_switch = R(0.05);
            break;
        }
        case lesson::targeted_relapse_and_rescue:
            p.invasion = R(0.0);  // one lesion: the story is resistance, not spread
            p.primary.resistance = resistance_model<R>{};
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.0, column::targeted));  // T790M-like, 1% at day 0
            p.metastasis = p.primary;
            break;
        case lesson::durable_immunotherapy:
            p.invasion = R(0.0);
            break;
        case lesson::germ_cell_cure:
            // invasive from the start: lung and node metastases before diagnosis
            p.invasion = R(1.0);
            p.invasion_min_cells = 1;
            p.spread.colonise = R(0.05);
            break;
        case lesson::ned_not_cure:
            p.primary.dormancy.entry = R(1e-4);          // a reserve of quiescent cells...
            p.primary.dormancy.reactivation = R(2e-3);   // ...that wake when the drug has gone
            p.invasion = R(0.0);
            break;
        default:
            break;
    }
    return p;
}

template <class R>
constexpr treatment_plan<R> scenario_plan(const scenario& s) noexcept {
    treatment_plan<R> plan = standard_plan<R>(s.type);
    if (s.id == lesson::late_relapse) plan.curative_local = 1;  // surgery of the primary
    return plan;
}

// Starts a care object on the scenario: patient index 0, its primary (or `founder_cells` when
// not 0) and its resistant subclone.
template <class Care>
constexpr errc start_scenario(Care& c, const scenario& s, const patient_params<typename Care::real>& p,
                              const treatment_plan<typename Care::real>& plan, std::uint64_t seed,
                              std::uint64_t founder_cells = 0) noexcept {
    errc e = c.start(p, plan, seed, 0, founder_cells != 0 ? founder_cells : s.founder_cells);
    if (e == errc::ok && s.resistant_cells > 0) e = c.truth().add_cells(0, s.resistant_genes, s.resistant_cells);
    return e;
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_SCENARIOS_HPP
