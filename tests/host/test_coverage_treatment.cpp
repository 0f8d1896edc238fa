// Coverage: the treatment machine's table, the care object's manual controls and their errors,
// and the automatic paths (no lines, toxicity, a completed course, relapse after curative
// treatment, death on a line, a biomarker-negative tumour).
#include <doctest/doctest.h>
#include <oncostate/oncostate.hpp>

#include <vector>

namespace os = oncostate;
using os::care_state;
using os::errc;
using R = float;
using Care = os::care<float, 8, 2>;

namespace {

os::treatment_machine machine_in(care_state s) {
    os::treatment_machine m;
    switch (s) {
        case care_state::untreated: break;
        case care_state::on_line: m.transition(care_state::on_line); break;
        case care_state::holiday:
            m.transition(care_state::on_line);
            m.transition(care_state::holiday);
            break;
        case care_state::surveillance: m.transition(care_state::surveillance); break;
        case care_state::supportive: m.transition(care_state::supportive); break;
    }
    return m;
}

// A fast-growing primary; `spread` seeds metastases in the liver and the bone.
os::patient_params<R> params(bool spread) {
    os::patient_params<R> p;
    p.primary.growth.birth = R(0.3);
    p.primary.growth.death = R(0.05);
    p.primary.dormancy.avascular_cap = os::max_cells;  // no angiogenic stall
    p.metastasis = p.primary;
    p.invasion = spread ? R(1.0) : R(0.0);
    p.invasion_min_cells = 1;
    p.spread.colonise = R(0.2);
    p.sites[static_cast<int>(os::organ::liver)].tropism = R(1.0);
    p.sites[static_cast<int>(os::organ::bone)].tropism = R(1.0);
    return p;
}

os::treatment_plan<R> one_line(R kill_all) {
    os::treatment_plan<R> plan;
    plan.therapies[0].kind = os::therapy_class::targeted;
    plan.therapies[0].kill_all = kill_all;
    plan.therapy_count = 1;
    plan.lines[0].count = 1;
    plan.line_count = 1;
    plan.assess_days = 14;
    return plan;
}

struct recorder {
    std::vector<os::event_code>* codes;
    void operator()(const os::event& e) const { codes->push_back(e.code); }
};

bool has(const std::vector<os::event_code>& v, os::event_code c) {
    for (os::event_code x : v)
        if (x == c) return true;
    return false;
}

}  // namespace

TEST_CASE("coverage: treatment machine follows its table from every state") {
    for (int f = 0; f < os::care_state_count; ++f) {
        for (int t = 0; t < os::care_state_count; ++t) {
            os::treatment_machine m = machine_in(static_cast<care_state>(f));
            REQUIRE(m.state() == static_cast<care_state>(f));
            const errc e = m.transition(static_cast<care_state>(t));
            CHECK((e == errc::ok) == os::treatment_machine::allowed[f][t]);
            CHECK(m.state() == static_cast<care_state>(e == errc::ok ? t : f));
        }
        os::treatment_machine m = machine_in(static_cast<care_state>(f));
        CHECK(m.transition(static_cast<care_state>(9)) == errc::illegal_transition);
    }
    // the clinical rules behind the table
    CHECK(os::treatment_machine::allowed[static_cast<int>(care_state::holiday)][static_cast<int>(care_state::on_line)]);
    CHECK_FALSE(os::treatment_machine::allowed[static_cast<int>(care_state::supportive)][static_cast<int>(care_state::on_line)]);
    CHECK_FALSE(os::treatment_machine::allowed[static_cast<int>(care_state::untreated)][static_cast<int>(care_state::holiday)]);
}

TEST_CASE("coverage: dormancy and progression machines refuse states outside their tables") {
    os::dormancy_machine d;
    CHECK(d.transition(static_cast<os::dormancy>(7)) == errc::illegal_transition);
    CHECK(d.transition(os::dormancy::none) == errc::illegal_transition);  // staying is no transition
    CHECK(d.transition(os::dormancy::immune) == errc::ok);
    CHECK(d.dormant());
    CHECK_FALSE(os::progression_machine::allowed(static_cast<os::progression>(12), os::progression::growing));
    CHECK_FALSE(os::progression_machine::allowed(os::progression::growing, static_cast<os::progression>(12)));
    CHECK_FALSE(os::progression_machine::allowed(os::progression::eradicated, os::progression::growing));
    CHECK(os::progression_machine::allowed(os::progression::growing, os::progression::resected));
}

TEST_CASE("coverage: care_record time on line and to progression, inside and outside 1..max_lines") {
    os::care_record r;
    CHECK(r.time_to_progression(0) == -1);
    CHECK(r.time_to_progression(os::max_lines + 1) == -1);
    CHECK(r.time_to_progression(1) == -1);  // no progression recorded
    CHECK(r.time_on_line(0, 100) == 0);
    CHECK(r.time_on_line(os::max_lines + 1, 100) == 0);
    CHECK(r.time_on_line(1, 100) == 0);  // never started
    r.line_start[0] = 10;
    CHECK(r.time_on_line(1, 100) == 90);  // still on it
    r.line_end[0] = 40;
    r.line_progression[0] = 35;
    CHECK(r.time_on_line(1, 100) == 30);
    CHECK(r.time_to_progression(1) == 25);
    CHECK(r.overall_survival() == -1);
    r.diagnosis_day = 5;
    r.death_day = 105;
    CHECK(r.overall_survival() == 100);
}

TEST_CASE("coverage: care start and manual controls report their errors") {
    const auto p = params(false);
    auto plan = one_line(R(0.1));
    Care c;
    auto bad_plan = plan;
    bad_plan.assess_days = 0;
    CHECK(c.start(p, bad_plan, 1, 0, 10) == errc::therapy_index_out_of_range);
    auto bad_p = p;
    bad_p.invasion = R(2.0);
    CHECK(c.start(bad_p, plan, 1, 0, 10) == errc::invasion_out_of_range);
    REQUIRE(c.start(p, plan, 1, 0, 10) == errc::ok);
    CHECK(c.line() == 0);
    CHECK(c.pause() == errc::illegal_transition);
    CHECK(c.resume() == errc::illegal_transition);
    CHECK(c.start_line(p, plan, 0) == errc::therapy_index_out_of_range);
    CHECK(c.start_line(p, plan, 2) == errc::therapy_index_out_of_range);
    REQUIRE(c.start_line(p, plan, 1) == errc::ok);
    CHECK(c.state() == care_state::on_line);
    CHECK(c.line() == 1);
    CHECK(c.resume() == errc::illegal_transition);
    CHECK(c.pause() == errc::ok);
    CHECK(c.state() == care_state::holiday);
    CHECK(c.pause() == errc::illegal_transition);
    CHECK(c.resume() == errc::ok);
    CHECK(c.stop() == errc::ok);
    CHECK(c.state() == care_state::supportive);
    CHECK(c.record().line_stop[0] == os::stop_reason::by_hand);
    CHECK(c.stop() == errc::illegal_transition);
    CHECK(c.start_line(p, plan, 1) == errc::illegal_transition);  // supportive care is final

    // a dead patient cannot start a line
    auto lethal = p;
    lethal.lethal_cells = 2000;
    Care d;
    REQUIRE(d.start(lethal, plan, 2, 0, 1500) == errc::ok);
    for (int i = 0; i < 30 && d.truth().alive(); ++i) d.step(lethal, plan, os::null_sink{}, false);
    REQUIRE_FALSE(d.truth().alive());
    CHECK(d.start_line(lethal, plan, 1) == errc::patient_dead);
    CHECK(d.record().death_day == d.truth().result().death_day);
    CHECK(d.record().cause == os::death_cause::tumour_burden);
    const int day = d.truth().day();
    d.step(lethal, plan);
    CHECK(d.truth().day() == day);  // nothing happens after death
}

TEST_CASE("coverage: diagnosis with no line of therapy goes to supportive care") {
    const auto p = params(false);
    auto plan = one_line(R(0.1));
    plan.line_count = 0;
    plan.therapy_count = 0;
    Care c;
    REQUIRE(c.start(p, plan, 3, 0, 200000000) == errc::ok);
    std::vector<os::event_code> ev;
    c.step(p, plan, recorder{&ev});
    CHECK(has(ev, os::event_code::diagnosis));
    CHECK(has(ev, os::event_code::supportive_care));
    CHECK(c.state() == care_state::supportive);
    CHECK(c.record().diagnosis_day == 1);
    CHECK(c.record().lines_started == 0);

    // not automatic: diagnosed, but the care team decides nothing
    Care m;
    REQUIRE(m.start(p, one_line(R(0.1)), 3, 0, 200000000) == errc::ok);
    m.step(p, one_line(R(0.1)), os::null_sink{}, false);
    CHECK(m.record().diagnosis_day == 1);
    CHECK(m.state() == care_state::untreated);
}

TEST_CASE("coverage: toxicity ends the last line in supportive care, and a fixed course ends in surveillance") {
    const auto p = params(false);
    auto toxic = one_line(R(0.01));
    toxic.therapies[0].toxicity = R(1.0);
    Care c;
    REQUIRE(c.start(p, toxic, 4, 0, 200000000) == errc::ok);
    std::vector<os::event_code> ev;
    for (int i = 0; i < 5; ++i) c.step(p, toxic, recorder{&ev});
    CHECK(c.state() == care_state::supportive);
    CHECK(c.record().line_stop[0] == os::stop_reason::toxicity);
    CHECK(has(ev, os::event_code::line_stopped));

    auto course = one_line(R(0.01));
    course.therapies[0].max_days = 3;
    Care f;
    REQUIRE(f.start(p, course, 4, 0, 200000000) == errc::ok);
    for (int i = 0; i < 10; ++i) f.step(p, course);
    CHECK(f.state() == care_state::surveillance);
    CHECK(f.record().line_stop[0] == os::stop_reason::completed);
    CHECK(f.record().drug_days >= 2);  // dosing starts the day after the line starts
    CHECK(f.record().drug_days <= 3);
}

TEST_CASE("coverage: a biomarker-negative tumour is dosed but not hit") {
    const auto p = params(false);
    auto plan = one_line(R(0.9));
    plan.therapies[0].needs_biomarker = 1;
    auto negative = plan;
    negative.biomarker_positive = 0;
    Care hit, missed;
    REQUIRE(hit.start(p, plan, 8, 0, 200000000) == errc::ok);
    REQUIRE(missed.start(p, negative, 8, 0, 200000000) == errc::ok);
    for (int i = 0; i < 6; ++i) {
        hit.step(p, plan);
        missed.step(p, negative);
    }
    CHECK(missed.record().drug_days == hit.record().drug_days);
    CHECK(missed.record().drug_days >= 4);
    CHECK(hit.truth().total_cells() < 1000000);
    CHECK(missed.truth().total_cells() > 200000000);
}

TEST_CASE("coverage: death on a line closes the line with reason death") {
    auto p = params(false);
    p.lethal_cells = 400000000;
    const auto plan = one_line(R(0.0001));
    Care c;
    REQUIRE(c.start(p, plan, 9, 0, 200000000) == errc::ok);
    for (int i = 0; i < 60 && c.truth().alive(); ++i) c.step(p, plan);
    REQUIRE_FALSE(c.truth().alive());
    CHECK(c.record().line_stop[0] == os::stop_reason::death);
    CHECK(c.record().line_end[0] == c.record().death_day);
    CHECK(c.record().overall_survival() == c.record().death_day - 1);
}

TEST_CASE("coverage: relapse after curative resection starts the first line when local treatment is off") {
    const auto p = params(true);
    auto curative = one_line(R(0.2));
    curative.curative_local = 1;
    curative.assess_days = 7;
    auto systemic = curative;
    systemic.curative_local = 0;
    Care c;
    REQUIRE(c.start(p, curative, 21, 0, 10000000) == errc::ok);
    std::vector<os::event_code> ev;
    for (int i = 0; i < 120 && c.state() == care_state::untreated && c.truth().alive(); ++i) c.step(p, curative, recorder{&ev});
    REQUIRE(c.state() == care_state::surveillance);
    CHECK(c.record().curative_day == c.record().diagnosis_day);
    CHECK(has(ev, os::event_code::local_therapy));
    CHECK(has(ev, os::event_code::surveillance_started));
    for (int i = 0; i < 400 && c.state() == care_state::surveillance && c.truth().alive(); ++i)
        c.step(p, systemic, recorder{&ev});
    REQUIRE(c.state() == care_state::on_line);
    CHECK(has(ev, os::event_code::relapse));
    CHECK(c.record().relapse_day > c.record().curative_day);
    CHECK(c.record().line_start[0] == c.record().relapse_day);
    CHECK(c.line() == 1);
}

TEST_CASE("coverage: adaptive therapy pauses when the marker falls and resumes when it returns") {
    auto p = params(false);
    p.primary.growth.birth = R(0.1);  // 5% a day: regrowth takes more than one assessment interval
    p.metastasis = p.primary;
    p.clinic.marker_per_1e9_cells = R(10.0);
    auto plan = one_line(R(0.3));
    plan.kind = os::strategy::adaptive;
    plan.assess_days = 7;
    plan.pause_below = R(0.5);
    plan.resume_at = R(1.0);
    Care c;
    REQUIRE(c.start(p, plan, 12, 0, 2000000000) == errc::ok);
    std::vector<os::event_code> ev;
    bool paused = false, resumed = false;
    for (int i = 0; i < 200 && c.truth().alive() && !(paused && resumed); ++i) {
        c.step(p, plan, recorder{&ev});
        paused = paused || has(ev, os::event_code::therapy_paused);
        resumed = resumed || has(ev, os::event_code::therapy_resumed);
    }
    CHECK(paused);
    CHECK(resumed);
    CHECK(c.state() == care_state::on_line);
    CHECK(c.record().line_progression[0] < 0);  // regrowth below 120% of baseline is not progression
}

TEST_CASE("coverage: a local therapy in a line removes the visible lesions when the line starts") {
    const auto p = params(false);
    os::treatment_plan<R> plan;
    plan.therapies[0].kind = os::therapy_class::local;
    plan.therapy_count = 1;
    plan.lines[0].count = 1;
    plan.line_count = 1;
    Care c;
    REQUIRE(c.start(p, plan, 13, 0, 200000000) == errc::ok);
    std::vector<os::event_code> ev;
    c.step(p, plan, recorder{&ev});
    CHECK(has(ev, os::event_code::line_started));
    CHECK(has(ev, os::event_code::local_therapy));
    CHECK(c.truth().total_cells() == 0);
    CHECK(c.truth()[0].progress.state() == os::progression::resected);
    CHECK(c.treat_locally(p) == 0);  // nothing visible is left
}

TEST_CASE("coverage: the clinic sees symptoms, nodes and the oligometastatic limit") {
    auto p = params(false);
    p.sites[static_cast<int>(os::organ::breast)].symptom_cells = 1000;
    os::patient<float, 8, 2> pt;
    REQUIRE(pt.start(p, 14, 0, 100000) == errc::ok);
    pt.step(p);
    auto v = pt.observe(p);
    CHECK((v.symptoms & (1u << static_cast<unsigned>(os::symptom::local_mass))) != 0);
    CHECK(v.clinical_stage == os::stage::none);  // felt, not yet visible
    CHECK(pt.result().diagnosis_day == 1);        // symptoms alone diagnose
    CHECK_FALSE(v.oligometastatic);
}
