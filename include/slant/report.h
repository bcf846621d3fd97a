/*
 * report.h - the report writers: render the report model (a jansson json_t
 * whose shape is docs/report-schema.md, schema 1.0) as report.json,
 * report.md, report.html and CSV tables, and write them into a folder
 * safely.
 *
 * The model is the single source of truth: renderers only format what is in
 * it (they never recompute a statistic), so every number a person sees can
 * be found in report.json. Renderers tolerate missing optional fields
 * (printed as "n/a") and refuse a model whose schema_version is not 1.x.
 *
 * Ownership: the caller owns the model (renderers never modify or keep it)
 * and the output buffers (initialised by the caller; renderers append).
 * Every function returns 0 on success, -1 with err filled on failure.
 */
#ifndef SLANT_REPORT_H
#define SLANT_REPORT_H

#include <jansson.h>

#include "slant/util.h"

#define SLANT_REPORT_SCHEMA_VERSION "1.0"

/* The CSV tables, in the order they are written. */
enum slant_report_csv {
    SLANT_CSV_SOURCES = 0,
    SLANT_CSV_STANCE,
    SLANT_CSV_FRAMES,
    SLANT_CSV_NAMING,
    SLANT_CSV_KEYNESS,
    SLANT_CSV_TESTS,
    SLANT_CSV_SENTENCES,
    SLANT_CSV_COUNT
};

/* Check the model's schema_version ("1.x"); err says what was found. */
int slant_report_check_model(const json_t *model, slant_error *err);

/* Canonical JSON: keys in schema order, reals with up to 6 significant
 * digits, non-finite numbers as null. Same model, same bytes. */
int slant_report_render_json(const json_t *model, slant_buf *out, slant_error *err);
/* report.md: summary sentences, warnings, tables, caveats. */
int slant_report_render_md(const json_t *model, slant_buf *out, slant_error *err);
/* report.html: one self-contained page (inline CSS and SVG, no network). */
int slant_report_render_html(const json_t *model, slant_buf *out, slant_error *err);
/* One CSV table (RFC 4180, CRLF). */
int slant_report_render_csv(const json_t *model, int table, slant_buf *out, slant_error *err);
/* "sources.csv", ... for a table; NULL when out of range. */
const char *slant_report_csv_name(int table);

/* One plain-language sentence for a test object of the model's `tests`
 * ("The Partisan Ledger uses loaded language 3.1 times as often as Meridian
 * Wire in its own voice (95% CI 1.6-6.0; Holm-adjusted p = 0.003)."),
 * appended to out. The analysis calls it to fill each test's `summary`; the
 * Markdown summary uses it too. model (may be NULL) gives the confidence
 * level. Returns 1 when a sentence was written, 0 when the test lacks what
 * a sentence needs (nothing appended). */
int slant_report_test_sentence(const json_t *model, const json_t *test, slant_buf *out);

/* 1 when name is one of the files slant_report_write_dir writes (or one of
 * its temporary files), 0 otherwise. */
int slant_report_is_own_file(const char *name);

/* Render report.json, then every other file from report.json read back
 * (so each figure shown equals the one in report.json, and re-rendering a
 * saved report.json reproduces every file byte for byte; the lists that
 * grow with the corpus are read back one element at a time, so memory
 * does not grow with them); each file goes to a temporary name in dir
 * (".NAME.slant-tmp.PID"), then rename them all into place. dir is created
 * when missing (one level). Refuses a dir holding any entry that is not a
 * slant report file unless force. On any failure every temporary file is
 * removed and nothing half-written is left. */
int slant_report_write_dir(const json_t *model, const char *dir, int force, slant_error *err);
/* The same, taking the model over (json_decref'd, also on failure) as soon
 * as report.json is rendered (for large models), and rendering report.md,
 * report.html and the CSV tables at once on up to `threads` threads (<= 0:
 * one per online CPU). The files are the same bytes whatever the number. */
int slant_report_write_dir_take(json_t *model, const char *dir, int force, int threads, slant_error *err);

/* A list of the model made one element at a time as report.json is
 * written, each element written and freed at once: for the lists that grow
 * with the corpus, whose jansson tree would be several times the size of
 * their JSON text (the analysis makes "stories" and "coverage" so, see
 * slant_analysis_model_lists). key is a root key of the model's schema
 * that the model itself does not hold; the list is written where that key
 * goes, exactly as an array of the same elements in the model would be.
 * element(state, i) returns element i, a new object or array reference the
 * writer releases; it is called for i = 0, 1, ..., n - 1 in that order,
 * each once. release(state) (may be NULL) frees state; the writer calls it
 * once, whether the list was written or not. */
typedef struct slant_report_list {
    const char *key;
    size_t n;
    json_t *(*element)(void *state, size_t i);
    void (*release)(void *state);
    void *state;
    /* When given, the writer uses it, not element: element i already
     * rendered for this place (slant_report_render_json_element), written
     * as it is; *len is set. Called in order like element; a list is read
     * through one of the two, never both. element may then be NULL. */
    const char *(*rendered)(void *state, size_t i, size_t *len);
} slant_report_list;

/* An element of the root list `key` rendered as report.json prints it
 * there (the same bytes), appended to out: about a fifth of the memory of
 * its jansson tree, for a list made before the model is written. */
void slant_report_render_json_element(const json_t *element, const char *key, slant_buf *out);

/* slant_report_write_dir_take for a model whose lists[0 .. nlists) are
 * not in it: they are written into report.json in their keys' places, and
 * released (every one, also on failure) as soon as it is written. The files
 * are the same bytes as for the model holding the lists as arrays. */
int slant_report_write_dir_take_lists(json_t *model, slant_report_list *lists, size_t nlists, const char *dir,
                                      int force, int threads, slant_error *err);

/* Remove the temporary files of a slant_report_write_dir in progress.
 * Async-signal-safe (only unlink on paths prepared in advance): call it from
 * a SIGINT/SIGTERM handler, or install slant_report_install_signal_cleanup. */
void slant_report_cleanup_temps(void);
/* Install SIGINT and SIGTERM handlers that call slant_report_cleanup_temps,
 * restore the default action and re-raise the signal (so the exit status
 * still says "killed by SIGINT"). For the CLI; call once before writing. */
int slant_report_install_signal_cleanup(void);

#endif
