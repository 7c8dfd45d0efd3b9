/* block_changes.c - the changes block: what moved since the previous report (domain
 * rules, section 5a), one group of rows per kind of change, each row with the state
 * as at the previous report and as at this one. It only reads the analysis's changes
 * and words them with labels.c, as the terminal does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

/* kinds=completed,overdue,...: which kinds to show; every kind when not given. */
static int kinds_option(build_ctx *b, const opt_list *o, srcpos pos, int *show)
{
    const char *v = opts_get(o, "kinds");
    for (int k = 0; k < CHANGE__COUNT; k++) show[k] = v == NULL;
    if (!v) return 0;
    const char *ids[CHANGE__COUNT];
    for (int k = 0; k < CHANGE__COUNT; k++) ids[k] = change_kind_id((change_kind)k);
    char *list = xstrdup(v), *save = NULL;
    int bad = 0;
    for (char *w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        int k;
        for (k = 0; k < CHANGE__COUNT; k++)
            if (!strcmp(w, ids[k])) break;
        if (k < CHANGE__COUNT) {
            show[k] = 1;
            continue;
        }
        const char *near = closest_word(w, ids, CHANGE__COUNT);
        if (near)
            diag_error(b->diags, pos, "changes block: unknown kind '%s'; did you mean '%s'?", w, near);
        else
            diag_error(b->diags, pos, "changes block: unknown kind '%s' (kinds: completed, "
                       "cancelled, reopened, added, overdue, no-longer-overdue, revised, "
                       "reported-rag, status, risk-new, risk-closed, risk-moved, indicator-moved)", w);
        bad = 1;
    }
    free(list);
    return bad ? -1 : 0;
}

void block_changes(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    srcpos pos = a->pos;
    const analysis *an = b->an;
    if (!an->changes) {
        diag_error(b->diags, pos, "the changes block needs the previous report: add 'since: "
                   "DATE' or 'previous-report: PAPER.md' to the front block");
        return;
    }
    int show[CHANGE__COUNT];
    const theme *only = a->theme;
    if (kinds_option(b, o, pos, show) != 0) return;
    const changes *c = an->changes;
    const char *p = block_date(b->d, date_of_day(an->since));
    const char *t = block_as_at(b);

    size_t counts[CHANGE__COUNT] = {0}, total = 0;
    for (size_t i = 0; i < c->n_rows; i++) {
        const change_row *r = &c->rows[i];
        if (!show[r->kind] || (only && r->theme != only)) continue;
        counts[r->kind]++;
        total++;
    }
    if (!total) {
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        char *msg = arena_printf(&b->d->arena, "Nothing %schanged between %s and %s.",
                                 only || opts_get(o, "kinds") ? "of this kind " : "", p, t);
        rnode_add_text(b->d, rnode_add(b->d, n, RN_PARAGRAPH), msg);
        return;
    }
    const char *headers[] = {"Ref", "Action, risk or indicator",
                             arena_printf(&b->d->arena, "As at %s", p),
                             arena_printf(&b->d->arena, "As at %s", t), "Change"};
    char cap[256];
    snprintf(cap, sizeof cap, "Changes between %s and %s", p, t);
    rnode *tbl = tb_table(b->d, block_caption(b, o, cap), headers, 5);
    tbl->flags |= RF_COMPUTED;
    for (size_t i = 0; i < c->n_rows; i++) {
        const change_row *r = &c->rows[i];
        if (!show[r->kind] || (only && r->theme != only)) continue;
        if (counts[r->kind] != (size_t)-1) { /* the kind's first row: its heading */
            char *title = arena_printf(&b->d->arena, "%s (%zu)", change_kind_title(r->kind),
                                       counts[r->kind]);
            tb_group(b->d, tbl, title);
            counts[r->kind] = (size_t)-1;
        }
        rnode *tr = tb_row(b->d, tbl, 0);
        rnode *ref = tb_cell(b->d, tr, change_ref(r), LEVEL_NONE);
        ref->flags |= RF_ROW_HEADER;
        strbuf sb = STRBUF_INIT;
        if (r->milestone) sb_printf(&sb, "Milestone: %s", change_item(r));
        else sb_puts(&sb, change_item(r));
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        for (int after = 0; after <= 1; after++) {
            sb_reset(&sb);
            label_change_state(&sb, r, after, b->house->dates);
            tb_cell(b->d, tr, sb.data, change_state_level(r, after));
        }
        sb_reset(&sb);
        label_change_detail(&sb, r, b->house->dates);
        tb_cell(b->d, tr, sb.data ? sb.data : "", LEVEL_NONE);
        sb_free(&sb);
    }
    rnode_append(parent, tbl);
}
