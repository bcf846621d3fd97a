/*
 * test_json_read.c - slant_json_parse, the reader of report.json's list
 * elements and of JSON Lines articles: it builds what json_loadb builds, to
 * the type and the byte, and returns NULL for everything jansson refuses
 * (and for what it is unsure of), so that jansson can say why.
 */
#include <stdlib.h>
#include <string.h>

#include "slant/json_read.h"
#include "testutil.h"

/* slant_json_parse reads what json_loadb reads, to the type and the byte, and
 * gives up (NULL) on what jansson refuses, which then says why. */
START_TEST(fast_reader_matches_jansson) {
    static const char *const same[] = {
        "{\"a\": 1, \"b\": [true, false, null], \"c\": {}, \"d\": []}",
        "  [ -0, 0, 7, -42, 123456789012345678, -999999999999999999 ] \n",
        "[0.5, -2.5e3, 1E2, 1e-400, 2.0, 3.14159, -0.0, 1.7976931348623157e308]",
        "\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\"",
        "\"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80\"",
        "{\"k\\u0065y\": \"v\", \"key\": \"last wins\", \"long key with an escape \\n that is longer than "
        "sixty-four bytes, so that it is copied\": [\"x\\u0000y\"]}",
        "{\"story\": \"a]}\\\"[{\", \"sources\": {\"A\": {\"targets\": [\"x\"], \"numbers\": [], \"speakers\": [\"Z\"]}}}",
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        size_t n = strlen(same[i]);
        json_t *a = json_loadb(same[i], n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
        json_t *b = slant_json_parse(same[i], n, SLANT_JSON_ALLOW_NUL, NULL, NULL);
        ck_assert_msg(a && b, "case %zu", i);
        char *da = json_dumps(a, JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
        char *db = json_dumps(b, JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
        ck_assert_str_eq(db, da);
        free(da);
        free(db);
        json_decref(a);
        json_decref(b);
    }
    /* the values themselves, as a person reads them */
    static const char small[] = "{\"n\": -42, \"r\": 2.0, \"s\": \"\\u00e9\\n\", \"t\": true}";
    json_t *v = slant_json_parse(small, sizeof small - 1, 0, NULL, NULL);
    ck_assert_ptr_nonnull(v);
    ck_assert(json_is_integer(json_object_get(v, "n")) && json_integer_value(json_object_get(v, "n")) == -42);
    ck_assert(json_is_real(json_object_get(v, "r")) && json_real_value(json_object_get(v, "r")) == 2.0);
    ck_assert_str_eq(json_string_value(json_object_get(v, "s")), "\xc3\xa9\n");
    ck_assert(json_is_true(json_object_get(v, "t")));
    json_decref(v);
    /* a number that ends the text is read from its own bytes only */
    v = slant_json_parse("12345", 3, 0, NULL, NULL);
    ck_assert_int_eq(json_integer_value(v), 123);
    json_decref(v);
    static const char *const refused[] = {
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "01", "1.", ".5", "-", "1e", "+1", "1e999", "tru", "nul",
        "\"open", "\"bad \\x escape\"", "\"lone \\udc00\"", "\"half \\ud800 pair\"", "\"raw \x01 control\"",
        "\"bad \xc3\x28 utf-8\"", "\"overlong \xc0\xaf\"", "\"surrogate \xed\xa0\x80\"", "{\"nul\\u0000key\": 1}",
        "[1] 2", "{1: 2}",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        size_t n = strlen(refused[i]);
        ck_assert_msg(slant_json_parse(refused[i], n, SLANT_JSON_ALLOW_NUL, NULL, NULL) == NULL, "refused case %zu", i);
        ck_assert_msg(json_loadb(refused[i], n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL) == NULL, "jansson %zu", i);
    }
    /* a member left out: only the root object's, whatever brackets and quotes its value holds */
    static const char with[] = "{\"a\": 1, \"sources\": {\"x\": [\"]\\\"\", {\"y\": \"}\"}]}, "
                               "\"b\": {\"sources\": [2]}, \"c\": \"sources\"}";
    v = slant_json_parse(with, sizeof with - 1, 0, "sources", NULL);
    json_t *want = json_loads("{\"a\": 1, \"b\": {\"sources\": [2]}, \"c\": \"sources\"}", 0, NULL);
    ck_assert_ptr_nonnull(v);
    ck_assert(json_equal(v, want));
    json_decref(v);
    json_decref(want);
    v = slant_json_parse("[{\"sources\": 1}]", 16, 0, "sources", NULL); /* not an object: all of it */
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(v, 0), "sources")), 1);
    json_decref(v);
    ck_assert_ptr_null(slant_json_parse("{\"sources\": [1, 2}", 18, 0, "sources", NULL));
    /* an integer too long to be sure of, and very deep nesting: left to jansson */
    ck_assert_ptr_null(slant_json_parse("12345678901234567890", 20, 0, NULL, NULL));
    char deep[2 * 1100 + 1];
    memset(deep, '[', 1100);
    memset(deep + 1100, ']', 1100);
    ck_assert_ptr_null(slant_json_parse(deep, 2200, 0, NULL, NULL));
    /* \u0000 only when allowed, as with jansson's JSON_ALLOW_NUL; a reused
     * scratch buffer gives the same values */
    static const char nul[] = "[\"x\\u0000y\"]";
    ck_assert_ptr_null(slant_json_parse(nul, sizeof nul - 1, 0, NULL, NULL));
    ck_assert_ptr_null(json_loadb(nul, sizeof nul - 1, 0, NULL));
    slant_buf scratch;
    slant_buf_init(&scratch);
    v = slant_json_parse(nul, sizeof nul - 1, SLANT_JSON_ALLOW_NUL, NULL, &scratch);
    ck_assert_uint_eq(json_string_length(json_array_get(v, 0)), 3);
    json_decref(v);
    v = slant_json_parse(same[3], strlen(same[3]), 0, NULL, &scratch);
    ck_assert_str_eq(json_string_value(v), "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" \\ / \b\f\n\r\t");
    json_decref(v);
    slant_buf_free(&scratch);
}
END_TEST

Suite *json_read_suite(void);
Suite *json_read_suite(void) {
    Suite *s = suite_create("json_read");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fast_reader_matches_jansson);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(json_read_suite)
