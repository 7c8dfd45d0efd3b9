/* paper_json_read.c - a built paper's JSON read back (see paper_json.h), with the
 * strict JSON reader; apart from the writer so that the reader alone can be fuzzed. */
#include "paper_json.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/fileio.h"
#include "../util/json_parse.h"
#include "../util/xalloc.h"

/* The summary from a roll-up object ("overall" of rollup_json). 0, or -1. */
static int read_overall(const jvalue *overall, rdoc_summary *s)
{
    const jvalue *counts = json_get(overall, "counts");
    if (!counts || counts->kind != JV_OBJECT) return -1;
    long v;
    for (int k = 0; k < STATUS__COUNT; k++) {
        if (!json_get_int(counts, status_kind_id((status_kind)k), 0, 1L << 40, &v)) return -1;
        s->count[k] = (size_t)v;
    }
    if (!json_get_int(overall, "total", 0, 1L << 40, &v)) return -1;
    s->total = (size_t)v;
    s->percent_complete = json_get_int(overall, "percent_complete", 0, 100, &v) ? (int)v : -1;
    const char *rag = json_get_string(overall, "rag");
    s->rag = LEVEL_NONE;
    for (int l = LEVEL_NONE; rag && l <= LEVEL_RED; l++)
        if (!strcmp(rag, rag_level_id((rag_level)l))) s->rag = (rag_level)l;
    return 0;
}

static const char *keep(arena *a, const jvalue *obj, const char *key)
{
    const char *s = json_get_string(obj, key);
    return s ? arena_strdup(a, s) : NULL;
}

/* 1 when the file beside json (out/p/x.json) with extension ext is a regular file. */
static int sibling_exists(const char *json, const char *ext)
{
    size_t n = strlen(json);
    size_t stem = n > 5 && !strcmp(json + n - 5, ".json") ? n - 5 : n;
    char *p = xmalloc(stem + strlen(ext) + 1);
    memcpy(p, json, stem);
    strcpy(p + stem, ext);
    struct stat st;
    int ok = stat(p, &st) == 0 && S_ISREG(st.st_mode);
    free(p);
    return ok;
}

int paper_json_read(const char *path, arena *a, diag_list *diags, paper_record *r)
{
    char *data;
    size_t len;
    memset(r, 0, sizeof *r);
    r->summary.percent_complete = -1;
    if (read_input(path, "paper's JSON", diags, &data, &len) != 0) return -1;
    int rc = paper_json_parse(path, data, len, a, diags, r);
    free(data);
    /* Only what is there: a link to an output that does not exist is never listed. */
    if (rc == 0 && r->html_href && !sibling_exists(path, ".html")) r->html_href = NULL;
    if (rc == 0 && r->pdf_href && !sibling_exists(path, ".pdf")) r->pdf_href = NULL;
    return rc;
}

int paper_json_parse(const char *path, const char *data, size_t len, arena *a, diag_list *diags,
                     paper_record *r)
{
    memset(r, 0, sizeof *r);
    r->summary.percent_complete = -1;
    json_error err;
    jvalue *root = json_parse(a, data, len, &err);
    if (!root) {
        diag_error(diags, make_pos(path, err.line, err.col), "not JSON: %s; build the paper again",
                   err.message);
        return -1;
    }
    const jvalue *paper = json_get(root, "paper");
    const jvalue *overall = json_get(json_get(root, "rollup"), "overall");
    if (!paper || paper->kind != JV_OBJECT) return 1;   /* a plan's rollup.json */
    long exempt = 0;
    json_get_int(paper, "exempt_paragraph", 1, 7, &exempt);
    r->exempt_paragraph = (int)exempt;
    if (!overall && !exempt) return 1;
    if (overall && read_overall(overall, &r->summary) != 0) {
        diag_error(diags, make_pos(path, 0, 0), "the roll-up in this paper's JSON is damaged; build the paper again");
        return -1;
    }
    r->has_rollup = overall != NULL;
    r->subject = keep(a, paper, "subject");
    r->committee = keep(a, paper, "committee");
    r->meeting_iso = keep(a, paper, "meeting");
    r->meeting_date = keep(a, paper, "meeting_date");
    r->item = keep(a, paper, "item");
    r->report_of = keep(a, paper, "report_of");
    r->organisation = keep(a, paper, "organisation");
    r->variant = keep(a, paper, "variant");
    r->as_at = keep(a, paper, "as_at");
    r->as_at_iso = keep(a, paper, "as_at_date");
    const jvalue *parts = json_get(paper, "exempt_appendices");
    if (parts && parts->kind == JV_ARRAY && parts->n) {
        paper_part *v = arena_alloc(a, parts->n * sizeof *v);
        for (size_t i = 0; i < parts->n; i++) {
            const char *l = json_get_string(parts->items[i], "appendix");
            long para = 0;
            if (!l || !(l[0] >= 'A' && l[0] <= 'Z') || l[1] ||
                !json_get_int(parts->items[i], "paragraph", 1, 7, &para))
                continue;   /* not one of ours: left out */
            v[r->n_exempt_parts++] = (paper_part){l[0], (int)para};
        }
        r->exempt_parts = v;
    }
    r->html = json_get_bool(paper, "html") == 1;
    r->pdf = json_get_bool(paper, "pdf") == 1;
    /* out/<plan>/<paper>.json -> <plan>/<paper>.html */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dir = base;
    if (slash) {
        dir = slash;
        while (dir > path && dir[-1] != '/') dir--;
    }
    size_t bl = strlen(base);
    size_t stem = bl > 5 && !strcmp(base + bl - 5, ".json") ? bl - 5 : bl;
    const char *planpart = slash ? arena_strndup(a, dir, (size_t)(slash - dir)) : ".";
    const char *paperpart = arena_strndup(a, base, stem);
    if (r->html) r->html_href = arena_printf(a, "%s/%s.html", planpart, paperpart);
    if (r->pdf) r->pdf_href = arena_printf(a, "%s/%s.pdf", planpart, paperpart);
    return 0;
}
