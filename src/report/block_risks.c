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

void block_risks(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    const plan *p = b->plan;
    size_t *order = xcalloc(p->n_risks + 1, sizeof *order);
    size_t n_open = risk_register_order(p, b->an->as_at, order);
    if (!n_open) {
        free(order);
        char msg[128];
        if (p->n_risks) snprintf(msg, sizeof msg, "The plan records no open risks as at %s.", block_as_at(b));
        else snprintf(msg, sizeof msg, "The plan records no risks.");
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        rnode_add_text(b->d, rnode_add(b->d, n, RN_PARAGRAPH), msg);
        return;
    }
    static const char *const headers[] = {"Ref", "Risk", "Owner", "Inherent (L \xC3\x97 I)",
                                          "Controls", "Net (L \xC3\x97 I)", "Net risk",
                                          "Further actions", "Last reviewed"};
    char cap[256];
    snprintf(cap, sizeof cap, "Risk register by net score as at %s", block_as_at(b));
    rnode *t = tb_table(b->d, block_caption(b, o, cap), headers, 9);
    t->flags |= RF_COMPUTED;
    for (size_t i = 0; i < n_open; i++) {
        const risk *r = &p->risks[order[i]];
        if (only && r->theme != only) continue;
        risk_view v = risk_at(r, b->an->as_at);
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
        label_score(&sb, v.inherent);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_reset(&sb);
        tb_cell(b->d, tr, r->controls, LEVEL_NONE);
        label_score(&sb, v.net);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        risk_band band = risk_band_of(risk_score_value(v.net));
        tb_cell(b->d, tr, band ? risk_band_name(band) : "-", risk_band_level(band));
        tb_cell(b->d, tr, r->further_actions, LEVEL_NONE);
        sb_reset(&sb);
        char d[DATE_BUF];
        label_date(b->house->dates, v.reviewed, d, sizeof d);
        sb_puts(&sb, d[0] ? d : "Never");
        int overdue = risk_review_overdue(&v, b->an->as_at, b->house->risk_review_days);
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
    rnode_append(parent, t);
}
