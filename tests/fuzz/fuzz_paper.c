/* fuzz_paper.c - libFuzzer harness: any bytes as a paper (front block + Markdown) on
 * the Copeland plan, through the paper loader, the analysis and the report builder
 * (both editions of an exempt paper); or, when the input holds a line "=====", a plan
 * above it and a paper below. */
#include <stdint.h>
#include <stdlib.h>

#include "analysis/analysis.h"
#include "fuzz_common.h"
#include "report/build_paper.h"
#include "report/report.h"

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
        /* the public edition differs only for an exempt paper (as in tabled build) */
        int last = pp->exempt_paragraph ? EDITION_PUBLIC : EDITION_PRIVATE;
        for (int ed = EDITION_PRIVATE; ed <= last; ed++) {
            rdoc *doc = build_paper(pp, p, an, &env->house, (edition)ed, d);
            char *text = rnode_plain_text(doc->root);
            free(text);
            rdoc_free(doc);
        }
    }
    fuzz_input_free(&in);
    return 0;
}
