/*
 * eval.h - measuring slant's scores against labelled data.
 *
 * Three tasks, each a reader of one gold format plus pure metric functions
 * (tested on hand-computed examples):
 *   tone    `id<TAB>mean rating<TAB>text` (ratings -4..4, as in VADER's
 *           ground truth): Pearson r with a seeded bootstrap interval,
 *           Spearman rho, 3-class F1 (neutral when |x| < SLANT_NEUTRAL_BAND
 *           on [-1, 1]; the gold mean is divided by 4 first).
 *   stance  NewsMTSC JSON Lines: stance toward the target at character
 *           offsets from/to of sentence_normalized (code points, mapped to
 *           UTF-8 bytes, then to tokens); polarity 2 neg, 4 neu, 6 pos;
 *           macro-F1, per-class precision/recall/F1, confusion matrix.
 *   loaded  JSON Lines {"text", "biased_words": [...], "label"?}: word-level
 *           precision/recall/F1 of loaded-language hits against the marked
 *           words (per sentence, distinct folded words), plus sentence-level
 *           F1 of "has a loaded hit" against label when labels are present.
 *
 * Ownership: results are plain structs; JSON builders return a new jansson
 * reference the caller decrefs.
 */
#ifndef SLANT_EVAL_H
#define SLANT_EVAL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "slant/score.h"
#include "slant/util.h"

enum slant_eval_class { SLANT_EVAL_NEG = 0, SLANT_EVAL_NEU = 1, SLANT_EVAL_POS = 2 };

typedef struct slant_prf {
    double precision, recall, f1; /* 0 when undefined (no predictions / no gold) */
    size_t support;               /* gold items of the class */
} slant_prf;

/* Confusion matrix over neg/neu/pos: m[gold][predicted]. */
typedef struct slant_confusion3 {
    size_t m[3][3];
} slant_confusion3;

/* Class of a value in [-1, 1]: neutral when |x| < band. */
int slant_eval_class_of(double x, double band);
/* Per-class precision/recall/F1, macro-F1 (mean of the three F1) and accuracy. */
void slant_eval_confusion_metrics(const slant_confusion3 *c, slant_prf cls[3], double *macro_f1,
                                  double *accuracy);
/* Precision/recall/F1 from counts. */
slant_prf slant_eval_prf(size_t tp, size_t fp, size_t fn);

typedef struct slant_eval_tone {
    size_t n;
    double pearson_r, pearson_ci_low, pearson_ci_high, spearman_r;
    double f1_3class, accuracy; /* macro-F1 over neg/neu/pos */
    slant_prf cls[3];
    slant_confusion3 confusion;
    size_t bootstrap;
    uint64_t seed;
} slant_eval_tone;

/* Metrics for predictions pred[i] and gold[i], both already on [-1, 1].
 * nboot bootstrap resamples with the given seed (0 resamples: no CI). */
void slant_eval_tone_metrics(const double *pred, const double *gold, size_t n, size_t nboot,
                             uint64_t seed, slant_eval_tone *out);

typedef struct slant_eval_stance {
    size_t n, skipped; /* skipped: targets whose offsets hit no token */
    double macro_f1, accuracy;
    slant_prf cls[3];
    slant_confusion3 confusion;
} slant_eval_stance;

typedef struct slant_eval_loaded {
    size_t n;                /* sentences */
    size_t tp, fp, fn;       /* distinct words per sentence, summed */
    slant_prf words;
    size_t labelled;         /* sentences with a usable label */
    size_t stp, sfp, sfn, stn;
    slant_prf sentences;     /* "biased" as the positive class */
} slant_eval_loaded;

#define SLANT_EVAL_BOOTSTRAP 1000

/* Run a task over a gold file with a scorer. Errors name file and line. */
int slant_eval_tone_file(const slant_scorer *sc, const char *path, uint64_t seed,
                         slant_eval_tone *out, slant_error *err);
int slant_eval_stance_file(const slant_scorer *sc, const char *path, slant_eval_stance *out,
                           slant_error *err);
int slant_eval_loaded_file(const slant_scorer *sc, const char *path, slant_eval_loaded *out,
                           slant_error *err);

/* Byte offset of code point index cp in UTF-8 s[0, n) (n when past the end). */
size_t slant_utf8_cp_to_byte(const char *s, size_t n, size_t cp);

json_t *slant_eval_tone_json(const slant_eval_tone *r);
json_t *slant_eval_stance_json(const slant_eval_stance *r);
json_t *slant_eval_loaded_json(const slant_eval_loaded *r);

#endif
