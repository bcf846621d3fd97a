/*
 * text.h - UTF-8 validation, tokens and sentences of one document.
 *
 * A slant_doc is reused from article to article: slant_doc_analyze resets it
 * and keeps its arrays' capacity, so scoring a corpus allocates only while
 * the largest document so far grows (no allocation per token).
 *
 * Every token keeps byte offsets [start, end) into the text it was given (for
 * display) and a matching form in doc->norm: NFKC, case-folded, with curly
 * apostrophes/quotes and dashes unified to ASCII ' " -. Its 64-bit hash
 * (slant_hash_bytes of that form) is computed once here and used by every
 * lexicon lookup. The text itself is not owned by the doc and must outlive it.
 */
#ifndef SLANT_TEXT_H
#define SLANT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "slant/util.h"

/* ---- UTF-8 ---- */
/* 0 when s is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF);
 * otherwise -1 with *bad_offset set to the first invalid byte. */
int slant_utf8_validate(const char *s, size_t n, size_t *bad_offset);
/* The same, and a NUL byte fails too (*bad_offset at the first NUL or
 * invalid byte, whichever comes first). */
int slant_utf8_validate_text(const char *s, size_t n, size_t *bad_offset);
/* Copy s into out replacing each invalid sequence with U+FFFD; returns the
 * number of replacements. */
size_t slant_utf8_sanitize(const char *s, size_t n, slant_buf *out);
/* Validate; on failure fill err naming file, line, column and byte offset. */
int slant_utf8_check(const char *s, size_t n, const char *file, slant_error *err);

/* ---- tokens ---- */
enum slant_token_kind {
    SLANT_TOK_WORD = 0,  /* letters (any script), with internal ' and - */
    SLANT_TOK_NUMBER,    /* 17.5, 1,000, $1, 25%, 2016 */
    SLANT_TOK_PUNCT,     /* . , ; : ! ? ( ) and dashes */
    SLANT_TOK_QUOTE,     /* a quotation mark: " “ ” „ « » and ' ‘ ’ used as quotes */
    SLANT_TOK_SYMBOL     /* anything else: emoji, &, #, ... */
};

enum slant_token_flag {
    SLANT_TF_CAPITALIZED = 1 << 0, /* first letter uppercase */
    SLANT_TF_ALLCAPS = 1 << 1,     /* >= 2 letters, all uppercase */
    SLANT_TF_ABBREV = 1 << 2,      /* word followed by a '.' that belongs to it (Mr., U.S.) */
    SLANT_TF_QUOTE_OPEN = 1 << 3,  /* QUOTE token that opens a quotation */
    SLANT_TF_QUOTE_CLOSE = 1 << 4, /* QUOTE token that closes a quotation */
    SLANT_TF_IN_QUOTE = 1 << 5,    /* token lies inside a direct quotation (set by quote.c) */
    SLANT_TF_PARA_START = 1 << 6   /* first token of a paragraph */
};

typedef struct slant_token {
    uint32_t start, end;     /* bytes in the document text */
    uint32_t norm, norm_len; /* matching form: doc->norm.data + norm */
    uint64_t hash;           /* slant_hash_bytes(matching form) */
    uint8_t kind;            /* enum slant_token_kind */
    uint8_t flags;           /* enum slant_token_flag */
    uint16_t quote;          /* index+1 into doc->quotes, 0 = not in a quote */
} slant_token;

typedef struct slant_sentence {
    uint32_t start, end;         /* bytes, trimmed of surrounding space */
    uint32_t tok_begin, tok_end; /* token range [begin, end) */
    uint32_t paragraph;          /* 0-based paragraph index */
    uint8_t headline;            /* a line with no final punctuation */
} slant_sentence;

/* A direct quotation (filled by quote.c). */
typedef struct slant_quote {
    uint32_t start, end;         /* bytes, including the quotation marks */
    uint32_t tok_begin, tok_end; /* tokens inside the marks */
    int32_t speaker;             /* index into doc->speakers, -1 = unknown */
    uint8_t unclosed;            /* no closing mark: bounded by the paragraph */
} slant_quote;

/* A speaker name as it appears in the text (the longest mention used). */
typedef struct slant_speaker {
    uint32_t start, end; /* bytes of the name in the text */
    uint32_t name;       /* offset of the display name in doc->names */
} slant_speaker;

typedef struct slant_doc {
    const char *text; /* not owned */
    size_t len;
    slant_token *toks;
    size_t ntoks, toks_cap;
    slant_sentence *sents;
    size_t nsents, sents_cap;
    slant_quote *quotes;
    size_t nquotes, quotes_cap;
    slant_speaker *speakers;
    size_t nspeakers, speakers_cap;
    slant_buf norm;  /* NUL-separated matching forms of tokens */
    slant_buf names; /* NUL-terminated display names of speakers */
    size_t nparagraphs;
    /* scratch owned by text.c, reused between documents (never read outside) */
    uint16_t *aux;      /* per-token layout bits used by sentence splitting */
    size_t aux_cap;
    int32_t *fold_u32;  /* code points while folding a non-ASCII token */
    size_t fold_u32_cap;
    slant_buf fold_tmp;
    /* for quote.c, so it need not scan every token: the QUOTE tokens in
     * order (written by text.c), and whether quote.c has marked this
     * analysis already (its flags must then be cleared before a rerun) */
    uint32_t *qmarks;
    size_t nqmarks, qmarks_cap;
    int quotes_marked;
    /* the capitalized WORD tokens in order (written by text.c), where
     * quote.c looks for full names */
    uint32_t *caps;
    size_t ncaps, caps_cap;
    /* quote.c's working buffers, kept between documents like the arrays
     * above; quote.c sets the function that frees them, so text.c never
     * depends on quote.c (quotes are built on tokens, not the reverse) */
    struct slant_quote_scratch *qscratch;
    void (*qscratch_free)(struct slant_quote_scratch *);
    /* tokens of kind WORD or NUMBER in the whole document (what
     * slant_count_words(d, 0, ntoks) counts), and how many of them lie in a
     * direct quotation (set by slant_quotes_find, 0 before it) */
    size_t nwords, nquoted_words;
} slant_doc;

void slant_doc_init(slant_doc *d);
void slant_doc_free(slant_doc *d);
/* Tokenize and split sentences (does not find quotes: see quote.h).
 * text must be valid UTF-8 (check first); returns 0, or -1 if the text is
 * larger than SLANT_TEXT_MAX (1 GiB, so that the matching forms fit the
 * tokens' 32-bit offsets too). */
#define SLANT_TEXT_MAX ((size_t)1 << 30)
int slant_doc_analyze(slant_doc *d, const char *text, size_t len, slant_error *err);

static inline const char *slant_tok_norm(const slant_doc *d, const slant_token *t) {
    return d->norm.data + t->norm;
}
static inline const char *slant_speaker_name(const slant_doc *d, int32_t i) {
    return i < 0 ? NULL : d->names.data + d->speakers[i].name;
}

/* Fold one piece of text into its matching form (appended to out, no NUL);
 * the same function tokens use, exposed for lexicon loading. */
void slant_fold(const char *s, size_t n, slant_buf *out);

/* Words in a token range (kind WORD or NUMBER). */
size_t slant_count_words(const slant_doc *d, size_t tok_begin, size_t tok_end);

#endif
