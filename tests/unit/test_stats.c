/*
 * test_stats.c - every statistic in stats.c against values worked out
 * independently of GSL: published textbook examples and tables (cited at
 * each test), or arithmetic shown in the comment so a reader can redo it
 * with a pocket calculator. "R prints" values are the outputs shown in R's
 * own help-page examples for the cited function on the cited data set
 * (the data are typed in here, not read from R). Values given to more
 * digits than a table shows were recomputed from the textbook formula with
 * 30-digit arithmetic (mpmath), not with this code.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_rng.h>

#include "slant/stats.h"
#include "testutil.h"

#define NEAR(got, want, tol) ck_assert_double_eq_tol((got), (want), (tol))
#define EXACT(got, want) ck_assert_double_eq((got), (want))

/* Student's sleep data (Cushny & Peebles 1905, as analysed by "Student"
 * 1908; R's `sleep` data set): extra hours of sleep for two drugs. */
static const double sleep1[10] = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
static const double sleep2[10] = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

/* ---- means ---------------------------------------------------------- */

/* NIST Statistical Reference Datasets, univariate summary statistics
 * (itl.nist.gov/div898/strd/univ): certified mean and sample sd.
 * NumAcc1 = {10000001, 10000003, 10000002}: mean 10000002, sd 1.
 * t interval by hand: t_{0.975, 2} = 4.302653 (any t table, e.g. Table A.4
 * of Moore & McCabe), se = 1/sqrt(3) = 0.5773503, half width
 * 4.302653 * 0.5773503 = 2.484138. */
START_TEST(mean_t_nist_numacc1) {
    const double x[3] = {10000001, 10000003, 10000002};
    slant_mean_ci m = slant_stats_mean_t(x, 3, 0.95);
    ck_assert(m.valid && m.ci_valid);
    ck_assert_uint_eq(m.n, 3);
    NEAR(m.mean, 10000002.0, 1e-9);
    NEAR(m.sd, 1.0, 1e-9);
    EXACT(m.df, 2.0);
    NEAR(m.ci_high - m.mean, 2.484138, 1e-6);
    NEAR(m.mean - m.ci_low, 2.484138, 1e-6);
    ck_assert_ptr_nonnull(m.note); /* n < 10 */
    /* 90%: t_{0.95, 2} = 2.919986 (t table), half width 2.919986/sqrt(3) = 1.685854 */
    m = slant_stats_mean_t(x, 3, 0.90);
    NEAR(m.ci_high - m.mean, 1.685854, 1e-6);
}
END_TEST

/* NIST StRD NumAcc2/3/4: 1001 values, the first c + 0.2, then 500 pairs
 * (c + 0.1, c + 0.3), c = 1, 1e6, 1e7. Certified mean c + 0.2, sd 0.1.
 * NumAcc4 is NIST's "higher difficulty" case: one-pass formulas lose every
 * digit; we require 8 significant digits of the sd. */
static void numacc(double c, double *x) {
    x[0] = c + 0.2;
    for (int i = 1; i < 1001; i += 2) {
        x[i] = c + 0.1;
        x[i + 1] = c + 0.3;
    }
}

START_TEST(mean_t_nist_numacc234) {
    static double x[1001];
    const double base[3] = {1.0, 1000000.0, 10000000.0};
    for (int k = 0; k < 3; k++) {
        numacc(base[k], x);
        slant_mean_ci m = slant_stats_mean_t(x, 1001, 0.95);
        ck_assert(m.valid && m.ci_valid);
        NEAR(m.mean, base[k] + 0.2, 1e-12 * (base[k] + 1));
        NEAR(m.sd, 0.1, 1e-8);
    }
}
END_TEST

/* n = 0, n = 1, zero variance, non-finite input, bad level. */
START_TEST(mean_t_edges) {
    slant_mean_ci m = slant_stats_mean_t(NULL, 0, 0.95);
    ck_assert(!m.valid && !m.ci_valid);
    ck_assert_str_eq(m.reason, "n = 0");
    ck_assert(m.mean == 0 && m.ci_low == 0 && m.ci_high == 0);

    const double one = 4.5;
    m = slant_stats_mean_t(&one, 1, 0.95);
    ck_assert(m.valid && !m.ci_valid);
    EXACT(m.mean, 4.5);
    ck_assert_str_eq(m.reason, "n < 2");
    ck_assert(m.sd == 0 && m.ci_low == 0 && m.ci_high == 0);

    const double same[4] = {2, 2, 2, 2};
    m = slant_stats_mean_t(same, 4, 0.95);
    ck_assert(m.valid && m.ci_valid);
    EXACT(m.ci_low, 2);
    EXACT(m.ci_high, 2);
    ck_assert_str_eq(m.note, "zero variance: the interval has zero width");

    const double bad[2] = {1, NAN};
    m = slant_stats_mean_t(bad, 2, 0.95);
    ck_assert(!m.valid);
    ck_assert(isfinite(m.mean));

    const double two[2] = {1, 3};
    m = slant_stats_mean_t(two, 2, 1.5);
    ck_assert(m.valid && !m.ci_valid);
    ck_assert_str_eq(m.reason, "level must be in (0, 1)");
}
END_TEST

/* ---- bootstrap ------------------------------------------------------- */

/* slant_mt is GSL's mt19937 output for output (the bootstraps switched to
 * it without changing a digit): the reference generator's first 100,000
 * outputs (several refills) for seeds including 0, which GSL maps to 4357.
 * MT19937's 10,000th output from seed 5489 is 4123659995 (Matsumoto and
 * Nishimura's reference, as in C++'s std::mt19937). */
START_TEST(mt_matches_gsl) {
    static const uint32_t seeds[] = {0, 1, 7, 4357, 5489, 20261122u, 0xffffffffu};
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    ck_assert_ptr_nonnull(g);
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
        slant_mt m;
        slant_mt_seed(&m, seeds[k]);
        gsl_rng_set(g, seeds[k]);
        for (int i = 0; i < 100000; i++) {
            uint32_t want = (uint32_t)gsl_rng_get(g), got = slant_mt_next(&m);
            if (want != got) ck_abort_msg("seed %u, output %d: %u, GSL %u", seeds[k], i, got, want);
        }
    }
    gsl_rng_free(g);
    slant_mt m;
    slant_mt_seed(&m, 5489);
    uint32_t y = 0;
    for (int i = 0; i < 10000; i++) y = slant_mt_next(&m);
    ck_assert_uint_eq(y, 4123659995u);
}
END_TEST

/* x = {0, 1}: a resample mean is 0, 0.5 or 1 with probabilities 1/4, 1/2,
 * 1/4, so the 2.5% and 97.5% quantiles of many replicates are 0 and 1. */
START_TEST(bootstrap_mean_two_points) {
    const double x[2] = {0, 1};
    slant_boot_ci b = slant_stats_bootstrap_mean(x, 2, 20000, 0.95, 42);
    ck_assert(b.valid);
    EXACT(b.estimate, 0.5);
    EXACT(b.ci_low, 0.0);
    EXACT(b.ci_high, 1.0);
    ck_assert_uint_eq(b.replicates_used, 20000);
}
END_TEST

/* Same seed => bit-identical; another seed => (almost surely) different.
 * Large-sample check: the bootstrap sd of a mean is sqrt((n-1)/n) s/sqrt(n)
 * (Efron & Tibshirani 1993, eq. 5.10), so the 95% percentile interval is
 * about mean +- 1.96 of that. Data 0..999: s = sqrt(1000*1001/12) = 288.819,
 * s/sqrt(1000) = 9.1333, times 1.95996 = 17.901; we allow 5%. */
START_TEST(bootstrap_mean_determinism_and_width) {
    static double x[1000];
    for (int i = 0; i < 1000; i++) x[i] = i;
    slant_boot_ci a = slant_stats_bootstrap_mean(x, 1000, 4000, 0.95, 7);
    slant_boot_ci b = slant_stats_bootstrap_mean(x, 1000, 4000, 0.95, 7);
    slant_boot_ci c = slant_stats_bootstrap_mean(x, 1000, 4000, 0.95, 8);
    ck_assert(a.valid && b.valid && c.valid);
    ck_assert(memcmp(&a.ci_low, &b.ci_low, sizeof a.ci_low) == 0);
    ck_assert(memcmp(&a.ci_high, &b.ci_high, sizeof a.ci_high) == 0);
    ck_assert(a.ci_low != c.ci_low || a.ci_high != c.ci_high);
    NEAR(a.estimate, 499.5, 1e-9);
    NEAR(a.ci_high - a.estimate, 17.901, 17.901 * 0.05);
    NEAR(a.estimate - a.ci_low, 17.901, 17.901 * 0.05);
    ck_assert_uint_eq(a.seed, 7);
}
END_TEST

START_TEST(bootstrap_mean_edges) {
    slant_boot_ci b = slant_stats_bootstrap_mean(NULL, 0, 100, 0.95, 1);
    ck_assert(!b.valid);
    ck_assert_str_eq(b.reason, "n = 0");
    const double one = 3;
    b = slant_stats_bootstrap_mean(&one, 1, 100, 0.95, 1);
    ck_assert(!b.valid);
    ck_assert_str_eq(b.reason, "n < 2");
    const double same[3] = {5, 5, 5};
    b = slant_stats_bootstrap_mean(same, 3, 100, 0.95, 1);
    ck_assert(b.valid);
    EXACT(b.ci_low, 5);
    EXACT(b.ci_high, 5);
    const double two[2] = {1, 2};
    b = slant_stats_bootstrap_mean(two, 2, 1, 0.95, 1);
    ck_assert(!b.valid);
}
END_TEST

/* Cluster bootstrap of sum/sum. When every cluster has the same ratio
 * (2/10 = 4/20 = 1/5 = 0.2) every resample has ratio 0.2: the interval is
 * [0.2, 0.2] exactly. The estimate is the pooled ratio, not the mean of
 * ratios: clusters (1, 10) and (9, 10) pool to 10/20 = 0.5; (1,1),(0,99)
 * pool to 1/100 = 0.01 (the mean of ratios would be 0.5). */
START_TEST(cluster_bootstrap_ratio) {
    const slant_cluster same[3] = {{2, 10}, {4, 20}, {1, 5}};
    slant_boot_ci b = slant_stats_cluster_bootstrap_ratio(same, 3, 1000, 0.95, 3);
    ck_assert(b.valid);
    NEAR(b.estimate, 0.2, 1e-15);
    NEAR(b.ci_low, 0.2, 1e-15);
    NEAR(b.ci_high, 0.2, 1e-15);

    const slant_cluster skew[2] = {{1, 1}, {0, 99}};
    b = slant_stats_cluster_bootstrap_ratio(skew, 2, 1000, 0.95, 3);
    ck_assert(b.valid);
    NEAR(b.estimate, 0.01, 1e-15);
    /* resamples: {a,a} -> 1, {b,b} -> 0, {a,b} -> 0.01; quantiles 0 and 1 */
    EXACT(b.ci_low, 0.0);
    EXACT(b.ci_high, 1.0);

    /* A cluster with n = 0: resamples made only of it have no ratio and
     * are left out (probability 1/4 each), so used < B and a note says so. */
    const slant_cluster zero[2] = {{0, 0}, {3, 10}};
    b = slant_stats_cluster_bootstrap_ratio(zero, 2, 1000, 0.95, 3);
    ck_assert(b.valid);
    ck_assert(b.replicates_used < 1000 && b.replicates_used > 600);
    ck_assert_ptr_nonnull(b.note);
    NEAR(b.ci_low, 0.3, 1e-15);
    NEAR(b.ci_high, 0.3, 1e-15);

    /* Determinism with a real spread: same seed, same bits; the interval
     * lies inside the range of the cluster ratios (0.1 .. 0.5). */
    const slant_cluster mix[5] = {{1, 10}, {5, 10}, {2, 10}, {9, 30}, {4, 20}};
    slant_boot_ci m1 = slant_stats_cluster_bootstrap_ratio(mix, 5, 500, 0.95, 11);
    slant_boot_ci m2 = slant_stats_cluster_bootstrap_ratio(mix, 5, 500, 0.95, 11);
    ck_assert(m1.valid);
    NEAR(m1.estimate, 21.0 / 80.0, 1e-15);
    ck_assert(memcmp(&m1.ci_low, &m2.ci_low, sizeof m1.ci_low) == 0);
    ck_assert(memcmp(&m1.ci_high, &m2.ci_high, sizeof m1.ci_high) == 0);
    ck_assert(m1.ci_low >= 0.1 && m1.ci_high <= 0.5 && m1.ci_low < m1.estimate && m1.estimate < m1.ci_high);
    ck_assert_str_eq(m1.note, "fewer than 10 clusters: bootstrap interval is unreliable");

    const slant_cluster all_zero[2] = {{0, 0}, {0, 0}};
    b = slant_stats_cluster_bootstrap_ratio(all_zero, 2, 100, 0.95, 3);
    ck_assert(!b.valid);
    ck_assert_str_eq(b.reason, "total n = 0");
    b = slant_stats_cluster_bootstrap_ratio(same, 1, 100, 0.95, 3);
    ck_assert(!b.valid);
    ck_assert_str_eq(b.reason, "fewer than 2 clusters");
    b = slant_stats_cluster_bootstrap_ratio(NULL, 0, 100, 0.95, 3);
    ck_assert_str_eq(b.reason, "no clusters");
}
END_TEST

/* 100,000 values x 2,000 replicates: prints the time; the bound is loose
 * (a figure, not a timed test), it only catches an accidental O(n^2). */
START_TEST(bootstrap_speed) {
    static double x[100000];
    for (int i = 0; i < 100000; i++) x[i] = (double)((i * 7919) % 1000) / 1000.0;
    struct timespec t0, t1;
    clock_t c0 = clock();
    clock_gettime(CLOCK_MONOTONIC, &t0);
    slant_boot_ci b = slant_stats_bootstrap_mean(x, 100000, 2000, 0.95, 2026);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("bootstrap_mean: 100,000 values x 2,000 replicates: %.3f s wall, %.3f s cpu\n", s, cpu);
    ck_assert(b.valid);
    ck_assert(b.ci_low < b.estimate && b.estimate < b.ci_high);
    ck_assert(cpu < 30.0); /* CPU, not wall: the machine is shared */
}
END_TEST

/* ---- Poisson ---------------------------------------------------------- */

/* Exact (Garwood 1936) 95% limits for a Poisson count, as tabulated e.g. in
 * Sahai & Khurshid (1993) and Ulm (1990):
 *   x = 0: [0, 3.6889]      upper: e^-mu = 0.025 -> mu = -ln 0.025 = 3.688879
 *   x = 1: [0.0253, 5.5716] lower: 1 - e^-mu = 0.025 -> mu = -ln 0.975 = 0.0253178
 *                           upper: e^-mu (1 + mu) = 0.025 -> mu = 5.571643
 *   x = 5: [1.6235, 11.6683]
 *   x = 10: [4.7954, 18.3904] */
START_TEST(poisson_garwood_table) {
    const double x[4] = {0, 1, 5, 10};
    const double lo[4] = {0, 0.0253178, 1.6234864, 4.7953887};
    const double hi[4] = {3.6888795, 5.5716434, 11.6683321, 18.3903560};
    for (int i = 0; i < 4; i++) {
        slant_poisson_ci p = slant_stats_poisson_rate(x[i], 2000, 1000, 0.95);
        ck_assert(p.valid && p.rate_valid);
        NEAR(p.count_low, lo[i], 1e-6);
        NEAR(p.count_high, hi[i], 1e-6);
        /* per 1,000 over 2,000 words: halve everything */
        NEAR(p.rate, x[i] / 2, 1e-12);
        NEAR(p.rate_low, lo[i] / 2, 1e-6);
        NEAR(p.rate_high, hi[i] / 2, 1e-6);
    }
    /* 90%, x = 0: e^-mu = 0.05 -> mu = -ln 0.05 = 2.995732 */
    slant_poisson_ci p = slant_stats_poisson_rate(0, 1000, 1000, 0.90);
    NEAR(p.count_high, 2.995732, 1e-6);
}
END_TEST

/* Zero exposure: the count interval stands, the rate does not. Huge count
 * (1e9): the exact interval approaches x +- 1.959964 sqrt(x) = +- 61979.5
 * (normal approximation, error O(1)); checked to 0.01%. */
START_TEST(poisson_edges) {
    slant_poisson_ci p = slant_stats_poisson_rate(3, 0, 1000, 0.95);
    ck_assert(p.valid && !p.rate_valid);
    ck_assert_str_eq(p.reason, "exposure = 0");
    ck_assert(p.rate == 0 && p.rate_high == 0);
    p = slant_stats_poisson_rate(-1, 10, 1000, 0.95);
    ck_assert(!p.valid);
    p = slant_stats_poisson_rate(1e9, 1e12, 1000, 0.95);
    ck_assert(p.valid && p.rate_valid);
    NEAR(p.count_high - 1e9, 61979.5, 6.2);
    NEAR(1e9 - p.count_low, 61979.5, 6.2);
    NEAR(p.rate, 1.0, 1e-12);
}
END_TEST

/* Rate ratio, R's ?poisson.test example (data from Dalgaard, ISwR, eba1977:
 * lung cancer, Fredericia vs three other Danish cities, ages 55-59):
 *   poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))
 * R prints: rate ratio 1.971488, 95% CI 0.8584264 4.2772659,
 * p-value = 0.07967, expected count1 6.7174.
 * By hand: RR = (11/800)/(21/3011) = 0.01375/0.0069744 = 1.971488;
 * expected = 32 * 800/3811 = 6.717397. */
START_TEST(rate_ratio_r_example) {
    slant_rate_ratio rr = slant_stats_rate_ratio(11, 800, 21, 3011, 0.95);
    ck_assert(rr.valid && rr.ratio_valid && rr.ci_high_valid);
    NEAR(rr.ratio, 1.971488, 1e-6);
    NEAR(rr.ci_low, 0.8584264, 1e-7);
    NEAR(rr.ci_high, 4.2772659, 1e-7);
    NEAR(rr.p_value, 0.07967, 1e-5);
    NEAR(rr.expected1, 6.717397, 1e-6);
}
END_TEST

/* Equal rates give p = 1; 10 vs 0 with equal exposure: conditional on
 * n = 10, P(X = 10 | pi = 1/2) = 1/1024 and the only outcome as unlikely
 * is X = 0, so p = 2/1024 = 0.001953125. Clopper-Pearson lower limit for
 * x = n = 10: (0.025)^(1/10) = 0.691503, RR = 0.691503/0.308497 = 2.241522;
 * the upper limit and the ratio are unbounded. */
START_TEST(rate_ratio_edges) {
    slant_rate_ratio rr = slant_stats_rate_ratio(10, 1000, 20, 2000, 0.95);
    ck_assert(rr.valid);
    NEAR(rr.ratio, 1.0, 1e-12);
    EXACT(rr.p_value, 1.0);

    rr = slant_stats_rate_ratio(10, 500, 0, 500, 0.95);
    ck_assert(rr.valid && !rr.ratio_valid && !rr.ci_high_valid);
    NEAR(rr.p_value, 0.001953125, 1e-12);
    NEAR(rr.ci_low, 2.241522, 1e-6);
    ck_assert(rr.ratio == 0 && rr.ci_high == 0);
    ck_assert_ptr_nonnull(rr.reason);

    rr = slant_stats_rate_ratio(0, 500, 10, 500, 0.95);
    ck_assert(rr.valid && rr.ratio_valid && rr.ci_high_valid);
    EXACT(rr.ratio, 0);
    EXACT(rr.ci_low, 0);
    NEAR(rr.p_value, 0.001953125, 1e-12);

    rr = slant_stats_rate_ratio(0, 500, 0, 500, 0.95);
    ck_assert(!rr.valid);
    ck_assert_str_eq(rr.reason, "both counts are 0");
    rr = slant_stats_rate_ratio(3, 0, 4, 100, 0.95);
    ck_assert(!rr.valid);
    ck_assert_str_eq(rr.reason, "exposure = 0");
    rr = slant_stats_rate_ratio(2.5, 10, 4, 100, 0.95);
    ck_assert(!rr.valid);

    /* 1e9 vs 1e9 words each: RR = 1, p = 1; CI half-width about
     * 1.96 sqrt(1/1e9 + 1/1e9) = 8.77e-5 on the log scale. */
    rr = slant_stats_rate_ratio(1e9, 1e11, 1e9, 1e11, 0.95);
    ck_assert(rr.valid && rr.ratio_valid && rr.ci_high_valid);
    NEAR(rr.ratio, 1.0, 1e-12);
    NEAR(rr.p_value, 1.0, 1e-12);
    NEAR(log(rr.ci_high), 8.765e-5, 1e-7);
    NEAR(log(rr.ci_low), -8.765e-5, 1e-7);
    /* 1.0001e9 vs 1e9: z = ln(1.0001)/sqrt(2e-9) = 2.2360, two-sided
     * normal p = 0.02535 (the exact test agrees to ~3 digits here). */
    rr = slant_stats_rate_ratio(1.0001e9, 1e11, 1e9, 1e11, 0.95);
    ck_assert(rr.valid);
    NEAR(rr.p_value, 0.02535, 2e-4);
}
END_TEST

/* ---- two groups ------------------------------------------------------- */

/* Welch t on the sleep data, R's ?t.test example
 *   t.test(extra ~ group, data = sleep)
 * R prints: t = -1.8608, df = 17.776, p-value = 0.07939.
 * By hand: means 0.75 and 2.33, variances 3.200556 and 4.009,
 * se^2 = 0.3200556 + 0.4009 = 0.7209556, t = -1.58/0.849091 = -1.860813,
 * df = 0.7209556^2 / (0.3200556^2/9 + 0.4009^2/9) = 17.77647. */
START_TEST(welch_sleep) {
    slant_welch w = slant_stats_welch(sleep1, 10, sleep2, 10);
    ck_assert(w.valid);
    NEAR(w.mean_diff, -1.58, 1e-12);
    NEAR(w.t, -1.860813, 1e-6);
    NEAR(w.df, 17.77647, 1e-5);
    NEAR(w.p_value, 0.07939, 1e-5);
    /* R: 95 percent confidence interval: -3.3654832  0.2054832 */
    double lo, hi;
    ck_assert_int_eq(slant_stats_welch_interval(&w, 0.95, &lo, &hi), 0);
    NEAR(lo, -3.3654832, 1e-6);
    NEAR(hi, 0.2054832, 1e-6);
}
END_TEST

START_TEST(welch_edges) {
    const double a[3] = {1, 1, 1}, b[3] = {2, 2, 2}, c[3] = {1, 2, 3};
    slant_welch w = slant_stats_welch(a, 3, b, 3);
    ck_assert(!w.valid);
    ck_assert_str_eq(w.reason, "zero variance in both groups");
    ck_assert(w.t == 0 && w.p_value == 0);
    /* One constant group is fine. {1,1,1} vs {1,2,3}: difference -1,
     * se^2 = 0/3 + 1/3, t = -1/sqrt(1/3) = -1.732051; Welch df reduces to
     * n - 1 of the other group = 2. With 2 df the t CDF has a closed form,
     * P(|T| > t) = 1 - t/sqrt(t^2 + 2) = 1 - 1.732051/2.236068 = 0.225403. */
    w = slant_stats_welch(a, 3, c, 3);
    ck_assert(w.valid);
    NEAR(w.df, 2.0, 1e-12);
    NEAR(w.t, -1.732051, 1e-6);
    NEAR(w.p_value, 0.225403, 1e-6);
    w = slant_stats_welch(a, 1, c, 3);
    ck_assert(!w.valid);
    ck_assert_str_eq(w.reason, "n < 2 in a group");
    w = slant_stats_welch(NULL, 0, c, 3);
    ck_assert_str_eq(w.reason, "empty group");
}
END_TEST

/* Mann-Whitney on the sleep data, R's ?wilcox.test formula example
 *   wilcox.test(extra ~ group, data = sleep)   (correct = TRUE, ties)
 * R prints: W = 25.5, p-value = 0.06933.
 * By hand: rank sum of group 1 = 80.5, U = 80.5 - 55 = 25.5; ties: three
 * pairs (-0.1, 0.8, 3.4) give sum(t^3 - t) = 18;
 * sigma^2 = 100/12 * (21 - 18/380) = 174.6053, sigma = 13.21383;
 * z = (25.5 - 50 + 0.5)/13.21383 = -1.816279; p = 2 Phi(-1.816279) = 0.069328. */
START_TEST(mann_whitney_sleep) {
    slant_mann_whitney m = slant_stats_mann_whitney(sleep1, 10, sleep2, 10, 1);
    ck_assert(m.valid);
    NEAR(m.u, 25.5, 1e-12);
    EXACT(m.ties, 18);
    NEAR(m.z, -1.816279, 1e-6);
    NEAR(m.p_value, 0.06933, 1e-5);
    /* without continuity: z = (25.5 - 50)/13.21383 = -1.854118 */
    m = slant_stats_mann_whitney(sleep1, 10, sleep2, 10, 0);
    NEAR(m.z, -1.854118, 1e-6);
}
END_TEST

/* Ties everywhere: all values equal -> variance 0 -> undefined. */
START_TEST(mann_whitney_edges) {
    const double a[3] = {1, 1, 1}, b[4] = {1, 1, 1, 1};
    slant_mann_whitney m = slant_stats_mann_whitney(a, 3, b, 4, 1);
    ck_assert(!m.valid);
    ck_assert_str_eq(m.reason, "all values tied");
    ck_assert(m.z == 0 && m.p_value == 0);
    m = slant_stats_mann_whitney(NULL, 0, b, 4, 1);
    ck_assert_str_eq(m.reason, "empty group");
    /* one value each, different: U = 1 or 0, z = +-0.5/0.5 -> p = 1 with
     * correction (|U - mu| = 0.5 shrinks to 0) */
    const double x = 2, y = 1;
    m = slant_stats_mann_whitney(&x, 1, &y, 1, 1);
    ck_assert(m.valid);
    EXACT(m.u, 1);
    NEAR(m.p_value, 1.0, 1e-12);
}
END_TEST

/* Cohen's d on the sleep data: pooled sd = sqrt((9*3.200556 + 9*4.009)/18)
 * = sqrt(3.604778) = 1.898625, d = -1.58/1.898625 = -0.832181.
 * Hedges' g: J(18) = Gamma(9)/(sqrt(9) Gamma(8.5)) = 0.957646 (Hedges 1981;
 * the approximation 1 - 3/(4*18 - 1) = 0.957746 agrees to 1e-4),
 * g = -0.796935. */
START_TEST(cohen_d_sleep) {
    slant_cohen_d d = slant_stats_cohen_d(sleep1, 10, sleep2, 10);
    ck_assert(d.valid && d.g_valid);
    NEAR(d.pooled_sd, 1.898625, 1e-6);
    NEAR(d.d, -0.832181, 1e-6);
    NEAR(d.g, -0.796935, 1e-6);
    ck_assert_ptr_nonnull(d.note); /* n = 10 < 20 */

    const double a[3] = {1, 1, 1}, b[3] = {2, 2, 2};
    d = slant_stats_cohen_d(a, 3, b, 3);
    ck_assert(!d.valid);
    ck_assert_str_eq(d.reason, "zero variance");
    ck_assert(d.d == 0);
    d = slant_stats_cohen_d(a, 1, b, 1);
    ck_assert(!d.valid);
    /* n = 1 + 2: pooled over df 1 = sqrt(((2-3)^2 + (4-3)^2)/1) = sqrt(2);
     * d = (1 - 3)/1.414214 = -1.414214; g needs df >= 2. */
    const double one = 1, two[2] = {2, 4};
    d = slant_stats_cohen_d(&one, 1, two, 2);
    ck_assert(d.valid && !d.g_valid);
    NEAR(d.d, -1.414214, 1e-6);
}
END_TEST

/* ---- Holm ------------------------------------------------------------- */

/* Holm (1979). p = (0.01, 0.04, 0.03, 0.005), m = 4. Sorted: 0.005*4 = 0.02,
 * 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> max(0.06, 0.04) = 0.06.
 * Adjusted in input order: (0.03, 0.06, 0.06, 0.02) (R: p.adjust(p, "holm")). */
START_TEST(holm_example) {
    double p[4] = {0.01, 0.04, 0.03, 0.005}, adj[4];
    ck_assert_int_eq(slant_stats_holm(p, 4, adj), 0);
    NEAR(adj[0], 0.03, 1e-15);
    NEAR(adj[1], 0.06, 1e-15);
    NEAR(adj[2], 0.06, 1e-15);
    NEAR(adj[3], 0.02, 1e-15);
    /* capped at 1: 0.5*2 = 1, 0.6 -> max(1, 0.6) = 1; in place */
    double q[2] = {0.6, 0.5};
    ck_assert_int_eq(slant_stats_holm(q, 2, q), 0);
    EXACT(q[0], 1.0);
    EXACT(q[1], 1.0);
    double bad[2] = {0.1, NAN}, out[2] = {7, 7};
    ck_assert_int_eq(slant_stats_holm(bad, 2, out), -1);
    EXACT(out[0], 7);
    ck_assert_int_eq(slant_stats_holm(NULL, 0, NULL), 0);
}
END_TEST

/* Invariants on a pseudo-random vector: adjusted >= raw, <= 1, and
 * non-decreasing in the order of the raw p-values. */
START_TEST(holm_invariants) {
    double p[50], adj[50];
    unsigned s = 12345;
    for (int i = 0; i < 50; i++) {
        s = s * 1103515245u + 12345u;
        p[i] = (double)((s >> 8) % 10000) / 10000.0;
    }
    p[7] = p[8]; /* a tie */
    ck_assert_int_eq(slant_stats_holm(p, 50, adj), 0);
    for (int i = 0; i < 50; i++) {
        ck_assert(adj[i] >= p[i] && adj[i] <= 1.0);
        for (int j = 0; j < 50; j++)
            if (p[i] < p[j]) ck_assert(adj[i] <= adj[j]);
    }
    EXACT(adj[7], adj[8]);
}
END_TEST

/* ---- Kruskal-Wallis ---------------------------------------------------- */

/* Hollander & Wolfe (1973, p. 116), mucociliary efficiency, as in R's
 * ?kruskal.test example. R prints: Kruskal-Wallis chi-squared = 0.77143,
 * df = 2, p-value = 0.68. By hand (no ties): rank sums 36, 36, 33 with
 * n = 5, 4, 5, N = 14: H = 12/(14*15) * (36^2/5 + 36^2/4 + 33^2/5) - 45
 * = 0.0571429 * (259.2 + 324 + 217.8) - 45 = 45.77143 - 45 = 0.771429;
 * df 2 so p = exp(-H/2) = 0.679965; epsilon^2 = H/(N-1) = 0.059341. */
START_TEST(kruskal_hollander_wolfe) {
    const double x[5] = {2.9, 3.0, 2.5, 2.6, 3.2};
    const double y[4] = {3.8, 2.7, 4.0, 2.4};
    const double z[5] = {2.8, 3.4, 3.7, 2.2, 2.0};
    const double *g[3] = {x, y, z};
    const size_t n[3] = {5, 4, 5};
    slant_kruskal k = slant_stats_kruskal(g, n, 3);
    ck_assert(k.valid);
    NEAR(k.h, 0.771429, 1e-6);
    EXACT(k.df, 2);
    NEAR(k.p_value, 0.679965, 1e-6);
    NEAR(k.epsilon_sq, 0.059341, 1e-6);
    ck_assert_uint_eq(k.n, 14);
    ck_assert_ptr_nonnull(k.note); /* groups of < 5 */
}
END_TEST

/* Ties, by hand: A = {1, 2, 2}, B = {2, 3, 4}. Ranks 1, (3, 3, 3), 5, 6;
 * R_A = 7, R_B = 14, N = 6. H0 = 12/42 * (49/3 + 196/3) - 21 = 7/3;
 * one tie of 3: sum(t^3 - t) = 24, C = 1 - 24/(216 - 6) = 186/210;
 * H = (7/3)/(186/210) = 1470/558 = 2.634409; df 1: p = erfc(sqrt(H/2))
 * = 0.104571. With two groups H equals z^2 of Mann-Whitney without
 * continuity correction (Kruskal & Wallis 1952), checked too. An empty
 * third group is skipped. */
START_TEST(kruskal_ties) {
    const double a[3] = {1, 2, 2}, b[3] = {2, 3, 4};
    const double *g[3] = {a, NULL, b};
    const size_t n[3] = {3, 0, 3};
    slant_kruskal k = slant_stats_kruskal(g, n, 3);
    ck_assert(k.valid);
    NEAR(k.h, 2.634409, 1e-6);
    EXACT(k.df, 1);
    NEAR(k.p_value, 0.104571, 1e-6);
    ck_assert_uint_eq(k.groups_used, 2);
    ck_assert_str_eq(k.note, "empty groups were left out");
    slant_mann_whitney m = slant_stats_mann_whitney(a, 3, b, 3, 0);
    NEAR(m.z * m.z, k.h, 1e-12);
}
END_TEST

START_TEST(kruskal_edges) {
    const double a[3] = {1, 1, 1}, b[2] = {1, 1};
    const double *g[2] = {a, b};
    size_t n[2] = {3, 2};
    slant_kruskal k = slant_stats_kruskal(g, n, 2);
    ck_assert(!k.valid);
    ck_assert_str_eq(k.reason, "all values tied");
    n[1] = 0;
    k = slant_stats_kruskal(g, n, 2);
    ck_assert(!k.valid);
    ck_assert_str_eq(k.reason, "fewer than 2 non-empty groups");
    n[0] = 0;
    k = slant_stats_kruskal(g, n, 2);
    ck_assert_str_eq(k.reason, "n = 0");
    k = slant_stats_kruskal(NULL, NULL, 0);
    ck_assert(!k.valid);
    /* equal rank means: H = 0 exactly, p = 1 */
    const double c[2] = {1, 4}, d[2] = {2, 3};
    const double *g2[2] = {c, d};
    const size_t n2[2] = {2, 2};
    k = slant_stats_kruskal(g2, n2, 2);
    ck_assert(k.valid);
    NEAR(k.h, 0, 1e-12);
    NEAR(k.p_value, 1, 1e-12);
}
END_TEST

/* ---- chi-square ------------------------------------------------------- */

/* Agresti, An Introduction to Categorical Data Analysis, 2nd ed. (2007),
 * Table 2.5 (party identification by gender, GSS) and Table 2.6:
 *            Dem  Ind  Rep
 *   female   762  327  468   (1557)
 *   male     484  239  477   (1200)      N = 2757
 *            1246 566  945
 * Agresti reports X^2 = 30.1, df = 2, P < 0.001 and adjusted residuals
 * 4.50, 0.70, -5.32 (female row; male row the negatives).
 * By hand: E(female, Dem) = 1557*1246/2757 = 703.671; X^2 = 30.0701;
 * df 2 so p = exp(-X^2/2) = 2.9536e-7;
 * adj resid = (762 - 703.671)/sqrt(703.671 * (1 - 1557/2757) * (1 - 1246/2757))
 * = 58.329/12.956 = 4.502; Cramer's V = sqrt(30.0701/2757) = 0.104436. */
START_TEST(chisq_agresti) {
    const double t[6] = {762, 327, 468, 484, 239, 477};
    slant_chisq c = slant_stats_chisq(t, 2, 3);
    ck_assert(c.valid);
    NEAR(c.statistic, 30.07015, 1e-5);
    EXACT(c.df, 2);
    NEAR(c.p_value, 2.953589e-7, 1e-12);
    NEAR(c.expected[0], 703.6714, 1e-4);
    const double adj[6] = {4.502054, 0.699452, -5.315946, -4.502054, -0.699452, 5.315946};
    for (int i = 0; i < 6; i++) NEAR(c.adj_resid[i], adj[i], 1e-6);
    NEAR(c.cramers_v, 0.104436, 1e-6);
    ck_assert_uint_eq(c.small_expected, 0);
    ck_assert_ptr_null(c.note);
    slant_chisq_free(&c);
}
END_TEST

/* Zero row and zero column dropped: the 2x3 table above with an all-zero
 * row and an all-zero column inserted gives the same statistic; a 1 x k
 * table (or one left after dropping) is not testable; sparse tables are
 * flagged. 2x2 {{3,1},{1,3}}: E = 2 everywhere (all < 5);
 * X^2 = 4 * (1/2) = 2, df 1, V = sqrt(2/8) = 0.5. */
START_TEST(chisq_edges) {
    const double t[12] = {762, 0, 327, 468, /**/ 0, 0, 0, 0, /**/ 484, 0, 239, 477};
    slant_chisq c = slant_stats_chisq(t, 3, 4);
    ck_assert(c.valid);
    NEAR(c.statistic, 30.07015, 1e-5);
    EXACT(c.df, 2);
    ck_assert_uint_eq(c.rows_kept, 2);
    ck_assert_uint_eq(c.cols_kept, 3);
    ck_assert(!c.row_kept[1] && !c.col_kept[1]);
    ck_assert_str_eq(c.note, "all-zero rows or columns were dropped");
    EXACT(c.expected[4 * 1 + 2], 0);
    slant_chisq_free(&c);

    const double row[4] = {5, 6, 7, 8};
    c = slant_stats_chisq(row, 1, 4);
    ck_assert(!c.valid);
    ck_assert_str_eq(c.reason, "fewer than 2 non-empty rows");
    ck_assert(c.statistic == 0 && c.p_value == 0);
    slant_chisq_free(&c);

    const double zeros[4] = {0, 0, 0, 0};
    c = slant_stats_chisq(zeros, 2, 2);
    ck_assert(!c.valid);
    ck_assert_str_eq(c.reason, "all counts are 0");
    slant_chisq_free(&c);

    c = slant_stats_chisq(NULL, 0, 3);
    ck_assert(!c.valid);
    ck_assert_str_eq(c.reason, "empty table");
    slant_chisq_free(&c);

    const double neg[4] = {1, -1, 2, 3};
    c = slant_stats_chisq(neg, 2, 2);
    ck_assert(!c.valid);
    slant_chisq_free(&c);

    const double sparse[4] = {3, 1, 1, 3};
    c = slant_stats_chisq(sparse, 2, 2);
    ck_assert(c.valid);
    NEAR(c.statistic, 2.0, 1e-12);
    NEAR(c.cramers_v, 0.5, 1e-12);
    ck_assert_uint_eq(c.small_expected, 4);
    ck_assert_ptr_nonnull(c.note);
    slant_chisq_free(&c);

    /* huge counts: the same proportions x 1e9 scale X^2 by 1e9 */
    const double big[4] = {3e9, 1e9, 1e9, 3e9};
    c = slant_stats_chisq(big, 2, 2);
    ck_assert(c.valid);
    NEAR(c.statistic, 2e9, 1e-3);
    NEAR(c.cramers_v, 0.5, 1e-12);
    EXACT(c.p_value, 0);
    slant_chisq_free(&c);
}
END_TEST

/* ---- keyness ---------------------------------------------------------- */

/* Log-likelihood as in Rayson & Garside (2000) and the UCREL LL wizard:
 * a = 100 in 100,000 words vs b = 50 in 100,000: E1 = E2 = 75;
 * G2 = 2 (100 ln(100/75) + 50 ln(50/75)) = 2 (28.76821 - 20.27326)
 * = 16.98990; p = P(chi2_1 > 16.9899) = 3.7579e-5; log ratio =
 * log2(0.001/0.0005) = 1 (Hardie 2014).
 * Zero in the reference: a = 10 in 1,000, b = 0 in 5,000: E1 = 10/6,
 * G2 = 2 * 10 ln(10/(10/6)) = 20 ln 6 = 35.83519; log ratio with 0.5 for
 * the zero = log2((10/1000)/(0.5/5000)) = log2(100) = 6.643856. */
START_TEST(keyness_examples) {
    slant_keyness k = slant_stats_keyness(100, 100000, 50, 100000);
    ck_assert(k.valid);
    NEAR(k.g2, 16.98990, 1e-5);
    NEAR(k.p_value, 3.7579e-5, 1e-9);
    NEAR(k.log_ratio, 1.0, 1e-12);
    ck_assert_int_eq(k.direction, 1);

    k = slant_stats_keyness(10, 1000, 0, 5000);
    ck_assert(k.valid);
    NEAR(k.g2, 35.835189, 1e-6);
    NEAR(k.log_ratio, 6.643856, 1e-6);
    ck_assert_int_eq(k.direction, 1);

    /* swapping target and reference flips direction and log ratio only */
    slant_keyness s = slant_stats_keyness(50, 100000, 100, 100000);
    NEAR(s.g2, 16.98990, 1e-5);
    NEAR(s.log_ratio, -1.0, 1e-12);
    ck_assert_int_eq(s.direction, -1);

    /* invariant: equal relative frequencies -> G2 = 0, p = 1 */
    k = slant_stats_keyness(30, 10000, 90, 30000);
    ck_assert(k.valid);
    NEAR(k.g2, 0, 1e-12);
    NEAR(k.p_value, 1, 1e-12);
    ck_assert_int_eq(k.direction, 0);

    k = slant_stats_keyness(0, 1000, 0, 1000);
    ck_assert(!k.valid);
    ck_assert_str_eq(k.reason, "term absent from both corpora");
    k = slant_stats_keyness(3, 0, 1, 1000);
    ck_assert(!k.valid);

    /* 1e9 counts: 2e9 vs 1e9 in equal corpora of 1e11; E = 1.5e9;
     * G2 = 2 (2e9 ln(4/3) + 1e9 ln(2/3)) = 2e9 (0.5753641 - 0.4054651)
     * = 3.397981e8 */
    k = slant_stats_keyness(2e9, 1e11, 1e9, 1e11);
    ck_assert(k.valid);
    NEAR(k.g2, 3.397981e8, 1e2);
}
END_TEST

START_TEST(keyness_rank) {
    /* term 0: 100 vs 50 (G2 16.99), term 1: 5 vs 5 (G2 0), term 2: 2 vs 0
     * (below min 3), term 3: 0 vs 40 (under-used: E1 = E2 = 20,
     * G2 = 2 * 40 ln 2 = 55.45177), term 4: absent */
    const double t[5] = {100, 5, 2, 0, 0}, r[5] = {50, 5, 0, 40, 0};
    slant_keyness_ranked out[5];
    size_t m = slant_stats_keyness_rank(t, r, 5, 100000, 100000, 3, out);
    ck_assert_uint_eq(m, 3);
    ck_assert_uint_eq(out[0].term, 3);
    NEAR(out[0].k.g2, 55.451774, 1e-6);
    ck_assert_int_eq(out[0].k.direction, -1);
    ck_assert_uint_eq(out[1].term, 0);
    ck_assert_uint_eq(out[2].term, 1);
}
END_TEST

/* ---- Jensen-Shannon --------------------------------------------------- */

/* Lin (1991). Disjoint supports: JSD = 1 bit. P = (1/2, 1/2), Q = (1, 0):
 * M = (3/4, 1/4), JSD = H(M) - (H(P) + H(Q))/2 = 0.811278 - 0.5 = 0.311278.
 * Counts, not probabilities: (2, 2) is the same P as (1, 1). */
START_TEST(jsd_examples) {
    const double p1[2] = {1, 0}, q1[2] = {0, 1};
    slant_jsd j = slant_stats_jsd(p1, q1, 2);
    ck_assert(j.valid);
    NEAR(j.jsd, 1.0, 1e-12);
    const double p2[2] = {2, 2}, q2[2] = {7, 0};
    j = slant_stats_jsd(p2, q2, 2);
    NEAR(j.jsd, 0.311278, 1e-6);
    slant_jsd back = slant_stats_jsd(q2, p2, 2);
    NEAR(back.jsd, j.jsd, 1e-15); /* symmetric */
    const double same1[3] = {1, 2, 3}, same2[3] = {10, 20, 30};
    j = slant_stats_jsd(same1, same2, 3);
    NEAR(j.jsd, 0, 1e-15);
    const double empty[3] = {0, 0, 0};
    j = slant_stats_jsd(same1, empty, 3);
    ck_assert(!j.valid);
    ck_assert_str_eq(j.reason, "a distribution has no counts");
    j = slant_stats_jsd(NULL, NULL, 0);
    ck_assert(!j.valid);
}
END_TEST

/* ---- correlation ------------------------------------------------------- */

/* Anscombe (1973) quartet, set I: r = 0.816 (Anscombe's table). R's
 * cor.test(anscombe$x1, anscombe$y1) prints t = 4.2415, df = 9,
 * p-value = 0.00217, 95% CI 0.4243912 0.9506933, cor 0.8164205.
 * By hand: Sxx = 110, Syy = 41.27269, Sxy = 55.01,
 * r = 55.01/sqrt(110 * 41.27269) = 0.8164205; Fisher z = atanh r = 1.145988,
 * +- 1.959964/sqrt(8) = 0.692952 -> tanh(0.453036) = 0.424391 and
 * tanh(1.838940) = 0.950693. */
static const double ansx[11] = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
static const double ansy[11] = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};

START_TEST(pearson_anscombe) {
    slant_corr c = slant_stats_pearson(ansx, ansy, 11, 0.95);
    ck_assert(c.valid && c.p_valid && c.ci_valid);
    NEAR(c.r, 0.8164205, 1e-7);
    NEAR(c.p_value, 0.00216963, 1e-8);
    NEAR(c.ci_low, 0.4243912, 1e-7);
    NEAR(c.ci_high, 0.9506933, 1e-7);
}
END_TEST

START_TEST(pearson_edges) {
    slant_corr c = slant_stats_pearson(NULL, NULL, 0, 0.95);
    ck_assert(!c.valid);
    ck_assert_str_eq(c.reason, "n = 0");
    const double x1 = 1, y1 = 2;
    c = slant_stats_pearson(&x1, &y1, 1, 0.95);
    ck_assert_str_eq(c.reason, "n < 2");
    const double x[4] = {1, 2, 3, 4}, k[4] = {5, 5, 5, 5}, y[4] = {2, 4, 6, 8};
    c = slant_stats_pearson(x, k, 4, 0.95);
    ck_assert(!c.valid);
    ck_assert_str_eq(c.reason, "zero variance");
    /* perfect line: r = 1, p = 0, interval [1, 1] */
    c = slant_stats_pearson(x, y, 4, 0.95);
    ck_assert(c.valid && c.p_valid && c.ci_valid);
    NEAR(c.r, 1.0, 1e-15);
    EXACT(c.p_value, 0);
    NEAR(c.ci_low, 1.0, 1e-15);
    /* n = 3: p but no interval; r of (1,2,3) vs (1,3,2) = 0.5:
     * Sxy = 1*(-1)... dx = (-1,0,1), dy = (-1,1,0): Sxy = 1, Sxx = Syy = 2,
     * r = 0.5, t = 0.5 sqrt(1/0.75) = 0.57735, df 1: p = 1 - 2 atan(t)/pi
     * = 1 - 2 (pi/6)/pi = 2/3. */
    const double a[3] = {1, 2, 3}, b[3] = {1, 3, 2};
    c = slant_stats_pearson(a, b, 3, 0.95);
    ck_assert(c.valid && c.p_valid && !c.ci_valid);
    NEAR(c.r, 0.5, 1e-15);
    NEAR(c.p_value, 2.0 / 3.0, 1e-12);
}
END_TEST

/* Spearman with ties, by hand: x = (1, 2, 2, 3) ranks (1, 2.5, 2.5, 4);
 * y = (1, 3, 2, 4) ranks (1, 3, 2, 4); centred on 2.5: dx = (-1.5, 0, 0,
 * 1.5), dy = (-1.5, 0.5, -0.5, 1.5); Sxy = 4.5, Sxx = 4.5, Syy = 5,
 * rho = 4.5/sqrt(22.5) = 0.948683. Monotone transforms leave rho alone:
 * Anscombe x vs exp(x) gives 1. All ties -> undefined. */
START_TEST(spearman_examples) {
    const double x[4] = {1, 2, 2, 3}, y[4] = {1, 3, 2, 4};
    slant_corr c = slant_stats_spearman(x, y, 4, 0.95);
    ck_assert(c.valid);
    NEAR(c.r, 0.948683, 1e-6);
    double ex[11];
    for (int i = 0; i < 11; i++) ex[i] = exp(ansx[i]);
    c = slant_stats_spearman(ansx, ex, 11, 0.95);
    NEAR(c.r, 1.0, 1e-15);
    const double t[4] = {3, 3, 3, 3};
    c = slant_stats_spearman(t, y, 4, 0.95);
    ck_assert(!c.valid);
    double ranks[4];
    EXACT(slant_stats_rank(x, 4, ranks), 6.0); /* one tie of 2: 8 - 2 */
    EXACT(ranks[1], 2.5);
    EXACT(ranks[3], 4);
}
END_TEST

/* Bootstrap of r on Anscombe I: deterministic by seed, the interval
 * contains r and is of the same order as the Fisher interval (0.42, 0.95);
 * resamples with zero variance are dropped (with 11 points, rare). */
START_TEST(bootstrap_pearson) {
    slant_boot_ci a = slant_stats_bootstrap_pearson(ansx, ansy, 11, 2000, 0.95, 99);
    slant_boot_ci b = slant_stats_bootstrap_pearson(ansx, ansy, 11, 2000, 0.95, 99);
    ck_assert(a.valid);
    NEAR(a.estimate, 0.8164205, 1e-7);
    ck_assert(memcmp(&a.ci_low, &b.ci_low, sizeof a.ci_low) == 0);
    ck_assert(memcmp(&a.ci_high, &b.ci_high, sizeof a.ci_high) == 0);
    ck_assert(a.ci_low < a.estimate && a.estimate < a.ci_high);
    ck_assert(a.ci_low > 0.3 && a.ci_high <= 1.0);
    const double k[3] = {1, 1, 1};
    a = slant_stats_bootstrap_pearson(ansx, k, 3, 100, 0.95, 1);
    ck_assert(!a.valid);
    ck_assert_str_eq(a.reason, "zero variance");
    a = slant_stats_bootstrap_pearson(ansx, ansy, 2, 100, 0.95, 1);
    ck_assert_str_eq(a.reason, "n < 3");
}
END_TEST

/* ---- classification ---------------------------------------------------- */

/* Confusion matrix (rows gold, columns predicted):
 *        neg neu pos
 *   neg    5   1   0    support 6
 *   neu    2   3   1    support 6
 *   pos    0   2   6    support 8
 *   predicted 7  6  7
 * neg: P = 5/7, R = 5/6, F1 = 2*5/(6+7) = 10/13 = 0.769231
 * neu: P = 3/6, R = 3/6, F1 = 0.5
 * pos: P = 6/7, R = 6/8, F1 = 12/15 = 0.8
 * macro-F1 = (0.769231 + 0.5 + 0.8)/3 = 0.689744. */
START_TEST(class_metrics_example) {
    const double cm[9] = {5, 1, 0, 2, 3, 1, 0, 2, 6};
    slant_class_metrics m[3];
    int valid = 0;
    double macro = slant_stats_class_metrics(cm, 3, m, &valid);
    ck_assert(valid);
    NEAR(macro, 0.689744, 1e-6);
    NEAR(m[0].precision, 5.0 / 7.0, 1e-15);
    NEAR(m[0].recall, 5.0 / 6.0, 1e-15);
    NEAR(m[0].f1, 10.0 / 13.0, 1e-15);
    EXACT(m[2].support, 8);
    EXACT(m[2].predicted, 7);

    /* class never predicted: precision undefined -> F1 = 0 (zero_division
     * = 0); class absent from gold and predictions: out of the average.
     * {{4,0,0},{2,0,0},{0,0,0}}: c0 P = 4/6, R = 1, F1 = 0.8; c1 F1 = 0;
     * c2 unused; macro = (0.8 + 0)/2 = 0.4. */
    const double cm2[9] = {4, 0, 0, 2, 0, 0, 0, 0, 0};
    macro = slant_stats_class_metrics(cm2, 3, m, &valid);
    ck_assert(valid);
    NEAR(macro, 0.4, 1e-15);
    ck_assert(!m[1].precision_valid && m[1].recall_valid);
    ck_assert(!m[2].precision_valid && !m[2].recall_valid);

    const double empty[4] = {0, 0, 0, 0};
    macro = slant_stats_class_metrics(empty, 2, m, &valid);
    ck_assert(!valid);
    EXACT(macro, 0);
}
END_TEST

Suite *stats_suite(void);
Suite *stats_suite(void) {
    Suite *s = suite_create("stats");
    TCase *tc = tcase_create("stats");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, mean_t_nist_numacc1);
    tcase_add_test(tc, mean_t_nist_numacc234);
    tcase_add_test(tc, mean_t_edges);
    tcase_add_test(tc, mt_matches_gsl);
    tcase_add_test(tc, bootstrap_mean_two_points);
    tcase_add_test(tc, bootstrap_mean_determinism_and_width);
    tcase_add_test(tc, bootstrap_mean_edges);
    tcase_add_test(tc, cluster_bootstrap_ratio);
    tcase_add_test(tc, bootstrap_speed);
    tcase_add_test(tc, poisson_garwood_table);
    tcase_add_test(tc, poisson_edges);
    tcase_add_test(tc, rate_ratio_r_example);
    tcase_add_test(tc, rate_ratio_edges);
    tcase_add_test(tc, welch_sleep);
    tcase_add_test(tc, welch_edges);
    tcase_add_test(tc, mann_whitney_sleep);
    tcase_add_test(tc, mann_whitney_edges);
    tcase_add_test(tc, cohen_d_sleep);
    tcase_add_test(tc, holm_example);
    tcase_add_test(tc, holm_invariants);
    tcase_add_test(tc, kruskal_hollander_wolfe);
    tcase_add_test(tc, kruskal_ties);
    tcase_add_test(tc, kruskal_edges);
    tcase_add_test(tc, chisq_agresti);
    tcase_add_test(tc, chisq_edges);
    tcase_add_test(tc, keyness_examples);
    tcase_add_test(tc, keyness_rank);
    tcase_add_test(tc, jsd_examples);
    tcase_add_test(tc, pearson_anscombe);
    tcase_add_test(tc, pearson_edges);
    tcase_add_test(tc, spearman_examples);
    tcase_add_test(tc, bootstrap_pearson);
    tcase_add_test(tc, class_metrics_example);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(stats_suite)
