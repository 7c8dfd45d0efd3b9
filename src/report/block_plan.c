/* block_plan.c - the plan block: the full action plan, as seed 000 Annex E. */
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

void block_plan(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    static const char *const headers[] = {"Ref", "Priority action", "Lead officer", "Start",
                                          "Finish", "Status", "Recommendation", "Related actions"};
    /* The last two columns only when some action has recommendations or related
     * actions (a review timetable has neither). */
    int has_recs = 0, has_rel = 0;
    for (size_t i = 0; i < b->plan->n_actions; i++) {
        has_recs |= b->plan->actions[i].n_recommendations > 0;
        has_rel |= b->plan->actions[i].n_related > 0;
    }
    int nc = 6 + has_recs + has_rel;
    const char *hdr[8];
    for (int i = 0, k = 0; i < 8; i++) {
        if ((i == 6 && !has_recs) || (i == 7 && !has_rel)) continue;
        hdr[k++] = headers[i];
    }
    char cap[256];
    if (only)
        snprintf(cap, sizeof cap, "%s %s: action plan as at %s", only->ref, only->title ? only->title : "",
                 block_as_at(b));
    else
        snprintf(cap, sizeof cap, "%s: action plan as at %s", b->plan->title ? b->plan->title : "Plan",
                 block_as_at(b));
    rnode *t = tb_table(b->d, block_caption(b, o, cap), hdr, nc);
    t->flags |= RF_COMPUTED;
    char d[DATE_BUF];
    for (size_t i = 0; i < b->plan->n_themes; i++) {
        const theme *th = &b->plan->themes[i];
        if (only && th != only) continue;
        strbuf gt = STRBUF_INIT;
        sb_printf(&gt, "%s %s", th->ref, th->title ? th->title : "");
        if (th->lead) sb_printf(&gt, " \xE2\x80\x94 lead officer: %s", th->lead->name);
        tb_group(b->d, t, gt.data);
        sb_free(&gt);
        for (size_t k = 0; k < th->n_actions; k++) {
            const action *a = th->actions[k];
            if (!analysis_shows(b->an, a)) continue;
            derived_status st = b->an->actions[a->index];
            rnode *tr = tb_row(b->d, t, 0);
            rnode *ref = tb_cell(b->d, tr, a->ref, LEVEL_NONE);
            ref->flags |= RF_ROW_HEADER;
            rnode *desc = tb_cell(b->d, tr, a->description, LEVEL_NONE);
            for (size_t j = 0; j < a->n_milestones; j++) {
                rnode_add(b->d, desc, RN_LINEBREAK);
                strbuf ms = STRBUF_INIT;
                sb_puts(&ms, "\xE2\x80\xA2 ");
                label_milestone(&ms, b->house->dates, &a->milestones[j],
                                schedule_due_at(&a->milestones[j].s, b->an->as_at));
                rnode_add_text(b->d, desc, ms.data);
                sb_free(&ms);
            }
            strbuf who = STRBUF_INIT;
            label_who(&who, &a->s);
            tb_cell(b->d, tr, who.len ? who.data : (th->lead ? th->lead->name : ""), LEVEL_NONE);
            sb_free(&who);
            label_date(b->house->dates, a->s.start, d, sizeof d);
            tb_cell(b->d, tr, d, LEVEL_NONE);
            strbuf fin = STRBUF_INIT;
            label_date(b->house->dates, a->s.due, d, sizeof d);
            sb_puts(&fin, d);
            if (schedule_is_rescheduled_at(&a->s, b->an->as_at)) {
                label_date(b->house->dates, schedule_due_at(&a->s, b->an->as_at), d, sizeof d);
                sb_printf(&fin, "\nRevised %s", d);
            }
            tb_cell(b->d, tr, fin.data, LEVEL_NONE);
            sb_free(&fin);
            block_status_cell(b, tr, st);
            if (has_recs) {
                strbuf recs = STRBUF_INIT;
                for (size_t r = 0; r < a->n_recommendations; r++)
                    sb_printf(&recs, "%s%s", r ? ", " : "", a->recommendations[r]->ref);
                tb_cell(b->d, tr, recs.data, LEVEL_NONE);
                sb_free(&recs);
            }
            if (has_rel) {
                strbuf rel = STRBUF_INIT;
                for (size_t r = 0; r < a->n_related; r++)
                    sb_printf(&rel, "%s%s", r ? ", " : "", a->related[r]->ref);
                tb_cell(b->d, tr, rel.data, LEVEL_NONE);
                sb_free(&rel);
            }
        }
    }
    rnode_append(parent, t);
    if (has_recs) recommendations_key(b, parent, only);
}
