#!/bin/sh
# Builds and runs every test. Called by the README's test command and by .ci/run.
#   1. host: the doctest suite, the single header, integration and compile-fail tests (g++, C++17)
#   2. the host suite again: g++ C++20; clang++ C++20; ASan + UBSan under g++ and clang++;
#      32-bit x86 (-m32), which also replays the golden runs
#   3. static analysis (clang-tidy, cppcheck), libFuzzer (60 s a target), line/branch coverage
#   4. Cortex-M0, M3, M4F and M7 under QEMU: the suites, the firmware, its golden run and budgets;
#      then instructions per simulated day on M0 and M4F (a benchmark: printed, never a gate)
# ONCOSTATE_FUZZ_SECONDS changes the fuzzing time per target (0 replays the corpus only).
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build/host -DCMAKE_BUILD_TYPE=Release
cmake --build build/host -j "$jobs"
ctest --test-dir build/host -j "$jobs" --output-on-failure

# host_suite <dir> <what> [cmake arguments...]: builds oncostate_tests and runs it.
host_suite() {
  dir=$1
  what=$2
  shift 2
  cmake -S . -B "$dir" -DONCOSTATE_BUILD_EXAMPLES=OFF "$@"
  cmake --build "$dir" -j "$jobs" --target oncostate_tests
  "$dir/tests/oncostate_tests" --minimal
  echo "host suite, $what: passed"
}
sanitize="-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
host_suite build/gcc-cxx20 "g++ -std=c++20" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_STANDARD=20
host_suite build/clang "clang++ -std=c++20" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_STANDARD=20
host_suite build/asan "g++ with ASan + UBSan" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS=$sanitize"
host_suite build/asan-clang "clang++ with ASan + UBSan" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS=$sanitize"
# SSE arithmetic, as every 32-bit x86 since 2001 has: with the x87 unit's excess precision, float
# and double results differ from libm's in the last bits (fixed point is the same either way).
host_suite build/m32 "32-bit x86 (-m32)" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=-m32 -msse2 -mfpmath=sse" \
  -DCMAKE_EXE_LINKER_FLAGS=-m32

sh tests/lint/run.sh
sh tests/fuzz/run.sh "${ONCOSTATE_FUZZ_SECONDS:-60}"
sh tests/coverage/run.sh

for core in m0 m3 m4f m7; do
  cmake -S . -B "build/$core" --toolchain cmake/arm-none-eabi.cmake -DONCOSTATE_CORTEX="$core"
  cmake --build "build/$core" -j "$jobs"
  ctest --test-dir "build/$core" -j "$jobs" --output-on-failure
done
for core in m0 m4f; do
  cmake --build "build/$core" --target oncostate-target-bench
done
