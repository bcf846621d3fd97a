#!/bin/sh
# eval.sh - `slant eval` on tiny hand-computed gold files (tests/fixtures/
# *_gold.*, worked out in tests/unit/test_eval.c), `slant explain` in plain
# text, and the accuracy floors on the shared development sets (skipped when
# ../shared is absent).
set -eu
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FIX="$SRCDIR/tests/fixtures"
fail=0
check() { # file fragment what
    if ! grep -qF -- "$2" "$1"; then
        echo "FAIL: $3: expected '$2' in:"
        sed 's/^/    /' "$1" | head -40
        fail=1
    fi
}

# the lexicon of tests/unit/test_eval.c
printf '%s\n' '@lexicon eval-test' \
    "good	tone	0.475" "bad	tone	-0.625" "criticized	tone	-0.35" \
    "not	rule.negator" "was	rule.passive_aux" "is	rule.passive_aux" "by	rule.agent" \
    "while	rule.clause_break" "praised	act.supportive	1" "criticized	act.hostile	-1" \
    "regime	loaded	2" "Kestria	target.kestria	1	case" "Kestrian	target.kestria	1	case" \
    "Veldor	target.veldor	1	case" >"$TMP/test.lex"

"$SLANT" eval --task tone --gold "$FIX/tone_gold.tsv" --lexicon "$TMP/test.lex" >"$TMP/tone.json"
check "$TMP/tone.json" '"n": 5' "tone n"
check "$TMP/tone.json" '"pearson_r": 0.95691' "tone Pearson r"
check "$TMP/tone.json" '"spearman_r": 1' "tone Spearman"
check "$TMP/tone.json" '"f1_3class": 1' "tone 3-class F1"
check "$TMP/tone.json" '"pearson_ci"' "tone bootstrap interval"

"$SLANT" eval --task stance --gold "$FIX/stance_gold.jsonl" --lexicon "$TMP/test.lex" >"$TMP/stance.json"
check "$TMP/stance.json" '"n": 6' "stance n"
check "$TMP/stance.json" '"macro_f1": 0.533333' "stance macro-F1"
check "$TMP/stance.json" '"confusion"' "stance confusion matrix"

"$SLANT" eval --task loaded --gold "$FIX/loaded_gold.jsonl" --lexicon "$TMP/test.lex" >"$TMP/loaded.json"
check "$TMP/loaded.json" '"precision": 0.5' "loaded precision"
check "$TMP/loaded.json" '"recall": 0.25' "loaded recall"
check "$TMP/loaded.json" '"f1": 0.333333' "loaded F1"
check "$TMP/loaded.json" '"f1": 0.8' "loaded sentence-level F1"

"$SLANT" eval --task stance --gold "$FIX/stance_gold.jsonl" --lexicon "$TMP/test.lex" \
    --format table >"$TMP/table.txt"
check "$TMP/table.txt" "macro-F1 0.533" "table format"

# the same seed gives the same interval
"$SLANT" eval --task tone --gold "$FIX/tone_gold.tsv" --lexicon "$TMP/test.lex" --seed 7 >"$TMP/a.json"
"$SLANT" eval --task tone --gold "$FIX/tone_gold.tsv" --lexicon "$TMP/test.lex" --seed 7 >"$TMP/b.json"
cmp -s "$TMP/a.json" "$TMP/b.json" || { echo "FAIL: same seed, different output"; fail=1; }

# usage and input errors
set +e
"$SLANT" eval --gold "$FIX/tone_gold.tsv" >/dev/null 2>"$TMP/err"; rc=$?
[ "$rc" = 2 ] || { echo "FAIL: missing --task should exit 2, got $rc"; fail=1; }
printf '1\tnope\ttext\n2\talso\tbad\n' >"$TMP/bad.tsv"
"$SLANT" eval --task tone --gold "$TMP/bad.tsv" --lexicon "$TMP/test.lex" >/dev/null 2>"$TMP/err"; rc=$?
set -e
[ "$rc" = 1 ] || { echo "FAIL: a bad rating should exit 1, got $rc"; fail=1; }
check "$TMP/err" "bad.tsv:2" "error names file and line"

# explain: plain text when stdout is not a terminal
printf 'Veldor criticized Kestria. The plan is not good.\n' >"$TMP/a.txt"
NO_COLOR=1 "$SLANT" explain "$TMP/a.txt" --lexicon "$TMP/test.lex" >"$TMP/explain.txt"
check "$TMP/explain.txt" "[criticized]{" "explain marks hits"
check "$TMP/explain.txt" "patient" "explain names the stance cue"
check "$TMP/explain.txt" "negated" "explain names the tone rule"
if grep -q "$(printf '\033')" "$TMP/explain.txt"; then echo "FAIL: colour codes with NO_COLOR"; fail=1; fi

# accuracy floors on the development sets, with the default lexicon set
EVAL="$SRCDIR/../shared/eval"
if [ -d "$EVAL" ]; then
    floor() { # json field floor what
        v=$(sed -n "s/.*\"$2\": \\([-0-9.e]*\\).*/\\1/p" "$1" | head -n 1)
        if awk -v v="$v" -v f="$3" 'BEGIN { exit !(v + 0 >= f + 0) }'; then
            echo "$4: $2 = $v (floor $3)"
        else
            echo "FAIL: $4: $2 = $v is below the floor $3"
            fail=1
        fi
    }
    "$SLANT" eval --task tone --gold "$EVAL/sentiment/movie_reviews.tsv" >"$TMP/m.json"
    floor "$TMP/m.json" pearson_r "${FLOOR_MOVIES:-0.45}" "movie reviews"
    "$SLANT" eval --task tone --gold "$EVAL/sentiment/tweets.tsv" >"$TMP/t.json"
    floor "$TMP/t.json" pearson_r "${FLOOR_TWEETS:-0.87}" "tweets"
    "$SLANT" eval --task stance --gold "$EVAL/stance/newsmtsc_train.jsonl" >"$TMP/s.json"
    # The floor for stance is macro-F1 0.60 (measured 0.603 with the
    # further mentions the annotators linked to each target, docs/measures.md).
    floor "$TMP/s.json" macro_f1 "${FLOOR_STANCE:-0.60}" "NewsMTSC stance"
else
    echo "skip: $EVAL absent, floors not checked"
fi
exit $fail
