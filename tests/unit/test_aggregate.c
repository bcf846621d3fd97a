/*
 * test_aggregate.c - mergeable aggregates, partial files and the analysis
 * model on tiny corpora whose counts can be checked by hand.
 *
 * Lexicon: "regime" is loaded, "reportedly" a hedge, "good"/"bad" tone,
 * "Kestria" a target. Each text below has its word count in a comment.
 */
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "slant/aggregate.h"
#include "slant/analysis.h"
#include "slant/pipeline.h"
#include "testutil.h"

static const char lex[] =
    "@lexicon agg-test\n"
    "regime\tloaded\t2\n"
    "reportedly\thedge\n"
    "good\ttone\t0.475\n"
    "bad\ttone\t-0.625\n"
    "said\tattrib.neutral\n"
    "Kestria\ttarget.kestria\t1\tcase\n"
    "trade\tframe.economy\n"
    "troops\tframe.security\n";

typedef struct art_spec {
    const char *id, *source, *story, *text;
} art_spec;

/* words: a1 = 6 + 5, a2 = 3 + 7, b1 = 5 + 6, b2 = 5 + 5: 21 per source */
static const art_spec corpus4[] = {
    {"a1", "Alpha", "s1", "The regime said trade was good. The regime reportedly moved troops."},
    {"a2", "Alpha", "s2", "The regime grew. Kestria said the regime was bad today."},
    {"b1", "Beta", "s1", "Officials said trade was good. Ministers met on Tuesday in Dunmar."},
    {"b2", "Beta", "s2", "Kestria said talks were good. Both sides met in May."},
};

static slant_lexset *set;
static slant_scorer *scorer;

static void setup(void) { scorer = test_scorer_new("agg-test", lex, &set); }

static void teardown(void) {
    slant_scorer_free(scorer);
    slant_lexset_free(set);
}

static void add(slant_agg *agg, const art_spec *s) {
    slant_pipeline p;
    slant_pipeline_opts po = {0, 1};
    slant_pipeline_init(&p, scorer, NULL, &po);
    slant_error err;
    ck_assert_int_eq(slant_pipeline_run_text(&p, s->id, s->source, s->text, strlen(s->text), &err), 0);
    slant_article a;
    memset(&a, 0, sizeof a);
    a.id = (char *)s->id;
    a.source = (char *)s->source;
    a.story = (char *)s->story;
    slant_agg_add_article(agg, &a, &p.doc, &p.scores, &p.log);
    slant_pipeline_free(&p);
}

/* Serialise to a string (caller frees). */
static char *dump(slant_agg *agg) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    slant_error err;
    ck_assert_int_eq(slant_agg_write(agg, f, "mem", &err), 0);
    fclose(f);
    return buf;
}

static int load(slant_agg *agg, const char *text, slant_error *err) {
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    int rc = slant_agg_read(agg, f, "part", err);
    fclose(f);
    return rc;
}

START_TEST(test_roundtrip_is_identical) {
    slant_agg *a = slant_agg_new(set);
    for (int i = 0; i < 4; i++) add(a, &corpus4[i]);
    char *one = dump(a);
    slant_agg *b = slant_agg_new(set);
    slant_error err;
    ck_assert_int_eq(load(b, one, &err), 0);
    char *two = dump(b);
    ck_assert_str_eq(one, two);
    free(one);
    free(two);
    slant_agg_free(a);
    slant_agg_free(b);
}
END_TEST

START_TEST(test_merge_order_does_not_matter) {
    slant_agg *whole = slant_agg_new(set);
    for (int i = 0; i < 4; i++) add(whole, &corpus4[i]);
    char *expect = dump(whole);
    /* parts {b2, a1} and {b1, a2}, merged in reverse order */
    slant_agg *p1 = slant_agg_new(set), *p2 = slant_agg_new(set), *all = slant_agg_new(set);
    add(p1, &corpus4[3]);
    add(p1, &corpus4[0]);
    add(p2, &corpus4[2]);
    add(p2, &corpus4[1]);
    slant_error err;
    ck_assert_int_eq(slant_agg_merge(all, p2, &err), 0);
    ck_assert_int_eq(slant_agg_merge(all, p1, &err), 0);
    char *got = dump(all);
    ck_assert_str_eq(expect, got);
    free(expect);
    free(got);
    slant_agg_free(whole);
    slant_agg_free(p1);
    slant_agg_free(p2);
    slant_agg_free(all);
}
END_TEST

/* Spilled records come back in id order whatever the files and places they
 * were written to: two spilling parts (one in id order, one not) merged into
 * a third, which then spills one more article to a file of its own, write
 * the same bytes as one in-memory aggregate of the five; a second write
 * gives them again. */
START_TEST(test_spilled_parts_write_like_memory) {
    const art_spec extra = {"a3", "Alpha", "s3", "The regime said nothing good. Trade fell."};
    slant_agg *whole = slant_agg_new(set);
    for (int i = 0; i < 4; i++) add(whole, &corpus4[i]);
    add(whole, &extra);
    char *expect = dump(whole);
    slant_agg *p1 = slant_agg_new(set), *p2 = slant_agg_new(set), *all = slant_agg_new(set);
    slant_agg_spill(p1);
    slant_agg_spill(p2);
    slant_agg_spill(all);
    add(p1, &corpus4[3]);
    add(p1, &corpus4[0]);
    add(p2, &corpus4[1]);
    add(p2, &corpus4[2]);
    ck_assert_uint_eq(slant_agg_article_count(p1), 0); /* on disk only */
    slant_error err;
    ck_assert_int_eq(slant_agg_merge(all, p2, &err), 0); /* into an empty one */
    ck_assert_int_eq(slant_agg_merge(all, p1, &err), 0); /* into a full one */
    add(all, &extra);
    char *got = dump(all);
    ck_assert_str_eq(expect, got);
    char *again = dump(all);
    ck_assert_str_eq(expect, again);
    free(expect);
    free(got);
    free(again);
    slant_agg_free(whole);
    slant_agg_free(p1);
    slant_agg_free(p2);
    slant_agg_free(all);
}
END_TEST

/* A streamed partial (the header first, each article's line as it is
 * added, in id order, then slant_agg_write for the rest) has the bytes of
 * one written from memory; the records themselves are not kept. */
START_TEST(test_streamed_partial_is_identical) {
    slant_agg *whole = slant_agg_new(set);
    for (int i = 0; i < 4; i++) add(whole, &corpus4[i]);
    char *expect = dump(whole);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    slant_error err;
    slant_agg *all = slant_agg_new(set), *p1 = slant_agg_new(set), *p2 = slant_agg_new(set);
    slant_agg_spill(all);
    ck_assert_int_eq(slant_agg_write_head(all, f, 4, "mem", &err), 0);
    slant_buf line;
    slant_buf_init(&line);
    slant_agg_stream(p1, &line);
    slant_agg_stream(p2, &line);
    /* ids a1 < a2 < b1 < b2 arrive in order, from two "workers" */
    add(p1, &corpus4[0]);
    fwrite(line.data, 1, line.len, f);
    add(p2, &corpus4[1]);
    fwrite(line.data, 1, line.len, f);
    add(p1, &corpus4[2]);
    fwrite(line.data, 1, line.len, f);
    add(p2, &corpus4[3]);
    fwrite(line.data, 1, line.len, f);
    ck_assert_uint_eq(slant_agg_article_count(p1), 0);
    ck_assert_int_eq(slant_agg_merge(all, p1, &err), 0);
    ck_assert_int_eq(slant_agg_merge(all, p2, &err), 0);
    ck_assert_int_eq(slant_agg_write(all, f, "mem", &err), 0);
    fclose(f);
    ck_assert_str_eq(expect, buf);
    free(expect);
    free(buf);
    slant_buf_free(&line);
    slant_agg_free(whole);
    slant_agg_free(p1);
    slant_agg_free(p2);
    slant_agg_free(all);
}
END_TEST

START_TEST(test_duplicate_id_refused) {
    slant_agg *p1 = slant_agg_new(set), *p2 = slant_agg_new(set);
    add(p1, &corpus4[0]);
    add(p2, &corpus4[0]);
    slant_error err;
    ck_assert_int_eq(slant_agg_merge(p1, p2, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "\"a1\""));
    slant_agg_free(p1);
    slant_agg_free(p2);
}
END_TEST

START_TEST(test_bad_partials_refused) {
    slant_agg *a = slant_agg_new(set);
    add(a, &corpus4[0]);
    char *text = dump(a);
    slant_error err;
    /* truncated: drop the end marker line */
    char *trunc = strdup(text);
    char *last = strstr(trunc, "{\"end\"");
    ck_assert_ptr_nonnull(last);
    *last = '\0';
    slant_agg *b = slant_agg_new(set);
    ck_assert_int_eq(load(b, trunc, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "truncated"));
    /* another format version */
    char *ver = strdup(text);
    char *v = strstr(ver, "\"slant_partial\":1");
    ck_assert_ptr_nonnull(v);
    v[strlen("\"slant_partial\":")] = '7';
    ck_assert_int_eq(load(b, ver, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "version 7"));
    ck_assert_int_eq(err.line, 1);
    /* another lexicon set */
    char *hash = strdup(text);
    char *h = strstr(hash, "\"lexicon_hash\":\"");
    ck_assert_ptr_nonnull(h);
    h += strlen("\"lexicon_hash\":\"");
    *h = *h == '0' ? '1' : '0';
    ck_assert_int_eq(load(b, hash, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "different lexicon set"));
    /* not JSON */
    ck_assert_int_eq(load(b, "hello\n", &err), -1);
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(load(b, "", &err), -1);
    free(trunc);
    free(ver);
    free(hash);
    free(text);
    slant_agg_free(a);
    slant_agg_free(b);
}
END_TEST

/* Article lines in the exact shape slant writes are read by a fast reader,
 * any other shape by jansson: both must give the same records and errors. */
START_TEST(test_fast_and_general_readers_agree) {
    slant_agg *a = slant_agg_new(set);
    for (int i = 0; i < 4; i++) add(a, &corpus4[i]);
    char *text = dump(a);
    /* the same partial with a space after every ':' outside strings, and the
     * first id written with an escape: all of it goes through jansson */
    slant_buf spaced;
    slant_buf_init(&spaced);
    int in_str = 0;
    for (const char *p = text; *p; p++) {
        if (!in_str && strncmp(p, "\"id\":\"a1\"", 9) == 0) {
            slant_buf_puts(&spaced, "\"id\": \"\\u00611\""); /* "a1" */
            p += 8;
            continue;
        }
        if (*p == '"') in_str = !in_str;
        slant_buf_putc(&spaced, *p);
        if (*p == ':' && !in_str) slant_buf_putc(&spaced, ' ');
    }
    ck_assert_ptr_nonnull(strstr(spaced.data, "\"id\": \"\\u0061"));
    slant_agg *fast = slant_agg_new(set), *general = slant_agg_new(set);
    slant_error err;
    ck_assert_int_eq(load(fast, text, &err), 0);
    ck_assert_int_eq(load(general, spaced.data, &err), 0);
    char *one = dump(fast), *two = dump(general);
    ck_assert_str_eq(one, text);
    ck_assert_str_eq(two, text);
    /* a canonical line with an out-of-range entry is refused like any other,
     * with its line number (line 2: the first article) */
    const char *t = strstr(text, "\"terms\":[[");
    ck_assert_ptr_nonnull(t);
    t += strlen("\"terms\":[[");
    slant_buf badterm;
    slant_buf_init(&badterm);
    slant_buf_append(&badterm, text, (size_t)(t - text));
    slant_buf_puts(&badterm, "99999"); /* entry 99999...: beyond this tiny lexicon */
    slant_buf_puts(&badterm, t);
    slant_agg *b = slant_agg_new(set);
    ck_assert_int_eq(load(b, badterm.data, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "bad term record"));
    ck_assert_int_eq(err.line, 2);
    /* the same article twice in one file: refused naming the id and line 3 */
    const char *l2 = strchr(text, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
    slant_buf dup;
    slant_buf_init(&dup);
    slant_buf_append(&dup, text, (size_t)(l3 - text));
    slant_buf_append(&dup, l2, (size_t)(l3 - l2));
    slant_buf_puts(&dup, l3);
    slant_agg *c = slant_agg_new(set);
    ck_assert_int_eq(load(c, dup.data, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "appears twice"));
    ck_assert_int_eq(err.line, 3);
    slant_buf_free(&dup);
    slant_buf_free(&spaced);
    slant_buf_free(&badterm);
    free(one);
    free(two);
    free(text);
    slant_agg_free(a);
    slant_agg_free(b);
    slant_agg_free(c);
    slant_agg_free(fast);
    slant_agg_free(general);
}
END_TEST

static json_t *source_of(json_t *model, const char *name) {
    json_t *s = json_object_get(model, "sources");
    for (size_t i = 0; i < json_array_size(s); i++)
        if (strcmp(json_string_value(json_object_get(json_array_get(s, i), "name")), name) == 0)
            return json_array_get(s, i);
    return NULL;
}

static double dget(json_t *o, const char *path) {
    char buf[200];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *cur = o;
    for (char *tok = strtok(buf, "."); tok && cur; tok = strtok(NULL, ".")) cur = json_object_get(cur, tok);
    ck_assert_msg(json_is_number(cur), "%s is not a number", path);
    return json_number_value(cur);
}

/* Strings in a partial are escaped exactly as jansson escapes them, eight
 * bytes at a time where none needs it: escapes at every offset of a word,
 * at the ends, and bytes that look special but are not (UTF-8, DEL). */
START_TEST(test_partial_strings_escaped_like_jansson) {
    static const char *const ids[] = {
        "plain-id-long-enough-for-two-words",
        "q\"uote-in-the-first-word",
        "seven77\"quote-at-byte-seven",
        "eight888\"quote-at-byte-eight",
        "back\\slash-and-\"both\"-later-on",
        "\x01" "control-first",
        "tab\tand\nnewline and \x1f unit separator",
        "utf8 \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 and \x7f del and \xe2\x80\x9c quote",
        "ends-with-a-quote-after-16\"",
        "\"",
        "",
    };
    slant_agg *a = slant_agg_new(set);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        art_spec s = {ids[i], "Alpha", "s1", "The regime said trade was good."};
        add(a, &s);
    }
    char *text = dump(a);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        json_t *j = json_string(ids[i]);
        char *want = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
        slant_buf key;
        slant_buf_init(&key);
        slant_buf_puts(&key, "{\"article\":{\"id\":");
        slant_buf_puts(&key, want);
        slant_buf_puts(&key, ",\"source\":\"Alpha\"");
        ck_assert_msg(strstr(text, key.data) != NULL, "id %zu not written as %s", i, want);
        slant_buf_free(&key);
        free(want);
        json_decref(j);
    }
    free(text);
    slant_agg_free(a);
}
END_TEST

START_TEST(test_model_counts_by_hand) {
    slant_agg *a = slant_agg_new(set);
    for (int i = 0; i < 4; i++) add(a, &corpus4[i]);
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    json_t *m = slant_analysis_model(a, &o);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(m, "method"), "unit")), "article");
    json_t *alpha = source_of(m, "Alpha"), *beta = source_of(m, "Beta");
    ck_assert_ptr_nonnull(alpha);
    ck_assert_ptr_nonnull(beta);
    /* Alpha: 4 x "regime" in 21 words -> 190.48 per 1,000; Beta: none */
    ck_assert_int_eq((int)dget(alpha, "loaded.outlet.count"), 4);
    ck_assert_int_eq((int)dget(alpha, "words_outlet"), 21);
    ck_assert_int_eq((int)dget(beta, "words_outlet"), 21);
    ck_assert_double_eq_tol(dget(alpha, "loaded.outlet.per_1000"), 4000.0 / 21, 1e-9);
    ck_assert_double_eq_tol(dget(beta, "loaded.outlet.per_1000"), 0.0, 1e-12);
    ck_assert_double_eq_tol(dget(beta, "loaded.outlet.ci_low"), 0.0, 1e-12);
    /* Garwood upper limit for 0 events at 95%: -ln(0.025) = 3.689 per 21 words */
    ck_assert_double_eq_tol(dget(beta, "loaded.outlet.ci_high"), 1000 * 3.68888 / 21, 0.01);
    ck_assert_int_eq((int)dget(alpha, "hedge.outlet.count"), 1);
    ck_assert_int_eq((int)dget(beta, "attrib_neutral.outlet.count"), 2);
    /* frames: Alpha trade + troops, Beta trade */
    ck_assert_int_eq((int)dget(alpha, "frames.economy.count"), 1);
    ck_assert_int_eq((int)dget(alpha, "frames.security.count"), 1);
    ck_assert_double_eq_tol(dget(alpha, "frames.security.share"), 0.5, 1e-12);
    /* a rate-ratio test of loaded.outlet Alpha vs Beta exists, Holm-adjusted */
    json_t *tests = json_object_get(m, "tests");
    int found = 0;
    for (size_t i = 0; i < json_array_size(tests); i++) {
        json_t *t = json_array_get(tests, i);
        if (strcmp(json_string_value(json_object_get(t, "measure")), "loaded.outlet") != 0) continue;
        found = 1;
        ck_assert_str_eq(json_string_value(json_object_get(t, "kind")), "rate_ratio");
        /* 4 vs 0 events at equal exposure: exact conditional p = 2 * 0.5^4 = 0.125 */
        ck_assert_double_eq_tol(json_number_value(json_object_get(t, "p")), 0.125, 1e-9);
        ck_assert(json_is_number(json_object_get(t, "p_adj")));
        ck_assert(json_is_null(json_object_get(json_object_get(t, "ratio"), "value")));
        ck_assert_int_eq(json_integer_value(json_object_get(t, "distinct_terms")), 1);
        ck_assert(json_is_true(json_object_get(t, "fragile")));
    }
    ck_assert(found);
    /* per story: s1 holds a1 (Alpha: 2 x regime in 11 words) and b1 (Beta) */
    json_t *s1 = json_array_get(json_object_get(m, "stories"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(s1, "story")), "s1");
    json_t *s1a = json_object_get(json_object_get(s1, "sources"), "Alpha");
    ck_assert_int_eq((int)dget(s1a, "words_outlet"), 11);
    ck_assert_double_eq_tol(dget(s1a, "per_1000_outlet.loaded"), 2000.0 / 11, 1e-9);
    ck_assert_double_eq_tol(dget(json_object_get(json_object_get(s1, "sources"), "Beta"), "per_1000_outlet.loaded"),
                            0.0, 1e-12);
    json_decref(m);
    slant_agg_free(a);
}
END_TEST

/* The model's parts run on opts.threads threads and are put together in a
 * fixed order: 1, 2, 3 or 7 threads give the same model, bootstraps,
 * tests, story tables and coverage included (24 articles, 3 sources, 6
 * stories, so that the story tables are split into several chunks). */
START_TEST(test_model_same_for_any_thread_count) {
    slant_agg *a = slant_agg_new(set);
    slant_agg_compact(a);
    static const char *const sources[] = {"Alpha", "Beta", "Gamma"};
    for (int i = 0; i < 24; i++) {
        char id[16], story[16];
        snprintf(id, sizeof id, "g%02d", i);
        snprintf(story, sizeof story, "s%d", i / 3 % 6);
        art_spec s = {id, sources[i % 3], story, corpus4[i % 4].text};
        add(a, &s);
    }
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    o.threads = 1;
    json_t *m1 = slant_analysis_model(a, &o);
    char *want = json_dumps(m1, JSON_SORT_KEYS | JSON_COMPACT);
    ck_assert_ptr_nonnull(want);
    ck_assert_int_eq(json_array_size(json_object_get(m1, "stories")), 6);
    ck_assert_int_eq(json_array_size(json_object_get(m1, "coverage")), 6);
    static const int threads[] = {2, 3, 7};
    for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
        o.threads = threads[t];
        json_t *m = slant_analysis_model(a, &o);
        char *got = json_dumps(m, JSON_SORT_KEYS | JSON_COMPACT);
        ck_assert_msg(got && strcmp(got, want) == 0, "model differs with %d threads", threads[t]);
        free(got);
        json_decref(m);
    }
    free(want);
    json_decref(m1);
    slant_agg_free(a);
}
END_TEST

/* slant_analysis_model_lists: the model without "stories" and "coverage",
 * and lists whose elements, asked for in order, are those arrays' elements;
 * the lists keep their own strings (the aggregate is freed first). */
START_TEST(test_model_lists_match_model) {
    static const char *const sources[] = {"Alpha", "Beta", "Gamma"};
    for (int threads = 1; threads <= 3; threads += 2) {
        slant_agg *a[2];
        for (int k = 0; k < 2; k++) {
            a[k] = slant_agg_new(set);
            for (int i = 0; i < 24; i++) {
                char id[16], story[16];
                snprintf(id, sizeof id, "g%02d", i);
                snprintf(story, sizeof story, "s%d", i / 3 % 6);
                art_spec s = {id, sources[i % 3], i == 23 ? NULL : story, corpus4[i % 4].text};
                add(a[k], &s);
            }
        }
        slant_analysis_opts o;
        slant_analysis_opts_default(&o);
        o.threads = threads;
        json_t *full = slant_analysis_model(a[0], &o);
        slant_report_list lists[3];
        json_t *m = slant_analysis_model_lists(a[1], &o, lists);
        slant_agg_free(a[1]);
        ck_assert_ptr_null(json_object_get(m, "stories"));
        ck_assert_ptr_null(json_object_get(m, "coverage"));
        ck_assert_str_eq(lists[0].key, "stories");
        ck_assert_str_eq(lists[1].key, "coverage");
        for (int l = 0; l < 2; l++) {
            const json_t *want = json_object_get(full, lists[l].key);
            ck_assert_uint_eq(lists[l].n, json_array_size(want));
            ck_assert_uint_eq(lists[l].n, 6);
            for (size_t i = 0; i < lists[l].n; i++) {
                json_t *e = lists[l].element(lists[l].state, i);
                ck_assert_msg(json_equal(e, json_array_get(want, i)), "%s[%zu] differs (%d threads)", lists[l].key, i,
                              threads);
                json_decref(e);
            }
        }
        /* each source's speakers, in a list of their own */
        ck_assert_str_eq(lists[2].key, "speakers");
        ck_assert_uint_eq(lists[2].n, 3);
        for (size_t i = 0; i < lists[2].n; i++) {
            json_t *src = json_array_get(json_object_get(m, "sources"), i);
            ck_assert_ptr_null(json_object_get(src, "speakers"));
            json_t *e = lists[2].element(lists[2].state, i);
            ck_assert(json_equal(e, json_object_get(json_array_get(json_object_get(full, "sources"), i), "speakers")));
            json_decref(e);
        }
        lists[0].release(lists[0].state);
        lists[1].release(lists[1].state);
        lists[2].release(lists[2].state);
        json_object_del(full, "stories");
        json_object_del(full, "coverage");
        for (size_t i = 0; i < json_array_size(json_object_get(full, "sources")); i++)
            json_object_del(json_array_get(json_object_get(full, "sources"), i), "speakers");
        ck_assert(json_equal(full, m));
        json_decref(full);
        json_decref(m);
        slant_agg_free(a[0]);
    }
}
END_TEST

/* slant_micro rounds like llround(x * 1e6): halves away from zero, the
 * largest double below a half down, big and non-finite values. */
START_TEST(test_micro_matches_llround) {
    static const double edge[] = {0.0, -0.0, 2.5e-6, -2.5e-6, 0.4999999999999999e-6, 1.5, -1.5, 0.0000005,
                                  -0.0000005, 4503599627.3704955, -4503599627.3704955, 9.1e12, -9.1e12,
                                  1e300, -1e300, 0.1234564999, -3.9999995};
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        double y = edge[i] * 1e6;
        if (fabs(y) < 9.2e18) ck_assert_msg(slant_micro(edge[i]) == llround(y), "%.17g", edge[i]);
    }
    ck_assert(slant_micro(NAN) == 0 && slant_micro(INFINITY) == 0 && slant_micro(-INFINITY) == 0);
    ck_assert(slant_micro(0.0000025) == 3 && slant_micro(-0.0000025) == -3 && slant_micro(0.25) == 250000);
    /* values on a grid of half-millionths, where ties are common, and a spread of magnitudes */
    uint64_t r = 88172645463325252u;
    size_t wrong = 0;
    double first_wrong = 0;
    for (int i = 0; i < 300000; i++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        double x = i % 2 ? (double)(int64_t)(r % 4000001 - 2000000) / 2e6
                         : ldexp((double)(r >> 11) / 9007199254740992.0, (int)(r % 60) - 30) * (r & 1 ? -1 : 1);
        if (slant_micro(x) != llround(x * 1e6) && !wrong++) first_wrong = x;
    }
    ck_assert_msg(wrong == 0, "%zu values differ, first %.17g", wrong, first_wrong);
}
END_TEST

START_TEST(test_one_article_per_source_falls_back_to_sentences) {
    slant_agg *a = slant_agg_new(set);
    add(a, &corpus4[0]);
    add(a, &corpus4[2]);
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    json_t *m = slant_analysis_model(a, &o);
    json_t *method = json_object_get(m, "method");
    ck_assert_str_eq(json_string_value(json_object_get(method, "unit")), "sentence");
    ck_assert_int_ge(json_array_size(json_object_get(method, "warnings")), 1);
    /* tone n = sentences: 2 each */
    ck_assert_int_eq((int)dget(source_of(m, "Alpha"), "tone.outlet.n"), 2);
    json_decref(m);
    slant_agg_free(a);
}
END_TEST

/* No NaN or infinity may reach the model: jansson cannot even hold them,
 * so a NULL from json_real would silently drop a key; check every number
 * slot that must be present is a number or an explicit null. */
static void assert_no_missing(json_t *j) {
    const char *k;
    json_t *v;
    size_t i;
    if (json_is_object(j)) json_object_foreach(j, k, v) assert_no_missing(v);
    else if (json_is_array(j)) json_array_foreach(j, i, v) assert_no_missing(v);
    else if (json_is_real(j)) ck_assert(isfinite(json_real_value(j)));
}

START_TEST(test_empty_and_zero_sources_give_nulls_not_nan) {
    static const art_spec odd[] = {
        {"e1", "Empty", NULL, ""},
        {"e2", "Empty", NULL, "   "},
        {"z1", "Zero", NULL, "Nothing here at all."},
        {"z2", "Zero", NULL, "Nothing here either."},
    };
    slant_agg *a = slant_agg_new(set);
    for (int i = 0; i < 4; i++) add(a, &odd[i]);
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    json_t *m = slant_analysis_model(a, &o);
    assert_no_missing(m);
    json_t *e = source_of(m, "Empty");
    ck_assert(json_is_null(json_object_get(e, "quote_share")));
    ck_assert(json_is_null(json_object_get(json_object_get(json_object_get(e, "tone"), "outlet"), "mean")));
    ck_assert(json_is_string(json_object_get(json_object_get(json_object_get(e, "tone"), "outlet"), "reason")));
    ck_assert(json_is_null(json_object_get(json_object_get(json_object_get(e, "loaded"), "outlet"), "per_1000")));
    /* zero variance: tone of Zero is 0 in every sentence */
    json_t *zt = json_object_get(json_object_get(source_of(m, "Zero"), "tone"), "outlet");
    ck_assert_double_eq_tol(json_number_value(json_object_get(zt, "mean")), 0.0, 1e-12);
    json_decref(m);
    slant_agg_free(a);
}
END_TEST

/* A compact aggregate (what analyze and report use) keeps per article only
 * what the analysis reads: its packed counts and tone terms read back as
 * the full record's, its per-source totals are the sums by hand, and the
 * model is the same JSON as from full records, however the parts merge. */
/* add_article gives an article's terms in (entry, voice) order whatever the
 * order of its hits, summed per pair: here the hits come as troops, bad,
 * trade, good, regime, then regime again (in the outlet's voice) and bad in
 * a quotation; the lexicon lists them regime < good < bad < trade < troops. */
START_TEST(test_terms_come_in_entry_order) {
    slant_agg *agg = slant_agg_new(set);
    const art_spec s = {"t1", "Alpha", "s1",
                        "Troops were bad for trade. Good regime, the regime. \"Bad,\" he said."};
    add(agg, &s);
    ck_assert_uint_eq(slant_agg_article_count(agg), 1);
    const slant_agg_article *r = slant_agg_article_at(agg, 0); /* before finish: as added */
    ck_assert_uint_ge(r->nterms, 6);
    for (uint32_t t = 1; t < r->nterms; t++) {
        uint64_t prev = (uint64_t)r->terms[t - 1].entry * 2 + r->terms[t - 1].voice;
        uint64_t cur = (uint64_t)r->terms[t].entry * 2 + r->terms[t].voice;
        ck_assert_uint_lt(prev, cur);
    }
    uint32_t regime = 0, bad_outlet = 0, bad_quoted = 0;
    for (uint32_t t = 0; t < r->nterms; t++) {
        const char *term = slant_lexset_entry(set, r->terms[t].entry)->term;
        if (strcmp(term, "regime") == 0) regime += r->terms[t].count;
        if (strcmp(term, "bad") == 0 && r->terms[t].voice == 0) bad_outlet += r->terms[t].count;
        if (strcmp(term, "bad") == 0 && r->terms[t].voice == 1) bad_quoted += r->terms[t].count;
    }
    ck_assert_uint_eq(regime, 2);
    ck_assert_uint_eq(bad_outlet, 1);
    ck_assert_uint_eq(bad_quoted, 1);
    slant_agg_free(agg);
}
END_TEST

/* A source's vocabulary is in strcmp order, also among terms that share
 * their first 8 bytes or end before them (the sort compares those first). */
START_TEST(test_vocab_in_strcmp_order) {
    slant_agg *agg = slant_agg_new(set);
    const art_spec s = {"v1", "Alpha", "s1",
                        "Internationally, the international intern in a zebra internationale "
                        "\xc3\xbc" "ber intern internationals interna."};
    add(agg, &s);
    slant_agg_finish(agg);
    ck_assert_uint_eq(slant_agg_source_count(agg), 1);
    static const char *const want[] = {"a", "in", "intern", "interna", "international", "internationale",
                                       "internationally", "internationals", "the", "zebra", "\xc3\xbc" "ber"};
    size_t n = slant_agg_vocab_size(agg, 0);
    ck_assert_uint_eq(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++) {
        const char *term;
        uint32_t count;
        slant_agg_vocab_at(agg, 0, i, &term, &count);
        ck_assert_str_eq(term, want[i]);
        ck_assert_uint_eq(count, strcmp(term, "intern") == 0 ? 2 : 1);
    }
    slant_agg_free(agg);
    /* 200 words, enough for the radix sort: "interstatezy" ... and "zy" ...,
     * in reverse order, with long runs of one 8-byte head */
    char text[4096];
    size_t len = 0;
    for (int i = 199; i >= 0; i--)
        len += (size_t)snprintf(text + len, sizeof text - len, "%s%c%c ", i % 2 ? "interstate" : "",
                                'a' + i / 2 % 26, 'a' + i / 52);
    text[len - 1] = '.';
    agg = slant_agg_new(set);
    const art_spec many = {"v2", "Beta", "s1", text};
    add(agg, &many);
    slant_agg_finish(agg);
    n = slant_agg_vocab_size(agg, 0);
    ck_assert_uint_eq(n, 200);
    const char *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *term;
        uint32_t count;
        slant_agg_vocab_at(agg, 0, i, &term, &count);
        if (prev) ck_assert_int_lt(strcmp(prev, term), 0);
        prev = term;
    }
    slant_agg_vocab_at(agg, 0, 0, &prev, &(uint32_t){0});
    ck_assert_str_eq(prev, "aa");
    slant_agg_free(agg);
}
END_TEST

START_TEST(test_compact_matches_full) {
    slant_agg *full = slant_agg_new(set), *compact = slant_agg_new(set);
    slant_agg_compact(compact);
    ck_assert(slant_agg_is_compact(compact) && !slant_agg_is_compact(full));
    slant_agg *p1 = slant_agg_new_like(compact), *p2 = slant_agg_new_like(compact);
    ck_assert(slant_agg_is_compact(p1));
    for (int i = 0; i < 4; i++) add(full, &corpus4[i]);
    add(p1, &corpus4[3]);
    add(p1, &corpus4[0]);
    add(p2, &corpus4[2]);
    add(p2, &corpus4[1]);
    slant_error err;
    ck_assert_int_eq(slant_agg_merge(compact, p2, &err), 0);
    ck_assert_int_eq(slant_agg_merge(compact, p1, &err), 0);
    ck_assert_int_eq(slant_agg_merge(full, p1, &err), -1); /* modes do not mix */
    slant_agg_finish(full);
    slant_agg_finish(compact);
    size_t ncat = slant_agg_category_count(full);
    uint32_t *cf = calloc(ncat * 2, sizeof *cf), *cc = calloc(ncat * 2, sizeof *cc);
    slant_agg_term tf[64], tc[64];
    for (size_t i = 0; i < 4; i++) {
        const slant_agg_article *rf = slant_agg_article_at(full, i), *rc = slant_agg_article_at(compact, i);
        ck_assert_str_eq(rf->id, rc->id);
        ck_assert_ptr_null(rc->terms);
        slant_agg_article_cats(full, rf, cf);
        slant_agg_article_cats(compact, rc, cc);
        ck_assert_mem_eq(cf, cc, ncat * 2 * sizeof *cf);
        ck_assert_uint_le(slant_agg_article_tone_room(rf), 64);
        size_t nf = slant_agg_article_tone_terms(full, rf, tf), nc = slant_agg_article_tone_terms(compact, rc, tc);
        ck_assert_uint_eq(nf, nc);
        for (size_t t = 0; t < nf; t++) {
            ck_assert_uint_eq(tf[t].entry, tc[t].entry);
            ck_assert_uint_eq(tf[t].voice, tc[t].voice);
            ck_assert_uint_eq(tf[t].count, tc[t].count);
            ck_assert_int_eq(tf[t].value_micro, tc[t].value_micro);
        }
        /* mentions in order; numbers and speakers as sets (one of each here at most) */
        ck_assert_uint_eq(rf->nmentions, rc->nmentions);
        ck_assert_ptr_null(rc->mentions);
        slant_agg_mention mf[16], mc[16];
        ck_assert_uint_le(rf->nmentions, 16);
        slant_agg_article_mentions(rf, mf);
        slant_agg_article_mentions(rc, mc);
        for (uint32_t k = 0; k < rf->nmentions; k++) {
            ck_assert_uint_eq(mf[k].category, mc[k].category);
            ck_assert_uint_eq(mf[k].voice, mc[k].voice);
            ck_assert_int_eq(mf[k].stance_micro, mc[k].stance_micro);
        }
        ck_assert_uint_eq(rf->nnumbers, rc->nnumbers);
        ck_assert_uint_eq(rf->nspeakers, rc->nspeakers);
        ck_assert_uint_le(rf->nspeakers, 1);
        if (rf->nspeakers) {
            slant_agg_speaker sf, sc;
            slant_agg_article_speakers(rf, &sf);
            slant_agg_article_speakers(rc, &sc);
            ck_assert_str_eq(sf.name, sc.name);
            ck_assert_uint_eq(sf.words, sc.words);
            ck_assert_uint_eq(sf.quotes, sc.quotes);
        }
    }
    /* a2 names Kestria once, in the outlet's voice; b2 quotes no one */
    ck_assert_uint_eq(slant_agg_article_at(compact, 1)->nmentions, 1);
    /* numbers: "Tuesday" is not one, but an article with "$1 billion" and
     * "25 percent" keeps both, packed, and reads them back */
    {
        slant_agg *n1 = slant_agg_new(set);
        slant_agg_compact(n1);
        const art_spec num = {"n1", "Alpha", "s9", "Trade rose by $1 billion. Tariffs fell 25 percent."};
        add(n1, &num);
        slant_agg_finish(n1);
        const slant_agg_article *r = slant_agg_article_at(n1, 0);
        ck_assert_uint_eq(r->nnumbers, 2);
        const char *nums[2];
        slant_agg_article_numbers(r, nums);
        ck_assert_str_eq(nums[0], "$1 billion");
        ck_assert_str_eq(nums[1], "25 percent");
        ck_assert_str_eq(r->id, "n1");
        ck_assert_str_eq(r->story, "s9");
        ck_assert_ptr_null(r->title);
        slant_agg_free(n1);
    }
    /* a1: "good" (+0.475) is its only tone term, once, in the outlet voice */
    size_t n = slant_agg_article_tone_terms(compact, slant_agg_article_at(compact, 0), tc);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(tc[0].value_micro, 475000);
    /* Alpha: 4 x regime (loaded), 21 outlet words; Kestria (a2) says nothing quoted */
    slant_agg_totals t;
    ck_assert_int_eq(slant_agg_source_totals(compact, "Alpha", &t), 0);
    ck_assert_int_eq(slant_agg_source_totals(compact, "Gamma", &t), -1);
    ck_assert_int_eq(slant_agg_source_totals(compact, "Alpha", &t), 0);
    ck_assert_uint_eq(t.words[0], 21);
    int loaded = slant_lexset_category_find(set, "loaded");
    ck_assert_int_ge(loaded, 0);
    ck_assert_uint_eq(t.cat[loaded * 2], 4);
    /* "bad" in a2: one outlet hit whose summed value is negative */
    size_t ne = slant_lexset_entry_count(set);
    uint64_t neg = 0, pos = 0;
    for (size_t e = 0; e < ne; e++) neg += t.tone_sign[e * 2], pos += t.tone_sign[e * 2 + 1];
    ck_assert_uint_eq(neg, 1);
    ck_assert_uint_eq(pos, 1);
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    json_t *mf = slant_analysis_model(full, &o), *mc = slant_analysis_model(compact, &o);
    char *jf = json_dumps(mf, JSON_SORT_KEYS | JSON_REAL_PRECISION(17)), *jc = json_dumps(mc, JSON_SORT_KEYS | JSON_REAL_PRECISION(17));
    ck_assert_str_eq(jf, jc);
    free(jf);
    free(jc);
    json_decref(mf);
    json_decref(mc);
    /* a compact aggregate is never written */
    FILE *f = fopen("/dev/null", "w");
    ck_assert_int_eq(slant_agg_write(compact, f, "null", &err), -1);
    fclose(f);
    free(cf);
    free(cc);
    slant_agg_free(full);
    slant_agg_free(compact);
    slant_agg_free(p1);
    slant_agg_free(p2);
}
END_TEST

/* Open file descriptors of this process (Linux), -1 when unknown. */
static int open_fds(void) {
    DIR *d = opendir("/proc/self/fd");
    if (!d) return -1;
    int n = 0;
    while (readdir(d) != NULL) n++;
    closedir(d);
    return n;
}

/* A spilled compact aggregate (records in a temporary file, walked back)
 * gives the same model as one in memory: articles added out of id order,
 * in two spilled parts merged, with a story-less article whose id is also
 * a story's; and with one article for a source (the units per sentence,
 * a second walk). The temporary files (unlinked from the start) are
 * closed with the aggregate. */
START_TEST(test_spilled_model_matches_memory) {
    static const char *const sources[] = {"Alpha", "Beta", "Gamma"};
    for (int single = 0; single < 2; single++) {
        int fds = open_fds();
        slant_agg *mem = slant_agg_new(set), *part[2];
        slant_agg_compact(mem);
        for (int k = 0; k < 2; k++) {
            part[k] = slant_agg_new(set);
            slant_agg_compact_spill(part[k]);
        }
        int n = single ? 7 : 24;
        for (int j = 0; j < n; j++) {
            int i = (j * 5) % n; /* not in id order */
            char id[16], story[16];
            snprintf(id, sizeof id, "g%02d", i);
            snprintf(story, sizeof story, "s%d", i / 3 % 6);
            const char *st = i == 5 ? NULL : i == 6 ? "g05" : story; /* g05: no story, and a story's name */
            art_spec s = {id, single && i == 6 ? "Delta" : sources[i % 3], st, corpus4[i % 4].text};
            add(mem, &s);
            add(part[i % 2], &s);
        }
        slant_error err;
        slant_error_clear(&err);
        ck_assert_int_eq(slant_agg_merge(part[0], part[1], &err), 0);
        slant_agg_free(part[1]);
        slant_agg *sp = part[0];
        ck_assert_int_eq(slant_agg_spill_check(sp, "x", &err), 0);
        ck_assert_uint_eq(slant_agg_article_count(sp), 0); /* none kept in memory */
        ck_assert_uint_eq(slant_agg_article_total(sp), (size_t)n);
        ck_assert_int_eq(slant_agg_has_id(sp, "g05"), 1);
        ck_assert_int_eq(slant_agg_has_id(sp, "s1"), 0);
        /* the walk gives the records in id order, as in memory */
        slant_agg_walk *w = slant_agg_walk_new(sp);
        const slant_agg_article *r;
        size_t k = 0;
        while ((r = slant_agg_walk_next(w)) != NULL) {
            char want[16];
            snprintf(want, sizeof want, "g%02zu", k++);
            ck_assert_str_eq(r->id, want);
        }
        ck_assert_int_eq(slant_agg_walk_free(w), 0);
        ck_assert_uint_eq(k, (size_t)n);
        slant_analysis_opts o;
        slant_analysis_opts_default(&o);
        o.threads = 2;
        json_t *m1 = slant_analysis_model(mem, &o), *m2 = slant_analysis_model(sp, &o);
        ck_assert_ptr_nonnull(m2);
        char *want = json_dumps(m1, JSON_SORT_KEYS | JSON_COMPACT), *got = json_dumps(m2, JSON_SORT_KEYS | JSON_COMPACT);
        ck_assert_msg(strcmp(want, got) == 0, "spilled model differs (single = %d)", single);
        ck_assert_str_eq(json_string_value(json_object_get(json_object_get(m2, "method"), "unit")),
                         single ? "sentence" : "article");
        /* s0..s5 (s0, s1 with 7 articles) and g05; the story-less g05 counts as story g05 */
        ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(m2, "corpus"), "stories")), single ? 3 : 7);
        free(want);
        free(got);
        json_decref(m1);
        json_decref(m2);
        slant_agg_free(mem);
        slant_agg_free(sp);
        if (fds >= 0) ck_assert_int_eq(open_fds(), fds);
    }
}
END_TEST

/* The story lists are made per chunk of 256 stories as they are written:
 * with 700 stories (three chunks) their elements are still the model's. */
START_TEST(test_model_lists_over_chunks) {
    static const char *const sources[] = {"Alpha", "Beta", "Gamma"};
    slant_agg *a[2];
    for (int k = 0; k < 2; k++) {
        a[k] = slant_agg_new(set);
        slant_agg_compact_spill(a[k]);
        for (int i = 0; i < 1400; i++) {
            char id[16], story[16];
            snprintf(id, sizeof id, "c%04d", i);
            snprintf(story, sizeof story, "t%03d", i % 700);
            art_spec s = {id, sources[i % 3], story, corpus4[i % 4].text};
            add(a[k], &s);
        }
    }
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    o.threads = 2;
    o.bootstrap = 100;
    json_t *full = slant_analysis_model(a[0], &o);
    slant_report_list lists[3];
    json_t *m = slant_analysis_model_lists(a[1], &o, lists);
    slant_agg_free(a[1]);
    for (int l = 0; l < 2; l++) {
        const json_t *want = json_object_get(full, lists[l].key);
        ck_assert_uint_eq(lists[l].n, 700);
        for (size_t i = 0; i < lists[l].n; i++) {
            json_t *e = lists[l].element(lists[l].state, i);
            ck_assert_msg(json_equal(e, json_array_get(want, i)), "%s[%zu] differs", lists[l].key, i);
            json_decref(e);
        }
    }
    for (int l = 0; l < 3; l++) lists[l].release(lists[l].state);
    json_decref(full);
    json_decref(m);
    slant_agg_free(a[0]);
}
END_TEST

static Suite *aggregate_suite(void) {
    Suite *s = suite_create("aggregate");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_roundtrip_is_identical);
    tcase_add_test(tc, test_merge_order_does_not_matter);
    tcase_add_test(tc, test_duplicate_id_refused);
    tcase_add_test(tc, test_bad_partials_refused);
    tcase_add_test(tc, test_fast_and_general_readers_agree);
    tcase_add_test(tc, test_partial_strings_escaped_like_jansson);
    tcase_add_test(tc, test_model_counts_by_hand);
    tcase_add_test(tc, test_model_same_for_any_thread_count);
    tcase_add_test(tc, test_model_lists_match_model);
    tcase_add_test(tc, test_micro_matches_llround);
    tcase_add_test(tc, test_one_article_per_source_falls_back_to_sentences);
    tcase_add_test(tc, test_empty_and_zero_sources_give_nulls_not_nan);
    tcase_add_test(tc, test_terms_come_in_entry_order);
    tcase_add_test(tc, test_vocab_in_strcmp_order);
    tcase_add_test(tc, test_spilled_parts_write_like_memory);
    tcase_add_test(tc, test_streamed_partial_is_identical);
    tcase_add_test(tc, test_compact_matches_full);
    tcase_add_test(tc, test_spilled_model_matches_memory);
    tcase_add_test(tc, test_model_lists_over_chunks);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(aggregate_suite)
