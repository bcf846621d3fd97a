/*
 * quote.c - direct quotations and who said them.
 *
 * Owns slant_quotes_find and the per-sentence voice helpers. Runs on the
 * tokens of text.c; allocates only per document (a small speaker index),
 * never per token, and every search window is bounded, so the whole pass is
 * linear in the number of tokens.
 *
 * Quotation marks (rules, tested as tables in tests/unit/test_quote.c):
 *  - Double marks pair up inside a paragraph: “ „ ‟ « 「 『 open, ” » 」 』
 *    close; a straight " (or ＂) opens or closes by position: after a space
 *    or bracket and before a word it opens, after a word or punctuation and
 *    before a space or punctuation it closes, otherwise it toggles.
 *  - A quotation still open at the end of its paragraph continues when the
 *    next paragraph starts with an opening mark (the newswire convention for
 *    multi-paragraph quotes; that mark is absorbed), or when the following
 *    paragraphs (at most 3) hold no double marks at all and the one after
 *    them has a closing mark as its first double mark (captures that dropped
 *    the repeated opening marks). Otherwise it ends with its paragraph and is
 *    flagged `unclosed`: it never swallows the rest of an article.
 *  - A closing curly mark (”) that is the first double mark of its paragraph
 *    and closes nothing starts its quotation at the paragraph's start
 *    (flagged `unclosed`: the opening mark was lost in the capture).
 *  - An opening mark met while a quotation is open ends the open one there
 *    (flagged `unclosed`): double quotation marks are not nested.
 *  - Single marks ‘ ’ ' ‚ ‹ › pair up inside each stretch between double marks
 *    of one paragraph (so nested 'quotes' inside "quotes" work, with a small
 *    stack). ’ or ' after a letter that closes nothing is an apostrophe
 *    (countries’ relations, the 70s'), as is a ‘ or ' that is never closed;
 *    apostrophes become PUNCT tokens. Single-quoted spans outside double
 *    quotes are quotations too; inside double quotes they are part of the
 *    outer quotation.
 *
 * Speakers, tried in this order for each quotation:
 *  A. after the closing mark, in the same sentence (or the next when the
 *     quote ended with ? or !): `"...," X said` / `"...," said X, a ...` /
 *     `"...," Kremlin spokesman X told reporters` (a speech verb within ten
 *     words, and the name right before it) / `"...," X, a senior fellow at
 *     ..., said` / `..., according to X`;
 *  B. before the opening mark in the same sentence: the nearest speech verb
 *     and its subject (`X said: "..."`, `X told reporters "..."`, `X said
 *     the talks were "..."`), or `according to X, "..."`;
 *  C. a quotation opening its sentence after a lead-in sentence that ends
 *     with ':' or has no final punctuation ("Shinzo Abe at the Forum talked
 *     about ..."): the speaker of that lead-in;
 *  D. the speaker of the previous quotation in the same paragraph.
 *  A pattern whose subject is a description ("...," the official added)
 *  gives an unknown speaker and stops the search (no C or D guess), unless
 *  the description is a role (up to 5 words ending in title words: "the
 *  Japanese prime minister") whose holder the article names elsewhere as
 *  "Japanese Prime Minister Shinzo Abe" or "Prime Minister of Japan Shinzo
 *  Abe" (the qualifier must match, or share its stem with the country): the
 *  holder named last before the quotation, else first after it. At most 8
 *  roles are resolved per document (one pass of hash compares each).
 *  X is a run of capitalized words (with initials, Mr./Dr., particles such
 *  as de, van, bin, and of/for after a title: Secretary of State), at most 6
 *  tokens; a run right after a determiner
 *  or preposition ("at the Forum") is not a subject, and then the name that
 *  opens the sentence is used. Pronouns (he, she, they) take the named
 *  speaker mentioned most recently in the three sentences before, when only
 *  one is mentioned there. Speech verbs: a static table below (grammar, not
 *  a lexicon); "told/asked/urged/warned X" name the addressee, not the
 *  speaker.
 * Display names drop titles and everything before the last title word
 * ("Russian President Vladimir Putin" -> "Vladimir Putin", "Mr. Brown" ->
 * "Brown") and a possessive 's; a one-word name becomes the first two- or
 * three-word name in the document that ends with it ("Brown" -> "James
 * Brown") or, failing that, starts with it (family name first: "Hosaka" ->
 * "Hosaka Yuji"). Speakers with the same display name are one speaker.
 * Limits: descriptions that are not roles ("a senior official said"), or
 * roles the article never names, give an unknown speaker; pronouns are not resolved by gender; at most 65535 quotations per
 * document are recorded (token.quote is 16 bits); scare quotes count as
 * quotations with an unknown speaker.
 */
#include "slant/quote.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ */
/* small token helpers                                                */

static const char *tnorm(const slant_doc *d, size_t i) { return d->norm.data + d->toks[i].norm; }

static int tnorm_is(const slant_doc *d, size_t i, const char *w) {
    const slant_token *t = &d->toks[i];
    size_t n = strlen(w);
    return t->norm_len == n && memcmp(d->norm.data + t->norm, w, n) == 0;
}

static int32_t tok_cp(const slant_doc *d, size_t i) {
    const slant_token *t = &d->toks[i];
    /* straight and curly marks (U+2018-U+201F, U+2039/A) decoded in place */
    const unsigned char *p = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    if (n >= 1 && p[0] < 0x80) return p[0];
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] & 0xC0) == 0x80) return 0x2000 + (p[2] & 0x3F);
    utf8proc_int32_t cp = -1;
    utf8proc_iterate((const utf8proc_uint8_t *)d->text + t->start, (utf8proc_ssize_t)(t->end - t->start),
                     &cp);
    return cp;
}

static int is_punct(const slant_doc *d, size_t i, char c) {
    const slant_token *t = &d->toks[i];
    return t->kind == SLANT_TOK_PUNCT && t->norm_len == 1 && tnorm(d, i)[0] == c;
}

/* ------------------------------------------------------------------ */
/* grammar tables                                                     */

/* Reporting verbs. */
static const char *const speech_verbs[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "adding",
    "stated", "states", "asked", "asks", "noted", "notes", "noting", "insisted", "insists",
    "insisting", "claimed", "claims", "claiming", "explained", "explains", "explaining", "warned",
    "warns", "warning", "wrote", "writes", "declared", "declares", "replied", "replies",
    "answered", "continued", "continues", "argued", "argues", "arguing", "commented",
    "remarked", "recalled", "recalls", "observed", "stressed", "stresses", "emphasized",
    "emphasised", "announced", "announces", "admitted", "admits", "acknowledged", "acknowledges",
    "conceded", "suggested", "suggests", "urged", "urges", "cautioned", "predicted", "countered",
    "responded", "maintained", "maintains", "contended", "testified", "tweeted", "concluded",
    "complained", "agreed", "boasted", "alleged", "vowed", "promised", "confirmed", "denied",
    "reported", "talked", "spoke", "speaking", "indicated", "exclaimed", "shouted", "quipped",
    "assured", "pledged", "proclaimed", "insist", "claim", "explain", "warn", "write", "declare",
    "reply", "argue", "note", "add",
};
/* Verbs whose object is the addressee: "told Mr. Putin" names who listened. */
static const char *const addressee_verbs[] = {
    "told", "tells", "tell", "asked", "asks", "urged", "urges", "warned", "warns", "warning",
    "cautioned", "assured", "promised",
};
static const char *const pronouns[] = {"he", "she", "they"};
/* Words that make a following capitalized run an object, not a subject. */
static const char *const pre_object[] = {
    "the", "a", "an", "at", "in", "of", "to", "from", "with", "on", "by", "for", "about",
    "into", "over", "under", "between", "against", "than", "its", "their", "his", "her",
};
/* Adverbs allowed between a subject and its verb ("Abe also said"). */
static const char *const soft_adverbs[] = {
    "also", "again", "later", "then", "once", "repeatedly", "previously", "recently", "still",
    "further", "earlier", "publicly", "privately", "has", "had", "have", "was", "is", "later",
    "reportedly", "simply", "flatly", "bluntly", "firmly", "openly", "clearly", "told",
};
/* Capitalized words that do not start a name. */
static const char *const not_name[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "but", "and",
    "or", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "my",
    "so", "yet", "as", "if", "when", "while", "after", "before", "however", "still", "also",
    "for", "with", "by", "from", "now", "then", "what", "why", "how", "who", "some", "many",
    "most", "since", "although", "though", "both", "each", "such", "to", "not", "no", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "according", "said", "says", "asked", "told", "added", "meanwhile", "yes",
    "last", "next", "earlier", "later", "let", "if", "like", "all", "one", "two", "photo",
};
/* Titles and roles dropped from display names (with everything before them). */
static const char *const titles[] = {
    "mr.", "mrs.", "ms.", "dr.", "messrs.", "prof.", "sen.", "rep.", "gov.", "gen.", "lt.",
    "col.", "capt.", "sgt.", "adm.", "rev.", "st.", "mr", "mrs", "ms", "dr", "president",
    "prime", "minister", "foreign", "defense", "defence", "finance", "secretary", "chancellor",
    "state", "affairs", "interior", "cabinet", "trade", "economy", "general-secretary",
    "senator", "governor", "general", "king", "queen", "premier", "ambassador", "chairman",
    "chairwoman", "chair", "director", "professor", "sir", "lord", "lady", "pope", "spokesman",
    "spokeswoman", "spokesperson", "deputy", "vice", "chief", "justice", "judge", "colonel",
    "captain", "admiral", "mayor", "commissioner", "emperor", "crown", "prince", "princess",
    "sheikh", "leader", "envoy", "congressman", "congresswoman", "dame", "archbishop", "bishop",
    "cardinal", "president-elect", "ceo", "commander", "marshal", "lieutenant", "sergeant",
    "speaker", "representative", "officer", "economist", "analyst", "expert", "fellow",
};
/* Lowercase particles inside names. */
static const char *const particles[] = {"de", "van", "von", "der", "den", "bin", "ibn", "al",
                                        "da", "di", "le", "la", "du", "dos", "del"};

/* Each grammar word's classes, keyed by the token hash of its matching form:
 * one table lookup per token instead of string compares. Built once per
 * process (pthread_once: scoring threads share it), never freed. */
enum {
    WCL_speech_verbs = 1 << 0,
    WCL_addressee_verbs = 1 << 1,
    WCL_pronouns = 1 << 2,
    WCL_pre_object = 1 << 3,
    WCL_soft_adverbs = 1 << 4,
    WCL_not_name = 1 << 5,
    WCL_titles = 1 << 6,
    WCL_particles = 1 << 7
};
static slant_u64map *word_classes;
static pthread_once_t word_classes_once = PTHREAD_ONCE_INIT;
/* Most tokens asked about are in no list. A one-bit-per-bucket filter (the
 * top 12 bits of the hash pick the bit; about 8% of buckets are set) tells
 * most of them so from one 512-byte table, before the map is probed. */
enum { WORD_FILTER_SHIFT = 52 };
static uint64_t word_filter[(1u << (64 - WORD_FILTER_SHIFT)) / 64];

static size_t filter_bit(uint64_t h) { return (size_t)((h ? h : 1) >> WORD_FILTER_SHIFT); }

static void add_class(const char *const *list, size_t n, uint32_t bit) {
    for (size_t i = 0; i < n; i++) {
        uint64_t h = slant_hash_bytes(list[i], strlen(list[i]));
        uint32_t *v = slant_u64map_upsert(word_classes, h, 0, NULL);
        *v |= bit;
        word_filter[filter_bit(h) / 64] |= (uint64_t)1 << (filter_bit(h) % 64);
    }
}

static void build_word_classes(void) {
    word_classes = slant_u64map_new(1024);
#define ADD(list) add_class(list, sizeof list / sizeof list[0], WCL_##list)
    ADD(speech_verbs);
    ADD(addressee_verbs);
    ADD(pronouns);
    ADD(pre_object);
    ADD(soft_adverbs);
    ADD(not_name);
    ADD(titles);
    ADD(particles);
#undef ADD
}

/* slant_quotes_find builds the table before anything asks. */
static uint32_t word_class(const slant_doc *d, size_t i) {
    uint64_t h = d->toks[i].hash;
    if (!(word_filter[filter_bit(h) / 64] >> (filter_bit(h) % 64) & 1)) return 0;
    const uint32_t *v = slant_u64map_get(word_classes, h);
    return v ? *v : 0;
}
#define IN_LIST(d, i, list) ((word_class(d, i) & WCL_##list) != 0)

static int is_speech_verb(const slant_doc *d, size_t i) {
    const slant_token *t = &d->toks[i];
    if (t->kind != SLANT_TOK_WORD) return 0;
    return IN_LIST(d, i, speech_verbs);
}

static int is_pronoun(const slant_doc *d, size_t i) {
    return d->toks[i].kind == SLANT_TOK_WORD && IN_LIST(d, i, pronouns);
}

/* A token that can be part of a name. */
static int name_token(const slant_doc *d, size_t i) {
    const slant_token *t = &d->toks[i];
    if (t->kind != SLANT_TOK_WORD) return 0;
    return (t->flags & SLANT_TF_CAPITALIZED) != 0;
}

/* ------------------------------------------------------------------ */
/* name runs                                                          */

typedef struct span {
    size_t b, e; /* tokens [b, e) */
} span;

enum { NAME_MAX_TOKENS = 6, WINDOW = 40 };

/* "of" or "for" inside a title: Secretary of State, Minister for Foreign Affairs */
static int title_link(const slant_doc *d, size_t i) { return tnorm_is(d, i, "of") || tnorm_is(d, i, "for"); }

/* The longest name run starting at i within [i, lim): capitalized words,
 * particles inside. e == b when there is none. */
static span name_forward(const slant_doc *d, size_t i, size_t lim) {
    span s = {i, i};
    if (i >= lim || !name_token(d, i) || IN_LIST(d, i, not_name)) return s;
    size_t k = i, last = i;
    while (k < lim && k - i < NAME_MAX_TOKENS) {
        if (name_token(d, k) && (k == i || !IN_LIST(d, k, not_name))) {
            last = k + 1;
            k++;
        } else if (k > i && d->toks[k].kind == SLANT_TOK_WORD && k + 1 < lim && name_token(d, k + 1) &&
                   (IN_LIST(d, k, particles) || (title_link(d, k) && IN_LIST(d, k - 1, titles)))) {
            k++;
        } else {
            break;
        }
    }
    s.e = last;
    return s;
}

/* The name run ending right before e (exclusive), not before lo. */
static span name_backward(const slant_doc *d, size_t e, size_t lo) {
    span s = {e, e};
    size_t k = e;
    while (k > lo && e - k < NAME_MAX_TOKENS) {
        size_t j = k - 1;
        if (name_token(d, j)) {
            k = j;
        } else if (d->toks[j].kind == SLANT_TOK_WORD && j > lo && name_token(d, j - 1) && k < e &&
                   (IN_LIST(d, j, particles) || (title_link(d, j) && IN_LIST(d, j - 1, titles)))) {
            k = j;
        } else {
            break;
        }
    }
    /* drop leading words that never start a name (The, But, ...) */
    while (k < e && (IN_LIST(d, k, not_name) || !name_token(d, k))) k++;
    s.b = k;
    return s;
}

/* Does the span hold a name once titles are dropped? */
static span strip_titles(const slant_doc *d, span s) {
    size_t b = s.b;
    for (size_t k = s.b; k < s.e; k++)
        if (IN_LIST(d, k, titles)) b = k + 1;
    s.b = b;
    return s;
}

/* ------------------------------------------------------------------ */
/* speakers                                                           */

/* Buffers and maps of slant_quotes_find kept in the doc between documents
 * (a corpus is thousands of short articles: allocating them per article
 * was a few percent of the text pipeline). */
struct slant_quote_scratch {
    struct mark *m;
    size_t mcap;
    uint32_t *para_start;
    size_t para_cap;
    slant_quote *dq, *sq; /* the double and single quotation lists */
    size_t dq_cap, sq_cap;
    struct attrib *found;
    size_t found_cap;
    span *full;
    size_t fullcap;
    slant_u64map *by_name, *by_last, *by_first, *keys;
    slant_buf tmp;
};

/* An empty map from a scratch slot. A map that held many keys (one huge
 * document) is dropped rather than cleared, so later short documents do
 * not pay for clearing its whole table each time. */
enum { SCRATCH_MAP_KEEP = 4096, SCRATCH_KEEP = 1 << 16 };
static slant_u64map *scratch_map(slant_u64map **slot) {
    if (*slot && slant_u64map_count(*slot) > SCRATCH_MAP_KEEP) {
        slant_u64map_free(*slot);
        *slot = NULL;
    }
    if (!*slot) *slot = slant_u64map_new(16);
    else if (slant_u64map_count(*slot)) slant_u64map_clear(*slot);
    return *slot;
}

typedef struct qctx {
    slant_doc *d;
    struct slant_quote_scratch *s; /* where the maps below come from */
    /* keyed by slant_hash_bytes (64 bits: collisions are not a practical
     * concern, and names are compared again where it matters) */
    slant_u64map *by_name;  /* display name -> speaker index */
    slant_u64map *by_last;  /* folded last word of a 2-3 word name -> span index */
    slant_u64map *by_first; /* folded first word -> span index */
    span *full;             /* full-name spans found in the text */
    size_t nfull, fullcap;
    int full_indexed;
    slant_buf tmp;
} qctx;

/* Matching form of a name word without a possessive 's. */
static size_t key_len(const slant_doc *d, size_t i) {
    const slant_token *t = &d->toks[i];
    const char *m = tnorm(d, i);
    if (t->norm_len > 2 && m[t->norm_len - 2] == '\'' && m[t->norm_len - 1] == 's') return t->norm_len - 2;
    return t->norm_len;
}

/* slant_hash_bytes of the key: the token's own hash (of its whole form,
 * computed by text.c) unless a possessive was dropped */
static uint64_t key_hash(const slant_doc *d, size_t i) {
    size_t kl = key_len(d, i);
    return kl == d->toks[i].norm_len ? d->toks[i].hash : slant_hash_bytes(tnorm(d, i), kl);
}

/* Index one run [k, e) of 2-8 capitalized words as a full name: what
 * follows its last title word (strip_titles), 2 or 3 words. Titles are
 * looked for among the last 4 words only, since a longer name is not
 * indexed anyway: runs are a tenth of the tokens, and these class lookups
 * were most of the indexing. */
enum { RUN_MAX = 8 };
static void index_run(qctx *q, size_t k, size_t e) {
    slant_doc *d = q->d;
    span s = {k, e};
    uint32_t first_cls = 0; /* class of the first word kept */
    while (s.b < s.e && ((first_cls = word_class(d, s.b)) & WCL_not_name)) s.b++;
    if (s.e - s.b < 2) return;
    size_t lo = s.e - s.b > 4 ? s.e - 4 : s.b, b = s.b;
    int titled = 0;
    for (size_t j = s.e; j > lo && !titled; j--) {
        if ((j - 1 == s.b ? first_cls : word_class(d, j - 1)) & WCL_titles) {
            b = j;
            titled = 1;
        }
    }
    if (!titled && lo > s.b) return; /* more than 3 words after any title */
    s.b = b;
    size_t n = s.e - s.b;
    if (n < 2 || n > 3) return;
    if (q->nfull == q->fullcap) {
        q->fullcap = q->fullcap ? q->fullcap * 2 : 32;
        q->full = slant_xrealloc(q->full, q->fullcap * sizeof *q->full);
    }
    q->full[q->nfull] = s;
    uint32_t idx = (uint32_t)q->nfull++;
    size_t l = s.e - 1, f = s.b;
    slant_u64map_upsert(q->by_last, key_hash(d, l), idx, NULL);
    /* family name first ("Hosaka Yuji, a Japan analyst"): only names
     * introduced by an appositive or a speech verb, not headline words */
    if (s.e < d->ntoks && s.e == e && (is_punct(d, s.e, ',') || is_speech_verb(d, s.e))) {
        slant_u64map_upsert(q->by_first, key_hash(d, f), idx, NULL);
    }
}

/* Runs of capitalized words (cut every 8 words), each indexed once: the
 * runs of consecutive indices in text.c's list of capitalized words (a
 * tenth of the tokens, not a pass over all of them). */
static void index_full_names(qctx *q) {
    slant_doc *d = q->d;
    q->full_indexed = 1;
    q->by_last = scratch_map(&q->s->by_last);
    q->by_first = scratch_map(&q->s->by_first);
    const uint32_t *caps = d->caps;
    size_t m = d->ncaps;
    for (size_t i = 0; i < m;) {
        size_t b = caps[i], e = b + 1; /* the run [b, e) */
        for (i++; i < m && caps[i] == e && e - b < RUN_MAX; i++) e++;
        if (e - b >= 2) index_run(q, b, e);
    }
}

/* Append the text of tokens [b, e) to out with whitespace runs collapsed and
 * a final possessive dropped. */
static void span_text(const slant_doc *d, span s, slant_buf *out) {
    size_t start = d->toks[s.b].start, end = d->toks[s.e - 1].end;
    const slant_token *lt = &d->toks[s.e - 1];
    size_t kl = key_len(d, s.e - 1);
    if (kl != lt->norm_len) {
        /* drop 's or ’s */
        const char *t = d->text;
        if (end - start >= 2 && t[end - 1] == 's' && t[end - 2] == '\'') end -= 2;
        else if (end - start >= 4 && t[end - 1] == 's' && (unsigned char)t[end - 2] == 0x99 &&
                 (unsigned char)t[end - 3] == 0x80 && (unsigned char)t[end - 4] == 0xE2)
            end -= 4;
    }
    const char *t = d->text;
    int space = 0;
    for (size_t i = start; i < end;) {
        if (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t') {
            space = 1;
            i++;
            continue;
        }
        size_t j = i + 1; /* a word: copied whole */
        while (j < end && t[j] != ' ' && t[j] != '\n' && t[j] != '\r' && t[j] != '\t') j++;
        if (space && out->len) slant_buf_putc(out, ' ');
        space = 0;
        slant_buf_append(out, t + i, j - i);
        i = j;
    }
}

/* Register the speaker named by tokens s (already title-stripped, non-empty);
 * returns its index. */
static int32_t speaker_for(qctx *q, span s) {
    slant_doc *d = q->d;
    span show = s;
    if (s.e - s.b == 1) {
        if (!q->full_indexed) index_full_names(q);
        uint64_t h = key_hash(d, s.b);
        const uint32_t *v = slant_u64map_get(q->by_last, h);
        if (v) {
            span f = q->full[*v];
            /* "with Abe Putin": two surnames side by side are not a full name */
            const uint32_t *w = slant_u64map_get(q->by_last, key_hash(d, f.b));
            if (!w || *w == *v) show = f;
        } else {
            v = slant_u64map_get(q->by_first, h);
            if (v) show = q->full[*v];
        }
    }
    slant_buf_clear(&q->tmp);
    span_text(d, show, &q->tmp);
    if (q->tmp.len == 0) return -1;
    if (!q->by_name) q->by_name = scratch_map(&q->s->by_name);
    int inserted = 0;
    uint32_t *slot = slant_u64map_upsert(q->by_name, slant_hash_bytes(q->tmp.data, q->tmp.len),
                                         (uint32_t)d->nspeakers, &inserted);
    uint32_t mention_len = d->toks[show.e - 1].end - d->toks[show.b].start;
    if (!inserted && strcmp(d->names.data + d->speakers[*slot].name, q->tmp.data) == 0) {
        slant_speaker *sp = &d->speakers[*slot];
        if (mention_len > sp->end - sp->start) {
            sp->start = d->toks[show.b].start;
            sp->end = d->toks[show.e - 1].end;
        }
        return (int32_t)*slot;
    }
    /* a new speaker (or, absurdly rarely, a hash collision: then a new entry) */
    uint32_t index = (uint32_t)d->nspeakers;
    if (d->nspeakers == d->speakers_cap) {
        d->speakers_cap = d->speakers_cap ? d->speakers_cap * 2 : 16;
        d->speakers = slant_xrealloc(d->speakers, d->speakers_cap * sizeof *d->speakers);
    }
    slant_speaker *sp = &d->speakers[d->nspeakers++];
    sp->start = d->toks[show.b].start;
    sp->end = d->toks[show.e - 1].end;
    sp->name = (uint32_t)d->names.len;
    slant_buf_append(&d->names, q->tmp.data, q->tmp.len);
    slant_buf_putc(&d->names, '\0');
    return (int32_t)index;
}

/* Result of an attribution search. */
/* ATTR_DESCR: an attribution whose subject is a description ("the
 * official added"): the speaker is unknown, and no fallback may guess one. */
enum { ATTR_NONE = 0, ATTR_NAME, ATTR_PRONOUN, ATTR_DESCR };
typedef struct attrib {
    int kind;
    span name;    /* ATTR_NAME: title-stripped name */
    size_t where; /* ATTR_PRONOUN: the pronoun token */
    span role;    /* ATTR_DESCR: a role such as "the Japanese prime minister", when found */
} attrib;

/* A role description in [b, e): up to 5 words (after an optional the/a/an)
 * ending with title words: "the Japanese prime minister", "Kremlin
 * spokesman". Empty span when [b, e) is not one. */
static span role_in(const slant_doc *d, size_t b, size_t e) {
    span none = {0, 0};
    if (b < e && (tnorm_is(d, b, "the") || tnorm_is(d, b, "a") || tnorm_is(d, b, "an"))) b++;
    if (e <= b || e - b > 5 || !IN_LIST(d, e - 1, titles)) return none;
    for (size_t k = b; k < e; k++)
        if (d->toks[k].kind != SLANT_TOK_WORD) return none;
    span r = {b, e};
    return r;
}

/* The words right before token v back to a determiner, the sentence start
 * (lo) or punctuation, as a role description. */
static span role_before(const slant_doc *d, size_t v, size_t lo) {
    size_t b = v;
    while (b > lo && v - b < 6 && d->toks[b - 1].kind == SLANT_TOK_WORD) {
        b--;
        if (tnorm_is(d, b, "the") || tnorm_is(d, b, "a") || tnorm_is(d, b, "an")) break;
    }
    return role_in(d, b, v);
}

/* The words right after token v, up to punctuation, as a role description. */
static span role_after(const slant_doc *d, size_t v, size_t lim) {
    size_t e = v;
    while (e < lim && e - v < 6 && d->toks[e].kind == SLANT_TOK_WORD && !is_speech_verb(d, e)) e++;
    return role_in(d, v, e);
}

static attrib descr(span role) {
    attrib a = {ATTR_DESCR, {0, 0}, 0, role};
    return a;
}

static attrib attr_name(const slant_doc *d, span s) {
    attrib a = {ATTR_NONE, {0, 0}, 0, {0, 0}};
    if (s.e <= s.b) return a;
    span t = strip_titles(d, s);
    if (t.e <= t.b) return a;
    a.kind = ATTR_NAME;
    a.name = t;
    return a;
}

/* Subject of the speech verb at v (searching back to lo): a name or pronoun
 * right before it (adverbs allowed between). */
static attrib subject_before(const slant_doc *d, size_t v, size_t lo) {
    attrib a = {ATTR_NONE, {0, 0}, 0, {0, 0}};
    size_t k = v;
    int skipped = 0;
    while (k > lo && skipped < 3 && d->toks[k - 1].kind == SLANT_TOK_WORD &&
           !(d->toks[k - 1].flags & SLANT_TF_CAPITALIZED) && IN_LIST(d, k - 1, soft_adverbs)) {
        k--;
        skipped++;
    }
    if (k > lo && is_pronoun(d, k - 1)) {
        a.kind = ATTR_PRONOUN;
        a.where = k - 1;
        return a;
    }
    span s = name_backward(d, k, lo);
    if (s.e <= s.b) return a;
    if (s.b > lo && d->toks[s.b - 1].kind == SLANT_TOK_WORD && IN_LIST(d, s.b - 1, pre_object))
        return a; /* "at the Forum talked": an object, not the subject */
    return attr_name(d, s);
}

/* The name that opens the sentence starting at b (its subject, usually). */
static attrib sentence_subject(const slant_doc *d, size_t b, size_t e) {
    attrib a = {ATTR_NONE, {0, 0}, 0, {0, 0}};
    for (int skip = 0; skip < 4 && b < e && d->toks[b].kind == SLANT_TOK_QUOTE; skip++) b++;
    if (b < e && is_pronoun(d, b)) {
        a.kind = ATTR_PRONOUN;
        a.where = b;
        return a;
    }
    return attr_name(d, name_forward(d, b, e));
}

/* A: attribution after the closing mark at c, up to lim. */
static attrib attrib_after(const slant_doc *d, size_t c, size_t lim) {
    attrib a = {ATTR_NONE, {0, 0}, 0, {0, 0}};
    size_t j = c + 1;
    if (j < lim && (is_punct(d, j, ',') || is_punct(d, j, '-'))) j++;
    if (j >= lim) return a;
    if (is_speech_verb(d, j)) { /* "...," said X */
        if (IN_LIST(d, j, addressee_verbs)) return a;
        if (j + 1 < lim && is_pronoun(d, j + 1)) {
            a.kind = ATTR_PRONOUN;
            a.where = j + 1;
            return a;
        }
        a = attr_name(d, name_forward(d, j + 1, lim));
        if (!a.kind) a = descr(role_after(d, j + 1, lim)); /* "...," said the official */
        return a;
    }
    /* "...," X said / "...," Kremlin spokesman Dmitry Peskov told reporters /
     * "...," the official added: a speech verb within a few words, and its subject */
    for (size_t m = j; m < lim && m < j + 10; m++) {
        const slant_token *t = &d->toks[m];
        if (t->kind == SLANT_TOK_QUOTE || t->kind == SLANT_TOK_PUNCT) break;
        if (!is_speech_verb(d, m)) continue;
        if (m == j) break;
        a = subject_before(d, m, j);
        if (!a.kind) a = descr(role_in(d, j, m)); /* "...," the prime minister said */
        return a;
    }
    span s = name_forward(d, j, lim);
    if (s.e > s.b) {
        size_t k = s.e;
        if (k < lim && is_punct(d, k, ',')) { /* X, a senior fellow at ..., said */
            for (size_t m = k + 1; m + 1 < lim && m < k + 30; m++) {
                if (d->toks[m].kind == SLANT_TOK_QUOTE) break;
                if (is_punct(d, m, ',') && is_speech_verb(d, m + 1)) return attr_name(d, s);
            }
        }
    }
    /* ..., according to X */
    for (size_t m = j; m + 2 < lim && m < j + 12; m++) {
        if (d->toks[m].kind == SLANT_TOK_QUOTE) break;
        if (tnorm_is(d, m, "according") && tnorm_is(d, m + 1, "to")) {
            size_t n0 = m + 2;
            if (n0 < lim && tnorm_is(d, n0, "the")) n0++;
            return attr_name(d, name_forward(d, n0, lim));
        }
    }
    return a;
}

/* B: attribution before the opening mark at o, back to lo. */
static attrib attrib_before(const slant_doc *d, size_t o, size_t lo, size_t sent_b, size_t sent_e) {
    attrib a = {ATTR_NONE, {0, 0}, 0, {0, 0}};
    size_t lim = o > lo + WINDOW ? o - WINDOW : lo;
    for (size_t v = o; v > lim; v--) {
        size_t k = v - 1;
        const slant_token *t = &d->toks[k];
        if (t->kind == SLANT_TOK_QUOTE && (t->flags & (SLANT_TF_QUOTE_OPEN | SLANT_TF_QUOTE_CLOSE))) break;
        if (tnorm_is(d, k, "according") && k + 1 < o && tnorm_is(d, k + 1, "to")) {
            size_t n0 = k + 2;
            if (n0 < o && tnorm_is(d, n0, "the")) n0++;
            return attr_name(d, name_forward(d, n0, o));
        }
        if (!is_speech_verb(d, k)) continue;
        a = subject_before(d, k, lo);
        if (a.kind) return a;
        if (!IN_LIST(d, k, addressee_verbs)) { /* said X: "..." */
            span s = name_forward(d, k + 1, o);
            if (s.e > s.b && s.e < o && (is_punct(d, s.e, ':') || is_punct(d, s.e, ','))) return attr_name(d, s);
        }
        /* a verb without an adjacent subject: the name opening the sentence,
         * or a role right before the verb or opening the sentence */
        a = sentence_subject(d, sent_b, sent_e < o ? sent_e : o);
        if (a.kind) return a;
        span r = role_before(d, k, lo);
        if (r.e == r.b) {
            size_t e2 = sent_b;
            while (e2 < k && e2 - sent_b < 6 && d->toks[e2].kind == SLANT_TOK_WORD) e2++;
            while (e2 > sent_b && !IN_LIST(d, e2 - 1, titles)) e2--;
            r = role_in(d, sent_b, e2);
        }
        return descr(r);
    }
    return a;
}

/* "Japan" and "Japanese", "Russia" and "Russian": a country and its
 * adjective share their first letters (at least 4, or the whole shorter). */
static int same_stem(const slant_doc *d, size_t a, size_t b) {
    const char *x = tnorm(d, a), *y = tnorm(d, b);
    size_t n = 0;
    while (x[n] && x[n] == y[n]) n++;
    size_t la = d->toks[a].norm_len, lb = d->toks[b].norm_len;
    return n >= 4 || (n >= 3 && (n == la || n == lb));
}

/* The named holder of a role: the name right after the role's title words
 * (and its qualifier, if it has one) elsewhere in the text: "the Japanese
 * prime minister" -> "Japanese Prime Minister Shinzo Abe" -> Shinzo Abe. The
 * last such name before token `before`, else the first after it. One pass
 * of hash compares; callers cap how often it runs per document. */
static span resolve_role(const slant_doc *d, span role, size_t before) {
    span best = {0, 0};
    size_t tb = role.e;
    while (tb > role.b && IN_LIST(d, tb - 1, titles)) tb--;
    size_t nt = role.e - tb;
    int has_qualifier = tb > role.b;
    uint64_t last_h = d->toks[role.e - 1].hash;
    for (size_t k = nt - 1; k + 1 < d->ntoks; k++) {
        if (d->toks[k].hash != last_h || (k >= role.b && k < role.e)) continue;
        /* "Prime Minister Shinzo Abe" or "Prime Minister of Japan Shinzo Abe" */
        size_t name_at = k + 1, country = 0;
        if (tnorm_is(d, k + 1, "of") && k + 3 < d->ntoks && name_token(d, k + 2)) {
            country = k + 2;
            name_at = k + 3;
        }
        if (!name_token(d, name_at)) continue;
        size_t start = k + 1 - nt;
        int ok = 1;
        for (size_t m = 0; m < nt && ok; m++) ok = d->toks[start + m].hash == d->toks[tb + m].hash;
        if (!ok) continue;
        if (has_qualifier && !(start > 0 && d->toks[start - 1].hash == d->toks[tb - 1].hash) &&
            !(country && same_stem(d, country, tb - 1)))
            continue;
        span nm = strip_titles(d, name_forward(d, name_at, d->ntoks));
        if (nm.e <= nm.b) continue;
        if (k < before) {
            best = nm;
        } else {
            if (best.e == best.b) best = nm;
            break;
        }
    }
    return best;
}

/* ------------------------------------------------------------------ */
/* quotation marks                                                    */

enum { ROLE_NONE = 0, ROLE_OPEN, ROLE_CLOSE, ROLE_AMBIG };
enum { MARK_DOUBLE = 1, MARK_SINGLE = 2 };

static int mark_family(int32_t cp) {
    switch (cp) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x301D: case 0x301E: case 0x301F:
    case 0xFF02:
        return MARK_DOUBLE;
    case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
    case 0xFF07:
        return MARK_SINGLE;
    default:
        return 0;
    }
}

/* What the characters around the mark at i say: opening position = space or
 * bracket before and a word after; closing = word or punctuation before and
 * a space or punctuation after. */
static int position_role(const slant_doc *d, size_t i) {
    const slant_token *t = &d->toks[i];
    int left_open = i == 0 || d->toks[i - 1].end < t->start;
    if (!left_open) {
        const slant_token *p = &d->toks[i - 1];
        if (p->kind == SLANT_TOK_PUNCT) {
            char c = tnorm(d, i - 1)[0];
            left_open = c == '(' || c == '[' || c == '{' || c == '-';
        } else if (p->kind == SLANT_TOK_QUOTE) {
            left_open = (p->flags & SLANT_TF_QUOTE_OPEN) != 0;
        }
    }
    int right_open = i + 1 >= d->ntoks || d->toks[i + 1].start > t->end;
    int right_word = 0;
    if (!right_open) {
        const slant_token *n = &d->toks[i + 1];
        if (n->kind == SLANT_TOK_PUNCT) {
            char c = tnorm(d, i + 1)[0];
            right_open = !(c == '(' || c == '[' || c == '-');
            right_word = !right_open;
        } else if (n->kind == SLANT_TOK_QUOTE) {
            right_open = 1; /* ' ” */
        } else {
            right_word = 1;
        }
    }
    if (left_open && right_word) return ROLE_OPEN;
    if (!left_open && right_open) return ROLE_CLOSE;
    return ROLE_AMBIG;
}

static int double_role(const slant_doc *d, size_t i, int32_t cp) {
    switch (cp) {
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB: case 0x300C: case 0x300E: case 0x301D:
        return ROLE_OPEN;
    case 0x201D: case 0x00BB: case 0x300D: case 0x300F: case 0x301E: case 0x301F:
        return ROLE_CLOSE;
    default:
        return position_role(d, i);
    }
}

typedef struct qlist {
    slant_quote *q;
    size_t n, cap;
} qlist;

static void qlist_push(qlist *l, size_t ob, size_t ib, size_t ie, size_t ce, const slant_doc *d,
                       int unclosed) {
    /* ob: first token of the span (the opening mark, or the paragraph start);
     * [ib, ie): tokens inside; ce: last token of the span (inclusive) */
    if (ie <= ib) return; /* nothing between the marks */
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->q = slant_xrealloc(l->q, l->cap * sizeof *l->q);
    }
    slant_quote *q = &l->q[l->n++];
    q->start = d->toks[ob].start;
    q->end = d->toks[ce].end;
    q->tok_begin = (uint32_t)ib;
    q->tok_end = (uint32_t)ie;
    q->speaker = -1;
    q->unclosed = (uint8_t)(unclosed != 0);
}

/* Quotation marks of the document in order, found in one pass; pairing
 * then works on this short list, not on every token. */
typedef struct mark {
    uint32_t tok;
    uint32_t para;
    int32_t cp;
    uint8_t family;
} mark;

typedef struct marks {
    mark *m;
    size_t n, cap;
    uint32_t *para_start; /* first token of each paragraph, then ntoks */
    size_t npara;
} marks;

static int is_straight(int32_t cp) { return cp == '"' || cp == 0xFF02; }

/* Pair double marks (rules in the top comment). */
static void find_double(slant_doc *d, const marks *mk, qlist *out) {
    long open = -1;         /* token of the open quotation's opening mark */
    uint32_t open_para = 0; /* paragraph the open quotation has reached */
    long seen_para = -1;    /* paragraph of the last double mark handled */
    for (size_t x = 0; x < mk->n; x++) {
        const mark *mx = &mk->m[x];
        if (mx->family != MARK_DOUBLE) continue;
        size_t k = mx->tok;
        uint32_t p = mx->para;
        int role = double_role(d, k, mx->cp);
        if (open >= 0 && p != open_para) {
            /* the open quotation reached the end of its paragraph */
            if (p == open_para + 1 && k == mk->para_start[p] && role != ROLE_CLOSE) {
                /* newswire: the next paragraph opens with a mark, absorbed */
                d->toks[k].flags |= SLANT_TF_QUOTE_OPEN;
                open_para = p;
                seen_para = p;
                continue;
            }
            if (p - open_para <= 4 && role == ROLE_CLOSE) {
                /* up to 3 paragraphs without double marks, then one whose
                 * first mark closes: the capture dropped the repeated marks */
                d->toks[k].flags |= SLANT_TF_QUOTE_CLOSE;
                qlist_push(out, (size_t)open, (size_t)open + 1, k, k, d, 0);
                open = -1;
                seen_para = p;
                continue;
            }
            size_t pe = mk->para_start[open_para + 1];
            qlist_push(out, (size_t)open, (size_t)open + 1, pe, pe - 1, d, 1);
            open = -1;
        }
        size_t pb = mk->para_start[p];
        int seen_mark = seen_para == (long)p;
        seen_para = p;
        if (open < 0) {
            if (role == ROLE_CLOSE && !is_straight(mx->cp)) {
                /* a curly closing mark that closes nothing: when it is the
                 * paragraph's first mark the opening mark was lost, and the
                 * quotation starts with the paragraph */
                if (!seen_mark && k > pb) {
                    d->toks[k].flags |= SLANT_TF_QUOTE_CLOSE;
                    qlist_push(out, pb, pb, k, k, d, 1);
                }
            } else if (role != ROLE_CLOSE) {
                open = (long)k;
                open_para = p;
                d->toks[k].flags |= SLANT_TF_QUOTE_OPEN;
            } else {
                /* a straight mark in closing position that closes nothing:
                 * it opens when another double mark follows in the paragraph */
                size_t y = x + 1;
                while (y < mk->n && mk->m[y].family != MARK_DOUBLE) y++;
                if (y < mk->n && mk->m[y].para == p) {
                    open = (long)k;
                    open_para = p;
                    d->toks[k].flags |= SLANT_TF_QUOTE_OPEN;
                } else if (!seen_mark && k > pb) {
                    d->toks[k].flags |= SLANT_TF_QUOTE_CLOSE;
                    qlist_push(out, pb, pb, k, k, d, 1);
                }
            }
        } else if (role == ROLE_OPEN && !is_straight(mx->cp)) {
            /* not nested: the open quotation lost its closing mark */
            qlist_push(out, (size_t)open, (size_t)open + 1, k, k - 1, d, 1);
            open = (long)k;
            open_para = p;
            d->toks[k].flags |= SLANT_TF_QUOTE_OPEN;
        } else {
            d->toks[k].flags |= SLANT_TF_QUOTE_CLOSE;
            qlist_push(out, (size_t)open, (size_t)open + 1, k, k, d, 0);
            open = -1;
        }
    }
    if (open >= 0) {
        size_t pe = mk->para_start[open_para + 1];
        qlist_push(out, (size_t)open, (size_t)open + 1, pe, pe - 1, d, 1);
    }
}

/* Pair single marks inside each stretch between paired double marks within a
 * paragraph, with a small stack. Top-level pairs (outside double quotes,
 * given as the sorted list dq) are quotations; the rest only get flags.
 * Marks that close nothing, or are never closed, are apostrophes. */
static void find_single(slant_doc *d, const marks *mk, const qlist *dq, qlist *out) {
    enum { DEPTH = 16 };
    size_t stack[DEPTH];
    int depth = 0;
    uint32_t para = 0;
    size_t qi = 0; /* first double quotation not ending before the mark */
    for (size_t x = 0; x <= mk->n; x++) {
        const mark *mx = x < mk->n ? &mk->m[x] : NULL;
        int cut = !mx || mx->para != para ||
                  (mx->family == MARK_DOUBLE &&
                   (d->toks[mx->tok].flags & (SLANT_TF_QUOTE_OPEN | SLANT_TF_QUOTE_CLOSE)));
        if (cut) {
            while (depth > 0) d->toks[stack[--depth]].kind = SLANT_TOK_PUNCT; /* never closed */
            if (!mx) break;
            para = mx->para;
        }
        if (mx->family != MARK_SINGLE) continue;
        size_t k = mx->tok;
        int pos = position_role(d, k);
        int role;
        switch (mx->cp) {
        case 0x2018: case 0x201A: case 0x201B: case 0x2039:
            role = pos == ROLE_OPEN || pos == ROLE_AMBIG ? ROLE_OPEN : ROLE_NONE;
            break;
        case 0x2019: case 0x203A:
            role = pos == ROLE_CLOSE ? ROLE_CLOSE : ROLE_NONE;
            break;
        default:
            role = pos == ROLE_OPEN ? ROLE_OPEN : pos == ROLE_CLOSE ? ROLE_CLOSE : ROLE_NONE;
            break;
        }
        if (role == ROLE_OPEN && depth < DEPTH) {
            stack[depth++] = k;
        } else if (role == ROLE_CLOSE && depth > 0) {
            size_t o = stack[--depth];
            d->toks[o].flags |= SLANT_TF_QUOTE_OPEN;
            d->toks[k].flags |= SLANT_TF_QUOTE_CLOSE;
            if (depth == 0 && k > o + 1) {
                while (qi < dq->n && dq->q[qi].tok_end <= o) qi++;
                int inside = qi < dq->n && dq->q[qi].tok_begin <= o;
                if (!inside) qlist_push(out, o, o + 1, k, k, d, 0);
            }
        } else {
            d->toks[k].kind = SLANT_TOK_PUNCT; /* an apostrophe: countries’ , the 70s' */
        }
    }
}

static int sorted_quotes(const qlist *l) {
    for (size_t i = 1; i < l->n; i++)
        if (l->q[i].start < l->q[i - 1].start) return 0;
    return 1;
}

static int cmp_quote(const void *a, const void *b) {
    const slant_quote *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Sentence index containing token i (binary search over sentences). */
static size_t sentence_of(const slant_doc *d, size_t i) {
    /* the last sentence starting at or before i; the halving step is a
     * conditional move, not a branch (a branch here mispredicted half the
     * time) */
    size_t lo = 0, len = d->nsents;
    while (len > 1) {
        size_t half = len / 2;
        lo = d->sents[lo + half].tok_begin <= i ? lo + half : lo;
        len -= half;
    }
    return lo;
}

/* The pronoun at token p: the one named speaker mentioned in the nearest of
 * the (up to 3) sentences before it that mention any; -2 when two are
 * mentioned there (ambiguous), -1 when none is. keys maps the
 * hash of a speaker's surname (or family name) to speaker + 1, or to
 * UINT32_MAX when two speakers share it. At most PRONOUN_WINDOW tokens are
 * read, so a huge sentence cannot make this quadratic. */
enum { PRONOUN_WINDOW = 400 };
static int32_t resolve_pronoun(const slant_doc *d, size_t p, const slant_u64map *keys) {
    if (!keys || d->nsents == 0) return -1;
    size_t si = sentence_of(d, p);
    size_t lo_s = si >= 3 ? si - 3 : 0;
    size_t budget = PRONOUN_WINDOW;
    for (size_t s = si + 1; s-- > lo_s && budget > 0;) {
        size_t b = d->sents[s].tok_begin, e = s == si ? p : d->sents[s].tok_end;
        if (e - b > budget) b = e - budget;
        budget -= e - b;
        int32_t found = -1;
        int ambiguous = 0;
        for (size_t k = b; k < e; k++) {
            if (!name_token(d, k) || (d->toks[k].flags & SLANT_TF_IN_QUOTE)) continue;
            const uint32_t *v = slant_u64map_get(keys, key_hash(d, k));
            if (!v) continue;
            if (*v == UINT32_MAX || (found >= 0 && found != (int32_t)(*v - 1))) ambiguous = 1;
            else found = (int32_t)(*v - 1);
        }
        if (ambiguous) return -2;
        if (found >= 0) return found;
    }
    return -1;
}

static void add_key(slant_u64map *keys, uint64_t h, int32_t speaker) {
    int inserted = 0;
    uint32_t *v = slant_u64map_upsert(keys, h, (uint32_t)speaker + 1, &inserted);
    if (!inserted && *v != (uint32_t)speaker + 1) *v = UINT32_MAX;
}

void slant_quotes_find(slant_doc *d) {
    pthread_once(&word_classes_once, build_word_classes);
    d->nquotes = 0;
    d->nquoted_words = 0;
    d->nspeakers = 0;
    slant_buf_clear(&d->names);
    if (d->ntoks == 0) return;

    /* earlier results are cleared only on a rerun: a fresh analysis has none */
    if (d->quotes_marked) {
        for (size_t i = 0; i < d->ntoks; i++) {
            d->toks[i].flags &= (uint8_t) ~(SLANT_TF_IN_QUOTE | SLANT_TF_QUOTE_OPEN | SLANT_TF_QUOTE_CLOSE);
            d->toks[i].quote = 0;
        }
    }
    d->quotes_marked = 1;
    if (!d->qscratch) {
        d->qscratch = slant_xcalloc(1, sizeof *d->qscratch);
        d->qscratch_free = slant_quote_scratch_free;
    }
    struct slant_quote_scratch *S = d->qscratch;
    /* paragraph starts (a paragraph always starts a sentence, so the
     * sentences are enough), then the marks from text.c's list of QUOTE
     * tokens: no pass over every token */
    marks mk;
    memset(&mk, 0, sizeof mk);
    if (S->para_cap < d->nparagraphs + 2) {
        S->para_cap = d->nparagraphs + 2;
        S->para_start = slant_xrealloc(S->para_start, S->para_cap * sizeof *S->para_start);
    }
    mk.para_start = S->para_start;
    mk.m = S->m;
    mk.cap = S->mcap;
    for (size_t si = 0; si < d->nsents; si++) {
        uint32_t k = d->sents[si].tok_begin;
        if ((d->toks[k].flags & SLANT_TF_PARA_START) || k == 0) {
            if (mk.npara < d->nparagraphs + 1) mk.para_start[mk.npara++] = k;
        }
    }
    size_t para = 0;
    for (size_t x = 0; x < d->nqmarks; x++) {
        size_t i = d->qmarks[x];
        if (i >= d->ntoks || d->toks[i].kind != SLANT_TOK_QUOTE) continue;
        while (para + 1 < mk.npara && mk.para_start[para + 1] <= i) para++;
        int32_t cp = tok_cp(d, i);
        int fam = mark_family(cp);
        if (!fam) continue;
        if (mk.n == mk.cap) {
            mk.cap = mk.cap ? mk.cap * 2 : 64;
            mk.m = slant_xrealloc(mk.m, mk.cap * sizeof *mk.m);
        }
        mark *m = &mk.m[mk.n++];
        m->tok = (uint32_t)i;
        m->para = (uint32_t)para;
        m->cp = cp;
        m->family = (uint8_t)fam;
    }
    mk.para_start[mk.npara] = (uint32_t)d->ntoks;

    qlist dq = {S->dq, 0, S->dq_cap}, sq = {S->sq, 0, S->sq_cap};
    find_double(d, &mk, &dq);
    find_single(d, &mk, &dq, &sq);
    /* kept for the next document unless one huge document grew them (its
     * peak memory then stays what it was without the scratch) */
    if (mk.cap > SCRATCH_KEEP) {
        free(mk.m);
        mk.m = NULL;
        mk.cap = 0;
    }
    if (S->para_cap > SCRATCH_KEEP) {
        free(S->para_start);
        S->para_start = NULL;
        S->para_cap = 0;
    }
    S->m = mk.m;
    S->mcap = mk.cap;
    /* merge both lists in document order */
    size_t total = dq.n + sq.n;
    if (total > 65535) total = 65535;
    if (d->quotes_cap < total) {
        d->quotes = slant_xrealloc(d->quotes, total * sizeof *d->quotes);
        d->quotes_cap = total;
    }
    size_t n = 0;
    if (total == dq.n + sq.n && sorted_quotes(&dq) && sorted_quotes(&sq)) {
        /* each list is already in document order (pairs of one family never
         * overlap): merge them, the double quotation first on a tie, which is
         * what the stable sort below gives (it was a visible share of this pass) */
        size_t a = 0, b = 0;
        while (a < dq.n || b < sq.n)
            d->quotes[n++] = b == sq.n || (a < dq.n && dq.q[a].start <= sq.q[b].start) ? dq.q[a++] : sq.q[b++];
    } else {
        for (size_t i = 0; i < dq.n && n < total; i++) d->quotes[n++] = dq.q[i];
        for (size_t i = 0; i < sq.n && n < total; i++) d->quotes[n++] = sq.q[i];
        if (n > 1) qsort(d->quotes, n, sizeof *d->quotes, cmp_quote);
    }
    d->nquotes = n;
    S->dq = dq.q;
    S->dq_cap = dq.cap;
    S->sq = sq.q;
    S->sq_cap = sq.cap;
    size_t quoted_words = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = d->quotes[i].tok_begin; k < d->quotes[i].tok_end; k++) {
            slant_token *t = &d->toks[k];
            if (t->quote) continue; /* an enclosing quotation already claimed it */
            t->flags |= SLANT_TF_IN_QUOTE;
            t->quote = (uint16_t)(i + 1);
            quoted_words += t->kind == SLANT_TOK_WORD || t->kind == SLANT_TOK_NUMBER;
        }
    }
    d->nquoted_words = quoted_words;

    /* ---- speakers ---- */
    qctx q;
    memset(&q, 0, sizeof q);
    q.d = d;
    q.s = S;
    q.tmp = S->tmp;
    q.full = S->full;
    q.fullcap = S->fullcap;
    if (S->found_cap < n) {
        S->found_cap = n;
        S->found = slant_xrealloc(S->found, n * sizeof *S->found);
    }
    attrib *found = S->found; /* every entry is written before it is read */
    enum { ROLE_LOOKUPS = 8 }; /* role descriptions resolved per document (one pass each) */
    int role_lookups = 0;
    for (size_t i = 0; i < n; i++) {
        slant_quote *qt = &d->quotes[i];
        size_t o = qt->tok_begin > 0 ? qt->tok_begin - 1 : 0; /* opening mark (or para start) */
        int has_open = qt->tok_begin > 0 && (d->toks[o].flags & SLANT_TF_QUOTE_OPEN) &&
                       d->toks[o].start == qt->start;
        size_t c = qt->tok_end; /* closing mark when closed */
        attrib a = {ATTR_NONE, {0, 0}, 0, {0, 0}};
        if (!qt->unclosed && c < d->ntoks) {
            size_t sc = sentence_of(d, c);
            size_t lim = d->sents[sc].tok_end;
            /* "...?" X asked: the splitter ended the sentence at the mark */
            if (lim == c + 1 && sc + 1 < d->nsents && c > 0 &&
                (is_punct(d, c - 1, '?') || is_punct(d, c - 1, '!')))
                lim = d->sents[sc + 1].tok_end;
            a = attrib_after(d, c, lim);
        }
        size_t first = has_open ? o : qt->tok_begin;
        size_t so = sentence_of(d, first);
        size_t sb = d->sents[so].tok_begin;
        if (!a.kind && has_open) a = attrib_before(d, o, sb, sb, d->sents[so].tok_end);
        if (!a.kind && first == sb && so > 0) {
            /* C: lead-in sentence ending with ':' or without final punctuation */
            const slant_sentence *ps = &d->sents[so - 1];
            if (ps->paragraph + 1 >= d->sents[so].paragraph && ps->tok_end > ps->tok_begin) {
                size_t last = ps->tok_end - 1;
                if (ps->headline || is_punct(d, last, ':') || is_punct(d, last, ',')) {
                    size_t lb = ps->tok_begin;
                    a = attrib_before(d, ps->tok_end, lb, lb, ps->tok_end);
                }
            }
        }
        if (!a.kind && i > 0 && first == sb) {
            /* D: a quotation opening its sentence continues the previous
             * quotation when that one ended in this or the previous sentence */
            const slant_quote *pq = &d->quotes[i - 1];
            size_t pe = pq->tok_end < d->ntoks ? pq->tok_end : d->ntoks - 1;
            size_t ps = sentence_of(d, pe);
            if ((ps == so || ps + 1 == so) && d->sents[ps].paragraph == d->sents[so].paragraph) a = found[i - 1];
        }
        if (a.kind == ATTR_DESCR && a.role.e > a.role.b && role_lookups < ROLE_LOOKUPS) {
            role_lookups++;
            span nm = resolve_role(d, a.role, a.role.b);
            if (nm.e > nm.b) a = attr_name(d, nm);
        }
        found[i] = a;
        if (a.kind == ATTR_NAME) qt->speaker = speaker_for(&q, a.name);
    }
    /* pronouns, in document order: keys are the folded surnames (last word)
     * of the speakers named so far, plus the first word for family-name-first
     * names. A pronoun takes the one speaker mentioned in the sentences just
     * before it; when none is mentioned there, the only speaker named so far
     * (if there has been exactly one). */
    slant_u64map *keys = NULL;
    int32_t only_named = -1;
    int several_named = 0;
    for (size_t i = 0; i < n; i++) {
        if (found[i].kind == ATTR_PRONOUN) {
            int32_t r = resolve_pronoun(d, found[i].where, keys);
            if (r == -1 && !several_named) r = only_named;
            d->quotes[i].speaker = r < 0 ? -1 : r;
            continue;
        }
        if (found[i].kind != ATTR_NAME || d->quotes[i].speaker < 0) continue;
        int32_t sp = d->quotes[i].speaker;
        if (only_named < 0) only_named = sp;
        else if (only_named != sp) several_named = 1;
        if (!keys) keys = scratch_map(&S->keys);
        span sn = found[i].name;
        add_key(keys, key_hash(d, sn.e - 1), sp);
        if (sn.e - sn.b > 1) add_key(keys, key_hash(d, sn.b), sp);
    }
    S->full = q.full;
    S->fullcap = q.fullcap;
    S->tmp = q.tmp;
}

void slant_quote_scratch_free(struct slant_quote_scratch *s) {
    if (!s) return;
    free(s->m);
    free(s->para_start);
    free(s->dq);
    free(s->sq);
    free(s->found);
    free(s->full);
    slant_u64map_free(s->by_name);
    slant_u64map_free(s->by_last);
    slant_u64map_free(s->by_first);
    slant_u64map_free(s->keys);
    slant_buf_free(&s->tmp);
    free(s);
}

size_t slant_sentence_quoted_words(const slant_doc *d, const slant_sentence *s) {
    size_t c = 0;
    for (size_t i = s->tok_begin; i < s->tok_end && i < d->ntoks; i++) {
        const slant_token *t = &d->toks[i];
        c += (t->flags & SLANT_TF_IN_QUOTE) && (t->kind == SLANT_TOK_WORD || t->kind == SLANT_TOK_NUMBER);
    }
    return c;
}

int32_t slant_sentence_speaker(const slant_doc *d, const slant_sentence *s) {
    /* tokens of one quotation are contiguous: count runs */
    uint16_t best = 0, cur = 0;
    size_t best_n = 0, cur_n = 0;
    for (size_t i = s->tok_begin; i < s->tok_end && i < d->ntoks; i++) {
        const slant_token *t = &d->toks[i];
        if (t->quote != cur) {
            if (cur && cur_n > best_n) {
                best = cur;
                best_n = cur_n;
            }
            cur = t->quote;
            cur_n = 0;
        }
        if (cur && (t->kind == SLANT_TOK_WORD || t->kind == SLANT_TOK_NUMBER)) cur_n++;
    }
    if (cur && cur_n > best_n) best = cur;
    if (!best || best > d->nquotes) return -1;
    return d->quotes[best - 1].speaker;
}
