// oncostate: the resistance machine (genetic, irreversible).
//
// A clone's genotype is a bitmask of up to 8 resistance mechanisms. Each mechanism has a mutation
// probability per daughter cell, a fitness cost (fraction of the birth probability lost), and, per
// therapy, a residual efficacy: 1 = the therapy works as usual, 0 = full resistance. One mechanism
// may defeat several therapies (cross-resistance). The machine's only transition is the gain of one
// mechanism, g -> g | bit(m); mechanisms are never lost.
#ifndef ONCOSTATE_RESISTANCE_HPP
#define ONCOSTATE_RESISTANCE_HPP

#include "config.hpp"
#include "errc.hpp"
#include "real.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

using genotype = std::uint8_t;
constexpr int max_mechanisms = 8;
constexpr int max_therapies = 8;

// The transition table of the resistance machine, as a rule over genotypes: gain exactly one
// mechanism, among the model's first `mechanism_count`.
struct resistance_machine {
    static constexpr bool allowed(genotype from, genotype to, int mechanism_count) noexcept {
        const unsigned gained = static_cast<unsigned>(to) & ~static_cast<unsigned>(from);
        const bool one_bit = gained != 0 && (gained & (gained - 1)) == 0;
        const bool keeps = (static_cast<unsigned>(from) & ~static_cast<unsigned>(to)) == 0;
        return one_bit && keeps && gained < (1u << mechanism_count);
    }
    static constexpr genotype gain(genotype from, int mechanism) noexcept {
        return static_cast<genotype>(from | (1u << mechanism));
    }
};

template <class R>
struct mechanism {
    using k = real_const<R>;
    R mutation_probability = k::zero;  // per daughter cell per division
    R fitness_cost = k::zero;          // fraction of the birth probability lost, in [0, 1)
    R residual[max_therapies] = {k::one, k::one, k::one, k::one, k::one, k::one, k::one, k::one};
};

template <class R>
class resistance_model {
public:
    // Multiplies every mutation probability: 10 for chromosomal instability, 100-1000 for
    // mismatch-repair deficiency (MODEL_SPEC section 2).
    R instability = real_const<R>::one;

    constexpr int count() const noexcept { return count_; }
    constexpr const mechanism<R>& operator[](int m) const noexcept { return mechanisms_[m & 7]; }

    // Adds a mechanism after validating it; the model is unchanged on error.
    constexpr errc add(const mechanism<R>& m) noexcept {
        if (count_ >= max_mechanisms) return errc::too_many_mechanisms;
        const errc e = check(m);
        if (e != errc::ok) return e;
        mechanisms_[count_++] = m;
        return errc::ok;
    }

    constexpr errc validate() const noexcept {
        constexpr R one = R(1.0);
        constexpr R max_instability = R(1e6);
        if (!(instability >= one) || instability > max_instability) return errc::instability_multiplier_invalid;
        for (int i = 0; i < count_; ++i) {
            const errc e = check(mechanisms_[i]);
            if (e != errc::ok) return e;
        }
        return errc::ok;
    }

    // The fraction of a therapy's effect that reaches a clone of genotype g.
    constexpr R efficacy(genotype g, int therapy) const noexcept {
        R e = real_const<R>::one;
        for (int m = 0; m < count_; ++m) {
            if ((static_cast<unsigned>(g) >> m) & 1u) e = e * mechanisms_[m].residual[therapy & 7];
        }
        return e;
    }
    // The factor on the birth probability that the genotype's fitness costs leave.
    constexpr R birth_factor(genotype g) const noexcept {
        constexpr R one = R(1.0);
        R f = one;
        for (int m = 0; m < count_; ++m) {
            if ((static_cast<unsigned>(g) >> m) & 1u) f = f * (one - mechanisms_[m].fitness_cost);
        }
        return f;
    }

private:
    static constexpr errc check(const mechanism<R>& m) noexcept {
        constexpr R zero = R(0.0);
        constexpr R one = R(1.0);
        if (!(m.mutation_probability >= zero) || m.mutation_probability > one) return errc::mutation_probability_out_of_range;
        if (!(m.fitness_cost >= zero) || !(m.fitness_cost < one)) return errc::fitness_cost_out_of_range;
        for (int t = 0; t < max_therapies; ++t) {
            if (!(m.residual[t] >= zero) || m.residual[t] > one) return errc::residual_efficacy_out_of_range;
        }
        return errc::ok;
    }

    mechanism<R> mechanisms_[max_mechanisms] = {};
    int count_ = 0;
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_RESISTANCE_HPP
