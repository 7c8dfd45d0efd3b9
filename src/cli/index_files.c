/* index_files.c - reading papers' JSON files for the index, and finding them. */
#include "index_files.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../analysis/status.h"
#include "../load/yaml_tree.h"
#include "../util/fileio.h"
#include "../util/xalloc.h"

/* 1 when the file next to json (same stem, extension ext) is a regular file. */
static int sibling_exists(const char *json, size_t stem_len, const char *ext)
{
    const char *slash = strrchr(json, '/');
    size_t dir = slash ? (size_t)(slash - json) + 1 : 0;
    size_t n = dir + stem_len + strlen(ext) + 1;
    char *p = xmalloc(n);
    snprintf(p, n, "%.*s%s", (int)(dir + stem_len), json, ext);
    struct stat st;
    int ok = stat(p, &st) == 0 && S_ISREG(st.st_mode);
    free(p);
    return ok;
}

static const char *text_of(const ynode *map, const char *key)
{
    const ynode *n = ynode_get(map, key);
    if (!n || n->kind != YN_SCALAR || (n->plain && !strcmp(n->text, "null"))) return NULL;
    return n->text;
}

int index_read_entry(arena *a, diag_list *diags, const char *path, html_index_entry *e)
{
    size_t pl = strlen(path);
    if (pl < 6 || strcmp(path + pl - 5, ".json") != 0) {
        diag_error(diags, make_pos(path, 0, 0), "not a paper's JSON file (out/PLAN/PAPER.json)");
        return -1;
    }
    char *data;
    size_t len;
    if (read_input(path, "paper's JSON", diags, &data, &len) != 0) return -1;
    int empty;
    ynode *root = yaml_tree_parse(a, diags, arena_strdup(a, path), data, len, &empty);
    free(data);
    const ynode *paper = root ? ynode_get(root, "paper") : NULL;
    const ynode *roll = root ? ynode_get(root, "rollup") : NULL;
    const ynode *overall = roll ? ynode_get(roll, "overall") : NULL;
    /* Not a paper's JSON (a plan's rollup.json, say). The public edition of an exempt
     * paper has no roll-up. */
    if (!paper || paper->kind != YN_MAP || (!overall && !text_of(paper, "exempt_paragraph"))) return 1;
    memset(e, 0, sizeof *e);
    e->subject = text_of(paper, "subject");
    e->committee = text_of(paper, "committee");
    e->meeting_iso = text_of(paper, "meeting");
    e->meeting_date = text_of(paper, "meeting_date");
    e->item = text_of(paper, "item");
    e->organisation = text_of(paper, "organisation");
    /* out/<plan>/<paper>.json -> <plan>/<paper>.html */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dir = base;
    if (slash) {
        dir = slash;
        while (dir > path && dir[-1] != '/') dir--;
    }
    size_t stem = strlen(base) - 5;
    const char *planpart = slash ? arena_strndup(a, dir, (size_t)(slash - dir)) : ".";
    const char *paperpart = arena_strndup(a, base, stem);
    const char *html = text_of(paper, "html"), *pdf = text_of(paper, "pdf");
    /* Only what is there: a link to a file that does not exist is never listed. */
    if (html && !strcmp(html, "true") && sibling_exists(path, stem, ".html"))
        e->html_href = arena_printf(a, "%s/%s.html", planpart, paperpart);
    if (pdf && !strcmp(pdf, "true") && sibling_exists(path, stem, ".pdf"))
        e->pdf_href = arena_printf(a, "%s/%s.pdf", planpart, paperpart);
    const ynode *counts = overall ? ynode_get(overall, "counts") : NULL;
    for (int k = 0; k < STATUS__COUNT; k++) {
        const char *v = counts ? text_of(counts, status_kind_id((status_kind)k)) : NULL;
        e->summary.count[k] = v ? (size_t)strtoul(v, NULL, 10) : 0;
    }
    const char *v = overall ? text_of(overall, "total") : NULL;
    e->summary.total = v ? (size_t)strtoul(v, NULL, 10) : 0;
    v = overall ? text_of(overall, "percent_complete") : NULL;
    e->summary.percent_complete = v ? atoi(v) : -1;
    v = overall ? text_of(overall, "rag") : NULL;
    e->summary.rag = LEVEL_NONE;
    for (int l = LEVEL_NONE; v && l <= LEVEL_RED; l++)
        if (!strcmp(v, rag_level_id((rag_level)l))) e->summary.rag = (rag_level)l;
    return 0;
}

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

html_index_entry *index_scan_dir(arena *a, diag_list *diags, const char *dir, size_t *n)
{
    *n = 0;
    size_t nplans, cap = 0;
    html_index_entry *v = NULL;
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
                    const char *path = arena_printf(a, "%s/%s", sub, files[j]);
                    if (index_read_entry(a, diags, path, &v[*n]) == 0) (*n)++;
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

int index_write(const char *dir, const html_index_entry *entries, size_t n,
                const house_style *h, const char *css, diag_list *diags)
{
    strbuf out = STRBUF_INIT;
    html_index(entries, n, h, css, &out);
    size_t pl = strlen(dir) + sizeof "/index.html";
    char *path = xmalloc(pl);
    snprintf(path, pl, "%s/index.html", dir);
    int rc = write_file_atomic(path, out.data, out.len);
    if (rc != 0) diag_error(diags, make_pos(path, 0, 0), "cannot write the index");
    free(path);
    sb_free(&out);
    return rc;
}
