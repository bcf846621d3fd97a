/*
 * lexicon_diff.c - `slant lexicon diff --base SET --new SET CORPUS`: how
 * every per-source figure of the report changes between two lexicon sets,
 * and which entries cause it.
 *
 * The corpus is scored twice through the same runner and analysis as
 * `slant analyze` (so each figure is the one a report would print), then
 * src/tune.c compares the two models. A corpus's own lexicons.set is not
 * added to either side: the two sets given are the whole comparison.
 * Bootstrap intervals are not compared, so the analysis runs with the
 * smallest replicate count analyze accepts; point estimates do not depend
 * on it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "slant/runner.h"
#include "slant/tune.h"

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Score the corpus with one set into a model; the set and aggregate stay
 * alive for the causes. */
static int model_for(const char *set_path, char *corpus, const char *rules_path, const slant_run_opts *ro,
                     slant_lexset **set, slant_agg **agg, json_t **model, slant_error *err) {
    cli_lexicons l = {0};
    l.layers[0] = set_path;
    l.is_set[0] = ends_with(set_path, ".set");
    l.n = 1;
    l.no_corpus_lexicons = 1;
    if (cli_lexicons_load(&l, NULL, set, err) != 0) return -1;
    slant_scorer *sc = slant_scorer_new(*set, err);
    if (!sc) return -1;
    *agg = slant_agg_new(*set);
    slant_clean_rules *rules = NULL;
    char *inputs[1] = {corpus};
    int rc = slant_run_inputs(inputs, 1, rules_path, sc, ro, *agg, &rules, err);
    if (rc == 0 && slant_agg_article_count(*agg) == 0)
        rc = slant_error_set(err, corpus, 0, 0, -1, "the corpus has no articles: nothing to compare");
    if (rc == 0) {
        slant_analysis_opts ao;
        slant_analysis_opts_default(&ao);
        ao.bootstrap = 100;
        *model = slant_analysis_model(*agg, &ao);
    }
    slant_clean_rules_free(rules);
    slant_scorer_free(sc);
    return rc;
}

static void print_num(const json_t *v) {
    if (json_is_number(v)) printf(" %12.6g", json_number_value(v));
    else printf(" %12s", "n/a");
}

static void print_table(const json_t *d, int all) {
    const json_t *sum = json_object_get(d, "summary"), *lex = json_object_get(d, "lexicons");
    printf("lexicon diff: base set %s, new set %s\n", json_string_value(json_object_get(lex, "base")),
           json_string_value(json_object_get(lex, "new")));
    printf("%lld entr%s differ; %lld of %lld per-source figures change\n",
           (long long)json_integer_value(json_object_get(sum, "entries_changed")),
           json_integer_value(json_object_get(sum, "entries_changed")) == 1 ? "y" : "ies",
           (long long)json_integer_value(json_object_get(sum, "figures_changed")),
           (long long)json_integer_value(json_object_get(sum, "figures")));
    printf("\nentries that cause the changes (impact = hits x |weight change|):\n");
    printf("  %10s %8s  %-8s %8s %8s  %-28s %s\n", "impact", "hits", "change", "base", "new", "term", "category");
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(d, "causes"), i, c) {
        printf("  %10.4g %8lld  %-8s", json_number_value(json_object_get(c, "impact")),
               (long long)json_integer_value(json_object_get(c, "hits")),
               json_string_value(json_object_get(c, "change")));
        const json_t *b = json_object_get(c, "base_weight"), *n = json_object_get(c, "new_weight");
        if (json_is_number(b)) printf(" %8.4g", json_number_value(b));
        else printf(" %8s", "-");
        if (json_is_number(n)) printf(" %8.4g", json_number_value(n));
        else printf(" %8s", "-");
        printf("  %-28s %s  (%s)\n", json_string_value(json_object_get(c, "term")),
               json_string_value(json_object_get(c, "category")), json_string_value(json_object_get(c, "where")));
    }
    if (json_array_size(json_object_get(d, "causes")) == 0) printf("  none: the two sets have the same entries\n");
    json_t *s;
    json_array_foreach(json_object_get(d, "sources"), i, s) {
        json_int_t nch = json_integer_value(json_object_get(s, "changed"));
        printf("\n%s: %lld %s\n", json_string_value(json_object_get(s, "name")), (long long)nch,
               nch == 1 ? "figure changes" : "figures change");
        size_t j;
        json_t *f;
        int header = 0;
        json_array_foreach(json_object_get(s, "figures"), j, f) {
            if (!all && !json_is_true(json_object_get(f, "changed"))) continue;
            if (!header++) printf("  %-40s %12s %12s %12s\n", "figure", "base", "new", "change");
            printf("  %-40s", json_string_value(json_object_get(f, "figure")));
            print_num(json_object_get(f, "base"));
            print_num(json_object_get(f, "new"));
            print_num(json_object_get(f, "change"));
            printf("\n");
        }
    }
}

int cmd_lexicon_diff(int argc, char **argv) {
    const char *base_path = NULL, *new_path = NULL, *format = "json", *rules_path = NULL;
    char *corpus = NULL;
    unsigned long long top = 20, v;
    int all = 0;
    slant_run_opts ro = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--base") == 0 || strcmp(a, "--new") == 0 || strcmp(a, "--format") == 0 ||
            strcmp(a, "--rules") == 0) {
            if (!val) return cli_usage_error("lexicon", "diff: %s needs a value", a);
            i++;
            if (strcmp(a, "--base") == 0) base_path = val;
            else if (strcmp(a, "--new") == 0) new_path = val;
            else if (strcmp(a, "--format") == 0) format = val;
            else rules_path = val;
        } else if (strcmp(a, "--top") == 0 || strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0) {
            if (cli_parse_count("lexicon", a, val, &v)) return SLANT_EXIT_USAGE;
            i++;
            if (strcmp(a, "--top") == 0) top = v;
            else ro.threads = (int)(v > 256 ? 256 : v);
        } else if (strcmp(a, "--all") == 0) {
            all = 1;
        } else if (strcmp(a, "--lenient") == 0) {
            ro.pipeline.lenient = 1;
        } else if (strcmp(a, "--no-clean") == 0) {
            ro.pipeline.no_clean = 1;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("lexicon", "diff: unknown option '%s'", a);
        } else if (corpus) {
            return cli_usage_error("lexicon", "diff: one CORPUS at a time");
        } else {
            corpus = argv[i];
        }
    }
    if (!base_path || !new_path) return cli_usage_error("lexicon", "diff: --base SET and --new SET are required");
    if (!corpus) return cli_usage_error("lexicon", "diff: which CORPUS?");
    if (strcmp(format, "json") && strcmp(format, "table"))
        return cli_usage_error("lexicon", "diff: --format must be json or table, not '%s'", format);

    slant_error err;
    slant_error_clear(&err);
    slant_lexset *sets[2] = {NULL, NULL};
    slant_agg *aggs[2] = {NULL, NULL};
    json_t *models[2] = {NULL, NULL};
    const char *paths[2] = {base_path, new_path};
    int rc = 0;
    for (int k = 0; k < 2 && rc == 0; k++)
        rc = model_for(paths[k], corpus, rules_path, &ro, &sets[k], &aggs[k], &models[k], &err);
    if (rc == 0) {
        json_t *d = slant_lexdiff(models[0], models[1], aggs[0], aggs[1], (size_t)top);
        if (strcmp(format, "table") == 0) {
            print_table(d, all);
        } else {
            char *s = json_dumps(d, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
            if (!s || fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
                rc = slant_error_set(&err, "", 0, 0, -1, "cannot write to standard output");
            free(s);
        }
        if (rc == 0 && fflush(stdout) != 0) rc = slant_error_set(&err, "", 0, 0, -1, "cannot write to standard output");
        json_decref(d);
    }
    for (int k = 0; k < 2; k++) {
        json_decref(models[k]);
        slant_agg_free(aggs[k]);
        slant_lexset_free(sets[k]);
    }
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
}
