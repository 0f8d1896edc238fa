// oncostate firmware: a teaching scenario on a microcontroller. It runs a patient under care in
// fixed point (the same digits on any core and on a PC), prints a line per event, shows each
// organ's tumour burden as a level 0-8 (an LED bar), keeps a snapshot in "flash" once a year,
// and ends with the run's digest. Everything the hardware does is in board.hpp.
//
// Build options (compile definitions):
//   FIRMWARE_SCENARIO="late-relapse"  a name from oncostate::scenarios
//   FIRMWARE_DAYS=3650                 days to simulate
//   FIRMWARE_FLOAT                     float instead of fixed point (cores with an FPU)
//   FIRMWARE_QUIET                     no event lines: measure ticks per day and the stack of step()
#include <oncostate/oncostate.hpp>

#include "board.hpp"

#include <new>  // placement new

#ifndef FIRMWARE_SCENARIO
#define FIRMWARE_SCENARIO "late-relapse"
#endif
#ifndef FIRMWARE_DAYS
#define FIRMWARE_DAYS 3650
#endif

// startup.cpp
std::uintptr_t stack_pointer();
void stack_repaint();
std::size_t stack_used_below(std::uintptr_t sp);

namespace {

namespace os = oncostate;

#ifdef FIRMWARE_FLOAT
using scalar = float;
constexpr const char* scalar_name = "float";
#else
using scalar = os::q16_16;  // cell counts; probabilities are os::sfloat (integer arithmetic only)
constexpr const char* scalar_name = "fixed";
#endif
using real = os::real_t<scalar>;
using care_type = os::care<scalar, 16, 4>;  // 16 lesions, 4 clones each

// The scenario and its parameters are constants: they live in flash.
constexpr bool found(const os::scenario* s) { return s != nullptr; }
constexpr const os::scenario* story = os::find_scenario(FIRMWARE_SCENARIO);
static_assert(found(story), "FIRMWARE_SCENARIO names no scenario in oncostate::scenarios");
constexpr os::patient_params<real> params = os::scenario_params<real>(*story);
constexpr os::treatment_plan<real> plan = os::scenario_plan<real>(*story);
constexpr std::int32_t days = FIRMWARE_DAYS;

// The whole state, about 2.6 KB. Built in zeroed storage (.bss) at start-up rather than kept
// as a global with an initial image in flash (.data).
alignas(care_type) std::uint8_t care_storage[sizeof(care_type)];
care_type& patient_care = *new (care_storage) care_type{};  // placement: no heap
#ifndef FIRMWARE_QUIET
std::uint8_t snapshot[os::snapshot_size<care_type>()];        // staging buffer for the flash page
#endif
os::digest event_digest;
std::uint32_t event_count = 0;

// --- text without printf -------------------------------------------------------------------------
struct line {
    char text[128];  // the longest line (a scenario's lesson) is under 100 characters
    int n = 0;
    line& operator<<(const char* s) {
        for (int i = 0; s[i] != '\0' && n < static_cast<int>(sizeof text) - 2; ++i) text[n++] = s[i];
        return *this;
    }
    line& operator<<(std::uint64_t v) {
        char digits[20];
        int k = 0;
        do {
            digits[k++] = static_cast<char>('0' + v % 10u);
            v /= 10u;
        } while (v != 0u && k < 20);
        while (k > 0 && n < static_cast<int>(sizeof text) - 2) text[n++] = digits[--k];
        return *this;
    }
    line& operator<<(std::int32_t v) {
        if (v < 0) *this << "-";
        return *this << static_cast<std::uint64_t>(v < 0 ? -static_cast<std::int64_t>(v) : v);
    }
    void send() {
        text[n++] = '\n';
        text[n] = '\0';
        board::write(text);
        n = 0;
    }
};

// --- the LED bars ---------------------------------------------------------------------------------
// Level 0: no cells; 1: fewer than 1e6; then one level per decade; 8: 1e12 cells or more.
std::uint8_t burden_level(std::uint64_t cells) {
    if (cells == 0) return 0;
    std::uint8_t level = 1;
    for (std::uint64_t decade = 1000000; level < 8 && cells >= decade; decade *= 10u) ++level;
    return level;
}

std::uint8_t shown[os::organ_count] = {};

void update_levels(bool force) {
    std::uint8_t levels[os::organ_count] = {};
    std::uint64_t cells[os::organ_count] = {};
    const auto& truth = patient_care.truth();
    for (int i = 0; i < care_type::max_lesions; ++i)
        if (truth[i].used != 0) cells[static_cast<int>(truth[i].where.where)] += truth[i].cells.cells();
    bool changed = force;
    for (int o = 0; o < os::organ_count; ++o) {
        levels[o] = burden_level(cells[o]);
        changed = changed || levels[o] != shown[o];
        shown[o] = levels[o];
    }
    if (!changed) return;
    line l;
    (l << "day " << truth.day() << " burden:").send();
    board::show_levels(levels, os::organ_count);
}

// --- events -----------------------------------------------------------------------------------------
struct event_sink {
    void operator()(const os::event& e) const {
        event_digest(e);
        ++event_count;
#ifndef FIRMWARE_QUIET
        line l;
        l << "day " << patient_care.truth().day() << " " << os::event_name(e.code);
        if (e.lesion != 0) l << " lesion " << static_cast<std::uint64_t>(e.lesion);
        (l << " " << e.value).send();
#endif
    }
};

// One simulated day. Not inlined, so that its stack lies below main's frame, where the stack
// measurement looks.
[[gnu::noinline]] void one_day() { patient_care.step(params, plan, event_sink{}); }

#ifndef FIRMWARE_QUIET
// A power cut in the middle of the run: the state is rebuilt from the flash page alone.
void power_cycle() {
    patient_care = care_type{};
    const std::size_t n = board::load(snapshot, sizeof snapshot);
    const os::errc e = os::restore_snapshot(patient_care, snapshot, n);
    line l;
    (l << "power cycle: restored day " << patient_care.truth().day() << " from flash: " << os::error_name(e)).send();
}
#endif

}  // namespace

int main() {
    board::init();
    line l;
    (l << "oncostate " ONCOSTATE_VERSION_STRING " firmware: " << story->name << " (" << os::cancer_name(story->type)
       << "), seed " << story->seed << ", " << days << " days, " << scalar_name).send();
    (l << story->teaches).send();

    os::errc e = os::start_scenario(patient_care, *story, params, plan, story->seed);
    if (e != os::errc::ok) {
        (l << "cannot start: " << os::error_name(e)).send();
        return 1;
    }
    std::uint64_t step_ticks = 0;
    std::uint32_t before_run = 0;
    update_levels(true);
    const std::uintptr_t loop_sp = stack_pointer();
    stack_repaint();
    for (std::int32_t day = 0; day < days; ++day) {
#ifndef FIRMWARE_QUIET
        if (day > 0 && day % 365 == 0) {  // once a year: keep the state in flash
            std::size_t n = 0;
            const os::errc saved = os::save_snapshot(patient_care, snapshot, sizeof snapshot, n);
            if (saved != os::errc::ok || !board::store(snapshot, n))
                (l << "snapshot not stored: " << (saved != os::errc::ok ? os::error_name(saved) : "storage too small")).send();
            if (day == days / 2 / 365 * 365) power_cycle();
        }
#endif
        before_run = board::ticks();
        one_day();
        step_ticks += board::ticks() - before_run;
#ifndef FIRMWARE_QUIET
        update_levels(false);
#endif
    }
    // With FIRMWARE_QUIET the loop runs only step() (and the digest sink): this is its stack.
    const std::size_t loop_stack = stack_used_below(loop_sp);
    update_levels(true);

    os::digest state;
    os::digest_state(state, patient_care);
    (l << "digest: events " << static_cast<std::uint64_t>(event_count) << " " << event_digest.value() << " state "
       << state.value()).send();
    (l << "ticks per day: " << step_ticks / static_cast<std::uint64_t>(days) << " at " << static_cast<std::uint64_t>(board::tick_hz())
       << " Hz").send();
    (l << "stack below main in the daily loop: " << static_cast<std::uint64_t>(loop_stack) << " bytes").send();
    (l << "run complete").send();
    return 0;
}
