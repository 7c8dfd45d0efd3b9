/* resources.c - the template and font search path of resources.h. */
#include "resources.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/project_root.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "tabled_config.h"

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Anything is at path: a file, but also a folder, FIFO or device, which the loader
 * then refuses by name (never skipped for the next folder in silence). */
static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static char *join(const char *dir, const char *rel)
{
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/%s", dir, rel);
    return sb_detach(&sb);
}

/* share/tabled beside the folder holding the running binary, when it holds
 * templates/: /x/usr/local/bin/tabled -> /x/usr/local/share/tabled. */
static char *relocated_data_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = '\0';                          /* .../bin */
    slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = '\0';                          /* ... */
    char *dir = join(exe[0] ? exe : "/", "share/tabled");
    char *probe = join(dir, "templates");
    int ok = is_dir(probe);
    free(probe);
    if (ok) return dir;
    free(dir);
    return NULL;
}

const char *installed_data_dir(void)
{
    static int done;
    static char *dir;
    if (done) return dir;
    done = 1;
    dir = relocated_data_dir();
    if (!dir) {
        char *probe = join(TABLED_DATADIR, "templates");
        if (is_dir(probe)) dir = xstrdup(TABLED_DATADIR);
        free(probe);
    }
    return dir;
}

char *path_for_display(const char *abs)
{
    char cwd[PATH_MAX];
    if (abs[0] != '/' || !getcwd(cwd, sizeof cwd)) return xstrdup(abs);
    size_t n = strlen(cwd);
    if (strcmp(abs, cwd) == 0) return xstrdup(".");
    if (n == 1) return xstrdup(abs + 1); /* cwd is / */
    if (strncmp(abs, cwd, n) == 0 && abs[n] == '/') return xstrdup(abs + n + 1);
    return xstrdup(abs);
}

/* root/<name> as shown to people: "templates" when the root is the current folder. */
static char *root_child(const char *root, const char *name)
{
    char *shown = path_for_display(root);
    char *r = strcmp(shown, ".") == 0 ? xstrdup(name) : join(shown, name);
    free(shown);
    return r;
}

void resource_path_init(resource_path *rp, const char *input, const char *templates_opt,
                        const char *fonts_opt)
{
    memset(rp, 0, sizeof *rp);
    char *root = project_root_find(input ? input : ".");
    if (templates_opt) rp->templates[rp->n_templates++] = xstrdup(templates_opt);
    else if (root) rp->templates[rp->n_templates++] = root_child(root, "templates");
    if (fonts_opt) {
        rp->fonts[rp->n_fonts++] = xstrdup(fonts_opt);
    } else if (root) {
        char *f = join(root, "fonts");
        if (is_dir(f)) rp->fonts[rp->n_fonts++] = root_child(root, "fonts");
        free(f);
    }
    free(root);
    const char *data = installed_data_dir();
    if (data) {
        rp->templates[rp->n_templates++] = join(data, "templates");
        rp->fonts[rp->n_fonts++] = join(data, "fonts");
    }
}

void resource_path_free(resource_path *rp)
{
    for (int i = 0; i < rp->n_templates; i++) free(rp->templates[i]);
    for (int i = 0; i < rp->n_fonts; i++) free(rp->fonts[i]);
    memset(rp, 0, sizeof *rp);
}

char *resource_path_key(const resource_path *rp)
{
    strbuf sb = STRBUF_INIT;
    for (int i = 0; i < rp->n_templates; i++) sb_printf(&sb, "t:%s\n", rp->templates[i]);
    for (int i = 0; i < rp->n_fonts; i++) sb_printf(&sb, "f:%s\n", rp->fonts[i]);
    if (!sb.data) sb_puts(&sb, "");
    return sb_detach(&sb);
}

char *resource_template(const resource_path *rp, const char *rel)
{
    for (int i = 0; i < rp->n_templates; i++) {
        char *p = join(rp->templates[i], rel);
        if (exists(p)) return p;
        free(p);
    }
    return NULL;
}

int resource_template_dirs(const resource_path *rp, const char *rel, char **dirs)
{
    int n = 0;
    for (int i = 0; i < rp->n_templates; i++) {
        char *p = join(rp->templates[i], rel);
        if (is_dir(p)) dirs[n++] = p;
        else free(p);
    }
    return n;
}

char *resource_fonts_dir(const resource_path *rp, const char *const *files, size_t n)
{
    for (int i = 0; i < rp->n_fonts; i++) {
        size_t k;
        for (k = 0; k < n; k++) {
            char *p = join(rp->fonts[i], files[k]);
            int ok = is_file(p);
            free(p);
            if (!ok) break;
        }
        if (k == n) return xstrdup(rp->fonts[i]);
    }
    for (int i = 0; i < rp->n_fonts; i++)
        if (is_dir(rp->fonts[i])) return xstrdup(rp->fonts[i]);
    return xstrdup(rp->n_fonts ? rp->fonts[0] : "fonts");
}

char *resource_describe_templates(const resource_path *rp)
{
    strbuf sb = STRBUF_INIT;
    for (int i = 0; i < rp->n_templates; i++) sb_printf(&sb, "%s%s", i ? ", " : "", rp->templates[i]);
    return sb_detach(&sb);
}
