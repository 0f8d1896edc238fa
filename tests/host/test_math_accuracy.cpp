// Accuracy of the library's elementary functions against the host's double-precision libm, over
// the ranges the model uses. The bounds here are the figures stated in docs/numerics.md.
#include <doctest/doctest.h>
#include <oncostate/oncostate.hpp>

#include <cmath>
#include <cstdio>

namespace om = oncostate::math;
using oncostate::q16_16;
using oncostate::sfloat;

namespace {

double as_double(float x) { return static_cast<double>(x); }
double as_double(double x) { return x; }
double as_double(sfloat x) { return x.to_double(); }
template <class R>
R make(double x) {
    if constexpr (std::is_same<R, sfloat>::value) {
        return sfloat::from_double(x);
    } else {
        return static_cast<R>(x);
    }
}

// Largest relative error of f against ref over a geometric or linear grid on [lo, hi].
template <class R, class F, class Ref>
double max_rel_error(F f, Ref ref, double lo, double hi, bool geometric) {
    double worst = 0;
    const int n = 4000;
    for (int i = 0; i <= n; ++i) {
        const double t = static_cast<double>(i) / n;
        double x = geometric ? lo * std::pow(hi / lo, t) : lo + (hi - lo) * t;
        x = as_double(make<R>(x));  // evaluate both at the same representable input
        const double want = ref(x);
        if (want == 0) continue;
        const double err = std::fabs(as_double(f(make<R>(x))) - want) / std::fabs(want);
        if (err > worst) worst = err;
    }
    return worst;
}

// bound holds for every function; core_bound for exp, log, log1p, expm1 and sqrt, which sfloat
// computes in integer fixed point and rounds once (half a unit in the last place is 2^-32 = 2.3e-10).
template <class R>
void report_and_check(const char* type, double bound, double core_bound) {
    struct row {
        const char* name;
        double err;
    };
    const row rows[] = {
        {"exp [-40, 40]", max_rel_error<R>([](R x) { return om::exp(x); }, [](double x) { return std::exp(x); }, -40, 40, false)},
        {"log [1e-15, 1e15]", max_rel_error<R>([](R x) { return om::log(x); }, [](double x) { return std::log(x); }, 1e-15, 1e15, true)},
        {"log1p [1e-15, 10]", max_rel_error<R>([](R x) { return om::log1p(x); }, [](double x) { return std::log1p(x); }, 1e-15, 10, true)},
        {"log1p [-0.5, -1e-15]", max_rel_error<R>([](R x) { return om::log1p(-x); }, [](double x) { return std::log1p(-x); }, 1e-15, 0.5, true)},
        {"expm1 [-5, 5]", max_rel_error<R>([](R x) { return om::expm1(x); }, [](double x) { return std::expm1(x); }, -5, 5, false)},
        {"expm1 [1e-15, 1e-3]", max_rel_error<R>([](R x) { return om::expm1(-x); }, [](double x) { return std::expm1(-x); }, 1e-15, 1e-3, true)},
        {"sqrt [1e-12, 1e18]", max_rel_error<R>([](R x) { return om::sqrt(x); }, [](double x) { return std::sqrt(x); }, 1e-12, 1e18, true)},
        {"cbrt [1e-3, 1e13]", max_rel_error<R>([](R x) { return om::cbrt(x); }, [](double x) { return std::cbrt(x); }, 1e-3, 1e13, true)},
        {"pow(x, 0.37) [1e-6, 1e6]", max_rel_error<R>([](R x) { return om::pow(x, make<R>(0.37)); }, [](double x) { return std::pow(x, as_double(make<R>(0.37))); }, 1e-6, 1e6, true)},
    };
    for (const row& r : rows) {
        std::printf("accuracy: %-7s %-26s max relative error %.2e\n", type, r.name, r.err);
        const bool core = &r - rows < 7;  // exp to sqrt: the rows before cbrt
        CHECK(r.err < (core ? core_bound : bound));
    }
}

}  // namespace

TEST_CASE("math accuracy against libm: float") { report_and_check<float>("float", 1e-6, 1e-6); }
TEST_CASE("math accuracy against libm: double") { report_and_check<double>("double", 4e-15, 4e-15); }
TEST_CASE("math accuracy against libm: sfloat") { report_and_check<sfloat>("sfloat", 5e-9, 2.4e-10); }

TEST_CASE("math accuracy against libm: Q16.16 (absolute, in steps of 2^-16)") {
    double worst = 0;
    for (int i = -600000; i <= 600000; i += 7) {  // x in [-9.15, 9.15]
        const q16_16 x = q16_16::from_raw(i);
        const double want = std::exp(x.to_double());
        if (want >= 32767) continue;
        worst = std::fmax(worst, std::fabs(om::exp(x).to_double() - want) * 65536);
    }
    for (int i = 1; i <= 2000000000; i += 99991) {
        const q16_16 x = q16_16::from_raw(i);
        worst = std::fmax(worst, std::fabs(om::log(x).to_double() - std::log(x.to_double())) * 65536);
        worst = std::fmax(worst, std::fabs(om::sqrt(x).to_double() - std::sqrt(x.to_double())) * 65536);
        worst = std::fmax(worst, std::fabs(om::cbrt(x).to_double() - std::cbrt(x.to_double())) * 65536);
    }
    std::printf("accuracy: q16.16  exp/log/sqrt/cbrt           max absolute error %.3f steps\n", worst);
    CHECK(worst <= 0.75);  // 0.5 from the final rounding, the rest from sfloat (exp near 9 has slope 8000)
}
