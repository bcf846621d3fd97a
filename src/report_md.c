/*
 * report_md.c - report.md, the report a person reads on a code-hosting site:
 * plain-language summary sentences first (only differences that hold after
 * Holm adjustment), the method's warnings, then the tables, then caveats.
 *
 * Undefined values print as "n/a" with a numbered note holding the model's
 * `reason`; distinct reasons share one note so a table with many small
 * samples does not repeat the same sentence in every cell.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "slant/report.h"

typedef struct {
    slant_buf *b;
    const json_t *m; /* all but the lists read through v */
    rview *v;
    const char **notes;
    size_t nnotes, cap;
} mdctx;

static size_t note_ref(mdctx *c, const char *reason) {
    for (size_t i = 0; i < c->nnotes; i++)
        if (strcmp(c->notes[i], reason) == 0) return i + 1;
    if (c->nnotes == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        c->notes = slant_xrealloc(c->notes, c->cap * sizeof *c->notes);
    }
    c->notes[c->nnotes++] = reason;
    return c->nnotes;
}

static void put_note(mdctx *c, const json_t *obj) {
    const char *reason = rj_str(obj, "reason");
    if (reason) slant_buf_printf(c->b, " [%zu]", note_ref(c, reason));
}

/* "−0.61 [−0.86, −0.37]" for a MEAN or RATE object; key = "mean" or "per_1000". */
static void stat_cell(mdctx *c, const json_t *s, const char *key, int decimals) {
    double v, lo, hi;
    if (!rj_num(s, key, &v)) {
        slant_buf_puts(c->b, "n/a");
    } else {
        rfmt_fixed(c->b, v, decimals, 1);
        if (rj_num(s, "ci_low", &lo) && rj_num(s, "ci_high", &hi)) {
            slant_buf_puts(c->b, " [");
            rfmt_fixed(c->b, lo, decimals, 1);
            slant_buf_puts(c->b, ", ");
            rfmt_fixed(c->b, hi, decimals, 1);
            slant_buf_puts(c->b, "]");
        }
    }
    put_note(c, s);
}

static void put_int(slant_buf *b, long long v) { rfmt_int(b, v); }

static void header_row(slant_buf *b, const char *const *cols) {
    size_t n = 0;
    slant_buf_puts(b, "|");
    for (; cols[n]; n++) slant_buf_printf(b, " %s |", cols[n]);
    slant_buf_puts(b, "\n|");
    for (size_t i = 0; i < n; i++) slant_buf_puts(b, i ? " ---: |" : " --- |");
    slant_buf_puts(b, "\n");
}

static void md_intro(mdctx *c) {
    const json_t *corpus = rj_get(c->m, "corpus");
    const json_t *method = rj_get(c->m, "method");
    const char *name = rj_str(corpus, "name");
    slant_buf_puts(c->b, "# slant report");
    if (name) {
        slant_buf_puts(c->b, ": ");
        rmd_cell(c->b, name);
    }
    slant_buf_puts(c->b, "\n\n");
    put_int(c->b, rj_int(corpus, "articles"));
    slant_buf_puts(c->b, " articles, ");
    put_int(c->b, rj_int(corpus, "sentences"));
    slant_buf_puts(c->b, " sentences and ");
    put_int(c->b, rj_int(corpus, "words"));
    slant_buf_puts(c->b, " words from ");
    put_int(c->b, rj_int(corpus, "sources"));
    slant_buf_puts(c->b, " sources covering ");
    put_int(c->b, rj_int(corpus, "stories"));
    slant_buf_printf(c->b, " stor%s. ", rj_int(corpus, "stories") == 1 ? "y" : "ies");
    const char *unit = rj_str(method, "unit");
    if (unit)
        slant_buf_printf(c->b, "Unit of analysis: the %s. Intervals are %g%% confidence intervals. ", unit,
                         rconf_percent(c->m));
    const json_t *gen = rj_get(c->m, "generator");
    slant_buf_printf(c->b, "Written by %s %s (report schema %s).\n\n", rj_str(gen, "name") ? rj_str(gen, "name") : "slant",
                     rj_str(gen, "version") ? rj_str(gen, "version") : "?", rj_str(c->m, "schema_version"));
    const json_t *warn = rj_get(method, "warnings");
    if (rj_len(warn)) {
        slant_buf_puts(c->b, "> **Read with care**\n>\n");
        for (size_t i = 0; i < rj_len(warn); i++) {
            const json_t *w = json_array_get(warn, i);
            if (!json_is_string(w)) continue;
            slant_buf_puts(c->b, "> - ");
            rmd_cell(c->b, json_string_value(w));
            slant_buf_puts(c->b, "\n");
        }
        slant_buf_puts(c->b, "\n");
    }
}

static void md_summary(mdctx *c) {
    slant_buf_puts(c->b, "## Summary\n\n");
    double alpha = 1 - rconf_percent(c->m) / 100;
    const json_t **sel;
    size_t n = rsummary_tests(c->m, &sel);
    slant_buf label;
    slant_buf_init(&label);
    const char *last = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *measure = rj_str(sel[i], "measure");
        if (!last || !measure || strcmp(last, measure) != 0) {
            slant_buf_clear(&label);
            rmeasure_label(&label, c->m, measure);
            if (label.len && label.data[0] >= 'a' && label.data[0] <= 'z') label.data[0] = (char)(label.data[0] - 32);
            slant_buf_puts(c->b, i ? "\n**" : "**");
            rmd_cell(c->b, label.data ? label.data : "");
            slant_buf_puts(c->b, "**\n\n");
            last = measure;
        }
        slant_buf_puts(c->b, "- ");
        slant_report_test_sentence(c->m, sel[i], c->b);
        slant_buf_puts(c->b, "\n");
    }
    slant_buf_free(&label);
    free(sel);
    if (!n)
        slant_buf_printf(c->b, "- No pairwise difference between sources is clear at the %g%% level after Holm adjustment.\n",
                         rconf_percent(c->m));
    slant_buf_puts(c->b, "\n**Frames**\n\n");
    const json_t *ft = rj_get(c->m, "frames_test");
    double chi2, df, p;
    if (rj_num(ft, "chi2", &chi2) && rj_num(ft, "p", &p)) {
        slant_buf_printf(c->b, "- The sources' use of frames %s (chi-square = ", p < alpha ? "differs" : "does not differ clearly");
        rfmt_num(c->b, chi2, 3);
        if (rj_num(ft, "df", &df)) {
            slant_buf_puts(c->b, ", df = ");
            rfmt_num(c->b, df, 3);
        }
        slant_buf_puts(c->b, ", p ");
        if (p >= 0.001) slant_buf_puts(c->b, "= ");
        rfmt_p(c->b, p);
        double v;
        if (rj_num(ft, "cramers_v", &v)) {
            slant_buf_puts(c->b, ", Cram\xc3\xa9r's V = ");
            rfmt_fixed(c->b, v, 2, 0);
        }
        slant_buf_puts(c->b, ").\n");
    }
    slant_buf_puts(c->b, "\n");
}

static void md_sources(mdctx *c) {
    static const char *const cols[] = {"Source", "Articles", "Words", "Quoted", "Tone, own voice", "Tone, quoted",
                                       "Loaded /1k, own voice", "Loaded /1k, quoted", "Hedges /1k",
                                       "Boosters /1k", "Loaded attribution /1k", NULL};
    slant_buf_puts(c->b, "## Sources\n\nTone is in [\xe2\x88\x92" "1, 1] (mean with its interval); rates are per 1,000 words of that voice with exact Poisson intervals; hedges, boosters and attribution verbs in the outlet's own voice.\n\n");
    header_row(c->b, cols);
    const json_t *srcs = rj_get(c->m, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        double qs;
        slant_buf_puts(c->b, "| ");
        rmd_cell(c->b, rj_str(s, "name"));
        slant_buf_puts(c->b, " | ");
        put_int(c->b, rj_int(s, "articles"));
        slant_buf_puts(c->b, " | ");
        put_int(c->b, rj_int(s, "words"));
        slant_buf_puts(c->b, " | ");
        if (rj_num(s, "quote_share", &qs)) {
            rfmt_fixed(c->b, qs * 100, 0, 0);
            slant_buf_puts(c->b, "%");
        } else {
            slant_buf_puts(c->b, "n/a");
        }
        slant_buf_puts(c->b, " | ");
        stat_cell(c, rj_get(rj_get(s, "tone"), "outlet"), "mean", 2);
        slant_buf_puts(c->b, " | ");
        stat_cell(c, rj_get(rj_get(s, "tone"), "quoted"), "mean", 2);
        slant_buf_puts(c->b, " | ");
        stat_cell(c, rj_get(rj_get(s, "loaded"), "outlet"), "per_1000", 1);
        slant_buf_puts(c->b, " | ");
        stat_cell(c, rj_get(rj_get(s, "loaded"), "quoted"), "per_1000", 1);
        slant_buf_puts(c->b, " | ");
        stat_cell(c, rj_get(rj_get(s, "hedge"), "outlet"), "per_1000", 1);
        slant_buf_puts(c->b, " | ");
        stat_cell(c, rj_get(rj_get(s, "booster"), "outlet"), "per_1000", 1);
        slant_buf_puts(c->b, " | ");
        stat_cell(c, rj_get(rj_get(s, "attrib_loaded"), "outlet"), "per_1000", 1);
        slant_buf_puts(c->b, " |\n");
    }
    slant_buf_puts(c->b, "\n");
}

/* Union of the keys of sources[i][field] over all sources, sorted. Caller frees. */
static char **union_keys(const json_t *m, const char *field, size_t *n) {
    const json_t *srcs = rj_get(m, "sources");
    char **out = NULL;
    size_t cnt = 0, cap = 0;
    for (size_t i = 0; i < rj_len(srcs); i++) {
        size_t nk;
        const char **keys = rj_sorted_keys(rj_get(json_array_get(srcs, i), field), &nk);
        for (size_t k = 0; k < nk; k++) {
            int seen = 0;
            for (size_t j = 0; j < cnt && !seen; j++) seen = strcmp(out[j], keys[k]) == 0;
            if (seen) continue;
            if (cnt == cap) {
                cap = cap ? cap * 2 : 8;
                out = slant_xrealloc(out, cap * sizeof *out);
            }
            out[cnt++] = (char *)keys[k];
        }
        free(keys);
    }
    for (size_t i = 1; i < cnt; i++)
        for (size_t j = i; j > 0 && strcmp(out[j - 1], out[j]) > 0; j--) {
            char *t = out[j];
            out[j] = out[j - 1], out[j - 1] = t;
        }
    *n = cnt;
    return out;
}

static const char *label_of(const json_t *m, const char *field, const char *key) {
    const json_t *srcs = rj_get(m, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const char *l = rj_str(rj_get(rj_get(json_array_get(srcs, i), field), key), "label");
        if (l) return l;
    }
    return key;
}

static void md_stance(mdctx *c) {
    size_t nt;
    char **targets = union_keys(c->m, "stance", &nt);
    if (!nt) {
        free(targets);
        return;
    }
    slant_buf_puts(c->b, "## Stance toward targets\n\nMean stance of the outlet's own sentences toward each target, in [\xe2\x88\x92" "1, 1], with its interval and n.\n\n| Source |");
    for (size_t t = 0; t < nt; t++) {
        slant_buf_puts(c->b, " ");
        rmd_cell(c->b, label_of(c->m, "stance", targets[t]));
        slant_buf_puts(c->b, " |");
    }
    slant_buf_puts(c->b, "\n| --- |");
    for (size_t t = 0; t < nt; t++) slant_buf_puts(c->b, " ---: |");
    slant_buf_puts(c->b, "\n");
    const json_t *srcs = rj_get(c->m, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        slant_buf_puts(c->b, "| ");
        rmd_cell(c->b, rj_str(s, "name"));
        slant_buf_puts(c->b, " |");
        for (size_t t = 0; t < nt; t++) {
            const json_t *o = rj_get(rj_get(rj_get(s, "stance"), targets[t]), "outlet");
            slant_buf_puts(c->b, " ");
            if (o) {
                stat_cell(c, o, "mean", 2);
                slant_buf_printf(c->b, " (n=%lld)", rj_int(o, "n"));
            } else {
                slant_buf_puts(c->b, "\xe2\x80\x94");
            }
            slant_buf_puts(c->b, " |");
        }
        slant_buf_puts(c->b, "\n");
    }
    slant_buf_puts(c->b, "\n");
    free(targets);
}

static void md_frames(mdctx *c) {
    size_t nf;
    char **frames = union_keys(c->m, "frames", &nf);
    if (!nf) {
        free(frames);
        return;
    }
    const json_t *resid = rj_get(rj_get(c->m, "frames_test"), "residuals");
    slant_buf_puts(c->b, "## Frames\n\nShare of each source's frame vocabulary per frame; in brackets the standardised residual of the chi-square test (beyond \xc2\xb1" "1.96: notably more or less than expected).\n\n| Source |");
    for (size_t f = 0; f < nf; f++) {
        slant_buf_puts(c->b, " ");
        rmd_cell(c->b, label_of(c->m, "frames", frames[f]));
        slant_buf_puts(c->b, " |");
    }
    slant_buf_puts(c->b, "\n| --- |");
    for (size_t f = 0; f < nf; f++) slant_buf_puts(c->b, " ---: |");
    slant_buf_puts(c->b, "\n");
    const json_t *srcs = rj_get(c->m, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        const char *name = rj_str(s, "name");
        slant_buf_puts(c->b, "| ");
        rmd_cell(c->b, name);
        slant_buf_puts(c->b, " |");
        for (size_t f = 0; f < nf; f++) {
            const json_t *e = rj_get(rj_get(s, "frames"), frames[f]);
            double share, r;
            slant_buf_puts(c->b, " ");
            if (rj_num(e, "share", &share)) {
                rfmt_fixed(c->b, share * 100, 0, 0);
                slant_buf_puts(c->b, "%");
            } else {
                slant_buf_puts(c->b, "n/a");
            }
            if (name && rj_num(rj_get(resid, name), frames[f], &r)) {
                int notable = r > 1.96 || r < -1.96;
                slant_buf_puts(c->b, notable ? " **(" : " (");
                if (r > 0) slant_buf_putc(c->b, '+');
                rfmt_fixed(c->b, r, 1, 1);
                slant_buf_puts(c->b, notable ? ")**" : ")");
            }
            slant_buf_puts(c->b, " |");
        }
        slant_buf_puts(c->b, "\n");
    }
    slant_buf_puts(c->b, "\n");
    free(frames);
}

static void md_naming(mdctx *c) {
    size_t nr;
    char **refs = union_keys(c->m, "naming", &nr);
    if (!nr) {
        free(refs);
        return;
    }
    slant_buf_puts(c->b, "## Naming choices\n\nWhich label each source uses for a contested referent (counts; the side a label belongs to in brackets).\n\n");
    const json_t *srcs = rj_get(c->m, "sources");
    for (size_t r = 0; r < nr; r++) {
        slant_buf_puts(c->b, "**");
        rmd_cell(c->b, label_of(c->m, "naming", refs[r]));
        slant_buf_puts(c->b, "**\n\n| Source |");
        /* one column per label any source uses, in order of first use */
        const json_t *labels[32];
        size_t nl = 0;
        for (size_t i = 0; i < rj_len(srcs); i++) {
            const json_t *ls = rj_get(rj_get(rj_get(json_array_get(srcs, i), "naming"), refs[r]), "labels");
            for (size_t k = 0; k < rj_len(ls); k++) {
                const json_t *e = json_array_get(ls, k);
                const char *l1 = rj_str(e, "label");
                int seen = 0;
                for (size_t x = 0; x < nl && !seen; x++) {
                    const char *l2 = rj_str(labels[x], "label");
                    seen = l1 && l2 && strcmp(l1, l2) == 0;
                }
                if (!seen && nl < 32) labels[nl++] = e;
            }
        }
        for (size_t l = 0; l < nl; l++) {
            const json_t *e = labels[l];
            slant_buf_puts(c->b, " ");
            rmd_cell(c->b, rj_str(e, "label"));
            if (rj_str(e, "side")) {
                slant_buf_puts(c->b, " (");
                rmd_cell(c->b, rj_str(e, "side"));
                slant_buf_puts(c->b, ")");
            }
            slant_buf_puts(c->b, " |");
        }
        slant_buf_puts(c->b, "\n| --- |");
        for (size_t l = 0; l < nl; l++) slant_buf_puts(c->b, " ---: |");
        slant_buf_puts(c->b, "\n");
        for (size_t i = 0; i < rj_len(srcs); i++) {
            const json_t *s = json_array_get(srcs, i);
            const json_t *mine = rj_get(rj_get(rj_get(s, "naming"), refs[r]), "labels");
            slant_buf_puts(c->b, "| ");
            rmd_cell(c->b, rj_str(s, "name"));
            slant_buf_puts(c->b, " |");
            for (size_t l = 0; l < nl; l++) {
                const char *want = rj_str(labels[l], "label");
                long long cnt = 0;
                for (size_t k = 0; k < rj_len(mine); k++) {
                    const json_t *e = json_array_get(mine, k);
                    const char *lab = rj_str(e, "label");
                    if (want && lab && strcmp(want, lab) == 0) cnt += rj_int(e, "count");
                }
                slant_buf_printf(c->b, " %lld |", cnt);
            }
            slant_buf_puts(c->b, "\n");
        }
        slant_buf_puts(c->b, "\n");
    }
    free(refs);
}

static void md_speakers(mdctx *c) {
    const json_t *srcs = rj_get(c->m, "sources");
    slant_buf_puts(c->b, "## Who is quoted\n\n| Source | Quoted share | Speakers (words quoted) |\n| --- | ---: | --- |\n");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const json_t *s = json_array_get(srcs, i);
        double qs;
        slant_buf_puts(c->b, "| ");
        rmd_cell(c->b, rj_str(s, "name"));
        slant_buf_puts(c->b, " | ");
        if (rj_num(s, "quote_share", &qs)) {
            rfmt_fixed(c->b, qs * 100, 0, 0);
            slant_buf_puts(c->b, "%");
        } else {
            slant_buf_puts(c->b, "n/a");
        }
        slant_buf_puts(c->b, " | ");
        const json_t *sp = rv_get(c->v, RL_SPEAKERS, i);
        if (!rj_len(sp)) slant_buf_puts(c->b, "\xe2\x80\x94");
        for (size_t k = 0; k < rj_len(sp) && k < 8; k++) {
            const json_t *e = json_array_get(sp, k);
            if (k) slant_buf_puts(c->b, "; ");
            const char *nm = rj_str(e, "name");
            rmd_cell(c->b, nm ? nm : "(unattributed)");
            slant_buf_puts(c->b, " (");
            slant_buf_put_i64(c->b, rj_int(e, "words"));
            slant_buf_putc(c->b, ')');
        }
        slant_buf_puts(c->b, " |\n");
    }
    slant_buf_puts(c->b, "\n");
}

static void md_tests(mdctx *c) {
    static const char *const cols[] = {"Measure", "Test", "A", "B", "Statistic", "p", "Holm p", "Effect",
                                       "Robust", "Top terms", NULL};
    const json_t *tests = rj_get(c->m, "tests");
    if (!rj_len(tests)) return;
    slant_buf_puts(c->b, "## Tests\n\nEvery comparison, with Holm-adjusted p within each measure. *Robust*: the difference survives dropping its top term; *fragile*: it rests on fewer than three distinct terms.\n\n");
    header_row(c->b, cols);
    for (size_t i = 0; i < rj_len(tests); i++) {
        const json_t *t = json_array_get(tests, i);
        const json_t *e = rj_get(t, "effect");
        double v, lo, hi;
        slant_buf_puts(c->b, "| ");
        rmd_cell(c->b, rj_str(t, "measure"));
        slant_buf_puts(c->b, " | ");
        rmd_cell(c->b, rj_str(t, "kind"));
        slant_buf_puts(c->b, " | ");
        rmd_cell(c->b, rj_str(t, "a") ? rj_str(t, "a") : "all");
        slant_buf_puts(c->b, " | ");
        rmd_cell(c->b, rj_str(t, "b") ? rj_str(t, "b") : "\xe2\x80\x94");
        slant_buf_puts(c->b, " | ");
        if (rj_num(t, "statistic", &v)) rfmt_num(c->b, v, 3);
        else slant_buf_puts(c->b, "n/a");
        slant_buf_puts(c->b, " | ");
        if (rj_num(t, "p", &v)) rfmt_p(c->b, v);
        else slant_buf_puts(c->b, "n/a");
        slant_buf_puts(c->b, " | ");
        if (rj_num(t, "p_adj", &v)) rfmt_p(c->b, v);
        else slant_buf_puts(c->b, "n/a");
        slant_buf_puts(c->b, " | ");
        rmd_cell(c->b, rj_str(e, "name"));
        if (rj_num(e, "value", &v)) {
            slant_buf_puts(c->b, " ");
            rfmt_num(c->b, v, 3);
            if (rj_num(e, "ci_low", &lo) && rj_num(e, "ci_high", &hi)) {
                slant_buf_puts(c->b, " [");
                rfmt_num(c->b, lo, 3);
                slant_buf_puts(c->b, ", ");
                rfmt_num(c->b, hi, 3);
                slant_buf_puts(c->b, "]");
            }
        } else {
            slant_buf_puts(c->b, " n/a");
        }
        put_note(c, t);
        slant_buf_puts(c->b, " | ");
        slant_buf_puts(c->b, rj_bool(t, "robust") ? "yes" : "no");
        if (rj_bool(t, "fragile")) slant_buf_puts(c->b, ", fragile");
        slant_buf_puts(c->b, " | ");
        const json_t *tt = rj_get(t, "top_terms");
        for (size_t k = 0; k < rj_len(tt) && k < 3; k++) {
            if (k) slant_buf_puts(c->b, ", ");
            rmd_cell(c->b, rj_str(json_array_get(tt, k), "term"));
        }
        slant_buf_puts(c->b, " |\n");
    }
    slant_buf_puts(c->b, "\n");
}

static void md_keyness(mdctx *c) {
    const json_t *kn = rj_get(c->m, "keyness");
    size_t nk;
    const char **keys = rj_sorted_keys(kn, &nk);
    if (nk) {
        slant_buf_puts(c->b, "## Distinctive vocabulary\n\nWords each source uses more than the others (log-likelihood G\xc2\xb2; log ratio = binary log of the relative frequencies).\n\n| Source | Term | Count | Others | G\xc2\xb2 | p | Log ratio |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (size_t k = 0; k < nk; k++) {
            const json_t *arr = json_object_get(kn, keys[k]);
            for (size_t j = 0; j < rj_len(arr) && j < 10; j++) {
                const json_t *e = json_array_get(arr, j);
                double v;
                slant_buf_puts(c->b, "| ");
                rmd_cell(c->b, keys[k]);
                slant_buf_puts(c->b, " | ");
                rmd_cell(c->b, rj_str(e, "term"));
                slant_buf_printf(c->b, " | %lld | %lld | ", rj_int(e, "count"), rj_int(e, "count_rest"));
                if (rj_num(e, "g2", &v)) rfmt_fixed(c->b, v, 2, 0);
                slant_buf_puts(c->b, " | ");
                if (rj_num(e, "p", &v)) rfmt_p(c->b, v);
                slant_buf_puts(c->b, " | ");
                if (rj_num(e, "log_ratio", &v)) rfmt_fixed(c->b, v, 2, 1);
                slant_buf_puts(c->b, " |\n");
            }
        }
        slant_buf_puts(c->b, "\n");
    }
    free(keys);
}

static void join_list(slant_buf *b, const json_t *arr) {
    for (size_t i = 0; i < rj_len(arr); i++) {
        const json_t *e = json_array_get(arr, i);
        if (!json_is_string(e)) continue;
        if (i) slant_buf_puts(b, ", ");
        rmd_cell(b, json_string_value(e));
    }
}

/* Per story: each source's own-voice figures side by side (no tests: a
 * source has one or two articles on a story). */
static void md_stories(mdctx *c, size_t lo, size_t hi) {
    size_t n = rv_len(c->v, RL_STORIES);
    if (hi > n) hi = n;
    if (lo == 0 && n)
        slant_buf_puts(c->b, "## By story\n\nEach source's own voice on each story: mean sentence tone and rates per 1,000 words. "
                             "One or two articles per cell: read as description, not as a test.\n\n");
    for (size_t i = lo; i < hi; i++) {
        rflush(c->b);
        const json_t *st = rv_get(c->v, RL_STORIES, i);
        const json_t *srcs = rj_get(st, "sources");
        slant_buf_puts(c->b, "**Story: ");
        rmd_cell(c->b, rj_str(st, "story"));
        slant_buf_puts(c->b, "**\n\n| Source | Articles | Words | Tone | Loaded /1k | Hedges /1k | Boosters /1k | Loaded attribution /1k |\n"
                             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        size_t nk;
        const char **keys = rj_sorted_keys(srcs, &nk);
        for (size_t k = 0; k < nk; k++) {
            const json_t *e = json_object_get(srcs, keys[k]);
            const json_t *rates = rj_get(e, "per_1000_outlet");
            double v;
            slant_buf_puts(c->b, "| ");
            rmd_cell(c->b, keys[k]);
            slant_buf_puts(c->b, " | ");
            rfmt_int(c->b, rj_int(e, "articles"));
            slant_buf_puts(c->b, " | ");
            rfmt_int(c->b, rj_int(e, "words_outlet"));
            slant_buf_puts(c->b, " | ");
            if (rj_num(e, "tone_outlet", &v)) rfmt_fixed(c->b, v, 2, 1);
            else slant_buf_puts(c->b, "n/a");
            static const char *const m[] = {"loaded", "hedge", "booster", "attrib_loaded"};
            for (int j = 0; j < 4; j++) {
                slant_buf_puts(c->b, " | ");
                if (rj_num(rates, m[j], &v)) rfmt_fixed(c->b, v, 1, 1);
                else slant_buf_puts(c->b, "n/a");
            }
            slant_buf_puts(c->b, " |\n");
        }
        free(keys);
        slant_buf_puts(c->b, "\n");
    }
}

void rmd_coverage_entry(slant_buf *b, const json_t *st) {
    const json_t *om = rj_get(st, "omissions");
    slant_buf_puts(b, "**Story: ");
    rmd_cell(b, rj_str(st, "story"));
    slant_buf_puts(b, "**\n\n| Source | Omits targets | Omits numbers | Omits speakers |\n| --- | --- | --- | --- |\n");
    size_t nk;
    const char **keys = rj_sorted_keys(om, &nk);
    for (size_t k = 0; k < nk; k++) {
        const json_t *e = json_object_get(om, keys[k]);
        slant_buf_puts(b, "| ");
        rmd_cell(b, keys[k]);
        slant_buf_puts(b, " | ");
        join_list(b, rj_get(e, "targets"));
        slant_buf_puts(b, " | ");
        join_list(b, rj_get(e, "numbers"));
        slant_buf_puts(b, " | ");
        join_list(b, rj_get(e, "speakers"));
        slant_buf_puts(b, " |\n");
    }
    free(keys);
    slant_buf_puts(b, "\n");
}

void rmd_coverage_heading(slant_buf *b) {
    slant_buf_puts(b, "## Same story, different coverage\n\nWhat other sources on the same story include and this one leaves out.\n\n");
}

static void md_coverage(mdctx *c) {
    size_t n = rv_len(c->v, RL_COVERAGE);
    if (n) rmd_coverage_heading(c->b);
    for (size_t i = 0; i < n; i++) {
        rflush(c->b);
        rmd_coverage_entry(c->b, rv_get_without(c->v, RL_COVERAGE, i, "sources")); /* not shown here */
    }
}

static void md_lexicons(mdctx *c) {
    const json_t *lx = rj_get(c->m, "lexicons");
    const json_t *layers = rj_get(lx, "layers");
    slant_buf_puts(c->b, "## Lexicons\n\n");
    if (rj_str(lx, "hash")) {
        slant_buf_puts(c->b, "Lexicon set hash `");
        rmd_cell(c->b, rj_str(lx, "hash"));
        slant_buf_puts(c->b, "`; later layers override earlier ones.\n\n");
    }
    if (rj_len(layers)) {
        slant_buf_puts(c->b, "| Layer | Version | Language | Source | Licence | Entries |\n| --- | --- | --- | --- | --- | ---: |\n");
        for (size_t i = 0; i < rj_len(layers); i++) {
            const json_t *l = json_array_get(layers, i);
            static const char *const f[] = {"name", "version", "language", "source", "license", NULL};
            slant_buf_puts(c->b, "|");
            for (const char *const *x = f; *x; x++) {
                slant_buf_puts(c->b, " ");
                rmd_cell(c->b, rj_str(l, *x));
                slant_buf_puts(c->b, " |");
            }
            slant_buf_puts(c->b, " ");
            put_int(c->b, rj_int(l, "entries"));
            slant_buf_puts(c->b, " |\n");
        }
        slant_buf_puts(c->b, "\n");
    }
}

static void md_caveats(mdctx *c) {
    const json_t *method = rj_get(c->m, "method");
    const char *unit = rj_str(method, "unit");
    slant_buf_puts(c->b, "## Caveats\n\n");
    if (unit && strcmp(unit, "sentence") == 0)
        slant_buf_puts(c->b, "- The unit of analysis is the sentence because sources have one article each; sentences of one article are not independent, so intervals and p-values are optimistic.\n");
    else
        slant_buf_puts(c->b, "- The unit of analysis is the article; sentence-level detail is in sentences.csv.\n");
    slant_buf_puts(c->b,
                   "- Lexicon methods count words, not meaning: sarcasm, irony, context and reported speech can reverse what a word seems to say.\n"
                   "- Quoted words are the speaker's, not the outlet's; the outlet still chooses whom to quote, which is why quoted voice is reported separately.\n"
                   "- A lexicon encodes its authors' judgement; check the lexicon versions above before comparing reports.\n"
                   "- With few articles per source, intervals are wide: a difference that is not significant is not evidence of no difference.\n");
    double seed;
    if (rj_num(method, "seed", &seed)) {
        slant_buf_puts(c->b, "- Bootstrap intervals use seed ");
        rfmt_num(c->b, seed, 15);
        double reps;
        if (rj_num(method, "bootstrap_replicates", &reps)) {
            slant_buf_puts(c->b, " with ");
            rfmt_num(c->b, reps, 15);
            slant_buf_puts(c->b, " replicates");
        }
        slant_buf_puts(c->b, "; the same input and options give the same report.\n");
    }
    slant_buf_puts(c->b, "\n");
}

int slant_report_render_md(const json_t *model, slant_buf *out, slant_error *err) {
    rsink s = {*out, NULL, 0}; /* the caller's buffer, handed back below */
    rview v;
    rview_model(&v, model);
    int rc = rrender_md(&v, &s, err);
    *out = s.b;
    return rc;
}

/* Before the lists that grow with the corpus. */
static void md_head(mdctx *c) {
    md_intro(c);
    md_summary(c);
    md_sources(c);
    md_stance(c);
    md_frames(c);
    md_naming(c);
    md_speakers(c);
    md_tests(c);
    md_keyness(c);
}

/* After them: the notes are those the head referred to. */
static void md_tail(mdctx *c) {
    md_lexicons(c);
    md_caveats(c);
    if (c->nnotes) {
        slant_buf_puts(c->b, "## Notes\n\n");
        for (size_t i = 0; i < c->nnotes; i++) {
            slant_buf_printf(c->b, "%zu. ", i + 1);
            rmd_cell(c->b, c->notes[i]);
            slant_buf_puts(c->b, "\n");
        }
        slant_buf_puts(c->b, "\n");
    }
    slant_buf_puts(c->b, "The full data: report.json (schema in docs/report-schema.md), CSV tables next to this file, and report.html with every scored word highlighted.\n");
}

int rrender_md(rview *v, rsink *sink, slant_error *err) {
    if (slant_report_check_model(v->m, err)) return -1;
    mdctx c = {&sink->b, v->m, v, NULL, 0, 0};
    md_head(&c);
    md_stories(&c, 0, SIZE_MAX);
    md_coverage(&c);
    md_tail(&c);
    free(c.notes);
    return 0;
}

int rrender_md_ends(rview *v, rsink *head, rsink *tail, slant_error *err) {
    if (slant_report_check_model(v->m, err)) return -1;
    mdctx c = {&head->b, v->m, v, NULL, 0, 0};
    md_head(&c);
    c.b = &tail->b;
    md_tail(&c);
    free(c.notes);
    return 0;
}

int rrender_md_stories(rview *v, size_t lo, size_t hi, rsink *sink, slant_error *err) {
    if (slant_report_check_model(v->m, err)) return -1;
    mdctx c = {&sink->b, v->m, v, NULL, 0, 0};
    md_stories(&c, lo, hi);
    return 0;
}
