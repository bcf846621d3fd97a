#!/bin/sh
# bad_inputs.sh - run the bad-input catalogue tests/bad/cases.tsv: each case
# must exit with its code and print its message fragment (see the file's
# header for the format). Cases are added by appending rows.
# BAD_ONLY=REGEX runs only the cases whose name matches (grep -E).
set -eu
BAD="$SRCDIR/tests/bad"
export SLANT BAD SRCDIR
pass=0
fail=0
tab=$(printf '\t')
while IFS="$tab" read -r name code fragment cmd; do
    case "$name" in '' | '#'* | name) continue ;; esac
    if [ -n "${BAD_ONLY:-}" ] && ! printf '%s\n' "$name" | grep -qE -- "$BAD_ONLY"; then continue; fi
    TMP=$(mktemp -d)
    export TMP
    set +e
    out=$(cd "$TMP" && sh -c "$cmd" 2>&1)
    rc=$?
    set -e
    rm -rf "$TMP"
    ok=1
    [ "$rc" = "$code" ] || ok=0
    if [ "$fragment" != "-" ]; then
        printf '%s\n' "$out" | grep -qF -- "$fragment" || ok=0
    fi
    if [ "$ok" = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: exit $rc (expected $code), output:"
        printf '%s\n' "$out" | head -c 2000 | sed 's/^/    /'
        echo "    expected fragment: $fragment"
    fi
done <"$BAD/cases.tsv"
echo "bad inputs: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
