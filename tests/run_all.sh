#!/bin/sh
# Builds and runs every test: the host suite (doctest, integration, single header), the host suite
# again under ASan + UBSan and built by clang, and the Cortex-M suites under QEMU. Called by the
# README's test command and by .ci/run.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build/host -DCMAKE_BUILD_TYPE=Release
cmake --build build/host -j "$jobs"
ctest --test-dir build/host -j "$jobs" --output-on-failure

# The host suite twice more: under AddressSanitizer + UndefinedBehaviorSanitizer (any finding
# aborts), and built by clang with the same warnings as errors.
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DONCOSTATE_BUILD_EXAMPLES=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake --build build/asan -j "$jobs" --target oncostate_tests
build/asan/tests/oncostate_tests --minimal
echo "host suite under ASan + UBSan: no finding"
CXX=clang++ cmake -S . -B build/clang -DCMAKE_BUILD_TYPE=Release -DONCOSTATE_BUILD_EXAMPLES=OFF
cmake --build build/clang -j "$jobs" --target oncostate_tests
build/clang/tests/oncostate_tests --minimal
echo "host suite built by clang: passed"

for core in m0 m3 m4f m7; do
  cmake -S . -B "build/$core" --toolchain cmake/arm-none-eabi.cmake -DONCOSTATE_CORTEX="$core"
  cmake --build "build/$core" -j "$jobs"
  ctest --test-dir "build/$core" -j "$jobs" --output-on-failure
done
