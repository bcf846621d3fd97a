/*
 * match.h - finding lexicon entries in a tokenized document.
 *
 * One pass over the tokens. For each token, one lookup of its precomputed
 * hash finds every term starting there; multi-word terms are found by
 * extending a rolling hash of token hashes through a table of term prefixes
 * (stop as soon as no term has that prefix), so nothing is rescanned.
 * Longest match wins independently per family (so "peace treaty" as a frame
 * term does not hide "peace" as a tone term), and an exact entry beats a
 * wildcard in the same family. Wildcards are looked up by hashing the
 * token's folded prefixes of each length that some wildcard has (a bit set
 * of stem lengths), never by scanning the wildcard list.
 */
#ifndef SLANT_MATCH_H
#define SLANT_MATCH_H

#include "slant/lexicon.h"
#include "slant/text.h"

typedef struct slant_match {
    uint32_t tok_begin, tok_end; /* token range of the match */
    uint32_t entry;              /* slant_lexset_entry index */
} slant_match;

/* Caller-owned growable list, reused across documents. */
typedef struct slant_matches {
    slant_match *items;
    size_t n, cap;
} slant_matches;

void slant_matches_init(slant_matches *m);
void slant_matches_free(slant_matches *m);

/* Find all matches in tokens [tok_begin, tok_end) of d, replacing m's
 * contents; results are sorted by tok_begin, then family, then entry. The
 * set must be finished. Matches never cross a sentence boundary when the
 * range is one sentence. */
void slant_match_range(const slant_lexset *s, const slant_doc *d, size_t tok_begin,
                       size_t tok_end, slant_matches *m);

#endif
