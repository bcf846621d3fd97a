/*
 * analyze.c - `slant analyze CORPUS -o DIR`: ingest, score, aggregate,
 * compare and write every report file in one go. It is by construction the
 * same computation as `slant score --partial` on shards, `slant merge` and
 * `slant report`: the same aggregate, the same model, the same writers.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "slant/report.h"
#include "slant/runner.h"

#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif

int cmd_analyze(int argc, char **argv) {
#ifdef __GLIBC__
    /* Each thread keeps glibc's own malloc arena: with one shared arena
     * (M_ARENA_MAX 1, tried) the workers waited on its lock, and -j 2 was
     * slower than -j 1 on the 100 MB bench corpus (6.85 s against 6.46 s
     * wall, 1.75 s of system time in futex waits); per-thread arenas cost
     * 2-12 MB of peak RSS there (105 -> 117 MB) and give 3.99 s. */
    /* No fastbins: small blocks are merged with their free neighbours when
     * freed instead of in one pass (malloc_consolidate) at the next large
     * free, after the report's JSON trees (millions of nodes) are released.
     * malloc_consolidate and the unlinks it does were 4.7% of analyze's
     * CPU, the frees that replace them 0.4%. */
    mallopt(M_MXFAST, 0);
#endif
    cli_lexicons lex = {0};
    slant_run_opts ro = {0};
    slant_analysis_opts ao;
    slant_analysis_opts_default(&ao);
    const char *out = NULL, *rules_path = NULL;
    int force = 0, quiet = 0;
    unsigned long long v, max_texts = 200;
    char *inputs[64];
    size_t ninputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        int r = cli_lexicons_option(&lex, "analyze", argc, argv, &i);
        if (r < 0) return SLANT_EXIT_USAGE;
        if (r > 0) continue;
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (!val) return cli_usage_error("analyze", "%s needs a folder", a);
            out = argv[++i];
        } else if (strcmp(a, "--rules") == 0) {
            if (!val) return cli_usage_error("analyze", "--rules needs a file");
            rules_path = argv[++i];
        } else if (strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0) {
            if (cli_parse_count("analyze", a, val, &v)) return SLANT_EXIT_USAGE;
            ro.threads = (int)(v > 256 ? 256 : v);
            ao.threads = ro.threads; /* the analysis runs on as many */
            i++;
        } else if (strcmp(a, "--seed") == 0) {
            if (cli_parse_count("analyze", a, val, &v)) return SLANT_EXIT_USAGE;
            ao.seed = (uint32_t)v;
            i++;
        } else if (strcmp(a, "--bootstrap") == 0) {
            if (cli_parse_count("analyze", a, val, &v)) return SLANT_EXIT_USAGE;
            if (v < 100 || v > 1000000) return cli_usage_error("analyze", "--bootstrap must be 100..1000000");
            ao.bootstrap = (size_t)v;
            i++;
        } else if (strcmp(a, "--max-texts") == 0) {
            if (cli_parse_count("analyze", a, val, &max_texts)) return SLANT_EXIT_USAGE;
            i++;
        } else if (strcmp(a, "--name") == 0) {
            if (!val) return cli_usage_error("analyze", "--name needs a title");
            ao.corpus_name = argv[++i];
        } else if (strcmp(a, "--force") == 0) {
            force = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            quiet = 1;
        } else if (strcmp(a, "--lenient") == 0) {
            ro.pipeline.lenient = 1;
        } else if (strcmp(a, "--no-clean") == 0) {
            ro.pipeline.no_clean = 1;
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("analyze", "unknown option '%s'", a);
        } else {
            if (ninputs == sizeof inputs / sizeof inputs[0]) return cli_usage_error("analyze", "too many inputs");
            inputs[ninputs++] = argv[i];
        }
    }
    if (ninputs == 0) return cli_usage_error("analyze", "no corpus given");
    if (!out) return cli_usage_error("analyze", "-o DIR is required (the report folder)");
    ro.progress = !quiet && isatty(2);

    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set;
    if (cli_lexicons_load(&lex, inputs[0], &set, &err) != 0) return cli_fail(&err);
    slant_scorer *sc = slant_scorer_new(set, &err);
    if (!sc) {
        slant_lexset_free(set);
        return cli_fail(&err);
    }
    slant_report_install_signal_cleanup();
    slant_agg *agg = slant_agg_new(set);
    /* Analysed, never written: each article's compact record goes to a
     * temporary file as it is scored and the analysis walks them back in
     * id order: about 250 bytes an article stay in memory (ids, the
     * spill's index, unit values, coverage items) instead of ~1.3 KB
     * (1 GB corpus, -j 1: 581 -> 206 MB of peak RSS). */
    slant_agg_compact_spill(agg);
    slant_clean_rules *rules = NULL;
    int rc = slant_run_inputs(inputs, ninputs, rules_path, sc, &ro, agg, &rules, &err);
    if (rc == 0) rc = slant_agg_spill_check(agg, inputs[0], &err);
#ifdef __GLIBC__
    /* The corpus and the workers' aggregates are freed now, in the middle
     * of the heap and in the workers' malloc arenas, where glibc keeps
     * their pages; the analysis allocates in other places, so return them
     * (with the corpus freed before the workers' merge, runner.c: 1 GB
     * corpus, -j 2, 276 -> 226 MB of peak RSS). */
    malloc_trim(0);
#endif
    if (rc == 0 && slant_agg_article_total(agg) == 0) {
        slant_error_set(&err, inputs[0], 0, 0, -1, "the corpus has no articles: nothing to analyse");
        rc = -1;
    }
    size_t narticles = slant_agg_article_total(agg);
    if (rc == 0) rc = cli_write_report(&agg, sc, rules, &ro.pipeline, &ao, (size_t)max_texts, out, force, &err);
    if (rc == 0 && !quiet)
        fprintf(stderr, "slant: %zu articles analysed; report written to %s/\n", narticles, out);
    slant_clean_rules_free(rules);
    slant_agg_free(agg);
    slant_scorer_free(sc);
    slant_lexset_free(set);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
}
