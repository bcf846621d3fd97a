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
    /* Full records only; NULL / 0 in a compact aggregate (slant_agg_compact),
     * read through slant_agg_article_cats / slant_agg_article_tone_terms. */
    uint32_t *cat_counts;            /* [ncategories * SLANT_VOICE_COUNT] */
    slant_agg_term *terms;
    uint32_t nterms;
    /* Compact records only: one block holding, one after the other, the
     * non-zero category counts, the tone entries' terms, the mentions (as
     * varints, see aggregate.c), the numbers and the speakers. */
    const uint8_t *packed;
    uint32_t packed_len[5]; /* bytes of each part, in that order */
    uint32_t ntone_terms;
    /* NULL in a compact record (the counts stay): read them through
     * slant_agg_article_mentions / _speakers / _numbers */
    slant_agg_mention *mentions;
    uint32_t nmentions;
    slant_agg_speaker *speakers;
    uint32_t nspeakers;
    const char **numbers; /* distinct numbers with their unit word, e.g. "$1 billion", "25 percent" */
    uint32_t nnumbers;
} slant_agg_article;

typedef struct slant_agg slant_agg;

slant_agg *slant_agg_new(const slant_lexset *set);
/* A new, empty aggregate with a's lexicon set and a's compact mode (for
 * workers and parts that are merged into a). */
slant_agg *slant_agg_new_like(const slant_agg *a);
void slant_agg_free(slant_agg *a);

/* Bounded memory for `analyze` and `report`: call on an empty aggregate
 * that is analysed, never written. Each record then keeps only what the
 * analysis reads per article, in article-id order (sentence tone, tone
 * entries' summed values, mentions; speakers, numbers and category counts
 * for the per-story tables), packed in one block: about 0.9 KB instead of
 * ~4.5 KB on the bench corpus; the rest (hits per entry and category,
 * speakers) is summed per source as articles arrive: see
 * slant_agg_source_totals. slant_agg_write refuses a compact aggregate. */
void slant_agg_compact(slant_agg *a);
int slant_agg_is_compact(const slant_agg *a);

/* Add one scored article (its doc, its scores, its cleaning log). */
void slant_agg_add_article(slant_agg *a, const slant_article *art, const slant_doc *d,
                           const slant_doc_scores *s, const slant_clean_log *log);
/* Streaming for `score --partial` of a corpus (runner.c): from now on each
 * added article's partial line is written into *line (replacing what it
 * held) and the record is not kept (its id is, for duplicates); the caller
 * writes the lines out in id order between slant_agg_write_head and
 * slant_agg_write. The buffer stays the caller's. */
void slant_agg_stream(slant_agg *a, slant_buf *line);
/* The header line of a partial announcing narticles articles; a later
 * slant_agg_write of a then writes only what follows the article lines of
 * a streamed run (the vocabularies, cleaning, end). */
int slant_agg_write_head(slant_agg *a, FILE *f, size_t narticles, const char *name, slant_error *err);
/* Bounded memory for `score --partial`: from now on each added article is
 * written, as its partial line, to a temporary file (slant_tmpfile(), in TMPDIR)
 * and only its id and place are kept (~40 bytes instead of ~4 KB), so
 * memory grows with vocabulary and sources, not with the corpus. Spilled
 * records are reachable only through slant_agg_write (and move with
 * slant_agg_merge); slant_agg_article_count/at see only records in memory.
 * Use it on aggregates that are written, never on ones that are analysed. */
void slant_agg_spill(slant_agg *a);
/* Bounded memory for `analyze`: a compact aggregate (made compact here if
 * it is not) whose records go, as each completes, to a temporary file
 * (slant_tmpfile(): unlinked at once, so it is gone however the process ends),
 * keeping in memory only each article's id and place (~40 bytes) besides
 * the per-source totals and vocabularies. Call on an empty aggregate;
 * slant_agg_new_like and slant_agg_merge keep the mode and move the
 * records. Spilled records are read back only through slant_agg_walk;
 * slant_agg_article_count/at see only records in memory. */
void slant_agg_compact_spill(slant_agg *a);
/* -1 and err set (with name) when a temporary record could not be written. */
int slant_agg_spill_check(slant_agg *a, const char *name, slant_error *err);
/* Every article: in memory and spilled. */
size_t slant_agg_article_total(const slant_agg *a);
/* Whether an article has this id. */
int slant_agg_has_id(const slant_agg *a, const char *id);

/* Every record, in memory or spilled, in id order (the canonical order of
 * slant_agg_article_at after slant_agg_finish, which walk_new calls). A
 * record returned is valid until the next call; read sequentially, so a
 * walk over a spilled aggregate costs one pass over its temporary file.
 * Any number of walks, one after the other, on one thread. */
typedef struct slant_agg_walk slant_agg_walk;
slant_agg_walk *slant_agg_walk_new(slant_agg *a);
/* NULL at the end, or when a temporary record cannot be read (see free). */
const slant_agg_article *slant_agg_walk_next(slant_agg_walk *w);
/* 0, or -1 when a record could not be read back. */
int slant_agg_walk_free(slant_agg_walk *w);
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

/* An article's category counts ([ncategories * 2], by category and voice)
 * into out, in either kind of record. */
void slant_agg_article_cats(const slant_agg *a, const slant_agg_article *r, uint32_t *out);
/* An article's terms of tone entries, in (entry, voice) order, into out
 * (room for slant_agg_article_tone_room(r) terms); returns how many. */
size_t slant_agg_article_tone_room(const slant_agg_article *r);
size_t slant_agg_article_tone_terms(const slant_agg *a, const slant_agg_article *r, slant_agg_term *out);
/* An article's mentions (r->nmentions, in order), speakers and numbers
 * (r->nspeakers, r->nnumbers; in no particular order in a compact record)
 * into out, in either kind of record. Strings stay the aggregate's. */
void slant_agg_article_mentions(const slant_agg_article *r, slant_agg_mention *out);
void slant_agg_article_speakers(const slant_agg_article *r, slant_agg_speaker *out);
void slant_agg_article_numbers(const slant_agg_article *r, const char **out);

/* What a source's articles add up to, summed as they arrive (integers, so
 * the order of arrival does not matter). Arrays are owned by the aggregate
 * and valid until it changes; NULL when the source has no articles, or when
 * the aggregate spills (its totals are never needed). */
typedef struct slant_agg_totals {
    uint64_t sentences, words[SLANT_VOICE_COUNT];
    const uint64_t *cat;       /* [ncategories * 2]: hits per category and voice */
    const uint64_t *entry;     /* [nentries * 2]: hits per entry and voice */
    const uint64_t *tone_sign; /* [nentries * 2]: outlet-voice hits of tone entries in articles
                                  where the entry's summed value is < 0 ([2e]) or > 0 ([2e+1]) */
    const char *const *first_id; /* [nentries]: smallest article id with a hit of the
                                    (naming) entry, NULL for none and for other families */
    const slant_agg_speaker *speakers; /* folded by name, in no particular order */
    size_t nspeakers;
} slant_agg_totals;
/* 0 and *out filled when the source is known, -1 otherwise. */
int slant_agg_source_totals(const slant_agg *a, const char *source, slant_agg_totals *out);

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
