// oncostate: the care team's side. Therapies as mechanisms, lines of therapy driven by the
// treatment machine, assessments by RECIST 1.1, and the outcomes a trial reports.
//
// A therapy acts through the same channels as everything else: kill of dividing cells
// (chemotherapy), extra death of every cell (targeted therapy), lower birth (hormone therapy),
// stronger immune recruitment (checkpoint inhibitors), removal of visible lesions (surgery,
// stereotactic radiotherapy). Resistance mechanisms defeat them through their residual[] column.
#ifndef ONCOSTATE_TREATMENT_HPP
#define ONCOSTATE_TREATMENT_HPP

#include "config.hpp"
#include "distributions.hpp"
#include "errc.hpp"
#include "events.hpp"
#include "observables.hpp"
#include "patient.hpp"
#include "population.hpp"
#include "random.hpp"
#include "real.hpp"
#include "recist.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

enum class therapy_class : std::uint8_t { chemotherapy, targeted, immunotherapy, hormone, local, supportive };

constexpr const char* therapy_class_name(therapy_class c) noexcept {
    switch (c) {
        case therapy_class::chemotherapy: return "chemotherapy";
        case therapy_class::targeted: return "targeted";
        case therapy_class::immunotherapy: return "immunotherapy";
        case therapy_class::hormone: return "hormone";
        case therapy_class::local: return "local";
        case therapy_class::supportive: return "supportive";
    }
    return "unknown";
}

template <class R>
struct therapy {
    using k = real_const<R>;
    therapy_class kind = therapy_class::supportive;
    // The residual[] column of the resistance mechanisms that defeat this therapy (0-6; 7 is the
    // immune response). Two therapies sharing a column are fully cross-resistant.
    std::uint8_t column = 0;
    R kill_dividing = k::zero;    // per division attempt, on dosing days (chemotherapy)
    R kill_all = k::zero;         // extra daily death of every cell (targeted therapy)
    R birth_reduction = k::zero;  // fraction of the birth probability removed (hormone therapy)
    R immune_boost = k::one;      // multiplies immune recruitment while dosed (checkpoint inhibitors)
    std::uint8_t needs_biomarker = 0;  // targeted therapy works only on a biomarker-positive tumour
    std::uint16_t cycle_days = 0;      // 0: continuous; else the length of a cycle
    std::uint16_t dosing_days = 0;     // days of each cycle on which the drug acts (from its start)
    std::uint16_t max_days = 0;        // a fixed duration (docetaxel: 6 cycles); 0: until progression
    // Daily probability of stopping for unacceptable toxicity (about 0.001 for chemotherapy,
    // 0.0003 for targeted or endocrine therapy; MODEL_SPEC section 6).
    R toxicity = k::zero;

    constexpr bool dosed_on(std::int32_t day_of_line) const noexcept {
        if (max_days != 0 && day_of_line >= max_days) return false;
        if (cycle_days == 0) return true;
        return day_of_line % cycle_days < dosing_days;
    }
    constexpr errc validate() const noexcept {
        const R* p[] = {&kill_dividing, &kill_all, &birth_reduction, &toxicity};
        for (const R* v : p) {
            if (!(*v >= k::zero) || *v > k::one) return errc::therapy_effect_out_of_range;
        }
        if (!(immune_boost >= k::zero) || column >= max_therapies - 1) return errc::therapy_effect_out_of_range;
        if (cycle_days != 0 && (dosing_days == 0 || dosing_days > cycle_days)) return errc::therapy_effect_out_of_range;
        if (static_cast<int>(kind) > static_cast<int>(therapy_class::supportive)) return errc::therapy_effect_out_of_range;
        return errc::ok;
    }
};

// Division-dependent kill per dosing day that removes `log10_kill` logs of the dividing
// population per cycle: a cell divides with probability `birth` a day, so over d dosing days a
// fraction exp(-birth k d) survives: k = ln(10) log10_kill / (birth d). Chemotherapy kills
// 0.3-1 log10 per 21-day cycle (MODEL_SPEC section 6).
template <class R>
constexpr R chemotherapy_kill(R log10_kill, R birth, std::uint16_t dosing_days) noexcept {
    constexpr R ln10 = R(2.302585092994046);
    if (!(birth > real_const<R>::zero) || dosing_days == 0) return real_const<R>::zero;
    const R k = ln10 * log10_kill / (birth * real_traits<R>::from_int(dosing_days));
    return k > real_const<R>::one ? real_const<R>::one : k;
}

constexpr int max_plan_therapies = 8;
constexpr int max_line_therapies = 3;
constexpr int max_lines = 6;

// One line of therapy: one therapy, or several at once (combination).
struct therapy_line {
    std::uint8_t therapy[max_line_therapies] = {0, 0, 0};  // indexes into treatment_plan::therapies
    std::uint8_t count = 0;
};

enum class strategy : std::uint8_t {
    continuous,  // each line until progression or toxicity (standard)
    adaptive,    // pause when the marker (above the healthy baseline) falls below pause_below x its value
                 // at the line's start, resume at resume_at x it
                 // (Zhang et al., Nat Commun 2017); progression is growth past 120% of the
                 // baseline sum (or a lesion that is new), since regrowth from the nadir is planned
};

template <class R>
struct treatment_plan {
    struct init {
        static constexpr R pause = R(0.5), resume = R(1.0);
    };
    therapy<R> therapies[max_plan_therapies] = {};
    std::uint8_t therapy_count = 0;
    therapy_line lines[max_lines] = {};
    std::uint8_t line_count = 0;
    strategy kind = strategy::continuous;
    std::uint16_t assess_days = 56;  // every 8 weeks
    R pause_below = init::pause;
    R resume_at = init::resume;
    // Curative intent: at diagnosis, localized, regional or oligometastatic disease has every
    // visible lesion removed (surgery, SBRT; SABR-COMET, Palma et al., Lancet 2019), then
    // surveillance; a relapse starts the first line.
    std::uint8_t curative_local = 0;
    std::uint8_t biomarker_positive = 1;  // the tumour carries the targeted therapies' biomarker

    constexpr errc validate() const noexcept {
        if (therapy_count > max_plan_therapies || line_count > max_lines || assess_days == 0) return errc::therapy_index_out_of_range;
        for (int t = 0; t < therapy_count; ++t) {
            const errc e = therapies[t].validate();
            if (e != errc::ok) return e;
        }
        for (int l = 0; l < line_count; ++l) {
            if (lines[l].count == 0 || lines[l].count > max_line_therapies) return errc::therapy_index_out_of_range;
            for (int i = 0; i < lines[l].count; ++i) {
                if (lines[l].therapy[i] >= therapy_count) return errc::therapy_index_out_of_range;
            }
        }
        if (!(pause_below >= real_const<R>::zero) || !(resume_at >= pause_below)) return errc::therapy_effect_out_of_range;
        return errc::ok;
    }
};

// The treatment machine: where the care team stands.
enum class care_state : std::uint8_t { untreated, on_line, holiday, surveillance, supportive };
constexpr int care_state_count = 5;

constexpr const char* care_state_name(care_state s) noexcept {
    switch (s) {
        case care_state::untreated: return "untreated";
        case care_state::on_line: return "on_line";
        case care_state::holiday: return "holiday";
        case care_state::surveillance: return "surveillance";
        case care_state::supportive: return "supportive";
    }
    return "unknown";
}

enum class stop_reason : std::uint8_t { none, progression, toxicity, completed, by_hand, death };

constexpr const char* stop_reason_name(stop_reason r) noexcept {
    switch (r) {
        case stop_reason::none: return "none";
        case stop_reason::progression: return "progression";
        case stop_reason::toxicity: return "toxicity";
        case stop_reason::completed: return "completed";
        case stop_reason::by_hand: return "by_hand";
        case stop_reason::death: return "death";
    }
    return "unknown";
}

class treatment_machine {
public:
    // allowed[from][to]: diagnosis starts a line, curative treatment or supportive care; a line
    // gives way to the next line, a holiday, surveillance (a completed fixed course) or supportive
    // care; a holiday ends in the same line or supportive care; surveillance ends at relapse.
    static constexpr bool allowed[care_state_count][care_state_count] = {
        //                  untreated on_line holiday surveillance supportive
        /* untreated */    {false, true, false, true, true},
        /* on_line */      {false, true, true, true, true},
        /* holiday */      {false, true, false, false, true},
        /* surveillance */ {false, true, false, false, true},
        /* supportive */   {false, false, false, false, false},
    };
    constexpr care_state state() const noexcept { return state_; }
    constexpr errc transition(care_state to) noexcept {
        const int f = static_cast<int>(state_), t = static_cast<int>(to);
        if (t < 0 || t >= care_state_count || !allowed[f][t]) return errc::illegal_transition;
        state_ = to;
        return errc::ok;
    }

private:
    care_state state_ = care_state::untreated;
};

// What a trial reports about one patient.
struct care_record {
    std::int32_t diagnosis_day = -1;
    std::int32_t death_day = -1;
    death_cause cause = death_cause::none;
    std::int32_t line_start[max_lines] = {-1, -1, -1, -1, -1, -1};
    std::int32_t line_end[max_lines] = {-1, -1, -1, -1, -1, -1};
    std::int32_t line_progression[max_lines] = {-1, -1, -1, -1, -1, -1};  // first PD on that line
    stop_reason line_stop[max_lines] = {};
    response line_best[max_lines] = {response::ne, response::ne, response::ne, response::ne, response::ne, response::ne};
    std::int32_t drug_days = 0;      // days on which any therapy was dosed
    std::int32_t curative_day = -1;  // day of the latest curative local treatment
    std::int32_t relapse_day = -1;   // first relapse after curative treatment
    std::uint8_t lines_started = 0;

    // Overall survival from diagnosis (or -1 while alive or undiagnosed).
    constexpr std::int32_t overall_survival() const noexcept {
        return (death_day < 0 || diagnosis_day < 0) ? -1 : death_day - diagnosis_day;
    }
    // Time to progression on line `l` (1-based) from its start, or -1.
    constexpr std::int32_t time_to_progression(int l) const noexcept {
        if (l < 1 || l > max_lines || line_progression[l - 1] < 0) return -1;
        return line_progression[l - 1] - line_start[l - 1];
    }
    constexpr std::int32_t time_on_line(int l, std::int32_t today) const noexcept {
        if (l < 1 || l > max_lines || line_start[l - 1] < 0) return 0;
        return (line_end[l - 1] < 0 ? today : line_end[l - 1]) - line_start[l - 1];
    }
};

// A patient under a care team: the truth (patient), the treatment machine, RECIST assessments
// and the record. Trivially copyable like the patient.
template <class Scalar, int MaxLesions, int MaxClones>
class care {
public:
    using patient_type = patient<Scalar, MaxLesions, MaxClones>;
    using real = real_t<Scalar>;
    using params_type = patient_params<real>;
    using plan_type = treatment_plan<real>;
    using scalar = Scalar;
    static constexpr int max_lesions = MaxLesions;
    using lesion_type = typename patient_type::lesion_type;
    using view_type = typename patient_type::view_type;

    constexpr errc start(const params_type& p, const plan_type& plan, std::uint64_t seed, std::uint64_t index,
                         std::uint64_t founder_cells = 1) noexcept {
        errc e = plan.validate();
        if (e != errc::ok) return e;
        e = patient_.start(p, seed, index, founder_cells);  // validates before it changes anything
        if (e != errc::ok) return e;
        // member by member: `*this = care{}` would build a 2-3 KB temporary on the stack
        recist_ = recist_tracker<MaxLesions>{};
        record_ = care_record{};
        rng_ = xoshiro128pp(seed ^ 0xC2B2AE3D27D4EB4Fu, index);
        baseline_marker_ = real_const<real>::zero;
        last_assessment_ = 0;
        non_target_sum_ = 0;
        for (std::uint8_t& g : gone_) g = 0;
        machine_ = treatment_machine{};
        line_ = -1;
        dosed_today_ = 0;
        return errc::ok;
    }

    constexpr const patient_type& truth() const noexcept { return patient_; }
    constexpr patient_type& truth() noexcept { return patient_; }
    constexpr care_state state() const noexcept { return machine_.state(); }
    constexpr int line() const noexcept { return line_ + 1; }  // 1-based; 0 before the first line
    constexpr const care_record& record() const noexcept { return record_; }
    constexpr const recist_tracker<MaxLesions>& recist() const noexcept { return recist_; }
    constexpr bool dosing_today() const noexcept { return dosed_today_ != 0; }

    // --- driving it by hand (teaching hardware) ------------------------------------------------
    // Starts line `l` (1-based) now; from untreated, a line, a holiday or surveillance.
    template <class Sink = null_sink>
    constexpr errc start_line(const params_type& p, const plan_type& plan, int l, Sink&& sink = Sink{}) noexcept {
        if (l < 1 || l > plan.line_count) return errc::therapy_index_out_of_range;
        if (!patient_.alive()) return errc::patient_dead;
        if (!treatment_machine::allowed[static_cast<int>(machine_.state())][static_cast<int>(care_state::on_line)])
            return errc::illegal_transition;
        view_type v;
        begin_line(p, plan, l - 1, v, sink);
        return errc::ok;
    }
    // Pauses the current line (a holiday) or resumes it.
    template <class Sink = null_sink>
    constexpr errc pause(Sink&& sink = Sink{}) noexcept {
        if (machine_.state() != care_state::on_line) return errc::illegal_transition;
        machine_.transition(care_state::holiday);
        sink(event{event_code::therapy_paused, 0, 0, static_cast<std::uint64_t>(line()), 0});
        return errc::ok;
    }
    template <class Sink = null_sink>
    constexpr errc resume(Sink&& sink = Sink{}) noexcept {
        if (machine_.state() != care_state::holiday) return errc::illegal_transition;
        machine_.transition(care_state::on_line);
        sink(event{event_code::therapy_resumed, 0, 0, static_cast<std::uint64_t>(line()), 0});
        return errc::ok;
    }
    // Stops treatment for good (supportive care).
    template <class Sink = null_sink>
    constexpr errc stop(Sink&& sink = Sink{}) noexcept {
        if (machine_.transition(care_state::supportive) != errc::ok) return errc::illegal_transition;
        end_line(stop_reason::by_hand, sink);
        sink(event{event_code::supportive_care, 0, 0, 0, 0});
        return errc::ok;
    }
    // Removes every visible lesion (surgery or SBRT) now; returns the number removed.
    template <class Sink = null_sink>
    constexpr int treat_locally(const params_type& p, Sink&& sink = Sink{}) noexcept {
        view_type v;
        patient_.observe(p, v);
        return resect_visible(v, sink);
    }

    // --- one day --------------------------------------------------------------------------------
    // `automatic` = false leaves every decision to the caller (start_line, pause, resume, stop);
    // assessments still run; toxicity and line durations are checked only when automatic.
    template <class Sink = null_sink>
    constexpr void step(const params_type& p, const plan_type& plan, Sink&& sink = Sink{}, bool automatic = true) noexcept {
        if (!patient_.alive()) return;
        act_today(p, plan, sink);
        clinic_day(p, plan, sink, automatic);
    }

    constexpr bool well_formed() const noexcept {
        if (!patient_.well_formed() || static_cast<int>(machine_.state()) >= care_state_count || line_ < -1 ||
            line_ >= max_lines || !recist_.well_formed() || dosed_today_ > 1)
            return false;
        const care_state s = machine_.state();
        if ((s == care_state::on_line || s == care_state::holiday) && line_ < 0) return false;  // a line to be on
        const std::int32_t today = patient_.day();
        if (last_assessment_ < 0 || last_assessment_ > today || record_.diagnosis_day > today) return false;
        for (int l = 0; l < max_lines; ++l) {
            if (record_.line_start[l] < -1 || record_.line_start[l] > today || record_.line_end[l] > today ||
                record_.line_progression[l] > today)
                return false;
        }
        return line_ < 0 || record_.line_start[line_] >= 0;
    }

private:
    // The care team's part of the day: death, diagnosis, toxicity, course ends, assessments.
    // Not inlined, so that its view (about 300 bytes) is not in act_today's frame as well.
    template <class Sink>
    ONCOSTATE_NOINLINE constexpr void clinic_day(const params_type& p, const plan_type& plan, Sink& sink, bool automatic) noexcept {
        if (!patient_.alive()) {
            record_.death_day = patient_.result().death_day;
            record_.cause = patient_.result().cause;
            if (line_ >= 0 && record_.line_end[line_] < 0) end_line(stop_reason::death, sink);
            return;
        }
        const std::int32_t today = patient_.day();
        if (machine_.state() == care_state::untreated) {
            if (patient_.result().diagnosis_day < 0) return;
            record_.diagnosis_day = patient_.result().diagnosis_day;
            view_type v;
            patient_.observe(p, v);
            sink(event{event_code::diagnosis, 0, 0, static_cast<std::uint64_t>(v.clinical_stage), 0});
            if (automatic) diagnose(p, plan, v, sink);
            return;
        }
        if (machine_.state() == care_state::on_line && automatic) check_toxicity_and_duration(p, plan, sink);
        const std::int32_t since = today - last_assessment_;
        if (since >= plan.assess_days && machine_.state() != care_state::supportive) {
            view_type v;
            assess(p, plan, v, sink, automatic);
        }
    }

    // Today's systemic therapies from the line's schedule, then the patient's day. Not inlined:
    // the day's actions are not on the stack under the clinic's draws.
    template <class Sink>
    ONCOSTATE_NOINLINE constexpr void act_today(const params_type& p, const plan_type& plan, Sink& sink) noexcept {
        therapy_action<real> actions[max_line_therapies] = {};
        int n = 0;
        real boost = real_const<real>::one;
        dosed_today_ = 0;
        if (machine_.state() == care_state::on_line) {
            const therapy_line& tl = plan.lines[line_];
            const std::int32_t day_of_line = patient_.day() + 1 - record_.line_start[line_];
            for (int i = 0; i < tl.count; ++i) {
                const therapy<real>& t = plan.therapies[tl.therapy[i]];
                if (!t.dosed_on(day_of_line)) continue;
                dosed_today_ = 1;
                if (t.needs_biomarker && !plan.biomarker_positive) continue;  // given, but no target
                boost = boost * t.immune_boost;
                if (t.kill_dividing > real_const<real>::zero || t.kill_all > real_const<real>::zero ||
                    t.birth_reduction > real_const<real>::zero) {
                    therapy_action<real>& a = actions[n++];
                    a.therapy = t.column;
                    a.kill_dividing = t.kill_dividing;
                    a.kill_all = t.kill_all;
                    a.birth_reduction = t.birth_reduction;
                }
            }
            record_.drug_days += dosed_today_;
        }
        patient_.step(p, sink, actions, n, boost);
    }

    // Removes every lesion in `v`, today's view (observed since the patient last changed).
    template <class Sink>
    constexpr int resect_visible(const view_type& v, Sink& sink) noexcept {
        int removed = 0;
        for (int i = 0; i < v.visible_count; ++i) {
            if (patient_.resect(v.visible[i].index) == errc::ok) {
                ++removed;
                sink(event{event_code::local_therapy, 0, 0, 0, v.visible[i].index});
            }
        }
        return removed;
    }

    template <class Sink>
    constexpr void diagnose(const params_type& p, const plan_type& plan, view_type& v, Sink& sink) noexcept {
        const bool operable = v.clinical_stage != stage::distant || v.oligometastatic;
        if (plan.curative_local && operable) {
            resect_visible(v, sink);
            record_.curative_day = patient_.day();
            machine_.transition(care_state::surveillance);
            last_assessment_ = patient_.day();
            sink(event{event_code::surveillance_started, 0, 0, 0, 0});
            return;
        }
        if (plan.line_count == 0) {
            machine_.transition(care_state::supportive);
            sink(event{event_code::supportive_care, 0, 0, 0, 0});
            return;
        }
        begin_line(p, plan, 0, v, sink);
    }

    template <class Sink>
    constexpr void begin_line(const params_type& p, const plan_type& plan, int l, view_type& v, Sink& sink) noexcept {
        if (line_ >= 0 && record_.line_end[line_] < 0) end_line(stop_reason::progression, sink);
        line_ = static_cast<std::int8_t>(l);
        machine_.transition(care_state::on_line);
        record_.line_start[l] = patient_.day();
        record_.line_end[l] = -1;
        record_.lines_started = static_cast<std::uint8_t>(l + 1 > record_.lines_started ? l + 1 : record_.lines_started);
        sink(event{event_code::line_started, 0, 0, static_cast<std::uint64_t>(l + 1), 0});
        // local therapy in a line acts once, at its start
        const therapy_line& tl = plan.lines[l];
        bool local = false;
        for (int i = 0; i < tl.count; ++i) local = local || plan.therapies[tl.therapy[i]].kind == therapy_class::local;
        if (local) {
            patient_.observe(p, v);
            resect_visible(v, sink);
        }
        patient_.observe(p, v);
        baseline_marker_ = v.marker;
        recist_baseline(v);
        last_assessment_ = patient_.day();
    }

    // The two RECIST steps each hold the measurements (about 200 bytes) on the stack only while
    // the tracker reads them: not inlined, so the buffer is not in the frame that observe()'s
    // draws run under.
    ONCOSTATE_NOINLINE constexpr void recist_baseline(const view_type& v) noexcept {
        recist_lesion measured[static_cast<unsigned>(MaxLesions)];
        const int count = measure(v, measured);
        const errc baseline_result = recist_.baseline(measured, count, patient_.day());  // resets the tracker
        // cppcheck-suppress nullPointer ; the contract's portable trap (compilers without __builtin_trap)
        ONCOSTATE_CONTRACT(baseline_result == errc::ok);  // measure() gives valid, clamped input
        static_cast<void>(baseline_result);
        non_target_sum_ = 0;
        for (int i = 0; i < MaxLesions; ++i) gone_[i] = 0;
        for (int i = 0; i < count; ++i) {
            if (!recist_.is_target(measured[i].id)) non_target_sum_ += measured[i].size_01mm;
        }
    }
    ONCOSTATE_NOINLINE constexpr errc recist_assess(const view_type& v, bool planned_regrowth, recist_assessment& a) noexcept {
        recist_lesion measured[static_cast<unsigned>(MaxLesions)];
        const int count = measure(v, measured);
        for (int i = 0; i < count; ++i) measured[i].is_new = !recist_.known(measured[i].id);
        return recist_.assess(measured, count, non_target_progression(measured, count, !planned_regrowth), patient_.day(), a);
    }

    // Unequivocal progression of the non-target disease, as the care team judges it: a non-target
    // lesion that had disappeared is back, or the non-target lesions' diameters have doubled (and
    // grown by at least 5 mm) since the line's baseline.
    // On an adaptive line regrowth is planned, so a lesion's return alone (count_return false) is
    // not progression there.
    constexpr bool non_target_progression(const recist_lesion* m, int count, bool count_return) noexcept {
        std::uint32_t sum = 0;
        bool back = false;
        for (int i = 0; i < count; ++i) {
            if (!recist_.known(m[i].id) || recist_.is_target(m[i].id)) continue;
            const int id = m[i].id < MaxLesions ? m[i].id : 0;
            sum += m[i].size_01mm;
            if (m[i].size_01mm == 0) gone_[id] = 1;
            back = back || (gone_[id] && m[i].size_01mm > 0);
        }
        return (back && count_return) || (sum >= 2 * non_target_sum_ && sum >= non_target_sum_ + 50);
    }

    template <class Sink>
    constexpr void end_line(stop_reason why, Sink& sink) noexcept {
        if (line_ < 0 || record_.line_end[line_] >= 0) return;
        record_.line_end[line_] = patient_.day();
        record_.line_stop[line_] = why;
        record_.line_best[line_] = recist_.best();
        sink(event{event_code::line_stopped, 0, 0, static_cast<std::uint64_t>(why), 0});
    }

    // Switches to the next line, or to supportive care when the lines are exhausted.
    template <class Sink>
    constexpr void next_line(const params_type& p, const plan_type& plan, stop_reason why, view_type& v, Sink& sink) noexcept {
        end_line(why, sink);
        if (line_ + 1 < plan.line_count) {
            begin_line(p, plan, line_ + 1, v, sink);
        } else {
            machine_.transition(care_state::supportive);
            sink(event{event_code::supportive_care, 0, 0, 0, 0});
        }
    }

    template <class Sink>
    constexpr void check_toxicity_and_duration(const params_type& p, const plan_type& plan, Sink& sink) noexcept {
        const therapy_line& tl = plan.lines[line_];
        const std::int32_t day_of_line = patient_.day() - record_.line_start[line_];
        bool toxic = false, finished = true;
        for (int i = 0; i < tl.count; ++i) {
            const therapy<real>& t = plan.therapies[tl.therapy[i]];
            if (dosed_today_ && bernoulli(rng_, t.toxicity)) toxic = true;
            if (t.max_days == 0 || day_of_line < t.max_days) finished = finished && t.kind == therapy_class::local;
        }
        if (toxic) {
            view_type v;
            next_line(p, plan, stop_reason::toxicity, v, sink);
        } else if (finished) {  // a fixed course is complete: watch for progression
            end_line(stop_reason::completed, sink);
            machine_.transition(care_state::surveillance);
            sink(event{event_code::surveillance_started, 0, 0, 0, 0});
        }
    }

    // The clinic's measurements as RECIST input: every lesion ever seen keeps its slot as id.
    constexpr int measure(const view_type& v, recist_lesion* out) const noexcept {
        int n = 0;
        for (int i = 0; i < MaxLesions; ++i) {
            const lesion_type& l = patient_[i];
            if (!l.used || !l.detected) continue;
            recist_lesion& r = out[n++];
            r = recist_lesion{};
            r.id = static_cast<std::uint16_t>(i);
            r.where = l.where.where;
            r.nodal = l.where.is_node();
            r.size_01mm = 0;
            for (int j = 0; j < v.visible_count; ++j) {
                if (v.visible[j].index == i) {
                    constexpr real ten = real(10.0);
                    const std::int64_t d = real_traits<real>::floor_int(v.visible[j].diameter_mm * ten + real_const<real>::half);
                    // a lesion beyond the tracker's range (10 m: only a body larger than any patient's)
                    // is recorded at the range's end rather than rejected
                    r.size_01mm = d < 0 ? 0u : (d > recist_max_size_01mm ? recist_max_size_01mm : static_cast<std::uint32_t>(d));
                }
            }
        }
        return n;
    }

    template <class Sink>
    constexpr void assess(const params_type& p, const plan_type& plan, view_type& v, Sink& sink, bool automatic) noexcept {
        last_assessment_ = patient_.day();
        patient_.observe(p, v);
        if (machine_.state() == care_state::surveillance) {
            if (v.visible_count > 0 && record_.curative_day >= 0) {
                if (record_.relapse_day < 0) record_.relapse_day = patient_.day();
                sink(event{event_code::relapse, 0, 0, static_cast<std::uint64_t>(patient_.day() - record_.curative_day), 0});
                if (!automatic) return;
                if (plan.curative_local && (v.clinical_stage != stage::distant || v.oligometastatic)) {
                    // few lesions again: removed again (metastasectomy; Kanas et al., Clin Epidemiol 2012)
                    resect_visible(v, sink);
                    record_.curative_day = patient_.day();
                    return;
                }
                if (plan.line_count > 0) begin_line(p, plan, line_ + 1 < plan.line_count ? line_ + 1 : 0, v, sink);
                return;
            }
            if (line_ < 0) return;
        }
        recist_assessment a{};
        const bool planned_regrowth = plan.kind == strategy::adaptive;
        if (recist_assess(v, planned_regrowth, a) != errc::ok) return;
        sink(event{event_code::assessment, 0, 0, static_cast<std::uint64_t>(a.overall), 0});
        bool progressed = a.overall == response::pd;
        if (progressed && planned_regrowth && !a.new_lesion && a.non_target != response::pd) {
            // Adaptive therapy lets the tumour regrow to its baseline on purpose: growth from the
            // nadir is not progression, growth past 120% of the baseline sum is.
            progressed = a.sum_01mm * 5 >= a.baseline_sum_01mm * 6;
        }
        if (progressed) {
            if (record_.line_progression[line_] < 0) record_.line_progression[line_] = patient_.day();
            sink(event{event_code::progression, 0, 0, static_cast<std::uint64_t>(line()), 0});
            if (automatic) next_line(p, plan, stop_reason::progression, v, sink);
            return;
        }
        if (automatic && plan.kind == strategy::adaptive) {
            // the tumour's share of the marker, above the healthy baseline, against the line's start
            const real now = v.marker - p.clinic.marker_baseline;
            const real at_start = baseline_marker_ - p.clinic.marker_baseline;
            const care_state current = machine_.state();
            if (current == care_state::on_line && now < plan.pause_below * at_start) {
                pause(sink);
            } else if (current == care_state::holiday && !(now < plan.resume_at * at_start)) {
                resume(sink);
            }
        }
    }

    patient_type patient_{};
    recist_tracker<MaxLesions> recist_{};
    care_record record_{};
    xoshiro128pp rng_{};  // toxicity draws, apart from the patient's own stream
    real baseline_marker_ = real_const<real>::zero;
    std::int32_t last_assessment_ = 0;
    std::uint32_t non_target_sum_ = 0;           // non-target diameters at the line's baseline, 0.1 mm
    std::uint8_t gone_[static_cast<unsigned>(MaxLesions)] = {};  // a non-target lesion has disappeared
    treatment_machine machine_{};
    std::int8_t line_ = -1;
    std::uint8_t dosed_today_ = 0;
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_TREATMENT_HPP
