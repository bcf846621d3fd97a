/*
 * runner.c - worker threads over the articles of a corpus.
 *
 * Articles are handed out one at a time by an atomic index, so a few long
 * articles do not leave a thread idle. Each worker owns a pipeline and an
 * aggregate (no locks on the hot path); the first error stops everyone and
 * is reported by article order, so the message does not depend on timing.
 */
#include "slant/runner.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slant/ingest.h"

typedef struct worker {
    pthread_t thread;
    struct shared *sh;
    slant_agg *agg;
    slant_error err;
    size_t err_index; /* article index of the error, SIZE_MAX = none */
} worker;

struct shared {
    const slant_corpus *corpus;
    const slant_scorer *scorer;
    const slant_clean_rules *rules;
    const slant_run_opts *opts;
    atomic_size_t next;
    atomic_size_t done;
    atomic_size_t done_bytes; /* article text read, for the progress line */
    atomic_int failed;
};

static void *work(void *arg) {
    worker *w = arg;
    struct shared *sh = w->sh;
    slant_pipeline p;
    slant_pipeline_init(&p, sh->scorer, sh->rules, &sh->opts->pipeline);
    for (;;) {
        if (atomic_load(&sh->failed)) break;
        size_t i = atomic_fetch_add(&sh->next, 1);
        if (i >= sh->corpus->n) break;
        const slant_article *a = &sh->corpus->articles[i];
        if (slant_pipeline_run(&p, a, &w->err) != 0) {
            w->err_index = i;
            atomic_store(&sh->failed, 1);
            break;
        }
        slant_agg_add_article(w->agg, a, &p.doc, &p.scores, &p.log);
        /* only the progress line reads these: without it, two fewer atomic
         * writes per article to the cache line the workers share */
        if (sh->opts->progress) {
            atomic_fetch_add(&sh->done_bytes, a->text ? a->text_len : p.raw.len);
            atomic_fetch_add(&sh->done, 1);
        }
    }
    slant_pipeline_free(&p);
    return NULL;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int slant_run_corpus(const slant_corpus *c, const slant_scorer *sc, const slant_clean_rules *rules,
                     const slant_run_opts *opts, slant_agg *agg, slant_error *err) {
    int nthreads = opts->threads > 0 ? opts->threads : slant_cpu_count();
    if ((size_t)nthreads > c->n) nthreads = c->n ? (int)c->n : 1;
    struct shared sh;
    sh.corpus = c;
    sh.scorer = sc;
    sh.rules = rules;
    sh.opts = opts;
    atomic_init(&sh.next, 0);
    atomic_init(&sh.done, 0);
    atomic_init(&sh.done_bytes, 0);
    atomic_init(&sh.failed, 0);
    worker *w = slant_xcalloc((size_t)nthreads, sizeof *w);
    int started = 0;
    for (int t = 0; t < nthreads; t++) {
        w[t].sh = &sh;
        w[t].agg = slant_agg_new_like(agg); /* compact when agg is */
        if (opts->spill) slant_agg_spill(w[t].agg);
        w[t].err_index = (size_t)-1;
        slant_error_clear(&w[t].err);
    }
    /* with a progress line even one worker gets its own thread, so this
     * thread is free to draw it */
    if (nthreads == 1 && !opts->progress) {
        work(&w[0]);
        started = 0;
    } else {
        for (int t = 0; t < nthreads; t++) {
            if (pthread_create(&w[t].thread, NULL, work, &w[t]) != 0) break;
            started++;
        }
        if (started == 0) work(&w[0]); /* no threads available: do it here */
    }
    double t0 = now_seconds(), last = t0;
    int drawn = 0;
    if (opts->progress && started > 0) {
        /* nothing for the first second (short runs stay quiet), then twice a second */
        while (atomic_load(&sh.done) < c->n && !atomic_load(&sh.failed)) {
            nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
            double t = now_seconds();
            if (t - t0 < 1.0 || t - last < 0.5) continue;
            last = t;
            size_t done = atomic_load(&sh.done);
            double mb = (double)atomic_load(&sh.done_bytes) / 1e6, rate = done / (t - t0);
            fprintf(stderr, "\rslant: %zu/%zu articles, %.1f MB, %.1f MB/s, about %.0f s left   ", done,
                    c->n, mb, mb / (t - t0), rate > 0 ? (double)(c->n - done) / rate : 0.0);
            drawn = 1;
        }
    }
    for (int t = 0; t < started; t++) pthread_join(w[t].thread, NULL);
    if (drawn) fprintf(stderr, "\r%78s\r", "");
    int rc = 0;
    size_t first = (size_t)-1;
    for (int t = 0; t < nthreads; t++)
        if (w[t].err_index < first) {
            first = w[t].err_index;
            if (err) *err = w[t].err;
            rc = -1;
        }
    for (int t = 0; t < nthreads; t++) {
        if (rc == 0 && slant_agg_merge(agg, w[t].agg, err) != 0) rc = -1;
        slant_agg_free(w[t].agg);
    }
    free(w);
    return rc;
}

/* A stream has no known end: its progress line shows articles, MB and
 * rate, drawn from the scoring loop itself. */
static int run_ingest(struct slant_ingest *in, const slant_scorer *sc, slant_agg *agg, int progress,
                      slant_error *err) {
    double t0 = progress ? now_seconds() : 0, last = t0, bytes = 0;
    size_t done = 0;
    int drawn = 0;
    slant_pipeline p;
    slant_pipeline_opts po = {0, 1}; /* ingest has validated and cleaned already */
    slant_pipeline_init(&p, sc, NULL, &po);
    slant_ingest_item item;
    int r, rc = 0;
    while ((r = slant_ingest_next(in, &item, err)) == 1) {
        const char *name = item.article->path ? item.article->path : item.article->id;
        if (slant_pipeline_score_clean(&p, name, item.text, item.len, err) != 0) {
            rc = -1;
            break;
        }
        slant_agg_add_article(agg, item.article, &p.doc, &p.scores, item.log);
        done++;
        bytes += (double)item.len;
        if (progress && (done & 63) == 0) {
            double t = now_seconds();
            if (t - t0 >= 1.0 && t - last >= 0.5) {
                last = t;
                fprintf(stderr, "\rslant: %zu articles, %.1f MB, %.1f MB/s   ", done, bytes / 1e6,
                        bytes / 1e6 / (t - t0));
                drawn = 1;
            }
        }
    }
    if (drawn) fprintf(stderr, "\r%78s\r", "");
    if (r < 0) rc = -1;
    slant_pipeline_free(&p);
    return rc;
}

int slant_run_ingest(struct slant_ingest *in, const slant_scorer *sc, slant_agg *agg,
                     slant_error *err) {
    return run_ingest(in, sc, agg, 0, err);
}

int slant_is_corpus_path(const char *path) {
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 1;
    size_t n = strlen(path);
    return (n > 4 && strcmp(path + n - 4, ".tsv") == 0) || (n > 5 && strcmp(path + n - 5, ".json") == 0);
}

int slant_run_inputs(char *const *args, size_t nargs, const char *rules_path,
                     const slant_scorer *sc, const slant_run_opts *opts, slant_agg *agg,
                     slant_clean_rules **rules_out, slant_error *err) {
    *rules_out = NULL;
    slant_clean_rules *rules = NULL;
    if (!opts->pipeline.no_clean && slant_clean_rules_open(rules_path, &rules, NULL, err) != 0)
        return -1;
    int rc;
    if (nargs == 1 && slant_is_corpus_path(args[0])) {
        slant_corpus *c;
        if (slant_corpus_open(args[0], &c, err) != 0) {
            slant_clean_rules_free(rules);
            return -1;
        }
        rc = slant_run_corpus(c, sc, rules, opts, agg, err);
        slant_corpus_free(c);
    } else {
        slant_ingest_opts io = {opts->pipeline.lenient, opts->pipeline.no_clean, rules_path};
        slant_ingest *in;
        if (slant_ingest_open(args, nargs, &io, &in, err) != 0) {
            slant_clean_rules_free(rules);
            return -1;
        }
        rc = run_ingest(in, sc, agg, opts->progress, err);
        slant_ingest_free(in);
    }
    if (rc != 0) {
        slant_clean_rules_free(rules);
        return -1;
    }
    *rules_out = rules;
    return 0;
}
