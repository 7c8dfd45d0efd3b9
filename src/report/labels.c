/* labels.c - shared wording. */
#include "labels.h"

#include <stdio.h>
#include <string.h>

const status_kind status_order[STATUS__COUNT] = {
    STATUS_COMPLETE,   STATUS_ON_TARGET,   STATUS_RESCHEDULED, STATUS_LATE_START,
    STATUS_OVERDUE,    STATUS_NOT_YET_DUE, STATUS_CANCELLED};

void label_date(date_style style, fuzzy_date d, char *buf, size_t len)
{
    if (style == DATES_SHORT) date_format_short(d, buf, len);
    else date_format(d, buf, len);
}

void label_due(strbuf *out, date_style style, const schedule *s)
{
    char d[DATE_BUF];
    label_date(style, s->due, d, sizeof d);
    if (!d[0]) return;
    if (s->due_words == DUE_DEADLINE) sb_printf(out, "Must be fully implemented by %s", d);
    else if (s->due_words == DUE_AND_ONGOING) sb_printf(out, "%s and ongoing", d);
    else sb_puts(out, d);
}

/* Whether two schedules name the same people in the same order. */
static int same_who(const schedule *a, const schedule *b)
{
    if (a->n_who != b->n_who) return 0;
    for (size_t i = 0; i < a->n_who; i++)
        if (a->who[i] != b->who[i]) return 0;
    return 1;
}

void label_milestone(strbuf *out, date_style style, const milestone *m, fuzzy_date due)
{
    char d[DATE_BUF], other[DATE_BUF];
    label_date(style, due, d, sizeof d);
    label_date(style == DATES_SHORT ? DATES_LONG : DATES_SHORT, due, other, sizeof other);
    const char *title = m->title ? m->title : "";
    sb_puts(out, title);
    /* a title that already says its date ("Assessment (March 2003)") keeps it alone */
    int date = d[0] && !strstr(title, d) && !(other[0] && strstr(title, other));
    /* who does it, when not the action's own people (seed 004's HSM/HPO) */
    int who = m->s.n_who && (!m->action || !same_who(&m->s, &m->action->s));
    if (!date && !who) return;
    sb_puts(out, *title ? " (" : "(");
    if (date) sb_puts(out, d);
    if (who) {
        if (date) sb_puts(out, "; ");
        label_who(out, &m->s);
    }
    sb_putc(out, ')');
}

void label_status(strbuf *out, derived_status s)
{
    if (s.kind == STATUS_OVERDUE)
        sb_printf(out, "Overdue: %d day%s", s.days_overdue, s.days_overdue == 1 ? "" : "s");
    else
        sb_puts(out, status_kind_name(s.kind));
}

void label_optimistic(strbuf *out, derived_status d)
{
    if (!d.optimistic) return;
    sb_printf(out, "reported %s; ", stated_rag_name(d.reported));
    if (d.kind == STATUS_OVERDUE)
        sb_printf(out, "%d day%s overdue", d.days_overdue, d.days_overdue == 1 ? "" : "s");
    else if (d.kind == STATUS_RESCHEDULED)
        sb_puts(out, "rescheduled");
    else if (d.kind == STATUS_LATE_START)
        sb_puts(out, "not started");
    else
        sb_puts(out, "not complete");
}

void label_exception_flag(strbuf *out, const exception_row *row)
{
    label_optimistic(out, row->status);
    if (out->len || !row->status.reported) return;
    /* listed only because an officer reports it Red or Amber: say so */
    if (!(row->reasons & (EXC_OVERDUE | EXC_RESCHEDULED | EXC_OPTIMISTIC)) &&
        (row->reasons & (EXC_REPORTED_RED | EXC_REPORTED_AMBER)))
        sb_printf(out, "reported %s", stated_rag_name(row->status.reported));
}

void label_when(strbuf *out, const schedule *s, const revision *const *revs, size_t n,
                size_t first_new, int short_dates)
{
    void (*fmt)(fuzzy_date, char *, size_t) = short_dates ? date_format_short : date_format;
    char buf[DATE_BUF];
    size_t len = out->len;
    label_due(out, short_dates ? DATES_SHORT : DATES_LONG, s);
    if (out->len == len) sb_puts(out, "no date");
    for (size_t i = 0; i < n; i++) {
        fmt(revs[i]->date, buf, sizeof buf);
        sb_printf(out, ", revised %s", buf);
        int is_new = i >= first_new;
        if (date_has_bounds(revs[i]->agreed)) {
            fmt(revs[i]->agreed, buf, sizeof buf);
            sb_printf(out, " (agreed %s%s)", buf, is_new ? ", new" : "");
        } else if (is_new) {
            sb_puts(out, " (new)");
        }
    }
}

void label_who(strbuf *out, const schedule *s)
{
    for (size_t i = 0; i < s->n_who; i++) sb_printf(out, "%s%s", i ? " / " : "", s->who[i]->name);
}

void label_percent(strbuf *out, int percent)
{
    if (percent < 0) sb_puts(out, "-");
    else sb_printf(out, "%d%%", percent);
}

void label_reasons(strbuf *out, unsigned r)
{
    const char *sep = "";
    if (r & EXC_OVERDUE) { sb_printf(out, "%soverdue", sep); sep = ", "; }
    if (r & EXC_RESCHEDULED) { sb_printf(out, "%srescheduled", sep); sep = ", "; }
    if (r & EXC_REPORTED_RED) { sb_printf(out, "%sreported Red", sep); sep = ", "; }
    if (r & EXC_REPORTED_AMBER) { sb_printf(out, "%sreported Amber", sep); sep = ", "; }
    if (r & EXC_OPTIMISTIC) { sb_printf(out, "%soptimistic report", sep); }
}

/* dp < 0: two decimals at most, trailing zeros trimmed. */
static void value_dp(strbuf *out, double v, int dp, const char *unit)
{
    char num[64];
    snprintf(num, sizeof num, "%.*f", dp < 0 ? 2 : dp, v);
    /* Trim trailing zeros: 96.50 -> 96.5, 12.00 -> 12 */
    char *dot = strchr(num, '.');
    if (dot && dp < 0) {
        char *e = num + strlen(num) - 1;
        while (e > dot && *e == '0') *e-- = '\0';
        if (e == dot) *e = '\0';
    }
    if (unit && strcmp(unit, "%") == 0) sb_printf(out, "%s%%", num);
    else if (unit && (strcmp(unit, "GBP") == 0 || strcmp(unit, "\xC2\xA3") == 0)) sb_printf(out, "\xC2\xA3%s", num);
    else if (unit && *unit && strcmp(unit, "count") != 0) sb_printf(out, "%s %s", num, unit);
    else sb_puts(out, num);
}

void label_value(strbuf *out, double v, const char *unit) { value_dp(out, v, -1, unit); }

void label_period_value(strbuf *out, const period_value *v, const char *unit)
{
    value_dp(out, v->value, v->shown_dp ? v->shown_dp - 1 : -1, unit);
}

void label_score(strbuf *out, risk_score s)
{
    int v = risk_score_value(s);
    if (!v) sb_puts(out, "-");
    else sb_printf(out, "%d \xC3\x97 %d = %d", s.likelihood, s.impact, v);
}

const char *label_likelihood(int l)
{
    static const char *const w[] = {"", "Remote", "Unlikely", "Possible", "Probable", "Highly probable"};
    return l >= 1 && l <= 5 ? w[l] : "";
}

const char *label_impact(int i)
{
    static const char *const w[] = {"", "Insignificant", "Minor", "Moderate", "Major", "Critical"};
    return i >= 1 && i <= 5 ? w[i] : "";
}

const char *change_ref(const change_row *r)
{
    return r->action ? r->action->ref : r->risk ? r->risk->ref : r->indicator ? r->indicator->code : "";
}

const char *change_item(const change_row *r)
{
    if (r->milestone) return r->milestone->title ? r->milestone->title : "";
    if (r->action) return r->action->description ? r->action->description : "";
    if (r->risk) return r->risk->description ? r->risk->description : "";
    if (r->indicator) return r->indicator->description ? r->indicator->description : "";
    return "";
}

static void risk_state(strbuf *out, const risk_view *v)
{
    risk_band band = risk_band_of(risk_score_value(v->net));
    if (!band && v->qualitative) {
        sb_printf(out, "%s impact", qualitative_impact_name(v->qualitative));
        return;
    }
    if (!band) {
        sb_puts(out, "Not assessed");
        return;
    }
    sb_printf(out, "%s (", risk_band_name(band));
    label_score(out, v->net);
    sb_putc(out, ')');
}

/* The kinds of change whose states are an action's statuses. */
#define CHANGES_OF_STATUS                                                               \
    case CHANGE_COMPLETED:                                                              \
    case CHANGE_CANCELLED:                                                              \
    case CHANGE_REOPENED:                                                               \
    case CHANGE_OVERDUE:                                                                \
    case CHANGE_NO_LONGER_OVERDUE:                                                      \
    case CHANGE_STATUS:                                                                 \
    case CHANGE__COUNT

void label_change_state(strbuf *out, const change_row *r, int after, date_style ds)
{
    char d[DATE_BUF];
    switch (r->kind) {
    case CHANGE_ADDED:
        if (!after) sb_puts(out, "Not in the plan");
        else label_status(out, r->after);
        return;
    case CHANGE_REVISED:
        label_date(ds, after ? r->revision->date : r->due_before, d, sizeof d);
        sb_printf(out, "Due %s", d[0] ? d : "(no date)");
        return;
    case CHANGE_REPORTED: {
        stated_rag g = after ? r->after.reported : r->before.reported;
        if (g) sb_printf(out, "Reported %s", stated_rag_name(g));
        else sb_puts(out, "Not reported");
        return;
    }
    case CHANGE_RISK_NEW:
        if (!after) sb_puts(out, "Not in the register");
        else risk_state(out, &r->risk_after);
        return;
    case CHANGE_RISK_CLOSED:
        if (!after) {
            risk_state(out, &r->risk_before);
        } else {
            label_date(ds, r->risk->closed, d, sizeof d);
            sb_printf(out, "Closed %s", d);
        }
        return;
    case CHANGE_RISK_MOVED:
        risk_state(out, after ? &r->risk_after : &r->risk_before);
        return;
    case CHANGE_INDICATOR: {
        const indicator_period *p = after ? &r->ind_after : &r->ind_before;
        if (!(after ? r->ind_has_after : r->ind_has_before) || !p->has_actual) {
            sb_puts(out, "No data");
            return;
        }
        label_date(ds, after ? r->ind_period_after : r->ind_period_before, d, sizeof d);
        sb_printf(out, "%s: ", indicator_result_name(p->result));
        label_value(out, p->actual, r->indicator->unit);
        sb_printf(out, " (%s)", d);
        return;
    }
    CHANGES_OF_STATUS:          /* an action's status before and after */
        label_status(out, after ? r->after : r->before);
        return;
    }
}

rag_level change_state_level(const change_row *r, int after)
{
    switch (r->kind) {
    case CHANGE_ADDED:
        return after ? status_level(r->after.kind) : LEVEL_NONE;
    case CHANGE_REVISED:
        return LEVEL_NONE;
    case CHANGE_REPORTED:
        return stated_level(after ? r->after.reported : r->before.reported);
    case CHANGE_RISK_NEW:
    case CHANGE_RISK_CLOSED:
    case CHANGE_RISK_MOVED: {
        const risk_view *v = after ? &r->risk_after : &r->risk_before;
        if (r->kind == CHANGE_RISK_NEW && !after) return LEVEL_NONE;
        if (r->kind == CHANGE_RISK_CLOSED && after) return LEVEL_NONE;
        return risk_band_level(risk_band_of(risk_score_value(v->net)));
    }
    case CHANGE_INDICATOR:
        return indicator_result_level(after ? r->ind_after.result : r->ind_before.result);
    CHANGES_OF_STATUS:
        return status_level(after ? r->after.kind : r->before.kind);
    }
    return LEVEL_NONE;
}

void label_change_detail(strbuf *out, const change_row *r, date_style ds)
{
    if (r->kind == CHANGE_REVISED) {
        const char *sep = "";
        if (r->has_slip && r->days_slipped) {
            int n = r->days_slipped < 0 ? -r->days_slipped : r->days_slipped;
            sb_printf(out, "%d day%s %s", n, n == 1 ? "" : "s", r->days_slipped > 0 ? "later" : "earlier");
            sep = "; ";
        }
        if (date_has_bounds(r->revision->agreed)) {
            char d[DATE_BUF];
            label_date(ds, r->revision->agreed, d, sizeof d);
            sb_printf(out, "%sagreed %s", sep, d);
            sep = "; ";
        }
        if (r->revision->reason) sb_printf(out, "%s%s", *sep ? ". " : "", r->revision->reason);
        return;
    }
    /* Completed, overdue and the like say which way they went by themselves. */
    if (r->kind != CHANGE_REPORTED && r->kind != CHANGE_STATUS && r->kind != CHANGE_RISK_MOVED &&
        r->kind != CHANGE_INDICATOR)
        return;
    if (r->direction > 0) sb_puts(out, "Better");
    else if (r->direction < 0) sb_puts(out, "Worse");
}
