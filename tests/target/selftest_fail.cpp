// Must FAIL: proves that a failing CHECK makes the QEMU run (and so ctest) fail, and that
// REQUIRE ends its test case. Expected output ends with "1 passed, 2 failed".
#include "minitest.hpp"

namespace {
volatile int one = 1;
}

TEST_CASE("passes") { CHECK(one == 1); }

TEST_CASE("one failing CHECK") {
    CHECK(one == 2);  // the deliberate failure
    CHECK(one == 1);
}

TEST_CASE("failing REQUIRE stops the case") {
    REQUIRE(one == 3);
    CHECK(one == 4);  // never reached: must not be printed
}
