/* meeting_load.h - a meeting file (plans/meetings/<date>-<committee>.yaml): the
 * meeting and its ordered items, checked with positioned errors; then, once the papers
 * it names are loaded, every reference (meeting_check_paper, meeting_check_order). */
#ifndef TABLED_MEETING_LOAD_H
#define TABLED_MEETING_LOAD_H

#include "../model/meeting.h"
#include "../model/paper.h"
#include "../model/plan.h"
#include "../util/diag.h"

/* Loads a meeting file, every error reported (sorted by the caller). Items are
 * numbered in order (see README "Meetings and agenda packs"); each paper named must
 * exist, end in .md and lie inside the project root. Returns the meeting as far as it
 * could be read, so that the papers it names can be checked too, even when it has
 * errors (the caller checks diags->errors before using it for anything else); NULL
 * when its YAML cannot be read or it has no items. */
meeting *meeting_load_file(const char *path, diag_list *diags);
meeting *meeting_load_buffer(const char *name, const char *data, size_t len, diag_list *diags);

/* Checks that the paper of item it belongs to this meeting: its committee, meeting date,
 * item number and council (its plan's organisation) agree with the meeting's, and its
 * exempt paragraph with the item's. Errors at the item's paper: line. Returns the
 * item's exempt paragraph (the paper's or the item's; 0 when it is not exempt). */
int meeting_check_paper(const meeting *m, const meeting_item *it, const paper *p,
                        const plan *pl, diag_list *diags);

/* Checks the order of business once each item's exempt paragraph is known (exempt[i]
 * for item i; has_exempt_parts[i]: the paper has exempt appendices): exempt items come
 * after the exclusion of the public, every item after it is exempt, and an agenda with
 * exempt items has one. */
void meeting_check_order(const meeting *m, const int *exempt, const int *has_exempt_parts,
                         diag_list *diags);

#endif
