/* changes.h - what moved between the previous report (P) and this one (T) (domain
 * rules, section 5a): actions completed, cancelled, reopened or added; actions that
 * became overdue or stopped being overdue; revisions agreed in (P, T] with the days
 * they slipped; officers' RAG and derived status that moved; risks new, closed or
 * whose net band moved; indicators whose status moved. Each change is a row with the
 * state as at P and as at T, both seen as known at those dates (history.h). Pure. */
#ifndef TABLED_CHANGES_H
#define TABLED_CHANGES_H

#include <stddef.h>

#include "../model/plan.h"
#include "history.h"
#include "indicator.h"
#include "risk.h"
#include "status.h"

/* In the order the rows are listed. */
typedef enum {
    CHANGE_COMPLETED = 0,       /* complete at T, not at P */
    CHANGE_CANCELLED,           /* cancelled at T, not at P */
    CHANGE_REOPENED,            /* complete or cancelled at P, open at T */
    CHANGE_ADDED,               /* added to the plan in (P, T] */
    CHANGE_OVERDUE,             /* overdue at T, not at P */
    CHANGE_NO_LONGER_OVERDUE,   /* overdue at P; open and not overdue at T */
    CHANGE_REVISED,             /* a revision that became known in (P, T] */
    CHANGE_REPORTED,            /* the officer's reported RAG moved */
    CHANGE_STATUS,              /* the derived RAG moved, for a reason not listed above */
    CHANGE_RISK_NEW,            /* a risk added in (P, T] */
    CHANGE_RISK_CLOSED,         /* a risk closed in (P, T] */
    CHANGE_RISK_MOVED,          /* net risk band moved */
    CHANGE_INDICATOR,           /* the indicator's latest status moved */
    CHANGE__COUNT
} change_kind;

typedef struct {
    change_kind kind;
    int direction;              /* +1 better, -1 worse, 0 neither */
    const theme *theme;         /* for grouping; NULL when none */
    const action *action;       /* action rows and revisions */
    const milestone *milestone; /* a milestone's revision */
    const risk *risk;
    const indicator *indicator;
    derived_status before, after;   /* actions: as at P (kind ADDED: not meaningful) */
    const revision *revision;   /* REVISED */
    fuzzy_date due_before;      /* REVISED: the due date in force before it */
    int has_slip;               /* REVISED: both dates have days */
    int days_slipped;           /* REVISED: later (> 0) or earlier (< 0) than before */
    risk_view risk_before, risk_after;
    int ind_has_before, ind_has_after;
    fuzzy_date ind_period_before, ind_period_after;
    indicator_period ind_before, ind_after;
} change_row;

typedef struct {
    day_t since, as_at;
    change_row *rows;           /* by kind, then theme order, then natural ref order */
    size_t n_rows;
    size_t count[CHANGE__COUNT];
    size_t worse[CHANGE__COUNT], better[CHANGE__COUNT];
} changes;

/* The changes between P and T. before and after are the statuses (by action index)
 * as at P and T, and whether each action is in the plan then; n = p->n_actions.
 * Rows live in a (the caller's arena). */
void changes_compute(changes *c, arena *a, const plan *p, day_t since, day_t as_at,
                     const derived_status *before, const unsigned char *present_before,
                     const derived_status *after, const unsigned char *present_after);

/* "completed", "no-longer-overdue", "risk-moved", ... */
const char *change_kind_id(change_kind k);
/* "Completed", "No longer overdue", "Net risk band moved", ... */
const char *change_kind_title(change_kind k);

#endif
