/*
 * lexicon.c - `slant lexicon SUBCOMMAND`: check, stats, import (and room
 * for coverage, suggest, diff).
 *
 * Subcommands dispatch through the table below, git-style: a later
 * subcommand lives in its own file src/cli/lexicon_NAME.c as
 * `int cmd_lexicon_NAME(int argc, char **argv)` (argv[0] = "NAME"),
 * declared in cli.h and added as one row here; its usage lines go into the
 * `lexicon` entry of main.c's table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "slant/import.h"
#include "slant/lexicon.h"

static int lexicon_check(int argc, char **argv);
static int lexicon_stats(int argc, char **argv);
static int lexicon_import(int argc, char **argv);

typedef struct lexicon_subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
} lexicon_subcommand;

static const lexicon_subcommand subcommands[] = {
    {"check", lexicon_check},
    {"stats", lexicon_stats},
    {"import", lexicon_import},
    {"coverage", cmd_lexicon_coverage},
    {"suggest", cmd_lexicon_suggest},
    {"diff", cmd_lexicon_diff},
};

int cmd_lexicon(int argc, char **argv) {
    if (argc < 2) return cli_usage_error("lexicon", "which subcommand? (check, stats, import, coverage, suggest, diff)");
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        if (strcmp(subcommands[i].name, argv[1]) == 0) return subcommands[i].run(argc - 1, argv + 1);
    return cli_usage_error("lexicon", "no subcommand '%s'", argv[1]);
}

/* "--opt VALUE" or "--opt=VALUE": returns the value and advances *i, or
 * NULL when argv[*i] is not this option. *missing is set when it has no value. */
static const char *option_value(int argc, char **argv, int *i, const char *opt, int *missing) {
    size_t n = strlen(opt);
    const char *a = argv[*i];
    if (strncmp(a, opt, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != '\0') return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void print_error(const slant_error *e) {
    char buf[2048];
    slant_error_format(e, buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
}

/* ---- check ---- */

static int lexicon_check(int argc, char **argv) {
    int quiet = 0, nfiles = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) quiet = 1;
        else if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error("lexicon", "check: unknown option '%s'", argv[i]);
        else nfiles++;
    }
    if (nfiles == 0) return cli_usage_error("lexicon", "check: give one or more lexicon or .set files");
    for (int i = 1; i < argc; i++) {
        const char *path = argv[i];
        if (path[0] == '-' && path[1]) continue;
        slant_lexset *s = slant_lexset_new();
        slant_lexset_keep_going(s, 1);
        slant_error err;
        slant_error_clear(&err);
        if (ends_with(path, ".set")) slant_lexset_add_setfile(s, path, &err);
        else slant_lexset_add_file(s, path, &err);
        size_t nerr = slant_lexset_error_count(s);
        for (size_t k = 0; k < nerr; k++) print_error(slant_lexset_error(s, k));
        if (nerr == 0 && slant_lexset_finish(s, &err) != 0) {
            print_error(&err);
            nerr = 1;
        }
        size_t nwarn = slant_lexset_warning_count(s);
        if (!quiet)
            for (size_t k = 0; k < nwarn; k++) fprintf(stderr, "%s\n", slant_lexset_warning(s, k));
        if (nerr) {
            printf("%s: %zu error%s, %zu warning%s\n", path, nerr, nerr == 1 ? "" : "s", nwarn,
                   nwarn == 1 ? "" : "s");
            failed = 1;
        } else {
            printf("%s: ok, %zu entries, %zu warning%s, hash %s\n", path,
                   slant_lexset_entry_count(s), nwarn, nwarn == 1 ? "" : "s", slant_lexset_hash(s));
        }
        slant_lexset_free(s);
    }
    return failed ? SLANT_EXIT_BAD_INPUT : SLANT_EXIT_OK;
}

/* ---- stats ---- */

struct cat_counts {
    size_t entries, multi, wild, cased;
};

static int lexicon_stats(int argc, char **argv) {
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    int added = 0, quiet = 0;
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        if ((v = option_value(argc, argv, &i, "--lexicon", &missing))) {
            if (slant_lexset_add_file(s, v, &err) != 0) goto fail;
            added++;
        } else if ((v = option_value(argc, argv, &i, "--set", &missing))) {
            if (slant_lexset_add_setfile(s, v, &err) != 0) goto fail;
            added++;
        } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
        } else {
            slant_lexset_free(s);
            if (missing) return cli_usage_error("lexicon", "stats: %s needs a file", argv[i]);
            return cli_usage_error("lexicon", "stats: unexpected argument '%s'", argv[i]);
        }
        if (missing) {
            slant_lexset_free(s);
            return cli_usage_error("lexicon", "stats: %s needs a file", argv[i]);
        }
    }
    if (!added && slant_lexset_load_default(s, &err) != 0) goto fail;
    if (slant_lexset_finish(s, &err) != 0) goto fail;

    size_t nent = slant_lexset_entry_count(s), ncat = slant_lexset_category_count(s);
    size_t nlay = slant_lexset_layer_count(s);
    printf("lexicon set: %zu layer%s, %zu entries, %zu categories, hash %s\n\n", nlay,
           nlay == 1 ? "" : "s", nent, ncat, slant_lexset_hash(s));
    printf("%-3s %-20s %-8s %8s %9s %9s %10s  %s\n", "#", "layer", "version", "entries",
           "overrides", "conflicts", "duplicates", "file");
    for (size_t l = 0; l < nlay; l++) {
        const slant_layer *L = slant_lexset_layer(s, l);
        printf("%-3zu %-20s %-8s %8zu %9zu %9zu %10zu  %s\n", l + 1, L->name ? L->name : "-",
               L->version ? L->version : "-", L->entries, L->overrides, L->conflicts,
               L->duplicates, L->path);
    }

    /* per category, in name order */
    struct cat_counts *cc = slant_xcalloc(ncat + 1, sizeof *cc);
    struct cat_counts tot = {0, 0, 0, 0};
    for (size_t i = 0; i < nent; i++) {
        const slant_entry *e = slant_lexset_entry(s, i);
        struct cat_counts *c = &cc[e->category];
        c->entries++;
        c->multi += e->ntoks > 1;
        c->wild += !!(e->flags & SLANT_EF_WILDCARD);
        c->cased += !!(e->flags & SLANT_EF_CASE);
    }
    size_t *order = slant_xmalloc((ncat + 1) * sizeof *order);
    for (size_t i = 0; i < ncat; i++) order[i] = i;
    for (size_t i = 1; i < ncat; i++) { /* insertion sort by name: a few dozen categories */
        size_t x = order[i], j = i;
        while (j > 0 && strcmp(slant_lexset_category(s, order[j - 1])->name,
                               slant_lexset_category(s, x)->name) > 0)
            order[j] = order[j - 1], j--;
        order[j] = x;
    }
    int w = 8; /* widest category name */
    for (size_t k = 0; k < ncat; k++) {
        int len = (int)strlen(slant_lexset_category(s, k)->name);
        if (len > w) w = len;
    }
    printf("\n%-*s %8s %10s %9s %6s  %s\n", w, "category", "entries", "multi-word", "wildcards",
           "case", "label");
    for (size_t k = 0; k < ncat; k++) {
        const slant_category *c = slant_lexset_category(s, order[k]);
        const struct cat_counts *n = &cc[order[k]];
        printf("%-*s %8zu %10zu %9zu %6zu  %s\n", w, c->name, n->entries, n->multi, n->wild,
               n->cased, c->label);
        tot.entries += n->entries;
        tot.multi += n->multi;
        tot.wild += n->wild;
        tot.cased += n->cased;
    }
    printf("%-*s %8zu %10zu %9zu %6zu\n", w, "total", tot.entries, tot.multi, tot.wild, tot.cased);

    /* overlaps: the same term (folded form) in two layers, any categories */
    if (nlay > 1 && nlay <= 64) {
        slant_strmap *m = slant_strmap_new(nent + 16);
        uint64_t *masks = slant_xcalloc(nent + 1, sizeof *masks);
        size_t nterms = 0;
        for (size_t i = 0; i < nent; i++) {
            const slant_entry *e = slant_lexset_entry(s, i);
            slant_buf key;
            slant_buf_init(&key);
            slant_buf_puts(&key, e->norm);
            if (e->flags & SLANT_EF_WILDCARD) slant_buf_putc(&key, '*');
            int ins;
            uint32_t *v = slant_strmap_upsert(m, key.data, key.len,
                                              slant_hash_bytes(key.data, key.len),
                                              (uint32_t)nterms, &ins);
            if (ins) nterms++;
            masks[*v] |= 1ULL << e->layer;
            slant_buf_free(&key);
        }
        size_t *pair = slant_xcalloc(nlay * nlay, sizeof *pair);
        for (size_t t = 0; t < nterms; t++)
            for (size_t a = 0; a < nlay; a++)
                if (masks[t] >> a & 1)
                    for (size_t b = a + 1; b < nlay; b++)
                        if (masks[t] >> b & 1) pair[a * nlay + b]++;
        printf("\noverlaps between layers (the same term in both, in different categories):\n");
        int any = 0;
        for (size_t a = 0; a < nlay; a++)
            for (size_t b = a + 1; b < nlay; b++)
                if (pair[a * nlay + b]) {
                    const slant_layer *A = slant_lexset_layer(s, a), *B = slant_lexset_layer(s, b);
                    printf("  %-20s %-20s %6zu\n", A->name ? A->name : A->path,
                           B->name ? B->name : B->path, pair[a * nlay + b]);
                    any = 1;
                }
        if (!any) printf("  none\n");
        free(pair);
        free(masks);
        slant_strmap_free(m);
    }
    size_t nwarn = slant_lexset_warning_count(s);
    printf("\n%zu warning%s (overrides, conflicts, duplicates)%s\n", nwarn, nwarn == 1 ? "" : "s",
           nwarn && quiet ? "; drop -q to list them" : "");
    if (!quiet)
        for (size_t k = 0; k < nwarn; k++) printf("  %s\n", slant_lexset_warning(s, k));
    free(order);
    free(cc);
    slant_lexset_free(s);
    return SLANT_EXIT_OK;
fail:
    slant_lexset_free(s);
    return cli_fail(&err);
}

/* ---- import ---- */

static int lexicon_import(int argc, char **argv) {
    const char *from = NULL, *out = NULL, *file = NULL;
    slant_import_opts opts = {NULL, NULL};
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        if ((v = option_value(argc, argv, &i, "--from", &missing))) from = v;
        else if ((v = option_value(argc, argv, &i, "-o", &missing))) out = v;
        else if ((v = option_value(argc, argv, &i, "--output", &missing))) out = v;
        else if ((v = option_value(argc, argv, &i, "--name", &missing))) opts.name = v;
        else if ((v = option_value(argc, argv, &i, "--category", &missing))) opts.category = v;
        else if (missing) return cli_usage_error("lexicon", "import: %s needs a value", argv[i]);
        else if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error("lexicon", "import: unknown option '%s'", argv[i]);
        else if (file) return cli_usage_error("lexicon", "import: one FILE at a time");
        else file = argv[i];
    }
    if (!from) return cli_usage_error("lexicon", "import: say --from vader, afinn or liwc");
    int fmt = slant_import_format_find(from);
    if (fmt < 0) return cli_usage_error("lexicon", "import: unknown format '%s' (vader, afinn, liwc)", from);
    if (!file) return cli_usage_error("lexicon", "import: which FILE?");
    slant_buf buf, warn;
    slant_buf_init(&buf);
    slant_buf_init(&warn);
    slant_import_stats st;
    slant_error err;
    int rc = slant_import_file(fmt, file, &opts, &buf, &warn, &st, &err);
    if (warn.len) fputs(warn.data, stderr);
    if (rc == 0) {
        if (out && strcmp(out, "-") != 0) {
            rc = slant_write_file_atomic(out, buf.data ? buf.data : "", buf.len, &err);
        } else if (buf.len && fwrite(buf.data, 1, buf.len, stdout) != buf.len) {
            rc = slant_error_set(&err, "", 0, 0, -1, "cannot write to standard output");
        }
    }
    if (rc == 0)
        fprintf(stderr, "imported %zu entries from %s (%zu source entries, %zu skipped, %zu marked case)%s%s\n",
                st.entries, file, st.lines, st.skipped, st.cased, out ? " into " : "",
                out ? out : "");
    slant_buf_free(&buf);
    slant_buf_free(&warn);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
}
