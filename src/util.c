/*
 * util.c - error type, allocation, buffers, arena, hashing, the one hash
 * table, and file I/O shared by every module.
 *
 * The hash table is open addressing with linear probing over slots that
 * keep the full 64-bit hash, so a probe compares hashes before touching key
 * bytes; it grows at 70% load. Keys live in an arena owned by the table, so
 * inserting never calls malloc per key.
 */
#include "slant/util.h"
#include "hashmix.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- errors ---- */

void slant_error_clear(slant_error *e) {
    if (!e) return;
    memset(e, 0, sizeof *e);
    e->offset = -1;
}

int slant_error_set(slant_error *e, const char *file, long line, long column, long long offset,
                    const char *fmt, ...) {
    if (!e) return -1;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = line;
    e->column = column;
    e->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

void slant_error_format(const slant_error *e, char *out, size_t outsz) {
    if (e->file[0] && e->line > 0 && e->column > 0)
        snprintf(out, outsz, "%s:%ld:%ld: %s", e->file, e->line, e->column, e->msg);
    else if (e->file[0] && e->line > 0)
        snprintf(out, outsz, "%s:%ld: %s", e->file, e->line, e->msg);
    else if (e->file[0] && e->offset >= 0)
        snprintf(out, outsz, "%s: byte %lld: %s", e->file, e->offset, e->msg);
    else if (e->file[0])
        snprintf(out, outsz, "%s: %s", e->file, e->msg);
    else
        snprintf(out, outsz, "%s", e->msg);
}

void slant_error_print(const slant_error *e, FILE *f) {
    char buf[2048];
    slant_error_format(e, buf, sizeof buf);
    fprintf(f, "slant: %s\n", buf);
}

/* ---- allocation ---- */

static void oom(size_t n) {
    fprintf(stderr, "slant: out of memory (asked for %zu bytes)\n", n);
    exit(SLANT_EXIT_BAD_INPUT);
}

void *slant_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *slant_xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *slant_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *slant_xstrdup(const char *s) { return slant_xstrndup(s, strlen(s)); }

char *slant_xstrndup(const char *s, size_t n) {
    char *p = slant_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int slant_str_eq(slant_str a, const char *cstr) {
    size_t n = strlen(cstr);
    return a.len == n && memcmp(a.ptr, cstr, n) == 0;
}

/* ---- buffer ---- */

void slant_buf_init(slant_buf *b) {
    b->data = NULL;
    b->len = b->cap = 0;
}

void slant_buf_free(slant_buf *b) {
    free(b->data);
    slant_buf_init(b);
}

void slant_buf_grow(slant_buf *b, size_t extra) {
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap < ((size_t)1 << 40) ? cap * 2 : need;
    b->data = slant_xrealloc(b->data, cap);
    b->cap = cap;
}

void slant_buf_clear(slant_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void slant_buf_vprintf(slant_buf *b, const char *fmt, va_list ap) {
    /* one pass when the text fits in what is reserved (the common case) */
    slant_buf_reserve(b, 64);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        slant_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void slant_buf_printf(slant_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    slant_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* Digits two at a time: "00" "01" ... "99". */
static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                  "8081828384858687888990919293949596979899";

/* Writes v's decimal digits so they end at end; returns where they start.
 * Numbers below 2^32 (nearly all that slant writes) take the 32-bit loop:
 * dividing by 100 is then one multiply by a 32-bit reciprocal, not a
 * 64x64 -> 128-bit one (the formatting was 4% of score --partial's
 * instructions). */
static char *u64_digits(uint64_t v, char *end) {
    while (v > UINT32_MAX) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        end -= 2;
        memcpy(end, digit_pairs + 2 * r, 2);
    }
    uint32_t w = (uint32_t)v;
    while (w >= 100) {
        uint32_t r = w % 100;
        w /= 100;
        end -= 2;
        memcpy(end, digit_pairs + 2 * r, 2);
    }
    if (w >= 10) {
        end -= 2;
        memcpy(end, digit_pairs + 2 * w, 2);
    } else {
        *--end = (char)('0' + w);
    }
    return end;
}

/* Decimal digits in v: compares, four digits per division. */
static size_t u64_len(uint64_t v) {
    for (size_t n = 1;; n += 4, v /= 10000) {
        if (v < 10) return n;
        if (v < 100) return n + 1;
        if (v < 1000) return n + 2;
        if (v < 10000) return n + 3;
    }
}

/* 5 to 8 digits (the micro-unit values of a partial): all 8 from four
 * digit pairs with no loop, gathered in a register (little-endian: the
 * first digit in the low byte), shifted so the number's n digits come
 * first, and stored in one 8-byte move (the caller's room is
 * SLANT_FMT_U64_MAX bytes; what lies past the n digits is scratch).
 * Gathering them in memory instead stalled the 8-byte read on the 2-byte
 * writes. Shorter numbers (offsets, counts) are quicker through the loop. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FMT_DIGITS8 1
static char *fmt_u32_5to8(char *out, uint32_t w) {
    size_t n = 5 + (w >= 100000) + (w >= 1000000) + (w >= 10000000); /* no branch */
    uint32_t hi = w / 10000, lo = w % 10000;
    uint16_t p[4];
    memcpy(&p[0], digit_pairs + 2 * (hi / 100), 2);
    memcpy(&p[1], digit_pairs + 2 * (hi % 100), 2);
    memcpy(&p[2], digit_pairs + 2 * (lo / 100), 2);
    memcpy(&p[3], digit_pairs + 2 * (lo % 100), 2);
    uint64_t x = (uint64_t)p[0] | (uint64_t)p[1] << 16 | (uint64_t)p[2] << 32 | (uint64_t)p[3] << 48;
    x >>= 8 * (8 - n);
    memcpy(out, &x, 8);
    return out + n;
}
#endif

char *slant_fmt_u64(char *out, uint64_t v) {
#ifdef FMT_DIGITS8
    if (v >= 10000 && v < 100000000) return fmt_u32_5to8(out, (uint32_t)v);
#endif
    size_t n = u64_len(v);
    u64_digits(v, out + n);
    return out + n;
}

void slant_buf_put_u64(slant_buf *b, uint64_t v) {
    slant_buf_reserve(b, SLANT_FMT_U64_MAX);
    b->len = (size_t)(slant_fmt_u64(b->data + b->len, v) - b->data);
    b->data[b->len] = '\0';
}

void slant_buf_put_i64(slant_buf *b, int64_t v) {
    char tmp[21];
    /* negate in unsigned arithmetic so INT64_MIN does not overflow */
    char *p = u64_digits(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, tmp + sizeof tmp);
    if (v < 0) *--p = '-';
    slant_buf_append(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* Bytes JSON needs escaped: controls, '"', '\\' and DEL (written as \u007f,
 * as slant always has). */
static const unsigned char json_special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
};

/* Copies runs of plain bytes with one memcpy each. */
char *slant_fmt_json_escape(char *out, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (;;) {
        size_t run = i;
        while (i < n && !json_special[u[i]]) i++;
        memcpy(out, s + run, i - run);
        out += i - run;
        if (i == n) return out;
        unsigned char c = u[i++];
        *out++ = '\\';
        switch (c) {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '\n': *out++ = 'n'; break;
        case '\r': *out++ = 'r'; break;
        case '\t': *out++ = 't'; break;
        default:
            memcpy(out, "u00", 3);
            out[3] = hex[c >> 4];
            out[4] = hex[c & 15];
            out += 5;
        }
    }
}

/* In pieces of at most 4 KB, so a long text never reserves six times its
 * size at once. */
void slant_buf_json_escape(slant_buf *b, const char *s, size_t n) {
    slant_buf_reserve(b, n);
    do {
        size_t k = n < 4096 ? n : 4096;
        slant_buf_reserve(b, 6 * k);
        b->len = (size_t)(slant_fmt_json_escape(b->data + b->len, s, k) - b->data);
        s += k;
        n -= k;
    } while (n);
    b->data[b->len] = '\0';
}

void slant_buf_json_string(slant_buf *b, const char *s, size_t n) {
    slant_buf_putc(b, '"');
    slant_buf_json_escape(b, s, n);
    slant_buf_putc(b, '"');
}

char *slant_buf_detach(slant_buf *b, size_t *len) {
    if (!b->data) slant_buf_reserve(b, 0), b->data[0] = '\0';
    char *d = b->data;
    if (len) *len = b->len;
    slant_buf_init(b);
    return d;
}

/* ---- arena ---- */

struct arena_block {
    struct arena_block *next;
    size_t size, used;
    max_align_t data[]; /* aligned storage */
};

struct slant_arena {
    struct arena_block *head;  /* current block */
    struct arena_block *first; /* kept on reset */
    size_t block_size;
    size_t total_used;
};

static struct arena_block *arena_block_new(size_t size) {
    struct arena_block *b = slant_xmalloc(sizeof *b + size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

slant_arena *slant_arena_new(size_t block_size) {
    slant_arena *a = slant_xmalloc(sizeof *a);
    a->block_size = block_size < 1024 ? 1024 : block_size;
    a->first = a->head = arena_block_new(a->block_size);
    a->total_used = 0;
    return a;
}

void *slant_arena_alloc(slant_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    struct arena_block *b = a->head;
    if (b->used + n > b->size) {
        size_t size = n > a->block_size ? n : a->block_size;
        struct arena_block *nb = arena_block_new(size);
        b->next = nb;
        a->head = b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    a->total_used += n;
    return p;
}

char *slant_arena_strndup(slant_arena *a, const char *s, size_t n) {
    char *p = slant_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void slant_arena_reset(slant_arena *a) {
    struct arena_block *b = a->first->next;
    while (b) {
        struct arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->first->next = NULL;
    a->first->used = 0;
    a->head = a->first;
    a->total_used = 0;
}

void slant_arena_free(slant_arena *a) {
    if (!a) return;
    slant_arena_reset(a);
    free(a->first);
    free(a);
}

size_t slant_arena_used(const slant_arena *a) { return a->total_used; }

/* ---- hashing ---- */

/* the algorithm and its constants: hashmix.h */
uint64_t slant_hash_bytes(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t h = SLANT_HASH_SEED ^ (uint64_t)n;
    size_t r = n;
    do {
        uint64_t a, b;
        if (r >= 16) {
            a = slant_load_le64(s);
            b = slant_load_le64(s + 8);
            s += 16;
            r -= 16;
        } else {
            unsigned char tail[16] = {0};
            memcpy(tail, s, r);
            a = slant_load_le64(tail);
            b = slant_load_le64(tail + 8);
            r = 0;
        }
        h = slant_hash_mum(a ^ SLANT_HASH_K1 ^ h, b ^ SLANT_HASH_K2);
    } while (r);
    return h ? h : 1; /* 0 marks an empty slot */
}

/* slant_hash_combine is inline in util.h */

/* ---- string map ---- */

/* A slot keeps the key's first 8 bytes (its head) beside the hash, so most
 * keys (words are short) are confirmed without reading the key from the
 * arena: in a large table (a source's vocabulary) that read was a second
 * cache miss per lookup. */
struct strmap_slot {
    uint64_t hash; /* 0 = empty */
    uint64_t head; /* the key's first 8 bytes, or all of a shorter one (strmap_head) */
    const char *key;
    uint32_t len;
    uint32_t value;
};

/* The head without a byte loop: two loads that together cover the key
 * (they overlap for lengths 5 to 7, and short keys read a byte twice).
 * Different keys of one length get different heads, and only keys of one
 * length are ever compared, so the overlap loses nothing. */
static inline uint64_t strmap_head(const char *key, size_t len) {
    uint64_t h = 0;
    uint32_t lo, hi;
    if (len >= 8) {
        memcpy(&h, key, 8);
    } else if (len >= 4) {
        memcpy(&lo, key, 4);
        memcpy(&hi, key + len - 4, 4);
        h = (uint64_t)hi << 32 | lo;
    } else if (len) {
        const unsigned char *u = (const unsigned char *)key;
        h = (uint64_t)u[0] | (uint64_t)u[len / 2] << 8 | (uint64_t)u[len - 1] << 16;
    }
    return h;
}

struct slant_strmap {
    struct strmap_slot *slots;
    size_t cap; /* power of two */
    size_t count;
    slant_arena *keys;
};

slant_strmap *slant_strmap_new(size_t initial_capacity) {
    slant_strmap *m = slant_xmalloc(sizeof *m);
    size_t cap = 16;
    while (cap < initial_capacity * 2) cap *= 2;
    m->slots = slant_xcalloc(cap, sizeof *m->slots);
    m->cap = cap;
    m->count = 0;
    m->keys = slant_arena_new(64 * 1024);
    return m;
}

void slant_strmap_free(slant_strmap *m) {
    if (!m) return;
    free(m->slots);
    slant_arena_free(m->keys);
    free(m);
}

static void strmap_grow(slant_strmap *m) {
    size_t ncap = m->cap * 2;
    /* zeroed by writing, not calloc: a large calloc is fresh zero pages,
     * and the rehash below reads a page (mapping the shared zero page)
     * before writing it, a second fault that, with a second thread
     * running, flushes the other CPU's TLB by interrupt (4% of score
     * --partial -j 2) */
    struct strmap_slot *ns = slant_xmalloc(ncap * sizeof *ns);
    memset(ns, 0, ncap * sizeof *ns);
    for (size_t i = 0; i < m->cap; i++) {
        struct strmap_slot *s = &m->slots[i];
        if (!s->hash) continue;
        size_t j = s->hash & (ncap - 1);
        while (ns[j].hash) j = (j + 1) & (ncap - 1);
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
}

/* Inlined into both callers: a source's vocabulary calls upsert once per
 * distinct word of every article, and a call here was a fifth of a hit's
 * instructions (cachegrind). */
static inline __attribute__((always_inline)) struct strmap_slot *
strmap_find(const slant_strmap *m, const char *key, size_t len, uint64_t hash, uint64_t head) {
    size_t j = hash & (m->cap - 1);
    for (;;) {
        struct strmap_slot *s = &m->slots[j];
        if (!s->hash) return s;
        if (s->hash == hash && s->len == len && s->head == head &&
            (len <= 8 || memcmp(s->key + 8, key + 8, len - 8) == 0))
            return s;
        j = (j + 1) & (m->cap - 1);
    }
}

uint32_t *slant_strmap_upsert(slant_strmap *m, const char *key, size_t len, uint64_t hash,
                              uint32_t init, int *inserted) {
    if (!hash) hash = 1;
    if ((m->count + 1) * 10 > m->cap * 7) strmap_grow(m);
    uint64_t head = strmap_head(key, len);
    struct strmap_slot *s = strmap_find(m, key, len, hash, head);
    if (s->hash) {
        if (inserted) *inserted = 0;
        return &s->value;
    }
    s->hash = hash;
    s->head = head;
    s->key = slant_arena_strndup(m->keys, key, len);
    s->len = (uint32_t)len;
    s->value = init;
    m->count++;
    if (inserted) *inserted = 1;
    return &s->value;
}

uint32_t *slant_strmap_get(const slant_strmap *m, const char *key, size_t len, uint64_t hash) {
    if (!hash) hash = 1;
    struct strmap_slot *s = strmap_find(m, key, len, hash, strmap_head(key, len));
    return s->hash ? &s->value : NULL;
}

void slant_strmap_prefetch(const slant_strmap *m, uint64_t hash) {
#if defined(__GNUC__)
    __builtin_prefetch(&m->slots[(hash ? hash : 1) & (m->cap - 1)]);
#else
    (void)m;
    (void)hash;
#endif
}

size_t slant_strmap_count(const slant_strmap *m) { return m->count; }
size_t slant_strmap_capacity(const slant_strmap *m) { return m->cap; }

int slant_strmap_slot(const slant_strmap *m, size_t i, const char **key, size_t *len,
                      uint32_t *value) {
    if (i >= m->cap || !m->slots[i].hash) return 0;
    if (key) *key = m->slots[i].key;
    if (len) *len = m->slots[i].len;
    if (value) *value = m->slots[i].value;
    return 1;
}

/* ---- u64 map (lookups inline in util.h) ---- */

slant_u64map *slant_u64map_new(size_t initial_capacity) {
    slant_u64map *m = slant_xmalloc(sizeof *m);
    size_t cap = 16;
    while (cap < initial_capacity * 2) cap *= 2;
    m->slots = slant_xcalloc(cap, sizeof *m->slots);
    m->cap = cap;
    m->count = 0;
    m->epoch = 1;
    return m;
}

void slant_u64map_free(slant_u64map *m) {
    if (!m) return;
    free(m->slots);
    free(m);
}

void slant_u64map_grow_(slant_u64map *m) {
    struct slant_u64map_slot *old = m->slots;
    size_t ocap = m->cap;
    m->cap *= 2;
    m->slots = slant_xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < ocap; i++)
        if (old[i].epoch == m->epoch) *slant_u64map_find_(m, old[i].key) = old[i];
    free(old);
}

void slant_u64map_clear(slant_u64map *m) {
    /* scratch maps are cleared before and after each article: a memset of
     * a table sized for the longest article was 4.5% of score --partial */
    if (m->count == 0) return;
    m->count = 0;
    if (++m->epoch == 0) { /* wrapped after 2^32 clears: slots of old epochs would look used */
        memset(m->slots, 0, m->cap * sizeof *m->slots);
        m->epoch = 1;
    }
}

/* ---- files ---- */

/* stdin through stdio: earlier reads may have buffered part of it there. */
static int read_stdin(slant_buf *out, size_t max_bytes, slant_error *err) {
    FILE *f = stdin;
    slant_buf_clear(out);
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max_bytes && out->len + n > max_bytes)
            return slant_error_set(err, "-", 0, 0, -1, "file is larger than the limit of %zu bytes",
                                   max_bytes);
        slant_buf_append(out, chunk, n);
    }
    if (ferror(f)) return slant_error_set(err, "-", 0, 0, -1, "read error: %s", strerror(errno));
    slant_buf_reserve(out, 0); /* data non-NULL and NUL-terminated even when empty */
    out->data[out->len] = '\0';
    return 0;
}

/* Files are read with open/read straight into out's free space: a corpus
 * is thousands of small files read into one reused buffer, so after the
 * first few one read() takes a whole file (stdio's buffer, its chunk copies
 * and an fstat per file were a visible share of reading a corpus). */
int slant_read_file(const char *path, slant_buf *out, size_t max_bytes, slant_error *err) {
    if (strcmp(path, "-") == 0) return read_stdin(out, max_bytes, err);
    return slant_read_file_at(-1, NULL, path, out, max_bytes, 0, err);
}

/* The name is opened relative to dirfd with O_NOFOLLOW: corpus.c passes a
 * folder it resolved once, so the kernel walks one component, not the
 * whole path, and a file swapped for a symlink since is refused. */
int slant_read_file_at(int dirfd, const char *name, const char *path, slant_buf *out, size_t max_bytes,
                       size_t expect_size, slant_error *err) {
    int fd = dirfd >= 0 && name ? openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                                : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return slant_error_set(err, path, 0, 0, -1, "cannot open: %s; check the path", strerror(errno));
    slant_buf_clear(out);
    if (expect_size) slant_buf_reserve(out, expect_size + 1); /* one read() takes it all */
    for (;;) {
        if (out->cap - out->len < (1 << 16)) slant_buf_reserve(out, out->len < (1 << 16) ? 1 << 16 : out->len);
        size_t room = out->cap - out->len - 1;
        if (max_bytes && room > max_bytes + 1 - out->len) room = max_bytes + 1 - out->len;
        ssize_t n = read(fd, out->data + out->len, room);
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            close(fd);
            return slant_error_set(err, path, 0, 0, -1, "read error: %s", strerror(saved));
        }
        if (n == 0) break;
        out->len += (size_t)n;
        /* a regular file reads short only at its end: when that is the
         * size stat gave, the read() that would return 0 is skipped (a
         * file that grew since fills the room and is read on) */
        if ((size_t)n < room && expect_size && out->len == expect_size) break;
        if (max_bytes && out->len > max_bytes) {
            close(fd);
            return slant_error_set(err, path, 0, 0, -1, "file is larger than the limit of %zu bytes",
                                   max_bytes);
        }
    }
    close(fd);
    slant_buf_reserve(out, 0); /* data non-NULL and NUL-terminated even when empty */
    out->data[out->len] = '\0';
    return 0;
}

/* A regular file (or a new one) is written beside itself and renamed into
 * place, so readers never see half a file. Anything else that exists - a
 * device such as /dev/null, a FIFO, a terminal - is written directly:
 * renaming would replace the device with a plain file. */
static int is_special_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

int slant_outfile_open(slant_outfile *o, const char *path, slant_error *err) {
    o->path = path && strcmp(path, "-") != 0 ? path : NULL;
    o->tmp = NULL;
    o->f = stdout;
    if (!o->path) return 0;
    if (is_special_file(path)) {
        o->f = fopen(path, "wb");
    } else {
        size_t n = strlen(path) + 32;
        o->tmp = slant_xmalloc(n);
        snprintf(o->tmp, n, "%s.tmp.%ld", path, (long)getpid());
        o->f = fopen(o->tmp, "wb");
        if (o->f) slant_temp_on_signal(o->tmp); /* an interrupted run leaves no half-written file */
    }
    if (!o->f) {
        int saved = errno;
        free(o->tmp);
        o->tmp = NULL;
        return slant_error_set(err, path, 0, 0, -1, "cannot write here: %s; choose another -o FILE",
                               strerror(saved));
    }
    return 0;
}

int slant_outfile_close(slant_outfile *o, int ok, slant_error *err) {
    int rc = ok ? 0 : -1;
    const char *name = o->path ? o->path : "<stdout>";
    if (!o->path) {
        if (fflush(stdout) != 0 && rc == 0) rc = slant_error_set(err, name, 0, 0, -1, "write failed");
        return rc;
    }
    if (fclose(o->f) != 0 && rc == 0)
        rc = slant_error_set(err, name, 0, 0, -1, "write failed (disk full?)");
    o->f = NULL;
    if (o->tmp) {
        if (rc == 0 && rename(o->tmp, o->path) != 0)
            rc = slant_error_set(err, name, 0, 0, -1, "cannot rename into place: %s", strerror(errno));
        if (rc != 0) remove(o->tmp);
        slant_temp_on_signal(NULL);
        free(o->tmp);
        o->tmp = NULL;
    }
    return rc;
}

int slant_write_file_atomic(const char *path, const void *data, size_t len, slant_error *err) {
    slant_outfile o;
    if (slant_outfile_open(&o, path, err) != 0) return -1;
    size_t w = len ? fwrite(data, 1, len, o.f) : 0;
    if (w != len) {
        int saved = errno;
        slant_outfile_close(&o, 0, err);
        return slant_error_set(err, path, 0, 0, -1, "write failed: %s (nothing was written)",
                               strerror(saved ? saved : EIO));
    }
    return slant_outfile_close(&o, 1, err);
}

static char *readable(char *p) {
    if (p && access(p, R_OK) == 0) return p;
    free(p);
    return NULL;
}

char *slant_data_path(const char *name) {
    char *p;
    const char *env = getenv("SLANT_LEXICONS");
    if (env && *env && (p = readable(slant_path_join(env, name)))) return p;
#ifdef SLANT_DATADIR
    char *dd = slant_path_join(SLANT_DATADIR, "lexicons");
    p = readable(slant_path_join(dd, name));
    free(dd);
    if (p) return p;
#endif
    /* the working folder's lexicons before the executable's: inside a
     * checkout, paths in reports stay relative and machine-independent */
    if ((p = readable(slant_path_join("lexicons", name)))) return p;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = {"/../lexicons/", "/../share/slant/lexicons/"};
            for (int i = 0; i < 2; i++) {
                size_t len = strlen(exe) + strlen(rel[i]) + strlen(name) + 1;
                char *q = slant_xmalloc(len);
                snprintf(q, len, "%s%s%s", exe, rel[i], name);
                if ((p = readable(q))) return p;
            }
        }
    }
    return NULL;
}

char *slant_path_join(const char *dir, const char *name) {
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = slant_xmalloc(dl + nl + 2);
    memcpy(p, dir, dl);
    if (slash) p[dl++] = '/';
    memcpy(p + dl, name, nl + 1);
    return p;
}

int slant_parse_finite(const char *s, size_t n, double *out) {
    char tmp[64];
    if (n == 0 || n >= sizeof tmp) return -1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *end;
    errno = 0;
    double v = strtod(tmp, &end);
    if (end != tmp + n || errno == ERANGE || !isfinite(v)) return -1;
    /* strtod accepts "nan"/"inf" spelled out and hex floats; refuse letters */
    for (size_t i = 0; i < n; i++) {
        char c = tmp[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
            return -1;
    }
    *out = v;
    return 0;
}

/* The path lives in a static buffer so the handler only calls
 * async-signal-safe functions (unlink, signal, raise). */
static char temp_on_signal_path[4096];
static volatile sig_atomic_t temp_on_signal_live;

static void remove_temp_on_signal(int sig) {
    if (temp_on_signal_live) unlink(temp_on_signal_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

void slant_temp_on_signal(const char *path) {
    temp_on_signal_live = 0;
    if (!path || strlen(path) >= sizeof temp_on_signal_path) return;
    memcpy(temp_on_signal_path, path, strlen(path) + 1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temp_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    temp_on_signal_live = 1;
}

/* glibc's tmpfile() always uses /tmp; scratch files can be as large as the
 * partial itself, so honour TMPDIR as the error messages tell users to. */
const char *slant_tmpdir(void) {
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

FILE *slant_tmpfile(void) {
    const char *dir = slant_tmpdir();
    size_t n = strlen(dir);
    char *path = malloc(n + sizeof "/slant-XXXXXX");
    if (!path) return NULL;
    memcpy(path, dir, n);
    memcpy(path + n, "/slant-XXXXXX", sizeof "/slant-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return NULL;
    }
    unlink(path); /* nameless from now on: gone however the process ends */
    free(path);
    FILE *f = fdopen(fd, "w+");
    if (!f) close(fd);
    return f;
}

int slant_pread_all(int fd, void *out, size_t n, uint64_t offset) {
    char *p = out;
    while (n) {
        ssize_t got = pread(fd, p, n, (off_t)offset);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            if (got == 0) errno = 0;
            return -1;
        }
        p += got;
        n -= (size_t)got;
        offset += (uint64_t)got;
    }
    return 0;
}

/* Append x formatted exactly as printf("%.6g", x) would.
 *
 * Integers below 1e6 (most lexicon weights and counts) print as themselves.
 * Otherwise x is scaled by an exactly representable power of ten into
 * [1e5, 1e6): that is one correctly rounded multiplication or division, so
 * the scaled value is within 1.2e-10 of the exact one, and its nearest
 * integer gives the six digits printf would print unless the fraction is
 * within that error of a tie .5 -- those (and NaN, inf and magnitudes
 * outside [1e-17, 1e22)) go to printf, which rounds the exact binary value.
 * tests/unit/test_util.c compares this with snprintf over millions of
 * values. */
char *slant_fmt_g6(char *out, double x) {
    /* powers of ten that doubles hold exactly */
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double ax = fabs(x);
    /* NaN fails the compare, so the cast below only sees values in range */
    if (ax < 1e6 && ax == (double)(uint32_t)ax) {
        if (signbit(x)) *out++ = '-'; /* printf writes -0 for negative zero */
        return slant_fmt_u64(out, (uint32_t)ax);
    }
    if (!(ax >= 1e-17 && ax < 1e22)) goto slow;
    /* decimal exponent estimated from the binary one (ax >= 2^be, and
     * log10(2) = 0.30103): at most one too low, which the loop corrects */
    uint64_t bits;
    memcpy(&bits, &ax, sizeof bits);
    double t = (double)((int)(bits >> 52) - 1023) * 0.30102999566398120;
    int e = (int)t;
    if (e > t) e--;
    double scaled = 0;
    for (int tries = 0; tries < 3; tries++) {
        int k = 5 - e;
        if (k > 22 || k < -22) goto slow;
        scaled = k >= 0 ? ax * p10[k] : ax / p10[-k];
        if (scaled < 1e5) e--;
        else if (scaled >= 1e6) e++;
        else break;
    }
    if (scaled < 1e5 || scaled >= 1e6) goto slow;
    uint32_t m = (uint32_t)scaled; /* truncation = floor: scaled > 0 */
    double frac = scaled - (double)m;
    if (fabs(frac - 0.5) < 1e-6) goto slow;
    m += frac > 0.5;
    if (m == 1000000) m = 100000, e++;
    char dig[6];
    for (int i = 5; i >= 0; i--) dig[i] = (char)('0' + m % 10), m /= 10;
    int nd = 6;
    while (nd > 1 && dig[nd - 1] == '0') nd--; /* %g drops trailing zeros */
    int n = 0;
    if (x < 0) out[n++] = '-';
    if (e >= -4 && e < 6) {
        if (e >= 0) {
            for (int i = 0; i <= e; i++) out[n++] = dig[i];
            if (nd > e + 1) {
                out[n++] = '.';
                for (int i = e + 1; i < nd; i++) out[n++] = dig[i];
            }
        } else {
            out[n++] = '0';
            out[n++] = '.';
            for (int i = 0; i < -e - 1; i++) out[n++] = '0';
            for (int i = 0; i < nd; i++) out[n++] = dig[i];
        }
    } else {
        out[n++] = dig[0];
        if (nd > 1) {
            out[n++] = '.';
            for (int i = 1; i < nd; i++) out[n++] = dig[i];
        }
        out[n++] = 'e';
        out[n++] = e < 0 ? '-' : '+';
        int ae = e < 0 ? -e : e;
        if (ae >= 100) out[n++] = (char)('0' + ae / 100);
        out[n++] = (char)('0' + ae / 10 % 10);
        out[n++] = (char)('0' + ae % 10);
    }
    return out + n;
slow: {
    int len = snprintf(out, SLANT_FMT_G6_MAX, "%.6g", x);
    return out + (len > 0 ? len : 0);
}
}

void slant_buf_put_g6(slant_buf *b, double x) {
    slant_buf_reserve(b, SLANT_FMT_G6_MAX);
    b->len = (size_t)(slant_fmt_g6(b->data + b->len, x) - b->data);
    b->data[b->len] = '\0';
}

/* ---- threads ---- */

int slant_cpu_count(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

typedef struct parallel {
    int (*fn)(void *arg, size_t i, int worker);
    void *arg;
    size_t n;
    atomic_size_t next;
    atomic_int stop;
} parallel;

typedef struct {
    parallel *p;
    int worker;
} parallel_worker_arg;

static void *parallel_worker(void *arg) {
    parallel_worker_arg *w = arg;
    parallel *p = w->p;
    while (!atomic_load(&p->stop)) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n) break;
        if (p->fn(p->arg, i, w->worker)) atomic_store(&p->stop, 1);
    }
    return NULL;
}

void slant_parallel_for(int threads, size_t n, int (*fn)(void *arg, size_t i, int worker), void *arg) {
    parallel p = {fn, arg, n, 0, 0};
    atomic_init(&p.next, 0);
    atomic_init(&p.stop, 0);
    if (threads <= 0) threads = slant_cpu_count();
    size_t extra = (size_t)threads - 1, started = 0;
    if (extra > n - (n > 0)) extra = n - (n > 0);
    pthread_t *th = slant_xmalloc((extra ? extra : 1) * sizeof *th);
    parallel_worker_arg *args = slant_xmalloc((extra + 1) * sizeof *args);
    for (size_t t = 0; t <= extra; t++) args[t] = (parallel_worker_arg){&p, (int)t};
    for (size_t t = 1; t <= extra; t++) {
        if (pthread_create(&th[started], NULL, parallel_worker, &args[t]) != 0) break; /* fewer threads */
        started++;
    }
    parallel_worker(&args[0]);
    for (size_t t = 0; t < started; t++) pthread_join(th[t], NULL);
    free(args);
    free(th);
}
