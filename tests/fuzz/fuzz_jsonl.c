/*
 * fuzz_jsonl.c - the streaming JSON Lines reader (what `slant score -` reads
 * on a map step) on a fmemopen'd buffer named as a file inside a scratch
 * corpus folder, so `file` fields are resolved and checked as well.
 * Checks: articles come out with id, source and text or a path; a stream
 * that fails says which line. And, differentially, on every valid UTF-8
 * line: when the reader's fast path (slant_jsonl_flat_object) takes it,
 * json_loadb parses it too, into an object that prints the same (same keys,
 * order and values).
 */
#include "fuzz_manifest.h"
#include "slant/text.h"

static void check_flat_object(const char *line, size_t n, slant_buf *key, slant_buf *value) {
    size_t bad;
    if (memchr(line, '\0', n) || slant_utf8_validate(line, n, &bad) != 0) return; /* the reader refuses these first */
    json_t *fast = slant_jsonl_flat_object(line, n, key, value);
    if (!fast) return;
    json_error_t jerr;
    json_t *ref = json_loadb(line, n, 0, &jerr);
    FUZZ_CHECK(ref != NULL);
    char *a = json_dumps(fast, JSON_COMPACT | JSON_ENSURE_ASCII), *b = json_dumps(ref, JSON_COMPACT | JSON_ENSURE_ASCII);
    FUZZ_CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    json_decref(fast);
    json_decref(ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0; /* fmemopen refuses an empty buffer */
    slant_buf key, value;
    slant_buf_init(&key);
    slant_buf_init(&value);
    for (size_t at = 0; at < size;) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        size_t end = nl ? (size_t)(nl - data) : size;
        check_flat_object((const char *)data + at, end - at, &key, &value);
        at = end + 1;
    }
    slant_buf_free(&key);
    slant_buf_free(&value);
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
