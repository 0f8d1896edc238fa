// oncostate: the patient. A primary tumour that invades and sheds cells, most of which die; the
// few that survive each step of the metastatic cascade found lesions in the organs the cancer
// favours; each lesion grows (population kernel), may sleep (dormancy machine), may be held by the
// immune response (Kuznetsov 1994), and walks the progression machine until a scan sees it and
// the patient feels it. One step() is one day.
//
// The whole state is one trivially copyable object with no pointers: copy it to branch a
// scenario, or save it with snapshot.hpp.
#ifndef ONCOSTATE_PATIENT_HPP
#define ONCOSTATE_PATIENT_HPP

#include "config.hpp"
#include "distributions.hpp"
#include "errc.hpp"
#include "events.hpp"
#include "immune.hpp"
#include "observables.hpp"
#include "population.hpp"
#include "progression.hpp"
#include "random.hpp"
#include "real.hpp"
#include "site.hpp"

#include <cstdint>      // fixed-width integers
#include <type_traits>  // std::is_trivially_copyable

ONCOSTATE_NAMESPACE_BEGIN

// How one organ receives and houses metastases.
template <class R>
struct site_profile {
    using k = real_const<R>;
    R tropism = k::zero;          // relative weight as a blood-borne destination (organ tropism)
    R dormancy_factor = k::one;   // multiplies dormancy entry (bone marrow high)
    R founder_dormant = k::zero;  // probability that a founder arrives quiescent
    std::uint64_t symptom_cells = 0;  // cells at which a lesion here causes symptoms; 0: never
    std::uint64_t vital_cells = 0;    // cells in this organ at which it fails (death); 0: not vital
};

// The metastatic cascade, one probability per step so a lesson can show where cells are lost.
template <class R>
struct dissemination_params {
    struct init {
        static constexpr R shed = R(3e-3), survive = R(1e-3), arrest = R(0.5), extravasate = R(0.87);
        static constexpr R colonise = R(5.4e-4), lymphatic = R(0.3), skip = R(0.05), first_bed = R(0.5);
    };
    // Cells entering tumour venous blood: about 3.2e6 per gram per day (Butler & Gullino, Cancer
    // Res 1975), about 3e-3 per cell per day. The lesion keeps them: the growth rates are net.
    R shed = init::shed;
    // Survive circulation (CTC half-life 1-2.4 h, Meng 2004), arrest in a capillary bed, leave the
    // vessel (87% in mice, Luzzi et al., Am J Pathol 1998), and found a lesion. With the founder's
    // own survival (1 - d/b) the product is about 1 lasting metastasis per 6e7 disseminated cells
    // (Coumans et al., BMC Cancer 2013). The split between the steps is illustrative.
    R survive = init::survive;
    R arrest = init::arrest;
    R extravasate = init::extravasate;
    R colonise = init::colonise;
    R lymphatic = init::lymphatic;  // share of surviving cells on the lymphatic route
    R skip = init::skip;            // lymphatic cells that skip the regional node (seed 004)
    R first_bed = init::first_bed;  // blood-borne cells stopped by the first capillary bed

    constexpr errc validate() const noexcept {
        const R* all[] = {&shed, &survive, &arrest, &extravasate, &colonise, &lymphatic, &skip, &first_bed};
        for (const R* v : all) {
            if (!(*v >= real_const<R>::zero) || *v > real_const<R>::one) return errc::dissemination_probability_out_of_range;
        }
        return errc::ok;
    }
    // Cascade efficiency: the share of shed cells that found a lesion (before the founder's own
    // chance of dying out).
    constexpr R founding_efficiency() const noexcept { return survive * arrest * extravasate * colonise; }
};

// The first capillary bed a blood-borne cell meets: the liver through the portal vein for the
// gut, the lung for most others; none for a lung primary (its cells enter the arterial blood).
constexpr organ first_capillary_bed(organ primary) noexcept {
    switch (primary) {
        case organ::colon:
        case organ::pancreas:
        case organ::stomach: return organ::liver;
        case organ::lung: return organ::count_;
        default: return organ::lung;
    }
}

enum class death_cause : std::uint8_t { none, tumour_burden, vital_organ };

constexpr const char* death_cause_name(death_cause c) noexcept {
    switch (c) {
        case death_cause::none: return "none";
        case death_cause::tumour_burden: return "tumour_burden";
        case death_cause::vital_organ: return "vital_organ";
    }
    return "unknown";
}

template <class R>
struct patient_params {
    struct init {
        static constexpr R invasion = R(1e-3);
    };
    organ primary_organ = organ::breast;
    kernel_params<R> primary;     // growth, dormancy and resistance of the primary
    kernel_params<R> metastasis;  // the same for metastases (dormancy entry x the site's factor)
    dissemination_params<R> spread;
    R invasion = init::invasion;                 // daily probability of invasion once large enough
    std::uint64_t invasion_min_cells = 1000000;  // an in-situ lesion invades from this size
    site_profile<R> sites[organ_count] = {};
    immune_params<R> immune;
    std::uint8_t immune_on = 0;  // 1: couple the Kuznetsov model to every lesion
    clinic_params<R> clinic;
    // Death when the total burden reaches about 1e12 cells (1e12-1e13; MODEL_SPEC section 9).
    std::uint64_t lethal_cells = 1000000000000;

    constexpr errc validate() const noexcept {
        errc e = primary.validate();
        if (e == errc::ok) e = metastasis.validate();
        if (e == errc::ok) e = spread.validate();
        if (e != errc::ok) return e;
        if (!(invasion >= real_const<R>::zero) || invasion > real_const<R>::one) return errc::invasion_out_of_range;
        if (static_cast<int>(primary_organ) >= organ_count) return errc::tropism_invalid;
        R total = real_const<R>::zero;
        for (const site_profile<R>& s : sites) {
            if (!(s.tropism >= real_const<R>::zero)) return errc::tropism_invalid;
            if (!(s.founder_dormant >= real_const<R>::zero) || s.founder_dormant > real_const<R>::one) return errc::tropism_invalid;
            if (!(s.dormancy_factor >= real_const<R>::zero)) return errc::site_dormancy_factor_invalid;
            total += s.tropism;
        }
        if (!(total > real_const<R>::zero)) return errc::tropism_invalid;
        if (lethal_cells < 2 || lethal_cells > max_cells) return errc::lethal_burden_invalid;
        if (clinic.cells_per_cm3 == 0 || !(clinic.imaging_mm > real_const<R>::zero) ||
            clinic.oligometastatic_lesions < 1 || clinic.oligometastatic_organs < 1 || clinic.scanned_before_diagnosis > 1)
            return errc::clinic_parameter_invalid;
        if (immune_on > 1 || immune.validate() != errc::ok) return errc::immune_parameter_invalid;
        return errc::ok;
    }
};

template <class Scalar, int MaxClones>
struct lesion {
    using real = real_t<Scalar>;
    static constexpr int max_clones = MaxClones;
    population<Scalar, MaxClones> cells;
    immune_state<real> immune;
    site where;
    progression_machine progress;
    std::uint8_t used = 0;         // the slot holds a lesion
    std::uint8_t detected = 0;     // has been visible on imaging
    std::uint8_t symptomatic = 0;  // has caused symptoms
    std::uint8_t parent = 0;       // the lesion whose cell founded it (0 for the primary itself)
    std::uint8_t invaded = 0;      // the primary has broken its basement membrane (it sheds)
    std::int32_t founded_day = 0;
    std::int32_t detected_day = -1;

    constexpr bool active() const noexcept { return used != 0 && !progress.ended(); }
};

struct outcome {
    std::int32_t death_day = -1;   // -1 while alive
    death_cause cause = death_cause::none;
    organ failed_organ = organ::count_;
    std::int32_t diagnosis_day = -1;  // first lesion visible or first symptom
};

// The clinic's view of one lesion.
template <class R>
struct visible_lesion {
    R diameter_mm = real_const<R>::zero;  // first: no padding before the small fields
    std::uint8_t index = 0;
    site where;
    std::uint8_t measurable = 0;  // RECIST 1.1 measurable
};

template <class R, int MaxLesions>
struct clinic_view {
    stage clinical_stage = stage::none;
    std::uint8_t oligometastatic = 0;
    int visible_count = 0;
    visible_lesion<R> visible[static_cast<unsigned>(MaxLesions)] = {};
    std::uint64_t ctc_per_7_5_ml = 0;  // a Poisson draw around the expected count
    R marker = real_const<R>::zero;
    std::uint32_t symptoms = 0;       // bit (1 << symptom) for every symptom present
    constexpr bool ned() const noexcept { return visible_count == 0; }  // no evidence of disease
};

template <class Scalar, int MaxLesions, int MaxClones>
class patient {
    static_assert(MaxLesions >= 1 && MaxLesions <= 255, "oncostate: MaxLesions must be in [1, 255]");

public:
    using scalar = Scalar;
    using real = real_t<Scalar>;
    using lesion_type = lesion<Scalar, MaxClones>;
    using params_type = patient_params<real>;
    using view_type = clinic_view<real, MaxLesions>;
    static constexpr int max_lesions = MaxLesions;
    static constexpr unsigned slots = static_cast<unsigned>(MaxLesions);
    static constexpr std::int32_t max_day = 1 << 30;  // step() stops here (about 2.9 million years)

    // Begins a patient: one in-situ primary of `founder_cells` cells, day 0. The stream
    // (seed, patient_index) makes the run independent of how a cohort is split.
    constexpr errc start(const params_type& p, std::uint64_t seed, std::uint64_t patient_index,
                         std::uint64_t founder_cells = 1) noexcept {
        const errc e = p.validate();
        if (e != errc::ok) return e;
        if (founder_cells == 0 || founder_cells > max_cells) return errc::cell_count_too_large;
        // member by member: `*this = patient{}` would build a 2-3 KB temporary on the stack
        for (lesion_type& l : lesions_) l = lesion_type{};
        seed_ = seed;
        index_ = patient_index;
        rng_ = xoshiro128pp(seed, patient_index);
        shed_ = colonised_ = lost_ = 0;
        out_ = outcome{};
        day_ = 0;
        last_stage_ = stage::none;
        lesion_type& primary = lesions_[0];
        primary.used = 1;
        primary.where = site{p.primary_organ, node::none};
        primary.progress = progression_machine(progression::in_situ);
        primary.immune.effectors = p.immune.sigma / p.immune.delta;
        primary.cells.set_vascularised(true);  // the primary's own vasculature is not modelled
        primary.cells.add_cells(0, founder_cells);
        return errc::ok;
    }

    // --- the truth --------------------------------------------------------------------------
    constexpr std::int32_t day() const noexcept { return day_; }
    constexpr bool alive() const noexcept { return out_.death_day < 0; }
    constexpr const outcome& result() const noexcept { return out_; }
    constexpr const lesion_type& operator[](int i) const noexcept { return lesions_[clamp_index(i)]; }
    constexpr int lesion_count() const noexcept {  // lesions ever founded (slots in use)
        int n = 0;
        for (const lesion_type& l : lesions_) n += l.used ? 1 : 0;
        return n;
    }
    constexpr std::uint64_t total_cells() const noexcept {
        std::uint64_t n = 0;
        for (const lesion_type& l : lesions_) n = detail::sat_add(n, l.cells.cells());
        return n;
    }
    constexpr bool cured() const noexcept { return total_cells() == 0; }  // every cell gone: truth only
    constexpr std::uint64_t cells_shed() const noexcept { return shed_; }
    constexpr std::uint64_t cells_colonised() const noexcept { return colonised_; }
    // Founders that found neither a free slot nor a lesion at their site (the table was full),
    // or beyond the 16 per lesion, route and day that are placed.
    constexpr std::uint64_t founders_lost() const noexcept { return lost_; }
    constexpr const xoshiro128pp& rng() const noexcept { return rng_; }

    // --- the clinic's view --------------------------------------------------------------------
    // Whether scans find lesions now: after diagnosis, or before it in a scanned population
    // (clinic.scanned_before_diagnosis). Otherwise only a symptom brings the patient in.
    constexpr bool clinic_looks(const params_type& p) const noexcept {
        return out_.diagnosis_day >= 0 || p.clinic.scanned_before_diagnosis != 0;
    }
    // Drawn from a stream of its own, so looking does not change what happens.
    constexpr view_type observe(const params_type& p) const noexcept {
        view_type v;
        observe(p, v);
        return v;
    }
    // The same, into the caller's view (overwritten), for callers that keep one buffer.
    constexpr void observe(const params_type& p, view_type& v) const noexcept {
        using t = real_traits<real>;
        // field by field: `v = view_type{}` would build a second view on the stack
        v.symptoms = 0;
        v.visible_count = 0;
        for (visible_lesion<real>& x : v.visible) x = visible_lesion<real>{};
        const std::uint64_t visible_cells = cells_for_diameter(p.clinic.imaging_mm, p.clinic.cells_per_cm3);
        int distant = 0;
        std::uint32_t distant_organs = 0;
        bool regional = false;
        for (int i = 0; i < MaxLesions; ++i) {
            const lesion_type& l = lesions_[i];
            if (!l.used) continue;
            if (l.symptomatic && l.active()) v.symptoms |= 1u << static_cast<unsigned>(site_symptom(l.where, p.primary_organ));
            const std::uint64_t n = l.cells.cells();
            if (n == 0 || n < visible_cells) continue;
            visible_lesion<real>& vl = v.visible[v.visible_count++];
            vl.index = static_cast<std::uint8_t>(i);
            vl.where = l.where;
            vl.diameter_mm = diameter_mm<real>(n, p.clinic.cells_per_cm3);
            vl.measurable = (l.where.is_node() ? vl.diameter_mm >= p.clinic.measurable_node_mm
                                               : vl.diameter_mm >= p.clinic.measurable_mm) ? 1 : 0;
            if (i == 0) continue;
            if (l.where.nodal == node::regional) {
                regional = true;
            } else {
                ++distant;
                distant_organs |= 1u << static_cast<unsigned>(l.where.where);
            }
        }
        v.clinical_stage = distant > 0 ? stage::distant : (regional ? stage::regional : (v.visible_count > 0 ? stage::localized : stage::none));
        int organs = 0;
        for (std::uint32_t m = distant_organs; m != 0; m &= m - 1) ++organs;
        v.oligometastatic = (distant > 0 && distant <= p.clinic.oligometastatic_lesions && organs <= p.clinic.oligometastatic_organs) ? 1 : 0;
        // markers and circulating cells from the truth
        constexpr real per_1e9 = real(1e-9);
        const real burden = t::from_uint(total_cells());
        v.marker = p.clinic.marker_baseline + p.clinic.marker_per_1e9_cells * burden * per_1e9;
        xoshiro128pp look(seed_ ^ 0x5851F42D4C957F2Du, index_ ^ (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day_)) << 40));
        constexpr real hours_per_day = real(24.0), ln2 = real(0.6931471805599453), sample_ml = real(7.5);
        const real mean_life_days = p.clinic.ctc_half_life_hours / (hours_per_day * ln2);
        const real in_blood = p.spread.shed * t::from_uint(shedding_cells()) * mean_life_days;
        v.ctc_per_7_5_ml = poisson(look, in_blood * p.clinic.ctc_captured * sample_ml / p.clinic.blood_ml);
    }

    // --- changing the state -------------------------------------------------------------------
    // Adds cells of a genotype to an active lesion (a pre-existing resistant subclone, say).
    constexpr errc add_cells(int i, genotype g, std::uint64_t proliferating, std::uint64_t dormant = 0) noexcept {
        if (i < 0 || i >= MaxLesions) return errc::lesion_index_out_of_range;
        if (!lesions_[i].active()) return errc::lesion_not_active;
        return lesions_[i].cells.add_cells(g, proliferating, dormant);
    }

    // Removes a lesion (surgery, ablation, stereotactic radiotherapy).
    constexpr errc resect(int i) noexcept {
        if (i < 0 || i >= MaxLesions) return errc::lesion_index_out_of_range;
        lesion_type& l = lesions_[i];
        if (!l.active()) return errc::lesion_not_active;
        if (l.progress.transition(progression::resected) != errc::ok) return errc::illegal_transition;
        l.cells.clear();
        return errc::ok;
    }

    // One day. `actions` are systemic therapies acting on every lesion today (may be null).
    // `immune_boost` multiplies the immune model's recruitment (`strength`) today: checkpoint
    // inhibitors act through it.
    template <class Sink = null_sink>
    constexpr void step(const params_type& p, Sink&& sink = Sink{}, const therapy_action<real>* actions = nullptr,
                        int action_count = 0, real immune_boost = real_const<real>::one) noexcept {
        if (!alive() || day_ >= max_day) return;
        ++day_;
        step_lesions(p, sink, actions, action_count, immune_boost);
        spread(p, sink);
        clinic_signals(p, sink);
    }
    // step() on a const patient: rejected with a message instead of an overload error.
    template <class Sink = null_sink>
    constexpr void step(const params_type&, Sink&& = Sink{}, const therapy_action<real>* = nullptr, int = 0,
                        real = real_const<real>::one) const noexcept {
        static_assert(detail::dependent_false<Sink>,
                      "oncostate: step() changes the patient; it cannot be called on a const patient");
    }

    // True when every field holds a value the simulation can produce (for restored snapshots).
    constexpr bool well_formed() const noexcept {
        if (day_ < 0 || day_ > max_day || out_.death_day < -1 || out_.diagnosis_day < -1) return false;
        if (out_.death_day > day_ || out_.diagnosis_day > day_ || (out_.death_day >= 0) != (out_.cause != death_cause::none))
            return false;
        if (shed_ > max_cells || colonised_ > max_cells || lost_ > max_cells) return false;
        if (static_cast<int>(out_.cause) > static_cast<int>(death_cause::vital_organ)) return false;
        if (static_cast<int>(out_.failed_organ) > organ_count) return false;
        if (static_cast<int>(last_stage_) > static_cast<int>(stage::distant)) return false;
        for (const lesion_type& l : lesions_) {
            if (l.used > 1 || l.detected > 1 || l.symptomatic > 1 || l.invaded > 1 || l.parent >= MaxLesions) return false;
            if (static_cast<int>(l.progress.state()) >= progression_state_count) return false;
            if (static_cast<int>(l.where.where) >= organ_count || static_cast<int>(l.where.nodal) > 2) return false;
            if (!l.cells.well_formed()) return false;
            if (!real_traits<real>::produced(l.immune.effectors) || l.immune.effectors < real_const<real>::zero) return false;
            if (!l.used && l.cells.cells() != 0) return false;
            if (l.founded_day < 0 || l.founded_day > day_ || l.detected_day < -1 || l.detected_day > day_) return false;
        }
        return true;
    }

private:
    static constexpr int clamp_index(int i) noexcept { return i < 0 ? 0 : (i >= MaxLesions ? MaxLesions - 1 : i); }

    // Cells that shed: the invasive primary and vascularised metastases.
    constexpr bool sheds(int i) const noexcept {
        const lesion_type& l = lesions_[i];
        if (!l.active()) return false;
        if (i == 0) return l.invaded != 0;
        return l.cells.vascularised();
    }
    constexpr std::uint64_t shedding_cells() const noexcept {
        std::uint64_t n = 0;
        for (int i = 0; i < MaxLesions; ++i) {
            if (sheds(i)) n = detail::sat_add(n, lesions_[i].cells.proliferating());
        }
        return n;
    }

    // The day's three parts are not inlined into step(): each has its own stack frame, so the
    // deepest one (a draw's) lies under one part's locals only.
    template <class Sink>
    ONCOSTATE_NOINLINE constexpr void spread(const params_type& p, Sink& sink) noexcept {
        invade(p, sink);
        disseminate(p, sink);
    }
    // The clinic's signals and death, from today's truth.
    template <class Sink>
    ONCOSTATE_NOINLINE constexpr void clinic_signals(const params_type& p, Sink& sink) noexcept {
        std::uint64_t counts[slots] = {};  // each lesion's cells, summed once for the rest of the day
        for (int i = 0; i < MaxLesions; ++i) counts[i] = lesions_[i].used ? lesions_[i].cells.cells() : 0;
        update_clinic(p, counts, sink);
        check_death(p, counts, sink);
    }

    // Each active lesion's day: its immune response, then its cells under the day's actions and
    // its own immune kill.
    template <class Sink>
    ONCOSTATE_NOINLINE constexpr void step_lesions(const params_type& p, Sink& sink, const therapy_action<real>* actions,
                                                   int action_count, real immune_boost) noexcept {
        therapy_action<real> immune{};  // today's immune kill, set per lesion
        immune.therapy = immune_therapy;
        const kernel_rates<real> metastasis_rates = kernel_rates<real>::of(p.metastasis);
        for (int i = 0; i < MaxLesions; ++i) {
            lesion_type& l = lesions_[i];
            if (!l.active()) continue;
            const kernel_params<real>& kp = i == 0 ? p.primary : p.metastasis;
            const bool held = p.immune_on && immune_response(p, kp, l, immune, immune_boost);
            auto forward = [&sink, i](event e) {
                e.lesion = static_cast<std::uint8_t>(i);
                sink(e);
            };
            l.cells.step(kp, rng_, actions, action_count, forward, p.sites[static_cast<int>(l.where.where)].dormancy_factor,
                         p.immune_on ? &immune : nullptr, i == 0 ? nullptr : &metastasis_rates);
            if (p.immune_on) set_immune_dormancy(l, held, i, sink);
        }
    }

    // Advances the lesion's effectors and sets today's immune kill (kill.kill_all); true when it
    // holds the lesion (kills at least as fast as the lesion's net growth).
    constexpr bool immune_response(const params_type& p, const kernel_params<real>& kp, lesion_type& l,
                                   therapy_action<real>& kill, real boost) noexcept {
        using t = real_traits<real>;
        const immune_params<real>& ip = p.immune;
        const real growth = kp.growth.birth - kp.growth.death;
        const std::uint64_t n = l.cells.cells();
        const real y = t::from_uint(n) / t::from_uint(ip.cells_per_unit);
        immune_advance(ip, l.immune, y, immune_dtau_per_day(ip, growth), boost);
        kill.kill_all = immune_kill_probability(ip, l.immune, growth);
        return n > 0 && growth > real_const<real>::zero && kill.kill_all >= growth;
    }

    template <class Sink>
    constexpr void set_immune_dormancy(lesion_type& l, bool held, int i, Sink& sink) noexcept {
        const dormancy now = l.cells.dormancy_state();
        if (held && now == dormancy::none && l.cells.set_dormancy(dormancy::immune) == errc::ok) {
            sink(event{event_code::lesion_dormant, 0, 0, static_cast<std::uint64_t>(dormancy::immune), static_cast<std::uint8_t>(i)});
        } else if (!held && now == dormancy::immune && l.cells.set_dormancy(dormancy::none) == errc::ok) {
            sink(event{event_code::lesion_woke, 0, 0, static_cast<std::uint64_t>(dormancy::immune), static_cast<std::uint8_t>(i)});
        }
    }

    template <class Sink>
    constexpr void invade(const params_type& p, Sink& sink) noexcept {
        lesion_type& primary = lesions_[0];
        if (primary.invaded || !primary.active()) return;
        if (primary.cells.cells() < p.invasion_min_cells || !bernoulli(rng_, p.invasion)) return;
        primary.invaded = 1;
        if (primary.progress.state() == progression::in_situ) primary.progress.transition(progression::invasive);
        sink(event{event_code::invasion, 0, 0, primary.cells.cells(), 0});
    }

    // One day of the cascade for every shedding lesion, counts aggregated into one event each.
    template <class Sink>
    constexpr void disseminate(const params_type& p, Sink& sink) noexcept {
        const dissemination_params<real>& d = p.spread;
        std::uint64_t shed = 0, arrested = 0, extravasated = 0, colonised = 0, lost_today = 0;
        for (int i = 0; i < MaxLesions; ++i) {
            if (!sheds(i)) continue;
            const std::uint64_t out = binomial(rng_, lesions_[i].cells.proliferating(), d.shed);
            if (out == 0) continue;
            shed = detail::sat_add(shed, out);
            const std::uint64_t alive_cells = binomial(rng_, out, d.survive);
            const std::uint64_t lymph = binomial(rng_, alive_cells, d.lymphatic);
            const std::uint64_t skipped = binomial(rng_, lymph, d.skip);
            const std::uint64_t groups[3] = {lymph - skipped, skipped, alive_cells - lymph};  // regional, distant node, blood
            for (int route = 0; route < 3; ++route) {
                const std::uint64_t a = binomial(rng_, groups[route], d.arrest);
                const std::uint64_t x = binomial(rng_, a, d.extravasate);
                const std::uint64_t c = binomial(rng_, x, d.colonise);
                arrested += a;
                extravasated += x;
                colonised += c;
                const std::uint64_t tries = c < max_founders_per_day ? c : max_founders_per_day;
                lost_today += c - tries;
                // cppcheck-suppress knownConditionTrueFalse ; false positive: tries can be up to 16
                for (std::uint64_t f = 0; f < tries; ++f) lost_today += found(p, i, route, sink) ? 0u : 1u;
            }
        }
        if (lost_today) {
            lost_ = detail::sat_add(lost_, lost_today);
            sink(event{event_code::lesion_table_full, 0, 0, lost_today, 0});
        }
        shed_ = detail::sat_add(shed_, shed);
        colonised_ = detail::sat_add(colonised_, colonised);
        if (shed) sink(event{event_code::cells_shed, 0, 0, shed, 0});
        if (arrested) sink(event{event_code::cells_arrested, 0, 0, arrested, 0});
        if (extravasated) sink(event{event_code::cells_extravasated, 0, 0, extravasated, 0});
        if (colonised) sink(event{event_code::cells_colonised, 0, 0, colonised, 0});
    }

    // One founder from lesion `source` on a route (0 regional node, 1 distant node, 2 blood).
    // False when it found no place (the table was full and no lesion grows at its site). Out of
    // line: its weights (about 150 bytes on a Cortex-M0) are not on the stack under the cascade's
    // draws.
    template <class Sink>
    ONCOSTATE_NOINLINE constexpr bool found(const params_type& p, int source, int route, Sink& sink) noexcept {
        site where{organ::lymph_node, route == 0 ? node::regional : node::distant};
        if (route == 2) {
            const organ bed = first_capillary_bed(p.primary_organ);
            if (bed != organ::count_ && bernoulli(rng_, p.spread.first_bed)) {
                where = site{bed, node::none};
            } else {
                real w[organ_count] = {};
                for (int o = 0; o < organ_count; ++o) w[o] = p.sites[o].tropism;
                const std::size_t o = categorical(rng_, w, static_cast<std::size_t>(organ_count));
                if (o >= static_cast<std::size_t>(organ_count)) return false;
                const organ to = static_cast<organ>(o);
                where = site{to, to == organ::lymph_node ? node::distant : node::none};
            }
        }
        // the founder: one cell of one clone, picked in proportion to its proliferating cells
        const population<Scalar, MaxClones>& from = lesions_[source].cells;
        real w[static_cast<unsigned>(MaxClones)] = {};
        for (int c = 0; c < MaxClones; ++c) w[c] = real_traits<real>::from_uint(from[c].alive ? from[c].proliferating : 0);
        const std::size_t c = categorical(rng_, w, static_cast<std::size_t>(MaxClones));
        if (c >= static_cast<std::size_t>(MaxClones)) return false;
        const genotype g = from[static_cast<int>(c)].genes;
        const bool asleep = bernoulli(rng_, p.sites[static_cast<int>(where.where)].founder_dormant);
        // a free slot: never used, or held by a lesion that died out before anyone saw it
        int slot = -1;
        for (int i = 1; i < MaxLesions && slot < 0; ++i) {
            const lesion_type& l = lesions_[i];
            const bool free = !l.used || (l.progress.state() == progression::eradicated && !l.detected);
            slot = free ? i : -1;
        }
        if (slot >= 0) {
            lesion_type& l = lesions_[slot];
            l = lesion_type{};
            l.used = 1;
            l.where = where;
            l.parent = static_cast<std::uint8_t>(source);
            l.founded_day = day_;
            l.progress = progression_machine(progression::micrometastasis);
            l.immune.effectors = p.immune.sigma / p.immune.delta;
            l.cells.add_cells(g, asleep ? 0 : 1, asleep ? 1 : 0);
            sink(event{event_code::new_lesion, 0, g, static_cast<std::uint64_t>(where.where), static_cast<std::uint8_t>(slot)});
            return true;
        }
        // table full: the founder joins a living lesion at the same site, else it is lost (the
        // caller counts and reports it)
        for (int i = 1; i < MaxLesions; ++i) {
            lesion_type& l = lesions_[i];
            if (l.active() && l.where == where && l.cells.add_cells(g, asleep ? 0 : 1, asleep ? 1 : 0) == errc::ok) return true;
        }
        return false;
    }

    // Progression states, detection and symptoms from today's truth, and the clinical stage.
    template <class Sink>
    constexpr void update_clinic(const params_type& p, const std::uint64_t* counts, Sink& sink) noexcept {
        // unscanned, nothing is visible (no count reaches the maximum)
        const bool scanned = clinic_looks(p) || felt_today(p, counts);
        const std::uint64_t visible_cells =
            scanned ? cells_for_diameter(p.clinic.imaging_mm, p.clinic.cells_per_cm3) : ~std::uint64_t{0};
        for (int i = 0; i < MaxLesions; ++i) {
            lesion_type& l = lesions_[i];
            if (!l.active()) continue;
            const std::uint64_t n = counts[i];
            const std::uint64_t feel = symptom_cells(p, l);
            const bool visible = n > 0 && n >= visible_cells;
            const bool felt = feel > 0 && n >= feel;
            if (felt && !l.symptomatic) {  // first: a symptom is what brings an unscanned patient in
                l.symptomatic = 1;
                sink(event{event_code::symptom_onset, 0, 0, static_cast<std::uint64_t>(site_symptom(l.where, p.primary_organ)),
                           static_cast<std::uint8_t>(i)});
            }
            if (visible && !l.detected) {
                l.detected = 1;
                l.detected_day = day_;
                constexpr real tenth_mm = real(10.0);
                const std::int64_t d = real_traits<real>::floor_int(diameter_mm<real>(n, p.clinic.cells_per_cm3) * tenth_mm);
                sink(event{event_code::detection, 0, 0, static_cast<std::uint64_t>(d < 0 ? 0 : d), static_cast<std::uint8_t>(i)});
            }
            if ((visible || felt) && out_.diagnosis_day < 0) out_.diagnosis_day = day_;
            move(l, target_state(i, l, n, visible, felt), i, sink);
        }
        const stage s = observe_stage(visible_cells, counts);
        if (s != last_stage_) {
            last_stage_ = s;
            sink(event{event_code::stage_change, 0, 0, static_cast<std::uint64_t>(s), 0});
        }
    }

    static constexpr std::uint64_t symptom_cells(const params_type& p, const lesion_type& l) noexcept {
        return p.sites[static_cast<int>(l.where.is_node() ? organ::lymph_node : l.where.where)].symptom_cells;
    }

    constexpr bool felt_today(const params_type& p, const std::uint64_t* counts) const noexcept {
        for (int i = 0; i < MaxLesions; ++i) {
            const lesion_type& l = lesions_[i];
            if (!l.active()) continue;
            const std::uint64_t feel = symptom_cells(p, l);
            if (feel > 0 && counts[i] >= feel) return true;
        }
        return false;
    }

    constexpr progression target_state(int i, const lesion_type& l, std::uint64_t n, bool visible, bool felt) const noexcept {
        if (n == 0) return progression::eradicated;
        if (visible) return felt ? progression::symptomatic : progression::detectable;
        if (i == 0) return l.invaded ? progression::invasive : progression::in_situ;
        if (l.cells.dormancy_state() != dormancy::none) return progression::dormant;
        if (l.cells.vascularised()) return progression::vascularised;
        return progression::growing;
    }

    template <class Sink>
    constexpr void move(lesion_type& l, progression to, int i, Sink& sink) noexcept {
        const progression from = l.progress.state();
        if (to == from) return;
        if (l.progress.transition(to) != errc::ok) {
            // A state the table does not reach in one step (a micrometastasis visible within a
            // day, an in-situ primary seen and felt on the same day): pass through the first
            // state that links the two, so both steps are legal. Never silent.
            constexpr progression via[2] = {progression::vascularised, progression::detectable};
            int k = 0;
            while (k < 2 && !(progression_machine::allowed(from, via[k]) && progression_machine::allowed(via[k], to))) ++k;
            if (k == 2) {
                sink(event{event_code::illegal_transition, 0, 0, static_cast<std::uint64_t>(to), static_cast<std::uint8_t>(i)});
                return;
            }
            l.progress.transition(via[k]);
            l.progress.transition(to);
        }
        if (to == progression::eradicated) sink(event{event_code::lesion_eradicated, 0, 0, 0, static_cast<std::uint8_t>(i)});
    }

    constexpr stage observe_stage(std::uint64_t visible_cells, const std::uint64_t* counts) const noexcept {
        stage s = stage::none;
        for (int i = 0; i < MaxLesions; ++i) {
            const lesion_type& l = lesions_[i];
            const std::uint64_t n = counts[i];
            if (!l.used || n == 0 || n < visible_cells) continue;
            const stage here = i == 0 ? stage::localized : (l.where.nodal == node::regional ? stage::regional : stage::distant);
            if (static_cast<int>(here) > static_cast<int>(s)) s = here;
        }
        return s;
    }

    template <class Sink>
    constexpr void check_death(const params_type& p, const std::uint64_t* counts, Sink& sink) noexcept {
        death_cause cause = death_cause::none;
        organ failed = organ::count_;
        std::uint64_t total = 0;
        for (int i = 0; i < MaxLesions; ++i) total = detail::sat_add(total, counts[i]);
        if (total >= p.lethal_cells) cause = death_cause::tumour_burden;
        std::uint32_t seeded = 0;  // organs holding a distant lesion
        for (int i = 0; i < MaxLesions; ++i) {
            const lesion_type& l = lesions_[i];
            if (l.used && !l.where.is_node()) seeded |= 1u << static_cast<unsigned>(l.where.where);
        }
        for (int o = 0; o < organ_count && cause == death_cause::none; ++o) {
            const std::uint64_t limit = p.sites[o].vital_cells;
            if (limit == 0 || ((seeded >> o) & 1u) == 0) continue;
            std::uint64_t n = 0;
            for (int i = 0; i < MaxLesions; ++i) {
                const lesion_type& l = lesions_[i];
                if (l.used && !l.where.is_node() && static_cast<int>(l.where.where) == o) n = detail::sat_add(n, counts[i]);
            }
            if (n >= limit) {
                cause = death_cause::vital_organ;
                failed = static_cast<organ>(o);
            }
        }
        if (cause == death_cause::none) return;
        out_.death_day = day_;
        out_.cause = cause;
        out_.failed_organ = failed;
        sink(event{event_code::death, 0, 0, static_cast<std::uint64_t>(cause), 0});
    }

    static constexpr std::uint64_t max_founders_per_day = 16;  // per lesion and route; the rest counted lost

    static_assert(std::is_trivially_copyable<lesion_type>::value, "oncostate: a lesion must be trivially copyable");

    lesion_type lesions_[slots] = {};
    xoshiro128pp rng_{};
    std::uint64_t seed_ = 0;
    std::uint64_t index_ = 0;
    std::uint64_t shed_ = 0;
    std::uint64_t colonised_ = 0;
    std::uint64_t lost_ = 0;
    outcome out_{};
    std::int32_t day_ = 0;
    stage last_stage_ = stage::none;
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_PATIENT_HPP
