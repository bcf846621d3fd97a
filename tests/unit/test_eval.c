/*
 * test_eval.c - evaluation metrics on hand-computed examples, and the three
 * gold readers on tiny fixtures (tests/fixtures/ *_gold files) scored with an
 * in-memory lexicon, so every expected figure can be redone on paper.
 */
#include <math.h>
#include <string.h>

#include "slant/eval.h"
#include "slant/lexicon.h"
#include "testutil.h"

#define FIX SLANT_SRCDIR "/tests/fixtures/"

static double squash(double x) { return x / sqrt(x * x + 15.0); }

START_TEST(test_prf) {
    slant_prf p = slant_eval_prf(2, 1, 1); /* P = 2/3, R = 2/3, F1 = 2/3 */
    ck_assert_double_eq_tol(p.precision, 2.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(p.recall, 2.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(p.f1, 2.0 / 3.0, 1e-12);
    ck_assert_uint_eq(p.support, 3);
    p = slant_eval_prf(1, 0, 3); /* P = 1, R = 1/4, F1 = 2*0.25/1.25 = 0.4 */
    ck_assert_double_eq_tol(p.f1, 0.4, 1e-12);
    p = slant_eval_prf(0, 0, 0); /* undefined: all zero, never NaN */
    ck_assert_double_eq(p.f1, 0.0);
}
END_TEST

START_TEST(test_confusion) {
    /* rows gold, columns predicted:
     *        neg neu pos
     *   neg   3   1   0     neg: tp 3, fp 1, fn 1 -> P = R = F1 = 0.75
     *   neu   1   2   1     neu: tp 2, fp 2, fn 2 -> 0.5
     *   pos   0   1   3     pos: tp 3, fp 1, fn 1 -> 0.75
     * macro-F1 = (0.75 + 0.5 + 0.75) / 3 = 2/3; accuracy 8/12 */
    slant_confusion3 c = {{{3, 1, 0}, {1, 2, 1}, {0, 1, 3}}};
    slant_prf cls[3];
    double macro, acc;
    slant_eval_confusion_metrics(&c, cls, &macro, &acc);
    ck_assert_double_eq_tol(cls[0].f1, 0.75, 1e-12);
    ck_assert_double_eq_tol(cls[1].f1, 0.5, 1e-12);
    ck_assert_double_eq_tol(cls[2].precision, 0.75, 1e-12);
    ck_assert_double_eq_tol(macro, 2.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(acc, 8.0 / 12.0, 1e-12);
}
END_TEST

START_TEST(test_class_band) {
    ck_assert_int_eq(slant_eval_class_of(0.049, 0.05), SLANT_EVAL_NEU);
    ck_assert_int_eq(slant_eval_class_of(-0.049, 0.05), SLANT_EVAL_NEU);
    ck_assert_int_eq(slant_eval_class_of(0.05, 0.05), SLANT_EVAL_POS);
    ck_assert_int_eq(slant_eval_class_of(-0.05, 0.05), SLANT_EVAL_NEG);
}
END_TEST

START_TEST(test_tone_metrics) {
    /* pred 1,2,3 vs gold 1,3,2: deviations (-1,0,1) and (-1,1,0):
     * r = 1 / sqrt(2 * 2) = 0.5; ranks equal the values, so rho = 0.5 */
    double pred[] = {1, 2, 3}, gold[] = {1, 3, 2};
    slant_eval_tone r;
    slant_eval_tone_metrics(pred, gold, 3, 0, 1, &r);
    ck_assert_double_eq_tol(r.pearson_r, 0.5, 1e-12);
    ck_assert_double_eq_tol(r.spearman_r, 0.5, 1e-12);
    /* an exact linear relation: r = 1, and every resample too */
    double p2[] = {0.1, 0.2, 0.3, 0.4}, g2[] = {0.2, 0.4, 0.6, 0.8};
    slant_eval_tone_metrics(p2, g2, 4, 200, 7, &r);
    ck_assert_double_eq_tol(r.pearson_r, 1.0, 1e-12);
    ck_assert_double_eq_tol(r.pearson_ci_high, 1.0, 1e-9);
    ck_assert_double_eq_tol(r.f1_3class, 1.0 / 3.0, 1e-12); /* only the positive class occurs */
}
END_TEST

START_TEST(test_bootstrap_seeded) {
    double pred[40], gold[40];
    for (int i = 0; i < 40; i++) {
        pred[i] = sin(i * 0.7);
        gold[i] = pred[i] + 0.5 * cos(i * 1.3);
    }
    slant_eval_tone a, b, c;
    slant_eval_tone_metrics(pred, gold, 40, 500, 42, &a);
    slant_eval_tone_metrics(pred, gold, 40, 500, 42, &b);
    slant_eval_tone_metrics(pred, gold, 40, 500, 43, &c);
    ck_assert_double_eq(a.pearson_ci_low, b.pearson_ci_low);   /* same seed, same interval */
    ck_assert_double_eq(a.pearson_ci_high, b.pearson_ci_high);
    ck_assert(a.pearson_ci_low != c.pearson_ci_low || a.pearson_ci_high != c.pearson_ci_high);
    ck_assert(a.pearson_ci_low < a.pearson_r && a.pearson_r < a.pearson_ci_high);
}
END_TEST

START_TEST(test_cp_to_byte) {
    const char *s = "\xc3\x87" "a va"; /* "Ça va": Ç is 2 bytes */
    ck_assert_uint_eq(slant_utf8_cp_to_byte(s, strlen(s), 0), 0);
    ck_assert_uint_eq(slant_utf8_cp_to_byte(s, strlen(s), 1), 2);
    ck_assert_uint_eq(slant_utf8_cp_to_byte(s, strlen(s), 3), 4);
    ck_assert_uint_eq(slant_utf8_cp_to_byte(s, strlen(s), 99), strlen(s));
}
END_TEST

/* the lexicon of test_score.c, reduced to what the fixtures use */
static const char lex[] = "good\ttone\t0.475\n"
                          "bad\ttone\t-0.625\n"
                          "criticized\ttone\t-0.35\n"
                          "not\trule.negator\n"
                          "was\trule.passive_aux\n"
                          "is\trule.passive_aux\n"
                          "by\trule.agent\n"
                          "while\trule.clause_break\n"
                          "praised\tact.supportive\t1\n"
                          "criticized\tact.hostile\t-1\n"
                          "regime\tloaded\t2\n"
                          "Kestria\ttarget.kestria\t1\tcase\n"
                          "Kestrian\ttarget.kestria\t1\tcase\n"
                          "Veldor\ttarget.veldor\t1\tcase\n";

static slant_lexset *set;
static slant_scorer *sc;

static void setup(void) { sc = test_scorer_new("eval-test", lex, &set); }

static void teardown(void) {
    slant_scorer_free(sc);
    slant_lexset_free(set);
}

START_TEST(test_tone_file) {
    /* predictions: good 1.9, bad -2.5, none, not good -1.406, not bad 1.85
     * (squashed); gold = mean / 4: 0.5, -0.75, 0.025, -0.25, 0.25.
     * Pearson r = 0.956910 (worked in a spreadsheet from the five pairs);
     * both orderings agree, so Spearman = 1; every class right: F1 = 1. */
    slant_error err;
    slant_eval_tone r;
    ck_assert_int_eq(slant_eval_tone_file(sc, FIX "tone_gold.tsv", 42, &r, &err), 0);
    ck_assert_uint_eq(r.n, 5);
    ck_assert_double_eq_tol(r.pearson_r, 0.9569102, 1e-6);
    ck_assert_double_eq_tol(r.spearman_r, 1.0, 1e-12);
    ck_assert_double_eq_tol(r.f1_3class, 1.0, 1e-12);
    ck_assert_uint_eq(r.confusion.m[1][1], 1);
    (void)squash;
}
END_TEST

START_TEST(test_stance_file) {
    /* Ca va: Veldor criticized Kestria: Veldor negative (gold 2: its clause
     *   holds "criticized" -1.4), Kestria negative (patient of a hostile act).
     * Kestria was praised by Veldor: Kestria positive (passive); Veldor
     *   predicted positive (praised counts as a mild +1 near it), gold neutral.
     * Kestria is good while Veldor is bad: Kestria positive; Veldor predicted
     *   negative, gold neutral.
     * confusion (gold rows): neg [2 0 0], neu [1 0 1], pos [0 0 2]
     * neg: tp 2 fp 1 fn 0 -> F1 0.8; neu: tp 0 -> F1 0; pos: tp 2 fp 1 -> 0.8
     * macro = (0.8 + 0 + 0.8) / 3 = 0.533333; accuracy 4/6. */
    slant_error err;
    slant_eval_stance r;
    ck_assert_int_eq(slant_eval_stance_file(sc, FIX "stance_gold.jsonl", &r, &err), 0);
    ck_assert_uint_eq(r.n, 6);
    ck_assert_uint_eq(r.skipped, 0);
    ck_assert_uint_eq(r.confusion.m[0][0], 2);
    ck_assert_uint_eq(r.confusion.m[1][0], 1);
    ck_assert_uint_eq(r.confusion.m[1][2], 1);
    ck_assert_uint_eq(r.confusion.m[2][2], 2);
    ck_assert_double_eq_tol(r.cls[0].f1, 0.8, 1e-12);
    ck_assert_double_eq_tol(r.cls[1].f1, 0.0, 1e-12);
    ck_assert_double_eq_tol(r.cls[2].precision, 2.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(r.macro_f1, 1.6 / 3.0, 1e-12);
    ck_assert_double_eq_tol(r.accuracy, 4.0 / 6.0, 1e-12);
}
END_TEST

/* Further mentions (NewsMTSC's coreference links) count: "Veldor spoke to
 * the crowd of farmers, workers and teachers in the square today while
 * critics said he is bad." The mention "Veldor" alone is 18 tokens and a
 * clause break away from "bad": its stance is -0.03, inside the neutral band.
 * With its further mention "he", next to "bad", the mean of the two is
 * clearly negative. The file marks the same span twice: with the link (gold
 * negative) and without it (gold neutral); both come out right. */
START_TEST(test_stance_further_mentions) {
    slant_error err;
    slant_eval_stance r;
    ck_assert_int_eq(slant_eval_stance_file(sc, FIX "stance_further.jsonl", &r, &err), 0);
    ck_assert_uint_eq(r.n, 2);
    ck_assert_uint_eq(r.confusion.m[0][0], 1);
    ck_assert_uint_eq(r.confusion.m[1][1], 1);
}
END_TEST

START_TEST(test_loaded_file) {
    /* words: regime = regime (tp); regime vs thugs (fp 1, fn 1); nothing;
     * good unmarked by us (fn 1); criticized unmarked (fn 1):
     * tp 1, fp 1, fn 3 -> P 0.5, R 0.25, F1 1/3.
     * sentences (label present and usable on 4): biased & hit twice (tp 2),
     * non-biased & no hit (tn), biased & no hit (fn): P 1, R 2/3, F1 0.8. */
    slant_error err;
    slant_eval_loaded r;
    ck_assert_int_eq(slant_eval_loaded_file(sc, FIX "loaded_gold.jsonl", &r, &err), 0);
    ck_assert_uint_eq(r.n, 5);
    ck_assert_uint_eq(r.tp, 1);
    ck_assert_uint_eq(r.fp, 1);
    ck_assert_uint_eq(r.fn, 3);
    ck_assert_double_eq_tol(r.words.precision, 0.5, 1e-12);
    ck_assert_double_eq_tol(r.words.recall, 0.25, 1e-12);
    ck_assert_double_eq_tol(r.words.f1, 1.0 / 3.0, 1e-12);
    ck_assert_uint_eq(r.labelled, 4);
    ck_assert_double_eq_tol(r.sentences.precision, 1.0, 1e-12);
    ck_assert_double_eq_tol(r.sentences.recall, 2.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(r.sentences.f1, 0.8, 1e-12);
}
END_TEST

START_TEST(test_bad_gold) {
    slant_error err;
    slant_eval_tone r;
    char path[] = "/tmp/slant-eval-bad-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *bad = "1\t0.5\tfine\n2\tnot-a-number\tbroken\n";
    ck_assert_int_eq(write(fd, bad, strlen(bad)), (int)strlen(bad));
    close(fd);
    ck_assert_int_eq(slant_eval_tone_file(sc, path, 1, &r, &err), -1);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.msg, "finite"));
    slant_eval_stance st;
    ck_assert_int_eq(slant_eval_stance_file(sc, path, &st, &err), -1);
    ck_assert_int_eq(err.line, 1);
    unlink(path);
    ck_assert_int_eq(slant_eval_tone_file(sc, "/nonexistent/gold.tsv", 1, &r, &err), -1);
}
END_TEST

static Suite *eval_suite(void) {
    Suite *s = suite_create("eval");
    TCase *m = tcase_create("metrics");
    tcase_add_test(m, test_prf);
    tcase_add_test(m, test_confusion);
    tcase_add_test(m, test_class_band);
    tcase_add_test(m, test_tone_metrics);
    tcase_add_test(m, test_bootstrap_seeded);
    tcase_add_test(m, test_cp_to_byte);
    suite_add_tcase(s, m);
    TCase *f = tcase_create("files");
    tcase_add_checked_fixture(f, setup, teardown);
    tcase_add_test(f, test_tone_file);
    tcase_add_test(f, test_stance_file);
    tcase_add_test(f, test_stance_further_mentions);
    tcase_add_test(f, test_loaded_file);
    tcase_add_test(f, test_bad_gold);
    suite_add_tcase(s, f);
    return s;
}

SLANT_TEST_MAIN(eval_suite)
