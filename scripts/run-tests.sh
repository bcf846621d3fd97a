#!/bin/sh
# Run the unit suites (build/tests/test_*) and the command-line tests
# (tests/cli/*.sh), then print one closing line "N passed, N failed".
# Usage: run-tests.sh BUILD [unit|cli]
set -u
BUILD=${1:-build}
WHAT=${2:-all}
pass=0; fail=0; failed=""
if [ "$WHAT" != cli ]; then
    for t in "$BUILD"/tests/test_*; do
        [ -x "$t" ] || continue
        if CK_FORK=yes "$t" >"$t.log" 2>&1; then pass=$((pass + 1)); tail -n 1 "$t.log" | sed "s|^|$(basename "$t"): |"
        else fail=$((fail + 1)); failed="$failed $(basename "$t")"; cat "$t.log"; fi
    done
fi
if [ "$WHAT" != unit ]; then
    export SLANT="$PWD/$BUILD/slant" SLANT_LEXICONS="$PWD/lexicons" SRCDIR="$PWD"
    for t in tests/cli/*.sh; do
        [ -f "$t" ] || continue
        log="$BUILD/tests/$(basename "$t").log"; mkdir -p "$BUILD/tests"
        if sh "$t" >"$log" 2>&1; then pass=$((pass + 1)); echo "$(basename "$t"): ok"
        else fail=$((fail + 1)); failed="$failed $(basename "$t")"; echo "$(basename "$t"): FAILED"; cat "$log"; fi
    done
fi
echo
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
