/* sheet_diff.c - a returned sheet against the plan as it was exported (sheet_diff.h). */
#include "sheet_diff.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/csv_read.h"
#include "../util/xalloc.h"
#include "history.h"
#include "risk.h"
#include "sheet_view.h"

typedef struct {
    const plan *p;
    const sheet_return *r;
    const fuzzy_date *date;     /* the import's date, or NULL */
    day_t today, as_at;         /* as_at: the sheet's date E */
    analysis *an;               /* the plan as at E */
    diag_list *diags;
    sheet_changes *out;
    size_t cap, errors;
    arena ar;
} differ;

static const char *cell(differ *d, const sheet_value *v)
{
    char c[16];
    csv_column_name(v->pos.col, c, sizeof c);
    return arena_printf(&d->ar, "%s%d", c, v->pos.line);
}

static const char *header(differ *d, sheet_col col)
{
    const sheet_column *c = sheet_column_of(d->r->spec, col);
    return c ? c->header : "";
}

static void err(differ *d, const sheet_value *v, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err(differ *d, const sheet_value *v, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error(d->diags, v->pos, "%s", msg);
    d->errors++;
}

static const char *fmt_date(differ *d, fuzzy_date x)
{
    char buf[DATE_BUF];
    date_format(x, buf, sizeof buf);
    return arena_strdup(&d->ar, buf[0] ? buf : "none");
}

static int is_ws(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* Text compared as people see it: runs of white space are one space, and white space
 * at either end does not count. */
static int same_text(const char *a, const char *b)
{
    for (;;) {
        while (is_ws(*a)) a++;
        while (is_ws(*b)) b++;
        if (!*a || !*b) return !*a && !*b;
        for (; *a && !is_ws(*a); a++, b++)
            if (*a != *b) return 0;
        if (*b && !is_ws(*b)) return 0;
    }
}

/* 1 when the officer changed the row's Update date from the one exported. */
static int updated_edited(const sheet_row *row, fuzzy_date exported)
{
    const sheet_value *u = &row->v[COL_UPDATED];
    return u->present && u->ok && u->text[0] && !sheet_same_date(u->date, exported);
}

/* The INFO and FIXED columns as exported: a changed INFO cell is a warning, a changed
 * FIXED one an error (dates and numbers compared as values). */
static void check_unchanged(differ *d, const sheet_row *row, const sheet_item *base)
{
    const sheet_spec *spec = d->r->spec;
    for (size_t i = 0; i < spec->n_columns; i++) {
        const sheet_column *c = &spec->columns[i];
        const sheet_value *v = &row->v[c->col];
        /* a blank cell claims nothing (a row the officer added has no reference cells) */
        if (!v->present || !v->ok || !v->text[0] || (c->role != ROLE_INFO && c->role != ROLE_FIXED))
            continue;
        const char *was = base->text[c->col];
        if (c->role == ROLE_INFO) {
            if (!same_text(v->text, was))
                diag_warning(d->diags, v->pos, "%s in %s is there for reference: tabled does not "
                             "change it from a sheet (it says '%s'; the plan, '%s')", c->header,
                             cell(d, v), v->text, was);
            continue;
        }
        int same;
        if (c->type == VAL_DATE) {
            fuzzy_date plan_date = c->col == COL_START ? (row->milestone ? row->milestone->s.start : row->action->s.start)
                                                       : (row->milestone ? row->milestone->s.due : row->action->s.due);
            same = sheet_same_date(v->date, plan_date);
        } else if (c->type == VAL_NUMBER) {
            same = base->has_target && v->number == base->target;
        } else {
            same = same_text(v->text, was);
        }
        if (same) continue;
        if (c->col == COL_TARGET)
            err(d, v, "%s in %s is the plan's target (%s), which a return cannot change; change "
                "it in the plan", c->header, cell(d, v), was[0] ? was : "none");
        else
            err(d, v, "%s in %s is the plan's %s date (%s), which a return cannot change; to "
                "move the due date enter a Revised due and a Reason for revision", c->header,
                cell(d, v), c->col == COL_START ? "start" : "original due", was[0] ? was : "none");
    }
}

/* The date a changed row reports on: its Update date when the officer changed it, else
 * the import's date. -1 after an error. */
static int entry_date(differ *d, const sheet_row *row, fuzzy_date exported, fuzzy_date *out)
{
    const sheet_value *u = &row->v[COL_UPDATED];
    if (!updated_edited(row, exported)) {
        if (d->date) {
            *out = *d->date;
            return 0;
        }
        const sheet_value *at = u->present ? u : &row->v[COL_REF];
        err(d, at, "row %d changes the %s but gives no date for the update: enter the date "
            "it reports on in %s (it still says '%s'), or import with --date DATE", row->row,
            d->r->spec->rows, header(d, COL_UPDATED), u->text[0] ? u->text : "");
        return -1;
    }
    const char *w = cell(d, u);
    if (!date_has_bounds(u->date)) {
        err(d, u, "%s in %s must be a date, not 'ongoing'", header(d, COL_UPDATED), w);
        return -1;
    }
    day_t last = date_last_day(u->date);
    if (last < d->as_at) {
        err(d, u, "%s %s in %s is before %s, the date this sheet shows the plan at; an update "
            "from it must be dated on or after that", header(d, COL_UPDATED), fmt_date(d, u->date),
            w, fmt_date(d, date_of_day(d->as_at)));
        return -1;
    }
    if (d->date && last > date_last_day(*d->date)) {
        err(d, u, "%s %s in %s is after %s, the date given with --date", header(d, COL_UPDATED),
            fmt_date(d, u->date), w, fmt_date(d, *d->date));
        return -1;
    }
    if (date_first_day(u->date) > d->today) {
        err(d, u, "%s %s in %s is in the future", header(d, COL_UPDATED), fmt_date(d, u->date), w);
        return -1;
    }
    *out = u->date;
    return 0;
}

static sheet_entry *add(differ *d, const sheet_row *row, fuzzy_date date)
{
    sheet_changes *c = d->out;
    if (c->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 32;
        c->entries = xrealloc(c->entries, d->cap * sizeof *c->entries);
    }
    sheet_entry *e = &c->entries[c->n++];
    memset(e, 0, sizeof *e);
    e->row = row;
    e->date = date;
    return e;
}

/* An update of s already dated the same day: the loader allows one a day. */
static const schedule_update *update_on(const schedule *s, day_t day)
{
    for (size_t i = 0; i < s->n_updates; i++)
        if (s->updates[i].date.kind != DATE_NONE && s->updates[i].known == day) return &s->updates[i];
    return NULL;
}

/* ---- actions and milestones ---------------------------------------------------------- */

static void action_row(differ *d, const sheet_row *row)
{
    const action *a = row->action;
    const milestone *m = row->milestone;
    const schedule *s = m ? &m->s : &a->s;
    const char *what = m ? arena_printf(&d->ar, "milestone %s of action %s",
                                        sheet_milestone_key(a, m, &d->ar), a->ref)
                         : arena_printf(&d->ar, "action %s", a->ref);
    if (!analysis_shows(d->an, a)) {
        err(d, &row->v[COL_REF], "action %s was not yet in the plan on %s, the date of this "
            "sheet", a->ref, fmt_date(d, date_of_day(d->as_at)));
        return;
    }
    sheet_item base;
    sheet_item_action(d->an, a, m, &base, &d->ar);
    const schedule_view *b = &base.view;
    check_unchanged(d, row, &base);
    size_t errors = d->errors;

    const sheet_value *vs = &row->v[COL_STATUS], *vr = &row->v[COL_RAG], *vp = &row->v[COL_PROGRESS],
                      *vc = &row->v[COL_COMPLETED], *vv = &row->v[COL_REVISED],
                      *va = &row->v[COL_AGREED], *vn = &row->v[COL_REASON];
    int st = 0, rg = 0, pr = 0, co = 0, rv = 0;
    entered_status status = b->status;
    if (vs->present && vs->ok) {
        if (!vs->text[0] && b->status != ENTERED_NONE)
            err(d, vs, "Status in %s is blank, but the plan says '%s'; a return cannot clear a "
                "status: give one", cell(d, vs), base.text[COL_STATUS]);
        else if (vs->text[0] && (entered_status)vs->word != b->status)
            st = 1, status = (entered_status)vs->word;
    }
    if (vr->present && vr->ok) {
        if (!vr->text[0] && b->rag != RAG_NONE)
            err(d, vr, "RAG in %s is blank, but the plan says '%s'; a return cannot clear a RAG: "
                "give one", cell(d, vr), base.text[COL_RAG]);
        else if (vr->text[0] && (stated_rag)vr->word != b->rag)
            rg = 1;
    }
    if (vp->present && vp->ok) {
        if (!vp->text[0] && b->progress && b->progress[0])
            err(d, vp, "Progress in %s is blank, but the plan has a progress note; a return "
                "cannot clear it: write the latest position", cell(d, vp));
        else if (vp->text[0] && !same_text(vp->text, b->progress ? b->progress : ""))
            pr = 1;
    }
    int status_known = !vs->present || vs->ok;
    fuzzy_date completed = b->status == ENTERED_COMPLETE ? b->completed : (fuzzy_date){DATE_NONE, 0, 0, 0, 0};
    if (vc->present && vc->ok && status_known) {
        if (!vc->text[0]) {
            if (status == ENTERED_COMPLETE && completed.kind != DATE_NONE)
                err(d, vc, "Completed in %s is blank, but the plan has %s as completed on %s; a "
                    "return cannot clear a completion date", cell(d, vc), what, fmt_date(d, completed));
        } else if (status != ENTERED_COMPLETE) {
            err(d, vc, "Completed in %s gives a date, but the Status is '%s'; set Status to "
                "Complete, or clear Completed", cell(d, vc), vs->text[0] ? vs->text : "none");
        } else if (!sheet_same_date(vc->date, completed)) {
            if (vc->date.kind != DATE_DAY && vc->date.kind != DATE_MONTH)
                err(d, vc, "Completed %s in %s must be a day or a month", vc->text, cell(d, vc));
            else if (date_first_day(vc->date) > d->today)
                err(d, vc, "Completed %s in %s is in the future", fmt_date(d, vc->date), cell(d, vc));
            else if (date_has_bounds(s->start) && date_last_day(vc->date) < date_first_day(s->start))
                err(d, vc, "Completed %s in %s is before %s starts (%s)", fmt_date(d, vc->date),
                    cell(d, vc), what, fmt_date(d, s->start));
            else
                co = 1;
        }
    }
    /* A revision: a new Revised due, with its agreed date and reason. */
    if (vv->present && vv->ok) {
        if (!vv->text[0] && base.revision)
            err(d, vv, "Revised due in %s is blank, but the plan has %s revised to %s; a return "
                "cannot remove a revision", cell(d, vv), what, fmt_date(d, base.revision->date));
        else if (vv->text[0] && !(base.revision && sheet_same_date(vv->date, base.revision->date)) &&
                 !sheet_same_date(vv->date, b->due)) {
            if (vv->date.kind != DATE_ONGOING && date_has_bounds(s->start) &&
                date_last_day(vv->date) < date_first_day(s->start))
                err(d, vv, "Revised due %s in %s is before %s starts (%s)", fmt_date(d, vv->date),
                    cell(d, vv), what, fmt_date(d, s->start));
            else
                rv = 1;
        }
    }
    fuzzy_date old_agreed = base.revision ? base.revision->agreed : (fuzzy_date){DATE_NONE, 0, 0, 0, 0};
    int agreed_new = va->present && va->ok && va->text[0] && !sheet_same_date(va->date, old_agreed);
    int reason_new = vn->present && vn->ok && !same_text(vn->text, base.text[COL_REASON]);
    if (!rv && d->errors == errors && (!vv->present || vv->ok) && (agreed_new || reason_new)) {
        const sheet_value *x = agreed_new ? va : vn;
        const char *h = agreed_new ? "Revision agreed" : "Reason for revision";
        if (base.revision)
            err(d, x, "%s in %s belongs to the revision already in the plan (to %s); a return "
                "cannot change it: give a new Revised due with its own agreed date and reason, "
                "or change the plan", h, cell(d, x), fmt_date(d, base.revision->date));
        else
            err(d, x, "%s in %s is for a revision, but Revised due gives no new due date; enter "
                "the new due date in Revised due", h, cell(d, x));
    }
    if (d->errors > errors) return;

    if (!(st || rg || pr || co || rv)) {
        if (updated_edited(row, base.updated))
            diag_warning(d->diags, row->v[COL_UPDATED].pos, "%s in %s is changed but nothing else "
                         "in row %d is, so there is nothing to record", header(d, COL_UPDATED),
                         cell(d, &row->v[COL_UPDATED]), row->row);
        return;
    }
    fuzzy_date date;
    if (entry_date(d, row, base.updated, &date) != 0) return;
    day_t day = date_last_day(date);
    /* Drop what the plan already says as at that date (an earlier import, or another
     * return); then what is left must fit the plan's rules for that date. */
    schedule_view now = schedule_at(s, day);
    if (st && status == now.status) st = 0;
    if (rg && (stated_rag)vr->word == now.rag) rg = 0;
    if (pr && now.progress && same_text(vp->text, now.progress)) pr = 0;
    if (co && now.status == ENTERED_COMPLETE && sheet_same_date(vc->date, now.completed)) co = 0;
    if (rv && sheet_same_date(vv->date, now.due)) rv = 0;
    if (!(st || rg || pr || co || rv)) {
        d->out->n_already++;
        return;
    }
    errors = d->errors;
    if (co && date_first_day(vc->date) > day)
        err(d, vc, "Completed %s in %s is after %s, the date the update reports on",
            fmt_date(d, vc->date), cell(d, vc), fmt_date(d, date));
    if (rv && agreed_new && date_first_day(va->date) > day)
        err(d, va, "Revision agreed %s in %s is after %s, the date the update reports on",
            fmt_date(d, va->date), cell(d, va), fmt_date(d, date));
    const schedule_update *same_day = (st || rg || pr || co) ? update_on(s, day) : NULL;
    if (same_day)
        err(d, vs->present ? vs : &row->v[COL_REF], "%s already has an update for %s (%s:%d); "
            "import with another --date, or put this change in that file", what,
            fmt_date(d, date), same_day->pos.file, same_day->pos.line);
    int closed_now = now.status == ENTERED_COMPLETE || now.status == ENTERED_CANCELLED;
    int reopens = st && closed_now && status != ENTERED_COMPLETE && status != ENTERED_CANCELLED;
    if (reopens && !pr)
        err(d, vs, "Status in %s opens %s again (it is %s); say why in Progress", cell(d, vs),
            what, now.status == ENTERED_COMPLETE ? "complete" : "cancelled");
    if (d->errors > errors) return;

    sheet_entry *e = add(d, row, date);
    e->action = a;
    e->milestone = m;
    e->u.date = date;
    if (st) e->u.status = status;
    if (rg) e->u.rag = (stated_rag)vr->word;
    if (pr) e->u.progress = vp->text;
    if (co) {
        e->u.completed = vc->date;
        if (!e->u.status) e->u.status = ENTERED_COMPLETE;
    }
    if (reopens) e->u.reopened = vp->text;
    e->has_update = st || rg || pr || co;
    if (rv) {
        e->has_revision = 1;
        e->v.date = vv->date;
        e->v.agreed = agreed_new ? va->date : (fuzzy_date){DATE_NONE, 0, 0, 0, 0};
        e->v.reason = vn->text[0] ? vn->text : NULL;
        if (!e->v.reason)
            diag_warning(d->diags, vn->present ? vn->pos : vv->pos, "the revision of %s to %s "
                         "in row %d has no reason; papers show the reason for every revision",
                         what, fmt_date(d, vv->date), row->row);
    }
    d->out->n_changed_cells += (size_t)(st + rg + pr + co + rv);
}

/* ---- risks ----------------------------------------------------------------------- */

/* A pair of score cells: -1 error, 0 unchanged, 1 changed (to *out). */
static int score_pair(differ *d, const sheet_row *row, sheet_col lc, sheet_col ic,
                      risk_score was, risk_score *out)
{
    const sheet_value *l = &row->v[lc], *i = &row->v[ic];
    if ((l->present && !l->ok) || (i->present && !i->ok)) return -1;
    if (!l->present && !i->present) return 0;
    int lg = l->present && l->text[0], ig = i->present && i->text[0];
    if (!lg && !ig) {
        if (!was.likelihood) return 0;
        err(d, l->present ? l : i, "%s in %s is blank, but the risk is scored %d x %d; a return "
            "cannot clear a score", header(d, lc), cell(d, l->present ? l : i), was.likelihood, was.impact);
        return -1;
    }
    if (!lg || !ig) {
        const sheet_value *gap = lg ? i : l;
        if (!gap->present) { /* a column not in the sheet: the other half carries over */
            risk_score s = was;
            if (lg) s.likelihood = l->word;
            else s.impact = i->word;
            if (!s.likelihood || !s.impact) {
                err(d, lg ? l : i, "%s in %s needs its pair (likelihood and impact), but the "
                    "sheet has no column for it", header(d, lg ? lc : ic), cell(d, lg ? l : i));
                return -1;
            }
            *out = s;
            return s.likelihood != was.likelihood || s.impact != was.impact;
        }
        err(d, gap, "%s in %s is blank; give a likelihood and an impact together", header(d, lg ? ic : lc),
            cell(d, gap));
        return -1;
    }
    out->likelihood = l->word;
    out->impact = i->word;
    return out->likelihood != was.likelihood || out->impact != was.impact;
}

static void risk_row(differ *d, const sheet_row *row)
{
    const risk *r = row->risk;
    sheet_item base;
    sheet_item_risk(d->an, r, &base, &d->ar);
    const risk_view *b = &base.risk;
    if (!b->present) {
        err(d, &row->v[COL_REF], "risk %s was not in the register on %s, the date of this sheet",
            r->ref, fmt_date(d, date_of_day(d->as_at)));
        return;
    }
    check_unchanged(d, row, &base);
    size_t errors = d->errors;
    risk_score inh = {0, 0}, net = {0, 0};
    int ih = score_pair(d, row, COL_INHERENT_L, COL_INHERENT_I, b->inherent, &inh);
    int nt = score_pair(d, row, COL_NET_L, COL_NET_I, b->net, &net);
    const sheet_value *vb = &row->v[COL_REVIEW_BY], *vn = &row->v[COL_NOTE], *vc = &row->v[COL_CLOSED];
    int rb = 0, nt_changed = 0, cl = 0;
    if (vb->present && vb->ok) {
        if (!vb->text[0] && b->review_by.kind != DATE_NONE)
            err(d, vb, "Review by in %s is blank, but the risk is due for review by %s; a return "
                "cannot clear it", cell(d, vb), fmt_date(d, b->review_by));
        else if (vb->text[0] && !sheet_same_date(vb->date, b->review_by))
            rb = 1;
    }
    if (vn->present && vn->ok && !same_text(vn->text, b->note ? b->note : "")) nt_changed = 1;
    if (vc->present && vc->ok && vc->text[0]) {
        if (!date_has_bounds(vc->date))
            err(d, vc, "Closed in %s must be a date, not 'ongoing'", cell(d, vc));
        else
            cl = 1;
    }
    if (d->errors > errors || ih < 0 || nt < 0) return;
    int reviewed = updated_edited(row, b->reviewed);
    if (!(ih || nt || rb || nt_changed || cl || reviewed)) return;
    fuzzy_date date;
    if (entry_date(d, row, b->reviewed, &date) != 0) return;
    day_t day = date_last_day(date);
    risk_view now = risk_at(r, day);
    errors = d->errors;
    if (cl) {
        if (now.closed)
            err(d, vc, "risk %s is already closed (on %s)", r->ref, fmt_date(d, r->closed));
        else if (date_first_day(vc->date) > day)
            err(d, vc, "Closed %s in %s is after %s, the date the update reports on",
                fmt_date(d, vc->date), cell(d, vc), fmt_date(d, date));
    }
    int review = ih || nt || rb || nt_changed || reviewed;
    if (review && !reviewed && (!ih || (inh.likelihood == now.inherent.likelihood && inh.impact == now.inherent.impact)) &&
        (!nt || (net.likelihood == now.net.likelihood && net.impact == now.net.impact)) &&
        (!rb || sheet_same_date(vb->date, now.review_by)) &&
        (!nt_changed || same_text(vn->text, now.note ? now.note : "")))
        review = 0; /* the plan says all this already as at that date */
    if (!review && !cl) d->out->n_already++;
    if (review) {
        for (size_t i = 0; i < r->n_reviews; i++)
            if (r->reviews[i].date.kind != DATE_NONE && r->reviews[i].known == day) {
                err(d, &row->v[COL_REF], "risk %s already has a review for %s (%s:%d); import with "
                    "another --date, or put this review in that file", r->ref, fmt_date(d, date),
                    r->reviews[i].pos.file, r->reviews[i].pos.line);
                break;
            }
    }
    if (d->errors > errors || !(review || cl)) return;
    sheet_entry *e = add(d, row, date);
    e->risk = r;
    e->index = (size_t)(r - d->p->risks);
    if (review) {
        e->has_review = 1;
        e->w.date = date;
        if (ih) e->w.inherent = inh;
        if (nt) e->w.net = net;
        if (rb) e->w.review_by = vb->date;
        /* The latest review's note is the one shown: restate the note in force unless
         * the officer changed it. */
        e->w.note = nt_changed ? (vn->text[0] ? vn->text : NULL) : now.note;
        if (!ih && !nt && !rb && !e->w.note) e->w.net = now.net; /* a review confirming the scores */
    }
    if (cl) {
        e->has_closed = 1;
        e->closed = vc->date;
    }
    int cells = ih + nt + rb + nt_changed + cl;
    d->out->n_changed_cells += (size_t)(cells ? cells : 1);
}

/* ---- indicators ------------------------------------------------------------------ */

static void indicator_row(differ *d, const sheet_row *row)
{
    const indicator *ind = row->indicator;
    sheet_item base;
    sheet_item_indicator(d->an, ind, row->period, &base, &d->ar);
    check_unchanged(d, row, &base);
    const sheet_value *va = &row->v[COL_ACTUAL];
    if (!va->present || !va->ok) return;
    if (!va->text[0]) {
        if (base.has_actual)
            err(d, va, "Actual in %s is blank, but the plan has %s for %s; a return cannot clear "
                "an actual", cell(d, va), base.text[COL_ACTUAL], fmt_date(d, row->period));
        return;
    }
    if (base.has_actual && va->number == base.actual) return;
    fuzzy_date date;
    if (entry_date(d, row, base.updated, &date) != 0) return;
    day_t day = date_last_day(date);
    if (date_last_day(row->period) > day) {
        err(d, va, "Actual in %s is for %s, which ends after %s, the date the update reports on",
            cell(d, va), fmt_date(d, row->period), fmt_date(d, date));
        return;
    }
    const period_value *now = indicator_actual_at(ind, date_first_day(row->period), day);
    if (now && now->value == va->number) {
        d->out->n_already++;
        return;
    }
    for (size_t i = 0; i < ind->n_actuals; i++) {
        const period_value *x = &ind->actuals[i];
        if (x->known == day && date_first_day(x->period) == date_first_day(row->period)) {
            err(d, va, "indicator %s already has an actual for %s reported on %s (%s:%d); import "
                "with another --date", ind->code, fmt_date(d, row->period), fmt_date(d, date),
                x->pos.file, x->pos.line);
            return;
        }
    }
    sheet_entry *e = add(d, row, date);
    e->indicator = ind;
    e->index = (size_t)(ind - d->p->indicators);
    e->period = row->period;
    e->actual = va->number;
    d->out->n_changed_cells++;
}

/* ---- the whole sheet ------------------------------------------------------------- */

/* Plan order: an entry's place in the plan (action and milestone, risk, indicator and
 * period), so the update file reads in the order of the plan however the sheet was
 * sorted. */
static int cmp_entry(const void *pa, const void *pb)
{
    const sheet_entry *a = pa, *b = pb;
    if (a->action && b->action) {
        if (a->action->index != b->action->index) return a->action->index < b->action->index ? -1 : 1;
        size_t ma = a->milestone ? (size_t)(a->milestone - a->action->milestones) + 1 : 0;
        size_t mb = b->milestone ? (size_t)(b->milestone - b->action->milestones) + 1 : 0;
        return ma < mb ? -1 : ma > mb;
    }
    if (a->risk && b->risk) return a->risk < b->risk ? -1 : a->risk > b->risk;
    if (a->indicator != b->indicator) return a->indicator < b->indicator ? -1 : 1;
    day_t fa = date_first_day(a->period), fb = date_first_day(b->period);
    return fa < fb ? -1 : fa > fb;
}

int sheet_diff(const plan *p, const sheet_return *r, const fuzzy_date *date, day_t today,
               sheet_changes *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    differ d;
    memset(&d, 0, sizeof d);
    d.p = p;
    d.r = r;
    d.date = date;
    d.today = today;
    d.as_at = date_last_day(r->as_at);
    d.diags = diags;
    d.out = out;
    arena_init(&d.ar);
    if (date) {
        const sheet_value at = {1, 1, "", r->as_at_pos, {DATE_NONE, 0, 0, 0, 0}, 0, 0};
        if (date_last_day(*date) < d.as_at)
            err(&d, &at, "the sheet shows the plan as at %s, and --date %s is before that; an update "
                "from it must be dated on or after %s (or export the plan as at that date)",
                fmt_date(&d, r->as_at), fmt_date(&d, *date), fmt_date(&d, r->as_at));
        if (date_first_day(*date) > today)
            err(&d, &at, "--date %s is in the future", fmt_date(&d, *date));
        if (d.errors) {
            arena_free(&d.ar);
            return -1;
        }
    }
    d.an = analyse(p, d.as_at, NULL, NULL);
    out->n_rows = r->n_rows;
    for (size_t i = 0; i < r->n_rows; i++) {
        const sheet_row *row = &r->rows[i];
        if (row->action) action_row(&d, row);
        else if (row->risk) risk_row(&d, row);
        else if (row->indicator) indicator_row(&d, row);
    }
    analysis_free(d.an);
    /* Entries point at the sheet's text; their own strings live in d.ar only for
     * messages, so it can go now. */
    arena_free(&d.ar);
    if (out->n > 1) qsort(out->entries, out->n, sizeof *out->entries, cmp_entry);
    if (date) {
        out->file_date = *date;
    } else {
        for (size_t i = 0; i < out->n; i++)
            if (!i || date_last_day(out->entries[i].date) > date_last_day(out->file_date))
                out->file_date = out->entries[i].date;
    }
    return d.errors ? -1 : 0;
}

void sheet_changes_free(sheet_changes *c)
{
    free(c->entries);
    memset(c, 0, sizeof *c);
}

static void mismatch(diag_list *diags, const sheet_entry *e, const char *what)
{
    diag_error(diags, e->row->v[COL_REF].pos, "row %d: the update file written for it does not "
               "give %s as the sheet does", e->row->row, what);
}

int sheet_changes_check(const plan *applied, const sheet_changes *c, diag_list *diags)
{
    size_t before = diags->errors;
    for (size_t i = 0; i < c->n; i++) {
        const sheet_entry *e = &c->entries[i];
        day_t day = date_last_day(e->date);
        if (e->action) {
            const action *a = &applied->actions[e->action->index];
            const schedule *s = e->milestone ? &a->milestones[e->milestone - e->action->milestones].s : &a->s;
            schedule_view v = schedule_at(s, day);
            if (e->u.status && v.status != e->u.status) mismatch(diags, e, "the status");
            if (e->u.rag && v.rag != e->u.rag) mismatch(diags, e, "the RAG");
            if (e->u.progress && !(v.progress && same_text(v.progress, e->u.progress)))
                mismatch(diags, e, "the progress note");
            if (e->u.completed.kind && !sheet_same_date(v.completed, e->u.completed))
                mismatch(diags, e, "the completion date");
            if (e->has_revision && !sheet_same_date(v.due, e->v.date)) mismatch(diags, e, "the revised date");
        } else if (e->risk) {
            risk_view v = risk_at(&applied->risks[e->index], day);
            const risk_review *w = &e->w;
            if (w->inherent.likelihood && (v.inherent.likelihood != w->inherent.likelihood ||
                                           v.inherent.impact != w->inherent.impact))
                mismatch(diags, e, "the inherent score");
            if (w->net.likelihood && (v.net.likelihood != w->net.likelihood || v.net.impact != w->net.impact))
                mismatch(diags, e, "the net score");
            if (w->review_by.kind && !sheet_same_date(v.review_by, w->review_by)) mismatch(diags, e, "the review date");
            if (e->has_review && !(w->note ? v.note && same_text(v.note, w->note) : !v.note))
                mismatch(diags, e, "the review note");
            if (e->has_closed && !v.closed) mismatch(diags, e, "the closure");
        } else if (e->indicator) {
            const period_value *v = indicator_actual_at(&applied->indicators[e->index],
                                                        date_first_day(e->period), day);
            if (!v || v->value != e->actual) mismatch(diags, e, "the actual");
        }
    }
    return diags->errors > before ? -1 : 0;
}
