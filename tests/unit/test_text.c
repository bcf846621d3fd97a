/*
 * test_text.c - UTF-8 validation, tokens, matching forms and sentences.
 *
 * Most cases are tables: input -> expected tokens / forms / kinds /
 * sentences. To add a case, add a line to a table; the expected strings join
 * items with " | " (tokens, forms) or " || " (sentences). The seed articles
 * are read at test time only (never copied here).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "slant/text.h"
#include "testutil.h"

/* ---- helpers ---- */

static slant_doc doc;

static void analyze(const char *s, size_t n) {
    slant_error err;
    ck_assert_int_eq(slant_doc_analyze(&doc, s, n, &err), 0);
    ck_assert_uint_eq(doc.nwords, slant_count_words(&doc, 0, doc.ntoks));
}

static void setup(void) { slant_doc_init(&doc); }
static void teardown(void) { slant_doc_free(&doc); }

/* Tokens of doc joined: what = 't' text, 'n' matching form, 'k' kind letter. */
static void joined(char what, slant_buf *out) {
    static const char kinds[] = "WNPQS";
    slant_buf_clear(out);
    for (size_t i = 0; i < doc.ntoks; i++) {
        const slant_token *t = &doc.toks[i];
        if (i) slant_buf_puts(out, what == 'k' ? " " : " | ");
        if (what == 't') slant_buf_append(out, doc.text + t->start, t->end - t->start);
        else if (what == 'n') slant_buf_append(out, slant_tok_norm(&doc, t), t->norm_len);
        else slant_buf_putc(out, kinds[t->kind]);
    }
}

static void sentences_joined(slant_buf *out) {
    slant_buf_clear(out);
    for (size_t i = 0; i < doc.nsents; i++) {
        if (i) slant_buf_puts(out, " || ");
        slant_buf_append(out, doc.text + doc.sents[i].start, doc.sents[i].end - doc.sents[i].start);
    }
}

typedef struct pair {
    const char *in, *want;
} pair;

/* ---- tokens ---- */

static const pair token_cases[] = {
    {"Japan's don't", "Japan's | don't"},
    {"Japan\xE2\x80\x99s don\xE2\x80\x99t", "Japan\xE2\x80\x99s | don\xE2\x80\x99t"},
    {"O'Brien rock-solid", "O'Brien | rock-solid"},
    {"U.S.-Japan Moscow-Beijing", "U.S.-Japan | Moscow-Beijing"},
    {"the U.S.\xE2\x80\x99s allies", "the | U.S.\xE2\x80\x99s | allies"},
    {"Park Geun-hye and G-7 and G20", "Park | Geun-hye | and | G-7 | and | G20"},
    {"Islands\xE2\x80\x94" "an objective", "Islands | \xE2\x80\x94 | an | objective"},
    {"Moscow\xE2\x80\x93" "Beijing", "Moscow | \xE2\x80\x93 | Beijing"},
    {"$1 billion", "$1 | billion"},
    {"25 percent or 25%", "25 | percent | or | 25%"},
    {"17.5 and 1,000 and 17,000,000", "17.5 | and | 1,000 | and | 17,000,000"},
    {"1,2,3", "1 | , | 2 | , | 3"},
    {"($17.5 million)", "( | $17.5 | million | )"},
    {"\\$US18.3 billion", "\\ | $ | US18.3 | billion"},
    {"\xE2\x82\xAC" "20 and \xC2\xA5" "1,000", "\xE2\x82\xAC" "20 | and | \xC2\xA5" "1,000"},
    {"the 1980s, the 3rd, a 20-year-old", "the | 1980s | , | the | 3rd | , | a | 20-year-old"},
    {"the 1990's", "the | 1990's"},
    {"in 2016.The", "in | 2016 | . | The"},
    {"Mr. Smith and Mrs. Smith", "Mr. | Smith | and | Mrs. | Smith"},
    {"Messrs. Putin and Abe", "Messrs. | Putin | and | Abe"},
    {"Dr. Who, Gen. Lee, St. Petersburg", "Dr. | Who | , | Gen. | Lee | , | St. | Petersburg"},
    {"on Dec. 16 and Jan. 5", "on | Dec. | 16 | and | Jan. | 5"},
    {"the U.S. and the U.K.", "the | U.S. | and | the | U.K."},
    {"e.g. this, i.e. that, at 5 p.m.", "e.g. | this | , | i.e. | that | , | at | 5 | p.m."},
    {"apples etc. and", "apples | etc. | and"},
    {"J. R. R. Tolkien", "J. | R. | R. | Tolkien"},
    {"No. 5 but say No.", "No. | 5 | but | say | No | ."},
    {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB8 \xD0\xA2\xD0\xBE\xD0\xBA\xD0\xB8\xD0\xBE",
     "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 | \xD0\xB8 | \xD0\xA2\xD0\xBE\xD0\xBA\xD0\xB8\xD0\xBE"},
    {"\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 \xE6\x9D\xB1\xE4\xBA\xAC", "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 | \xE6\x9D\xB1\xE4\xBA\xAC"},
    {"na\xC3\xAFve caf\xC3\xA9", "na\xC3\xAFve | caf\xC3\xA9"},
    {"smile :) or :-(", "smile | : | ) | or | : | - | ("},
    {"wow!! what?!", "wow | ! | ! | what | ? | !"},
    {"I \xE2\x9D\xA4\xEF\xB8\x8F it", "I | \xE2\x9D\xA4\xEF\xB8\x8F | it"},
    {"AT&T #tag @user", "AT | & | T | # | tag | @ | user"},
    {"\xE2\x80\x9CHello,\xE2\x80\x9D she said.", "\xE2\x80\x9C | Hello | , | \xE2\x80\x9D | she | said | ."},
    {"\"Hi\" 'yo'", "\" | Hi | \" | ' | yo | '"},
    {"countries\xE2\x80\x99 relations", "countries | \xE2\x80\x99 | relations"},
    {"wait\xE2\x80\xA6 ok...", "wait | \xE2\x80\xA6 | ok | . | . | ."},
    {"\xEF\xBB\xBFHello BOM", "Hello | BOM"},
    {"line one\r\nline two\r\n", "line | one | line | two"},
    {"tab\there\x0bvt", "tab | here | vt"},
    {"", ""},
    {"   \n\t  \r\n ", ""},
};

START_TEST(test_tokens_table) {
    slant_buf got;
    slant_buf_init(&got);
    for (size_t i = 0; i < sizeof token_cases / sizeof token_cases[0]; i++) {
        const pair *c = &token_cases[i];
        analyze(c->in, strlen(c->in));
        joined('t', &got);
        ck_assert_msg(strcmp(got.data ? got.data : "", c->want) == 0, "tokens of [%s]: got [%s], want [%s]",
                      c->in, got.data ? got.data : "", c->want);
    }
    slant_buf_free(&got);
}
END_TEST

static const pair norm_cases[] = {
    {"Japan\xE2\x80\x99s", "japan's"},
    {"\xE2\x80\x9CQuote\xE2\x80\x9D", "\" | quote | \""},
    {"\xE2\x80\x98single\xE2\x80\x99", "' | single | '"},
    {"\xC2\xABguillemets\xC2\xBB", "\" | guillemets | \""},
    {"a\xE2\x80\x94" "b a\xE2\x80\x93" "b a\xE2\x88\x92" "b", "a | - | b | a | - | b | a | - | b"},
    {"co\xE2\x80\x90operate", "co-operate"},
    {"MOSCOW Moscow moscow", "moscow | moscow | moscow"},
    {"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
    {"\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc"},           /* fullwidth ABC (NFKC) */
    {"\xEF\xAC\x81ne", "fine"},                                 /* fi ligature */
    {"Stra\xC3\x9F" "e", "strasse"},                            /* case folding */
    {"nai\xCC\x88ve", "na\xC3\xAFve"},                          /* NFD input composes */
    {"co\xC2\xAD" "operate", "cooperate"},                      /* soft hyphen ignored */
    {"\xE2\x80\xA6", "..."},
    {"$1,000 25%", "$1,000 | 25%"},
    {"U.S.-Japan", "u.s.-japan"},
};

START_TEST(test_norm_table) {
    slant_buf got;
    slant_buf_init(&got);
    for (size_t i = 0; i < sizeof norm_cases / sizeof norm_cases[0]; i++) {
        const pair *c = &norm_cases[i];
        analyze(c->in, strlen(c->in));
        joined('n', &got);
        ck_assert_msg(strcmp(got.data ? got.data : "", c->want) == 0, "forms of [%s]: got [%s], want [%s]", c->in,
                      got.data ? got.data : "", c->want);
    }
    slant_buf_free(&got);
}
END_TEST

static const pair kind_cases[] = {
    /* W word, N number, P punct, Q quote, S symbol */
    {"$1 billion, \xE2\x80\x9Cyes\xE2\x80\x9D :) & 25%", "N W P Q W Q P P S N"},
    {"Japan's 17.5 \xE2\x80\x94 #", "W N P S"},
    {"\"a\" 'b'", "Q W Q Q W Q"},
};

START_TEST(test_kinds_table) {
    slant_buf got;
    slant_buf_init(&got);
    for (size_t i = 0; i < sizeof kind_cases / sizeof kind_cases[0]; i++) {
        analyze(kind_cases[i].in, strlen(kind_cases[i].in));
        joined('k', &got);
        ck_assert_msg(strcmp(got.data, kind_cases[i].want) == 0, "kinds of [%s]: got [%s], want [%s]",
                      kind_cases[i].in, got.data, kind_cases[i].want);
    }
    slant_buf_free(&got);
}
END_TEST

START_TEST(test_flags) {
    const char *s = "Mr. NATO chief said U.S. Japan";
    analyze(s, strlen(s));
    ck_assert_uint_eq(doc.ntoks, 6);
    ck_assert(doc.toks[0].flags & SLANT_TF_ABBREV);
    ck_assert(doc.toks[0].flags & SLANT_TF_CAPITALIZED);
    ck_assert(doc.toks[1].flags & SLANT_TF_ALLCAPS);
    ck_assert(!(doc.toks[2].flags & (SLANT_TF_CAPITALIZED | SLANT_TF_ALLCAPS)));
    ck_assert(doc.toks[4].flags & SLANT_TF_ABBREV);
    ck_assert(doc.toks[4].flags & SLANT_TF_ALLCAPS);
    ck_assert(doc.toks[5].flags & SLANT_TF_CAPITALIZED);
    ck_assert(!(doc.toks[5].flags & SLANT_TF_ALLCAPS));
    ck_assert(doc.toks[0].flags & SLANT_TF_PARA_START);
    ck_assert(!(doc.toks[1].flags & SLANT_TF_PARA_START));
}
END_TEST

START_TEST(test_offsets_and_hash) {
    const char *s = "  Japan\xE2\x80\x99s  \xE2\x80\x9C" "deal\xE2\x80\x9D ";
    analyze(s, strlen(s));
    ck_assert_uint_eq(doc.ntoks, 4);
    ck_assert_uint_eq(doc.toks[0].start, 2);
    ck_assert_uint_eq(doc.toks[0].end, 2 + 5 + 3 + 1);
    ck_assert_uint_eq(doc.toks[1].start, 13);
    ck_assert_uint_eq(doc.toks[1].end, 16);
    for (size_t i = 0; i < doc.ntoks; i++) {
        const slant_token *t = &doc.toks[i];
        ck_assert_uint_eq(t->hash, slant_hash_bytes(slant_tok_norm(&doc, t), t->norm_len));
        ck_assert_uint_eq(strlen(slant_tok_norm(&doc, t)), t->norm_len);
    }
    ck_assert_uint_eq(slant_count_words(&doc, 0, doc.ntoks), 2);
}
END_TEST

/* doc.caps lists the capitalized words (not numbers, quotes or symbols) in
 * order, and is reset between documents. */
START_TEST(test_caps_list) {
    const char *s = "Prime Minister Abe met \"Xi\" in 2019, then \xC3\x89lise. $5 & OK";
    analyze(s, strlen(s));
    /* tokens: Prime Minister Abe met " Xi " in 2019 , then Élise . $5 & OK */
    static const uint32_t want[] = {0, 1, 2, 5, 11, 15};
    ck_assert_uint_eq(doc.ncaps, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < doc.ncaps; i++) {
        ck_assert_uint_eq(doc.caps[i], want[i]);
        ck_assert_int_eq(doc.toks[doc.caps[i]].kind, SLANT_TOK_WORD);
        ck_assert(doc.toks[doc.caps[i]].flags & SLANT_TF_CAPITALIZED);
    }
    analyze("no capitals here", 16);
    ck_assert_uint_eq(doc.ncaps, 0);
}
END_TEST

/* Plain ASCII words of every length around the 8- and 16-byte chunks of
 * the word-at-a-time path, before every kind of end (space, comma, '.',
 * hyphen, apostrophe, the end of the text): same tokens, forms, flags and
 * hashes as slant_hash_bytes of the form. */
START_TEST(test_word_chunks) {
    slant_buf b;
    slant_buf_init(&b);
    const char *ends[] = {" ", ", ", ". ", "-x ", "'s ", "", "\xE2\x80\x9D ", "\xE2\x80\x99s ",
                          "\xE2\x80\x94x ", ".5 ", "\xC3\xA9 "};
    for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
        for (size_t len = 1; len <= 20; len++) {
            slant_buf_clear(&b);
            slant_buf_puts(&b, "Go ");
            for (size_t k = 0; k < len; k++) slant_buf_putc(&b, (char)(k % 3 == 0 ? 'A' + k : k % 3 == 1 ? 'a' + k : '0' + k % 10));
            slant_buf_puts(&b, ends[e]);
            slant_buf_puts(&b, "and WHO UNESCO x");
            analyze(b.data, b.len);
            ck_assert_uint_ge(doc.ntoks, 5);
            const slant_token *w = &doc.toks[1];
            ck_assert_uint_eq(w->start, 3);
            for (size_t i = 0; i < doc.ntoks; i++) {
                const slant_token *t = &doc.toks[i];
                ck_assert_uint_eq(t->hash, slant_hash_bytes(slant_tok_norm(&doc, t), t->norm_len));
            }
            /* the word's form is its lowercase copy */
            for (size_t k = 0; k < len; k++) {
                char c = b.data[3 + k];
                ck_assert_int_eq(slant_tok_norm(&doc, w)[k], c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            ck_assert(w->flags & SLANT_TF_CAPITALIZED);
            ck_assert(!(w->flags & SLANT_TF_ALLCAPS)); /* one capital, or lowercase letters */
        }
    }
    const char *s = "the WHO and UNESCO said NATO's Abcdefghijklmnopqrstuvwxyz ok";
    analyze(s, strlen(s));
    ck_assert(doc.toks[1].flags & SLANT_TF_ALLCAPS);
    ck_assert(doc.toks[3].flags & SLANT_TF_ALLCAPS);
    ck_assert(!(doc.toks[4].flags & SLANT_TF_ALLCAPS));
    ck_assert_str_eq(slant_tok_norm(&doc, &doc.toks[6]), "abcdefghijklmnopqrstuvwxyz");
    ck_assert_uint_eq(doc.toks[6].hash, slant_hash_bytes("abcdefghijklmnopqrstuvwxyz", 26));
    /* word ends: before a sentence's '.', a closing curly quote or a dash;
     * not before an abbreviation's '.' or a joining apostrophe */
    const char *e = "He said Mr. Abe quit. \xE2\x80\x9CPeace\xE2\x80\x9D \xE2\x80\x94 Japan\xE2\x80\x99s No. 2 pick.";
    analyze(e, strlen(e));
    const char *forms[] = {"he", "said", "mr.", "abe", "quit", ".", "\"", "peace", "\"", "-", "japan's", "no.", "2", "pick", "."};
    ck_assert_uint_eq(doc.ntoks, sizeof forms / sizeof forms[0]);
    for (size_t i = 0; i < doc.ntoks; i++) {
        ck_assert_str_eq(slant_tok_norm(&doc, &doc.toks[i]), forms[i]);
        ck_assert_uint_eq(doc.toks[i].hash, slant_hash_bytes(forms[i], strlen(forms[i])));
    }
    ck_assert(doc.toks[2].flags & SLANT_TF_ABBREV);
    ck_assert(!(doc.toks[4].flags & SLANT_TF_ABBREV));
    ck_assert(doc.toks[11].flags & SLANT_TF_ABBREV);
    slant_buf_free(&b);
}
END_TEST

/* The same fold for whole strings (lexicon loading) as for tokens. */
START_TEST(test_fold) {
    slant_buf b;
    slant_buf_init(&b);
    slant_fold("Japan\xE2\x80\x99s \xE2\x80\x9C" "BREAKTHROUGH\xE2\x80\x9D", strlen("Japan\xE2\x80\x99s \xE2\x80\x9C" "BREAKTHROUGH\xE2\x80\x9D"), &b);
    ck_assert_str_eq(b.data, "japan's \"breakthrough\"");
    slant_buf_clear(&b);
    slant_fold("Kuril Islands", 13, &b);
    ck_assert_str_eq(b.data, "kuril islands");
    slant_buf_clear(&b);
    slant_fold("\xEF\xBC\xA1\xE2\x80\x94Z", strlen("\xEF\xBC\xA1\xE2\x80\x94Z"), &b);
    ck_assert_str_eq(b.data, "a-z");
    slant_buf_clear(&b);
    slant_fold("bad\xFF", 4, &b); /* invalid bytes fold to U+FFFD, never crash */
    ck_assert_str_eq(b.data, "bad\xEF\xBF\xBD");
    slant_buf_free(&b);
}
END_TEST

/* The fast fold of Latin, Greek and Cyrillic letters agrees with utf8proc's
 * NFKC + case fold for every code point U+00C0-U+04FF, alone and after an
 * ASCII letter. */
START_TEST(test_fold_matches_utf8proc) {
    slant_buf got;
    slant_buf_init(&got);
    utf8proc_option_t opts = (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                 UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    for (int32_t cp = 0xC0; cp < 0x500; cp++) {
        if (!utf8proc_codepoint_valid(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_CN) continue;
        if (cp == 0x02BC || utf8proc_category(cp) == UTF8PROC_CATEGORY_PD) continue; /* unified to ' and - */
        utf8proc_uint8_t in[8] = {'A'};
        utf8proc_ssize_t l = utf8proc_encode_char(cp, in + 1);
        for (int with_a = 0; with_a < 2; with_a++) {
            const utf8proc_uint8_t *str = with_a ? in : in + 1;
            size_t n = (size_t)l + (size_t)with_a;
            utf8proc_uint8_t *want = NULL;
            ck_assert_int_ge(utf8proc_map(str, (utf8proc_ssize_t)n, &want, opts), 0);
            slant_buf_clear(&got);
            slant_fold((const char *)str, n, &got);
            ck_assert_msg(strcmp(got.data ? got.data : "", (const char *)want) == 0, "U+%04X folds to [%s], want [%s]",
                          (unsigned)cp, got.data ? got.data : "", (const char *)want);
            free(want);
        }
    }
    slant_buf_free(&got);
}
END_TEST

/* ---- UTF-8 ---- */

typedef struct utf8_case {
    const char *in;
    long bad; /* -1 valid, else offset of the first invalid byte */
} utf8_case;

static const utf8_case utf8_cases[] = {
    {"plain ascii", -1},
    {"caf\xC3\xA9 \xE2\x80\x9C \xF0\x9F\x98\x80", -1},
    {"\xC0\xAF", 0},         /* overlong '/' */
    {"ab\xE0\x80\xAF", 2},   /* overlong, 3 bytes */
    {"\xF0\x80\x80\xAF", 0}, /* overlong, 4 bytes */
    {"x\xED\xA0\x80", 1},    /* surrogate U+D800 */
    {"\xF4\x90\x80\x80", 0}, /* > U+10FFFF */
    {"\xF5\x80\x80\x80", 0},
    {"ab\xFF", 2},
    {"\x80", 0},             /* lone continuation */
    {"ok \xE2\x82", 3},      /* truncated at the end */
    {"\xE2\x82x", 0},
    {"12345678901234567\xC3", 17}, /* after the 8-byte fast path */
};

START_TEST(test_utf8_validate_table) {
    for (size_t i = 0; i < sizeof utf8_cases / sizeof utf8_cases[0]; i++) {
        const utf8_case *c = &utf8_cases[i];
        size_t bad = 12345;
        int r = slant_utf8_validate(c->in, strlen(c->in), &bad);
        if (c->bad < 0) {
            ck_assert_msg(r == 0, "case %zu should be valid", i);
        } else {
            ck_assert_msg(r == -1, "case %zu should be invalid", i);
            ck_assert_msg((long)bad == c->bad, "case %zu: bad offset %zu, want %ld", i, bad, c->bad);
        }
    }
}
END_TEST

/* slant_utf8_validate_text: a NUL anywhere (in each of the 16-byte, 8-byte
 * and byte-wise stretches) fails at its offset, like invalid UTF-8 does;
 * the table above holds for it as well (it has no NULs). */
START_TEST(test_utf8_validate_text_nul) {
    char buf[64];
    for (size_t i = 0; i < sizeof utf8_cases / sizeof utf8_cases[0]; i++) {
        size_t bad = 12345;
        int r = slant_utf8_validate_text(utf8_cases[i].in, strlen(utf8_cases[i].in), &bad);
        ck_assert_int_eq(r, utf8_cases[i].bad < 0 ? 0 : -1);
        if (r) ck_assert_int_eq((long)bad, utf8_cases[i].bad);
    }
    for (size_t len = 1; len <= 40; len++)
        for (size_t at = 0; at < len; at++) {
            memset(buf, 'a', len);
            buf[at] = '\0';
            size_t bad = 12345;
            ck_assert_int_eq(slant_utf8_validate_text(buf, len, &bad), -1);
            ck_assert_uint_eq(bad, at);
            ck_assert_int_eq(slant_utf8_validate(buf, len, NULL), 0); /* NUL is valid UTF-8 */
        }
    /* the first problem wins: NUL at 20 before a bad byte at 30, and after one at 5 */
    memset(buf, 'b', 40);
    buf[20] = '\0';
    buf[30] = (char)0xFF;
    size_t bad = 0;
    ck_assert_int_eq(slant_utf8_validate_text(buf, 40, &bad), -1);
    ck_assert_uint_eq(bad, 20);
    buf[5] = (char)0xFF;
    ck_assert_int_eq(slant_utf8_validate_text(buf, 40, &bad), -1);
    ck_assert_uint_eq(bad, 5);
    /* a 0x01 byte after a NUL-free stretch is not a NUL */
    memset(buf, 0x01, 40);
    ck_assert_int_eq(slant_utf8_validate_text(buf, 40, NULL), 0);
}
END_TEST

typedef struct sanitize_case {
    const char *in, *out;
    size_t replaced;
} sanitize_case;

static const sanitize_case sanitize_cases[] = {
    {"fine", "fine", 0},
    {"a\xFF" "b", "a\xEF\xBF\xBD" "b", 1},
    {"\xE2\x82", "\xEF\xBF\xBD", 1},                                /* one maximal subpart */
    {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},                    /* two invalid bytes */
    {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},    /* surrogate: 3 */
    {"ok\xE2\x80\x9C\xFF", "ok\xE2\x80\x9C\xEF\xBF\xBD", 1},
};

START_TEST(test_utf8_sanitize_table) {
    slant_buf b;
    slant_buf_init(&b);
    for (size_t i = 0; i < sizeof sanitize_cases / sizeof sanitize_cases[0]; i++) {
        const sanitize_case *c = &sanitize_cases[i];
        slant_buf_clear(&b);
        size_t r = slant_utf8_sanitize(c->in, strlen(c->in), &b);
        ck_assert_msg(r == c->replaced, "case %zu: %zu replacements, want %zu", i, r, c->replaced);
        ck_assert_msg(b.len == strlen(c->out) && memcmp(b.data, c->out, b.len) == 0, "case %zu output", i);
        ck_assert_int_eq(slant_utf8_validate(b.data, b.len, NULL), 0);
    }
    slant_buf_free(&b);
}
END_TEST

START_TEST(test_utf8_check_error) {
    slant_error err;
    const char *s = "line one\nab\xFF" "c\n";
    ck_assert_int_eq(slant_utf8_check(s, strlen(s), "a.txt", &err), -1);
    ck_assert_str_eq(err.file, "a.txt");
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 3);
    ck_assert_int_eq(err.offset, 11);
    ck_assert_ptr_nonnull(strstr(err.msg, "0xFF"));
    ck_assert_ptr_nonnull(strstr(err.msg, "--lenient"));
    ck_assert_int_eq(slant_utf8_check("ok", 2, "a.txt", &err), 0);
}
END_TEST

/* ---- sentences ---- */

static const pair sentence_cases[] = {
    {"Mr. Smith went to Washington. He arrived on Dec. 16, 2016.",
     "Mr. Smith went to Washington. || He arrived on Dec. 16, 2016."},
    {"Messrs. Putin and Abe met. They talked.", "Messrs. Putin and Abe met. || They talked."},
    {"Dr. Jones and Gen. Lee visited St. Petersburg. Then they left.",
     "Dr. Jones and Gen. Lee visited St. Petersburg. || Then they left."},
    {"The U.S. and the U.K. agreed. Talks resume.", "The U.S. and the U.K. agreed. || Talks resume."},
    {"He lives in the U.S. with family.", "He lives in the U.S. with family."},
    {"The talks were held in the U.S. The next round is in Tokyo.",
     "The talks were held in the U.S. || The next round is in Tokyo."},
    {"It was in the U.K. last year.", "It was in the U.K. last year."},
    {"J. R. R. Tolkien wrote books. He died.", "J. R. R. Tolkien wrote books. || He died."},
    {"It costs $17.5 million. That is 25.5 percent.", "It costs $17.5 million. || That is 25.5 percent."},
    {"He left at 5 p.m. Then he slept.", "He left at 5 p.m. || Then he slept."},
    {"Apples, pears etc. are fruit.", "Apples, pears etc. are fruit."},
    {"He paused... then left.", "He paused... then left."},
    {"He paused... Then he left.", "He paused... || Then he left."},
    {"He paused\xE2\x80\xA6 then left.", "He paused\xE2\x80\xA6 then left."},
    {"Let us meet.... Next time we will.", "Let us meet.... || Next time we will."},
    {"\xE2\x80\x9CWe will win.\xE2\x80\x9D Then he left.", "\xE2\x80\x9CWe will win.\xE2\x80\x9D || Then he left."},
    {"\"We will win.\" Then he left.", "\"We will win.\" || Then he left."},
    {"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.", "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."},
    {"(This is an aside.) Next one.", "(This is an aside.) || Next one."},
    {"Is it? Yes! Fine.", "Is it? || Yes! || Fine."},
    {"Military value\nLast year Russia announced plans.", "Military value || Last year Russia announced plans."},
    {"Investing for peace\n\nIn Tokyo, leaders met.", "Investing for peace || In Tokyo, leaders met."},
    {"A line that wraps\nin the middle.", "A line that wraps\nin the middle."},
    {"He said,\nThe end is near.", "He said,\nThe end is near."},
    {"Talks with\nVladimir Putin ended.", "Talks with\nVladimir Putin ended."},
    {"XS\nSM\nMD\nLG", "XS || SM || MD || LG"},
    {"One.\r\n\r\nTwo.", "One. || Two."},
    {"  Trimmed sentence.  \n", "Trimmed sentence."},
    {"Text without ending", "Text without ending"},
    {"Russia annexed Crimea in 2014.The end.", "Russia annexed Crimea in 2014. || The end."},
    {"The deal - a big one - passed. Good.", "The deal - a big one - passed. || Good."},
    {"Stop\xEF\xBC\x81 Go\xE3\x80\x82Next", "Stop\xEF\xBC\x81 || Go\xE3\x80\x82 || Next"},
    {"", ""},
};

START_TEST(test_sentences_table) {
    slant_buf got;
    slant_buf_init(&got);
    for (size_t i = 0; i < sizeof sentence_cases / sizeof sentence_cases[0]; i++) {
        const pair *c = &sentence_cases[i];
        analyze(c->in, strlen(c->in));
        sentences_joined(&got);
        ck_assert_msg(strcmp(got.data ? got.data : "", c->want) == 0, "sentences of [%s]:\n got [%s]\nwant [%s]",
                      c->in, got.data ? got.data : "", c->want);
    }
    slant_buf_free(&got);
}
END_TEST

START_TEST(test_paragraphs_and_headlines) {
    const char *s = "Headline here\n\nFirst para. Still first.\n \t \nSecond para\nLine two.\n\n\n\nThird.";
    analyze(s, strlen(s));
    ck_assert_uint_eq(doc.nsents, 6);
    ck_assert_uint_eq(doc.nparagraphs, 4);
    const uint32_t paras[] = {0, 1, 1, 2, 2, 3};
    const uint8_t heads[] = {1, 0, 0, 1, 0, 0};
    for (size_t i = 0; i < 6; i++) {
        ck_assert_uint_eq(doc.sents[i].paragraph, paras[i]);
        ck_assert_uint_eq(doc.sents[i].headline, heads[i]);
        ck_assert(doc.toks[doc.sents[i].tok_begin].flags & SLANT_TF_PARA_START ? (i == 0 || paras[i] != paras[i - 1])
                                                                               : (i > 0 && paras[i] == paras[i - 1]));
    }
    /* token ranges tile the document */
    ck_assert_uint_eq(doc.sents[0].tok_begin, 0);
    for (size_t i = 1; i < doc.nsents; i++) ck_assert_uint_eq(doc.sents[i].tok_begin, doc.sents[i - 1].tok_end);
    ck_assert_uint_eq(doc.sents[doc.nsents - 1].tok_end, doc.ntoks);
}
END_TEST

/* ---- the block tokenizer against the scalar one ---- */

/* What one analysis produced, copied out of doc to compare two of them. */
typedef struct snapshot {
    slant_buf toks, sents, forms, lists;
    size_t nwords, nparagraphs;
} snapshot;

static void snap(snapshot *sn, size_t shift) {
    slant_buf_clear(&sn->toks);
    slant_buf_clear(&sn->sents);
    slant_buf_clear(&sn->forms);
    slant_buf_clear(&sn->lists);
    for (size_t i = 0; i < doc.ntoks; i++) {
        slant_token t = doc.toks[i];
        t.start -= (uint32_t)shift;
        t.end -= (uint32_t)shift;
        t.norm = 0; /* offsets into norm differ by nothing, but compare the forms themselves */
        slant_buf_append(&sn->toks, &t.start, sizeof t.start);
        slant_buf_append(&sn->toks, &t.end, sizeof t.end);
        slant_buf_append(&sn->toks, &t.norm_len, sizeof t.norm_len);
        slant_buf_append(&sn->toks, &t.hash, sizeof t.hash);
        slant_buf_append(&sn->toks, &t.kind, 1);
        slant_buf_append(&sn->toks, &t.flags, 1);
        slant_buf_append(&sn->forms, slant_tok_norm(&doc, &doc.toks[i]), doc.toks[i].norm_len + 1);
    }
    for (size_t i = 0; i < doc.nsents; i++) {
        slant_sentence s = doc.sents[i];
        uint32_t v[] = {s.start - (uint32_t)shift, s.end - (uint32_t)shift, s.tok_begin, s.tok_end, s.paragraph, s.headline};
        slant_buf_append(&sn->sents, v, sizeof v);
    }
    slant_buf_append(&sn->lists, doc.qmarks, doc.nqmarks * sizeof *doc.qmarks);
    slant_buf_puts(&sn->lists, "|");
    slant_buf_append(&sn->lists, doc.caps, doc.ncaps * sizeof *doc.caps);
    sn->nwords = doc.nwords;
    sn->nparagraphs = doc.nparagraphs;
}

static int same_buf(const slant_buf *a, const slant_buf *b) {
    return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* Texts under 80 bytes are read by the scalar step alone; the same text
 * followed by 100 spaces goes through the 64-byte blocks (which stop 80
 * bytes before the end). Every table case and a few mixed texts, shifted by
 * 0-70 leading spaces so that tokens straddle the block boundaries, must
 * give the same tokens, forms, hashes, flags, sentences and lists. */
START_TEST(test_block_path_matches_scalar) {
    static const char *extra[] = {
        "Mr. Smith\xC2\xA0met the U.S.\xE2\x80\x99s No. 2 in 2016.\r\nThen 1,000 \xE2\x80\x9Cpeople\xE2\x80\x9D left!",
        "caf\xC3\xA9 AT&T #tag \xE2\x9D\xA4\xEF\xB8\x8F %\xCC\x81 $ 5 $5 ab\xFF\xFE cd \xE2\x82 end. e.g. x",
        "Headline here\n\nFirst para. Still first.\n \t \nSecond para\nLine two.\n\n\n\nThird.\r\rCR only.",
        "ABCDEFGHIJKLMNOP abcdefghijklmnopq Abcdefghijklmno well-known Japan's O'Brien US18.3 G20.5 x.",
        "It ended. \"Yes.\" Then 'no' . ) Fine? \" ok \xE2\x80\x9CWhy?\xE2\x80\x9D he asked. Done . \xE2\x80\x9D Next",
        "", /* with_nul below */
    };
    static const char with_nul[] = "one\0two\0\0. three\x7f four\x01 five\tsix\x0bseven \xE2\x80\x94 eight\xE2\x80\xA6 nine...";
    const char *texts[sizeof token_cases / sizeof token_cases[0] + sizeof sentence_cases / sizeof sentence_cases[0] +
                      sizeof extra / sizeof extra[0]];
    size_t lens[sizeof texts / sizeof texts[0]], nt = 0;
    for (size_t i = 0; i < sizeof token_cases / sizeof token_cases[0]; i++, nt++)
        lens[nt] = strlen(texts[nt] = token_cases[i].in);
    for (size_t i = 0; i < sizeof sentence_cases / sizeof sentence_cases[0]; i++, nt++)
        lens[nt] = strlen(texts[nt] = sentence_cases[i].in);
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++, nt++) {
        int nul = extra[i][0] == '\0';
        texts[nt] = nul ? with_nul : extra[i];
        lens[nt] = nul ? sizeof with_nul - 1 : strlen(extra[i]);
    }
    snapshot a, b;
    slant_buf_init(&a.toks), slant_buf_init(&a.sents), slant_buf_init(&a.forms), slant_buf_init(&a.lists);
    slant_buf_init(&b.toks), slant_buf_init(&b.sents), slant_buf_init(&b.forms), slant_buf_init(&b.lists);
    slant_buf text;
    slant_buf_init(&text);
    for (size_t i = 0; i < nt; i++) {
        for (size_t shift = 0; shift <= 70; shift++) {
            slant_buf_clear(&text);
            for (size_t k = 0; k < shift; k++) slant_buf_putc(&text, ' ');
            slant_buf_append(&text, texts[i], lens[i]);
            analyze(text.data, text.len);
            snap(&a, 0);
            for (size_t k = 0; k < 100; k++) slant_buf_putc(&text, ' ');
            analyze(text.data, text.len);
            snap(&b, 0);
            ck_assert_msg(same_buf(&a.toks, &b.toks) && same_buf(&a.forms, &b.forms),
                          "tokens of [%s] after %zu spaces differ in the block path", texts[i], shift);
            ck_assert_msg(same_buf(&a.sents, &b.sents), "sentences of [%s] after %zu spaces differ", texts[i], shift);
            ck_assert_msg(same_buf(&a.lists, &b.lists), "quote marks / capitals of [%s] differ", texts[i]);
            ck_assert_uint_eq(a.nwords, b.nwords);
            ck_assert_uint_eq(a.nparagraphs, b.nparagraphs);
        }
    }
    slant_buf_free(&text);
    slant_buf_free(&a.toks), slant_buf_free(&a.sents), slant_buf_free(&a.forms), slant_buf_free(&a.lists);
    slant_buf_free(&b.toks), slant_buf_free(&b.sents), slant_buf_free(&b.forms), slant_buf_free(&b.lists);
}
END_TEST

/* ---- bad input ---- */

START_TEST(test_empty_and_space) {
    analyze("", 0);
    ck_assert_uint_eq(doc.ntoks, 0);
    ck_assert_uint_eq(doc.nsents, 0);
    ck_assert_uint_eq(doc.nparagraphs, 0);
    analyze(" \n\n\t \r\n", 7);
    ck_assert_uint_eq(doc.ntoks, 0);
    ck_assert_uint_eq(doc.nsents, 0);
    analyze(NULL, 0);
    ck_assert_uint_eq(doc.ntoks, 0);
}
END_TEST

START_TEST(test_nul_bytes) {
    const char s[] = "one\0two\0\0. three";
    analyze(s, sizeof s - 1);
    slant_buf got;
    slant_buf_init(&got);
    joined('t', &got);
    ck_assert_uint_eq(got.len, strlen("one | two | . | three"));
    ck_assert(memcmp(got.data, "one | two | . | three", got.len) == 0);
    slant_buf_free(&got);
    ck_assert_uint_eq(doc.nsents, 1); /* "." then lowercase "three" */
}
END_TEST

START_TEST(test_long_word) {
    static char s[10000 + 20];
    memcpy(s, "start ", 6);
    memset(s + 6, 'x', 10000);
    memcpy(s + 10006, " end.", 6);
    analyze(s, strlen(s));
    ck_assert_uint_eq(doc.ntoks, 4);
    ck_assert_uint_eq(doc.toks[1].end - doc.toks[1].start, 10000);
    ck_assert_uint_eq(doc.toks[1].norm_len, 10000);
    /* a 10,000-letter non-ASCII word goes through utf8proc in the doc's scratch */
    static char u[20000 + 1];
    for (size_t i = 0; i < 10000; i++) memcpy(u + 2 * i, "\xC3\x89", 2); /* É */
    analyze(u, 20000);
    ck_assert_uint_eq(doc.ntoks, 1);
    ck_assert_uint_eq(doc.toks[0].norm_len, 20000);
    ck_assert(memcmp(slant_tok_norm(&doc, &doc.toks[0]), "\xC3\xA9\xC3\xA9", 4) == 0);
}
END_TEST

START_TEST(test_invalid_utf8_does_not_crash) {
    const char s[] = "ab\xFF\xFE cd \xE2\x82 \xC0\xAF end.";
    analyze(s, sizeof s - 1);
    ck_assert_uint_ge(doc.ntoks, 5);
    for (size_t i = 0; i < doc.ntoks; i++)
        ck_assert_int_eq(slant_utf8_validate(slant_tok_norm(&doc, &doc.toks[i]), doc.toks[i].norm_len, NULL), 0);
}
END_TEST

/* Over the size limit: refused before the text is read (so a one-byte
 * buffer with a huge length is safe here). */
START_TEST(test_too_large) {
    slant_error err;
    ck_assert_int_eq(slant_doc_analyze(&doc, "x", SLANT_TEXT_MAX + 1, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "split it into articles"));
    ck_assert_uint_eq(doc.ntoks, 0);
}
END_TEST

START_TEST(test_doc_reuse) {
    const char *a = "First document. It has two sentences.";
    const char *b = "Second.";
    analyze(a, strlen(a));
    ck_assert_uint_eq(doc.nsents, 2);
    analyze(b, strlen(b));
    ck_assert_uint_eq(doc.nsents, 1);
    ck_assert_uint_eq(doc.ntoks, 2);
    ck_assert_str_eq(slant_tok_norm(&doc, &doc.toks[0]), "second");
}
END_TEST

/* A document of more than a million tokens gives its sentence-splitting
 * scratch back; the next documents (small, then huge again) still split
 * right. */
START_TEST(test_doc_reuse_after_huge) {
    size_t reps = 400000; /* "Go on. " = 3 tokens, 1 sentence: 1.2 M tokens */
    char *big = malloc(reps * 7 + 1);
    ck_assert_ptr_nonnull(big);
    for (size_t i = 0; i < reps; i++) memcpy(big + 7 * i, "Go on. ", 7);
    big[reps * 7] = '\0';
    for (int round = 0; round < 2; round++) {
        analyze(big, reps * 7);
        ck_assert_uint_eq(doc.ntoks, 3 * reps);
        ck_assert_uint_eq(doc.nsents, reps);
        ck_assert_uint_eq(doc.ncaps, reps);
        const char *small = "Small one. \"Yes,\" he said.\n\nNew paragraph";
        analyze(small, strlen(small));
        ck_assert_uint_eq(doc.nsents, 3);
        ck_assert_uint_eq(doc.sents[2].paragraph, 1);
        ck_assert_uint_eq(doc.sents[2].headline, 1);
    }
    free(big);
}
END_TEST

/* Linear time, bounded memory: 8 MB with no newline, as one word and as
 * words without punctuation (one huge sentence). */
START_TEST(test_huge_no_newline) {
    size_t n = 8u << 20;
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    memset(s, 'a', n);
    analyze(s, n);
    ck_assert_uint_eq(doc.ntoks, 1);
    ck_assert_uint_eq(doc.nsents, 1);
    for (size_t i = 0; i < n; i += 8) memcpy(s + i, "word is ", 8);
    analyze(s, n);
    ck_assert_uint_eq(doc.ntoks, n / 4);
    ck_assert_uint_eq(doc.nsents, 1);
    for (size_t i = 0; i < n; i += 8) memcpy(s + i, "Words. A", 8);
    analyze(s, n);
    ck_assert_uint_eq(doc.nsents, n / 8 + 1); /* "Words." then "AWords." ... and a final "A" */
    free(s);
}
END_TEST

/* ---- seed articles (read at test time) ---- */

static int read_seed(const char *prefix, slant_buf *b) {
    char path[600];
    static const char *const names[] = {"000_9986aba2f63a8448.txt", "001_663b9610a18bbe72.txt",
                                        "002_ef46999ce7b4fbc2.txt", "003_5969239258afc9cb.txt",
                                        "004_11eb1f1af465d0b5.txt"};
    for (size_t i = 0; i < 5; i++) {
        if (strncmp(names[i], prefix, strlen(prefix)) != 0) continue;
        snprintf(path, sizeof path, "%s/corpus/seeds/%s", SHARED_DIR, names[i]);
        slant_error err;
        return slant_read_file(path, b, 0, &err);
    }
    return -1;
}

static int contains(const char *h, size_t hn, const char *needle) {
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= hn; i++)
        if (memcmp(h + i, needle, n) == 0) return 1;
    return 0;
}

/* The sentence that starts with `prefix` (a few words to locate it). */
static const slant_sentence *find_sentence(const char *prefix) {
    size_t n = strlen(prefix);
    for (size_t i = 0; i < doc.nsents; i++)
        if (doc.sents[i].end - doc.sents[i].start >= n && memcmp(doc.text + doc.sents[i].start, prefix, n) == 0)
            return &doc.sents[i];
    return NULL;
}

START_TEST(test_seed_sentences) {
    if (!shared_available()) {
        fprintf(stderr, "test_seed_sentences: ../shared/corpus/seeds not found, skipped\n");
        return;
    }
    slant_buf b;
    slant_buf_init(&b);
    ck_assert_int_eq(read_seed("001", &b), 0);
    ck_assert_int_eq(slant_utf8_validate(b.data, b.len, NULL), 0);
    analyze(b.data, b.len);
    /* "Military value" is a headline sentence of its own */
    const slant_sentence *s = find_sentence("Military value");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(s->end - s->start, strlen("Military value"));
    ck_assert_uint_eq(s->headline, 1);
    /* "Dec. 16, 2016." does not end the caption early */
    s = find_sentence("Russian President Vladimir Putin (L)");
    ck_assert_ptr_nonnull(s);
    ck_assert(memcmp(doc.text + s->end - 6, "2016.", 5) == 0 || memcmp(doc.text + s->end - 5, "2016.", 5) == 0);
    /* every token hash is slant_hash_bytes of its form */
    for (size_t i = 0; i < doc.ntoks; i++)
        ck_assert_uint_eq(doc.toks[i].hash, slant_hash_bytes(slant_tok_norm(&doc, &doc.toks[i]), doc.toks[i].norm_len));

    ck_assert_int_eq(read_seed("002", &b), 0);
    analyze(b.data, b.len);
    /* "in the U.K. last year." stays inside its sentence */
    s = find_sentence("Japan imposed some of the weakest");
    ck_assert_ptr_nonnull(s);
    ck_assert(memcmp(doc.text + s->end - 10, "last year.", 10) == 0);
    ck_assert_ptr_nonnull(find_sentence("After the talks, Messrs. Putin and Abe gave statements"));
    /* the quote's closing mark and comma stay in the sentence with "said James Brown" */
    s = find_sentence("\xE2\x80\x9CThe Russian leadership");
    ck_assert_ptr_nonnull(s);
    ck_assert(contains(doc.text + s->start, s->end - s->start, "said James Brown"));
    slant_buf_free(&b);
}
END_TEST

Suite *text_suite(void);
Suite *text_suite(void) {
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_tokens_table);
    tcase_add_test(tc, test_norm_table);
    tcase_add_test(tc, test_kinds_table);
    tcase_add_test(tc, test_flags);
    tcase_add_test(tc, test_offsets_and_hash);
    tcase_add_test(tc, test_word_chunks);
    tcase_add_test(tc, test_caps_list);
    tcase_add_test(tc, test_fold);
    tcase_add_test(tc, test_fold_matches_utf8proc);
    tcase_add_test(tc, test_utf8_validate_table);
    tcase_add_test(tc, test_utf8_validate_text_nul);
    tcase_add_test(tc, test_utf8_sanitize_table);
    tcase_add_test(tc, test_utf8_check_error);
    tcase_add_test(tc, test_sentences_table);
    tcase_add_test(tc, test_paragraphs_and_headlines);
    tcase_add_test(tc, test_block_path_matches_scalar);
    tcase_add_test(tc, test_empty_and_space);
    tcase_add_test(tc, test_nul_bytes);
    tcase_add_test(tc, test_long_word);
    tcase_add_test(tc, test_invalid_utf8_does_not_crash);
    tcase_add_test(tc, test_doc_reuse);
    tcase_add_test(tc, test_doc_reuse_after_huge);
    tcase_add_test(tc, test_too_large);
    tcase_add_test(tc, test_huge_no_newline);
    tcase_add_test(tc, test_seed_sentences);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(text_suite)
