/*
 * merge.c - `slant merge PART... -o ALL`: the reduce step. Parts may come in
 * any order, concatenated on stdin, or with their lines sorted (Hadoop
 * Streaming); the merged partial is canonical, so the report made from it
 * equals the report of one run over the whole corpus.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cmd_merge(int argc, char **argv) {
    cli_lexicons lex = {0};
    const char *out = NULL;
    char **files = slant_xmalloc((size_t)argc * sizeof *files);
    size_t nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = cli_lexicons_option(&lex, "merge", argc, argv, &i);
        if (r < 0) goto usage;
        if (r > 0) continue;
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc) {
                cli_usage_error("merge", "%s needs a file", a);
                goto usage;
            }
            out = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_usage_error("merge", "unknown option '%s'", a);
            goto usage;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0) {
        cli_usage_error("merge", "no partial files given ('-' reads standard input)");
        goto usage;
    }
    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set;
    slant_agg *agg;
    if (cli_read_partials(files, nfiles, &lex, 0, &set, &agg, &err) != 0) {
        free(files);
        return cli_fail(&err);
    }
    slant_outfile of;
    int rc = slant_outfile_open(&of, out, &err);
    if (rc == 0) {
        rc = slant_agg_write(agg, of.f, of.path ? of.path : "<stdout>", &err);
        if (slant_outfile_close(&of, rc == 0, &err) != 0) rc = -1;
    }
    slant_agg_free(agg);
    slant_lexset_free(set);
    free(files);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
usage:
    free(files);
    return SLANT_EXIT_USAGE;
}
