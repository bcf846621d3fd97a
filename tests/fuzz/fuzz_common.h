/*
 * fuzz_common.h - shared by the libFuzzer targets in tests/fuzz/: the entry
 * point's prototype, loading the fixed lexicon and the shipped cleaning
 * rules once per process, and a check that aborts (so libFuzzer keeps the
 * input) when an invariant the headers promise does not hold.
 *
 * Design: every target builds its long-lived state (lexicons, rules, a
 * scratch folder) on the first call and reuses it, so an execution costs
 * only the code under test; nothing is freed at exit (LeakSanitizer only
 * reports what one execution leaks).
 * FUZZ_SRCDIR (set by scripts/fuzz.sh) is the repository root.
 */
#ifndef SLANT_FUZZ_COMMON_H
#define SLANT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slant/aggregate.h"
#include "slant/clean.h"
#include "slant/lexicon.h"
#include "slant/util.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

static inline void fuzz_die(const slant_error *e) {
    char msg[2048];
    slant_error_format(e, msg, sizeof msg);
    fprintf(stderr, "fuzz setup failed: %s\n", msg);
    abort();
}

/* The fixed lexicon (tests/fuzz/fixed.lex), finished. */
static inline slant_lexset *fuzz_fixed_lexset(void) {
    slant_error err;
    slant_error_clear(&err);
    slant_lexset *s = slant_lexset_new();
    if (slant_lexset_add_file(s, FUZZ_SRCDIR "/tests/fuzz/fixed.lex", &err) != 0 ||
        slant_lexset_finish(s, &err) != 0)
        fuzz_die(&err);
    return s;
}

/* The shipped default lexicons (lexicons/default.set), finished. */
static inline slant_lexset *fuzz_default_lexset(void) {
    slant_error err;
    slant_error_clear(&err);
    slant_lexset *s = slant_lexset_new();
    if (slant_lexset_add_setfile(s, FUZZ_SRCDIR "/lexicons/default.set", &err) != 0 ||
        slant_lexset_finish(s, &err) != 0)
        fuzz_die(&err);
    return s;
}

/* The shipped cleaning rules (lexicons/clean.rules). */
static inline slant_clean_rules *fuzz_shipped_rules(void) {
    slant_error err;
    slant_error_clear(&err);
    slant_clean_rules *r = NULL;
    if (slant_clean_rules_load(FUZZ_SRCDIR "/lexicons/clean.rules", &r, &err) != 0) fuzz_die(&err);
    return r;
}

/* A formatted error must name something and fit its buffer (never empty). */
static inline void fuzz_check_error(const slant_error *e) {
    char msg[2048];
    slant_error_format(e, msg, sizeof msg);
    FUZZ_CHECK(e->msg[0] != '\0');
    FUZZ_CHECK(strlen(msg) > 0);
}

/* Read a partial from the fuzz input as if it were the file part.jsonl. */
static inline int fuzz_read_agg(slant_agg *a, const void *data, size_t size, slant_error *err) {
    FILE *f = fmemopen((void *)data, size, "rb");
    FUZZ_CHECK(f != NULL);
    int rc = slant_agg_read(a, f, "part.jsonl", err);
    fclose(f);
    return rc;
}

#endif
