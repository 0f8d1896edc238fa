// oncostate: RECIST 1.1 response evaluation (Eisenhauer et al., Eur J Cancer 2009;45:228-247).
//
// A stand-alone evaluator: it needs nothing of the model but `organ`. The reader's measurements go
// in (one list of lesions per scan), the RECIST categories come out: target, non-target and
// overall response per assessment, the best overall response and the day of progression.
//
// Measurements are integers in tenths of a millimetre (1 = 0.1 mm), so every threshold is exact
// (10 mm = 100, -30% is 10 sum <= 7 baseline, +20% is 5 sum >= 6 nadir) and the result is the
// same on every machine and for every scalar type. See docs/recist.md.
#ifndef ONCOSTATE_RECIST_HPP
#define ONCOSTATE_RECIST_HPP

#include "config.hpp"
#include "errc.hpp"
#include "site.hpp"

#include <cstdint>      // fixed-width integers
#include <limits>       // std::numeric_limits<int>::max (a saturating counter)
#include <type_traits>  // std::is_trivially_copyable (the tracker is plain bytes)

ONCOSTATE_NAMESPACE_BEGIN

// --- Thresholds (tenths of a millimetre) -----------------------------------------------------
constexpr std::uint32_t recist_max_size_01mm = 100000;            // 10 m: anything larger is an input error
constexpr std::uint32_t recist_measurable_01mm = 100;             // non-nodal: longest diameter >= 10 mm
constexpr std::uint32_t recist_node_measurable_01mm = 150;        // node: short axis >= 15 mm
constexpr std::uint32_t recist_node_pathological_01mm = 100;      // node: short axis >= 10 mm; below is normal
constexpr std::uint32_t recist_pd_min_increase_01mm = 50;         // PD also needs +5 mm over the nadir
constexpr int recist_max_targets = 5;
constexpr int recist_max_targets_per_organ = 2;                   // all lymph nodes count as one organ

// --- Categories ------------------------------------------------------------------------------
// not_applicable: the category has no lesions (no targets, or no non-targets). non_cr_non_pd is
// the non-target category between CR and PD, and the overall response of a patient whose disease
// is non-target only.
enum class response : std::uint8_t { cr, pr, sd, non_cr_non_pd, pd, ne, not_applicable };

// "CR", "PR", "SD", "non-CR/non-PD", "PD", "NE", "NA".
constexpr const char* response_name(response r) noexcept {
    switch (r) {
        case response::cr: return "CR";
        case response::pr: return "PR";
        case response::sd: return "SD";
        case response::non_cr_non_pd: return "non-CR/non-PD";
        case response::pd: return "PD";
        case response::ne: return "NE";
        case response::not_applicable: return "NA";
    }
    return "unknown";
}

// The words behind the abbreviations.
constexpr const char* response_long_name(response r) noexcept {
    switch (r) {
        case response::cr: return "complete response";
        case response::pr: return "partial response";
        case response::sd: return "stable disease";
        case response::non_cr_non_pd: return "non-complete response, non-progressive disease";
        case response::pd: return "progressive disease";
        case response::ne: return "not evaluable";
        case response::not_applicable: return "not applicable";
    }
    return "unknown";
}

// --- Input and output ------------------------------------------------------------------------
// One lesion as the reader reports it on one scan. `id` is the reader's label, stable across scans.
// size_01mm: longest diameter (non-nodal) or short axis (nodal), in 0.1 mm; 0 = disappeared.
//   For a non-target lesion only "0 (gone) or not" matters, and for a node "< 10 mm or not".
// missing: not assessed / not evaluable on this scan (size ignored). At baseline it means present
//   but not measurable (e.g. a blastic bone lesion, ascites): recorded as non-target.
// is_new: the lesion is new (never at baseline). Its id must not be a baseline id.
struct recist_lesion {
    std::uint16_t id = 0;
    organ where = organ::breast;
    bool nodal = false;
    std::uint32_t size_01mm = 0;
    bool missing = false;
    bool is_new = false;
};

struct recist_options {
    int min_sd_days = 42;               // SD counts for the best response only this long after baseline
    std::uint8_t require_confirmation = 0;  // 1: CR/PR count for the best response only when confirmed (a byte: snapshots are checked bytes)
    int confirmation_days = 28;         // ... by a CR/PR this many days later (consecutive scans)
};

// The evaluation of one follow-up scan.
struct recist_assessment {
    int day = 0;
    response target = response::not_applicable;
    response non_target = response::not_applicable;
    response overall = response::ne;
    std::uint32_t sum_01mm = 0;           // sum of the target measurements (the measured ones, if some are missing)
    std::uint32_t baseline_sum_01mm = 0;  // the reference for PR
    std::uint32_t nadir_01mm = 0;         // the reference for PD: smallest complete sum before this scan
    std::uint8_t targets_missing = 0;
    std::uint8_t non_targets_missing = 0;
    bool new_lesion = false;
    bool no_evidence_of_disease = false;  // every baseline lesion evaluated and gone (nodes < 10 mm), nothing new
};

// "complete remission" (CR: no evidence of disease), "partial remission" (PR), "no evidence of
// disease" (nothing visible, e.g. no disease at baseline and none since), else "no remission".
constexpr const char* remission_name(const recist_assessment& a) noexcept {
    if (a.overall == response::cr) return "complete remission";
    if (a.overall == response::pr) return "partial remission";
    if (a.no_evidence_of_disease) return "no evidence of disease";
    return "no remission";
}

// Overall response of one scan: table 4 of RECIST 1.1 (targets present) and table 5 (non-target
// disease only); any lesion flagged is_new makes it PD. No disease at baseline and nothing since gives NE.
constexpr response recist_overall_response(response target, response non_target, bool new_lesion) noexcept {
    if (new_lesion || target == response::pd || non_target == response::pd) return response::pd;
    if (target == response::not_applicable)  // non-target disease only, or none at all
        return non_target == response::not_applicable ? response::ne : non_target;
    if (target == response::ne) return response::ne;
    if (target == response::cr)
        return non_target == response::cr || non_target == response::not_applicable ? response::cr : response::pr;
    return target;  // PR or SD, whatever the non-targets (not PD) show
}

// --- The tracker -----------------------------------------------------------------------------
// MaxLesions: how many lesions one call may pass (baseline, or a follow-up including its new
// lesions). State: 8 bytes a lesion + about 48, no heap, trivially copyable.
template <int MaxLesions = 16>
class recist_tracker {
    static_assert(MaxLesions >= 1 && MaxLesions <= 255, "oncostate: recist_tracker holds 1 to 255 lesions");

public:
    static constexpr int max_lesions = MaxLesions;

    // Records the baseline scan and selects the targets; starts over if called again.
    // Errors (tracker unchanged): n < 0, day < 0 or a negative option -> negative_value;
    // n > MaxLesions, or l == nullptr with n > 0 -> buffer_too_small; a size over 10 m or an invalid
    // organ -> value_too_large; duplicate ids -> lesion_index_out_of_range; a lesion flagged new ->
    // illegal_transition.
    constexpr errc baseline(const recist_lesion* l, int n, int day,
                            const recist_options& options = recist_options{}) noexcept {
        if (day < 0 || options.min_sd_days < 0 || options.confirmation_days < 0) return errc::negative_value;
        const errc e = check_list(l, n);
        if (e != errc::ok) return e;
        for (int i = 0; i < n; ++i)
            if (l[i].is_new) return errc::illegal_transition;

        reset();
        for (int i = 0; i < n; ++i) {
            const recist_lesion& x = l[i];
            entry& r = lesions_[count_++];
            r.id = x.id;
            r.where = x.where;
            r.size_01mm = x.missing ? 0u : x.size_01mm;
            // Not a lesion: a normal node (< 10 mm) or a non-nodal "lesion" of 0 mm. Kept only so
            // that known() recognises its id.
            const bool normal = !x.missing && x.size_01mm < (x.nodal ? recist_node_pathological_01mm : 1u);
            r.flags = static_cast<std::uint8_t>((x.nodal ? flag_nodal : 0u) | (measurable(x) ? flag_measurable : 0u) |
                                                (normal ? flag_ignored : 0u));
        }
        select_targets();
        for (int i = 0; i < count_; ++i)
            if (lesions_[i].flags & flag_target) baseline_sum_ += lesions_[i].size_01mm;
        nadir_ = baseline_sum_;
        options_ = options;
        baseline_day_ = day;
        last_day_ = day;
        has_baseline_ = 1;
        return errc::ok;
    }

    // Evaluates one follow-up scan into `out`. A recorded baseline lesion absent from the list
    // counts as missing; a lesion neither recorded at baseline nor new (e.g. a node that was
    // normal) is ignored.
    // Errors (tracker and `out` unchanged): no baseline yet, or a day before the previous scan ->
    // illegal_transition; list errors as for baseline(); a lesion flagged is_new with the id of a recorded
    // baseline lesion -> lesion_index_out_of_range.
    constexpr errc assess(const recist_lesion* l, int n, bool non_target_progression, int day,
                          recist_assessment& out) noexcept {
        if (!has_baseline_ || day < last_day_) return errc::illegal_transition;
        const errc e = check_list(l, n);
        if (e != errc::ok) return e;
        for (int i = 0; i < n; ++i)
            if (l[i].is_new && is_recorded(l[i].id)) return errc::lesion_index_out_of_range;

        recist_assessment a;
        a.day = day;
        a.baseline_sum_01mm = baseline_sum_;
        a.nadir_01mm = nadir_;
        int targets = 0, non_targets = 0;
        bool targets_normal = true, non_targets_gone = true;
        for (int i = 0; i < count_; ++i) {
            const entry& r = lesions_[i];
            if (r.flags & flag_ignored) continue;
            const int j = find_in(l, n, r.id);
            const bool seen = j >= 0 && !l[j].missing;
            const std::uint32_t size = seen ? l[j].size_01mm : 0u;
            // Still there: a non-nodal lesion not gone, a node not back to normal (< 10 mm).
            const bool present = (r.flags & flag_nodal) ? size >= recist_node_pathological_01mm : size > 0;
            if (r.flags & flag_target) {
                ++targets;
                if (!seen) {
                    ++a.targets_missing;
                } else {
                    a.sum_01mm += size;
                    if (present) targets_normal = false;
                }
            } else {
                ++non_targets;
                if (!seen)
                    ++a.non_targets_missing;
                else if (present)
                    non_targets_gone = false;
            }
        }
        for (int i = 0; i < n; ++i) a.new_lesion = a.new_lesion || l[i].is_new;

        // Targets. A missing target makes the scan NE unless the measured ones alone already show
        // PD: the true sum can only be larger. All targets normal is CR even if the node sum rose
        // from its nadir (a node < 10 mm has not "reappeared").
        if (targets == 0)
            a.target = response::not_applicable;
        else if (a.targets_missing > 0)
            a.target = progressed_from_nadir(a.sum_01mm) ? response::pd : response::ne;
        else if (targets_normal)
            a.target = response::cr;
        else if (progressed_from_nadir(a.sum_01mm))
            a.target = response::pd;  // PD wins over PR
        else if (10u * a.sum_01mm <= 7u * baseline_sum_)
            a.target = response::pr;
        else
            a.target = response::sd;

        // Non-targets.
        if (non_target_progression)
            a.non_target = response::pd;
        else if (non_targets == 0)
            a.non_target = response::not_applicable;
        else if (a.non_targets_missing > 0)
            a.non_target = response::ne;
        else if (non_targets_gone)
            a.non_target = response::cr;
        else
            a.non_target = response::non_cr_non_pd;

        a.overall = recist_overall_response(a.target, a.non_target, a.new_lesion);
        a.no_evidence_of_disease = a.targets_missing == 0 && a.non_targets_missing == 0 && targets_normal &&
                                   non_targets_gone && !a.new_lesion && !non_target_progression;

        // Commit: the nadir takes complete sums only.
        if (targets > 0 && a.targets_missing == 0 && a.sum_01mm < nadir_) nadir_ = a.sum_01mm;
        last_day_ = day;
        if (assessments_ < std::numeric_limits<int>::max()) ++assessments_;
        if (!progressed()) update_best(a.overall, day, targets > 0);
        out = a;
        return errc::ok;
    }

    // Best overall response from baseline up to and including the first PD. NE before any scan.
    constexpr response best() const noexcept { return best_; }
    // The day of the first overall PD, or -1.
    constexpr int progression_day() const noexcept { return progression_day_; }
    constexpr bool progressed() const noexcept { return progression_day_ >= 0; }

    constexpr bool has_baseline() const noexcept { return has_baseline_ != 0; }
    constexpr int baseline_day() const noexcept { return baseline_day_; }
    constexpr int assessment_count() const noexcept { return assessments_; }
    constexpr std::uint32_t baseline_sum_01mm() const noexcept { return baseline_sum_; }
    constexpr std::uint32_t nadir_01mm() const noexcept { return nadir_; }
    constexpr const recist_options& options() const noexcept { return options_; }

    // The baseline lesions: known (in the baseline list at all), recorded (a lesion: not a normal
    // node), target (recorded and selected).
    constexpr bool known(std::uint16_t id) const noexcept { return find(id) >= 0; }
    constexpr bool is_recorded(std::uint16_t id) const noexcept {
        const int i = find(id);
        return i >= 0 && (lesions_[i].flags & flag_ignored) == 0;
    }
    constexpr bool is_target(std::uint16_t id) const noexcept {
        const int i = find(id);
        return i >= 0 && (lesions_[i].flags & flag_target) != 0;
    }
    constexpr int target_count() const noexcept { return count_flag(flag_target, flag_target); }
    constexpr int non_target_count() const noexcept { return count_flag(flag_target | flag_ignored, 0); }

    // Internal consistency (e.g. after restoring the bytes from storage).
    constexpr bool well_formed() const noexcept {
        if (has_baseline_ > 1 || options_.require_confirmation > 1) return false;
        if (count_ > MaxLesions || (!has_baseline_ && count_ != 0)) return false;
        if (rank(best_) == 0 || progression_day_ < -1 || assessments_ < 0) return false;
        if (options_.min_sd_days < 0 || options_.confirmation_days < 0 || baseline_day_ < 0 || last_day_ < baseline_day_)
            return false;
        std::uint32_t sum = 0;
        int per_organ[organ_count] = {};
        for (int i = 0; i < count_; ++i) {
            const entry& r = lesions_[i];
            if (static_cast<int>(r.where) >= organ_count || r.size_01mm > recist_max_size_01mm || (r.flags & ~flag_all) != 0)
                return false;
            if (r.flags & flag_target) {
                if ((r.flags & flag_measurable) == 0 || (r.flags & flag_ignored) != 0) return false;
                if (++per_organ[organ_key(r)] > recist_max_targets_per_organ) return false;
                sum += r.size_01mm;
            }
        }
        return target_count() <= recist_max_targets && sum == baseline_sum_ && nadir_ <= baseline_sum_;
    }

private:
    static constexpr std::uint8_t flag_nodal = 1, flag_measurable = 2, flag_target = 4, flag_ignored = 8;
    static constexpr unsigned flag_all = 15;

    struct entry {
        std::uint32_t size_01mm = 0;  // baseline measurement (0 if none)
        std::uint16_t id = 0;
        organ where = organ::breast;
        std::uint8_t flags = 0;
    };

    // The state of a default-constructed tracker, set member by member: `*this = recist_tracker{}`
    // would build a temporary of the whole tracker on the stack.
    constexpr void reset() noexcept {
        for (entry& e : lesions_) e = entry{};
        options_ = recist_options{};
        baseline_sum_ = 0;
        nadir_ = 0;
        baseline_day_ = 0;
        last_day_ = 0;
        progression_day_ = -1;
        cr_run_day_ = -1;
        crpr_run_day_ = -1;
        assessments_ = 0;
        count_ = 0;
        has_baseline_ = 0;
        best_ = response::ne;
    }

    static constexpr bool measurable(const recist_lesion& x) noexcept {
        return !x.missing && x.size_01mm >= (x.nodal ? recist_node_measurable_01mm : recist_measurable_01mm);
    }

    static constexpr errc check_list(const recist_lesion* l, int n) noexcept {
        if (n < 0) return errc::negative_value;
        if (n > MaxLesions || (n > 0 && l == nullptr)) return errc::buffer_too_small;
        for (int i = 0; i < n; ++i) {
            if (static_cast<int>(l[i].where) >= organ_count) return errc::value_too_large;
            if (!l[i].missing && l[i].size_01mm > recist_max_size_01mm) return errc::value_too_large;
            for (int j = 0; j < i; ++j)
                if (l[j].id == l[i].id) return errc::lesion_index_out_of_range;
        }
        return errc::ok;
    }

    static constexpr int find_in(const recist_lesion* l, int n, std::uint16_t id) noexcept {
        for (int i = 0; i < n; ++i)
            if (l[i].id == id && !l[i].is_new) return i;
        return -1;
    }

    constexpr int find(std::uint16_t id) const noexcept {
        for (int i = 0; i < count_; ++i)
            if (lesions_[i].id == id) return i;
        return -1;
    }

    constexpr int count_flag(unsigned mask, unsigned value) const noexcept {
        int c = 0;
        for (int i = 0; i < count_; ++i) c += (lesions_[i].flags & mask) == value ? 1 : 0;
        return c;
    }

    static constexpr int organ_key(const entry& r) noexcept {
        return (r.flags & flag_nodal) ? static_cast<int>(organ::lymph_node) : static_cast<int>(r.where);
    }

    // Largest measurable lesion first (ties: smaller id); at most 5, at most 2 per organ, all
    // lymph nodes counting as one organ (EORTC RECIST FAQ).
    constexpr void select_targets() noexcept {
        int per_organ[organ_count] = {};
        for (int pick = 0; pick < recist_max_targets; ++pick) {
            int largest = -1;
            for (int i = 0; i < count_; ++i) {
                const entry& r = lesions_[i];
                if ((r.flags & flag_measurable) == 0 || (r.flags & flag_target) != 0) continue;
                if (per_organ[organ_key(r)] >= recist_max_targets_per_organ) continue;
                if (largest < 0 || r.size_01mm > lesions_[largest].size_01mm ||
                    (r.size_01mm == lesions_[largest].size_01mm && r.id < lesions_[largest].id))
                    largest = i;
            }
            if (largest < 0) break;
            lesions_[largest].flags = static_cast<std::uint8_t>(lesions_[largest].flags | flag_target);
            ++per_organ[organ_key(lesions_[largest])];
        }
    }

    // PD: >= 20% above the nadir and >= 5 mm above it.
    constexpr bool progressed_from_nadir(std::uint32_t sum) const noexcept {
        return sum >= nadir_ + recist_pd_min_increase_01mm && 5u * sum >= 6u * nadir_;
    }

    static constexpr int rank(response r) noexcept {
        switch (r) {
            case response::cr: return 5;
            case response::pr: return 4;
            case response::sd:
            case response::non_cr_non_pd: return 3;
            case response::pd: return 2;
            case response::ne: return 1;
            case response::not_applicable: break;
        }
        return 0;
    }

    // One scan up to the first PD. SD (non-CR/non-PD for non-target disease) counts only
    // min_sd_days after baseline. With confirmation, CR needs a CR, and PR a CR or PR,
    // confirmation_days later in an unbroken run of such scans; until then the scan counts as SD.
    constexpr void update_best(response o, int day, bool has_targets) noexcept {
        const bool sd_ok = day - baseline_day_ >= options_.min_sd_days;
        const response stable = has_targets ? response::sd : response::non_cr_non_pd;
        response c = response::ne;
        if (o == response::pd) {
            progression_day_ = day;
            c = response::pd;
        } else if (o == response::cr || o == response::pr) {
            if (!options_.require_confirmation) {
                c = o;
            } else {
                if (crpr_run_day_ < 0) crpr_run_day_ = day;
                if (o == response::pr) cr_run_day_ = -1;
                else if (cr_run_day_ < 0) cr_run_day_ = day;
                if (o == response::cr && day - cr_run_day_ >= options_.confirmation_days)
                    c = response::cr;
                else if (has_targets && day - crpr_run_day_ >= options_.confirmation_days)
                    c = response::pr;
                else
                    c = sd_ok ? stable : response::ne;
            }
        } else {
            crpr_run_day_ = -1;
            cr_run_day_ = -1;
            if (o == response::sd || o == response::non_cr_non_pd) c = sd_ok ? o : response::ne;
        }
        if (rank(c) > rank(best_)) best_ = c;
    }

    entry lesions_[static_cast<unsigned>(MaxLesions)] = {};
    recist_options options_ = {};
    std::uint32_t baseline_sum_ = 0;
    std::uint32_t nadir_ = 0;
    int baseline_day_ = 0;
    int last_day_ = 0;
    int progression_day_ = -1;
    int cr_run_day_ = -1;    // first day of the current run of CR scans (confirmation)
    int crpr_run_day_ = -1;  // first day of the current run of CR/PR scans (confirmation)
    int assessments_ = 0;
    std::uint8_t count_ = 0;
    std::uint8_t has_baseline_ = 0;  // a byte, not bool: snapshots are checked bytes
    response best_ = response::ne;
};

static_assert(std::is_trivially_copyable<recist_tracker<1>>::value, "oncostate: recist_tracker must be plain bytes");
static_assert(std::is_trivially_copyable<recist_assessment>::value, "oncostate: recist_assessment must be plain bytes");

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_RECIST_HPP
