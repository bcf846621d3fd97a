/*
 * eval.c - `slant eval`: score labelled data and print agreement figures.
 *
 * Only argument parsing and printing live here; readers and metrics are in
 * src/eval.c. The lexicon set is the default one unless --lexicon/--set
 * layers are given, so two sets can be compared on the same gold file.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "slant/eval.h"
#include "slant/lexicon.h"
#include "slant/score.h"

static void print_prf_row(const char *name, const slant_prf *p) {
    printf("  %-10s precision %.3f  recall %.3f  F1 %.3f  (gold n=%zu)\n", name, p->precision,
           p->recall, p->f1, p->support);
}

static void print_confusion(const slant_confusion3 *c) {
    static const char *const names[3] = {"negative", "neutral", "positive"};
    printf("  confusion (rows gold, columns predicted)\n  %-10s %9s %9s %9s\n", "", names[0],
           names[1], names[2]);
    for (int g = 0; g < 3; g++)
        printf("  %-10s %9zu %9zu %9zu\n", names[g], c->m[g][0], c->m[g][1], c->m[g][2]);
}

int cmd_eval(int argc, char **argv) {
    const char *task = NULL, *gold = NULL, *format = "json";
    unsigned long long seed = 42;
    cli_lexicons lex = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        int lr = cli_lexicons_option(&lex, "eval", argc, argv, &i);
        if (lr < 0) return SLANT_EXIT_USAGE;
        if (lr > 0) continue;
        if (strcmp(a, "--task") == 0 || strcmp(a, "--gold") == 0 || strcmp(a, "--format") == 0 ||
            strcmp(a, "--seed") == 0) {
            if (!val) return cli_usage_error("eval", "%s needs a value", a);
            i++;
            if (strcmp(a, "--task") == 0) task = val;
            else if (strcmp(a, "--gold") == 0) gold = val;
            else if (strcmp(a, "--format") == 0) format = val;
            else if (cli_parse_count("eval", "--seed", val, &seed) != 0)
                return SLANT_EXIT_USAGE;
        } else {
            return cli_usage_error("eval", "unknown argument '%s'", a);
        }
    }
    if (!task) return cli_usage_error("eval", "--task tone|stance|loaded is required");
    if (!gold) return cli_usage_error("eval", "--gold FILE is required");
    if (strcmp(task, "tone") && strcmp(task, "stance") && strcmp(task, "loaded"))
        return cli_usage_error("eval", "--task must be tone, stance or loaded, not '%s'", task);
    if (strcmp(format, "json") && strcmp(format, "table"))
        return cli_usage_error("eval", "--format must be json or table, not '%s'", format);

    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set = NULL;
    if (cli_lexicons_load(&lex, NULL, &set, &err) != 0) return cli_fail(&err);
    slant_scorer *sc = slant_scorer_new(set, &err);
    if (!sc) {
        slant_lexset_free(set);
        return cli_fail(&err);
    }
    int rc = 0;
    json_t *out = NULL;
    int table = strcmp(format, "table") == 0;
    if (strcmp(task, "tone") == 0) {
        slant_eval_tone r;
        rc = slant_eval_tone_file(sc, gold, seed, &r, &err);
        if (rc == 0 && table) {
            printf("tone on %s (n=%zu)\n  Pearson r  %.3f  (95%% bootstrap CI %.3f to %.3f, %zu "
                   "resamples, seed %llu)\n  Spearman   %.3f\n  3-class F1 %.3f (macro; neutral "
                   "when |x| < %.2f), accuracy %.3f\n",
                   gold, r.n, r.pearson_r, r.pearson_ci_low, r.pearson_ci_high, r.bootstrap,
                   seed, r.spearman_r, r.f1_3class, SLANT_NEUTRAL_BAND, r.accuracy);
            print_prf_row("negative", &r.cls[0]);
            print_prf_row("neutral", &r.cls[1]);
            print_prf_row("positive", &r.cls[2]);
            print_confusion(&r.confusion);
        } else if (rc == 0) {
            out = slant_eval_tone_json(&r);
        }
    } else if (strcmp(task, "stance") == 0) {
        slant_eval_stance r;
        rc = slant_eval_stance_file(sc, gold, &r, &err);
        if (rc == 0 && table) {
            printf("stance on %s (n=%zu targets, %zu without a token)\n  macro-F1 %.3f, "
                   "accuracy %.3f (neutral when |stance| < %.2f)\n",
                   gold, r.n, r.skipped, r.macro_f1, r.accuracy, SLANT_NEUTRAL_BAND);
            print_prf_row("negative", &r.cls[0]);
            print_prf_row("neutral", &r.cls[1]);
            print_prf_row("positive", &r.cls[2]);
            print_confusion(&r.confusion);
        } else if (rc == 0) {
            out = slant_eval_stance_json(&r);
        }
    } else {
        slant_eval_loaded r;
        rc = slant_eval_loaded_file(sc, gold, &r, &err);
        if (rc == 0 && table) {
            printf("loaded language on %s (n=%zu sentences)\n  words: precision %.3f  recall "
                   "%.3f  F1 %.3f  (tp %zu, fp %zu, fn %zu)\n",
                   gold, r.n, r.words.precision, r.words.recall, r.words.f1, r.tp, r.fp, r.fn);
            if (r.labelled)
                printf("  sentences (n=%zu labelled): precision %.3f  recall %.3f  F1 %.3f\n",
                       r.labelled, r.sentences.precision, r.sentences.recall, r.sentences.f1);
        } else if (rc == 0) {
            out = slant_eval_loaded_json(&r);
        }
    }
    if (out) {
        char *s = json_dumps(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        if (s) {
            puts(s);
            free(s);
        }
        json_decref(out);
    }
    slant_scorer_free(sc);
    slant_lexset_free(set);
    if (rc != 0) return cli_fail(&err);
    if (fflush(stdout) != 0) {
        slant_error_set(&err, NULL, 0, 0, -1, "cannot write the results to standard output");
        return cli_fail(&err);
    }
    return SLANT_EXIT_OK;
}
