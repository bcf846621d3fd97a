/*
 * display.c - article texts with their scored words for the report, and
 * the sentence ids behind every top term (so each number in a table links
 * to the words behind it).
 */
#include "slant/display.h"

#include <stdlib.h>
#include <string.h>

#include "slant/analysis.h"

#define MAX_EVIDENCE 20

static const char *voice_name(int v) { return v == SLANT_VOICE_QUOTE ? "quote" : "outlet"; }

static json_t *rules_json(uint16_t rules) {
    json_t *arr = json_array();
    for (int b = 0; b < SLANT_RULE_BITS; b++)
        if (rules & (1u << b)) {
            const char *n = slant_rule_name(b);
            json_array_append_new(arr, json_string(n));
        }
    return arr;
}

static const char *suffix(const char *name) {
    const char *dot = strchr(name, '.');
    return dot ? dot + 1 : name;
}

/* Append sentence id to the source's top_terms[measure] entry for term. */
static void add_evidence(json_t *source, const char *measure, const char *term, const char *sid) {
    json_t *list = json_object_get(json_object_get(source, "top_terms"), measure);
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *t = json_array_get(list, i);
        if (strcmp(json_string_value(json_object_get(t, "term")), term) != 0) continue;
        json_t *ids = json_object_get(t, "sentences");
        size_t n = json_array_size(ids);
        if (n >= MAX_EVIDENCE) return;
        if (n && strcmp(json_string_value(json_array_get(ids, n - 1)), sid) == 0) return;
        json_array_append_new(ids, json_string(sid));
        return;
    }
}

static json_t *find_source(json_t *model, const char *name) {
    json_t *sources = json_object_get(model, "sources");
    for (size_t i = 0; i < json_array_size(sources); i++) {
        json_t *s = json_array_get(sources, i);
        if (strcmp(json_string_value(json_object_get(s, "name")), name) == 0) return s;
    }
    return NULL;
}

static json_t *article_sentences(const slant_lexset *set, const slant_pipeline *p, const char *id,
                                 json_t *source) {
    const slant_doc *d = &p->doc;
    const slant_doc_scores *sc = &p->scores;
    json_t *arr = json_array();
    char sid[600], buf[256];
    for (size_t i = 0; i < sc->nsents; i++) {
        const slant_sentence_score *ss = &sc->sents[i];
        const slant_sentence *s = &d->sents[ss->sentence];
        snprintf(sid, sizeof sid, "%s-%zu", id, i + 1);
        json_t *hits = json_array();
        for (uint32_t h = ss->hit_begin; h < ss->hit_end; h++) {
            const slant_hit *hit = &sc->hits[h];
            if (hit->family == SLANT_FAM_RULE || hit->family == SLANT_FAM_TARGET) continue;
            if (hit->family == SLANT_FAM_TONE && hit->value == 0) continue;
            const slant_entry *e = slant_lexset_entry(set, hit->entry);
            const slant_category *cat = slant_lexset_category(set, hit->category);
            json_t *o = json_pack("{s:i,s:i,s:s,s:s,s:s,s:f,s:f,s:o}", "start",
                                  (json_int_t)d->toks[hit->tok_begin].start, "end",
                                  (json_int_t)d->toks[hit->tok_end - 1].end, "family",
                                  slant_family_name(hit->family), "category", cat->name, "label",
                                  slant_entry_display(e, buf, sizeof buf), "weight", hit->weight,
                                  "value", hit->value, "rules", rules_json(hit->rules));
            if (hit->family == SLANT_FAM_NAMING) {
                json_object_set_new(o, "referent", json_string(suffix(cat->name)));
                json_object_set_new(o, "side", e->side ? json_string(e->side) : json_null());
            }
            json_array_append_new(hits, o);
            const char *measure = slant_hit_measure(set, hit->entry, hit->value);
            if (measure && hit->voice == SLANT_VOICE_OUTLET && source)
                add_evidence(source, measure, slant_entry_display(e, buf, sizeof buf), sid);
        }
        json_t *mentions = json_array();
        for (uint32_t m = ss->mention_begin; m < ss->mention_end; m++) {
            const slant_mention *mn = &sc->mentions[m];
            json_array_append_new(mentions,
                                  json_pack("{s:i,s:i,s:s,s:f,s:o}", "start",
                                            (json_int_t)d->toks[mn->tok_begin].start, "end",
                                            (json_int_t)d->toks[mn->tok_end - 1].end, "target",
                                            suffix(slant_lexset_category(set, mn->category)->name),
                                            "stance", mn->stance, "rules", rules_json(mn->rules)));
        }
        const char *speaker = slant_speaker_name(d, ss->speaker);
        json_array_append_new(arr, json_pack("{s:s,s:i,s:i,s:i,s:s,s:o,s:f,s:o,s:o}", "id", sid, "start",
                                             (json_int_t)s->start, "end", (json_int_t)s->end, "words",
                                             (json_int_t)ss->words, "voice", voice_name(ss->voice),
                                             "speaker", speaker ? json_string(speaker) : json_null(),
                                             "tone", ss->tone, "hits", hits, "mentions", mentions));
    }
    return arr;
}

/* Where each article's object goes: into the model's array, or rendered
 * into report.json's text (display_text). */
typedef struct display_out {
    json_t *array;
    struct display_text *text;
} display_out;

/* The articles, rendered as report.json prints them: the text is about a
 * fifth of the jansson tree (39 MB for the bench corpus's texts). */
typedef struct display_text {
    slant_buf b;
    size_t *ends; /* article i is b.data[ends[i - 1] (0 for i = 0), ends[i]) */
    size_t n;
} display_text;

static void display_put(display_out *out, json_t *o) {
    if (out->array) {
        json_array_append_new(out->array, o);
        return;
    }
    display_text *t = out->text;
    slant_report_render_json_element(o, "articles", &t->b);
    json_decref(o);
    t->ends = slant_xrealloc(t->ends, (t->n + 1) * sizeof *t->ends);
    t->ends[t->n++] = t->b.len;
}

/* The first articles by id, walked (their records may be in a temporary
 * file: slant_agg_compact_spill); -1 when one cannot be read back. */
static int display_run(json_t *model, slant_agg *agg, const slant_scorer *sc, const slant_clean_rules *rules,
                       const slant_pipeline_opts *opts, size_t max_articles, display_out *out) {
    const slant_lexset *set = slant_scorer_lexset(sc);
    slant_pipeline p;
    slant_pipeline_init(&p, sc, rules, opts);
    size_t n = slant_agg_article_total(agg), shown = 0;
    slant_agg_walk *wk = slant_agg_walk_new(agg);
    const slant_agg_article *r;
    while (shown < max_articles && (r = slant_agg_walk_next(wk)) != NULL) {
        json_t *o = json_pack("{s:s,s:s,s:o,s:o,s:o}", "id", r->id, "source", r->source, "story",
                              r->story ? json_string(r->story) : json_null(), "title",
                              r->title ? json_string(r->title) : json_null(), "date",
                              r->date ? json_string(r->date) : json_null());
        slant_article a;
        memset(&a, 0, sizeof a);
        a.id = (char *)r->id;
        a.source = (char *)r->source;
        a.path = (char *)r->path;
        slant_error err;
        slant_error_clear(&err);
        if (r->path && slant_pipeline_run(&p, &a, &err) == 0) {
            json_object_set_new(o, "text_available", json_true());
            json_object_set_new(o, "text", json_stringn(p.text, p.len));
            json_object_set_new(o, "sentences", article_sentences(set, &p, r->id, find_source(model, r->source)));
        } else {
            json_object_set_new(o, "text_available", json_false());
            json_object_set_new(o, "text", json_null());
            json_object_set_new(o, "sentences", json_array());
        }
        display_put(out, o);
        shown++;
    }
    int rc = slant_agg_walk_free(wk);
    if (shown < n) {
        char w[200];
        snprintf(w, sizeof w, "Texts are shown for the first %zu of %zu articles (by id).", shown, n);
        json_array_append_new(json_object_get(json_object_get(model, "method"), "warnings"), json_string(w));
    }
    slant_pipeline_free(&p);
    return rc;
}

int slant_display_attach(json_t *model, slant_agg *agg, const slant_scorer *sc,
                          const slant_clean_rules *rules, const slant_pipeline_opts *opts,
                          size_t max_articles) {
    display_out out = {json_array(), NULL};
    int rc = display_run(model, agg, sc, rules, opts, max_articles, &out);
    json_object_set_new(model, "articles", out.array);
    return rc;
}

static const char *display_rendered(void *state, size_t i, size_t *len) {
    const display_text *t = state;
    size_t from = i ? t->ends[i - 1] : 0;
    *len = t->ends[i] - from;
    return t->b.data + from;
}

static void display_release(void *state) {
    display_text *t = state;
    slant_buf_free(&t->b);
    free(t->ends);
    free(t);
}

int slant_display_list(json_t *model, slant_agg *agg, const slant_scorer *sc, const slant_clean_rules *rules,
                       const slant_pipeline_opts *opts, size_t max_articles, slant_report_list *list) {
    display_text *t = slant_xcalloc(1, sizeof *t);
    slant_buf_init(&t->b);
    display_out out = {NULL, t};
    int rc = display_run(model, agg, sc, rules, opts, max_articles, &out);
    *list = (slant_report_list){"articles", t->n, NULL, display_release, t, display_rendered};
    return rc;
}
