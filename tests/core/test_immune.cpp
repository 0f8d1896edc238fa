// The immune response (Kuznetsov, Makalkin, Taylor & Perelson, Bull Math Biol 1994;56:295) against
// its equilibria, computed here in double: a dormant stable focus, a threshold saddle, an escape
// node; immune escape, checkpoint strength, the x-only advance and the kernel coupling.
#include "oncostate_test.hpp"
#include "stats.hpp"

#include <oncostate/oncostate.hpp>

#include <cmath>
#include <limits>

using namespace oncostate;

namespace {

// The paper's parameters, in double.
constexpr double sigma = 0.1181, rho = 1.131, eta = 20.19, mu = 0.00311, delta = 0.3743, alpha = 1.636,
                 beta = 0.002;

// Where the nullclines meet (y > 0): x = alpha (1 - beta y) on the y-nullcline, put into dx = 0.
double nullcline_gap(double y) { return sigma + (rho * y / (eta + y) - mu * y - delta) * alpha * (1 - beta * y); }

double bisect(double lo, double hi) {
    const bool lo_positive = nullcline_gap(lo) > 0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        if ((nullcline_gap(mid) > 0) == lo_positive) lo = mid;
        else hi = mid;
    }
    return 0.5 * (lo + hi);
}

struct point {
    double x, y;
};
point equilibrium(double lo, double hi) {
    const double y = bisect(lo, hi);
    return {alpha * (1 - beta * y), y};
}
point dormant() { return equilibrium(1, 50); }
point threshold() { return equilibrium(100, 350); }
point escape() { return equilibrium(350, 499); }

// Trace and determinant of the Jacobian at an equilibrium with y > 0.
void jacobian(point e, double& trace, double& det) {
    const double a11 = rho * e.y / (eta + e.y) - mu * e.y - delta;
    const double a12 = rho * e.x * eta / ((eta + e.y) * (eta + e.y)) - mu * e.x;
    const double a21 = -e.y;
    const double a22 = alpha - 2 * alpha * beta * e.y - e.x;
    trace = a11 + a22;
    det = a11 * a22 - a12 * a21;
}

// Relative tolerance for one real type (the parameters themselves are rounded to it).
template <class R>
double tol() {
    return std::numeric_limits<R>::is_specialized ? (sizeof(R) == 4 ? 1e-5 : 1e-11) : 1e-8;
}

template <class R>
double d(R v) {
    return test::as_double(v);
}

// |x - x*| / x* + |y - y*| / y*
double distance(double x, double y, point e) { return test::dabs(x - e.x) / e.x + test::dabs(y - e.y) / e.y; }

template <class R>
void check_rhs_vanishes() {
    const immune_params<R> p;
    const double t = tol<R>();
    // tumour-free: x = sigma / delta, y = 0
    const immune_state<R> s;
    CHECK(test::dabs(d(s.effectors) - sigma / delta) <= t);
    CHECK(test::dabs(d(immune_dx(p, s.effectors, R(0.0)))) <= t);
    CHECK(d(tumour_dy(p, s.effectors, R(0.0))) == 0.0);
    const point eqs[3] = {dormant(), threshold(), escape()};
    for (const point& e : eqs) {
        // scale: the sum of the magnitudes of the terms that cancel
        const double sx = sigma + rho * e.x * e.y / (eta + e.y) + mu * e.x * e.y + delta * e.x;
        const double sy = alpha * e.y + alpha * beta * e.y * e.y + e.x * e.y;
        CHECK(test::dabs(d(immune_dx(p, R(e.x), R(e.y)))) <= 8 * t * sx);
        CHECK(test::dabs(d(tumour_dy(p, R(e.x), R(e.y)))) <= 8 * t * sy);
        // and not by accident: 10% off in x, dy is 0.1 x y, far above the tolerance
        CHECK(test::dabs(d(tumour_dy(p, R(e.x * 1.1), R(e.y)))) > 80 * t * sy);
    }
}

template <class R>
void check_focus() {
    // 10% above the dormant tumour size: a damped spiral (eigenvalues -0.0501 +/- 0.576 i).
    const immune_params<R> p;
    const point e = dormant();
    R x = R(e.x), y = R(e.y * 1.1);
    const double d0 = distance(d(x), d(y), e);
    double d50 = 0;
    int crossings = 0;
    bool above = true;
    for (int t = 1; t <= 200; ++t) {
        kuznetsov_step(p, x, y, R(1.0));
        const bool now_above = d(y) > e.y;
        crossings += now_above != above ? 1 : 0;
        above = now_above;
        if (t == 50) d50 = distance(d(x), d(y), e);
    }
    const double d200 = distance(d(x), d(y), e);
    CHECK(d50 < 0.2 * d0);      // 0.1 -> 0.0083 (double)
    CHECK(d200 < 0.01 * d50);   // -> 3.5e-6
    CHECK(crossings >= 3);      // a focus, not a node: about 37 crossings in 200 units
}

template <class R>
void check_escape() {
    const immune_params<R> p;
    const point e = escape(), dm = dormant();
    R x = R(sigma / delta), y = R(400.0);
    for (int t = 0; t < 100; ++t) kuznetsov_step(p, x, y, R(1.0));
    CHECK(test::dabs(d(y) - e.y) <= 1e-3 * e.y);
    CHECK(test::dabs(d(x) - e.x) <= 1e-3 * e.x);
    CHECK(d(y) > 40 * dm.y);
    // A small tumour meeting the tumour-free effector level is held dormant instead.
    x = R(sigma / delta);
    y = R(20.0);
    for (int t = 0; t < 300; ++t) kuznetsov_step(p, x, y, R(1.0));
    CHECK(distance(d(x), d(y), dm) < 0.01);
}

template <class R>
void check_immune_escape() {
    // Antigen loss: at visibility 0.3 a tumour at the dormant equilibrium escapes (y -> 478).
    immune_params<R> p;
    p.visibility = R(0.3);
    REQUIRE(p.validate() == errc::ok);
    const point dm = dormant();
    R x = R(dm.x), y = R(dm.y);
    for (int t = 0; t < 50; ++t) kuznetsov_step(p, x, y, R(1.0));
    CHECK(d(y) > 400.0);
    CHECK(d(x) < dm.x);
}

template <class R>
void check_strength() {
    // Checkpoint inhibition: strength 2 brings an escaped tumour back to a dormant level (y* = 3.23)
    // below the untreated one.
    immune_params<R> p;
    p.strength = R(2.0);
    REQUIRE(p.validate() == errc::ok);
    const point e = escape();
    R x = R(e.x), y = R(e.y);
    for (int t = 0; t < 300; ++t) kuznetsov_step(p, x, y, R(1.0));
    CHECK(d(y) < 0.5 * dormant().y);
    CHECK(d(y) > 1.0);
}

template <class R>
void check_kill_probability() {
    immune_params<R> p;
    immune_state<R> s;
    s.effectors = R(1.6);
    CHECK(d(immune_kill_probability(p, s, R(0.0))) == 0.0);
    CHECK(d(immune_kill_probability(p, s, R(-0.05))) == 0.0);
    CHECK(d(immune_dtau_per_day(p, R(0.0))) == 0.0);
    CHECK(test::dabs(d(immune_dtau_per_day(p, R(0.18))) - 0.18 / alpha) <= tol<R>() * 0.18 / alpha);
    // increases with x
    double last = -1;
    const double xs[4] = {0.0, 0.3, 1.6, 5.0};
    for (double xv : xs) {
        s.effectors = R(xv);
        const double q = d(immune_kill_probability(p, s, R(0.02)));
        CHECK(q > last);
        last = q;
    }
    // equals -expm1(-g x visibility / alpha)
    struct sample {
        double g, x, v;
    };
    const sample samples[5] = {{0.01, 1.609, 1.0}, {0.2, 0.3155, 1.0}, {0.05, 3.0, 0.4}, {0.001, 0.02, 1.0}, {1.0, 50.0, 1.0}};
    for (const sample& c : samples) {
        p.visibility = R(c.v);
        s.effectors = R(c.x);
        const double want = -std::expm1(-c.g * c.x * c.v / alpha);
        const double got = d(immune_kill_probability(p, s, R(c.g)));
        CHECK(test::dabs(got - want) <= 4 * tol<R>() * want);
        CHECK(got <= 1.0);
    }
    p.visibility = R(0.0);
    CHECK(d(immune_kill_probability(p, s, R(0.1))) == 0.0);
}

template <class R>
void check_advance() {
    // With y fixed, x relaxes to the x-nullcline sigma / (delta + mu y - rho y / (eta + y)).
    const immune_params<R> p;
    const double ys[2] = {1.0, 300.0};
    for (double yv : ys) {
        const double target = sigma / (delta + mu * yv - rho * yv / (eta + yv));
        REQUIRE(target > 0);
        immune_state<R> s;
        for (int t = 0; t < 120; ++t) immune_advance(p, s, R(yv), R(1.0));
        CHECK(test::dabs(d(s.effectors) - target) <= 10 * tol<R>() * target);
        // three long calls (64 sub-steps of 0.625 each) from elsewhere reach it too
        immune_state<R> u;
        u.effectors = R(3.0);
        for (int i = 0; i < 3; ++i) immune_advance(p, u, R(yv), R(40.0));
        CHECK(test::dabs(d(u.effectors) - target) <= 10 * tol<R>() * target);
        // dtau <= 0 changes nothing
        const R before = u.effectors;
        immune_advance(p, u, R(yv), R(0.0));
        immune_advance(p, u, R(yv), R(-1.0));
        CHECK(u.effectors == before);
    }
}

template <class R>
void check_validate() {
    immune_params<R> p;
    CHECK(p.validate() == errc::ok);
    p.mu = R(-0.001);
    CHECK(p.validate() == errc::negative_value);
    p = immune_params<R>{};
    p.visibility = R(1.5);
    CHECK(p.validate() == errc::probability_out_of_range);
    p = immune_params<R>{};
    p.strength = R(100.0);
    CHECK(p.validate() == errc::value_too_large);
    p = immune_params<R>{};
    p.cells_per_unit = 0;
    CHECK(p.validate() == errc::negative_value);
    p = immune_params<R>{};
    p.cells_per_unit = (std::uint64_t{1} << 62) + 1;
    CHECK(p.validate() == errc::value_too_large);
    if constexpr (std::numeric_limits<R>::has_quiet_NaN) {
        p = immune_params<R>{};
        p.eta = std::numeric_limits<R>::quiet_NaN();
        CHECK(p.validate() == errc::not_a_number);
    }
}

}  // namespace

TEST_CASE("immune: the equilibria of Kuznetsov et al. 1994 (computed here in double)") {
    // three positive equilibria: f changes sign exactly once in each bracket
    CHECK(nullcline_gap(1) * nullcline_gap(50) < 0);
    CHECK(nullcline_gap(100) * nullcline_gap(350) < 0);
    CHECK(nullcline_gap(350) * nullcline_gap(499) < 0);
    const point dm = dormant(), th = threshold(), es = escape();
    CHECK(test::dabs(dm.y - 8.1897067) < 1e-6);
    CHECK(test::dabs(dm.x - 1.6092033) < 1e-6);
    CHECK(test::dabs(th.y - 267.79796) < 1e-4);
    CHECK(test::dabs(th.x - 0.7597651) < 1e-6);
    CHECK(test::dabs(es.y - 447.13423) < 1e-4);
    CHECK(test::dabs(es.x - 0.1729768) < 1e-6);
    double tr = 0, det = 0;
    jacobian(dm, tr, det);  // stable focus: complex eigenvalues, negative real part
    CHECK(tr < 0);
    CHECK(tr * tr - 4 * det < 0);
    CHECK(test::dabs(0.5 * tr + 0.050094) < 1e-5);
    CHECK(test::dabs(0.5 * test::dsqrt(4 * det - tr * tr) - 0.576297) < 1e-5);
    jacobian(th, tr, det);  // saddle
    CHECK(det < 0);
    jacobian(es, tr, det);  // stable node: real eigenvalues, both negative
    CHECK(det > 0);
    CHECK(tr < 0);
    CHECK(tr * tr - 4 * det > 0);
    // tumour-free: eigenvalues -delta and alpha - sigma / delta > 0 (a saddle: a few cells can grow)
    CHECK(alpha - sigma / delta > 0);
}

TEST_CASE("immune: the right-hand sides vanish at the equilibria") {
    check_rhs_vanishes<float>();
    check_rhs_vanishes<double>();
    check_rhs_vanishes<sfloat>();
}

TEST_CASE("immune: a tumour near dormancy spirals into the dormant focus") {
    check_focus<float>();
    check_focus<double>();
    check_focus<sfloat>();
}

TEST_CASE("immune: a large tumour escapes, a small one is held dormant") {
    check_escape<float>();
    check_escape<double>();
    check_escape<sfloat>();
}

TEST_CASE("immune: lowered visibility (antigen loss) lets a dormant tumour escape") {
    check_immune_escape<float>();
    check_immune_escape<double>();
    check_immune_escape<sfloat>();
}

TEST_CASE("immune: raised strength (checkpoint inhibition) restores dormancy") {
    check_strength<float>();
    check_strength<double>();
    check_strength<sfloat>();
}

TEST_CASE("immune: kill probability of the kernel coupling") {
    check_kill_probability<float>();
    check_kill_probability<double>();
    check_kill_probability<sfloat>();
}

TEST_CASE("immune: immune_advance with y fixed reaches the x-nullcline") {
    check_advance<float>();
    check_advance<double>();
    check_advance<sfloat>();
}

TEST_CASE("immune: validate names the bad field's error") {
    check_validate<float>();
    check_validate<double>();
    check_validate<sfloat>();
}
