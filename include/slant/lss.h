/*
 * lss.h - Latent Semantic Scaling (Watanabe 2021) for `slant lexicon
 * suggest`: the polarity of every frequent word of a corpus, estimated from
 * how similar its distributional vector is to a few positive and negative
 * seed words; and the truncated SVD that makes those vectors.
 *
 * Two passes over the corpus, so memory is bounded by the vocabulary and
 * the co-occurrence pairs, never by corpus size: pass 1
 * (slant_lss_count) counts words, slant_lss_freeze keeps the most frequent,
 * pass 2 (slant_lss_cooccur) counts pairs of kept words within +-window
 * tokens of one sentence, slant_lss_fit weights them by positive PMI and
 * takes the truncated SVD, slant_lss_score rates every word. Method and
 * citations: docs/tuning.md.
 *
 * Ownership: slant_lss_new / slant_lss_free; every string returned belongs
 * to the lss object. The stopword map is borrowed and must outlive it.
 */
#ifndef SLANT_LSS_H
#define SLANT_LSS_H

#include <stddef.h>
#include <stdint.h>

#include "slant/text.h"
#include "slant/util.h"

typedef struct slant_lss_opts {
    size_t vocab;         /* most frequent words kept (default 20000) */
    size_t dims;          /* SVD dimensions k (default 300) */
    unsigned window;      /* +- tokens within a sentence (default 5) */
    size_t min_count;     /* rarer words are left out (default 3) */
    unsigned power_iters; /* randomized SVD power iterations (default 2) */
    size_t oversample;    /* extra random directions (default 10) */
    uint32_t seed;        /* Gaussian test matrix (default 20261122) */
} slant_lss_opts;

void slant_lss_opts_default(slant_lss_opts *o);

typedef struct slant_lss slant_lss;

/* stopwords: folded words never counted (may be NULL). */
slant_lss *slant_lss_new(const slant_lss_opts *o, const slant_strmap *stopwords);
void slant_lss_free(slant_lss *l);

void slant_lss_count(slant_lss *l, const slant_doc *d);   /* pass 1 */
void slant_lss_freeze(slant_lss *l);                      /* choose the vocabulary */
void slant_lss_cooccur(slant_lss *l, const slant_doc *d); /* pass 2 */
/* PPMI weighting and truncated SVD; -1 with err when the corpus is too
 * small (fewer than 2 words in the vocabulary, no co-occurrences). */
int slant_lss_fit(slant_lss *l, slant_error *err);

/* Polarity of every vocabulary word: mean cosine similarity to the positive
 * seeds minus mean similarity to the negative seeds (a seed leaves itself
 * out of its own group). Seeds are folded like document words; seeds not in
 * the vocabulary are ignored (see slant_lss_seed_found). -1 when a side has
 * no seed in the vocabulary. */
int slant_lss_score(slant_lss *l, const char *const *pos, size_t npos, const char *const *neg,
                    size_t nneg, slant_error *err);
/* Folded form of seed i of a side (0 = positive, 1 = negative), its
 * vocabulary index or -1. */
long slant_lss_seed_index(const slant_lss *l, int side, size_t i);

size_t slant_lss_vocab_size(const slant_lss *l);
const char *slant_lss_word(const slant_lss *l, size_t i);
uint32_t slant_lss_freq(const slant_lss *l, size_t i);
double slant_lss_polarity(const slant_lss *l, size_t i);
int slant_lss_is_seed(const slant_lss *l, size_t i); /* +1, -1 or 0 */
/* A few words around the word's first occurrence ("" when none kept). */
const char *slant_lss_context(const slant_lss *l, size_t i);

typedef struct slant_lss_info {
    size_t tokens;         /* word tokens seen in pass 1 (stopwords excluded) */
    size_t distinct;       /* distinct such words */
    size_t vocab;          /* kept */
    size_t pairs;          /* distinct co-occurring pairs */
    size_t nnz;            /* non-zero PPMI cells */
    size_t dims;           /* k actually used */
    int randomized;        /* 1 = randomized SVD, 0 = dense */
    double seconds_matrix; /* PPMI matrix */
    double seconds_svd;
} slant_lss_info;

const slant_lss_info *slant_lss_get_info(const slant_lss *l);

/* ---- truncated SVD (exposed for tests) ---- */

/* A sparse matrix in compressed rows. */
typedef struct slant_csr {
    size_t rows, cols;
    size_t *rowptr; /* rows + 1 */
    uint32_t *col;
    double *val;
} slant_csr;

/* The k leading singular values (S[k], descending) and left singular
 * vectors (U, rows x k, row-major) of A. Randomized (Halko, Martinsson and
 * Tropp 2011, algorithms 4.4 and 5.1) when k + oversample < min(rows,
 * cols), else a dense GSL SVD; *randomized says which. Deterministic for a
 * given seed. Returns -1 with err when GSL fails. */
int slant_truncated_svd(const slant_csr *A, size_t k, size_t oversample, unsigned power_iters,
                        uint32_t seed, double *U, double *S, int *randomized, slant_error *err);

#endif
