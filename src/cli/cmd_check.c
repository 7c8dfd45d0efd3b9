/* cmd_check.c - tabled check: load, analyse, report errors and warnings. It is
 * 'tabled build --dry-run' (cmd_build.c) plus the plan warnings below. */
#include <stdio.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "../load/plan_load.h"
#include "../report/labels.h"
#include "cli.h"

/* The warning is placed on the update that gave the RAG, as known at the date. */
static void warn_optimistic(diag_list *d, const schedule *s, derived_status st, const char *what,
                            day_t as_at)
{
    if (!st.optimistic) return;
    schedule_view v = schedule_at(s, as_at);
    srcpos pos = v.rag_from && v.rag_from->rag_pos.line ? v.rag_from->rag_pos : s->pos;
    strbuf label = STRBUF_INIT;
    label_status(&label, st);
    char date[DATE_BUF];
    date_format(date_of_day(as_at), date, sizeof date);
    diag_warning(d, pos, "%s is reported %s but is %s as at %s", what,
                 stated_rag_name(st.reported), label.data, date);
    sb_free(&label);
}

void check_plan_warnings(diag_list *d, const plan *p, day_t as_at)
{
    analysis *an = analyse(p, as_at, NULL, NULL);
    for (size_t k = 0; k < p->n_actions; k++) {
        const action *a = &p->actions[k];
        char what[256];
        snprintf(what, sizeof what, "action %s", a->ref);
        warn_optimistic(d, &a->s, an->actions[k], what, as_at);
        for (size_t j = 0; j < a->n_milestones; j++) {
            snprintf(what, sizeof what, "milestone %zu of action %s", j + 1, a->ref);
            warn_optimistic(d, &a->milestones[j].s, an->milestones[k][j], what, as_at);
        }
    }
    analysis_free(an);
}

/* Plans and papers go through the build pipeline in one process, writing nothing, so
 * a plan named directly and by a paper is loaded and reported once. */
int cmd_check(int argc, char **argv) { return build_run(argc, argv, 1); }
