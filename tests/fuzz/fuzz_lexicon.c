/*
 * fuzz_lexicon.c - the lexicon reader on arbitrary bytes, layered on top of
 * the fixed lexicon (so overrides and conflicts are exercised), then the
 * matching tables, a scorer, and the matcher and scorer over a fixed
 * document. Odd-sized inputs run in check mode (keep going after errors).
 * Checks: a rejected lexicon always carries a message; an accepted one
 * gives matches inside the document and finite scores.
 */
#include "fuzz_common.h"

#include <math.h>

#include "slant/pipeline.h"

static const char fixed_doc[] =
    "Valdoria said the sanctions were not very good, but the regime insisted on peace.\n"
    "\"We will never accept a sham deal,\" the Valdorian government claimed on Monday.\n\n"
    "Reportedly, the US attacked Kestria near the Serin Islands; if talks fail, negotiators "
    "would leave. At least 12 people were praised by Kestria :) \xE2\x80\x9CQuite bad,\xE2\x80\x9D "
    "she said. \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE5\x8C\x97\xE4\xBA\xAC\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    slant_error err;
    slant_error_clear(&err);
    slant_lexset *s = slant_lexset_new();
    slant_lexset_keep_going(s, (int)(size & 1));
    int rc = slant_lexset_add_file(s, FUZZ_SRCDIR "/tests/fuzz/fixed.lex", &err);
    FUZZ_CHECK(rc == 0);
    rc = slant_lexset_add_text(s, "fuzz.lex", (const char *)data, size, &err);
    if (rc != 0) {
        fuzz_check_error(&err);
        FUZZ_CHECK(slant_lexset_error_count(s) >= (size & 1));
        for (size_t i = 0; i < slant_lexset_error_count(s); i++)
            fuzz_check_error(slant_lexset_error(s, i));
        slant_lexset_free(s);
        return 0;
    }
    for (size_t i = 0; i < slant_lexset_warning_count(s); i++)
        FUZZ_CHECK(slant_lexset_warning(s, i) != NULL);
    if (slant_lexset_finish(s, &err) != 0) {
        fuzz_check_error(&err);
        slant_lexset_free(s);
        return 0;
    }
    FUZZ_CHECK(strlen(slant_lexset_hash(s)) == 16);
    size_t nentries = slant_lexset_entry_count(s);
    for (size_t i = 0; i < nentries; i++) {
        const slant_entry *e = slant_lexset_entry(s, i);
        FUZZ_CHECK(isfinite(e->weight));
        FUZZ_CHECK(e->category < slant_lexset_category_count(s));
        FUZZ_CHECK(e->ntoks >= 1 && e->ntoks <= SLANT_LEX_MAX_TOKENS);
    }
    slant_scorer *sc = slant_scorer_new(s, &err);
    if (!sc) {
        fuzz_check_error(&err);
        slant_lexset_free(s);
        return 0;
    }
    slant_pipeline_opts po = {0, 1};
    slant_pipeline p;
    slant_pipeline_init(&p, sc, NULL, &po);
    FUZZ_CHECK(slant_pipeline_run_text(&p, "doc", NULL, fixed_doc, sizeof fixed_doc - 1, &err) == 0);
    slant_match_range(s, &p.doc, 0, p.doc.ntoks, &p.scores.scratch);
    for (size_t i = 0; i < p.scores.scratch.n; i++) {
        const slant_match *m = &p.scores.scratch.items[i];
        FUZZ_CHECK(m->tok_begin < m->tok_end && m->tok_end <= p.doc.ntoks);
        FUZZ_CHECK(m->entry < nentries);
    }
    for (size_t i = 0; i < p.scores.nsents; i++)
        FUZZ_CHECK(isfinite(p.scores.sents[i].tone) && fabs(p.scores.sents[i].tone) <= 1.0);
    for (size_t i = 0; i < p.scores.nhits; i++) FUZZ_CHECK(isfinite(p.scores.hits[i].value));
    for (size_t i = 0; i < p.scores.nmentions; i++)
        FUZZ_CHECK(isfinite(p.scores.mentions[i].stance) && fabs(p.scores.mentions[i].stance) <= 1.0);
    slant_pipeline_free(&p);
    slant_scorer_free(sc);
    slant_lexset_free(s);
    return 0;
}
