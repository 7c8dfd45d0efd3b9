/* sheet.h - the spreadsheets officers update: which sheets there are, their columns,
 * and how a sheet names the plan it belongs to.
 *
 * `tabled export` writes these sheets and `tabled import` reads them back, so both
 * take the columns from here. A sheet is one CSV file:
 *
 *   row 1   the marker: "tabled export", the sheet's kind, "plan: <id>",
 *           "as at: <date>", the plan's title, and a line of instructions
 *   row 2   blank (so that sorting the table in Excel leaves row 1 alone)
 *   row 3   the column headers
 *   row 4-  one row per action or milestone, risk, or indicator and period
 *
 * Columns have roles. KEY columns name the row's item; EDIT columns are what an
 * officer updates; FIXED columns are plan facts a return cannot change (an edit is an
 * error); INFO columns are for reference (an edit is a warning, and ignored). */
#ifndef TABLED_SHEET_H
#define TABLED_SHEET_H

#include <stddef.h>

#include "plan.h"

typedef enum { SHEET_ACTIONS = 0, SHEET_RISKS, SHEET_INDICATORS, SHEET__COUNT } sheet_kind;

typedef enum {
    COL_THEME = 0,
    COL_REF,            /* action or risk ref, indicator code */
    COL_MILESTONE,      /* a milestone's ref, or #N for one without */
    COL_DESCRIPTION,
    COL_WHO,            /* who (actions), owner (risks) */
    COL_START,
    COL_DUE,
    COL_POSITION,       /* the derived status as at the sheet's date */
    COL_STATUS,
    COL_RAG,
    COL_PROGRESS,
    COL_COMPLETED,
    COL_REVISED,
    COL_AGREED,
    COL_REASON,
    COL_INHERENT_L,
    COL_INHERENT_I,
    COL_NET_L,
    COL_NET_I,
    COL_NET_SCORE,
    COL_BAND,
    COL_REVIEW_BY,
    COL_NOTE,
    COL_CLOSED,
    COL_UNIT,
    COL_PERIOD,
    COL_TARGET,
    COL_ACTUAL,
    COL_RESULT,
    COL_UPDATED,        /* the date the row's update reports on */
    COL__COUNT
} sheet_col;

typedef enum { ROLE_KEY, ROLE_EDIT, ROLE_FIXED, ROLE_INFO } column_role;
typedef enum { VAL_TEXT, VAL_DATE, VAL_STATUS, VAL_RAG, VAL_SCORE, VAL_NUMBER } value_type;

typedef struct {
    sheet_col col;
    const char *header;             /* as exported */
    const char *aliases;            /* other headers accepted, '|'-separated, normalised */
    column_role role;
    value_type type;
} sheet_column;

typedef struct {
    sheet_kind kind;
    const char *name;               /* "actions": the marker's word and the file suffix */
    const char *rows;               /* "action or milestone", for messages */
    const sheet_column *columns;    /* in export order */
    size_t n_columns;
} sheet_spec;

#define SHEET_MARKER "tabled export"
#define SHEET_HEADER_ROW 3          /* the row the headers are on in an export */

const sheet_spec *sheet_spec_of(sheet_kind k);
/* The sheet named name ("actions", "risks", "indicators"), or NULL. */
const sheet_spec *sheet_spec_named(const char *name);
/* The column of spec whose header (or an alias) is header, in any case and spacing;
 * NULL when none. */
const sheet_column *sheet_column_by_header(const sheet_spec *spec, const char *header);
/* The column of spec for col, or NULL when the sheet has no such column. */
const sheet_column *sheet_column_of(const sheet_spec *spec, sheet_col col);

/* ---- a returned sheet, as read (load/sheet_load.h) ---------------------------------- */

typedef struct {
    int present;            /* the sheet has this column */
    int ok;                 /* read without error (a blank cell is ok) */
    const char *text;       /* trimmed; "" when blank or the column is absent */
    srcpos pos;             /* its row and column */
    fuzzy_date date;        /* VAL_DATE; DATE_NONE when blank */
    int word;               /* VAL_STATUS (entered_status), VAL_RAG (stated_rag), VAL_SCORE */
    double number;          /* VAL_NUMBER */
} sheet_value;

typedef struct {
    int row;                /* as the spreadsheet numbers it */
    action *action;         /* actions sheet */
    milestone *milestone;   /* NULL for the action's own row */
    risk *risk;             /* risks sheet */
    indicator *indicator;   /* indicators sheet, with the period */
    fuzzy_date period;
    sheet_value v[COL__COUNT];
} sheet_row;

/* A returned sheet. */
typedef struct {
    const sheet_spec *spec;
    const char *file;
    fuzzy_date as_at;       /* the date the sheet was exported as at */
    srcpos as_at_pos;
    sheet_row *rows;        /* the rows naming an item, in sheet order (malloc'd) */
    size_t n_rows;
    arena a;
} sheet_return;

/* The identity a sheet carries for its plan: the folder of plans/<id>/plan.yaml, or
 * NAME for any other NAME.yaml. malloc'd. */
char *sheet_plan_id(const char *plan_path);

#endif
