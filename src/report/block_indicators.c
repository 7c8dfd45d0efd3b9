/* block_indicators.c - the indicators block: target, actual, status and direction of
 * travel for one period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/indicator.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

void block_indicators(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    const plan *p = b->plan;
    const char *ps = opts_get(o, "period");
    fuzzy_date period;
    char why[256];
    if (!ps || !*ps) {
        diag_error(b->diags, a->pos, "indicators block needs period=, e.g. period=2002/03");
        return;
    }
    if (date_parse(ps, &period, why, sizeof why) != 0 || !date_has_bounds(period)) {
        diag_error(b->diags, a->pos, "indicators block: period %s %s", ps, why[0] ? why : "is not a period");
        return;
    }
    static const char *const headers[] = {"Code", "Indicator", "Better", "Baseline", "Target",
                                          "Actual", "Status", "Direction of travel"};
    char cap[256], pd[DATE_BUF];
    label_date(b->house->dates, period, pd, sizeof pd);
    snprintf(cap, sizeof cap, "Performance indicators, %s", pd);
    rnode *t = tb_table(b->d, block_caption(b, o, cap), headers, 8);
    t->flags |= RF_COMPUTED;
    for (size_t i = 0; i < p->n_indicators; i++) {
        const indicator *ind = &p->indicators[i];
        if (only && ind->theme != only) continue;
        indicator_period st = indicator_status(ind, period, b->an->as_at);
        rnode *tr = tb_row(b->d, t, 0);
        rnode *c = tb_cell(b->d, tr, ind->code, LEVEL_NONE);
        c->flags |= RF_ROW_HEADER;
        tb_cell(b->d, tr, ind->description, LEVEL_NONE);
        tb_cell(b->d, tr, ind->polarity == POLARITY_LOWER ? "Lower" : "Higher", LEVEL_NONE);
        strbuf sb = STRBUF_INIT;
        if (ind->has_baseline) {
            char bd[DATE_BUF];
            label_date(b->house->dates, ind->baseline.period, bd, sizeof bd);
            label_value(&sb, ind->baseline.value, ind->unit);
            sb_printf(&sb, " (%s)", bd);
        }
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_reset(&sb);
        if (st.has_target) label_value(&sb, st.target, ind->unit);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE)->align = ALIGN_RIGHT;
        sb_reset(&sb);
        if (st.has_actual) label_value(&sb, st.actual, ind->unit);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE)->align = ALIGN_RIGHT;
        sb_free(&sb);
        rag_level lvl = indicator_result_level(st.result);
        tb_cell(b->d, tr, indicator_result_name(st.result), lvl);
        const char *dir = st.direction == DIR_IMPROVING ? "\xE2\x86\x91 Improving"
                          : st.direction == DIR_SAME ? "\xE2\x86\x92 Same"
                          : st.direction == DIR_WORSE ? "\xE2\x86\x93 Worse" : "";
        tb_cell(b->d, tr, dir, LEVEL_NONE);
    }
    rnode_append(parent, t);
}
