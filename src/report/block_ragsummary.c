/* block_ragsummary.c - the rag-summary block: a figure with a stacked bar for each
 * theme and one for the whole plan, its actions by status side by side in the one
 * status order, each part in its RAG colour - overdue with a hatched stripe,
 * rescheduled and late a dotted one - with its count and status word written in it
 * where they fit (the count alone where only that fits), the number of actions and the
 * percentage complete at the right, over a scale of 0 to 100%, and a legend (colour is
 * never the only signal: the words, the patterns, the table); the same figures as a
 * table. Options: theme=, caption=, landscape (a landscape page), table (print the
 * table as well). */
#include <stdio.h>
#include <string.h>

#include "../util/strbuf.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"
#include "text_measure.h"

#define WIDTH 460.0f        /* fits a portrait A4 measure; scaled down where narrower */
#define SCALE_H 20.0f       /* the header band: the scale */
#define BAR_BAND_H 32.0f    /* a theme: its label line, its bar, a gap */
#define BAR_TOP 13.0f
#define BAR_H 14.0f
#define STRIPE_H 4.0f       /* a part's pattern, in a stripe along its foot, clear of its count */
#define LABEL_SIZE 8.0f
#define SMALL_SIZE 7.0f
#define COUNT_MIN_W 14.0f   /* a part narrower than this has no count written in it */
#define LEGEND_H 16.0f
#define SWATCH 9.0f


static void scale_band(rfigure *fig)
{
    fband *b = fig_header(fig, SCALE_H);
    for (int q = 0; q <= 4; q++) {
        float x = WIDTH * (float)q / 4;
        char pc[8];
        snprintf(pc, sizeof pc, "%d%%", q * 25);
        fig_text(fig, b, x, 9, pc, SMALL_SIZE, q == 0 ? FA_START : q == 4 ? FA_END : FA_MIDDLE, 0,
                 fc(FC_MUTED));
        fig_line(fig, b, x, 12, x, SCALE_H, fc(FC_RULE), 0.5f);
    }
    fig_line(fig, b, 0, SCALE_H - 0.25f, WIDTH, SCALE_H - 0.25f, fc(FC_RULE), 0.5f);
}

static void bar_band(build_ctx *b, rfigure *fig, const char *label, const rollup_counts *r, int bold)
{
    fband *band = fig_band(fig, BAR_BAND_H);
    fig_text(fig, band, 0, 10, label, LABEL_SIZE, FA_START, bold, fc(FC_INK));
    char n[64];
    if (r->percent_complete >= 0)
        snprintf(n, sizeof n, "%zu action%s, %d%% complete", r->total, r->total == 1 ? "" : "s",
                 r->percent_complete);
    else
        snprintf(n, sizeof n, "%zu action%s", r->total, r->total == 1 ? "" : "s");
    fig_text(fig, band, WIDTH, 10, n, LABEL_SIZE, FA_END, 0, fc(FC_MUTED));
    if (!r->total) {
        fig_rect(fig, band, 0, BAR_TOP, WIDTH, BAR_H, fc(FC_NONE), FP_SOLID, fc(FC_RULE), 0.5f);
        return;
    }
    float x = 0;
    for (int k = 0; k < STATUS__COUNT; k++) {
        status_kind s = status_order[k];
        if (!r->count[s]) continue;
        float w = WIDTH * (float)r->count[s] / (float)r->total;
        rag_level l = status_level(s);
        fig_rect(fig, band, x, BAR_TOP, w, BAR_H, fc_rag(l), FP_SOLID, fc(FC_RULE), 0.5f);
        if (status_pattern(s) != FP_SOLID)
            fig_rect(fig, band, x, BAR_TOP + BAR_H - STRIPE_H, w, STRIPE_H, fc_rag(l), status_pattern(s),
                     fc(FC_NONE), 0);
        if (w >= COUNT_MIN_W) {
            char c[64];
            snprintf(c, sizeof c, "%zu %s", r->count[s], status_kind_name(s));
            if (label_width(c, SMALL_SIZE, 1) + 4 > w) snprintf(c, sizeof c, "%zu", r->count[s]);
            fig_text(fig, band, x + w / 2, BAR_TOP + 7.5f, c, SMALL_SIZE, FA_MIDDLE, 1, fc_rag_ink(l));
        }
        x += w;
    }
    (void)b;
}

/* A swatch and the status's word for each status the plan has, in rows. */
static void legend(rfigure *fig, const rollup_counts *overall)
{
    fband *band = NULL;
    float x = 0;
    for (int k = 0; k < STATUS__COUNT; k++) {
        status_kind s = status_order[k];
        if (!overall->count[s]) continue;
        const char *word = status_kind_name(s);
        float w = SWATCH + 4 + (float)label_width(word, LABEL_SIZE, 0) + 14;
        if (!band || x + w > WIDTH) {
            band = fig_band(fig, LEGEND_H);
            x = 0;
        }
        rag_level l = status_level(s);
        fig_rect(fig, band, x, 4, SWATCH, SWATCH, fc_rag(l), status_pattern(s), fc(FC_RULE), 0.5f);
        fig_text(fig, band, x + SWATCH + 4, 4 + SWATCH - 1, word, LABEL_SIZE, FA_START, 0, fc(FC_INK));
        x += w;
    }
}

/* The same figures as a table. */
static rnode *data_table(build_ctx *b, const theme *only)
{
    const analysis *an = b->an;
    status_kind shown[STATUS__COUNT];
    int ns = 0;
    for (int k = 0; k < STATUS__COUNT; k++)
        if (an->overall.count[status_order[k]]) shown[ns++] = status_order[k];
    const char *headers[STATUS__COUNT + 2];
    int nc = 0;
    headers[nc++] = "Theme";
    for (int k = 0; k < ns; k++) headers[nc++] = status_kind_name(shown[k]);
    headers[nc++] = "Actions";
    rnode *t = tb_table(b->d, NULL, headers, nc);
    t->flags |= RF_COMPUTED;
    theme_row *rows;
    size_t nrows = block_theme_rows(b, only, &rows);
    for (size_t i = 0; i < nrows; i++) {
        const rollup_counts *r = rows[i].counts;
        rnode *row = block_theme_row(b, t, &rows[i]);
        for (int k = 0; k < ns; k++) block_num_cell(b, row, r->count[shown[k]]);
        block_num_cell(b, row, r->total);
    }
    return t;
}

void block_ragsummary(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    const analysis *an = b->an;
    rfigure *fig = fig_new(&b->d->arena, WIDTH);
    scale_band(fig);
    theme_row *rows;
    size_t nrows = block_theme_rows(b, only, &rows), themes = 0;
    for (size_t i = 0; i < nrows; i++) {
        bar_band(b, fig, rows[i].name, rows[i].counts, rows[i].theme == NULL);
        themes += rows[i].theme != NULL;
    }
    size_t last = fig->nbands ? fig->nbands - 1 : 0;
    legend(fig, only ? &an->themes[only->index] : &an->overall);
    fig_keep_together(fig, last);

    rnode *n = rnode_add(b->d, parent, RN_FIGURE);
    n->figure = fig;
    rnode_set_pos(n, a->pos);
    if (opts_get(o, "landscape")) n->flags |= RF_WIDE;
    if (opts_get(o, "table")) n->flags |= RF_SHOW_DATA;
    char cap[256];
    snprintf(cap, sizeof cap, "Actions by status as at %s", block_as_at(b));
    rnode_add_text(b->d, rnode_add(b->d, n, RN_CAPTION), block_caption(b, o, cap));
    n->text = only ? arena_printf(&b->d->arena,
                                  "Bar chart of the actions of theme %s by status as at %s; the "
                                  "figures are in the table that goes with it.",
                                  only->ref, block_as_at(b))
                   : arena_printf(&b->d->arena,
                                  "Bar chart of the actions of each of the plan's %zu themes, and "
                                  "of the whole plan, by status as at %s; the figures are in the "
                                  "table that goes with it.",
                                  themes, block_as_at(b));
    strbuf desc = STRBUF_INIT;
    for (size_t i = 0; i < nrows; i++)
        sb_printf(&desc, "%s%s: %zu action%s, %s.", i ? " " : "", rows[i].name, rows[i].counts->total,
                  rows[i].counts->total == 1 ? "" : "s", block_status_words(b, rows[i].counts->count));
    fig->desc = arena_strdup(&b->d->arena, desc.data ? desc.data : "");
    sb_free(&desc);
    rnode_append(n, data_table(b, only));
}
