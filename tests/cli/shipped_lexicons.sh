#!/bin/sh
# tests/cli/shipped_lexicons.sh - the contracts of the shipped lexicons that
# `slant lexicon check` cannot see: tone-base.lex is exactly what
# scripts/make-tone-base.sh makes and loads the same entries as
# `slant lexicon import --from vader`; the must-list of loaded terms, the
# frame sizes, the category labels, the reasons in tone-news.lex and the
# order of default.set are as lexicons/README.md documents them.
set -eu
: "${SLANT:?set SLANT to the slant binary}"
: "${SRCDIR:?set SRCDIR to the repository root}"
SHARED="$SRCDIR/../shared"
L="$SRCDIR/lexicons"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# Entries of a lexicon as "term<TAB>weight(4 decimals)<TAB>case?", one per
# (term, case) with the last line winning, sorted: comparable across writers.
entries() {
    LC_ALL=C awk -F'\t' '
        /^[ \t]*#/ || /^[ \t]*$/ || /^@[A-Za-z]/ { next }
        {
            c = ($4 ~ /(^| )case( |$)/) ? "case" : ""
            k = $1 "\t" c
            if (!(k in w)) order[n++] = k
            w[k] = sprintf("%.4f", $3 == "" ? 1 : $3)
        }
        END { for (i = 0; i < n; i++) { split(order[i], p, "\t"); print p[1] "\t" w[order[i]] "\t" p[2] } }
    ' "$1" | LC_ALL=C sort
}

# ---- tone-base.lex: reproducible, and the same entries as the importer ----
if [ -f "$SHARED/lexicons/vader_lexicon.txt" ]; then
    (cd "$SRCDIR" && sh scripts/make-tone-base.sh "$SHARED/lexicons/vader_lexicon.txt") >"$T/tb.lex" ||
        fail "make-tone-base.sh failed"
    cmp -s "$T/tb.lex" "$L/tone-base.lex" ||
        fail "lexicons/tone-base.lex differs from scripts/make-tone-base.sh output (regenerate it)"
    "$SLANT" lexicon import --from vader "$SHARED/lexicons/vader_lexicon.txt" -o "$T/imp.lex" 2>/dev/null ||
        fail "import --from vader failed"
    entries "$T/imp.lex" >"$T/imp.ent"
    entries "$L/tone-base.lex" >"$T/tb.ent"
    if ! cmp -s "$T/imp.ent" "$T/tb.ent"; then
        fail "tone-base.lex and import --from vader load different entries:"
        diff "$T/imp.ent" "$T/tb.ent" | head -20
    fi
    n=$(wc -l <"$T/tb.ent" | tr -d ' ')
    [ "$n" -eq 7506 ] || fail "tone-base.lex: $n entries, want 7506 (7520 VADER lines less 14 repeats)"
    grep -q "$(printf '^good\ttone\t0.4750$')" "$L/tone-base.lex" || fail "tone-base: good != 1.9/4"
    grep -q "Copyright (c) 2016 C.J. Hutto" "$L/tone-base.lex" || fail "tone-base: MIT notice missing"
fi
cmp -s "$L/LICENSE-vader.txt" "$SHARED/lexicons/vader_LICENSE.txt" 2>/dev/null ||
    [ ! -f "$SHARED/lexicons/vader_LICENSE.txt" ] || fail "LICENSE-vader.txt is not VADER's licence"

# ---- every shipped file names itself, its source and its licence ----
for f in "$L"/*.lex; do
    for d in lexicon version language source license description; do
        grep -q "^@$d[ 	]" "$f" || fail "$(basename "$f"): no @$d"
    done
done

# ---- loaded.lex: the must-list the demo corpus relies on ----
for t in regime thugs puppet farcical rabid phony slammed "lashed out" brazen reckless sham \
    stooge 'warmonger\*' propaganda lackey aggressor bullying hysteria tantrum disgraceful \
    outrageous shameful ploy 'grovel\*' 'capitulat\*'; do
    grep -q "^$t	loaded	" "$L/loaded.lex" || fail "loaded.lex lacks '$t'"
done
n=$(grep -c '	loaded	' "$L/loaded.lex")
[ "$n" -ge 400 ] || fail "loaded.lex: $n entries, want >= 400"

# ---- frames.lex: eight labelled categories of at least 40 terms ----
for c in economy security diplomacy conflict history law domestic identity; do
    n=$(grep -c "	frame\.$c\(	\|$\)" "$L/frames.lex")
    [ "$n" -ge 40 ] || fail "frame.$c: $n terms, want >= 40"
    grep -q "^@category frame\.$c " "$L/frames.lex" || fail "frame.$c has no @category label"
done

# ---- targets and naming: every category has a display label ----
for f in targets naming; do
    for c in $(LC_ALL=C awk -F'\t' '!/^[#@]/ && NF >= 2 { print $2 }' "$L/$f.lex" | sort -u); do
        grep -q "^@category $c " "$L/$f.lex" || fail "$f.lex: $c has no @category label"
    done
done
# naming entries say whose label they are
n=$(LC_ALL=C awk -F'\t' '!/^[#@]/ && NF >= 2 && $4 !~ /side=/' "$L/naming.lex" | grep -c . || true)
[ "$n" -eq 0 ] || fail "naming.lex: $n entries without side="

# ---- tone-news.lex: at least 80 entries, each with its reason ----
n=$(grep -c '	tone	' "$L/tone-news.lex")
[ "$n" -ge 80 ] || fail "tone-news.lex: $n entries, want >= 80"
n=$(LC_ALL=C awk -F'\t' '!/^[#@]/ && NF >= 2 && $0 !~ /\t# /' "$L/tone-news.lex" | grep -c . || true)
[ "$n" -eq 0 ] || fail "tone-news.lex: $n entries without a # reason"

# ---- the seed aliases that need `case` have it ----
for a in US Abe Xi Trump UN; do
    grep -q "^$a	target\.[a-z_]*	1	case" "$L/targets.lex" || fail "targets.lex: '$a' is not case-sensitive"
done

# ---- default.set: the documented order (other layers may sit between) ----
grep -v '^#' "$L/default.set" | grep . >"$T/set"
while read -r f; do
    [ -f "$L/$f" ] || fail "default.set lists $f, which does not exist"
done <"$T/set"
prev=0
for f in tone-base.lex tone-news.lex rules.lex loaded.lex hedges.lex attribution.lex \
    acts.lex frames.lex targets.lex naming.lex; do
    n=$(grep -n -x "$f" "$T/set" | cut -d: -f1)
    if [ -z "$n" ]; then fail "default.set lacks $f"; continue; fi
    [ "$n" -gt "$prev" ] || fail "default.set: $f is out of the documented order"
    prev=$n
done

if [ "$fails" -ne 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
echo "shipped lexicons: all contracts hold"
