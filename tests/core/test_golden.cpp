// Golden runs: fixed-point scenarios reproduce the committed digests (golden_runs.hpp) bit for
// bit, on the host and on every Cortex-M target.
#include "oncostate_test.hpp"
#include "golden_runs.hpp"

#include <oncostate/oncostate.hpp>

#ifndef ONCOSTATE_TARGET_TEST
#include <cstdio>  // prints a row that differs, ready to paste
#endif

using namespace oncostate;

namespace {

struct run_result {
    std::uint32_t events = 0;
    std::uint64_t event_digest = 0;
    std::uint64_t state_digest = 0;
};

run_result run(const test::golden_run& g) {
    run_result out;
    const scenario* s = find_scenario(g.scenario);
    if (s == nullptr) return out;
    const patient_params<sfloat> p = scenario_params<sfloat>(*s);
    const treatment_plan<sfloat> plan = scenario_plan<sfloat>(*s);
    static care<q16_16, 16, 4> c;
    if (start_scenario(c, *s, p, plan, g.seed) != errc::ok) return out;
    digest events;
    auto sink = [&](const event& e) {
        events(e);
        ++out.events;
    };
    for (std::int32_t day = 0; day < g.days; ++day) c.step(p, plan, sink);
    digest state;
    digest_state(state, c);
    out.event_digest = events.value();
    out.state_digest = state.value();
    return out;
}

}  // namespace

TEST_CASE("golden: fixed-point scenarios reproduce the committed digests") {
    for (const test::golden_run& g : test::golden_runs) {
        const run_result r = run(g);
        const bool same = r.events == g.events && r.event_digest == g.event_digest && r.state_digest == g.state_digest;
        CHECK(same);
#ifndef ONCOSTATE_TARGET_TEST
        if (!same)
            std::printf("    {\"%s\", %llu, %d, %u, %lluu, %lluu},\n", g.scenario, static_cast<unsigned long long>(g.seed),
                        static_cast<int>(g.days), static_cast<unsigned>(r.events),
                        static_cast<unsigned long long>(r.event_digest), static_cast<unsigned long long>(r.state_digest));
#endif
    }
}

TEST_CASE("golden: the digest sees a one-bit change in an event and in the state") {
    digest a, b;
    a(event{event_code::detection, 0, 0, 100, 3});
    b(event{event_code::detection, 0, 0, 101, 3});
    CHECK(a.value() != b.value());
    CHECK(a.bytes() == 12);
    digest c, d;
    c.add_real(q16_16::from_raw(1));
    d.add_real(q16_16::from_raw(0));
    CHECK(c.value() != d.value());
    // the same bytes in the same order give the same digest, whatever their grouping
    digest e, f;
    e.add(0x0102, 2);
    f.add(0x02, 1);
    f.add(0x01, 1);
    CHECK(e.value() == f.value());
}
