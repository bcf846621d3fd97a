/*
 * display.c - article texts with their scored words for the report, and
 * the sentence ids behind every top term (so each number in a table links
 * to the words behind it).
 *
 * The report writer's list (slant_display_new, _render, _take_list) is
 * printed directly as report.json text, on the analysis threads and apart
 * from the model; slant_display_attach builds the same articles as a tree
 * in the model.
 */
#include "slant/display.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Re-reads the article at path and scores it through p; 1 when its text
 * is there to show (no path: inline input, never stored). */
static int rescore(slant_pipeline *p, const char *id, const char *source, const char *path) {
    slant_article a;
    memset(&a, 0, sizeof a);
    a.id = (char *)id;
    a.source = (char *)source;
    a.path = (char *)path;
    slant_error err;
    slant_error_clear(&err);
    return path && slant_pipeline_run(p, &a, &err) == 0;
}

/* The hits a reader sees under a sentence: rule marks and target mentions
 * are not (targets are listed as mentions), nor a tone hit whose value
 * is 0 (a rule zeroed it: it adds nothing). */
static int hit_shown(const slant_hit *hit) {
    if (hit->family == SLANT_FAM_RULE || hit->family == SLANT_FAM_TARGET) return 0;
    return !(hit->family == SLANT_FAM_TONE && hit->value == 0);
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
            if (!hit_shown(hit)) continue;
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

static void shown_warning(json_t *model, size_t shown, size_t total) {
    if (shown >= total) return;
    char w[200];
    snprintf(w, sizeof w, "Texts are shown for the first %zu of %zu articles (by id).", shown, total);
    json_array_append_new(json_object_get(json_object_get(model, "method"), "warnings"), json_string(w));
}

int slant_display_attach(json_t *model, slant_agg *agg, const slant_scorer *sc,
                          const slant_clean_rules *rules, const slant_pipeline_opts *opts,
                          size_t max_articles) {
    const slant_lexset *set = slant_scorer_lexset(sc);
    json_t *array = json_array();
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
        if (rescore(&p, r->id, r->source, r->path)) {
            json_object_set_new(o, "text_available", json_true());
            json_object_set_new(o, "text", json_stringn(p.text, p.len));
            json_object_set_new(o, "sentences", article_sentences(set, &p, r->id, find_source(model, r->source)));
        } else {
            json_object_set_new(o, "text_available", json_false());
            json_object_set_new(o, "text", json_null());
            json_object_set_new(o, "sentences", json_array());
        }
        json_array_append_new(array, o);
        shown++;
    }
    int rc = slant_agg_walk_free(wk);
    shown_warning(model, shown, n);
    slant_pipeline_free(&p);
    json_object_set_new(model, "articles", array);
    return rc;
}

/* ---- the list for the report writer: written directly as report.json
 * prints it ----
 *
 * Building each article as a jansson tree and rendering it was 85% of the
 * display's time (on the bench corpus 0.17 of 0.2 s for 200 articles, the
 * re-scoring 0.02 s). The writer below prints the same bytes as
 * slant_report_render_json_element on slant_display_attach's tree: keys in
 * the order docs/report-schema.md gives (report_json.c's k_article,
 * k_sentence, k_hit, k_mention), two spaces of indent per level, arrays of
 * strings on one line, reals as %.6g that stay reals. test_display checks
 * it against that renderer. */

/* An outlet-voice hit's term, for the source's top_terms[measure]: kept
 * with its article so that the model gets them in article order, on one
 * thread, whatever thread made the article. */
typedef struct display_evidence {
    const char *measure; /* slant_hit_measure's static name */
    uint32_t sentence;   /* 1-based, as in the sentence id */
    uint32_t term;       /* offset of its NUL-terminated term in the article's terms */
} display_evidence;

typedef struct display_article {
    /* from the aggregate's record, copied (into the display's arena) so
     * that making the texts never reads the aggregate */
    const char *id, *source, *story, *title, *date, *path;
    slant_buf text; /* the rendered element, unless parked */
    int parked;     /* it is at `at` in the display's temporary file, then in `back` */
    uint64_t at;
    size_t len; /* of the rendered element */
    slant_buf terms;
    display_evidence *ev;
    size_t nev, evcap;
} display_article;

struct slant_display {
    display_article *arts;
    size_t n;     /* shown */
    size_t total; /* articles in the aggregate */
    slant_arena *strings;
    FILE *park;                /* parked texts (slant_display_render), or NULL */
    _Atomic uint64_t park_end; /* bytes reserved in it */
    slant_buf back;            /* the parked texts, read back by slant_display_take_list */
};

static const char *arena_dup(slant_arena *a, const char *s) { return s ? slant_arena_strndup(a, s, strlen(s)) : NULL; }

slant_display *slant_display_new(slant_agg *agg, size_t max_articles) {
    slant_display *d = slant_xcalloc(1, sizeof *d);
    d->strings = slant_arena_new(1 << 14);
    atomic_init(&d->park_end, 0);
    d->total = slant_agg_article_total(agg);
    size_t cap = max_articles < d->total ? max_articles : d->total;
    d->arts = slant_xcalloc(cap ? cap : 1, sizeof *d->arts);
    slant_agg_walk *wk = slant_agg_walk_new(agg);
    const slant_agg_article *r;
    while (d->n < cap && (r = slant_agg_walk_next(wk)) != NULL) {
        display_article *a = &d->arts[d->n++];
        a->id = arena_dup(d->strings, r->id);
        a->source = arena_dup(d->strings, r->source);
        a->story = arena_dup(d->strings, r->story);
        a->title = arena_dup(d->strings, r->title);
        a->date = arena_dup(d->strings, r->date);
        a->path = arena_dup(d->strings, r->path);
        slant_buf_init(&a->text);
        slant_buf_init(&a->terms);
    }
    if (slant_agg_walk_free(wk) != 0) {
        slant_display_free(d);
        return NULL;
    }
    return d;
}

void slant_display_free(slant_display *d) {
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) {
        slant_buf_free(&d->arts[i].text);
        slant_buf_free(&d->arts[i].terms);
        free(d->arts[i].ev);
    }
    free(d->arts);
    slant_arena_free(d->strings);
    if (d->park) fclose(d->park);
    slant_buf_free(&d->back);
    free(d);
}

/* A new line indented to depth (two spaces a level; objects here are at
 * most 7 deep). */
static void put_indent(slant_buf *b, int depth) {
    static const char line[] = "\n                ";
    slant_buf_append(b, line, 1 + 2 * (size_t)depth);
}

/* A member of an object at depth: its key on its own line, one level in
 * (keys need no escaping). */
static void put_key(slant_buf *b, int depth, int *first, const char *key) {
    if (!*first) slant_buf_putc(b, ',');
    *first = 0;
    put_indent(b, depth + 1);
    slant_buf_putc(b, '"');
    slant_buf_puts(b, key);
    slant_buf_append(b, "\": ", 3);
}

/* A new line at depth, then c (an element's opening or a closing bracket). */
static void put_line(slant_buf *b, int depth, char c) {
    put_indent(b, depth);
    slant_buf_putc(b, c);
}

static void put_str(slant_buf *b, const char *s) {
    if (s) slant_buf_json_string(b, s, strlen(s));
    else slant_buf_puts(b, "null");
}

/* A real as report.json prints one: %.6g, -0 as 0, and ".0" when it would
 * otherwise read back as an integer. */
static void put_real(slant_buf *b, double v) {
    if (!isfinite(v)) {
        slant_buf_puts(b, "null");
        return;
    }
    size_t at = b->len;
    slant_buf_put_g6(b, v);
    if (b->len - at == 2 && memcmp(b->data + at, "-0", 2) == 0) b->len = at, slant_buf_putc(b, '0');
    if (!memchr(b->data + at, '.', b->len - at) && !memchr(b->data + at, 'e', b->len - at))
        slant_buf_puts(b, ".0");
}

static void put_rules(slant_buf *b, uint16_t rules) {
    int first = 1;
    slant_buf_putc(b, '[');
    for (int bit = 0; bit < SLANT_RULE_BITS; bit++)
        if (rules & (1u << bit)) {
            if (!first) slant_buf_append(b, ", ", 2);
            first = 0;
            put_str(b, slant_rule_name(bit));
        }
    slant_buf_putc(b, ']');
}

/* Opens a hit's or a mention's object with its byte span in the text
 * (tokens [tok_begin, tok_end)); returns the `first` flag for put_key. */
static int put_span(slant_buf *b, const slant_doc *d, uint32_t tok_begin, uint32_t tok_end) {
    int first = 1;
    put_line(b, 6, '{');
    put_key(b, 6, &first, "start");
    slant_buf_put_i64(b, (int64_t)d->toks[tok_begin].start);
    put_key(b, 6, &first, "end");
    slant_buf_put_i64(b, (int64_t)d->toks[tok_end - 1].end);
    return first;
}

static void evidence_push(display_article *a, const char *measure, uint32_t sentence, const char *term) {
    if (a->nev == a->evcap) {
        a->evcap = a->evcap ? 2 * a->evcap : 16;
        a->ev = slant_xrealloc(a->ev, a->evcap * sizeof *a->ev);
    }
    a->ev[a->nev++] = (display_evidence){measure, sentence, (uint32_t)a->terms.len};
    slant_buf_append(&a->terms, term, strlen(term) + 1);
}

/* The hits of sentence i (1-based) at depth 6 (article 2, sentences 3,
 * sentence 4, hits 5), noting the evidence they give. */
static void put_hits(slant_buf *b, display_article *a, const slant_lexset *set, const slant_pipeline *p,
                     const slant_sentence_score *ss, uint32_t i) {
    const slant_doc *d = &p->doc;
    const slant_doc_scores *sc = &p->scores;
    char buf[256];
    int any = 0;
    for (uint32_t h = ss->hit_begin; h < ss->hit_end; h++) {
        const slant_hit *hit = &sc->hits[h];
        if (!hit_shown(hit)) continue;
        const slant_entry *e = slant_lexset_entry(set, hit->entry);
        const slant_category *cat = slant_lexset_category(set, hit->category);
        const char *label = slant_entry_display(e, buf, sizeof buf);
        slant_buf_putc(b, any ? ',' : '[');
        any = 1;
        int first = put_span(b, d, hit->tok_begin, hit->tok_end);
        put_key(b, 6, &first, "family");
        put_str(b, slant_family_name(hit->family));
        put_key(b, 6, &first, "category");
        put_str(b, cat->name);
        put_key(b, 6, &first, "label");
        put_str(b, label);
        put_key(b, 6, &first, "weight");
        put_real(b, hit->weight);
        put_key(b, 6, &first, "value");
        put_real(b, hit->value);
        put_key(b, 6, &first, "rules");
        put_rules(b, hit->rules);
        if (hit->family == SLANT_FAM_NAMING) {
            put_key(b, 6, &first, "referent");
            put_str(b, suffix(cat->name));
            put_key(b, 6, &first, "side");
            put_str(b, e->side);
        }
        put_line(b, 6, '}');
        const char *measure = slant_hit_measure(set, hit->entry, hit->value);
        if (measure && hit->voice == SLANT_VOICE_OUTLET) evidence_push(a, measure, i, label);
    }
    if (any) put_line(b, 5, ']');
    else slant_buf_puts(b, "[]");
}

static void put_mentions(slant_buf *b, const slant_lexset *set, const slant_pipeline *p,
                         const slant_sentence_score *ss) {
    const slant_doc *d = &p->doc;
    const slant_doc_scores *sc = &p->scores;
    if (ss->mention_begin == ss->mention_end) {
        slant_buf_puts(b, "[]");
        return;
    }
    for (uint32_t m = ss->mention_begin; m < ss->mention_end; m++) {
        const slant_mention *mn = &sc->mentions[m];
        slant_buf_putc(b, m == ss->mention_begin ? '[' : ',');
        int first = put_span(b, d, mn->tok_begin, mn->tok_end);
        put_key(b, 6, &first, "target");
        put_str(b, suffix(slant_lexset_category(set, mn->category)->name));
        put_key(b, 6, &first, "stance");
        put_real(b, mn->stance);
        put_key(b, 6, &first, "rules");
        put_rules(b, mn->rules);
        put_line(b, 6, '}');
    }
    put_line(b, 5, ']');
}

/* The article's element (depth 2, as a root list's element) into b, its
 * text and sentences from p when it was scored (p not NULL). */
static void put_article(slant_buf *b, display_article *a, const slant_lexset *set, const slant_pipeline *p) {
    int first = 1;
    slant_buf_putc(b, '{');
    put_key(b, 2, &first, "id");
    put_str(b, a->id);
    put_key(b, 2, &first, "source");
    put_str(b, a->source);
    put_key(b, 2, &first, "story");
    put_str(b, a->story);
    put_key(b, 2, &first, "title");
    put_str(b, a->title);
    put_key(b, 2, &first, "date");
    put_str(b, a->date);
    put_key(b, 2, &first, "text_available");
    slant_buf_puts(b, p ? "true" : "false");
    put_key(b, 2, &first, "text");
    if (p) slant_buf_json_string(b, p->text, p->len);
    else slant_buf_puts(b, "null");
    put_key(b, 2, &first, "sentences");
    const slant_doc_scores *sc = p ? &p->scores : NULL;
    if (!sc || sc->nsents == 0) {
        slant_buf_puts(b, "[]");
        put_line(b, 2, '}');
        return;
    }
    char sid[600];
    for (size_t i = 0; i < sc->nsents; i++) {
        const slant_sentence_score *ss = &sc->sents[i];
        const slant_sentence *s = &p->doc.sents[ss->sentence];
        slant_buf_putc(b, i ? ',' : '[');
        put_line(b, 4, '{');
        int f = 1;
        snprintf(sid, sizeof sid, "%s-%zu", a->id, i + 1);
        put_key(b, 4, &f, "id");
        put_str(b, sid);
        put_key(b, 4, &f, "start");
        slant_buf_put_i64(b, (int64_t)s->start);
        put_key(b, 4, &f, "end");
        slant_buf_put_i64(b, (int64_t)s->end);
        put_key(b, 4, &f, "words");
        slant_buf_put_i64(b, (int64_t)ss->words);
        put_key(b, 4, &f, "voice");
        put_str(b, voice_name(ss->voice));
        put_key(b, 4, &f, "speaker");
        put_str(b, slant_speaker_name(&p->doc, ss->speaker));
        put_key(b, 4, &f, "tone");
        put_real(b, ss->tone);
        put_key(b, 4, &f, "hits");
        put_hits(b, a, set, p, ss, (uint32_t)(i + 1));
        put_key(b, 4, &f, "mentions");
        put_mentions(b, set, p, ss);
        put_line(b, 4, '}');
    }
    put_line(b, 3, ']');
    put_line(b, 2, '}');
}

typedef struct display_work {
    slant_display *d;
    const slant_lexset *set;
    slant_pipeline *pipes; /* one per worker */
    slant_buf *bufs;       /* one per worker, when parking */
} display_work;

/* Write a rendered text at a place reserved in the temporary file; 0 when
 * it could not be written (it then stays in memory). */
static int park_text(slant_display *d, display_article *a, const slant_buf *b) {
    uint64_t at = atomic_fetch_add(&d->park_end, (uint64_t)b->len);
    int fd = fileno(d->park);
    for (size_t done = 0; done < b->len;) {
        ssize_t k = pwrite(fd, b->data + done, b->len - done, (off_t)(at + done));
        if (k <= 0) return 0;
        done += (size_t)k;
    }
    a->at = at;
    a->parked = 1;
    return 1;
}

static int display_one(void *arg, size_t i, int worker) {
    display_work *w = arg;
    display_article *a = &w->d->arts[i];
    slant_pipeline *p = &w->pipes[worker];
    int ok = rescore(p, a->id, a->source, a->path);
    slant_buf *b = w->d->park ? &w->bufs[worker] : &a->text;
    slant_buf_clear(b);
    put_article(b, a, w->set, ok ? p : NULL);
    a->len = b->len;
    if (w->d->park && !park_text(w->d, a, b)) slant_buf_append(&a->text, b->data, b->len);
    return 0;
}

void slant_display_render(slant_display *d, const slant_scorer *sc, const slant_clean_rules *rules,
                          const slant_pipeline_opts *opts, int threads, int park) {
    if (threads <= 0) threads = slant_cpu_count();
    if ((size_t)threads > d->n) threads = d->n ? (int)d->n : 1;
    if (park && d->n && !d->park) d->park = slant_tmpfile(); /* NULL: the texts stay in memory */
    display_work w = {d, slant_scorer_lexset(sc), slant_xmalloc((size_t)threads * sizeof *w.pipes),
                      slant_xmalloc((size_t)threads * sizeof *w.bufs)};
    for (int t = 0; t < threads; t++) {
        slant_pipeline_init(&w.pipes[t], sc, rules, opts);
        slant_buf_init(&w.bufs[t]);
    }
    slant_parallel_for(threads, d->n, display_one, &w);
    for (int t = 0; t < threads; t++) {
        slant_pipeline_free(&w.pipes[t]);
        slant_buf_free(&w.bufs[t]);
    }
    free(w.pipes);
    free(w.bufs);
}

/* The parked texts back into memory, in one read; -1 when they cannot be. */
static int unpark(slant_display *d) {
    if (!d->park) return 0;
    uint64_t need = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->arts[i].parked && d->arts[i].at + d->arts[i].len > need) need = d->arts[i].at + d->arts[i].len;
    slant_buf_reserve(&d->back, (size_t)need);
    if (slant_pread_all(fileno(d->park), d->back.data, (size_t)need, 0) != 0) return -1;
    d->back.len = (size_t)need;
    fclose(d->park);
    d->park = NULL;
    return 0;
}

static const char *display_rendered(void *state, size_t i, size_t *len) {
    const slant_display *d = state;
    const display_article *a = &d->arts[i];
    *len = a->len;
    return a->parked ? d->back.data + a->at : a->text.data;
}

static void display_release(void *state) { slant_display_free(state); }

int slant_display_take_list(slant_display *d, json_t *model, slant_report_list *list) {
    if (unpark(d) != 0) return -1;
    char sid[600];
    for (size_t i = 0; i < d->n; i++) {
        const display_article *a = &d->arts[i];
        json_t *source = a->nev ? find_source(model, a->source) : NULL;
        for (size_t k = 0; source && k < a->nev; k++) {
            snprintf(sid, sizeof sid, "%s-%u", a->id, (unsigned)a->ev[k].sentence);
            add_evidence(source, a->ev[k].measure, a->terms.data + a->ev[k].term, sid);
        }
    }
    shown_warning(model, d->n, d->total);
    *list = (slant_report_list){"articles", d->n, NULL, display_release, d, display_rendered};
    return 0;
}
