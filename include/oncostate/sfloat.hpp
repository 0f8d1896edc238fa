// oncostate: sfloat, a software floating-point number made of integers only.
//
// Why it exists: a Q16.16 number cannot hold the model's small probabilities (its step is 1.5e-5,
// and a mutation probability is 1e-9 per division). sfloat keeps a 32-bit mantissa and a 16-bit
// binary exponent, so every value from 1e-4000 to 1e+4000 carries a relative error below 2^-31
// (4.7e-10). It uses only integer operations, so its results are bit-identical on every platform,
// including a Cortex-M0 with no floating-point unit. The fixed-point mode of oncostate computes
// probabilities and random variates with it.
//
// Rounding: to nearest, ties away from zero. Overflow saturates at +/-max(); underflow gives 0.
// There is no NaN and no infinity.
#ifndef ONCOSTATE_SFLOAT_HPP
#define ONCOSTATE_SFLOAT_HPP

#include "config.hpp"
#include "detail/bits.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

class sfloat {
public:
    static constexpr int max_exponent = 16000;  // |binary exponent| bound (saturation limit)

    constexpr sfloat() noexcept = default;  // zero

    // From a double constant. Meant for compile-time constants (constexpr); at run time on a
    // core without an FPU it would pull in soft-float code.
    constexpr explicit sfloat(double x) noexcept { *this = from_double(x); }

    static constexpr sfloat from_int(std::int64_t v) noexcept {
        return v < 0 ? make(true, static_cast<std::uint64_t>(-(v + 1)) + 1u, 0)
                     : make(false, static_cast<std::uint64_t>(v), 0);
    }
    static constexpr sfloat from_uint(std::uint64_t v) noexcept { return make(false, v, 0); }

    // value = (negative ? -1 : 1) * magnitude * 2^exponent2, rounded to 32 mantissa bits.
    static constexpr sfloat make(bool negative, std::uint64_t magnitude, std::int32_t exponent2) noexcept {
        sfloat r;
        if (magnitude == 0) return r;
        const int lz = detail::clz64(magnitude);
        magnitude <<= lz;
        exponent2 -= lz;
        std::uint64_t hi = magnitude >> 32;
        if ((magnitude & 0x80000000u) != 0) ++hi;  // round to nearest, ties away
        if (hi == (std::uint64_t{1} << 32)) {
            hi >>= 1;
            ++exponent2;
        }
        // value = hi * 2^(exponent2 + 32) = hi * 2^(e - 31)  =>  e = exponent2 + 63
        const std::int32_t e = exponent2 + 63;
        if (e > max_exponent) return negative ? -max() : max();
        if (e < -max_exponent) return r;
        r.mant_ = static_cast<std::uint32_t>(hi);
        r.exp_ = static_cast<std::int16_t>(e);
        r.neg_ = negative;
        return r;
    }

    // magnitude has its top bit set; value = magnitude * 2^(e - 63); rounds to 32 bits.
    static constexpr sfloat round_top(bool negative, std::uint64_t magnitude, std::int32_t e) noexcept {
        std::uint64_t hi = (magnitude >> 32) + ((magnitude >> 31) & 1u);  // to nearest, ties away
        if (hi >> 32) {
            hi >>= 1;
            ++e;
        }
        if (e > max_exponent) return negative ? -max() : max();
        sfloat r;
        if (e < -max_exponent) return r;
        r.mant_ = static_cast<std::uint32_t>(hi);
        r.exp_ = static_cast<std::int16_t>(e);
        r.neg_ = negative;
        return r;
    }

    static constexpr sfloat max() noexcept {
        sfloat r;
        r.mant_ = 0xFFFFFFFFu;
        r.exp_ = max_exponent;
        return r;
    }

    // Parts: value = (negative ? -1 : 1) * mantissa * 2^(exponent - 31); mantissa is 0 or >= 2^31.
    constexpr std::uint32_t mantissa() const noexcept { return mant_; }
    constexpr int exponent() const noexcept { return exp_; }
    constexpr bool negative() const noexcept { return neg_; }
    constexpr bool is_zero() const noexcept { return mant_ == 0; }

    constexpr sfloat operator-() const noexcept {
        sfloat r = *this;
        if (mant_ != 0) r.neg_ = !neg_;
        return r;
    }

    friend constexpr sfloat operator*(sfloat a, sfloat b) noexcept {
        if (a.mant_ == 0 || b.mant_ == 0) return sfloat{};
        // the product of two normalised mantissas lies in [2^62, 2^64): one bit of normalisation
        const std::uint64_t p = static_cast<std::uint64_t>(a.mant_) * b.mant_;
        const int top = static_cast<int>(p >> 63);
        return round_top(a.neg_ != b.neg_, p << (1 - top), static_cast<std::int32_t>(a.exp_) + b.exp_ + top);
    }

    friend constexpr sfloat operator/(sfloat a, sfloat b) noexcept {
        if (a.mant_ == 0) return sfloat{};
        if (b.mant_ == 0) return a.neg_ ? -max() : max();  // saturate instead of infinity
        const std::uint64_t q = (static_cast<std::uint64_t>(a.mant_) << 32) / b.mant_;
        return make(a.neg_ != b.neg_, q, static_cast<std::int32_t>(a.exp_) - b.exp_ - 32);
    }

    friend constexpr sfloat operator+(sfloat a, sfloat b) noexcept {
        if (a.mant_ == 0) return b;
        if (b.mant_ == 0) return a;
        if (magnitude_less(a, b)) {  // make |a| >= |b|
            const sfloat t = a;
            a = b;
            b = t;
        }
        const int d = a.exp_ - b.exp_;
        const std::uint64_t ma = static_cast<std::uint64_t>(a.mant_) << 31;
        const std::uint64_t mb = d > 62 ? 0 : (static_cast<std::uint64_t>(b.mant_) << 31) >> d;
        if (a.neg_ == b.neg_) {  // the sum lies in [2^62, 2^64): one bit of normalisation
            const std::uint64_t sum = ma + mb;
            const int top = static_cast<int>(sum >> 63);
            return round_top(a.neg_, sum << (1 - top), static_cast<std::int32_t>(a.exp_) + top);
        }
        return make(a.neg_, ma - mb, static_cast<std::int32_t>(a.exp_) - 62);
    }
    friend constexpr sfloat operator-(sfloat a, sfloat b) noexcept { return a + (-b); }

    constexpr sfloat& operator+=(sfloat o) noexcept { return *this = *this + o; }
    constexpr sfloat& operator-=(sfloat o) noexcept { return *this = *this - o; }
    constexpr sfloat& operator*=(sfloat o) noexcept { return *this = *this * o; }
    constexpr sfloat& operator/=(sfloat o) noexcept { return *this = *this / o; }

    friend constexpr bool operator==(sfloat a, sfloat b) noexcept {
        return a.mant_ == b.mant_ && (a.mant_ == 0 || (a.exp_ == b.exp_ && a.neg_ == b.neg_));
    }
    friend constexpr bool operator!=(sfloat a, sfloat b) noexcept { return !(a == b); }
    friend constexpr bool operator<(sfloat a, sfloat b) noexcept {
        const bool an = a.neg_ && a.mant_ != 0;
        const bool bn = b.neg_ && b.mant_ != 0;
        if (an != bn) return an;
        return an ? magnitude_less(b, a) : magnitude_less(a, b);
    }
    friend constexpr bool operator>(sfloat a, sfloat b) noexcept { return b < a; }
    friend constexpr bool operator<=(sfloat a, sfloat b) noexcept { return !(b < a); }
    friend constexpr bool operator>=(sfloat a, sfloat b) noexcept { return !(a < b); }

    // x * 2^k, exact unless it saturates or underflows.
    constexpr sfloat scaled(int k) const noexcept {
        if (mant_ == 0) return *this;
        const std::int32_t e = static_cast<std::int32_t>(exp_) + k;
        if (e > max_exponent) return neg_ ? -max() : max();
        if (e < -max_exponent) return sfloat{};
        sfloat r = *this;
        r.exp_ = static_cast<std::int16_t>(e);
        return r;
    }

    // Largest integer <= x, saturated to the int64 range.
    constexpr std::int64_t floor_int() const noexcept {
        if (mant_ == 0) return 0;
        if (exp_ >= 63) return neg_ ? INT64_MIN : INT64_MAX;
        if (exp_ < 0) return neg_ ? -1 : 0;
        const int shift = 31 - exp_;
        std::uint64_t mag = 0;
        bool exact = true;
        if (shift >= 0) {
            mag = mant_ >> shift;
            exact = (static_cast<std::uint64_t>(mant_) & ((std::uint64_t{1} << shift) - 1)) == 0;
        } else {
            mag = static_cast<std::uint64_t>(mant_) << (-shift);
            exact = true;
        }
        if (!neg_) return static_cast<std::int64_t>(mag);
        return -static_cast<std::int64_t>(mag) - (exact ? 0 : 1);
    }

    // x * 2^64 truncated to an integer, saturated to [0, 2^64 - 1]: a probability as a 64-bit
    // binary fraction.
    constexpr std::uint64_t fraction64() const noexcept {
        if (mant_ == 0 || neg_) return 0;
        const int shift = exp_ + 33;  // value * 2^64 = mant * 2^(exp + 33)
        if (shift > 32) return UINT64_MAX;
        if (shift <= -32) return 0;
        return shift >= 0 ? static_cast<std::uint64_t>(mant_) << shift : static_cast<std::uint64_t>(mant_ >> (-shift));
    }

    // For tests and host-side reports only (uses double arithmetic).
    constexpr double to_double() const noexcept {
        double v = static_cast<double>(mant_);
        int e = exp_ - 31;
        for (; e > 0; --e) v *= 2.0;
        for (; e < 0; ++e) v *= 0.5;
        return neg_ ? -v : v;
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
    static constexpr bool magnitude_less(sfloat a, sfloat b) noexcept {
        if (a.mant_ == 0) return b.mant_ != 0;
        if (b.mant_ == 0) return false;
        return a.exp_ != b.exp_ ? a.exp_ < b.exp_ : a.mant_ < b.mant_;
    }

    std::uint32_t mant_ = 0;
    std::int16_t exp_ = 0;
    bool neg_ = false;
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_SFLOAT_HPP
