#!/bin/sh
# Builds and runs every test: the host suite (doctest, integration, single header) and the
# Cortex-M suites under QEMU. Called by the README's test command and by .ci/run.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build/host -DCMAKE_BUILD_TYPE=Release
cmake --build build/host -j "$jobs"
ctest --test-dir build/host -j "$jobs" --output-on-failure

for core in m0 m3 m4f m7; do
  cmake -S . -B "build/$core" --toolchain cmake/arm-none-eabi.cmake -DONCOSTATE_CORTEX="$core"
  cmake --build "build/$core" -j "$jobs"
  ctest --test-dir "build/$core" -j "$jobs" --output-on-failure
done
