/*
 * lexicon.c - reading lexicon files into a layered set, and building the
 * matching index match.c uses (layout in lexindex.h).
 *
 * Key decisions:
 * - Terms are split by the document tokenizer (slant_doc_analyze), so a
 *   term's matching form is exactly the sequence of token forms a document
 *   would produce: "U.S.", "don't" and ":)" need no special casing here.
 * - Entries are identified by (folded term, category, case, wildcard).
 *   A later layer replaces an earlier entry with the same identity; the
 *   replaced entry is dropped when the set is finished, so the entry list
 *   and its indices are stable only after slant_lexset_finish.
 * - Errors carry file, line and byte column of the offending field. In
 *   check mode (keep_going) every bad line is recorded and parsing goes on.
 */
#include "slant/lexicon.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexindex.h"
#include "slant/text.h"

#ifndef SLANT_DATADIR /* the Makefile passes the install's share folder */
#define SLANT_DATADIR "/usr/local/share/slant"
#endif

#define LEX_WEIGHT_LIMIT 1e6
#define LEX_MAX_LAYERS 255

static const char *const family_names[SLANT_FAM_COUNT] = {
    "tone", "loaded", "hedge", "booster", "attrib", "frame", "target", "naming", "act", "rule"};

struct entry_aux {
    uint64_t tokhash[SLANT_LEX_MAX_TOKENS]; /* token hashes (wildcards: unused) */
    const lex_case_form *case_form;
    int dead; /* replaced by a later entry */
};

struct slant_lexset {
    slant_arena *arena;
    slant_entry *entries;
    struct entry_aux *aux;
    size_t nentries, entries_cap;
    slant_strmap *identity; /* entry identity -> live entry index */
    slant_category *cats;
    size_t ncats, cats_cap;
    slant_strmap *cat_index;
    slant_layer *layers;
    size_t nlayers, layers_cap;
    char **warnings;
    size_t nwarnings, warnings_cap;
    slant_error *errors;
    size_t nerrors, errors_cap;
    int keep_going;
    int finished;
    slant_doc doc;      /* reused to tokenize terms */
    slant_buf scratch;  /* decoded term, keys */
    lex_index index;
    char hash[17];
};

const char *slant_family_name(int family) {
    return family >= 0 && family < SLANT_FAM_COUNT ? family_names[family] : "?";
}

int slant_family_find(const char *name, size_t len) {
    for (int f = 0; f < SLANT_FAM_COUNT; f++)
        if (strlen(family_names[f]) == len && memcmp(family_names[f], name, len) == 0) return f;
    return -1;
}

slant_lexset *slant_lexset_new(void) {
    slant_lexset *s = slant_xcalloc(1, sizeof *s);
    s->arena = slant_arena_new(1 << 16);
    s->identity = slant_strmap_new(1024);
    s->cat_index = slant_strmap_new(64);
    slant_doc_init(&s->doc);
    slant_buf_init(&s->scratch);
    return s;
}

void slant_lexset_free(slant_lexset *s) {
    if (!s) return;
    slant_arena_free(s->arena);
    free(s->entries);
    free(s->aux);
    slant_strmap_free(s->identity);
    free(s->cats);
    slant_strmap_free(s->cat_index);
    free(s->layers);
    for (size_t i = 0; i < s->nwarnings; i++) free(s->warnings[i]);
    free(s->warnings);
    free(s->errors);
    slant_doc_free(&s->doc);
    slant_buf_free(&s->scratch);
    slant_u64map_free(s->index.seq);
    slant_u64map_free(s->index.stems);
    free(s->index.recs);
    free(s->index.term_filter);
    free((void *)s->index.case_forms);
    free(s);
}

void slant_lexset_keep_going(slant_lexset *s, int on) { s->keep_going = on; }
size_t slant_lexset_error_count(const slant_lexset *s) { return s->nerrors; }
const slant_error *slant_lexset_error(const slant_lexset *s, size_t i) {
    return i < s->nerrors ? &s->errors[i] : NULL;
}

size_t slant_lexset_entry_count(const slant_lexset *s) { return s->nentries; }
const slant_entry *slant_lexset_entry(const slant_lexset *s, size_t i) {
    return i < s->nentries ? &s->entries[i] : NULL;
}
size_t slant_lexset_category_count(const slant_lexset *s) { return s->ncats; }
const slant_category *slant_lexset_category(const slant_lexset *s, size_t i) {
    return i < s->ncats ? &s->cats[i] : NULL;
}
int slant_lexset_category_find(const slant_lexset *s, const char *name) {
    size_t n = strlen(name);
    uint32_t *v = slant_strmap_get(s->cat_index, name, n, slant_hash_bytes(name, n));
    return v ? (int)*v : -1;
}
size_t slant_lexset_layer_count(const slant_lexset *s) { return s->nlayers; }
const slant_layer *slant_lexset_layer(const slant_lexset *s, size_t i) {
    return i < s->nlayers ? &s->layers[i] : NULL;
}
size_t slant_lexset_warning_count(const slant_lexset *s) { return s->nwarnings; }
const char *slant_lexset_warning(const slant_lexset *s, size_t i) {
    return i < s->nwarnings ? s->warnings[i] : NULL;
}
const char *slant_lexset_hash(const slant_lexset *s) { return s->hash; }
const lex_index *slant_lexset_index(const slant_lexset *s) { return &s->index; }

/* ---- diagnostics ---- */

static void add_warning(slant_lexset *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_warning(slant_lexset *s, const char *fmt, ...) {
    slant_buf b;
    slant_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    slant_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (s->nwarnings == s->warnings_cap) {
        s->warnings_cap = s->warnings_cap ? s->warnings_cap * 2 : 16;
        s->warnings = slant_xrealloc(s->warnings, s->warnings_cap * sizeof *s->warnings);
    }
    s->warnings[s->nwarnings++] = slant_buf_detach(&b, NULL);
}

/* Where the parser is: to name file, line and column in every message. */
struct cursor {
    const char *file;
    long line;
    long long line_offset; /* byte offset of the line in the file */
    slant_error *err;
    int failed;
};

static int lex_error(slant_lexset *s, struct cursor *c, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int lex_error(slant_lexset *s, struct cursor *c, long col, const char *fmt, ...) {
    slant_error e;
    slant_error_clear(&e);
    char msg[sizeof e.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    slant_error_set(&e, c->file, c->line, col, col > 0 ? c->line_offset + col - 1 : -1, "%s",
                    msg);
    if (!c->failed && c->err) *c->err = e;
    c->failed = 1;
    if (s->keep_going) {
        if (s->nerrors == s->errors_cap) {
            s->errors_cap = s->errors_cap ? s->errors_cap * 2 : 16;
            s->errors = slant_xrealloc(s->errors, s->errors_cap * sizeof *s->errors);
        }
        s->errors[s->nerrors++] = e;
    }
    return -1;
}

/* ---- categories ---- */

static int category_valid_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
}

/* Find or create; -1 with an error for a malformed name or unknown family. */
static int category_get(slant_lexset *s, struct cursor *c, long col, const char *name, size_t len) {
    uint64_t h = slant_hash_bytes(name, len);
    uint32_t *v = slant_strmap_get(s->cat_index, name, len, h);
    if (v) return (int)*v;
    size_t fam_len = 0;
    while (fam_len < len && name[fam_len] != '.') fam_len++;
    int fam = slant_family_find(name, fam_len);
    if (fam < 0)
        return lex_error(s, c, col,
                         "unknown category family '%.*s' in '%.*s' (families: tone, loaded, "
                         "hedge, booster, attrib, frame, target, naming, act, rule)",
                         (int)fam_len, name, (int)len, name);
    for (size_t i = 0; i < len; i++) {
        int part_start = i == 0 || name[i - 1] == '.';
        if (name[i] == '.' ? part_start || i + 1 == len : !category_valid_char(name[i]))
            return lex_error(s, c, col + (long)i,
                             "malformed category '%.*s': use dotted parts of lowercase letters, "
                             "digits, '_' and '-' (e.g. frame.economy)",
                             (int)len, name);
    }
    if (s->ncats == s->cats_cap) {
        s->cats_cap = s->cats_cap ? s->cats_cap * 2 : 32;
        s->cats = slant_xrealloc(s->cats, s->cats_cap * sizeof *s->cats);
    }
    slant_category *cat = &s->cats[s->ncats];
    cat->name = slant_arena_strndup(s->arena, name, len);
    cat->label = fam_len < len ? cat->name + fam_len + 1 : cat->name;
    cat->family = (uint8_t)fam;
    *slant_strmap_upsert(s->cat_index, name, len, h, (uint32_t)s->ncats, NULL) = (uint32_t)s->ncats;
    return (int)s->ncats++;
}

/* ---- small string helpers ---- */

static int is_blank(char ch) { return ch == ' ' || ch == '\t'; }

/* Trim ASCII spaces (not tabs: tabs separate fields) from [*p, *p+*n). */
static void trim_spaces(const char **p, size_t *n) {
    while (*n && (*p)[0] == ' ') (*p)++, (*n)--;
    while (*n && (*p)[*n - 1] == ' ') (*n)--;
}

/* ---- directives ---- */

static int parse_directive(slant_lexset *s, struct cursor *c, slant_layer *layer, const char *line,
                           size_t n) {
    size_t i = 1;
    while (i < n && isalpha((unsigned char)line[i])) i++;
    const char *dname = line + 1;
    size_t dlen = i - 1;
    while (i < n && is_blank(line[i])) i++;
    const char *val = line + i;
    size_t vlen = n - i;
    while (vlen && is_blank(val[vlen - 1])) vlen--;
    long vcol = (long)i + 1;
    const char **slot = NULL;
    static const char *const names[] = {"lexicon", "version",  "language",    "source",
                                        "license", "licence",  "description", "category"};
    int which = -1;
    for (int k = 0; k < (int)(sizeof names / sizeof names[0]); k++)
        if (strlen(names[k]) == dlen && memcmp(names[k], dname, dlen) == 0) which = k;
    if (which < 0)
        return lex_error(s, c, 1,
                         "unknown directive '@%.*s' (known: @lexicon @version @language @source "
                         "@license @description @category); write \\@ to start a term with '@'",
                         (int)dlen, dname);
    if (vlen == 0) return lex_error(s, c, 1, "directive '@%.*s' needs a value", (int)dlen, dname);
    switch (which) {
    case 0: slot = &layer->name; break;
    case 1: slot = &layer->version; break;
    case 2: slot = &layer->language; break;
    case 3: slot = &layer->source; break;
    case 4:
    case 5: slot = &layer->license; break;
    case 6: slot = &layer->description; break;
    default: break;
    }
    if (slot) {
        if (*slot) add_warning(s, "%s:%ld: directive '@%.*s' repeated; the later value wins",
                               c->file, c->line, (int)dlen, dname);
        *slot = slant_arena_strndup(s->arena, val, vlen);
        return 0;
    }
    /* @category NAME LABEL */
    size_t nl = 0;
    while (nl < vlen && !is_blank(val[nl])) nl++;
    size_t ls = nl;
    while (ls < vlen && is_blank(val[ls])) ls++;
    if (ls == vlen)
        return lex_error(s, c, vcol, "@category needs a name and a display label "
                                     "(e.g. '@category target.russia Russia')");
    int cat = category_get(s, c, vcol, val, nl);
    if (cat < 0) return -1;
    s->cats[cat].label = slant_arena_strndup(s->arena, val + ls, vlen - ls);
    return 0;
}

/* ---- entries ---- */

/* Decode escapes of the term into s->scratch; find the wildcard '*'. */
static int decode_term(slant_lexset *s, struct cursor *c, long col, const char *t, size_t n,
                       int *wildcard) {
    slant_buf_clear(&s->scratch);
    *wildcard = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = t[i];
        if (ch == '\\' && i + 1 < n && strchr("#@*\\", t[i + 1])) {
            slant_buf_putc(&s->scratch, t[++i]);
        } else if (ch == '*') {
            if (i + 1 != n)
                return lex_error(s, c, col + (long)i,
                                 "'*' may only end a one-word wildcard like 'negotiat*' "
                                 "(write \\* for a literal asterisk)");
            *wildcard = 1;
        } else {
            slant_buf_putc(&s->scratch, ch);
        }
    }
    slant_buf_reserve(&s->scratch, 0);
    return 0;
}

static int parse_options(slant_lexset *s, struct cursor *c, long col, const char *o, size_t n,
                         slant_entry *e) {
    size_t i = 0;
    while (i < n) {
        while (i < n && o[i] == ' ') i++;
        size_t b = i;
        while (i < n && o[i] != ' ') i++;
        if (i == b) break;
        const char *opt = o + b;
        size_t len = i - b;
        long ocol = col + (long)b;
        if (len == 4 && memcmp(opt, "case", 4) == 0) {
            e->flags |= SLANT_EF_CASE;
        } else if (len > 5 && memcmp(opt, "side=", 5) == 0) {
            e->side = slant_arena_strndup(s->arena, opt + 5, len - 5);
        } else if (len > 6 && memcmp(opt, "label=", 6) == 0) {
            e->label = slant_arena_strndup(s->arena, opt + 6, len - 6);
        } else {
            return lex_error(s, c, ocol,
                             "unknown option '%.*s' (known: case, side=NAME, label=NAME)",
                             (int)len, opt);
        }
    }
    return 0;
}

static void identity_key(slant_buf *b, uint32_t cat, uint8_t flags, const char *norm) {
    slant_buf_clear(b);
    slant_buf_append(b, &cat, sizeof cat);
    uint8_t f = flags & (SLANT_EF_CASE | SLANT_EF_WILDCARD);
    slant_buf_append(b, &f, 1);
    slant_buf_puts(b, norm);
}

static void format_weight(char *out, size_t n, double w) { snprintf(out, n, "%.10g", w); }

/* Register a parsed entry: duplicates and overrides by identity. */
static void add_entry(slant_lexset *s, struct cursor *c, slant_layer *layer, slant_entry *e,
                      struct entry_aux *aux) {
    /* case entries are told apart by their surface ("US" vs "Us"), others by the folded form */
    identity_key(&s->scratch, e->category, e->flags,
                 (e->flags & SLANT_EF_CASE) ? e->term : e->norm);
    uint64_t h = slant_hash_bytes(s->scratch.data, s->scratch.len);
    int inserted;
    uint32_t *slot = slant_strmap_upsert(s->identity, s->scratch.data, s->scratch.len, h,
                                         (uint32_t)s->nentries, &inserted);
    if (!inserted) {
        slant_entry *old = &s->entries[*slot];
        const char *cat = s->cats[e->category].name;
        const char *wild = (e->flags & SLANT_EF_WILDCARD) ? "*" : "";
        char ow[32], nw[32];
        format_weight(ow, sizeof ow, old->weight);
        format_weight(nw, sizeof nw, e->weight);
        if (old->layer == e->layer) {
            layer->duplicates++;
            if (old->weight != e->weight)
                add_warning(s, "%s:%ld: duplicate: \"%s%s\" (%s) is also on line %u with weight "
                               "%s; this line's weight %s wins",
                            c->file, c->line, e->term, wild, cat, (unsigned)old->line, ow, nw);
            else
                add_warning(s, "%s:%ld: duplicate: \"%s%s\" (%s) is also on line %u", c->file,
                            c->line, e->term, wild, cat, (unsigned)old->line);
        } else {
            const char *opath = s->layers[old->layer].path;
            if (old->weight != e->weight) {
                layer->conflicts++;
                add_warning(s, "%s:%ld: conflict: \"%s%s\" (%s) weight %s overrides %s from %s:%u",
                            c->file, c->line, e->term, wild, cat, nw, ow, opath,
                            (unsigned)old->line);
            } else {
                layer->overrides++;
                add_warning(s, "%s:%ld: override: \"%s%s\" (%s) repeats %s:%u with the same "
                               "weight %s",
                            c->file, c->line, e->term, wild, cat, opath, (unsigned)old->line, nw);
            }
        }
        s->aux[*slot].dead = 1;
        *slot = (uint32_t)s->nentries;
    }
    if (s->nentries == s->entries_cap) {
        s->entries_cap = s->entries_cap ? s->entries_cap * 2 : 1024;
        s->entries = slant_xrealloc(s->entries, s->entries_cap * sizeof *s->entries);
        s->aux = slant_xrealloc(s->aux, s->entries_cap * sizeof *s->aux);
    }
    s->entries[s->nentries] = *e;
    s->aux[s->nentries] = *aux;
    s->nentries++;
    layer->entries++;
}

static int parse_entry(slant_lexset *s, struct cursor *c, slant_layer *layer, const char *line,
                       size_t n) {
    /* split into TAB-separated fields; a field starting with '#' is the note */
    const char *field[4];
    size_t flen[4];
    long fcol[4];
    int nf = 0;
    const char *note = NULL;
    size_t note_len = 0;
    size_t i = 0;
    for (;;) {
        size_t b = i;
        while (i < n && line[i] != '\t') i++;
        const char *f = line + b;
        size_t len = i - b;
        long col = (long)b + 1;
        const char *tf = f;
        size_t tl = len;
        trim_spaces(&tf, &tl);
        col += (long)(tf - f);
        if (nf > 0 && tl > 0 && tf[0] == '#') {
            note = tf + 1;
            note_len = n - (size_t)(tf + 1 - line);
            while (note_len && note[0] == ' ') note++, note_len--;
            while (note_len && is_blank(note[note_len - 1])) note_len--;
            break;
        }
        if (nf == 4)
            return lex_error(s, c, col,
                             "unexpected fifth field '%.*s' (a note must start with '#')",
                             (int)(tl > 40 ? 40 : tl), tf);
        field[nf] = tf;
        flen[nf] = tl;
        fcol[nf] = col;
        nf++;
        if (i >= n) break;
        i++; /* skip the TAB */
    }
    if (flen[0] == 0) return lex_error(s, c, fcol[0], "empty term");
    if (nf < 2 || flen[1] == 0)
        return lex_error(s, c, nf < 2 ? (long)n + 1 : fcol[1],
                         "missing category: write 'term<TAB>category[<TAB>weight]'");

    slant_entry e;
    memset(&e, 0, sizeof e);
    struct entry_aux aux;
    memset(&aux, 0, sizeof aux);
    e.line = (uint32_t)c->line;
    e.layer = (uint8_t)(layer - s->layers);
    int cat = category_get(s, c, fcol[1], field[1], flen[1]);
    if (cat < 0) return -1;
    e.category = (uint32_t)cat;
    e.family = s->cats[cat].family;
    e.weight = 1.0;
    if (nf >= 3 && flen[2] > 0) {
        double w;
        if (slant_parse_finite(field[2], flen[2], &w) != 0)
            return lex_error(s, c, fcol[2],
                             "weight '%.*s' is not a finite number (write e.g. 0.5 or -1)",
                             (int)(flen[2] > 40 ? 40 : flen[2]), field[2]);
        if (fabs(w) > LEX_WEIGHT_LIMIT)
            return lex_error(s, c, fcol[2],
                             "weight '%.*s' is out of range: weights lie within -1e6..1e6",
                             (int)(flen[2] > 40 ? 40 : flen[2]), field[2]);
        e.weight = w;
    }
    if (nf >= 4 && parse_options(s, c, fcol[3], field[3], flen[3], &e) != 0) return -1;

    int wildcard;
    if (decode_term(s, c, fcol[0], field[0], flen[0], &wildcard) != 0) return -1;
    if (wildcard) e.flags |= SLANT_EF_WILDCARD;
    if (s->scratch.len == 0) return lex_error(s, c, fcol[0], "empty term: a wildcard needs a stem");
    e.term = slant_arena_strndup(s->arena, s->scratch.data, s->scratch.len);

    slant_error terr;
    if (slant_doc_analyze(&s->doc, e.term, strlen(e.term), &terr) != 0)
        return lex_error(s, c, fcol[0], "cannot tokenize the term: %s", terr.msg);
    size_t nt = s->doc.ntoks;
    if (nt == 0) return lex_error(s, c, fcol[0], "empty term: '%s' has no tokens", e.term);
    if (wildcard && nt != 1)
        return lex_error(s, c, fcol[0],
                         "a wildcard must be one word, but '%s' is %zu tokens; list the "
                         "multi-word forms instead",
                         e.term, nt);
    if (nt > SLANT_LEX_MAX_TOKENS)
        return lex_error(s, c, fcol[0],
                         "multi-word entry has %zu tokens; the limit is %d: shorten it or "
                         "split it into several entries",
                         nt, SLANT_LEX_MAX_TOKENS);
    e.ntoks = (uint8_t)nt;

    slant_buf_clear(&s->scratch);
    for (size_t k = 0; k < nt; k++) {
        const slant_token *t = &s->doc.toks[k];
        if (k) slant_buf_putc(&s->scratch, ' ');
        slant_buf_append(&s->scratch, slant_tok_norm(&s->doc, t), t->norm_len);
        aux.tokhash[k] = t->hash;
    }
    if (wildcard && s->scratch.len > LEX_STEM_MAX)
        return lex_error(s, c, fcol[0], "wildcard stem is longer than %d bytes", LEX_STEM_MAX);
    e.norm = slant_arena_strndup(s->arena, s->scratch.data, s->scratch.len);
    if (e.flags & SLANT_EF_CASE) {
        lex_case_form *cf = slant_arena_alloc(s->arena, sizeof *cf);
        memset(cf, 0, sizeof *cf);
        slant_buf_clear(&s->scratch);
        for (size_t k = 0; k < nt; k++) {
            const slant_token *t = &s->doc.toks[k];
            slant_buf_append(&s->scratch, e.term + t->start, t->end - t->start);
            cf->len[k] = (uint16_t)(t->end - t->start);
        }
        cf->bytes = slant_arena_strndup(s->arena, s->scratch.data, s->scratch.len);
        aux.case_form = cf;
    }
    if (note && note_len) e.note = slant_arena_strndup(s->arena, note, note_len);
    if (e.family == SLANT_FAM_TONE && fabs(e.weight) > 1.0)
        add_warning(s, "%s:%ld: tone weight %g of \"%s\" is outside [-1, 1]", c->file, c->line,
                    e.weight, e.term);
    add_entry(s, c, layer, &e, &aux);
    return 0;
}

static slant_layer *new_layer(slant_lexset *s, const char *name) {
    if (s->nlayers == s->layers_cap) {
        s->layers_cap = s->layers_cap ? s->layers_cap * 2 : 8;
        s->layers = slant_xrealloc(s->layers, s->layers_cap * sizeof *s->layers);
    }
    slant_layer *l = &s->layers[s->nlayers++];
    memset(l, 0, sizeof *l);
    l->path = slant_arena_strndup(s->arena, name, strlen(name));
    return l;
}

int slant_lexset_add_text(slant_lexset *s, const char *name, const char *text, size_t len,
                          slant_error *err) {
    struct cursor c = {name, 0, 0, err, 0};
    if (s->finished) return lex_error(s, &c, 0, "lexicon set is already finished");
    if (s->nlayers >= LEX_MAX_LAYERS)
        return lex_error(s, &c, 0, "too many lexicon layers (the limit is %d)", LEX_MAX_LAYERS);
    slant_layer *layer = new_layer(s, name);
    size_t pos = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;
    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        c.line++;
        c.line_offset = (long long)pos;
        pos += n + (nl ? 1 : 0);
        if (n && line[n - 1] == '\r') n--;
        const char *nul = memchr(line, '\0', n);
        size_t bad;
        if (nul) {
            lex_error(s, &c, (long)(nul - line) + 1, "NUL byte in a lexicon line");
        } else if (slant_utf8_validate(line, n, &bad) != 0) {
            lex_error(s, &c, (long)bad + 1, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
                      (unsigned char)line[bad]);
        } else {
            size_t k = 0;
            while (k < n && is_blank(line[k])) k++;
            if (k == n || line[k] == '#') continue;
            if (line[0] == '@' && n > 1 && isalpha((unsigned char)line[1]))
                parse_directive(s, &c, layer, line, n);
            else
                parse_entry(s, &c, layer, line, n);
        }
        if (c.failed && !s->keep_going) return -1;
    }
    return c.failed ? -1 : 0;
}

int slant_lexset_add_file(slant_lexset *s, const char *path, slant_error *err) {
    slant_buf b;
    slant_buf_init(&b);
    slant_error e;
    if (slant_read_file(path, &b, 0, &e) != 0) {
        struct cursor c = {path, 0, 0, err, 0};
        lex_error(s, &c, 0, "%s", e.msg);
        slant_buf_free(&b);
        return -1;
    }
    int rc = slant_lexset_add_text(s, path, b.data, b.len, err);
    slant_buf_free(&b);
    return rc;
}

int slant_lexset_add_setfile(slant_lexset *s, const char *path, slant_error *err) {
    slant_buf b;
    slant_buf_init(&b);
    slant_error e;
    struct cursor c = {path, 0, 0, err, 0};
    if (slant_read_file(path, &b, 0, &e) != 0) {
        lex_error(s, &c, 0, "%s", e.msg);
        slant_buf_free(&b);
        return -1;
    }
    /* folder of the set file, for relative paths */
    const char *slash = strrchr(path, '/');
    char *dir = slash ? slant_xstrndup(path, (size_t)(slash - path) + 1) : slant_xstrdup("");
    size_t pos = 0;
    if (b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
    while (pos < b.len && !(c.failed && !s->keep_going)) {
        const char *line = b.data + pos;
        const char *nl = memchr(line, '\n', b.len - pos);
        size_t n = nl ? (size_t)(nl - line) : b.len - pos;
        c.line++;
        c.line_offset = (long long)pos;
        pos += n + (nl ? 1 : 0);
        const char *p = line;
        while (n && (is_blank(p[n - 1]) || p[n - 1] == '\r')) n--;
        while (n && is_blank(*p)) p++, n--;
        if (n == 0 || *p == '#') continue;
        char *name = slant_xstrndup(p, n);
        char *full = name[0] == '/' ? slant_xstrdup(name) : slant_path_join(dir, name);
        if (access(full, R_OK) != 0) {
            lex_error(s, &c, (long)(p - line) + 1, "cannot read lexicon '%s' (looked for %s)",
                      name, full);
        } else {
            slant_error le;
            if (slant_lexset_add_file(s, full, &le) != 0) {
                if (!c.failed && err) *err = le;
                c.failed = 1;
            }
        }
        free(name);
        free(full);
    }
    free(dir);
    slant_buf_free(&b);
    return c.failed ? -1 : 0;
}

int slant_lexset_load_default(slant_lexset *s, slant_error *err) {
    char *path = slant_data_path("default.set");
    if (!path)
        return slant_error_set(err, "", 0, 0, -1,
                               "no default lexicon set found (looked for default.set in "
                               "$SLANT_LEXICONS, %s/lexicons, next to the slant executable and in "
                               "./lexicons); set SLANT_LEXICONS or pass --lexicon FILE",
                               SLANT_DATADIR);
    int rc = slant_lexset_add_setfile(s, path, err);
    free(path);
    return rc;
}

/* ---- finishing: drop replaced entries, build the index, hash ---- */

static int cmp_family_entry(lex_term_entry a, lex_term_entry b) {
    if (a.family != b.family) return a.family < b.family ? -1 : 1;
    return a.entry < b.entry ? -1 : a.entry > b.entry;
}

static void sort_term_entries(lex_term_entry *v, size_t n) {
    for (size_t i = 1; i < n; i++) {
        lex_term_entry x = v[i];
        size_t j = i;
        while (j > 0 && cmp_family_entry(v[j - 1], x) > 0) v[j] = v[j - 1], j--;
        v[j] = x;
    }
}

/* A term (distinct matching form) while the index is built. */
struct term_build {
    const char *norm;
    uint32_t norm_len;
    uint32_t first, count; /* range in the entries array */
    uint16_t families;
    uint8_t ntoks;
    uint8_t any_case;
};

/* Group entries (exact or wildcard) by folded form into terms. */
static struct term_build *group_terms(slant_lexset *s, int wildcard, size_t *nterms,
                                      uint32_t *term_of, lex_term_entry *out,
                                      size_t *entries_used) {
    slant_strmap *m = slant_strmap_new(s->nentries + 16);
    struct term_build *terms = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < s->nentries; i++) {
        const slant_entry *e = &s->entries[i];
        if (!!(e->flags & SLANT_EF_WILDCARD) != wildcard) continue;
        size_t len = strlen(e->norm);
        int inserted;
        uint32_t *v = slant_strmap_upsert(m, e->norm, len, slant_hash_bytes(e->norm, len),
                                          (uint32_t)n, &inserted);
        if (inserted) {
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                terms = slant_xrealloc(terms, cap * sizeof *terms);
            }
            struct term_build *t = &terms[n++];
            memset(t, 0, sizeof *t);
            t->norm = e->norm;
            t->norm_len = (uint32_t)len;
            t->ntoks = e->ntoks;
        }
        struct term_build *t = &terms[*v];
        t->count++;
        t->families |= (uint16_t)(1u << e->family);
        if (e->flags & SLANT_EF_CASE) t->any_case = 1;
        term_of[i] = *v;
    }
    slant_strmap_free(m);
    /* lay out each term's entry list, then fill in entry order and sort */
    size_t start = *entries_used;
    for (size_t t = 0; t < n; t++) {
        terms[t].first = (uint32_t)start;
        start += terms[t].count;
        terms[t].count = 0;
    }
    for (size_t i = 0; i < s->nentries; i++) {
        const slant_entry *e = &s->entries[i];
        if (!!(e->flags & SLANT_EF_WILDCARD) != wildcard) continue;
        struct term_build *t = &terms[term_of[i]];
        out[t->first + t->count].entry = (uint32_t)i;
        out[t->first + t->count].family = e->family;
        t->count++;
    }
    for (size_t t = 0; t < n; t++) sort_term_entries(out + terms[t].first, terms[t].count);
    *entries_used = start;
    *nterms = n;
    return terms;
}

/* The set's printed content hash: 64-bit FNV-1a with a final avalanche.
 * It is written into partials and reports and compared when they merge, so
 * it must never change with slant_hash_bytes (in-memory tables only). */
static uint64_t fingerprint(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h ? h : 1;
}

/* Size of a term's record in uint32_t units. */
static size_t term_words(const struct term_build *t) {
    size_t bytes = sizeof(lex_term) + t->count * sizeof(lex_term_entry) + t->norm_len;
    return (bytes + sizeof(uint32_t) - 1) / sizeof(uint32_t);
}

static void write_term(uint32_t *at, const struct term_build *t, const lex_term_entry *entries) {
    lex_term *r = (lex_term *)(void *)at;
    r->norm_len = t->norm_len;
    r->count = t->count;
    r->families = t->families;
    r->ntoks = t->ntoks;
    r->any_case = t->any_case;
    memcpy(r->entries, entries + t->first, t->count * sizeof *entries);
    memcpy((char *)(r->entries + t->count), t->norm, t->norm_len);
}

/* The hash input spells every weight with %.17g (exact round trip); a small
 * cache of formatted weights keeps printf off the per-entry path, since
 * lexicons reuse few distinct weights. */
static void compute_hash(slant_lexset *s) {
    slant_buf b;
    slant_buf_init(&b);
    for (size_t l = 0; l < s->nlayers; l++)
        slant_buf_printf(&b, "L\x1f%s\x1f%s\x1e", s->layers[l].name ? s->layers[l].name : "",
                         s->layers[l].version ? s->layers[l].version : "");
    enum { CACHE = 256 };
    uint64_t cache_bits[CACHE];
    char cache_text[CACHE][32];
    memset(cache_bits, 0, sizeof cache_bits);
    for (size_t k = 0; k < CACHE; k++) cache_text[k][0] = '\0';
    for (size_t i = 0; i < s->nentries; i++) {
        const slant_entry *e = &s->entries[i];
        uint64_t bits;
        memcpy(&bits, &e->weight, sizeof bits);
        size_t slot = (size_t)(slant_hash_combine(bits, 0) & (CACHE - 1));
        if (cache_bits[slot] != bits || !cache_text[slot][0]) {
            snprintf(cache_text[slot], sizeof cache_text[slot], "%.17g", e->weight);
            cache_bits[slot] = bits;
        }
        slant_buf_puts(&b, e->term);
        slant_buf_putc(&b, '\x1f');
        slant_buf_puts(&b, s->cats[e->category].name);
        slant_buf_putc(&b, '\x1f');
        slant_buf_puts(&b, cache_text[slot]);
        slant_buf_putc(&b, '\x1f');
        if (e->flags & SLANT_EF_CASE) slant_buf_putc(&b, 'c');
        if (e->flags & SLANT_EF_WILDCARD) slant_buf_putc(&b, 'w');
        slant_buf_putc(&b, '\x1f');
        if (e->side) slant_buf_puts(&b, e->side);
        slant_buf_putc(&b, '\x1f');
        if (e->label) slant_buf_puts(&b, e->label);
        slant_buf_putc(&b, '\x1e');
    }
    snprintf(s->hash, sizeof s->hash, "%016llx",
             (unsigned long long)fingerprint(b.data ? b.data : "", b.len));
    slant_buf_free(&b);
}

int slant_lexset_finish(slant_lexset *s, slant_error *err) {
    if (s->finished) return 0;
    /* drop replaced entries, keeping layer and line order */
    size_t live = 0;
    for (size_t i = 0; i < s->nentries; i++) {
        if (s->aux[i].dead) continue;
        s->entries[live] = s->entries[i];
        s->aux[live] = s->aux[i];
        live++;
    }
    s->nentries = live;
    slant_strmap_free(s->identity);
    s->identity = NULL;

    lex_index *ix = &s->index;
    int rc = -1;
    uint32_t *term_of = slant_xmalloc((s->nentries + 1) * sizeof *term_of);
    lex_term_entry *tents = slant_xmalloc((s->nentries + 1) * sizeof *tents);
    size_t used = 0;
    struct term_build *terms = group_terms(s, 0, &ix->nterms, term_of, tents, &used);
    struct term_build *stems = group_terms(s, 1, &ix->nstems, term_of, tents, &used);
    free(term_of);
    /* every term's record, back to back: exact terms, then stems */
    uint32_t *term_off = slant_xmalloc((ix->nterms + ix->nstems + 1) * sizeof *term_off);
    uint32_t *stem_off = term_off + ix->nterms;
    size_t words = 0;
    for (size_t t = 0; t < ix->nterms; t++) term_off[t] = (uint32_t)words, words += term_words(&terms[t]);
    for (size_t t = 0; t < ix->nstems; t++) stem_off[t] = (uint32_t)words, words += term_words(&stems[t]);
    if (words >= LEX_SEQ_TERM_MASK) {
        slant_error_set(err, s->layers[0].path, 0, 0, -1, "lexicon set too large to index");
        goto done;
    }
    ix->recs = slant_xcalloc(words + 1, sizeof *ix->recs);
    for (size_t t = 0; t < ix->nterms; t++) write_term(ix->recs + term_off[t], &terms[t], tents);
    for (size_t t = 0; t < ix->nstems; t++) write_term(ix->recs + stem_off[t], &stems[t], tents);

    ix->case_forms = slant_xcalloc(s->nentries + 1, sizeof *ix->case_forms);
    for (size_t i = 0; i < s->nentries; i++) ix->case_forms[i] = s->aux[i].case_form;

    ix->seq = slant_u64map_new(ix->nterms + 16);
    ix->term_filter = slant_xcalloc((1u << LEX_TERM_FILTER_BITS) / 64, sizeof *ix->term_filter);
    for (size_t t = 0; t < ix->nterms; t++) {
        const struct entry_aux *a = &s->aux[tents[terms[t].first].entry];
        uint64_t h = a->tokhash[0];
        for (size_t k = 1; k <= terms[t].ntoks; k++) {
            if (k > 1) {
                uint64_t cbit = a->tokhash[k - 1] >> (64 - LEX_CONT_FILTER_BITS);
                ix->cont_filter[cbit >> 6] |= 1ULL << (cbit & 63);
                h = slant_hash_combine(h, a->tokhash[k - 1]);
            }
            if (terms[t].ntoks == 1) {
                uint64_t bit = h >> (64 - LEX_TERM_FILTER_BITS);
                ix->term_filter[bit >> 6] |= 1ULL << (bit & 63);
            } else if (k > 1) {
                uint64_t bit = k == 2 ? lex_pair_bit(a->tokhash[0], a->tokhash[1])
                                      : h >> (64 - LEX_SEQ_FILTER_BITS);
                ix->seq_filter[bit >> 6] |= 1ULL << (bit & 63);
            }
            uint32_t *v = slant_u64map_upsert(ix->seq, h, 0, NULL);
            if (k < terms[t].ntoks) {
                *v |= LEX_SEQ_PREFIX;
            } else if ((*v & LEX_SEQ_TERM_MASK) == 0) {
                *v |= term_off[t] + 1;
            } else {
                /* two different 64-bit sequence hashes collided: astronomically
                 * rare, but say so rather than match the wrong term */
                const lex_term *o = lex_term_at(ix, (*v & LEX_SEQ_TERM_MASK) - 1);
                slant_error_set(err, s->layers[0].path, 0, 0, -1,
                                "hash collision between lexicon terms '%.*s' and '%s'",
                                (int)o->norm_len, lex_term_norm(o), terms[t].norm);
                goto done;
            }
        }
    }
    ix->stems = slant_u64map_new(ix->nstems * 2 + 16);
    for (size_t t = 0; t < ix->nstems; t++) {
        const struct term_build *st = &stems[t];
        uint64_t h = LEX_STEM_INIT;
        for (size_t k = 0; k < st->norm_len; k++) h = lex_stem_step(h, (unsigned char)st->norm[k]);
        int inserted;
        uint64_t key = lex_stem_key(h, st->norm_len);
        uint64_t bit = key >> (64 - LEX_SEQ_FILTER_BITS); /* stems share the filter */
        ix->seq_filter[bit >> 6] |= 1ULL << (bit & 63);
        uint32_t *v = slant_u64map_upsert(ix->stems, key, stem_off[t] + 1, &inserted);
        if (!inserted) {
            const lex_term *o = lex_term_at(ix, *v - 1);
            slant_error_set(err, s->layers[0].path, 0, 0, -1,
                            "hash collision between wildcard stems '%.*s' and '%s'",
                            (int)o->norm_len, lex_term_norm(o), st->norm);
            goto done;
        }
        ix->stem_len_bits[st->norm_len >> 6] |= 1ULL << (st->norm_len & 63);
        if (st->norm_len > ix->stem_max_len) ix->stem_max_len = st->norm_len;
        if (t == 0 || st->norm_len < ix->stem_min_len) ix->stem_min_len = st->norm_len;
    }
    uint32_t gate_bytes = ix->stem_min_len < 4 ? ix->stem_min_len : 4;
    unsigned char ones[4] = {0, 0, 0, 0}; /* the gate's bytes, as lex_stem_word lays them out */
    memset(ones, 0xff, gate_bytes);
    ix->stem_gate_mask = lex_stem_word(ones, ones);
    for (size_t t = 0; t < ix->nstems; t++) {
        unsigned char b[4] = {0, 0, 0, 0}; /* the stem's first bytes, zero-padded */
        memcpy(b, stems[t].norm, stems[t].norm_len < 4 ? stems[t].norm_len : 4);
        unsigned g = lex_stem_gate(lex_stem_word(b, b) & ix->stem_gate_mask);
        ix->stem_gate[g >> 6] |= 1ULL << (g & 63);
    }
    rc = 0;
done:
    free(terms);
    free(stems);
    free(tents);
    free(term_off);
    if (rc != 0) return rc;
    ix->entries = s->entries;
    compute_hash(s);
    s->finished = 1;
    return 0;
}
