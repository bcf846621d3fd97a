#!/bin/sh
# The benchmark's corpus generator is deterministic, and on its output the
# spilling partial writer agrees with itself across thread counts and with
# a partial rebuilt through merge; no progress line reaches a stderr that
# is not a terminal. (The benchmark itself prints figures: make bench.)
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
command -v "${CC:-cc}" >/dev/null 2>&1 || { echo "no C compiler: skipped"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"${CC:-cc}" -std=c11 -O1 -D_POSIX_C_SOURCE=200809L -o "$tmp/gen" "$SRCDIR/tests/bench/gen.c"
"$tmp/gen" "$SRCDIR/corpus" "$tmp/a" 1 --jsonl
"$tmp/gen" "$SRCDIR/corpus" "$tmp/b" 1 --jsonl
for f in lines.txt corpus.jsonl corpus/manifest.tsv corpus/articles/000/a000100.txt; do
    cmp "$tmp/a/$f" "$tmp/b/$f" || { echo "generator not deterministic: $f"; exit 1; }
done
n=$(($(wc -l < "$tmp/a/corpus/manifest.tsv") - 1))
[ "$n" -ge 200 ] || { echo "expected >= 200 articles in 1 MB, got $n"; exit 1; }
[ "$(wc -l < "$tmp/a/corpus.jsonl")" -eq "$n" ] || { echo "JSON Lines and manifest disagree"; exit 1; }

"$SLANT" score --partial -j 1 "$tmp/a/corpus" -o "$tmp/j1.part" 2> "$tmp/err"
[ ! -s "$tmp/err" ] || { echo "stderr not empty without a terminal:"; cat "$tmp/err"; exit 1; }
"$SLANT" score -q --partial -j 2 "$tmp/a/corpus" -o "$tmp/j2.part"
cmp "$tmp/j1.part" "$tmp/j2.part" || { echo "1 and 2 threads give different partials"; exit 1; }
[ "$(grep -c '^{"article"' "$tmp/j1.part")" -eq "$n" ] || { echo "partial lacks articles"; exit 1; }
# ids come out sorted whatever order the workers finished in
grep -o '^{"article":{"id":"[^"]*"' "$tmp/j1.part" | LC_ALL=C sort -c || { echo "articles not in id order"; exit 1; }
# to a file the lines are streamed as scored, to stdout spilled: same bytes
"$SLANT" score -q --partial -j 3 "$tmp/a/corpus" > "$tmp/j3.part"
cmp "$tmp/j1.part" "$tmp/j3.part" || { echo "streamed and spilled partials differ"; exit 1; }
"$SLANT" merge "$tmp/j2.part" -o "$tmp/m.part"
cmp "$tmp/j1.part" "$tmp/m.part" || { echo "merge of one spilled partial changed it"; exit 1; }
# the JSON Lines map step scores the same articles (no file paths)
"$SLANT" score -q --partial --set "$SRCDIR/lexicons/default.set" --lexicon "$SRCDIR/corpus/lexicons/demo-world.lex" \
    - -o "$tmp/s.part" < "$tmp/a/corpus.jsonl"
[ "$(grep -c '^{"article"' "$tmp/s.part")" -eq "$n" ] || { echo "stdin partial lacks articles"; exit 1; }
# an article that cannot be read fails the run and leaves no output file,
# though streamed lines were already written to its temporary
rm "$tmp/a/corpus/articles/000/a000100.txt"
for j in 1 2; do
    if "$SLANT" score -q --partial -j $j "$tmp/a/corpus" -o "$tmp/bad.part" 2> "$tmp/err"; then
        echo "a missing article did not fail score --partial -j $j"; exit 1
    fi
    [ ! -e "$tmp/bad.part" ] || { echo "a failed score --partial -j $j left its output"; exit 1; }
    grep -q a000100 "$tmp/err" || { echo "the error does not name the missing article:"; cat "$tmp/err"; exit 1; }
done
[ -z "$(ls "$tmp" | grep '^bad')" ] || { echo "temporary files left:"; ls "$tmp"; exit 1; }
echo "bench corpus: deterministic, $n articles; partials agree across threads and merge"
