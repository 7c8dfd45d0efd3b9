/* block_statuskey.c - the status-key block: what each colour means (seed 000's
 * checkpoint report: "Purple = completed, Green = on target, Amber = , Red = "). One
 * row per colour the house style gives, in the status order: the colour (its cell
 * painted, named as people name it), the statuses shown in it and the rule that gives
 * them (domain rules, section 3). Options: caption=. */
#include <stdio.h>
#include <string.h>

#include "../util/strbuf.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

/* The rule behind each status, in words. */
static const char *meaning(status_kind k)
{
    switch (k) {
    case STATUS_COMPLETE: return "Completed on or before the reporting date (or all its milestones are)";
    case STATUS_ON_TARGET: return "Started, and due on or after the reporting date";
    case STATUS_RESCHEDULED: return "Its due date has been revised to later than the original";
    case STATUS_LATE_START: return "Not started, though its start date has passed";
    case STATUS_OVERDUE: return "Not complete, and its due date (as revised) has passed";
    case STATUS_NOT_YET_DUE: return "Starts after the reporting date";
    case STATUS_CANCELLED: return "Cancelled: left out of the percentages";
    case STATUS__COUNT: break;
    }
    return "";
}

void block_statuskey(build_ctx *b, rnode *parent, const block_args *a)
{
    static const char *const headers[] = {"Colour", "Status", "Meaning"};
    rnode *t = tb_table(b->d, block_caption(b, a->opts, "Status key"), headers, 3);
    t->flags |= RF_COMPUTED;
    const rpalette *pal = &b->d->palette;
    for (int k = 0; k < STATUS__COUNT; k++) {
        status_kind s = status_order[k];
        rag_level l = status_level(s);
        rnode *row = tb_row(b->d, t, 0);
        tb_cell(b->d, row, l == LEVEL_NONE ? "No colour" : colour_name(pal->rag[l].fill), l)->flags |= RF_ROW_HEADER;
        tb_cell(b->d, row, status_kind_name(s), LEVEL_NONE);
        tb_cell(b->d, row, meaning(s), LEVEL_NONE);
    }
    rnode_append(parent, t);
}
