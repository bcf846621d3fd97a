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
/* The same articles, not in the model but as *list ("articles"), already
 * rendered (slant_report_list.rendered) for slant_report_write_dir_take_lists,
 * which releases it; the evidence ids still go into the model's sources. */
int slant_display_list(json_t *model, slant_agg *agg, const slant_scorer *sc, const slant_clean_rules *rules,
                        const slant_pipeline_opts *opts, size_t max_articles, slant_report_list *list);

#endif
