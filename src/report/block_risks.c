/* block_risks.c - the risks block: the register by net score, with bands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/risk.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

static rag_level band_level(risk_band band)
{
    switch (band) {
    case BAND_LOW: return LEVEL_GREEN;
    case BAND_MODERATE: return LEVEL_AMBER;
    case BAND_HIGH:
    case BAND_VERY_HIGH: return LEVEL_RED;
    case BAND_NONE: return LEVEL_NONE;
    }
    return LEVEL_NONE;
}

static void score_text(strbuf *sb, risk_score s)
{
    int v = risk_score_value(s);
    if (!v) sb_puts(sb, "-");
    else sb_printf(sb, "%d \xC3\x97 %d = %d", s.likelihood, s.impact, v);
}

void block_risks(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    const plan *p = b->plan;
    if (!p->n_risks) {
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        rnode_add_text(b->d, rnode_add(b->d, n, RN_PARAGRAPH), "The plan records no risks.");
        return;
    }
    static const char *const headers[] = {"Ref", "Risk", "Owner", "Inherent (L \xC3\x97 I)",
                                          "Controls", "Net (L \xC3\x97 I)", "Net risk",
                                          "Further actions", "Last reviewed"};
    static const int weights[] = {5, 22, 10, 9, 18, 9, 8, 16, 10};
    char cap[256];
    snprintf(cap, sizeof cap, "Risk register by net score as at %s", block_as_at(b));
    rnode *t = tb_table(b->d, block_caption(b, o, cap), headers, 9);
    t->flags |= RF_COMPUTED | RF_WIDE;
    t->col_weights = weights;
    size_t *order = xcalloc(p->n_risks + 1, sizeof *order);
    risk_register_order(p, order);
    for (size_t i = 0; i < p->n_risks; i++) {
        const risk *r = &p->risks[order[i]];
        if (only && r->theme != only) continue;
        rnode *tr = tb_row(b->d, t, 0);
        rnode *ref = tb_cell(b->d, tr, r->ref, LEVEL_NONE);
        ref->flags |= RF_ROW_HEADER;
        rnode *desc = tb_cell(b->d, tr, r->description, LEVEL_NONE);
        if (r->consequence) {
            rnode_add(b->d, desc, RN_LINEBREAK);
            rnode *em = rnode_add(b->d, desc, RN_EMPH);
            strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "Impact: %s", r->consequence);
            tb_lines(b->d, em, sb.data);
            sb_free(&sb);
        }
        tb_cell(b->d, tr, r->owner ? r->owner->name : "", LEVEL_NONE);
        strbuf sb = STRBUF_INIT;
        score_text(&sb, r->inherent);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_reset(&sb);
        tb_cell(b->d, tr, r->controls, LEVEL_NONE);
        score_text(&sb, r->net);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        risk_band band = risk_band_of(risk_score_value(r->net));
        tb_cell(b->d, tr, band ? risk_band_name(band) : "-", band_level(band));
        tb_cell(b->d, tr, r->further_actions, LEVEL_NONE);
        sb_reset(&sb);
        char d[DATE_BUF];
        date_format_short(r->reviewed, d, sizeof d);
        sb_puts(&sb, d[0] ? d : "Never");
        int overdue = risk_review_overdue(r, b->an->as_at, b->house->risk_review_days);
        rnode *rc = tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        if (overdue) {
            rnode_add(b->d, rc, RN_LINEBREAK);
            rnode *badge = rnode_add(b->d, rc, RN_BADGE);
            badge->text = "Review overdue";
            badge->rag = LEVEL_AMBER;
        }
        sb_free(&sb);
    }
    free(order);
    b->has_wide = 1;
    rnode_append(parent, t);
}
