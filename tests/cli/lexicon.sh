#!/bin/sh
# tests/cli/lexicon.sh - `slant lexicon check|stats|import` end to end, and
# `slant lexicon check` on every shipped lexicon and on lexicons/default.set.
set -eu
: "${SLANT:?set SLANT to the slant binary}"
: "${SRCDIR:?set SRCDIR to the repository root}"
SHARED="$SRCDIR/../shared"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# run CMD...: sets $rc, $out (stdout) and $err (stderr)
run() {
    set +e
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    set -e
    out=$(cat "$T/out")
    err=$(cat "$T/err")
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "$2: exit $rc, want $1; stderr: $err"; }
expect_in() { # expect_in WHERE TEXT WHAT
    case "$2" in *"$3"*) ;; *) fail "$1 lacks '$3'; got: $2" ;; esac
}

# ---- every shipped lexicon and the default set pass check ----
for f in "$SRCDIR"/lexicons/*.lex "$SRCDIR"/lexicons/default.set; do
    [ -f "$f" ] || continue
    run "$SLANT" lexicon check -q "$f"
    expect_rc 0 "check $(basename "$f")"
    [ "$rc" -eq 0 ] || echo "$err"
    expect_in "check $(basename "$f")" "$out" ": ok, "
done

# ---- a good file ----
printf '@lexicon good\n@version 1\ngood\ttone\t0.5\nUS\ttarget.usa\t1\tcase\n' >"$T/good.lex"
run "$SLANT" lexicon check "$T/good.lex"
expect_rc 0 "check good.lex"
expect_in "check good.lex" "$out" "good.lex: ok, 2 entries, 0 warnings, hash "

# ---- every bad line is reported as file:line:col: message; exit 1 ----
printf 'good\n\ttone\nw\tbogus\nw\ttone\tnan\nw\ttone\t1e308\nw\ttone\t1\tcasey\n@nope x\nb\377d\ttone\nfine\ttone\t0.1\n' >"$T/bad.lex"
run "$SLANT" lexicon check "$T/bad.lex"
expect_rc 1 "check bad.lex"
expect_in "bad.lex errors" "$err" "bad.lex:1:5: missing category"
expect_in "bad.lex errors" "$err" "bad.lex:2:1: empty term"
expect_in "bad.lex errors" "$err" "bad.lex:3:3: unknown category family 'bogus'"
expect_in "bad.lex errors" "$err" "bad.lex:4:8: weight 'nan' is not a finite number"
expect_in "bad.lex errors" "$err" "bad.lex:5:8: weight '1e308' is out of range"
expect_in "bad.lex errors" "$err" "bad.lex:6:10: unknown option 'casey'"
expect_in "bad.lex errors" "$err" "bad.lex:7:1: unknown directive '@nope'"
expect_in "bad.lex errors" "$err" "bad.lex:8:2: invalid UTF-8"
expect_in "bad.lex summary" "$out" "bad.lex: 8 errors"
# a good file after a bad one is still checked; exit stays 1
run "$SLANT" lexicon check "$T/bad.lex" "$T/good.lex"
expect_rc 1 "check bad+good"
expect_in "check bad+good" "$out" "good.lex: ok"
run "$SLANT" lexicon check "$T/missing.lex"
expect_rc 1 "check missing"
expect_in "check missing" "$err" "missing.lex: cannot open"

# ---- warnings: duplicates in a file; overrides and conflicts in a set ----
printf '@lexicon base\ngood\ttone\t0.5\nbad\ttone\t-0.5\nbad\ttone\t-0.5\nwar\ttone\t-0.7\n' >"$T/base.lex"
printf '@lexicon news\ngood\ttone\t0.5\nbad\ttone\t-0.25\nnot good\ttone\t-0.4\nnegotiat*\tframe.diplomacy\nwar\tframe.conflict\n' >"$T/news.lex"
printf 'base.lex\nnews.lex\n' >"$T/two.set"
run "$SLANT" lexicon check "$T/base.lex"
expect_rc 0 "check base.lex"
expect_in "duplicate warning" "$err" "base.lex:4: duplicate: \"bad\" (tone) is also on line 3"
run "$SLANT" lexicon check -q "$T/base.lex"
[ -z "$err" ] || fail "-q still prints warnings: $err"
run "$SLANT" lexicon check "$T/two.set"
expect_rc 0 "check two.set"
expect_in "override warning" "$err" "news.lex:2: override: \"good\" (tone) repeats"
expect_in "conflict warning" "$err" "news.lex:3: conflict: \"bad\" (tone) weight -0.25 overrides -0.5"

# ---- stats ----
run "$SLANT" lexicon stats --lexicon "$T/base.lex" --lexicon "$T/news.lex"
expect_rc 0 "stats"
# 4 + 5 read, 2 replaced across layers, 1 duplicate inside base.lex
expect_in "stats" "$out" "lexicon set: 2 layers, 6 entries"
echo "$out" | grep -Eq '^1 +base +- +4 +0 +0 +1 ' || fail "stats layer row 1: $out"
echo "$out" | grep -Eq '^2 +news +- +5 +1 +1 +0 ' || fail "stats layer row 2: $out"
echo "$out" | grep -Eq '^tone +4 +1 +0 +0 ' || fail "stats tone row: $out"
echo "$out" | grep -Eq '^frame.diplomacy +1 +0 +1 +0 ' || fail "stats frame row: $out"
echo "$out" | grep -Eq '^total +6 +1 +1 +0$' || fail "stats total row: $out"
# "war" is tone in base and frame in news: an overlap, not an override
echo "$out" | grep -Eq '^ +base +news +1$' || fail "stats overlap row: $out"
run "$SLANT" lexicon stats --set "$T/two.set"
expect_rc 0 "stats --set"
expect_in "stats --set" "$out" "lexicon set: 2 layers, 6 entries"
# the same set gives the same hash by either route
h1=$("$SLANT" lexicon stats --set "$T/two.set" | sed -n '1s/.*hash //p')
h2=$("$SLANT" lexicon stats --lexicon "$T/base.lex" --lexicon "$T/news.lex" | sed -n '1s/.*hash //p')
[ -n "$h1" ] && [ "$h1" = "$h2" ] || fail "hash differs: '$h1' vs '$h2'"
if [ -f "$SRCDIR/lexicons/default.set" ]; then
    run env SLANT_LEXICONS="$SRCDIR/lexicons" "$SLANT" lexicon stats -q
    expect_rc 0 "stats (default set)"
    expect_in "stats default" "$out" "lexicon set: "
fi
run "$SLANT" lexicon stats --lexicon "$T/bad.lex"
expect_rc 1 "stats on a bad lexicon"
expect_in "stats bad" "$err" "bad.lex:1:5: missing category"

# ---- import ----
if [ -f "$SHARED/lexicons/vader_lexicon.txt" ]; then
    run "$SLANT" lexicon import --from vader "$SHARED/lexicons/vader_lexicon.txt" -o "$T/vader.lex"
    expect_rc 0 "import vader"
    expect_in "import vader" "$err" "imported 7520 entries"
    grep -q "$(printf '^good\ttone\t0.475$')" "$T/vader.lex" || fail "vader: good != 1.9/4"
    run "$SLANT" lexicon check -q "$T/vader.lex"
    expect_rc 0 "check imported vader"
fi
if [ -f "$SHARED/lexicons/AFINN-en-165.txt" ]; then
    run "$SLANT" lexicon import --from afinn "$SHARED/lexicons/AFINN-en-165.txt" --name afinn --category tone
    expect_rc 0 "import afinn to stdout"
    expect_in "import afinn" "$out" "@lexicon afinn"
    expect_in "import afinn" "$out" "$(printf 'does not work\ttone\t-0.6')"
fi
run "$SLANT" lexicon import --from liwc "$SRCDIR/tests/fixtures/small.dic" --category frame -o "$T/small.lex"
expect_rc 0 "import liwc"
expect_in "import liwc" "$err" "small.dic:15:8: category '9' of 'boss' is not in the header"
expect_in "import liwc" "$err" "imported 11 entries"
grep -q "$(printf '^abandon\\*\tframe.negemo$')" "$T/small.lex" || fail "liwc: abandon* missing"
run "$SLANT" lexicon check "$T/small.lex"
expect_rc 0 "check imported liwc"
printf 'good 1.9\n' >"$T/nottab.txt"
run "$SLANT" lexicon import --from vader "$T/nottab.txt"
expect_rc 1 "import malformed"
expect_in "import malformed" "$err" "nottab.txt:1:9: expected term<TAB>"

# ---- usage errors exit 2; help exits 0 ----
run "$SLANT" lexicon
expect_rc 2 "no subcommand"
run "$SLANT" lexicon frobnicate
expect_rc 2 "unknown subcommand"
run "$SLANT" lexicon check
expect_rc 2 "check without files"
run "$SLANT" lexicon import --from csv x
expect_rc 2 "unknown import format"
run "$SLANT" lexicon import --from vader
expect_rc 2 "import without FILE"
run "$SLANT" lexicon stats --lexicon
expect_rc 2 "stats --lexicon without value"
run "$SLANT" help lexicon
expect_rc 0 "help lexicon"
expect_in "help lexicon" "$out" "slant lexicon check"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "lexicon.sh: all passed"
