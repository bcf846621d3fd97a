/*
 * testutil.h - shared helpers for the Check suites. Each tests/unit/test_X.c
 * defines `Suite *X_suite(void)` and ends with SLANT_TEST_MAIN(X_suite).
 * SLANT_SRCDIR is the repository root; SHARED_DIR the ../shared folder.
 */
#ifndef SLANT_TESTUTIL_H
#define SLANT_TESTUTIL_H

#include <check.h>
#include <stdlib.h>
#include <unistd.h>

#define SHARED_DIR SLANT_SRCDIR "/../shared"

static inline int shared_available(void) { return access(SHARED_DIR "/corpus/seeds/manifest.tsv", R_OK) == 0; }

#define SLANT_TEST_MAIN(suite_fn)                                  \
    int main(void) {                                               \
        SRunner *sr = srunner_create(suite_fn());                  \
        srunner_run_all(sr, CK_NORMAL);                            \
        int failed = srunner_ntests_failed(sr);                    \
        srunner_free(sr);                                          \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;          \
    }

#endif
