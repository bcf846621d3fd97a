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

#include "slant/aggregate.h"
#include "slant/pipeline.h"

typedef struct slant_run_opts {
    int threads;               /* <= 0: one per online CPU */
    slant_pipeline_opts pipeline;
    int progress;              /* print a progress line on stderr */
} slant_run_opts;

/* Score every article of c into agg. On error (an unreadable or invalid
 * article) stops and fills err; agg is then incomplete. */
int slant_run_corpus(const slant_corpus *c, const slant_scorer *sc, const slant_clean_rules *rules,
                     const slant_run_opts *opts, slant_agg *agg, slant_error *err);

/* Number of online CPUs (at least 1). */
int slant_cpu_count(void);

#endif
