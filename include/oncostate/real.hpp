// oncostate: the "real" types (float, double, sfloat) and how a model scalar maps onto one.
//
// A model scalar is what the user picks: float, double or a fixed<I, F>. Probabilities, rates and
// random variates need range and relative precision that a Q-format lacks, so each scalar names
// a real type for them: float -> float, double -> double, fixed<I, F> -> sfloat (integer-only,
// bit-identical everywhere). real_traits gives the few primitives the math and the samplers need.
#ifndef ONCOSTATE_REAL_HPP
#define ONCOSTATE_REAL_HPP

#include "config.hpp"
#include "detail/bits.hpp"
#include "fixed.hpp"
#include "sfloat.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

template <class R>
struct real_traits;  // defined for float, double and sfloat only

namespace detail {

// IEEE-754 binary32/binary64 primitives through the bit pattern (no <cmath>, no libm).
template <class F, class U, int MantBits, int ExpBias, int MaxExp>
struct ieee_ops {
    static constexpr U exp_mask = (U{1} << (sizeof(U) * 8 - 1 - MantBits)) - 1;

    static constexpr F pow2(int k) noexcept {  // 2^k for k in [1 - ExpBias, ExpBias]
        return bit_cast<F>(static_cast<U>(static_cast<U>(k + ExpBias) << MantBits));
    }
    static constexpr F ldexp(F x, int k) noexcept {
        if (k > 3 * MaxExp) k = 3 * MaxExp;
        if (k < -3 * MaxExp) k = -3 * MaxExp;
        for (int i = 0; i < 4 && k > MaxExp - 1; ++i) {
            x *= pow2(MaxExp - 1);
            k -= MaxExp - 1;
        }
        for (int i = 0; i < 4 && k < 2 - MaxExp; ++i) {
            x *= pow2(2 - MaxExp);
            k -= 2 - MaxExp;
        }
        return x * pow2(k);
    }
    // x = f * 2^k with f in [0.5, 1); zero gives (0, 0).
    static constexpr F frexp(F x, int& k) noexcept {
        k = 0;
        if (x == F(0)) return x;
        U bits = bit_cast<U>(x);
        int field = static_cast<int>((bits >> MantBits) & exp_mask);
        if (field == 0) {  // subnormal: scale up first
            x *= pow2(MantBits + 2);
            k = -(MantBits + 2);
            bits = bit_cast<U>(x);
            field = static_cast<int>((bits >> MantBits) & exp_mask);
        }
        k += field - (ExpBias - 1);
        bits = static_cast<U>((bits & ~(exp_mask << MantBits)) | (static_cast<U>(ExpBias - 1) << MantBits));
        return bit_cast<F>(bits);
    }
};

// Conversions between IEEE values and 64-bit integers. Narrow (the default on 32-bit cores):
// through 32-bit integers where the value fits, which such a core converts in one instruction
// or a short routine, while its 64-bit conversions are library routines (GCC's float-to-uint64
// on a Cortex-M4F goes through double arithmetic), and a probability's 64-bit binary fraction
// from its bits. Wide (64-bit hosts): the compiler's own conversions, faster there. The results
// are the same either way (tests/core/test_math.cpp checks both against the plain casts).
#if defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ >= 8
constexpr bool ieee_narrow = false;
#else
constexpr bool ieee_narrow = true;
#endif

template <class F, bool Narrow = ieee_narrow>
constexpr std::int64_t ieee_floor_int(F x) noexcept {
    if (!(x == x)) return 0;  // NOLINT(misc-redundant-expression): NaN test without <cmath>
    if (x >= F(9.2e18)) return INT64_MAX;
    if (x <= F(-9.2e18)) return INT64_MIN;
    if (Narrow && x > F(-2147483648.0) && x < F(2147483648.0)) {
        std::int32_t t = static_cast<std::int32_t>(x);  // > INT32_MIN, so t - 1 fits
        if (static_cast<F>(t) > x) --t;
        return t;
    }
    std::int64_t t = static_cast<std::int64_t>(x);
    if (static_cast<F>(t) > x) --t;
    return t;
}

template <class F, bool Narrow = ieee_narrow>
constexpr F ieee_from_uint(std::uint64_t v) noexcept {
    return Narrow && (v >> 32) == 0 ? static_cast<F>(static_cast<std::uint32_t>(v)) : static_cast<F>(v);
}
template <class F, bool Narrow = ieee_narrow>
constexpr F ieee_from_int(std::int64_t v) noexcept {
    return Narrow && v >= INT32_MIN && v <= INT32_MAX ? static_cast<F>(static_cast<std::int32_t>(v)) : static_cast<F>(v);
}

// p 2^64 truncated. Narrow: from p's bits, p = m 2^(field - bias - MantBits) (a subnormal:
// m 2^(1 - bias - MantBits)), exactly static_cast<std::uint64_t>(p * 2^64) without the conversion.
template <class F, class U, int MantBits, int ExpBias, bool Narrow = ieee_narrow>
constexpr std::uint64_t ieee_fraction64(F p) noexcept {
    if (!(p > F(0))) return 0;
    if (p >= F(1)) return UINT64_MAX;
    if (!Narrow) return static_cast<std::uint64_t>(p * F(18446744073709551616.0));
    const U bits = bit_cast<U>(p);
    const int field = static_cast<int>(bits >> MantBits);  // the sign bit is 0
    const std::uint64_t m = static_cast<std::uint64_t>(bits & ((U{1} << MantBits) - 1)) | (field != 0 ? std::uint64_t{1} << MantBits : 0u);
    const int e = (field != 0 ? field : 1) - ExpBias - MantBits + 64;  // p 2^64 = m 2^e, e <= 64 - MantBits - 1
    if (e >= 0) return m << e;
    return e > -64 ? m >> -e : 0;
}

}  // namespace detail

template <>
struct real_traits<float> {
    using ops = detail::ieee_ops<float, std::uint32_t, 23, 127, 128>;
    static constexpr const char* name = "float";
    static constexpr int exp_terms = 3;    // Taylor terms of e^r, |r| <= ln2/128
    static constexpr int log_terms = 4;    // series terms of log1p(t) and expm1(t), |t| <= 1/64
    static constexpr int newton_steps = 3; // sqrt/cbrt refinements
    // below this |t|, log1p(t) = t (1 - t/2) and expm1(t) = t (1 + t/2) to the type's precision
    // (the neglected t^2/3 relative term is under half an ulp)
    static constexpr float tiny() noexcept { return 1.0f / 8192.0f; }  // 2^-13
    static constexpr float max() noexcept { return 3.0e38f; }
    static constexpr float max_log() noexcept { return 88.0f; }  // exp(x) saturates above
    static constexpr float ldexp(float x, int k) noexcept { return ops::ldexp(x, k); }
    static constexpr float frexp(float x, int& k) noexcept { return ops::frexp(x, k); }
    static constexpr std::int64_t floor_int(float x) noexcept { return detail::ieee_floor_int(x); }
    static constexpr float from_int(std::int64_t v) noexcept { return detail::ieee_from_int<float>(v); }
    static constexpr float from_uint(std::uint64_t v) noexcept { return detail::ieee_from_uint<float>(v); }
    static constexpr std::uint64_t fraction64(float p) noexcept { return detail::ieee_fraction64<float, std::uint32_t, 23, 127>(p); }
    // A value the arithmetic can produce: any float (extreme parameters can give inf or NaN).
    static constexpr bool produced(float) noexcept { return true; }
    // Uniform on [0, 1) with 24 random bits.
    static constexpr float uniform_from_bits(std::uint32_t a, std::uint32_t) noexcept {
        return static_cast<float>(a >> 8) * (1.0f / 16777216.0f);
    }
};

template <>
struct real_traits<double> {
    using ops = detail::ieee_ops<double, std::uint64_t, 52, 1023, 1024>;
    static constexpr const char* name = "double";
    static constexpr int exp_terms = 6;
    static constexpr int log_terms = 9;
    static constexpr int newton_steps = 5;
    static constexpr double tiny() noexcept { return 1.0 / 268435456.0; }  // 2^-28
    static constexpr double max() noexcept { return 1.0e308; }
    static constexpr double max_log() noexcept { return 709.0; }
    static constexpr double ldexp(double x, int k) noexcept { return ops::ldexp(x, k); }
    static constexpr double frexp(double x, int& k) noexcept { return ops::frexp(x, k); }
    static constexpr std::int64_t floor_int(double x) noexcept { return detail::ieee_floor_int(x); }
    static constexpr double from_int(std::int64_t v) noexcept { return detail::ieee_from_int<double>(v); }
    static constexpr double from_uint(std::uint64_t v) noexcept { return detail::ieee_from_uint<double>(v); }
    static constexpr std::uint64_t fraction64(double p) noexcept { return detail::ieee_fraction64<double, std::uint64_t, 52, 1023>(p); }
    static constexpr bool produced(double) noexcept { return true; }
    // Uniform on [0, 1) with 53 random bits from two draws.
    static constexpr double uniform_from_bits(std::uint32_t a, std::uint32_t b) noexcept {
        return (static_cast<double>(a >> 5) * 67108864.0 + static_cast<double>(b >> 6)) * (1.0 / 9007199254740992.0);
    }
};

template <>
struct real_traits<sfloat> {
    static constexpr const char* name = "sfloat";
    static constexpr int newton_steps = 4;  // cbrt (exp, log, log1p, expm1, sqrt: math.hpp's sfloat overloads)
    static constexpr sfloat max() noexcept { return sfloat::max(); }
    static constexpr sfloat max_log() noexcept { return sfloat(11000.0); }
    static constexpr sfloat ldexp(sfloat x, int k) noexcept { return x.scaled(k); }
    static constexpr sfloat frexp(sfloat x, int& k) noexcept {
        if (x.is_zero()) {
            k = 0;
            return x;
        }
        k = x.exponent() + 1;
        return x.scaled(-k);
    }
    static constexpr std::int64_t floor_int(sfloat x) noexcept { return x.floor_int(); }
    static constexpr sfloat from_int(std::int64_t v) noexcept { return sfloat::from_int(v); }
    static constexpr sfloat from_uint(std::uint64_t v) noexcept { return sfloat::from_uint(v); }
    static constexpr std::uint64_t fraction64(sfloat p) noexcept { return p.fraction64(); }
    static constexpr bool produced(sfloat x) noexcept { return x.canonical(); }
    // Uniform on [0, 1) with 32 random bits (the second word is not used).
    static constexpr sfloat uniform_from_bits(std::uint32_t a, std::uint32_t) noexcept {
        return sfloat::make(false, a, -32);
    }
};

// How a model scalar maps onto its real type.
template <class Scalar>
struct scalar_traits {
    static_assert(sizeof(Scalar) == 0,
                  "oncostate: the scalar type must be float, double or oncostate::fixed<I, F>");
};

template <>
struct scalar_traits<float> {
    using real = float;
    static constexpr bool is_fixed = false;
    static constexpr const char* name = "float";
    static constexpr real to_real(float x) noexcept { return x; }
    static constexpr float from_real(real x) noexcept { return x; }
};

template <>
struct scalar_traits<double> {
    using real = double;
    static constexpr bool is_fixed = false;
    static constexpr const char* name = "double";
    static constexpr real to_real(double x) noexcept { return x; }
    static constexpr double from_real(real x) noexcept { return x; }
};

template <int I, int F>
struct scalar_traits<fixed<I, F>> {
    using real = sfloat;
    static constexpr bool is_fixed = true;
    static constexpr const char* name = "fixed";
    static constexpr real to_real(fixed<I, F> x) noexcept { return x.to_real(); }
    static constexpr fixed<I, F> from_real(real x) noexcept { return fixed<I, F>::from_real(x); }
};

template <class Scalar>
using real_t = typename scalar_traits<Scalar>::real;

// Constants every layer needs, constant-initialised (never converted from double at run time,
// which would pull soft-float code into a fixed-point build on a Cortex-M0).
template <class R>
struct real_const {
    static constexpr R zero = R(0.0);
    static constexpr R half = R(0.5);
    static constexpr R one = R(1.0);
    static constexpr R two = R(2.0);
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_REAL_HPP
