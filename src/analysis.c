/*
 * analysis.c - turns a finished aggregate into the report model.
 *
 * Units. When every source has at least two articles the unit of analysis
 * is the article: a source's tone is the mean of its articles' mean
 * sentence tone, and its interval comes from resampling articles (a cluster
 * bootstrap: sentences of one article stay together). With a single article
 * for some source the unit falls back to the sentence, and the model says
 * so in method.warnings. Rates (loaded language, hedges, ...) are counts per
 * words of a voice, with exact Poisson intervals; their pairwise tests are
 * exact conditional rate-ratio tests, which do not need the unit choice.
 *
 * Families of tests. Holm's adjustment runs over all pairs of one measure
 * (e.g. the 10 pairs of loaded.outlet among 5 sources): each measure is a
 * separate question a reader asks.
 *
 * Which words carry a difference. For a rate-ratio test between sources a
 * and b, a term's contribution is its share of the difference in rates
 * per 1,000 words; the test is repeated without the top term (robust) and
 * the number of distinct terms with a positive contribution is kept
 * (fragile when < 3). For tone, contributions use the terms' summed tone
 * values per sentence; robustness is not computed there, because sentence
 * tone is a non-linear function of its terms.
 */
#include "slant/analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slant/stats.h"

#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim */
#endif

#define MAX_TOP_TERMS 10

void slant_analysis_opts_default(slant_analysis_opts *o) {
    o->seed = 20261122u;
    o->bootstrap = 2000;
    o->confidence = 0.95;
    o->min_keyness_count = 5;
    o->corpus_name = NULL;
    o->threads = 0;
}

/* ---- small json helpers ---- */

static json_t *num(double v) { return isfinite(v) ? json_real(v) : json_null(); }
static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* ---- per-source grouping ---- */

/* A source's articles, and what the model asks of them computed once (by
 * summarize_source): the pairwise tests ask for the same source's totals
 * once per pair, and summing the articles again for each pair made the
 * model quadratic in the number of sources times linear in the corpus. */
typedef struct source_group {
    const char *name;
    size_t n; /* articles */
    size_t sentences;
    double words[SLANT_VOICE_COUNT];
    double *cat;               /* [ncat * 2]: hits per category and voice */
    double *entry;             /* [nentries * 2]: hits per entry and voice */
    double *tone_sign;         /* [nentries * 2]: outlet hits of tone entries in articles where
                                  the entry's summed value is < 0 (even slot) or > 0 (odd) */
    const char **naming_first; /* [nentries]: id of the first article naming with the entry */
    slant_agg_speaker *speakers; /* folded by name, most words first */
    size_t nspeakers;
    double *units[SLANT_VOICE_COUNT]; /* tone at the unit of analysis */
    size_t nunits[SLANT_VOICE_COUNT], units_cap[SLANT_VOICE_COUNT];
    struct dvec *stance_key; /* [ncat * 2]: the walk's stance units per key, until summarize_source */
    double *stance;     /* stance units, grouped by (target category, voice) ... */
    size_t *stance_off; /* ... key k = cat * 2 + voice in [stance_off[k], stance_off[k + 1]) */
    double *tone_sum[SLANT_VOICE_COUNT]; /* per entry: summed tone values (tone_term_sums) */
    double tone_sum_units[SLANT_VOICE_COUNT];
    slant_boot_ci boot[SLANT_VOICE_COUNT]; /* of the tone units (a task each) */
} source_group;

/* The union of the sources' vocabularies (keyness, divergence). */
typedef struct vocab_union {
    const char **terms;
    double *counts; /* [nsrc * nterms] */
    double *totals; /* per source */
    double *all;    /* per term: its count over all sources */
    size_t nterms;
} vocab_union;

typedef struct story_row story_row;

/* A growable array of doubles or of uint32. */
typedef struct dvec {
    double *v;
    size_t n, cap;
} dvec;

typedef struct uvec {
    uint32_t *v;
    uint32_t n, cap;
} uvec;

typedef struct ctx {
    slant_agg *agg;
    const slant_lexset *set;
    const slant_analysis_opts *o;
    size_t ncat, nentries;
    source_group *src;
    size_t nsrc;
    int unit_article;
    json_t *warnings;
    uint8_t *member; /* [measure * ncat + cat]: category_in, computed once (NULL: compute) */
    int threads;
    vocab_union u;
    const char **stories; /* distinct story ids of the articles that have one, sorted */
    size_t nstories;
    /* what the walk over the articles (walk_articles) gathers */
    int failed;                  /* a spilled record could not be read back */
    int speakers_listed;         /* the sources' speakers go to a list (speaker_list), not the model */
    size_t nkeys;                /* stance keys: ncat * 2 */
    size_t articles, sentences, words, storyless;
    size_t stride;               /* columns of the story tables: sources as first listed */
    size_t *col;                 /* [nsrc]: a source's column */
    slant_arena *strings;        /* story names and coverage items */
    slant_strmap *story_index;   /* story -> slot, in order of first appearance */
    const char **slot_story;     /* [slot] */
    size_t nslots, slots_cap;
    size_t *slot_of;             /* [k]: the slot of stories[k] */
    story_row *rows;             /* [slot * stride + column]: the story tables' sums */
    uvec *sets;                  /* [slot * stride + column]: coverage items, kind << 30 | item */
    slant_strmap *item_index;    /* coverage item (target, number or speaker) -> item */
    const char **items;
    size_t nitems, items_cap;
    uint32_t *item_rank;         /* [item]: its place among the items in byte order (item_ranks) */
    uint32_t *item_by_rank;      /* [rank]: the item */
} ctx;

static int cmp_cstr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sources as the aggregate lists them (sorted by name): the walk
 * counts their articles, and sources_keep drops any with none (a partial
 * may name a source in a vocabulary line only). */
static void sources_init(ctx *c) {
    size_t n = slant_agg_source_count(c->agg);
    c->src = slant_xcalloc(n ? n : 1, sizeof *c->src);
    c->nsrc = n;
    c->stride = n;
    c->nkeys = c->ncat * SLANT_VOICE_COUNT;
    for (size_t s = 0; s < n; s++) {
        source_group *g = &c->src[s];
        g->name = slant_agg_source_name(c->agg, s);
        g->stance_key = slant_xcalloc(c->nkeys ? c->nkeys : 1, sizeof *g->stance_key);
        for (int v = 0; v < SLANT_VOICE_COUNT; v++)
            g->tone_sum[v] = slant_xcalloc(c->nentries ? c->nentries : 1, sizeof *g->tone_sum[v]);
    }
}

static size_t source_of(const ctx *c, const char *name) {
    size_t lo = 0, hi = c->nsrc;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int k = strcmp(c->src[mid].name, name);
        if (k == 0) return mid;
        if (k < 0) lo = mid + 1;
        else hi = mid;
    }
    return (size_t)-1;
}

static void free_source(const ctx *c, source_group *g);

static void sources_keep(ctx *c) {
    c->col = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *c->col);
    size_t m = 0;
    for (size_t s = 0; s < c->nsrc; s++) {
        if (!c->src[s].n) {
            free_source(c, &c->src[s]);
            continue;
        }
        c->col[m] = s;
        c->src[m++] = c->src[s];
    }
    c->nsrc = m;
}

/* ---- category membership of the count measures ---- */

typedef struct count_measure {
    const char *name;   /* key in the model */
    int family;
    const char *prefix; /* category name prefix, NULL = whole family */
} count_measure;

static const count_measure count_measures[] = {
    {"loaded", SLANT_FAM_LOADED, NULL},
    {"hedge", SLANT_FAM_HEDGE, NULL},
    {"booster", SLANT_FAM_BOOSTER, NULL},
    {"attrib_neutral", SLANT_FAM_ATTRIB, "attrib.neutral"},
    {"attrib_loaded", SLANT_FAM_ATTRIB, "attrib.loaded"},
};
#define NCOUNT_MEASURES (sizeof count_measures / sizeof count_measures[0])

/* A compact table per story (articles, words, mean sentence tone and rates
 * per 1,000 words in the outlet's voice), without intervals: a source
 * usually has one or two articles on a story, too few for a test, but the
 * side-by-side numbers are what a reader compares first. */
struct story_row {
    size_t articles, nsent;
    double words, tone, counts[NCOUNT_MEASURES];
};

static int category_in_names(const ctx *c, size_t cat, const count_measure *m) {
    const slant_category *k = slant_lexset_category(c->set, cat);
    if (k->family != m->family) return 0;
    if (!m->prefix) return 1;
    size_t pl = strlen(m->prefix);
    return strncmp(k->name, m->prefix, pl) == 0 && (k->name[pl] == '\0' || k->name[pl] == '.');
}

/* The sums below ask this for every category of every article: a table
 * instead of string comparisons (they were a third of the analysis time). */
static int category_in(const ctx *c, size_t cat, const count_measure *m) {
    if (c->member) return c->member[(size_t)(m - count_measures) * c->ncat + cat];
    return category_in_names(c, cat, m);
}

static void member_table(ctx *c) {
    c->member = slant_xmalloc(NCOUNT_MEASURES * (c->ncat ? c->ncat : 1));
    for (size_t m = 0; m < NCOUNT_MEASURES; m++)
        for (size_t cat = 0; cat < c->ncat; cat++)
            c->member[m * c->ncat + cat] = (uint8_t)category_in_names(c, cat, &count_measures[m]);
}

static int entry_in(const ctx *c, uint32_t entry, const count_measure *m) {
    return category_in(c, slant_lexset_entry(c->set, entry)->category, m);
}

/* Count of a measure in one voice over a source's articles, and the words. */
static void source_count(const ctx *c, const source_group *g, const count_measure *m, int voice,
                         double *count, double *words) {
    *count = 0;
    *words = g->words[voice];
    for (size_t cat = 0; cat < c->ncat; cat++)
        if (category_in(c, cat, m)) *count += g->cat[cat * SLANT_VOICE_COUNT + voice];
}

/* Per-term counts of a measure in one voice for a source: out[entry]. */
static void source_term_counts(const ctx *c, const source_group *g, const count_measure *m, int voice,
                               double *out) {
    for (size_t e = 0; e < c->nentries; e++)
        out[e] = entry_in(c, (uint32_t)e, m) ? g->entry[e * SLANT_VOICE_COUNT + voice] : 0;
}

static int cmp_speaker_words(const void *x, const void *y) {
    const slant_agg_speaker *a = x, *b = y;
    if (a->words != b->words) return a->words > b->words ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* ---- unit values: tone and stance ---- */

static void dvec_push(dvec *d, double x) {
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = slant_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    d->v[d->n++] = x;
}

static void uvec_push(uvec *u, uint32_t x) {
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 8;
        u->v = slant_xrealloc(u->v, u->cap * sizeof *u->v);
    }
    u->v[u->n++] = x;
}

static void unit_push(source_group *g, int voice, double x) {
    if (g->nunits[voice] == g->units_cap[voice]) {
        g->units_cap[voice] = g->units_cap[voice] ? g->units_cap[voice] * 2 : 64;
        g->units[voice] = slant_xrealloc(g->units[voice], g->units_cap[voice] * sizeof *g->units[voice]);
    }
    g->units[voice][g->nunits[voice]++] = x;
}

/* One article's scratch for the walk, reused. */
typedef struct walk_scratch {
    slant_agg_mention *ms;
    const char **nums;
    slant_agg_speaker *sps;
    slant_agg_term *terms;
    size_t room, terms_room;
    uint32_t *cats;
    double *sum;     /* [nkeys] */
    uint32_t *cnt;   /* [nkeys] */
    uint32_t *touched;
    uint32_t *stamp; /* [item * 3 + kind]: the last article (counted from 1) that listed it */
    size_t stamp_cap;
    uint32_t article;
    uint32_t *cat_item; /* [ncat]: a target's coverage item, UINT32_MAX until first met (a mention
                           then costs no hashing of its target's name) */
} walk_scratch;

/* The unit values of one article, appended to its source's: sentence tone
 * per voice and stance per (target, voice), either per sentence / mention
 * or as the article's mean (the cluster bootstrap's unit). Within a source,
 * articles arrive in id order, so each list keeps the order of the arrays
 * the analysis always had. Mentions are decoded into w->ms by the caller. */
static void article_units(const ctx *c, source_group *g, const slant_agg_article *r, walk_scratch *w,
                          int by_sentence) {
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) {
        if (!r->nsent_voice[v]) continue;
        if (!by_sentence) {
            double sum = 0;
            for (uint32_t i = 0; i < r->nsent_voice[v]; i++) sum += slant_from_micro(r->tone[v][i]);
            unit_push(g, v, sum / r->nsent_voice[v]);
        } else {
            for (uint32_t i = 0; i < r->nsent_voice[v]; i++) unit_push(g, v, slant_from_micro(r->tone[v][i]));
        }
    }
    /* stance: an article's unit is the mean of its mentions of a key, in
     * mention order */
    size_t nt = 0;
    for (uint32_t i = 0; i < r->nmentions; i++) {
        size_t key = (size_t)w->ms[i].category * SLANT_VOICE_COUNT + w->ms[i].voice;
        if (key >= c->nkeys) continue;
        double x = slant_from_micro(w->ms[i].stance_micro);
        if (by_sentence) {
            dvec_push(&g->stance_key[key], x);
            continue;
        }
        if (!w->cnt[key]++) w->touched[nt++] = (uint32_t)key, w->sum[key] = 0;
        w->sum[key] += x;
    }
    for (size_t t = 0; t < nt; t++) {
        uint32_t key = w->touched[t];
        dvec_push(&g->stance_key[key], w->sum[key] / (double)w->cnt[key]);
        w->cnt[key] = 0;
    }
}

static const double *stance_units(const ctx *c, const source_group *g, uint32_t target, int voice,
                                  size_t *n) {
    size_t key = (size_t)target * SLANT_VOICE_COUNT + (size_t)voice;
    (void)c;
    *n = g->stance_off[key + 1] - g->stance_off[key];
    return g->stance + g->stance_off[key];
}

static void scratch_room(walk_scratch *w, const slant_agg_article *r) {
    size_t need = r->nmentions > r->nnumbers ? r->nmentions : r->nnumbers;
    if (r->nspeakers > need) need = r->nspeakers;
    if (need > w->room) {
        w->room = need;
        w->ms = slant_xrealloc(w->ms, w->room * sizeof *w->ms);
        w->nums = slant_xrealloc(w->nums, w->room * sizeof *w->nums);
        w->sps = slant_xrealloc(w->sps, w->room * sizeof *w->sps);
    }
    if (slant_agg_article_tone_room(r) > w->terms_room) {
        w->terms_room = slant_agg_article_tone_room(r);
        w->terms = slant_xrealloc(w->terms, w->terms_room * sizeof *w->terms);
    }
}

/* Every total the model uses, from the sums the aggregate keeps per source
 * (integers, exact in a double); only the unit values come from the
 * articles, in id order. */
static void summarize_source(const ctx *c, source_group *g) {
    size_t ne = c->nentries ? c->nentries : 1;
    slant_agg_totals t;
    slant_agg_source_totals(c->agg, g->name, &t);
    g->cat = slant_xcalloc((c->ncat ? c->ncat : 1) * SLANT_VOICE_COUNT, sizeof *g->cat);
    g->entry = slant_xcalloc(ne * SLANT_VOICE_COUNT, sizeof *g->entry);
    g->tone_sign = slant_xcalloc(ne * 2, sizeof *g->tone_sign);
    g->naming_first = slant_xcalloc(ne, sizeof *g->naming_first);
    g->sentences = (size_t)t.sentences;
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) g->words[v] = (double)t.words[v];
    if (t.cat) {
        for (size_t i = 0; i < c->ncat * SLANT_VOICE_COUNT; i++) g->cat[i] = (double)t.cat[i];
        for (size_t i = 0; i < c->nentries * SLANT_VOICE_COUNT; i++) g->entry[i] = (double)t.entry[i];
        for (size_t i = 0; i < c->nentries * 2; i++) g->tone_sign[i] = (double)t.tone_sign[i];
        for (size_t e = 0; e < c->nentries; e++) g->naming_first[e] = t.first_id[e];
    }
    g->speakers = slant_xmalloc((t.nspeakers ? t.nspeakers : 1) * sizeof *g->speakers);
    if (t.nspeakers) memcpy(g->speakers, t.speakers, t.nspeakers * sizeof *g->speakers);
    g->nspeakers = t.nspeakers;
    /* names are unique, so this order is total */
    if (g->nspeakers > 1) qsort(g->speakers, g->nspeakers, sizeof *g->speakers, cmp_speaker_words);
    for (int v = 0; v < SLANT_VOICE_COUNT; v++)
        if (!g->units[v]) g->units[v] = slant_xmalloc(sizeof *g->units[v]);
    /* the walk's stance units per key, back to back */
    size_t *off = slant_xcalloc(c->nkeys + 1, sizeof *off);
    for (size_t k = 0; k < c->nkeys; k++) off[k + 1] = off[k] + g->stance_key[k].n;
    double *units = slant_xmalloc((off[c->nkeys] ? off[c->nkeys] : 1) * sizeof *units);
    for (size_t k = 0; k < c->nkeys; k++) {
        if (g->stance_key[k].n) memcpy(units + off[k], g->stance_key[k].v, g->stance_key[k].n * sizeof *units);
        free(g->stance_key[k].v);
    }
    free(g->stance_key);
    g->stance_key = NULL;
    g->stance = units;
    g->stance_off = off;
}

static void free_source(const ctx *c, source_group *g) {
    if (g->stance_key) { /* dropped before summarize_source */
        for (size_t k = 0; k < c->nkeys; k++) free(g->stance_key[k].v);
        free(g->stance_key);
    }
    free(g->cat);
    free(g->entry);
    free(g->tone_sign);
    free(g->naming_first);
    free(g->speakers);
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) free(g->units[v]), free(g->tone_sum[v]);
    free(g->stance);
    free(g->stance_off);
}

/* boot: the bootstrap interval of v, or NULL for none. */
static json_t *mean_json(const ctx *c, const double *v, size_t n, const slant_boot_ci *boot) {
    slant_mean_ci m = slant_stats_mean_t(v, n, c->o->confidence);
    json_t *o = json_object();
    json_object_set_new(o, "mean", m.valid ? num(m.mean) : json_null());
    json_object_set_new(o, "ci_low", m.ci_valid ? num(m.ci_low) : json_null());
    json_object_set_new(o, "ci_high", m.ci_valid ? num(m.ci_high) : json_null());
    const char *reason = !m.valid ? m.reason : !m.ci_valid ? m.reason : NULL;
    if (boot) {
        slant_boot_ci b = *boot;
        json_object_set_new(o, "boot_low", b.valid ? num(b.ci_low) : json_null());
        json_object_set_new(o, "boot_high", b.valid ? num(b.ci_high) : json_null());
        json_object_set_new(o, "sd", m.ci_valid ? num(m.sd) : json_null());
        if (!reason && !b.valid) reason = b.reason;
    }
    json_object_set_new(o, "n", json_integer((json_int_t)n));
    if (reason) json_object_set_new(o, "reason", json_string(reason));
    return o;
}

static json_t *rate_json(const ctx *c, double count, double words) {
    slant_poisson_ci p = slant_stats_poisson_rate(count, words, 1000.0, c->o->confidence);
    json_t *o = json_object();
    json_object_set_new(o, "count", json_integer((json_int_t)count));
    json_object_set_new(o, "per_1000", p.rate_valid ? num(p.rate) : json_null());
    json_object_set_new(o, "ci_low", p.rate_valid ? num(p.rate_low) : json_null());
    json_object_set_new(o, "ci_high", p.rate_valid ? num(p.rate_high) : json_null());
    json_object_set_new(o, "words", json_integer((json_int_t)words));
    if (!p.rate_valid) json_object_set_new(o, "reason", json_string(p.reason ? p.reason : "no words in this voice"));
    return o;
}

/* ---- label helpers ---- */

static const char *family_suffix(const char *name) {
    const char *dot = strchr(name, '.');
    return dot ? dot + 1 : name;
}

const char *slant_entry_display(const slant_entry *e, char *buf, size_t bufsz) {
    const char *s = e->label ? e->label : e->term;
    snprintf(buf, bufsz, "%s", s);
    for (char *p = buf; *p; p++)
        if (*p == '_' && e->label) *p = ' ';
    return buf;
}

const char *slant_hit_measure(const slant_lexset *set, uint32_t entry, double value) {
    const slant_entry *e = slant_lexset_entry(set, entry);
    if (e->family == SLANT_FAM_TONE) return value < 0 ? "tone_negative" : value > 0 ? "tone_positive" : NULL;
    ctx c = {0};
    c.set = set;
    for (size_t m = 0; m < NCOUNT_MEASURES; m++)
        if (category_in(&c, e->category, &count_measures[m])) return count_measures[m].name;
    return NULL;
}

/* ---- sources ---- */

typedef struct ranked_term {
    uint32_t entry;
    double value;
} ranked_term;

static int cmp_ranked_desc(const void *x, const void *y) {
    const ranked_term *a = x, *b = y;
    if (a->value != b->value) return a->value > b->value ? -1 : 1;
    return a->entry < b->entry ? -1 : a->entry > b->entry;
}

static json_t *top_terms_json(const ctx *c, const double *counts) {
    ranked_term *r = slant_xmalloc((c->nentries ? c->nentries : 1) * sizeof *r);
    size_t n = 0;
    for (size_t e = 0; e < c->nentries; e++)
        if (counts[e] > 0) r[n++] = (ranked_term){(uint32_t)e, counts[e]};
    qsort(r, n, sizeof *r, cmp_ranked_desc);
    json_t *arr = json_array();
    char buf[256];
    for (size_t i = 0; i < n && i < MAX_TOP_TERMS; i++) {
        const slant_entry *e = slant_lexset_entry(c->set, r[i].entry);
        json_array_append_new(arr, json_pack("{s:s,s:i,s:[]}", "term", slant_entry_display(e, buf, sizeof buf),
                                             "count", (json_int_t)r[i].value, "sentences"));
    }
    free(r);
    return arr;
}

typedef struct first_use {
    const char *id; /* first article (by id) with the entry */
    uint32_t entry;
} first_use;

static int cmp_first_use(const void *x, const void *y) {
    const first_use *a = x, *b = y;
    int k = strcmp(a->id, b->id);
    return k ? k : (a->entry > b->entry) - (a->entry < b->entry);
}

static json_t *speakers_json(const slant_agg_speaker *v, size_t n) {
    json_t *speakers = json_array();
    for (size_t i = 0; i < n; i++) {
        const slant_agg_speaker *sp = &v[i];
        json_array_append_new(speakers, json_pack("{s:o,s:i,s:i}", "name", sp->name[0] ? json_string(sp->name) : json_null(),
                                                  "words", (json_int_t)sp->words, "quotes", (json_int_t)sp->quotes));
    }
    return speakers;
}

static json_t *source_json(const ctx *c, const source_group *g, double *scratch) {
    json_t *o = json_object();
    size_t sentences = g->sentences;
    const double *words = g->words;
    double total = words[0] + words[1];
    json_object_set_new(o, "name", json_string(g->name));
    json_object_set_new(o, "articles", json_integer((json_int_t)g->n));
    json_object_set_new(o, "sentences", json_integer((json_int_t)sentences));
    json_object_set_new(o, "words", json_integer((json_int_t)total));
    json_object_set_new(o, "words_outlet", json_integer((json_int_t)words[0]));
    json_object_set_new(o, "words_quoted", json_integer((json_int_t)words[1]));
    json_object_set_new(o, "quote_share", total > 0 ? num(words[1] / total) : json_null());
    if (total <= 0) json_object_set_new(o, "reason", json_string("no words"));

    json_t *tone = json_object();
    static const char *const vname[2] = {"outlet", "quoted"};
    for (int v = 0; v < 2; v++) json_object_set_new(tone, vname[v], mean_json(c, g->units[v], g->nunits[v], &g->boot[v]));
    json_object_set_new(o, "tone", tone);

    for (size_t m = 0; m < NCOUNT_MEASURES; m++) {
        json_t *mo = json_object();
        for (int v = 0; v < 2; v++) {
            double count, w;
            source_count(c, g, &count_measures[m], v, &count, &w);
            json_object_set_new(mo, vname[v], rate_json(c, count, w));
        }
        json_object_set_new(o, count_measures[m].name, mo);
    }

    /* top terms: count measures in the outlet voice, and tone by sign */
    json_t *top = json_object();
    for (size_t m = 0; m < NCOUNT_MEASURES; m++) {
        source_term_counts(c, g, &count_measures[m], 0, scratch);
        json_object_set_new(top, count_measures[m].name, top_terms_json(c, scratch));
    }
    for (int sign = 0; sign < 2; sign++) {
        for (size_t e = 0; e < c->nentries; e++) scratch[e] = g->tone_sign[e * 2 + (size_t)sign];
        json_object_set_new(top, sign == 0 ? "tone_negative" : "tone_positive", top_terms_json(c, scratch));
    }
    json_object_set_new(o, "top_terms", top);

    /* speakers: folded by name over the source's articles (or, for the
     * report writer, made as they are written: speaker_list) */
    if (!c->speakers_listed) json_object_set_new(o, "speakers", speakers_json(g->speakers, g->nspeakers));

    /* stance per target */
    json_t *stance = json_object();
    for (size_t cat = 0; cat < c->ncat; cat++) {
        const slant_category *k = slant_lexset_category(c->set, cat);
        if (k->family != SLANT_FAM_TARGET) continue;
        size_t n0, n1;
        const double *u0 = stance_units(c, g, (uint32_t)cat, 0, &n0);
        const double *u1 = stance_units(c, g, (uint32_t)cat, 1, &n1);
        if (n0 + n1 > 0) {
            json_object_set_new(stance, family_suffix(k->name),
                                json_pack("{s:s,s:o,s:o}", "label", k->label, "outlet",
                                          mean_json(c, u0, n0, NULL), "quoted", mean_json(c, u1, n1, NULL)));
        }
    }
    json_object_set_new(o, "stance", stance);

    /* frames (outlet voice) */
    json_t *frames = json_object();
    double frame_total = 0;
    for (size_t cat = 0; cat < c->ncat; cat++)
        if (slant_lexset_category(c->set, cat)->family == SLANT_FAM_FRAME)
            frame_total += g->cat[cat * 2];
    for (size_t cat = 0; cat < c->ncat; cat++) {
        const slant_category *k = slant_lexset_category(c->set, cat);
        if (k->family != SLANT_FAM_FRAME) continue;
        double count = g->cat[cat * 2];
        json_object_set_new(frames, family_suffix(k->name),
                            json_pack("{s:s,s:i,s:o}", "label", k->label, "count", (json_int_t)count,
                                      "share", frame_total > 0 ? num(count / frame_total) : json_null()));
    }
    json_object_set_new(o, "frames", frames);

    /* naming: per referent, labels with side and count (all voices: a
     * label an outlet chooses to quote is still on its page) */
    json_t *naming = json_object();
    first_use *used = slant_xmalloc((c->nentries ? c->nentries : 1) * sizeof *used);
    for (size_t cat = 0; cat < c->ncat; cat++) {
        const slant_category *k = slant_lexset_category(c->set, cat);
        if (k->family != SLANT_FAM_NAMING) continue;
        json_t *labels = json_object(); /* label -> {label, side, count} */
        /* a label shared by several entries takes the side of the entry met
         * first in article order (then entry order, as within a record) */
        size_t nused = 0;
        for (size_t e = 0; e < c->nentries; e++)
            if (g->naming_first[e] && slant_lexset_entry(c->set, (uint32_t)e)->category == cat)
                used[nused++] = (first_use){g->naming_first[e], (uint32_t)e};
        if (nused > 1) qsort(used, nused, sizeof *used, cmp_first_use);
        for (size_t i = 0; i < nused; i++) {
            uint32_t entry = used[i].entry;
            const slant_entry *e = slant_lexset_entry(c->set, entry);
            char buf[256];
            const char *label = slant_entry_display(e, buf, sizeof buf);
            json_int_t count = (json_int_t)(g->entry[(size_t)entry * 2] + g->entry[(size_t)entry * 2 + 1]);
            json_t *l = json_object_get(labels, label);
            if (!l) json_object_set_new(labels, label, json_pack("{s:s,s:s?,s:I}", "label", label, "side", e->side, "count", count));
            else json_object_set_new(l, "count", json_integer(json_integer_value(json_object_get(l, "count")) + count));
        }
        if (json_object_size(labels) > 0) {
            json_t *arr = json_array();
            const char **keys = slant_xmalloc(json_object_size(labels) * sizeof *keys);
            size_t nk = 0;
            const char *key;
            json_t *val;
            json_object_foreach(labels, key, val) keys[nk++] = key;
            qsort(keys, nk, sizeof *keys, cmp_cstr);
            for (size_t i = 0; i < nk; i++) json_array_append(arr, json_object_get(labels, keys[i]));
            free(keys);
            json_object_set_new(naming, family_suffix(k->name),
                                json_pack("{s:s,s:o}", "label", k->label, "labels", arr));
        }
        json_decref(labels);
    }
    json_object_set_new(o, "naming", naming);
    free(used);
    return o;
}

/* ---- tests ---- */

static const char *unit_name(const ctx *c) { return c->unit_article ? "article" : "sentence"; }

/* Apply Holm over the tests added to `arr` since index `from`. */
static void holm_family(json_t *arr, size_t from) {
    size_t m = json_array_size(arr) - from;
    if (!m) return;
    double *p = slant_xmalloc(m * sizeof *p), *adj = slant_xmalloc(m * sizeof *adj);
    size_t *idx = slant_xmalloc(m * sizeof *idx), k = 0;
    for (size_t i = 0; i < m; i++) {
        json_t *pv = json_object_get(json_array_get(arr, from + i), "p");
        if (json_is_number(pv)) p[k] = json_number_value(pv), idx[k++] = from + i;
    }
    if (k && slant_stats_holm(p, k, adj) == 0)
        for (size_t i = 0; i < k; i++)
            json_object_set_new(json_array_get(arr, idx[i]), "p_adj", num(adj[i]));
    for (size_t i = 0; i < m; i++) {
        json_t *t = json_array_get(arr, from + i);
        if (!json_object_get(t, "p_adj")) json_object_set_new(t, "p_adj", json_null());
    }
    free(p);
    free(adj);
    free(idx);
}

static json_t *test_base(const char *measure, const char *kind, const char *a, const char *b) {
    return json_pack("{s:s,s:s,s:o,s:o}", "measure", measure, "kind", kind, "a", str_or_null(a), "b",
                     str_or_null(b));
}

static void rate_tests(const ctx *c, json_t *tests, const count_measure *m, int voice, double *ta, double *tb) {
    char measure[64];
    snprintf(measure, sizeof measure, "%s.%s", m->name, voice ? "quoted" : "outlet");
    size_t from = json_array_size(tests);
    double alpha = 1 - c->o->confidence;
    for (size_t i = 0; i < c->nsrc; i++)
        for (size_t j = i + 1; j < c->nsrc; j++) {
            double ca, wa, cb, wb;
            source_count(c, &c->src[i], m, voice, &ca, &wa);
            source_count(c, &c->src[j], m, voice, &cb, &wb);
            if (wa <= 0 || wb <= 0 || ca + cb <= 0) continue; /* nothing to compare */
            slant_rate_ratio rr = slant_stats_rate_ratio(ca, wa, cb, wb, c->o->confidence);
            json_t *t = test_base(measure, "rate_ratio", c->src[i].name, c->src[j].name);
            json_object_set_new(t, "a_value", num(1000 * ca / wa));
            json_object_set_new(t, "b_value", num(1000 * cb / wb));
            json_object_set_new(t, "statistic", num(ca - rr.expected1));
            json_object_set_new(t, "df", json_null());
            json_object_set_new(t, "p", rr.valid ? num(rr.p_value) : json_null());
            json_t *ratio = json_pack("{s:o,s:o,s:o}", "value", rr.ratio_valid ? num(rr.ratio) : json_null(),
                                      "ci_low", rr.valid ? num(rr.ci_low) : json_null(), "ci_high",
                                      rr.ci_high_valid ? num(rr.ci_high) : json_null());
            json_t *effect = json_deep_copy(ratio);
            json_object_set_new(effect, "name", json_string("rate_ratio"));
            json_object_set_new(t, "effect", effect);
            json_object_set_new(t, "ratio", ratio);
            /* which words carry it */
            source_term_counts(c, &c->src[i], m, voice, ta);
            source_term_counts(c, &c->src[j], m, voice, tb);
            double diff = 1000 * (ca / wa - cb / wb);
            ranked_term *r = slant_xmalloc((c->nentries ? c->nentries : 1) * sizeof *r);
            size_t n = 0, distinct = 0;
            for (size_t e = 0; e < c->nentries; e++) {
                if (ta[e] == 0 && tb[e] == 0) continue;
                double contrib = diff != 0 ? 1000 * (ta[e] / wa - tb[e] / wb) / diff : 0;
                r[n++] = (ranked_term){(uint32_t)e, contrib};
                if (contrib > 0) distinct++;
            }
            qsort(r, n, sizeof *r, cmp_ranked_desc);
            json_t *top = json_array();
            char buf[256];
            for (size_t k = 0; k < n && k < 5; k++)
                json_array_append_new(top, json_pack("{s:s,s:o}", "term",
                                                     slant_entry_display(slant_lexset_entry(c->set, r[k].entry), buf, sizeof buf),
                                                     "contribution", num(r[k].value)));
            json_object_set_new(t, "top_terms", top);
            int robust = 0;
            if (n > 0 && rr.valid && rr.p_value < alpha) {
                double da = ca - ta[r[0].entry], db = cb - tb[r[0].entry];
                if (da + db > 0) {
                    slant_rate_ratio r2 = slant_stats_rate_ratio(da, wa, db, wb, c->o->confidence);
                    int same_sign = (da / wa - db / wb) * diff > 0;
                    robust = r2.valid && r2.p_value < alpha && same_sign;
                }
            }
            json_object_set_new(t, "robust", json_boolean(robust));
            json_object_set_new(t, "distinct_terms", json_integer((json_int_t)distinct));
            json_object_set_new(t, "fragile", json_boolean(distinct < 3));
            if (!rr.valid || !rr.ratio_valid)
                json_object_set_new(t, "reason", json_string(rr.reason ? rr.reason : "ratio undefined"));
            free(r);
            json_array_append_new(tests, t);
        }
    holm_family(tests, from);
}

/* Tone contributions per term (summed values per unit) of a source's
 * articles, in article order: summed once per source by summarize_source,
 * not once per pair of sources. */
static void tone_term_sums(const ctx *c, const source_group *g, int voice, double *out, double *units) {
    memcpy(out, g->tone_sum[voice], c->nentries * sizeof *out);
    *units = g->tone_sum_units[voice];
}

static void mean_tests(const ctx *c, json_t *tests, const char *measure, const double **units, size_t *nunits,
                       int tone_voice, double *ta, double *tb) {
    size_t from = json_array_size(tests);
    for (size_t i = 0; i < c->nsrc; i++)
        for (size_t j = i + 1; j < c->nsrc; j++) {
            if (nunits[i] == 0 || nunits[j] == 0) continue;
            slant_welch w = slant_stats_welch(units[i], nunits[i], units[j], nunits[j]);
            slant_cohen_d d = slant_stats_cohen_d(units[i], nunits[i], units[j], nunits[j]);
            json_t *t = test_base(measure, "welch_t", c->src[i].name, c->src[j].name);
            slant_mean_ci ma = slant_stats_mean_t(units[i], nunits[i], c->o->confidence);
            slant_mean_ci mb = slant_stats_mean_t(units[j], nunits[j], c->o->confidence);
            json_object_set_new(t, "a_value", num(ma.mean));
            json_object_set_new(t, "b_value", num(mb.mean));
            json_object_set_new(t, "statistic", w.valid ? num(w.t) : json_null());
            json_object_set_new(t, "df", w.valid ? num(w.df) : json_null());
            json_object_set_new(t, "p", w.valid ? num(w.p_value) : json_null());
            json_object_set_new(t, "effect", json_pack("{s:s,s:o,s:n,s:n,s:s}", "name", "cohens_d", "value",
                                                       d.valid ? num(d.d) : json_null(), "ci_low", "ci_high",
                                                       "reason", "no interval is computed for Cohen's d"));
            double dlo, dhi;
            int have_ci = slant_stats_welch_interval(&w, c->o->confidence, &dlo, &dhi) == 0;
            json_t *difference = json_pack("{s:o,s:o,s:o}", "value", num(ma.mean - mb.mean), "ci_low",
                                     have_ci ? num(dlo) : json_null(), "ci_high", have_ci ? num(dhi) : json_null());
            if (!have_ci) json_object_set_new(difference, "reason", json_string(w.reason ? w.reason : "interval undefined"));
            json_object_set_new(t, "difference", difference);
            json_t *top = json_array();
            size_t distinct = 0;
            if (tone_voice >= 0) {
                double ua, ub;
                tone_term_sums(c, &c->src[i], tone_voice, ta, &ua);
                tone_term_sums(c, &c->src[j], tone_voice, tb, &ub);
                double diff = 0;
                for (size_t e = 0; e < c->nentries; e++)
                    diff += (ua > 0 ? ta[e] / ua : 0) - (ub > 0 ? tb[e] / ub : 0);
                ranked_term *r = slant_xmalloc((c->nentries ? c->nentries : 1) * sizeof *r);
                size_t n = 0;
                for (size_t e = 0; e < c->nentries; e++) {
                    if (ta[e] == 0 && tb[e] == 0) continue;
                    double x = (ua > 0 ? ta[e] / ua : 0) - (ub > 0 ? tb[e] / ub : 0);
                    double contrib = diff != 0 ? x / diff : 0;
                    r[n++] = (ranked_term){(uint32_t)e, contrib};
                    if (contrib > 0) distinct++;
                }
                qsort(r, n, sizeof *r, cmp_ranked_desc);
                char buf[256];
                for (size_t k = 0; k < n && k < 5; k++)
                    json_array_append_new(top, json_pack("{s:s,s:o}", "term",
                                                         slant_entry_display(slant_lexset_entry(c->set, r[k].entry), buf, sizeof buf),
                                                         "contribution", num(r[k].value)));
                free(r);
            }
            json_object_set_new(t, "top_terms", top);
            json_object_set_new(t, "robust", json_null());
            json_object_set_new(t, "distinct_terms", json_integer((json_int_t)distinct));
            json_object_set_new(t, "fragile", json_boolean(tone_voice >= 0 && distinct < 3));
            const char *reason = !w.valid ? w.reason : !d.valid ? d.reason : NULL;
            char rbuf[200];
            snprintf(rbuf, sizeof rbuf, "%s%srobustness is not computed for mean scores (non-linear in their terms)",
                     reason ? reason : "", reason ? "; " : "");
            json_object_set_new(t, "reason", json_string(rbuf));
            json_array_append_new(tests, t);
        }
    holm_family(tests, from);
    /* omnibus */
    if (c->nsrc >= 3) {
        slant_kruskal k = slant_stats_kruskal(units, nunits, c->nsrc);
        json_t *t = test_base(measure, "kruskal_wallis", NULL, NULL);
        json_t *names = json_array();
        for (size_t i = 0; i < c->nsrc; i++)
            if (nunits[i]) json_array_append_new(names, json_string(c->src[i].name));
        json_object_set_new(t, "groups", names);
        json_object_set_new(t, "statistic", k.valid ? num(k.h) : json_null());
        json_object_set_new(t, "df", k.valid ? num(k.df) : json_null());
        json_object_set_new(t, "p", k.valid ? num(k.p_value) : json_null());
        json_object_set_new(t, "p_adj", k.valid ? num(k.p_value) : json_null());
        json_object_set_new(t, "effect", json_pack("{s:s,s:o,s:n,s:n,s:s}", "name", "epsilon_squared", "value",
                                                   k.valid ? num(k.epsilon_sq) : json_null(), "ci_low", "ci_high",
                                                   "reason", "no interval is computed for epsilon squared"));
        json_object_set_new(t, "top_terms", json_array());
        json_object_set_new(t, "robust", json_null());
        json_object_set_new(t, "distinct_terms", json_integer(0));
        json_object_set_new(t, "fragile", json_false());
        if (!k.valid) json_object_set_new(t, "reason", json_string(k.reason));
        json_array_append_new(tests, t);
    }
}

static json_t *frames_test_json(ctx *c, json_t *tests) {
    size_t nf = 0;
    size_t *fcat = slant_xmalloc((c->ncat ? c->ncat : 1) * sizeof *fcat);
    for (size_t cat = 0; cat < c->ncat; cat++)
        if (slant_lexset_category(c->set, cat)->family == SLANT_FAM_FRAME) fcat[nf++] = cat;
    double *table = slant_xcalloc(c->nsrc * nf + 1, sizeof *table);
    for (size_t s = 0; s < c->nsrc; s++)
        for (size_t f = 0; f < nf; f++) table[s * nf + f] = c->src[s].cat[fcat[f] * 2];
    slant_chisq x = slant_stats_chisq(table, c->nsrc, nf);
    json_t *o = json_object();
    json_object_set_new(o, "chi2", x.valid ? num(x.statistic) : json_null());
    json_object_set_new(o, "df", x.valid ? num(x.df) : json_null());
    json_object_set_new(o, "p", x.valid ? num(x.p_value) : json_null());
    json_object_set_new(o, "cramers_v", x.valid ? num(x.cramers_v) : json_null());
    json_t *res = json_object();
    for (size_t s = 0; s < c->nsrc; s++) {
        json_t *row = json_object();
        for (size_t f = 0; f < nf; f++)
            json_object_set_new(row, family_suffix(slant_lexset_category(c->set, fcat[f])->name),
                                x.valid && x.adj_resid ? num(x.adj_resid[s * nf + f]) : json_null());
        json_object_set_new(res, c->src[s].name, row);
    }
    json_object_set_new(o, "residuals", res);
    if (!x.valid) json_object_set_new(o, "reason", json_string(x.reason));
    else if (x.note) json_object_set_new(o, "note", json_string(x.note));
    if (x.valid) {
        json_t *t = test_base("frames.outlet", "chi_square", NULL, NULL);
        json_t *names = json_array();
        for (size_t s = 0; s < c->nsrc; s++) json_array_append_new(names, json_string(c->src[s].name));
        json_object_set_new(t, "groups", names);
        json_object_set_new(t, "statistic", num(x.statistic));
        json_object_set_new(t, "df", num(x.df));
        json_object_set_new(t, "p", num(x.p_value));
        json_object_set_new(t, "p_adj", num(x.p_value));
        json_object_set_new(t, "effect", json_pack("{s:s,s:o,s:n,s:n,s:s}", "name", "cramers_v", "value",
                                                   num(x.cramers_v), "ci_low", "ci_high", "reason",
                                                   "no interval is computed for Cramér's V"));
        json_object_set_new(t, "top_terms", json_array());
        json_object_set_new(t, "robust", json_null());
        json_object_set_new(t, "distinct_terms", json_integer(0));
        json_object_set_new(t, "fragile", json_false());
        json_array_append_new(tests, t);
    }
    slant_chisq_free(&x);
    free(table);
    free(fcat);
    return o;
}

/* ---- keyness and divergence over the source vocabularies ---- */

static void build_union(const ctx *c, vocab_union *u) {
    size_t ns = c->nsrc ? c->nsrc : 1, total = 0;
    size_t *srcidx = slant_xmalloc(ns * sizeof *srcidx), *len = slant_xcalloc(ns, sizeof *len);
    size_t *pos = slant_xcalloc(ns, sizeof *pos), *base = slant_xcalloc(ns, sizeof *base);
    for (size_t s = 0; s < c->nsrc; s++) {
        srcidx[s] = (size_t)-1;
        for (size_t k = 0; k < slant_agg_source_count(c->agg); k++)
            if (strcmp(slant_agg_source_name(c->agg, k), c->src[s].name) == 0) srcidx[s] = k;
        len[s] = srcidx[s] != (size_t)-1 ? slant_agg_vocab_size(c->agg, srcidx[s]) : 0;
        base[s] = total;
        total += len[s];
    }
    /* Merge the sources' sorted vocabularies (a k-way merge: about nsrc
     * comparisons a distinct term, where sorting them all again took ~20),
     * noting where each source's terms land in the union. */
    const char **all = slant_xmalloc((total ? total : 1) * sizeof *all);
    uint32_t *where = slant_xmalloc((total ? total : 1) * sizeof *where); /* [base[s] + i] */
    size_t *tied = slant_xmalloc(ns * sizeof *tied), m = 0;
    for (;;) {
        const char *min = NULL;
        size_t ntied = 0;
        for (size_t s = 0; s < c->nsrc; s++) {
            if (pos[s] == len[s]) continue;
            const char *term;
            uint32_t cnt;
            slant_agg_vocab_at(c->agg, srcidx[s], pos[s], &term, &cnt);
            int k = min ? strcmp(term, min) : -1;
            if (k < 0) min = term, ntied = 0;
            if (k <= 0) tied[ntied++] = s;
        }
        if (!min) break;
        for (size_t i = 0; i < ntied; i++) where[base[tied[i]] + pos[tied[i]]++] = (uint32_t)m;
        all[m++] = min;
    }
    u->terms = all;
    u->nterms = m;
    u->counts = slant_xcalloc(c->nsrc * m + 1, sizeof *u->counts);
    u->totals = slant_xcalloc(ns, sizeof *u->totals);
    for (size_t s = 0; s < c->nsrc; s++)
        for (size_t i = 0; i < len[s]; i++) {
            const char *term;
            uint32_t cnt;
            slant_agg_vocab_at(c->agg, srcidx[s], i, &term, &cnt);
            u->counts[s * m + where[base[s] + i]] = cnt;
            u->totals[s] += cnt;
        }
    free(where);
    free(tied);
    free(pos);
    free(len);
    free(base);
    u->all = slant_xcalloc(m ? m : 1, sizeof *u->all);
    for (size_t t = 0; t < m; t++)
        for (size_t s = 0; s < c->nsrc; s++) u->all[t] += u->counts[s * m + t];
    free(srcidx);
}

/* The words a source uses more than the others together, best first. */
#define MAX_KEYNESS_TERMS 20
typedef struct keyness_top {
    size_t n;
    slant_keyness_ranked v[MAX_KEYNESS_TERMS];
} keyness_top;

static void keyness_rank(const ctx *c, size_t s, keyness_top *top) {
    const vocab_union *u = &c->u;
    size_t m = u->nterms;
    double *rest = slant_xmalloc((m ? m : 1) * sizeof *rest);
    slant_keyness_ranked *ranked = slant_xmalloc((m ? m : 1) * sizeof *ranked);
    double grand = 0;
    for (size_t k = 0; k < c->nsrc; k++) grand += u->totals[k];
    for (size_t t = 0; t < m; t++) rest[t] = u->all[t] - u->counts[s * m + t];
    size_t n = slant_stats_keyness_rank(&u->counts[s * m], rest, m, u->totals[s], grand - u->totals[s],
                                        (double)c->o->min_keyness_count, ranked);
    top->n = 0;
    for (size_t i = 0; i < n && top->n < MAX_KEYNESS_TERMS; i++)
        if (ranked[i].k.direction > 0) top->v[top->n++] = ranked[i];
    free(rest);
    free(ranked);
}

static json_t *keyness_json(const ctx *c, size_t s, const keyness_top *top) {
    const vocab_union *u = &c->u;
    size_t m = u->nterms;
    json_t *arr = json_array();
    for (size_t i = 0; i < top->n; i++) {
        size_t t = top->v[i].term;
        const slant_keyness *k = &top->v[i].k;
        double rest = u->all[t] - u->counts[s * m + t];
        json_array_append_new(arr, json_pack("{s:s,s:i,s:i,s:o,s:o,s:o}", "term", u->terms[t], "count",
                                             (json_int_t)u->counts[s * m + t], "count_rest", (json_int_t)rest,
                                             "g2", num(k->g2), "p", num(k->p_value), "log_ratio",
                                             num(k->log_ratio)));
    }
    return arr;
}

/* Row i of a divergence matrix: source i's distribution against each
 * (out[nsrc]). */
static void jsd_row(const ctx *c, const double *dist, size_t k, size_t i, slant_jsd *out) {
    for (size_t j = 0; j < c->nsrc; j++) out[j] = slant_stats_jsd(&dist[i * k], &dist[j * k], k);
}

/* rows: the matrix's rows when computed already (by tasks), else NULL. */
static json_t *jsd_matrix(const ctx *c, const double *dist, size_t k, slant_jsd *const *rows) {
    json_t *names = json_array(), *matrix = json_array();
    slant_jsd *d = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *d);
    for (size_t i = 0; i < c->nsrc; i++) {
        json_array_append_new(names, json_string(c->src[i].name));
        if (rows) memcpy(d, rows[i], c->nsrc * sizeof *d);
        else jsd_row(c, dist, k, i, d);
        json_t *row = json_array();
        for (size_t j = 0; j < c->nsrc; j++) json_array_append_new(row, d[j].valid ? num(d[j].jsd) : json_null());
        json_array_append_new(matrix, row);
    }
    free(d);
    return json_pack("{s:o,s:o}", "sources", names, "matrix", matrix);
}

static json_t *divergence_json(const ctx *c, slant_jsd *const *vocab_rows) {
    size_t nf = 0;
    for (size_t cat = 0; cat < c->ncat; cat++)
        if (slant_lexset_category(c->set, cat)->family == SLANT_FAM_FRAME) nf++;
    double *fd = slant_xcalloc(c->nsrc * nf + 1, sizeof *fd);
    for (size_t s = 0; s < c->nsrc; s++) {
        size_t f = 0;
        for (size_t cat = 0; cat < c->ncat; cat++) {
            if (slant_lexset_category(c->set, cat)->family != SLANT_FAM_FRAME) continue;
            fd[s * nf + f] = c->src[s].cat[cat * 2];
            f++;
        }
    }
    json_t *o = json_pack("{s:o,s:o}", "frames", jsd_matrix(c, fd, nf, NULL), "vocabulary",
                          jsd_matrix(c, c->u.counts, c->u.nterms, vocab_rows));
    free(fd);
    return o;
}

/* ---- same story, different coverage ---- */

/* Coverage repeats the same few thousand strings (targets, numbers,
 * speakers) across every story and source: one shared, immutable jansson
 * string per distinct value (reference-counted) instead of a node and a
 * copy per appearance, which made the coverage tree most of the model's
 * memory. The JSON written is the same. */
typedef struct string_pool {
    slant_strmap *index; /* string -> index into nodes */
    json_t **nodes;
    size_t n, cap;
} string_pool;

static json_t *pooled(string_pool *p, const char *s) {
    size_t len = strlen(s);
    int inserted;
    uint32_t *slot = slant_strmap_upsert(p->index, s, len, slant_hash_bytes(s, len), (uint32_t)p->n, &inserted);
    if (inserted) {
        if (p->n == p->cap) {
            p->cap = p->cap ? p->cap * 2 : 256;
            p->nodes = slant_xrealloc(p->nodes, p->cap * sizeof *p->nodes);
        }
        p->nodes[p->n++] = json_string(s);
    }
    return p->nodes[*slot];
}

/* A growable list of strings, sorted and deduplicated when complete. */
typedef struct str_list {
    const char **v;
    size_t n, cap;
} str_list;

static void list_push(str_list *l, const char *str) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = slant_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = str;
}

/* Coverage items by rank (ctx.item_rank): the sets of coverage_lists are
 * sorted, merged and searched by rank, in integer compares; sorting and
 * searching them as strings was most of coverage's CPU time. */
typedef struct rank_list {
    uint32_t *v;
    size_t n, cap;
} rank_list;

static void rank_push(rank_list *l, uint32_t r) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = slant_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = r;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void rank_sort_unique(rank_list *l) {
    if (l->n > 1) qsort(l->v, l->n, sizeof *l->v, cmp_u32);
    size_t m = 0;
    for (size_t i = 0; i < l->n; i++)
        if (m == 0 || l->v[i] != l->v[m - 1]) l->v[m++] = l->v[i];
    l->n = m;
}

static int rank_has(const rank_list *l, uint32_t r) {
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->v[mid] < r) lo = mid + 1;
        else hi = mid;
    }
    return lo < l->n && l->v[lo] == r;
}

static int cmp_item_ref(const void *a, const void *b) {
    return strcmp(**(const char *const *const *)a, **(const char *const *const *)b);
}

/* Every coverage item's rank in byte order, once all are known (the items
 * are distinct strings, so the order is strict). */
static void item_ranks(ctx *c) {
    const char *const **order = slant_xmalloc((c->nitems ? c->nitems : 1) * sizeof *order);
    for (size_t i = 0; i < c->nitems; i++) order[i] = (const char *const *)&c->items[i];
    if (c->nitems > 1) qsort(order, c->nitems, sizeof *order, cmp_item_ref);
    c->item_rank = slant_xmalloc((c->nitems ? c->nitems : 1) * sizeof *c->item_rank);
    c->item_by_rank = slant_xmalloc((c->nitems ? c->nitems : 1) * sizeof *c->item_by_rank);
    for (size_t r = 0; r < c->nitems; r++) {
        uint32_t item = (uint32_t)(order[r] - (const char *const *)c->items);
        c->item_by_rank[r] = item;
        c->item_rank[item] = (uint32_t)r;
    }
    free(order);
}

/* The strings strs[v[i]] as an array: the shared nodes[v[i]] when nodes is
 * given, new strings otherwise. */
static json_t *list_json(json_t *const *nodes, const char *const *strs, const uint32_t *v, size_t n) {
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        if (nodes) json_array_append(arr, nodes[v[i]]);
        else json_array_append_new(arr, json_string(strs[v[i]]));
    }
    return arr;
}

/* The coverage of stories [lo, hi) of c->stories as plain lists, computed
 * on a worker thread; the main thread makes the JSON (coverage_json). Not
 * JSON on the workers: their trees would live in the workers' malloc arenas
 * until report.json is written, and that memory, once freed, is not reused
 * by the main thread (+25 MB peak RSS on the bench corpus). */
typedef struct coverage_part {
    uint8_t *shown;     /* [(k - lo) * nsrc + s]: source s has story k, which two or more sources have */
    uint32_t *items;    /* every list below, back to back, as indices into distinct */
    size_t nitems, items_cap;
    size_t *ends;       /* per (shown story, source with it), 6 lists: targets, numbers, speakers,
                           then the same three omitted; each list's end in items */
    size_t nends, ends_cap;
    /* the part's distinct strings: the worker hashes each item, the main
     * thread then pools each distinct string once per part, not per item */
    slant_strmap *index; /* string -> index into distinct */
    str_list distinct;
} coverage_part;

static void part_end_list(coverage_part *p) {
    if (p->nends == p->ends_cap) {
        p->ends_cap = p->ends_cap ? p->ends_cap * 2 : 64;
        p->ends = slant_xrealloc(p->ends, p->ends_cap * sizeof *p->ends);
    }
    p->ends[p->nends++] = p->nitems;
}

static void part_push_list(coverage_part *p, const ctx *c, const rank_list *l) {
    if (p->nitems + l->n > p->items_cap) {
        while (p->nitems + l->n > p->items_cap) p->items_cap = p->items_cap ? p->items_cap * 2 : 256;
        p->items = slant_xrealloc(p->items, p->items_cap * sizeof *p->items);
    }
    for (size_t i = 0; i < l->n; i++) {
        const char *str = c->items[c->item_by_rank[l->v[i]]];
        size_t len = strlen(str);
        int inserted;
        uint32_t *slot = slant_strmap_upsert(p->index, str, len, slant_hash_bytes(str, len),
                                             (uint32_t)p->distinct.n, &inserted);
        if (inserted) list_push(&p->distinct, str);
        p->items[p->nitems++] = *slot;
    }
    part_end_list(p);
}

static void coverage_part_free(coverage_part *p) {
    free(p->shown);
    free(p->items);
    free(p->ends);
    slant_strmap_free(p->index);
    free(p->distinct.v);
    free(p);
}

/* Per story, each source's targets, numbers and speakers (sorted sets),
 * and what the other sources have that it lacks. Sets are sorted arrays of
 * C strings, looked up by binary search: building them as JSON arrays with
 * a linear search per item was most of the model's string comparisons.
 * This makes the entries of stories [lo, hi) of c->stories. */
static coverage_part *coverage_lists(const ctx *c, size_t lo, size_t hi) {
    coverage_part *part = slant_xcalloc(1, sizeof *part);
    part->shown = slant_xcalloc((hi - lo) * c->nsrc + 1, 1);
    part->index = slant_strmap_new(1024);
    rank_list *lists = slant_xcalloc(c->nsrc * 3 + 3, sizeof *lists); /* [source * 3 + kind]; last 3: omissions */
    rank_list *om = &lists[c->nsrc * 3];
    uint8_t *has = slant_xcalloc(c->nsrc ? c->nsrc : 1, 1);
    for (size_t k = lo; k < hi; k++) {
        size_t with = 0;
        for (size_t s = 0; s < c->nsrc; s++) {
            rank_list *l = &lists[s * 3];
            l[0].n = l[1].n = l[2].n = 0;
            /* the items the walk gathered from the story's articles of this source */
            size_t cell = c->slot_of[k] * c->stride + c->col[s];
            has[s] = c->rows[cell].articles > 0;
            const uvec *set = &c->sets[cell];
            for (uint32_t i = 0; i < set->n; i++) rank_push(&l[set->v[i] >> 30], c->item_rank[set->v[i] & 0x3fffffffu]);
            if (!has[s]) continue;
            with++;
            for (int q = 0; q < 3; q++) rank_sort_unique(&l[q]);
        }
        if (with < 2) continue;
        for (size_t s = 0; s < c->nsrc; s++) {
            if (!has[s]) continue;
            part->shown[(k - lo) * c->nsrc + s] = 1;
            const rank_list *mine = &lists[s * 3];
            for (int q = 0; q < 3; q++) part_push_list(part, c, &mine[q]);
            om[0].n = om[1].n = om[2].n = 0;
            for (size_t o = 0; o < c->nsrc; o++) {
                if (o == s || !has[o]) continue;
                for (int q = 0; q < 3; q++)
                    for (size_t i = 0; i < lists[o * 3 + q].n; i++)
                        if (!rank_has(&mine[q], lists[o * 3 + q].v[i])) rank_push(&om[q], lists[o * 3 + q].v[i]);
            }
            for (int q = 0; q < 3; q++) {
                rank_sort_unique(&om[q]);
                part_push_list(part, c, &om[q]);
            }
        }
    }
    for (size_t i = 0; i < c->nsrc * 3 + 3; i++) free(lists[i].v);
    free(lists);
    free(has);
    return part;
}

/* What the story lists' JSON needs besides the parts: the aggregate's
 * strings, or copies of them when the lists outlive the aggregate
 * (story_lists). */
typedef struct story_names {
    size_t nsrc;
    const char *const *src;     /* source names */
    const char *const *stories; /* as ctx.stories */
} story_names;

/* The coverage entry of story k of a part whose first story is lo, NULL
 * when fewer than two sources have the story. *e is the part's next list
 * (advanced past the story's); nodes, when given, are shared strings for
 * the part's distinct ones. */
static json_t *coverage_entry(const story_names *nm, const coverage_part *part, json_t *const *nodes, size_t lo,
                              size_t k, size_t *e) {
    const uint8_t *shown = &part->shown[(k - lo) * nm->nsrc];
    json_t *srcs = NULL, *omit = NULL;
    for (size_t s = 0; s < nm->nsrc; s++) {
        if (!shown[s]) continue;
        if (!srcs) srcs = json_object(), omit = json_object();
        json_t *l[6];
        for (int q = 0; q < 6; q++, (*e)++) {
            size_t from = *e ? part->ends[*e - 1] : 0;
            l[q] = list_json(nodes, part->distinct.v, part->items + from, part->ends[*e] - from);
        }
        json_object_set_new(srcs, nm->src[s],
                            json_pack("{s:o,s:o,s:o}", "targets", l[0], "numbers", l[1], "speakers", l[2]));
        json_object_set_new(omit, nm->src[s],
                            json_pack("{s:o,s:o,s:o}", "targets", l[3], "numbers", l[4], "speakers", l[5]));
    }
    if (!srcs) return NULL;
    return json_pack("{s:s,s:o,s:o}", "story", nm->stories[k], "sources", srcs, "omissions", omit);
}

/* Append the coverage entries of a part (stories [lo, hi)) to out. */
static void coverage_json(const story_names *nm, const coverage_part *part, size_t lo, size_t hi,
                          string_pool *pool, json_t *out) {
    json_t **nodes = slant_xmalloc((part->distinct.n ? part->distinct.n : 1) * sizeof *nodes);
    for (size_t i = 0; i < part->distinct.n; i++) nodes[i] = pooled(pool, part->distinct.v[i]);
    size_t e = 0;
    for (size_t k = lo; k < hi; k++) {
        json_t *entry = coverage_entry(nm, part, nodes, lo, k, &e);
        if (entry) json_array_append_new(out, entry);
    }
    free(nodes);
}

/* ---- per story: each source's figures on one story ---- */


/* The rows of stories [lo, hi) of c->stories, [(k - lo) * nsrc + source],
 * from the sums the walk made per story (see coverage_part for why not
 * JSON here). */
static story_row *story_rows(const ctx *c, size_t lo, size_t hi) {
    story_row *rows = slant_xcalloc((hi - lo) * c->nsrc + 1, sizeof *rows);
    for (size_t k = lo; k < hi; k++)
        for (size_t s = 0; s < c->nsrc; s++)
            rows[(k - lo) * c->nsrc + s] = c->rows[c->slot_of[k] * c->stride + c->col[s]];
    return rows;
}

/* The story table of story k, from the rows of a part whose first story is lo. */
static json_t *story_entry(const story_names *nm, const story_row *rows, size_t lo, size_t k) {
    json_t *srcs = json_object();
    for (size_t s = 0; s < nm->nsrc; s++) {
        const story_row *row = &rows[(k - lo) * nm->nsrc + s];
        size_t articles = row->articles, nsent = row->nsent;
        double words = row->words, tone = row->tone;
        const double *counts = row->counts;
        if (!articles) continue;
        json_t *o = json_object();
        json_object_set_new(o, "articles", json_integer((json_int_t)articles));
        json_object_set_new(o, "words_outlet", json_integer((json_int_t)words));
        json_object_set_new(o, "tone_outlet", nsent ? num(tone / (double)nsent) : json_null());
        json_t *rates = json_object();
        for (size_t m = 0; m < NCOUNT_MEASURES; m++)
            json_object_set_new(rates, count_measures[m].name,
                                words > 0 ? num(1000.0 * counts[m] / words) : json_null());
        json_object_set_new(o, "per_1000_outlet", rates);
        if (!nsent || words <= 0) json_object_set_new(o, "reason", json_string("no words in the outlet's voice"));
        json_object_set_new(srcs, nm->src[s], o);
    }
    return json_pack("{s:s,s:o}", "story", nm->stories[k], "sources", srcs);
}

/* ---- the walk: every article once, in id order ----
 *
 * Everything the model needs from single articles is gathered in one pass
 * over the records, in id order, so that records can stay in a temporary
 * file (slant_agg_compact_spill) and memory holds only what is kept per
 * source and per story: each source's unit values (tone, stance: a few
 * numbers an article, which the bootstrap and the tests resample), its
 * summed tone values per entry, and per story and source the story table's
 * sums and the distinct coverage items. Within a source or a story,
 * articles arrive in id order, so every sum is added in the order the
 * analysis always used, and the model is the same bytes. */

static void walk_scratch_init(const ctx *c, walk_scratch *w) {
    memset(w, 0, sizeof *w);
    w->cats = slant_xmalloc((c->ncat ? c->ncat : 1) * SLANT_VOICE_COUNT * sizeof *w->cats);
    w->sum = slant_xcalloc(c->nkeys ? c->nkeys : 1, sizeof *w->sum);
    w->cnt = slant_xcalloc(c->nkeys ? c->nkeys : 1, sizeof *w->cnt);
    w->touched = slant_xmalloc((c->nkeys ? c->nkeys : 1) * sizeof *w->touched);
    w->cat_item = slant_xmalloc((c->ncat ? c->ncat : 1) * sizeof *w->cat_item);
    for (size_t k = 0; k < c->ncat; k++) w->cat_item[k] = UINT32_MAX;
}

static void walk_scratch_free(walk_scratch *w) {
    free(w->ms);
    free(w->nums);
    free(w->sps);
    free(w->terms);
    free(w->cats);
    free(w->sum);
    free(w->cnt);
    free(w->touched);
    free(w->stamp);
    free(w->cat_item);
}

/* A story's slot (order of first appearance); its row of the tables. */
static size_t story_slot(ctx *c, const char *story) {
    size_t len = strlen(story);
    int inserted;
    uint32_t *slot = slant_strmap_upsert(c->story_index, story, len, slant_hash_bytes(story, len),
                                         (uint32_t)c->nslots, &inserted);
    if (inserted) {
        if (c->nslots == c->slots_cap) {
            size_t old = c->slots_cap * c->stride;
            c->slots_cap = c->slots_cap ? c->slots_cap * 2 : 256;
            size_t cells = c->slots_cap * c->stride;
            c->slot_story = slant_xrealloc(c->slot_story, c->slots_cap * sizeof *c->slot_story);
            c->rows = slant_xrealloc(c->rows, (cells ? cells : 1) * sizeof *c->rows);
            c->sets = slant_xrealloc(c->sets, (cells ? cells : 1) * sizeof *c->sets);
            memset(c->rows + old, 0, (cells - old) * sizeof *c->rows);
            memset(c->sets + old, 0, (cells - old) * sizeof *c->sets);
        }
        c->slot_story[c->nslots++] = slant_arena_strndup(c->strings, story, len);
    }
    return *slot;
}

/* A coverage item's number (distinct strings, kept once). */
static uint32_t item_of(ctx *c, const char *str) {
    size_t len = strlen(str);
    int inserted;
    uint32_t *slot = slant_strmap_upsert(c->item_index, str, len, slant_hash_bytes(str, len),
                                         (uint32_t)c->nitems, &inserted);
    if (inserted) {
        if (c->nitems == c->items_cap) {
            c->items_cap = c->items_cap ? c->items_cap * 2 : 256;
            c->items = slant_xrealloc(c->items, c->items_cap * sizeof *c->items);
        }
        c->items[c->nitems++] = slant_arena_strndup(c->strings, str, len);
    }
    return *slot;
}

/* Add an item of one kind (0 targets, 1 numbers, 2 speakers) to a story
 * cell, once per article (coverage_lists sorts and folds across articles). */
static void cover_item(ctx *c, walk_scratch *w, size_t cell, uint32_t kind, uint32_t item) {
    size_t at = (size_t)item * 3 + kind;
    if (at >= w->stamp_cap) {
        size_t cap = w->stamp_cap ? w->stamp_cap : 1024;
        while (cap <= at) cap *= 2;
        w->stamp = slant_xrealloc(w->stamp, cap * sizeof *w->stamp);
        memset(w->stamp + w->stamp_cap, 0, (cap - w->stamp_cap) * sizeof *w->stamp);
        w->stamp_cap = cap;
    }
    if (w->stamp[at] == w->article) return;
    w->stamp[at] = w->article;
    uvec_push(&c->sets[cell], kind << 30 | item);
}

static void walk_record(ctx *c, walk_scratch *w, const slant_agg_article *r) {
    size_t si = source_of(c, r->source);
    if (si == (size_t)-1) return; /* not reached: every article's source is listed */
    source_group *g = &c->src[si];
    g->n++;
    c->articles++;
    c->sentences += r->sentences;
    c->words += r->words[0] + r->words[1];
    scratch_room(w, r);
    slant_agg_article_mentions(r, w->ms);
    article_units(c, g, r, w, 0);
    /* per voice and entry, the summed tone values (tone_term_sums) */
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) g->tone_sum_units[v] += r->nsent_voice[v];
    size_t nt = slant_agg_article_tone_terms(c->agg, r, w->terms);
    for (size_t t = 0; t < nt; t++)
        g->tone_sum[w->terms[t].voice][w->terms[t].entry] += slant_from_micro(w->terms[t].value_micro);
    if (!r->story) {
        c->storyless++;
        return;
    }
    /* the story table: outlet voice */
    size_t cell = story_slot(c, r->story) * c->stride + si;
    story_row *row = &c->rows[cell];
    row->articles++;
    row->words += r->words[0];
    for (uint32_t i = 0; i < r->nsent_voice[0]; i++) row->tone += slant_from_micro(r->tone[0][i]);
    row->nsent += r->nsent_voice[0];
    /* an article uses few of the categories: the measures are asked only
     * for those (each count still gets its categories in ascending order) */
    slant_agg_article_cats(c->agg, r, w->cats);
    for (size_t cat = 0; cat < c->ncat; cat++) {
        uint32_t k = w->cats[cat * SLANT_VOICE_COUNT];
        if (!k) continue;
        for (size_t m = 0; m < NCOUNT_MEASURES; m++)
            if (category_in(c, cat, &count_measures[m])) row->counts[m] += k;
    }
    /* coverage: targets, numbers, speakers */
    w->article++;
    for (uint32_t i = 0; i < r->nmentions; i++) {
        uint32_t cat = w->ms[i].category, item = cat < c->ncat ? w->cat_item[cat] : UINT32_MAX;
        if (item == UINT32_MAX) {
            item = item_of(c, family_suffix(slant_lexset_category(c->set, cat)->name));
            if (cat < c->ncat) w->cat_item[cat] = item;
        }
        cover_item(c, w, cell, 0, item);
    }
    slant_agg_article_numbers(r, w->nums);
    for (uint32_t i = 0; i < r->nnumbers; i++) cover_item(c, w, cell, 1, item_of(c, w->nums[i]));
    slant_agg_article_speakers(r, w->sps);
    for (uint32_t i = 0; i < r->nspeakers; i++)
        if (w->sps[i].name[0]) cover_item(c, w, cell, 2, item_of(c, w->sps[i].name));
}

enum { WALK_ALL, WALK_SENTENCE_UNITS, WALK_OVERLAP };

/* WALK_ALL: everything above. WALK_SENTENCE_UNITS: the unit values again,
 * per sentence and mention (some source has a single article).
 * WALK_OVERLAP: articles with no story whose id is also a story's (the
 * corpus's count of stories counts such an article as that story). */
static int walk_articles(ctx *c, int what, size_t *overlap) {
    walk_scratch w;
    walk_scratch_init(c, &w);
    if (what == WALK_SENTENCE_UNITS)
        for (size_t s = 0; s < c->nsrc; s++) {
            source_group *g = &c->src[s];
            for (int v = 0; v < SLANT_VOICE_COUNT; v++) g->nunits[v] = 0;
            for (size_t k = 0; k < c->nkeys; k++) g->stance_key[k].n = 0;
        }
    slant_agg_walk *wk = slant_agg_walk_new(c->agg);
    const slant_agg_article *r;
    while ((r = slant_agg_walk_next(wk)) != NULL) {
        if (what == WALK_ALL) {
            walk_record(c, &w, r);
        } else if (what == WALK_SENTENCE_UNITS) {
            size_t si = source_of(c, r->source);
            if (si == (size_t)-1) continue;
            scratch_room(&w, r);
            slant_agg_article_mentions(r, w.ms);
            article_units(c, &c->src[si], r, &w, 1);
        } else if (!r->story) {
            size_t len = strlen(r->id);
            if (slant_strmap_get(c->story_index, r->id, len, slant_hash_bytes(r->id, len))) (*overlap)++;
        }
    }
    walk_scratch_free(&w);
    return slant_agg_walk_free(wk);
}

typedef struct named_slot {
    const char *name;
    size_t slot;
} named_slot;

static int cmp_named_slot(const void *x, const void *y) {
    return strcmp(((const named_slot *)x)->name, ((const named_slot *)y)->name);
}

/* c->stories in order, and where each one's row is. */
static void stories_sorted(ctx *c) {
    named_slot *v = slant_xmalloc((c->nslots ? c->nslots : 1) * sizeof *v);
    for (size_t i = 0; i < c->nslots; i++) v[i] = (named_slot){c->slot_story[i], i};
    if (c->nslots > 1) qsort(v, c->nslots, sizeof *v, cmp_named_slot);
    c->stories = slant_xmalloc((c->nslots ? c->nslots : 1) * sizeof *c->stories);
    c->slot_of = slant_xmalloc((c->nslots ? c->nslots : 1) * sizeof *c->slot_of);
    for (size_t k = 0; k < c->nslots; k++) c->stories[k] = v[k].name, c->slot_of[k] = v[k].slot;
    c->nstories = c->nslots;
    free(v);
}

/* The story tables' sums and coverage items, once the parts are made from them. */
static void walk_sets_free(ctx *c) {
    for (size_t i = 0; c->sets && i < c->nslots * c->stride; i++) free(c->sets[i].v);
    free(c->sets);
    free(c->rows);
    c->sets = NULL;
    c->rows = NULL;
}

/* Everything else the walk made (the strings: once the lists have copies). */
static void walk_tables_free(ctx *c) {
    walk_sets_free(c);
    free(c->slot_story);
    free(c->slot_of);
    free(c->items);
    free(c->item_rank);
    free(c->item_by_rank);
    free(c->col);
    if (c->story_index) slant_strmap_free(c->story_index);
    if (c->item_index) slant_strmap_free(c->item_index);
    if (c->strings) slant_arena_free(c->strings);
    c->slot_story = NULL;
    c->slot_of = NULL;
    c->items = NULL;
    c->item_rank = c->item_by_rank = NULL;
    c->col = NULL;
    c->story_index = c->item_index = NULL;
    c->strings = NULL;
}

/* ---- the model's parts, on several threads ---- */

/* The parts run through slant_parallel_for (util.c). Each item writes only
 * its own results: the parts below each build numbers or a JSON subtree of
 * their own (jansson's reference counts are atomic, but inserting into one
 * object from two threads is not safe), and the calling thread attaches
 * them in a fixed order afterwards, so the model does not depend on the
 * number of threads or on timing. */

/* First step: the union of the vocabularies (task 0) and what each
 * source's parts read (totals, unit values, tone sums, its stories). */
static int prepare_task(void *arg, size_t i, int worker) {
    (void)worker;
    ctx *c = arg;
    if (i == 0) { /* the longest, first */
        build_union(c, &c->u);
        return 0;
    }
    summarize_source(c, &c->src[i - 1]);
    return 0;
}

/* A family of tests (one measure): Holm's adjustment runs within it. */
typedef enum { F_TONE, F_RATE, F_STANCE } family_kind;
typedef struct test_family {
    family_kind kind;
    int voice;
    size_t index; /* F_RATE: count measure; F_STANCE: target category */
} test_family;

static json_t *family_tests(const ctx *c, const test_family *f) {
    json_t *tests = json_array();
    double *ta = slant_xmalloc((c->nentries ? c->nentries : 1) * sizeof *ta);
    double *tb = slant_xmalloc((c->nentries ? c->nentries : 1) * sizeof *tb);
    const double **units = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *units);
    size_t *nunits = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *nunits);
    if (f->kind == F_RATE) {
        rate_tests(c, tests, &count_measures[f->index], f->voice, ta, tb);
    } else if (f->kind == F_TONE) {
        for (size_t s = 0; s < c->nsrc; s++) units[s] = c->src[s].units[f->voice], nunits[s] = c->src[s].nunits[f->voice];
        mean_tests(c, tests, f->voice ? "tone.quoted" : "tone.outlet", units, nunits, f->voice, ta, tb);
    } else {
        size_t with = 0;
        for (size_t s = 0; s < c->nsrc; s++) {
            units[s] = stance_units(c, &c->src[s], (uint32_t)f->index, 0, &nunits[s]);
            if (nunits[s] >= 2) with++;
        }
        if (with >= 2) {
            char measure[200];
            snprintf(measure, sizeof measure, "stance.%s.outlet",
                     family_suffix(slant_lexset_category(c->set, f->index)->name));
            mean_tests(c, tests, measure, units, nunits, -1, ta, tb);
        }
    }
    free(units);
    free(nunits);
    free(ta);
    free(tb);
    return tests;
}

/* Second step: the parts, each into its own slot. Listed longest first
 * (sources carry the bootstraps), so that a thread is not left with one
 * long part at the end. */
typedef enum { T_BOOT, T_COVERAGE, T_KEYNESS, T_TESTS, T_STORIES, T_JSD } task_kind;
typedef struct model_task {
    task_kind kind;
    size_t i;      /* source (T_BOOT: source * 2 + voice), test family or matrix row */
    size_t lo, hi; /* T_COVERAGE, T_STORIES: a range of c->stories */
    /* results: numbers and strings of the aggregate, made into JSON by the
     * main thread (see coverage_part); only the few test objects are JSON */
    json_t *tests;
    coverage_part *coverage;
    story_row *rows;
    keyness_top *keyness;
    slant_jsd *jsd;
} model_task;

typedef struct model_tasks {
    const ctx *c;
    source_group *src; /* c->src, for T_BOOT's results */
    model_task *v;
    size_t n;
    const test_family *families;
} model_tasks;

static int model_task_run(void *arg, size_t i, int worker) {
    (void)worker;
    model_tasks *ts = arg;
    const ctx *c = ts->c;
    model_task *t = &ts->v[i];
    switch (t->kind) {
    case T_BOOT: {
        /* each source's group is read-only now but for this slot */
        source_group *g = &ts->src[t->i / 2];
        int v = (int)(t->i % 2);
        g->boot[v] = slant_stats_bootstrap_mean(g->units[v], g->nunits[v], c->o->bootstrap, c->o->confidence,
                                                c->o->seed);
        break;
    }
    case T_COVERAGE: t->coverage = coverage_lists(c, t->lo, t->hi); break;
    case T_KEYNESS:
        t->keyness = slant_xmalloc(sizeof *t->keyness);
        keyness_rank(c, t->i, t->keyness);
        break;
    case T_TESTS: t->tests = family_tests(c, &ts->families[t->i]); break;
    case T_STORIES: t->rows = story_rows(c, t->lo, t->hi); break;
    case T_JSD:
        t->jsd = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *t->jsd);
        jsd_row(c, c->u.counts, c->u.nterms, t->i, t->jsd);
        break;
    }
    return 0;
}

static model_task *add_task(model_tasks *ts, task_kind kind, size_t i, size_t lo, size_t hi) {
    model_task *t = &ts->v[ts->n++];
    *t = (model_task){kind, i, lo, hi, NULL, NULL, NULL, NULL, NULL};
    return t;
}

/* The story tables in chunks of stories: one chunk on one thread (the
 * same tree as a single loop), several per thread otherwise. */
static void add_story_tasks(model_tasks *ts, task_kind kind, size_t nchunks) {
    size_t ns = ts->c->nstories;
    for (size_t k = 0; k < nchunks; k++) add_task(ts, kind, 0, ns * k / nchunks, ns * (k + 1) / nchunks);
}

/* Concatenate the test arrays of n tasks into one (taken over). */
static json_t *join_tests(model_task *t, size_t n) {
    json_t *out = json_array();
    for (size_t k = 0; k < n; k++) {
        json_array_extend(out, t[k].tests);
        json_decref(t[k].tests);
    }
    return out;
}

static story_names names_of(const ctx *c, const char **src) {
    for (size_t s = 0; s < c->nsrc; s++) src[s] = c->src[s].name;
    return (story_names){c->nsrc, src, c->stories};
}

/* The coverage array from its parts (freed). */
static json_t *join_coverage(const ctx *c, model_task *t, size_t n) {
    string_pool pool = {slant_strmap_new(1024), NULL, 0, 0};
    json_t *out = json_array();
    const char **src = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *src);
    story_names nm = names_of(c, src);
    for (size_t k = 0; k < n; k++) {
        coverage_json(&nm, t[k].coverage, t[k].lo, t[k].hi, &pool, out);
        coverage_part_free(t[k].coverage);
    }
    free(src);
    for (size_t i = 0; i < pool.n; i++) json_decref(pool.nodes[i]); /* the arrays hold their own references */
    free(pool.nodes);
    slant_strmap_free(pool.index);
    return out;
}

/* The stories array from its parts (freed). */
static json_t *join_stories(const ctx *c, model_task *t, size_t n) {
    json_t *out = json_array();
    const char **src = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *src);
    story_names nm = names_of(c, src);
    for (size_t k = 0; k < n; k++) {
        for (size_t i = t[k].lo; i < t[k].hi; i++) json_array_append_new(out, story_entry(&nm, t[k].rows, t[k].lo, i));
        free(t[k].rows);
    }
    free(src);
    return out;
}

/* ---- the same two lists, made as report.json is written ----
 *
 * Their jansson trees are about five times their JSON text and grow with
 * the number of stories (+57 MB of peak RSS per 1,372 stories): the
 * report writer asks for one element at a time instead
 * (slant_report_list). The lists take over the walk's tables (per story
 * and source: the story table's sums and the coverage items) and make the
 * plain parts of a chunk of stories when the writer reaches it, freeing
 * each as it leaves it: the parts of every story at once (each source's
 * items and what the others have that it lacks) were ~50 MB at 1 GB. The
 * lists outlive the aggregate, so they keep copies of the source names. */
#define LIST_CHUNK 256 /* stories */
typedef struct story_lists {
    slant_arena *strings;   /* story names, coverage items, source names */
    ctx t;                  /* only the walk's tables (what coverage_lists and story_rows read) */
    story_names nm;
    size_t nchunks;
    coverage_part **cov;    /* per chunk, made when reached and freed once written */
    story_row **rows;       /* per chunk, likewise */
    size_t ncoverage;       /* stories with a coverage entry */
    size_t cov_chunk, cov_k, cov_e; /* the next coverage entry's chunk, story and first list */
    size_t st_chunk;        /* the next story table's chunk */
    int refs;               /* the two lists share this: freed when both are released */
    /* coverage as report.json text, for the writer (coverage_rendered) */
    int threads;
    struct cov_text *batch; /* [threads]: one chunk's entries each */
    size_t batch_n, batch_k, batch_e; /* chunks in the batch; the next entry's chunk and number in it */
} story_lists;

/* One chunk's coverage entries rendered as report.json prints them, back
 * to back; ends[i] is where entry i ends. */
typedef struct cov_text {
    size_t chunk;
    slant_buf text;
    size_t *ends, n, cap;
} cov_text;

static size_t chunk_lo(const story_lists *l, size_t k) {
    size_t lo = k * LIST_CHUNK;
    return lo < l->t.nstories ? lo : l->t.nstories;
}

/* Elements are asked for in order, so each list keeps a cursor. */
static json_t *coverage_element(void *state, size_t i) {
    (void)i;
    story_lists *l = state;
    for (; l->cov_chunk < l->nchunks; l->cov_chunk++, l->cov_e = 0) {
        size_t lo = chunk_lo(l, l->cov_chunk), hi = chunk_lo(l, l->cov_chunk + 1);
        if (!l->cov[l->cov_chunk]) l->cov[l->cov_chunk] = coverage_lists(&l->t, lo, hi);
        coverage_part *part = l->cov[l->cov_chunk];
        if (l->cov_k < lo) l->cov_k = lo;
        while (l->cov_k < hi) {
            json_t *entry = coverage_entry(&l->nm, part, NULL, lo, l->cov_k++, &l->cov_e);
            if (entry) return entry;
        }
        coverage_part_free(part);
        l->cov[l->cov_chunk] = NULL;
    }
    return NULL; /* past the end: not asked for */
}

/* The writer's way to the coverage list: a chunk's entries are made
 * (coverage_lists, coverage_entry) and rendered to text on a worker, the
 * chunks of a batch (one per thread) at once, and handed to the writer in
 * order; the coverage list was most of report.json's serial writing time.
 * Each worker frees its trees as soon as they are text, and a batch holds
 * only `threads` chunks of text, so memory does not grow with the list.
 * The text is slant_report_render_json_element's: the same bytes as the
 * writer's own rendering of coverage_element's trees. */
static int coverage_render_chunk(void *arg, size_t j, int worker) {
    (void)worker;
    story_lists *l = arg;
    cov_text *t = &l->batch[j];
    size_t lo = chunk_lo(l, t->chunk), hi = chunk_lo(l, t->chunk + 1), e = 0;
    coverage_part *part = coverage_lists(&l->t, lo, hi);
    /* one string node per distinct item of the chunk, shared by its entries */
    json_t **nodes = slant_xmalloc((part->distinct.n ? part->distinct.n : 1) * sizeof *nodes);
    for (size_t i = 0; i < part->distinct.n; i++) nodes[i] = json_string(part->distinct.v[i]);
    for (size_t k = lo; k < hi; k++) {
        json_t *entry = coverage_entry(&l->nm, part, nodes, lo, k, &e);
        if (!entry) continue;
        slant_report_render_json_element(entry, "coverage", &t->text);
        json_decref(entry);
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 256;
            t->ends = slant_xrealloc(t->ends, t->cap * sizeof *t->ends);
        }
        t->ends[t->n++] = t->text.len;
    }
    for (size_t i = 0; i < part->distinct.n; i++) json_decref(nodes[i]);
    free(nodes);
    coverage_part_free(part);
    return 0;
}

static const char *coverage_rendered(void *state, size_t i, size_t *len) {
    (void)i;
    story_lists *l = state;
    for (;;) {
        if (l->batch_k < l->batch_n) {
            const cov_text *t = &l->batch[l->batch_k];
            if (l->batch_e < t->n) {
                size_t from = l->batch_e ? t->ends[l->batch_e - 1] : 0;
                *len = t->ends[l->batch_e++] - from;
                return t->text.data + from;
            }
            l->batch_k++, l->batch_e = 0;
            continue;
        }
        if (l->cov_chunk >= l->nchunks) { /* past the end: not asked for */
            *len = 0;
            return "";
        }
        size_t n = l->nchunks - l->cov_chunk < (size_t)l->threads ? l->nchunks - l->cov_chunk : (size_t)l->threads;
        for (size_t j = 0; j < n; j++) {
            l->batch[j].chunk = l->cov_chunk + j;
            slant_buf_clear(&l->batch[j].text);
            l->batch[j].n = 0;
        }
        slant_parallel_for(l->threads, n, coverage_render_chunk, l);
        l->cov_chunk += n;
        l->batch_n = n, l->batch_k = 0, l->batch_e = 0;
    }
}

static json_t *story_element(void *state, size_t i) {
    story_lists *l = state;
    while (l->st_chunk < l->nchunks && i >= chunk_lo(l, l->st_chunk + 1)) {
        free(l->rows[l->st_chunk]);
        l->rows[l->st_chunk++] = NULL;
    }
    if (l->st_chunk == l->nchunks) return NULL;
    size_t lo = chunk_lo(l, l->st_chunk);
    if (!l->rows[l->st_chunk]) l->rows[l->st_chunk] = story_rows(&l->t, lo, chunk_lo(l, l->st_chunk + 1));
    return story_entry(&l->nm, l->rows[l->st_chunk], lo, i);
}

static void story_lists_release(void *state) {
    story_lists *l = state;
    if (--l->refs > 0) return;
    for (size_t k = 0; k < l->nchunks; k++) {
        if (l->cov[k]) coverage_part_free(l->cov[k]);
        free(l->rows[k]);
    }
    free(l->cov);
    free(l->rows);
    for (int j = 0; j < l->threads; j++) {
        slant_buf_free(&l->batch[j].text);
        free(l->batch[j].ends);
    }
    free(l->batch);
    free((void *)l->nm.src);
    free(l->t.stories);
    walk_tables_free(&l->t); /* and the strings */
    free(l);
}

/* Take the walk's tables over from c into lists[0] ("stories") and
 * lists[1] ("coverage"). */
static void story_lists_make(ctx *c, slant_report_list lists[2]) {
    story_lists *l = slant_xcalloc(1, sizeof *l);
    ctx *t = &l->t;
    t->nsrc = c->nsrc;
    t->stride = c->stride;
    t->nstories = c->nstories;
    t->nslots = c->nslots;
#define TAKE(f) (t->f = c->f, c->f = NULL)
    TAKE(col);
    TAKE(slot_of);
    TAKE(rows);
    TAKE(sets);
    TAKE(items);
    TAKE(item_rank);
    TAKE(item_by_rank);
    TAKE(stories);
    TAKE(slot_story);
    TAKE(strings);
#undef TAKE
    l->strings = t->strings;
    const char **src = slant_xmalloc((c->nsrc ? c->nsrc : 1) * sizeof *src);
    for (size_t s = 0; s < c->nsrc; s++) src[s] = slant_arena_strndup(l->strings, c->src[s].name, strlen(c->src[s].name));
    l->nm = (story_names){c->nsrc, src, t->stories};
    l->nchunks = (t->nstories + LIST_CHUNK - 1) / LIST_CHUNK;
    l->cov = slant_xcalloc(l->nchunks ? l->nchunks : 1, sizeof *l->cov);
    l->rows = slant_xcalloc(l->nchunks ? l->nchunks : 1, sizeof *l->rows);
    for (size_t k = 0; k < t->nstories; k++) {
        size_t with = 0;
        for (size_t s = 0; s < t->nsrc; s++) with += t->rows[t->slot_of[k] * t->stride + t->col[s]].articles > 0;
        l->ncoverage += with >= 2;
    }
    l->refs = 2;
    l->threads = c->threads > 0 ? c->threads : 1;
    l->batch = slant_xcalloc((size_t)l->threads, sizeof *l->batch);
    for (int j = 0; j < l->threads; j++) slant_buf_init(&l->batch[j].text);
    lists[0] = (slant_report_list){"stories", t->nstories, story_element, story_lists_release, l, NULL};
    lists[1] = (slant_report_list){"coverage", l->ncoverage, coverage_element, story_lists_release, l,
                                   coverage_rendered};
}

/* ---- each source's speakers, made as report.json is written ----
 *
 * A speaker is a jansson object of about 600 bytes; a 1 GB corpus has
 * 180,000 of them (names grow with the corpus), over 100 MB in the model.
 * The list keeps them as plain records (names copied: the aggregate is
 * freed first) and makes one source's array when the writer reaches that
 * source's "speakers" (element i: source i). */
typedef struct speaker_list {
    slant_arena *strings;
    slant_agg_speaker **v; /* [source] */
    size_t *n;
} speaker_list;

static json_t *speaker_element(void *state, size_t i) {
    const speaker_list *l = state;
    return speakers_json(l->v[i], l->n[i]);
}

static void speaker_list_release(void *state) {
    speaker_list *l = state;
    if (!l) return;
    free(l->v);
    free(l->n);
    slant_arena_free(l->strings);
    free(l);
}

static void speaker_list_make(const ctx *c, slant_report_list *list) {
    speaker_list *l = slant_xcalloc(1, sizeof *l);
    l->strings = slant_arena_new(1 << 16);
    l->v = slant_xcalloc(c->nsrc ? c->nsrc : 1, sizeof *l->v);
    l->n = slant_xcalloc(c->nsrc ? c->nsrc : 1, sizeof *l->n);
    for (size_t s = 0; s < c->nsrc; s++) {
        const source_group *g = &c->src[s];
        l->n[s] = g->nspeakers;
        l->v[s] = slant_arena_alloc(l->strings, (g->nspeakers ? g->nspeakers : 1) * sizeof *l->v[s]);
        for (size_t i = 0; i < g->nspeakers; i++) {
            l->v[s][i] = g->speakers[i];
            l->v[s][i].name = slant_arena_strndup(l->strings, g->speakers[i].name, strlen(g->speakers[i].name));
        }
    }
    *list = (slant_report_list){"speakers", c->nsrc, speaker_element, speaker_list_release, l, NULL};
}

/* ---- the model ---- */

static json_t *analysis_model(slant_agg *agg, const slant_analysis_opts *opts, slant_report_list *lists) {
    slant_agg_finish(agg);
    ctx c = {0};
    c.agg = agg;
    c.set = slant_agg_lexset(agg);
    c.o = opts;
    c.threads = opts->threads > 0 ? opts->threads : slant_cpu_count();
    c.ncat = slant_lexset_category_count(c.set);
    c.nentries = slant_lexset_entry_count(c.set);
    c.warnings = json_array();
    c.speakers_listed = lists != NULL;
    member_table(&c);
    sources_init(&c);
    c.strings = slant_arena_new(1 << 16);
    c.story_index = slant_strmap_new(1024);
    c.item_index = slant_strmap_new(1024);
    int rc = walk_articles(&c, WALK_ALL, NULL);
    sources_keep(&c);
    size_t min_articles = (size_t)-1;
    for (size_t s = 0; s < c.nsrc; s++)
        if (c.src[s].n < min_articles) min_articles = c.src[s].n;
    c.unit_article = c.nsrc > 0 && min_articles >= 2;
    if (rc == 0 && c.nsrc > 0 && !c.unit_article) rc = walk_articles(&c, WALK_SENTENCE_UNITS, NULL);
    stories_sorted(&c);
    size_t overlap = 0, story_ids = 0;
    for (size_t k = 0; k < c.nstories && c.storyless && !story_ids; k++) story_ids = slant_agg_has_id(agg, c.stories[k]);
    if (rc == 0 && story_ids) rc = walk_articles(&c, WALK_OVERLAP, &overlap);
    if (rc != 0) { /* a temporary record could not be read back */
        for (size_t s = 0; s < c.nsrc; s++) free_source(&c, &c.src[s]);
        free(c.src);
        free(c.member);
        free(c.stories);
        walk_tables_free(&c);
        json_decref(c.warnings);
        return NULL;
    }
    item_ranks(&c);
    (void)slant_stats_mean_t(NULL, 0, 0.95); /* GSL's error handler off before threads (stats.h) */
    slant_parallel_for(c.threads, c.nsrc + 1, prepare_task, &c);
    if (c.nsrc > 0 && !c.unit_article)
        json_array_append_new(c.warnings,
                              json_string("Some source has a single article, so the unit of analysis is "
                                          "the sentence: intervals and tests treat sentences of one "
                                          "article as independent, which overstates certainty. "
                                          "Add articles per source for article-level results."));
    if (c.nsrc < 2)
        json_array_append_new(c.warnings, json_string("Fewer than two sources: nothing to compare."));

    json_t *model = json_object();
    json_object_set_new(model, "schema_version", json_string("1.0"));
    json_object_set_new(model, "generator", json_pack("{s:s,s:s}", "name", "slant", "version", SLANT_VERSION));

    /* corpus: an article with no story counts as a story of its own */
    size_t n = c.articles, sentences = c.sentences, words = c.words;
    size_t distinct_stories = c.nstories + c.storyless - overlap;
    size_t lines, bytes;
    slant_agg_cleaning(agg, &lines, &bytes);
    json_t *by_rule = json_object();
    for (size_t i = 0; i < slant_agg_clean_rule_count(agg); i++) {
        const char *rule;
        size_t count;
        slant_agg_clean_rule_at(agg, i, &rule, &count);
        json_object_set_new(by_rule, rule, json_integer((json_int_t)count));
    }
    json_t *corpus = json_object();
    if (opts->corpus_name) json_object_set_new(corpus, "name", json_string(opts->corpus_name));
    json_object_set_new(corpus, "articles", json_integer((json_int_t)n));
    json_object_set_new(corpus, "sentences", json_integer((json_int_t)sentences));
    json_object_set_new(corpus, "words", json_integer((json_int_t)words));
    json_object_set_new(corpus, "sources", json_integer((json_int_t)c.nsrc));
    json_object_set_new(corpus, "stories", json_integer((json_int_t)distinct_stories));
    json_object_set_new(corpus, "cleaning", json_pack("{s:I,s:I,s:o}", "lines_removed", (json_int_t)lines,
                                                      "bytes_removed", (json_int_t)bytes, "by_rule", by_rule));
    json_object_set_new(model, "corpus", corpus);

    /* the test families, in the order the tests are listed */
    test_family *families = slant_xmalloc((2 + NCOUNT_MEASURES * 2 + c.ncat) * sizeof *families);
    size_t nfam = 0;
    for (int v = 0; v < 2; v++) families[nfam++] = (test_family){F_TONE, v, 0};
    for (size_t m = 0; m < NCOUNT_MEASURES; m++)
        for (int v = 0; v < 2; v++) families[nfam++] = (test_family){F_RATE, v, m};
    for (size_t cat = 0; cat < c.ncat; cat++)
        if (slant_lexset_category(c.set, cat)->family == SLANT_FAM_TARGET)
            families[nfam++] = (test_family){F_STANCE, 0, cat};

    /* the lists make the story tables and coverage as they are written */
    size_t nchunks = lists ? 0 : c.threads > 1 ? 8 * (size_t)c.threads : 1;
    if (nchunks > c.nstories) nchunks = c.nstories ? c.nstories : 1;
    model_tasks ts = {&c, c.src, NULL, 0, families};
    ts.v = slant_xmalloc((5 * c.nsrc + nfam + 2 * nchunks + 1) * sizeof *ts.v);
    for (size_t s = 0; s < 2 * c.nsrc; s++) add_task(&ts, T_BOOT, s, 0, 0);
    model_task *t_coverage = ts.v + ts.n;
    add_story_tasks(&ts, T_COVERAGE, nchunks);
    model_task *t_keyness = ts.v + ts.n;
    for (size_t s = 0; s < c.nsrc; s++) add_task(&ts, T_KEYNESS, s, 0, 0);
    model_task *t_tests = ts.v + ts.n;
    for (size_t f = 0; f < nfam; f++) add_task(&ts, T_TESTS, f, 0, 0);
    model_task *t_stories = ts.v + ts.n;
    add_story_tasks(&ts, T_STORIES, nchunks);
    model_task *t_jsd = ts.v + ts.n;
    for (size_t s = 0; s < c.nsrc; s++) add_task(&ts, T_JSD, s, 0, 0);
    slant_parallel_for(c.threads, ts.n, model_task_run, &ts);
    if (!lists) walk_sets_free(&c);

    /* sources */
    json_t *sources = json_array();
    double *scratch = slant_xmalloc((c.nentries ? c.nentries : 1) * sizeof *scratch);
    for (size_t s = 0; s < c.nsrc; s++) {
        json_array_append_new(sources, source_json(&c, &c.src[s], scratch));
        if (c.src[s].n < 10 && c.unit_article) {
            char w[300];
            snprintf(w, sizeof w, "%s has %zu articles: intervals are wide and tests have little power.",
                     c.src[s].name, c.src[s].n);
            json_array_append_new(c.warnings, json_string(w));
        }
    }

    /* tests */
    json_t *tests = join_tests(t_tests, nfam);
    json_t *frames_test = frames_test_json(&c, tests);
    json_t *keyness = json_object();
    for (size_t s = 0; s < c.nsrc; s++) {
        json_object_set_new(keyness, c.src[s].name, keyness_json(&c, s, t_keyness[s].keyness));
        free(t_keyness[s].keyness);
    }
    slant_jsd **rows = slant_xmalloc((c.nsrc ? c.nsrc : 1) * sizeof *rows);
    for (size_t s = 0; s < c.nsrc; s++) rows[s] = t_jsd[s].jsd;
    json_t *divergence = divergence_json(&c, rows);
    for (size_t s = 0; s < c.nsrc; s++) free(rows[s]);
    free(rows);

    json_t *method = json_object();
    json_object_set_new(method, "unit", json_string(unit_name(&c)));
    json_object_set_new(method, "seed", json_integer(opts->seed));
    json_object_set_new(method, "bootstrap_replicates", json_integer((json_int_t)opts->bootstrap));
    json_object_set_new(method, "confidence", json_real(opts->confidence));
    json_object_set_new(method, "neutral_band", json_real(SLANT_NEUTRAL_BAND));
    json_object_set_new(method, "min_keyness_count", json_integer((json_int_t)opts->min_keyness_count));
    json_object_set_new(method, "warnings", c.warnings);
    json_object_set_new(model, "method", method);

    json_t *layers = json_array();
    for (size_t i = 0; i < slant_lexset_layer_count(c.set); i++) {
        const slant_layer *l = slant_lexset_layer(c.set, i);
        json_array_append_new(layers, json_pack("{s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:i}", "name", l->name, "version",
                                                l->version, "language", l->language, "source", l->source,
                                                "license", l->license, "path", l->path, "entries",
                                                (json_int_t)l->entries));
    }
    json_object_set_new(model, "lexicons", json_pack("{s:s,s:o}", "hash", slant_lexset_hash(c.set), "layers", layers));
    json_object_set_new(model, "sources", sources);
    json_object_set_new(model, "tests", tests);
    json_object_set_new(model, "frames_test", frames_test);
    json_object_set_new(model, "keyness", keyness);
    json_object_set_new(model, "divergence", divergence);
    if (lists) {
        story_lists_make(&c, lists);
        speaker_list_make(&c, &lists[2]);
    } else {
        json_object_set_new(model, "coverage", join_coverage(&c, t_coverage, nchunks));
        json_object_set_new(model, "stories", join_stories(&c, t_stories, nchunks));
    }

    free(ts.v);
    free(families);
    free(scratch);
    free(c.stories);
    walk_tables_free(&c);
    free(c.u.terms);
    free(c.u.counts);
    free(c.u.totals);
    free(c.u.all);
    for (size_t s = 0; s < c.nsrc; s++) free_source(&c, &c.src[s]);
    free(c.src);
    free(c.member);
#ifdef __GLIBC__
    /* glibc gives each thread its own malloc arena, and what a worker
     * freed stays resident there, of no use to the main thread that goes
     * on to write the report: the workers' scratch (keyness ranks, the
     * vocabulary union, coverage lists) was +20 MB of peak RSS at -j 2 on
     * the bench corpus. Return those free pages now. */
    if (c.threads > 1) malloc_trim(0);
#endif
    return model;
}

json_t *slant_analysis_model(slant_agg *agg, const slant_analysis_opts *opts) {
    return analysis_model(agg, opts, NULL);
}

json_t *slant_analysis_model_lists(slant_agg *agg, const slant_analysis_opts *opts, slant_report_list lists[3]) {
    return analysis_model(agg, opts, lists);
}
