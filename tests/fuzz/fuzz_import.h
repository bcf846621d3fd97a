/*
 * fuzz_import.h - the body of the importer targets (fuzz_import_vader,
 * fuzz_import_afinn, fuzz_import_liwc): convert arbitrary bytes and, when
 * the importer accepts them, check its promise in import.h that the
 * lexicon it writes always reads back with the lexicon parser.
 */
#include "fuzz_common.h"

#include "slant/import.h"

static inline int fuzz_import(int format, const uint8_t *data, size_t size) {
    slant_error err;
    slant_error_clear(&err);
    slant_buf out, warnings;
    slant_buf_init(&out);
    slant_buf_init(&warnings);
    slant_import_stats stats;
    memset(&stats, 0, sizeof stats);
    slant_import_opts opts = {NULL, NULL};
    if (size & 1) opts.category = format == SLANT_IMPORT_LIWC ? "loaded" : "tone";
    int rc = slant_import_text(format, "in.txt", (const char *)data, size, &opts, &out, &warnings,
                               &stats, &err);
    if (rc != 0) {
        fuzz_check_error(&err);
    } else {
        slant_lexset *s = slant_lexset_new();
        slant_error lerr;
        slant_error_clear(&lerr);
        int lrc = slant_lexset_add_text(s, "imported.lex", out.data ? out.data : "", out.len, &lerr);
        if (lrc == 0) lrc = slant_lexset_finish(s, &lerr);
        if (lrc != 0) {
            char msg[2048];
            slant_error_format(&lerr, msg, sizeof msg);
            fprintf(stderr, "imported lexicon does not read back: %s\n", msg);
        }
        FUZZ_CHECK(lrc == 0);
        slant_lexset_free(s);
    }
    slant_buf_free(&out);
    slant_buf_free(&warnings);
    return 0;
}
