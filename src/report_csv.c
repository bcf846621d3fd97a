/*
 * report_csv.c - the CSV tables of a report (sources, stance, frames,
 * naming, keyness, tests, sentences), RFC 4180: comma-separated, CRLF line
 * ends, a header row, fields quoted only when they contain a comma, a quote,
 * CR or LF, quotes doubled. An undefined number is an empty cell; tables
 * whose rows can hold one carry a `reason` column.
 *
 * Numbers keep the precision of report.json (6 significant digits) so a
 * spreadsheet sees the same values the JSON holds.
 */
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "slant/report.h"

typedef struct {
    slant_buf *b;
    int col;
} csvrow;

static void cell_raw(csvrow *r) {
    if (r->col++) slant_buf_putc(r->b, ',');
}

/* A cell of the bytes [s, s + n) up to the first NUL, quoted when it holds
 * a comma, a quote or a line break. */
static void cell_strn(csvrow *r, const char *s, size_t n) {
    cell_raw(r);
    n = strnlen(s, n);
    size_t plain = 0;
    while (plain < n && s[plain] != ',' && s[plain] != '"' && s[plain] != '\r' && s[plain] != '\n') plain++;
    if (plain == n) {
        slant_buf_append(r->b, s, n);
        return;
    }
    slant_buf_putc(r->b, '"');
    const char *q, *end = s + n;
    while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
        slant_buf_append(r->b, s, (size_t)(q + 1 - s));
        slant_buf_putc(r->b, '"'); /* a quote doubled */
        s = q + 1;
    }
    slant_buf_append(r->b, s, (size_t)(end - s));
    slant_buf_putc(r->b, '"');
}

static void cell_str(csvrow *r, const char *s) {
    if (!s) {
        cell_raw(r);
        return;
    }
    cell_strn(r, s, strlen(s));
}

static void cell_num(csvrow *r, const json_t *obj, const char *key) {
    cell_raw(r);
    const json_t *v = rj_get(obj, key);
    double d;
    if (json_is_integer(v)) slant_buf_put_i64(r->b, (int64_t)json_integer_value(v));
    else if (rj_num_value(v, &d)) rfmt_num(r->b, d, 6);
}

static void cell_int(csvrow *r, long long v) {
    cell_raw(r);
    slant_buf_put_i64(r->b, (int64_t)v);
}

static void cell_bool(csvrow *r, const json_t *obj, const char *key) {
    cell_raw(r);
    const json_t *v = rj_get(obj, key);
    if (json_is_boolean(v)) slant_buf_puts(r->b, json_is_true(v) ? "true" : "false");
}

static void end_row(csvrow *r) {
    slant_buf_puts(r->b, "\r\n");
    r->col = 0;
}

static void header(csvrow *r, const char *const *cols) {
    for (; *cols; cols++) cell_str(r, *cols);
    end_row(r);
}

static const char *const rate_measures[] = {"loaded", "hedge", "booster", "attrib_neutral", "attrib_loaded", NULL};
static const char *const voices[] = {"outlet", "quoted", NULL};

static void csv_sources(const json_t *m, csvrow *r) {
    static const char *const fixed[] = {"source", "articles", "sentences", "words", "words_outlet",
                                        "words_quoted", "quote_share", NULL};
    for (const char *const *c = fixed; *c; c++) cell_str(r, *c);
    char name[96];
    for (const char *const *v = voices; *v; v++) {
        static const char *const f[] = {"mean", "ci_low", "ci_high", "n", NULL};
        for (const char *const *x = f; *x; x++) {
            snprintf(name, sizeof name, "tone_%s_%s", *v, *x);
            cell_str(r, name);
        }
    }
    for (const char *const *ms = rate_measures; *ms; ms++)
        for (const char *const *v = voices; *v; v++) {
            static const char *const f[] = {"count", "per_1000", "ci_low", "ci_high", NULL};
            for (const char *const *x = f; *x; x++) {
                snprintf(name, sizeof name, "%s_%s_%s", *ms, *v, *x);
                cell_str(r, name);
            }
        }
    end_row(r);
    const json_t *srcs = rj_get(m, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        cell_str(r, rj_str(s, "name"));
        for (const char *const *c = fixed + 1; *c; c++) cell_num(r, s, *c);
        for (const char *const *v = voices; *v; v++) {
            const json_t *t = rj_get(rj_get(s, "tone"), *v);
            cell_num(r, t, "mean");
            cell_num(r, t, "ci_low");
            cell_num(r, t, "ci_high");
            cell_num(r, t, "n");
        }
        for (const char *const *ms = rate_measures; *ms; ms++)
            for (const char *const *v = voices; *v; v++) {
                const json_t *t = rj_get(rj_get(s, *ms), *v);
                cell_num(r, t, "count");
                cell_num(r, t, "per_1000");
                cell_num(r, t, "ci_low");
                cell_num(r, t, "ci_high");
            }
        end_row(r);
    }
}

static void csv_stance(const json_t *m, csvrow *r) {
    static const char *const cols[] = {"source", "target", "label", "voice", "mean", "ci_low", "ci_high", "n",
                                       "reason", NULL};
    header(r, cols);
    const json_t *srcs = rj_get(m, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        const json_t *st = rj_get(s, "stance");
        size_t nk;
        const char **keys = rj_sorted_keys(st, &nk);
        for (size_t k = 0; k < nk; k++) {
            const json_t *e = json_object_get(st, keys[k]);
            for (const char *const *v = voices; *v; v++) {
                const json_t *x = rj_get(e, *v);
                if (!x) continue;
                cell_str(r, rj_str(s, "name"));
                cell_str(r, keys[k]);
                cell_str(r, rj_str(e, "label"));
                cell_str(r, *v);
                cell_num(r, x, "mean");
                cell_num(r, x, "ci_low");
                cell_num(r, x, "ci_high");
                cell_num(r, x, "n");
                cell_str(r, rj_str(x, "reason"));
                end_row(r);
            }
        }
        free(keys);
    }
}

static void csv_frames(const json_t *m, csvrow *r) {
    static const char *const cols[] = {"source", "frame", "label", "count", "share", "residual", NULL};
    header(r, cols);
    const json_t *srcs = rj_get(m, "sources");
    const json_t *resid = rj_get(rj_get(m, "frames_test"), "residuals");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        const json_t *fr = rj_get(s, "frames");
        const char *name = rj_str(s, "name");
        size_t nk;
        const char **keys = rj_sorted_keys(fr, &nk);
        for (size_t k = 0; k < nk; k++) {
            const json_t *e = json_object_get(fr, keys[k]);
            cell_str(r, name);
            cell_str(r, keys[k]);
            cell_str(r, rj_str(e, "label"));
            cell_num(r, e, "count");
            cell_num(r, e, "share");
            cell_num(r, name ? rj_get(resid, name) : NULL, keys[k]);
            end_row(r);
        }
        free(keys);
    }
}

static void csv_naming(const json_t *m, csvrow *r) {
    static const char *const cols[] = {"source", "referent", "referent_label", "label", "side", "count", NULL};
    header(r, cols);
    const json_t *srcs = rj_get(m, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        const json_t *nm = rj_get(s, "naming");
        size_t nk;
        const char **keys = rj_sorted_keys(nm, &nk);
        for (size_t k = 0; k < nk; k++) {
            const json_t *e = json_object_get(nm, keys[k]);
            const json_t *labels = rj_get(e, "labels");
            for (size_t j = 0; j < rj_len(labels); j++) {
                const json_t *l = json_array_get(labels, j);
                cell_str(r, rj_str(s, "name"));
                cell_str(r, keys[k]);
                cell_str(r, rj_str(e, "label"));
                cell_str(r, rj_str(l, "label"));
                cell_str(r, rj_str(l, "side"));
                cell_num(r, l, "count");
                end_row(r);
            }
        }
        free(keys);
    }
}

static void csv_keyness(const json_t *m, csvrow *r) {
    static const char *const cols[] = {"source", "term", "count", "count_rest", "g2", "p", "log_ratio", NULL};
    header(r, cols);
    const json_t *kn = rj_get(m, "keyness");
    size_t nk;
    const char **keys = rj_sorted_keys(kn, &nk);
    for (size_t k = 0; k < nk; k++) {
        const json_t *arr = json_object_get(kn, keys[k]);
        for (size_t j = 0; j < rj_len(arr); j++) {
            const json_t *e = json_array_get(arr, j);
            cell_str(r, keys[k]);
            cell_str(r, rj_str(e, "term"));
            cell_num(r, e, "count");
            cell_num(r, e, "count_rest");
            cell_num(r, e, "g2");
            cell_num(r, e, "p");
            cell_num(r, e, "log_ratio");
            end_row(r);
        }
    }
    free(keys);
}

static void csv_tests(const json_t *m, csvrow *r) {
    static const char *const cols[] = {"measure", "kind", "a", "b", "statistic", "df", "p", "p_adj", "effect",
                                       "effect_value", "effect_ci_low", "effect_ci_high", "robust",
                                       "distinct_terms", "fragile", "top_terms", "summary", "reason", NULL};
    header(r, cols);
    const json_t *tests = rj_get(m, "tests");
    slant_buf tmp;
    slant_buf_init(&tmp);
    for (size_t i = 0; i < rj_len(tests); i++) {
        const json_t *t = json_array_get(tests, i);
        const json_t *e = rj_get(t, "effect");
        cell_str(r, rj_str(t, "measure"));
        cell_str(r, rj_str(t, "kind"));
        cell_str(r, rj_str(t, "a"));
        cell_str(r, rj_str(t, "b"));
        cell_num(r, t, "statistic");
        cell_num(r, t, "df");
        cell_num(r, t, "p");
        cell_num(r, t, "p_adj");
        cell_str(r, rj_str(e, "name"));
        cell_num(r, e, "value");
        cell_num(r, e, "ci_low");
        cell_num(r, e, "ci_high");
        cell_bool(r, t, "robust");
        cell_num(r, t, "distinct_terms");
        cell_bool(r, t, "fragile");
        slant_buf_clear(&tmp);
        const json_t *tt = rj_get(t, "top_terms");
        for (size_t j = 0; j < rj_len(tt); j++) {
            const char *term = rj_str(json_array_get(tt, j), "term");
            if (!term) continue;
            if (tmp.len) slant_buf_putc(&tmp, ';');
            slant_buf_puts(&tmp, term);
        }
        cell_str(r, tmp.data ? tmp.data : "");
        const char *summary = rj_str(t, "summary");
        if (summary && *summary) {
            cell_str(r, summary);
        } else {
            slant_buf_clear(&tmp);
            slant_report_test_sentence(m, t, &tmp);
            cell_str(r, tmp.data ? tmp.data : "");
        }
        cell_str(r, rj_str(t, "reason"));
        end_row(r);
    }
    slant_buf_free(&tmp);
}

static long long count_family(const json_t *hits, const char *category) {
    long long n = 0;
    for (size_t i = 0; i < rj_len(hits); i++) {
        const char *c = rj_str(json_array_get(hits, i), "category");
        if (c && strcmp(c, category) == 0) n++;
    }
    return n;
}

void rcsv_sentences_header(slant_buf *b) {
    static const char *const cols[] = {"sentence", "article", "source", "story", "start", "end", "words",
                                       "voice", "speaker", "tone", "loaded", "hedge", "booster",
                                       "attrib_neutral", "attrib_loaded", "frames", "mentions", "text", NULL};
    csvrow r = {b, 0};
    header(&r, cols);
}

void rcsv_sentences_article(slant_buf *b, const json_t *a) {
    csvrow row = {b, 0}, *r = &row;
    slant_buf tmp;
    slant_buf_init(&tmp);
    const char *text = rj_str(a, "text");
    size_t tlen = text ? json_string_length(rj_get(a, "text")) : 0;
    const json_t *sents = rj_get(a, "sentences");
    for (size_t j = 0; j < rj_len(sents); j++) {
        const json_t *s = json_array_get(sents, j);
        const json_t *hits = rj_get(s, "hits");
        cell_str(r, rj_str(s, "id"));
        cell_str(r, rj_str(a, "id"));
        cell_str(r, rj_str(a, "source"));
        cell_str(r, rj_str(a, "story"));
        cell_num(r, s, "start");
        cell_num(r, s, "end");
        cell_num(r, s, "words");
        cell_str(r, rj_str(s, "voice"));
        cell_str(r, rj_str(s, "speaker"));
        cell_num(r, s, "tone");
        cell_int(r, count_family(hits, "loaded"));
        cell_int(r, count_family(hits, "hedge"));
        cell_int(r, count_family(hits, "booster"));
        cell_int(r, count_family(hits, "attrib.neutral"));
        cell_int(r, count_family(hits, "attrib.loaded"));
        /* frames as "frame:count" in order of first appearance: stable and readable */
        slant_buf_clear(&tmp);
        for (size_t h = 0; h < rj_len(hits); h++) {
            const char *c = rj_str(json_array_get(hits, h), "category");
            if (!c || strncmp(c, "frame.", 6) != 0) continue;
            int seen = 0;
            for (size_t g = 0; g < h && !seen; g++) {
                const char *c2 = rj_str(json_array_get(hits, g), "category");
                seen = c2 && strcmp(c, c2) == 0;
            }
            if (seen) continue;
            if (tmp.len) slant_buf_putc(&tmp, ';');
            slant_buf_puts(&tmp, c + 6);
            slant_buf_putc(&tmp, ':');
            slant_buf_put_i64(&tmp, count_family(hits, c));
        }
        cell_str(r, tmp.data ? tmp.data : "");
        slant_buf_clear(&tmp);
        const json_t *ments = rj_get(s, "mentions");
        for (size_t h = 0; h < rj_len(ments); h++) {
            const json_t *mm = json_array_get(ments, h);
            double st;
            const char *tg = rj_str(mm, "target");
            if (!tg) continue;
            if (tmp.len) slant_buf_putc(&tmp, ';');
            slant_buf_puts(&tmp, tg);
            slant_buf_putc(&tmp, ':');
            if (rj_num(mm, "stance", &st)) rfmt_num(&tmp, st, 6);
        }
        cell_str(r, tmp.data ? tmp.data : "");
        double st, en;
        if (text && rj_num(s, "start", &st) && rj_num(s, "end", &en) && st >= 0 && en >= st && en <= (double)tlen)
            cell_strn(r, text + (size_t)st, (size_t)en - (size_t)st);
        else
            cell_str(r, NULL);
        end_row(r);
    }
    slant_buf_free(&tmp);
}

static void csv_sentences(rview *v, csvrow *r) {
    rcsv_sentences_header(r->b);
    for (size_t i = 0; i < rv_len(v, RL_ARTICLES); i++) {
        rflush(r->b);
        rcsv_sentences_article(r->b, rv_get(v, RL_ARTICLES, i));
    }
}

int slant_report_render_csv(const json_t *model, int table, slant_buf *out, slant_error *err) {
    rsink s = {*out, NULL, 0}; /* the caller's buffer, handed back below */
    rview v;
    rview_model(&v, model);
    int rc = rrender_csv(&v, table, &s, err);
    *out = s.b;
    return rc;
}

int rrender_csv(rview *v, int table, rsink *sink, slant_error *err) {
    const json_t *model = v->m;
    if (slant_report_check_model(model, err)) return -1;
    csvrow r = {&sink->b, 0};
    switch (table) {
    case SLANT_CSV_SOURCES: csv_sources(model, &r); break;
    case SLANT_CSV_STANCE: csv_stance(model, &r); break;
    case SLANT_CSV_FRAMES: csv_frames(model, &r); break;
    case SLANT_CSV_NAMING: csv_naming(model, &r); break;
    case SLANT_CSV_KEYNESS: csv_keyness(model, &r); break;
    case SLANT_CSV_TESTS: csv_tests(model, &r); break;
    case SLANT_CSV_SENTENCES: csv_sentences(v, &r); break;
    default: return slant_error_set(err, "", 0, 0, -1, "no CSV table number %d (0..%d)", table, SLANT_CSV_COUNT - 1);
    }
    return 0;
}
