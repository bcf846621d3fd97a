/*
 * fuzz_report.c - from an arbitrary partial to every report format: the
 * partial is read over the fixed lexicon (seeds: tests/fuzz/seeds/report/,
 * the same kind as fuzz_partial's), the analysis model built (100 bootstrap
 * replicates, the minimum the CLI accepts, to keep executions fast) and
 * rendered as JSON, Markdown, HTML and every CSV table. Checks: the model
 * passes the report's own check and each renderer succeeds; the statistics
 * meet odd aggregates (one article, empty sources, zero words) here.
 */
#include "fuzz_common.h"

#include "slant/aggregate.h"
#include "slant/analysis.h"
#include "slant/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static slant_lexset *set;
    if (!set) set = fuzz_fixed_lexset();
    if (size == 0) return 0;
    slant_error err;
    slant_error_clear(&err);
    slant_agg *a = slant_agg_new(set);
    int rc = fuzz_read_agg(a, data, size, &err);
    if (rc != 0) {
        slant_agg_free(a);
        return 0;
    }
    slant_agg_finish(a);
    slant_analysis_opts o;
    slant_analysis_opts_default(&o);
    o.bootstrap = 100;
    json_t *model = slant_analysis_model(a, &o);
    FUZZ_CHECK(model != NULL);
    rc = slant_report_check_model(model, &err);
    if (rc != 0) {
        char msg[2048];
        slant_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "model fails its check: %s\n", msg);
    }
    FUZZ_CHECK(rc == 0);
    slant_buf out;
    slant_buf_init(&out);
    FUZZ_CHECK(slant_report_render_json(model, &out, &err) == 0);
    slant_buf_clear(&out);
    FUZZ_CHECK(slant_report_render_md(model, &out, &err) == 0);
    slant_buf_clear(&out);
    FUZZ_CHECK(slant_report_render_html(model, &out, &err) == 0);
    for (int t = 0; t < SLANT_CSV_COUNT; t++) {
        slant_buf_clear(&out);
        FUZZ_CHECK(slant_report_render_csv(model, t, &out, &err) == 0);
    }
    slant_buf_free(&out);
    json_decref(model);
    slant_agg_free(a);
    return 0;
}
