/*
 * aggregate.c - per-article records and per-source vocabularies, merged
 * exactly, written and read as partial files.
 *
 * Why per-article records and not running sums: the statistics resample
 * articles (cluster bootstrap) and, with one article per source, sentences;
 * both need the unit values. They are small (a few numbers per sentence and
 * per mention), so a corpus of 100,000 articles fits in tens of megabytes,
 * while nothing per token is ever kept. Every floating-point sum that
 * reaches a report is computed later, from records in canonical order, so
 * the order in which articles arrived cannot change a single bit.
 *
 * An aggregate that is only analysed (slant_agg_compact: analyze, report)
 * keeps less: whatever the analysis only sums (hits per category and entry,
 * speakers) is added to per-source totals as each record completes, and the
 * record keeps the values that must be summed in article order (sentence
 * tone, tone entries' values, mentions) or per story (numbers, speakers,
 * category counts), packed as varints and strings in one block built in a
 * record arena that is reused: ~0.9 KB of arena and a 192-byte struct an
 * article instead of ~4.5 KB on the bench corpus.
 *
 * Records live in arenas; merging moves the source's arenas into the
 * destination instead of copying.
 */
#include "slant/aggregate.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slant/quote.h"

struct source_vocab {
    const char *name;
    slant_strmap *terms; /* term -> count */
    /* filled by finish: sorted view */
    const char **sorted_terms;
    uint32_t *sorted_counts;
    size_t nsorted;
    /* totals (slant_agg_totals), allocated with the first article */
    uint64_t sentences, words[SLANT_VOICE_COUNT];
    uint64_t *cat, *entry, *tone_sign;
    const char **first_id;
    slant_strmap *speaker_index; /* name -> index into speakers */
    slant_agg_speaker *speakers;
    size_t nspeakers, speakers_cap;
};

struct slant_agg {
    const slant_lexset *set;
    size_t ncat;
    slant_arena **arenas; /* arenas[0] is ours; merged ones follow */
    size_t narenas;
    slant_agg_article *arts;
    size_t n, cap;
    slant_strmap *ids; /* id -> 1, for duplicate detection */
    struct source_vocab *sources;
    size_t nsources, sources_cap;
    slant_strmap *source_index; /* name -> index into sources */
    size_t clean_lines, clean_bytes;
    slant_strmap *clean_rules; /* rule -> count */
    /* scratch for add_article */
    slant_u64map *scratch_terms;
    slant_u64map *scratch_numbers; /* add_number: hashes of the article's numbers */
    slant_buf scratch;
    int sorted;
    /* spilling (slant_agg_spill): each article's line goes to a temporary
     * file as it arrives; only its id and place are kept */
    int spill, spill_failed; /* spill_failed: the errno of the first failure, or 0 */
    uint64_t spill_end; /* bytes written to spill_files[0], where we append */
    FILE **spill_files;
    size_t nspill_files;
    struct spilled *spilled;
    size_t nspilled, spilled_cap;
    slant_arena *spill_arena; /* one article's record, reset after each */
    slant_buf spill_line;
    /* compact spilling (slant_agg_compact_spill): each compact record goes,
     * as it completes, to the same temporary files and index (binary, not
     * a partial line), and slant_agg_walk reads the records back */
    int cspill;
    size_t spilled_sorted; /* the index is in id order when this is nspilled */
    uint64_t cspill_end;   /* bytes written to spill_files[0] */
    /* an article's distinct outlet words with counts, before they go to the
     * source's vocabulary: one lookup in the big table per distinct word,
     * not per token (the big table misses the cache, this one does not) */
    struct word_count {
        uint64_t hash;
        uint32_t norm, len, count; /* its form: the document's norm.data + norm, len bytes */
    } *words;
    size_t words_cap;
    /* compact records (slant_agg_compact): the full counts and terms of the
     * record being added live here until they are summed and packed */
    int compact;
    slant_arena *record_arena; /* compact: the record being built, until record_done */
    uint32_t *term_of; /* add_article: [nentries * 2] term index + 1 of an (entry, voice), 0 when none */
    uint64_t *term_used; /* add_article: bitmap of the term_of slots in use */
    uint64_t *term_used_words; /* add_article: bitmap of the term_used words that are not 0 */
    size_t nterm_used_words;
    slant_buf scratch_sorted; /* add_article, compact: the record's terms in order */
    /* article_line: each category's name as a JSON string, escaped once;
     * category c is cat_json.data[cat_json_at[c], cat_json_at[c + 1]) */
    slant_buf cat_json;
    uint32_t *cat_json_at;
    /* streaming (slant_agg_stream): each article's line goes to *stream_line */
    slant_buf *stream_line;
    int head_written; /* slant_agg_write_head was called: write the rest only */
    uint32_t *scratch_cats;
    slant_buf scratch_read_terms, pack;
};

struct spilled {
    const char *id;
    uint64_t offset;
    uint32_t len, file;
};

static slant_arena *agg_arena(slant_agg *a) { return a->arenas[0]; }

/* Append a record's place in the spill files; the pointer is valid until the next push. */
static struct spilled *spilled_push(slant_agg *a, struct spilled sp) {
    if (a->nspilled == a->spilled_cap) {
        a->spilled_cap = a->spilled_cap ? a->spilled_cap * 2 : 1024;
        a->spilled = slant_xrealloc(a->spilled, a->spilled_cap * sizeof *a->spilled);
    }
    a->spilled[a->nspilled] = sp;
    return &a->spilled[a->nspilled++];
}
static void put_jstr(slant_buf *b, const char *s);
static void stream_article(slant_agg *a, slant_agg_article *r);

/* llround(x * 1e6) without the libm call (one per hit and per sentence):
 * truncate, then round half away from zero on the exact remainder. For
 * |y| < 2^53 the truncated value converts back exactly and y - i is exact;
 * from 2^53 on y is an integer and the remainder is 0. Beyond int64 (not
 * reachable from scores) llround decides, as before. */
int64_t slant_micro(double x) {
    if (!isfinite(x)) return 0;
    double y = x * 1e6;
    if (!(fabs(y) < 9.2e18)) return (int64_t)llround(y);
    int64_t i = (int64_t)y;
    double f = y - (double)i;
    return f >= 0.5 ? i + 1 : f <= -0.5 ? i - 1 : i;
}

slant_agg *slant_agg_new(const slant_lexset *set) {
    slant_agg *a = slant_xcalloc(1, sizeof *a);
    a->set = set;
    a->ncat = slant_lexset_category_count(set);
    a->arenas = slant_xmalloc(sizeof *a->arenas);
    a->arenas[0] = slant_arena_new(1 << 20);
    a->narenas = 1;
    a->ids = slant_strmap_new(1024);
    a->source_index = slant_strmap_new(16);
    a->clean_rules = slant_strmap_new(16);
    a->scratch_terms = slant_u64map_new(256);
    a->scratch_numbers = slant_u64map_new(64);
    size_t nkeys = (slant_lexset_entry_count(set) + 1) * SLANT_VOICE_COUNT;
    a->term_of = slant_xcalloc(nkeys, sizeof *a->term_of);
    a->term_used = slant_xcalloc(nkeys / 64 + 1, sizeof *a->term_used);
    a->nterm_used_words = (nkeys / 64 + 1) / 64 + 1;
    a->term_used_words = slant_xcalloc(a->nterm_used_words, sizeof *a->term_used_words);
    slant_buf_init(&a->scratch_sorted);
    slant_buf_init(&a->cat_json);
    a->cat_json_at = slant_xmalloc((a->ncat + 1) * sizeof *a->cat_json_at);
    for (size_t c = 0; c < a->ncat; c++) {
        a->cat_json_at[c] = (uint32_t)a->cat_json.len;
        put_jstr(&a->cat_json, slant_lexset_category(set, c)->name);
    }
    a->cat_json_at[a->ncat] = (uint32_t)a->cat_json.len;
    slant_buf_init(&a->scratch);
    slant_buf_init(&a->scratch_read_terms);
    slant_buf_init(&a->pack);
    return a;
}

static void free_vocab(struct source_vocab *v) {
    slant_strmap_free(v->terms);
    free(v->sorted_terms);
    free(v->sorted_counts);
    free(v->cat);
    free(v->entry);
    free(v->tone_sign);
    free(v->first_id);
    if (v->speaker_index) slant_strmap_free(v->speaker_index);
    free(v->speakers);
}

void slant_agg_free(slant_agg *a) {
    if (!a) return;
    for (size_t i = 0; i < a->nspill_files; i++) fclose(a->spill_files[i]);
    free(a->spill_files);
    free(a->spilled);
    if (a->spill_arena) slant_arena_free(a->spill_arena);
    slant_buf_free(&a->spill_line);
    free(a->words);
    for (size_t i = 0; i < a->nsources; i++) free_vocab(&a->sources[i]);
    free(a->sources);
    for (size_t i = 0; i < a->narenas; i++) slant_arena_free(a->arenas[i]);
    free(a->arenas);
    free(a->arts);
    slant_strmap_free(a->ids);
    slant_strmap_free(a->source_index);
    slant_strmap_free(a->clean_rules);
    slant_u64map_free(a->scratch_terms);
    slant_u64map_free(a->scratch_numbers);
    slant_buf_free(&a->scratch);
    free(a->scratch_cats);
    free(a->term_of);
    free(a->term_used);
    free(a->term_used_words);
    slant_buf_free(&a->scratch_sorted);
    slant_buf_free(&a->cat_json);
    free(a->cat_json_at);
    if (a->record_arena) slant_arena_free(a->record_arena);
    slant_buf_free(&a->scratch_read_terms);
    slant_buf_free(&a->pack);
    free(a);
}

slant_agg *slant_agg_new_like(const slant_agg *a) {
    slant_agg *b = slant_agg_new(a->set);
    if (a->compact) slant_agg_compact(b);
    if (a->cspill) slant_agg_compact_spill(b);
    return b;
}

void slant_agg_compact(slant_agg *a) {
    a->compact = 1;
    if (!a->record_arena) a->record_arena = slant_arena_new(1 << 16);
    if (!a->scratch_cats) a->scratch_cats = slant_xcalloc((a->ncat ? a->ncat : 1) * SLANT_VOICE_COUNT, sizeof *a->scratch_cats);
    slant_buf_init(&a->scratch_read_terms);
    slant_buf_init(&a->pack);
}

int slant_agg_is_compact(const slant_agg *a) { return a->compact; }

static const char *adup(slant_agg *a, const char *s) {
    return s ? slant_arena_strndup(agg_arena(a), s, strlen(s)) : NULL;
}

static struct source_vocab *source_vocab(slant_agg *a, const char *name) {
    size_t len = strlen(name);
    int inserted;
    uint32_t *slot = slant_strmap_upsert(a->source_index, name, len, slant_hash_bytes(name, len),
                                         (uint32_t)a->nsources, &inserted);
    if (inserted) {
        if (a->nsources == a->sources_cap) {
            a->sources_cap = a->sources_cap ? a->sources_cap * 2 : 8;
            a->sources = slant_xrealloc(a->sources, a->sources_cap * sizeof *a->sources);
        }
        struct source_vocab *v = &a->sources[a->nsources++];
        memset(v, 0, sizeof *v);
        v->name = adup(a, name);
        v->terms = slant_strmap_new(4096);
    }
    return &a->sources[*slot];
}

static void vocab_add(struct source_vocab *v, const char *term, size_t len, uint64_t hash,
                      uint32_t count) {
    uint32_t *c = slant_strmap_upsert(v->terms, term, len, hash, 0, NULL);
    *c += count;
}

static slant_agg_article *new_article(slant_agg *a) {
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->arts = slant_xrealloc(a->arts, a->cap * sizeof *a->arts);
    }
    slant_agg_article *r = &a->arts[a->n++];
    memset(r, 0, sizeof *r);
    /* a compact record's counts are summed and packed once complete */
    r->cat_counts = a->compact ? a->scratch_cats
                               : slant_arena_alloc(agg_arena(a), (a->ncat ? a->ncat : 1) * SLANT_VOICE_COUNT *
                                                                     sizeof *r->cat_counts);
    memset(r->cat_counts, 0, (a->ncat ? a->ncat : 1) * SLANT_VOICE_COUNT * sizeof *r->cat_counts);
    a->sorted = 0;
    return r;
}

static int register_id(slant_agg *a, const char *id, slant_error *err) {
    size_t len = strlen(id);
    int inserted;
    slant_strmap_upsert(a->ids, id, len, slant_hash_bytes(id, len), 1, &inserted);
    if (!inserted)
        return slant_error_set(err, "", 0, 0, -1,
                               "article id \"%s\" appears twice (in two parts or twice in the "
                               "corpus); ids must be unique across all parts",
                               id);
    return 0;
}

/* Scale words that belong to a number ("$1 billion", "25 percent"): numeric
 * grammar, not lexicon knowledge. */
static int is_number_unit(const char *w) {
    static const char *const units[] = {"percent", "%",        "million", "billion",
                                        "trillion", "thousand", "per",     NULL};
    for (int i = 0; units[i]; i++)
        if (strcmp(w, units[i]) == 0) return 1;
    return 0;
}

/* Number token i of the article (with its unit: "5 percent"), kept once
 * per distinct text; called from the vocabulary's pass over the tokens. */
static void add_number(slant_agg *a, slant_agg_article *r, const slant_doc *d, size_t i, size_t *cap) {
    const slant_token *t = &d->toks[i];
    size_t end = t->end;
    if (i + 1 < d->ntoks && is_number_unit(slant_tok_norm(d, &d->toks[i + 1])) &&
        d->toks[i + 1].start - t->end <= 1)
        end = d->toks[i + 1].end;
    uint64_t h = slant_hash_bytes(d->text + t->start, end - t->start);
    int inserted;
    slant_u64map_upsert(a->scratch_numbers, h, 0, &inserted);
    if (!inserted) return;
    if (r->nnumbers == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        const char **nn = slant_arena_alloc(agg_arena(a), ncap * sizeof *nn);
        if (r->nnumbers) memcpy(nn, r->numbers, r->nnumbers * sizeof *nn);
        r->numbers = nn;
        *cap = ncap;
    }
    r->numbers[r->nnumbers++] = slant_arena_strndup(agg_arena(a), d->text + t->start, end - t->start);
}

/* Quoted speakers with their words and quotations. Quotations with no
 * attributed speaker are kept too, under the empty name (the report shows
 * it as null): how much an outlet quotes without saying who is a measure. */
static void add_speakers(slant_agg *a, slant_agg_article *r, const slant_doc *d) {
    if (!d->nquotes) return;
    size_t slots = d->nspeakers + 1; /* last slot: unattributed */
    uint32_t *words = slant_xcalloc(slots, sizeof *words);
    uint32_t *quotes = slant_xcalloc(slots, sizeof *quotes);
    for (size_t q = 0; q < d->nquotes; q++) {
        int32_t sp = d->quotes[q].speaker;
        size_t slot = sp < 0 || (size_t)sp >= d->nspeakers ? d->nspeakers : (size_t)sp;
        quotes[slot]++;
        words[slot] += (uint32_t)slant_count_words(d, d->quotes[q].tok_begin, d->quotes[q].tok_end);
    }
    /* Several speaker slots can share a display name; fold them by name. */
    r->speakers = slant_arena_alloc(agg_arena(a), slots * sizeof *r->speakers);
    for (size_t s = 0; s < slots; s++) {
        if (!quotes[s]) continue;
        const char *name = s < d->nspeakers ? slant_speaker_name(d, (int32_t)s) : "";
        slant_agg_speaker *hit = NULL;
        for (uint32_t k = 0; k < r->nspeakers; k++)
            if (strcmp(r->speakers[k].name, name) == 0) hit = &r->speakers[k];
        if (!hit) {
            hit = &r->speakers[r->nspeakers++];
            hit->name = adup(a, name);
            hit->words = hit->quotes = 0;
        }
        hit->words += words[s];
        hit->quotes += quotes[s];
    }
    free(words);
    free(quotes);
}

static void spill_article(slant_agg *a, slant_agg_article *r);
static void cspill_record(slant_agg *a, slant_agg_article *r, const char *blob, size_t len);

/* ---- per-source totals and compact records ---- */

static void totals_alloc(const slant_agg *a, struct source_vocab *v) {
    if (v->cat) return;
    size_t ne = slant_lexset_entry_count(a->set) + 1;
    v->cat = slant_xcalloc((a->ncat ? a->ncat : 1) * SLANT_VOICE_COUNT, sizeof *v->cat);
    v->entry = slant_xcalloc(ne * SLANT_VOICE_COUNT, sizeof *v->entry);
    v->tone_sign = slant_xcalloc(ne * 2, sizeof *v->tone_sign);
    v->first_id = slant_xcalloc(ne, sizeof *v->first_id);
    v->speaker_index = slant_strmap_new(64);
}

static void totals_speaker(slant_agg *a, struct source_vocab *v, const char *name, uint32_t words,
                           uint32_t quotes) {
    size_t len = strlen(name);
    int inserted;
    uint32_t *slot = slant_strmap_upsert(v->speaker_index, name, len, slant_hash_bytes(name, len),
                                         (uint32_t)v->nspeakers, &inserted);
    if (inserted) {
        if (v->nspeakers == v->speakers_cap) {
            v->speakers_cap = v->speakers_cap ? v->speakers_cap * 2 : 16;
            v->speakers = slant_xrealloc(v->speakers, v->speakers_cap * sizeof *v->speakers);
        }
        /* a compact record's own copy of the name does not outlive it */
        v->speakers[v->nspeakers++] = (slant_agg_speaker){adup(a, name), 0, 0};
    }
    v->speakers[*slot].words += words;
    v->speakers[*slot].quotes += quotes;
}

static void totals_first_id(struct source_vocab *v, uint32_t entry, const char *id) {
    if (!v->first_id[entry] || strcmp(id, v->first_id[entry]) < 0) v->first_id[entry] = id;
}

/* Add a complete record to its source's totals. */
static void totals_add(slant_agg *a, const slant_agg_article *r) {
    struct source_vocab *v = source_vocab(a, r->source);
    totals_alloc(a, v);
    v->sentences += r->sentences;
    for (int k = 0; k < SLANT_VOICE_COUNT; k++) v->words[k] += r->words[k];
    for (size_t i = 0; i < a->ncat * SLANT_VOICE_COUNT; i++) v->cat[i] += r->cat_counts[i];
    for (uint32_t t = 0; t < r->nterms; t++) {
        const slant_agg_term *at = &r->terms[t];
        int family = slant_lexset_entry(a->set, at->entry)->family;
        v->entry[(size_t)at->entry * SLANT_VOICE_COUNT + at->voice] += at->count;
        if (family == SLANT_FAM_TONE && at->voice == SLANT_VOICE_OUTLET && at->value_micro != 0)
            v->tone_sign[(size_t)at->entry * 2 + (at->value_micro > 0)] += at->count;
        if (family == SLANT_FAM_NAMING) totals_first_id(v, at->entry, r->id);
    }
    for (uint32_t i = 0; i < r->nspeakers; i++)
        totals_speaker(a, v, r->speakers[i].name, r->speakers[i].words, r->speakers[i].quotes);
}

static void totals_merge(slant_agg *dst, struct source_vocab *dv, const struct source_vocab *sv) {
    if (!sv->cat) return;
    totals_alloc(dst, dv);
    size_t ne = slant_lexset_entry_count(dst->set) + 1;
    dv->sentences += sv->sentences;
    for (int k = 0; k < SLANT_VOICE_COUNT; k++) dv->words[k] += sv->words[k];
    for (size_t i = 0; i < dst->ncat * SLANT_VOICE_COUNT; i++) dv->cat[i] += sv->cat[i];
    for (size_t i = 0; i < ne * SLANT_VOICE_COUNT; i++) dv->entry[i] += sv->entry[i];
    for (size_t i = 0; i < ne * 2; i++) dv->tone_sign[i] += sv->tone_sign[i];
    for (size_t e = 0; e < ne; e++)
        if (sv->first_id[e]) totals_first_id(dv, (uint32_t)e, sv->first_id[e]);
    for (size_t i = 0; i < sv->nspeakers; i++)
        totals_speaker(dst, dv, sv->speakers[i].name, sv->speakers[i].words, sv->speakers[i].quotes);
}

/* Compact records pack numbers as LEB128 varints: a category count is
 * (index delta, count), a tone term (key delta, count, zigzag value) with
 * key = entry * 2 + voice in increasing order. Counts and values stay
 * exact (any uint32 / int64), at one to three bytes each. */
static void put_uv(slant_buf *b, uint64_t v) {
    while (v >= 0x80) {
        slant_buf_putc(b, (char)((v & 0x7f) | 0x80));
        v >>= 7;
    }
    slant_buf_putc(b, (char)v);
}

static uint64_t get_uv(const uint8_t **p) {
    uint64_t v = 0;
    int shift = 0;
    for (;;) {
        uint8_t byte = *(*p)++;
        v |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return v;
        shift += 7;
    }
}

static uint64_t zigzag(int64_t v) { return ((uint64_t)v << 1) ^ (v < 0 ? UINT64_MAX : 0); }
static int64_t unzigzag(uint64_t u) { return (int64_t)(u >> 1) ^ -(int64_t)(u & 1); }

static void sort_terms(slant_agg_term *t, size_t n);

static const char *blob_str(char **p, const char *str) {
    if (!str) return NULL;
    size_t n = strlen(str) + 1;
    memcpy(*p, str, n);
    const char *at = *p;
    *p += n;
    return at;
}

/* A record is complete: add it to its source's totals and, in a compact
 * aggregate, keep it as one block in the aggregate's arena (tone values,
 * the packed parts, its strings; the source name is shared) while what it
 * was built in (the record arena and scratch buffers) is reused for the
 * next one. */
static void record_done(slant_agg *a, slant_agg_article *r) {
    if (!a->compact) {
        totals_add(a, r);
        return;
    }
    if (r->nterms > 1) sort_terms(r->terms, r->nterms);
    slant_buf *b = &a->pack;
    slant_buf_clear(b);
    size_t prev = 0;
    for (size_t i = 0; i < a->ncat * SLANT_VOICE_COUNT; i++) {
        if (!r->cat_counts[i]) continue;
        put_uv(b, i - prev);
        put_uv(b, r->cat_counts[i]);
        prev = i;
    }
    size_t mark = b->len;
    r->packed_len[0] = (uint32_t)b->len;
    uint64_t prev_key = 0;
    uint32_t ntone = 0;
    for (uint32_t t = 0; t < r->nterms; t++) {
        const slant_agg_term *at = &r->terms[t];
        if (slant_lexset_entry(a->set, at->entry)->family != SLANT_FAM_TONE) continue;
        uint64_t key = (uint64_t)at->entry * 2 + at->voice;
        put_uv(b, key - prev_key);
        put_uv(b, at->count);
        put_uv(b, zigzag(at->value_micro));
        prev_key = key;
        ntone++;
    }
    r->ntone_terms = ntone;
    r->packed_len[1] = (uint32_t)(b->len - mark);
    mark = b->len;
    for (uint32_t i = 0; i < r->nmentions; i++) {
        put_uv(b, (uint64_t)r->mentions[i].category * 2 + r->mentions[i].voice);
        put_uv(b, zigzag(r->mentions[i].stance_micro));
    }
    r->packed_len[2] = (uint32_t)(b->len - mark);
    mark = b->len;
    for (uint32_t i = 0; i < r->nnumbers; i++) slant_buf_append(b, r->numbers[i], strlen(r->numbers[i]) + 1);
    r->packed_len[3] = (uint32_t)(b->len - mark);
    mark = b->len;
    for (uint32_t i = 0; i < r->nspeakers; i++) {
        put_uv(b, r->speakers[i].words);
        put_uv(b, r->speakers[i].quotes);
        slant_buf_append(b, r->speakers[i].name, strlen(r->speakers[i].name) + 1);
    }
    r->packed_len[4] = (uint32_t)(b->len - mark);
    size_t tone_bytes = ((size_t)r->nsent_voice[0] + r->nsent_voice[1]) * sizeof(int32_t), strings = 0;
    const char *strs[5] = {r->id, r->story, r->title, r->date, r->path};
    for (int i = 0; i < 5; i++) strings += strs[i] ? strlen(strs[i]) + 1 : 0;
    /* a spilled record's block lives until it is written, below */
    char *blob = slant_arena_alloc(a->cspill ? a->record_arena : agg_arena(a), tone_bytes + b->len + strings + 1);
    char *p = blob; /* tone first: the arena aligns blocks to 16 bytes */
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) {
        size_t n = r->nsent_voice[v] * sizeof(int32_t);
        if (n) memcpy(p, r->tone[v], n);
        r->tone[v] = (int32_t *)(void *)p;
        p += n;
    }
    if (b->len) memcpy(p, b->data, b->len);
    r->packed = (const uint8_t *)p;
    p += b->len;
    r->id = blob_str(&p, r->id);
    r->story = blob_str(&p, r->story);
    r->title = blob_str(&p, r->title);
    r->date = blob_str(&p, r->date);
    r->path = blob_str(&p, r->path);
    r->source = source_vocab(a, r->source)->name;
    if (a->cspill) cspill_record(a, r, blob, (size_t)(p - blob));
    totals_add(a, r); /* reads the full counts, terms and speakers, still in scratch */
    r->cat_counts = NULL;
    r->terms = NULL;
    r->nterms = 0;
    r->mentions = NULL;
    r->speakers = NULL;
    r->numbers = NULL;
}

void slant_agg_article_cats(const slant_agg *a, const slant_agg_article *r, uint32_t *out) {
    size_t n = a->ncat * SLANT_VOICE_COUNT;
    if (r->cat_counts) {
        memcpy(out, r->cat_counts, n * sizeof *out);
        return;
    }
    memset(out, 0, n * sizeof *out);
    const uint8_t *p = r->packed, *end = p + r->packed_len[0];
    size_t i = 0;
    while (p < end) {
        i += (size_t)get_uv(&p);
        out[i] = (uint32_t)get_uv(&p);
    }
}

size_t slant_agg_article_tone_room(const slant_agg_article *r) {
    return r->terms ? r->nterms : r->ntone_terms;
}

size_t slant_agg_article_tone_terms(const slant_agg *a, const slant_agg_article *r, slant_agg_term *out) {
    size_t n = 0;
    if (r->terms) {
        for (uint32_t t = 0; t < r->nterms; t++)
            if (slant_lexset_entry(a->set, r->terms[t].entry)->family == SLANT_FAM_TONE) out[n++] = r->terms[t];
        return n;
    }
    const uint8_t *p = r->packed + r->packed_len[0], *end = p + r->packed_len[1];
    uint64_t key = 0;
    while (p < end) {
        key += get_uv(&p);
        out[n].entry = (uint32_t)(key >> 1);
        out[n].voice = (uint8_t)(key & 1);
        out[n].count = (uint32_t)get_uv(&p);
        out[n].value_micro = unzigzag(get_uv(&p));
        n++;
    }
    return n;
}

void slant_agg_article_mentions(const slant_agg_article *r, slant_agg_mention *out) {
    if (r->mentions) {
        if (r->nmentions) memcpy(out, r->mentions, r->nmentions * sizeof *out);
        return;
    }
    const uint8_t *p = r->packed + r->packed_len[0] + r->packed_len[1];
    for (uint32_t i = 0; i < r->nmentions; i++) {
        uint64_t key = get_uv(&p);
        out[i].category = (uint32_t)(key >> 1);
        out[i].voice = (uint8_t)(key & 1);
        out[i].stance_micro = (int32_t)unzigzag(get_uv(&p));
    }
}

void slant_agg_article_numbers(const slant_agg_article *r, const char **out) {
    if (r->numbers) {
        if (r->nnumbers) memcpy(out, r->numbers, r->nnumbers * sizeof *out);
        return;
    }
    const char *p = (const char *)r->packed + r->packed_len[0] + r->packed_len[1] + r->packed_len[2];
    for (uint32_t i = 0; i < r->nnumbers; i++) {
        out[i] = p;
        p += strlen(p) + 1;
    }
}

void slant_agg_article_speakers(const slant_agg_article *r, slant_agg_speaker *out) {
    if (r->speakers) {
        if (r->nspeakers) memcpy(out, r->speakers, r->nspeakers * sizeof *out);
        return;
    }
    const uint8_t *p = r->packed + r->packed_len[0] + r->packed_len[1] + r->packed_len[2] + r->packed_len[3];
    for (uint32_t i = 0; i < r->nspeakers; i++) {
        out[i].words = (uint32_t)get_uv(&p);
        out[i].quotes = (uint32_t)get_uv(&p);
        out[i].name = (const char *)p;
        p += strlen(out[i].name) + 1;
    }
}

int slant_agg_source_totals(const slant_agg *a, const char *source, slant_agg_totals *out) {
    size_t len = strlen(source);
    const uint32_t *slot = slant_strmap_get(a->source_index, source, len, slant_hash_bytes(source, len));
    memset(out, 0, sizeof *out);
    if (!slot) return -1;
    const struct source_vocab *v = &a->sources[*slot];
    out->sentences = v->sentences;
    for (int k = 0; k < SLANT_VOICE_COUNT; k++) out->words[k] = v->words[k];
    out->cat = v->cat;
    out->entry = v->entry;
    out->tone_sign = v->tone_sign;
    out->first_id = v->first_id;
    out->speakers = v->speakers;
    out->nspeakers = v->nspeakers;
    return 0;
}

void slant_agg_add_article(slant_agg *a, const slant_article *art, const slant_doc *d,
                           const slant_doc_scores *s, const slant_clean_log *log) {
    slant_arena *kept = a->arenas[0];
    if (a->spill || a->stream_line) a->arenas[0] = a->spill_arena; /* the record lives only until it is written */
    else if (a->compact) a->arenas[0] = a->record_arena; /* until record_done packs it */
    slant_agg_article *r = new_article(a);
    r->id = adup(a, art->id);
    r->source = adup(a, art->source);
    r->story = adup(a, art->story);
    r->title = adup(a, art->title);
    r->date = adup(a, art->date);
    r->path = adup(a, art->path);
    r->sentences = (uint32_t)s->nsents;
    /* records are sized exactly (counted first): they are what memory grows with */
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) {
        size_t nv = 0;
        for (size_t i = 0; i < s->nsents; i++) nv += s->sents[i].words_voice[v] > 0;
        r->tone[v] = slant_arena_alloc(agg_arena(a), (nv ? nv : 1) * sizeof *r->tone[v]);
        for (size_t i = 0; i < s->nsents; i++) {
            const slant_sentence_score *ss = &s->sents[i];
            r->words[v] += ss->words_voice[v];
            if (ss->words_voice[v] > 0) r->tone[v][r->nsent_voice[v]++] = (int32_t)slant_micro(ss->tone_voice[v]);
        }
    }
    /* hits: category counts and per-entry term counts; an (entry, voice)
     * finds its term through a table indexed by entry (no hashing). The
     * keys in use are marked in a bitmap, and reading its set bits in
     * order gives the terms in (entry, voice) order with no sort (sorting
     * them was 3% of score --partial); a second bitmap marks its words in
     * use, so the read visits only those (not every word between the
     * first and the last, a walk that grew with the lexicon), and both
     * are reset on the way for the next article. */
    slant_buf_clear(&a->scratch);
    slant_buf_reserve(&a->scratch, s->nhits * sizeof(slant_agg_term));
    slant_agg_term *terms = (slant_agg_term *)(void *)a->scratch.data;
    uint32_t *term_of = a->term_of; /* [(entry * 2 + voice)]: term index + 1, 0 = none yet */
    uint64_t *used = a->term_used, *used_words = a->term_used_words;
    for (size_t i = 0; i < s->nhits; i++) {
        const slant_hit *h = &s->hits[i];
        if (h->category < a->ncat) r->cat_counts[h->category * SLANT_VOICE_COUNT + h->voice]++;
        size_t key = (size_t)h->entry * SLANT_VOICE_COUNT + h->voice;
        if (!term_of[key]) {
            slant_agg_term *t = &terms[r->nterms++];
            t->entry = h->entry;
            t->voice = h->voice;
            t->count = 0;
            t->value_micro = 0;
            term_of[key] = r->nterms;
            used[key / 64] |= (uint64_t)1 << (key % 64);
            used_words[key / 4096] |= (uint64_t)1 << (key / 64 % 64);
        }
        slant_agg_term *t = &terms[term_of[key] - 1];
        t->count++;
        t->value_micro += slant_micro(h->value);
    }
    if (r->nterms) {
        slant_agg_term *sorted;
        if (a->compact) { /* summed and packed by record_done */
            slant_buf_clear(&a->scratch_sorted);
            slant_buf_reserve(&a->scratch_sorted, r->nterms * sizeof *sorted);
            sorted = (slant_agg_term *)(void *)a->scratch_sorted.data;
        } else
            sorted = slant_arena_alloc(agg_arena(a), r->nterms * sizeof *sorted);
        size_t k = 0;
        for (size_t u = 0; u < a->nterm_used_words; u++) {
            for (uint64_t words = used_words[u]; words; words &= words - 1) {
                size_t w = u * 64 + (size_t)__builtin_ctzll(words);
                for (uint64_t bits = used[w]; bits; bits &= bits - 1) {
                    size_t key = w * 64 + (size_t)__builtin_ctzll(bits);
                    sorted[k++] = terms[term_of[key] - 1];
                    term_of[key] = 0;
                }
                used[w] = 0;
            }
            used_words[u] = 0;
        }
        r->terms = sorted;
    }
    if (s->nmentions) {
        r->mentions = slant_arena_alloc(agg_arena(a), s->nmentions * sizeof *r->mentions);
        for (size_t i = 0; i < s->nmentions; i++) {
            r->mentions[i].category = s->mentions[i].category;
            r->mentions[i].voice = s->mentions[i].voice;
            r->mentions[i].stance_micro = (int32_t)slant_micro(s->mentions[i].stance);
        }
        r->nmentions = (uint32_t)s->nmentions;
    }
    add_speakers(a, r, d);
    /* outlet-voice vocabulary for keyness, and the numbers, in one pass
     * over the tokens */
    slant_arena *record_arena = a->arenas[0];
    a->arenas[0] = kept; /* a new source's name outlives the record */
    struct source_vocab *v = source_vocab(a, art->source);
    a->arenas[0] = record_arena;
    slant_u64map *local = a->scratch_terms;
    slant_u64map_clear(local);
    slant_u64map_clear(a->scratch_numbers);
    size_t nwords = 0, numbers_cap = 0;
    for (size_t i = 0; i < d->ntoks; i++) {
        const slant_token *t = &d->toks[i];
        if (t->kind != SLANT_TOK_WORD) {
            if (t->kind == SLANT_TOK_NUMBER) add_number(a, r, d, i, &numbers_cap);
            continue;
        }
        if (t->flags & SLANT_TF_IN_QUOTE) continue;
        int inserted;
        uint32_t *slot = slant_u64map_upsert(local, t->hash, (uint32_t)nwords, &inserted);
        if (inserted) {
            if (nwords == a->words_cap) {
                a->words_cap = a->words_cap ? a->words_cap * 2 : 1024;
                a->words = slant_xrealloc(a->words, a->words_cap * sizeof *a->words);
            }
            struct word_count *w = &a->words[nwords++];
            w->hash = t->hash;
            w->norm = t->norm;
            w->len = t->norm_len;
            w->count = 1;
            continue;
        }
        /* the word keeps what the comparison and the fold below read, so
         * neither goes back to its first token (far behind, out of cache) */
        struct word_count *w = &a->words[*slot];
        if (w->len == t->norm_len && memcmp(d->norm.data + w->norm, slant_tok_norm(d, t), t->norm_len) == 0)
            w->count++;
        else /* two words, one hash: count this one directly */
            vocab_add(v, slant_tok_norm(d, t), t->norm_len, t->hash, 1);
    }
    enum { AHEAD = 8 }; /* lookups in flight: enough to hide a cache miss */
    const struct word_count *words = a->words;
    for (size_t k = 0; k < nwords && k < AHEAD; k++) slant_strmap_prefetch(v->terms, words[k].hash);
    for (size_t k = 0; k < nwords; k++) {
        if (k + AHEAD < nwords) slant_strmap_prefetch(v->terms, words[k + AHEAD].hash);
        vocab_add(v, d->norm.data + words[k].norm, words[k].len, words[k].hash, words[k].count);
    }
    slant_u64map_clear(local);
    if (log) {
        a->clean_lines += log->lines_removed;
        a->clean_bytes += log->bytes_removed;
        for (size_t i = 0; i < log->n; i++) {
            const char *rule = log->items[i].rule ? log->items[i].rule : "other";
            size_t len = strlen(rule);
            uint32_t *c = slant_strmap_upsert(a->clean_rules, rule, len,
                                              slant_hash_bytes(rule, len), 0, NULL);
            (*c)++;
        }
    }
    /* duplicate ids inside one run are caught here too; the first wins */
    size_t idlen = strlen(r->id);
    int inserted;
    slant_strmap_upsert(a->ids, r->id, idlen, slant_hash_bytes(r->id, idlen), 1, &inserted);
    if (a->compact) {
        a->arenas[0] = kept;
        record_done(a, r);
        slant_arena_reset(a->record_arena);
    } else if (!a->spill && !a->stream_line)
        record_done(a, r);
    if (a->stream_line) {
        a->arenas[0] = kept;
        stream_article(a, r);
        a->n--;
        slant_arena_reset(a->spill_arena);
    } else if (a->spill) {
        a->arenas[0] = kept;
        spill_article(a, r);
        a->n--;
        slant_arena_reset(a->spill_arena);
    }
}

static int agg_is_empty(const slant_agg *a) {
    return a->n == 0 && a->nspilled == 0 && a->nspill_files == 0 && a->nsources == 0 && !a->spill_failed &&
           a->clean_lines == 0 && a->clean_bytes == 0 && slant_strmap_count(a->clean_rules) == 0 &&
           slant_strmap_count(a->ids) == 0;
}

int slant_agg_merge(slant_agg *dst, slant_agg *src, slant_error *err) {
    if (strcmp(slant_lexset_hash(dst->set), slant_lexset_hash(src->set)) != 0)
        return slant_error_set(err, "", 0, 0, -1,
                               "cannot merge aggregates made with different lexicon sets");
    if (dst->compact != src->compact)
        return slant_error_set(err, "", 0, 0, -1, "internal error: merging a compact and a full aggregate");
    if (agg_is_empty(dst)) {
        /* Merging into an empty aggregate (one worker, the first part read)
         * takes src's contents as they are instead of copying them: the
         * copy doubled the records, ids and vocabularies at the peak. What
         * belongs to dst itself (its set and its spill mode) stays. */
        slant_agg tmp = *dst;
        *dst = *src;
        *src = tmp;
        dst->set = src->set;
        dst->ncat = src->ncat;
        int spill = dst->spill, head_written = dst->head_written;
        slant_arena *spill_arena = dst->spill_arena;
        slant_buf *stream_line = dst->stream_line;
        dst->spill = src->spill;
        dst->spill_arena = src->spill_arena;
        dst->head_written = src->head_written;
        dst->stream_line = src->stream_line;
        src->spill = spill;
        src->spill_arena = spill_arena;
        src->head_written = head_written;
        src->stream_line = stream_line;
        dst->sorted = 0;
        return 0;
    }
    for (size_t i = 0; i < src->n; i++)
        if (register_id(dst, src->arts[i].id, err) != 0) return -1;
    for (size_t i = 0; i < src->n; i++) {
        if (dst->n == dst->cap) {
            dst->cap = dst->cap ? dst->cap * 2 : 64;
            dst->arts = slant_xrealloc(dst->arts, dst->cap * sizeof *dst->arts);
        }
        dst->arts[dst->n++] = src->arts[i];
    }
    src->n = 0;
    if (src->nspilled || src->nspill_files) {
        for (size_t i = 0; i < src->nspilled; i++)
            if (register_id(dst, src->spilled[i].id, err) != 0) return -1;
        size_t base = dst->nspill_files;
        if (base == 0) dst->spill_end = src->spill_end; /* src's file 0 becomes dst's */
        dst->spill_files = slant_xrealloc(dst->spill_files,
                                          (dst->nspill_files + src->nspill_files) * sizeof *dst->spill_files);
        for (size_t i = 0; i < src->nspill_files; i++) dst->spill_files[dst->nspill_files++] = src->spill_files[i];
        src->nspill_files = 0;
        for (size_t i = 0; i < src->nspilled; i++) {
            spilled_push(dst, src->spilled[i])->file += (uint32_t)base;
        }
        src->nspilled = 0;
        if (!dst->spill_failed) dst->spill_failed = src->spill_failed;
    }
    dst->arenas = slant_xrealloc(dst->arenas, (dst->narenas + src->narenas) * sizeof *dst->arenas);
    for (size_t i = 0; i < src->narenas; i++) dst->arenas[dst->narenas++] = src->arenas[i];
    src->arenas[0] = slant_arena_new(4096);
    src->narenas = 1;
    for (size_t i = 0; i < src->nsources; i++) {
        struct source_vocab *sv = &src->sources[i];
        struct source_vocab *dv = source_vocab(dst, sv->name);
        totals_merge(dst, dv, sv);
        size_t cap = slant_strmap_capacity(sv->terms);
        for (size_t k = 0; k < cap; k++) {
            const char *term;
            size_t len;
            uint32_t count;
            if (!slant_strmap_slot(sv->terms, k, &term, &len, &count)) continue;
            vocab_add(dv, term, len, slant_hash_bytes(term, len), count);
        }
    }
    dst->clean_lines += src->clean_lines;
    dst->clean_bytes += src->clean_bytes;
    size_t cap = slant_strmap_capacity(src->clean_rules);
    for (size_t k = 0; k < cap; k++) {
        const char *rule;
        size_t len;
        uint32_t count;
        if (!slant_strmap_slot(src->clean_rules, k, &rule, &len, &count)) continue;
        uint32_t *c = slant_strmap_upsert(dst->clean_rules, rule, len, slant_hash_bytes(rule, len),
                                          0, NULL);
        *c += count;
    }
    dst->sorted = 0;
    return 0;
}

static int cmp_article(const void *x, const void *y) {
    const slant_agg_article *a = x, *b = y;
    return strcmp(a->id, b->id);
}

static int cmp_source(const void *x, const void *y) {
    const struct source_vocab *a = x, *b = y;
    return strcmp(a->name, b->name);
}

/* Sorting a vocabulary (tens of thousands of terms a source) compares the
 * terms' first 8 bytes as one big-endian integer, zero-padded like the
 * string's end, and calls strcmp only when they are equal: the same order
 * as strcmp, without reading the terms from memory on most comparisons. */
struct term_count {
    uint64_t head;
    const char *term;
    uint32_t count;
};

static uint64_t term_head(const char *term, size_t len) {
    uint64_t h = 0;
    for (size_t i = 0; i < 8; i++) h = h << 8 | (i < len ? (unsigned char)term[i] : 0);
    return h;
}

static int cmp_term(const void *x, const void *y) {
    const struct term_count *a = x, *b = y;
    if (a->head != b->head) return a->head < b->head ? -1 : 1;
    return strcmp(a->term, b->term);
}

/* A vocabulary in cmp_term order: an LSD radix sort on the heads (8 bits a
 * pass, skipping bytes all heads share), then strcmp only inside the few
 * runs of terms with one head (8 or more bytes in common). qsort's
 * callbacks were 2% of score --partial for ~20,000 terms a source. */
static void sort_vocab(struct term_count *tc, size_t n) {
    if (n < 64) {
        if (n > 1) qsort(tc, n, sizeof *tc, cmp_term);
        return;
    }
    size_t (*count)[256] = slant_xcalloc(8, sizeof *count);
    for (size_t i = 0; i < n; i++)
        for (int b = 0; b < 8; b++) count[b][(tc[i].head >> (8 * b)) & 255]++;
    struct term_count *tmp = slant_xmalloc(n * sizeof *tmp), *from = tc, *to = tmp;
    for (int b = 0; b < 8; b++) {
        size_t *c = count[b];
        if (c[(from[0].head >> (8 * b)) & 255] == n) continue; /* one value: nothing moves */
        size_t at = 0;
        for (int v = 0; v < 256; v++) {
            size_t k = c[v];
            c[v] = at;
            at += k;
        }
        for (size_t i = 0; i < n; i++) to[c[(from[i].head >> (8 * b)) & 255]++] = from[i];
        struct term_count *swap = from;
        from = to;
        to = swap;
    }
    if (from != tc) memcpy(tc, from, n * sizeof *tc);
    free(tmp);
    free(count);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && tc[j].head == tc[i].head; j++) {}
        if (j - i > 1) qsort(tc + i, j - i, sizeof *tc, cmp_term);
    }
}

static int cmp_str(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_speaker(const void *x, const void *y) {
    const slant_agg_speaker *a = x, *b = y;
    return strcmp(a->name, b->name);
}

static int cmp_aterm(const void *x, const void *y) {
    const slant_agg_term *a = x, *b = y;
    if (a->entry != b->entry) return a->entry < b->entry ? -1 : 1;
    return (int)a->voice - (int)b->voice;
}

/* (entry, voice) pairs are unique in an article, so any sort gives the same
 * order. Up to 256 terms, 8-byte keys (the pair, then the term's place) are
 * sorted and the terms gathered once: cheaper than qsort's callbacks and
 * moving 24-byte terms. The keys are merge-sorted from insertion-sorted runs
 * of 16: long articles have a few hundred terms, where one insertion sort
 * was 5% of score --partial. */
static void sort_terms(slant_agg_term *t, size_t n) {
    /* records from add_article come sorted; only read ones may not */
    size_t run = 1;
    while (run < n && cmp_aterm(&t[run - 1], &t[run]) < 0) run++;
    if (run == n) return;
    if (n > 256) {
        qsort(t, n, sizeof *t, cmp_aterm);
        return;
    }
    enum { RUN = 16 };
    uint64_t buf[2][256];
    uint64_t *key = buf[0], *tmp = buf[1];
    for (size_t i = 0; i < n; i++) {
        uint64_t x = ((uint64_t)t[i].entry << 1 | t[i].voice) << 8 | i;
        size_t j = i, lo = i / RUN * RUN;
        while (j > lo && key[j - 1] > x) {
            key[j] = key[j - 1];
            j--;
        }
        key[j] = x;
    }
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = key[i] < key[j] ? key[i++] : key[j++];
            while (i < mid) tmp[k++] = key[i++];
            while (j < hi) tmp[k++] = key[j++];
        }
        uint64_t *swap = key;
        key = tmp;
        tmp = swap;
    }
    slant_agg_term copy[256];
    memcpy(copy, t, n * sizeof *t);
    for (size_t i = 0; i < n; i++) t[i] = copy[key[i] & 0xff];
}

void slant_agg_finish(slant_agg *a) {
    if (a->sorted) return;
    /* Empty lists are NULL, and qsort(NULL, 0, ...) is undefined: sort only
     * what has two or more items (found by tests/fuzz/fuzz_score). */
    if (a->n > 1) qsort(a->arts, a->n, sizeof *a->arts, cmp_article);
    for (size_t i = 0; i < a->n; i++) {
        slant_agg_article *r = &a->arts[i];
        if (r->numbers && r->nnumbers > 1) qsort(r->numbers, r->nnumbers, sizeof *r->numbers, cmp_str);
        if (r->speakers && r->nspeakers > 1) qsort(r->speakers, r->nspeakers, sizeof *r->speakers, cmp_speaker);
        if (r->terms && r->nterms > 1) sort_terms(r->terms, r->nterms);
    }
    /* Re-key the source index after sorting the sources by name. */
    if (a->nsources > 1) qsort(a->sources, a->nsources, sizeof *a->sources, cmp_source);
    slant_strmap_free(a->source_index);
    a->source_index = slant_strmap_new(a->nsources + 16);
    for (size_t i = 0; i < a->nsources; i++) {
        struct source_vocab *v = &a->sources[i];
        size_t len = strlen(v->name);
        slant_strmap_upsert(a->source_index, v->name, len, slant_hash_bytes(v->name, len),
                            (uint32_t)i, NULL);
        size_t cnt = slant_strmap_count(v->terms), cap = slant_strmap_capacity(v->terms), k = 0;
        struct term_count *tc = slant_xmalloc((cnt ? cnt : 1) * sizeof *tc);
        for (size_t j = 0; j < cap; j++) {
            const char *term;
            size_t tlen;
            uint32_t count;
            if (slant_strmap_slot(v->terms, j, &term, &tlen, &count)) {
                tc[k].head = term_head(term, tlen);
                tc[k].term = term;
                tc[k].count = count;
                k++;
            }
        }
        sort_vocab(tc, k);
        free(v->sorted_terms);
        free(v->sorted_counts);
        v->sorted_terms = slant_xmalloc((k ? k : 1) * sizeof *v->sorted_terms);
        v->sorted_counts = slant_xmalloc((k ? k : 1) * sizeof *v->sorted_counts);
        for (size_t j = 0; j < k; j++) {
            v->sorted_terms[j] = tc[j].term;
            v->sorted_counts[j] = tc[j].count;
        }
        v->nsorted = k;
        free(tc);
    }
    a->sorted = 1;
}

size_t slant_agg_article_count(const slant_agg *a) { return a->n; }
const slant_agg_article *slant_agg_article_at(const slant_agg *a, size_t i) { return &a->arts[i]; }
size_t slant_agg_category_count(const slant_agg *a) { return a->ncat; }
const char *slant_agg_category_name(const slant_agg *a, size_t i) {
    return slant_lexset_category(a->set, i)->name;
}
const slant_lexset *slant_agg_lexset(const slant_agg *a) { return a->set; }
size_t slant_agg_source_count(const slant_agg *a) { return a->nsources; }
const char *slant_agg_source_name(const slant_agg *a, size_t i) { return a->sources[i].name; }
size_t slant_agg_vocab_size(const slant_agg *a, size_t source) {
    return a->sources[source].nsorted;
}
void slant_agg_vocab_at(const slant_agg *a, size_t source, size_t i, const char **term,
                        uint32_t *count) {
    *term = a->sources[source].sorted_terms[i];
    *count = a->sources[source].sorted_counts[i];
}

void slant_agg_cleaning(const slant_agg *a, size_t *lines, size_t *bytes) {
    *lines = a->clean_lines;
    *bytes = a->clean_bytes;
}

/* Cleaning rules are few: sort on demand into the scratch buffer. */
size_t slant_agg_clean_rule_count(const slant_agg *a) { return slant_strmap_count(a->clean_rules); }

void slant_agg_clean_rule_at(const slant_agg *a, size_t i, const char **rule, size_t *count) {
    size_t n = slant_strmap_count(a->clean_rules), cap = slant_strmap_capacity(a->clean_rules), k = 0;
    struct term_count *tc = slant_xmalloc((n ? n : 1) * sizeof *tc);
    for (size_t j = 0; j < cap; j++) {
        size_t len;
        if (slant_strmap_slot(a->clean_rules, j, &tc[k].term, &len, &tc[k].count)) {
            tc[k].head = term_head(tc[k].term, len);
            k++;
        }
    }
    qsort(tc, k, sizeof *tc, cmp_term);
    *rule = tc[i].term;
    *count = tc[i].count;
    free(tc);
}

/* ---- partial files ---- */

/* Partial lines are written by hand into one buffer rather than built as
 * jansson trees: at ~4 KB of JSON per article the trees' allocations and
 * dumping cost more than scoring the article. The bytes are exactly those
 * jansson writes with JSON_COMPACT | JSON_PRESERVE_ORDER (same escapes, same
 * key order), so old and new partials compare equal. */
static void put_jstr(slant_buf *b, const char *s) {
    if (!s) {
        slant_buf_append(b, "null", 4);
        return;
    }
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(s), run = 0;
    slant_buf_reserve(b, n + 2);
    slant_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        /* eight bytes at a time while none needs escaping (SWAR: a byte
         * below 0x20, or one equal to '"' or '\\' after the xor, sets its
         * top bit in the test; other bytes, UTF-8 ones included, never do) */
        while (i + 8 <= n) {
            const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
            uint64_t x, q, bs;
            memcpy(&x, s + i, 8);
            q = x ^ (ones * '"');
            bs = x ^ (ones * '\\');
            if (((x - ones * 0x20) | (q - ones) | (bs - ones)) & ~x & ~q & ~bs & highs) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        slant_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': slant_buf_append(b, "\\\"", 2); break;
        case '\\': slant_buf_append(b, "\\\\", 2); break;
        case '\b': slant_buf_append(b, "\\b", 2); break;
        case '\f': slant_buf_append(b, "\\f", 2); break;
        case '\n': slant_buf_append(b, "\\n", 2); break;
        case '\r': slant_buf_append(b, "\\r", 2); break;
        case '\t': slant_buf_append(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            slant_buf_append(b, u, 6);
        }
        }
    }
    slant_buf_append(b, s + run, n - run);
    slant_buf_putc(b, '"');
}

/* v in decimal at p (room for 20 bytes), returns the end. */
static char *raw_jint(char *p, int64_t v) {
    if (v >= 0 && v < 10) { /* voices, most counts, zero tone: half the numbers */
        *p++ = (char)('0' + v);
        return p;
    }
    if (v < 0) *p++ = '-';
    /* negate in unsigned arithmetic so INT64_MIN does not overflow */
    return slant_fmt_u64(p, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

static void put_jint(slant_buf *b, int64_t v) {
    slant_buf_reserve(b, 24);
    b->len = (size_t)(raw_jint(b->data + b->len, v) - b->data);
    b->data[b->len] = '\0';
}

/* The number lists of a record (tone values, terms) are written straight
 * into room reserved once per list, not through a capacity check per
 * character: they are most of a partial's bytes. */
#define MAX_JINT 20

/* "[" before the first element of an array, ",[" before the others */
static void open_pair(slant_buf *b, size_t i) { slant_buf_append(b, i ? ",[" : "[", i ? 2 : 1); }

static void put_cat(slant_buf *b, const slant_agg *a, size_t c) {
    slant_buf_append(b, a->cat_json.data + a->cat_json_at[c], a->cat_json_at[c + 1] - a->cat_json_at[c]);
}

static void article_line(slant_buf *b, const slant_agg *a, const slant_agg_article *r) {
    slant_buf_puts(b, "{\"article\":{\"id\":");
    put_jstr(b, r->id);
    slant_buf_puts(b, ",\"source\":");
    put_jstr(b, r->source);
    slant_buf_puts(b, ",\"story\":");
    put_jstr(b, r->story);
    slant_buf_puts(b, ",\"title\":");
    put_jstr(b, r->title);
    slant_buf_puts(b, ",\"date\":");
    put_jstr(b, r->date);
    slant_buf_puts(b, ",\"path\":");
    put_jstr(b, r->path);
    slant_buf_puts(b, ",\"sentences\":");
    put_jint(b, r->sentences);
    slant_buf_puts(b, ",\"words\":[");
    put_jint(b, r->words[0]);
    slant_buf_putc(b, ',');
    put_jint(b, r->words[1]);
    slant_buf_puts(b, "],\"tone\":[");
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) {
        open_pair(b, (size_t)v);
        slant_buf_reserve(b, (size_t)r->nsent_voice[v] * (MAX_JINT + 1) + 1);
        char *p = b->data + b->len;
        for (uint32_t i = 0; i < r->nsent_voice[v]; i++) {
            if (i) *p++ = ',';
            p = raw_jint(p, r->tone[v][i]);
        }
        *p++ = ']';
        b->len = (size_t)(p - b->data);
        b->data[b->len] = '\0';
    }
    slant_buf_puts(b, "],\"categories\":{");
    int first = 1;
    for (size_t c = 0; c < a->ncat; c++) {
        uint32_t o0 = r->cat_counts[c * 2], q0 = r->cat_counts[c * 2 + 1];
        if (!o0 && !q0) continue;
        if (!first) slant_buf_putc(b, ',');
        first = 0;
        put_cat(b, a, c);
        slant_buf_append(b, ":[", 2);
        put_jint(b, o0);
        slant_buf_putc(b, ',');
        put_jint(b, q0);
        slant_buf_putc(b, ']');
    }
    slant_buf_puts(b, "},\"terms\":[");
    slant_buf_reserve(b, (size_t)r->nterms * (4 * (MAX_JINT + 1) + 2));
    char *p = b->data + b->len;
    for (uint32_t i = 0; i < r->nterms; i++) {
        const slant_agg_term *t = &r->terms[i];
        if (i) *p++ = ',';
        *p++ = '[';
        p = raw_jint(p, t->entry);
        *p++ = ',';
        p = raw_jint(p, t->voice);
        *p++ = ',';
        p = raw_jint(p, t->count);
        *p++ = ',';
        p = raw_jint(p, t->value_micro);
        *p++ = ']';
    }
    b->len = (size_t)(p - b->data);
    b->data[b->len] = '\0';
    slant_buf_puts(b, "],\"mentions\":[");
    for (uint32_t i = 0; i < r->nmentions; i++) {
        const slant_agg_mention *m = &r->mentions[i];
        open_pair(b, i);
        put_cat(b, a, m->category);
        slant_buf_putc(b, ',');
        put_jint(b, m->voice);
        slant_buf_putc(b, ',');
        put_jint(b, m->stance_micro);
        slant_buf_putc(b, ']');
    }
    slant_buf_puts(b, "],\"speakers\":[");
    for (uint32_t i = 0; i < r->nspeakers; i++) {
        open_pair(b, i);
        put_jstr(b, r->speakers[i].name);
        slant_buf_putc(b, ',');
        put_jint(b, r->speakers[i].words);
        slant_buf_putc(b, ',');
        put_jint(b, r->speakers[i].quotes);
        slant_buf_putc(b, ']');
    }
    slant_buf_puts(b, "],\"numbers\":[");
    for (uint32_t i = 0; i < r->nnumbers; i++) {
        if (i) slant_buf_putc(b, ',');
        put_jstr(b, r->numbers[i]);
    }
    slant_buf_puts(b, "]}}\n");
}

static void vocab_line(slant_buf *b, const struct source_vocab *v) {
    slant_buf_puts(b, "{\"vocab\":{\"source\":");
    put_jstr(b, v->name);
    slant_buf_puts(b, ",\"terms\":[");
    for (size_t i = 0; i < v->nsorted; i++) {
        open_pair(b, i);
        put_jstr(b, v->sorted_terms[i]);
        slant_buf_putc(b, ',');
        put_jint(b, v->sorted_counts[i]);
        slant_buf_putc(b, ']');
    }
    slant_buf_puts(b, "]}}\n");
}

static int flush_buf(slant_buf *b, FILE *f, const char *name, slant_error *err) {
    if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
        return slant_error_set(err, name, 0, 0, -1, "write failed (disk full?)");
    slant_buf_clear(b);
    return 0;
}

/* ---- spilling ---- */

void slant_agg_spill(slant_agg *a) {
    a->spill = 1;
    if (!a->spill_arena) a->spill_arena = slant_arena_new(1 << 16);
}

void slant_agg_stream(slant_agg *a, slant_buf *line) {
    a->stream_line = line;
    if (!a->spill_arena) a->spill_arena = slant_arena_new(1 << 16);
}

/* the canonical order inside a record, as slant_agg_finish gives it (terms
 * come in order from add_article) */
static void canonical_record(slant_agg_article *r) {
    if (r->nnumbers > 1) qsort(r->numbers, r->nnumbers, sizeof *r->numbers, cmp_str);
    if (r->nspeakers > 1) qsort(r->speakers, r->nspeakers, sizeof *r->speakers, cmp_speaker);
}

static void stream_article(slant_agg *a, slant_agg_article *r) {
    canonical_record(r);
    slant_buf_clear(a->stream_line);
    article_line(a->stream_line, a, r);
}

/* Remember why the first temporary write failed, for spill_error. */
static void spill_fail(slant_agg *a) {
    if (!a->spill_failed) a->spill_failed = errno ? errno : EIO;
}

static int spill_error(const slant_agg *a, const char *name, slant_error *err) {
    return slant_error_set(err, name, 0, 0, -1,
                           "cannot write temporary records in %s: %s (set TMPDIR to a folder with room)",
                           slant_tmpdir(), strerror(a->spill_failed));
}

/* The file this aggregate appends its records to, opened on first use
 * (merged files follow it in spill_files); NULL, and the failure kept for
 * spill_error, when it cannot be made. */
static FILE *own_spill_file(slant_agg *a) {
    if (!a->nspill_files) {
        FILE *f = slant_tmpfile();
        if (!f) {
            spill_fail(a);
            return NULL;
        }
        /* one write call per megabyte instead of one or two per article
         * (a record is 1-4 KB, the default buffer 4 KB); the buffer lives in
         * the aggregate's arena, which moves with the file on a merge and is
         * freed after it is closed */
        enum { SPILL_BUF = 1 << 20 };
        setvbuf(f, slant_arena_alloc(agg_arena(a), SPILL_BUF), _IOFBF, SPILL_BUF);
        a->spill_files = slant_xmalloc(sizeof *a->spill_files);
        a->spill_files[a->nspill_files++] = f;
    }
    return a->spill_files[0];
}

static void spill_article(slant_agg *a, slant_agg_article *r) {
    canonical_record(r);
    FILE *f = own_spill_file(a);
    if (!f) return;
    slant_buf_clear(&a->spill_line);
    article_line(&a->spill_line, a, r);
    uint64_t at = a->spill_end; /* not ftello: a system call per article */
    if (fwrite(a->spill_line.data, 1, a->spill_line.len, f) != a->spill_line.len) {
        spill_fail(a);
        return;
    }
    spilled_push(a, (struct spilled){adup(a, r->id), at, (uint32_t)a->spill_line.len, 0});
    a->spill_end += a->spill_line.len;
}

static int cmp_spilled(const void *x, const void *y) {
    return strcmp(((const struct spilled *)x)->id, ((const struct spilled *)y)->id);
}

/* Copy the spilled lines out in id order (they are canonical already).
 * Lines that follow each other in one file (a worker takes articles in
 * corpus order, which is mostly id order) are read with one call per
 * megabyte, not a seek and a read per line. pread leaves the streams'
 * positions alone, so appending can go on afterwards. */
static int write_spilled(slant_agg *a, slant_buf *b, FILE *out, const char *name, slant_error *err) {
    if (a->spill_failed)
        return spill_error(a, name, err);
    size_t in_order = 1;
    while (in_order < a->nspilled && cmp_spilled(&a->spilled[in_order - 1], &a->spilled[in_order]) < 0) in_order++;
    if (in_order < a->nspilled) qsort(a->spilled, a->nspilled, sizeof *a->spilled, cmp_spilled);
    for (size_t i = 0; i < a->nspill_files; i++)
        if (fflush(a->spill_files[i]) != 0) {
            spill_fail(a);
            return spill_error(a, name, err);
        }
    enum { CHUNK = 1 << 20 };
    for (size_t i = 0, j; i < a->nspilled; i = j) {
        const struct spilled *sp = &a->spilled[i];
        size_t len = sp->len;
        for (j = i + 1; j < a->nspilled && len < CHUNK; j++) {
            const struct spilled *next = &a->spilled[j];
            if (next->file != sp->file || next->offset != sp->offset + len) break;
            len += next->len;
        }
        slant_buf_reserve(b, len);
        if (slant_pread_all(fileno(a->spill_files[sp->file]), b->data + b->len, len, sp->offset) != 0)
            return slant_error_set(err, name, 0, 0, -1, "cannot read back temporary records");
        b->len += len;
        b->data[b->len] = '\0';
        if (b->len > CHUNK && flush_buf(b, out, name, err) != 0) return -1;
    }
    return 0;
}


/* ---- compact spilling: records out to a temporary file, walked back ----
 *
 * A compact record is written as it completes: its struct (the numbers;
 * the pointers are rebuilt on reading), where each pointer pointed in its
 * block, the block itself (tone values, packed parts, strings) and the
 * source's name, padded to 8 bytes so that a record read into an aligned
 * buffer has its int32 tone values aligned. Only the record's id and place
 * stay in memory (struct spilled). The files are slant_tmpfile()s: already
 * unlinked, so they are gone however the process ends. */

struct cspill_head {
    slant_agg_article r;
    uint32_t at[8]; /* offsets in the block of tone[0], tone[1], packed, id, story, title, date, path */
    uint32_t len;   /* the block's bytes; the source's name and its NUL follow */
};
#define CSPILL_NULL UINT32_MAX

void slant_agg_compact_spill(slant_agg *a) {
    if (!a->compact) slant_agg_compact(a);
    a->cspill = 1;
}

static uint32_t cspill_at(const char *blob, const void *ptr) {
    return ptr ? (uint32_t)((const char *)ptr - blob) : CSPILL_NULL;
}

static void cspill_record(slant_agg *a, slant_agg_article *r, const char *blob, size_t len) {
    FILE *f = own_spill_file(a);
    if (!f) { /* reported by slant_agg_spill_check; the totals still keep the id */
        r->id = adup(a, r->id);
        a->n--;
        return;
    }
    struct cspill_head h;
    memset(&h, 0, sizeof h);
    h.r = *r;
    /* what only the totals read (still in scratch) is not part of the record */
    h.r.cat_counts = NULL;
    h.r.terms = NULL;
    h.r.nterms = 0;
    h.r.mentions = NULL;
    h.r.speakers = NULL;
    h.r.numbers = NULL;
    const void *ptrs[8] = {r->tone[0], r->tone[1], r->packed, r->id, r->story, r->title, r->date, r->path};
    for (int i = 0; i < 8; i++) h.at[i] = cspill_at(blob, ptrs[i]);
    h.len = (uint32_t)len;
    size_t slen = strlen(r->source) + 1, total = sizeof h + len + slen;
    static const char pad[8];
    size_t npad = (8 - total % 8) % 8;
    uint64_t at = a->cspill_end;
    a->cspill_end += total + npad;
    if (fwrite(&h, sizeof h, 1, f) != 1 || (len && fwrite(blob, 1, len, f) != len) ||
        fwrite(r->source, 1, slen, f) != slen || (npad && fwrite(pad, 1, npad, f) != npad))
        spill_fail(a);
    /* the totals keep the first article ids of naming entries */
    r->id = spilled_push(a, (struct spilled){adup(a, r->id), at, (uint32_t)(total + npad), 0})->id;
    a->n--; /* the record itself is not kept */
}

size_t slant_agg_article_total(const slant_agg *a) { return a->n + a->nspilled; }

int slant_agg_has_id(const slant_agg *a, const char *id) {
    size_t len = strlen(id);
    return slant_strmap_get(a->ids, id, len, slant_hash_bytes(id, len)) != NULL;
}

int slant_agg_spill_check(slant_agg *a, const char *name, slant_error *err) {
    for (size_t i = 0; i < a->nspill_files && !a->spill_failed; i++)
        if (fflush(a->spill_files[i]) != 0) spill_fail(a);
    if (a->spill_failed)
        return spill_error(a, name, err);
    return 0;
}

/* Reads go through one buffer per file, refilled with 64 KB from the
 * record asked for: records are read in id order, which is about the order
 * they were written in, so most come from the buffer. */
typedef struct walk_buf {
    uint64_t base;
    size_t len, cap;
    char *data;
} walk_buf;

struct slant_agg_walk {
    const slant_agg *a;
    size_t mem, sp; /* next in-memory record, next spilled record */
    int failed;
    walk_buf *bufs;
    slant_agg_article cur;
};

slant_agg_walk *slant_agg_walk_new(slant_agg *a) {
    slant_agg_finish(a);
    slant_agg_walk *w = slant_xcalloc(1, sizeof *w);
    w->a = a;
    if (a->spilled_sorted != a->nspilled) {
        if (a->nspilled > 1) qsort(a->spilled, a->nspilled, sizeof *a->spilled, cmp_spilled);
        a->spilled_sorted = a->nspilled;
    }
    if (a->nspilled && slant_agg_spill_check(a, "", NULL) != 0) w->failed = 1;
    w->bufs = slant_xcalloc(a->nspill_files ? a->nspill_files : 1, sizeof *w->bufs);
    return w;
}

static const char *walk_read(slant_agg_walk *w, const struct spilled *sp) {
    walk_buf *b = &w->bufs[sp->file];
    if (sp->offset >= b->base && sp->offset + sp->len <= b->base + b->len) return b->data + (sp->offset - b->base);
    size_t want = sp->len > (1u << 16) ? sp->len : (1u << 16);
    if (want > b->cap) {
        free(b->data);
        b->data = slant_xmalloc(want);
        b->cap = want;
    }
    int fd = fileno(w->a->spill_files[sp->file]);
    size_t got = 0;
    while (got < want) {
        ssize_t k = pread(fd, b->data + got, want - got, (off_t)(sp->offset + got));
        if (k < 0) return NULL;
        if (k == 0) break;
        got += (size_t)k;
    }
    b->base = sp->offset;
    b->len = got;
    return got >= sp->len ? b->data : NULL;
}

const slant_agg_article *slant_agg_walk_next(slant_agg_walk *w) {
    const slant_agg *a = w->a;
    if (w->failed) return NULL;
    int take_mem = w->mem < a->n;
    if (take_mem && w->sp < a->nspilled) take_mem = strcmp(a->arts[w->mem].id, a->spilled[w->sp].id) < 0;
    if (take_mem) return &a->arts[w->mem++];
    if (w->sp == a->nspilled) return NULL;
    const char *rec = walk_read(w, &a->spilled[w->sp++]);
    if (!rec) {
        w->failed = 1;
        return NULL;
    }
    struct cspill_head h;
    memcpy(&h, rec, sizeof h);
    const char *block = rec + sizeof h;
    const void *ptr[8];
    for (int i = 0; i < 8; i++) ptr[i] = h.at[i] == CSPILL_NULL ? NULL : block + h.at[i];
    w->cur = h.r;
    w->cur.tone[0] = (int32_t *)(uintptr_t)ptr[0];
    w->cur.tone[1] = (int32_t *)(uintptr_t)ptr[1];
    w->cur.packed = ptr[2];
    w->cur.id = ptr[3];
    w->cur.story = ptr[4];
    w->cur.title = ptr[5];
    w->cur.date = ptr[6];
    w->cur.path = ptr[7];
    w->cur.source = block + h.len;
    return &w->cur;
}

int slant_agg_walk_free(slant_agg_walk *w) {
    if (!w) return 0;
    int rc = w->failed ? -1 : 0;
    for (size_t i = 0; i < (w->a->nspill_files ? w->a->nspill_files : 1); i++) free(w->bufs[i].data);
    free(w->bufs);
    free(w);
    return rc;
}

static int dump_line(json_t *j, FILE *f, const char *name, slant_error *err) {
    int rc = json_dumpf(j, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    json_decref(j);
    if (rc != 0 || fputc('\n', f) == EOF)
        return slant_error_set(err, name, 0, 0, -1, "write failed (disk full?)");
    return 0;
}

static int write_head(const slant_agg *a, FILE *f, size_t narticles, const char *name, slant_error *err) {
    json_t *layers = json_array();
    for (size_t i = 0; i < slant_lexset_layer_count(a->set); i++) {
        const slant_layer *l = slant_lexset_layer(a->set, i);
        json_array_append_new(layers, json_pack("{s:s?,s:s?,s:s?}", "name", l->name, "version", l->version,
                                                "path", l->path));
    }
    json_t *head = json_pack("{s:i,s:s,s:o,s:i}", "slant_partial", SLANT_PARTIAL_VERSION,
                             "lexicon_hash", slant_lexset_hash(a->set), "lexicons", layers,
                             "articles", (json_int_t)narticles);
    return dump_line(head, f, name, err);
}

int slant_agg_write_head(slant_agg *a, FILE *f, size_t narticles, const char *name, slant_error *err) {
    if (a->compact)
        return slant_error_set(err, name, 0, 0, -1, "internal error: a compact aggregate cannot be written");
    a->head_written = 1;
    return write_head(a, f, narticles, name, err);
}

int slant_agg_write(const slant_agg *a, FILE *f, const char *name, slant_error *err) {
    if (a->compact)
        return slant_error_set(err, name, 0, 0, -1, "internal error: a compact aggregate cannot be written");
    slant_agg_finish((slant_agg *)a);
    if (!a->head_written && write_head(a, f, a->n + a->nspilled, name, err) != 0) return -1;
    slant_buf b;
    slant_buf_init(&b);
    int rc = 0;
    for (size_t i = 0; i < a->n && rc == 0; i++) {
        article_line(&b, a, &a->arts[i]);
        if (b.len > (1 << 20)) rc = flush_buf(&b, f, name, err);
    }
    if (rc == 0 && (a->nspilled || a->spill_failed)) rc = write_spilled((slant_agg *)a, &b, f, name, err);
    for (size_t s = 0; s < a->nsources && rc == 0; s++) {
        vocab_line(&b, &a->sources[s]);
        if (b.len > (1 << 20)) rc = flush_buf(&b, f, name, err);
    }
    if (rc == 0) rc = flush_buf(&b, f, name, err);
    slant_buf_free(&b);
    if (rc != 0) return -1;
    json_t *rules = json_object();
    for (size_t i = 0; i < slant_agg_clean_rule_count(a); i++) {
        const char *rule;
        size_t count;
        slant_agg_clean_rule_at(a, i, &rule, &count);
        json_object_set_new(rules, rule, json_integer((json_int_t)count));
    }
    if (dump_line(json_pack("{s:{s:I,s:I,s:o}}", "cleaning", "lines", (json_int_t)a->clean_lines,
                            "bytes", (json_int_t)a->clean_bytes, "rules", rules),
                  f, name, err))
        return -1;
    if (dump_line(json_pack("{s:b}", "end", 1), f, name, err)) return -1;
    if (fflush(f) != 0) return slant_error_set(err, name, 0, 0, -1, "write failed (disk full?)");
    return 0;
}

/* ---- reading ---- */

static const char *jget_str(slant_agg *a, json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? adup(a, json_string_value(v)) : NULL;
}

static int bad(slant_error *err, const char *name, long line, const char *what) {
    return slant_error_set(err, name, line, 0, -1,
                           "not a valid slant partial: %s (was it written by 'slant score "
                           "--partial' of this version, and completely?)",
                           what);
}

static int read_fields(slant_agg *a, json_t *o, const char *name, long line, slant_error *err) {
    const char *id = jget_str(a, o, "id"), *source = jget_str(a, o, "source");
    if (!id || !source) return bad(err, name, line, "article without id or source");
    if (register_id(a, id, err) != 0) {
        slant_error e2 = *err;
        return slant_error_set(err, name, line, 0, -1, "%s", e2.msg);
    }
    slant_agg_article *r = new_article(a);
    r->id = id;
    r->source = source;
    r->story = jget_str(a, o, "story");
    r->title = jget_str(a, o, "title");
    r->date = jget_str(a, o, "date");
    r->path = jget_str(a, o, "path");
    json_t *sent = json_object_get(o, "sentences"), *words = json_object_get(o, "words"),
           *tone = json_object_get(o, "tone"), *cats = json_object_get(o, "categories"),
           *terms = json_object_get(o, "terms"), *mentions = json_object_get(o, "mentions"),
           *speakers = json_object_get(o, "speakers"), *numbers = json_object_get(o, "numbers");
    if (!json_is_integer(sent) || !json_is_array(words) || json_array_size(words) != 2 ||
        !json_is_array(tone) || json_array_size(tone) != 2 || !json_is_object(cats) ||
        !json_is_array(terms) || !json_is_array(mentions) || !json_is_array(speakers) ||
        !json_is_array(numbers))
        return bad(err, name, line, "article record is missing fields");
    r->sentences = (uint32_t)json_integer_value(sent);
    for (int v = 0; v < 2; v++) {
        r->words[v] = (uint32_t)json_integer_value(json_array_get(words, v));
        json_t *arr = json_array_get(tone, v);
        if (!json_is_array(arr)) return bad(err, name, line, "tone is not an array");
        size_t n = json_array_size(arr);
        r->tone[v] = slant_arena_alloc(agg_arena(a), (n ? n : 1) * sizeof *r->tone[v]);
        for (size_t i = 0; i < n; i++) {
            json_t *x = json_array_get(arr, i);
            if (!json_is_integer(x) || json_integer_value(x) < -1000000 || json_integer_value(x) > 1000000)
                return bad(err, name, line, "tone value is not an integer in millionths");
            r->tone[v][i] = (int32_t)json_integer_value(x);
        }
        r->nsent_voice[v] = (uint32_t)n;
    }
    const char *key;
    json_t *val;
    json_object_foreach(cats, key, val) {
        int c = slant_lexset_category_find(a->set, key);
        if (c < 0 || !json_is_array(val) || json_array_size(val) != 2)
            return bad(err, name, line, "unknown category");
        r->cat_counts[c * 2] = (uint32_t)json_integer_value(json_array_get(val, 0));
        r->cat_counts[c * 2 + 1] = (uint32_t)json_integer_value(json_array_get(val, 1));
    }
    size_t nt = json_array_size(terms);
    if (a->compact) { /* summed and packed by record_done */
        slant_buf_clear(&a->scratch_read_terms);
        slant_buf_reserve(&a->scratch_read_terms, (nt ? nt : 1) * sizeof *r->terms);
        r->terms = (slant_agg_term *)(void *)a->scratch_read_terms.data;
    } else
        r->terms = slant_arena_alloc(agg_arena(a), (nt ? nt : 1) * sizeof *r->terms);
    size_t nentries = slant_lexset_entry_count(a->set);
    for (size_t i = 0; i < nt; i++) {
        json_t *t = json_array_get(terms, i);
        json_int_t entry, voice, count, sum;
        if (json_unpack(t, "[IIII]", &entry, &voice, &count, &sum) != 0 || entry < 0 ||
            (size_t)entry >= nentries || voice < 0 || voice > 1 || count < 0)
            return bad(err, name, line, "bad term record");
        r->terms[i] = (slant_agg_term){(uint32_t)entry, (uint8_t)voice, (uint32_t)count, sum};
    }
    r->nterms = (uint32_t)nt;
    size_t nm = json_array_size(mentions);
    r->mentions = slant_arena_alloc(agg_arena(a), (nm ? nm : 1) * sizeof *r->mentions);
    for (size_t i = 0; i < nm; i++) {
        const char *cat;
        json_int_t voice, stance;
        if (json_unpack(json_array_get(mentions, i), "[sII]", &cat, &voice, &stance) != 0)
            return bad(err, name, line, "bad mention record");
        int c = slant_lexset_category_find(a->set, cat);
        if (c < 0 || voice < 0 || voice > 1 || stance < -1000000 || stance > 1000000)
            return bad(err, name, line, "bad mention record");
        r->mentions[i] = (slant_agg_mention){(uint32_t)c, (uint8_t)voice, (int32_t)stance};
    }
    r->nmentions = (uint32_t)nm;
    size_t ns = json_array_size(speakers);
    r->speakers = slant_arena_alloc(agg_arena(a), (ns ? ns : 1) * sizeof *r->speakers);
    for (size_t i = 0; i < ns; i++) {
        const char *sp;
        json_int_t w, q;
        if (json_unpack(json_array_get(speakers, i), "[sII]", &sp, &w, &q) != 0)
            return bad(err, name, line, "bad speaker record");
        r->speakers[i] = (slant_agg_speaker){adup(a, sp), (uint32_t)w, (uint32_t)q};
    }
    r->nspeakers = (uint32_t)ns;
    size_t nn = json_array_size(numbers);
    r->numbers = slant_arena_alloc(agg_arena(a), (nn ? nn : 1) * sizeof *r->numbers);
    for (size_t i = 0; i < nn; i++) {
        json_t *x = json_array_get(numbers, i);
        if (!json_is_string(x)) return bad(err, name, line, "bad number record");
        r->numbers[i] = adup(a, json_string_value(x));
    }
    r->nnumbers = (uint32_t)nn;
    return 0;
}

static int read_article(slant_agg *a, json_t *o, const char *name, long line, slant_error *err) {
    slant_arena *kept = a->arenas[0];
    if (a->compact) a->arenas[0] = a->record_arena; /* until record_done packs it */
    int rc = read_fields(a, o, name, line, err);
    a->arenas[0] = kept;
    if (rc == 0) record_done(a, &a->arts[a->n - 1]);
    if (a->compact) slant_arena_reset(a->record_arena);
    return rc;
}

/* ---- fast path for article lines ----
 *
 * Parsing an article line with jansson builds a DOM (a malloc per value) and
 * frees it again: ~75% of 'slant merge'. The lines this file writes
 * (article_line) have one fixed shape, so they are read here directly: same
 * key order, no whitespace, no escapes, integers of at most 18 digits, and
 * the whole line valid UTF-8 without NUL (checked first). Anything else (a
 * hand-edited, damaged or escaped line) is left to the jansson reader, so its
 * records and its error messages are exactly those of read_fields. The line is
 * read twice: a check pass that changes nothing, then a commit pass that
 * cannot fail except on a duplicate id (reported like read_fields does). */
typedef struct fast_cur {
    const char *p, *end;
} fast_cur;

struct fast_counts {
    size_t tone[SLANT_VOICE_COUNT], terms, mentions, speakers, numbers;
};

static int fc_lit(fast_cur *c, const char *lit, size_t n) {
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0) return 0;
    c->p += n;
    return 1;
}
#define FC_LIT(c, s) fc_lit((c), (s), sizeof(s) - 1)

static int fc_next(fast_cur *c, char ch) { /* consume ch if it comes next */
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return 1;
    }
    return 0;
}

/* A string without escapes or control characters: the slice between quotes. */
static int fc_str(fast_cur *c, const char **s, size_t *n) {
    if (!fc_next(c, '"')) return 0;
    const char *start = c->p;
    while (c->p < c->end && *c->p != '"') {
        unsigned char ch = (unsigned char)*c->p;
        if (ch < 0x20 || ch == '\\') return 0;
        c->p++;
    }
    if (c->p == c->end) return 0;
    *s = start;
    *n = (size_t)(c->p - start);
    c->p++;
    return 1;
}

static int fc_str_or_null(fast_cur *c, const char **s, size_t *n) {
    if (FC_LIT(c, "null")) {
        *s = NULL;
        *n = 0;
        return 1;
    }
    return fc_str(c, s, n);
}

/* A JSON integer as jansson accepts it (no leading zeros); longer than 18
 * digits is left to jansson, which decides about overflow. */
static int fc_int(fast_cur *c, long long *v) {
    int neg = fc_next(c, '-');
    const char *start = c->p;
    long long x = 0;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        if (c->p - start == 18) return 0; /* stop before x can overflow */
        x = x * 10 + (*c->p++ - '0');
    }
    size_t nd = (size_t)(c->p - start);
    if (nd == 0 || (nd > 1 && *start == '0')) return 0;
    *v = neg ? -x : x;
    return 1;
}

/* The category named by a slice, or -1. */
static int fc_category(const slant_agg *a, const char *s, size_t n) {
    char key[128];
    if (n >= sizeof key) return -1;
    memcpy(key, s, n);
    key[n] = '\0';
    return slant_lexset_category_find(a->set, key);
}

static const char *adup_n(slant_agg *a, const char *s, size_t n) {
    return s ? slant_arena_strndup(agg_arena(a), s, n) : NULL;
}

/* 0: read (commit) or readable (check); 1: not the canonical shape, use
 * jansson (check pass only); -1: error set (commit pass only). */
static int fast_fields(slant_agg *a, const char *line, size_t n, struct fast_counts *k, int commit,
                       const char *name, long lineno, slant_error *err) {
    static const char *const keys[6] = {"{\"article\":{\"id\":", ",\"source\":", ",\"story\":",
                                        ",\"title\":",          ",\"date\":",    ",\"path\":"};
    fast_cur c = {line, line + n};
    const char *s[6];
    size_t sl[6];
    for (int i = 0; i < 6; i++)
        if (!fc_lit(&c, keys[i], strlen(keys[i])) ||
            !(i < 2 ? fc_str(&c, &s[i], &sl[i]) : fc_str_or_null(&c, &s[i], &sl[i])))
            return 1;
    long long sent, w0, w1;
    if (!FC_LIT(&c, ",\"sentences\":") || !fc_int(&c, &sent) || !FC_LIT(&c, ",\"words\":[") ||
        !fc_int(&c, &w0) || !fc_next(&c, ',') || !fc_int(&c, &w1) || !FC_LIT(&c, "],\"tone\":["))
        return 1;
    slant_agg_article *r = NULL;
    if (commit) {
        const char *id = adup_n(a, s[0], sl[0]), *source = adup_n(a, s[1], sl[1]);
        if (register_id(a, id, err) != 0) {
            slant_error e2 = *err;
            return slant_error_set(err, name, lineno, 0, -1, "%s", e2.msg);
        }
        r = new_article(a);
        r->id = id;
        r->source = source;
        r->story = adup_n(a, s[2], sl[2]);
        r->title = adup_n(a, s[3], sl[3]);
        r->date = adup_n(a, s[4], sl[4]);
        r->path = adup_n(a, s[5], sl[5]);
        r->sentences = (uint32_t)sent;
        r->words[0] = (uint32_t)w0;
        r->words[1] = (uint32_t)w1;
    }
    long long x, y, z, t;
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) {
        if ((v && !fc_next(&c, ',')) || !fc_next(&c, '[')) return 1;
        if (r) r->tone[v] = slant_arena_alloc(agg_arena(a), (k->tone[v] ? k->tone[v] : 1) * sizeof *r->tone[v]);
        size_t i = 0;
        if (!fc_next(&c, ']')) {
            do {
                if (!fc_int(&c, &x) || x < -1000000 || x > 1000000) return 1;
                if (r) r->tone[v][i] = (int32_t)x;
                i++;
            } while (fc_next(&c, ','));
            if (!fc_next(&c, ']')) return 1;
        }
        if (r) r->nsent_voice[v] = (uint32_t)i;
        else k->tone[v] = i;
    }
    if (!FC_LIT(&c, "],\"categories\":{")) return 1;
    const char *str;
    size_t len;
    if (!fc_next(&c, '}')) {
        do {
            int cat;
            if (!fc_str(&c, &str, &len) || (cat = fc_category(a, str, len)) < 0 || !FC_LIT(&c, ":[") ||
                !fc_int(&c, &x) || !fc_next(&c, ',') || !fc_int(&c, &y) || !fc_next(&c, ']'))
                return 1;
            if (r) {
                r->cat_counts[cat * 2] = (uint32_t)x;
                r->cat_counts[cat * 2 + 1] = (uint32_t)y;
            }
        } while (fc_next(&c, ','));
        if (!fc_next(&c, '}')) return 1;
    }
    if (!FC_LIT(&c, ",\"terms\":[")) return 1;
    if (r) {
        size_t nt = k->terms;
        if (a->compact) { /* summed and packed by record_done */
            slant_buf_clear(&a->scratch_read_terms);
            slant_buf_reserve(&a->scratch_read_terms, (nt ? nt : 1) * sizeof *r->terms);
            r->terms = (slant_agg_term *)(void *)a->scratch_read_terms.data;
        } else
            r->terms = slant_arena_alloc(agg_arena(a), (nt ? nt : 1) * sizeof *r->terms);
    }
    size_t nentries = slant_lexset_entry_count(a->set), i = 0;
    if (!fc_next(&c, ']')) {
        do {
            if (!fc_next(&c, '[') || !fc_int(&c, &x) || !fc_next(&c, ',') || !fc_int(&c, &y) ||
                !fc_next(&c, ',') || !fc_int(&c, &z) || !fc_next(&c, ',') || !fc_int(&c, &t) ||
                !fc_next(&c, ']') || x < 0 || (size_t)x >= nentries || y < 0 || y > 1 || z < 0)
                return 1;
            if (r) r->terms[i] = (slant_agg_term){(uint32_t)x, (uint8_t)y, (uint32_t)z, t};
            i++;
        } while (fc_next(&c, ','));
        if (!fc_next(&c, ']')) return 1;
    }
    if (r) r->nterms = (uint32_t)i;
    else k->terms = i;
    if (!FC_LIT(&c, ",\"mentions\":[")) return 1;
    if (r) r->mentions = slant_arena_alloc(agg_arena(a), (k->mentions ? k->mentions : 1) * sizeof *r->mentions);
    i = 0;
    if (!fc_next(&c, ']')) {
        do {
            int cat;
            if (!fc_next(&c, '[') || !fc_str(&c, &str, &len) || (cat = fc_category(a, str, len)) < 0 ||
                !fc_next(&c, ',') || !fc_int(&c, &y) || !fc_next(&c, ',') || !fc_int(&c, &z) ||
                !fc_next(&c, ']') || y < 0 || y > 1 || z < -1000000 || z > 1000000)
                return 1;
            if (r) r->mentions[i] = (slant_agg_mention){(uint32_t)cat, (uint8_t)y, (int32_t)z};
            i++;
        } while (fc_next(&c, ','));
        if (!fc_next(&c, ']')) return 1;
    }
    if (r) r->nmentions = (uint32_t)i;
    else k->mentions = i;
    if (!FC_LIT(&c, ",\"speakers\":[")) return 1;
    if (r) r->speakers = slant_arena_alloc(agg_arena(a), (k->speakers ? k->speakers : 1) * sizeof *r->speakers);
    i = 0;
    if (!fc_next(&c, ']')) {
        do {
            if (!fc_next(&c, '[') || !fc_str(&c, &str, &len) || !fc_next(&c, ',') || !fc_int(&c, &y) ||
                !fc_next(&c, ',') || !fc_int(&c, &z) || !fc_next(&c, ']'))
                return 1;
            if (r) r->speakers[i] = (slant_agg_speaker){adup_n(a, str, len), (uint32_t)y, (uint32_t)z};
            i++;
        } while (fc_next(&c, ','));
        if (!fc_next(&c, ']')) return 1;
    }
    if (r) r->nspeakers = (uint32_t)i;
    else k->speakers = i;
    if (!FC_LIT(&c, ",\"numbers\":[")) return 1;
    if (r) r->numbers = slant_arena_alloc(agg_arena(a), (k->numbers ? k->numbers : 1) * sizeof *r->numbers);
    i = 0;
    if (!fc_next(&c, ']')) {
        do {
            if (!fc_str(&c, &str, &len)) return 1;
            if (r) r->numbers[i] = adup_n(a, str, len);
            i++;
        } while (fc_next(&c, ','));
        if (!fc_next(&c, ']')) return 1;
    }
    if (r) r->nnumbers = (uint32_t)i;
    else k->numbers = i;
    return FC_LIT(&c, "}}") && c.p == c.end ? 0 : 1;
}

/* 0: read; 1: not the canonical shape (nothing changed); -1: error set. */
static int read_article_fast(slant_agg *a, const char *line, size_t n, const char *name, long lineno,
                             slant_error *err) {
    struct fast_counts k;
    size_t bad_at;
    if (slant_utf8_validate_text(line, n, &bad_at) != 0 || fast_fields(a, line, n, &k, 0, name, lineno, err) != 0)
        return 1;
    slant_arena *kept = a->arenas[0];
    if (a->compact) a->arenas[0] = a->record_arena; /* until record_done packs it */
    int rc = fast_fields(a, line, n, &k, 1, name, lineno, err);
    a->arenas[0] = kept;
    if (rc == 0) record_done(a, &a->arts[a->n - 1]);
    if (a->compact) slant_arena_reset(a->record_arena);
    return rc;
}

/* Partials may arrive concatenated (several shards on one stream) or with
 * their lines reordered (Hadoop Streaming sorts mapper output), so reading
 * is order-insensitive: every header must match this run's format and
 * lexicon set, and the stream is complete only when there are as many end
 * markers as headers and as many articles as the headers announced. */
int slant_agg_read(slant_agg *a, FILE *f, const char *name, slant_error *err) {
    /* getline, not fgetc: one FILE lock and one memchr-driven copy per line
     * instead of a locked call per byte (fgetc was a quarter of 'slant merge').
     * It grows the buffer for a line of any length and counts embedded NUL
     * bytes, which json_loadb then rejects as before. */
    char *line = NULL;
    size_t line_cap = 0;
    long lineno = 0, headers = 0, ends = 0;
    long long announced = 0, articles = 0;
    int rc = -1;
    slant_agg *part = slant_agg_new_like(a);
    for (;;) {
        ssize_t got = getline(&line, &line_cap, f);
        if (got <= 0) break;
        size_t linelen = (size_t)got;
        if (line[linelen - 1] == '\n') linelen--;
        lineno++;
        if (linelen == 0) continue;
        if (linelen > 12 && memcmp(line, "{\"article\":{", 12) == 0) {
            int fr = read_article_fast(part, line, linelen, name, lineno, err);
            if (fr < 0) goto out;
            if (fr == 0) {
                articles++;
                continue;
            }
        }
        json_error_t jerr;
        json_t *j = json_loadb(line, linelen, 0, &jerr);
        if (!j || !json_is_object(j)) {
            json_decref(j);
            slant_error_set(err, name, lineno, jerr.column > 0 ? jerr.column : 0, -1,
                            "not a valid slant partial: %s (a damaged or cut-short file? re-run "
                            "'slant score --partial' for this shard)",
                            j ? "not an object" : jerr.text);
            goto out;
        }
        json_t *v = json_object_get(j, "slant_partial");
        if (v) {
            json_t *h = json_object_get(j, "lexicon_hash"), *n = json_object_get(j, "articles");
            if (!json_is_integer(v) || json_integer_value(v) != SLANT_PARTIAL_VERSION) {
                slant_error_set(err, name, lineno, 0, -1,
                                "partial format version %lld, this slant reads version %d: "
                                "re-score the shard with this version of slant",
                                json_is_integer(v) ? (long long)json_integer_value(v) : -1LL,
                                SLANT_PARTIAL_VERSION);
                json_decref(j);
                goto out;
            }
            if (!json_is_string(h) || strcmp(json_string_value(h), slant_lexset_hash(a->set)) != 0) {
                slant_error_set(err, name, lineno, 0, -1,
                                "made with a different lexicon set (hash %s, this run uses %s): "
                                "score every part with the same --lexicon/--set options",
                                json_is_string(h) ? json_string_value(h) : "?",
                                slant_lexset_hash(a->set));
                json_decref(j);
                goto out;
            }
            headers++;
            announced += json_is_integer(n) ? json_integer_value(n) : 0;
        } else if (json_object_get(j, "article")) {
            if (read_article(part, json_object_get(j, "article"), name, lineno, err) != 0) {
                json_decref(j);
                goto out;
            }
            articles++;
        } else if (json_object_get(j, "vocab")) {
            json_t *vo = json_object_get(j, "vocab");
            json_t *src = json_object_get(vo, "source"), *terms = json_object_get(vo, "terms");
            if (!json_is_string(src) || !json_is_array(terms)) {
                json_decref(j);
                bad(err, name, lineno, "bad vocabulary record");
                goto out;
            }
            struct source_vocab *sv = source_vocab(part, json_string_value(src));
            for (size_t i = 0; i < json_array_size(terms); i++) {
                const char *term;
                json_int_t count;
                if (json_unpack(json_array_get(terms, i), "[sI]", &term, &count) != 0 || count < 0) {
                    json_decref(j);
                    bad(err, name, lineno, "bad vocabulary entry");
                    goto out;
                }
                size_t len = strlen(term);
                vocab_add(sv, term, len, slant_hash_bytes(term, len), (uint32_t)count);
            }
        } else if (json_object_get(j, "cleaning")) {
            json_t *co = json_object_get(j, "cleaning");
            part->clean_lines += (size_t)json_integer_value(json_object_get(co, "lines"));
            part->clean_bytes += (size_t)json_integer_value(json_object_get(co, "bytes"));
            const char *key;
            json_t *val;
            json_object_foreach(json_object_get(co, "rules"), key, val) {
                size_t len = strlen(key);
                uint32_t *cnt = slant_strmap_upsert(part->clean_rules, key, len,
                                                    slant_hash_bytes(key, len), 0, NULL);
                *cnt += (uint32_t)json_integer_value(val);
            }
        } else if (json_object_get(j, "end")) {
            ends++;
        } else {
            json_decref(j);
            bad(err, name, lineno, "unknown record");
            goto out;
        }
        json_decref(j);
    }
    if (ferror(f)) {
        slant_error_set(err, name, 0, 0, -1, "read error");
        goto out;
    }
    if (headers == 0) {
        bad(err, name, lineno, lineno == 0 ? "empty file" : "no header line");
        goto out;
    }
    if (ends != headers || articles != announced) {
        slant_error_set(err, name, lineno, 0, -1,
                        "truncated partial: %ld of %ld parts complete, %lld of %lld articles; "
                        "re-run 'slant score --partial' for the missing shard",
                        ends, headers, articles, announced);
        goto out;
    }
    if (slant_agg_merge(a, part, err) != 0) {
        slant_error e2 = *err;
        slant_error_set(err, name, 0, 0, -1, "%s", e2.msg);
        goto out;
    }
    rc = 0;
out:
    slant_agg_free(part);
    free(line);
    return rc;
}
