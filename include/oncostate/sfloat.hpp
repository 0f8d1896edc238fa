// oncostate: sfloat, a software floating-point number made of integers only.
//
// Why it exists: a Q16.16 number cannot hold the model's small probabilities (its step is 1.5e-5,
// and a mutation probability is 1e-9 per division). sfloat keeps a 32-bit mantissa and a 16-bit
// binary exponent, so every value from about 1e-4816 to 1e+4816 carries a relative error below 2^-31
// (4.7e-10). It uses only integer operations, so its results are bit-identical on every platform,
// including a Cortex-M0 with no floating-point unit. The fixed-point mode of oncostate computes
// probabilities and random variates with it.
//
// Rounding: to nearest, ties away from zero. Overflow saturates at +/-max(); underflow gives 0.
// There is no NaN and no infinity.
//
// Implementation notes. Rounding to nearest with ties away from zero needs no sticky bit: a result
// is the top 32 bits of its (exact or, for a sum, truncated as specified below) intermediate plus
// the next bit down. So a sum of like signs needs the two mantissas, the one bit shifted out just
// below and a carry; a difference needs the full width only when the exponents are 0 or 1 apart
// (cancellation) and otherwise normalises by one or two bits; a product or a quotient by one bit.
// Each operation checks the exponent range once, and only on the side it can leave. There are two
// builds of the same integer arithmetic, bit-identical by construction: the wide one for cores
// with 64-bit registers or a 32x32->64 multiply, and the narrow one for Thumb-1 cores (Cortex-M0,
// M0+: no UMULL, CLZ or divide) that keeps to 32-bit operations where the wide one would call
// libgcc's 64-bit multiply, shift and divide (the quotient there comes from a 16-bit reciprocal and
// two corrected 16-bit digits instead of a 64/64 division).
#ifndef ONCOSTATE_SFLOAT_HPP
#define ONCOSTATE_SFLOAT_HPP

#include "config.hpp"
#include "detail/bits.hpp"

#include <cstdint>  // fixed-width integers

// Storage. Results do not depend on it. 1: the value packed into one 64-bit word, for ARM, whose
// calling convention returns an 8-byte struct through memory: GCC at -Os copied such temporaries
// of a three-field struct with memcpy calls (12.7% of a Cortex-M0's day); one scalar member is
// copied with plain loads and stores. 0: three fields, which x86-64 keeps in separate registers
// when the operators are inlined (the packed word costs it shifts and masks on every operation).
// A program that sets it must set it the same way in every translation unit (it is the layout).
#ifndef ONCOSTATE_SFLOAT_PACKED
#if defined(__arm__)
#define ONCOSTATE_SFLOAT_PACKED 1
#else
#define ONCOSTATE_SFLOAT_PACKED 0
#endif
#endif

// Inlining. ONCOSTATE_SFLOAT_INLINE marks the arithmetic (the operators, or with the packed word
// the *_word functions behind them; floor_of, fraction_of, scaled_carried): inlined into their
// callers when optimising for speed on a 64-bit core (there the call, and passing the operands
// and result packed in registers, cost about as much as the arithmetic), and kept as single
// out-of-line copies otherwise, e.g. at -Os on a Cortex-M0 (flash). There GCC's noclone keeps
// every call site passing the two-word operands as they are rather than a clone's separate
// fields, which makes the call sites smaller and, since sfloats mostly live in memory, no slower.
// ONCOSTATE_SFLOAT_FORCE marks helpers with one caller or a few instructions: inlined whenever
// optimising.
#if (defined(__GNUC__) || defined(__clang__)) && defined(__OPTIMIZE__)
#define ONCOSTATE_SFLOAT_FORCE [[gnu::always_inline]]
#if !defined(__OPTIMIZE_SIZE__) && defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ >= 8
#define ONCOSTATE_SFLOAT_INLINE [[gnu::always_inline]]
#elif !defined(__clang__)
#define ONCOSTATE_SFLOAT_INLINE [[gnu::noclone]]
#else
#define ONCOSTATE_SFLOAT_INLINE
#endif
#else
#define ONCOSTATE_SFLOAT_FORCE
#define ONCOSTATE_SFLOAT_INLINE
#endif
// The operators themselves: with the packed word, thin inlined wrappers around out-of-line
// operations on the word (which ARM's calling convention returns in two registers, where it
// returns an 8-byte struct through memory); otherwise the operations.
#if ONCOSTATE_SFLOAT_PACKED
#define ONCOSTATE_SFLOAT_OP ONCOSTATE_SFLOAT_FORCE
#else
#define ONCOSTATE_SFLOAT_OP ONCOSTATE_SFLOAT_INLINE
#endif

ONCOSTATE_NAMESPACE_BEGIN

class sfloat {
public:
    static constexpr int max_exponent = 16000;  // |binary exponent| bound (saturation limit)

    constexpr sfloat() noexcept = default;  // zero

    // From a double constant. Meant for compile-time constants (constexpr); at run time on a
    // core without an FPU it would pull in soft-float code.
    constexpr explicit sfloat(double x) noexcept { *this = from_double(x); }

    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat from_int(std::int64_t v) noexcept {
        return v < 0 ? make(true, static_cast<std::uint64_t>(-(v + 1)) + 1u, 0)
                     : make(false, static_cast<std::uint64_t>(v), 0);
    }
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat from_uint(std::uint64_t v) noexcept { return make(false, v, 0); }

    // value = (negative ? -1 : 1) * magnitude * 2^exponent2, rounded to 32 mantissa bits.
    ONCOSTATE_SFLOAT_OP static constexpr sfloat make(bool negative, std::uint64_t magnitude, std::int32_t exponent2) noexcept {
#if ONCOSTATE_SFLOAT_PACKED
        return of_word(make_word(negative, magnitude, exponent2));
#else
        return make_value(negative, magnitude, exponent2);
#endif
    }
    // magnitude has its top bit set; value = magnitude * 2^(e - 63); rounds to 32 bits.
    ONCOSTATE_SFLOAT_OP static constexpr sfloat round_top(bool negative, std::uint64_t magnitude, std::int32_t e) noexcept {
#if ONCOSTATE_SFLOAT_PACKED
        return of_word(round_top_word(negative, magnitude, e));
#else
        return round_top_value(negative, magnitude, e);
#endif
    }

    // An sfloat as an out-of-line function returns it (math.hpp): with the packed word, the word,
    // which ARM's calling convention returns in r0:r1 (an 8-byte struct goes through memory);
    // otherwise the value itself.
#if ONCOSTATE_SFLOAT_PACKED
    using carried = std::uint64_t;
    ONCOSTATE_SFLOAT_FORCE constexpr carried to_carried() const noexcept { return bits_; }
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat from_carried(carried w) noexcept { return of_word(w); }
#else
    using carried = sfloat;
    ONCOSTATE_SFLOAT_FORCE constexpr carried to_carried() const noexcept { return *this; }
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat from_carried(carried v) noexcept { return v; }
#endif

    static constexpr sfloat max() noexcept {
        sfloat r;
#if ONCOSTATE_SFLOAT_PACKED
        r.bits_ = 0xFFFFFFFFu | (std::uint64_t{2 * max_exponent} << 32);
#else
        r.mant_ = 0xFFFFFFFFu;
        r.exp_ = max_exponent;
#endif
        return r;
    }

    // Parts: value = (negative ? -1 : 1) * mantissa * 2^(exponent - 31); mantissa is 0 or >= 2^31.
#if ONCOSTATE_SFLOAT_PACKED
    ONCOSTATE_SFLOAT_FORCE constexpr std::uint32_t mantissa() const noexcept { return static_cast<std::uint32_t>(bits_); }
    ONCOSTATE_SFLOAT_FORCE constexpr int exponent() const noexcept { return static_cast<int>((bits_ >> 32) & 0xFFFFu) - max_exponent; }
    ONCOSTATE_SFLOAT_FORCE constexpr bool negative() const noexcept { return (bits_ & sign_bit) != 0; }
#else
    ONCOSTATE_SFLOAT_FORCE constexpr std::uint32_t mantissa() const noexcept { return mant_; }
    ONCOSTATE_SFLOAT_FORCE constexpr int exponent() const noexcept { return exp_; }
    ONCOSTATE_SFLOAT_FORCE constexpr bool negative() const noexcept { return neg_ != 0; }
#endif
    constexpr bool is_zero() const noexcept { return mantissa() == 0; }
    // The form every operation produces: zero is all zero bits; otherwise the mantissa has its
    // top bit set and |exponent| <= max_exponent (a check for values read from outside).
    constexpr bool canonical() const noexcept {
#if ONCOSTATE_SFLOAT_PACKED
        if (mantissa() == 0) return bits_ == 0;
        return (bits_ >> 49) == 0 && (mantissa() >> 31) != 0 && ((bits_ >> 32) & 0xFFFFu) <= 2u * max_exponent;
#else
        if (neg_ > 1) return false;
        if (mant_ == 0) return exp_ == 0 && neg_ == 0;
        return (mant_ >> 31) != 0 && exp_ >= -max_exponent && exp_ <= max_exponent;
#endif
    }

    ONCOSTATE_SFLOAT_FORCE constexpr sfloat operator-() const noexcept {
        sfloat r = *this;
#if ONCOSTATE_SFLOAT_PACKED
        if (mantissa() != 0) r.bits_ ^= sign_bit;
#else
        if (mant_ != 0) r.neg_ = static_cast<std::uint8_t>(neg_ ^ 1u);
#endif
        return r;
    }

#if ONCOSTATE_SFLOAT_PACKED
    ONCOSTATE_SFLOAT_OP friend constexpr sfloat operator*(sfloat a, sfloat b) noexcept { return of_word(mul_word(a.bits_, b.bits_)); }
    ONCOSTATE_SFLOAT_OP friend constexpr sfloat operator/(sfloat a, sfloat b) noexcept { return of_word(div_word(a.bits_, b.bits_)); }
    ONCOSTATE_SFLOAT_OP friend constexpr sfloat operator+(sfloat a, sfloat b) noexcept { return of_word(add_word(a.bits_, b.bits_)); }
#else
    ONCOSTATE_SFLOAT_OP friend constexpr sfloat operator*(sfloat a, sfloat b) noexcept { return mul(a, b); }
    ONCOSTATE_SFLOAT_OP friend constexpr sfloat operator/(sfloat a, sfloat b) noexcept { return div(a, b); }
    ONCOSTATE_SFLOAT_OP friend constexpr sfloat operator+(sfloat a, sfloat b) noexcept { return add(a, b, b.negative()); }
#endif
    ONCOSTATE_SFLOAT_FORCE friend constexpr sfloat operator-(sfloat a, sfloat b) noexcept { return a + -b; }

    constexpr sfloat& operator+=(sfloat o) noexcept { return *this = *this + o; }
    constexpr sfloat& operator-=(sfloat o) noexcept { return *this = *this - o; }
    constexpr sfloat& operator*=(sfloat o) noexcept { return *this = *this * o; }
    constexpr sfloat& operator/=(sfloat o) noexcept { return *this = *this / o; }

    friend constexpr bool operator==(sfloat a, sfloat b) noexcept {
        return a.mantissa() == b.mantissa() && (a.mantissa() == 0 || (a.exponent() == b.exponent() && a.negative() == b.negative()));
    }
    friend constexpr bool operator!=(sfloat a, sfloat b) noexcept { return !(a == b); }
    ONCOSTATE_SFLOAT_FORCE friend constexpr bool operator<(sfloat a, sfloat b) noexcept { return less(a, b); }
    ONCOSTATE_SFLOAT_FORCE friend constexpr bool operator>(sfloat a, sfloat b) noexcept { return less(b, a); }
    ONCOSTATE_SFLOAT_FORCE friend constexpr bool operator<=(sfloat a, sfloat b) noexcept { return !less(b, a); }
    ONCOSTATE_SFLOAT_FORCE friend constexpr bool operator>=(sfloat a, sfloat b) noexcept { return !less(a, b); }

    // x * 2^k, exact unless it saturates or underflows.
    ONCOSTATE_SFLOAT_FORCE constexpr sfloat scaled(int k) const noexcept { return from_carried(scaled_carried(*this, k)); }

    // Largest integer <= x, saturated to the int64 range.
    ONCOSTATE_SFLOAT_FORCE constexpr std::int64_t floor_int() const noexcept { return floor_of(*this); }

    // x * 2^64 truncated to an integer, saturated to [0, 2^64 - 1]: a probability as a 64-bit
    // binary fraction.
    ONCOSTATE_SFLOAT_FORCE constexpr std::uint64_t fraction64() const noexcept { return fraction_of(*this); }

    // For tests and host-side reports only (uses double arithmetic).
    constexpr double to_double() const noexcept {
        double v = static_cast<double>(mantissa());
        int e = exponent() - 31;
        for (; e > 0; --e) v *= 2.0;
        for (; e < 0; ++e) v *= 0.5;
        return negative() ? -v : v;
    }

    static constexpr sfloat from_double(double x) noexcept {
        if (!(x == x) || x == 0.0) return sfloat{};  // NaN and zero map to zero
        const bool neg = x < 0;
        if (neg) x = -x;
        int e = 0;
        // Bring x into [2^31, 2^32); bounded by the double exponent range.
        for (int i = 0; i < 1100 && x >= 4294967296.0; ++i) {
            x *= 0.5;
            ++e;
        }
        for (int i = 0; i < 1200 && x < 2147483648.0; ++i) {
            x *= 2.0;
            --e;
        }
        const double whole = static_cast<double>(static_cast<std::uint64_t>(x));
        std::uint64_t m = static_cast<std::uint64_t>(x);
        if (x - whole >= 0.5) ++m;
        return make(neg, m, e);
    }

private:
    // scaled(), floor_int() and fraction64() take the value, not its address (a member function
    // out of line would need the value in memory).
    ONCOSTATE_SFLOAT_INLINE static constexpr carried scaled_carried(sfloat x, int k) noexcept {
        if (x.mantissa() == 0) return x.to_carried();
        const std::int32_t e = static_cast<std::int32_t>(x.exponent()) + k;
        if (e > max_exponent) return (x.negative() ? -max() : max()).to_carried();
        if (e < -max_exponent) return sfloat{}.to_carried();
        sfloat r = x;
#if ONCOSTATE_SFLOAT_PACKED
        r.bits_ = (x.bits_ & ~(std::uint64_t{0xFFFFu} << 32)) | (static_cast<std::uint64_t>(static_cast<std::uint32_t>(e + max_exponent)) << 32);
#else
        r.exp_ = static_cast<std::int16_t>(e);
#endif
        return r.to_carried();
    }

    ONCOSTATE_SFLOAT_INLINE static constexpr std::int64_t floor_of(sfloat x) noexcept {
        if (x.mantissa() == 0) return 0;
        if (x.exponent() >= 63) return x.negative() ? INT64_MIN : INT64_MAX;
        if (x.exponent() < 0) return x.negative() ? -1 : 0;
        const int shift = 31 - x.exponent();
        std::uint64_t mag = 0;
        bool exact = true;
        if (shift >= 0) {
            mag = x.mantissa() >> shift;
            exact = (static_cast<std::uint64_t>(x.mantissa()) & ((std::uint64_t{1} << shift) - 1)) == 0;
        } else {
            mag = static_cast<std::uint64_t>(x.mantissa()) << (-shift);
            exact = true;
        }
        if (!x.negative()) return static_cast<std::int64_t>(mag);
        return -static_cast<std::int64_t>(mag) - (exact ? 0 : 1);
    }

    ONCOSTATE_SFLOAT_INLINE static constexpr std::uint64_t fraction_of(sfloat x) noexcept {
        if (x.mantissa() == 0 || x.negative()) return 0;
        const int shift = x.exponent() + 33;  // value * 2^64 = mant * 2^(exp + 33)
        if (shift > 32) return UINT64_MAX;
        if (shift <= -32) return 0;
        return shift >= 0 ? static_cast<std::uint64_t>(x.mantissa()) << shift : static_cast<std::uint64_t>(x.mantissa() >> (-shift));
    }

    // The operations on values; the public functions above call them (directly, or through
    // the *_word functions below).
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat make_value(bool negative, std::uint64_t magnitude, std::int32_t exponent2) noexcept {
        if (magnitude == 0) return sfloat{};
        std::uint32_t m = 0;
        std::uint32_t shift = 0;  // 63 - (index of the top bit) - (1 if rounding carried out)
        const std::uint32_t h = static_cast<std::uint32_t>(magnitude >> 32);
        if (h == 0) {  // 32 bits at most: exact
            const std::uint32_t l = static_cast<std::uint32_t>(magnitude);
            const int lz = clz32(l);
            m = l << lz;
            shift = 32u + static_cast<std::uint32_t>(lz);
        } else {
#if ONCOSTATE_SFLOAT_NARROW
            const std::uint32_t l = static_cast<std::uint32_t>(magnitude);
            const int lz = clz32(h);
            std::uint32_t top = h;
            std::uint32_t half = l >> 31;
            if (lz != 0) {
                top = (h << lz) | (l >> (32 - lz));
                half = (l >> (31 - lz)) & 1u;
            }
            m = top + half;  // to nearest, ties away
            shift = static_cast<std::uint32_t>(lz);
            if (m < top) {  // rounded up to 2^32
                m = 0x80000000u;
                shift -= 1u;
            }
#else
            const int lz = clz32(h);
            const std::uint64_t x = magnitude << lz;
            const std::uint64_t hi = (x >> 32) + ((x >> 31) & 1u);  // to nearest, ties away
            const std::uint32_t carry = static_cast<std::uint32_t>(hi >> 32);
            m = static_cast<std::uint32_t>(hi >> carry);
            shift = static_cast<std::uint32_t>(lz) - carry;
#endif
        }
        // e = exponent2 + 63 - shift, in wrapping arithmetic: exponent2 may be anything
        const std::uint32_t biased = static_cast<std::uint32_t>(exponent2) + (63u + max_exponent) - shift;
        if (biased > 2u * max_exponent) return exponent2 >= 0 ? saturated(negative) : sfloat{};
        return pack(negative, m, static_cast<std::int32_t>(biased) - max_exponent);
    }

    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat round_top_value(bool negative, std::uint64_t magnitude, std::int32_t e) noexcept {
        const std::uint32_t top = static_cast<std::uint32_t>(magnitude >> 32);
        std::uint32_t m = top + (static_cast<std::uint32_t>(magnitude) >> 31);  // to nearest, ties away
        std::uint32_t up = 0;
        if (m < top) {  // rounded up to 2^32
            m = 0x80000000u;
            up = 1;
        }
        const std::uint32_t biased = static_cast<std::uint32_t>(e) + up + max_exponent;
        if (biased > 2u * max_exponent) return e >= 0 ? saturated(negative) : sfloat{};
        return pack(negative, m, static_cast<std::int32_t>(biased) - max_exponent);
    }

    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat mul(sfloat a, sfloat b) noexcept {
        if (a.mantissa() == 0 || b.mantissa() == 0) return sfloat{};
        const bool neg = a.negative() != b.negative();
        // the product of two normalised mantissas lies in [2^62, 2^64): one bit of normalisation
        const std::uint64_t p = detail::mul_32x32(a.mantissa(), b.mantissa());
        const std::uint32_t p_hi = static_cast<std::uint32_t>(p >> 32);
        std::uint32_t m = 0;
        std::int32_t e = static_cast<std::int32_t>(a.exponent()) + b.exponent();
        if ((p_hi >> 31) != 0) {
            // p <= (2^32 - 1)^2, so p_hi <= 2^32 - 2: rounding cannot carry out
            m = p_hi + (static_cast<std::uint32_t>(p) >> 31);
            e += 1;
        } else {
            const std::uint32_t top = static_cast<std::uint32_t>(p >> 31);
            m = top + ((static_cast<std::uint32_t>(p) >> 30) & 1u);
            if (m < top) {  // rounded up to 2^32
                m = 0x80000000u;
                e += 1;
            }
        }
        // |e| <= 2 max_exponent + 1: no wrap-around
        if (static_cast<std::uint32_t>(e + max_exponent) > 2u * max_exponent) return e > 0 ? saturated(neg) : sfloat{};
        return pack(neg, m, e);
    }

    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat div(sfloat a, sfloat b) noexcept {
        if (a.mantissa() == 0) return sfloat{};
        if (b.mantissa() == 0) return saturated(a.negative());  // saturate instead of infinity
        const bool neg = a.negative() != b.negative();
        // q = floor(a * 2^32 / b) lies in [2^31, 2^33 - 2]; value = q * 2^(ea - eb - 32)
        std::uint32_t q_hi = 0;
        const std::uint32_t q = div_mantissas(a.mantissa(), b.mantissa(), q_hi);
        // 33 bits: round off the last (q <= 2^33 - 2 cannot carry out); else exactly 32 bits
#if ONCOSTATE_SFLOAT_NARROW
        std::uint32_t m = q;
        std::int32_t e = static_cast<std::int32_t>(a.exponent()) - b.exponent();
        if (q_hi != 0) {
            m = ((q >> 1) | 0x80000000u) + (q & 1u);
        } else {
            e -= 1;
        }
#else  // branch-free: q_hi is a coin flip
        const std::uint32_t m = ((q >> q_hi) | (q_hi << 31)) + (q & q_hi);
        const std::int32_t e = static_cast<std::int32_t>(a.exponent()) - b.exponent() - 1 + static_cast<std::int32_t>(q_hi);
#endif
        if (static_cast<std::uint32_t>(e + max_exponent) > 2u * max_exponent) return e > 0 ? saturated(neg) : sfloat{};
        return pack(neg, m, e);
    }


#if ONCOSTATE_SFLOAT_PACKED
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat of_word(std::uint64_t w) noexcept {
        sfloat r;
        r.bits_ = w;
        return r;
    }
    ONCOSTATE_SFLOAT_INLINE static constexpr std::uint64_t make_word(bool negative, std::uint64_t magnitude, std::int32_t exponent2) noexcept {
        return make_value(negative, magnitude, exponent2).bits_;
    }
    ONCOSTATE_SFLOAT_INLINE static constexpr std::uint64_t round_top_word(bool negative, std::uint64_t magnitude, std::int32_t e) noexcept {
        return round_top_value(negative, magnitude, e).bits_;
    }
    ONCOSTATE_SFLOAT_INLINE static constexpr std::uint64_t mul_word(std::uint64_t a, std::uint64_t b) noexcept {
        return mul(of_word(a), of_word(b)).bits_;
    }
    ONCOSTATE_SFLOAT_INLINE static constexpr std::uint64_t div_word(std::uint64_t a, std::uint64_t b) noexcept {
        return div(of_word(a), of_word(b)).bits_;
    }
    ONCOSTATE_SFLOAT_INLINE static constexpr std::uint64_t add_word(std::uint64_t a, std::uint64_t b) noexcept {
        const sfloat y = of_word(b);
        return add(of_word(a), y, y.negative()).bits_;
    }
#endif
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat pack(bool negative, std::uint32_t m, std::int32_t e) noexcept {
        sfloat r;
#if ONCOSTATE_SFLOAT_PACKED
        r.bits_ = m | (static_cast<std::uint64_t>(static_cast<std::uint32_t>(e + max_exponent)) << 32) | (negative ? sign_bit : 0u);
#else
        r.mant_ = m;
        r.exp_ = static_cast<std::int16_t>(e);
        r.neg_ = negative ? 1 : 0;
#endif
        return r;
    }
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat saturated(bool negative) noexcept { return pack(negative, 0xFFFFFFFFu, max_exponent); }

    // Leading zeros of a non-zero value.
    ONCOSTATE_SFLOAT_FORCE static constexpr int clz32(std::uint32_t x) noexcept {
#if defined(__GNUC__) || defined(__clang__)
        return __builtin_clz(x);
#else
        return detail::clz64(x) - 32;
#endif
    }

#if ONCOSTATE_SFLOAT_NARROW
    // floor(2^31 / (2^15 + (i + 1) 2^11)): 2^31 / d from below for every d in the i-th sixteenth
    // of (2^15, 2^16]
    static constexpr std::uint16_t recip_seed[16] = {61680, 58254, 55188, 52428, 49932, 47662, 45590, 43690,
                                                     41943, 40329, 38836, 37449, 36157, 34952, 33825, 32768};
#endif

    // floor(a * 2^32 / b) for normalised a and b (a value in [2^31, 2^33)): returns the low 32
    // bits, q_hi gets bit 32.
    ONCOSTATE_SFLOAT_FORCE static constexpr std::uint32_t div_mantissas(std::uint32_t a, std::uint32_t b, std::uint32_t& q_hi) noexcept {
#if ONCOSTATE_SFLOAT_NARROW
        // Long division in two 16-bit digits. Each digit is first estimated from below with a
        // 16-bit reciprocal of the divisor's top half, then corrected upwards (0 to 6 steps, 1.3 on
        // average); the remainder is exact throughout.
        std::uint32_t r = a;
        q_hi = 0;
        if (r >= b) {
            r -= b;
            q_hi = 1;
        }
        const std::uint32_t b_hi = b >> 16, b_lo = b & 0xFFFFu;
        // y <= 2^31 / (b_hi + 1) < 2^16 (Newton's iteration from below stays below)
        const std::uint32_t d = b_hi + 1u;
        std::uint32_t y = recip_seed[(b_hi >> 11) & 15u];
        for (int i = 0; i < 2; ++i) {
            const std::uint32_t err = 0x80000000u - d * y;  // 2^31 - d y >= 0
            y += (y * (err >> 15)) >> 16;
        }
        std::uint32_t q = 0;
        for (int i = 0; i < 2; ++i) {  // invariant r < b
            // digit <= floor(r 2^16 / b) < 2^16, since y 2^16 < 2^47 / b
            std::uint32_t digit = ((r >> 16) * y) >> 15;
            // (hi, lo) = r 2^16 - digit b >= 0
            const std::uint32_t p1 = digit * b_hi, p0 = digit * b_lo;
            const std::uint32_t p_lo = (p1 << 16) + p0;
            const std::uint32_t p_hi = (p1 >> 16) + (p_lo < p0 ? 1u : 0u);
            std::uint32_t lo = r << 16;
            std::uint32_t hi = (r >> 16) - p_hi - (lo < p_lo ? 1u : 0u);
            lo -= p_lo;
            while (hi != 0 || lo >= b) {
                hi -= lo < b ? 1u : 0u;
                lo -= b;
                ++digit;
            }
            q = (q << 16) | digit;
            r = lo;
        }
        return q;
#else
        const std::uint64_t q = (static_cast<std::uint64_t>(a) << 32) / b;
        q_hi = static_cast<std::uint32_t>(q >> 32);
        return static_cast<std::uint32_t>(q);
#endif
    }

    // a + (b with its sign bit replaced by b_neg), as a long sum: x = the operand of larger
    // magnitude, y = the other, d = ex - ey; y * 2^-d truncated 62 bits below x's leading bit
    // (exactly as a 64-bit sum of x * 2^31 and (y * 2^31) >> d), then rounded.
    ONCOSTATE_SFLOAT_FORCE static constexpr sfloat add(sfloat a, sfloat b, bool b_neg) noexcept {
        if (a.mantissa() == 0) {
#if ONCOSTATE_SFLOAT_PACKED
            if (b.mantissa() != 0) b.bits_ = (b.bits_ & ~sign_bit) | (b_neg ? sign_bit : 0u);
#else
            if (b.mant_ != 0) b.neg_ = b_neg ? 1 : 0;
#endif
            return b;
        }
        if (b.mantissa() == 0) return a;
        std::int32_t d = static_cast<std::int32_t>(a.exponent()) - b.exponent();
        const bool swap = d < 0 || (d == 0 && a.mantissa() < b.mantissa());
        const std::uint32_t xm = swap ? b.mantissa() : a.mantissa();
        const std::uint32_t ym = swap ? a.mantissa() : b.mantissa();
        const std::int32_t xe = swap ? b.exponent() : a.exponent();
        const bool neg = swap ? b_neg : a.negative();
        if (swap) d = -d;
        // d >= 63 shifts y out entirely, as 63 does
        const std::uint32_t ud = d > 63 ? 63u : static_cast<std::uint32_t>(d);
        std::uint32_t m = 0;
        std::int32_t e = xe;
        if (a.negative() == b_neg) {
            // like signs: x + y lies in [2^31, 2^33) units of x's last place
#if ONCOSTATE_SFLOAT_NARROW
            std::uint32_t ys = ym;  // y in units of x's last place, truncated
            std::uint32_t half = 0;  // the bit just below
            if (ud != 0) {
                ys = 0;
                if (ud <= 32) {
                    const std::uint32_t t = ym >> (ud - 1);
                    ys = t >> 1;
                    half = t & 1u;
                }
            }
            const std::uint32_t s = xm + ys;
            if (s < xm) {  // 33 bits: round off the last (ceil(s/2) < 2^32)
                m = ((s >> 1) | 0x80000000u) + (s & 1u);
                e += 1;
            } else {
                m = s + half;
                if (m < s) {  // rounded up to 2^32
                    m = 0x80000000u;
                    e += 1;
                }
            }
#else
            const std::uint64_t t = (static_cast<std::uint64_t>(ym) << 1) >> ud;  // y * 2^(1-d)
            const std::uint64_t s = static_cast<std::uint64_t>(xm) + (t >> 1);
            const std::uint32_t top = static_cast<std::uint32_t>(s >> 32);
            const std::uint64_t half = top != 0 ? (s & 1u) : (t & 1u);
            const std::uint64_t hi = (s >> top) + half;
            const std::uint32_t carry = static_cast<std::uint32_t>(hi >> 32);  // never with top
            m = static_cast<std::uint32_t>(hi >> carry);
            e += static_cast<std::int32_t>(top + carry);
#endif
            if (e > max_exponent) return saturated(neg);
            return pack(neg, m, e);
        }
        // unlike signs: x - y lies in (0, 2^32) units of x's last place, or is 0
#if ONCOSTATE_SFLOAT_NARROW
        if (ud == 0) {  // exact
            const std::uint32_t diff = xm - ym;
            if (diff == 0) return sfloat{};
            const int lz = clz32(diff);
            m = diff << lz;
            e -= lz;
        } else if (ud == 1) {  // 2x - y in [1, 2^33): exact unless 33 bits long
            const std::uint32_t lo = (xm << 1) - ym;
            if ((xm << 1) >= ym) {  // 2^32 + lo: round off the last bit (no carry out)
                m = ((lo >> 1) | 0x80000000u) + (lo & 1u);
            } else {
                const int lz = clz32(lo);
                m = lo << lz;
                e -= 1 + lz;
            }
        } else {
            // f = floor((x - y) * 4) = 4x - ceil(4y) in units of x's last place, with y truncated
            // as in the long sum; f lies in (2^32, 2^34)
            std::uint32_t g = 0;  // ceil(4y)
            if (ud <= 31) {
                const std::uint32_t sh = ud - 2;
                g = (ym >> sh) + ((ym & ((1u << sh) - 1u)) != 0 ? 1u : 0u);
            } else if (ud <= 62) {
                const std::uint32_t t = ym >> (ud - 31);  // y * 2^31, truncated
                g = (t >> 29) + ((t & 0x1FFFFFFFu) != 0 ? 1u : 0u);
            }
            // f = (f_hi : f_lo), f_hi = f >> 32 in {1, 2, 3}
            const std::uint32_t x4 = xm << 2;
            const std::uint32_t f_lo = x4 - g;
            const std::uint32_t f_hi = (xm >> 30) - (x4 < g ? 1u : 0u);
            if (f_hi >= 2) {  // 34 bits; f <= 4x cannot carry out
                m = ((f_hi << 30) | (f_lo >> 2)) + ((f_lo >> 1) & 1u);
            } else {  // 33 bits
                const std::uint32_t top = 0x80000000u | (f_lo >> 1);
                m = top + (f_lo & 1u);
                e -= 1;
                if (m < top) {  // rounded up to 2^32
                    m = 0x80000000u;
                    e += 1;
                }
            }
        }
#else
        const std::uint64_t diff = (static_cast<std::uint64_t>(xm) << 31) - ((static_cast<std::uint64_t>(ym) << 31) >> ud);
        if (diff == 0) return sfloat{};
        const int lz = detail::clz64(diff);  // >= 1
        const std::uint64_t x = diff << lz;
        const std::uint64_t hi = (x >> 32) + ((x >> 31) & 1u);
        const std::uint32_t carry = static_cast<std::uint32_t>(hi >> 32);
        m = static_cast<std::uint32_t>(hi >> carry);
        e += 1 - lz + static_cast<std::int32_t>(carry);
#endif
        if (e < -max_exponent) return sfloat{};
        return pack(neg, m, e);
    }

    // a < b: by sign, then by magnitude (exponent, then mantissa); zero has no sign.
    ONCOSTATE_SFLOAT_FORCE static constexpr bool less(sfloat a, sfloat b) noexcept {
#if ONCOSTATE_SFLOAT_PACKED
        // Below the sign, the word orders as the magnitude: biased exponent above a mantissa
        // that is 0 (zero, whose word is 0) or >= 2^31. A negative value is never zero.
        const std::uint64_t sa = a.bits_ & sign_bit;
        if (sa != (b.bits_ & sign_bit)) return sa != 0;
        return sa == 0 ? a.bits_ < b.bits_ : b.bits_ < a.bits_;
#else
        if (a.mantissa() == 0 || b.mantissa() == 0 || a.negative() != b.negative()) {
            if (a.mantissa() == 0) return b.mantissa() != 0 && !b.negative();
            if (b.mantissa() == 0) return a.negative();
            return a.negative();
        }
        // like signs, both non-zero: the smaller magnitude is the smaller value unless negative
        if (a.exponent() != b.exponent()) return (a.exponent() < b.exponent()) != a.negative();
        return a.mantissa() != b.mantissa() && (a.mantissa() < b.mantissa()) != a.negative();
#endif
    }

#if ONCOSTATE_SFLOAT_PACKED
    // the mantissa in bits 0-31, the exponent plus max_exponent (0 to 32000) in bits 32-47, the
    // sign in 48; zero is the word 0
    static constexpr std::uint64_t sign_bit = std::uint64_t{1} << 48;
    std::uint64_t bits_ = 0;
#else
    std::uint32_t mant_ = 0;
    std::int16_t exp_ = 0;
    std::uint8_t neg_ = 0;  // 0 or 1; a byte, not bool: snapshots are checked bytes
#endif
};

ONCOSTATE_NAMESPACE_END

#undef ONCOSTATE_SFLOAT_FORCE
#undef ONCOSTATE_SFLOAT_INLINE
#undef ONCOSTATE_SFLOAT_OP

#endif  // ONCOSTATE_SFLOAT_HPP
