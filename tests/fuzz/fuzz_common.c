/* fuzz_common.c - shared set-up of the harnesses (fuzz_common.h). */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fuzz_env env;
static int ready;

fuzz_env *fuzz_env_get(void)
{
    if (ready) return &env;
    /* A fixed date, so "completed in the future" does not change with the clock. */
    setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    diag_list d;
    diag_init(&d);
    arena_init(&env.house_arena);
    if (variants_load(&env.variants, "templates/variants", &d) != 0 ||
        house_load(&env.house, "templates/house.yaml", &env.house_arena, &d) != 0) {
        diag_print(&d, stderr, 0);
        fprintf(stderr, "fuzz: run from the repository root (templates/ not loaded)\n");
        exit(2);
    }
    env.seed_plan = plan_load_file("plans/copeland-shap/plan.yaml", &d);
    if (!env.seed_plan) {
        diag_print(&d, stderr, 0);
        exit(2);
    }
    diag_free(&d);
    ready = 1;
    return &env;
}

/* Splits data at the first line "=====". Returns 1 and sets the two parts when it is
 * there; 0 otherwise. */
static int fuzz_split(const uint8_t *data, size_t size, const char **plan, size_t *plan_len,
                      const char **paper, size_t *paper_len)
{
    const char *s = (const char *)data;
    for (size_t i = 0; i + 6 <= size; i++) {
        if ((i == 0 || s[i - 1] == '\n') && !memcmp(s + i, "=====\n", 6)) {
            *plan = s;
            *plan_len = i;
            *paper = s + i + 6;
            *paper_len = size - i - 6;
            return 1;
        }
    }
    return 0;
}

void fuzz_load(const uint8_t *data, size_t size, fuzz_input *in)
{
    fuzz_env *env = fuzz_env_get();
    diag_list *d = &in->diags;
    diag_init(d);
    const char *pt, *mt;
    size_t pl, ml;
    in->own = NULL;
    in->plan = env->seed_plan;
    if (fuzz_split(data, size, &pt, &pl, &mt, &ml)) {
        in->own = plan_load_buffer("tests/fuzz/plan.yaml", pt, pl, d);
        in->plan = in->own;
    } else {
        mt = (const char *)data;
        ml = size;
    }
    in->paper = in->plan ? paper_load_buffer(FUZZ_PAPER, mt, ml, &env->variants, d) : NULL;
    in->an = NULL;
    if (in->paper) {
        day_t as_at = date_last_day(in->paper->as_at);
        day_t since = in->paper->has_since ? date_last_day(in->paper->since) : 0;
        in->an = analyse(in->plan, as_at, in->paper->has_since ? &since : NULL, &env->house.theme_rag);
    }
}

void fuzz_input_free(fuzz_input *in)
{
    analysis_free(in->an);
    diag_free(&in->diags);
    paper_free(in->paper);
    plan_free(in->own);
}

void fuzz_editions(const uint8_t *data, size_t size, int stop_on_errors, fuzz_edition_fn fn)
{
    fuzz_env *env = fuzz_env_get();
    fuzz_input in;
    fuzz_load(data, size, &in);
    diag_list *d = &in.diags;
    if (in.paper) {
        size_t errors = d->errors;
        int last = in.paper->exempt_paragraph ? EDITION_PUBLIC : EDITION_PRIVATE;
        for (int ed = EDITION_PRIVATE; ed <= last; ed++) {
            if (ed == EDITION_PUBLIC && stop_on_errors && d->errors > errors) break;
            rdoc *doc = build_paper(in.paper, in.plan, in.an, &env->house, (edition)ed, d);
            if (fn) fn(&in, doc, (edition)ed);
            rdoc_free(doc);
        }
    }
    fuzz_print_diags(d);
    fuzz_input_free(&in);
}

void fuzz_print_diags(diag_list *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem) {
        diag_print(d, mem, 0);
        fclose(mem);
    }
    free(buf);
}
