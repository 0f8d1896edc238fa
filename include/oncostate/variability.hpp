// oncostate: between-patient variability. Tumours of one type grow at very different speeds in
// different patients (untreated pancreatic cancers on serial CT: 20 to 977 days, docs/presets.md);
// a cohort that shares one parameter set does not, and its survival curve falls as a cliff.
// individual_params() gives one patient's parameters: the cohort's, with the net growth rate
// scaled by a log-normal factor drawn from a stream of the patient's own (seed, index), so a
// cohort gives the same patients however it is split.
#ifndef ONCOSTATE_VARIABILITY_HPP
#define ONCOSTATE_VARIABILITY_HPP

#include "config.hpp"
#include "distributions.hpp"
#include "errc.hpp"
#include "math.hpp"
#include "patient.hpp"
#include "random.hpp"
#include "real.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

// The largest coefficient of variation individual_params() accepts.
constexpr int max_doubling_time_cv = 4;
// Mixed into the cohort's seed, so a patient's growth factor and its simulation draw from
// different streams of the same (seed, index).
constexpr std::uint64_t variability_stream_salt = 0x5851F42D4C957F2Du;

// Rewrites `p` for patient `index` of a cohort: the doubling time ln2 / (b - d) of the primary and
// of the metastases is multiplied by exp(sigma Z), Z standard normal, sigma^2 = ln(1 + cv^2): a
// log-normal doubling time with the cohort's median and coefficient of variation `cv`. The birth
// probability stays; the death probability moves (at least 0, so the fastest tumour grows at the
// birth rate). Tumours that do not grow (b <= d) are left as they are. cv = 0 leaves `p`
// unchanged; the draw uses its own stream, never the patient's.
template <class R>
constexpr errc individual_params(patient_params<R>& p, R cv, std::uint64_t seed, std::uint64_t index) noexcept {
    using k = real_const<R>;
    if (!(cv >= k::zero) || cv > real_traits<R>::from_int(max_doubling_time_cv)) return errc::growth_variability_invalid;
    if (!(cv > k::zero)) return errc::ok;
    xoshiro128pp g(seed ^ variability_stream_salt, index);
    const R sigma = math::sqrt(math::log1p(cv * cv));
    const R faster = math::exp(-sigma * normal<R>(g));  // the factor on the net growth rate
    auto scale = [faster](growth_params<R>& gr) {
        if (!(gr.birth > gr.death)) return;
        const R death = gr.birth - (gr.birth - gr.death) * faster;
        gr.death = death > k::zero ? death : k::zero;
    };
    scale(p.primary.growth);
    scale(p.metastasis.growth);
    return errc::ok;
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_VARIABILITY_HPP
