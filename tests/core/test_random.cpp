// The generator: known answers from the reference implementations, and stream derivation.
#include "oncostate_test.hpp"
#include "stats.hpp"

using oncostate::splitmix64;
using oncostate::xoshiro128pp;

TEST_CASE("random: xoshiro128++ matches the reference output for state {1, 2, 3, 4}") {
    // Blackman & Vigna's xoshiro128plusplus.c seeded with s = {1, 2, 3, 4}.
    const std::uint32_t expected[10] = {641u,        1573767u,    3222811527u, 3517856514u, 836907274u,
                                        4247214768u, 3867114732u, 1355841295u, 495546011u,  621204420u};
    xoshiro128pp g = xoshiro128pp::from_state(1, 2, 3, 4);
    for (std::uint32_t e : expected) CHECK(g.next() == e);
}

TEST_CASE("random: splitmix64 matches the reference output for seed 1234567") {
    const std::uint64_t expected[5] = {6457827717110365317u, 3203168211198807973u, 9817491932198370423u,
                                       4593380528125082431u, 16408922859458223821u};
    splitmix64 g(1234567);
    for (std::uint64_t e : expected) CHECK(g.next() == e);
}

TEST_CASE("random: streams are reproducible and distinct") {
    xoshiro128pp a(2026, 7), b(2026, 7), c(2026, 8), d(2027, 7);
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a != d);
    int same_ac = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::uint32_t x = a.next();
        CHECK(x == b.next());
        same_ac += (x == c.next()) ? 1 : 0;
    }
    CHECK(same_ac < 3);
    // Patient i's stream does not depend on which other streams were made before it.
    xoshiro128pp direct(99, 500);
    for (std::uint64_t i = 0; i < 500; ++i) {
        xoshiro128pp other(99, i);
        other.next();
    }
    xoshiro128pp again(99, 500);
    CHECK(direct == again);
}

TEST_CASE("random: the all-zero state is never used") {
    xoshiro128pp z = xoshiro128pp::from_state(0, 0, 0, 0);
    CHECK(z.state(0) == 1);
    std::uint32_t orbits = 0;
    for (int i = 0; i < 64; ++i) orbits |= z.next();
    CHECK(orbits != 0);
}

TEST_CASE("random: jump moves to a different, deterministic place") {
    xoshiro128pp a = xoshiro128pp::from_state(1, 2, 3, 4);
    xoshiro128pp b = a;
    a.jump();
    b.jump();
    CHECK(a == b);
    CHECK(a != xoshiro128pp::from_state(1, 2, 3, 4));
    // The generator is linear over GF(2), so a correct jump is too: J(s) ^ J(t) == J(s ^ t).
    xoshiro128pp s = xoshiro128pp::from_state(0x12345678u, 0x9abcdef0u, 0x0fedcba9u, 0x87654321u);
    xoshiro128pp t = xoshiro128pp::from_state(0xdeadbeefu, 0x01234567u, 0x89abcdefu, 0x55aa55aau);
    xoshiro128pp st = xoshiro128pp::from_state(s.state(0) ^ t.state(0), s.state(1) ^ t.state(1),
                                               s.state(2) ^ t.state(2), s.state(3) ^ t.state(3));
    s.jump();
    t.jump();
    st.jump();
    for (int i = 0; i < 4; ++i) CHECK((s.state(i) ^ t.state(i)) == st.state(i));
}

TEST_CASE("random: bits are balanced") {
    xoshiro128pp g(1, 1);
    std::uint32_t ones[32] = {};
    const int n = test::samples / 4;
    for (int i = 0; i < n; ++i) {
        const std::uint32_t x = g.next();
        for (int b = 0; b < 32; ++b) ones[b] += (x >> b) & 1u;
    }
    for (int b = 0; b < 32; ++b) CHECK(test::dabs(ones[b] - n / 2.0) <= 4.0 * test::dsqrt(n / 4.0));
}
