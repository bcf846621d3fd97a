/*
 * test_match.c - the matcher: multi-word overlaps across and within
 * families, wildcard vs exact precedence, case-sensitive aliases, ranges,
 * result order, buffer reuse.
 *
 * Each case is data: a lexicon, a text, and the matches as
 * "tokens:term/category" joined by "; " (tokens as begin-end).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "slant/lexicon.h"
#include "slant/match.h"
#include "slant/text.h"
#include "testutil.h"

static slant_lexset *set_from(const char *text) {
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_msg(slant_lexset_add_text(s, "t.lex", text, strlen(text), &err) == 0, "%s", err.msg);
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    return s;
}

/* matches of the whole text rendered as "b-e:term/category; ..." */
static void render(const slant_lexset *s, const char *text, char *out, size_t n) {
    slant_doc d;
    slant_doc_init(&d);
    slant_error err;
    ck_assert_int_eq(slant_doc_analyze(&d, text, strlen(text), &err), 0);
    slant_matches m;
    slant_matches_init(&m);
    slant_match_range(s, &d, 0, d.ntoks, &m);
    slant_buf b;
    slant_buf_init(&b);
    for (size_t i = 0; i < m.n; i++) {
        const slant_entry *e = slant_lexset_entry(s, m.items[i].entry);
        slant_buf_printf(&b, "%s%u-%u:%s%s/%s", i ? "; " : "", m.items[i].tok_begin,
                         m.items[i].tok_end, e->term, (e->flags & SLANT_EF_WILDCARD) ? "*" : "",
                         slant_lexset_category(s, e->category)->name);
    }
    snprintf(out, n, "%s", b.data ? b.data : "");
    slant_buf_free(&b);
    slant_matches_free(&m);
    slant_doc_free(&d);
}

struct match_case {
    const char *lexicon, *text, *want;
};

static const char *const LEX =
    "peace\ttone\t0.625\n"
    "peace treaty\tframe.diplomacy\n"
    "treaty\tframe.law\n"
    "treaty talks\tframe.diplomacy\n"
    "good\ttone\t0.475\n"
    "not good\ttone\t-0.4\t# idiom\n"
    "negotiat*\tframe.diplomacy\n"
    "negotiator\tframe.security\n"
    "negotiations\ttone\t0.1\n"
    "nego*\tframe.economy\n"
    "US\ttarget.usa\t1\tcase\n"
    "United States\ttarget.usa\n"
    "White House\ttarget.usa\t1\tcase\n"
    "Trump\ttarget.usa\t1\tcase\n"
    "trump\ttarget.usa\t2\n"
    "regime\tloaded\t2\n"
    "regime\tframe.domestic\n"
    "Kuril Islands\tnaming.kurils\t1\tside=russia\n"
    "Southern Kuril Islands\tnaming.kurils\t1\tside=russia_official\n"
    "Kuril\ttarget.russia\n";

static const struct match_case cases[] = {
    /* different families overlap freely: tone "peace" inside frame "peace treaty" */
    {NULL, "The peace treaty", "1-2:peace/tone; 1-3:peace treaty/frame.diplomacy"},
    /* within a family, the longest match hides what starts inside it */
    {NULL, "peace treaty talks", "0-1:peace/tone; 0-2:peace treaty/frame.diplomacy"},
    {NULL, "the treaty talks", "1-3:treaty talks/frame.diplomacy"},
    {NULL, "a treaty", "1-2:treaty/frame.law"},
    /* a prefix that leads nowhere falls back to the shorter term; so does
     * one followed by a lexicon word that continues no term */
    {NULL, "peace now", "0-1:peace/tone"},
    {NULL, "peace good", "0-1:peace/tone; 1-2:good/tone"},
    {NULL, "peace treaty good", "0-1:peace/tone; 0-2:peace treaty/frame.diplomacy; 2-3:good/tone"},
    /* idiom beats the word inside it; elsewhere the word matches */
    {NULL, "It is not good.", "2-4:not good/tone"},
    {NULL, "good, not bad", "0-1:good/tone"},
    {NULL, "not so good", "2-3:good/tone"},
    /* exact beats wildcard in the same family; other families independent */
    {NULL, "the negotiator", "1-2:negotiator/frame.security"},
    {NULL, "negotiations", "0-1:negotiations/tone; 0-1:negotiat*/frame.diplomacy"},
    /* the longest stem wins among wildcards; a stem alone matches */
    {NULL, "negotiating negotiat nego", "0-1:negotiat*/frame.diplomacy; 1-2:negotiat*/frame.diplomacy; 2-3:nego*/frame.economy"},
    {NULL, "NEGOTIATING", "0-1:negotiat*/frame.diplomacy"},
    {NULL, "neg", ""},
    /* wildcard gates: a one-byte stem, a stem longer than the 8 bytes the
     * gate looks at (a shorter word sharing those 8 bytes is no match), a
     * token shorter than every stem, a case-sensitive stem */
    {"x*\ttone\nxylo*\tframe.economy\n", "x xylophone xa",
     "0-1:x*/tone; 1-2:x*/tone; 1-2:xylo*/frame.economy; 2-3:x*/tone"},
    {"internationali*\tframe.diplomacy\ninterim\ttone\n", "internationalist international interim in",
     "0-1:internationali*/frame.diplomacy; 2-3:interim/tone"},
    /* the gate reads a token's first min(shortest stem, 4) bytes: stems of
     * 2 and 3 bytes, and tokens of 1 to 4 bytes around them */
    {"ab*\ttone\nabc*\tframe.economy\n", "a ab abc abcd b ac",
     "1-2:ab*/tone; 2-3:ab*/tone; 2-3:abc*/frame.economy; 3-4:ab*/tone; 3-4:abc*/frame.economy"},
    {"abc*\ttone\n", "a ab abc abd abcd", "2-3:abc*/tone; 4-5:abc*/tone"},
    {"Ukrain*\ttarget.ukraine\t1\tcase\n", "Ukrainian ukrainian UKRAINE Ukrain",
     "0-1:Ukrain*/target.ukraine; 3-4:Ukrain*/target.ukraine"},
    /* case-sensitive aliases */
    {NULL, "US troops", "0-1:US/target.usa"},
    {NULL, "let us go", ""},
    {NULL, "Us and them", ""},
    {NULL, "the United States", "1-3:United States/target.usa"},
    {NULL, "the united states", "1-3:United States/target.usa"},
    {NULL, "the White House", "1-3:White House/target.usa"},
    {NULL, "a white house", ""},
    /* a case entry that applies hides the caseless one of the same category */
    {NULL, "Trump said", "0-1:Trump/target.usa"},
    {NULL, "trump card", "0-1:trump/target.usa"},
    {NULL, "TRUMP", "0-1:trump/target.usa"},
    /* one term, several families: all reported, ordered by family */
    {NULL, "the regime", "1-2:regime/loaded; 1-2:regime/frame.domestic"},
    /* naming: longest label wins, target family independent */
    {NULL, "the Southern Kuril Islands",
     "1-4:Southern Kuril Islands/naming.kurils; 2-3:Kuril/target.russia"},
    {NULL, "the Kuril Islands", "1-2:Kuril/target.russia; 1-3:Kuril Islands/naming.kurils"},
    /* curly apostrophes and case fold to the term's form */
    {"don't\trule.negator\n", "I don\xE2\x80\x99t know", "1-2:don't/rule.negator"},
    {"mutual benefit\ttone\t0.5\n", "MUTUAL Benefit", "0-2:mutual benefit/tone"},
    /* a 12-token term (the limit) */
    {"a b c d e f g h i j k l\ttone\n", "x a b c d e f g h i j k l", "1-13:a b c d e f g h i j k l/tone"},
    {"a b c d e f g h i j k l\ttone\n", "a b c d e f g h i j k", ""},
    /* empty lexicon, empty text */
    {"@lexicon empty\n", "anything at all", ""},
    {NULL, "", ""},
};

START_TEST(match_cases) {
    slant_lexset *base = set_from(LEX);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        slant_lexset *s = cases[i].lexicon ? set_from(cases[i].lexicon) : base;
        char got[2048];
        render(s, cases[i].text, got, sizeof got);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu \"%s\":\n got  \"%s\"\n want \"%s\"",
                      i, cases[i].text, got, cases[i].want);
        if (s != base) slant_lexset_free(s);
    }
    slant_lexset_free(base);
}
END_TEST

START_TEST(range_and_reuse) {
    slant_lexset *s = set_from(LEX);
    const char *text = "Peace treaty. Not good. The regime";
    slant_doc d;
    slant_doc_init(&d);
    slant_error err;
    ck_assert_int_eq(slant_doc_analyze(&d, text, strlen(text), &err), 0);
    ck_assert_uint_eq(d.nsents, 3);
    slant_matches m;
    slant_matches_init(&m);
    slant_match_range(s, &d, 0, d.ntoks, &m);
    ck_assert_uint_eq(m.n, 5);
    size_t cap = m.cap;
    /* sorted by start token, then family, then entry */
    for (size_t i = 1; i < m.n; i++) {
        const slant_match *a = &m.items[i - 1], *b = &m.items[i];
        const slant_entry *ea = slant_lexset_entry(s, a->entry), *eb = slant_lexset_entry(s, b->entry);
        ck_assert(a->tok_begin < b->tok_begin ||
                  (a->tok_begin == b->tok_begin &&
                   (ea->family < eb->family || (ea->family == eb->family && a->entry < b->entry))));
    }
    /* one sentence: the second ("Not good.") only, contents replaced */
    const slant_sentence *s1 = &d.sents[1];
    slant_match_range(s, &d, s1->tok_begin, s1->tok_end, &m);
    ck_assert_uint_eq(m.n, 1);
    ck_assert_str_eq(slant_lexset_entry(s, m.items[0].entry)->term, "not good");
    ck_assert_uint_eq(m.items[0].tok_begin, s1->tok_begin);
    ck_assert_uint_eq(m.cap, cap); /* the buffer is reused */
    /* a range ending inside a multi-word term does not match it */
    slant_match_range(s, &d, 0, 1, &m);
    ck_assert_uint_eq(m.n, 1);
    ck_assert_str_eq(slant_lexset_entry(s, m.items[0].entry)->term, "peace");
    /* an empty range */
    slant_match_range(s, &d, 2, 2, &m);
    ck_assert_uint_eq(m.n, 0);
    slant_matches_free(&m);
    slant_doc_free(&d);
    slant_lexset_free(s);
}
END_TEST

/* The matcher looks at tokens 64 at a time (which may start a match) and
 * must not care where a block ends: a multi-word term across the boundary,
 * a stem on either side, and ranges that start anywhere. */
START_TEST(block_boundaries) {
    slant_lexset *s = set_from(LEX);
    for (int f = 0; f < 140; f++) {
        slant_buf text;
        slant_buf_init(&text);
        for (int k = 0; k < f; k++) slant_buf_puts(&text, "x ");
        slant_buf_puts(&text, "peace treaty talks negotiating united states");
        char want[256], got[2048];
        snprintf(want, sizeof want,
                 "%d-%d:peace/tone; %d-%d:peace treaty/frame.diplomacy; %d-%d:negotiat*/frame.diplomacy; "
                 "%d-%d:United States/target.usa",
                 f, f + 1, f, f + 2, f + 3, f + 4, f + 4, f + 6);
        render(s, text.data, got, sizeof got);
        ck_assert_msg(strcmp(got, want) == 0, "%d fillers:\n got  \"%s\"\n want \"%s\"", f, got, want);
        /* a range starting at any filler finds the same matches */
        slant_doc d;
        slant_doc_init(&d);
        slant_error err;
        ck_assert_int_eq(slant_doc_analyze(&d, text.data, text.len, &err), 0);
        slant_matches m;
        slant_matches_init(&m);
        for (int b = 0; b <= f; b += 7) {
            slant_match_range(s, &d, (size_t)b, d.ntoks, &m);
            ck_assert_uint_eq(m.n, 4);
            ck_assert_uint_eq(m.items[1].tok_begin, (unsigned)f);
            ck_assert_uint_eq(m.items[1].tok_end, (unsigned)f + 2);
            ck_assert_uint_eq(m.items[2].tok_begin, (unsigned)f + 3);
        }
        /* a range ending inside a term finds only what fits: "united"
         * starts a term but is none, and is the range's last token */
        slant_match_range(s, &d, 0, (size_t)f + 1, &m);
        ck_assert_uint_eq(m.n, 1);
        ck_assert_str_eq(slant_lexset_entry(s, m.items[0].entry)->term, "peace");
        slant_match_range(s, &d, (size_t)f + 2, (size_t)f + 5, &m);
        ck_assert_uint_eq(m.n, 1);
        ck_assert_str_eq(slant_lexset_entry(s, m.items[0].entry)->term, "negotiat");
        slant_matches_free(&m);
        slant_doc_free(&d);
        slant_buf_free(&text);
    }
    slant_lexset_free(s);
}
END_TEST

START_TEST(layers_change_matches) {
    /* a later layer's weight is what the matched entry carries */
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    const char *a = "good\ttone\t0.5\n", *b = "good\ttone\t0.9\n";
    ck_assert_int_eq(slant_lexset_add_text(s, "a.lex", a, strlen(a), &err), 0);
    ck_assert_int_eq(slant_lexset_add_text(s, "b.lex", b, strlen(b), &err), 0);
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    slant_doc d;
    slant_doc_init(&d);
    ck_assert_int_eq(slant_doc_analyze(&d, "so good", 7, &err), 0);
    slant_matches m;
    slant_matches_init(&m);
    slant_match_range(s, &d, 0, d.ntoks, &m);
    ck_assert_uint_eq(m.n, 1);
    ck_assert(slant_lexset_entry(s, m.items[0].entry)->weight == 0.9);
    slant_matches_free(&m);
    slant_doc_free(&d);
    slant_lexset_free(s);
}
END_TEST

START_TEST(shipped_set_smoke) {
    /* the shipped default set, when present, finds the obvious words */
    char *p = slant_path_join(SLANT_SRCDIR "/lexicons", "default.set");
    if (access(p, R_OK) == 0) {
        slant_lexset *s = slant_lexset_new();
        slant_error err;
        ck_assert_msg(slant_lexset_add_setfile(s, p, &err) == 0, "%s", err.msg);
        ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
        char got[8192];
        render(s, "The regime is reckless.", got, sizeof got);
        ck_assert_msg(strstr(got, "regime/loaded") != NULL, "%s", got);
        ck_assert_msg(strstr(got, "reckless/loaded") != NULL, "%s", got);
        slant_lexset_free(s);
    }
    free(p);
}
END_TEST

/* Throughput of slant_match_range over the default set, printed, never
 * asserted (a benchmark, not a timed test): SLANT_BENCH=1 build/tests/test_match.
 * The document is 20 MB of the demo corpus's words in random order, in
 * sentences of about 16 words, matched one sentence at a time as the scorer does. */
START_TEST(throughput) {
    if (!getenv("SLANT_BENCH")) return;
    char *setp = slant_path_join(SLANT_SRCDIR "/lexicons", "default.set");
    DIR *dir = opendir(SLANT_SRCDIR "/corpus/articles");
    if (access(setp, R_OK) != 0 || !dir) {
        free(setp);
        if (dir) closedir(dir);
        return;
    }
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_int_eq(slant_lexset_add_setfile(s, setp, &err), 0);
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    slant_buf words;
    slant_buf_init(&words);
    struct dirent *de;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.') continue;
        char *p = slant_path_join(SLANT_SRCDIR "/corpus/articles", de->d_name);
        slant_buf one;
        slant_buf_init(&one);
        if (slant_read_file(p, &one, 0, &err) == 0) slant_buf_append(&words, one.data, one.len);
        slant_buf_putc(&words, ' ');
        slant_buf_free(&one);
        free(p);
    }
    closedir(dir);
    char **w = slant_xmalloc((words.len / 2 + 1) * sizeof *w);
    size_t nw = 0;
    char *save = NULL;
    for (char *t = strtok_r(words.data, " \n\t\r", &save); t; t = strtok_r(NULL, " \n\t\r", &save))
        w[nw++] = t;
    ck_assert_uint_gt(nw, 1000);
    slant_buf doc;
    slant_buf_init(&doc);
    uint64_t r = 42;
    while (doc.len < (20u << 20)) {
        r = r * 6364136223846793005ULL + 1442695040888963407ULL;
        slant_buf_puts(&doc, w[(r >> 33) % nw]);
        slant_buf_puts(&doc, ((r >> 20) & 15) == 0 ? ". " : " ");
    }
    slant_doc d;
    slant_doc_init(&d);
    ck_assert_int_eq(slant_doc_analyze(&d, doc.data, doc.len, &err), 0);
    slant_matches m;
    slant_matches_init(&m);
    double best = 1e30;
    size_t hits = 0;
    for (int rep = 0; rep < 5; rep++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        hits = 0;
        for (size_t i = 0; i < d.nsents; i++) {
            slant_match_range(s, &d, d.sents[i].tok_begin, d.sents[i].tok_end, &m);
            hits += m.n;
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        double t = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
        if (t < best) best = t;
    }
    printf("match throughput: %zu entries, %.1f MB, %zu tokens, %zu sentences: %.1f M tokens/s, "
           "%.0f MB/s, %.2f hits per token (best of 5)\n",
           slant_lexset_entry_count(s), (double)doc.len / 1048576.0, d.ntoks, d.nsents,
           (double)d.ntoks / best / 1e6, (double)doc.len / best / 1048576.0,
           (double)hits / (double)d.ntoks);
    slant_matches_free(&m);
    slant_doc_free(&d);
    slant_buf_free(&doc);
    free(w);
    slant_buf_free(&words);
    slant_lexset_free(s);
    free(setp);
}
END_TEST

static Suite *match_suite(void) {
    Suite *s = suite_create("match");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, match_cases);
    tcase_add_test(tc, range_and_reuse);
    tcase_add_test(tc, block_boundaries);
    tcase_add_test(tc, layers_change_matches);
    tcase_add_test(tc, shipped_set_smoke);
    tcase_add_test(tc, throughput);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(match_suite)
