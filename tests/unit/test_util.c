/*
 * test_util.c - the slant_buf writers that JSON output is built from:
 * slant_buf_put_g6 must write exactly the bytes of printf("%.6g") (checked
 * against snprintf over millions of values of every kind: integers, short
 * decimals, random bit patterns, near-ties, powers of ten and their
 * neighbours, zeros, NaN, inf, subnormals), the integer writers those of
 * "%llu"/"%lld", and JSON escaping those of a byte-at-a-time reference; the
 * into-memory slant_fmt_ versions stay within the room they promise.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slant/util.h"
#include "testutil.h"

/* A small deterministic generator (splitmix64), so failures reproduce. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void) {
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* 1 when put_g6 writes what snprintf writes; prints the first few misses. */
static int g6_same(double x) {
    static int reported;
    char want[64];
    snprintf(want, sizeof want, "%.6g", x);
    slant_buf b;
    slant_buf_init(&b);
    slant_buf_put_g6(&b, x);
    int same = b.len == strlen(want) && strcmp(b.data, want) == 0;
    if (!same && reported++ < 10) fprintf(stderr, "put_g6(%a): got '%s', printf gives '%s'\n", x, b.data, want);
    slant_buf_free(&b);
    return same;
}

static size_t g6_check_both_signs(double x) { return (size_t)!g6_same(x) + (size_t)!g6_same(-x); }

START_TEST(g6_known_values) {
    /* worked by hand from the %g rules (C11 7.21.6.1): six significant
     * digits, trailing zeros dropped, exponent form below 1e-4 or from 1e6 */
    static const struct {
        double x;
        const char *want;
    } cases[] = {
        {0.0, "0"},           {-0.0, "-0"},          {1, "1"},
        {-1, "-1"},           {0.5, "0.5"},          {-0.4, "-0.4"},
        {0.025, "0.025"},     {0.295958, "0.295958"}, {1.0 / 3, "0.333333"},
        {2.0 / 3, "0.666667"}, {123456, "123456"},    {999999, "999999"},
        {1e6, "1e+06"},       {1234567, "1.23457e+06"}, {999999.7, "1e+06"},
        {0.0001, "0.0001"},   {0.00001, "1e-05"},    {0.000123456789, "0.000123457"},
        {1e-20, "1e-20"},     {1e100, "1e+100"},     {-2.5e-7, "-2.5e-07"},
        {100000.5, "100000"}, /* an exact tie: printf rounds it to even */
        {100001.5, "100002"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        slant_buf b;
        slant_buf_init(&b);
        slant_buf_put_g6(&b, cases[i].x);
        ck_assert_str_eq(b.data, cases[i].want);
        ck_assert_uint_eq(b.len, strlen(cases[i].want));
        slant_buf_free(&b);
    }
}
END_TEST

START_TEST(g6_special_values) {
    ck_assert(g6_same(0.0) && g6_same(-0.0));
    ck_assert(g6_same(NAN) && g6_same(-NAN));
    ck_assert(g6_same(INFINITY) && g6_same(-INFINITY));
    ck_assert(g6_same(DBL_MAX) && g6_same(DBL_MIN) && g6_same(DBL_TRUE_MIN));
    ck_assert(g6_same(-DBL_MAX) && g6_same(-DBL_MIN) && g6_same(-DBL_TRUE_MIN));
}
END_TEST

/* Integers around every power of ten and the 1e6 switch to exponent form. */
START_TEST(g6_integers) {
    size_t bad = 0;
    for (int64_t i = -1100000; i <= 1100000; i++) bad += !g6_same((double)i);
    for (int i = 0; i < 500000; i++) bad += g6_check_both_signs((double)(rng() >> (rng() % 64)));
    ck_assert_uint_eq(bad, 0);
}
END_TEST

/* Short decimals (lexicon weights, means of a few of them) at every scale. */
START_TEST(g6_short_decimals) {
    size_t bad = 0;
    for (int i = 0; i < 600000; i++) {
        int digits = (int)(rng() % 10);
        double k = (double)(rng() % 10000000);
        bad += g6_check_both_signs(k / pow(10, digits));
        bad += g6_check_both_signs(k * pow(10, -(int)(rng() % 30)));
    }
    /* every multiple of 0.001 in [-1000, 1000] */
    for (int i = -1000000; i <= 1000000; i++) bad += !g6_same(i / 1000.0);
    ck_assert_uint_eq(bad, 0);
}
END_TEST

/* Arbitrary finite doubles: random bit patterns (mostly huge or tiny, so
 * they test the printf fallback) and random values of moderate magnitude. */
START_TEST(g6_random_doubles) {
    size_t bad = 0;
    for (int i = 0; i < 600000; i++) {
        uint64_t bits = rng();
        double x;
        memcpy(&x, &bits, sizeof x);
        bad += !g6_same(x);
        double u = (double)(rng() >> 11) / 9007199254740992.0; /* [0, 1) */
        bad += g6_check_both_signs(u);
        bad += g6_check_both_signs(ldexp(u, (int)(rng() % 140) - 70));
        bad += g6_check_both_signs(u * pow(10, (int)(rng() % 50) - 25));
    }
    ck_assert_uint_eq(bad, 0);
}
END_TEST

/* Values next to the rounding ties of the sixth digit (d.dddddd5 written in
 * decimal is never exact in binary, so printf rounds the binary value up or
 * down), exact binary ties, and the neighbours of powers of ten. */
START_TEST(g6_near_ties) {
    size_t bad = 0;
    char s[64];
    for (int i = 0; i < 300000; i++) {
        unsigned long m = 1000000 + (unsigned long)(rng() % 9000000); /* 7 digits */
        int e = (int)(rng() % 44) - 22;
        snprintf(s, sizeof s, "%lu5e%d", m, e);
        double x = strtod(s, NULL);
        bad += g6_check_both_signs(x) + g6_check_both_signs(nextafter(x, 0)) +
               g6_check_both_signs(nextafter(x, INFINITY));
        /* n + 1/2 with six digits before the point: exact ties */
        double t = (double)(100000 + rng() % 900000) + 0.5;
        bad += g6_check_both_signs(t) + g6_check_both_signs(t / 1024);
    }
    for (int e = -30; e <= 30; e++) {
        double p = pow(10, e);
        double x = p;
        for (int k = 0; k < 50; k++) x = nextafter(x, 0);
        for (int k = 0; k < 100; k++, x = nextafter(x, INFINITY)) bad += g6_check_both_signs(x);
        bad += g6_check_both_signs(p * 0.9999995) + g6_check_both_signs(p * 9.999995) +
               g6_check_both_signs(p * 9.9999949999) + g6_check_both_signs(p * 9.99999500001);
    }
    ck_assert_uint_eq(bad, 0);
}
END_TEST

START_TEST(integers_as_printf) {
    static const uint64_t u[] = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 65535, 4294967295u,
                                 4294967296u, 18446744073709551615u};
    static const int64_t s[] = {0, -1, 1, -9, -10, -99, -100, 12345, -12345, INT64_MAX, INT64_MIN};
    char want[32];
    slant_buf b;
    slant_buf_init(&b);
    for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
        slant_buf_clear(&b);
        slant_buf_put_u64(&b, u[i]);
        snprintf(want, sizeof want, "%llu", (unsigned long long)u[i]);
        ck_assert_str_eq(b.data, want);
    }
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
        slant_buf_clear(&b);
        slant_buf_put_i64(&b, s[i]);
        snprintf(want, sizeof want, "%lld", (long long)s[i]);
        ck_assert_str_eq(b.data, want);
    }
    /* every digit count's edges: 10^k - 1 and 10^k (the length is computed
     * from the bit count and one compare with a power of ten) */
    for (uint64_t p = 10;; p *= 10) {
        for (uint64_t v = p - 1; v <= p; v++) {
            slant_buf_clear(&b);
            slant_buf_put_u64(&b, v);
            snprintf(want, sizeof want, "%llu", (unsigned long long)v);
            ck_assert_str_eq(b.data, want);
        }
        if (p > UINT64_MAX / 10) break;
    }
    for (int i = 0; i < 100000; i++) {
        uint64_t v = rng() >> (rng() % 64);
        slant_buf_clear(&b);
        slant_buf_put_u64(&b, v);
        snprintf(want, sizeof want, "%llu", (unsigned long long)v);
        ck_assert_str_eq(b.data, want);
        ck_assert_uint_eq(b.len, strlen(want));
    }
    slant_buf_free(&b);
}
END_TEST

/* The escaping slant has always done, one byte at a time. */
static void escape_reference(slant_buf *b, const unsigned char *s, size_t n) {
    char u[8];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '"') slant_buf_puts(b, "\\\"");
        else if (c == '\\') slant_buf_puts(b, "\\\\");
        else if (c == '\n') slant_buf_puts(b, "\\n");
        else if (c == '\r') slant_buf_puts(b, "\\r");
        else if (c == '\t') slant_buf_puts(b, "\\t");
        else if (c < 0x20 || c == 0x7f) snprintf(u, sizeof u, "\\u%04x", c), slant_buf_puts(b, u);
        else slant_buf_putc(b, (char)c);
    }
}

START_TEST(json_escape_known) {
    slant_buf b;
    slant_buf_init(&b);
    const char in[] = "say \"hi\"\\\n\ttab\x01\x7f caf\xc3\xa9";
    slant_buf_json_string(&b, in, sizeof in - 1);
    ck_assert_str_eq(b.data, "\"say \\\"hi\\\"\\\\\\n\\ttab\\u0001\\u007f caf\xc3\xa9\"");
    slant_buf_clear(&b);
    slant_buf_json_string(&b, "", 0);
    ck_assert_str_eq(b.data, "\"\"");
    slant_buf_free(&b);
}
END_TEST

/* slant_buf_json_escape of s[0..n) into a new buffer (after "x" when
 * prefixed) gives exactly escape_reference's bytes and NUL. */
static void check_escape(const unsigned char *s, size_t n, int prefixed) {
    slant_buf got, want;
    slant_buf_init(&got);
    slant_buf_init(&want);
    slant_buf_append(&want, "", 0); /* n may be 0: compare the NUL of an allocated buffer */
    if (prefixed) slant_buf_puts(&got, "x"), slant_buf_puts(&want, "x");
    slant_buf_json_escape(&got, (const char *)s, n);
    escape_reference(&want, s, n);
    ck_assert_uint_eq(got.len, want.len);
    ck_assert_mem_eq(got.data, want.data, want.len + 1);
    ck_assert(got.len < got.cap);
    slant_buf_free(&got);
    slant_buf_free(&want);
}

/* Every byte value alone and in random strings, starting from empty
 * buffers so every growth path (all-escape input needs 6x) is taken. */
START_TEST(json_escape_as_reference) {
    for (int c = 0; c < 256; c++) {
        unsigned char s[3] = {'a', (unsigned char)c, 'b'};
        check_escape(s, 3, 0);
    }
    /* each byte value at each position of a word-at-a-time scan, with
     * high-bit (UTF-8) neighbours that must not be mistaken for specials */
    for (int pos = 0; pos < 24; pos++)
        for (int c = 0; c < 256; c++) {
            unsigned char t[24];
            for (int k = 0; k < 24; k++) t[k] = k % 3 ? 'a' + k : 0xc3 + (k & 1) * 0x3c;
            t[pos] = (unsigned char)c;
            check_escape(t, 24, 0);
        }
    unsigned char s[700];
    for (int i = 0; i < 20000; i++) {
        size_t n = (size_t)(rng() % sizeof s);
        int plain = (int)(rng() % 3); /* 0: any byte, 1: mostly text, 2: all controls */
        for (size_t k = 0; k < n; k++) {
            uint64_t r = rng();
            s[k] = plain == 0 ? (unsigned char)r : plain == 1 ? (r % 16 ? (unsigned char)('a' + r % 26) : (unsigned char)(r >> 8)) : (unsigned char)(r % 32);
        }
        check_escape(s, n, i & 1);
    }
}
END_TEST

/* The into-memory formatters write within the room they promise. */
START_TEST(fmt_writes_within_room) {
    char out[6 * 16 + 8];
    memset(out, 'Z', sizeof out);
    char ctl[16];
    memset(ctl, 0x01, sizeof ctl);
    char *end = slant_fmt_json_escape(out, ctl, sizeof ctl);
    ck_assert_int_eq((int)(end - out), 6 * 16);
    ck_assert_int_eq(out[6 * 16], 'Z');
    ck_assert_mem_eq(out, "\\u0001\\u0001", 12);
    memset(out, 'Z', sizeof out);
    end = slant_fmt_u64(out, 18446744073709551615u);
    ck_assert_int_eq((int)(end - out), SLANT_FMT_U64_MAX);
    ck_assert_mem_eq(out, "18446744073709551615Z", 21);
    char g[SLANT_FMT_G6_MAX + 1];
    g[SLANT_FMT_G6_MAX] = 'Z';
    end = slant_fmt_g6(g, -DBL_MIN);
    ck_assert_int_eq(g[SLANT_FMT_G6_MAX], 'Z');
    ck_assert_mem_eq(g, "-2.22507e-308", 13);
    ck_assert_int_eq((int)(end - g), 13);
}
END_TEST

START_TEST(buf_appenders_keep_nul) {
    slant_buf b;
    slant_buf_init(&b);
    for (int i = 0; i < 1000; i++) {
        slant_buf_putc(&b, 'a');
        slant_buf_puts(&b, "bc");
        slant_buf_append(&b, "def", 3);
        slant_buf_printf(&b, "%d", i % 10);
    }
    ck_assert_uint_eq(b.len, 7000);
    ck_assert_uint_eq(strlen(b.data), 7000);
    ck_assert_mem_eq(b.data, "abcdef0abcdef1", 14);
    ck_assert(b.len < b.cap);
    slant_buf_free(&b);
}
END_TEST

START_TEST(u64map_clear_and_grow) {
    slant_u64map *m = slant_u64map_new(4);
    int ins;
    /* 1000 keys force several doublings; key 0 is stored as 1 */
    for (uint64_t k = 1; k <= 1000; k++) {
        uint32_t *v = slant_u64map_upsert(m, k * 0x10000, (uint32_t)k, &ins);
        ck_assert_int_eq(ins, 1);
        ck_assert_uint_eq(*v, k);
    }
    ck_assert_uint_eq(slant_u64map_count(m), 1000);
    ck_assert_uint_eq(*slant_u64map_get(m, 7 * 0x10000), 7);
    ck_assert_ptr_null(slant_u64map_get(m, 1001 * 0x10000));
    *slant_u64map_upsert(m, 0, 5, &ins) += 1;
    ck_assert_int_eq(ins, 1);
    ck_assert_uint_eq(*slant_u64map_get(m, 1), 6);
    ck_assert_uint_eq(*slant_u64map_upsert(m, 1, 9, &ins), 6);
    ck_assert_int_eq(ins, 0);
    /* cleared many times, with keys that land on slots used before */
    for (int round = 0; round < 50; round++) {
        slant_u64map_clear(m);
        ck_assert_uint_eq(slant_u64map_count(m), 0);
        ck_assert_ptr_null(slant_u64map_get(m, 7 * 0x10000));
        for (uint64_t k = 1; k <= 20; k++) {
            slant_u64map_upsert(m, k * 0x10000 + (uint64_t)round, (uint32_t)round, &ins);
            ck_assert_int_eq(ins, 1);
        }
        ck_assert_uint_eq(slant_u64map_count(m), 20);
        ck_assert_uint_eq(*slant_u64map_get(m, 3 * 0x10000 + (uint64_t)round), round);
        if (round) ck_assert_ptr_null(slant_u64map_get(m, 3 * 0x10000 + (uint64_t)round - 1));
    }
    /* a table grown after clears keeps only the current keys */
    for (uint64_t k = 1; k <= 3000; k++) slant_u64map_upsert(m, k << 20, 1, NULL);
    ck_assert_uint_eq(slant_u64map_count(m), 3020);
    ck_assert_ptr_null(slant_u64map_get(m, 3 * 0x10000 + 48));
    ck_assert_uint_eq(*slant_u64map_get(m, 3 * 0x10000 + 49), 49);
    slant_u64map_free(m);
}
END_TEST

/* slant_parallel_for: every item runs exactly once, on a worker below the
 * thread count; after an item returns nonzero no new item starts. */
typedef struct {
    _Atomic int runs[100];
    _Atomic int bad_worker;
    int threads;
    size_t stop_at; /* the item that returns nonzero, or SIZE_MAX */
} pf_state;

static int pf_item(void *arg, size_t i, int worker) {
    pf_state *s = arg;
    s->runs[i]++;
    if (worker < 0 || worker >= s->threads) s->bad_worker = 1;
    return i == s->stop_at;
}

/* slant_tmpfile: in $TMPDIR, readable after writing, and nameless (the
 * folder is empty again while the file is still open). */
START_TEST(tmpfile_in_tmpdir_and_unlinked) {
    char dir[] = "/tmp/slant-test-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", dir, 1);
    FILE *f = slant_tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fputs("spilled", f) >= 0, 1);
    rewind(f);
    char line[16] = {0};
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
    ck_assert_str_eq(line, "spilled");
    ck_assert_int_eq(rmdir(dir), 0); /* fails with ENOTEMPTY if a name was left */
    fclose(f);
    setenv("TMPDIR", "/nonexistent-slant-dir", 1);
    ck_assert_ptr_null(slant_tmpfile());
    if (saved) setenv("TMPDIR", saved, 1);
    else unsetenv("TMPDIR");
    free(saved);
}
END_TEST

/* slant_pread_all: the bytes at an offset, whatever the stream's
 * position; a range past the end is -1 with errno 0. */
START_TEST(pread_all_reads_exact_ranges) {
    FILE *f = slant_tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fputs("hello world", f) >= 0, 1);
    ck_assert_int_eq(fflush(f), 0);
    char got[8] = {0};
    ck_assert_int_eq(slant_pread_all(fileno(f), got, 5, 6), 0);
    ck_assert_str_eq(got, "world");
    ck_assert_int_eq(slant_pread_all(fileno(f), got, 5, 0), 0);
    ck_assert_str_eq(got, "hello");
    ck_assert_int_eq(slant_pread_all(fileno(f), got, 0, 100), 0); /* nothing asked, nothing read */
    errno = EBADF;
    ck_assert_int_eq(slant_pread_all(fileno(f), got, 6, 6), -1); /* 5 bytes left */
    ck_assert_int_eq(errno, 0);
    ck_assert_int_eq(slant_pread_all(-1, got, 1, 0), -1);
    ck_assert_int_eq(errno, EBADF);
    fclose(f);
}
END_TEST

START_TEST(parallel_for_runs_each_item_once) {
    static const int threads[] = {1, 2, 3, 7};
    for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
        pf_state s;
        memset(&s, 0, sizeof s);
        s.threads = threads[t];
        s.stop_at = SIZE_MAX;
        slant_parallel_for(s.threads, 100, pf_item, &s);
        for (size_t i = 0; i < 100; i++) ck_assert_int_eq(s.runs[i], 1);
        ck_assert_int_eq(s.bad_worker, 0);
        /* a nonzero return: no item runs twice; on one thread (items in
         * order) nothing after it runs */
        memset(&s, 0, sizeof s);
        s.threads = threads[t];
        s.stop_at = 10;
        slant_parallel_for(s.threads, 100, pf_item, &s);
        int ran = 0;
        for (size_t i = 0; i < 100; i++) {
            ck_assert_int_le(s.runs[i], 1);
            ran += s.runs[i];
        }
        ck_assert_int_eq(s.runs[10], 1);
        /* with more threads, items taken before item 10 ended may still run */
        if (s.threads == 1) ck_assert_int_eq(ran, 11);
    }
    /* no items: fn never called, no thread started */
    pf_state s;
    memset(&s, 0, sizeof s);
    s.threads = 4;
    s.stop_at = SIZE_MAX;
    slant_parallel_for(4, 0, pf_item, &s);
    for (size_t i = 0; i < 100; i++) ck_assert_int_eq(s.runs[i], 0);
}
END_TEST

START_TEST(strmap_keys_with_one_hash) {
    /* the hash is the caller's: equal hashes must still keep keys apart,
     * whether they differ in the first 8 bytes, after them, or in length */
    static const char *const keys[] = {"a", "b", "ab", "abcdefgh", "abcdefgi", "abcdefghij",
                                       "abcdefghik", "xbcdefghij", "", "abcdefg"};
    enum { N = sizeof keys / sizeof *keys };
    slant_strmap *m = slant_strmap_new(2);
    int ins;
    for (int round = 0; round < 2; round++)
        for (uint32_t i = 0; i < N; i++) {
            uint32_t *v = slant_strmap_upsert(m, keys[i], strlen(keys[i]), 42, i + 100, &ins);
            ck_assert_int_eq(ins, round == 0);
            ck_assert_uint_eq(*v, i + 100);
        }
    ck_assert_uint_eq(slant_strmap_count(m), N);
    for (uint32_t i = 0; i < N; i++) {
        slant_strmap_prefetch(m, 42);
        uint32_t *v = slant_strmap_get(m, keys[i], strlen(keys[i]), 42);
        ck_assert_ptr_nonnull(v);
        ck_assert_uint_eq(*v, i + 100);
    }
    ck_assert_ptr_null(slant_strmap_get(m, "abcdefghiz", 10, 42));
    ck_assert_ptr_null(slant_strmap_get(m, "abcdefz", 7, 42));
    ck_assert_ptr_null(slant_strmap_get(m, "a", 1, 43));
    size_t seen = 0;
    for (size_t i = 0; i < slant_strmap_capacity(m); i++) {
        const char *k;
        size_t len;
        uint32_t val;
        if (!slant_strmap_slot(m, i, &k, &len, &val)) continue;
        ck_assert_uint_eq(len, strlen(keys[val - 100]));
        ck_assert_mem_eq(k, keys[val - 100], len);
        seen++;
    }
    ck_assert_uint_eq(seen, N);
    slant_strmap_free(m);
}
END_TEST

Suite *util_suite(void);
Suite *util_suite(void) {
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("buf");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, g6_known_values);
    tcase_add_test(tc, g6_special_values);
    tcase_add_test(tc, g6_integers);
    tcase_add_test(tc, g6_short_decimals);
    tcase_add_test(tc, g6_random_doubles);
    tcase_add_test(tc, g6_near_ties);
    tcase_add_test(tc, integers_as_printf);
    tcase_add_test(tc, json_escape_known);
    tcase_add_test(tc, json_escape_as_reference);
    tcase_add_test(tc, fmt_writes_within_room);
    tcase_add_test(tc, buf_appenders_keep_nul);
    tcase_add_test(tc, u64map_clear_and_grow);
    tcase_add_test(tc, strmap_keys_with_one_hash);
    tcase_add_test(tc, parallel_for_runs_each_item_once);
    tcase_add_test(tc, tmpfile_in_tmpdir_and_unlinked);
    tcase_add_test(tc, pread_all_reads_exact_ranges);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(util_suite)
