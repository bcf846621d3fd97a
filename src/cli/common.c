/*
 * common.c - option handling shared by the commands that load lexicons and
 * read corpora, so that every command spells --lexicon, --set and -j alike.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "slant/display.h"
#include "slant/report.h"
#include "slant/runner.h"

int cli_lexicons_option(cli_lexicons *l, const char *cmd, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    if (strcmp(a, "--no-corpus-lexicons") == 0) {
        l->no_corpus_lexicons = 1;
        return 1;
    }
    int is_set = strcmp(a, "--set") == 0;
    if (!is_set && strcmp(a, "--lexicon") != 0) return 0;
    if (*i + 1 >= argc) {
        cli_usage_error(cmd, "%s needs a file", a);
        return -1;
    }
    if (l->n == (int)(sizeof l->layers / sizeof l->layers[0])) {
        cli_usage_error(cmd, "too many lexicon layers (at most 64)");
        return -1;
    }
    l->is_set[l->n] = is_set;
    l->layers[l->n++] = argv[++*i];
    return 1;
}

static int is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_lexicons_load(const cli_lexicons *l, const char *corpus, slant_lexset **out, slant_error *err) {
    slant_lexset *set = slant_lexset_new();
    int rc = 0;
    if (l->n == 0) rc = slant_lexset_load_default(set, err);
    for (int i = 0; rc == 0 && i < l->n; i++)
        rc = l->is_set[i] ? slant_lexset_add_setfile(set, l->layers[i], err)
                          : slant_lexset_add_file(set, l->layers[i], err);
    if (rc == 0 && corpus && !l->no_corpus_lexicons && slant_is_corpus_path(corpus)) {
        /* a manifest file stands for its folder */
        char *dir;
        if (is_dir(corpus)) dir = slant_xstrdup(corpus);
        else {
            const char *slash = strrchr(corpus, '/');
            dir = slash ? slant_xstrndup(corpus, (size_t)(slash - corpus)) : slant_xstrdup(".");
        }
        char *own = slant_path_join(dir, "lexicons.set");
        free(dir);
        struct stat st;
        if (stat(own, &st) == 0) rc = slant_lexset_add_setfile(set, own, err);
        free(own);
    }
    if (rc == 0) rc = slant_lexset_finish(set, err);
    if (rc != 0) {
        slant_lexset_free(set);
        return -1;
    }
    *out = set;
    return 0;
}

int cli_parse_count(const char *cmd, const char *opt, const char *val, unsigned long long *out) {
    char *end;
    if (!val || !*val || *val == '-') {
        cli_usage_error(cmd, "%s needs a whole number", opt);
        return -1;
    }
    *out = strtoull(val, &end, 10);
    if (*end) {
        cli_usage_error(cmd, "%s needs a whole number, not '%s'", opt, val);
        return -1;
    }
    return 0;
}

/* The model and the article texts do not read each other (the texts read
 * the scorer and their own copies of the first records; the evidence they
 * add to the model waits for slant_display_take_list), so with two threads
 * or more the texts are made beside the model's build, whose walk over the
 * records runs on one thread; they then wait in a temporary file while the
 * model's tasks are at the peak of memory (+10 MB on the bench corpus). */
typedef struct report_jobs {
    slant_agg *agg;
    const slant_analysis_opts *aopts;
    slant_report_list *lists;
    json_t *model;
    slant_display *display;
    const slant_scorer *sc;
    const slant_clean_rules *rules;
    const slant_pipeline_opts *popts;
    int display_threads;
    int beside; /* the texts are made beside the model */
} report_jobs;

static int report_job(void *arg, size_t i, int worker) {
    (void)worker;
    report_jobs *j = arg;
    if (i == 0) j->model = slant_analysis_model_lists(j->agg, j->aopts, j->lists);
    else slant_display_render(j->display, j->sc, j->rules, j->popts, j->display_threads, j->beside);
    return 0;
}

/* Each large structure is released as soon as the next step no longer
 * needs it (the aggregate once the model and the texts are built, the model
 * once report.json is rendered): they were all alive at once at the peak. */
int cli_write_report(slant_agg **agg, const slant_scorer *sc, const slant_clean_rules *rules,
                     const slant_pipeline_opts *popts, const slant_analysis_opts *aopts,
                     size_t max_texts, const char *dir, int force, slant_error *err) {
    slant_report_list lists[4];
    static const char *const unread = "cannot read back temporary records (set TMPDIR)";
    slant_display *display = slant_display_new(*agg, max_texts);
    if (!display) return slant_error_set(err, dir, 0, 0, -1, "%s", unread);
    int threads = aopts->threads > 0 ? aopts->threads : slant_cpu_count();
    report_jobs j = {*agg, aopts, lists, NULL, display, sc, rules, popts, threads > 1 ? threads - 1 : 1, threads > 1};
    slant_parallel_for(threads > 1 ? 2 : 1, 2, report_job, &j);
    slant_agg_free(*agg);
    *agg = NULL;
    if (j.model && slant_display_take_list(display, j.model, &lists[3]) != 0) {
        for (size_t i = 0; i < 3; i++)
            if (lists[i].release) lists[i].release(lists[i].state);
        json_decref(j.model);
        j.model = NULL;
    }
    if (!j.model) {
        slant_display_free(display);
        return slant_error_set(err, dir, 0, 0, -1, "%s", unread);
    }
    /* the files are rendered on as many threads as the model was built */
    return slant_report_write_dir_take_lists(j.model, lists, 4, dir, force, aopts->threads, err);
}

/* Does the line [p, p+n) contain "slant_partial" in quotes (the header's
 * key)? memmem is not POSIX. */
static int names_header_key(const char *p, size_t n) {
    static const char key[] = "\"slant_partial\"";
    const size_t k = sizeof key - 1;
    for (const char *end = p + n; (size_t)(end - p) >= k; p++) {
        p = memchr(p, '"', (size_t)(end - p) - k + 1);
        if (!p) return 0;
        if (memcmp(p, key, k) == 0) return 1;
    }
    return 0;
}

/* Lexicon layers recorded in a partial's header line, as files. */
static int layers_from_header(const slant_buf *b, const char *name, cli_lexicons *l, slant_error *err) {
    const char *p = b->data, *end = b->data + b->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        /* only a line naming the key can be the header: article lines
         * (all of them, when the parts were line-sorted) are not parsed */
        json_t *j = names_header_key(p, n) ? json_loadb(p, n, 0, NULL) : NULL;
        json_t *layers = j ? json_object_get(j, "lexicons") : NULL;
        if (j && json_object_get(j, "slant_partial") && json_is_array(layers)) {
            for (size_t i = 0; i < json_array_size(layers) && l->n < 64; i++) {
                const char *path = json_string_value(json_object_get(json_array_get(layers, i), "path"));
                if (!path) continue;
                l->is_set[l->n] = 0;
                l->layers[l->n++] = slant_xstrdup(path); /* freed by cli_read_partials */
            }
            json_decref(j);
            return 0;
        }
        json_decref(j);
        p = nl ? nl + 1 : end;
    }
    return slant_error_set(err, name, 0, 0, -1,
                           "no partial header found: is this the output of 'slant score --partial'?");
}

/* A regular file is read as a stream (a partial is as large as the text
 * it came from, and a report needs only its records, which wait in a
 * temporary file); anything else - "-", a pipe - is read into memory once. */
static int partial_is_streamed(const char *path) {
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The header's layers, from a streamed file: its first line that names
 * the header key (not always the first line: sorted parts). */
static int layers_from_file(const char *path, cli_lexicons *l, slant_error *err) {
    FILE *f = fopen(path, "r");
    if (!f) return slant_error_set(err, path, 0, 0, -1, "cannot open: %s; check the path", strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 1;
    slant_buf b;
    slant_buf_init(&b);
    while (rc == 1 && (n = getline(&line, &cap, f)) > 0) {
        if (!names_header_key(line, (size_t)n)) continue;
        slant_buf_clear(&b);
        slant_buf_append(&b, line, (size_t)n);
        slant_error probe;
        slant_error_clear(&probe);
        if (layers_from_header(&b, path, l, &probe) == 0) rc = 0;
    }
    free(line);
    slant_buf_free(&b);
    fclose(f);
    if (rc == 1)
        rc = slant_error_set(err, path, 0, 0, -1,
                             "no partial header found: is this the output of 'slant score --partial'?");
    return rc;
}

int cli_read_partials(char **files, size_t nfiles, const cli_lexicons *lex, int compact,
                      slant_lexset **set_out, slant_agg **agg_out, slant_error *err) {
    slant_buf *bufs = slant_xcalloc(nfiles ? nfiles : 1, sizeof *bufs);
    char *streamed = slant_xcalloc(nfiles ? nfiles : 1, 1);
    int rc = 0;
    for (size_t i = 0; i < nfiles && rc == 0; i++) {
        slant_buf_init(&bufs[i]);
        streamed[i] = (char)partial_is_streamed(files[i]);
        if (!streamed[i]) rc = slant_read_file(files[i], &bufs[i], 0, err);
    }
    cli_lexicons from_header = {0};
    const cli_lexicons *use = lex;
    if (rc == 0 && lex->n == 0) {
        rc = streamed[0] ? layers_from_file(files[0], &from_header, err)
                         : layers_from_header(&bufs[0], files[0], &from_header, err);
        use = &from_header;
    }
    slant_lexset *set = NULL;
    if (rc == 0) rc = cli_lexicons_load(use, NULL, &set, err);
    for (int i = 0; i < from_header.n; i++) free((char *)from_header.layers[i]);
    slant_agg *agg = rc == 0 ? slant_agg_new(set) : NULL;
    if (agg && compact) slant_agg_compact_spill(agg); /* records wait in a temporary file, as in analyze */
    for (size_t i = 0; i < nfiles && rc == 0; i++) {
        const char *name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
        FILE *f = streamed[i] ? fopen(files[i], "r")
                              : fmemopen(bufs[i].data, bufs[i].len ? bufs[i].len : 1, "r");
        if (!f) {
            rc = streamed[i] ? slant_error_set(err, name, 0, 0, -1, "cannot open: %s; check the path", strerror(errno))
                             : slant_error_set(err, name, 0, 0, -1, "cannot read");
            break;
        }
        if (streamed[i] ? fgetc(f) == EOF : bufs[i].len == 0) {
            fclose(f);
            rc = slant_error_set(err, name, 0, 0, -1, "not a valid slant partial: empty file");
            break;
        }
        if (streamed[i]) rewind(f);
        rc = slant_agg_read(agg, f, name, err);
        fclose(f);
    }
    if (rc == 0 && agg && compact) rc = slant_agg_spill_check(agg, nfiles ? files[0] : "<stdin>", err);
    for (size_t i = 0; i < nfiles; i++) slant_buf_free(&bufs[i]);
    free(bufs);
    free(streamed);
    if (rc != 0) {
        slant_agg_free(agg);
        slant_lexset_free(set);
        return -1;
    }
    *set_out = set;
    *agg_out = agg;
    return 0;
}
