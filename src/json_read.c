/*
 * json_read.c - JSON text to jansson values without jansson's reader, for
 * the paths that read much JSON back: report.json's list elements (read for
 * report.md and again for report.html; coverage alone is 13 MB on a 100 MB
 * corpus) and JSON Lines articles (3.6 KB of text a line on the map step).
 *
 * Why: json_loadb reads a byte at a time through its stream layer; it was a
 * sixth of analyze's CPU and a third of `score --partial -`. This reader
 * builds the same jansson values with scans over whole runs of string bytes,
 * integers read by hand. It checks what jansson checks (grammar, UTF-8,
 * surrogate pairs, no raw control bytes, no NUL in keys, and no \u0000 at
 * all unless allowed), and gives up (NULL) on anything unusual, including
 * every input jansson would refuse: callers then ask json_loadb, so values
 * and error messages stay exactly jansson's.
 */
#include "slant/json_read.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RJ_MAX_DEPTH 1024 /* below jansson's 2048: deeper input goes to jansson */

typedef struct {
    const unsigned char *p, *end;
    int depth;
    slant_buf *tmp;   /* a string with escapes, decoded */
    int allow_nul;    /* \u0000 in a string value (never in a key) */
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
            slant_buf_clear(r->tmp);
            escaped = 1;
        }
        slant_buf_append(r->tmp, (const char *)from, (size_t)(p - from));
        if (r->end - p < 2) return 0;
        int e = p[1];
        p += 2;
        static const char simple[] = "\"\\/bfnrt", value[] = "\"\\/\b\f\n\r\t";
        const char *at = e ? strchr(simple, e) : NULL;
        if (at) {
            slant_buf_putc(r->tmp, value[at - simple]);
        } else if (e == 'u') {
            uint32_t cp, lo;
            if (r->end - p < 4 || !rj_hex4(p, &cp)) return 0;
            p += 4;
            if ((cp >= 0xdc00 && cp <= 0xdfff) || (cp == 0 && !r->allow_nul)) return 0;
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (r->end - p < 6 || p[0] != '\\' || p[1] != 'u' || !rj_hex4(p + 2, &lo) || lo < 0xdc00 || lo > 0xdfff)
                    return 0;
                p += 6;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            }
            rj_put_utf8(r->tmp, cp);
        } else {
            return 0;
        }
        from = p;
    }
    if (escaped) {
        slant_buf_append(r->tmp, (const char *)from, (size_t)(p - from));
        *s = r->tmp->data, *n = r->tmp->len;
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
            if (key == r->tmp->data) {
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
        int bad;
        if (object && r->depth == 1 && r->skip && strlen(r->skip) == klen && memcmp(r->skip, key, klen) == 0) {
            bad = !rj_skip_value(r);
        } else {
            json_t *v = rj_value(r);
            bad = !v || (object ? json_object_setn_new_nocheck(c, key, klen, v) : json_array_append_new(c, v));
        }
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

json_t *slant_json_parse(const char *text, size_t len, int flags, const char *skip, slant_buf *scratch) {
    slant_buf own;
    slant_buf_init(&own);
    rjparser r = {(const unsigned char *)text, (const unsigned char *)text + len, 0, scratch ? scratch : &own,
                  (flags & SLANT_JSON_ALLOW_NUL) != 0, skip};
    rj_ws(&r);
    json_t *v = rj_value(&r);
    rj_ws(&r);
    if (v && r.p != r.end) {
        json_decref(v);
        v = NULL;
    }
    slant_buf_free(&own);
    return v;
}

