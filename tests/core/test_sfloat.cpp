// sfloat: representation of the model's small probabilities, and its arithmetic against double.
#include "oncostate_test.hpp"
#include "stats.hpp"

using oncostate::sfloat;

static double rel_err(double got, double want) { return test::dabs(got - want) / test::dabs(want); }

// A small linear congruential generator for test inputs (Numerical Recipes' constants).
struct lcg {
    std::uint32_t s;
    std::uint32_t operator()() {
        s = s * 1664525u + 1013904223u;
        return s;
    }
};

static_assert(sizeof(sfloat) == 8, "sfloat is 8 bytes");
static_assert(sfloat(0.5).exponent() == -1, "compile-time construction");

TEST_CASE("sfloat: holds the model's smallest probabilities within 0.1%") {
    const double small[] = {1e-12, 3e-12, 1e-9, 5e-8, 1e-6, 3.2e-3, 0.13};
    for (double p : small) {
        CHECK(rel_err(sfloat(p).to_double(), p) < 1e-9);
        // and after the arithmetic the model does with them
        CHECK(rel_err((sfloat(p) * sfloat(100.0)).to_double(), p * 100.0) < 2e-9);
        CHECK(rel_err((sfloat(p) / sfloat(7.0)).to_double(), p / 7.0) < 2e-9);
    }
    CHECK(sfloat::from_uint(0).is_zero());
    CHECK(sfloat::from_uint(UINT64_MAX).to_double() == 18446744073709551616.0);
}

TEST_CASE("sfloat: arithmetic agrees with double to 2^-30") {
    lcg next{7u};
    for (int i = 0; i < 3000; ++i) {
        const double a = (static_cast<double>(next()) / 4294967296.0 - 0.5) * static_cast<double>(std::uint64_t{1} << (next() % 40));
        const double b = (static_cast<double>(next()) / 4294967296.0 - 0.3) / static_cast<double>(1u << (next() % 30));
        const sfloat sa(a), sb(b);
        const double tol = 2e-9;
        CHECK(rel_err((sa * sb).to_double(), a * b) < tol);
        CHECK(rel_err((sa / sb).to_double(), a / b) < tol);
        const double sum = a + b;
        // addition: absolute error relative to the larger operand
        const double big = test::dabs(a) > test::dabs(b) ? test::dabs(a) : test::dabs(b);
        CHECK(test::dabs((sa + sb).to_double() - sum) <= tol * big);
        CHECK(test::dabs((sa - sb).to_double() - (a - b)) <= tol * big);
        CHECK((sa < sb) == (sa.to_double() < sb.to_double()));
    }
}

// The square root rounded to nearest by the schoolbook method, one bit at a time: the reference for
// the library's Newton iteration, which must agree with it exactly.
static std::uint64_t sqrt_rounded_reference(std::uint64_t op) {
    std::uint64_t res = 0, one = std::uint64_t{1} << 62;
    while (one > op) one >>= 2;
    for (int i = 0; i < 32 && one != 0; ++i) {
        if (op >= res + one) {
            op -= res + one;
            res = (res >> 1) + one;
        } else {
            res >>= 1;
        }
        one >>= 2;
    }
    return op > res ? res + 1 : res;
}

TEST_CASE("sfloat: the square root is correctly rounded") {
    lcg next{11u};
    for (int i = 0; i < 2000; ++i) {
        std::uint32_t m = next() | 0x80000000u;
        if (i < 4) m = i % 2 == 0 ? 0x80000000u : 0xFFFFFFFFu;  // the ends of the mantissa range
        const int e = static_cast<int>(next() % 41) - 20;
        const sfloat x = sfloat::make(false, m, e);  // m 2^e: both parities of the exponent
        const int odd = (e & 1) != 0 ? 1 : 0;
        const std::uint64_t op = std::uint64_t{m} << (32 - odd);
        const sfloat want = sfloat::make(false, sqrt_rounded_reference(op), (e - 32 + odd) / 2);
        CHECK(oncostate::math::sqrt(x) == want);
    }
}

TEST_CASE("sfloat: comparisons, floor, fractions and saturation") {
    CHECK(sfloat(-2.5).floor_int() == -3);
    CHECK(sfloat(-2.0).floor_int() == -2);
    CHECK(sfloat(2.999).floor_int() == 2);
    CHECK(sfloat(1e30).floor_int() == INT64_MAX);
    CHECK(sfloat(-1e30).floor_int() == INT64_MIN);
    CHECK(sfloat(0.5).fraction64() == (std::uint64_t{1} << 63));
    CHECK(sfloat(1.0).fraction64() == UINT64_MAX);
    CHECK(sfloat(-0.5).fraction64() == 0);
    CHECK(sfloat(1e-12).fraction64() == 18446744);  // floor(1e-12 * 2^64)
    CHECK(sfloat(-1.0) < sfloat(0.0));
    CHECK(sfloat(0.0) == -sfloat(0.0));
    CHECK((sfloat(1e300) * sfloat(1e300)).exponent() == 1993);  // 1e600: beyond double's range
    CHECK((sfloat(1e-300) * sfloat(1e-300)).exponent() == -1994);
    const sfloat huge = sfloat::max();
    CHECK(huge * huge == sfloat::max());
    CHECK((-huge) * huge == -sfloat::max());
    CHECK(sfloat(1.0).scaled(-20000).is_zero());
    CHECK(sfloat(1.0).scaled(20000) == sfloat::max());
}
