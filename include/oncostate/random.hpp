// oncostate: the pseudo-random number generator and its seeding.
//
// xoshiro128++ (Blackman & Vigna 2021, ACM TOMS 47:36): 128 bits of state, four 32-bit words, fast
// on 32-bit cores (about 10-17 instructions per draw on Cortex-M). It is seeded through splitmix64
// (Steele, Lea & Flood 2014), which turns any 64-bit seed into a well-mixed state. A stream is
// derived from (seed, stream index), so patient i of a cohort gets the same numbers however the
// cohort is split into runs.
#ifndef ONCOSTATE_RANDOM_HPP
#define ONCOSTATE_RANDOM_HPP

#include "config.hpp"
#include "detail/bits.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

// splitmix64: a 64-bit counter passed through a mixing function. Used only for seeding.
class splitmix64 {
public:
    constexpr explicit splitmix64(std::uint64_t seed) noexcept : state_(seed) {}
    constexpr std::uint64_t next() noexcept {
        state_ += 0x9E3779B97F4A7C15u;
        return mix(state_);
    }
    static constexpr std::uint64_t mix(std::uint64_t z) noexcept {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t state_;
};

class xoshiro128pp {
public:
    using result_type = std::uint32_t;

    // A fixed, valid default state (seed 0, stream 0).
    constexpr xoshiro128pp() noexcept : xoshiro128pp(0, 0) {}

    // The stream for (seed, stream): independent of any other stream index for the same seed.
    constexpr xoshiro128pp(std::uint64_t seed, std::uint64_t stream) noexcept {
        splitmix64 g(splitmix64::mix(seed) ^ splitmix64::mix(stream ^ 0x6A09E667F3BCC909u));
        const std::uint64_t a = g.next();
        const std::uint64_t b = g.next();
        s_[0] = static_cast<std::uint32_t>(a);
        s_[1] = static_cast<std::uint32_t>(a >> 32);
        s_[2] = static_cast<std::uint32_t>(b);
        s_[3] = static_cast<std::uint32_t>(b >> 32);
        if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the all-zero state is a fixed point
    }

    // Exactly this state (for known-answer tests and snapshots). All-zero is replaced by {1,0,0,0}.
    static constexpr xoshiro128pp from_state(std::uint32_t s0, std::uint32_t s1, std::uint32_t s2,
                                             std::uint32_t s3) noexcept {
        xoshiro128pp r;
        r.s_[0] = s0;
        r.s_[1] = s1;
        r.s_[2] = s2;
        r.s_[3] = s3;
        if ((s0 | s1 | s2 | s3) == 0) r.s_[0] = 1;
        return r;
    }

    // Inlined into every draw on cores with 16 registers (a call cost about a third of the
    // generator); a call on Thumb-1, where the inlined state crowds the 8 low registers.
#if ONCOSTATE_SFLOAT_NARROW
    constexpr std::uint32_t next() noexcept {
#else
    ONCOSTATE_ALWAYS_INLINE constexpr std::uint32_t next() noexcept {
#endif
        const std::uint32_t result = detail::rotl32(s_[0] + s_[3], 7) + s_[0];
        const std::uint32_t t = s_[1] << 9;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = detail::rotl32(s_[3], 11);
        return result;
    }
    constexpr std::uint32_t operator()() noexcept { return next(); }
    static constexpr std::uint32_t min() noexcept { return 0; }
    static constexpr std::uint32_t max() noexcept { return 0xFFFFFFFFu; }

    // Advance by 2^64 draws (the published jump polynomial).
    constexpr void jump() noexcept {
        constexpr std::uint32_t poly[4] = {0x8764000bu, 0xf542d2d3u, 0x6fa035c3u, 0x77f2db5bu};
        std::uint32_t t[4] = {0, 0, 0, 0};
        for (const std::uint32_t word : poly) {
            for (int b = 0; b < 32; ++b) {
                if ((word & (std::uint32_t{1} << b)) != 0) {
                    for (int j = 0; j < 4; ++j) t[j] ^= s_[j];
                }
                next();
            }
        }
        for (int j = 0; j < 4; ++j) s_[j] = t[j];
    }

    constexpr std::uint32_t state(int i) const noexcept { return s_[i & 3]; }
    friend constexpr bool operator==(const xoshiro128pp& a, const xoshiro128pp& b) noexcept {
        return a.s_[0] == b.s_[0] && a.s_[1] == b.s_[1] && a.s_[2] == b.s_[2] && a.s_[3] == b.s_[3];
    }
    friend constexpr bool operator!=(const xoshiro128pp& a, const xoshiro128pp& b) noexcept { return !(a == b); }

private:
    std::uint32_t s_[4] = {1, 0, 0, 0};
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_RANDOM_HPP
