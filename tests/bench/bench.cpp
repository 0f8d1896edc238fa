// oncostate-bench: nanoseconds per random variate, ours (float mode: R = float; fixed mode:
// R = sfloat) against the standard library (libstdc++'s distributions over std::mt19937_64).
//
// Output: one line per figure, "bench: <name> <value> <unit>". A timing is the minimum over
// `repeats` runs (machines are shared and noisy). Parameters change on every call, as in the
// model: a case cycles through 64 parameters within +-4% of its nominal value, the same sequence
// for ours and for std, and std builds its param_type on every call just as ours derives its
// set-up from (n, p) on every call. "speedup_vs_std" is std's time over ours: higher is better.
//
// The population kernel (ns per clone-tick against a std-library reference, the RNG floor, sizes,
// and the two 1000-replicate workloads of issue 3) is in bench_kernel.hpp; the shared helpers
// (report, measure, time_best, scale, checksum) in bench_util.hpp. A simulated year of one patient
// (16 lesions x 4 clones, float and fixed, and the patient's size; issue 4) is in bench_patient.hpp.
//
// Usage: oncostate-bench [scale]   (scale multiplies every iteration count, not the fixed-size
// workloads; default 1, about 18 s on a 2-core EPYC VM)
// To add a benchmark, write a function that times with measure() and prints with report(), and
// call it from main().
#include <oncostate/oncostate.hpp>

#include "bench_kernel.hpp"
#include "bench_patient.hpp"
#include "bench_util.hpp"

#include <array>    // parameter tables
#include <cstdint>  // fixed-width integers
#include <cstdlib>  // atof
#include <cstring>  // memcpy
#include <random>   // the std reference distributions
#include <string>   // names

namespace {

using oncostate::sfloat;
using oncostate::xoshiro128pp;

using bench::measure;
using bench::report;
constexpr std::size_t n_params = 64;

// A drawn value as an integer for the checksum.
std::uint64_t value_bits(std::uint64_t x) { return x; }
std::uint64_t value_bits(float x) {
    std::uint32_t u = 0;
    std::memcpy(&u, &x, sizeof u);
    return u;
}
std::uint64_t value_bits(double x) {
    std::uint64_t u = 0;
    std::memcpy(&u, &x, sizeof u);
    return u;
}
std::uint64_t value_bits(sfloat x) {
    return (std::uint64_t{x.mantissa()} << 16) ^ static_cast<std::uint16_t>(x.exponent());
}

// fn(iters) for measure(): a fresh copy of the generator, then draw(g, i) for i = 0.. iters - 1,
// i cycling through the parameter table.
template <class Rng, class Draw>
auto draw_loop(const Rng& seeded, Draw draw) {
    return [seeded, draw](std::uint64_t iters) mutable {
        Rng g = seeded;
        std::uint64_t sum = 0;
        for (std::uint64_t i = 0; i < iters; ++i) sum += value_bits(draw(g, static_cast<std::size_t>(i % n_params)));
        return sum;
    };
}

// One case: ours in float and fixed mode, then std; prints the times and the speedups.
template <class DrawFloat, class DrawFixed, class DrawStd>
void compare(const std::string& name, std::uint64_t iters, DrawFloat ours_float, DrawFixed ours_fixed,
             DrawStd reference) {
    const double t_float = measure(name + "_float", iters, draw_loop(xoshiro128pp(2024, 1), ours_float));
    const double t_fixed = measure(name + "_fixed", iters, draw_loop(xoshiro128pp(2024, 1), ours_fixed));
    const double t_std = measure(name + "_std", iters, draw_loop(std::mt19937_64(2024), reference));
    report(name + "_float_speedup_vs_std", t_std / t_float, "x");
    report(name + "_fixed_speedup_vs_std", t_std / t_fixed, "x");
}

// The nominal value times 0.96 .. 1.04 across the table.
double spread(std::size_t i) { return 1.0 + 0.04 * (static_cast<double>(i) - 31.5) / 31.5; }

void bench_uniform(std::uint64_t iters) {
    compare(
        "uniform", iters, [](auto& g, std::size_t) { return oncostate::uniform01<float>(g); },
        [](auto& g, std::size_t) { return oncostate::uniform01<sfloat>(g); },
        [d = std::uniform_real_distribution<double>(0.0, 1.0)](auto& g, std::size_t) mutable { return d(g); });
}

// Binomial(n, p): n varies by +-4% around its nominal value, p is fixed.
void bench_binomial(const std::string& name, std::uint64_t n, double p, std::uint64_t iters) {
    using std_binomial = std::binomial_distribution<std::uint64_t>;
    std::array<std::uint64_t, n_params> ns{};
    for (std::size_t i = 0; i < n_params; ++i) ns[i] = static_cast<std::uint64_t>(static_cast<double>(n) * spread(i) + 0.5);
    const float p_float = static_cast<float>(p);
    const sfloat p_fixed = sfloat::from_double(p);
    compare(
        name, iters, [&ns, p_float](auto& g, std::size_t i) { return oncostate::binomial(g, ns[i], p_float); },
        [&ns, p_fixed](auto& g, std::size_t i) { return oncostate::binomial(g, ns[i], p_fixed); },
        [&ns, p, d = std_binomial()](auto& g, std::size_t i) mutable {
            return d(g, std_binomial::param_type(ns[i], p));
        });
}

// Poisson(mean): the mean varies by +-4% around its nominal value.
void bench_poisson(const std::string& name, double mean, std::uint64_t iters) {
    using std_poisson = std::poisson_distribution<std::uint64_t>;
    std::array<double, n_params> m_double{};
    std::array<float, n_params> m_float{};
    std::array<sfloat, n_params> m_fixed{};
    for (std::size_t i = 0; i < n_params; ++i) {
        m_double[i] = mean * spread(i);
        m_float[i] = static_cast<float>(m_double[i]);
        m_fixed[i] = sfloat::from_double(m_double[i]);
    }
    compare(
        name, iters, [&m_float](auto& g, std::size_t i) { return oncostate::poisson(g, m_float[i]); },
        [&m_fixed](auto& g, std::size_t i) { return oncostate::poisson(g, m_fixed[i]); },
        [&m_double, d = std_poisson()](auto& g, std::size_t i) mutable {
            return d(g, std_poisson::param_type(m_double[i]));
        });
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::atof(argv[1]) > 0) bench::scale = std::atof(argv[1]);

    report("sizeof_sfloat", std::uint64_t{sizeof(sfloat)}, "bytes");
    report("sizeof_q16_16", std::uint64_t{sizeof(oncostate::q16_16)}, "bytes");
    report("sizeof_xoshiro128pp", std::uint64_t{sizeof(xoshiro128pp)}, "bytes");

    // Iteration counts: about 3 s per case on a 2-core EPYC VM (15 s in all).
    bench_uniform(10000000);
    bench_binomial("binomial_mean0.5", 50, 0.01, 1500000);
    bench_binomial("binomial_mean20", 200, 0.1, 500000);
    bench_binomial("binomial_n1e9", 1000000000, 0.13, 800000);
    bench_poisson("poisson_mean0.5", 0.5, 2000000);
    bench_poisson("poisson_mean1e4", 1e4, 800000);

    bench::kernel::run_all();
    bench::patient_year::run_all();

    report("checksum", bench::checksum, "count");
    return 0;
}
