/* fuzz_common.h - what the libFuzzer harnesses share: the templates and plan loaded
 * once, the paper's name (inside this repository's project, so images resolve), and
 * the input split into a plan and a paper.
 *
 * The harnesses run from the repository root (make fuzz, tests/fuzz/run-fuzz.sh). */
#ifndef TABLED_FUZZ_COMMON_H
#define TABLED_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/analysis.h"
#include "load/house_load.h"
#include "load/paper_load.h"
#include "load/plan_load.h"
#include "model/house.h"

/* A paper's name: in tests/fuzz/, so ![x](assets/chart.png) finds a real image. */
#define FUZZ_PAPER "tests/fuzz/paper.md"

typedef struct {
    variant_set variants;
    house_style house;
    arena house_arena;
    plan *seed_plan;            /* plans/copeland-shap/plan.yaml */
} fuzz_env;

/* Loads the templates and the seed plan once; exits if they do not load. */
fuzz_env *fuzz_env_get(void);

/* A fuzz input as a plan and a paper: a plan above a line "=====" and a paper below,
 * or a paper alone (on the seed plan). */
typedef struct {
    diag_list diags;            /* every error and warning */
    plan *own;                  /* the input's plan (NULL when none, or it failed) */
    const plan *plan;           /* the plan the paper reports on, or NULL */
    paper *paper;               /* NULL when it failed to load */
    analysis *an;               /* the plan as at the paper's dates, when it loaded */
} fuzz_input;

/* Loads the input's plan and paper and analyses the plan as at the paper's dates. */
void fuzz_load(const uint8_t *data, size_t size, fuzz_input *in);
void fuzz_input_free(fuzz_input *in);

#endif
