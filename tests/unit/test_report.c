/*
 * test_report.c - the report writers on the hand-made fixture
 * tests/fixtures/report-sample.json (3 sources, 2 targets, 3 articles).
 *
 * Expected values are read off the fixture by hand: e.g. The Partisan
 * Ledger has 9 loaded hits in 79 own-voice words and Meridian Wire 1 in 86,
 * rate ratio 9.79747 [1.35761, 429.433], Holm-adjusted p 0.0270119, which
 * the summary prints as "9.8 times ... (95% CI 1.4-429; ... p = 0.027)".
 *
 * When SLANT_REPORT_OUT is set, the test "fixture_to_dir" also writes the
 * fixture's report there (tests/cli/report_browser.sh opens it in Chromium).
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/report_internal.h" /* the view the writer reads report.json back through */
#include "slant/report.h"
#include "testutil.h"

#define FIXTURE SLANT_SRCDIR "/tests/fixtures/report-sample.json"

static json_t *load_fixture(void) {
    json_error_t je;
    json_t *m = json_load_file(FIXTURE, 0, &je);
    ck_assert_msg(m != NULL, "cannot load %s: %s at line %d", FIXTURE, je.text, je.line);
    return m;
}

typedef int (*render_fn)(const json_t *, slant_buf *, slant_error *);

static char *render(render_fn fn, const json_t *m) {
    slant_buf b;
    slant_error err;
    slant_buf_init(&b);
    int rc = fn(m, &b, &err);
    ck_assert_msg(rc == 0, "render failed: %s", err.msg);
    return slant_buf_detach(&b, NULL);
}

static char *render_csv(const json_t *m, int table) {
    slant_buf b;
    slant_error err;
    slant_buf_init(&b);
    ck_assert_int_eq(slant_report_render_csv(m, table, &b, &err), 0);
    return slant_buf_detach(&b, NULL);
}

static size_t count_sub(const char *hay, const char *needle) {
    size_t n = 0, l = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + l, needle)) n++;
    return n;
}

/* A deep copy with every object's keys inserted in reverse order. */
static json_t *reversed(const json_t *v) {
    if (json_is_object(v)) {
        json_t *o = json_object();
        size_t n = json_object_size(v), i = 0;
        const char **keys = malloc(n * sizeof *keys);
        const char *k;
        json_t *x;
        json_object_foreach((json_t *)v, k, x) keys[i++] = k;
        while (i-- > 0) json_object_set_new(o, keys[i], reversed(json_object_get(v, keys[i])));
        free(keys);
        return o;
    }
    if (json_is_array(v)) {
        json_t *a = json_array();
        for (size_t i = 0; i < json_array_size(v); i++) json_array_append_new(a, reversed(json_array_get(v, i)));
        return a;
    }
    return json_deep_copy(v);
}

/* ---------- JSON ---------- */

START_TEST(json_canonical_and_deterministic) {
    json_t *m = load_fixture();
    char *a = render(slant_report_render_json, m);
    char *b = render(slant_report_render_json, m);
    ck_assert_str_eq(a, b);
    json_t *rev = reversed(m);
    char *c = render(slant_report_render_json, rev);
    ck_assert_msg(strcmp(a, c) == 0, "key insertion order changed the bytes");
    ck_assert(strncmp(a, "{\n  \"schema_version\": \"1.0\",\n  \"generator\": {\n    \"name\": \"slant\",", 60) == 0);
    /* arrays of scalars on one line, null stays null with its reason */
    ck_assert_ptr_nonnull(strstr(a, "\"warnings\": [\"Each source has one article"));
    ck_assert_ptr_nonnull(strstr(a, "\"ci_low\": null,"));
    ck_assert_ptr_nonnull(strstr(a, "\"reason\": \"fewer than 2 sentences: no interval\""));
    /* schema order inside a test object */
    const char *t = strstr(a, "\"measure\": \"loaded.outlet\"");
    ck_assert_ptr_nonnull(t);
    ck_assert(strstr(t, "\"kind\"") < strstr(t, "\"p_adj\"") && strstr(t, "\"p_adj\"") < strstr(t, "\"effect\""));
    /* it parses back to the same model */
    json_error_t je;
    json_t *back = json_loads(a, 0, &je);
    ck_assert_ptr_nonnull(back);
    ck_assert(json_equal(back, m));
    json_decref(back);
    json_decref(rev);
    json_decref(m);
    free(a), free(b), free(c);
}
END_TEST

START_TEST(json_numbers) {
    json_t *m = json_pack("{s:s, s:{s:f, s:f, s:f, s:I, s:f, s:I, s:f, s:f, s:f}}", "schema_version", "1.0", "corpus",
                          "a", 0.1234567891, "b", -0.0, "c", 1e-7, "d", (json_int_t)123456789012, "e", 2.0, "f",
                          (json_int_t)-5, "g", -2.5, "h", 1234567.0, "i", -1e-320);
    char *out = render(slant_report_render_json, m);
    ck_assert_str_eq(out, "{\n  \"schema_version\": \"1.0\",\n  \"corpus\": {\n    \"a\": 0.123457,\n    \"b\": 0.0,\n"
                          "    \"c\": 1e-07,\n    \"d\": 123456789012,\n    \"e\": 2.0,\n    \"f\": -5,\n"
                          "    \"g\": -2.5,\n    \"h\": 1.23457e+06,\n    \"i\": -9.99989e-321\n  }\n}\n");
    free(out);
    json_decref(m);
}
END_TEST

/* rfmt_fixed as it was written with printf ("%.*f", "-0.00" unsigned). */
static void printf_fixed(slant_buf *b, double v, int decimals, int typographic) {
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    const char *p = tmp;
    if (p[0] == '-') {
        p++;
        if (strpbrk(p, "123456789")) slant_buf_puts(b, typographic ? "\xe2\x88\x92" : "-");
    }
    slant_buf_puts(b, p);
}

static void check_fixed(double v, int decimals) {
    slant_buf a, b;
    slant_buf_init(&a);
    slant_buf_init(&b);
    for (int typo = 0; typo < 2; typo++) {
        slant_buf_clear(&a);
        slant_buf_clear(&b);
        rfmt_fixed(&a, v, decimals, typo);
        printf_fixed(&b, v, decimals, typo);
        ck_assert_msg(strcmp(a.data, b.data) == 0, "%.17g to %d places: \"%s\", printf \"%s\"", v, decimals, a.data,
                      b.data);
    }
    slant_buf_free(&a);
    slant_buf_free(&b);
}

/* The number formats write what printf writes, byte for byte: ties (exact
 * in binary) to even, values a hair either side of a tie, -0, large
 * values, and many others. */
START_TEST(number_formats_are_printfs) {
    static const double special[] = {0.125, 0.375, 2.5, 3.5, -0.125, 0.005, 1.005, 2.675, 1e-9, -1e-9, -0.0, 0.0,
                                     0.5, 1.5, -2.5, 999999999.995, 1e9, -1e9, 1.5e9, 123456789012.5, 1e300, 4.35,
                                     0.045, 1234.5678, 0.995, 9.995, 99.5, 0.049999999999999996};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        for (int d = 0; d <= 3; d++) {
            check_fixed(special[i], d);
            check_fixed(nextafter(special[i], 1e300), d);
            check_fixed(nextafter(special[i], -1e300), d);
        }
    for (int k = -30000; k <= 30000; k++)
        for (int d = 0; d <= 2; d++) check_fixed(k / 1000.0, d), check_fixed(k / 64.0, d);
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 100000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64 */
        double u = (double)(x >> 11) / 9007199254740992.0;
        double v = (x & 1 ? -1 : 1) * u * pow(10, (double)(x % 23) - 8); /* 1e-8 .. 1e14 */
        check_fixed(v, (int)(x % 4));
        slant_buf a;
        slant_buf_init(&a);
        rfmt_num(&a, v, 6);
        char want[64];
        snprintf(want, sizeof want, "%.6g", v);
        ck_assert_str_eq(a.data, want);
        slant_buf_free(&a);
    }
    slant_buf b;
    slant_buf_init(&b);
    rfmt_num(&b, -0.0, 6);
    rfmt_num(&b, -1e-300 * 1e-300, 6);
    ck_assert_str_eq(b.data, "00");
    slant_buf_clear(&b);
    static const long long ints[] = {0, 7, -7, 999, 1000, -1000, 1234567, -1234567, 9223372036854775807LL,
                                     -9223372036854775807LL - 1};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        rfmt_int(&b, ints[i]);
        slant_buf_putc(&b, ' ');
    }
    ck_assert_str_eq(b.data, "0 7 -7 999 1,000 -1,000 1,234,567 -1,234,567 9,223,372,036,854,775,807 "
                             "-9,223,372,036,854,775,808 ");
    slant_buf_free(&b);
}
END_TEST

/* Escaping: every byte that needs it, in runs of text that do not. */
START_TEST(escapes) {
    slant_buf b;
    slant_buf_init(&b);
    static const char text[] = "a&b<c>d\"e'f\0g|h\ni";
    rhtml_escape(&b, text, sizeof text - 1);
    ck_assert_str_eq(b.data, "a&amp;b&lt;c&gt;d&quot;e&#39;f\xef\xbf\xbdg|h\ni");
    slant_buf_clear(&b);
    rhtml_escape(&b, "", 0);
    rhtml_escape(&b, "plain", 5);
    ck_assert_str_eq(b.data, "plain");
    slant_buf_clear(&b);
    rmd_cell(&b, "a&b<c>d\"e'f|g\nh\ri");
    rmd_cell(&b, NULL);
    rmd_cell(&b, "|");
    ck_assert_str_eq(b.data, "a&amp;b&lt;c&gt;d\"e'f\\|g h i\\|");
    slant_buf_free(&b);
}
END_TEST

START_TEST(schema_version_checked) {
    json_t *m = json_pack("{s:s}", "schema_version", "2.0");
    slant_buf b;
    slant_error err;
    slant_buf_init(&b);
    ck_assert_int_eq(slant_report_render_html(m, &b, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "schema_version \"2.0\""));
    json_object_del(m, "schema_version");
    ck_assert_int_eq(slant_report_render_md(m, &b, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "no \"schema_version\""));
    slant_buf_free(&b);
    json_decref(m);
}
END_TEST

/* ---------- sentences ---------- */

START_TEST(test_sentences) {
    json_t *m = load_fixture();
    const json_t *tests = json_object_get(m, "tests");
    slant_buf b;
    slant_buf_init(&b);
    ck_assert_int_eq(slant_report_test_sentence(m, json_array_get(tests, 0), &b), 1);
    ck_assert_str_eq(b.data, "The Partisan Ledger uses loaded language 9.8 times as often as Meridian Wire in its own "
                             "voice (95% CI 1.4\xe2\x80\x93" "429; Holm-adjusted p = 0.027).");
    slant_buf_clear(&b);
    ck_assert_int_eq(slant_report_test_sentence(m, json_array_get(tests, 1), &b), 1);
    ck_assert_str_eq(b.data, "The Partisan Ledger and Kestrel Herald do not differ clearly in loaded language in their "
                             "own voice (rate ratio 3.5, 95% CI 0.73\xe2\x80\x93" "34; Holm-adjusted p = 0.25).");
    slant_buf_clear(&b);
    /* undefined ratio: Meridian Wire has no loaded attribution verb */
    ck_assert_int_eq(slant_report_test_sentence(m, json_array_get(tests, 3), &b), 1);
    ck_assert_str_eq(b.data, "The Partisan Ledger uses loaded attribution verbs at 25.3 per 1,000 words in its own "
                             "voice and Meridian Wire not at all, so the ratio is undefined (Holm-adjusted p = 0.23).");
    slant_buf_clear(&b);
    ck_assert_int_eq(slant_report_test_sentence(m, json_array_get(tests, 4), &b), 1);
    ck_assert_str_eq(b.data, "The Partisan Ledger is more negative in tone than Meridian Wire in its own voice (mean "
                             "\xe2\x88\x92" "0.61 vs 0.01; difference \xe2\x88\x92" "0.62, 95% CI \xe2\x88\x92"
                             "0.86 to \xe2\x88\x92" "0.37; Cohen's d = \xe2\x88\x92" "4.00; Holm-adjusted p = 0.0015).");
    slant_buf_clear(&b);
    ck_assert_int_eq(slant_report_test_sentence(m, json_array_get(tests, 7), &b), 1);
    ck_assert_str_eq(b.data, "Across 3 sources, tone in the outlets' own voice differs (Kruskal-Wallis H = 9.84, df = 2; "
                             "Holm-adjusted p = 0.0073).");
    /* a ratio below 1 is turned around so the sentence says "times as often" */
    json_t *t = json_pack("{s:s, s:s, s:s, s:s, s:f, s:{s:f, s:f, s:f}}", "measure", "hedge.outlet", "kind",
                          "rate_ratio", "a", "A", "b", "B", "p_adj", 0.001, "ratio", "value", 0.25, "ci_low", 0.1,
                          "ci_high", 0.5);
    slant_buf_clear(&b);
    ck_assert_int_eq(slant_report_test_sentence(NULL, t, &b), 1);
    ck_assert_str_eq(b.data, "B uses hedges 4.0 times as often as A in its own voice (95% CI 2.0\xe2\x80\x93" "10; "
                             "Holm-adjusted p = 0.001).");
    json_decref(t);
    /* both means positive: "less positive", not "more negative"; stance names the target by its label */
    t = json_pack("{s:s, s:s, s:s, s:s, s:f, s:f, s:f}", "measure", "stance.kestria.outlet", "kind", "welch_t", "a",
                  "A", "b", "B", "a_value", 0.0, "b_value", 0.27, "p_adj", 0.01);
    slant_buf_clear(&b);
    ck_assert_int_eq(slant_report_test_sentence(m, t, &b), 1);
    ck_assert_str_eq(b.data, "A is less positive toward Kestria than B in its own voice (mean 0.00 vs 0.27; "
                             "Holm-adjusted p = 0.01).");
    json_decref(t);
    /* nothing to say: nothing appended */
    t = json_pack("{s:s}", "kind", "welch_t");
    slant_buf_clear(&b);
    ck_assert_int_eq(slant_report_test_sentence(m, t, &b), 0);
    ck_assert_uint_eq(b.len, 0);
    json_decref(t);
    slant_buf_free(&b);
    json_decref(m);
}
END_TEST

/* ---------- Markdown ---------- */

START_TEST(markdown_content) {
    json_t *m = load_fixture();
    char *md = render(slant_report_render_md, m);
    char *md2 = render(slant_report_render_md, m);
    ck_assert_str_eq(md, md2);
    ck_assert(strncmp(md, "# slant report: Report fixture: the Castelle summit (hand-made)\n\n3 articles, 17 sentences", 86) == 0);
    const char *summary = strstr(md, "## Summary\n\n");
    const char *sources = strstr(md, "## Sources");
    ck_assert(summary && sources && summary < sources);
    /* exactly the two rate_ratio/welch_t tests with p_adj < 0.05 */
    const char *s1 = strstr(summary, "- The Partisan Ledger uses loaded language 9.8 times as often as Meridian Wire");
    const char *s2 = strstr(summary, "- The Partisan Ledger is more negative in tone than Meridian Wire");
    ck_assert(s1 && s1 < sources && s2 && s2 < sources);
    const char *nonsig = strstr(md, "do not differ clearly in loaded language");
    ck_assert(nonsig == NULL || nonsig > sources);
    ck_assert_ptr_nonnull(strstr(summary, "**Loaded language, own voice**\n\n- The Partisan Ledger uses loaded language 9.8"));
    ck_assert_ptr_nonnull(strstr(summary, "\n**Tone, own voice**\n\n- The Partisan Ledger is more negative in tone"));
    ck_assert_ptr_nonnull(strstr(summary, "- The sources' use of frames does not differ clearly (chi-square = 10.6, df = 8, p = 0.22"));
    /* warnings and the source table row for Meridian Wire: 105 words, quoted 19% */
    ck_assert_ptr_nonnull(strstr(md, "> - Small samples: every source has fewer than 10 sentences"));
    ck_assert_ptr_nonnull(strstr(md, "| Meridian Wire | 1 | 106 | 19% |"));
    /* null with a reason: n/a and a numbered note */
    ck_assert_ptr_nonnull(strstr(md, "\xe2\x88\x92" "0.44 [1] |"));
    ck_assert_ptr_nonnull(strstr(md, "## Notes\n\n1. fewer than 2 sentences: no interval\n"));
    /* the | in a cell would break the table: escaped */
    ck_assert_ptr_nonnull(strstr(md, "## Caveats"));
    /* naming columns are the union of the labels the sources use, not the first source's */
    const json_t *srcs = json_object_get(m, "sources");
    for (size_t i = 0; i < 3; i++) {
        json_t *labels = json_object_get(json_object_get(json_object_get(json_array_get(srcs, i), "naming"), "1987"), "labels");
        if (i == 0) json_array_clear(labels);
        else json_array_remove(labels, i == 1 ? 1 : 0); /* PL keeps occupation, KH keeps reunification */
    }
    char *md3 = render(slant_report_render_md, m);
    ck_assert_ptr_nonnull(strstr(md3, "**What happened in 1987**\n\n| Source | occupation (valdoria) | reunification (kestria) |\n"
                                      "| --- | ---: | ---: |\n| Meridian Wire | 0 | 0 |\n| The Partisan Ledger | 1 | 0 |\n"
                                      "| Kestrel Herald | 0 | 1 |\n"));
    char *h = render(slant_report_render_html, m);
    const char *naming = strstr(h, "<figcaption>What happened in 1987</figcaption>");
    ck_assert_ptr_nonnull(naming);
    const char *end = strstr(naming, "</figure>");
    const char *occ = strstr(naming, ">occupation (valdoria)</text>"), *reu = strstr(naming, ">reunification (kestria)</text>");
    ck_assert(occ && reu && occ < end && reu < end);
    free(md3), free(h);
    json_decref(m);
    free(md), free(md2);
}
END_TEST

/* ---------- CSV ---------- */

/* Parse RFC 4180 records; returns the number of records, fills fields per record (max 64 records). */
static size_t csv_parse(const char *s, size_t *fields, size_t max, char ***cells) {
    size_t rec = 0, f = 0;
    static char cellbuf[64][64][512];
    static char *rows[64][64];
    while (*s && rec < max) {
        char tmp[4096];
        size_t tl = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                ck_assert_msg(*s != '\0', "unterminated quoted field");
                ck_assert(tl < sizeof tmp - 2);
                if (*s == '"' && s[1] == '"') tmp[tl++] = '"', s += 2;
                else if (*s == '"') { s++; break; }
                else tmp[tl++] = *s++;
            }
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n' && tl < sizeof tmp - 2) tmp[tl++] = *s++;
        }
        tmp[tl] = '\0';
        if (rec < 64 && f < 64) {
            size_t cl = tl < sizeof cellbuf[rec][f] - 1 ? tl : sizeof cellbuf[rec][f] - 1;
            memcpy(cellbuf[rec][f], tmp, cl);
            cellbuf[rec][f][cl] = '\0';
            rows[rec][f] = cellbuf[rec][f];
        }
        f++;
        if (*s == ',') {
            s++;
            continue;
        }
        ck_assert_msg(s[0] == '\r' && s[1] == '\n', "record %zu does not end in CRLF", rec);
        s += 2;
        fields[rec++] = f;
        f = 0;
    }
    if (cells) *cells = (char **)rows;
    return rec;
}

#define CELL(cells, r, f) (((char *(*)[64])(cells))[r][f])

START_TEST(csv_tables) {
    json_t *m = load_fixture();
    size_t fields[64];
    char **cells;
    static const size_t expect_rows[SLANT_CSV_COUNT] = {1 + 3, 1 + 3 * 2 * 2, 1 + 3 * 5, 1 + 3 * 7, 1 + 6, 1 + 8, 1 + 17};
    for (int t = 0; t < SLANT_CSV_COUNT; t++) {
        char *csv = render_csv(m, t);
        size_t n = csv_parse(csv, fields, 64, &cells);
        ck_assert_msg(n == expect_rows[t], "%s: %zu records, expected %zu", slant_report_csv_name(t), n, expect_rows[t]);
        for (size_t r = 1; r < n; r++)
            ck_assert_msg(fields[r] == fields[0], "%s row %zu has %zu fields, header %zu", slant_report_csv_name(t), r,
                          fields[r], fields[0]);
        if (t == SLANT_CSV_SOURCES) {
            ck_assert_uint_eq(fields[0], 7 + 8 + 5 * 8);
            ck_assert_str_eq(CELL(cells, 0, 15), "loaded_outlet_count");
            ck_assert_str_eq(CELL(cells, 2, 0), "The Partisan Ledger");
            ck_assert_str_eq(CELL(cells, 2, 15), "9");
            ck_assert_str_eq(CELL(cells, 2, 16), "113.924");
            ck_assert_str_eq(CELL(cells, 2, 12), ""); /* quoted tone interval undefined: empty cell */
        }
        if (t == SLANT_CSV_SENTENCES) {
            ck_assert_str_eq(CELL(cells, 3, 0), "mw-summit-3");
            ck_assert_str_eq(CELL(cells, 3, 7), "quote");
            ck_assert_str_eq(CELL(cells, 3, 8), "Ilse Korda");
            ck_assert_str_eq(CELL(cells, 3, 17), "\"We asked for the return of Ildre and Sallow, and we did not get "
                                                 "it,\" Valdorian Foreign Minister Ilse Korda told reporters.");
            ck_assert_str_eq(CELL(cells, 8, 0), "pl-summit-2");
            ck_assert_str_eq(CELL(cells, 8, 10), "2"); /* regime, brazen */
            ck_assert_str_eq(CELL(cells, 8, 14), "1"); /* insisted */
            ck_assert_str_eq(CELL(cells, 8, 16), "kestria:-0.7");
            /* the raw text of a field with quotes and commas is quoted and doubled */
            ck_assert_ptr_nonnull(strstr(csv, ",\"\"\"We asked for the return of Ildre and Sallow, and we did not get it,\"\" Valdorian"));
        }
        if (t == SLANT_CSV_TESTS) {
            ck_assert_str_eq(CELL(cells, 1, 1), "rate_ratio");
            ck_assert_str_eq(CELL(cells, 1, 7), "0.0270119");
            ck_assert_str_eq(CELL(cells, 4, 9), ""); /* undefined ratio */
            ck_assert_ptr_nonnull(strstr(CELL(cells, 1, 16), "9.8 times as often"));
        }
        if (t == SLANT_CSV_FRAMES) {
            ck_assert_str_eq(CELL(cells, 0, 5), "residual");
            ck_assert_str_eq(CELL(cells, 15, 0), "Kestrel Herald");
            ck_assert_str_eq(CELL(cells, 15, 1), "security");
            ck_assert_str_eq(CELL(cells, 15, 5), "-1.82574");
        }
        free(csv);
    }
    ck_assert_ptr_null(slant_report_csv_name(SLANT_CSV_COUNT));
    json_decref(m);
}
END_TEST

/* ---------- HTML ---------- */

/* Every href="#x" has an element with id="x"; returns the first that does not, or NULL. */
static char *dangling_anchor(const char *h) {
    for (const char *p = strstr(h, "href=\"#"); p; p = strstr(p + 1, "href=\"#")) {
        const char *q = strchr(p + 7, '"');
        char want[300];
        snprintf(want, sizeof want, "id=\"%.*s\"", (int)(q - p - 7), p + 7);
        if (!strstr(h, want)) return strndup(p, (size_t)(q - p) + 1);
    }
    return NULL;
}

START_TEST(html_content) {
    json_t *m = load_fixture();
    char *h = render(slant_report_render_html, m);
    char *h2 = render(slant_report_render_html, m);
    ck_assert_str_eq(h, h2);
    ck_assert(strncmp(h, "<!DOCTYPE html>", 15) == 0);
    /* every chart, with legends and error bars */
    static const char *const charts[] = {"<svg class=\"chart tone\"", "<svg class=\"chart loaded\"",
                                         "<svg class=\"chart stance\"", "<svg class=\"chart frames\"",
                                         "<svg class=\"chart residuals\"", "<svg class=\"chart naming\""};
    for (size_t i = 0; i < sizeof charts / sizeof charts[0]; i++) ck_assert_msg(strstr(h, charts[i]), "%s", charts[i]);
    ck_assert_uint_eq(count_sub(h, "<svg class=\"chart naming\""), 3);
    ck_assert_uint_ge(count_sub(h, "class=\"legend\""), 8);
    /* tone: 3 sources x 2 voices; 4 intervals defined (PL and KH quoted have n = 1), 3 lines each,
     * except Meridian Wire's quoted interval [-3.96, 4.18]: clipped to the axis, one line and two arrows */
    const char *tone = strstr(h, "<svg class=\"chart tone\"");
    const char *tone_end = strstr(tone, "</svg>");
    size_t errbars = 0;
    for (const char *p = strstr(tone, "<line class=\"errbar\""); p && p < tone_end; p = strstr(p + 1, "<line class=\"errbar\""))
        errbars++;
    ck_assert_uint_eq(errbars, 3 /* legend */ + 3 * 3 + 1);
    ck_assert_uint_eq(count_sub(h, "<path class=\"clip\""), 2);
    /* stance heatmap: interval in the tooltip */
    ck_assert_ptr_nonnull(strstr(h, "<title>The Partisan Ledger \xe2\x86\x92 Kestria: mean \xe2\x88\x92" "0.70 [\xe2\x88\x92"
                                    "0.70, \xe2\x88\x92" "0.70], n = 2</title>"));
    /* highlighted spans with data attributes and an explaining title */
    ck_assert_ptr_nonnull(strstr(h, "<mark class=\"fam-loaded\" data-family=\"loaded\" data-category=\"loaded\" "
                                    "data-weight=\"2\" data-value=\"2\" data-rules=\"\" title=\"loaded \xc2\xb7 weight 2\">regime</mark>"));
    ck_assert_ptr_nonnull(strstr(h, "<mark class=\"fam-loaded fam-tone tone-neg\""));
    ck_assert_ptr_nonnull(strstr(h, "title=\"tone \xc2\xb7 weight 2.5 \xc2\xb7 value -1.9 \xc2\xb7 negated\">peace</mark>"));
    ck_assert_ptr_nonnull(strstr(h, "<mark class=\"fam-attrib attrib-loaded\""));
    ck_assert_uint_eq(count_sub(h, "<span class=\"s\" id=\"s-") + count_sub(h, "<span class=\"s q\" id=\"s-"), 17);
    /* quotes shaded with their speaker */
    ck_assert_ptr_nonnull(strstr(h, "<span class=\"s q\" id=\"s-pl-summit-4\" data-voice=\"quote\" data-tone=\"-0.44\" "
                                    "data-speaker=\"Tomas Reil\""));
    ck_assert_ptr_nonnull(strstr(h, "<span class=\"spk\">Tomas Reil</span>"));
    /* table cells and evidence link to the sentences */
    ck_assert_ptr_nonnull(strstr(h, "<a href=\"#ev-1-loaded\">113.9</a>"));
    ck_assert_ptr_nonnull(strstr(h, "<div class=\"ev\" id=\"ev-1-loaded\">"));
    ck_assert_ptr_nonnull(strstr(h, "<a href=\"#s-pl-summit-2\">Kestria&#39;s regime once again insisted"));
    ck_assert_ptr_nonnull(strstr(h, "id=\"ev-2-stance-kestria\""));
    /* escaping: the title holds quotes, an ampersand and angle brackets */
    ck_assert_ptr_nonnull(strstr(h, "<h3>Summit farce: Vask&#39;s &quot;offer&quot; &amp; the &lt;same old&gt; trap</h3>"));
    ck_assert_ptr_null(strstr(h, "<same old>"));
    ck_assert_ptr_nonnull(strstr(h, "&quot;We asked for the return"));
    /* self-contained: no scripts, no URLs to fetch, print styles, methodology and lexicon versions */
    ck_assert_ptr_null(strstr(h, "<script"));
    ck_assert_ptr_null(strstr(h, "http://"));
    ck_assert_ptr_null(strstr(h, "https://"));
    ck_assert_ptr_nonnull(strstr(h, "@media print{"));
    ck_assert_ptr_nonnull(strstr(h, "<section id=\"method\""));
    ck_assert_ptr_nonnull(strstr(h, "<th scope=\"row\">tone-vader</th><td style=\"text-align:left\">1.0</td>"));
    ck_assert_ptr_nonnull(strstr(h, "Each source has one article: the unit of analysis is the sentence"));
    ck_assert_ptr_nonnull(strstr(h, "<div class=\"sumgroup\"><h3>Loaded language, own voice</h3><ul class=\"summary-list\">"
                                    "<li>The Partisan Ledger uses loaded language 9.8 times"));
    char *dangling = dangling_anchor(h);
    ck_assert_msg(dangling == NULL, "link without target: %s", dangling);
    /* Holm-adjusted p in the tests table, significant rows marked */
    ck_assert_uint_eq(count_sub(h, "<tbody class=\"sig\">"), 3);
    json_decref(m);
    free(h), free(h2);
}
END_TEST

START_TEST(hostile_text_is_escaped) {
    json_t *m = load_fixture();
    json_t *a = json_array_get(json_object_get(m, "articles"), 0);
    json_object_set_new(a, "title", json_string("<script>alert(1)</script> & \"x\""));
    json_object_set_new(json_array_get(json_object_get(m, "sources"), 0), "name",
                        json_string("Wire <b>\"Bold\"</b> & Co, Ltd"));
    char *h = render(slant_report_render_html, m);
    ck_assert_ptr_null(strstr(h, "<script"));
    ck_assert_ptr_null(strstr(h, "<b>"));
    ck_assert_ptr_nonnull(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    ck_assert_ptr_nonnull(strstr(h, "Wire &lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; Co, Ltd"));
    char *md = render(slant_report_render_md, m);
    ck_assert_ptr_nonnull(strstr(md, "| Wire &lt;b&gt;\"Bold\"&lt;/b&gt; &amp; Co, Ltd |"));
    char *csv = render_csv(m, SLANT_CSV_SOURCES);
    ck_assert_ptr_nonnull(strstr(csv, "\r\n\"Wire <b>\"\"Bold\"\"</b> & Co, Ltd\","));
    free(h), free(md), free(csv);
    json_decref(m);
}
END_TEST

START_TEST(heatmap_links_only_to_evidence_that_exists) {
    json_t *m = load_fixture();
    json_object_del(json_object_get(json_array_get(json_object_get(m, "sources"), 0), "stance"), "valdoria");
    char *h = render(slant_report_render_html, m);
    ck_assert_ptr_null(strstr(h, "#ev-0-stance-valdoria"));
    ck_assert_ptr_nonnull(strstr(h, "#ev-0-stance-kestria"));
    char *dangling = dangling_anchor(h);
    ck_assert_msg(dangling == NULL, "link without target: %s", dangling);
    free(h);
    json_decref(m);
}
END_TEST

/* Wrong types and out-of-range offsets anywhere: rendered as n/a or skipped, never a crash (run under ASan). */
START_TEST(hostile_model_shapes) {
    json_t *m = load_fixture();
    json_t *srcs = json_object_get(m, "sources");
    json_t *arts = json_object_get(m, "articles");
    json_object_set_new(json_array_get(srcs, 0), "tone", json_string("x"));
    json_object_set_new(json_array_get(srcs, 1), "stance", json_pack("{s:[i]}", "kestria", 1));
    json_object_set_new(json_array_get(srcs, 2), "naming", json_pack("{s:{s:s}}", "1987", "labels", "no"));
    json_array_append_new(srcs, json_integer(7));
    json_t *a0 = json_array_get(arts, 0);
    json_t *s0 = json_array_get(json_object_get(a0, "sentences"), 0);
    json_t *h0 = json_array_get(json_object_get(s0, "hits"), 0);
    json_object_set_new(h0, "start", json_integer(999999));
    json_object_set_new(json_array_get(json_object_get(s0, "hits"), 1), "end", json_integer(-3));
    json_object_set_new(json_array_get(json_object_get(a0, "sentences"), 1), "start", json_integer(-5));
    json_object_set_new(json_array_get(json_object_get(a0, "sentences"), 2), "end", json_real(1e300));
    json_object_set_new(json_array_get(arts, 1), "text", json_integer(42));
    json_array_append_new(json_object_get(json_array_get(arts, 2), "sentences"), json_string("s"));
    json_array_append_new(arts, json_null());
    json_object_set_new(json_array_get(json_object_get(m, "tests"), 0), "ratio", json_array());
    json_object_set_new(json_array_get(json_object_get(m, "tests"), 4), "kind", json_integer(3));
    json_object_set_new(m, "keyness", json_array());
    json_object_set_new(json_object_get(m, "frames_test"), "residuals", json_string("no"));
    json_object_set_new(m, "coverage", json_object());
    json_object_set_new(json_object_get(m, "method"), "warnings", json_pack("[i,n,s]", 1, "ok"));
    json_object_set_new(json_object_get(m, "lexicons"), "layers", json_object());
    char *h = render(slant_report_render_html, m);
    char *md = render(slant_report_render_md, m);
    char *j = render(slant_report_render_json, m);
    for (int t = 0; t < SLANT_CSV_COUNT; t++) free(render_csv(m, t));
    ck_assert_ptr_nonnull(strstr(h, "</html>"));
    free(h), free(md), free(j);
    json_decref(m);
}
END_TEST

START_TEST(sparse_model_renders) {
    /* only the version: every renderer must cope with every optional part missing */
    json_t *m = json_pack("{s:s, s:[{s:s, s:{s:{s:n, s:s}}}], s:[{s:s, s:n, s:n, s:i}]}", "schema_version", "1.0",
                          "sources", "name", "Only", "tone", "outlet", "mean", "reason", "no sentences", "articles",
                          "id", "x", "text", "sentences", "n", 3);
    char *h = render(slant_report_render_html, m);
    ck_assert_ptr_nonnull(strstr(h, "<abbr class=\"na\" title=\"no sentences\">n/a</abbr>"));
    ck_assert_ptr_nonnull(strstr(h, "The text of this article is not in the report"));
    char *md = render(slant_report_render_md, m);
    ck_assert_ptr_nonnull(strstr(md, "No pairwise difference"));
    for (int t = 0; t < SLANT_CSV_COUNT; t++) free(render_csv(m, t));
    char *j = render(slant_report_render_json, m);
    free(h), free(md), free(j);
    json_decref(m);
}
END_TEST

/* ---------- writing a folder ---------- */

static char tmpdir[256];

static void make_tmpdir(void) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/slant-test-report-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static size_t count_entries(const char *dir, size_t *temps) {
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    size_t n = 0;
    if (temps) *temps = 0;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        n++;
        if (temps && strstr(e->d_name, ".slant-tmp.")) (*temps)++;
    }
    closedir(d);
    return n;
}

static void remove_tree(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char *p = slant_path_join(dir, e->d_name);
        unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

START_TEST(writer_writes_and_refuses) {
    json_t *m = load_fixture();
    slant_error err;
    make_tmpdir();
    char *sub = slant_path_join(tmpdir, "new/report");
    ck_assert_msg(slant_report_write_dir(m, sub, 0, &err) == 0, "%s", err.msg);
    size_t temps;
    ck_assert_uint_eq(count_entries(sub, &temps), 10);
    ck_assert_uint_eq(temps, 0);
    /* the folder holds only slant's own files: writing again needs no force */
    ck_assert_msg(slant_report_write_dir(m, sub, 0, &err) == 0, "%s", err.msg);
    /* the files are the renderers' bytes */
    slant_buf file;
    slant_buf_init(&file);
    char *p = slant_path_join(sub, "report.json");
    ck_assert_int_eq(slant_read_file(p, &file, 0, &err), 0);
    char *j = render(slant_report_render_json, m);
    ck_assert_str_eq(file.data, j);
    /* report.html is rendered from report.json as written, so a saved report.json reproduces it */
    json_t *canon = json_loads(j, 0, NULL);
    char *h = render(slant_report_render_html, canon);
    free(p);
    p = slant_path_join(sub, "report.html");
    ck_assert_int_eq(slant_read_file(p, &file, 0, &err), 0);
    ck_assert_str_eq(file.data, h);
    json_decref(canon);
    free(h), free(j), free(p);
    slant_buf_free(&file);
    /* a temporary file of a run killed outright (its pid is gone) is cleaned up; a live one is kept */
    char *stale = slant_path_join(sub, ".report.html.slant-tmp.999999999");
    char live_name[64];
    snprintf(live_name, sizeof live_name, ".report.md.slant-tmp.%ld", (long)getppid());
    char *live = slant_path_join(sub, live_name);
    ck_assert_int_eq(slant_write_file_atomic(stale, "half", 4, &err), 0);
    ck_assert_int_eq(slant_write_file_atomic(live, "half", 4, &err), 0);
    ck_assert_msg(slant_report_write_dir(m, sub, 0, &err) == 0, "%s", err.msg);
    ck_assert_int_ne(access(stale, F_OK), 0);
    ck_assert_int_eq(access(live, F_OK), 0);
    unlink(live);
    free(stale), free(live);
    /* a foreign file: refused, nothing written, unless force */
    char *foreign = slant_path_join(tmpdir, "other");
    mkdir(foreign, 0777);
    char *note = slant_path_join(foreign, "notes.txt");
    ck_assert_int_eq(slant_write_file_atomic(note, "mine\n", 5, &err), 0);
    ck_assert_int_eq(slant_report_write_dir(m, foreign, 0, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "not part of a slant report (\"notes.txt\")"));
    ck_assert_ptr_nonnull(strstr(err.msg, "--force"));
    ck_assert_uint_eq(count_entries(foreign, NULL), 1);
    ck_assert_int_eq(slant_report_write_dir(m, foreign, 1, &err), 0);
    ck_assert_uint_eq(count_entries(foreign, &temps), 11);
    ck_assert_uint_eq(temps, 0);
    /* a path that is a file */
    ck_assert_int_eq(slant_report_write_dir(m, note, 1, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "is not a folder"));
    ck_assert(slant_report_is_own_file("report.html"));
    ck_assert(slant_report_is_own_file(".report.html.slant-tmp.123"));
    ck_assert(slant_report_is_own_file(".report.md.3.slant-tmp.123")); /* a piece */
    ck_assert(!slant_report_is_own_file(".report.md.x.slant-tmp.123"));
    ck_assert(!slant_report_is_own_file(".report.md.3"));
    ck_assert(!slant_report_is_own_file("report.htm"));
    ck_assert(!slant_report_is_own_file(".report.html.other"));
    free(note);
    remove_tree(foreign);
    free(foreign);
    remove_tree(sub);
    free(sub);
    char *newdir = slant_path_join(tmpdir, "new");
    rmdir(newdir);
    free(newdir);
    rmdir(tmpdir);
    json_decref(m);
}
END_TEST

/* Every report file in dir is the same bytes as in one. */
static void assert_same_files(const char *one, const char *dir, int threads) {
    slant_error err;
    for (int i = 0; i < SLANT_CSV_COUNT + 3; i++) {
        const char *f = i < SLANT_CSV_COUNT ? slant_report_csv_name(i)
                        : i == SLANT_CSV_COUNT ? "report.md" : i == SLANT_CSV_COUNT + 1 ? "report.html" : "report.json";
        char *pa = slant_path_join(one, f), *pb = slant_path_join(dir, f);
        slant_buf a, b;
        slant_buf_init(&a);
        slant_buf_init(&b);
        ck_assert_int_eq(slant_read_file(pa, &a, 0, &err), 0);
        ck_assert_int_eq(slant_read_file(pb, &b, 0, &err), 0);
        ck_assert_msg(a.len == b.len && memcmp(a.data, b.data, a.len) == 0, "%s differs with %d threads", f, threads);
        slant_buf_free(&a), slant_buf_free(&b);
        free(pa), free(pb);
    }
}

/* The files rendered on several threads are the bytes of one thread. */
START_TEST(writer_threads_same_bytes) {
    json_t *m = load_fixture();
    slant_error err;
    make_tmpdir();
    char *one = slant_path_join(tmpdir, "one");
    ck_assert_msg(slant_report_write_dir(m, one, 0, &err) == 0, "%s", err.msg);
    for (int threads = 0; threads <= 12; threads += 3) {
        char name[32];
        snprintf(name, sizeof name, "t%d", threads);
        char *dir = slant_path_join(tmpdir, name);
        ck_assert_msg(slant_report_write_dir_take(json_deep_copy(m), dir, 0, threads, &err) == 0, "%s", err.msg);
        size_t temps;
        ck_assert_uint_eq(count_entries(dir, &temps), 10);
        ck_assert_uint_eq(temps, 0);
        assert_same_files(one, dir, threads);
        remove_tree(dir);
        free(dir);
    }
    remove_tree(one);
    free(one);
    rmdir(tmpdir);
    json_decref(m);
}
END_TEST

/* The fixture with 1,500 coverage entries and stories (about 1.5 MB of
 * report.json): enough for the writer to render report.md and report.html
 * in pieces on several threads. */
static json_t *large_model(void) {
    json_t *m = load_fixture();
    json_t *cov0 = json_array_get(json_object_get(m, "coverage"), 0);
    json_t *cov = json_array(), *st = json_array();
    for (int i = 0; i < 1500; i++) {
        char name[32];
        snprintf(name, sizeof name, "story-%04d", i);
        json_t *c = json_deep_copy(cov0);
        json_object_set_new(c, "story", json_string(name));
        json_array_append_new(cov, c);
        json_array_append_new(st, json_pack("{s:s,s:{s:{s:i,s:{s:f,s:f},s:f,s:i}}}", "story", name, "sources",
                                            "Meridian Wire", "articles", 1 + i % 3, "per_1000_outlet", "loaded",
                                            1.5 + i, "hedge", 2.25, "tone_outlet", -0.125 * (i % 7), "words_outlet",
                                            100 + i));
    }
    json_object_set_new(m, "coverage", cov);
    json_object_set_new(m, "stories", st);
    return m;
}


/* report.md and report.html rendered in pieces on several threads and
 * joined are the bytes of one thread; a write failing in the middle of the
 * pieces leaves no temporary file (pieces included) and no report. */
START_TEST(writer_pieces_same_bytes) {
    json_t *m = large_model();
    slant_error err;
    make_tmpdir();
    char *one = slant_path_join(tmpdir, "one");
    ck_assert_msg(slant_report_write_dir(m, one, 0, &err) == 0, "%s", err.msg);
    char *json = slant_path_join(one, "report.json");
    struct stat sj;
    ck_assert_int_eq(stat(json, &sj), 0);
    ck_assert_int_gt(sj.st_size, 1000000); /* well over the writer's smallest piece (64 KB) */
    static const int counts[] = {2, 3, 5, 12};
    for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
        char name[32];
        snprintf(name, sizeof name, "t%d", counts[k]);
        char *dir = slant_path_join(tmpdir, name);
        ck_assert_msg(slant_report_write_dir_take(json_deep_copy(m), dir, 0, counts[k], &err) == 0, "%s", err.msg);
        size_t temps;
        ck_assert_uint_eq(count_entries(dir, &temps), 10);
        ck_assert_uint_eq(temps, 0);
        assert_same_files(one, dir, counts[k]);
        remove_tree(dir);
        free(dir);
    }
    /* a piece's temporary file cannot be created (a folder holds its name) */
    char *fail = slant_path_join(tmpdir, "fail");
    ck_assert_int_eq(mkdir(fail, 0777), 0);
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char piece[64];
        snprintf(piece, sizeof piece, ".report.html.2.slant-tmp.%ld", (long)getpid());
        char *block = slant_path_join(fail, piece);
        if (mkdir(block, 0777) != 0) _exit(2);
        slant_error e2;
        int rc = slant_report_write_dir_take(json_deep_copy(m), fail, 0, 2, &e2);
        rmdir(block);
        _exit(rc == -1 && strstr(e2.msg, "cannot create") && strstr(e2.file, piece) && strstr(e2.msg, "no report file")
                  ? 0
                  : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the write did not fail as expected");
    size_t temps;
    ck_assert_uint_eq(count_entries(fail, &temps), 0);
    ck_assert_uint_eq(temps, 0);
    rmdir(fail);
    free(fail);
    free(json);
    remove_tree(one);
    free(one);
    rmdir(tmpdir);
    json_decref(m);
}
END_TEST

/* A slant_report_list over an array: the elements must be asked for in
 * order, each once, and the list released once. */
typedef struct array_list {
    json_t *arr;
    size_t next;
    int released;
} array_list;

static json_t *array_list_element(void *state, size_t i) {
    array_list *a = state;
    ck_assert_uint_eq(i, a->next);
    a->next++;
    return json_incref(json_array_get(a->arr, i));
}

static void array_list_release(void *state) {
    array_list *a = state;
    a->released++;
    json_decref(a->arr);
    a->arr = NULL;
}

/* Take "stories" and "coverage", those m has, out of m into lists over
 * their arrays; returns how many. */
static size_t take_lists(json_t *m, array_list st[2], slant_report_list lists[2]) {
    static const char *const keys[2] = {"stories", "coverage"};
    size_t n = 0;
    for (int k = 0; k < 2; k++) {
        json_t *arr = json_object_get(m, keys[k]);
        if (!arr) continue;
        st[n] = (array_list){json_incref(arr), 0, 0};
        json_object_del(m, keys[k]);
        lists[n] = (slant_report_list){keys[k], json_array_size(arr), array_list_element, array_list_release, &st[n],
                                       NULL};
        n++;
    }
    return n;
}

static const char *text_element(void *state, size_t i, size_t *len) {
    const slant_buf *b = state;
    ck_assert_uint_eq(i, 0);
    *len = b->len;
    return b->data;
}

/* The lists go where their keys go in the schema's order, printed as the
 * arrays would be; a list of elements already rendered too. */
START_TEST(writer_lists_in_place) {
    json_t *m = json_pack("{s:s,s:[],s:[{s:s},{s:s,s:i}]}", "schema_version", "1.0", "coverage", "stories", "story",
                          "b", "story", "a", "x", 1);
    array_list st[2];
    slant_report_list lists[3];
    ck_assert_uint_eq(take_lists(m, st, lists), 2);
    slant_buf art;
    slant_buf_init(&art);
    json_t *a1 = json_pack("{s:b,s:s}", "text_available", 0, "id", "a1"); /* printed in schema order */
    slant_report_render_json_element(a1, "articles", &art);
    json_decref(a1);
    ck_assert_str_eq(art.data, "{\n      \"id\": \"a1\",\n      \"text_available\": false\n    }");
    lists[2] = (slant_report_list){"articles", 1, NULL, NULL, &art, text_element};
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    slant_error err;
    ck_assert_int_eq(slant_report_render_json_file(m, lists, 3, f, "t", NULL, &err), 0);
    slant_buf_free(&art);
    ck_assert_uint_eq(st[0].next, 2);
    ck_assert_uint_eq(st[1].next, 0);
    rewind(f);
    char got[512];
    size_t n = fread(got, 1, sizeof got - 1, f);
    got[n] = 0;
    fclose(f);
    ck_assert_str_eq(got, "{\n  \"schema_version\": \"1.0\",\n  \"stories\": [\n    {\n      \"story\": \"b\"\n    },\n"
                          "    {\n      \"story\": \"a\",\n      \"x\": 1\n    }\n  ],\n  \"coverage\": [],\n"
                          "  \"articles\": [\n    {\n      \"id\": \"a1\",\n      \"text_available\": false\n    }\n  ]\n}\n");
    array_list_release(&st[0]);
    array_list_release(&st[1]);
    json_decref(m);
}
END_TEST

/* Views through two indexes of one file read the same: the same small
 * tree, every element of every list the same, the same cuts. */
static void assert_same_index(const rindex *a, const rindex *b) {
    rview va, vb;
    slant_error err;
    ck_assert_msg(rview_open(&va, a, &err) == 0, "%s", err.msg);
    ck_assert_msg(rview_open(&vb, b, &err) == 0, "%s", err.msg);
    ck_assert(json_equal((json_t *)va.m, (json_t *)vb.m));
    for (int list = 0; list < RL_COUNT; list++) {
        ck_assert_uint_eq(rv_len(&va, list), rv_len(&vb, list));
        for (size_t i = 0; i < rv_len(&va, list); i++) {
            const json_t *x = rv_get(&va, list, i), *y = rv_get(&vb, list, i);
            ck_assert_msg(x == y || (x && y && json_equal((json_t *)x, (json_t *)y)), "list %d element %zu", list, i);
        }
        if (list == RL_SPEAKERS) continue;
        size_t ba[5], bb[5], n = rindex_split(a, list, 4, 0, ba);
        ck_assert_uint_eq(rindex_split(b, list, 4, 0, bb), n);
        for (size_t k = 0; k <= n && n; k++) ck_assert_uint_eq(ba[k], bb[k]);
    }
    ck_assert(!va.failed && !vb.failed);
    rview_close(&va);
    rview_close(&vb);
}

static void check_recorded_index(json_t *m, const slant_report_list *lists, size_t nlists) {
    slant_error err;
    char *path = slant_path_join(tmpdir, "r.json");
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    rindex *rec = rindex_new(path);
    ck_assert_int_eq(slant_report_render_json_file(m, lists, nlists, f, "t", rec, &err), 0);
    ck_assert_int_eq(fclose(f), 0);
    rindex *scan = rindex_build(path, &err);
    ck_assert_msg(scan != NULL, "%s", err.msg);
    assert_same_index(rec, scan);
    rindex_free(rec);
    rindex_free(scan);
    unlink(path);
    free(path);
}

/* The index the writer records as it writes report.json is the one a scan
 * of the file reads: for the fixture, with its lists made as they are
 * written (also each source's speakers), a large model, and odd shapes. */
START_TEST(writer_index_is_the_scans) {
    make_tmpdir();
    json_t *m = load_fixture();
    json_t *stories = json_pack("[{s:s,s:{}},i,n]", "story", "s1", "sources", 3);
    ck_assert_ptr_nonnull(stories);
    json_object_set_new(m, "stories", stories);
    check_recorded_index(m, NULL, 0);
    /* stories and coverage as lists, and the speakers of each source */
    array_list st[3];
    slant_report_list lists[3];
    size_t n = take_lists(m, st, lists);
    ck_assert_uint_eq(n, 2);
    json_t *spk = json_array();
    const json_t *srcs = json_object_get(m, "sources");
    for (size_t i = 0; i < json_array_size(srcs); i++) {
        json_t *src = json_array_get(srcs, i);
        json_t *sp = json_object_get(src, "speakers");
        json_array_append(spk, sp ? sp : json_array());
        json_object_del(src, "speakers");
    }
    st[2] = (array_list){spk, 0, 0};
    lists[2] = (slant_report_list){"speakers", json_array_size(spk), array_list_element, array_list_release, &st[2],
                                   NULL};
    check_recorded_index(m, lists, 3);
    for (int k = 0; k < 3; k++) array_list_release(&st[k]);
    json_decref(m);
    m = large_model();
    check_recorded_index(m, NULL, 0);
    json_decref(m);
    /* lists that are not arrays, sources that are not objects or have no speakers array */
    m = json_pack("{s:s,s:{},s:[],s:s,s:[i,{s:s},{s:[]},{s:{}}]}", "schema_version", "1.0", "stories", "coverage",
                  "articles", "none", "sources", 1, "name", "A", "speakers", "speakers");
    ck_assert_ptr_nonnull(m);
    check_recorded_index(m, NULL, 0);
    json_decref(m);
    rmdir(tmpdir);
}
END_TEST

/* slant_report_write_dir_take_lists writes the files of the whole model,
 * byte for byte, and releases each list once, also when it fails. */
START_TEST(writer_lists_same_bytes) {
    json_t *m = load_fixture();
    ck_assert_uint_gt(json_array_size(json_object_get(m, "coverage")), 0);
    slant_error err;
    make_tmpdir();
    char *one = slant_path_join(tmpdir, "one"), *two = slant_path_join(tmpdir, "two");
    array_list st[2];
    slant_report_list lists[2];
    /* the fixture has coverage, not the story tables: add one */
    json_object_set_new(m, "stories", json_pack("[{s:s,s:{}}]", "story", "s1", "sources"));
    ck_assert_msg(slant_report_write_dir(m, one, 0, &err) == 0, "%s", err.msg);
    json_t *part = json_deep_copy(m);
    ck_assert_uint_eq(take_lists(part, st, lists), 2);
    size_t n1 = lists[1].n;
    ck_assert_msg(slant_report_write_dir_take_lists(part, lists, 2, two, 0, 2, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(st[0].released, 1);
    ck_assert_int_eq(st[1].released, 1);
    ck_assert_uint_eq(st[0].next, 1);
    ck_assert_uint_eq(st[1].next, n1);
    for (int i = 0; i < SLANT_CSV_COUNT + 3; i++) {
        const char *f = i < SLANT_CSV_COUNT ? slant_report_csv_name(i)
                        : i == SLANT_CSV_COUNT ? "report.md" : i == SLANT_CSV_COUNT + 1 ? "report.html" : "report.json";
        char *pa = slant_path_join(one, f), *pb = slant_path_join(two, f);
        slant_buf a, b;
        slant_buf_init(&a);
        slant_buf_init(&b);
        ck_assert_int_eq(slant_read_file(pa, &a, 0, &err), 0);
        ck_assert_int_eq(slant_read_file(pb, &b, 0, &err), 0);
        ck_assert_msg(a.len == b.len && memcmp(a.data, b.data, a.len) == 0, "%s differs", f);
        slant_buf_free(&a), slant_buf_free(&b);
        free(pa), free(pb);
    }
    /* a folder it refuses: nothing written, the lists released all the same */
    char *note = slant_path_join(two, "notes.txt");
    ck_assert_int_eq(slant_write_file_atomic(note, "x\n", 2, &err), 0);
    part = json_deep_copy(m);
    ck_assert_uint_eq(take_lists(part, st, lists), 2);
    ck_assert_int_eq(slant_report_write_dir_take_lists(part, lists, 2, two, 0, 1, &err), -1);
    ck_assert_int_eq(st[0].released, 1);
    ck_assert_int_eq(st[1].released, 1);
    ck_assert_uint_eq(st[1].next, 0);
    free(note);
    remove_tree(one);
    remove_tree(two);
    free(one);
    free(two);
    rmdir(tmpdir);
    json_decref(m);
}
END_TEST

/* A full disk in the middle of writing (RLIMIT_FSIZE below report.html's
 * size): the write fails, no temporary file is left, and the previous
 * report.json is untouched. Run in a child so the limit stays there. */
START_TEST(writer_failure_leaves_nothing) {
    json_t *m = load_fixture();
    make_tmpdir();
    slant_error err;
    char *old = slant_path_join(tmpdir, "report.json");
    ck_assert_int_eq(slant_write_file_atomic(old, "old\n", 4, &err), 0);
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {8192, 8192};
        setrlimit(RLIMIT_FSIZE, &rl);
        slant_error e2;
        int rc = slant_report_write_dir(m, tmpdir, 0, &e2);
        if (!(rc == -1 && strstr(e2.msg, "write failed") && strstr(e2.msg, "no report file"))) _exit(1);
        /* the same with the files written on three threads */
        rc = slant_report_write_dir_take(m, tmpdir, 0, 3, &e2);
        _exit(rc == -1 && strstr(e2.msg, "write failed") && strstr(e2.msg, "no report file") ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the write did not fail as expected");
    size_t temps;
    ck_assert_uint_eq(count_entries(tmpdir, &temps), 1);
    ck_assert_uint_eq(temps, 0);
    slant_buf file;
    slant_buf_init(&file);
    ck_assert_int_eq(slant_read_file(old, &file, 0, &err), 0);
    ck_assert_str_eq(file.data, "old\n");
    slant_buf_free(&file);
    /* a read-only folder (only meaningful when not root: root ignores permissions) */
    if (geteuid() != 0) {
        chmod(tmpdir, 0555);
        ck_assert_int_eq(slant_report_write_dir(m, tmpdir, 0, &err), -1);
        ck_assert_ptr_nonnull(strstr(err.msg, "cannot create"));
        chmod(tmpdir, 0755);
        ck_assert_uint_eq(count_entries(tmpdir, &temps), 1);
        ck_assert_uint_eq(temps, 0);
    }
    free(old);
    remove_tree(tmpdir);
    json_decref(m);
}
END_TEST

/* SIGTERM in the middle of writing: the file-size limit raises SIGXFSZ
 * while report.html's temporary file is being written; its handler turns
 * that into SIGTERM, which the installed cleanup handler catches. The child
 * must die of SIGTERM and leave no temporary file behind. */
static void xfsz_to_term(int sig) {
    (void)sig;
    raise(SIGTERM);
}

START_TEST(signal_cleanup_leaves_nothing) {
    json_t *m = load_fixture();
    make_tmpdir();
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (slant_report_install_signal_cleanup() != 0) _exit(2);
        signal(SIGXFSZ, xfsz_to_term);
        struct rlimit rl = {8192, 8192};
        setrlimit(RLIMIT_FSIZE, &rl);
        slant_error e2;
        slant_report_write_dir(m, tmpdir, 0, &e2);
        _exit(3); /* not reached: the write is interrupted */
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "child status %d", status);
    size_t temps;
    size_t n = count_entries(tmpdir, &temps);
    ck_assert_uint_eq(temps, 0);
    /* the CSV files are small and may have been complete, but nothing was renamed into place */
    ck_assert_uint_eq(n, 0);
    remove_tree(tmpdir);
    json_decref(m);
}
END_TEST

/* report.json read back through an index and a view: each list element
 * parsed alone equals the one in the whole file, strings holding brackets,
 * quotes and key names do not confuse the scan, the small tree holds
 * everything else with each list as [], and a key given twice reads as
 * its last value (as jansson does). */
static const char view_doc[] =
    "{\"schema_version\": \"1.0\",\n"
    " \"note\": \"\\\"sources\\\": [ {\",\n"
    " \"stories\": [ {\"story\": \"a]}\\\"[{\"}, {\"x\": [1, {\"y\": \"\\\\\"}], \"n\": -2.5e3} ],\n"
    " \"coverage\": [],\n"
    " \"articles\": [{\"text\": \"\\u005b\", \"sentences\": [{\"id\": \"s1\"}]}],\n"
    " \"sources\": [{\"name\": \"A\", \"speakers\": [{\"name\": \"Z\", \"words\": 3}], \"articles\": 2},\n"
    "               {\"name\": \"B\"}, {\"name\": \"C\", \"speakers\": \"oops\"}],\n"
    " \"tests\": [true, false, null],\n"
    " \"articles\": [{\"id\": \"last\"}, {\"id\": \"wins\"}]}\n";

static void check_view(rview *v, const json_t *whole) {
    ck_assert_uint_eq(rv_len(v, RL_STORIES), 2);
    const json_t *st = rv_get(v, RL_STORIES, 0);
    ck_assert_str_eq(rj_str(st, "story"), "a]}\"[{");
    ck_assert_ptr_eq(rv_get(v, RL_STORIES, 0), st); /* the element last read is kept */
    /* read without a member, then whole again (in a view of the model: always whole) */
    const json_t *part = rv_get_without(v, RL_STORIES, 0, "story");
    ck_assert(v->ix ? rj_str(part, "story") == NULL : rj_str(part, "story") != NULL);
    st = rv_get(v, RL_STORIES, 0);
    ck_assert_str_eq(rj_str(st, "story"), "a]}\"[{");
    ck_assert(json_equal((json_t *)rv_get(v, RL_STORIES, 1), json_array_get(json_object_get(whole, "stories"), 1)));
    ck_assert_ptr_null(rv_get(v, RL_STORIES, 2));
    ck_assert_uint_eq(rv_len(v, RL_COVERAGE), 0);
    ck_assert_ptr_null(rv_get(v, RL_COVERAGE, 0));
    ck_assert_uint_eq(rv_len(v, RL_ARTICLES), 2);
    ck_assert_str_eq(rj_str(rv_get(v, RL_ARTICLES, 1), "id"), "wins");
    ck_assert_uint_eq(rv_len(v, RL_SPEAKERS), 3);
    const json_t *sp = rv_get(v, RL_SPEAKERS, 0);
    ck_assert_uint_eq(rj_len(sp), 1);
    ck_assert_int_eq(rj_int(json_array_get(sp, 0), "words"), 3);
    ck_assert_ptr_null(rv_get(v, RL_SPEAKERS, 1));
    ck_assert_str_eq(json_string_value(rv_get(v, RL_SPEAKERS, 2)), "oops");
    ck_assert_int_eq(rj_int(json_array_get(rj_get(v->m, "sources"), 0), "articles"), 2);
    ck_assert_str_eq(rj_str(v->m, "note"), "\"sources\": [ {");
    ck_assert_uint_eq(rj_len(rj_get(v->m, "tests")), 3);
    ck_assert(!v->failed);
}

START_TEST(view_reads_elements_alone) {
    make_tmpdir();
    slant_error err;
    char *path = slant_path_join(tmpdir, "report.json");
    ck_assert_int_eq(slant_write_file_atomic(path, view_doc, sizeof view_doc - 1, &err), 0);
    json_t *whole = json_loads(view_doc, 0, NULL);
    ck_assert_ptr_nonnull(whole);
    rindex *ix = rindex_build(path, &err);
    ck_assert_msg(ix != NULL, "%s", err.msg);
    /* ranges of a list for pieces: about equal bytes, never empty, never more than asked or than elements */
    size_t b[4];
    ck_assert_uint_eq(rindex_split(ix, RL_STORIES, 2, 0, b), 2);
    ck_assert_uint_eq(b[0], 0);
    ck_assert_uint_eq(b[1], 1);
    ck_assert_uint_eq(b[2], 2);
    ck_assert_uint_eq(rindex_split(ix, RL_STORIES, 3, 0, b), 2);
    ck_assert_uint_eq(b[2], 2);
    ck_assert_uint_eq(rindex_split(ix, RL_STORIES, 2, 1000, b), 1); /* under 2 x 1000 bytes: one range */
    ck_assert_uint_eq(b[0], 0);
    ck_assert_uint_eq(b[1], 2);
    ck_assert_uint_eq(rindex_split(ix, RL_COVERAGE, 2, 0, b), 0);
    rview v;
    ck_assert_msg(rview_open(&v, ix, &err) == 0, "%s", err.msg);
    check_view(&v, whole);
    /* the small tree: the lists are [], all else as in the file */
    ck_assert_uint_eq(rj_len(rj_get(v.m, "stories")), 0);
    ck_assert(json_is_array(rj_get(v.m, "articles")));
    ck_assert_uint_eq(rj_len(rj_get(json_array_get(rj_get(v.m, "sources"), 0), "speakers")), 0);
    /* an element that can no longer be read: NULL, and the view says why */
    ck_assert_int_eq(truncate(path, 200), 0);
    ck_assert_ptr_null(rv_get(&v, RL_ARTICLES, 0));
    ck_assert(v.failed);
    ck_assert_ptr_nonnull(strstr(v.err.msg, "shorter than when it was indexed"));
    rview_close(&v);
    /* a view of the model in memory reads the same */
    rview_model(&v, whole);
    check_view(&v, whole);
    rview_close(&v);
    rindex_free(ix);
    /* a file that is not JSON: an error, no index */
    static const char broken[] = "{\"stories\": [1, 2}";
    ck_assert_int_eq(slant_write_file_atomic(path, broken, sizeof broken - 1, &err), 0);
    ck_assert_ptr_null(rindex_build(path, &err));
    ck_assert_ptr_nonnull(strstr(err.msg, "does not parse"));
    unlink(path);
    ck_assert_ptr_null(rindex_build(path, &err));
    ck_assert_ptr_nonnull(strstr(err.msg, "cannot read back"));
    free(path);
    json_decref(whole);
    rmdir(tmpdir);
}
END_TEST

START_TEST(fixture_to_dir) {
    const char *out = getenv("SLANT_REPORT_OUT");
    if (!out || !*out) return;
    json_t *m = load_fixture();
    slant_error err;
    ck_assert_msg(slant_report_write_dir(m, out, 1, &err) == 0, "%s", err.msg);
    json_decref(m);
}
END_TEST

static Suite *report_suite(void) {
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, json_canonical_and_deterministic);
    tcase_add_test(tc, json_numbers);
    tcase_add_test(tc, number_formats_are_printfs);
    tcase_add_test(tc, escapes);
    tcase_add_test(tc, schema_version_checked);
    tcase_add_test(tc, test_sentences);
    tcase_add_test(tc, markdown_content);
    tcase_add_test(tc, csv_tables);
    tcase_add_test(tc, html_content);
    tcase_add_test(tc, hostile_text_is_escaped);
    tcase_add_test(tc, heatmap_links_only_to_evidence_that_exists);
    tcase_add_test(tc, hostile_model_shapes);
    tcase_add_test(tc, sparse_model_renders);
    tcase_add_test(tc, writer_writes_and_refuses);
    tcase_add_test(tc, writer_threads_same_bytes);
    tcase_add_test(tc, writer_pieces_same_bytes);
    tcase_add_test(tc, writer_lists_in_place);
    tcase_add_test(tc, writer_index_is_the_scans);
    tcase_add_test(tc, writer_lists_same_bytes);
    tcase_add_test(tc, writer_failure_leaves_nothing);
    tcase_add_test(tc, signal_cleanup_leaves_nothing);
    tcase_add_test(tc, view_reads_elements_alone);
    suite_add_tcase(s, tc);
    TCase *ex = tcase_create("export");
    tcase_add_test(ex, fixture_to_dir);
    suite_add_tcase(s, ex);
    return s;
}

SLANT_TEST_MAIN(report_suite)
