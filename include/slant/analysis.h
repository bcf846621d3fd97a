/*
 * analysis.h - from a finished aggregate to the report model (the content
 * of report.json, schema in docs/report-schema.md): per-source estimates
 * with intervals, pairwise and omnibus tests with Holm adjustment, the words
 * that carry each difference, keyness, divergence and same-story coverage.
 *
 * The model depends only on the aggregate, the lexicon set and the options,
 * never on the order articles were scored in: that is what makes
 * `slant analyze` and `slant score --partial` + `merge` + `report` give the
 * same bytes.
 *
 * Ownership: the returned json_t is the caller's (json_decref).
 */
#ifndef SLANT_ANALYSIS_H
#define SLANT_ANALYSIS_H

#include <jansson.h>

#include "slant/aggregate.h"
#include "slant/report.h"

typedef struct slant_analysis_opts {
    uint32_t seed;            /* bootstrap seed (default 20261122) */
    size_t bootstrap;         /* replicates (default 2000) */
    double confidence;        /* default 0.95 */
    size_t min_keyness_count; /* default 5 */
    const char *corpus_name;  /* optional title */
    int threads;              /* <= 0 (default): one per online CPU; the model is the same for any count */
} slant_analysis_opts;

void slant_analysis_opts_default(slant_analysis_opts *o);

/* How an entry is shown: its label option (underscores as spaces) or its
 * term, written into buf. */
const char *slant_entry_display(const slant_entry *e, char *buf, size_t bufsz);

/* The source measure a hit counts toward in `top_terms` ("loaded", "hedge",
 * "booster", "attrib_neutral", "attrib_loaded", "tone_negative",
 * "tone_positive"), or NULL. */
const char *slant_hit_measure(const slant_lexset *set, uint32_t entry, double value);

/* Build the model without the `articles` section (see display.h). The
 * articles are walked in id order (slant_agg_walk), once, or twice when
 * some source has a single article: they may be in a temporary file
 * (slant_agg_compact_spill). NULL when a record cannot be read back. */
json_t *slant_analysis_model(slant_agg *agg, const slant_analysis_opts *opts);
/* The same model without the two lists that grow with the number of
 * stories, "stories" and "coverage", and without each source's speakers:
 * they are lists[0], lists[1] and lists[2] ("speakers", element i the
 * array of sources[i]), made one element at a time as
 * slant_report_write_dir_take_lists writes them, which releases them (the
 * lists keep what they need: agg may be freed first). For the report
 * writer; the files are the same bytes. NULL, and lists untouched, when a
 * record cannot be read back. */
json_t *slant_analysis_model_lists(slant_agg *agg, const slant_analysis_opts *opts, slant_report_list lists[3]);

#endif
