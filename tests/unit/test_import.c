/*
 * test_import.c - VADER, AFINN and LIWC importers: counts, spot-checked
 * weights, multi-word entries, wildcards, and the round trip (what is
 * written reads back, through the lexicon parser, as the same entries).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slant/import.h"
#include "slant/lexicon.h"
#include "slant/match.h"
#include "slant/text.h"
#include "testutil.h"

#define VADER SHARED_DIR "/lexicons/vader_lexicon.txt"
#define AFINN SHARED_DIR "/lexicons/AFINN-en-165.txt"
#define SMALL_DIC SLANT_SRCDIR "/tests/fixtures/small.dic"

static slant_lexset *reread(const slant_buf *out, const char *name) {
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_msg(slant_lexset_add_text(s, name, out->data, out->len, &err) == 0, "%s:%ld:%ld: %s",
                  err.file, err.line, err.column, err.msg);
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    return s;
}

static const slant_entry *find(const slant_lexset *s, const char *term, const char *cat) {
    for (size_t i = 0; i < slant_lexset_entry_count(s); i++) {
        const slant_entry *e = slant_lexset_entry(s, i);
        if (strcmp(e->term, term) == 0 && strcmp(slant_lexset_category(s, e->category)->name, cat) == 0)
            return e;
    }
    return NULL;
}

static double round4(double x) { return round(x * 1e4) / 1e4; }

START_TEST(vader_round_trip) {
    if (access(VADER, R_OK) != 0) return;
    slant_buf out, warn;
    slant_buf_init(&out);
    slant_buf_init(&warn);
    slant_import_stats st;
    slant_error err;
    ck_assert_int_eq(slant_import_file(SLANT_IMPORT_VADER, VADER, NULL, &out, &warn, &st, &err), 0);
    ck_assert_uint_eq(st.lines, 7520);
    ck_assert_uint_eq(st.entries, 7520);
    ck_assert_uint_eq(st.skipped, 0);
    ck_assert_uint_eq(warn.len, 0);
    /* case variants keep their own weight: ":D"/":d", "o.O"/"o.o", ... */
    ck_assert_uint_eq(st.cased, 12);
    ck_assert_ptr_nonnull(strstr(out.data, "\n@lexicon vader_lexicon\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\n@license MIT"));
    ck_assert_ptr_nonnull(strstr(out.data, "\ngood\ttone\t0.475\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\n:D\ttone\t0.575\tcase\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\n\\*)\ttone\t0.15\n")); /* escaped emoticon */

    slant_lexset *s = reread(&out, "vader.lex");
    /* VADER repeats 14 terms exactly: they read back as duplicates, later line wins */
    ck_assert_uint_eq(slant_lexset_layer(s, 0)->duplicates, 14);
    ck_assert_uint_eq(slant_lexset_entry_count(s), 7520 - 14);

    /* every entry read back has weight mean/4 (4 decimals) of the source's
     * last line for that term */
    slant_buf src;
    slant_buf_init(&src);
    ck_assert_int_eq(slant_read_file(VADER, &src, 0, &err), 0);
    slant_strmap *mean_of = slant_strmap_new(8192);
    double *means = slant_xmalloc(8192 * sizeof *means);
    size_t nm = 0;
    char *save = NULL;
    for (char *line = strtok_r(src.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *tab = strchr(line, '\t');
        ck_assert_ptr_nonnull(tab);
        size_t tl = (size_t)(tab - line);
        uint32_t *v = slant_strmap_upsert(mean_of, line, tl, slant_hash_bytes(line, tl), (uint32_t)nm, NULL);
        if (*v == nm) nm++;
        means[*v] = strtod(tab + 1, NULL);
    }
    ck_assert_uint_eq(nm, 7520 - 14);
    for (size_t i = 0; i < slant_lexset_entry_count(s); i++) {
        const slant_entry *e = slant_lexset_entry(s, i);
        size_t tl = strlen(e->term);
        uint32_t *v = slant_strmap_get(mean_of, e->term, tl, slant_hash_bytes(e->term, tl));
        ck_assert_msg(v != NULL, "'%s' is not in VADER", e->term);
        ck_assert_msg(fabs(e->weight - round4(means[*v] / 4)) < 1e-12, "%s: %g vs %g", e->term,
                      e->weight, means[*v] / 4);
        ck_assert_uint_eq(e->family, SLANT_FAM_TONE);
    }
    /* spot checks against the published file: mean / 4 */
    ck_assert(find(s, "good", "tone")->weight == 0.475);  /* 1.9 */
    ck_assert(find(s, "bad", "tone")->weight == -0.625);  /* -2.5 */
    ck_assert(find(s, "love", "tone")->weight == 0.8);    /* 3.2 */
    ck_assert(find(s, "hate", "tone")->weight == -0.675); /* -2.7 */
    ck_assert(find(s, "peace", "tone")->weight == 0.625); /* 2.5 */
    ck_assert(find(s, "war", "tone")->weight == -0.725);  /* -2.9 */
    const slant_entry *e = find(s, "can't stand", "tone"); /* multi-word in VADER */
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_ge(e->ntoks, 2);
    ck_assert_uint_eq(find(s, ":D", "tone")->flags, SLANT_EF_CASE);
    ck_assert_uint_eq(find(s, ":d", "tone")->flags, 0);
    slant_strmap_free(mean_of);
    free(means);
    slant_buf_free(&src);
    slant_lexset_free(s);
    slant_buf_free(&out);
    slant_buf_free(&warn);
}
END_TEST

START_TEST(afinn_round_trip) {
    if (access(AFINN, R_OK) != 0) return;
    slant_buf out;
    slant_buf_init(&out);
    slant_import_stats st;
    slant_error err;
    slant_import_opts o = {"afinn-test", NULL};
    ck_assert_int_eq(slant_import_file(SLANT_IMPORT_AFINN, AFINN, &o, &out, NULL, &st, &err), 0);
    ck_assert_uint_eq(st.lines, 3382);
    ck_assert_uint_eq(st.entries, 3382);
    slant_lexset *s = reread(&out, "afinn.lex");
    ck_assert_uint_eq(slant_lexset_entry_count(s), 3382);
    ck_assert_uint_eq(slant_lexset_warning_count(s), 0);
    ck_assert_str_eq(slant_lexset_layer(s, 0)->name, "afinn-test");
    ck_assert_ptr_nonnull(strstr(slant_lexset_layer(s, 0)->license, "Apache-2.0"));
    /* score / 5 */
    ck_assert(find(s, "abandon", "tone")->weight == -0.4); /* -2 */
    ck_assert(find(s, "breathtaking", "tone")->weight == 1); /* 5 */
    const slant_entry *e = find(s, "does not work", "tone");
    ck_assert_ptr_nonnull(e);
    ck_assert(e->weight == -0.6); /* -3 */
    ck_assert_uint_eq(e->ntoks, 3);
    ck_assert_str_eq(e->norm, "does not work");
    e = find(s, "fed up", "tone");
    ck_assert_uint_eq(e->ntoks, 2);
    size_t multi = 0;
    for (size_t i = 0; i < slant_lexset_entry_count(s); i++) multi += slant_lexset_entry(s, i)->ntoks > 1;
    ck_assert_uint_ge(multi, 30); /* the 30 entries written with a space, and hyphenated ones if split */

    /* the multi-word entry is found in text, and hides "work" in its family */
    slant_doc d;
    slant_doc_init(&d);
    const char *text = "It does not work at all";
    ck_assert_int_eq(slant_doc_analyze(&d, text, strlen(text), &err), 0);
    slant_matches m;
    slant_matches_init(&m);
    slant_match_range(s, &d, 0, d.ntoks, &m);
    ck_assert_uint_ge(m.n, 1);
    ck_assert_str_eq(slant_lexset_entry(s, m.items[0].entry)->term, "does not work");
    ck_assert_uint_eq(m.items[0].tok_begin, 1);
    ck_assert_uint_eq(m.items[0].tok_end, 4);
    slant_matches_free(&m);
    slant_doc_free(&d);
    slant_lexset_free(s);
    slant_buf_free(&out);
}
END_TEST

START_TEST(afinn_category_option) {
    const char *text = "bad luck\t-2\nsuperb\t5\n";
    slant_buf out;
    slant_buf_init(&out);
    slant_error err;
    slant_import_opts o = {NULL, "loaded.test"};
    ck_assert_int_eq(slant_import_text(SLANT_IMPORT_AFINN, "x/mini.txt", text, strlen(text), &o,
                                       &out, NULL, NULL, &err), 0);
    ck_assert_ptr_nonnull(strstr(out.data, "@lexicon mini\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\nbad luck\tloaded.test\t-0.4\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\nsuperb\tloaded.test\t1\n"));
    slant_buf_free(&out);
    /* a BOM and CRLF line ends are accepted */
    const char *crlf = "\xEF\xBB\xBF" "calm\t2\r\nbad luck\t-2\r\n";
    o.category = NULL;
    ck_assert_int_eq(slant_import_text(SLANT_IMPORT_AFINN, "crlf.txt", crlf, strlen(crlf), &o,
                                       &out, NULL, NULL, &err), 0);
    ck_assert_ptr_nonnull(strstr(out.data, "\ncalm\ttone\t0.4\nbad luck\ttone\t-0.4\n"));
    slant_buf_free(&out);
    o.category = "nonsense.x";
    ck_assert_int_eq(slant_import_text(SLANT_IMPORT_AFINN, "mini.txt", text, strlen(text), &o,
                                       &out, NULL, NULL, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "--category 'nonsense.x'"));
    slant_buf_free(&out);
}
END_TEST

START_TEST(liwc_small_dic) {
    slant_buf out, warn;
    slant_buf_init(&out);
    slant_buf_init(&warn);
    slant_import_stats st;
    slant_error err;
    ck_assert_int_eq(slant_import_file(SLANT_IMPORT_LIWC, SMALL_DIC, NULL, &out, &warn, &st, &err), 0);
    ck_assert_uint_eq(st.categories, 4);
    ck_assert_uint_eq(st.lines, 12);
    ck_assert_uint_eq(st.entries, 11);
    ck_assert_uint_eq(st.skipped, 4);
    /* the four lines the format cannot hold are named with their line */
    ck_assert_ptr_nonnull(strstr(warn.data, "small.dic:15:8: category '9' of 'boss' is not in the header"));
    ck_assert_ptr_nonnull(strstr(warn.data, "small.dic:16: skipped: '*' may only end"));
    ck_assert_ptr_nonnull(strstr(warn.data, "small.dic:17: skipped: '*' may only end"));
    ck_assert_ptr_nonnull(strstr(warn.data, "small.dic:18: skipped: a wildcard must be one word"));

    slant_lexset *s = reread(&out, "small.lex");
    ck_assert_uint_eq(slant_lexset_entry_count(s), 11);
    ck_assert_str_eq(slant_lexset_layer(s, 0)->name, "small");
    int c = slant_lexset_category_find(s, "frame.home_life");
    ck_assert_int_ge(c, 0);
    ck_assert_str_eq(slant_lexset_category(s, (size_t)c)->label, "Home Life");
    ck_assert_int_ge(slant_lexset_category_find(s, "frame.power"), 0);
    const slant_entry *e = find(s, "abandon", "frame.negemo");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->flags, SLANT_EF_WILDCARD);
    ck_assert_ptr_nonnull(find(s, "abandon", "frame.power"));
    ck_assert_uint_eq(find(s, "kind of", "frame.posemo")->ntoks, 2);
    ck_assert_ptr_nonnull(find(s, "win", "frame.posemo"));
    ck_assert_ptr_nonnull(find(s, "win", "frame.power"));
    ck_assert(find(s, "happy", "frame.posemo")->weight == 1);

    /* LIWC wildcards match: "abandoned" -> negemo and power */
    slant_doc d;
    slant_doc_init(&d);
    const char *text = "They abandoned the authority";
    ck_assert_int_eq(slant_doc_analyze(&d, text, strlen(text), &err), 0);
    slant_matches m;
    slant_matches_init(&m);
    slant_match_range(s, &d, 0, d.ntoks, &m);
    ck_assert_uint_eq(m.n, 3);
    ck_assert_str_eq(slant_lexset_category(s, slant_lexset_entry(s, m.items[0].entry)->category)->name, "frame.negemo");
    ck_assert_str_eq(slant_lexset_category(s, slant_lexset_entry(s, m.items[1].entry)->category)->name, "frame.power");
    ck_assert_str_eq(slant_lexset_entry(s, m.items[2].entry)->term, "authorit");
    slant_matches_free(&m);
    slant_doc_free(&d);
    slant_lexset_free(s);
    slant_buf_free(&out);

    /* --category picks the family */
    slant_import_opts o = {"liwc", "target"};
    ck_assert_int_eq(slant_import_file(SLANT_IMPORT_LIWC, SMALL_DIC, &o, &out, NULL, &st, &err), 0);
    ck_assert_ptr_nonnull(strstr(out.data, "\nhappy\ttarget.posemo\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\n@category target.posemo posemo\n"));
    slant_buf_free(&out);
    slant_buf_free(&warn);
}
END_TEST

struct bad_import {
    int format;
    const char *text;
    long line, col;
    const char *msg;
};

static const struct bad_import bad_imports[] = {
    {SLANT_IMPORT_VADER, "good\t1.9\t0.9\t[]\nbad -2.5\n", 2, 9, "no TAB on this line"},
    {SLANT_IMPORT_VADER, "good\tnan\t0.9\t[]\n", 1, 6, "'nan' is not a number (expected the mean valence)"},
    {SLANT_IMPORT_AFINN, "good\t3\n\t2\n", 2, 1, "empty term"},
    {SLANT_IMPORT_AFINN, "good\tthree\n", 1, 6, "'three' is not a number (expected the score)"},
    {SLANT_IMPORT_LIWC, "1\tposemo\n%\nhappy\t1\n", 1, 1, "starts with a '%' line"},
    {SLANT_IMPORT_LIWC, "%\n1\tposemo\n1\tnegemo\n%\n", 3, 1, "category id '1' is defined twice"},
    {SLANT_IMPORT_LIWC, "%\n1\tposemo\n", 2, 0, "no word list"},
    {SLANT_IMPORT_LIWC, "%\n1\n%\n", 2, 1, "category line needs 'id<TAB>name'"},
};

START_TEST(import_errors) {
    for (size_t i = 0; i < sizeof bad_imports / sizeof bad_imports[0]; i++) {
        const struct bad_import *b = &bad_imports[i];
        slant_buf out;
        slant_buf_init(&out);
        slant_error err;
        ck_assert_int_eq(slant_import_text(b->format, "src.txt", b->text, strlen(b->text), NULL,
                                           &out, NULL, NULL, &err), -1);
        ck_assert_str_eq(err.file, "src.txt");
        ck_assert_msg(err.line == b->line && err.column == b->col, "case %zu: %ld:%ld", i,
                      err.line, err.column);
        ck_assert_msg(strstr(err.msg, b->msg) != NULL, "case %zu: %s", i, err.msg);
        ck_assert_uint_eq(out.len, 0);
        slant_buf_free(&out);
    }
    slant_buf out;
    slant_buf_init(&out);
    slant_error err;
    ck_assert_int_eq(slant_import_text(SLANT_IMPORT_AFINN, "u.txt", "caf\xC3\tx\n", 7, NULL, &out,
                                       NULL, NULL, &err), -1);
    ck_assert_int_eq(err.offset, 3);
    ck_assert_ptr_nonnull(strstr(err.msg, "invalid UTF-8"));
    ck_assert_int_eq(slant_import_format_find("liwc"), SLANT_IMPORT_LIWC);
    ck_assert_int_eq(slant_import_format_find("vader"), SLANT_IMPORT_VADER);
    ck_assert_int_eq(slant_import_format_find("afinn"), SLANT_IMPORT_AFINN);
    ck_assert_int_eq(slant_import_format_find("csv"), -1);
    slant_buf_free(&out);
}
END_TEST

START_TEST(escape_round_trip) {
    const char *terms[] = {"*)", "*\\0/*", ":-\\", "#hashtag", "@}-;-'---", "a@b", "x#y", "\\\\"};
    slant_buf b;
    slant_buf_init(&b);
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        slant_import_escape_term(&b, terms[i], strlen(terms[i]));
        slant_buf_printf(&b, "\ttone\t0.%zu\n", i + 1);
    }
    slant_lexset *s = reread(&b, "esc.lex");
    ck_assert_uint_eq(slant_lexset_entry_count(s), sizeof terms / sizeof terms[0]);
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        const slant_entry *e = slant_lexset_entry(s, i);
        ck_assert_str_eq(e->term, terms[i]);
        ck_assert_uint_eq(e->flags, 0);
    }
    slant_lexset_free(s);
    slant_buf_free(&b);
}
END_TEST

static Suite *import_suite(void) {
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, vader_round_trip);
    tcase_add_test(tc, afinn_round_trip);
    tcase_add_test(tc, afinn_category_option);
    tcase_add_test(tc, liwc_small_dic);
    tcase_add_test(tc, import_errors);
    tcase_add_test(tc, escape_round_trip);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(import_suite)
