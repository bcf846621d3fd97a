#!/bin/sh
# valgrind.sh - memcheck over the end-to-end paths (issue 10): each command
# runs under `valgrind --leak-check=full --error-exitcode=9`, so any invalid
# read or write, use of uninitialised memory or definite/possible leak fails
# the test. Covers reading (folder, JSON Lines on stdin, plain file),
# scoring, partials, merge, report, analyze on two threads, lexicon check
# and import, and error paths (a bad manifest, a bad lexicon line), where
# leaks hide most often. Skipped when valgrind is missing or the binary is
# built with AddressSanitizer (the two cannot run together).
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
if ! command -v valgrind >/dev/null 2>&1; then echo "valgrind.sh: SKIPPED (no valgrind)"; exit 0; fi
if grep -q __asan_init "$SLANT" 2>/dev/null; then echo "valgrind.sh: SKIPPED (ASan build)"; exit 0; fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
n=0
# vg EXPECTED_EXIT CMD...: run under memcheck; the exit must be the expected one (9 = memcheck error)
vg() {
    want=$1
    shift
    n=$((n + 1))
    set +e
    valgrind -q --leak-check=full --error-exitcode=9 --log-file="$T/vg.$n.log" "$SLANT" "$@" >"$T/out.$n" 2>"$T/err.$n"
    rc=$?
    set -e
    if [ "$rc" != "$want" ] || [ -s "$T/vg.$n.log" ]; then
        echo "FAIL: slant $* (exit $rc, expected $want)"
        head -n 40 "$T/vg.$n.log" "$T/err.$n" | sed 's/^/    /'
        fail=1
    fi
}
C="$SRCDIR/corpus"
printf '"We will not accept this," Anna Veles said. Mr. Smith said the deal was very bad.\n' > "$T/a.txt"
vg 0 sentences "$T/a.txt"
vg 0 clean --show "$SRCDIR/tests/fuzz/seeds/text/web.txt"
vg 0 score "$T/a.txt"
vg 0 score --level article "$C"
vg 0 score -q --partial -j 2 "$C" -o "$T/p.part"
vg 0 merge "$T/p.part" -o "$T/m.part"
vg 0 report --bootstrap 100 "$T/m.part" -o "$T/rep"
vg 0 analyze -q -j 2 --bootstrap 100 "$C" -o "$T/an"
awk 'BEGIN{for(i=0;i<50;i++) printf "{\"id\":\"a%d\",\"source\":\"S%d\",\"text\":\"Valdoria said it was \\\"very good\\\".\"}\n", i, i%3}' > "$T/in.jsonl"
set +e
valgrind -q --leak-check=full --error-exitcode=9 --log-file="$T/vg.stdin.log" "$SLANT" score --partial - < "$T/in.jsonl" > /dev/null 2>&1
rc=$?
set -e
if [ "$rc" != 0 ] || [ -s "$T/vg.stdin.log" ]; then echo "FAIL: score --partial - (exit $rc)"; head -n 40 "$T/vg.stdin.log"; fail=1; fi
vg 0 lexicon check "$SRCDIR/lexicons/default.set"
vg 0 lexicon import --from liwc "$SRCDIR/tests/fixtures/small.dic" -o "$T/liwc.lex"
vg 0 explain "$T/a.txt"
# error paths
vg 1 sentences "$SRCDIR/tests/bad/duplicate-id"
vg 1 sentences "$SRCDIR/tests/bad/article-invalid-utf8.txt"
vg 1 lexicon check "$SRCDIR/tests/fuzz/seeds/lexicon/errors.lex"
printf 'good\ttone\tnan\n' > "$T/bad.lex"
vg 1 score --lexicon "$T/bad.lex" "$T/a.txt"
vg 1 merge "$T/a.txt"
vg 2 analyze --bogus
[ "$fail" = 0 ] && echo "valgrind: $((n + 1)) runs, no errors and no leaks"
exit "$fail"
