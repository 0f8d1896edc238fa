#!/bin/sh
# Lints the public headers: clang-tidy (configuration: .clang-tidy) over one translation unit that
# includes every header in include/oncostate and instantiates the templates (instantiate.inc),
# then cppcheck over every header (suppressions: cppcheck.supp, plus inline ones in the headers).
# Any finding fails. CLANG_TIDY and CPPCHECK name other binaries; CPPCHECK_JOBS sets cppcheck -j.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tidy=${CLANG_TIDY:-clang-tidy}
cppcheck=${CPPCHECK:-cppcheck}
work=$(mktemp -d "${TMPDIR:-/tmp}/oncostate-lint.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

headers=$(cd include && find oncostate -name '*.hpp' | LC_ALL=C sort)
count=$(printf '%s\n' "$headers" | wc -l | tr -d ' ')

# clang-tidy: the umbrella first, then every header, then the instantiations.
tu="$work/all_headers.cpp"
{
  echo '#include <oncostate/oncostate.hpp>'
  for h in $headers; do
    [ "$h" = oncostate/oncostate.hpp ] || echo "#include <$h>"
  done
  echo "#include \"$root/tests/lint/instantiate.inc\""
} > "$tu"
status=0
if "$tidy" --quiet --config-file="$root/.clang-tidy" "$tu" -- -std=c++17 -I"$root/include" \
    > "$work/tidy.txt" 2> "$work/tidy.err"; then
  tidy_rc=0
else
  tidy_rc=$?
fi
tidy_findings=$(grep -c ': \(warning\|error\): ' "$work/tidy.txt" || true)
if [ "$tidy_rc" -ne 0 ] || [ "$tidy_findings" -ne 0 ]; then
  cat "$work/tidy.txt" "$work/tidy.err"
  echo "clang-tidy: FAILED, $tidy_findings finding(s) over $count headers (exit $tidy_rc)"
  status=1
else
  echo "clang-tidy: clean over $count headers ($("$tidy" --version | sed -n 's/.*version \([0-9.]*\).*/\1/p' | head -n 1))"
fi

# cppcheck: every header given by name (a directory alone holds no source file cppcheck reads).
# shellcheck disable=SC2086  # the header list splits on purpose
if (cd include && "$cppcheck" --quiet --std=c++17 --language=c++ \
      --enable=warning,style,performance,portability --inline-suppr --error-exitcode=1 \
      --suppressions-list="$root/tests/lint/cppcheck.supp" -j "${CPPCHECK_JOBS:-1}" \
      -I . $headers) > "$work/cppcheck.txt" 2>&1; then
  echo "cppcheck: clean over $count headers ($("$cppcheck" --version))"
else
  cat "$work/cppcheck.txt"
  echo "cppcheck: FAILED over $count headers"
  status=1
fi
exit "$status"
