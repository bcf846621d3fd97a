#!/bin/sh
# Mergeable aggregates: scoring a corpus in shards (any split, any order,
# through GNU parallel, concatenated and line-sorted as Hadoop Streaming
# would deliver them) and merging gives byte-for-byte the report of one
# `slant analyze` run; so do 1 and 2 threads.
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -R "$SRCDIR/corpus" "$tmp/c"
man="$tmp/c/manifest.tsv"
head -n 1 "$man" > "$tmp/header"
n=$(($(wc -l < "$man") - 1))
[ "$n" -ge 6 ] || { echo "demo corpus too small ($n)"; exit 1; }

"$SLANT" analyze -q "$tmp/c" -o "$tmp/one" -j 1
"$SLANT" analyze -q "$tmp/c" -o "$tmp/two" -j 2
for f in "$tmp"/one/*; do cmp "$f" "$tmp/two/$(basename "$f")" || { echo "threads differ: $f"; exit 1; }; done

# split into 3 shards by line number modulo 3, and into 2 halves
for k in 0 1 2; do
    { cat "$tmp/header"; tail -n +2 "$man" | awk -v k=$k 'NR % 3 == k'; } > "$tmp/c/shard$k.tsv"
    "$SLANT" score -q --partial "$tmp/c/shard$k.tsv" -o "$tmp/p$k.part"
done
{ cat "$tmp/header"; tail -n +2 "$man" | head -n $((n / 2)); } > "$tmp/c/half0.tsv"
{ cat "$tmp/header"; tail -n +$((n / 2 + 2)) "$man"; } > "$tmp/c/half1.tsv"
"$SLANT" score -q --partial "$tmp/c/half0.tsv" -o "$tmp/h0.part"
"$SLANT" score -q --partial "$tmp/c/half1.tsv" -o "$tmp/h1.part"

check() { # $1 = report dir
    for f in "$tmp"/one/*; do
        cmp "$f" "$1/$(basename "$f")" || { echo "differs from one run: $1/$(basename "$f")"; exit 1; }
    done
}
"$SLANT" merge "$tmp/p2.part" "$tmp/p0.part" "$tmp/p1.part" -o "$tmp/all1.part"
"$SLANT" report "$tmp/all1.part" -o "$tmp/r1"
check "$tmp/r1"
"$SLANT" merge "$tmp/h1.part" "$tmp/h0.part" -o "$tmp/all2.part"
cmp "$tmp/all1.part" "$tmp/all2.part" || { echo "merged partials differ between splits"; exit 1; }
# concatenated and line-sorted on stdin (the Hadoop Streaming reduce input)
cat "$tmp/p0.part" "$tmp/p1.part" "$tmp/p2.part" | LC_ALL=C sort | "$SLANT" merge - -o "$tmp/all3.part"
cmp "$tmp/all1.part" "$tmp/all3.part" || { echo "sorted stdin merge differs"; exit 1; }
"$SLANT" report "$tmp/all3.part" -o "$tmp/r3"
check "$tmp/r3"
# report reads a regular file as a stream, its header found anywhere (a
# line-sorted file puts it after the articles) and its parts in any order
cat "$tmp/p0.part" "$tmp/p1.part" "$tmp/p2.part" | LC_ALL=C sort > "$tmp/sorted.part"
"$SLANT" report "$tmp/sorted.part" -o "$tmp/r5"
check "$tmp/r5"
"$SLANT" report "$tmp/p2.part" "$tmp/p0.part" "$tmp/p1.part" -o "$tmp/r6"
check "$tmp/r6"
# GNU parallel as the map step, when installed
if command -v parallel >/dev/null 2>&1; then
    ls "$tmp"/c/shard*.tsv | parallel -j 2 "\"$SLANT\" score -q --partial {} -o {.}.part"
    "$SLANT" merge "$tmp"/c/shard*.part | "$SLANT" report - -o "$tmp/r4"
    check "$tmp/r4"
else
    echo "GNU parallel not installed: parallel map step skipped"
fi
# refused: a part from another lexicon set, and a truncated part
printf 'x\ttone\t0.5\n' > "$tmp/extra.lex"
"$SLANT" score -q --partial --set "$SRCDIR/lexicons/default.set" --lexicon "$tmp/extra.lex" \
    "$tmp/c/shard0.tsv" -o "$tmp/other.part"
if "$SLANT" merge "$tmp/p1.part" "$tmp/other.part" -o "$tmp/bad.part" 2>"$tmp/err"; then
    echo "merge of different lexicon sets was accepted"; exit 1; fi
grep -q "different lexicon set" "$tmp/err" || { cat "$tmp/err"; exit 1; }
head -n 3 "$tmp/p1.part" > "$tmp/trunc.part"
if "$SLANT" merge "$tmp/trunc.part" -o "$tmp/bad.part" 2>"$tmp/err"; then
    echo "truncated partial accepted"; exit 1; fi
grep -q "truncated" "$tmp/err" || { cat "$tmp/err"; exit 1; }
[ ! -e "$tmp/bad.part" ] || { echo "a failed merge left an output file"; exit 1; }
echo "shards: one run, 2 threads, 3 splits, sorted stdin and parallel agree"
