/*
 * test_quote.c - quotation spans and speakers.
 *
 * The table lists input -> expected quotations, each written as
 * `inner text [speaker]` (speaker "?" when unknown, " (unclosed)" appended
 * when the quotation had no closing mark), joined with " || ". Inner text is
 * the text between the marks. To add a case, add a line. The seed articles
 * are read at test time (never copied here): a few words locate a quote.
 */
#include <stdio.h>
#include <string.h>

#include "slant/quote.h"
#include "testutil.h"

static slant_doc doc;

static void setup(void) { slant_doc_init(&doc); }
static void teardown(void) { slant_doc_free(&doc); }

/* Every analysis here also checks the totals the doc keeps against the
 * per-sentence helpers. */
static void check_totals(void) {
    size_t quoted = 0;
    for (size_t i = 0; i < doc.nsents; i++) quoted += slant_sentence_quoted_words(&doc, &doc.sents[i]);
    ck_assert_uint_eq(doc.nquoted_words, quoted);
    ck_assert_uint_eq(doc.nwords, slant_count_words(&doc, 0, doc.ntoks));
}

static void run(const char *s, size_t n) {
    slant_error err;
    ck_assert_int_eq(slant_doc_analyze(&doc, s, n, &err), 0);
    slant_quotes_find(&doc);
    check_totals();
}

static void quote_inner(const slant_quote *q, slant_buf *out) {
    if (q->tok_end > q->tok_begin)
        slant_buf_append(out, doc.text + doc.toks[q->tok_begin].start,
                         doc.toks[q->tok_end - 1].end - doc.toks[q->tok_begin].start);
}

static void quotes_joined(slant_buf *out) {
    slant_buf_clear(out);
    for (size_t i = 0; i < doc.nquotes; i++) {
        const slant_quote *q = &doc.quotes[i];
        if (i) slant_buf_puts(out, " || ");
        quote_inner(q, out);
        slant_buf_printf(out, " [%s]", q->speaker >= 0 ? slant_speaker_name(&doc, q->speaker) : "?");
        if (q->unclosed) slant_buf_puts(out, " (unclosed)");
    }
}

typedef struct pair {
    const char *in, *want;
} pair;

#define LQ "\xE2\x80\x9C" /* “ */
#define RQ "\xE2\x80\x9D" /* ” */
#define LS "\xE2\x80\x98" /* ‘ */
#define RS "\xE2\x80\x99" /* ’ */

static const pair quote_cases[] = {
    /* "...," X said */
    {LQ "It is over," RQ " Newsham said.", "It is over, [Newsham]"},
    {LQ "It will pass," RQ " Brown says.", "It will pass, [Brown]"},
    {LQ "It is over," RQ " Mr. Abe said after the talks.", "It is over, [Abe]"},
    /* "...," said X, a ... */
    {"\"It is over,\" said James Brown, an expert at Temple University.", "It is over, [James Brown]"},
    {LQ "Yes," RQ " said Alexander Gabuev, chair of the Carnegie Moscow Center.", "Yes, [Alexander Gabuev]"},
    {LQ "No," RQ " said Russian President Vladimir Putin.", "No, [Vladimir Putin]"},
    /* "...," X, a senior fellow at ..., said */
    {LQ "It is over," RQ " Grant Newsham, a senior fellow at the Japan Forum, said.", "It is over, [Grant Newsham]"},
    /* X said: "..." / X said "..." / X told reporters "..." */
    {"Abe said: \"We agree.\"", "We agree. [Abe]"},
    {"Abe stated: \"We agree. We will act.\" Then he left.", "We agree. We will act. [Abe]"},
    {"At a news conference, Abe said " LQ "without trust the goal can not be reached." RQ,
     "without trust the goal can not be reached. [Abe]"},
    {"Putin told reporters \"there is no deal.\"", "there is no deal. [Putin]"},
    {"Putin told a joint press conference the talks were \"very constructive.\"", "very constructive. [Putin]"},
    {"Deputy Chief Cabinet Secretary Hiroshige Seko said: " LQ "We believe it." RQ, "We believe it. [Hiroshige Seko]"},
    /* according to X */
    {"The plan is " LQ "dead on arrival," RQ " according to Gabuev.", "dead on arrival, [Gabuev]"},
    {"According to Gabuev, " LQ "the plan is dead." RQ, "the plan is dead. [Gabuev]"},
    /* ? and ! end the sentence before the attribution */
    {LQ "Why?" RQ " Abe asked.", "Why? [Abe]"},
    /* a description between the quote and the verb; a description as subject */
    {LQ "It" RS "s over," RQ " Kremlin spokesman Dmitry Peskov told reporters. " LQ "Maybe," RQ " the official added.",
     "It" RS "s over, [Dmitry Peskov] || Maybe, [?]"},
    {"U.S. Secretary of State Mike Pompeo said Monday: " LQ "We will see." RQ, "We will see. [Mike Pompeo]"},
    {"Lavrov, speaking at a news conference, said: \"No.\"", "No. [Lavrov]"},
    /* British style: single marks first */
    {LS "We" RS "ll see," RS " Johnson said.", "We" RS "ll see, [Johnson]"},
    /* a role stands for the name it was given with elsewhere in the article */
    {"Japanese Prime Minister Shinzo Abe arrived. Later the Japanese prime minister said: " LQ "We agree." RQ,
     "We agree. [Shinzo Abe]"},
    {"Putin met Prime Minister of Japan Shinzo Abe. " LQ "Yes," RQ " the Japanese prime minister said.",
     "Yes, [Shinzo Abe]"},
    {LQ "Stop," RQ " said the Russian president. Russian President Vladimir Putin then left.", "Stop, [Vladimir Putin]"},
    {"Prime Minister Narendra Modi spoke. " LQ "No," RQ " the Japanese prime minister said.", "No, [?]"},
    /* a description is not a name */
    {LQ "Stop," RQ " the minister said.", "Stop, [?]"},
    {LQ "A," RQ " Abe said. " LQ "B," RQ " said the official.", "A, [Abe] || B, [?]"},
    /* multi-sentence quotation */
    {LQ "First sentence. Second sentence," RQ " Abe said.", "First sentence. Second sentence, [Abe]"},
    /* nested single quotes and apostrophes inside double quotes */
    {LQ "He told me " LS "never again" RS " and left," RQ " Abe said.",
     "He told me " LS "never again" RS " and left, [Abe]"},
    {LQ "Japan" RS "s and the countries" RS " plans are the 70s' ideas," RQ " Abe said.",
     "Japan" RS "s and the countries" RS " plans are the 70s' ideas, [Abe]"},
    {"\"He said 'no' twice,\" Abe said.", "He said 'no' twice, [Abe]"},
    /* single quotes as quotations outside double quotes; apostrophes are not */
    {"Putin called it " LS "a good start" RS " on Monday.", "a good start [?]"},
    {"The countries" RS " leaders and the 1970s' deals.", ""},
    /* the previous quotation's speaker carries over in its paragraph */
    {LQ "One," RQ " Abe said. " LQ "Two." RQ, "One, [Abe] || Two. [Abe]"},
    /* straight quotes by position */
    {"He spoke of \"yes\" and \"no\" today.", "yes [?] || no [?]"},
    /* titles dropped, Mr. X joins the earlier full name */
    {"Prime Minister Shinzo Abe said: " LQ "Yes." RQ " Later, " LQ "No," RQ " Mr. Abe said.",
     "Yes. [Shinzo Abe] || No, [Shinzo Abe]"},
    {LQ "A," RQ " said James Brown, an expert. " LQ "B," RQ " Mr. Brown said.", "A, [James Brown] || B, [James Brown]"},
    /* family name first */
    {"Hosaka Yuji, an analyst in Seoul, says so. " LQ "Yes," RQ " Hosaka said.", "Yes, [Hosaka Yuji]"},
    /* two surnames side by side are not a full name */
    {"The meeting with Abe Putin ended. Shinzo Abe left. " LQ "No," RQ " Putin said.", "No, [Putin]"},
    /* pronouns: the last named speaker, when only one is mentioned */
    {LQ "A," RQ " Abe said.\n\nLater he spoke again. " LQ "B," RQ " he said.", "A, [Abe] || B, [Abe]"},
    {LQ "A," RQ " Abe said. " LQ "B," RQ " Putin said. Abe met Putin. " LQ "C," RQ " he said.",
     "A, [Abe] || B, [Putin] || C, [?]"},
    {"Abe stated: \"One.\" Trump's tariffs drew a rebuke from Abe on Wednesday. He told parliament: \"Two.\"",
     "One. [Abe] || Two. [Abe]"},
    /* no mention nearby: the only speaker named so far; never a later one */
    {LQ "A," RQ " Abe said.\n\nOther text. More. Even more. Still more.\n\n" LQ "B," RQ " he said.",
     "A, [Abe] || B, [Abe]"},
    {"Putin met Abe. " LQ "A," RQ " he said. " LQ "B," RQ " Abe said.", "A, [?] || B, [Abe]"},
    /* lead-in sentence without final punctuation (newswire capture) */
    {"Shinzo Abe at the Forum talked about it in rhapsodic terms\n\n" LQ "Let us meet once a year." RQ,
     "Let us meet once a year. [Shinzo Abe]"},
    /* unbalanced: bounded by the paragraph */
    {LQ "This never closes.\n\nNext paragraph is outlet text.", "This never closes. [?] (unclosed)"},
    {"He said \"this goes on\n\nNew paragraph. \"Balanced,\" Abe said.",
     "this goes on [?] (unclosed) || Balanced, [Abe]"},
    /* newswire continuation: the next paragraph opens with a mark */
    {LQ "First paragraph of the quote.\n\n" LQ "Second paragraph," RQ " Abe said.",
     "First paragraph of the quote.\n\n" LQ "Second paragraph, [Abe]"},
    /* a capture that dropped the repeated marks: closed a few paragraphs later */
    {LQ "First part.\n\nMiddle part.\n\nLast part." RQ "\n\nOutlet text.", "First part.\n\nMiddle part.\n\nLast part. [?]"},
    /* the opening mark was lost: the quotation starts with its paragraph */
    {"Outlet text.\n\nWe do not trade territories." RQ "\n\nMore outlet text.", "We do not trade territories. [?] (unclosed)"},
    /* an opening mark while one is open: not nested, the first one lost its close */
    {LQ "One " LQ "two" RQ " three.", "One [?] (unclosed) || two [?]"},
    /* nothing to find */
    {"No quotes at all.", ""},
    {"", ""},
    {RQ, ""},
};

static void check_quote_case(const pair *c) {
    slant_buf got;
    slant_buf_init(&got);
    run(c->in, strlen(c->in));
    quotes_joined(&got);
    ck_assert_msg(strcmp(got.data ? got.data : "", c->want) == 0, "quotes of [%s]:\n got [%s]\nwant [%s]", c->in,
                  got.data ? got.data : "", c->want);
    slant_buf_free(&got);
}

START_TEST(test_quotes_table) {
    for (size_t i = 0; i < sizeof quote_cases / sizeof quote_cases[0]; i++) check_quote_case(&quote_cases[i]);
}
END_TEST

/* The doc keeps quote.c's buffers and maps between documents: the table
 * run backwards (another history of reuse) gives the same answers. */
START_TEST(test_quotes_table_reversed) {
    for (size_t i = sizeof quote_cases / sizeof quote_cases[0]; i-- > 0;) check_quote_case(&quote_cases[i]);
}
END_TEST

/* Token marks: IN_QUOTE and token.quote on the words inside, QUOTE_OPEN and
 * QUOTE_CLOSE on the marks, apostrophes turned into PUNCT. */
START_TEST(test_token_marks) {
    const char *s = "Abe" RS "s aide: " LQ "It is the 70s' idea," RQ " Abe said.";
    run(s, strlen(s));
    ck_assert_uint_eq(doc.nquotes, 1);
    size_t open = 0, close = 0, inside = 0;
    for (size_t i = 0; i < doc.ntoks; i++) {
        const slant_token *t = &doc.toks[i];
        if (t->flags & SLANT_TF_QUOTE_OPEN) open++;
        if (t->flags & SLANT_TF_QUOTE_CLOSE) close++;
        if (t->flags & SLANT_TF_IN_QUOTE) {
            inside++;
            ck_assert_uint_eq(t->quote, 1);
        } else {
            ck_assert_uint_eq(t->quote, 0);
        }
        if (doc.text[t->start] == '\'') ck_assert_int_eq(t->kind, SLANT_TOK_PUNCT); /* 70s' */
    }
    ck_assert_uint_eq(open, 1);
    ck_assert_uint_eq(close, 1);
    ck_assert_uint_eq(inside, 7); /* It is the 70s ' idea , */
    ck_assert_uint_eq(doc.quotes[0].start, strlen("Abe" RS "s aide: "));
    ck_assert_uint_eq(doc.quotes[0].end, strlen("Abe" RS "s aide: " LQ "It is the 70s' idea," RQ));
}
END_TEST

START_TEST(test_sentence_voice) {
    const char *s = LQ "We will win this war," RQ " Abe said. The paper disagreed. It called the plan \"bold\" at first.";
    run(s, strlen(s));
    ck_assert_uint_eq(doc.nsents, 3);
    ck_assert_uint_eq(slant_sentence_quoted_words(&doc, &doc.sents[0]), 5);
    ck_assert_str_eq(slant_speaker_name(&doc, slant_sentence_speaker(&doc, &doc.sents[0])), "Abe");
    ck_assert_uint_eq(slant_sentence_quoted_words(&doc, &doc.sents[1]), 0);
    ck_assert_int_eq(slant_sentence_speaker(&doc, &doc.sents[1]), -1);
    ck_assert_uint_eq(slant_sentence_quoted_words(&doc, &doc.sents[2]), 1);
    ck_assert_int_eq(slant_sentence_speaker(&doc, &doc.sents[2]), -1);
}
END_TEST

START_TEST(test_speaker_offsets) {
    const char *s = LQ "A," RQ " said James Brown, an expert. " LQ "B," RQ " Mr. Brown said.";
    run(s, strlen(s));
    ck_assert_uint_eq(doc.nspeakers, 1);
    const slant_speaker *sp = &doc.speakers[0];
    ck_assert_uint_eq(sp->end - sp->start, strlen("James Brown"));
    ck_assert(memcmp(s + sp->start, "James Brown", 11) == 0);
}
END_TEST

/* ---- bad input ---- */

START_TEST(test_nested_200) {
    static char s[200 * 6 + 16];
    size_t n = 0;
    for (int i = 0; i < 200; i++) {
        memcpy(s + n, LQ, 3);
        n += 3;
    }
    memcpy(s + n, "word", 4);
    n += 4;
    for (int i = 0; i < 200; i++) {
        memcpy(s + n, RQ, 3);
        n += 3;
    }
    run(s, n);
    /* not nested: each opening mark ends the one before, empty ones are dropped */
    ck_assert_uint_eq(doc.nquotes, 1);
    ck_assert_uint_eq(doc.quotes[0].tok_end - doc.quotes[0].tok_begin, 1);
    for (size_t i = 0; i < doc.nquotes; i++) {
        ck_assert_uint_le(doc.quotes[i].end, n);
        ck_assert_uint_le(doc.quotes[i].tok_end, doc.ntoks);
    }
    /* 200 straight quotes in a row and 200 single quotes */
    memset(s, '"', 200);
    run(s, 200);
    memset(s, '\'', 200);
    run(s, 200);
    for (size_t i = 0; i < doc.nquotes; i++) ck_assert_uint_le(doc.quotes[i].end, 200);
}
END_TEST

START_TEST(test_unbalanced_does_not_swallow) {
    /* an opening mark in paragraph 1, then 20 paragraphs of outlet text */
    slant_buf b;
    slant_buf_init(&b);
    slant_buf_puts(&b, "He said \"this never ends.\n\n");
    for (int i = 0; i < 20; i++) slant_buf_puts(&b, "Outlet text here.\n\n");
    run(b.data, b.len);
    ck_assert_uint_eq(doc.nquotes, 1);
    ck_assert_uint_eq(doc.quotes[0].unclosed, 1);
    for (size_t i = 1; i < doc.nsents; i++) ck_assert_uint_eq(slant_sentence_quoted_words(&doc, &doc.sents[i]), 0);
    slant_buf_free(&b);
}
END_TEST

/* More quotations than token.quote can number: the first 65535 are kept. */
START_TEST(test_many_quotes) {
    size_t n = 70000;
    char *s = malloc(4 * n);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++) memcpy(s + 4 * i, "\"a\" ", 4);
    run(s, 4 * n);
    ck_assert_uint_eq(doc.nquotes, 65535);
    ck_assert_uint_eq(doc.toks[1].quote, 1);
    ck_assert_uint_eq(doc.toks[3 * 65534 + 1].quote, 65535);
    ck_assert_uint_eq(doc.toks[3 * 65535 + 1].quote, 0);
    free(s);
}
END_TEST

/* A BOM and CRLF line ends change nothing. */
START_TEST(test_bom_crlf) {
    const char *s = "\xEF\xBB\xBF" LQ "First part,\r\n\r\n" LQ "second part," RQ " Abe said.\r\n";
    run(s, strlen(s));
    ck_assert_uint_eq(doc.nquotes, 1);
    ck_assert_uint_eq(doc.nparagraphs, 2);
    ck_assert_str_eq(slant_speaker_name(&doc, doc.quotes[0].speaker), "Abe");
    ck_assert_uint_eq(doc.quotes[0].start, 3);
}
END_TEST

START_TEST(test_rerun_and_empty) {
    run("No quotation marks here.", 24); /* a fresh doc without any quotation */
    ck_assert_uint_eq(doc.nquotes, 0);
    run("", 0);
    ck_assert_uint_eq(doc.nquotes, 0);
    run("\"a\" \"b\"", 7);
    ck_assert_uint_eq(doc.nquotes, 2);
    slant_quotes_find(&doc); /* twice on the same doc: same answer */
    ck_assert_uint_eq(doc.nquotes, 2);
    /* a rerun clears and redoes every mark, flag and speaker */
    const char *t = "\"We will 'win' it,\" Vladimir Putin said. Putin's aides' view: \"No.\"";
    run(t, strlen(t));
    ck_assert_uint_eq(doc.nquotes, 2);
    uint8_t flags[64], kinds[64];
    uint16_t quote[64];
    ck_assert_uint_le(doc.ntoks, 64);
    for (size_t i = 0; i < doc.ntoks; i++) {
        flags[i] = doc.toks[i].flags;
        kinds[i] = doc.toks[i].kind;
        quote[i] = doc.toks[i].quote;
    }
    ck_assert_str_eq(slant_speaker_name(&doc, doc.quotes[0].speaker), "Vladimir Putin");
    slant_quotes_find(&doc);
    check_totals();
    ck_assert_uint_eq(doc.nquotes, 2);
    ck_assert_str_eq(slant_speaker_name(&doc, doc.quotes[0].speaker), "Vladimir Putin");
    for (size_t i = 0; i < doc.ntoks; i++) {
        ck_assert_uint_eq(doc.toks[i].flags, flags[i]);
        ck_assert_uint_eq(doc.toks[i].kind, kinds[i]);
        ck_assert_uint_eq(doc.toks[i].quote, quote[i]);
    }
    run("   ", 3);
    ck_assert_uint_eq(doc.nquotes, 0);
    ck_assert_uint_eq(doc.nspeakers, 0);
}
END_TEST

/* ---- the seed articles (read at test time; raw, with boilerplate) ---- */

static int read_seed(const char *name, slant_buf *b) {
    char path[600];
    snprintf(path, sizeof path, "%s/corpus/seeds/%s", SHARED_DIR, name);
    slant_error err;
    return slant_read_file(path, b, 0, &err);
}

/* The quotation whose inner text starts with `prefix`. */
static const slant_quote *find_quote(const char *prefix) {
    size_t n = strlen(prefix);
    for (size_t i = 0; i < doc.nquotes; i++) {
        const slant_quote *q = &doc.quotes[i];
        if (q->tok_end <= q->tok_begin) continue;
        size_t st = doc.toks[q->tok_begin].start;
        if (doc.len - st >= n && memcmp(doc.text + st, prefix, n) == 0) return q;
    }
    return NULL;
}

static const char *speaker_of(const slant_quote *q) {
    return q && q->speaker >= 0 ? slant_speaker_name(&doc, q->speaker) : "?";
}

static size_t offset_of(const char *needle) {
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= doc.len; i++)
        if (memcmp(doc.text + i, needle, n) == 0) return i;
    return (size_t)-1;
}

typedef struct seed_quote {
    const char *file, *starts, *speaker;
} seed_quote;

/* A few words locate each quotation. */
static const seed_quote seed_quotes[] = {
    {"001_663b9610a18bbe72.txt", "There" RS "s always going", "Grant Newsham"},
    {"001_663b9610a18bbe72.txt", "People living in the islands", "Hosaka Yuji"},
    {"001_663b9610a18bbe72.txt", "I think it is more", "Grant Newsham"},
    {"001_663b9610a18bbe72.txt", "without trust", "Shinzo Abe"},
    {"002_ef46999ce7b4fbc2.txt", "The Russian leadership realizes", "James Brown"},
    {"002_ef46999ce7b4fbc2.txt", "Keeping the prospect", "James Brown"},
    {"002_ef46999ce7b4fbc2.txt", "The major prize", "Alexander Gabuev"},
    {"002_ef46999ce7b4fbc2.txt", "Although it is not easy", "Shinzo Abe"},
    {"003_5969239258afc9cb.txt", "Let us make the Far East", "Shinzo Abe"},
    {"000_9986aba2f63a8448.txt", "The Japanese and the Russians", "Shinzo Abe"},
    {"000_9986aba2f63a8448.txt", "From a security perspective", "Shinzo Abe"},
    {"000_9986aba2f63a8448.txt", "every side in the process", "Vladimir Putin"},
    {"004_11eb1f1af465d0b5.txt", "We, of course", "Hiroshige Seko"},
    {"004_11eb1f1af465d0b5.txt", "We agreed to resolve", "Shinzo Abe"},
    {"000_9986aba2f63a8448.txt", "the most potential", "Shinzo Abe"},
};

START_TEST(test_seed_speakers) {
    if (!shared_available()) {
        fprintf(stderr, "test_seed_speakers: ../shared/corpus/seeds not found, skipped\n");
        return;
    }
    slant_buf b;
    slant_buf_init(&b);
    for (size_t i = 0; i < sizeof seed_quotes / sizeof seed_quotes[0]; i++) {
        const seed_quote *c = &seed_quotes[i];
        ck_assert_int_eq(read_seed(c->file, &b), 0);
        run(b.data, b.len);
        const slant_quote *q = find_quote(c->starts);
        ck_assert_msg(q != NULL, "%s: no quotation starting with \"%s\"", c->file, c->starts);
        ck_assert_msg(!q->unclosed, "%s: \"%s\" should be closed", c->file, c->starts);
        ck_assert_msg(strcmp(speaker_of(q), c->speaker) == 0, "%s: \"%s\" by %s, want %s", c->file, c->starts,
                      speaker_of(q), c->speaker);
    }
    slant_buf_free(&b);
}
END_TEST

/* The Duran: Abe's long quote runs over four paragraphs to its one closing
 * mark; the Putin quote that lost its opening mark stays in its paragraph. */
START_TEST(test_seed_duran) {
    if (!shared_available()) {
        fprintf(stderr, "test_seed_duran: ../shared/corpus/seeds not found, skipped\n");
        return;
    }
    slant_buf b;
    slant_buf_init(&b);
    ck_assert_int_eq(read_seed("003_5969239258afc9cb.txt", &b), 0);
    run(b.data, b.len);
    const slant_quote *abe = find_quote("Let us make the Far East");
    ck_assert_ptr_nonnull(abe);
    size_t close = offset_of("together with you" RQ);
    ck_assert(close != (size_t)-1);
    ck_assert_uint_eq(abe->end, close + strlen("together with you" RQ));
    ck_assert_uint_gt(abe->end, offset_of("Let us meet once a year"));
    ck_assert_uint_eq(abe->unclosed, 0);
    /* every sentence of the four paragraphs is quoted, and spoken by Abe */
    size_t quoted_sents = 0;
    for (size_t i = 0; i < doc.nsents; i++) {
        const slant_sentence *s = &doc.sents[i];
        if (s->start >= abe->start && s->start < abe->end) {
            quoted_sents++;
            ck_assert_uint_eq(slant_sentence_quoted_words(&doc, s), slant_count_words(&doc, s->tok_begin, s->tok_end));
            ck_assert_str_eq(slant_speaker_name(&doc, slant_sentence_speaker(&doc, s)), "Shinzo Abe");
        }
    }
    ck_assert_uint_eq(quoted_sents, 5);

    const slant_quote *putin = find_quote("We do not trade territories");
    ck_assert_ptr_nonnull(putin);
    ck_assert_uint_eq(putin->unclosed, 1);
    ck_assert_uint_lt(putin->end, offset_of("(Bold italics added)"));
    /* nothing after it is quoted */
    size_t after = offset_of("Putin undoubtedly knows");
    for (size_t i = 0; i < doc.nsents; i++)
        if (doc.sents[i].start >= after)
            ck_assert_uint_eq(slant_sentence_quoted_words(&doc, &doc.sents[i]), 0);
    slant_buf_free(&b);
}
END_TEST

/* Speakers on raw captures never include boilerplate, and each named speaker
 * appears once per article. */
START_TEST(test_seed_speaker_lists) {
    if (!shared_available()) {
        fprintf(stderr, "test_seed_speaker_lists: ../shared/corpus/seeds not found, skipped\n");
        return;
    }
    slant_buf b;
    slant_buf_init(&b);
    ck_assert_int_eq(read_seed("002_ef46999ce7b4fbc2.txt", &b), 0);
    run(b.data, b.len);
    ck_assert_uint_eq(doc.nspeakers, 3);
    ck_assert_str_eq(doc.names.data + doc.speakers[0].name, "Shinzo Abe");
    ck_assert_str_eq(doc.names.data + doc.speakers[1].name, "James Brown");
    ck_assert_str_eq(doc.names.data + doc.speakers[2].name, "Alexander Gabuev");
    ck_assert_int_eq(read_seed("001_663b9610a18bbe72.txt", &b), 0);
    run(b.data, b.len);
    ck_assert_uint_eq(doc.nspeakers, 3);
    slant_buf_free(&b);
}
END_TEST

Suite *quote_suite(void);
Suite *quote_suite(void) {
    Suite *s = suite_create("quote");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_quotes_table);
    tcase_add_test(tc, test_quotes_table_reversed);
    tcase_add_test(tc, test_token_marks);
    tcase_add_test(tc, test_sentence_voice);
    tcase_add_test(tc, test_speaker_offsets);
    tcase_add_test(tc, test_nested_200);
    tcase_add_test(tc, test_unbalanced_does_not_swallow);
    tcase_add_test(tc, test_rerun_and_empty);
    tcase_add_test(tc, test_many_quotes);
    tcase_add_test(tc, test_bom_crlf);
    tcase_add_test(tc, test_seed_speakers);
    tcase_add_test(tc, test_seed_duran);
    tcase_add_test(tc, test_seed_speaker_lists);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(quote_suite)
