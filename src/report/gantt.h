/* gantt.h - a Gantt chart: first what it shows, then where it goes.
 *
 * gantt_make decides everything that does not depend on geometry, from the plan and
 * its analysis as at T: which rows (a theme's heading, an action's bar, a milestone's
 * diamond, a group's heading), their labels, their days (the dates in force, the
 * original when revised), their statuses, and the axis (its first and last day, by
 * month or by week). gantt_draw turns that into a figure's display list in points;
 * both translators draw that list as it is, so the PDF and the SVG share every
 * coordinate.
 *
 * The month axis gives every month the same width, as a council's spreadsheet chart
 * does (seed 003): a date inside a month is placed in proportion to its day in that
 * month, so a task from 1 to 30 June on a June-December axis of width W starts at the
 * axis origin and is W/7 wide. The week axis gives every week the same width (weeks
 * start on Monday), a day a seventh of it. */
#ifndef TABLED_GANTT_H
#define TABLED_GANTT_H

#include "../analysis/analysis.h"
#include "figure.h"

typedef enum {
    GANTT_GROUP,            /* a heading: a theme, or a milestone's group ("Rent") */
    GANTT_BAR,              /* from start to end */
    GANTT_POINT,            /* a milestone: a diamond on its day (no start given) */
    GANTT_UNDATED           /* no due date: its label and "No dates" */
} gantt_row_kind;

typedef struct {
    uint8_t kind;           /* gantt_row_kind */
    uint8_t depth;          /* 0; 1 under its action or group; 2 under both */
    uint8_t on_day;         /* a point due on a day: labelled with it ("6th") */
    uint8_t revised;        /* the due date in force differs from the original */
    uint8_t open_end;       /* ongoing: the bar runs on past the axis */
    uint8_t clip_start, clip_end;   /* cut by the axis at its start or its end */
    uint8_t is_action;      /* an action's own row (not a milestone's) */
    const char *ref;        /* an action's ref, or NULL */
    const char *label;
    day_t start, end;       /* first and last day in force (a point: end) */
    day_t orig_end;         /* the original last day (when revised) */
    fuzzy_date start_d, due_d, orig_d;  /* as written, for the table */
    derived_status status;
} gantt_row;

typedef enum { GANTT_AXIS_AUTO = 0, GANTT_AXIS_MONTHS, GANTT_AXIS_WEEKS } gantt_axis_kind;

/* What a chart covers: the whole plan, one theme or one action, on an axis chosen by
 * span (weeks when 16 weeks or fewer) or asked for, over a window or the rows' span. */
typedef struct {
    const theme *theme;     /* NULL: every theme */
    const action *action;   /* NULL: every action of the theme(s) */
    gantt_axis_kind axis;
    int has_from, has_to;
    day_t from, to;         /* the window: rows outside are left out, rows across cut */
} gantt_scope;

typedef struct {
    gantt_row *rows;
    size_t n_rows;
    day_t from, to;         /* the axis: first and last day (whole months or weeks) */
    int weeks;              /* 1: a week axis */
    int n_cols;             /* months or weeks on the axis */
    day_t as_at;
    size_t n_bars, n_points;
    size_t count[STATUS__COUNT];    /* statuses of the dated rows */
    int any_revised;
} gantt;

/* Decides the chart (rows in arena a). 0, or -1 when nothing in scope has a date
 * (g->n_rows says whether there is anything at all). */
int gantt_make(arena *a, const plan *p, const analysis *an, const gantt_scope *s, gantt *g);

/* The axis in points: the time area from x0, w wide. */
typedef struct {
    double x0, w;
    day_t from;
    int weeks, n_cols;
    int year, month;        /* a month axis: its first month */
} gantt_axis;

void gantt_axis_init(gantt_axis *ax, const gantt *g, double x0, double w);
/* Where day d begins (its left edge); day d ends where d + 1 begins. */
double gantt_x(const gantt_axis *ax, day_t d);

/* The geometry of a chart of natural width `width`. */
typedef struct {
    double width;           /* the figure */
    double label_w;         /* the task column at the left */
    double status_w;        /* the status column at the right */
} gantt_frame;

/* The chart as a figure: the axis as its header band (repeated on every page it
 * continues onto), a band per row (its label, bar or diamond, status word, the grid
 * and the as-at line), and a legend. as_at_text is the as-at date as printed. */
rfigure *gantt_draw(arena *a, const gantt *g, const gantt_frame *fr, const char *as_at_text);

/* "1st", "2nd", "3rd", "4th", "11th", "22nd". */
const char *day_ordinal(int day, char *buf, size_t len);

#endif
