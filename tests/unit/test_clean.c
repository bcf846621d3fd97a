/*
 * test_clean.c - the cleaning rules format, each rule kind, the built-ins
 * (duplicates, image names, markdown, split paragraphs), and the five seed
 * articles: every boilerplate line goes, every article line stays.
 *
 * Seed text is read from ../shared at test time; only short boilerplate
 * strings and a few words that locate a sentence appear here.
 */
#include <string.h>
#include <time.h>

#include "slant/clean.h"
#include "slant/corpus.h"
#include "testutil.h"

static slant_clean_rules *parse(const char *text) {
    slant_error err;
    slant_error_clear(&err);
    slant_clean_rules *r = NULL;
    int rc = slant_clean_rules_parse("test.rules", text, strlen(text), &r, &err);
    ck_assert_msg(rc == 0, "parse failed: %s", err.msg);
    return r;
}

/* Clean text; returns a malloc'd copy of the output. */
static char *clean(const slant_clean_rules *r, const char *source, const char *text,
                   slant_clean_log *log) {
    slant_buf out;
    slant_buf_init(&out);
    slant_clean_text(r, source, text, strlen(text), &out, log);
    char *s = slant_xstrdup(out.data ? out.data : "");
    slant_buf_free(&out);
    return s;
}

static void parse_error(const char *text, long line, const char *fragment) {
    slant_error err;
    slant_error_clear(&err);
    slant_clean_rules *r = NULL;
    ck_assert_int_eq(slant_clean_rules_parse("bad.rules", text, strlen(text), &r, &err), -1);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(err.file, "bad.rules");
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.msg, fragment), "message \"%s\" lacks \"%s\"", err.msg, fragment);
}

START_TEST(rules_errors) {
    parse_error("line nav Menu\nbogus nav X\n", 2, "unknown rule kind \"bogus\"");
    parse_error("[global]\n\n[source:]\n", 3, "bad section header");
    parse_error("[sources: X]\n", 1, "bad section header");
    parse_error("line\n", 1, "missing or bad rule label");
    parse_error("line nav   \n", 1, "rule has no pattern");
    parse_error("prefix n@v Photo:\n", 1, "missing or bad rule label");
    parse_error("glob all *\n", 1, "only '*'");
    parse_error("# c\nline nav Menu\nline nav Menu\n", 3, "duplicate rule (first on line 2)");
    parse_error("line nav Caf\xC3\n", 1, "UTF-8");
}
END_TEST

START_TEST(rule_kinds) {
    slant_clean_rules *r = parse("# comment\n"
                                 "line    nav      Breaking News\n"
                                 "prefix  credit   Photo:\n"
                                 "glob    donate   Watch * and donate today.\n"
                                 "tokens  size     XS SM MD LG\n"
                                 "[source: Paper]\n"
                                 "line    paper    Subscribe now\n");
    slant_clean_log log;
    slant_clean_log_init(&log);
    char *out = clean(r, "Other",
                      "Breaking News\n"
                      "Breaking News today\n"
                      "Photo: A. Person/Agency\n"
                      "Watch the film and donate today.\n"
                      "XS SM\n"
                      "LG\n"
                      "XS and SM\n"
                      "Subscribe now\n",
                      &log);
    ck_assert_str_eq(out, "Breaking News today\nXS and SM\nSubscribe now\n");
    ck_assert_uint_eq(log.lines_removed, 5);
    ck_assert_str_eq(log.items[0].rule, "nav:Breaking News");
    ck_assert_uint_eq(log.items[0].line, 1);
    ck_assert_uint_eq(log.items[0].start, 0);
    ck_assert_uint_eq(log.items[0].end, 13);
    ck_assert_str_eq(log.items[1].rule, "credit:Photo:");
    ck_assert_uint_eq(log.items[1].line, 3);
    ck_assert_str_eq(log.items[2].rule, "donate:Watch * and donate today.");
    ck_assert_str_eq(log.items[3].rule, "size:XS SM MD LG");
    ck_assert_uint_eq(log.items[4].line, 6);
    ck_assert_uint_eq(log.bytes_removed, 13 + 23 + 32 + 5 + 2);
    free(out);
    /* per-source section: source names compare case-insensitively */
    out = clean(r, "PAPER", "Subscribe now\nText.\n", &log);
    ck_assert_str_eq(out, "Text.\n");
    ck_assert_str_eq(log.items[0].rule, "paper:Subscribe now");
    free(out);
    slant_clean_log_free(&log);
    slant_clean_rules_free(r);
}
END_TEST

START_TEST(cut_only_in_second_half) {
    slant_clean_rules *r = parse("cut comments What do you think?\n");
    slant_clean_log log;
    slant_clean_log_init(&log);
    /* a footer: the line and everything after go */
    char *out = clean(r, NULL,
                      "First paragraph of a long enough article.\n\nSecond one, also long.\n\n"
                      "What do you think?\n\nRelated: another story\n",
                      &log);
    ck_assert_str_eq(out, "First paragraph of a long enough article.\n\nSecond one, also long.\n");
    ck_assert_uint_eq(log.lines_removed, 2);
    ck_assert_str_eq(log.items[1].rule, "comments:What do you think?");
    ck_assert_uint_eq(log.items[1].line, 7);
    free(out);
    /* a rhetorical question early in the body is kept, and so is the rest */
    out = clean(r, NULL,
                "What do you think?\n\nThe minister asked the room, and the room was silent for "
                "a long time before anyone answered her.\n",
                &log);
    ck_assert_ptr_nonnull(strstr(out, "What do you think?"));
    ck_assert_ptr_nonnull(strstr(out, "the room was silent"));
    ck_assert_uint_eq(log.lines_removed, 0);
    free(out);
    slant_clean_log_free(&log);
    slant_clean_rules_free(r);
}
END_TEST

START_TEST(builtin_duplicates_and_images) {
    slant_clean_log log;
    slant_clean_log_init(&log);
    char *out = clean(NULL, NULL,
                      "A caption printed twice, Dec. 16, 2016.\n"
                      "A caption printed twice, Dec. 16, 2016.\n"
                      "\n"
                      "China\n\nChina\n\n"
                      "io3ssogw9xfcu8jebrv3_320_320-0997301a.jpg\n"
                      "photo.JPEG is a word here\n",
                      &log);
    /* the first copy stays; short repeated lines (headings) stay */
    ck_assert_str_eq(out, "A caption printed twice, Dec. 16, 2016.\n\nChina\n\nChina\n\n"
                          "photo.JPEG is a word here\n");
    ck_assert_uint_eq(log.lines_removed, 2);
    ck_assert_str_eq(log.items[0].rule, "duplicate");
    ck_assert_uint_eq(log.items[0].line, 2);
    ck_assert_str_eq(log.items[1].rule, "image-file");
    ck_assert_uint_eq(log.items[1].line, 8);
    free(out);
    slant_clean_log_free(&log);
}
END_TEST

START_TEST(markdown_residue) {
    slant_clean_log log;
    slant_clean_log_init(&log);
    char *out = clean(NULL, NULL,
                      "# A headline\n\n"
                      "A **bold** claim, an *emphasised* word, a [link](https://x.org/a) and "
                      "\\$18.3 billion.\n"
                      "2 * 3 * 4 stays, and so does snake_case.\n"
                      "![](https://x.org/i.png)\n",
                      &log);
    ck_assert_str_eq(out, "A headline\n\nA bold claim, an emphasised word, a link and $18.3 billion.\n"
                          "2 * 3 * 4 stays, and so does snake_case.\n");
    ck_assert_uint_eq(log.markup_stripped, 6);
    ck_assert_uint_eq(log.lines_removed, 1);
    ck_assert_str_eq(log.items[0].rule, "markup-only");
    free(out);
    slant_clean_log_free(&log);
}
END_TEST

/* Markup found wherever it sits relative to the 16-byte blocks the scan
 * reads: "**b**", "[l](u)", "\\$" and "![i](u)" after 0-40 plain bytes. */
START_TEST(markdown_at_every_offset) {
    static const char *const marks[][2] = {
        {"**b**", "b"}, {"[l](u)", "l"}, {"\\$", "$"}, {"![i](u) z", " z"}};
    for (size_t m = 0; m < 4; m++) {
        for (size_t k = 0; k <= 40; k++) {
            char in[128], want[128];
            memset(in, 'x', k);
            snprintf(in + k, sizeof in - k, "%s tail\n", marks[m][0]);
            memset(want, 'x', k);
            snprintf(want + k, sizeof want - k, "%s tail\n", marks[m][1]);
            if (k == 0 && m == 3) strcpy(want, "z tail\n");
            slant_clean_log log;
            slant_clean_log_init(&log);
            char *out = clean(NULL, NULL, in, &log);
            ck_assert_msg(strcmp(out, want) == 0, "offset %zu: got \"%s\" for \"%s\"", k, out, in);
            ck_assert_uint_eq(log.markup_stripped, m == 0 ? 2 : 1); /* "**" twice */
            free(out);
            slant_clean_log_free(&log);
        }
    }
}
END_TEST

/* A line's end and its markup are found in one scan: markup on the next
 * line, at any offset from the newline, belongs to that line only. */
START_TEST(markup_on_the_next_line) {
    for (size_t k = 0; k <= 40; k++) {
        char in[128], want[128];
        memset(in, 'x', k);
        snprintf(in + k, sizeof in - k, "\n**b** y\nplain z");
        memset(want, 'x', k);
        snprintf(want + k, sizeof want - k, "%sb y\nplain z\n", k ? "\n" : "");
        slant_clean_log log;
        slant_clean_log_init(&log);
        char *out = clean(NULL, NULL, in, &log);
        ck_assert_msg(strcmp(out, want) == 0, "k %zu: got \"%s\"", k, out);
        ck_assert_uint_eq(log.markup_stripped, 2);
        free(out);
        slant_clean_log_free(&log);
    }
}
END_TEST

/* Rules are tried in file order whether or not they start with a literal
 * byte (anchored rules are skipped only when the line cannot start them). */
START_TEST(rule_order_anchored_and_loose) {
    slant_clean_rules *a = parse("glob loose * the end.\nprefix anch The\n");
    slant_clean_rules *b = parse("prefix anch The\nglob loose * the end.\n");
    slant_clean_log log;
    slant_clean_log_init(&log);
    char *out = clean(a, NULL, "The start and the end.\nKept.\nAt the end.\n", &log);
    ck_assert_str_eq(out, "Kept.\n");
    ck_assert_str_eq(log.items[0].rule, "loose:* the end.");
    ck_assert_str_eq(log.items[1].rule, "loose:* the end.");
    free(out);
    out = clean(b, NULL, "The start and the end.\nKept.\nAt the end.\n", &log);
    ck_assert_str_eq(out, "Kept.\n");
    ck_assert_str_eq(log.items[0].rule, "anch:The");
    ck_assert_str_eq(log.items[1].rule, "loose:* the end.");
    free(out);
    slant_clean_log_free(&log);
    slant_clean_rules_free(a);
    slant_clean_rules_free(b);
}
END_TEST

START_TEST(split_paragraphs_joined) {
    slant_clean_log log;
    slant_clean_log_init(&log);
    char *out = clean(NULL, NULL,
                      "Trade grew by 25 percent last year. Japan, the largest importer of\n\n"
                      "liquefied gas, buys from Russia.\n\n"
                      "Investing for peace\n\nIn Tokyo, they met.\n\n"
                      "It ended.\n\nand then nothing.\n",
                      &log);
    ck_assert_str_eq(out, "Trade grew by 25 percent last year. Japan, the largest importer of "
                          "liquefied gas, buys from Russia.\n\n"
                          "Investing for peace\n\nIn Tokyo, they met.\n\n"
                          "It ended.\n\nand then nothing.\n");
    ck_assert_uint_eq(log.paragraphs_joined, 1);
    ck_assert_uint_eq(log.lines_removed, 0);
    ck_assert_uint_eq(log.n, 1);
    ck_assert_str_eq(log.items[0].rule, "paragraph-join");
    ck_assert_uint_eq(log.items[0].line, 2);
    free(out);
    slant_clean_log_free(&log);
}
END_TEST

START_TEST(whitespace_crlf_bom) {
    slant_clean_log log;
    slant_clean_log_init(&log);
    /* BOM, CRLF, a no-break-space-only line (a paragraph break), indentation */
    char *out = clean(NULL, NULL,
                      "\xEF\xBB\xBFTitle\r\n\r\n\xC2\xA0\r\n  First line.  \r\nSecond.\r\n\r\n\r\n",
                      &log);
    ck_assert_str_eq(out, "Title\n\nFirst line.\nSecond.\n");
    free(out);
    out = clean(NULL, NULL, "", &log);
    ck_assert_str_eq(out, "");
    free(out);
    out = clean(NULL, NULL, "\n\n \n", &log);
    ck_assert_str_eq(out, "");
    free(out);
    slant_clean_log_free(&log);
}
END_TEST

/* 50 MB without a newline, and a line of stars: linear time, no crash. */
START_TEST(huge_line_linear) {
    slant_clean_rules *r = parse("glob g *a*b*c*d*\ncut c x*y*z\n");
    size_t n = 50u << 20;
    char *big = slant_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) big[i] = (i % 3 == 0) ? '*' : (i % 3 == 1 ? 'a' : ' ');
    big[n] = '\0';
    slant_buf out;
    slant_buf_init(&out);
    slant_clean_log log;
    slant_clean_log_init(&log);
    clock_t t0 = clock();
    slant_clean_text(r, NULL, big, n, &out, &log);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_uint_gt(out.len, n / 2); /* kept: no b, c, d on the line */
    ck_assert_msg(secs < 30, "cleaning 50 MB took %.1f s", secs);
    free(big);
    slant_buf_free(&out);
    slant_clean_log_free(&log);
    slant_clean_rules_free(r);
}
END_TEST

/* ---- the seed articles ---- */

typedef struct seed {
    const char *file;
    size_t removed;          /* lines removed */
    const char *phrases[4];  /* distinctive article words that must stay */
} seed;

static const seed seeds[] = {
    {"000_9986aba2f63a8448.txt", 4, {"Aegis Ashore", "Iturup", "importer of liquefied", NULL}},
    {"001_663b9610a18bbe72.txt", 10, {"Novatek announced", "Hosaka Yuji", "Grant Newsham", NULL}},
    {"002_ef46999ce7b4fbc2.txt", 8, {"Messrs. Putin and Abe", "Gabuev", "Kunashiri island", NULL}},
    {"003_5969239258afc9cb.txt", 10, {"Battle of Tsushima", "Shotaro Yachi", "eight points", NULL}},
    {"004_11eb1f1af465d0b5.txt", 1, {"Habomai", "new approach", "Sochi", NULL}},
};

/* Lines that must not survive anywhere (compared with each trimmed line). */
static const char *const boiler_lines[] = {
    "Accessibility links", "Breaking News", "XS", "SM", "MD", "LG",
    "Comment(s) Write comment", "Trackback (You need to login.)", "What do you think?",
    "Notify of", "Inline Feedbacks", "View all comments", "Loading", "Search", ":", "in ,",
    "(Bold italics added)", NULL};
/* Fragments that must not appear anywhere in the cleaned text. */
static const char *const boiler_fragments[] = {
    "Category:Event", "donate today", "To contact the WSWS", "wsws.org/contact",
    "The statements, views and opinions expressed", "Photo:", ".jpg",
    "Views expressed are of individual Members", "Peter Lavelle", "deadlocked on Syria",
    "contributed to this report", NULL};
/* Rule names a removal on the seeds may carry: each a boilerplate kind. */
static const char *const allowed_labels[] = {"nav:",        "size-picker:", "comments:",
                                             "credit:",     "editorial:",   "donation:",
                                             "contact:",    "disclaimer:",  "duplicate",
                                             "image-file",  "paragraph-join", NULL};

static int has_line(const char *text, const char *line) {
    size_t n = strlen(line);
    for (const char *p = text; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == n && memcmp(p, line, n) == 0) return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

static size_t count_of(const char *hay, const char *needle, size_t nl) {
    size_t c = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += nl) c++;
    (void)nl;
    return c;
}

START_TEST(seed_articles) {
    if (!shared_available()) return;
    slant_error err;
    slant_error_clear(&err);
    slant_clean_rules *rules;
    ck_assert_int_eq(slant_clean_rules_load(SLANT_SRCDIR "/lexicons/clean.rules", &rules, &err), 0);
    slant_corpus *c;
    ck_assert_int_eq(slant_corpus_open(SHARED_DIR "/corpus/seeds", &c, &err), 0);
    ck_assert_uint_eq(c->n, 5);
    slant_buf raw, out;
    slant_buf_init(&raw);
    slant_buf_init(&out);
    slant_clean_log log;
    slant_clean_log_init(&log);
    for (size_t i = 0; i < 5; i++) {
        const slant_article *a = &c->articles[i];
        ck_assert_ptr_nonnull(strstr(a->path, seeds[i].file));
        const char *text;
        size_t len;
        ck_assert_int_eq(slant_article_text(a, &raw, &text, &len, &err), 0);
        slant_clean_text(rules, a->source, text, len, &out, &log);
        const char *o = out.data;
        ck_assert_msg(log.lines_removed == seeds[i].removed, "%s: %zu lines removed, expected %zu",
                      a->id, log.lines_removed, seeds[i].removed);
        for (size_t k = 0; boiler_lines[k]; k++)
            ck_assert_msg(!has_line(o, boiler_lines[k]), "%s: \"%s\" survived", a->id,
                          boiler_lines[k]);
        for (size_t k = 0; boiler_fragments[k]; k++)
            ck_assert_msg(!strstr(o, boiler_fragments[k]), "%s: \"%s\" survived", a->id,
                          boiler_fragments[k]);
        for (size_t k = 0; seeds[i].phrases[k]; k++)
            ck_assert_msg(strstr(o, seeds[i].phrases[k]), "%s: lost \"%s\"", a->id,
                          seeds[i].phrases[k]);
        /* every removal carries a boilerplate rule */
        for (size_t k = 0; k < log.n; k++) {
            int ok = 0;
            for (size_t m = 0; allowed_labels[m]; m++)
                if (strncmp(log.items[k].rule, allowed_labels[m], strlen(allowed_labels[m])) == 0)
                    ok = 1;
            ck_assert_msg(ok, "%s line %u removed by unexpected rule %s", a->id,
                          log.items[k].line, log.items[k].rule);
        }
        /* no article line is lost: every line not logged as removed ends up
         * in the output (its last 20 bytes, past any markdown at its start) */
        size_t li = 0, lineno = 0;
        for (const char *p = text; p < text + len;) {
            const char *e = memchr(p, '\n', (size_t)(text + len - p));
            size_t l = e ? (size_t)(e - p) : (size_t)(text + len - p);
            lineno++;
            for (;;) {
                if (l && (p[l - 1] == ' ' || p[l - 1] == '\r')) l--;
                else if (l >= 2 && (unsigned char)p[l - 2] == 0xC2 && (unsigned char)p[l - 1] == 0xA0)
                    l -= 2; /* no-break space */
                else break;
            }
            int removed = 0;
            while (li < log.n && log.items[li].line < lineno) li++;
            if (li < log.n && log.items[li].line == lineno &&
                strcmp(log.items[li].rule, "paragraph-join") != 0)
                removed = 1;
            if (!removed && l >= 20) {
                char tail[21];
                memcpy(tail, p + l - 20, 20);
                tail[20] = '\0';
                ck_assert_msg(strstr(o, tail), "%s line %zu lost (\"...%s\")", a->id, lineno,
                              tail);
            }
            p = e ? e + 1 : text + len;
        }
    }
    slant_clean_log_free(&log);
    slant_buf_free(&raw);
    slant_buf_free(&out);
    slant_corpus_free(c);
    slant_clean_rules_free(rules);
}
END_TEST

/* Voice of America prints three captions twice: each stays exactly once. */
START_TEST(seed_captions_once) {
    if (!shared_available()) return;
    slant_error err;
    slant_error_clear(&err);
    slant_clean_rules *rules;
    ck_assert_int_eq(slant_clean_rules_load(SLANT_SRCDIR "/lexicons/clean.rules", &rules, &err), 0);
    slant_buf raw, out;
    slant_buf_init(&raw);
    slant_buf_init(&out);
    ck_assert_int_eq(
        slant_read_file(SHARED_DIR "/corpus/seeds/001_663b9610a18bbe72.txt", &raw, 0, &err), 0);
    slant_clean_log log;
    slant_clean_log_init(&log);
    slant_clean_text(rules, "Voice of America", raw.data, raw.len, &out, &log);
    size_t dups = 0;
    for (size_t k = 0; k < log.n; k++) {
        if (strcmp(log.items[k].rule, "duplicate") != 0) continue;
        dups++;
        /* the removed copy is identical to the line before it, and that
         * text is in the output exactly once */
        char line[512];
        size_t n = log.items[k].end - log.items[k].start;
        ck_assert_uint_lt(n, sizeof line);
        memcpy(line, raw.data + log.items[k].start, n);
        line[n] = '\0';
        ck_assert_uint_eq(count_of(out.data, line, n), 1);
        ck_assert_uint_eq(count_of(raw.data, line, n), 2);
    }
    ck_assert_uint_eq(dups, 3);
    slant_clean_log_free(&log);
    slant_buf_free(&raw);
    slant_buf_free(&out);
    slant_clean_rules_free(rules);
}
END_TEST

/* The shipped rules file parses, and the default path finds it. */
START_TEST(shipped_rules) {
    slant_error err;
    slant_error_clear(&err);
    slant_clean_rules *r;
    ck_assert_int_eq(slant_clean_rules_load(SLANT_SRCDIR "/lexicons/clean.rules", &r, &err), 0);
    slant_clean_rules_free(r);
    setenv("SLANT_LEXICONS", SLANT_SRCDIR "/lexicons", 1);
    char *p = slant_clean_rules_default_path();
    ck_assert_str_eq(p, SLANT_SRCDIR "/lexicons/clean.rules");
    free(p);
    ck_assert_int_eq(slant_clean_rules_load("/nonexistent/clean.rules", &r, &err), -1);
    ck_assert_str_eq(err.file, "/nonexistent/clean.rules");
}
END_TEST

static Suite *clean_suite(void) {
    Suite *s = suite_create("clean");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, rules_errors);
    tcase_add_test(tc, rule_kinds);
    tcase_add_test(tc, cut_only_in_second_half);
    tcase_add_test(tc, builtin_duplicates_and_images);
    tcase_add_test(tc, markdown_residue);
    tcase_add_test(tc, markdown_at_every_offset);
    tcase_add_test(tc, markup_on_the_next_line);
    tcase_add_test(tc, rule_order_anchored_and_loose);
    tcase_add_test(tc, split_paragraphs_joined);
    tcase_add_test(tc, whitespace_crlf_bom);
    tcase_add_test(tc, huge_line_linear);
    tcase_add_test(tc, seed_articles);
    tcase_add_test(tc, seed_captions_once);
    tcase_add_test(tc, shipped_rules);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(clean_suite)
