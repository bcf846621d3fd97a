/*
 * cli.h - the command table and helpers shared by the subcommands.
 *
 * Each subcommand lives in src/cli/NAME.c as `int cmd_NAME(int argc, char **argv)`
 * (argv[0] is the command name) and returns an exit code (SLANT_EXIT_*). Its
 * usage text is registered in the table in main.c, which `slant help NAME`
 * and `slant NAME --help` print.
 */
#ifndef SLANT_CLI_H
#define SLANT_CLI_H

#include "slant/aggregate.h"
#include "slant/analysis.h"
#include "slant/lexicon.h"
#include "slant/pipeline.h"
#include "slant/util.h"

typedef struct slant_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary; /* one line for `slant --help` */
    const char *usage;   /* full text for `slant help NAME` */
} slant_command;

const slant_command *cli_find_command(const char *name);
/* Print the command's usage to f (stdout for --help, stderr for errors). */
void cli_usage(const char *name, FILE *f);
/* Report a usage error ("slant NAME: msg", then a hint) and return SLANT_EXIT_USAGE. */
int cli_usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print err and return SLANT_EXIT_BAD_INPUT. */
int cli_fail(const slant_error *err);
/* True when argv[i] is --help or -h. */
int cli_is_help(const char *arg);

/* ---- options shared by the commands that score (common.c) ---- */

/* Lexicon layers from --lexicon FILE and --set FILE, in command-line order.
 * No layer given: the shipped default set. A corpus folder's own
 * lexicons.set (if any) is added after them unless --no-corpus-lexicons. */
typedef struct cli_lexicons {
    const char *layers[64];
    int is_set[64];
    int n;
    int no_corpus_lexicons;
} cli_lexicons;

/* If argv[*i] is a lexicon option, consume it (and its value) and return 1;
 * 0 when it is not; -1 after printing a usage error. */
int cli_lexicons_option(cli_lexicons *l, const char *cmd, int argc, char **argv, int *i);
/* Build and finish the set; corpus may be NULL. */
int cli_lexicons_load(const cli_lexicons *l, const char *corpus, slant_lexset **out,
                      slant_error *err);
/* Parse a non-negative integer option value; -1 after a usage error. */
int cli_parse_count(const char *cmd, const char *opt, const char *val, unsigned long long *out);
/* Read partial files ("-" = stdin) into one aggregate. Without lexicon
 * options the set is rebuilt from the layer paths recorded in the first
 * partial; either way its hash must match every part. compact: the
 * aggregate is only analysed (slant_agg_compact), never written. */
int cli_read_partials(char **files, size_t nfiles, const cli_lexicons *lex, int compact,
                      slant_lexset **set_out, slant_agg **agg_out, slant_error *err);

/* Model, article display and every report file into dir (analyze, report),
 * the files rendered on up to `threads` threads (-j; <= 0: one per CPU).
 * Frees *agg (and sets it to NULL) as soon as it is no longer needed. */
int cli_write_report(slant_agg **agg, const slant_scorer *sc, const slant_clean_rules *rules,
                     const slant_pipeline_opts *popts, const slant_analysis_opts *aopts,
                     size_t max_texts, const char *dir, int force, slant_error *err);

/* one declaration per command, in the order of the table in main.c */
int cmd_analyze(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
/* `slant lexicon` subcommands in their own files (lexicon_NAME.c) */
int cmd_lexicon_coverage(int argc, char **argv);
int cmd_lexicon_suggest(int argc, char **argv);
int cmd_lexicon_diff(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_eval(int argc, char **argv);

#endif
