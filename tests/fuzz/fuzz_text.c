/*
 * fuzz_text.c - the text pipeline on arbitrary bytes: UTF-8 validation and
 * repair, cleaning with the shipped rules, tokens, sentences, quotations and
 * speakers. Checks the promises of text.h and quote.h: every offset lies in
 * the text, tokens and sentences are ordered, quotes cover their tokens.
 * Design: the raw (repaired) text and its cleaned form are both analysed, so
 * the tokenizer also sees input the cleaner would have removed.
 */
#include "fuzz_common.h"

#include "slant/clean.h"
#include "slant/ingest.h"
#include "slant/quote.h"
#include "slant/text.h"

static void check_doc(const slant_doc *d) {
    uint32_t prev_start = 0;
    for (size_t i = 0; i < d->ntoks; i++) {
        const slant_token *t = &d->toks[i];
        FUZZ_CHECK(t->start < t->end && t->end <= d->len);
        FUZZ_CHECK(t->start >= prev_start);
        prev_start = t->start;
        FUZZ_CHECK((size_t)t->norm + t->norm_len <= d->norm.len);
        FUZZ_CHECK(t->quote <= d->nquotes);
    }
    uint32_t prev_end = 0;
    for (size_t i = 0; i < d->nsents; i++) {
        const slant_sentence *s = &d->sents[i];
        FUZZ_CHECK(s->start <= s->end && s->end <= d->len);
        FUZZ_CHECK(s->tok_begin <= s->tok_end && s->tok_end <= d->ntoks);
        FUZZ_CHECK(s->start >= prev_end);
        prev_end = s->end;
        FUZZ_CHECK(slant_sentence_quoted_words(d, s) <= slant_count_words(d, s->tok_begin, s->tok_end));
        int32_t sp = slant_sentence_speaker(d, s);
        FUZZ_CHECK(sp >= -1 && sp < (int32_t)d->nspeakers);
    }
    for (size_t i = 0; i < d->nquotes; i++) {
        const slant_quote *q = &d->quotes[i];
        FUZZ_CHECK(q->start <= q->end && q->end <= d->len);
        FUZZ_CHECK(q->tok_begin <= q->tok_end && q->tok_end <= d->ntoks);
        FUZZ_CHECK(q->speaker >= -1 && q->speaker < (int32_t)d->nspeakers);
    }
    for (size_t i = 0; i < d->nspeakers; i++) {
        const slant_speaker *s = &d->speakers[i];
        FUZZ_CHECK(s->start <= s->end && s->end <= d->len);
        FUZZ_CHECK(s->name < d->names.len);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static slant_clean_rules *rules;
    static const char *const sources[] = {NULL, "World Socialist Web Site", "The Duran"};
    if (!rules) rules = fuzz_shipped_rules();

    const char *text = (const char *)data;
    size_t len = size;
    slant_buf fixed, clean;
    slant_buf_init(&fixed);
    slant_buf_init(&clean);
    slant_error err;
    slant_error_clear(&err);
    size_t bad = 0;
    int valid = slant_utf8_validate(text, len, &bad) == 0 && !memchr(text, '\0', len);
    long replaced = slant_ingest_validate(&text, &len, "fuzz.txt", 1, &fixed, &err);
    FUZZ_CHECK(replaced >= 0);
    FUZZ_CHECK((replaced == 0) == valid);
    FUZZ_CHECK(slant_utf8_validate(text, len, &bad) == 0);
    if (!valid) {
        slant_error strict;
        const char *t2 = (const char *)data;
        size_t n2 = size;
        FUZZ_CHECK(slant_ingest_validate(&t2, &n2, "fuzz.txt", 0, NULL, &strict) < 0);
        fuzz_check_error(&strict);
        FUZZ_CHECK(strict.line >= 1 && strict.column >= 1);
    }

    slant_clean_log log;
    slant_clean_log_init(&log);
    slant_clean_text(rules, sources[size % 3], text, len, &clean, &log);
    FUZZ_CHECK(clean.len == 0 || slant_utf8_validate(clean.data, clean.len, &bad) == 0);
    for (size_t i = 0; i < log.n; i++) FUZZ_CHECK(log.items[i].start <= log.items[i].end && log.items[i].end <= len);

    slant_doc doc;
    slant_doc_init(&doc);
    if (slant_doc_analyze(&doc, text, len, &err) == 0) {
        slant_quotes_find(&doc);
        check_doc(&doc);
    }
    if (slant_doc_analyze(&doc, clean.data ? clean.data : "", clean.len, &err) == 0) {
        slant_quotes_find(&doc);
        check_doc(&doc);
    }
    slant_doc_free(&doc);
    slant_clean_log_free(&log);
    slant_buf_free(&clean);
    slant_buf_free(&fixed);
    return 0;
}
