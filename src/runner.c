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
    slant_buf line; /* streaming: the last article's partial line */
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
    /* Streaming partials (opts->stream): articles are taken in id order
     * (order[k] is the k-th smallest id) and their lines written in that
     * order as they complete, so no line goes through a temporary file.
     * With one worker it writes them itself; with more, each puts its line
     * in ring slot k % nring and the calling thread writes the slots in
     * turn, a quarter of the ring at a time; a worker waits while its slot
     * still holds an unwritten line, which bounds memory to nring lines. */
    const size_t *order;
    slant_buf out;       /* lines waiting for one write call */
    int write_failed;
    pthread_mutex_t mu;  /* guards ready, written and the waiting marks */
    pthread_cond_t cv;
    slant_buf *ring;
    unsigned char *ready;
    size_t nring, written;
    int writer_waiting;
    size_t workers_waiting;
};

enum { OUT_CHUNK = 1 << 20 };

static int out_flush(struct shared *sh) {
    FILE *f = sh->opts->stream;
    if (sh->out.len && fwrite(sh->out.data, 1, sh->out.len, f) != sh->out.len) sh->write_failed = 1;
    slant_buf_clear(&sh->out);
    return sh->write_failed ? -1 : 0;
}

static int out_line(struct shared *sh, const slant_buf *line) {
    slant_buf_append(&sh->out, line->data, line->len);
    return sh->out.len >= OUT_CHUNK ? out_flush(sh) : 0;
}

static void stop_all(struct shared *sh) {
    atomic_store(&sh->failed, 1);
    if (sh->ring) {
        pthread_mutex_lock(&sh->mu);
        pthread_cond_broadcast(&sh->cv);
        pthread_mutex_unlock(&sh->mu);
    }
}

/* Lines ready to write from position written on, up to want. */
static size_t ring_run(const struct shared *sh, size_t want) {
    size_t k = 0;
    while (k < want && sh->ready[(sh->written + k) % sh->nring]) k++;
    return k;
}

/* What the writer waits for: a batch of lines in a row, or the last ones.
 * Waking it per line was a futex wake and a context switch per article
 * (4% of score --partial -j 2). */
static size_t ring_want(const struct shared *sh) {
    size_t left = sh->corpus->n - sh->written;
    return left < sh->nring / 4 ? left : sh->nring / 4;
}

/* A worker's line for position k into the ring (swapped, not copied). */
static void ring_put(struct shared *sh, worker *w, size_t k) {
    pthread_mutex_lock(&sh->mu);
    while (k >= sh->written + sh->nring && !atomic_load(&sh->failed)) {
        sh->workers_waiting++;
        pthread_cond_wait(&sh->cv, &sh->mu);
        sh->workers_waiting--;
    }
    if (!atomic_load(&sh->failed)) {
        size_t slot = k % sh->nring;
        slant_buf tmp = sh->ring[slot];
        sh->ring[slot] = w->line;
        w->line = tmp;
        sh->ready[slot] = 1;
        if (sh->writer_waiting && ring_run(sh, ring_want(sh)) == ring_want(sh)) pthread_cond_broadcast(&sh->cv);
    }
    pthread_mutex_unlock(&sh->mu);
}

/* The calling thread's part with several workers: the lines in order, a
 * batch at a time. */
static void ring_write(struct shared *sh, size_t n) {
    while (sh->written < n) {
        pthread_mutex_lock(&sh->mu);
        size_t want = ring_want(sh), have;
        while ((have = ring_run(sh, want)) < want && !atomic_load(&sh->failed)) {
            sh->writer_waiting = 1;
            pthread_cond_wait(&sh->cv, &sh->mu);
            sh->writer_waiting = 0;
        }
        pthread_mutex_unlock(&sh->mu);
        if (have < want) return; /* failed */
        /* these slots are ours until written moves past them */
        for (size_t i = 0; i < have; i++)
            if (out_line(sh, &sh->ring[(sh->written + i) % sh->nring]) != 0) {
                stop_all(sh);
                return;
            }
        pthread_mutex_lock(&sh->mu);
        for (size_t i = 0; i < have; i++) sh->ready[(sh->written + i) % sh->nring] = 0;
        sh->written += have;
        if (sh->workers_waiting) pthread_cond_broadcast(&sh->cv);
        pthread_mutex_unlock(&sh->mu);
    }
}

struct id_at {
    const char *id;
    size_t i;
};

static int by_id(const void *x, const void *y) {
    return strcmp(((const struct id_at *)x)->id, ((const struct id_at *)y)->id);
}

static void *work(void *arg) {
    worker *w = arg;
    struct shared *sh = w->sh;
    slant_pipeline p;
    slant_pipeline_init(&p, sh->scorer, sh->rules, &sh->opts->pipeline);
    for (;;) {
        if (atomic_load(&sh->failed)) break;
        size_t k = atomic_fetch_add(&sh->next, 1);
        if (k >= sh->corpus->n) break;
        size_t i = sh->order ? sh->order[k] : k;
        const slant_article *a = &sh->corpus->articles[i];
        if (slant_pipeline_run(&p, a, &w->err) != 0) {
            w->err_index = i;
            stop_all(sh);
            break;
        }
        slant_agg_add_article(w->agg, a, &p.doc, &p.scores, &p.log);
        if (sh->ring) ring_put(sh, w, k);
        else if (sh->order && out_line(sh, &w->line) != 0) break; /* one worker: in order already */
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

/* owned, when given, is c, freed once the workers are done and before
 * their aggregates are merged (which copies the ids and grows the maps):
 * at 1 GB the corpus's rows are ~120 MB, and the merge was the peak. */
static int run_corpus(const slant_corpus *c, slant_corpus *owned, const slant_scorer *sc,
                      const slant_clean_rules *rules, const slant_run_opts *opts, slant_agg *agg, slant_error *err) {
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
    sh.order = NULL;
    sh.ring = NULL;
    sh.write_failed = 0;
    slant_buf_init(&sh.out);
    /* streaming draws no progress line: the calling thread writes */
    int stream = opts->stream && !opts->progress && c->n > 0;
    size_t *order = NULL;
    if (stream) {
        if (slant_agg_write_head(agg, opts->stream, c->n, opts->stream_name, err) != 0) return -1;
        struct id_at *ids = slant_xmalloc(c->n * sizeof *ids);
        for (size_t i = 0; i < c->n; i++) ids[i] = (struct id_at){c->articles[i].id, i};
        qsort(ids, c->n, sizeof *ids, by_id);
        order = slant_xmalloc(c->n * sizeof *order);
        for (size_t k = 0; k < c->n; k++) order[k] = ids[k].i;
        free(ids);
        sh.order = order;
    }
    worker *w = slant_xcalloc((size_t)nthreads, sizeof *w);
    int started = 0;
    for (int t = 0; t < nthreads; t++) {
        w[t].sh = &sh;
        w[t].agg = slant_agg_new_like(agg); /* compact when agg is */
        slant_buf_init(&w[t].line);
        if (stream) slant_agg_stream(w[t].agg, &w[t].line);
        else if (opts->spill) slant_agg_spill(w[t].agg);
        w[t].err_index = (size_t)-1;
        slant_error_clear(&w[t].err);
    }
    if (stream && nthreads > 1) {
        sh.nring = 64 * (size_t)nthreads; /* ~4 KB a line */
        sh.written = 0;
        sh.writer_waiting = 0;
        sh.workers_waiting = 0;
        sh.ring = slant_xcalloc(sh.nring, sizeof *sh.ring);
        for (size_t i = 0; i < sh.nring; i++) slant_buf_init(&sh.ring[i]);
        sh.ready = slant_xcalloc(sh.nring, 1);
        pthread_mutex_init(&sh.mu, NULL);
        pthread_cond_init(&sh.cv, NULL);
    }
    slant_buf *ring = sh.ring;
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
        if (started == 0) { /* no threads available: do it here */
            sh.ring = NULL; /* and write each line as it comes */
            work(&w[0]);
        }
        if (started > 0 && sh.ring) ring_write(&sh, c->n);
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
    if (stream && out_flush(&sh) != 0)
        rc = slant_error_set(err, opts->stream_name, 0, 0, -1, "write failed (disk full?)");
    size_t first = (size_t)-1;
    for (int t = 0; t < nthreads; t++)
        if (w[t].err_index < first) {
            first = w[t].err_index;
            if (err) *err = w[t].err;
            rc = -1;
        }
    slant_corpus_free(owned); /* the aggregates hold copies of what they keep */
    for (int t = 0; t < nthreads; t++) {
        if (rc == 0 && slant_agg_merge(agg, w[t].agg, err) != 0) rc = -1;
        slant_agg_free(w[t].agg);
        slant_buf_free(&w[t].line);
    }
    if (ring) {
        for (size_t i = 0; i < sh.nring; i++) slant_buf_free(&ring[i]);
        free(ring);
        free(sh.ready);
        pthread_mutex_destroy(&sh.mu);
        pthread_cond_destroy(&sh.cv);
    }
    slant_buf_free(&sh.out);
    free(order);
    free(w);
    return rc;
}

int slant_run_corpus(const slant_corpus *c, const slant_scorer *sc, const slant_clean_rules *rules,
                     const slant_run_opts *opts, slant_agg *agg, slant_error *err) {
    return run_corpus(c, NULL, sc, rules, opts, agg, err);
}

/* ---- streams (JSON Lines, stdin, plain files) ----
 *
 * A stream has no known end and no index to hand out, and its articles are
 * read, checked and cleaned in order by one slant_ingest, whose buffers are
 * reused from article to article. With several threads the calling thread
 * is the reader: it copies each cleaned article into a batch, and workers
 * score whole batches into their own aggregates, merged at the end as in
 * run_corpus, so a stream gives the same bytes on any number of threads.
 * The batches are a fixed set, reused: memory is bounded by them, not by
 * the stream. Its progress line (articles, MB, rate) is drawn by the reader. */

enum { BATCH_ARTICLES = 64, BATCH_BYTES = 1 << 20 };

typedef struct batch_item {
    slant_article art; /* its strings in the batch's arena; text and meta unset */
    const char *text;
    size_t len;
    slant_clean_log log; /* items copied; rule names belong to the ingest's rules */
} batch_item;

typedef struct ingest_batch {
    size_t first; /* run index of items[0] */
    size_t n, bytes;
    batch_item items[BATCH_ARTICLES];
    slant_arena *mem;
} ingest_batch;

struct stream {
    const slant_scorer *scorer;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    ingest_batch **free_list, **full; /* full is a FIFO: batches are scored in any order, taken in order */
    size_t nfree, full_head, nfull, cap;
    int done;       /* the reader has queued its last batch */
    atomic_int failed;
};

typedef struct stream_worker {
    pthread_t thread;
    struct stream *st;
    slant_agg *agg;
    slant_error err;
    size_t err_index; /* run index of the article that failed, SIZE_MAX = none */
} stream_worker;

static const char *arena_str(slant_arena *a, const char *s) {
    return s ? slant_arena_strndup(a, s, strlen(s)) : NULL;
}

/* Copy what scoring and slant_agg_add_article read of an ingest item. */
static void batch_add(ingest_batch *b, const slant_ingest_item *item) {
    batch_item *it = &b->items[b->n++];
    const slant_article *a = item->article;
    memset(&it->art, 0, sizeof it->art);
    char **dst[] = {&it->art.id, &it->art.source, &it->art.story, &it->art.event, &it->art.date,
                    &it->art.title, &it->art.author, &it->art.url, &it->art.file, &it->art.path};
    char *const src[] = {a->id, a->source, a->story, a->event, a->date, a->title, a->author, a->url, a->file, a->path};
    for (size_t k = 0; k < sizeof dst / sizeof dst[0]; k++) *dst[k] = (char *)arena_str(b->mem, src[k]);
    it->art.line = a->line;
    char *text = slant_arena_alloc(b->mem, item->len + 1);
    if (item->len) memcpy(text, item->text, item->len);
    text[item->len] = '\0';
    it->text = text;
    it->len = item->len;
    memset(&it->log, 0, sizeof it->log);
    if (item->log) {
        it->log = *item->log;
        it->log.cap = it->log.n;
        it->log.items = NULL;
        if (item->log->n) {
            it->log.items = slant_arena_alloc(b->mem, item->log->n * sizeof *it->log.items);
            memcpy(it->log.items, item->log->items, item->log->n * sizeof *it->log.items);
        }
    }
    b->bytes += item->len;
}

/* Score one article into agg: the loop body of both the one-thread and
 * the batched run. */
static int score_item(slant_pipeline *p, slant_agg *agg, const slant_article *a, const char *text, size_t len,
                      const slant_clean_log *log, slant_error *err) {
    const char *name = a->path ? a->path : a->id;
    if (slant_pipeline_score_clean(p, name, text, len, err) != 0) return -1;
    slant_agg_add_article(agg, a, &p->doc, &p->scores, log);
    return 0;
}

static void *stream_work(void *arg) {
    stream_worker *w = arg;
    struct stream *st = w->st;
    slant_pipeline p;
    slant_pipeline_opts po = {0, 1}; /* ingest has validated and cleaned already */
    slant_pipeline_init(&p, st->scorer, NULL, &po);
    for (;;) {
        pthread_mutex_lock(&st->mu);
        while (st->nfull == 0 && !st->done && !atomic_load(&st->failed)) pthread_cond_wait(&st->cv, &st->mu);
        /* a batch taken is finished even after a failure elsewhere: it
         * holds only articles before the later failing one's batch, and
         * one of them may fail first */
        ingest_batch *b = NULL;
        if (st->nfull && !atomic_load(&st->failed)) {
            b = st->full[st->full_head];
            st->full_head = (st->full_head + 1) % st->cap;
            st->nfull--;
        }
        pthread_mutex_unlock(&st->mu);
        if (!b) break;
        int ok = 1;
        for (size_t i = 0; i < b->n && ok; i++) {
            batch_item *it = &b->items[i];
            if (score_item(&p, w->agg, &it->art, it->text, it->len, &it->log, &w->err) != 0) {
                w->err_index = b->first + i;
                atomic_store(&st->failed, 1);
                ok = 0;
            }
        }
        pthread_mutex_lock(&st->mu);
        st->free_list[st->nfree++] = b;
        pthread_cond_broadcast(&st->cv);
        pthread_mutex_unlock(&st->mu);
    }
    slant_pipeline_free(&p);
    return NULL;
}

/* The progress line of a stream, at most twice a second after the first. */
typedef struct stream_progress {
    double t0, last, bytes;
    size_t done;
    int on, drawn;
} stream_progress;

static void progress_add(stream_progress *pr, size_t bytes) {
    pr->done++;
    pr->bytes += (double)bytes;
    if (!pr->on || (pr->done & 63) != 0) return;
    double t = now_seconds();
    if (t - pr->t0 >= 1.0 && t - pr->last >= 0.5) {
        pr->last = t;
        fprintf(stderr, "\rslant: %zu articles, %.1f MB, %.1f MB/s   ", pr->done, pr->bytes / 1e6,
                pr->bytes / 1e6 / (t - pr->t0));
        pr->drawn = 1;
    }
}

static int run_ingest_one(struct slant_ingest *in, const slant_scorer *sc, slant_agg *agg, stream_progress *pr,
                          slant_error *err) {
    slant_pipeline p;
    slant_pipeline_opts po = {0, 1};
    slant_pipeline_init(&p, sc, NULL, &po);
    slant_ingest_item item;
    int r, rc = 0;
    while ((r = slant_ingest_next(in, &item, err)) == 1) {
        if (score_item(&p, agg, item.article, item.text, item.len, item.log, err) != 0) {
            rc = -1;
            break;
        }
        progress_add(pr, item.len);
    }
    if (r < 0) rc = -1;
    slant_pipeline_free(&p);
    return rc;
}

/* The reader's side: fill batches and queue them; 1 at the end of the
 * input, 0 when a worker failed, -1 on a read error (err set, *at = the
 * run index it would have had). */
static int stream_read(struct stream *st, struct slant_ingest *in, stream_progress *pr, slant_error *err,
                       size_t *at) {
    size_t index = 0;
    for (;;) {
        pthread_mutex_lock(&st->mu);
        while (st->nfree == 0 && !atomic_load(&st->failed)) pthread_cond_wait(&st->cv, &st->mu);
        ingest_batch *b = atomic_load(&st->failed) ? NULL : st->free_list[--st->nfree];
        pthread_mutex_unlock(&st->mu);
        if (!b) return 0;
        slant_arena_reset(b->mem);
        b->first = index;
        b->n = b->bytes = 0;
        int r = 1;
        slant_ingest_item item;
        while (b->n < BATCH_ARTICLES && b->bytes < BATCH_BYTES && (r = slant_ingest_next(in, &item, err)) == 1) {
            batch_add(b, &item);
            progress_add(pr, item.len);
            index++;
        }
        pthread_mutex_lock(&st->mu);
        if (b->n) {
            st->full[(st->full_head + st->nfull) % st->cap] = b;
            st->nfull++;
        } else
            st->free_list[st->nfree++] = b;
        if (r != 1) st->done = 1;
        pthread_cond_broadcast(&st->cv);
        pthread_mutex_unlock(&st->mu);
        if (r < 0) {
            *at = index;
            return -1;
        }
        if (r == 0) return 1;
    }
}

static int run_ingest(struct slant_ingest *in, const slant_scorer *sc, const slant_run_opts *opts, slant_agg *agg,
                      slant_error *err) {
    stream_progress pr = {0};
    pr.on = opts->progress;
    if (pr.on) pr.t0 = pr.last = now_seconds();
    int nthreads = opts->threads > 0 ? opts->threads : slant_cpu_count();
    int rc;
    if (nthreads <= 1) {
        rc = run_ingest_one(in, sc, agg, &pr, err);
        if (pr.drawn) fprintf(stderr, "\r%78s\r", "");
        return rc;
    }
    struct stream st;
    memset(&st, 0, sizeof st);
    st.scorer = sc;
    atomic_init(&st.failed, 0);
    pthread_mutex_init(&st.mu, NULL);
    pthread_cond_init(&st.cv, NULL);
    st.cap = 2 * (size_t)nthreads + 1; /* every worker busy, one batch each waiting, one being read */
    st.free_list = slant_xmalloc(st.cap * sizeof *st.free_list);
    st.full = slant_xmalloc(st.cap * sizeof *st.full);
    for (size_t i = 0; i < st.cap; i++) {
        ingest_batch *b = slant_xmalloc(sizeof *b);
        b->mem = slant_arena_new(BATCH_BYTES + (1 << 16));
        st.free_list[st.nfree++] = b;
    }
    stream_worker *w = slant_xcalloc((size_t)nthreads, sizeof *w);
    int started = 0;
    for (int t = 0; t < nthreads; t++) {
        w[t].st = &st;
        w[t].agg = slant_agg_new_like(agg);
        if (opts->spill) slant_agg_spill(w[t].agg);
        w[t].err_index = (size_t)-1;
        slant_error_clear(&w[t].err);
    }
    for (int t = 0; t < nthreads; t++) {
        if (pthread_create(&w[t].thread, NULL, stream_work, &w[t]) != 0) break;
        started++;
    }
    size_t read_fail_at = (size_t)-1;
    slant_error read_err;
    slant_error_clear(&read_err);
    if (started == 0) { /* no threads available: read everything here, one article at a time */
        rc = run_ingest_one(in, sc, w[0].agg, &pr, err);
    } else {
        rc = 0;
        if (stream_read(&st, in, &pr, &read_err, &read_fail_at) < 0) rc = -1;
        for (int t = 0; t < started; t++) pthread_join(w[t].thread, NULL);
        /* the first failure in input order, as one thread would report it */
        size_t first = read_fail_at;
        if (rc != 0 && err) *err = read_err;
        for (int t = 0; t < nthreads; t++)
            if (w[t].err_index < first) {
                first = w[t].err_index;
                if (err) *err = w[t].err;
                rc = -1;
            }
    }
    if (pr.drawn) fprintf(stderr, "\r%78s\r", "");
    for (int t = 0; t < nthreads; t++) {
        if (rc == 0 && slant_agg_merge(agg, w[t].agg, err) != 0) rc = -1;
        slant_agg_free(w[t].agg);
    }
    free(w);
    for (size_t i = 0; i < st.nfree; i++) {
        slant_arena_free(st.free_list[i]->mem);
        free(st.free_list[i]);
    }
    for (size_t i = 0; i < st.nfull; i++) { /* left queued after a failure */
        ingest_batch *b = st.full[(st.full_head + i) % st.cap];
        slant_arena_free(b->mem);
        free(b);
    }
    free(st.free_list);
    free(st.full);
    pthread_mutex_destroy(&st.mu);
    pthread_cond_destroy(&st.cv);
    return rc;
}

int slant_run_ingest(struct slant_ingest *in, const slant_scorer *sc, slant_agg *agg,
                     slant_error *err) {
    slant_run_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.threads = 1;
    return run_ingest(in, sc, &opts, agg, err);
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
        rc = run_corpus(c, c, sc, rules, opts, agg, err);
    } else {
        slant_ingest_opts io = {opts->pipeline.lenient, opts->pipeline.no_clean, rules_path};
        slant_ingest *in;
        if (slant_ingest_open(args, nargs, &io, &in, err) != 0) {
            slant_clean_rules_free(rules);
            return -1;
        }
        rc = run_ingest(in, sc, opts, agg, err);
        slant_ingest_free(in);
    }
    if (rc != 0) {
        slant_clean_rules_free(rules);
        return -1;
    }
    *rules_out = rules;
    return 0;
}
