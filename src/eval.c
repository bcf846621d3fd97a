/*
 * eval.c - slant's scores against labelled data (tone, stance, loaded).
 *
 * Each gold item is scored exactly as `slant score` would score it (text ->
 * tokens -> quotes -> matches -> scorer), so an evaluation measures the
 * shipped pipeline, not a special path. Metrics are pure functions over
 * arrays and counts so the tests can check them on hand-worked numbers.
 * Correlations use GSL; the Pearson interval is a percentile bootstrap over
 * items with a fixed seed (mt19937), so output is reproducible.
 */
#include "slant/eval.h"

#include <ctype.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "slant/quote.h"
#include "slant/text.h"

int slant_eval_class_of(double x, double band) {
    if (x <= -band) return SLANT_EVAL_NEG;
    if (x >= band) return SLANT_EVAL_POS;
    return SLANT_EVAL_NEU;
}

slant_prf slant_eval_prf(size_t tp, size_t fp, size_t fn) {
    slant_prf r = {0, 0, 0, tp + fn};
    if (tp + fp) r.precision = (double)tp / (double)(tp + fp);
    if (tp + fn) r.recall = (double)tp / (double)(tp + fn);
    if (r.precision + r.recall > 0) r.f1 = 2 * r.precision * r.recall / (r.precision + r.recall);
    return r;
}

void slant_eval_confusion_metrics(const slant_confusion3 *c, slant_prf cls[3], double *macro_f1,
                                  double *accuracy) {
    size_t total = 0, correct = 0;
    double f1sum = 0;
    for (int k = 0; k < 3; k++) {
        size_t tp = c->m[k][k], fp = 0, fn = 0;
        for (int j = 0; j < 3; j++) {
            if (j == k) continue;
            fp += c->m[j][k];
            fn += c->m[k][j];
        }
        cls[k] = slant_eval_prf(tp, fp, fn);
        f1sum += cls[k].f1;
        correct += tp;
        for (int j = 0; j < 3; j++) total += c->m[k][j];
    }
    if (macro_f1) *macro_f1 = f1sum / 3.0;
    if (accuracy) *accuracy = total ? (double)correct / (double)total : 0.0;
}

static double pearson(const double *a, const double *b, size_t n) {
    if (n < 2) return 0.0;
    double r = gsl_stats_correlation(a, 1, b, 1, n);
    return isfinite(r) ? r : 0.0;
}

void slant_eval_tone_metrics(const double *pred, const double *gold, size_t n, size_t nboot,
                             uint64_t seed, slant_eval_tone *out) {
    memset(out, 0, sizeof *out);
    out->n = n;
    out->seed = seed;
    out->bootstrap = nboot;
    for (size_t i = 0; i < n; i++)
        out->confusion.m[slant_eval_class_of(gold[i], SLANT_NEUTRAL_BAND)]
                        [slant_eval_class_of(pred[i], SLANT_NEUTRAL_BAND)]++;
    slant_eval_confusion_metrics(&out->confusion, out->cls, &out->f1_3class, &out->accuracy);
    if (n < 2) return;
    out->pearson_r = pearson(pred, gold, n);
    double *work = slant_xmalloc(2 * n * sizeof *work);
    double rho = gsl_stats_spearman(pred, 1, gold, 1, n, work);
    out->spearman_r = isfinite(rho) ? rho : 0.0;
    free(work);
    out->pearson_ci_low = out->pearson_ci_high = out->pearson_r;
    if (nboot == 0) return;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, (unsigned long)seed);
    double *ra = slant_xmalloc(n * sizeof *ra), *rb = slant_xmalloc(n * sizeof *rb);
    double *rs = slant_xmalloc(nboot * sizeof *rs);
    for (size_t b = 0; b < nboot; b++) {
        for (size_t i = 0; i < n; i++) {
            size_t j = (size_t)gsl_rng_uniform_int(rng, (unsigned long)n);
            ra[i] = pred[j];
            rb[i] = gold[j];
        }
        rs[b] = pearson(ra, rb, n);
    }
    gsl_sort(rs, 1, nboot);
    out->pearson_ci_low = gsl_stats_quantile_from_sorted_data(rs, 1, nboot, 0.025);
    out->pearson_ci_high = gsl_stats_quantile_from_sorted_data(rs, 1, nboot, 0.975);
    free(ra);
    free(rb);
    free(rs);
    gsl_rng_free(rng);
}

size_t slant_utf8_cp_to_byte(const char *s, size_t n, size_t cp) {
    size_t i = 0;
    while (i < n && cp > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        cp--;
    }
    return i;
}

/* One reusable pipeline for scoring gold texts. */
typedef struct evaluator {
    const slant_scorer *sc;
    slant_doc doc;
    slant_doc_scores scores;
    slant_buf clean; /* sanitized copy when the text is not valid UTF-8 */
} evaluator;

static void evaluator_init(evaluator *ev, const slant_scorer *sc) {
    ev->sc = sc;
    slant_doc_init(&ev->doc);
    slant_doc_scores_init(&ev->scores);
    slant_buf_init(&ev->clean);
}

static void evaluator_free(evaluator *ev) {
    slant_doc_free(&ev->doc);
    slant_doc_scores_free(&ev->scores);
    slant_buf_free(&ev->clean);
}

/* Score text; returns the text actually used (sanitized when needed, so
 * offsets of valid text are unchanged). */
static const char *evaluator_score(evaluator *ev, const char *text, size_t len, slant_error *err) {
    size_t bad;
    if (slant_utf8_validate(text, len, &bad) != 0) {
        slant_buf_clear(&ev->clean);
        slant_utf8_sanitize(text, len, &ev->clean);
        text = ev->clean.data;
        len = ev->clean.len;
    }
    if (slant_doc_analyze(&ev->doc, text, len, err) != 0) return NULL;
    slant_quotes_find(&ev->doc);
    slant_score_doc(ev->sc, &ev->doc, &ev->scores);
    return text;
}

/* Iterate the lines of a buffer: returns 1 with [*p, *e) the line. */
static int next_line(const char *buf, size_t len, size_t *pos, const char **p, size_t *n) {
    if (*pos >= len) return 0;
    const char *s = buf + *pos;
    const char *nl = memchr(s, '\n', len - *pos);
    size_t l = nl ? (size_t)(nl - s) : len - *pos;
    *pos += l + (nl ? 1 : 0);
    if (l && s[l - 1] == '\r') l--;
    *p = s;
    *n = l;
    return 1;
}

int slant_eval_tone_file(const slant_scorer *sc, const char *path, uint64_t seed,
                         slant_eval_tone *out, slant_error *err) {
    slant_buf file;
    slant_buf_init(&file);
    if (slant_read_file(path, &file, 0, err) != 0) {
        slant_buf_free(&file);
        return -1;
    }
    size_t cap = 1024, n = 0;
    double *pred = slant_xmalloc(cap * sizeof *pred), *gold = slant_xmalloc(cap * sizeof *gold);
    evaluator ev;
    evaluator_init(&ev, sc);
    size_t pos = 0;
    long lineno = 0;
    const char *line;
    size_t ll;
    int rc = 0;
    while (next_line(file.data, file.len, &pos, &line, &ll)) {
        lineno++;
        if (ll == 0) continue;
        const char *t1 = memchr(line, '\t', ll);
        const char *t2 = t1 ? memchr(t1 + 1, '\t', ll - (size_t)(t1 + 1 - line)) : NULL;
        if (!t2) {
            rc = slant_error_set(err, path, lineno, 1, -1,
                                 "expected 'id<TAB>mean rating<TAB>text' (3 tab-separated fields)");
            break;
        }
        double rating;
        if (slant_parse_finite(t1 + 1, (size_t)(t2 - t1 - 1), &rating) != 0) {
            /* a header row is allowed on the first line */
            if (lineno == 1) continue;
            rc = slant_error_set(err, path, lineno, (long)(t1 + 2 - line), -1,
                                 "the mean rating is not a finite number");
            break;
        }
        const char *text = t2 + 1;
        size_t tl = ll - (size_t)(text - line);
        if (!evaluator_score(&ev, text, tl, err)) {
            err->line = lineno;
            snprintf(err->file, sizeof err->file, "%s", path);
            rc = -1;
            break;
        }
        if (n == cap) {
            cap *= 2;
            pred = slant_xrealloc(pred, cap * sizeof *pred);
            gold = slant_xrealloc(gold, cap * sizeof *gold);
        }
        pred[n] = slant_scores_text_tone(&ev.scores);
        gold[n] = rating / 4.0; /* -4..4 -> -1..1, so one neutral band serves both */
        n++;
    }
    if (rc == 0 && n == 0) rc = slant_error_set(err, path, 0, 0, -1, "no gold items in the file");
    if (rc == 0) slant_eval_tone_metrics(pred, gold, n, SLANT_EVAL_BOOTSTRAP, seed, out);
    evaluator_free(&ev);
    free(pred);
    free(gold);
    slant_buf_free(&file);
    return rc;
}

/* Class of a NewsMTSC polarity (2 neg, 4 neu, 6 pos; also -1/0/1). */
static int gold_polarity_class(double p, int *ok) {
    *ok = 1;
    if (p == 2.0 || p == -1.0) return SLANT_EVAL_NEG;
    if (p == 4.0 || p == 0.0) return SLANT_EVAL_NEU;
    if (p == 6.0 || p == 1.0) return SLANT_EVAL_POS;
    *ok = 0;
    return SLANT_EVAL_NEU;
}

/* Stance toward the characters [from, to) of the scored text (code point
 * offsets, as NewsMTSC gives them); -1 when no token covers them. */
static int span_stance(const slant_scorer *sc, evaluator *ev, const char *text, size_t len,
                       size_t from, size_t to, double *out) {
    size_t bf = slant_utf8_cp_to_byte(text, len, from);
    size_t bt = slant_utf8_cp_to_byte(text, len, to);
    const slant_doc *d = &ev->doc;
    size_t tb = SIZE_MAX, te = 0;
    for (size_t k = 0; k < d->ntoks; k++) {
        if (d->toks[k].start < bt && bf < d->toks[k].end) {
            if (tb == SIZE_MAX) tb = k;
            te = k + 1;
        }
    }
    if (tb == SIZE_MAX) return -1;
    size_t si = 0;
    for (size_t k = 0; k < d->nsents; k++)
        if (d->sents[k].tok_begin <= tb && tb < d->sents[k].tok_end) si = k;
    uint16_t rules;
    *out = slant_stance_toward(sc, d, &ev->scores, si, tb, te, &rules);
    return 0;
}

int slant_eval_stance_file(const slant_scorer *sc, const char *path, slant_eval_stance *out,
                           slant_error *err) {
    memset(out, 0, sizeof *out);
    slant_buf file;
    slant_buf_init(&file);
    if (slant_read_file(path, &file, 0, err) != 0) {
        slant_buf_free(&file);
        return -1;
    }
    evaluator ev;
    evaluator_init(&ev, sc);
    size_t pos = 0;
    long lineno = 0;
    const char *line;
    size_t ll;
    int rc = 0;
    while (rc == 0 && next_line(file.data, file.len, &pos, &line, &ll)) {
        lineno++;
        if (ll == 0) continue;
        json_error_t jerr;
        json_t *obj = json_loadb(line, ll, 0, &jerr);
        if (!obj || !json_is_object(obj)) {
            rc = slant_error_set(err, path, lineno, obj ? 1 : jerr.column, -1,
                                 "not a JSON object%s%s", obj ? "" : ": ", obj ? "" : jerr.text);
            json_decref(obj);
            break;
        }
        json_t *sent = json_object_get(obj, "sentence_normalized");
        if (!json_is_string(sent)) sent = json_object_get(obj, "sentence");
        json_t *targets = json_object_get(obj, "targets");
        if (!json_is_string(sent) || !json_is_array(targets)) {
            rc = slant_error_set(err, path, lineno, 1, -1,
                                 "expected \"sentence_normalized\" (string) and \"targets\" (array)");
            json_decref(obj);
            break;
        }
        const char *text = json_string_value(sent);
        size_t tl = json_string_length(sent);
        const char *used = evaluator_score(&ev, text, tl, err);
        if (!used) {
            rc = -1;
            json_decref(obj);
            break;
        }
        size_t idx;
        json_t *tg;
        json_array_foreach(targets, idx, tg) {
            json_t *jf = json_object_get(tg, "from"), *jt = json_object_get(tg, "to"),
                   *jp = json_object_get(tg, "polarity");
            int ok = 0;
            int gc = json_is_number(jp) ? gold_polarity_class(json_number_value(jp), &ok) : 0;
            if (!json_is_integer(jf) || !json_is_integer(jt) || !ok ||
                json_integer_value(jf) < 0 || json_integer_value(jt) < json_integer_value(jf)) {
                rc = slant_error_set(err, path, lineno, 1, -1,
                                     "target %zu needs integer \"from\" <= \"to\" and \"polarity\" "
                                     "2, 4 or 6",
                                     idx + 1);
                break;
            }
            /* The target's mention and the further mentions the annotators
             * linked to it (pronouns, repeated names): the stance toward the
             * target is the mean over all of them, as a reader takes in every
             * reference to the target, not only the first. */
            double sum = 0;
            size_t nm = 0;
            json_t *further = json_object_get(tg, "further_mentions");
            for (size_t m = 0; m <= json_array_size(further); m++) {
                json_t *mf = m == 0 ? jf : json_object_get(json_array_get(further, m - 1), "from");
                json_t *mt = m == 0 ? jt : json_object_get(json_array_get(further, m - 1), "to");
                if (!json_is_integer(mf) || !json_is_integer(mt) || json_integer_value(mf) < 0 ||
                    json_integer_value(mt) < json_integer_value(mf))
                    continue;
                double st;
                if (span_stance(sc, &ev, used, tl, (size_t)json_integer_value(mf),
                                (size_t)json_integer_value(mt), &st) == 0) {
                    sum += st;
                    nm++;
                }
            }
            int pc = SLANT_EVAL_NEU;
            if (nm == 0) out->skipped++;
            else pc = slant_eval_class_of(sum / (double)nm, SLANT_NEUTRAL_BAND);
            out->confusion.m[gc][pc]++;
            out->n++;
        }
        json_decref(obj);
    }
    if (rc == 0 && out->n == 0) rc = slant_error_set(err, path, 0, 0, -1, "no targets in the file");
    if (rc == 0) slant_eval_confusion_metrics(&out->confusion, out->cls, &out->macro_f1, &out->accuracy);
    evaluator_free(&ev);
    slant_buf_free(&file);
    return rc;
}

/* Distinct folded words, trimmed of surrounding punctuation, as a list of
 * NUL-terminated strings in buf (small per sentence: linear search). */
typedef struct wordset {
    slant_buf buf;
    size_t *offs;
    size_t n, cap;
} wordset;

static void wordset_clear(wordset *w) {
    slant_buf_clear(&w->buf);
    w->n = 0;
}

static int wordset_has(const wordset *w, const char *s, size_t n) {
    for (size_t i = 0; i < w->n; i++) {
        const char *x = w->buf.data + w->offs[i];
        if (strlen(x) == n && memcmp(x, s, n) == 0) return 1;
    }
    return 0;
}

static void wordset_add(wordset *w, const char *s, size_t n) {
    while (n && ispunct((unsigned char)s[0]) && s[0] != '\'') s++, n--;
    while (n && ispunct((unsigned char)s[n - 1])) n--;
    if (n == 0 || wordset_has(w, s, n)) return;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->offs = slant_xrealloc(w->offs, w->cap * sizeof *w->offs);
    }
    w->offs[w->n++] = w->buf.len;
    slant_buf_append(&w->buf, s, n);
    slant_buf_putc(&w->buf, '\0');
}

/* 1 biased, 0 not, -1 unusable (e.g. "No agreement"). */
static int label_value(json_t *l) {
    if (json_is_boolean(l)) return json_is_true(l);
    if (json_is_integer(l)) return json_integer_value(l) != 0;
    if (!json_is_string(l)) return -1;
    const char *s = json_string_value(l);
    static const char *const yes[] = {"biased", "bias", "1", "true", "yes"};
    static const char *const no[] = {"non-biased", "not biased", "unbiased", "non biased", "0",
                                     "false", "no"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcasecmp(s, yes[i]) == 0) return 1;
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcasecmp(s, no[i]) == 0) return 0;
    return -1;
}

int slant_eval_loaded_file(const slant_scorer *sc, const char *path, slant_eval_loaded *out,
                           slant_error *err) {
    memset(out, 0, sizeof *out);
    slant_buf file, folded;
    slant_buf_init(&file);
    slant_buf_init(&folded);
    if (slant_read_file(path, &file, 0, err) != 0) {
        slant_buf_free(&file);
        return -1;
    }
    wordset pred = {0}, gold = {0};
    slant_buf_init(&pred.buf);
    slant_buf_init(&gold.buf);
    evaluator ev;
    evaluator_init(&ev, sc);
    size_t pos = 0;
    long lineno = 0;
    const char *line;
    size_t ll;
    int rc = 0;
    while (rc == 0 && next_line(file.data, file.len, &pos, &line, &ll)) {
        lineno++;
        if (ll == 0) continue;
        json_error_t jerr;
        json_t *obj = json_loadb(line, ll, 0, &jerr);
        json_t *text = obj ? json_object_get(obj, "text") : NULL;
        json_t *bw = obj ? json_object_get(obj, "biased_words") : NULL;
        if (!json_is_string(text) || (bw && !json_is_array(bw))) {
            rc = slant_error_set(err, path, lineno, obj ? 1 : jerr.column, -1,
                                 "expected a JSON object with \"text\" (string) and "
                                 "\"biased_words\" (array of strings)");
            json_decref(obj);
            break;
        }
        if (!evaluator_score(&ev, json_string_value(text), json_string_length(text), err)) {
            rc = -1;
            json_decref(obj);
            break;
        }
        wordset_clear(&pred);
        wordset_clear(&gold);
        const slant_doc *d = &ev.doc;
        size_t nloaded = 0;
        for (size_t i = 0; i < ev.scores.nhits; i++) {
            const slant_hit *h = &ev.scores.hits[i];
            if (h->family != SLANT_FAM_LOADED) continue;
            nloaded++;
            for (uint32_t k = h->tok_begin; k < h->tok_end; k++) {
                const slant_token *t = &d->toks[k];
                if (t->kind != SLANT_TOK_WORD) continue;
                wordset_add(&pred, slant_tok_norm(d, t), t->norm_len);
            }
        }
        size_t gi;
        json_t *g;
        json_array_foreach(bw, gi, g) {
            if (!json_is_string(g)) continue;
            slant_buf_clear(&folded);
            slant_fold(json_string_value(g), json_string_length(g), &folded);
            /* a marked phrase counts word by word */
            const char *s = folded.data ? folded.data : "";
            size_t n = folded.len, a = 0;
            for (size_t k = 0; k <= n; k++) {
                if (k == n || s[k] == ' ') {
                    if (k > a) wordset_add(&gold, s + a, k - a);
                    a = k + 1;
                }
            }
        }
        size_t tp = 0;
        for (size_t i = 0; i < pred.n; i++) {
            const char *x = pred.buf.data + pred.offs[i];
            if (wordset_has(&gold, x, strlen(x))) tp++;
        }
        out->tp += tp;
        out->fp += pred.n - tp;
        out->fn += gold.n - tp;
        out->n++;
        int lab = label_value(json_object_get(obj, "label"));
        if (lab >= 0) {
            int p = nloaded > 0;
            out->labelled++;
            if (p && lab) out->stp++;
            else if (p && !lab) out->sfp++;
            else if (!p && lab) out->sfn++;
            else out->stn++;
        }
        json_decref(obj);
    }
    if (rc == 0 && out->n == 0) rc = slant_error_set(err, path, 0, 0, -1, "no sentences in the file");
    out->words = slant_eval_prf(out->tp, out->fp, out->fn);
    out->sentences = slant_eval_prf(out->stp, out->sfp, out->sfn);
    evaluator_free(&ev);
    slant_buf_free(&pred.buf);
    slant_buf_free(&gold.buf);
    free(pred.offs);
    free(gold.offs);
    slant_buf_free(&folded);
    slant_buf_free(&file);
    return rc;
}

/* ---- JSON ---- */

static json_t *num(double x) { return isfinite(x) ? json_real(round(x * 1e6) / 1e6) : json_null(); }

static json_t *prf_json(const slant_prf *p) {
    json_t *o = json_object();
    json_object_set_new(o, "precision", num(p->precision));
    json_object_set_new(o, "recall", num(p->recall));
    json_object_set_new(o, "f1", num(p->f1));
    json_object_set_new(o, "support", json_integer((json_int_t)p->support));
    return o;
}

static const char *const class_names[3] = {"negative", "neutral", "positive"};

static json_t *classes_json(const slant_prf cls[3], const slant_confusion3 *c) {
    json_t *o = json_object();
    json_t *per = json_object();
    for (int k = 0; k < 3; k++) json_object_set_new(per, class_names[k], prf_json(&cls[k]));
    json_object_set_new(o, "per_class", per);
    json_t *cm = json_object();
    json_object_set_new(cm, "rows", json_string("gold"));
    json_object_set_new(cm, "columns", json_string("predicted"));
    json_t *labels = json_array();
    json_t *m = json_array();
    for (int g = 0; g < 3; g++) {
        json_array_append_new(labels, json_string(class_names[g]));
        json_t *row = json_array();
        for (int p = 0; p < 3; p++) json_array_append_new(row, json_integer((json_int_t)c->m[g][p]));
        json_array_append_new(m, row);
    }
    json_object_set_new(cm, "labels", labels);
    json_object_set_new(cm, "matrix", m);
    json_object_set_new(o, "confusion", cm);
    return o;
}

json_t *slant_eval_tone_json(const slant_eval_tone *r) {
    json_t *o = json_object();
    json_object_set_new(o, "task", json_string("tone"));
    json_object_set_new(o, "n", json_integer((json_int_t)r->n));
    json_object_set_new(o, "pearson_r", num(r->pearson_r));
    json_t *ci = json_array();
    json_array_append_new(ci, num(r->pearson_ci_low));
    json_array_append_new(ci, num(r->pearson_ci_high));
    json_object_set_new(o, "pearson_ci", ci);
    json_object_set_new(o, "bootstrap", json_integer((json_int_t)r->bootstrap));
    json_object_set_new(o, "seed", json_integer((json_int_t)r->seed));
    json_object_set_new(o, "spearman_r", num(r->spearman_r));
    json_object_set_new(o, "f1_3class", num(r->f1_3class));
    json_object_set_new(o, "accuracy", num(r->accuracy));
    json_object_set_new(o, "neutral_band", num(SLANT_NEUTRAL_BAND));
    json_t *c = classes_json(r->cls, &r->confusion);
    json_object_update(o, c);
    json_decref(c);
    return o;
}

json_t *slant_eval_stance_json(const slant_eval_stance *r) {
    json_t *o = json_object();
    json_object_set_new(o, "task", json_string("stance"));
    json_object_set_new(o, "n", json_integer((json_int_t)r->n));
    json_object_set_new(o, "skipped", json_integer((json_int_t)r->skipped));
    json_object_set_new(o, "macro_f1", num(r->macro_f1));
    json_object_set_new(o, "accuracy", num(r->accuracy));
    json_object_set_new(o, "neutral_band", num(SLANT_NEUTRAL_BAND));
    json_t *c = classes_json(r->cls, &r->confusion);
    json_object_update(o, c);
    json_decref(c);
    return o;
}

json_t *slant_eval_loaded_json(const slant_eval_loaded *r) {
    json_t *o = json_object();
    json_object_set_new(o, "task", json_string("loaded"));
    json_object_set_new(o, "n", json_integer((json_int_t)r->n));
    json_object_set_new(o, "precision", num(r->words.precision));
    json_object_set_new(o, "recall", num(r->words.recall));
    json_object_set_new(o, "f1", num(r->words.f1));
    json_object_set_new(o, "tp", json_integer((json_int_t)r->tp));
    json_object_set_new(o, "fp", json_integer((json_int_t)r->fp));
    json_object_set_new(o, "fn", json_integer((json_int_t)r->fn));
    if (r->labelled) {
        json_t *s = prf_json(&r->sentences);
        json_object_set_new(s, "n", json_integer((json_int_t)r->labelled));
        json_object_set_new(o, "sentence", s);
    } else {
        json_object_set_new(o, "sentence", json_null());
    }
    return o;
}
