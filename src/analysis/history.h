/* history.h - the plan as it stood at a date (domain rules, section 3a).
 *
 * The model keeps every dated entry: updates of actions and milestones, revisions,
 * risk reviews, indicator actuals, when actions and risks were added and when risks
 * were closed. This is the one place that turns that history into what was known at
 * T: the latest update on or before T, the revisions known on or before T, the latest
 * review on or before T, actuals for periods ending on or before T. Analysis and
 * renderers see entered facts only through these views, so an entry dated after T
 * can never change a paper as at T. Pure functions: no I/O, no allocation. */
#ifndef TABLED_HISTORY_H
#define TABLED_HISTORY_H

#include "../model/plan.h"

/* 1 when an entry known from `known` exists as at T. */
static inline int known_at(day_t known, day_t as_at) { return known <= as_at; }

/* An action or milestone as known at T. */
typedef struct schedule_view {
    entered_status status;      /* the latest status given on or before T; NONE if none */
    stated_rag rag;             /* the latest RAG given on or before T; RAG_NONE if none */
    const char *progress;       /* the latest progress note on or before T */
    fuzzy_date completed;       /* completion date reported with the latest 'complete' */
    const schedule_update *last;        /* latest update on or before T, NULL if none */
    const schedule_update *rag_from;    /* the update that gave rag */
    size_t n_revisions;         /* revisions known at T: s->revisions[0 .. n_revisions) */
    fuzzy_date due;             /* due date in force: the last known revision's, else the original */
} schedule_view;

schedule_view schedule_at(const schedule *s, day_t as_at);
/* 1 when the view says complete on or before T (a completion date after T is not yet). */
int view_is_complete(const schedule_view *v, day_t as_at);
/* The number of revisions of s known at T (they are a prefix: sorted by when known). */
size_t revisions_known_at(const schedule *s, day_t as_at);

/* 1 when the action is in the plan at T (added on or before T, or from the start). */
int action_present_at(const action *a, day_t as_at);

/* A risk as known at T. */
typedef struct {
    int present;                /* added on or before T and not closed on or before T */
    int closed;                 /* closed on or before T */
    risk_score inherent, net;   /* from the latest review giving each, 0 if none */
    fuzzy_date reviewed;        /* date of the latest dated review on or before T */
    fuzzy_date review_by;       /* set by the latest review giving one */
    const char *note;           /* the latest review's note */
    int assessed;               /* some review is known at T */
    qualitative_impact qualitative; /* High/Low: assessed in words and not (yet) scored
                                     * at T; QUAL_NONE otherwise */
} risk_view;

risk_view risk_at(const risk *r, day_t as_at);

/* The actual of ind for the period starting on first_day, as known at T: NULL when the
 * period ends after T or no actual was known by then. The latest known value wins. */
const period_value *indicator_actual_at(const indicator *ind, day_t first_day, day_t as_at);

#endif
