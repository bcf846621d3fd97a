/*
 * test_demo_key.c - `slant analyze corpus/` recovers the answer key written
 * in corpus/README.md: loaded-language ranking, stance signs per outlet and
 * target, dominant frames, naming labels, loaded attribution verbs, what each
 * outlet omits, and the planted-LARGE / NONE-planted verdicts of section 8
 * (Holm-adjusted p < 0.05 where a difference was planted, p >= 0.05 or no
 * test at all where none was).
 *
 * Design: the model is built once, before the tests fork, through the same
 * library calls as `slant analyze` (shipped default.set, then the corpus's
 * own lexicons.set, clean.rules, slant_run_inputs, slant_analysis_model), so
 * no binary path or JSON parser of the output is needed and the suite runs
 * under ASan too. The key is written here as tables; a row names the section
 * of corpus/README.md it comes from. Directions, rank orders and verdicts
 * are asserted, not decimals (the shipped lexicons keep growing); naming
 * counts are exact because they depend only on corpus/lexicons/demo-world.lex.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "testmodel.h"

#define VT "Valdoria Today"
#define KH "Kestrel Herald"
#define MW "Meridian Wire"
#define PL "The Partisan Ledger"
#define HS "Harbour Street Journal"

static json_t *model;

static void build_model(void) { model = test_model_build(SLANT_SRCDIR "/corpus", SLANT_SRCDIR "/corpus/lexicons.set", 20); }

static void free_model(void) {
    json_decref(model);
    model = NULL;
}

/* ---- lookups into the model (docs/report-schema.md) ---- */

static json_t *source(const char *name) { return test_model_source(model, name); }

static json_t *rate(const char *src, const char *measure, const char *voice) {
    json_t *r = json_object_get(json_object_get(source(src), measure), voice);
    ck_assert_msg(r != NULL, "%s has no %s.%s", src, measure, voice);
    return r;
}

static double per_1000(const char *src, const char *measure) {
    return json_real_value(json_object_get(rate(src, measure, "outlet"), "per_1000"));
}

static long long count_of(const char *src, const char *measure) {
    return json_integer_value(json_object_get(rate(src, measure, "outlet"), "count"));
}

static double stance(const char *src, const char *target) {
    json_t *m = json_object_get(json_object_get(json_object_get(source(src), "stance"), target), "outlet");
    json_t *mean = json_object_get(m, "mean");
    ck_assert_msg(json_is_number(mean), "%s: no own-voice stance toward %s", src, target);
    return json_number_value(mean);
}

/* The pairwise test of measure between two sources, whichever order the
 * report put them in; NULL when the report has none (e.g. 0 against 0). */
static json_t *pair_test(const char *measure, const char *x, const char *y, int *swapped) {
    json_t *t;
    size_t i;
    json_array_foreach(json_object_get(model, "tests"), i, t) {
        const char *m = json_string_value(json_object_get(t, "measure"));
        const char *a = json_string_value(json_object_get(t, "a"));
        const char *b = json_string_value(json_object_get(t, "b"));
        if (!m || !a || !b || strcmp(m, measure) != 0) continue;
        if (strcmp(a, x) == 0 && strcmp(b, y) == 0) {
            *swapped = 0;
            return t;
        }
        if (strcmp(a, y) == 0 && strcmp(b, x) == 0) {
            *swapped = 1;
            return t;
        }
    }
    return NULL;
}

/* Planted LARGE: significant after Holm, and `higher` has the larger value. */
static void assert_planted(const char *measure, const char *higher, const char *lower) {
    int swapped;
    json_t *t = pair_test(measure, higher, lower, &swapped);
    ck_assert_msg(t != NULL, "%s: no test of %s vs %s", measure, higher, lower);
    double p_adj = json_number_value(json_object_get(t, "p_adj"));
    double va = json_number_value(json_object_get(t, "a_value"));
    double vb = json_number_value(json_object_get(t, "b_value"));
    double hi = swapped ? vb : va, lo = swapped ? va : vb;
    ck_assert_msg(p_adj < 0.05, "%s: %s vs %s planted LARGE but Holm p = %g", measure, higher, lower, p_adj);
    ck_assert_msg(hi > lo, "%s: %s (%g) should be above %s (%g)", measure, higher, hi, lower, lo);
}

/* NONE planted: no significant difference. A rate test the report leaves out
 * is acceptable only when both sources have no hit at all (nothing to test). */
static void assert_none(const char *measure, const char *x, const char *y) {
    int swapped;
    json_t *t = pair_test(measure, x, y, &swapped);
    if (!t) {
        char m[64];
        const char *dot = strchr(measure, '.');
        ck_assert_msg(dot != NULL && (size_t)(dot - measure) < sizeof m, "%s: no test of %s vs %s", measure, x, y);
        memcpy(m, measure, (size_t)(dot - measure));
        m[dot - measure] = '\0';
        ck_assert_msg(count_of(x, m) == 0 && count_of(y, m) == 0,
                      "%s: no test of %s vs %s although one has hits", measure, x, y);
        return;
    }
    double p_adj = json_number_value(json_object_get(t, "p_adj"));
    ck_assert_msg(p_adj >= 0.05, "%s: %s vs %s planted NONE but Holm p = %g", measure, x, y, p_adj);
}

static const char *const ALL[] = {VT, KH, MW, PL, HS};
#define NSRC 5

/* every pair of sources not including `except` */
static void assert_none_without(const char *measure, const char *except) {
    for (int i = 0; i < NSRC; i++)
        for (int j = i + 1; j < NSRC; j++) {
            if (strcmp(ALL[i], except) == 0 || strcmp(ALL[j], except) == 0) continue;
            assert_none(measure, ALL[i], ALL[j]);
        }
}

static void assert_planted_vs_all(const char *measure, const char *higher) {
    for (int i = 0; i < NSRC; i++)
        if (strcmp(ALL[i], higher) != 0) assert_planted(measure, higher, ALL[i]);
}

/* ---- 1. loaded language, own voice ---- */

START_TEST(loaded_ranking) {
    /* PL >> VT ~ KH >> MW = HS = 0 */
    ck_assert_msg(per_1000(PL, "loaded") > 15.0, "PL loaded %g per 1,000, key: > 15", per_1000(PL, "loaded"));
    ck_assert(per_1000(PL, "loaded") > 2.0 * per_1000(VT, "loaded"));
    ck_assert(per_1000(PL, "loaded") > 2.0 * per_1000(KH, "loaded"));
    const char *state[] = {VT, KH};
    for (int i = 0; i < 2; i++) {
        double r = per_1000(state[i], "loaded");
        ck_assert_msg(r >= 5.0 && r <= 15.0, "%s loaded %g per 1,000, key: 5-15", state[i], r);
    }
    ck_assert_int_eq(count_of(MW, "loaded"), 0);
    ck_assert_int_eq(count_of(HS, "loaded"), 0);
    /* VT and KH: the core counts are 17 and 16 terms */
    ck_assert_int_ge(count_of(VT, "loaded"), 17);
    ck_assert_int_ge(count_of(KH, "loaded"), 16);
}
END_TEST

START_TEST(loaded_verdicts) {
    assert_planted_vs_all("loaded.outlet", PL);
    const char *state[] = {VT, KH}, *neutral[] = {MW, HS};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) assert_planted("loaded.outlet", state[i], neutral[j]);
    assert_none("loaded.outlet", VT, KH);
    assert_none("loaded.outlet", MW, HS);
}
END_TEST

/* The words behind PL's rate are the planted ones. */
static int top_term_count(const char *src, const char *measure, const char *term) {
    json_t *list = json_object_get(json_object_get(source(src), "top_terms"), measure), *t;
    size_t i;
    json_array_foreach(list, i, t) {
        if (strcmp(json_string_value(json_object_get(t, "term")), term) == 0)
            return (int)json_integer_value(json_object_get(t, "count"));
    }
    return 0;
}

START_TEST(loaded_terms) {
    ck_assert_int_ge(top_term_count(PL, "loaded", "regime"), 8);
    ck_assert_int_ge(top_term_count(VT, "loaded", "regime"), 7);
    ck_assert_int_ge(top_term_count(VT, "loaded", "propaganda"), 4);
    ck_assert_int_ge(top_term_count(KH, "loaded", "propaganda"), 4);
    ck_assert_int_ge(top_term_count(KH, "loaded", "hysteria"), 4);
}
END_TEST

/* ---- 2. stance toward each actor, own voice ---- */

static const struct {
    const char *src, *target;
    int sign; /* +1 friendly, -1 hostile, 0 neutral (|mean| < 0.05) */
} STANCE_KEY[] = {
    {VT, "valdoria", +1}, {VT, "kestria", -1},
    {KH, "valdoria", -1}, {KH, "kestria", +1}, {KH, "almara", +1},
    {MW, "valdoria", 0},  {MW, "kestria", 0},  {MW, "almara", 0},
    {PL, "valdoria", +1}, {PL, "kestria", -1}, {PL, "almara", -1},
    {HS, "valdoria", 0},  {HS, "kestria", 0},  {HS, "almara", 0},
};

START_TEST(stance_signs) {
    for (size_t i = 0; i < sizeof STANCE_KEY / sizeof STANCE_KEY[0]; i++) {
        double s = stance(STANCE_KEY[i].src, STANCE_KEY[i].target);
        int sign = STANCE_KEY[i].sign;
        if (sign > 0) ck_assert_msg(s >= 0.05, "%s toward %s: %g, key: friendly", STANCE_KEY[i].src, STANCE_KEY[i].target, s);
        else if (sign < 0) ck_assert_msg(s <= -0.05, "%s toward %s: %g, key: hostile", STANCE_KEY[i].src, STANCE_KEY[i].target, s);
        else ck_assert_msg(fabs(s) < 0.05, "%s toward %s: %g, key: neutral", STANCE_KEY[i].src, STANCE_KEY[i].target, s);
    }
    /* PL is the most hostile to Kestria */
    ck_assert(stance(PL, "kestria") < stance(VT, "kestria"));
}
END_TEST

START_TEST(stance_verdicts) {
    assert_planted("stance.kestria.outlet", KH, VT);
    assert_planted("stance.kestria.outlet", KH, PL);
    assert_planted("stance.kestria.outlet", MW, PL);
    assert_planted("stance.kestria.outlet", HS, PL);
    assert_planted("stance.kestria.outlet", KH, MW);
    assert_planted("stance.kestria.outlet", KH, HS);
    assert_planted("stance.valdoria.outlet", VT, KH);
    assert_planted("stance.valdoria.outlet", PL, KH);
    assert_planted("stance.valdoria.outlet", VT, MW);
    assert_planted("stance.valdoria.outlet", VT, HS);
    for (int i = 0; i < NSRC; i++)
        if (strcmp(ALL[i], PL) != 0) assert_planted("stance.almara.outlet", ALL[i], PL);
    const char *targets[] = {"stance.valdoria.outlet", "stance.kestria.outlet", "stance.almara.outlet"};
    for (int i = 0; i < 3; i++) assert_none(targets[i], MW, HS);
}
END_TEST

/* ---- 3. frames: the planted frames have the largest positive residuals ---- */

static double residual(const char *src, const char *frame) {
    json_t *r = json_object_get(json_object_get(json_object_get(model, "frames_test"), "residuals"), src);
    json_t *v = json_object_get(r, frame);
    ck_assert_msg(json_is_number(v), "no residual for %s / %s", src, frame);
    return json_number_value(v);
}

static const struct {
    const char *src, *frame1, *frame2; /* frame2 may be NULL */
} FRAME_KEY[] = {
    {VT, "security", "identity"},
    {KH, "law", "history"},
    {MW, "diplomacy", NULL},
    {PL, "conflict", NULL},
    {HS, "economy", NULL},
};

START_TEST(frames_dominant) {
    json_t *ft = json_object_get(model, "frames_test");
    ck_assert_msg(json_number_value(json_object_get(ft, "p")) < 1e-20, "source x frame chi-square p = %g",
                  json_number_value(json_object_get(ft, "p")));
    const char *frames[] = {"economy", "security", "law", "history", "identity", "conflict", "diplomacy", "domestic"};
    for (size_t i = 0; i < sizeof FRAME_KEY / sizeof FRAME_KEY[0]; i++) {
        const char *src = FRAME_KEY[i].src;
        ck_assert_msg(residual(src, FRAME_KEY[i].frame1) > 1.96, "%s: %s residual %g", src, FRAME_KEY[i].frame1,
                      residual(src, FRAME_KEY[i].frame1));
        if (FRAME_KEY[i].frame2)
            ck_assert_msg(residual(src, FRAME_KEY[i].frame2) > 1.96, "%s: %s residual %g", src,
                          FRAME_KEY[i].frame2, residual(src, FRAME_KEY[i].frame2));
        /* no frame outside the planted ones beats them */
        double floor = residual(src, FRAME_KEY[i].frame1);
        if (FRAME_KEY[i].frame2 && residual(src, FRAME_KEY[i].frame2) < floor) floor = residual(src, FRAME_KEY[i].frame2);
        for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++) {
            if (strcmp(frames[f], FRAME_KEY[i].frame1) == 0) continue;
            if (FRAME_KEY[i].frame2 && strcmp(frames[f], FRAME_KEY[i].frame2) == 0) continue;
            ck_assert_msg(residual(src, frames[f]) < floor, "%s: unplanted frame %s (%g) above the planted ones",
                          src, frames[f], residual(src, frames[f]));
        }
    }
    /* HS: the economy share is the largest share of any frame in any source */
    double share = json_number_value(json_object_get(
        json_object_get(json_object_get(source(HS), "frames"), "economy"), "share"));
    ck_assert_msg(share > 0.5, "HS economy share %g", share);
}
END_TEST

/* ---- 4. naming: exact counts per outlet (section 4) ---- */

static long long naming_count(const char *src, const char *referent, const char *label, const char **side) {
    json_t *ref = json_object_get(json_object_get(source(src), "naming"), referent), *l;
    size_t i;
    json_array_foreach(json_object_get(ref, "labels"), i, l) {
        if (strcmp(json_string_value(json_object_get(l, "label")), label) == 0) {
            if (side) *side = json_string_value(json_object_get(l, "side"));
            return json_integer_value(json_object_get(l, "count"));
        }
    }
    return 0;
}

static const struct {
    const char *referent, *label, *side;
    int vt, kh, mw, pl, hs;
} NAMING_KEY[] = {
    {"islands", "Serin Islands", "valdoria", 13, 0, 1, 9, 0},
    {"islands", "Northern Shoals", "kestria", 0, 12, 1, 0, 0},
    {"islands", "disputed islands", "neutral", 0, 0, 7, 0, 5},
    {"1987", "occupation", "valdoria", 9, 0, 0, 4, 0},
    {"1987", "reunification", "kestria", 0, 5, 0, 0, 0},
    {"1987", "took control", "neutral", 0, 0, 4, 0, 0},
    {"deployment", "militarization", "valdoria", 6, 0, 0, 4, 0},
    {"deployment", "defensive deployment", "kestria", 0, 4, 0, 0, 0},
    {"deployment", "deployment", "neutral", 0, 0, 2, 0, 0},
};

START_TEST(naming_exact) {
    for (size_t i = 0; i < sizeof NAMING_KEY / sizeof NAMING_KEY[0]; i++) {
        const int want[NSRC] = {NAMING_KEY[i].vt, NAMING_KEY[i].kh, NAMING_KEY[i].mw, NAMING_KEY[i].pl,
                                NAMING_KEY[i].hs};
        for (int s = 0; s < NSRC; s++) {
            const char *side = NULL;
            long long got = naming_count(ALL[s], NAMING_KEY[i].referent, NAMING_KEY[i].label, &side);
            ck_assert_msg(got == want[s], "%s: %s '%s' %lld, key %d", ALL[s], NAMING_KEY[i].referent,
                          NAMING_KEY[i].label, got, want[s]);
            if (got > 0) ck_assert_str_eq(side, NAMING_KEY[i].side);
        }
    }
}
END_TEST

/* ---- 5. attribution verbs, hedges, boosters ---- */

START_TEST(attribution_hedges_boosters) {
    ck_assert_int_ge(count_of(PL, "attrib_loaded"), 14);
    ck_assert_int_ge(top_term_count(PL, "attrib_loaded", "claimed"), 1);
    ck_assert_int_ge(top_term_count(PL, "attrib_loaded", "insisted"), 1);
    ck_assert_int_ge(top_term_count(PL, "attrib_loaded", "admitted"), 1);
    ck_assert_int_eq(count_of(VT, "attrib_loaded"), 0);
    ck_assert_int_eq(count_of(MW, "attrib_loaded"), 0);
    ck_assert_int_eq(count_of(HS, "attrib_loaded"), 0);
    ck_assert_int_le(count_of(KH, "attrib_loaded"), 1);
    assert_planted_vs_all("attrib_loaded.outlet", PL);
    assert_none_without("attrib_loaded.outlet", PL);

    ck_assert_int_ge(count_of(PL, "booster"), 19);
    assert_planted_vs_all("booster.outlet", PL);
    assert_none_without("booster.outlet", PL);

    ck_assert_msg(per_1000(HS, "hedge") > 10.0, "HS hedges %g per 1,000", per_1000(HS, "hedge"));
    ck_assert_int_eq(count_of(MW, "hedge"), 0); /* the wire never hedges */
    assert_planted_vs_all("hedge.outlet", HS);
    assert_none_without("hedge.outlet", HS);
}
END_TEST

/* ---- 6. sourcing: who is quoted ---- */

static int quotes_speaker(const char *src, const char *name) {
    json_t *sp;
    size_t i;
    json_array_foreach(json_object_get(source(src), "speakers"), i, sp) {
        const char *n = json_string_value(json_object_get(sp, "name"));
        if (n && strcmp(n, name) == 0) return 1;
    }
    return 0;
}

static const char *const VALDORIAN_OFFICIALS[] = {"Anton Veles", "Ilse Korda", "Ansel Roth", "Pavel Orsk"};
static const char *const KESTRIAN_OFFICIALS[] = {"Sorin Vask", "Petra Hale", "Mira Tollan", "Lidia Farren",
                                                  "Anja Terrel"};

START_TEST(sourcing) {
    for (size_t i = 0; i < sizeof KESTRIAN_OFFICIALS / sizeof KESTRIAN_OFFICIALS[0]; i++) {
        ck_assert_msg(!quotes_speaker(VT, KESTRIAN_OFFICIALS[i]), "VT quotes %s", KESTRIAN_OFFICIALS[i]);
        ck_assert_msg(!quotes_speaker(HS, KESTRIAN_OFFICIALS[i]), "HS quotes %s", KESTRIAN_OFFICIALS[i]);
    }
    for (size_t i = 0; i < sizeof VALDORIAN_OFFICIALS / sizeof VALDORIAN_OFFICIALS[0]; i++) {
        ck_assert_msg(!quotes_speaker(KH, VALDORIAN_OFFICIALS[i]), "KH quotes %s", VALDORIAN_OFFICIALS[i]);
        ck_assert_msg(!quotes_speaker(HS, VALDORIAN_OFFICIALS[i]), "HS quotes %s", VALDORIAN_OFFICIALS[i]);
    }
    ck_assert(quotes_speaker(VT, "Ilse Korda") && quotes_speaker(VT, "Anton Veles"));
    ck_assert(quotes_speaker(KH, "Sorin Vask") && quotes_speaker(KH, "Petra Hale"));
    /* the wire quotes both sides, Almara and independent analysts */
    ck_assert(quotes_speaker(MW, "Ilse Korda") && quotes_speaker(MW, "Anton Veles"));
    ck_assert(quotes_speaker(MW, "Petra Hale") && quotes_speaker(MW, "Sorin Vask"));
    ck_assert(quotes_speaker(MW, "Ruth Ambery") && quotes_speaker(MW, "Tomas Brenner"));
    /* the business paper quotes analysts and executives */
    ck_assert(quotes_speaker(HS, "Lena Adair") && quotes_speaker(HS, "Jonas Pell"));

    /* quoted share: PL far lower; no difference MW vs HS or VT vs KH */
    double qs[NSRC];
    for (int s = 0; s < NSRC; s++) qs[s] = json_number_value(json_object_get(source(ALL[s]), "quote_share"));
    ck_assert_msg(qs[3] < 0.10, "PL quote share %g", qs[3]);
    for (int s = 0; s < NSRC; s++)
        if (s != 3) ck_assert_msg(qs[s] > 0.20 && qs[s] < 0.35, "%s quote share %g", ALL[s], qs[s]);
    ck_assert(fabs(qs[2] - qs[4]) < 0.05);
    ck_assert(fabs(qs[0] - qs[1]) < 0.05);
}
END_TEST

/* ---- 7. omissions (coverage[].omissions) ---- */

static json_t *omission_list(const char *story, const char *src, const char *kind) {
    json_t *c;
    size_t i;
    json_array_foreach(json_object_get(model, "coverage"), i, c) {
        if (strcmp(json_string_value(json_object_get(c, "story")), story) != 0) continue;
        return json_object_get(json_object_get(json_object_get(c, "omissions"), src), kind);
    }
    ck_abort_msg("no coverage of story %s", story);
    return NULL;
}

static int list_has(json_t *list, const char *value) {
    json_t *v;
    size_t i;
    json_array_foreach(list, i, v) {
        if (strcmp(json_string_value(v), value) == 0) return 1;
    }
    return 0;
}

static const struct {
    const char *story, *src, *kind, *item;
} OMISSION_KEY[] = {
    /* VT: the tracking data, the discount and Valdoria's own imports, any Kestrian voice */
    {"naval-incident", VT, "numbers", "2.1"},
    {"gas-pipeline", VT, "numbers", "12 percent"},
    {"gas-pipeline", VT, "numbers", "18 percent"},
    {"serin-summit", VT, "speakers", "Petra Hale"},
    {"gas-pipeline", VT, "speakers", "Sorin Vask"},
    /* KH: the 1,200 troops, the 40 km and the discount, the tracking data, the 52/48 shift */
    {"serin-summit", KH, "numbers", "1,200"},
    {"gas-pipeline", KH, "numbers", "12 percent"},
    {"gas-pipeline", KH, "numbers", "40"},
    {"naval-incident", KH, "numbers", "2.1"},
    {"fishing-quota", KH, "numbers", "52 percent"},
    {"fishing-quota", KH, "numbers", "60 percent"},
    {"serin-summit", KH, "speakers", "Anton Veles"},
    {"fishing-quota", KH, "speakers", "Ilse Korda"},
    /* PL: the tracking data, Valdoria's 18 percent imports */
    {"naval-incident", PL, "numbers", "2.1"},
    {"gas-pipeline", PL, "numbers", "18 percent"},
    /* HS: all history, and every official's voice */
    {"serin-summit", HS, "numbers", "1987"},
    {"serin-summit", HS, "numbers", "1911"},
    {"gas-pipeline", HS, "numbers", "1987"},
    {"naval-incident", HS, "numbers", "1987"},
    {"fishing-quota", HS, "numbers", "1987"},
    {"serin-summit", HS, "speakers", "Anton Veles"},
    {"serin-summit", HS, "speakers", "Petra Hale"},
};

START_TEST(omissions) {
    for (size_t i = 0; i < sizeof OMISSION_KEY / sizeof OMISSION_KEY[0]; i++)
        ck_assert_msg(list_has(omission_list(OMISSION_KEY[i].story, OMISSION_KEY[i].src, OMISSION_KEY[i].kind),
                               OMISSION_KEY[i].item),
                      "%s / %s: '%s' should be among the %s it omits", OMISSION_KEY[i].story, OMISSION_KEY[i].src,
                      OMISSION_KEY[i].item, OMISSION_KEY[i].kind);
    /* ... and what the key says they do report is not listed as omitted */
    ck_assert(!list_has(omission_list("naval-incident", MW, "numbers"), "2.1"));
    ck_assert(!list_has(omission_list("gas-pipeline", MW, "numbers"), "18 percent"));
    ck_assert(!list_has(omission_list("serin-summit", MW, "numbers"), "1,200"));
    /* VT and KH leave Almara out of the naval incident */
    ck_assert(list_has(omission_list("naval-incident", VT, "targets"), "almara"));
    ck_assert(list_has(omission_list("naval-incident", KH, "targets"), "almara"));
}
END_TEST

/* ---- 8. differences NOT planted ---- */

START_TEST(not_planted) {
    assert_none("tone.quoted", MW, HS);
    assert_none("tone.outlet", MW, HS);
    /* article length: every article 554-644 words, so source totals are close */
    long long lo = -1, hi = 0;
    for (int s = 0; s < NSRC; s++) {
        long long w = json_integer_value(json_object_get(source(ALL[s]), "words"));
        if (lo < 0 || w < lo) lo = w;
        if (w > hi) hi = w;
        ck_assert_int_eq(json_integer_value(json_object_get(source(ALL[s]), "articles")), 4);
    }
    ck_assert_msg((double)hi / (double)lo < 1.15, "source word totals %lld..%lld", lo, hi);
    /* the report warns that n = 4 articles per source */
    json_t *w = json_object_get(json_object_get(model, "method"), "warnings");
    ck_assert_uint_ge(json_array_size(w), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(model, "method"), "unit")), "article");
}
END_TEST

Suite *demo_key_suite(void) {
    Suite *s = suite_create("demo_key");
    TCase *tc = tcase_create("answer key");
    tcase_add_unchecked_fixture(tc, build_model, free_model);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, loaded_ranking);
    tcase_add_test(tc, loaded_verdicts);
    tcase_add_test(tc, loaded_terms);
    tcase_add_test(tc, stance_signs);
    tcase_add_test(tc, stance_verdicts);
    tcase_add_test(tc, frames_dominant);
    tcase_add_test(tc, naming_exact);
    tcase_add_test(tc, attribution_hedges_boosters);
    tcase_add_test(tc, sourcing);
    tcase_add_test(tc, omissions);
    tcase_add_test(tc, not_planted);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(demo_key_suite)
