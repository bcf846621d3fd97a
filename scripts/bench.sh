#!/bin/sh
# bench.sh - throughput and memory figures for slant (a benchmark: it
# prints numbers and never fails on them).
#
#   sh scripts/bench.sh [BUILD]        (make bench [BENCH_MB=1000])
#
# Generates (once, under BUILD/bench/dMB/, git-ignored) a deterministic
# news-like corpus of BENCH_MB megabytes from the demo corpus with
# tests/bench/gen.c, then times each case with 1 thread and with all CPUs:
#   score --lines        one text per line (lines.txt)
#   score                the corpus folder, one JSON object per sentence
#   score --partial      the corpus folder (manifest + ~30,000 articles/100 MB)
#   score --partial -    the same articles as JSON Lines on stdin (map step)
#   analyze              ingest, score, statistics and every report file
# and, in the same run on the same bytes, `wc -w`. Printed per case: wall
# and CPU seconds, MB/s (wall and CPU: on a shared machine the CPU figure is
# the stable one), sentences/s, peak RSS (/usr/bin/time), and the ratio of
# slant's wall time to wc -w's.
set -eu
BUILD=${1:-build}
MB=${BENCH_MB:-100}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SLANT="$ROOT/$BUILD/slant"
GEN="$ROOT/$BUILD/bench/gen"
DATA="$ROOT/$BUILD/bench/d$MB"
NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
export SLANT_LEXICONS="${SLANT_LEXICONS:-$ROOT/lexicons}"
[ -x "$SLANT" ] || { echo "bench: $SLANT is not built (run make)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (Debian package time)"; exit 1; }
if [ ! -x "$GEN" ] || [ "$ROOT/tests/bench/gen.c" -nt "$GEN" ]; then
    mkdir -p "$(dirname "$GEN")"
    ${CC:-cc} -std=c11 -O2 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -o "$GEN" "$ROOT/tests/bench/gen.c"
fi
if [ ! -f "$DATA/.done" ] || [ "$GEN" -nt "$DATA/.done" ]; then
    echo "generating $MB MB of news-like text in $DATA ..."
    rm -rf "$DATA"
    "$GEN" "$ROOT/corpus" "$DATA" "$MB" --jsonl
    touch "$DATA/.done"
fi
TMP="$DATA/out"
rm -rf "$TMP"; mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT

ARTICLES=$(($(wc -l < "$DATA/corpus/manifest.tsv") - 1))
BYTES=$(wc -c < "$DATA/lines.txt")
find "$DATA/corpus/articles" -name '*.txt' > "$TMP/files"
CBYTES=$(xargs cat < "$TMP/files" | wc -c)

# run LABEL THREADS BYTES CMD... : time CMD (stdout to /dev/null), print a row
run() {
    label=$1 threads=$2 bytes=$3; shift 3
    if ! /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$@" > /dev/null 2> "$TMP/err"; then
        echo "bench: $label failed:"; cat "$TMP/err"; return 0
    fi
    read -r wall user sys rss < "$TMP/time"
    awk -v l="$label" -v t="$threads" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
        -v sn="$SENTS" -v wc="$WC" 'BEGIN {
        if (w < 0.01) w = 0.01; c = u + s; if (c < 0.01) c = 0.01;
        printf "%-26s %3s %8.2f %8.2f %9.1f %9.1f %10.0f %8.1f %8.2f\n", l, t, w, c,
               b / 1e6 / w, b / 1e6 / c, sn / w, r / 1024, (wc > 0 ? w / wc : 0) }'
    echo "$wall" > "$TMP/last"
}
# threads LABEL BYTES CMD : a row for CMD (a shell command, @J standing for
# the thread count) on 1 thread and on all CPUs, then the speed-up
threads() {
    for j in 1 "$NCPU"; do
        run "$1" "$j" "$2" sh -c "$(printf '%s' "$3" | sed "s/@J/$j/g")"
        [ "$j" = 1 ] && W1=$(cat "$TMP/last")
        [ "$NCPU" = 1 ] && return 0
    done
    awk -v a="$W1" -v b="$(cat "$TMP/last")" -v n="$NCPU" -v l="$1" \
        'BEGIN { printf "  %s: %d threads are %.2fx one thread (wall)\n", l, n, a / b }'
}
# wc -w on the same bytes, after a read that warms the page cache
wc_time() { # FILE-LIST-OR-FILE
    if [ "$1" = list ]; then
        xargs cat < "$TMP/files" > /dev/null
        /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" sh -c "xargs wc -w < '$TMP/files' > /dev/null"
    else
        cat "$1" > /dev/null
        /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" wc -w "$1" > /dev/null
    fi
    read -r wall user sys rss < "$TMP/time"
    echo "$wall"
}

# sentences: counted once from a partial (the same text in every case)
"$SLANT" score -q --partial "$DATA/corpus" -o "$TMP/count.part"
SENTS=$(grep -o '"sentences":[0-9]*' "$TMP/count.part" | awk -F: '{ s += $2 } END { print s + 0 }')
rm -f "$TMP/count.part"

echo
echo "slant benchmark: $MB MB requested; corpus $ARTICLES articles, $CBYTES bytes; lines.txt $BYTES bytes;"
echo "$SENTS sentences; $NCPU CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "(MB/s = 10^6 bytes of article text per second; cpu = user + sys; ratio = slant wall / wc -w wall)"
# Outputs go to /dev/null; in some containers it is a plain file, and then
# every case also pays for writing its output (235 MB for score --lines).
[ -c /dev/null ] || echo "note: /dev/null is not a device here: output writing is included in every figure"
echo
printf "%-26s %3s %8s %8s %9s %9s %10s %8s %8s\n" case thr wall_s cpu_s MB/s_wall MB/s_cpu sent/s_wall rss_MB x_wc-w

WC=$(wc_time "$DATA/lines.txt")
printf "%-26s %3s %8.2f\n" "wc -w lines.txt" 1 "$WC"
threads "score --lines" "$BYTES" "'$SLANT' score --lines -j @J '$DATA/lines.txt'"

WC=$(wc_time list)
printf "%-26s %3s %8.2f\n" "wc -w corpus files" 1 "$WC"
threads "score --partial corpus" "$CBYTES" "'$SLANT' score -q --partial -j @J '$DATA/corpus' -o '$TMP/p.part'"
# the text pipeline alone: cleaning, tokens, sentences, quotes and speakers
run "text pipeline (sentences --count)" 1 "$CBYTES" "$SLANT" sentences --count "$DATA/corpus"
threads "score --partial - (JSONL)" "$CBYTES" "'$SLANT' score -q --partial -j @J - -o '$TMP/s.part' < '$DATA/corpus.jsonl'"
threads "score corpus (sentences)" "$CBYTES" "'$SLANT' score -q -j @J '$DATA/corpus'"
threads "analyze" "$CBYTES" "'$SLANT' analyze -q -j @J '$DATA/corpus' -o '$TMP/r' --force"
echo
echo "peak RSS budget: 256 MB at 1 GB (make bench BENCH_MB=1000)"
exit 0
