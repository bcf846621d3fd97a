/*
 * runner.h - score a whole corpus into an aggregate on several threads.
 *
 * Workers take articles by an atomic counter, each with its own pipeline and
 * its own aggregate; at the end the workers' aggregates are combined with
 * slant_agg_merge, the same merge that combines shards, so a run on 1 or N
 * threads and a run split into parts produce the same bytes.
 */
#ifndef SLANT_RUNNER_H
#define SLANT_RUNNER_H

#include <stdio.h>

#include "slant/aggregate.h"
#include "slant/pipeline.h"

typedef struct slant_run_opts {
    int threads;               /* <= 0: one per online CPU */
    slant_pipeline_opts pipeline;
    int progress;              /* print a progress line on stderr */
    int spill;                 /* workers' aggregates spill (slant_agg_spill): for partials */
    /* A partial's header and article lines are written here, in id order, as
     * the articles are scored (no temporary file), when the input is a
     * corpus and no progress line is drawn; slant_agg_write then adds the
     * rest. Use a file that is discarded on error: lines are out before
     * the run is known to succeed. NULL: keep records (or spill them). */
    FILE *stream;
    const char *stream_name;   /* for messages */
} slant_run_opts;

/* Score every article of c into agg. On error (an unreadable or invalid
 * article) stops and fills err; agg is then incomplete. */
int slant_run_corpus(const slant_corpus *c, const slant_scorer *sc, const slant_clean_rules *rules,
                     const slant_run_opts *opts, slant_agg *agg, slant_error *err);

/* Score every article an ingest yields (streams such as JSON Lines on
 * stdin), in order, on the calling thread. */
struct slant_ingest;
int slant_run_ingest(struct slant_ingest *in, const slant_scorer *sc, slant_agg *agg,
                     slant_error *err);

/* The whole input step of analyze and score: one corpus argument (a folder
 * or a .tsv/.json manifest) is scored in parallel; anything else (JSON
 * Lines, stdin, plain files, several arguments) streams through an ingest.
 * *rules_out receives the cleaning rules used (NULL when cleaning is off or
 * no rules file exists); free with slant_clean_rules_free. */
int slant_run_inputs(char *const *args, size_t nargs, const char *rules_path,
                     const slant_scorer *sc, const slant_run_opts *opts, slant_agg *agg,
                     slant_clean_rules **rules_out, slant_error *err);

/* 1 when path is a folder or a .tsv/.json manifest. */
int slant_is_corpus_path(const char *path);

#endif
