// oncostate: the clinic's view. What imaging, blood tests and symptoms show, as opposed to the
// truth (exact cell counts) that no clinician sees. "No evidence of disease" is not "cured".
#ifndef ONCOSTATE_OBSERVABLES_HPP
#define ONCOSTATE_OBSERVABLES_HPP

#include "config.hpp"
#include "math.hpp"
#include "real.hpp"
#include "site.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

enum class symptom : std::uint8_t {
    none,
    local_mass,          // the primary: a lump, bleeding, obstruction
    bone_pain,           // bone: pain, fracture (seed 002)
    breathlessness,      // lung: cough, shortness of breath
    jaundice,            // liver: jaundice, abdominal pain
    headache,            // brain: headache, seizures
    palpable_node,       // lymph node: a lump
    abdominal_swelling,  // peritoneum: ascites
    flank_pain,          // adrenal
};

constexpr const char* symptom_name(symptom s) noexcept {
    switch (s) {
        case symptom::none: return "none";
        case symptom::local_mass: return "local_mass";
        case symptom::bone_pain: return "bone_pain";
        case symptom::breathlessness: return "breathlessness";
        case symptom::jaundice: return "jaundice";
        case symptom::headache: return "headache";
        case symptom::palpable_node: return "palpable_node";
        case symptom::abdominal_swelling: return "abdominal_swelling";
        case symptom::flank_pain: return "flank_pain";
    }
    return "unknown";
}

// The symptom a lesion at this site causes once it is large enough.
constexpr symptom site_symptom(site s, organ primary) noexcept {
    if (s.is_node()) return symptom::palpable_node;
    if (s.where == primary) return symptom::local_mass;
    switch (s.where) {
        case organ::bone: return symptom::bone_pain;
        case organ::lung: return symptom::breathlessness;
        case organ::liver: return symptom::jaundice;
        case organ::brain: return symptom::headache;
        case organ::peritoneum: return symptom::abdominal_swelling;
        case organ::adrenal: return symptom::flank_pain;
        default: return symptom::local_mass;
    }
}

// Clinical stage from what imaging shows: localized, regional (nodes), distant (stage IV).
enum class stage : std::uint8_t { none, localized, regional, distant };

constexpr const char* stage_name(stage s) noexcept {
    switch (s) {
        case stage::none: return "none";
        case stage::localized: return "localized";
        case stage::regional: return "regional";
        case stage::distant: return "distant";
    }
    return "unknown";
}

template <class R>
struct clinic_params {
    struct init {  // constant-initialised defaults (no run-time conversion from double)
        static constexpr R imaging = R(5.0), measurable = R(10.0), measurable_node = R(15.0), normal_node = R(10.0);
        static constexpr R half_life = R(1.5), blood = R(5000.0), captured = R(0.0025);
        static constexpr R marker0 = R(2.0), marker1 = R(1.0);
    };
    // 1e9 cells per cm^3 (Del Monte, Cell Cycle 2009 argues 1e8 for epithelial tumours).
    std::uint64_t cells_per_cm3 = 1000000000;
    // Smallest lesion a scan shows: about 5 mm, 6e7 cells (Bozic et al., eLife 2013); PET 8-10 mm.
    R imaging_mm = init::imaging;
    // RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009): measurable non-nodal lesions >= 10 mm,
    // nodes >= 15 mm short axis; nodes < 10 mm are normal.
    R measurable_mm = init::measurable;
    R measurable_node_mm = init::measurable_node;
    R normal_node_mm = init::normal_node;
    // Circulating tumour cells per 7.5 mL: shed cells x mean life in blood x 7.5 / blood volume,
    // times the share an assay captures. Half-life 1-2.4 h (Meng et al., Clin Cancer Res 2004);
    // >= 5 per 7.5 mL is the poor-prognosis cut-off in metastatic breast cancer (Cristofanilli et
    // al., NEJM 2004). The captured share is illustrative: intact, EpCAM-positive cells only.
    R ctc_half_life_hours = init::half_life;
    R blood_ml = init::blood;
    R ctc_captured = init::captured;
    // A tumour marker (PSA, CEA) proportional to burden, plus a baseline. Illustrative units.
    R marker_baseline = init::marker0;
    R marker_per_1e9_cells = init::marker1;
    // Oligometastatic: at most this many distant lesions in at most this many organs (seed 001;
    // SABR-COMET allowed 1-5, Palma et al., Lancet 2019).
    int oligometastatic_lesions = 5;
    int oligometastatic_organs = 2;
    // Before diagnosis, is the patient scanned? 1: a lesion is found the day a scan could show it
    // (a screened or closely watched population). 0: no one looks until a symptom brings the
    // patient in; the staging scan then shows every visible lesion. Cancers without screening,
    // pancreatic cancer for one, present this way, often with distant disease.
    std::uint8_t scanned_before_diagnosis = 1;
};

// Diameter of a spherical lesion: d = 10 cbrt(6 V / pi) mm with V = cells / cells_per_cm3 cm^3.
template <class R>
constexpr R diameter_mm(std::uint64_t cells, std::uint64_t cells_per_cm3) noexcept {
    constexpr R six_over_pi = R(6.0 / 3.14159265358979323846);
    constexpr R ten = R(10.0);
    if (cells == 0 || cells_per_cm3 == 0) return real_const<R>::zero;
    const R cm3 = real_traits<R>::from_uint(cells) / real_traits<R>::from_uint(cells_per_cm3);
    return ten * math::cbrt(six_over_pi * cm3);
}

// Cells in a sphere of the given diameter (the inverse of diameter_mm), rounded down.
template <class R>
constexpr std::uint64_t cells_for_diameter(R mm, std::uint64_t cells_per_cm3) noexcept {
    constexpr R pi_over_6000 = R(3.14159265358979323846 / 6000.0);  // (pi/6) (d/10)^3
    if (!(mm > real_const<R>::zero)) return 0;
    const R cells = pi_over_6000 * mm * mm * mm * real_traits<R>::from_uint(cells_per_cm3);
    const std::int64_t c = real_traits<R>::floor_int(cells);
    return c <= 0 ? 0 : static_cast<std::uint64_t>(c);
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_OBSERVABLES_HPP
