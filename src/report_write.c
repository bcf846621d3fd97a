/*
 * report_write.c - writing a report folder safely.
 *
 * report.json is rendered first; every other file is rendered from
 * report.json as written (so each figure shown agrees with it to the last
 * digit), read back through a view (report_view.c) that never holds the
 * parts that grow with the corpus whole. Each file is streamed as it is
 * rendered to ".NAME.slant-tmp.PID" in the target folder (same file
 * system, so rename is atomic); only when every temporary file is complete
 * are they renamed into place, report.json last. A failure at any point
 * (rendering or writing) removes every temporary file. Each report file is
 * therefore always either the previous complete version or the new
 * complete one.
 *
 * Threads: report.md, report.html and the CSV tables are independent once
 * report.json is written, so with more than one thread they are rendered
 * at once, each worker through its own view (its own descriptor, small
 * tree and cached elements; the index is shared read-only). A file's bytes
 * never depend on which worker wrote it. report.html alone took longer than
 * all the rest, so the two large files are rendered in pieces (the head,
 * ranges of the lists that grow with the corpus, the tail), each piece a
 * job of its own into a temporary file of its own (".NAME.K.slant-tmp.PID");
 * the worker that finishes a file's last piece appends the others to the
 * first, in order, and removes them.
 *
 * Signals: the temporary paths live in static storage prepared before any
 * file is created, so slant_report_cleanup_temps only calls unlink() and is
 * safe inside a SIGINT/SIGTERM handler.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_internal.h"
#include "slant/report.h"

enum { F_MD = SLANT_CSV_COUNT, F_HTML, F_JSON, F_COUNT };
#define TMP_PATH_MAX 4096

static const char *const file_names[F_COUNT] = {
    "sources.csv", "stance.csv", "frames.csv", "naming.csv", "keyness.csv", "tests.csv", "sentences.csv",
    "report.md",   "report.html", "report.json"};

static char tmp_paths[F_COUNT][TMP_PATH_MAX];
static volatile sig_atomic_t tmp_live[F_COUNT];
/* the pieces of report.md and report.html but their first (which is the
 * file's own temporary file): [file - F_MD][k], k >= 1 */
#define MAX_PIECES 12
static char piece_paths[2][MAX_PIECES][TMP_PATH_MAX];
static volatile sig_atomic_t piece_live[2][MAX_PIECES];

const char *slant_report_csv_name(int table) {
    return table >= 0 && table < SLANT_CSV_COUNT ? file_names[table] : NULL;
}

int slant_report_is_own_file(const char *name) {
    for (int i = 0; i < F_COUNT; i++) {
        size_t n = strlen(file_names[i]);
        if (strcmp(name, file_names[i]) == 0) return 1;
        if (name[0] != '.' || strncmp(name + 1, file_names[i], n) != 0) continue;
        const char *rest = name + 1 + n;
        if (rest[0] == '.' && rest[1] >= '0' && rest[1] <= '9') { /* a piece: ".NAME.K.slant-tmp.PID" */
            rest++;
            while (*rest >= '0' && *rest <= '9') rest++;
        }
        if (strncmp(rest, ".slant-tmp.", 11) == 0) return 1;
    }
    return 0;
}

void slant_report_cleanup_temps(void) {
    for (int i = 0; i < F_COUNT; i++) {
        if (tmp_live[i]) {
            unlink(tmp_paths[i]);
            tmp_live[i] = 0;
        }
    }
    for (int f = 0; f < 2; f++)
        for (int k = 1; k < MAX_PIECES; k++)
            if (piece_live[f][k]) {
                unlink(piece_paths[f][k]);
                piece_live[f][k] = 0;
            }
}

static void on_fatal_signal(int sig) {
    slant_report_cleanup_temps();
    signal(sig, SIG_DFL);
    raise(sig);
}

int slant_report_install_signal_cleanup(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    return 0;
}

/* mkdir -p for the report folder. */
static int make_dirs(const char *dir, slant_error *err) {
    char *p = slant_xstrdup(dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            slant_error_set(err, p, 0, 0, -1, "cannot create folder: %s", strerror(errno));
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = 0;
    if (mkdir(p, 0777) != 0 && errno != EEXIST)
        rc = slant_error_set(err, dir, 0, 0, -1, "cannot create the report folder: %s", strerror(errno));
    free(p);
    return rc;
}

/* A temporary file left by a run that was killed outright (SIGKILL, power
 * loss) is removed once its process is gone; a live writer's is left alone. */
static void remove_stale_temp(const char *dir, const char *name) {
    const char *tag = strstr(name, ".slant-tmp.");
    if (name[0] != '.' || !tag) return;
    char *end;
    long pid = strtol(tag + 11, &end, 10);
    if (*end != '\0' || pid <= 0) return;
    if (pid != (long)getpid() && kill((pid_t)pid, 0) == 0) return;
    if (pid != (long)getpid() && errno != ESRCH) return;
    char *path = slant_path_join(dir, name);
    unlink(path);
    free(path);
}

static int check_folder(const char *dir, int force, slant_error *err) {
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT)
            return slant_error_set(err, dir, 0, 0, -1, "cannot use the report folder: %s; choose another -o folder",
                                   strerror(errno));
        return make_dirs(dir, err);
    }
    if (!S_ISDIR(st.st_mode))
        return slant_error_set(err, dir, 0, 0, -1, "exists and is not a folder; choose another output folder");
    DIR *d = opendir(dir);
    if (!d) return slant_error_set(err, dir, 0, 0, -1, "cannot read the report folder: %s", strerror(errno));
    struct dirent *e;
    int rc = 0;
    size_t foreign = 0;
    char first[256] = "";
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (slant_report_is_own_file(e->d_name)) {
            remove_stale_temp(dir, e->d_name);
            continue;
        }
        if (!foreign) snprintf(first, sizeof first, "%s", e->d_name);
        foreign++;
    }
    closedir(d);
    if (foreign && !force)
        rc = slant_error_set(err, dir, 0, 0, -1,
                             "folder holds %zu file%s that %s not part of a slant report (\"%s\"%s); "
                             "choose an empty or new folder, or pass --force to write the report next to %s",
                             foreign, foreign == 1 ? "" : "s", foreign == 1 ? "is" : "are", first,
                             foreign > 1 ? ", ..." : "", foreign == 1 ? "it" : "them");
    return rc;
}

/* A temporary file being written: every file is streamed to its temporary
 * file as it is rendered (through the sink), so the files that grow with
 * the corpus are never whole in memory. */
typedef struct {
    const char *path; /* NULL: not open */
    volatile sig_atomic_t *live;
    rsink s;
} tempfile;

/* The temporary file of piece k of file i (k = 0: the file's own). */
static const char *temp_path(int i, int k, volatile sig_atomic_t **live) {
    *live = k ? &piece_live[i - F_MD][k] : &tmp_live[i];
    return k ? piece_paths[i - F_MD][k] : tmp_paths[i];
}

static int temp_open(tempfile *t, int i, int k, slant_error *err) {
    volatile sig_atomic_t *live;
    const char *path = temp_path(i, k, &live);
    t->path = NULL;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) return slant_error_set(err, path, 0, 0, -1, "cannot create: %s", strerror(errno));
    *live = 1;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int saved = errno;
        close(fd);
        return slant_error_set(err, path, 0, 0, -1, "cannot write: %s", strerror(saved));
    }
    t->path = path;
    t->live = live;
    t->s = (rsink){{0}, f, 0};
    slant_buf_init(&t->s.b);
    errno = 0;
    return 0;
}

static int write_failed(slant_error *err, const char *path, int e) {
    return slant_error_set(err, path, 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                           strerror(e ? e : EIO));
}

/* Write what the sink still holds, fsync (when `sync`: a piece is synced
 * once joined) and close; rc is the rendering's result (0, or -1 with err
 * already set). */
static int temp_close(tempfile *t, int rc, int sync, slant_error *err) {
    if (!t->path) return rc;
    FILE *f = t->s.f;
    if (rc == 0 && t->s.b.len && fwrite(t->s.b.data, 1, t->s.b.len, f) != t->s.b.len) t->s.failed = 1;
    slant_buf_free(&t->s.b);
    if (rc == 0 && (t->s.failed || fflush(f) != 0)) rc = write_failed(err, t->path, errno);
    if (rc == 0 && sync && fsync(fileno(f)) != 0 && errno != EINVAL && errno != ENOTSUP)
        rc = write_failed(err, t->path, errno);
    if (fclose(f) != 0 && rc == 0) rc = write_failed(err, t->path, errno);
    t->path = NULL;
    return rc;
}

/* report.json, and the index of its lists (recorded as it is written). */
static rindex *write_json_temp(const json_t *model, const slant_report_list *lists, size_t nlists,
                               slant_error *err) {
    tempfile t;
    if (temp_open(&t, F_JSON, 0, err)) return NULL;
    rindex *ix = rindex_new(tmp_paths[F_JSON]);
    int rc = slant_report_render_json_file(model, lists, nlists, t.s.f, tmp_paths[F_JSON], ix, err);
    if (temp_close(&t, rc, 1, err) == 0) return ix;
    rindex_free(ix);
    return NULL;
}

static void release_lists(slant_report_list *lists, size_t nlists) {
    for (size_t i = 0; i < nlists; i++)
        if (lists[i].release) lists[i].release(lists[i].state), lists[i].release = NULL;
}

/* ---- the files rendered from report.json, as jobs of slant_parallel_for ---- */

enum {
    J_WHOLE,      /* a whole file (report.html's job also writes sentences.csv) */
    J_MD_ENDS,    /* report.md's head (piece 0) and tail (its last piece) */
    J_MD_STORIES, /* report.md's stories [lo, hi) */
    J_COVERAGE,   /* the coverage [lo, hi) of report.md and of report.html */
    J_HTML_HEAD,  /* report.html up to the coverage tables */
    J_HTML_TAIL   /* the rest of report.html, and sentences.csv */
};

/* What a job writes: a file, or piece `piece` of one (0: the file's own
 * temporary file, which the others are appended to). */
typedef struct {
    int file, piece; /* file -1: none */
    int rc;          /* a failure to render is the job's first output's */
    slant_error err;
} rout;

typedef struct {
    int kind;
    size_t lo, hi;
    rout out[2];
} rjob;

/* Each worker reads through its own view (opened at its first job). */
typedef struct {
    const rindex *ix;
    rview *views; /* one per worker */
    int *view_open;
    rjob *jobs;
    size_t njobs;
    int pieces[F_COUNT];      /* of each file: 1, or its pieces to join */
    atomic_int left[F_COUNT]; /* outputs of a file in pieces not yet written */
    int join_rc[F_COUNT];
    slant_error join_err[F_COUNT];
} render_jobs;

/* Append pieces 1 .. of file i to its piece 0 in order, removing them,
 * then fsync it. */
static int join_pieces(int i, int pieces, slant_error *err) {
    enum { CHUNK = 1 << 20 };
    int out = open(tmp_paths[i], O_WRONLY | O_APPEND);
    if (out < 0) return write_failed(err, tmp_paths[i], errno);
    char *buf = slant_xmalloc(CHUNK);
    int rc = 0;
    for (int k = 1; k < pieces && rc == 0; k++) {
        volatile sig_atomic_t *live;
        const char *path = temp_path(i, k, &live);
        int in = open(path, O_RDONLY);
        if (in < 0) {
            rc = slant_error_set(err, path, 0, 0, -1, "cannot read back: %s", strerror(errno));
            break;
        }
        for (;;) {
            ssize_t n = read(in, buf, CHUNK);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                rc = slant_error_set(err, path, 0, 0, -1, "cannot read back: %s", strerror(errno));
                break;
            }
            if (n == 0) break;
            for (ssize_t done = 0; done < n && rc == 0;) {
                ssize_t w = write(out, buf + done, (size_t)(n - done));
                if (w < 0 && errno == EINTR) continue;
                if (w <= 0) rc = write_failed(err, tmp_paths[i], w < 0 ? errno : EIO);
                else done += w;
            }
            if (rc) break;
        }
        close(in);
        if (rc == 0 && unlink(path) == 0) *live = 0;
    }
    free(buf);
    if (rc == 0 && fsync(out) != 0 && errno != EINVAL && errno != ENOTSUP) rc = write_failed(err, tmp_paths[i], errno);
    if (close(out) != 0 && rc == 0) rc = write_failed(err, tmp_paths[i], errno);
    return rc;
}

static int render_piece(rview *v, const rjob *jb, rsink *s, rsink *s2, slant_error *err) {
    switch (jb->kind) {
    case J_MD_ENDS: return rrender_md_ends(v, s, s2, err);
    case J_MD_STORIES: return rrender_md_stories(v, jb->lo, jb->hi, s, err);
    case J_COVERAGE: return rrender_coverage(v, jb->lo, jb->hi, s, s2, err);
    case J_HTML_HEAD: return rrender_html_part(v, RH_HEAD, s, NULL, err);
    case J_HTML_TAIL: return rrender_html_part(v, RH_TAIL, s, s2, err);
    default:
        return jb->out[0].file == F_MD     ? rrender_md(v, s, err)
               : jb->out[0].file == F_HTML ? rrender_html(v, s, s2, err)
                                           : rrender_csv(v, jb->out[0].file, s, err);
    }
}

static int render_job(void *arg, size_t k, int worker) {
    render_jobs *j = arg;
    rjob *jb = &j->jobs[k];
    rout *o = jb->out;
    rview *v = &j->views[worker];
    if (!j->view_open[worker]) {
        if (rview_open(v, j->ix, &o[0].err)) return o[0].rc = -1;
        j->view_open[worker] = 1;
    }
    tempfile t[2] = {{0}, {0}};
    int opened = 1, rc = 0;
    for (int n = 0; n < 2 && opened; n++)
        if (o[n].file >= 0 && temp_open(&t[n], o[n].file, o[n].piece, &o[n].err)) o[n].rc = -1, opened = 0;
    if (opened) {
        rc = render_piece(v, jb, &t[0].s, &t[1].s, &o[0].err);
        if (rc == 0 && v->failed) o[0].err = v->err, rc = -1;
        o[0].rc = rc;
    }
    /* a whole file is synced here, a piece once joined; after a failure the files are only closed */
    for (int n = 0; n < 2; n++)
        if (t[n].path) {
            int r = temp_close(&t[n], opened && rc == 0 ? 0 : -1, j->pieces[o[n].file] == 1, &o[n].err);
            if (opened && rc == 0) o[n].rc = r;
        }
    for (int n = 0; n < 2; n++)
        if (o[n].rc) return -1;
    /* the job that writes the last output of a file in pieces joins them */
    for (int n = 0; n < 2; n++) {
        int f = o[n].file;
        if (f < 0 || j->pieces[f] == 1 || atomic_fetch_sub(&j->left[f], 1) != 1) continue;
        if ((j->join_rc[f] = join_pieces(f, j->pieces[f], &j->join_err[f]))) return -1;
    }
    return 0;
}

static void add_job(render_jobs *j, int kind, size_t lo, size_t hi, int file, int piece, int file2, int piece2) {
    rjob *jb = &j->jobs[j->njobs++];
    *jb = (rjob){.kind = kind, .lo = lo, .hi = hi};
    jb->out[0] = (rout){.file = file, .piece = piece};
    jb->out[1] = (rout){.file = file2, .piece = piece2};
}

/* The pieces of report.md and report.html for `threads` workers, and the
 * jobs in the order they are started: the longest first (report.html's
 * tail, with the articles and sentences.csv, is the longest that cannot be
 * cut), then the ranges of the lists, which fill in around it, then the
 * small tables. Each list is cut in ranges of at least MIN_PIECE bytes of
 * report.json; with no coverage worth cutting each file is one job. The
 * coverage tables of both files are rendered by one job per range: each
 * element is the largest to read, and is then read once. */
static void plan_jobs(render_jobs *j, int threads) {
    enum { MIN_PIECE = 64 << 10, CSV = SLANT_CSV_SENTENCES };
    static const int tables[] = {SLANT_CSV_SOURCES, SLANT_CSV_STANCE, SLANT_CSV_FRAMES,
                                 SLANT_CSV_NAMING,  SLANT_CSV_KEYNESS, SLANT_CSV_TESTS};
    /* report.md has 2 + nst + ncov pieces, report.html 2 + ncov */
    size_t cov[MAX_PIECES / 2], st[MAX_PIECES / 2], ncov, nst = 0, t = (size_t)threads;
    ncov = rindex_split(j->ix, RL_COVERAGE, 2 * t < MAX_PIECES / 2 - 1 ? 2 * t : MAX_PIECES / 2 - 1, MIN_PIECE, cov);
    if (ncov < 2) ncov = 0; /* not worth cutting */
    if (ncov) nst = rindex_split(j->ix, RL_STORIES, t < MAX_PIECES / 2 - 1 ? t : MAX_PIECES / 2 - 1, MIN_PIECE, st);
    if (ncov == 0) {
        add_job(j, J_WHOLE, 0, 0, F_HTML, 0, CSV, 0);
        add_job(j, J_WHOLE, 0, 0, F_MD, 0, -1, 0);
    } else {
        int md_last = (int)(nst + ncov) + 1, html_last = (int)ncov + 1;
        j->pieces[F_HTML] = html_last + 1;
        j->pieces[F_MD] = md_last + 1;
        add_job(j, J_HTML_TAIL, 0, 0, F_HTML, html_last, CSV, 0);
        add_job(j, J_MD_ENDS, 0, 0, F_MD, 0, F_MD, md_last);
        add_job(j, J_HTML_HEAD, 0, 0, F_HTML, 0, -1, 0);
        for (size_t k = 0; k < ncov; k++)
            add_job(j, J_COVERAGE, cov[k], cov[k + 1], F_MD, (int)(nst + k) + 1, F_HTML, (int)k + 1);
        for (size_t k = 0; k < nst; k++) add_job(j, J_MD_STORIES, st[k], st[k + 1], F_MD, (int)k + 1, -1, 0);
    }
    for (size_t k = 0; k < sizeof tables / sizeof tables[0]; k++) add_job(j, J_WHOLE, 0, 0, tables[k], 0, -1, 0);
    for (size_t k = 0; k < j->njobs; k++)
        for (int n = 0; n < 2; n++)
            if (j->jobs[k].out[n].file >= 0) atomic_fetch_add(&j->left[j->jobs[k].out[n].file], 1);
}

/* All files but report.json, on up to `threads` workers (this thread is
 * one). On failure err is that of the first failed file in file order (of
 * a file's pieces, the first failed in the file). */
static int render_all(const rindex *ix, int threads, slant_error *err) {
    enum { MAX_JOBS = 8 + 3 * MAX_PIECES };
    static const int in_order[] = {SLANT_CSV_SOURCES, SLANT_CSV_STANCE, SLANT_CSV_FRAMES, SLANT_CSV_NAMING,
                                   SLANT_CSV_KEYNESS, SLANT_CSV_TESTS, F_MD, F_HTML};
    if (threads <= 0) threads = slant_cpu_count();
    render_jobs *j = slant_xcalloc(1, sizeof *j);
    j->ix = ix;
    j->jobs = slant_xcalloc(MAX_JOBS, sizeof *j->jobs);
    for (int i = 0; i < F_COUNT; i++) atomic_init(&j->left[i], 0), j->pieces[i] = 1;
    if (threads > 1) plan_jobs(j, threads);
    else
        for (size_t k = 0; k < sizeof in_order / sizeof in_order[0]; k++)
            add_job(j, J_WHOLE, 0, 0, in_order[k], 0, in_order[k] == F_HTML ? SLANT_CSV_SENTENCES : -1, 0);
    if ((size_t)threads > j->njobs) threads = (int)j->njobs;
    j->views = slant_xcalloc((size_t)threads, sizeof *j->views);
    j->view_open = slant_xcalloc((size_t)threads, sizeof *j->view_open);
    slant_parallel_for(threads, j->njobs, render_job, j);
    int rc = 0;
    for (int i = 0; i < F_COUNT && rc == 0; i++) {
        const slant_error *first = NULL;
        int at = MAX_PIECES;
        for (size_t k = 0; k < j->njobs; k++)
            for (int n = 0; n < 2; n++) {
                const rout *o = &j->jobs[k].out[n];
                if (o->file == i && o->rc && o->piece < at) first = &o->err, at = o->piece;
            }
        if (!first && j->join_rc[i]) first = &j->join_err[i];
        if (first) {
            if (err) *err = *first;
            rc = -1;
        }
    }
    for (int t = 0; t < threads; t++)
        if (j->view_open[t]) rview_close(&j->views[t]);
    free(j->views);
    free(j->view_open);
    free(j->jobs);
    free(j);
    return rc;
}

/* Render and write every file, streamed; `owned` and `lists`, when given,
 * are released as soon as report.json is written. Renamed into place only
 * when every temporary file is complete. */
static int write_dir(const json_t *model, json_t *owned, slant_report_list *lists, size_t nlists, const char *dir,
                     int force, int threads, slant_error *err) {
    rindex *ix = NULL;
    int rc = -1, writing = 0;
    slant_error_clear(err);

    if (slant_report_check_model(model, err)) goto done;
    if (check_folder(dir, force, err)) goto done;

    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dl--;
    for (int i = 0; i < F_COUNT; i++) {
        int n = snprintf(tmp_paths[i], TMP_PATH_MAX, "%.*s/.%s.slant-tmp.%ld", (int)dl, dir, file_names[i],
                         (long)getpid());
        for (int k = 1; i >= F_MD && i <= F_HTML && k < MAX_PIECES && n > 0 && n < TMP_PATH_MAX; k++)
            n = snprintf(piece_paths[i - F_MD][k], TMP_PATH_MAX, "%.*s/.%s.%d.slant-tmp.%ld", (int)dl, dir,
                         file_names[i], k, (long)getpid());
        if (n < 0 || n >= TMP_PATH_MAX) {
            slant_error_set(err, dir, 0, 0, -1, "folder path is too long");
            goto done;
        }
    }
    writing = 1;
    if (!(ix = write_json_temp(model, lists, nlists, err))) goto done;
    release_lists(lists, nlists);
    if (owned) json_decref(owned);
    owned = NULL;
    model = NULL;
    /* The other files are rendered from report.json as written (numbers
     * rounded to 6 digits), not from the in-memory model: every figure a
     * person reads is then exactly what report.json says, and `slant report`
     * run on a saved report.json gives the same bytes as the original run.
     * It is read back through views (report_view.c): the small part as one
     * tree, the lists that grow with the corpus one element at a time. */
    if (render_all(ix, threads, err)) goto done;
    writing = 0;
    for (int i = 0; i < F_COUNT; i++) {
        char *final = slant_path_join(dir, file_names[i]);
        int r = rename(tmp_paths[i], final);
        int saved = errno;
        if (r == 0) tmp_live[i] = 0;
        if (r != 0) {
            slant_report_cleanup_temps();
            slant_error_set(err, final, 0, 0, -1, "cannot rename into place: %s", strerror(saved));
            free(final);
            goto done;
        }
        free(final);
    }
    rc = 0;
done:
    if (writing) {
        slant_report_cleanup_temps();
        /* say what the user can rely on, not only what failed */
        if (err) {
            size_t l = strlen(err->msg);
            snprintf(err->msg + l, sizeof err->msg - l, " (no report file in %s was changed)", dir);
        }
    }
    rindex_free(ix);
    release_lists(lists, nlists);
    json_decref(owned);
    return rc;
}

int slant_report_write_dir(const json_t *model, const char *dir, int force, slant_error *err) {
    return write_dir(model, NULL, NULL, 0, dir, force, 1, err);
}

int slant_report_write_dir_take(json_t *model, const char *dir, int force, int threads, slant_error *err) {
    return write_dir(model, model, NULL, 0, dir, force, threads, err);
}

int slant_report_write_dir_take_lists(json_t *model, slant_report_list *lists, size_t nlists, const char *dir,
                                      int force, int threads, slant_error *err) {
    return write_dir(model, model, lists, nlists, dir, force, threads, err);
}
