/*
 * tune.c - lexicon coverage of a corpus and the diff of two lexicon sets.
 *
 * Design decisions
 * - Coverage works on matches (match.h), not on scores: a token is covered
 *   when any entry of any family matches it, rule words and target aliases
 *   included, before the scorer decides what a hit is worth. That is the
 *   question a maintainer asks of a new source: which words does no
 *   lexicon know?
 * - A token counted once per category and once per family even when two
 *   matches of one category overlap: (category, token) keys are collected
 *   in a reused array, sorted and deduplicated per article, so nothing is
 *   allocated per token once the largest article has been seen.
 * - The diff compares finished report models, not aggregates, so every
 *   figure it shows is exactly the figure a report would print, computed by
 *   the one analysis code path.
 */
#include "slant/tune.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slant/ingest.h"
#include "slant/match.h"
#include "slant/stats.h"

/* ---- walking a corpus ---- */

int slant_corpus_walk(const slant_corpus *c, const slant_walk_opts *o, slant_doc_visitor fn,
                      void *ctx, slant_error *err) {
    slant_buf raw, valid, clean;
    slant_buf_init(&raw);
    slant_buf_init(&valid);
    slant_buf_init(&clean);
    slant_clean_scratch cs;
    slant_clean_scratch_init(&cs);
    slant_doc d;
    slant_doc_init(&d);
    int rc = 0;
    for (size_t i = 0; i < c->n && rc == 0; i++) {
        const slant_article *a = &c->articles[i];
        const char *text;
        size_t len;
        if (slant_article_text(a, &raw, &text, &len, err) != 0) {
            rc = -1;
            break;
        }
        const char *name = a->path ? a->path : c->manifest;
        if (slant_ingest_validate(&text, &len, name, o->lenient, &valid, err) < 0) {
            rc = -1;
            break;
        }
        if (!o->no_clean) {
            slant_clean_text_r(o->rules, a->source, text, len, &clean, NULL, &cs);
            text = clean.data ? clean.data : "";
            len = clean.len;
        }
        if (slant_doc_analyze(&d, text, len, err) != 0) {
            rc = -1;
            break;
        }
        rc = fn(ctx, a, &d, err);
    }
    slant_doc_free(&d);
    slant_clean_scratch_free(&cs);
    slant_buf_free(&raw);
    slant_buf_free(&valid);
    slant_buf_free(&clean);
    return rc;
}

/* ---- stopwords ---- */

int slant_stopwords_load(const char *path, slant_strmap **out, slant_error *err) {
    char *found = NULL;
    if (!path) {
        char *candidates[3] = {NULL, NULL, NULL};
        const char *env = getenv("SLANT_LEXICONS");
        if (env && *env) candidates[0] = slant_path_join(env, "stopwords.txt");
        candidates[1] = slant_xstrdup(SLANT_DATADIR "/lexicons/stopwords.txt");
        candidates[2] = slant_xstrdup("lexicons/stopwords.txt");
        for (int i = 0; i < 3; i++) {
            if (!found && candidates[i] && access(candidates[i], R_OK) == 0) found = candidates[i];
            else free(candidates[i]);
        }
        if (!found)
            return slant_error_set(err, "", 0, 0, -1,
                                   "no stopwords.txt found (looked in $SLANT_LEXICONS, %s/lexicons "
                                   "and ./lexicons); set SLANT_LEXICONS or pass --stopwords FILE",
                                   SLANT_DATADIR);
        path = found;
    }
    slant_buf b, f;
    slant_buf_init(&b);
    slant_buf_init(&f);
    int rc = slant_read_file(path, &b, 0, err);
    const char *text = b.data ? b.data : "";
    size_t len = b.len;
    if (rc == 0 && slant_ingest_validate(&text, &len, path, 0, NULL, err) < 0) rc = -1;
    slant_strmap *m = slant_strmap_new(512);
    for (size_t p = 0; rc == 0 && p < len;) {
        const char *nl = memchr(text + p, '\n', len - p);
        size_t e = nl ? (size_t)(nl - text) : len;
        size_t s = p;
        while (s < e && (text[s] == ' ' || text[s] == '\t')) s++;
        size_t t = e;
        while (t > s && (text[t - 1] == ' ' || text[t - 1] == '\t' || text[t - 1] == '\r')) t--;
        if (t > s && text[s] != '#') {
            slant_buf_clear(&f);
            slant_fold(text + s, t - s, &f);
            if (f.len) slant_strmap_upsert(m, f.data, f.len, slant_hash_bytes(f.data, f.len), 1, NULL);
        }
        p = e + 1;
    }
    slant_buf_free(&b);
    slant_buf_free(&f);
    free(found);
    if (rc != 0) {
        slant_strmap_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

/* ---- coverage ---- */

typedef struct cov_source {
    const char *name;
    size_t articles, words, covered;
    size_t *cat; /* per category */
    size_t fam[SLANT_FAM_COUNT];
    uint32_t *counts; /* per uncovered term */
    size_t counts_cap;
} cov_source;

struct slant_coverage {
    const slant_lexset *set;
    const slant_strmap *stop;
    size_t ncat;
    slant_arena *arena;
    slant_strmap *source_map;
    cov_source *src;
    size_t nsrc, src_cap;
    slant_strmap *term_map;
    const char **term;
    size_t nterms, terms_cap;
    /* per-article scratch */
    slant_matches m;
    uint64_t *keys;
    size_t nkeys, keys_cap;
    unsigned char *covered;
    size_t covered_cap;
};

slant_coverage *slant_coverage_new(const slant_lexset *set, const slant_strmap *stopwords) {
    slant_coverage *cv = slant_xcalloc(1, sizeof *cv);
    cv->set = set;
    cv->stop = stopwords;
    cv->ncat = slant_lexset_category_count(set);
    cv->arena = slant_arena_new(1 << 16);
    cv->source_map = slant_strmap_new(16);
    cv->term_map = slant_strmap_new(4096);
    slant_matches_init(&cv->m);
    return cv;
}

void slant_coverage_free(slant_coverage *cv) {
    if (!cv) return;
    for (size_t i = 0; i < cv->nsrc; i++) {
        free(cv->src[i].cat);
        free(cv->src[i].counts);
    }
    free(cv->src);
    free(cv->term);
    free(cv->keys);
    free(cv->covered);
    slant_matches_free(&cv->m);
    slant_strmap_free(cv->source_map);
    slant_strmap_free(cv->term_map);
    slant_arena_free(cv->arena);
    free(cv);
}

static int is_word(const slant_token *t) { return t->kind == SLANT_TOK_WORD || t->kind == SLANT_TOK_NUMBER; }

static void push_key(slant_coverage *cv, uint64_t k) {
    if (cv->nkeys == cv->keys_cap) {
        cv->keys_cap = cv->keys_cap ? 2 * cv->keys_cap : 256;
        cv->keys = slant_xrealloc(cv->keys, cv->keys_cap * sizeof *cv->keys);
    }
    cv->keys[cv->nkeys++] = k;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static cov_source *source_for(slant_coverage *cv, const char *name) {
    size_t n = strlen(name);
    int ins;
    uint32_t *v = slant_strmap_upsert(cv->source_map, name, n, slant_hash_bytes(name, n),
                                      (uint32_t)cv->nsrc, &ins);
    if (ins) {
        if (cv->nsrc == cv->src_cap) {
            cv->src_cap = cv->src_cap ? 2 * cv->src_cap : 8;
            cv->src = slant_xrealloc(cv->src, cv->src_cap * sizeof *cv->src);
        }
        cov_source *s = &cv->src[cv->nsrc++];
        memset(s, 0, sizeof *s);
        s->name = slant_arena_strndup(cv->arena, name, n);
        s->cat = slant_xcalloc(cv->ncat + 1, sizeof *s->cat);
    }
    return &cv->src[*v];
}

void slant_coverage_add(slant_coverage *cv, const char *source, const slant_doc *d) {
    cov_source *s = source_for(cv, source);
    s->articles++;
    if (d->ntoks > cv->covered_cap) {
        cv->covered_cap = d->ntoks * 2;
        cv->covered = slant_xrealloc(cv->covered, cv->covered_cap);
    }
    if (d->ntoks) memset(cv->covered, 0, d->ntoks);
    cv->nkeys = 0;
    for (size_t si = 0; si < d->nsents; si++) {
        const slant_sentence *se = &d->sents[si];
        slant_match_range(cv->set, d, se->tok_begin, se->tok_end, &cv->m);
        for (size_t k = 0; k < cv->m.n; k++) {
            const slant_match *mt = &cv->m.items[k];
            const slant_entry *e = slant_lexset_entry(cv->set, mt->entry);
            for (uint32_t t = mt->tok_begin; t < mt->tok_end; t++) {
                if (!is_word(&d->toks[t])) continue;
                cv->covered[t] = 1;
                push_key(cv, (uint64_t)e->category << 32 | t);
                push_key(cv, (uint64_t)(cv->ncat + e->family) << 32 | t);
            }
        }
    }
    qsort(cv->keys, cv->nkeys, sizeof *cv->keys, cmp_u64);
    for (size_t k = 0; k < cv->nkeys; k++) {
        if (k && cv->keys[k] == cv->keys[k - 1]) continue;
        size_t group = (size_t)(cv->keys[k] >> 32);
        if (group < cv->ncat) s->cat[group]++;
        else s->fam[group - cv->ncat]++;
    }
    for (size_t t = 0; t < d->ntoks; t++) {
        const slant_token *tk = &d->toks[t];
        if (!is_word(tk)) continue;
        s->words++;
        if (cv->covered[t]) {
            s->covered++;
            continue;
        }
        if (tk->kind != SLANT_TOK_WORD) continue;
        const char *norm = slant_tok_norm(d, tk);
        if (cv->stop && slant_strmap_get(cv->stop, norm, tk->norm_len, tk->hash)) continue;
        int ins;
        uint32_t *v = slant_strmap_upsert(cv->term_map, norm, tk->norm_len, tk->hash, (uint32_t)cv->nterms, &ins);
        if (ins) {
            if (cv->nterms == cv->terms_cap) {
                cv->terms_cap = cv->terms_cap ? 2 * cv->terms_cap : 1024;
                cv->term = slant_xrealloc(cv->term, cv->terms_cap * sizeof *cv->term);
            }
            cv->term[cv->nterms++] = slant_arena_strndup(cv->arena, norm, tk->norm_len);
        }
        if (*v >= s->counts_cap) {
            size_t cap = cv->terms_cap > *v ? cv->terms_cap : (size_t)*v + 1;
            s->counts = slant_xrealloc(s->counts, cap * sizeof *s->counts);
            memset(s->counts + s->counts_cap, 0, (cap - s->counts_cap) * sizeof *s->counts);
            s->counts_cap = cap;
        }
        s->counts[*v]++;
    }
}

static double share(size_t part, size_t whole) { return whole ? (double)part / (double)whole : 0.0; }

static json_t *count_share(size_t n, size_t words) {
    json_t *o = json_object();
    json_object_set_new(o, "tokens", json_integer((json_int_t)n));
    json_object_set_new(o, "share", words ? json_real(share(n, words)) : json_null());
    return o;
}

struct counted_term {
    uint32_t count, term;
    const char *text;
};

static int by_count_desc(const void *a, const void *b) {
    const struct counted_term *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->text, y->text);
}

static uint32_t count_of(const cov_source *s, size_t term) { return term < s->counts_cap ? s->counts[term] : 0; }

static int cmp_src_name(const void *a, const void *b) {
    return strcmp((*(const cov_source *const *)a)->name, (*(const cov_source *const *)b)->name);
}

json_t *slant_coverage_json(const slant_coverage *cv, size_t top, size_t min_count) {
    json_t *root = json_object();
    json_t *lex = json_object();
    json_object_set_new(lex, "hash", json_string(slant_lexset_hash(cv->set)));
    json_object_set_new(lex, "entries", json_integer((json_int_t)slant_lexset_entry_count(cv->set)));
    json_object_set_new(root, "lexicons", lex);
    size_t words = 0, covered = 0, articles = 0;
    for (size_t i = 0; i < cv->nsrc; i++) {
        words += cv->src[i].words;
        covered += cv->src[i].covered;
        articles += cv->src[i].articles;
    }
    json_t *corpus = json_object();
    json_object_set_new(corpus, "articles", json_integer((json_int_t)articles));
    json_object_set_new(corpus, "words", json_integer((json_int_t)words));
    json_object_set_new(corpus, "covered", count_share(covered, words));
    json_object_set_new(root, "corpus", corpus);

    const cov_source **order = slant_xmalloc((cv->nsrc + 1) * sizeof *order);
    for (size_t i = 0; i < cv->nsrc; i++) order[i] = &cv->src[i];
    qsort(order, cv->nsrc, sizeof *order, cmp_src_name);
    /* category names in byte order */
    size_t *cats = slant_xmalloc((cv->ncat + 1) * sizeof *cats);
    for (size_t i = 0; i < cv->ncat; i++) cats[i] = i;
    for (size_t i = 1; i < cv->ncat; i++) {
        size_t x = cats[i], j = i;
        while (j > 0 && strcmp(slant_lexset_category(cv->set, cats[j - 1])->name,
                               slant_lexset_category(cv->set, x)->name) > 0)
            cats[j] = cats[j - 1], j--;
        cats[j] = x;
    }
    size_t nt = cv->nterms;
    double *total = slant_xcalloc(nt + 1, sizeof *total), *target = slant_xcalloc(nt + 1, sizeof *target);
    double *ref = slant_xcalloc(nt + 1, sizeof *ref);
    for (size_t i = 0; i < cv->nsrc; i++)
        for (size_t t = 0; t < nt; t++) total[t] += count_of(&cv->src[i], t);
    struct counted_term *idx = slant_xmalloc((nt + 1) * sizeof *idx);
    slant_keyness_ranked *ranked = slant_xmalloc((nt + 1) * sizeof *ranked);

    json_t *sources = json_array();
    for (size_t k = 0; k < cv->nsrc; k++) {
        const cov_source *s = order[k];
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(s->name));
        json_object_set_new(o, "articles", json_integer((json_int_t)s->articles));
        json_object_set_new(o, "words", json_integer((json_int_t)s->words));
        json_object_set_new(o, "covered", count_share(s->covered, s->words));
        json_t *fams = json_object();
        for (int f = 0; f < SLANT_FAM_COUNT; f++)
            json_object_set_new(fams, slant_family_name(f), count_share(s->fam[f], s->words));
        json_object_set_new(o, "families", fams);
        json_t *jc = json_object();
        for (size_t c = 0; c < cv->ncat; c++) {
            size_t ci = cats[c];
            if (s->cat[ci]) json_object_set_new(jc, slant_lexset_category(cv->set, ci)->name, count_share(s->cat[ci], s->words));
        }
        json_object_set_new(o, "categories", jc);

        /* most frequent uncovered words */
        size_t n = 0;
        for (size_t t = 0; t < nt; t++)
            if (count_of(s, t)) idx[n++] = (struct counted_term){count_of(s, t), (uint32_t)t, cv->term[t]};
        qsort(idx, n, sizeof *idx, by_count_desc);
        json_t *freq = json_array();
        for (size_t i = 0; i < n && i < top; i++) {
            json_t *w = json_object();
            json_object_set_new(w, "term", json_string(idx[i].text));
            json_object_set_new(w, "count", json_integer(idx[i].count));
            json_object_set_new(w, "per_1000", json_real(1000.0 * share(idx[i].count, s->words)));
            json_array_append_new(freq, w);
        }
        json_object_set_new(o, "uncovered_frequent", freq);

        /* most distinctive: keyness against every other source */
        json_t *dist = json_array();
        double others = (double)(words - s->words);
        if (cv->nsrc > 1 && others > 0 && s->words > 0) {
            for (size_t t = 0; t < nt; t++) {
                target[t] = count_of(s, t);
                ref[t] = total[t] - target[t];
            }
            size_t nr = slant_stats_keyness_rank(target, ref, nt, (double)s->words, others,
                                                 (double)min_count, ranked);
            size_t shown = 0;
            for (size_t i = 0; i < nr && shown < top; i++) {
                if (ranked[i].k.direction <= 0) continue;
                size_t t = ranked[i].term;
                json_t *w = json_object();
                json_object_set_new(w, "term", json_string(cv->term[t]));
                json_object_set_new(w, "count", json_integer((json_int_t)target[t]));
                json_object_set_new(w, "reference_count", json_integer((json_int_t)ref[t]));
                json_object_set_new(w, "g2", json_real(ranked[i].k.g2));
                json_object_set_new(w, "p", json_real(ranked[i].k.p_value));
                json_object_set_new(w, "log_ratio", json_real(ranked[i].k.log_ratio));
                json_array_append_new(dist, w);
                shown++;
            }
        } else {
            json_object_set_new(o, "reason", json_string("keyness needs another source to compare with"));
        }
        json_object_set_new(o, "uncovered_distinctive", dist);
        json_array_append_new(sources, o);
    }
    json_object_set_new(root, "sources", sources);
    free(order);
    free(cats);
    free(total);
    free(target);
    free(ref);
    free(idx);
    free(ranked);
    return root;
}

/* ---- diff ---- */

static const char *const rate_measures[] = {"loaded", "hedge", "booster", "attrib_neutral", "attrib_loaded"};
static const char *const voices[] = {"outlet", "quoted"};

static void put_figure(json_t *figs, const char *key, const json_t *v) {
    json_object_set_new(figs, key, json_is_number(v) ? json_real(json_number_value(v)) : json_null());
}

/* The per-source figures a diff compares, as figure name -> number or null. */
static json_t *source_figures(const json_t *src) {
    json_t *figs = json_object();
    char key[512];
    for (int v = 0; v < 2; v++) {
        snprintf(key, sizeof key, "tone.%s", voices[v]);
        put_figure(figs, key, json_object_get(json_object_get(json_object_get(src, "tone"), voices[v]), "mean"));
    }
    for (size_t m = 0; m < sizeof rate_measures / sizeof rate_measures[0]; m++)
        for (int v = 0; v < 2; v++) {
            snprintf(key, sizeof key, "%s.%s.per_1000", rate_measures[m], voices[v]);
            put_figure(figs, key, json_object_get(json_object_get(json_object_get(src, rate_measures[m]), voices[v]), "per_1000"));
        }
    const char *id;
    json_t *val;
    json_object_foreach((json_t *)json_object_get(src, "stance"), id, val) {
        for (int v = 0; v < 2; v++) {
            snprintf(key, sizeof key, "stance.%s.%s", id, voices[v]);
            put_figure(figs, key, json_object_get(json_object_get(val, voices[v]), "mean"));
        }
    }
    json_object_foreach((json_t *)json_object_get(src, "frames"), id, val) {
        snprintf(key, sizeof key, "frames.%s.count", id);
        put_figure(figs, key, json_object_get(val, "count"));
        snprintf(key, sizeof key, "frames.%s.share", id);
        put_figure(figs, key, json_object_get(val, "share"));
    }
    json_object_foreach((json_t *)json_object_get(src, "naming"), id, val) {
        size_t i;
        json_t *lab;
        json_array_foreach(json_object_get(val, "labels"), i, lab) {
            const char *name = json_string_value(json_object_get(lab, "label"));
            snprintf(key, sizeof key, "naming.%s.%s", id, name ? name : "?");
            put_figure(figs, key, json_object_get(lab, "count"));
        }
    }
    return figs;
}

static const json_t *find_source(const json_t *model, const char *name) {
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(model, "sources"), i, s) {
        const char *n = json_string_value(json_object_get(s, "name"));
        if (n && strcmp(n, name) == 0) return s;
    }
    return NULL;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Sorted, unique keys of two objects (pointers into them). */
static const char **union_keys(const json_t *a, const json_t *b, size_t *n) {
    size_t cap = json_object_size(a) + json_object_size(b) + 1, k = 0;
    const char **keys = slant_xmalloc(cap * sizeof *keys);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)a, key, v) keys[k++] = key;
    json_object_foreach((json_t *)b, key, v) keys[k++] = key;
    qsort(keys, k, sizeof *keys, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(keys[u - 1], keys[i]) != 0) keys[u++] = keys[i];
    *n = u;
    return keys;
}

static json_t *compare_sources(const json_t *base_model, const json_t *new_model, size_t *nfig, size_t *nchanged) {
    json_t *names = json_object(); /* union of source names */
    const json_t *models[2] = {base_model, new_model};
    for (int m = 0; m < 2; m++) {
        size_t i;
        json_t *s;
        json_array_foreach(json_object_get(models[m], "sources"), i, s) {
            const char *n = json_string_value(json_object_get(s, "name"));
            if (n) json_object_set_new(names, n, json_true());
        }
    }
    size_t nsrc;
    const char **src = union_keys(names, names, &nsrc);
    json_t *out = json_array();
    for (size_t k = 0; k < nsrc; k++) {
        const json_t *bs = find_source(base_model, src[k]), *ns = find_source(new_model, src[k]);
        json_t *bf = bs ? source_figures(bs) : json_object(), *nf = ns ? source_figures(ns) : json_object();
        size_t nkeys;
        const char **keys = union_keys(bf, nf, &nkeys);
        json_t *figs = json_array();
        size_t changed = 0;
        for (size_t i = 0; i < nkeys; i++) {
            const json_t *b = json_object_get(bf, keys[i]), *n = json_object_get(nf, keys[i]);
            json_t *f = json_object();
            json_object_set_new(f, "figure", json_string(keys[i]));
            json_object_set_new(f, "base", json_is_number(b) ? json_real(json_number_value(b)) : json_null());
            json_object_set_new(f, "new", json_is_number(n) ? json_real(json_number_value(n)) : json_null());
            int differs;
            if (json_is_number(b) && json_is_number(n)) {
                double d = json_number_value(n) - json_number_value(b);
                json_object_set_new(f, "change", json_real(d));
                differs = fabs(d) > 1e-12;
            } else {
                json_object_set_new(f, "change", json_null());
                differs = json_is_number(b) != json_is_number(n);
            }
            json_object_set_new(f, "changed", json_boolean(differs));
            changed += differs;
            json_array_append_new(figs, f);
        }
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(src[k]));
        json_object_set_new(o, "changed", json_integer((json_int_t)changed));
        json_object_set_new(o, "figures", figs);
        json_array_append_new(out, o);
        *nfig += nkeys;
        *nchanged += changed;
        free(keys);
        json_decref(bf);
        json_decref(nf);
    }
    free(src);
    json_decref(names);
    return out;
}

/* Identity of an entry across sets: category, folded term, wildcard, case. */
static void entry_key(const slant_lexset *set, const slant_entry *e, slant_buf *b) {
    slant_buf_clear(b);
    slant_buf_puts(b, slant_lexset_category(set, e->category)->name);
    slant_buf_putc(b, '\t');
    slant_buf_puts(b, e->norm);
    if (e->flags & SLANT_EF_WILDCARD) slant_buf_putc(b, '*');
    if (e->flags & SLANT_EF_CASE) slant_buf_puts(b, "\tcase");
}

static uint64_t *hits_per_entry(const slant_agg *a) {
    const slant_lexset *set = slant_agg_lexset(a);
    uint64_t *h = slant_xcalloc(slant_lexset_entry_count(set) + 1, sizeof *h);
    for (size_t i = 0; i < slant_agg_article_count(a); i++) {
        const slant_agg_article *r = slant_agg_article_at(a, i);
        for (uint32_t t = 0; t < r->nterms; t++) h[r->terms[t].entry] += r->terms[t].count;
    }
    return h;
}

typedef struct cause {
    const slant_entry *e;
    const slant_lexset *set;
    const char *kind;
    double base_w, new_w;
    uint64_t hits;
    double impact;
    char *key;
} cause;

static int cmp_cause(const void *a, const void *b) {
    const cause *x = a, *y = b;
    if (x->impact != y->impact) return x->impact > y->impact ? -1 : 1;
    return strcmp(x->key, y->key);
}

json_t *slant_lexdiff(const json_t *base_model, const json_t *new_model, const slant_agg *base,
                      const slant_agg *changed, size_t top_causes) {
    json_t *root = json_object();
    const slant_lexset *bs = slant_agg_lexset(base), *ns = slant_agg_lexset(changed);
    json_t *lex = json_object();
    json_object_set_new(lex, "base", json_string(slant_lexset_hash(bs)));
    json_object_set_new(lex, "new", json_string(slant_lexset_hash(ns)));
    json_object_set_new(root, "lexicons", lex);

    size_t nfig = 0, nchanged = 0;
    json_t *sources = compare_sources(base_model, new_model, &nfig, &nchanged);

    /* entries that differ */
    size_t nb = slant_lexset_entry_count(bs), nn = slant_lexset_entry_count(ns);
    uint64_t *bh = hits_per_entry(base), *nh = hits_per_entry(changed);
    slant_strmap *bmap = slant_strmap_new(nb + 16);
    unsigned char *bseen = slant_xcalloc(nb + 1, 1);
    slant_buf key;
    slant_buf_init(&key);
    for (size_t i = 0; i < nb; i++) {
        entry_key(bs, slant_lexset_entry(bs, i), &key);
        slant_strmap_upsert(bmap, key.data, key.len, slant_hash_bytes(key.data, key.len), (uint32_t)i, NULL);
    }
    cause *cs = slant_xmalloc((nb + nn + 1) * sizeof *cs);
    size_t ncs = 0;
    for (size_t i = 0; i < nn; i++) {
        const slant_entry *e = slant_lexset_entry(ns, i);
        entry_key(ns, e, &key);
        uint32_t *bi = slant_strmap_get(bmap, key.data, key.len, slant_hash_bytes(key.data, key.len));
        if (bi) {
            bseen[*bi] = 1;
            const slant_entry *be = slant_lexset_entry(bs, *bi);
            if (be->weight == e->weight) continue;
            uint64_t hits = bh[*bi] > nh[i] ? bh[*bi] : nh[i];
            cs[ncs++] = (cause){e, ns, "weight", be->weight, e->weight, hits,
                                (double)hits * fabs(e->weight - be->weight), slant_xstrdup(key.data)};
        } else {
            cs[ncs++] = (cause){e, ns, "added", 0.0, e->weight, nh[i], (double)nh[i] * fabs(e->weight),
                                slant_xstrdup(key.data)};
        }
    }
    for (size_t i = 0; i < nb; i++) {
        if (bseen[i]) continue;
        const slant_entry *e = slant_lexset_entry(bs, i);
        entry_key(bs, e, &key);
        cs[ncs++] = (cause){e, bs, "removed", e->weight, 0.0, bh[i], (double)bh[i] * fabs(e->weight),
                            slant_xstrdup(key.data)};
    }
    qsort(cs, ncs, sizeof *cs, cmp_cause);
    json_t *causes = json_array();
    for (size_t i = 0; i < ncs; i++) {
        if (i < top_causes) {
            const cause *c = &cs[i];
            json_t *o = json_object();
            char term[512];
            snprintf(term, sizeof term, "%s%s", c->e->term, c->e->flags & SLANT_EF_WILDCARD ? "*" : "");
            json_object_set_new(o, "term", json_string(term));
            json_object_set_new(o, "category", json_string(slant_lexset_category(c->set, c->e->category)->name));
            json_object_set_new(o, "change", json_string(c->kind));
            json_object_set_new(o, "base_weight", strcmp(c->kind, "added") ? json_real(c->base_w) : json_null());
            json_object_set_new(o, "new_weight", strcmp(c->kind, "removed") ? json_real(c->new_w) : json_null());
            json_object_set_new(o, "hits", json_integer((json_int_t)c->hits));
            json_object_set_new(o, "impact", json_real(c->impact));
            const slant_layer *L = slant_lexset_layer(c->set, c->e->layer);
            char where[1024];
            snprintf(where, sizeof where, "%s:%u", L->path, (unsigned)c->e->line);
            json_object_set_new(o, "where", json_string(where));
            json_array_append_new(causes, o);
        }
        free(cs[i].key);
    }
    json_t *summary = json_object();
    json_object_set_new(summary, "figures", json_integer((json_int_t)nfig));
    json_object_set_new(summary, "figures_changed", json_integer((json_int_t)nchanged));
    json_object_set_new(summary, "entries_changed", json_integer((json_int_t)ncs));
    json_object_set_new(root, "summary", summary);
    json_object_set_new(root, "causes", causes);
    json_object_set_new(root, "sources", sources);
    free(cs);
    free(bh);
    free(nh);
    free(bseen);
    slant_buf_free(&key);
    slant_strmap_free(bmap);
    return root;
}
