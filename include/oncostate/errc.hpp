// oncostate: the error code every recoverable failure returns.
#ifndef ONCOSTATE_ERRC_HPP
#define ONCOSTATE_ERRC_HPP

#include "config.hpp"

#include <cstdint>  // std::uint8_t

ONCOSTATE_NAMESPACE_BEGIN

// Each code names one problem. Codes are stable: new ones are only appended.
enum class errc : std::uint8_t {
    ok = 0,
    not_a_number,            // a NaN was passed where a number was expected
    negative_value,          // a value that must be >= 0 was negative
    probability_out_of_range,// a probability outside [0, 1]
    value_too_large,         // a value beyond what the type or model accepts
    empty_weights,           // a categorical draw over no weights, or weights summing to 0
    count_
};

// A short, stable name for the code, for logs and serial lines.
constexpr const char* error_name(errc e) noexcept {
    switch (e) {
        case errc::ok: return "ok";
        case errc::not_a_number: return "not_a_number";
        case errc::negative_value: return "negative_value";
        case errc::probability_out_of_range: return "probability_out_of_range";
        case errc::value_too_large: return "value_too_large";
        case errc::empty_weights: return "empty_weights";
        case errc::count_: break;
    }
    return "unknown_error";
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_ERRC_HPP
