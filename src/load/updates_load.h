/* updates_load.h - update files: dated returns kept beside the plan, so an officer's
 * return, or a spreadsheet imported by a machine, never has to rewrite the
 * hand-written plan (domain rules, section 3a).
 *
 * The update files of DIR/plan.yaml are DIR/updates/ *.yaml; of DIR/NAME.yaml (any
 * other name), DIR/NAME-updates/ *.yaml. They are read in name order and merged into
 * the plan: each entry is known from its date, so an update dated after a paper's
 * as-at date never changes that paper. A file looks like this (README, "Update
 * files"):
 *
 *   date: 2010-09-30            # the date every entry reports on, unless it says
 *   actions:
 *     - ref: A.1
 *       status: complete        # any of status, rag, progress, completed, reopened
 *       completed: 2010-09-14
 *       revisions: [{date: 2011-03, agreed: 2010-09-22, reason: ...}]
 *       milestones: [{ref: M1, status: complete}]   # ref, or the exact title
 *   risks:
 *     - {ref: RK1, net: {likelihood: 2, impact: 3}, note: ..., closed: 2010-09-30}
 *   indicators:
 *     - {code: BVPI 66a, actuals: {2010/11 Q2: 96.1}}
 */
#ifndef TABLED_UPDATES_LOAD_H
#define TABLED_UPDATES_LOAD_H

#include "../model/plan.h"
#include "../util/diag.h"

/* The folder holding the update files of the plan at plan_path. malloc'd. */
char *updates_dir_of(const char *plan_path);

/* Reads every *.yaml file in the plan's update folder, when there is one, and merges
 * them into p; the folder and each file are added to p->inputs (for make). Errors
 * are positioned in the files. The caller then runs plan_history_finish. */
void updates_load_beside(plan *p, diag_list *diags);

/* Update files from memory, merged into p in the order given (tests and fuzzers). */
void updates_load_buffers(plan *p, size_t n, const char *const *names,
                          const char *const *datas, const size_t *lens, diag_list *diags);

#endif
