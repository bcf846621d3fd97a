/*
 * util.h - the small reusable cores every slant module shares: the error
 * type, string slices, a growable byte buffer, an arena, a string-keyed
 * hash table, hashing and whole-file reading.
 *
 * Ownership: every `_new`/`_init` has a matching `_free`. Arena memory is
 * released only by slant_arena_reset/free. Functions that can fail take a
 * `slant_error *` (may be NULL) and return 0 on success, -1 on failure.
 * Allocation failure is fatal (slant_xmalloc prints and exits 1): slant is a
 * command-line tool, and a half-handled OOM is worse than a clean exit.
 */
#ifndef SLANT_UTIL_H
#define SLANT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define SLANT_VERSION "0.1.0"

/* Exit codes of the command, documented in README and `slant --help`. */
enum { SLANT_EXIT_OK = 0, SLANT_EXIT_BAD_INPUT = 1, SLANT_EXIT_USAGE = 2 };

/* ---- errors: one struct, filled by every parser, printed one way ---- */
typedef struct slant_error {
    char file[512];    /* "" when not about a file */
    long line;         /* 1-based, 0 = unknown */
    long column;       /* 1-based (bytes), 0 = unknown */
    long long offset;  /* byte offset in the file, -1 = unknown */
    char msg[1024];
} slant_error;

void slant_error_clear(slant_error *e);
/* Fill e (if non-NULL). Always returns -1 so parsers can `return slant_error_set(...)`. */
int slant_error_set(slant_error *e, const char *file, long line, long column,
                    long long offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* "file:line:col: msg", "file: byte N: msg" or "msg" depending on what is known. */
void slant_error_format(const slant_error *e, char *out, size_t outsz);
void slant_error_print(const slant_error *e, FILE *f); /* "slant: <formatted>\n" */

/* ---- allocation ---- */
void *slant_xmalloc(size_t n);
void *slant_xcalloc(size_t n, size_t size);
void *slant_xrealloc(void *p, size_t n);
char *slant_xstrdup(const char *s);
char *slant_xstrndup(const char *s, size_t n);

/* ---- string slice ---- */
typedef struct slant_str {
    const char *ptr;
    size_t len;
} slant_str;

static inline slant_str slant_str_make(const char *p, size_t n) {
    slant_str s = {p, n};
    return s;
}
int slant_str_eq(slant_str a, const char *cstr);

/* ---- growable byte buffer (always NUL-terminated when data != NULL) ----
 * The appenders are inline: JSON output calls them a few times per byte of
 * text, so the common case (the bytes fit) must be a compare and a copy; only
 * growing goes through a call (slant_buf_grow). */
typedef struct slant_buf {
    char *data;
    size_t len;
    size_t cap;
} slant_buf;

void slant_buf_init(slant_buf *b);
void slant_buf_free(slant_buf *b);
/* Make room for len + extra bytes and the NUL (the slow path of reserve). */
void slant_buf_grow(slant_buf *b, size_t extra);
static inline void slant_buf_reserve(slant_buf *b, size_t extra) {
    if (b->cap - b->len <= extra) slant_buf_grow(b, extra);
}
void slant_buf_clear(slant_buf *b); /* len = 0, keeps capacity */
static inline void slant_buf_append(slant_buf *b, const void *p, size_t n) {
    slant_buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}
static inline void slant_buf_putc(slant_buf *b, char c) {
    slant_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
/* strlen of a literal folds to a constant once this is inlined */
static inline void slant_buf_puts(slant_buf *b, const char *s) { slant_buf_append(b, s, strlen(s)); }
void slant_buf_printf(slant_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void slant_buf_vprintf(slant_buf *b, const char *fmt, va_list ap);
/* Append v in decimal, as printf("%llu") / ("%lld") would, without printf. */
void slant_buf_put_u64(slant_buf *b, uint64_t v);
/* The same into memory the caller sized (at most SLANT_FMT_U64_MAX bytes, no
 * NUL); returns the end of what was written. For writers that reserve room
 * for a whole record once. */
enum { SLANT_FMT_U64_MAX = 20 };
char *slant_fmt_u64(char *out, uint64_t v);
void slant_buf_put_i64(slant_buf *b, int64_t v);
/* Append s with JSON string escaping (no surrounding quotes). */
void slant_buf_json_escape(slant_buf *b, const char *s, size_t n);
/* The same into memory with room for 6 * n bytes (no NUL); returns the end. */
char *slant_fmt_json_escape(char *out, const char *s, size_t n);
/* Append s as a quoted JSON string. */
void slant_buf_json_string(slant_buf *b, const char *s, size_t n);
/* Take ownership of the data; b is left empty. */
char *slant_buf_detach(slant_buf *b, size_t *len);

/* ---- arena: bump allocator in chained blocks ---- */
typedef struct slant_arena slant_arena;
slant_arena *slant_arena_new(size_t block_size);
void *slant_arena_alloc(slant_arena *a, size_t n); /* 16-byte aligned, never NULL */
char *slant_arena_strndup(slant_arena *a, const char *s, size_t n);
void slant_arena_reset(slant_arena *a); /* keeps the first block */
void slant_arena_free(slant_arena *a);
size_t slant_arena_used(const slant_arena *a);

/* ---- hashing: 16 bytes per 64x64->128-bit multiply (util.c says how); the
 * same on every run and machine, and only ever held in memory ---- */
uint64_t slant_hash_bytes(const void *p, size_t n);
/* Mix v into h (token-sequence hashes): inline, the matcher calls it per
 * token and candidate length. Never returns 0 (the empty-slot key). */
static inline uint64_t slant_hash_combine(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h ? h : 1;
}

/* ---- string-keyed open-addressing hash table: bytes -> uint32 value ----
 * Keys are copied into the table's arena. Hashes are computed by the caller
 * once (slant_hash_bytes) so the hot path never hashes twice. */
typedef struct slant_strmap slant_strmap;
slant_strmap *slant_strmap_new(size_t initial_capacity);
void slant_strmap_free(slant_strmap *m);
/* Returns a pointer to the value slot, inserting (value = init) when absent.
 * *inserted (may be NULL) tells which. */
uint32_t *slant_strmap_upsert(slant_strmap *m, const char *key, size_t len, uint64_t hash,
                              uint32_t init, int *inserted);
/* NULL when absent. */
uint32_t *slant_strmap_get(const slant_strmap *m, const char *key, size_t len, uint64_t hash);
/* A hint that hash will be looked up soon: a batch of lookups in a large
 * table (a source's vocabulary) issues it a few keys ahead so that the
 * cache misses overlap instead of stalling one after another. */
void slant_strmap_prefetch(const slant_strmap *m, uint64_t hash);
size_t slant_strmap_count(const slant_strmap *m);
/* Iterate: i from 0 while < capacity; returns 1 and fills key/len/value for used slots. */
size_t slant_strmap_capacity(const slant_strmap *m);
int slant_strmap_slot(const slant_strmap *m, size_t i, const char **key, size_t *len,
                      uint32_t *value);

/* ---- 64-bit-key open-addressing table: uint64 (a precomputed hash) -> uint32 ----
 * For tables keyed by hashes of token sequences (the lexicon matcher). Key 0
 * is reserved. */
typedef struct slant_u64map slant_u64map;
slant_u64map *slant_u64map_new(size_t initial_capacity);
void slant_u64map_free(slant_u64map *m);
static inline uint32_t *slant_u64map_upsert(slant_u64map *m, uint64_t key, uint32_t init,
                                            int *inserted);
static inline const uint32_t *slant_u64map_get(const slant_u64map *m, uint64_t key);
static inline size_t slant_u64map_count(const slant_u64map *m);
/* Remove all keys, keep capacity: O(1) (a new epoch), so scratch tables
 * cleared per article cost nothing however large the longest article made
 * them. */
void slant_u64map_clear(slant_u64map *m);

/* The lookups are inline (the matcher and the aggregator call them per
 * token), so the table's layout is here; use only the functions above.
 * A slot is in use when its epoch is the table's: clearing starts a new
 * epoch instead of zeroing the slots (the epoch fills what was padding). */
struct slant_u64map_slot {
    uint64_t key;
    uint32_t value;
    uint32_t epoch;
};
struct slant_u64map {
    struct slant_u64map_slot *slots;
    size_t cap, count; /* cap is a power of two, at most 70% full */
    uint32_t epoch;    /* never 0: calloc'ed slots are empty */
};
void slant_u64map_grow_(slant_u64map *m); /* internal: doubles the capacity */

static inline struct slant_u64map_slot *slant_u64map_find_(const slant_u64map *m, uint64_t key) {
    size_t mask = m->cap - 1, j = (size_t)(key ^ (key >> 29)) & mask;
    while (m->slots[j].epoch == m->epoch && m->slots[j].key != key) j = (j + 1) & mask;
    return &m->slots[j];
}

static inline uint32_t *slant_u64map_upsert(slant_u64map *m, uint64_t key, uint32_t init,
                                            int *inserted) {
    if (!key) key = 1;
    if ((m->count + 1) * 10 > m->cap * 7) slant_u64map_grow_(m);
    struct slant_u64map_slot *s = slant_u64map_find_(m, key);
    if (s->epoch == m->epoch) {
        if (inserted) *inserted = 0;
        return &s->value;
    }
    s->key = key;
    s->value = init;
    s->epoch = m->epoch;
    m->count++;
    if (inserted) *inserted = 1;
    return &s->value;
}

static inline const uint32_t *slant_u64map_get(const slant_u64map *m, uint64_t key) {
    if (!key) key = 1;
    const struct slant_u64map_slot *s = slant_u64map_find_(m, key);
    return s->epoch == m->epoch ? &s->value : NULL;
}

static inline size_t slant_u64map_count(const slant_u64map *m) { return m->count; }

/* ---- files ---- */
/* Read a whole file (or "-" for stdin) into out (replacing its contents).
 * Errors name the file. max_bytes = 0 means no limit. */
int slant_read_file(const char *path, slant_buf *out, size_t max_bytes, slant_error *err);
/* The same for a file name relative to an open folder descriptor (opened
 * with O_NOFOLLOW; dirfd < 0 or name NULL: path is opened as it is). path
 * names the file in messages. expect_size (0: unknown) is the size a stat
 * of this regular file gave: a short read that ends there is its end. */
int slant_read_file_at(int dirfd, const char *name, const char *path, slant_buf *out, size_t max_bytes,
                       size_t expect_size, slant_error *err);
/* Write data to path atomically: a temporary file in the same folder,
 * fsync-free fflush+fclose checks, then rename. */
int slant_write_file_atomic(const char *path, const void *data, size_t len, slant_error *err);

/* An output named by -o: NULL or "-" is stdout; a regular or new file is
 * written to a temporary beside it (removed on SIGINT/SIGTERM) and renamed
 * into place by slant_outfile_close only when ok is non-zero; a device or
 * FIFO (/dev/null, a pipe) is written directly. Both return 0 or -1 with err
 * naming the file. */
typedef struct slant_outfile {
    FILE *f;
    const char *path; /* NULL for stdout */
    char *tmp;        /* the temporary, or NULL when written directly */
} slant_outfile;
int slant_outfile_open(slant_outfile *o, const char *path, slant_error *err);
int slant_outfile_close(slant_outfile *o, int ok, slant_error *err);
/* Find a shipped data file (default.set, clean.rules, ...): the first
 * readable of $SLANT_LEXICONS/NAME, SLANT_DATADIR/lexicons/NAME (the install
 * location), ./lexicons/NAME, EXE/../lexicons/NAME (a build tree: build/slant
 * finds the repository's lexicons from any working folder) and
 * EXE/../share/slant/lexicons/NAME (a relocated install). Caller frees;
 * NULL when none is readable. */
char *slant_data_path(const char *name);

/* path joined with a relative name; caller frees. */
char *slant_path_join(const char *dir, const char *name);

/* ---- numbers ---- */
/* Parse a finite double from [s, s+n); returns 0 on success. Rejects NaN,
 * inf, overflow and trailing junk. */
int slant_parse_finite(const char *s, size_t n, double *out);
/* Append x exactly as printf("%.6g", x) writes it, without printf for the
 * usual magnitudes (JSON Lines output writes millions of these). */
void slant_buf_put_g6(slant_buf *b, double x);
/* The same into memory with room for SLANT_FMT_G6_MAX bytes (it may write a
 * NUL after the text); returns the end of the text. */
enum { SLANT_FMT_G6_MAX = 32 };
char *slant_fmt_g6(char *out, double x);

/* ---- threads ---- */

/* Number of online CPUs (1..256): the default number of worker threads. */
int slant_cpu_count(void);

/* Run fn(arg, i, worker) for every i in [0, n) on up to `threads` threads
 * (<= 0: slant_cpu_count()), the calling thread being worker 0 and never
 * more workers than items. Each worker takes the next i from an atomic
 * counter, so a few long items do not leave a thread idle; once any call
 * returns nonzero, no further item is started. `worker` (0 .. threads-1)
 * indexes per-worker state; results must not depend on which worker ran an
 * item, or on the order. Fewer threads are used when they cannot be
 * started: the same items still run. */
void slant_parallel_for(int threads, size_t n, int (*fn)(void *arg, size_t i, int worker), void *arg);

/* ---- temporary output files and signals ---- */
/* Remove path (a temporary file being written) if SIGINT or SIGTERM arrives
 * before slant_temp_on_signal(NULL) is called; the signal then takes its
 * default course. One path at a time (a command writes one -o file). */
void slant_temp_on_signal(const char *path);
/* An anonymous scratch file opened "w+" in $TMPDIR (else /tmp), already
 * unlinked, so nothing is left behind however the process ends; NULL with
 * errno set on failure. */
FILE *slant_tmpfile(void);
/* The folder slant_tmpfile uses, for messages. */
const char *slant_tmpdir(void);
/* Exactly n bytes of fd at offset into out, through short reads and
 * EINTR (scratch files are read back this way without moving a stream's
 * position); 0, or -1 with errno set: 0 when the file ended first. */
int slant_pread_all(int fd, void *out, size_t n, uint64_t offset);

#endif
