/*
 * aggregate.h - mergeable aggregates: what a report needs from a corpus,
 * and nothing per token.
 *
 * An aggregate holds one record per article (counts per category and voice,
 * the per-sentence tone values and per-mention stance values the bootstrap
 * needs, speakers, numbers and targets for same-story coverage) and, per
 * source, word frequencies for keyness. Articles are kept sorted by id and
 * vocabularies by term, so an aggregate built from any split of a corpus, in
 * any order, merges into the same bytes: threads, shards and one run can
 * never disagree.
 *
 * A partial file is the aggregate as JSON Lines: a header line with the
 * format version and the lexicon set's hash, one line per article, one line
 * per source vocabulary, one cleaning line. Merging refuses parts from
 * another format version or another lexicon set.
 *
 * Scores are kept in millionths (integers): a partial then stores them
 * exactly in a few digits, and a report computed from a partial and one
 * computed in memory start from the very same numbers.
 *
 * Ownership: slant_agg_new/slant_agg_free; records and strings belong to the
 * aggregate's arena.
 */
#ifndef SLANT_AGGREGATE_H
#define SLANT_AGGREGATE_H

#include <stdio.h>

#include "slant/clean.h"
#include "slant/corpus.h"
#include "slant/lexicon.h"
#include "slant/score.h"
#include "slant/text.h"

#define SLANT_PARTIAL_VERSION 1

/* A score in [-1, 1] or a sum of them as integer millionths, and back. */
int64_t slant_micro(double x);
static inline double slant_from_micro(int64_t m) { return (double)m / 1e6; }

/* One lexicon entry's hits inside an article. */
typedef struct slant_agg_term {
    uint32_t entry;
    uint8_t voice;
    uint32_t count;
    int64_t value_micro; /* sum of values after rules, in millionths */
} slant_agg_term;

typedef struct slant_agg_mention {
    uint32_t category; /* target.* */
    uint8_t voice;
    int32_t stance_micro; /* [-1e6, 1e6] */
} slant_agg_mention;

typedef struct slant_agg_speaker {
    const char *name;
    uint32_t words, quotes;
} slant_agg_speaker;

typedef struct slant_agg_article {
    const char *id, *source, *story, *title, *date, *path; /* path NULL when inline text */
    uint32_t sentences;
    uint32_t words[SLANT_VOICE_COUNT];
    uint32_t nsent_voice[SLANT_VOICE_COUNT];
    int32_t *tone[SLANT_VOICE_COUNT]; /* per sentence with words in that voice, millionths */
    uint32_t *cat_counts;            /* [ncategories * SLANT_VOICE_COUNT] */
    slant_agg_term *terms;
    uint32_t nterms;
    slant_agg_mention *mentions;
    uint32_t nmentions;
    slant_agg_speaker *speakers;
    uint32_t nspeakers;
    const char **numbers; /* distinct numbers with their unit word, e.g. "$1 billion", "25 percent" */
    uint32_t nnumbers;
} slant_agg_article;

typedef struct slant_agg slant_agg;

slant_agg *slant_agg_new(const slant_lexset *set);
void slant_agg_free(slant_agg *a);

/* Add one scored article (its doc, its scores, its cleaning log). */
void slant_agg_add_article(slant_agg *a, const slant_article *art, const slant_doc *d,
                           const slant_doc_scores *s, const slant_clean_log *log);
/* Bounded memory for `score --partial`: from now on each added article is
 * written, as its partial line, to a temporary file (tmpfile(), so TMPDIR)
 * and only its id and place are kept (~40 bytes instead of ~4 KB), so
 * memory grows with vocabulary and sources, not with the corpus. Spilled
 * records are reachable only through slant_agg_write (and move with
 * slant_agg_merge); slant_agg_article_count/at see only records in memory.
 * Use it on aggregates that are written, never on ones that are analysed. */
void slant_agg_spill(slant_agg *a);
/* Move everything from src into dst (src is left empty). Duplicate article
 * ids are an error. */
int slant_agg_merge(slant_agg *dst, slant_agg *src, slant_error *err);
/* Sort into canonical order; call before reading or writing. */
void slant_agg_finish(slant_agg *a);

size_t slant_agg_article_count(const slant_agg *a);
const slant_agg_article *slant_agg_article_at(const slant_agg *a, size_t i);
size_t slant_agg_category_count(const slant_agg *a);
const char *slant_agg_category_name(const slant_agg *a, size_t i);
const slant_lexset *slant_agg_lexset(const slant_agg *a);

/* Per-source vocabulary (outlet-voice words, folded): term strings and
 * counts, sorted by term. */
size_t slant_agg_source_count(const slant_agg *a);
const char *slant_agg_source_name(const slant_agg *a, size_t i); /* sorted by name */
size_t slant_agg_vocab_size(const slant_agg *a, size_t source);
void slant_agg_vocab_at(const slant_agg *a, size_t source, size_t i, const char **term,
                        uint32_t *count);

/* Cleaning totals: lines and bytes removed, per rule. */
void slant_agg_cleaning(const slant_agg *a, size_t *lines, size_t *bytes);
size_t slant_agg_clean_rule_count(const slant_agg *a);
void slant_agg_clean_rule_at(const slant_agg *a, size_t i, const char **rule, size_t *count);

/* Partial files. */
int slant_agg_write(const slant_agg *a, FILE *f, const char *name, slant_error *err);
/* Read a partial and merge it into a (which must use the same lexicon set). */
int slant_agg_read(slant_agg *a, FILE *f, const char *name, slant_error *err);

#endif
