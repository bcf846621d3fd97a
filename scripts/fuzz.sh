#!/bin/sh
# fuzz.sh - build every libFuzzer target in tests/fuzz/ into build-fuzz/ and
# run each for FUZZ_SECONDS seconds (-max_total_time); fails on any crash,
# sanitizer report or broken invariant. Used by `make fuzz` and `make
# fuzz-smoke`. Skips (exit 0, with a message) only when clang cannot be
# installed. See docs/robustness.md for reproducing a crash.
#
# Usage: scripts/fuzz.sh [FUZZ_SECONDS] [TARGET...]
#   FUZZ_BUILD_ONLY=1  build, do not run
#   FUZZ_CORPUS=DIR    keep the grown corpus in DIR/NAME (default: a temp folder)
set -u
SECONDS_EACH=${1:-20}
[ $# -gt 0 ] && shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
OUT=build-fuzz

have_fuzzer() {
    command -v clang >/dev/null 2>&1 || return 1
    d=$(mktemp -d) || return 1
    printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$d/t.c"
    clang -fsanitize=fuzzer,address,undefined "$d/t.c" -o "$d/t" >/dev/null 2>&1
    rc=$?
    rm -rf "$d"
    return $rc
}
if ! have_fuzzer; then
    sh scripts/deps.sh clang libclang-rt-dev >/dev/null 2>&1 || true
    if ! have_fuzzer; then
        echo "fuzz: SKIPPED - clang with libFuzzer (packages clang, libclang-rt-dev) is not available and could not be installed"
        exit 0
    fi
fi

SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# The library, instrumented for coverage but without libFuzzer's main.
make -s BUILD=$OUT CC=clang OPT="-O1 -g" \
    EXTRA_CFLAGS="-fsanitize=fuzzer-no-link $SAN" $OUT/libslant.a || {
    echo "fuzz: building the library failed" >&2; exit 1; }
PKG_CFLAGS=$(pkg-config --cflags gsl libutf8proc jansson)
PKG_LIBS=$(pkg-config --libs gsl libutf8proc jansson)

if [ $# -gt 0 ]; then targets="$*"; else
    targets=$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c; done)
fi
mkdir -p $OUT/fuzz
for t in $targets; do
    src=tests/fuzz/$t.c
    [ -f "$src" ] || { echo "fuzz: no such target $t" >&2; exit 2; }
    # shellcheck disable=SC2086
    clang -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla \
        -O1 -g -fsanitize=fuzzer $SAN -Iinclude -D_POSIX_C_SOURCE=200809L \
        -DFUZZ_SRCDIR="\"$ROOT\"" $PKG_CFLAGS "$src" $OUT/libslant.a $PKG_LIBS -lpthread -lm \
        -o $OUT/fuzz/$t || { echo "fuzz: building $t failed" >&2; exit 1; }
done
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && { echo "fuzz: built $(echo $targets | wc -w) targets in $OUT/fuzz"; exit 0; }

fail=0
work=${FUZZ_CORPUS:-$(mktemp -d)}
mkdir -p "$work" && work=$(cd "$work" && pwd) # the fuzzers run from $OUT/fuzz
for t in $targets; do
    name=${t#fuzz_}
    corpus=$work/$name
    mkdir -p "$corpus"
    seeds=tests/fuzz/seeds/$name
    log=$OUT/fuzz/$t.log
    # -rss_limit_mb bounds memory per input; -timeout catches hangs (a slow input is a bug too)
    (cd $OUT/fuzz && ./$t -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$ROOT/$OUT/fuzz/$t-" \
        "$corpus" "$ROOT/$seeds") >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ $rc -eq 0 ]; then
        echo "fuzz $t: ok, ${execs:-?} executions in ${SECONDS_EACH}s"
    else
        fail=$((fail + 1))
        echo "fuzz $t: FAILED (exit $rc); log $log; reproduce: $OUT/fuzz/$t $OUT/fuzz/$t-crash-*"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant|.*runtime error)' "$log" | head -n 5
    fi
done
[ -z "${FUZZ_CORPUS:-}" ] && rm -rf "$work"
[ $fail -eq 0 ] || { echo "fuzz: $fail target(s) failed"; exit 1; }
echo "fuzz: all $(echo $targets | wc -w) targets ran ${SECONDS_EACH}s each without a crash"
