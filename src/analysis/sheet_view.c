/* sheet_view.c - the cells of a sheet row as at a date (sheet_view.h). */
#include "sheet_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "indicator.h"
#include "risk.h"

static const char *status_word(entered_status s)
{
    switch (s) {
    case ENTERED_NOT_STARTED: return "Not started";
    case ENTERED_IN_PROGRESS: return "In progress";
    case ENTERED_COMPLETE: return "Complete";
    case ENTERED_CANCELLED: return "Cancelled";
    default: return "";
    }
}

void sheet_date_text(fuzzy_date d, char *buf, size_t len)
{
    if (d.kind == DATE_DAY) snprintf(buf, len, "%02d/%02d/%04d", d.day, d.month, d.year);
    else date_format(d, buf, len);
}

void sheet_number_text(double v, char *buf, size_t len)
{
    /* No exponent (9e+01) for the numbers plans hold: a spreadsheet shows it as typed. */
    double a = v < 0 ? -v : v;
    int plain = a == 0 || (a >= 1e-4 && a < 1e15);
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, len, "%.*g", prec, v);
        if (plain && strchr(buf, 'e')) continue;
        if (strtod(buf, NULL) == v) return;
    }
}

void sheet_number_as_typed(double v, const char *cell, char *buf, size_t len)
{
    sheet_number_text(v, buf, len);
    const char *dot = cell ? strchr(cell, '.') : NULL;
    if (!dot) return;
    int dp = 0;
    while (dot[1 + dp] >= '0' && dot[1 + dp] <= '9') dp++;
    if (dp == 0 || dp > 15) return;
    char fixed[64];
    snprintf(fixed, sizeof fixed, "%.*f", dp, v);
    if (strtod(fixed, NULL) == v && strlen(fixed) < len) memcpy(buf, fixed, strlen(fixed) + 1);
}

int sheet_same_date(fuzzy_date a, fuzzy_date b)
{
    if (!date_has_bounds(a) || !date_has_bounds(b)) return a.kind == b.kind;
    return date_first_day(a) == date_first_day(b) && date_last_day(a) == date_last_day(b);
}

static const char *date_cell(fuzzy_date d, arena *ar)
{
    char buf[DATE_BUF];
    sheet_date_text(d, buf, sizeof buf);
    return arena_strdup(ar, buf);
}

/* A plan's number with the decimals it was written with ("4.00"), as papers print it. */
static const char *number_cell(double v, int shown_dp, arena *ar)
{
    char buf[40];
    sheet_number_text(v, buf, sizeof buf);
    if (shown_dp > 1) {
        char fixed[40];
        snprintf(fixed, sizeof fixed, "%.*f", shown_dp - 1, v);
        if (strtod(fixed, NULL) == v) return arena_strdup(ar, fixed);
    }
    return arena_strdup(ar, buf);
}

static const char *or_blank(const char *s) { return s ? s : ""; }

static void blank(sheet_item *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < COL__COUNT; i++) out->text[i] = "";
}

const char *sheet_milestone_key(const action *a, const milestone *m, arena *ar)
{
    if (m->ref) return m->ref;
    return arena_printf(ar, "#%zu", (size_t)(m - a->milestones) + 1);
}

/* "Overdue: 40 days", "On target": the status a paper shows. */
static const char *position(derived_status s, arena *ar)
{
    if (s.kind == STATUS_OVERDUE)
        return arena_printf(ar, "Overdue: %d day%s", s.days_overdue, s.days_overdue == 1 ? "" : "s");
    return status_kind_name(s.kind);
}

void sheet_item_action(const analysis *an, const action *a, const milestone *m,
                       sheet_item *out, arena *ar)
{
    blank(out);
    const schedule *s = m ? &m->s : &a->s;
    day_t t = an->as_at;
    out->view = m ? schedule_at(s, t) : an->views[a->index];
    const schedule_view *v = &out->view;
    out->updated.kind = DATE_NONE;
    if (v->last) out->updated = v->last->date.kind != DATE_NONE ? v->last->date : an->plan->updated;
    out->revision = v->n_revisions ? &s->revisions[v->n_revisions - 1] : NULL;

    out->text[COL_THEME] = a->theme ? a->theme->ref : "";
    out->text[COL_REF] = a->ref;
    out->text[COL_MILESTONE] = m ? sheet_milestone_key(a, m, ar) : "";
    out->text[COL_DESCRIPTION] = or_blank(m ? m->title : a->description);
    strbuf who = STRBUF_INIT;
    for (size_t i = 0; i < s->n_who; i++) sb_printf(&who, "%s%s", i ? " / " : "", s->who[i]->name);
    out->text[COL_WHO] = arena_strndup(ar, who.data ? who.data : "", who.len);
    sb_free(&who);
    out->text[COL_START] = date_cell(s->start, ar);
    out->text[COL_DUE] = date_cell(s->due, ar);
    const derived_status *st = m ? &an->milestones[a->index][m - a->milestones] : &an->actions[a->index];
    out->text[COL_POSITION] = position(*st, ar);
    out->text[COL_STATUS] = status_word(v->status);
    out->text[COL_RAG] = stated_rag_name(v->rag);
    out->text[COL_PROGRESS] = or_blank(v->progress);
    out->text[COL_COMPLETED] = v->status == ENTERED_COMPLETE ? date_cell(v->completed, ar) : "";
    if (out->revision) {
        out->text[COL_REVISED] = date_cell(out->revision->date, ar);
        out->text[COL_AGREED] = date_cell(out->revision->agreed, ar);
        out->text[COL_REASON] = or_blank(out->revision->reason);
    }
    out->text[COL_UPDATED] = date_cell(out->updated, ar);
}

void sheet_item_risk(const analysis *an, const risk *r, sheet_item *out, arena *ar)
{
    blank(out);
    out->risk = risk_at(r, an->as_at);
    const risk_view *v = &out->risk;
    out->text[COL_THEME] = r->theme ? r->theme->ref : "";
    out->text[COL_REF] = r->ref;
    out->text[COL_DESCRIPTION] = or_blank(r->description);
    out->text[COL_WHO] = r->owner ? r->owner->name : "";
    /* assessed in words (seed 003): a plan fact, shown beside any later scores */
    out->text[COL_ASSESSED] = qualitative_impact_name(r->impact);
    if (v->inherent.likelihood) {
        out->text[COL_INHERENT_L] = arena_printf(ar, "%d", v->inherent.likelihood);
        out->text[COL_INHERENT_I] = arena_printf(ar, "%d", v->inherent.impact);
    }
    if (v->net.likelihood) {
        int score = risk_score_value(v->net);
        out->text[COL_NET_L] = arena_printf(ar, "%d", v->net.likelihood);
        out->text[COL_NET_I] = arena_printf(ar, "%d", v->net.impact);
        out->text[COL_NET_SCORE] = arena_printf(ar, "%d", score);
        out->text[COL_BAND] = risk_band_name(risk_band_of(score));
    }
    out->text[COL_REVIEW_BY] = date_cell(v->review_by, ar);
    out->text[COL_NOTE] = or_blank(v->note);
    out->text[COL_UPDATED] = date_cell(v->reviewed, ar);
    out->text[COL_CLOSED] = v->closed ? date_cell(r->closed, ar) : "";
}

void sheet_item_indicator(const analysis *an, const indicator *ind, fuzzy_date period,
                          sheet_item *out, arena *ar)
{
    blank(out);
    out->text[COL_THEME] = ind->theme ? ind->theme->ref : "";
    out->text[COL_REF] = ind->code;
    out->text[COL_DESCRIPTION] = or_blank(ind->description);
    out->text[COL_UNIT] = or_blank(ind->unit);
    out->text[COL_PERIOD] = date_cell(period, ar);
    /* A period is known by its first day, as the plan knows it (a year and its first
     * quarter are one period there). */
    day_t first = date_first_day(period);
    int target_dp = 0, actual_dp = 0;
    for (size_t i = 0; i < ind->n_targets; i++)
        if (date_first_day(ind->targets[i].period) == first) {
            out->has_target = 1;
            out->target = ind->targets[i].value;
            target_dp = ind->targets[i].shown_dp;
        }
    const period_value *act = indicator_actual_at(ind, first, an->as_at);
    if (act) {
        out->has_actual = 1;
        out->actual = act->value;
        actual_dp = act->shown_dp;
        /* an actual an update reported: the date of that update, as for actions */
        if (act->known != DAY_ALWAYS && act->known != DAY_NEVER) {
            out->updated = date_of_day(act->known);
            out->text[COL_UPDATED] = date_cell(out->updated, ar);
        }
    }
    if (out->has_target) out->text[COL_TARGET] = number_cell(out->target, target_dp, ar);
    if (out->has_actual) {
        out->text[COL_ACTUAL] = number_cell(out->actual, actual_dp, ar);
        if (out->has_target) {
            indicator_period ip = indicator_status(ind, period, an->as_at);
            if (ip.result != IND_NO_DATA) out->text[COL_RESULT] = indicator_result_name(ip.result);
        }
    }
}

static int cmp_period(const void *pa, const void *pb)
{
    const fuzzy_date *a = pa, *b = pb;
    day_t fa = date_first_day(*a), fb = date_first_day(*b);
    return fa < fb ? -1 : fa > fb;
}

/* Insertion sort by first day, keeping the order of equal ones (few periods). */
static void stable_sort_periods(fuzzy_date *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        fuzzy_date x = v[i];
        size_t j = i;
        while (j > 0 && cmp_period(&v[j - 1], &x) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

size_t sheet_indicator_periods(const indicator *ind, day_t as_at, fuzzy_date **out)
{
    size_t n = 0;
    fuzzy_date *v = malloc((ind->n_targets + ind->n_actuals + 1) * sizeof *v);
    if (!v) abort();
    for (size_t i = 0; i < ind->n_targets; i++)
        if (date_has_bounds(ind->targets[i].period)) v[n++] = ind->targets[i].period;
    for (size_t i = 0; i < ind->n_actuals; i++) {
        const period_value *a = &ind->actuals[i];
        if (date_has_bounds(a->period) && date_last_day(a->period) <= as_at && known_at(a->known, as_at))
            v[n++] = a->period;
    }
    /* targets first, then actuals: the target's form of a period is the one kept */
    if (n > 1) stable_sort_periods(v, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || cmp_period(&v[k - 1], &v[i]) != 0) v[k++] = v[i];
    *out = v;
    return k;
}
