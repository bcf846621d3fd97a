/*
 * test_corpus.c - manifests (TSV, JSON, JSON Lines), the seed manifest as it
 * is, and every manifest error with its file, line and column. Fixtures are
 * written to a fresh temporary folder by each test.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp, symlink */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slant/corpus.h"
#include "slant/ingest.h"
#include "testutil.h"

static char tmpdir[256];

static void setup(void) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/slant-corpus-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void) {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
}

static char *path(const char *name) { return slant_path_join(tmpdir, name); }

static void put(const char *name, const char *content, size_t len) {
    char *p = path(name);
    char *slash = strrchr(p, '/');
    *slash = '\0';
    mkdir(p, 0755);
    *slash = '/';
    FILE *f = fopen(p, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(content, 1, len, f), len);
    fclose(f);
    free(p);
}

static void puts_file(const char *name, const char *content) { put(name, content, strlen(content)); }

/* Open name (relative to tmpdir) expecting failure; check line and message. */
static void open_fails(const char *name, long line, long col, const char *fragment) {
    char *p = path(name);
    slant_corpus *c = NULL;
    slant_error err;
    slant_error_clear(&err);
    ck_assert_int_eq(slant_corpus_open(p, &c, &err), -1);
    ck_assert_ptr_null(c);
    ck_assert_msg(strstr(err.file, "manifest") || strstr(err.file, tmpdir), "file: %s", err.file);
    ck_assert_msg(err.line == line, "line %ld, expected %ld (%s)", err.line, line, err.msg);
    if (col >= 0) ck_assert_msg(err.column == col, "column %ld, expected %ld", err.column, col);
    ck_assert_msg(strstr(err.msg, fragment), "message \"%s\" lacks \"%s\"", err.msg, fragment);
    free(p);
}

static slant_corpus *open_ok(const char *name) {
    char *p = path(name);
    slant_corpus *c = NULL;
    slant_error err;
    slant_error_clear(&err);
    int rc = slant_corpus_open(p, &c, &err);
    ck_assert_msg(rc == 0, "open failed: %s:%ld: %s", err.file, err.line, err.msg);
    free(p);
    return c;
}

START_TEST(seed_manifest) {
    if (!shared_available()) return;
    slant_corpus *c = NULL;
    slant_error err;
    slant_error_clear(&err);
    ck_assert_int_eq(slant_corpus_open(SHARED_DIR "/corpus/seeds", &c, &err), 0);
    ck_assert_uint_eq(c->n, 5);
    const slant_article *a = &c->articles[0];
    ck_assert_str_eq(a->id, "000_9986aba2f63a8448");
    ck_assert_str_eq(a->file, "000_9986aba2f63a8448.txt");
    ck_assert_str_eq(a->source, "World Socialist Web Site");
    ck_assert_str_eq(a->date, "2018-06-01");
    ck_assert_str_eq(a->story, "japan-russia-kuril-dispute");
    ck_assert_str_eq(a->author, "Gary Alvernia");
    ck_assert_int_eq(a->line, 2);
    ck_assert_str_eq(json_string_value(json_object_get(a->meta, "source_kind")),
                     "socialist news site");
    ck_assert_uint_eq(json_object_size(a->meta), 1);
    a = &c->articles[1];
    ck_assert_str_eq(a->source, "Voice of America");
    ck_assert_ptr_null(a->author); /* empty author column */
    ck_assert_ptr_null(a->url);
    ck_assert_str_eq(a->title, "Japan, Russia Summit Produces Economic Deals, No Peace Treaty");
    ck_assert_str_eq(c->articles[4].source, "Valdai Discussion Club");
    ck_assert_str_eq(c->articles[4].date, "2016-05");
    ck_assert_int_eq(c->articles[4].line, 6);
    slant_buf b;
    slant_buf_init(&b);
    const char *text;
    size_t len;
    ck_assert_int_eq(slant_article_text(&c->articles[0], &b, &text, &len, &err), 0);
    ck_assert_uint_eq(len, 6067); /* wc -c of the file */
    slant_buf_free(&b);
    slant_corpus_free(c);
}
END_TEST

START_TEST(tsv_bom_crlf_meta_inline) {
    puts_file("a/one.txt", "Text one.\n");
    puts_file("a/sub/two.txt", "Text two.\n");
    puts_file("a/manifest.tsv",
              "\xEF\xBB\xBF" "file\tsource\tlang\ttext\tdate\r\n"
              "one.txt\tPaper A\ten\t\t2020-01-02\r\n"
              "\r\n"
              "sub/two.txt\tPaper B\tfr\t\t\r\n"
              "\tPaper C\t\tInline words here.\t\r\n");
    slant_corpus *c = NULL;
    slant_error err;
    char *p = path("a");
    slant_error_clear(&err);
    ck_assert_int_eq(slant_corpus_open(p, &c, &err), -1); /* row 5 has no id and no file */
    ck_assert_int_eq(err.line, 5);
    ck_assert_ptr_nonnull(strstr(err.msg, "neither an id nor a file"));
    puts_file("a/manifest.tsv",
              "\xEF\xBB\xBF" "id\tfile\tsource\tlang\ttext\tdate\r\n"
              "\tone.txt\tPaper A\ten\t\t2020-01-02\r\n"
              "\r\n"
              "\tsub/two.txt\tPaper B\tfr\t\t\r\n"
              "c3\t\tPaper C\t\tInline words here.\t\r\n");
    c = open_ok("a");
    ck_assert_uint_eq(c->n, 3);
    ck_assert_str_eq(c->articles[0].id, "one");
    ck_assert_str_eq(c->articles[0].date, "2020-01-02");
    ck_assert_str_eq(json_string_value(json_object_get(c->articles[0].meta, "lang")), "en");
    ck_assert_str_eq(c->articles[1].id, "sub/two");
    ck_assert_ptr_null(c->articles[1].date);
    ck_assert_int_eq(c->articles[1].line, 4);
    ck_assert_str_eq(c->articles[2].id, "c3");
    ck_assert_ptr_null(c->articles[2].file);
    slant_buf b;
    slant_buf_init(&b);
    const char *text;
    size_t len;
    ck_assert_int_eq(slant_article_text(&c->articles[2], &b, &text, &len, &err), 0);
    ck_assert_str_eq(text, "Inline words here.");
    ck_assert_int_eq(slant_article_text(&c->articles[1], &b, &text, &len, &err), 0);
    ck_assert_str_eq(text, "Text two.\n");
    slant_buf_free(&b);
    slant_corpus_free(c);
    free(p);
}
END_TEST

START_TEST(tsv_errors) {
    puts_file("x/a.txt", "A.\n");
    puts_file("x/b.txt", "B.\n");
    puts_file("x/manifest.tsv", "file\tdate\n" "a.txt\t2020\n");
    open_fails("x", 1, -1, "missing required column \"source\"");
    puts_file("x/manifest.tsv", "id\tsource\n" "a\tP\n");
    open_fails("x", 1, -1, "missing required column \"text (or file)\"");
    puts_file("x/manifest.tsv", "file\tsource\n" "a.txt\tP\n" "b.txt\tP\textra\n");
    open_fails("x", 3, -1, "3 fields but the header has 2");
    puts_file("x/manifest.tsv", "file\tsource\n" "a.txt\tP\n" "b.txt\n");
    open_fails("x", 3, -1, "1 fields but the header has 2");
    puts_file("x/manifest.tsv", "file\tsource\n" "a.txt\t\n");
    open_fails("x", 2, 7, "empty value in required column \"source\"");
    puts_file("x/manifest.tsv", "id\tfile\tsource\n" "k\ta.txt\tP\n" "k\tb.txt\tQ\n");
    open_fails("x", 3, -1, "duplicate id \"k\" (first used on line 2)");
    puts_file("x/manifest.tsv", "file\tsource\n" "a.txt\tP\n" "a.txt\tQ\n");
    open_fails("x", 3, -1, "duplicate id \"a\"");
    puts_file("x/manifest.tsv", "file\tsource\n" "/etc/passwd\tP\n");
    open_fails("x", 2, 1, "is absolute");
    puts_file("x/manifest.tsv", "source\tfile\n" "P\t../x/../../etc/passwd\n");
    open_fails("x", 2, 3, "leaves the corpus folder");
    puts_file("x/manifest.tsv", "file\tsource\n" "sub/../../a.txt\tP\n");
    open_fails("x", 2, -1, "leaves the corpus folder");
    puts_file("x/manifest.tsv", "file\tsource\n" "missing.txt\tP\n");
    open_fails("x", 2, -1, "not found");
    /* a symlink inside the folder that points outside it */
    puts_file("outside.txt", "secret\n");
    char *link = path("x/link.txt"), *target = path("outside.txt");
    ck_assert_int_eq(symlink(target, link), 0);
    puts_file("x/manifest.tsv", "file\tsource\n" "link.txt\tP\n");
    open_fails("x", 2, -1, "outside the corpus folder");
    free(link);
    free(target);
    /* a folder symlink that leads outside (the folder is resolved once and
     * cached: the second row, after a good one, must still be refused) */
    puts_file("out/d.txt", "D.\n");
    char *dlink = path("x/outdir"), *dtarget = path("out");
    ck_assert_int_eq(symlink(dtarget, dlink), 0);
    puts_file("x/manifest.tsv", "file\tsource\n" "a.txt\tP\n" "outdir/d.txt\tP\n");
    open_fails("x", 3, -1, "outside the corpus folder");
    free(dlink);
    free(dtarget);
    /* a folder symlink inside the corpus: allowed, the real path is stored */
    puts_file("x/real/e.txt", "E.\n");
    char *ilink = path("x/alias"), *itarget = path("x/real");
    ck_assert_int_eq(symlink(itarget, ilink), 0);
    puts_file("x/manifest.tsv", "file\tsource\n" "alias/e.txt\tP\n" "real/e.txt\tQ\n" "./alias/../a.txt\tR\n");
    {
        slant_corpus *c = open_ok("x");
        ck_assert_uint_eq(c->n, 3);
        char *rx = realpath(tmpdir, NULL);
        char *want = slant_path_join(rx, "x/real/e.txt");
        ck_assert_str_eq(c->articles[0].path, want);
        ck_assert_str_eq(c->articles[1].path, want);
        free(want);
        want = slant_path_join(rx, "x/a.txt");
        ck_assert_str_eq(c->articles[2].path, want);
        free(want);
        free(rx);
        slant_corpus_free(c);
    }
    free(ilink);
    free(itarget);
    /* a folder where a file should be */
    puts_file("x/dir/c.txt", "C.\n");
    puts_file("x/manifest.tsv", "file\tsource\n" "dir\tP\n");
    open_fails("x", 2, -1, "not a regular file");
    /* header problems, invalid UTF-8, NUL, empty manifest */
    puts_file("x/manifest.tsv", "file\tsource\tfile\n");
    open_fails("x", 1, 13, "appears twice");
    puts_file("x/manifest.tsv", "file\tsource\n" "a.txt\tCaf\xE9\n");
    open_fails("x", 2, 10, "UTF-8");
    put("x/manifest.tsv", "file\tsource\na.txt\tP\0\n", 20);
    open_fails("x", 2, 8, "NUL byte");
    puts_file("x/manifest.tsv", "");
    open_fails("x", 1, -1, "header");
}
END_TEST

START_TEST(folder_without_manifest) {
    puts_file("empty/readme.txt", "nothing\n");
    char *p = path("empty");
    slant_corpus *c = NULL;
    slant_error err;
    ck_assert_int_eq(slant_corpus_open(p, &c, &err), -1);
    ck_assert_str_eq(err.file, p);
    ck_assert_ptr_nonnull(strstr(err.msg, "no manifest.tsv or manifest.json"));
    free(p);
}
END_TEST

START_TEST(json_manifest) {
    puts_file("j/a.txt", "A.\n");
    puts_file("j/manifest.json",
              "[\n"
              "  {\"id\": 7, \"source\": \"P\", \"file\": \"a.txt\", \"lang\": \"en\",\n"
              "   \"pages\": 3, \"author\": null},\n"
              "  {\"id\": \"b\", \"source\": \"Q\", \"text\": \"Inline \\u00e9.\", \"title\": "
              "\"T\"}\n"
              "]\n");
    slant_corpus *c = open_ok("j");
    ck_assert_uint_eq(c->n, 2);
    ck_assert_str_eq(c->articles[0].id, "7");
    ck_assert_int_eq(c->articles[0].line, 2);
    ck_assert_ptr_null(c->articles[0].author);
    ck_assert_str_eq(json_string_value(json_object_get(c->articles[0].meta, "pages")), "3");
    ck_assert_str_eq(c->articles[1].text, "Inline \xC3\xA9.");
    ck_assert_int_eq(c->articles[1].line, 4);
    slant_corpus_free(c);
    puts_file("j/m2.json", "{\"version\": 1, \"articles\": [{\"id\": \"a\", \"source\": \"P\", "
                           "\"text\": \"x\"},\n {\"id\": \"a\", \"source\": \"P\", \"text\": "
                           "\"y\"}]}\n");
    open_fails("j/m2.json", 2, -1, "duplicate id \"a\" (first used on line 1)");
    puts_file("j/m3.json", "[{\"id\": \"a\", \"source\": \"P\", \"text\": \"x\", \"file\": "
                           "\"a.txt\"}]");
    open_fails("j/m3.json", 1, -1, "both \"text\" and \"file\"");
    puts_file("j/m4.json", "[\n{\"id\": \"a\", \"source\": \"P\" \"text\": \"x\"}]");
    open_fails("j/m4.json", 2, 32, "invalid JSON");
    puts_file("j/m5.json", "[\n{\"id\": \"a\", \"text\": \"x\"}]");
    open_fails("j/m5.json", 2, -1, "\"source\"");
    puts_file("j/m6.json", "{\"id\": \"a\"}");
    open_fails("j/m6.json", 1, -1, "an array of articles");
    puts_file("j/m8.json", "[\n \"stray\",\n {\"id\": \"a\", \"source\": \"P\", \"text\": \"x\"}]");
    open_fails("j/m8.json", 2, -1, "must be a JSON object");
    puts_file("j/m9.json", "[\n 3,\n {\"id\": \"a\", \"source\": \"P\", \"text\": \"x\"},\n\n"
                           " {\"id\": \"a\", \"source\": \"P\", \"text\": \"x\"}]");
    open_fails("j/m9.json", 2, -1, "must be a JSON object");
    puts_file("j/m7.json", "[{\"id\": \"a\", \"source\": [\"P\"], \"text\": \"x\"}]");
    open_fails("j/m7.json", 1, -1, "must be a string");
}
END_TEST

START_TEST(jsonl_stream) {
    puts_file("l/a.txt", "From a file.\n");
    puts_file("l/in.jsonl", "\xEF\xBB\xBF{\"id\": \"1\", \"source\": \"P\", \"text\": \"One.\"}\n"
                            "\n"
                            "{\"id\": \"2\", \"source\": \"Q\", \"file\": \"a.txt\"}\r\n"
                            "{\"id\": \"1\", \"source\": \"Q\", \"text\": \"Again.\"}\n");
    char *p = path("l/in.jsonl");
    FILE *f = fopen(p, "rb");
    slant_jsonl_reader *r = slant_jsonl_open(f, p);
    slant_article *a;
    slant_error err;
    slant_error_clear(&err);
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), 1);
    ck_assert_str_eq(a->id, "1");
    ck_assert_str_eq(a->text, "One.");
    ck_assert_int_eq(a->line, 1);
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), 1);
    ck_assert_str_eq(a->id, "2");
    ck_assert_int_eq(a->line, 3);
    ck_assert_ptr_nonnull(strstr(a->path, "/l/a.txt"));
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), -1);
    ck_assert_int_eq(err.line, 4);
    ck_assert_ptr_nonnull(strstr(err.msg, "duplicate id \"1\" (first used on line 1)"));
    slant_jsonl_close(r);
    fclose(f);
    /* the same file through slant_corpus_open fails the same way */
    open_fails("l/in.jsonl", 4, -1, "duplicate id");
    puts_file("l/bad.ndjson", "{\"id\": \"1\", \"source\": \"P\", \"text\": \"One.\"}\n"
                              "{\"id\": \"2\", \"source\": \"P\", \"text\": \"T\xFF\"}\n");
    open_fails("l/bad.ndjson", 2, 38, "invalid UTF-8");
    puts_file("l/bad2.jsonl", "{\"id\": \"1\", \"source\": \"P\", \"text\": \"One.\"}\n[1]\n");
    open_fails("l/bad2.jsonl", 2, -1, "must be a JSON object");
    puts_file("l/bad3.jsonl", "{\"id\": \"1\", \"source\": \"P\", \"text\": \"a\\u0000b\"}\n");
    open_fails("l/bad3.jsonl", 1, -1, "NUL");
    free(p);
}
END_TEST

/* JSON Lines strings: every escape decodes as JSON says, whether the line
 * takes the flat-object fast path (strings only) or jansson's parser (a
 * number, null, an odd escape), and what jansson refuses is still refused
 * with its message. */
START_TEST(jsonl_escapes) {
    puts_file("e/in.jsonl",
              /* fast path: every short escape, \u in 1 to 4 UTF-8 bytes, a pair */
              "{\"id\":\"e1\",\"source\":\"P\",\"title\":\"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\","
              "\"text\":\"caf\\u00e9 \\u20AC \\ud83d\\ude00 A\\u0041 \xC3\xA9\"}\n"
              /* a repeated key: the later value wins, as in jansson */
              "{ \"id\" : \"e2\" , \"source\":\"P\", \"text\":\"first\", \"text\":\"second\" }\n"
              /* jansson's route: a number and a null */
              "{\"id\":3,\"source\":\"P\",\"date\":null,\"text\":\"num\"}\n"
              /* a meta field keeps its value */
              "{\"id\":\"e4\",\"source\":\"P\",\"text\":\"x\",\"desk\":\"Foreign \\u0026 World\"}\n");
    char *p = path("e/in.jsonl");
    FILE *f = fopen(p, "rb");
    slant_jsonl_reader *r = slant_jsonl_open(f, p);
    slant_article *a;
    slant_error err;
    slant_error_clear(&err);
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), 1);
    ck_assert_str_eq(a->title, "\"q\" \\ / \b\f\n\r\t");
    ck_assert_str_eq(a->text, "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 AA \xC3\xA9");
    ck_assert_uint_eq(a->text_len, strlen(a->text));
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), 1);
    ck_assert_str_eq(a->id, "e2");
    ck_assert_str_eq(a->text, "second");
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), 1);
    ck_assert_str_eq(a->id, "3");
    ck_assert_ptr_null(a->date);
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), 1);
    ck_assert_str_eq(json_string_value(json_object_get(a->meta, "desk")), "Foreign & World");
    ck_assert_int_eq(slant_jsonl_next(r, &a, &err), 0);
    slant_jsonl_close(r);
    fclose(f);
    free(p);
    /* refused as jansson refuses them */
    puts_file("e/lone.jsonl", "{\"id\":\"1\",\"source\":\"P\",\"text\":\"a\\udc00b\"}\n");
    open_fails("e/lone.jsonl", 1, -1, "invalid Unicode");
    puts_file("e/ctrl.jsonl", "{\"id\":\"1\",\"source\":\"P\",\"text\":\"a\tb\"}\n");
    open_fails("e/ctrl.jsonl", 1, -1, "control character");
    puts_file("e/esc.jsonl", "{\"id\":\"1\",\"source\":\"P\",\"text\":\"a\\qb\"}\n");
    open_fails("e/esc.jsonl", 1, -1, "invalid escape");
    puts_file("e/tail.jsonl", "{\"id\":\"1\",\"source\":\"P\",\"text\":\"a\"} x\n");
    open_fails("e/tail.jsonl", 1, -1, "end of file expected");
    puts_file("e/cut.jsonl", "{\"id\":\"1\",\"source\":\"P\",\"text\":\"a\n");
    open_fails("e/cut.jsonl", 1, -1, "invalid JSON");
}
END_TEST

/* slant_ingest: plain files, validation, lenient repair, cleaning. */
START_TEST(ingest_files) {
    puts_file("g/plain.txt", "Accessibility links\n\nA plain article.\n");
    put("g/bin.dat", "ok\nab\0cd\n", 9);
    puts_file("g/bad.txt", "line one\nCaf\xE9 au lait\n");
    puts_file("g/rules", "line nav Accessibility links\n");
    char *args[3] = {path("g/plain.txt"), path("g/bin.dat"), path("g/bad.txt")};
    slant_ingest_opts opts = {0, 0, NULL};
    char *rules = path("g/rules");
    opts.rules = rules;
    slant_ingest *in;
    slant_error err;
    slant_error_clear(&err);
    ck_assert_int_eq(slant_ingest_open(args, 3, &opts, &in, &err), 0);
    slant_ingest_item it;
    ck_assert_int_eq(slant_ingest_next(in, &it, &err), 1);
    ck_assert_str_eq(it.article->id, "plain");
    ck_assert_str_eq(it.article->source, "plain.txt");
    ck_assert_str_eq(it.text, "A plain article.\n");
    ck_assert_uint_eq(it.log->lines_removed, 1);
    ck_assert_int_eq(slant_ingest_next(in, &it, &err), -1);
    ck_assert_str_eq(err.file, args[1]);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 3);
    ck_assert_int_eq(err.offset, 5);
    ck_assert_ptr_nonnull(strstr(err.msg, "NUL byte"));
    slant_ingest_free(in);
    /* lenient: both repaired and counted */
    opts.lenient = 1;
    ck_assert_int_eq(slant_ingest_open(args + 1, 2, &opts, &in, &err), 0);
    ck_assert_int_eq(slant_ingest_next(in, &it, &err), 1);
    ck_assert_uint_eq(it.replaced, 1);
    ck_assert_str_eq(it.text, "ok\nab\xEF\xBF\xBD" "cd\n");
    ck_assert_int_eq(slant_ingest_next(in, &it, &err), 1);
    ck_assert_uint_eq(it.replaced, 1);
    ck_assert_int_eq(slant_ingest_next(in, &it, &err), 0);
    slant_ingest_free(in);
    /* strict on invalid UTF-8: file, line, column, byte offset */
    opts.lenient = 0;
    ck_assert_int_eq(slant_ingest_open(args + 2, 1, &opts, &in, &err), 0);
    ck_assert_int_eq(slant_ingest_next(in, &it, &err), -1);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 4);
    ck_assert_int_eq(err.offset, 12);
    slant_ingest_free(in);
    /* an empty article is fine: no text, no error */
    puts_file("g/empty.txt", "");
    char *e = path("g/empty.txt");
    ck_assert_int_eq(slant_ingest_open(&e, 1, &opts, &in, &err), 0);
    ck_assert_int_eq(slant_ingest_next(in, &it, &err), 1);
    ck_assert_uint_eq(it.len, 0);
    slant_ingest_free(in);
    free(e);
    /* a missing rules file is an error naming it */
    opts.rules = "/nonexistent.rules";
    ck_assert_int_eq(slant_ingest_open(args, 1, &opts, &in, &err), -1);
    ck_assert_str_eq(err.file, "/nonexistent.rules");
    for (int i = 0; i < 3; i++) free(args[i]);
    free(rules);
}
END_TEST

/* The size seen when the manifest was checked only spares the read() that
 * returns 0: a file that grew or shrank since is still read whole. */
START_TEST(article_file_size) {
    puts_file("s/a.txt", "Twelve bytes");
    puts_file("s/b.txt", "");
    puts_file("s/manifest.tsv", "file\tsource\na.txt\tP\nb.txt\tP\n");
    char *p = path("s");
    slant_corpus *c = NULL;
    slant_error err;
    slant_error_clear(&err);
    ck_assert_int_eq(slant_corpus_open(p, &c, &err), 0);
    ck_assert_uint_eq(c->articles[0].file_size, 12);
    ck_assert_uint_eq(c->articles[1].file_size, 0);
    slant_buf b;
    slant_buf_init(&b);
    const char *text;
    size_t len;
    ck_assert_int_eq(slant_article_text(&c->articles[0], &b, &text, &len, &err), 0);
    ck_assert_str_eq(text, "Twelve bytes");
    ck_assert_int_eq(slant_article_text(&c->articles[1], &b, &text, &len, &err), 0);
    ck_assert_uint_eq(len, 0);
    puts_file("s/a.txt", "Now it is longer than twelve bytes");
    ck_assert_int_eq(slant_article_text(&c->articles[0], &b, &text, &len, &err), 0);
    ck_assert_str_eq(text, "Now it is longer than twelve bytes");
    puts_file("s/a.txt", "Short");
    ck_assert_int_eq(slant_article_text(&c->articles[0], &b, &text, &len, &err), 0);
    ck_assert_str_eq(text, "Short");
    puts_file("s/b.txt", "Was empty");
    ck_assert_int_eq(slant_article_text(&c->articles[1], &b, &text, &len, &err), 0);
    ck_assert_str_eq(text, "Was empty");
    slant_buf_free(&b);
    slant_corpus_free(c);
    free(p);
}
END_TEST

static Suite *corpus_suite(void) {
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, seed_manifest);
    tcase_add_test(tc, tsv_bom_crlf_meta_inline);
    tcase_add_test(tc, tsv_errors);
    tcase_add_test(tc, folder_without_manifest);
    tcase_add_test(tc, json_manifest);
    tcase_add_test(tc, jsonl_stream);
    tcase_add_test(tc, jsonl_escapes);
    tcase_add_test(tc, ingest_files);
    tcase_add_test(tc, article_file_size);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(corpus_suite)
