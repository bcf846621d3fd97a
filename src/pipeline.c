/*
 * pipeline.c - raw article text to scores, reusing every buffer.
 */
#include "slant/pipeline.h"

#include <string.h>

#include "slant/quote.h"

void slant_pipeline_init(slant_pipeline *p, const slant_scorer *sc, const slant_clean_rules *rules,
                         const slant_pipeline_opts *opts) {
    memset(p, 0, sizeof *p);
    p->scorer = sc;
    p->rules = rules;
    if (opts) p->opts = *opts;
    slant_buf_init(&p->raw);
    slant_buf_init(&p->valid);
    slant_buf_init(&p->clean);
    slant_clean_log_init(&p->log);
    slant_doc_init(&p->doc);
    slant_doc_scores_init(&p->scores);
}

void slant_pipeline_free(slant_pipeline *p) {
    slant_buf_free(&p->raw);
    slant_buf_free(&p->valid);
    slant_buf_free(&p->clean);
    slant_clean_log_free(&p->log);
    slant_doc_free(&p->doc);
    slant_doc_scores_free(&p->scores);
}

int slant_pipeline_run_text(slant_pipeline *p, const char *name, const char *source,
                            const char *text, size_t len, slant_error *err) {
    p->replaced = 0;
    if (p->opts.lenient) {
        slant_buf_clear(&p->valid);
        p->replaced = slant_utf8_sanitize(text, len, &p->valid);
        text = p->valid.data ? p->valid.data : "";
        len = p->valid.len;
    } else if (slant_utf8_check(text, len, name, err) != 0) {
        return -1;
    }
    /* the clean log is reset per article even when cleaning is off */
    slant_clean_log_free(&p->log);
    slant_clean_log_init(&p->log);
    if (p->opts.no_clean) {
        p->text = text;
        p->len = len;
    } else {
        slant_clean_text(p->rules, source, text, len, &p->clean, &p->log);
        p->text = p->clean.data ? p->clean.data : "";
        p->len = p->clean.len;
    }
    if (slant_doc_analyze(&p->doc, p->text, p->len, err) != 0) {
        if (err && !err->file[0]) snprintf(err->file, sizeof err->file, "%s", name);
        return -1;
    }
    slant_quotes_find(&p->doc);
    slant_score_doc(p->scorer, &p->doc, &p->scores);
    return 0;
}

int slant_pipeline_run(slant_pipeline *p, const slant_article *a, slant_error *err) {
    const char *text;
    size_t len;
    if (slant_article_text(a, &p->raw, &text, &len, err) != 0) return -1;
    const char *name = a->path ? a->path : a->id;
    return slant_pipeline_run_text(p, name, a->source, text, len, err);
}
