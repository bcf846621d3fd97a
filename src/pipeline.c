/*
 * pipeline.c - raw article text to scores, reusing every buffer.
 */
#include "slant/pipeline.h"

#include <string.h>

#include "slant/ingest.h"
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
    slant_clean_scratch_init(&p->clean_scratch);
    slant_doc_init(&p->doc);
    slant_doc_scores_init(&p->scores);
}

void slant_pipeline_free(slant_pipeline *p) {
    slant_buf_free(&p->raw);
    slant_buf_free(&p->valid);
    slant_buf_free(&p->clean);
    slant_clean_log_free(&p->log);
    slant_clean_scratch_free(&p->clean_scratch);
    slant_doc_free(&p->doc);
    slant_doc_scores_free(&p->scores);
}

int slant_pipeline_run_text(slant_pipeline *p, const char *name, const char *source,
                            const char *text, size_t len, slant_error *err) {
    /* the same validation as every other reader: NUL bytes and invalid
     * UTF-8 are errors, or repaired and counted when lenient */
    long replaced = slant_ingest_validate(&text, &len, name, p->opts.lenient, &p->valid, err);
    if (replaced < 0) return -1;
    p->replaced = (size_t)replaced;
    /* the clean log is reset per article even when cleaning is off */
    slant_clean_log_free(&p->log);
    slant_clean_log_init(&p->log);
    if (p->opts.no_clean) return slant_pipeline_score_clean(p, name, text, len, err);
    slant_clean_text_r(p->rules, source, text, len, &p->clean, &p->log, &p->clean_scratch);
    return slant_pipeline_score_clean(p, name, p->clean.data ? p->clean.data : "", p->clean.len, err);
}

int slant_pipeline_score_clean(slant_pipeline *p, const char *name, const char *text, size_t len,
                               slant_error *err) {
    p->text = text;
    p->len = len;
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
