/*
 * clean.h - removing web-capture boilerplate, driven by a rules file.
 *
 * Rules are data (lexicons/clean.rules, global plus per-source sections), not
 * code. Cleaning works line by line: a line is dropped when a rule matches
 * it, when it repeats an earlier line exactly (captions printed twice), or
 * when it is an image file name; markdown residue (#, **, [text](url)) is
 * stripped inside kept lines. Everything removed is recorded with its rule
 * so `slant clean --show` can print it and reports can count it.
 *
 * Ownership: rules from slant_clean_rules_load are freed with
 * slant_clean_rules_free; a slant_clean_log is caller-owned (init/free).
 */
#ifndef SLANT_CLEAN_H
#define SLANT_CLEAN_H

#include "slant/util.h"

typedef struct slant_clean_rules slant_clean_rules;

int slant_clean_rules_load(const char *path, slant_clean_rules **out, slant_error *err);
/* Parse rules from memory (name is used in messages). */
int slant_clean_rules_parse(const char *name, const char *text, size_t len,
                            slant_clean_rules **out, slant_error *err);
void slant_clean_rules_free(slant_clean_rules *r);

typedef struct slant_clean_removal {
    uint32_t line;        /* 1-based line in the input */
    uint32_t start, end;  /* bytes in the input */
    const char *rule;     /* rule name, e.g. "nav:Accessibility links", "duplicate", "image-file" */
} slant_clean_removal;

typedef struct slant_clean_log {
    slant_clean_removal *items;
    size_t n, cap;
    size_t lines_removed;
    size_t bytes_removed;
    size_t markup_stripped; /* markdown fragments removed inside kept lines */
    size_t paragraphs_joined; /* paragraphs split by the capture, joined (logged as
                                 rule "paragraph-join", not counted as removed lines) */
} slant_clean_log;

void slant_clean_log_init(slant_clean_log *log);
void slant_clean_log_free(slant_clean_log *log);

/* Clean text from `source` (may be NULL) into out (replacing its contents).
 * The output keeps paragraph breaks (blank lines) and line order; log may be
 * NULL. rules may be NULL (then only duplicates, image names and markdown). */
void slant_clean_text(const slant_clean_rules *rules, const char *source, const char *text,
                      size_t len, slant_buf *out, slant_clean_log *log);

/* Reusable scratch for cleaning many articles without allocating per
 * article (slant_clean_text makes and frees one per call). */
typedef struct slant_clean_scratch {
    slant_buf line;
    slant_u64map *seen;
} slant_clean_scratch;
void slant_clean_scratch_init(slant_clean_scratch *s);
void slant_clean_scratch_free(slant_clean_scratch *s);
void slant_clean_text_r(const slant_clean_rules *rules, const char *source, const char *text,
                        size_t len, slant_buf *out, slant_clean_log *log,
                        slant_clean_scratch *scratch);

/* The shipped rules file: $SLANT_LEXICONS/clean.rules, else
 * SLANT_DATADIR/lexicons/clean.rules, else ./lexicons/clean.rules; the
 * first readable one (caller frees), NULL when none is. */
char *slant_clean_rules_default_path(void);

/* Load the rules at path, or the shipped ones when path is NULL; finding
 * none is an error that says to pass --rules or --no-clean. *path_out (may
 * be NULL) receives the file used (caller frees). */
int slant_clean_rules_open(const char *path, slant_clean_rules **out, char **path_out,
                           slant_error *err);

#endif
