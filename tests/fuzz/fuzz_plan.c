/* fuzz_plan.c - libFuzzer harness: any bytes as a plan (plans/PLAN/plan.yaml) and,
 * after each line "=====", an update file (plans/PLAN/updates/NAME.yaml), then the
 * analysis and every summary a plan feeds, at two dates. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "fuzz_common.h"
#include "load/plan_load.h"
#include "render/summary_out.h"
#include "util/strbuf.h"

#define MAX_UPDATES 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    /* the plan, then the update files, split at lines "=====" */
    const char *s = (const char *)data, *parts[MAX_UPDATES + 1];
    size_t lens[MAX_UPDATES + 1], n = 0, start = 0;
    for (size_t i = 0; i + 6 <= size && n < MAX_UPDATES; i++) {
        if ((i == 0 || s[i - 1] == '\n') && !memcmp(s + i, "=====\n", 6)) {
            parts[n] = s + start;
            lens[n++] = i - start;
            start = i + 6;
        }
    }
    parts[n] = s + start;
    lens[n++] = size - start;
    static const char *const names[MAX_UPDATES] = {
        "fuzz/updates/2010-03-31.yaml", "fuzz/updates/2010-06-30.yaml",
        "fuzz/updates/2010-09-30.yaml", "fuzz/updates/2010-12-31.yaml"};
    diag_list d;
    diag_init(&d);
    plan *p = plan_load_buffers("fuzz/plan.yaml", parts[0], lens[0], n - 1, names, parts + 1,
                                lens + 1, &d);
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
            if (i) {    /* changes need the previous report's date */
                changes_text(an, &sb, 90, 0);
                changes_json(an, &sb);
                changes_csv(an, &sb);
            }
            sb_free(&sb);
            analysis_free(an);
        }
        plan_free(p);
    }
    fuzz_print_diags(&d);
    diag_free(&d);
    return 0;
}
