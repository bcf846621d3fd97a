/*
 * clean.c - `slant clean`: each article's cleaned text, or with --show what
 * cleaning removed (line number, rule, the line itself) and the totals.
 *
 * With more than one article each text is preceded by a "==> ID <==" line
 * (the convention of head(1)); a single article prints bare text so the
 * command can sit in a pipe. The first article is held back until we know
 * whether a second one follows.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "slant/ingest.h"

typedef struct totals {
    size_t articles, lines, bytes, markup, joined;
} totals;

static void show_removals(slant_buf *b, const slant_ingest_item *it, totals *t) {
    const slant_clean_log *log = it->log;
    const char *id = it->article->id;
    for (size_t i = 0; i < log->n; i++) {
        const slant_clean_removal *r = &log->items[i];
        if (strcmp(r->rule, "paragraph-join") == 0) {
            slant_buf_printf(b, "%s:%u: paragraph-join: blank line inside a split paragraph\n", id,
                             r->line);
            continue;
        }
        size_t n = r->end - r->start;
        const char *s = it->input_text + r->start;
        if (n && s[n - 1] == '\r') n--;
        slant_buf_printf(b, "%s:%u: %s: ", id, r->line, r->rule);
        slant_buf_append(b, s, n > 200 ? 200 : n);
        if (n > 200) slant_buf_puts(b, "...");
        slant_buf_putc(b, '\n');
    }
    slant_buf_printf(b,
                     "%s: %zu line%s removed (%zu bytes), %zu markup fragment%s stripped, "
                     "%zu paragraph%s joined\n",
                     id, log->lines_removed, log->lines_removed == 1 ? "" : "s",
                     log->bytes_removed, log->markup_stripped, log->markup_stripped == 1 ? "" : "s",
                     log->paragraphs_joined, log->paragraphs_joined == 1 ? "" : "s");
    t->articles++;
    t->lines += log->lines_removed;
    t->bytes += log->bytes_removed;
    t->markup += log->markup_stripped;
    t->joined += log->paragraphs_joined;
}

static int put(const slant_buf *b, slant_error *err) {
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
        return slant_error_set(err, "<stdout>", 0, 0, -1, "write failed");
    return 0;
}

static void header(slant_buf *b, const slant_article *a, int first) {
    slant_buf_printf(b, "%s==> %s (%s) <==\n", first ? "" : "\n", a->id, a->source);
}

int cmd_clean(int argc, char **argv) {
    slant_ingest_opts opts = {0, 0, NULL};
    int show = 0, nin = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (!options_done && a[0] == '-' && a[1] != '\0') {
            if (strcmp(a, "--show") == 0) show = 1;
            else if (strcmp(a, "--rules") == 0) {
                if (i + 1 >= argc) return cli_usage_error("clean", "--rules needs a FILE");
                opts.rules = argv[++i];
            } else return cli_usage_error("clean", "unknown option '%s'", a);
        } else {
            argv[1 + nin++] = argv[i];
        }
    }
    if (nin == 0) return cli_usage_error("clean", "give at least one CORPUS or FILE");

    slant_error err;
    slant_error_clear(&err);
    slant_ingest *in;
    if (slant_ingest_open(argv + 1, (size_t)nin, &opts, &in, &err) != 0) return cli_fail(&err);
    slant_buf out, held;
    slant_buf_init(&out);
    slant_buf_init(&held);
    slant_article held_article = {0};
    totals t = {0, 0, 0, 0, 0};
    slant_ingest_item it;
    int rc;
    size_t count = 0;
    while ((rc = slant_ingest_next(in, &it, &err)) == 1) {
        slant_buf_clear(&out);
        if (show) {
            show_removals(&out, &it, &t);
        } else if (count == 0) {
            /* hold the first text back: bare if it stays the only one */
            slant_buf_clear(&held);
            slant_buf_append(&held, it.text, it.len);
            held_article.id = slant_xstrdup(it.article->id);
            held_article.source = slant_xstrdup(it.article->source);
        } else {
            if (count == 1) {
                header(&out, &held_article, 1);
                slant_buf_append(&out, held.data, held.len);
                slant_buf_free(&held);
            }
            header(&out, it.article, 0);
            slant_buf_append(&out, it.text, it.len);
        }
        count++;
        if (put(&out, &err) != 0) {
            rc = -1;
            break;
        }
    }
    if (rc == 0 && !show && count == 1 && put(&held, &err) != 0) rc = -1;
    if (rc == 0 && show && t.articles > 1) {
        slant_buf_clear(&out);
        slant_buf_printf(&out,
                         "total: %zu articles, %zu lines removed (%zu bytes), %zu markup "
                         "fragment%s stripped, %zu paragraph%s joined\n",
                         t.articles, t.lines, t.bytes, t.markup, t.markup == 1 ? "" : "s",
                         t.joined, t.joined == 1 ? "" : "s");
        if (put(&out, &err) != 0) rc = -1;
    }
    int status = rc < 0 ? cli_fail(&err) : SLANT_EXIT_OK;
    if (fflush(stdout) != 0 && status == SLANT_EXIT_OK) {
        slant_error_set(&err, "<stdout>", 0, 0, -1, "write failed");
        status = cli_fail(&err);
    }
    free(held_article.id);
    free(held_article.source);
    slant_buf_free(&out);
    slant_buf_free(&held);
    slant_ingest_free(in);
    return status;
}
