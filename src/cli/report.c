/*
 * report.c - `slant report ALL -o DIR`: the report files from a (merged)
 * partial, through the same model and writers as `slant analyze`.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "slant/report.h"

int cmd_report(int argc, char **argv) {
    cli_lexicons lex = {0};
    slant_analysis_opts ao;
    slant_analysis_opts_default(&ao);
    slant_pipeline_opts po = {0, 0};
    const char *out = NULL, *rules_path = NULL;
    int force = 0;
    unsigned long long v, max_texts = 200;
    char **files = slant_xmalloc((size_t)argc * sizeof *files);
    size_t nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        int r = cli_lexicons_option(&lex, "report", argc, argv, &i);
        if (r < 0) goto usage;
        if (r > 0) continue;
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (!val) { cli_usage_error("report", "%s needs a folder", a); goto usage; }
            out = argv[++i];
        } else if (strcmp(a, "--rules") == 0) {
            if (!val) { cli_usage_error("report", "--rules needs a file"); goto usage; }
            rules_path = argv[++i];
        } else if (strcmp(a, "--seed") == 0) {
            if (cli_parse_count("report", a, val, &v)) goto usage;
            ao.seed = (uint32_t)v;
            i++;
        } else if (strcmp(a, "--bootstrap") == 0) {
            if (cli_parse_count("report", a, val, &v)) goto usage;
            if (v < 100 || v > 1000000) { cli_usage_error("report", "--bootstrap must be 100..1000000"); goto usage; }
            ao.bootstrap = (size_t)v;
            i++;
        } else if (strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0) {
            if (cli_parse_count("report", a, val, &v)) goto usage;
            ao.threads = (int)(v > 256 ? 256 : v);
            i++;
        } else if (strcmp(a, "--max-texts") == 0) {
            if (cli_parse_count("report", a, val, &max_texts)) goto usage;
            i++;
        } else if (strcmp(a, "--name") == 0) {
            if (!val) { cli_usage_error("report", "--name needs a title"); goto usage; }
            ao.corpus_name = argv[++i];
        } else if (strcmp(a, "--force") == 0) {
            force = 1;
        } else if (strcmp(a, "--lenient") == 0) {
            po.lenient = 1;
        } else if (strcmp(a, "--no-clean") == 0) {
            po.no_clean = 1;
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_usage_error("report", "unknown option '%s'", a);
            goto usage;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0) { cli_usage_error("report", "no partial given"); goto usage; }
    if (!out) { cli_usage_error("report", "-o DIR is required (the report folder)"); goto usage; }
    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set;
    slant_agg *agg;
    if (cli_read_partials(files, nfiles, &lex, 1, &set, &agg, &err) != 0) {
        free(files);
        return cli_fail(&err);
    }
    int rc = 0;
    slant_scorer *sc = slant_scorer_new(set, &err);
    slant_clean_rules *rules = NULL;
    if (!sc) rc = -1;
    if (rc == 0 && !po.no_clean) rc = slant_clean_rules_open(rules_path, &rules, NULL, &err);
    if (rc == 0) {
        slant_report_install_signal_cleanup();
        rc = cli_write_report(&agg, sc, rules, &po, &ao, (size_t)max_texts, out, force, &err);
    }
    slant_clean_rules_free(rules);
    slant_scorer_free(sc);
    slant_agg_free(agg);
    slant_lexset_free(set);
    free(files);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
usage:
    free(files);
    return SLANT_EXIT_USAGE;
}
