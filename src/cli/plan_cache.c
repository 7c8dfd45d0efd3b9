/* plan_cache.c - each plan of a run loaded once (plan_cache.h). */
#include "plan_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "../load/plan_load.h"
#include "../util/xalloc.h"

/* Marks a plan that failed to load, so its errors are reported once however many
 * papers use it. */
static char failed_plan;

void plan_cache_init(plan_cache *c)
{
    hashmap_init(&c->plans);
    hashmap_init(&c->errors);
    c->quiet = 0;
}

void plan_cache_free(plan_cache *c)
{
    for (size_t i = 0; i < c->plans.cap; i++) {
        if (!c->plans.slots[i].key) continue;
        if (c->plans.slots[i].value != &failed_plan) plan_free(c->plans.slots[i].value);
        free((char *)c->plans.slots[i].key);
    }
    hashmap_free(&c->plans);
    for (size_t i = 0; i < c->errors.cap; i++) free((char *)c->errors.slots[i].key);
    hashmap_free(&c->errors);
}

const plan *plan_cache_get(plan_cache *c, const char *path, diag_list *diags)
{
    void *known = hashmap_get(&c->plans, path);
    if (known) return known == &failed_plan ? NULL : known;
    size_t before = diags->errors;
    plan *p = plan_load_file(path, diags);
    hashmap_put(&c->plans, xstrdup(path), p ? (void *)p : (void *)&failed_plan);
    if (!p) hashmap_put(&c->errors, xstrdup(path), (void *)(uintptr_t)(diags->errors - before));
    return p;
}

const plan *plan_cache_paper(plan_cache *c, const paper *pp, diag_list *diags)
{
    if (!hashmap_get(&c->plans, pp->plan_path) && access(pp->plan_path, F_OK) != 0) {
        diag_error(diags, pp->plan_pos, "the plan %s does not exist: %s", pp->plan_path,
                   pp->plan_named ? "check the file name after 'plan:'"
                                  : "put plan.yaml beside the paper, or name the plan with 'plan:'");
        return NULL;
    }
    if (!c->quiet) return plan_cache_get(c, pp->plan_path, diags);
    diag_list mine; /* the plan's own diagnostics, left out */
    diag_init(&mine);
    const plan *p = plan_cache_get(c, pp->plan_path, &mine);
    diag_free(&mine);
    if (!p) { /* every paper of a failed plan says so, the first and the rest */
        size_t n = (size_t)(uintptr_t)hashmap_get(&c->errors, pp->plan_path);
        diag_error(diags, pp->plan_pos, "the plan %s has %zu error%s (see 'tabled check %s')",
                   pp->plan_path, n, n == 1 ? "" : "s", pp->plan_path);
    }
    return p;
}
