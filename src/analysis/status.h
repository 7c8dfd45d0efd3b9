/* status.h - derived status of actions and milestones as at a date (domain rules,
 * section 3). Pure functions: no I/O, no allocation. */
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
} derived_status;

/* The due date in force: the last revision's date, else the original. */
fuzzy_date schedule_current_due(const schedule *s);
/* 1 when the current due date is later than the original. */
int schedule_is_rescheduled(const schedule *s);
/* As at T only revisions agreed on or before T are in force (a revision with no
 * agreed date always is): the due date in force at T, and whether it is later. */
int revision_in_force(const revision *v, day_t as_at);
fuzzy_date schedule_due_at(const schedule *s, day_t as_at);
int schedule_is_rescheduled_at(const schedule *s, day_t as_at);
/* 1 when complete on or before T (a completion date after T is not yet complete). */
int schedule_is_complete_at(const schedule *s, day_t as_at);

derived_status milestone_status(const milestone *m, day_t as_at);
derived_status action_status(const action *a, day_t as_at);
/* The same, given the milestones' statuses already worked out (ms[i] for milestone i). */
derived_status action_status_from(const action *a, day_t as_at, const derived_status *ms);

rag_level status_level(status_kind k);
/* The level an officer's stated RAG corresponds to. */
rag_level stated_level(stated_rag r);

/* "Overdue", "Rescheduled", ... (no day count). */
const char *status_kind_name(status_kind k);
/* Machine names: "overdue", "late-start", ... */
const char *status_kind_id(status_kind k);

#endif
