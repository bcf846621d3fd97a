/*
 * gen.c - the benchmark's corpus generator: deterministic news-like English
 * built from the demo corpus's own paragraphs and vocabulary.
 *
 *   gen DEMO_DIR OUT_DIR MB [--jsonl]
 *
 * writes OUT_DIR/lines.txt (one paragraph per line, for `slant score
 * --lines`), OUT_DIR/corpus/ (manifest.tsv + articles/NNN/ID.txt, plus the
 * demo's lexicons.set so the demo world's targets are matched), and with
 * --jsonl OUT_DIR/corpus.jsonl (the same articles as JSON Lines).
 *
 * Design: each generated article is a title and paragraphs drawn from the
 * demo articles (so quotes, attributions, numbers and contested names keep
 * their real shapes), with about one lowercase word in five replaced by a
 * word drawn from the demo vocabulary, so the text does not repeat verbatim.
 * A fixed 64-bit LCG drives every choice: the same arguments give the same
 * bytes on every machine. Stories hold ten articles each, like wire news
 * clusters, not thousands.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

typedef struct { char *s; size_t n; } str;
typedef struct { str *v; size_t n, cap; } strs;

static void die(const char *what, const char *arg) {
    fprintf(stderr, "gen: %s %s: %s\n", what, arg ? arg : "", errno ? strerror(errno) : "");
    exit(1);
}

static void push(strs *a, char *s, size_t n) {
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->v = realloc(a->v, a->cap * sizeof *a->v);
        if (!a->v) die("out of memory", NULL);
    }
    a->v[a->n].s = s;
    a->v[a->n].n = n;
    a->n++;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t bound) {
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)((rng_state >> 33) % bound);
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap) b = realloc(b, cap *= 2);
    }
    if (!b || ferror(f)) die("cannot read", path);
    fclose(f);
    b[n] = '\0';
    *len = n;
    return b;
}

static int is_lower_word(const char *s, size_t n) {
    if (n < 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z') return 0;
    return 1;
}

/* vocabulary: distinct lowercase ASCII words of >= 4 letters, in order of first use */
static strs vocab;
static int in_vocab(const char *s, size_t n) {
    for (size_t i = 0; i < vocab.n; i++)
        if (vocab.v[i].n == n && memcmp(vocab.v[i].s, s, n) == 0) return 1;
    return 0;
}

static void add_words(const char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i < n && !(p[i] >= 'a' && p[i] <= 'z') && !(p[i] >= 'A' && p[i] <= 'Z')) i++;
        size_t b = i;
        while (i < n && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z'))) i++;
        if (is_lower_word(p + b, i - b) && !in_vocab(p + b, i - b)) push(&vocab, (char *)p + b, i - b);
    }
}

typedef struct { char *b; size_t n, cap; } buf;
static void put(buf *o, const char *s, size_t n) {
    if (o->n + n + 1 > o->cap) {
        while (o->n + n + 1 > o->cap) o->cap = o->cap ? o->cap * 2 : 1 << 16;
        o->b = realloc(o->b, o->cap);
        if (!o->b) die("out of memory", NULL);
    }
    memcpy(o->b + o->n, s, n);
    o->n += n;
}
static void puts_(buf *o, const char *s) { put(o, s, strlen(s)); }

/* a paragraph with about one lowercase word in five replaced */
static void mutate(buf *o, const str *para) {
    const char *p = para->s;
    size_t n = para->n, i = 0;
    while (i < n) {
        size_t b = i;
        while (i < n && p[i] >= 'a' && p[i] <= 'z') i++;
        if (i > b) {
            if (i - b >= 4 && (b == 0 || (unsigned char)p[b - 1] < 0x80) && rnd(5) == 0) {
                const str *w = &vocab.v[rnd((uint32_t)vocab.n)];
                put(o, w->s, w->n);
            } else {
                put(o, p + b, i - b);
            }
            continue;
        }
        put(o, p + i, 1);
        i++;
    }
}

static void json_str(buf *o, const char *s, size_t n) {
    put(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') { put(o, "\\", 1); put(o, s + i, 1); }
        else if (c == '\n') put(o, "\\n", 2);
        else if (c < 0x20) { char e[8]; snprintf(e, sizeof e, "\\u%04x", c); put(o, e, 6); }
        else put(o, s + i, 1);
    }
    put(o, "\"", 1);
}

static void mkdir_p(const char *path) {
    if (mkdir(path, 0777) != 0 && errno != EEXIST) die("cannot create", path);
    errno = 0;
}

static void write_file(const char *path, const char *s, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0) die("cannot write", path);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: gen DEMO_DIR OUT_DIR MB [--jsonl]\n");
        return 2;
    }
    const char *demo = argv[1], *out = argv[2];
    double mb = atof(argv[3]);
    int jsonl = argc > 4 && strcmp(argv[4], "--jsonl") == 0;
    if (mb <= 0) die("MB must be positive:", argv[3]);
    char path[4096];

    /* demo manifest: columns by name */
    snprintf(path, sizeof path, "%s/manifest.tsv", demo);
    size_t mlen;
    char *man = read_all(path, &mlen);
    strs sources = {0}, titles = {0}, paras = {0};
    int col_file = -1, col_source = -1;
    char *line = man, *next;
    for (int row = 0; line && *line; row++, line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        char *cols[32];
        int nc = 0;
        for (char *c = line; nc < 32;) {
            cols[nc++] = c;
            char *t = strchr(c, '\t');
            if (!t) break;
            *t = '\0';
            c = t + 1;
        }
        if (row == 0) {
            for (int k = 0; k < nc; k++) {
                if (strcmp(cols[k], "file") == 0) col_file = k;
                if (strcmp(cols[k], "source") == 0) col_source = k;
            }
            if (col_file < 0 || col_source < 0) die("manifest lacks file/source columns:", path);
            continue;
        }
        if (nc <= col_file || nc <= col_source) continue;
        int known = 0;
        for (size_t k = 0; k < sources.n; k++) known |= strcmp(sources.v[k].s, cols[col_source]) == 0;
        if (!known) push(&sources, cols[col_source], strlen(cols[col_source]));
        char apath[4096];
        snprintf(apath, sizeof apath, "%s/%s", demo, cols[col_file]);
        size_t alen;
        char *text = read_all(apath, &alen);
        add_words(text, alen);
        /* paragraphs: separated by blank lines; the first is the title */
        int first = 1;
        for (char *p = text; *p;) {
            while (*p == '\n' || *p == '\r') p++;
            if (!*p) break;
            char *e = strstr(p, "\n\n");
            size_t n = e ? (size_t)(e - p) : strlen(p);
            while (n && (p[n - 1] == '\n' || p[n - 1] == '\r')) n--;
            for (size_t k = 0; k < n; k++)
                if (p[k] == '\n') p[k] = ' '; /* a paragraph is one line in lines.txt */
            push(first ? &titles : &paras, p, n);
            first = 0;
            p += e ? (size_t)(e - p) + 2 : strlen(p);
        }
    }
    if (!paras.n || !titles.n || !vocab.n) die("no demo articles found in", demo);

    snprintf(path, sizeof path, "%s", out);
    mkdir_p(path);
    snprintf(path, sizeof path, "%s/corpus", out);
    mkdir_p(path);
    snprintf(path, sizeof path, "%s/corpus/articles", out);
    mkdir_p(path);
    /* the demo world's lexicons, so the generated corpus is scored as the demo is */
    snprintf(path, sizeof path, "%s/lexicons.set", demo);
    size_t slen;
    char *setfile = read_all(path, &slen);
    snprintf(path, sizeof path, "%s/corpus/lexicons.set", out);
    write_file(path, setfile, slen);
    snprintf(path, sizeof path, "%s/corpus/lexicons", out);
    mkdir_p(path);
    for (char *l = setfile; l && *l;) {
        char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        if (n && l[0] != '#') {
            char name[1024];
            snprintf(name, sizeof name, "%.*s", (int)n, l);
            char src[4096], dst[4096];
            snprintf(src, sizeof src, "%s/%s", demo, name);
            snprintf(dst, sizeof dst, "%s/corpus/%s", out, name);
            size_t llen;
            char *lex = read_all(src, &llen);
            write_file(dst, lex, llen);
            free(lex);
        }
        l = e ? e + 1 : NULL;
    }

    snprintf(path, sizeof path, "%s/lines.txt", out);
    FILE *lines = fopen(path, "wb");
    snprintf(path, sizeof path, "%s/corpus/manifest.tsv", out);
    FILE *mf = fopen(path, "wb");
    FILE *jf = NULL;
    if (jsonl) {
        snprintf(path, sizeof path, "%s/corpus.jsonl", out);
        jf = fopen(path, "wb");
        if (!jf) die("cannot write", path);
    }
    if (!lines || !mf) die("cannot write in", out);
    fputs("id\tfile\tsource\tdate\tstory\ttitle\n", mf);

    double target = mb * 1e6, written = 0;
    buf art = {0}, title = {0}, js = {0};
    for (unsigned long i = 0; written < target; i++) {
        art.n = title.n = 0;
        const str *src = &sources.v[rnd((uint32_t)sources.n)];
        mutate(&title, &titles.v[rnd((uint32_t)titles.n)]);
        put(&art, title.b, title.n);
        puts_(&art, "\n\n");
        fwrite(title.b, 1, title.n, lines);
        fputc('\n', lines);
        size_t want = 2000 + rnd(3000);
        while (art.n < want) {
            size_t start = art.n;
            mutate(&art, &paras.v[rnd((uint32_t)paras.n)]);
            fwrite(art.b + start, 1, art.n - start, lines);
            fputc('\n', lines);
            puts_(&art, "\n\n");
        }
        art.n -= 1; /* one final newline */
        char id[32], rel[64];
        snprintf(id, sizeof id, "a%06lu", i);
        snprintf(rel, sizeof rel, "articles/%03lu/%s.txt", i / 1000, id);
        if (i % 1000 == 0) {
            snprintf(path, sizeof path, "%s/corpus/articles/%03lu", out, i / 1000);
            mkdir_p(path);
        }
        snprintf(path, sizeof path, "%s/corpus/%s", out, rel);
        write_file(path, art.b, art.n);
        for (size_t k = 0; k < title.n; k++)
            if (title.b[k] == '\t') title.b[k] = ' ';
        fprintf(mf, "%s\t%s\t%.*s\t2025-%02lu-%02lu\tstory-%05lu\t%.*s\n", id, rel, (int)src->n, src->s,
                i % 12 + 1, i % 28 + 1, i / 10, (int)title.n, title.b);
        if (jf) {
            js.n = 0;
            puts_(&js, "{\"id\":\"");
            puts_(&js, id);
            puts_(&js, "\",\"source\":");
            json_str(&js, src->s, src->n);
            char story[48];
            snprintf(story, sizeof story, ",\"story\":\"story-%05lu\",\"text\":", i / 10);
            puts_(&js, story);
            json_str(&js, art.b, art.n);
            puts_(&js, "}\n");
            fwrite(js.b, 1, js.n, jf);
        }
        written += (double)art.n;
    }
    if (fclose(lines) != 0 || fclose(mf) != 0 || (jf && fclose(jf) != 0)) die("write failed in", out);
    return 0;
}
