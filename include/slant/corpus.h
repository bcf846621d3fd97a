/*
 * corpus.h - a corpus: articles with their source, story and metadata.
 *
 * Inputs: a folder holding manifest.tsv or manifest.json; a manifest file
 * given directly; a JSON Lines file (or "-" for stdin), one article per line
 * with its text inline. TSV manifests have a header row and are read by
 * column name; unknown columns are kept in `meta`. Required per article:
 * id (or file: the id is then the file name without extension), source, and
 * text (inline `text`, or a `file` relative to the corpus folder that may not
 * leave it). Optional: date, story, event, title, author, url.
 *
 * Ownership: slant_corpus_free frees everything, including each article's
 * `meta` (a jansson object; NULL for a TSV row when the manifest has no
 * extra columns, see corpus.c). Article text is not loaded by
 * slant_corpus_open for file-based corpora: call slant_article_text.
 */
#ifndef SLANT_CORPUS_H
#define SLANT_CORPUS_H

#include <jansson.h>
#include <stdio.h>

#include "slant/util.h"

typedef struct slant_article {
    char *id, *source, *story, *event, *date, *title, *author, *url; /* NULL when absent (id, source never) */
    char *file;      /* path as written in the manifest, NULL for inline text */
    char *path;      /* resolved path, NULL for inline text */
    char *text;      /* inline text (JSON/JSONL), NULL otherwise */
    size_t text_len;
    json_t *meta;    /* every other column/field, strings; may be NULL (TSV) */
    long line;       /* manifest line, for messages */
    /* when name_off > 0: path + name_off is the file's name in the folder
     * open as dir_fd (owned by the corpus), which slant_article_text opens
     * it relative to; 0: path is opened as it is */
    size_t name_off;
    int dir_fd;
    /* the file's size when the manifest was checked (0: unknown): the read
     * then needs no extra read() to see the end of the file */
    size_t file_size;
    /* set for TSV rows: id ... url, file and text live in the corpus's
     * `strings` arena, and slant_article_clear leaves them there */
    int in_arena;
} slant_article;

typedef struct slant_corpus {
    char *root;          /* folder paths are relative to */
    char *manifest;      /* file the articles came from ("-" for stdin) */
    slant_article *articles;
    size_t n, cap;
    int *dir_fds;        /* the articles' folder descriptors (-1: none), closed by slant_corpus_free */
    size_t ndir_fds;
    slant_arena *strings; /* TSV fields (one arena, not a malloc per field), or NULL */
} slant_corpus;

/* Open a folder, a manifest file (.tsv/.json) or a JSON Lines file (.jsonl,
 * .ndjson, or "-"). Errors name the manifest file and line. */
int slant_corpus_open(const char *path, slant_corpus **out, slant_error *err);
void slant_corpus_free(slant_corpus *c);

/* The article's raw text: inline text, or the file read into buf (replacing
 * its contents). *text and *len point into the article or buf. */
int slant_article_text(const slant_article *a, slant_buf *buf, const char **text, size_t *len,
                       slant_error *err);

/* Streaming JSON Lines: one article at a time, for map steps on stdin. */
typedef struct slant_jsonl_reader slant_jsonl_reader;
slant_jsonl_reader *slant_jsonl_open(FILE *f, const char *name);
/* 1 = an article was read into *a (valid until the next call), 0 = end,
 * -1 = error (err filled with file and line). */
int slant_jsonl_next(slant_jsonl_reader *r, slant_article **a, slant_error *err);
void slant_jsonl_close(slant_jsonl_reader *r);

/* Build an article from one JSON object (used by the JSON and JSONL
 * readers); takes no reference to obj. */
int slant_article_from_json(json_t *obj, slant_article *a, const char *file, long line,
                            slant_error *err);
void slant_article_clear(slant_article *a);

#endif
