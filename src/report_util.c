/*
 * report_util.c - what the report renderers share: tolerant accessors into
 * the model, number formatting, escaping, display names, and the one
 * plain-language sentence per test (slant_report_test_sentence).
 *
 * Design: the sentence is generated here, from the test's structured fields,
 * so the analysis (which stores it as `summary`) and the Markdown summary
 * can never word the same result differently.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "slant/report.h"

void rflush(slant_buf *b) {
    rsink *s = (rsink *)(void *)b;
    if (!s->f || b->len < ((size_t)1 << 20)) return;
    if (fwrite(b->data, 1, b->len, s->f) != b->len) s->failed = 1;
    slant_buf_clear(b);
}

const json_t *rj_get(const json_t *obj, const char *key) {
    if (!obj || !json_is_object(obj)) return NULL;
    return json_object_get(obj, key);
}

const char *rj_str(const json_t *obj, const char *key) {
    const json_t *v = rj_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int rj_num_value(const json_t *v, double *out) {
    double d;
    if (json_is_integer(v)) d = (double)json_integer_value(v);
    else if (json_is_real(v)) d = json_real_value(v);
    else return 0;
    if (!isfinite(d)) return 0;
    *out = d;
    return 1;
}

int rj_num(const json_t *obj, const char *key, double *out) { return rj_num_value(rj_get(obj, key), out); }

long long rj_int(const json_t *obj, const char *key) {
    const json_t *v = rj_get(obj, key);
    if (json_is_integer(v)) return (long long)json_integer_value(v);
    double d;
    if (rj_num_value(v, &d) && fabs(d) < 9e18) return (long long)d;
    return 0;
}

int rj_bool(const json_t *obj, const char *key) { return json_is_true(rj_get(obj, key)); }

size_t rj_len(const json_t *arr) { return json_is_array(arr) ? json_array_size(arr) : 0; }

static int cmp_cstr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **rj_sorted_keys(const json_t *obj, size_t *n) {
    *n = 0;
    if (!json_is_object(obj)) return NULL;
    size_t cnt = json_object_size(obj);
    const char **keys = slant_xmalloc((cnt ? cnt : 1) * sizeof *keys);
    const char *k;
    json_t *v;
    /* jansson's iteration macros take a non-const object; nothing is modified */
    json_object_foreach((json_t *)obj, k, v) {
        (void)v;
        keys[(*n)++] = k;
    }
    qsort(keys, *n, sizeof *keys, cmp_cstr);
    return keys;
}

void rfmt_num(slant_buf *b, double v, int sig) {
    if (!isfinite(v)) {
        slant_buf_puts(b, "n/a");
        return;
    }
    size_t at = b->len;
    if (sig == 6) { /* most numbers: report.json's own format, without printf */
        slant_buf_put_g6(b, v);
    } else {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.*g", sig, v);
        slant_buf_puts(b, tmp);
    }
    if (b->len - at == 2 && memcmp(b->data + at, "-0", 2) == 0) {
        b->len = at;
        slant_buf_putc(b, '0');
    }
}

/* |v| rounded to `decimals` places as printf("%.*f") rounds it: to the
 * nearest, ties (exact in binary) to even. 0 when |v| * 10^decimals is too
 * large for this, else 1 and *units (the rounded value times 10^decimals).
 * Why exact: hi + lo is v * 10^decimals exactly (fma gives the product's
 * rounding error), and away from a tie the fraction of hi alone decides,
 * since |lo| is at most half a unit in the last place of hi. */
static int round_fixed(double v, int decimals, uint64_t *units) {
    static const double pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (decimals < 0 || decimals > 6) return 0;
    double a = fabs(v), p = pow10[decimals];
    if (!(a < 1e9)) return 0; /* a * p below 2^52: floor and fraction exact */
    double hi = a * p, lo = fma(a, p, -hi), n = floor(hi), f = hi - n;
    uint64_t u = (uint64_t)n;
    if (f > 0.5 || (f == 0.5 && (lo > 0 || (lo == 0 && (u & 1))))) u++;
    *units = u;
    return 1;
}

void rfmt_fixed(slant_buf *b, double v, int decimals, int typographic) {
    if (!isfinite(v)) {
        slant_buf_puts(b, "n/a");
        return;
    }
    uint64_t u;
    if (round_fixed(v, decimals, &u)) {
        /* "-0.00" is zero: printed without a sign */
        if (signbit(v) && u) slant_buf_puts(b, typographic ? "\xe2\x88\x92" : "-");
        char digits[24];
        int nd = 0;
        do digits[nd++] = (char)('0' + u % 10), u /= 10;
        while (u || nd <= decimals);
        slant_buf_reserve(b, (size_t)nd + 1);
        while (nd > decimals) b->data[b->len++] = digits[--nd];
        if (decimals) b->data[b->len++] = '.';
        while (nd > 0) b->data[b->len++] = digits[--nd];
        b->data[b->len] = '\0';
        return;
    }
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    const char *p = tmp;
    if (p[0] == '-') {
        int zero = 1;
        for (const char *q = p + 1; *q; q++)
            if (*q >= '1' && *q <= '9') zero = 0;
        p++;
        if (!zero) slant_buf_puts(b, typographic ? "\xe2\x88\x92" : "-");
    }
    slant_buf_puts(b, p);
}

void rfmt_int(slant_buf *b, long long v) {
    char tmp[32];
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    int n = 0;
    do tmp[n++] = (char)('0' + m % 10), m /= 10;
    while (m);
    slant_buf_reserve(b, (size_t)n + (size_t)n / 3 + 1);
    if (v < 0) b->data[b->len++] = '-';
    for (int i = n; i-- > 0;) {
        b->data[b->len++] = tmp[i];
        if (i && i % 3 == 0) b->data[b->len++] = ',';
    }
    b->data[b->len] = '\0';
}

void rfmt_p(slant_buf *b, double p) {
    if (!isfinite(p)) slant_buf_puts(b, "n/a");
    else if (p < 0.001) slant_buf_puts(b, "< 0.001");
    else rfmt_num(b, p, 2);
}

/* Ratios read best with few digits: 0.14, 3.1, 429. */
static void rfmt_ratio(slant_buf *b, double v) {
    if (v < 1) rfmt_fixed(b, v, 2, 0);
    else if (v < 10) rfmt_fixed(b, v, 1, 0);
    else rfmt_fixed(b, v, 0, 0);
}

/* The bytes rhtml_escape and rmd_cell replace (each its own bit): the
 * text between them is copied in one run. */
enum { ESC_HTML = 1, ESC_MD = 2 };
static const unsigned char escapes[256] = {
    ['&'] = ESC_HTML | ESC_MD, ['<'] = ESC_HTML | ESC_MD, ['>'] = ESC_HTML | ESC_MD, ['"'] = ESC_HTML,
    ['\''] = ESC_HTML,         [0] = ESC_HTML,             ['|'] = ESC_MD,             ['\n'] = ESC_MD,
    ['\r'] = ESC_MD};

void rhtml_escape(slant_buf *b, const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    slant_buf_reserve(b, n);
    for (;;) {
        const unsigned char *run = p;
        while (p < end && !(escapes[*p] & ESC_HTML)) p++;
        slant_buf_append(b, run, (size_t)(p - run));
        if (p == end) return;
        switch (*p++) {
        case '&': slant_buf_puts(b, "&amp;"); break;
        case '<': slant_buf_puts(b, "&lt;"); break;
        case '>': slant_buf_puts(b, "&gt;"); break;
        case '"': slant_buf_puts(b, "&quot;"); break;
        case '\'': slant_buf_puts(b, "&#39;"); break;
        default: slant_buf_puts(b, "\xef\xbf\xbd"); break; /* NUL */
        }
    }
}

void rmd_cell(slant_buf *b, const char *s) {
    if (!s) return;
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *run = p;
        while (*p && !(escapes[*p] & ESC_MD)) p++;
        slant_buf_append(b, run, (size_t)(p - run));
        switch (*p++) {
        case '\0': return;
        case '|': slant_buf_puts(b, "\\|"); break;
        case '<': slant_buf_puts(b, "&lt;"); break;
        case '>': slant_buf_puts(b, "&gt;"); break;
        case '&': slant_buf_puts(b, "&amp;"); break;
        default: slant_buf_putc(b, ' '); break; /* a newline */
        }
    }
}

void ranchor(slant_buf *b, const char *prefix, const char *id) {
    slant_buf_puts(b, prefix);
    if (!id) return;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                 *p == '-' || *p == '_' || *p == '.';
        slant_buf_putc(b, ok ? (char)*p : '_');
    }
}

const char *rmeasure_noun(const char *m) {
    static const struct {
        const char *key, *noun;
    } names[] = {{"loaded", "loaded language"},
                 {"hedge", "hedges"},
                 {"booster", "boosters"},
                 {"attrib_neutral", "neutral attribution verbs"},
                 {"attrib_loaded", "loaded attribution verbs"},
                 {"tone", "tone"},
                 {"quote_share", "share of quoted words"},
                 {"stance", "stance"},
                 {"frames", "frames"}};
    if (!m) return "?";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].key, m) == 0) return names[i].noun;
    return m;
}

double rconf_percent(const json_t *model) {
    double c;
    if (rj_num(rj_get(model, "method"), "confidence", &c) && c > 0 && c < 1) return c * 100;
    return 95;
}

static void put_interval(slant_buf *b, double lo, double hi, int ratio) {
    if (ratio) {
        rfmt_ratio(b, lo);
        slant_buf_puts(b, "\xe2\x80\x93");
        rfmt_ratio(b, hi);
        return;
    }
    rfmt_fixed(b, lo, 2, 1);
    slant_buf_puts(b, lo < 0 || hi < 0 ? " to " : "\xe2\x80\x93");
    rfmt_fixed(b, hi, 2, 1);
}

/* Split "stance.russia.outlet" into base ("stance"), target ("russia") and voice. */
static void split_measure(const char *m, char *base, char *target, char *voice, size_t cap) {
    base[0] = target[0] = voice[0] = '\0';
    if (!m) return;
    const char *d1 = strchr(m, '.');
    if (!d1) {
        snprintf(base, cap, "%s", m);
        return;
    }
    snprintf(base, cap, "%.*s", (int)(d1 - m), m);
    const char *last = strrchr(m, '.');
    snprintf(voice, cap, "%s", last + 1);
    if (last > d1) snprintf(target, cap, "%.*s", (int)(last - d1 - 1), d1 + 1);
}

static const char *target_label(const json_t *model, const char *target) {
    const json_t *srcs = rj_get(model, "sources");
    for (size_t i = 0; i < rj_len(srcs); i++) {
        const char *l = rj_str(rj_get(rj_get(json_array_get(srcs, i), "stance"), target), "label");
        if (l) return l;
    }
    return target;
}

static void voice_phrase(slant_buf *b, const char *voice) {
    if (strcmp(voice, "outlet") == 0) slant_buf_puts(b, " in its own voice");
    else if (strcmp(voice, "quoted") == 0) slant_buf_puts(b, " in the words it quotes");
}

/* for "A and B do not differ ..." */
static void voice_phrase_pair(slant_buf *b, const char *voice) {
    if (strcmp(voice, "outlet") == 0) slant_buf_puts(b, " in their own voice");
    else if (strcmp(voice, "quoted") == 0) slant_buf_puts(b, " in the words they quote");
}

static void voice_phrase_plural(slant_buf *b, const char *voice) {
    if (strcmp(voice, "outlet") == 0) slant_buf_puts(b, " in the outlets' own voice");
    else if (strcmp(voice, "quoted") == 0) slant_buf_puts(b, " in quoted words");
}

static void p_clause(slant_buf *b, const json_t *t) {
    double p;
    if (rj_num(t, "p_adj", &p)) {
        slant_buf_puts(b, "Holm-adjusted p ");
        if (p >= 0.001) slant_buf_puts(b, "= ");
        rfmt_p(b, p);
    } else if (rj_num(t, "p", &p)) {
        slant_buf_puts(b, "p ");
        if (p >= 0.001) slant_buf_puts(b, "= ");
        rfmt_p(b, p);
    } else {
        slant_buf_puts(b, "p n/a");
    }
}

static void caveat_clause(slant_buf *b, const json_t *t, int significant) {
    if (!significant) return;
    const json_t *tt = rj_get(t, "top_terms");
    const char *top = rj_str(json_array_get(tt, 0), "term");
    if (json_is_false(rj_get(t, "robust")) && top)
        slant_buf_printf(b, ", but it does not survive dropping its top term \xe2\x80\x9c%s\xe2\x80\x9d", top);
    else if (rj_bool(t, "fragile"))
        slant_buf_puts(b, ", but it rests on fewer than three distinct terms");
}

static int sentence_rate_ratio(const json_t *model, const json_t *t, slant_buf *out, const char *a,
                               const char *bname, const char *base, const char *voice, double alpha) {
    const json_t *r = rj_get(t, "ratio");
    if (!r) r = rj_get(t, "effect");
    double rr, lo, hi, p = 1, av, bv;
    int sig = (rj_num(t, "p_adj", &p) || rj_num(t, "p", &p)) && p < alpha;
    const char *noun = rmeasure_noun(base);
    double pct = rconf_percent(model);
    if (rj_num(r, "value", &rr) && rr > 0) {
        int have_ci = rj_num(r, "ci_low", &lo) && rj_num(r, "ci_high", &hi) && lo > 0 && hi > 0;
        if (sig) {
            if (rr < 1) {
                const char *swap = a;
                a = bname, bname = swap;
                rr = 1 / rr;
                double l2 = 1 / hi;
                hi = 1 / lo, lo = l2;
            }
            slant_buf_printf(out, "%s uses %s ", a, noun);
            rfmt_ratio(out, rr);
            slant_buf_printf(out, " times as often as %s", bname);
        } else {
            slant_buf_printf(out, "%s and %s do not differ clearly in %s", a, bname, noun);
        }
        if (sig) voice_phrase(out, voice);
        else voice_phrase_pair(out, voice);
        slant_buf_puts(out, " (");
        if (!sig) {
            slant_buf_puts(out, "rate ratio ");
            rfmt_ratio(out, rr);
            slant_buf_puts(out, ", ");
        }
        if (have_ci) {
            slant_buf_printf(out, "%g%% CI ", pct);
            put_interval(out, lo, hi, 1);
            slant_buf_puts(out, "; ");
        }
        p_clause(out, t);
        slant_buf_puts(out, ")");
        caveat_clause(out, t, sig);
        slant_buf_puts(out, ".");
        return 1;
    }
    if (!rj_num(t, "a_value", &av) || !rj_num(t, "b_value", &bv)) return 0;
    if (av == 0 && bv > 0) {
        const char *swap = a;
        a = bname, bname = swap;
        double s2 = av;
        av = bv, bv = s2;
    }
    slant_buf_printf(out, "%s uses %s at ", a, noun);
    rfmt_fixed(out, av, 1, 0);
    slant_buf_puts(out, " per 1,000 words");
    voice_phrase(out, voice);
    slant_buf_printf(out, " and %s not at all, so the ratio is undefined (", bname);
    p_clause(out, t);
    slant_buf_puts(out, ").");
    return 1;
}

static int sentence_means(const json_t *model, const json_t *t, slant_buf *out, const char *a,
                          const char *bname, const char *base, const char *target, const char *voice,
                          double alpha) {
    double av, bv, p = 1;
    if (!rj_num(t, "a_value", &av) || !rj_num(t, "b_value", &bv)) return 0;
    int sig = (rj_num(t, "p_adj", &p) || rj_num(t, "p", &p)) && p < alpha;
    int valence = strcmp(base, "tone") == 0 || strcmp(base, "stance") == 0;
    slant_buf what;
    slant_buf_init(&what);
    if (strcmp(base, "tone") == 0) slant_buf_puts(&what, "in tone");
    else if (strcmp(base, "stance") == 0) slant_buf_printf(&what, "toward %s", target_label(model, target));
    else slant_buf_printf(&what, "in %s", rmeasure_noun(base));
    if (sig) {
        /* "less positive" when both are positive: 0.00 vs 0.27 is not "more negative" */
        const char *dir = !valence ? (av < bv ? "lower" : "higher")
                          : av < bv ? (av >= 0 ? "less positive" : "more negative")
                                    : (av <= 0 ? "less negative" : "more positive");
        slant_buf_printf(out, "%s is %s %s than %s", a, dir, what.data, bname);
    } else {
        slant_buf_printf(out, "%s and %s do not differ clearly %s", a, bname, what.data);
    }
    slant_buf_free(&what);
    if (sig) voice_phrase(out, voice);
    else voice_phrase_pair(out, voice);
    slant_buf_puts(out, " (mean ");
    rfmt_fixed(out, av, 2, 1);
    slant_buf_puts(out, " vs ");
    rfmt_fixed(out, bv, 2, 1);
    const json_t *d = rj_get(t, "difference");
    double dv, lo, hi;
    if (rj_num(d, "value", &dv)) {
        slant_buf_puts(out, "; difference ");
        rfmt_fixed(out, dv, 2, 1);
        if (rj_num(d, "ci_low", &lo) && rj_num(d, "ci_high", &hi)) {
            slant_buf_printf(out, ", %g%% CI ", rconf_percent(model));
            put_interval(out, lo, hi, 0);
        }
    }
    double es;
    const char *en = rj_str(rj_get(t, "effect"), "name");
    if (en && strcmp(en, "cohens_d") == 0 && rj_num(rj_get(t, "effect"), "value", &es)) {
        slant_buf_puts(out, "; Cohen's d = ");
        rfmt_fixed(out, es, 2, 1);
    }
    slant_buf_puts(out, "; ");
    p_clause(out, t);
    slant_buf_puts(out, ")");
    caveat_clause(out, t, sig);
    slant_buf_puts(out, ".");
    return 1;
}

void rmeasure_label(slant_buf *b, const json_t *model, const char *m) {
    if (!m) return;
    char base[128], target[128], voice[128];
    split_measure(m, base, target, voice, sizeof base);
    if (strcmp(base, "stance") == 0 && target[0]) slant_buf_printf(b, "stance toward %s", target_label(model, target));
    else slant_buf_puts(b, rmeasure_noun(base));
    if (strcmp(voice, "outlet") == 0) slant_buf_puts(b, ", own voice");
    else if (strcmp(voice, "quoted") == 0) slant_buf_puts(b, ", quoted");
}

size_t rsummary_tests(const json_t *model, const json_t ***out) {
    const json_t *tests = rj_get(model, "tests");
    double alpha = 1 - rconf_percent(model) / 100;
    size_t n = 0;
    const json_t **sel = slant_xmalloc((rj_len(tests) + 1) * sizeof *sel);
    /* grouped by measure, measures in order of first appearance, tests in model order */
    for (size_t i = 0; i < rj_len(tests); i++) {
        const char *mi = rj_str(json_array_get(tests, i), "measure");
        int first = 1;
        for (size_t k = 0; k < i && first; k++) {
            const char *mk = rj_str(json_array_get(tests, k), "measure");
            first = !(mi && mk && strcmp(mi, mk) == 0);
        }
        if (!first) continue;
        for (size_t j = i; j < rj_len(tests); j++) {
            const json_t *t = json_array_get(tests, j);
            const char *mj = rj_str(t, "measure"), *kind = rj_str(t, "kind");
            double p;
            if (!(mi == mj || (mi && mj && strcmp(mi, mj) == 0))) continue;
            if (!kind || (strcmp(kind, "rate_ratio") != 0 && strcmp(kind, "welch_t") != 0)) continue;
            if (!rj_num(t, "p_adj", &p) || p >= alpha) continue;
            sel[n++] = t;
        }
    }
    *out = sel;
    return n;
}

int slant_report_test_sentence(const json_t *model, const json_t *t, slant_buf *out) {
    const char *kind = rj_str(t, "kind");
    const char *measure = rj_str(t, "measure");
    if (!kind || !measure) return 0;
    char base[128], target[128], voice[128];
    split_measure(measure, base, target, voice, sizeof base);
    double alpha = 1 - rconf_percent(model) / 100;
    const char *a = rj_str(t, "a"), *b = rj_str(t, "b");
    size_t start = out->len;
    int ok = 0;
    if (strcmp(kind, "rate_ratio") == 0 && a && b) {
        ok = sentence_rate_ratio(model, t, out, a, b, base, voice, alpha);
    } else if ((strcmp(kind, "welch_t") == 0 || strcmp(kind, "mann_whitney") == 0) && a && b) {
        ok = sentence_means(model, t, out, a, b, base, target, voice, alpha);
    } else if (strcmp(kind, "kruskal_wallis") == 0 || strcmp(kind, "chi_square") == 0) {
        double stat, p = 1, df;
        int sig = (rj_num(t, "p_adj", &p) || rj_num(t, "p", &p)) && p < alpha;
        if (!rj_num(t, "statistic", &stat)) return 0;
        size_t k = rj_len(rj_get(t, "groups"));
        if (k) slant_buf_printf(out, "Across %zu sources, ", k);
        else slant_buf_puts(out, "Across the sources, ");
        if (strcmp(base, "stance") == 0) slant_buf_printf(out, "stance toward %s", target_label(model, target));
        else slant_buf_puts(out, rmeasure_noun(base));
        voice_phrase_plural(out, voice);
        slant_buf_printf(out, " %s (%s = ", sig ? "differs" : "does not differ clearly",
                         strcmp(kind, "chi_square") == 0 ? "\xcf\x87\xc2\xb2" : "Kruskal-Wallis H");
        rfmt_num(out, stat, 3);
        if (rj_num(t, "df", &df)) {
            slant_buf_puts(out, ", df = ");
            rfmt_num(out, df, 3);
        }
        slant_buf_puts(out, "; ");
        p_clause(out, t);
        slant_buf_puts(out, ").");
        ok = 1;
    }
    if (!ok && out->data) out->len = start, out->data[start] = '\0';
    return ok;
}
