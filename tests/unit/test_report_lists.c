/*
 * test_report_lists.c - the analysis' lists as the report writer reads
 * them: the coverage list rendered to report.json text on worker threads,
 * a batch of chunks (256 stories each) at a time, must be the bytes of the
 * model's own coverage array rendered by the writer, for any number of
 * threads and across chunk and batch boundaries.
 *
 * Corpus: 1,400 articles of three sources on 700 stories ("t000".."t699",
 * three chunks), each article one of four short texts, so every story is
 * covered by two sources and has a coverage entry.
 */
#include <stdio.h>
#include <string.h>

#include "slant/aggregate.h"
#include "slant/analysis.h"
#include "slant/pipeline.h"
#include "slant/report.h"
#include "testutil.h"

static const char lex[] = "@lexicon lists-test\n"
                          "regime\tloaded\t2\n"
                          "reportedly\thedge\n"
                          "good\ttone\t0.475\n"
                          "said\tattrib.neutral\n"
                          "Kestria\ttarget.kestria\t1\tcase\n"
                          "trade\tframe.economy\n";

static const char *const texts[] = {
    "The regime said trade was good. The regime reportedly moved 300 troops.",
    "Kestria said the regime was bad in 2019, Petra Hale said.",
    "Officials said trade was good. Ministers met on Tuesday in Dunmar.",
    "\"Talks were good,\" said Sorin Vask. Both sides met in May.",
};

static slant_lexset *set;
static slant_scorer *scorer;

static void setup(void) { scorer = test_scorer_new("lists-test", lex, &set); }

static void teardown(void) {
    slant_scorer_free(scorer);
    slant_lexset_free(set);
}

static slant_agg *corpus(void) {
    static const char *const sources[] = {"Alpha", "Beta", "Gamma"};
    slant_agg *agg = slant_agg_new(set);
    for (int i = 0; i < 1400; i++) {
        char id[16], story[16];
        snprintf(id, sizeof id, "c%04d", i);
        snprintf(story, sizeof story, "t%03d", i % 700);
        const char *text = texts[i % 4];
        slant_pipeline p;
        slant_pipeline_opts po = {0, 1};
        slant_pipeline_init(&p, scorer, NULL, &po);
        slant_error err;
        ck_assert_int_eq(slant_pipeline_run_text(&p, id, sources[i % 3], text, strlen(text), &err), 0);
        slant_article a;
        memset(&a, 0, sizeof a);
        a.id = id;
        a.source = (char *)sources[i % 3];
        a.story = story;
        slant_agg_add_article(agg, &a, &p.doc, &p.scores, &p.log);
        slant_pipeline_free(&p);
    }
    return agg;
}

START_TEST(coverage_rendered_is_the_models_coverage) {
    for (int threads = 1; threads <= 3; threads++) {
        slant_analysis_opts o;
        slant_analysis_opts_default(&o);
        o.threads = threads;
        o.bootstrap = 100;
        slant_agg *a = corpus();
        json_t *full = slant_analysis_model(a, &o);
        slant_agg_free(a);
        a = corpus();
        slant_report_list lists[3];
        json_t *m = slant_analysis_model_lists(a, &o, lists);
        slant_agg_free(a);
        ck_assert_str_eq(lists[1].key, "coverage");
        ck_assert_ptr_nonnull(lists[1].rendered);
        const json_t *want = json_object_get(full, "coverage");
        ck_assert_uint_eq(lists[1].n, 700);
        ck_assert_uint_eq(json_array_size(want), 700);
        slant_buf b;
        slant_buf_init(&b);
        for (size_t i = 0; i < lists[1].n; i++) {
            size_t len = 0;
            const char *text = lists[1].rendered(lists[1].state, i, &len);
            slant_buf_clear(&b);
            slant_report_render_json_element(json_array_get(want, i), "coverage", &b);
            ck_assert_msg(len == b.len && memcmp(text, b.data, len) == 0, "coverage[%zu] differs (%d threads)", i,
                          threads);
        }
        /* the story named in the last entry, as a person can read it */
        ck_assert_ptr_nonnull(strstr(b.data, "\"story\": \"t699\""));
        slant_buf_free(&b);
        for (int l = 0; l < 3; l++) lists[l].release(lists[l].state);
        json_decref(m);
        json_decref(full);
    }
}
END_TEST

static Suite *report_lists_suite(void) {
    Suite *s = suite_create("report_lists");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, coverage_rendered_is_the_models_coverage);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(report_lists_suite)
