// oncostate: elementary functions for every scalar type, computed by the library itself.
//
// One algorithm per function, written once over the real types (float, double), so no result
// depends on the platform's libm; sfloat's exp, expm1, log, log1p and sqrt apply the same
// reductions in integer fixed point (detail/sfloat_math.hpp). For fixed<I, F> the function is
// evaluated in sfloat and rounded back, which makes fixed-point results bit-identical on every
// platform.
// Domain: log, pow and cbrt/sqrt of out-of-domain arguments return a documented value (see each
// function) instead of NaN; exp saturates.
#ifndef ONCOSTATE_MATH_HPP
#define ONCOSTATE_MATH_HPP

#include "config.hpp"
#include "detail/constexpr_math.hpp"
#include "detail/sfloat_math.hpp"
#include "fixed.hpp"
#include "real.hpp"
#include "sfloat.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN
namespace math {

namespace detail {
template <class R>
struct constants {
    static constexpr R ln2_hi = R(0.693145751953125);  // 22713 / 32768: exact in every real type
    static constexpr R ln2_lo = R(1.428606820309417232e-06);
    static constexpr R ln2 = R(0.6931471805599453094);
    // ln2 / 64 split for exp's reduction: hi = 355/32768 has 9 significant bits, so k * hi is exact
    static constexpr R ln2_64_hi = R(355.0 / 32768.0);
    static constexpr R ln2_64_lo = R(0.6931471805599453094 / 64.0 - 355.0 / 32768.0);
    static constexpr R inv_ln2_64 = R(64.0 / 0.6931471805599453094);
    static constexpr R sixty_fourth = R(1.0 / 64.0);
    static constexpr R one_plus_64th = R(1.0 + 1.0 / 64.0);
    static constexpr R one_minus_64th = R(1.0 - 1.0 / 64.0);
    static constexpr R sixty_four = R(64.0);
    static constexpr R half = R(0.5);
    static constexpr R one = R(1.0);
    static constexpr R two = R(2.0);
    static constexpr R three = R(3.0);
    static constexpr R zero = R(0.0);
};

// 1/i for i = 1..31 (index 0 holds 0): series coefficients without run-time division.
template <class R>
struct inverse_int {
    static constexpr R value[32] = {
        R(0.0),        R(1.0),        R(1.0 / 2),  R(1.0 / 3),  R(1.0 / 4),  R(1.0 / 5),  R(1.0 / 6),
        R(1.0 / 7),    R(1.0 / 8),    R(1.0 / 9),  R(1.0 / 10), R(1.0 / 11), R(1.0 / 12), R(1.0 / 13),
        R(1.0 / 14),   R(1.0 / 15),   R(1.0 / 16), R(1.0 / 17), R(1.0 / 18), R(1.0 / 19), R(1.0 / 20),
        R(1.0 / 21),   R(1.0 / 22),   R(1.0 / 23), R(1.0 / 24), R(1.0 / 25), R(1.0 / 26), R(1.0 / 27),
        R(1.0 / 28),   R(1.0 / 29),   R(1.0 / 30), R(1.0 / 31)};
};

// 64-entry tables in the real type, built at compile time (flash, not RAM):
// exp2[j] = 2^(j/64), log_c[j] = log(1 + j/64), inv_c[j] = 1 / (1 + j/64), and for [1/2, 1)
// log_lo[j] = log(1/2 + j/128), inv_lo[j] = 1 / (1/2 + j/128); inv_fact[i] = 1/i!.
template <class R>
struct tables {
    struct data {
        R exp2[64];
        R log_c[64];
        R inv_c[64];
        R log_lo[64];
        R inv_lo[64];
        R inv_fact[16];
    };
    static constexpr data make() {
        data d{};
        for (int j = 0; j < 64; ++j) {
            d.exp2[j] = R(ce_exp(j * (0.6931471805599453094 / 64.0)));
            d.log_c[j] = R(ce_log1p(j / 64.0));
            d.inv_c[j] = R(1.0 / (1.0 + j / 64.0));
            d.log_lo[j] = R(-ce_log1p((0.5 - j / 128.0) / (0.5 + j / 128.0)));  // log(1/2 + j/128), no cancellation
            d.inv_lo[j] = R(1.0 / (0.5 + j / 128.0));
        }
        double f = 1;
        for (int i = 0; i < 16; ++i) {
            if (i > 0) f *= i;
            d.inv_fact[i] = R(1.0 / f);
        }
        return d;
    }
    static constexpr data value = make();
};

// log(1 + t) for |t| <= 1/64: t (1 - t (1/2 - t (1/3 - ...))). Below real_traits::tiny the
// two-term form t (1 - t/2) is already exact to the type's precision (the model's per-cell
// probabilities, 1e-12 to 1e-6, take this path).
template <class R>
constexpr R log1p_small(R t) noexcept {
    using inv = inverse_int<R>;
    constexpr int n = real_traits<R>::log_terms;
    constexpr R tiny = real_traits<R>::tiny(), half = R(0.5), one = R(1.0);
    if (t < tiny && -t < tiny) return t * (one - t * half);
    R q = inv::value[n];
    for (int i = n - 1; i >= 1; --i) q = inv::value[i] - t * q;
    return t * q;
}
// e^x - 1 for |x| <= 1/64: x (1 + x (1/2! + x (1/3! + ...))); x (1 + x/2) below tiny.
template <class R>
constexpr R expm1_small(R x) noexcept {
    const auto& tb = tables<R>::value;
    constexpr int n = real_traits<R>::log_terms;
    constexpr R tiny = real_traits<R>::tiny(), half = R(0.5), one = R(1.0);
    if (x < tiny && -x < tiny) return x * (one + x * half);
    R q = tb.inv_fact[n];
    for (int i = n - 1; i >= 1; --i) q = tb.inv_fact[i] + x * q;
    return x * q;
}
}  // namespace detail

template <class R>
constexpr R abs(R x) noexcept {
    return x < detail::constants<R>::zero ? -x : x;
}

// sfloat versions: the same reductions in integer fixed point (detail/sfloat_math.hpp), several
// times faster than the generic algorithms below run in sfloat arithmetic, and rounded once.
// Each is an inlined wrapper around an out-of-line function that returns sfloat::carried.
namespace detail::sfm {
constexpr sfloat::carried exp_carried(sfloat x) noexcept {
    using t = real_traits<sfloat>;
    constexpr sfloat max_log = t::max_log();
    constexpr sfloat one = sfloat(1.0);
    if (x > max_log) return t::max().to_carried();
    if (x < -max_log) return sfloat{}.to_carried();
    if (x.is_zero() || x.exponent() < -50) return one.to_carried();  // |x| < 2^-50: e^x rounds to 1
    std::int32_t n = 0;
    const std::uint64_t m = exp_parts(x.negative(), x.mantissa(), x.exponent(), n);
    return sfloat::make(false, m, n - 63).to_carried();
}

constexpr sfloat::carried expm1_carried(sfloat x) noexcept {
    using t = real_traits<sfloat>;
    constexpr sfloat max_log = t::max_log();
    constexpr sfloat minus_one = sfloat(-1.0);
    const std::uint64_t mag = std::uint64_t{x.mantissa()} << 32;  // |x| = mag 2^(exponent - 63)
    if (x.is_zero()) return x.to_carried();
    if (x.exponent() < -6) return times_series(x.negative(), mag, x.exponent(), coefficients.expm1, 5, false);
    if (x > max_log) return t::max().to_carried();
    if (x < -max_log) return minus_one.to_carried();
    std::int32_t n = 0;
    const std::uint64_t m = exp_parts(x.negative(), x.mantissa(), x.exponent(), n);  // e^x = m 2^(n - 63)
    if (!x.negative()) {  // x >= 1/64: n >= 0
        if (n >= 63) return sfloat::make(false, m, n - 63).to_carried();  // the 1 lies below the last place kept
        return sfloat::make(false, m - (std::uint64_t{1} << (63 - n)), n - 63).to_carried();
    }
    // x <= -1/64: n <= -1, and 1 - e^x is computed in Q64
    const std::int32_t shift = -n - 1;
    const std::uint64_t v = shift >= 64 ? 0 : m >> shift;  // e^x 2^64
    return (v == 0 ? minus_one : sfloat::make(true, ~v + 1, -64)).to_carried();
}

constexpr sfloat::carried log_carried(sfloat x) noexcept {
    if (x.is_zero() || x.negative()) return (-sfloat::max()).to_carried();
    return log_parts(std::uint64_t{x.mantissa()} << 32, x.exponent());
}

constexpr sfloat::carried log1p_carried(sfloat x) noexcept {
    const std::uint64_t mag = std::uint64_t{x.mantissa()} << 32;  // |x| = mag 2^(exponent - 63)
    if (x.is_zero()) return x.to_carried();
    if (x.exponent() < -6) return times_series(x.negative(), mag, x.exponent(), coefficients.log1p, 6, true);
    if (x.negative() && x.exponent() >= 0) return (-sfloat::max()).to_carried();  // x <= -1
    // x >= 2^32: log(1 + x) - log(x) < 2^-32
    if (x.exponent() > 31) return log_parts(mag, x.exponent());
    // 1 + x exactly, in units of x's last place
    const std::uint64_t one = std::uint64_t{1} << (31 - x.exponent());
    const std::uint64_t u = x.negative() ? one - x.mantissa() : one + x.mantissa();
    const int lz = ::oncostate::detail::clz64(u);
    return log_parts(u << lz, x.exponent() + 32 - lz);
}
}  // namespace detail::sfm

ONCOSTATE_ALWAYS_INLINE constexpr sfloat exp(sfloat x) noexcept { return sfloat::from_carried(detail::sfm::exp_carried(x)); }
ONCOSTATE_ALWAYS_INLINE constexpr sfloat expm1(sfloat x) noexcept { return sfloat::from_carried(detail::sfm::expm1_carried(x)); }
// Returns -max() for x <= 0.
ONCOSTATE_ALWAYS_INLINE constexpr sfloat log(sfloat x) noexcept { return sfloat::from_carried(detail::sfm::log_carried(x)); }
// Returns -max() for x <= -1.
ONCOSTATE_ALWAYS_INLINE constexpr sfloat log1p(sfloat x) noexcept { return sfloat::from_carried(detail::sfm::log1p_carried(x)); }

// e^x. Reduction x = (64 m + j) ln2/64 + r with |r| <= ln2/128 (Cody-Waite), a table of 2^(j/64),
// and a short Taylor polynomial for e^r (Tang 1989).
template <class R>
constexpr R exp(R x) noexcept {
    using c = detail::constants<R>;
    using t = real_traits<R>;
    constexpr R max_log = t::max_log();
    if (x > max_log) return t::max();
    if (x < -max_log) return c::zero;
    const auto& tb = detail::tables<R>::value;
    const std::int64_t k = t::floor_int(x * c::inv_ln2_64 + c::half);
    const R kr = t::from_int(k);
    const R r = (x - kr * c::ln2_64_hi) - kr * c::ln2_64_lo;
    R q = tb.inv_fact[t::exp_terms];  // q = e^r - 1 = r (1 + r/2! + r^2/3! + ...)
    for (int i = t::exp_terms - 1; i >= 1; --i) q = tb.inv_fact[i] + r * q;
    q = r * q;
    const int j = static_cast<int>(k & 63);
    const int m = static_cast<int>(::oncostate::detail::shift_right_floor(k, 6));
    const R base = tb.exp2[j];
    return t::ldexp(base + base * q, m);
}

// Natural logarithm; returns -max() for x <= 0. x = 2^e c (1 + t), |t| < 1/64, with c from a
// 64-entry table over [1, 2) (or over [1/2, 1) when x is there, so that nothing cancels near 1):
// log x = e ln2 + log c + log1p(t), the last from a short series.
template <class R>
constexpr R log(R x) noexcept {
    using c = detail::constants<R>;
    using t = real_traits<R>;
    if (!(x > c::zero)) return -t::max();
    if (x < c::one_plus_64th && x > c::one_minus_64th) return detail::log1p_small(x - c::one);  // exact x - 1
    const auto& tb = detail::tables<R>::value;
    int e = 0;
    const R f = t::frexp(x, e);  // x = f 2^e, f in [1/2, 1)
    if (e == 0) {                // x in [1/2, 1): table over [1/2, 1) in steps of 1/128
        const int j = static_cast<int>(t::floor_int((f - c::half) * c::sixty_four * c::two));
        const R cj = c::half + t::from_int(j) * c::sixty_fourth * c::half;
        return tb.log_lo[j] + detail::log1p_small((f - cj) * tb.inv_lo[j]);
    }
    const R g = t::ldexp(f, 1);  // x = g 2^(e-1), g in [1, 2)
    const int j = static_cast<int>(t::floor_int((g - c::one) * c::sixty_four));
    const R cj = c::one + t::from_int(j) * c::sixty_fourth;
    const R logg = tb.log_c[j] + detail::log1p_small((g - cj) * tb.inv_c[j]);
    const R er = t::from_int(e - 1);
    return er * c::ln2_hi + (er * c::ln2_lo + logg);
}

// log(1 + x), accurate for small |x| (a short series below 1/64); returns -max() for x <= -1.
template <class R>
constexpr R log1p(R x) noexcept {
    using c = detail::constants<R>;
    if (abs(x) < c::sixty_fourth) return detail::log1p_small(x);
    const R u = c::one + x;
    const R d = u - c::one;
    if (d == c::zero) return x;  // 1 + x rounds to 1: log1p(x) = x to working precision
    return log(u) * (x / d);     // corrects the rounding of 1 + x (Goldberg 1991)
}

// e^x - 1, accurate for small |x|: a short series below 1/64, halving and doubling
// (e^x - 1 = e (e + 2) with e = e^(x/2) - 1) up to ln2/2, e^x - 1 beyond.
template <class R>
constexpr R expm1(R x) noexcept {
    using c = detail::constants<R>;
    if (!(abs(x) < c::ln2 * c::half)) return exp(x) - c::one;
    int halvings = 0;
    for (; halvings < 6 && !(abs(x) < c::sixty_fourth); ++halvings) x = x * c::half;
    R e = detail::expm1_small(x);
    for (int i = 0; i < halvings; ++i) e = e * (e + c::two);
    return e;
}

// Square root; returns 0 for x <= 0. Correctly rounded for every type: float and double use the
// IEEE square root (one instruction on x86 and on a Cortex-M4F/M7; libm elsewhere), sfloat an
// integer square root of its mantissa. The generic Newton iteration below serves other types.
constexpr float sqrt(float x) noexcept { return x > 0.0f ? __builtin_sqrtf(x) : 0.0f; }
constexpr double sqrt(double x) noexcept { return x > 0.0 ? __builtin_sqrt(x) : 0.0; }
namespace detail::sfm {
constexpr sfloat::carried sqrt_carried(sfloat x) noexcept {
    if (x.is_zero() || x.negative()) return sfloat{}.to_carried();
    // x = m 2^E with E = exponent - 31; make the power even and take the root of a 64-bit integer
    const int e = x.exponent() - 31;
    const bool odd = (e & 1) != 0;
    const std::uint64_t op = static_cast<std::uint64_t>(x.mantissa()) << (odd ? 31 : 32);  // [2^62, 2^64)
    const int e2 = e - (odd ? 31 : 32);
    const std::uint32_t root = isqrt_floor(op);
    const std::uint64_t rem = op - ::oncostate::detail::mul_32x32(root, root);
    return sfloat::make(false, std::uint64_t{root} + (rem > root ? 1u : 0u), e2 / 2).to_carried();  // to nearest
}
}  // namespace detail::sfm
ONCOSTATE_ALWAYS_INLINE constexpr sfloat sqrt(sfloat x) noexcept { return sfloat::from_carried(detail::sfm::sqrt_carried(x)); }

template <class R>
constexpr R sqrt(R x) noexcept {
    using c = detail::constants<R>;
    using t = real_traits<R>;
    if (!(x > c::zero)) return c::zero;
    int k = 0;
    R f = t::frexp(x, k);  // f in [0.5, 1)
    if (k % 2 != 0) {
        f = f * c::two;    // f in [1, 2)
        --k;
    }
    constexpr R a = R(0.41731);
    constexpr R b = R(0.59016);
    R y = a + b * f;  // linear first guess, good to ~1% on [0.5, 2)
    for (int i = 0; i < t::newton_steps; ++i) y = c::half * (y + f / y);
    return t::ldexp(y, k / 2);
}

// Cube root (odd: cbrt(-x) = -cbrt(x)).
template <class R>
constexpr R cbrt(R x) noexcept {
    using c = detail::constants<R>;
    using t = real_traits<R>;
    if (x == c::zero) return x;
    const bool neg = x < c::zero;
    if (neg) x = -x;
    int k = 0;
    R f = t::frexp(x, k);  // f in [0.5, 1)
    int rem = k % 3;
    if (rem < 0) rem += 3;
    f = t::ldexp(f, rem);  // f in [0.5, 4)
    k -= rem;
    constexpr R a = R(0.6);
    constexpr R b = R(0.35);
    R y = a + b * f;  // first guess
    for (int i = 0; i < t::newton_steps + 1; ++i) y = (c::two * y + f / (y * y)) / c::three;
    y = t::ldexp(y, k / 3);
    return neg ? -y : y;
}

// x^y for x > 0; pow(0, y) = 0 for y > 0 and 1 for y == 0; negative x gives 0.
template <class R>
constexpr R pow(R x, R y) noexcept {
    using c = detail::constants<R>;
    if (y == c::zero) return c::one;
    if (!(x > c::zero)) return c::zero;
    return exp(y * log(x));
}

// Fixed-point versions: evaluated in sfloat, rounded to nearest and saturated.
template <int I, int F> constexpr fixed<I, F> exp(fixed<I, F> x) noexcept { return fixed<I, F>::from_real(exp(x.to_real())); }
template <int I, int F> constexpr fixed<I, F> log(fixed<I, F> x) noexcept { return fixed<I, F>::from_real(log(x.to_real())); }
template <int I, int F> constexpr fixed<I, F> log1p(fixed<I, F> x) noexcept { return fixed<I, F>::from_real(log1p(x.to_real())); }
template <int I, int F> constexpr fixed<I, F> expm1(fixed<I, F> x) noexcept { return fixed<I, F>::from_real(expm1(x.to_real())); }
template <int I, int F> constexpr fixed<I, F> sqrt(fixed<I, F> x) noexcept { return fixed<I, F>::from_real(sqrt(x.to_real())); }
template <int I, int F> constexpr fixed<I, F> cbrt(fixed<I, F> x) noexcept { return fixed<I, F>::from_real(cbrt(x.to_real())); }
template <int I, int F> constexpr fixed<I, F> pow(fixed<I, F> x, fixed<I, F> y) noexcept {
    return fixed<I, F>::from_real(pow(x.to_real(), y.to_real()));
}
template <int I, int F> constexpr fixed<I, F> abs(fixed<I, F> x) noexcept { return x < fixed<I, F>{} ? -x : x; }

}  // namespace math
ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_MATH_HPP
