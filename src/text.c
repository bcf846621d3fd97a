/*
 * text.c - UTF-8 validation, tokens and sentences of one document.
 *
 * Owns: slant_utf8_*, slant_doc_* (tokens, matching forms, sentences,
 * paragraphs) and slant_fold. Quotations are quote.c's job.
 *
 * Key decision: one forward pass over the bytes, then one over the sentence
 * events of the tokens. The bytes are classified 64 at a time into bit masks
 * (letter/digit, blank) and the tokenizer walks the bits where a token may
 * start (tokenize_blocks), so finding the next token never waits for the
 * previous one; the common tokens (a plain ASCII word, an ASCII mark, a
 * curly quote or dash, a line break) are read right there, everything else
 * by the scalar step (tokenize_one: an ASCII class table, utf8proc
 * categories only for non-ASCII code points), which also reads the last 80
 * bytes. A test checks that both paths give the same tokens. Sentences are
 * split by visiting only the tokens whose aux bits can start or end one
 * (a bit mask again). Every array lives in the slant_doc and keeps its
 * capacity between documents, so there is no allocation per token. The
 * matching form of an ASCII token is its lowercase copy; a plain word (ASCII
 * letters and digits, under 16 bytes) is classified, lowercased, stored and
 * hashed 16 bytes at a time (classify16: SSE2, or SWAR where there is none),
 * anything subtler goes through the byte-wise scan_word. Latin, Greek and
 * Cyrillic letters fold through a table built once from utf8proc; anything
 * else goes through utf8proc (NFKC + case fold) in a doc-owned scratch
 * buffer. Per-process tables (code point kinds below U+0800, simple folds,
 * abbreviations, the block tokenizer's byte tables) are built once with
 * pthread_once, so threads may analyze different documents at the same
 * time.
 *
 * Token rules (tokenizer grammar, tested as tables in tests/unit/test_text.c):
 *  - A WORD starts at a letter or mark of any script (utf8proc category L*,
 *    M*, Nl, No) and runs over letters, marks and digits (G20). It keeps an
 *    internal apostrophe (' ’ ʼ) or hyphen (- U+2010 U+2011) when a letter
 *    (for hyphens: a letter or digit) follows: Japan's, Japan’s, don't,
 *    Moscow-Beijing, Park Geun-hye. En and em dashes always split
 *    (Islands—an).
 *  - Dotted acronyms keep their dots: U.S., U.K., e.g., a.m.; and go on
 *    through a hyphen or apostrophe: U.S.-Japan, U.S.’s.
 *  - A word from the abbreviation table below (Mr, Messrs, Dr, Gen, St, Jan,
 *    Dec, etc, Inc, ...; case-sensitive) or a single capital letter (an
 *    initial) takes the following '.' into the token, flagged ABBREV. "No"
 *    does so only before a number (No. 5).
 *  - A NUMBER starts at a digit, or at a currency sign followed by a digit
 *    ($1, €20), and keeps: digits, ",ddd" groups (1,000), a decimal ".d"
 *    (17.5), attached letters (1980s, 3rd), an internal hyphen (20-year-old)
 *    and a final % (25%). "$1 billion" is "$1" then "billion".
 *  - Everything else is one code point per token: PUNCT (. , ; : ! ? brackets,
 *    dashes, …), QUOTE (" “ ” „ « » ' ‘ ’ not inside a word; quote.c later
 *    turns apostrophes such as the one in "countries’ relations" into PUNCT),
 *    SYMBOL (emoji, $, &, #, ...; combining marks stay with their symbol).
 *    So ":)" is ":" then ")", in a lexicon and in text alike.
 *  - Whitespace separates tokens: Unicode spaces, C0 controls (NUL included),
 *    a BOM or zero-width space anywhere, bidi marks. Invalid UTF-8 (callers
 *    should validate first) becomes a one-byte SYMBOL whose form is U+FFFD.
 *
 * Matching form (doc->norm, hashed once with slant_hash_bytes): apostrophes
 * and single quotes (’ ‘ ‛ ʼ ‚ ‹ ›) become ', double quotes (“ ” „ ‟ « »)
 * become ", every dash (category Pd, and U+2212 minus) becomes -, then NFKC
 * with case folding and default-ignorables removed (soft hyphen, ZWJ).
 *
 * Sentence rules:
 *  - A blank line (two line breaks with only spaces between; U+2029) is a
 *    paragraph break; a sentence never spans one.
 *  - . ! ? … (and their fullwidth/CJK forms) end a sentence together with the
 *    terminals, closing quotes and closing brackets attached to them without
 *    a space ('."' '?”' '.)'). No break when the next token is a lowercase
 *    word ('"Why?" he asked'; '... and then') or , ; : ) - .
 *  - An abbreviation ends a sentence only when what follows says so: a title
 *    (Mr., Dr., Gen., St., Messrs.) never; a month (Dec.) unless a number or
 *    a lowercase word follows; anything else (U.S., etc., initials) when a
 *    line break, the end, a quotation mark or a typical sentence opener (The,
 *    He, In, But, ...) follows. So "J. R. R. Tolkien" and "the U.S. Congress"
 *    stay one sentence, "in the U.S. The talks" are two.
 *  - A line break ends a sentence when the line has no final punctuation
 *    (headlines, captions, "Military value") unless the line ends with , ; :
 *    a dash or a function word (the, of, with, ...), or the next line starts
 *    with a lowercase word (hard-wrapped text). Such sentences are flagged
 *    `headline`.
 * Limits: no sentence splitting inside CJK text without spaces beyond 。！？;
 * "World War I. it" keeps "I." as an initial; an abbreviation followed by a
 * capitalized name that starts a new sentence ("in the U.S. Trump said") is
 * not split; no language-specific abbreviation lists beyond English; one
 * text is at most SLANT_TEXT_MAX (1 GiB) so every offset fits 32 bits.
 */
#include "slant/text.h"
#include "hashmix.h" /* the token hash is slant_hash_bytes, computed inline */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__) && !defined(SLANT_NO_SIMD)
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------------ */
/* UTF-8                                                              */

/* Length of the valid sequence at s[0..n) (1-4), or the negated length of
 * its longest invalid-but-started prefix (at least 1), so sanitizing replaces
 * each maximal ill-formed subpart with one U+FFFD (Unicode's recommended
 * practice). */
static inline int utf8_seq(const unsigned char *s, size_t n, int32_t *cp) {
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    unsigned char lo = 0x80, hi = 0xBF;
    int32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;      /* overlong */
        else if (c == 0xED) hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        if (c == 0xF0) lo = 0x90;      /* overlong */
        else if (c == 0xF4) hi = 0x8F; /* > U+10FFFF */
    } else {
        return -1;
    }
    for (int k = 1; k < len; k++) {
        if ((size_t)k >= n) return -k;
        unsigned char b = s[k];
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return -k;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return len;
}

/* nonul: a NUL byte fails too (with *bad at it), so ingest checks both in
 * one pass over the text. */
static inline int utf8_validate_from(const unsigned char *s, size_t n, size_t i, size_t *bad, int nonul) {
    while (i < n) {
        /* ASCII fast path: 16 bytes at a time (SSE2's movemask gathers the
         * high bits, and those of a compare with zero), then 8; both skip
         * straight to the first byte that stops them (news text has a
         * curly quote every few hundred bytes) */
#if defined(__SSE2__) && !defined(SLANT_NO_SIMD)
        while (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (nonul) v = _mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()));
            unsigned stop = (unsigned)_mm_movemask_epi8(v);
            if (stop) {
                i += (unsigned)__builtin_ctz(stop);
                goto slow;
            }
            i += 16;
        }
#endif
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t stop = w & 0x8080808080808080ULL;
            /* a zero byte: (w - 0x01..) & ~w has its 0x80 bit set (exact
             * for the first zero, which is all that is needed to stop;
             * little-endian: the lowest set bit is the first byte) */
            if (nonul) stop |= (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
            if (stop) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                i += (unsigned)__builtin_ctzll(stop) >> 3;
#endif
                goto slow;
            }
            i += 8;
        }
        if (i >= n) break;
    slow:
        if (s[i] < 0x80) {
            if (nonul && s[i] == 0) {
                if (bad) *bad = i;
                return -1;
            }
            i++;
            continue;
        }
        int32_t cp;
        int l = utf8_seq(s + i, n - i, &cp);
        if (l < 0) {
            if (bad) *bad = i;
            return -1;
        }
        i += (size_t)l;
    }
    return 0;
}

int slant_utf8_validate(const char *s, size_t n, size_t *bad_offset) {
    return utf8_validate_from((const unsigned char *)s, n, 0, bad_offset, 0);
}

int slant_utf8_validate_text(const char *s, size_t n, size_t *bad_offset) {
    return utf8_validate_from((const unsigned char *)s, n, 0, bad_offset, 1);
}

size_t slant_utf8_sanitize(const char *s, size_t n, slant_buf *out) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, done = 0, replaced = 0;
    slant_buf_reserve(out, n);
    while (i < n) {
        size_t bad;
        if (utf8_validate_from(u, n, i, &bad, 0) == 0) break;
        slant_buf_append(out, s + done, bad - done);
        int32_t cp;
        int l = utf8_seq(u + bad, n - bad, &cp);
        slant_buf_append(out, "\xEF\xBF\xBD", 3);
        replaced++;
        i = bad + (size_t)(l < 0 ? -l : 1);
        done = i;
    }
    slant_buf_append(out, s + done, n - done);
    return replaced;
}

int slant_utf8_check(const char *s, size_t n, const char *file, slant_error *err) {
    size_t bad;
    if (slant_utf8_validate(s, n, &bad) == 0) return 0;
    long line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < bad; i++)
        if (s[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    return slant_error_set(err, file ? file : "", line, (long)(bad - line_start) + 1, (long long)bad,
                           "invalid UTF-8 (byte 0x%02X at byte offset %zu): re-encode the text as "
                           "UTF-8, or use --lenient to replace invalid bytes with U+FFFD",
                           (unsigned)(unsigned char)s[bad], bad);
}

/* ------------------------------------------------------------------ */
/* character classes                                                  */

enum cpkind {
    K_SYMBOL = 0,
    K_SPACE,
    K_NEWLINE,
    K_PARASEP,
    K_CR,
    K_UPPER,
    K_LOWER,
    K_LETTER, /* caseless letters, Lm, Lo, Nl, No */
    K_MARK,
    K_DIGIT,
    K_APOS,   /* ' ’ ‘ ‛: apostrophe inside words, else a quotation mark */
    K_SQUOTE, /* ‹ › ‚: single quotation marks that are never apostrophes */
    K_DQUOTE,
    K_HYPHEN, /* joins words */
    K_DASH,   /* splits words */
    K_PERIOD,
    K_COMMA,
    K_PUNCT,
    K_CURRENCY,
    K_PERCENT,
    K_END
};

#define S_ K_SPACE
#define Y_ K_SYMBOL
#define P_ K_PUNCT
#define U_ K_UPPER
#define L_ K_LOWER
#define D_ K_DIGIT
static const uint8_t ascii_kind[128] = {
    /* 0x00 */ S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, K_NEWLINE, S_, S_, K_CR, S_, S_,
    /* 0x10 */ S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_,
    /* 0x20 */ S_, P_, K_DQUOTE, Y_, K_CURRENCY, K_PERCENT, Y_, K_APOS, P_, P_, Y_, Y_, K_COMMA,
    K_HYPHEN, K_PERIOD, Y_,
    /* 0x30 */ D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, P_, P_, Y_, Y_, Y_, P_,
    /* 0x40 */ Y_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_,
    /* 0x50 */ U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, P_, Y_, P_, Y_, Y_,
    /* 0x60 */ Y_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
    /* 0x70 */ L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, P_, Y_, P_, Y_, S_,
};
#undef S_
#undef Y_
#undef P_
#undef U_
#undef L_
#undef D_

static uint8_t classify_cp_slow(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0xFF07:
        return K_APOS;
    case 0x201A: case 0x2039: case 0x203A:
        return K_SQUOTE;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x301D: case 0x301E:
    case 0x301F: case 0xFF02:
        return K_DQUOTE;
    case 0x2010: case 0x2011:
        return K_HYPHEN;
    case 0x0085: case 0x2028:
        return K_NEWLINE;
    case 0x2029:
        return K_PARASEP;
    case 0x00AD: case 0x200C: case 0x200D:
        return K_MARK; /* soft hyphen and joiners stay inside words */
    case 0xFF05: case 0x066A:
        return K_PERCENT;
    case 0x2212:
        return K_DASH;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return K_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return K_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return K_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return K_MARK;
    case UTF8PROC_CATEGORY_ND:
        return K_DIGIT;
    case UTF8PROC_CATEGORY_PD:
        return K_DASH;
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_PC:
        return K_PUNCT;
    case UTF8PROC_CATEGORY_SC:
        return K_CURRENCY;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF: /* BOM, zero-width space, bidi marks */
        return K_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return K_NEWLINE;
    case UTF8PROC_CATEGORY_ZP:
        return K_PARASEP;
    default:
        return K_SYMBOL;
    }
}

/* Kinds of the code points below U+0800 (Latin, Greek, Cyrillic, Hebrew,
 * Arabic ...) and the simple folds of U+00C0-U+04FF, computed once per
 * process: per-code-point utf8proc lookups dominated non-ASCII text. */
enum { CP_CACHE = 0x800, FOLD_CACHE = 0x500 };
static uint8_t cp_kind_cache[CP_CACHE];
static int32_t fold_cache[FOLD_CACHE]; /* folded code point, or -1 */
static pthread_once_t cp_cache_once = PTHREAD_ONCE_INIT;
static int simple_fold_slow(int32_t cp, int32_t *out);

static void ascii_token_tables_build(void);

static void cp_cache_build(void) {
    ascii_token_tables_build();
    for (int32_t cp = 0; cp < CP_CACHE; cp++) cp_kind_cache[cp] = classify_cp_slow(cp);
    for (int32_t cp = 0; cp < FOLD_CACHE; cp++) {
        int32_t f;
        fold_cache[cp] = simple_fold_slow(cp, &f) ? f : -1;
    }
}

/* Every entry point that classifies code points calls this first. */
static void cp_cache_init(void) { pthread_once(&cp_cache_once, cp_cache_build); }

static inline uint8_t classify_cp(int32_t cp) {
    return cp < CP_CACHE ? cp_kind_cache[cp] : classify_cp_slow(cp);
}

typedef struct cpinfo {
    int32_t cp;
    uint8_t kind;
    uint8_t len;
} cpinfo;

static inline cpinfo peek_cp(const unsigned char *s, size_t n, size_t i) {
    cpinfo r;
    if (i >= n) {
        r.cp = -1;
        r.kind = K_END;
        r.len = 0;
        return r;
    }
    unsigned char c = s[i];
    if (c < 0x80) {
        r.cp = c;
        r.kind = ascii_kind[c];
        r.len = 1;
        return r;
    }
    int32_t cp = 0; /* set by utf8_seq when it succeeds; gcc -O1 cannot see that */
    int l = utf8_seq(s + i, n - i, &cp);
    if (l < 0) {
        r.cp = -1; /* invalid byte: a one-byte symbol */
        r.kind = K_SYMBOL;
        r.len = 1;
        return r;
    }
    r.cp = cp;
    r.kind = classify_cp(cp);
    r.len = (uint8_t)l;
    return r;
}

static inline int kind_is_letter(uint8_t k) {
    return k == K_UPPER || k == K_LOWER || k == K_LETTER || k == K_MARK;
}
static inline int kind_is_alnum(uint8_t k) { return kind_is_letter(k) || k == K_DIGIT; }

/* ------------------------------------------------------------------ */
/* abbreviations (tokenizer grammar, not a lexicon)                   */

enum { ABBR_NONE = 0, ABBR_TITLE = 1, ABBR_MONTH = 2, ABBR_OTHER = 3 };

typedef struct abbrev {
    const char *word;
    uint8_t type;
} abbrev;

static const abbrev abbrevs[] = {
    {"Mr", ABBR_TITLE},      {"Mrs", ABBR_TITLE},   {"Ms", ABBR_TITLE},    {"Messrs", ABBR_TITLE},
    {"Mmes", ABBR_TITLE},    {"Dr", ABBR_TITLE},    {"Prof", ABBR_TITLE},  {"Gen", ABBR_TITLE},
    {"Lt", ABBR_TITLE},      {"Col", ABBR_TITLE},   {"Maj", ABBR_TITLE},   {"Capt", ABBR_TITLE},
    {"Cmdr", ABBR_TITLE},    {"Adm", ABBR_TITLE},   {"Sgt", ABBR_TITLE},   {"Cpl", ABBR_TITLE},
    {"Pvt", ABBR_TITLE},     {"Sen", ABBR_TITLE},   {"Rep", ABBR_TITLE},   {"Gov", ABBR_TITLE},
    {"Pres", ABBR_TITLE},    {"Rev", ABBR_TITLE},   {"Hon", ABBR_TITLE},   {"Fr", ABBR_TITLE},
    {"St", ABBR_TITLE},      {"Mt", ABBR_TITLE},    {"Ft", ABBR_TITLE},    {"Amb", ABBR_TITLE},
    {"Supt", ABBR_TITLE},    {"Sens", ABBR_TITLE},  {"Reps", ABBR_TITLE},  {"vs", ABBR_TITLE},
    {"Jan", ABBR_MONTH},     {"Feb", ABBR_MONTH},   {"Mar", ABBR_MONTH},   {"Apr", ABBR_MONTH},
    {"Jun", ABBR_MONTH},     {"Jul", ABBR_MONTH},   {"Aug", ABBR_MONTH},   {"Sep", ABBR_MONTH},
    {"Sept", ABBR_MONTH},    {"Oct", ABBR_MONTH},   {"Nov", ABBR_MONTH},   {"Dec", ABBR_MONTH},
    {"etc", ABBR_OTHER},     {"Inc", ABBR_OTHER},   {"Corp", ABBR_OTHER},  {"Co", ABBR_OTHER},
    {"Ltd", ABBR_OTHER},     {"Jr", ABBR_OTHER},    {"Sr", ABBR_OTHER},    {"Bros", ABBR_OTHER},
    {"approx", ABBR_OTHER},  {"est", ABBR_OTHER},   {"Dept", ABBR_OTHER},  {"Univ", ABBR_OTHER},
    {"Assn", ABBR_OTHER},    {"Ave", ABBR_OTHER},   {"Blvd", ABBR_OTHER},  {"vol", ABBR_OTHER},
    {"Vol", ABBR_OTHER},     {"fig", ABBR_OTHER},   {"Fig", ABBR_OTHER},   {"al", ABBR_OTHER},
    {"cf", ABBR_OTHER},      {"viz", ABBR_OTHER},   {"ed", ABBR_OTHER},    {"eds", ABBR_OTHER},
    {"pp", ABBR_OTHER},      {"Nos", ABBR_OTHER},   {"Gov't", ABBR_OTHER},
};

/* Lookup: a word followed by '.' is checked for every sentence end, so the
 * table is indexed once per process by (length, first, last byte) into an
 * open-addressing array; pthread_once because scoring threads share it. */
enum { ABBR_SLOTS = 512 };
static uint8_t abbr_slot[ABBR_SLOTS]; /* entry index + 1, 0 = empty */
static pthread_once_t abbr_once = PTHREAD_ONCE_INIT;

static unsigned abbr_key(const unsigned char *w, size_t n) {
    return ((unsigned)n * 131u + w[0] * 31u + w[n - 1]) & (ABBR_SLOTS - 1);
}

static void abbr_build(void) {
    for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++) {
        const unsigned char *w = (const unsigned char *)abbrevs[i].word;
        unsigned k = abbr_key(w, strlen(abbrevs[i].word));
        while (abbr_slot[k]) k = (k + 1) & (ABBR_SLOTS - 1);
        abbr_slot[k] = (uint8_t)(i + 1);
    }
}

static int abbrev_type(const unsigned char *w, size_t n) {
    if (n == 0 || n > 7) return ABBR_NONE;
    pthread_once(&abbr_once, abbr_build);
    for (unsigned k = abbr_key(w, n); abbr_slot[k]; k = (k + 1) & (ABBR_SLOTS - 1)) {
        const char *a = abbrevs[abbr_slot[k] - 1].word;
        if (strncmp(a, (const char *)w, n) == 0 && a[n] == '\0') return abbrevs[abbr_slot[k] - 1].type;
    }
    return ABBR_NONE;
}

/* Lowercase words that typically open a sentence: after an abbreviation such
 * as "U.S." a capitalized one of these means a new sentence began. */
static const char *const sentence_openers[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "but",
    "and", "or", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our",
    "my", "so", "yet", "as", "if", "when", "while", "after", "before", "meanwhile", "however",
    "still", "also", "for", "with", "by", "from", "now", "then", "what", "why", "how", "who",
    "some", "many", "most", "since", "although", "though", "both", "each", "such", "to",
    "last", "next", "earlier", "later", "instead", "indeed", "moreover", "thus", "not", "no",
};

/* Lowercase words a sentence cannot end with: a line break after one of
 * them is a hard wrap, not the end of a headline ("talks with\nVladimir
 * Putin"). */
static const char *const line_continuers[] = {
    "the", "a", "an", "of", "with", "and", "or", "to", "in", "on", "at", "by", "for", "from",
    "that", "as", "than", "but", "is", "are", "was", "were", "his", "her", "their", "its", "our",
    "said", "says", "told", "between", "into", "about", "against", "over", "under", "after",
    "before", "who", "which", "whose", "not", "has", "have", "had", "will", "would", "be",
};

static int is_line_continuer(const char *norm, size_t len) {
    if (len > 7) return 0;
    for (size_t i = 0; i < sizeof line_continuers / sizeof line_continuers[0]; i++)
        if (strlen(line_continuers[i]) == len && memcmp(line_continuers[i], norm, len) == 0) return 1;
    return 0;
}

static int is_sentence_opener(const char *norm, size_t len) {
    if (len > 9) return 0;
    for (size_t i = 0; i < sizeof sentence_openers / sizeof sentence_openers[0]; i++)
        if (strlen(sentence_openers[i]) == len && memcmp(sentence_openers[i], norm, len) == 0) return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* folding                                                            */

#define FOLD_OPTS                                                                            \
    ((utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |                  \
                         UTF8PROC_CASEFOLD | UTF8PROC_IGNORE))

static inline unsigned char ascii_lower(unsigned char c) {
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* A Latin, Greek or Cyrillic letter whose NFKC + case fold is one code point
 * that cannot compose with its neighbours (a starter of the same ranges) is
 * folded from a table instead of the utf8proc decompose/recompose round
 * trip (4x faster on Cyrillic text). The table is built once from utf8proc
 * itself, so it agrees by construction; test_text checks it anyway. */
static int simple_range(int32_t cp) { return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x4FF); }

static int simple_fold_slow(int32_t cp, int32_t *out) {
    if (!simple_range(cp)) return 0;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class || p->ignorable || p->category == UTF8PROC_CATEGORY_CN) return 0;
    utf8proc_uint8_t in[4], *res = NULL;
    utf8proc_ssize_t l = utf8proc_encode_char(cp, in);
    utf8proc_ssize_t r = utf8proc_map(in, l, &res, FOLD_OPTS);
    int ok = 0;
    if (r == 2 && (res[0] & 0xE0) == 0xC0) { /* one 2-byte code point ("ss" is not) */
        int32_t f = ((res[0] & 0x1F) << 6) | (res[1] & 0x3F);
        if (simple_range(f) && utf8proc_get_property(f)->combining_class == 0) {
            *out = f;
            ok = 1;
        }
    }
    free(res);
    return ok;
}

static inline int simple_fold(int32_t cp, int32_t *out) {
    if (cp >= FOLD_CACHE || fold_cache[cp] < 0) return 0;
    *out = fold_cache[cp];
    return 1;
}

/* The folding scratch: callers own it so tokens never allocate. */
typedef struct fold_scratch {
    slant_buf *tmp;
    int32_t **u32;
    size_t *u32_cap;
} fold_scratch;

/* Append the matching form of s[0..n) to out (no NUL). */
static void fold_into(const unsigned char *s, size_t n, slant_buf *out, fold_scratch *fs) {
    size_t i = 0;
    while (i < n && s[i] < 0x80) i++;
    if (i == n) { /* ASCII: NFKC is the identity, case folding is lowercasing */
        slant_buf_reserve(out, n);
        char *d = out->data + out->len;
        for (size_t k = 0; k < n; k++) d[k] = (char)ascii_lower(s[k]);
        out->len += n;
        out->data[out->len] = '\0';
        return;
    }
    /* 1. unify quotes, apostrophes and dashes; lowercase ASCII; fold simple
     * letters; invalid -> U+FFFD. No step writes more than 3 bytes per byte
     * read (U+FFFD for a single bad byte), so the buffer is reserved once
     * and written without bounds checks. */
    slant_buf *tmp = fs->tmp;
    slant_buf_clear(tmp);
    slant_buf_reserve(tmp, 3 * n + 4);
    char *w = tmp->data;
    int nonascii = 0;
    for (i = 0; i < n;) {
        if (s[i] < 0x80) {
            *w++ = (char)ascii_lower(s[i]);
            i++;
            continue;
        }
        int32_t cp = 0; /* as in peek_cp */
        int l = utf8_seq(s + i, n - i, &cp);
        if (l < 0) {
            memcpy(w, "\xEF\xBF\xBD", 3);
            w += 3;
            nonascii = 1;
            i += (size_t)-l;
            continue;
        }
        int32_t f;
        if (simple_fold(cp, &f)) {
            *w++ = (char)(0xC0 | (f >> 6)); /* the cache holds 2-byte letters only */
            *w++ = (char)(0x80 | (f & 0x3F));
            i += (size_t)l;
            continue;
        }
        uint8_t k = classify_cp(cp);
        if (k == K_APOS || k == K_SQUOTE || cp == 0x02BC) {
            *w++ = '\'';
        } else if (k == K_DQUOTE) {
            *w++ = '"';
        } else if (k == K_DASH || k == K_HYPHEN) {
            *w++ = '-';
        } else {
            memcpy(w, s + i, (size_t)l);
            w += l;
            nonascii = 1;
        }
        i += (size_t)l;
    }
    tmp->len = (size_t)(w - tmp->data);
    tmp->data[tmp->len] = '\0';
    if (!nonascii) { /* ASCII and simple letters only: done without utf8proc */
        slant_buf_append(out, tmp->data, tmp->len);
        return;
    }
    /* 2. NFKC + case fold through utf8proc, into the reusable code point buffer */
    for (;;) {
        utf8proc_ssize_t r = utf8proc_decompose((const utf8proc_uint8_t *)tmp->data,
                                                (utf8proc_ssize_t)tmp->len, *fs->u32,
                                                (utf8proc_ssize_t)*fs->u32_cap, FOLD_OPTS);
        if (r < 0) {
            slant_buf_append(out, tmp->data, tmp->len);
            return;
        }
        if ((size_t)r + 1 > *fs->u32_cap) {
            size_t cap = *fs->u32_cap ? *fs->u32_cap : 64;
            while (cap < (size_t)r + 1) cap *= 2;
            *fs->u32 = slant_xrealloc(*fs->u32, cap * sizeof(int32_t));
            *fs->u32_cap = cap;
            continue;
        }
        utf8proc_ssize_t bytes = utf8proc_reencode(*fs->u32, r, FOLD_OPTS);
        if (bytes < 0) {
            slant_buf_append(out, tmp->data, tmp->len);
            return;
        }
        slant_buf_append(out, *fs->u32, (size_t)bytes);
        return;
    }
}

void slant_fold(const char *s, size_t n, slant_buf *out) {
    cp_cache_init();
    slant_buf tmp;
    slant_buf_init(&tmp);
    int32_t *u32 = NULL;
    size_t cap = 0;
    fold_scratch fs = {&tmp, &u32, &cap};
    fold_into((const unsigned char *)s, n, out, &fs);
    free(u32);
    slant_buf_free(&tmp);
}

/* ------------------------------------------------------------------ */
/* the document                                                       */

/* doc->aux bits: what the tokenizer saw before/at each token, for sentences */
enum {
    AUX_NL_MASK = 3,       /* line breaks before the token: 0, 1, 2 = blank line */
    AUX_SPACE = 1 << 2,    /* whitespace before the token */
    AUX_ABBR_SHIFT = 3,    /* 2 bits: ABBR_* of an ABBREV token */
    AUX_ABBR_MASK = 3 << 3,
    AUX_LOWER = 1 << 5,    /* token starts with a lowercase letter */
    AUX_TERMINAL = 1 << 6, /* . ! ? … 。 and their variants */
    AUX_DOTS = 1 << 7,     /* . or … (ellipsis when repeated or …) */
    AUX_SOFT = 1 << 8,     /* , ; : ) and dashes: a sentence goes on after them */
    AUX_CLOSER = 1 << 9,   /* ) ] } */
    AUX_ELLIPSIS = 1 << 10 /* … */
};

void slant_doc_init(slant_doc *d) {
    memset(d, 0, sizeof *d);
    slant_buf_init(&d->norm);
    slant_buf_init(&d->names);
    slant_buf_init(&d->fold_tmp);
}

void slant_doc_free(slant_doc *d) {
    if (!d) return;
    free(d->toks);
    free(d->sents);
    free(d->quotes);
    free(d->speakers);
    free(d->aux);
    free(d->fold_u32);
    free(d->qmarks);
    free(d->caps);
    if (d->qscratch && d->qscratch_free) d->qscratch_free(d->qscratch);
    slant_buf_free(&d->norm);
    slant_buf_free(&d->names);
    slant_buf_free(&d->fold_tmp);
    memset(d, 0, sizeof *d);
}

static void grow_tokens(slant_doc *d) {
    size_t cap = d->toks_cap ? d->toks_cap * 2 : 256;
    d->toks = slant_xrealloc(d->toks, cap * sizeof *d->toks);
    d->toks_cap = cap;
    if (d->aux_cap < cap) {
        d->aux = slant_xrealloc(d->aux, cap * sizeof *d->aux);
        d->aux_cap = cap;
    }
    if (d->caps_cap < cap) { /* a slot per token, so it is appended without a branch */
        d->caps = slant_xrealloc(d->caps, cap * sizeof *d->caps);
        d->caps_cap = cap;
    }
}

/* The aux bits are needed only until the sentences are split: a huge
 * document's (2 bytes a token) are given back before quotes and scoring
 * add their own memory. */
enum { AUX_KEEP = 1 << 20 };

static void push_sentence(slant_doc *d, size_t b, size_t e, uint32_t para, int headline) {
    if (e <= b) return;
    if (d->nsents == d->sents_cap) {
        size_t cap = d->sents_cap ? d->sents_cap * 2 : 64;
        d->sents = slant_xrealloc(d->sents, cap * sizeof *d->sents);
        d->sents_cap = cap;
    }
    slant_sentence *s = &d->sents[d->nsents++];
    s->start = d->toks[b].start;
    s->end = d->toks[e - 1].end;
    s->tok_begin = (uint32_t)b;
    s->tok_end = (uint32_t)e;
    s->paragraph = para;
    s->headline = (uint8_t)(headline != 0);
}

/* The token hash is slant_hash_bytes (util.c) of the matching form,
 * computed here inline by the same algorithm once the form is written
 * (test_text checks every token's hash against slant_hash_bytes). The form
 * sits in doc->norm with slack after it, so the last word may be loaded
 * whole and masked instead of copied byte by byte: token_hash(f, n) is
 * slant_hash_bytes(f, n), reading up to 15 bytes past f + n. */
static inline uint64_t token_hash(const char *f, size_t n) {
    uint64_t h = SLANT_HASH_SEED ^ (uint64_t)n;
    size_t r = n;
    do {
        uint64_t a = slant_load_le64(f), b = slant_load_le64(f + 8);
        if (r < 16) { /* the last block: keep its first r bytes */
            a &= r >= 8 ? ~0ULL : (1ULL << (8 * r)) - 1;
            b &= r <= 8 ? 0 : (1ULL << (8 * (r - 8))) - 1;
        }
        h = slant_hash_mum(a ^ SLANT_HASH_K1 ^ h, b ^ SLANT_HASH_K2);
        f += 16;
        r = r > 16 ? r - 16 : 0;
    } while (r);
    return h ? h : 1;
}

typedef struct wordscan {
    uint64_t hash; /* of the lowercase form written to dst, when ASCII */
    size_t end;
    int nonascii;
    int first_upper, first_lower;
    int allcaps;
    int abbr; /* ABBR_* when the token took a final '.' */
} wordscan;

/* ASCII word characters: bit 1 lowercase letter, 2 digit, 4 uppercase letter */
enum { WC_LOWER = 1, WC_DIGIT = 2, WC_UPPER = 4 };
#define WL_ WC_LOWER
#define WU_ WC_UPPER
#define WD_ WC_DIGIT
static const uint8_t ascii_wordchar[256] = {
    /* 0x30 */ [0x30] = WD_, WD_, WD_, WD_, WD_, WD_, WD_, WD_, WD_, WD_,
    /* 0x41 */ [0x41] = WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_,
    WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_, WU_,
    /* 0x61 */ [0x61] = WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_,
    WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_, WL_,
};
#undef WL_
#undef WU_
#undef WD_

/* The hot loop: a run of ASCII letters and digits, lowercased into dst and
 * hashed as it goes. Kept apart from scan_word so its state lives in
 * registers (inlined into the big tokenizer it spilled to the stack). */
typedef struct run_state {
    unsigned acc;
    size_t nupper;
} run_state;

/* SWAR (8 bytes in one 64-bit word): a 0x80 bit in each byte of x (bytes
 * below 0x80) that is >= c, for 0 < c <= 0x80; no carry crosses bytes. */
#define SWAR_ONES 0x0101010101010101ULL
#define SWAR_HIGH 0x8080808080808080ULL
static inline uint64_t swar_ge(uint64_t x, unsigned c) { return (x + (0x80u - c) * SWAR_ONES) & SWAR_HIGH; }
/* How many bytes of m (0x80 bits only) are set: the multiply sums them into the top byte. */
static inline unsigned swar_count(uint64_t m) { return (unsigned)(((m >> 7) * SWAR_ONES) >> 56); }

static size_t __attribute__((noinline)) ascii_run(const unsigned char *s, size_t p, size_t n, char *dst,
                                                  run_state *st) {
    unsigned acc = st->acc;
    size_t nupper = st->nupper;
    /* eight bytes at a time: classify (letter/digit), lowercase and store
     * them all, then keep the bytes before the first non-word byte. dst has
     * room for the whole word plus slack (2 bytes per input byte + 64 are
     * reserved), so the 8-byte store may write past the word's end. */
    while (p + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + p, 8);
        uint64_t x = w & ~SWAR_HIGH;
        uint64_t ascii = ~w & SWAR_HIGH;
        uint64_t upper = swar_ge(x, 'A') & ~swar_ge(x, 'Z' + 1) & ascii;
        uint64_t lower = swar_ge(x, 'a') & ~swar_ge(x, 'z' + 1) & ascii;
        uint64_t digit = swar_ge(x, '0') & ~swar_ge(x, '9' + 1) & ascii;
        uint64_t word = upper | lower | digit;
        uint64_t lc = w | (upper >> 2); /* 0x80 >> 2 = 0x20: A-Z -> a-z */
        memcpy(dst, &lc, 8);
        unsigned k = word == SWAR_HIGH ? 8 : (unsigned)__builtin_ctzll(~word & SWAR_HIGH) >> 3;
        uint64_t keep = k == 8 ? ~0ULL : (1ULL << (8 * k)) - 1;
        upper &= keep;
        acc |= (upper ? WC_UPPER : 0) | (lower & keep ? WC_LOWER : 0) | (digit & keep ? WC_DIGIT : 0);
        nupper += swar_count(upper);
        p += k;
        dst += k;
        if (k < 8) goto done;
    }
    while (p < n) {
        unsigned f = ascii_wordchar[s[p]];
        if (!f) break;
        unsigned char lc = (unsigned char)(s[p] | ((f & WC_UPPER) << 3));
        *dst++ = (char)lc;
        acc |= f;
        nupper += f >> 2;
        p++;
    }
done:
    st->acc = acc;
    st->nupper = nupper;
    return p;
}

/* The common word, decided sixteen bytes at a time: ASCII letters and
 * digits only, shorter than 16 bytes, ended by a byte that cannot continue
 * it (not ' - . nor non-ASCII). Writes the lowercase form to dst and returns
 * the end, with the form's hash (token_hash, computed from the two 8-byte
 * chunks) and whether it is all capitals; returns 0 for anything else (or
 * fewer than 16 bytes left), and scan_word decides. Both chunks are always
 * classified so the word's length is found without a branch per byte or per
 * chunk (a branch on word length mispredicts about once a word). */
#if !defined(__SSE2__) || defined(SLANT_NO_SIMD) /* the portable form only */
typedef struct chunk {
    uint64_t lc;    /* the 8 bytes with A-Z lowercased */
    uint64_t upper; /* 0x80 in each byte that is A-Z */
    uint64_t lower; /* ... a-z */
    uint64_t stop;  /* ... that is not a letter or digit */
} chunk;

static inline chunk classify8(const unsigned char *s) {
    chunk c;
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t x = w & ~SWAR_HIGH, ascii = ~w & SWAR_HIGH;
    c.upper = swar_ge(x, 'A') & ~swar_ge(x, 'Z' + 1) & ascii;
    c.lower = swar_ge(x, 'a') & ~swar_ge(x, 'z' + 1) & ascii;
    uint64_t digit = swar_ge(x, '0') & ~swar_ge(x, '9' + 1) & ascii;
    c.stop = ~(c.upper | c.lower | digit) & SWAR_HIGH;
    c.lc = w | (c.upper >> 2); /* 0x80 >> 2 = 0x20: A-Z -> a-z */
    return c;
}

/* All bits of the bytes before the first stop byte (all ones when none). */
static inline uint64_t before_stop(uint64_t stop) { return ((stop & (0 - stop)) >> 7) - 1; }
#endif

/* The word's length (bytes before the first stop, 16 when none), its
 * lowercase bytes stored at dst (16 bytes written) and, for the hash, the
 * same form zero past the word, as two little-endian 8-byte halves. */
typedef struct word16 {
    unsigned len;
    unsigned upper1, lower1; /* 1 when the first byte is an uppercase / lowercase letter */
    int allcaps;             /* no lowercase letter, >= 2 capitals */
    uint64_t a, b;
} word16;

#if defined(__SSE2__) && !defined(SLANT_NO_SIMD)
/* x86-64 always has SSE2: the 16 bytes are classified with three signed
 * range compares and one movemask, half the instructions of the SWAR form. */
static inline __m128i in_range16(__m128i v, char lo, char hi) {
    /* v - lo, shifted so that [0, hi - lo] becomes the lowest signed values */
    __m128i t = _mm_add_epi8(v, _mm_set1_epi8((char)(-128 - lo)));
    return _mm_cmplt_epi8(t, _mm_set1_epi8((char)(-128 + (hi - lo + 1))));
}

static inline word16 classify16(const unsigned char *s, char *dst) {
    word16 r;
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i up = in_range16(v, 'A', 'Z'), lo = in_range16(v, 'a', 'z'), dg = in_range16(v, '0', '9');
    __m128i lc = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
    _mm_storeu_si128((__m128i *)(void *)dst, lc);
    unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(up, lo), dg));
    r.len = (unsigned)__builtin_ctz(~word); /* 16 when every byte is a word byte (bit 16 of ~word) */
    unsigned keep = (1u << r.len) - 1;      /* len <= 16: no overflow in 32 bits */
    unsigned upper = (unsigned)_mm_movemask_epi8(up), lower = (unsigned)_mm_movemask_epi8(lo);
    r.upper1 = upper & 1;
    r.lower1 = lower & 1;
    upper &= keep;
    r.allcaps = ((lower & keep) == 0) & ((upper & (upper - 1)) != 0); /* no branch: its outcome is random */
    /* the form zero past len: 0xFF for each of the first len bytes, from
     * a sliding window (no branch on the length) */
    static const unsigned char window[32] = {
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    __m128i f = _mm_and_si128(lc, _mm_loadu_si128((const __m128i *)(const void *)(window + 16 - r.len)));
#ifdef __x86_64__
    r.a = (uint64_t)_mm_cvtsi128_si64(f);
    r.b = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(f, f));
#else
    uint64_t h[2];
    _mm_storeu_si128((__m128i *)(void *)h, f);
    r.a = h[0];
    r.b = h[1];
#endif
    return r;
}
#else
/* Portable form: SWAR on two 8-byte halves. */
static inline word16 classify16(const unsigned char *s, char *dst) {
    word16 r;
    chunk a = classify8(s), b = classify8(s + 8);
    memcpy(dst, &a.lc, 8);
    memcpy(dst + 8, &b.lc, 8);
    uint64_t keep_a = before_stop(a.stop);
    uint64_t keep_b = before_stop(b.stop) & (0 - (uint64_t)(a.stop == 0));
    r.len = swar_count(keep_a & SWAR_HIGH) + swar_count(keep_b & SWAR_HIGH);
    r.upper1 = (unsigned)(a.upper >> 7) & 1;
    r.lower1 = (unsigned)(a.lower >> 7) & 1;
    uint64_t lowers = (a.lower & keep_a) | (b.lower & keep_b);
    unsigned nupper = swar_count(a.upper & keep_a) + swar_count(b.upper & keep_b);
    r.allcaps = !lowers && nupper >= 2;
    r.a = a.lc & keep_a; /* SWAR here assumes little-endian, as the hash does */
    r.b = b.lc & keep_b;
    return r;
}
#endif

/* token_hash of the word's form: one 16-byte block */
static inline uint64_t word16_hash(const word16 *w) {
    uint64_t h = slant_hash_mum(w->a ^ SLANT_HASH_K1 ^ SLANT_HASH_SEED ^ (uint64_t)w->len, w->b ^ SLANT_HASH_K2);
    return h ? h : 1;
}

/* Bytes after which an ASCII word ends for sure: ASCII, and not ' - . */
static const uint8_t word_stop_plain[256] = {
    [0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x20] = 1, 1, 1, 1, 1, 1, 1, 0 /* ' */, 1, 1, 1, 1, 1, 0 /* - */, 0 /* . */, 1,
    [0x30] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x40] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x60] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Does the plain word s[i, i + len) (len < 16, ended by a byte that is not
 * an ASCII letter or digit) end there, or would scan_word go on or take
 * the following byte? */
static inline int word_ends(const unsigned char *s, size_t n, size_t i, unsigned len) {
    size_t p = i + len;
    unsigned char end = s[p];
    if (word_stop_plain[end]) return 1;
    if (end == '\'' || end == '-') return 0; /* may join: Japan's, well-known */
    if (end == '.') {
        /* the word ends before its '.' unless scan_word would take the '.'
         * or go on: a one-letter segment (an initial, U.S.), a decimal
         * (G20.5), an abbreviation (Mr., Dec.) or "No." before a number */
        return !(len < 2 || (s[p - 1] <= '9' && p + 1 < n && s[p + 1] >= '0' && s[p + 1] <= '9') ||
                 (len <= 7 && abbrev_type(s + i, len) != ABBR_NONE) ||
                 (len == 2 && s[i] == 'N' && s[i + 1] == 'o'));
    }
    /* a non-ASCII code point ends the word unless it is a letter, mark or
     * digit, or an apostrophe or hyphen that may join (Japan’s) */
    uint8_t k = peek_cp(s, n, p).kind;
    return !(kind_is_alnum(k) || k == K_APOS || k == K_HYPHEN);
}

static inline size_t fast_word(const unsigned char *s, size_t n, size_t i, char *dst, uint64_t *hash,
                               int *allcaps) {
    if (i + 16 > n) return 0;
    word16 w = classify16(s + i, dst);
    if (w.len >= 16 || !word_ends(s, n, i, w.len)) return 0;
    *hash = word16_hash(&w);
    *allcaps = w.allcaps;
    return i + w.len;
}

/* A word from s[i] (a letter or mark). Counters live in locals: writes
 * through a struct pointer would alias the char text and defeat registers. */
static void scan_word(const unsigned char *s, size_t n, size_t i, uint8_t first_kind, char *dst,
                      wordscan *w) {
    size_t p = i;
#define PUT_ASCII(ch) (dst[p - i] = (char)(ch))
    size_t seg_start = i; /* start of the current dot-separated segment */
    int seg_clean = 1;    /* segment holds letters only (an acronym letter can't be a digit) */
    size_t dots = 0;
    size_t dot_end = 0;   /* end of a token that ended in an acronym dot */
    unsigned acc = 0;     /* WC_* bits seen */
    size_t nupper = 0, nletters_other = 0;
    int nonascii = 0;
    int first_upper = first_kind == K_UPPER, first_lower = first_kind == K_LOWER;
    for (;;) {
        unsigned f;
        (void)f;
        run_state rs = {acc, nupper};
        p = ascii_run(s, p, n, dst + (p - i), &rs);
        acc = rs.acc;
        nupper = rs.nupper;
        /* most words end at a space or ASCII punctuation that cannot join */
        if (p >= n) break;
        if (s[p] < 0x80 && s[p] != '\'' && s[p] != '-' && s[p] != '.') break;
        cpinfo c = peek_cp(s, n, p);
        if (c.kind == K_END) break;
        if (c.cp >= 0x80 && kind_is_alnum(c.kind)) {
            nonascii = 1;
            if (c.kind == K_UPPER) nupper++;
            else if (c.kind == K_LOWER) acc |= WC_LOWER;
            else if (c.kind == K_LETTER) nletters_other++;
            else if (c.kind == K_DIGIT) seg_clean = 0;
            p += c.len;
            continue;
        }
        if (c.kind == K_APOS) {
            cpinfo nx = peek_cp(s, n, p + c.len);
            if (kind_is_letter(nx.kind) && nx.kind != K_MARK) {
                if (c.cp >= 0x80) nonascii = 1;
                else PUT_ASCII(c.cp);
                p += c.len;
                seg_start = p;
                seg_clean = 0;
                continue;
            }
            break;
        }
        if (c.kind == K_HYPHEN) {
            cpinfo nx = peek_cp(s, n, p + c.len);
            if (kind_is_alnum(nx.kind) && nx.kind != K_MARK) {
                if (c.cp >= 0x80) nonascii = 1;
                else PUT_ASCII(c.cp);
                p += c.len;
                seg_start = p;
                seg_clean = 0;
                dots = 0;
                continue;
            }
            break;
        }
        if (c.kind == K_PERIOD && p > i && s[p - 1] >= '0' && s[p - 1] <= '9' && p + 1 < n &&
            s[p + 1] >= '0' && s[p + 1] <= '9') {
            PUT_ASCII('.');
            p += 1; /* a decimal inside a word: US18.3, v2.0 */
            seg_start = p;
            seg_clean = 0;
            continue;
        }
        /* a one-letter segment (ASCII letter, or one non-ASCII letter) */
        int seg_letter = 0;
        if (c.kind == K_PERIOD && seg_clean && p > seg_start) {
            cpinfo sc = peek_cp(s, n, seg_start);
            seg_letter = seg_start + sc.len == p && kind_is_letter(sc.kind) && sc.kind != K_MARK;
        }
        if (seg_letter) {
            /* acronym: a one-letter segment, a dot, another one-letter segment and a dot */
            cpinfo nx = peek_cp(s, n, p + 1);
            if (kind_is_letter(nx.kind) && nx.kind != K_MARK) {
                cpinfo nx2 = peek_cp(s, n, p + 1 + nx.len);
                if (nx2.kind == K_PERIOD) {
                    PUT_ASCII('.');
                    p += 1;
                    dots++;
                    seg_start = p;
                    seg_clean = 1;
                    continue;
                }
            }
            if (dots >= 1) { /* the final dot of U.S. */
                PUT_ASCII('.');
                p += 1;
                dots++;
                dot_end = p;
                seg_start = p;
                seg_clean = 0;
                continue;
            }
        }
        break;
    }
    w->end = p;
    w->hash = nonascii ? 0 : token_hash(dst, p - i);
    w->nonascii = nonascii;
    w->first_upper = first_upper;
    w->first_lower = first_lower;
    w->allcaps = !(acc & WC_LOWER) && nletters_other == 0 && nupper >= 2;
    w->abbr = ABBR_NONE;
    if (dot_end && dot_end == p) {
        w->abbr = ABBR_OTHER;
        return;
    }
    if (p < n && s[p] == '.') {
        size_t len = p - i;
        int t = len <= 7 ? abbrev_type(s + i, len) : ABBR_NONE;
        if (t == ABBR_NONE && len == 2 && s[i] == 'N' && s[i + 1] == 'o') {
            size_t q = p + 1;
            while (q < n && s[q] == ' ') q++;
            if (q > p + 1 && q < n && s[q] >= '0' && s[q] <= '9') t = ABBR_TITLE;
        }
        if (t == ABBR_NONE && first_upper && nupper == 1 && !(acc & (WC_LOWER | WC_DIGIT)) &&
            nletters_other == 0 && peek_cp(s, n, i).len == len)
            t = ABBR_OTHER; /* an initial */
        if (t != ABBR_NONE) {
            PUT_ASCII('.');
            w->hash = token_hash(dst, p + 1 - i);
            w->end = p + 1;
            w->abbr = t;
        }
    }
#undef PUT_ASCII
}

/* A number from s[i] (a digit; a currency sign already skipped by the caller). */
static size_t scan_number(const unsigned char *s, size_t n, size_t i, int *nonascii) {
    size_t p = i;
    for (;;) {
        if (p >= n) break;
        unsigned char c = s[p];
        if (c < 0x80) {
            uint8_t k = ascii_kind[c];
            if (k == K_DIGIT || k == K_UPPER || k == K_LOWER) {
                p++;
                continue;
            }
            if (c == ',' && p > i && s[p - 1] >= '0' && s[p - 1] <= '9' && p + 3 < n &&
                s[p + 1] >= '0' && s[p + 1] <= '9' && s[p + 2] >= '0' && s[p + 2] <= '9' &&
                s[p + 3] >= '0' && s[p + 3] <= '9' && (p + 4 >= n || s[p + 4] < '0' || s[p + 4] > '9')) {
                p += 4;
                continue;
            }
            if (c == '.' && p > i && s[p - 1] >= '0' && s[p - 1] <= '9' && p + 1 < n && s[p + 1] >= '0' &&
                s[p + 1] <= '9') {
                p++;
                continue;
            }
            if (c == '-' && p + 1 < n && s[p + 1] < 0x80 &&
                (ascii_kind[s[p + 1]] == K_DIGIT || ascii_kind[s[p + 1]] == K_LOWER ||
                 ascii_kind[s[p + 1]] == K_UPPER)) {
                p++;
                continue;
            }
            if (c == '\'' && p + 1 < n && s[p + 1] < 0x80 &&
                (ascii_kind[s[p + 1]] == K_LOWER || ascii_kind[s[p + 1]] == K_UPPER)) {
                p++; /* 1990's */
                continue;
            }
            if (c == '%') p++;
            break;
        }
        cpinfo cp = peek_cp(s, n, p);
        if (kind_is_alnum(cp.kind)) {
            *nonascii = 1;
            p += cp.len;
            continue;
        }
        if (cp.kind == K_APOS && kind_is_letter(peek_cp(s, n, p + cp.len).kind)) {
            *nonascii = 1;
            p += cp.len;
            continue;
        }
        if (cp.kind == K_PERCENT) {
            *nonascii = 1;
            p += cp.len;
        }
        break;
    }
    return p;
}

/* Does the token range [b, e) end with final punctuation (. ! ? …, an
 * abbreviation's dot), possibly followed by closing quotes and brackets? */
static int ends_final(const slant_doc *d, size_t b, size_t e) {
    while (e > b) {
        const slant_token *t = &d->toks[e - 1];
        const char *m = d->norm.data + t->norm;
        if (t->kind == SLANT_TOK_QUOTE || (t->kind == SLANT_TOK_PUNCT && t->norm_len == 1 &&
                                           (m[0] == ')' || m[0] == ']' || m[0] == '}'))) {
            e--;
            continue;
        }
        if (t->flags & SLANT_TF_ABBREV) return 1;
        return t->kind == SLANT_TOK_PUNCT &&
               (m[0] == '.' || m[0] == '!' || m[0] == '?' ||
                (t->norm_len == 3 && memcmp(m, "\xE3\x80\x82", 3) == 0));
    }
    return 0;
}

/* aux bits of a one-code-point PUNCT token */
static uint16_t punct_aux(int32_t cp, uint8_t kind) {
    switch (cp) {
    case '.': case 0xFF0E: case 0xFE52: case 0x2024:
        return AUX_TERMINAL | AUX_DOTS;
    case 0x2026:
        return AUX_TERMINAL | AUX_DOTS | AUX_ELLIPSIS;
    case '!': case '?': case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61: case 0x203C:
    case 0x2047: case 0x2048: case 0x2049: case 0xFE56: case 0xFE57:
        return AUX_TERMINAL;
    case ',': case ';': case ':': case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0x3001:
        return AUX_SOFT;
    case ')': case ']': case '}': case 0xFF09:
        return AUX_SOFT | AUX_CLOSER;
    default:
        return kind == K_HYPHEN || kind == K_DASH ? AUX_SOFT : 0;
    }
}

/* What a one-byte ASCII token is, for the block tokenizer below: its kind
 * (or TK_SCALAR when the byte needs the scalar step: letters, digits, '$',
 * whitespace) and its aux bits, derived once from ascii_kind and punct_aux
 * so the two paths cannot disagree. */
enum { TK_SCALAR = 0xFF };
static uint8_t ascii_tok_kind[128];
static uint16_t ascii_tok_aux[128];
/* ASCII whitespace (line breaks included), to know whether a token follows a gap */
static uint8_t ascii_blank[256];
/* The same for U+2010-U+201F (hyphens, dashes, curly quotes: common in
 * news), whose forms are one ASCII byte: - ' " */
static uint8_t u2010_kind[16];
static uint16_t u2010_aux[16];
static char u2010_form[16];

static void ascii_token_tables_build(void) {
    for (int c = 0; c < 128; c++) {
        uint8_t k = ascii_kind[c];
        uint8_t tk = TK_SCALAR;
        uint16_t a = 0;
        switch (k) {
        case K_APOS: case K_SQUOTE: case K_DQUOTE:
            tk = SLANT_TOK_QUOTE;
            break;
        case K_HYPHEN: case K_DASH: case K_PERIOD: case K_COMMA: case K_PUNCT:
            tk = SLANT_TOK_PUNCT;
            a = punct_aux(c, k);
            break;
        case K_SYMBOL: case K_PERCENT:
            tk = SLANT_TOK_SYMBOL;
            break;
        default:
            break;
        }
        ascii_tok_kind[c] = tk;
        ascii_tok_aux[c] = a;
        ascii_blank[c] = k == K_SPACE || k == K_NEWLINE || k == K_CR;
    }
    for (int x = 0; x < 16; x++) {
        int32_t cp = 0x2010 + x;
        uint8_t k = classify_cp_slow(cp);
        uint8_t tk = TK_SCALAR;
        uint16_t a = 0;
        char form = 0;
        if (k == K_APOS || k == K_SQUOTE || k == K_DQUOTE) {
            tk = SLANT_TOK_QUOTE;
            form = k == K_DQUOTE ? '"' : '\'';
        } else if (k == K_HYPHEN || k == K_DASH) {
            tk = SLANT_TOK_PUNCT;
            a = punct_aux(cp, k);
            form = '-';
        }
        u2010_kind[x] = tk;
        u2010_aux[x] = a;
        u2010_form[x] = form;
    }
}

/* The tokenizer's state between tokens. */
typedef struct tokenizer {
    slant_doc *d;
    const unsigned char *s;
    size_t n;
    fold_scratch fs;
    unsigned nl;    /* line breaks since the last token (2 at the start: a paragraph opens) */
    unsigned space; /* AUX_SPACE when whitespace came since the last token */
    size_t words;
} tokenizer;

/* Append a token (everything but its matching form) and return it. */
static inline slant_token *push_token(slant_doc *d, size_t start, size_t end, uint8_t kind, uint8_t flags,
                                      unsigned aux) {
    if (d->ntoks == d->toks_cap) grow_tokens(d);
    size_t k = d->ntoks++;
    slant_token *t = &d->toks[k];
    d->aux[k] = (uint16_t)aux;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->kind = kind;
    t->flags = flags;
    t->quote = 0;
    d->caps[d->ncaps] = (uint32_t)k;
    d->ncaps += (kind == SLANT_TOK_WORD) & ((flags & SLANT_TF_CAPITALIZED) != 0);
    return t;
}

/* The token's ASCII matching form, tl bytes already written at the end of
 * doc->norm (capacity for every ASCII token is reserved up front). */
static inline void put_ascii_form(slant_doc *d, slant_token *t, size_t tl, uint64_t hash) {
    size_t nstart = d->norm.len;
    d->norm.data[nstart + tl] = '\0';
    d->norm.len = nstart + tl + 1;
    t->norm = (uint32_t)nstart;
    t->norm_len = (uint32_t)tl;
    t->hash = hash;
}

static inline void push_qmark(slant_doc *d) {
    if (d->nqmarks == d->qmarks_cap) {
        d->qmarks_cap = d->qmarks_cap ? d->qmarks_cap * 2 : 256;
        d->qmarks = slant_xrealloc(d->qmarks, d->qmarks_cap * sizeof *d->qmarks);
    }
    d->qmarks[d->nqmarks++] = (uint32_t)d->ntoks;
}

/* The scalar step from s[i] (i < n): skip one piece of whitespace
 * (counting line breaks) or read one token of any kind. Returns where it
 * stopped, or SIZE_MAX when the matching forms would not fit the 32-bit
 * offsets of a token (only adversarial text near the size limit: NFKC can
 * expand a code point up to 18 times). */
static size_t tokenize_one(tokenizer *tz, size_t i) {
    slant_doc *d = tz->d;
    const unsigned char *s = tz->s;
    size_t n = tz->n;
    unsigned char c = s[i];
    cpinfo ci;
    if (c < 0x80) {
        uint8_t k = ascii_kind[c];
        if (k == K_SPACE) {
            tz->space = AUX_SPACE;
            return i + 1;
        }
        if (k == K_NEWLINE || k == K_CR) {
            /* CR LF counts once (at the LF); a lone CR is a line break */
            if (k == K_NEWLINE || !(i + 1 < n && s[i + 1] == '\n')) tz->nl++;
            tz->space = AUX_SPACE;
            return i + 1;
        }
        ci.cp = c;
        ci.kind = k;
        ci.len = 1;
    } else {
        ci = peek_cp(s, n, i);
        if (ci.kind == K_SPACE || ci.kind == K_NEWLINE || ci.kind == K_PARASEP) {
            tz->nl += ci.kind == K_NEWLINE ? 1 : ci.kind == K_PARASEP ? 2 : 0;
            tz->space = AUX_SPACE;
            return i + ci.len;
        }
    }
    size_t start = i, end;
    uint8_t kind;
    uint8_t flags = 0;
    unsigned aux = (tz->nl > 2 ? 2 : tz->nl) | tz->space;
    int nonascii = ci.cp < 0 || ci.cp >= 0x80;
    uint64_t word_hash = 0; /* set by scan_word, which also wrote the form */
    int caps;
    if ((ci.kind == K_UPPER || ci.kind == K_LOWER) && !nonascii &&
        (end = fast_word(s, n, i, d->norm.data + d->norm.len, &word_hash, &caps)) != 0) {
        kind = SLANT_TOK_WORD; /* the common case first: a plain word */
        tz->words++;
        flags |= (uint8_t)((ci.kind == K_UPPER) * SLANT_TF_CAPITALIZED + (caps != 0) * SLANT_TF_ALLCAPS);
        aux |= (ci.kind == K_LOWER) * AUX_LOWER;
    } else if (ci.kind >= K_UPPER && ci.kind <= K_MARK) { /* any other word */
        wordscan w;
        scan_word(s, n, i, ci.kind, d->norm.data + d->norm.len, &w);
        word_hash = w.hash;
        end = w.end;
        kind = SLANT_TOK_WORD;
        tz->words++;
        nonascii |= w.nonascii;
        if (w.first_upper) flags |= SLANT_TF_CAPITALIZED;
        if (w.first_lower) aux |= AUX_LOWER;
        if (w.allcaps) flags |= SLANT_TF_ALLCAPS;
        if (w.abbr) {
            flags |= SLANT_TF_ABBREV;
            aux |= (unsigned)w.abbr << AUX_ABBR_SHIFT;
        }
    } else {
        switch (ci.kind) {
        case K_DIGIT:
            end = scan_number(s, n, i, &nonascii);
            kind = SLANT_TOK_NUMBER;
            tz->words++;
            break;
        case K_CURRENCY: {
            cpinfo nx = peek_cp(s, n, i + ci.len);
            if (nx.kind == K_DIGIT) {
                end = scan_number(s, n, i + ci.len, &nonascii);
                kind = SLANT_TOK_NUMBER;
                tz->words++;
            } else {
                end = i + ci.len;
                kind = SLANT_TOK_SYMBOL;
            }
            break;
        }
        case K_APOS:
        case K_SQUOTE:
        case K_DQUOTE:
            end = i + ci.len;
            kind = SLANT_TOK_QUOTE;
            push_qmark(d);
            break;
        case K_HYPHEN:
        case K_DASH:
        case K_PERIOD:
        case K_COMMA:
        case K_PUNCT:
            end = i + ci.len;
            kind = SLANT_TOK_PUNCT;
            aux |= punct_aux(ci.cp, ci.kind);
            break;
        default: { /* symbols keep their combining marks and variation selectors */
            end = i + ci.len;
            kind = SLANT_TOK_SYMBOL;
            for (;;) {
                cpinfo nx = peek_cp(s, n, end);
                if (nx.kind != K_MARK) break;
                end += nx.len;
                nonascii = 1;
            }
            break;
        }
        }
    }
    slant_token *t = push_token(d, start, end, kind, flags, aux);
    size_t tl = end - start;
    if (!nonascii) {
        if (!word_hash) { /* scan_word or fast_word wrote a word's form */
            char *dst = d->norm.data + d->norm.len;
            const unsigned char *src = s + start;
            for (size_t k = 0; k < tl; k++) {
                unsigned ch = src[k];
                ch += (((ch - 'A') & 0xFFu) < 26u) * 32u;
                dst[k] = (char)ch;
            }
            word_hash = token_hash(dst, tl);
        }
        put_ascii_form(d, t, tl, word_hash);
    } else {
        size_t nstart = d->norm.len;
        fold_into(s + start, tl, &d->norm, &tz->fs);
        slant_buf_putc(&d->norm, '\0');
        t->hash = slant_hash_bytes(d->norm.data + nstart, d->norm.len - nstart - 1);
        t->norm = (uint32_t)nstart;
        t->norm_len = (uint32_t)(d->norm.len - nstart - 1);
        /* folding may expand: restore the ASCII reserve for the rest */
        if (d->norm.len + 2 * (n - end) > UINT32_MAX) {
            d->ntoks--;
            return SIZE_MAX;
        }
        slant_buf_reserve(&d->norm, 2 * (n - end) + 64);
    }
    tz->nl = 0;
    tz->space = 0;
    return end;
}

/* 64 bytes classified at once: a bit per byte (bit k = byte k). Only the
 * space is a blank here: tabs, other controls and line breaks are rare
 * enough to be visited as starts (the scalar step skips them). */
typedef struct block64 {
    uint64_t word;  /* ASCII letter or digit */
    uint64_t blank; /* ' ' */
} block64;

#if defined(__SSE2__) && !defined(SLANT_NO_SIMD)
static inline block64 classify64(const unsigned char *s) {
    block64 m = {0, 0};
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        /* | 0x20 maps A-Z onto a-z (and nothing else onto them) */
        __m128i w = _mm_or_si128(in_range16(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), in_range16(v, '0', '9'));
        __m128i bl = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
        m.word |= (uint64_t)(unsigned)_mm_movemask_epi8(w) << (16 * k);
        m.blank |= (uint64_t)(unsigned)_mm_movemask_epi8(bl) << (16 * k);
    }
    return m;
}
#else
/* The 0x80 bits of eight bytes gathered into eight bits: each bit lands
 * alone in the top byte (bit 8k moved by 56 - 7k), no two terms collide. */
static inline uint64_t gather8(uint64_t high) { return ((high >> 7) * 0x0102040810204080ULL) >> 56; }

static inline block64 classify64(const unsigned char *s) {
    block64 m = {0, 0};
    for (int k = 0; k < 8; k++) {
        uint64_t w;
        memcpy(&w, s + 8 * k, 8);
        uint64_t x = w & ~SWAR_HIGH, ascii = ~w & SWAR_HIGH;
        uint64_t lc = x | (0x20 * SWAR_ONES); /* A-Z onto a-z */
        uint64_t word = (swar_ge(lc, 'a') & ~swar_ge(lc, 'z' + 1)) | (swar_ge(x, '0') & ~swar_ge(x, '9' + 1));
        /* a space: x ^ ' ' is zero there, the only value below 1 */
        uint64_t blank = ~swar_ge(x ^ (' ' * SWAR_ONES), 1);
        m.word |= gather8(word & ascii) << (8 * k);
        m.blank |= gather8(blank & ascii & SWAR_HIGH) << (8 * k);
    }
    return m;
}
#endif

/* The ends of doc's arrays, held in locals while the block tokenizer runs:
 * the forms are written through a char pointer, which may alias anything
 * reached through d, so fields of d would be reloaded after every byte. */
typedef struct tokout {
    slant_token *toks;
    uint16_t *aux;
    uint32_t *caps;
    size_t ntoks, cap, ncaps;
    char *norm;
    size_t nlen;
} tokout;

static inline tokout out_load(const slant_doc *d) {
    tokout o = {d->toks, d->aux, d->caps, d->ntoks, d->toks_cap, d->ncaps, d->norm.data, d->norm.len};
    return o;
}

static inline void out_store(const tokout *o, slant_doc *d) {
    d->ntoks = o->ntoks;
    d->ncaps = o->ncaps;
    d->norm.len = o->nlen;
}

/* Room for 64 more tokens: a block yields at most one per byte. */
static inline void out_reserve64(tokout *o, slant_doc *d) {
    if (o->cap - o->ntoks >= 64) return;
    out_store(o, d);
    while (d->toks_cap - d->ntoks < 64) grow_tokens(d);
    *o = out_load(d);
}

/* Append the token [start, end) whose ASCII form (len bytes) is already
 * written at o->norm + o->nlen (out_reserve64 made room). Only words
 * carry flags here, so CAPITALIZED alone says the token goes to
 * doc->caps. */
static inline void out_token(tokout *o, size_t start, size_t end, size_t len, uint8_t kind, uint8_t flags,
                             unsigned aux, uint64_t hash) {
    size_t k = o->ntoks++;
    slant_token *t = &o->toks[k];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->norm = (uint32_t)o->nlen;
    t->norm_len = (uint32_t)len;
    t->hash = hash;
    t->kind = kind;
    t->flags = flags;
    t->quote = 0;
    o->aux[k] = (uint16_t)aux;
    o->caps[o->ncaps] = (uint32_t)k;
    o->ncaps += flags & SLANT_TF_CAPITALIZED;
    o->norm[o->nlen + len] = '\0';
    o->nlen += len + 1;
}

/* The tokenizer proper, 64 bytes at a time: the bytes where a token may
 * start (the first letter or digit of a run, any other byte that is not
 * whitespace) become the bits of a mask, and each token is found from that
 * mask rather than from the end of the one before. The common tokens (a
 * plain ASCII word, one ASCII punctuation mark, a line break) are read
 * here; anything else takes the scalar step, and the mask goes on after
 * it. Reading token after token from the text made every token wait for
 * the bytes of the previous one; here the next start is one bit operation
 * away. Stops 80 bytes before the end (a word is read 16 bytes at a time
 * from its start) and returns where the scalar step must go on, or
 * SIZE_MAX. */
static size_t tokenize_blocks(tokenizer *tz, size_t i) {
    slant_doc *d = tz->d;
    const unsigned char *s = tz->s;
    size_t n = tz->n;
    /* line breaks (capped at 2) and AUX_SPACE since the last token, as
     * the scalar step (which skips tabs and other whitespace) and line
     * breaks leave them; a space right before a token is read from the
     * mask below */
    unsigned gap = (tz->nl > 2 ? 2 : tz->nl) | tz->space;
    size_t words = tz->words;
    tokout o = out_load(d);
    /* Every block starts at i or after bytes up to it that are all
     * spaces (see the end of the loop), so no run of letters comes in
     * from the block before. i (where the scalar step would go on) is
     * brought up to date in the rare paths and at the end of each block. */
    for (size_t b = i; n >= 80 && b <= n - 80; b = b + 64 > i ? b + 64 : i) {
        block64 m = classify64(s + b);
        uint64_t starts = (m.word & ~(m.word << 1)) | ~(m.word | m.blank);
        /* bit r: the byte before b + r is a space (or, before the block,
         * any whitespace: the scalar step set AUX_SPACE for that too) */
        uint64_t blank_before = (m.blank << 1) | (b > 0 && ascii_blank[s[b - 1]]);
        out_reserve64(&o, d);
        while (starts) {
            unsigned r = (unsigned)__builtin_ctzll(starts);
            size_t p = b + r;
            starts &= starts - 1;
            unsigned aux = gap | (unsigned)((blank_before >> r) & 1) * AUX_SPACE;
            if ((m.word >> r) & 1) {
                word16 w = classify16(s + p, o.norm + o.nlen);
                /* a digit starts a number: the scalar step */
                if ((w.upper1 | w.lower1) && w.len < 16 && word_ends(s, n, p, w.len)) {
                    words++;
                    uint8_t flags = (uint8_t)(w.upper1 * SLANT_TF_CAPITALIZED + (w.allcaps != 0) * SLANT_TF_ALLCAPS);
                    out_token(&o, p, p + w.len, w.len, SLANT_TOK_WORD, flags, aux | w.lower1 * AUX_LOWER,
                              word16_hash(&w));
                    gap = 0;
                    continue;
                }
            } else {
                unsigned c = s[p];
                if (c == '\n' || c == '\r') {
                    /* CR LF counts once (at the LF); a lone CR is a line break */
                    unsigned nl = (gap & AUX_NL_MASK) + (c == '\n' || s[p + 1] != '\n');
                    gap = (nl > 2 ? 2 : nl) | AUX_SPACE;
                    i = p + 1;
                    continue;
                }
                /* one ASCII mark, or a curly quote or dash (U+2010-U+201F,
                 * bytes E2 80 90-9F) whose form is one ASCII byte */
                uint8_t tk = TK_SCALAR;
                unsigned len = 1, form = c, xaux = 0;
                uint64_t cont = 0; /* start bits of the continuation bytes */
                if (c < 0x80) {
                    tk = ascii_tok_kind[c];
                    xaux = ascii_tok_aux[c];
                    /* a symbol may carry combining marks: the scalar step */
                    if (tk == SLANT_TOK_SYMBOL && s[p + 1] >= 0x80) tk = TK_SCALAR;
                } else if (c == 0xE2 && s[p + 1] == 0x80 && (s[p + 2] & 0xF0) == 0x90) {
                    unsigned x = s[p + 2] & 0x0F;
                    tk = u2010_kind[x];
                    xaux = u2010_aux[x];
                    form = (unsigned char)u2010_form[x];
                    len = 3;
                    cont = 6ULL << r;
                }
                if (tk != TK_SCALAR) {
                    if (tk == SLANT_TOK_QUOTE) {
                        d->ntoks = o.ntoks; /* push_qmark records the token's index */
                        push_qmark(d);
                    }
                    o.norm[o.nlen] = (char)form;
                    uint64_t h = token_hash(o.norm + o.nlen, 1);
                    out_token(&o, p, p + len, 1, tk, 0, aux | xaux, h);
                    starts &= ~cont;
                    gap = 0;
                    continue;
                }
            }
            /* anything else: the scalar step (which skips non-ASCII
             * whitespace too); the mask resumes where it stopped, at a
             * letter or digit too if that is inside a run */
            out_store(&o, d);
            tz->nl = aux & AUX_NL_MASK;
            tz->space = aux & AUX_SPACE;
            tz->words = words;
            size_t e = tokenize_one(tz, p);
            if (e == SIZE_MAX) return e;
            o = out_load(d);
            gap = (tz->nl > 2 ? 2 : tz->nl) | tz->space;
            words = tz->words;
            i = e;
            size_t re = e - b;
            starts = re < 64 ? (starts & (~0ULL << re)) | (m.word & (1ULL << re)) : 0;
        }
        /* the last token may end in the next block */
        if (o.ntoks && o.toks[o.ntoks - 1].end > i) i = o.toks[o.ntoks - 1].end;
    }
    out_store(&o, d);
    tz->nl = gap & AUX_NL_MASK;
    tz->space = gap & AUX_SPACE;
    tz->words = words;
    return i;
}

/* 0, or -1 when the matching forms would not fit the 32-bit offsets of a
 * token. */
static int tokenize(slant_doc *d) {
    tokenizer tz = {d, (const unsigned char *)d->text, d->len, {&d->fold_tmp, &d->fold_u32, &d->fold_u32_cap},
                    2, 0, 0};
    size_t i = tokenize_blocks(&tz, 0);
    while (i < tz.n) {
        i = tokenize_one(&tz, i);
        if (i == SIZE_MAX) return -1;
    }
    d->nwords = tz.words;
    return 0;
}

/* The aux bits of a token where a sentence may end or a line or a
 * paragraph begins. */
enum { AUX_EVENT = AUX_NL_MASK | AUX_TERMINAL | AUX_ABBR_MASK };

/* Bit j set when token base + j (< nt) has an AUX_EVENT bit. About one
 * token in ten has one, so split_sentences walks these bits instead of
 * testing every token (a branch that mispredicted at nearly every event). */
static inline uint64_t event_mask(const uint16_t *ax, size_t base, size_t nt) {
    uint64_t m = 0;
    size_t cnt = nt - base < 64 ? nt - base : 64;
#if defined(__SSE2__) && !defined(SLANT_NO_SIMD)
    if (cnt == 64) {
        const __m128i ev = _mm_set1_epi16(AUX_EVENT), zero = _mm_setzero_si128();
        for (int q = 0; q < 4; q++) {
            const __m128i *p = (const __m128i *)(const void *)(ax + base + 16 * q);
            __m128i qa = _mm_cmpeq_epi16(_mm_and_si128(_mm_loadu_si128(p), ev), zero);
            __m128i qb = _mm_cmpeq_epi16(_mm_and_si128(_mm_loadu_si128(p + 1), ev), zero);
            unsigned quiet = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(qa, qb)); /* a bit per token */
            m |= (uint64_t)(~quiet & 0xFFFFu) << (16 * q);
        }
        return m;
    }
#endif
    for (size_t j = 0; j < cnt; j++) m |= (uint64_t)((ax[base + j] & AUX_EVENT) != 0) << j;
    return m;
}

/* One token with an AUX_EVENT bit: close the current sentence (which
 * starts at *sbp) where the rules in the top comment say. Returns the next
 * token to look at: the terminals, quotes and brackets attached to a
 * sentence end are absorbed into it. */
static inline size_t sentence_event(slant_doc *d, size_t k, size_t *sbp, uint32_t *parap) {
    size_t nt = d->ntoks;
    slant_token *tk = d->toks;
    const uint16_t *ax = d->aux;
    const char *nb = d->norm.data;
    size_t sb = *sbp;
    uint32_t para = *parap;
    unsigned a = ax[k];
    unsigned kn = a & AUX_NL_MASK;
    if (kn >= 2) {
        if (k > 0) { /* paragraph break */
            if (sb < k) push_sentence(d, sb, k, para, !ends_final(d, sb, k));
            para++;
        }
        sb = k;
        tk[k].flags |= SLANT_TF_PARA_START;
    } else if (kn == 1 && k > sb) {
        unsigned pa = ax[k - 1];
        int cont = (a & AUX_LOWER) || ((pa & AUX_SOFT) && !(pa & AUX_CLOSER)) ||
                   ((tk[k - 1].flags & SLANT_TF_ABBREV) &&
                    ((pa >> AUX_ABBR_SHIFT) & 3) == ABBR_TITLE) ||
                   ((pa & AUX_LOWER) && is_line_continuer(nb + tk[k - 1].norm, tk[k - 1].norm_len));
        if (!cont) {
            push_sentence(d, sb, k, para, !ends_final(d, sb, k));
            sb = k;
        }
    }
    int terminal = (a & AUX_TERMINAL) != 0;
    int abbr = (tk[k].flags & SLANT_TF_ABBREV) ? (int)((a >> AUX_ABBR_SHIFT) & 3) : 0;
    if (!terminal && !abbr) {
        *sbp = sb;
        *parap = para;
        return k + 1;
    }
    /* absorb adjacent terminals, closing quotes and brackets */
    size_t j = k + 1;
    int dots = (a & AUX_ELLIPSIS) ? 3 : (a & AUX_DOTS) ? 1 : 0;
    int absorbed_closer = 0;
    while (j < nt && !(ax[j] & (AUX_SPACE | AUX_NL_MASK))) {
        unsigned b = ax[j];
        if (tk[j].kind == SLANT_TOK_QUOTE || (b & AUX_CLOSER)) {
            absorbed_closer = 1;
        } else if (b & AUX_TERMINAL) {
            if (b & AUX_DOTS) dots += (b & AUX_ELLIPSIS) ? 3 : 1;
            if (abbr) terminal = 1;
        } else {
            break;
        }
        j++;
    }
    int ellipsis = dots >= 2;
    int brk;
    if (j >= nt) {
        brk = 1;
    } else {
        const slant_token *u = &tk[j];
        unsigned b = ax[j];
        unsigned un = b & AUX_NL_MASK;
        int lower = (b & AUX_LOWER) != 0;
        int soft = (b & AUX_SOFT) != 0;
        if (terminal || absorbed_closer) {
            if (un >= 1) brk = 1;
            else if (lower || soft) brk = 0;
            else if (ellipsis) brk = u->kind == SLANT_TOK_WORD || u->kind == SLANT_TOK_QUOTE;
            else brk = 1;
        } else if (abbr == ABBR_TITLE) {
            brk = 0;
        } else if (lower || soft) {
            brk = 0;
        } else if (abbr == ABBR_MONTH) {
            brk = un >= 1 || u->kind != SLANT_TOK_NUMBER;
        } else {
            brk = un >= 1 || u->kind == SLANT_TOK_QUOTE ||
                  ((u->flags & SLANT_TF_CAPITALIZED) && u->kind == SLANT_TOK_WORD &&
                   is_sentence_opener(nb + u->norm, u->norm_len));
        }
    }
    if (brk) {
        push_sentence(d, sb, j, para, 0);
        sb = j;
    }
    *sbp = sb;
    *parap = para;
    return j;
}

/* Sentence boundaries from the token stream and the aux bits (rules in the
 * top comment). */
static void split_sentences(slant_doc *d) {
    size_t nt = d->ntoks;
    uint32_t para = 0;
    size_t sb = 0;   /* first token of the current sentence */
    size_t next = 0; /* tokens before it were absorbed by a sentence end */
    for (size_t base = 0; base < nt; base += 64) {
        if (next >= base + 64) continue;
        uint64_t ev = event_mask(d->aux, base, nt);
        if (next > base) ev &= ~0ULL << (next - base);
        while (ev) {
            next = sentence_event(d, base + (size_t)__builtin_ctzll(ev), &sb, &para);
            size_t r = next - base;
            ev = r < 64 ? ev & (~0ULL << r) : 0;
        }
    }
    if (sb < nt) push_sentence(d, sb, nt, para, !ends_final(d, sb, nt));
    d->nparagraphs = nt ? (size_t)para + 1 : 0;
}

int slant_doc_analyze(slant_doc *d, const char *text, size_t len, slant_error *err) {
    d->text = text;
    d->len = len;
    d->ntoks = d->nsents = d->nquotes = d->nspeakers = 0;
    d->nparagraphs = 0;
    d->nqmarks = 0;
    d->ncaps = 0;
    d->quotes_marked = 0;
    d->nwords = d->nquoted_words = 0;
    slant_buf_clear(&d->norm);
    slant_buf_clear(&d->names);
    /* 1 GiB: every offset, including those of the matching forms (up to
     * twice the text), fits in the tokens' 32-bit fields */
    if (len > SLANT_TEXT_MAX) {
        d->len = 0;
        return slant_error_set(err, "", 0, 0, -1,
                               "text of %zu bytes is larger than 1 GiB: split it into articles", len);
    }
    cp_cache_init();
    /* ASCII tokens fold to their own length plus a NUL each: at most 2 bytes
     * per input byte, reserved once so the hot loop never checks capacity
     * (pages never touched are never committed) */
    slant_buf_reserve(&d->norm, 2 * len + 64);
    if (d->aux_cap < d->toks_cap) { /* given back after a huge document */
        d->aux = slant_xrealloc(d->aux, d->toks_cap * sizeof *d->aux);
        d->aux_cap = d->toks_cap;
    }
    if (tokenize(d) != 0) {
        d->ntoks = 0;
        d->nqmarks = 0;
        d->ncaps = 0;
        d->nwords = 0;
        slant_buf_clear(&d->norm);
        return slant_error_set(err, "", 0, 0, -1,
                               "the matching forms of this %zu-byte text exceed 4 GiB (it is mostly "
                               "characters that NFKC expands): split it into articles",
                               len);
    }
    split_sentences(d);
    if (d->aux_cap > AUX_KEEP) {
        free(d->aux);
        d->aux = NULL;
        d->aux_cap = 0;
    }
    return 0;
}

size_t slant_count_words(const slant_doc *d, size_t tok_begin, size_t tok_end) {
    size_t c = 0;
    if (tok_end > d->ntoks) tok_end = d->ntoks;
    for (size_t i = tok_begin; i < tok_end; i++)
        c += d->toks[i].kind == SLANT_TOK_WORD || d->toks[i].kind == SLANT_TOK_NUMBER;
    return c;
}
