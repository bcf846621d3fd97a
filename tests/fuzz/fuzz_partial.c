/*
 * fuzz_partial.c - the partial-aggregate reader and merge on a fmemopen'd
 * buffer, with the fixed lexicon (tests/fuzz/fixed.lex; the seeds were
 * written with it, so they pass the lexicon-hash check and reach the
 * records). An accepted partial is merged with a second copy of itself
 * (duplicate ids must be refused, not merged), written, and read back:
 * writing what was read must be a fixed point (write(read(w)) == w), which
 * is what makes shards merge into exactly the bytes of one run.
 */
#include "fuzz_common.h"

#include "slant/aggregate.h"

static char *write_agg(slant_agg *a, size_t *len) {
    char *buf = NULL;
    slant_error err;
    slant_error_clear(&err);
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(slant_agg_write(a, f, "mem", &err) == 0);
    FUZZ_CHECK(fclose(f) == 0);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static slant_lexset *set;
    if (!set) set = fuzz_fixed_lexset();
    if (size == 0) return 0;
    slant_error err;
    slant_error_clear(&err);
    slant_agg *a = slant_agg_new(set);
    if (fuzz_read_agg(a, data, size, &err) != 0) {
        fuzz_check_error(&err);
        slant_agg_free(a);
        return 0;
    }
    slant_agg_finish(a);

    /* merging a copy of itself: refused when it holds any article */
    slant_agg *b = slant_agg_new(set);
    FUZZ_CHECK(fuzz_read_agg(b, data, size, &err) == 0);
    slant_agg_finish(b);
    size_t narticles = slant_agg_article_count(a);
    int merged = slant_agg_merge(b, a, &err);
    if (narticles > 0) FUZZ_CHECK(merged != 0);
    slant_agg_free(b);
    slant_agg_free(a);

    a = slant_agg_new(set);
    FUZZ_CHECK(fuzz_read_agg(a, data, size, &err) == 0);
    slant_agg_finish(a);
    size_t len1 = 0, len2 = 0;
    char *w1 = write_agg(a, &len1);
    slant_agg *c = slant_agg_new(set);
    int rc = fuzz_read_agg(c, w1, len1, &err);
    if (rc != 0) {
        char msg[2048];
        slant_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "a written partial does not read back: %s\n", msg);
    }
    FUZZ_CHECK(rc == 0);
    slant_agg_finish(c);
    char *w2 = write_agg(c, &len2);
    if (len1 != len2 || memcmp(w1, w2, len1) != 0)
        fprintf(stderr, "not a fixed point:\n--- first\n%.*s\n--- second\n%.*s\n", (int)len1, w1, (int)len2, w2);
    FUZZ_CHECK(len1 == len2 && memcmp(w1, w2, len1) == 0);
    free(w1);
    free(w2);
    slant_agg_free(c);
    slant_agg_free(a);
    return 0;
}
