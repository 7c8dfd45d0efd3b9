/* gantt_draw.c - a Gantt chart's geometry (see gantt.h): the display list in points.
 *
 * Left to right: the task column (labels wrapped to fit, indented under their action
 * or group), the time area (the axis's columns, a bar or diamond per row, the as-at
 * line), the status column (the status in words, so colour is never the only
 * signal; overdue bars are hatched, rescheduled and late ones dotted, as everywhere).
 * Top to bottom: the axis as the header band (repeated on every page the chart
 * continues onto), a band per row, the legend. */
#include <stdio.h>
#include <string.h>

#include "../util/strbuf.h"
#include "gantt.h"
#include "labels.h"
#include "text_measure.h"

#define HEAD_H 31.0f        /* the axis: years (or months) above, months (or weeks) below */
#define HEAD_ROW1 10.0f     /* baselines of the axis's two rows */
#define HEAD_ROW2 23.0f
#define LABEL_SIZE 7.5f
#define AXIS_SIZE 7.0f
#define SMALL_SIZE 6.5f
#define LINE_H 9.0f         /* a label's lines */
#define ROW_PAD 3.0f
#define ROW_MIN_H 15.0f
#define GROUP_H 14.0f
#define BAR_H 8.0f
#define ORIG_H 2.5f         /* the original dates: a thin outline under the bar */
#define DIAMOND 4.5f        /* half its width */
#define INDENT 8.0f
#define GAP 6.0f
#define MAX_LINES 4
#define LEGEND_H 16.0f
#define SWATCH 9.0f
#define GRID_MIN 3.0f       /* the closest two grid lines are drawn */

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const month_name[] = {"January", "February", "March", "April", "May",
                                         "June", "July", "August", "September", "October",
                                         "November", "December"};

typedef struct {
    rfigure *fig;
    const gantt *g;
    const gantt_frame *fr;
    gantt_axis ax;
    double status_x;
    arena *a;
} dr;


/* The left edge of column c (c = n_cols: the right edge of the axis). */
static double col_x(const dr *d, int c)
{
    return d->ax.x0 + d->ax.w * c / d->ax.n_cols;
}

/* The calendar month of column c of a month axis. */
static void col_month(const dr *d, int c, int *year, int *month)
{
    int k = d->ax.year * 12 + (d->ax.month - 1) + c;
    *year = k / 12;
    *month = k % 12 + 1;
}

/* Vertical grid lines over a band of height h: every column, years (or months) more
 * strongly. */
static void grid(dr *d, fband *b, float y0, float h)
{
    float last = -1e9f;
    for (int c = 0; c <= d->ax.n_cols; c++) {
        float x = (float)col_x(d, c);
        int strong = c == 0 || c == d->ax.n_cols;
        if (!d->ax.weeks) {
            int y, m;
            col_month(d, c, &y, &m);
            strong |= m == 1;
        }
        /* Columns narrower than GRID_MIN: only the strong lines, so a chart of many
         * years has a line per year, not a wall of them. */
        if (!strong && x - last < GRID_MIN) continue;
        fig_line(d->fig, b, x, y0, x, h, fc(FC_RULE), strong ? 0.6f : 0.25f);
        last = x;
    }
}

static void header(dr *d)
{
    rfigure *fig = d->fig;
    fband *b = fig_header(fig, HEAD_H);
    double colw = d->ax.w / d->ax.n_cols;
    fig_text(fig, b, 0, HEAD_ROW2, "Task", AXIS_SIZE, FA_START, 1, fc(FC_INK));
    fig_text(fig, b, (float)d->status_x, HEAD_ROW2, "Status", AXIS_SIZE, FA_START, 1, fc(FC_INK));
    char buf[32];
    if (!d->ax.weeks) {
        /* Row 1: each year over its months; row 2: each month. */
        int c = 0;
        while (c < d->ax.n_cols) {
            int y, m;
            col_month(d, c, &y, &m);
            int n = 13 - m;
            if (c + n > d->ax.n_cols) n = d->ax.n_cols - c;
            double x0 = col_x(d, c), x1 = col_x(d, c + n);
            snprintf(buf, sizeof buf, "%d", y);
            if (x1 - x0 >= label_width(buf, AXIS_SIZE, 1) + 2)
                fig_text(fig, b, (float)((x0 + x1) / 2), HEAD_ROW1, buf, AXIS_SIZE, FA_MIDDLE, 1, fc(FC_INK));
            fig_line(fig, b, (float)x0, 2, (float)x0, HEAD_H, fc(FC_RULE), 0.6f);
            c += n;
        }
        for (c = 0; c < d->ax.n_cols; c++) {
            int y, m;
            col_month(d, c, &y, &m);
            const char *t = month_abbr[m - 1];
            char one[2] = {t[0], 0};
            const char *show = colw >= label_width(t, AXIS_SIZE, 0) + 2 ? t
                               : colw >= label_width(one, AXIS_SIZE, 0) + 1 ? one : NULL;
            if (show)
                fig_text(fig, b, (float)(col_x(d, c) + colw / 2), HEAD_ROW2, show, AXIS_SIZE, FA_MIDDLE, 0,
                         fc(FC_MUTED));
            if (c && colw >= GRID_MIN)
                fig_line(fig, b, (float)col_x(d, c), 14, (float)col_x(d, c), HEAD_H, fc(FC_RULE), 0.25f);
        }
    } else {
        /* Row 1: each month over the weeks that start in it; row 2: the day each week
         * starts on (a Monday). */
        int c = 0;
        while (c < d->ax.n_cols) {
            int y, m, dd;
            date_to_ymd(d->ax.from + 7 * c, &y, &m, &dd);
            int n = 1;
            for (;;) {
                if (c + n >= d->ax.n_cols) break;
                int y2, m2, d2;
                date_to_ymd(d->ax.from + 7 * (c + n), &y2, &m2, &d2);
                if (m2 != m) break;
                n++;
            }
            double x0 = col_x(d, c), x1 = col_x(d, c + n);
            snprintf(buf, sizeof buf, "%s %d", month_name[m - 1], y);
            const char *show = buf;
            if (x1 - x0 < label_width(buf, AXIS_SIZE, 1) + 2) {
                snprintf(buf, sizeof buf, "%s", month_abbr[m - 1]);
                if (x1 - x0 < label_width(buf, AXIS_SIZE, 1) + 2) show = NULL;
            }
            if (show)
                fig_text(fig, b, (float)((x0 + x1) / 2), HEAD_ROW1, show, AXIS_SIZE, FA_MIDDLE, 1, fc(FC_INK));
            fig_line(fig, b, (float)x0, 2, (float)x0, HEAD_H, fc(FC_RULE), 0.6f);
            c += n;
        }
        for (c = 0; c < d->ax.n_cols; c++) {
            int y, m, dd;
            date_to_ymd(d->ax.from + 7 * c, &y, &m, &dd);
            snprintf(buf, sizeof buf, "%d", dd);
            if (colw >= label_width(buf, SMALL_SIZE, 0) + 1)
                fig_text(fig, b, (float)(col_x(d, c) + colw / 2), HEAD_ROW2, buf, SMALL_SIZE, FA_MIDDLE, 0,
                         fc(FC_MUTED));
            if (c && colw >= GRID_MIN)
                fig_line(fig, b, (float)col_x(d, c), 14, (float)col_x(d, c), HEAD_H, fc(FC_RULE), 0.25f);
        }
    }
    fig_line(fig, b, (float)col_x(d, d->ax.n_cols), 2, (float)col_x(d, d->ax.n_cols), HEAD_H, fc(FC_RULE),
             0.6f);
    fig_line(fig, b, 0, HEAD_H - 0.25f, (float)d->fr->width, HEAD_H - 0.25f, fc(FC_RULE), 0.6f);
    /* The as-at date: a mark at the foot of the axis, over the line below. */
    if (d->g->as_at >= d->g->from && d->g->as_at <= d->g->to) {
        float x = (float)gantt_x(&d->ax, d->g->as_at + 1);
        float tri[] = {x - 3, HEAD_H - 5.5f, x + 3, HEAD_H - 5.5f, x, HEAD_H - 0.5f};
        fig_path(fig, b, tri, 3, 1, fc(FC_ACCENT), fc(FC_NONE), 0);
    }
}

static void as_at_line(dr *d, fband *b, float h)
{
    if (d->g->as_at < d->g->from || d->g->as_at > d->g->to) return;
    float x = (float)gantt_x(&d->ax, d->g->as_at + 1);
    fig_line(d->fig, b, x, 0, x, h, fc(FC_ACCENT), 0.9f);
}

/* A small arrowhead at a bar cut by the axis: pointing left at its start, right at its end. */
static void cut_mark(dr *d, fband *b, float x, float cy, int right)
{
    float s = right ? 1.0f : -1.0f;
    float p[] = {x, cy - 3.5f, x + s * 4, cy, x, cy + 3.5f};
    fig_path(d->fig, b, p, 3, 1, fc(FC_INK), fc(FC_NONE), 0);
}

static void diamond(dr *d, fband *b, float cx, float cy, fcolour fill, fcolour stroke, float lw)
{
    float p[] = {cx, cy - DIAMOND, cx + DIAMOND, cy, cx, cy + DIAMOND, cx - DIAMOND, cy};
    fig_path(d->fig, b, p, 4, 1, fill, stroke, lw);
}

static void row_band(dr *d, const gantt_row *r)
{
    rfigure *fig = d->fig;
    const gantt_frame *fr = d->fr;
    int bold = r->kind == GANTT_GROUP || r->is_action;
    double indent = r->depth * INDENT;
    double lw = fr->label_w - indent;
    const char *text = r->label;
    if (r->ref) text = arena_printf(d->a, "%s %s", r->ref, r->label);
    const char *lines[MAX_LINES];
    size_t nl = text_wrap(d->a, text, LABEL_SIZE, bold, lw, lines, MAX_LINES);
    if (!nl) {
        lines[0] = "";
        nl = 1;
    }
    float h = r->kind == GANTT_GROUP ? GROUP_H : ROW_MIN_H;
    float need = (float)nl * LINE_H + 2 * ROW_PAD;
    if (need > h) h = need;
    fband *b = fig_band(fig, h);
    grid(d, b, 0, h);
    fig_line(fig, b, 0, h - 0.25f, (float)fr->width, h - 0.25f, fc(FC_RULE), 0.25f);
    for (size_t i = 0; i < nl; i++)
        fig_text(fig, b, (float)indent, ROW_PAD + 6.5f + (float)i * LINE_H, lines[i], LABEL_SIZE, FA_START, bold,
                 fc(FC_INK));
    float cy = h / 2;
    rag_level lvl = status_level(r->status.kind);
    switch ((gantt_row_kind)r->kind) {
    case GANTT_GROUP:
        break;
    case GANTT_UNDATED:
        fig_text(fig, b, (float)d->ax.x0 + 3, cy + 2.5f, "No dates", SMALL_SIZE, FA_START, 0, fc(FC_MUTED));
        break;
    case GANTT_BAR: {
        double x0 = gantt_x(&d->ax, r->clip_start ? d->g->from : r->start);
        double x1 = gantt_x(&d->ax, (r->clip_end ? d->g->to : r->end) + 1);
        float bh = r->is_action ? BAR_H + 1 : BAR_H;
        float y = cy - bh / 2;
        if (r->revised) {
            /* the original dates, a thin outline under the bar */
            day_t oe = r->orig_end < d->g->from ? d->g->from : r->orig_end > d->g->to ? d->g->to : r->orig_end;
            double ox1 = gantt_x(&d->ax, oe + 1);
            fig_rect(fig, b, (float)x0, y + bh + 1, (float)(ox1 - x0), ORIG_H, fc(FC_NONE), FP_SOLID,
                     fc(FC_INK), 0.5f);
        }
        fig_rect(fig, b, (float)x0, y, (float)(x1 - x0), bh, fc_rag(lvl), status_pattern(r->status.kind),
                 fc(FC_RULE), 0.4f);
        if (r->clip_start) cut_mark(d, b, (float)x0 - 0.5f, cy, 0);
        if (r->clip_end) cut_mark(d, b, (float)x1 + 0.5f, cy, 1);
        break;
    }
    case GANTT_POINT: {
        if (r->clip_start || r->clip_end) break;
        float cx = (float)((gantt_x(&d->ax, r->end) + gantt_x(&d->ax, r->end + 1)) / 2);
        if (r->revised && r->orig_end >= d->g->from && r->orig_end <= d->g->to) {
            float ox = (float)((gantt_x(&d->ax, r->orig_end) + gantt_x(&d->ax, r->orig_end + 1)) / 2);
            diamond(d, b, ox, cy, fc(FC_NONE), fc(FC_INK), 0.6f);
        }
        diamond(d, b, cx, cy, fc_rag(lvl), fc(FC_INK), 0.5f);
        if (r->on_day) {
            int y, m, dd;
            date_to_ymd(r->end, &y, &m, &dd);
            char ord[16];
            day_ordinal(dd, ord, sizeof ord);
            /* to the diamond's right, or its left where the axis ends */
            if (cx + DIAMOND + 1.5f + label_width(ord, AXIS_SIZE, 1) <= d->ax.x0 + d->ax.w)
                fig_text(fig, b, cx + DIAMOND + 1.5f, cy + 2.5f, ord, AXIS_SIZE, FA_START, 1, fc(FC_INK));
            else
                fig_text(fig, b, cx - DIAMOND - 1.5f, cy + 2.5f, ord, AXIS_SIZE, FA_END, 1, fc(FC_INK));
        }
        break;
    }
    }
    if (r->kind != GANTT_GROUP) {
        strbuf sb = STRBUF_INIT;
        label_status(&sb, r->status);
        const char *sl[2];
        size_t ns = text_wrap(d->a, sb.data, AXIS_SIZE, 0, fr->status_w, sl, 2);
        for (size_t i = 0; i < ns; i++)
            fig_text(fig, b, (float)d->status_x, cy + 2.5f - (float)(ns - 1) * 4.0f + (float)i * 8.0f, sl[i],
                     AXIS_SIZE, FA_START, 0, fc(FC_INK));
        sb_free(&sb);
    }
    as_at_line(d, b, h);
}

/* The legend: each status drawn, with its pattern; the diamond, the as-at line and
 * (when any row was revised) the original dates. */
static void legend(dr *d, const char *as_at_text)
{
    rfigure *fig = d->fig;
    fband *b = NULL;
    float x = 0;
    for (int k = 0; k <= STATUS__COUNT + 2; k++) {
        const char *word;
        int kind;           /* 0 status swatch, 1 diamond, 2 line, 3 outline */
        status_kind s = STATUS_ON_TARGET;
        if (k < STATUS__COUNT) {
            s = status_order[k];
            if (!d->g->count[s]) continue;
            word = status_kind_name(s);
            kind = 0;
        } else if (k == STATUS__COUNT) {
            if (!d->g->n_points) continue;
            word = "Milestone (its day)";
            kind = 1;
        } else if (k == STATUS__COUNT + 1) {
            if (d->g->as_at < d->g->from || d->g->as_at > d->g->to) continue;
            word = arena_printf(d->a, "As at %s", as_at_text);
            kind = 2;
        } else {
            if (!d->g->any_revised) continue;
            word = "Original date, before revision";
            kind = 3;
        }
        float w = SWATCH + 4 + (float)label_width(word, LABEL_SIZE, 0) + 14;
        if (!b || x + w > d->fr->width) {
            b = fig_band(fig, LEGEND_H);
            x = 0;
        }
        float y = 5;
        switch (kind) {
        case 0: {
            rag_level l = status_level(s);
            fig_rect(fig, b, x, y, SWATCH, SWATCH, fc_rag(l), status_pattern(s), fc(FC_RULE), 0.5f);
            break;
        }
        case 1: {
            float p[] = {x + SWATCH / 2, y, x + SWATCH, y + SWATCH / 2, x + SWATCH / 2, y + SWATCH, x,
                         y + SWATCH / 2};
            fig_path(fig, b, p, 4, 1, fc(FC_NONE), fc(FC_INK), 0.6f);
            break;
        }
        case 2:
            fig_line(fig, b, x + SWATCH / 2, y - 1, x + SWATCH / 2, y + SWATCH + 1, fc(FC_ACCENT), 0.9f);
            break;
        default:
            fig_rect(fig, b, x, y + SWATCH / 2 - ORIG_H / 2, SWATCH, ORIG_H, fc(FC_NONE), FP_SOLID, fc(FC_INK),
                     0.5f);
            break;
        }
        fig_text(fig, b, x + SWATCH + 4, y + SWATCH - 1, word, LABEL_SIZE, FA_START, 0, fc(FC_INK));
        x += w;
    }
}

rfigure *gantt_draw(arena *a, const gantt *g, const gantt_frame *fr, const char *as_at_text)
{
    dr d;
    memset(&d, 0, sizeof d);
    d.a = a;
    d.g = g;
    d.fr = fr;
    d.fig = fig_new(a, (float)fr->width);
    double x0 = fr->label_w + GAP;
    d.status_x = fr->width - fr->status_w;
    gantt_axis_init(&d.ax, g, x0, d.status_x - GAP - x0);
    header(&d);
    for (size_t i = 0; i < g->n_rows; i++) row_band(&d, &g->rows[i]);
    size_t last_row = d.fig->nbands ? d.fig->nbands - 1 : 0;
    legend(&d, as_at_text);
    fig_keep_together(d.fig, last_row);
    return d.fig;
}
