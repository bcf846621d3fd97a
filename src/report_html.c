/*
 * report_html.c - report.html: one self-contained page a teacher can
 * project and a student can follow from a number to the words behind it.
 *
 * Design decisions:
 * - Self-contained and offline by construction: inline CSS, charts drawn
 *   here as SVG, no script at all (tooltips are SVG <title> and HTML title
 *   attributes, "jump to the sentence" is a plain anchor with :target
 *   styling), no fonts but the system's, and a Content-Security-Policy that
 *   forbids every fetch, so a browser could not load anything even if a
 *   text smuggled in a URL.
 * - Colour-blind-safe: the Okabe-Ito palette for categories, a
 *   vermillion-white-blue diverging scale for stance and residuals, and
 *   every colour also carried by a label, a legend or a number.
 * - Article text is rendered from byte offsets: each sentence is cut at
 *   every hit and mention boundary, and each piece is wrapped in the marks
 *   that cover it, so overlapping hits (a word that is both loaded and
 *   negative) never produce broken nesting.
 * - Everything user-supplied (titles, texts, names, terms) goes through
 *   rhtml_escape; nothing from the model is ever emitted raw.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "slant/report.h"

/* Okabe & Ito (2008), "Color Universal Design". */
static const char *const okabe_ito[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                        "#56B4E9", "#D55E00", "#F0E442", "#000000"};
#define N_OKABE 8
#define COL_OUTLET "#0072B2"
#define COL_QUOTED "#E69F00"
#define COL_NEUTRAL "#999999"

/* A sentence as the evidence shows it: its first 160 bytes (cut on a
 * character boundary), and whether it goes on. */
typedef struct {
    const char *text; /* NULL: no text (the id is shown instead) */
    size_t len;
    int more;
} snip;

/* One list of the evidence: the sentences of a source that mention a
 * stance target or hold a frame or naming hit. */
enum ev_kind { EV_STANCE, EV_FRAME, EV_NAMING };
#define EV_MAX 40
typedef struct {
    const char *id;
    double stance;
    int quoted;
} evhit;
typedef struct {
    size_t src;
    int kind;
    const char *key, *label, *src_name;
    evhit hits[EV_MAX];
    size_t n;
} evlist;

typedef struct {
    slant_buf *b;
    const json_t *m;
    const json_t *sources;
    size_t nsources;
    rview *v;
    /* Gathered while the articles are rendered, the one walk over them
     * (they are read from report.json one at a time), for the evidence
     * section that follows: */
    slant_strmap *sent_index; /* sentence id -> index into snips (first occurrence) */
    snip *snips;
    size_t nsnips, capsnips;
    evlist *ev;
    size_t nev;
    slant_arena *arena; /* snippet texts and evidence ids */
    slant_buf *sentences; /* sentences.csv written along the same walk, or NULL */
} hctx;

#define P(s) slant_buf_puts(c->b, s)
#define E(s) rhtml_puts(c->b, s)

static const char *source_name(const hctx *c, size_t i) {
    const char *n = rj_str(json_array_get(c->sources, i), "name");
    return n ? n : "?";
}

/* ---------- evidence gathered from the articles ---------- */

/* The evidence lists, in the order the evidence section shows them. */
static void evidence_lists(hctx *c) {
    static const char *const fields[] = {"stance", "frames", "naming"};
    size_t cap = 0;
    for (size_t i = 0; i < c->nsources; i++) {
        const json_t *s = json_array_get(c->sources, i);
        for (int k = 0; k < 3; k++) {
            const json_t *map = rj_get(s, fields[k]);
            size_t nk;
            const char **keys = rj_sorted_keys(map, &nk);
            for (size_t j = 0; j < nk; j++) {
                if (c->nev == cap) {
                    cap = cap ? cap * 2 : 16;
                    c->ev = slant_xrealloc(c->ev, cap * sizeof *c->ev);
                }
                evlist *e = &c->ev[c->nev++];
                e->src = i;
                e->kind = k;
                e->key = keys[j];
                e->label = rj_str(json_object_get(map, keys[j]), "label");
                e->src_name = source_name(c, i);
                e->n = 0;
            }
            free(keys);
        }
    }
}

/* Does sentence s hold e's target, frame or referent? *stance gets a
 * stance mention's value. */
static int evidence_match(const evlist *e, const json_t *s, double *stance) {
    const json_t *list = rj_get(s, e->kind == EV_STANCE ? "mentions" : "hits");
    size_t klen = strlen(e->key);
    for (size_t h = 0; h < rj_len(list); h++) {
        const json_t *x = json_array_get(list, h);
        if (e->kind == EV_STANCE) {
            const char *t = rj_str(x, "target");
            if (t && strcmp(t, e->key) == 0) {
                rj_num(x, "stance", stance);
                return 1;
            }
        } else {
            const char *cat = rj_str(x, "category");
            const char *pre = e->kind == EV_FRAME ? "frame." : "naming.";
            size_t pl = strlen(pre);
            const char *ref = rj_str(x, "referent");
            if ((cat && strncmp(cat, pre, pl) == 0 && strlen(cat) == pl + klen && memcmp(cat + pl, e->key, klen) == 0) ||
                (e->kind == EV_NAMING && ref && strcmp(ref, e->key) == 0))
                return 1;
        }
    }
    return 0;
}

/* An article: each sentence's snippet under its id (the first sentence with
 * an id owns it), and the sentences each evidence list of its source
 * takes, in article order, up to EV_MAX per list. */
static void evidence_gather(hctx *c, const json_t *a) {
    const json_t *sents = rj_get(a, "sentences");
    const json_t *tv = rj_get(a, "text");
    size_t tl = json_is_string(tv) ? json_string_length(tv) : 0;
    for (size_t j = 0; j < rj_len(sents); j++) {
        const json_t *s = json_array_get(sents, j);
        const char *id = rj_str(s, "id");
        if (!id) continue;
        size_t n = strlen(id);
        int inserted;
        slant_strmap_upsert(c->sent_index, id, n, slant_hash_bytes(id, n), (uint32_t)c->nsnips, &inserted);
        if (!inserted) continue; /* duplicate id: the first one owns the anchor */
        if (c->nsnips == c->capsnips) {
            c->capsnips = c->capsnips ? c->capsnips * 2 : 256;
            c->snips = slant_xrealloc(c->snips, c->capsnips * sizeof *c->snips);
        }
        snip *sn = &c->snips[c->nsnips++];
        double st, en;
        sn->text = NULL;
        if (!json_is_string(tv) || !rj_num(s, "start", &st) || !rj_num(s, "end", &en) || st < 0 || en < st ||
            en > (double)tl)
            continue;
        const char *t = json_string_value(tv) + (size_t)st;
        size_t len = (size_t)en - (size_t)st, cut = len;
        if (cut > 160) {
            cut = 160;
            while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80) cut--;
        }
        sn->text = slant_arena_strndup(c->arena, t, cut);
        sn->len = cut;
        sn->more = cut < len;
    }
    const char *as = rj_str(a, "source");
    if (!as) return;
    for (size_t q = 0; q < c->nev; q++) {
        evlist *e = &c->ev[q];
        if (e->n == EV_MAX || strcmp(as, e->src_name) != 0) continue;
        for (size_t j = 0; j < rj_len(sents) && e->n < EV_MAX; j++) {
            const json_t *s = json_array_get(sents, j);
            double stance = NAN;
            const char *id = rj_str(s, "id");
            if (!evidence_match(e, s, &stance) || !id) continue;
            const char *voice = rj_str(s, "voice");
            e->hits[e->n++] = (evhit){slant_arena_strndup(c->arena, id, strlen(id)), stance,
                                      voice && strcmp(voice, "quote") == 0};
        }
    }
}

/* ---------- small formatting helpers ---------- */

static void num_attr(hctx *c, double v) { rfmt_num(c->b, v, 6); }

static void fixed(hctx *c, double v, int d) { rfmt_fixed(c->b, v, d, 1); }

static void stat_text(hctx *c, const json_t *s, const char *key, int d) {
    double v, lo, hi;
    if (!rj_num(s, key, &v)) {
        P("n/a");
        return;
    }
    fixed(c, v, d);
    if (rj_num(s, "ci_low", &lo) && rj_num(s, "ci_high", &hi)) {
        P(" [");
        fixed(c, lo, d);
        P(", ");
        fixed(c, hi, d);
        P("]");
    }
}

/* Diverging colour for v in [-1, 1]: vermillion (#D55E00) - white - blue (#0072B2). */
static void diverging(hctx *c, double v) {
    if (!isfinite(v)) {
        P("#eeeeee");
        return;
    }
    if (v > 1) v = 1;
    if (v < -1) v = -1;
    int r0, g0, b0;
    if (v < 0) r0 = 0xD5, g0 = 0x5E, b0 = 0x00, v = -v;
    else r0 = 0x00, g0 = 0x72, b0 = 0xB2;
    int r = (int)lround(255 + (r0 - 255) * v), g = (int)lround(255 + (g0 - 255) * v),
        bl = (int)lround(255 + (b0 - 255) * v);
    slant_buf_printf(c->b, "#%02x%02x%02x", r, g, bl);
}

/* A "nice" tick step for a range, 1/2/5 x 10^k, about 5 ticks. */
static double nice_step(double range) {
    if (!(range > 0)) return 1;
    double raw = range / 5, mag = pow(10, floor(log10(raw))), f = raw / mag;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

static void svg_text(hctx *c, double x, double y, const char *anchor, const char *cls, const char *s) {
    slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s%s%s>", x, y, anchor,
                     cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    E(s);
    P("</text>");
}

/* A label over a column, broken at spaces into lines of at most maxc bytes,
 * bottom line at y (so labels of different length share a baseline). */
static void svg_collabel(hctx *c, double x, double y, const char *s, size_t maxc) {
    const char *lines[6];
    size_t lens[6], n = 0;
    const char *p = s;
    while (*p && n < 6) {
        size_t len = strlen(p);
        if (len > maxc && n < 5) {
            size_t cut = maxc;
            while (cut > 0 && p[cut] != ' ') cut--;
            if (cut == 0) { /* one long word: keep it whole */
                cut = maxc;
                while (p[cut] && p[cut] != ' ') cut++;
            }
            len = cut;
        }
        lines[n] = p, lens[n] = len, n++;
        p += len;
        while (*p == ' ') p++;
    }
    slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"collabel\">", x,
                     y - 14.0 * (double)(n ? n - 1 : 0));
    for (size_t i = 0; i < n; i++) {
        slant_buf_printf(c->b, "<tspan x=\"%.1f\" dy=\"%s\">", x, i ? "14" : "0");
        rhtml_escape(c->b, lines[i], lens[i]);
        P("</tspan>");
    }
    P("</text>");
}

/* Horizontal axis with ticks and gridlines for [lo, hi] mapped to [x0, x1]. */
static void svg_xaxis(hctx *c, double lo, double hi, double x0, double x1, double ytop, double ybot,
                      const char *label, int decimals) {
    double step = nice_step(hi - lo);
    P("<g class=\"axis\">");
    for (double t = ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-6; t += step) {
        double x = x0 + (t - lo) / (hi - lo) * (x1 - x0);
        slant_buf_printf(c->b, "<line class=\"grid%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                         fabs(t) < step * 1e-6 ? " zero" : "", x, x, ytop, ybot);
        slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, ybot + 14);
        rfmt_fixed(c->b, fabs(t) < step * 1e-6 ? 0 : t, decimals, 1);
        P("</text>");
    }
    slant_buf_printf(c->b, "<line class=\"axisline\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", x0, x1,
                     ybot, ybot);
    svg_text(c, (x0 + x1) / 2, ybot + 32, "middle", "axislabel", label);
    P("</g>");
}

static void legend_item(hctx *c, double x, double y, const char *colour, const char *shape, const char *label) {
    P("<g class=\"legend-item\">");
    if (strcmp(shape, "circle") == 0)
        slant_buf_printf(c->b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>", x + 5, y - 4, colour);
    else
        slant_buf_printf(c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"11\" height=\"11\" fill=\"%s\"/>", x, y - 10,
                         colour);
    svg_text(c, x + 16, y, "start", NULL, label);
    P("</g>");
}

/* Legend items laid out left to right, wrapping at xmax; with c == NULL only
 * the layout is computed (to size the chart before drawing it). */
static void legend_flow(hctx *c, double *x, double *y, double x0, double xmax, const char *colour, const char *label) {
    double w = 16 + 6.8 * (double)strlen(label) + 18;
    if (*x + w > xmax && *x > x0) *x = x0, *y += 20;
    if (c) legend_item(c, *x, *y, colour, "rect", label);
    *x += w;
}

static void svg_open(hctx *c, const char *cls, double w, double h, const char *title) {
    slant_buf_printf(c->b, "<svg class=\"chart %s\" viewBox=\"0 0 %.0f %.0f\" style=\"max-width:%.0fpx\" role=\"img\" aria-label=\"",
                     cls, w, h, w * 1.15);
    E(title);
    P("\">");
}

/* ---------- evidence anchors ---------- */

static void ev_href(hctx *c, size_t src, const char *what, const char *key) {
    P("#ev-");
    slant_buf_put_u64(c->b, src);
    P("-");
    ranchor(c->b, "", what);
    if (key) ranchor(c->b, "-", key);
}

/* ---------- chart: a mean or rate per source and voice, with error bars ---------- */

typedef struct {
    const char *field;  /* "tone", "loaded" */
    const char *key;    /* "mean" or "per_1000" */
    const char *title;
    const char *axis;
    int decimals;
    int bars;           /* bars from 0 (rates) or dots (means) */
} dotchart;

static void chart_by_source(hctx *c, const dotchart *d) {
    const double W = 680, left = 190, right = 650, top = 40, row = 44;
    double h = top + row * (double)c->nsources + 50;
    double lo = -1, hi = 1;
    if (d->bars) {
        lo = 0, hi = 0;
        for (size_t i = 0; i < c->nsources; i++)
            for (int v = 0; v < 2; v++) {
                const json_t *s = rj_get(rj_get(json_array_get(c->sources, i), d->field), v ? "quoted" : "outlet");
                double x;
                if (rj_num(s, "ci_high", &x) && x > hi) hi = x;
                if (rj_num(s, d->key, &x) && x > hi) hi = x;
            }
        if (hi <= 0) hi = 1;
        double step = nice_step(hi);
        hi = ceil(hi / step) * step;
    }
    svg_open(c, d->field, W, h, d->title);
    slant_buf_printf(c->b, "<title>");
    E(d->title);
    P("</title>");
    P("<g class=\"legend\">");
    legend_item(c, left, 18, COL_OUTLET, d->bars ? "rect" : "circle", "outlet's own voice");
    legend_item(c, left + 170, 18, COL_QUOTED, d->bars ? "rect" : "circle", "quoted voices");
    P("<g class=\"legend-item\"><line class=\"errbar\" x1=\"520\" x2=\"544\" y1=\"14\" y2=\"14\"/>"
      "<line class=\"errbar\" x1=\"520\" x2=\"520\" y1=\"9\" y2=\"19\"/><line class=\"errbar\" x1=\"544\" x2=\"544\" y1=\"9\" y2=\"19\"/>");
    slant_buf_printf(c->b, "<text x=\"550\" y=\"18\">%g%% interval</text></g>", rconf_percent(c->m));
    P("</g>");
    double ybot = top + row * (double)c->nsources;
    svg_xaxis(c, lo, hi, left, right, top - 4, ybot, d->axis, d->bars ? (hi - lo >= 5 ? 0 : 1) : 1);
#define XMAP(v) (left + ((v) - lo) / (hi - lo) * (right - left))
    for (size_t i = 0; i < c->nsources; i++) {
        const json_t *src = json_array_get(c->sources, i);
        double yc = top + row * (double)i + row / 2;
        slant_buf_printf(c->b, "<a href=\"");
        ev_href(c, i, d->field, NULL);
        P("\">");
        svg_text(c, left - 10, yc + 4, "end", "rowlabel", source_name(c, i));
        P("</a>");
        for (int v = 0; v < 2; v++) {
            const json_t *s = rj_get(rj_get(src, d->field), v ? "quoted" : "outlet");
            const char *col = v ? COL_QUOTED : COL_OUTLET;
            double y = yc + (v ? 8 : -8), x, lo_, hi_;
            int have = rj_num(s, d->key, &x);
            int have_ci = rj_num(s, "ci_low", &lo_) && rj_num(s, "ci_high", &hi_);
            slant_buf_printf(c->b, "<g class=\"mark-%s\"><title>", v ? "quoted" : "outlet");
            E(source_name(c, i));
            P(v ? " \xc2\xb7 quoted voices: " : " \xc2\xb7 own voice: ");
            stat_text(c, s, d->key, d->decimals);
            double n;
            if (rj_num(s, "n", &n)) slant_buf_printf(c->b, ", n = %.0f", n);
            if (rj_num(s, "count", &n)) slant_buf_printf(c->b, ", %.0f hits", n);
            if (rj_num(s, "words", &n)) slant_buf_printf(c->b, " in %.0f words", n);
            if (rj_str(s, "reason")) {
                P(" (");
                E(rj_str(s, "reason"));
                P(")");
            }
            P("</title>");
            if (!have) {
                slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" class=\"na\">n/a</text></g>", left + 4, y + 4);
                continue;
            }
            if (x < lo) x = lo;
            if (x > hi) x = hi;
            /* a zero rate still gets a sliver of its colour, so the row reads as "0", not "missing" */
            if (d->bars)
                slant_buf_printf(c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>",
                                 XMAP(lo), y - 6, XMAP(x) - XMAP(lo) < 2 ? 2 : XMAP(x) - XMAP(lo), col);
            if (have_ci) {
                /* an interval wider than the axis is clipped and drawn with an arrow, not a cap */
                int clip_lo = lo_ < lo, clip_hi = hi_ > hi;
                if (clip_lo) lo_ = lo;
                if (clip_hi) hi_ = hi;
                slant_buf_printf(c->b, "<line class=\"errbar\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                                 XMAP(lo_), XMAP(hi_), y, y);
                if (clip_lo)
                    slant_buf_printf(c->b, "<path class=\"clip\" d=\"M%.1f %.1fl6 -4v8z\"/>", XMAP(lo_), y);
                else
                    slant_buf_printf(c->b, "<line class=\"errbar\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                                     XMAP(lo_), XMAP(lo_), y - 4, y + 4);
                if (clip_hi)
                    slant_buf_printf(c->b, "<path class=\"clip\" d=\"M%.1f %.1fl-6 -4v8z\"/>", XMAP(hi_), y);
                else
                    slant_buf_printf(c->b, "<line class=\"errbar\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                                     XMAP(hi_), XMAP(hi_), y - 4, y + 4);
            }
            if (!d->bars)
                slant_buf_printf(c->b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>", XMAP(x), y, col);
            P("</g>");
        }
    }
#undef XMAP
    P("</svg>");
}

/* ---------- chart: stance heatmap ---------- */

static char **union_keys(const hctx *c, const char *field, size_t *n) {
    char **out = NULL;
    size_t cnt = 0, cap = 0;
    for (size_t i = 0; i < c->nsources; i++) {
        size_t nk;
        const char **keys = rj_sorted_keys(rj_get(json_array_get(c->sources, i), field), &nk);
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

static const char *label_of(const hctx *c, const char *field, const char *key) {
    for (size_t i = 0; i < c->nsources; i++) {
        const char *l = rj_str(rj_get(rj_get(json_array_get(c->sources, i), field), key), "label");
        if (l) return l;
    }
    return key;
}

static void gradient_legend(hctx *c, const char *id, double x, double y, double w, const char *left_label,
                            const char *right_label) {
    slant_buf_printf(c->b,
                     "<defs><linearGradient id=\"%s\"><stop offset=\"0\" stop-color=\"#D55E00\"/>"
                     "<stop offset=\"0.5\" stop-color=\"#ffffff\"/><stop offset=\"1\" stop-color=\"#0072B2\"/>"
                     "</linearGradient></defs><g class=\"legend\">"
                     "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" fill=\"url(#%s)\" stroke=\"#888\" stroke-width=\"0.5\"/>",
                     id, x, y, w, id);
    svg_text(c, x - 6, y + 9, "end", NULL, left_label);
    svg_text(c, x + w / 2, y + 24, "middle", NULL, "0");
    svg_text(c, x + w + 6, y + 9, "start", NULL, right_label);
    P("</g>");
}

static void chart_stance(hctx *c) {
    size_t nt;
    char **targets = union_keys(c, "stance", &nt);
    if (!nt) {
        free(targets);
        P("<p class=\"none\">No target was mentioned.</p>");
        return;
    }
    const double left = 190, top = 84, cw = 110, ch = 36;
    double W = left + cw * (double)nt + 30, H = top + ch * (double)c->nsources + 20;
    if (W < 520) W = 520;
    svg_open(c, "stance", W, H, "Stance toward each target by source (outlet's own voice)");
    P("<title>Stance toward each target by source (outlet's own voice)</title>");
    gradient_legend(c, "stance-scale", left + 70, 8, 160, "\xe2\x88\x92" "1 hostile", "+1 friendly");
    for (size_t t = 0; t < nt; t++)
        svg_collabel(c, left + cw * ((double)t + 0.5), top - 8, label_of(c, "stance", targets[t]), 14);
    for (size_t i = 0; i < c->nsources; i++) {
        double y = top + ch * (double)i;
        svg_text(c, left - 10, y + ch / 2 + 4, "end", "rowlabel", source_name(c, i));
        for (size_t t = 0; t < nt; t++) {
            const json_t *e = rj_get(rj_get(json_array_get(c->sources, i), "stance"), targets[t]);
            const json_t *o = rj_get(e, "outlet");
            double v, n = 0;
            int have = rj_num(o, "mean", &v);
            rj_num(o, "n", &n);
            /* a cell links to its evidence only when the source mentions the target at all */
            if (e) {
                P("<a href=\"");
                ev_href(c, i, "stance", targets[t]);
                P("\">");
            }
            P("<g class=\"cell\"><title>");
            E(source_name(c, i));
            P(" \xe2\x86\x92 ");
            E(label_of(c, "stance", targets[t]));
            P(": mean ");
            stat_text(c, o, "mean", 2);
            slant_buf_printf(c->b, ", n = %.0f", n);
            if (rj_str(o, "reason")) {
                P(" (");
                E(rj_str(o, "reason"));
                P(")");
            }
            P("</title>");
            slant_buf_printf(c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"",
                             left + cw * (double)t + 1, y + 1, cw - 2, ch - 2);
            diverging(c, have ? v : NAN);
            P("\"/>");
            slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"%s\">",
                             left + cw * ((double)t + 0.5), y + ch / 2 + 4, have && fabs(v) > 0.55 ? "oncolour" : "");
            if (have) {
                fixed(c, v, 2);
                slant_buf_printf(c->b, " (n=%.0f)", n);
            } else {
                P("n/a");
            }
            P(e ? "</text></g></a>" : "</text></g>");
        }
    }
    P("</svg>");
    free(targets);
}

/* ---------- chart: frames ---------- */

static void chart_frames(hctx *c) {
    size_t nf;
    char **frames = union_keys(c, "frames", &nf);
    if (!nf) {
        free(frames);
        P("<p class=\"none\">No frame vocabulary was found.</p>");
        return;
    }
    const double W = 680, left = 190, right = 650, row = 34;
    double lx = left, ly = 18;
    for (size_t f = 0; f < nf; f++) legend_flow(NULL, &lx, &ly, left, right, NULL, label_of(c, "frames", frames[f]));
    double top = ly + 22;
    double H = top + row * (double)c->nsources + 44;
    svg_open(c, "frames", W, H, "Share of frame vocabulary per source");
    P("<title>Share of frame vocabulary per source</title><g class=\"legend\">");
    lx = left, ly = 18;
    for (size_t f = 0; f < nf; f++)
        legend_flow(c, &lx, &ly, left, right, okabe_ito[f % N_OKABE], label_of(c, "frames", frames[f]));
    P("</g>");
    svg_xaxis(c, 0, 100, left, right, top - 4, top + row * (double)c->nsources, "share of frame vocabulary (%)", 0);
    for (size_t i = 0; i < c->nsources; i++) {
        const json_t *fr = rj_get(json_array_get(c->sources, i), "frames");
        double y = top + row * (double)i + 6, x = left;
        svg_text(c, left - 10, y + 15, "end", "rowlabel", source_name(c, i));
        for (size_t f = 0; f < nf; f++) {
            const json_t *e = rj_get(fr, frames[f]);
            double share;
            if (!rj_num(e, "share", &share) || share <= 0) continue;
            double w = share * (right - left);
            P("<a href=\"");
            ev_href(c, i, "frame", frames[f]);
            P("\"><g class=\"seg\"><title>");
            E(source_name(c, i));
            P(" \xc2\xb7 ");
            E(label_of(c, "frames", frames[f]));
            P(": ");
            rfmt_fixed(c->b, share * 100, 0, 0);
            slant_buf_printf(c->b, "%% (%lld hits)</title>", rj_int(e, "count"));
            slant_buf_printf(c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"22\" fill=\"%s\"/>", x, y, w,
                             okabe_ito[f % N_OKABE]);
            if (w > 30) {
                slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"%s\">",
                                 x + w / 2, y + 15, (f % N_OKABE == 6 || f % N_OKABE == 4 || f % N_OKABE == 1) ? "" : "oncolour");
                rfmt_fixed(c->b, share * 100, 0, 0);
                P("%</text>");
            }
            P("</g></a>");
            x += w;
        }
    }
    P("</svg>");

    /* the residual grid: where a source uses a frame more or less than expected */
    const json_t *ft = rj_get(c->m, "frames_test");
    const json_t *resid = rj_get(ft, "residuals");
    if (!json_is_object(resid)) {
        free(frames);
        return;
    }
    const double cw = 86, ch = 30, gtop = 96;
    double GW = left + cw * (double)nf + 20, GH = gtop + ch * (double)c->nsources + 30;
    if (GW < 560) GW = 560;
    svg_open(c, "residuals", GW, GH, "Standardised residuals of the chi-square test, source by frame");
    P("<title>Standardised residuals of the chi-square test, source by frame</title>");
    gradient_legend(c, "resid-scale", left + 90, 8, 160, "less than expected", "more");
    for (size_t f = 0; f < nf; f++)
        svg_collabel(c, left + cw * ((double)f + 0.5), gtop - 8, label_of(c, "frames", frames[f]), 11);
    for (size_t i = 0; i < c->nsources; i++) {
        double y = gtop + ch * (double)i;
        svg_text(c, left - 10, y + ch / 2 + 4, "end", "rowlabel", source_name(c, i));
        for (size_t f = 0; f < nf; f++) {
            double r;
            int have = rj_num(rj_get(resid, source_name(c, i)), frames[f], &r);
            P("<g class=\"cell\"><title>");
            E(source_name(c, i));
            P(" \xc2\xb7 ");
            E(label_of(c, "frames", frames[f]));
            P(": standardised residual ");
            if (have) fixed(c, r, 2);
            else P("n/a");
            if (have && fabs(r) > 1.96) P(" (notable: beyond \xc2\xb1" "1.96)");
            slant_buf_printf(c->b, "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"",
                             left + cw * (double)f + 1, y + 1, cw - 2, ch - 2);
            diverging(c, have ? r / 3 : NAN);
            slant_buf_printf(c->b, "\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"%s\">",
                             left + cw * ((double)f + 0.5), y + ch / 2 + 4,
                             have && fabs(r) > 1.96 ? "notable oncolour" : (have && fabs(r) / 3 > 0.55 ? "oncolour" : ""));
            if (have) {
                if (r > 0) P("+");
                fixed(c, r, 1);
            } else {
                P("n/a");
            }
            P("</text></g>");
        }
    }
    double chi2, df, p, v;
    slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" class=\"caption\">", left, GH - 8);
    if (rj_num(ft, "chi2", &chi2) && rj_num(ft, "p", &p)) {
        P("\xcf\x87\xc2\xb2 = ");
        rfmt_num(c->b, chi2, 3);
        if (rj_num(ft, "df", &df)) slant_buf_printf(c->b, ", df = %.0f", df);
        P(", p ");
        if (p >= 0.001) P("= ");
        rfmt_p(c->b, p);
        if (rj_num(ft, "cramers_v", &v)) {
            P(", Cram\xc3\xa9r's V = ");
            rfmt_fixed(c->b, v, 2, 0);
        }
    } else if (rj_str(ft, "reason")) {
        P("chi-square n/a: ");
        E(rj_str(ft, "reason"));
    }
    P("</text></svg>");
    free(frames);
}

/* ---------- chart: naming ---------- */

/* Colour of a naming side: the same side has the same colour in every
 * referent's chart; neutral labels are grey. */
static const char *side_colour(const char *const *sides, size_t nsides, const char *side) {
    for (size_t s = 0; s < nsides; s++)
        if (side && strcmp(sides[s], side) == 0) return okabe_ito[s % 6];
    return COL_NEUTRAL;
}

static void chart_naming(hctx *c) {
    size_t nr;
    char **refs = union_keys(c, "naming", &nr);
    if (!nr) {
        free(refs);
        P("<p class=\"none\">No contested name was found.</p>");
        return;
    }
    const char *sides[16];
    size_t nsides = 0;
    for (size_t r = 0; r < nr; r++)
        for (size_t i = 0; i < c->nsources; i++) {
            const json_t *ls = rj_get(rj_get(rj_get(json_array_get(c->sources, i), "naming"), refs[r]), "labels");
            for (size_t k = 0; k < rj_len(ls); k++) {
                const char *side = rj_str(json_array_get(ls, k), "side");
                if (!side || strcmp(side, "neutral") == 0) continue;
                int seen = 0;
                for (size_t x = 0; x < nsides && !seen; x++) seen = strcmp(sides[x], side) == 0;
                if (!seen && nsides < 16) sides[nsides++] = side;
            }
        }
    for (size_t r = 0; r < nr; r++) {
        /* the legend lists every label any source uses for this referent, in order of first use */
        const json_t *legend[32];
        size_t nl = 0;
        double maxtotal = 0;
        for (size_t i = 0; i < c->nsources; i++) {
            const json_t *ls = rj_get(rj_get(rj_get(json_array_get(c->sources, i), "naming"), refs[r]), "labels");
            double total = 0;
            for (size_t k = 0; k < rj_len(ls); k++) {
                const json_t *e = json_array_get(ls, k);
                total += (double)rj_int(e, "count");
                const char *l1 = rj_str(e, "label");
                int seen = 0;
                for (size_t x = 0; x < nl && !seen; x++) {
                    const char *l2 = rj_str(legend[x], "label");
                    seen = l1 && l2 && strcmp(l1, l2) == 0;
                }
                if (!seen && nl < 32) legend[nl++] = e;
            }
            if (total > maxtotal) maxtotal = total;
        }
        if (maxtotal <= 0) maxtotal = 1;
        const double W = 680, left = 190, right = 600, row = 30;
        slant_buf lab;
        slant_buf_init(&lab);
        double lx = left, ly = 18;
        for (size_t l = 0; l < nl; l++) {
            const json_t *e = legend[l];
            slant_buf_clear(&lab);
            slant_buf_printf(&lab, "%s (%s)", rj_str(e, "label") ? rj_str(e, "label") : "?",
                             rj_str(e, "side") ? rj_str(e, "side") : "no side");
            legend_flow(NULL, &lx, &ly, left, W - 10, NULL, lab.data);
        }
        double top = ly + 16;
        double H = top + row * (double)c->nsources + 10;
        P("<figure class=\"naming\"><figcaption>");
        E(label_of(c, "naming", refs[r]));
        P("</figcaption>");
        svg_open(c, "naming", W, H, label_of(c, "naming", refs[r]));
        P("<title>Naming: ");
        E(label_of(c, "naming", refs[r]));
        P("</title><g class=\"legend\">");
        lx = left, ly = 18;
        for (size_t l = 0; l < nl; l++) {
            const json_t *e = legend[l];
            slant_buf_clear(&lab);
            slant_buf_printf(&lab, "%s (%s)", rj_str(e, "label") ? rj_str(e, "label") : "?",
                             rj_str(e, "side") ? rj_str(e, "side") : "no side");
            legend_flow(c, &lx, &ly, left, W - 10, side_colour(sides, nsides, rj_str(e, "side")), lab.data);
        }
        slant_buf_free(&lab);
        P("</g>");
        for (size_t i = 0; i < c->nsources; i++) {
            const json_t *ls = rj_get(rj_get(rj_get(json_array_get(c->sources, i), "naming"), refs[r]), "labels");
            double y = top + row * (double)i, x = left, total = 0;
            svg_text(c, left - 10, y + 15, "end", "rowlabel", source_name(c, i));
            for (size_t k = 0; k < rj_len(ls); k++) {
                const json_t *e = json_array_get(ls, k);
                double cnt = (double)rj_int(e, "count");
                total += cnt;
                if (cnt <= 0) continue;
                const char *side = rj_str(e, "side");
                const char *col = side_colour(sides, nsides, side);
                double w = cnt / maxtotal * (right - left);
                P("<a href=\"");
                ev_href(c, i, "naming", refs[r]);
                P("\"><g class=\"seg\"><title>");
                E(source_name(c, i));
                P(": \xe2\x80\x9c");
                E(rj_str(e, "label"));
                P("\xe2\x80\x9d");
                if (side) {
                    P(" (");
                    E(side);
                    P(")");
                }
                slant_buf_printf(c->b, " \xc3\x97 %.0f</title>", cnt);
                slant_buf_printf(c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\" stroke=\"#fff\"/>",
                                 x, y + 2, w, col);
                if (w > 18)
                    slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"%s\">%.0f</text>",
                                     x + w / 2, y + 16, strcmp(col, COL_QUOTED) == 0 ? "" : "oncolour", cnt);
                P("</g></a>");
                x += w;
            }
            if (total <= 0) slant_buf_printf(c->b, "<text x=\"%.1f\" y=\"%.1f\" class=\"na\">none</text>", left + 4, y + 16);
        }
        P("</svg></figure>");
    }
    free(refs);
}

/* ---------- tables ---------- */

static void na_cell(hctx *c, const json_t *obj) {
    const char *reason = rj_str(obj, "reason");
    if (reason) {
        P("<abbr class=\"na\" title=\"");
        E(reason);
        P("\">n/a</abbr>");
    } else {
        P("<span class=\"na\">n/a</span>");
    }
}

static void stat_cell(hctx *c, size_t src, const char *field, const json_t *s, const char *key, int d) {
    double v;
    P("<td>");
    if (!rj_num(s, key, &v)) {
        na_cell(c, s);
        P("</td>");
        return;
    }
    P("<a href=\"");
    ev_href(c, src, field, NULL);
    P("\">");
    fixed(c, v, d);
    P("</a>");
    double lo, hi;
    if (rj_num(s, "ci_low", &lo) && rj_num(s, "ci_high", &hi)) {
        P(" <span class=\"ci\">[");
        fixed(c, lo, d);
        P(", ");
        fixed(c, hi, d);
        P("]</span>");
    } else if (rj_str(s, "reason")) {
        P(" <abbr class=\"na\" title=\"");
        E(rj_str(s, "reason"));
        P("\">no interval</abbr>");
    }
    P("</td>");
}

static void table_sources(hctx *c) {
    P("<div class=\"tablewrap\"><table class=\"sources\"><thead><tr><th>Source</th><th>Articles</th><th>Words</th>"
      "<th>Quoted share</th><th>Tone, own voice</th><th>Tone, quoted</th><th>Loaded /1,000, own voice</th>"
      "<th>Loaded /1,000, quoted</th><th>Hedges /1,000</th><th>Boosters /1,000</th>"
      "<th>Loaded attribution /1,000</th></tr></thead><tbody>");
    for (size_t i = 0; i < c->nsources; i++) {
        const json_t *s = json_array_get(c->sources, i);
        double qs;
        P("<tr><th scope=\"row\">");
        E(source_name(c, i));
        P("</th><td>");
        rfmt_int(c->b, rj_int(s, "articles"));
        P("</td><td>");
        rfmt_int(c->b, rj_int(s, "words"));
        P("</td><td>");
        if (rj_num(s, "quote_share", &qs)) {
            rfmt_fixed(c->b, qs * 100, 0, 0);
            P("%");
        } else {
            na_cell(c, s);
        }
        P("</td>");
        stat_cell(c, i, "tone", rj_get(rj_get(s, "tone"), "outlet"), "mean", 2);
        stat_cell(c, i, "tone", rj_get(rj_get(s, "tone"), "quoted"), "mean", 2);
        stat_cell(c, i, "loaded", rj_get(rj_get(s, "loaded"), "outlet"), "per_1000", 1);
        stat_cell(c, i, "loaded", rj_get(rj_get(s, "loaded"), "quoted"), "per_1000", 1);
        stat_cell(c, i, "hedge", rj_get(rj_get(s, "hedge"), "outlet"), "per_1000", 1);
        stat_cell(c, i, "booster", rj_get(rj_get(s, "booster"), "outlet"), "per_1000", 1);
        stat_cell(c, i, "attrib_loaded", rj_get(rj_get(s, "attrib_loaded"), "outlet"), "per_1000", 1);
        P("</tr>");
    }
    P("</tbody></table></div>");
}

static void table_speakers(hctx *c) {
    P("<div class=\"tablewrap\"><table class=\"speakers\"><thead><tr><th>Source</th><th>Quoted share</th>"
      "<th>Speakers (words quoted, quotes)</th></tr></thead><tbody>");
    for (size_t i = 0; i < c->nsources; i++) {
        rflush(c->b); /* the speakers lists grow with the corpus */
        const json_t *s = json_array_get(c->sources, i);
        const json_t *sp = rv_get(c->v, RL_SPEAKERS, i);
        double qs;
        P("<tr><th scope=\"row\">");
        E(source_name(c, i));
        P("</th><td>");
        if (rj_num(s, "quote_share", &qs)) {
            rfmt_fixed(c->b, qs * 100, 0, 0);
            P("%");
        } else {
            na_cell(c, s);
        }
        P("</td><td>");
        if (!rj_len(sp)) P("\xe2\x80\x94");
        for (size_t k = 0; k < rj_len(sp); k++) {
            const json_t *e = json_array_get(sp, k);
            const char *nm = rj_str(e, "name");
            if (k) P("; ");
            P("<span class=\"spkname\">");
            E(nm ? nm : "(unattributed)");
            P("</span> (");
            slant_buf_put_i64(c->b, rj_int(e, "words"));
            P(", ");
            slant_buf_put_i64(c->b, rj_int(e, "quotes"));
            P(")");
        }
        P("</td></tr>");
    }
    P("</tbody></table></div>");
}

static const char *kind_label(const char *kind) {
    static const struct {
        const char *kind, *label;
    } kinds[] = {{"welch_t", "Welch t"},
                 {"mann_whitney", "Mann-Whitney U"},
                 {"rate_ratio", "rate ratio (exact)"},
                 {"kruskal_wallis", "Kruskal-Wallis"},
                 {"chi_square", "chi-square"}};
    if (!kind) return "?";
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].kind, kind) == 0) return kinds[i].label;
    return kind;
}

static void measure_label(hctx *c, const char *m) {
    slant_buf t;
    slant_buf_init(&t);
    rmeasure_label(&t, c->m, m);
    E(t.data);
    slant_buf_free(&t);
}

static void table_tests(hctx *c) {
    const json_t *tests = rj_get(c->m, "tests");
    if (!rj_len(tests)) {
        P("<p class=\"none\">No tests were run.</p>");
        return;
    }
    double alpha = 1 - rconf_percent(c->m) / 100;
    slant_buf_printf(c->b,
                     "<div class=\"tablewrap\"><table class=\"tests\"><thead><tr><th>Measure</th><th>Test</th>"
                     "<th>A</th><th>B</th><th class=\"num\">Statistic</th><th class=\"num\">df</th>"
                     "<th class=\"num\">p</th><th class=\"num\">Holm p</th><th class=\"num\">Effect [%g%% CI]</th>"
                     "<th>Robust</th><th>Top terms</th></tr></thead>",
                     rconf_percent(c->m));
    slant_buf sentence;
    slant_buf_init(&sentence);
    for (size_t i = 0; i < rj_len(tests); i++) {
        const json_t *t = json_array_get(tests, i);
        const json_t *e = rj_get(t, "effect");
        double v, lo, hi;
        int sig = rj_num(t, "p_adj", &v) && v < alpha;
        slant_buf_printf(c->b, "<tbody class=\"%s\"><tr><td>", sig ? "sig" : "");
        measure_label(c, rj_str(t, "measure"));
        P("</td><td>");
        E(kind_label(rj_str(t, "kind")));
        P("</td><td>");
        E(rj_str(t, "a") ? rj_str(t, "a") : "all sources");
        P("</td><td>");
        E(rj_str(t, "b") ? rj_str(t, "b") : "\xe2\x80\x94");
        P("</td><td class=\"num\">");
        if (rj_num(t, "statistic", &v)) rfmt_num(c->b, v, 3);
        else na_cell(c, t);
        P("</td><td class=\"num\">");
        if (rj_num(t, "df", &v)) rfmt_num(c->b, v, 3);
        else P("\xe2\x80\x94");
        P("</td><td class=\"num\">");
        if (rj_num(t, "p", &v)) rfmt_p(c->b, v);
        else na_cell(c, t);
        P("</td><td class=\"num\">");
        if (rj_num(t, "p_adj", &v)) rfmt_p(c->b, v);
        else na_cell(c, t);
        P("</td><td class=\"num\">");
        E(rj_str(e, "name"));
        P(" ");
        if (rj_num(e, "value", &v)) {
            rfmt_num(c->b, v, 3);
            if (rj_num(e, "ci_low", &lo) && rj_num(e, "ci_high", &hi)) {
                P(" <span class=\"ci\">[");
                rfmt_num(c->b, lo, 3);
                P(", ");
                rfmt_num(c->b, hi, 3);
                P("]</span>");
            }
        } else {
            na_cell(c, rj_str(e, "reason") ? e : t);
        }
        P("</td><td>");
        P(rj_bool(t, "robust") ? "yes" : "no");
        if (rj_bool(t, "fragile")) P(", <abbr title=\"rests on fewer than three distinct terms\">fragile</abbr>");
        P("</td><td>");
        const json_t *tt = rj_get(t, "top_terms");
        for (size_t k = 0; k < rj_len(tt) && k < 3; k++) {
            const json_t *x = json_array_get(tt, k);
            if (k) P(", ");
            P("<span class=\"term\" title=\"contribution ");
            if (rj_num(x, "contribution", &v)) rfmt_num(c->b, v, 3);
            P("\">");
            E(rj_str(x, "term"));
            P("</span>");
        }
        P("</td></tr>");
        const char *summary = rj_str(t, "summary");
        slant_buf_clear(&sentence);
        if (!(summary && *summary)) slant_report_test_sentence(c->m, t, &sentence);
        if ((summary && *summary) || sentence.len) {
            P("<tr class=\"words\"><td colspan=\"11\">");
            E(summary && *summary ? summary : sentence.data);
            P("</td></tr>");
        }
        P("</tbody>");
    }
    slant_buf_free(&sentence);
    P("</table></div>");
}

static void table_keyness(hctx *c) {
    const json_t *kn = rj_get(c->m, "keyness");
    size_t nk;
    const char **keys = rj_sorted_keys(kn, &nk);
    if (!nk) {
        P("<p class=\"none\">No distinctive vocabulary above the minimum frequency.</p>");
        free(keys);
        return;
    }
    P("<div class=\"tablewrap\"><table class=\"keyness\"><thead><tr><th>Source</th><th>Term</th><th class=\"num\">Count</th>"
      "<th class=\"num\">Other sources</th><th class=\"num\">G\xc2\xb2</th><th class=\"num\">p</th><th class=\"num\">Log ratio</th></tr></thead><tbody>");
    for (size_t k = 0; k < nk; k++) {
        const json_t *arr = json_object_get(kn, keys[k]);
        for (size_t j = 0; j < rj_len(arr) && j < 15; j++) {
            const json_t *e = json_array_get(arr, j);
            double v;
            P("<tr><th scope=\"row\">");
            E(keys[k]);
            P("</th><td class=\"term\">");
            E(rj_str(e, "term"));
            slant_buf_printf(c->b, "</td><td>%lld</td><td>%lld</td><td>", rj_int(e, "count"), rj_int(e, "count_rest"));
            if (rj_num(e, "g2", &v)) rfmt_fixed(c->b, v, 2, 0);
            P("</td><td>");
            if (rj_num(e, "p", &v)) rfmt_p(c->b, v);
            P("</td><td>");
            if (rj_num(e, "log_ratio", &v)) fixed(c, v, 2);
            P("</td></tr>");
        }
    }
    P("</tbody></table></div>");
    free(keys);
}

static void join_list(slant_buf *b, const json_t *arr) {
    size_t shown = 0;
    for (size_t i = 0; i < rj_len(arr); i++) {
        const json_t *e = json_array_get(arr, i);
        if (!json_is_string(e)) continue;
        if (shown++) slant_buf_puts(b, ", ");
        rhtml_puts(b, json_string_value(e));
    }
    if (!shown) slant_buf_puts(b, "\xe2\x80\x94");
}

/* One story's coverage table. */
static void coverage_entry(slant_buf *b, const json_t *st) {
    const json_t *inc = rj_get(st, "sources"), *om = rj_get(st, "omissions");
    slant_buf_puts(b, "<h3>Story: ");
    rhtml_puts(b, rj_str(st, "story"));
    slant_buf_puts(b, "</h3><div class=\"tablewrap\"><table class=\"coverage\"><thead><tr><th>Source</th>"
                      "<th>Includes numbers</th><th>Quotes</th><th>Omits targets</th><th>Omits numbers</th>"
                      "<th>Omits speakers</th></tr></thead><tbody>");
    size_t nk;
    const char **keys = rj_sorted_keys(inc, &nk);
    for (size_t k = 0; k < nk; k++) {
        const json_t *in = json_object_get(inc, keys[k]);
        const json_t *o = rj_get(om, keys[k]);
        slant_buf_puts(b, "<tr><th scope=\"row\">");
        rhtml_puts(b, keys[k]);
        slant_buf_puts(b, "</th><td>");
        join_list(b, rj_get(in, "numbers"));
        slant_buf_puts(b, "</td><td>");
        join_list(b, rj_get(in, "speakers"));
        slant_buf_puts(b, "</td><td class=\"omit\">");
        join_list(b, rj_get(o, "targets"));
        slant_buf_puts(b, "</td><td class=\"omit\">");
        join_list(b, rj_get(o, "numbers"));
        slant_buf_puts(b, "</td><td class=\"omit\">");
        join_list(b, rj_get(o, "speakers"));
        slant_buf_puts(b, "</td></tr>");
    }
    free(keys);
    slant_buf_puts(b, "</tbody></table></div>");
}

static void table_coverage(hctx *c) {
    size_t ncov = rv_len(c->v, RL_COVERAGE);
    for (size_t i = 0; i < ncov; i++) {
        rflush(c->b);
        coverage_entry(c->b, rv_get(c->v, RL_COVERAGE, i));
    }
}

int rrender_coverage(rview *v, size_t lo, size_t hi, rsink *md, rsink *html, slant_error *err) {
    if (slant_report_check_model(v->m, err)) return -1;
    size_t n = rv_len(v, RL_COVERAGE);
    if (hi > n) hi = n;
    if (lo == 0 && n) rmd_coverage_heading(&md->b);
    for (size_t i = lo; i < hi; i++) {
        rflush(&md->b);
        rflush(&html->b);
        const json_t *st = rv_get(v, RL_COVERAGE, i);
        rmd_coverage_entry(&md->b, st);
        coverage_entry(&html->b, st);
    }
    return 0;
}

/* ---------- evidence: the sentences behind each cell ---------- */

static void snippet(hctx *c, const char *id) {
    size_t n = strlen(id);
    uint32_t *slot = slant_strmap_get(c->sent_index, id, n, slant_hash_bytes(id, n));
    const snip *sn = slot ? &c->snips[*slot] : NULL;
    P("<a href=\"#");
    ranchor(c->b, "s-", id);
    P("\">");
    if (!sn || !sn->text) {
        E(id);
    } else {
        rhtml_escape(c->b, sn->text, sn->len);
        if (sn->more) P("\xe2\x80\xa6");
    }
    P("</a>");
}

static void evidence_open(hctx *c, size_t src, const char *what, const char *key, const char *title) {
    P("<div class=\"ev\" id=\"");
    P("ev-");
    slant_buf_put_u64(c->b, src);
    P("-");
    ranchor(c->b, "", what);
    if (key) ranchor(c->b, "-", key);
    P("\"><h4>");
    E(source_name(c, src));
    P(" \xc2\xb7 ");
    E(title);
    P("</h4><ul>");
}

/* From the model's top_terms: each sentence once, with the terms it holds. */
static void evidence_terms(hctx *c, size_t src, const char *what, const char *title, const char *const *lists) {
    const json_t *tt = rj_get(json_array_get(c->sources, src), "top_terms");
    evidence_open(c, src, what, NULL, title);
    size_t shown = 0;
    const char *done[64];
    size_t ndone = 0;
    for (const char *const *l = lists; *l; l++) {
        const json_t *terms = rj_get(tt, *l);
        for (size_t k = 0; k < rj_len(terms); k++) {
            const json_t *term = json_array_get(terms, k);
            const json_t *ids = rj_get(term, "sentences");
            for (size_t j = 0; j < rj_len(ids) && shown < 40; j++) {
                const char *id = json_string_value(json_array_get(ids, j));
                if (!id) continue;
                int seen = 0;
                for (size_t d = 0; d < ndone && !seen; d++) seen = strcmp(done[d], id) == 0;
                if (seen) continue;
                if (ndone < 64) done[ndone++] = id;
                P("<li>");
                snippet(c, id);
                P(" <span class=\"ev-term\">");
                E(rj_str(term, "term"));
                P("</span></li>");
                shown++;
            }
        }
    }
    if (!shown) P("<li class=\"none\">No sentence.</li>");
    P("</ul></div>");
}

/* The sentences gathered for e (evidence_gather). */
static void evidence_list(hctx *c, const evlist *e) {
    static const char *const what[] = {"stance", "frame", "naming"};
    slant_buf t;
    slant_buf_init(&t);
    slant_buf_printf(&t, "%s%s", e->kind == EV_STANCE ? "stance toward " : e->kind == EV_FRAME ? "frame: " : "naming: ",
                     e->label ? e->label : e->key);
    evidence_open(c, e->src, what[e->kind], e->key, t.data);
    slant_buf_free(&t);
    for (size_t k = 0; k < e->n; k++) {
        const evhit *h = &e->hits[k];
        P("<li>");
        snippet(c, h->id);
        if (h->quoted) P(" <span class=\"ev-term\">quoted</span>");
        if (e->kind == EV_STANCE && isfinite(h->stance)) {
            P(" <span class=\"ev-term\">stance ");
            fixed(c, h->stance, 2);
            P("</span>");
        }
        P("</li>");
    }
    if (!e->n) P("<li class=\"none\">No sentence.</li>");
    P("</ul></div>");
}

static void section_evidence(hctx *c) {
    static const char *const tone_lists[] = {"tone_negative", "tone_positive", NULL};
    static const struct {
        const char *field, *title;
    } rates[] = {{"loaded", "loaded language"},
                 {"hedge", "hedges"},
                 {"booster", "boosters"},
                 {"attrib_neutral", "neutral attribution verbs"},
                 {"attrib_loaded", "loaded attribution verbs"}};
    size_t q = 0;
    for (size_t i = 0; i < c->nsources; i++) {
        rflush(c->b);
        P("<div class=\"evsource\"><h3>");
        E(source_name(c, i));
        P("</h3>");
        evidence_terms(c, i, "tone", "words with a tone", tone_lists);
        for (size_t r = 0; r < sizeof rates / sizeof rates[0]; r++) {
            const char *lists[] = {rates[r].field, NULL};
            evidence_terms(c, i, rates[r].field, rates[r].title, lists);
        }
        for (; q < c->nev && c->ev[q].src == i; q++) evidence_list(c, &c->ev[q]);
        P("</div>");
    }
}

/* ---------- articles with every scored word highlighted ---------- */

typedef struct {
    size_t start, end;
    const json_t *obj;
    int mention;
} span;

/* Text between sentences: blank lines start a new paragraph. */
static void render_gap(hctx *c, const char *t, size_t from, size_t to) {
    size_t i = from;
    while (i < to) {
        if (t[i] == '\n') {
            size_t j = i, nl = 0;
            while (j < to && (t[j] == '\n' || t[j] == '\r' || t[j] == ' ' || t[j] == '\t')) nl += t[j++] == '\n';
            P(nl >= 2 ? "</p>\n<p>" : "<br>\n");
            i = j;
            continue;
        }
        size_t j = i;
        while (j < to && t[j] != '\n') j++;
        rhtml_escape(c->b, t + i, j - i);
        i = j;
    }
}

/* Text inside a sentence: newlines become line breaks, never paragraphs, so nesting stays valid. */
static void render_inner(hctx *c, const char *t, size_t from, size_t to) {
    size_t i = from;
    while (i < to) {
        size_t j = i;
        while (j < to && t[j] != '\n') j++;
        rhtml_escape(c->b, t + i, j - i);
        if (j < to) P("<br>");
        i = j < to ? j + 1 : j;
    }
}

static void rules_text(hctx *c, const json_t *rules, const char *sep) {
    for (size_t r = 0; r < rj_len(rules); r++) {
        const json_t *x = json_array_get(rules, r);
        if (!json_is_string(x)) continue;
        P(sep);
        E(json_string_value(x));
        sep = ", ";
    }
}

static void hit_title(hctx *c, const json_t *h) {
    const char *cat = rj_str(h, "category");
    const char *fam = rj_str(h, "family");
    E(cat ? cat : fam ? fam : "hit");
    const char *side = rj_str(h, "side");
    if (side) {
        P(" \xc2\xb7 side ");
        E(side);
    }
    double w, v;
    if (rj_num(h, "weight", &w)) {
        P(" \xc2\xb7 weight ");
        rfmt_num(c->b, w, 3);
    }
    if (rj_num(h, "value", &v) && !(rj_num(h, "weight", &w) && w == v)) {
        P(" \xc2\xb7 value ");
        rfmt_num(c->b, v, 3);
    }
    rules_text(c, rj_get(h, "rules"), " \xc2\xb7 ");
}

static void open_marks(hctx *c, const span *sp, size_t nsp, size_t p, size_t q, int mention) {
    /* one element per piece: a mention span outside, a mark for all covering hits inside */
    size_t first = nsp;
    for (size_t k = 0; k < nsp; k++)
        if (sp[k].mention == mention && sp[k].start <= p && sp[k].end >= q) {
            first = k;
            break;
        }
    if (first == nsp) return;
    if (mention) {
        const json_t *m = sp[first].obj;
        double st;
        int have = rj_num(m, "stance", &st);
        P("<span class=\"tgt ");
        P(!have ? "" : st > 0.05 ? "st-pos" : st < -0.05 ? "st-neg" : "st-neu");
        P("\" data-target=\"");
        E(rj_str(m, "target"));
        P("\" data-stance=\"");
        if (have) num_attr(c, st);
        P("\" title=\"");
        E(rj_str(m, "target"));
        P(" \xc2\xb7 stance ");
        if (have) fixed(c, st, 2);
        else P("n/a");
        rules_text(c, rj_get(m, "rules"), " \xc2\xb7 ");
        P("\">");
        return;
    }
    P("<mark class=\"");
    int any = 0;
    for (size_t k = first; k < nsp; k++) {
        if (sp[k].mention || sp[k].start > p || sp[k].end < q) continue;
        const char *fam = rj_str(sp[k].obj, "family");
        const char *cat = rj_str(sp[k].obj, "category");
        double v;
        if (any) P(" ");
        P("fam-");
        ranchor(c->b, "", fam ? fam : "other");
        if (cat && strcmp(cat, "attrib.loaded") == 0) P(" attrib-loaded");
        if (fam && strcmp(fam, "tone") == 0 && rj_num(sp[k].obj, "value", &v))
            P(v < 0 ? " tone-neg" : " tone-pos");
        any = 1;
    }
    const json_t *h = sp[first].obj;
    double w, v;
    P("\" data-family=\"");
    E(rj_str(h, "family"));
    P("\" data-category=\"");
    E(rj_str(h, "category"));
    P("\" data-weight=\"");
    if (rj_num(h, "weight", &w)) num_attr(c, w);
    P("\" data-value=\"");
    if (rj_num(h, "value", &v)) num_attr(c, v);
    P("\" data-rules=\"");
    rules_text(c, rj_get(h, "rules"), "");
    P("\" title=\"");
    const char *sep = "";
    for (size_t k = first; k < nsp; k++) {
        if (sp[k].mention || sp[k].start > p || sp[k].end < q) continue;
        P(sep);
        hit_title(c, sp[k].obj);
        sep = " | ";
    }
    P("\">");
}

static int span_cmp(const void *a, const void *b) {
    const span *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1;
    return x->mention - y->mention;
}

static int pos_cmp(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static void render_sentence(hctx *c, const json_t *s, const char *t, size_t st, size_t en, double band) {
    span *sp = NULL;
    size_t nsp = 0, cap = 0;
    static const char *const lists[] = {"hits", "mentions"};
    for (int l = 0; l < 2; l++) {
        const json_t *arr = rj_get(s, lists[l]);
        for (size_t k = 0; k < rj_len(arr); k++) {
            const json_t *h = json_array_get(arr, k);
            double a, b;
            if (!rj_num(h, "start", &a) || !rj_num(h, "end", &b)) continue;
            if (a < (double)st || b > (double)en || b <= a) continue; /* outside its sentence: skip, never crash */
            if (nsp == cap) {
                cap = cap ? cap * 2 : 16;
                sp = slant_xrealloc(sp, cap * sizeof *sp);
            }
            sp[nsp].start = (size_t)a, sp[nsp].end = (size_t)b, sp[nsp].obj = h, sp[nsp].mention = l;
            nsp++;
        }
    }
    if (nsp) qsort(sp, nsp, sizeof *sp, span_cmp);
    size_t *pos = slant_xmalloc((2 * nsp + 2) * sizeof *pos);
    size_t np = 0;
    pos[np++] = st;
    pos[np++] = en;
    for (size_t k = 0; k < nsp; k++) pos[np++] = sp[k].start, pos[np++] = sp[k].end;
    qsort(pos, np, sizeof *pos, pos_cmp);

    const char *id = rj_str(s, "id");
    const char *voice = rj_str(s, "voice");
    const char *speaker = rj_str(s, "speaker");
    int quote = voice && strcmp(voice, "quote") == 0;
    double tone;
    int have_tone = rj_num(s, "tone", &tone);
    P(quote ? "<span class=\"s q\"" : "<span class=\"s\"");
    if (id) {
        P(" id=\"");
        ranchor(c->b, "s-", id);
        P("\"");
    }
    P(" data-voice=\"");
    E(voice ? voice : "outlet");
    P("\"");
    if (have_tone) {
        P(" data-tone=\"");
        num_attr(c, tone);
        P("\"");
    }
    if (speaker) {
        P(" data-speaker=\"");
        E(speaker);
        P("\"");
    }
    P(" title=\"");
    E(id ? id : "sentence");
    P(quote ? " \xc2\xb7 quoted" : " \xc2\xb7 outlet's own voice");
    if (quote) {
        P(": ");
        E(speaker ? speaker : "unknown speaker");
    }
    if (have_tone) {
        P(" \xc2\xb7 tone ");
        fixed(c, tone, 2);
    }
    P("\">");
    if (quote) {
        P("<span class=\"spk\">");
        E(speaker ? speaker : "unknown speaker");
        P("</span> ");
    }
    for (size_t k = 0; k + 1 < np; k++) {
        size_t p = pos[k], q = pos[k + 1];
        if (p == q) continue;
        open_marks(c, sp, nsp, p, q, 1);
        open_marks(c, sp, nsp, p, q, 0);
        render_inner(c, t, p, q);
        int in_mark = 0, in_mention = 0;
        for (size_t x = 0; x < nsp; x++)
            if (sp[x].start <= p && sp[x].end >= q) {
                if (sp[x].mention) in_mention = 1;
                else in_mark = 1;
            }
        if (in_mark) P("</mark>");
        if (in_mention) P("</span>");
    }
    if (have_tone) {
        P("<sup class=\"st ");
        P(tone > band ? "pos" : tone < -band ? "neg" : "neu");
        P("\">");
        fixed(c, tone, 2);
        P("</sup>");
    }
    P("</span>");
    free(pos);
    free(sp);
}

static void section_articles(hctx *c) {
    size_t narts = rv_len(c->v, RL_ARTICLES);
    double band = 0.05;
    rj_num(rj_get(c->m, "method"), "neutral_band", &band);
    if (!narts) {
        P("<p class=\"none\">This report holds no article texts.</p>");
        return;
    }
    for (size_t i = 0; i < narts; i++) {
        rflush(c->b);
        const json_t *a = rv_get(c->v, RL_ARTICLES, i);
        evidence_gather(c, a);
        if (c->sentences) {
            rflush(c->sentences);
            rcsv_sentences_article(c->sentences, a);
        }
        const char *id = rj_str(a, "id");
        P("<article class=\"art\"");
        if (id) {
            P(" id=\"");
            ranchor(c->b, "a-", id);
            P("\"");
        }
        P("><h3>");
        E(rj_str(a, "title") ? rj_str(a, "title") : id ? id : "untitled");
        P("</h3><p class=\"meta\">");
        E(rj_str(a, "source") ? rj_str(a, "source") : "unknown source");
        static const char *const meta[] = {"date", "story", "id", NULL};
        for (const char *const *k = meta; *k; k++) {
            if (!rj_str(a, *k)) continue;
            P(" \xc2\xb7 ");
            if (strcmp(*k, "story") == 0) P("story ");
            E(rj_str(a, *k));
        }
        P("</p>");
        const json_t *tv = rj_get(a, "text");
        const json_t *sents = rj_get(a, "sentences");
        if (!json_is_string(tv) || json_is_false(rj_get(a, "text_available"))) {
            P("<p class=\"none\">The text of this article is not in the report (a report merged from partial "
              "results keeps scores, not texts).</p></article>");
            continue;
        }
        const char *t = json_string_value(tv);
        size_t tl = json_string_length(tv), at = 0;
        P("<div class=\"text\"><p>");
        for (size_t j = 0; j < rj_len(sents); j++) {
            const json_t *s = json_array_get(sents, j);
            double st, en;
            if (!rj_num(s, "start", &st) || !rj_num(s, "end", &en) || st < (double)at || en < st || en > (double)tl)
                continue; /* overlapping or out-of-range sentences are skipped, never rendered twice */
            render_gap(c, t, at, (size_t)st);
            render_sentence(c, s, t, (size_t)st, (size_t)en, band);
            at = (size_t)en;
        }
        render_gap(c, t, at, tl);
        P("</p></div></article>");
    }
}

/* ---------- page ---------- */

static const char css[] =
    ":root{--ink:#1d2327;--muted:#5b6670;--rule:#d9dee3;--bg:#ffffff;--panel:#f6f7f9;--quote:#eef1f4}"
    "*{box-sizing:border-box}"
    "body{margin:0;color:var(--ink);background:var(--bg);font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,"
    "\"Helvetica Neue\",Arial,sans-serif}"
    "main,header.page{max-width:1080px;margin:0 auto;padding:0 24px}"
    "header.page{padding-top:28px}"
    "h1{font-size:1.9rem;line-height:1.2;margin:0 0 .3rem}"
    "h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-top:.4rem;border-top:2px solid var(--ink)}"
    "h3{font-size:1.1rem;margin:1.4rem 0 .4rem}h4{font-size:.95rem;margin:.9rem 0 .2rem}"
    ".lede{font-size:1.05rem;color:var(--muted);margin:.2rem 0 1rem}"
    "nav.toc{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.9rem;margin:.6rem 0 1rem}"
    "nav.toc a{color:var(--ink)}"
    ".warnings{background:#fff4e0;border-left:5px solid #E69F00;padding:.6rem 1rem;margin:1rem 0}"
    ".warnings h2{border:0;margin:.2rem 0;font-size:1.05rem;padding:0}.warnings ul{margin:.3rem 0;padding-left:1.2rem}"
    ".summary-list{margin:.2rem 0 .8rem;padding-left:1.2rem}.summary-list li{margin:.3rem 0;font-size:.95rem}"
    ".sumgroups{columns:2 30rem;column-gap:2.2rem}.sumgroup{break-inside:avoid}.sumgroup h3{margin:.6rem 0 .2rem;font-size:1rem}"
    "figure{margin:1.2rem 0 1.8rem}figcaption{font-weight:600;margin-bottom:.3rem}"
    "figcaption .sub{font-weight:400;color:var(--muted);font-size:.9rem;display:block}"
    "svg.chart{display:block;width:100%;max-width:780px;height:auto;font-size:12px;font-family:inherit}"
    "svg .grid{stroke:#e3e6ea;stroke-width:1}svg .grid.zero{stroke:#7a848d;stroke-width:1.2}"
    "svg .axisline{stroke:#7a848d}svg .axis text{fill:var(--muted)}svg .axislabel{fill:var(--ink)!important}"
    "svg .errbar{stroke:var(--ink);stroke-width:1.5}svg .clip{fill:var(--ink)}svg .rowlabel,svg .collabel{fill:var(--ink);font-size:13px}"
    "svg a .rowlabel{text-decoration:underline}svg .oncolour{fill:#fff}svg .notable{font-weight:700}"
    "svg .na{fill:var(--muted);font-style:italic}svg .caption{fill:var(--muted)}"
    "svg a:hover rect{stroke:var(--ink);stroke-width:1.5}"
    ".tablewrap{overflow-x:auto}"
    "table{border-collapse:collapse;font-size:.88rem;margin:.4rem 0 1rem;min-width:60%}"
    "th,td{padding:.3rem .55rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}"
    "thead th{border-bottom:2px solid var(--ink)}.num,table.sources td,table.keyness td{text-align:right}"
    "th.num,td.num{white-space:nowrap}table.sources thead th{text-align:right}table.sources thead th:first-child{text-align:left}"
    "table.tests tbody tr:first-child td{border-bottom:0}tr.words td{color:var(--muted);font-size:.85rem;padding-top:0}"
    "tbody.sig td{background:#eef6fb}.ci{color:var(--muted);white-space:nowrap}.na{color:var(--muted)}"
    "table.keyness td.term{text-align:left}"
    "a{color:#005a8c}"
    ".legend-families{display:flex;flex-wrap:wrap;gap:.5rem 1rem;font-size:.88rem;margin:.4rem 0 1rem;padding:0;list-style:none}"
    "article.art{border-top:1px solid var(--rule);padding-top:.4rem;margin-top:1.4rem}"
    "article.art .meta{color:var(--muted);font-size:.88rem;margin:0 0 .5rem}"
    ".text p{margin:.5rem 0;max-width:46rem}"
    ".s:target{outline:3px solid #E69F00;outline-offset:2px;background:#fff4e0}"
    ".s.q{background:var(--quote);border-radius:3px;box-decoration-break:clone;-webkit-box-decoration-break:clone}"
    ".spk{display:inline-block;font-size:.72rem;line-height:1.3;background:#5b6670;color:#fff;border-radius:8px;"
    "padding:0 .4rem;margin-right:.2rem;vertical-align:1px}"
    ".st{font-size:.66rem;color:var(--muted);margin-left:.15rem}.st.neg{color:#b34d00}.st.pos{color:#005a8c}"
    "mark{background:none;color:inherit;padding:0 1px;border-radius:2px}"
    "mark.fam-tone.tone-neg{border-bottom:2px dotted #D55E00}mark.fam-tone.tone-pos{border-bottom:2px dotted #0072B2}"
    "mark.fam-frame{border-bottom:2px solid #009E73}"
    "mark.fam-hedge{background:#d4ecf9}mark.fam-booster{background:#f3d9e8}"
    "mark.fam-attrib{background:#f7f0b0}mark.attrib-loaded{background:#f7f0b0;box-shadow:inset 0 -2px 0 #D55E00}"
    "mark.fam-naming{background:#cdebe0;outline:1px dashed #009E73}"
    "mark.fam-act{border-bottom:2px dashed #CC79A7}"
    "mark.fam-loaded{background:#f8cfae;font-weight:600}"
    ".tgt{border-bottom:1px solid #1d2327;font-variant-caps:all-small-caps;letter-spacing:.02em}"
    ".tgt.st-neg{border-bottom-color:#D55E00}.tgt.st-pos{border-bottom-color:#0072B2}"
    ".evsource{columns:2 26rem;column-gap:2rem}.evsource h3{column-span:all}"
    ".ev{break-inside:avoid}.ev ul{margin:.2rem 0 .6rem;padding-left:1.1rem;font-size:.85rem}"
    ".ev:target{background:#fff4e0;outline:2px solid #E69F00}"
    ".ev-term{color:var(--muted);font-size:.8rem}.none{color:var(--muted);font-style:italic}"
    ".method dt{font-weight:600;margin-top:.6rem}.method dd{margin-left:1.2rem}"
    "footer{max-width:1080px;margin:2rem auto;padding:1rem 24px;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule)}"
    "@page{margin:14mm 12mm}"
    "@media print{"
    "body{font-size:10.5pt}nav.toc{display:none}a{color:inherit;text-decoration:none}"
    "main,header.page{max-width:none;padding:0}"
    "h2{break-after:avoid}figure,table,.ev,tr{break-inside:avoid}"
    "article.art{break-inside:auto}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    ".evsource{columns:1}"
    "}";

static void section_header(hctx *c) {
    const json_t *corpus = rj_get(c->m, "corpus");
    const json_t *method = rj_get(c->m, "method");
    const char *name = rj_str(corpus, "name");
    P("<header class=\"page\"><h1>slant report");
    if (name) {
        P(": ");
        E(name);
    }
    P("</h1><p class=\"lede\">");
    rfmt_int(c->b, rj_int(corpus, "articles"));
    P(" articles, ");
    rfmt_int(c->b, rj_int(corpus, "sentences"));
    P(" sentences and ");
    rfmt_int(c->b, rj_int(corpus, "words"));
    P(" words from ");
    rfmt_int(c->b, rj_int(corpus, "sources"));
    P(" sources covering ");
    rfmt_int(c->b, rj_int(corpus, "stories"));
    P(rj_int(corpus, "stories") == 1 ? " story." : " stories.");
    const char *unit = rj_str(method, "unit");
    if (unit) {
        P(" Unit of analysis: the ");
        E(unit);
        P(".");
    }
    const json_t *cl = rj_get(corpus, "cleaning");
    if (cl)
        slant_buf_printf(c->b, " Cleaning removed %lld lines (%lld bytes) of web boilerplate.",
                         rj_int(cl, "lines_removed"), rj_int(cl, "bytes_removed"));
    P("</p><nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>"
      "<a href=\"#sources\">Sources</a><a href=\"#tests\">Tests</a><a href=\"#keyness\">Vocabulary</a>"
      "<a href=\"#coverage\">Coverage</a><a href=\"#articles\">Articles</a><a href=\"#evidence\">Evidence</a>"
      "<a href=\"#method\">Method</a></nav>");
    const json_t *warn = rj_get(method, "warnings");
    if (rj_len(warn)) {
        P("<div class=\"warnings\" role=\"note\"><h2>Read with care</h2><ul>");
        for (size_t i = 0; i < rj_len(warn); i++) {
            const json_t *w = json_array_get(warn, i);
            if (!json_is_string(w)) continue;
            P("<li>");
            E(json_string_value(w));
            P("</li>");
        }
        P("</ul></div>");
    }
    P("</header>");
}

static void section_summary(hctx *c) {
    P("<section id=\"summary\"><h2>Summary</h2><p>Differences between sources that hold after Holm adjustment, "
      "by measure. Every comparison, significant or not, is in the <a href=\"#tests\">tests table</a>.</p>"
      "<div class=\"sumgroups\">");
    const json_t **sel;
    size_t n = rsummary_tests(c->m, &sel);
    slant_buf s;
    slant_buf_init(&s);
    const char *last = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *measure = rj_str(sel[i], "measure");
        if (!last || !measure || strcmp(last, measure) != 0) {
            if (last) P("</ul></div>");
            slant_buf_clear(&s);
            rmeasure_label(&s, c->m, measure);
            if (s.len && s.data[0] >= 'a' && s.data[0] <= 'z') s.data[0] = (char)(s.data[0] - 32);
            P("<div class=\"sumgroup\"><h3>");
            E(s.data ? s.data : "");
            P("</h3><ul class=\"summary-list\">");
            last = measure;
        }
        slant_buf_clear(&s);
        slant_report_test_sentence(c->m, sel[i], &s);
        P("<li>");
        E(s.data ? s.data : "");
        P("</li>");
    }
    if (last) P("</ul></div>");
    slant_buf_free(&s);
    free(sel);
    if (!n)
        slant_buf_printf(c->b, "<p>No pairwise difference between sources is clear at the %g%% level after Holm adjustment.</p>",
                         rconf_percent(c->m));
    P("</div></section>");
}

static void section_method(hctx *c) {
    const json_t *method = rj_get(c->m, "method");
    const json_t *lx = rj_get(c->m, "lexicons");
    const char *unit = rj_str(method, "unit");
    double v;
    P("<section id=\"method\" class=\"method\"><h2>Methodology</h2><dl>"
      "<dt>Voice</dt><dd>Words inside direct quotes belong to the quoted speaker, not the outlet. Every measure is "
      "reported for the outlet's own voice and for quoted voices separately; whom an outlet quotes, and how much, is a "
      "measure of its own.</dd>"
      "<dt>Tone</dt><dd>The valence of a sentence in [\xe2\x88\x92" "1, 1] from a sentiment lexicon, with rules for "
      "negation (\xe2\x80\x9cnot good\xe2\x80\x9d), intensifiers and diminishers, and contrast (the clause after "
      "\xe2\x80\x9c" "but\xe2\x80\x9d weighs more). Hover a highlighted word to see its weight and the rule that changed it.</dd>"
      "<dt>Loaded language</dt><dd>Emotive, pejorative or sensational words (\xe2\x80\x9cregime\xe2\x80\x9d, "
      "\xe2\x80\x9c" "farce\xe2\x80\x9d) per 1,000 words, with exact Poisson intervals.</dd>"
      "<dt>Hedges, boosters, attribution verbs</dt><dd>Words that weaken (\xe2\x80\x9creportedly\xe2\x80\x9d) or "
      "strengthen (\xe2\x80\x9c" "clearly\xe2\x80\x9d) a claim, and neutral (\xe2\x80\x9csaid\xe2\x80\x9d) versus loaded "
      "(\xe2\x80\x9c" "claimed\xe2\x80\x9d, \xe2\x80\x9cinsisted\xe2\x80\x9d) reporting verbs.</dd>"
      "<dt>Stance toward a target</dt><dd>The valence around each mention of an actor (its clause, and who does what to "
      "whom), not the tone of the whole sentence; averaged per source and target.</dd>"
      "<dt>Frames</dt><dd>The share of each frame's vocabulary (economy, security, diplomacy, history, law...) among "
      "all frame words of a source; the chi-square test's standardised residuals show where a source departs from the "
      "others (beyond \xc2\xb1" "1.96 is notable).</dd>"
      "<dt>Naming</dt><dd>Which of the contested labels for one referent a source uses, and whose side each label belongs to.</dd>"
      "<dt>Distinctive vocabulary</dt><dd>Log-likelihood G\xc2\xb2 of each word in one source against all others, "
      "with the log ratio of relative frequencies as effect size.</dd>"
      "<dt>Tests</dt><dd>Pairwise Welch t tests for means and exact tests for rate ratios, with Holm-adjusted p "
      "within each measure; Kruskal-Wallis across all sources. A difference is <em>robust</em> when it survives "
      "dropping its top contributing term and <em>fragile</em> when it rests on fewer than three distinct terms.</dd>");
    P("<dt>Unit of analysis</dt><dd>");
    if (unit && strcmp(unit, "sentence") == 0)
        P("The sentence: the sources have one article each. Sentences of one article are not independent, so "
          "intervals are too narrow and p-values too small; treat results as descriptive.");
    else
        P("The article: each article counts once, so a long article does not outweigh several short ones.");
    slant_buf_printf(c->b, " Intervals are %g%% intervals", rconf_percent(c->m));
    if (rj_num(method, "bootstrap_replicates", &v)) slant_buf_printf(c->b, "; bootstrap intervals use %.0f replicates", v);
    if (rj_num(method, "seed", &v)) slant_buf_printf(c->b, " with seed %.0f", v);
    P(".</dd>");
    const json_t *warn = rj_get(method, "warnings");
    if (rj_len(warn)) {
        P("<dt>Warnings for this corpus</dt><dd><ul>");
        for (size_t i = 0; i < rj_len(warn); i++) {
            const json_t *w = json_array_get(warn, i);
            if (!json_is_string(w)) continue;
            P("<li>");
            E(json_string_value(w));
            P("</li>");
        }
        P("</ul></dd>");
    }
    P("<dt>Limits of lexicon methods</dt><dd>A lexicon counts words, not meaning. Sarcasm, irony, negation "
      "beyond the rules, reported speech and context can reverse what a word seems to say. A lexicon encodes its "
      "authors' judgement and the genre it was built for. Small samples give wide intervals: a difference that is not "
      "significant is not evidence of no difference. Read the highlighted sentences before trusting a number.</dd></dl>");
    P("<h3>Lexicons</h3>");
    if (rj_str(lx, "hash")) {
        P("<p>Lexicon set hash <code>");
        E(rj_str(lx, "hash"));
        P("</code>; later layers override earlier ones.</p>");
    }
    const json_t *layers = rj_get(lx, "layers");
    if (rj_len(layers)) {
        P("<div class=\"tablewrap\"><table class=\"lexicons\"><thead><tr><th>Layer</th><th>Version</th><th>Language</th>"
          "<th>Source</th><th>Licence</th><th>Entries</th></tr></thead><tbody>");
        for (size_t i = 0; i < rj_len(layers); i++) {
            const json_t *l = json_array_get(layers, i);
            static const char *const f[] = {"name", "version", "language", "source", "license", NULL};
            P("<tr>");
            for (const char *const *x = f; *x; x++) {
                P(x == f ? "<th scope=\"row\">" : "<td style=\"text-align:left\">");
                E(rj_str(l, *x));
                P(x == f ? "</th>" : "</td>");
            }
            slant_buf_printf(c->b, "<td>%lld</td></tr>", rj_int(l, "entries"));
        }
        P("</tbody></table></div>");
    }
    const json_t *cl = rj_get(rj_get(c->m, "corpus"), "cleaning");
    const json_t *by = rj_get(cl, "by_rule");
    if (json_object_size(by)) {
        P("<h3>What cleaning removed</h3><ul>");
        size_t nk;
        const char **keys = rj_sorted_keys(by, &nk);
        for (size_t k = 0; k < nk; k++) {
            P("<li>");
            E(keys[k]);
            slant_buf_printf(c->b, ": %lld lines</li>", rj_int(by, keys[k]));
        }
        free(keys);
        P("</ul>");
    }
    P("</section>");
}

static void family_legend(hctx *c) {
    P("<ul class=\"legend-families\" aria-label=\"highlight legend\">"
      "<li><mark class=\"fam-loaded\">loaded</mark></li>"
      "<li><mark class=\"fam-tone tone-neg\">negative tone</mark></li>"
      "<li><mark class=\"fam-tone tone-pos\">positive tone</mark></li>"
      "<li><mark class=\"fam-hedge\">hedge</mark></li>"
      "<li><mark class=\"fam-booster\">booster</mark></li>"
      "<li><mark class=\"fam-attrib\">attribution verb</mark></li>"
      "<li><mark class=\"fam-attrib attrib-loaded\">loaded attribution</mark></li>"
      "<li><mark class=\"fam-frame\">frame word</mark></li>"
      "<li><mark class=\"fam-naming\">contested name</mark></li>"
      "<li><span class=\"tgt\">Target</span> (mention)</li>"
      "<li><span class=\"s q\"><span class=\"spk\">Speaker</span> quoted words</span></li>"
      "<li><sup class=\"st neg\">\xe2\x88\x92" "0.42</sup> sentence tone</li></ul>");
}

int slant_report_render_html(const json_t *model, slant_buf *out, slant_error *err) {
    rsink s = {*out, NULL, 0}; /* the caller's buffer, handed back below */
    rview v;
    rview_model(&v, model);
    int rc = rrender_html(&v, &s, NULL, err);
    *out = s.b;
    return rc;
}

static void html_begin(hctx *c, rview *v, slant_buf *out) {
    memset(c, 0, sizeof *c);
    c->b = out;
    c->m = v->m;
    c->v = v;
    c->sources = rj_get(c->m, "sources");
    c->nsources = rj_len(c->sources);
}

static void html_end(hctx *c) {
    slant_strmap_free(c->sent_index);
    slant_arena_free(c->arena);
    free(c->snips);
    free(c->ev);
}

/* The page up to the coverage tables. */
static void html_head(hctx *c) {
    const json_t *model = c->m;
    const char *name = rj_str(rj_get(model, "corpus"), "name");
    P("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"generator\" content=\"slant ");
    E(rj_str(rj_get(model, "generator"), "version"));
    P("\">\n<title>slant report");
    if (name) {
        P(": ");
        E(name);
    }
    P("</title>\n<style>");
    P(css);
    P("</style>\n</head>\n<body>\n");
    section_header(c);
    P("\n<main>\n");
    section_summary(c);

    P("\n<section id=\"charts\"><h2>Charts</h2>");
    static const dotchart tone = {"tone", "mean", "Mean tone by source, own voice and quoted voices",
                                  "mean sentence tone (\xe2\x88\x92" "1 negative \xe2\x80\xa6 +1 positive)", 2, 0};
    static const dotchart loaded = {"loaded", "per_1000", "Loaded language per 1,000 words by source",
                                    "loaded-language terms per 1,000 words", 1, 1};
    P("<figure id=\"fig-tone\"><figcaption>Tone by source<span class=\"sub\">Mean tone of each source's sentences "
      "with its interval; outlet voice and quoted voices side by side.</span></figcaption>");
    chart_by_source(c, &tone);
    P("</figure><figure id=\"fig-loaded\"><figcaption>Loaded language by source<span class=\"sub\">Terms per 1,000 "
      "words of each voice with exact Poisson intervals.</span></figcaption>");
    chart_by_source(c, &loaded);
    P("</figure><figure id=\"fig-stance\"><figcaption>Stance toward each target<span class=\"sub\">Mean stance of "
      "the outlet's own sentences; hover a cell for its interval, click it for the sentences.</span></figcaption>");
    chart_stance(c);
    P("</figure><figure id=\"fig-frames\"><figcaption>Frames per source<span class=\"sub\">Share of each frame in the "
      "source's frame vocabulary, and the chi-square test's standardised residuals (bold: beyond \xc2\xb1" "1.96)."
      "</span></figcaption>");
    chart_frames(c);
    P("</figure><section id=\"fig-naming\"><h3>Naming choices</h3><p>How often each source uses each label for a "
      "contested referent, coloured by the side the label belongs to (grey: neutral).</p>");
    chart_naming(c);
    P("</section></section>\n");

    P("<section id=\"sources\"><h2>Sources</h2><p>Tone: mean with its interval. Rates: per 1,000 words of that "
      "voice. Click a number for the sentences behind it.</p>");
    table_sources(c);
    P("<h3>Who is quoted</h3>");
    table_speakers(c);
    P("</section>\n<section id=\"tests\"><h2>Tests</h2><p>Every comparison between sources; p adjusted by Holm "
      "within each measure. Shaded rows are significant after adjustment.</p>");
    table_tests(c);
    P("</section>\n<section id=\"keyness\"><h2>Distinctive vocabulary</h2>");
    table_keyness(c);
    P("</section>\n<section id=\"coverage\"><h2>Same story, different coverage</h2><p>What other sources on the same "
      "story include and this one leaves out.</p>");
    if (!rv_len(c->v, RL_COVERAGE)) P("<p class=\"none\">No story was covered by more than one source.</p>");
}

/* The page after the coverage tables: the articles (and sentences.csv
 * when c->sentences), then the evidence they gave, the method. */
static void html_tail(hctx *c) {
    const json_t *model = c->m;
    c->sent_index = slant_strmap_new(1024);
    c->arena = slant_arena_new(1 << 16);
    evidence_lists(c);
    P("</section>\n<section id=\"articles\"><h2>Articles</h2><p>Every scored word is highlighted; hover it for its "
      "category, weight and the rule that changed it. Shaded passages are quotes, labelled with their speaker.</p>");
    family_legend(c);
    section_articles(c);
    P("</section>\n<section id=\"evidence\"><h2>Evidence</h2><p>The sentences behind each number, by source.</p>");
    section_evidence(c);
    P("</section>\n");
    section_method(c);
    P("\n</main>\n<footer>Written by ");
    E(rj_str(rj_get(model, "generator"), "name") ? rj_str(rj_get(model, "generator"), "name") : "slant");
    P(" ");
    E(rj_str(rj_get(model, "generator"), "version"));
    P(" \xc2\xb7 report schema ");
    E(rj_str(model, "schema_version"));
    P(" \xc2\xb7 the data behind this page: report.json and the CSV tables in the same folder.</footer>\n</body>\n</html>\n");
}

int rrender_html(rview *v, rsink *sink, rsink *sentences, slant_error *err) {
    if (slant_report_check_model(v->m, err)) return -1;
    if (sentences) rcsv_sentences_header(&sentences->b);
    hctx c;
    html_begin(&c, v, &sink->b);
    c.sentences = sentences ? &sentences->b : NULL;
    html_head(&c);
    table_coverage(&c);
    html_tail(&c);
    html_end(&c);
    return 0;
}

int rrender_html_part(rview *v, int part, rsink *sink, rsink *sentences, slant_error *err) {
    if (slant_report_check_model(v->m, err)) return -1;
    hctx c;
    html_begin(&c, v, &sink->b);
    if (part == RH_HEAD) {
        html_head(&c);
    } else {
        if (sentences) rcsv_sentences_header(&sentences->b);
        c.sentences = sentences ? &sentences->b : NULL;
        html_tail(&c);
    }
    html_end(&c);
    return 0;
}
