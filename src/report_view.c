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
 * How: rindex_build scans the file once (a string-aware bracket counter,
 * not a parser) and records the byte range of each element of those lists;
 * the small tree is then parsed by jansson from the file with each of those
 * lists replaced by "[]". An element is parsed from its own byte range when
 * asked for (rjson_parse, with jansson's json_loadb as the fallback). A JSON
 * value means the same wherever it stands, so an element parsed alone
 * equals the one in the whole file.
 *
 * The index is read-only once built, so several threads can share it; each
 * rview (one per thread) has its own file descriptor and cached elements.
 */
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_internal.h"

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

rindex *rindex_build(const char *path, slant_error *err) {
    scanner *s = slant_xcalloc(1, sizeof *s);
    s->fd = open(path, O_RDONLY);
    if (s->fd < 0) {
        slant_error_set(err, path, 0, 0, -1, "cannot read back: %s", strerror(errno));
        free(s);
        return NULL;
    }
    rindex *ix = slant_xcalloc(1, sizeof *ix);
    ix->path = slant_xstrdup(path);
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

/* ---------- reading an element ----------
 *
 * jansson's json_loadb reads a byte at a time through its stream layer, and
 * reading the elements back (coverage alone is 13 MB on a 100 MB corpus,
 * read for report.md and again for report.html) was a sixth of analyze's
 * CPU. rjson_parse builds the same jansson values with a table-driven scan
 * over whole runs of string bytes and integers read by hand. It checks what
 * jansson checks (grammar, UTF-8, surrogate pairs, no raw control bytes, no
 * NUL in keys), and gives up (NULL) on anything unusual, including every
 * input jansson would refuse: rv_get then asks json_loadb, so the values
 * and error messages stay exactly jansson's. */

#define RJ_MAX_DEPTH 1024 /* below jansson's 2048: deeper input goes to jansson */

typedef struct {
    const unsigned char *p, *end;
    int depth;
    slant_buf tmp;    /* a string with escapes, decoded */
    const char *skip; /* a key of the root object left out, or NULL */
} rjparser;


static void rj_ws(rjparser *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')) r->p++;
}

static int rj_hex4(const unsigned char *p, uint32_t *out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return 0;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return 1;
}

/* The length of the well-formed UTF-8 sequence at p (RFC 3629: no
 * overlong forms, no surrogates, at most U+10FFFF), 0 when there is none. */
static size_t rj_utf8(const unsigned char *p, const unsigned char *end) {
    unsigned c = p[0];
    size_t n;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) n = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) n = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) n = 4, cp = c & 0x07;
    else return 0;
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80) return 0;
        cp = cp << 6 | (p[i] & 0x3f);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;
    return n;
}

static void rj_put_utf8(slant_buf *b, uint32_t cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) u[0] = (char)cp, n = 1;
    else if (cp < 0x800) u[0] = (char)(0xc0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xe0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3f)), u[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
    else
        u[0] = (char)(0xf0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3f)), u[2] = (char)(0x80 | (cp >> 6 & 0x3f)),
        u[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
    slant_buf_append(b, u, n);
}

/* A string from its opening quote: *s and *n are its decoded bytes, in the
 * input when it has no escape (the usual case), else in r->tmp. */
static int rj_string(rjparser *r, const char **s, size_t *n) {
    const unsigned char *p = r->p + 1, *from = p;
    int escaped = 0;
    for (;;) {
        /* a plain run: printable ASCII but the quote and the backslash */
        while (p < r->end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') p++;
        if (p == r->end || *p < 0x20) return 0;
        if (*p == '"') break;
        if (*p >= 0x80) {
            size_t k = rj_utf8(p, r->end);
            if (!k) return 0;
            p += k;
            continue;
        }
        /* a backslash: decode this string into tmp from here on */
        if (!escaped) {
            slant_buf_clear(&r->tmp);
            escaped = 1;
        }
        slant_buf_append(&r->tmp, (const char *)from, (size_t)(p - from));
        if (r->end - p < 2) return 0;
        int e = p[1];
        p += 2;
        static const char simple[] = "\"\\/bfnrt", value[] = "\"\\/\b\f\n\r\t";
        const char *at = e ? strchr(simple, e) : NULL;
        if (at) {
            slant_buf_putc(&r->tmp, value[at - simple]);
        } else if (e == 'u') {
            uint32_t cp, lo;
            if (r->end - p < 4 || !rj_hex4(p, &cp)) return 0;
            p += 4;
            if (cp >= 0xdc00 && cp <= 0xdfff) return 0;
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (r->end - p < 6 || p[0] != '\\' || p[1] != 'u' || !rj_hex4(p + 2, &lo) || lo < 0xdc00 || lo > 0xdfff)
                    return 0;
                p += 6;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            }
            rj_put_utf8(&r->tmp, cp);
        } else {
            return 0;
        }
        from = p;
    }
    if (escaped) {
        slant_buf_append(&r->tmp, (const char *)from, (size_t)(p - from));
        *s = r->tmp.data, *n = r->tmp.len;
    } else {
        *s = (const char *)from, *n = (size_t)(p - from);
    }
    r->p = p + 1;
    return 1;
}

/* A number as jansson reads it: an integer (no fraction, no exponent) when
 * it fits, else a real; the grammar is JSON's. */
static json_t *rj_number(rjparser *r) {
    const unsigned char *p = r->p, *start = p;
    int neg = 0;
    if (p < r->end && *p == '-') p++, neg = 1;
    const unsigned char *digits = p;
    if (p < r->end && *p == '0') p++;
    else
        while (p < r->end && *p >= '0' && *p <= '9') p++;
    size_t nd = (size_t)(p - digits);
    if (nd == 0) return NULL;
    int real = 0;
    if (p < r->end && *p == '.') {
        const unsigned char *f = ++p;
        while (p < r->end && *p >= '0' && *p <= '9') p++;
        if (p == f) return NULL;
        real = 1;
    }
    if (p < r->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < r->end && (*p == '+' || *p == '-')) p++;
        const unsigned char *x = p;
        while (p < r->end && *p >= '0' && *p <= '9') p++;
        if (p == x) return NULL;
        real = 1;
    }
    if (p < r->end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-'))
        return NULL;
    r->p = p;
    if (!real) {
        if (nd > 18) return NULL; /* may not fit: jansson decides */
        long long v = 0;
        for (const unsigned char *d = digits; d < digits + nd; d++) v = v * 10 + (*d - '0');
        return json_integer(neg ? -v : v);
    }
    /* strtod on a copy: the text need not end after the number */
    char num[64];
    if ((size_t)(p - start) >= sizeof num) return NULL;
    memcpy(num, start, (size_t)(p - start));
    num[p - start] = '\0';
    double v = strtod(num, NULL);
    if (isinf(v)) return NULL; /* jansson calls that an overflow */
    return json_real(v);
}

static json_t *rj_value(rjparser *r);

/* Past a value left out (rjparser.skip): strings are read as always, the
 * rest only for its brackets, so a value left out is not checked as
 * closely as one read (a wrong one is seen when its brackets do not
 * match). */
static int rj_skip_value(rjparser *r) {
    if (r->p == r->end) return 0;
    if (*r->p != '{' && *r->p != '[') {
        json_t *v = rj_value(r);
        json_decref(v);
        return v != NULL;
    }
    size_t depth = 0;
    do {
        if (r->p == r->end) return 0;
        const char *s;
        size_t n;
        int c = *r->p;
        if (c == '"') {
            if (!rj_string(r, &s, &n)) return 0;
            continue;
        }
        if (c == '{' || c == '[') depth++;
        else if (c == '}' || c == ']') depth--;
        r->p++;
    } while (depth > 0);
    return 1;
}

static json_t *rj_container(rjparser *r) {
    int object = *r->p == '{';
    int close = object ? '}' : ']';
    if (++r->depth > RJ_MAX_DEPTH) return NULL;
    json_t *c = object ? json_object() : json_array();
    if (!c) return NULL;
    r->p++;
    rj_ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        r->depth--;
        return c;
    }
    for (;;) {
        rj_ws(r);
        const char *key = NULL;
        size_t klen = 0;
        char small[64], *big = NULL;
        if (object) {
            if (r->p == r->end || *r->p != '"' || !rj_string(r, &key, &klen) || memchr(key, '\0', klen)) break;
            /* a decoded key lives in tmp, which the value may reuse */
            if (key == r->tmp.data) {
                char *k = klen < sizeof small ? small : (big = slant_xmalloc(klen));
                memcpy(k, key, klen);
                key = k;
            }
            rj_ws(r);
            if (r->p == r->end || *r->p != ':') {
                free(big);
                break;
            }
            r->p++;
            rj_ws(r);
        }
        if (object && r->depth == 1 && r->skip && strlen(r->skip) == klen && memcmp(r->skip, key, klen) == 0) {
            free(big);
            if (!rj_skip_value(r)) break;
            rj_ws(r);
            if (r->p == r->end) break;
            int d = *r->p++;
            if (d == close) {
                r->depth--;
                return c;
            }
            if (d != ',') break;
            continue;
        }
        json_t *v = rj_value(r);
        int bad = !v || (object ? json_object_setn_new_nocheck(c, key, klen, v) : json_array_append_new(c, v));
        free(big);
        if (bad) break;
        rj_ws(r);
        if (r->p == r->end) break;
        int d = *r->p++;
        if (d == close) {
            r->depth--;
            return c;
        }
        if (d != ',') break;
    }
    json_decref(c);
    return NULL;
}

static json_t *rj_value(rjparser *r) {
    if (r->p == r->end) return NULL;
    size_t left = (size_t)(r->end - r->p);
    switch (*r->p) {
    case '{':
    case '[':
        return rj_container(r);
    case '"': {
        const char *s;
        size_t n;
        return rj_string(r, &s, &n) ? json_stringn_nocheck(s, n) : NULL;
    }
    case 't':
        if (left < 4 || memcmp(r->p, "true", 4) != 0) return NULL;
        r->p += 4;
        return json_true();
    case 'f':
        if (left < 5 || memcmp(r->p, "false", 5) != 0) return NULL;
        r->p += 5;
        return json_false();
    case 'n':
        if (left < 4 || memcmp(r->p, "null", 4) != 0) return NULL;
        r->p += 4;
        return json_null();
    default:
        return rj_number(r);
    }
}

json_t *rjson_parse(const char *text, size_t len) { return rjson_parse_without(text, len, NULL); }

json_t *rjson_parse_without(const char *text, size_t len, const char *skip) {
    rjparser r = {(const unsigned char *)text, (const unsigned char *)text + len, 0, {0}, skip};
    slant_buf_init(&r.tmp);
    rj_ws(&r);
    json_t *v = rj_value(&r);
    rj_ws(&r);
    if (v && r.p != r.end) {
        json_decref(v);
        v = NULL;
    }
    slant_buf_free(&r.tmp);
    return v;
}

/* ---------- views ---------- */

void rview_model(rview *v, const json_t *model) {
    memset(v, 0, sizeof *v);
    v->m = model;
    v->fd = -1;
    slant_buf_init(&v->slice);
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
    v->cur[list] = rjson_parse_without(v->slice.data, (size_t)r->len, skip);
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
