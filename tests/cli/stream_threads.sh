#!/bin/sh
# stream_threads.sh - a stream (JSON Lines on stdin or in a file, the map
# step of docs/scaling.md) is scored on several threads in batches: the
# partial and the report are the same bytes on 1, 2 and 3 threads, and a
# bad line fails the run with the same first error whatever the threads.
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
command -v "${CC:-cc}" >/dev/null 2>&1 || { echo "no C compiler: skipped"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
same() { # $1 $2 what
    cmp -s "$1" "$2" || { echo "FAIL: $3"; cmp "$1" "$2" | head -n 1; fail=1; }
}
"${CC:-cc}" -std=c11 -O1 -D_POSIX_C_SOURCE=200809L -o "$T/gen" "$SRCDIR/tests/bench/gen.c"
"$T/gen" "$SRCDIR/corpus" "$T/g" 1 --jsonl # ~270 articles: several batches of 64
J="$T/g/corpus.jsonl"
n=$(wc -l < "$J")
L="--set $SRCDIR/lexicons/default.set --lexicon $SRCDIR/corpus/lexicons/demo-world.lex"

for j in 1 2 3; do
    "$SLANT" score -q --partial $L -j $j - -o "$T/p$j.part" < "$J"
done
same "$T/p1.part" "$T/p2.part" "partials from stdin differ between 1 and 2 threads"
same "$T/p1.part" "$T/p3.part" "partials from stdin differ between 1 and 3 threads"
[ "$(grep -c '^{"article"' "$T/p2.part")" -eq "$n" ] || { echo "FAIL: 2-thread partial lacks articles"; fail=1; }
# a .jsonl argument streams the same way as stdin, and to stdout
"$SLANT" score -q --partial $L -j 2 "$J" > "$T/f2.part"
"$SLANT" score -q --partial $L -j 1 "$J" > "$T/f1.part"
same "$T/f1.part" "$T/f2.part" "partials from a .jsonl file differ between 1 and 2 threads"
# the same articles as one stream and as a corpus folder: the same figures
# (the folder's partial also names each article's file, the stream's not)
"$SLANT" analyze -q $L -j 1 --bootstrap 200 - -o "$T/r1" < "$J"
"$SLANT" analyze -q $L -j 2 --bootstrap 200 - -o "$T/r2" < "$J"
for f in "$T"/r1/*; do same "$f" "$T/r2/$(basename "$f")" "analyze of a stream on 1 and 2 threads ($(basename "$f"))"; done

# line 150 is not JSON and line 200 repeats an id: the first error is
# reported, the same on every thread count, and no output file is left
awk 'NR == 150 { print "{\"id\": oops" ; next } NR == 200 { sub(/"id":"[^"]*"/, "\"id\":\"a000001\"") } { print }' \
    "$J" > "$T/bad.jsonl"
for j in 1 2 3; do
    set +e
    "$SLANT" score -q --partial $L -j $j - -o "$T/bad$j.part" < "$T/bad.jsonl" 2> "$T/err$j"
    rc=$?
    set -e
    [ "$rc" = 1 ] || { echo "FAIL: -j $j exit status $rc on a bad line, expected 1"; fail=1; }
    [ ! -e "$T/bad$j.part" ] || { echo "FAIL: -j $j left a partial after an error"; fail=1; }
    grep -q '^slant: -:150:11: invalid JSON' "$T/err$j" || { echo "FAIL: -j $j error:"; cat "$T/err$j"; fail=1; }
done
same "$T/err1" "$T/err2" "errors differ between 1 and 2 threads"
same "$T/err1" "$T/err3" "errors differ between 1 and 3 threads"
# without the bad line the duplicate id is the first error
awk 'NR == 150 { next } { print }' "$T/bad.jsonl" > "$T/dup.jsonl"
for j in 1 2; do
    if "$SLANT" score -q --partial $L -j $j - -o "$T/dup$j.part" < "$T/dup.jsonl" 2> "$T/derr$j"; then
        echo "FAIL: -j $j accepted a duplicate id"
        fail=1
    fi
done
grep -q 'duplicate id "a000001"' "$T/derr1" || { echo "FAIL: no duplicate-id error:"; cat "$T/derr1"; fail=1; }
same "$T/derr1" "$T/derr2" "duplicate-id errors differ between 1 and 2 threads"
[ "$fail" = 0 ] && echo "stream_threads: ok"
exit "$fail"
