/* block_indicators.c - the indicators block, in two forms.
 *
 * With period=: one period's target, actual, status against target (polarity and
 * tolerance) and direction of travel, in words and arrows.
 * Without: seed 003's table - each indicator's baseline ("N/A" allowed) and its target
 * for every period the plan gives, grouped by theme; where an actual for a period is
 * known as at T it is shown under the target with its status and direction. A target's
 * note becomes a footnote (BVPI 73's "*"); an indicator whose figures are not yet
 * available says so across its row.
 * Options: period=, theme=, caption=, trend (a small chart of each indicator's baseline,
 * targets and actuals after the table, block_indtrend.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/indicator.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

static const char *const note_marks[] = {"*", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xC2\xA7", "**",
                                         "\xE2\x80\xA0\xE2\x80\xA0"};   /* * dagger ddagger section */
#define N_MARKS (sizeof note_marks / sizeof note_marks[0])

typedef struct {
    const char *notes[N_MARKS];
    size_t n;
} footnotes;

/* The mark of a note (the same note, the same mark). */
static const char *mark_of(footnotes *f, const char *note)
{
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->notes[i], note)) return note_marks[i];
    if (f->n == N_MARKS) return "";
    f->notes[f->n] = note;
    return note_marks[f->n++];
}

static const char *direction_text(indicator_direction d)
{
    return d == DIR_IMPROVING ? "\xE2\x86\x91 Improving"
           : d == DIR_SAME    ? "\xE2\x86\x92 Same"
           : d == DIR_WORSE   ? "\xE2\x86\x93 Worse" : "";
}

static const char *code_of(const indicator *ind) { return ind->label ? ind->label : ind->code; }

/* The baseline as printed: "74.48%", "N/A", or "" (with its period when asked). */
static void baseline_text(strbuf *sb, date_style ds, const indicator *ind, int with_period)
{
    if (!ind->has_baseline) return;
    if (ind->has_baseline == 2) sb_puts(sb, "N/A");
    else label_period_value(sb, &ind->baseline, ind->unit);
    if (with_period) {
        char bd[DATE_BUF];
        label_date(ds, ind->baseline.period, bd, sizeof bd);
        sb_printf(sb, " (%s)", bd);
    }
}

static const period_value *target_for(const indicator *ind, day_t first)
{
    for (size_t i = 0; i < ind->n_targets; i++)
        if (date_first_day(ind->targets[i].period) == first) return &ind->targets[i];
    return NULL;
}

/* The indicator's cell: its description, its note when it has figures, its polarity
 * when lower is better. */
static void indicator_cell(build_ctx *b, rnode *row, const indicator *ind, int note_too)
{
    rnode *c = tb_cell(b->d, row, ind->description, LEVEL_NONE);
    if (ind->polarity == POLARITY_LOWER) {
        rnode_add(b->d, c, RN_LINEBREAK);
        rnode_add_text(b->d, rnode_add(b->d, c, RN_EMPH), "Lower is better.");
    }
    if (note_too && ind->note) {
        rnode_add(b->d, c, RN_LINEBREAK);
        rnode_add_text(b->d, c, ind->note);
    }
}

/* The notes, each a last row of the table across its columns. */
static void footnote_rows(build_ctx *b, rnode *t, int ncols, const footnotes *f)
{
    for (size_t i = 0; i < f->n; i++) {
        rnode *row = tb_row(b->d, t, 0);
        row->flags |= RF_NOTE;
        rnode *c = tb_cell(b->d, row, NULL, LEVEL_NONE);
        c->colspan = (uint16_t)ncols;
        rnode_add_text(b->d, rnode_add(b->d, c, RN_EMPH), arena_printf(&b->d->arena, "%s %s", note_marks[i], f->notes[i]));
    }
}

/* ---- one period ----------------------------------------------------------------- */

static void one_period(build_ctx *b, rnode *parent, const block_args *a, fuzzy_date period)
{
    const plan *p = b->plan;
    static const char *const headers[] = {"Code", "Indicator", "Baseline", "Target", "Actual",
                                          "Status", "Direction of travel"};
    char cap[256], pd[DATE_BUF];
    label_date(b->house->dates, period, pd, sizeof pd);
    snprintf(cap, sizeof cap, "Performance indicators, %s", pd);
    rnode *t = tb_table(b->d, block_caption(b, a->opts, cap), headers, 7);
    t->flags |= RF_COMPUTED;
    footnotes fn = {{0}, 0};
    day_t first = date_first_day(period);
    for (size_t i = 0; i < p->n_indicators; i++) {
        const indicator *ind = &p->indicators[i];
        if (a->theme && ind->theme != a->theme) continue;
        indicator_period st = indicator_status(ind, period, b->an->as_at);
        rnode *tr = tb_row(b->d, t, 0);
        tb_cell(b->d, tr, code_of(ind), LEVEL_NONE)->flags |= RF_ROW_HEADER;
        indicator_cell(b, tr, ind, 1);
        strbuf sb = STRBUF_INIT;
        baseline_text(&sb, b->house->dates, ind, 1);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_reset(&sb);
        const period_value *tv = target_for(ind, first);
        if (tv) {
            label_period_value(&sb, tv, ind->unit);
            if (tv->note) sb_puts(&sb, mark_of(&fn, tv->note));
        }
        tb_cell(b->d, tr, sb.data, LEVEL_NONE)->align = ALIGN_RIGHT;
        sb_reset(&sb);
        const period_value *av = indicator_actual_at(ind, first, b->an->as_at);
        if (av) label_period_value(&sb, av, ind->unit);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE)->align = ALIGN_RIGHT;
        sb_free(&sb);
        tb_cell(b->d, tr, indicator_result_name(st.result), indicator_result_level(st.result));
        tb_cell(b->d, tr, direction_text(st.direction), LEVEL_NONE);
    }
    footnote_rows(b, t, 7, &fn);
    rnode_append(parent, t);
}

/* ---- every period: seed 003's table ---------------------------------------------- */

size_t indicator_periods(build_ctx *b, const theme *only, fuzzy_date **out)
{
    const plan *p = b->plan;
    size_t cap = 8, n = 0;
    fuzzy_date *v = xmalloc(cap * sizeof *v);
    for (size_t i = 0; i < p->n_indicators; i++) {
        const indicator *ind = &p->indicators[i];
        if (only && ind->theme != only) continue;
        for (size_t k = 0; k < ind->n_targets + ind->n_actuals; k++) {
            const period_value *pv = k < ind->n_targets ? &ind->targets[k] : &ind->actuals[k - ind->n_targets];
            day_t first = date_first_day(pv->period);
            if (k >= ind->n_targets && !indicator_actual_at(ind, first, b->an->as_at)) continue;
            size_t j = 0;
            while (j < n && date_first_day(v[j]) < first) j++;
            if (j < n && date_first_day(v[j]) == first) continue;
            if (n == cap) v = xrealloc(v, (cap *= 2) * sizeof *v);
            memmove(v + j + 1, v + j, (n - j) * sizeof *v);
            v[j] = pv->period;
            n++;
        }
    }
    *out = v;
    return n;
}

/* The baseline's period when every baseline shares it ("2001/02"), else NULL. */
static const char *common_baseline(build_ctx *b, const theme *only)
{
    const plan *p = b->plan;
    int found = 0;
    fuzzy_date f = {DATE_NONE, 0, 0, 0, 0};
    for (size_t i = 0; i < p->n_indicators; i++) {
        const indicator *ind = &p->indicators[i];
        if ((only && ind->theme != only) || !ind->has_baseline) continue;
        if (found && date_first_day(f) != date_first_day(ind->baseline.period)) return NULL;
        f = ind->baseline.period;
        found = 1;
    }
    if (!found) return NULL;
    char d[DATE_BUF];
    label_date(b->house->dates, f, d, sizeof d);
    return arena_strdup(&b->d->arena, d);
}

static void period_cell(build_ctx *b, rnode *row, const indicator *ind, fuzzy_date period, footnotes *fn)
{
    day_t first = date_first_day(period);
    const period_value *tv = target_for(ind, first);
    const period_value *av = indicator_actual_at(ind, first, b->an->as_at);
    strbuf sb = STRBUF_INIT;
    if (tv) {
        label_period_value(&sb, tv, ind->unit);
        if (tv->note) sb_puts(&sb, mark_of(fn, tv->note));
    }
    rnode *c = tb_cell(b->d, row, sb.data, LEVEL_NONE);
    c->align = ALIGN_RIGHT;
    if (av) {
        indicator_period st = indicator_status(ind, period, b->an->as_at);
        sb_reset(&sb);
        sb_puts(&sb, "Actual ");
        label_period_value(&sb, av, ind->unit);
        if (tv) rnode_add(b->d, c, RN_LINEBREAK);
        rnode_add_text(b->d, c, sb.data);
        if (st.result != IND_NO_DATA) {
            rnode_add(b->d, c, RN_LINEBREAK);
            rnode *badge = rnode_add(b->d, c, RN_BADGE);
            badge->text = indicator_result_name(st.result);
            badge->rag = indicator_result_level(st.result);
        }
        if (st.direction != DIR_NONE) {
            rnode_add(b->d, c, RN_LINEBREAK);
            rnode_add_text(b->d, c, direction_text(st.direction));
        }
    }
    sb_free(&sb);
}

/* The rows of one indicator. */
static void indicator_row(build_ctx *b, rnode *t, const indicator *ind, const fuzzy_date *periods,
                          size_t np, footnotes *fn)
{
    rnode *tr = tb_row(b->d, t, 0);
    tb_cell(b->d, tr, code_of(ind), LEVEL_NONE)->flags |= RF_ROW_HEADER;
    int figures = ind->has_baseline || ind->n_targets || ind->n_actuals;
    indicator_cell(b, tr, ind, figures);
    if (!figures) {
        rnode *c = tb_cell(b->d, tr, ind->note ? ind->note : "No figures given", LEVEL_NONE);
        c->colspan = (uint16_t)(np + 1);
        return;
    }
    strbuf sb = STRBUF_INIT;
    baseline_text(&sb, b->house->dates, ind, 0);
    tb_cell(b->d, tr, sb.data, LEVEL_NONE)->align = ALIGN_RIGHT;
    sb_free(&sb);
    for (size_t k = 0; k < np; k++) period_cell(b, tr, ind, periods[k], fn);
}

static void all_periods(build_ctx *b, rnode *parent, const block_args *a)
{
    const plan *p = b->plan;
    fuzzy_date *periods;
    size_t np = indicator_periods(b, a->theme, &periods);
    int nc = (int)np + 3;
    const char **headers = arena_alloc(&b->d->arena, (size_t)nc * sizeof *headers);
    headers[0] = "Code";
    headers[1] = "Indicator";
    const char *bp = common_baseline(b, a->theme);
    headers[2] = bp ? arena_printf(&b->d->arena, "%s baseline", bp) : "Baseline";
    for (size_t k = 0; k < np; k++) {
        char d[DATE_BUF];
        label_date(b->house->dates, periods[k], d, sizeof d);
        headers[k + 3] = arena_printf(&b->d->arena, "%s target", d);
    }
    rnode *t = tb_table(b->d, block_caption(b, a->opts, "Performance indicators: baseline and targets"),
                        headers, nc);
    t->flags |= RF_COMPUTED;
    footnotes fn = {{0}, 0};
    int grouped = 0;
    for (size_t i = 0; i < p->n_indicators; i++) grouped |= p->indicators[i].theme != NULL;
    if (!grouped || a->theme) {
        for (size_t i = 0; i < p->n_indicators; i++)
            if (!a->theme || p->indicators[i].theme == a->theme)
                indicator_row(b, t, &p->indicators[i], periods, np, &fn);
    } else {
        for (size_t th = 0; th <= p->n_themes; th++) {
            const theme *tp = th < p->n_themes ? &p->themes[th] : NULL;
            int any = 0;
            for (size_t i = 0; i < p->n_indicators; i++) {
                const indicator *ind = &p->indicators[i];
                if (ind->theme != tp) continue;
                if (!any)
                    tb_group(b->d, t, tp ? arena_printf(&b->d->arena, "%s %s", tp->ref, tp->title ? tp->title : "")
                                         : "Other indicators");
                any = 1;
                indicator_row(b, t, ind, periods, np, &fn);
            }
        }
    }
    free(periods);
    if (np > 6) t->flags |= RF_WIDE;
    footnote_rows(b, t, nc, &fn);
    rnode_append(parent, t);
}

void block_indicators(build_ctx *b, rnode *parent, const block_args *a)
{
    const char *ps = opts_get(a->opts, "period");
    if (!b->plan->n_indicators) {
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        rnode_add_text(b->d, rnode_add(b->d, n, RN_PARAGRAPH), "The plan records no performance indicators.");
        return;
    }
    if (ps) {
        fuzzy_date period;
        char why[256];
        if (date_parse(ps, &period, why, sizeof why) != 0 || !date_has_bounds(period)) {
            diag_error(b->diags, a->pos, "indicators block: period %s %s", ps, why[0] ? why : "is not a period");
            return;
        }
        one_period(b, parent, a, period);
    } else {
        all_periods(b, parent, a);
    }
    if (opts_get(a->opts, "trend")) block_indicator_trends(b, parent, a);
}
