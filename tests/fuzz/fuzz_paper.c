/* fuzz_paper.c - libFuzzer harness: any bytes as a paper (front block + Markdown) on
 * the Copeland plan, through the paper loader, the analysis and the report builder
 * (both editions of an exempt paper); or, when the input holds a line "=====", a plan
 * above it and a paper below. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "report/report.h"

static void plain(fuzz_input *in, rdoc *doc, edition ed)
{
    (void)in;
    (void)ed;
    free(rnode_plain_text(doc->root));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_editions(data, size, 0, plain);
    return 0;
}
