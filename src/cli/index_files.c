/* index_files.c - finding the papers' JSON files for the index, and writing it. */
#include "index_files.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../render/html/html_render.h"
#include "../render/paper_json.h"
#include "../util/fileio.h"
#include "../util/xalloc.h"

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names in dir (not hidden), sorted; count in *n. */
static char **list_dir(const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char **v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[(*n)++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (*n > 1) qsort(v, *n, sizeof *v, cmp_path);
    return v;
}

int index_read(const char *path, arena *a, diag_list *diags, paper_record *p, meeting_record *m)
{
    int rc = paper_json_read(path, a, diags, p);
    if (rc != 1) return rc == 0 ? 0 : -1;
    char *data;
    size_t len;
    if (read_input(path, "JSON", diags, &data, &len) != 0) return -1;
    rc = pack_json_parse(path, data, len, a, diags, m);
    free(data);
    return rc == 0 ? 1 : -1;
}

paper_record *index_scan_dir(arena *a, diag_list *diags, const char *dir, size_t *n,
                             meeting_record **meetings, size_t *nm)
{
    *n = *nm = 0;
    *meetings = NULL;
    size_t nplans, cap = 0, capm = 0;
    paper_record *v = NULL;
    char **plans = list_dir(dir, &nplans);
    for (size_t i = 0; i < nplans; i++) {
        if (strcmp(plans[i], "private") != 0) {
            char *sub = arena_printf(a, "%s/%s", dir, plans[i]);
            size_t nf;
            char **files = list_dir(sub, &nf);
            for (size_t j = 0; j < nf; j++) {
                size_t l = strlen(files[j]);
                if (l > 5 && !strcmp(files[j] + l - 5, ".json") && strcmp(files[j], "rollup.json")) {
                    if (*n == cap) {
                        cap = cap ? cap * 2 : 16;
                        v = xrealloc(v, cap * sizeof *v);
                    }
                    if (*nm == capm) {
                        capm = capm ? capm * 2 : 8;
                        *meetings = xrealloc(*meetings, capm * sizeof **meetings);
                    }
                    const char *path = arena_printf(a, "%s/%s", sub, files[j]);
                    int rc = index_read(path, a, diags, &v[*n], &(*meetings)[*nm]);
                    if (rc == 0) (*n)++;
                    else if (rc == 1) (*nm)++;
                }
                free(files[j]);
            }
            free(files);
        }
        free(plans[i]);
    }
    free(plans);
    return v;
}

int index_write(const char *dir, const paper_record *entries, size_t n,
                const meeting_record *meetings, size_t nm, const house_style *h,
                const char *css, diag_list *diags)
{
    strbuf out = STRBUF_INIT;
    rdoc *index = build_index(entries, n, meetings, nm, h);
    html_render(index, css, &out);
    rdoc_free(index);
    size_t pl = strlen(dir) + sizeof "/index.html";
    char *path = xmalloc(pl);
    snprintf(path, pl, "%s/index.html", dir);
    int rc = write_file_atomic(path, out.data, out.len);
    if (rc != 0) diag_error(diags, make_pos(path, 0, 0), "cannot write the index");
    free(path);
    sb_free(&out);
    return rc;
}
