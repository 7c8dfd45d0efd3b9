/* sheet_view.h - what a row of an officer's spreadsheet shows as at the sheet's date.
 *
 * `tabled export` writes these cells; `tabled import` compares a returned sheet with
 * them to find what the officer changed. Both go through this one function per kind
 * of row, so an unedited sheet reads back as exactly what was exported. The values are
 * the plan as known at the date (history.h): the latest update, revision and review
 * known then. Pure: no I/O (strings go in the arena given). */
#ifndef TABLED_SHEET_VIEW_H
#define TABLED_SHEET_VIEW_H

#include "../model/sheet.h"
#include "analysis.h"

typedef struct {
    const char *text[COL__COUNT];   /* each cell as exported, unprotected; "" when blank */
    /* actions and milestones */
    schedule_view view;             /* as known at the date */
    fuzzy_date updated;             /* the date the latest update known reports on */
    const revision *revision;       /* the latest revision known, or NULL */
    /* risks */
    risk_view risk;
    /* indicators */
    int has_target, has_actual;
    double target, actual;
} sheet_item;

/* A row of the actions sheet: action a, or its milestone m (NULL for the action), as
 * at the analysis date. */
void sheet_item_action(const analysis *an, const action *a, const milestone *m,
                       sheet_item *out, arena *ar);
void sheet_item_risk(const analysis *an, const risk *r, sheet_item *out, arena *ar);
/* A row of the indicators sheet: ind's target and actual for the period. */
void sheet_item_indicator(const analysis *an, const indicator *ind, fuzzy_date period,
                          sheet_item *out, arena *ar);

/* The periods the indicators sheet lists for ind as at T: every period with a target,
 * or with an actual known at T, in order; a period is known by its first day, as in
 * the plan. Returns how many (*out malloc'd). */
size_t sheet_indicator_periods(const indicator *ind, day_t as_at, fuzzy_date **out);

/* A milestone's name in a sheet: its ref, or #N (its place under the action). */
const char *sheet_milestone_key(const action *a, const milestone *m, arena *ar);

/* A date as sheets show it: 31/03/2014, December 2010, Q3 2010/11, 2010/11, ongoing;
 * "" for none. */
void sheet_date_text(fuzzy_date d, char *buf, size_t len);
/* A number as the shortest text that reads back as the same number. */
void sheet_number_text(double v, char *buf, size_t len);
/* 1 when two dates cover the same days (31/12/2010 and 2010-12-31; not December 2010). */
int sheet_same_date(fuzzy_date a, fuzzy_date b);

#endif
