/*
 * sentences.c - `slant sentences`: every sentence of every article as one
 * JSON object per line (JSON Lines), with its byte offsets in the cleaned
 * text, its voice (outlet or quote) and speaker.
 *
 * The JSON is written by hand into one reused buffer (slant_buf_json_escape)
 * rather than through jansson objects: the key order is fixed by the code,
 * output is deterministic, and nothing is allocated per sentence.
 * `speaker` is the speaker of the sentence's quoted words even when the
 * sentence is mostly the outlet's (voice "outlet"); null when it quotes no
 * one or the speaker is unknown.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "slant/ingest.h"
#include "slant/quote.h"
#include "slant/text.h"

/* key then a decimal count (what "%zu" prints; vfprintf per field was a
 * visible share of --count) */
static void put_count(slant_buf *b, const char *key, size_t v) {
    char num[24];
    size_t k = sizeof num;
    do {
        num[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    slant_buf_puts(b, key);
    slant_buf_append(b, num + k, sizeof num - k);
}

/* --count: one line per article with its totals, no sentence text (what
 * `make bench` times as the text pipeline's own speed). */
static void emit_counts(slant_buf *b, const slant_ingest_item *it, const slant_doc *d) {
    /* the totals text.c and quote.c keep (what slant_count_words over the
     * document and slant_sentence_quoted_words summed over its sentences
     * give: the sentences partition the tokens) */
    size_t words = d->nwords, quoted = d->nquoted_words;
    slant_buf_puts(b, "{\"article\":");
    slant_buf_json_string(b, it->article->id, strlen(it->article->id));
    slant_buf_puts(b, ",\"source\":");
    slant_buf_json_string(b, it->article->source, strlen(it->article->source));
    put_count(b, ",\"sentences\":", d->nsents);
    put_count(b, ",\"quotes\":", d->nquotes);
    put_count(b, ",\"speakers\":", d->nspeakers);
    put_count(b, ",\"words\":", words);
    put_count(b, ",\"quoted_words\":", quoted);
    slant_buf_append(b, "}\n", 2);
}

static void emit_sentences(slant_buf *b, const slant_ingest_item *it, const slant_doc *d) {
    const slant_article *a = it->article;
    for (size_t i = 0; i < d->nsents; i++) {
        const slant_sentence *s = &d->sents[i];
        size_t words = slant_count_words(d, s->tok_begin, s->tok_end);
        size_t quoted = slant_sentence_quoted_words(d, s);
        int32_t sp = quoted ? slant_sentence_speaker(d, s) : -1;
        const char *speaker = slant_speaker_name(d, sp);
        slant_buf_puts(b, "{\"id\":\"");
        slant_buf_json_escape(b, a->id, strlen(a->id));
        slant_buf_printf(b, "-%zu\",\"article\":", i + 1);
        slant_buf_json_string(b, a->id, strlen(a->id));
        slant_buf_puts(b, ",\"source\":");
        slant_buf_json_string(b, a->source, strlen(a->source));
        slant_buf_printf(b, ",\"start\":%u,\"end\":%u,\"text\":", s->start, s->end);
        slant_buf_json_string(b, d->text + s->start, s->end - s->start);
        slant_buf_printf(b, ",\"voice\":\"%s\",\"speaker\":", quoted * 2 > words ? "quote" : "outlet");
        if (speaker) slant_buf_json_string(b, speaker, strlen(speaker));
        else slant_buf_puts(b, "null");
        slant_buf_printf(b, ",\"words\":%zu,\"quoted_words\":%zu,\"paragraph\":%u}\n", words, quoted,
                         s->paragraph);
    }
}

int cmd_sentences(int argc, char **argv) {
    slant_ingest_opts opts = {0, 0, NULL};
    int nin = 0, options_done = 0, counts = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (!options_done && a[0] == '-' && a[1] != '\0') {
            if (strcmp(a, "--lenient") == 0) opts.lenient = 1;
            else if (strcmp(a, "--no-clean") == 0) opts.no_clean = 1;
            else if (strcmp(a, "--count") == 0) counts = 1;
            else return cli_usage_error("sentences", "unknown option '%s'", a);
        } else {
            argv[1 + nin++] = argv[i]; /* inputs, compacted in place */
        }
    }
    if (nin == 0) return cli_usage_error("sentences", "give at least one CORPUS or FILE");

    slant_error err;
    slant_error_clear(&err);
    slant_ingest *in;
    if (slant_ingest_open(argv + 1, (size_t)nin, &opts, &in, &err) != 0) return cli_fail(&err);
    slant_doc doc;
    slant_doc_init(&doc);
    slant_buf out;
    slant_buf_init(&out);
    slant_ingest_item it;
    int rc, status = SLANT_EXIT_OK;
    while ((rc = slant_ingest_next(in, &it, &err)) == 1) {
        if (it.replaced)
            fprintf(stderr, "slant: %s: replaced %zu invalid byte sequence%s with U+FFFD\n",
                    it.article->id, it.replaced, it.replaced == 1 ? "" : "s");
        if (slant_doc_analyze(&doc, it.text, it.len, &err) != 0) {
            rc = -1;
            break;
        }
        slant_quotes_find(&doc);
        slant_buf_clear(&out);
        if (counts) emit_counts(&out, &it, &doc);
        else emit_sentences(&out, &it, &doc);
        if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
            slant_error_set(&err, "<stdout>", 0, 0, -1, "write failed");
            rc = -1;
            break;
        }
    }
    if (rc < 0) status = cli_fail(&err);
    if (fflush(stdout) != 0 && status == SLANT_EXIT_OK) {
        slant_error_set(&err, "<stdout>", 0, 0, -1, "write failed");
        status = cli_fail(&err);
    }
    slant_buf_free(&out);
    slant_doc_free(&doc);
    slant_ingest_free(in);
    return status;
}
