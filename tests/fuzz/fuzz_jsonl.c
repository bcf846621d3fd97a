/*
 * fuzz_jsonl.c - the streaming JSON Lines reader (what `slant score -` reads
 * on a map step) on a fmemopen'd buffer named as a file inside a scratch
 * corpus folder, so `file` fields are resolved and checked as well.
 * Checks: articles come out with id, source and text or a path; a stream
 * that fails says which line.
 */
#include "fuzz_manifest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0; /* fmemopen refuses an empty buffer */
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
