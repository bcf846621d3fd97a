/* hashmix.h - the building blocks of slant_hash_bytes, private to util.c
 * (which defines the hash) and text.c (which computes the same hash inline
 * while it writes each token's matching form). One definition, so the two
 * can never drift apart; test_text still checks every token against
 * slant_hash_bytes.
 *
 * The hash: h starts as SEED ^ length; each 16-byte block (the last one
 * zero-padded; an empty string is one zero block) becomes
 * h = mum(first 8 bytes ^ K1 ^ h, last 8 bytes ^ K2), little-endian, where
 * mum is the 64x64->128-bit multiply with its halves xored (wyhash's mix).
 * A token shorter than 17 bytes costs one multiply, not one per byte. K2's
 * top byte is 0xFF, which never occurs in UTF-8, so the second factor of
 * text is never zero. Hashes live only in memory: nothing stores or prints
 * them. */
#ifndef SLANT_HASHMIX_H
#define SLANT_HASHMIX_H

#include <stdint.h>
#include <string.h>

#define SLANT_HASH_SEED 0x243f6a8885a308d3ULL /* pi */
#define SLANT_HASH_K1 0x9e3779b97f4a7c15ULL   /* golden ratio */
#define SLANT_HASH_K2 0xff51afd7ed558ccdULL   /* murmur3's fmix constant */

static inline uint64_t slant_hash_mum(uint64_t a, uint64_t b) {
    __extension__ typedef unsigned __int128 u128;
    u128 r = (u128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t slant_load_le64(const void *s) {
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

#endif
