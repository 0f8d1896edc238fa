// oncostate internals: double-precision series evaluated at compile time, used only to build
// constant tables (never at run time, so no soft-float code reaches a Cortex-M0 build).
#ifndef ONCOSTATE_DETAIL_CONSTEXPR_MATH_HPP
#define ONCOSTATE_DETAIL_CONSTEXPR_MATH_HPP

#include "../config.hpp"

ONCOSTATE_NAMESPACE_BEGIN
namespace math::detail {

constexpr double ce_exp(double x) {  // |x| < 1: Taylor series to 30 terms
    double term = 1, sum = 1;
    for (int i = 1; i < 30; ++i) {
        term *= x / i;
        sum += term;
    }
    return sum;
}
constexpr double ce_log1p(double t) {  // t in [0, 1): 2 atanh(t / (2 + t))
    const double s = t / (2 + t), z = s * s;
    double term = s, sum = 0;
    for (int i = 0; i < 40; ++i) {
        sum += term / (2 * i + 1);
        term *= z;
    }
    return 2 * sum;
}

}  // namespace math::detail
ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_DETAIL_CONSTEXPR_MATH_HPP
