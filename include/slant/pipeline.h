/*
 * pipeline.h - one article from raw text to scores: read, validate UTF-8,
 * clean, tokenize, find quotes, score. Every command that scores articles
 * (score, analyze, report's text display, explain) goes through here, so
 * they cannot disagree about what an article says.
 *
 * A pipeline owns its buffers and reuses them from article to article;
 * results stay valid until the next slant_pipeline_run. One pipeline per
 * thread: the scorer and cleaning rules it points to are shared read-only.
 */
#ifndef SLANT_PIPELINE_H
#define SLANT_PIPELINE_H

#include "slant/clean.h"
#include "slant/corpus.h"
#include "slant/score.h"
#include "slant/text.h"

typedef struct slant_pipeline_opts {
    int lenient;  /* replace invalid UTF-8 with U+FFFD instead of failing */
    int no_clean; /* skip boilerplate cleaning */
} slant_pipeline_opts;

typedef struct slant_pipeline {
    const slant_scorer *scorer;
    const slant_clean_rules *rules; /* may be NULL */
    slant_pipeline_opts opts;
    slant_buf raw, valid, clean;
    slant_clean_log log;
    slant_clean_scratch clean_scratch; /* per pipeline: cleaning is then thread-safe */
    slant_doc doc;
    slant_doc_scores scores;
    const char *text; /* the cleaned text all offsets point into */
    size_t len;
    size_t replaced;  /* invalid sequences replaced (lenient) */
} slant_pipeline;

void slant_pipeline_init(slant_pipeline *p, const slant_scorer *sc, const slant_clean_rules *rules,
                         const slant_pipeline_opts *opts);
void slant_pipeline_free(slant_pipeline *p);
/* Run on one article; errors name the article's file (or manifest line). */
int slant_pipeline_run(slant_pipeline *p, const slant_article *a, slant_error *err);
/* Run on text already in memory (name used in messages). */
int slant_pipeline_run_text(slant_pipeline *p, const char *name, const char *source,
                            const char *text, size_t len, slant_error *err);

/* Score text that is already validated and cleaned (e.g. from slant_ingest);
 * text must outlive the results. */
int slant_pipeline_score_clean(slant_pipeline *p, const char *name, const char *text, size_t len,
                               slant_error *err);

#endif
