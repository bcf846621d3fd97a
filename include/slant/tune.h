/*
 * tune.h - evidence for lexicon maintainers: how much of a corpus the
 * lexicons cover and which uncovered words stand out (`slant lexicon
 * coverage`), and how every per-source figure moves between two lexicon
 * sets and which entries move it (`slant lexicon diff`). Candidate terms
 * by Latent Semantic Scaling are in lss.h.
 *
 * Ownership: every _new has its _free; returned json_t values are the
 * caller's (json_decref). A stopword map from slant_stopwords_load is a
 * plain slant_strmap (folded word -> 1), freed with slant_strmap_free.
 */
#ifndef SLANT_TUNE_H
#define SLANT_TUNE_H

#include <jansson.h>

#include "slant/aggregate.h"
#include "slant/clean.h"
#include "slant/corpus.h"
#include "slant/lexicon.h"
#include "slant/text.h"

/* ---- reading a corpus document by document ---- */

/* Called once per article with its cleaned, tokenized text (no quotes or
 * scores: coverage and LSS need only tokens). Return non-zero (with err
 * filled) to stop. */
typedef int (*slant_doc_visitor)(void *ctx, const slant_article *a, const slant_doc *d,
                                 slant_error *err);

typedef struct slant_walk_opts {
    const slant_clean_rules *rules; /* NULL: no rule-based cleaning */
    int lenient;                    /* replace invalid UTF-8 instead of failing */
    int no_clean;                   /* skip cleaning altogether */
} slant_walk_opts;

/* Every article of c in manifest order, on the calling thread. Errors name
 * the article's file. */
int slant_corpus_walk(const slant_corpus *c, const slant_walk_opts *o, slant_doc_visitor fn,
                      void *ctx, slant_error *err);

/* ---- stopwords ---- */

/* A plain list, one word per line, '#' comments; words are folded as
 * tokens are. path NULL: lexicons/stopwords.txt looked up as default.set is
 * ($SLANT_LEXICONS, the installed share folder, ./lexicons). */
int slant_stopwords_load(const char *path, slant_strmap **out, slant_error *err);

/* ---- coverage ---- */

typedef struct slant_coverage slant_coverage;

/* set must be finished; stopwords may be NULL. Both are borrowed. */
slant_coverage *slant_coverage_new(const slant_lexset *set, const slant_strmap *stopwords);
void slant_coverage_free(slant_coverage *cv);
/* Add one tokenized article of `source`. */
void slant_coverage_add(slant_coverage *cv, const char *source, const slant_doc *d);

/* The coverage report: per source, words, the share of words any entry
 * covers, per family and per category; the `top` most frequent uncovered
 * non-stopwords and the `top` most distinctive ones (keyness G2 and log
 * ratio against the other sources, terms seen at least min_count times in
 * all). Shares count word tokens (words and numbers) in both voices. */
json_t *slant_coverage_json(const slant_coverage *cv, size_t top, size_t min_count);

/* ---- diff of two lexicon sets ---- */

/* Compare two report models (slant_analysis_model) of the same corpus made
 * with the base and the new set, whose aggregates supply the hits per
 * entry. Figures per source: tone.{outlet,quoted} (mean),
 * MEASURE.{outlet,quoted}.per_1000 for loaded, hedge, booster,
 * attrib_neutral, attrib_loaded; stance.TARGET.{outlet,quoted} (mean);
 * frames.FRAME.{count,share}; naming.REFERENT.LABEL (count). Causes:
 * entries added, removed or reweighted, ranked by hits x |weight change|
 * (hits in the set that has the entry; the larger when both do); at most
 * top_causes listed. */
json_t *slant_lexdiff(const json_t *base_model, const json_t *new_model, const slant_agg *base,
                      const slant_agg *changed, size_t top_causes);

#endif
