/* analysis.h - everything a paper shows about a plan as at a date: each action's
 * derived status, roll-ups by theme and for the plan, and the exception list.
 * Pure: computed from the model alone, no I/O. Renderers only read it. */
#ifndef TABLED_ANALYSIS_H
#define TABLED_ANALYSIS_H

#include <stddef.h>

#include "../model/plan.h"
#include "changes.h"
#include "history.h"
#include "status.h"

typedef struct {
    size_t count[STATUS__COUNT];
    size_t total;               /* all actions, cancelled included */
    size_t complete;
    size_t denominator;         /* total - cancelled */
    int percent_complete;       /* rounded half up; -1 when denominator is 0 */
    rag_level rag;
} rollup_counts;

/* Why a row is in the exception report (bit set). */
enum {
    EXC_OVERDUE = 1,
    EXC_RESCHEDULED = 2,
    EXC_REPORTED_RED = 4,
    EXC_REPORTED_AMBER = 8,
    EXC_OPTIMISTIC = 16
};

typedef struct {
    const milestone *milestone;
    derived_status status;
    unsigned reasons;           /* EXC_* for the milestone itself; 0 if it is fine */
} exception_milestone;

typedef struct {
    const action *action;
    derived_status status;
    unsigned reasons;           /* EXC_* for the action or any of its milestones */
    const revision **revisions; /* every revision known at T, in the order agreed */
    size_t n_revisions;
    size_t first_new;           /* with --since: revisions[first_new..] became known after
                                 * P; without, n_revisions */
    exception_milestone *milestones;    /* every milestone of the action */
    size_t n_milestones;
    const char *reason;         /* the latest known revision's reason, else the progress note */
} exception_row;

typedef struct {
    const theme *theme;
    exception_row *rows;        /* into analysis.exceptions */
    size_t n_rows;
} exception_group;

typedef struct {
    const plan *plan;
    day_t as_at;
    int has_since;
    day_t since;
    rag_policy policy;

    derived_status *actions;    /* by action index */
    derived_status **milestones;/* by action index, then milestone index */
    schedule_view *views;       /* by action index: what was entered, as known at T */
    unsigned char *present;     /* by action index: 1 when the action is in the plan at T */

    rollup_counts overall;
    rollup_counts *themes;      /* by theme index */

    exception_row *exceptions;  /* grouped by theme (plan order), natural ref order */
    size_t n_exceptions;
    exception_group *groups;    /* themes that have exceptions */
    size_t n_groups;
    size_t n_optimistic;

    changes *changes;           /* with since: what moved between P and T; else NULL */

    arena arena;
} analysis;

/* since may be NULL; given, the analysis also holds the changes between since and
 * as_at. The plan must outlive the analysis. Actions added to the plan after T are
 * left out of every count, list and table. */
analysis *analyse(const plan *p, day_t as_at, const day_t *since, const rag_policy *policy);
void analysis_free(analysis *an);
/* 1 when the action is in the plan as at the analysis date. */
static inline int analysis_shows(const analysis *an, const action *a) { return an->present[a->index]; }

/* Roll-up of one set of statuses (exposed for tests and for agenda packs). */
void rollup_add(rollup_counts *r, derived_status s);
void rollup_finish(rollup_counts *r, const rag_policy *policy);

/* Which actions count_actions counts. */
enum { COUNT_ALL = -1, COUNT_OPEN = -2, COUNT_NOT_CANCELLED = -3 };
typedef struct {
    int status;             /* COUNT_* or a status_kind */
    const theme *theme;     /* NULL: every theme */
    int has_window;         /* only actions whose due date in force falls in [from, to] */
    day_t from, to;
} action_filter;

/* Actions matching the filter as at the analysis date ("open" = neither complete nor
 * cancelled). Feeds the {{ }} figures of papers. */
size_t count_actions(const analysis *an, const action_filter *f);

#endif
