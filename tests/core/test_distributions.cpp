// Distributions: moments within 4 standard errors and chi-square goodness of fit, in every real
// type, with fixed seeds. Reference probabilities come from <cmath>, independent of the library.
#include "oncostate_test.hpp"
#include "stats.hpp"

#include <cmath>

using oncostate::sfloat;
using oncostate::xoshiro128pp;

namespace {

template <class R>
R real(double x) {
    if constexpr (std::is_same<R, sfloat>::value) {
        return sfloat::from_double(x);
    } else {
        return static_cast<R>(x);
    }
}

double binomial_log_pmf(double n, double p, double k) {
    return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1) + k * std::log(p) + (n - k) * std::log1p(-p);
}
double poisson_log_pmf(double mean, double k) { return -mean + k * std::log(mean) - std::lgamma(k + 1); }

constexpr int max_bins = 64;

// Goodness of fit of an integer-valued sampler over [lo, lo + span): values are pooled into at
// most 64 bins of equal width (small tables: the Cortex-M0 has 16 KB of RAM).
template <class Draw, class Pmf>
bool fits(Draw draw, Pmf pmf, std::uint64_t lo, int span, int n) {
    std::uint32_t observed[max_bins] = {};
    double expected[max_bins] = {};
    const int width = (span + max_bins - 1) / max_bins;
    const int bins = (span + width - 1) / width;
    for (int i = 0; i < bins * width; ++i) expected[i / width] += pmf(static_cast<double>(lo + static_cast<std::uint64_t>(i)));
    const std::uint64_t hi = lo + static_cast<std::uint64_t>(bins * width);
    std::uint32_t outside = 0;
    for (int i = 0; i < n; ++i) {
        const std::uint64_t k = draw();
        if (k >= lo && k < hi) {
            ++observed[(k - lo) / static_cast<std::uint64_t>(width)];
        } else {
            ++outside;
        }
    }
    int df = 0;
    const double stat = test::chi_square(observed, expected, bins, outside, n, df);
    return test::chi_square_ok(stat, df);
}

template <class R>
void check_binomial_fit(std::uint64_t n, double p_wanted, std::uint32_t seed) {
    xoshiro128pp g(seed, 1);
    const double p = test::as_double(real<R>(p_wanted));  // the probability the sampler really gets
    const double mean = static_cast<double>(n) * p;
    const double sd = std::sqrt(mean * (1 - p));
    const double lo_d = std::floor(mean - 7 * sd);
    const std::uint64_t lo = lo_d < 0 ? 0 : static_cast<std::uint64_t>(lo_d);
    const int bins = static_cast<int>(14 * sd) + 2;
    const R pr = real<R>(p);
    const double nd = static_cast<double>(n);
    CHECK(fits([&] { return oncostate::binomial(g, n, pr); },
               [&](double k) { return k > nd ? 0.0 : std::exp(binomial_log_pmf(nd, p, k)); }, lo, bins, test::samples / 2));
}

template <class R>
void check_poisson_fit(double mean_wanted, std::uint32_t seed) {
    xoshiro128pp g(seed, 2);
    const double mean = test::as_double(real<R>(mean_wanted));
    const double sd = std::sqrt(mean);
    const double lo_d = std::floor(mean - 7 * sd);
    const std::uint64_t lo = lo_d < 0 ? 0 : static_cast<std::uint64_t>(lo_d);
    const int bins = static_cast<int>(14 * sd) + 8;
    const R m = real<R>(mean);
    CHECK(fits([&] { return oncostate::poisson(g, m); }, [&](double k) { return std::exp(poisson_log_pmf(mean, k)); }, lo,
               bins, test::samples / 2));
}

template <class R>
void check_binomial_moments(std::uint64_t n, double p_wanted, std::uint32_t seed) {
    xoshiro128pp g(seed, 3);
    test::moments m;
    const R pr = real<R>(p_wanted);
    const double p = test::as_double(pr);
    const double nd = static_cast<double>(n);
    const double shift = std::floor(nd * p);  // keeps the sums well conditioned
    for (int i = 0; i < test::samples / 4; ++i) m.add(static_cast<double>(oncostate::binomial(g, n, pr)) - shift);
    CHECK(test::mean_ok(m, nd * p - shift, nd * p * (1 - p)));
    CHECK(test::variance_ok(m, nd * p * (1 - p)));
}

template <class R>
void check_all() {
    // uniform and Bernoulli
    {
        xoshiro128pp g(11, 0);
        test::moments u, b;
        for (int i = 0; i < test::samples; ++i) {
            const double x = test::as_double(oncostate::uniform01<R>(g));
            u.add(x);
            b.add(oncostate::bernoulli(g, real<R>(0.3)) ? 1.0 : 0.0);
        }
        CHECK(test::mean_ok(u, 0.5, 1.0 / 12));
        CHECK(test::variance_ok(u, 1.0 / 12));
        CHECK(test::mean_ok(b, 0.3, 0.21));
    }
    // rare events keep their probability: Binomial(1e6, 1e-9) is non-zero with probability 1e-3
    {
        xoshiro128pp g(12, 0);
        const R p = real<R>(1e-9);
        int hits = 0;
        for (int i = 0; i < test::samples; ++i) hits += oncostate::binomial(g, 1000000, p) > 0 ? 1 : 0;
        const double q = -std::expm1(1e6 * std::log1p(-1e-9));
        const double e = q * test::samples;
        CHECK(test::dabs(hits - e) <= 4 * std::sqrt(e) + 1);
    }
    // ... and so do rare Poisson counts: P(X > 0) = 1 - e^-0.001
    {
        xoshiro128pp g(23, 0);
        const R mean = real<R>(1e-3);
        int hits = 0;
        for (int i = 0; i < test::samples; ++i) hits += oncostate::poisson(g, mean) > 0 ? 1 : 0;
        const double e = -std::expm1(-test::as_double(mean)) * test::samples;
        CHECK(test::dabs(hits - e) <= 4 * std::sqrt(e) + 1);
    }
    check_binomial_fit<R>(20, 0.3, 1);          // trial by trial, one group of 32
    check_binomial_fit<R>(40, 0.9, 2);          // two groups, through the symmetry p -> 1 - p
    check_binomial_fit<R>(50, 0.01, 17);        // trial by trial at mean 0.5
    check_binomial_fit<R>(64, 0.5, 18);         // two full groups
    check_binomial_fit<R>(200, 0.02, 19);       // inversion
    check_binomial_fit<R>(1000, 0.05, 3);       // BTRS, mean 50
    check_binomial_fit<R>(5000000, 1e-4, 4);    // BTRS, large n
    check_poisson_fit<R>(0.5, 5);               // Poisson(1) thinned by 1/2
    check_poisson_fit<R>(0.93, 20);             // Poisson(1) thinned
    check_poisson_fit<R>(0.03, 21);             // Poisson(2^-5) thinned
    check_poisson_fit<R>(1.5, 22);              // inversion
    check_poisson_fit<R>(6.5, 6);               // inversion
    check_poisson_fit<R>(50.0, 7);              // PTRS
    check_poisson_fit<R>(3000.0, 8);            // PTRS
    check_binomial_moments<R>(1000000000, 0.13, 9);            // normal approximation
    check_binomial_moments<R>(std::uint64_t{1} << 62, 1e-17, 10);  // n near 2^63, mean 46
    check_binomial_moments<R>(std::uint64_t{1} << 62, 0.5, 11);    // n near 2^63, normal
    // Poisson at a large mean and the normal sampler
    {
        xoshiro128pp g(13, 0);
        test::moments pm, nm;
        const R big = real<R>(1e6);
        for (int i = 0; i < test::samples / 4; ++i) {
            pm.add(static_cast<double>(oncostate::poisson(g, big)) - 1e6);
            nm.add(test::as_double(oncostate::normal<R>(g)));
        }
        CHECK(test::mean_ok(pm, 0.0, 1e6));
        CHECK(test::variance_ok(pm, 1e6));
        CHECK(test::mean_ok(nm, 0.0, 1.0));
        CHECK(test::variance_ok(nm, 1.0, 2.0));
    }
    // categorical
    {
        xoshiro128pp g(14, 0);
        const R w[4] = {real<R>(1.0), real<R>(0.0), real<R>(3.0), real<R>(6.0)};
        std::uint32_t counts[5] = {};
        const int n = test::samples / 2;
        for (int i = 0; i < n; ++i) ++counts[oncostate::categorical(g, w, 4)];
        CHECK(counts[1] == 0);
        CHECK(counts[4] == 0);
        CHECK(test::dabs(counts[0] - 0.1 * n) <= 4 * std::sqrt(0.09 * n));
        CHECK(test::dabs(counts[3] - 0.6 * n) <= 4 * std::sqrt(0.24 * n));
        const R none[2] = {real<R>(0.0), real<R>(-1.0)};
        CHECK(oncostate::categorical(g, none, 2) == 2);
    }
}

}  // namespace

TEST_CASE("distributions in float") { check_all<float>(); }
TEST_CASE("distributions in double") { check_all<double>(); }
TEST_CASE("distributions in sfloat (fixed-point mode)") { check_all<sfloat>(); }

TEST_CASE("distributions: edge cases") {
    xoshiro128pp g(15, 0);
    CHECK(oncostate::binomial(g, 0, 0.5) == 0);
    CHECK(oncostate::binomial(g, 10, 0.0) == 0);
    CHECK(oncostate::binomial(g, 10, -0.5) == 0);
    CHECK(oncostate::binomial(g, 10, 1.0) == 10);
    CHECK(oncostate::binomial(g, 10, 2.0) == 10);
    CHECK(oncostate::binomial(g, UINT64_MAX >> 1, 1.0) == (UINT64_MAX >> 1));
    CHECK(oncostate::poisson(g, 0.0) == 0);
    CHECK(oncostate::poisson(g, -3.0) == 0);
    CHECK_FALSE(oncostate::bernoulli(g, sfloat(0.0)));
    CHECK(oncostate::bernoulli(g, sfloat(1.0)));
    for (int i = 0; i < 1000; ++i) CHECK(oncostate::binomial(g, 7, sfloat(0.5)) <= 7);
}

namespace {
struct constant_words {  // a generator whose every word is the same
    std::uint32_t word;
    std::uint32_t next() noexcept { return word; }
};
}  // namespace

TEST_CASE("distributions: trial by trial, a uniform of all-zero bits is below any p and all-one bits below none") {
    for (std::uint64_t n = 1; n <= 64; ++n) {
        constant_words zeros{0}, ones{UINT32_MAX};
        CHECK(oncostate::binomial(zeros, n, 0.3) == n);
        CHECK(oncostate::binomial(zeros, n, sfloat(0.02)) == n);
        CHECK(oncostate::binomial(ones, n, 0.3) == 0);
        CHECK(oncostate::binomial(ones, n, sfloat(0.45)) == 0);
    }
}

TEST_CASE("distributions: sfloat draws are bit-identical on every platform") {
    // The fingerprint of a fixed sequence of draws; the same constant is checked on x86 and on
    // every Cortex-M core, so any platform dependence in sfloat arithmetic fails here.
    xoshiro128pp g(2026, 42);
    test::fingerprint f;
    for (int i = 0; i < 300; ++i) {
        f.add(oncostate::binomial(g, 1000 + static_cast<std::uint64_t>(i) * 7919, sfloat(0.013)));
        f.add(oncostate::binomial(g, std::uint64_t{1} << (20 + i % 40), sfloat(1e-9)));
        f.add(oncostate::poisson(g, sfloat::from_int(i + 1)));
        const sfloat x = oncostate::math::log(oncostate::uniform01<sfloat>(g) + sfloat(1e-6));
        f.add(x.mantissa() ^ (static_cast<std::uint64_t>(static_cast<std::uint16_t>(x.exponent())) << 32));
    }
    CHECK(f.h == 9616242285662943429u);  // recorded on x86-64; must match on every target
}

TEST_CASE("distributions: the thinned Poisson's table holds P(X > 0) of Poisson(2^-z) to 2^-52 and 2^-64") {
    const auto& t = oncostate::detail::poisson_pow2_table::value;
    int off = 0;
    for (int z = 0; z <= 32; ++z) {
        const double q = -std::expm1(-std::ldexp(1.0, -z)) * 0x1p64;  // in units of 2^-64
        off += test::dabs(static_cast<double>(t.above_zero[z]) - q) > 1 + q * 0x1p-51 ? 1 : 0;
    }
    CHECK(off == 0);
}

TEST_CASE("distributions: the ziggurat's compact sfloat table holds exactly the values of the double one") {
    // sfloat keeps each width and height as a 32-bit mantissa and a byte of exponent; rebuilt, each
    // must equal the double table's value rounded to sfloat.
    const auto& compact = oncostate::detail::ziggurat<sfloat>::table;
    const auto& wide = oncostate::detail::ziggurat<double>::table;
    int differ = 0;
    for (int i = 0; i < 128; ++i) {
        const sfloat w = compact.layers.width(i), h = compact.layers.height(i);
        const sfloat w_ref = sfloat(wide.layers.width(i)), h_ref = sfloat(wide.layers.height(i));
        differ += (w.mantissa() != w_ref.mantissa() || w.exponent() != w_ref.exponent()) ? 1 : 0;
        differ += (h.mantissa() != h_ref.mantissa() || h.exponent() != h_ref.exponent()) ? 1 : 0;
        differ += compact.k[i] != wide.k[i] ? 1 : 0;
    }
    CHECK(differ == 0);
}

namespace {
template <class R>
void check_normal_fit() {
    // Goodness of fit of the ziggurat over 48 bins on [-4, 4] plus the two tails.
    xoshiro128pp g(16, 0);
    std::uint32_t observed[48] = {};
    double expected[48] = {};
    for (int b = 0; b < 48; ++b) {
        const double lo = -4.0 + b / 6.0, hi = lo + 1.0 / 6.0;
        expected[b] = 0.5 * (std::erfc(-hi / std::sqrt(2.0)) - std::erfc(-lo / std::sqrt(2.0)));
    }
    std::uint32_t outside = 0, far = 0;
    const int n = test::samples;
    for (int i = 0; i < n; ++i) {
        const double x = test::as_double(oncostate::normal<R>(g));
        far += (x > 3.5 || x < -3.5) ? 1u : 0u;
        const int b = static_cast<int>(std::floor((x + 4.0) * 6.0));
        if (b >= 0 && b < 48) {
            ++observed[b];
        } else {
            ++outside;
        }
    }
    int df = 0;
    const double stat = test::chi_square(observed, expected, 48, outside, n, df);
    CHECK(test::chi_square_ok(stat, df));
    // the tail beyond 3.5 (sampled by the rejection branch): P = 4.65e-4
    const double e = 4.65e-4 * n;
    CHECK(test::dabs(far - e) <= 4 * std::sqrt(e) + 1);
}
}  // namespace

TEST_CASE("distributions: the normal sampler fits N(0, 1)") {
    check_normal_fit<float>();
    check_normal_fit<double>();
    check_normal_fit<sfloat>();
}
