// Target-only self-test: the harness, the startup code (.data, .bss, static constructors,
// FPU enable) and integer formatting. Keeps the suite non-empty on every core.
#include <climits>
#include <cstdint>
#include <cstring>

#include "minitest.hpp"
#include "semihost.hpp"

namespace {

int initialised_data = 42;  // .data, copied from flash
int zeroed_bss;             // .bss
struct set_by_constructor {
    int value;
    set_by_constructor() : value(7) {}  // runs from .init_array
};
set_by_constructor constructed;

volatile std::int64_t big = 0x123456789LL;  // volatile: forces libgcc's 64-bit helpers on M0
volatile float f_in = 1.5f;

bool formats_as(long v, const char* text) {
    char buf[semihost::dec_buffer_size];
    return std::strcmp(semihost::format_dec(v, buf), text) == 0;
}

}  // namespace

TEST_CASE("startup initialises .data and .bss and runs static constructors") {
    CHECK(initialised_data == 42);
    CHECK(zeroed_bss == 0);
    CHECK(constructed.value == 7);
}

TEST_CASE("integer arithmetic including 64-bit division") {
    const std::int64_t b = big;
    CHECK(b / 10 == 0x123456789LL / 10);
    CHECK(b % 1000 == 0x123456789LL % 1000);
    CHECK_FALSE(b < 0);
}

TEST_CASE("floating point works (hardware FPU enabled on m4f/m7)") {
    const float f = f_in;
    CHECK(f * 2.0f == 3.0f);
}

TEST_CASE("REQUIRE passes through when true") {
    REQUIRE(initialised_data == 42);
    CHECK(true);
}

TEST_CASE("decimal formatting without printf") {
    CHECK(formats_as(0, "0"));
    CHECK(formats_as(-1, "-1"));
    CHECK(formats_as(1234567, "1234567"));
    CHECK(formats_as(LONG_MAX, "2147483647"));
    CHECK(formats_as(LONG_MIN, "-2147483648"));
}
