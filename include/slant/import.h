/*
 * import.h - converting published lexicons into slant's lexicon format
 * (lexicons/README.md).
 *
 *   VADER  term<TAB>mean<TAB>sd<TAB>[ratings]  weight = mean / 4, rounded to
 *          4 decimals; category `tone` unless opts->category says otherwise.
 *   AFINN  term<TAB>score (terms may be several words)  weight = score / 5;
 *          category `tone` unless opts->category says otherwise.
 *   LIWC   .dic: a `%` line, `id<TAB>name` category lines, a `%` line, then
 *          `word<TAB>id...` (`word*` is a prefix wildcard). Each LIWC
 *          category becomes FAMILY.<name>, FAMILY = opts->category or
 *          `frame`; weight 1.
 *
 * The output is re-read with the lexicon parser before it is returned:
 * a source line the format cannot hold (a multi-word wildcard, say) is
 * left out and reported in `warnings`, so what is written always passes
 * `slant lexicon check`. Terms that differ only in case from another term
 * of the file are marked `case` so both keep their own weight.
 *
 * Ownership: the caller owns `out` and `warnings` (appended to).
 */
#ifndef SLANT_IMPORT_H
#define SLANT_IMPORT_H

#include <stddef.h>

#include "slant/util.h"

enum slant_import_format { SLANT_IMPORT_VADER = 0, SLANT_IMPORT_AFINN, SLANT_IMPORT_LIWC };

/* "vader", "afinn", "liwc" -> enum; -1 when unknown. */
int slant_import_format_find(const char *name);

typedef struct slant_import_opts {
    const char *name;     /* @lexicon name; NULL = from the file name */
    const char *category; /* VADER/AFINN: the category; LIWC: the family prefix */
} slant_import_opts;

typedef struct slant_import_stats {
    size_t lines;    /* source entry lines read */
    size_t entries;  /* entries written */
    size_t skipped;  /* source entries left out (see warnings) */
    size_t cased;    /* entries marked `case` */
    size_t categories; /* LIWC: categories in the header */
} slant_import_stats;

/* Convert text (named `file` in messages) and append the lexicon to out.
 * Warnings, one "file:line: ..." line each, go to `warnings` (may be NULL).
 * Malformed source lines are errors naming file, line and column. */
int slant_import_text(int format, const char *file, const char *text, size_t len,
                      const slant_import_opts *opts, slant_buf *out, slant_buf *warnings,
                      slant_import_stats *stats, slant_error *err);
int slant_import_file(int format, const char *path, const slant_import_opts *opts,
                      slant_buf *out, slant_buf *warnings, slant_import_stats *stats,
                      slant_error *err);

/* Append term with the escapes of the lexicon format (\\ \* and a leading
 * \# or \@), so it reads back as exactly these bytes. */
void slant_import_escape_term(slant_buf *out, const char *term, size_t n);

#endif
