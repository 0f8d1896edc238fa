// Treatment: combination against sequence (Bozic 2013), adaptive against continuous therapy
// (Zhang 2017), chemotherapy and dormant cells, the treatment machine, and bit-identity.
#include "oncostate_test.hpp"
#include "stats.hpp"

using namespace oncostate;

namespace {

// One lesion that grows from 1e5 cells until a scan finds it; no dissemination.
template <class R>
patient_params<R> single_lesion() {
    patient_params<R> p;
    p.primary.growth.birth = R(0.14);
    p.primary.growth.death = R(0.13);
    p.primary.growth.carrying_capacity = 1000000000000;
    p.metastasis = p.primary;
    p.spread.shed = R(0.0);
    p.sites[static_cast<int>(organ::bone)].tropism = R(1.0);
    return p;
}

template <class R>
therapy<R> targeted(std::uint8_t column) {
    therapy<R> t;
    t.kind = therapy_class::targeted;
    t.column = column;
    t.kill_all = R(0.04);  // net growth -0.03/day on drug (Bozic et al., eLife 2013)
    return t;
}

template <class S>
int cures(const patient_params<real_t<S>>& p, const treatment_plan<real_t<S>>& plan, int patients) {
    static care<S, 2, 4> c;
    int cured = 0;
    for (int i = 0; i < patients; ++i) {
        CHECK(c.start(p, plan, 77, static_cast<std::uint64_t>(i), 100000) == errc::ok);
        for (int day = 0; day < 3000 && c.truth().alive(); ++day) c.step(p, plan);
        CHECK(c.record().diagnosis_day > 0);
        cured += c.truth().cured() ? 1 : 0;
    }
    return cured;
}

template <class S>
void check_combination_against_sequence() {
    // Two targeted drugs; mechanism 0 defeats drug A, mechanism 1 defeats drug B. Single mutants
    // exist at diagnosis (Goldie-Coldman); double mutants almost never do. Sequential therapy
    // selects each single mutant in turn; the combination kills both and cures.
    using R = real_t<S>;
    patient_params<R> p = single_lesion<R>();
    mechanism<R> a, b;
    a.mutation_probability = R(5e-8);
    a.residual[0] = R(0.0);
    b.mutation_probability = R(5e-8);
    b.residual[1] = R(0.0);
    p.primary.resistance.add(a);
    p.primary.resistance.add(b);
    treatment_plan<R> sequence;
    sequence.therapies[0] = targeted<R>(0);
    sequence.therapies[1] = targeted<R>(1);
    sequence.therapy_count = 2;
    sequence.lines[0] = therapy_line{{0, 0, 0}, 1};
    sequence.lines[1] = therapy_line{{1, 0, 0}, 1};
    sequence.line_count = 2;
    treatment_plan<R> combination = sequence;
    combination.lines[0] = therapy_line{{0, 1, 0}, 2};
    combination.line_count = 1;
    const int n = 8;
    const int cured_sequence = cures<S>(p, sequence, n);
    const int cured_combination = cures<S>(p, combination, n);
    // one-step cross-resistance: mechanism 0 now defeats both drugs
    patient_params<R> cross = p;
    mechanism<R> ab = a;
    ab.residual[1] = R(0.0);
    cross.primary.resistance = resistance_model<R>{};
    cross.primary.resistance.add(ab);
    cross.primary.resistance.add(b);
    const int cured_cross = cures<S>(cross, combination, n);
    CHECK(cured_sequence == 0);
    CHECK(cured_combination >= n / 2);
    CHECK(cured_cross * 2 <= cured_combination);
}

struct arm {
    std::int32_t ttp[16] = {};
    std::int32_t drug_days[16] = {};
};

std::int32_t median(std::int32_t* v, int n) {
    for (int i = 1; i < n; ++i) {  // insertion sort (n is small)
        const std::int32_t x = v[i];
        int j = i - 1;
        for (; j >= 0 && v[j] > x; --j) v[j + 1] = v[j];
        v[j + 1] = x;
    }
    return v[n / 2];
}

template <class S>
void check_adaptive_against_continuous() {
    // A crowded lesion with a resistant clone that pays a 30% fitness cost. Pausing the drug
    // when the marker halves lets sensitive cells regrow and hold the resistant clone back.
    using R = real_t<S>;
    patient_params<R> p = single_lesion<R>();
    p.primary.growth.death = R(0.04);  // resistant cells grow (0.14 x 0.7 > 0.04) when not crowded
    p.primary.growth.carrying_capacity = 10000000000;  // 1e10
    mechanism<R> m;
    m.fitness_cost = R(0.3);
    m.residual[0] = R(0.0);
    p.primary.resistance.add(m);
    treatment_plan<R> continuous;
    therapy<R> drug;
    drug.kind = therapy_class::chemotherapy;
    drug.kill_dividing = R(0.9);
    continuous.therapies[0] = drug;
    continuous.therapy_count = 1;
    continuous.lines[0] = therapy_line{{0, 0, 0}, 1};
    continuous.line_count = 1;
    continuous.assess_days = 28;
    treatment_plan<R> adaptive = continuous;
    adaptive.kind = strategy::adaptive;
    const int n = 9;
    arm c, a;
    static care<S, 2, 4> pt;
    for (int i = 0; i < n; ++i) {
        for (int which = 0; which < 2; ++which) {
            const treatment_plan<R>& plan = which == 0 ? continuous : adaptive;
            REQUIRE(pt.start(p, plan, 90, static_cast<std::uint64_t>(i), 5000000000) == errc::ok);
            REQUIRE(pt.truth().add_cells(0, 1, 100000) == errc::ok);
            for (int day = 0; day < 4000 && pt.truth().alive() && pt.record().line_progression[0] < 0; ++day) pt.step(p, plan);
            arm& out = which == 0 ? c : a;
            out.ttp[i] = pt.record().time_to_progression(1) < 0 ? 4000 : pt.record().time_to_progression(1);
            out.drug_days[i] = pt.record().drug_days;
        }
    }
    const std::int32_t ttp_c = median(c.ttp, n), ttp_a = median(a.ttp, n);
    CHECK(ttp_a > ttp_c);
    // less drug per day of disease control
    double share_c = 0, share_a = 0;
    for (int i = 0; i < n; ++i) {
        share_c += c.drug_days[i] / static_cast<double>(c.ttp[i]);
        share_a += a.drug_days[i] / static_cast<double>(a.ttp[i]);
    }
    CHECK(share_a < share_c);
}

template <class S>
void check_chemotherapy_spares_dormant_cells(bool reactivation) {
    // Six cycles of chemotherapy clear every dividing cell and leave the quiescent ones: the scan
    // shows no evidence of disease. Cells that wake up regrow; cells that never wake do not.
    using R = real_t<S>;
    patient_params<R> p = single_lesion<R>();
    p.primary.dormancy.reactivation = reactivation ? R(1e-4) : R(0.0);
    treatment_plan<R> plan;
    therapy<R> chemo;
    chemo.kind = therapy_class::chemotherapy;
    chemo.kill_dividing = R(0.9);
    chemo.cycle_days = 21;
    chemo.dosing_days = 21;
    chemo.max_days = 126;  // six 21-day cycles
    plan.therapies[0] = chemo;
    plan.therapy_count = 1;
    plan.lines[0] = therapy_line{{0, 0, 0}, 1};
    plan.line_count = 1;
    static care<S, 2, 2> pt;
    REQUIRE(pt.start(p, plan, 5, 0, 1000000000) == errc::ok);
    REQUIRE(pt.truth().add_cells(0, 0, 0, 10000000) == errc::ok);  // 1% of the cells quiescent
    int days = 0;
    for (; days < 400 && pt.state() != care_state::surveillance; ++days) pt.step(p, plan);
    REQUIRE(pt.state() == care_state::surveillance);
    for (int day = 0; day < 30; ++day) pt.step(p, plan);
    CHECK(pt.truth().observe(p).ned());       // no evidence of disease...
    CHECK_FALSE(pt.truth().cured());          // ...but not cured
    CHECK(pt.truth()[0].cells.proliferating() * 100 < pt.truth()[0].cells.dormant_cells());  // what is left sleeps
    for (int day = 0; day < 3650 && pt.truth().alive(); ++day) pt.step(p, plan);
    if (reactivation) {
        CHECK(pt.record().line_progression[0] > 0);  // relapse from the quiescent cells
    } else {
        CHECK(pt.record().line_progression[0] < 0);  // they never wake: no relapse...
        CHECK(pt.truth()[0].cells.dormant_cells() > 1000000);  // ...and never die either
        CHECK(pt.truth().observe(p).ned());
    }
}

}  // namespace

#ifndef ONCOSTATE_TARGET_TEST  // cohorts of patients over years: host only (the fingerprint below covers the targets)
TEST_CASE("treatment: a combination of two non-cross-resistant drugs cures where a sequence fails") {
    check_combination_against_sequence<float>();
    check_combination_against_sequence<q16_16>();
}
TEST_CASE("treatment: adaptive therapy holds a costly resistant clone longer with less drug") {
    check_adaptive_against_continuous<float>();
    check_adaptive_against_continuous<q16_16>();
}
#endif

TEST_CASE("treatment: chemotherapy spares dormant cells") {
    check_chemotherapy_spares_dormant_cells<q16_16>(true);
    check_chemotherapy_spares_dormant_cells<q16_16>(false);
#ifndef ONCOSTATE_TARGET_TEST
    check_chemotherapy_spares_dormant_cells<float>(true);
    check_chemotherapy_spares_dormant_cells<float>(false);
#endif
}

TEST_CASE("treatment: the treatment machine follows its table, by hand too") {
    using R = sfloat;
    patient_params<R> p = single_lesion<R>();
    treatment_plan<R> plan;
    plan.therapies[0] = targeted<R>(0);
    plan.therapy_count = 1;
    plan.lines[0] = therapy_line{{0, 0, 0}, 1};
    plan.line_count = 1;
    static care<q16_16, 2, 2> c;
    REQUIRE(c.start(p, plan, 1, 0, 1000000000) == errc::ok);
    CHECK(c.state() == care_state::untreated);
    CHECK(c.pause() == errc::illegal_transition);
    CHECK(c.resume() == errc::illegal_transition);
    CHECK(c.start_line(p, plan, 2) == errc::therapy_index_out_of_range);
    for (int day = 0; day < 5; ++day) c.step(p, plan, null_sink{}, false);  // by hand: nothing starts
    CHECK(c.state() == care_state::untreated);
    CHECK(c.record().diagnosis_day == 1);
    CHECK(c.start_line(p, plan, 1) == errc::ok);
    CHECK(c.state() == care_state::on_line);
    c.step(p, plan, null_sink{}, false);
    CHECK(c.dosing_today());
    CHECK(c.pause() == errc::ok);
    CHECK(c.state() == care_state::holiday);
    c.step(p, plan, null_sink{}, false);
    CHECK_FALSE(c.dosing_today());
    CHECK(c.resume() == errc::ok);
    CHECK(c.stop() == errc::ok);
    CHECK(c.state() == care_state::supportive);
    CHECK(c.start_line(p, plan, 1) == errc::illegal_transition);
    CHECK(c.record().line_stop[0] == stop_reason::by_hand);
    CHECK(treatment_machine::allowed[static_cast<int>(care_state::holiday)][static_cast<int>(care_state::on_line)]);
    CHECK_FALSE(treatment_machine::allowed[static_cast<int>(care_state::supportive)][static_cast<int>(care_state::on_line)]);
    // invalid plans are refused with a named error
    treatment_plan<R> bad = plan;
    bad.lines[0] = therapy_line{{5, 0, 0}, 1};
    CHECK(c.start(p, bad, 1, 0) == errc::therapy_index_out_of_range);
    bad = plan;
    bad.therapies[0].kill_all = R(1.5);
    CHECK(bad.validate() == errc::therapy_effect_out_of_range);
    bad = plan;
    bad.therapies[0].cycle_days = 21;
    bad.therapies[0].dosing_days = 0;
    CHECK(bad.validate() == errc::therapy_effect_out_of_range);
}

TEST_CASE("treatment: toxicity stops a line and the next one starts") {
    using R = sfloat;
    patient_params<R> p = single_lesion<R>();
    treatment_plan<R> plan;
    plan.therapies[0] = targeted<R>(0);
    plan.therapies[0].toxicity = R(0.05);
    plan.therapies[1] = targeted<R>(1);
    plan.therapy_count = 2;
    plan.lines[0] = therapy_line{{0, 0, 0}, 1};
    plan.lines[1] = therapy_line{{1, 0, 0}, 1};
    plan.line_count = 2;
    static care<q16_16, 2, 2> c;
    REQUIRE(c.start(p, plan, 3, 0, 1000000000) == errc::ok);
    int stopped = 0;
    auto sink = [&](const event& e) { stopped += e.code == event_code::line_stopped ? 1 : 0; };
    for (int day = 0; day < 400 && c.line() < 2; ++day) c.step(p, plan, sink);
    CHECK(c.line() == 2);
    CHECK(stopped == 1);
    CHECK(c.record().line_stop[0] == stop_reason::toxicity);
    CHECK(c.record().time_on_line(1, c.truth().day()) > 0);
    CHECK(c.record().time_on_line(1, c.truth().day()) < 200);  // 0.05 a day: about 20 days
}

TEST_CASE("treatment: start() on a used care object equals start() on a fresh one") {
    // start() resets member by member (no stack temporary): a forgotten member shows here
    const scenario& before = *find_scenario("germ-cell-cure");  // spread, lines, assessments
    // static: two parameter sets and plans would not fit a small core's stack beside step()
    static const auto p0 = scenario_params<sfloat>(before);
    static const auto plan0 = scenario_plan<sfloat>(before);
    static care<q16_16, 16, 4> used, fresh;
    REQUIRE(start_scenario(used, before, p0, plan0, before.seed) == errc::ok);
    for (int day = 0; day < 900 && used.truth().alive(); ++day) used.step(p0, plan0);
    REQUIRE(used.line() >= 1);
    REQUIRE(used.truth().cells_shed() > 0);
    const scenario& s = *find_scenario("t790m-relapse-rescue");
    static const auto p = scenario_params<sfloat>(s);
    static const auto plan = scenario_plan<sfloat>(s);
    REQUIRE(used.start(p, plan, 8, 3, 5000000) == errc::ok);
    REQUIRE(fresh.start(p, plan, 8, 3, 5000000) == errc::ok);
    digest a, b, ea, eb;
    for (int day = 0; day < 900; ++day) {
        used.step(p, plan, ea);
        fresh.step(p, plan, eb);
    }
    digest_state(a, used);
    digest_state(b, fresh);
    CHECK(a.value() == b.value());
    CHECK(ea.value() == eb.value());
    CHECK(ea.bytes() > 0);
}

TEST_CASE("treatment: fixed-point runs are bit-identical on every platform") {
    using R = sfloat;
    patient_params<R> p = single_lesion<R>();
    mechanism<R> m;
    m.mutation_probability = R(5e-8);
    m.residual[0] = R(0.0);
    p.primary.resistance.add(m);
    treatment_plan<R> plan;
    plan.therapies[0] = targeted<R>(0);
    plan.therapies[0].toxicity = R(0.001);
    plan.therapies[1] = targeted<R>(1);
    plan.therapy_count = 2;
    plan.lines[0] = therapy_line{{0, 0, 0}, 1};
    plan.lines[1] = therapy_line{{0, 1, 0}, 2};
    plan.line_count = 2;
    static care<q16_16, 2, 4> c;
    REQUIRE(c.start(p, plan, 2026, 1, 100000) == errc::ok);
    test::fingerprint f;
    auto sink = [&f](const event& e) { f.add(static_cast<std::uint64_t>(e.code) << 56 ^ e.value); };
    for (int day = 0; day < 2500 && c.truth().alive(); ++day) c.step(p, plan, sink);
    f.add(c.truth().total_cells());
    f.add(static_cast<std::uint64_t>(c.record().line_start[1]));
    CHECK(f.h == 14812545095330405919u);  // recorded on x86-64; must match on every target
}

TEST_CASE("treatment: a snapshot of a treated patient continues bit-identically") {
    using R = sfloat;
    using C = care<q16_16, 4, 2>;
    patient_params<R> p = single_lesion<R>();
    treatment_plan<R> plan;
    plan.therapies[0] = targeted<R>(0);
    plan.therapies[0].toxicity = R(0.002);
    plan.therapies[1] = targeted<R>(1);
    plan.therapy_count = 2;
    plan.lines[0] = therapy_line{{0, 0, 0}, 1};
    plan.lines[1] = therapy_line{{1, 0, 0}, 1};
    plan.line_count = 2;
    static C a, b;
    static std::uint8_t buf[snapshot_size<C>()];
    REQUIRE(a.start(p, plan, 8, 0, 1000000000) == errc::ok);
    for (int day = 0; day < 300; ++day) a.step(p, plan);
    std::size_t n = 0;
    REQUIRE(save_snapshot(a, buf, sizeof buf, n) == errc::ok);
    REQUIRE(restore_snapshot(b, buf, n) == errc::ok);
    test::fingerprint fa, fb;
    auto sink_a = [&fa](const event& e) { fa.add(static_cast<std::uint64_t>(e.code) << 56 ^ e.value); };
    auto sink_b = [&fb](const event& e) { fb.add(static_cast<std::uint64_t>(e.code) << 56 ^ e.value); };
    for (int day = 0; day < 700; ++day) {
        a.step(p, plan, sink_a);
        b.step(p, plan, sink_b);
    }
    CHECK(fa.h == fb.h);
    CHECK(a.truth().total_cells() == b.truth().total_cells());
    CHECK(a.line() == b.line());
    CHECK(a.record().drug_days == b.record().drug_days);
    buf[snapshot_header_bytes + 5] ^= 0x10;  // one flipped bit is refused
    CHECK(restore_snapshot(b, buf, n) == errc::snapshot_checksum_mismatch);
}
