/* block_indtrend.c - the indicators block's trend option: a small chart for each
 * indicator, side by side on one scale of periods - its baseline, its targets (hollow
 * squares joined by a thin line) and its actuals known at T (diamonds in the colour of
 * their status against target, joined by a line), each value written beside its
 * mark. Every indicator has its own vertical scale (they are in different units); the
 * values are in the table that goes with it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/indicator.h"
#include "../util/strbuf.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"
#include "text_measure.h"

#define LABEL_W 92.0f
#define BAND_H 62.0f
#define PLOT_TOP 12.0f
#define PLOT_BOTTOM 46.0f
#define PERIOD_Y 56.0f
#define MARK 2.5f
#define SIZE 7.0f
#define SMALL 6.0f
#define LEGEND_H 16.0f

typedef struct {
    int has;
    double v;
    const period_value *pv;
    indicator_result result;
} point;

static void legend(rfigure *fig, double width)
{
    fband *b = fig_band(fig, LEGEND_H);
    float x = 0, y = 8;
    fig_rect(fig, b, x, y - MARK, 2 * MARK, 2 * MARK, fc(FC_NONE), FP_SOLID, fc(FC_INK), 0.6f);
    fig_text(fig, b, x + 9, y + 2.5f, "Target", SIZE, FA_START, 0, fc(FC_INK));
    x += 50;
    fig_rect(fig, b, x, y - MARK, 2 * MARK, 2 * MARK, fc(FC_MUTED), FP_SOLID, fc(FC_NONE), 0);
    fig_text(fig, b, x + 9, y + 2.5f, "Baseline", SIZE, FA_START, 0, fc(FC_INK));
    x += 56;
    float p[] = {x + 3, y - 3.5f, x + 6.5f, y, x + 3, y + 3.5f, x - 0.5f, y};
    fig_path(fig, b, p, 4, 1, fc_rag(LEVEL_GREEN), fc(FC_INK), 0.5f);
    fig_text(fig, b, x + 10, y + 2.5f,
             "Actual, in the colour of its status against target (Met, Missed within tolerance, Missed)", SIZE,
             FA_START, 0, fc(FC_INK));
    (void)width;
}

void block_indicator_trends(build_ctx *b, rnode *parent, const block_args *a)
{
    const plan *p = b->plan;
    fuzzy_date *periods;
    size_t np = indicator_periods(b, a->theme, &periods);
    double width = block_measure(b, 0);
    rfigure *fig = fig_new(&b->d->arena, (float)width);
    size_t ncol = np + 1;   /* the baseline, then each period */
    double x0 = LABEL_W + 14, x1 = width - 24;
    double step = ncol > 1 ? (x1 - x0) / (double)(ncol - 1) : 0;
    static const char *const headers[] = {"Code", "Period", "Target", "Actual", "Status"};
    rnode *t = tb_table(b->d, NULL, headers, 5);
    t->flags |= RF_COMPUTED;
    size_t charted = 0;
    strbuf desc = STRBUF_INIT;
    point *pts = calloc(ncol + 1, sizeof *pts);
    point *tgs = calloc(ncol + 1, sizeof *tgs);
    for (size_t i = 0; i < p->n_indicators; i++) {
        const indicator *ind = &p->indicators[i];
        if (a->theme && ind->theme != a->theme) continue;
        memset(pts, 0, (ncol + 1) * sizeof *pts);
        memset(tgs, 0, (ncol + 1) * sizeof *tgs);
        double lo = 0, hi = 0;
        int any = 0;
        if (ind->has_baseline == 1) {
            pts[0] = (point){1, ind->baseline.value, &ind->baseline, IND_NO_DATA};
            lo = hi = ind->baseline.value;
            any = 1;
        }
        for (size_t k = 0; k < np; k++) {
            day_t first = date_first_day(periods[k]);
            for (size_t j = 0; j < ind->n_targets; j++)
                if (date_first_day(ind->targets[j].period) == first)
                    tgs[k + 1] = (point){1, ind->targets[j].value, &ind->targets[j], IND_NO_DATA};
            const period_value *av = indicator_actual_at(ind, first, b->an->as_at);
            if (av) {
                indicator_period st = indicator_status(ind, periods[k], b->an->as_at);
                pts[k + 1] = (point){1, av->value, av, st.result};
            }
            for (int w = 0; w < 2; w++) {
                const point *q = w ? &pts[k + 1] : &tgs[k + 1];
                if (!q->has) continue;
                if (!any || q->v < lo) lo = q->v;
                if (!any || q->v > hi) hi = q->v;
                any = 1;
            }
        }
        if (!any) continue;
        charted++;
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        fband *band = fig_band(fig, BAND_H);
        fig_text(fig, band, 0, PLOT_TOP + 4, ind->label ? ind->label : ind->code, SIZE + 0.5f, FA_START, 1,
                 fc(FC_INK));
        fig_text(fig, band, 0, PLOT_TOP + 14, ind->polarity == POLARITY_LOWER ? "Lower is better" : "Higher is better",
                 SMALL, FA_START, 0, fc(FC_MUTED));
        fig_line(fig, band, (float)x0 - 6, PLOT_BOTTOM + 4, (float)x1 + 6, PLOT_BOTTOM + 4, fc(FC_RULE), 0.4f);
        fig_line(fig, band, 0, BAND_H - 0.25f, (float)width, BAND_H - 0.25f, fc(FC_RULE), 0.25f);
        float xs[64], ys[64];
        uint32_t nt = 0, na = 0;
        float axs[128];
        for (size_t k = 0; k < ncol; k++) {
            double x = x0 + step * (double)k;
            char pl[DATE_BUF];
            if (k == 0) snprintf(pl, sizeof pl, "Baseline");
            else date_format(periods[k - 1], pl, sizeof pl);
            fig_text(fig, band, (float)x, PERIOD_Y, pl, SMALL, FA_MIDDLE, 0, fc(FC_MUTED));
            for (int w = 0; w < 2; w++) {
                const point *q = w ? &pts[k] : &tgs[k];
                if (!q->has) continue;
                float y = (float)(PLOT_BOTTOM - (q->v - lo) / (hi - lo) * (PLOT_BOTTOM - PLOT_TOP));
                strbuf sb = STRBUF_INIT;
                label_period_value(&sb, q->pv, ind->unit);
                if (!w && nt < 64) {
                    xs[nt] = (float)x;
                    ys[nt++] = y;
                }
                if (w && k > 0 && na < 64) {
                    axs[2 * na] = (float)x;
                    axs[2 * na + 1] = y;
                    na++;
                }
                if (!w) {
                    fig_rect(fig, band, (float)x - MARK, y - MARK, 2 * MARK, 2 * MARK, fc(FC_PAPER), FP_SOLID,
                             fc(FC_INK), 0.6f);
                    fig_text(fig, band, (float)x, y - MARK - 2, sb.data, SMALL, FA_MIDDLE, 0, fc(FC_MUTED));
                } else if (k == 0) {
                    fig_rect(fig, band, (float)x - MARK, y - MARK, 2 * MARK, 2 * MARK, fc(FC_MUTED), FP_SOLID,
                             fc(FC_NONE), 0);
                    fig_text(fig, band, (float)x + MARK + 1.5f, y - 3, sb.data, SMALL, FA_START, 0, fc(FC_INK));
                } else {
                    rag_level lvl = indicator_result_level(q->result);
                    float d[] = {(float)x, y - 3.5f, (float)x + 3.5f, y, (float)x, y + 3.5f, (float)x - 3.5f, y};
                    fig_path(fig, band, d, 4, 1, lvl == LEVEL_NONE ? fc(FC_INK) : fc_rag(lvl), fc(FC_INK), 0.5f);
                    fig_text(fig, band, (float)x + 5, y + 8, sb.data, SMALL, FA_START, 1, fc(FC_INK));
                }
                sb_free(&sb);
            }
        }
        if (nt > 1) {
            float line[128];
            for (uint32_t k = 0; k < nt; k++) {
                line[2 * k] = xs[k];
                line[2 * k + 1] = ys[k];
            }
            fig_path(fig, band, line, nt, 0, fc(FC_NONE), fc(FC_MUTED), 0.6f);
        }
        if (na > 1) fig_path(fig, band, axs, na, 0, fc(FC_NONE), fc(FC_INK), 1.0f);
        /* in words: the baseline, the first and last targets, each actual */
        sb_printf(&desc, "%s%s:", desc.len ? " " : "", ind->label ? ind->label : ind->code);
        const char *sep = " ";
        if (pts[0].has) {
            sb_puts(&desc, " baseline ");
            label_period_value(&desc, pts[0].pv, ind->unit);
            sep = "; ";
        }
        size_t t0 = 0, t1 = 0;
        for (size_t k = 1; k < ncol; k++)
            if (tgs[k].has) {
                if (!t0) t0 = k;
                t1 = k;
            }
        if (t0) {
            char pl[DATE_BUF];
            sb_printf(&desc, "%stargets from ", sep);
            label_period_value(&desc, tgs[t0].pv, ind->unit);
            date_format(periods[t0 - 1], pl, sizeof pl);
            sb_printf(&desc, " in %s to ", pl);
            label_period_value(&desc, tgs[t1].pv, ind->unit);
            date_format(periods[t1 - 1], pl, sizeof pl);
            sb_printf(&desc, " in %s", pl);
            sep = "; ";
        }
        for (size_t k = 1; k < ncol; k++) {
            if (!pts[k].has) continue;
            char pl[DATE_BUF];
            date_format(periods[k - 1], pl, sizeof pl);
            sb_printf(&desc, "%sactual ", sep);
            label_period_value(&desc, pts[k].pv, ind->unit);
            sb_printf(&desc, " in %s, %s", pl, indicator_result_name(pts[k].result));
            sep = "; ";
        }
        sb_putc(&desc, '.');
        /* the table */
        for (size_t k = 1; k < ncol; k++) {
            if (!tgs[k].has && !pts[k].has) continue;
            rnode *row = tb_row(b->d, t, 0);
            tb_cell(b->d, row, ind->label ? ind->label : ind->code, LEVEL_NONE)->flags |= RF_ROW_HEADER;
            char pl[DATE_BUF];
            date_format(periods[k - 1], pl, sizeof pl);
            tb_cell(b->d, row, pl, LEVEL_NONE);
            strbuf sb = STRBUF_INIT;
            if (tgs[k].has) label_period_value(&sb, tgs[k].pv, ind->unit);
            tb_cell(b->d, row, sb.data, LEVEL_NONE);
            sb_reset(&sb);
            if (pts[k].has) label_period_value(&sb, pts[k].pv, ind->unit);
            tb_cell(b->d, row, sb.data, LEVEL_NONE);
            sb_free(&sb);
            tb_cell(b->d, row, pts[k].has ? indicator_result_name(pts[k].result) : "",
                    pts[k].has ? indicator_result_level(pts[k].result) : LEVEL_NONE);
        }
    }
    free(pts);
    free(tgs);
    free(periods);
    if (!charted) {
        sb_free(&desc);
        return;
    }
    fig->desc = arena_strdup(&b->d->arena, desc.data);
    sb_free(&desc);
    size_t last = fig->nbands - 1;
    legend(fig, width);
    fig_keep_together(fig, last);
    rnode *n = rnode_add(b->d, parent, RN_FIGURE);
    n->figure = fig;
    rnode_set_pos(n, a->pos);
    rnode_add_text(b->d, rnode_add(b->d, n, RN_CAPTION),
                   arena_printf(&b->d->arena, "Performance indicators: trend of baseline, targets and actuals as "
                                              "at %s", block_as_at(b)));
    n->text = arena_printf(&b->d->arena,
                           "Small charts of %zu indicator%s, each on its own scale: the baseline, the target "
                           "for each period and the actuals known as at %s; the figures are in the table "
                           "that goes with it.",
                           charted, charted == 1 ? "" : "s", block_as_at(b));
    rnode_append(n, t);
}
