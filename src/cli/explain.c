/*
 * explain.c - `slant explain`: a text in the terminal with every scored word
 * coloured by category and each sentence's score broken down (which words,
 * which weights, which rules changed them, stance cues per target).
 *
 * Input is read and cleaned by the shared ingest iterator: a plain text
 * file, or a corpus (folder, manifest, JSON Lines) with --article ID (the
 * first article when no ID is given). Colour only
 * when stdout is a terminal and NO_COLOR is unset (https://no-color.org);
 * otherwise hits are marked in plain text as [word]{category}.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "slant/ingest.h"
#include "slant/lexicon.h"
#include "slant/quote.h"
#include "slant/score.h"
#include "slant/text.h"

#define ANSI_RESET "\x1b[0m"

/* Colour per family; tone splits by sign. */
static const char *family_colour(int family, double value) {
    switch (family) {
    case SLANT_FAM_TONE: return value < 0 ? "\x1b[31m" : value > 0 ? "\x1b[32m" : "\x1b[2m";
    case SLANT_FAM_LOADED: return "\x1b[1;35m";
    case SLANT_FAM_HEDGE: return "\x1b[33m";
    case SLANT_FAM_BOOSTER: return "\x1b[1;33m";
    case SLANT_FAM_ATTRIB: return "\x1b[34m";
    case SLANT_FAM_FRAME: return "\x1b[4m";
    case SLANT_FAM_TARGET: return "\x1b[1;36m";
    case SLANT_FAM_NAMING: return "\x1b[7m";
    case SLANT_FAM_ACT: return "\x1b[1;34m";
    default: return "";
    }
}

/* Which family shows when several cover one word: the rarer, the stronger. */
static int family_rank(int family) {
    static const int rank[SLANT_FAM_COUNT] = {
        [SLANT_FAM_LOADED] = 9, [SLANT_FAM_TARGET] = 8, [SLANT_FAM_NAMING] = 7,
        [SLANT_FAM_ACT] = 6,    [SLANT_FAM_TONE] = 5,   [SLANT_FAM_HEDGE] = 4,
        [SLANT_FAM_BOOSTER] = 4, [SLANT_FAM_ATTRIB] = 3, [SLANT_FAM_FRAME] = 2};
    return family >= 0 && family < SLANT_FAM_COUNT ? rank[family] : 0;
}

static void print_rules(uint16_t rules) {
    int first = 1;
    for (int b = 0; b < SLANT_RULE_BITS; b++) {
        if (!(rules & (1u << b))) continue;
        printf("%s%s", first ? " [" : ", ", slant_rule_name(b));
        first = 0;
    }
    if (!first) putchar(']');
}

static void print_span(const slant_doc *d, uint32_t tb, uint32_t te) {
    if (tb >= te) return;
    fwrite(d->text + d->toks[tb].start, 1, d->toks[te - 1].end - d->toks[tb].start, stdout);
}

static void explain_doc(const slant_lexset *set, const slant_doc *d, const slant_doc_scores *sc,
                        int colour) {
    size_t cap = 0;
    int32_t *best = NULL; /* per token of the sentence: hit index shown, -1 none */
    for (size_t si = 0; si < sc->nsents; si++) {
        const slant_sentence_score *ss = &sc->sents[si];
        const slant_sentence *s = &d->sents[ss->sentence];
        size_t n = s->tok_end - s->tok_begin;
        if (n > cap) {
            cap = n;
            best = slant_xrealloc(best, cap * sizeof *best);
        }
        for (size_t i = 0; i < n; i++) best[i] = -1;
        for (uint32_t h = ss->hit_begin; h < ss->hit_end; h++) {
            const slant_hit *hit = &sc->hits[h];
            for (uint32_t t = hit->tok_begin; t < hit->tok_end; t++) {
                int32_t *b = &best[t - s->tok_begin];
                if (hit->family == SLANT_FAM_TONE && hit->weight == 0.0) continue; /* neutralised */
                if (*b < 0 || family_rank(hit->family) > family_rank(sc->hits[*b].family)) *b = (int32_t)h;
            }
        }
        const char *speaker = slant_speaker_name(d, ss->speaker);
        printf("[%u] %s%s%s  tone %+.3f = squash(%+.3f) (outlet %+.3f, quoted %+.3f)  words %u, "
               "quoted %u\n",
               ss->sentence + 1, ss->voice == SLANT_VOICE_QUOTE ? "quote" : "outlet",
               speaker ? " by " : "", speaker ? speaker : "", ss->tone, ss->tone_raw,
               ss->tone_voice[SLANT_VOICE_OUTLET], ss->tone_voice[SLANT_VOICE_QUOTE], ss->words,
               ss->words_quoted);
        /* the sentence with its hits marked */
        fputs("    ", stdout);
        size_t pos = s->start;
        for (size_t t = s->tok_begin; t < s->tok_end; t++) {
            const slant_token *tok = &d->toks[t];
            int32_t h = best[t - s->tok_begin];
            int starts = h >= 0 && (t == s->tok_begin || best[t - 1 - s->tok_begin] != h);
            int ends = h >= 0 && (t + 1 == s->tok_end || best[t + 1 - s->tok_begin] != h);
            if (tok->start > pos) fwrite(d->text + pos, 1, tok->start - pos, stdout);
            const slant_hit *hit = h >= 0 ? &sc->hits[h] : NULL;
            if (starts) fputs(colour ? family_colour(hit->family, hit->value) : "[", stdout);
            fwrite(d->text + tok->start, 1, tok->end - tok->start, stdout);
            if (ends) {
                if (colour) fputs(ANSI_RESET, stdout);
                else printf("]{%s}", slant_family_name(hit->family));
            }
            pos = tok->end;
        }
        putchar('\n');
        /* the breakdown */
        for (uint32_t h = ss->hit_begin; h < ss->hit_end; h++) {
            const slant_hit *hit = &sc->hits[h];
            const slant_category *cat = slant_lexset_category(set, hit->category);
            printf("    %-18s ", cat ? cat->name : "?");
            if (colour) fputs(family_colour(hit->family, hit->value), stdout);
            print_span(d, hit->tok_begin, hit->tok_end);
            if (colour) fputs(ANSI_RESET, stdout);
            printf("  weight %g", hit->weight);
            if (hit->family == SLANT_FAM_TONE)
                printf(" -> %+.4f (VADER units %+.3f)", hit->value, hit->value * 4.0);
            if (hit->voice == SLANT_VOICE_QUOTE) fputs(" (quoted)", stdout);
            print_rules(hit->rules);
            putchar('\n');
        }
        for (uint32_t m = ss->mention_begin; m < ss->mention_end; m++) {
            const slant_mention *mn = &sc->mentions[m];
            const slant_category *cat = slant_lexset_category(set, mn->category);
            printf("    stance toward %s (", cat ? cat->label : "?");
            print_span(d, mn->tok_begin, mn->tok_end);
            printf("): %+.3f%s", mn->stance,
                   mn->stance > -SLANT_NEUTRAL_BAND && mn->stance < SLANT_NEUTRAL_BAND ? " neutral" : "");
            print_rules(mn->rules);
            putchar('\n');
        }
    }
    free(best);
}

int cmd_explain(int argc, char **argv) {
    const char *path = NULL, *article = NULL;
    cli_lexicons lex = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int lr = cli_lexicons_option(&lex, "explain", argc, argv, &i);
        if (lr < 0) return SLANT_EXIT_USAGE;
        if (lr > 0) continue;
        if (strcmp(a, "--article") == 0) {
            if (i + 1 >= argc) return cli_usage_error("explain", "%s needs a value", a);
            article = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("explain", "unknown option '%s'", a);
        } else if (!path) {
            path = a;
        } else {
            return cli_usage_error("explain", "one FILE only ('%s' is extra)", a);
        }
    }
    if (!path) return cli_usage_error("explain", "FILE is required");
    const char *nc = getenv("NO_COLOR");
    int colour = isatty(STDOUT_FILENO) && !(nc && nc[0]);

    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set = NULL;
    if (cli_lexicons_load(&lex, path, &set, &err) != 0) return cli_fail(&err);
    int rc = 0;
    slant_scorer *sc = slant_scorer_new(set, &err);
    if (!sc) {
        slant_lexset_free(set);
        return cli_fail(&err);
    }
    /* the same reading and cleaning as every other command */
    slant_ingest_opts iopts = {0};
    slant_ingest *in = NULL;
    slant_ingest_item item;
    const char *text = NULL;
    size_t len = 0;
    char *args[1] = {(char *)path};
    rc = slant_ingest_open(args, 1, &iopts, &in, &err);
    int found = 0;
    while (rc == 0 && !found) {
        int r = slant_ingest_next(in, &item, &err);
        if (r < 0) rc = -1;
        else if (r == 0) break;
        else if (!article || strcmp(item.article->id, article) == 0) found = 1;
    }
    if (rc == 0 && !found)
        rc = slant_error_set(&err, path, 0, 0, -1,
                             article ? "no article with id '%s' (see the manifest's ids)"
                                     : "no article to explain%s",
                             article ? article : "");
    if (rc == 0) {
        text = item.text;
        len = item.len;
        printf("article %s (source %s)\n", item.article->id, item.article->source);
    }
    slant_doc doc;
    slant_doc_scores scores;
    slant_doc_init(&doc);
    slant_doc_scores_init(&scores);
    if (rc == 0) rc = slant_doc_analyze(&doc, text, len, &err);
    if (rc == 0) {
        slant_quotes_find(&doc);
        slant_score_doc(sc, &doc, &scores);
        explain_doc(set, &doc, &scores, colour);
        printf("text tone %+.3f over %zu sentences\n", slant_scores_text_tone(&scores), scores.nsents);
    }
    slant_doc_scores_free(&scores);
    slant_doc_free(&doc);
    slant_ingest_free(in);
    slant_scorer_free(sc);
    slant_lexset_free(set);
    if (rc != 0) return cli_fail(&err);
    if (fflush(stdout) != 0) {
        slant_error_set(&err, NULL, 0, 0, -1, "cannot write to standard output");
        return cli_fail(&err);
    }
    return SLANT_EXIT_OK;
}
