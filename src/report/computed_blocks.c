/* computed_blocks.c - fenced blocks that name plan content: rollup, exceptions, plan,
 * risks, indicators. Each becomes a table made from the analysis; nothing here
 * decides a status - it only reads the analysis and words it with labels.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/indicator.h"
#include "../analysis/risk.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "build_ctx.h"
#include "labels.h"
#include "table_build.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const block_names[] = {"rollup", "exceptions", "plan", "risks", "indicators",
                                          "changes"};

char *date_text(rdoc *d, fuzzy_date f)
{
    char buf[DATE_BUF];
    date_format(f, buf, sizeof buf);
    return arena_strdup(&d->arena, buf);
}

char *as_at_text(build_ctx *b)
{
    return date_text(b->d, date_of_day(b->an->as_at));
}

const theme *theme_option(build_ctx *b, const opt_list *o, srcpos pos, int *given)
{
    const char *ref = opts_get(o, "theme");
    *given = ref != NULL;
    if (!ref) return NULL;
    for (size_t i = 0; i < b->plan->n_themes; i++)
        if (strcmp(b->plan->themes[i].ref, ref) == 0) return &b->plan->themes[i];
    theme_not_found(b, pos, arena_printf(&b->d->arena, "%s block", o->name), ref);
    return NULL;
}

const char *caption_or(build_ctx *b, const opt_list *o, const char *dflt)
{
    const char *c = opts_get(o, "caption");
    return c && *c ? c : arena_strdup(&b->d->arena, dflt);
}

static void status_cell(build_ctx *b, rnode *row, derived_status s)
{
    strbuf sb = STRBUF_INIT;
    label_status(&sb, s);
    tb_cell(b->d, row, sb.data, status_level(s.kind));
    sb_free(&sb);
}

static void num_cell(build_ctx *b, rnode *row, size_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", v);
    rnode *c = tb_cell(b->d, row, buf, LEVEL_NONE);
    c->flags |= RF_NUMERIC;
    c->align = ALIGN_RIGHT;
}

/* ---- rollup ------------------------------------------------------------ */

static void block_rollup(build_ctx *b, rnode *parent, const opt_list *o, srcpos pos)
{
    static const char *const allowed[] = {"theme", "caption"};
    if (opts_check(b, o, allowed, N(allowed), "the rollup block", pos)) return;
    int given;
    const theme *only = theme_option(b, o, pos, &given);
    if (given && !only) return;
    const analysis *an = b->an;
    /* Complete, on target and overdue always show; the other statuses only when the
     * plan has any, so the table fits a portrait page. */
    static const status_kind order[] = {STATUS_COMPLETE, STATUS_ON_TARGET, STATUS_RESCHEDULED,
                                        STATUS_LATE_START, STATUS_OVERDUE, STATUS_NOT_YET_DUE,
                                        STATUS_CANCELLED};
    status_kind shown[STATUS__COUNT];
    int ns = 0;
    for (size_t k = 0; k < N(order); k++)
        if (order[k] == STATUS_COMPLETE || order[k] == STATUS_ON_TARGET ||
            order[k] == STATUS_OVERDUE || an->overall.count[order[k]])
            shown[ns++] = order[k];
    const char *headers[STATUS__COUNT + 4];
    int *weights = arena_alloc(&b->d->arena, sizeof(int) * (STATUS__COUNT + 4));
    int nc = 0;
    weights[nc] = 34;
    headers[nc++] = "Theme";
    weights[nc] = 8;
    headers[nc++] = "Actions";
    for (int k = 0; k < ns; k++) {
        weights[nc] = 9;
        headers[nc++] = status_kind_name(shown[k]);
    }
    weights[nc] = 9;
    headers[nc++] = "% complete";
    weights[nc] = 9;
    headers[nc++] = "Theme RAG";
    char cap[256];
    snprintf(cap, sizeof cap, "Progress by theme as at %s", as_at_text(b));
    rnode *t = tb_table(b->d, caption_or(b, o, cap), headers, nc);
    t->flags |= RF_COMPUTED;
    t->col_weights = weights;
    for (size_t i = 0; i <= b->plan->n_themes; i++) {
        int whole = i == b->plan->n_themes;
        if (whole && only) break;
        const theme *th = whole ? NULL : &b->plan->themes[i];
        if (only && th != only) continue;
        const rollup_counts *r = whole ? &an->overall : &an->themes[i];
        rnode *row = tb_row(b->d, t, 0);
        strbuf name = STRBUF_INIT;
        if (whole) sb_puts(&name, "Whole plan");
        else sb_printf(&name, "%s %s", th->ref, th->title ? th->title : "");
        rnode *h = tb_cell(b->d, row, name.data, LEVEL_NONE);
        h->flags |= RF_ROW_HEADER;
        sb_free(&name);
        num_cell(b, row, r->total);
        for (int k = 0; k < ns; k++) num_cell(b, row, r->count[shown[k]]);
        strbuf pc = STRBUF_INIT;
        label_percent(&pc, r->percent_complete);
        rnode *pcell = tb_cell(b->d, row, pc.data, LEVEL_NONE);
        pcell->align = ALIGN_RIGHT;
        pcell->flags |= RF_NUMERIC;
        sb_free(&pc);
        tb_cell(b->d, row, r->rag == LEVEL_NONE ? "-" : b->house->rag[r->rag].word, r->rag);
    }
    rnode_append(parent, t);
}

/* ---- exceptions -------------------------------------------------------- */

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

static void block_exceptions(build_ctx *b, rnode *parent, const opt_list *o, srcpos pos)
{
    static const char *const allowed[] = {"theme", "caption", "columns"};
    if (opts_check(b, o, allowed, N(allowed), "the exceptions block", pos)) return;
    int given;
    const theme *only = theme_option(b, o, pos, &given);
    if (given && !only) return;
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
                diag_error(b->diags, pos, "exceptions block: unknown column '%s'%s%s%s", w,
                           near ? "; did you mean '" : " (columns: ref, action, milestone, who, when, status, days, reason, measure)",
                           near ? near : "", near ? "'?" : "");
                free(list);
                return;
            }
            if (nc < XC__N) cols[nc++] = k;
        }
        free(list);
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
                       "overdue or rescheduled, and none is reported Red or Amber.", as_at_text(b));
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
        snprintf(cap, sizeof cap, "Exceptions as at %s, since %s", as_at_text(b),
                 date_text(b->d, date_of_day(an->since)));
    else
        snprintf(cap, sizeof cap, "Exceptions as at %s", as_at_text(b));
    rnode *t = tb_table(b->d, caption_or(b, o, cap), headers, nc);
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
                case XC_STATUS: status_cell(b, tr, row->status); break;
                case XC_DAYS:
                    if (row->status.kind == STATUS_OVERDUE) num_cell(b, tr, (size_t)row->status.days_overdue);
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

/* ---- plan (seed 000 Annex E) -------------------------------------------- */

static void block_plan(build_ctx *b, rnode *parent, const opt_list *o, srcpos pos)
{
    static const char *const allowed[] = {"theme", "caption"};
    if (opts_check(b, o, allowed, N(allowed), "the plan block", pos)) return;
    int given;
    const theme *only = theme_option(b, o, pos, &given);
    if (given && !only) return;
    static const char *const headers[] = {"Ref", "Priority action", "Lead officer", "Start",
                                          "Finish", "Status", "Recommendation", "Related actions"};
    static const int weights[] = {5, 40, 11, 8, 11, 10, 9, 8};
    /* The last two columns only when some action has recommendations or related
     * actions (a review timetable has neither). */
    int has_recs = 0, has_rel = 0;
    for (size_t i = 0; i < b->plan->n_actions; i++) {
        has_recs |= b->plan->actions[i].n_recommendations > 0;
        has_rel |= b->plan->actions[i].n_related > 0;
    }
    int nc = 6 + has_recs + has_rel;
    const char *hdr[8];
    int *w = arena_alloc(&b->d->arena, 8 * sizeof *w);
    for (int i = 0, k = 0; i < 8; i++) {
        if ((i == 6 && !has_recs) || (i == 7 && !has_rel)) continue;
        hdr[k] = headers[i];
        w[k++] = weights[i];
    }
    char cap[256];
    snprintf(cap, sizeof cap, "%s: action plan as at %s", b->plan->title ? b->plan->title : "Plan",
             as_at_text(b));
    rnode *t = tb_table(b->d, caption_or(b, o, cap), hdr, nc);
    t->flags |= RF_COMPUTED | RF_WIDE;
    t->col_weights = w;
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
                date_format_short(schedule_due_at(&a->milestones[j].s, b->an->as_at), d, sizeof d);
                sb_printf(&ms, "\xE2\x80\xA2 %s%s%s%s", a->milestones[j].title ? a->milestones[j].title : "",
                          d[0] ? " (" : "", d, d[0] ? ")" : "");
                rnode_add_text(b->d, desc, ms.data);
                sb_free(&ms);
            }
            strbuf who = STRBUF_INIT;
            label_who(&who, &a->s);
            tb_cell(b->d, tr, who.len ? who.data : (th->lead ? th->lead->name : ""), LEVEL_NONE);
            sb_free(&who);
            date_format_short(a->s.start, d, sizeof d);
            tb_cell(b->d, tr, d, LEVEL_NONE);
            strbuf fin = STRBUF_INIT;
            date_format_short(a->s.due, d, sizeof d);
            sb_puts(&fin, d);
            if (schedule_is_rescheduled_at(&a->s, b->an->as_at)) {
                date_format_short(schedule_due_at(&a->s, b->an->as_at), d, sizeof d);
                sb_printf(&fin, "\nRevised %s", d);
            }
            tb_cell(b->d, tr, fin.data, LEVEL_NONE);
            sb_free(&fin);
            status_cell(b, tr, st);
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
    b->has_wide = 1;
    rnode_append(parent, t);
}

/* ---- risks ------------------------------------------------------------- */

static void block_risks(build_ctx *b, rnode *parent, const opt_list *o, srcpos pos)
{
    static const char *const allowed[] = {"theme", "caption"};
    if (opts_check(b, o, allowed, N(allowed), "the risks block", pos)) return;
    int given;
    const theme *only = theme_option(b, o, pos, &given);
    if (given && !only) return;
    const plan *p = b->plan;
    size_t *order = xcalloc(p->n_risks + 1, sizeof *order);
    size_t n_open = risk_register_order(p, b->an->as_at, order);
    if (!n_open) {
        free(order);
        char msg[128];
        if (p->n_risks) snprintf(msg, sizeof msg, "The plan records no open risks as at %s.", as_at_text(b));
        else snprintf(msg, sizeof msg, "The plan records no risks.");
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        rnode_add_text(b->d, rnode_add(b->d, n, RN_PARAGRAPH), msg);
        return;
    }
    static const char *const headers[] = {"Ref", "Risk", "Owner", "Inherent (L \xC3\x97 I)",
                                          "Controls", "Net (L \xC3\x97 I)", "Net risk",
                                          "Further actions", "Last reviewed"};
    static const int weights[] = {5, 22, 10, 9, 18, 9, 8, 16, 10};
    char cap[256];
    snprintf(cap, sizeof cap, "Risk register by net score as at %s", as_at_text(b));
    rnode *t = tb_table(b->d, caption_or(b, o, cap), headers, 9);
    t->flags |= RF_COMPUTED | RF_WIDE;
    t->col_weights = weights;
    for (size_t i = 0; i < n_open; i++) {
        const risk *r = &p->risks[order[i]];
        if (only && r->theme != only) continue;
        risk_view v = risk_at(r, b->an->as_at);
        rnode *tr = tb_row(b->d, t, 0);
        rnode *ref = tb_cell(b->d, tr, r->ref, LEVEL_NONE);
        ref->flags |= RF_ROW_HEADER;
        rnode *desc = tb_cell(b->d, tr, r->description, LEVEL_NONE);
        if (r->consequence) {
            rnode_add(b->d, desc, RN_LINEBREAK);
            rnode *em = rnode_add(b->d, desc, RN_EMPH);
            strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "Impact: %s", r->consequence);
            tb_lines(b->d, em, sb.data);
            sb_free(&sb);
        }
        tb_cell(b->d, tr, r->owner ? r->owner->name : "", LEVEL_NONE);
        strbuf sb = STRBUF_INIT;
        label_score(&sb, v.inherent);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_reset(&sb);
        tb_cell(b->d, tr, r->controls, LEVEL_NONE);
        label_score(&sb, v.net);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        risk_band band = risk_band_of(risk_score_value(v.net));
        tb_cell(b->d, tr, band ? risk_band_name(band) : "-", risk_band_level(band));
        tb_cell(b->d, tr, r->further_actions, LEVEL_NONE);
        sb_reset(&sb);
        char d[DATE_BUF];
        date_format_short(v.reviewed, d, sizeof d);
        sb_puts(&sb, d[0] ? d : "Never");
        int overdue = risk_review_overdue(&v, b->an->as_at, b->house->risk_review_days);
        rnode *rc = tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        if (overdue) {
            rnode_add(b->d, rc, RN_LINEBREAK);
            rnode *badge = rnode_add(b->d, rc, RN_BADGE);
            badge->text = "Review overdue";
            badge->rag = LEVEL_AMBER;
        }
        sb_free(&sb);
    }
    free(order);
    b->has_wide = 1;
    rnode_append(parent, t);
}

/* ---- indicators -------------------------------------------------------- */

static void block_indicators(build_ctx *b, rnode *parent, const opt_list *o, srcpos pos)
{
    static const char *const allowed[] = {"period", "caption", "theme"};
    if (opts_check(b, o, allowed, N(allowed), "the indicators block", pos)) return;
    int given;
    const theme *only = theme_option(b, o, pos, &given);
    if (given && !only) return;
    const plan *p = b->plan;
    const char *ps = opts_get(o, "period");
    fuzzy_date period;
    char why[256];
    if (!ps || !*ps) {
        diag_error(b->diags, pos, "indicators block needs period=, e.g. period=2002/03");
        return;
    }
    if (date_parse(ps, &period, why, sizeof why) != 0 || !date_has_bounds(period)) {
        diag_error(b->diags, pos, "indicators block: period %s %s", ps, why[0] ? why : "is not a period");
        return;
    }
    static const char *const headers[] = {"Code", "Indicator", "Better", "Baseline", "Target",
                                          "Actual", "Status", "Direction of travel"};
    static const int weights[] = {9, 32, 7, 10, 9, 9, 12, 12};
    char cap[256], pd[DATE_BUF];
    date_format(period, pd, sizeof pd);
    snprintf(cap, sizeof cap, "Performance indicators, %s", pd);
    rnode *t = tb_table(b->d, caption_or(b, o, cap), headers, 8);
    t->flags |= RF_COMPUTED;
    t->col_weights = weights;
    for (size_t i = 0; i < p->n_indicators; i++) {
        const indicator *ind = &p->indicators[i];
        if (only && ind->theme != only) continue;
        indicator_period st = indicator_status(ind, period, b->an->as_at);
        rnode *tr = tb_row(b->d, t, 0);
        rnode *c = tb_cell(b->d, tr, ind->code, LEVEL_NONE);
        c->flags |= RF_ROW_HEADER;
        tb_cell(b->d, tr, ind->description, LEVEL_NONE);
        tb_cell(b->d, tr, ind->polarity == POLARITY_LOWER ? "Lower" : "Higher", LEVEL_NONE);
        strbuf sb = STRBUF_INIT;
        if (ind->has_baseline) {
            char bd[DATE_BUF];
            date_format(ind->baseline.period, bd, sizeof bd);
            label_value(&sb, ind->baseline.value, ind->unit);
            sb_printf(&sb, " (%s)", bd);
        }
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_reset(&sb);
        if (st.has_target) label_value(&sb, st.target, ind->unit);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE)->align = ALIGN_RIGHT;
        sb_reset(&sb);
        if (st.has_actual) label_value(&sb, st.actual, ind->unit);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE)->align = ALIGN_RIGHT;
        sb_free(&sb);
        rag_level lvl = indicator_result_level(st.result);
        tb_cell(b->d, tr, indicator_result_name(st.result), lvl);
        const char *dir = st.direction == DIR_IMPROVING ? "\xE2\x86\x91 Improving"
                          : st.direction == DIR_SAME ? "\xE2\x86\x92 Same"
                          : st.direction == DIR_WORSE ? "\xE2\x86\x93 Worse" : "";
        tb_cell(b->d, tr, dir, LEVEL_NONE);
    }
    rnode_append(parent, t);
}

void computed_block(build_ctx *b, rnode *parent, const char *info, srcpos pos)
{
    opt_list o;
    if (opts_parse(b->d, info, &o) != 0) {
        diag_error(b->diags, pos, "cannot read the options of this block: '%s' (write name key=value ...)", info);
        return;
    }
    if (!strcmp(o.name, "rollup")) block_rollup(b, parent, &o, pos);
    else if (!strcmp(o.name, "exceptions")) block_exceptions(b, parent, &o, pos);
    else if (!strcmp(o.name, "plan")) block_plan(b, parent, &o, pos);
    else if (!strcmp(o.name, "risks")) block_risks(b, parent, &o, pos);
    else if (!strcmp(o.name, "indicators")) block_indicators(b, parent, &o, pos);
    else if (!strcmp(o.name, "changes")) block_changes(b, parent, &o, pos);
    else {
        strbuf all = STRBUF_INIT;
        sb_word_list(&all, block_names, N(block_names), N(block_names), NULL);
        const char *near = closest_word(o.name, block_names, N(block_names));
        if (near)
            diag_error(b->diags, pos, "unknown block '%s'; did you mean '%s'? (blocks: %s)", o.name,
                       near, all.data);
        else
            diag_error(b->diags, pos, "unknown block '%s' (blocks: %s)", o.name, all.data);
        sb_free(&all);
    }
}
