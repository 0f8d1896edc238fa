// The RECIST 1.1 evaluator on arbitrary measurements.
//
// Input: tracker size (byte % 3: 16, 3 or 255 lesions), options, then calls until the input ends
// (at most max_calls): baseline() or assess() with a lesion list (ids from a small range so that
// duplicates and re-used ids happen, any organ byte, sizes small, near the thresholds or any),
// a day that mostly moves forward, sometimes a null list or a negative count.
//
// Checks: the tracker stays well formed; a refused call changes neither the tracker nor `out`
// (byte for byte) and gives one of the documented codes; an accepted assessment is consistent
// (overall = table 4/5 of its parts, PR/PD/CR thresholds hold, the count grows by one); the first
// PD day and the best response are frozen after PD.
#include "fuzz_common.hpp"

namespace {

using namespace oncostate;
using fuzz::reader;

constexpr int max_calls = 48;
constexpr int max_list = 260;  // beyond the largest tracker, to reach buffer_too_small

std::uint32_t size_value(reader& in) {
    switch (in.u8() & 7u) {
        case 0: return 0;
        case 1: return in.u8();  // up to 25.5 mm
        case 2: return 90u + (in.u8() % 80u);  // around 10 and 15 mm
        case 3: return in.u16() % 2000u;
        case 4: return recist_max_size_01mm - 2u + (in.u8() & 3u);  // around the 10 m limit
        case 5: return in.u16();
        default: return in.u32();
    }
}

recist_lesion lesion_value(reader& in) {
    recist_lesion x;
    const std::uint8_t bits = in.u8();
    x.id = (bits & 0x80u) ? in.u16() : static_cast<std::uint16_t>(in.u8() % 24u);
    const std::uint8_t o = in.u8();
    x.where = static_cast<organ>((bits & 0x40u) ? o : o % static_cast<unsigned>(organ_count));
    x.nodal = (bits & 1u) != 0;
    x.missing = (bits & 2u) != 0 && (bits & 4u) != 0;  // a quarter of the time
    x.is_new = (bits & 8u) != 0 && (bits & 16u) != 0;
    x.size_01mm = size_value(in);
    return x;
}

// The order best() uses: CR > PR > SD = non-CR/non-PD > PD > NE; 0 for NA (never an overall response).
int rank(response r) {
    switch (r) {
        case response::cr: return 5;
        case response::pr: return 4;
        case response::sd:
        case response::non_cr_non_pd: return 3;
        case response::pd: return 2;
        case response::ne: return 1;
        default: return 0;
    }
}

template <int N>
void run(reader& in) {
    using tracker = recist_tracker<N>;
    tracker t;
    recist_options opt;
    opt.min_sd_days = static_cast<std::int8_t>(in.u8());
    opt.require_confirmation = in.flag();
    opt.confirmation_days = static_cast<std::int8_t>(in.u8());
    static recist_lesion list[max_list];
    int day = 0;
    for (int call = 0; call < max_calls && !in.empty(); ++call) {
        const std::uint8_t op = in.u8();
        int n = in.u8() % 20u;
        if ((op & 0x30u) == 0x30u) n = static_cast<std::int16_t>(in.u16()) % (max_list + 8);  // sizes past N, or < 0
        const int count = n < 0 ? 0 : (n > max_list ? max_list : n);
        for (int i = 0; i < count; ++i) list[i] = lesion_value(in);
        const recist_lesion* l = (op & 0x40u) && (op & 0x80u) ? nullptr : list;
        // days: mostly forward by 0-255, sometimes anywhere
        int when = day;
        if (op & 0x08u) {
            when = static_cast<int>(in.u32());
        } else {
            const int step = in.u8();
            if (day <= INT32_MAX - step) when = day + step;
        }
        if (when < 0 && (op & 0x04u) == 0) when = day;

        static tracker before;
        fuzz::copy_bytes(before, t);
        if ((op & 1u) == 0) {
            recist_options o = opt;
            if (op & 0x02u) o.min_sd_days = -1;  // a refused option
            const errc e = t.baseline(l, n, when, o);
            if (e != errc::ok) {
                FUZZ_CHECK(e == errc::negative_value || e == errc::buffer_too_small || e == errc::value_too_large ||
                           e == errc::lesion_index_out_of_range || e == errc::illegal_transition);
                FUZZ_CHECK(fuzz::same_bytes(before, t));
            } else {
                FUZZ_CHECK(n >= 0 && n <= N && when >= 0);
                FUZZ_CHECK(t.has_baseline() && t.assessment_count() == 0 && !t.progressed() && t.best() == response::ne);
                FUZZ_CHECK(t.nadir_01mm() == t.baseline_sum_01mm() && t.baseline_day() == when);
                // every listed lesion is known; targets are measurable and recorded
                for (int i = 0; i < n; ++i) {
                    FUZZ_CHECK(t.known(list[i].id));
                    if (t.is_target(list[i].id)) {
                        FUZZ_CHECK(t.is_recorded(list[i].id) && !list[i].missing);
                        FUZZ_CHECK(list[i].size_01mm >= (list[i].nodal ? recist_node_measurable_01mm : recist_measurable_01mm));
                    }
                }
                day = when;
            }
        } else {
            recist_assessment a;
            a.day = 12345;  // a marker: a refused call must leave it
            const recist_assessment a0 = a;
            const bool ntp = (op & 0x02u) != 0;
            const int count_before = t.assessment_count();
            const bool had_pd = t.progressed();
            const int pd_day = t.progression_day();
            const response best_before = t.best();
            const errc e = t.assess(l, n, ntp, when, a);
            if (e != errc::ok) {
                FUZZ_CHECK(e == errc::negative_value || e == errc::buffer_too_small || e == errc::value_too_large ||
                           e == errc::lesion_index_out_of_range || e == errc::illegal_transition);
                FUZZ_CHECK(fuzz::same_bytes(before, t));
                FUZZ_CHECK(fuzz::same_bytes(a0, a));
            } else {
                FUZZ_CHECK(before.has_baseline() && when >= day && n >= 0 && n <= N);
                FUZZ_CHECK(a.day == when);
                FUZZ_CHECK(fuzz::response_in_range(a.target) && fuzz::response_in_range(a.non_target) && rank(a.overall) > 0);
                FUZZ_CHECK(a.overall == recist_overall_response(a.target, a.non_target, a.new_lesion));
                FUZZ_CHECK(a.baseline_sum_01mm == before.baseline_sum_01mm() && a.nadir_01mm == before.nadir_01mm());
                FUZZ_CHECK(a.sum_01mm <= static_cast<std::uint32_t>(recist_max_targets) * recist_max_size_01mm);
                FUZZ_CHECK(static_cast<int>(a.targets_missing) <= t.target_count());
                FUZZ_CHECK(static_cast<int>(a.non_targets_missing) <= t.non_target_count());
                FUZZ_CHECK((a.target == response::not_applicable) == (t.target_count() == 0));
                FUZZ_CHECK((a.non_target == response::not_applicable) == (t.non_target_count() == 0 && !ntp));
                if (a.target == response::cr) FUZZ_CHECK(a.targets_missing == 0);
                if (a.target == response::pr) FUZZ_CHECK(a.targets_missing == 0 && 10u * a.sum_01mm <= 7u * a.baseline_sum_01mm);
                if (a.target == response::pd)
                    FUZZ_CHECK(a.sum_01mm >= a.nadir_01mm + recist_pd_min_increase_01mm && 5u * a.sum_01mm >= 6u * a.nadir_01mm);
                if (a.target == response::sd)
                    FUZZ_CHECK(a.targets_missing == 0 && 10u * a.sum_01mm > 7u * a.baseline_sum_01mm);
                if (a.new_lesion || ntp) FUZZ_CHECK(a.overall == response::pd);
                if (a.no_evidence_of_disease) FUZZ_CHECK(a.overall != response::pd && !a.new_lesion);
                FUZZ_CHECK(t.nadir_01mm() <= before.nadir_01mm());
                FUZZ_CHECK(t.assessment_count() == count_before + 1);
                if (had_pd) {
                    FUZZ_CHECK(t.progression_day() == pd_day && t.best() == best_before);
                } else {
                    FUZZ_CHECK(rank(t.best()) >= rank(best_before));
                    FUZZ_CHECK(rank(t.best()) >= rank(a.overall) || a.overall == response::cr || a.overall == response::pr ||
                               a.overall == response::sd || a.overall == response::non_cr_non_pd);
                    if (a.overall == response::pd) FUZZ_CHECK(t.progression_day() == when && t.best() != response::ne);
                }
                day = when;
            }
        }
        fuzz::check_tracker(t);
        // the tracker is plain bytes: a copy is as good as the original
        static tracker copy;
        fuzz::copy_bytes(copy, t);
        FUZZ_CHECK(copy.well_formed() && copy.best() == t.best());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reader in(data, size);
    switch (in.u8() % 3u) {
        case 0: run<16>(in); break;
        case 1: run<3>(in); break;
        default: run<255>(in); break;
    }
    return 0;
}
