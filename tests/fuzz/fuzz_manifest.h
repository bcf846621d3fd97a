/*
 * fuzz_manifest.h - the body of the TSV and JSON manifest targets: the input
 * is written as the manifest of a scratch corpus folder that holds a few
 * article files (one in a subfolder, one symlink leading out), the corpus is
 * opened and every article's text read. A rejected manifest must say where.
 * Design: going through slant_corpus_open (not a private parser) fuzzes the
 * path checks and the folder lookup too; the folder lives for the process.
 */
#include "fuzz_common.h"

#include <unistd.h>
#include <sys/stat.h>

#include "slant/corpus.h"

static inline const char *fuzz_corpus_dir(void) {
    static char dir[256];
    if (dir[0]) return dir;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/slant-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) abort();
    char p[512];
    static const char *const files[] = {"a.txt", "b.txt", "sub/c.txt"};
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0700);
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        FILE *f = fopen(p, "wb");
        if (!f) abort();
        fputs("Valdoria said \"no\". Kestria agreed.\n", f);
        fclose(f);
    }
    snprintf(p, sizeof p, "%s/out.txt", dir);
    if (symlink("/etc/hostname", p) != 0) { /* not needed for the fuzzing itself */ }
    return dir;
}

static inline int fuzz_manifest(const uint8_t *data, size_t size, const char *manifest_name) {
    const char *dir = fuzz_corpus_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, manifest_name);
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    if (fclose(f) != 0) abort();

    slant_error err;
    slant_error_clear(&err);
    slant_corpus *c = NULL;
    if (slant_corpus_open(dir, &c, &err) != 0) {
        fuzz_check_error(&err);
        FUZZ_CHECK(c == NULL);
        return 0;
    }
    slant_buf buf;
    slant_buf_init(&buf);
    for (size_t i = 0; i < c->n; i++) {
        const slant_article *a = &c->articles[i];
        FUZZ_CHECK(a->id && a->source);
        FUZZ_CHECK(a->text || a->path);
        const char *text;
        size_t len;
        if (slant_article_text(a, &buf, &text, &len, &err) != 0) fuzz_check_error(&err);
    }
    slant_buf_free(&buf);
    slant_corpus_free(c);
    return 0;
}
