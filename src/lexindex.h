/*
 * lexindex.h - PRIVATE to lexicon.c (which builds it) and match.c (which
 * reads it): the matching index of a finished slant_lexset. Not installed.
 *
 * Layout (the "why" is at the top of match.c):
 *   seq    u64map: rolling hash of a token-hash sequence -> LEX_SEQ_PREFIX
 *          (some longer term continues this sequence) | term offset + 1
 *          (a complete term ends here; 0 = none). A one-token key is the
 *          token's own hash, so a document token costs one lookup.
 *   recs   one record per distinct matching form (lex_term): its header,
 *          its entries sorted by (family, entry index) so results come out
 *          in order, then its folded bytes. A term's "offset" is where its
 *          record starts in recs (in uint32_t units), so a matched token
 *          reads one table slot and one record, not four scattered arrays.
 *   stems  wildcard stems keyed by lex_stem_key of their folded bytes ->
 *          term offset + 1; stem_len_bits has bit L set when some stem is L
 *          bytes long; stem_gate answers "no stem starts like this token"
 *          from the token's first bytes.
 */
#ifndef SLANT_LEXINDEX_H
#define SLANT_LEXINDEX_H

#include <stdint.h>
#include <string.h>

#include "slant/lexicon.h"

#define LEX_SEQ_PREFIX 0x80000000u
#define LEX_SEQ_TERM_MASK 0x7fffffffu
#define LEX_STEM_MAX 255
#define LEX_STEM_INIT 0xcbf29ce484222325ULL
#define LEX_TERM_FILTER_BITS 18
#define LEX_SEQ_FILTER_BITS 16
#define LEX_STEM_GATE_BITS 12
#define LEX_CONT_FILTER_BITS 16

static inline int lex_term_maybe(const uint64_t *filter, uint64_t tokhash) {
    uint64_t bit = tokhash >> (64 - LEX_TERM_FILTER_BITS);
    return (int)(filter[bit >> 6] >> (bit & 63) & 1);
}
static inline int lex_seq_maybe(const uint64_t *filter, uint64_t h) {
    uint64_t bit = h >> (64 - LEX_SEQ_FILTER_BITS);
    return (int)(filter[bit >> 6] >> (bit & 63) & 1);
}
/* The seq_filter bit of a two-token prefix (token hashes h1, h2): not its
 * rolling key's bit but a cheaper mix of the two (a multiply and an xor),
 * because the matcher asks it of every token and its successor. */
static inline uint64_t lex_pair_bit(uint64_t h1, uint64_t h2) {
    return (h1 ^ h2 * 0x9e3779b97f4a7c15ULL) >> (64 - LEX_SEQ_FILTER_BITS);
}
static inline int lex_pair_maybe(const uint64_t *filter, uint64_t h1, uint64_t h2) {
    uint64_t bit = lex_pair_bit(h1, h2);
    return (int)(filter[bit >> 6] >> (bit & 63) & 1);
}
static inline int lex_cont_maybe(const uint64_t *filter, uint64_t tokhash) {
    uint64_t bit = tokhash >> (64 - LEX_CONT_FILTER_BITS);
    return (int)(filter[bit >> 6] >> (bit & 63) & 1);
}

/* Surface form of a case-sensitive entry: the term's token bytes. */
typedef struct lex_case_form {
    const char *bytes; /* token surfaces concatenated */
    uint16_t len[SLANT_LEX_MAX_TOKENS];
} lex_case_form;

/* One entry of a term, with its family copied from the slant_entry so the
 * matcher's per-family walk never touches the (large) entry array. */
typedef struct lex_term_entry {
    uint32_t entry;
    uint8_t family;
} lex_term_entry;

/* A distinct matching form (folded tokens joined by ' '; for a wildcard,
 * the folded stem) with every entry that has it. Variable length: the
 * entries follow the header, then norm_len bytes of the form. */
typedef struct lex_term {
    uint32_t norm_len;
    uint32_t count;        /* entries */
    uint16_t families;     /* bit f set when an entry of family f is here */
    uint8_t ntoks;
    uint8_t any_case;      /* some entry needs the surface check */
    lex_term_entry entries[];
} lex_term;

typedef struct lex_index {
    slant_u64map *seq;
    slant_u64map *stems;
    uint32_t *recs; /* lex_term records, back to back (uint32_t keeps them aligned) */
    size_t nterms, nstems;
    uint64_t stem_len_bits[4];
    uint32_t stem_max_len;  /* no need to walk a token's bytes past this */
    uint32_t stem_min_len;  /* shortest stem: shorter tokens start none */
    /* bit lex_stem_gate(first bytes) of every stem: the matcher walks a
     * token's bytes only when its first min(shortest stem, 4) bytes are
     * those of some stem (1.4% of news tokens) */
    uint32_t stem_gate_mask; /* the gate's bytes of lex_stem_word */
    uint64_t stem_gate[1u << LEX_STEM_GATE_BITS >> 6];
    const slant_entry *entries; /* the set's entries (valid after finish) */
    /* one bit per one-token term (top LEX_TERM_FILTER_BITS bits of its
     * hash, 32 KiB): half of news tokens are no term */
    uint64_t *term_filter;
    /* one bit per key of three or more tokens and per stem key (top
     * LEX_SEQ_FILTER_BITS bits, 8 KiB), and per two-token prefix
     * (lex_pair_bit of its token hashes): a token starts a longer term only
     * if its pair with the next token is here, and most extensions of a
     * prefix lead nowhere: this spares them the table probe. A quarter of
     * news tokens ("the", "of", ",") start longer terms, seldom continued. */
    uint64_t seq_filter[(1u << LEX_SEQ_FILTER_BITS) / 64];
    /* one bit per token hash (top LEX_CONT_FILTER_BITS bits) of every token
     * after the first of a multi-word term: a document token that is none
     * of them cannot extend a sequence, and this 8 KiB answer spares the
     * rolling hash and the seq_filter read (60% of extensions on news) */
    uint64_t cont_filter[(1u << LEX_CONT_FILTER_BITS) / 64];
    const lex_case_form **case_forms; /* per entry, NULL unless SLANT_EF_CASE */
} lex_index;

static inline const lex_term *lex_term_at(const lex_index *ix, uint32_t offset) {
    return (const lex_term *)(const void *)(ix->recs + offset);
}
static inline const char *lex_term_norm(const lex_term *t) {
    return (const char *)(t->entries + t->count);
}

const lex_index *slant_lexset_index(const slant_lexset *s);

/* FNV-1a over the stem's bytes, one byte at a time, so match.c can key every
 * prefix length of a token in one pass over its bytes. */
static inline uint64_t lex_stem_step(uint64_t h, unsigned char c) {
    return (h ^ c) * 0x100000001b3ULL;
}
static inline uint64_t lex_stem_key(uint64_t state, size_t len) {
    return slant_hash_combine(state, (uint64_t)len);
}

/* The stem gate's view of a folded form: its first four bytes as one
 * word (then masked to stem_gate_mask, made with this same function, so
 * the byte order is the host's on both sides). Bytes 0-1 come from p,
 * always readable (a form has at least one byte and its NUL); bytes 2-3
 * from q, which the matcher points at the form only when it has 3 bytes or
 * more (else at zeros), so nothing past a form's NUL is read and no branch
 * is taken. Two 2-byte loads: the matcher does this for every token. */
static inline uint32_t lex_stem_word(const unsigned char *p, const unsigned char *q) {
    unsigned char b[4];
    uint32_t w;
    memcpy(b, p, 2);
    memcpy(b + 2, q + 2, 2);
    memcpy(&w, b, 4);
    return w;
}
/* Gate bit of a masked stem word (Fibonacci hashing: times a 64-bit odd
 * constant, top bits). */
static inline unsigned lex_stem_gate(uint32_t word) {
    return (unsigned)(((uint64_t)word * 0x9e3779b97f4a7c15ULL) >> (64 - LEX_STEM_GATE_BITS));
}

#endif
