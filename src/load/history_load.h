/* history_load.h - reading dated entries (domain rules, section 3a), wherever they are
 * written: the simple undated form and the `updates:` and `reviews:` lists of the plan,
 * and the update files beside it (updates_load.c). Then, once everything is merged,
 * putting each history in the order it became known and checking it as a whole:
 * duplicate dates, a completion reopened without a reason, undated values with no
 * `updated` date to say when they were true. */
#ifndef TABLED_HISTORY_LOAD_H
#define TABLED_HISTORY_LOAD_H

#include "../model/plan.h"
#include "schema.h"

/* Reads status, rag, progress, completed and reopened from map into u (u->date and
 * u->known are the caller's). s is the action or milestone, for its date rules; where
 * names it in messages ("action A.1"). Returns the number of fields given. */
int read_update_fields(schema_ctx *c, const ynode *map, const schedule *s,
                       schedule_update *u, const char *where);

/* The updates of an action or milestone written in the plan: the simple undated form
 * (status, rag, progress, completed on map itself, known from undated_known) and the
 * dated `updates:` list, which must be in date order. */
void load_schedule_updates(schema_ctx *c, const ynode *map, schedule *s, const char *where,
                           day_t undated_known);

/* Sets when each revision of s written in the plan counts as known: its agreed date,
 * else the plan's updated date, but never after a revision written below it (a
 * revision listed first was agreed first). Agreed dates out of order are an error. */
void set_revisions_known(schema_ctx *c, schedule *s, const char *where, day_t undated_known);

/* A risk score {likelihood, impact} under key of map. */
void read_risk_score(schema_ctx *c, const ynode *map, const char *key, risk_score *out,
                     const char *where);
/* Reads inherent, net, review-by and note from map into w. */
void read_review_fields(schema_ctx *c, const ynode *map, risk_review *w, const char *where);
/* The simple form (inherent, net, reviewed, review-by), the `reviews:` list, and the
 * `added` and `closed` dates of a risk written in the plan. */
void load_risk_history(schema_ctx *c, const ynode *map, risk *r, const char *where,
                       day_t undated_known);

/* After every entry is in: sorts each history into the order it became known (written
 * order on the same day), reports what is wrong with it as a whole, and sets
 * p->latest_known. Warns once when undated values exist and the plan has no updated
 * date. */
void plan_history_finish(plan *p, diag_list *diags);

/* The day an entry dated d counts from: the last day of its period. */
day_t entry_day(fuzzy_date d);

#endif
