/*
 * score.c - per-sentence tone, hits and stance toward targets.
 *
 * Tone follows VADER (Hutto & Gilbert 2014, vaderSentiment's
 * sentiment_valence / _but_check / score_valence), written anew over slant's
 * tokens and lexicon categories: every word VADER hard-codes (negators,
 * boosters, "but", "least") is a rule.* lexicon entry here. Work is done in
 * VADER units (lexicon weight x 4) so VADER's constants apply unchanged
 * (booster 0.293, caps 0.733, negation x -0.74, alpha 15); each hit's stored
 * value is divided by 4 again so that weight and value share one scale.
 * Two additions beyond VADER, both lexicon-driven: irrealis halving after a
 * rule.irrealis word (Taboada et al. 2011), and emoticon terms that must
 * stand free in the text (VADER's whitespace tokens never see ":/" in a URL).
 *
 * Stance toward a target mention is never the sentence's tone: tone hits are
 * scoped to the mention's clause and weighted by distance, act.* verbs and
 * nominal acts ("criticism of X") decide who does what to whom (patient /
 * passive subject; "by"/"from" mark the agent), a speaker is not judged by
 * what it says (only by the words describing it and a loaded verb of
 * saying), and loaded words that modify a mention count against it (or for
 * it: loaded.praise). docs/measures.md has worked examples.
 *
 * Key decision: one pass marks every token's rule roles in a reusable scratch
 * array (slant_doc_scores.tokinfo), so the per-hit look-backs are O(1) each
 * and nothing is allocated per token.
 */
#include "slant/score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slant/quote.h"

/* VADER's constants (vaderSentiment.py). */
#define VADER_UNITS 4.0     /* lexicon weight = VADER valence / 4 */
#define VADER_CAPS 0.733    /* C_INCR */
#define VADER_NEG (-0.74)   /* N_SCALAR */
#define VADER_ALPHA 15.0
#define VADER_BUT_BEFORE 0.5
#define VADER_BUT_AFTER 1.5
#define VADER_EXCLAIM 0.292 /* per '!', at most 4 */
#define VADER_QMARK 0.18    /* per '?' when 2 or 3, 0.96 when more */
#define VADER_WINDOW 3
/* Irrealis (Taboada et al. 2011, SO-CAL): sentiment after a modal or "if"
 * in the same clause is not asserted ("it could have been good"); SO-CAL
 * ignores it, slant halves it (the hoped-for quality still says something). */
#define TONE_IRREALIS 0.5

/* Stance constants (documented in docs/measures.md). */
#define STANCE_DISTANCE_SCALE 3.0 /* weight 1/(1 + d/3), d = words between */
#define STANCE_OTHER_CLAUSE 0.35   /* tone from another clause of the sentence */
#define STANCE_ACT_TONE 1.0       /* VADER units of an act verb with no tone entry */
#define STANCE_ACT 2.0             /* VADER units an act.* verb gives its patient */
#define STANCE_LOADED_NEAR 0.5 /* loaded word elsewhere in the clause */
#define STANCE_LOADED 1.0          /* VADER units per unit of loaded weight */
#define STANCE_PATIENT_SPAN 3      /* words after the verb an object may sit */
#define STANCE_SPEAKER_SPAN 4      /* words between a speaker and its verb ("X, a spokesman, said") */
#define STANCE_ATTRIB_LOADED 1.0   /* VADER units against a speaker of a loaded verb */
#define STANCE_AUX_SPAN 2          /* words between a passive auxiliary and its verb */

/* Rule roles of a token (from rule.* matches, marked on the match's last token). */
enum {
    TR_NEGATOR = 1 << 0,
    TR_INTENSIFIER = 1 << 1,
    TR_DIMINISHER = 1 << 2,
    TR_CONTRAST = 1 << 3,
    TR_LEAST = 1 << 4,
    TR_LEAST_EXEMPT = 1 << 5, /* "at least": a rule.least entry with weight <= 0 */
    TR_PASSIVE_AUX = 1 << 6,
    TR_AGENT = 1 << 7,
    TR_CLAUSE_BREAK = 1 << 8,
    TR_TONE = 1 << 9,   /* covered by a tone entry */
    TR_WORD = 1 << 10,  /* counts as a word for windows and distances */
    TR_TARGET = 1 << 11, /* covered by a target alias */
    TR_IN_MODIFIER = 1 << 12, /* inside an intensifier/diminisher match ("kind of") */
    TR_IRREALIS = 1 << 13,    /* a modal or conditional: what follows is not asserted */
    TR_ATTRIB = 1 << 14,      /* covered by an attrib.* entry (said, claimed, according to) */
    TR_NO_DOUBT = 1 << 15,    /* a loaded verb of saying that casts no doubt (revealed, vowed) */
    /* token kinds the clause pass needs, copied in the first pass so that
     * the later passes read only this array, not the tokens */
    TR_QUOTE_MARK = 1 << 16,  /* a quotation mark token */
    TR_PUNCT = 1 << 17        /* a punctuation token */
};

struct slant_tokinfo {
    uint32_t roles;
    uint16_t clause;
    uint8_t after_irrealis; /* an irrealis marker earlier in its clause */
    int32_t wordpos; /* index among counted words; words before it for others */
    double boost;    /* intensifier (+) / diminisher (-) scalar, VADER units */
};

/* Stance roles of non-rule categories (resolved once per scorer). */
enum {
    CS_PRAISE = 1 << 0,        /* loaded.praise: loaded in favour of what it describes */
    CS_ATTRIB_LOADED = 1 << 1, /* attrib.loaded: "X claimed" casts doubt on X */
    CS_NOMINAL = 1 << 2        /* act.*.nominal: a noun + preposition, never passive */
};

/* What scoring needs of a lexicon entry, gathered once per scorer: the
 * per-hit loops read this small array instead of following each match to
 * its slant_entry (large, and one more cache miss per hit). */
struct entry_info {
    double weight;
    uint32_t category;
    uint16_t roles; /* TR_* bits of a rule.* entry (TR_LEAST_EXEMPT included) */
    uint16_t span_roles; /* other entries: TR_* bits for every token they cover */
    uint16_t last_roles; /* rule.* entries: TR_* bits for their last token (roles | TR_WORD) */
    uint16_t clear_roles; /* rule.* entries: TR_WORD, cleared on their other tokens */
    uint8_t family;
    uint8_t ntoks;
    uint8_t spaced; /* the term has a space, so its tokens need not touch */
};

struct slant_scorer {
    const slant_lexset *set;
    uint16_t *cat_roles; /* per category: TR_* bits of rule.* categories */
    uint8_t *cat_stance; /* per category: CS_* bits */
    size_t ncats;
    struct entry_info *info; /* per entry */
};

static const char *const rule_names[SLANT_RULE_BITS] = {
    "negated",  "intensified", "diminished", "before-but", "after-but", "least", "caps",
    "exclaim",  "idiom",       "clause",     "agent",      "patient",   "passive", "loaded",
    "irrealis", "speaker"};

const char *slant_rule_name(int bit_index) {
    if (bit_index < 0 || bit_index >= SLANT_RULE_BITS) return "?";
    return rule_names[bit_index];
}

void slant_doc_scores_init(slant_doc_scores *s) {
    memset(s, 0, sizeof *s);
    slant_matches_init(&s->scratch);
}

void slant_doc_scores_free(slant_doc_scores *s) {
    free(s->sents);
    free(s->hits);
    free(s->mentions);
    free(s->tokinfo);
    slant_matches_free(&s->scratch);
    memset(s, 0, sizeof *s);
}

static int name_is(const char *name, const char *want) {
    size_t n = strlen(want);
    return strncmp(name, want, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

slant_scorer *slant_scorer_new(const slant_lexset *set, slant_error *err) {
    if (!set) {
        slant_error_set(err, NULL, 0, 0, -1, "no lexicon set given to the scorer");
        return NULL;
    }
    static const struct {
        const char *name;
        uint16_t role;
    } roles[] = {{"rule.negator", TR_NEGATOR},        {"rule.intensifier", TR_INTENSIFIER},
                 {"rule.diminisher", TR_DIMINISHER},  {"rule.contrast", TR_CONTRAST},
                 {"rule.least", TR_LEAST},            {"rule.passive_aux", TR_PASSIVE_AUX},
                 {"rule.agent", TR_AGENT},            {"rule.clause_break", TR_CLAUSE_BREAK},
                 {"rule.irrealis", TR_IRREALIS},      {"rule.no_doubt", TR_NO_DOUBT}};
    slant_scorer *sc = slant_xcalloc(1, sizeof *sc);
    sc->set = set;
    sc->ncats = slant_lexset_category_count(set);
    sc->cat_roles = slant_xcalloc(sc->ncats ? sc->ncats : 1, sizeof *sc->cat_roles);
    sc->cat_stance = slant_xcalloc(sc->ncats ? sc->ncats : 1, sizeof *sc->cat_stance);
    for (size_t c = 0; c < sc->ncats; c++) {
        const slant_category *cat = slant_lexset_category(set, c);
        if (cat->family == SLANT_FAM_LOADED && name_is(cat->name, "loaded.praise"))
            sc->cat_stance[c] |= CS_PRAISE;
        if (cat->family == SLANT_FAM_ATTRIB && name_is(cat->name, "attrib.loaded"))
            sc->cat_stance[c] |= CS_ATTRIB_LOADED;
        if (cat->family == SLANT_FAM_ACT && (name_is(cat->name, "act.hostile.nominal") ||
                                            name_is(cat->name, "act.supportive.nominal")))
            sc->cat_stance[c] |= CS_NOMINAL;
        if (cat->family != SLANT_FAM_RULE) continue;
        for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
            if (name_is(cat->name, roles[r].name)) sc->cat_roles[c] |= roles[r].role;
    }
    size_t n = slant_lexset_entry_count(set);
    sc->info = slant_xcalloc(n ? n : 1, sizeof *sc->info);
    for (size_t i = 0; i < n; i++) {
        const slant_entry *e = slant_lexset_entry(set, i);
        struct entry_info *in = &sc->info[i];
        in->weight = e->weight;
        in->category = e->category;
        in->family = e->family;
        in->ntoks = e->ntoks;
        in->spaced = strchr(e->term, ' ') != NULL;
        if (e->family == SLANT_FAM_RULE) {
            uint16_t r = e->category < sc->ncats ? sc->cat_roles[e->category] : 0; /* rule roles fit 16 bits */
            if ((r & TR_LEAST) && e->weight <= 0) r |= TR_LEAST_EXEMPT;
            in->roles = r;
            in->last_roles = (uint16_t)(r | TR_WORD);
        }
        in->clear_roles = e->family == SLANT_FAM_RULE ? TR_WORD : 0;
        in->span_roles = e->family == SLANT_FAM_TONE     ? TR_TONE | TR_WORD
                         : e->family == SLANT_FAM_TARGET ? TR_TARGET
                         : e->family == SLANT_FAM_ATTRIB ? TR_ATTRIB
                                                         : 0;
    }
    return sc;
}

void slant_scorer_free(slant_scorer *sc) {
    if (!sc) return;
    free(sc->cat_roles);
    free(sc->cat_stance);
    free(sc->info);
    free(sc);
}

const slant_lexset *slant_scorer_lexset(const slant_scorer *sc) { return sc->set; }

static double vader_normalize(double x) {
    if (x == 0.0) return 0.0;
    double c = x / sqrt(x * x + VADER_ALPHA);
    return c < -1.0 ? -1.0 : c > 1.0 ? 1.0 : c;
}

static double emphasis_of(size_t excl, size_t qm) {
    if (excl > 4) excl = 4;
    double amp = (double)excl * VADER_EXCLAIM;
    if (qm > 1) amp += qm <= 3 ? (double)qm * VADER_QMARK : 0.96;
    return amp;
}

double slant_scores_text_tone(const slant_doc_scores *scores) {
    /* VADER adds '!'/'?' emphasis once per text, not once per sentence */
    double sum = 0.0;
    size_t excl = 0, qm = 0;
    for (size_t i = 0; i < scores->nsents; i++) {
        const slant_sentence_score *ss = &scores->sents[i];
        double own = emphasis_of(ss->exclaims, ss->questions);
        double raw = ss->tone_raw > 0 ? ss->tone_raw - own : ss->tone_raw < 0 ? ss->tone_raw + own : 0.0;
        sum += raw;
        excl += ss->exclaims;
        qm += ss->questions;
    }
    double emph = emphasis_of(excl, qm);
    if (sum > 0) sum += emph;
    else if (sum < 0) sum -= emph;
    return vader_normalize(sum);
}

static void *grow(void *p, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return p;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) nc *= 2;
    *cap = nc;
    return slant_xrealloc(p, nc * elem);
}

static int is_counted_word(const slant_token *t) {
    return t->kind == SLANT_TOK_WORD || t->kind == SLANT_TOK_NUMBER;
}

/* Word-index lookup: the token index of the k-th counted word before token i
 * (k >= 1), or -1. Walks back over non-word tokens; bounded by the sentence. */
static long word_before(const slant_doc *d, const struct slant_tokinfo *ti, size_t sb, size_t i,
                        int k) {
    long j = (long)i - 1;
    while (j >= (long)sb) {
        if (ti[j - (long)sb].roles & TR_WORD) {
            if (--k == 0) return j;
        }
        (void)d;
        j--;
    }
    return -1;
}

/* The up to n counted words before token i, nearest first, in one walk back
 * (word_before k = 1..n would walk n times); returns how many there are. */
static int words_before(const struct slant_tokinfo *ti, size_t sb, size_t i, long *out, int n) {
    int got = 0;
    for (long j = (long)i - 1; j >= (long)sb && got < n; j--)
        if (ti[j - (long)sb].roles & TR_WORD) out[got++] = j;
    return got;
}

static long word_after(const struct slant_tokinfo *ti, size_t sb, size_t se, size_t i) {
    for (size_t j = i + 1; j < se; j++)
        if (ti[j - sb].roles & TR_WORD) return (long)j;
    return -1;
}

/* The VADER valence of one tone hit, in VADER units, with the rule bits that
 * changed it. Mirrors sentiment_valence + _negation_check + _least_check. */
static double tone_valence(const slant_doc *d, const struct slant_tokinfo *ti, size_t sb,
                           size_t se, const struct entry_info *e, uint32_t tb, uint32_t te, int capdiff,
                           uint16_t *rules) {
    double v = e->weight * VADER_UNITS;
    const struct slant_tokinfo *first = &ti[tb - sb];
    if (e->ntoks > 1) *rules |= SLANT_RULE_IDIOM;
    /* A booster word is a modifier, not a sentiment (VADER appends 0; "kind"
     * of "kind of" too). */
    if (te - tb == 1 && (first->roles & (TR_INTENSIFIER | TR_DIMINISHER | TR_IN_MODIFIER)))
        return 0.0;
    /* "no" before a sentiment word negates it instead of counting itself. */
    if (te - tb == 1 && (first->roles & TR_NEGATOR)) {
        long nx = word_after(ti, sb, se, tb);
        if (nx >= 0 && (ti[nx - (long)sb].roles & TR_TONE)) return 0.0;
    }
    int allcaps = 1;
    for (uint32_t k = tb; k < te; k++)
        if (!(d->toks[k].flags & SLANT_TF_ALLCAPS)) allcaps = 0;
    if (capdiff && allcaps) {
        v += v > 0 ? VADER_CAPS : -VADER_CAPS;
        *rules |= SLANT_RULE_CAPS;
    }
    static const double decay[VADER_WINDOW + 1] = {0, 1.0, 0.95, 0.9};
    long before[VADER_WINDOW];
    int nbefore = words_before(ti, sb, tb, before, VADER_WINDOW);
    for (int k = 1; k <= nbefore; k++) {
        long w = before[k - 1];
        const struct slant_tokinfo *wi = &ti[w - (long)sb];
        /* VADER skips modifiers that are themselves sentiment words, except
         * negators ("no" is both). */
        if ((wi->roles & TR_TONE) && !(wi->roles & TR_NEGATOR)) continue;
        if (wi->boost != 0.0) {
            double s = wi->boost;
            if (v < 0) s = -s;
            if (capdiff && (d->toks[w].flags & SLANT_TF_ALLCAPS)) s += v > 0 ? VADER_CAPS : -VADER_CAPS;
            v += s * decay[k];
            *rules |= wi->boost > 0 ? SLANT_RULE_INTENSIFIED : SLANT_RULE_DIMINISHED;
        }
        if (wi->roles & TR_NEGATOR) {
            v *= VADER_NEG;
            *rules |= SLANT_RULE_NEGATED;
        }
    }
    if (nbefore > 0) {
        uint32_t r = ti[before[0] - (long)sb].roles;
        if ((r & TR_LEAST) && !(r & TR_LEAST_EXEMPT) && !(r & TR_TONE)) {
            v *= VADER_NEG;
            *rules |= SLANT_RULE_LEAST;
        }
    }
    return v;
}

static uint8_t voice_of(const slant_token *t) {
    return (t->flags & SLANT_TF_IN_QUOTE) ? SLANT_VOICE_QUOTE : SLANT_VOICE_OUTLET;
}

/* The caller has reserved room (one hit per match at most). */
static void push_hit(slant_doc_scores *out, const slant_match *m, const struct entry_info *e,
                     uint8_t voice, uint16_t rules, double value) {
    slant_hit *h = &out->hits[out->nhits++];
    h->tok_begin = m->tok_begin;
    h->tok_end = m->tok_end;
    h->entry = m->entry;
    h->category = e->category;
    h->family = e->family;
    h->voice = voice;
    h->rules = rules;
    h->weight = e->weight;
    h->value = value;
}

/* Tone value of a hit with the sentence-level contrast factor taken out:
 * stance scopes by clause instead. In VADER units. */
static double hit_local_valence(const slant_hit *h) {
    double v = h->value * VADER_UNITS;
    if (h->rules & SLANT_RULE_BEFORE_BUT) v /= VADER_BUT_BEFORE;
    if (h->rules & SLANT_RULE_AFTER_BUT) v /= VADER_BUT_AFTER;
    return v;
}

static int spans_overlap(uint32_t a0, uint32_t a1, size_t b0, size_t b1) {
    return a0 < b1 && b0 < a1;
}

/* Counted words strictly between two token spans. */
static double word_gap(const struct slant_tokinfo *ti, size_t sb, uint32_t a0, uint32_t a1,
                       size_t b0, size_t b1) {
    int32_t gap;
    if (a1 <= b0) gap = ti[b0 - sb].wordpos - ti[a1 - 1 - sb].wordpos - 1;
    else gap = ti[a0 - sb].wordpos - ti[b1 - 1 - sb].wordpos - 1;
    return gap < 0 ? 0.0 : (double)gap;
}

/* Is the verb span [vb, ve) passive: a rule.passive_aux within
 * STANCE_AUX_SPAN words before it (adverbs may sit between)? */
static int verb_is_passive(const slant_doc *d, const struct slant_tokinfo *ti, size_t sb,
                           uint32_t vb) {
    for (int k = 1; k <= STANCE_AUX_SPAN + 1; k++) {
        long w = word_before(d, ti, sb, vb, k);
        if (w < 0) return 0;
        if (ti[w - (long)sb].roles & TR_PASSIVE_AUX) return 1;
        if (ti[w - (long)sb].roles & (TR_TARGET | TR_CLAUSE_BREAK)) return 0;
    }
    return 0;
}

/* Is there a rule.agent word ("by") between the verb and the mention? */
static int agent_marked(const struct slant_tokinfo *ti, size_t sb, uint32_t ve, size_t mb) {
    for (size_t j = ve; j < mb; j++)
        if (ti[j - sb].roles & TR_AGENT) return 1;
    return 0;
}

static int target_between(const struct slant_tokinfo *ti, size_t sb, size_t a, size_t b) {
    for (size_t j = a; j < b; j++)
        if (ti[j - sb].roles & TR_TARGET) return 1;
    return 0;
}

/* Is the mention the speaker of an attribution: "X said", "X, a
 * spokesman, said", "said X", "according to X"? Returns the attrib hit or
 * -1. A mention inside a quotation is quoted, not quoting. */
static long speaker_attrib(const slant_doc *d, const struct slant_tokinfo *ti, size_t sb,
                           size_t se, const slant_hit *hits, size_t h0, size_t h1, size_t mb,
                           size_t me) {
    if (d->toks[mb].flags & SLANT_TF_IN_QUOTE) return -1;
    uint16_t mclause = ti[mb - sb].clause;
    long best = -1;
    for (size_t i = h0; i < h1; i++) {
        const slant_hit *h = &hits[i];
        if (h->family != SLANT_FAM_ATTRIB || spans_overlap(h->tok_begin, h->tok_end, mb, me)) continue;
        if (d->toks[h->tok_begin].flags & SLANT_TF_IN_QUOTE) continue;
        double gap = word_gap(ti, sb, h->tok_begin, h->tok_end, mb, me);
        if (h->tok_begin >= me) {
            if (ti[h->tok_begin - sb].clause != mclause || gap > STANCE_SPEAKER_SPAN ||
                target_between(ti, sb, me, h->tok_begin))
                continue;
            /* commas come in pairs around an apposition ("X, a spokesman,
             * said"); an odd one closes a phrase the mention sits inside
             * ("CSIS, which has ties to X, pointed out"): X is not the
             * subject */
            int commas = 0;
            for (size_t j = me; j < h->tok_begin; j++)
                if (d->toks[j].kind == SLANT_TOK_PUNCT && d->toks[j].end - d->toks[j].start == 1 &&
                    d->text[d->toks[j].start] == ',')
                    commas++;
            if (commas % 2) continue;
        } else {
            /* "said X" is the inverted order after a quotation or a comma
             * ('"...," said X') or at the start ("According to X"); a verb
             * after a word takes X as its object ("proposed X"). */
            if (gap > 0) continue;
            long p = (long)h->tok_begin - 1;
            if (p >= (long)sb && is_counted_word(&d->toks[p])) continue;
            /* the inverted speaker ends its clause ("said X." / "said X, a
             * senator"); "said X was ..." makes X the subject of what was
             * said */
            if (me < se && is_counted_word(&d->toks[me])) continue;
        }
        best = (long)i;
        break;
    }
    return best;
}

/* Stance toward [mb, me) inside sentence [sb, se) whose hits are
 * hits[h0, h1). Needs the sentence's tokinfo. */
/* Does a speaker's stance skip hit h (outside the words that describe the
 * speaker, or quoted)? */
static int speaker_skips(const slant_doc *d, const slant_hit *h, size_t zb, size_t ze) {
    return h->tok_begin < zb || h->tok_end > ze || (d->toks[h->tok_begin].flags & SLANT_TF_IN_QUOTE);
}

/* A "sentence" of more than STANCE_LONG_SENTENCE tokens is not prose (a
 * list, a capture without punctuation, a megabyte on one line): there each
 * mention looks at the hits within STANCE_LONG_REACH tokens only, so
 * scoring stays linear instead of mentions x hits (a 1 MB line of target
 * names took minutes). Sentences of normal length are scored exactly as
 * before. Hits are in token order, so the window is two binary searches. */
#define STANCE_LONG_SENTENCE 1000
#define STANCE_LONG_REACH 100
static void hits_near(const slant_hit *hits, size_t sb, size_t se, size_t *h0, size_t *h1,
                      size_t mb, size_t me) {
    if (se - sb <= STANCE_LONG_SENTENCE) return;
    size_t lo = *h0, hi = *h1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)hits[mid].tok_begin + STANCE_LONG_REACH < mb) lo = mid + 1;
        else hi = mid;
    }
    size_t first = lo;
    hi = *h1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)hits[mid].tok_begin < me + STANCE_LONG_REACH) lo = mid + 1;
        else hi = mid;
    }
    *h0 = first;
    *h1 = lo;
}

static double stance_core(const slant_scorer *sc, const slant_doc *d,
                          const struct slant_tokinfo *ti, size_t sb, size_t se,
                          const slant_hit *hits, size_t h0, size_t h1, unsigned fams,
                          size_t mb, size_t me, uint16_t *rules_out) {
    /* fams: families among hits[h0, h1) (a superset will do); a loop over
     * the hits for a family that is absent is skipped */
#define HAVE(f) (fams & (1u << (f)))
    uint16_t rules = 0;
    double sum = 0.0;
    uint16_t mclause = ti[mb - sb].clause;
    /* 0. reported speech: the speaker of an attribution is not judged by
     * what they say (the stance of their words is about their topic). Only
     * the words that describe the speaker count: up to 2 words before the
     * mention and up to the verb ("Embattled X, a former aide, said"), or,
     * for "said X", the rest of X's clause; never quoted words. */
    long spk = HAVE(SLANT_FAM_ATTRIB) ? speaker_attrib(d, ti, sb, se, hits, h0, h1, mb, me) : -1;
    size_t zb = 0, ze = 0;
    if (spk >= 0) {
        const slant_hit *a = &hits[spk];
        if (a->tok_begin >= me) {
            long w = word_before(d, ti, sb, mb, 2);
            zb = w >= 0 ? (size_t)w : sb;
            ze = a->tok_begin;
        } else {
            zb = a->tok_end;
            ze = zb;
            while (ze < se && (ze < me || ti[ze - sb].clause == mclause)) ze++;
        }
        /* a loaded verb of saying ("X claimed", "X admitted") presupposes
         * doubt or reluctance on X's part: epistemological bias, Recasens
         * et al. 2013 */
        if (a->category < sc->ncats && (sc->cat_stance[a->category] & CS_ATTRIB_LOADED) &&
            !(ti[a->tok_end - 1 - sb].roles & TR_NO_DOUBT))
            sum -= STANCE_ATTRIB_LOADED;
        rules |= SLANT_RULE_SPEAKER;
    }
    /* 1. act.* verbs: who does what to whom. The act verb nearest to the
     * mention in its clause decides; the agent of an act is described as
     * acting, not judged, so it gets no act cue (its clause tone, verb
     * included, still counts). */
    long act = -1, act_used = -1;
    double best_gap = 1e9;
    for (size_t i = h0; i < h1 && HAVE(SLANT_FAM_ACT); i++) {
        const slant_hit *h = &hits[i];
        if (h->family != SLANT_FAM_ACT || ti[h->tok_begin - sb].clause != mclause) continue;
        if (spans_overlap(h->tok_begin, h->tok_end, mb, me)) continue;
        double gap = word_gap(ti, sb, h->tok_begin, h->tok_end, mb, me);
        if (h->tok_end <= mb) {
            if (gap > STANCE_PATIENT_SPAN || target_between(ti, sb, h->tok_end, mb)) continue;
        } else if (target_between(ti, sb, me, h->tok_begin)) {
            continue;
        }
        if (gap < best_gap) {
            best_gap = gap;
            act = (long)i;
        }
    }
    if (act >= 0) {
        const slant_hit *h = &hits[act];
        double dir = h->weight >= 0 ? 1.0 : -1.0;
        uint16_t negated = 0;
        /* "did not criticize Y": a negator before the act flips it as VADER
         * flips a negated tone word (x -0.74) */
        for (int k = 1; k <= VADER_WINDOW; k++) {
            long w = word_before(d, ti, sb, h->tok_begin, k);
            if (w < 0 || (ti[w - (long)sb].roles & (TR_TARGET | TR_CLAUSE_BREAK))) break;
            if (ti[w - (long)sb].roles & TR_NEGATOR) {
                dir *= VADER_NEG;
                negated = SLANT_RULE_NEGATED;
                break;
            }
        }
        int nominal = h->category < sc->ncats && (sc->cat_stance[h->category] & CS_NOMINAL);
        int passive = !nominal && verb_is_passive(d, ti, sb, h->tok_begin);
        if (h->tok_end <= mb) { /* the mention follows the verb */
            if (agent_marked(ti, sb, h->tok_end, mb)) {
                /* "Y was praised by X", "a sharp rebuke from X": X acts */
                rules |= SLANT_RULE_AGENT;
            } else if (!passive) {
                sum += dir * STANCE_ACT; /* "X criticized Y" */
                rules |= SLANT_RULE_PATIENT | negated;
                act_used = act;
            }
        } else if (passive) { /* "Y was praised" */
            sum += dir * STANCE_ACT;
            rules |= SLANT_RULE_PASSIVE | negated;
            act_used = act;
        } else {
            rules |= SLANT_RULE_AGENT; /* "X criticized ..." */
        }
    }
    /* 2. clause-scoped tone, weighted by distance; the act verb's own tone
     * is replaced by the act cue. */
    double tone = 0.0;
    for (size_t i = h0; i < h1 && HAVE(SLANT_FAM_TONE); i++) {
        const slant_hit *h = &hits[i];
        if (h->family != SLANT_FAM_TONE || h->value == 0.0) continue;
        if (spans_overlap(h->tok_begin, h->tok_end, mb, me)) continue;
        if (spk >= 0 && speaker_skips(d, h, zb, ze)) continue;
        if (act_used >= 0 && spans_overlap(h->tok_begin, h->tok_end, hits[act_used].tok_begin,
                                           hits[act_used].tok_end))
            continue;
        double w = 1.0 / (1.0 + word_gap(ti, sb, h->tok_begin, h->tok_end, mb, me) /
                                    STANCE_DISTANCE_SCALE);
        if (ti[h->tok_begin - sb].clause != mclause) w *= STANCE_OTHER_CLAUSE;
        tone += w * hit_local_valence(h);
    }
    /* an act verb without a tone entry of its own still colours its clause
     * (for the agent and bystanders) like a mild tone word */
    for (size_t i = h0; i < h1 && HAVE(SLANT_FAM_ACT); i++) {
        const slant_hit *h = &hits[i];
        if (h->family != SLANT_FAM_ACT || (long)i == act_used) continue;
        if (ti[h->tok_begin - sb].roles & TR_TONE) continue;
        if (spk >= 0 && speaker_skips(d, h, zb, ze)) continue;
        double w = 1.0 / (1.0 + word_gap(ti, sb, h->tok_begin, h->tok_end, mb, me) /
                                    STANCE_DISTANCE_SCALE);
        if (ti[h->tok_begin - sb].clause != mclause) w *= STANCE_OTHER_CLAUSE;
        tone += w * (h->weight >= 0 ? STANCE_ACT_TONE : -STANCE_ACT_TONE);
    }
    if (tone != 0.0) rules |= SLANT_RULE_CLAUSE;
    sum += tone;
    /* 3. loaded words: one right next to the mention modifies it (full
     * weight); elsewhere in the clause they colour it like a tone word,
     * weighted by distance. Loaded language is pejorative, except the
     * loaded.praise category (gushing praise: "triumphant"), which favours
     * what it describes. The direction comes from the category, not from
     * the word's tone entry: VADER rates pejoratives such as "strongman" or
     * "smug" as mildly positive. */
    for (size_t i = h0; i < h1 && HAVE(SLANT_FAM_LOADED); i++) {
        const slant_hit *h = &hits[i];
        if (h->family != SLANT_FAM_LOADED) continue;
        if (spans_overlap(h->tok_begin, h->tok_end, mb, me)) continue;
        if (spk >= 0 && speaker_skips(d, h, zb, ze)) continue;
        double gap = word_gap(ti, sb, h->tok_begin, h->tok_end, mb, me);
        int adjacent = ti[h->tok_begin - sb].clause == mclause &&
                       (h->tok_begin >= me ? gap < 1 : gap < 2);
        double w;
        if (adjacent) {
            w = 1.0;
            rules |= SLANT_RULE_LOADED;
        } else {
            w = STANCE_LOADED_NEAR / (1.0 + gap / STANCE_DISTANCE_SCALE);
            if (ti[h->tok_begin - sb].clause != mclause) w *= STANCE_OTHER_CLAUSE;
            }
        double dir = (h->category < sc->ncats && (sc->cat_stance[h->category] & CS_PRAISE)) ? 1.0 : -1.0;
        sum += dir * fabs(h->weight) * STANCE_LOADED * w;
    }
    if (rules_out) *rules_out = rules;
    return vader_normalize(sum);
#undef HAVE
}

/* A term written without spaces that the tokenizer split into several
 * tokens (emoticons ":D", ":/") matches only as a free-standing piece of
 * text, as in VADER's whitespace tokens: its tokens touch each other, and it
 * does not continue a word or a URL on either side ("D: D:" holds no ":D",
 * "http://x" holds no ":/"). */
static int is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int pieces_free_standing(const slant_doc *d, const slant_match *m) { /* the slow part */
    for (uint32_t j = m->tok_begin; j + 1 < m->tok_end; j++)
        if (d->toks[j].end != d->toks[j + 1].start) return 0;
    uint32_t a = d->toks[m->tok_begin].start, z = d->toks[m->tok_end - 1].end;
    if (a > 0 && !is_space_byte(d->text[a - 1]) && d->text[a - 1] != '(' && d->text[a - 1] != '"')
        return 0;
    if (z < d->len && !is_space_byte(d->text[z]) && !strchr(".,;!?\")", d->text[z])) return 0;
    return 1;
}

static inline int match_contiguous(const slant_doc *d, const struct entry_info *e,
                                   const slant_match *m) {
    return m->tok_end - m->tok_begin < 2 || e->spaced || pieces_free_standing(d, m);
}

/* What the passes of mark_tokens learn about the sentence on the way, so
 * that scoring needs no pass of its own over the tokens. */
struct sent_tally {
    size_t words, allcaps;                  /* counted words; of them, ALL CAPS words */
    size_t words_voice[SLANT_VOICE_COUNT];
    size_t excl[SLANT_VOICE_COUNT], qm[SLANT_VOICE_COUNT]; /* '!' and '?' (VADER's emphasis) */
    int quoted;                             /* some token lies in a quotation */
    long contrast;                          /* first contrast word ("but"), -1 */
};

/* Mark rule roles, words and clauses of sentence [sb, se) from its matches.
 * Word positions, clauses and irrealis scope are read only by tone hits and
 * stance toward targets: unless all is set, a sentence with neither skips
 * the pass that computes them (its contrast word comes from the matches). */
static void mark_tokens(const slant_scorer *sc, const slant_doc *d, size_t sb, size_t se,
                        const slant_matches *ms, struct slant_tokinfo *ti, struct sent_tally *tl,
                        int all) {
    /* counted in locals (tl could alias ti for all the compiler knows) */
    size_t words_voice[SLANT_VOICE_COUNT] = {0, 0}, allcaps = 0;
    size_t excl[SLANT_VOICE_COUNT] = {0, 0}, qm[SLANT_VOICE_COUNT] = {0, 0};
    int quoted = 0;
    for (size_t i = sb; i < se; i++) {
        const slant_token *t = &d->toks[i];
        int v = voice_of(t);
        quoted |= t->quote != 0;
        ti[i - sb].boost = 0.0;
        if (is_counted_word(t)) {
            ti[i - sb].roles = TR_WORD;
            words_voice[v]++;
            allcaps += t->kind == SLANT_TOK_WORD && (t->flags & SLANT_TF_ALLCAPS);
            continue;
        }
        ti[i - sb].roles = t->kind == SLANT_TOK_QUOTE ? TR_QUOTE_MARK
                           : t->kind == SLANT_TOK_PUNCT ? TR_PUNCT : 0;
        if (t->kind != SLANT_TOK_PUNCT) continue;
        for (uint32_t k = t->start; k < t->end; k++) {
            if (d->text[k] == '!') excl[v]++;
            else if (d->text[k] == '?') qm[v]++;
        }
    }
    memset(tl, 0, sizeof *tl);
    tl->contrast = -1;
    tl->quoted = quoted;
    tl->allcaps = allcaps;
    tl->words = words_voice[0] + words_voice[1];
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) {
        tl->words_voice[v] = words_voice[v];
        tl->excl[v] = excl[v];
        tl->qm[v] = qm[v];
    }
    uint32_t spans = 0;    /* span_roles of the sentence's matches */
    long contrast = -1;    /* the first token a contrast rule marks */
    for (size_t k = 0; k < ms->n; k++) {
        const slant_match *m = &ms->items[k];
        const struct entry_info *e = &sc->info[m->entry];
        struct slant_tokinfo *last = &ti[m->tok_end - 1 - sb];
        if (!match_contiguous(d, e, m)) continue;
        spans |= e->span_roles;
        if ((e->roles & TR_CONTRAST) && (contrast < 0 || m->tok_end - 1 < (size_t)contrast))
            contrast = (long)m->tok_end - 1;
        /* one path for every family (they come in no order, so a branch on
         * the family was mispredicted): a rule marks its last token (which
         * counts as a word), any other entry every token it covers */
        last->roles |= e->last_roles;
        for (uint32_t j = m->tok_begin; j < m->tok_end; j++) ti[j - sb].roles |= e->span_roles;
        uint32_t r = e->roles;
        if (r & (TR_INTENSIFIER | TR_DIMINISHER)) {
            if (r & TR_INTENSIFIER) last->boost += fabs(e->weight);
            if (r & TR_DIMINISHER) last->boost -= fabs(e->weight);
            for (uint32_t j = m->tok_begin; j < m->tok_end; j++) ti[j - sb].roles |= TR_IN_MODIFIER;
        }
        /* a multi-word rule counts as one word, at its last token */
        for (uint32_t j = m->tok_begin; j + 1 < m->tok_end; j++) ti[j - sb].roles &= ~(uint32_t)e->clear_roles;
    }
    if (!all && !(spans & (TR_TONE | TR_TARGET))) {
        tl->contrast = contrast;
        return;
    }
    /* word positions and clauses: a clause starts at a clause-break or
     * contrast word, after ';' / ':' style breaks (rule.clause_break
     * punctuation) and at quotation marks. */
    int32_t wp = 0;
    uint16_t clause = 0, prev = 0;
    int irrealis = 0;
    for (size_t i = sb; i < se; i++) {
        struct slant_tokinfo *t = &ti[i - sb];
        uint32_t r = t->roles;
        if (r & (TR_CLAUSE_BREAK | TR_CONTRAST | TR_QUOTE_MARK)) { /* rare: a clause may change */
            int is_break_word = (r & (TR_CLAUSE_BREAK | TR_CONTRAST)) != 0;
            /* "Kestria and Veldor" is one noun phrase, not two clauses */
            if (is_break_word && i > sb && i + 1 < se && (ti[i - 1 - sb].roles & TR_TARGET) &&
                (ti[i + 1 - sb].roles & TR_TARGET))
                is_break_word = 0;
            if (r & TR_QUOTE_MARK) {
                if (clause < UINT16_MAX) clause++;
                t->clause = clause;
            } else if (is_break_word && !(r & TR_PUNCT)) {
                if (i > sb && clause < UINT16_MAX) clause++;
                t->clause = clause;
            } else {
                t->clause = clause;
                if (is_break_word && clause < UINT16_MAX) clause++; /* ';' ends its clause */
            }
            /* the first contrast word splits the sentence (VADER's _but_check) */
            if ((r & TR_CONTRAST) && tl->contrast < 0) tl->contrast = (long)i;
        } else {
            t->clause = clause;
        }
        t->wordpos = wp;
        if (r & TR_WORD) wp++;
        /* one forward pass, not a backward scan per hit: a "sentence" can be
         * megabytes long (found by tests/bad: a 1 MB sentence took 34 s) */
        if (t->clause != prev) irrealis = 0; /* (at i == sb, irrealis is 0 anyway) */
        prev = t->clause;
        t->after_irrealis = (uint8_t)irrealis;
        if (r & TR_IRREALIS) irrealis = 1;
    }
}

/* Is there an irrealis marker earlier in the clause of token i? */
static int irrealis_before(const struct slant_tokinfo *ti, size_t sb, size_t i) {
    return ti[i - sb].after_irrealis;
}

static void score_sentence(const slant_scorer *sc, const slant_doc *d, size_t si,
                           slant_doc_scores *out) {
    const slant_sentence *s = &d->sents[si];
    size_t sb = s->tok_begin, se = s->tok_end, n = se - sb;
    out->sents = grow(out->sents, &out->sents_cap, out->nsents + 1, sizeof *out->sents);
    slant_sentence_score *ss = &out->sents[out->nsents++];
    memset(ss, 0, sizeof *ss);
    ss->sentence = (uint32_t)si;
    ss->hit_begin = ss->hit_end = (uint32_t)out->nhits;
    ss->mention_begin = ss->mention_end = (uint32_t)out->nmentions;
    ss->speaker = -1;
    if (n == 0) return;

    out->tokinfo = grow(out->tokinfo, &out->tokinfo_cap, n, sizeof *out->tokinfo);
    struct slant_tokinfo *ti = out->tokinfo;
    slant_match_range(sc->set, d, sb, se, &out->scratch);
    const slant_matches *ms = &out->scratch;
    struct sent_tally tl;
    mark_tokens(sc, d, sb, se, ms, ti, &tl, 0);

    /* words, voices, caps differential */
    size_t words = tl.words;
    int capdiff = tl.allcaps > 0 && tl.allcaps < words;
    ss->words = (uint32_t)words;
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) ss->words_voice[v] = (uint32_t)tl.words_voice[v];
    ss->words_quoted = ss->words_voice[SLANT_VOICE_QUOTE];
    ss->voice = ss->words_quoted * 2 > ss->words ? SLANT_VOICE_QUOTE : SLANT_VOICE_OUTLET;
    /* a sentence with no quoted token has no speaker */
    ss->speaker = tl.quoted ? slant_sentence_speaker(d, s) : -1;

    long contrast = tl.contrast;
    ss->contrast = contrast >= 0;

    double sum = 0.0, sum_voice[SLANT_VOICE_COUNT] = {0, 0};
    const size_t *excl = tl.excl, *qm = tl.qm;
    size_t excl_all = excl[0] + excl[1], qm_all = qm[0] + qm[1];
    double emph = emphasis_of(excl_all, qm_all);
    ss->exclaims = (uint16_t)(excl_all > UINT16_MAX ? UINT16_MAX : excl_all);
    ss->questions = (uint16_t)(qm_all > UINT16_MAX ? UINT16_MAX : qm_all);
    out->hits = grow(out->hits, &out->hits_cap, out->nhits + ms->n, sizeof *out->hits);
    unsigned fams = 0; /* families of the sentence's hits */
    for (size_t k = 0; k < ms->n; k++) {
        const slant_match *m = &ms->items[k];
        const struct entry_info *e = &sc->info[m->entry];
        uint8_t voice = voice_of(&d->toks[m->tok_begin]);
        uint16_t rules = 0;
        if (e->family == SLANT_FAM_RULE || !match_contiguous(d, e, m)) continue;
        fams |= 1u << e->family;
        if (e->family == SLANT_FAM_TONE) {
            double v = tone_valence(d, ti, sb, se, e, m->tok_begin, m->tok_end, capdiff, &rules);
            if (v != 0.0 && irrealis_before(ti, sb, m->tok_begin)) {
                v *= TONE_IRREALIS;
                rules |= SLANT_RULE_IRREALIS;
            }
            if (contrast >= 0 && v != 0.0) {
                if (m->tok_end <= (uint32_t)contrast) {
                    v *= VADER_BUT_BEFORE;
                    rules |= SLANT_RULE_BEFORE_BUT;
                } else if (m->tok_begin > (uint32_t)contrast) {
                    v *= VADER_BUT_AFTER;
                    rules |= SLANT_RULE_AFTER_BUT;
                }
            }
            if (excl_all && v != 0.0) rules |= SLANT_RULE_EXCLAIM;
            sum += v;
            sum_voice[voice] += v;
            push_hit(out, m, e, voice, rules, v / VADER_UNITS);
            continue;
        }
        if (e->family == SLANT_FAM_LOADED) {
            /* counted as used; a negator before it is noted, not applied */
            long before[VADER_WINDOW];
            int nbefore = words_before(ti, sb, m->tok_begin, before, VADER_WINDOW);
            for (int j = 0; j < nbefore; j++)
                if (ti[before[j] - (long)sb].roles & TR_NEGATOR) {
                    rules |= SLANT_RULE_NEGATED;
                    break;
                }
        }
        push_hit(out, m, e, voice, rules, e->weight);
    }
    if (sum > 0) sum += emph;
    else if (sum < 0) sum -= emph;
    ss->tone_raw = sum;
    ss->tone = vader_normalize(sum);
    for (int v = 0; v < SLANT_VOICE_COUNT; v++) {
        double sv = sum_voice[v];
        double ev = emphasis_of(excl[v], qm[v]);
        if (sv > 0) sv += ev;
        else if (sv < 0) sv -= ev;
        ss->tone_voice[v] = vader_normalize(sv);
    }
    ss->hit_end = (uint32_t)out->nhits;

    /* stance toward each target mention (most sentences have none: no walk) */
    for (size_t i = ss->hit_begin; i < ss->hit_end && (fams >> SLANT_FAM_TARGET & 1); i++) {
        const slant_hit *h = &out->hits[i];
        if (h->family != SLANT_FAM_TARGET) continue;
        out->mentions =
            grow(out->mentions, &out->mentions_cap, out->nmentions + 1, sizeof *out->mentions);
        slant_mention *mn = &out->mentions[out->nmentions++];
        mn->tok_begin = h->tok_begin;
        mn->tok_end = h->tok_end;
        mn->entry = h->entry;
        mn->category = h->category;
        mn->voice = h->voice;
        size_t h0 = ss->hit_begin, h1 = ss->hit_end;
        hits_near(out->hits, sb, se, &h0, &h1, h->tok_begin, h->tok_end);
        mn->stance = stance_core(sc, d, ti, sb, se, out->hits, h0, h1, fams, h->tok_begin, h->tok_end,
                                 &mn->rules);
    }
    ss->mention_end = (uint32_t)out->nmentions;
}

void slant_score_doc(const slant_scorer *sc, const slant_doc *d, slant_doc_scores *out) {
    out->nsents = out->nhits = out->nmentions = 0;
    for (size_t i = 0; i < d->nsents; i++) score_sentence(sc, d, i, out);
}

double slant_stance_toward(const slant_scorer *sc, const slant_doc *d,
                           const slant_doc_scores *scores, size_t sentence, size_t tok_begin,
                           size_t tok_end, uint16_t *rules) {
    if (rules) *rules = 0;
    if (sentence >= d->nsents) return 0.0;
    const slant_sentence *s = &d->sents[sentence];
    size_t sb = s->tok_begin, se = s->tok_end;
    if (tok_begin < sb) tok_begin = sb;
    if (tok_end > se) tok_end = se;
    if (tok_begin >= tok_end) return 0.0;
    const slant_sentence_score *ss = NULL;
    for (size_t i = 0; i < scores->nsents; i++)
        if (scores->sents[i].sentence == sentence) {
            ss = &scores->sents[i];
            break;
        }
    if (!ss) return 0.0;
    /* Rebuild the sentence's token roles in a private scratch (the scores
     * are const and their scratch holds the last sentence). */
    size_t n = se - sb;
    struct slant_tokinfo *ti = slant_xmalloc(n * sizeof *ti);
    slant_matches ms;
    slant_matches_init(&ms);
    slant_match_range(sc->set, d, sb, se, &ms);
    struct sent_tally tl;
    mark_tokens(sc, d, sb, se, &ms, ti, &tl, 1);
    for (size_t i = tok_begin; i < tok_end; i++) ti[i - sb].roles |= TR_TARGET;
    size_t h0 = ss->hit_begin, h1 = ss->hit_end;
    hits_near(scores->hits, sb, se, &h0, &h1, tok_begin, tok_end);
    unsigned fams = 0;
    for (size_t i = h0; i < h1; i++) fams |= 1u << scores->hits[i].family;
    double st = stance_core(sc, d, ti, sb, se, scores->hits, h0, h1, fams, tok_begin, tok_end, rules);
    slant_matches_free(&ms);
    free(ti);
    return st;
}
