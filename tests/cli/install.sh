#!/bin/sh
# `make install PREFIX=... DESTDIR=...` puts the command, library, headers
# and lexicons where they belong, and the installed command finds its
# lexicons there.
set -eu
: "${SLANT:?}" "${SRCDIR:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
build=$(dirname "$SLANT")
make -s -C "$SRCDIR" install BUILD="${build#"$SRCDIR"/}" PREFIX=/opt/slant DESTDIR="$tmp" >"$tmp/log" 2>&1 || {
    cat "$tmp/log"; exit 1; }
root="$tmp/opt/slant"
for f in bin/slant lib/libslant.a include/slant/text.h include/slant/report.h \
         share/slant/lexicons/default.set share/slant/lexicons/clean.rules \
         share/slant/lexicons/tone-base.lex share/slant/lexicons/LICENSE-vader.txt; do
    [ -e "$root/$f" ] || { echo "missing after install: $f"; exit 1; }
done
"$root/bin/slant" --version | grep -q '^slant ' || { echo "installed slant does not run"; exit 1; }
SLANT_LEXICONS="$root/share/slant/lexicons" "$root/bin/slant" lexicon stats >/dev/null
echo "install: command, library, headers and lexicons in place"
