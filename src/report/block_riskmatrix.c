/* block_riskmatrix.c - the risk-matrix block: seed 000's Annex D as a heat map. Five
 * rows of likelihood (5 Highly probable at the top) by five columns of impact, each
 * cell in the colour of its band (1-6 Low, 7-10 Moderate, 11-16 High, 17-25 Very high;
 * Very high hatched as well) with its score and band word, and the refs of the risks
 * whose net (or inherent) score puts them there; a legend of the bands. Risks assessed
 * in words (High/Low impact, seed 003) are never placed: the caption's note says how
 * many there are. With no scored risks it shows the bands alone, as the template does.
 * The same grid as a table. Options: theme=, caption=, score=net|inherent, table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/risk.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"
#include "text_measure.h"

#define ROW_LABEL_W 96.0f
#define CELL_H 44.0f
#define CELL_GAP 1.5f
#define TOP_H 16.0f
#define FOOT_H 34.0f
#define LEGEND_H 16.0f
#define SWATCH 9.0f
#define SMALL 6.5f
#define LABEL 7.5f
#define REF_SIZE 7.5f
#define MAX_REF_LINES 2
#define STRIPE_H 7.0f

typedef struct {
    const char *refs[5][5];     /* [likelihood-1][impact-1]: "RK1, RK4", or NULL */
    size_t count[5][5];
    size_t placed, unplaced, qualitative;
} grid;

static void place(build_ctx *b, const theme *only, int inherent, grid *g)
{
    const plan *p = b->plan;
    memset(g, 0, sizeof *g);
    size_t *order = xcalloc(p->n_risks + 1, sizeof *order);
    size_t n = risk_register_order(p, b->an->as_at, order);
    strbuf cell[5][5];
    for (int l = 0; l < 5; l++)
        for (int i = 0; i < 5; i++) cell[l][i] = (strbuf)STRBUF_INIT;
    for (size_t k = 0; k < n; k++) {
        const risk *r = &p->risks[order[k]];
        if (only && r->theme != only) continue;
        risk_view v = risk_at(r, b->an->as_at);
        risk_score s = inherent ? v.inherent : v.net;
        if (!risk_score_value(s)) {
            g->unplaced++;
            continue;
        }
        strbuf *c = &cell[s.likelihood - 1][s.impact - 1];
        if (c->len) sb_puts(c, ", ");
        sb_puts(c, r->ref);
        g->count[s.likelihood - 1][s.impact - 1]++;
        g->placed++;
    }
    size_t nq = risk_qualitative_order(p, b->an->as_at, order);
    for (size_t k = 0; k < nq; k++)
        if (!only || p->risks[order[k]].theme == only) g->qualitative++;
    for (int l = 0; l < 5; l++)
        for (int i = 0; i < 5; i++) {
            if (cell[l][i].len) g->refs[l][i] = arena_strdup(&b->d->arena, cell[l][i].data);
            sb_free(&cell[l][i]);
        }
    free(order);
}

static fpattern band_pattern(risk_band band) { return band == BAND_VERY_HIGH ? FP_HATCH : FP_SOLID; }

static void draw(build_ctx *b, rfigure *fig, const grid *g, double width)
{
    arena *a = &b->d->arena;
    float cw = (float)((width - ROW_LABEL_W) / 5);
    fband *top = fig_band(fig, TOP_H);
    fig_text(fig, top, 0, 11, "Likelihood", LABEL, FA_START, 1, fc(FC_INK));
    for (int l = 5; l >= 1; l--) {
        fband *row = fig_band(fig, CELL_H);
        char num[16];
        snprintf(num, sizeof num, "%d", l);
        fig_text(fig, row, ROW_LABEL_W - 6, CELL_H / 2 - 1, num, LABEL, FA_END, 1, fc(FC_INK));
        fig_text(fig, row, ROW_LABEL_W - 6, CELL_H / 2 + 8, label_likelihood(l), LABEL, FA_END, 0, fc(FC_INK));
        for (int i = 1; i <= 5; i++) {
            int score = l * i;
            risk_band band = risk_band_of(score);
            rag_level lvl = risk_band_level(band);
            float x = ROW_LABEL_W + (float)(i - 1) * cw;
            fig_rect(fig, row, x + CELL_GAP / 2, CELL_GAP / 2, cw - CELL_GAP, CELL_H - CELL_GAP, fc_rag(lvl),
                     FP_SOLID, fc(FC_NONE), 0);
            /* Very high is hatched too, in a stripe along the cell's foot, clear of its words */
            if (band_pattern(band) != FP_SOLID)
                fig_rect(fig, row, x + CELL_GAP / 2, CELL_H - CELL_GAP / 2 - STRIPE_H, cw - CELL_GAP, STRIPE_H,
                         fc_rag(lvl), band_pattern(band), fc(FC_NONE), 0);
            char sc[16];
            snprintf(sc, sizeof sc, "%d", score);
            fig_text(fig, row, x + 4, 10, sc, SMALL, FA_START, 1, fc_rag_ink(lvl));
            fig_text(fig, row, x + cw - 4, 10, risk_band_name(band), SMALL, FA_END, 0, fc_rag_ink(lvl));
            const char *refs = g->refs[l - 1][i - 1];
            if (!refs) continue;
            const char *lines[MAX_REF_LINES];
            size_t nl = text_wrap(a, refs, REF_SIZE, 1, cw - 8, lines, MAX_REF_LINES);
            if (nl == MAX_REF_LINES && label_width(lines[nl - 1], REF_SIZE, 1) > cw - 8) nl = 0;
            if (!nl || strstr(lines[nl - 1], "...")) {
                size_t c = g->count[l - 1][i - 1];
                lines[0] = arena_printf(a, "%zu risk%s", c, c == 1 ? "" : "s");
                nl = 1;
            }
            for (size_t k = 0; k < nl; k++)
                fig_text(fig, row, x + cw / 2, 22 + (float)k * 9, lines[k], REF_SIZE, FA_MIDDLE, 1,
                         fc_rag_ink(lvl));
        }
    }
    fband *foot = fig_band(fig, FOOT_H);
    for (int i = 1; i <= 5; i++) {
        float x = ROW_LABEL_W + ((float)i - 0.5f) * cw;
        char num[16];
        snprintf(num, sizeof num, "%d", i);
        fig_text(fig, foot, x, 9, num, LABEL, FA_MIDDLE, 1, fc(FC_INK));
        fig_text(fig, foot, x, 18, label_impact(i), LABEL, FA_MIDDLE, 0, fc(FC_INK));
    }
    fig_text(fig, foot, ROW_LABEL_W + 2.5f * cw, 30, "Impact", LABEL, FA_MIDDLE, 1, fc(FC_INK));
    /* The legend: the bands, as Annex D states them. */
    fband *leg = fig_band(fig, LEGEND_H);
    float x = 0;
    for (int k = BAND_LOW; k <= BAND_VERY_HIGH; k++) {
        const char *word = arena_printf(a, "%s risk: %s", risk_band_name((risk_band)k),
                                        k == BAND_LOW ? "1-6" : k == BAND_MODERATE ? "7-10"
                                        : k == BAND_HIGH ? "11-16" : "17-25");
        float w = SWATCH + 4 + (float)label_width(word, LABEL, 0) + 14;
        if (x + w > width) {
            leg = fig_band(fig, LEGEND_H);
            x = 0;
        }
        fig_rect(fig, leg, x, 4, SWATCH, SWATCH, fc_rag(risk_band_level((risk_band)k)),
                 band_pattern((risk_band)k), fc(FC_RULE), 0.5f);
        fig_text(fig, leg, x + SWATCH + 4, 4 + SWATCH - 1, word, LABEL, FA_START, 0, fc(FC_INK));
        x += w;
    }
}

/* The grid as a table: a row per likelihood, a column per impact. */
static rnode *data_table(build_ctx *b, const grid *g)
{
    const char *headers[6];
    headers[0] = "Likelihood";
    for (int i = 1; i <= 5; i++) headers[i] = arena_printf(&b->d->arena, "Impact %d %s", i, label_impact(i));
    rnode *t = tb_table(b->d, NULL, headers, 6);
    t->flags |= RF_COMPUTED;
    for (int l = 5; l >= 1; l--) {
        rnode *row = tb_row(b->d, t, 0);
        tb_cell(b->d, row, arena_printf(&b->d->arena, "%d %s", l, label_likelihood(l)), LEVEL_NONE)->flags |=
            RF_ROW_HEADER;
        for (int i = 1; i <= 5; i++) {
            risk_band band = risk_band_of(l * i);
            const char *refs = g->refs[l - 1][i - 1];
            tb_cell(b->d, row,
                    arena_printf(&b->d->arena, "%d %s%s%s", l * i, risk_band_name(band), refs ? ": " : "",
                                 refs ? refs : ""),
                    risk_band_level(band));
        }
    }
    return t;
}

void block_riskmatrix(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const char *which = opts_get(o, "score");
    if (which && strcmp(which, "net") && strcmp(which, "inherent")) {
        diag_error(b->diags, a->pos, "risk-matrix block: score=%s; write score=net or score=inherent", which);
        return;
    }
    int inherent = which && !strcmp(which, "inherent");
    const char *kind = inherent ? "inherent" : "net";
    grid g;
    place(b, a->theme, inherent, &g);
    double width = block_measure(b, 0);
    rfigure *fig = fig_new(&b->d->arena, (float)width);
    draw(b, fig, &g, width);
    fig_keep_together(fig, 0);

    strbuf desc = STRBUF_INIT;
    if (g.placed) {
        sb_printf(&desc, "Placed by %s score:", kind);
        const char *sep = " ";
        for (int l = 5; l >= 1; l--)
            for (int i = 5; i >= 1; i--) {
                if (!g.refs[l - 1][i - 1]) continue;
                sb_printf(&desc, "%s%s at likelihood %d (%s) and impact %d (%s), score %d, %s", sep,
                          g.refs[l - 1][i - 1], l, label_likelihood(l), i, label_impact(i), l * i,
                          risk_band_name(risk_band_of(l * i)));
                sep = "; ";
            }
        sb_putc(&desc, '.');
    } else {
        sb_printf(&desc, "No risk has a %s score as at %s, so the matrix shows the bands alone.", kind,
                  block_as_at(b));
    }
    if (g.unplaced)
        sb_printf(&desc, " %zu risk%s without a %s score %s not placed.", g.unplaced, g.unplaced == 1 ? "" : "s",
                  kind, g.unplaced == 1 ? "is" : "are");
    if (g.qualitative)
        sb_printf(&desc, " %zu risk%s assessed by impact (High or Low) rather than scored %s not placed.",
                  g.qualitative, g.qualitative == 1 ? "" : "s", g.qualitative == 1 ? "is" : "are");
    fig->desc = arena_strdup(&b->d->arena, desc.data);
    sb_free(&desc);

    rnode *n = rnode_add(b->d, parent, RN_FIGURE);
    n->figure = fig;
    rnode_set_pos(n, a->pos);
    if (opts_get(o, "table")) n->flags |= RF_SHOW_DATA;
    char cap[256];
    snprintf(cap, sizeof cap, "Risk matrix: likelihood by impact, %s score as at %s", kind, block_as_at(b));
    rnode_add_text(b->d, rnode_add(b->d, n, RN_CAPTION), block_caption(b, o, cap));
    n->text = arena_printf(&b->d->arena,
                           "Risk matrix (heat map) of likelihood 1 to 5 by impact 1 to 5, each cell coloured "
                           "by its band (1-6 Low, 7-10 Moderate, 11-16 High, 17-25 Very high), with %zu "
                           "risk%s placed by %s score; the grid is in the table that goes with it.",
                           g.placed, g.placed == 1 ? "" : "s", kind);
    rnode_append(n, data_table(b, &g));
}
