/* status.h - derived status of actions and milestones as at a date (domain rules,
 * section 3), from what was known at that date (history.h). Pure functions: no I/O,
 * no allocation. */
#ifndef TABLED_STATUS_H
#define TABLED_STATUS_H

#include "../model/plan.h"
#include "../model/rag.h"

/* In the order of the rule table: the first that holds wins. */
typedef enum {
    STATUS_CANCELLED = 0,
    STATUS_COMPLETE,
    STATUS_OVERDUE,
    STATUS_RESCHEDULED,
    STATUS_LATE_START,
    STATUS_NOT_YET_DUE,
    STATUS_ON_TARGET,
    STATUS__COUNT
} status_kind;

typedef struct {
    status_kind kind;
    int days_overdue;       /* > 0 when OVERDUE */
    int overdue_milestone;  /* OVERDUE because of a milestone */
    int optimistic;         /* the officer's stated RAG is better than this */
    stated_rag reported;    /* the officer's RAG as known at T (RAG_NONE if none) */
} derived_status;

/* The due date in force at T (the last revision known at T, else the original), and
 * whether it is later than the original (history.h says which revisions are known). */
fuzzy_date schedule_due_at(const schedule *s, day_t as_at);
int schedule_is_rescheduled_at(const schedule *s, day_t as_at);
/* 1 when the latest update known at T says complete, with no completion date after T. */
int schedule_is_complete_at(const schedule *s, day_t as_at);
/* Orders due dates by their last day; ongoing after any day; not given first. */
int due_order(fuzzy_date a, fuzzy_date b);

derived_status milestone_status(const milestone *m, day_t as_at);
derived_status action_status(const action *a, day_t as_at);
/* The same, given the milestones' statuses already worked out (ms[i] for milestone i),
 * and (action_status_view) the action as known at T, schedule_at(&a->s, as_at). */
derived_status action_status_from(const action *a, day_t as_at, const derived_status *ms);
struct schedule_view;
derived_status action_status_view(const action *a, day_t as_at, const derived_status *ms,
                                  const struct schedule_view *v);

rag_level status_level(status_kind k);
/* The level an officer's stated RAG corresponds to. */
rag_level stated_level(stated_rag r);

/* "Overdue", "Rescheduled", ... (no day count). */
const char *status_kind_name(status_kind k);
/* Machine names: "overdue", "late-start", ... */
const char *status_kind_id(status_kind k);

#endif
