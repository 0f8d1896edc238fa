// oncostate internals: bit operations shared by the numeric types.
#ifndef ONCOSTATE_DETAIL_BITS_HPP
#define ONCOSTATE_DETAIL_BITS_HPP

#include "../config.hpp"

#include <cstdint>  // fixed-width integers

// 1: the narrow (32-bit) arithmetic, for Thumb-1 cores (Cortex-M0, M0+: no UMULL, CLZ or divide),
// used by sfloat and the wide products below. Results do not depend on it; a test may define it
// either way.
#ifndef ONCOSTATE_SFLOAT_NARROW
#if defined(__thumb__) && !defined(__thumb2__)
#define ONCOSTATE_SFLOAT_NARROW 1
#else
#define ONCOSTATE_SFLOAT_NARROW 0
#endif
#endif

ONCOSTATE_NAMESPACE_BEGIN
namespace detail {

// Leading zeros of a non-zero value (64 for zero).
constexpr int clz64(std::uint64_t x) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return x == 0 ? 64 : __builtin_clzll(x);
#else
    int n = 0;
    for (int step = 32; step > 0; step >>= 1) {
        if ((x >> (64 - step)) == 0) {
            n += step;
            x <<= step;
        }
    }
    return x == 0 ? 64 : n;
#endif
}

constexpr std::uint32_t rotl32(std::uint32_t x, int k) noexcept {
    return (x << k) | (x >> (32 - k));
}

// Reinterpret the bits of a trivially copyable value (float <-> integer).
template <class To, class From>
constexpr To bit_cast(const From& from) noexcept {
    static_assert(sizeof(To) == sizeof(From), "oncostate: bit_cast needs equal sizes");
    return __builtin_bit_cast(To, from);
}

// Arithmetic right shift of a signed 64-bit value (floor division by 2^k), spelled out so the
// result does not depend on the implementation-defined shift of negative numbers before C++20.
constexpr std::int64_t shift_right_floor(std::int64_t v, int k) noexcept {
    return v >= 0 ? static_cast<std::int64_t>(static_cast<std::uint64_t>(v) >> k)
                  : -static_cast<std::int64_t>(((static_cast<std::uint64_t>(-(v + 1))) >> k) + 1);
}

// The full product a * b; on Thumb-1 cores from four 16-bit products (the core's MULS) instead
// of libgcc's 64x64 multiply.
constexpr std::uint64_t mul_32x32(std::uint32_t a, std::uint32_t b) noexcept {
#if ONCOSTATE_SFLOAT_NARROW
    const std::uint32_t al = a & 0xFFFFu, ah = a >> 16;
    const std::uint32_t bl = b & 0xFFFFu, bh = b >> 16;
    const std::uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    const std::uint32_t mid = lh + hl;
    const std::uint32_t mid_carry = mid < lh ? 0x10000u : 0u;
    const std::uint32_t lo = ll + (mid << 16);
    const std::uint32_t hi = hh + (mid >> 16) + mid_carry + (lo < ll ? 1u : 0u);
    return (static_cast<std::uint64_t>(hi) << 32) | lo;
#else
    return static_cast<std::uint64_t>(a) * b;
#endif
}

// The high 64 bits of a * b: the compiler's 128-bit multiply where it has one (x86-64,
// AArch64), else four 32x32 products. Returns a value (no reference outputs), so on 32-bit
// cores the result stays in registers.
constexpr std::uint64_t mul_64x64_hi(std::uint64_t a, std::uint64_t b) noexcept {
#if defined(__SIZEOF_INT128__) && !ONCOSTATE_SFLOAT_NARROW
    __extension__ using u128 = unsigned __int128;
    return static_cast<std::uint64_t>((static_cast<u128>(a) * b) >> 64);
#else
    const std::uint32_t al = static_cast<std::uint32_t>(a), ah = static_cast<std::uint32_t>(a >> 32);
    const std::uint32_t bl = static_cast<std::uint32_t>(b), bh = static_cast<std::uint32_t>(b >> 32);
    const std::uint64_t ll = mul_32x32(al, bl), lh = mul_32x32(al, bh), hl = mul_32x32(ah, bl), hh = mul_32x32(ah, bh);
    const std::uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}

// The full 128-bit product a * b as (hi, lo).
constexpr void mul_64x64(std::uint64_t a, std::uint64_t b, std::uint64_t& hi, std::uint64_t& lo) noexcept {
    hi = mul_64x64_hi(a, b);
    lo = a * b;  // the low half wraps modulo 2^64
}

// floor(x / 10), exactly, by a multiply: a 64-bit division is a long library call on 32-bit cores.
constexpr std::uint64_t tenth(std::uint64_t x) noexcept {
    return mul_64x64_hi(x, 0xCCCCCCCCCCCCCCCDu) >> 3;  // ceil(2^67 / 10)
}

// False, but only once a template is instantiated: lets a static_assert fire on use alone.
template <class...>
constexpr bool dependent_false = false;

}  // namespace detail
ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_DETAIL_BITS_HPP
