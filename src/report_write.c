/*
 * report_write.c - writing a report folder safely.
 *
 * Every file is rendered in memory (all files but report.json from
 * report.json parsed back, so they agree with it to the last digit) and
 * written at once to ".NAME.slant-tmp.PID" in the target folder (same file
 * system, so rename is atomic), one file at a time so that a large report
 * is never held ten times over; only when every temporary file is complete
 * are they renamed into place, report.json last. A failure at any point
 * (rendering or writing) removes every temporary file. Each report file is
 * therefore always either the previous complete version or the new
 * complete one.
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

static int write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

static int write_temp(int i, const slant_buf *content, slant_error *err) {
    int fd = open(tmp_paths[i], O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) return slant_error_set(err, tmp_paths[i], 0, 0, -1, "cannot create: %s", strerror(errno));
    tmp_live[i] = 1;
    int bad = write_all(fd, content->data ? content->data : "", content->len);
    int saved = errno;
    if (!bad && fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP) bad = 1, saved = errno;
    if (close(fd) != 0 && !bad) bad = 1, saved = errno;
    if (bad)
        return slant_error_set(err, tmp_paths[i], 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                               strerror(saved ? saved : EIO));
    return 0;
}

/* report.json, report.md and report.html are written to their temporary
 * files as they are rendered (report.json then parsed back from there):
 * the files that grow with the corpus are never whole in memory. */
static int write_streamed_temp(int i, const json_t *model, slant_error *err) {
    int fd = open(tmp_paths[i], O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) return slant_error_set(err, tmp_paths[i], 0, 0, -1, "cannot create: %s", strerror(errno));
    tmp_live[i] = 1;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int saved = errno;
        close(fd);
        return slant_error_set(err, tmp_paths[i], 0, 0, -1, "cannot write: %s", strerror(saved));
    }
    int rc;
    errno = 0;
    if (i == F_JSON) {
        rc = slant_report_render_json_file(model, f, tmp_paths[i], err);
    } else {
        rsink s = {{0}, f, 0};
        slant_buf_init(&s.b);
        rc = i == F_MD ? rrender_md(model, &s, err) : rrender_html(model, &s, err);
        if (rc == 0 && s.b.len && fwrite(s.b.data, 1, s.b.len, f) != s.b.len) s.failed = 1;
        slant_buf_free(&s.b);
        if (rc == 0 && (s.failed || fflush(f) != 0))
            rc = slant_error_set(err, tmp_paths[i], 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                                 strerror(errno ? errno : EIO));
    }
    if (rc == 0 && fsync(fileno(f)) != 0 && errno != EINVAL && errno != ENOTSUP)
        rc = slant_error_set(err, tmp_paths[i], 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                             strerror(errno));
    if (fclose(f) != 0 && rc == 0)
        rc = slant_error_set(err, tmp_paths[i], 0, 0, -1, "write failed: %s; free some space or choose another -o folder",
                             strerror(errno));
    return rc;
}

/* jansson's block reader over a FILE: (size_t)-1 on a read error */
static size_t read_block(void *buf, size_t len, void *data) {
    FILE *f = data;
    size_t n = fread(buf, 1, len, f);
    return n == 0 && ferror(f) ? (size_t)-1 : n;
}

/* Render, then write at once: only one rendered file is in memory at a
 * time (with report.json parsed back), not all ten; `owned`, when given,
 * is released as soon as report.json is written. Renamed into place only
 * when every temporary file is complete, as before. */
static int write_dir(const json_t *model, json_t *owned, const char *dir, int force, slant_error *err) {
    slant_buf content;
    json_t *canon = NULL;
    slant_buf_init(&content);
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
    if (write_streamed_temp(F_JSON, model, err)) goto done;
    if (owned) json_decref(owned);
    owned = NULL;
    model = NULL;
    /* The other files are rendered from report.json as written (numbers
     * rounded to 6 digits), not from the in-memory model: every figure a
     * person reads is then exactly what report.json says, and `slant report`
     * run on a saved report.json gives the same bytes as the original run. */
    /* Parsed through fread in blocks: json_load_file takes one fgetc per
     * byte, and once worker threads have run every fgetc takes the stream's
     * lock (9% of a 2-thread analyze). */
    json_error_t je;
    FILE *jf = fopen(tmp_paths[F_JSON], "rb");
    if (!jf) {
        slant_error_set(err, tmp_paths[F_JSON], 0, 0, -1, "cannot read back: %s", strerror(errno));
        goto done;
    }
    canon = json_load_callback(read_block, jf, JSON_ALLOW_NUL, &je);
    fclose(jf);
    if (!canon) {
        slant_error_set(err, "report.json", je.line, je.column, je.position,
                        "internal error: the rendered report does not parse (%s); please report this", je.text);
        goto done;
    }
    for (int i = 0; i < F_COUNT; i++) {
        if (i == F_JSON) continue;
        if (i == F_MD || i == F_HTML) {
            if (write_streamed_temp(i, canon, err)) goto done;
            continue;
        }
        slant_buf_free(&content);
        slant_buf_init(&content);
        if (slant_report_render_csv(canon, i, &content, err) || write_temp(i, &content, err)) goto done;
    }
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
    slant_buf_free(&content);
    json_decref(canon);
    json_decref(owned);
    return rc;
}

int slant_report_write_dir(const json_t *model, const char *dir, int force, slant_error *err) {
    return write_dir(model, NULL, dir, force, err);
}

int slant_report_write_dir_take(json_t *model, const char *dir, int force, slant_error *err) {
    return write_dir(model, model, dir, force, err);
}
