// oncostate: the immune response, after Kuznetsov, Makalkin, Taylor & Perelson, "Nonlinear
// dynamics of immunogenic tumors", Bull Math Biol 1994;56:295-321.
//
// Dimensionless effector (x) / tumour (y) system; x and y in units of 1e6 cells, time tau in
// units of about 9 days:
//   dx/dtau = sigma + rho x y / (eta + y) - mu x y - delta x
//   dy/dtau = alpha y (1 - beta y) - x y
// With the paper's parameters (the defaults below) the equilibria (x, y) are:
//   tumour-free (0.3155223, 0)         saddle, eigenvalues -0.3743 and +1.3205
//   dormant     (1.6092033, 8.1897067) stable focus, -0.050094 +/- 0.576297 i (period ~10.9)
//   threshold   (0.7597651, 267.79796) saddle, +0.32478 and -1.35646 (its stable manifold
//                                      separates dormancy from escape)
//   escape      (0.1729768, 447.13423) stable node, -0.45268 and -1.69310
// A small tumour is held dormant near 8e6 cells; a large one escapes to about 4.5e8 cells.
//
// Extensions (not in the paper):
//   strength    multiplies the recruitment rho (checkpoint inhibitors raise it above 1).
//   visibility  in [0, 1], antigen presentation: multiplies every effector-tumour interaction,
//               i.e. recruitment, inactivation (mu) and kill (x y). In the paper all three come
//               from effector-tumour conjugates (their rate k1), which need antigen recognition.
//               Scaling the kill alone cannot model escape: effectors then rise and hold the
//               tumour near y = 10. With all three scaled, visibility 0.5 or less lets a dormant
//               tumour escape.
//
// Coupling to the stochastic kernel: the tumour equation is y' = y (alpha (1 - beta y) -
// visibility x). The kernel supplies the growth itself (net rate g per day), so the immune term
// is rescaled to keep Kuznetsov's kill / growth ratio visibility x / alpha:
//   kill rate per day           = g x visibility / alpha
//   kill probability per cell   = 1 - exp(-rate), clamped to [0, 1]
//   Kuznetsov time per day      = g / alpha   (immune_dtau_per_day)
// The lesion layer advances the effectors by immune_dtau_per_day with the lesion's y each day.
// For g <= 0 both are 0: the immune clock stops while the lesion does not grow.
#ifndef ONCOSTATE_IMMUNE_HPP
#define ONCOSTATE_IMMUNE_HPP

#include "config.hpp"
#include "errc.hpp"
#include "math.hpp"
#include "real.hpp"

#include <cstdint>  // std::uint64_t, std::int64_t

ONCOSTATE_NAMESPACE_BEGIN

namespace detail {
// Constant-initialised values (never converted from double at run time).
template <class R>
struct immune_const {
    static constexpr R sigma = R(0.1181);
    static constexpr R rho = R(1.131);
    static constexpr R eta = R(20.19);
    static constexpr R mu = R(0.00311);
    static constexpr R delta = R(0.3743);
    static constexpr R alpha = R(1.636);
    static constexpr R beta = R(0.002);
    static constexpr R days_per_unit = R(9.0);
    static constexpr R tumour_free = R(0.1181 / 0.3743);  // sigma / delta
    static constexpr R substeps_per_unit = R(20.0);        // RK4 sub-step at most 0.05
    static constexpr R max_rate = R(20.0);
    static constexpr R sixth = R(1.0 / 6.0);
    static constexpr R twenty_fourth = R(1.0 / 24.0);
    static constexpr R negligible_y = R(1e-4);  // tumour size (units of cells_per_unit) below which y is ignored
};
constexpr int immune_max_substeps = 64;
constexpr std::uint64_t immune_max_cells_per_unit = std::uint64_t{1} << 62;  // population.hpp's max_cells

// ceil(dtau / 0.05), in [1, immune_max_substeps].
template <class R>
constexpr int immune_substeps(R dtau) noexcept {
    using t = real_traits<R>;
    const R s = dtau * immune_const<R>::substeps_per_unit;
    std::int64_t n = t::floor_int(s);
    if (n >= immune_max_substeps) return immune_max_substeps;
    if (t::from_int(n) < s) ++n;
    return n < 1 ? 1 : static_cast<int>(n);
}

template <class R>
constexpr R non_negative(R v) noexcept {
    return v < real_const<R>::zero ? real_const<R>::zero : v;
}
}  // namespace detail

template <class R>
struct immune_params {
    using c = detail::immune_const<R>;
    // Kuznetsov et al. 1994, dimensionless (their fit to BCL1 lymphoma in mouse spleen).
    R sigma = c::sigma;  // influx of effectors (immune surveillance)
    R rho = c::rho;      // maximal recruitment by the tumour
    R eta = c::eta;      // tumour size of half-maximal recruitment
    R mu = c::mu;        // effector inactivation by tumour cells
    R delta = c::delta;  // effector death
    R alpha = c::alpha;  // tumour growth (logistic)
    R beta = c::beta;    // 1 / tumour capacity
    R days_per_unit = c::days_per_unit;     // one time unit in days (for reports)
    std::uint64_t cells_per_unit = 1000000;  // one x or y unit in cells
    R strength = real_const<R>::one;         // multiplies rho (checkpoint inhibitors raise it)
    R visibility = real_const<R>::one;       // antigen presentation in [0, 1] (see the top)

    // not_a_number:             a NaN in any real field (float and double only).
    // negative_value:           any real field below 0; days_per_unit, delta or cells_per_unit not
    //                           positive.
    // probability_out_of_range: visibility above 1.
    // value_too_large:          rho * strength, delta or alpha above 20 per time unit (at the 0.05
    //                           sub-step h * rate <= 1, inside RK4's stability interval 2.78), or
    //                           cells_per_unit above 2^62 (the kernel's saturation count).
    constexpr errc validate() const noexcept {
        using k = real_const<R>;
        const R fields[] = {sigma, rho, eta, mu, delta, alpha, beta, days_per_unit, strength, visibility};
        for (const R v : fields) {
            if (!(v == v)) return errc::not_a_number;  // NOLINT(misc-redundant-expression): NaN test
        }
        for (const R v : fields) {
            if (v < k::zero) return errc::negative_value;
        }
        // delta > 0: the effectors' resting level sigma / delta must exist (delta = -0.0 gave -inf)
        if (!(days_per_unit > k::zero) || !(delta > k::zero) || cells_per_unit == 0) return errc::negative_value;
        if (visibility > k::one) return errc::probability_out_of_range;
        if (rho * strength > c::max_rate || delta > c::max_rate || alpha > c::max_rate) return errc::value_too_large;
        if (cells_per_unit > detail::immune_max_cells_per_unit) return errc::value_too_large;
        return errc::ok;
    }
};

template <class R>
struct immune_state {
    R effectors = detail::immune_const<R>::tumour_free;  // x, default sigma / delta of the defaults
};

// dx/dtau with strength and visibility applied.
template <class R>
constexpr R immune_dx(const immune_params<R>& p, R x, R y) noexcept {
    using k = real_const<R>;
    const R den = p.eta + y;
    const R seen = p.visibility * x * y;  // effector-tumour encounters that recognise the tumour
    const R recruit = den > k::zero ? p.strength * p.rho * seen / den : k::zero;
    return p.sigma + recruit - p.mu * seen - p.delta * x;
}

// dy/dtau with visibility applied to the kill.
template <class R>
constexpr R tumour_dy(const immune_params<R>& p, R x, R y) noexcept {
    using k = real_const<R>;
    return p.alpha * y * (k::one - p.beta * y) - p.visibility * x * y;
}

// Advances the effectors by dtau with y held fixed (the kernel supplies y); below y = 1e-4 the
// tumour terms are dropped and the linear decay to sigma / delta is solved exactly. Else RK4 in
// ceil(dtau / 0.05) sub-steps, at most 64 (beyond dtau = 3.2 the sub-steps grow). x stays >= 0.
// dtau <= 0 does nothing. With y fixed, immune_dx is linear in x: dx/dtau = sigma + c x. RK4 on a
// linear equation is its Taylor step, x += h (sigma + c x)(1 + z/2 + z^2/6 + z^3/24) with z = c h,
// which is what the sub-steps compute (equal, in exact arithmetic, to four evaluations of
// immune_dx, with a quarter of the arithmetic). `boost` multiplies p.strength (checkpoint
// inhibition acts through it).
template <class R>
constexpr void immune_advance(const immune_params<R>& p, immune_state<R>& s, R y, R dtau,
                              R boost = real_const<R>::one) noexcept {
    using k = real_const<R>;
    if (!(dtau > k::zero)) return;
    if (y < detail::immune_const<R>::negligible_y) {
        // A lesion this small (below 100 cells at the default scale) moves the effectors by less
        // than 1e-5 of their own turnover: they relax toward sigma / delta in closed form.
        const R rest = p.sigma / p.delta;
        s.effectors = detail::non_negative(rest + (s.effectors - rest) * math::exp(-p.delta * dtau));
        return;
    }
    const int n = detail::immune_substeps(dtau);
    const R h = dtau / real_traits<R>::from_int(n);
    const R seen_per_x = p.visibility * y;  // immune_dx's terms per effector
    const R den = p.eta + y;
    const R recruit_per_x = den > k::zero ? p.strength * boost * p.rho * seen_per_x / den : k::zero;
    const R c = recruit_per_x - p.mu * seen_per_x - p.delta;
    const R z = c * h;
    const R step = h * (k::one + z * (k::half + z * (detail::immune_const<R>::sixth + z * detail::immune_const<R>::twenty_fourth)));
    R x = s.effectors;
    for (int i = 0; i < n; ++i) x = detail::non_negative(x + (p.sigma + c * x) * step);
    s.effectors = x;
}

// Advances the full two-dimensional system by dtau (for teaching and the tests): RK4 with the
// same sub-steps as immune_advance; x and y stay >= 0.
template <class R>
constexpr void kuznetsov_step(const immune_params<R>& p, R& x, R& y, R dtau) noexcept {
    using k = real_const<R>;
    if (!(dtau > k::zero)) return;
    const int n = detail::immune_substeps(dtau);
    const R h = dtau / real_traits<R>::from_int(n);
    const R h2 = h * k::half;
    const R h6 = h * detail::immune_const<R>::sixth;
    for (int i = 0; i < n; ++i) {
        const R kx1 = immune_dx(p, x, y), ky1 = tumour_dy(p, x, y);
        const R x2 = x + h2 * kx1, y2 = y + h2 * ky1;
        const R kx2 = immune_dx(p, x2, y2), ky2 = tumour_dy(p, x2, y2);
        const R x3 = x + h2 * kx2, y3 = y + h2 * ky2;
        const R kx3 = immune_dx(p, x3, y3), ky3 = tumour_dy(p, x3, y3);
        const R x4 = x + h * kx3, y4 = y + h * ky3;
        const R kx4 = immune_dx(p, x4, y4), ky4 = tumour_dy(p, x4, y4);
        x = detail::non_negative(x + h6 * (kx1 + k::two * (kx2 + kx3) + kx4));
        y = detail::non_negative(y + h6 * (ky1 + k::two * (ky2 + ky3) + ky4));
    }
}

// Kuznetsov time units that elapse per simulated day: net_growth_per_day / alpha (0 if the net
// growth or alpha is not positive).
template <class R>
constexpr R immune_dtau_per_day(const immune_params<R>& p, R net_growth_per_day) noexcept {
    using k = real_const<R>;
    if (!(net_growth_per_day > k::zero) || !(p.alpha > k::zero)) return k::zero;
    return net_growth_per_day / p.alpha;
}

// Daily kill probability of one tumour cell: 1 - exp(-g x visibility / alpha), clamped to [0, 1]
// (see the coupling rule at the top).
template <class R>
constexpr R immune_kill_probability(const immune_params<R>& p, const immune_state<R>& s,
                                    R net_growth_per_day) noexcept {
    using k = real_const<R>;
    const R rate = immune_dtau_per_day(p, net_growth_per_day) * s.effectors * p.visibility;
    if (!(rate > k::zero)) return k::zero;
    const R q = -math::expm1(-rate);
    return q > k::one ? k::one : (q < k::zero ? k::zero : q);
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_IMMUNE_HPP
