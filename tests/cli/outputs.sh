#!/bin/sh
# outputs.sh - where -o FILE points at something that is not a regular file
# (a FIFO here; /dev/null on a user's machine), slant writes into it instead
# of renaming a temporary over it: `-o /dev/null` run as root used to replace
# the device with a plain file. Regular files still appear whole or not at all.
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
C="$SRCDIR/corpus"
"$SLANT" score -q --partial -j 1 "$C" -o "$T/ref.part"
for cmd in "score -q --partial -j 1 $C" "score -q $C" "merge $T/ref.part"; do
    mkfifo "$T/fifo"
    timeout 60 cat "$T/fifo" > "$T/got" &  # never hang the suite: a replaced FIFO has no writer
    reader=$!
    # shellcheck disable=SC2086 # the command words split on purpose
    if ! "$SLANT" $cmd -o "$T/fifo"; then echo "FAIL: slant $cmd -o FIFO failed"; fail=1; fi
    wait "$reader" || { echo "FAIL: nothing was written into the FIFO for slant $cmd"; fail=1; }
    [ -p "$T/fifo" ] || { echo "FAIL: slant $cmd -o FIFO replaced the FIFO"; fail=1; }
    [ -s "$T/got" ] || { echo "FAIL: slant $cmd -o FIFO wrote nothing through it"; fail=1; }
    ls "$T" | grep -q '\.tmp\.' && { echo "FAIL: slant $cmd -o FIFO left a temporary"; fail=1; }
    case $cmd in
    score*--partial*|merge*) cmp -s "$T/got" "$T/ref.part" || { echo "FAIL: slant $cmd through a FIFO differs"; fail=1; } ;;
    esac
    rm -f "$T/fifo" "$T/got"
done
# a regular file: written through a temporary, which is gone afterwards
"$SLANT" score -q --partial -j 1 "$C" -o "$T/again.part"
cmp -s "$T/again.part" "$T/ref.part" || { echo "FAIL: -o regular file differs"; fail=1; }
ls "$T" | grep -q '\.tmp\.' && { echo "FAIL: a temporary was left beside a regular -o file"; fail=1; }
[ "$fail" = 0 ] && echo "outputs: ok"
exit "$fail"
