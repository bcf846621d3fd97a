#!/bin/sh
# report_browser.sh - open the fixture's report.html in headless Chromium
# (issue 6, "Checked in a real browser"): the DOM must hold the SVG charts,
# legends, error bars and highlighted words; the page must not fetch
# anything from the network nor log a console error; a PNG screenshot is
# saved to the build folder for people to look at.
#
# The report is written by the unit-test binary (test_report, case
# "export", SLANT_REPORT_OUT=DIR) from tests/fixtures/report-sample.json,
# so this test does not depend on the analysis stage.
#
# No network, twice over: the page is checked with its Content-Security-
# Policy removed (so a stray URL would really be requested) while Chromium's
# resolver maps every host to NOTFOUND (so nothing leaves the machine), and
# the net log must show no request but Chromium's own service pings.
# Skipped (exit 0, with a message) when chromium is not installed.
set -eu

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
    echo "report_browser: $CHROMIUM not found; skipped (install it with: apt-get install chromium)"
    exit 0
fi
BUILD_DIR=$(dirname "$SLANT")
TEST_BIN="$BUILD_DIR/tests/test_report"
if [ ! -x "$TEST_BIN" ]; then
    echo "report_browser: $TEST_BIN is not built (run make check)"
    exit 1
fi

WORK=$(mktemp -d)
PROFILE=$(mktemp -d)
trap 'rm -rf "$WORK" "$PROFILE"' EXIT INT TERM
fail() {
    echo "report_browser: FAILED: $*"
    exit 1
}

SLANT_REPORT_OUT="$WORK/report" CK_RUN_CASE=export CK_FORK=no "$TEST_BIN" >"$WORK/test.log" 2>&1 ||
    { cat "$WORK/test.log"; fail "could not write the fixture report"; }
HTML="$WORK/report/report.html"
[ -s "$HTML" ] || fail "no report.html written"

# 1. Nothing in the page points outside it.
if grep -Eion '(src|href|action|xlink:href|srcset|poster|data)[[:space:]]*=[[:space:]]*["'\'']?[[:space:]]*(https?:)?//' "$HTML" >"$WORK/urls"; then
    cat "$WORK/urls"
    fail "report.html refers to an external resource"
fi
if grep -Eiq '@import|url\([[:space:]]*["'\'']?(https?:)?//|<link[^>]+rel=["'\'']?stylesheet|<script[^>]+src=' "$HTML"; then
    fail "report.html imports an external style, font or script"
fi

chromium() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --no-default-browser-check \
        --disable-extensions --disable-default-apps --disable-domain-reliability \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$PROFILE" "$@"
}

# 2. The DOM as Chromium built it, and the console.
chromium --enable-logging=stderr --v=0 --dump-dom "file://$HTML" >"$WORK/dom.html" 2>"$WORK/chromium.log" ||
    { tail -n 20 "$WORK/chromium.log"; fail "chromium --dump-dom failed"; }
[ -s "$WORK/dom.html" ] || fail "chromium dumped an empty DOM"
if grep -E 'CONSOLE|Uncaught|Refused to|violates the following Content Security Policy' "$WORK/chromium.log" >"$WORK/console"; then
    cat "$WORK/console"
    fail "the page logged console messages (errors or blocked loads)"
fi
need() { # need COUNT PATTERN WHAT
    n=$(grep -Eo "$2" "$WORK/dom.html" | wc -l)
    [ "$n" -ge "$1" ] || fail "DOM has $n of $3 (expected at least $1)"
}
for chart in tone loaded stance frames residuals naming; do
    need 1 "<svg class=\"chart $chart\"" "the $chart chart"
done
need 8 'class="legend"' "chart legends"
need 10 'class="errbar"' "error bars"
need 9 '<mark class="fam-loaded' "loaded-language highlights"
need 1 '<mark class="fam-attrib attrib-loaded' "loaded attribution highlights"
need 17 'class="s( q)?" id="s-' "sentence anchors"
need 3 '<span class="spk">' "speaker labels on quotes"
need 1 'id="method"' "the methodology section"
grep -q 'href="#s-pl-summit-2"' "$WORK/dom.html" || fail "no link from the evidence to sentence pl-summit-2"

# 3. Requests: with the CSP removed, only Chromium's own service pings may appear in the net log.
sed 's|<meta http-equiv="Content-Security-Policy"[^>]*>||' "$HTML" >"$WORK/report/nocsp.html"
chromium --log-net-log="$WORK/net.json" --dump-dom "file://$WORK/report/nocsp.html" >/dev/null 2>&1 ||
    fail "chromium (net log run) failed"
[ -s "$WORK/net.json" ] || fail "chromium wrote no net log"
grep -o '"url":"[a-z]*://[^/"]*' "$WORK/net.json" | sed 's/^"url":"//' | sort -u >"$WORK/hosts"
if grep -Ev '^(https?://(update\.googleapis\.com|accounts\.google\.com|clients[0-9]*\.google\.com|redirector\.gvt1\.com|[a-z0-9-]*\.gvt1\.com|optimizationguide-pa\.googleapis\.com|safebrowsing[a-z0-9-]*\.googleapis\.com|content-autofill\.googleapis\.com)|file://|data:|chrome://|chrome-extension://|about:)' \
    "$WORK/hosts" >"$WORK/foreign"; then
    cat "$WORK/foreign"
    fail "the page requested something from the network"
fi

# 4. A screenshot for people to look at.
SHOT="$BUILD_DIR/report-browser.png"
chromium --hide-scrollbars --window-size=1200,2600 --screenshot="$SHOT" "file://$HTML" >/dev/null 2>&1 ||
    fail "chromium --screenshot failed"
size=$(wc -c <"$SHOT")
[ "$size" -gt 20000 ] || fail "screenshot $SHOT is only $size bytes"
echo "report_browser: ok (charts, marks and anchors in the DOM, no console errors, no requests; screenshot $SHOT)"
