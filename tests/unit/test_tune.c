/*
 * test_tune.c - the lexicon tuning tools on inputs small enough to check by
 * hand: coverage shares and keyness of a two-source corpus, the truncated
 * SVD against known singular values, LSS on a generated corpus whose polar
 * words are planted, and the diff of two sets that differ by one entry.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "slant/analysis.h"
#include "slant/lss.h"
#include "slant/runner.h"
#include "slant/tune.h"
#include "testutil.h"

static slant_lexset *lexset_from(const char *text) {
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_msg(slant_lexset_add_text(s, "test.lex", text, strlen(text), &err) == 0, "%s", err.msg);
    ck_assert_msg(slant_lexset_finish(s, &err) == 0, "%s", err.msg);
    return s;
}

static const json_t *source_named(const json_t *root, const char *name) {
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(root, "sources"), i, s)
        if (strcmp(json_string_value(json_object_get(s, "name")), name) == 0) return s;
    ck_abort_msg("no source %s", name);
    return NULL;
}

static double share_of(const json_t *src, const char *group, const char *key) {
    return json_real_value(json_object_get(json_object_get(json_object_get(src, group), key), "share"));
}

START_TEST(test_coverage_by_hand) {
    slant_lexset *set = lexset_from("good\ttone\t0.5\n"
                                    "peace\ttone\t0.3\n"
                                    "peace treaty\tframe.diplomacy\n"
                                    "Arland\ttarget.arland\t1\tcase\n");
    slant_strmap *stop;
    slant_error err;
    ck_assert_msg(slant_stopwords_load(SLANT_SRCDIR "/lexicons/stopwords.txt", &stop, &err) == 0, "%s", err.msg);
    slant_coverage *cv = slant_coverage_new(set, stop);
    slant_doc d;
    slant_doc_init(&d);
    /* A: 8 words (The good peace treaty was signed Arland agreed); covered:
     * good, peace, treaty, Arland = 4; tone: good, peace = 2; frame: peace,
     * treaty = 2; target: Arland = 1. Uncovered non-stopwords: signed, agreed. */
    const char *a = "The good peace treaty was signed. Arland agreed.";
    ck_assert_int_eq(slant_doc_analyze(&d, a, strlen(a), &err), 0);
    slant_coverage_add(cv, "A", &d);
    /* B: 4 words, covered: Good = 1; uncovered: signed x3 */
    const char *b = "Signed, signed, signed. Good.";
    ck_assert_int_eq(slant_doc_analyze(&d, b, strlen(b), &err), 0);
    slant_coverage_add(cv, "B", &d);
    json_t *j = slant_coverage_json(cv, 10, 1);
    const json_t *ja = source_named(j, "A"), *jb = source_named(j, "B");
    ck_assert_int_eq(json_integer_value(json_object_get(ja, "words")), 8);
    ck_assert_double_eq_tol(json_real_value(json_object_get(json_object_get(ja, "covered"), "share")), 0.5, 1e-12);
    ck_assert_double_eq_tol(share_of(ja, "families", "tone"), 0.25, 1e-12);
    ck_assert_double_eq_tol(share_of(ja, "families", "frame"), 0.25, 1e-12);
    ck_assert_double_eq_tol(share_of(ja, "families", "target"), 0.125, 1e-12);
    ck_assert_double_eq_tol(share_of(ja, "categories", "frame.diplomacy"), 0.25, 1e-12);
    ck_assert_double_eq_tol(share_of(jb, "families", "tone"), 0.25, 1e-12);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "corpus"), "words")), 12);
    /* most frequent uncovered: A agreed 1, signed 1 (ties by term); B signed 3 */
    const json_t *fa = json_object_get(ja, "uncovered_frequent");
    ck_assert_uint_eq(json_array_size(fa), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(fa, 0), "term")), "agreed");
    const json_t *fb = json_array_get(json_object_get(jb, "uncovered_frequent"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(fb, "term")), "signed");
    ck_assert_int_eq(json_integer_value(json_object_get(fb, "count")), 3);
    ck_assert_double_eq_tol(json_real_value(json_object_get(fb, "per_1000")), 750.0, 1e-9);
    /* keyness of "signed" in B (3 of 4 words) against A (1 of 8):
     * E1 = 4*4/12, E2 = 8*4/12; G2 = 2 (3 ln(3/E1) + 1 ln(1/E2)) = 2.90392;
     * log2 ratio = log2((3/4) / (1/8)) = log2 6 */
    const json_t *kb = json_array_get(json_object_get(jb, "uncovered_distinctive"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(kb, "term")), "signed");
    double e1 = 4.0 * 4.0 / 12.0, e2 = 8.0 * 4.0 / 12.0;
    ck_assert_double_eq_tol(json_real_value(json_object_get(kb, "g2")), 2 * (3 * log(3 / e1) + log(1 / e2)), 1e-9);
    ck_assert_double_eq_tol(json_real_value(json_object_get(kb, "log_ratio")), log2(6.0), 1e-9);
    /* in A only "agreed" is over-used ("signed" is under-used there) */
    const json_t *ka = json_object_get(ja, "uncovered_distinctive");
    ck_assert_uint_eq(json_array_size(ka), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(ka, 0), "term")), "agreed");
    json_decref(j);
    slant_doc_free(&d);
    slant_coverage_free(cv);
    slant_strmap_free(stop);
    slant_lexset_free(set);
}
END_TEST

/* A permuted diagonal matrix: singular values d_i = 0.8^i, left singular
 * vector i = e_i. */
START_TEST(test_truncated_svd_known) {
    enum { N = 300, K = 8 };
    slant_csr A = {N, N, slant_xmalloc((N + 1) * sizeof(size_t)), slant_xmalloc(N * sizeof(uint32_t)),
                   slant_xmalloc(N * sizeof(double))};
    for (size_t i = 0; i < N; i++) {
        A.rowptr[i] = i;
        A.col[i] = (uint32_t)((i * 7 + 3) % N); /* 7 is coprime with 300: a permutation */
        A.val[i] = pow(0.8, (double)i);
    }
    A.rowptr[N] = N;
    double U[N * K], S[K];
    int randomized = 0;
    slant_error err;
    ck_assert_int_eq(slant_truncated_svd(&A, K, 10, 2, 7, U, S, &randomized, &err), 0);
    ck_assert_int_eq(randomized, 1);
    for (size_t c = 0; c < K; c++) {
        ck_assert_double_eq_tol(S[c], pow(0.8, (double)c), 1e-8);
        ck_assert_double_eq_tol(fabs(U[c * K + c]), 1.0, 1e-6);
    }
    /* rank 3 (rows beyond 3 empty): the Cholesky QR breaks down and the
     * Householder fallback must still give the three values, then zeros */
    A.rowptr[0] = 0;
    for (size_t i = 1; i <= N; i++) A.rowptr[i] = i < 3 ? i : 3;
    ck_assert_int_eq(slant_truncated_svd(&A, K, 10, 2, 7, U, S, &randomized, &err), 0);
    ck_assert_double_eq_tol(S[0], 1.0, 1e-10);
    ck_assert_double_eq_tol(S[2], 0.64, 1e-10);
    ck_assert_double_eq_tol(S[3], 0.0, 1e-10);
    /* dense path when k + oversample reaches the matrix size */
    slant_csr B = {3, 3, (size_t[]){0, 1, 2, 3}, (uint32_t[]){2, 0, 1}, (double[]){3.0, 2.0, 1.0}};
    double u[6], s[2];
    ck_assert_int_eq(slant_truncated_svd(&B, 2, 10, 2, 7, u, s, &randomized, &err), 0);
    ck_assert_int_eq(randomized, 0);
    ck_assert_double_eq_tol(s[0], 3.0, 1e-12);
    ck_assert_double_eq_tol(s[1], 2.0, 1e-12);
    free(A.rowptr);
    free(A.col);
    free(A.val);
}
END_TEST

/* A corpus where two made-up words only ever appear with positive seeds and
 * two only with negative ones, among shared filler words. */
static const char *const pos_seeds[] = {"splendid", "superb", "lovely", "delightful"};
static const char *const neg_seeds[] = {"dreadful", "horrid", "awful", "ghastly"};
static const char *const planted_pos[] = {"zorblit", "quenfar"};
static const char *const planted_neg[] = {"grimzol", "vextor"};
static const char *const fillers[] = {"table", "river", "paper", "window", "garden", "street", "music",
                                      "letter", "market", "station", "village", "bridge", "harbour",
                                      "forest", "engine", "winter", "summer", "office", "school", "doctor"};

/* splitmix64: a plain LCG's low bits repeat with the sentence parity,
 * which made fillers lean to one side */
static uint32_t lcg(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static void synthetic_corpus(slant_buf *out, size_t sentences) {
    uint64_t st = 12345;
    for (size_t i = 0; i < sentences; i++) {
        int positive = i % 2 == 0;
        const char *const *seeds = positive ? pos_seeds : neg_seeds;
        const char *const *planted = positive ? planted_pos : planted_neg;
        const char *words[8];
        size_t n = 0;
        words[n++] = seeds[lcg(&st) % 4];
        words[n++] = seeds[lcg(&st) % 4];
        words[n++] = planted[lcg(&st) % 2];
        for (int f = 0; f < 5; f++) words[n++] = fillers[lcg(&st) % 20];
        for (size_t k = n - 1; k > 0; k--) { /* shuffle */
            size_t r = lcg(&st) % (k + 1);
            const char *t = words[k];
            words[k] = words[r];
            words[r] = t;
        }
        /* capitalised and one paragraph each, so the splitter ends every
         * sentence and no window reaches into the next (opposite) one */
        slant_buf_printf(out, "%c%s", words[0][0] - 'a' + 'A', words[0] + 1);
        for (size_t k = 1; k < n; k++) slant_buf_printf(out, " %s", words[k]);
        slant_buf_puts(out, ".\n\n");
    }
}

START_TEST(test_lss_planted_words) {
    slant_buf text;
    slant_buf_init(&text);
    synthetic_corpus(&text, 1200);
    slant_lss_opts o;
    slant_lss_opts_default(&o);
    o.dims = 10;
    o.min_count = 2;
    slant_lss *l = slant_lss_new(&o, NULL);
    slant_doc d;
    slant_doc_init(&d);
    slant_error err;
    ck_assert_int_eq(slant_doc_analyze(&d, text.data, text.len, &err), 0);
    slant_lss_count(l, &d);
    slant_lss_freeze(l);
    slant_lss_cooccur(l, &d);
    ck_assert_msg(slant_lss_fit(l, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(slant_lss_get_info(l)->vocab, 32);
    ck_assert_int_eq(slant_lss_get_info(l)->randomized, 1);
    ck_assert_msg(slant_lss_score(l, pos_seeds, 4, neg_seeds, 4, &err) == 0, "%s", err.msg);
    /* rank the non-seed words */
    size_t V = slant_lss_vocab_size(l), best[2] = {0, 0}, worst[2] = {0, 0};
    double b1 = -9, b2 = -9, w1 = 9, w2 = 9;
    for (size_t i = 0; i < V; i++) {
        if (slant_lss_is_seed(l, i)) continue;
        double p = slant_lss_polarity(l, i);
        if (p > b1) b2 = b1, best[1] = best[0], b1 = p, best[0] = i;
        else if (p > b2) b2 = p, best[1] = i;
        if (p < w1) w2 = w1, worst[1] = worst[0], w1 = p, worst[0] = i;
        else if (p < w2) w2 = p, worst[1] = i;
    }
    ck_assert(b2 > 0 && w2 < 0);
    for (int k = 0; k < 2; k++) {
        const char *top = slant_lss_word(l, best[k]), *bottom = slant_lss_word(l, worst[k]);
        ck_assert_msg(strcmp(top, "zorblit") == 0 || strcmp(top, "quenfar") == 0, "top %d is %s", k, top);
        ck_assert_msg(strcmp(bottom, "grimzol") == 0 || strcmp(bottom, "vextor") == 0, "bottom %d is %s", k, bottom);
    }
    /* every seed lands on its own side even when left out of its group */
    for (size_t i = 0; i < V; i++) {
        int s = slant_lss_is_seed(l, i);
        if (s) ck_assert_msg(s * slant_lss_polarity(l, i) > 0, "seed %s", slant_lss_word(l, i));
    }
    ck_assert_int_eq(slant_lss_seed_index(l, 0, 0) >= 0, 1);
    ck_assert_str_eq(slant_lss_word(l, (size_t)slant_lss_seed_index(l, 0, 0)), "splendid");
    ck_assert(strstr(slant_lss_context(l, best[0]), slant_lss_word(l, best[0])) != NULL);
    /* a seed that is not in the corpus is reported as missing */
    const char *unknown[] = {"nonexistentword"};
    ck_assert_int_eq(slant_lss_score(l, unknown, 1, neg_seeds, 4, &err), -1);
    slant_doc_free(&d);
    slant_lss_free(l);
    slant_buf_free(&text);
}
END_TEST

/* Score a JSON Lines corpus with an in-memory lexicon into a model. */
static json_t *model_of(const char *corpus, slant_lexset *set, slant_agg **agg_out) {
    slant_error err;
    slant_scorer *sc = slant_scorer_new(set, &err);
    ck_assert_msg(sc != NULL, "%s", err.msg);
    slant_agg *agg = slant_agg_new(set);
    slant_run_opts ro = {0};
    ro.threads = 1;
    ro.pipeline.no_clean = 1;
    slant_clean_rules *rules = NULL;
    char *inputs[1] = {(char *)corpus};
    ck_assert_msg(slant_run_inputs(inputs, 1, NULL, sc, &ro, agg, &rules, &err) == 0, "%s", err.msg);
    slant_analysis_opts ao;
    slant_analysis_opts_default(&ao);
    ao.bootstrap = 100;
    json_t *m = slant_analysis_model(agg, &ao);
    slant_clean_rules_free(rules);
    slant_scorer_free(sc);
    *agg_out = agg;
    return m;
}

static const json_t *figure(const json_t *diff, const char *source, const char *name) {
    const json_t *s = source_named(diff, source);
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(s, "figures"), i, f)
        if (strcmp(json_string_value(json_object_get(f, "figure")), name) == 0) return f;
    ck_abort_msg("no figure %s in %s", name, source);
    return NULL;
}

START_TEST(test_diff_one_entry) {
    char dir[] = "/tmp/slant_tune_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/corpus.jsonl", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    /* A: 11 words, "sham" twice; B: 6 words, no "sham" */
    fputs("{\"id\": \"a1\", \"source\": \"A\", \"text\": \"The deal is a sham. Critics call the sham talks useless.\"}\n"
          "{\"id\": \"b1\", \"source\": \"B\", \"text\": \"The deal is good. Talks continue.\"}\n", f);
    ck_assert_int_eq(fclose(f), 0);
    const char *base_lex = "good\ttone\t0.5\nuseless\ttone\t-0.4\nregime\tloaded\t2\n";
    slant_lexset *bs = lexset_from(base_lex);
    slant_buf nl;
    slant_buf_init(&nl);
    slant_buf_printf(&nl, "%ssham\tloaded\t2\n", base_lex);
    slant_lexset *ns = lexset_from(nl.data);
    slant_agg *ba, *na;
    json_t *bm = model_of(path, bs, &ba), *nm = model_of(path, ns, &na);
    json_t *d = slant_lexdiff(bm, nm, ba, na, 10);
    const json_t *causes = json_object_get(d, "causes");
    ck_assert_uint_eq(json_array_size(causes), 1);
    const json_t *c = json_array_get(causes, 0);
    ck_assert_str_eq(json_string_value(json_object_get(c, "term")), "sham");
    ck_assert_str_eq(json_string_value(json_object_get(c, "change")), "added");
    ck_assert_int_eq(json_integer_value(json_object_get(c, "hits")), 2);
    ck_assert_double_eq_tol(json_real_value(json_object_get(c, "impact")), 4.0, 1e-12); /* 2 hits x weight 2 */
    /* A's loaded rate rises by 2 hits per 11 words = 181.818 per 1,000 */
    const json_t *fa = figure(d, "A", "loaded.outlet.per_1000");
    ck_assert_double_eq_tol(json_real_value(json_object_get(fa, "base")), 0.0, 1e-12);
    ck_assert_double_eq_tol(json_real_value(json_object_get(fa, "change")), 2000.0 / 11.0, 1e-3);
    ck_assert(json_is_true(json_object_get(fa, "changed")));
    /* B does not use the word: nothing of B changes */
    ck_assert_int_eq(json_integer_value(json_object_get(source_named(d, "B"), "changed")), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(d, "summary"), "entries_changed")), 1);
    json_decref(d);
    json_decref(bm);
    json_decref(nm);
    slant_agg_free(ba);
    slant_agg_free(na);
    slant_lexset_free(bs);
    slant_lexset_free(ns);
    slant_buf_free(&nl);
    remove(path);
    rmdir(dir);
}
END_TEST

static Suite *tune_suite(void) {
    Suite *s = suite_create("tune");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_coverage_by_hand);
    tcase_add_test(tc, test_truncated_svd_known);
    tcase_add_test(tc, test_lss_planted_words);
    tcase_add_test(tc, test_diff_one_entry);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(tune_suite)
