// Coverage: every snapshot header check, and well_formed() against corrupted bodies whose
// checksum was recomputed: restore accepts only well-formed states and leaves the target
// untouched otherwise.
#include <doctest/doctest.h>
#include <oncostate/oncostate.hpp>

#include <cstdint>
#include <cstring>
#include <vector>

namespace os = oncostate;
using os::errc;

namespace {

template <class R>
os::patient_params<R> spreading_params() {
    os::patient_params<R> p;
    p.primary.growth.birth = R(0.3);
    p.primary.growth.death = R(0.05);
    p.primary.dormancy.entry = R(0.01);
    p.primary.dormancy.reactivation = R(0.01);
    os::mechanism<R> m;
    m.mutation_probability = R(1e-3);
    p.primary.resistance.add(m);
    p.metastasis = p.primary;
    p.invasion = R(1.0);
    p.invasion_min_cells = 1;
    p.spread.colonise = R(0.5);
    p.sites[static_cast<int>(os::organ::liver)].tropism = R(1.0);
    p.sites[static_cast<int>(os::organ::bone)].tropism = R(1.0);
    return p;
}

void reseal(std::vector<std::uint8_t>& buf) {
    const std::size_t body = buf.size() - 4;
    os::detail::put32(buf.data() + body, os::detail::crc32(buf.data(), body));
}

// Overwrites each byte of the body in turn with `value`, reseals the snapshot and restores it.
// Returns how many were rejected as snapshot_state_invalid.
template <class State>
int corrupt_each_byte(const std::vector<std::uint8_t>& good, std::uint8_t value) {
    int rejected = 0;
    for (std::size_t i = os::snapshot_header_bytes; i + 4 < good.size(); ++i) {
        if (good[i] == value) continue;
        std::vector<std::uint8_t> buf = good;
        buf[i] = value;
        reseal(buf);
        State target{};
        std::uint8_t before[sizeof(State)];
        std::memcpy(before, static_cast<const void*>(&target), sizeof(State));
        const errc e = os::restore_snapshot(target, buf.data(), buf.size());
        if (e == errc::ok) {
            CHECK(target.well_formed());
        } else {
            CHECK(e == errc::snapshot_state_invalid);
            CHECK(std::memcmp(before, static_cast<const void*>(&target), sizeof(State)) == 0);
            ++rejected;
        }
    }
    return rejected;
}

template <class State>
std::vector<std::uint8_t> save(const State& s) {
    std::vector<std::uint8_t> buf(os::snapshot_size<State>());
    std::size_t written = 0;
    REQUIRE(os::save_snapshot(s, buf.data(), buf.size(), written) == errc::ok);
    REQUIRE(written == buf.size());
    return buf;
}

template <class S, int L, int C>
const os::patient<S, L, C>& truth_of(const os::patient<S, L, C>& p) {
    return p;
}
template <class S, int L, int C>
const os::patient<S, L, C>& truth_of(const os::care<S, L, C>& c) {
    return c.truth();
}

// Every header check on the snapshot of `good_state`; restoring the intact snapshot into a
// fresh object must reproduce its bytes.
template <class State>
void header_checks(const State& good_state) {
    const std::vector<std::uint8_t> good = save(good_state);
    std::size_t written = 7;
    std::vector<std::uint8_t> small(good.size() - 1);
    CHECK(os::save_snapshot(good_state, nullptr, good.size(), written) == errc::buffer_too_small);
    CHECK(written == 0);
    CHECK(os::save_snapshot(good_state, small.data(), small.size(), written) == errc::buffer_too_small);

    State target{};
    std::uint8_t before[sizeof(State)];
    std::memcpy(before, static_cast<const void*>(&target), sizeof(State));
    CHECK(os::restore_snapshot(target, nullptr, good.size()) == errc::snapshot_size_mismatch);
    CHECK(os::restore_snapshot(target, good.data(), good.size() - 1) == errc::snapshot_size_mismatch);
    for (std::size_t i = 0; i < 4; ++i) {
        std::vector<std::uint8_t> buf = good;
        buf[i] = 'X';
        CHECK(os::restore_snapshot(target, buf.data(), buf.size()) == errc::snapshot_bad_magic);
    }
    std::vector<std::uint8_t> buf = good;
    buf[4] = 2;
    CHECK(os::restore_snapshot(target, buf.data(), buf.size()) == errc::snapshot_version_unsupported);
    buf = good;
    buf[5] = 1;
    CHECK(os::restore_snapshot(target, buf.data(), buf.size()) == errc::snapshot_version_unsupported);
    for (std::size_t i : {std::size_t{6}, std::size_t{7}, std::size_t{8}, std::size_t{11}, std::size_t{12}, std::size_t{13}}) {
        buf = good;
        buf[i] = static_cast<std::uint8_t>(buf[i] + 1);
        CHECK(os::restore_snapshot(target, buf.data(), buf.size()) == errc::snapshot_layout_mismatch);
    }
    buf = good;
    buf[good.size() - 1] = static_cast<std::uint8_t>(buf[good.size() - 1] ^ 1u);
    CHECK(os::restore_snapshot(target, buf.data(), buf.size()) == errc::snapshot_checksum_mismatch);
    buf = good;
    buf[good.size() / 2] = static_cast<std::uint8_t>(buf[good.size() / 2] ^ 0x10u);
    CHECK(os::restore_snapshot(target, buf.data(), buf.size()) == errc::snapshot_checksum_mismatch);
    CHECK(std::memcmp(before, static_cast<const void*>(&target), sizeof(State)) == 0);  // untouched
    CHECK(os::restore_snapshot(target, good.data(), good.size()) == errc::ok);
    CHECK(truth_of(target).day() == truth_of(good_state).day());
    CHECK(truth_of(target).day() > 0);
    CHECK(truth_of(target).total_cells() == truth_of(good_state).total_cells());
}

template <class P>
P grown_patient() {
    using R = typename P::real;
    P pt;
    REQUIRE(pt.start(spreading_params<R>(), 3, 0, 100) == errc::ok);
    for (int d = 0; d < 20; ++d) pt.step(spreading_params<R>());
    return pt;
}

template <class C>
C treated_care() {
    using R = typename C::real;
    const auto p = spreading_params<R>();
    os::treatment_plan<R> plan;
    plan.therapies[0].kill_dividing = R(0.2);
    plan.therapy_count = 1;
    plan.lines[0].count = 1;
    plan.line_count = 1;
    C c;
    REQUIRE(c.start(p, plan, 5, 0, 2000000000) == errc::ok);
    for (int d = 0; d < 5; ++d) c.step(p, plan);
    return c;
}

}  // namespace

TEST_CASE("coverage: snapshot header checks, one by one, for each state type") {
    header_checks(grown_patient<os::patient<float, 4, 2>>());
    header_checks(grown_patient<os::patient<double, 4, 2>>());
    header_checks(grown_patient<os::patient<os::q16_16, 4, 2>>());
    header_checks(grown_patient<os::patient<os::q16_16, 16, 4>>());
    header_checks(treated_care<os::care<float, 4, 2>>());
    header_checks(treated_care<os::care<os::q16_16, 8, 4>>());
}

TEST_CASE("coverage: a snapshot of another scalar or capacity is refused") {
    using P = os::patient<float, 4, 2>;
    const P pt = grown_patient<P>();
    const std::vector<std::uint8_t> good = save(pt);
    os::patient<double, 4, 2> other;
    const bool same_bytes = os::snapshot_size<os::patient<double, 4, 2>>() == good.size();
    CHECK(os::restore_snapshot(other, good.data(), good.size()) ==
          (same_bytes ? errc::snapshot_layout_mismatch : errc::snapshot_size_mismatch));
    os::patient<float, 4, 3> more_clones;
    CHECK(os::restore_snapshot(more_clones, good.data(), good.size()) != errc::ok);
    P target;
    std::vector<std::uint8_t> claims_double = good;
    claims_double[6] = 2;
    reseal(claims_double);
    CHECK(os::restore_snapshot(target, claims_double.data(), claims_double.size()) == errc::snapshot_layout_mismatch);
    CHECK(target.day() == 0);
}

TEST_CASE("coverage: restore rejects corrupted patient states (float)") {
    using P = os::patient<float, 4, 2>;
    const auto p = spreading_params<float>();
    P pt;
    REQUIRE(pt.start(p, 11, 0, 1000) == errc::ok);
    for (int d = 0; d < 60 && pt.alive(); ++d) pt.step(p);
    REQUIRE(pt.lesion_count() >= 2);
    const std::vector<std::uint8_t> good = save(pt);
    int rejected = 0;
    for (std::uint8_t v : {std::uint8_t{0xFF}, std::uint8_t{0x80}, std::uint8_t{0x02}, std::uint8_t{0x40}})
        rejected += corrupt_each_byte<P>(good, v);
    CHECK(rejected > 50);
}

TEST_CASE("coverage: restore rejects corrupted care states (fixed point, with RECIST)") {
    using C = os::care<os::q16_16, 4, 2>;
    using R = os::sfloat;
    auto p = spreading_params<R>();
    p.spread.colonise = R(0.01);
    os::treatment_plan<R> plan;
    plan.therapies[0].kind = os::therapy_class::chemotherapy;
    plan.therapies[0].kill_dividing = R(0.2);
    plan.therapy_count = 1;
    plan.lines[0].count = 1;
    plan.line_count = 1;
    plan.assess_days = 7;
    C c;
    REQUIRE(c.start(p, plan, 5, 0, 2000000000) == errc::ok);  // 16 mm: a target from day 1
    for (int d = 0; d < 10 && c.truth().alive(); ++d) c.step(p, plan);
    REQUIRE(c.record().lines_started == 1);
    REQUIRE(c.recist().has_baseline());
    REQUIRE(c.recist().target_count() >= 1);
    REQUIRE(c.well_formed());
    const std::vector<std::uint8_t> good = save(c);
    int rejected = 0;
    for (std::uint8_t v : {std::uint8_t{0xFF}, std::uint8_t{0x80}, std::uint8_t{0x07}})
        rejected += corrupt_each_byte<C>(good, v);
    CHECK(rejected > 50);
}
