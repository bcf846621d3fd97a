/*
 * lexicon_suggest.c - `slant lexicon suggest CORPUS --seed-positive F
 * --seed-negative F`: candidate lexicon terms with a polarity estimated by
 * Latent Semantic Scaling (src/lss.c; method in docs/tuning.md).
 *
 * The output is meant to be pasted into a lexicon file and reviewed: every
 * candidate is a commented line `#?term<TAB>category<TAB>weight<TAB># note`,
 * so nothing enters a lexicon until a person removes the `#?`. Terms the
 * loaded lexicons already have in the category are left out: they need no
 * suggestion. Timing goes to standard error, never into the output, so the
 * same corpus and seed always give the same bytes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "slant/lss.h"
#include "slant/tune.h"

typedef struct suggest_ctx {
    slant_lss *lss;
    int pass;
} suggest_ctx;

static int visit(void *ctx, const slant_article *a, const slant_doc *d, slant_error *err) {
    (void)a;
    (void)err;
    suggest_ctx *s = ctx;
    if (s->pass == 1) slant_lss_count(s->lss, d);
    else slant_lss_cooccur(s->lss, d);
    return 0;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seed words: one per line, '#' comments, blank lines ignored. */
static int read_seeds(const char *path, slant_buf *buf, char ***out, size_t *n, slant_error *err) {
    if (slant_read_file(path, buf, 0, err) != 0) return -1;
    char *p = buf->data ? buf->data : (char *)"";
    size_t cap = 16, k = 0;
    char **v = slant_xmalloc(cap * sizeof *v);
    while (*p) {
        char *nl = strchr(p, '\n');
        char *end = nl ? nl : p + strlen(p);
        char *s = p;
        while (s < end && (*s == ' ' || *s == '\t')) s++;
        char *e = end;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
        if (e > s && *s != '#') {
            *e = '\0';
            if (k == cap) v = slant_xrealloc(v, (cap *= 2) * sizeof *v);
            v[k++] = s;
        }
        p = nl ? nl + 1 : end;
    }
    if (k == 0) {
        free(v);
        return slant_error_set(err, path, 0, 0, -1, "no seed words (one word per line, '#' comments)");
    }
    *out = v;
    *n = k;
    return 0;
}

/* Entries the set already has in the category (or below it). */
typedef struct known_terms {
    slant_strmap *exact;
    const char **stems;
    size_t nstems;
} known_terms;

static int in_category(const char *name, const char *cat) {
    size_t n = strlen(cat);
    return strncmp(name, cat, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

static void known_init(known_terms *k, const slant_lexset *set, const char *cat) {
    k->exact = slant_strmap_new(1024);
    k->stems = slant_xmalloc((slant_lexset_entry_count(set) + 1) * sizeof *k->stems);
    k->nstems = 0;
    for (size_t i = 0; i < slant_lexset_entry_count(set); i++) {
        const slant_entry *e = slant_lexset_entry(set, i);
        if (e->ntoks != 1 || !in_category(slant_lexset_category(set, e->category)->name, cat)) continue;
        if (e->flags & SLANT_EF_WILDCARD) k->stems[k->nstems++] = e->norm;
        else slant_strmap_upsert(k->exact, e->norm, strlen(e->norm), slant_hash_bytes(e->norm, strlen(e->norm)), 1, NULL);
    }
}

static int known(const known_terms *k, const char *w) {
    size_t n = strlen(w);
    if (slant_strmap_get(k->exact, w, n, slant_hash_bytes(w, n))) return 1;
    for (size_t i = 0; i < k->nstems; i++)
        if (strncmp(w, k->stems[i], strlen(k->stems[i])) == 0) return 1;
    return 0;
}

typedef struct cand {
    size_t word;
    double score;
} cand;

static int by_score_desc(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return x->word < y->word ? -1 : x->word > y->word;
}

static double round2(double x) { return round(x * 100.0) / 100.0; }

int cmd_lexicon_suggest(int argc, char **argv) {
    cli_lexicons lex = {0};
    const char *corpus_path = NULL, *pos_path = NULL, *neg_path = NULL, *category = "tone";
    const char *format = "text", *stop_path = NULL, *rules_path = NULL;
    unsigned long long top = 30, min_freq = 5, v;
    slant_lss_opts lo;
    slant_lss_opts_default(&lo);
    slant_walk_opts wo = {NULL, 0, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        int r = cli_lexicons_option(&lex, "lexicon", argc, argv, &i);
        if (r < 0) return SLANT_EXIT_USAGE;
        if (r > 0) continue;
        const char **str = strcmp(a, "--seed-positive") == 0 ? &pos_path
                         : strcmp(a, "--seed-negative") == 0 ? &neg_path
                         : strcmp(a, "--category") == 0     ? &category
                         : strcmp(a, "--format") == 0       ? &format
                         : strcmp(a, "--stopwords") == 0    ? &stop_path
                         : strcmp(a, "--rules") == 0        ? &rules_path
                                                            : NULL;
        if (str) {
            if (!val) return cli_usage_error("lexicon", "suggest: %s needs a value", a);
            *str = argv[++i];
            continue;
        }
        if (strcmp(a, "--top") == 0 || strcmp(a, "--vocab") == 0 || strcmp(a, "--dims") == 0 ||
            strcmp(a, "--window") == 0 || strcmp(a, "--min-count") == 0 || strcmp(a, "--seed") == 0 ||
            strcmp(a, "--power-iters") == 0 || strcmp(a, "--min-freq") == 0) {
            if (cli_parse_count("lexicon", a, val, &v)) return SLANT_EXIT_USAGE;
            i++;
            if (strcmp(a, "--top") == 0) top = v;
            else if (strcmp(a, "--min-freq") == 0) min_freq = v;
            else if (strcmp(a, "--vocab") == 0) lo.vocab = (size_t)v;
            else if (strcmp(a, "--dims") == 0) lo.dims = (size_t)v;
            else if (strcmp(a, "--window") == 0) lo.window = (unsigned)(v > 50 ? 50 : v);
            else if (strcmp(a, "--min-count") == 0) lo.min_count = (size_t)v;
            else if (strcmp(a, "--seed") == 0) lo.seed = (uint32_t)v;
            else lo.power_iters = (unsigned)(v > 10 ? 10 : v);
            if ((strcmp(a, "--vocab") == 0 && v < 2) || (strcmp(a, "--dims") == 0 && v < 1) ||
                (strcmp(a, "--window") == 0 && v < 1))
                return cli_usage_error("lexicon", "suggest: %s is too small", a);
        } else if (strcmp(a, "--lenient") == 0) {
            wo.lenient = 1;
        } else if (strcmp(a, "--no-clean") == 0) {
            wo.no_clean = 1;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("lexicon", "suggest: unknown option '%s'", a);
        } else if (corpus_path) {
            return cli_usage_error("lexicon", "suggest: one CORPUS at a time");
        } else {
            corpus_path = a;
        }
    }
    if (!corpus_path) return cli_usage_error("lexicon", "suggest: which CORPUS?");
    if (!pos_path || !neg_path)
        return cli_usage_error("lexicon", "suggest: --seed-positive FILE and --seed-negative FILE are required");
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_usage_error("lexicon", "suggest: --format must be text or json, not '%s'", format);
    const char *dot = strchr(category, '.');
    int family = slant_family_find(category, dot ? (size_t)(dot - category) : strlen(category));
    if (family < 0)
        return cli_usage_error("lexicon", "suggest: --category '%s' does not start with a family (tone, loaded, hedge, ...)", category);
    int polar = family == SLANT_FAM_TONE;

    double t_start = now();
    slant_error err;
    slant_error_clear(&err);
    slant_lexset *set = NULL;
    slant_strmap *stop = NULL;
    slant_corpus *c = NULL;
    slant_clean_rules *rules = NULL;
    slant_lss *lss = NULL;
    slant_buf posbuf, negbuf;
    slant_buf_init(&posbuf);
    slant_buf_init(&negbuf);
    char **pos = NULL, **neg = NULL;
    size_t npos = 0, nneg = 0;
    known_terms kt = {NULL, NULL, 0};
    int rc = read_seeds(pos_path, &posbuf, &pos, &npos, &err);
    if (rc == 0) rc = read_seeds(neg_path, &negbuf, &neg, &nneg, &err);
    if (rc == 0) rc = cli_lexicons_load(&lex, corpus_path, &set, &err);
    if (rc == 0) rc = slant_stopwords_load(stop_path, &stop, &err);
    if (rc == 0) rc = slant_corpus_open(corpus_path, &c, &err);
    if (rc == 0 && !wo.no_clean) {
        char *path = rules_path ? slant_xstrdup(rules_path) : slant_clean_rules_default_path();
        if (path) rc = slant_clean_rules_load(path, &rules, &err);
        free(path);
    }
    double t_read = 0, t_fit0 = 0;
    if (rc == 0) {
        wo.rules = rules;
        lss = slant_lss_new(&lo, stop);
        suggest_ctx sc = {lss, 1};
        rc = slant_corpus_walk(c, &wo, visit, &sc, &err);
        if (rc == 0) {
            slant_lss_freeze(lss);
            sc.pass = 2;
            rc = slant_corpus_walk(c, &wo, visit, &sc, &err);
        }
        t_fit0 = now();
        t_read = t_fit0 - t_start;
    }
    if (rc == 0) rc = slant_lss_fit(lss, &err);
    if (rc == 0) rc = slant_lss_score(lss, (const char *const *)pos, npos, (const char *const *)neg, nneg, &err);
    if (rc == 0) {
        known_init(&kt, set, category);
        const slant_lss_info *info = slant_lss_get_info(lss);
        size_t V = slant_lss_vocab_size(lss);
        /* scale: the mean |polarity| of the seeds, each left out of its own group */
        double seed_abs = 0;
        size_t nseeds = 0, agree[2] = {0, 0}, found[2] = {0, 0};
        for (size_t i = 0; i < V; i++) {
            int s = slant_lss_is_seed(lss, i);
            if (!s) continue;
            double p = slant_lss_polarity(lss, i);
            seed_abs += fabs(p);
            nseeds++;
            found[s < 0]++;
            agree[s < 0] += s > 0 ? p > 0 : p < 0; /* scores on its own side */
        }
        double scale = nseeds && seed_abs > 0 ? seed_abs / (double)nseeds : 1.0;
        cand *cs = slant_xmalloc((V + 1) * sizeof *cs);
        size_t ncs = 0, nknown = 0;
        for (size_t i = 0; i < V; i++) {
            if (slant_lss_is_seed(lss, i) || slant_lss_freq(lss, i) < min_freq) continue;
            if (known(&kt, slant_lss_word(lss, i))) {
                nknown++;
                continue;
            }
            cs[ncs++] = (cand){i, slant_lss_polarity(lss, i)};
        }
        qsort(cs, ncs, sizeof *cs, by_score_desc);
        json_t *root = json_object();
        json_t *method = json_object();
        json_object_set_new(method, "category", json_string(category));
        json_object_set_new(method, "tokens", json_integer((json_int_t)info->tokens));
        json_object_set_new(method, "distinct_words", json_integer((json_int_t)info->distinct));
        json_object_set_new(method, "vocabulary", json_integer((json_int_t)info->vocab));
        json_object_set_new(method, "min_count", json_integer((json_int_t)lo.min_count));
        json_object_set_new(method, "min_freq", json_integer((json_int_t)min_freq));
        json_object_set_new(method, "window", json_integer((json_int_t)lo.window));
        json_object_set_new(method, "ppmi_cells", json_integer((json_int_t)info->nnz));
        json_object_set_new(method, "dims", json_integer((json_int_t)info->dims));
        json_object_set_new(method, "svd", json_string(info->randomized ? "randomized" : "dense"));
        json_object_set_new(method, "power_iterations", json_integer(info->randomized ? (json_int_t)lo.power_iters : 0));
        json_object_set_new(method, "seed", json_integer((json_int_t)lo.seed));
        json_object_set_new(method, "seed_scale", json_real(scale));
        json_object_set_new(method, "already_in_lexicon", json_integer((json_int_t)nknown));
        json_object_set_new(root, "method", method);
        json_t *seeds = json_object();
        for (int side = 0; side < 2; side++) {
            json_t *arr = json_array();
            size_t n = side ? nneg : npos;
            char **list = side ? neg : pos;
            for (size_t i = 0; i < n; i++) {
                long vi = slant_lss_seed_index(lss, side, i);
                json_t *o = json_object();
                json_object_set_new(o, "term", json_string(list[i]));
                json_object_set_new(o, "found", json_boolean(vi >= 0));
                if (vi >= 0) {
                    json_object_set_new(o, "freq", json_integer(slant_lss_freq(lss, (size_t)vi)));
                    json_object_set_new(o, "score", json_real(slant_lss_polarity(lss, (size_t)vi)));
                }
                json_array_append_new(arr, o);
            }
            json_object_set_new(seeds, side ? "negative" : "positive", arr);
        }
        json_object_set_new(root, "seeds", seeds);
        json_t *lists[2] = {json_array(), json_array()};
        for (int side = 0; side < (polar ? 2 : 1); side++) {
            for (size_t r = 0; r < ncs && r < top; r++) {
                const cand *cd = side == 0 ? &cs[r] : &cs[ncs - 1 - r];
                if (side == 0 ? cd->score <= 0 : cd->score >= 0) break;
                double w = polar ? round2(fmax(-1.0, fmin(1.0, 0.5 * cd->score / scale))) : 1.0;
                json_t *o = json_object();
                json_object_set_new(o, "term", json_string(slant_lss_word(lss, cd->word)));
                json_object_set_new(o, "score", json_real(cd->score));
                json_object_set_new(o, "weight", json_real(w));
                json_object_set_new(o, "freq", json_integer(slant_lss_freq(lss, cd->word)));
                /* contexts are cut at character boundaries of validated text;
                 * the fallback only guards against a bug turning into a crash */
                json_t *ex = json_string(slant_lss_context(lss, cd->word));
                json_object_set_new(o, "example", ex ? ex : json_string(""));
                json_array_append_new(lists[side], o);
            }
        }
        json_object_set_new(root, "positive", lists[0]);
        json_object_set_new(root, "negative", lists[1]);
        if (strcmp(format, "json") == 0) {
            char *s = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
            if (!s || fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
                rc = slant_error_set(&err, "", 0, 0, -1, "cannot write to standard output");
            free(s);
        } else {
            printf("# slant lexicon suggest: candidates for '%s' by Latent Semantic Scaling (docs/tuning.md)\n", category);
            printf("# corpus %s: %zu word tokens, %zu distinct words; vocabulary %zu (min count %zu), window +-%u\n",
                   corpus_path, info->tokens, info->distinct, info->vocab, lo.min_count, lo.window);
            printf("# %s SVD, k = %zu, seed %u; %zu PPMI cells\n", info->randomized ? "randomized" : "dense",
                   info->dims, (unsigned)lo.seed, info->nnz);
            printf("# seeds found: %zu of %zu positive (%zu score positive left out of their group), "
                   "%zu of %zu negative (%zu score negative)\n",
                   found[0], npos, agree[0], found[1], nneg, agree[1]);
            printf("# candidates seen at least %llu times; %zu words already in '%s' left out.\n"
                   "# Review every line; remove '#?' to accept it.\n", min_freq, nknown, category);
            if (polar) printf("# weight = 0.5 x score / mean |seed score| (%.4g), so a word as polar as the seeds gets +-0.5\n", scale);
            for (int side = 0; side < (polar ? 2 : 1); side++) {
                printf("\n# %s\n", polar ? (side ? "negative" : "positive") : "closest to the positive seeds");
                size_t j;
                json_t *o;
                json_array_foreach(lists[side], j, o) {
                    printf("#?%s\t%s\t%g\t# LSS %+.4f, freq %lld, e.g. \"%s\"\n",
                           json_string_value(json_object_get(o, "term")), category,
                           json_real_value(json_object_get(o, "weight")),
                           json_real_value(json_object_get(o, "score")),
                           (long long)json_integer_value(json_object_get(o, "freq")),
                           json_string_value(json_object_get(o, "example")));
                }
            }
        }
        if (rc == 0 && fflush(stdout) != 0) rc = slant_error_set(&err, "", 0, 0, -1, "cannot write to standard output");
        json_decref(root);
        free(cs);
        fprintf(stderr,
                "slant: suggest: %zu articles, vocabulary %zu, %zu PPMI cells; reading %.1f s, matrix %.1f s, "
                "%s SVD (k = %zu) %.1f s, total %.1f s\n",
                c->n, info->vocab, info->nnz, t_read, info->seconds_matrix,
                info->randomized ? "randomized" : "dense", info->dims, info->seconds_svd, now() - t_start);
    }
    slant_strmap_free(kt.exact);
    free(kt.stems);
    slant_lss_free(lss);
    slant_clean_rules_free(rules);
    slant_corpus_free(c);
    slant_strmap_free(stop);
    slant_lexset_free(set);
    free(pos);
    free(neg);
    slant_buf_free(&posbuf);
    slant_buf_free(&negbuf);
    return rc == 0 ? SLANT_EXIT_OK : cli_fail(&err);
}
