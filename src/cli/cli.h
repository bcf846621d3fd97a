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

/* one declaration per command, in the order of the table in main.c */
int cmd_sentences(int argc, char **argv);
int cmd_clean(int argc, char **argv);

#endif
