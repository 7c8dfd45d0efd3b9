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
#include "report/build_paper.h"

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

/* Called with each edition's report of the input's paper. */
typedef void (*fuzz_edition_fn)(fuzz_input *in, rdoc *doc, edition ed);
/* Loads the input and builds the editions of its paper that tabled builds - the full
 * one, and the public one when the paper is exempt - handing each report to fn (when
 * given) and printing every diagnostic. stop_on_errors: as tabled build, no public
 * edition when the full one has errors. */
void fuzz_editions(const uint8_t *data, size_t size, int stop_on_errors, fuzz_edition_fn fn);

/* Prints d as tabled does, into memory: the printing is exercised without a system
 * call for each line. */
void fuzz_print_diags(diag_list *d);

#endif
