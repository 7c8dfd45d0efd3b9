/* paper_load.c - a paper: YAML front block between --- lines, then Markdown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/fileio.h"
#include "../util/project_root.h"
#include "../util/strbuf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "paper_load.h"
#include "schema.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Keys every paper may have, whatever its variant. */
static const char *const common_keys[] = {"plan", "variant", "as-at", "since", "committee",
                                          "meeting", "item", "report-of", "subject",
                                          "exempt", "numbering", "previous-report"};
static const char *const numbering_words[] = {"full", "sections", "none"};

/* An empty value: YAML's null (blank, ~, null) or text of nothing but spaces. */
static int is_blank(const ynode *n)
{
    if (n->kind != YN_SCALAR) return 0;
    if (schema_is_null(n)) return 1;
    for (const char *s = n->text; *s; s++)
        if (*s != ' ' && *s != '\t') return 0;
    return 1;
}

static int is_common(const char *key)
{
    for (size_t i = 0; i < N(common_keys); i++)
        if (strcmp(key, common_keys[i]) == 0) return 1;
    return 0;
}

/* Start of the line after the closing --- (or ...), and the offset where it begins. */
static int find_front_block(const char *data, size_t len, size_t *close_at, size_t *body_at)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        i = 3;
    if (len - i < 3 || strncmp(data + i, "---", 3) != 0) return -1;
    size_t p = i + 3;
    while (p < len && (data[p] == ' ' || data[p] == '\t' || data[p] == '\r')) p++;
    if (p < len && data[p] != '\n') return -1;
    p++;
    while (p < len) {
        size_t eol = p;
        while (eol < len && data[eol] != '\n') eol++;
        size_t l = eol - p;
        while (l && (data[p + l - 1] == '\r' || data[p + l - 1] == ' ')) l--;
        if (l == 3 && (strncmp(data + p, "---", 3) == 0 || strncmp(data + p, "...", 3) == 0)) {
            *close_at = p;
            *body_at = eol < len ? eol + 1 : len;
            return 0;
        }
        p = eol + 1;
    }
    return -2;
}

static int count_lines(const char *data, size_t upto)
{
    int n = 1;
    for (size_t i = 0; i < upto; i++) n += data[i] == '\n';
    return n;
}

static void check_narrative(paper *p, diag_list *diags)
{
    const char *s = p->markdown;
    size_t len = p->markdown_len;
    size_t bad = utf8_invalid_at(s, len);
    if (bad != (size_t)-1) {
        srcpos pos = yaml_pos_of_offset(p->file, s, len, bad);
        pos.line += p->markdown_line - 1;
        diag_error(diags, pos, "invalid UTF-8 (byte 0x%02X): the file must be saved as UTF-8",
                   (unsigned char)s[bad]);
        return;
    }
    if (memchr(s, '\0', len)) {
        diag_error(diags, make_pos(p->file, p->markdown_line, 1), "the narrative contains a NUL byte");
        return;
    }
}

static paper_text text_of(const ynode *n)
{
    return (paper_text){n->text, n->text_len, n->pos.line};
}

static void load_field(paper *p, schema_ctx *c, const ynode *front, paper_field *f)
{
    const variant_field *d = f->def;
    const ynode *n = ynode_get(front, d->key);
    if (n && schema_is_null(n)) n = NULL;
    if (!n) {
        if (d->required)
            diag_error(c->diags, front->pos,
                       "the %s front sheet needs '%s' (%s); add it to the front block",
                       p->variant->name, d->key, d->label);
        return;
    }
    f->given = 1;
    f->pos = n->pos;
    if (is_common(d->key)) return; /* checked with the common keys */
    int ok = 1;
    switch (d->type) {
    case FIELD_DATE:
        ok = schema_date_node_as(c, n, d->key, DATE_ACCEPT_PERIOD, &f->date) > 0;
        break;
    case FIELD_TEXT:
        if (n->kind == YN_MAP) {
            diag_error(c->diags, n->pos, "'%s' must be text or a list of text, not a mapping", d->key);
            ok = 0;
        } else if (n->kind == YN_SEQ) {
            f->is_list = 1;
            f->texts = arena_alloc(&p->arena, (n->len + 1) * sizeof *f->texts);
            for (size_t i = 0; i < n->len; i++) {
                if (n->items[i]->kind != YN_SCALAR) {
                    diag_error(c->diags, n->items[i]->pos, "each item of '%s' must be text", d->key);
                    ok = 0;
                } else {
                    f->texts[f->n_texts++] = text_of(n->items[i]);
                }
            }
        } else {
            f->texts = arena_alloc(&p->arena, sizeof *f->texts);
            f->texts[f->n_texts++] = text_of(n);
        }
        break;
    case FIELD_TABLE:
        if (!schema_expect(c, n, YN_SEQ, d->key, "the front block")) {
            ok = 0;
            break;
        }
        f->texts = arena_alloc(&p->arena, (n->len * d->n_columns + 1) * sizeof *f->texts);
        for (size_t i = 0; i < n->len; i++) {
            const ynode *row = n->items[i];
            if (row->kind != YN_SEQ) {
                diag_error(c->diags, row->pos, "each row of '%s' must be a list of %zu cells "
                           "([%s, ...])", d->key, d->n_columns, d->columns[0]);
                ok = 0;
                continue;
            }
            if (row->len != d->n_columns) {
                diag_error(c->diags, row->pos, "this row of '%s' has %zu cells; it needs %zu",
                           d->key, (size_t)row->len, d->n_columns);
                ok = 0;
            }
            for (size_t j = 0; j < row->len; j++) {
                if (row->items[j]->kind != YN_SCALAR) {
                    diag_error(c->diags, row->items[j]->pos, "a cell of '%s' must be text", d->key);
                    ok = 0;
                } else if (ok) {
                    f->texts[f->n_texts++] = text_of(row->items[j]);
                }
            }
        }
        break;
    }
    if (!ok) f->given = 0;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return xstrdup(".");
    return strndup(path, (size_t)(slash - path));
}

/* previous-report: FILE.md names the paper presented last time; its as-at date (or its
 * meeting) is this paper's since date. Only its front block is read. */
static void load_previous(paper *p, schema_ctx *c, const ynode *front)
{
    const ynode *n = ynode_get(front, "previous-report");
    if (!n || schema_is_null(n) || !schema_expect(c, n, YN_SCALAR, "previous-report", "the front block"))
        return;
    if (p->has_since) {
        diag_error(c->diags, n->pos, "give 'since' or 'previous-report', not both");
        return;
    }
    char *dir = dir_of(p->file);
    const char *path = n->text[0] == '/' ? arena_strdup(&p->arena, n->text)
                                         : arena_printf(&p->arena, "%s/%s", dir, n->text);
    free(dir);
    char *data = NULL;
    size_t len = 0;
    const char *why = NULL;
    if (read_file(path, MAX_INPUT_BYTES, &data, &len, &why) != 0) {
        diag_error(c->diags, n->pos, "cannot read the previous report %s: %s", n->text, why);
        return;
    }
    char *root = project_root_find(p->file);
    int outside = root && !project_root_contains(root, path, NULL);
    free(root);
    if (outside) {
        diag_error(c->diags, n->pos, "the previous report %s is outside the project folder", n->text);
        free(data);
        return;
    }
    size_t close_at = 0, body_at = 0;
    arena tree;
    arena_init(&tree);
    diag_list quiet;    /* the previous paper's own errors are its build's to report */
    diag_init(&quiet);
    schema_ctx qc = {&tree, &quiet, c->today};
    int empty, ok = 0;
    ynode *pf = find_front_block(data, len, &close_at, &body_at) == 0
                    ? yaml_tree_parse(&tree, &quiet, path, data, close_at, &empty) : NULL;
    if (pf && pf->kind == YN_MAP) {
        fuzzy_date d;
        if (schema_date(&qc, pf, "as-at", "as-at date", &d, NULL) > 0 ||
            schema_date(&qc, pf, "meeting", "meeting date", &d, NULL) > 0)
            if (date_has_bounds(d) && !quiet.errors) {
                p->since = d;
                ok = 1;
            }
    }
    if (!ok)
        diag_error(c->diags, n->pos, "the previous report %s has no readable 'as-at' or "
                   "'meeting' date in its front block", n->text);
    else {
        p->has_since = 1;
        p->previous_path = path;
    }
    diag_free(&quiet);
    arena_free(&tree);
    free(data);
}

paper *paper_load_buffer(const char *name, const char *data, size_t len,
                         const variant_set *variants, diag_list *diags)
{
    paper *p = xcalloc(1, sizeof *p);
    arena_init(&p->arena);
    size_t errors_before = diags->errors;
    p->file = arena_strdup(&p->arena, name);
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t bl = strlen(base);
    p->slug = arena_strndup(&p->arena, base, bl > 3 && !strcmp(base + bl - 3, ".md") ? bl - 3 : bl);
    schema_ctx c = {&p->arena, diags, date_today()};

    size_t close_at = 0, body_at = 0;
    int fb = find_front_block(data, len, &close_at, &body_at);
    if (fb == -1) {
        diag_error(diags, make_pos(p->file, 1, 1),
                   "a paper starts with a front block: a line '---', the YAML fields "
                   "(plan, variant, as-at, committee, ...), and another '---'");
        goto fail;
    }
    if (fb == -2) {
        diag_error(diags, make_pos(p->file, 1, 1),
                   "the front block that starts here has no closing '---' line");
        goto fail;
    }
    int empty;
    ynode *front = yaml_tree_parse(&p->arena, diags, p->file, data, close_at, &empty);
    if (!front) {
        if (empty) diag_error(diags, make_pos(p->file, 1, 1), "the front block is empty");
        goto fail;
    }
    if (!schema_expect(&c, front, YN_MAP, NULL, "the front block")) goto fail;

    /* The variant decides which other keys are allowed. */
    const char *vname = schema_text(&c, front, "variant", 1, "the front block");
    if (vname) {
        p->variant = variants_find(variants, vname);
        if (!p->variant) {
            const char **names = xcalloc(variants->n + 1, sizeof *names);
            strbuf all = STRBUF_INIT;
            for (size_t i = 0; i < variants->n; i++) {
                names[i] = variants->items[i].name;
                sb_printf(&all, "%s%s", i ? ", " : "", names[i]);
            }
            const char *near = closest_word(vname, names, variants->n);
            const ynode *vn = ynode_get(front, "variant");
            if (near)
                diag_error(diags, vn->pos, "unknown front-sheet variant '%s'; did you mean '%s'? "
                           "(variants: %s)", vname, near, all.data ? all.data : "none");
            else
                diag_error(diags, vn->pos, "unknown front-sheet variant '%s' (variants: %s)",
                           vname, all.data ? all.data : "none");
            sb_free(&all);
            free(names);
        }
    }
    {
        size_t nk = N(common_keys) + (p->variant ? p->variant->n_fields : 0);
        const char **keys = xcalloc(nk + 1, sizeof *keys);
        size_t k = 0;
        for (size_t i = 0; i < N(common_keys); i++) keys[k++] = common_keys[i];
        if (p->variant)
            for (size_t i = 0; i < p->variant->n_fields; i++)
                if (!is_common(p->variant->fields[i].key)) keys[k++] = p->variant->fields[i].key;
        if (p->variant)
            schema_check_keys(&c, front, keys, k,
                              arena_printf(&p->arena, "the front block of a %s paper", p->variant->name));
        free(keys);
    }

    /* The keys that decide what is published - which plan, which front sheet, which
     * dates, whether the paper is exempt, how it is numbered - so one written with an
     * empty value (blank, ~, null, "") is an error, never read as "not given". (The
     * front sheet's own facts, committee, meeting, item and report-of, may be null:
     * not given.) */
    static const char *const deciding_keys[] = {"plan", "variant", "as-at", "since", "exempt",
                                                "numbering", "previous-report"};
    int blank = 0;
    for (size_t i = 0; i < N(deciding_keys); i++) {
        const ynode *v = ynode_get(front, deciding_keys[i]);
        if (v && is_blank(v) && ++blank)
            diag_error(diags, v->pos, "'%s' is empty; give a value or remove the line%s",
                       deciding_keys[i],
                       !strcmp(deciding_keys[i], "exempt")
                           ? " (exempt: N, the paragraph 1-7 of Schedule 12A; leave it out "
                             "only if the paper is not exempt)"
                           : "");
    }
    if (blank) goto fail;   /* (reading them as absent would only add errors) */
    const char *plan_rel = schema_text(&c, front, "plan", 0, "the front block");
    const ynode *pn = ynode_get(front, "plan");
    p->plan_pos = pn ? pn->pos : front->pos;
    p->plan_named = plan_rel != NULL;
    if (!plan_rel) plan_rel = "plan.yaml";
    if (plan_rel[0] == '/') {
        p->plan_path = plan_rel;
    } else {
        char *dir = dir_of(name);
        p->plan_path = arena_printf(&p->arena, "%s/%s", dir, plan_rel);
        free(dir);
    }
    /* The plan is read, and its errors quoted, only from inside the project
     * (domain rules, section 9). */
    struct stat pst;
    if (stat(p->plan_path, &pst) == 0) {
        char *root = project_root_of(p->file);
        if (root && !project_root_contains(root, p->plan_path, NULL))
            diag_error(diags, p->plan_pos, "the plan %s is outside the project (%s); a paper "
                       "may only name a plan inside it", plan_rel, root);
        free(root);
    }
    srcpos dpos;
    int has_as_at = schema_date_as(&c, front, "as-at", "as-at date", DATE_ACCEPT_PERIOD, &p->as_at, &dpos);
    p->has_since = schema_date_as(&c, front, "since", "since date", DATE_ACCEPT_PERIOD, &p->since,
                                  &dpos) > 0;
    const ynode *prev = ynode_get(front, "previous-report");
    if (prev) {
        load_previous(p, &c, front);
        dpos = prev->pos;
    }
    srcpos since_pos = dpos;
    int has_meeting = schema_date_as(&c, front, "meeting", "meeting date", DATE_ACCEPT(DATE_DAY),
                                     &p->meeting, &dpos);
    if (has_as_at == 0) {
        if (has_meeting > 0) p->as_at = p->meeting;
        else diag_error(diags, front->pos, "the front block needs 'as-at' (the reporting date) or 'meeting'");
    }
    if (p->has_since && date_has_bounds(p->since) && date_has_bounds(p->as_at) &&
        date_last_day(p->since) >= date_last_day(p->as_at))
        diag_error(diags, since_pos, "the previous report's date (%s) must be before this "
                   "paper's as-at date", prev ? "its as-at" : "since");
    p->committee = schema_text(&c, front, "committee", 0, "the front block");
    p->item = schema_text(&c, front, "item", 0, "the front block");
    p->report_of = schema_text(&c, front, "report-of", 0, "the front block");
    p->subject = schema_text(&c, front, "subject", 1, "the front block");
    p->subject_pos = ynode_get(front, "subject") ? ynode_get(front, "subject")->pos : front->pos;
    schema_int(&c, front, "exempt", 1, 7, &p->exempt_paragraph, "the front block");
    p->numbering = p->variant ? p->variant->numbering : NUMBER_FULL;
    const ynode *num = ynode_get(front, "numbering");
    if (num) {
        int k = schema_enum(&c, num, numbering_words, N(numbering_words), "numbering", "the front block");
        if (k >= 0) p->numbering = (numbering_mode)k;
    }

    if (p->variant) {
        p->fields = arena_alloc(&p->arena, (p->variant->n_fields + 1) * sizeof *p->fields);
        for (size_t i = 0; i < p->variant->n_fields; i++) {
            p->fields[i].def = &p->variant->fields[i];
            load_field(p, &c, front, &p->fields[i]);
        }
        p->n_fields = p->variant->n_fields;
    }

    p->markdown = data + body_at;
    p->markdown_len = len - body_at;
    p->markdown_line = count_lines(data, body_at);
    /* The narrative points into the caller's buffer: copy it into the paper. */
    p->markdown = arena_strndup(&p->arena, p->markdown, p->markdown_len);
    check_narrative(p, diags);

    if (diags->errors > errors_before) goto fail;
    return p;
fail:
    paper_free(p);
    return NULL;
}

paper *paper_load_file(const char *path, const variant_set *variants, diag_list *diags)
{
    char *data;
    size_t len;
    if (read_input(path, "paper", diags, &data, &len) != 0) return NULL;
    if (len > MAX_PAPER_BYTES) {
        /* A 16 MiB narrative is 47,000 pages: far past any committee's agenda, and tens
         * of seconds to lay out. */
        diag_error(diags, make_pos(path, 0, 0), "the paper is larger than %d MiB; move tables "
                   "into the plan or split the paper", (int)(MAX_PAPER_BYTES >> 20));
        free(data);
        return NULL;
    }
    paper *p = paper_load_buffer(path, data, len, variants, diags);
    free(data);
    return p;
}
