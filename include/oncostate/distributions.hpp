// oncostate: random variates over any real type (float, double, sfloat) and any generator with
// next() -> uint32 (xoshiro128pp).
//
// Every loop is bounded. Methods:
//   bernoulli   exact to 2^-64: the probability as a 64-bit binary fraction, compared word by word;
//   binomial    n up to 64 and mean >= 1/64: one exact Bernoulli trial per cell, decided for 32
//               cells at once bit-plane by bit-plane (about log2(n) + 2 random words; one word a
//               trial for n <= 2);
//               mean < 10: inversion (exact), with the zero/non-zero decision made first by an
//               exact Bernoulli draw so that rare events (mean 1e-12) keep their probability;
//               mean >= 10 and variance < 2^16: BTRS, transformed rejection with squeeze
//               (Hormann 1993, J Stat Comput Simul 46:101), exact;
//               variance >= 2^16: normal approximation with continuity correction (documented
//               error: the skewness term, below 0.4% of a standard deviation);
//   poisson     mean < 1: Poisson(2^-z) by inversion in 64-bit binary fractions, thinned to the
//               mean (exact to 2^-64, no real arithmetic); mean < 10: inversion; mean >= 10 and
//               < 2^16: PTRS (Hormann 1993, Insurance Math Econ 12:39), exact; larger: normal
//               approximation;
//   normal      ziggurat (Marsaglia & Tsang 2000), exact;
//   categorical linear scan of a weight table.
// Rejection loops stop after 64 rounds (probability below 1e-50) and return the mode.
#ifndef ONCOSTATE_DISTRIBUTIONS_HPP
#define ONCOSTATE_DISTRIBUTIONS_HPP

#include "config.hpp"
#include "math.hpp"
#include "real.hpp"

#include <cstddef>  // std::size_t
#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

namespace detail {
constexpr int max_rejection_rounds = 64;
constexpr std::uint64_t max_product_gap = 16;  // BTRS: |k - mode| up to which f(k)/f(m) is a product
constexpr std::uint64_t max_inversion_steps = 80;  // P(X > 80) < 1e-40 when the mean is below 10
constexpr std::uint64_t max_direct_trials = 64;    // binomial: trial by trial up to this n

// log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi)/2]: the Stirling remainder. Its first
// values are a table in static storage (a local constexpr array would be copied to the stack on
// every call).
template <class R>
struct stirling_table {
    static constexpr R value[10] = {R(0.08106146679532726), R(0.04134069595540929), R(0.02767792568499834),
                                    R(0.02079067210376509), R(0.01664469118982119), R(0.01387612882307075),
                                    R(0.01189670994589177), R(0.01041126526197209), R(0.009255462182712733),
                                    R(0.008330563433362871)};
};
template <class R>
constexpr R stirling_tail(std::uint64_t k) noexcept {
    if (k < 10) return stirling_table<R>::value[k];
    constexpr R c12 = R(1.0 / 12);
    constexpr R c360 = R(1.0 / 360);
    constexpr R c1260 = R(1.0 / 1260);
    const R kp1 = real_traits<R>::from_uint(k + 1);
    constexpr R one = R(1.0);
    const R inv = one / kp1;
    const R inv2 = inv * inv;
    return (c12 - (c360 - c1260 * inv2) * inv2) * inv;
}

template <class R>
constexpr R from_diff(std::uint64_t a, std::uint64_t b) noexcept {  // a - b as a real, exactly signed
    return a >= b ? real_traits<R>::from_uint(a - b) : -real_traits<R>::from_uint(b - a);
}

template <class R>
constexpr std::uint64_t clamp_to_count(R x, std::uint64_t n) noexcept {
    const std::int64_t k = real_traits<R>::floor_int(x);
    if (k <= 0) return 0;
    return static_cast<std::uint64_t>(k) > n ? n : static_cast<std::uint64_t>(k);
}
}  // namespace detail

// Uniform on [0, 1).
template <class R, class Rng>
constexpr R uniform01(Rng& g) noexcept {
    const std::uint32_t a = g.next();
    if constexpr (sizeof(R) == 8 && !std::is_same<R, sfloat>::value) {
        return real_traits<R>::uniform_from_bits(a, g.next());
    } else {
        return real_traits<R>::uniform_from_bits(a, 0);
    }
}

// Integer uniform on [0, bound), bound >= 1 (Lemire's multiply-shift; bias below 2^-32 * bound).
template <class Rng>
constexpr std::uint32_t uniform_below(Rng& g, std::uint32_t bound) noexcept {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(g.next()) * bound) >> 32);
}

namespace detail {
// True with probability t / 2^64: a uniform 64-bit fraction, whose high word `hi` is drawn, below t;
// its low word is drawn only when the high words tie.
template <class Rng>
constexpr bool bernoulli_fraction(Rng& g, std::uint64_t t, std::uint32_t hi) noexcept {
    const std::uint32_t t_hi = static_cast<std::uint32_t>(t >> 32);
    if (hi != t_hi) return hi < t_hi;
    return g.next() < static_cast<std::uint32_t>(t);
}
}  // namespace detail

// True with probability p (p <= 0: never; p >= 1: always). Exact to 2^-64.
template <class R, class Rng>
constexpr bool bernoulli(Rng& g, R p) noexcept {
    const std::uint64_t t = real_traits<R>::fraction64(p);
    if (t == 0) return false;
    if (t == UINT64_MAX) return true;
    return detail::bernoulli_fraction(g, t, g.next());
}

namespace detail {
// Compile-time double helpers for the ziggurat tables (never evaluated at run time).
constexpr double ce_exp_any(double x) {  // halve until |x| <= 1/2, then square back
    int halvings = 0;
    while ((x > 0.5 || x < -0.5) && halvings < 64) {
        x /= 2;
        ++halvings;
    }
    double y = math::detail::ce_exp(x);
    for (int i = 0; i < halvings; ++i) y *= y;
    return y;
}
constexpr double ce_log_any(double x) {  // x > 0: x = m 2^k, m in [1, 2)
    int k = 0;
    while (x >= 2 && k < 2000) {
        x /= 2;
        ++k;
    }
    while (x < 1 && k > -2000) {
        x *= 2;
        --k;
    }
    return k * 0.6931471805599453094 + math::detail::ce_log1p(x - 1);
}
constexpr double ce_sqrt(double x) {
    double y = x > 1 ? x : 1;
    for (int i = 0; i < 200; ++i) y = 0.5 * (y + x / y);
    return y;
}

// The ziggurat's layer widths and heights as normal() reads them: the values themselves, or for
// sfloat (8 bytes a value) each value's 32-bit mantissa and a byte of exponent, rebuilt exactly
// on use (1.25 KB of flash instead of 2 KB).
template <class R>
struct ziggurat_values {
    R w[128] = {};
    R f[128] = {};
    static constexpr ziggurat_values from(const R* w, const R* f) {
        ziggurat_values v{};
        for (int i = 0; i < 128; ++i) {
            v.w[i] = w[i];
            v.f[i] = f[i];
        }
        return v;
    }
    constexpr R width(int i) const noexcept { return w[i]; }
    constexpr R height(int i) const noexcept { return f[i]; }
};
template <>
struct ziggurat_values<sfloat> {
    std::uint32_t w_m[128] = {};
    std::uint32_t f_m[128] = {};
    std::int8_t w_e[128] = {};
    std::int8_t f_e[128] = {};
    static constexpr ziggurat_values from(const sfloat* w, const sfloat* f) {
        ziggurat_values v{};
        for (int i = 0; i < 128; ++i) {  // every value is positive, its exponent in [-30, 0]
            v.w_m[i] = w[i].mantissa();
            v.w_e[i] = static_cast<std::int8_t>(w[i].exponent());
            v.f_m[i] = f[i].mantissa();
            v.f_e[i] = static_cast<std::int8_t>(f[i].exponent());
        }
        return v;
    }
    constexpr sfloat width(int i) const noexcept { return sfloat::make(false, w_m[i], w_e[i] - 31); }
    constexpr sfloat height(int i) const noexcept { return sfloat::make(false, f_m[i], f_e[i] - 31); }
};

// Ziggurat for the standard normal, 128 layers (Marsaglia & Tsang, J Stat Softw 2000;5(8)).
// x[i] is the right edge of layer i (x[127] = r); a draw takes 7 bits for the layer, 1 for the
// sign and 24 for the position. k[i] = 2^24 x[i-1] / x[i] is the fast-accept bound; the widths
// are x[i] / 2^24 and the heights exp(-x[i]^2 / 2).
template <class R>
struct ziggurat {
    static constexpr double r = 3.442619855899;          // start of the tail
    static constexpr double v = 9.91256303526217e-3;     // area of each layer
    static constexpr double m = 16777216.0;              // 2^24
    struct data {
        std::uint32_t k[128];
        ziggurat_values<R> layers;
    };
    static constexpr data make() {
        data d{};
        R w[128] = {};
        R f[128] = {};
        double dn = r, tn = r;
        const double q = v / ce_exp_any(-0.5 * r * r);
        d.k[0] = static_cast<std::uint32_t>((r / q) * m);
        d.k[1] = 0;
        w[0] = R(q / m);
        w[127] = R(r / m);
        f[0] = R(1.0);
        f[127] = R(ce_exp_any(-0.5 * r * r));
        for (int i = 126; i >= 1; --i) {
            dn = ce_sqrt(-2.0 * ce_log_any(v / dn + ce_exp_any(-0.5 * dn * dn)));
            d.k[i + 1] = static_cast<std::uint32_t>((dn / tn) * m);
            tn = dn;
            f[i] = R(ce_exp_any(-0.5 * dn * dn));
            w[i] = R(dn / m);
        }
        d.layers = ziggurat_values<R>::from(w, f);
        return d;
    }
    static constexpr data table = make();
};
}  // namespace detail

// Standard normal variate: the ziggurat method, one 32-bit draw and one multiplication in 98.8%
// of cases; the wedges and the tail (beyond 3.44) are sampled exactly by rejection.
template <class R, class Rng>
constexpr R normal(Rng& g) noexcept {
    using t = real_traits<R>;
    constexpr R zero = R(0.0), half = R(0.5), two = R(2.0);
    constexpr R r = R(detail::ziggurat<R>::r), inv_r = R(1.0 / detail::ziggurat<R>::r);
    constexpr R tiny = R(9.094947017729282e-13);  // 2^-40: keeps log away from 0
    const auto& z = detail::ziggurat<R>::table;
    for (int round = 0; round < detail::max_rejection_rounds; ++round) {
        const std::uint32_t u = g.next();
        const int i = static_cast<int>(u & 127u);
        const bool negative = (u & 128u) != 0;
        const std::uint32_t j = u >> 8;
        const R x = t::from_int(static_cast<std::int64_t>(j)) * z.layers.width(i);
        if (j < z.k[i]) return negative ? -x : x;
        if (i == 0) {  // the tail beyond r (Marsaglia 1964)
            const R tx = -math::log(uniform01<R>(g) + tiny) * inv_r;
            const R ty = -math::log(uniform01<R>(g) + tiny);
            if (two * ty > tx * tx) return negative ? -(r + tx) : r + tx;
            continue;
        }
        // a wedge: accept under the curve
        const R f_i = z.layers.height(i);
        if (f_i + uniform01<R>(g) * (z.layers.height(i - 1) - f_i) < math::exp(-half * x * x)) return negative ? -x : x;
    }
    return zero;
}

namespace detail {

// P(X = 0) = e^a and P(X > 0) = 1 - e^a, the latter accurate when tiny: one exp, or one expm1
// when e^a is within ln2/2 of 1 (where 1 - e^a would lose digits).
template <class R>
constexpr void zero_probability(R a, R& p0, R& p_pos) noexcept {
    constexpr R one = R(1.0);
    constexpr R near = R(-0.34657359027997264);  // -ln2 / 2
    if (a < near) {
        p0 = math::exp(a);
        p_pos = one - p0;
    } else {
        p_pos = -math::expm1(a);
        p0 = one - p_pos;
    }
}

// Set bits of x (no library call on cores without a population-count instruction).
constexpr std::uint32_t popcount32(std::uint32_t x) noexcept {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}
// The successes among up to 32 Bernoulli trials of probability t / 2^64, one trial per set bit of
// `undecided`, decided bit-plane by bit-plane: trial i's uniform is 0.u1 u2 ..., and the plane j
// word holds every trial's bit u_j. A trial whose bit differs from t's bit j is decided (a success
// when t's bit is 1, as then u < t); the rest stay undecided. Each plane settles half of them, so
// about log2(trials) + 2 words settle all; after 64 planes the rest have u >= t (failures).
template <class Rng>
constexpr std::uint32_t bernoulli_lanes(Rng& g, std::uint32_t undecided, std::uint64_t t) noexcept {
    std::uint32_t successes = 0;
    std::uint64_t bits = t;
    for (int plane = 0; plane < 64 && undecided != 0; ++plane, bits <<= 1) {
        const std::uint32_t u = g.next();
        const std::uint32_t t_bit = 0u - static_cast<std::uint32_t>(bits >> 63);  // all ones or zero
        successes |= undecided & ~u & t_bit;
        undecided &= ~(u ^ t_bit);  // the trials whose bit equals t's
    }
    return popcount32(successes);
}
// The count of successes among n >= 1 Bernoulli trials of probability t / 2^64 (exact), in groups
// of 32; n is at most max_direct_trials.
template <class Rng>
constexpr std::uint64_t bernoulli_trials(Rng& g, std::uint64_t n, std::uint64_t t) noexcept {
    std::uint64_t k = 0;
    if (n <= 2) {  // one word a trial is fewer than the planes' log2(n) + 2
        for (std::uint64_t i = 0; i < n; ++i) k += bernoulli_fraction(g, t, g.next()) ? 1u : 0u;
        return k;
    }
    for (; n > 32; n -= 32) k += bernoulli_lanes(g, UINT32_MAX, t);
    return k + bernoulli_lanes(g, UINT32_MAX >> (32 - n), t);
}
// Below this mean a binomial draw is decided by one exact "any success?" draw (cheaper than trials).
template <class R>
constexpr R rare_mean() noexcept {
    constexpr R v = R(1.0 / 64.0);
    return v;
}

// The "any success?" draw, bernoulli(g, P(X > 0)), made lazily for a small mean: P(X > 0) <= mean,
// so a first random word well above the mean's settles "no" before P(X > 0) is computed. The
// stream is consumed exactly as by bernoulli(g, P(X > 0)), so every result is unchanged. On
// [2^-40, 1/8] that probability is neither 0 nor 1 (bernoulli would draw nothing for those).
template <class R>
constexpr bool lazy_zero_decision(R mean) noexcept {
    constexpr R low = R(1.0 / 1099511627776.0);  // 2^-40
    constexpr R high = R(0.125);
    return !(mean < low) && !(mean > high);
}
// The first word of bernoulli(g, q), for a computed q <= bound (up to rounding), already says no.
template <class R>
constexpr bool first_word_says_no(std::uint32_t first, R bound) noexcept {
    const std::uint32_t b = static_cast<std::uint32_t>(real_traits<R>::fraction64(bound) >> 32);
    return first > b + (b >> 12) + 1u;  // slack far above the rounding of q and of the bound
}

// Binomial(n, p) for 0 < p <= 1/2, n >= 2, mean < 10: inversion.
template <class R, class Rng>
constexpr std::uint64_t binomial_inversion(Rng& g, std::uint64_t n, R p, R nr, R mean) noexcept {
    constexpr R one = R(1.0);
    std::uint32_t first = 0;
    const bool lazy = lazy_zero_decision(mean);
    if (lazy) {
        first = g.next();
        if (first_word_says_no(first, mean)) return 0;
    }
    const R log_p0 = nr * math::log1p(-p);  // log P(X = 0)
    R p0 = one, p_pos = one;
    zero_probability(log_p0, p0, p_pos);
    if (!(lazy ? bernoulli_fraction(g, real_traits<R>::fraction64(p_pos), first) : bernoulli(g, p_pos))) return 0;
    const R s = p / (one - p);
    R u = uniform01<R>(g) * p_pos;
    R f = p0 * nr * s;  // P(X = 1)
    const std::uint64_t cap = n < max_inversion_steps ? n : max_inversion_steps;
    // cppcheck-suppress knownConditionTrueFalse ; false positive: n >= 2 here, so cap >= 2
    for (std::uint64_t k = 1; k < cap; ++k) {
        if (u < f) return k;
        u -= f;
        f = f * real_traits<R>::from_uint(n - k) * s / real_traits<R>::from_uint(k + 1);
    }
    // Rounding left u beyond the summed probabilities (chance ~ the real type's precision).
    const std::uint64_t mode = static_cast<std::uint64_t>(real_traits<R>::floor_int(nr * p)) + 1;
    return mode > n ? n : mode;
}

// log f(k) - log f(m) for Binomial(n, p), m the mode; written so no large terms cancel.
template <class R>
ONCOSTATE_INLINE_FOR_STACK constexpr R binomial_log_ratio(std::uint64_t n, R p, std::uint64_t m, std::uint64_t k) noexcept {
    using t = real_traits<R>;
    constexpr R one = R(1.0);
    constexpr R half = R(0.5);
    constexpr R two = R(2.0);
    const R mk = from_diff<R>(m, k);
    const R km = -mk;
    const R nk1 = t::from_uint(n - k) + one;
    const R k1 = t::from_uint(k) + one;
    const R term1 = mk * math::log1p((k1 - (t::from_uint(n) + two) * p) / (nk1 * p));
    const R term2 = (t::from_uint(m) + half) * math::log1p(mk / k1);
    const R term3 = (t::from_uint(n - m) + half) * math::log1p(km / nk1);
    return term1 + term2 + term3 + stirling_tail<R>(m) - stirling_tail<R>(k) + stirling_tail<R>(n - m) -
           stirling_tail<R>(n - k);
}

// Binomial(n, p) for p <= 1/2, mean >= 10: BTRS.
template <class R, class Rng>
constexpr std::uint64_t binomial_btrs(Rng& g, std::uint64_t n, R p, R nr, R mean, R var) noexcept {
    constexpr R half = R(0.5);
    constexpr R zero = R(0.0);
    constexpr R one = R(1.0);
    // Hormann's constants for BTRS
    constexpr R b0 = R(1.15), b1 = R(2.53), a0 = R(-0.0873), a1 = R(0.0248), a2 = R(0.01);
    constexpr R v0 = R(0.92), v1 = R(4.2), al0 = R(2.83), al1 = R(5.1), two = R(2.0), squeeze = R(0.07);
    const R sd = math::sqrt(var);
    const R b = b0 + b1 * sd;
    const R a = a0 + a1 * b + a2 * p;
    const R c = mean + half;
    const R v_r = v0 - v1 / b;
    // needed only after a quick rejection: computed then, once (same values, fewer operations)
    R alpha = zero, r = zero;
    std::uint64_t m = 0;
    bool slow_ready = false;
    for (int i = 0; i < max_rejection_rounds; ++i) {
        const R u = uniform01<R>(g) - half;
        const R v = uniform01<R>(g);
        const R us = half - math::abs(u);
        if (!(us > zero)) continue;
        const std::int64_t ki = real_traits<R>::floor_int((two * a / us + b) * u + c);
        if (ki < 0 || static_cast<std::uint64_t>(ki) > n) continue;
        const std::uint64_t k = static_cast<std::uint64_t>(ki);
        if (us >= squeeze && v <= v_r) return k;
        if (!slow_ready) {
            alpha = (al0 + al1 / b) * sd;
            r = p / (one - p);
            m = clamp_to_count((nr + one) * p, n);
            slow_ready = true;
        }
        const R target = v * alpha / (a / (us * us) + b);  // accept if target <= f(k) / f(m)
        const std::uint64_t gap = k > m ? k - m : m - k;
        if (gap <= max_product_gap) {  // near the mode: the ratio as a short product (Hormann's BTRD)
            R f = one;
            if (k > m) {
                for (std::uint64_t j = m + 1; j <= k; ++j) f = f * (real_traits<R>::from_uint(n - j + 1) * r) / real_traits<R>::from_uint(j);
            } else {
                for (std::uint64_t j = k + 1; j <= m; ++j) f = f * real_traits<R>::from_uint(j) / (real_traits<R>::from_uint(n - j + 1) * r);
            }
            if (target <= f) return k;
            continue;
        }
        if (math::log(target) <= binomial_log_ratio(n, p, m, k)) return k;
    }
    return clamp_to_count((nr + one) * p, n);  // the mode
}

// log P(X = k) for Poisson(mean), m = floor(mean); written so no large terms cancel.
template <class R>
ONCOSTATE_INLINE_FOR_STACK constexpr R poisson_log_pmf(R mean, std::uint64_t m, std::uint64_t k) noexcept {
    using t = real_traits<R>;
    constexpr R one = R(1.0);
    constexpr R half = R(0.5);
    constexpr R half_log_2pi = R(0.91893853320467274178);
    const R m1 = t::from_uint(m) + one;
    const R kr = t::from_uint(k);
    const R ell = math::log1p((mean - m1) / m1);  // log(mean / (m + 1))
    return (kr + one - mean) + kr * ell - (kr + half) * math::log1p(from_diff<R>(k, m) / m1) -
           half * math::log(m1) - half_log_2pi - stirling_tail<R>(k);
}

// Poisson(mean) for 1 <= mean < 10: the zero decided first, then sequential search from 1. Out of
// line: poisson() calls PTRS without this one's frame.
template <class R, class Rng>
ONCOSTATE_NOINLINE constexpr std::uint64_t poisson_inversion(Rng& g, R mean) noexcept {
    constexpr R zero = R(0.0);
    R p0 = zero, p_pos = zero;
    zero_probability(-mean, p0, p_pos);
    if (!bernoulli(g, p_pos)) return 0;
    R u = uniform01<R>(g) * p_pos;
    R f = mean * p0;
    for (std::uint64_t k = 1; k < max_inversion_steps; ++k) {
        if (u < f) return k;
        u -= f;
        f = f * mean / real_traits<R>::from_uint(k + 1);
    }
    return static_cast<std::uint64_t>(real_traits<R>::floor_int(mean)) + 1;
}

// For Poisson(2^-z), z = 0 .. 32: P(X >= 1) = 1 - e^(-2^-z) as a 64-bit binary fraction (from the
// series at compile time: to 2^-52 relative and 2^-64 absolute), and 2^64 / j for P(X = j).
struct poisson_pow2 {
    static constexpr int max_count = 20;  // P(X > 20) < 2^-64 when the mean is at most 1
    std::uint64_t above_zero[33];
    std::uint64_t inverse[max_count + 1];
    static constexpr poisson_pow2 make() {
        poisson_pow2 t{};
        for (int z = 0; z <= 32; ++z) {
            const double x = 1.0 / static_cast<double>(std::uint64_t{1} << z);
            double q = 1;  // x (1 - x/2 (1 - x/3 (1 - ...))), innermost first
            for (int n = 24; n >= 2; --n) q = 1 - x / n * q;
            t.above_zero[z] = static_cast<std::uint64_t>(x * q * 18446744073709551616.0);  // truncated
        }
        for (int j = 1; j <= max_count; ++j) t.inverse[j] = UINT64_MAX / static_cast<std::uint64_t>(j);
        return t;
    }
};
struct poisson_pow2_table {  // in static storage, built at compile time
    static constexpr poisson_pow2 value = poisson_pow2::make();
};

// A uniform 64-bit fraction whose low word is drawn only when a comparison needs it.
struct lazy_uniform64 {
    std::uint64_t u = 0;
    bool whole = false;
    template <class Rng>
    constexpr bool below(Rng& g, std::uint64_t c) noexcept {
        if ((u >> 32) != (c >> 32)) return (u >> 32) < (c >> 32);
        if (!whole) {
            u |= g.next();
            whole = true;
        }
        return u < c;
    }
};

// Poisson(mean) for 0 < mean < 1, with no exp and no division of reals: mean = r 2^-z with r in
// [1/2, 1); X ~ Poisson(2^-z) by inversion over 64-bit binary fractions, then each of the X events
// kept with probability r, trial by trial (thinning: Poisson(2^-z) thinned by r is Poisson(mean)).
// Exact to 2^-64 apart from the table's 2^-52; below 2^-64 the mean rounds to 0.
template <class R, class Rng>
constexpr std::uint64_t poisson_thinned(Rng& g, R mean) noexcept {
    const poisson_pow2& t = poisson_pow2_table::value;
    const std::uint64_t f = real_traits<R>::fraction64(mean);  // mean 2^64
    if (f == 0) return 0;
    const int z = clz64(f);  // mean in [2^-(z+1), 2^-z)
    const std::uint64_t above = z <= 32 ? t.above_zero[z] : std::uint64_t{1} << (64 - z);  // 2^-z, to the last bit
    lazy_uniform64 u{std::uint64_t{g.next()} << 32, false};
    std::uint64_t p = 0 - above;  // P(X = 0)
    std::uint64_t below = p;       // P(X <= x)
    std::uint64_t x = 0;
    while (x < poisson_pow2::max_count && !u.below(g, below)) {
        ++x;
        p = x == 1 ? p >> z : mul_64x64_hi(p >> z, t.inverse[x]);  // P(X = x) = P(X = x - 1) 2^-z / x
        below += p;
    }
    return x == 0 ? 0 : bernoulli_trials(g, x, f << z);
}

// Poisson(mean) for 10 <= mean: PTRS.
template <class R, class Rng>
constexpr std::uint64_t poisson_ptrs(Rng& g, R mean) noexcept {
    constexpr R half = R(0.5);
    constexpr R zero = R(0.0);
    // Hormann's constants for PTRS
    constexpr R b0 = R(0.931), b1 = R(2.53), a0 = R(-0.059), a1 = R(0.02483), i0 = R(1.1239), i1 = R(1.1328);
    constexpr R i2 = R(3.4), v0 = R(0.9277), v1 = R(3.6224), two = R(2.0), shift = R(0.43);
    constexpr R squeeze = R(0.07), tail_cut = R(0.013);
    const R smu = math::sqrt(mean);
    const R b = b0 + b1 * smu;
    const R a = a0 + a1 * b;
    const R v_r = v0 - v1 / (b - two);
    const std::uint64_t m = static_cast<std::uint64_t>(real_traits<R>::floor_int(mean));
    R inv_alpha = zero;  // needed only after a quick rejection
    R f_mode = zero;     // P(X = m), computed on the first rejection that needs it
    for (int i = 0; i < max_rejection_rounds; ++i) {
        const R u = uniform01<R>(g) - half;
        const R v = uniform01<R>(g);
        const R us = half - math::abs(u);
        if (!(us > zero)) continue;
        const std::int64_t ki = real_traits<R>::floor_int((two * a / us + b) * u + mean + shift);
        if (us >= squeeze && v <= v_r && ki >= 0) return static_cast<std::uint64_t>(ki);
        if (ki < 0 || (us < tail_cut && v > us)) continue;
        if (!(inv_alpha > zero)) inv_alpha = i0 + i1 / (b - i2);
        const R target = v * inv_alpha / (a / (us * us) + b);  // accept if target <= f(k)
        const std::uint64_t k = static_cast<std::uint64_t>(ki);
        const std::uint64_t gap = k > m ? k - m : m - k;
        if (gap <= max_product_gap) {  // near the mode: f(k) = f(m) times a short product
            if (!(f_mode > zero)) f_mode = math::exp(poisson_log_pmf(mean, m, m));
            R f = f_mode;
            if (k > m) {
                for (std::uint64_t j = m + 1; j <= k; ++j) f = f * mean / real_traits<R>::from_uint(j);
            } else {
                for (std::uint64_t j = k + 1; j <= m; ++j) f = f * real_traits<R>::from_uint(j) / mean;
            }
            if (target <= f) return k;
            continue;
        }
        if (math::log(target) <= poisson_log_pmf(mean, m, k)) return k;
    }
    return m;
}

constexpr double normal_threshold_variance = 65536.0;  // 2^16: standard deviation 256

// floor(base + frac + sd * z + 1/2), where base is an exact integer and frac in [0, 1): the
// normal approximation with its large mean kept in integers, so the real type's precision only
// has to cover the fluctuation (a float cannot resolve 1e9 around 2^62).
template <class R, class Rng>
constexpr std::uint64_t normal_count(Rng& g, std::uint64_t base, R frac, R sd, std::uint64_t n) noexcept {
    constexpr R half = R(0.5);
    const std::int64_t d = real_traits<R>::floor_int(frac + sd * normal<R>(g) + half);
    if (d < 0) return static_cast<std::uint64_t>(-d) >= base ? 0 : base - static_cast<std::uint64_t>(-d);
    const std::uint64_t up = static_cast<std::uint64_t>(d);
    return up >= n - base ? n : base + up;
}

}  // namespace detail

// Binomial(n, p): successes among n independent trials of probability p. n may be up to 2^63.
// For p > 1/2 it draws the failures, Binomial(n, 1 - p), and returns n minus them (no recursion:
// a second frame would deepen the stack under every draw's deepest path).
template <class R, class Rng>
constexpr std::uint64_t binomial(Rng& g, std::uint64_t n, R p) noexcept {
    constexpr R zero = R(0.0);
    constexpr R half = R(0.5);
    constexpr R one = R(1.0);
    constexpr R inversion_mean = R(10.0);
    constexpr R normal_variance = R(detail::normal_threshold_variance);
    const bool failures = p > half;  // tested first: usually false
    if (failures) {
        if (!(p < one)) return n;
        p = one - p;
    }
    std::uint64_t x = 0;
    if (n != 0 && p > zero) {
        const R nr = real_traits<R>::from_uint(n);
        const R mean = nr * p;
        if (n <= detail::max_direct_trials && !(mean < detail::rare_mean<R>())) {
            x = detail::bernoulli_trials(g, n, real_traits<R>::fraction64(p));  // cheaper than a formula
        } else if (mean < inversion_mean) {
            x = detail::binomial_inversion(g, n, p, nr, mean);
        } else {
            const R var = mean * (one - p);
            if (var >= normal_variance) {
                // n p split exactly into integer and fractional parts through p's 64-bit binary fraction
                std::uint64_t whole = 0, frac = 0;
                ::oncostate::detail::mul_64x64(n, real_traits<R>::fraction64(p), whole, frac);
                const R frac_r = real_traits<R>::ldexp(real_traits<R>::from_uint(frac), -64);
                x = detail::normal_count(g, whole, frac_r, math::sqrt(var), n);
            } else {
                x = detail::binomial_btrs(g, n, p, nr, mean, var);
            }
        }
    }
    return failures ? n - x : x;
}

// Poisson(mean).
template <class R, class Rng>
constexpr std::uint64_t poisson(Rng& g, R mean) noexcept {
    constexpr R zero = R(0.0);
    constexpr R inversion_mean = R(10.0);
    constexpr R normal_variance = R(detail::normal_threshold_variance);
    constexpr R one = R(1.0);
    if (!(mean > zero)) return 0;
    if (mean < one) return detail::poisson_thinned(g, mean);
    if (mean < inversion_mean) return detail::poisson_inversion(g, mean);
    if (mean >= normal_variance) {
        const std::int64_t whole = real_traits<R>::floor_int(mean);
        const R frac = mean - real_traits<R>::from_int(whole);
        return detail::normal_count(g, static_cast<std::uint64_t>(whole), frac, math::sqrt(mean), UINT64_MAX >> 1);
    }
    return detail::poisson_ptrs(g, mean);
}

// An index drawn with probability weights[i] / sum(weights). Negative weights count as zero.
// Returns count when there is nothing to draw from (no weights, or all zero).
template <class R, class Rng>
constexpr std::size_t categorical(Rng& g, const R* weights, std::size_t count) noexcept {
    constexpr R zero = R(0.0);
    R total = zero;
    std::size_t last = count;
    for (std::size_t i = 0; i < count; ++i) {
        if (weights[i] > zero) {
            total += weights[i];
            last = i;
        }
    }
    if (last == count) return count;
    R u = uniform01<R>(g) * total;
    for (std::size_t i = 0; i < count; ++i) {
        if (!(weights[i] > zero)) continue;
        if (u < weights[i]) return i;
        u -= weights[i];
    }
    return last;  // rounding residue: the last positive weight
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_DISTRIBUTIONS_HPP
