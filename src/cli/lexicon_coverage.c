/*
 * lexicon_coverage.c - `slant lexicon coverage CORPUS`: how much of each
 * source the lexicons cover, and the uncovered words to look at first.
 *
 * Parsing and printing only; the counting is src/tune.c. The corpus is
 * read once on one thread (coverage is a maintainer's question about a
 * sample, not a throughput job) and cleaned as `analyze` cleans it, so the
 * words counted are the words the report scores.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "slant/tune.h"

static int visit(void *ctx, const slant_article *a, const slant_doc *d, slant_error *err) {
    (void)err;
    slant_coverage_add(ctx, a->source, d);
    return 0;
}

static double num(const json_t *o, const char *k) { return json_number_value(json_object_get(o, k)); }

static void print_table(const json_t *root) {
    const json_t *corpus = json_object_get(root, "corpus");
    printf("corpus: %lld articles, %lld words, %.1f%% covered by some lexicon entry (set %s)\n",
           (long long)json_integer_value(json_object_get(corpus, "articles")),
           (long long)json_integer_value(json_object_get(corpus, "words")),
           100 * num(json_object_get(corpus, "covered"), "share"),
           json_string_value(json_object_get(json_object_get(root, "lexicons"), "hash")));
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(root, "sources"), i, s) {
        printf("\n%s: %lld articles, %lld words, %.1f%% covered\n", json_string_value(json_object_get(s, "name")),
               (long long)json_integer_value(json_object_get(s, "articles")),
               (long long)json_integer_value(json_object_get(s, "words")),
               100 * num(json_object_get(s, "covered"), "share"));
        printf("  families:");
        const char *k;
        json_t *v;
        json_object_foreach(json_object_get(s, "families"), k, v)
            if (json_integer_value(json_object_get(v, "tokens"))) printf(" %s %.2f%%", k, 100 * num(v, "share"));
        printf("\n  categories:");
        int col = 14;
        json_object_foreach(json_object_get(s, "categories"), k, v) {
            char cell[256];
            int n = snprintf(cell, sizeof cell, " %s %.2f%%", k, 100 * num(v, "share"));
            if (col + n > 78) {
                printf("\n             ");
                col = 13;
            }
            fputs(cell, stdout);
            col += n;
        }
        printf("\n  uncovered, most frequent (count):\n   ");
        size_t j;
        json_t *w;
        json_array_foreach(json_object_get(s, "uncovered_frequent"), j, w)
            printf(" %s (%lld)", json_string_value(json_object_get(w, "term")),
                   (long long)json_integer_value(json_object_get(w, "count")));
        printf("\n  uncovered, most distinctive (count here / elsewhere, G2, log2 ratio):\n");
        if (json_object_get(s, "reason")) printf("    n/a: %s\n", json_string_value(json_object_get(s, "reason")));
        json_array_foreach(json_object_get(s, "uncovered_distinctive"), j, w)
            printf("    %-24s %6lld / %-6lld G2 %8.2f  %+.2f\n", json_string_value(json_object_get(w, "term")),
                   (long long)json_integer_value(json_object_get(w, "count")),
                   (long long)json_integer_value(json_object_get(w, "reference_count")), num(w, "g2"),
                   num(w, "log_ratio"));
    }
}

int cmd_lexicon_coverage(int argc, char **argv) {
    cli_lexicons lex = {0};
    const char *corpus_path = NULL, *format = "json", *stop_path = NULL, *rules_path = NULL;
    unsigned long long top = 20, min_count = 5;
    slant_walk_opts wo = {NULL, 0, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        int r = cli_lexicons_option(&lex, "lexicon", argc, argv, &i);
        if (r < 0) return SLANT_EXIT_USAGE;
        if (r > 0) continue;
        if (strcmp(a, "--format") == 0 || strcmp(a, "--stopwords") == 0 || strcmp(a, "--rules") == 0) {
            if (!val) return cli_usage_error("lexicon", "coverage: %s needs a value", a);
            i++;
            if (strcmp(a, "--format") == 0) format = val;
            else if (strcmp(a, "--stopwords") == 0) stop_path = val;
            else rules_path = val;
        } else if (strcmp(a, "--top") == 0 || strcmp(a, "--min-count") == 0) {
            if (cli_parse_count("lexicon", a, val, strcmp(a, "--top") == 0 ? &top : &min_count)) return SLANT_EXIT_USAGE;
            i++;
        } else if (strcmp(a, "--lenient") == 0) {
            wo.lenient = 1;
        } else if (strcmp(a, "--no-clean") == 0) {
            wo.no_clean = 1;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("lexicon", "coverage: unknown option '%s'", a);
        } else if (corpus_path) {
            return cli_usage_error("lexicon", "coverage: one CORPUS at a time");
        } else {
            corpus_path = a;
        }
    }
    if (!corpus_path) return cli_usage_error("lexicon", "coverage: which CORPUS?");
    if (strcmp(format, "json") && strcmp(format, "table"))
        return cli_usage_error("lexicon", "coverage: --format must be json or table, not '%s'", format);

    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set = NULL;
    slant_strmap *stop = NULL;
    slant_corpus *c = NULL;
    slant_clean_rules *rules = NULL;
    slant_coverage *cv = NULL;
    int rc = cli_lexicons_load(&lex, corpus_path, &set, &err);
    if (rc == 0) rc = slant_stopwords_load(stop_path, &stop, &err);
    if (rc == 0) rc = slant_corpus_open(corpus_path, &c, &err);
    if (rc == 0 && !wo.no_clean) {
        char *path = rules_path ? slant_xstrdup(rules_path) : slant_clean_rules_default_path();
        if (path) rc = slant_clean_rules_load(path, &rules, &err);
        free(path);
    }
    if (rc == 0) {
        wo.rules = rules;
        cv = slant_coverage_new(set, stop);
        rc = slant_corpus_walk(c, &wo, visit, cv, &err);
    }
    if (rc == 0) {
        json_t *root = slant_coverage_json(cv, (size_t)top, (size_t)min_count);
        if (strcmp(format, "table") == 0) {
            print_table(root);
        } else {
            char *s = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
            if (!s || fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
                rc = slant_error_set(&err, "", 0, 0, -1, "cannot write to standard output");
            free(s);
        }
        json_decref(root);
        if (rc == 0 && fflush(stdout) != 0) rc = slant_error_set(&err, "", 0, 0, -1, "cannot write to standard output");
    }
    slant_coverage_free(cv);
    slant_clean_rules_free(rules);
    slant_corpus_free(c);
    slant_strmap_free(stop);
    slant_lexset_free(set);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
}
