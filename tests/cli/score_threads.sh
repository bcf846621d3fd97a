#!/bin/sh
# score_threads.sh - `slant score --lines` and `slant score` (per sentence,
# per article) write the same bytes on 1, 2 and 3 threads, in input order,
# over several batches; and when a line fails, every thread count reports
# the same first error with the same exit status and has written the same
# bytes to stdout before it (a -o file is not left behind).
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
C="$SRCDIR/corpus"
# across thread counts: $1 = name of the run, the rest = arguments after
# "score"; stdin is the file $IN (/dev/null if unset)
threads_same() {
    what=$1
    shift
    for j in 1 2 3; do
        set +e
        "$SLANT" score -j "$j" "$@" < "${IN:-/dev/null}" > "$T/out$j" 2> "$T/err$j"
        echo "exit $?" >> "$T/err$j"
        set -e
    done
    for j in 2 3; do
        cmp -s "$T/out1" "$T/out$j" || { echo "FAIL: $what: stdout of -j 1 and -j $j differ"; cmp "$T/out1" "$T/out$j" | head -n 1; fail=1; }
        cmp -s "$T/err1" "$T/err$j" || { echo "FAIL: $what: messages of -j 1 and -j $j differ"; cat "$T/err1" "$T/err$j"; fail=1; }
    done
}

threads_same "score corpus" -q "$C"
[ "$(wc -l < "$T/out1")" -gt 100 ] || { echo "FAIL: score wrote too few sentences"; fail=1; }
threads_same "score --level article" -q --level article "$C"
[ "$(wc -l < "$T/out1")" = "$(($(wc -l < "$C/manifest.tsv") - 1))" ] || { echo "FAIL: not one line per article"; fail=1; }
# 60,000 articles, nearly all empty: under 1 MB of output, so the pending
# output fills the whole ring and is copied out to make room
awk 'BEGIN { for (i = 0; i < 60000; i++) printf "{\"id\":\"a%d\",\"source\":\"S%d\",\"text\":\"%s\"}\n", i, i % 3,
    i % 5000 ? "" : "Valdoria said the deal was very good, but Kestria said no." }' > "$T/empty.jsonl"
threads_same "score, articles with no sentences" -q "$T/empty.jsonl"
[ "$(wc -l < "$T/out1")" -gt 10 ] || { echo "FAIL: the articles with sentences are missing"; fail=1; }

# 31,080 lines, 4.3 MB: many times the ring of 32 KB slots on every thread
# count, and many 1 MB output flushes. Lines end in LF or CRLF; one holds a
# NUL byte (the reader then joins it to the next line).
i=0
: > "$T/lines.txt"
while [ "$i" -lt 60 ]; do
    cat "$C"/articles/*.txt >> "$T/lines.txt"
    i=$((i + 1))
done
printf 'The minister said it was a "disaster" for everyone.\r\nA\000B tail\nnext line\n' >> "$T/lines.txt"
N=$(wc -l < "$T/lines.txt")
threads_same "score --lines" --lines "$T/lines.txt"
[ "$(wc -l < "$T/out1")" = "$((N - 1))" ] || { echo "FAIL: score --lines wrote $(wc -l < "$T/out1") lines for $N"; fail=1; }
grep -q "exit 0" "$T/err1" || { echo "FAIL: score --lines failed"; cat "$T/err1"; fail=1; }
cp "$T/out1" "$T/all.jsonl"
IN="$T/lines.txt"
threads_same "score --lines from stdin" --lines -
IN=
cmp -s "$T/out1" "$T/all.jsonl" || { echo "FAIL: score --lines - differs from the file"; fail=1; }

# invalid UTF-8 on line 25,000 and on a later line: the first is reported
awk 'NR == 25000 || NR == 29000 { printf "bad \377 byte " } { print }' "$T/lines.txt" > "$T/bad.txt"
threads_same "score --lines, invalid UTF-8" --lines "$T/bad.txt"
grep -q "bad.txt:25000" "$T/err1" || { echo "FAIL: the first invalid line is not the one reported"; cat "$T/err1"; fail=1; }
grep -q "exit 0" "$T/err1" && { echo "FAIL: invalid UTF-8 did not fail score --lines"; fail=1; }
[ -s "$T/out1" ] || { echo "FAIL: nothing was written before the invalid line"; fail=1; }
head -c "$(wc -c < "$T/out1")" "$T/all.jsonl" | cmp -s - "$T/out1" || { echo "FAIL: output before the error is not a prefix of the full output"; fail=1; }
# on the first line of input, and on the first line of the second batch
awk 'NR == 1 { printf "\377" } { print }' "$T/lines.txt" > "$T/bad1.txt"
threads_same "score --lines, invalid first line" --lines "$T/bad1.txt"
grep -q "bad1.txt:1:" "$T/err1" || { echo "FAIL: line 1 is not reported"; cat "$T/err1"; fail=1; }
awk 'NR == 7501 { printf "\377" } { print }' "$T/lines.txt" > "$T/bad2.txt"
threads_same "score --lines, invalid line 7501" --lines "$T/bad2.txt"
# --lenient repairs it: all lines out, the same on every thread count
threads_same "score --lines --lenient" --lines --lenient "$T/bad.txt"
grep -q "exit 0" "$T/err1" || { echo "FAIL: --lenient failed"; fail=1; }
# a missing second input: the first file's lines are scored first
threads_same "score --lines, missing second file" --lines "$T/lines.txt" "$T/missing.txt"
grep -q "missing.txt" "$T/err1" || { echo "FAIL: the missing file is not reported"; cat "$T/err1"; fail=1; }
# with -o the output file is discarded on error, whatever the thread count
for j in 1 2; do
    "$SLANT" score --lines -j "$j" "$T/bad.txt" -o "$T/o$j.jsonl" 2> /dev/null && { echo "FAIL: -o run succeeded"; fail=1; }
    [ ! -e "$T/o$j.jsonl" ] || { echo "FAIL: -j $j left an output file after an error"; fail=1; }
done

[ "$fail" = 0 ] && echo "score threads: ok"
exit "$fail"
