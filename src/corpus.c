/*
 * corpus.c - reading a corpus: TSV and JSON manifests, JSON Lines (whole or
 * streamed), and the article files they point to.
 *
 * Design: a manifest is read whole and validated before any article is
 * used, so every problem (a missing column, a duplicate id, a path leaving
 * the corpus folder, a missing file) is reported with the manifest's file
 * and line before a run starts. Article text is read later, one article at
 * a time, into a caller-owned buffer (slant_article_text), so memory is
 * bounded by the largest article, not the corpus. Paths are checked twice:
 * lexically (absolute paths and ".." that climbs out are refused) and after
 * realpath(), so a symlink cannot lead out of the folder either. realpath()
 * of every article costs a readlink per path component, so the folders are
 * resolved once each (a small cache) and only the file's own name is
 * checked with lstat; anything unusual takes the full realpath() route.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "slant/corpus.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slant/json_read.h"
#include "slant/text.h"

enum field {
    F_ID,
    F_SOURCE,
    F_TEXT,
    F_FILE,
    F_DATE,
    F_STORY,
    F_EVENT,
    F_TITLE,
    F_AUTHOR,
    F_URL,
    F_META, /* any other column */
    F_NFIELDS = F_META
};

static const char *const field_names[F_NFIELDS] = {"id",    "source", "text",  "file",   "date",
                                                    "story", "event",  "title", "author", "url"};

static enum field field_of(const char *name, size_t n) {
    for (int f = 0; f < F_NFIELDS; f++)
        if (strlen(field_names[f]) == n && memcmp(field_names[f], name, n) == 0) return (enum field)f;
    return F_META;
}

static char **field_slot(slant_article *a, enum field f) {
    switch (f) {
    case F_ID: return &a->id;
    case F_SOURCE: return &a->source;
    case F_TEXT: return &a->text;
    case F_FILE: return &a->file;
    case F_DATE: return &a->date;
    case F_STORY: return &a->story;
    case F_EVENT: return &a->event;
    case F_TITLE: return &a->title;
    case F_AUTHOR: return &a->author;
    case F_URL: return &a->url;
    default: return NULL;
    }
}

void slant_article_clear(slant_article *a) {
    if (!a) return;
    if (!a->in_arena) {
        free(a->id);
        free(a->source);
        free(a->story);
        free(a->event);
        free(a->date);
        free(a->title);
        free(a->author);
        free(a->url);
        free(a->file);
        free(a->text);
    }
    free(a->path);
    if (a->meta) json_decref(a->meta);
    memset(a, 0, sizeof *a);
}

/* ---- paths ---- */

static int has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The folder part of a path ("." when there is none). */
static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return slant_xstrdup(".");
    if (slash == path) return slant_xstrdup("/");
    return slant_xstrndup(path, (size_t)(slash - path));
}

/* The id implied by a file: the path as written, without "./" and extension. */
static char *id_from_file(const char *file) {
    while (file[0] == '.' && file[1] == '/') file += 2;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - file) : strlen(file);
    return slant_xstrndup(file, n);
}

/* Does a relative path climb out of its folder with ".."? */
static int path_escapes(const char *p) {
    long depth = 0;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0) return 1;
        } else if (!(n == 0 || (n == 1 && p[0] == '.'))) {
            depth++;
        }
        p += n;
        if (*p == '/') p++;
    }
    return 0;
}

/* Folders of article files, resolved once each: dir (as joined to the root)
 * -> its realpath (NULL when it could not be resolved) and an open
 * descriptor, so each file's own checks walk one path component, not the
 * whole path again (-1: use the path). */
enum { DIRCACHE_FDS = 64 }; /* descriptors kept open at most */
typedef struct dircache {
    slant_strmap *index; /* joined folder -> slot */
    char **real;
    int *fd;
    size_t n, cap, nfd;
    uid_t uid; /* getuid(), asked once (uid_known) */
    int uid_known;
} dircache;

static void dircache_free(dircache *dc) {
    for (size_t i = 0; i < dc->n; i++) {
        free(dc->real[i]);
        if (dc->fd && dc->fd[i] >= 0) close(dc->fd[i]);
    }
    free(dc->real);
    free(dc->fd);
    slant_strmap_free(dc->index);
    memset(dc, 0, sizeof *dc);
}

static size_t dircache_get(dircache *dc, const char *dir, size_t len) {
    if (!dc->index) dc->index = slant_strmap_new(16);
    int inserted;
    uint32_t *slot = slant_strmap_upsert(dc->index, dir, len, slant_hash_bytes(dir, len),
                                         (uint32_t)dc->n, &inserted);
    if (!inserted) return *slot;
    if (dc->n == dc->cap) {
        dc->cap = dc->cap ? dc->cap * 2 : 16;
        dc->real = slant_xrealloc(dc->real, dc->cap * sizeof *dc->real);
        dc->fd = slant_xrealloc(dc->fd, dc->cap * sizeof *dc->fd);
    }
    char *d = slant_xstrndup(dir, len);
    dc->real[dc->n] = realpath(d, NULL);
    dc->fd[dc->n] = -1;
    if (dc->real[dc->n] && dc->nfd < DIRCACHE_FDS) {
        dc->fd[dc->n] = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dc->fd[dc->n] >= 0) dc->nfd++;
    }
    free(d);
    return dc->n++;
}

/* The fast route of resolve_article: joined = folder + '/' + a plain name
 * (not "", "." or ".."), the folder resolved through the cache lies inside
 * root_real (or is it), and the name itself is a readable regular file, not
 * a symlink. Then realpath(joined) is folder_real + '/' + name, without
 * resolving every component again. NULL when any of that does not hold: the
 * caller then takes the full route, with its exact error messages. */
/* access(R_OK) for a file we own says what its owner bits say (ACLs never
 * change the owner's rights), so only other people's files cost the
 * kernel call: one syscall fewer per article of a corpus. */
static int readable(dircache *dc, int dirfd, const char *name, const struct stat *st) {
    if (!dc->uid_known) {
        dc->uid = getuid();
        dc->uid_known = 1;
    }
    if (st->st_uid == dc->uid && (st->st_mode & S_IRUSR)) return 1;
    return dirfd >= 0 ? faccessat(dirfd, name, R_OK, 0) == 0 : access(name, R_OK) == 0;
}

static char *resolve_fast(dircache *dc, const char *root_real, const char *joined, int *dir_fd,
                          size_t *name_off, size_t *size) {
    const char *slash = strrchr(joined, '/');
    if (!dc || !slash || slash == joined) return NULL;
    const char *base = slash + 1;
    if (base[0] == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) return NULL;
    size_t slot = dircache_get(dc, joined, (size_t)(slash - joined));
    const char *dir_real = dc->real[slot];
    if (!dir_real) return NULL;
    size_t rl = strlen(root_real), dl = strlen(dir_real);
    int inside = strncmp(dir_real, root_real, rl) == 0 &&
                 (dir_real[rl] == '\0' || dir_real[rl] == '/' || (rl == 1 && root_real[0] == '/'));
    if (!inside) return NULL;
    struct stat st;
    int fd = dc->fd[slot];
    if ((fd >= 0 ? fstatat(fd, base, &st, AT_SYMLINK_NOFOLLOW) : lstat(joined, &st)) != 0 ||
        !S_ISREG(st.st_mode) || !readable(dc, fd, fd >= 0 ? base : joined, &st))
        return NULL;
    *size = (size_t)st.st_size;
    size_t bl = strlen(base);
    char *real = slant_xmalloc(dl + bl + 2);
    memcpy(real, dir_real, dl);
    if (!(dl == 1 && dir_real[0] == '/')) real[dl++] = '/';
    memcpy(real + dl, base, bl + 1);
    *dir_fd = fd;
    *name_off = fd >= 0 ? dl : 0;
    return real;
}

/* Resolve an article path against the corpus root and refuse anything that
 * leaves it. root_real is realpath(root). On success *out is the real path. */
static int resolve_article(const char *root, const char *root_real, dircache *dc, const char *file,
                           const char *manifest, long line, long col, char **out, int *dir_fd,
                           size_t *name_off, size_t *size, slant_error *err) {
    *dir_fd = -1;
    *name_off = 0;
    *size = 0;
    if (file[0] == '/')
        return slant_error_set(err, manifest, line, col, -1,
                               "article path \"%s\" is absolute: paths must be relative to the "
                               "corpus folder %s",
                               file, root);
    if (path_escapes(file))
        return slant_error_set(err, manifest, line, col, -1,
                               "article path \"%s\" leaves the corpus folder %s: move the file "
                               "into the folder",
                               file, root);
    char *joined = slant_path_join(root, file);
    char *fast = resolve_fast(dc, root_real, joined, dir_fd, name_off, size);
    if (fast) {
        free(joined);
        *out = fast;
        return 0;
    }
    char *real = realpath(joined, NULL);
    if (!real) {
        int e = errno;
        slant_error_set(err, manifest, line, col, -1,
                        e == ENOENT || e == ENOTDIR
                            ? "article file \"%s\" not found (looked for %s): fix the path or "
                              "add the file"
                            : "article file \"%s\" cannot be opened (%s): check its permissions",
                        file, e == ENOENT || e == ENOTDIR ? joined : strerror(e));
        free(joined);
        return -1;
    }
    free(joined);
    size_t rl = strlen(root_real);
    int inside = strncmp(real, root_real, rl) == 0 &&
                 (real[rl] == '/' || (rl == 1 && root_real[0] == '/'));
    if (!inside) {
        slant_error_set(err, manifest, line, col, -1,
                        "article path \"%s\" resolves to %s, outside the corpus folder %s "
                        "(a symlink?): copy the file into the folder",
                        file, real, root_real);
        free(real);
        return -1;
    }
    struct stat st;
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
        slant_error_set(err, manifest, line, col, -1,
                        "article path \"%s\" is not a regular file", file);
        free(real);
        return -1;
    }
    if (!readable(dc, -1, real, &st)) {
        slant_error_set(err, manifest, line, col, -1,
                        "article file \"%s\" is not readable (%s): check its permissions", file,
                        strerror(errno));
        free(real);
        return -1;
    }
    *size = (size_t)st.st_size;
    *out = real;
    return 0;
}

/* ---- the corpus being built ---- */

typedef struct builder {
    slant_corpus *c;
    char *root_real;
    slant_strmap *ids; /* id -> article index */
    dircache dirs;
} builder;

static slant_article *corpus_push(slant_corpus *c) {
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->articles = slant_xrealloc(c->articles, c->cap * sizeof *c->articles);
    }
    slant_article *a = &c->articles[c->n++];
    memset(a, 0, sizeof *a);
    return a;
}

/* Checks shared by every manifest format, once an article's fields are in. */
static int finish_article(builder *b, slant_article *a, long col_file, slant_error *err) {
    slant_corpus *c = b->c;
    if (a->file && !a->text) {
        if (resolve_article(c->root, b->root_real, &b->dirs, a->file, c->manifest, a->line, col_file,
                            &a->path, &a->dir_fd, &a->name_off, &a->file_size, err) != 0)
            return -1;
    }
    size_t n = strlen(a->id);
    int inserted;
    uint32_t *slot =
        slant_strmap_upsert(b->ids, a->id, n, slant_hash_bytes(a->id, n), (uint32_t)(c->n - 1), &inserted);
    if (!inserted)
        return slant_error_set(err, c->manifest, a->line, 0, -1,
                               "duplicate id \"%s\" (first used on line %ld): ids must be unique",
                               a->id, c->articles[*slot].line);
    return 0;
}

/* Validate the bytes of a manifest: UTF-8 and no NUL. */
static int check_manifest_bytes(const char *s, size_t n, const char *file, slant_error *err) {
    const char *nul = memchr(s, '\0', n);
    size_t bad = 0;
    int invalid = slant_utf8_validate(s, nul ? (size_t)(nul - s) : n, &bad) != 0;
    if (!invalid && !nul) return 0;
    size_t off = invalid ? bad : (size_t)(nul - s);
    long line = 1, col = 1;
    for (const char *p = s; p < s + off; p++) {
        if (*p == '\n') line++, col = 1;
        else col++;
    }
    if (invalid)
        return slant_error_set(err, file, line, col, (long long)off,
                               "invalid UTF-8 (byte 0x%02X at byte %zu): save the manifest as "
                               "UTF-8",
                               (unsigned char)s[off], off);
    return slant_error_set(err, file, line, col, (long long)off,
                           "NUL byte in the manifest (a binary file?): a manifest is UTF-8 text");
}

static size_t skip_bom(const char *s, size_t n) {
    return n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
                   (unsigned char)s[2] == 0xBF
               ? 3
               : 0;
}

/* ---- TSV ---- */

typedef struct column {
    const char *name;
    size_t len;
    enum field field;
} column;

static int read_tsv(builder *b, const char *s, size_t n, slant_error *err) {
    slant_corpus *c = b->c;
    const char *mf = c->manifest;
    size_t pos = skip_bom(s, n);
    column *cols = NULL;
    size_t ncols = 0;
    int have[F_NFIELDS] = {0};
    int rc = -1;
    long line = 0;

    while (pos < n || line == 0) {
        const char *ls = s + pos;
        const char *nl = memchr(ls, '\n', n - pos);
        size_t ll = nl ? (size_t)(nl - ls) : n - pos;
        pos += ll + (nl ? 1 : 0);
        line++;
        if (ll && ls[ll - 1] == '\r') ll--;
        if (line == 1) {
            if (ll == 0) {
                slant_error_set(err, mf, 1, 0, -1,
                                "the first line must be a header naming the columns (e.g. "
                                "id, file, source, ...), separated by tabs");
                goto out;
            }
            for (size_t i = 0; i <= ll; i++)
                if (i == ll || ls[i] == '\t') ncols++;
            cols = slant_xcalloc(ncols, sizeof *cols);
            size_t k = 0, start = 0;
            for (size_t i = 0; i <= ll; i++) {
                if (i < ll && ls[i] != '\t') continue;
                const char *name = ls + start;
                size_t len = i - start;
                while (len && (name[0] == ' ')) name++, len--;
                while (len && name[len - 1] == ' ') len--;
                if (len == 0 || len > 200) {
                    slant_error_set(err, mf, 1, (long)start + 1, -1,
                                    len ? "the name of column %zu is longer than 200 bytes"
                                        : "column %zu of the header has no name",
                                    k + 1);
                    goto out;
                }
                for (size_t j = 0; j < k; j++)
                    if (cols[j].len == len && memcmp(cols[j].name, name, len) == 0) {
                        slant_error_set(err, mf, 1, (long)start + 1, -1,
                                        "column \"%.*s\" appears twice in the header", (int)len,
                                        name);
                        goto out;
                    }
                cols[k].name = name;
                cols[k].len = len;
                cols[k].field = field_of(name, len);
                if (cols[k].field != F_META) have[cols[k].field] = 1;
                k++;
                start = i + 1;
            }
            const char *missing = NULL;
            if (!have[F_SOURCE]) missing = "source";
            else if (!have[F_ID] && !have[F_FILE]) missing = "id (or file)";
            else if (!have[F_TEXT] && !have[F_FILE]) missing = "text (or file)";
            if (missing) {
                slant_error_set(err, mf, 1, 0, -1,
                                "missing required column \"%s\": the header must name id or "
                                "file, source, and text or file",
                                missing);
                goto out;
            }
            continue;
        }
        /* a row; blank lines are skipped */
        int blank = 1;
        for (size_t i = 0; i < ll && blank; i++)
            if (ls[i] != ' ' && ls[i] != '\t') blank = 0;
        if (blank) continue;
        size_t nf = 1; /* tabs counted with memchr: a row is mostly long values */
        for (const char *t = ls, *e = ls + ll; (t = memchr(t, '\t', (size_t)(e - t))) != NULL; t++) nf++;
        if (nf != ncols) {
            slant_error_set(err, mf, line, 0, -1,
                            "this row has %zu fields but the header has %zu: check for missing "
                            "or extra tabs",
                            nf, ncols);
            goto out;
        }
        slant_article *a = corpus_push(c);
        a->line = line;
        a->meta = NULL; /* made on the first extra column: an empty object per row is ~200 bytes */
        /* a malloc per field (and a free each at the end) was a tenth of
         * opening a corpus of short rows */
        if (!c->strings) c->strings = slant_arena_new(64 * 1024);
        a->in_arena = 1;
        long col_file = 0;
        size_t k = 0, start = 0;
        for (size_t i = 0; i <= ll; i++) {
            const char *tab = memchr(ls + i, '\t', ll - i);
            i = tab ? (size_t)(tab - ls) : ll; /* the end of this field */
            const char *v = ls + start;
            size_t vl = i - start;
            if (cols[k].field == F_META) {
                char key[256];
                snprintf(key, sizeof key, "%.*s", (int)cols[k].len, cols[k].name);
                if (!a->meta) a->meta = json_object();
                json_object_set_new(a->meta, key, json_stringn(v, vl));
            } else if (vl > 0) {
                char **slot = field_slot(a, cols[k].field);
                *slot = slant_arena_strndup(c->strings, v, vl);
                if (cols[k].field == F_FILE) col_file = (long)start + 1;
            } else if (cols[k].field == F_SOURCE) {
                slant_error_set(err, mf, line, (long)start + 1, -1,
                                "empty value in required column \"source\"");
                goto out;
            }
            k++;
            start = i + 1;
        }
        if (!a->id && !a->file) {
            slant_error_set(err, mf, line, 0, -1,
                            "this row has neither an id nor a file: fill one of them");
            goto out;
        }
        /* the id comes from the file before inline text drops the file
         * (a row with file and text but no id crashed: tests/fuzz) */
        if (!a->id) {
            char *id = id_from_file(a->file);
            a->id = slant_arena_strndup(c->strings, id, strlen(id));
            free(id);
        }
        if (a->text) {
            a->text_len = strlen(a->text);
            a->file = NULL; /* inline text wins over a file column left over */
        } else if (!a->file) {
            slant_error_set(err, mf, line, 0, -1,
                            "this row has neither text nor a file: fill one of them");
            goto out;
        }
        if (finish_article(b, a, col_file, err) != 0) goto out;
    }
    rc = 0;
out:
    free(cols);
    return rc;
}

/* ---- JSON ---- */

static int json_to_string(json_t *v, char **out) {
    if (json_is_string(v)) {
        *out = slant_xstrndup(json_string_value(v), json_string_length(v));
        return 0;
    }
    if (json_is_integer(v)) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = slant_xstrdup(tmp);
        return 0;
    }
    if (json_is_real(v) || json_is_boolean(v)) {
        char *d = json_dumps(v, JSON_ENCODE_ANY);
        *out = slant_xstrdup(d ? d : "");
        free(d);
        return 0;
    }
    return -1;
}

int slant_article_from_json(json_t *obj, slant_article *a, const char *file, long line,
                            slant_error *err) {
    memset(a, 0, sizeof *a);
    a->line = line;
    a->meta = json_object();
    if (!json_is_object(obj)) {
        slant_error_set(err, file, line, 0, -1, "an article must be a JSON object");
        slant_article_clear(a);
        return -1;
    }
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        if (json_is_null(v)) continue;
        enum field f = field_of(key, strlen(key));
        char *s = NULL;
        if (json_to_string(v, &s) != 0) {
            slant_error_set(err, file, line, 0, -1,
                            "field \"%s\" must be a string (or a number), not an %s", key,
                            json_is_object(v) ? "object" : "array");
            slant_article_clear(a);
            return -1;
        }
        if (f == F_META) {
            json_object_set_new(a->meta, key, json_string(s));
            free(s);
        } else if (f == F_TEXT) {
            a->text = s;
            a->text_len = json_is_string(v) ? json_string_length(v) : strlen(s);
        } else if (s[0] == '\0') {
            free(s); /* empty = absent; required fields are checked below */
        } else {
            char **slot = field_slot(a, f);
            free(*slot);
            *slot = s;
        }
    }
    const char *problem = NULL;
    if (!a->source) problem = "missing or empty \"source\"";
    else if (!a->id && !a->file) problem = "missing \"id\" (or \"file\")";
    else if (!a->text && !a->file) problem = "missing \"text\" (or \"file\")";
    else if (a->text && a->file) problem = "both \"text\" and \"file\" given: keep one";
    else if (a->text && memchr(a->text, '\0', a->text_len))
        problem = "\"text\" contains a NUL character (\\u0000)";
    if (problem) {
        slant_error_set(err, file, line, 0, -1, "%s", problem);
        slant_article_clear(a);
        return -1;
    }
    if (!a->id) a->id = id_from_file(a->file);
    return 0;
}

/* Lines on which the elements of the articles array start: a small scanner
 * over the JSON text (jansson keeps no positions once parsed). */
static long *json_element_lines(const char *s, size_t n, size_t *count) {
    long *lines = NULL;
    size_t cnt = 0, cap = 0;
    long line = 1;
    int depth = 0, array_depth = -1;
    int top_is_object = -1;
    int last_key_articles = 0; /* the last string at depth 1 was "articles" */
    int in_string = 0;
    size_t str_start = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '\n') line++;
        if (in_string) {
            if (ch == '\\') i++;
            else if (ch == '"') {
                in_string = 0;
                if (depth == 1 && top_is_object == 1)
                    last_key_articles = i - str_start == 8 && memcmp(s + str_start, "articles", 8) == 0;
            }
            continue;
        }
        if (ch == '"') {
            in_string = 1;
            str_start = i + 1;
            if (depth == array_depth) { /* a string element: not an article, but counted */
                if (cnt == cap) lines = slant_xrealloc(lines, (cap = cap ? cap * 2 : 64) * sizeof *lines);
                lines[cnt++] = line;
            }
        } else if (ch == '{' || ch == '[') {
            if (depth == 0) top_is_object = ch == '{';
            if (array_depth < 0 && ch == '[' &&
                ((depth == 0 && top_is_object == 0) || (depth == 1 && last_key_articles)))
                array_depth = depth + 1;
            else if (depth == array_depth) {
                if (cnt == cap) lines = slant_xrealloc(lines, (cap = cap ? cap * 2 : 64) * sizeof *lines);
                lines[cnt++] = line;
            }
            depth++;
        } else if (ch == '}' || ch == ']') {
            depth--;
        } else if (depth == array_depth && ch != ',' && ch != ' ' && ch != '\t' && ch != '\n' &&
                   ch != '\r') {
            /* a scalar element: record its line once */
            if (cnt == cap) lines = slant_xrealloc(lines, (cap = cap ? cap * 2 : 64) * sizeof *lines);
            lines[cnt++] = line;
            while (i + 1 < n && s[i + 1] != ',' && s[i + 1] != ']') i++;
        }
    }
    *count = cnt;
    return lines;
}

static int read_json(builder *b, const char *s, size_t n, slant_error *err) {
    slant_corpus *c = b->c;
    size_t off = skip_bom(s, n);
    json_error_t jerr;
    json_t *root = json_loadb(s + off, n - off, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return slant_error_set(err, c->manifest, jerr.line, jerr.column, jerr.position + (long long)off,
                               "invalid JSON: %s", jerr.text);
    json_t *arr = json_is_array(root) ? root : json_object_get(root, "articles");
    if (!json_is_array(arr)) {
        json_decref(root);
        return slant_error_set(err, c->manifest, 1, 0, -1,
                               "a JSON manifest is an array of articles, or an object with an "
                               "\"articles\" array");
    }
    size_t nlines = 0;
    long *lines = json_element_lines(s + off, n - off, &nlines);
    int rc = 0;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        long line = i < nlines ? lines[i] : 0;
        slant_article *a = corpus_push(c);
        if (slant_article_from_json(json_array_get(arr, i), a, c->manifest, line, err) != 0 ||
            finish_article(b, a, 0, err) != 0) {
            rc = -1;
            break;
        }
    }
    free(lines);
    json_decref(root);
    return rc;
}

/* ---- JSON Lines ---- */

struct slant_jsonl_reader {
    FILE *f;
    char *name;
    char *root, *root_real;
    char *line;
    size_t line_cap;
    long lineno;
    slant_article cur;
    slant_strmap *ids;
    dircache dirs;
    slant_buf scratch; /* slant_json_parse's decoded strings */
};

slant_jsonl_reader *slant_jsonl_open(FILE *f, const char *name) {
    slant_jsonl_reader *r = slant_xcalloc(1, sizeof *r);
    r->f = f;
    r->name = slant_xstrdup(name);
    r->root = strcmp(name, "-") == 0 ? slant_xstrdup(".") : dir_of(name);
    r->root_real = realpath(r->root, NULL);
    r->ids = slant_strmap_new(1024);
    slant_buf_init(&r->scratch);
    return r;
}

void slant_jsonl_close(slant_jsonl_reader *r) {
    if (!r) return;
    slant_article_clear(&r->cur);
    free(r->name);
    free(r->root);
    free(r->root_real);
    free(r->line);
    slant_strmap_free(r->ids);
    dircache_free(&r->dirs);
    slant_buf_free(&r->scratch);
    free(r);
}

/* Read the next article into a (owned by the caller afterwards). */
static int jsonl_read(slant_jsonl_reader *r, slant_article *a, slant_error *err) {
    for (;;) {
        errno = 0;
        ssize_t got = getline(&r->line, &r->line_cap, r->f);
        if (got < 0) {
            if (ferror(r->f))
                return slant_error_set(err, r->name, r->lineno + 1, 0, -1, "read error: %s",
                                       strerror(errno ? errno : EIO));
            return 0;
        }
        r->lineno++;
        const char *s = r->line;
        size_t n = (size_t)got;
        if (r->lineno == 1) {
            size_t b = skip_bom(s, n);
            s += b;
            n -= b;
        }
        size_t i = 0;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
        if (i == n) continue; /* blank line */
        const char *nul = memchr(s, '\0', n);
        if (nul)
            return slant_error_set(err, r->name, r->lineno, (long)(nul - s) + 1, -1,
                                   "NUL byte in a JSON Lines file (a binary file?)");
        size_t bad;
        if (slant_utf8_validate(s, n, &bad) != 0)
            return slant_error_set(err, r->name, r->lineno, (long)bad + 1, -1,
                                   "invalid UTF-8 (byte 0x%02X): save the file as UTF-8",
                                   (unsigned char)s[bad]);
        json_error_t jerr;
        /* jansson's reader was a third of `score --partial -`; a line
         * that slant_json_parse is unsure of, or that is not an object,
         * goes to json_loadb, which accepts only objects and arrays here */
        json_t *obj = slant_json_parse(s, n, 0, NULL, &r->scratch);
        if (obj && !json_is_object(obj)) {
            json_decref(obj);
            obj = NULL;
        }
        if (!obj) obj = json_loadb(s, n, 0, &jerr);
        if (!obj)
            return slant_error_set(err, r->name, r->lineno, jerr.column, -1,
                                   "invalid JSON: %s (one JSON object per line)", jerr.text);
        int rc = slant_article_from_json(obj, a, r->name, r->lineno, err);
        json_decref(obj);
        if (rc != 0) return -1;
        if (a->file) {
            if (!r->root_real) {
                slant_error_set(err, r->name, r->lineno, 0, -1, "cannot resolve folder %s",
                                r->root);
                slant_article_clear(a);
                return -1;
            }
            /* the reader's folder descriptors close with it, so its
             * articles are opened by path */
            int dir_fd;
            size_t name_off;
            if (resolve_article(r->root, r->root_real, &r->dirs, a->file, r->name, r->lineno, 0, &a->path,
                                &dir_fd, &name_off, &a->file_size, err) != 0) {
                slant_article_clear(a);
                return -1;
            }
        }
        size_t idn = strlen(a->id);
        int inserted;
        uint32_t *first = slant_strmap_upsert(r->ids, a->id, idn, slant_hash_bytes(a->id, idn),
                                              (uint32_t)r->lineno, &inserted);
        if (!inserted) {
            slant_error_set(err, r->name, r->lineno, 0, -1,
                            "duplicate id \"%s\" (first used on line %u): ids must be unique",
                            a->id, *first);
            slant_article_clear(a);
            return -1;
        }
        return 1;
    }
}

int slant_jsonl_next(slant_jsonl_reader *r, slant_article **a, slant_error *err) {
    slant_article_clear(&r->cur);
    int rc = jsonl_read(r, &r->cur, err);
    if (rc == 1) *a = &r->cur;
    return rc;
}

/* ---- opening ---- */

void slant_corpus_free(slant_corpus *c) {
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) slant_article_clear(&c->articles[i]);
    free(c->articles);
    for (size_t i = 0; i < c->ndir_fds; i++)
        if (c->dir_fds[i] >= 0) close(c->dir_fds[i]);
    free(c->dir_fds);
    if (c->strings) slant_arena_free(c->strings);
    free(c->root);
    free(c->manifest);
    free(c);
}

static int read_jsonl_all(slant_corpus *c, FILE *f, slant_error *err) {
    slant_jsonl_reader *r = slant_jsonl_open(f, c->manifest);
    int rc;
    for (;;) {
        slant_article tmp;
        memset(&tmp, 0, sizeof tmp);
        rc = jsonl_read(r, &tmp, err);
        if (rc <= 0) break;
        *corpus_push(c) = tmp;
    }
    slant_jsonl_close(r);
    return rc;
}

int slant_corpus_open(const char *path, slant_corpus **out, slant_error *err) {
    *out = NULL;
    slant_corpus *c = slant_xcalloc(1, sizeof *c);
    int rc = -1;
    builder b;
    memset(&b, 0, sizeof b);
    b.c = c;
    slant_buf buf;
    slant_buf_init(&buf);
    struct stat st;
    int is_stdin = strcmp(path, "-") == 0;

    if (!is_stdin && stat(path, &st) != 0) {
        slant_error_set(err, path, 0, 0, -1, "cannot open corpus: %s", strerror(errno));
        goto out;
    }
    if (!is_stdin && S_ISDIR(st.st_mode)) {
        static const char *const names[] = {"manifest.tsv", "manifest.json", "manifest.jsonl"};
        for (size_t i = 0; i < 3 && !c->manifest; i++) {
            char *p = slant_path_join(path, names[i]);
            if (access(p, F_OK) == 0) c->manifest = p;
            else free(p);
        }
        if (!c->manifest) {
            slant_error_set(err, path, 0, 0, -1,
                            "no manifest.tsv or manifest.json in this folder: a corpus folder "
                            "needs one (see docs/formats.md)");
            goto out;
        }
        c->root = slant_xstrdup(path);
    } else {
        c->manifest = slant_xstrdup(path);
        c->root = is_stdin ? slant_xstrdup(".") : dir_of(path);
    }
    b.root_real = realpath(c->root, NULL);
    if (!b.root_real) {
        slant_error_set(err, c->root, 0, 0, -1, "cannot resolve corpus folder: %s",
                        strerror(errno));
        goto out;
    }
    b.ids = slant_strmap_new(256);

    const char *m = c->manifest;
    if (is_stdin || has_suffix(m, ".jsonl") || has_suffix(m, ".ndjson")) {
        FILE *f = is_stdin ? stdin : fopen(m, "rb");
        if (!f) {
            slant_error_set(err, m, 0, 0, -1, "cannot open: %s", strerror(errno));
            goto out;
        }
        int r = read_jsonl_all(c, f, err);
        if (!is_stdin) fclose(f);
        if (r < 0) goto out;
    } else if (has_suffix(m, ".tsv") || has_suffix(m, ".json")) {
        if (slant_read_file(m, &buf, 0, err) != 0) goto out;
        if (check_manifest_bytes(buf.data, buf.len, m, err) != 0) goto out;
        int r = has_suffix(m, ".tsv") ? read_tsv(&b, buf.data, buf.len, err)
                                      : read_json(&b, buf.data, buf.len, err);
        if (r != 0) goto out;
    } else {
        slant_error_set(err, m, 0, 0, -1,
                        "not a corpus: expected a folder, a .tsv or .json manifest, or a .jsonl "
                        "file");
        goto out;
    }
    rc = 0;
out:
    slant_buf_free(&buf);
    free(b.root_real);
    slant_strmap_free(b.ids);
    /* the folder descriptors stay open with the corpus: its articles are
     * read relative to them */
    c->dir_fds = b.dirs.fd;
    c->ndir_fds = b.dirs.n;
    b.dirs.fd = NULL;
    dircache_free(&b.dirs);
    if (rc != 0) {
        slant_corpus_free(c);
        return -1;
    }
    *out = c;
    return 0;
}

int slant_article_text(const slant_article *a, slant_buf *buf, const char **text, size_t *len,
                       slant_error *err) {
    if (a->text) {
        *text = a->text;
        *len = a->text_len;
        return 0;
    }
    if (!a->path)
        return slant_error_set(err, "", 0, 0, -1, "article \"%s\" has neither text nor a file",
                               a->id ? a->id : "?");
    if (slant_read_file_at(a->name_off ? a->dir_fd : -1, a->name_off ? a->path + a->name_off : NULL,
                           a->path, buf, 0, a->file_size, err) != 0)
        return -1;
    *text = buf->data;
    *len = buf->len;
    return 0;
}
