#!/bin/sh
# ingest.sh - end-to-end tests of `slant sentences` and `slant clean`: the
# seed corpus (quotes and speakers, no boilerplate left), byte offsets,
# JSON Lines on stdin, manifest errors (exit 1, file and line), usage (exit 2).
set -eu
SEEDS="$SRCDIR/../shared/corpus/seeds"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# ---- offsets: every sentence's text is the cleaned text at [start, end) ----
printf 'Breaking News\n\nThe first sentence is here. The second one, too!\n\nA third: short.\n' >"$T/plain.txt"
"$SLANT" clean "$T/plain.txt" >"$T/plain.clean"
"$SLANT" sentences "$T/plain.txt" >"$T/plain.jsonl"
[ "$(wc -l <"$T/plain.jsonl")" -eq 3 ] || fail "plain.txt: expected 3 sentences, got $(wc -l <"$T/plain.jsonl")"
grep -q '^{"id":"plain-1","article":"plain","source":"plain.txt","start":0,"end":27,"text":"The first sentence is here.","voice":"outlet","speaker":null,"words":5,"quoted_words":0' "$T/plain.jsonl" ||
    fail "plain.txt: first sentence line: $(head -n 1 "$T/plain.jsonl")"
while IFS= read -r line; do
    start=$(printf '%s\n' "$line" | sed 's/.*"start":\([0-9]*\).*/\1/')
    end=$(printf '%s\n' "$line" | sed 's/.*"end":\([0-9]*\).*/\1/')
    text=$(printf '%s\n' "$line" | sed 's/.*"text":"\([^"]*\)".*/\1/')
    slice=$(tail -c +$((start + 1)) "$T/plain.clean" | head -c $((end - start)))
    [ "$slice" = "$text" ] || fail "offsets $start-$end give \"$slice\", text is \"$text\""
done <"$T/plain.jsonl"

# ---- --no-clean keeps the boilerplate ----
"$SLANT" sentences --no-clean "$T/plain.txt" | grep -q '"text":"Breaking News"' || fail "--no-clean dropped a line"
"$SLANT" sentences "$T/plain.txt" | grep -q 'Breaking News' && fail "cleaning kept Breaking News"

# ---- JSON Lines on stdin, and a JSON manifest ----
printf '{"id":"a1","source":"Wire","text":"One. Two."}\n\n{"id":"a2","source":"Wire","text":"Three."}\n' |
    "$SLANT" sentences - >"$T/stdin.jsonl"
[ "$(grep -c '"source":"Wire"' "$T/stdin.jsonl")" -eq 3 ] || fail "stdin: $(cat "$T/stdin.jsonl")"
grep -q '"id":"a2-1"' "$T/stdin.jsonl" || fail "stdin: no a2-1"
mkdir "$T/j"
printf 'Un article.\n' >"$T/j/a.txt"
printf '{"articles": [{"id": "x", "source": "Le Monde", "file": "a.txt", "lang": "fr"}]}\n' >"$T/j/manifest.json"
"$SLANT" sentences "$T/j" | grep -q '"id":"x-1","article":"x","source":"Le Monde"' || fail "json manifest"

# ---- slant clean: one file bare, several with headers ----
[ "$(cat "$T/plain.clean")" = "$(printf 'The first sentence is here. The second one, too!\n\nA third: short.')" ] ||
    fail "clean output: $(cat "$T/plain.clean")"
"$SLANT" clean "$T/plain.txt" "$T/j/a.txt" >"$T/two.clean"
grep -qx '==> plain (plain.txt) <==' "$T/two.clean" || fail "clean: no header for plain"
grep -qx '==> a (a.txt) <==' "$T/two.clean" || fail "clean: no header for a"
"$SLANT" clean --show "$T/plain.txt" >"$T/show"
grep -qx 'plain:1: nav:Breaking News: Breaking News' "$T/show" || fail "clean --show: $(cat "$T/show")"
grep -qx 'plain: 1 line removed (13 bytes), 0 markup fragments stripped, 0 paragraphs joined' "$T/show" ||
    fail "clean --show totals: $(cat "$T/show")"

# ---- the seed corpus ----
if [ -f "$SEEDS/manifest.tsv" ]; then
    "$SLANT" sentences "$SEEDS" >"$T/seeds.jsonl"
    for id in 000_9986aba2f63a8448 001_663b9610a18bbe72 002_ef46999ce7b4fbc2 003_5969239258afc9cb 004_11eb1f1af465d0b5; do
        grep -q "\"article\":\"$id\"" "$T/seeds.jsonl" || fail "seeds: no sentences for $id"
    done
    voa() { grep '"article":"001_663b9610a18bbe72"' "$T/seeds.jsonl"; }
    # Newsham is quoted twice and Hosaka once, as quotes with their speakers
    n=$(voa | grep -c '"voice":"quote","speaker":"[^"]*Newsham"' || true)
    [ "$n" -ge 2 ] || fail "seeds: $n Newsham quote sentences (expected >= 2)"
    n=$(voa | grep -c '"voice":"quote","speaker":"[^"]*Hosaka[^"]*"' || true)
    [ "$n" -ge 1 ] || fail "seeds: $n Hosaka quote sentences (expected >= 1)"
    voa | grep '"speaker":"[^"]*Newsham"' | grep -q '"text":"“There’s always going to be trouble' ||
        fail "seeds: Newsham's first quote not attributed"
    n=$(grep '"article":"002_ef46999ce7b4fbc2"' "$T/seeds.jsonl" | grep -c '"voice":"quote","speaker":"James Brown"' || true)
    [ "$n" -ge 2 ] || fail "seeds: $n James Brown quote sentences"
    for b in 'Accessibility links' 'Breaking News' 'Write comment' 'Notify of' 'donate today' \
        'To contact the WSWS' 'Category:Event' '"text":"XS"' '"text":"Search"' 'Photo:' '.jpg' \
        'Views expressed are of individual' 'The statements, views and opinions'; do
        grep -qF "$b" "$T/seeds.jsonl" && fail "seeds: boilerplate \"$b\" in sentences"
    done
    # the paragraph split across a blank line in the WSWS article is one sentence
    grep -q '"article":"000_9986aba2f63a8448".*importer of liquefied natural gas' "$T/seeds.jsonl" ||
        fail "seeds: split WSWS paragraph not joined"
    "$SLANT" clean --show "$SEEDS" >"$T/seeds.show"
    grep -qx 'total: 5 articles, 33 lines removed (1677 bytes), 2 markup fragments stripped, 1 paragraph joined' \
        "$T/seeds.show" || fail "seeds clean --show totals: $(tail -n 1 "$T/seeds.show")"
    grep -qx '001_663b9610a18bbe72:1: nav:Accessibility links: Accessibility links' "$T/seeds.show" ||
        fail "seeds clean --show: VOA line 1"
fi

# ---- manifest errors: exit 1, message names the file and line ----
expect() { # expect CODE FRAGMENT CMD...
    code=$1 frag=$2
    shift 2
    set +e
    out=$("$@" 2>&1)
    rc=$?
    set -e
    [ "$rc" -eq "$code" ] || fail "$*: exit $rc, expected $code ($out)"
    printf '%s\n' "$out" | grep -qF -- "$frag" || fail "$*: output lacks \"$frag\": $out"
}
mkdir "$T/m"
printf 'A.\n' >"$T/m/a.txt"
printf 'file\ttitle\na.txt\tT\n' >"$T/m/manifest.tsv"
expect 1 "m/manifest.tsv:1: missing required column \"source\"" "$SLANT" sentences "$T/m"
printf 'id\tfile\tsource\nk\ta.txt\tP\nk\ta.txt\tQ\n' >"$T/m/manifest.tsv"
expect 1 "m/manifest.tsv:3: duplicate id \"k\"" "$SLANT" sentences "$T/m"
printf 'file\tsource\na.txt\tP\n../plain.txt\tQ\n' >"$T/m/manifest.tsv"
expect 1 "m/manifest.tsv:3:1: article path \"../plain.txt\" leaves the corpus folder" "$SLANT" sentences "$T/m"
expect 1 "m/manifest.tsv:3:1:" "$SLANT" clean "$T/m"

# ---- usage errors: exit 2 ----
expect 2 "give at least one CORPUS or FILE" "$SLANT" sentences
expect 2 "unknown option '--fast'" "$SLANT" sentences --fast "$T/plain.txt"
expect 2 "give at least one CORPUS or FILE" "$SLANT" clean --show
expect 2 "--rules needs a FILE" "$SLANT" clean --rules
expect 0 "usage: slant sentences" "$SLANT" help sentences
expect 0 "usage: slant clean" "$SLANT" clean --help

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "ingest: ok"
