/* project_load.c - what a project of a service improvement plan says besides its dates
 * (seed 003's columns): the issue it addresses, its solution task by task, the
 * outcomes expected, its resources line by line with the share of each post's time,
 * and comments. A plan that gives none of them keeps action->detail NULL. The
 * resources are also joined into action->resources, the text every other output
 * prints. */
#include "project_load.h"

#include <math.h>
#include <string.h>

#include "../util/strbuf.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const resource_keys[] = {"post", "number", "percent", "note"};

/* One text or a list of texts, copied; the count in *n. */
static const char **text_list(schema_ctx *c, const ynode *map, const char *key, size_t *n,
                              const char *where)
{
    size_t k;
    ynode **items = schema_list(c, map, key, &k, where);
    const char **v = arena_alloc(c->a, (k + 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; i < k; i++)
        if (items[i]->text && *items[i]->text) v[(*n)++] = arena_strdup(c->a, items[i]->text);
    return v;
}

static void load_resources(schema_ctx *c, const ynode *list, action *x, project_detail *d,
                           const char *where)
{
    d->resources = arena_alloc(c->a, (list->len + 1) * sizeof *d->resources);
    for (size_t i = 0; i < list->len; i++) {
        const ynode *it = list->items[i];
        resource_line *r = &d->resources[d->n_resources];
        memset(r, 0, sizeof *r);
        r->percent = -1;
        if (it->kind == YN_SCALAR) {
            if (schema_is_null(it) || !*it->text) continue;
            r->post = arena_strdup(c->a, it->text);
            d->n_resources++;
            continue;
        }
        if (!schema_expect(c, it, YN_MAP, NULL, "each resource")) continue;
        schema_check_keys(c, it, resource_keys, N(resource_keys), "a resource");
        const char *post = schema_text(c, it, "post", 1, "a resource");
        if (!post) continue;
        r->post = arena_strdup(c->a, post);
        schema_int(c, it, "number", 1, 100000, &r->number, "a resource");
        const ynode *pc = schema_given(it, "percent");
        if (pc && schema_number_node(c, pc, &r->percent, "a resource's percent") > 0 &&
            (r->percent < 0 || r->percent > 100 || isnan(r->percent))) {
            diag_error(c->diags, pc->pos, "percent of a resource of %s must be between 0 and 100, "
                       "not %s", where, pc->text);
            r->percent = -1;
        }
        r->note = schema_text_copy(c, it, "note", "a resource");
        d->n_resources++;
    }
    /* The same lines as one text, for every output that prints resources as text. */
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < d->n_resources; i++) {
        if (i) sb_puts(&sb, "; ");
        resource_line_text(&sb, &d->resources[i]);
    }
    x->resources = sb.len ? arena_strdup(c->a, sb.data) : NULL;
    sb_free(&sb);
}

void load_project_detail(schema_ctx *c, const ynode *map, action *x, const char *where)
{
    project_detail d;
    memset(&d, 0, sizeof d);
    d.issue = schema_text_copy(c, map, "issue", where);
    d.tasks = text_list(c, map, "tasks", &d.n_tasks, where);
    d.outcomes = text_list(c, map, "outcomes", &d.n_outcomes, where);
    d.comments = schema_text_copy(c, map, "comments", where);
    const ynode *res = schema_given(map, "resources");
    if (res && res->kind == YN_SEQ) load_resources(c, res, x, &d, where);
    else x->resources = schema_text_copy(c, map, "resources", where);
    if (d.issue || d.n_tasks || d.n_outcomes || d.n_resources || d.comments) {
        x->detail = arena_alloc(c->a, sizeof *x->detail);
        *x->detail = d;
    }
}
