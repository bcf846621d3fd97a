/*
 * test_score.c - the scorer on hand-worked sentences.
 *
 * A small lexicon built in memory (so the shipped weights can change without
 * breaking these tests) with VADER-scale weights: good 1.9, bad -2.5,
 * kiss of death -1.5, death -2.9 (lexicon weight = VADER / 4). Expected
 * values are worked out by hand in VADER units and squashed with
 * x / sqrt(x^2 + 15); each row says how. docs/measures.md repeats them.
 */
#include <math.h>
#include <string.h>

#include "slant/lexicon.h"
#include "slant/quote.h"
#include "slant/score.h"
#include "slant/text.h"
#include "testutil.h"

static const char test_lex[] =
    "@lexicon score-test\n"
    "@version 1\n"
    "good\ttone\t0.475\n"
    "bad\ttone\t-0.625\n"
    "kiss of death\ttone\t-0.375\n"
    ":)\ttone\t0.5\n"
    ":/\ttone\t-0.35\n"
    "death\ttone\t-0.725\n"
    "criticized\ttone\t-0.35\n"
    "not\trule.negator\n"
    "never\trule.negator\n"
    "very\trule.intensifier\t0.293\n"
    "extremely\trule.intensifier\t0.293\n"
    "slightly\trule.diminisher\t0.293\n"
    "but\trule.contrast\n"
    "least\trule.least\n"
    "at least\trule.least\t0\n"
    "was\trule.passive_aux\n"
    "is\trule.passive_aux\n"
    "by\trule.agent\n"
    "while\trule.clause_break\n"
    "would\trule.irrealis\n"
    "and\trule.clause_break\n"
    "praised\tact.supportive\t1\n"
    "criticized\tact.hostile\t-1\n"
    "regime\tloaded\t2\n"
    "triumphant\tloaded.praise\t1\n"
    "from\trule.agent\n"
    "rebuke\tact.hostile\t-1\n"
    "criticize\tact.hostile\t-1\n"
    "criticism of\tact.hostile.nominal\t-1\n"
    "critical of\tact.hostile.nominal\t-1\n"
    "said\tattrib.neutral\n"
    "told\tattrib.neutral\n"
    "revealed\tattrib.loaded\n"
    "revealed\trule.no_doubt\n"
    "who\trule.clause_break\n"
    "claimed\tattrib.loaded\n"
    "Kestria\ttarget.kestria\t1\tcase\n"
    "Kestrian\ttarget.kestria\t1\tcase\n"
    "Veldor\ttarget.veldor\t1\tcase\n";

static slant_lexset *set;
static slant_scorer *scorer;
static slant_doc doc;
static slant_doc_scores scores;

static void setup(void) {
    scorer = test_scorer_new("score-test", test_lex, &set);
    slant_doc_init(&doc);
    slant_doc_scores_init(&scores);
}

static void teardown(void) {
    slant_doc_scores_free(&scores);
    slant_doc_free(&doc);
    slant_scorer_free(scorer);
    slant_lexset_free(set);
}

static void score_text(const char *text) {
    slant_error err;
    ck_assert_int_eq(slant_doc_analyze(&doc, text, strlen(text), &err), 0);
    slant_quotes_find(&doc);
    slant_score_doc(scorer, &doc, &scores);
}

static double squash(double x) { return x / sqrt(x * x + 15.0); }

/* The contrast flag of a sentence with neither tone nor target words (its
 * clauses are not computed) comes from its matches: the first "but". */
START_TEST(test_contrast_without_tone_or_targets) {
    score_text("Officials met but nothing happened. Officials met. Talks ended, but the ships stayed but sailed. The plan is good but slow.");
    ck_assert_uint_eq(scores.nsents, 4);
    ck_assert_int_eq(scores.sents[0].contrast, 1);
    ck_assert_int_eq(scores.sents[1].contrast, 0);
    ck_assert_int_eq(scores.sents[2].contrast, 1);
    ck_assert_int_eq(scores.sents[3].contrast, 1);
    /* "good" lies before "but": halved (VADER's _but_check) */
    ck_assert_uint_eq(scores.sents[3].hit_end - scores.sents[3].hit_begin, 1);
    ck_assert(scores.hits[scores.sents[3].hit_begin].rules & SLANT_RULE_BEFORE_BUT);
}
END_TEST

/* ---- tone ---- */
typedef struct tone_case {
    const char *text;
    double vader_sum;      /* hand-worked sum in VADER units */
    unsigned tone_hits;    /* tone hits with a non-zero value */
    uint16_t rules;        /* rule bits of the first non-zero tone hit */
    const char *why;
} tone_case;

static const tone_case tone_cases[] = {
    {"The plan is good.", 1.9, 1, 0, "one word: 1.9"},
    {"The plan is not good.", 1.9 * -0.74, 1, SLANT_RULE_NEGATED, "negation: 1.9 x -0.74"},
    {"The plan is very good.", 1.9 + 0.293, 1, SLANT_RULE_INTENSIFIED, "booster: 1.9 + 0.293"},
    {"The plan is slightly good.", 1.9 - 0.293, 1, SLANT_RULE_DIMINISHED,
     "dampener: 1.9 - 0.293"},
    {"It is extremely very good.", 1.9 + 0.293 + 0.293 * 0.95, 1, SLANT_RULE_INTENSIFIED,
     "two boosters, the farther one decayed x0.95"},
    {"It is not a very good plan.", (1.9 + 0.293) * -0.74, 1,
     SLANT_RULE_INTENSIFIED | SLANT_RULE_NEGATED, "booster then negator 3 words back"},
    {"The plan is good but the execution is bad.", 1.9 * 0.5 + -2.5 * 1.5, 2,
     SLANT_RULE_BEFORE_BUT, "but: before x0.5, after x1.5"},
    {"This is the least good plan.", 1.9 * -0.74, 1, SLANT_RULE_LEAST, "least flips: x -0.74"},
    {"This is at least good.", 1.9, 1, 0, "at least does not flip"},
    {"It was the kiss of death.", -1.5, 1, SLANT_RULE_IDIOM,
     "idiom replaces its words (death -2.9 is not counted)"},
    {"The plan is very bad!", -2.5 - 0.293 - 0.292, 1,
     SLANT_RULE_INTENSIFIED | SLANT_RULE_EXCLAIM, "booster, then one '!' adds 0.292 away from 0"},
    {"The plan is GOOD.", 1.9 + 0.733, 1, SLANT_RULE_CAPS, "ALL CAPS in mixed case: +0.733"},
    {"THE PLAN IS GOOD.", 1.9, 1, 0, "all words in caps: no emphasis"},
    {"The plan is good?", 1.9, 1, 0, "a single '?' adds nothing"},
    {"The plan is good??", 1.9 + 2 * 0.18, 1, 0, "two '?' add 0.36"},
    {"Nothing here is scored.", 0.0, 0, 0, "no tone words: 0"},
    {"It would be good.", 1.9 * 0.5, 1, SLANT_RULE_IRREALIS, "after a modal: halved"},
    {"It would be good while the plan is bad.", 1.9 * 0.5 - 2.5, 2, SLANT_RULE_IRREALIS,
     "irrealis ends with its clause: bad is asserted"},
    {"The plan is good :)", 1.9 + 2.0, 2, 0, "a free-standing emoticon counts"},
    {"See http://x.org/a now", 0.0, 0, 0, "':/' inside a URL is not an emoticon"},
};

START_TEST(test_tone_table) {
    const tone_case *c = &tone_cases[_i];
    score_text(c->text);
    ck_assert_uint_eq(scores.nsents, 1);
    double want = squash(c->vader_sum);
    if (fabs(scores.sents[0].tone - want) > 1e-6)
        ck_abort_msg("%s: tone %.6f, want %.6f (%s)", c->text, scores.sents[0].tone, want, c->why);
    ck_assert_double_eq_tol(scores.sents[0].tone_raw, c->vader_sum, 1e-9);
    unsigned nz = 0;
    uint16_t rules = 0;
    for (size_t i = 0; i < scores.nhits; i++) {
        if (scores.hits[i].family != SLANT_FAM_TONE || scores.hits[i].value == 0.0) continue;
        if (nz++ == 0) rules = scores.hits[i].rules;
    }
    if (nz != c->tone_hits) ck_abort_msg("%s: %u tone hits, want %u", c->text, nz, c->tone_hits);
    if (rules != c->rules) ck_abort_msg("%s: rules 0x%x, want 0x%x", c->text, rules, c->rules);
}
END_TEST

START_TEST(test_hit_value_scale) {
    /* value is in lexicon units: VADER / 4, so "not good" = 1.9 x -0.74 / 4 */
    score_text("It is not good.");
    ck_assert_uint_eq(scores.nhits, 1);
    ck_assert_double_eq_tol(scores.hits[0].weight, 0.475, 1e-12);
    ck_assert_double_eq_tol(scores.hits[0].value, 1.9 * -0.74 / 4.0, 1e-12);
}
END_TEST

START_TEST(test_text_tone_sums_sentences) {
    /* VADER scores a text as one sum: 1.9 + (-2.5) = -0.6 -> -0.153093 */
    score_text("The plan is good. The plan is bad.");
    ck_assert_uint_eq(scores.nsents, 2);
    ck_assert_double_eq_tol(slant_scores_text_tone(&scores), squash(-0.6), 1e-9);
    ck_assert_double_eq_tol(scores.sents[0].tone, squash(1.9), 1e-9);
    ck_assert_double_eq_tol(scores.sents[1].tone, squash(-2.5), 1e-9);
}
END_TEST

START_TEST(test_quote_voice) {
    /* outlet: The minister said today (4 words); quote: the deal is good (4) */
    score_text("The minister said \"the deal is good\" today.");
    ck_assert_uint_eq(scores.nsents, 1);
    const slant_sentence_score *s = &scores.sents[0];
    ck_assert_uint_eq(s->words, 8);
    ck_assert_uint_eq(s->words_quoted, 4);
    ck_assert_uint_eq(s->words_voice[SLANT_VOICE_OUTLET], 4);
    ck_assert_uint_eq(s->voice, SLANT_VOICE_OUTLET); /* 4 of 8 is not more than half */
    ck_assert_double_eq_tol(s->tone_voice[SLANT_VOICE_QUOTE], squash(1.9), 1e-9);
    ck_assert_double_eq_tol(s->tone_voice[SLANT_VOICE_OUTLET], 0.0, 1e-12);
    ck_assert_double_eq_tol(s->tone, squash(1.9), 1e-9);
    ck_assert_uint_eq(scores.nhits, 2); /* said (attrib, outlet voice), good (tone, quoted) */
    ck_assert_uint_eq(scores.hits[0].family, SLANT_FAM_ATTRIB);
    ck_assert_uint_eq(scores.hits[0].voice, SLANT_VOICE_OUTLET);
    ck_assert_uint_eq(scores.hits[1].family, SLANT_FAM_TONE);
    ck_assert_uint_eq(scores.hits[1].voice, SLANT_VOICE_QUOTE);
}
END_TEST

START_TEST(test_quoted_sentence_voice) {
    score_text("\"The talks were good and we are very happy,\" he said.");
    ck_assert_uint_eq(scores.sents[0].voice, SLANT_VOICE_QUOTE); /* 9 of 11 words quoted */
    ck_assert_uint_eq(scores.sents[0].words_quoted, 9);
}
END_TEST

START_TEST(test_loaded_negation_noted) {
    score_text("It is not a regime.");
    ck_assert_uint_eq(scores.nhits, 1);
    ck_assert_uint_eq(scores.hits[0].family, SLANT_FAM_LOADED);
    ck_assert_double_eq_tol(scores.hits[0].value, 2.0, 1e-12); /* counted, not flipped */
    ck_assert(scores.hits[0].rules & SLANT_RULE_NEGATED);
}
END_TEST

/* ---- stance ---- */
typedef struct stance_case {
    const char *text;
    const char *target;   /* category name */
    double vader_sum;     /* hand-worked stance sum in VADER units */
    uint16_t must_have;   /* cue bits that must be set */
    const char *why;
} stance_case;

static const stance_case stance_cases[] = {
    {"Veldor criticized Kestria.", "target.kestria", -2.0, SLANT_RULE_PATIENT,
     "patient of a hostile act: -2"},
    {"Veldor criticized Kestria.", "target.veldor", -1.4, SLANT_RULE_AGENT,
     "the agent gets no act cue, only its clause tone: criticized -1.4, adjacent"},
    {"Kestria and Veldor criticized Nobody.", "target.veldor", -1.4, SLANT_RULE_AGENT,
     "'and' between two targets does not split the clause"},
    {"Kestria was praised by Veldor.", "target.kestria", 2.0, SLANT_RULE_PASSIVE,
     "passive subject of a supportive act: +2"},
    {"Kestria was praised by Veldor.", "target.veldor", 1.0 / (1.0 + 1.0 / 3.0), SLANT_RULE_AGENT,
     "'by' marks the agent: no act cue; praised (no tone entry) counts as a mild +1, 1 word away"},
    {"Kestria is good while Veldor is bad.", "target.kestria",
     1.9 * 0.75 + -2.5 * 0.35 / (1.0 + 5.0 / 3.0), SLANT_RULE_CLAUSE,
     "own clause: good 1 word away x0.75; other clause: bad 5 words away x0.35/(1+5/3)"},
    {"Kestria is good while Veldor is bad.", "target.veldor",
     -2.5 * 0.75 + 1.9 * 0.35 / (1.0 + 1.0 / 3.0), SLANT_RULE_CLAUSE,
     "own clause: bad x0.75; other clause: good 1 word away x0.35/(1+1/3)"},
    {"The Kestrian regime arrested them.", "target.kestria", -2.0, SLANT_RULE_LOADED,
     "loaded word (weight 2) next to the mention: -2 x 1"},
    {"Kestria signed the treaty.", "target.kestria", 0.0, 0, "nothing evaluative: 0"},
    {"The triumphant Kestria returned.", "target.kestria", 1.0, SLANT_RULE_LOADED,
     "loaded.praise (weight 1) right before the mention favours it: +1 x 1"},
    {"The rebuke from Veldor surprised them.", "target.veldor", -1.0 / (1.0 + 1.0 / 3.0),
     SLANT_RULE_AGENT,
     "'from' marks the source of the act: agent, no act cue; rebuke (no tone entry) a mild -1, "
     "1 word away"},
    {"There was criticism of Kestria.", "target.kestria", -2.0, SLANT_RULE_PATIENT,
     "nominal act (noun + 'of'): Kestria receives it, -2; 'was' does not make a noun passive"},
    {"Veldor did not criticize Kestria.", "target.kestria", -2.0 * -0.74,
     SLANT_RULE_PATIENT | SLANT_RULE_NEGATED, "negated act: -1 x -0.74 x 2 = +1.48"},
    {"Veldor said the plan is bad.", "target.veldor", 0.0, SLANT_RULE_SPEAKER,
     "speaker: what Veldor says (bad, after the verb) is not about Veldor"},
    {"\"The plan is bad,\" said Veldor.", "target.veldor", 0.0, SLANT_RULE_SPEAKER,
     "'said X' after a quote: the quoted words are not counted"},
    {"Veldor claimed the plan is good.", "target.veldor", -1.0, SLANT_RULE_SPEAKER,
     "loaded verb of saying: -1 for the speaker (epistemological bias); 'good' is what it said"},
    {"Kestria said Veldor is bad.", "target.veldor", -2.5 * 0.75, SLANT_RULE_CLAUSE,
     "the speaker rule is only for the speaker: bad, 1 word from Veldor, x0.75"},
    {"The plan is bad, said Veldor.", "target.veldor", 0.0, SLANT_RULE_SPEAKER,
     "'said X' after a comma: the inverted speaker; bad is what Veldor said"},
    {"It was bad, Kestria told Veldor.", "target.veldor", -2.5 / (1.0 + 2.0 / 3.0),
     SLANT_RULE_CLAUSE,
     "a verb of saying right after a word takes Veldor as its object, not its speaker: bad, "
     "2 words away"},
    {"Veldor revealed the plan is bad.", "target.veldor", 0.0, SLANT_RULE_SPEAKER,
     "a factive verb of saying (rule.no_doubt) casts no doubt on the speaker: no -1"},
    {"The envoy, who met Veldor, said the plan is bad.", "target.veldor",
     -2.5 / (1.0 + 4.0 / 3.0), SLANT_RULE_CLAUSE,
     "one comma between Veldor and 'said' closes the relative clause: Veldor is not the "
     "speaker; bad, 4 words away"},
    {"Kestria, the envoy, said Veldor is bad.", "target.veldor", -2.5 * 0.75, SLANT_RULE_CLAUSE,
     "'said X is ...': X is the subject of what was said, not the speaker; bad x0.75"},
    {"Kestria, the envoy, said Veldor is bad.", "target.kestria", 0.0, SLANT_RULE_SPEAKER,
     "an apposition between two commas keeps Kestria the speaker: 'bad' is not counted"},
    {"Kestria was critical of Veldor.", "target.veldor", -2.0, SLANT_RULE_PATIENT,
     "adjective of attitude + 'of' (a nominal act): Veldor receives it, -2"},
    {"Veldor praised the old treaty with Kestria.", "target.kestria", 1.0 / (1.0 + 4.0 / 3.0),
     SLANT_RULE_CLAUSE,
     "4 words after the verb is too far for its object: only the mild +1, 4 words away"},
};

START_TEST(test_stance_table) {
    const stance_case *c = &stance_cases[_i];
    score_text(c->text);
    int cat = slant_lexset_category_find(set, c->target);
    ck_assert_int_ge(cat, 0);
    const slant_mention *m = NULL;
    for (size_t i = 0; i < scores.nmentions; i++)
        if (scores.mentions[i].category == (uint32_t)cat) m = &scores.mentions[i];
    if (!m) ck_abort_msg("%s: no mention of %s", c->text, c->target);
    double want = squash(c->vader_sum);
    if (fabs(m->stance - want) > 1e-6)
        ck_abort_msg("%s -> %s: stance %.6f, want %.6f (%s)", c->text, c->target, m->stance, want,
                     c->why);
    if ((m->rules & c->must_have) != c->must_have)
        ck_abort_msg("%s -> %s: cues 0x%x lack 0x%x", c->text, c->target, m->rules, c->must_have);
}
END_TEST

START_TEST(test_opposite_stances) {
    score_text("Kestria is good while Veldor is bad.");
    ck_assert_uint_eq(scores.nmentions, 2);
    ck_assert(scores.mentions[0].stance > SLANT_NEUTRAL_BAND);
    ck_assert(scores.mentions[1].stance < -SLANT_NEUTRAL_BAND);
    /* the sentence as a whole is negative: stance is not sentence tone */
    ck_assert(scores.sents[0].tone < 0);
}
END_TEST

START_TEST(test_stance_toward_span_matches_mention) {
    /* slant_stance_toward on the mention's own tokens gives the mention's stance */
    score_text("Veldor criticized Kestria.");
    const slant_mention *m = &scores.mentions[1];
    uint16_t rules = 0;
    double st = slant_stance_toward(scorer, &doc, &scores, 0, m->tok_begin, m->tok_end, &rules);
    ck_assert_double_eq_tol(st, m->stance, 1e-12);
    ck_assert(rules & SLANT_RULE_PATIENT);
}
END_TEST

START_TEST(test_mention_in_quote) {
    score_text("The minister said \"Kestria is good\" today.");
    ck_assert_uint_eq(scores.nmentions, 1);
    ck_assert_uint_eq(scores.mentions[0].voice, SLANT_VOICE_QUOTE);
    ck_assert(scores.mentions[0].stance > 0.05);
}
END_TEST

START_TEST(test_rule_names) {
    ck_assert_str_eq(slant_rule_name(0), "negated");
    ck_assert_str_eq(slant_rule_name(4), "after-but");
    ck_assert_str_eq(slant_rule_name(11), "patient");
    ck_assert_str_eq(slant_rule_name(99), "?");
}
END_TEST

START_TEST(test_reuse_no_stale_state) {
    score_text("The plan is very bad! Kestria criticized Veldor.");
    score_text("The plan is good.");
    ck_assert_uint_eq(scores.nsents, 1);
    ck_assert_uint_eq(scores.nmentions, 0);
    ck_assert_double_eq_tol(scores.sents[0].tone, squash(1.9), 1e-9);
}
END_TEST

/* ---- the shipped default set ---- */
START_TEST(test_default_set) {
    slant_error err;
    setenv("SLANT_LEXICONS", SLANT_SRCDIR "/lexicons", 0);
    slant_lexset *def = slant_lexset_new();
    if (slant_lexset_load_default(def, &err) != 0 || slant_lexset_finish(def, &err) != 0) {
        slant_lexset_free(def);
        ck_abort_msg("default lexicon set did not load: %s", err.msg);
    }
    slant_scorer *sc = slant_scorer_new(def, &err);
    const char *texts[] = {"The talks were a great success.", "The talks were not a success.",
                           "The talks were a disaster."};
    double tone[3];
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(slant_doc_analyze(&doc, texts[i], strlen(texts[i]), &err), 0);
        slant_quotes_find(&doc);
        slant_score_doc(sc, &doc, &scores);
        tone[i] = scores.sents[0].tone;
    }
    ck_assert(tone[0] > 0.5);  /* great 3.1 + success 2.7 in VADER */
    ck_assert(tone[1] < 0.0);  /* negated success */
    ck_assert(tone[2] < -0.5); /* disaster -3.1 */
    slant_scorer_free(sc);
    slant_lexset_free(def);
}
END_TEST

static Suite *score_suite(void) {
    Suite *s = suite_create("score");
    TCase *tc = tcase_create("score");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_tone_table, 0, (int)(sizeof tone_cases / sizeof tone_cases[0]));
    tcase_add_test(tc, test_contrast_without_tone_or_targets);
    tcase_add_test(tc, test_hit_value_scale);
    tcase_add_test(tc, test_text_tone_sums_sentences);
    tcase_add_test(tc, test_quote_voice);
    tcase_add_test(tc, test_quoted_sentence_voice);
    tcase_add_test(tc, test_loaded_negation_noted);
    tcase_add_loop_test(tc, test_stance_table, 0,
                        (int)(sizeof stance_cases / sizeof stance_cases[0]));
    tcase_add_test(tc, test_opposite_stances);
    tcase_add_test(tc, test_stance_toward_span_matches_mention);
    tcase_add_test(tc, test_mention_in_quote);
    tcase_add_test(tc, test_rule_names);
    tcase_add_test(tc, test_reuse_no_stale_state);
    tcase_add_test(tc, test_default_set);
    suite_add_tcase(s, tc);
    return s;
}

SLANT_TEST_MAIN(score_suite)
