/*
 * import.c - VADER, AFINN and LIWC lexicons to slant's lexicon format.
 *
 * Key decision: the importer does not second-guess the tokenizer. It writes
 * every entry, then reads its own output back with the lexicon parser in
 * check mode and leaves out (with a warning naming the source line) exactly
 * the entries the parser rejects. So an imported file always passes
 * `slant lexicon check`, and re-reading it gives the entries written.
 */
#include "slant/import.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slant/lexicon.h"
#include "slant/text.h"

int slant_import_format_find(const char *name) {
    if (strcmp(name, "vader") == 0) return SLANT_IMPORT_VADER;
    if (strcmp(name, "afinn") == 0) return SLANT_IMPORT_AFINN;
    if (strcmp(name, "liwc") == 0) return SLANT_IMPORT_LIWC;
    return -1;
}

void slant_import_escape_term(slant_buf *out, const char *term, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = term[i];
        if (c == '\\' || c == '*' || (i == 0 && (c == '#' || c == '@'))) slant_buf_putc(out, '\\');
        slant_buf_putc(out, c);
    }
}

/* One entry to write: its text and the source line it came from. */
struct item {
    size_t src_line;
    size_t off, len; /* the entry line in body */
};

struct conv {
    const char *file;
    slant_buf head, body;
    struct item *items;
    size_t n, cap;
};

static void conv_add(struct conv *c, size_t src_line, size_t off) {
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->items = slant_xrealloc(c->items, c->cap * sizeof *c->items);
    }
    c->items[c->n].src_line = src_line;
    c->items[c->n].off = off;
    c->items[c->n].len = c->body.len - off;
    c->n++;
}

/* weight rounded to 4 decimals, printed without trailing zeros */
static void format4(char *out, size_t n, double x) {
    double r = round(x * 1e4) / 1e4;
    if (r == 0) r = 0; /* no "-0" */
    snprintf(out, n, "%.4f", r);
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '0') out[--len] = '\0';
    if (len > 1 && out[len - 1] == '.') out[--len] = '\0';
}

/* Iterate lines: strips a BOM, CR, returns 0 at the end. */
struct lines {
    const char *text;
    size_t len, pos;
    long no;
};
static int next_line(struct lines *l, const char **line, size_t *n) {
    if (l->no == 0 && l->len >= 3 && memcmp(l->text, "\xEF\xBB\xBF", 3) == 0) l->pos = 3;
    if (l->pos >= l->len) return 0;
    const char *p = l->text + l->pos;
    const char *nl = memchr(p, '\n', l->len - l->pos);
    size_t k = nl ? (size_t)(nl - p) : l->len - l->pos;
    l->pos += k + (nl ? 1 : 0);
    if (k && p[k - 1] == '\r') k--;
    l->no++;
    *line = p;
    *n = k;
    return 1;
}

static int blank_line(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)p[i])) return 0;
    return 1;
}

/* Category name checks shared with the parser's rules (lowercase dotted
 * parts, known family), so a bad --category fails before any work. */
static int valid_category(const char *c) {
    size_t n = strlen(c), fam = 0;
    while (fam < n && c[fam] != '.') fam++;
    if (slant_family_find(c, fam) < 0) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = c[i];
        if (ch == '.') {
            if (i == 0 || c[i - 1] == '.' || i + 1 == n) return 0;
        } else if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                     ch == '-')) {
            return 0;
        }
    }
    return 1;
}

/* "dir/AFINN-en-165.txt" -> "AFINN-en-165" */
static void default_name(const char *file, slant_buf *out) {
    const char *b = strrchr(file, '/');
    b = b ? b + 1 : file;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    slant_buf_append(out, b, n);
    if (n == 0) slant_buf_puts(out, "imported");
}

struct word {
    const char *term;
    size_t len;
    double weight;
    size_t src_line;
};

/* VADER and AFINN: term<TAB>number... */
static int import_valence(int format, struct conv *c, const char *text, size_t len,
                          const slant_import_opts *o, slant_import_stats *st, slant_error *err) {
    const char *cat = o && o->category ? o->category : "tone";
    double scale = format == SLANT_IMPORT_VADER ? 4.0 : 5.0;
    struct word *w = NULL;
    size_t nw = 0, capw = 0;
    struct lines l = {text, len, 0, 0};
    const char *line;
    size_t n;
    int rc = 0;
    while (next_line(&l, &line, &n)) {
        if (blank_line(line, n)) continue;
        const char *tab = memchr(line, '\t', n);
        if (!tab) {
            rc = slant_error_set(err, c->file, l.no, (long)n + 1, -1,
                                 "expected term<TAB>%s: no TAB on this line",
                                 format == SLANT_IMPORT_VADER ? "mean<TAB>sd<TAB>ratings"
                                                              : "score");
            break;
        }
        const char *term = line;
        size_t tlen = (size_t)(tab - line);
        while (tlen && term[0] == ' ') term++, tlen--;
        while (tlen && term[tlen - 1] == ' ') tlen--;
        if (tlen == 0) {
            rc = slant_error_set(err, c->file, l.no, 1, -1, "empty term");
            break;
        }
        const char *num = tab + 1;
        const char *end = memchr(num, '\t', n - (size_t)(num - line));
        size_t numlen = end ? (size_t)(end - num) : n - (size_t)(num - line);
        double v;
        if (slant_parse_finite(num, numlen, &v) != 0) {
            rc = slant_error_set(err, c->file, l.no, (long)(num - line) + 1, -1,
                                 "'%.*s' is not a number (expected the %s)",
                                 (int)(numlen > 40 ? 40 : numlen), num,
                                 format == SLANT_IMPORT_VADER ? "mean valence" : "score");
            break;
        }
        if (nw == capw) {
            capw = capw ? capw * 2 : 1024;
            w = slant_xrealloc(w, capw * sizeof *w);
        }
        w[nw].term = term;
        w[nw].len = tlen;
        w[nw].weight = v / scale;
        w[nw].src_line = (size_t)l.no;
        nw++;
    }
    if (rc != 0) {
        free(w);
        return rc;
    }
    st->lines = nw;
    /* case variants: terms that fold to the same form but are spelled
     * differently keep their own weights by marking the non-folded ones */
    slant_strmap *folds = slant_strmap_new(nw + 16);
    uint32_t *first = slant_xmalloc((nw + 1) * sizeof *first);
    uint8_t *multi = slant_xcalloc(nw + 1, 1);
    slant_buf f;
    slant_buf_init(&f);
    uint8_t *is_folded = slant_xcalloc(nw + 1, 1);
    for (size_t i = 0; i < nw; i++) {
        slant_buf_clear(&f);
        slant_fold(w[i].term, w[i].len, &f);
        is_folded[i] = f.len == w[i].len && memcmp(f.data, w[i].term, f.len) == 0;
        int ins;
        uint32_t *v = slant_strmap_upsert(folds, f.data ? f.data : "", f.len,
                                          slant_hash_bytes(f.data ? f.data : "", f.len),
                                          (uint32_t)i, &ins);
        first[i] = *v;
        const struct word *o0 = &w[*v];
        if (!ins && (o0->len != w[i].len || memcmp(o0->term, w[i].term, w[i].len) != 0))
            multi[*v] = 1;
    }
    for (size_t i = 0; i < nw; i++) {
        size_t off = c->body.len;
        slant_import_escape_term(&c->body, w[i].term, w[i].len);
        char wb[64];
        format4(wb, sizeof wb, w[i].weight);
        slant_buf_printf(&c->body, "\t%s\t%s", cat, wb);
        if (multi[first[i]] && !is_folded[i]) {
            slant_buf_puts(&c->body, "\tcase");
            st->cased++;
        }
        conv_add(c, w[i].src_line, off);
        slant_buf_putc(&c->body, '\n');
    }
    slant_buf_free(&f);
    free(is_folded);
    free(multi);
    free(first);
    slant_strmap_free(folds);
    free(w);

    slant_buf name;
    slant_buf_init(&name);
    if (o && o->name) slant_buf_puts(&name, o->name);
    else default_name(c->file, &name);
    const char *base = strrchr(c->file, '/');
    base = base ? base + 1 : c->file;
    if (format == SLANT_IMPORT_VADER) {
        slant_buf_printf(&c->head,
                         "# Imported by 'slant lexicon import --from vader' from %s.\n"
                         "# weight = VADER mean valence (-4..+4) / 4, rounded to 4 decimals.\n"
                         "@lexicon %s\n@version 1\n@language en\n"
                         "@source VADER lexicon (C.J. Hutto and E. Gilbert, ICWSM 2014), %s\n"
                         "@license MIT, Copyright (c) 2016 C.J. Hutto (keep the VADER notice)\n",
                         base, name.data, base);
    } else {
        slant_buf_printf(&c->head,
                         "# Imported by 'slant lexicon import --from afinn' from %s.\n"
                         "# weight = AFINN score (-5..+5) / 5.\n"
                         "@lexicon %s\n@version 1\n@language en\n"
                         "@source AFINN (Finn Aarup Nielsen), %s\n"
                         "@license Apache-2.0, Copyright Finn Aarup Nielsen and Technical "
                         "University of Denmark\n",
                         base, name.data, base);
    }
    slant_buf_free(&name);
    return 0;
}

/* LIWC .dic: "%", "id<TAB>name" lines, "%", then "word<TAB>id id ...". */
static void liwc_category_name(slant_buf *out, const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        ch = (unsigned char)tolower(ch);
        slant_buf_putc(out, (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'
                                ? (char)ch
                                : '_');
    }
}

static int import_liwc(struct conv *c, const char *text, size_t len, const slant_import_opts *o,
                       slant_import_stats *st, slant_buf *warnings, slant_error *err) {
    const char *fam = o && o->category ? o->category : "frame";
    struct lines l = {text, len, 0, 0};
    const char *line;
    size_t n;
    int section = 0; /* 0 before the first %, 1 in the header, 2 in the words */
    slant_strmap *ids = slant_strmap_new(128);
    slant_buf names; /* category names, NUL-separated */
    slant_buf_init(&names);
    size_t *name_off = NULL, nnames = 0, capn = 0;
    int rc = 0;
    while (rc == 0 && next_line(&l, &line, &n)) {
        if (blank_line(line, n)) continue;
        size_t k = 0;
        while (k < n && isspace((unsigned char)line[k])) k++;
        if (line[k] == '%') {
            if (section == 2) {
                rc = slant_error_set(err, c->file, l.no, (long)k + 1, -1,
                                     "a third '%%' line: the header has already ended");
                break;
            }
            section++;
            continue;
        }
        if (section == 0) {
            rc = slant_error_set(err, c->file, l.no, (long)k + 1, -1,
                                 "a LIWC dictionary starts with a '%%' line, then its categories");
            break;
        }
        /* split: word up to the first TAB (or whitespace), then ids */
        const char *p = line + k;
        size_t m = n - k;
        while (m && isspace((unsigned char)p[m - 1])) m--;
        const char *tab = memchr(p, '\t', m);
        size_t wl = 0;
        if (tab) {
            wl = (size_t)(tab - p);
        } else {
            while (wl < m && !isspace((unsigned char)p[wl])) wl++;
        }
        const char *rest = p + wl;
        size_t rl = m - wl;
        while (rl && isspace((unsigned char)rest[0])) rest++, rl--;
        long rest_col = (long)(rest - line) + 1;
        if (section == 1) {
            if (rl == 0) {
                rc = slant_error_set(err, c->file, l.no, (long)(p - line) + 1, -1,
                                     "category line needs 'id<TAB>name'");
                break;
            }
            size_t nl2 = rl; /* the whole rest: "Home Life" -> home_life */
            int ins;
            uint32_t *v = slant_strmap_upsert(ids, p, wl, slant_hash_bytes(p, wl),
                                              (uint32_t)nnames, &ins);
            if (!ins) {
                rc = slant_error_set(err, c->file, l.no, (long)(p - line) + 1, -1,
                                     "category id '%.*s' is defined twice", (int)wl, p);
                break;
            }
            if (nnames == capn) {
                capn = capn ? capn * 2 : 64;
                name_off = slant_xrealloc(name_off, capn * sizeof *name_off);
            }
            name_off[nnames++] = names.len;
            liwc_category_name(&names, rest, nl2);
            slant_buf_putc(&names, '\0');
            slant_buf_printf(&c->head, "@category %s.%s %.*s\n", fam,
                             names.data + name_off[*v], (int)nl2, rest);
            continue;
        }
        /* a word line */
        st->lines++;
        if (rl == 0) {
            if (warnings)
                slant_buf_printf(warnings, "%s:%ld: '%.*s' has no category; skipped\n", c->file,
                                 l.no, (int)wl, p);
            st->skipped++;
            continue;
        }
        size_t q = 0;
        while (q < rl) {
            while (q < rl && isspace((unsigned char)rest[q])) q++;
            size_t b = q;
            while (q < rl && !isspace((unsigned char)rest[q])) q++;
            if (q == b) break;
            uint32_t *v = slant_strmap_get(ids, rest + b, q - b, slant_hash_bytes(rest + b, q - b));
            if (!v) {
                if (warnings)
                    slant_buf_printf(warnings,
                                     "%s:%ld:%ld: category '%.*s' of '%.*s' is not in the "
                                     "header; skipped\n",
                                     c->file, l.no, rest_col + (long)b, (int)(q - b), rest + b,
                                     (int)wl, p);
                st->skipped++;
                continue;
            }
            size_t off = c->body.len;
            /* LIWC's '*' is always wildcard syntax: left unescaped, so the
             * parser rejects one that is not at the end of a single word */
            for (size_t k2 = 0; k2 < wl; k2++) {
                if (p[k2] == '\\' || (k2 == 0 && (p[k2] == '#' || p[k2] == '@')))
                    slant_buf_putc(&c->body, '\\');
                slant_buf_putc(&c->body, p[k2]);
            }
            slant_buf_printf(&c->body, "\t%s.%s", fam, names.data + name_off[*v]);
            conv_add(c, (size_t)l.no, off);
            slant_buf_putc(&c->body, '\n');
        }
    }
    if (rc == 0 && section < 2)
        rc = slant_error_set(err, c->file, l.no, 0, -1,
                             "no word list: a LIWC dictionary has a '%%' line before and after "
                             "its categories");
    st->categories = nnames;
    if (rc == 0) {
        slant_buf hdr;
        slant_buf_init(&hdr);
        slant_buf name;
        slant_buf_init(&name);
        if (o && o->name) slant_buf_puts(&name, o->name);
        else default_name(c->file, &name);
        const char *base = strrchr(c->file, '/');
        base = base ? base + 1 : c->file;
        slant_buf_printf(&hdr,
                         "# Imported by 'slant lexicon import --from liwc' from %s:\n"
                         "# each LIWC category is %s.<name>, weight 1; '*' wildcards kept.\n"
                         "@lexicon %s\n@version 1\n@source LIWC dictionary %s\n"
                         "@license as the source dictionary (not stated in the .dic file)\n",
                         base, fam, name.data, base);
        slant_buf_append(&hdr, c->head.data ? c->head.data : "", c->head.len);
        slant_buf_free(&c->head);
        c->head = hdr;
        slant_buf_free(&name);
    }
    free(name_off);
    slant_buf_free(&names);
    slant_strmap_free(ids);
    return rc;
}

static size_t count_lines(const slant_buf *b) {
    size_t n = 0;
    for (size_t i = 0; i < b->len; i++) n += b->data[i] == '\n';
    return n;
}

int slant_import_text(int format, const char *file, const char *text, size_t len,
                      const slant_import_opts *opts, slant_buf *out, slant_buf *warnings,
                      slant_import_stats *stats, slant_error *err) {
    slant_import_stats st;
    memset(&st, 0, sizeof st);
    if (format < SLANT_IMPORT_VADER || format > SLANT_IMPORT_LIWC)
        return slant_error_set(err, file, 0, 0, -1, "unknown import format");
    size_t bad;
    if (slant_utf8_validate(text, len, &bad) != 0)
        return slant_error_set(err, file, 0, 0, (long long)bad,
                               "invalid UTF-8; convert the file to UTF-8 first");
    if (opts && opts->category && !valid_category(opts->category))
        return slant_error_set(err, "", 0, 0, -1,
                               "--category '%s' is not a category of a known family (tone, "
                               "loaded, hedge, booster, attrib, frame, target, naming, act, rule)",
                               opts->category);
    if (opts && opts->name && (!*opts->name || strpbrk(opts->name, "\t\r\n")))
        return slant_error_set(err, "", 0, 0, -1, "--name must be one non-empty line");
    struct conv c;
    memset(&c, 0, sizeof c);
    c.file = file;
    slant_buf_init(&c.head);
    slant_buf_init(&c.body);
    int rc = format == SLANT_IMPORT_LIWC
                 ? import_liwc(&c, text, len, opts, &st, warnings, err)
                 : import_valence(format, &c, text, len, opts, &st, err);
    if (rc == 0) {
        /* read the result back; leave out what the parser rejects */
        slant_buf all;
        slant_buf_init(&all);
        slant_buf_append(&all, c.head.data ? c.head.data : "", c.head.len);
        slant_buf_append(&all, c.body.data ? c.body.data : "", c.body.len);
        size_t head_lines = count_lines(&c.head);
        slant_lexset *s = slant_lexset_new();
        slant_lexset_keep_going(s, 1);
        slant_error e;
        slant_lexset_add_text(s, "(imported)", all.data ? all.data : "", all.len, &e);
        uint8_t *drop = slant_xcalloc(c.n + 1, 1);
        for (size_t i = 0; i < slant_lexset_error_count(s) && rc == 0; i++) {
            const slant_error *x = slant_lexset_error(s, i);
            if (x->line <= (long)head_lines || x->line > (long)(head_lines + c.n)) {
                rc = slant_error_set(err, file, 0, 0, -1, "import produced a bad header: %s",
                                     x->msg);
                break;
            }
            size_t k = (size_t)x->line - head_lines - 1;
            if (!drop[k] && warnings)
                slant_buf_printf(warnings, "%s:%zu: skipped: %s\n", file, c.items[k].src_line,
                                 x->msg);
            if (!drop[k]) st.skipped++;
            drop[k] = 1;
        }
        slant_lexset_free(s);
        slant_buf_free(&all);
        if (rc == 0) {
            slant_buf_append(out, c.head.data ? c.head.data : "", c.head.len);
            for (size_t k = 0; k < c.n; k++) {
                if (drop[k]) continue;
                slant_buf_append(out, c.body.data + c.items[k].off, c.items[k].len);
                slant_buf_putc(out, '\n');
                st.entries++;
            }
        }
        free(drop);
    }
    slant_buf_free(&c.head);
    slant_buf_free(&c.body);
    free(c.items);
    if (stats) *stats = st;
    return rc;
}

int slant_import_file(int format, const char *path, const slant_import_opts *opts,
                      slant_buf *out, slant_buf *warnings, slant_import_stats *stats,
                      slant_error *err) {
    slant_buf in;
    slant_buf_init(&in);
    int rc = slant_read_file(path, &in, 0, err);
    if (rc == 0) rc = slant_import_text(format, path, in.data, in.len, opts, out, warnings, stats, err);
    slant_buf_free(&in);
    return rc;
}
