/* history.c - folding dated entries into the view as at a date. */
#include "history.h"

size_t revisions_known_at(const schedule *s, day_t as_at)
{
    size_t n = 0;
    while (n < s->n_revisions && known_at(s->revisions[n].known, as_at)) n++;
    return n;
}

schedule_view schedule_at(const schedule *s, day_t as_at)
{
    schedule_view v = {ENTERED_NONE, RAG_NONE, NULL, {DATE_NONE, 0, 0, 0, 0}, NULL, NULL, 0,
                       s->due};
    /* Updates are sorted by when they became known: fold the prefix known at T. */
    for (size_t i = 0; i < s->n_updates && known_at(s->updates[i].known, as_at); i++) {
        const schedule_update *u = &s->updates[i];
        v.last = u;
        if (u->status != ENTERED_NONE) {
            v.status = u->status;
            /* A completion date belongs to the report of completion it came with. */
            if (u->status != ENTERED_COMPLETE) v.completed.kind = DATE_NONE;
        }
        if (u->completed.kind != DATE_NONE) v.completed = u->completed;
        if (u->rag != RAG_NONE) {
            v.rag = u->rag;
            v.rag_from = u;
        }
        if (u->progress) v.progress = u->progress;
    }
    v.n_revisions = revisions_known_at(s, as_at);
    if (v.n_revisions) v.due = s->revisions[v.n_revisions - 1].date;
    return v;
}

int view_is_complete(const schedule_view *v, day_t as_at)
{
    if (v->status != ENTERED_COMPLETE) return 0;
    if (!date_has_bounds(v->completed)) return 1;
    return date_first_day(v->completed) <= as_at;
}

int action_present_at(const action *a, day_t as_at)
{
    return known_at(a->added_known, as_at);
}

risk_view risk_at(const risk *r, day_t as_at)
{
    risk_view v = {0, 0, {0, 0}, {0, 0}, {DATE_NONE, 0, 0, 0, 0}, {DATE_NONE, 0, 0, 0, 0},
                   NULL, 0, QUAL_NONE};
    v.closed = r->closed_known != DAY_NEVER && known_at(r->closed_known, as_at);
    v.present = known_at(r->added_known, as_at) && !v.closed;
    for (size_t i = 0; i < r->n_reviews && known_at(r->reviews[i].known, as_at); i++) {
        const risk_review *w = &r->reviews[i];
        v.assessed = 1;
        if (w->inherent.likelihood) v.inherent = w->inherent;
        if (w->net.likelihood) v.net = w->net;
        if (w->date.kind != DATE_NONE) v.reviewed = w->date;
        if (w->review_by.kind != DATE_NONE) v.review_by = w->review_by;
        v.note = w->note;
    }
    if (r->impact && !v.inherent.likelihood && !v.net.likelihood) v.qualitative = r->impact;
    return v;
}

const period_value *indicator_actual_at(const indicator *ind, day_t first_day, day_t as_at)
{
    const period_value *found = NULL;
    for (size_t i = 0; i < ind->n_actuals; i++) {
        const period_value *a = &ind->actuals[i];
        if (date_first_day(a->period) != first_day) continue;
        if (date_last_day(a->period) > as_at || !known_at(a->known, as_at)) continue;
        found = a; /* sorted by when known: the last one known wins */
    }
    return found;
}
