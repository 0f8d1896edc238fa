// oncostate internals: exp, expm1, log, log1p and sqrt of an sfloat, computed in 64-bit integer
// fixed point and rounded once at the end.
//
// The generic algorithms in math.hpp, run in sfloat, round after every operation and normalise
// every intermediate; these keep the intermediates as plain integers (Q64: value * 2^64), so an
// evaluation costs a handful of integer multiplies. Same reductions as the generic versions:
//   exp    x log2(e) = n + j/64 + r, 2^(j/64) from a table, e^(r ln2) from a degree-5 polynomial;
//   log    x = 2^k (1 + j/64)(1 + r), log(1 + j/64) from a table, log1p(r) from a degree-7 series,
//          and near 1 the series on x - 1 itself (no cancellation);
//   sqrt   a reciprocal square root by Newton's iteration in 32-bit arithmetic, then the exact
//          integer remainder decides the last units (correctly rounded).
// Intermediate errors stay below 2^-40 relative, so the final rounding to sfloat's 32-bit mantissa
// is nearly always the correctly rounded one (the accuracy tests measure it). Integer operations
// only: results are bit-identical on every platform. On Thumb-1 cores the 64-bit products are
// built from detail::mul_32x32 (16-bit multiplies), elsewhere from the compiler's wide multiply.
#ifndef ONCOSTATE_DETAIL_SFLOAT_MATH_HPP
#define ONCOSTATE_DETAIL_SFLOAT_MATH_HPP

#include "../config.hpp"
#include "../sfloat.hpp"
#include "bits.hpp"
#include "constexpr_math.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN
namespace math::detail::sfm {

constexpr std::uint64_t q64_one_over(std::uint64_t k) noexcept { return UINT64_MAX / k; }

// The high 64 bits of a * b.
constexpr std::uint64_t mulhi(std::uint64_t a, std::uint64_t b) noexcept { return ::oncostate::detail::mul_64x64_hi(a, b); }

constexpr std::uint64_t ln2_q64 = 0xB17217F7D1CF79ABu;    // ln 2 * 2^64
constexpr std::uint64_t log2e_q62 = 0x5C551D94AE0BF85Du;  // log2(e) * 2^62

// exp2_q63[j] = 2^(j/64) 2^63, log_q64[j] = log(1 + j/64) 2^64, inv_q63[j] = 2^63 / (1 + j/64);
// built at compile time from the double helpers (53 significant bits, far beyond the 32 kept).
struct tables {
    std::uint64_t exp2_q63[64];
    std::uint64_t log_q64[64];
    std::uint64_t inv_q63[64];
    static constexpr tables make() {
        tables t{};
        for (int j = 0; j < 64; ++j) {
            t.exp2_q63[j] = static_cast<std::uint64_t>(ce_exp(j * (0.6931471805599453094 / 64.0)) * 9223372036854775808.0);
            t.log_q64[j] = static_cast<std::uint64_t>(ce_log1p(j / 64.0) * 18446744073709551616.0);
            t.inv_q63[j] = static_cast<std::uint64_t>(9223372036854775808.0 / (1.0 + j / 64.0));
        }
        return t;
    }
};
inline constexpr tables table = tables::make();

// x (1 + d) for |x| = a_mag 2^(e - 63) < 1/64 (a_mag has its top bit set), where
// d = sum over i >= 1 of c[i - 1] z^i and z = x (z_is_minus_x false) or -x: e^x - 1 and
// log(1 + x) as x times a series. c holds the coefficients in Q64, count of them.
constexpr sfloat::carried times_series(bool neg, std::uint64_t a_mag, std::int32_t e, const std::uint64_t* c, int count,
                                       bool z_is_minus_x) noexcept {
    const std::int32_t shift = -(e + 1);  // |x| in Q64 is a_mag 2^(e + 1)
    const std::uint64_t a = shift >= 64 ? 0 : a_mag >> shift;
    const bool z_negative = neg != z_is_minus_x;
    // Horner on the magnitudes: inner = c1 + z (c2 + z (c3 + ...)); each bracket stays positive
    // because |z| < 1/64 and c[i + 1] < c[i]
    std::uint64_t inner = c[count - 1];
    for (int i = count - 2; i >= 0; --i) inner = z_negative ? c[i] - mulhi(a, inner) : c[i] + mulhi(a, inner);
    const std::uint64_t d = mulhi(a, inner);  // |d| < 2^-6 in Q64
    const std::uint64_t half = a_mag >> 1;     // headroom for x (1 + d)
    const std::uint64_t m = z_negative ? half - mulhi(half, d) : half + mulhi(half, d);
    return sfloat::make(neg, m, e - 62).to_carried();
}

// Q64 coefficients: 1/(i + 1)! for e^x - 1 = x (1 + x/2 + x^2/6 + ...), error below 2^-48;
// 1/(i + 1) for log(1 + x) = x (1 - x/2 + x^2/3 - ...), error below 2^-45.
struct series {
    std::uint64_t expm1[5];
    std::uint64_t log1p[6];
    static constexpr series make() {
        series s{};
        std::uint64_t f = 1;
        for (std::uint64_t i = 0; i < 5; ++i) {
            f *= i + 2;
            s.expm1[i] = q64_one_over(f);
        }
        for (std::uint64_t i = 0; i < 6; ++i) s.log1p[i] = q64_one_over(i + 2);
        return s;
    }
};
inline constexpr series coefficients = series::make();

// e^x = m 2^(n - 63), m in [2^63, 2^64), for x = -+mant 2^(e - 31) with -50 <= e <= 13.
constexpr std::uint64_t exp_parts(bool neg, std::uint32_t mant, std::int32_t e, std::int32_t& n) noexcept {
    // y = x log2(e) in Q48 (truncated: error below 2^-47)
    const std::uint64_t p_hi = ::oncostate::detail::mul_32x32(mant, static_cast<std::uint32_t>(log2e_q62 >> 32));
    const std::uint64_t p_lo = ::oncostate::detail::mul_32x32(mant, static_cast<std::uint32_t>(log2e_q62));
    const std::uint64_t top = p_hi + (p_lo >> 32);  // mant log2e_q62 / 2^32
    const std::uint64_t y_mag = top >> (13 - e);     // y 2^48 = top 2^(e - 13); 0 <= 13 - e <= 63
    const std::int64_t y = neg ? -static_cast<std::int64_t>(y_mag) : static_cast<std::int64_t>(y_mag);
    const std::int64_t whole = ::oncostate::detail::shift_right_floor(y, 48);
    const std::uint64_t f = static_cast<std::uint64_t>(y - whole * (std::int64_t{1} << 48));  // [0, 2^48)
    const std::uint64_t j = f >> 42;
    const std::uint64_t t = mulhi((f & ((std::uint64_t{1} << 42) - 1)) << 16, ln2_q64);  // r ln2 in Q64, < 2^-6
    // e^t - 1 = t + t^2 (1/2 + t (1/6 + t (1/24 + t/120))), error below 2^-48
    const auto& c = coefficients.expm1;
    std::uint64_t q = c[2] + mulhi(t, c[3]);
    q = c[1] + mulhi(t, q);
    q = c[0] + mulhi(t, q);
    const std::uint64_t s = t + mulhi(t, mulhi(t, q));
    const std::uint64_t base = table.exp2_q63[j];
    n = static_cast<std::int32_t>(whole);
    return base + mulhi(base, s);
}

// log(m 2^(k - 63)) for m with its top bit set.
constexpr sfloat::carried log_parts(std::uint64_t m, std::int32_t k) noexcept {
    constexpr std::uint64_t top = std::uint64_t{1} << 63;
    const auto& c = coefficients.log1p;
    if (k == 0 && m < top + (std::uint64_t{1} << 57)) {  // [1, 1 + 1/64): the series on x - 1
        const std::uint64_t r = m - top;                 // x - 1 = r 2^-63
        if (r == 0) return sfloat{}.to_carried();
        const int lz = ::oncostate::detail::clz64(r);
        return times_series(false, r << lz, -lz, c, 6, true);
    }
    if (k == -1 && m >= ~std::uint64_t{0} << 58) {  // [1 - 1/64, 1): the series on x - 1
        const std::uint64_t r = ~m + 1;                // 1 - x = r 2^-64
        const int lz = ::oncostate::detail::clz64(r);
        return times_series(true, r << lz, -1 - lz, c, 6, true);
    }
    // x = 2^k g, g = m 2^-63 in [1, 2); g = (1 + j/64)(1 + r), r in [0, 1/64)
    const std::uint64_t j = (m >> 57) & 63u;
    const std::uint64_t delta = m & ((std::uint64_t{1} << 57) - 1);  // g - (1 + j/64), Q63
    const std::uint64_t r = mulhi(delta << 2, table.inv_q63[j]);  // Q64
    // log1p(r) = r - r^2 (1/2 - r (1/3 - r (1/4 - ...))), error below 2^-51
    std::uint64_t h = c[5];
    for (int i = 4; i >= 0; --i) h = c[i] - mulhi(r, h);
    const std::uint64_t log_g = table.log_q64[j] + (r - mulhi(r, mulhi(r, h)));  // < 1
    // the sum in Q48: |log x| < 2^14
    const std::int64_t sum = static_cast<std::int64_t>(k) * static_cast<std::int64_t>(ln2_q64 >> 16) +
                             static_cast<std::int64_t>(log_g >> 16);
    return (sum < 0 ? sfloat::make(true, static_cast<std::uint64_t>(-sum), -48)
                    : sfloat::make(false, static_cast<std::uint64_t>(sum), -48))
        .to_carried();
}

// 2^31 / sqrt(g) at the midpoint of each interval [1 + i/16, 1 + (i + 1)/16), i = 0..47: the
// seed of isqrt_floor's Newton iteration (error below 1.6%), in static storage.
inline constexpr std::uint32_t rsqrt_seed[48] = {
    2114695713u, 2053387115u, 1997119227u, 1945237133u, 1897199172u, 1852552937u, 1810917218u, 1771968208u,
    1735428857u, 1701060526u, 1668656406u, 1638036256u, 1609042172u, 1581535151u, 1555392273u, 1530504391u,
    1506774204u, 1484114654u, 1462447584u, 1441702596u, 1421816090u, 1402730445u, 1384393311u, 1366757007u,
    1349778000u, 1333416450u, 1317635818u, 1302402522u, 1287685637u, 1273456629u, 1259689126u, 1246358707u,
    1233442724u, 1220920139u, 1208771378u, 1196978204u, 1185523604u, 1174391680u, 1163567563u, 1153037323u,
    1142787899u, 1132807028u, 1123083182u, 1113605518u, 1104363818u, 1095348453u, 1086550331u, 1077960865u};

// floor(sqrt(op)) for op in [2^62, 2^64).
constexpr std::uint32_t isqrt_floor(std::uint64_t op) noexcept {
    // y ~ 2^31 / sqrt(g) for g = a 2^-30 in [1, 4): rsqrt_seed by the top 6 bits and three Newton steps
    // y += y (1 - g y^2) / 2 (error below 2^-29)
    const std::uint32_t a = static_cast<std::uint32_t>(op >> 32);
    std::uint32_t y = rsqrt_seed[(a >> 26) - 16u];
    for (int i = 0; i < 3; ++i) {
        const std::uint32_t y2 = static_cast<std::uint32_t>(::oncostate::detail::mul_32x32(y, y) >> 31);         // y^2, Q31
        const std::uint32_t gy2 = static_cast<std::uint32_t>(::oncostate::detail::mul_32x32(a, y2) >> 30);      // g y^2, Q31
        const std::uint32_t dy = gy2 <= 0x80000000u ? 0x80000000u - gy2 : gy2 - 0x80000000u;      // |1 - g y^2|, Q31
        const std::uint32_t step = static_cast<std::uint32_t>(::oncostate::detail::mul_32x32(y, dy) >> 32);   // y |1 - g y^2| / 2
        y = gy2 <= 0x80000000u ? y + step : y - step;
    }
    // s ~ sqrt(op) = g y 2^31 (within a few units), then the exact remainder settles it
    const std::uint64_t s = ::oncostate::detail::mul_32x32(a, y) >> 30;
    std::uint32_t r = s > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<std::uint32_t>(s);
    for (int i = 0; i < 64 && ::oncostate::detail::mul_32x32(r, r) > op; ++i) --r;
    for (int i = 0; i < 64 && r < 0xFFFFFFFFu && ::oncostate::detail::mul_32x32(r + 1, r + 1) <= op; ++i) ++r;
    return r;
}

}  // namespace math::detail::sfm
ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_DETAIL_SFLOAT_MATH_HPP
