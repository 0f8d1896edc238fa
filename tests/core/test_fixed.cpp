// Fixed-point arithmetic: rounding, saturation, conversions.
#include "oncostate_test.hpp"
#include "stats.hpp"

using oncostate::fixed;
using oncostate::q16_16;

static_assert(q16_16(1.5).raw() == 98304, "compile-time construction");
static_assert((q16_16(2.0) * q16_16(0.25)).raw() == 32768, "constexpr multiply");
static_assert(sizeof(q16_16) == 4, "32-bit storage");

TEST_CASE("fixed: construction and conversion") {
    CHECK(q16_16::from_int(3).raw() == 3 * 65536);
    CHECK(q16_16::from_int(-2).floor_int() == -2);
    CHECK(q16_16(-1.25).floor_int() == -2);
    CHECK(q16_16(0.1).raw() == 6554);  // 0.1 * 65536 = 6553.6 rounds to 6554
    CHECK(q16_16(-0.1).raw() == -6554);
    CHECK(q16_16(1e9) == q16_16::max());
    CHECK(q16_16(-1e9) == q16_16::lowest());
}

TEST_CASE("fixed: saturating addition, subtraction and negation") {
    CHECK(q16_16::max() + q16_16::epsilon() == q16_16::max());
    CHECK(q16_16::lowest() - q16_16::epsilon() == q16_16::lowest());
    CHECK(-q16_16::lowest() == q16_16::max());
    CHECK((q16_16(1.5) + q16_16(2.25)).raw() == q16_16(3.75).raw());
    CHECK((q16_16(1.5) - q16_16(2.25)).raw() == q16_16(-0.75).raw());
}

TEST_CASE("fixed: multiplication rounds to nearest and saturates") {
    CHECK((q16_16::epsilon() * q16_16(0.5)).raw() == 1);      // 0.5 ulp rounds up
    CHECK((q16_16::epsilon() * q16_16(0.25)).raw() == 0);     // 0.25 ulp rounds down
    CHECK((-q16_16::epsilon() * q16_16(0.5)).raw() == 0);     // ties go upward
    CHECK((q16_16(300.0) * q16_16(300.0)) == q16_16::max());  // 90000 > 32768
    CHECK((q16_16(-300.0) * q16_16(300.0)) == q16_16::lowest());
    CHECK((q16_16(-1.5) * q16_16(2.0)).raw() == q16_16(-3.0).raw());
    CHECK((q16_16(1.5) * 3).raw() == q16_16(4.5).raw());
}

TEST_CASE("fixed: division rounds to nearest, and division by zero saturates") {
    CHECK((q16_16(1.0) / q16_16(3.0)).raw() == 21845);  // 21845.33
    CHECK((q16_16(2.0) / q16_16(3.0)).raw() == 43691);  // 43690.67
    CHECK((q16_16(-2.0) / q16_16(3.0)).raw() == -43691);
    CHECK((q16_16(1.0) / q16_16()) == q16_16::max());
    CHECK((q16_16(-1.0) / q16_16()) == q16_16::lowest());
    CHECK((q16_16(30000.0) / q16_16(0.5)) == q16_16::max());
}

TEST_CASE("fixed: other formats and explicit casts") {
    using q8_24 = fixed<8, 24>;
    const q8_24 a(0.333333333);
    const q16_16 b = oncostate::fixed_cast<q16_16>(a);
    CHECK(b.raw() == 21845);
    const q8_24 c = oncostate::fixed_cast<q8_24>(q16_16(100.0));  // beyond q8.24's range of 128
    CHECK(c.raw() == q8_24(100.0).raw());
    CHECK(oncostate::fixed_cast<q8_24>(q16_16(1000.0)) == q8_24::max());
}

TEST_CASE("fixed: exact round trip through sfloat") {
    std::uint32_t x = 12345;
    for (int i = 0; i < 2000; ++i) {
        x = x * 1664525u + 1013904223u;
        const q16_16 v = q16_16::from_raw(static_cast<std::int32_t>(x));
        CHECK(q16_16::from_real(v.to_real()) == v);
    }
    // from_real rounds to nearest
    CHECK(q16_16::from_real(oncostate::sfloat(1.0 / 3.0)).raw() == 21845);
    CHECK(q16_16::from_real(oncostate::sfloat(-1.0 / 3.0)).raw() == -21845);
    CHECK(q16_16::from_real(oncostate::sfloat(1e30)) == q16_16::max());
}
