/*
 * main.c - `slant`: the dispatch table and global options. Everything a
 * command does lives in the library; src/cli/NAME.c only parses arguments
 * and prints.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const slant_command commands[] = {
    /* commands are registered here, one entry each, in help order */
    {"sentences", cmd_sentences, "split articles into sentences with voice and speaker (JSON Lines)",
     "usage: slant sentences [--lenient] [--no-clean] CORPUS|FILE...\n\nClean, tokenize, split into sentences and find quotations; print one JSON\nobject per sentence: id, article, source, start, end (byte offsets in the\ncleaned text), text, voice (\"outlet\" or \"quote\"), speaker (or null),\nwords, quoted_words.\n\n  CORPUS      a folder with manifest.tsv/manifest.json, a manifest file, or\n              a JSON Lines file ('-' for stdin)\n  FILE        a plain text file: one article, source = file name\n  --lenient   replace invalid UTF-8 with U+FFFD (counted) instead of failing\n  --no-clean  skip boilerplate cleaning\n"},
    {"clean", cmd_clean, "print cleaned article text, or what cleaning removed (--show)",
     "usage: slant clean [--show] [--rules FILE] CORPUS|FILE...\n\nPrint each article's cleaned text. With --show, print instead every removed\nline with its line number and the rule that removed it, and a count.\n  --rules FILE  cleaning rules (default: the shipped lexicons/clean.rules)\n"},
};

static const size_t ncommands = sizeof commands / sizeof commands[0];

const slant_command *cli_find_command(const char *name) {
    for (size_t i = 0; i < ncommands; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

void cli_usage(const char *name, FILE *f) {
    const slant_command *c = cli_find_command(name);
    if (c) fputs(c->usage, f);
}

int cli_usage_error(const char *name, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "slant %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'slant help %s'.\n", name);
    return SLANT_EXIT_USAGE;
}

int cli_fail(const slant_error *err) {
    slant_error_print(err, stderr);
    return SLANT_EXIT_BAD_INPUT;
}

int cli_is_help(const char *arg) { return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0; }

static void main_usage(FILE *f) {
    fprintf(f,
            "usage: slant [--version] [--help] COMMAND [ARGS]\n"
            "\n"
            "Compare how news outlets frame the same events.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < ncommands; i++)
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(f,
            "\n"
            "'slant help COMMAND' shows a command's options.\n"
            "\n"
            "Exit codes: 0 success; 1 bad input or a failed check (the message names\n"
            "the file, line and column); 2 usage error.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        main_usage(stderr);
        return SLANT_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (cli_is_help(cmd)) {
        main_usage(stdout);
        return SLANT_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("slant %s\n", SLANT_VERSION);
        return SLANT_EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            main_usage(stdout);
            return SLANT_EXIT_OK;
        }
        if (!cli_find_command(argv[2])) {
            fprintf(stderr, "slant: no command '%s'. See 'slant --help'.\n", argv[2]);
            return SLANT_EXIT_USAGE;
        }
        cli_usage(argv[2], stdout);
        return SLANT_EXIT_OK;
    }
    const slant_command *c = cli_find_command(cmd);
    if (!c) {
        fprintf(stderr, "slant: no command '%s'. See 'slant --help'.\n", cmd);
        return SLANT_EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        if (cli_is_help(argv[i])) {
            fputs(c->usage, stdout);
            return SLANT_EXIT_OK;
        }
    }
    return c->run(argc - 1, argv + 1);
}
