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
    int rc = 0;
    if (!out || strcmp(out, "-") == 0) {
        rc = slant_agg_write(agg, stdout, "<stdout>", &err);
    } else {
        size_t n = strlen(out) + 32;
        char *tmp = slant_xmalloc(n);
        snprintf(tmp, n, "%s.tmp.%ld", out, (long)getpid());
        FILE *f = fopen(tmp, "wb");
        if (f) slant_temp_on_signal(tmp); /* an interrupted merge leaves no half-written file */
        if (!f) rc = slant_error_set(&err, out, 0, 0, -1, "cannot write here: %s; choose another -o FILE",
                                     strerror(errno));
        else {
            rc = slant_agg_write(agg, f, out, &err);
            if (fclose(f) != 0 && rc == 0) rc = slant_error_set(&err, out, 0, 0, -1, "write failed (disk full?)");
            if (rc == 0 && rename(tmp, out) != 0) rc = slant_error_set(&err, out, 0, 0, -1, "cannot rename into place");
            if (rc != 0) remove(tmp);
            slant_temp_on_signal(NULL);
        }
        free(tmp);
    }
    slant_agg_free(agg);
    slant_lexset_free(set);
    free(files);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
usage:
    free(files);
    return SLANT_EXIT_USAGE;
}
