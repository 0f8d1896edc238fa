#!/bin/sh
# Builds the libFuzzer targets with clang into build/fuzz, replays tests/fuzz/regressions/, then
# runs each target for SECONDS (default 60) from the committed corpus. New units go to a
# temporary directory (listed first), so the committed corpus is never modified. Prints the
# executions per target; exits non-zero on any crash, sanitizer report or invariant violation
# (the reproducer is kept in build/fuzz/artifacts/<target>/). See docs/fuzzing.md.
#   sh tests/fuzz/run.sh [SECONDS]
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-60}
case $seconds in
  '' | *[!0-9]*) echo "usage: sh tests/fuzz/run.sh [SECONDS]" >&2; exit 2 ;;
esac
targets="params snapshot recist treatment"

CXX=${FUZZ_CXX:-clang++} cmake -S tests/fuzz -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j 2

work=$(mktemp -d "${TMPDIR:-/tmp}/oncostate-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
failed=0

for t in $targets; do
  bin=build/fuzz/fuzz_$t
  artifacts=build/fuzz/artifacts/$t
  mkdir -p "$artifacts" "$work/$t"

  # Known reproducers must no longer crash.
  if [ -d "tests/fuzz/regressions/$t" ] && [ -n "$(ls -A "tests/fuzz/regressions/$t")" ]; then
    if "$bin" "tests/fuzz/regressions/$t"/* >"$work/$t.replay.log" 2>&1; then
      echo "fuzz_$t: regressions pass ($(ls "tests/fuzz/regressions/$t" | wc -l) files)"
    else
      echo "fuzz_$t: REGRESSION FAILS (log below)"
      tail -n 40 "$work/$t.replay.log"
      failed=1
    fi
  fi

  status=0
  replay_only=""
  [ "$seconds" -eq 0 ] && replay_only="-runs=0"  # 0: run the corpus once, no new inputs
  "$bin" $replay_only -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$work/$t" "tests/fuzz/corpus/$t" >"$work/$t.log" 2>&1 || status=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 executions in \2 s/p' "$work/$t.log" | tail -n 1)
  if [ "$status" -eq 0 ] && [ -n "$runs" ]; then
    echo "fuzz_$t: $runs, no finding"
  else
    echo "fuzz_$t: FINDING (exit $status); reproducer in $artifacts/, log below"
    grep -a -E 'invariant violated|runtime error|ERROR: |SUMMARY|Test unit written' "$work/$t.log" | head -n 20 || true
    failed=1
  fi
done

exit "$failed"
