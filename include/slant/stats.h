/*
 * stats.h - the statistics slant reports: pure functions over arrays of
 * numbers and counts. Nothing here knows about lexicons, sources or reports;
 * the analysis layer picks the numbers, this module turns them into
 * estimates, intervals, tests and effect sizes. Definitions, assumptions and
 * citations: docs/statistics.md.
 *
 * Conventions
 * - Every function returns its results in a struct (or fills caller-owned
 *   arrays). Nothing is ever NaN or inf: a value that is undefined for the
 *   given input is set to 0 and its `valid` flag is 0, with `reason` a short
 *   static string ("n < 2", "zero variance", ...). `note` (static, or NULL)
 *   carries a caveat about a valid result (small n, sparse table).
 * - Ownership: only slant_chisq allocates (its expected/residual arrays);
 *   release them with slant_chisq_free. Bootstrap functions allocate scratch
 *   internally and free it before returning. Callers own all inputs.
 * - Determinism: the bootstrap functions take the seed as an argument and
 *   make their own gsl_rng_mt19937 (no global generator). mt19937 uses the
 *   low 32 bits of the seed, and GSL maps seed 0 to its default 4357. Same
 *   input + same seed + same B give bit-identical output.
 * - GSL's default error handler calls abort(); these functions switch it
 *   off (gsl_set_error_handler_off, process-wide, idempotent) and check
 *   every GSL result instead. That one store is the only shared state:
 *   calling stats from several threads is safe once the handler is off
 *   (call any stats function once before starting threads).
 * - Confidence levels are fractions in (0, 1), e.g. 0.95.
 */
#ifndef SLANT_STATS_H
#define SLANT_STATS_H

#include <stddef.h>
#include <stdint.h>

/* ---- means ---------------------------------------------------------- */

/* Sample mean with Student-t interval. mean needs n >= 1 (valid); sd, se
 * and the interval need n >= 2 (ci_valid). Zero variance gives a
 * zero-width interval with a note. */
typedef struct slant_mean_ci {
    size_t n;
    double mean;
    double sd;      /* sample sd, divisor n - 1 */
    double se;      /* sd / sqrt(n) */
    double df;      /* n - 1 */
    double level;
    double ci_low, ci_high;
    int valid;      /* mean defined */
    int ci_valid;   /* sd, se and interval defined */
    const char *reason;
    const char *note;
} slant_mean_ci;

slant_mean_ci slant_stats_mean_t(const double *x, size_t n, double level);

/* A bootstrap percentile interval. replicates_used < replicates when some
 * resamples had an undefined statistic (e.g. zero variance for r, zero
 * total n for a ratio); those are left out and `note` says so. */
typedef struct slant_boot_ci {
    double estimate;         /* statistic on the original data */
    double ci_low, ci_high;  /* percentile interval of the replicates */
    double level;
    size_t replicates;       /* B requested */
    size_t replicates_used;  /* B with a defined statistic */
    uint32_t seed;
    int valid;
    const char *reason;
    const char *note;
} slant_boot_ci;

/* The bootstraps' random numbers: MT19937 exactly as GSL's
 * gsl_rng_mt19937 (same seeding, seed 0 meaning 4357, same 32-bit
 * outputs), so results did not change when it replaced gsl_rng_get, whose
 * call through a function pointer per draw cost more than the generator:
 * this one refills its 624 words in a batch and returns them inline. */
typedef struct slant_mt {
    uint32_t mt[624];
    unsigned next; /* index of the next word; 624 = refill first */
} slant_mt;
void slant_mt_seed(slant_mt *m, uint32_t seed);
void slant_mt_refill(slant_mt *m);
static inline uint32_t slant_mt_next(slant_mt *m) {
    if (m->next >= 624) slant_mt_refill(m);
    uint32_t y = m->mt[m->next++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

/* Percentile bootstrap of the mean: B resamples of size n with
 * replacement. Needs n >= 2 and B >= 2. */
slant_boot_ci slant_stats_bootstrap_mean(const double *x, size_t n, size_t B, double level,
                                         uint32_t seed);

/* One cluster (an article): the sum of a measure over its units and the
 * number of units (words, sentences). */
typedef struct slant_cluster {
    double sum;
    double n;
} slant_cluster;

/* Cluster bootstrap of a ratio: resample k clusters with replacement,
 * statistic = sum of sums / sum of n. Needs k >= 2 and a positive total n. */
slant_boot_ci slant_stats_cluster_bootstrap_ratio(const slant_cluster *c, size_t k, size_t B,
                                                  double level, uint32_t seed);

/* ---- Poisson counts and rates -------------------------------------- */

/* Exact (Garwood 1936) interval for a Poisson count, and the rate per
 * `per` units of exposure (per = 1000 for "per 1,000 words"). count_* are
 * always valid for level in (0,1); rate_* need exposure > 0. */
typedef struct slant_poisson_ci {
    double count;
    double count_low, count_high;
    double exposure, per;
    double rate, rate_low, rate_high;
    double level;
    int valid;       /* count interval defined */
    int rate_valid;  /* exposure > 0 */
    const char *reason;
} slant_poisson_ci;

slant_poisson_ci slant_stats_poisson_rate(double count, double exposure, double per, double level);

/* Ratio of two Poisson rates (count1/exposure1) / (count2/exposure2).
 * Conditional on the total n = count1 + count2, count1 ~ Binomial(n, pi)
 * with pi = RR*e1 / (RR*e1 + e2); the interval is Clopper-Pearson for pi
 * mapped to RR = pi/(1-pi) * e2/e1, and p is the exact two-sided binomial
 * test of RR = 1 (R's binom.test / poisson.test rule: sum the
 * probabilities of outcomes no more likely than the observed one).
 * ratio_valid = 0 when count2 == 0 (ratio unbounded); ci_high_valid = 0
 * then too (the upper limit is +infinity), while ci_low and p stay valid. */
typedef struct slant_rate_ratio {
    double ratio;
    double ci_low, ci_high;
    double p_value;
    double expected1;  /* count1 expected under RR = 1: n * e1/(e1+e2) */
    double level;
    int valid;         /* p_value and ci_low defined (n > 0, exposures > 0) */
    int ratio_valid;
    int ci_high_valid;
    const char *reason;
} slant_rate_ratio;

slant_rate_ratio slant_stats_rate_ratio(double count1, double exposure1, double count2,
                                        double exposure2, double level);

/* ---- two-group comparisons ----------------------------------------- */

/* Welch's unequal-variance t-test of mean(x) - mean(y). */
typedef struct slant_welch {
    double mean_diff;  /* mean(x) - mean(y) */
    double t, df, p_value;
    double se;         /* sqrt(var(x)/nx + var(y)/ny) */
    int valid;
    const char *reason;
} slant_welch;

slant_welch slant_stats_welch(const double *x, size_t nx, const double *y, size_t ny);

/* Welch interval of mean(x) - mean(y): mean_diff -+ t_{df, 1-(1-level)/2} se
 * (R's t.test conf.int). Returns 0, or -1 when w is not valid. */
int slant_stats_welch_interval(const slant_welch *w, double level, double *lo, double *hi);

/* Mann-Whitney U (Wilcoxon rank-sum) with the normal approximation and
 * tie correction. u = rank sum of x - nx(nx+1)/2 (R's W). continuity = 1
 * applies the 0.5 continuity correction (R's default, correct = TRUE). */
typedef struct slant_mann_whitney {
    double u;
    double z, p_value;
    double ties;  /* sum over tie groups of (t^3 - t) */
    int valid;
    const char *reason;
} slant_mann_whitney;

slant_mann_whitney slant_stats_mann_whitney(const double *x, size_t nx, const double *y, size_t ny,
                                            int continuity);

/* Cohen's d = (mean(x) - mean(y)) / pooled sd, and Hedges' g = J d with
 * the exact small-sample factor J (Hedges 1981). note says when n < 20 in
 * a group (d is biased upward; prefer g). */
typedef struct slant_cohen_d {
    double d, g;
    double pooled_sd;
    int valid;    /* d defined: nx, ny >= 1, nx + ny >= 3, pooled sd > 0 */
    int g_valid;  /* also nx + ny >= 4 (J needs df >= 2) */
    const char *reason;
    const char *note;
} slant_cohen_d;

slant_cohen_d slant_stats_cohen_d(const double *x, size_t nx, const double *y, size_t ny);

/* Holm (1979) step-down adjustment of m p-values into adjusted[m] (may
 * alias p). Monotone in the order of the raw p (ties in index order),
 * capped at 1. Returns 0, or -1 (adjusted untouched) if a p is outside
 * [0, 1] or not a number. */
int slant_stats_holm(const double *p, size_t m, double *adjusted);

/* ---- k groups ------------------------------------------------------- */

/* Kruskal-Wallis H across k groups with tie correction; p from the
 * chi-square(k-1) approximation; epsilon^2 = H / (n - 1) (Tomczak &
 * Tomczak 2014). Empty groups are skipped (they carry no ranks) and
 * counted in groups_used. */
typedef struct slant_kruskal {
    double h, df, p_value;
    double epsilon_sq;
    size_t n;            /* observations */
    size_t groups_used;  /* non-empty groups */
    int valid;
    const char *reason;
    const char *note;
} slant_kruskal;

/* groups[i] points at sizes[i] values (may be NULL when sizes[i] == 0). */
slant_kruskal slant_stats_kruskal(const double *const *groups, const size_t *sizes, size_t k);

/* Chi-square test of independence on an r x c table of counts (row-major).
 * All-zero rows and columns are dropped first (row_kept/col_kept, note
 * says so); statistics use the kept table. expected and adj_resid are
 * rows*cols arrays in the original shape, 0 in dropped cells. Adjusted
 * standardised residuals follow Agresti: (O - E) / sqrt(E (1 - r_i/N)
 * (1 - c_j/N)), about N(0,1) under independence. small_expected counts the
 * kept cells with E < 5 (note warns, Cochran 1954). */
typedef struct slant_chisq {
    size_t rows, cols;            /* original shape */
    size_t rows_kept, cols_kept;
    unsigned char *row_kept, *col_kept;
    double *expected;
    double *adj_resid;
    double total;
    double statistic, df, p_value;
    double cramers_v;
    size_t small_expected;
    int valid;
    const char *reason;
    const char *note;
} slant_chisq;

/* Counts must be finite and >= 0 (else valid = 0, "negative or non-finite
 * count"). The arrays are allocated whenever rows*cols > 0, even when the
 * test is not valid; always call slant_chisq_free. */
slant_chisq slant_stats_chisq(const double *counts, size_t rows, size_t cols);
void slant_chisq_free(slant_chisq *c);

/* ---- keyness -------------------------------------------------------- */

/* Log-likelihood keyness of one term (Rayson & Garside 2000; the two-term
 * form of the UCREL calculator): a = term count in the target corpus of
 * size c, b = count in the reference of size d. E1 = c(a+b)/(c+d),
 * E2 = d(a+b)/(c+d), G2 = 2 (a ln(a/E1) + b ln(b/E2)), p from chi-square(1).
 * log_ratio = log2((a'/c) / (b'/d)) with a zero count replaced by 0.5
 * (Hardie 2014). direction = +1 when a/c > b/d (overused in the target),
 * -1 when under-used, 0 when equal. */
typedef struct slant_keyness {
    double g2, p_value;
    double log_ratio;
    int direction;
    int valid;
    const char *reason;
} slant_keyness;

slant_keyness slant_stats_keyness(double a, double target_total, double b, double reference_total);

typedef struct slant_keyness_ranked {
    size_t term;  /* index into the count vectors */
    slant_keyness k;
} slant_keyness_ranked;

/* Rank terms: out[] (caller-allocated, nterms entries) receives the terms
 * with a + b >= min_freq and a valid G2, sorted by G2 descending, then
 * |log_ratio| descending, then term index ascending. Returns how many. */
size_t slant_stats_keyness_rank(const double *target, const double *reference, size_t nterms,
                                double target_total, double reference_total, double min_freq,
                                slant_keyness_ranked *out);

/* ---- distributions -------------------------------------------------- */

/* Jensen-Shannon divergence in bits, in [0, 1], between the distributions
 * proportional to counts p[k] and q[k]. 0 log 0 = 0. */
typedef struct slant_jsd {
    double jsd;
    int valid;
    const char *reason;
} slant_jsd;

slant_jsd slant_stats_jsd(const double *p, const double *q, size_t k);

/* ---- correlation (slant eval) -------------------------------------- */

/* Pearson r with a Fisher-z interval (tanh(atanh r +- z_{a/2}/sqrt(n-3)))
 * and the t-test p-value (t = r sqrt((n-2)/(1-r^2)), df n-2). r needs
 * n >= 2 and non-zero variance in both; p needs n >= 3; the interval
 * n >= 4 (ci_valid). |r| = 1 gives p = 0 and the interval [r, r]. */
typedef struct slant_corr {
    size_t n;
    double r;
    double p_value;
    double ci_low, ci_high;
    double level;
    int valid;
    int p_valid;
    int ci_valid;
    const char *reason;
} slant_corr;

slant_corr slant_stats_pearson(const double *x, const double *y, size_t n, double level);

/* Spearman rho: Pearson r of the average ranks (ties share the mean of
 * their ranks). p and interval are computed as for Pearson on the ranks
 * (an approximation; documented). */
slant_corr slant_stats_spearman(const double *x, const double *y, size_t n, double level);

/* Percentile bootstrap interval of Pearson r, resampling (x_i, y_i) pairs.
 * Resamples with zero variance are left out (replicates_used). */
slant_boot_ci slant_stats_bootstrap_pearson(const double *x, const double *y, size_t n, size_t B,
                                            double level, uint32_t seed);

/* Average ranks (1-based) of x[n] into ranks[n]; returns sum over tie
 * groups of (t^3 - t). Used by the rank tests; exposed for slant eval. */
double slant_stats_rank(const double *x, size_t n, double *ranks);

/* ---- classification (slant eval) ----------------------------------- */

typedef struct slant_class_metrics {
    double support;    /* gold items of the class (row sum) */
    double predicted;  /* items predicted as the class (column sum) */
    double precision, recall, f1;
    int precision_valid;  /* predicted > 0 */
    int recall_valid;     /* support > 0 */
} slant_class_metrics;

/* confusion[k*k] row-major, rows = gold class, columns = predicted class.
 * Fills per_class[k]. An undefined precision or recall counts as 0 in F1
 * (scikit-learn's zero_division=0); a class with no gold and no predicted
 * items is left out of the macro average. Returns macro-F1, or 0 with
 * *valid = 0 when the matrix is empty (valid may be NULL). */
double slant_stats_class_metrics(const double *confusion, size_t k,
                                 slant_class_metrics *per_class, int *valid);

#endif
