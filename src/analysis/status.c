/* status.c - the status rule table, applied to the plan as known at T. */
#include "status.h"

#include "history.h"

int due_order(fuzzy_date a, fuzzy_date b)
{
    int ra = a.kind == DATE_NONE ? 0 : a.kind == DATE_ONGOING ? 2 : 1;
    int rb = b.kind == DATE_NONE ? 0 : b.kind == DATE_ONGOING ? 2 : 1;
    if (ra != rb) return ra < rb ? -1 : 1;
    if (ra != 1) return 0;
    day_t x = date_last_day(a), y = date_last_day(b);
    return x < y ? -1 : x > y;
}

fuzzy_date schedule_due_at(const schedule *s, day_t as_at)
{
    size_t n = revisions_known_at(s, as_at);
    return n ? s->revisions[n - 1].date : s->due;
}

int schedule_is_rescheduled_at(const schedule *s, day_t as_at)
{
    return due_order(schedule_due_at(s, as_at), s->due) > 0;
}

int schedule_is_complete_at(const schedule *s, day_t as_at)
{
    schedule_view v = schedule_at(s, as_at);
    return view_is_complete(&v, as_at);
}

static int days_overdue(fuzzy_date due, day_t as_at)
{
    if (!date_has_bounds(due)) return 0;
    day_t last = date_last_day(due);
    return last < as_at ? (int)(as_at - last) : 0;
}

static derived_status finish(derived_status d)
{
    rag_level stated = stated_level(d.reported);
    rag_level derived = status_level(d.kind);
    /* Lower level = better. A stated level better than the derived one is optimistic;
     * "not yet due" counts as green for this comparison. */
    if (derived == LEVEL_NOT_DUE) derived = LEVEL_GREEN;
    d.optimistic = stated != LEVEL_NONE && derived != LEVEL_NONE && stated < derived;
    return d;
}

static derived_status schedule_status(const schedule *s, const schedule_view *view, day_t as_at,
                                      int all_milestones_done, int milestone_days)
{
    schedule_view v = view ? *view : schedule_at(s, as_at);
    derived_status d = {STATUS_ON_TARGET, 0, 0, 0, v.rag};
    if (v.status == ENTERED_CANCELLED) {
        d.kind = STATUS_CANCELLED;
        return d;
    }
    if (view_is_complete(&v, as_at) || all_milestones_done) {
        d.kind = STATUS_COMPLETE;
        return finish(d);
    }
    int own = days_overdue(v.due, as_at);
    if (own > 0 || milestone_days > 0) {
        d.kind = STATUS_OVERDUE;
        d.days_overdue = own > milestone_days ? own : milestone_days;
        d.overdue_milestone = milestone_days > own;
        return finish(d);
    }
    if (due_order(v.due, s->due) > 0)
        d.kind = STATUS_RESCHEDULED;
    else if (v.status == ENTERED_NOT_STARTED && date_has_bounds(s->start) &&
             date_first_day(s->start) < as_at)
        d.kind = STATUS_LATE_START;
    else if (date_has_bounds(s->start) && date_first_day(s->start) > as_at)
        d.kind = STATUS_NOT_YET_DUE;
    return finish(d);
}

derived_status milestone_status(const milestone *m, day_t as_at)
{
    return schedule_status(&m->s, NULL, as_at, 0, 0);
}

derived_status action_status_from(const action *a, day_t as_at, const derived_status *ms)
{
    return action_status_view(a, as_at, ms, NULL);
}

derived_status action_status_view(const action *a, day_t as_at, const derived_status *ms,
                                  const schedule_view *v)
{
    /* Complete when every milestone that is not cancelled is; at least overdue by the
     * most overdue milestone. */
    size_t live = 0, done = 0;
    int worst_days = 0;
    for (size_t i = 0; i < a->n_milestones; i++) {
        derived_status m = ms ? ms[i] : milestone_status(&a->milestones[i], as_at);
        if (m.kind == STATUS_CANCELLED) continue;
        live++;
        if (m.kind == STATUS_COMPLETE) done++;
        if (m.kind == STATUS_OVERDUE && m.days_overdue > worst_days) worst_days = m.days_overdue;
    }
    return schedule_status(&a->s, v, as_at, live > 0 && done == live, worst_days);
}

derived_status action_status(const action *a, day_t as_at)
{
    return action_status_from(a, as_at, NULL);
}

rag_level status_level(status_kind k)
{
    switch (k) {
    case STATUS_COMPLETE: return LEVEL_COMPLETE;
    case STATUS_OVERDUE: return LEVEL_RED;
    case STATUS_RESCHEDULED:
    case STATUS_LATE_START: return LEVEL_AMBER;
    case STATUS_NOT_YET_DUE: return LEVEL_NOT_DUE;
    case STATUS_ON_TARGET: return LEVEL_GREEN;
    default: return LEVEL_NONE;
    }
}

rag_level stated_level(stated_rag r)
{
    switch (r) {
    case RAG_RED: return LEVEL_RED;
    case RAG_AMBER: return LEVEL_AMBER;
    case RAG_GREEN: return LEVEL_GREEN;
    case RAG_COMPLETE: return LEVEL_COMPLETE;
    default: return LEVEL_NONE;
    }
}

const char *status_kind_name(status_kind k)
{
    static const char *const names[] = {"Cancelled", "Complete", "Overdue", "Rescheduled",
                                        "Late start", "Not yet due", "On target"};
    return k < STATUS__COUNT ? names[k] : "";
}

const char *status_kind_id(status_kind k)
{
    static const char *const ids[] = {"cancelled", "complete", "overdue", "rescheduled",
                                      "late-start", "not-yet-due", "on-target"};
    return k < STATUS__COUNT ? ids[k] : "";
}
