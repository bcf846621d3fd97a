#!/bin/sh
# determinism.sh - the same input gives byte-identical output from every
# scoring command, run twice and on 1 or 2 threads (issue 10): `slant score`
# per sentence and per article, `slant score --partial` with -j 1 and -j 2,
# and `slant analyze` with -j 2 twice. (shards.sh compares 1 and 2 threads
# for analyze and shard merges; this adds the score outputs.)
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
same() { # $1 $2 what
    cmp -s "$1" "$2" || { echo "FAIL: $3 differ between two runs"; cmp "$1" "$2" | head -n 1; fail=1; }
}
C="$SRCDIR/corpus"
"$SLANT" score -q "$C" > "$T/s1.jsonl"
"$SLANT" score -q "$C" > "$T/s2.jsonl"
same "$T/s1.jsonl" "$T/s2.jsonl" "slant score sentence outputs"
[ "$(wc -l < "$T/s1.jsonl")" -gt 100 ] || { echo "FAIL: slant score wrote too few sentences"; fail=1; }
"$SLANT" score -q --level article "$C" > "$T/a1.jsonl"
"$SLANT" score -q --level article "$C" > "$T/a2.jsonl"
same "$T/a1.jsonl" "$T/a2.jsonl" "slant score --level article outputs"
"$SLANT" score -q --partial -j 1 "$C" -o "$T/p1.part"
"$SLANT" score -q --partial -j 2 "$C" -o "$T/p2.part"
"$SLANT" score -q --partial -j 2 "$C" -o "$T/p3.part"
same "$T/p1.part" "$T/p2.part" "partials on 1 and 2 threads"
same "$T/p2.part" "$T/p3.part" "partials on 2 threads"
"$SLANT" analyze -q -j 2 --bootstrap 200 "$C" -o "$T/r1"
"$SLANT" analyze -q -j 2 --bootstrap 200 "$C" -o "$T/r2"
for f in "$T"/r1/*; do same "$f" "$T/r2/$(basename "$f")" "reports ($(basename "$f"))"; done
# JSON Lines on stdin (the map-step path) as well
awk 'BEGIN{for(i=0;i<200;i++) printf "{\"id\":\"a%d\",\"source\":\"S%d\",\"text\":\"Valdoria said the deal was very good, but Kestria said \\\"no\\\".\"}\n", i, i%3}' > "$T/in.jsonl"
"$SLANT" score -q --partial - < "$T/in.jsonl" > "$T/j1.part"
"$SLANT" score -q --partial - < "$T/in.jsonl" > "$T/j2.part"
same "$T/j1.part" "$T/j2.part" "partials from stdin"
grep -q '"articles":200' "$T/j1.part" || { echo "FAIL: stdin partial lacks its 200 articles"; fail=1; }
[ "$fail" = 0 ] && echo "determinism: ok"
exit "$fail"
