// Coverage: RECIST tracker argument errors, the state it keeps when refusing, and edge rules
// (missing targets, new lesions, confirmation of PR, non-target-only disease).
#include <doctest/doctest.h>
#include <oncostate/oncostate.hpp>

namespace os = oncostate;
using os::errc;
using os::organ;
using os::response;

namespace {
os::recist_lesion les(std::uint16_t id, organ where, std::uint32_t size, bool nodal = false) {
    os::recist_lesion l;
    l.id = id;
    l.where = where;
    l.size_01mm = size;
    l.nodal = nodal;
    return l;
}
}  // namespace

TEST_CASE("coverage: recist baseline refuses bad input and keeps its state") {
    os::recist_tracker<4> t;
    const os::recist_lesion one[] = {les(1, organ::liver, 200)};
    os::recist_options o;
    CHECK(t.baseline(one, 1, -1) == errc::negative_value);
    o.min_sd_days = -1;
    CHECK(t.baseline(one, 1, 0, o) == errc::negative_value);
    o = os::recist_options{};
    o.confirmation_days = -1;
    CHECK(t.baseline(one, 1, 0, o) == errc::negative_value);
    CHECK(t.baseline(one, -1, 0) == errc::negative_value);
    CHECK(t.baseline(nullptr, 1, 0) == errc::buffer_too_small);
    os::recist_lesion five[5] = {les(1, organ::liver, 200), les(2, organ::lung, 200), les(3, organ::bone, 200),
                                 les(4, organ::brain, 200), les(5, organ::adrenal, 200)};
    CHECK(t.baseline(five, 5, 0) == errc::buffer_too_small);  // capacity 4
    os::recist_lesion bad = les(1, organ::count_, 200);
    CHECK(t.baseline(&bad, 1, 0) == errc::value_too_large);
    bad = les(1, organ::liver, os::recist_max_size_01mm + 1);
    CHECK(t.baseline(&bad, 1, 0) == errc::value_too_large);
    bad.missing = true;  // the size of a missing lesion is ignored
    CHECK(t.baseline(&bad, 1, 0) == errc::ok);
    CHECK(t.target_count() == 0);
    CHECK(t.non_target_count() == 1);
    const os::recist_lesion dup[] = {les(1, organ::liver, 200), les(1, organ::lung, 150)};
    CHECK(t.baseline(dup, 2, 0) == errc::lesion_index_out_of_range);
    os::recist_lesion fresh = les(9, organ::liver, 200);
    fresh.is_new = true;
    CHECK(t.baseline(&fresh, 1, 0) == errc::illegal_transition);
    CHECK(t.baseline(nullptr, 0, 5) == errc::ok);  // no disease at all
    CHECK(t.has_baseline());
    CHECK(t.baseline_day() == 5);
    CHECK(t.baseline_sum_01mm() == 0);
    CHECK(t.well_formed());
}

TEST_CASE("coverage: recist assess refuses bad input and leaves tracker and output unchanged") {
    os::recist_tracker<4> t;
    os::recist_assessment a;
    a.day = -7;
    const os::recist_lesion two[] = {les(1, organ::liver, 200), les(2, organ::lymph_node, 80, true)};
    CHECK(t.assess(two, 2, false, 10, a) == errc::illegal_transition);  // no baseline yet
    REQUIRE(t.baseline(two, 2, 10) == errc::ok);
    CHECK(t.is_target(1));
    CHECK_FALSE(t.is_target(2));  // a normal node (< 10 mm): known, not recorded
    CHECK(t.known(2));
    CHECK_FALSE(t.is_recorded(2));
    CHECK_FALSE(t.is_target(77));
    CHECK_FALSE(t.known(77));
    CHECK(t.assess(two, 2, false, 9, a) == errc::illegal_transition);  // before the baseline
    CHECK(t.assess(two, -1, false, 20, a) == errc::negative_value);
    CHECK(t.assess(nullptr, 2, false, 20, a) == errc::buffer_too_small);
    os::recist_lesion again = les(1, organ::liver, 100);
    again.is_new = true;  // id of a recorded lesion
    CHECK(t.assess(&again, 1, false, 20, a) == errc::lesion_index_out_of_range);
    CHECK(a.day == -7);
    CHECK(t.assessment_count() == 0);
    // a new lesion with the id of the normal node is allowed: PD
    os::recist_lesion node_back = les(2, organ::lymph_node, 160, true);
    node_back.is_new = true;
    const os::recist_lesion scan[] = {les(1, organ::liver, 190), node_back};
    REQUIRE(t.assess(scan, 2, false, 20, a) == errc::ok);
    CHECK(a.new_lesion);
    CHECK(a.overall == response::pd);
    CHECK(t.progressed());
    CHECK(t.progression_day() == 20);
    CHECK(t.best() == response::pd);
}

TEST_CASE("coverage: recist missing targets, missing non-targets and non-target progression") {
    os::recist_tracker<8> t;
    const os::recist_lesion base[] = {les(1, organ::liver, 300), les(2, organ::lung, 200), les(3, organ::bone, 50)};
    REQUIRE(t.baseline(base, 3, 0) == errc::ok);
    CHECK(t.target_count() == 2);
    CHECK(t.non_target_count() == 1);
    os::recist_assessment a;
    // target 2 missing, the measured one alone does not show PD: NE
    os::recist_lesion m2 = les(2, organ::lung, 0);
    m2.missing = true;
    const os::recist_lesion s1[] = {les(1, organ::liver, 320), m2, les(3, organ::bone, 50)};
    REQUIRE(t.assess(s1, 3, false, 30, a) == errc::ok);
    CHECK(a.target == response::ne);
    CHECK(a.targets_missing == 1);
    CHECK(a.overall == response::ne);
    CHECK(t.nadir_01mm() == 500);  // an incomplete sum never becomes the nadir
    // the measured one alone is already 20% and 5 mm above the nadir: PD despite the missing one
    const os::recist_lesion s2[] = {les(1, organ::liver, 700), m2};
    REQUIRE(t.assess(s2, 2, false, 60, a) == errc::ok);
    CHECK(a.target == response::pd);
    CHECK(a.non_targets_missing == 1);  // lesion 3 absent from the list counts as missing
    CHECK(a.overall == response::pd);

    os::recist_tracker<8> u;
    REQUIRE(u.baseline(base, 3, 0) == errc::ok);
    const os::recist_lesion s3[] = {les(1, organ::liver, 300), les(2, organ::lung, 200), les(3, organ::bone, 50)};
    REQUIRE(u.assess(s3, 3, true, 50, a) == errc::ok);  // the reader calls unequivocal progression
    CHECK(a.non_target == response::pd);
    CHECK(a.target == response::sd);
    CHECK(a.overall == response::pd);
    CHECK_FALSE(a.no_evidence_of_disease);
}

TEST_CASE("coverage: recist confirmation of PR and of CR") {
    os::recist_options o;
    o.require_confirmation = true;
    o.confirmation_days = 28;
    o.min_sd_days = 42;
    os::recist_tracker<4> t;
    const os::recist_lesion base[] = {les(1, organ::liver, 400)};
    REQUIRE(t.baseline(base, 1, 0, o) == errc::ok);
    CHECK(t.options().require_confirmation);
    os::recist_assessment a;
    const os::recist_lesion pr[] = {les(1, organ::liver, 200)};
    REQUIRE(t.assess(pr, 1, false, 14, a) == errc::ok);
    CHECK(a.overall == response::pr);
    CHECK(t.best() == response::ne);  // unconfirmed, and too early for SD
    REQUIRE(t.assess(pr, 1, false, 28, a) == errc::ok);
    CHECK(t.best() == response::ne);  // 14 days of PR
    REQUIRE(t.assess(pr, 1, false, 42, a) == errc::ok);
    CHECK(t.best() == response::pr);  // PR confirmed 28 days later
    const os::recist_lesion cr[] = {les(1, organ::liver, 0)};
    REQUIRE(t.assess(cr, 1, false, 56, a) == errc::ok);
    CHECK(a.overall == response::cr);
    CHECK(a.no_evidence_of_disease);
    CHECK(t.best() == response::pr);  // the CR run has just begun
    REQUIRE(t.assess(cr, 1, false, 84, a) == errc::ok);
    CHECK(t.best() == response::cr);
    CHECK(t.assessment_count() == 5);
    CHECK(t.well_formed());
}

TEST_CASE("coverage: recist non-target-only disease gives non-CR/non-PD, then CR") {
    os::recist_tracker<4> t;
    const os::recist_lesion base[] = {les(4, organ::bone, 60), les(5, organ::lymph_node, 120, true)};
    REQUIRE(t.baseline(base, 2, 0) == errc::ok);
    CHECK(t.target_count() == 0);
    os::recist_assessment a;
    REQUIRE(t.assess(base, 2, false, 60, a) == errc::ok);
    CHECK(a.target == response::not_applicable);
    CHECK(a.non_target == response::non_cr_non_pd);
    CHECK(a.overall == response::non_cr_non_pd);
    CHECK(t.best() == response::non_cr_non_pd);
    const os::recist_lesion gone[] = {les(4, organ::bone, 0), les(5, organ::lymph_node, 90, true)};
    REQUIRE(t.assess(gone, 2, false, 120, a) == errc::ok);
    CHECK(a.non_target == response::cr);
    CHECK(a.overall == response::cr);
    CHECK(t.best() == response::cr);
}
