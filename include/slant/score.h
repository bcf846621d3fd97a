/*
 * score.h - what each sentence says: tone, lexicon hits, stance toward
 * targets, kept apart by voice (the outlet's own words vs quoted words).
 *
 * Input: a doc after slant_doc_analyze and slant_quotes_find, and a finished
 * lexicon set. Output: a slant_doc_scores the caller owns and reuses across
 * documents (its arrays keep their capacity: no allocation per token).
 *
 * Every number is traceable: each hit records its entry, its lexicon weight,
 * the value after rules, and a bit set of the rules that changed it; each
 * target mention records its stance and the cue that decided it. The rules
 * and their worked examples are in docs/measures.md.
 */
#ifndef SLANT_SCORE_H
#define SLANT_SCORE_H

#include "slant/lexicon.h"
#include "slant/match.h"
#include "slant/text.h"

enum slant_voice { SLANT_VOICE_OUTLET = 0, SLANT_VOICE_QUOTE = 1, SLANT_VOICE_COUNT = 2 };

/* Rules that changed a hit's value (bit set, also used for stance cues). */
enum slant_rule {
    SLANT_RULE_NEGATED = 1 << 0,     /* a negator within the scope before it */
    SLANT_RULE_INTENSIFIED = 1 << 1, /* an intensifier before it */
    SLANT_RULE_DIMINISHED = 1 << 2,  /* a diminisher before it */
    SLANT_RULE_BEFORE_BUT = 1 << 3,  /* in the clause before a contrast word: weighs less */
    SLANT_RULE_AFTER_BUT = 1 << 4,   /* in the clause after a contrast word: weighs more */
    SLANT_RULE_LEAST = 1 << 5,       /* "least" before it flips it */
    SLANT_RULE_CAPS = 1 << 6,        /* ALL CAPS in mixed-case text */
    SLANT_RULE_EXCLAIM = 1 << 7,     /* sentence ends in '!' */
    SLANT_RULE_IDIOM = 1 << 8,       /* a multi-word entry replaced its words */
    /* stance cues */
    SLANT_RULE_CLAUSE = 1 << 9,      /* valence from the mention's clause/window */
    SLANT_RULE_AGENT = 1 << 10,      /* the target does the act (X criticized ...) */
    SLANT_RULE_PATIENT = 1 << 11,    /* the act is done to the target (... criticized Y) */
    SLANT_RULE_PASSIVE = 1 << 12,    /* passive: "Y was praised" */
    SLANT_RULE_LOADED = 1 << 13,     /* a loaded term modifies it ("the X regime") */
    SLANT_RULE_IRREALIS = 1 << 14,   /* after a rule.irrealis word (would, could) in its clause: halved */
    SLANT_RULE_SPEAKER = 1 << 15     /* stance cue: the target speaks (X said): what it says is not counted */
};
#define SLANT_RULE_BITS 16

typedef struct slant_hit {
    uint32_t tok_begin, tok_end;
    uint32_t entry;    /* slant_lexset_entry index */
    uint32_t category; /* = entry's category */
    uint8_t family;    /* enum slant_family */
    uint8_t voice;     /* enum slant_voice of its first token */
    uint16_t rules;    /* enum slant_rule bits */
    double weight;     /* lexicon weight */
    double value;      /* after the rules (tone: its contribution) */
} slant_hit;

typedef struct slant_mention {
    uint32_t tok_begin, tok_end;
    uint32_t entry;    /* the alias that matched */
    uint32_t category; /* target.* category = the target */
    uint8_t voice;
    uint16_t rules;    /* which cue decided: CLAUSE, AGENT, PATIENT, PASSIVE */
    double stance;     /* [-1, 1] */
} slant_mention;

typedef struct slant_sentence_score {
    uint32_t sentence; /* index into doc->sents */
    uint8_t voice;     /* quote when more than half its words are quoted */
    int32_t speaker;   /* doc speaker index, -1 = none/unknown */
    uint32_t words, words_quoted;
    double tone;                          /* whole sentence, [-1, 1] */
    double tone_raw;                      /* unnormalised sum in VADER units (incl. ! ?) */
    uint16_t exclaims, questions;         /* '!' and '?' in the sentence */
    uint8_t contrast;                     /* has a contrast word ("but") */
    double tone_voice[SLANT_VOICE_COUNT]; /* tone of its outlet / quoted words alone */
    uint32_t words_voice[SLANT_VOICE_COUNT];
    uint32_t hit_begin, hit_end;          /* into scores->hits */
    uint32_t mention_begin, mention_end;  /* into scores->mentions */
} slant_sentence_score;

typedef struct slant_doc_scores {
    slant_sentence_score *sents;
    size_t nsents, sents_cap;
    slant_hit *hits;
    size_t nhits, hits_cap;
    slant_mention *mentions;
    size_t nmentions, mentions_cap;
    slant_matches scratch; /* reused matcher output */
    struct slant_tokinfo *tokinfo; /* per-token rule scratch (score.c), reused */
    size_t tokinfo_cap;
} slant_doc_scores;

void slant_doc_scores_init(slant_doc_scores *s);
void slant_doc_scores_free(slant_doc_scores *s);

typedef struct slant_scorer slant_scorer;

/* Resolves the rule.* categories once; the set must be finished and must
 * outlive the scorer. */
slant_scorer *slant_scorer_new(const slant_lexset *set, slant_error *err);
void slant_scorer_free(slant_scorer *sc);
const slant_lexset *slant_scorer_lexset(const slant_scorer *sc);

/* Score every sentence of d (replacing out's contents). */
void slant_score_doc(const slant_scorer *sc, const slant_doc *d, slant_doc_scores *out);

/* Stance toward an arbitrary token span [tok_begin, tok_end) of sentence
 * `sentence` (used to evaluate against gold target offsets); d must have
 * been scored into scores. Returns [-1, 1]; *rules gets the deciding cue. */
double slant_stance_toward(const slant_scorer *sc, const slant_doc *d,
                           const slant_doc_scores *scores, size_t sentence, size_t tok_begin,
                           size_t tok_end, uint16_t *rules);

/* Tone of a whole scored text: VADER's compound of the sum of every tone
 * hit, with '!'/'?' emphasis counted once over the text, so a
 * multi-sentence text is scored as VADER scores it. */
double slant_scores_text_tone(const slant_doc_scores *scores);

/* Values below this (absolute) count as neutral, for tone and stance. */
#define SLANT_NEUTRAL_BAND 0.05

/* Names of rule bits, for JSON and explanations ("negated", "after-but", ...). */
const char *slant_rule_name(int bit_index);

#endif
