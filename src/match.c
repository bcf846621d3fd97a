/*
 * match.c - finding lexicon entries in a token range, in one pass.
 *
 * Hash layout (built by lexicon.c, declared in lexindex.h):
 * - One 64-bit-keyed table `seq` holds every term and every proper prefix
 *   of a multi-word term, keyed by a rolling hash: a one-token key is the
 *   token's own hash (computed once by the tokenizer), and each further
 *   token extends it with slant_hash_combine. The value says whether a
 *   longer term continues the sequence (LEX_SEQ_PREFIX) and which complete
 *   term, if any, ends here. So a token that starts nothing costs exactly
 *   one lookup, and a multi-word term is followed only as long as some term
 *   has that prefix: nothing is rescanned, at most SLANT_LEX_MAX_TOKENS
 *   lookups per start position. Before extending, a bit set of the tokens
 *   that occur after the first in some term rules out most next tokens
 *   without computing the rolling hash.
 * - A complete hit is confirmed by comparing the folded forms (hashes can
 *   collide; the comparison runs only on hits), and case-sensitive entries
 *   by comparing the surface bytes. The table's value is the offset of the
 *   term's record, which holds the folded form and the entries with their
 *   families: one slot and one record per hit, as few cache misses as the
 *   layout allows (that, not instructions, is what a token costs).
 * - Longest match wins per family: per start token we remember, for each
 *   family, the longest term with an entry of that family, and a family's
 *   match hides that family's matches starting inside it (leftmost-longest,
 *   greedy). Families are independent, so "peace treaty" (frame) does not
 *   hide "peace" (tone).
 * - Wildcards: stem lengths are a bit set; walking the token's folded bytes
 *   once, the FNV state at each set length keys a lookup in `stems`. Only
 *   families that found no exact match at this token consult them, and the
 *   longest stem wins.
 * - Candidates first: 64 tokens at a time, a loop with no branch on the
 *   token sets one bit per token that may start a match: its hash may be a
 *   one-token term (a 32 KiB bit filter), or its pair with the next
 *   token may start a longer term (an 8 KiB bit filter over the keys of
 *   three tokens or more and a cheaper mix of every two-token prefix), or its first min(shortest stem, 4) bytes are
 *   those of some stem (a 4 Kibit gate; 1.4% of news tokens pass it).
 *   Only those tokens are visited: a quarter of news tokens instead of
 *   half ("the", "of" and "," start longer terms, seldom continued). As a
 *   branch per token, each "is this a lexicon word?" was a coin toss the
 *   CPU mispredicted: 1.9 mispredictions per token before, 0.6 after
 *   (cachegrind's count).
 * Results are emitted by start token, then family, then entry index, which
 * is the documented order, so no sort is needed. Nothing is allocated per
 * token: the caller's slant_matches grows only when it is too small.
 */
#include "slant/match.h"

#include <stdlib.h>
#include <string.h>

#include "lexindex.h"

void slant_matches_init(slant_matches *m) {
    m->items = NULL;
    m->n = m->cap = 0;
}

void slant_matches_free(slant_matches *m) {
    free(m->items);
    slant_matches_init(m);
}

static void grow_matches(slant_matches *m) {
    m->cap = m->cap ? m->cap * 2 : 64;
    m->items = slant_xrealloc(m->items, m->cap * sizeof *m->items);
}

static inline void push(slant_matches *m, size_t b, size_t e, uint32_t entry) {
    if (m->n == m->cap) grow_matches(m);
    slant_match *x = &m->items[m->n++];
    x->tok_begin = (uint32_t)b;
    x->tok_end = (uint32_t)e;
    x->entry = entry;
}

/* Does the term's folded form equal tokens [i, i+k)'s forms joined by ' '? */
static int norm_equal(const lex_term *t, const slant_doc *d, size_t i, size_t k) {
    const char *norm = lex_term_norm(t);
    size_t pos = 0;
    for (size_t j = 0; j < k; j++) {
        const slant_token *tok = &d->toks[i + j];
        if (j) {
            if (pos >= t->norm_len || norm[pos] != ' ') return 0;
            pos++;
        }
        if (pos + tok->norm_len > t->norm_len ||
            memcmp(norm + pos, slant_tok_norm(d, tok), tok->norm_len) != 0)
            return 0;
        pos += tok->norm_len;
    }
    return pos == t->norm_len;
}

/* Case-sensitive entries: every token's surface must equal the term's. For
 * a wildcard (prefix), the first token need only start with the stem. */
static int surface_equal(const lex_case_form *cf, const slant_doc *d, size_t i, size_t k,
                         int prefix) {
    size_t pos = 0;
    for (size_t j = 0; j < k; j++) {
        const slant_token *tok = &d->toks[i + j];
        size_t len = tok->end - tok->start;
        if (prefix ? len < cf->len[j] : len != cf->len[j]) return 0;
        if (memcmp(cf->bytes + pos, d->text + tok->start, cf->len[j]) != 0) return 0;
        pos += cf->len[j];
    }
    return 1;
}

static int entry_applies(const lex_index *ix, uint32_t entry, const slant_doc *d, size_t i,
                         size_t k, int prefix) {
    const lex_case_form *cf = ix->case_forms[entry];
    return !cf || surface_equal(cf, d, i, k, prefix);
}

/* Families of the term that have at least one entry applying here. */
static uint16_t families_applying(const lex_index *ix, const lex_term *t,
                                  const slant_doc *d, size_t i, size_t k, int prefix) {
    if (!t->any_case) return t->families;
    uint16_t fams = 0;
    for (uint32_t j = 0; j < t->count; j++) {
        const lex_term_entry *te = &t->entries[j];
        if (entry_applies(ix, te->entry, d, i, k, prefix)) fams |= (uint16_t)(1u << te->family);
    }
    return fams;
}

/* Emit the term's entries of family f that apply; a case-sensitive entry
 * that applies hides a caseless entry of the same category. */
static void emit_family(const lex_index *ix, const lex_term *t, int f,
                        const slant_doc *d, size_t i, size_t k, int prefix, slant_matches *m) {
    const lex_term_entry *list = t->entries;
    if (!t->any_case) { /* the common case: the family's run of the sorted list */
        for (uint32_t j = 0; j < t->count; j++) {
            uint8_t fam = list[j].family;
            if (fam > f) break;
            if (fam == f) push(m, i, i + (prefix ? 1 : k), list[j].entry);
        }
        return;
    }
    for (uint32_t j = 0; j < t->count; j++) {
        if (list[j].family != f) continue;
        const slant_entry *e = &ix->entries[list[j].entry];
        if (!entry_applies(ix, list[j].entry, d, i, k, prefix)) continue;
        if (!(e->flags & SLANT_EF_CASE)) {
            int hidden = 0;
            for (uint32_t q = 0; q < t->count && !hidden; q++) {
                const slant_entry *o = &ix->entries[list[q].entry];
                hidden = (o->flags & SLANT_EF_CASE) && o->category == e->category &&
                         entry_applies(ix, list[q].entry, d, i, k, prefix);
            }
            if (hidden) continue;
        }
        push(m, i, i + (prefix ? 1 : k), list[j].entry);
    }
}

/* May token t start a match? *pair: it may start a longer term with the
 * next token (hash nh, when has_next); *key: that, or it may be a one-token
 * term; *stem: its first bytes pass the stem gate. Arithmetic only: no
 * branch depends on the token. */
static inline void candidate_bits(const lex_index *ix, const slant_doc *d, const slant_token *t,
                                  uint64_t nh, uint64_t has_next, uint64_t *key, uint64_t *pair,
                                  uint64_t *stem) {
    static const unsigned char zeros[4];
    *pair = has_next & (uint64_t)lex_pair_maybe(ix->seq_filter, t->hash, nh);
    *key = (uint64_t)lex_term_maybe(ix->term_filter, t->hash) | *pair;
    /* a token shorter than every stem needs no length test: its NUL (or
     * the zeros) makes its word differ from every stem's, bar a gate
     * collision, which only costs a visit */
    const unsigned char *p = (const unsigned char *)slant_tok_norm(d, t);
    const unsigned char *pq[2] = {zeros, p}; /* an index, not a branch */
    unsigned g = lex_stem_gate(lex_stem_word(p, pq[t->norm_len >= 3]) & ix->stem_gate_mask);
    *stem = ix->stem_gate[g >> 6] >> (g & 63) & 1;
}

/* Bit k of *keys / *pairs / *stems: candidate_bits of token b + k, for
 * the n <= 64 tokens [b, b + n) of a range ending at tok_end. The caller
 * visits only the set bits. */
static void candidates(const lex_index *ix, const slant_doc *d, size_t b, size_t n,
                       size_t tok_end, uint64_t *keys, uint64_t *pairs, uint64_t *stems) {
    const slant_token *t = d->toks + b;
    size_t with_next = b + n < tok_end ? n : n - 1; /* the range's last token has none */
    uint64_t k_bits = 0, p_bits = 0, s_bits = 0, key, pair, stem;
    for (size_t k = 0; k < with_next; k++) {
        candidate_bits(ix, d, &t[k], t[k + 1].hash, 1, &key, &pair, &stem);
        k_bits |= key << k;
        p_bits |= pair << k;
        s_bits |= stem << k;
    }
    if (with_next < n) {
        candidate_bits(ix, d, &t[n - 1], 0, 0, &key, &pair, &stem);
        k_bits |= key << (n - 1);
        s_bits |= stem << (n - 1);
    }
    *keys = k_bits;
    *pairs = p_bits;
    *stems = s_bits;
}

/* Where each family may match again: a family's match hides that family's
 * matches starting inside it. */
struct family_gate {
    size_t next[SLANT_FAM_COUNT]; /* family f may match again from token next[f] on */
    size_t horizon;               /* max of next[]: past it every family is open */
};

static inline void close_family(struct family_gate *fg, int f, size_t until) {
    fg->next[f] = until;
    if (until > fg->horizon) fg->horizon = until;
}

/* Every match starting at token i (a candidate: first is its one-token
 * key's value in `seq`, 0 when it has none; pair says its two-token key
 * passed the sequence filter, so a longer term may start here; stem says
 * its first bytes passed the stem gate). */
static inline void match_at(const lex_index *ix, const slant_doc *d, size_t i, size_t tok_end,
                            uint32_t first, int pair, int stem, struct family_gate *fg,
                            slant_matches *m) {
    const slant_token *toks = d->toks;
    /* Most candidates are a caseless one-token term that starts nothing
     * longer here, with no stem to try and every family open: its entries
     * are the matches, with none of the per-family bookkeeping below. */
    if ((first & LEX_SEQ_TERM_MASK) && !(pair && (first & LEX_SEQ_PREFIX)) && !stem && i >= fg->horizon) {
        const lex_term *t = lex_term_at(ix, (first & LEX_SEQ_TERM_MASK) - 1);
        if (t->ntoks == 1 && !t->any_case && norm_equal(t, d, i, 1)) {
            for (uint32_t j = 0; j < t->count; j++) push(m, i, i + 1, t->entries[j].entry);
            for (unsigned bits = t->families; bits; bits &= bits - 1) fg->next[__builtin_ctz(bits)] = i + 1;
            if (t->families) fg->horizon = i + 1;
            return;
        }
    }
    const uint16_t all = (uint16_t)((1u << SLANT_FAM_COUNT) - 1);
    uint16_t open = all;
    if (i < fg->horizon) {
        for (int f = 0; f < SLANT_FAM_COUNT; f++)
            if (fg->next[f] > i) open &= (uint16_t)~(1u << f);
        if (!open) return;
    }

    uint32_t best_term[SLANT_FAM_COUNT]; /* term offsets */
    uint8_t best_len[SLANT_FAM_COUNT];
    uint16_t found = 0;
    uint32_t sole = 0; /* the term that found every family so far, unless mixed */
    int mixed = 0;
    if (first) {
        uint64_t h = toks[i].hash;
        uint32_t val = first;
        const uint32_t *v;
        for (size_t k = 1;; k++) {
            uint32_t term = val & LEX_SEQ_TERM_MASK;
            if (term) {
                const lex_term *t = lex_term_at(ix, term - 1);
                if (t->ntoks == k && (t->families & open) && norm_equal(t, d, i, k)) {
                    uint16_t fams = families_applying(ix, t, d, i, k, 0) & open;
                    if (fams && found && term - 1 != sole) mixed = 1;
                    if (fams && !found) sole = term - 1;
                    for (unsigned bits = fams; bits; bits &= bits - 1) {
                        int f = __builtin_ctz(bits);
                        best_term[f] = term - 1;
                        best_len[f] = (uint8_t)k;
                    }
                    found |= fams;
                }
            }
            /* pair first: most candidates are one-token terms that start
             * nothing longer, and it is seldom set (a predictable break) */
            if (!pair || !(val & LEX_SEQ_PREFIX) || k >= SLANT_LEX_MAX_TOKENS || i + k >= tok_end ||
                !lex_cont_maybe(ix->cont_filter, toks[i + k].hash))
                break;
            h = slant_hash_combine(h, toks[i + k].hash);
            /* (the two-token prefix passed the filter as pair) */
            if (k > 1 && !lex_seq_maybe(ix->seq_filter, h)) break;
            v = slant_u64map_get(ix->seq, h);
            if (!v) break;
            val = *v;
        }
    }

    uint32_t best_stem[SLANT_FAM_COUNT]; /* term offsets */
    uint16_t stem_found = 0;
    uint16_t want = open & (uint16_t)~found;
    if (stem && want) {
        const unsigned char *p = (const unsigned char *)slant_tok_norm(d, &toks[i]);
        size_t n = toks[i].norm_len < ix->stem_max_len ? toks[i].norm_len : ix->stem_max_len;
        uint64_t h = LEX_STEM_INIT;
        for (size_t L = 1; L <= n; L++) {
            h = lex_stem_step(h, p[L - 1]);
            if (!(ix->stem_len_bits[L >> 6] & (1ULL << (L & 63)))) continue;
            uint64_t skey = lex_stem_key(h, L);
            if (!lex_seq_maybe(ix->seq_filter, skey)) continue;
            const uint32_t *sv = slant_u64map_get(ix->stems, skey);
            if (!sv) continue;
            const lex_term *t = lex_term_at(ix, *sv - 1);
            if (t->norm_len != L || !(t->families & want) || memcmp(lex_term_norm(t), p, L) != 0)
                continue;
            uint16_t fams = families_applying(ix, t, d, i, 1, 1) & want;
            for (unsigned bits = fams; bits; bits &= bits - 1) best_stem[__builtin_ctz(bits)] = *sv - 1;
            stem_found |= fams;
        }
    }

    if (found && !stem_found && !mixed && !lex_term_at(ix, sole)->any_case) {
        /* the common case, one term for every family found here: one walk
         * over its (family, entry)-sorted list emits in the same order as
         * the per-family calls below */
        const lex_term *t = lex_term_at(ix, sole);
        const lex_term_entry *list = t->entries;
        for (uint32_t j = 0; j < t->count; j++)
            if (found >> list[j].family & 1) push(m, i, i + t->ntoks, list[j].entry);
        for (unsigned bits = found; bits; bits &= bits - 1) close_family(fg, __builtin_ctz(bits), i + t->ntoks);
        return;
    }
    for (unsigned bits = found | stem_found; bits; bits &= bits - 1) {
        int f = __builtin_ctz(bits);
        if (found & (1u << f)) {
            emit_family(ix, lex_term_at(ix, best_term[f]), f, d, i, best_len[f], 0, m);
            close_family(fg, f, i + best_len[f]);
        } else {
            emit_family(ix, lex_term_at(ix, best_stem[f]), f, d, i, 1, 1, m);
            close_family(fg, f, i + 1);
        }
    }
}

void slant_match_range(const slant_lexset *s, const slant_doc *d, size_t tok_begin,
                       size_t tok_end, slant_matches *m) {
    const lex_index *ix = slant_lexset_index(s);
    m->n = 0;
    if (!ix->seq || tok_end > d->ntoks) tok_end = ix->seq ? d->ntoks : tok_begin;
    struct family_gate fg = {{0}, 0};
    for (size_t b = tok_begin; b < tok_end; b += 64) {
        uint64_t keys, pairs, stems;
        candidates(ix, d, b, tok_end - b < 64 ? tok_end - b : 64, tok_end, &keys, &pairs, &stems);
        /* the candidates' table slots and term records, looked up apart
         * from the branchy matching so that their cache misses overlap
         * instead of coming one after the other (with the aggregator's
         * tables, the lexicon index is seldom all in cache) */
        uint32_t first[64];
        for (uint64_t visit = keys; visit; visit &= visit - 1) {
            unsigned k = (unsigned)__builtin_ctzll(visit);
            const uint32_t *v = slant_u64map_get(ix->seq, d->toks[b + k].hash);
            first[k] = v ? *v : 0;
            __builtin_prefetch(ix->recs + (first[k] & LEX_SEQ_TERM_MASK));
        }
        for (uint64_t visit = keys | stems; visit; visit &= visit - 1) {
            unsigned k = (unsigned)__builtin_ctzll(visit);
            match_at(ix, d, b + k, tok_end, keys >> k & 1 ? first[k] : 0, (int)(pairs >> k & 1),
                     (int)(stems >> k & 1), &fg, m);
        }
    }
}
