/* plan_cache.h - the plans of a run, each loaded (and its diagnostics reported) once
 * however many papers report on it: tabled build, check and pack share it. */
#ifndef TABLED_PLAN_CACHE_H
#define TABLED_PLAN_CACHE_H

#include "../model/paper.h"
#include "../model/plan.h"
#include "../util/diag.h"
#include "../util/hashmap.h"

typedef struct {
    hashmap plans;          /* path -> plan*, or a marker for a plan that had errors */
    hashmap errors;         /* path -> its number of errors, for a failed plan */
    int quiet;              /* --no-plan-diagnostics: a paper's plan is checked, its own
                             * diagnostics left to the plan's rule (make papers) */
} plan_cache;

void plan_cache_init(plan_cache *c);
void plan_cache_free(plan_cache *c);
/* The plan at path, loaded on first use (its diagnostics to diags); NULL when it has
 * errors. */
const plan *plan_cache_get(plan_cache *c, const char *path, diag_list *diags);
/* The plan a paper reports on. A missing plan is an error at the paper's plan: line;
 * when quiet, a plan with errors is one error there ("has N errors"), and its own
 * diagnostics are left out. */
const plan *plan_cache_paper(plan_cache *c, const paper *pp, diag_list *diags);

#endif
