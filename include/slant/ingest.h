/*
 * ingest.h - from command-line arguments to clean article text: open each
 * CORPUS|FILE argument, iterate its articles, read, validate and clean each
 * one. Shared by `slant sentences`, `slant clean`, `slant score` and
 * `slant analyze` so every command reads input the same way.
 *
 * An argument is a folder with a manifest, a manifest file (.tsv, .json), a
 * JSON Lines file (.jsonl, .ndjson, or "-" for stdin; streamed, one article
 * at a time), or any other file: one plain-text article whose id is the file
 * name without extension and whose source is the file name.
 *
 * Manifests are opened and checked by slant_ingest_open, before the first
 * article is returned, so a bad manifest fails a run before any output.
 * JSON Lines inputs are checked line by line as they stream.
 *
 * Ownership: everything an item points to belongs to the slant_ingest and
 * stays valid until the next slant_ingest_next call; buffers are reused from
 * article to article (memory grows with the largest article only).
 */
#ifndef SLANT_INGEST_H
#define SLANT_INGEST_H

#include "slant/clean.h"
#include "slant/corpus.h"
#include "slant/util.h"

typedef struct slant_ingest_opts {
    int lenient;       /* replace invalid UTF-8 and NUL bytes with U+FFFD (counted) */
    int no_clean;      /* skip boilerplate cleaning */
    const char *rules; /* cleaning rules file; NULL = slant_clean_rules_default_path() */
} slant_ingest_opts;

typedef struct slant_ingest_item {
    const slant_article *article;
    const char *input;         /* the argument the article came from */
    size_t index;              /* 0-based position of the article in the whole run */
    const char *text;          /* cleaned text (valid UTF-8, no NUL); raw when no_clean */
    size_t len;
    const slant_clean_log *log; /* what cleaning removed (empty when no_clean) */
    const char *input_text;    /* the validated text before cleaning: log offsets point here */
    size_t input_len;
    size_t raw_bytes;          /* bytes read before cleaning */
    size_t replaced;           /* invalid sequences/NULs replaced (lenient only) */
} slant_ingest_item;

typedef struct slant_ingest slant_ingest;

/* Open every argument (nargs >= 1) and load the cleaning rules. */
int slant_ingest_open(char *const *args, size_t nargs, const slant_ingest_opts *opts,
                      slant_ingest **out, slant_error *err);
/* 1 = *item filled, 0 = no more articles, -1 = error (err names the file,
 * line and byte offset). */
int slant_ingest_next(slant_ingest *in, slant_ingest_item *item, slant_error *err);
void slant_ingest_free(slant_ingest *in);

/* The rules in use (NULL when no_clean) and the file they came from. */
const slant_clean_rules *slant_ingest_rules(const slant_ingest *in);
const char *slant_ingest_rules_path(const slant_ingest *in);

/* Check text for NUL bytes and invalid UTF-8. Strict: fill err (file,
 * line, column, byte offset) and return -1. Lenient: write a repaired copy
 * to fixed, point *text and *len at it and return the number of replacements.
 * Returns 0 with text unchanged when it is clean. */
long slant_ingest_validate(const char **text, size_t *len, const char *file, int lenient,
                           slant_buf *fixed, slant_error *err);

#endif
