/*
 * report_json.c - the canonical report.json: the model printed with keys in
 * schema order, reals with up to 6 significant digits and arrays of scalars
 * on one line, so the same model always gives the same bytes whatever order
 * the analysis inserted keys in.
 *
 * Design: key order is a small table of object "contexts" (source, mean,
 * test, hit, ...) reached from the root by key; a context lists its keys in
 * the order docs/report-schema.md gives them and the context of each child.
 * Maps (objects keyed by data: target ids, frame ids, source names) are
 * printed in byte order of their keys. Keys a context does not list follow
 * its listed ones, in byte order, so a model with extra fields still prints
 * deterministically.
 *
 * A root list the model does not hold (slant_report_list) is written in its
 * key's place from its elements, asked for one at a time, so that its tree
 * never exists whole.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "slant/report.h"

enum ctx {
    C_ANY = 0, /* unknown: all keys in byte order, children unknown */
    C_ROOT,
    C_GENERATOR,
    C_CORPUS,
    C_CLEANING,
    C_METHOD,
    C_LEXICONS,
    C_LAYER,
    C_SOURCE,
    C_VOICES,     /* {outlet, quoted} */
    C_STAT,       /* MEAN or RATE */
    C_TOPTERMS,   /* map -> arrays of C_TERMREF */
    C_TERMREF,
    C_SPEAKER,
    C_STANCE,     /* map -> C_STANCE_E */
    C_STANCE_E,
    C_FRAMES,     /* map -> C_FRAME_E */
    C_FRAME_E,
    C_NAMING,     /* map -> C_NAMING_E */
    C_NAMING_E,
    C_LABEL,
    C_TEST,
    C_EFFECT,
    C_CONTRIB,
    C_FRAMES_TEST,
    C_RESID,      /* map -> map of numbers */
    C_KEYNESS,    /* map -> arrays of C_KEYTERM */
    C_KEYTERM,
    C_DIVERGENCE,
    C_DIVMAT,
    C_COVERAGE,
    C_COVMAP,     /* map -> C_COVSET */
    C_COVSET,
    C_ARTICLE,
    C_SENTENCE,
    C_HIT,
    C_MENTION,
    C_MAP_ANY,    /* map whose values are scalars or unknown */
    C_COUNT
};

typedef struct {
    const char *key;
    int child;
} keydef;

typedef struct {
    int map_child; /* > 0: this context is a map, every value gets this context */
    const keydef *keys;
} ctxdef;

#define K(k, c) {k, c}
#define END {NULL, 0}

static const keydef k_root[] = {K("schema_version", 0), K("generator", C_GENERATOR), K("corpus", C_CORPUS),
                                K("method", C_METHOD), K("lexicons", C_LEXICONS), K("sources", C_SOURCE),
                                K("tests", C_TEST), K("frames_test", C_FRAMES_TEST), K("keyness", C_KEYNESS),
                                K("divergence", C_DIVERGENCE), K("stories", 0), K("coverage", C_COVERAGE),
                                K("articles", C_ARTICLE), END};
static const keydef k_generator[] = {K("name", 0), K("version", 0), END};
static const keydef k_corpus[] = {K("name", 0),    K("articles", 0), K("sentences", 0),
                                  K("words", 0),   K("sources", 0),  K("stories", 0),
                                  K("cleaning", C_CLEANING), K("reason", 0), END};
static const keydef k_cleaning[] = {K("lines_removed", 0), K("bytes_removed", 0), K("by_rule", C_MAP_ANY), END};
static const keydef k_method[] = {K("unit", 0),         K("seed", 0),         K("bootstrap_replicates", 0),
                                  K("confidence", 0),   K("neutral_band", 0), K("min_keyness_count", 0),
                                  K("warnings", 0),     END};
static const keydef k_lexicons[] = {K("hash", 0), K("layers", C_LAYER), END};
static const keydef k_layer[] = {K("name", 0), K("version", 0), K("language", 0), K("source", 0),
                                 K("license", 0), K("path", 0), K("entries", 0), END};
static const keydef k_source[] = {
    K("name", 0),           K("articles", 0),          K("sentences", 0),      K("words", 0),
    K("words_outlet", 0),   K("words_quoted", 0),      K("quote_share", 0),    K("tone", C_VOICES),
    K("loaded", C_VOICES),  K("hedge", C_VOICES),      K("booster", C_VOICES), K("attrib_neutral", C_VOICES),
    K("attrib_loaded", C_VOICES), K("top_terms", C_TOPTERMS), K("speakers", C_SPEAKER),
    K("stance", C_STANCE),  K("frames", C_FRAMES),     K("naming", C_NAMING),  K("reason", 0),
    END};
static const keydef k_voices[] = {K("outlet", C_STAT), K("quoted", C_STAT), END};
static const keydef k_stat[] = {K("mean", 0),      K("count", 0),     K("per_1000", 0), K("ci_low", 0),
                                K("ci_high", 0),   K("boot_low", 0),  K("boot_high", 0), K("sd", 0),
                                K("n", 0),         K("words", 0),     K("reason", 0),   END};
static const keydef k_termref[] = {K("term", 0), K("count", 0), K("sentences", 0), END};
static const keydef k_speaker[] = {K("name", 0), K("words", 0), K("quotes", 0), END};
static const keydef k_stance_e[] = {K("label", 0), K("outlet", C_STAT), K("quoted", C_STAT), K("reason", 0), END};
static const keydef k_frame_e[] = {K("label", 0), K("count", 0), K("share", 0), K("reason", 0), END};
static const keydef k_naming_e[] = {K("label", 0), K("labels", C_LABEL), END};
static const keydef k_label[] = {K("label", 0), K("side", 0), K("count", 0), END};
static const keydef k_test[] = {
    K("measure", 0),  K("kind", 0),    K("a", 0),         K("b", 0),
    K("groups", 0),   K("a_value", 0), K("b_value", 0),   K("statistic", 0),
    K("df", 0),       K("p", 0),       K("p_adj", 0),     K("effect", C_EFFECT),
    K("ratio", C_EFFECT), K("difference", C_EFFECT), K("top_terms", C_CONTRIB), K("robust", 0),
    K("distinct_terms", 0), K("fragile", 0), K("summary", 0), K("reason", 0), END};
static const keydef k_effect[] = {K("name", 0), K("value", 0), K("ci_low", 0), K("ci_high", 0), K("reason", 0), END};
static const keydef k_contrib[] = {K("term", 0), K("contribution", 0), END};
static const keydef k_frames_test[] = {K("chi2", 0), K("df", 0), K("p", 0), K("cramers_v", 0),
                                       K("residuals", C_RESID), K("reason", 0), END};
static const keydef k_keyterm[] = {K("term", 0), K("count", 0), K("count_rest", 0), K("g2", 0),
                                   K("p", 0),    K("log_ratio", 0), END};
static const keydef k_divergence[] = {K("frames", C_DIVMAT), K("vocabulary", C_DIVMAT), END};
static const keydef k_divmat[] = {K("sources", 0), K("matrix", 0), K("reason", 0), END};
static const keydef k_coverage[] = {K("story", 0), K("sources", C_COVMAP), K("omissions", C_COVMAP), END};
static const keydef k_covset[] = {K("targets", 0), K("numbers", 0), K("speakers", 0), END};
static const keydef k_article[] = {K("id", 0),    K("source", 0),         K("story", 0),
                                   K("title", 0), K("date", 0),           K("text_available", 0),
                                   K("text", 0),  K("sentences", C_SENTENCE), END};
static const keydef k_sentence[] = {K("id", 0),      K("start", 0), K("end", 0),  K("words", 0),
                                    K("voice", 0),   K("speaker", 0), K("tone", 0), K("hits", C_HIT),
                                    K("mentions", C_MENTION), END};
static const keydef k_hit[] = {K("start", 0),  K("end", 0),    K("family", 0), K("category", 0),
                               K("label", 0),  K("weight", 0), K("value", 0),  K("rules", 0),
                               K("referent", 0), K("side", 0), END};
static const keydef k_mention[] = {K("start", 0), K("end", 0), K("target", 0), K("stance", 0), K("rules", 0), END};
static const keydef k_none[] = {END};

static const ctxdef contexts[C_COUNT] = {
    [C_ANY] = {0, k_none},
    [C_ROOT] = {0, k_root},
    [C_GENERATOR] = {0, k_generator},
    [C_CORPUS] = {0, k_corpus},
    [C_CLEANING] = {0, k_cleaning},
    [C_METHOD] = {0, k_method},
    [C_LEXICONS] = {0, k_lexicons},
    [C_LAYER] = {0, k_layer},
    [C_SOURCE] = {0, k_source},
    [C_VOICES] = {0, k_voices},
    [C_STAT] = {0, k_stat},
    [C_TOPTERMS] = {C_TERMREF, k_none},
    [C_TERMREF] = {0, k_termref},
    [C_SPEAKER] = {0, k_speaker},
    [C_STANCE] = {C_STANCE_E, k_none},
    [C_STANCE_E] = {0, k_stance_e},
    [C_FRAMES] = {C_FRAME_E, k_none},
    [C_FRAME_E] = {0, k_frame_e},
    [C_NAMING] = {C_NAMING_E, k_none},
    [C_NAMING_E] = {0, k_naming_e},
    [C_LABEL] = {0, k_label},
    [C_TEST] = {0, k_test},
    [C_EFFECT] = {0, k_effect},
    [C_CONTRIB] = {0, k_contrib},
    [C_FRAMES_TEST] = {0, k_frames_test},
    [C_RESID] = {C_MAP_ANY, k_none},
    [C_KEYNESS] = {C_KEYTERM, k_none},
    [C_KEYTERM] = {0, k_keyterm},
    [C_DIVERGENCE] = {0, k_divergence},
    [C_DIVMAT] = {0, k_divmat},
    [C_COVERAGE] = {0, k_coverage},
    [C_COVMAP] = {C_COVSET, k_none},
    [C_COVSET] = {0, k_covset},
    [C_ARTICLE] = {0, k_article},
    [C_SENTENCE] = {0, k_sentence},
    [C_HIT] = {0, k_hit},
    [C_MENTION] = {0, k_mention},
    [C_MAP_ANY] = {C_ANY, k_none},
};

/* Where the text goes: the buffer, emptied into f (when given) every
 * megabyte at the start of an object member or array element, so that a
 * large report.json is never whole in memory. The buffer is the first
 * member: the printers take the slant_buf * and flush_point finds the
 * sink from it. */
typedef struct jsink {
    slant_buf b;
    FILE *f;
    int failed;
    const slant_report_list *lists; /* root lists made as they are written */
    size_t nlists;
    size_t sources; /* sources written: the index into a "speakers" list */
    /* The index of the file's lists (report_view.c), recorded as they are
     * written when ix is given: the renderers then need no scan of the file. */
    rindex *ix;
    uint64_t written;   /* bytes emptied into f */
    int list;           /* the root member being written: RL_* of a list, else -1 */
    int element_of;     /* the list whose element is being written, else -1 */
    uint64_t spk_off, spk_len; /* that source's speakers array (len 0: none) */
} jsink;

#define JSINK(buf, file, l, nl, index) {(buf), (file), 0, (l), (nl), 0, (index), 0, -1, -1, 0, 0}

static jsink *sink_of(slant_buf *b) { return (jsink *)(void *)b; }

/* The file offset of the next byte written. */
static uint64_t pos(slant_buf *b) { return sink_of(b)->written + b->len; }

static void flush_point(slant_buf *b) {
    jsink *s = sink_of(b);
    if (!s->f || b->len < ((size_t)1 << 20)) return;
    if (fwrite(b->data, 1, b->len, s->f) != b->len) s->failed = 1;
    s->written += b->len;
    slant_buf_clear(b);
}

/* ---- recording the index: what rindex_build would read from the file ---- */

static int list_of_key(const char *key) {
    static const char *const keys[] = {"stories", "coverage", "articles", "sources"};
    static const int lists[] = {RL_STORIES, RL_COVERAGE, RL_ARTICLES, RL_SPEAKERS};
    for (int i = 0; i < 4; i++)
        if (strcmp(key, keys[i]) == 0) return lists[i];
    return -1;
}

/* An array (a model's or a slant_report_list's) at depth: the list it is
 * when it is a root member's value, else -1. */
static int list_begin(slant_buf *b, int depth, uint64_t *from) {
    jsink *s = sink_of(b);
    if (!s->ix || depth != 1 || s->list < 0) return -1;
    rindex_list(s->ix, s->list);
    *from = pos(b);
    return s->list;
}

static void element_begin(slant_buf *b, int list, uint64_t *from) {
    jsink *s = sink_of(b);
    if (list < 0) return;
    *from = pos(b);
    s->element_of = list;
    s->spk_off = s->spk_len = 0;
}

/* A list's element is its text; a source's (RL_SPEAKERS) is its speakers array. */
static void element_end(slant_buf *b, int list, uint64_t from) {
    jsink *s = sink_of(b);
    if (list < 0) return;
    if (list == RL_SPEAKERS) rindex_element(s->ix, list, s->spk_off, s->spk_len);
    else rindex_element(s->ix, list, from, pos(b) - from);
    s->element_of = -1;
}

/* The small tree leaves the lists out (not the sources, only their speakers). */
static void list_end(slant_buf *b, int list, uint64_t from) {
    if (list >= 0 && list != RL_SPEAKERS) rindex_skip(sink_of(b)->ix, from, pos(b) - from);
}

/* Integers as %lld and reals as %.6g (rfmt_num's format, "-0" as "0"),
 * without printf: report.json has a few hundred thousand numbers. */
static void put_number(slant_buf *b, const json_t *v) {
    if (json_is_integer(v)) {
        slant_buf_put_i64(b, (int64_t)json_integer_value(v));
        return;
    }
    double d = json_real_value(v);
    if (!isfinite(d)) {
        slant_buf_puts(b, "null");
        return;
    }
    size_t at = b->len;
    slant_buf_put_g6(b, d);
    if (b->len - at == 2 && memcmp(b->data + at, "-0", 2) == 0) b->len = at, slant_buf_putc(b, '0');
    /* keep a real a real: 2.0 prints as "2.0", so the file parses back to the same types */
    if (!memchr(b->data + at, '.', b->len - at) && !memchr(b->data + at, 'e', b->len - at))
        slant_buf_puts(b, ".0");
}

static void put_string(slant_buf *b, const char *s, size_t n) { slant_buf_json_string(b, s, n); }

static void indent(slant_buf *b, int depth) {
    slant_buf_putc(b, '\n');
    for (int i = 0; i < depth; i++) slant_buf_puts(b, "  ");
}

static int is_scalar(const json_t *v) { return !json_is_object(v) && !json_is_array(v); }

static void put_value(slant_buf *b, const json_t *v, int ctx, int depth);

static void put_key(slant_buf *b, const char *key, int depth, int *first) {
    flush_point(b);
    if (!*first) slant_buf_putc(b, ',');
    *first = 0;
    indent(b, depth + 1);
    put_string(b, key, strlen(key));
    slant_buf_puts(b, ": ");
}

static void put_member(slant_buf *b, const char *key, const json_t *v, int child, int depth, int *first) {
    put_key(b, key, depth, first);
    put_value(b, v, child, depth + 1);
}

static const slant_report_list *root_list(slant_buf *b, const char *key) {
    const jsink *s = (const jsink *)(const void *)b;
    for (size_t i = 0; i < s->nlists; i++)
        if (strcmp(s->lists[i].key, key) == 0) return &s->lists[i];
    return NULL;
}

/* A list's elements are objects, so it prints as put_array prints an array
 * of objects: one element per line. */
static void put_list(slant_buf *b, const slant_report_list *l, int ctx, int depth) {
    uint64_t from = 0, efrom = 0;
    int list = list_begin(b, depth, &from);
    if (l->n == 0) {
        slant_buf_puts(b, "[]");
        list_end(b, list, from);
        return;
    }
    slant_buf_putc(b, '[');
    for (size_t i = 0; i < l->n; i++) {
        flush_point(b);
        if (i) slant_buf_putc(b, ',');
        indent(b, depth + 1);
        element_begin(b, list, &efrom);
        if (l->rendered) {
            size_t len;
            const char *text = l->rendered(l->state, i, &len);
            slant_buf_append(b, text, len);
        } else {
            json_t *e = l->element(l->state, i);
            if (e) put_value(b, e, ctx, depth + 1);
            else slant_buf_puts(b, "null");
            json_decref(e);
        }
        element_end(b, list, efrom);
    }
    indent(b, depth);
    slant_buf_putc(b, ']');
    list_end(b, list, from);
}

static void put_object(slant_buf *b, const json_t *obj, int ctx, int depth) {
    if (json_object_size(obj) == 0) {
        slant_buf_puts(b, "{}");
        return;
    }
    const ctxdef *c = &contexts[ctx];
    slant_buf_putc(b, '{');
    int first = 1;
    size_t nkeys, listed_found = 0;
    jsink *s = sink_of(b);
    int root = ctx == C_ROOT && depth == 0;
    /* a source in the root's list of sources: its speakers array is indexed */
    int source = ctx == C_SOURCE && s->element_of == RL_SPEAKERS && depth == 2;
    if (!c->map_child) {
        for (const keydef *k = c->keys; k->key; k++) {
            const json_t *v = json_object_get(obj, k->key);
            const slant_report_list *l = NULL;
            json_t *made = NULL;
            if (v) listed_found++;
            else if (root) l = root_list(b, k->key);
            else if (ctx == C_SOURCE && strcmp(k->key, "speakers") == 0 && (l = root_list(b, k->key)))
                /* a list "speakers" holds each source's array (slant_analysis_model_lists) */
                v = made = l->element(l->state, s->sources), l = NULL;
            if (!v && !l) continue;
            put_key(b, k->key, depth, &first);
            uint64_t from = pos(b);
            if (root) s->list = list_of_key(k->key);
            if (l) put_list(b, l, k->child, depth + 1);
            else put_value(b, v, k->child, depth + 1);
            s->list = -1;
            if (source && s->ix && json_is_array(v) && strcmp(k->key, "speakers") == 0) {
                s->spk_off = from, s->spk_len = pos(b) - from;
                rindex_skip(s->ix, from, s->spk_len);
            }
            json_decref(made);
        }
    }
    /* Maps, and objects with keys their context does not list, go in byte
     * order of their keys; the usual object has only listed keys and needs
     * no sorted copy of them. */
    if (listed_found < json_object_size(obj)) {
        const char **keys = rj_sorted_keys(obj, &nkeys);
        for (size_t i = 0; i < nkeys; i++) {
            int listed = 0;
            if (!c->map_child)
                for (const keydef *k = c->keys; k->key && !listed; k++) listed = strcmp(k->key, keys[i]) == 0;
            if (!listed)
                put_member(b, keys[i], json_object_get(obj, keys[i]), c->map_child ? c->map_child : C_ANY, depth,
                           &first);
        }
        free(keys);
    }
    indent(b, depth);
    slant_buf_putc(b, '}');
    if (ctx == C_SOURCE) s->sources++;
}

static void put_array(slant_buf *b, const json_t *arr, int ctx, int depth) {
    size_t n = json_array_size(arr);
    uint64_t from = 0, efrom = 0;
    int list = list_begin(b, depth, &from);
    if (n == 0) {
        slant_buf_puts(b, "[]");
        list_end(b, list, from);
        return;
    }
    int flat = 1;
    for (size_t i = 0; i < n && flat; i++) {
        const json_t *e = json_array_get(arr, i);
        if (!is_scalar(e)) {
            /* a matrix row is an array of scalars: keep rows one per line */
            flat = 0;
        }
    }
    slant_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        flush_point(b);
        if (i) slant_buf_putc(b, ',');
        if (flat) {
            if (i) slant_buf_putc(b, ' ');
        } else {
            indent(b, depth + 1);
        }
        element_begin(b, list, &efrom);
        put_value(b, json_array_get(arr, i), ctx, depth + 1);
        element_end(b, list, efrom);
    }
    if (!flat) indent(b, depth);
    slant_buf_putc(b, ']');
    list_end(b, list, from);
}

static void put_value(slant_buf *b, const json_t *v, int ctx, int depth) {
    switch (json_typeof(v)) {
    case JSON_OBJECT: put_object(b, v, ctx, depth); break;
    case JSON_ARRAY: put_array(b, v, ctx, depth); break;
    case JSON_STRING: put_string(b, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER:
    case JSON_REAL: put_number(b, v); break;
    case JSON_TRUE: slant_buf_puts(b, "true"); break;
    case JSON_FALSE: slant_buf_puts(b, "false"); break;
    case JSON_NULL: slant_buf_puts(b, "null"); break;
    }
}

void slant_report_render_json_element(const json_t *element, const char *key, slant_buf *out) {
    int ctx = 0;
    for (const keydef *k = k_root; k->key; k++)
        if (strcmp(k->key, key) == 0) ctx = k->child;
    jsink s = JSINK(*out, NULL, NULL, 0, NULL); /* the caller's buffer, handed back below */
    put_value(&s.b, element, ctx, 2);  /* root (0) -> list (1) -> element (2) */
    *out = s.b;
}

int slant_report_check_model(const json_t *model, slant_error *err) {
    if (!json_is_object(model))
        return slant_error_set(err, "", 0, 0, -1, "report model is not a JSON object (build it with the analysis stage)");
    const char *v = rj_str(model, "schema_version");
    if (!v)
        return slant_error_set(err, "", 0, 0, -1,
                               "report model has no \"schema_version\"; expected \"%s\" (docs/report-schema.md)",
                               SLANT_REPORT_SCHEMA_VERSION);
    if (strncmp(v, "1.", 2) != 0)
        return slant_error_set(err, "", 0, 0, -1,
                               "report model has schema_version \"%s\"; this slant writes schema 1.x: "
                               "regenerate the model with this version of slant",
                               v);
    return 0;
}

int slant_report_render_json(const json_t *model, slant_buf *out, slant_error *err) {
    if (slant_report_check_model(model, err)) return -1;
    jsink s = JSINK(*out, NULL, NULL, 0, NULL); /* the caller's buffer, handed back below */
    put_value(&s.b, model, C_ROOT, 0);
    slant_buf_putc(&s.b, '\n');
    *out = s.b;
    return 0;
}

int slant_report_render_json_file(const json_t *model, const slant_report_list *lists, size_t nlists, FILE *f,
                                  const char *name, rindex *ix, slant_error *err) {
    if (slant_report_check_model(model, err)) return -1;
    jsink s = JSINK((slant_buf){0}, f, lists, nlists, ix);
    slant_buf_init(&s.b);
    put_value(&s.b, model, C_ROOT, 0);
    slant_buf_putc(&s.b, '\n');
    if (s.b.len && fwrite(s.b.data, 1, s.b.len, f) != s.b.len) s.failed = 1;
    slant_buf_free(&s.b);
    if (s.failed || fflush(f) != 0)
        return slant_error_set(err, name, 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                               strerror(errno ? errno : EIO));
    return 0;
}
