/*
 * lexicon.h - lexicon files, layered sets, categories.
 *
 * File format (documented for users in lexicons/README.md):
 *
 *   # comment line
 *   @lexicon  tone-news            header directives: @lexicon @version
 *   @version  1.0                  @language @source @license @description
 *   @category target.russia Russia (optional display label for a category)
 *   term<TAB>category[<TAB>weight[<TAB>options]][<TAB># note]
 *
 * A term is a word, a multi-word expression (tokens separated by spaces, up
 * to SLANT_LEX_MAX_TOKENS) or a one-token prefix wildcard ending in '*'
 * (`negotiat*`). Weight defaults to 1 and must be a finite number with
 * |w| <= 1e6. Options are space-separated: `case` (match the exact surface
 * form: "US" never matches "us"), `side=NAME` (naming: whose label this is),
 * `label=NAME` (naming: group spellings of one label). A field starting
 * with '#' is a note (the reason for an entry) and ends the line. In a
 * term, `\*` `\#` `\@` `\\` stand for the literal character (emoticons);
 * any other backslash is literal.
 *
 * Categories are dotted paths whose first part is a known family (tone,
 * loaded, hedge, booster, attrib, frame, target, naming, act, rule); the
 * `rule.*` family holds the words tone rules react to (rule.negator,
 * rule.intensifier, rule.diminisher, rule.contrast, rule.least, ...), so no
 * lexicon term is hard-coded in C.
 *
 * Layering: files added later override earlier ones. The same term in the
 * same category in a later layer replaces the earlier weight (reported as an
 * override, or as a conflict when the weights differ); a duplicate inside one
 * file is reported. A term may belong to several categories (tone and
 * loaded, say): those entries coexist.
 *
 * Ownership: a slant_lexset owns all its entries and strings.
 */
#ifndef SLANT_LEXICON_H
#define SLANT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "slant/util.h"

#define SLANT_LEX_MAX_TOKENS 12 /* VADER's longest emoticons are 9 tokens */

enum slant_family {
    SLANT_FAM_TONE = 0,
    SLANT_FAM_LOADED,
    SLANT_FAM_HEDGE,
    SLANT_FAM_BOOSTER,
    SLANT_FAM_ATTRIB,
    SLANT_FAM_FRAME,
    SLANT_FAM_TARGET,
    SLANT_FAM_NAMING,
    SLANT_FAM_ACT,  /* actions with a direction: act.hostile, act.supportive */
    SLANT_FAM_RULE, /* words the tone rules react to */
    SLANT_FAM_COUNT
};

enum slant_entry_flag {
    SLANT_EF_CASE = 1 << 0,     /* case-sensitive */
    SLANT_EF_WILDCARD = 1 << 1, /* prefix wildcard */
};

typedef struct slant_entry {
    const char *term;     /* as written in the file (without the '*') */
    const char *norm;     /* matching form: folded tokens joined by ' ' */
    uint32_t category;    /* index into the set's categories */
    uint8_t family;       /* enum slant_family, = category's family */
    uint8_t flags;        /* enum slant_entry_flag */
    uint8_t ntoks;        /* tokens in the term */
    uint8_t layer;        /* index of the file it came from */
    double weight;
    const char *side;     /* naming side, NULL when absent */
    const char *label;    /* naming label group, NULL = the term itself */
    const char *note;     /* reason, NULL when absent */
    uint32_t line;        /* line in its file */
} slant_entry;

typedef struct slant_category {
    const char *name;  /* "frame.economy" */
    const char *label; /* display label, defaults to the part after the family */
    uint8_t family;
} slant_category;

typedef struct slant_layer {
    const char *path;
    const char *name, *version, *language, *source, *license, *description; /* NULL when absent */
    size_t entries;    /* entries read from this file */
    size_t overrides;  /* earlier layers' entries this layer replaced (same weight) */
    size_t conflicts;  /* ... replaced with a different weight */
    size_t duplicates; /* terms repeated inside this file */
} slant_layer;

typedef struct slant_lexset slant_lexset;

slant_lexset *slant_lexset_new(void);
void slant_lexset_free(slant_lexset *s);

/* Add one lexicon file as the next layer. Errors name file, line, column. */
int slant_lexset_add_file(slant_lexset *s, const char *path, slant_error *err);
/* Add a lexicon from memory (name used in messages). */
int slant_lexset_add_text(slant_lexset *s, const char *name, const char *text, size_t len,
                          slant_error *err);
/* A set file: one lexicon path per line (relative to the set file), '#'
 * comments; each becomes a layer in order. */
int slant_lexset_add_setfile(slant_lexset *s, const char *path, slant_error *err);
/* Check mode (`slant lexicon check`): keep reading after an error so every
 * bad line is reported. The add functions still return -1 (with the first
 * error in err) when a file had errors; the list holds them all. */
void slant_lexset_keep_going(slant_lexset *s, int on);
size_t slant_lexset_error_count(const slant_lexset *s);
const slant_error *slant_lexset_error(const slant_lexset *s, size_t i);
/* Build the matching tables; call once after the last add. */
int slant_lexset_finish(slant_lexset *s, slant_error *err);

/* Entries in layer order, then line order. Before finish the list still
 * holds entries a later line replaced; finish drops them, so indices are
 * final (and match results refer to them) only after finish. */
size_t slant_lexset_entry_count(const slant_lexset *s);
const slant_entry *slant_lexset_entry(const slant_lexset *s, size_t i);
size_t slant_lexset_category_count(const slant_lexset *s);
const slant_category *slant_lexset_category(const slant_lexset *s, size_t i);
/* -1 when absent. */
int slant_lexset_category_find(const slant_lexset *s, const char *name);
size_t slant_lexset_layer_count(const slant_lexset *s);
const slant_layer *slant_lexset_layer(const slant_lexset *s, size_t i);
/* Overrides, conflicts and duplicates found while layering, one line each
 * ("file:line: ..."). */
size_t slant_lexset_warning_count(const slant_lexset *s);
const char *slant_lexset_warning(const slant_lexset *s, size_t i);
/* Stable content hash of the whole set (entries, weights, options, order of
 * layers), as 16 hex digits: partials made with different sets never merge. */
const char *slant_lexset_hash(const slant_lexset *s);

const char *slant_family_name(int family);
int slant_family_find(const char *name, size_t len); /* -1 when unknown */

/* The default set shipped with slant: lexicons/default.set looked up in
 * $SLANT_LEXICONS, then SLANT_DATADIR/lexicons (the install's share
 * folder), then ./lexicons. Adds its layers; the caller still calls finish. */
int slant_lexset_load_default(slant_lexset *s, slant_error *err);

#endif
