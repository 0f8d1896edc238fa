// The golden runs: teaching scenarios in fixed point (populations in q16_16, probabilities in
// sfloat, care<q16_16, 16, 4>), each for ten simulated years from its seed. Every target
// (x86-64, 32-bit x86, Cortex-M0, M3, M4F, M7) must reproduce these digests bit for bit
// (test_golden.cpp); the firmware example checks its own run against the first row.
//
// A change to the model or the samplers changes them on purpose: run the host suite, which
// prints each row that differs in this format, review the change, and paste the rows here.
#ifndef ONCOSTATE_TEST_GOLDEN_RUNS_HPP
#define ONCOSTATE_TEST_GOLDEN_RUNS_HPP

#include <cstdint>

namespace test {

struct golden_run {
    const char* scenario;  // a name from oncostate::scenarios
    std::uint64_t seed;
    std::int32_t days;
    std::uint32_t events;        // events emitted
    std::uint64_t event_digest;  // oncostate::digest over the event stream
    std::uint64_t state_digest;  // oncostate::digest_state of the care object at the end
};

// clang-format off
constexpr golden_run golden_runs[] = {
    {"late-relapse",          2, 3650, 3705, 12324665118949360504u, 10286434848883686056u},
    {"oligometastatic-cure",  5, 3650, 3206, 11000320327876735769u,  6952506052890056414u},
    {"germ-cell-cure",        1, 3650,  537,  7617359326713133662u, 12513904509320666583u},
    {"t790m-relapse-rescue",  1, 3650,   43,  1305634592975658034u,   529381383398272891u},
};
// clang-format on

}  // namespace test

#endif
