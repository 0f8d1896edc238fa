// The patient: the cascade's efficiency, organ tropism, founders, hidden micrometastases, the
// clinic's view against the truth, the progression machine, snapshots and bit-identity.
#include "oncostate_test.hpp"
#include "stats.hpp"

#include <cmath>
#include <cstring>

using namespace oncostate;

namespace {

// A generic carcinoma: Bozic's growth rates, metastases that can vascularise, bone-favouring tropism.
template <class R>
patient_params<R> base_params() {
    patient_params<R> p;
    p.primary_organ = organ::breast;
    p.primary.growth.birth = R(0.14);
    p.primary.growth.death = R(0.13);
    p.primary.growth.carrying_capacity = 1000000000000;
    p.metastasis = p.primary;
    p.metastasis.dormancy.angiogenic_switch = R(0.01);
    p.sites[static_cast<int>(organ::bone)].tropism = R(0.5);
    p.sites[static_cast<int>(organ::liver)].tropism = R(0.3);
    p.sites[static_cast<int>(organ::lung)].tropism = R(0.2);
    p.sites[static_cast<int>(organ::bone)].symptom_cells = 1000000000;
    return p;
}

template <class S>
void check_cascade() {
    // Four primaries (1e7 cells, invasive) shed for 60 days and are then removed; 400 days later
    // every founder has either died out or established itself. The share of shed cells that
    // founded a lasting metastasis is the cascade's efficiency times the founder's survival
    // chance 1 - d/b.
    using R = real_t<S>;
    patient_params<R> p = base_params<R>();
    p.spread.survive = R(0.1);
    p.spread.colonise = R(0.003);
    p.invasion = R(1.0);
    p.invasion_min_cells = 1;
    p.metastasis.growth.carrying_capacity = 0;
    p.metastasis.dormancy.angiogenic_switch = R(0.0);  // metastases do not shed
    static patient<S, 64, 2> pt;
    double shed = 0;
    int lasting = 0;
    for (std::uint64_t n = 0; n < 4; ++n) {
        REQUIRE(pt.start(p, 1, n, 10000000) == errc::ok);
        for (int day = 0; day < 60; ++day) pt.step(p);
        CHECK(pt.resect(0) == errc::ok);
        for (int day = 0; day < 400; ++day) pt.step(p);
        for (int i = 1; i < 64; ++i) lasting += pt[i].cells.cells() > 0 ? 1 : 0;
        CHECK(pt.founders_lost() * 100 <= pt.cells_colonised());  // the table (64 slots) almost never fills
        shed += static_cast<double>(pt.cells_shed());
    }
    const double b = 0.14, d = 0.13;
    const double expected = shed * test::as_double(p.spread.founding_efficiency()) * (1 - d / b);
    CHECK(expected > 40);
    CHECK(lasting > expected / 2);
    CHECK(lasting < expected * 2);
    // with the default cascade almost every shed cell dies
    patient_params<R> q = base_params<R>();
    q.invasion = R(1.0);
    q.invasion_min_cells = 1;
    static patient<S, 16, 2> other;
    REQUIRE(other.start(q, 2, 0, 100000000) == errc::ok);
    for (int day = 0; day < 100; ++day) other.step(q);
    CHECK(other.cells_shed() > 1000000);
    CHECK(static_cast<double>(other.cells_colonised()) < 1e-5 * static_cast<double>(other.cells_shed()));
}

template <class S>
void check_tropism() {
    // Blood-borne founders only, no first-bed arrest: organs follow the tropism weights.
    using R = real_t<S>;
    patient_params<R> p = base_params<R>();
    p.spread.survive = R(0.1);
    p.spread.colonise = R(0.05);
    p.spread.lymphatic = R(0.0);
    p.spread.first_bed = R(0.0);
    p.invasion = R(1.0);
    p.invasion_min_cells = 1;
    std::uint32_t counts[organ_count] = {};
    std::uint32_t total = 0;
    auto sink = [&](const event& e) {
        if (e.code == event_code::new_lesion) {
            ++counts[e.value];
            ++total;
        }
    };
    static patient<S, 16, 2> pt;
    for (std::uint64_t n = 0; n < 60 && total < 1500; ++n) {
        REQUIRE(pt.start(p, 3, n, 1000000) == errc::ok);
        for (int day = 0; day < 30; ++day) pt.step(p, sink);
    }
    const double w[3] = {0.5, 0.3, 0.2};
    const int organs[3] = {static_cast<int>(organ::bone), static_cast<int>(organ::liver), static_cast<int>(organ::lung)};
    std::uint32_t observed[3] = {};
    double expected[3] = {};
    for (int i = 0; i < 3; ++i) {
        observed[i] = counts[organs[i]];
        expected[i] = w[i];
    }
    CHECK(total >= 1500);
    CHECK(observed[0] + observed[1] + observed[2] == total);
    int df = 0;
    const double stat = test::chi_square(observed, expected, 3, 0, total, df);
    CHECK(test::chi_square_ok(stat, df));
}

template <class S>
void check_founders() {
    // A primary of three genotypes (50/25/25%): every metastasis starts from one clone, picked in
    // proportion to the proliferating cells, so lesions differ.
    using R = real_t<S>;
    patient_params<R> p = base_params<R>();
    mechanism<R> m;
    p.primary.resistance.add(m);
    p.primary.resistance.add(m);
    p.metastasis.resistance = p.primary.resistance;
    p.spread.survive = R(0.1);
    p.spread.colonise = R(0.05);
    p.invasion = R(1.0);
    p.invasion_min_cells = 1;
    std::uint32_t by_genotype[4] = {};
    static patient<S, 16, 4> pt;
    int single_clone = 0, founded = 0;
    auto sink = [&](const event& e) {
        if (e.code != event_code::new_lesion) return;
        ++by_genotype[e.genotype & 3];
        ++founded;
        const population<S, 4>& cells = pt[e.lesion].cells;
        const bool one = cells.clone_count() == 1 && cells.cells() == 1 && cells.cells_with(e.genotype) == (e.genotype ? 1u : 0u);
        single_clone += one ? 1 : 0;
    };
    for (std::uint64_t n = 0; n < 10; ++n) {
        REQUIRE(pt.start(p, 4, n, 2000000) == errc::ok);
        // the primary's two resistant subclones, a quarter of its cells each
        CHECK(pt.add_cells(0, 1, 1000000) == errc::ok);
        CHECK(pt.add_cells(0, 2, 1000000) == errc::ok);
        for (int day = 0; day < 3; ++day) pt.step(p, sink);
    }
    CHECK(founded > 100);
    CHECK(single_clone == founded);
    const std::uint32_t total = by_genotype[0] + by_genotype[1] + by_genotype[2];
    CHECK(by_genotype[3] == 0);
    CHECK(by_genotype[1] > 0);
    CHECK(by_genotype[2] > 0);
    const double share0 = by_genotype[0] / static_cast<double>(total);
    CHECK(test::dabs(share0 - 0.5) <= 4 * std::sqrt(0.25 / total));
}

template <class S>
void check_hidden_micrometastases() {
    // When the primary is first seen, metastases already exist that no scan shows: stage looks
    // localized, the truth is not. Removing the visible disease leaves NED, not cure.
    using R = real_t<S>;
    patient_params<R> p = base_params<R>();
    p.invasion = R(0.02);
    p.invasion_min_cells = 100000;
    p.spread.colonise = R(0.01);
    static patient<S, 16, 2> pt;
    REQUIRE(pt.start(p, 5, 0, 1000) == errc::ok);
    for (int day = 0; day < 5000 && pt.result().diagnosis_day < 0; ++day) pt.step(p);
    REQUIRE(pt.result().diagnosis_day > 0);
    const auto seen = pt.observe(p);
    CHECK(seen.visible_count == 1);
    CHECK(seen.clinical_stage == stage::localized);
    int hidden = 0;
    for (int i = 1; i < 16; ++i) hidden += pt[i].cells.cells() > 0 ? 1 : 0;
    CHECK(hidden > 0);
    CHECK(pt.resect(0) == errc::ok);
    const auto after = pt.observe(p);
    CHECK(after.ned());
    CHECK_FALSE(pt.cured());
    CHECK(pt.resect(0) == errc::lesion_not_active);
    // observing into a used view (the care team's one buffer) gives the fresh view
    auto reused = seen;
    pt.observe(p, reused);
    CHECK(reused.visible_count == after.visible_count);
    CHECK(reused.clinical_stage == after.clinical_stage);
    CHECK(reused.oligometastatic == after.oligometastatic);
    CHECK(reused.symptoms == after.symptoms);
    CHECK(reused.ctc_per_7_5_ml == after.ctc_per_7_5_ml);
    CHECK(reused.marker == after.marker);
    CHECK(reused.visible[0].index == 0);
    CHECK(reused.visible[0].diameter_mm == real_const<R>::zero);
}

template <class S>
void check_death_and_clinic() {
    using R = real_t<S>;
    patient_params<R> p = base_params<R>();
    p.primary.growth.death = R(0.04);  // fast growth: death by burden within a few years
    p.lethal_cells = 100000000000;     // 1e11
    static patient<S, 16, 2> pt;
    REQUIRE(pt.start(p, 6, 0, 1000000) == errc::ok);
    int deaths = 0, detections = 0, stages = 0;
    auto sink = [&](const event& e) {
        deaths += e.code == event_code::death ? 1 : 0;
        detections += e.code == event_code::detection ? 1 : 0;
        stages += e.code == event_code::stage_change ? 1 : 0;
    };
    for (int day = 0; day < 3000 && pt.alive(); ++day) pt.step(p, sink);
    CHECK_FALSE(pt.alive());
    CHECK(deaths == 1);
    CHECK(detections >= 1);
    CHECK(stages >= 1);
    CHECK(pt.result().cause == death_cause::tumour_burden);
    CHECK(pt.total_cells() >= p.lethal_cells);
    const std::int32_t died = pt.day();
    pt.step(p, sink);  // nothing happens after death
    CHECK(pt.day() == died);
    const auto v = pt.observe(p);
    CHECK(v.visible_count >= 1);
    CHECK(v.visible[0].measurable == 1);
    CHECK(test::as_double(v.visible[0].diameter_mm) > 50.0);  // 1e11 cells: about 58 mm
    CHECK(test::as_double(v.marker) > 50.0);
    CHECK(v.ctc_per_7_5_ml > 0);
}

template <class S>
void check_all() {
#ifndef ONCOSTATE_TARGET_TEST  // statistical checks need more RAM than a micro:bit has; the
                               // fingerprint test below ties the targets to these host results
    check_cascade<S>();
    check_tropism<S>();
    check_founders<S>();
#endif
    check_hidden_micrometastases<S>();
    check_death_and_clinic<S>();
}

}  // namespace

#ifndef ONCOSTATE_TARGET_TEST
TEST_CASE("patient in float") { check_all<float>(); }
#endif
TEST_CASE("patient in fixed point") { check_all<q16_16>(); }

TEST_CASE("patient: sizes") {
    CHECK(sizeof(patient<q16_16, 16, 4>) <= 3072);
    CHECK(sizeof(patient<float, 16, 4>) <= 3072);
}

TEST_CASE("patient: parameters are validated") {
    using R = sfloat;
    patient_params<R> p = base_params<R>();
    CHECK(p.validate() == errc::ok);
    auto bad = p;
    bad.spread.survive = R(1.5);
    CHECK(bad.validate() == errc::dissemination_probability_out_of_range);
    bad = p;
    for (auto& s : bad.sites) s.tropism = R(0.0);
    CHECK(bad.validate() == errc::tropism_invalid);
    bad = p;
    bad.invasion = R(-0.1);
    CHECK(bad.validate() == errc::invasion_out_of_range);
    bad = p;
    bad.lethal_cells = 0;
    CHECK(bad.validate() == errc::lethal_burden_invalid);
    bad = p;
    bad.metastasis.growth.birth = R(2.0);
    CHECK(bad.validate() == errc::birth_probability_out_of_range);
    patient<q16_16, 4, 2> pt;
    CHECK(pt.start(bad, 1, 0) == errc::birth_probability_out_of_range);
    CHECK(pt.start(p, 1, 0, 0) == errc::cell_count_too_large);
    CHECK(pt.start(p, 1, 0) == errc::ok);
    CHECK(pt.resect(7) == errc::lesion_index_out_of_range);
    CHECK(pt.add_cells(1, 0, 5) == errc::lesion_not_active);
    CHECK(pt.add_cells(-1, 0, 5) == errc::lesion_index_out_of_range);
    CHECK(pt.resect(2) == errc::lesion_not_active);
}

TEST_CASE("patient: the progression machine follows its table") {
    CHECK(progression_machine::allowed(progression::in_situ, progression::invasive));
    CHECK(progression_machine::allowed(progression::micrometastasis, progression::dormant));
    CHECK(progression_machine::allowed(progression::dormant, progression::growing));
    CHECK(progression_machine::allowed(progression::vascularised, progression::detectable));
    CHECK(progression_machine::allowed(progression::detectable, progression::symptomatic));
    CHECK_FALSE(progression_machine::allowed(progression::invasive, progression::in_situ));
    CHECK_FALSE(progression_machine::allowed(progression::micrometastasis, progression::in_situ));
    CHECK_FALSE(progression_machine::allowed(progression::eradicated, progression::growing));
    CHECK_FALSE(progression_machine::allowed(progression::resected, progression::detectable));
    progression_machine m(progression::micrometastasis);
    CHECK(m.transition(progression::invasive) == errc::illegal_transition);
    CHECK(m.state() == progression::micrometastasis);
    CHECK(m.transition(progression::growing) == errc::ok);
    CHECK(m.transition(progression::eradicated) == errc::ok);
    CHECK(m.ended());
    CHECK(m.transition(progression::growing) == errc::illegal_transition);
}

namespace {
template <class P>
std::uint64_t state_fingerprint(const P& pt) {
    test::fingerprint f;
    f.add(static_cast<std::uint64_t>(pt.day()));
    f.add(pt.total_cells());
    f.add(pt.cells_shed());
    for (int i = 0; i < 4; ++i) f.add(pt.rng().state(i));
    for (int i = 0; i < P::max_lesions; ++i) {
        for (int c = 0; c < 2; ++c) f.add(pt[i].cells[c].proliferating ^ (pt[i].cells[c].dormant << 17));
        f.add(static_cast<std::uint64_t>(pt[i].progress.state()));
    }
    return f.h;
}
}  // namespace

TEST_CASE("patient: a primary seen and felt on the same day while in situ becomes symptomatic") {
    using R = float;
    patient_params<R> p = base_params<R>();
    p.invasion = R(0.0);  // it stays in situ
    p.sites[static_cast<int>(organ::breast)].symptom_cells = 1000000;
    static patient<float, 4, 2> pt;
    REQUIRE(pt.start(p, 1, 0, 200000000) == errc::ok);  // about 7 mm: visible and felt on day 1
    int illegal = 0, detected = 0, felt = 0;
    auto sink = [&](const event& e) {
        illegal += e.code == event_code::illegal_transition ? 1 : 0;
        detected += e.code == event_code::detection ? 1 : 0;
        felt += e.code == event_code::symptom_onset ? 1 : 0;
    };
    for (int day = 0; day < 10; ++day) pt.step(p, sink);
    CHECK(pt[0].progress.state() == progression::symptomatic);  // through detectable, both legal
    CHECK(illegal == 0);
    CHECK(detected == 1);
    CHECK(felt == 1);
}

TEST_CASE("patient: unscanned, the disease is found by its first symptom, with every visible lesion") {
    using R = float;
    patient_params<R> p = base_params<R>();
    p.invasion = R(0.0);
    p.sites[static_cast<int>(organ::breast)].symptom_cells = 1000000000;
    p.clinic.scanned_before_diagnosis = 2;
    CHECK(p.validate() == errc::clinic_parameter_invalid);
    p.clinic.scanned_before_diagnosis = 0;
    static patient<float, 4, 2> pt;
    REQUIRE(pt.start(p, 1, 0, 100000000) == errc::ok);  // visible (6 mm), not felt
    CHECK_FALSE(pt.clinic_looks(p));
    int detected_day = -1, felt_day = -1;
    bool symptom_first = false;
    auto sink = [&](const event& e) {
        if (e.code == event_code::detection && detected_day < 0) {
            detected_day = pt.day();
            symptom_first = felt_day == detected_day;  // the symptom's event came before the scan's
        }
        if (e.code == event_code::symptom_onset && felt_day < 0) felt_day = pt.day();
    };
    for (int day = 0; day < 3000 && felt_day < 0; ++day) pt.step(p, sink);
    CHECK(felt_day > 30);                 // it grew unseen from 1e8 to 1e9 cells
    CHECK(detected_day == felt_day);      // the staging scan on the day of the symptom
    CHECK(symptom_first);
    CHECK(pt.result().diagnosis_day == felt_day);
    CHECK(pt.clinic_looks(p));
    CHECK(pt[0].progress.state() == progression::symptomatic);

    p.clinic.scanned_before_diagnosis = 1;  // scanned: found the first day
    REQUIRE(pt.start(p, 1, 0, 100000000) == errc::ok);
    pt.step(p);
    CHECK(pt.result().diagnosis_day == pt.day());
}

TEST_CASE("patient: snapshots restore bit-identical runs and reject corruption") {
    using P = patient<q16_16, 8, 2>;
    using R = sfloat;
    patient_params<R> p = base_params<R>();
    p.primary.growth.death = R(0.06);
    p.lethal_cells = 10000000000;  // 1e10
    p.invasion = R(0.05);
    p.invasion_min_cells = 1000;
    p.spread.colonise = R(0.01);
    static P a, b;
    static std::uint8_t buf[snapshot_size<P>()];
    REQUIRE(a.start(p, 9, 0, 100000) == errc::ok);
    const int checkpoints[3] = {0, 300, 5000};  // day 0, mid-run, after death
    for (int cp : checkpoints) {
        for (int day = a.day(); day < cp && a.alive(); ++day) a.step(p);
        std::size_t n = 0;
        REQUIRE(save_snapshot(a, buf, sizeof buf, n) == errc::ok);
        CHECK(n == sizeof buf);
        CHECK(restore_snapshot(b, buf, n) == errc::ok);
        CHECK(state_fingerprint(a) == state_fingerprint(b));
        for (int day = 0; day < 200; ++day) {
            a.step(p);
            b.step(p);
        }
        CHECK(state_fingerprint(a) == state_fingerprint(b));
    }
    CHECK_FALSE(a.alive());
    // every single-byte corruption is rejected and leaves the target untouched
    std::size_t n = 0;
    REQUIRE(save_snapshot(a, buf, sizeof buf, n) == errc::ok);
    static P target;
    REQUIRE(target.start(p, 10, 0) == errc::ok);
    const std::uint64_t before = state_fingerprint(target);
    int accepted = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t flips[3] = {0x01, 0x80, 0xFF};
        for (std::uint8_t x : flips) {
            buf[i] ^= x;
            accepted += restore_snapshot(target, buf, n) == errc::ok ? 1 : 0;
            buf[i] ^= x;
        }
    }
    CHECK(accepted == 0);
    CHECK(state_fingerprint(target) == before);
    CHECK(restore_snapshot(target, buf, n - 1) == errc::snapshot_size_mismatch);
    CHECK(save_snapshot(a, buf, n - 1, n) == errc::buffer_too_small);
    static patient<float, 8, 2> other;
    REQUIRE(save_snapshot(a, buf, sizeof buf, n) == errc::ok);
    CHECK(restore_snapshot(other, buf, n) != errc::ok);  // another scalar type
}

namespace {
// A patient whose primary's immune effectors hold `bytes` (a state no run produces) is refused
// by well_formed(), which restoring a snapshot checks.
template <class S, std::size_t N>
bool accepts_effectors(const unsigned char (&bytes)[N]) {
    using R = real_t<S>;
    static patient<S, 1, 1> pt, copy;  // small: a micro:bit has 16 KB of RAM
    CHECK(pt.start(base_params<R>(), 3, 0, 1000) == errc::ok);
    CHECK(pt.well_formed());
    const auto* base = reinterpret_cast<const unsigned char*>(&pt);
    const auto offset = static_cast<std::size_t>(reinterpret_cast<const unsigned char*>(&pt[0].immune.effectors) - base);
    static_assert(N <= sizeof(R), "the bytes replace the start of one value");
    std::memcpy(&copy, &pt, sizeof pt);
    std::memcpy(reinterpret_cast<unsigned char*>(&copy) + offset, bytes, N);
    return copy.well_formed();
}
}  // namespace

TEST_CASE("patient: well_formed refuses impossible immune values in float") {
    // -1 (little-endian bytes): the step keeps effectors >= 0. NaN and inf are accepted: extreme
    // parameters can drive the float model there.
    const unsigned char nan_f[4] = {0x00, 0x00, 0xC0, 0x7F}, minus_one_f[4] = {0x00, 0x00, 0x80, 0xBF};
    const unsigned char two_f[4] = {0x00, 0x00, 0x00, 0x40};
    CHECK(accepts_effectors<float>(nan_f));
    CHECK_FALSE(accepts_effectors<float>(minus_one_f));
    CHECK(accepts_effectors<float>(two_f));
}

// A separate case: on a micro:bit one test's stack holds one parameter set, not two.
TEST_CASE("patient: well_formed refuses impossible immune values in fixed point") {
    // a mantissa without its top bit is no value sfloat arithmetic makes
    const unsigned char unnormalised[4] = {0x01, 0x00, 0x00, 0x00};
    CHECK_FALSE(accepts_effectors<q16_16>(unnormalised));
    // nor is a sign byte of 2 (three fields on x86: the sign's byte; one word on ARM: bit 49)
    const unsigned char bad_sign[7] = {0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x02};
    CHECK_FALSE(accepts_effectors<q16_16>(bad_sign));
}

TEST_CASE("patient: fixed-point runs are bit-identical on every platform") {
    using R = sfloat;
    patient_params<R> p = base_params<R>();
    p.invasion = R(0.05);
    p.invasion_min_cells = 10000;
    p.spread.colonise = R(0.01);
    p.immune_on = 1;
    static patient<q16_16, 8, 2> pt;
    REQUIRE(pt.start(p, 2026, 7, 100000) == errc::ok);
    test::fingerprint f;
    auto sink = [&f](const event& e) { f.add(static_cast<std::uint64_t>(e.code) << 56 ^ e.value ^ static_cast<std::uint64_t>(e.lesion) << 48); };
    for (int day = 0; day < 1500 && pt.alive(); ++day) pt.step(p, sink);
    f.add(state_fingerprint(pt));
    CHECK(f.h == 16847124762396361228u);  // recorded on x86-64; must match on every target
}
