#!/bin/sh
# Line and branch coverage of include/ by the host suite (oncostate_tests), measured with gcovr
# (Debian's 5.2). Debug build at -O0 with gcov instrumentation into build/coverage; prints the
# per-file and total figures and fails when a test fails or coverage is under the thresholds.
# Figures, thresholds and what stays uncovered: docs/coverage.md.
set -eu
cd "$(dirname "$0")/../.."

line_min=${ONCOSTATE_COVERAGE_LINE_MIN:-95}
branch_min=${ONCOSTATE_COVERAGE_BRANCH_MIN:-90}
jobs=${ONCOSTATE_COVERAGE_JOBS:-2}
dir=build/coverage

command -v gcovr >/dev/null 2>&1 || {
  echo "coverage: gcovr not found (apt-get install -y --no-install-recommends gcovr)" >&2
  exit 1
}

cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug \
  -DONCOSTATE_BUILD_TESTS=ON -DONCOSTATE_BUILD_EXAMPLES=OFF -DONCOSTATE_BUILD_BENCHMARKS=OFF \
  -DCMAKE_CXX_FLAGS="-O0 -fprofile-arcs -ftest-coverage" \
  -DCMAKE_EXE_LINKER_FLAGS="--coverage"
cmake --build "$dir" -j "$jobs" --target oncostate_tests

# Counters from earlier runs (and from the test listing CMake runs after linking) would add up.
find "$dir" -name '*.gcda' -exec rm -f {} +
tests_ok=0
"$dir/tests/oncostate_tests" --minimal || tests_ok=$?

# --exclude-throw-branches: the library throws nothing; those branches are the exception edges of
# calls into the C++ runtime. --exclude-unreachable-branches: branches gcov marks as never
# executable (compiler-generated).
set -- --root . --filter 'include/' --exclude-unreachable-branches --exclude-throw-branches -j "$jobs"
gcovr "$@" "$dir" | sed -n '/^File/,$p'
gcovr "$@" --branches "$dir" | sed -n '/^File/,$p'
status=0
gcovr "$@" --print-summary --txt /dev/null \
  --fail-under-line "$line_min" --fail-under-branch "$branch_min" "$dir" || status=$?
echo "coverage of include/: thresholds lines >= $line_min%, branches >= $branch_min%"
if [ "$tests_ok" -ne 0 ]; then
  echo "coverage: the test suite failed (exit $tests_ok)" >&2
  exit "$tests_ok"
fi
exit "$status"
