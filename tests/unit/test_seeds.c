/*
 * test_seeds.c - the findings of docs/seeds.md, asserted on slant's model of
 * the five seed articles in ../shared/corpus/seeds (Japan-Russia Kuril
 * dispute: World Socialist Web Site, Voice of America, The Wall Street
 * Journal, The Duran, Valdai Discussion Club).
 *
 * Each test names the finding (F1..F13 in docs/seeds.md) it checks. The seed
 * texts ship outside the repository and must not be copied into it, so the
 * assertions are about counts, labels, sides, speakers and signs read from
 * the model, never about sentences. With one article per source the unit of
 * analysis is the sentence and few differences survive Holm correction; the
 * tests assert directions and figures a reader can recount, and significance
 * only where slant finds it clearly (F3, F10, F13). Skips, saying so, when ../shared is
 * absent.
 *
 * The model is built once before the tests fork, with the same library calls
 * as `slant analyze ../shared/corpus/seeds` (shipped default.set, clean.rules).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "testmodel.h"

#define WSWS "World Socialist Web Site"
#define VOA "Voice of America"
#define WSJ "The Wall Street Journal"
#define DURAN "The Duran"
#define VALDAI "Valdai Discussion Club"

static json_t *model;

static void build_model(void) { model = test_model_build(SHARED_DIR "/corpus/seeds", NULL, 5); }

static void free_model(void) {
    json_decref(model);
    model = NULL;
}

static json_t *source(const char *name) { return test_model_source(model, name); }

static json_t *outlet_rate(const char *src, const char *measure) {
    json_t *r = json_object_get(json_object_get(source(src), measure), "outlet");
    ck_assert_msg(r != NULL, "%s has no %s.outlet", src, measure);
    return r;
}

static double per_1000(const char *src, const char *measure) {
    return json_number_value(json_object_get(outlet_rate(src, measure), "per_1000"));
}

static long long count_of(const char *src, const char *measure) {
    return json_integer_value(json_object_get(outlet_rate(src, measure), "count"));
}

static double stance(const char *src, const char *target, long long *n) {
    json_t *m = json_object_get(json_object_get(json_object_get(source(src), "stance"), target), "outlet");
    json_t *mean = json_object_get(m, "mean");
    ck_assert_msg(json_is_number(mean), "%s: no own-voice stance toward %s", src, target);
    if (n) *n = json_integer_value(json_object_get(m, "n"));
    return json_number_value(mean);
}

static int top_term(const char *src, const char *measure, const char *term) {
    json_t *t;
    size_t i;
    json_array_foreach(json_object_get(json_object_get(source(src), "top_terms"), measure), i, t) {
        if (strcmp(json_string_value(json_object_get(t, "term")), term) == 0)
            return (int)json_integer_value(json_object_get(t, "count"));
    }
    return 0;
}

/* count of a naming label (the entry's label= group, lower case) and its side */
static long long naming(const char *src, const char *referent, const char *label, const char **side) {
    json_t *l;
    size_t i;
    json_t *ref = json_object_get(json_object_get(source(src), "naming"), referent);
    json_array_foreach(json_object_get(ref, "labels"), i, l) {
        if (strcmp(json_string_value(json_object_get(l, "label")), label) == 0) {
            if (side) *side = json_string_value(json_object_get(l, "side"));
            return json_integer_value(json_object_get(l, "count"));
        }
    }
    return 0;
}

static long long speaker_words(const char *src, const char *name) {
    json_t *sp;
    size_t i;
    json_array_foreach(json_object_get(source(src), "speakers"), i, sp) {
        const char *n = json_string_value(json_object_get(sp, "name"));
        if (n && strcmp(n, name) == 0) return json_integer_value(json_object_get(sp, "words"));
    }
    return 0;
}

static double residual(const char *src, const char *frame) {
    json_t *v = json_object_get(
        json_object_get(json_object_get(json_object_get(model, "frames_test"), "residuals"), src), frame);
    ck_assert_msg(json_is_number(v), "no residual for %s / %s", src, frame);
    return json_number_value(v);
}

static json_t *pair_test(const char *measure, const char *x, const char *y, int *swapped) {
    json_t *t;
    size_t i;
    json_array_foreach(json_object_get(model, "tests"), i, t) {
        const char *m = json_string_value(json_object_get(t, "measure"));
        const char *a = json_string_value(json_object_get(t, "a"));
        const char *b = json_string_value(json_object_get(t, "b"));
        if (!m || !a || !b || strcmp(m, measure) != 0) continue;
        if ((strcmp(a, x) == 0 && strcmp(b, y) == 0) || (strcmp(a, y) == 0 && strcmp(b, x) == 0)) {
            *swapped = strcmp(a, y) == 0;
            return t;
        }
    }
    ck_abort_msg("%s: no test of %s vs %s", measure, x, y);
    return NULL;
}

static void assert_significant(const char *measure, const char *higher, const char *lower) {
    int swapped;
    json_t *t = pair_test(measure, higher, lower, &swapped);
    double p_adj = json_number_value(json_object_get(t, "p_adj"));
    double va = json_number_value(json_object_get(t, "a_value")), vb = json_number_value(json_object_get(t, "b_value"));
    ck_assert_msg(p_adj < 0.05, "%s: %s vs %s Holm p = %g", measure, higher, lower, p_adj);
    ck_assert_msg((swapped ? vb : va) > (swapped ? va : vb), "%s: %s not above %s", measure, higher, lower);
}

static const char *const ALL[] = {WSWS, VOA, WSJ, DURAN, VALDAI};
#define NSRC 5

/* F1. Loaded language: WSWS's own voice (rabid, phony, imperialist ...) is
 * loaded, VOA's and Valdai's are not; F2: The Duran's too (farcical, noisy). */
START_TEST(f1_f2_loaded_language) {
    ck_assert_int_ge(count_of(WSWS, "loaded"), 3);
    ck_assert_int_eq(count_of(VOA, "loaded"), 0);
    ck_assert_int_eq(count_of(VALDAI, "loaded"), 0);
    ck_assert(per_1000(WSWS, "loaded") > per_1000(VOA, "loaded"));
    ck_assert_int_eq(top_term(WSWS, "loaded", "rabid"), 1);
    ck_assert_int_eq(top_term(WSWS, "loaded", "phony"), 1);
    ck_assert_int_eq(top_term(WSWS, "loaded", "imperialist"), 1);
    ck_assert_int_eq(top_term(WSWS, "loaded", "inter-imperialist"), 1);
    ck_assert_int_ge(count_of(DURAN, "loaded"), 4);
    ck_assert_int_eq(top_term(DURAN, "loaded", "farcical"), 1);
    ck_assert_int_eq(top_term(DURAN, "loaded", "noisy"), 1);
    ck_assert(per_1000(DURAN, "loaded") > per_1000(VOA, "loaded"));
    ck_assert(per_1000(DURAN, "loaded") > per_1000(VALDAI, "loaded"));
    ck_assert(per_1000(DURAN, "loaded") > per_1000(WSJ, "loaded"));
    /* the news outlets are the least loaded: WSJ at most one term */
    ck_assert_int_le(count_of(WSJ, "loaded"), 1);
}
END_TEST

/* F3. Stance toward the United States: hostile in WSWS and The Duran,
 * neutral in Valdai; WSWS vs Valdai survives Holm. */
START_TEST(f3_stance_united_states) {
    long long n;
    ck_assert_msg(stance(WSWS, "united_states", &n) <= -0.05, "WSWS toward the US %g",
                  stance(WSWS, "united_states", NULL));
    ck_assert_int_ge(n, 10);
    ck_assert_msg(stance(DURAN, "united_states", NULL) <= -0.05, "Duran toward the US %g",
                  stance(DURAN, "united_states", NULL));
    ck_assert(fabs(stance(VALDAI, "united_states", NULL)) < 0.05);
    assert_significant("stance.united_states.outlet", VALDAI, WSWS);
}
END_TEST

/* F4. Stance toward Russia: The Duran is friendlier than VOA (and than WSWS);
 * VOA leans negative. */
START_TEST(f4_stance_russia) {
    long long n;
    double duran = stance(DURAN, "russia", &n);
    ck_assert_int_ge(n, 30);
    ck_assert_msg(duran > 0.0, "Duran toward Russia %g", duran);
    ck_assert(duran > stance(VOA, "russia", NULL));
    ck_assert(duran > stance(WSWS, "russia", NULL));
    ck_assert_msg(stance(VOA, "russia", NULL) < 0.0, "VOA toward Russia %g", stance(VOA, "russia", NULL));
}
END_TEST

/* F5. Stance toward China: VOA negative (adversaries, provocative actions),
 * The Duran positive (China's great ally). */
START_TEST(f5_stance_china) {
    ck_assert_msg(stance(VOA, "china", NULL) <= -0.05, "VOA toward China %g", stance(VOA, "china", NULL));
    ck_assert_msg(stance(DURAN, "china", NULL) >= 0.05, "Duran toward China %g", stance(DURAN, "china", NULL));
}
END_TEST

/* F6. Stance toward Japan: no outlet is hostile in slant's reading; WSWS,
 * the one a reader finds critical of Tokyo, is the lowest of the five. */
START_TEST(f6_stance_japan) {
    double wsws = stance(WSWS, "japan", NULL);
    for (int i = 0; i < NSRC; i++) {
        double s = stance(ALL[i], "japan", NULL);
        ck_assert_msg(s > -0.1 && s < 0.1, "%s toward Japan %g", ALL[i], s);
        if (strcmp(ALL[i], WSWS) != 0) ck_assert_msg(wsws < s, "WSWS (%g) not below %s (%g) on Japan", wsws, ALL[i], s);
    }
    ck_assert(wsws < 0.0);
}
END_TEST

/* F7. Crimea: Valdai says reunification (Russia's word), VOA annexed (the
 * Western word); neither uses the other's. */
START_TEST(f7_naming_crimea) {
    const char *side = NULL;
    ck_assert_int_eq(naming(VALDAI, "crimea", "reunification", &side), 1);
    ck_assert_str_eq(side, "russia");
    ck_assert_int_eq(naming(VALDAI, "crimea", "annexation", NULL), 0);
    ck_assert_int_eq(naming(VOA, "crimea", "annexation", &side), 1);
    ck_assert_str_eq(side, "west");
    ck_assert_int_eq(naming(VOA, "crimea", "reunification", NULL), 0);
}
END_TEST

/* F8. The islands: every outlet says Kuril Islands; WSWS and WSJ give
 * Northern Territories as Japan's name; Valdai spells the islands the Russian
 * way (Iturup, Kunashir), WSJ's caption the Japanese way (Kunashiri). */
START_TEST(f8_naming_islands) {
    const char *side = NULL;
    for (int i = 0; i < NSRC; i++)
        ck_assert_msg(naming(ALL[i], "kuril_islands", "kuril islands", NULL) >= 1, "%s never says Kuril Islands",
                      ALL[i]);
    ck_assert_int_eq(naming(WSWS, "kuril_islands", "northern territories", &side), 1);
    ck_assert_str_eq(side, "japan");
    ck_assert_int_eq(naming(WSJ, "kuril_islands", "northern territories", NULL), 1);
    ck_assert_int_eq(naming(VOA, "kuril_islands", "northern territories", NULL), 0);
    ck_assert_int_eq(naming(DURAN, "kuril_islands", "northern territories", NULL), 0);
    ck_assert_int_eq(naming(VALDAI, "kuril_islands", "northern territories", NULL), 0);
    ck_assert_int_eq(naming(VALDAI, "island_names", "kunashir", &side), 1);
    ck_assert_str_eq(side, "russia");
    ck_assert_int_eq(naming(VALDAI, "island_names", "iturup", NULL), 1);
    ck_assert_int_eq(naming(WSJ, "island_names", "kunashiri", &side), 1);
    ck_assert_str_eq(side, "japan");
}
END_TEST

/* F9. How the islands changed hands: VOA seized, WSJ and WSWS occupied
 * (Japan's words); The Duran gained control / as a result of the war and
 * Valdai an outcome of the war (Russia's formulas). */
START_TEST(f9_naming_control) {
    const char *side = NULL;
    ck_assert_int_eq(naming(VOA, "island_control", "seized", &side), 1);
    ck_assert_str_eq(side, "japan");
    ck_assert_int_eq(naming(WSJ, "island_control", "occupied", &side), 1);
    ck_assert_str_eq(side, "japan");
    ck_assert_int_eq(naming(WSWS, "island_control", "occupied", NULL), 1);
    ck_assert_int_eq(naming(DURAN, "island_control", "gained control", &side), 1);
    ck_assert_str_eq(side, "russia");
    ck_assert_int_eq(naming(DURAN, "island_control", "result of war", NULL), 1);
    ck_assert_int_eq(naming(VALDAI, "island_control", "result of war", &side), 1);
    ck_assert_str_eq(side, "russia");
    /* no Russia-friendly outlet uses a Japanese control word, and vice versa */
    ck_assert_int_eq(naming(DURAN, "island_control", "occupied", NULL) + naming(DURAN, "island_control", "seized", NULL), 0);
    ck_assert_int_eq(naming(VALDAI, "island_control", "occupied", NULL) + naming(VALDAI, "island_control", "seized", NULL), 0);
    ck_assert_int_eq(naming(VOA, "island_control", "result of war", NULL) + naming(WSJ, "island_control", "result of war", NULL), 0);
}
END_TEST

/* F10. Sourcing: the two US outlets quote independent analysts (WSJ: James
 * Brown, Alexander Gabuev; VOA: Grant Newsham, Hosaka Yuji) for most of their
 * quoted words; The Duran quotes Abe at length; Valdai quotes a Japanese
 * official and no Russian. The Duran hardly attributes at all. */
START_TEST(f10_sourcing) {
    long long wsj_q = json_integer_value(json_object_get(source(WSJ), "words_quoted"));
    long long voa_q = json_integer_value(json_object_get(source(VOA), "words_quoted"));
    long long brown = speaker_words(WSJ, "James Brown"), gabuev = speaker_words(WSJ, "Alexander Gabuev");
    long long newsham = speaker_words(VOA, "Grant Newsham"), hosaka = speaker_words(VOA, "Hosaka Yuji");
    ck_assert(brown > 0 && gabuev > 0 && newsham > 0 && hosaka > 0);
    ck_assert_msg(2 * (brown + gabuev) > wsj_q, "WSJ analysts %lld of %lld quoted words", brown + gabuev, wsj_q);
    ck_assert_msg(2 * (newsham + hosaka) > voa_q, "VOA analysts %lld of %lld quoted words", newsham + hosaka, voa_q);
    ck_assert_int_gt(speaker_words(WSJ, "Shinzo Abe"), 0);
    ck_assert_int_gt(speaker_words(VOA, "Shinzo Abe"), 0);
    ck_assert_int_ge(speaker_words(DURAN, "Shinzo Abe"), 100);
    ck_assert_int_gt(speaker_words(VALDAI, "Hiroshige Seko"), 0);
    ck_assert_int_eq(speaker_words(VALDAI, "Vladimir Putin"), 0);
    ck_assert_int_gt(speaker_words(WSWS, "Vladimir Putin"), 0);
    ck_assert_int_gt(speaker_words(WSWS, "Shinzo Abe"), 0);
    /* neutral attribution verbs: The Duran asserts, the others report */
    ck_assert_int_le(count_of(DURAN, "attrib_neutral"), 2);
    for (int i = 0; i < NSRC; i++)
        if (strcmp(ALL[i], DURAN) != 0) assert_significant("attrib_neutral.outlet", ALL[i], DURAN);
}
END_TEST

/* F11. Frames: WSWS security and conflict, Valdai law and sovereignty, WSJ
 * domestic politics, The Duran history (positive residuals). */
START_TEST(f11_frames) {
    ck_assert(json_number_value(json_object_get(json_object_get(model, "frames_test"), "p")) < 1e-4);
    ck_assert(residual(WSWS, "security") > 1.96);
    ck_assert(residual(WSWS, "conflict") > 1.96);
    ck_assert(residual(VALDAI, "law") > 1.96);
    ck_assert(residual(WSJ, "domestic") > 1.96);
    ck_assert(residual(DURAN, "history") > 1.96);
    ck_assert(residual(DURAN, "diplomacy") > 1.0); /* notable or close to it (+1.9 to +2.3 as frames.lex grew) */
    ck_assert(residual(VALDAI, "security") < 0.0); /* the think tank talks law, not arms */
    ck_assert(residual(WSWS, "diplomacy") < 0.0);
}
END_TEST

/* F12. Hedges and boosters: The Duran boosts most (clear, obvious,
 * undoubtedly, of course) and also hedges; the two US news outlets never
 * boost; WSWS's "ostensibly" is its sceptical hedge. */
START_TEST(f12_hedges_boosters) {
    for (int i = 0; i < NSRC; i++)
        if (strcmp(ALL[i], DURAN) != 0) ck_assert(per_1000(DURAN, "booster") > per_1000(ALL[i], "booster"));
    ck_assert_int_ge(top_term(DURAN, "booster", "obvious"), 1);
    ck_assert_int_ge(top_term(DURAN, "booster", "undoubtedly"), 1);
    ck_assert_int_ge(top_term(DURAN, "booster", "of course"), 1);
    ck_assert_int_ge(top_term(DURAN, "hedge", "apparently"), 1);
    ck_assert_int_eq(count_of(WSJ, "booster"), 0);
    ck_assert_int_eq(count_of(VOA, "booster"), 0);
    ck_assert_int_eq(top_term(WSWS, "hedge", "ostensibly"), 1);
    ck_assert_int_eq(top_term(VOA, "hedge", "reportedly"), 1);
}
END_TEST

/* F13. Own-voice tone: WSWS is the darkest, Valdai and The Duran the
 * brightest; Valdai vs WSWS survives Holm (The Duran vs WSWS is near the
 * line: Holm p 0.04-0.06 as the lexicons change, so only its direction is
 * asserted). */
START_TEST(f13_tone) {
    double t[NSRC];
    for (int i = 0; i < NSRC; i++)
        t[i] = json_number_value(json_object_get(json_object_get(json_object_get(source(ALL[i]), "tone"), "outlet"), "mean"));
    for (int i = 1; i < NSRC; i++) ck_assert_msg(t[0] < t[i], "WSWS tone %g not below %s %g", t[0], ALL[i], t[i]);
    assert_significant("tone.outlet", VALDAI, WSWS);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(model, "method"), "unit")), "sentence");
}
END_TEST

START_TEST(seeds_absent) {
    printf("test_seeds: skipped: %s/corpus/seeds is not here (the seed corpus ships outside the repository)\n",
           SHARED_DIR);
}
END_TEST

Suite *seeds_suite(void) {
    Suite *s = suite_create("seeds");
    TCase *tc = tcase_create("findings");
    if (!shared_available()) {
        tcase_add_test(tc, seeds_absent);
        suite_add_tcase(s, tc);
        return s;
    }
    tcase_add_unchecked_fixture(tc, build_model, free_model);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, f1_f2_loaded_language);
    tcase_add_test(tc, f3_stance_united_states);
    tcase_add_test(tc, f4_stance_russia);
    tcase_add_test(tc, f5_stance_china);
    tcase_add_test(tc, f6_stance_japan);
    tcase_add_test(tc, f7_naming_crimea);
    tcase_add_test(tc, f8_naming_islands);
    tcase_add_test(tc, f9_naming_control);
    tcase_add_test(tc, f10_sourcing);
    tcase_add_test(tc, f11_frames);
    tcase_add_test(tc, f12_hedges_boosters);
    tcase_add_test(tc, f13_tone);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(seeds_suite)
