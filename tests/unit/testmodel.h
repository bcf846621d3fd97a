/*
 * testmodel.h - the report model of a whole corpus, built through the same
 * library calls as `slant analyze` (lexicon set, scorer, runner, analysis),
 * for suites that check findings on real corpora (test_demo_key,
 * test_seeds). The model is global to a suite: build it once in an
 * unchecked fixture, free it in the teardown.
 */
#ifndef SLANT_TESTMODEL_H
#define SLANT_TESTMODEL_H

#include <jansson.h>
#include <string.h>

#include "slant/analysis.h"
#include "slant/lexicon.h"
#include "slant/runner.h"
#include "slant/score.h"
#include "testutil.h"

/* The shipped default set, then extra_set when not NULL; the corpus is
 * scored on 2 threads with the shipped cleaning rules and must hold
 * expect_articles articles. */
static inline json_t *test_model_build(const char *corpus, const char *extra_set, size_t expect_articles) {
    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set = slant_lexset_new();
    int rc = slant_lexset_add_setfile(set, SLANT_SRCDIR "/lexicons/default.set", &err);
    if (rc == 0 && extra_set) rc = slant_lexset_add_setfile(set, extra_set, &err);
    if (rc == 0) rc = slant_lexset_finish(set, &err);
    ck_assert_msg(rc == 0, "lexicons: %s:%ld: %s", err.file, err.line, err.msg);
    slant_scorer *sc = slant_scorer_new(set, &err);
    ck_assert_msg(sc != NULL, "scorer: %s", err.msg);
    slant_agg *agg = slant_agg_new(set);
    slant_run_opts ro = {0};
    ro.threads = 2;
    char *inputs[] = {(char *)corpus};
    slant_clean_rules *rules = NULL;
    rc = slant_run_inputs(inputs, 1, SLANT_SRCDIR "/lexicons/clean.rules", sc, &ro, agg, &rules, &err);
    ck_assert_msg(rc == 0, "analyze %s: %s: %s", corpus, err.file, err.msg);
    ck_assert_uint_eq(slant_agg_article_count(agg), expect_articles);
    slant_analysis_opts ao;
    slant_analysis_opts_default(&ao);
    json_t *model = slant_analysis_model(agg, &ao);
    ck_assert_ptr_nonnull(model);
    slant_clean_rules_free(rules);
    slant_agg_free(agg);
    slant_scorer_free(sc);
    slant_lexset_free(set);
    return model;
}

/* The model's sources[] entry named name; fails the test when absent. */
static inline json_t *test_model_source(json_t *model, const char *name) {
    json_t *s;
    size_t i;
    json_array_foreach(json_object_get(model, "sources"), i, s) {
        if (strcmp(json_string_value(json_object_get(s, "name")), name) == 0) return s;
    }
    ck_abort_msg("source '%s' is not in the report", name);
    return NULL;
}

#endif
