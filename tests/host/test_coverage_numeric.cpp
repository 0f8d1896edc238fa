// Coverage: numeric corner cases (extreme exponents, subnormals, NaN and saturation), the
// generator's degenerate states, categorical draws over no weight, and a few patient-level
// rules (death by a vital organ, preset fallback, scenario lookup).
#include <doctest/doctest.h>
#include <oncostate/oncostate.hpp>

#include <cstdint>
#include <cstring>
#include <limits>

namespace os = oncostate;
using os::errc;

TEST_CASE("coverage: IEEE ldexp and frexp at the ends of the exponent range") {
    using tf = os::real_traits<float>;
    using td = os::real_traits<double>;
    CHECK(tf::ldexp(1.0f, 200) == std::numeric_limits<float>::infinity());
    CHECK(tf::ldexp(1.0f, -200) == 0.0f);
    CHECK(tf::ldexp(1.0f, 1000000) == std::numeric_limits<float>::infinity());  // clamped, no long loop
    CHECK(tf::ldexp(0.75f, 128) == 1.5f * 1.7014118346046923e38f);  // through the scaling loop, still finite
    CHECK(tf::ldexp(1.0f, -140) > 0.0f);  // a subnormal
    CHECK(td::ldexp(1.0, 1100) == std::numeric_limits<double>::infinity());
    CHECK(td::ldexp(1.0, -1030) > 0.0);
    CHECK(td::ldexp(1.0, -1200) == 0.0);
    int k = 99;
    CHECK(tf::frexp(0.0f, k) == 0.0f);
    CHECK(k == 0);
    const float sub = std::numeric_limits<float>::denorm_min() * 8.0f;  // 2^-146
    const float m = tf::frexp(sub, k);
    CHECK(m == 0.5f);
    CHECK(k == -145);
    const double dsub = std::numeric_limits<double>::denorm_min() * 3.0;
    const double dm = td::frexp(dsub, k);
    CHECK(dm == 0.75);
    CHECK(k == -1072);
    CHECK(tf::frexp(-6.0f, k) == -0.75f);
    CHECK(k == 3);
}

TEST_CASE("coverage: floor_int of NaN and of values beyond int64") {
    using tf = os::real_traits<float>;
    using td = os::real_traits<double>;
    CHECK(tf::floor_int(std::numeric_limits<float>::quiet_NaN()) == 0);
    CHECK(tf::floor_int(1e30f) == INT64_MAX);
    CHECK(tf::floor_int(-1e30f) == INT64_MIN);
    CHECK(td::floor_int(std::numeric_limits<double>::quiet_NaN()) == 0);
    CHECK(td::floor_int(1e19) == INT64_MAX);
    CHECK(td::floor_int(-1e19) == INT64_MIN);
    CHECK(td::floor_int(-2.5) == -3);
    CHECK(tf::fraction64(-1.0f) == 0);
    CHECK(tf::fraction64(1.0f) == UINT64_MAX);
    CHECK(tf::fraction64(0.5f) == (std::uint64_t{1} << 63));
}

TEST_CASE("coverage: fixed from double rounds, saturates and maps NaN to zero") {
    using q = os::q16_16;
    CHECK(q(std::numeric_limits<double>::quiet_NaN()).raw() == 0);
    CHECK(q(1e30).raw() == INT32_MAX);
    CHECK(q(-1e30).raw() == INT32_MIN);
    CHECK(q(1e9).raw() == INT32_MAX);
    CHECK(q(-1.5).raw() == -98304);
    CHECK(q(0.5 / 65536.0).raw() == 1);  // half a step rounds away from zero
    CHECK(q(-0.5 / 65536.0).raw() == -1);
}

TEST_CASE("coverage: sfloat frexp of zero, and saturation through the real traits") {
    using ts = os::real_traits<os::sfloat>;
    int k = 5;
    CHECK(ts::frexp(os::sfloat{}, k).is_zero());
    CHECK(k == 0);
    const os::sfloat m = ts::frexp(os::sfloat(12.0), k);
    CHECK(m.to_double() == 0.75);
    CHECK(k == 4);
    CHECK(os::math::sqrt(os::sfloat(-4.0)).is_zero());
    CHECK(os::math::sqrt(os::sfloat{}).is_zero());
    CHECK(os::math::cbrt(os::sfloat{}).is_zero());
    CHECK(os::math::cbrt(os::sfloat(-27.0)).to_double() == doctest::Approx(-3.0));
    CHECK(os::math::exp(os::sfloat(20000.0)) == os::sfloat::max());
    CHECK(os::math::exp(os::sfloat(-20000.0)).is_zero());
    CHECK(os::math::pow(os::sfloat(7.0), os::sfloat{}) == os::sfloat(1.0));
    CHECK(os::math::pow(os::sfloat{}, os::sfloat(2.0)).is_zero());
}

TEST_CASE("coverage: float and double exp saturate, pow and cbrt edge values") {
    CHECK(os::math::exp(100.0f) == os::real_traits<float>::max());
    CHECK(os::math::exp(-100.0f) == 0.0f);
    CHECK(os::math::exp(800.0) == os::real_traits<double>::max());
    CHECK(os::math::exp(-800.0) == 0.0);
    CHECK(os::math::pow(3.0, 0.0) == 1.0);
    CHECK(os::math::pow(-3.0f, 2.0f) == 0.0f);
    CHECK(os::math::cbrt(0.0) == 0.0);
    CHECK(os::math::cbrt(-8.0f) == doctest::Approx(-2.0f));
    CHECK(os::math::sqrt(-1.0) == 0.0);
    CHECK(os::math::log1p(-1.0) == -os::real_traits<double>::max());
}

TEST_CASE("coverage: xoshiro128pp replaces the all-zero state and compares word by word") {
    const os::xoshiro128pp z = os::xoshiro128pp::from_state(0, 0, 0, 0);
    CHECK(z.state(0) == 1);
    CHECK(z == os::xoshiro128pp::from_state(1, 0, 0, 0));
    const os::xoshiro128pp a = os::xoshiro128pp::from_state(1, 2, 3, 4);
    CHECK(a != os::xoshiro128pp::from_state(1, 2, 3, 5));
    CHECK(a != os::xoshiro128pp::from_state(1, 2, 9, 4));
    CHECK(a != os::xoshiro128pp::from_state(1, 9, 3, 4));
    CHECK(a != os::xoshiro128pp::from_state(9, 2, 3, 4));
    CHECK(a == os::xoshiro128pp::from_state(1, 2, 3, 4));
}

TEST_CASE("coverage: categorical over no positive weight returns count and draws nothing") {
    os::xoshiro128pp g(1, 2);
    const os::xoshiro128pp before = g;
    const float none[3] = {0.0f, -1.0f, 0.0f};
    CHECK(os::categorical(g, none, 3) == 3);
    CHECK(os::categorical(g, none, 0) == 0);
    CHECK(g == before);
    const double one[4] = {-2.0, 0.0, 5.0, 0.0};
    for (int i = 0; i < 50; ++i) CHECK(os::categorical(g, one, 4) == 2);
}

TEST_CASE("coverage: a vital organ fails before the total burden is lethal") {
    os::patient_params<float> p;
    p.primary.growth.birth = 0.2f;
    p.primary.growth.death = 0.05f;
    p.metastasis = p.primary;
    p.invasion = 0.0f;
    p.sites[static_cast<int>(os::organ::lung)].tropism = 1.0f;
    p.primary_organ = os::organ::brain;
    p.sites[static_cast<int>(os::organ::brain)].vital_cells = 5000000;
    os::patient<float, 4, 2> pt;
    REQUIRE(pt.start(p, 1, 0, 1000000) == errc::ok);
    for (int d = 0; d < 100 && pt.alive(); ++d) pt.step(p);
    REQUIRE_FALSE(pt.alive());
    CHECK(pt.result().cause == os::death_cause::vital_organ);
    CHECK(pt.result().failed_organ == os::organ::brain);
    CHECK(pt.total_cells() >= 5000000);
    CHECK(pt.total_cells() < p.lethal_cells);
}

TEST_CASE("coverage: an out-of-range cancer type falls back to a valid preset") {
    os::cancer unknown = os::cancer::count_;  // not const: evaluated at run time, not folded
    auto p = os::preset<float>(unknown);
    CHECK(p.validate() == errc::ok);
    CHECK(p.primary_organ == os::organ::breast);
    auto plan = os::standard_plan<float>(unknown);
    CHECK(plan.validate() == errc::ok);
    CHECK(plan.line_count == 2);
}

TEST_CASE("coverage: find_scenario matches whole names only") {
    const char* name = "late-relapse";  // not const: evaluated at run time, not folded
    const os::scenario* s = os::find_scenario(name);
    REQUIRE(s != nullptr);
    CHECK(s->id == os::lesson::late_relapse);
    CHECK(os::find_scenario("late-relapse-x") == nullptr);
    CHECK(os::find_scenario("late-relaps") == nullptr);
    CHECK(os::find_scenario("") == nullptr);
    CHECK(os::find_scenario("no-such-lesson") == nullptr);
}
