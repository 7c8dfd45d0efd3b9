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

static void milestones_cell(build_ctx *b, rnode *cell, const exception_row *row)
{
    for (size_t j = 0; j < row->n_milestones; j++) {
        const exception_milestone *m = &row->milestones[j];
        if (j) rnode_add(b->d, cell, RN_LINEBREAK);
        strbuf sb = STRBUF_INIT;
        if (row->n_milestones > 1) sb_puts(&sb, "\xE2\x80\xA2 "); /* bullet */
        label_milestone(&sb, b->house->dates, m->milestone,
                        schedule_due_at(&m->milestone->s, b->an->as_at));
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

static void when_cell(build_ctx *b, rnode *cell, const exception_row *row, int *marks)
{
    char d[DATE_BUF];
    strbuf due = STRBUF_INIT;
    label_due(&due, b->house->dates, &row->action->s);
    rnode_add_text(b->d, cell, due.len ? due.data : "No date");
    sb_free(&due);
    block_mark_illustrative(b, cell, row->action->s.illustrative, ILLUSTRATIVE_DUE, marks);
    for (size_t k = 0; k < row->n_revisions; k++) {
        rnode_add(b->d, cell, RN_LINEBREAK);
        label_date(b->house->dates, row->revisions[k]->date, d, sizeof d);
        strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "Revised %s", d);
        int is_new = k >= row->first_new;
        if (date_has_bounds(row->revisions[k]->agreed)) {
            label_date(b->house->dates, row->revisions[k]->agreed, d, sizeof d);
            sb_printf(&sb, " (agreed %s%s)", d, is_new ? ", new" : "");
        } else if (is_new) {
            sb_puts(&sb, " (new)");
        }
        rnode_add_text(b->d, cell, sb.data);
        sb_free(&sb);
    }
}

static void reason_cell(build_ctx *b, rnode *cell, const exception_row *row, int *marks)
{
    strbuf flag = STRBUF_INIT;
    label_exception_flag(&flag, row);
    if (flag.len) {
        flag.data[0] = (char)(flag.data[0] - 'a' + 'A');
        rnode *s = rnode_add(b->d, cell, RN_STRONG);
        sb_putc(&flag, '.');
        rnode_add_text(b->d, s, flag.data);
        block_mark_illustrative(b, cell, row->action->s.illustrative, ILLUSTRATIVE_RAG, marks);
        if (row->reason) rnode_add_text(b->d, cell, " ");
    }
    sb_free(&flag);
    if (row->reason) tb_lines(b->d, cell, row->reason);
}

/* Whether column k would be empty in every row of the table (theme only, or all). */
static int column_empty(const analysis *an, const theme *only, int k)
{
    for (size_t g = 0; g < an->n_groups; g++) {
        const exception_group *grp = &an->groups[g];
        if (only && grp->theme != only) continue;
        for (size_t r = 0; r < grp->n_rows; r++) {
            const exception_row *row = &grp->rows[r];
            const action *a = row->action;
            switch (k) {
            case XC_MILESTONE:
                if (row->n_milestones) return 0;
                break;
            case XC_DAYS:
                if (row->status.kind == STATUS_OVERDUE) return 0;
                break;
            case XC_REASON:
                if (row->reason || row->status.optimistic) return 0;
                break;
            case XC_MEASURE:
                if (a->measure && *a->measure) return 0;
                break;
            case XC_ACTION:
                if (a->description && *a->description) return 0;
                break;
            case XC_WHO:
                if (a->s.n_who) return 0;
                break;
            default:
                return 0;   /* ref, when and status always say something */
            }
        }
    }
    return 1;
}

void block_exceptions(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    int cols[XC__N];
    int nc = block_columns(b, a, "exceptions", xc_ids, XC__N, cols);
    if (nc < 0) return;
    const analysis *an = b->an;
    size_t rows = 0;
    for (size_t g = 0; g < an->n_groups; g++)
        if (!only || an->groups[g].theme == only) rows += an->groups[g].n_rows;
    if (!nc) {
        /* By default every column that has something to say in some row: a column
         * empty in every row (no milestones, nothing overdue, no reasons) is left out. */
        for (int k = 0; k < XC__N; k++)
            if (!column_empty(an, only, k)) cols[nc++] = k;
    }
    /* The Status word says the days overdue unless a column of them stands beside it. */
    int days_shown = 0;
    for (int i = 0; i < nc; i++) days_shown |= cols[i] == XC_DAYS;
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
    for (int i = 0; i < nc; i++) {
        headers[i] = xc_labels[cols[i]];
    }
    char cap[256], of[160] = "";
    if (only) snprintf(of, sizeof of, " in %s %s", only->ref, only->title ? only->title : "");
    if (an->has_since)
        snprintf(cap, sizeof cap, "Exceptions%s as at %s, since %s", of, block_as_at(b),
                 block_date(b->d, date_of_day(an->since)));
    else
        snprintf(cap, sizeof cap, "Exceptions%s as at %s", of, block_as_at(b));
    rnode *t = tb_table(b->d, block_caption(b, o, cap), headers, nc);
    t->flags |= RF_COMPUTED;
    int marks = 0;
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
                    cell = tb_cell(b->d, tr, sb.data, LEVEL_NONE);
                    if (sb.len) block_mark_illustrative(b, cell, a->s.illustrative, ILLUSTRATIVE_WHO, &marks);
                    break;
                case XC_WHEN:
                    cell = tb_cell(b->d, tr, NULL, LEVEL_NONE);
                    when_cell(b, cell, row, &marks);
                    break;
                case XC_STATUS:
                    if (days_shown && row->status.kind == STATUS_OVERDUE)
                        tb_cell(b->d, tr, status_kind_name(row->status.kind), status_level(row->status.kind));
                    else
                        block_status_cell(b, tr, row->status);
                    block_mark_status(b, tr->last, &a->s, row->status, &marks);
                    break;
                case XC_DAYS:
                    if (row->status.kind == STATUS_OVERDUE) block_num_cell(b, tr, (size_t)row->status.days_overdue);
                    else tb_cell(b->d, tr, "", LEVEL_NONE);
                    break;
                case XC_REASON:
                    cell = tb_cell(b->d, tr, NULL, LEVEL_NONE);
                    reason_cell(b, cell, row, &marks);
                    break;
                case XC_MEASURE: tb_cell(b->d, tr, a->measure, LEVEL_NONE); break;
                }
                sb_free(&sb);
            }
        }
    }
    block_illustrative_note(b, t, marks);
    rnode_append(parent, t);
}
