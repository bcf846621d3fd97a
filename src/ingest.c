/*
 * ingest.c - the one way every command turns CORPUS|FILE arguments into
 * validated, cleaned article text (see ingest.h).
 *
 * Design: manifests are opened up front (errors before output); JSON Lines
 * streams are read lazily so stdin can be a map step of any size. Three
 * buffers (raw, repaired, cleaned) and the cleaner's scratch live in the
 * slant_ingest and are reused for every article: no allocation per article
 * once the largest one has been seen.
 */
#include "slant/ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slant/text.h"

#ifndef SLANT_DATADIR
#define SLANT_DATADIR "/usr/local/share/slant"
#endif

enum input_kind { IN_CORPUS, IN_JSONL, IN_FILE };

typedef struct input {
    const char *arg;
    enum input_kind kind;
    slant_corpus *corpus;
    size_t next;
    FILE *f;
    slant_jsonl_reader *jr;
    slant_article file_article;
    int done;
} input;

struct slant_ingest {
    input *inputs;
    size_t n, cur;
    slant_ingest_opts opts;
    slant_clean_rules *rules;
    char *rules_path;
    slant_buf raw, fixed, clean;
    slant_clean_scratch scratch;
    slant_clean_log log;
    size_t count;
};

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int open_input(input *in, const char *arg, int *stdin_used, slant_error *err) {
    memset(in, 0, sizeof *in);
    in->arg = arg;
    if (strcmp(arg, "-") == 0) {
        if ((*stdin_used)++)
            return slant_error_set(err, "-", 0, 0, -1, "stdin ('-') can be read only once");
        in->kind = IN_JSONL;
        in->f = stdin;
        in->jr = slant_jsonl_open(stdin, "-");
        return 0;
    }
    struct stat st;
    if (stat(arg, &st) != 0)
        return slant_error_set(err, arg, 0, 0, -1,
                               "cannot open: %s; give a corpus folder, a manifest, a .jsonl "
                               "file, an article file or - for stdin",
                               strerror(errno));
    if (S_ISDIR(st.st_mode) || ends_with(arg, ".tsv") || ends_with(arg, ".json")) {
        in->kind = IN_CORPUS;
        return slant_corpus_open(arg, &in->corpus, err);
    }
    if (ends_with(arg, ".jsonl") || ends_with(arg, ".ndjson")) {
        in->kind = IN_JSONL;
        in->f = fopen(arg, "rb");
        if (!in->f) return slant_error_set(err, arg, 0, 0, -1, "cannot open: %s", strerror(errno));
        in->jr = slant_jsonl_open(in->f, arg);
        return 0;
    }
    if (!S_ISREG(st.st_mode))
        return slant_error_set(err, arg, 0, 0, -1, "not a regular file, folder or manifest");
    /* a plain text file: one article */
    in->kind = IN_FILE;
    slant_article *a = &in->file_article;
    const char *base = strrchr(arg, '/');
    base = base ? base + 1 : arg;
    const char *dot = strrchr(base, '.');
    a->id = slant_xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
    a->source = slant_xstrdup(base);
    a->file = slant_xstrdup(arg);
    a->path = slant_xstrdup(arg);
    a->meta = json_object();
    return 0;
}

static void close_input(input *in) {
    slant_corpus_free(in->corpus);
    slant_jsonl_close(in->jr);
    if (in->f && in->f != stdin) fclose(in->f);
    slant_article_clear(&in->file_article);
}

void slant_ingest_free(slant_ingest *in) {
    if (!in) return;
    for (size_t i = 0; i < in->n; i++) close_input(&in->inputs[i]);
    free(in->inputs);
    slant_clean_rules_free(in->rules);
    free(in->rules_path);
    slant_buf_free(&in->raw);
    slant_buf_free(&in->fixed);
    slant_buf_free(&in->clean);
    slant_clean_scratch_free(&in->scratch);
    slant_clean_log_free(&in->log);
    free(in);
}

int slant_ingest_open(char *const *args, size_t nargs, const slant_ingest_opts *opts,
                      slant_ingest **out, slant_error *err) {
    *out = NULL;
    slant_ingest *in = slant_xcalloc(1, sizeof *in);
    if (opts) in->opts = *opts;
    slant_buf_init(&in->raw);
    slant_buf_init(&in->fixed);
    slant_buf_init(&in->clean);
    slant_clean_scratch_init(&in->scratch);
    slant_clean_log_init(&in->log);
    if (!in->opts.no_clean) {
        if (slant_clean_rules_open(in->opts.rules, &in->rules, &in->rules_path, err) != 0) {
            slant_ingest_free(in);
            return -1;
        }
    }
    in->inputs = slant_xcalloc(nargs ? nargs : 1, sizeof *in->inputs);
    int stdin_used = 0;
    for (size_t i = 0; i < nargs; i++) {
        int rc = open_input(&in->inputs[i], args[i], &stdin_used, err);
        in->n = i + 1;
        if (rc != 0) {
            slant_ingest_free(in);
            return -1;
        }
    }
    *out = in;
    return 0;
}

const slant_clean_rules *slant_ingest_rules(const slant_ingest *in) { return in->rules; }
const char *slant_ingest_rules_path(const slant_ingest *in) { return in->rules_path; }

static void where(const char *s, size_t off, long *line, long *col) {
    long l = 1;
    const char *ls = s;
    for (const char *p = s; p < s + off; p++)
        if (*p == '\n') l++, ls = p + 1;
    *line = l;
    *col = (long)(s + off - ls) + 1;
}

long slant_ingest_validate(const char **text, size_t *len, const char *file, int lenient,
                           slant_buf *fixed, slant_error *err) {
    const char *s = *text;
    size_t n = *len;
    size_t first_bad;
    if (slant_utf8_validate_text(s, n, &first_bad) == 0) return 0; /* one pass, the common case */
    const char *nul = memchr(s, '\0', n);
    size_t bad = 0;
    int invalid = slant_utf8_validate(s, n, &bad) != 0;
    if (!nul && !invalid) return 0;
    if (!lenient) {
        size_t off = nul && (!invalid || (size_t)(nul - s) < bad) ? (size_t)(nul - s) : bad;
        long line, col;
        where(s, off, &line, &col);
        if (nul && off == (size_t)(nul - s))
            return slant_error_set(err, file, line, col, (long long)off,
                                   "NUL byte at byte %zu (a binary file?): fix the file or pass "
                                   "--lenient to replace such bytes with U+FFFD",
                                   off);
        return slant_error_set(err, file, line, col, (long long)off,
                               "invalid UTF-8 (byte 0x%02X at byte %zu): save the file as UTF-8 "
                               "or pass --lenient to replace invalid bytes with U+FFFD",
                               (unsigned char)s[off], off);
    }
    size_t count = 0;
    slant_buf tmp;
    slant_buf_init(&tmp);
    if (nul) { /* NUL is valid UTF-8 but poison for C strings: replace it too */
        size_t run = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] == '\0') {
                slant_buf_append(&tmp, s + run, i - run);
                slant_buf_append(&tmp, "\xEF\xBF\xBD", 3);
                run = i + 1;
                count++;
            }
        slant_buf_append(&tmp, s + run, n - run);
        s = tmp.data;
        n = tmp.len;
    }
    slant_buf_clear(fixed);
    count += slant_utf8_sanitize(s, n, fixed);
    slant_buf_free(&tmp);
    *text = fixed->data;
    *len = fixed->len;
    return (long)count;
}

/* The next article of any input, or NULL at the end. */
static int next_article(slant_ingest *in, const slant_article **a, const char **arg,
                        slant_error *err) {
    while (in->cur < in->n) {
        input *inp = &in->inputs[in->cur];
        *arg = inp->arg;
        switch (inp->kind) {
        case IN_CORPUS:
            if (inp->next < inp->corpus->n) {
                *a = &inp->corpus->articles[inp->next++];
                return 1;
            }
            break;
        case IN_JSONL: {
            slant_article *ja;
            int rc = slant_jsonl_next(inp->jr, &ja, err);
            if (rc < 0) return -1;
            if (rc == 1) {
                *a = ja;
                return 1;
            }
            break;
        }
        case IN_FILE:
            if (!inp->done) {
                inp->done = 1;
                *a = &inp->file_article;
                return 1;
            }
            break;
        }
        in->cur++;
    }
    return 0;
}

int slant_ingest_next(slant_ingest *in, slant_ingest_item *item, slant_error *err) {
    const slant_article *a = NULL;
    const char *arg = NULL;
    int rc = next_article(in, &a, &arg, err);
    if (rc <= 0) return rc;
    const char *text;
    size_t len;
    if (slant_article_text(a, &in->raw, &text, &len, err) != 0) return -1;
    memset(item, 0, sizeof *item);
    item->article = a;
    item->input = arg;
    item->index = in->count++;
    item->raw_bytes = len;
    const char *name = a->path ? a->path : arg;
    long replaced = slant_ingest_validate(&text, &len, name, in->opts.lenient, &in->fixed, err);
    if (replaced < 0) return -1;
    item->replaced = (size_t)replaced;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) text += 3, len -= 3;
    if (len > SLANT_TEXT_MAX)
        return slant_error_set(err, name, 0, 0, -1,
                               "article is larger than 1 GiB (the text pipeline's limit): split it into several articles");
    item->input_text = text;
    item->input_len = len;
    if (in->opts.no_clean) {
        slant_clean_log_free(&in->log);
        item->text = text;
        item->len = len;
    } else {
        slant_clean_text_r(in->rules, a->source, text, len, &in->clean, &in->log, &in->scratch);
        item->text = in->clean.data;
        item->len = in->clean.len;
    }
    item->log = &in->log;
    return 1;
}
