// oncostate: cancer-type presets and their standard lines of therapy. Illustrative values from
// the literature cited in docs/presets.md; not a prediction for any patient.
//
// The functions are constexpr: on a microcontroller evaluate them at compile time,
//   static constexpr auto params = oncostate::preset<oncostate::sfloat>(oncostate::cancer::melanoma);
// so that no double arithmetic reaches the target.
#ifndef ONCOSTATE_PRESETS_HPP
#define ONCOSTATE_PRESETS_HPP

#include "config.hpp"
#include "patient.hpp"
#include "real.hpp"
#include "resistance.hpp"
#include "site.hpp"
#include "treatment.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

enum class cancer : std::uint8_t {
    breast_hr_positive,
    breast_triple_negative,
    prostate,
    colorectal,
    nsclc_egfr,
    melanoma,
    pancreatic,
    germ_cell,
    kidney,
    count_
};
constexpr int cancer_count = static_cast<int>(cancer::count_);

constexpr const char* cancer_name(cancer c) noexcept {
    switch (c) {
        case cancer::breast_hr_positive: return "breast_hr_positive";
        case cancer::breast_triple_negative: return "breast_triple_negative";
        case cancer::prostate: return "prostate";
        case cancer::colorectal: return "colorectal";
        case cancer::nsclc_egfr: return "nsclc_egfr";
        case cancer::melanoma: return "melanoma";
        case cancer::pancreatic: return "pancreatic";
        case cancer::germ_cell: return "germ_cell";
        case cancer::kidney: return "kidney";
        case cancer::count_: break;
    }
    return "unknown";
}

// The residual[] columns the presets use for their therapies.
namespace column {
constexpr std::uint8_t chemotherapy = 0;      // cytotoxics; defeated by a drug-efflux pump
constexpr std::uint8_t targeted = 1;          // first-generation targeted drugs (gefitinib-like)
constexpr std::uint8_t hormone = 2;           // endocrine therapy, androgen deprivation
constexpr std::uint8_t next_generation = 3;   // osimertinib-like drugs that overcome target-site mutations
constexpr std::uint8_t second_chemotherapy = 4;
constexpr std::uint8_t angiogenesis = 5;      // VEGF-pathway tyrosine kinase inhibitors
}  // namespace column

namespace detail {

struct preset_numbers {
    organ primary;
    double doubling_days;  // volume doubling time (MODEL_SPEC section 10)
    // tropism weights: % of metastatic patients with a site (MODEL_SPEC section 4)
    double bone, liver, lung, brain, adrenal, peritoneum, nodes;
    double dormancy_entry;     // per proliferating cell per day
    double reactivation;       // per quiescent cell per day
    double lymphatic;          // share of surviving cells on the lymphatic route
    double exponential_up_to;  // cells up to which the doubling time holds (Gompertz reference)
    std::uint8_t scanned;      // clinic.scanned_before_diagnosis: 0 when symptoms find it
};

constexpr preset_numbers numbers(cancer c) noexcept {
    switch (c) {
        // Ryu 2014 (doubling); Savci-Heijink 2015 (sites); long dormancy (Pan 2017).
        case cancer::breast_hr_positive: return {organ::breast, 240, 71, 55, 31, 17, 0, 0, 0, 1e-5, 2e-6, 0.3, 1e9, 1};
        case cancer::breast_triple_negative: return {organ::breast, 100, 40, 45, 45, 25, 0, 0, 0, 1e-6, 1e-6, 0.3, 1e9, 1};
        // Gandaglia 2014; Bubendorf 2000.
        case cancer::prostate: return {organ::prostate, 300, 87, 17, 27, 0, 13, 0, 11, 1e-5, 1e-6, 0.3, 1e9, 1};
        // Finlay 1988 (doubling of liver metastases); Munich series 2017 (sites).
        case cancer::colorectal: return {organ::colon, 120, 0, 70, 24, 0, 0, 15, 16, 1e-6, 1e-6, 0.3, 1e9, 1};
        // Tamura 2015.
        case cancer::nsclc_egfr: return {organ::lung, 250, 34, 13, 32, 28, 17, 0, 9.5, 1e-6, 1e-6, 0.3, 1e9, 1};
        // Patel 1978 (autopsy).
        case cancer::melanoma: return {organ::skin, 60, 49, 58, 71, 49, 47, 0, 74, 1e-6, 1e-6, 0.4, 1e9, 1};
        // Hess 2006. Growth fitted as exponential (Haeno et al., Cell 2012); not screened: symptoms
        // bring the patient in, most often with metastases already seeded (Haeno 2012).
        case cancer::pancreatic: return {organ::pancreas, 100, 10, 85, 20, 0, 0, 20, 0, 1e-7, 1e-6, 0.3, 1e11, 0};
        // Germ-cell tumours spread to retroperitoneal nodes and lung (weights illustrative); they
        // proliferate without a quiescent reserve.
        case cancer::germ_cell: return {organ::testis, 25, 5, 10, 50, 5, 0, 0, 60, 0, 0, 0.6, 1e9, 1};
        // McKay 2014.
        case cancer::kidney: return {organ::kidney, 200, 34, 21, 45, 8, 9, 0, 22, 1e-6, 1e-6, 0.2, 1e9, 1};
        case cancer::count_: break;
    }
    return {organ::breast, 240, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0.3, 1e9, 1};
}

template <class R>
constexpr mechanism<R> make_mechanism(double mutation, double cost, std::uint8_t defeats, double residual = 0.0,
                                      int also = -1) noexcept {
    mechanism<R> m;
    m.mutation_probability = R(mutation);
    m.fitness_cost = R(cost);
    m.residual[defeats] = R(residual);
    if (also >= 0) m.residual[also] = R(residual);
    return m;
}

}  // namespace detail

// The patient parameters of a cancer type.
template <class R>
constexpr patient_params<R> preset(cancer c) noexcept {
    const detail::preset_numbers n = detail::numbers(c);
    patient_params<R> p;
    p.primary_organ = n.primary;
    // b = 0.14 per day, d = b - ln2 / doubling time (Bozic et al., eLife 2013)
    constexpr double b = 0.14;
    p.primary.growth.birth = R(b);
    p.primary.growth.death = R(b - 0.6931471805599453 / n.doubling_days);
    // K of order 1e11-3e12 cells for an organ; the doubling time holds up to ~1e9 cells (the
    // size at which it was measured; pancreatic: 1e11), then Gompertzian slowing sets in
    p.primary.growth.carrying_capacity = 3000000000000;
    p.primary.growth.gompertz_reference = static_cast<std::uint64_t>(n.exponential_up_to);
    p.primary.dormancy.entry = R(n.dormancy_entry);
    p.primary.dormancy.reactivation = R(n.reactivation);
    p.primary.dormancy.dormant_death = R(1e-4);
    p.primary.dormancy.stress_factor = R(10.0);  // drug-tolerant persisters under therapy
    p.primary.dormancy.angiogenic_switch = R(0.01);
    // resistance: about 5e-8 per division per drug (u = 1e-9 per base, ~50 sites; Bozic 2013)
    switch (c) {
        // NOLINTNEXTLINE(bugprone-branch-clone): equal values, kept apart to name each cancer's mechanisms
        case cancer::breast_hr_positive:
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::hormone));       // ESR1-like
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::chemotherapy));  // efflux pump
            break;
        case cancer::prostate:
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::hormone));  // castration resistance
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::chemotherapy));
            break;
        case cancer::nsclc_egfr:
            // T790M defeats first-generation EGFR inhibitors, not osimertinib (seed 000; Oxnard 2011)
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.02, column::targeted));
            // a bypass pathway (MET-like) defeats both generations
            p.primary.resistance.add(detail::make_mechanism<R>(1e-8, 0.05, column::targeted, 0.0, column::next_generation));
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::chemotherapy));
            break;
        case cancer::melanoma:
        case cancer::kidney:
            // antigen loss / immune escape: the immune response keeps 20% of its effect
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, immune_therapy, 0.2));
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::angiogenesis));
            break;
        case cancer::germ_cell:
            p.primary.resistance.add(detail::make_mechanism<R>(1e-9, 0.1, column::chemotherapy));  // rare
            break;
        default:
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::chemotherapy));
            p.primary.resistance.add(detail::make_mechanism<R>(5e-8, 0.05, column::second_chemotherapy));
            break;
    }
    p.metastasis = p.primary;
    p.spread.lymphatic = R(n.lymphatic);
    p.invasion = R(0.002);
    p.invasion_min_cells = 1000000;
    const double weights[organ_count] = {0, 0, 0, n.lung, 0, 0, 0, 0, 0, n.bone, n.liver, n.brain, n.adrenal, n.peritoneum, n.nodes};
    for (int o = 0; o < organ_count; ++o) p.sites[o].tropism = R(weights[o]);
    // bone marrow harbours dormant cells (seed 000): more quiescence, founders often arrive asleep
    p.sites[static_cast<int>(organ::bone)].dormancy_factor = R(10.0);
    p.sites[static_cast<int>(organ::bone)].founder_dormant = R(0.5);
    // symptoms (order 1e9 cells for bone pain or brain symptoms; MODEL_SPEC section 5)
    p.sites[static_cast<int>(organ::bone)].symptom_cells = 1000000000;
    p.sites[static_cast<int>(organ::brain)].symptom_cells = 1000000000;
    p.sites[static_cast<int>(organ::lung)].symptom_cells = 5000000000;
    p.sites[static_cast<int>(organ::liver)].symptom_cells = 10000000000;
    p.sites[static_cast<int>(organ::peritoneum)].symptom_cells = 10000000000;
    p.sites[static_cast<int>(organ::adrenal)].symptom_cells = 20000000000;
    p.sites[static_cast<int>(organ::lymph_node)].symptom_cells = 2000000000;
    p.sites[static_cast<int>(n.primary)].symptom_cells = 30000000000;
    // vital organs (MODEL_SPEC section 9): brain and liver fail before the total burden kills
    p.sites[static_cast<int>(organ::brain)].vital_cells = 30000000000;
    p.sites[static_cast<int>(organ::liver)].vital_cells = 500000000000;
    // a pancreatic primary kills by local destruction in about a third of patients
    // (Iacobuzio-Donahue et al., J Clin Oncol 2009): about 100 cm^3 (illustrative)
    p.sites[static_cast<int>(organ::pancreas)].vital_cells = 100000000000;
    p.clinic.scanned_before_diagnosis = n.scanned;
    p.immune_on = (c == cancer::melanoma || c == cancer::kidney) ? 1 : 0;
    return p;
}

// The standard lines of therapy of a cancer type (illustrative, after MODEL_SPEC section 10).
template <class R>
constexpr treatment_plan<R> standard_plan(cancer c) noexcept {
    treatment_plan<R> plan;
    therapy<R> chemo;  // about 0.5 log10 per 21-day cycle on dividing cells, six cycles
    chemo.kind = therapy_class::chemotherapy;
    chemo.column = column::chemotherapy;
    chemo.kill_dividing = R(0.4);
    chemo.cycle_days = 21;
    chemo.dosing_days = 21;
    chemo.max_days = 126;
    chemo.toxicity = R(0.001);
    therapy<R> chemo2 = chemo;
    chemo2.column = column::second_chemotherapy;
    therapy<R> targeted;  // net -0.03/day on drug (Bozic 2013)
    targeted.kind = therapy_class::targeted;
    targeted.column = column::targeted;
    targeted.kill_all = R(0.04);
    targeted.needs_biomarker = 1;
    targeted.toxicity = R(0.0003);
    therapy<R> next_gen = targeted;
    next_gen.column = column::next_generation;
    therapy<R> hormone;
    hormone.kind = therapy_class::hormone;
    hormone.column = column::hormone;
    hormone.birth_reduction = R(0.3);
    hormone.toxicity = R(0.0003);
    therapy<R> checkpoint;  // up to 24 months (pembrolizumab); durable after stopping
    checkpoint.kind = therapy_class::immunotherapy;
    checkpoint.column = column::chemotherapy;  // no cytotoxic effect: the column is not used
    checkpoint.immune_boost = R(10.0);
    checkpoint.max_days = 730;
    checkpoint.toxicity = R(0.0005);
    therapy<R> tki = targeted;
    tki.column = column::angiogenesis;
    tki.needs_biomarker = 0;
    auto set = [&plan](std::uint8_t i, const therapy<R>& t) {
        plan.therapies[i] = t;
        if (plan.therapy_count < i + 1) plan.therapy_count = static_cast<std::uint8_t>(i + 1);
    };
    auto line = [&plan](std::uint8_t a, std::uint8_t count = 1, std::uint8_t b = 0) {
        therapy_line& l = plan.lines[plan.line_count++];
        l.therapy[0] = a;
        l.therapy[1] = b;
        l.count = count;
    };
    switch (c) {
        case cancer::breast_hr_positive:  // endocrine (+ CDK4/6), then chemotherapy
        case cancer::prostate:            // androgen deprivation, then docetaxel
            set(0, hormone);
            set(1, chemo);
            set(2, chemo2);
            line(0);
            line(1);
            line(2);
            break;
        case cancer::nsclc_egfr:  // gefitinib, then osimertinib, then chemotherapy
            set(0, targeted);
            set(1, next_gen);
            set(2, chemo);
            line(0);
            line(1);
            line(2);
            break;
        case cancer::melanoma:  // nivolumab + ipilimumab
        case cancer::kidney:    // immunotherapy, then a VEGF TKI
            set(0, checkpoint);
            set(1, tki);
            set(2, chemo);
            line(0);
            line(1);
            line(2);
            break;
        case cancer::colorectal:  // resection of liver metastases when few, FOLFOX, FOLFIRI
            set(0, chemo);
            set(1, chemo2);
            line(0);
            line(1);
            plan.curative_local = 1;
            break;
        case cancer::germ_cell: {  // BEP: highly chemo-sensitive
            therapy<R> bep = chemo;
            bep.kill_dividing = R(0.9);
            bep.max_days = 84;  // four cycles
            set(0, bep);
            set(1, chemo2);
            line(0);
            line(1);
            break;
        }
        case cancer::pancreatic:  // FOLFIRINOX, then gemcitabine-based: mostly stable disease
            chemo.kill_dividing = R(0.03);
            chemo2.kill_dividing = R(0.02);
            [[fallthrough]];
        default:  // chemotherapy, then a second chemotherapy
            set(0, chemo);
            set(1, chemo2);
            line(0);
            line(1);
            break;
    }
    return plan;
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_PRESETS_HPP
