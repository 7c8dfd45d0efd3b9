/* labels.c - shared wording. */
#include "labels.h"

const status_kind status_order[STATUS__COUNT] = {
    STATUS_COMPLETE,   STATUS_ON_TARGET,   STATUS_RESCHEDULED, STATUS_LATE_START,
    STATUS_OVERDUE,    STATUS_NOT_YET_DUE, STATUS_CANCELLED};

void label_status(strbuf *out, derived_status s)
{
    if (s.kind == STATUS_OVERDUE)
        sb_printf(out, "Overdue: %d day%s", s.days_overdue, s.days_overdue == 1 ? "" : "s");
    else
        sb_puts(out, status_kind_name(s.kind));
}

void label_optimistic(strbuf *out, const schedule *s, derived_status d)
{
    if (!d.optimistic) return;
    sb_printf(out, "reported %s; ", stated_rag_name(s->rag));
    if (d.kind == STATUS_OVERDUE)
        sb_printf(out, "%d day%s overdue", d.days_overdue, d.days_overdue == 1 ? "" : "s");
    else if (d.kind == STATUS_RESCHEDULED)
        sb_puts(out, "rescheduled");
    else if (d.kind == STATUS_LATE_START)
        sb_puts(out, "not started");
    else
        sb_puts(out, "not complete");
}

void label_when(strbuf *out, const schedule *s, const revision *const *revs, size_t n,
                int short_dates)
{
    void (*fmt)(fuzzy_date, char *, size_t) = short_dates ? date_format_short : date_format;
    char buf[DATE_BUF];
    fmt(s->due, buf, sizeof buf);
    sb_puts(out, buf[0] ? buf : "no date");
    for (size_t i = 0; i < n; i++) {
        fmt(revs[i]->date, buf, sizeof buf);
        sb_printf(out, ", revised %s", buf);
        if (date_has_bounds(revs[i]->agreed)) {
            fmt(revs[i]->agreed, buf, sizeof buf);
            sb_printf(out, " (agreed %s)", buf);
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
