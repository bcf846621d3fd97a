/*
 * testutil.h - shared helpers for the Check suites. Each tests/unit/test_X.c
 * defines `Suite *X_suite(void)` and ends with SLANT_TEST_MAIN(X_suite).
 * SLANT_SRCDIR is the repository root; SHARED_DIR the ../shared folder.
 */
#ifndef SLANT_TESTUTIL_H
#define SLANT_TESTUTIL_H

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slant/score.h"

#define SHARED_DIR SLANT_SRCDIR "/../shared"

static inline int shared_available(void) { return access(SHARED_DIR "/corpus/seeds/manifest.tsv", R_OK) == 0; }

/* A suite's lexicon set, made of one lexicon's text (`name` in messages),
 * and a scorer over it; the test fails when either does not build. */
static inline slant_scorer *test_scorer_new(const char *name, const char *text, slant_lexset **set) {
    slant_error err;
    *set = slant_lexset_new();
    ck_assert_msg(slant_lexset_add_text(*set, name, text, strlen(text), &err) == 0, "%s", err.msg);
    ck_assert_msg(slant_lexset_finish(*set, &err) == 0, "%s", err.msg);
    slant_scorer *sc = slant_scorer_new(*set, &err);
    ck_assert_msg(sc != NULL, "%s", err.msg);
    return sc;
}

#define SLANT_TEST_MAIN(suite_fn)                                  \
    int main(void) {                                               \
        SRunner *sr = srunner_create(suite_fn());                  \
        srunner_run_all(sr, CK_NORMAL);                            \
        int failed = srunner_ntests_failed(sr);                    \
        srunner_free(sr);                                          \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;          \
    }

#endif
