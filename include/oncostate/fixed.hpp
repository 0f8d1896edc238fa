// oncostate: fixed<IntegerBits, FractionBits>, a signed Q-format number in 32 bits.
//
// IntegerBits counts the sign bit: fixed<16, 16> is Q16.16, range [-32768, 32768) in steps of
// 2^-16. Arithmetic saturates at the range limits instead of wrapping; multiplication rounds to
// nearest (ties upward). Multiplication uses one 32x32->64-bit product; division needs a 64-bit
// division and is kept off the simulation's hot path.
#ifndef ONCOSTATE_FIXED_HPP
#define ONCOSTATE_FIXED_HPP

#include "config.hpp"
#include "detail/bits.hpp"
#include "sfloat.hpp"

#include <cstdint>      // fixed-width integers
#include <type_traits>  // std::is_same for the format checks

ONCOSTATE_NAMESPACE_BEGIN

template <int IntegerBits, int FractionBits>
class fixed {
    static_assert(IntegerBits >= 1, "oncostate: fixed needs at least one integer bit (the sign)");
    static_assert(FractionBits >= 1, "oncostate: fixed needs at least one fraction bit");
    static_assert(IntegerBits + FractionBits == 32, "oncostate: fixed stores 32 bits: IntegerBits + FractionBits must be 32");

public:
    using storage_type = std::int32_t;
    static constexpr int integer_bits = IntegerBits;
    static constexpr int fraction_bits = FractionBits;
    static constexpr std::int32_t one_raw = std::int32_t{1} << FractionBits;

    constexpr fixed() noexcept = default;

    // From a double constant (compile time; see sfloat's note). Rounds to nearest, saturates.
    constexpr explicit fixed(double x) noexcept : raw_(saturate(round_double(x * one_raw))) {}

    static constexpr fixed from_raw(std::int32_t raw) noexcept {
        fixed r;
        r.raw_ = raw;
        return r;
    }
    static constexpr fixed from_int(std::int32_t v) noexcept {
        return from_raw(saturate(static_cast<std::int64_t>(v) * one_raw));
    }
    // From an sfloat, rounded to nearest and saturated: the exact way in from the real type.
    static constexpr fixed from_real(sfloat x) noexcept {
        constexpr sfloat half = sfloat::make(false, 1, -1);
        const sfloat scaled = x.scaled(FractionBits) + half;
        return from_raw(saturate(scaled.floor_int()));
    }
    static constexpr fixed max() noexcept { return from_raw(INT32_MAX); }
    static constexpr fixed lowest() noexcept { return from_raw(INT32_MIN); }
    static constexpr fixed epsilon() noexcept { return from_raw(1); }

    constexpr std::int32_t raw() const noexcept { return raw_; }
    // Exact conversion to the real type.
    constexpr sfloat to_real() const noexcept { return sfloat::from_int(raw_).scaled(-FractionBits); }
    constexpr std::int32_t floor_int() const noexcept {
        return static_cast<std::int32_t>(detail::shift_right_floor(raw_, FractionBits));
    }
    // For tests and host-side reports only.
    constexpr double to_double() const noexcept { return static_cast<double>(raw_) / one_raw; }

    constexpr fixed operator-() const noexcept { return from_raw(saturate(-static_cast<std::int64_t>(raw_))); }
    constexpr fixed operator+() const noexcept { return *this; }

    friend constexpr fixed operator+(fixed a, fixed b) noexcept {
        return from_raw(saturate(static_cast<std::int64_t>(a.raw_) + b.raw_));
    }
    friend constexpr fixed operator-(fixed a, fixed b) noexcept {
        return from_raw(saturate(static_cast<std::int64_t>(a.raw_) - b.raw_));
    }
    friend constexpr fixed operator*(fixed a, fixed b) noexcept {
        const std::int64_t p = static_cast<std::int64_t>(a.raw_) * b.raw_;
        return from_raw(saturate(detail::shift_right_floor(p + (std::int64_t{1} << (FractionBits - 1)), FractionBits)));
    }
    // Division by zero saturates toward the sign of the dividend.
    friend constexpr fixed operator/(fixed a, fixed b) noexcept {
        if (b.raw_ == 0) return a.raw_ < 0 ? lowest() : max();
        const std::int64_t n = static_cast<std::int64_t>(a.raw_) * one_raw;
        std::int64_t q = n / b.raw_;
        const std::int64_t rem = n - q * b.raw_;
        // round half away from zero
        const std::int64_t twice = (rem < 0 ? -rem : rem) * 2;
        const std::int64_t db = b.raw_ < 0 ? -static_cast<std::int64_t>(b.raw_) : b.raw_;
        if (twice >= db) q += ((n < 0) != (b.raw_ < 0)) ? -1 : 1;
        return from_raw(saturate(q));
    }
    // Multiply by an integer (exact unless it saturates).
    friend constexpr fixed operator*(fixed a, std::int32_t k) noexcept {
        return from_raw(saturate(static_cast<std::int64_t>(a.raw_) * k));
    }

    constexpr fixed& operator+=(fixed o) noexcept { return *this = *this + o; }
    constexpr fixed& operator-=(fixed o) noexcept { return *this = *this - o; }
    constexpr fixed& operator*=(fixed o) noexcept { return *this = *this * o; }
    constexpr fixed& operator/=(fixed o) noexcept { return *this = *this / o; }

    friend constexpr bool operator==(fixed a, fixed b) noexcept { return a.raw_ == b.raw_; }
    friend constexpr bool operator!=(fixed a, fixed b) noexcept { return a.raw_ != b.raw_; }
    friend constexpr bool operator<(fixed a, fixed b) noexcept { return a.raw_ < b.raw_; }
    friend constexpr bool operator>(fixed a, fixed b) noexcept { return a.raw_ > b.raw_; }
    friend constexpr bool operator<=(fixed a, fixed b) noexcept { return a.raw_ <= b.raw_; }
    friend constexpr bool operator>=(fixed a, fixed b) noexcept { return a.raw_ >= b.raw_; }

    // Mixing two formats is a compile error: convert one side with fixed_cast first.
    template <int I2, int F2, class = std::enable_if_t<I2 != IntegerBits>>
    friend constexpr fixed operator+(fixed, fixed<I2, F2>) noexcept {
        static_assert(I2 == IntegerBits, "oncostate: mixing fixed-point formats needs an explicit fixed_cast");
        return fixed{};
    }
    template <int I2, int F2, class = std::enable_if_t<I2 != IntegerBits>>
    friend constexpr fixed operator-(fixed, fixed<I2, F2>) noexcept {
        static_assert(I2 == IntegerBits, "oncostate: mixing fixed-point formats needs an explicit fixed_cast");
        return fixed{};
    }
    template <int I2, int F2, class = std::enable_if_t<I2 != IntegerBits>>
    friend constexpr fixed operator*(fixed, fixed<I2, F2>) noexcept {
        static_assert(I2 == IntegerBits, "oncostate: mixing fixed-point formats needs an explicit fixed_cast");
        return fixed{};
    }
    template <int I2, int F2, class = std::enable_if_t<I2 != IntegerBits>>
    friend constexpr fixed operator/(fixed, fixed<I2, F2>) noexcept {
        static_assert(I2 == IntegerBits, "oncostate: mixing fixed-point formats needs an explicit fixed_cast");
        return fixed{};
    }

    static constexpr std::int32_t saturate(std::int64_t v) noexcept {
        return v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : static_cast<std::int32_t>(v));
    }

private:
    static constexpr std::int64_t round_double(double v) noexcept {
        if (!(v == v)) return 0;
        if (v >= 9.2e18) return INT64_MAX;
        if (v <= -9.2e18) return INT64_MIN;
        const double r = v < 0 ? v - 0.5 : v + 0.5;
        return static_cast<std::int64_t>(r);  // truncation toward zero after the half shift
    }

    std::int32_t raw_ = 0;
};

// Explicit conversion between formats: rounds to nearest, saturates.
template <class To, int I, int F>
constexpr To fixed_cast(fixed<I, F> from) noexcept {
    constexpr int to_f = To::fraction_bits;
    if constexpr (to_f >= F) {
        return To::from_raw(To::saturate(static_cast<std::int64_t>(from.raw()) * (std::int64_t{1} << (to_f - F))));
    } else {
        const std::int64_t half = std::int64_t{1} << (F - to_f - 1);
        return To::from_raw(To::saturate(detail::shift_right_floor(static_cast<std::int64_t>(from.raw()) + half, F - to_f)));
    }
}

// The default fixed-point scalar of the model.
using q16_16 = fixed<16, 16>;

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_FIXED_HPP
