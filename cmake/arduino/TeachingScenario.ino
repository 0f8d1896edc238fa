// oncostate on a board: the "t790m-relapse-rescue" teaching scenario in fixed point, so a board
// prints the same numbers as a PC for the same seed. One simulated day per loop(); a line over
// Serial every 91 days and whenever the line of therapy or the care state changes.
#include <oncostate.hpp>

namespace os = oncostate;

using scalar = os::q16_16;                  // fixed point: bit-identical on every target
using real = os::real_t<scalar>;

static os::care<scalar, 4, 4> sim;          // up to 4 lesions, 4 clones each (under 1 KB)
static os::patient_params<real> params;
static os::treatment_plan<real> plan;
static const os::scenario* story = nullptr;
static bool finished = true;
static os::care_state last_state = os::care_state::untreated;
static int last_line = 0;

// Serial has no 64-bit print on every core: format the digits here.
static void print_count(std::uint64_t n) {
    char digits[21];
    int i = 20;
    digits[i] = '\0';
    do {
        digits[--i] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n != 0);
    Serial.print(digits + i);
}

static void report() {
    Serial.print("day ");
    Serial.print(static_cast<long>(sim.truth().day()));
    Serial.print(": ");
    print_count(sim.truth().total_cells());
    Serial.print(" cells, ");
    Serial.print(os::care_state_name(sim.state()));
    Serial.print(", line ");
    Serial.println(sim.line());
}

void setup() {
    Serial.begin(115200);
    while (!Serial) {}  // boards with native USB: wait for the serial monitor
    Serial.print("oncostate ");
    Serial.println(ONCOSTATE_VERSION_STRING);
    story = os::find_scenario("t790m-relapse-rescue");
    if (story == nullptr) return;
    params = os::scenario_params<real>(*story);
    plan = os::scenario_plan<real>(*story);
    const os::errc e = os::start_scenario(sim, *story, params, plan, story->seed);
    if (e != os::errc::ok) {
        Serial.print("cannot start: ");
        Serial.println(os::error_name(e));
        return;
    }
    Serial.println(story->teaches);
    finished = false;
    report();
}

void loop() {
    if (finished) return;
    sim.step(params, plan);
    const bool changed = sim.state() != last_state || sim.line() != last_line;
    last_state = sim.state();
    last_line = sim.line();
    if (changed || sim.truth().day() % 91 == 0) report();
    const bool cured = sim.truth().cured();  // the truth: no cell left (the clinic cannot know)
    if (!sim.truth().alive() || cured || sim.truth().day() >= story->days) {
        finished = true;
        report();
        Serial.print(cured ? "cured" : sim.truth().alive() ? "alive" : "died");
        Serial.print(" after ");
        Serial.print(static_cast<long>(sim.truth().day()));
        Serial.println(" days; end of the story");
    }
}
