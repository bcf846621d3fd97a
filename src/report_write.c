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
 * never depend on which worker wrote it.
 *
 * Signals: the temporary paths live in static storage prepared before any
 * file is created, so slant_report_cleanup_temps only calls unlink() and is
 * safe inside a SIGINT/SIGTERM handler.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

const char *slant_report_csv_name(int table) {
    return table >= 0 && table < SLANT_CSV_COUNT ? file_names[table] : NULL;
}

int slant_report_is_own_file(const char *name) {
    for (int i = 0; i < F_COUNT; i++) {
        size_t n = strlen(file_names[i]);
        if (strcmp(name, file_names[i]) == 0) return 1;
        if (name[0] == '.' && strncmp(name + 1, file_names[i], n) == 0 &&
            strncmp(name + 1 + n, ".slant-tmp.", 11) == 0)
            return 1;
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
    int i; /* the file; -1 when not open */
    rsink s;
} tempfile;

static int temp_open(tempfile *t, int i, slant_error *err) {
    t->i = -1;
    int fd = open(tmp_paths[i], O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) return slant_error_set(err, tmp_paths[i], 0, 0, -1, "cannot create: %s", strerror(errno));
    tmp_live[i] = 1;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int saved = errno;
        close(fd);
        return slant_error_set(err, tmp_paths[i], 0, 0, -1, "cannot write: %s", strerror(saved));
    }
    t->i = i;
    t->s = (rsink){{0}, f, 0};
    slant_buf_init(&t->s.b);
    errno = 0;
    return 0;
}

/* Write what the sink still holds, fsync and close; rc is the rendering's
 * result (0, or -1 with err already set). */
static int temp_close(tempfile *t, int rc, slant_error *err) {
    if (t->i < 0) return rc;
    const char *path = tmp_paths[t->i];
    FILE *f = t->s.f;
    if (rc == 0 && t->s.b.len && fwrite(t->s.b.data, 1, t->s.b.len, f) != t->s.b.len) t->s.failed = 1;
    slant_buf_free(&t->s.b);
    if (rc == 0 && (t->s.failed || fflush(f) != 0))
        rc = slant_error_set(err, path, 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                             strerror(errno ? errno : EIO));
    if (rc == 0 && fsync(fileno(f)) != 0 && errno != EINVAL && errno != ENOTSUP)
        rc = slant_error_set(err, path, 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                             strerror(errno));
    if (fclose(f) != 0 && rc == 0)
        rc = slant_error_set(err, path, 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                             strerror(errno));
    t->i = -1;
    return rc;
}

static int write_json_temp(const json_t *model, const slant_report_list *lists, size_t nlists, slant_error *err) {
    tempfile t;
    if (temp_open(&t, F_JSON, err)) return -1;
    return temp_close(&t, slant_report_render_json_file(model, lists, nlists, t.s.f, tmp_paths[F_JSON], err), err);
}

static void release_lists(slant_report_list *lists, size_t nlists) {
    for (size_t i = 0; i < nlists; i++)
        if (lists[i].release) lists[i].release(lists[i].state), lists[i].release = NULL;
}

/* The files rendered from report.json, as items of slant_parallel_for:
 * each worker reads through its own view (opened at its first job). The
 * report.html job also writes sentences.csv (rrender_html). */
typedef struct {
    const rindex *ix;
    rview *views; /* one per worker */
    int *view_open;
    const int *order;
    int rc[F_COUNT];
    slant_error err[F_COUNT];
} render_jobs;

static int render_job(void *arg, size_t k, int worker) {
    enum { CSV = SLANT_CSV_SENTENCES };
    render_jobs *j = arg;
    int i = j->order[k];
    int html = i == F_HTML;
    rview *v = &j->views[worker];
    if (!j->view_open[worker]) {
        if (rview_open(v, j->ix, &j->err[i])) return j->rc[i] = -1;
        j->view_open[worker] = 1;
    }
    tempfile t, csv;
    int rc = temp_open(&t, i, &j->err[i]), crc = 0;
    if (rc == 0 && html) crc = temp_open(&csv, CSV, &j->err[CSV]);
    if (rc == 0 && crc == 0) {
        rc = i == F_MD ? rrender_md(v, &t.s, &j->err[i])
             : html    ? rrender_html(v, &t.s, &csv.s, &j->err[i])
                       : rrender_csv(v, i, &t.s, &j->err[i]);
        if (rc == 0 && v->failed) {
            j->err[i] = v->err;
            rc = -1;
        }
        if (html && rc == 0) crc = temp_close(&csv, 0, &j->err[CSV]);
        else if (html) temp_close(&csv, rc, NULL); /* the error is report.html's */
    }
    j->rc[i] = temp_close(&t, rc, &j->err[i]);
    if (html) j->rc[CSV] = crc;
    return j->rc[i] || crc;
}

/* All files but report.json, on up to `threads` workers (this thread is
 * one). On failure err is that of the first failed file in file order. */
static int render_all(const rindex *ix, int threads, slant_error *err) {
    /* on several workers the longest first, so that report.html never starts last */
    static const int by_size[] = {F_HTML, F_MD, SLANT_CSV_SOURCES, SLANT_CSV_STANCE,
                                  SLANT_CSV_FRAMES, SLANT_CSV_NAMING, SLANT_CSV_KEYNESS, SLANT_CSV_TESTS};
    static const int in_order[] = {SLANT_CSV_SOURCES, SLANT_CSV_STANCE, SLANT_CSV_FRAMES, SLANT_CSV_NAMING,
                                   SLANT_CSV_KEYNESS, SLANT_CSV_TESTS, F_MD, F_HTML};
    enum { NJOBS = F_COUNT - 2 }; /* not report.json; sentences.csv comes with report.html */
    _Static_assert(sizeof by_size / sizeof by_size[0] == NJOBS, "every job once");
    _Static_assert(sizeof in_order / sizeof in_order[0] == NJOBS, "every job once");
    if (threads <= 0) threads = slant_cpu_count();
    if (threads > NJOBS) threads = NJOBS;
    render_jobs j;
    memset(&j, 0, sizeof j);
    j.ix = ix;
    j.order = threads > 1 ? by_size : in_order;
    j.views = slant_xcalloc((size_t)threads, sizeof *j.views);
    j.view_open = slant_xcalloc((size_t)threads, sizeof *j.view_open);
    slant_parallel_for(threads, NJOBS, render_job, &j);
    int rc = 0;
    for (int i = 0; i < F_COUNT && rc == 0; i++)
        if (j.rc[i]) {
            if (err) *err = j.err[i];
            rc = -1;
        }
    for (int t = 0; t < threads; t++)
        if (j.view_open[t]) rview_close(&j.views[t]);
    free(j.views);
    free(j.view_open);
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
        if (n < 0 || n >= TMP_PATH_MAX) {
            slant_error_set(err, dir, 0, 0, -1, "folder path is too long");
            goto done;
        }
    }
    writing = 1;
    if (write_json_temp(model, lists, nlists, err)) goto done;
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
    ix = rindex_build(tmp_paths[F_JSON], err);
    if (!ix || render_all(ix, threads, err)) goto done;
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
