/* block_exceptions.c - the exceptions block: seed 004's columns, grouped by theme. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

enum { XC_REF, XC_ACTION, XC_MILESTONE, XC_WHO, XC_WHEN, XC_STATUS, XC_DAYS, XC_REASON, XC_MEASURE, XC__N };
static const char *const xc_ids[XC__N] = {"ref", "action", "milestone", "who", "when", "status",
                                           "days", "reason", "measure"};
static const char *const xc_labels[XC__N] = {"Ref", "Action", "Milestone", "Who", "When",
                                              "Status", "Days overdue", "Reason",
                                              "Measure of success"};
static const int xc_weights[XC__N] = {6, 18, 18, 9, 13, 9, 6, 16, 16};

static void milestones_cell(build_ctx *b, rnode *cell, const exception_row *row)
{
    char d[DATE_BUF];
    for (size_t j = 0; j < row->n_milestones; j++) {
        const exception_milestone *m = &row->milestones[j];
        if (j) rnode_add(b->d, cell, RN_LINEBREAK);
        strbuf sb = STRBUF_INIT;
        if (row->n_milestones > 1) sb_puts(&sb, "\xE2\x80\xA2 "); /* bullet */
        sb_puts(&sb, m->milestone->title ? m->milestone->title : "");
        fuzzy_date due = schedule_due_at(&m->milestone->s, b->an->as_at);
        date_format_short(due, d, sizeof d);
        if (d[0]) sb_printf(&sb, " (%s)", d);
        rnode_add_text(b->d, cell, sb.data);
        sb_free(&sb);
        if (m->reasons & (EXC_OVERDUE | EXC_RESCHEDULED)) {
            rnode_add_text(b->d, cell, " ");
            strbuf st = STRBUF_INIT;
            label_status(&st, m->status);
            rnode *badge = rnode_add(b->d, cell, RN_BADGE);
            badge->text = arena_strdup(&b->d->arena, st.data);
            badge->rag = status_level(m->status.kind);
            sb_free(&st);
        }
    }
}

static void when_cell(build_ctx *b, rnode *cell, const exception_row *row)
{
    char d[DATE_BUF];
    date_format(row->action->s.due, d, sizeof d);
    rnode_add_text(b->d, cell, d[0] ? d : "No date");
    for (size_t k = 0; k < row->n_revisions; k++) {
        rnode_add(b->d, cell, RN_LINEBREAK);
        date_format(row->revisions[k]->date, d, sizeof d);
        strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "Revised %s", d);
        int is_new = k >= row->first_new;
        if (date_has_bounds(row->revisions[k]->agreed)) {
            date_format_short(row->revisions[k]->agreed, d, sizeof d);
            sb_printf(&sb, " (agreed %s%s)", d, is_new ? ", new" : "");
        } else if (is_new) {
            sb_puts(&sb, " (new)");
        }
        rnode_add_text(b->d, cell, sb.data);
        sb_free(&sb);
    }
}

static void reason_cell(build_ctx *b, rnode *cell, const exception_row *row)
{
    strbuf flag = STRBUF_INIT;
    label_optimistic(&flag, row->status);
    if (flag.len) {
        flag.data[0] = (char)(flag.data[0] - 'a' + 'A');
        rnode *s = rnode_add(b->d, cell, RN_STRONG);
        sb_putc(&flag, '.');
        rnode_add_text(b->d, s, flag.data);
        if (row->reason) rnode_add_text(b->d, cell, " ");
    }
    sb_free(&flag);
    if (row->reason) tb_lines(b->d, cell, row->reason);
}

void block_exceptions(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    int cols[XC__N], nc = 0;
    const char *colopt = opts_get(o, "columns");
    if (colopt) {
        char *list = xstrdup(colopt), *save = NULL;
        for (char *w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
            int k;
            for (k = 0; k < XC__N; k++)
                if (strcmp(w, xc_ids[k]) == 0) break;
            if (k == XC__N) {
                const char *near = closest_word(w, xc_ids, XC__N);
                diag_error(b->diags, a->pos, "exceptions block: unknown column '%s'%s%s%s", w,
                           near ? "; did you mean '" : " (columns: ref, action, milestone, who, when, status, days, reason, measure)",
                           near ? near : "", near ? "'?" : "");
                free(list);
                return;
            }
            int dup = 0;
            for (int i = 0; i < nc; i++) dup |= cols[i] == k;
            if (dup) {
                diag_error(b->diags, a->pos, "exceptions block: column '%s' is named twice", w);
                free(list);
                return;
            }
            cols[nc++] = k;
        }
        free(list);
        if (!nc) {
            diag_error(b->diags, a->pos, "exceptions block: columns= names no columns (columns: ref, "
                       "action, milestone, who, when, status, days, reason, measure)");
            return;
        }
    } else {
        for (int k = 0; k < XC__N; k++) cols[nc++] = k;
    }
    const analysis *an = b->an;
    size_t rows = 0;
    for (size_t g = 0; g < an->n_groups; g++)
        if (!only || an->groups[g].theme == only) rows += an->groups[g].n_rows;
    if (!rows) {
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        rnode *p = rnode_add(b->d, n, RN_PARAGRAPH);
        strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "There are no exceptions to report as at %s: no action or milestone is "
                       "overdue or rescheduled, and none is reported Red or Amber.", block_as_at(b));
        rnode_add_text(b->d, p, sb.data);
        sb_free(&sb);
        return;
    }
    const char *headers[XC__N];
    int *weights = arena_alloc(&b->d->arena, sizeof(int) * XC__N);
    for (int i = 0; i < nc; i++) {
        headers[i] = xc_labels[cols[i]];
        weights[i] = xc_weights[cols[i]];
    }
    char cap[256];
    if (an->has_since)
        snprintf(cap, sizeof cap, "Exceptions as at %s, since %s", block_as_at(b),
                 block_date(b->d, date_of_day(an->since)));
    else
        snprintf(cap, sizeof cap, "Exceptions as at %s", block_as_at(b));
    rnode *t = tb_table(b->d, block_caption(b, o, cap), headers, nc);
    t->flags |= RF_COMPUTED | (nc > 6 ? RF_WIDE : 0);
    t->col_weights = weights;
    for (size_t g = 0; g < an->n_groups; g++) {
        const exception_group *grp = &an->groups[g];
        if (only && grp->theme != only) continue;
        strbuf gt = STRBUF_INIT;
        if (grp->theme) sb_printf(&gt, "%s %s", grp->theme->ref, grp->theme->title ? grp->theme->title : "");
        else sb_puts(&gt, "No theme");
        tb_group(b->d, t, gt.data);
        sb_free(&gt);
        for (size_t r = 0; r < grp->n_rows; r++) {
            const exception_row *row = &grp->rows[r];
            const action *a = row->action;
            rnode *tr = tb_row(b->d, t, 0);
            for (int i = 0; i < nc; i++) {
                rnode *cell;
                strbuf sb = STRBUF_INIT;
                switch (cols[i]) {
                case XC_REF:
                    cell = tb_cell(b->d, tr, a->ref, LEVEL_NONE);
                    cell->flags |= RF_ROW_HEADER;
                    break;
                case XC_ACTION: tb_cell(b->d, tr, a->description, LEVEL_NONE); break;
                case XC_MILESTONE:
                    cell = tb_cell(b->d, tr, NULL, LEVEL_NONE);
                    milestones_cell(b, cell, row);
                    break;
                case XC_WHO:
                    label_who(&sb, &a->s);
                    tb_cell(b->d, tr, sb.data, LEVEL_NONE);
                    break;
                case XC_WHEN:
                    cell = tb_cell(b->d, tr, NULL, LEVEL_NONE);
                    when_cell(b, cell, row);
                    break;
                case XC_STATUS: block_status_cell(b, tr, row->status); break;
                case XC_DAYS:
                    if (row->status.kind == STATUS_OVERDUE) block_num_cell(b, tr, (size_t)row->status.days_overdue);
                    else tb_cell(b->d, tr, "", LEVEL_NONE);
                    break;
                case XC_REASON:
                    cell = tb_cell(b->d, tr, NULL, LEVEL_NONE);
                    reason_cell(b, cell, row);
                    break;
                case XC_MEASURE: tb_cell(b->d, tr, a->measure, LEVEL_NONE); break;
                }
                sb_free(&sb);
            }
        }
    }
    if (t->flags & RF_WIDE) b->has_wide = 1;
    rnode_append(parent, t);
}
