/* block_plan.c - the plan block: the action plan grouped by theme. By default seed 000's
 * Annex E (Ref, Priority action, Lead officer, Start, Finish, Status, and the
 * recommendations and related actions when any action has them); with columns= any of
 * the columns below, such as seed 003's project table (Improvement, Issue, Solution
 * (tasks), Service improvement/outcomes, Lead officer, Target date, Resource,
 * Comments/evidence). Landscape in print when its columns cannot fit a portrait page;
 * with a Recommendation column, a key to the codes it cites follows. Options: theme=,
 * caption=, columns=. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

/* The key to the Recommendation column: each recommendation the table's actions cite,
 * in the plan's order, with its words and where it came from (seed 000's codes such
 * as R1 or HQN are otherwise unexplained). */
static void recommendations_key(build_ctx *b, rnode *parent, const theme *only)
{
    const plan *p = b->plan;
    char *used = xcalloc(p->n_recommendations + 1, 1);
    size_t n = 0;
    for (size_t i = 0; i < p->n_actions; i++) {
        const action *a = &p->actions[i];
        if ((only && a->theme != only) || !analysis_shows(b->an, a)) continue;
        for (size_t r = 0; r < a->n_recommendations; r++) {
            size_t k = (size_t)(a->recommendations[r] - p->recommendations);
            if (k < p->n_recommendations && !used[k]) used[k] = 1, n++;
        }
    }
    if (n) {
        static const char *const headers[] = {"Recommendation", "What it asks", "Source"};
        rnode *t = tb_table(b->d, "Recommendations the action plan refers to", headers, 3);
        t->flags |= RF_COMPUTED;
        for (size_t k = 0; k < p->n_recommendations; k++) {
            if (!used[k]) continue;
            const recommendation *rc = &p->recommendations[k];
            rnode *tr = tb_row(b->d, t, 0);
            tb_cell(b->d, tr, rc->ref, LEVEL_NONE)->flags |= RF_ROW_HEADER;
            tb_cell(b->d, tr, rc->text ? rc->text : "", LEVEL_NONE);
            tb_cell(b->d, tr, rc->source && rc->source->title ? rc->source->title : "", LEVEL_NONE);
        }
        rnode_append(parent, t);
    }
    free(used);
}

enum {
    PC_REF, PC_ACTION, PC_IMPROVEMENT, PC_ISSUE, PC_TASKS, PC_OUTCOMES, PC_MEASURE, PC_WHO, PC_START,
    PC_FINISH, PC_TARGET, PC_STATUS, PC_RESOURCES, PC_COMMENTS, PC_PROGRESS, PC_RECS, PC_RELATED, PC__N
};
static const char *const pc_ids[PC__N] = {"ref", "action", "improvement", "issue", "tasks", "outcomes",
                                          "measure", "who", "start", "finish", "target", "status",
                                          "resources", "comments", "progress", "recommendations",
                                          "related"};
static const char *const pc_labels[PC__N] = {
    "Ref", "Priority action", "Improvement", "Issue", "Solution (tasks)", "Service improvement / outcomes",
    "Measure of success", "Lead officer", "Start", "Finish", "Target date", "Status", "Resource",
    "Comments / evidence", "Progress", "Recommendation", "Related actions"};

static const char *const priority_words[] = {"", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
                                             "Eight", "Nine"};

/* Lines with a bullet each. */
static void bullets(build_ctx *b, rnode *cell, const char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i) rnode_add(b->d, cell, RN_LINEBREAK);
        rnode_add_text(b->d, cell, arena_printf(&b->d->arena, "\xE2\x80\xA2 %s", items[i]));
    }
}

static void finish_cell(build_ctx *b, rnode *tr, const action *a, int *marks)
{
    char d[DATE_BUF];
    strbuf fin = STRBUF_INIT;
    label_due(&fin, b->house->dates, &a->s);
    rnode *c = tb_cell(b->d, tr, fin.data, LEVEL_NONE);
    block_mark_illustrative(b, c, a->s.illustrative, ILLUSTRATIVE_DUE, marks);
    if (schedule_is_rescheduled_at(&a->s, b->an->as_at)) {
        label_date(b->house->dates, schedule_due_at(&a->s, b->an->as_at), d, sizeof d);
        rnode_add(b->d, c, RN_LINEBREAK);
        rnode_add_text(b->d, c, arena_printf(&b->d->arena, "Revised %s", d));
    }
    sb_free(&fin);
}

static void cell_for(build_ctx *b, rnode *tr, const action *a, int col, int *marks)
{
    const project_detail *pd = a->detail;
    char d[DATE_BUF];
    strbuf sb = STRBUF_INIT;
    rnode *c;
    switch (col) {
    case PC_REF: tb_cell(b->d, tr, a->ref, LEVEL_NONE)->flags |= RF_ROW_HEADER; break;
    case PC_IMPROVEMENT: {
        c = tb_cell(b->d, tr, NULL, LEVEL_NONE);
        c->flags |= RF_ROW_HEADER;
        rnode_add_text(b->d, rnode_add(b->d, c, RN_STRONG), a->ref);
        if (a->description && *a->description) {
            rnode_add(b->d, c, RN_LINEBREAK);
            rnode_add_text(b->d, c, a->description);
        }
        break;
    }
    case PC_ACTION: {
        rnode *desc = tb_cell(b->d, tr, a->description, LEVEL_NONE);
        for (size_t j = 0; j < a->n_milestones; j++) {
            rnode_add(b->d, desc, RN_LINEBREAK);
            sb_reset(&sb);
            sb_puts(&sb, "\xE2\x80\xA2 ");
            label_milestone(&sb, b->house->dates, &a->milestones[j],
                            schedule_due_at(&a->milestones[j].s, b->an->as_at));
            rnode_add_text(b->d, desc, sb.data);
        }
        break;
    }
    case PC_ISSUE:
        c = tb_cell(b->d, tr, NULL, LEVEL_NONE);
        if (pd && pd->issue) tb_lines(b->d, c, pd->issue);
        break;
    case PC_TASKS:
        c = tb_cell(b->d, tr, NULL, LEVEL_NONE);
        if (pd) bullets(b, c, pd->tasks, pd->n_tasks);
        break;
    case PC_OUTCOMES:
        c = tb_cell(b->d, tr, NULL, LEVEL_NONE);
        if (pd) bullets(b, c, pd->outcomes, pd->n_outcomes);
        break;
    case PC_MEASURE: tb_cell(b->d, tr, a->measure, LEVEL_NONE); break;
    case PC_WHO:
        label_who(&sb, &a->s);
        c = tb_cell(b->d, tr, sb.len ? sb.data : (a->theme && a->theme->lead ? a->theme->lead->name : ""),
                    LEVEL_NONE);
        if (sb.len) block_mark_illustrative(b, c, a->s.illustrative, ILLUSTRATIVE_WHO, marks);
        break;
    case PC_START:
        label_date(b->house->dates, a->s.start, d, sizeof d);
        c = tb_cell(b->d, tr, d, LEVEL_NONE);
        if (d[0]) block_mark_illustrative(b, c, a->s.illustrative, ILLUSTRATIVE_START, marks);
        break;
    case PC_FINISH:
    case PC_TARGET: finish_cell(b, tr, a, marks); break;
    case PC_STATUS:
        block_status_cell(b, tr, b->an->actions[a->index]);
        block_mark_status(b, tr->last, &a->s, b->an->actions[a->index], marks);
        break;
    case PC_RESOURCES:
        c = tb_cell(b->d, tr, NULL, LEVEL_NONE);
        if (pd && pd->n_resources) {
            for (size_t i = 0; i < pd->n_resources; i++) {
                if (i) rnode_add(b->d, c, RN_LINEBREAK);
                sb_reset(&sb);
                resource_line_text(&sb, &pd->resources[i]);
                rnode_add_text(b->d, c, sb.data);
            }
        } else if (a->resources) {
            tb_lines(b->d, c, a->resources);
        }
        break;
    case PC_COMMENTS:
        c = tb_cell(b->d, tr, NULL, LEVEL_NONE);
        if (pd && pd->comments) tb_lines(b->d, c, pd->comments);
        break;
    case PC_PROGRESS: {
        const char *pr = b->an->views[a->index].progress;
        tb_cell(b->d, tr, pr ? pr : "", LEVEL_NONE);
        break;
    }
    case PC_RECS:
        for (size_t r = 0; r < a->n_recommendations; r++)
            sb_printf(&sb, "%s%s", r ? ", " : "", a->recommendations[r]->ref);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        break;
    case PC_RELATED:
        for (size_t r = 0; r < a->n_related; r++) sb_printf(&sb, "%s%s", r ? ", " : "", a->related[r]->ref);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        break;
    }
    sb_free(&sb);
}

void block_plan(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    int cols[PC__N];
    int nc = block_columns(b, a, "plan", pc_ids, PC__N, cols);
    if (nc < 0) return;
    if (!nc) {
        /* Annex E; the last two columns only when some action has recommendations or
         * related actions (a review timetable has neither). */
        int has_recs = 0, has_rel = 0;
        for (size_t i = 0; i < b->plan->n_actions; i++) {
            has_recs |= b->plan->actions[i].n_recommendations > 0;
            has_rel |= b->plan->actions[i].n_related > 0;
        }
        static const int annex_e[] = {PC_REF, PC_ACTION, PC_WHO, PC_START, PC_FINISH, PC_STATUS};
        for (size_t i = 0; i < sizeof annex_e / sizeof annex_e[0]; i++) cols[nc++] = annex_e[i];
        if (has_recs) cols[nc++] = PC_RECS;
        if (has_rel) cols[nc++] = PC_RELATED;
    }
    const char *hdr[PC__N];
    for (int i = 0; i < nc; i++) {
        hdr[i] = pc_labels[cols[i]];
    }
    char cap[256];
    if (only)
        snprintf(cap, sizeof cap, "%s %s: action plan as at %s", only->ref, only->title ? only->title : "",
                 block_as_at(b));
    else
        snprintf(cap, sizeof cap, "%s: action plan as at %s", b->plan->title ? b->plan->title : "Plan",
                 block_as_at(b));
    rnode *t = tb_table(b->d, block_caption(b, o, cap), hdr, nc);
    t->flags |= RF_COMPUTED | RF_WIDE;
    int marks = 0;
    for (size_t i = 0; i < b->plan->n_themes; i++) {
        const theme *th = &b->plan->themes[i];
        if (only && th != only) continue;
        if (!only) {    /* one theme: the caption names it */
            strbuf gt = STRBUF_INIT;
            sb_printf(&gt, "%s %s", th->ref, th->title ? th->title : "");
            if (th->priority > 0 && th->priority <= 9)
                sb_printf(&gt, " (Priority %s)", priority_words[th->priority]);
            if (th->lead) sb_printf(&gt, " \xE2\x80\x94 lead officer: %s", th->lead->name);
            tb_group(b->d, t, gt.data);
            sb_free(&gt);
        }
        for (size_t k = 0; k < th->n_actions; k++) {
            const action *ac = th->actions[k];
            if (!analysis_shows(b->an, ac)) continue;
            rnode *tr = tb_row(b->d, t, 0);
            for (int c = 0; c < nc; c++) cell_for(b, tr, ac, cols[c], &marks);
        }
    }
    block_illustrative_note(b, t, marks);
    rnode_append(parent, t);
    for (int c = 0; c < nc; c++)
        if (cols[c] == PC_RECS) recommendations_key(b, parent, only);
}
