// Statistics helpers for the shared tests: moments and a chi-square goodness-of-fit statistic.
// Tolerances come from the sampling error (4 standard errors), with fixed seeds.
#ifndef ONCOSTATE_TEST_STATS_HPP
#define ONCOSTATE_TEST_STATS_HPP

#include <oncostate/oncostate.hpp>

#include <cstdint>

namespace test {

#ifdef ONCOSTATE_TARGET_TEST
constexpr int samples = 20000;  // QEMU on a Cortex-M0 is slow; the tolerances scale with N
#else
constexpr int samples = 200000;
#endif

inline double as_double(float x) { return static_cast<double>(x); }
inline double as_double(double x) { return x; }
inline double as_double(oncostate::sfloat x) { return x.to_double(); }

inline double dabs(double x) { return x < 0 ? -x : x; }
inline double dsqrt(double x) {  // test-side sqrt, independent of the library's
    if (x <= 0) return 0;
    double y = x > 1 ? x : 1;
    for (int i = 0; i < 200; ++i) y = 0.5 * (y + x / y);
    return y;
}

struct moments {
    double n = 0, sum = 0, sum2 = 0;
    void add(double x) {
        n += 1;
        sum += x;
        sum2 += x * x;
    }
    double mean() const { return sum / n; }
    double variance() const { return (sum2 - sum * sum / n) / (n - 1); }
};

// |sample mean - mu| within 4 standard errors; sample variance within 4 of its standard errors
// (using the normal-theory error sqrt(2/(n-1)) sigma^2 inflated by `kurtosis_factor`).
inline bool mean_ok(const moments& m, double mu, double var) {
    return dabs(m.mean() - mu) <= 4.0 * dsqrt(var / m.n) + 1e-12;
}
inline bool variance_ok(const moments& m, double var, double kurtosis_factor = 1.5) {
    return dabs(m.variance() - var) <= 4.0 * kurtosis_factor * var * dsqrt(2.0 / (m.n - 1)) + 1e-12;
}

// Chi-square statistic over bins [first, first + count) of observed counts against expected
// probabilities; adjacent bins are pooled until each expects at least 5. The two tails outside
// the table form one more bin. Returns the statistic; df receives the degrees of freedom.
inline double chi_square(const std::uint32_t* observed, const double* expected_p, int count,
                         std::uint32_t tail_observed, double total, int& df) {
    double stat = 0, acc_o = 0, acc_e = 0, p_in = 0;
    int bins = 0;
    for (int i = 0; i < count; ++i) {
        acc_o += observed[i];
        acc_e += expected_p[i] * total;
        p_in += expected_p[i];
        if (acc_e >= 5.0) {
            stat += (acc_o - acc_e) * (acc_o - acc_e) / acc_e;
            ++bins;
            acc_o = acc_e = 0;
        }
    }
    const double tail_e = (1.0 - p_in) * total + acc_e;
    const double tail_o = tail_observed + acc_o;
    if (tail_e >= 1.0) {
        stat += (tail_o - tail_e) * (tail_o - tail_e) / tail_e;
        ++bins;
    } else if (tail_o > 3) {
        stat += 1e9;  // counts where almost none are expected
    }
    df = bins - 1;
    return stat;
}
// A chi-square with df degrees of freedom has mean df and variance 2 df: accept below df + 5 sd.
inline bool chi_square_ok(double stat, int df) { return df > 0 && stat <= df + 5.0 * dsqrt(2.0 * df); }

// FNV-1a over 64-bit words: a compact fingerprint of a run for bit-identity checks.
struct fingerprint {
    std::uint64_t h = 0xcbf29ce484222325u;
    void add(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (8 * i)) & 0xFF;
            h *= 0x100000001b3u;
        }
    }
};

}  // namespace test

#endif
