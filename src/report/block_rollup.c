/* block_rollup.c - the rollup block: actions by status for each theme and the plan,
 * percent complete and theme RAG. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

void block_rollup(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const theme *only = a->theme;
    const analysis *an = b->an;
    /* Complete, on target and overdue always show; the other statuses only when the
     * plan has any, so the table fits a portrait page. */
    status_kind shown[STATUS__COUNT];
    int ns = 0;
    for (size_t k = 0; k < STATUS__COUNT; k++) {
        status_kind s = status_order[k];
        if (s == STATUS_COMPLETE || s == STATUS_ON_TARGET || s == STATUS_OVERDUE || an->overall.count[s])
            shown[ns++] = s;
    }
    const char *headers[STATUS__COUNT + 4];
    int nc = 0;
    headers[nc++] = "Theme";
    headers[nc++] = "Actions";
    for (int k = 0; k < ns; k++) {
        headers[nc++] = status_kind_name(shown[k]);
    }
    headers[nc++] = "% complete";
    headers[nc++] = "Theme RAG";
    char cap[256];
    snprintf(cap, sizeof cap, "Progress by theme as at %s", block_as_at(b));
    rnode *t = tb_table(b->d, block_caption(b, o, cap), headers, nc);
    t->flags |= RF_COMPUTED;
    theme_row *rows;
    size_t nrows = block_theme_rows(b, only, &rows);
    for (size_t i = 0; i < nrows; i++) {
        const rollup_counts *r = rows[i].counts;
        rnode *row = block_theme_row(b, t, &rows[i]);
        block_num_cell(b, row, r->total);
        for (int k = 0; k < ns; k++) block_num_cell(b, row, r->count[shown[k]]);
        strbuf pc = STRBUF_INIT;
        label_percent(&pc, r->percent_complete);
        rnode *pcell = tb_cell(b->d, row, pc.data, LEVEL_NONE);
        pcell->align = ALIGN_RIGHT;
        pcell->flags |= RF_NUMERIC;
        sb_free(&pc);
        tb_cell(b->d, row, r->rag == LEVEL_NONE ? "-" : b->house->rag[r->rag].word, r->rag);
    }
    rnode_append(parent, t);
}
