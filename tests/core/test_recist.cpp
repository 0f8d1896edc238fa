// RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228-247), one test per rule: measurability,
// target selection, the sum, target / non-target / overall response, NE handling, best overall
// response with the SD interval and optional confirmation, time to progression, wording, and bad
// input that leaves the tracker untouched.
#include "oncostate_test.hpp"

#include <oncostate/oncostate.hpp>

#include <cstring>
#include <type_traits>

using namespace oncostate;

namespace {

using tracker = recist_tracker<12>;

// Sizes in 0.1 mm.
recist_lesion solid(std::uint16_t id, organ where, std::uint32_t size) {
    recist_lesion x;
    x.id = id;
    x.where = where;
    x.size_01mm = size;
    return x;
}
recist_lesion nodal(std::uint16_t id, std::uint32_t size, organ where = organ::lymph_node) {
    recist_lesion x = solid(id, where, size);
    x.nodal = true;
    return x;
}
recist_lesion missing(recist_lesion x) {
    x.missing = true;
    return x;
}
recist_lesion fresh(std::uint16_t id, std::uint32_t size) {
    recist_lesion x = solid(id, organ::brain, size);
    x.is_new = true;
    return x;
}

// One target: a 100 mm liver lesion (baseline sum 1000).
tracker one_target(const recist_options& o = recist_options{}) {
    tracker t;
    const recist_lesion b[] = {solid(1, organ::liver, 1000)};
    const errc e = t.baseline(b, 1, 0, o);
    CHECK(e == errc::ok);
    return t;
}

// Assesses the single target at `size`; returns the overall response.
response scan(tracker& t, std::uint32_t size, int day, recist_assessment* out = nullptr) {
    const recist_lesion f[] = {solid(1, organ::liver, size)};
    recist_assessment a;
    const errc e = t.assess(f, 1, false, day, a);
    CHECK(e == errc::ok);
    if (out != nullptr) *out = a;
    return a.overall;
}

template <class T>
bool same_bytes(const T& t, const unsigned char* before) {
    return std::memcmp(&t, before, sizeof(T)) == 0;
}

}  // namespace

TEST_CASE("recist: measurability thresholds (10 mm, node 15 mm, 10-15 mm node non-target, < 10 mm node ignored)") {
    tracker t;
    const recist_lesion b[] = {
        solid(1, organ::liver, 100),  // 10.0 mm: measurable
        solid(2, organ::lung, 99),    // 9.9 mm: non-measurable, non-target
        nodal(3, 150),                // 15.0 mm node: measurable
        nodal(4, 149),                // 14.9 mm node: pathological, non-target
        nodal(5, 120),                // 12 mm node: non-target
        nodal(6, 80),                 // 8 mm node: normal, not a lesion
        missing(solid(7, organ::bone, 0)),  // present, not measurable (blastic bone): non-target
    };
    REQUIRE(t.baseline(b, 7, 0) == errc::ok);
    CHECK(t.is_target(1));
    CHECK_FALSE(t.is_target(2));
    CHECK(t.is_recorded(2));
    CHECK(t.is_target(3));
    CHECK_FALSE(t.is_target(4));
    CHECK(t.is_recorded(4));
    CHECK_FALSE(t.is_target(5));
    CHECK(t.is_recorded(5));
    CHECK_FALSE(t.is_recorded(6));
    CHECK(t.known(6));
    CHECK_FALSE(t.known(99));
    CHECK(t.is_recorded(7));
    CHECK_FALSE(t.is_target(7));
    CHECK(t.target_count() == 2);
    CHECK(t.non_target_count() == 4);
    CHECK(t.baseline_sum_01mm() == 250);  // 10 mm longest diameter + 15 mm short axis
}

TEST_CASE("recist: target selection takes the largest first, at most 5 in total and 2 per organ") {
    tracker t;
    const recist_lesion b[] = {
        solid(10, organ::liver, 300), solid(11, organ::liver, 500), solid(12, organ::liver, 400),  // liver: 500, 400
        solid(20, organ::lung, 200),  solid(21, organ::lung, 200),                                 // tie: smaller id
        solid(22, organ::lung, 200),
        nodal(30, 600, organ::lung),  nodal(31, 550, organ::stomach),  // nodes, wherever they are,
        nodal(32, 520, organ::colon),                                   // are one organ: 600, 550
        solid(40, organ::bone, 150),  // would be 6th: non-target
    };
    REQUIRE(t.baseline(b, 10, 0) == errc::ok);
    CHECK(t.target_count() == 5);
    CHECK(t.non_target_count() == 5);
    // By size: 600 (node), 550 (node), 520 (node: organ full), 500, 400 (liver), 300 (liver full),
    // 200 (lung, id 20), 200 (id 21) would be 6th.
    CHECK(t.is_target(30));
    CHECK(t.is_target(31));
    CHECK_FALSE(t.is_target(32));
    CHECK(t.is_target(11));
    CHECK(t.is_target(12));
    CHECK_FALSE(t.is_target(10));
    CHECK(t.is_target(20));
    CHECK_FALSE(t.is_target(21));
    CHECK_FALSE(t.is_target(22));
    CHECK_FALSE(t.is_target(40));
    CHECK(t.baseline_sum_01mm() == 600u + 550u + 500u + 400u + 200u);

    // Input order does not matter.
    recist_lesion r[10];
    for (int i = 0; i < 10; ++i) r[i] = b[9 - i];
    tracker u;
    REQUIRE(u.baseline(r, 10, 0) == errc::ok);
    for (int i = 0; i < 10; ++i) CHECK(u.is_target(b[i].id) == t.is_target(b[i].id));
}

TEST_CASE("recist: the sum adds longest diameters and nodal short axes of the targets only") {
    tracker t;
    const recist_lesion b[] = {solid(1, organ::liver, 300), nodal(2, 200), nodal(3, 120), solid(4, organ::lung, 50)};
    REQUIRE(t.baseline(b, 4, 0) == errc::ok);
    CHECK(t.baseline_sum_01mm() == 500);
    const recist_lesion f[] = {solid(1, organ::liver, 250), nodal(2, 150), nodal(3, 300), solid(4, organ::lung, 90)};
    recist_assessment a;
    REQUIRE(t.assess(f, 4, false, 50, a) == errc::ok);
    CHECK(a.sum_01mm == 400);
    CHECK(a.baseline_sum_01mm == 500);
    CHECK(a.target == response::sd);
    CHECK(a.non_target == response::non_cr_non_pd);
    CHECK(a.overall == response::sd);
}

TEST_CASE("recist: CR needs non-nodal targets gone and target nodes < 10 mm") {
    const recist_lesion b[] = {solid(1, organ::liver, 300), nodal(2, 200)};
    {
        tracker t;
        REQUIRE(t.baseline(b, 2, 0) == errc::ok);
        const recist_lesion f[] = {solid(1, organ::liver, 0), nodal(2, 90)};  // node 20 -> 9 mm
        recist_assessment a;
        REQUIRE(t.assess(f, 2, false, 60, a) == errc::ok);
        CHECK(a.target == response::cr);
        CHECK(a.non_target == response::not_applicable);
        CHECK(a.overall == response::cr);
        CHECK(a.sum_01mm == 90);  // the sum is not zero at CR when nodes are targets
        CHECK(a.no_evidence_of_disease);
    }
    {
        tracker t;
        REQUIRE(t.baseline(b, 2, 0) == errc::ok);
        const recist_lesion f[] = {solid(1, organ::liver, 0), nodal(2, 110)};  // node 20 -> 11 mm
        recist_assessment a;
        REQUIRE(t.assess(f, 2, false, 60, a) == errc::ok);
        CHECK(a.target == response::pr);  // 11 / 50 mm
        CHECK(a.overall == response::pr);
        CHECK_FALSE(a.no_evidence_of_disease);
    }
    {
        tracker t;
        REQUIRE(t.baseline(b, 2, 0) == errc::ok);
        const recist_lesion f[] = {solid(1, organ::liver, 10), nodal(2, 50)};  // 1 mm left of the liver lesion
        recist_assessment a;
        REQUIRE(t.assess(f, 2, false, 60, a) == errc::ok);
        CHECK(a.target == response::pr);
    }
}

TEST_CASE("recist: target nodes rebounding below 10 mm stay CR (no PD from a normal node's sum)") {
    tracker t;
    const recist_lesion b[] = {nodal(1, 200), nodal(2, 200)};
    REQUIRE(t.baseline(b, 2, 0) == errc::ok);
    const recist_lesion f1[] = {nodal(1, 20), nodal(2, 20)};
    const recist_lesion f2[] = {nodal(1, 90), nodal(2, 90)};  // 4 -> 18 mm: +350% and +14 mm, all < 10 mm
    const recist_lesion f3[] = {nodal(1, 100), nodal(2, 90)};  // one node >= 10 mm again
    recist_assessment a;
    REQUIRE(t.assess(f1, 2, false, 50, a) == errc::ok);
    CHECK(a.target == response::cr);
    REQUIRE(t.assess(f2, 2, false, 100, a) == errc::ok);
    CHECK(a.target == response::cr);
    REQUIRE(t.assess(f3, 2, false, 150, a) == errc::ok);
    CHECK(a.nadir_01mm == 40);
    CHECK(a.target == response::pd);
}

TEST_CASE("recist: PR at exactly 30% below baseline, not at 29%") {
    tracker t = one_target();
    CHECK(scan(t, 710, 50) == response::sd);  // -29%
    tracker u = one_target();
    CHECK(scan(u, 700, 50) == response::pr);  // -30%
    tracker v = one_target();
    CHECK(scan(v, 701, 50) == response::sd);  // -29.9%
}

TEST_CASE("recist: PD is measured from the nadir and wins over PR from baseline") {
    tracker t = one_target();
    recist_assessment a;
    CHECK(scan(t, 500, 50, &a) == response::pr);  // nadir 50 mm
    CHECK(t.nadir_01mm() == 500);
    CHECK(scan(t, 600, 100, &a) == response::pd);  // +20% and +10 mm over the nadir, 40% under baseline
    CHECK(a.nadir_01mm == 500);
    CHECK(a.sum_01mm == 600);
    CHECK(10u * a.sum_01mm <= 7u * a.baseline_sum_01mm);  // would be PR from baseline

    tracker u = one_target();
    CHECK(scan(u, 500, 50) == response::pr);
    CHECK(scan(u, 599, 100) == response::pr);  // +19.8%: PR continues
    CHECK(scan(u, 400, 150) == response::pr);
    CHECK(u.nadir_01mm() == 400);
    CHECK(scan(u, 480, 200) == response::pd);  // +20% of the new nadir, +8 mm
}

TEST_CASE("recist: PD also needs an absolute increase of 5 mm") {
    tracker t;
    const recist_lesion b[] = {solid(1, organ::lung, 100)};  // 10 mm: nadir 10 mm
    REQUIRE(t.baseline(b, 1, 0) == errc::ok);
    recist_assessment a;
    const recist_lesion f1[] = {solid(1, organ::lung, 130)};  // +30% but +3 mm
    REQUIRE(t.assess(f1, 1, false, 50, a) == errc::ok);
    CHECK(a.target == response::sd);
    const recist_lesion f2[] = {solid(1, organ::lung, 149)};  // +4.9 mm
    REQUIRE(t.assess(f2, 1, false, 100, a) == errc::ok);
    CHECK(a.target == response::sd);
    const recist_lesion f3[] = {solid(1, organ::lung, 150)};  // +5 mm, +50%
    REQUIRE(t.assess(f3, 1, false, 150, a) == errc::ok);
    CHECK(a.target == response::pd);
    CHECK(a.overall == response::pd);

    // After CR (nadir 0) any reappearance of 5 mm is PD.
    tracker u = one_target();
    CHECK(scan(u, 0, 50) == response::cr);
    CHECK(scan(u, 40, 100) == response::pr);
    CHECK(scan(u, 50, 150) == response::pd);
}

TEST_CASE("recist: a new lesion is PD whatever the targets show") {
    tracker t = one_target();
    const recist_lesion f[] = {solid(1, organ::liver, 0), fresh(50, 30)};
    recist_assessment a;
    REQUIRE(t.assess(f, 2, false, 60, a) == errc::ok);
    CHECK(a.target == response::cr);
    CHECK(a.new_lesion);
    CHECK(a.overall == response::pd);
    CHECK(t.progression_day() == 60);
}

TEST_CASE("recist: unequivocal non-target progression is PD") {
    tracker t;
    const recist_lesion b[] = {solid(1, organ::liver, 400), missing(solid(2, organ::peritoneum, 0))};
    REQUIRE(t.baseline(b, 2, 0) == errc::ok);
    const recist_lesion f[] = {solid(1, organ::liver, 200), solid(2, organ::peritoneum, 1)};
    recist_assessment a;
    REQUIRE(t.assess(f, 2, false, 60, a) == errc::ok);
    CHECK(a.target == response::pr);
    CHECK(a.non_target == response::non_cr_non_pd);
    CHECK(a.overall == response::pr);
    REQUIRE(t.assess(f, 2, true, 90, a) == errc::ok);
    CHECK(a.target == response::pr);
    CHECK(a.non_target == response::pd);
    CHECK(a.overall == response::pd);
}

TEST_CASE("recist: a missing target makes the scan NE, never CR") {
    tracker t;
    const recist_lesion b[] = {solid(1, organ::liver, 300), solid(2, organ::lung, 200)};
    REQUIRE(t.baseline(b, 2, 0) == errc::ok);
    recist_assessment a;
    const recist_lesion f1[] = {solid(1, organ::liver, 0), missing(solid(2, organ::lung, 0))};
    REQUIRE(t.assess(f1, 2, false, 60, a) == errc::ok);
    CHECK(a.targets_missing == 1);
    CHECK(a.target == response::ne);
    CHECK(a.overall == response::ne);
    CHECK_FALSE(a.no_evidence_of_disease);
    // Left out of the list is missing too.
    const recist_lesion f2[] = {solid(1, organ::liver, 0)};
    REQUIRE(t.assess(f2, 1, false, 90, a) == errc::ok);
    CHECK(a.target == response::ne);
    CHECK(a.overall == response::ne);
    // An incomplete sum never becomes the nadir.
    CHECK(t.nadir_01mm() == 500);
}

TEST_CASE("recist: a missing target does not prevent PD the measured ones already show") {
    tracker t;
    const recist_lesion b[] = {solid(1, organ::liver, 300), solid(2, organ::lung, 200)};
    REQUIRE(t.baseline(b, 2, 0) == errc::ok);
    recist_assessment a;
    const recist_lesion f1[] = {solid(1, organ::liver, 590), missing(solid(2, organ::lung, 0))};  // 59 mm vs nadir 50
    REQUIRE(t.assess(f1, 2, false, 60, a) == errc::ok);
    CHECK(a.target == response::ne);  // +18% from the measured one alone: not enough
    const recist_lesion f2[] = {solid(1, organ::liver, 600), missing(solid(2, organ::lung, 0))};  // +20%, +10 mm
    REQUIRE(t.assess(f2, 2, false, 90, a) == errc::ok);
    CHECK(a.target == response::pd);
    CHECK(a.overall == response::pd);
    CHECK(t.progression_day() == 90);
}

TEST_CASE("recist: non-target response CR, non-CR/non-PD, NE and the overall table") {
    const recist_lesion b[] = {solid(1, organ::liver, 300), nodal(2, 120), solid(3, organ::bone, 50)};
    recist_assessment a;
    {  // target CR + non-target CR -> CR
        tracker t;
        REQUIRE(t.baseline(b, 3, 0) == errc::ok);
        const recist_lesion f[] = {solid(1, organ::liver, 0), nodal(2, 90), solid(3, organ::bone, 0)};
        REQUIRE(t.assess(f, 3, false, 60, a) == errc::ok);
        CHECK(a.non_target == response::cr);
        CHECK(a.overall == response::cr);
    }
    {  // target CR + non-target non-CR/non-PD -> PR (a non-target node of 10 mm is still there)
        tracker t;
        REQUIRE(t.baseline(b, 3, 0) == errc::ok);
        const recist_lesion f[] = {solid(1, organ::liver, 0), nodal(2, 100), solid(3, organ::bone, 0)};
        REQUIRE(t.assess(f, 3, false, 60, a) == errc::ok);
        CHECK(a.target == response::cr);
        CHECK(a.non_target == response::non_cr_non_pd);
        CHECK(a.overall == response::pr);
    }
    {  // target CR + non-target NE -> PR, never CR
        tracker t;
        REQUIRE(t.baseline(b, 3, 0) == errc::ok);
        const recist_lesion f[] = {solid(1, organ::liver, 0), nodal(2, 50)};
        REQUIRE(t.assess(f, 2, false, 60, a) == errc::ok);
        CHECK(a.non_targets_missing == 1);
        CHECK(a.non_target == response::ne);
        CHECK(a.overall == response::pr);
    }
    {  // target SD + non-target NE -> SD
        tracker t;
        REQUIRE(t.baseline(b, 3, 0) == errc::ok);
        const recist_lesion f[] = {solid(1, organ::liver, 280), nodal(2, 120), missing(solid(3, organ::bone, 0))};
        REQUIRE(t.assess(f, 3, false, 60, a) == errc::ok);
        CHECK(a.target == response::sd);
        CHECK(a.overall == response::sd);
    }
    // The table itself.
    CHECK(recist_overall_response(response::cr, response::cr, false) == response::cr);
    CHECK(recist_overall_response(response::cr, response::not_applicable, false) == response::cr);
    CHECK(recist_overall_response(response::cr, response::non_cr_non_pd, false) == response::pr);
    CHECK(recist_overall_response(response::cr, response::ne, false) == response::pr);
    CHECK(recist_overall_response(response::pr, response::ne, false) == response::pr);
    CHECK(recist_overall_response(response::sd, response::non_cr_non_pd, false) == response::sd);
    CHECK(recist_overall_response(response::ne, response::cr, false) == response::ne);
    CHECK(recist_overall_response(response::pr, response::pd, false) == response::pd);
    CHECK(recist_overall_response(response::pd, response::cr, false) == response::pd);
    CHECK(recist_overall_response(response::cr, response::cr, true) == response::pd);
    // Table 5: non-target disease only.
    CHECK(recist_overall_response(response::not_applicable, response::cr, false) == response::cr);
    CHECK(recist_overall_response(response::not_applicable, response::non_cr_non_pd, false) == response::non_cr_non_pd);
    CHECK(recist_overall_response(response::not_applicable, response::ne, false) == response::ne);
    CHECK(recist_overall_response(response::not_applicable, response::not_applicable, false) == response::ne);
    CHECK(recist_overall_response(response::not_applicable, response::not_applicable, true) == response::pd);
}

TEST_CASE("recist: best overall response and the minimum interval for SD") {
    {  // SD too early, then PD: best is PD
        tracker t = one_target();
        CHECK(scan(t, 900, 28) == response::sd);
        CHECK(t.best() == response::ne);
        CHECK(scan(t, 1300, 56) == response::pd);
        CHECK(t.best() == response::pd);
    }
    {  // SD at 42 days counts
        tracker t = one_target();
        CHECK(scan(t, 900, 41) == response::sd);
        CHECK(t.best() == response::ne);
        CHECK(scan(t, 900, 42) == response::sd);
        CHECK(t.best() == response::sd);
        CHECK(scan(t, 1300, 84) == response::pd);
        CHECK(t.best() == response::sd);
    }
    {  // PR needs no interval; later SD does not lower it; nothing after the first PD counts
        tracker t = one_target();
        CHECK(scan(t, 600, 20) == response::pr);
        CHECK(t.best() == response::pr);
        CHECK(scan(t, 710, 60) == response::sd);  // +18% over the nadir, -29% from baseline
        CHECK(t.best() == response::pr);
        CHECK(scan(t, 900, 90) == response::pd);
        CHECK(scan(t, 0, 120) == response::cr);
        CHECK(t.best() == response::pr);
    }
    {  // the interval is a parameter, counted from the baseline day
        recist_options o;
        o.min_sd_days = 56;
        tracker t;
        const recist_lesion b[] = {solid(1, organ::liver, 1000)};
        REQUIRE(t.baseline(b, 1, 100, o) == errc::ok);
        CHECK(scan(t, 900, 150) == response::sd);
        CHECK(t.best() == response::ne);
        CHECK(scan(t, 900, 156) == response::sd);
        CHECK(t.best() == response::sd);
    }
    CHECK(tracker{}.best() == response::ne);
}

TEST_CASE("recist: optional confirmation of CR and PR 28 days later") {
    recist_options o;
    o.require_confirmation = true;
    {  // an unconfirmed PR counts as SD
        tracker t = one_target(o);
        CHECK(scan(t, 600, 56) == response::pr);
        CHECK(t.best() == response::sd);
        CHECK(scan(t, 600, 83) == response::pr);  // 27 days later
        CHECK(t.best() == response::sd);
        CHECK(scan(t, 550, 84) == response::pr);  // 28 days after the first
        CHECK(t.best() == response::pr);
    }
    {  // CR confirmed by CR; CR then PR confirms PR only
        tracker t = one_target(o);
        CHECK(scan(t, 0, 56) == response::cr);
        CHECK(t.best() == response::sd);
        CHECK(scan(t, 40, 84) == response::pr);
        CHECK(t.best() == response::pr);
        tracker u = one_target(o);
        CHECK(scan(u, 0, 56) == response::cr);
        CHECK(scan(u, 0, 84) == response::cr);
        CHECK(u.best() == response::cr);
        tracker v = one_target(o);  // CR, PR, CR: the CR run restarts
        CHECK(scan(v, 0, 56) == response::cr);
        CHECK(scan(v, 40, 70) == response::pr);
        CHECK(scan(v, 0, 84) == response::cr);
        CHECK(v.best() == response::pr);
        CHECK(scan(v, 0, 112) == response::cr);
        CHECK(v.best() == response::cr);
    }
    {  // an SD scan in between breaks the run; an early unconfirmed PR then PD is PD
        tracker t = one_target(o);
        CHECK(scan(t, 600, 56) == response::pr);
        CHECK(scan(t, 710, 70) == response::sd);
        CHECK(scan(t, 600, 90) == response::pr);
        CHECK(t.best() == response::sd);
        tracker u = one_target(o);
        CHECK(scan(u, 600, 30) == response::pr);
        CHECK(u.best() == response::ne);
        CHECK(scan(u, 800, 50) == response::pd);
        CHECK(u.best() == response::pd);
    }
    {  // without confirmation the same PR counts at once
        tracker t = one_target();
        CHECK(scan(t, 600, 30) == response::pr);
        CHECK(t.best() == response::pr);
    }
}

TEST_CASE("recist: non-target disease only (table 5)") {
    tracker t;
    const recist_lesion b[] = {nodal(1, 120), solid(2, organ::bone, 80)};
    REQUIRE(t.baseline(b, 2, 0) == errc::ok);
    CHECK(t.target_count() == 0);
    CHECK(t.non_target_count() == 2);
    recist_assessment a;
    const recist_lesion f1[] = {nodal(1, 110), solid(2, organ::bone, 80)};
    REQUIRE(t.assess(f1, 2, false, 30, a) == errc::ok);
    CHECK(a.target == response::not_applicable);
    CHECK(a.overall == response::non_cr_non_pd);
    CHECK(t.best() == response::ne);  // too early
    REQUIRE(t.assess(f1, 2, false, 60, a) == errc::ok);
    CHECK(t.best() == response::non_cr_non_pd);
    const recist_lesion f2[] = {nodal(1, 90), solid(2, organ::bone, 0)};
    REQUIRE(t.assess(f2, 2, false, 90, a) == errc::ok);
    CHECK(a.overall == response::cr);
    CHECK(t.best() == response::cr);
}

TEST_CASE("recist: time to progression is the day of the first PD") {
    tracker t = one_target();
    CHECK(t.progression_day() == -1);
    CHECK_FALSE(t.progressed());
    CHECK(scan(t, 500, 60) == response::pr);
    CHECK(t.progression_day() == -1);
    CHECK(scan(t, 700, 120) == response::pd);
    CHECK(t.progression_day() == 120);
    CHECK(scan(t, 900, 180) == response::pd);
    CHECK(t.progression_day() == 120);
    CHECK(t.assessment_count() == 3);
}

TEST_CASE("recist: response and remission wording") {
    CHECK(std::strcmp(response_name(response::cr), "CR") == 0);
    CHECK(std::strcmp(response_name(response::pr), "PR") == 0);
    CHECK(std::strcmp(response_name(response::sd), "SD") == 0);
    CHECK(std::strcmp(response_name(response::pd), "PD") == 0);
    CHECK(std::strcmp(response_name(response::ne), "NE") == 0);
    CHECK(std::strcmp(response_name(response::non_cr_non_pd), "non-CR/non-PD") == 0);
    CHECK(std::strcmp(response_long_name(response::sd), "stable disease") == 0);

    recist_assessment a;
    a.overall = response::cr;
    CHECK(std::strcmp(remission_name(a), "complete remission") == 0);
    a.overall = response::pr;
    CHECK(std::strcmp(remission_name(a), "partial remission") == 0);
    a.overall = response::sd;
    CHECK(std::strcmp(remission_name(a), "no remission") == 0);

    // No disease at baseline (after surgery) and nothing since: NE for RECIST, nothing visible.
    tracker t;
    const recist_lesion b[] = {nodal(1, 60)};
    REQUIRE(t.baseline(b, 1, 0) == errc::ok);
    CHECK(t.target_count() == 0);
    CHECK(t.non_target_count() == 0);
    REQUIRE(t.assess(b, 1, false, 90, a) == errc::ok);
    CHECK(a.overall == response::ne);
    CHECK(a.no_evidence_of_disease);
    CHECK(std::strcmp(remission_name(a), "no evidence of disease") == 0);
    // ... until a recurrence, which is PD. A normal node may come back as new.
    const recist_lesion f[] = {fresh(1, 120)};
    REQUIRE(t.assess(f, 1, false, 180, a) == errc::ok);
    CHECK(a.overall == response::pd);
    CHECK_FALSE(a.no_evidence_of_disease);
    CHECK(std::strcmp(remission_name(a), "no remission") == 0);
    CHECK(t.progression_day() == 180);
}

TEST_CASE("recist: bad input returns an error and leaves the tracker unchanged") {
    tracker t;
    recist_assessment a;
    a.day = 12345;
    const recist_lesion one[] = {solid(1, organ::liver, 500)};
    CHECK(t.assess(one, 1, false, 10, a) == errc::illegal_transition);  // before baseline
    CHECK(a.day == 12345);

    const recist_lesion b[] = {solid(1, organ::liver, 500), nodal(2, 200), solid(3, organ::lung, 50)};
    REQUIRE(t.baseline(b, 3, 10) == errc::ok);
    REQUIRE(t.assess(b, 3, false, 40, a) == errc::ok);
    unsigned char before[sizeof(tracker)];
    std::memcpy(before, &t, sizeof(tracker));
    a.day = 12345;

    recist_lesion big[13];
    for (int i = 0; i < 13; ++i) big[i] = solid(static_cast<std::uint16_t>(i + 1), organ::skin, 100);
    CHECK(t.baseline(big, 13, 0) == errc::buffer_too_small);  // over the capacity
    CHECK(t.assess(big, 13, false, 50, a) == errc::buffer_too_small);
    CHECK(t.baseline(nullptr, 1, 0) == errc::buffer_too_small);
    CHECK(t.baseline(b, -1, 0) == errc::negative_value);
    CHECK(t.baseline(b, 3, -1) == errc::negative_value);
    recist_options bad;
    bad.min_sd_days = -1;
    CHECK(t.baseline(b, 3, 0, bad) == errc::negative_value);

    const recist_lesion huge[] = {solid(1, organ::liver, 100001)};  // over 10 m
    CHECK(t.baseline(huge, 1, 0) == errc::value_too_large);
    CHECK(t.assess(huge, 1, false, 50, a) == errc::value_too_large);
    recist_lesion odd = solid(1, organ::liver, 500);
    odd.where = organ::count_;
    CHECK(t.baseline(&odd, 1, 0) == errc::value_too_large);

    const recist_lesion dup[] = {solid(1, organ::liver, 500), solid(1, organ::lung, 300)};
    CHECK(t.baseline(dup, 2, 0) == errc::lesion_index_out_of_range);
    CHECK(t.assess(dup, 2, false, 50, a) == errc::lesion_index_out_of_range);
    const recist_lesion renew[] = {solid(1, organ::liver, 500), fresh(2, 100)};  // 2 is a baseline lesion
    CHECK(t.assess(renew, 2, false, 50, a) == errc::lesion_index_out_of_range);
    const recist_lesion new_at_baseline[] = {fresh(9, 200)};
    CHECK(t.baseline(new_at_baseline, 1, 0) == errc::illegal_transition);

    CHECK(t.assess(b, 3, false, 39, a) == errc::illegal_transition);  // earlier than the last scan

    CHECK(same_bytes(t, before));
    CHECK(a.day == 12345);
    CHECK(t.well_formed());
    // ... and the tracker still works.
    CHECK(t.assess(b, 3, false, 40, a) == errc::ok);  // the same day again is allowed
    CHECK(a.overall == response::sd);
}

TEST_CASE("recist: the tracker is plain bytes, small, and copies keep their own history") {
    CHECK(std::is_trivially_copyable<tracker>::value);
    CHECK(sizeof(recist_tracker<16>) <= 16 * 8 + 64);
    tracker t = one_target();
    CHECK(t.well_formed());
    tracker u = t;
    CHECK(scan(u, 0, 60) == response::cr);
    CHECK(u.best() == response::cr);
    CHECK(t.best() == response::ne);
    CHECK(t.assessment_count() == 0);
    CHECK(u.well_formed());
    // Starting over with a new baseline forgets the history.
    const recist_lesion b[] = {solid(5, organ::lung, 200)};
    REQUIRE(u.baseline(b, 1, 70) == errc::ok);
    CHECK(u.best() == response::ne);
    CHECK(u.progression_day() == -1);
    CHECK(u.baseline_day() == 70);
    CHECK_FALSE(u.known(1));
}

namespace {
// Baselines `used` and a fresh tracker on the same two lesions and follows both for five scans.
void check_rebaseline_is_clean(tracker& used) {
    recist_options confirm;
    confirm.require_confirmation = true;
    tracker clean;
    const recist_lesion second[] = {solid(7, organ::brain, 150), solid(8, organ::liver, 500)};
    REQUIRE(used.baseline(second, 2, 130, confirm) == errc::ok);
    REQUIRE(clean.baseline(second, 2, 130, confirm) == errc::ok);
    const std::uint32_t sizes[] = {0, 200, 200, 400, 800};  // CR and PR runs, confirmation, PD
    for (int k = 0; k < 5; ++k) {
        const recist_lesion now[] = {solid(7, organ::brain, sizes[k] / 4), solid(8, organ::liver, sizes[k])};
        recist_assessment x, y;
        REQUIRE(used.assess(now, 2, false, 130 + 42 * (k + 1), x) == errc::ok);
        REQUIRE(clean.assess(now, 2, false, 130 + 42 * (k + 1), y) == errc::ok);
        CHECK(x.overall == y.overall);
        CHECK(x.sum_01mm == y.sum_01mm);
        CHECK(used.best() == clean.best());
        CHECK(used.progression_day() == clean.progression_day());
        CHECK(used.nadir_01mm() == clean.nadir_01mm());
        CHECK(used.assessment_count() == clean.assessment_count());
    }
    for (std::uint16_t id = 0; id < 12; ++id) CHECK(used.known(id) == clean.known(id));
    CHECK(used.target_count() == clean.target_count());
    CHECK(used.non_target_count() == clean.non_target_count());
    CHECK(used.well_formed());
}
}  // namespace

TEST_CASE("recist: a second baseline starts from a clean tracker") {
    // Trackers that have run a whole line and are baselined again behave exactly like fresh ones.
    const recist_lesion first[] = {solid(1, organ::liver, 900), solid(2, organ::lung, 400), nodal(3, 200),
                                   solid(4, organ::bone, 300), solid(5, organ::liver, 120)};
    const recist_lesion smaller[] = {solid(1, organ::liver, 300), solid(2, organ::lung, 100), nodal(3, 80),
                                     solid(4, organ::bone, 300), solid(5, organ::liver, 0)};
    recist_assessment a;
    {  // after a partial response and progression
        tracker used;
        REQUIRE(used.baseline(first, 5, 0) == errc::ok);
        REQUIRE(used.assess(smaller, 5, false, 60, a) == errc::ok);
        REQUIRE(used.best() == response::pr);
        const recist_lesion grown[] = {solid(1, organ::liver, 1500), solid(2, organ::lung, 100), nodal(3, 80),
                                       solid(4, organ::bone, 300), solid(5, organ::liver, 0), fresh(9, 50)};
        REQUIRE(used.assess(grown, 6, true, 120, a) == errc::ok);
        REQUIRE(used.progressed());
        check_rebaseline_is_clean(used);
    }
    {  // in the middle of a run of responses awaiting confirmation
        recist_options confirm;
        confirm.require_confirmation = true;
        tracker used;
        REQUIRE(used.baseline(first, 5, 0, confirm) == errc::ok);
        REQUIRE(used.assess(smaller, 5, false, 60, a) == errc::ok);
        const recist_lesion gone[] = {solid(1, organ::liver, 0), solid(2, organ::lung, 0), nodal(3, 80),
                                      solid(4, organ::bone, 0), solid(5, organ::liver, 0)};
        REQUIRE(used.assess(gone, 5, false, 100, a) == errc::ok);
        REQUIRE(!used.progressed());
        check_rebaseline_is_clean(used);
    }
}
