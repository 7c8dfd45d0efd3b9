/* project_root.c - finding the project root and keeping reads inside it. */
#define _POSIX_C_SOURCE 200809L
#include "project_root.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *project_root_find(const char *input_path)
{
    char *dir = realpath(input_path, NULL);
    if (!dir) return NULL;
    if (!is_dir(dir)) {
        char *slash = strrchr(dir, '/');
        if (slash == dir) slash[1] = '\0'; /* a file in / */
        else if (slash) *slash = '\0';
    }
    size_t cap = strlen(dir) + sizeof "/templates";
    char *probe = xmalloc(cap);
    for (;;) {
        size_t n = strlen(dir);
        memcpy(probe, dir, n);
        strcpy(probe + n - (n == 1), "/templates"); /* "/" + "templates" at the top */
        if (is_dir(probe)) {
            free(probe);
            return dir;
        }
        if (n == 1) break; /* reached / */
        char *slash = strrchr(dir, '/');
        if (slash == dir) slash[1] = '\0';
        else *slash = '\0';
    }
    free(probe);
    free(dir);
    return NULL;
}

int project_root_contains(const char *root, const char *path, char **canonical)
{
    if (canonical) *canonical = NULL;
    char *real = realpath(path, NULL);
    if (!real) return 0;
    size_t n = strlen(root);
    int inside = strncmp(real, root, n) == 0 &&
                 (real[n] == '\0' || real[n] == '/' || (n == 1 && root[0] == '/'));
    if (inside && canonical) *canonical = real;
    else free(real);
    return inside;
}

char *project_root_of(const char *input_path)
{
    char *root = project_root_find(input_path);
    if (root) return root;
    const char *slash = strrchr(input_path, '/');
    char *dir = slash ? strndup(input_path, (size_t)(slash - input_path) + (slash == input_path))
                      : xstrdup(".");
    root = project_root_find(dir);
    if (!root) root = realpath(dir, NULL);
    free(dir);
    return root;
}
