// oncostate: the population kernel: the clones of one lesion, one day at a time.
//
// A clone is a genotype (resistance bitmask) with proliferating and quiescent (dormant) cells.
// Each day every proliferating cell independently dies, divides, turns quiescent, or does nothing;
// every quiescent cell wakes, dies, or stays. The counts are drawn as multinomials (sequential
// binomials), exact at small counts where extinction is decided. Daughters gain resistance
// mechanisms (resistance.hpp) and move to the clone of their changed genotype. Clones share a carrying
// capacity with Gompertzian slowing. Therapies act through therapy_action.
#ifndef ONCOSTATE_POPULATION_HPP
#define ONCOSTATE_POPULATION_HPP

#include "config.hpp"
#include "distributions.hpp"
#include "dormancy.hpp"
#include "errc.hpp"
#include "events.hpp"
#include "math.hpp"
#include "real.hpp"
#include "resistance.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

// Counts saturate here, far above any lethal burden (1e12-1e13 cells), instead of overflowing.
constexpr std::uint64_t max_cells = std::uint64_t{1} << 62;

template <class R>
struct growth_params {
    using k = real_const<R>;
    // Per cell per day. Bozic et al. (eLife 2013) use b = 0.14 and d = 0.13 (net 0.01/day).
    R birth = k::zero;
    R death = k::zero;
    // Cells of the lesion's organ niche (all clones, both compartments); 0 = no competition.
    // Net growth falls to zero at K: b_eff = d + (b - d) ln(K/N) / ln(K/N_ref)  (Gompertz), with
    // full speed up to N_ref = `gompertz_reference` cells (0 or 1: from one cell). A preset whose
    // doubling time was measured on detectable tumours sets N_ref near 1e9 cells.
    std::uint64_t carrying_capacity = 0;
    std::uint64_t gompertz_reference = 0;
};

// The therapy index reserved for the immune response: the patient's immune kill arrives as a
// therapy_action with this index, so antigen loss (a mechanism with a low residual[immune_therapy])
// defeats it like any other resistance.
constexpr int immune_therapy = max_therapies - 1;

// What one therapy does to one lesion today, before resistance: the treatment layer fills these.
template <class R>
struct therapy_action {
    using k = real_const<R>;
    int therapy = 0;                 // index into each mechanism's residual[] table
    R kill_dividing = k::zero;       // probability that a division attempt kills the cell
    R kill_all = k::zero;            // extra daily death probability of every cell
    R birth_reduction = k::zero;     // fraction of the birth probability removed (cytostatic)
};

template <class R>
struct kernel_params {
    growth_params<R> growth;
    dormancy_params<R> dormancy;
    resistance_model<R> resistance;

    constexpr errc validate() const noexcept {
        using k = real_const<R>;
        const auto is_prob = [](R p) { return p >= k::zero && p <= k::one; };
        if (!is_prob(growth.birth)) return errc::birth_probability_out_of_range;
        if (!is_prob(growth.death)) return errc::death_probability_out_of_range;
        if (!is_prob(dormancy.entry)) return errc::dormancy_entry_out_of_range;
        if (!is_prob(dormancy.reactivation)) return errc::reactivation_out_of_range;
        if (!is_prob(dormancy.dormant_death)) return errc::dormant_death_out_of_range;
        if (!is_prob(dormancy.angiogenic_switch)) return errc::angiogenic_switch_out_of_range;
        if (!(dormancy.site_factor >= k::zero)) return errc::site_dormancy_factor_invalid;
        if (!(dormancy.stress_factor >= k::zero)) return errc::stress_dormancy_factor_invalid;
        const R entry_max = dormancy.entry * dormancy.site_factor * (k::one + dormancy.stress_factor);
        if (growth.birth + growth.death + entry_max > k::one) return errc::cell_fates_exceed_one;
        if (dormancy.reactivation + dormancy.dormant_death > k::one) return errc::cell_fates_exceed_one;
        if (growth.carrying_capacity == 1 || growth.carrying_capacity > max_cells || growth.gompertz_reference > max_cells)
            return errc::carrying_capacity_invalid;
        if (dormancy.avascular_cap < 2 || dormancy.avascular_cap > max_cells) return errc::avascular_cap_invalid;
        return resistance.validate();
    }
};

struct clone {
    std::uint64_t proliferating = 0;
    std::uint64_t dormant = 0;
    genotype genes = 0;
    std::uint8_t alive = 0;  // 1: the slot holds a clone (a byte, not bool: snapshots are checked bytes)

    constexpr std::uint64_t cells() const noexcept { return proliferating + dormant; }
};

namespace detail {
// a + b clamped to max_cells, for a + b < 2^64: every count the library holds is at most
// max_cells = 2^62 (inputs are checked, sums saturate), so no sum of two of them wraps.
constexpr std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) noexcept {
    const std::uint64_t s = a + b;
    return s > max_cells ? max_cells : s;
}
// a + b + c clamped to max_cells: three counts of at most 2^62 cannot wrap either.
constexpr std::uint64_t sat_add3(std::uint64_t a, std::uint64_t b, std::uint64_t c) noexcept {
    const std::uint64_t s = a + b + c;
    return s > max_cells ? max_cells : s;
}
template <class R>
constexpr R clamp01(R x) noexcept {
    using k = real_const<R>;
    return x < k::zero ? k::zero : (x > k::one ? k::one : x);
}
// p / q as a probability, guarding q = 0.
template <class R>
constexpr R conditional(R p, R q) noexcept {
    using k = real_const<R>;
    return q > k::zero ? clamp01(p / q) : k::zero;
}
}  // namespace detail

// What the day's draws need from kernel_params alone, the same for every clone of every lesion
// that shares them. step() derives it when not given; the patient derives it once a day for all
// of its lesions (a division per lesion saved, the largest single cost on a Cortex-M0).
template <class R>
struct kernel_rates {
    R asleep_death = real_const<R>::zero;  // P(a dormant cell dies | it did not reactivate), no therapy

    static constexpr kernel_rates of(const kernel_params<R>& p) noexcept {
        kernel_rates r;
        r.asleep_death = detail::conditional(p.dormancy.dormant_death, real_const<R>::one - p.dormancy.reactivation);
        return r;
    }
};

template <class Scalar, int MaxClones>
class population {
    static_assert(MaxClones >= 1, "oncostate: a population needs at least one clone slot (MaxClones >= 1)");
    static_assert(MaxClones <= 255, "oncostate: MaxClones must be at most 255");

public:
    using scalar = Scalar;
    using real = real_t<Scalar>;
    static constexpr int max_clones = MaxClones;
    static constexpr unsigned slots = static_cast<unsigned>(MaxClones);

    // --- reading the state -------------------------------------------------------------------
    constexpr const clone& operator[](int i) const noexcept { return clones_[index(i)]; }
    constexpr int clone_count() const noexcept {  // slots holding a living clone
        int n = 0;
        for (const clone& c : clones_) n += (c.alive && c.cells() > 0) ? 1 : 0;
        return n;
    }
    constexpr std::uint64_t proliferating() const noexcept { return sum(&clone::proliferating); }
    constexpr std::uint64_t dormant_cells() const noexcept { return sum(&clone::dormant); }
    constexpr std::uint64_t cells() const noexcept {
        std::uint64_t n = 0;
        for (const clone& c : clones_) n = detail::sat_add3(n, c.proliferating, c.dormant);
        return n;
    }
    constexpr bool extinct() const noexcept { return cells() == 0; }
    constexpr bool vascularised() const noexcept { return vascular_ != 0; }
    constexpr dormancy dormancy_state() const noexcept { return dormancy_.state(); }
    constexpr const dormancy_machine& dormancy_machine_state() const noexcept { return dormancy_; }
    // Mutant daughters that found no free clone slot and stayed in their parent clone.
    constexpr std::uint64_t mutations_not_placed() const noexcept { return unplaced_; }
    // Cells in clones carrying any mechanism that defeats nothing is not tracked here: see genotype.
    constexpr std::uint64_t cells_with(genotype mask) const noexcept {
        std::uint64_t n = 0;
        for (const clone& c : clones_) {
            if (c.alive && (c.genes & mask) != 0) n = detail::sat_add(n, c.cells());
        }
        return n;
    }

    // True when every field holds a value the kernel can produce (used on restored snapshots).
    constexpr bool well_formed() const noexcept {
        for (const clone& c : clones_) {
            if (c.alive > 1 || c.proliferating > max_cells || c.dormant > max_cells) return false;
            if (!c.alive && c.cells() != 0) return false;
        }
        return vascular_ <= 1 && static_cast<int>(dormancy_.state()) < dormancy_state_count && unplaced_ <= max_cells;
    }

    // --- changing the state ------------------------------------------------------------------
    // Adds cells of a genotype (a founder, or an inoculum); creates the clone if needed.
    constexpr errc add_cells(genotype g, std::uint64_t proliferating_cells, std::uint64_t dormant = 0) noexcept {
        if (proliferating_cells > max_cells || dormant > max_cells) return errc::cell_count_too_large;
        const int slot = find_or_make(g);
        if (slot < 0) return errc::clone_table_full;
        clone& c = clones_[slot];
        c.proliferating = detail::sat_add(c.proliferating, proliferating_cells);
        c.dormant = detail::sat_add(c.dormant, dormant);
        return errc::ok;
    }
    // Removes every cell (resection of the lesion).
    constexpr void clear() noexcept {
        for (clone& c : clones_) c = clone{};
    }
    constexpr void set_vascularised(bool v) noexcept { vascular_ = v ? 1 : 0; }
    // The lesion layer sets immune dormancy; returns illegal_transition if the table forbids it.
    constexpr errc set_dormancy(dormancy d) noexcept { return d == dormancy_.state() ? errc::ok : dormancy_.transition(d); }

    // One day. `actions` may be null when count is 0. Parameters must have passed validate().
    // `site_factor` multiplies the dormancy entry on top of p.dormancy.site_factor (the patient
    // passes the organ's factor here, so one parameter set serves every site).
    // `lesion_action`, if given, acts after `actions`: an effect of this lesion alone (the patient
    // passes its immune kill here, so the shared list is not copied for every lesion).
    // `rates`, if given, must be kernel_rates<real>::of(p).
    template <class Rng, class Sink = null_sink>
    constexpr void step(const kernel_params<real>& p, Rng& g, const therapy_action<real>* actions = nullptr,
                        int action_count = 0, Sink&& sink = Sink{}, real site_factor = real_const<real>::one,
                        const therapy_action<real>* lesion_action = nullptr,
                        const kernel_rates<real>* rates = nullptr) noexcept {
        using k = real_const<real>;
        // Cells at the start of the day, for the competition term: needed only if a clone divides.
        std::uint64_t n_total = 0;
        for (const clone& c : clones_) {
            if (c.proliferating != 0) {
                n_total = cells();
                break;
            }
        }
        real phi = k::one;  // competition(p, n_total), computed when a clone first needs it
        bool have_phi = false;
        // actions[0 .. listed - 1], then lesion_action if given
        const int listed = action_count > 0 ? action_count : 0;
        const int acts = listed + (lesion_action != nullptr ? 1 : 0);
        auto action = [&](int a) -> const therapy_action<real>& { return a < listed ? actions[a] : *lesion_action; };
        bool stress = false;  // a therapy (not the immune response) acts today
        for (int a = 0; a < acts; ++a) stress = stress || action(a).therapy != immune_therapy;
        const real entry_base = p.dormancy.entry * p.dormancy.site_factor * site_factor *
                                (stress ? k::one + p.dormancy.stress_factor : k::one);
        std::uint64_t incoming[slots] = {};  // mutants arriving in each slot, applied after the loop

        for (int i = 0; i < MaxClones; ++i) {
            clone& c = clones_[i];
            if (!c.alive) continue;
            // Today's probabilities for this clone: resistance scales every therapy effect.
            real keep_div = k::one, keep_all = k::one, keep_birth = k::one;
            for (int a = 0; a < acts; ++a) {
                const therapy_action<real>& x = action(a);
                const real e = p.resistance.efficacy(c.genes, x.therapy);
                keep_div = keep_div * (k::one - detail::clamp01(x.kill_dividing) * e);
                keep_all = keep_all * (k::one - detail::clamp01(x.kill_all) * e);
                keep_birth = keep_birth * (k::one - detail::clamp01(x.birth_reduction) * e);
            }
            // With no action every keep_* is exactly 1 and the terms below that use them vanish
            // exactly (x * 1 = x, d + 0 = d, a draw with p = 0 draws nothing): they are skipped.
            const bool acting = acts > 0;
            const real kill_all = acting ? k::one - keep_all : k::zero;
            // Draws with no cells are skipped: binomial(g, 0, p) is 0 and consumes no randomness,
            // so skipping them (and the arithmetic behind their probabilities) changes nothing.

            // proliferating compartment
            const std::uint64_t P = c.proliferating;
            std::uint64_t n_die = 0, n_div = 0, n_q = 0, divisions = 0, moved = 0;
            if (P > 0) {
                real b = c.genes == 0 ? p.growth.birth : p.growth.birth * p.resistance.birth_factor(c.genes);
                if (acting) b = b * keep_birth;
                const real d = p.growth.death;
                if (b > d) {  // Gompertzian slowing toward K
                    if (!have_phi) {
                        phi = competition(p, n_total);
                        have_phi = true;
                    }
                    b = detail::clamp01(d + (b - d) * phi);
                }
                const real p_die = acting ? d + kill_all * (k::one - d) : d;
                const real p_div = b < k::one - p_die ? b : k::one - p_die;
                const real room = k::one - p_die - p_div;
                const real p_q = entry_base < room ? entry_base : room;
                n_die = binomial(g, P, p_die);
                if (P > n_die) n_div = binomial(g, P - n_die, detail::conditional(p_div, k::one - p_die));
                if (P > n_die + n_div) n_q = binomial(g, P - n_die - n_div, detail::conditional(p_q, room + p_q));
                const std::uint64_t n_killed = acting && n_div > 0 ? binomial(g, n_div, k::one - keep_div) : 0;
                divisions = n_div - n_killed;
                // daughters gain mechanisms; a daughter gains at most one per day
                std::uint64_t daughters = detail::sat_add(divisions, divisions);
                for (int m = 0; m < p.resistance.count() && daughters > 0; ++m) {
                    if ((static_cast<unsigned>(c.genes) >> m) & 1u) continue;
                    const real u = detail::clamp01(p.resistance[m].mutation_probability * p.resistance.instability);
                    const std::uint64_t mutants = binomial(g, daughters, u);
                    if (mutants == 0) continue;
                    const genotype target = resistance_machine::gain(c.genes, m);
                    const int slot = find_or_make(target);
                    if (slot < 0) {  // table full: the mutants stay in the parent clone, reported
                        unplaced_ = detail::sat_add(unplaced_, mutants);
                        sink(event{event_code::clone_table_full, static_cast<std::uint8_t>(i), target, mutants});
                        continue;
                    }
                    if (clones_[slot].cells() == 0 && incoming[slot] == 0) {
                        sink(event{event_code::resistant_clone_appeared, static_cast<std::uint8_t>(slot), target, mutants});
                    }
                    daughters -= mutants;
                    moved += mutants;
                    incoming[slot] = detail::sat_add(incoming[slot], mutants);
                }
            }
            // quiescent compartment: wake, or die (natural death plus any kill of all cells)
            const std::uint64_t Q = c.dormant;
            std::uint64_t n_wake = 0, n_qdie = 0;
            if (Q > 0) {
                n_wake = binomial(g, Q, p.dormancy.reactivation);
                if (Q > n_wake) {
                    real asleep_death = k::zero;
                    if (acting) {
                        const real q_die = p.dormancy.dormant_death + kill_all * (k::one - p.dormancy.dormant_death);
                        asleep_death = detail::conditional(q_die, k::one - p.dormancy.reactivation);
                    } else {
                        asleep_death = rates != nullptr ? rates->asleep_death : kernel_rates<real>::of(p).asleep_death;
                    }
                    n_qdie = binomial(g, Q - n_wake, asleep_death);
                }
            }

            const std::uint64_t stay = P - n_die - n_div - n_q;
            c.proliferating = detail::sat_add(detail::sat_add(stay, detail::sat_add(divisions, divisions) - moved), n_wake);
            c.dormant = detail::sat_add(Q - n_wake - n_qdie, n_q);
        }
        std::uint64_t awake = 0, asleep = 0;  // today's totals, for the dormancy machine
        for (int i = 0; i < MaxClones; ++i) {
            clone& c = clones_[i];
            c.proliferating = detail::sat_add(c.proliferating, incoming[i]);
            if (c.alive && c.cells() == 0) {
                c.alive = 0;
                sink(event{event_code::clone_extinct, static_cast<std::uint8_t>(i), c.genes, 0});
            }
            awake = detail::sat_add(awake, c.proliferating);
            asleep = detail::sat_add(asleep, c.dormant);
        }
        update_dormancy(p, g, sink, awake, asleep);
    }
    // step() on a const population: rejected with a message instead of an overload error.
    template <class Rng, class Sink = null_sink>
    constexpr void step(const kernel_params<real>&, Rng&, const therapy_action<real>* = nullptr, int = 0,
                        Sink&& = Sink{}, real = real_const<real>::one, const therapy_action<real>* = nullptr,
                        const kernel_rates<real>* = nullptr) const noexcept {
        static_assert(detail::dependent_false<Rng>,
                      "oncostate: step() changes the population; it cannot be called on a const population");
    }

private:
    static constexpr int index(int i) noexcept { return i < 0 ? 0 : (i >= MaxClones ? MaxClones - 1 : i); }

    constexpr std::uint64_t sum(std::uint64_t clone::*field) const noexcept {
        std::uint64_t n = 0;
        for (const clone& c : clones_) n = detail::sat_add(n, c.*field);
        return n;
    }

    // The slot of genotype g, creating it in the first free slot; -1 when the table is full.
    constexpr int find_or_make(genotype g) noexcept {
        int free_slot = -1;
        for (int i = 0; i < MaxClones; ++i) {
            if (clones_[i].alive && clones_[i].genes == g) return i;
            if (!clones_[i].alive && free_slot < 0) free_slot = i;
        }
        if (free_slot < 0) return -1;
        clones_[free_slot] = clone{0, 0, g, 1};
        return free_slot;
    }

    // phi in [-1, 1]: the factor on (b - d). 1 without competition, 0 at a capacity, negative
    // above it. Two limits, the smaller wins: the organ's carrying capacity K (Gompertz:
    // ln(K/N) / ln(K/N_ref)), and, while avascular, a ceiling at the angiogenic cap that closes
    // linearly over its last 10% (Folkman's stalled avascular lesion).
    constexpr real competition(const kernel_params<real>& p, std::uint64_t n) const noexcept {
        using k = real_const<real>;
        using t = real_traits<real>;
        real phi = k::one;
        const std::uint64_t cap_k = p.growth.carrying_capacity;
        const std::uint64_t ref = p.growth.gompertz_reference > 1 && p.growth.gompertz_reference < cap_k ? p.growth.gompertz_reference : 1;
        if (cap_k != 0 && n > ref) {
            phi = math::log(t::from_uint(cap_k) / t::from_uint(n)) / math::log(t::from_uint(cap_k) / t::from_uint(ref));
        }
        if (!vascular_) {
            const std::uint64_t cap = p.dormancy.avascular_cap;
            if (at_cap(n, cap)) {  // within the last tenth: n + ramp > cap
                const std::uint64_t ramp = detail::tenth(cap) + 1;
                const real ceiling = detail::from_diff<real>(cap, n) / t::from_uint(ramp);
                if (ceiling < phi) phi = ceiling;
            }
        }
        return phi < -k::one ? -k::one : phi;
    }

    // The avascular lesion has reached the stall of its cap.
    static constexpr bool at_cap(std::uint64_t n, std::uint64_t cap) noexcept {
        return n + (cap >> 3) >= cap && n + detail::tenth(cap) >= cap;  // cap/10 <= cap/8: most lesions stop at the first test
    }

    template <class Rng, class Sink>
    constexpr void update_dormancy(const kernel_params<real>& p, Rng& g, Sink& sink, std::uint64_t awake,
                                   std::uint64_t asleep) noexcept {
        const std::uint64_t n = detail::sat_add(awake, asleep);
        const bool capped = at_cap(n, p.dormancy.avascular_cap);
        if (!vascular_ && capped && bernoulli(g, p.dormancy.angiogenic_switch)) {
            vascular_ = 1;
            sink(event{event_code::angiogenic_switch, 0, 0, n});
        }
        if (dormancy_.state() == dormancy::immune) return;  // owned by the lesion layer
        dormancy next = dormancy::none;
        if (n > 0 && !vascular_ && capped) {
            next = dormancy::angiogenic;
        } else if (n > 0 && asleep > awake) {
            next = dormancy::cellular;
        }
        const dormancy prev = dormancy_.state();
        if (next == prev || dormancy_.transition(next) != errc::ok) return;
        if (next == dormancy::none) {
            sink(event{event_code::lesion_woke, 0, 0, static_cast<std::uint64_t>(prev)});
        } else {
            sink(event{event_code::lesion_dormant, 0, 0, static_cast<std::uint64_t>(next)});
        }
    }

    clone clones_[slots] = {};
    std::uint64_t unplaced_ = 0;
    dormancy_machine dormancy_{};
    std::uint8_t vascular_ = 0;
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_POPULATION_HPP
