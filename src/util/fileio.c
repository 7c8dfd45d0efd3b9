/* fileio.c - bounded reads and atomic writes. */
#define _POSIX_C_SOURCE 200809L
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

int open_regular(const char *path, const char **why)
{
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *why = strerror(errno);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *why = strerror(errno);
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = S_ISDIR(st.st_mode) ? "is a directory"
                                   : "is not a regular file (a FIFO, socket or device)";
        close(fd);
        return -1;
    }
    /* Reads from a regular file never block; clear the flag for whoever reads next. */
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

int read_file(const char *path, size_t limit, char **data, size_t *len, const char **why)
{
    *data = NULL;
    *len = 0;
    int fd = open_regular(path, why);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *why = strerror(errno);
        close(fd);
        return -1;
    }
    if ((size_t)st.st_size > limit) {
        close(fd);
        *why = limit == MAX_INPUT_BYTES ? "file is larger than 64 MiB" : "file is too large";
        return -1;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    char *buf = xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > limit + 1) break;
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR) continue;
            *why = strerror(errno);
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0) break;
        n += (size_t)r;
        if (n > limit) break;
    }
    close(fd);
    if (n > limit) {
        free(buf);
        *why = limit == MAX_INPUT_BYTES ? "file is larger than 64 MiB" : "file is too large";
        return -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int read_input(const char *path, const char *what, diag_list *diags, char **data, size_t *len)
{
    const char *why;
    if (read_file(path, MAX_INPUT_BYTES, data, len, &why) == 0) return 0;
    diag_error(diags, make_pos(path, 0, 0), "cannot read the %s: %s", what, why);
    return -1;
}

int make_parent_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            errno = e;
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

int write_file_atomic(const char *path, const void *data, size_t len)
{
#ifdef TABLED_TESTING
    /* Fault injection for the tests (built into the sanitizer build only): a write to
     * a path containing $TABLED_TEST_FAIL_WRITE fails as on a full disk. */
    const char *fail = getenv("TABLED_TEST_FAIL_WRITE");
    if (fail && *fail && strstr(path, fail)) {
        errno = ENOSPC;
        return -1;
    }
#endif
    if (make_parent_dirs(path) != 0) return -1;
    size_t n = strlen(path);
    char *tmp = xmalloc(n + 16);
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            goto fail;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fchmod(fd, 0644) != 0) goto fail;
    if (close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) != 0) goto fail;
    free(tmp);
    return 0;
fail:;
    int e = errno;
    if (fd >= 0) close(fd);
    unlink(tmp);
    free(tmp);
    errno = e;
    return -1;
}

char *parent_dir_name(const char *path)
{
    const char *end = strrchr(path, '/');
    const char *start = end;
    while (start && start > path && start[-1] != '/') start--;
    size_t n = end ? (size_t)(end - start) : 0;
    /* "plan.yaml", "./plan.yaml", "../plan.yaml": the folder's real name. */
    if (!end || (n == 1 && start[0] == '.') || (n == 2 && start[0] == '.' && start[1] == '.')) {
        char *dir = end ? strndup(path, (size_t)(end - path) + 1) : xstrdup(".");
        char *real = realpath(dir, NULL);
        free(dir);
        const char *base = real ? strrchr(real, '/') : NULL;
        char *name = base && base[1] ? xstrdup(base + 1) : xstrdup("plan");
        free(real);
        return name;
    }
    if (start == end) return xstrdup("plan");
    return strndup(start, n);
}

char *fd_path(int fd, const char *path)
{
    char buf[64];
    snprintf(buf, sizeof buf, "/proc/self/fd/%d", fd);
    struct stat a, b;
    if (stat(buf, &a) == 0 && fstat(fd, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
        return xstrdup(buf);
    return xstrdup(path);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int list_yaml_files(const char *dir, char ***names, size_t *n)
{
    *names = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) return -1;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.') continue;
        if (!((l > 5 && !strcmp(e->d_name + l - 5, ".yaml")) ||
              (l > 4 && !strcmp(e->d_name + l - 4, ".yml"))))
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *names = xrealloc(*names, cap * sizeof **names);
        }
        (*names)[(*n)++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (*n) qsort(*names, *n, sizeof **names, cmp_name);
    return 0;
}

void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

char *path_resolve(const char *dir, const char *rel)
{
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *joined = xmalloc(n);
    if (rel[0] == '/' || !*dir) snprintf(joined, n, "%s", rel);
    else snprintf(joined, n, "%s/%s", dir, rel);
    /* segments kept so far; a ".." removes the one before it unless that is ".." too */
    char *out = xmalloc(n + 1);
    size_t len = 0;
    int absolute = joined[0] == '/';
    if (absolute) out[len++] = '/';
    size_t *starts = xmalloc(n * sizeof *starts), nseg = 0;
    for (char *p = joined; *p;) {
        while (*p == '/') p++;
        if (!*p) break;
        char *e = p;
        while (*e && *e != '/') e++;
        size_t sl = (size_t)(e - p);
        if (sl == 1 && p[0] == '.') {
            /* nothing */
        } else if (sl == 2 && p[0] == '.' && p[1] == '.' && nseg &&
                   !(len - starts[nseg - 1] == 2 && !strncmp(out + starts[nseg - 1], "..", 2))) {
            len = starts[--nseg];
            if (len > (size_t)absolute) len--;  /* the '/' before it */
        } else if (!(sl == 2 && p[0] == '.' && p[1] == '.' && absolute && !nseg)) {
            if (len > (size_t)absolute) out[len++] = '/';
            starts[nseg++] = len;
            memcpy(out + len, p, sl);
            len += sl;
        }
        p = e;
    }
    if (!len) out[len++] = '.';
    out[len] = 0;
    free(starts);
    free(joined);
    return out;
}

int write_file_new(const char *path, const void *data, size_t len)
{
    /* Written whole under a temporary name, then linked to its name: link(2) fails
     * when the name exists, so an existing file is never replaced. */
    size_t n = strlen(path) + 32;
    char *tmp = xmalloc(n);
    snprintf(tmp, n, "%s.%ld.new", path, (long)getpid());
    int rc = write_file_atomic(tmp, data, len);
    if (rc == 0) {
        rc = link(tmp, path);
        int e = errno;
        unlink(tmp);
        errno = e;
    }
    free(tmp);
    return rc;
}
