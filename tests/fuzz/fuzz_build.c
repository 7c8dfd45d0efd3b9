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

static void render(fuzz_input *in, rdoc *doc, edition ed)
{
    diag_list *d = &in->diags;
    if (d->errors) return;      /* tabled build renders nothing of a paper with errors */
    strbuf out = STRBUF_INIT;
    html_render(doc, NULL, &out);
    sb_reset(&out);
    pdf_render(doc, &fuzz_env_get()->house, "fonts", &out, d);
    sb_reset(&out);
    if (ed == EDITION_PRIVATE) rollup_json(in->an, &out);
    sb_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_editions(data, size, 1, render);
    return 0;
}
