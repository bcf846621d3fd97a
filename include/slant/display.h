/*
 * display.h - the `articles` section of the report model: each article's
 * cleaned text with its sentences, hits and mentions, and the evidence
 * sentence ids behind each source's top terms.
 *
 * Texts are not in partial files (they would make a partial as large as
 * the corpus): the display re-reads each article from the path recorded in
 * the aggregate and scores it again through the same pipeline. A report made
 * by `slant analyze` and one made from merged partials therefore show the
 * same texts when the files are reachable; an article whose text is not
 * reachable (inline JSON Lines input, a moved corpus) is listed with
 * text_available = false.
 */
#ifndef SLANT_DISPLAY_H
#define SLANT_DISPLAY_H

#include <jansson.h>

#include "slant/aggregate.h"
#include "slant/pipeline.h"
#include "slant/report.h"

/* At most max_articles articles (first by id) get their text shown. 0, or
 * -1 when an article's record could not be read back from its temporary
 * file (slant_agg_compact_spill; the list is then short). */
int slant_display_attach(json_t *model, slant_agg *agg, const slant_scorer *sc,
                          const slant_clean_rules *rules, const slant_pipeline_opts *opts,
                          size_t max_articles);
/* The same articles for the report writer, not in the model but as a
 * list (slant_report_list "articles") already rendered as report.json
 * prints them, made in three steps so that the work can run beside the
 * model's build:
 *   slant_display_new copies from the first records what the texts need
 *     (reads agg; NULL when a record could not be read back);
 *   slant_display_render re-reads, scores and renders each article on up to
 *     `threads` threads (<= 0: one per CPU; the bytes are the same for any
 *     count), reading neither the aggregate nor any model. With `park`,
 *     each text waits in a temporary file (slant_tmpfile) instead of memory
 *     until it is taken: for texts made while the model is built, when
 *     memory is at its peak (in memory when the file cannot be written);
 *   slant_display_take_list adds the evidence ids to the model's sources
 *     (in article order) and the warning, and hands d over to *list, whose
 *     release frees it; -1, and d still the caller's, when a parked text
 *     cannot be read back. */
typedef struct slant_display slant_display;
slant_display *slant_display_new(slant_agg *agg, size_t max_articles);
void slant_display_render(slant_display *d, const slant_scorer *sc, const slant_clean_rules *rules,
                          const slant_pipeline_opts *opts, int threads, int park);
int slant_display_take_list(slant_display *d, json_t *model, slant_report_list *list);
/* For a display that is not handed over (an error on the way). */
void slant_display_free(slant_display *d);

#endif
