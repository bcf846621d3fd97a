/*
 * report_view.c - report.json as the renderers read it back: the parts that
 * grow with the corpus (stories, coverage, articles and each source's
 * speakers) one element at a time, everything else as one small jansson
 * tree.
 *
 * Why: report.md, report.html and the CSV tables are rendered from
 * report.json as written (so every figure shown is the one report.json
 * holds). Parsed whole, report.json takes about five times its size in
 * jansson nodes (120 MB for the 21 MB report of a 50 MB corpus), most of it
 * in coverage and stories, which grow with the number of stories. Read
 * through a view, memory holds the small tree and one element per list.
 *
 * How: an index holds the byte range of each element of those lists. The
 * writer records it as it writes report.json (rindex_new, report_json.c);
 * rindex_build reads the same from a file by one scan (a string-aware
 * bracket counter, not a parser), and the tests hold the two equal;
 * the small tree is then parsed by jansson from the file with each of those
 * lists replaced by "[]". An element is parsed from its own byte range when
 * asked for (slant_json_parse, json_read.c, with jansson's json_loadb as
 * the fallback). A JSON
 * value means the same wherever it stands, so an element parsed alone
 * equals the one in the whole file.
 *
 * The index is read-only once built, so several threads can share it; each
 * rview (one per thread) has its own file descriptor and cached elements.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_internal.h"
#include "slant/json_read.h"

static const char *const list_keys[RL_COUNT] = {"stories", "coverage", "articles", "speakers"};

typedef struct {
    uint64_t off, len; /* len 0: not in the file (the tree's value stands) */
} rrange;

struct rindex {
    char *path;
    int have[RL_COUNT]; /* the list is an array in the file, elements below */
    rrange *el[RL_COUNT];
    size_t n[RL_COUNT], cap[RL_COUNT];
    rrange *skip; /* the values the small tree leaves out, in file order */
    size_t nskip, capskip;
};

/* ---------- scanning ---------- */

typedef struct {
    int fd;
    unsigned char buf[1 << 16];
    size_t len, at;
    uint64_t base; /* file offset of buf[0] */
    int bad;       /* read error or malformed input */
} scanner;

static int sc_fill(scanner *s) {
    s->base += s->len;
    s->len = s->at = 0;
    for (;;) {
        ssize_t r = read(s->fd, s->buf, sizeof s->buf);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) s->bad = 1;
        s->len = r > 0 ? (size_t)r : 0;
        return r > 0;
    }
}

static int sc_peek(scanner *s) {
    if (s->at == s->len && !sc_fill(s)) return -1;
    return s->buf[s->at];
}

static int sc_next(scanner *s) {
    int c = sc_peek(s);
    if (c >= 0) s->at++;
    return c;
}

static uint64_t sc_pos(const scanner *s) { return s->base + s->at; }

static void sc_ws(scanner *s) {
    for (int c; (c = sc_peek(s)) == ' ' || c == '\n' || c == '\r' || c == '\t';) s->at++;
}

static int sc_expect(scanner *s, int want) {
    if (sc_next(s) != want) s->bad = 1;
    return !s->bad;
}

/* A string from its opening quote; its raw bytes (escapes as written) go to
 * key when they fit in cap - 1 bytes, else key is "". */
static void sc_string(scanner *s, char *key, size_t cap) {
    size_t kl = 0;
    int fits = 1;
    if (!sc_expect(s, '"')) return;
    for (;;) {
        if (s->at == s->len && !sc_fill(s)) {
            s->bad = 1;
            return;
        }
        /* the bulk of report.json is long strings, seldom with an escape:
         * find the closing quote, then any backslash before it */
        unsigned char *p = s->buf + s->at, *end = s->buf + s->len;
        unsigned char *q = memchr(p, '"', (size_t)(end - p));
        if (!q) q = end;
        unsigned char *bs = memchr(p, '\\', (size_t)(q - p));
        p = bs ? bs : q;
        size_t n = (size_t)(p - (s->buf + s->at));
        if (key && fits) {
            if (kl + n < cap) memcpy(key + kl, s->buf + s->at, n), kl += n;
            else fits = 0;
        }
        s->at += n;
        if (p == end) continue;
        int c = sc_next(s);
        if (c == '"') break;
        /* a backslash: the escaped byte can never end the string */
        int e = sc_next(s);
        if (e < 0) {
            s->bad = 1;
            return;
        }
        if (key && fits) {
            if (kl + 2 < cap) key[kl++] = (char)c, key[kl++] = (char)e;
            else fits = 0;
        }
    }
    if (key) key[fits ? kl : 0] = '\0';
}

/* Any value: strings as above, arrays and objects by counting brackets
 * outside strings, numbers and literals up to the next delimiter. */
static void sc_value(scanner *s) {
    int c = sc_peek(s);
    if (c == '"') {
        sc_string(s, NULL, 0);
        return;
    }
    if (c == '[' || c == '{') {
        size_t depth = 0;
        do {
            if (s->at == s->len && !sc_fill(s)) {
                s->bad = 1;
                return;
            }
            /* within the block up to the next quote or bracket; (c | 0x20)
             * folds '[' onto '{' and ']' onto '}' and no other byte */
            const unsigned char *p = s->buf + s->at, *end = s->buf + s->len;
            while (p < end && *p != '"' && ((*p | 0x20) != '{' && (*p | 0x20) != '}')) p++;
            s->at = (size_t)(p - s->buf);
            if (p == end) continue;
            if (*p == '"') {
                sc_string(s, NULL, 0);
                continue;
            }
            s->at++;
            depth += (*p | 0x20) == '{' ? 1 : (size_t)-1;
        } while (depth > 0 && !s->bad);
        return;
    }
    uint64_t from = sc_pos(s);
    while ((c = sc_peek(s)) >= 0 && !strchr(",]} \n\r\t:[{\"", c)) s->at++;
    if (sc_pos(s) == from) s->bad = 1;
}

static void push(rrange **v, size_t *n, size_t *cap, uint64_t off, uint64_t len) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *v = slant_xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*n)++] = (rrange){off, len};
}

static void add_skip(rindex *ix, uint64_t from, uint64_t to) { push(&ix->skip, &ix->nskip, &ix->capskip, from, to - from); }

/* Calls each(ix, kind, scanner) at the start of every member value of the
 * object or element of the array at the scanner; each consumes the value. */
typedef void (*member_fn)(rindex *ix, int kind, const char *key, scanner *s);

static void sc_members(scanner *s, rindex *ix, int kind, member_fn each) {
    int open = sc_next(s), close = open == '{' ? '}' : ']';
    char key[32] = "";
    sc_ws(s);
    if (sc_peek(s) == close) {
        s->at++;
        return;
    }
    while (!s->bad) {
        sc_ws(s);
        if (open == '{') {
            sc_string(s, key, sizeof key);
            sc_ws(s);
            sc_expect(s, ':');
            sc_ws(s);
        }
        if (s->bad) return;
        each(ix, kind, key, s);
        sc_ws(s);
        int c = sc_next(s);
        if (c == close) return;
        if (c != ',') s->bad = 1;
    }
}

/* A member of one source: its speakers are left out of the tree. */
static void source_member(rindex *ix, int kind, const char *key, scanner *s) {
    (void)kind;
    uint64_t from = sc_pos(s);
    int is_list = strcmp(key, "speakers") == 0 && sc_peek(s) == '[';
    sc_value(s);
    if (!is_list || s->bad) return;
    ix->el[RL_SPEAKERS][ix->n[RL_SPEAKERS] - 1] = (rrange){from, sc_pos(s) - from};
    add_skip(ix, from, sc_pos(s));
}

/* An element of a list (kind), or of sources (kind RL_SPEAKERS). */
static void list_element(rindex *ix, int kind, const char *key, scanner *s) {
    (void)key;
    uint64_t from = sc_pos(s);
    if (kind == RL_SPEAKERS) {
        push(&ix->el[kind], &ix->n[kind], &ix->cap[kind], 0, 0);
        if (sc_peek(s) == '{') sc_members(s, ix, kind, source_member);
        else sc_value(s);
        return;
    }
    sc_value(s);
    push(&ix->el[kind], &ix->n[kind], &ix->cap[kind], from, sc_pos(s) - from);
}

static void top_member(rindex *ix, int kind, const char *key, scanner *s) {
    (void)kind;
    int k = strcmp(key, "sources") == 0 ? RL_SPEAKERS : -1;
    for (int i = 0; i < RL_SPEAKERS && k < 0; i++)
        if (strcmp(key, list_keys[i]) == 0) k = i;
    /* a key given twice: jansson keeps the last value, and so does the index */
    if (k >= 0) ix->have[k] = 0, ix->n[k] = 0;
    if (k < 0 || sc_peek(s) != '[') {
        sc_value(s);
        return;
    }
    uint64_t from = sc_pos(s);
    ix->have[k] = 1;
    sc_members(s, ix, k, list_element);
    if (k != RL_SPEAKERS) add_skip(ix, from, sc_pos(s));
}

/* ---------- an index recorded by the writer ---------- */

rindex *rindex_new(const char *path) {
    rindex *ix = slant_xcalloc(1, sizeof *ix);
    ix->path = slant_xstrdup(path);
    return ix;
}

void rindex_list(rindex *ix, int list) {
    ix->have[list] = 1;
    ix->n[list] = 0;
}

void rindex_element(rindex *ix, int list, uint64_t off, uint64_t len) {
    push(&ix->el[list], &ix->n[list], &ix->cap[list], off, len);
}

void rindex_skip(rindex *ix, uint64_t off, uint64_t len) { add_skip(ix, off, off + len); }

/* ---------- the scan ---------- */

rindex *rindex_build(const char *path, slant_error *err) {
    scanner *s = slant_xcalloc(1, sizeof *s);
    s->fd = open(path, O_RDONLY);
    if (s->fd < 0) {
        slant_error_set(err, path, 0, 0, -1, "cannot read back: %s", strerror(errno));
        free(s);
        return NULL;
    }
    rindex *ix = rindex_new(path);
    sc_ws(s);
    if (sc_peek(s) == '{') sc_members(s, ix, -1, top_member);
    else s->bad = 1;
    sc_ws(s);
    if (!s->bad && sc_peek(s) >= 0) s->bad = 1;
    if (s->bad)
        slant_error_set(err, "report.json", 0, 0, (long long)sc_pos(s),
                        "internal error: the rendered report does not parse; please report this");
    close(s->fd);
    int bad = s->bad;
    free(s);
    if (bad) {
        rindex_free(ix);
        return NULL;
    }
    return ix;
}

void rindex_free(rindex *ix) {
    if (!ix) return;
    for (int k = 0; k < RL_COUNT; k++) free(ix->el[k]);
    free(ix->skip);
    free(ix->path);
    free(ix);
}

/* ---------- views ---------- */

void rview_model(rview *v, const json_t *model) {
    memset(v, 0, sizeof *v);
    v->m = model;
    v->fd = -1;
    slant_buf_init(&v->slice);
    slant_buf_init(&v->strings);
}

/* jansson's reader for the small tree: the file with each left-out value
 * read as "[]" */
typedef struct {
    int fd;
    const rindex *ix;
    uint64_t pos;
    size_t next; /* next skip range */
    int failed;
} tree_reader;

static size_t read_tree(void *buf, size_t len, void *data) {
    tree_reader *r = data;
    const rrange *sk = r->next < r->ix->nskip ? &r->ix->skip[r->next] : NULL;
    if (sk && r->pos == sk->off) {
        r->pos += sk->len;
        r->next++;
        if (len < 2) return (size_t)-1; /* jansson asks for far more */
        memcpy(buf, "[]", 2);
        return 2;
    }
    if (sk && len > sk->off - r->pos) len = (size_t)(sk->off - r->pos);
    for (;;) {
        ssize_t n = pread(r->fd, buf, len, (off_t)r->pos);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r->failed = errno;
            return (size_t)-1;
        }
        r->pos += (uint64_t)n;
        return (size_t)n;
    }
}

int rview_open(rview *v, const rindex *ix, slant_error *err) {
    rview_model(v, NULL);
    v->ix = ix;
    v->fd = open(ix->path, O_RDONLY);
    if (v->fd < 0) return slant_error_set(err, ix->path, 0, 0, -1, "cannot read back: %s", strerror(errno));
    tree_reader r = {v->fd, ix, 0, 0, 0};
    json_error_t je;
    v->tree = json_load_callback(read_tree, &r, JSON_ALLOW_NUL, &je);
    if (!v->tree) {
        if (r.failed) slant_error_set(err, ix->path, 0, 0, -1, "cannot read back: %s", strerror(r.failed));
        else
            slant_error_set(err, "report.json", je.line, je.column, je.position,
                            "internal error: the rendered report does not parse (%s); please report this", je.text);
        rview_close(v);
        return -1;
    }
    v->m = v->tree;
    return 0;
}

void rview_close(rview *v) {
    for (int k = 0; k < RL_COUNT; k++) json_decref(v->cur[k]);
    json_decref(v->tree);
    if (v->fd >= 0) close(v->fd);
    slant_buf_free(&v->slice);
    slant_buf_free(&v->strings);
    rview_model(v, NULL);
}

static const json_t *tree_element(const rview *v, int list, size_t i) {
    if (list == RL_SPEAKERS) return rj_get(json_array_get(rj_get(v->m, "sources"), i), "speakers");
    return json_array_get(rj_get(v->m, list_keys[list]), i);
}

size_t rv_len(const rview *v, int list) {
    if (list == RL_SPEAKERS) return rj_len(rj_get(v->m, "sources"));
    if (v->ix && v->ix->have[list]) return v->ix->n[list];
    return rj_len(rj_get(v->m, list_keys[list]));
}

static const json_t *fail(rview *v, slant_error e) {
    if (!v->failed) v->err = e;
    v->failed = 1;
    return NULL;
}

const json_t *rv_get(rview *v, int list, size_t i) { return rv_get_without(v, list, i, NULL); }

const json_t *rv_get_without(rview *v, int list, size_t i, const char *skip) {
    if (i >= rv_len(v, list)) return NULL;
    const rrange *r = v->ix && v->ix->have[list] && i < v->ix->n[list] ? &v->ix->el[list][i] : NULL;
    if (!r || r->len == 0) return tree_element(v, list, i);
    if (v->cur[list] && v->cur_at[list] == i && v->cur_skip[list] == skip) return v->cur[list];
    json_decref(v->cur[list]);
    v->cur[list] = NULL;
    slant_error e;
    slant_buf_clear(&v->slice);
    slant_buf_reserve(&v->slice, (size_t)r->len);
    for (size_t got = 0; got < r->len;) {
        ssize_t n = pread(v->fd, v->slice.data + got, (size_t)r->len - got, (off_t)(r->off + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            slant_error_set(&e, v->ix->path, 0, 0, (long long)(r->off + got), "cannot read back: %s",
                            n < 0 ? strerror(errno) : "the file is shorter than when it was indexed");
            return fail(v, e);
        }
        got += (size_t)n;
    }
    json_error_t je;
    v->cur[list] = slant_json_parse(v->slice.data, (size_t)r->len, SLANT_JSON_ALLOW_NUL, skip, &v->strings);
    if (!v->cur[list]) {
        v->cur[list] = json_loadb(v->slice.data, (size_t)r->len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
        if (skip) json_object_del(v->cur[list], skip);
    }
    if (!v->cur[list]) {
        slant_error_set(&e, "report.json", 0, 0, (long long)(r->off + (uint64_t)je.position),
                        "internal error: the rendered report does not parse (%s); please report this", je.text);
        return fail(v, e);
    }
    v->cur_at[list] = i;
    v->cur_skip[list] = skip;
    return v->cur[list];
}

size_t rindex_split(const rindex *ix, int list, size_t parts, uint64_t min_bytes, size_t *bounds) {
    size_t n = ix->have[list] ? ix->n[list] : 0;
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++) total += ix->el[list][i].len;
    if (n == 0 || parts == 0) return 0;
    if (min_bytes && total / min_bytes < parts) parts = (size_t)(total / min_bytes);
    if (parts == 0) parts = 1;
    /* range k ends at the element boundary nearest k/parts of the bytes:
     * an element goes in the range when its middle comes before that */
    size_t got = 1, i = 0;
    uint64_t sum = 0;
    bounds[0] = 0;
    for (size_t k = 1; k < parts; k++) {
        uint64_t goal = total / parts * k + total % parts * k / parts;
        while (i < n && sum + ix->el[list][i].len / 2 < goal) sum += ix->el[list][i++].len;
        if (i > bounds[got - 1] && i < n) bounds[got++] = i;
    }
    bounds[got] = n;
    return got;
}
