/* fuzz_common.h - what the libFuzzer harnesses share: the templates and plan loaded
 * once, the paper's name (inside this repository's project, so images resolve), and
 * the input split into a plan and a paper.
 *
 * The harnesses run from the repository root (make fuzz, tests/fuzz/run-fuzz.sh). */
#ifndef TABLED_FUZZ_COMMON_H
#define TABLED_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

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

/* Splits data at the first line "=====" (plan above, paper below). Returns 1 and sets
 * the two parts when it is there; 0 otherwise. */
int fuzz_split(const uint8_t *data, size_t size, const char **plan, size_t *plan_len,
               const char **paper, size_t *paper_len);

#endif
