/*
 * fuzz_jsonl.c - the streaming JSON Lines reader (what `slant score -` reads
 * on a map step) on a fmemopen'd buffer named as a file inside a scratch
 * corpus folder, so `file` fields are resolved and checked as well.
 * Checks: articles come out with id, source and text or a path; a stream
 * that fails says which line. And, differentially, on every valid UTF-8
 * line: when slant_json_parse (the reader's fast path) takes it, json_loadb
 * parses it too, into a value that prints the same (same keys, order and
 * values), with and without \u0000 allowed.
 */
#include "fuzz_manifest.h"
#include "slant/json_read.h"

static void check_fast_parse(const char *line, size_t n, int flags, slant_buf *scratch) {
    json_t *fast = slant_json_parse(line, n, flags, NULL, scratch);
    if (!fast) return;
    json_error_t jerr;
    json_t *ref = json_loadb(line, n, JSON_DECODE_ANY | (flags & SLANT_JSON_ALLOW_NUL ? JSON_ALLOW_NUL : 0), &jerr);
    FUZZ_CHECK(ref != NULL);
    size_t flags_out = JSON_COMPACT | JSON_ENSURE_ASCII | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17);
    char *a = json_dumps(fast, flags_out), *b = json_dumps(ref, flags_out);
    FUZZ_CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    json_decref(fast);
    json_decref(ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0; /* fmemopen refuses an empty buffer */
    slant_buf scratch;
    slant_buf_init(&scratch);
    for (size_t at = 0; at < size;) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        size_t end = nl ? (size_t)(nl - data) : size;
        check_fast_parse((const char *)data + at, end - at, 0, &scratch);
        check_fast_parse((const char *)data + at, end - at, SLANT_JSON_ALLOW_NUL, NULL);
        at = end + 1;
    }
    slant_buf_free(&scratch);
    static char name[512];
    if (!name[0]) snprintf(name, sizeof name, "%s/in.jsonl", fuzz_corpus_dir());
    FILE *f = fmemopen((void *)data, size, "rb");
    FUZZ_CHECK(f != NULL);
    slant_jsonl_reader *r = slant_jsonl_open(f, name);
    slant_error err;
    slant_error_clear(&err);
    slant_buf buf;
    slant_buf_init(&buf);
    slant_article *a;
    int rc;
    long articles = 0;
    while ((rc = slant_jsonl_next(r, &a, &err)) == 1) {
        articles++;
        FUZZ_CHECK(a->id && a->source);
        FUZZ_CHECK(a->text || a->path);
        const char *text;
        size_t len;
        if (slant_article_text(a, &buf, &text, &len, &err) != 0) fuzz_check_error(&err);
    }
    if (rc < 0) {
        fuzz_check_error(&err);
        FUZZ_CHECK(err.line >= 1);
    }
    slant_buf_free(&buf);
    slant_jsonl_close(r);
    fclose(f);
    return 0;
}
