/* fuzz_paper.c - libFuzzer harness: any bytes as a paper (front block + Markdown) on
 * the Copeland plan, through the paper loader, the analysis and the report builder,
 * both editions; or, when the input holds a line "=====", a plan above it and a paper
 * below. */
#include <stdint.h>
#include <stdlib.h>

#include "analysis/analysis.h"
#include "fuzz_common.h"
#include "report/build_paper.h"
#include "report/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_env *env = fuzz_env_get();
    diag_list d;
    diag_init(&d);
    const char *pt, *mt;
    size_t pl, ml;
    plan *own = NULL;
    const plan *p = env->seed_plan;
    if (fuzz_split(data, size, &pt, &pl, &mt, &ml)) {
        own = plan_load_buffer("tests/fuzz/plan.yaml", pt, pl, &d);
        p = own;
    } else {
        mt = (const char *)data;
        ml = size;
    }
    paper *pp = p ? paper_load_buffer(FUZZ_PAPER, mt, ml, &env->variants, &d) : NULL;
    if (pp) {
        day_t as_at = date_last_day(pp->as_at);
        day_t since = pp->has_since ? date_last_day(pp->since) : 0;
        analysis *an = analyse(p, as_at, pp->has_since ? &since : NULL, &env->house.theme_rag);
        for (int ed = EDITION_PRIVATE; ed <= EDITION_PUBLIC; ed++) {
            rdoc *doc = build_paper(pp, p, an, &env->house, (edition)ed, &d);
            char *text = rnode_plain_text(doc->root);
            free(text);
            rdoc_free(doc);
        }
        analysis_free(an);
        paper_free(pp);
    }
    plan_free(own);
    diag_free(&d);
    return 0;
}
