// Presets and teaching scenarios: every preset is valid and runs; each scenario shows its lesson,
// asserted on its event stream and its outcome, in fixed point and in float.
#include "oncostate_test.hpp"
#include "stats.hpp"

#include <algorithm>  // std::sort
#include <cmath>      // the host cohort's statistics

using namespace oncostate;

namespace {

template <class S>
bool shows_its_lesson(const scenario& s) {
    using R = real_t<S>;
    const patient_params<R> p = scenario_params<R>(s);
    const treatment_plan<R> plan = scenario_plan<R>(s);
    static care<S, 16, 4> c;
    if (start_scenario(c, s, p, plan, s.seed) != errc::ok) return false;
    int metastases_at_diagnosis = -1, relapses = 0, local = 0;
    auto sink = [&](const event& e) {
        if (e.code == event_code::diagnosis) {
            metastases_at_diagnosis = 0;
            for (int i = 1; i < 16; ++i) metastases_at_diagnosis += c.truth()[i].cells.cells() > 0 ? 1 : 0;
        }
        relapses += e.code == event_code::relapse ? 1 : 0;
        local += e.code == event_code::local_therapy ? 1 : 0;
    };
    for (int day = 0; day < s.days && c.truth().alive(); ++day) c.step(p, plan, sink);
    const care_record& r = c.record();
    const bool good_response = [](response x) { return x == response::cr || x == response::pr; }(r.line_best[1]);
    switch (s.id) {
        case lesson::oligometastatic_cure:  // relapse in the liver, removed, and truly gone
            return relapses >= 1 && local >= 2 && c.truth().cured();
        case lesson::late_relapse:  // the first relapse more than five years after surgery
            return r.curative_day >= 0 && r.relapse_day - r.diagnosis_day >= 5 * 365;
        case lesson::targeted_relapse_and_rescue:  // progression on line 1, response on line 2
            return r.line_progression[0] > 0 && r.line_start[1] > 0 &&
                   (good_response || c.recist().best() == response::cr || c.recist().best() == response::pr);
        case lesson::germ_cell_cure:  // metastatic at diagnosis, and cured
            return metastases_at_diagnosis > 0 && c.truth().cured();
        case lesson::durable_immunotherapy:  // a response, the course completed, no progression after it
            return c.truth().alive() && r.line_stop[0] == stop_reason::completed && r.line_progression[0] < 0 &&
                   (r.line_best[0] == response::cr || r.line_best[0] == response::pr) && c.truth().day() - r.line_end[0] > 730;
        case lesson::ned_not_cure:  // complete response (nothing visible), then progression
            return r.line_best[0] == response::cr && r.line_progression[0] > 0;
        case lesson::count_: break;
    }
    return false;
}

}  // namespace

TEST_CASE("presets: every cancer type gives valid parameters and a valid plan") {
    for (int t = 0; t < cancer_count; ++t) {
        const cancer c = static_cast<cancer>(t);
        CHECK(preset<sfloat>(c).validate() == errc::ok);
        CHECK(standard_plan<sfloat>(c).validate() == errc::ok);
        CHECK(preset<float>(c).validate() == errc::ok);
    }
    static constexpr patient_params<sfloat> at_compile_time = preset<sfloat>(cancer::melanoma);
    CHECK(at_compile_time.immune_on == 1);
    CHECK(find_scenario("germ-cell-cure") == &scenarios[static_cast<int>(lesson::germ_cell_cure)]);
    CHECK(find_scenario("no-such-lesson") == nullptr);
}

TEST_CASE("scenarios: each shows its lesson in fixed point") {
    for (const scenario& s : scenarios) CHECK(shows_its_lesson<q16_16>(s));
}

#ifndef ONCOSTATE_TARGET_TEST
TEST_CASE("scenarios: each shows its lesson in float") {
    for (const scenario& s : scenarios) CHECK(shows_its_lesson<float>(s));
}
#endif

#ifndef ONCOSTATE_TARGET_TEST  // cohorts: host only
namespace {

// The germ-cell scenario's patient (invasive from the start) over 30 seeds: how many are
// metastatic at diagnosis, and how many of those are cured.
template <class S>
void germ_cell_cohort(int& metastatic, int& cured) {
    using R = real_t<S>;
    const scenario& s = scenarios[static_cast<int>(lesson::germ_cell_cure)];
    const auto p = scenario_params<R>(s);
    const auto plan = scenario_plan<R>(s);
    static care<S, 16, 4> c;
    metastatic = cured = 0;
    for (std::uint64_t i = 0; i < 30; ++i) {
        REQUIRE(start_scenario(c, s, p, plan, 2000 + i) == errc::ok);
        int seen = -1;
        auto sink = [&](const event& e) {
            if (e.code != event_code::diagnosis) return;
            seen = 0;
            for (int k = 1; k < 16; ++k) seen += c.truth()[k].cells.cells() > 0 ? 1 : 0;
        };
        for (int day = 0; day < 3650 && c.truth().alive(); ++day) c.step(p, plan, sink);
        if (seen > 0) {
            ++metastatic;
            cured += c.truth().cured() ? 1 : 0;
        }
    }
}

// The late-relapse scenario's HR+ patient over 40 seeds: relapses within five years of surgery
// and after them.
template <class S>
void hr_positive_cohort(int& early, int& late) {
    using R = real_t<S>;
    const scenario& s = scenarios[static_cast<int>(lesson::late_relapse)];
    const auto p = scenario_params<R>(s);
    const auto plan = scenario_plan<R>(s);
    static care<S, 16, 4> c;
    early = late = 0;
    for (std::uint64_t i = 0; i < 40; ++i) {
        REQUIRE(start_scenario(c, s, p, plan, 1000 + i) == errc::ok);
        for (int day = 0; day < 7300 && c.truth().alive(); ++day) c.step(p, plan);
        const std::int32_t r = c.record().relapse_day;
        if (r < 0) continue;
        (r - c.record().diagnosis_day >= 5 * 365 ? late : early) += 1;
    }
}

// Median overall survival in days of eight pancreatic patients grown from an in-situ primary
// (-1 if any is not diagnosed or still alive after 20 years), and how many had metastases,
// visible or not, on the day symptoms brought them in.
template <class S>
int pancreatic_median_os(int& metastatic_at_diagnosis) {
    using R = real_t<S>;
    const auto p = preset<R>(cancer::pancreatic);
    const auto plan = standard_plan<R>(cancer::pancreatic);
    static care<S, 16, 4> c;
    int os[8] = {};
    metastatic_at_diagnosis = 0;
    for (std::uint64_t i = 0; i < 8; ++i) {
        REQUIRE(c.start(p, plan, 5, i, 20000000) == errc::ok);
        bool metastatic = false;
        int first_detection = -1;
        auto sink = [&](const event& e) {
            if (e.code == event_code::detection && first_detection < 0) first_detection = c.truth().day();
            if (e.code != event_code::diagnosis) return;
            for (int k = 1; k < 16; ++k) metastatic = metastatic || c.truth()[k].cells.cells() > 0;
        };
        for (int day = 0; day < 7300 && c.truth().alive(); ++day) c.step(p, plan, sink);
        if (c.record().overall_survival() < 0) return -1;
        CHECK(first_detection == c.record().diagnosis_day);  // no scan found it before symptoms did
        os[i] = c.record().overall_survival();
        metastatic_at_diagnosis += metastatic ? 1 : 0;
    }
    std::sort(os, os + 8);
    return (os[3] + os[4]) / 2;
}

// IGCCCG 2021: metastatic germ-cell tumours are usually cured.
template <class S>
void check_germ_cell_cures() {
    int metastatic = 0, cured = 0;
    germ_cell_cohort<S>(metastatic, cured);
    CHECK(metastatic >= 20);
    CHECK(cured * 3 >= metastatic * 2);  // at least two thirds
    MESSAGE("germ cell: " << cured << " cured of " << metastatic << " metastatic");
}

// The primary is removed at diagnosis; relapses arrive both within five years and after them
// (Pan et al., NEJM 2017).
template <class S>
void check_hr_positive_relapses() {
    int early = 0, late = 0;
    hr_positive_cohort<S>(early, late);
    CHECK(early > 0);
    CHECK(late * 4 >= early + late);  // at least a quarter of the relapses come after five years
    MESSAGE("HR+: " << early << " relapses within five years, " << late << " after");
}

}  // namespace

TEST_CASE("presets: most metastatic germ-cell patients are cured by chemotherapy, in float") { check_germ_cell_cures<float>(); }
TEST_CASE("presets: most metastatic germ-cell patients are cured by chemotherapy, in fixed point") {
    check_germ_cell_cures<q16_16>();
}
TEST_CASE("presets: HR+ breast relapses keep coming years after surgery, in float") { check_hr_positive_relapses<float>(); }
TEST_CASE("presets: HR+ breast relapses keep coming years after surgery, in fixed point") {
    check_hr_positive_relapses<q16_16>();
}

TEST_CASE("presets: pancreatic cancer, found by its symptoms, kills within months") {
    // Conroy et al. (NEJM 2011): median overall survival 11.1 months with FOLFIRINOX
    int metastatic = 0;
    const int fixed_days = pancreatic_median_os<q16_16>(metastatic);
    CHECK(metastatic >= 6);
    const int float_days = pancreatic_median_os<float>(metastatic);
    CHECK(metastatic >= 6);
    for (const int days : {fixed_days, float_days}) {
        CHECK(days >= 90);
        CHECK(days <= 730);  // months, not years
    }
    MESSAGE("pancreatic median OS: " << fixed_days << " days (fixed), " << float_days << " days (float)");
}

#endif

// --- between-patient variability ------------------------------------------------------------

TEST_CASE("variability: individual parameters are checked, reproducible and leave no growth alone") {
    using R = sfloat;
    // static: parameter sets are large for a small core's stack
    static const patient_params<R> cohort = preset<R>(cancer::pancreatic);
    static patient_params<R> p, again, still;
    p = cohort;
    CHECK(individual_params(p, R(-0.1), 1, 0) == errc::growth_variability_invalid);
    CHECK(individual_params(p, R(4.5), 1, 0) == errc::growth_variability_invalid);
    CHECK(individual_params(p, R(0.0), 1, 0) == errc::ok);
    CHECK(p.primary.growth.death == cohort.primary.growth.death);  // unchanged by all three
    test::fingerprint f;
    int slower = 0;
    for (std::uint64_t i = 0; i < 16; ++i) {
        p = cohort;
        REQUIRE(individual_params(p, R(0.5), 9, i) == errc::ok);
        again = cohort;
        REQUIRE(individual_params(again, R(0.5), 9, i) == errc::ok);
        CHECK(again.primary.growth.death == p.primary.growth.death);  // (seed, index) alone decide
        CHECK(p.primary.growth.birth == cohort.primary.growth.birth);
        CHECK(p.primary.growth.death >= R(0.0));
        CHECK(p.primary.growth.death < p.primary.growth.birth);  // it still grows
        CHECK(p.metastasis.growth.death == p.primary.growth.death);  // one patient, one factor
        CHECK(p.validate() == errc::ok);
        slower += p.primary.growth.death > cohort.primary.growth.death ? 1 : 0;
        f.add(static_cast<std::uint64_t>(real_traits<R>::fraction64(p.primary.growth.death)));
    }
    CHECK(slower > 2);
    CHECK(slower < 14);
    CHECK(f.h == 3364842433623768216u);  // recorded on x86-64; must match on every target
    int at_birth_rate = 0;  // the widest spread: some tumours grow as fast as cells are born
    for (std::uint64_t i = 0; i < 64; ++i) {
        p = cohort;
        REQUIRE(individual_params(p, R(4.0), 9, i) == errc::ok);
        CHECK(p.validate() == errc::ok);
        at_birth_rate += p.primary.growth.death == R(0.0) ? 1 : 0;
    }
    CHECK(at_birth_rate > 0);
    still = cohort;
    still.primary.growth.death = still.primary.growth.birth;  // a tumour that does not grow
    REQUIRE(individual_params(still, R(0.5), 9, 3) == errc::ok);
    CHECK(still.primary.growth.death == still.primary.growth.birth);
}

#ifndef ONCOSTATE_TARGET_TEST  // a cohort: host only
TEST_CASE("variability: doubling times are log-normal with the cohort's median and spread") {
    using R = float;
    const patient_params<R> cohort = preset<R>(cancer::pancreatic);
    const double b = cohort.primary.growth.birth;
    const double median = std::log(2.0) / (b - cohort.primary.growth.death);
    const double cv = 0.8, sigma = std::sqrt(std::log1p(cv * cv));
    constexpr int n = 4000;
    double sum = 0, sum2 = 0;
    int below = 0, m = 0;
    for (int i = 0; i < n; ++i) {
        patient_params<R> p = cohort;
        REQUIRE(individual_params(p, R(cv), 2026, static_cast<std::uint64_t>(i)) == errc::ok);
        const double r = b - static_cast<double>(p.primary.growth.death);
        if (!(r < b)) continue;  // capped at the birth rate: not a sample of the log-normal
        const double x = std::log(std::log(2.0) / r / median);
        ++m;
        sum += x;
        sum2 += x * x;
        below += x < 0 ? 1 : 0;
    }
    REQUIRE(m > n - 4);
    const double mean = sum / m, sd = std::sqrt(sum2 / m - mean * mean);
    CHECK(std::fabs(mean) < 4 * sigma / std::sqrt(m));
    CHECK(std::fabs(sd - sigma) < 4 * sigma / std::sqrt(2.0 * m));
    CHECK(std::abs(2 * below - m) < 4 * std::sqrt(static_cast<double>(m)));
}
#endif
