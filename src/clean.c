/*
 * clean.c - removing web-capture boilerplate line by line, driven by a rules
 * file (lexicons/clean.rules; format in docs/formats.md).
 *
 * Design: one pass over the lines. Each line is trimmed (ASCII and Unicode
 * spaces), stripped of markdown residue, and only then matched, so a rule
 * is written as the text appears on screen. Exact-line rules are one hash
 * lookup; prefix, glob and token-set rules are a short list per section.
 * Globs are matched segment by segment with a left-to-right search, so a
 * 50 MB line costs linear time, never backtracking. A "cut" (a footer such
 * as "What do you think?") drops the rest of the article, but only in the
 * second half of the text: a rhetorical question in the body must never
 * take the article with it. Repeated lines are found through a hash of each
 * kept line (slant_u64map, value = offset of the first copy in the output,
 * compared byte for byte). Every removal is logged with its rule name.
 * A paragraph that ends without final punctuation and whose next paragraph
 * starts in lowercase is one paragraph split by the capture: it is joined.
 */
#include "slant/clean.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#if defined(__SSE2__) && !defined(SLANT_NO_SIMD)
#include <emmintrin.h>
#endif

#include "slant/text.h"

enum rule_kind { R_LINE, R_PREFIX, R_GLOB, R_CUT, R_TOKENS };

static const char *const kind_names[] = {"line", "prefix", "glob", "cut", "tokens"};

typedef struct rule {
    enum rule_kind kind;
    char *pattern;
    size_t len;
    char *name; /* "label:pattern" (pattern shortened), what the log shows */
    long line;  /* in the rules file */
    size_t head, tail; /* glob/cut: literal bytes before the first and after the last '*' */
    int has_star;
} rule;

typedef struct section {
    char *source; /* NULL = global */
    rule *rules;
    size_t n, cap;
    slant_strmap *exact; /* pattern -> rule index, for R_LINE */
    size_t exact_max;    /* longest exact pattern: longer lines skip the lookup */
    uint32_t *others;    /* indexes of the other rules, in file order */
    size_t nothers;
    /* Most of those start with a literal byte (anchored): a line whose first
     * byte starts none of them is tried against the rest (loose) only */
    uint64_t anchored_first[4]; /* bit per first byte of an anchored rule */
    uint32_t *loose;            /* the others that are not anchored, in file order */
    size_t nloose;
} section;

struct slant_clean_rules {
    section *sections;
    size_t n;
};

/* Built-in rule names (not in the rules file). */
static const char RULE_DUPLICATE[] = "duplicate";
static const char RULE_IMAGE[] = "image-file";
static const char RULE_MARKUP[] = "markup-only";
static const char RULE_JOIN[] = "paragraph-join";

/* The key a kept line is remembered by: its length and its first and last
 * 48 bytes. Hashing whole paragraphs cost half the cleaning time; lines
 * that agree on all three but differ in the middle merely escape the
 * duplicate check (the match itself is confirmed byte for byte). */
static uint64_t line_key(const char *s, size_t n) {
    if (n <= 96) return slant_hash_bytes(s, n);
    return slant_hash_combine(slant_hash_combine(slant_hash_bytes(s, 48), slant_hash_bytes(s + n - 48, 48)),
                              (uint64_t)n);
}

/* Repeated lines shorter than this are kept: short lines ("China", "Yes.")
 * legitimately recur; captions printed twice are long. */
enum { DUPLICATE_MIN_BYTES = 12 };
/* Emphasis and link spans are short; bounding the search keeps a pathological
 * line ("*a *a *a ...") linear. */
enum { MARKUP_SPAN_MAX = 1000 };
/* A paragraph is joined to the next only when it is long enough to be
 * prose cut in two, not a heading ("Investing for peace"). */
enum { JOIN_MIN_BYTES = 60 };

/* ---- trimming ---- */

/* Bytes of a Unicode space at s (0 if none): NBSP, figure/narrow NBSP,
 * ideographic space, zero-width space, BOM. */
static size_t uspace_len(const unsigned char *s, size_t n) {
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF))
        return 3;
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;
    return 0;
}

static size_t uspace_before(const unsigned char *s, size_t n) {
    if (n >= 2 && uspace_len(s + n - 2, 2) == 2) return 2;
    if (n >= 3 && uspace_len(s + n - 3, 3) == 3) return 3;
    return 0;
}

static int ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static slant_str trim(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    /* the common line starts and ends with printable ASCII: nothing to trim */
    if (n && p[0] > ' ' && p[0] < 0x80 && p[n - 1] > ' ' && p[n - 1] < 0x80) return slant_str_make(s, n);
    size_t a = 0, b = n, k;
    for (;;) {
        if (a < b && ascii_space(p[a])) a++;
        else if (a < b && (k = uspace_len(p + a, b - a)) > 0) a += k;
        else break;
    }
    for (;;) {
        if (b > a && ascii_space(p[b - 1])) b--;
        else if (b > a && (k = uspace_before(p + a, b - a)) > 0) b -= k;
        else break;
    }
    return slant_str_make(s + a, b - a);
}

/* ---- rules file ---- */

/* A rule that can only match a line starting with its pattern's first byte:
 * a prefix, or a glob/cut with literal bytes before its first '*'. */
static int anchored(const rule *ru) { return ru->kind != R_TOKENS && ru->kind != R_LINE && ru->head > 0; }

void slant_clean_rules_free(slant_clean_rules *r) {
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) {
        section *s = &r->sections[i];
        for (size_t j = 0; j < s->n; j++) {
            free(s->rules[j].pattern);
            free(s->rules[j].name);
        }
        free(s->rules);
        free(s->source);
        slant_strmap_free(s->exact);
        free(s->others);
        free(s->loose);
    }
    free(r->sections);
    free(r);
}

static section *add_section(slant_clean_rules *r, const char *source, size_t n) {
    r->sections = slant_xrealloc(r->sections, (r->n + 1) * sizeof *r->sections);
    section *s = &r->sections[r->n++];
    memset(s, 0, sizeof *s);
    s->source = source ? slant_xstrndup(source, n) : NULL;
    s->exact = slant_strmap_new(64);
    return s;
}

static int label_char(unsigned char c) {
    return isalnum(c) || c == '-' || c == '_' || c == '.';
}

/* The name a removal is logged under: label:pattern, the pattern cut to
 * about 40 bytes on a UTF-8 boundary. */
static char *rule_name(const char *label, size_t ln, const char *pat, size_t pn) {
    size_t keep = pn;
    int cut = 0;
    if (keep > 40) {
        keep = 40;
        while (keep > 0 && ((unsigned char)pat[keep] & 0xC0) == 0x80) keep--;
        cut = 1;
    }
    slant_buf b;
    slant_buf_init(&b);
    slant_buf_append(&b, label, ln);
    slant_buf_putc(&b, ':');
    slant_buf_append(&b, pat, keep);
    if (cut) slant_buf_puts(&b, "...");
    return slant_buf_detach(&b, NULL);
}

static int sources_equal(const char *a, size_t an, const char *b, size_t bn) {
    if (an != bn) return 0;
    for (size_t i = 0; i < an; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return 0;
    return 1;
}

int slant_clean_rules_parse(const char *name, const char *text, size_t len,
                            slant_clean_rules **out, slant_error *err) {
    *out = NULL;
    if (memchr(text, '\0', len))
        return slant_error_set(err, name, 0, 0, (long long)((const char *)memchr(text, '\0', len) - text),
                               "NUL byte in a rules file (a binary file?)");
    if (slant_utf8_check(text, len, name, err) != 0) return -1;
    slant_clean_rules *r = slant_xcalloc(1, sizeof *r);
    section *cur = add_section(r, NULL, 0);
    size_t pos = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;
    long line = 0;
    while (pos < len) {
        const char *ls = text + pos;
        const char *nl = memchr(ls, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - ls) : len - pos;
        pos += ll + (nl ? 1 : 0);
        line++;
        slant_str t = trim(ls, ll);
        if (t.len == 0 || t.ptr[0] == '#') continue;
        long col0 = (long)(t.ptr - ls) + 1;
        if (t.ptr[0] == '[') {
            if (t.ptr[t.len - 1] != ']')
                goto bad_section;
            slant_str inner = trim(t.ptr + 1, t.len - 2);
            if (slant_str_eq(inner, "global")) {
                cur = &r->sections[0];
                continue;
            }
            if (inner.len > 7 && memcmp(inner.ptr, "source:", 7) == 0) {
                slant_str src = trim(inner.ptr + 7, inner.len - 7);
                if (src.len == 0) goto bad_section;
                cur = NULL;
                for (size_t i = 1; i < r->n; i++)
                    if (sources_equal(r->sections[i].source, strlen(r->sections[i].source),
                                      src.ptr, src.len))
                        cur = &r->sections[i];
                if (!cur) cur = add_section(r, src.ptr, src.len);
                continue;
            }
        bad_section:
            slant_clean_rules_free(r);
            return slant_error_set(err, name, line, col0, -1,
                                   "bad section header: write [global] or [source: NAME]");
        }
        /* KIND LABEL PATTERN */
        const char *p = t.ptr, *e = t.ptr + t.len;
        const char *k0 = p;
        while (p < e && !ascii_space((unsigned char)*p)) p++;
        size_t kn = (size_t)(p - k0);
        int kind = -1;
        for (int i = 0; i < 5; i++)
            if (strlen(kind_names[i]) == kn && memcmp(kind_names[i], k0, kn) == 0) kind = i;
        if (kind < 0) {
            slant_clean_rules_free(r);
            return slant_error_set(err, name, line, col0, -1,
                                   "unknown rule kind \"%.*s\": use line, prefix, glob, cut or "
                                   "tokens",
                                   (int)(kn > 40 ? 40 : kn), k0);
        }
        while (p < e && ascii_space((unsigned char)*p)) p++;
        const char *l0 = p;
        while (p < e && !ascii_space((unsigned char)*p)) p++;
        size_t ln = (size_t)(p - l0);
        int label_ok = ln > 0;
        for (size_t i = 0; i < ln; i++)
            if (!label_char((unsigned char)l0[i])) label_ok = 0;
        if (!label_ok) {
            slant_clean_rules_free(r);
            return slant_error_set(err, name, line, (long)(l0 - ls) + 1, -1,
                                   "missing or bad rule label: after the kind, give a label of "
                                   "letters, digits, '-', '_' or '.' (e.g. nav), then the pattern");
        }
        slant_str pat = trim(p, (size_t)(e - p));
        if (pat.len == 0) {
            slant_clean_rules_free(r);
            return slant_error_set(err, name, line, (long)(p - ls) + 1, -1,
                                   "rule has no pattern: write KIND LABEL PATTERN");
        }
        if ((kind == R_GLOB || kind == R_CUT) && pat.len == 1 && pat.ptr[0] == '*') {
            slant_clean_rules_free(r);
            return slant_error_set(err, name, line, (long)(pat.ptr - ls) + 1, -1,
                                   "a pattern of only '*' would remove every line");
        }
        for (size_t i = 0; i < cur->n; i++)
            if ((int)cur->rules[i].kind == kind && cur->rules[i].len == pat.len &&
                memcmp(cur->rules[i].pattern, pat.ptr, pat.len) == 0) {
                long first = cur->rules[i].line;
                slant_clean_rules_free(r);
                return slant_error_set(err, name, line, col0, -1,
                                       "duplicate rule (first on line %ld)", first);
            }
        if (cur->n == cur->cap) {
            cur->cap = cur->cap ? cur->cap * 2 : 16;
            cur->rules = slant_xrealloc(cur->rules, cur->cap * sizeof *cur->rules);
        }
        rule *ru = &cur->rules[cur->n];
        ru->kind = (enum rule_kind)kind;
        ru->pattern = slant_xstrndup(pat.ptr, pat.len);
        ru->len = pat.len;
        ru->name = rule_name(l0, ln, pat.ptr, pat.len);
        ru->line = line;
        {
            const char *first = memchr(pat.ptr, '*', pat.len);
            ru->has_star = first != NULL;
            ru->head = first ? (size_t)(first - pat.ptr) : pat.len;
            const char *last = pat.ptr + pat.len;
            while (first && *--last != '*') {}
            ru->tail = first ? (size_t)(pat.ptr + pat.len - 1 - last) : 0;
        }
        if (kind == R_LINE) {
            slant_strmap_upsert(cur->exact, pat.ptr, pat.len, slant_hash_bytes(pat.ptr, pat.len),
                                (uint32_t)cur->n, NULL);
            if (pat.len > cur->exact_max) cur->exact_max = pat.len;
        }
        if (kind != R_LINE) { /* matched one by one: listed apart from the exact lines */
            cur->others = slant_xrealloc(cur->others, (cur->nothers + 1) * sizeof *cur->others);
            cur->others[cur->nothers++] = (uint32_t)cur->n;
            if (anchored(ru)) {
                unsigned char c = (unsigned char)ru->pattern[0];
                cur->anchored_first[c / 64] |= (uint64_t)1 << (c % 64);
            } else {
                cur->loose = slant_xrealloc(cur->loose, (cur->nloose + 1) * sizeof *cur->loose);
                cur->loose[cur->nloose++] = (uint32_t)cur->n;
            }
        }
        cur->n++;
    }
    *out = r;
    return 0;
}

int slant_clean_rules_load(const char *path, slant_clean_rules **out, slant_error *err) {
    slant_buf b;
    slant_buf_init(&b);
    int rc = slant_read_file(path, &b, 16u << 20, err);
    if (rc == 0) rc = slant_clean_rules_parse(path, b.data, b.len, out, err);
    slant_buf_free(&b);
    return rc;
}

char *slant_clean_rules_default_path(void) { return slant_data_path("clean.rules"); }

int slant_clean_rules_open(const char *path, slant_clean_rules **out, char **path_out,
                           slant_error *err) {
    char *p = path ? slant_xstrdup(path) : slant_clean_rules_default_path();
    if (!p)
        return slant_error_set(err, "", 0, 0, -1,
                               "no cleaning rules found (looked for clean.rules in "
                               "$SLANT_LEXICONS, " SLANT_DATADIR "/lexicons, ./lexicons and next "
                               "to the slant executable): pass --rules FILE or --no-clean");
    int rc = slant_clean_rules_load(p, out, err);
    if (rc == 0 && path_out) *path_out = p;
    else free(p);
    return rc;
}

/* ---- matching ---- */

static const char *find_bytes(const char *h, size_t hn, const char *nd, size_t nn) {
    if (nn == 0) return h;
    while (hn >= nn) {
        const char *c = memchr(h, nd[0], hn - nn + 1);
        if (!c) return NULL;
        if (memcmp(c, nd, nn) == 0) return c;
        hn -= (size_t)(c - h) + 1;
        h = c + 1;
    }
    return NULL;
}

/* '*' matches any run of bytes. Literal head and tail are anchored; the
 * middle pieces are found leftmost-first, which is exact for '*'-only globs.
 * Where the stars are is worked out once, when the rules are read. */
static int glob_match(const rule *ru, const char *s, size_t sn) {
    const char *p = ru->pattern;
    size_t pn = ru->len;
    if (!ru->has_star) return pn == sn && memcmp(p, s, sn) == 0;
    size_t head = ru->head, tail = ru->tail;
    const char *first = p + head, *last = p + pn - 1 - tail;
    if (head + tail > sn || (tail && s[sn - 1] != p[pn - 1]) || memcmp(p, s, head) != 0 || memcmp(last + 1, s + sn - tail, tail) != 0)
        return 0;
    size_t pos = head, end = sn - tail;
    const char *q = first + 1;
    while (q < last) {
        const char *star = memchr(q, '*', (size_t)(last - q) + 1);
        size_t seg = (size_t)(star - q);
        if (seg) {
            const char *f = find_bytes(s + pos, end - pos, q, seg);
            if (!f) return 0;
            pos = (size_t)(f - s) + seg;
        }
        q = star + 1;
    }
    return 1;
}

/* Every space-separated token of the line is one of the rule's tokens. */
static int tokens_match(const rule *ru, const char *s, size_t n) {
    size_t i = 0, ntok = 0;
    while (i < n) {
        while (i < n && ascii_space((unsigned char)s[i])) i++;
        if (i == n) break;
        size_t a = i;
        while (i < n && !ascii_space((unsigned char)s[i])) i++;
        size_t tl = i - a;
        int found = 0;
        const char *pp = ru->pattern, *pe = ru->pattern + ru->len;
        while (pp < pe && !found) {
            while (pp < pe && ascii_space((unsigned char)*pp)) pp++;
            const char *b = pp;
            while (pp < pe && !ascii_space((unsigned char)*pp)) pp++;
            if ((size_t)(pp - b) == tl && memcmp(b, s + a, tl) == 0) found = 1;
        }
        if (!found) return 0;
        ntok++;
    }
    return ntok > 0;
}

/* The first rule of section s that matches line m (trimmed, markup
 * stripped). Cut rules are reported through *is_cut. */
static const rule *section_match(const section *sec, const char *m, size_t n, uint64_t *hash,
                                 int *hashed) {
    if (n <= sec->exact_max && slant_strmap_count(sec->exact) > 0) {
        if (!*hashed) *hash = slant_hash_bytes(m, n), *hashed = 1;
        uint32_t *ix = slant_strmap_get(sec->exact, m, n, *hash);
        if (ix) return &sec->rules[*ix];
    }
    const uint32_t *list = sec->others;
    size_t count = sec->nothers;
    unsigned char c0 = n ? (unsigned char)m[0] : 0;
    if (n == 0 || !(sec->anchored_first[c0 / 64] >> (c0 % 64) & 1)) {
        list = sec->loose;
        count = sec->nloose;
    }
    for (size_t i = 0; i < count; i++) {
        const rule *ru = &sec->rules[list[i]];
        if (anchored(ru) && c0 != (unsigned char)ru->pattern[0]) continue;
        switch (ru->kind) {
        case R_LINE: break; /* not listed in others */
        case R_PREFIX:
            if (n >= ru->len && memcmp(m, ru->pattern, ru->len) == 0) return ru;
            break;
        case R_GLOB:
        case R_CUT:
            if (glob_match(ru, m, n)) return ru;
            break;
        case R_TOKENS:
            if (n <= 4 * ru->len && tokens_match(ru, m, n)) return ru;
            break;
        }
    }
    return NULL;
}

static int is_image_file(const char *s, size_t n) {
    static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp",
                                      ".svg", ".bmp",  ".tif", ".tiff", ".avif"};
    if (n < 5 || n > 512) return 0;
    for (size_t i = 0; i < n; i++)
        if (ascii_space((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) return 0;
    for (size_t e = 0; e < sizeof ext / sizeof ext[0]; e++) {
        size_t el = strlen(ext[e]);
        if (n > el) {
            size_t i;
            for (i = 0; i < el; i++)
                if (tolower((unsigned char)s[n - el + i]) != ext[e][i]) break;
            if (i == el) return 1;
        }
    }
    return 0;
}

/* ---- markdown residue ---- */

static int is_ascii_punct(unsigned char c) { return c < 0x80 && ispunct(c); }

/* Forward-only search caches: every lookup starts at or after the previous
 * one, so each cache scans the line once and stripping stays linear even on
 * a 50 MB line full of '*' or '['. */
typedef struct next_cache {
    size_t at; /* position found (n = none) for queries from <= `from` */
    size_t from;
    int valid;
} next_cache;

static size_t next_byte(next_cache *c, const char *s, size_t n, size_t from, char ch) {
    if (c->valid && from >= c->from && (c->at >= from)) return c->at;
    const char *p = from < n ? memchr(s + from, ch, n - from) : NULL;
    c->at = p ? (size_t)(p - s) : n;
    c->from = from;
    c->valid = 1;
    return c->at;
}

/* A '*' that can close emphasis: after a non-space, not before a letter. */
static size_t next_closer(next_cache *stars, next_cache *c, const char *s, size_t n, size_t from) {
    if (c->valid && from >= c->from && c->at >= from) return c->at;
    size_t j = from;
    for (;;) {
        j = next_byte(stars, s, n, j, '*');
        if (j >= n) break;
        if (j > 0 && !ascii_space((unsigned char)s[j - 1]) && s[j - 1] != '*' &&
            (j + 1 == n || (!isalnum((unsigned char)s[j + 1]) && s[j + 1] != '*')))
            break;
        j++;
    }
    c->at = j;
    c->from = from;
    c->valid = 1;
    return j;
}

/* Bytes that may start markdown residue (1; everything else is copied as
 * is), and the line end (2). */
static const unsigned char stop_byte[256] = {['\\'] = 1, ['*'] = 1, ['['] = 1, ['!'] = 1, ['\n'] = 2};

/* The first byte at or after i that may start markdown residue, or with
 * `lines` set also a newline (n if none). Prose has few, and this scan took
 * most of the cleaning time as a byte loop: 16 bytes are compared at a time
 * with SSE2 (always there on x86-64), or 8 with SWAR elsewhere (a byte of w
 * equal to c shows as a zero byte of w ^ c*ONES, found with the classic
 * (v - ONES) & ~v & HIGH test, which never misses and only over-reports
 * after a true hit). Without `lines` the fifth comparison repeats '\\'. */
static inline size_t next_stop(const char *s, size_t n, size_t i, int lines) {
#if defined(__SSE2__) && !defined(SLANT_NO_SIMD)
    const __m128i bs = _mm_set1_epi8('\\'), st = _mm_set1_epi8('*'), br = _mm_set1_epi8('['),
                  ex = _mm_set1_epi8('!'), nl = _mm_set1_epi8(lines ? '\n' : '\\');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, st)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, br), _mm_cmpeq_epi8(v, ex)));
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, nl));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m) return i + (size_t)__builtin_ctz(m);
    }
#else
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    const unsigned char marks[5] = {'\\', '*', '[', '!', lines ? '\n' : '\\'};
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t hit = 0;
        for (int k = 0; k < 5; k++) {
            uint64_t v = w ^ (marks[k] * ones);
            hit |= (v - ones) & ~v & high;
        }
        if (hit) break; /* the byte loop below pins it down */
    }
#endif
    unsigned want = lines ? 3 : 1;
    while (i < n && !(stop_byte[(unsigned char)s[i]] & want)) i++;
    return i;
}

static size_t next_markup(const char *s, size_t n, size_t i) { return next_stop(s, n, i, 0); }

/* Append line s to out without markdown residue; returns fragments removed. */
static size_t strip_markup(const char *s, size_t n, slant_buf *out) {
    size_t removed = 0, i = 0;
    next_cache stars = {0, 0, 0}, closers = {0, 0, 0}, brackets = {0, 0, 0}, parens = {0, 0, 0};
    /* ATX headings: "# ", "## " ... */
    size_t h = 0;
    while (h < n && h < 6 && s[h] == '#') h++;
    if (h > 0 && (h == n || s[h] == ' ')) {
        i = h;
        while (i < n && s[i] == ' ') i++;
        removed++;
    }
    size_t run = i;
    while (i < n) {
        i = next_markup(s, n, i);
        if (i == n) break;
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < n && is_ascii_punct((unsigned char)s[i + 1])) {
            slant_buf_append(out, s + run, i - run);
            slant_buf_putc(out, s[i + 1]);
            i += 2;
            run = i;
            removed++;
            continue;
        }
        if (c == '*' && i + 1 < n && s[i + 1] == '*') {
            /* bold markers: "**" never occurs in prose */
            slant_buf_append(out, s + run, i - run);
            i += 2;
            run = i;
            removed++;
            continue;
        }
        if (c == '*' && i + 1 < n && !ascii_space((unsigned char)s[i + 1]) &&
            (i == 0 || !isalnum((unsigned char)s[i - 1]))) {
            /* *emphasis*: a closing '*' after a non-space, not inside a word */
            size_t j = next_closer(&stars, &closers, s, n, i + 2);
            if (j < n && j - i <= MARKUP_SPAN_MAX) {
                slant_buf_append(out, s + run, i - run);
                slant_buf_append(out, s + i + 1, j - i - 1);
                i = j + 1;
                run = i;
                removed++;
                continue;
            }
            i++;
            continue;
        }
        if (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) {
            size_t open = c == '!' ? i + 1 : i;
            size_t close = next_byte(&brackets, s, n, open + 1, ']');
            if (close + 1 < n && close - open <= MARKUP_SPAN_MAX && s[close + 1] == '(') {
                size_t rp = next_byte(&parens, s, n, close + 2, ')');
                if (rp < n && rp - close <= MARKUP_SPAN_MAX) {
                    slant_buf_append(out, s + run, i - run);
                    if (c == '[') /* a link keeps its text; an image goes */
                        slant_buf_append(out, s + open + 1, close - open - 1);
                    i = rp + 1;
                    run = i;
                    removed++;
                    continue;
                }
            }
        }
        i++;
    }
    slant_buf_append(out, s + run, n - run);
    return removed;
}

/* ---- the cleaning pass ---- */

void slant_clean_log_init(slant_clean_log *log) { memset(log, 0, sizeof *log); }

void slant_clean_log_free(slant_clean_log *log) {
    free(log->items);
    slant_clean_log_init(log);
}

static void log_clear(slant_clean_log *log) {
    log->n = 0;
    log->lines_removed = log->bytes_removed = log->markup_stripped = 0;
    log->paragraphs_joined = 0;
}

static void log_add(slant_clean_log *log, uint32_t line, size_t start, size_t end,
                    const char *why) {
    if (!log) return;
    if (log->n == log->cap) {
        log->cap = log->cap ? log->cap * 2 : 32;
        log->items = slant_xrealloc(log->items, log->cap * sizeof *log->items);
    }
    slant_clean_removal *r = &log->items[log->n++];
    r->line = line;
    r->start = (uint32_t)start;
    r->end = (uint32_t)end;
    r->rule = why;
    if (why != RULE_JOIN) {
        log->lines_removed++;
        log->bytes_removed += end - start;
    }
}

void slant_clean_scratch_init(slant_clean_scratch *s) {
    slant_buf_init(&s->line);
    s->seen = NULL;
}

void slant_clean_scratch_free(slant_clean_scratch *s) {
    slant_buf_free(&s->line);
    slant_u64map_free(s->seen);
    s->seen = NULL;
}

/* Decode the code point starting at s (n > 0 bytes); -1 if invalid. */
static utf8proc_int32_t first_cp(const char *s, size_t n) {
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n > 4 ? 4 : n), &cp) < 0)
        return -1;
    return cp;
}

static int ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int ends_mid_sentence(const char *s, size_t n) {
    if (n == 0) return 0;
    unsigned char last = (unsigned char)s[n - 1];
    if (last < 0x80) return last == ',' || ascii_alnum(last); /* what the categories say for ASCII */
    size_t k = n - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    utf8proc_int32_t cp = first_cp(s + k, n - k);
    if (cp == ',') return 1;
    if (cp < 0) return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

static int starts_lowercase(const char *s, size_t n) {
    if (n == 0) return 0;
    if ((unsigned char)s[0] < 0x80) return s[0] >= 'a' && s[0] <= 'z';
    utf8proc_int32_t cp = first_cp(s, n);
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

void slant_clean_text_r(const slant_clean_rules *rules, const char *source, const char *text,
                        size_t len, slant_buf *out, slant_clean_log *log,
                        slant_clean_scratch *scratch) {
    slant_buf_reserve(out, len);
    slant_buf_clear(out);
    if (log) log_clear(log);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) text += 3, len -= 3;

    const section *secs[16];
    size_t nsecs = 0;
    if (rules) {
        secs[nsecs++] = &rules->sections[0];
        size_t sl = source ? strlen(source) : 0;
        for (size_t i = 1; i < rules->n && source && nsecs < 16; i++)
            if (sources_equal(rules->sections[i].source, strlen(rules->sections[i].source), source,
                              sl))
                secs[nsecs++] = &rules->sections[i];
    }
    int dedupe = len < UINT32_MAX;
    if (dedupe) {
        /* small at first: it grows to the longest article's lines and is
         * cleared (all of it) for every article */
        if (!scratch->seen) scratch->seen = slant_u64map_new(16);
        else if (slant_u64map_count(scratch->seen)) slant_u64map_clear(scratch->seen);
    }

    size_t pos = 0;
    uint32_t lineno = 0;
    int blank_pending = 0;
    size_t blank_start = 0, blank_line = 0; /* first blank line since the last kept line */
    size_t last_line_start = 0;             /* in out: where the last kept line begins */
    size_t paragraph_start = 0;             /* in out: where the current paragraph begins */
    const rule *cutting = NULL;
    while (pos < len) {
        const char *ls = text + pos;
        /* one scan finds the line's end or, before it, a byte that may
         * start markup (most lines have none: matched in place, not copied) */
        size_t stop = next_stop(text, len, pos, 1);
        int markup = stop < len && text[stop] != '\n';
        const char *nl = markup ? memchr(text + stop, '\n', len - stop) : stop < len ? text + stop : NULL;
        size_t ll = nl ? (size_t)(nl - ls) : len - pos;
        size_t line_start = pos;
        pos += ll + (nl ? 1 : 0);
        lineno++;
        slant_str t = trim(ls, ll);
        if (cutting) {
            if (t.len) log_add(log, lineno, line_start, line_start + ll, cutting->name);
            continue;
        }
        if (t.len == 0) {
            if (!blank_pending && out->len) {
                blank_pending = 1;
                blank_start = line_start;
                blank_line = lineno;
            }
            continue;
        }
        size_t frags = 0;
        slant_str m = t;
        if (t.ptr[0] == '#' || markup) { /* trimming drops spaces, never markup */
            slant_buf_clear(&scratch->line);
            frags = strip_markup(t.ptr, t.len, &scratch->line);
            m = trim(scratch->line.data, scratch->line.len);
        }
        const char *why = NULL;
        if (m.len == 0) why = RULE_MARKUP;
        uint64_t hash = 0;
        int hashed = 0;
        for (size_t i = 0; i < nsecs && !why; i++) {
            const rule *ru = section_match(secs[i], m.ptr, m.len, &hash, &hashed);
            if (!ru) continue;
            if (ru->kind == R_CUT && line_start * 2 < len) continue; /* not a footer */
            why = ru->name;
            if (ru->kind == R_CUT) cutting = ru;
        }
        if (!why && is_image_file(m.ptr, m.len)) why = RULE_IMAGE;
        int track = dedupe && m.len >= DUPLICATE_MIN_BYTES;
        /* the exact-rule lookup may have hashed the line already: the same
         * key for lines up to 96 bytes */
        uint64_t key = track ? (hashed && m.len <= 96 ? hash : line_key(m.ptr, m.len)) : 0;
        if (!why && track) {
            const uint32_t *first = slant_u64map_get(scratch->seen, key);
            if (first) {
                const char *prev = out->data + *first;
                size_t avail = out->len - *first;
                if (avail >= m.len && memcmp(prev, m.ptr, m.len) == 0 &&
                    (avail == m.len || prev[m.len] == '\n'))
                    why = RULE_DUPLICATE;
            }
        }
        if (why) {
            log_add(log, lineno, line_start, line_start + ll, why);
            continue;
        }
        /* keep the line */
        if (log) log->markup_stripped += frags;
        if (out->len) {
            if (blank_pending && out->len - paragraph_start >= JOIN_MIN_BYTES &&
                ends_mid_sentence(out->data + last_line_start, out->len - last_line_start) &&
                starts_lowercase(m.ptr, m.len)) {
                slant_buf_putc(out, ' ');
                if (log) {
                    log->paragraphs_joined++;
                    log_add(log, (uint32_t)blank_line, blank_start, blank_start, RULE_JOIN);
                }
            } else {
                slant_buf_append(out, blank_pending ? "\n\n" : "\n", blank_pending ? 2 : 1);
                if (blank_pending) paragraph_start = out->len;
            }
        }
        blank_pending = 0;
        last_line_start = out->len;
        if (track) slant_u64map_upsert(scratch->seen, key, (uint32_t)out->len, NULL);
        slant_buf_append(out, m.ptr, m.len);
    }
    if (out->len) slant_buf_putc(out, '\n');
}

void slant_clean_text(const slant_clean_rules *rules, const char *source, const char *text,
                      size_t len, slant_buf *out, slant_clean_log *log) {
    slant_clean_scratch s;
    slant_clean_scratch_init(&s);
    slant_clean_text_r(rules, source, text, len, out, log, &s);
    slant_clean_scratch_free(&s);
}
