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
    fuzz_input in;
    fuzz_load(data, size, &in);
    diag_list *d = &in.diags;
    const plan *p = in.plan;
    paper *pp = in.paper;
    const analysis *an = in.an;
    if (pp) {
        size_t errors = d->errors;
        rdoc *doc = build_paper(pp, p, an, &env->house, EDITION_PRIVATE, d);
        if (d->errors == errors) {
            for (int ed = EDITION_PRIVATE; ed <= (pp->exempt_paragraph ? EDITION_PUBLIC : EDITION_PRIVATE); ed++) {
                rdoc *e = ed == EDITION_PRIVATE ? doc : build_paper(pp, p, an, &env->house, EDITION_PUBLIC, d);
                strbuf out = STRBUF_INIT;
                html_render(e, NULL, &out);
                sb_reset(&out);
                pdf_render(e, &env->house, "fonts", &out, d);
                sb_free(&out);
                if (e != doc) rdoc_free(e);
            }
            strbuf json = STRBUF_INIT;
            rollup_json(an, &json);
            sb_free(&json);
        }
        rdoc_free(doc);
    }
    fuzz_input_free(&in);
    return 0;
}
