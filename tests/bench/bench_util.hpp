// oncostate-bench: the helpers every benchmark shares (one translation unit: bench.cpp).
//
// Output: one line per figure, "bench: <name> <value> <unit>". A timing is the minimum over
// `repeats` runs (machines are shared and noisy).
#ifndef ONCOSTATE_BENCH_UTIL_HPP
#define ONCOSTATE_BENCH_UTIL_HPP

#include <algorithm>  // max
#include <chrono>     // steady_clock
#include <cstdint>    // fixed-width integers
#include <cstdio>     // printf
#include <string>     // names

namespace bench {

constexpr int repeats = 5;
inline double scale = 1.0;          // from the command line
inline std::uint64_t checksum = 0;  // every result feeds it, so the compiler cannot drop the work

inline void report(const std::string& name, double value, const char* unit) {
    std::printf("bench: %s %.4g %s\n", name.c_str(), value, unit);
    std::fflush(stdout);
}
inline void report(const std::string& name, std::uint64_t value, const char* unit) {
    std::printf("bench: %s %llu %s\n", name.c_str(), static_cast<unsigned long long>(value), unit);
    std::fflush(stdout);
}

// An iteration count times the scale argument (at least 1).
inline std::uint64_t scaled(std::uint64_t iters) {
    return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(static_cast<double>(iters) * scale));
}

// Runs fn(iters) `repeats` times (fn returns a checksum of its work) and returns the fastest run
// in ns per iteration. No scaling, no report.
template <class Fn>
double time_best(std::uint64_t iters, Fn&& fn) {
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        checksum += fn(iters);
        const auto t1 = std::chrono::steady_clock::now();
        const double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(iters);
        if (ns < best) best = ns;
    }
    return best;
}

// time_best over the scaled iteration count; reports "<name>_ns" and returns it.
template <class Fn>
double measure(const std::string& name, std::uint64_t iters, Fn&& fn) {
    const double best = time_best(scaled(iters), fn);
    report(name + "_ns", best, "ns");
    return best;
}

}  // namespace bench

#endif  // ONCOSTATE_BENCH_UTIL_HPP
