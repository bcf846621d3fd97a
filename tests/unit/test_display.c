/*
 * test_display.c - the report's article texts (display.h): the list the
 * report writer takes, printed directly as report.json text on worker
 * threads, must be the bytes the report.json renderer prints for
 * slant_display_attach's tree, with the same evidence ids in the sources'
 * top_terms and the same warning, for 1, 2 and 3 threads, the texts kept
 * in memory or parked in a temporary file.
 *
 * Corpus: the demo corpus (corpus/, 20 articles, its own lexicons.set on
 * top of the default set), its records in a temporary file as in analyze,
 * plus one article "aaa-missing" whose file does not exist (first by id:
 * shown with text_available false). 15 of the 21 are shown.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "slant/analysis.h"
#include "slant/display.h"
#include "slant/lexicon.h"
#include "slant/report.h"
#include "slant/runner.h"
#include "testutil.h"

#define SHOWN 15

static slant_lexset *set;
static slant_scorer *scorer;
static slant_clean_rules *rules;
static const slant_pipeline_opts popts = {0, 0};

static void setup(void) {
    slant_error err;
    slant_error_clear(&err);
    set = slant_lexset_new();
    int rc = slant_lexset_add_setfile(set, SLANT_SRCDIR "/lexicons/default.set", &err);
    if (rc == 0) rc = slant_lexset_add_setfile(set, SLANT_SRCDIR "/corpus/lexicons.set", &err);
    if (rc == 0) rc = slant_lexset_finish(set, &err);
    ck_assert_msg(rc == 0, "lexicons: %s", err.msg);
    scorer = slant_scorer_new(set, &err);
    ck_assert_msg(scorer != NULL, "%s", err.msg);
}

static void teardown(void) {
    slant_clean_rules_free(rules);
    rules = NULL;
    slant_scorer_free(scorer);
    slant_lexset_free(set);
}

static slant_agg *corpus(void) {
    slant_error err;
    slant_error_clear(&err);
    slant_agg *agg = slant_agg_new(set);
    slant_agg_compact_spill(agg);
    slant_run_opts ro = {0};
    ro.threads = 2;
    char *inputs[] = {SLANT_SRCDIR "/corpus"};
    slant_clean_rules_free(rules);
    rules = NULL;
    int rc = slant_run_inputs(inputs, 1, SLANT_SRCDIR "/lexicons/clean.rules", scorer, &ro, agg, &rules, &err);
    ck_assert_msg(rc == 0, "%s: %s", err.file, err.msg);
    static const char text[] = "The regime said talks were good.";
    slant_pipeline p;
    slant_pipeline_init(&p, scorer, rules, &popts);
    ck_assert_int_eq(slant_pipeline_run_text(&p, "aaa-missing", "Meridian Wire", text, strlen(text), &err), 0);
    slant_article a;
    memset(&a, 0, sizeof a);
    a.id = "aaa-missing";
    a.source = "Meridian Wire";
    a.path = SLANT_SRCDIR "/corpus/articles/no-such-file.txt";
    slant_agg_add_article(agg, &a, &p.doc, &p.scores, &p.log);
    slant_pipeline_free(&p);
    ck_assert_int_eq(slant_agg_spill_check(agg, "test", &err), 0);
    ck_assert_uint_eq(slant_agg_article_total(agg), 21);
    return agg;
}

/* Every source's top_terms and the warnings, as one string to compare. */
static char *evidence_dump(const json_t *model) {
    json_t *all = json_array();
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(model, "sources"), i, s) {
        json_array_append(all, json_object_get(s, "top_terms"));
    }
    json_array_append(all, json_object_get(json_object_get(model, "method"), "warnings"));
    char *text = json_dumps(all, JSON_SORT_KEYS);
    json_decref(all);
    return text;
}

START_TEST(list_is_the_attached_tree_rendered_on_any_thread_count) {
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    o.bootstrap = 50;
    o.threads = 1;
    /* the reference: the tree in the model, rendered element by element */
    slant_agg *agg = corpus();
    json_t *ref = slant_analysis_model(agg, &o);
    ck_assert_ptr_nonnull(ref);
    ck_assert_int_eq(slant_display_attach(ref, agg, scorer, rules, &popts, SHOWN), 0);
    slant_agg_free(agg);
    json_t *arts = json_object_get(ref, "articles");
    ck_assert_uint_eq(json_array_size(arts), SHOWN);
    char *ref_evidence = evidence_dump(ref);
    /* Harbour Street's "according to": the sentences of its first three
     * articles (all shown) that use it in the outlet's voice */
    ck_assert_ptr_nonnull(strstr(ref_evidence, "{\"count\": 7, \"sentences\": [\"fishing-quota-harbour-street-5\", "
                                               "\"fishing-quota-harbour-street-20\", \"gas-pipeline-harbour-street-4\", "
                                               "\"gas-pipeline-harbour-street-30\", \"naval-incident-harbour-street-10\"], "
                                               "\"term\": \"according to\"}"));
    ck_assert_ptr_nonnull(strstr(ref_evidence, "Texts are shown for the first 15 of 21 articles (by id)."));

    for (int run = 0; run < 6; run++) {
        int threads = 1 + run / 2, park = run % 2;
        o.threads = threads;
        agg = corpus();
        slant_report_list lists[4];
        json_t *model = slant_analysis_model_lists(agg, &o, lists);
        ck_assert_ptr_nonnull(model);
        slant_display *d = slant_display_new(agg, SHOWN);
        ck_assert_ptr_nonnull(d);
        slant_agg_free(agg); /* the texts do not read the aggregate */
        slant_display_render(d, scorer, rules, &popts, threads, park);
        ck_assert_int_eq(slant_display_take_list(d, model, &lists[3]), 0);
        ck_assert_str_eq(lists[3].key, "articles");
        ck_assert_uint_eq(lists[3].n, SHOWN);
        for (size_t i = 0; i < SHOWN; i++) {
            slant_buf want;
            slant_buf_init(&want);
            slant_report_render_json_element(json_array_get(arts, i), "articles", &want);
            size_t len;
            const char *got = lists[3].rendered(lists[3].state, i, &len);
            size_t at = 0;
            while (at < len && at < want.len && got[at] == want.data[at]) at++;
            ck_assert_msg(at == len && len == want.len,
                          "article %zu on %d threads (park %d) differs at byte %zu: '%.40s' for '%.40s'", i, threads,
                          park, at, got + at, want.data + at);
            slant_buf_free(&want);
        }
        size_t len;
        const char *first = lists[3].rendered(lists[3].state, 0, &len);
        ck_assert_ptr_nonnull(strstr(first, "\"id\": \"aaa-missing\""));
        ck_assert_ptr_nonnull(strstr(first, "\"text_available\": false,\n      \"text\": null,\n      \"sentences\": []"));
        char *evidence = evidence_dump(model);
        ck_assert_str_eq(evidence, ref_evidence);
        free(evidence);
        for (size_t i = 0; i < 4; i++)
            if (lists[i].release) lists[i].release(lists[i].state);
        json_decref(model);
    }
    free(ref_evidence);
    json_decref(ref);
}
END_TEST

static Suite *display_suite(void) {
    Suite *s = suite_create("display");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, list_is_the_attached_tree_rendered_on_any_thread_count);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(display_suite)
