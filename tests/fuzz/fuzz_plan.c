/* fuzz_plan.c - libFuzzer harness: any bytes as a plan (plans/<plan>/plan.yaml), then
 * the analysis and every summary a plan feeds, at two dates. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis/analysis.h"
#include "load/plan_load.h"
#include "render/summary_out.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    diag_list d;
    diag_init(&d);
    plan *p = plan_load_buffer("fuzz/plan.yaml", (const char *)data, size, &d);
    if (p) {
        const day_t dates[] = {date_from_ymd(2010, 4, 1), date_from_ymd(2011, 1, 26)};
        for (int i = 0; i < 2; i++) {
            day_t since = dates[i] - 90;
            analysis *an = analyse(p, dates[i], i ? &since : NULL, NULL);
            strbuf sb = STRBUF_INIT;
            rollup_text(an, &sb, 100, i);
            rollup_json(an, &sb);
            rollup_csv(an, &sb);
            exceptions_text(an, &sb, 80, 0);
            exceptions_json(an, &sb);
            exceptions_csv(an, &sb);
            sb_free(&sb);
            analysis_free(an);
        }
        plan_free(p);
    }
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        diag_print(&d, null, 0);
        fclose(null);
    }
    diag_free(&d);
    return 0;
}
