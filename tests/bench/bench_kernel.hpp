// oncostate-bench: the population kernel (issue 3).
//
//   kernel_<cells>_<scalar>_ns                    ns per clone-tick (one step() of a 4-clone lesion / 4)
//                                                 at 1e3, 1e6 and 1e10 cells, float and fixed (Q16.16)
//   kernel_<cells>_reference_ns                   the same tick written the way a user would write it
//                                                 without this library: std::vector of clones, double,
//                                                 std::mt19937_64, std::binomial_distribution
//   kernel_<cells>_<scalar>_speedup_vs_reference  reference time over ours (higher is better; target 5x)
//   kernel_<cells>_<scalar>_draws_per_tick        32-bit draws one step consumes (counted, not timed)
//   kernel_<cells>_<scalar>_over_rng_floor        ours over the time to draw just those numbers from
//                                                 xoshiro128pp (lower is better; target 3x)
//   population_bytes_*                            sizeof(population<q16_16, 4 | 8>) (target <= 40 per clone)
//   workload_a_*                                  1000 replicates of b = 0.14, d = 0.13 from one cell to
//                                                 1e5 cells or extinction (target < 30 ms)
//   workload_b_*                                  1000 replicates of pure birth to 1e5 cells, resistance
//                                                 1e-5 per division: Luria-Delbrueck m = 1 (target < 30 ms)
#ifndef ONCOSTATE_BENCH_KERNEL_HPP
#define ONCOSTATE_BENCH_KERNEL_HPP

#include <oncostate/oncostate.hpp>

#include "bench_util.hpp"

#include <algorithm>  // min, remove_if
#include <array>      // per-clone tables
#include <cmath>      // the reference's log, sqrt, exp
#include <cstdint>    // fixed-width integers
#include <cstdio>     // fprintf
#include <cstdlib>    // exit
#include <random>     // the reference's generator and binomial
#include <string>     // names
#include <vector>     // the reference's clones; per-replicate results

namespace bench {
namespace kernel {

using oncostate::q16_16;
using oncostate::real_t;
using oncostate::sfloat;
using oncostate::xoshiro128pp;

// ---------------------------------------------------------------------------------------------
// Shared set-up

// Any generator with next() -> uint32, counting the draws (the kernel's step() takes any such Rng).
template <class G>
struct counting_rng {
    G g;
    std::uint64_t draws = 0;
    constexpr std::uint32_t next() noexcept {
        ++draws;
        return g.next();
    }
};

constexpr int n_clones = 4;
constexpr std::uint64_t reseed_every = 16;  // ticks between copies of the saved lesion
constexpr std::uint64_t capacity = 1000000000000;  // carrying capacity K = 1e12
constexpr double birth = 0.14, death = 0.13;
constexpr double dormancy_entry = 1e-6, reactivation = 1e-6, dormant_death = 1e-3;
constexpr double mutation = 5e-8;  // per daughter, each of two mechanisms
constexpr double fitness_cost = 0.1;
constexpr double residual = 0.1;   // both mechanisms leave 10% of therapy 0's effect
constexpr double kill_dividing = 0.05;  // therapy 0: 5% of division attempts kill the cell

// Cells of genotypes 0, 1, 2, 3 (97% / 1% / 1% / 1%); 0.1% of each clone is quiescent.
struct clone_cells {
    std::uint64_t proliferating;
    std::uint64_t dormant;
};
inline std::array<clone_cells, n_clones> composition(std::uint64_t total) {
    const std::uint64_t minor = total / 100;
    const std::uint64_t major = total - 3 * minor;
    const std::uint64_t sizes[n_clones] = {major, minor, minor, minor};
    std::array<clone_cells, n_clones> out{};
    for (int i = 0; i < n_clones; ++i) {
        const std::uint64_t q = sizes[i] / 1000;
        out[static_cast<std::size_t>(i)] = clone_cells{sizes[i] - q, q};
    }
    return out;
}

// Ours: the kernel parameters, one therapy action and the saved lesion, in the scalar's real type.
// Constants come in through R(double) here, outside every timed loop.
template <class S>
struct our_case {
    using R = real_t<S>;
    oncostate::kernel_params<R> params;
    oncostate::therapy_action<R> action;
    oncostate::population<S, n_clones> seed;

    explicit our_case(std::uint64_t total) {
        params.growth.birth = R(birth);
        params.growth.death = R(death);
        params.growth.carrying_capacity = capacity;
        params.dormancy.entry = R(dormancy_entry);
        params.dormancy.reactivation = R(reactivation);
        params.dormancy.dormant_death = R(dormant_death);
        params.dormancy.avascular_cap = oncostate::max_cells;  // vascularised: no angiogenic cap
        oncostate::mechanism<R> m;
        m.mutation_probability = R(mutation);
        m.fitness_cost = R(fitness_cost);
        m.residual[0] = R(residual);
        check(params.resistance.add(m));
        check(params.resistance.add(m));
        check(params.validate());
        action.therapy = 0;
        action.kill_dividing = R(kill_dividing);
        seed.set_vascularised(true);
        const auto cells = composition(total);
        for (int i = 0; i < n_clones; ++i) {
            const clone_cells c = cells[static_cast<std::size_t>(i)];
            check(seed.add_cells(static_cast<oncostate::genotype>(i), c.proliferating, c.dormant));
        }
    }
    static void check(oncostate::errc e) {
        if (e != oncostate::errc::ok) {
            std::fprintf(stderr, "oncostate-bench: kernel set-up rejected (errc %d)\n", static_cast<int>(e));
            std::exit(1);
        }
    }
};

// `ticks` steps of the lesion, copied back from the saved one every reseed_every ticks so it stays
// near its nominal size; returns a checksum of the sizes. on_size(cells) sees every size (untimed
// runs check the range with it).
template <class S, class Rng, class OnSize>
std::uint64_t run_ours(const our_case<S>& k, Rng& g, std::uint64_t ticks, OnSize&& on_size) {
    oncostate::population<S, n_clones> pop = k.seed;
    std::uint64_t sum = 0;
    for (std::uint64_t t = 0; t < ticks; ++t) {
        if (t % reseed_every == 0) pop = k.seed;  // trivially copyable: a memcpy
        pop.step(k.params, g, &k.action, 1);
        on_size(pop.cells());
        sum += pop.cells();
    }
    return sum;
}

// ---------------------------------------------------------------------------------------------
// The reference: the same tick written without this library (std::vector, double, std::mt19937_64,
// std::binomial_distribution), with the same multinomial structure as population::step().

namespace reference {

struct clone {
    std::uint64_t proliferating = 0;
    std::uint64_t dormant = 0;
    unsigned genes = 0;
    std::uint64_t cells() const { return proliferating + dormant; }
};
struct mechanism {
    double mutation_probability = 0;
    double fitness_cost = 0;
    std::vector<double> residual;  // per therapy
};
struct params {
    double birth = 0, death = 0, entry = 0, reactivation = 0, dormant_death = 0;
    double carrying_capacity = 0;  // 0: no competition
    std::vector<mechanism> mechanisms;
};
struct action {
    std::size_t therapy = 0;
    double kill_dividing = 0, kill_all = 0, birth_reduction = 0;
};

inline std::uint64_t binomial(std::mt19937_64& g, std::uint64_t n, double p) {
    if (n == 0 || p <= 0) return 0;
    if (p >= 1) return n;
    return std::binomial_distribution<std::uint64_t>(n, p)(g);
}

class lesion {
public:
    std::vector<clone> clones;

    void step(const params& p, std::mt19937_64& g, const std::vector<action>& actions) {
        double n = 0;
        for (const clone& c : clones) n += static_cast<double>(c.cells());
        double phi = 1;  // Gompertz: the factor on (b - d)
        if (p.carrying_capacity > 0 && n > 1) phi = std::log(p.carrying_capacity / n) / std::log(p.carrying_capacity);
        phi = std::max(phi, -1.0);
        const std::size_t count = clones.size();
        incoming_.assign(count, 0);
        born_.clear();
        for (std::size_t i = 0; i < count; ++i) {
            clone& c = clones[i];
            double keep_div = 1, keep_all = 1, keep_birth = 1, b = p.birth;
            for (const action& a : actions) {
                double e = 1;
                for (std::size_t m = 0; m < p.mechanisms.size(); ++m) {
                    if ((c.genes >> m) & 1u) e *= p.mechanisms[m].residual[a.therapy];
                }
                keep_div *= 1 - a.kill_dividing * e;
                keep_all *= 1 - a.kill_all * e;
                keep_birth *= 1 - a.birth_reduction * e;
            }
            for (std::size_t m = 0; m < p.mechanisms.size(); ++m) {
                if ((c.genes >> m) & 1u) b *= 1 - p.mechanisms[m].fitness_cost;
            }
            b *= keep_birth;
            const double d = p.death;
            if (b > d) b = std::min(1.0, std::max(0.0, d + (b - d) * phi));
            const double kill_all = 1 - keep_all;
            const double p_die = d + kill_all * (1 - d);
            const double p_div = std::min(b, 1 - p_die);
            const double room = 1 - p_die - p_div;
            const double p_q = std::min(p.entry, room);

            // proliferating cells: die, divide, turn quiescent (sequential binomials)
            const std::uint64_t P = c.proliferating;
            const std::uint64_t n_die = binomial(g, P, p_die);
            const std::uint64_t n_div = binomial(g, P - n_die, p_div / (1 - p_die));
            const std::uint64_t n_q = binomial(g, P - n_die - n_div, room + p_q > 0 ? p_q / (room + p_q) : 0.0);
            const std::uint64_t n_killed = binomial(g, n_div, 1 - keep_div);
            const std::uint64_t divisions = n_div - n_killed;
            std::uint64_t daughters = 2 * divisions, moved = 0;
            for (std::size_t m = 0; m < p.mechanisms.size() && daughters > 0; ++m) {
                if ((c.genes >> m) & 1u) continue;
                const std::uint64_t mutants = binomial(g, daughters, p.mechanisms[m].mutation_probability);
                if (mutants == 0) continue;
                const unsigned target = c.genes | (1u << m);
                std::size_t j = 0;
                while (j < count && clones[j].genes != target) ++j;
                if (j < count) {
                    incoming_[j] += mutants;
                } else {
                    std::size_t k = 0;
                    while (k < born_.size() && born_[k].genes != target) ++k;
                    if (k == born_.size()) born_.push_back(clone{0, 0, target});
                    born_[k].proliferating += mutants;
                }
                daughters -= mutants;
                moved += mutants;
            }
            // quiescent cells: wake or die
            const std::uint64_t Q = c.dormant;
            const std::uint64_t n_wake = binomial(g, Q, p.reactivation);
            const double q_die = p.dormant_death + kill_all * (1 - p.dormant_death);
            const std::uint64_t n_qdie = binomial(g, Q - n_wake, q_die / (1 - p.reactivation));

            c.proliferating = (P - n_die - n_div - n_q) + 2 * divisions - moved + n_wake;
            c.dormant = Q - n_wake - n_qdie + n_q;
        }
        for (std::size_t i = 0; i < count; ++i) clones[i].proliferating += incoming_[i];
        clones.insert(clones.end(), born_.begin(), born_.end());
        clones.erase(std::remove_if(clones.begin(), clones.end(), [](const clone& c) { return c.cells() == 0; }),
                     clones.end());
    }

    std::uint64_t cells() const {
        std::uint64_t n = 0;
        for (const clone& c : clones) n += c.cells();
        return n;
    }

private:
    std::vector<std::uint64_t> incoming_;
    std::vector<clone> born_;
};

struct bench_case {
    params p;
    std::vector<action> actions;
    lesion seed;

    explicit bench_case(std::uint64_t total) {
        p.birth = birth;
        p.death = death;
        p.entry = dormancy_entry;
        p.reactivation = reactivation;
        p.dormant_death = dormant_death;
        p.carrying_capacity = static_cast<double>(capacity);
        mechanism m;
        m.mutation_probability = mutation;
        m.fitness_cost = fitness_cost;
        m.residual = {residual, 1, 1, 1, 1, 1, 1, 1};
        p.mechanisms = {m, m};
        action a;
        a.kill_dividing = kill_dividing;
        actions = {a};
        const auto cells = composition(total);
        for (int i = 0; i < n_clones; ++i) {
            const clone_cells c = cells[static_cast<std::size_t>(i)];
            seed.clones.push_back(clone{c.proliferating, c.dormant, static_cast<unsigned>(i)});
        }
    }
};

inline std::uint64_t run(const bench_case& k, std::mt19937_64& g, std::uint64_t ticks) {
    lesion les = k.seed;
    std::uint64_t sum = 0;
    for (std::uint64_t t = 0; t < ticks; ++t) {
        if (t % reseed_every == 0) les.clones = k.seed.clones;  // copy-assign: no allocation
        les.step(k.p, g, k.actions);
        sum += les.cells();
    }
    return sum;
}

}  // namespace reference

// ---------------------------------------------------------------------------------------------
// Per-clone-tick timings

struct size_case {
    const char* label;     // in the figure names
    std::uint64_t cells;   // nominal lesion size
    std::uint64_t ticks;   // steps per timed run, before the scale argument
};

// Ours in one scalar: ns per clone-tick, draws per tick, and the ratio to the RNG floor.
template <class S>
double bench_ours(const size_case& sc, const std::string& scalar_name) {
    const std::string name = std::string("kernel_") + sc.label + "_" + scalar_name;
    const our_case<S> k(sc.cells);
    const std::uint64_t ticks = scaled(sc.ticks);
    const double per_tick = time_best(ticks, [&k](std::uint64_t n) {
        xoshiro128pp g(2024, 3);
        return run_ours(k, g, n, [](std::uint64_t) {});
    });
    report(name + "_ns", per_tick / n_clones, "ns");

    // The same run (same seed, same trajectory), untimed, counting draws and checking the size.
    counting_rng<xoshiro128pp> cg{xoshiro128pp(2024, 3)};
    std::uint64_t lo = UINT64_MAX, hi = 0;
    checksum += run_ours(k, cg, ticks, [&lo, &hi](std::uint64_t n) {
        lo = std::min(lo, n);
        hi = std::max(hi, n);
    });
    if (2 * lo < sc.cells || hi > 2 * sc.cells) {
        std::fprintf(stderr, "oncostate-bench: %s: size left [nominal/2, 2 nominal]: %llu .. %llu\n", name.c_str(),
                     static_cast<unsigned long long>(lo), static_cast<unsigned long long>(hi));
    }
    const double draws_per_tick = static_cast<double>(cg.draws) / static_cast<double>(ticks);
    report(name + "_draws_per_tick", draws_per_tick, "draws");

    // The floor: drawing just that many numbers from the same generator.
    const double floor_per_tick = time_best(ticks, [draws_per_tick](std::uint64_t n) {
        xoshiro128pp g(2024, 4);
        const auto draws = static_cast<std::uint64_t>(draws_per_tick * static_cast<double>(n) + 0.5);
        std::uint64_t sum = 0;
        for (std::uint64_t i = 0; i < draws; ++i) sum += g.next();
        return sum;
    });
    report(name + "_over_rng_floor", per_tick / floor_per_tick, "x");
    return per_tick / n_clones;
}

inline void bench_size(const size_case& sc) {
    const double t_float = bench_ours<float>(sc, "float");
    const double t_fixed = bench_ours<q16_16>(sc, "fixed");
    const reference::bench_case k(sc.cells);
    const double t_ref = time_best(scaled(sc.ticks), [&k](std::uint64_t n) {
                             std::mt19937_64 g(2024);
                             return reference::run(k, g, n);
                         }) /
                         n_clones;
    const std::string name = std::string("kernel_") + sc.label;
    report(name + "_reference_ns", t_ref, "ns");
    report(name + "_float_speedup_vs_reference", t_ref / t_float, "x");
    report(name + "_fixed_speedup_vs_reference", t_ref / t_fixed, "x");
}

inline void bench_sizes() {
    constexpr std::size_t b4 = sizeof(oncostate::population<q16_16, 4>);
    constexpr std::size_t b8 = sizeof(oncostate::population<q16_16, 8>);
    report("population_bytes_4_clones", std::uint64_t{b4}, "bytes");
    report("population_bytes_8_clones", std::uint64_t{b8}, "bytes");
    // The marginal cost of a clone slot (the lesion's own fields cancel out).
    report("population_bytes_per_clone", std::uint64_t{(b8 - b4) / 4}, "bytes");
}

// ---------------------------------------------------------------------------------------------
// Workloads: 1000 replicates each, one generator stream per replicate. Not scaled (the workload is
// fixed by the issue); a timing is the best of `repeats` runs.

constexpr int replicates = 1000;
constexpr std::uint64_t target_cells = 100000;
constexpr int max_days = 100000;  // a bound only: every replicate ends far earlier

// Workload A: b = 0.14, d = 0.13 from one cell until 1e5 cells or extinction.
template <class S>
struct workload_a {
    using R = real_t<S>;
    oncostate::kernel_params<R> params;
    workload_a() {
        params.growth.birth = R(birth);
        params.growth.death = R(death);
        params.dormancy.avascular_cap = oncostate::max_cells;
    }
    // Returns the number of extinct replicates.
    int run() const {
        int extinct = 0;
        for (int r = 0; r < replicates; ++r) {
            oncostate::population<S, 1> pop;
            pop.add_cells(0, 1);
            xoshiro128pp g(11, static_cast<std::uint64_t>(r));
            for (int day = 0; day < max_days && !pop.extinct() && pop.cells() < target_cells; ++day) pop.step(params, g);
            extinct += pop.extinct() ? 1 : 0;
        }
        return extinct;
    }
};

template <class S>
double bench_workload_a(const std::string& name) {
    const workload_a<S> w;
    int extinct = 0;
    const double ns = time_best(1, [&w, &extinct](std::uint64_t) {
        extinct = w.run();
        return static_cast<std::uint64_t>(extinct);
    });
    report(name + "_ms", ns * 1e-6, "ms");
    return static_cast<double>(extinct) / replicates;
}

// Workload B: pure birth from one cell; each replicate stops on the first day with >= 1e5 cells.
// The 1e-5 per division is u = 1 - sqrt(1 - 1e-5) per daughter (a division has two).
//
// Birth probability 0.5 per day. Whatever the timing, pure birth makes N - 1 divisions on the way
// to N cells, so the number of mutational events is the same; what the timing changes is the size
// of the mutant clones. Luria-Delbrueck (Lea-Coulson) grows them as Yule processes, geometric
// sizes. b = 1 would make every clone double every day: sizes only powers of two (P(size 2) = 1/4
// against Yule's 1/6, P(size 3) = 0), Luria and Delbrueck's deterministic model. With b = 0.5 a
// clone grows stochastically (1 -> 1 or 2 each day), which is much closer to Yule (P(size 1) = 1/2
// as in Lea-Coulson), at 29 steps per replicate instead of 17. Smaller b is closer still but costs
// more steps, and stopping on whole days overshoots 1e5 (by a factor up to 1 + b), so m is about 1.2
// rather than 1: workload_b_theory_at_stop_<k> averages the theory over each replicate's own
// m = 1e-5 (N - 1), which is the like-for-like comparison.
constexpr double b_division_probability = 1e-5;
constexpr double b_birth = 0.5;

template <class S>
struct workload_b {
    using R = real_t<S>;
    oncostate::kernel_params<R> params;
    std::vector<std::uint64_t> final_cells = std::vector<std::uint64_t>(replicates);
    std::vector<std::uint64_t> resistant = std::vector<std::uint64_t>(replicates);
    workload_b() {
        params.growth.birth = R(b_birth);
        params.dormancy.avascular_cap = oncostate::max_cells;
        oncostate::mechanism<R> m;
        m.mutation_probability = R(1 - std::sqrt(1 - b_division_probability));
        our_case<S>::check(params.resistance.add(m));
        our_case<S>::check(params.validate());
    }
    std::uint64_t run() {
        std::uint64_t sum = 0;
        for (int r = 0; r < replicates; ++r) {
            oncostate::population<S, 2> pop;
            pop.add_cells(0, 1);
            xoshiro128pp g(12, static_cast<std::uint64_t>(r));
            for (int day = 0; day < max_days && pop.cells() < target_cells; ++day) pop.step(params, g);
            final_cells[static_cast<std::size_t>(r)] = pop.cells();
            resistant[static_cast<std::size_t>(r)] = pop.cells_with(1);
            sum += pop.cells() + pop.cells_with(1);
        }
        return sum;
    }
};

// Luria-Delbrueck (Lea-Coulson) probabilities of 0..4 mutants for m expected mutations, by the
// Ma-Sandri-Sarkar recursion: p0 = e^-m, p_n = (m / n) sum_{i<n} p_i / (n - i + 1).
inline std::array<double, 5> luria_delbrueck(double m) {
    std::array<double, 5> p{};
    p[0] = std::exp(-m);
    for (std::size_t n = 1; n < p.size(); ++n) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += p[i] / static_cast<double>(n - i + 1);
        p[n] = m / static_cast<double>(n) * s;
    }
    return p;
}

template <class S>
void bench_workload_b(const std::string& name, bool print_fractions) {
    workload_b<S> w;
    const double ns = time_best(1, [&w](std::uint64_t) { return w.run(); });
    report(name + "_ms", ns * 1e-6, "ms");
    if (!print_fractions) return;
    std::array<double, 5> frac{}, at_stop{};
    double mean_m = 0;
    for (std::size_t r = 0; r < w.resistant.size(); ++r) {
        if (w.resistant[r] < frac.size()) frac[w.resistant[r]] += 1.0 / replicates;
        const double m = b_division_probability * static_cast<double>(w.final_cells[r] - 1);
        mean_m += m / replicates;
        const auto p = luria_delbrueck(m);
        for (std::size_t k = 0; k < at_stop.size(); ++k) at_stop[k] += p[k] / replicates;
    }
    const auto theory = luria_delbrueck(1.0);
    for (std::size_t k = 0; k < frac.size(); ++k) {
        report(name + "_fraction_" + std::to_string(k) + "_resistant", frac[k], "fraction");
    }
    for (std::size_t k = 0; k < theory.size(); ++k) report(name + "_theory_" + std::to_string(k), theory[k], "fraction");
    report(name + "_mean_m", mean_m, "mutations");
    for (std::size_t k = 0; k < at_stop.size(); ++k) {
        report(name + "_theory_at_stop_" + std::to_string(k), at_stop[k], "fraction");
    }
}

// ---------------------------------------------------------------------------------------------

// Tick counts: 0.05-0.25 s per timed run on a 2-core EPYC VM (about 4 s for this file in all).
inline void run_all() {
    bench_sizes();
    bench_size(size_case{"1e3", 1000, 40000});
    bench_size(size_case{"1e6", 1000000, 10000});
    bench_size(size_case{"1e10", 10000000000, 5000});

    const double extinct = bench_workload_a<q16_16>("workload_a");
    const double extinct_float = bench_workload_a<float>("workload_a_float");
    report("workload_a_extinct_fraction", extinct, "fraction");
    report("workload_a_float_extinct_fraction", extinct_float, "fraction");
    report("workload_a_theory", death / birth, "fraction");  // Galton-Watson = continuous time: d/b

    bench_workload_b<q16_16>("workload_b", true);
    bench_workload_b<float>("workload_b_float", false);
}

}  // namespace kernel
}  // namespace bench

#endif  // ONCOSTATE_BENCH_KERNEL_HPP
