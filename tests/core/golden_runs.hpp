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
    {"late-relapse",          3, 3650, 3843, 17589097851622568182u,  6176641695741567359u},
    {"oligometastatic-cure",  2, 3650, 3252,  2712274299089569847u, 11853996808949231277u},
    {"germ-cell-cure",        1, 3650,  471, 14157511162363040919u, 15523042058662492887u},
    {"t790m-relapse-rescue",  1, 3650,   43,  6599872302738338146u, 14115376702148285618u},
};
// clang-format on

}  // namespace test

#endif
