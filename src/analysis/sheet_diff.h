/* sheet_diff.h - what an officer changed in a returned sheet, as dated entries for an
 * update file.
 *
 * A sheet shows the plan as known at its date E (sheet_view.h). Each cell of an EDIT
 * column that differs from what was exported is the officer's report; the others are
 * left alone, so an unedited sheet gives nothing, and a value someone else changed in
 * the plan after E is not undone by a stale cell. A changed row becomes one entry
 * dated by the import's date D, or by the row's own Update date when the officer
 * changed it; a value that the plan already has as at that date is dropped.
 *
 * What cannot be applied is reported at its cell: a FIXED column changed (Start, Due,
 * Target), a value cleared that a return cannot clear, a completion date without
 * Complete, a revision's reason changed without a new date, an update dated before
 * E, after D or in the future, a second update for a day that already has one, an
 * item not in the plan at E, and the plan's own date rules. INFO columns changed are
 * warnings; a blank FIXED or INFO cell claims nothing (a row an officer added). Pure:
 * no I/O. */
#ifndef TABLED_SHEET_DIFF_H
#define TABLED_SHEET_DIFF_H

#include "../model/sheet.h"
#include "../util/diag.h"

typedef struct {
    const sheet_row *row;
    fuzzy_date date;            /* the date it reports on */
    /* actions sheet: the action, or its milestone */
    const action *action;
    const milestone *milestone;
    int has_update;
    schedule_update u;          /* status, rag, progress, completed, reopened as given */
    int has_revision;
    revision v;                 /* date, agreed (DATE_NONE: not given), reason */
    /* risks sheet */
    const risk *risk;
    int has_review;
    risk_review w;              /* scores (0: not given), review_by, note */
    int has_closed;
    fuzzy_date closed;
    /* indicators sheet */
    const indicator *indicator;
    fuzzy_date period;
    double actual;
    size_t index;               /* of the risk or indicator in the plan */
} sheet_entry;

typedef struct {
    sheet_entry *entries;       /* in plan order (malloc'd) */
    size_t n;
    fuzzy_date file_date;       /* the import's date, else the latest entry's */
    size_t n_rows;              /* rows read */
    size_t n_changed_cells;     /* cells whose change is recorded */
    size_t n_already;           /* changed rows the plan already says as at their date */
} sheet_changes;

/* The changes of r, a sheet exported from p. date is the import's date (NULL: each
 * changed row gives its own Update date); today bounds every date. Returns 0, or -1
 * when anything was reported as an error. */
int sheet_diff(const plan *p, const sheet_return *r, const fuzzy_date *date, day_t today,
               sheet_changes *out, diag_list *diags);
void sheet_changes_free(sheet_changes *c);

/* The promise that nothing is lost: applied is the plan loaded again with the update
 * file written from c; as at each entry's date, its item must show exactly what the
 * entry says. Returns 0, or -1 after reporting each difference (a fault in tabled's
 * writing, never the officer's). */
int sheet_changes_check(const plan *applied, const sheet_changes *c, diag_list *diags);

#endif
