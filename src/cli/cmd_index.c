/* cmd_index.c - tabled index: out/index.html from the papers' JSON files, so make can
 * rebuild the index without rebuilding any paper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/status.h"
#include "../load/house_load.h"
#include "../load/yaml_tree.h"
#include "../render/html/html_render.h"
#include "../util/fileio.h"
#include "../util/project_root.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "template_set.h"

static const char *text_of(const ynode *map, const char *key)
{
    const ynode *n = ynode_get(map, key);
    if (!n || n->kind != YN_SCALAR || (n->plain && !strcmp(n->text, "null"))) return NULL;
    return n->text;
}

static int read_entry(arena *a, diag_list *diags, const char *path, html_index_entry *e)
{
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
    if (html && !strcmp(html, "true")) e->html_href = arena_printf(a, "%s/%s.html", planpart, paperpart);
    if (pdf && !strcmp(pdf, "true")) e->pdf_href = arena_printf(a, "%s/%s.pdf", planpart, paperpart);
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

/* The folder whose project root decides the templates: the output folder when it is in
 * a project, else the first input. */
static const char *project_root_of_any(const char *outdir, const char *first)
{
    char *root = project_root_find(outdir);
    if (root || !first) {
        free(root);
        return outdir;
    }
    return first;
}

int cmd_index(int argc, char **argv)
{
    opt_iter it;
    opt_init(&it, "index", argc, argv);
    const char *outdir = "out";
    template_cache tc = {NULL, NULL, NULL, 0};
    const char *o;
    while ((o = opt_next(&it))) {
        int common = opt_common(&it, o);
        if (common < 0) goto usage;
        if (common) continue;
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help("index");
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "o") || !strcmp(o, "output")) {
            if (!(outdir = opt_value(&it, o))) goto usage;
        } else if (!strcmp(o, "templates")) {
            if (!(tc.templates_opt = opt_value(&it, o))) goto usage;
        } else {
            usage_error("index", "unknown option '%s'", argv[it.i - 1]);
            goto usage;
        }
    }
    arena a;
    arena_init(&a);
    diag_list diags;
    diag_init(&diags);
    html_index_entry *entries = xcalloc((size_t)it.npositional + 1, sizeof *entries);
    size_t n = 0;
    for (int i = 0; i < it.npositional; i++)
        if (read_entry(&a, &diags, it.positional[i], &entries[n]) == 0) n++;
    /* The house style and stylesheet of the project the output folder is in, else of
     * the first paper's, else the installed ones. */
    const char *near = project_root_of_any(outdir, it.npositional ? it.positional[0] : NULL);
    template_set *ts = templates_for(&tc, near, TS_HOUSE | TS_CSS, &diags);
    if (ts && !diags.errors) {
        strbuf out = STRBUF_INIT;
        html_index(entries, n, &ts->house, ts->css, &out);
        char *path = arena_printf(&a, "%s/index.html", outdir);
        if (write_file_atomic(path, out.data, out.len) != 0)
            diag_error(&diags, make_pos(path, 0, 0), "cannot write the index");
        sb_free(&out);
    }
    diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    int status = diags.errors ? EXIT_INPUT : EXIT_OK;
    template_cache_free(&tc);
    free(entries);
    diag_free(&diags);
    arena_free(&a);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}
