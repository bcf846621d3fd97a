#!/bin/sh
# tests/cli/tune.sh - `slant lexicon coverage|suggest|diff` end to end on
# corpora written here: coverage figures that can be counted by hand (the
# same two sources as test_coverage_by_hand in tests/unit/test_tune.c),
# suggest on a generated corpus with planted words, diff of two sets that
# differ by one entry; usage errors exit 2, bad input exits 1.
set -eu
: "${SLANT:?set SLANT to the slant binary}"
: "${SRCDIR:?set SRCDIR to the repository root}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

run() {
    set +e
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    set -e
    out=$(cat "$T/out")
    err=$(cat "$T/err")
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "$2: exit $rc, want $1; stderr: $err"; }
expect_in() { # expect_in WHAT TEXT FRAGMENT
    case "$2" in *"$3"*) ;; *) fail "$1 lacks '$3'; got: $(printf '%s' "$2" | head -c 1500)" ;; esac
}

# ---- coverage ----
printf '%s\n' '@lexicon tune-test' 'good	tone	0.5' 'peace	tone	0.3' 'peace treaty	frame.diplomacy' \
    'Arland	target.arland	1	case' >"$T/test.lex"
cat >"$T/corpus.jsonl" <<'EOF'
{"id": "a1", "source": "A", "text": "The good peace treaty was signed. Arland agreed."}
{"id": "b1", "source": "B", "text": "Signed, signed, signed. Good."}
EOF
run "$SLANT" lexicon coverage "$T/corpus.jsonl" --lexicon "$T/test.lex" --min-count 1
expect_rc 0 "coverage"
# A: 4 of 8 words covered, tone 2 of 8, frame 2 of 8; B: 1 of 4
expect_in "coverage json" "$out" '"words": 12'
expect_in "coverage json" "$out" '"share": 0.5'
expect_in "coverage json" "$out" '"share": 0.25'
expect_in "coverage json" "$out" '"frame.diplomacy"'
expect_in "coverage json" "$out" '"term": "agreed"'
expect_in "coverage json" "$out" '"log_ratio": 2.58496'
case "$out" in *'"term": "the"'*) fail "coverage lists a stopword" ;; esac
run "$SLANT" lexicon coverage "$T/corpus.jsonl" --lexicon "$T/test.lex" --min-count 1 --format table
expect_rc 0 "coverage table"
expect_in "coverage table" "$out" "A: 1 articles, 8 words, 50.0% covered"
expect_in "coverage table" "$out" "signed (3)"
# the demo corpus with the default lexicons runs and names every source
run "$SLANT" lexicon coverage "$SRCDIR/corpus" --format table
expect_rc 0 "coverage of the demo corpus"
expect_in "coverage demo" "$out" "covered by some lexicon entry"

# ---- suggest: planted words beside positive or negative seeds ----
awk 'BEGIN {
    srand(7);
    split("splendid superb lovely delightful", P, " "); split("dreadful horrid awful ghastly", N, " ");
    split("zorblit quenfar", PP, " "); split("grimzol vextor", NP, " ");
    split("table river paper window garden street music letter market station village bridge harbour forest engine winter summer office school doctor", F, " ");
    for (d = 0; d < 60; d++) {
        text = "";
        for (s = 0; s < 20; s++) {
            pos = (s % 2 == 0);
            w[1] = pos ? P[int(rand() * 4) + 1] : N[int(rand() * 4) + 1];
            w[2] = pos ? P[int(rand() * 4) + 1] : N[int(rand() * 4) + 1];
            w[3] = pos ? PP[int(rand() * 2) + 1] : NP[int(rand() * 2) + 1];
            for (f = 4; f <= 8; f++) w[f] = F[int(rand() * 20) + 1];
            for (k = 8; k > 1; k--) { r = int(rand() * k) + 1; t = w[k]; w[k] = w[r]; w[r] = t }
            line = toupper(substr(w[1], 1, 1)) substr(w[1], 2);
            for (k = 2; k <= 8; k++) line = line " " w[k];
            text = text line ".\\n\\n";
        }
        printf "{\"id\": \"d%d\", \"source\": \"S%d\", \"text\": \"%s\"}\n", d, d % 2, text;
    }
}' >"$T/synthetic.jsonl"
printf '# positive seeds\nsplendid\nsuperb\nlovely\ndelightful\n' >"$T/pos.txt"
printf 'dreadful\nhorrid\nawful\nghastly\n' >"$T/neg.txt"
printf '@lexicon empty\nzzzz\ttone\t0\n' >"$T/empty.lex"
run "$SLANT" lexicon suggest "$T/synthetic.jsonl" --seed-positive "$T/pos.txt" --seed-negative "$T/neg.txt" \
    --lexicon "$T/empty.lex" --dims 10 --top 2
expect_rc 0 "suggest"
top_pos=$(printf '%s\n' "$out" | sed -n '/^# positive/,/^$/p' | grep '^#?' | cut -f1 | sed 's/^#?//' | sort | tr '\n' ' ')
top_neg=$(printf '%s\n' "$out" | sed -n '/^# negative/,$p' | grep '^#?' | cut -f1 | sed 's/^#?//' | sort | tr '\n' ' ')
[ "$top_pos" = "quenfar zorblit " ] || fail "suggest: top positive candidates are '$top_pos'"
[ "$top_neg" = "grimzol vextor " ] || fail "suggest: top negative candidates are '$top_neg'"
expect_in "suggest stderr" "$err" "total"
# an accepted line is a valid lexicon entry
printf '%s\n' "$out" | grep '^#?' | head -1 | sed 's/^#?//' >"$T/accepted.lex"
run "$SLANT" lexicon check "$T/accepted.lex"
expect_rc 0 "suggested line passes check"
# the same input gives the same bytes
run "$SLANT" lexicon suggest "$T/synthetic.jsonl" --seed-positive "$T/pos.txt" --seed-negative "$T/neg.txt" \
    --lexicon "$T/empty.lex" --dims 10 --top 2 --format json
expect_rc 0 "suggest json"
cp "$T/out" "$T/s1.json"
run "$SLANT" lexicon suggest "$T/synthetic.jsonl" --seed-positive "$T/pos.txt" --seed-negative "$T/neg.txt" \
    --lexicon "$T/empty.lex" --dims 10 --top 2 --format json
cmp -s "$T/out" "$T/s1.json" || fail "suggest is not deterministic"
expect_in "suggest json" "$out" '"svd": "randomized"'
printf 'nosuchword\n' >"$T/missing.txt"
run "$SLANT" lexicon suggest "$T/synthetic.jsonl" --seed-positive "$T/missing.txt" --seed-negative "$T/neg.txt" --lexicon "$T/empty.lex"
expect_rc 1 "suggest with no seed in the corpus"
expect_in "suggest missing seeds" "$err" "no positive seed word"
run "$SLANT" lexicon suggest "$T/synthetic.jsonl" --seed-positive "$T/pos.txt"
expect_rc 2 "suggest without negative seeds"
run "$SLANT" lexicon suggest "$T/synthetic.jsonl" --seed-positive "$T/nope.txt" --seed-negative "$T/neg.txt"
expect_rc 1 "suggest with a missing seed file"

# ---- diff: one loaded entry added ----
cat >"$T/diffcorpus.jsonl" <<'EOF'
{"id": "a1", "source": "A", "text": "The deal is a sham. Critics call the sham talks useless."}
{"id": "b1", "source": "B", "text": "The deal is good. Talks continue."}
EOF
printf '%s\n' '@lexicon base' 'good	tone	0.5' 'useless	tone	-0.4' 'regime	loaded	2' >"$T/base.lex"
{ cat "$T/base.lex"; printf 'sham\tloaded\t2\n'; } >"$T/new.lex"
printf 'base.lex\n' >"$T/base.set"
printf 'new.lex\n' >"$T/new.set"
run "$SLANT" lexicon diff --base "$T/base.set" --new "$T/new.set" "$T/diffcorpus.jsonl"
expect_rc 0 "diff"
expect_in "diff json" "$out" '"entries_changed": 1'
expect_in "diff json" "$out" '"term": "sham"'
expect_in "diff json" "$out" '"change": 181.818'
run "$SLANT" lexicon diff --base "$T/base.set" --new "$T/new.set" "$T/diffcorpus.jsonl" --format table
expect_rc 0 "diff table"
expect_in "diff table" "$out" "1 entry differ"
expect_in "diff table" "$out" "loaded.outlet.per_1000"
expect_in "diff table" "$out" "B: 0 figures change"
run "$SLANT" lexicon diff --base "$T/base.set" "$T/diffcorpus.jsonl"
expect_rc 2 "diff without --new"
run "$SLANT" lexicon diff --base "$T/base.set" --new "$T/nope.set" "$T/diffcorpus.jsonl"
expect_rc 1 "diff with a missing set"

if [ "$fails" -ne 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
echo "tune: all passed"
