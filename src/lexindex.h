/*
 * lexindex.h - PRIVATE to lexicon.c (which builds it) and match.c (which
 * reads it): the matching index of a finished slant_lexset. Not installed.
 *
 * Layout (the "why" is at the top of match.c):
 *   seq    u64map: rolling hash of a token-hash sequence -> LEX_SEQ_PREFIX
 *          (some longer term continues this sequence) | term index + 1
 *          (a complete term ends here; 0 = none). A one-token key is the
 *          token's own hash, so a document token costs one lookup.
 *   terms  distinct matching forms; each lists its entries sorted by
 *          (family, entry index) so results come out in order.
 *   stems  wildcard stems keyed by lex_stem_key of their folded bytes;
 *          stem_len_bits has bit L set when some stem is L bytes long.
 */
#ifndef SLANT_LEXINDEX_H
#define SLANT_LEXINDEX_H

#include <stdint.h>

#include "slant/lexicon.h"

#define LEX_SEQ_PREFIX 0x80000000u
#define LEX_SEQ_TERM_MASK 0x7fffffffu
#define LEX_STEM_MAX 255
#define LEX_STEM_INIT 0xcbf29ce484222325ULL
#define LEX_SEQ_FILTER_BITS 19

static inline int lex_seq_maybe(const uint64_t *filter, uint64_t h) {
    uint64_t bit = h >> (64 - LEX_SEQ_FILTER_BITS);
    return (int)(filter[bit >> 6] >> (bit & 63) & 1);
}

/* Surface form of a case-sensitive entry: the term's token bytes. */
typedef struct lex_case_form {
    const char *bytes; /* token surfaces concatenated */
    uint16_t len[SLANT_LEX_MAX_TOKENS];
} lex_case_form;

typedef struct lex_term {
    const char *norm; /* tokens' folded forms joined by ' ' (stems: the folded stem) */
    uint32_t norm_len;
    uint32_t first, count; /* range in lex_index.term_entries */
    uint16_t families;     /* bit f set when an entry of family f is here */
    uint8_t ntoks;
    uint8_t any_case;      /* some entry needs the surface check */
} lex_term;

typedef struct lex_index {
    slant_u64map *seq;
    lex_term *terms;
    size_t nterms;
    slant_u64map *stems;
    lex_term *stem_terms;
    size_t nstems;
    uint32_t *term_entries; /* entries of terms, then of stem_terms */
    uint64_t stem_len_bits[4];
    uint32_t stem_max_len; /* no need to walk a token's bytes past this */
    /* cheap filters before any stem lookup: first byte of one-byte stems,
     * first two bytes of longer stems (8 KiB, stays in L1) */
    uint64_t stem_first1[4];
    uint64_t stem_first2[1024];
    const slant_entry *entries; /* the set's entries (valid after finish) */
    /* one bit per key of `seq`, indexed by the hash's top LEX_SEQ_FILTER_BITS
     * bits: most document tokens start no term and most extensions of a
     * prefix lead nowhere, and this 64 KiB answer (cache-resident) spares
     * them the table probe */
    uint64_t *seq_filter;
    const lex_case_form **case_forms; /* per entry, NULL unless SLANT_EF_CASE */
} lex_index;

const lex_index *slant_lexset_index(const slant_lexset *s);

/* FNV-1a over the stem's bytes, one byte at a time, so match.c can key every
 * prefix length of a token in one pass over its bytes. */
static inline uint64_t lex_stem_step(uint64_t h, unsigned char c) {
    return (h ^ c) * 0x100000001b3ULL;
}
static inline uint64_t lex_stem_key(uint64_t state, size_t len) {
    return slant_hash_combine(state, (uint64_t)len);
}

#endif
