/*
 * fuzz_score.c - the matcher and scorer over an arbitrary document with the
 * shipped lexicons and cleaning rules, then the aggregate of that article
 * written as a partial. Checks that every score is finite and in its range
 * and that every hit and mention lies inside its sentence.
 * Design: the full pipeline (lenient, so invalid bytes are repaired rather
 * than rejected) is what every command runs, so that is what is fuzzed.
 */
#include "fuzz_common.h"

#include <math.h>

#include "slant/aggregate.h"
#include "slant/pipeline.h"

static void check_scores(const slant_doc *d, const slant_doc_scores *s, size_t nentries) {
    FUZZ_CHECK(s->nsents == d->nsents);
    for (size_t i = 0; i < s->nsents; i++) {
        const slant_sentence_score *ss = &s->sents[i];
        const slant_sentence *sent = &d->sents[ss->sentence];
        FUZZ_CHECK(isfinite(ss->tone) && ss->tone >= -1.0 && ss->tone <= 1.0);
        FUZZ_CHECK(isfinite(ss->tone_raw));
        for (int v = 0; v < SLANT_VOICE_COUNT; v++)
            FUZZ_CHECK(isfinite(ss->tone_voice[v]) && fabs(ss->tone_voice[v]) <= 1.0);
        FUZZ_CHECK(ss->hit_begin <= ss->hit_end && ss->hit_end <= s->nhits);
        FUZZ_CHECK(ss->mention_begin <= ss->mention_end && ss->mention_end <= s->nmentions);
        for (uint32_t h = ss->hit_begin; h < ss->hit_end; h++) {
            const slant_hit *hit = &s->hits[h];
            /* in token order: the stance window of long sentences relies on it */
            FUZZ_CHECK(h == ss->hit_begin || s->hits[h - 1].tok_begin <= hit->tok_begin);
            FUZZ_CHECK(hit->entry < nentries);
            FUZZ_CHECK(hit->tok_begin < hit->tok_end);
            FUZZ_CHECK(hit->tok_begin >= sent->tok_begin && hit->tok_end <= sent->tok_end);
            FUZZ_CHECK(isfinite(hit->value));
        }
        for (uint32_t m = ss->mention_begin; m < ss->mention_end; m++) {
            const slant_mention *men = &s->mentions[m];
            FUZZ_CHECK(men->tok_begin >= sent->tok_begin && men->tok_end <= sent->tok_end);
            FUZZ_CHECK(isfinite(men->stance) && fabs(men->stance) <= 1.0);
        }
    }
    FUZZ_CHECK(isfinite(slant_scores_text_tone(s)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static slant_lexset *set;
    static slant_scorer *scorer;
    static slant_clean_rules *rules;
    if (!set) {
        slant_error e;
        slant_error_clear(&e);
        set = fuzz_default_lexset();
        scorer = slant_scorer_new(set, &e);
        if (!scorer) fuzz_die(&e);
        rules = fuzz_shipped_rules();
    }
    slant_pipeline_opts po = {1, 0};
    slant_pipeline p;
    slant_pipeline_init(&p, scorer, rules, &po);
    slant_error err;
    slant_error_clear(&err);
    if (slant_pipeline_run_text(&p, "fuzz.txt", "Fuzz Source", (const char *)data, size, &err) == 0) {
        check_scores(&p.doc, &p.scores, slant_lexset_entry_count(set));
        for (size_t i = 0; i < p.doc.nsents && i < 4; i++) {
            const slant_sentence *s = &p.doc.sents[i];
            uint16_t rules_used = 0;
            double st = slant_stance_toward(scorer, &p.doc, &p.scores, i, s->tok_begin,
                                            s->tok_begin + (s->tok_end > s->tok_begin), &rules_used);
            FUZZ_CHECK(isfinite(st) && fabs(st) <= 1.0);
        }
        slant_article a;
        memset(&a, 0, sizeof a);
        a.id = "fuzz";
        a.source = "Fuzz Source";
        a.story = "s";
        slant_agg *agg = slant_agg_new(set);
        slant_agg_add_article(agg, &a, &p.doc, &p.scores, &p.log);
        slant_agg_finish(agg);
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        FUZZ_CHECK(f != NULL);
        FUZZ_CHECK(slant_agg_write(agg, f, "mem", &err) == 0);
        fclose(f);
        /* the partial must read back */
        slant_agg *back = slant_agg_new(set);
        FILE *in = fmemopen(buf, len, "rb");
        FUZZ_CHECK(in != NULL);
        int rc = slant_agg_read(back, in, "mem", &err);
        if (rc != 0) {
            char msg[2048];
            slant_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "partial did not read back: %s\n", msg);
        }
        FUZZ_CHECK(rc == 0);
        fclose(in);
        slant_agg_free(back);
        free(buf);
        slant_agg_free(agg);
    } else {
        fuzz_check_error(&err);
    }
    slant_pipeline_free(&p);
    return 0;
}
