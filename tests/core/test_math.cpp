// Elementary functions: known values in every scalar type (reference values to 17 digits).
#include "oncostate_test.hpp"
#include "stats.hpp"

namespace om = oncostate::math;
using oncostate::q16_16;
using oncostate::sfloat;

namespace {

using test::as_double;

bool close(double got, double want, double rel) { return test::dabs(got - want) <= rel * test::dabs(want); }

template <class R>
void check_known_values(double rel) {
    CHECK(close(as_double(om::exp(R(1.0))), 2.7182818284590452, rel));
    CHECK(close(as_double(om::exp(R(-20.0))), 2.0611536224385579e-09, rel));
    CHECK(close(as_double(om::exp(R(50.0))), 5.1847055285870725e+21, rel));
    CHECK(close(as_double(om::log(R(2.0))), 0.69314718055994531, rel));
    CHECK(close(as_double(om::log(R(1e-12))), -27.631021115928547, rel));
    CHECK(close(as_double(om::log(R(3e10))), 24.124463218608568, rel));
    CHECK(close(as_double(om::log1p(R(1e-10))), 9.9999999995e-11, rel));
    CHECK(close(as_double(om::log1p(R(-0.13))), -0.13926206733350766, rel));
    CHECK(close(as_double(om::expm1(R(1e-9))), 1.0000000005e-09, rel));
    CHECK(close(as_double(om::expm1(R(-0.0101))), -0.010049166284122698, rel));
    CHECK(close(as_double(om::sqrt(R(2.0))), 1.4142135623730950, rel));
    CHECK(close(as_double(om::sqrt(R(6.5e7))), 8062.25774829855, rel));
    CHECK(close(as_double(om::cbrt(R(27.0))), 3.0, rel));
    CHECK(close(as_double(om::cbrt(R(1.909859317102744))), 1.2407009817988, rel));  // 6/pi
    CHECK(close(as_double(om::cbrt(R(-8.0))), -2.0, rel));
    CHECK(close(as_double(om::pow(R(2.0), R(10.0))), 1024.0, rel));
    CHECK(close(as_double(om::pow(R(0.87), R(21.0))), 0.05369134766512076, rel * 10));
    // documented out-of-domain results
    CHECK(om::sqrt(R(-1.0)) == R(0.0));
    CHECK(om::log(R(0.0)) < R(-1e30));
    CHECK(om::pow(R(-2.0), R(3.0)) == R(0.0));
}

}  // namespace

TEST_CASE("math: known values in float") { check_known_values<float>(2e-6); }
TEST_CASE("math: known values in double") { check_known_values<double>(1e-14); }
TEST_CASE("math: known values in sfloat") { check_known_values<sfloat>(1e-8); }

TEST_CASE("math: sfloat at the edges of each function's range") {
    const sfloat zero(0.0), one(1.0), max = sfloat::max();
    CHECK(om::exp(sfloat(1e-20)) == one);  // below 2^-50
    CHECK(om::exp(sfloat(20000.0)) == max);
    CHECK(om::exp(sfloat(-20000.0)) == zero);
    CHECK(om::exp(zero) == one);
    CHECK(om::expm1(zero) == zero);
    CHECK(close(om::expm1(sfloat(1e-25)).to_double(), 1e-25, 1e-9));  // below 2^-64: x itself
    CHECK(close(om::log1p(sfloat(-1e-25)).to_double(), -1e-25, 1e-9));
    CHECK(close(om::expm1(sfloat(50.0)).to_double(), 5.1847055285870725e+21, 1e-9));  // the 1 vanishes
    CHECK(om::expm1(sfloat(20000.0)) == max);
    CHECK(om::expm1(sfloat(-20000.0)) == -one);
    CHECK(om::expm1(sfloat(-50.0)) == -one);  // e^-50 is below 2^-64
    CHECK(om::expm1(sfloat(-30.0)) == -one);  // 1 - 9e-14 rounds to 1
    CHECK(close(om::expm1(sfloat(-3.0)).to_double(), -0.95021293163213605, 1e-9));
    CHECK(om::log(zero) == -max);
    CHECK(om::log(sfloat(-2.0)) == -max);
    CHECK(om::log(one) == zero);
    CHECK(om::log1p(zero) == zero);
    CHECK(om::log1p(-one) == -max);
    CHECK(om::log1p(sfloat(-3.0)) == -max);
    CHECK(close(om::log1p(sfloat(1e12)).to_double(), 27.631021115929547, 1e-9));  // above 2^32
    CHECK(close(om::log1p(sfloat(-0.75)).to_double(), -1.3862943611198906, 1e-9));
    CHECK(close(om::log(sfloat(1.0 - 1.0 / 128)).to_double(), -0.007843177461025893, 1e-9));  // just below 1
    CHECK(close(om::log(sfloat(1.0 + 1.0 / 128)).to_double(), 0.007782140442054949, 1e-9));  // just above 1
    CHECK(om::sqrt(sfloat::max()).exponent() == sfloat::max_exponent / 2);  // the largest root
}

TEST_CASE("math: fixed point is the sfloat result rounded to Q16.16") {
    const double ulp = 1.0 / 65536;
    CHECK(test::dabs(om::exp(q16_16(1.0)).to_double() - 2.7182818284590452) <= ulp);
    CHECK(test::dabs(om::log(q16_16(10.0)).to_double() - 2.3025850929940457) <= ulp);
    CHECK(test::dabs(om::sqrt(q16_16(2.0)).to_double() - 1.4142135623730950) <= ulp);
    CHECK(test::dabs(om::cbrt(q16_16(64.0)).to_double() - 4.0) <= ulp);
    CHECK(test::dabs(om::pow(q16_16(1.5), q16_16(2.5)).to_double() - 2.7556759606310752) <= 2 * ulp);
    CHECK(om::exp(q16_16(20.0)) == q16_16::max());  // saturates
    CHECK(om::exp(q16_16(-20.0)).raw() == 0);
}

namespace {
// The 128-bit product from 16-bit limbs: independent of the library's 32x32 splitting.
void schoolbook_128(std::uint64_t a, std::uint64_t b, std::uint64_t& hi, std::uint64_t& lo) {
    std::uint32_t r[8] = {};
    for (int i = 0; i < 4; ++i) {
        std::uint32_t carry = 0;
        const std::uint32_t ai = static_cast<std::uint32_t>((a >> (16 * i)) & 0xFFFFu);
        for (int j = 0; j < 4; ++j) {
            const std::uint32_t bj = static_cast<std::uint32_t>((b >> (16 * j)) & 0xFFFFu);
            const std::uint64_t t = std::uint64_t{ai} * bj + r[i + j] + carry;
            r[i + j] = static_cast<std::uint32_t>(t & 0xFFFFu);
            carry = static_cast<std::uint32_t>(t >> 16);
        }
        r[i + 4] += carry;
    }
    lo = hi = 0;
    for (int k = 3; k >= 0; --k) {
        lo = (lo << 16) | r[k];
        hi = (hi << 16) | r[k + 4];
    }
}
}  // namespace

TEST_CASE("math: the 64x64-bit product (four 32-bit products on 32-bit cores)") {
    const std::uint64_t edges[] = {0, 1, 2, 0xFFFFFFFFu, 0x100000000u, UINT64_MAX, UINT64_MAX - 1, 0x8000000000000000u};
    std::uint64_t x = 0x9E3779B97F4A7C15u, y = 0xD1B54A32D192ED03u;
    for (int i = 0; i < 2000; ++i) {
        const std::uint64_t a = i < 64 ? edges[i % 8] : x, b = i < 64 ? edges[i / 8] : y;
        std::uint64_t hi = 0, lo = 0, want_hi = 0, want_lo = 0;
        oncostate::detail::mul_64x64(a, b, hi, lo);
        schoolbook_128(a, b, want_hi, want_lo);
        CHECK(hi == want_hi);
        CHECK(lo == want_lo);
        CHECK(oncostate::detail::mul_64x64_hi(a, b) == want_hi);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        y = y * 6364136223846793005u + 1442695040888963407u;
    }
}

namespace {
// The conversions real_traits replaced (direct 64-bit casts), as references.
template <class F>
std::int64_t floor_by_cast(F x) {
    if (!(x == x)) return 0;  // NOLINT(misc-redundant-expression)
    if (x >= F(9.2e18)) return INT64_MAX;
    if (x <= F(-9.2e18)) return INT64_MIN;
    std::int64_t t = static_cast<std::int64_t>(x);
    if (static_cast<F>(t) > x) --t;
    return t;
}
template <class F>
std::uint64_t fraction_by_cast(F p) {
    if (!(p > F(0))) return 0;
    if (p >= F(1)) return UINT64_MAX;
    return static_cast<std::uint64_t>(p * F(18446744073709551616.0));
}

// Values of every magnitude: random bit patterns (sign, exponent and mantissa), plus edges.
// Both routes (Narrow: through 32-bit integers and bits; wide: the compiler's casts) and the
// traits, which pick one by the target.
template <class F, class U, int MantBits, int ExpBias, bool Narrow>
void check_ieee_conversions() {
    namespace d = oncostate::detail;
    using t = oncostate::real_traits<F>;
    const F edges[] = {F(0), F(-0.0), F(1), F(-1), F(0.5), F(-0.5), F(2147483520.0), F(-2147483648.0), F(2147483648.0),
                       F(-2147483904.0), F(9.1e18), F(-9.1e18), F(1e-30), F(-1e-30), F(0.9999999), F(1e-40)};
    std::uint64_t s = 0x243F6A8885A308D3u;
    for (int i = 0; i < 4000; ++i) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        F x = i < 16 ? edges[i] : d::bit_cast<F>(static_cast<U>(s >> (64 - 8 * sizeof(U))));
        if (!(x == x) || x - x != x - x) x = F(0.25);  // NOLINT(misc-redundant-expression): no NaN or inf
        CHECK(d::ieee_floor_int<F, Narrow>(x) == floor_by_cast(x));
        CHECK(t::floor_int(x) == floor_by_cast(x));
        const F p = x < F(0) ? -x : x;  // and the same magnitude in [0, 1)
        const F q = p < F(1) ? p : F(1) / (p + F(1));
        const F fractions[] = {x, q};
        for (const F v : fractions) {
            CHECK(d::ieee_fraction64<F, U, MantBits, ExpBias, Narrow>(v) == fraction_by_cast(v));
            CHECK(t::fraction64(v) == fraction_by_cast(v));
        }
        const std::uint64_t u = s >> (i % 64);
        const std::int64_t k = static_cast<std::int64_t>(s) >> (i % 64);
        CHECK(d::ieee_from_uint<F, Narrow>(u) == static_cast<F>(u));
        CHECK(d::ieee_from_int<F, Narrow>(k) == static_cast<F>(k));
        CHECK(t::from_uint(u) == static_cast<F>(u));
        CHECK(t::from_int(k) == static_cast<F>(k));
    }
}
}  // namespace

TEST_CASE("math: float and double conversions, narrow and wide, equal the 64-bit casts") {
    check_ieee_conversions<float, std::uint32_t, 23, 127, true>();
    check_ieee_conversions<float, std::uint32_t, 23, 127, false>();
    check_ieee_conversions<double, std::uint64_t, 52, 1023, true>();
    check_ieee_conversions<double, std::uint64_t, 52, 1023, false>();
}
