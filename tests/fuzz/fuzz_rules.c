/*
 * fuzz_rules.c - the cleaning-rules reader (lexicons/clean.rules format) on
 * arbitrary bytes; accepted rules then clean a fixed web capture, for the
 * global section and for a named source. Checks: a refused file has a
 * message; cleaning logs only ranges inside its input and keeps valid UTF-8.
 */
#include "fuzz_common.h"

#include "slant/clean.h"
#include "slant/text.h"

static const char capture[] =
    "Skip to main content\nMenu\n# Valdoria and Kestria sign a deal\n"
    "**By Anna Veles** | [Politics](https://example.org/p)\nphoto_2025.jpg\n\n"
    "The deal was signed on Monday. It covers fishing.\nThe deal was signed on Monday. It covers fishing.\n\n"
    "Share this: Facebook Twitter\nComment(s) Write comment\nRelated: more stories\n"
    "\xC2\xA0 Loading \xC2\xA0\nS M L XL\nEnd of the article.\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    slant_error err;
    slant_error_clear(&err);
    slant_clean_rules *r = NULL;
    if (slant_clean_rules_parse("fuzz.rules", (const char *)data, size, &r, &err) != 0) {
        fuzz_check_error(&err);
        FUZZ_CHECK(r == NULL);
        return 0;
    }
    static const char *const sources[] = {NULL, "World Socialist Web Site", "x"};
    slant_buf out;
    slant_buf_init(&out);
    for (size_t k = 0; k < 3; k++) {
        slant_clean_log log;
        slant_clean_log_init(&log);
        slant_clean_text(r, sources[k], capture, sizeof capture - 1, &out, &log);
        size_t bad;
        FUZZ_CHECK(out.len == 0 || slant_utf8_validate(out.data, out.len, &bad) == 0);
        FUZZ_CHECK(out.len <= sizeof capture - 1);
        for (size_t i = 0; i < log.n; i++) {
            FUZZ_CHECK(log.items[i].start <= log.items[i].end && log.items[i].end <= sizeof capture - 1);
            FUZZ_CHECK(log.items[i].rule != NULL);
        }
        slant_clean_log_free(&log);
    }
    slant_buf_free(&out);
    slant_clean_rules_free(r);
    return 0;
}
