/*
 * stats.c - the statistics behind slant's comparisons (GSL for the
 * distributions, sorting and the random generator).
 *
 * Which tests, and why these:
 * - Per-source means (tone, stance) get a Student-t interval and, because
 *   sentence scores are bounded and skewed, a percentile bootstrap
 *   (Efron & Tibshirani 1993, ch. 13). Sentences of one article are not
 *   independent, so when a source has several articles the unit is the
 *   article: the cluster bootstrap resamples whole articles and recomputes
 *   sum/sum (Davison & Hinkley 1997, sec. 3.8; Field & Welsh 2007).
 * - Rates of lexicon hits are counts over an exposure (words): exact
 *   Poisson intervals (Garwood 1936) stay honest at the tiny counts news
 *   articles give, and the ratio of two rates uses the exact conditional
 *   binomial method (Clopper & Pearson 1934 for the interval, the exact
 *   binomial test for p), as R's poisson.test does.
 * - Pairwise source comparisons use Welch's t (Welch 1947), which does not
 *   assume equal variances, or Mann-Whitney U (Mann & Whitney 1947) with the
 *   tie-corrected normal approximation for skewed scores; many pairs mean
 *   many tests, so p-values are Holm-adjusted (Holm 1979): as simple as
 *   Bonferroni, uniformly more powerful, valid under any dependence.
 *   Effect size: Cohen's d with Hedges' g for small samples (Hedges 1981).
 * - All sources at once: Kruskal-Wallis H with tie correction (Kruskal &
 *   Wallis 1952; Hollander & Wolfe 1973) and epsilon^2 (Tomczak & Tomczak
 *   2014), robust to the non-normal scores lexicon methods produce.
 * - Source x frame counts: Pearson chi-square with adjusted standardised
 *   residuals that say which cells drive the difference (Agresti 2007,
 *   sec. 2.4.5) and Cramer's V; zero rows/columns are dropped (they have no
 *   expected counts) and sparse tables flagged (Cochran 1954).
 * - Distinctive vocabulary: log-likelihood G2 (Dunning 1993; Rayson &
 *   Garside 2000), better than chi-square for rare words, with Hardie's
 *   (2014) log ratio as the effect size, since G2 grows with corpus size.
 * - Distribution distance: Jensen-Shannon divergence (Lin 1991), symmetric,
 *   bounded in [0, 1] bits and finite with zero counts, unlike KL.
 * - slant eval: Pearson r with a Fisher-z interval (Fisher 1921), Spearman
 *   rho, a paired bootstrap of r, and per-class precision/recall/F1 with
 *   macro-F1.
 *
 * Design: pure functions, results in structs with an explicit valid flag
 * and a static reason; never NaN/inf in a result. No global state other
 * than GSL's error handler, switched off (idempotently) so that a
 * non-converging special function returns NaN, which is caught, instead of
 * calling abort(). Bootstraps own a local mt19937 seeded from the argument
 * and draw indices with Lemire's unbiased multiply-shift on 32-bit outputs
 * (no division in the loop). The generator is slant_mt, GSL's mt19937
 * output for output but inline: through gsl_rng_get about 9 ns of each
 * 12 ns draw were the call itself (tests/unit/test_stats.c prints the
 * figure on every run).
 * GSL's quantile functions fail for shape parameters beyond ~1e6, so exact
 * Poisson and Clopper-Pearson limits are bisections on the incomplete
 * gamma and beta functions (see poisson_lower and friends).
 */
#include "slant/stats.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "slant/util.h"

static void gsl_quiet(void) { gsl_set_error_handler_off(); }

static int level_ok(double level) { return isfinite(level) && level > 0.0 && level < 1.0; }

static int all_finite(const double *x, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i])) return 0;
    return 1;
}

/* Mean and sum of squared deviations, two passes (exact enough for the
 * NIST StRD NumAcc sets, where one-pass formulas lose all digits). */
static double mean_of(const double *x, size_t n) { return n ? gsl_stats_mean(x, 1, n) : 0.0; }

static double ss_about(const double *x, size_t n, double m) {
    double s = 0.0, c = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = x[i] - m;
        s += d * d;
        c += d;
    }
    /* corrected two-pass (Chan, Golub & LeVeque 1983) */
    return s - c * c / (double)n;
}

/* ---- means ---------------------------------------------------------- */

slant_mean_ci slant_stats_mean_t(const double *x, size_t n, double level) {
    slant_mean_ci r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.n = n;
    r.level = level;
    if (n == 0) { r.reason = "n = 0"; return r; }
    if (!all_finite(x, n)) { r.reason = "non-finite value"; return r; }
    r.mean = mean_of(x, n);
    r.valid = 1;
    if (n < 2) { r.reason = "n < 2"; return r; }
    if (!level_ok(level)) { r.reason = "level must be in (0, 1)"; return r; }
    double ss = ss_about(x, n, r.mean);
    if (ss < 0) ss = 0;
    r.df = (double)(n - 1);
    r.sd = sqrt(ss / r.df);
    r.se = r.sd / sqrt((double)n);
    double tq = gsl_cdf_tdist_Qinv((1.0 - level) / 2.0, r.df);
    if (!isfinite(tq)) { r.reason = "t quantile failed"; return r; }
    r.ci_low = r.mean - tq * r.se;
    r.ci_high = r.mean + tq * r.se;
    r.ci_valid = 1;
    if (r.sd == 0.0) r.note = "zero variance: the interval has zero width";
    else if (n < 10) r.note = "n < 10: interval is wide and assumes near-normal data";
    return r;
}

/* ---- bootstrap machinery -------------------------------------------- */

/* GSL's mt19937 (Matsumoto & Nishimura 1998) step for step: mt_set and
 * mt_get in GSL's rng/mt.c. */
void slant_mt_seed(slant_mt *m, uint32_t seed) {
    if (seed == 0) seed = 4357;
    m->mt[0] = seed;
    for (uint32_t i = 1; i < 624; i++) m->mt[i] = 1812433253u * (m->mt[i - 1] ^ (m->mt[i - 1] >> 30)) + i;
    m->next = 624;
}

void slant_mt_refill(slant_mt *m) {
    uint32_t *mt = m->mt;
    int k;
#define MT_TWIST(a, b, c) ((c) ^ ((((a) & 0x80000000u) | ((b) & 0x7fffffffu)) >> 1) ^ (((b) & 1u) ? 0x9908b0dfu : 0u))
    for (k = 0; k < 624 - 397; k++) mt[k] = MT_TWIST(mt[k], mt[k + 1], mt[k + 397]);
    for (; k < 623; k++) mt[k] = MT_TWIST(mt[k], mt[k + 1], mt[k + 397 - 624]);
    mt[623] = MT_TWIST(mt[623], mt[0], mt[396]);
#undef MT_TWIST
    m->next = 0;
}

/* Unbiased index in [0, n) from 32-bit mt19937 outputs (Lemire 2019). */
static inline uint32_t draw_index(slant_mt *rng, uint32_t n) {
    uint64_t m = (uint64_t)slant_mt_next(rng) * n;
    uint32_t low = (uint32_t)m;
    if (low < n) {
        uint32_t threshold = (uint32_t)(-n) % n;
        while (low < threshold) {
            m = (uint64_t)slant_mt_next(rng) * n;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

static slant_mt *rng_new(uint32_t seed) {
    slant_mt *rng = slant_xmalloc(sizeof *rng);
    slant_mt_seed(rng, seed);
    return rng;
}

/* Sort reps[0..used) and set the percentile interval (quantiles by linear
 * interpolation between order statistics, Hyndman & Fan type 7). */
static void boot_finish(slant_boot_ci *r, double *reps, size_t used) {
    r->replicates_used = used;
    if (used < 2) {
        r->valid = 0;
        r->reason = "fewer than 2 bootstrap replicates with a defined statistic";
        r->estimate = 0.0;
        return;
    }
    gsl_sort(reps, 1, used);
    double alpha = 1.0 - r->level;
    r->ci_low = gsl_stats_quantile_from_sorted_data(reps, 1, used, alpha / 2.0);
    r->ci_high = gsl_stats_quantile_from_sorted_data(reps, 1, used, 1.0 - alpha / 2.0);
    r->valid = 1;
    if (used < r->replicates) r->note = "some resamples had an undefined statistic and were left out";
}

static int boot_check(slant_boot_ci *r, size_t n, size_t min_n, size_t B, double level) {
    if (n == 0) { r->reason = "n = 0"; return 0; }
    if (n < min_n) { r->reason = min_n == 2 ? "n < 2" : "n < 3"; return 0; }
    if (n > UINT32_MAX) { r->reason = "n too large for the resampler (> 2^32 - 1)"; return 0; }
    if (B < 2) { r->reason = "fewer than 2 replicates requested"; return 0; }
    if (!level_ok(level)) { r->reason = "level must be in (0, 1)"; return 0; }
    return 1;
}

slant_boot_ci slant_stats_bootstrap_mean(const double *x, size_t n, size_t B, double level,
                                         uint32_t seed) {
    slant_boot_ci r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.level = level;
    r.replicates = B;
    r.seed = seed;
    if (!boot_check(&r, n, 2, B, level)) return r;
    if (!all_finite(x, n)) { r.reason = "non-finite value"; return r; }
    r.estimate = mean_of(x, n);
    double *reps = slant_xmalloc(B * sizeof *reps);
    slant_mt *rng = rng_new(seed);
    uint32_t n32 = (uint32_t)n;
    for (size_t b = 0; b < B; b++) {
        double s = 0.0;
        for (uint32_t i = 0; i < n32; i++) s += x[draw_index(rng, n32)];
        reps[b] = s / (double)n;
    }
    boot_finish(&r, reps, B);
    free(rng);
    free(reps);
    return r;
}

slant_boot_ci slant_stats_cluster_bootstrap_ratio(const slant_cluster *c, size_t k, size_t B,
                                                  double level, uint32_t seed) {
    slant_boot_ci r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.level = level;
    r.replicates = B;
    r.seed = seed;
    if (k == 0) { r.reason = "no clusters"; return r; }
    if (k < 2) { r.reason = "fewer than 2 clusters"; return r; }
    if (!boot_check(&r, k, 2, B, level)) return r;
    double ss = 0.0, sn = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (!isfinite(c[i].sum) || !isfinite(c[i].n) || c[i].n < 0) {
            r.reason = "non-finite value or negative cluster size";
            return r;
        }
        ss += c[i].sum;
        sn += c[i].n;
    }
    if (sn <= 0.0) { r.reason = "total n = 0"; return r; }
    r.estimate = ss / sn;
    double *reps = slant_xmalloc(B * sizeof *reps);
    slant_mt *rng = rng_new(seed);
    uint32_t k32 = (uint32_t)k;
    size_t used = 0;
    for (size_t b = 0; b < B; b++) {
        double bs = 0.0, bn = 0.0;
        for (uint32_t i = 0; i < k32; i++) {
            const slant_cluster *pick = &c[draw_index(rng, k32)];
            bs += pick->sum;
            bn += pick->n;
        }
        if (bn > 0.0) reps[used++] = bs / bn;
    }
    boot_finish(&r, reps, used);
    if (r.valid && k < 10 && !r.note) r.note = "fewer than 10 clusters: bootstrap interval is unreliable";
    free(rng);
    free(reps);
    return r;
}

/* ---- Poisson --------------------------------------------------------- */

/* GSL's quantile functions give NaN or do not return for shape parameters
 * beyond about 1e6 (gsl_cdf_gamma_Pinv, gsl_cdf_beta_Pinv, gsl_cdf_beta_Q
 * in GSL 2.7), while the special functions gsl_sf_gamma_inc_P/Q and
 * gsl_sf_beta_inc stay accurate up to 1e9 and beyond. So the exact limits
 * are found here by bisection on those: about 60 evaluations, fine for
 * reports and exact to the last bits the CDF offers. */
typedef double (*increasing_fn)(double x, const double *par);

/* x in [lo, hi] with f(x) = target, f non-decreasing and f(lo) <= target
 * <= f(hi). NaN when f fails. */
static double bisect(increasing_fn f, const double *par, double target, double lo, double hi) {
    for (int i = 0; i < 400; i++) {
        double mid = lo + (hi - lo) / 2;
        if (!(mid > lo && mid < hi)) break;
        double v = f(mid, par);
        if (!isfinite(v)) return NAN;
        if (v < target) lo = mid;
        else hi = mid;
    }
    return lo + (hi - lo) / 2;
}

static int sf_ok(int status) { return status == GSL_SUCCESS || status == GSL_EUNDRFLW; }

/* P and Q of Gamma(a, 1). GSL's series/fraction for Q stops at its
 * iteration cap just above the mean when a ~ 1e9; there 1 - P is accurate
 * (Q is not tiny), and the other way round. */
static double gamma_p(double a, double x) {
    gsl_sf_result r;
    if (sf_ok(gsl_sf_gamma_inc_P_e(a, x, &r)) && r.val >= 0.0 && r.val <= 1.0) return r.val;
    if (sf_ok(gsl_sf_gamma_inc_Q_e(a, x, &r)) && r.val >= 0.0 && r.val <= 1.0) return 1.0 - r.val;
    return NAN;
}

static double gamma_q(double a, double x) {
    gsl_sf_result r;
    if (sf_ok(gsl_sf_gamma_inc_Q_e(a, x, &r)) && r.val >= 0.0 && r.val <= 1.0) return r.val;
    if (sf_ok(gsl_sf_gamma_inc_P_e(a, x, &r)) && r.val >= 0.0 && r.val <= 1.0) return 1.0 - r.val;
    return NAN;
}

static double sf_gamma_p(double x, const double *par) { return gamma_p(par[0], x); }

static double sf_gamma_minus_q(double x, const double *par) { return -gamma_q(par[0], x); }

/* Continued fraction for I_x(a, b) (modified Lentz; Press et al.,
 * Numerical Recipes, sec. 6.4), used when gsl_sf_beta_inc gives up: GSL
 * caps the fraction at 512 terms, and near the centre of a Beta(1e9, 1e9)
 * it needs O(sqrt(a + b)) terms. Converges for x < (a+1)/(a+b+2). */
static double beta_cf(double a, double b, double x) {
    const double tiny = 1e-300;
    double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    double c = 1.0, d = 1.0 - qab * x / qap;
    if (fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double h = d;
    long maxit = 1000 + (long)(50.0 * sqrt(qab));
    for (long m = 1; m <= maxit; m++) {
        double dm = (double)m, m2 = 2.0 * dm;
        double aa = dm * (b - dm) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + dm) * (qab + dm) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1.0) < 1e-15) return h;
    }
    return NAN;
}

static double beta_inc_fallback(double a, double b, double x) {
    gsl_sf_result lb;
    if (gsl_sf_lnbeta_e(a, b, &lb) != GSL_SUCCESS) return NAN;
    int swap = x > (a + 1.0) / (a + b + 2.0);
    double aa = swap ? b : a, bb = swap ? a : b, xx = swap ? 1.0 - x : x;
    double front = exp(aa * log(xx) + bb * log1p(-xx) - lb.val);
    double cf = beta_cf(aa, bb, xx);
    if (!isfinite(cf)) return NAN;
    double v = front * cf / aa;
    return swap ? 1.0 - v : v;
}

/* regularised incomplete beta I_x(a, b); par = {a, b} */
static double sf_beta(double x, const double *par) {
    if (x <= 0) return 0.0;
    if (x >= 1) return 1.0;
    gsl_sf_result r;
    if (sf_ok(gsl_sf_beta_inc_e(par[0], par[1], x, &r)) && r.val >= 0.0 && r.val <= 1.0) return r.val;
    return beta_inc_fallback(par[0], par[1], x);
}

/* -I_{1-x}(a, b) = I_x(b, a) - 1, increasing in x; par = {a, b} */
static double sf_beta_minus_reflected(double x, const double *par) {
    double v = sf_beta(1.0 - x, par);
    return -v;
}

/* Garwood limits: lower solves P(X >= x | mu) = a/2, i.e. the Gamma(x, 1)
 * CDF at mu = a/2; upper solves P(X <= x | mu) = a/2, i.e. the Gamma(x+1,1)
 * upper tail at mu = a/2. */
static double poisson_lower(double x, double a2) {
    if (x <= 0) return 0.0;
    double par[1] = {x};
    return bisect(sf_gamma_p, par, a2, 0.0, x); /* P(Gamma(x) <= x) > 1/2 */
}

static double poisson_upper(double x, double a2) {
    double par[1] = {x + 1.0};
    double hi = x + 1.0 + 10.0 * sqrt(x + 1.0) + 10.0;
    for (int i = 0; i < 60 && -sf_gamma_minus_q(hi, par) > a2; i++) hi *= 2;
    return bisect(sf_gamma_minus_q, par, -a2, x, hi); /* Q(Gamma(x+1) > x) > 1/2 */
}

slant_poisson_ci slant_stats_poisson_rate(double count, double exposure, double per, double level) {
    slant_poisson_ci r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.count = count;
    r.exposure = exposure;
    r.per = per;
    r.level = level;
    if (!isfinite(count) || count < 0) { r.reason = "count must be finite and >= 0"; return r; }
    if (!level_ok(level)) { r.reason = "level must be in (0, 1)"; return r; }
    double a2 = (1.0 - level) / 2.0;
    r.count_low = poisson_lower(count, a2);
    r.count_high = poisson_upper(count, a2);
    if (!isfinite(r.count_low) || !isfinite(r.count_high)) {
        r.count_low = r.count_high = 0.0;
        r.reason = "gamma function failed";
        return r;
    }
    r.valid = 1;
    if (!isfinite(exposure) || exposure <= 0) { r.reason = "exposure = 0"; return r; }
    if (!isfinite(per) || per <= 0) { r.reason = "per must be > 0"; return r; }
    double scale = per / exposure;
    r.rate = count * scale;
    r.rate_low = r.count_low * scale;
    r.rate_high = r.count_high * scale;
    r.rate_valid = 1;
    return r;
}

/* Binomial(n, p) pieces on doubles (n may exceed UINT_MAX/2); q = 1 - p is
 * passed separately so that it keeps its digits when p is tiny. */
static double binom_logpmf(double k, double n, double p, double q) {
    return gsl_sf_lngamma(n + 1) - gsl_sf_lngamma(k + 1) - gsl_sf_lngamma(n - k + 1) + k * log(p) +
           (n - k) * log(q);
}

static double binom_cdf(double k, double n, double p, double q) { /* P(X <= k) */
    if (k < 0) return 0.0;
    if (k >= n) return 1.0;
    double par[2] = {n - k, k + 1};
    (void)p;
    return sf_beta(q, par); /* I_{1-p}(n-k, k+1) */
}

static double binom_sf(double k, double n, double p) { /* P(X >= k) */
    if (k <= 0) return 1.0;
    if (k > n) return 0.0;
    double par[2] = {k, n - k + 1};
    return sf_beta(p, par); /* I_p(k, n-k+1) */
}

/* Two-sided exact binomial test, R's binom.test rule: add the outcomes
 * whose probability is <= that of x (relative tolerance 1e-7). The pmf is
 * unimodal, so the far tail's cut is found by bisection, not summation:
 * fine for n = 2e9. */
static double binom_test_two_sided(double x, double n, double p, double q) {
    double m = n * p;
    if (x == m) return 1.0;
    double lim = binom_logpmf(x, n, p, q) + log1p(1e-7);
    double pv;
    if (x < m) {
        /* smallest i in [ceil(m), n] with pmf(i) <= pmf(x); n+1 if none */
        double lo = ceil(m), hi = n + 1;
        while (lo < hi) {
            double mid = floor((lo + hi) / 2);
            if (binom_logpmf(mid, n, p, q) <= lim) hi = mid;
            else lo = mid + 1;
        }
        pv = binom_cdf(x, n, p, q) + binom_sf(lo, n, p);
    } else {
        /* largest i in [0, floor(m)] with pmf(i) <= pmf(x); -1 if none */
        double lo = -1, hi = floor(m);
        while (lo < hi) {
            double mid = ceil((lo + hi) / 2);
            if (binom_logpmf(mid, n, p, q) <= lim) lo = mid;
            else hi = mid - 1;
        }
        pv = binom_cdf(lo, n, p, q) + binom_sf(x, n, p);
    }
    return pv > 1.0 ? 1.0 : pv;
}

/* Clopper-Pearson limits for x successes in n: lower solves
 * I_p(x, n-x+1) = a/2, upper solves I_{1-p}(n-x, x+1) = a/2. */
static double clopper_lower(double x, double n, double a2) {
    if (x <= 0) return 0.0;
    double par[2] = {x, n - x + 1};
    return bisect(sf_beta, par, a2, 0.0, 1.0);
}

static double clopper_upper(double x, double n, double a2) {
    if (x >= n) return 1.0;
    double par[2] = {n - x, x + 1};
    return bisect(sf_beta_minus_reflected, par, -a2, 0.0, 1.0);
}

slant_rate_ratio slant_stats_rate_ratio(double count1, double exposure1, double count2,
                                        double exposure2, double level) {
    slant_rate_ratio r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.level = level;
    if (!isfinite(count1) || !isfinite(count2) || count1 < 0 || count2 < 0 ||
        floor(count1) != count1 || floor(count2) != count2) {
        r.reason = "counts must be whole numbers >= 0";
        return r;
    }
    if (!isfinite(exposure1) || !isfinite(exposure2) || exposure1 <= 0 || exposure2 <= 0) {
        r.reason = "exposure = 0";
        return r;
    }
    if (!level_ok(level)) { r.reason = "level must be in (0, 1)"; return r; }
    double n = count1 + count2;
    if (n == 0) { r.reason = "both counts are 0"; return r; }
    double pi0 = exposure1 / (exposure1 + exposure2);
    double a2 = (1.0 - level) / 2.0;
    double odds_to_rr = exposure2 / exposure1;
    double pl = clopper_lower(count1, n, a2);
    double pu = clopper_upper(count1, n, a2);
    double pv = binom_test_two_sided(count1, n, pi0, exposure2 / (exposure1 + exposure2));
    if (!isfinite(pl) || !isfinite(pu) || !isfinite(pv)) { r.reason = "beta function failed"; return r; }
    r.expected1 = n * pi0;
    r.p_value = pv;
    r.ci_low = pl / (1.0 - pl) * odds_to_rr;
    r.valid = 1;
    if (count2 > 0) {
        r.ratio = (count1 / exposure1) / (count2 / exposure2);
        r.ratio_valid = 1;
        r.ci_high = pu / (1.0 - pu) * odds_to_rr;
        r.ci_high_valid = 1;
    } else {
        r.reason = "second count is 0: ratio and upper limit unbounded";
    }
    return r;
}

/* ---- two groups ----------------------------------------------------- */

slant_welch slant_stats_welch(const double *x, size_t nx, const double *y, size_t ny) {
    slant_welch r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    if (nx < 2 || ny < 2) { r.reason = nx == 0 || ny == 0 ? "empty group" : "n < 2 in a group"; return r; }
    if (!all_finite(x, nx) || !all_finite(y, ny)) { r.reason = "non-finite value"; return r; }
    double mx = mean_of(x, nx), my = mean_of(y, ny);
    double vx = ss_about(x, nx, mx) / (double)(nx - 1);
    double vy = ss_about(y, ny, my) / (double)(ny - 1);
    if (vx < 0) vx = 0;
    if (vy < 0) vy = 0;
    double qx = vx / (double)nx, qy = vy / (double)ny;
    double se2 = qx + qy;
    r.mean_diff = mx - my;
    if (se2 <= 0.0) { r.reason = "zero variance in both groups"; return r; }
    r.se = sqrt(se2);
    r.t = r.mean_diff / r.se;
    /* Welch-Satterthwaite */
    r.df = se2 * se2 / (qx * qx / (double)(nx - 1) + qy * qy / (double)(ny - 1));
    double p = 2.0 * gsl_cdf_tdist_Q(fabs(r.t), r.df);
    if (!isfinite(p) || !isfinite(r.df)) { r.t = r.df = 0; r.reason = "t distribution failed"; return r; }
    r.p_value = p > 1.0 ? 1.0 : p;
    r.valid = 1;
    return r;
}

int slant_stats_welch_interval(const slant_welch *w, double level, double *lo, double *hi) {
    if (!w->valid || !(level > 0 && level < 1)) return -1;
    gsl_quiet();
    double q = gsl_cdf_tdist_Pinv(1.0 - (1.0 - level) / 2.0, w->df);
    if (!isfinite(q)) return -1;
    *lo = w->mean_diff - q * w->se;
    *hi = w->mean_diff + q * w->se;
    return 0;
}

double slant_stats_rank(const double *x, size_t n, double *ranks) {
    if (n == 0) return 0.0;
    size_t *idx = slant_xmalloc(n * sizeof *idx);
    gsl_sort_index(idx, x, 1, n);
    double ties = 0.0;
    size_t i = 0;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && x[idx[j]] == x[idx[i]]) j++;
        /* positions i..j-1 (0-based) share ranks i+1..j: mean (i+1+j)/2 */
        double avg = ((double)(i + 1) + (double)j) / 2.0;
        for (size_t t = i; t < j; t++) ranks[idx[t]] = avg;
        double tlen = (double)(j - i);
        ties += tlen * tlen * tlen - tlen;
        i = j;
    }
    free(idx);
    return ties;
}

slant_mann_whitney slant_stats_mann_whitney(const double *x, size_t nx, const double *y, size_t ny,
                                            int continuity) {
    slant_mann_whitney r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    if (nx == 0 || ny == 0) { r.reason = "empty group"; return r; }
    if (!all_finite(x, nx) || !all_finite(y, ny)) { r.reason = "non-finite value"; return r; }
    size_t n = nx + ny;
    double *pool = slant_xmalloc(2 * n * sizeof *pool);
    double *ranks = pool + n;
    memcpy(pool, x, nx * sizeof *pool);
    memcpy(pool + nx, y, ny * sizeof *pool);
    r.ties = slant_stats_rank(pool, n, ranks);
    double r1 = 0.0;
    for (size_t i = 0; i < nx; i++) r1 += ranks[i];
    free(pool);
    double dnx = (double)nx, dny = (double)ny, dn = (double)n;
    r.u = r1 - dnx * (dnx + 1.0) / 2.0;
    double mu = dnx * dny / 2.0;
    double var = dnx * dny / 12.0 * ((dn + 1.0) - r.ties / (dn * (dn - 1.0)));
    if (!(var > 0.0)) { r.reason = "all values tied"; return r; }
    double diff = r.u - mu;
    if (continuity) diff -= (diff > 0) ? 0.5 : (diff < 0 ? -0.5 : 0.0);
    r.z = diff / sqrt(var);
    double p = 2.0 * fmin(gsl_cdf_ugaussian_P(r.z), gsl_cdf_ugaussian_Q(r.z));
    r.p_value = p > 1.0 ? 1.0 : p;
    r.valid = 1;
    return r;
}

slant_cohen_d slant_stats_cohen_d(const double *x, size_t nx, const double *y, size_t ny) {
    slant_cohen_d r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    if (nx == 0 || ny == 0) { r.reason = "empty group"; return r; }
    if (nx + ny < 3) { r.reason = "n < 3 in total"; return r; }
    if (!all_finite(x, nx) || !all_finite(y, ny)) { r.reason = "non-finite value"; return r; }
    double mx = mean_of(x, nx), my = mean_of(y, ny);
    double ss = (nx > 1 ? ss_about(x, nx, mx) : 0.0) + (ny > 1 ? ss_about(y, ny, my) : 0.0);
    double df = (double)(nx + ny - 2);
    if (!(ss > 0.0)) { r.reason = "zero variance"; return r; }
    r.pooled_sd = sqrt(ss / df);
    r.d = (mx - my) / r.pooled_sd;
    r.valid = 1;
    if (df >= 2) {
        /* exact J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)) */
        double j = exp(gsl_sf_lngamma(df / 2.0) - 0.5 * log(df / 2.0) - gsl_sf_lngamma((df - 1.0) / 2.0));
        if (isfinite(j)) {
            r.g = j * r.d;
            r.g_valid = 1;
        }
    }
    if (nx < 20 || ny < 20) r.note = "n < 20 in a group: d is biased upward, prefer Hedges' g";
    return r;
}

/* Sort order for Holm: by p, ties by index (deterministic). */
typedef struct { double p; size_t i; } p_index;

static int p_index_cmp(const void *a, const void *b) {
    const p_index *x = a, *y = b;
    if (x->p < y->p) return -1;
    if (x->p > y->p) return 1;
    return (x->i > y->i) - (x->i < y->i);
}

int slant_stats_holm(const double *p, size_t m, double *adjusted) {
    if (m == 0) return 0;
    for (size_t i = 0; i < m; i++)
        if (!(p[i] >= 0.0 && p[i] <= 1.0)) return -1;
    p_index *ord = slant_xmalloc(m * sizeof *ord);
    for (size_t i = 0; i < m; i++) {
        ord[i].p = p[i];
        ord[i].i = i;
    }
    qsort(ord, m, sizeof *ord, p_index_cmp);
    double running = 0.0;
    for (size_t j = 0; j < m; j++) {
        double a = (double)(m - j) * ord[j].p;
        if (a > running) running = a;
        if (running > 1.0) running = 1.0;
        adjusted[ord[j].i] = running;
    }
    free(ord);
    return 0;
}

/* ---- k groups ------------------------------------------------------- */

slant_kruskal slant_stats_kruskal(const double *const *groups, const size_t *sizes, size_t k) {
    slant_kruskal r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    size_t n = 0, used = 0, smallest = SIZE_MAX;
    for (size_t g = 0; g < k; g++) {
        if (sizes[g] == 0) continue;
        if (!all_finite(groups[g], sizes[g])) { r.reason = "non-finite value"; return r; }
        n += sizes[g];
        used++;
        if (sizes[g] < smallest) smallest = sizes[g];
    }
    r.n = n;
    r.groups_used = used;
    if (n == 0) { r.reason = "n = 0"; return r; }
    if (used < 2) { r.reason = "fewer than 2 non-empty groups"; return r; }
    double *pool = slant_xmalloc(2 * n * sizeof *pool);
    double *ranks = pool + n;
    size_t at = 0;
    for (size_t g = 0; g < k; g++) {
        if (sizes[g] == 0) continue;
        memcpy(pool + at, groups[g], sizes[g] * sizeof *pool);
        at += sizes[g];
    }
    double ties = slant_stats_rank(pool, n, ranks);
    double dn = (double)n, sum = 0.0;
    at = 0;
    for (size_t g = 0; g < k; g++) {
        if (sizes[g] == 0) continue;
        double rs = 0.0;
        for (size_t i = 0; i < sizes[g]; i++) rs += ranks[at + i];
        at += sizes[g];
        sum += rs * rs / (double)sizes[g];
    }
    free(pool);
    double correction = 1.0 - ties / (dn * dn * dn - dn);
    if (!(correction > 0.0)) { r.reason = "all values tied"; return r; }
    double h = (12.0 / (dn * (dn + 1.0)) * sum - 3.0 * (dn + 1.0)) / correction;
    if (h < 0) h = 0; /* rounding when all rank means are equal */
    r.h = h;
    r.df = (double)(used - 1);
    double p = gsl_cdf_chisq_Q(h, r.df);
    if (!isfinite(p)) { r.h = r.df = 0; r.reason = "chi-square distribution failed"; return r; }
    r.p_value = p;
    r.epsilon_sq = h / (dn - 1.0);
    if (r.epsilon_sq > 1.0) r.epsilon_sq = 1.0;
    r.valid = 1;
    if (used < k) r.note = "empty groups were left out";
    else if (smallest < 5) r.note = "a group has fewer than 5 values: the chi-square approximation is rough";
    return r;
}

slant_chisq slant_stats_chisq(const double *counts, size_t rows, size_t cols) {
    slant_chisq r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.rows = rows;
    r.cols = cols;
    size_t cells = rows * cols;
    if (cells == 0) { r.reason = "empty table"; return r; }
    r.row_kept = slant_xcalloc(rows, 1);
    r.col_kept = slant_xcalloc(cols, 1);
    r.expected = slant_xcalloc(cells, sizeof *r.expected);
    r.adj_resid = slant_xcalloc(cells, sizeof *r.adj_resid);
    if (!all_finite(counts, cells)) { r.reason = "negative or non-finite count"; return r; }
    for (size_t i = 0; i < cells; i++)
        if (counts[i] < 0) { r.reason = "negative or non-finite count"; return r; }
    double *rsum = slant_xcalloc(rows + cols, sizeof *rsum);
    double *csum = rsum + rows;
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            rsum[i] += counts[i * cols + j];
            csum[j] += counts[i * cols + j];
            r.total += counts[i * cols + j];
        }
    for (size_t i = 0; i < rows; i++)
        if (rsum[i] > 0) { r.row_kept[i] = 1; r.rows_kept++; }
    for (size_t j = 0; j < cols; j++)
        if (csum[j] > 0) { r.col_kept[j] = 1; r.cols_kept++; }
    if (r.rows_kept < rows || r.cols_kept < cols) r.note = "all-zero rows or columns were dropped";
    if (r.total == 0) { r.reason = "all counts are 0"; free(rsum); return r; }
    if (r.rows_kept < 2 || r.cols_kept < 2) {
        r.reason = r.rows_kept < 2 ? "fewer than 2 non-empty rows" : "fewer than 2 non-empty columns";
        free(rsum);
        return r;
    }
    double N = r.total, x2 = 0.0;
    for (size_t i = 0; i < rows; i++) {
        if (!r.row_kept[i]) continue;
        for (size_t j = 0; j < cols; j++) {
            if (!r.col_kept[j]) continue;
            double e = rsum[i] * csum[j] / N, o = counts[i * cols + j];
            r.expected[i * cols + j] = e;
            x2 += (o - e) * (o - e) / e;
            double v = e * (1.0 - rsum[i] / N) * (1.0 - csum[j] / N);
            r.adj_resid[i * cols + j] = v > 0 ? (o - e) / sqrt(v) : 0.0;
            if (e < 5.0) r.small_expected++;
        }
    }
    free(rsum);
    r.statistic = x2;
    r.df = (double)((r.rows_kept - 1) * (r.cols_kept - 1));
    double p = gsl_cdf_chisq_Q(x2, r.df);
    if (!isfinite(p)) { r.statistic = r.df = 0; r.reason = "chi-square distribution failed"; return r; }
    r.p_value = p;
    size_t mindim = r.rows_kept < r.cols_kept ? r.rows_kept : r.cols_kept;
    double v = sqrt(x2 / (N * (double)(mindim - 1)));
    r.cramers_v = v > 1.0 ? 1.0 : v;
    r.valid = 1;
    if (r.small_expected > 0) {
        int also_dropped = r.note != NULL;
        r.note = also_dropped ? "all-zero rows or columns were dropped; some expected counts are < 5"
                              : "some expected counts are < 5: the chi-square approximation may be poor";
    }
    return r;
}

void slant_chisq_free(slant_chisq *c) {
    if (!c) return;
    free(c->row_kept);
    free(c->col_kept);
    free(c->expected);
    free(c->adj_resid);
    c->row_kept = c->col_kept = NULL;
    c->expected = c->adj_resid = NULL;
}

/* ---- keyness -------------------------------------------------------- */

slant_keyness slant_stats_keyness(double a, double target_total, double b, double reference_total) {
    slant_keyness r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    if (!isfinite(a) || !isfinite(b) || a < 0 || b < 0) { r.reason = "counts must be finite and >= 0"; return r; }
    if (!isfinite(target_total) || !isfinite(reference_total) || target_total <= 0 || reference_total <= 0) {
        r.reason = "corpus size = 0";
        return r;
    }
    if (a + b == 0) { r.reason = "term absent from both corpora"; return r; }
    double c = target_total, d = reference_total;
    double e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d);
    double g2 = 2.0 * ((a > 0 ? a * log(a / e1) : 0.0) + (b > 0 ? b * log(b / e2) : 0.0));
    if (g2 < 0) g2 = 0; /* rounding when the frequencies are equal */
    double p = gsl_cdf_chisq_Q(g2, 1.0);
    if (!isfinite(p)) { r.reason = "chi-square distribution failed"; return r; }
    r.g2 = g2;
    r.p_value = p;
    double aa = a > 0 ? a : 0.5, bb = b > 0 ? b : 0.5;
    r.log_ratio = log2((aa / c) / (bb / d));
    double lhs = a * d, rhs = b * c;
    r.direction = lhs > rhs ? 1 : (lhs < rhs ? -1 : 0);
    r.valid = 1;
    return r;
}

static int keyness_cmp(const void *pa, const void *pb) {
    const slant_keyness_ranked *x = pa, *y = pb;
    if (x->k.g2 > y->k.g2) return -1;
    if (x->k.g2 < y->k.g2) return 1;
    double lx = fabs(x->k.log_ratio), ly = fabs(y->k.log_ratio);
    if (lx > ly) return -1;
    if (lx < ly) return 1;
    return (x->term > y->term) - (x->term < y->term);
}

size_t slant_stats_keyness_rank(const double *target, const double *reference, size_t nterms,
                                double target_total, double reference_total, double min_freq,
                                slant_keyness_ranked *out) {
    size_t m = 0;
    for (size_t t = 0; t < nterms; t++) {
        if (!(target[t] + reference[t] >= min_freq)) continue;
        slant_keyness k = slant_stats_keyness(target[t], target_total, reference[t], reference_total);
        if (!k.valid) continue;
        out[m].term = t;
        out[m].k = k;
        m++;
    }
    if (m > 1) qsort(out, m, sizeof *out, keyness_cmp);
    return m;
}

/* ---- Jensen-Shannon -------------------------------------------------- */

slant_jsd slant_stats_jsd(const double *p, const double *q, size_t k) {
    slant_jsd r;
    memset(&r, 0, sizeof r);
    if (k == 0) { r.reason = "empty distribution"; return r; }
    double sp = 0.0, sq = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (!isfinite(p[i]) || !isfinite(q[i]) || p[i] < 0 || q[i] < 0) {
            r.reason = "counts must be finite and >= 0";
            return r;
        }
        sp += p[i];
        sq += q[i];
    }
    if (sp <= 0 || sq <= 0) { r.reason = "a distribution has no counts"; return r; }
    double s = 0.0;
    for (size_t i = 0; i < k; i++) {
        double pi = p[i] / sp, qi = q[i] / sq, mi = 0.5 * (pi + qi);
        if (pi > 0) s += 0.5 * pi * log2(pi / mi);
        if (qi > 0) s += 0.5 * qi * log2(qi / mi);
    }
    r.jsd = s < 0 ? 0 : (s > 1 ? 1 : s);
    r.valid = 1;
    return r;
}

/* ---- correlation ----------------------------------------------------- */

static slant_corr corr_from_r(slant_corr r, double level) {
    size_t n = r.n;
    r.valid = 1;
    if (n < 3) { r.reason = "n < 3: no p-value or interval"; return r; }
    double dn = (double)n;
    if (fabs(r.r) >= 1.0) {
        r.p_value = 0.0;
        r.p_valid = 1;
    } else {
        double t = r.r * sqrt((dn - 2.0) / (1.0 - r.r * r.r));
        double p = 2.0 * gsl_cdf_tdist_Q(fabs(t), dn - 2.0);
        if (isfinite(p)) {
            r.p_value = p > 1.0 ? 1.0 : p;
            r.p_valid = 1;
        }
    }
    if (n < 4) { r.reason = "n < 4: no Fisher-z interval"; return r; }
    if (!level_ok(level)) { r.reason = "level must be in (0, 1)"; return r; }
    if (fabs(r.r) >= 1.0) {
        r.ci_low = r.ci_high = r.r;
    } else {
        double z = atanh(r.r);
        double h = gsl_cdf_ugaussian_Qinv((1.0 - level) / 2.0) / sqrt(dn - 3.0);
        r.ci_low = tanh(z - h);
        r.ci_high = tanh(z + h);
    }
    r.ci_valid = 1;
    return r;
}

static int pearson_core(const double *x, const double *y, size_t n, double *out) {
    double mx = mean_of(x, n), my = mean_of(y, n);
    double sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - mx, dy = y[i] - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if (!(sxx > 0) || !(syy > 0)) return 0;
    double rr = sxy / sqrt(sxx * syy);
    *out = rr > 1 ? 1 : (rr < -1 ? -1 : rr);
    return 1;
}

slant_corr slant_stats_pearson(const double *x, const double *y, size_t n, double level) {
    slant_corr r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.n = n;
    r.level = level;
    if (n == 0) { r.reason = "n = 0"; return r; }
    if (n < 2) { r.reason = "n < 2"; return r; }
    if (!all_finite(x, n) || !all_finite(y, n)) { r.reason = "non-finite value"; return r; }
    if (!pearson_core(x, y, n, &r.r)) { r.reason = "zero variance"; return r; }
    return corr_from_r(r, level);
}

slant_corr slant_stats_spearman(const double *x, const double *y, size_t n, double level) {
    slant_corr r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.n = n;
    r.level = level;
    if (n == 0) { r.reason = "n = 0"; return r; }
    if (n < 2) { r.reason = "n < 2"; return r; }
    if (!all_finite(x, n) || !all_finite(y, n)) { r.reason = "non-finite value"; return r; }
    double *rx = slant_xmalloc(2 * n * sizeof *rx), *ry = rx + n;
    slant_stats_rank(x, n, rx);
    slant_stats_rank(y, n, ry);
    int ok = pearson_core(rx, ry, n, &r.r);
    free(rx);
    if (!ok) { r.reason = "zero variance (all values tied)"; return r; }
    return corr_from_r(r, level);
}

slant_boot_ci slant_stats_bootstrap_pearson(const double *x, const double *y, size_t n, size_t B,
                                            double level, uint32_t seed) {
    slant_boot_ci r;
    memset(&r, 0, sizeof r);
    gsl_quiet();
    r.level = level;
    r.replicates = B;
    r.seed = seed;
    if (!boot_check(&r, n, 3, B, level)) return r;
    if (!all_finite(x, n) || !all_finite(y, n)) { r.reason = "non-finite value"; return r; }
    if (!pearson_core(x, y, n, &r.estimate)) { r.reason = "zero variance"; return r; }
    double *reps = slant_xmalloc(B * sizeof *reps);
    double *bx = slant_xmalloc(2 * n * sizeof *bx), *by = bx + n;
    slant_mt *rng = rng_new(seed);
    uint32_t n32 = (uint32_t)n;
    size_t used = 0;
    for (size_t b = 0; b < B; b++) {
        for (uint32_t i = 0; i < n32; i++) {
            uint32_t j = draw_index(rng, n32);
            bx[i] = x[j];
            by[i] = y[j];
        }
        double rb;
        if (pearson_core(bx, by, n, &rb)) reps[used++] = rb;
    }
    double est = r.estimate;
    boot_finish(&r, reps, used);
    if (r.valid) r.estimate = est;
    free(rng);
    free(bx);
    free(reps);
    return r;
}

/* ---- classification --------------------------------------------------- */

double slant_stats_class_metrics(const double *confusion, size_t k, slant_class_metrics *per_class,
                                 int *valid) {
    double total = 0.0, f1_sum = 0.0;
    size_t classes = 0;
    for (size_t c = 0; c < k; c++) {
        slant_class_metrics m;
        memset(&m, 0, sizeof m);
        for (size_t j = 0; j < k; j++) {
            double rv = confusion[c * k + j], cv = confusion[j * k + c];
            m.support += isfinite(rv) && rv > 0 ? rv : 0.0;
            m.predicted += isfinite(cv) && cv > 0 ? cv : 0.0;
        }
        double tp = confusion[c * k + c];
        if (!(isfinite(tp) && tp > 0)) tp = 0.0;
        total += m.support;
        if (m.predicted > 0) { m.precision = tp / m.predicted; m.precision_valid = 1; }
        if (m.support > 0) { m.recall = tp / m.support; m.recall_valid = 1; }
        if (m.precision + m.recall > 0) m.f1 = 2.0 * m.precision * m.recall / (m.precision + m.recall);
        if (m.support > 0 || m.predicted > 0) {
            f1_sum += m.f1;
            classes++;
        }
        if (per_class) per_class[c] = m;
    }
    if (valid) *valid = classes > 0 && total > 0;
    return classes > 0 && total > 0 ? f1_sum / (double)classes : 0.0;
}
