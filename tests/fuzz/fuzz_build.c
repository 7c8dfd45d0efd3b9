/* fuzz_build.c - libFuzzer harness: the whole build in memory. A plan above a line
 * "=====" and a paper below (or a paper alone, on the Copeland plan), loaded,
 * analysed, built and rendered to HTML and PDF - both editions when the paper is
 * exempt - and the JSON roll-up, as 'tabled build' does, without writing a file. */
#include <stdint.h>
#include <stdlib.h>

#include "analysis/analysis.h"
#include "fuzz_common.h"
#include "render/html/html_render.h"
#include "render/pdf/pdf_render.h"
#include "render/summary_out.h"
#include "report/build_paper.h"

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
        size_t errors = d.errors;
        rdoc *doc = build_paper(pp, p, an, &env->house, EDITION_PRIVATE, &d);
        if (d.errors == errors) {
            for (int ed = EDITION_PRIVATE; ed <= (pp->exempt_paragraph ? EDITION_PUBLIC : EDITION_PRIVATE); ed++) {
                rdoc *e = ed == EDITION_PRIVATE ? doc : build_paper(pp, p, an, &env->house, EDITION_PUBLIC, &d);
                strbuf out = STRBUF_INIT;
                html_render(e, &env->house, NULL, &out);
                sb_reset(&out);
                pdf_render(e, &env->house, "fonts", &out, &d);
                sb_free(&out);
                if (e != doc) rdoc_free(e);
            }
            strbuf json = STRBUF_INIT;
            rollup_json(an, &json);
            sb_free(&json);
        }
        rdoc_free(doc);
        analysis_free(an);
        paper_free(pp);
    }
    plan_free(own);
    diag_free(&d);
    return 0;
}
