/*
 * lss.c - Latent Semantic Scaling: word vectors from a truncated SVD of a
 * positive-PMI word-context matrix, polarity from seed words.
 *
 * Design decisions
 * - Word-context, not word-document: news corpora have few, long articles,
 *   and a +-5-word window gives every word many more contexts than its
 *   documents would (Watanabe 2021 uses sentences for the same reason).
 *   Stopwords, punctuation and words outside the vocabulary are removed
 *   before windowing, so the window spans content words.
 * - Pairs are counted in a slant_u64map keyed by a bijective mix of the
 *   pair (i < j), so no two pairs can share a key; the pair itself is kept
 *   in side arrays, in first-seen order, which makes the matrix (and every
 *   floating-point sum over it) deterministic.
 * - PPMI with context-distribution smoothing (alpha = 0.75, Levy, Goldberg
 *   and Dagan 2015), which keeps rare contexts from dominating.
 * - Every word is also its own context once per occurrence (the window
 *   includes its centre). Without that, cosines are purely second-order: a
 *   word that always appears beside the positive seeds but never beside
 *   another such word shares few contexts with the seeds, while neutral
 *   words, whose PMI with everything is near zero, get their noise
 *   rectified into polarity. On the planted corpus of tests/unit/
 *   test_tune.c the planted words scored +-0.19 and fillers up to 0.34
 *   without it, +-0.58 and at most 0.11 with it.
 * - The SVD is randomized (Halko, Martinsson and Tropp 2011): a V x V
 *   dense SVD costs O(V^3), about an hour for 20,000 words with GSL, while
 *   the randomized one needs a few sparse products and QR factorisations of
 *   V x (k + 10) matrices, then an SVD of a (k + 10) square matrix.
 * - Vectors are the rows of U S (left singular vectors scaled by the
 *   singular values), so cosines are those of the rows of the rank-k PPMI
 *   matrix, as in LSA. LSS proper (on a document-feature matrix) uses the
 *   unscaled vectors; on a word-word matrix that fails: a word that
 *   co-occurs with the seeds but never with itself loads on a negative
 *   eigen-direction with the opposite sign to the seeds, and with every
 *   dimension weighted alike that cancels its similarity to them (the
 *   planted words of tests/unit/test_tune.c scored 0 that way).
 */
#include "slant/lss.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LSS_NONE UINT32_MAX
#define LSS_CONTEXT_TOKENS 6 /* tokens each side in an example */
#define LSS_CONTEXT_BYTES 120

struct slant_lss {
    slant_lss_opts o;
    const slant_strmap *stop;
    slant_strmap *words; /* folded word -> index */
    uint32_t *count;     /* per word */
    const char **word;   /* per word, in the arena */
    size_t nwords, words_cap;
    slant_arena *arena;
    /* vocabulary, after freeze */
    uint32_t *vocab_of; /* word -> vocab index or LSS_NONE */
    uint32_t *vword;    /* vocab index -> word */
    size_t nvocab;
    const char **context; /* per vocab word */
    /* pairs */
    slant_u64map *pairmap;
    uint32_t *pair_i, *pair_j, *pair_n;
    size_t npairs, pairs_cap;
    uint32_t *self; /* per vocab word: its occurrences, the word as its own context */
    uint32_t *ids; /* per-sentence scratch */
    uint32_t *idtok;
    size_t ids_cap;
    /* result */
    double *vec; /* nvocab x dims, unit rows */
    size_t dims;
    double *polarity;
    signed char *seed;
    long *seed_index[2];
    size_t nseed[2];
    slant_lss_info info;
};

void slant_lss_opts_default(slant_lss_opts *o) {
    o->vocab = 20000;
    o->dims = 300;
    o->window = 5;
    o->min_count = 3;
    o->power_iters = 2;
    o->oversample = 10;
    o->seed = 20261122u;
}

slant_lss *slant_lss_new(const slant_lss_opts *o, const slant_strmap *stopwords) {
    slant_lss *l = slant_xcalloc(1, sizeof *l);
    if (o) l->o = *o;
    else slant_lss_opts_default(&l->o);
    if (l->o.window == 0) l->o.window = 1;
    if (l->o.dims == 0) l->o.dims = 1;
    l->stop = stopwords;
    l->words = slant_strmap_new(1024);
    l->arena = slant_arena_new(1 << 16);
    return l;
}

void slant_lss_free(slant_lss *l) {
    if (!l) return;
    slant_strmap_free(l->words);
    slant_arena_free(l->arena);
    free(l->count);
    free(l->word);
    free(l->vocab_of);
    free(l->vword);
    free(l->context);
    slant_u64map_free(l->pairmap);
    free(l->pair_i);
    free(l->pair_j);
    free(l->pair_n);
    free(l->self);
    free(l->ids);
    free(l->idtok);
    free(l->vec);
    free(l->polarity);
    free(l->seed);
    free(l->seed_index[0]);
    free(l->seed_index[1]);
    free(l);
}

static int counted_token(const slant_lss *l, const slant_doc *d, const slant_token *t) {
    if (t->kind != SLANT_TOK_WORD) return 0;
    if (l->stop && slant_strmap_get(l->stop, slant_tok_norm(d, t), t->norm_len, t->hash)) return 0;
    return 1;
}

void slant_lss_count(slant_lss *l, const slant_doc *d) {
    for (size_t i = 0; i < d->ntoks; i++) {
        const slant_token *t = &d->toks[i];
        if (!counted_token(l, d, t)) continue;
        int ins;
        uint32_t *v = slant_strmap_upsert(l->words, slant_tok_norm(d, t), t->norm_len, t->hash,
                                          (uint32_t)l->nwords, &ins);
        if (ins) {
            if (l->nwords == l->words_cap) {
                l->words_cap = l->words_cap ? 2 * l->words_cap : 1024;
                l->count = slant_xrealloc(l->count, l->words_cap * sizeof *l->count);
                l->word = slant_xrealloc(l->word, l->words_cap * sizeof *l->word);
            }
            l->count[l->nwords] = 0;
            l->word[l->nwords] = slant_arena_strndup(l->arena, slant_tok_norm(d, t), t->norm_len);
            l->nwords++;
        }
        l->count[*v]++;
        l->info.tokens++;
    }
}

struct ranked_word {
    uint32_t count, index;
    const char *word;
};

static int by_count_then_word(const void *a, const void *b) {
    const struct ranked_word *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->word, y->word);
}

void slant_lss_freeze(slant_lss *l) {
    struct ranked_word *rank = slant_xmalloc((l->nwords + 1) * sizeof *rank);
    for (size_t i = 0; i < l->nwords; i++) rank[i] = (struct ranked_word){l->count[i], (uint32_t)i, l->word[i]};
    qsort(rank, l->nwords, sizeof *rank, by_count_then_word);
    uint32_t *order = slant_xmalloc((l->nwords + 1) * sizeof *order);
    for (size_t i = 0; i < l->nwords; i++) order[i] = rank[i].index;
    free(rank);
    l->vocab_of = slant_xmalloc((l->nwords + 1) * sizeof *l->vocab_of);
    for (size_t i = 0; i < l->nwords; i++) l->vocab_of[i] = LSS_NONE;
    size_t n = 0;
    while (n < l->nwords && n < l->o.vocab && l->count[order[n]] >= l->o.min_count) {
        l->vocab_of[order[n]] = (uint32_t)n;
        n++;
    }
    l->vword = slant_xrealloc(order, (n + 1) * sizeof *order);
    l->nvocab = n;
    l->context = slant_xcalloc(n + 1, sizeof *l->context);
    l->self = slant_xcalloc(n + 1, sizeof *l->self);
    l->pairmap = slant_u64map_new(1024);
    l->info.distinct = l->nwords;
    l->info.vocab = n;
}

/* splitmix64's finaliser: a bijection, so distinct pairs get distinct keys. */
static uint64_t mix64(uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static void add_pair(slant_lss *l, uint32_t a, uint32_t b) {
    if (a == b) return;
    if (a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    int ins;
    uint32_t *v = slant_u64map_upsert(l->pairmap, mix64((uint64_t)a << 32 | b), (uint32_t)l->npairs, &ins);
    if (ins) {
        if (l->npairs == l->pairs_cap) {
            l->pairs_cap = l->pairs_cap ? 2 * l->pairs_cap : 4096;
            l->pair_i = slant_xrealloc(l->pair_i, l->pairs_cap * sizeof *l->pair_i);
            l->pair_j = slant_xrealloc(l->pair_j, l->pairs_cap * sizeof *l->pair_j);
            l->pair_n = slant_xrealloc(l->pair_n, l->pairs_cap * sizeof *l->pair_n);
        }
        l->pair_i[l->npairs] = a;
        l->pair_j[l->npairs] = b;
        l->pair_n[l->npairs] = 0;
        l->npairs++;
    }
    l->pair_n[*v]++;
}

/* A few words around token t of sentence s, whitespace flattened. */
static const char *make_context(slant_lss *l, const slant_doc *d, const slant_sentence *s, size_t t) {
    size_t a = t >= s->tok_begin + LSS_CONTEXT_TOKENS ? t - LSS_CONTEXT_TOKENS : s->tok_begin;
    size_t b = t + LSS_CONTEXT_TOKENS + 1 < s->tok_end ? t + LSS_CONTEXT_TOKENS + 1 : s->tok_end;
    size_t start = d->toks[a].start, end = d->toks[b - 1].end;
    if (end - start > LSS_CONTEXT_BYTES) { /* keep the word, trim the wider side */
        size_t ws = d->toks[t].start, we = d->toks[t].end;
        size_t half = (LSS_CONTEXT_BYTES - (we - ws)) / 2;
        if (ws - start > half) start = ws - half;
        if (end - we > half) end = we + half;
        while (start < ws && ((unsigned char)d->text[start] & 0xC0) == 0x80) start++;
        while (end > we && end < d->len && ((unsigned char)d->text[end] & 0xC0) == 0x80) end--;
    }
    char *out = slant_arena_alloc(l->arena, end - start + 1);
    size_t n = 0;
    for (size_t i = start; i < end; i++) {
        char c = d->text[i];
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && n > 0 && out[n - 1] == ' ') continue;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

void slant_lss_cooccur(slant_lss *l, const slant_doc *d) {
    for (size_t s = 0; s < d->nsents; s++) {
        const slant_sentence *se = &d->sents[s];
        size_t len = se->tok_end - se->tok_begin;
        if (len > l->ids_cap) {
            l->ids_cap = len * 2;
            l->ids = slant_xrealloc(l->ids, l->ids_cap * sizeof *l->ids);
            l->idtok = slant_xrealloc(l->idtok, l->ids_cap * sizeof *l->idtok);
        }
        size_t n = 0;
        for (size_t t = se->tok_begin; t < se->tok_end; t++) {
            const slant_token *tk = &d->toks[t];
            if (!counted_token(l, d, tk)) continue;
            uint32_t *w = slant_strmap_get(l->words, slant_tok_norm(d, tk), tk->norm_len, tk->hash);
            if (!w || l->vocab_of[*w] == LSS_NONE) continue;
            uint32_t v = l->vocab_of[*w];
            if (!l->context[v]) l->context[v] = make_context(l, d, se, t);
            l->self[v]++;
            l->ids[n] = v;
            l->idtok[n++] = (uint32_t)t;
        }
        for (size_t p = 0; p < n; p++)
            for (size_t q = p + 1; q < n && q <= p + l->o.window; q++) add_pair(l, l->ids[p], l->ids[q]);
    }
}

static double seconds_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- truncated SVD ---- */

/* y += a x over n doubles: the one inner loop of every product below,
 * unrolled by four so that GCC's -O2 (which vectorizes only loops it can
 * prove need no remainder) still emits paired SIMD instructions. */
static inline void axpy(double *restrict y, const double *restrict x, double a, size_t n) {
    size_t j = 0;
    for (; j + 4 <= n; j += 4) {
        y[j] += a * x[j];
        y[j + 1] += a * x[j + 1];
        y[j + 2] += a * x[j + 2];
        y[j + 3] += a * x[j + 3];
    }
    for (; j < n; j++) y[j] += a * x[j];
}

/* Y (A->rows x l) = A X (A->cols x l). */
static void csr_mul(const slant_csr *A, const gsl_matrix *X, gsl_matrix *Y) {
    size_t l = X->size2;
    for (size_t i = 0; i < A->rows; i++) {
        double *y = gsl_matrix_ptr(Y, i, 0);
        memset(y, 0, l * sizeof *y);
        for (size_t p = A->rowptr[i]; p < A->rowptr[i + 1]; p++) {
            const double *x = gsl_matrix_const_ptr(X, A->col[p], 0);
            double v = A->val[p];
            axpy(y, x, v, l);
        }
    }
}

/* Z (A->cols x l) = A^T X (A->rows x l). */
static void csr_tmul(const slant_csr *A, const gsl_matrix *X, gsl_matrix *Z) {
    size_t l = X->size2;
    gsl_matrix_set_zero(Z);
    for (size_t i = 0; i < A->rows; i++) {
        const double *x = gsl_matrix_const_ptr(X, i, 0);
        for (size_t p = A->rowptr[i]; p < A->rowptr[i + 1]; p++) {
            double *z = gsl_matrix_ptr(Z, A->col[p], 0);
            double v = A->val[p];
            axpy(z, x, v, l);
        }
    }
}

/* Rows handled together by the dense kernels below: one row of the small
 * l x l matrix (2.4 KB for l = 310) is applied to a block of rows while it
 * sits in L1, instead of streaming the whole 770 KB matrix through the
 * cache once per row, which made these kernels memory-bound. */
#define LSS_ROW_BLOCK 32

/* out (m x l) = M (m x l) B (l x l); upper: B is upper triangular. out may
 * alias M: each row block is computed into tmp (LSS_ROW_BLOCK x l) first.
 * Plain loops: GSL's reference dgemm is several times slower here. */
static void times_small(const gsl_matrix *M, const gsl_matrix *B, int upper, gsl_matrix *out, double *tmp) {
    size_t m = M->size1, l = M->size2;
    for (size_t r0 = 0; r0 < m; r0 += LSS_ROW_BLOCK) {
        size_t nb = m - r0 < LSS_ROW_BLOCK ? m - r0 : LSS_ROW_BLOCK;
        memset(tmp, 0, nb * l * sizeof *tmp);
        for (size_t i = 0; i < l; i++) {
            const double *b = gsl_matrix_const_ptr(B, i, 0);
            size_t j0 = upper ? i : 0;
            for (size_t r = 0; r < nb; r++) {
                double yi = gsl_matrix_const_ptr(M, r0 + r, 0)[i];
                if (yi != 0.0) axpy(tmp + r * l + j0, b + j0, yi, l - j0);
            }
        }
        for (size_t r = 0; r < nb; r++) memcpy(gsl_matrix_ptr(out, r0 + r, 0), tmp + r * l, l * sizeof *tmp);
    }
}

/* R (upper) of the Cholesky factorisation of M^T M: M = Q R. -1 when M^T M
 * is not numerically positive definite (M has dependent columns). */
static int cholesky_r(const gsl_matrix *M, gsl_matrix *R) {
    size_t m = M->size1, l = M->size2;
    gsl_matrix_set_zero(R);
    for (size_t r0 = 0; r0 < m; r0 += LSS_ROW_BLOCK) { /* upper triangle of the Gram matrix */
        size_t nb = m - r0 < LSS_ROW_BLOCK ? m - r0 : LSS_ROW_BLOCK;
        for (size_t a = 0; a < l; a++) {
            double *g = gsl_matrix_ptr(R, a, 0);
            for (size_t r = 0; r < nb; r++) {
                const double *y = gsl_matrix_const_ptr(M, r0 + r, 0);
                if (y[a] != 0.0) axpy(g + a, y + a, y[a], l - a);
            }
        }
    }
    for (size_t a = 0; a < l; a++)
        for (size_t b = 0; b < a; b++) gsl_matrix_set(R, a, b, gsl_matrix_get(R, b, a));
    if (gsl_linalg_cholesky_decomp1(R) != GSL_SUCCESS) return -1; /* L in the lower triangle */
    for (size_t a = 0; a < l; a++)
        for (size_t b = 0; b < l; b++) gsl_matrix_set(R, a, b, b >= a ? gsl_matrix_get(R, b, a) : 0.0);
    /* CholeskyQR breaks down as cond(M) nears u^-1/2 = 1e8 (Fukaya et al.
     * 2014), and R's smallest singular values lose accuracy well before
     * (relative error about u cond(M)^2). Refuse at cond ~ 1e5: a (nearly)
     * rank-deficient M then goes to Householder QR. The matrices of a real
     * corpus are far better conditioned (sigma_l / sigma_1 ~ 0.05). */
    double top = 0;
    for (size_t a = 0; a < l; a++) top = fmax(top, gsl_matrix_get(R, a, a));
    for (size_t a = 0; a < l; a++)
        if (!(gsl_matrix_get(R, a, a) > 1e-5 * top)) return -1;
    return 0;
}

/* Replace M (m x l, m >= l) by an orthonormal basis of its columns.
 * CholeskyQR2 (Fukaya et al. 2014): M := M R^-1 with R from the Cholesky
 * factor of M^T M, twice, so orthogonality is restored to rounding level
 * (passes = 2; once is enough between power iterations, which only need
 * the span and re-orthonormalise anyway);
 * it costs two passes of m l^2 flops with contiguous inner loops, several
 * times less than Householder QR through GSL's reference BLAS. When M^T M
 * is not positive definite (dependent columns), fall back to GSL's
 * Householder QR, forming the thin Q from the compact WY form
 * Q = I - V T V^T (gsl_linalg_QR_unpack_r would build the full m x m Q).
 * V is m x l scratch, R and W l x l scratch, tmp LSS_ROW_BLOCK x l. */
static int orthonormalize(gsl_matrix *M, gsl_matrix *V, gsl_matrix *R, gsl_matrix *W, double *tmp, int passes) {
    size_t m = M->size1, l = M->size2;
    int ok = 1;
    for (int pass = 0; pass < passes && ok; pass++) {
        if (cholesky_r(M, R) != 0 || gsl_linalg_tri_invert(CblasUpper, CblasNonUnit, R) != GSL_SUCCESS) ok = 0;
        else times_small(M, R, 1, M, tmp);
    }
    if (ok) return 0;
    if (gsl_linalg_QR_decomp_r(M, W) != GSL_SUCCESS) return -1; /* W = T */
    for (size_t i = 1; i < l; i++) /* T is upper triangular; GSL leaves the rest unset */
        for (size_t j = 0; j < i; j++) gsl_matrix_set(W, i, j, 0.0);
    for (size_t i = 0; i < m; i++) {
        double *v = gsl_matrix_ptr(V, i, 0);
        const double *a = gsl_matrix_const_ptr(M, i, 0);
        for (size_t j = 0; j < l; j++) v[j] = i > j ? a[j] : i == j ? 1.0 : 0.0;
    }
    gsl_matrix_const_view V1 = gsl_matrix_const_submatrix(V, 0, 0, l, l);
    if (gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1.0, W, &V1.matrix, 0.0, R) != GSL_SUCCESS) return -1;
    if (gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, -1.0, V, R, 0.0, M) != GSL_SUCCESS) return -1;
    for (size_t j = 0; j < l; j++) *gsl_matrix_ptr(M, j, j) += 1.0;
    return 0;
}

static int dense_svd(const slant_csr *A, size_t k, double *U, double *S, slant_error *err) {
    int tall = A->rows >= A->cols;
    size_t m = tall ? A->rows : A->cols, n = tall ? A->cols : A->rows;
    gsl_matrix *M = gsl_matrix_calloc(m, n), *V = gsl_matrix_alloc(n, n);
    gsl_vector *s = gsl_vector_alloc(n), *work = gsl_vector_alloc(n);
    for (size_t i = 0; i < A->rows; i++)
        for (size_t p = A->rowptr[i]; p < A->rowptr[i + 1]; p++) {
            if (tall) gsl_matrix_set(M, i, A->col[p], A->val[p]);
            else gsl_matrix_set(M, A->col[p], i, A->val[p]);
        }
    int rc = gsl_linalg_SV_decomp(M, V, s, work) == GSL_SUCCESS ? 0 : -1;
    if (rc == 0) {
        /* tall: A = M s V^T, left vectors in M; wide: A^T = M s V^T, left vectors of A in V */
        const gsl_matrix *left = tall ? M : V;
        for (size_t i = 0; i < A->rows; i++)
            for (size_t c = 0; c < k; c++) U[i * k + c] = c < n ? gsl_matrix_get(left, i, c) : 0.0;
        for (size_t c = 0; c < k; c++) S[c] = c < n ? gsl_vector_get(s, c) : 0.0;
    } else {
        slant_error_set(err, "", 0, 0, -1, "the dense SVD did not converge");
    }
    gsl_matrix_free(M);
    gsl_matrix_free(V);
    gsl_vector_free(s);
    gsl_vector_free(work);
    return rc;
}

int slant_truncated_svd(const slant_csr *A, size_t k, size_t oversample, unsigned power_iters,
                        uint32_t seed, double *U, double *S, int *randomized, slant_error *err) {
    gsl_set_error_handler_off();
    size_t m = A->rows, n = A->cols, small = m < n ? m : n;
    size_t l = k + oversample;
    if (k == 0 || small == 0) return slant_error_set(err, "", 0, 0, -1, "empty matrix or k = 0");
    if (l >= small) {
        *randomized = 0;
        return dense_svd(A, k, U, S, err);
    }
    *randomized = 1;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, seed);
    gsl_matrix *Om = gsl_matrix_alloc(n, l), *Y = gsl_matrix_alloc(m, l), *Z = gsl_matrix_alloc(n, l);
    gsl_matrix *R = gsl_matrix_alloc(l, l), *W = gsl_matrix_alloc(l, l);
    gsl_matrix *Vm = gsl_matrix_alloc(m, l), *Vn = gsl_matrix_alloc(n, l);
    gsl_matrix *Vb = gsl_matrix_alloc(l, l);
    gsl_vector *s = gsl_vector_alloc(l), *work = gsl_vector_alloc(l);
    double *tmp = slant_xmalloc(LSS_ROW_BLOCK * l * sizeof *tmp);
    int rc = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < l; c++) gsl_matrix_set(Om, i, c, gsl_ran_gaussian(rng, 1.0));
    /* range finder with power iterations, re-orthonormalised after every
     * product so small singular directions are not lost to rounding
     * (Halko et al. 2011, algorithm 4.4) */
    csr_mul(A, Om, Y);
    rc = orthonormalize(Y, Vm, R, W, tmp, power_iters ? 1 : 2);
    for (unsigned q = 0; rc == 0 && q < power_iters; q++) {
        csr_tmul(A, Y, Z);
        rc = orthonormalize(Z, Vn, R, W, tmp, 1);
        if (rc == 0) {
            csr_mul(A, Z, Y);
            rc = orthonormalize(Y, Vm, R, W, tmp, q + 1 == power_iters ? 2 : 1);
        }
    }
    /* B = Q^T A (l x n); with B^T = Q2 R2 and the small SVD R2 = Ur s Vr^T,
     * B = Vr s (Q2 Ur)^T, so A ~ (Q Vr) s (...)^T (algorithm 5.1). R2 comes
     * from the Cholesky factor of B B^T; when that is singular, from GSL's
     * Householder QR of B^T. */
    if (rc == 0) {
        csr_tmul(A, Y, Z); /* Z = A^T Q = B^T */
        if (cholesky_r(Z, R) != 0) {
            rc = gsl_linalg_QR_decomp_r(Z, W) == GSL_SUCCESS ? 0 : -1;
            for (size_t i = 0; rc == 0 && i < l; i++)
                for (size_t j = 0; j < l; j++) gsl_matrix_set(R, i, j, j >= i ? gsl_matrix_get(Z, i, j) : 0.0);
        }
    }
    if (rc == 0) rc = gsl_linalg_SV_decomp(R, Vb, s, work) == GSL_SUCCESS ? 0 : -1; /* R = Ur s Vr^T */
    if (rc == 0) {
        times_small(Y, Vb, 0, Vm, tmp); /* left singular vectors Q Vr */
        for (size_t i = 0; i < m; i++)
            for (size_t c = 0; c < k; c++) U[i * k + c] = gsl_matrix_get(Vm, i, c);
        for (size_t c = 0; c < k; c++) S[c] = gsl_vector_get(s, c);
    } else {
        slant_error_set(err, "", 0, 0, -1, "the randomized SVD failed in GSL (QR or SVD did not converge)");
    }
    free(tmp);
    gsl_matrix_free(Om);
    gsl_matrix_free(Y);
    gsl_matrix_free(Z);
    gsl_matrix_free(R);
    gsl_matrix_free(W);
    gsl_matrix_free(Vm);
    gsl_matrix_free(Vn);
    gsl_matrix_free(Vb);
    gsl_vector_free(s);
    gsl_vector_free(work);
    gsl_rng_free(rng);
    return rc;
}

/* ---- fit ---- */

int slant_lss_fit(slant_lss *l, slant_error *err) {
    size_t V = l->nvocab;
    l->info.pairs = l->npairs;
    if (V < 2 || l->npairs == 0)
        return slant_error_set(err, "", 0, 0, -1,
                               "too little text: %zu words reach the minimum count and %zu pairs "
                               "co-occur; give a larger corpus or lower --min-count",
                               V, l->npairs);
    double t0 = seconds_now();
    /* PPMI with smoothed context probabilities P_a(j) = c_j^0.75 / sum c^0.75 */
    double *rowsum = slant_xcalloc(V, sizeof *rowsum), *ctx = slant_xcalloc(V, sizeof *ctx);
    double total = 0, ctx_total = 0;
    for (size_t p = 0; p < l->npairs; p++) {
        rowsum[l->pair_i[p]] += l->pair_n[p];
        rowsum[l->pair_j[p]] += l->pair_n[p];
        total += 2.0 * l->pair_n[p];
    }
    for (size_t i = 0; i < V; i++) rowsum[i] += l->self[i], total += l->self[i];
    for (size_t i = 0; i < V; i++) ctx_total += ctx[i] = pow(rowsum[i], 0.75);
    slant_csr A = {V, V, slant_xcalloc(V + 1, sizeof(size_t)), NULL, NULL};
    for (size_t p = 0; p < l->npairs; p++) A.rowptr[l->pair_i[p] + 1]++, A.rowptr[l->pair_j[p] + 1]++;
    for (size_t i = 0; i < V; i++) A.rowptr[i + 1] += !!l->self[i];
    for (size_t i = 0; i < V; i++) A.rowptr[i + 1] += A.rowptr[i];
    size_t cap = A.rowptr[V];
    A.col = slant_xmalloc((cap + 1) * sizeof *A.col);
    A.val = slant_xmalloc((cap + 1) * sizeof *A.val);
    size_t *fill = slant_xmalloc((V + 1) * sizeof *fill);
    memcpy(fill, A.rowptr, (V + 1) * sizeof *fill);
    for (size_t i = 0; i < V; i++) {
        if (!l->self[i]) continue;
        double pii = log(l->self[i] / rowsum[i] / (ctx[i] / ctx_total));
        if (pii > 0) A.col[fill[i]] = (uint32_t)i, A.val[fill[i]++] = pii;
    }
    for (size_t p = 0; p < l->npairs; p++) {
        uint32_t i = l->pair_i[p], j = l->pair_j[p];
        double c = l->pair_n[p];
        double pij = log(c / rowsum[i] / (ctx[j] / ctx_total));
        double pji = log(c / rowsum[j] / (ctx[i] / ctx_total));
        if (pij > 0) A.col[fill[i]] = j, A.val[fill[i]++] = pij;
        if (pji > 0) A.col[fill[j]] = i, A.val[fill[j]++] = pji;
    }
    /* compact the rows (cells with PMI <= 0 were left out) */
    size_t w = 0;
    for (size_t i = 0; i < V; i++) {
        size_t from = A.rowptr[i], to = fill[i];
        A.rowptr[i] = w;
        for (size_t p = from; p < to; p++) A.col[w] = A.col[p], A.val[w++] = A.val[p];
    }
    A.rowptr[V] = w;
    l->info.nnz = w;
    free(fill);
    free(rowsum);
    free(ctx);
    double t1 = seconds_now();
    l->info.seconds_matrix = t1 - t0;

    size_t k = l->o.dims < V ? l->o.dims : V - 1;
    if (k == 0) k = 1;
    double *U = slant_xmalloc(V * k * sizeof *U), *S = slant_xmalloc(k * sizeof *S);
    int randomized = 0;
    int rc = slant_truncated_svd(&A, k, l->o.oversample, l->o.power_iters, l->o.seed, U, S, &randomized, err);
    free(A.rowptr);
    free(A.col);
    free(A.val);
    for (size_t i = 0; i < V; i++) /* rows of U S: the rows of the rank-k PPMI matrix, up to rotation */
        for (size_t c = 0; c < k; c++) U[i * k + c] *= S[c];
    free(S);
    l->info.seconds_svd = seconds_now() - t1;
    l->info.randomized = randomized;
    l->info.dims = k;
    if (rc != 0) {
        free(U);
        return -1;
    }
    for (size_t i = 0; i < V; i++) { /* unit rows: cosine = dot product */
        double nrm = 0;
        for (size_t c = 0; c < k; c++) nrm += U[i * k + c] * U[i * k + c];
        nrm = sqrt(nrm);
        for (size_t c = 0; c < k; c++) U[i * k + c] = nrm > 0 ? U[i * k + c] / nrm : 0.0;
    }
    free(l->vec);
    l->vec = U;
    l->dims = k;
    return 0;
}

/* ---- scoring ---- */

static long find_seed(const slant_lss *l, const char *seed, slant_buf *tmp) {
    slant_buf_clear(tmp);
    slant_fold(seed, strlen(seed), tmp);
    if (!tmp->len) return -1;
    uint32_t *w = slant_strmap_get(l->words, tmp->data, tmp->len, slant_hash_bytes(tmp->data, tmp->len));
    if (!w || l->vocab_of[*w] == LSS_NONE) return -1;
    return (long)l->vocab_of[*w];
}

int slant_lss_score(slant_lss *l, const char *const *pos, size_t npos, const char *const *neg,
                    size_t nneg, slant_error *err) {
    if (!l->vec) return slant_error_set(err, "", 0, 0, -1, "no word vectors: fit first");
    size_t V = l->nvocab, k = l->dims;
    const char *const *lists[2] = {pos, neg};
    size_t sizes[2] = {npos, nneg};
    double *centroid[2];
    size_t found[2] = {0, 0};
    free(l->seed);
    l->seed = slant_xcalloc(V + 1, 1);
    slant_buf tmp;
    slant_buf_init(&tmp);
    for (int side = 0; side < 2; side++) {
        free(l->seed_index[side]);
        l->seed_index[side] = slant_xmalloc((sizes[side] + 1) * sizeof(long));
        l->nseed[side] = sizes[side];
        centroid[side] = slant_xcalloc(k, sizeof(double));
        for (size_t i = 0; i < sizes[side]; i++) {
            long v = find_seed(l, lists[side][i], &tmp);
            /* a word given on both sides, or twice, counts once, first side wins */
            if (v >= 0 && l->seed[v]) v = -1;
            l->seed_index[side][i] = v;
            if (v < 0) continue;
            l->seed[v] = (signed char)(side == 0 ? 1 : -1);
            found[side]++;
            for (size_t c = 0; c < k; c++) centroid[side][c] += l->vec[(size_t)v * k + c];
        }
    }
    slant_buf_free(&tmp);
    int rc = 0;
    if (!found[0] || !found[1]) {
        rc = slant_error_set(err, "", 0, 0, -1,
                             "no %s seed word is in the corpus vocabulary (%zu words): give seeds "
                             "that occur at least --min-count times",
                             !found[0] ? "positive" : "negative", V);
    } else {
        free(l->polarity);
        l->polarity = slant_xmalloc((V + 1) * sizeof *l->polarity);
        for (size_t i = 0; i < V; i++) {
            double sim[2];
            for (int side = 0; side < 2; side++) {
                double dot = 0;
                for (size_t c = 0; c < k; c++) dot += l->vec[i * k + c] * centroid[side][c];
                size_t n = found[side];
                int own = l->seed[i] == (side == 0 ? 1 : -1);
                if (own) { /* leave itself out: its cosine with itself is 1 (or 0 for a zero row) */
                    double self = 0;
                    for (size_t c = 0; c < k; c++) self += l->vec[i * k + c] * l->vec[i * k + c];
                    dot -= self;
                    n--;
                }
                sim[side] = n ? dot / (double)n : 0.0;
            }
            l->polarity[i] = sim[0] - sim[1];
        }
        l->info.dims = k;
    }
    free(centroid[0]);
    free(centroid[1]);
    return rc;
}

long slant_lss_seed_index(const slant_lss *l, int side, size_t i) {
    if (side < 0 || side > 1 || !l->seed_index[side] || i >= l->nseed[side]) return -1;
    return l->seed_index[side][i];
}

size_t slant_lss_vocab_size(const slant_lss *l) { return l->nvocab; }
const char *slant_lss_word(const slant_lss *l, size_t i) { return l->word[l->vword[i]]; }
uint32_t slant_lss_freq(const slant_lss *l, size_t i) { return l->count[l->vword[i]]; }
double slant_lss_polarity(const slant_lss *l, size_t i) { return l->polarity ? l->polarity[i] : 0.0; }
int slant_lss_is_seed(const slant_lss *l, size_t i) { return l->seed ? l->seed[i] : 0; }
const char *slant_lss_context(const slant_lss *l, size_t i) { return l->context[i] ? l->context[i] : ""; }
const slant_lss_info *slant_lss_get_info(const slant_lss *l) { return &l->info; }
