/* gantt.c - what a Gantt chart shows (see gantt.h): its rows and its axis, decided from
 * the plan and its analysis as at T, before any geometry. */
#include "gantt.h"

#include <stdio.h>
#include <string.h>

#define WEEK_AXIS_DAYS 112  /* 16 weeks: a span this short is shown by week */

typedef struct {
    arena *a;
    const analysis *an;
    gantt *g;
    size_t cap;
} mk;

static gantt_row *push(mk *m)
{
    gantt *g = m->g;
    g->rows = arena_grow(m->a, g->rows, g->n_rows, &m->cap, sizeof *g->rows, 32);
    gantt_row *r = &g->rows[g->n_rows++];
    memset(r, 0, sizeof *r);
    return r;
}

static void group_row(mk *m, const char *label, int depth)
{
    gantt_row *r = push(m);
    r->kind = GANTT_GROUP;
    r->depth = (uint8_t)depth;
    r->label = label;
}

static void schedule_row(mk *m, const schedule *s, const char *ref, const char *label, int depth,
                         int is_action, derived_status st)
{
    day_t t = m->an->as_at;
    gantt_row *r = push(m);
    r->ref = ref;
    r->label = label ? label : "";
    r->depth = (uint8_t)depth;
    r->is_action = (uint8_t)is_action;
    r->status = st;
    r->start_d = s->start;
    r->orig_d = s->due;
    fuzzy_date due = schedule_due_at(s, t);
    r->due_d = due;
    int has_start = date_has_bounds(s->start);
    if (due.kind == DATE_ONGOING && has_start) {
        r->kind = GANTT_BAR;
        r->open_end = 1;
        r->start = date_first_day(s->start);
        r->end = r->start;
        return;
    }
    if (!date_has_bounds(due)) {
        r->kind = GANTT_UNDATED;
        return;
    }
    r->end = date_last_day(due);
    if (has_start) {
        r->kind = GANTT_BAR;
        r->start = date_first_day(s->start);
        if (r->start > r->end) r->start = r->end;
    } else {
        r->kind = GANTT_POINT;
        r->start = r->end;
        r->on_day = due.kind == DATE_DAY;
    }
    if (date_has_bounds(s->due) && date_last_day(s->due) != r->end) {
        r->revised = 1;
        r->orig_end = date_last_day(s->due);
    }
}

/* A milestone's rows: its group's heading when the group changes, then its own. */
static void milestone_rows(mk *m, const action *a, int depth)
{
    const char *group = NULL;
    const derived_status *ms = m->an->milestones[a->index];
    for (size_t j = 0; j < a->n_milestones; j++) {
        const milestone *y = &a->milestones[j];
        if (y->group && (!group || strcmp(group, y->group))) group_row(m, y->group, depth);
        group = y->group;
        schedule_row(m, &y->s, NULL, y->title, depth + (y->group != NULL), 0, ms[j]);
    }
}

static void action_rows(mk *m, const action *a, int alone)
{
    if (!analysis_shows(m->an, a)) return;
    if (alone && a->n_milestones) {
        milestone_rows(m, a, 0);
        return;
    }
    schedule_row(m, &a->s, a->ref, a->description, 0, 1, m->an->actions[a->index]);
    milestone_rows(m, a, 1);
}

/* The days a row spans, for the axis and the window: lo..hi (hi open: no end). */
static void row_span(const gantt_row *r, day_t *lo, day_t *hi, int *open)
{
    *lo = r->kind == GANTT_BAR ? r->start : r->end;
    *hi = r->end;
    if (r->revised && r->orig_end > *hi) *hi = r->orig_end;
    if (r->revised && r->orig_end < *lo) *lo = r->orig_end;
    *open = r->open_end;
}

static int weekday_mon0(day_t d) { return (int)(((d + 3) % 7 + 7) % 7); }

static int dated(const gantt_row *r) { return r->kind == GANTT_BAR || r->kind == GANTT_POINT; }

/* Drops rows outside the window and marks those it cuts; drops headings left with
 * nothing under them. */
static void apply_window(gantt *g, day_t from, day_t to)
{
    size_t k = 0;
    for (size_t i = 0; i < g->n_rows; i++) {
        gantt_row *r = &g->rows[i];
        if (dated(r)) {
            day_t lo, hi;
            int open;
            row_span(r, &lo, &hi, &open);
            if ((!open && hi < from) || lo > to) continue;
            r->clip_start = lo < from;
            r->clip_end = open || hi > to;
        }
        g->rows[k++] = *r;
    }
    g->n_rows = k;
    /* A heading keeps its place only when a row deeper than it, or a dated row at its
     * depth that is not a heading, follows before the next heading at its depth. */
    k = 0;
    for (size_t i = 0; i < g->n_rows; i++) {
        const gantt_row *r = &g->rows[i];
        if (r->kind == GANTT_GROUP) {
            int keep = 0;
            for (size_t j = i + 1; j < g->n_rows && !keep; j++) {
                const gantt_row *n = &g->rows[j];
                if (n->kind == GANTT_GROUP && n->depth <= r->depth) break;
                keep = n->kind != GANTT_GROUP;
            }
            if (!keep) continue;
        }
        g->rows[k++] = *r;
    }
    g->n_rows = k;
}

int gantt_make(arena *a, const plan *p, const analysis *an, const gantt_scope *s, gantt *g)
{
    memset(g, 0, sizeof *g);
    g->as_at = an->as_at;
    mk m = {a, an, g, 0};
    if (s->action) {
        action_rows(&m, s->action, 1);
    } else {
        size_t themes = 0;
        for (size_t i = 0; i < p->n_themes; i++)
            if (!s->theme || &p->themes[i] == s->theme) themes++;
        for (size_t i = 0; i < p->n_themes; i++) {
            const theme *th = &p->themes[i];
            if (s->theme && th != s->theme) continue;
            if (themes > 1 && th->n_actions)
                group_row(&m, arena_printf(a, "%s %s", th->ref, th->title ? th->title : ""), 0);
            for (size_t k = 0; k < th->n_actions; k++) action_rows(&m, th->actions[k], 0);
        }
    }

    /* The span of the dated rows. */
    int any = 0, open_any = 0;
    day_t lo = 0, hi = 0;
    for (size_t i = 0; i < g->n_rows; i++) {
        const gantt_row *r = &g->rows[i];
        if (!dated(r)) continue;
        day_t l, h;
        int open;
        row_span(r, &l, &h, &open);
        if (!any || l < lo) lo = l;
        if (!any || h > hi) hi = h;
        open_any |= open;
        any = 1;
    }
    if (s->has_from) lo = s->from;
    if (s->has_to) hi = s->to;
    if (!any && !(s->has_from && s->has_to)) return -1;
    if (hi < lo) hi = lo;
    (void)open_any;

    g->weeks = s->axis == GANTT_AXIS_WEEKS ||
               (s->axis == GANTT_AXIS_AUTO && hi - lo + 1 <= WEEK_AXIS_DAYS);
    if (g->weeks) {
        g->from = lo - weekday_mon0(lo);
        g->to = hi + (6 - weekday_mon0(hi));
        g->n_cols = (int)((g->to - g->from + 1) / 7);
    } else {
        int y0, m0, d0, y1, m1, d1;
        date_to_ymd(lo, &y0, &m0, &d0);
        date_to_ymd(hi, &y1, &m1, &d1);
        g->from = date_from_ymd(y0, m0, 1);
        g->to = date_from_ymd(y1, m1, date_days_in_month(y1, m1));
        g->n_cols = (y1 * 12 + m1) - (y0 * 12 + m0) + 1;
    }
    apply_window(g, g->from, g->to);
    for (size_t i = 0; i < g->n_rows; i++) {
        const gantt_row *r = &g->rows[i];
        if (!dated(r)) continue;
        g->count[r->status.kind]++;
        if (r->kind == GANTT_BAR) g->n_bars++;
        else g->n_points++;
        g->any_revised |= r->revised;
    }
    return g->n_bars + g->n_points ? 0 : -1;
}

void gantt_axis_init(gantt_axis *ax, const gantt *g, double x0, double w)
{
    memset(ax, 0, sizeof *ax);
    ax->x0 = x0;
    ax->w = w;
    ax->from = g->from;
    ax->weeks = g->weeks;
    ax->n_cols = g->n_cols > 0 ? g->n_cols : 1;
    int d;
    date_to_ymd(g->from, &ax->year, &ax->month, &d);
}

double gantt_x(const gantt_axis *ax, day_t d)
{
    if (ax->weeks) return ax->x0 + ax->w * (double)(d - ax->from) / (7.0 * ax->n_cols);
    int y, mo, dd;
    date_to_ymd(d, &y, &mo, &dd);
    double col = (double)((y * 12 + mo) - (ax->year * 12 + ax->month));
    double frac = (double)(dd - 1) / (double)date_days_in_month(y, mo);
    return ax->x0 + ax->w * (col + frac) / ax->n_cols;
}

const char *day_ordinal(int day, char *buf, size_t len)
{
    const char *sfx = "th";
    if (day % 100 < 11 || day % 100 > 13) {
        if (day % 10 == 1) sfx = "st";
        else if (day % 10 == 2) sfx = "nd";
        else if (day % 10 == 3) sfx = "rd";
    }
    snprintf(buf, len, "%d%s", day, sfx);
    return buf;
}
