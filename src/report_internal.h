/*
 * report_internal.h - helpers shared by the report_*.c renderers only (not
 * installed, not part of the public API): tolerant accessors into the
 * model, number formatting, escaping for HTML and CSV, display names.
 *
 * Accessors never fail: a missing key or a value of the wrong type reads as
 * "absent", so a renderer prints "n/a" instead of crashing on a model that
 * lacks an optional field.
 */
#ifndef SLANT_REPORT_INTERNAL_H
#define SLANT_REPORT_INTERNAL_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "slant/util.h"
#include "slant/report.h"

/* A renderer's output: a buffer that, when f is given, is emptied into f
 * at rflush points (the start of each story, article, ...: the parts that
 * grow with the corpus), so a large report.html or report.md is never
 * whole in memory. Renderers always write into an rsink's buffer (the
 * first member), which is how rflush finds the file. */
typedef struct rsink {
    slant_buf b;
    FILE *f;
    int failed; /* a write to f failed */
} rsink;
void rflush(slant_buf *b);

/* ---- the report as the renderers read it (report_view.c) ----
 * The parts of report.json that grow with the corpus are read one element
 * at a time: the stories, coverage and articles arrays, and each source's
 * speakers (element i of RL_SPEAKERS is sources[i].speakers). Everything
 * else is rview.m. A view reads either a model in memory or a report.json
 * file through its rindex; renderers cannot tell which. */
enum { RL_STORIES, RL_COVERAGE, RL_ARTICLES, RL_SPEAKERS, RL_COUNT };

/* Where each element of those lists lies in a report.json file: built by
 * one scan of the file, then read-only (threads may share it). NULL with
 * err when the file cannot be read or is not a JSON object. */
typedef struct rindex rindex;
rindex *rindex_build(const char *path, slant_error *err);
void rindex_free(rindex *ix);
/* The same index recorded as the file is written (report_json.c), which
 * spares the writer the scan: an empty index of path; a list that is an
 * array in the file (its elements follow, in order; RL_SPEAKERS: one per
 * source, len 0 when that source has no speakers array); a value the small
 * tree leaves out (each list, each speakers array), in file order. */
rindex *rindex_new(const char *path);
void rindex_list(rindex *ix, int list);
void rindex_element(rindex *ix, int list, uint64_t off, uint64_t len);
void rindex_skip(rindex *ix, uint64_t off, uint64_t len);
/* Cut `list` into at most `parts` ranges of elements, each of at least
 * min_bytes of report.json (but one) and about equal size: bounds[0 .. n]
 * with bounds[0] = 0 and bounds[n] = the list's length; returns n (0 for an
 * empty list or one not in the file). bounds has room for parts + 1. */
size_t rindex_split(const rindex *ix, int list, size_t parts, uint64_t min_bytes, size_t *bounds);

typedef struct rview {
    const json_t *m; /* everything but the lists (in a file view, each list reads as []) */
    json_t *tree;    /* m, when parsed from the file */
    const rindex *ix;
    int fd;
    json_t *cur[RL_COUNT]; /* the element last read of each list, its number and what it left out */
    size_t cur_at[RL_COUNT];
    const char *cur_skip[RL_COUNT];
    slant_buf slice;
    slant_buf strings; /* slant_json_parse's decoded strings, reused across elements */
    int failed; /* an element could not be read; err says why */
    slant_error err;
} rview;
/* A view of a model in memory (borrowed; rview_close is then optional). */
void rview_model(rview *v, const json_t *model);
/* A view of the file ix indexes: its own descriptor and small tree. */
int rview_open(rview *v, const rindex *ix, slant_error *err);
void rview_close(rview *v);
size_t rv_len(const rview *v, int list);
/* Element i of a list, NULL when absent or unreadable (then v->failed).
 * Valid until the next rv_get of the same list on v: a renderer walks a
 * list in order and never holds two of its elements at once. */
const json_t *rv_get(rview *v, int list, size_t i);
/* The same, but an element read from the file lacks its member `skip`
 * (a key of the element's object; NULL: none): for a renderer that never
 * reads that member, whose reading would be most of the work (report.md's
 * coverage table has no use for each source's own items). */
const json_t *rv_get_without(rview *v, int list, size_t i, const char *skip);

/* The renderers of report.md, report.html and a CSV table into a sink;
 * the public slant_report_render_* wrap a view of the caller's model and
 * the caller's buffer. rrender_html also writes sentences.csv into
 * `sentences` when given: both walk every article, the largest elements to
 * parse, and then parse each one once. */
int rrender_md(rview *v, rsink *s, slant_error *err);
int rrender_html(rview *v, rsink *s, rsink *sentences, slant_error *err);
int rrender_csv(rview *v, int table, rsink *s, slant_error *err);
/* The same files in pieces that can be rendered on different workers and
 * joined in order (report_write.c); every piece reads through its own view.
 * report.md: its head (before the stories) and tail (from the lexicons on),
 * rendered by one call as the tail's notes are those the head refers to;
 * its stories tables of elements [lo, hi) (the first piece, lo = 0, has
 * the heading). report.html: RH_HEAD, the page up to the coverage tables;
 * RH_TAIL, the rest after them (with sentences.csv into `sentences` when
 * given). The coverage tables of both files, elements [lo, hi), by one
 * call that reads each element once (rrender_coverage, report_html.c). */
enum { RH_HEAD, RH_TAIL };
int rrender_md_ends(rview *v, rsink *head, rsink *tail, slant_error *err);
int rrender_md_stories(rview *v, size_t lo, size_t hi, rsink *s, slant_error *err);
int rrender_html_part(rview *v, int part, rsink *s, rsink *sentences, slant_error *err);
int rrender_coverage(rview *v, size_t lo, size_t hi, rsink *md, rsink *html, slant_error *err);
/* report.md's coverage heading, and one story's coverage table (a
 * coverage element; its "sources" are not read). */
void rmd_coverage_heading(slant_buf *b);
void rmd_coverage_entry(slant_buf *b, const json_t *st);
/* sentences.csv: its header row, then one article's rows at a time. */
void rcsv_sentences_header(slant_buf *b);
void rcsv_sentences_article(slant_buf *b, const json_t *a);

/* report.json written to f as it is rendered (report_write.c): the same
 * bytes as slant_report_render_json, never all in memory; lists[0 ..
 * nlists) (may be 0) go in their keys' places (slant_report_list; not
 * released here). name is f's name for the error. ix (may be NULL), an
 * empty index, gets what rindex_build would read from the file. */
int slant_report_render_json_file(const json_t *model, const slant_report_list *lists, size_t nlists, FILE *f,
                                  const char *name, rindex *ix, slant_error *err);

const json_t *rj_get(const json_t *obj, const char *key);
/* NULL when absent or not a string. */
const char *rj_str(const json_t *obj, const char *key);
/* 1 and *out when obj[key] is a finite number (integer or real). */
int rj_num(const json_t *obj, const char *key, double *out);
int rj_num_value(const json_t *v, double *out);
/* obj[key] as an integer count, or 0. */
long long rj_int(const json_t *obj, const char *key);
int rj_bool(const json_t *obj, const char *key); /* 1 only for true */
size_t rj_len(const json_t *arr);                /* 0 unless an array */

/* Keys of an object sorted by bytes (for maps). Caller frees the array, not the keys. */
const char **rj_sorted_keys(const json_t *obj, size_t *n);

/* Number as text with `sig` significant digits ("%.*g"), -0 as 0; "n/a"
 * when !have. */
void rfmt_num(slant_buf *b, double v, int sig);
/* Fixed decimals, U+2212 minus when `typographic`. */
void rfmt_fixed(slant_buf *b, double v, int decimals, int typographic);
/* 12,345 */
void rfmt_int(slant_buf *b, long long v);
/* p-values: "< 0.001" or 3 significant digits. */
void rfmt_p(slant_buf *b, double p);

void rhtml_escape(slant_buf *b, const char *s, size_t n);
static inline void rhtml_puts(slant_buf *b, const char *s) {
    if (s) rhtml_escape(b, s, strlen(s));
}
/* Markdown table cell: escapes | and drops newlines. */
void rmd_cell(slant_buf *b, const char *s);
/* The HTML anchor for a sentence id: "s-" + id with unsafe bytes as '_'. */
void ranchor(slant_buf *b, const char *prefix, const char *id);

/* Display names: "loaded language", "hedges", ... for a measure key
 * (loaded, hedge, booster, attrib_neutral, attrib_loaded, tone). */
const char *rmeasure_noun(const char *measure);
/* "loaded language, own voice", "stance toward Kestria, quoted" (raw text, caller escapes). */
void rmeasure_label(slant_buf *b, const json_t *model, const char *measure);
/* The tests the summary reports (rate_ratio and welch_t with p_adj below
 * 1 - confidence), grouped by measure. Caller frees *out. */
size_t rsummary_tests(const json_t *model, const json_t ***out);
/* Confidence level of the model as a percentage (95 by default). */
double rconf_percent(const json_t *model);

#endif
