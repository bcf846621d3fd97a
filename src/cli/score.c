/*
 * score.c - `slant score`: per-sentence or per-article scores as JSON Lines
 * (schema in docs/score-schema.md, "v": 1 on every object), one object per
 * input line with --lines, or a mergeable partial aggregate with --partial.
 *
 * JSON Lines are written by hand into a reused buffer rather than through
 * jansson, and without printf: this is the hot output path of the map step
 * (score --lines writes 4.7 bytes of JSON per byte of input). What repeats
 * on every hit is escaped and formatted once per lexicon entry (hit_writer).
 * JSON Lines are scored on -j threads and written in input order, the same
 * bytes on any number of threads (see "several threads" below).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "slant/ingest.h"
#include "slant/pipeline.h"
#include "slant/runner.h"

#define SCORE_SCHEMA 1
enum { FRAG_SLACK = 64 };

static void put_str(slant_buf *b, const char *s) {
    if (!s) {
        slant_buf_puts(b, "null");
        return;
    }
    slant_buf_json_string(b, s, strlen(s));
}

static void put_num(slant_buf *b, double v) { slant_buf_put_g6(b, v == 0 ? 0.0 : v); }

static const char *suffix(const char *name) {
    const char *dot = strchr(name, '.');
    return dot ? dot + 1 : name;
}

/* JSON fragments that repeat on every hit, escaped and formatted once per
 * lexicon entry (on its first hit) instead of once per hit: score --lines
 * writes millions of hits from a few thousand entries. Fragments live back
 * to back in one buffer and are found by offset, so growing it is safe. */
typedef struct entry_json {
    uint32_t at;        /* offset in frags; len_head = 0: not built yet */
    uint32_t len_head;  /* "\",\"category\":C,\"entry\":E,\"voice\":" */
    uint32_t len_weight; /* the entry's weight as put_num writes it */
    uint32_t len_side;  /* ",\"side\":S", or 0 */
    double weight;      /* the entry's, here so a hit need not load the entry */
} entry_json;

typedef struct hit_writer {
    const slant_lexset *set;
    slant_buf frags;
    entry_json *entries;
    uint32_t *target_at, *target_len; /* per category: "\"target\":T" for mentions */
    uint32_t rule_at[SLANT_RULE_BITS], rule_len[SLANT_RULE_BITS]; /* quoted rule names */
    size_t rules_max; /* the longest rules array: all names, commas, brackets */
} hit_writer;

static uint32_t frag_mark(const hit_writer *w) { return (uint32_t)w->frags.len; }

static void hit_writer_init(hit_writer *w, const slant_lexset *set) {
    size_t ncat = slant_lexset_category_count(set);
    w->set = set;
    w->rules_max = 0;
    slant_buf_init(&w->frags);
    w->entries = slant_xcalloc(slant_lexset_entry_count(set) + 1, sizeof *w->entries);
    w->target_at = slant_xcalloc(ncat + 1, sizeof *w->target_at);
    w->target_len = slant_xcalloc(ncat + 1, sizeof *w->target_len);
    for (size_t c = 0; c < ncat; c++) {
        w->target_at[c] = frag_mark(w);
        slant_buf_puts(&w->frags, "\"target\":");
        put_str(&w->frags, suffix(slant_lexset_category(set, c)->name));
        w->target_len[c] = frag_mark(w) - w->target_at[c];
    }
    for (int i = 0; i < SLANT_RULE_BITS; i++) {
        w->rule_at[i] = frag_mark(w);
        put_str(&w->frags, slant_rule_name(i));
        w->rule_len[i] = frag_mark(w) - w->rule_at[i];
        w->rules_max += w->rule_len[i] + 1;
    }
    w->rules_max += 2;
}

static void hit_writer_free(hit_writer *w) {
    slant_buf_free(&w->frags);
    free(w->entries);
    free(w->target_at);
    free(w->target_len);
}

static const entry_json *entry_frags(hit_writer *w, uint32_t entry) {
    entry_json *j = &w->entries[entry];
    if (j->len_head) return j;
    const slant_entry *e = slant_lexset_entry(w->set, entry);
    slant_buf *f = &w->frags;
    j->at = frag_mark(w);
    slant_buf_puts(f, "\",\"category\":");
    put_str(f, slant_lexset_category(w->set, e->category)->name);
    slant_buf_puts(f, ",\"entry\":");
    put_str(f, e->term);
    slant_buf_puts(f, ",\"voice\":");
    j->len_head = frag_mark(w) - j->at;
    j->weight = e->weight;
    put_num(f, e->weight);
    j->len_weight = frag_mark(w) - j->at - j->len_head;
    if (e->side) {
        slant_buf_puts(f, ",\"side\":");
        put_str(f, e->side);
    }
    j->len_side = frag_mark(w) - j->at - j->len_head - j->len_weight;
    slant_buf_reserve(f, FRAG_SLACK); /* cursor_frag may read past the last fragment */
    return j;
}

static void put_rules(slant_buf *b, const hit_writer *w, uint16_t rules) {
    if (!rules) {
        slant_buf_puts(b, "[]");
        return;
    }
    slant_buf_putc(b, '[');
    int first = 1;
    for (int i = 0; i < SLANT_RULE_BITS; i++)
        if (rules & (1u << i)) {
            if (!first) slant_buf_putc(b, ',');
            slant_buf_append(b, w->frags.data + w->rule_at[i], w->rule_len[i]);
            first = 0;
        }
    slant_buf_putc(b, ']');
}

/* A hit is written through a cursor into room reserved once for the whole
 * hit (hit_room), instead of a capacity check per piece. */
#define CURSOR_LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) += sizeof(lit) - 1)

static char *cursor_copy(char *o, const char *s, size_t n) {
    memcpy(o, s, n);
    return o + n;
}

/* A fragment (at most FRAG_SLACK bytes, as most are) is copied as a block
 * of fixed size, a few vector moves inline instead of a memcpy call per
 * piece (those calls were 4% of score --lines): the bytes past its end
 * are overwritten by what follows. The fragment buffer keeps FRAG_SLACK
 * bytes of room after its end and hit_room counts them in the output. */
static char *cursor_frag(char *o, const char *s, size_t n) {
    if (n <= FRAG_SLACK) memcpy(o, s, FRAG_SLACK);
    else memcpy(o, s, n);
    return o + n;
}

static char *cursor_num(char *o, double v) { return slant_fmt_g6(o, v == 0 ? 0.0 : v); }

static char *cursor_rules(char *o, const hit_writer *w, uint16_t rules) {
    *o++ = '[';
    int first = 1;
    for (int i = 0; rules && i < SLANT_RULE_BITS; i++)
        if (rules & (1u << i)) {
            if (!first) *o++ = ',';
            o = cursor_copy(o, w->frags.data + w->rule_at[i], w->rule_len[i]);
            first = 0;
        }
    *o++ = ']';
    return o;
}

/* Bytes one hit can take: the fixed keys and punctuation (under 100), two
 * offsets, the text escaped (6 bytes a byte at most), the entry's fragments,
 * two numbers and the rules. */
static size_t hit_room(const hit_writer *w, const entry_json *j, size_t text_len) {
    return 128 + FRAG_SLACK + 2 * SLANT_FMT_U64_MAX + 6 * text_len + j->len_head + j->len_side + 2 * SLANT_FMT_G6_MAX +
           w->rules_max;
}

static void put_voice(slant_buf *b, int quote) {
    if (quote) slant_buf_puts(b, "\"quote\"");
    else slant_buf_puts(b, "\"outlet\"");
}

/* hits and mentions of sentence scores [from, to) */
static void put_hits(slant_buf *b, hit_writer *w, const slant_pipeline *p, size_t from, size_t to) {
    const slant_doc *d = &p->doc;
    const slant_doc_scores *sc = &p->scores;
    slant_buf_puts(b, ",\"hits\":[");
    int first = 1;
    for (size_t s = from; s < to; s++)
        for (uint32_t h = sc->sents[s].hit_begin; h < sc->sents[s].hit_end; h++) {
            const slant_hit *hit = &sc->hits[h];
            /* the entries' table is larger than L1: ask for the next hit's early */
            if (h + 1 < sc->nhits) __builtin_prefetch(&w->entries[sc->hits[h + 1].entry]);
            if (hit->family == SLANT_FAM_RULE) continue;
            const entry_json *j = entry_frags(w, hit->entry);
            uint32_t start = d->toks[hit->tok_begin].start, end = d->toks[hit->tok_end - 1].end;
            slant_buf_reserve(b, hit_room(w, j, end - start));
            char *o = b->data + b->len;
            if (!first) *o++ = ',';
            first = 0;
            CURSOR_LIT(o, "{\"start\":");
            o = slant_fmt_u64(o, start);
            CURSOR_LIT(o, ",\"end\":");
            o = slant_fmt_u64(o, end);
            CURSOR_LIT(o, ",\"text\":\"");
            o = slant_fmt_json_escape(o, d->text + start, end - start);
            const char *frag = w->frags.data + j->at;
            o = cursor_frag(o, frag, j->len_head);
            if (hit->voice) CURSOR_LIT(o, "\"quote\"");
            else CURSOR_LIT(o, "\"outlet\"");
            CURSOR_LIT(o, ",\"weight\":");
            /* equal doubles print alike (either zero prints as 0) */
            char *weight = o;
            if (hit->weight == j->weight) o = cursor_frag(o, frag + j->len_head, j->len_weight);
            else o = cursor_num(o, hit->weight);
            size_t wlen = (size_t)(o - weight);
            CURSOR_LIT(o, ",\"value\":");
            if (hit->value == hit->weight) o = cursor_copy(o, weight, wlen);
            else o = cursor_num(o, hit->value);
            CURSOR_LIT(o, ",\"rules\":");
            o = cursor_rules(o, w, hit->rules);
            o = cursor_frag(o, frag + j->len_head + j->len_weight, j->len_side);
            *o++ = '}';
            b->len = (size_t)(o - b->data);
            b->data[b->len] = '\0';
        }
    slant_buf_puts(b, "],\"mentions\":[");
    first = 1;
    for (size_t s = from; s < to; s++)
        for (uint32_t m = sc->sents[s].mention_begin; m < sc->sents[s].mention_end; m++) {
            const slant_mention *mn = &sc->mentions[m];
            if (first) slant_buf_puts(b, "{\"start\":");
            else slant_buf_puts(b, ",{\"start\":");
            first = 0;
            slant_buf_put_u64(b, d->toks[mn->tok_begin].start);
            slant_buf_puts(b, ",\"end\":");
            slant_buf_put_u64(b, d->toks[mn->tok_end - 1].end);
            slant_buf_putc(b, ',');
            slant_buf_append(b, w->frags.data + w->target_at[mn->category], w->target_len[mn->category]);
            slant_buf_puts(b, ",\"voice\":");
            put_voice(b, mn->voice);
            slant_buf_puts(b, ",\"stance\":");
            put_num(b, mn->stance);
            slant_buf_puts(b, ",\"rules\":");
            put_rules(b, w, mn->rules);
            slant_buf_putc(b, '}');
        }
    slant_buf_putc(b, ']');
}

/* The start of every sentence object of an article, escaped once per article:
 * {"v":1,"id":"ID-   and then   ","article":"ID","source":S,"start": */
static void put_sentences(slant_buf *b, hit_writer *w, const slant_article *a, const slant_pipeline *p,
                          slant_buf *head) {
    const slant_doc *d = &p->doc;
    slant_buf_clear(head);
    slant_buf_puts(head, "{\"v\":");
    slant_buf_put_u64(head, SCORE_SCHEMA);
    slant_buf_puts(head, ",\"id\":\"");
    slant_buf_json_escape(head, a->id, strlen(a->id));
    slant_buf_putc(head, '-');
    size_t len_id = head->len;
    slant_buf_puts(head, "\",\"article\":");
    put_str(head, a->id);
    slant_buf_puts(head, ",\"source\":");
    put_str(head, a->source);
    slant_buf_puts(head, ",\"start\":");
    for (size_t i = 0; i < p->scores.nsents; i++) {
        const slant_sentence_score *ss = &p->scores.sents[i];
        const slant_sentence *s = &d->sents[ss->sentence];
        slant_buf_append(b, head->data, len_id);
        slant_buf_put_u64(b, i + 1);
        slant_buf_append(b, head->data + len_id, head->len - len_id);
        slant_buf_put_u64(b, s->start);
        slant_buf_puts(b, ",\"end\":");
        slant_buf_put_u64(b, s->end);
        slant_buf_puts(b, ",\"text\":\"");
        slant_buf_json_escape(b, d->text + s->start, s->end - s->start);
        slant_buf_puts(b, "\",\"voice\":");
        put_voice(b, ss->voice);
        slant_buf_puts(b, ",\"speaker\":");
        put_str(b, slant_speaker_name(d, ss->speaker));
        slant_buf_puts(b, ",\"words\":");
        slant_buf_put_u64(b, ss->words);
        slant_buf_puts(b, ",\"words_quoted\":");
        slant_buf_put_u64(b, ss->words_quoted);
        slant_buf_puts(b, ",\"tone\":");
        put_num(b, ss->tone);
        slant_buf_puts(b, ",\"tone_outlet\":");
        if (ss->words_voice[0]) put_num(b, ss->tone_voice[0]);
        else slant_buf_puts(b, "null");
        slant_buf_puts(b, ",\"tone_quoted\":");
        if (ss->words_voice[1]) put_num(b, ss->tone_voice[1]);
        else slant_buf_puts(b, "null");
        put_hits(b, w, p, i, i + 1);
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

/* "name:line" for messages about an input line, as snprintf("%s:%llu")
 * would write it (truncated to fit), without printf for every line. */
static void line_where(char *where, size_t cap, const char *name, unsigned long long line) {
    char digits[24];
    int n = 0;
    do digits[sizeof digits - 1 - n++] = (char)('0' + line % 10);
    while ((line /= 10) != 0);
    size_t len = strlen(name), at = 0;
    const char *parts[3] = {name, ":", digits + sizeof digits - n};
    size_t lens[3] = {len, 1, (size_t)n};
    for (int k = 0; k < 3; k++) {
        size_t c = lens[k] < cap - 1 - at ? lens[k] : cap - 1 - at;
        memcpy(where + at, parts[k], c);
        at += c;
    }
    where[at] = '\0';
}

/* Lines of a --lines input, read in large blocks: a line that lies whole in
 * the block is handed out where it is, without a copy. Lines are split
 * exactly as the fgets(64 KB chunk) + strlen loop this replaces did, NUL
 * bytes included: each chunk runs to its first '\n' (at most 65535 bytes),
 * its bytes from the first NUL on are dropped, and a line goes on into the
 * next chunk until a kept part ends in '\n'. */
enum { LINE_CHUNK = 65535, LINE_BLOCK = 1 << 20 };

typedef struct line_reader {
    FILE *f;
    char *buf;
    size_t pos, end; /* unread bytes are buf[pos, end) */
    int eof;         /* fread found the end (or an error: ferror tells) */
    slant_buf line;  /* a line put together from several chunks */
} line_reader;

static void line_reader_init(line_reader *r) {
    memset(r, 0, sizeof *r);
    r->buf = slant_xmalloc(LINE_BLOCK);
    slant_buf_init(&r->line);
}

static void line_reader_free(line_reader *r) {
    free(r->buf);
    slant_buf_free(&r->line);
}

static void line_reader_open(line_reader *r, FILE *f) {
    r->f = f;
    r->pos = r->end = 0;
    r->eof = 0;
}

/* The next chunk, as fgets(buf, LINE_CHUNK + 1, f) would read it; 0 at the end. */
static int line_chunk(line_reader *r, const char **chunk, size_t *n) {
    for (;;) {
        size_t avail = r->end - r->pos;
        size_t look = avail < LINE_CHUNK ? avail : LINE_CHUNK;
        const char *p = r->buf + r->pos;
        const char *nl = memchr(p, '\n', look);
        if (nl || avail >= LINE_CHUNK || r->eof) {
            if (!look) return 0;
            *chunk = p;
            *n = nl ? (size_t)(nl - p) + 1 : look;
            r->pos += *n;
            return 1;
        }
        /* fewer than a chunk's bytes left and no '\n' among them: move them
         * to the front and read more behind them */
        memmove(r->buf, p, avail);
        r->pos = 0;
        r->end = avail;
        size_t got = fread(r->buf + r->end, 1, LINE_BLOCK - r->end, r->f);
        r->end += got;
        if (got == 0) r->eof = 1;
    }
}

/* The next line (its '\n' included) in *text, *len; 0 at the end of input. */
static int line_next(line_reader *r, const char **text, size_t *len) {
    const char *c;
    size_t n;
    slant_buf_clear(&r->line);
    int first = 1;
    while (line_chunk(r, &c, &n)) {
        const char *nul = memchr(c, '\0', n);
        size_t keep = nul ? (size_t)(nul - c) : n;
        if (first && keep == n && c[n - 1] == '\n') { /* the usual case: one whole chunk */
            *text = c;
            *len = n;
            return 1;
        }
        first = 0;
        slant_buf_append(&r->line, c, keep);
        if (keep && c[keep - 1] == '\n') break;
    }
    if (r->line.len == 0) return 0;
    *text = r->line.data;
    *len = r->line.len;
    return 1;
}

/* ---- several threads ----
 * Input is read in slots: items (lines or articles) copied back to back
 * into the slot's buffer, about SLOT_BYTES of them. Slots are numbered in
 * input order and reused round a ring. Every thread runs the same loop and
 * takes whatever is next: the I/O (writing the oldest scored slot,
 * filling a free one; one thread at a time) or scoring the oldest filled
 * slot with its own pipeline and hit_writer into the slot's output buffer,
 * noting where each item's output ends. Output is written in slot order,
 * so the bytes never depend on the number of threads, and no thread waits
 * for the others at a barrier (with one per batch, a thread descheduled
 * on a busy machine held up the rest).
 *
 * Output goes out at the points where one thread collecting it in one
 * buffer would write that buffer: after an item that takes it over
 * OUT_FLUSH bytes. So what has been written when a run fails (to stdout,
 * say) is the same for any number of threads. Until then the pending
 * output stays in the slots that hold it; only if the ring is full of
 * them (items with almost no output) is it copied to carry. */

/* Small slots, read ahead no further than the threads need, keep the
 * output in flight within L2: with 128 KB slots filled as far as the ring
 * allowed, score --lines -j 1 missed the caches 30% more than one thread
 * writing through one buffer did; with 32 KB, 11% (cachegrind). */
enum { SLOT_BYTES = 32 << 10, SLOTS_PER_THREAD = 4, SLOTS_EXTRA = 8, OUT_FLUSH = 1 << 20 };
#define NONE ((size_t)-1)

typedef enum { SCORE_LINES, SCORE_SENTENCES, SCORE_ARTICLES } score_mode;

typedef struct slot_item {
    size_t at, len;                    /* the text, in the slot's bytes */
    size_t id, source, story, path;    /* articles: strings in the bytes (NONE: NULL) */
    const char *name;                  /* lines: the input file */
    unsigned long long fline, lineno;  /* lines: line in the file, line in the whole run */
} slot_item;

typedef struct slot {
    slant_buf bytes;
    slot_item *items;
    size_t nitems, items_cap;
    int more;             /* what filling it returned: 1 more input, 0 the end, -1 failed */
    slant_error fill_err; /* more == -1: why; reported after the slot's own items */
    slant_buf out;
    size_t *ends;         /* out.len after each item */
    size_t ends_cap;
    size_t failed;        /* the item that failed, or NONE */
    slant_error err;
    int scored;           /* guarded by the run's mutex once the slot is filled */
} slot;

typedef struct score_worker {
    int ready;
    slant_pipeline p;
    hit_writer w;
    slant_buf head;
    uint32_t *counts;
} score_worker;

typedef struct score_run score_run;
typedef int (*fill_fn)(score_run *r, slot *s, slant_error *err);

struct score_run {
    score_mode mode;
    const slant_lexset *set;
    const slant_scorer *sc;
    slant_pipeline_opts po;
    int threads;
    score_worker *workers;
    fill_fn fill;
    void *src;            /* fill's input */
    FILE *out;
    const char *outname;
    slot *slots;
    size_t nslots;
    /* guarded by mu: slot numbers (slot k is slots[k % nslots]) */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t filled, taken, written; /* slots filled, taken to score, written */
    size_t kept;          /* slots from kept on hold output not yet written */
    int io_busy, input_done, stopping, finished, rc;
    slant_error err;
    /* the writer's (whoever holds io_busy): pending output is carry, then
     * the slots from w_seq (at offset w_off) on, w_pending bytes in all */
    size_t w_seq, w_off, w_pending;
    slant_buf carry;
};

static slot *slot_at(const score_run *r, size_t k) { return &r->slots[k % r->nslots]; }

static void score_run_init(score_run *r, score_mode mode, const slant_lexset *set, const slant_scorer *sc,
                           int lenient, int threads, fill_fn fill, void *src, FILE *out, const char *outname) {
    memset(r, 0, sizeof *r);
    r->mode = mode;
    r->set = set;
    r->sc = sc;
    r->po = (slant_pipeline_opts){mode == SCORE_LINES ? lenient : 0, 1}; /* ingest cleans articles */
    r->threads = threads > 0 ? threads : slant_cpu_count();
    r->workers = slant_xcalloc((size_t)r->threads, sizeof *r->workers);
    r->nslots = (size_t)r->threads * SLOTS_PER_THREAD + SLOTS_EXTRA;
    r->slots = slant_xcalloc(r->nslots, sizeof *r->slots);
    for (size_t i = 0; i < r->nslots; i++) {
        slant_buf_init(&r->slots[i].bytes);
        slant_buf_init(&r->slots[i].out);
    }
    r->fill = fill;
    r->src = src;
    r->out = out;
    r->outname = outname;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv, NULL);
    slant_buf_init(&r->carry);
}

static void score_run_free(score_run *r) {
    for (int t = 0; t < r->threads; t++) {
        score_worker *w = &r->workers[t];
        if (!w->ready) continue;
        slant_pipeline_free(&w->p);
        hit_writer_free(&w->w);
        slant_buf_free(&w->head);
        free(w->counts);
    }
    free(r->workers);
    for (size_t i = 0; i < r->nslots; i++) {
        slant_buf_free(&r->slots[i].bytes);
        slant_buf_free(&r->slots[i].out);
        free(r->slots[i].items);
        free(r->slots[i].ends);
    }
    free(r->slots);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->cv);
    slant_buf_free(&r->carry);
}

static int slot_full(const slot *s) { return s->bytes.len >= SLOT_BYTES; }

static size_t slot_put(slot *s, const char *text, size_t n) {
    size_t at = s->bytes.len;
    slant_buf_append(&s->bytes, text, n);
    slant_buf_putc(&s->bytes, '\0');
    return at;
}

static size_t slot_put_str(slot *s, const char *str) { return str ? slot_put(s, str, strlen(str)) : NONE; }

static const char *slot_str(const slot *s, size_t at) { return at == NONE ? NULL : s->bytes.data + at; }

/* A new item whose text is text[0, n). */
static slot_item *slot_add(slot *s, const char *text, size_t n) {
    if (s->nitems == s->items_cap) {
        s->items_cap = s->items_cap ? 2 * s->items_cap : 256;
        s->items = slant_xrealloc(s->items, s->items_cap * sizeof *s->items);
    }
    slot_item *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->at = slot_put(s, text, n);
    it->len = n;
    return it;
}

static score_worker *score_worker_get(score_run *r, int t) {
    score_worker *w = &r->workers[t];
    if (!w->ready) {
        slant_pipeline_init(&w->p, r->sc, NULL, &r->po);
        hit_writer_init(&w->w, r->set);
        slant_buf_init(&w->head);
        w->counts = slant_xcalloc(2 * slant_lexset_category_count(r->set) + 2, sizeof *w->counts);
        w->ready = 1;
    }
    return w;
}

static void put_line(slant_buf *b, hit_writer *w, const slant_pipeline *p, unsigned long long lineno) {
    size_t words = 0;
    for (size_t s = 0; s < p->scores.nsents; s++) words += p->scores.sents[s].words;
    slant_buf_puts(b, "{\"v\":");
    slant_buf_put_u64(b, SCORE_SCHEMA);
    slant_buf_puts(b, ",\"line\":");
    slant_buf_put_u64(b, lineno);
    slant_buf_puts(b, ",\"words\":");
    slant_buf_put_u64(b, words);
    slant_buf_puts(b, ",\"tone\":");
    put_num(b, slant_scores_text_tone(&p->scores));
    put_hits(b, w, p, 0, p->scores.nsents);
    slant_buf_puts(b, "}\n");
}

static int score_item(const score_run *r, score_worker *w, const slot *s, const slot_item *it, slant_buf *out,
                      slant_error *err) {
    const char *text = s->bytes.data + it->at;
    if (r->mode == SCORE_LINES) {
        char where[600];
        line_where(where, sizeof where, it->name, it->fline);
        if (slant_pipeline_run_text(&w->p, where, NULL, text, it->len, err) != 0) return -1;
        put_line(out, &w->w, &w->p, it->lineno);
        return 0;
    }
    slant_article a;
    memset(&a, 0, sizeof a);
    a.id = (char *)slot_str(s, it->id);
    a.source = (char *)slot_str(s, it->source);
    a.story = (char *)slot_str(s, it->story);
    a.path = (char *)slot_str(s, it->path);
    if (slant_pipeline_score_clean(&w->p, a.path ? a.path : a.id, text, it->len, err) != 0) return -1;
    if (r->mode == SCORE_ARTICLES) put_article(out, r->set, &a, &w->p, w->counts);
    else put_sentences(out, &w->w, &a, &w->p, &w->head);
    return 0;
}

/* Score a slot's items, stopping at the first that fails. */
static void score_slot(score_run *r, slot *s, int worker) {
    score_worker *w = score_worker_get(r, worker);
    slant_buf_clear(&s->out);
    if (s->nitems > s->ends_cap) {
        s->ends_cap = s->nitems;
        free(s->ends);
        s->ends = slant_xmalloc(s->ends_cap * sizeof *s->ends);
    }
    for (size_t j = 0; j < s->nitems; j++) {
        if (score_item(r, w, s, &s->items[j], &s->out, &s->err) != 0) {
            s->failed = j;
            return;
        }
        s->ends[j] = s->out.len;
    }
}

static int put_out(score_run *r, const char *s, size_t n, slant_error *err) {
    if (n && fwrite(s, 1, n, r->out) != n)
        return slant_error_set(err, r->outname, 0, 0, -1, "write failed (disk full or closed pipe?)");
    return 0;
}

/* Write the pending output up to offset end of slot k. */
static int write_pending(score_run *r, size_t k, size_t end, slant_error *err) {
    if (put_out(r, r->carry.data, r->carry.len, err) != 0) return -1;
    slant_buf_clear(&r->carry);
    for (size_t q = r->w_seq; q <= k; q++) {
        const slot *s = slot_at(r, q);
        size_t from = q == r->w_seq ? r->w_off : 0, to = q == k ? end : s->out.len;
        if (put_out(r, s->out.data + from, to - from, err) != 0) return -1;
    }
    r->w_seq = k;
    r->w_off = end;
    r->w_pending = 0;
    return 0;
}

/* Slot k's items in order, up to the first failing one, writing where one
 * thread would; at the end of the input, what is left. */
static int write_slot(score_run *r, size_t k, slant_error *err) {
    const slot *s = slot_at(r, k);
    size_t n = s->failed != NONE ? s->failed : s->nitems, last = 0;
    for (size_t j = 0; j < n; j++) {
        r->w_pending += s->ends[j] - last;
        last = s->ends[j];
        if (r->w_pending > OUT_FLUSH && write_pending(r, k, last, err) != 0) return -1;
    }
    if (s->failed != NONE) {
        if (err) *err = s->err;
        return -1;
    }
    if (s->more < 0) {
        if (err) *err = s->fill_err;
        return -1;
    }
    return s->more == 0 ? write_pending(r, k, s->out.len, err) : 0;
}

/* The ring is full of slots kept for their pending output: copy it out. */
static void spill_pending(score_run *r, size_t written) {
    for (size_t q = r->w_seq; q < written; q++) {
        const slot *s = slot_at(r, q);
        size_t from = q == r->w_seq ? r->w_off : 0;
        slant_buf_append(&r->carry, s->out.data + from, s->out.len - from);
    }
    r->w_seq = written;
    r->w_off = 0;
}

static void fill_slot(score_run *r, slot *s) {
    slant_buf_clear(&s->bytes);
    s->nitems = 0;
    s->failed = NONE;
    s->scored = 0;
    slant_error_clear(&s->fill_err);
    s->more = r->fill(r, s, &s->fill_err);
}

enum { IO_NONE, IO_WRITE, IO_FILL, IO_SPILL };

/* Every thread's loop (an item of slant_parallel_for); mu is held except
 * while doing I/O or scoring. */
static int score_loop(void *arg, size_t i, int worker) {
    score_run *r = arg;
    (void)i;
    pthread_mutex_lock(&r->mu);
    while (!r->finished) {
        int io = IO_NONE;
        if (!r->io_busy) {
            if (r->written < r->filled && slot_at(r, r->written)->scored) io = IO_WRITE;
            else if (!r->input_done && !r->stopping) {
                /* read ahead only as far as the threads need: fewer slots
                 * in use stay in the caches */
                if (r->filled < r->kept + r->nslots) {
                    if (r->filled - r->taken <= (size_t)r->threads) io = IO_FILL;
                } else if (r->written == r->filled) {
                    io = IO_SPILL; /* nothing else can free a slot */
                }
            }
        }
        if (io != IO_NONE) {
            size_t written = r->written, filled = r->filled;
            r->io_busy = 1;
            pthread_mutex_unlock(&r->mu);
            int rc = 0, last = 0;
            slant_error e;
            if (io == IO_WRITE) {
                rc = write_slot(r, written, &e);
                last = rc != 0 || slot_at(r, written)->more != 1;
            } else if (io == IO_FILL) {
                fill_slot(r, slot_at(r, filled));
            } else {
                spill_pending(r, written);
            }
            pthread_mutex_lock(&r->mu);
            if (io == IO_WRITE) {
                r->written++;
                if (last) {
                    r->finished = 1;
                    r->rc = rc;
                    if (rc) r->err = e;
                }
            } else if (io == IO_FILL) {
                r->filled++;
                if (slot_at(r, filled)->more != 1) r->input_done = 1;
            }
            r->kept = r->w_seq;
            r->io_busy = 0;
            pthread_cond_broadcast(&r->cv);
        } else if (r->taken < r->filled) {
            slot *s = slot_at(r, r->taken++);
            pthread_mutex_unlock(&r->mu);
            score_slot(r, s, worker);
            pthread_mutex_lock(&r->mu);
            s->scored = 1;
            if (s->failed != NONE) r->stopping = 1; /* read no further */
            pthread_cond_broadcast(&r->cv);
        } else {
            pthread_cond_wait(&r->cv, &r->mu);
        }
    }
    pthread_mutex_unlock(&r->mu);
    return 0;
}

/* Read, score and write everything. Errors come out in input order: a
 * failing item before a failed read or write of what follows it. */
static int score_run_all(score_run *r, slant_error *err) {
    /* one item per thread, each running the whole loop; if threads cannot
     * be started, the first loop does everything and the others find it done */
    slant_parallel_for(r->threads, (size_t)r->threads, score_loop, r);
    if (r->rc != 0 && err) *err = r->err;
    return r->rc;
}

/* Where --lines input stands between slots. */
typedef struct line_source {
    char **inputs;
    size_t ninputs, k;
    FILE *f;
    line_reader lr;
    unsigned long long fline, lineno;
} line_source;

/* Fill a slot with lines: 1 = more may follow, 0 = the end, -1 = an input
 * could not be opened or read (err filled; the lines before it are in). */
static int lines_fill(score_run *r, slot *b, slant_error *err) {
    line_source *s = r->src;
    while (!slot_full(b)) {
        if (!s->f) {
            if (s->k == s->ninputs) return 0;
            const char *name = s->inputs[s->k];
            s->f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
            if (!s->f) return slant_error_set(err, name, 0, 0, -1, "cannot open");
            line_reader_open(&s->lr, s->f);
            s->fline = 0;
        }
        const char *text;
        size_t n;
        if (line_next(&s->lr, &text, &n)) {
            while (n && (text[n - 1] == '\n' || text[n - 1] == '\r')) n--;
            slot_item *it = slot_add(b, text, n);
            it->name = s->inputs[s->k];
            it->fline = ++s->fline;
            it->lineno = ++s->lineno;
            continue;
        }
        int bad = ferror(s->f) != 0;
        if (s->f != stdin) fclose(s->f);
        s->f = NULL;
        if (bad) return slant_error_set(err, s->inputs[s->k], 0, 0, -1, "read error");
        s->k++;
    }
    return 1;
}

/* --lines: every input line is one text, scored without cleaning. */
static int score_lines(char **inputs, size_t ninputs, const slant_lexset *set, const slant_scorer *sc,
                       int lenient, int threads, FILE *out, const char *outname, slant_error *err) {
    line_source s;
    memset(&s, 0, sizeof s);
    s.inputs = inputs;
    s.ninputs = ninputs;
    line_reader_init(&s.lr);
    score_run r;
    score_run_init(&r, SCORE_LINES, set, sc, lenient, threads, lines_fill, &s, out, outname);
    int rc = score_run_all(&r, err);
    if (s.f && s.f != stdin) fclose(s.f);
    line_reader_free(&s.lr);
    score_run_free(&r);
    return rc;
}

/* Fill a slot with articles, validated and cleaned by the ingest: as lines_fill. */
static int articles_fill(score_run *r, slot *b, slant_error *err) {
    slant_ingest *in = r->src;
    slant_ingest_item item;
    while (!slot_full(b)) {
        int got = slant_ingest_next(in, &item, err);
        if (got <= 0) return got;
        const slant_article *a = item.article;
        slot_item *it = slot_add(b, item.text, item.len);
        it->id = slot_put_str(b, a->id);
        it->source = slot_put_str(b, a->source);
        it->story = slot_put_str(b, a->story);
        it->path = slot_put_str(b, a->path);
    }
    return 1;
}

static int score_stream(char **inputs, size_t ninputs, const slant_lexset *set, const slant_scorer *sc,
                        const char *rules_path, const slant_pipeline_opts *popts, int article_level,
                        int threads, FILE *out, const char *outname, slant_error *err) {
    slant_ingest_opts io = {popts->lenient, popts->no_clean, rules_path};
    slant_ingest *in;
    if (slant_ingest_open(inputs, ninputs, &io, &in, err) != 0) return -1;
    score_run r;
    score_run_init(&r, article_level ? SCORE_ARTICLES : SCORE_SENTENCES, set, sc, 0, threads, articles_fill, in,
                   out, outname);
    int rc = score_run_all(&r, err);
    score_run_free(&r);
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
    slant_outfile of;
    if (slant_outfile_open(&of, out, &err) != 0) {
        rc = -1;
        goto done;
    }
    FILE *f = of.f;
    if (partial) {
        slant_agg *agg = slant_agg_new(set);
        slant_agg_spill(agg); /* a partial is written, not analysed: memory stays bounded */
        ro.spill = 1;
        if (of.tmp) { /* discarded on error: lines can go out as they are scored */
            ro.stream = f;
            ro.stream_name = outname;
        }
        slant_clean_rules *rules = NULL;
        rc = slant_run_inputs(inputs, ninputs, rules_path, sc, &ro, agg, &rules, &err);
        if (rc == 0) rc = slant_agg_write(agg, f, outname, &err);
        slant_clean_rules_free(rules);
        slant_agg_free(agg);
    } else if (lines) {
        rc = score_lines(inputs, ninputs, set, sc, ro.pipeline.lenient, ro.threads, f, outname, &err);
    } else {
        rc = score_stream(inputs, ninputs, set, sc, rules_path, &ro.pipeline, strcmp(level, "article") == 0,
                          ro.threads, f, outname, &err);
    }
    if (slant_outfile_close(&of, rc == 0, &err) != 0) rc = -1;
done:
    slant_scorer_free(sc);
    slant_lexset_free(set);
    free(inputs);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
usage:
    free(inputs);
    return SLANT_EXIT_USAGE;
}
