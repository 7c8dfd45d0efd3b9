/* block_gantt.c - the gantt block: the actions and milestones of the plan, of one theme
 * or of one action as a Gantt chart (gantt.h decides it, gantt_draw.c draws it), with
 * its text alternative and the same dates and statuses as a table. A chart of more
 * than 13 months or weeks asks for a landscape page.
 * Options: theme=, action=, axis=months|weeks, from=, to= (a window), caption=,
 * landscape, table. */
#include <stdio.h>
#include <string.h>

#include "../util/strbuf.h"
#include "blocks.h"
#include "gantt.h"
#include "labels.h"
#include "table_build.h"

#define LANDSCAPE_COLS 13   /* more columns than this ask for a landscape page */
#define LABEL_W_PORTRAIT 150.0
#define LABEL_W_LANDSCAPE 190.0
#define STATUS_W 66.0

/* A date option: its first day (from) or its last (to). 1 given, 0 absent, -1 bad. */
static int date_opt(build_ctx *b, const block_args *a, const char *key, int last, day_t *out)
{
    const char *s = opts_get(a->opts, key);
    if (!s) return 0;
    fuzzy_date f;
    char why[160];
    if (date_parse_as(s, DATE_ACCEPT_PERIOD, &f, why, sizeof why) != 0) {
        diag_error(b->diags, a->pos, "gantt block: %s=%s %s", key, s, why);
        return -1;
    }
    *out = last ? date_last_day(f) : date_first_day(f);
    return 1;
}

static const char *span_text(build_ctx *b, const gantt *g)
{
    char x[DATE_BUF], y[DATE_BUF];
    int yy, mm, dd;
    if (g->weeks) {
        date_format(date_of_day(g->from), x, sizeof x);
        date_format(date_of_day(g->to), y, sizeof y);
    } else {
        date_to_ymd(g->from, &yy, &mm, &dd);
        date_format((fuzzy_date){DATE_MONTH, yy, mm, 0, 0}, x, sizeof x);
        date_to_ymd(g->to, &yy, &mm, &dd);
        date_format((fuzzy_date){DATE_MONTH, yy, mm, 0, 0}, y, sizeof y);
    }
    return arena_printf(&b->d->arena, "%s to %s", x, y);
}

static rnode *data_table(build_ctx *b, const gantt *g)
{
    static const char *const headers[] = {"Task", "Start", "Finish", "Status"};
    rnode *t = tb_table(b->d, NULL, headers, 4);
    t->flags |= RF_COMPUTED;
    char d[DATE_BUF], o[DATE_BUF];
    for (size_t i = 0; i < g->n_rows; i++) {
        const gantt_row *r = &g->rows[i];
        if (r->kind == GANTT_GROUP) {
            tb_group(b->d, t, r->label);
            continue;
        }
        rnode *row = tb_row(b->d, t, 0);
        const char *name = r->ref ? arena_printf(&b->d->arena, "%s %s", r->ref, r->label) : r->label;
        tb_cell(b->d, row, name, LEVEL_NONE)->flags |= RF_ROW_HEADER;
        date_format_short(r->start_d, d, sizeof d);
        tb_cell(b->d, row, d, LEVEL_NONE);
        strbuf sb = STRBUF_INIT;
        date_format_short(r->due_d, d, sizeof d);
        sb_puts(&sb, d);
        if (r->revised) {
            date_format_short(r->orig_d, o, sizeof o);
            sb_printf(&sb, " (revised from %s)", o);
        }
        tb_cell(b->d, row, sb.data, LEVEL_NONE);
        sb_free(&sb);
        block_status_cell(b, row, r->status);
    }
    return t;
}

void block_gantt(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    gantt_scope sc;
    memset(&sc, 0, sizeof sc);
    sc.theme = a->theme;
    const char *ref = opts_get(o, "action");
    if (ref) {
        for (size_t i = 0; i < b->plan->n_actions && !sc.action; i++)
            if (!strcmp(b->plan->actions[i].ref, ref)) sc.action = &b->plan->actions[i];
        if (!sc.action) {
            diag_error(b->diags, a->pos, "gantt block: the plan has no action '%s'", ref);
            return;
        }
    }
    const char *axis = opts_get(o, "axis");
    if (axis) {
        if (!strcmp(axis, "months")) sc.axis = GANTT_AXIS_MONTHS;
        else if (!strcmp(axis, "weeks")) sc.axis = GANTT_AXIS_WEEKS;
        else {
            diag_error(b->diags, a->pos, "gantt block: axis=%s is not an axis; write axis=months or axis=weeks",
                       axis);
            return;
        }
    }
    int f = date_opt(b, a, "from", 0, &sc.from), t = date_opt(b, a, "to", 1, &sc.to);
    if (f < 0 || t < 0) return;
    sc.has_from = f > 0;
    sc.has_to = t > 0;
    if (sc.has_from && sc.has_to && sc.to < sc.from) {
        diag_error(b->diags, a->pos, "gantt block: to= is before from=");
        return;
    }

    const char *what = sc.action ? arena_printf(&b->d->arena, "%s %s", sc.action->ref, sc.action->description)
                       : sc.theme ? arena_printf(&b->d->arena, "%s %s", sc.theme->ref, sc.theme->title)
                                  : (b->plan->title ? b->plan->title : "the plan");
    gantt g;
    if (gantt_make(&b->d->arena, b->plan, b->an, &sc, &g) != 0) {
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        rnode_set_pos(n, a->pos);
        rnode_add_text(b->d, rnode_add(b->d, n, RN_PARAGRAPH),
                       arena_printf(&b->d->arena, "%s has no dated tasks or milestones to chart%s.", what,
                                    sc.has_from || sc.has_to ? " in this period" : ""));
        return;
    }
    int wide = opts_get(o, "landscape") || g.n_cols > LANDSCAPE_COLS;
    gantt_frame fr = {block_measure(b, wide), wide ? LABEL_W_LANDSCAPE : LABEL_W_PORTRAIT, STATUS_W};
    const char *as_at = block_as_at(b);
    rfigure *fig = gantt_draw(&b->d->arena, &g, &fr, as_at);
    const char *span = span_text(b, &g);
    fig->desc = arena_printf(&b->d->arena,
                             "Status as at %s: %s.%s%s", as_at, block_status_words(b, g.count),
                             g.any_revised ? " Where a date was revised, the original is drawn as a thin "
                                             "outline under the bar." : "",
                             sc.has_from || sc.has_to ? " Tasks that run beyond the chart are cut at its "
                                                        "edge and marked with an arrowhead." : "");

    rnode *n = rnode_add(b->d, parent, RN_FIGURE);
    n->figure = fig;
    rnode_set_pos(n, a->pos);
    if (wide) n->flags |= RF_WIDE;
    if (opts_get(o, "table")) n->flags |= RF_SHOW_DATA;
    rnode_add_text(b->d, rnode_add(b->d, n, RN_CAPTION),
                   block_caption(b, o, arena_printf(&b->d->arena, "%s: timetable, %s", what, span)));
    n->text = arena_printf(&b->d->arena,
                           "Gantt chart of %s: %zu task%s and %zu milestone%s, %s, by %s, with each one's "
                           "status as at %s; the dates and statuses are in the table that goes with it.",
                           what, g.n_bars, g.n_bars == 1 ? "" : "s", g.n_points, g.n_points == 1 ? "" : "s", span,
                           g.weeks ? "week" : "month", as_at);
    rnode_append(n, data_table(b, &g));
}
