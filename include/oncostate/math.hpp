// oncostate: elementary functions for every scalar type, computed by the library itself.
//
// One algorithm per function, written once over the real types (float, double, sfloat), so no
// result depends on the platform's libm. For fixed<I, F> the function is evaluated in sfloat and
// rounded back, which makes fixed-point results bit-identical on every platform.
// Domain: log, pow and cbrt/sqrt of out-of-domain arguments return a documented value (see each
// function) instead of NaN; exp saturates.
#ifndef ONCOSTATE_MATH_HPP
#define ONCOSTATE_MATH_HPP

#include "config.hpp"
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
    static constexpr R inv_ln2 = R(1.4426950408889634074);
    static constexpr R sqrt_half = R(0.7071067811865475244);
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
}  // namespace detail

template <class R>
constexpr R abs(R x) noexcept {
    return x < detail::constants<R>::zero ? -x : x;
}

// e^x. Cody-Waite reduction x = k ln2 + r, |r| <= ln2/2, then a Taylor polynomial.
template <class R>
constexpr R exp(R x) noexcept {
    using c = detail::constants<R>;
    using t = real_traits<R>;
    constexpr R max_log = t::max_log();
    if (x > max_log) return t::max();
    if (x < -max_log) return c::zero;
    const std::int64_t k = t::floor_int(x * c::inv_ln2 + c::half);
    const R kr = t::from_int(k);
    const R r = (x - kr * c::ln2_hi) - kr * c::ln2_lo;
    // sum_{i=0}^{n} r^i / i!  by Horner from the highest term
    R p = c::one;
    for (int i = t::exp_terms; i >= 1; --i) p = c::one + p * r * detail::inverse_int<R>::value[i];
    return t::ldexp(p, static_cast<int>(k));
}

// Natural logarithm; returns -max() for x <= 0.
template <class R>
constexpr R log(R x) noexcept {
    using c = detail::constants<R>;
    using t = real_traits<R>;
    if (!(x > c::zero)) return -t::max();
    int k = 0;
    R f = t::frexp(x, k);  // x = f 2^k, f in [0.5, 1)
    if (f < c::sqrt_half) {
        f = f * c::two;
        --k;
    }
    // log f = 2 atanh(s), s = (f - 1) / (f + 1), |s| <= 0.1716
    const R s = (f - c::one) / (f + c::one);
    const R z = s * s;
    R p = c::zero;
    for (int i = t::log_terms; i >= 1; --i) p = (p + detail::inverse_int<R>::value[2 * i + 1]) * z;
    const R logf = c::two * s * (c::one + p);
    const R kr = t::from_int(k);
    return kr * c::ln2_hi + (kr * c::ln2_lo + logf);
}

// log(1 + x), accurate for small |x|; returns -max() for x <= -1.
template <class R>
constexpr R log1p(R x) noexcept {
    using c = detail::constants<R>;
    const R u = c::one + x;
    const R d = u - c::one;
    if (d == c::zero) return x;  // 1 + x rounds to 1: log1p(x) = x to working precision
    return log(u) * (x / d);     // corrects the rounding of 1 + x (Goldberg 1991)
}

// e^x - 1, accurate for small |x|.
template <class R>
constexpr R expm1(R x) noexcept {
    using c = detail::constants<R>;
    using t = real_traits<R>;
    if (abs(x) < c::ln2 * c::half) {
        R p = c::one;
        for (int i = t::exp_terms + 1; i >= 2; --i) p = c::one + p * x * detail::inverse_int<R>::value[i];
        return x * p;  // x (1 + x/2 (1 + x/3 (...)))
    }
    return exp(x) - c::one;
}

// Square root; returns 0 for x <= 0.
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
