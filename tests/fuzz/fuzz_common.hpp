// Shared pieces of the libFuzzer targets: an input reader, value decoders that reach both
// plausible and hostile values, and invariant checks that trap on violation.
#ifndef ONCOSTATE_FUZZ_COMMON_HPP
#define ONCOSTATE_FUZZ_COMMON_HPP

#include <oncostate/oncostate.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <type_traits>

// An invariant check: prints what failed and traps (libFuzzer reports the crash and saves the input).
#define FUZZ_CHECK(cond) ((cond) ? static_cast<void>(0) : ::fuzz::fail(#cond, __FILE__, __LINE__))

namespace fuzz {

using namespace oncostate;

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "fuzz invariant violated: %s (%s:%d)\n", what, file, line);
    std::fflush(stderr);
    __builtin_trap();
}

// Reads the input front to back; past its end every read gives 0.
class reader {
public:
    reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    bool empty() const { return pos_ >= size_; }
    std::size_t left() const { return pos_ < size_ ? size_ - pos_ : 0; }
    std::uint8_t u8() { return pos_ < size_ ? data_[pos_++] : 0; }
    std::uint16_t u16() { return static_cast<std::uint16_t>(u8() | u8() << 8); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(u16()) | static_cast<std::uint32_t>(u16()) << 16; }
    std::uint64_t u64() { return static_cast<std::uint64_t>(u32()) | static_cast<std::uint64_t>(u32()) << 32; }
    bool flag() { return (u8() & 1u) != 0; }
    // Copies n bytes (zeros past the end).
    void bytes(void* out, std::size_t n) {
        std::uint8_t* o = static_cast<std::uint8_t*>(out);
        for (std::size_t i = 0; i < n; ++i) o[i] = u8();
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

// Any bit pattern of the real type: NaN, infinities, subnormals, -0 for float and double;
// any sign, magnitude and exponent (saturating) for sfloat.
template <class R>
struct raw_real;
template <>
struct raw_real<float> {
    static float get(reader& in) {
        const std::uint32_t b = in.u32();
        float f;
        std::memcpy(&f, &b, sizeof f);
        return f;
    }
};
template <>
struct raw_real<double> {
    static double get(reader& in) {
        const std::uint64_t b = in.u64();
        double f;
        std::memcpy(&f, &b, sizeof f);
        return f;
    }
};
template <>
struct raw_real<sfloat> {
    static sfloat get(reader& in) {
        const bool neg = in.flag();
        const std::uint64_t mag = in.u64();
        return sfloat::make(neg, mag, static_cast<std::int32_t>(in.u32()));
    }
};

// A real value: mostly plausible (0, 1, probabilities, tiny rates, integers), sometimes hostile.
template <class R>
R real_value(reader& in) {
    using t = real_traits<R>;
    switch (in.u8() & 7u) {
        case 0: return t::from_int(0);
        case 1: return t::from_int(1);
        case 2: return t::from_uint(in.u16()) / t::from_uint(65535);  // [0, 1]
        case 3: return t::ldexp(t::from_uint(in.u16() + 1u), -static_cast<int>(in.u8() % 80u));
        case 4: return t::from_int(static_cast<std::int16_t>(in.u16()));
        case 5: return t::ldexp(t::from_int(static_cast<std::int32_t>(in.u32())), static_cast<std::int8_t>(in.u8()));
        case 6: return t::from_int(0) - t::from_uint(in.u16()) / t::from_uint(65535);
        default: return raw_real<R>::get(in);
    }
}

// A cell count or other 64-bit quantity: small, powers, around max_cells, or any.
inline std::uint64_t count_value(reader& in) {
    switch (in.u8() & 7u) {
        case 0: return 0;
        case 1: return in.u8();
        case 2: return in.u16();
        case 3: return in.u32();
        case 4: {
            std::uint64_t v = 1;
            const unsigned k = in.u8() % 20u;
            for (unsigned i = 0; i < k; ++i) v *= 10u;
            return v;
        }
        case 5: return max_cells - 4u + (in.u8() & 7u);  // just below and above the saturation count
        case 6: return std::uint64_t{1} << (in.u8() & 63u);
        default: return in.u64();
    }
}

// --- invariants --------------------------------------------------------------------------------

inline bool known_event(event_code c) {
    switch (c) {
#define ONCOSTATE_FUZZ_EVENT_CASE(name, code) case event_code::name:
        ONCOSTATE_EVENT_LIST(ONCOSTATE_FUZZ_EVENT_CASE)
#undef ONCOSTATE_FUZZ_EVENT_CASE
        return true;
    }
    return false;
}

// Checks every event: a known code, a lesion slot in range.
template <int MaxLesions>
struct checking_sink {
    std::uint32_t* count;
    void operator()(const event& e) const {
        FUZZ_CHECK(known_event(e.code));
        FUZZ_CHECK(e.lesion < MaxLesions);
        ++*count;
    }
};

template <class Scalar, int MaxClones>
void check_population(const population<Scalar, MaxClones>& pop) {
    FUZZ_CHECK(pop.well_formed());
    std::uint64_t total = 0;
    for (int i = 0; i < MaxClones; ++i) {
        const clone& c = pop[i];
        FUZZ_CHECK(c.alive <= 1);
        FUZZ_CHECK(c.proliferating <= max_cells);
        FUZZ_CHECK(c.dormant <= max_cells);
        FUZZ_CHECK(c.alive || c.cells() == 0);
        total = detail::sat_add(total, c.cells());
    }
    FUZZ_CHECK(pop.cells() == total);
    FUZZ_CHECK(pop.cells() <= max_cells);
    FUZZ_CHECK(pop.clone_count() <= MaxClones);
    FUZZ_CHECK(static_cast<int>(pop.dormancy_state()) < dormancy_state_count);
    FUZZ_CHECK(pop.mutations_not_placed() <= max_cells);
}

// strict: also the cross-field consistency that a simulated state has (a state restored from
// arbitrary bytes only promises what well_formed() checks, so it is checked with strict = false).
template <class Scalar, int MaxLesions, int MaxClones>
void check_patient(const patient<Scalar, MaxLesions, MaxClones>& pt, bool strict = true) {
    FUZZ_CHECK(pt.well_formed());
    FUZZ_CHECK(pt.day() >= 0);
    std::uint64_t total = 0;
    for (int i = 0; i < MaxLesions; ++i) {
        const auto& l = pt[i];
        check_population(l.cells);
        FUZZ_CHECK(static_cast<int>(l.progress.state()) < progression_state_count);
        FUZZ_CHECK(l.used <= 1 && l.detected <= 1 && l.symptomatic <= 1 && l.invaded <= 1);
        FUZZ_CHECK(l.used || l.cells.cells() == 0);
        // an ended lesion holds no cells
        if (strict) FUZZ_CHECK(!(l.used && l.progress.ended()) || l.cells.cells() == 0);
        total = detail::sat_add(total, l.cells.cells());
    }
    FUZZ_CHECK(pt.total_cells() == total);
    FUZZ_CHECK(total <= max_cells);
    FUZZ_CHECK(pt.lesion_count() >= 0 && pt.lesion_count() <= MaxLesions);
    const outcome& o = pt.result();
    FUZZ_CHECK(pt.alive() == (o.death_day < 0));
    if (!strict) return;
    FUZZ_CHECK(pt.cells_shed() <= max_cells && pt.cells_colonised() <= max_cells && pt.founders_lost() <= max_cells);
    FUZZ_CHECK(static_cast<int>(o.cause) <= static_cast<int>(death_cause::vital_organ));
    FUZZ_CHECK(pt.alive() == (o.cause == death_cause::none));
    FUZZ_CHECK(o.death_day <= pt.day());
    FUZZ_CHECK(o.diagnosis_day <= pt.day());
}

inline bool response_in_range(response r) { return static_cast<int>(r) <= static_cast<int>(response::not_applicable); }

template <int MaxLesions>
void check_tracker(const recist_tracker<MaxLesions>& t) {
    FUZZ_CHECK(t.well_formed());
    FUZZ_CHECK(response_in_range(t.best()));
    FUZZ_CHECK(t.best() != response::not_applicable);
    FUZZ_CHECK(t.target_count() >= 0 && t.target_count() <= recist_max_targets);
    FUZZ_CHECK(t.non_target_count() >= 0 && t.target_count() + t.non_target_count() <= MaxLesions);
    FUZZ_CHECK(t.nadir_01mm() <= t.baseline_sum_01mm());
    FUZZ_CHECK(t.baseline_sum_01mm() <= recist_max_targets * recist_max_size_01mm);
    FUZZ_CHECK(t.progressed() == (t.progression_day() >= 0));
    FUZZ_CHECK(t.assessment_count() >= 0);
}

template <class Scalar, int MaxLesions, int MaxClones>
void check_care(const care<Scalar, MaxLesions, MaxClones>& c, bool strict = true) {
    FUZZ_CHECK(c.well_formed());
    check_patient(c.truth(), strict);
    check_tracker(c.recist());
    FUZZ_CHECK(static_cast<int>(c.state()) < care_state_count);
    FUZZ_CHECK(c.line() >= 0 && c.line() <= max_lines);
    if (!strict) return;
    // a line is running or paused only once one has started
    FUZZ_CHECK(c.line() >= 1 || (c.state() != care_state::on_line && c.state() != care_state::holiday));
    const care_record& r = c.record();
    FUZZ_CHECK(r.lines_started <= max_lines);
    FUZZ_CHECK(r.drug_days >= 0 && r.drug_days <= c.truth().day());
    for (int l = 0; l < max_lines; ++l) {
        FUZZ_CHECK(static_cast<int>(r.line_stop[l]) <= static_cast<int>(stop_reason::death));
        FUZZ_CHECK(response_in_range(r.line_best[l]));
        FUZZ_CHECK(r.line_end[l] < 0 || r.line_start[l] >= 0);
        FUZZ_CHECK(r.line_end[l] < 0 || r.line_end[l] >= r.line_start[l]);
    }
    FUZZ_CHECK(r.death_day == c.truth().result().death_day || c.truth().alive());
}

// The clinic's view of a patient: counts and enums in range.
template <class Patient, class Params>
void check_view(const Patient& pt, const Params& p) {
    const auto v = pt.observe(p);
    FUZZ_CHECK(v.visible_count >= 0 && v.visible_count <= Patient::max_lesions);
    FUZZ_CHECK(static_cast<int>(v.clinical_stage) <= static_cast<int>(stage::distant));
    FUZZ_CHECK(v.oligometastatic <= 1);
    for (int i = 0; i < v.visible_count; ++i) {
        FUZZ_CHECK(v.visible[i].index < Patient::max_lesions);
        FUZZ_CHECK(v.visible[i].measurable <= 1);
        FUZZ_CHECK(pt[v.visible[i].index].cells.cells() > 0);
    }
    FUZZ_CHECK(v.ned() == (v.visible_count == 0));
}

// Bytes of a trivially copyable object, for "a rejected call leaves it untouched".
template <class T>
bool same_bytes(const T& a, const T& b) {
    static_assert(std::is_trivially_copyable<T>::value, "compare plain bytes only");
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}
template <class T>
void copy_bytes(T& to, const T& from) {
    static_assert(std::is_trivially_copyable<T>::value, "copy plain bytes only");
    std::memcpy(static_cast<void*>(&to), &from, sizeof(T));
}

}  // namespace fuzz

#endif  // ONCOSTATE_FUZZ_COMMON_HPP
