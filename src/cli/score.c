/*
 * score.c - `slant score`: per-sentence or per-article scores as JSON Lines
 * (schema in docs/score-schema.md, "v": 1 on every object), one object per
 * input line with --lines, or a mergeable partial aggregate with --partial.
 *
 * JSON Lines are written by hand into a reused buffer rather than through
 * jansson: this is the hot output path of the map step.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "slant/ingest.h"
#include "slant/pipeline.h"
#include "slant/runner.h"

#define SCORE_SCHEMA 1

static void put_str(slant_buf *b, const char *s) {
    if (!s) {
        slant_buf_puts(b, "null");
        return;
    }
    slant_buf_json_string(b, s, strlen(s));
}

static void put_num(slant_buf *b, double v) { slant_buf_put_g6(b, v == 0 ? 0.0 : v); }

static void put_rules(slant_buf *b, uint16_t rules) {
    slant_buf_putc(b, '[');
    int first = 1;
    for (int i = 0; i < SLANT_RULE_BITS; i++)
        if (rules & (1u << i)) {
            if (!first) slant_buf_putc(b, ',');
            put_str(b, slant_rule_name(i));
            first = 0;
        }
    slant_buf_putc(b, ']');
}

static const char *suffix(const char *name) {
    const char *dot = strchr(name, '.');
    return dot ? dot + 1 : name;
}

/* hits and mentions of sentence scores [from, to) */
static void put_hits(slant_buf *b, const slant_lexset *set, const slant_pipeline *p, size_t from, size_t to) {
    const slant_doc *d = &p->doc;
    const slant_doc_scores *sc = &p->scores;
    slant_buf_puts(b, ",\"hits\":[");
    int first = 1;
    for (size_t s = from; s < to; s++)
        for (uint32_t h = sc->sents[s].hit_begin; h < sc->sents[s].hit_end; h++) {
            const slant_hit *hit = &sc->hits[h];
            if (hit->family == SLANT_FAM_RULE) continue;
            const slant_entry *e = slant_lexset_entry(set, hit->entry);
            if (!first) slant_buf_putc(b, ',');
            first = 0;
            slant_buf_printf(b, "{\"start\":%u,\"end\":%u,\"text\":", d->toks[hit->tok_begin].start,
                             d->toks[hit->tok_end - 1].end);
            slant_buf_putc(b, '"');
            slant_buf_json_escape(b, d->text + d->toks[hit->tok_begin].start,
                                  d->toks[hit->tok_end - 1].end - d->toks[hit->tok_begin].start);
            slant_buf_puts(b, "\",\"category\":");
            put_str(b, slant_lexset_category(set, hit->category)->name);
            slant_buf_puts(b, ",\"entry\":");
            put_str(b, e->term);
            slant_buf_puts(b, ",\"voice\":");
            put_str(b, hit->voice ? "quote" : "outlet");
            slant_buf_puts(b, ",\"weight\":");
            put_num(b, hit->weight);
            slant_buf_puts(b, ",\"value\":");
            put_num(b, hit->value);
            slant_buf_puts(b, ",\"rules\":");
            put_rules(b, hit->rules);
            if (e->side) {
                slant_buf_puts(b, ",\"side\":");
                put_str(b, e->side);
            }
            slant_buf_putc(b, '}');
        }
    slant_buf_puts(b, "],\"mentions\":[");
    first = 1;
    for (size_t s = from; s < to; s++)
        for (uint32_t m = sc->sents[s].mention_begin; m < sc->sents[s].mention_end; m++) {
            const slant_mention *mn = &sc->mentions[m];
            if (!first) slant_buf_putc(b, ',');
            first = 0;
            slant_buf_printf(b, "{\"start\":%u,\"end\":%u,\"target\":", d->toks[mn->tok_begin].start,
                             d->toks[mn->tok_end - 1].end);
            put_str(b, suffix(slant_lexset_category(set, mn->category)->name));
            slant_buf_puts(b, ",\"voice\":");
            put_str(b, mn->voice ? "quote" : "outlet");
            slant_buf_puts(b, ",\"stance\":");
            put_num(b, mn->stance);
            slant_buf_puts(b, ",\"rules\":");
            put_rules(b, mn->rules);
            slant_buf_putc(b, '}');
        }
    slant_buf_putc(b, ']');
}

static void put_sentences(slant_buf *b, const slant_lexset *set, const slant_article *a,
                          const slant_pipeline *p) {
    const slant_doc *d = &p->doc;
    for (size_t i = 0; i < p->scores.nsents; i++) {
        const slant_sentence_score *ss = &p->scores.sents[i];
        const slant_sentence *s = &d->sents[ss->sentence];
        slant_buf_printf(b, "{\"v\":%d,\"id\":", SCORE_SCHEMA);
        slant_buf_putc(b, '"');
        slant_buf_json_escape(b, a->id, strlen(a->id));
        slant_buf_printf(b, "-%zu\",\"article\":", i + 1);
        put_str(b, a->id);
        slant_buf_puts(b, ",\"source\":");
        put_str(b, a->source);
        slant_buf_printf(b, ",\"start\":%u,\"end\":%u,\"text\":\"", s->start, s->end);
        slant_buf_json_escape(b, d->text + s->start, s->end - s->start);
        slant_buf_puts(b, "\",\"voice\":");
        put_str(b, ss->voice ? "quote" : "outlet");
        slant_buf_puts(b, ",\"speaker\":");
        put_str(b, slant_speaker_name(d, ss->speaker));
        slant_buf_printf(b, ",\"words\":%u,\"words_quoted\":%u,\"tone\":", ss->words, ss->words_quoted);
        put_num(b, ss->tone);
        slant_buf_puts(b, ",\"tone_outlet\":");
        if (ss->words_voice[0]) put_num(b, ss->tone_voice[0]);
        else slant_buf_puts(b, "null");
        slant_buf_puts(b, ",\"tone_quoted\":");
        if (ss->words_voice[1]) put_num(b, ss->tone_voice[1]);
        else slant_buf_puts(b, "null");
        put_hits(b, set, p, i, i + 1);
        slant_buf_puts(b, "}\n");
    }
}

static void put_article(slant_buf *b, const slant_lexset *set, const slant_article *a,
                        const slant_pipeline *p, uint32_t *counts) {
    const slant_doc_scores *sc = &p->scores;
    size_t ncat = slant_lexset_category_count(set);
    memset(counts, 0, 2 * ncat * sizeof *counts);
    double words[2] = {0, 0}, tone_sum[2] = {0, 0};
    size_t tone_n[2] = {0, 0};
    for (size_t i = 0; i < sc->nsents; i++)
        for (int v = 0; v < 2; v++)
            if (sc->sents[i].words_voice[v]) {
                words[v] += sc->sents[i].words_voice[v];
                tone_sum[v] += sc->sents[i].tone_voice[v];
                tone_n[v]++;
            }
    for (size_t h = 0; h < sc->nhits; h++) counts[sc->hits[h].category * 2 + sc->hits[h].voice]++;
    slant_buf_printf(b, "{\"v\":%d,\"article\":", SCORE_SCHEMA);
    put_str(b, a->id);
    slant_buf_puts(b, ",\"source\":");
    put_str(b, a->source);
    slant_buf_puts(b, ",\"story\":");
    put_str(b, a->story);
    slant_buf_printf(b, ",\"sentences\":%zu,\"words\":{\"outlet\":%.0f,\"quoted\":%.0f},\"quote_share\":",
                     sc->nsents, words[0], words[1]);
    if (words[0] + words[1] > 0) put_num(b, words[1] / (words[0] + words[1]));
    else slant_buf_puts(b, "null");
    static const char *const vname[2] = {"outlet", "quoted"};
    slant_buf_puts(b, ",\"tone\":{");
    for (int v = 0; v < 2; v++) {
        slant_buf_printf(b, "%s\"%s\":", v ? "," : "", vname[v]);
        if (tone_n[v]) put_num(b, tone_sum[v] / (double)tone_n[v]);
        else slant_buf_puts(b, "null");
    }
    slant_buf_puts(b, "},\"counts\":{");
    for (int v = 0; v < 2; v++) {
        slant_buf_printf(b, "%s\"%s\":{", v ? "," : "", vname[v]);
        int first = 1;
        for (size_t c = 0; c < ncat; c++) {
            if (!counts[c * 2 + v]) continue;
            slant_buf_printf(b, "%s", first ? "" : ",");
            put_str(b, slant_lexset_category(set, c)->name);
            slant_buf_printf(b, ":%u", counts[c * 2 + v]);
            first = 0;
        }
        slant_buf_putc(b, '}');
    }
    slant_buf_puts(b, "},\"per_1000\":{");
    for (int v = 0; v < 2; v++) {
        slant_buf_printf(b, "%s\"%s\":{", v ? "," : "", vname[v]);
        int first = 1;
        for (size_t c = 0; c < ncat && words[v] > 0; c++) {
            if (!counts[c * 2 + v]) continue;
            slant_buf_printf(b, "%s", first ? "" : ",");
            put_str(b, slant_lexset_category(set, c)->name);
            slant_buf_putc(b, ':');
            put_num(b, 1000.0 * counts[c * 2 + v] / words[v]);
            first = 0;
        }
        slant_buf_putc(b, '}');
    }
    /* speakers with words quoted */
    slant_buf_puts(b, "},\"speakers\":[");
    const slant_doc *d = &p->doc;
    int first = 1;
    for (size_t s = 0; s < d->nspeakers; s++) {
        size_t w = 0, q = 0;
        for (size_t k = 0; k < d->nquotes; k++)
            if (d->quotes[k].speaker == (int32_t)s)
                q++, w += slant_count_words(d, d->quotes[k].tok_begin, d->quotes[k].tok_end);
        if (!q) continue;
        slant_buf_printf(b, "%s{\"name\":", first ? "" : ",");
        put_str(b, slant_speaker_name(d, (int32_t)s));
        slant_buf_printf(b, ",\"words\":%zu,\"quotes\":%zu}", w, q);
        first = 0;
    }
    /* stance per target: mean and n over mentions */
    slant_buf_puts(b, "],\"stance\":{");
    first = 1;
    for (size_t c = 0; c < ncat; c++) {
        const slant_category *k = slant_lexset_category(set, c);
        if (k->family != SLANT_FAM_TARGET) continue;
        double sum = 0;
        size_t n = 0;
        for (size_t m = 0; m < sc->nmentions; m++)
            if (sc->mentions[m].category == c) sum += sc->mentions[m].stance, n++;
        if (!n) continue;
        slant_buf_printf(b, "%s", first ? "" : ",");
        put_str(b, suffix(k->name));
        slant_buf_puts(b, ":{\"mean\":");
        put_num(b, sum / (double)n);
        slant_buf_printf(b, ",\"n\":%zu}", n);
        first = 0;
    }
    slant_buf_puts(b, "}}\n");
}

static int flush_out(slant_buf *b, FILE *f, const char *name, slant_error *err) {
    if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
        return slant_error_set(err, name, 0, 0, -1, "write failed (disk full or closed pipe?)");
    slant_buf_clear(b);
    return 0;
}

/* --lines: every input line is one text, scored without cleaning. */
static int score_lines(char **inputs, size_t ninputs, const slant_lexset *set, const slant_scorer *sc,
                       int lenient, FILE *out, const char *outname, slant_error *err) {
    slant_pipeline p;
    slant_pipeline_opts po = {lenient, 1};
    slant_pipeline_init(&p, sc, NULL, &po);
    slant_buf line, ob;
    slant_buf_init(&line);
    slant_buf_init(&ob);
    int rc = 0;
    unsigned long long lineno = 0;
    char chunk[1 << 16];
    for (size_t k = 0; k < ninputs && rc == 0; k++) {
        const char *name = inputs[k];
        FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
        if (!f) {
            rc = slant_error_set(err, name, 0, 0, -1, "cannot open");
            break;
        }
        unsigned long long fline = 0;
        int eof = 0;
        while (!eof && rc == 0) {
            slant_buf_clear(&line);
            /* read one line of any length */
            for (;;) {
                if (!fgets(chunk, sizeof chunk, f)) {
                    eof = 1;
                    break;
                }
                size_t n = strlen(chunk);
                slant_buf_append(&line, chunk, n);
                if (n && chunk[n - 1] == '\n') break;
            }
            if (eof && line.len == 0) break;
            fline++;
            lineno++;
            size_t n = line.len;
            while (n && (line.data[n - 1] == '\n' || line.data[n - 1] == '\r')) n--;
            char where[600];
            snprintf(where, sizeof where, "%s:%llu", name, fline);
            if (slant_pipeline_run_text(&p, where, NULL, line.data ? line.data : "", n, err) != 0) {
                rc = -1;
                break;
            }
            size_t words = 0;
            for (size_t s = 0; s < p.scores.nsents; s++) words += p.scores.sents[s].words;
            slant_buf_printf(&ob, "{\"v\":%d,\"line\":%llu,\"words\":%zu,\"tone\":", SCORE_SCHEMA, lineno, words);
            put_num(&ob, slant_scores_text_tone(&p.scores));
            put_hits(&ob, set, &p, 0, p.scores.nsents);
            slant_buf_puts(&ob, "}\n");
            if (ob.len > (1 << 20) && flush_out(&ob, out, outname, err) != 0) rc = -1;
        }
        if (ferror(f)) rc = slant_error_set(err, name, 0, 0, -1, "read error");
        if (f != stdin) fclose(f);
    }
    if (rc == 0) rc = flush_out(&ob, out, outname, err);
    slant_buf_free(&line);
    slant_buf_free(&ob);
    slant_pipeline_free(&p);
    return rc;
}

static int score_stream(char **inputs, size_t ninputs, const slant_lexset *set, const slant_scorer *sc,
                        const char *rules_path, const slant_pipeline_opts *popts, int article_level,
                        FILE *out, const char *outname, slant_error *err) {
    slant_ingest_opts io = {popts->lenient, popts->no_clean, rules_path};
    slant_ingest *in;
    if (slant_ingest_open(inputs, ninputs, &io, &in, err) != 0) return -1;
    slant_pipeline p;
    slant_pipeline_opts po = {0, 1};
    slant_pipeline_init(&p, sc, NULL, &po);
    slant_buf ob;
    slant_buf_init(&ob);
    uint32_t *counts = slant_xcalloc(2 * slant_lexset_category_count(set) + 2, sizeof *counts);
    slant_ingest_item item;
    int r, rc = 0;
    while ((r = slant_ingest_next(in, &item, err)) == 1) {
        const char *name = item.article->path ? item.article->path : item.article->id;
        if (slant_pipeline_score_clean(&p, name, item.text, item.len, err) != 0) {
            rc = -1;
            break;
        }
        if (article_level) put_article(&ob, set, item.article, &p, counts);
        else put_sentences(&ob, set, item.article, &p);
        if (ob.len > (1 << 20) && flush_out(&ob, out, outname, err) != 0) {
            rc = -1;
            break;
        }
    }
    if (r < 0) rc = -1;
    if (rc == 0) rc = flush_out(&ob, out, outname, err);
    free(counts);
    slant_buf_free(&ob);
    slant_pipeline_free(&p);
    slant_ingest_free(in);
    return rc;
}

int cmd_score(int argc, char **argv) {
    cli_lexicons lex = {0};
    slant_run_opts ro = {0};
    const char *out = NULL, *rules_path = NULL, *level = "sentence";
    int partial = 0, lines = 0, quiet = 0;
    unsigned long long v;
    char **inputs = slant_xmalloc((size_t)argc * sizeof *inputs);
    size_t ninputs = 0;
    int rc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        int r = cli_lexicons_option(&lex, "score", argc, argv, &i);
        if (r < 0) goto usage;
        if (r > 0) continue;
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (!val) { cli_usage_error("score", "%s needs a file", a); goto usage; }
            out = argv[++i];
        } else if (strcmp(a, "--level") == 0) {
            if (!val || (strcmp(val, "sentence") && strcmp(val, "article"))) {
                cli_usage_error("score", "--level must be sentence or article");
                goto usage;
            }
            level = argv[++i];
        } else if (strcmp(a, "--rules") == 0) {
            if (!val) { cli_usage_error("score", "--rules needs a file"); goto usage; }
            rules_path = argv[++i];
        } else if (strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0) {
            if (cli_parse_count("score", a, val, &v)) goto usage;
            ro.threads = (int)(v > 256 ? 256 : v);
            i++;
        } else if (strcmp(a, "--partial") == 0) {
            partial = 1;
        } else if (strcmp(a, "--lines") == 0) {
            lines = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            quiet = 1;
        } else if (strcmp(a, "--lenient") == 0) {
            ro.pipeline.lenient = 1;
        } else if (strcmp(a, "--no-clean") == 0) {
            ro.pipeline.no_clean = 1;
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_usage_error("score", "unknown option '%s'", a);
            goto usage;
        } else {
            inputs[ninputs++] = argv[i];
        }
    }
    if (ninputs == 0) {
        cli_usage_error("score", "no input given (a corpus, files, or - for stdin)");
        goto usage;
    }
    if (partial && lines) {
        cli_usage_error("score", "--partial and --lines cannot be combined");
        goto usage;
    }
    ro.progress = partial && !quiet && isatty(2);

    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set;
    if (cli_lexicons_load(&lex, inputs[0], &set, &err) != 0) {
        free(inputs);
        return cli_fail(&err);
    }
    slant_scorer *sc = slant_scorer_new(set, &err);
    if (!sc) {
        slant_lexset_free(set);
        free(inputs);
        return cli_fail(&err);
    }
    /* Output: stdout, or a temporary file renamed into place on success. */
    const char *outname = out && strcmp(out, "-") != 0 ? out : "<stdout>";
    char *tmp = NULL;
    FILE *f = stdout;
    if (out && strcmp(out, "-") != 0) {
        size_t n = strlen(out) + 32;
        tmp = slant_xmalloc(n);
        snprintf(tmp, n, "%s.tmp.%ld", out, (long)getpid());
        f = fopen(tmp, "wb");
        if (f) slant_temp_on_signal(tmp); /* an interrupted run leaves no half-written file */
        if (!f) {
            slant_error_set(&err, out, 0, 0, -1, "cannot write here: %s; choose another -o FILE",
                            strerror(errno));
            rc = -1;
            goto done;
        }
    }
    if (partial) {
        slant_agg *agg = slant_agg_new(set);
        slant_agg_spill(agg); /* a partial is written, not analysed: memory stays bounded */
        ro.spill = 1;
        slant_clean_rules *rules = NULL;
        rc = slant_run_inputs(inputs, ninputs, rules_path, sc, &ro, agg, &rules, &err);
        if (rc == 0) rc = slant_agg_write(agg, f, outname, &err);
        slant_clean_rules_free(rules);
        slant_agg_free(agg);
    } else if (lines) {
        rc = score_lines(inputs, ninputs, set, sc, ro.pipeline.lenient, f, outname, &err);
    } else {
        rc = score_stream(inputs, ninputs, set, sc, rules_path, &ro.pipeline, strcmp(level, "article") == 0, f,
                          outname, &err);
    }
    if (tmp) {
        if (fclose(f) != 0 && rc == 0) rc = slant_error_set(&err, out, 0, 0, -1, "write failed (disk full?)");
        if (rc == 0 && rename(tmp, out) != 0) rc = slant_error_set(&err, out, 0, 0, -1, "cannot rename into place");
        if (rc != 0) remove(tmp);
        slant_temp_on_signal(NULL);
    } else if (fflush(stdout) != 0 && rc == 0) {
        rc = slant_error_set(&err, "<stdout>", 0, 0, -1, "write failed");
    }
done:
    free(tmp);
    slant_scorer_free(sc);
    slant_lexset_free(set);
    free(inputs);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
usage:
    free(inputs);
    return SLANT_EXIT_USAGE;
}
