/*
 * test_lexicon.c - the lexicon reader: fields, directives, escapes, every
 * error message with its file:line:col, layering warnings, set files, the
 * default set and the content hash.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slant/lexicon.h"
#include "testutil.h"

static slant_lexset *load(const char *name, const char *text, slant_error *err) {
    slant_lexset *s = slant_lexset_new();
    slant_error e;
    if (slant_lexset_add_text(s, name, text, strlen(text), err ? err : &e) != 0) {
        slant_lexset_free(s);
        return NULL;
    }
    ck_assert_int_eq(slant_lexset_finish(s, err ? err : &e), 0);
    return s;
}

static const slant_entry *find_entry(const slant_lexset *s, const char *term, const char *cat) {
    for (size_t i = 0; i < slant_lexset_entry_count(s); i++) {
        const slant_entry *e = slant_lexset_entry(s, i);
        if (strcmp(e->term, term) == 0 &&
            strcmp(slant_lexset_category(s, e->category)->name, cat) == 0)
            return e;
    }
    return NULL;
}

static void format_err(const slant_error *e, char *buf, size_t n) { slant_error_format(e, buf, n); }

START_TEST(fields_and_directives) {
    const char *text = "# a comment\n"
                       "@lexicon  demo\n"
                       "@version 1.2\n"
                       "@language en\n"
                       "@source written for the test\n"
                       "@license MIT\n"
                       "@description two words\n"
                       "@category target.russia Russia and its government\n"
                       "\n"
                       "good\ttone\t0.5\n"
                       "regime\tloaded\n"
                       "Kremlin\ttarget.russia\t\tcase\t# the building and the government\n"
                       "Northern Territories\tnaming.kuril_islands\t1\tside=japan label=northern_territories\n"
                       "   # indented comment\n"
                       "negotiat*\tframe.diplomacy\t2\n";
    slant_lexset *s = load("demo.lex", text, NULL);
    ck_assert_ptr_nonnull(s);
    const slant_layer *l = slant_lexset_layer(s, 0);
    ck_assert_str_eq(l->name, "demo");
    ck_assert_str_eq(l->version, "1.2");
    ck_assert_str_eq(l->language, "en");
    ck_assert_str_eq(l->source, "written for the test");
    ck_assert_str_eq(l->license, "MIT");
    ck_assert_str_eq(l->description, "two words");
    ck_assert_str_eq(l->path, "demo.lex");
    ck_assert_uint_eq(l->entries, 5);
    ck_assert_uint_eq(slant_lexset_entry_count(s), 5);

    const slant_entry *e = find_entry(s, "good", "tone");
    ck_assert_ptr_nonnull(e);
    ck_assert(e->weight == 0.5);
    ck_assert_str_eq(e->norm, "good");
    ck_assert_uint_eq(e->family, SLANT_FAM_TONE);
    ck_assert_uint_eq(e->line, 10);
    ck_assert_uint_eq(e->ntoks, 1);
    e = find_entry(s, "regime", "loaded");
    ck_assert(e->weight == 1.0); /* default */
    ck_assert_ptr_null(e->note);
    e = find_entry(s, "Kremlin", "target.russia");
    ck_assert(e->weight == 1.0); /* empty weight field = default */
    ck_assert_uint_eq(e->flags, SLANT_EF_CASE);
    ck_assert_str_eq(e->norm, "kremlin");
    ck_assert_str_eq(e->note, "the building and the government");
    e = find_entry(s, "Northern Territories", "naming.kuril_islands");
    ck_assert_str_eq(e->norm, "northern territories");
    ck_assert_uint_eq(e->ntoks, 2);
    ck_assert_str_eq(e->side, "japan");
    ck_assert_str_eq(e->label, "northern_territories");
    ck_assert_uint_eq(e->family, SLANT_FAM_NAMING);
    e = find_entry(s, "negotiat", "frame.diplomacy");
    ck_assert_uint_eq(e->flags, SLANT_EF_WILDCARD);
    ck_assert(e->weight == 2.0);

    int c = slant_lexset_category_find(s, "target.russia");
    ck_assert_int_ge(c, 0);
    ck_assert_str_eq(slant_lexset_category(s, (size_t)c)->label, "Russia and its government");
    c = slant_lexset_category_find(s, "frame.diplomacy");
    ck_assert_str_eq(slant_lexset_category(s, (size_t)c)->label, "diplomacy");
    ck_assert_uint_eq(slant_lexset_category(s, (size_t)c)->family, SLANT_FAM_FRAME);
    c = slant_lexset_category_find(s, "tone");
    ck_assert_str_eq(slant_lexset_category(s, (size_t)c)->label, "tone");
    ck_assert_int_eq(slant_lexset_category_find(s, "frame.nothing"), -1);
    ck_assert_uint_eq(slant_lexset_warning_count(s), 0);
    slant_lexset_free(s);
}
END_TEST

START_TEST(families) {
    ck_assert_int_eq(slant_family_find("frame", 5), SLANT_FAM_FRAME);
    ck_assert_int_eq(slant_family_find("rule.x", 4), SLANT_FAM_RULE);
    ck_assert_int_eq(slant_family_find("frames", 6), -1);
    ck_assert_str_eq(slant_family_name(SLANT_FAM_ATTRIB), "attrib");
    ck_assert_str_eq(slant_family_name(99), "?");
}
END_TEST

START_TEST(escapes_bom_crlf) {
    const char *text = "\xEF\xBB\xBF@lexicon emo\r\n"
                       "\\*)\ttone\t0.15\r\n"
                       ":-\\\\\ttone\t-0.225\r\n"
                       ":-\\\ttone\t-0.2\r\n"
                       "\\#tag\ttone\t0.1\r\n"
                       "\\@}-;-'---\ttone\t0.55\r\n"
                       "@:\ttone\t-0.5\r\n";
    slant_lexset *s = load("emo.lex", text, NULL);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(slant_lexset_layer(s, 0)->name, "emo");
    ck_assert_ptr_nonnull(find_entry(s, "*)", "tone"));
    ck_assert_uint_eq(find_entry(s, "*)", "tone")->flags, 0); /* literal, not a wildcard */
    /* ":-\\" and ":-\" are the same term: a duplicate, the later line wins */
    const slant_entry *e = find_entry(s, ":-\\", "tone");
    ck_assert_ptr_nonnull(e);
    ck_assert(e->weight == -0.2);
    ck_assert_uint_eq(slant_lexset_warning_count(s), 1);
    ck_assert_ptr_nonnull(strstr(slant_lexset_warning(s, 0), "emo.lex:4: duplicate"));
    ck_assert_ptr_nonnull(find_entry(s, "#tag", "tone"));
    ck_assert_ptr_nonnull(find_entry(s, "@}-;-'---", "tone"));
    ck_assert_ptr_nonnull(find_entry(s, "@:", "tone")); /* '@' + non-letter: an entry */
    ck_assert_uint_eq(slant_lexset_entry_count(s), 5);
    slant_lexset_free(s);
}
END_TEST

/* Every error the reader gives, each with its line, column and message. */
struct bad_case {
    const char *line;
    long col;
    const char *msg; /* substring */
};

static const struct bad_case bad_cases[] = {
    {"good", 5, "missing category"},
    {"good\t", 6, "missing category"},
    {"\ttone", 1, "empty term"},
    {"  \ttone", 3, "empty term"},
    {"*\ttone", 1, "empty term: a wildcard needs a stem"},
    {"word\tbogus.cat", 6, "unknown category family 'bogus'"},
    {"word\tTone", 6, "unknown category family 'Tone'"},
    {"word\tframe..economy", 12, "malformed category"},
    {"word\tframe.Economy", 12, "malformed category"},
    {"word\ttone\tnan", 11, "weight 'nan' is not a finite number"},
    {"word\ttone\tinf", 11, "weight 'inf' is not a finite number"},
    {"word\ttone\t-infinity", 11, "is not a finite number"},
    {"word\ttone\t0.5x", 11, "weight '0.5x' is not a finite number"},
    {"word\ttone\t1e308", 11, "weight '1e308' is out of range"},
    {"word\ttone\t1e999", 11, "weight '1e999' is not a finite number"},
    {"word\ttone\t-2000000", 11, "out of range"},
    {"word\ttone\t1\tcase sidee=x", 18, "unknown option 'sidee=x'"},
    {"word\ttone\t1\tside=", 13, "unknown option 'side='"},
    {"word\ttone\t1\tcase\textra", 18, "unexpected fifth field 'extra'"},
    {"@lexicn demo", 1, "unknown directive '@lexicn'"},
    {"@version", 1, "directive '@version' needs a value"},
    {"@category frame.economy", 11, "@category needs a name and a display label"},
    {"@category frames.economy Economy", 11, "unknown category family 'frames'"},
    {"ab\xFF" "cd\ttone", 3, "invalid UTF-8 (byte 0xFF)"},
    {"word\tframe.\xC3\x28", 12, "invalid UTF-8"},
    {"neg*tiate\tframe.diplomacy", 4, "'*' may only end a one-word wildcard"},
    {"peace treat*\tframe.diplomacy", 1, "a wildcard must be one word"},
    {"a b c d e f g h i j k l m\ttone", 1, "multi-word entry has 13 tokens; the limit is 12"},
};

START_TEST(every_error_located) {
    slant_buf text;
    slant_buf_init(&text);
    slant_buf_puts(&text, "@lexicon bad\nok\ttone\t0.1\n");
    size_t n = sizeof bad_cases / sizeof bad_cases[0];
    for (size_t i = 0; i < n; i++) {
        slant_buf_puts(&text, bad_cases[i].line);
        slant_buf_puts(&text, i % 2 ? "\r\n" : "\n");
    }
    slant_buf_puts(&text, "fine\ttone\t0.2\n");
    slant_lexset *s = slant_lexset_new();
    slant_lexset_keep_going(s, 1);
    slant_error err;
    ck_assert_int_eq(slant_lexset_add_text(s, "bad.lex", text.data, text.len, &err), -1);
    /* err holds the first error */
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 5);
    ck_assert_uint_eq(slant_lexset_error_count(s), n);
    for (size_t i = 0; i < n; i++) {
        const slant_error *e = slant_lexset_error(s, i);
        char buf[2048];
        format_err(e, buf, sizeof buf);
        char want[64];
        snprintf(want, sizeof want, "bad.lex:%zu:%ld: ", i + 3, bad_cases[i].col);
        ck_assert_msg(strncmp(buf, want, strlen(want)) == 0, "case %zu (%s): got '%s', want '%s...'",
                      i, bad_cases[i].line, buf, want);
        ck_assert_msg(strstr(e->msg, bad_cases[i].msg) != NULL, "case %zu: '%s' lacks '%s'", i,
                      e->msg, bad_cases[i].msg);
        ck_assert_str_eq(e->file, "bad.lex");
    }
    /* the good lines around the bad ones were still read */
    ck_assert_uint_eq(slant_lexset_layer(s, 0)->entries, 2);
    slant_lexset_free(s);
    slant_buf_free(&text);
}
END_TEST

START_TEST(first_error_stops_without_keep_going) {
    const char *text = "a\ttone\n\tb\nc\tnope\n";
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_int_eq(slant_lexset_add_text(s, "x.lex", text, strlen(text), &err), -1);
    char buf[2048];
    format_err(&err, buf, sizeof buf);
    ck_assert_str_eq(buf, "x.lex:2:1: empty term");
    ck_assert_uint_eq(slant_lexset_error_count(s), 0);
    slant_lexset_free(s);
}
END_TEST

START_TEST(nul_byte) {
    const char text[] = "ok\ttone\nb\0d\ttone\n";
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_int_eq(slant_lexset_add_text(s, "nul.lex", text, sizeof text - 1, &err), -1);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 2);
    ck_assert_int_eq(err.offset, 9);
    ck_assert_ptr_nonnull(strstr(err.msg, "NUL byte"));
    slant_lexset_free(s);
}
END_TEST

START_TEST(layers_override_conflict) {
    const char *a = "@lexicon base\ngood\ttone\t0.5\nbad\ttone\t-0.5\nwar\ttone\t-0.7\nwar\tframe.conflict\n";
    const char *b = "@lexicon news\ngood\ttone\t0.5\nbad\ttone\t-0.25\nwar\tframe.conflict\t2\nsanctions\ttone\t-0.3\n";
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_int_eq(slant_lexset_add_text(s, "a.lex", a, strlen(a), &err), 0);
    ck_assert_int_eq(slant_lexset_add_text(s, "b.lex", b, strlen(b), &err), 0);
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    ck_assert_uint_eq(slant_lexset_warning_count(s), 3);
    ck_assert_str_eq(slant_lexset_warning(s, 0),
                     "b.lex:2: override: \"good\" (tone) repeats a.lex:2 with the same weight 0.5");
    ck_assert_str_eq(slant_lexset_warning(s, 1),
                     "b.lex:3: conflict: \"bad\" (tone) weight -0.25 overrides -0.5 from a.lex:3");
    ck_assert_str_eq(slant_lexset_warning(s, 2),
                     "b.lex:4: conflict: \"war\" (frame.conflict) weight 2 overrides 1 from a.lex:5");
    const slant_layer *l = slant_lexset_layer(s, 1);
    ck_assert_uint_eq(l->overrides, 1);
    ck_assert_uint_eq(l->conflicts, 2);
    ck_assert_uint_eq(l->duplicates, 0);
    /* 4 + 4 read, 3 replaced */
    ck_assert_uint_eq(slant_lexset_entry_count(s), 5);
    ck_assert(find_entry(s, "bad", "tone")->weight == -0.25);
    ck_assert_uint_eq(find_entry(s, "bad", "tone")->layer, 1);
    ck_assert(find_entry(s, "war", "tone")->weight == -0.7); /* another category: kept */
    ck_assert(find_entry(s, "war", "frame.conflict")->weight == 2);
    /* entries stay in layer order, then line order */
    ck_assert_str_eq(slant_lexset_entry(s, 0)->term, "war");
    ck_assert_str_eq(slant_lexset_entry(s, 1)->term, "good");
    ck_assert_str_eq(slant_lexset_entry(s, 4)->term, "sanctions");
    slant_lexset_free(s);
}
END_TEST

START_TEST(duplicates_in_one_file) {
    const char *t = "good\ttone\t0.5\nGOOD\ttone\t0.6\nGood\ttone\t0.6\tcase\nreckless\tloaded\nreckless\tloaded\n";
    slant_lexset *s = load("d.lex", t, NULL);
    ck_assert_uint_eq(slant_lexset_warning_count(s), 2);
    ck_assert_str_eq(slant_lexset_warning(s, 0),
                     "d.lex:2: duplicate: \"GOOD\" (tone) is also on line 1 with weight 0.5; "
                     "this line's weight 0.6 wins");
    ck_assert_str_eq(slant_lexset_warning(s, 1),
                     "d.lex:5: duplicate: \"reckless\" (loaded) is also on line 4");
    ck_assert_uint_eq(slant_lexset_layer(s, 0)->duplicates, 2);
    /* GOOD replaced good; "Good" with `case` is a different entry */
    ck_assert_uint_eq(slant_lexset_entry_count(s), 3);
    ck_assert(find_entry(s, "GOOD", "tone")->weight == 0.6);
    ck_assert_ptr_null(find_entry(s, "good", "tone"));
    slant_lexset_free(s);
}
END_TEST

START_TEST(tone_range_warning) {
    slant_lexset *s = load("t.lex", "great\ttone\t2.5\nvery\trule.intensifier\t2.5\n", NULL);
    ck_assert_uint_eq(slant_lexset_warning_count(s), 1);
    ck_assert_str_eq(slant_lexset_warning(s, 0),
                     "t.lex:1: tone weight 2.5 of \"great\" is outside [-1, 1]");
    slant_lexset_free(s);
}
END_TEST

START_TEST(hash_is_stable_and_sensitive) {
    const char *a = "@lexicon a\n@version 1\ngood\ttone\t0.5\nUS\ttarget.usa\t1\tcase\n";
    slant_lexset *s1 = load("a.lex", a, NULL);
    slant_lexset *s2 = load("elsewhere/a.lex", a, NULL); /* the path does not count */
    const char *h = slant_lexset_hash(s1);
    ck_assert_uint_eq(strlen(h), 16);
    ck_assert_uint_eq(strspn(h, "0123456789abcdef"), 16);
    ck_assert_str_eq(h, slant_lexset_hash(s2));
    /* a note or a comment does not change what is matched, so not the hash */
    slant_lexset *s3 = load("a.lex", "# hi\n@lexicon a\n@version 1\ngood\ttone\t0.5\t\t# why\nUS\ttarget.usa\t1\tcase\n", NULL);
    ck_assert_str_eq(h, slant_lexset_hash(s3));
    const char *variants[] = {
        "@lexicon a\n@version 1\ngood\ttone\t0.50000001\nUS\ttarget.usa\t1\tcase\n", /* weight */
        "@lexicon a\n@version 1\ngood\ttone\t0.5\nUS\ttarget.usa\t1\n",              /* option */
        "@lexicon b\n@version 1\ngood\ttone\t0.5\nUS\ttarget.usa\t1\tcase\n",        /* name */
        "@lexicon a\n@version 2\ngood\ttone\t0.5\nUS\ttarget.usa\t1\tcase\n",        /* version */
        "@lexicon a\n@version 1\nUS\ttarget.usa\t1\tcase\ngood\ttone\t0.5\n",        /* order */
        "@lexicon a\n@version 1\ngood\tloaded\t0.5\nUS\ttarget.usa\t1\tcase\n",      /* category */
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        slant_lexset *v = load("a.lex", variants[i], NULL);
        ck_assert_msg(strcmp(slant_lexset_hash(v), h) != 0, "variant %zu has the same hash", i);
        slant_lexset_free(v);
    }
    slant_lexset_free(s1);
    slant_lexset_free(s2);
    slant_lexset_free(s3);
}
END_TEST

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

START_TEST(set_files_and_default) {
    char dir[] = "/tmp/slant-lexset-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p[512], sub[512];
    snprintf(sub, sizeof sub, "%s/more", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(p, sizeof p, "%s/one.lex", dir);
    write_file(p, "@lexicon one\ngood\ttone\t0.5\n");
    snprintf(p, sizeof p, "%s/more/two.lex", dir);
    write_file(p, "@lexicon two\ngood\ttone\t0.75\n");
    snprintf(p, sizeof p, "%s/default.set", dir);
    write_file(p, "# layers\none.lex\r\n\n  more/two.lex  \n");

    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_int_eq(slant_lexset_add_setfile(s, p, &err), 0);
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    ck_assert_uint_eq(slant_lexset_layer_count(s), 2);
    ck_assert_str_eq(slant_lexset_layer(s, 1)->name, "two");
    ck_assert(find_entry(s, "good", "tone")->weight == 0.75);
    ck_assert_uint_eq(slant_lexset_warning_count(s), 1);
    ck_assert_ptr_nonnull(strstr(slant_lexset_warning(s, 0), "/more/two.lex:2: conflict:"));
    char *hash = slant_xstrdup(slant_lexset_hash(s));
    slant_lexset_free(s);

    /* the default set through $SLANT_LEXICONS */
    setenv("SLANT_LEXICONS", dir, 1);
    s = slant_lexset_new();
    ck_assert_int_eq(slant_lexset_load_default(s, &err), 0);
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    ck_assert_str_eq(slant_lexset_hash(s), hash);
    slant_lexset_free(s);
    free(hash);

    /* a missing layer names the set file, line and column */
    snprintf(p, sizeof p, "%s/broken.set", dir);
    write_file(p, "one.lex\n  missing.lex\n");
    s = slant_lexset_new();
    ck_assert_int_eq(slant_lexset_add_setfile(s, p, &err), -1);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 3);
    ck_assert_ptr_nonnull(strstr(err.msg, "cannot read lexicon 'missing.lex'"));
    ck_assert_ptr_nonnull(strstr(err.file, "broken.set"));
    slant_lexset_free(s);

    /* an error inside a layer names that layer's file */
    snprintf(p, sizeof p, "%s/more/two.lex", dir);
    write_file(p, "good\ttone\tlots\n");
    snprintf(p, sizeof p, "%s/default.set", dir);
    s = slant_lexset_new();
    ck_assert_int_eq(slant_lexset_add_setfile(s, p, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.file, "more/two.lex"));
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 11);
    slant_lexset_free(s);

    /* no set anywhere: says where it looked */
    char empty[512];
    snprintf(empty, sizeof empty, "%s/more", dir);
    setenv("SLANT_LEXICONS", empty, 1);
    char cwd[1024];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(empty), 0);
    s = slant_lexset_new();
    if (access(SLANT_DATADIR "/lexicons/default.set", R_OK) != 0) {
        ck_assert_int_eq(slant_lexset_load_default(s, &err), -1);
        ck_assert_ptr_nonnull(strstr(err.msg, "no default lexicon set found"));
    }
    slant_lexset_free(s);
    ck_assert_int_eq(chdir(cwd), 0);
    unsetenv("SLANT_LEXICONS");
}
END_TEST

START_TEST(missing_file) {
    slant_lexset *s = slant_lexset_new();
    slant_error err;
    ck_assert_int_eq(slant_lexset_add_file(s, "/nonexistent/x.lex", &err), -1);
    ck_assert_str_eq(err.file, "/nonexistent/x.lex");
    ck_assert_ptr_nonnull(strstr(err.msg, "cannot open"));
    slant_lexset_free(s);
}
END_TEST

START_TEST(shipped_lexicons_load) {
    /* every shipped lexicon reads without error (as `slant lexicon check` does in tests/cli) */
    const char *names[] = {"tone-base.lex", "tone-news.lex", "rules.lex", "loaded.lex",
                           "hedges.lex", "attribution.lex", "acts.lex", "frames.lex",
                           "targets.lex", "naming.lex"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *p = slant_path_join(SLANT_SRCDIR "/lexicons", names[i]);
        if (access(p, R_OK) == 0) {
            slant_lexset *s = slant_lexset_new();
            slant_error err;
            int rc = slant_lexset_add_file(s, p, &err);
            char buf[2048];
            format_err(&err, buf, sizeof buf);
            ck_assert_msg(rc == 0, "%s", buf);
            ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
            ck_assert_uint_gt(slant_lexset_entry_count(s), 0);
            slant_lexset_free(s);
        }
        free(p);
    }
}
END_TEST

START_TEST(tone_base_matches_vader) {
    char *p = slant_path_join(SLANT_SRCDIR "/lexicons", "tone-base.lex");
    if (access(p, R_OK) == 0) {
        slant_lexset *s = slant_lexset_new();
        slant_error err;
        ck_assert_int_eq(slant_lexset_add_file(s, p, &err), 0);
        ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
        /* vader_lexicon.txt: good 1.9, war -2.9 -> /4 */
        ck_assert_double_eq_tol(find_entry(s, "good", "tone")->weight, 0.475, 1e-12);
        ck_assert_double_eq_tol(find_entry(s, "war", "tone")->weight, -0.725, 1e-12);
        slant_lexset_free(s);
    }
    free(p);
}
END_TEST

START_TEST(finish_twice_and_add_after) {
    slant_lexset *s = load("a.lex", "good\ttone\n", NULL);
    slant_error err;
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    ck_assert_int_eq(slant_lexset_add_text(s, "b.lex", "x\ttone\n", 7, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "already finished"));
    slant_lexset_free(s);
}
END_TEST

START_TEST(repeated_directive_and_layer_limit) {
    slant_lexset *s = load("r.lex", "@lexicon one\n@lexicon two\nx\ttone\n", NULL);
    ck_assert_str_eq(slant_lexset_layer(s, 0)->name, "two");
    ck_assert_uint_eq(slant_lexset_warning_count(s), 1);
    ck_assert_str_eq(slant_lexset_warning(s, 0),
                     "r.lex:2: directive '@lexicon' repeated; the later value wins");
    slant_lexset_free(s);
    /* entry.layer is one byte: the 256th layer is refused with a message */
    s = slant_lexset_new();
    slant_error err;
    for (int i = 0; i < 255; i++) ck_assert_int_eq(slant_lexset_add_text(s, "l.lex", "x\ttone\n", 7, &err), 0);
    ck_assert_int_eq(slant_lexset_add_text(s, "last.lex", "x\ttone\n", 7, &err), -1);
    ck_assert_str_eq(err.file, "last.lex");
    ck_assert_ptr_nonnull(strstr(err.msg, "too many lexicon layers (the limit is 255)"));
    ck_assert_int_eq(slant_lexset_finish(s, &err), 0);
    ck_assert_uint_eq(slant_lexset_entry_count(s), 1);
    ck_assert_uint_eq(slant_lexset_entry(s, 0)->layer, 254);
    slant_lexset_free(s);
}
END_TEST

static Suite *lexicon_suite(void) {
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fields_and_directives);
    tcase_add_test(tc, families);
    tcase_add_test(tc, escapes_bom_crlf);
    tcase_add_test(tc, every_error_located);
    tcase_add_test(tc, first_error_stops_without_keep_going);
    tcase_add_test(tc, nul_byte);
    tcase_add_test(tc, layers_override_conflict);
    tcase_add_test(tc, duplicates_in_one_file);
    tcase_add_test(tc, tone_range_warning);
    tcase_add_test(tc, hash_is_stable_and_sensitive);
    tcase_add_test(tc, set_files_and_default);
    tcase_add_test(tc, missing_file);
    tcase_add_test(tc, shipped_lexicons_load);
    tcase_add_test(tc, tone_base_matches_vader);
    tcase_add_test(tc, finish_twice_and_add_after);
    tcase_add_test(tc, repeated_directive_and_layer_limit);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(lexicon_suite)
