/* fuzz_paper_json.c - libFuzzer harness for the paper's JSON as `tabled index` reads it
 * (util/json_parse.c and render/paper_json_read.c): any bytes, never a crash, a hang or a
 * leak; what is read is a record whose strings are valid. Built with the others
 * (make fuzz-build; tests/fuzz/run-fuzz.sh runs it in make test). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "render/paper_json.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_init(&dl);
    paper_record r;
    int rc = paper_json_parse("out/p/x.json", (const char *)data, size, &a, &dl, &r);
    if (rc == 0) {
        const char *s[] = {r.subject, r.committee, r.meeting_iso, r.meeting_date, r.item,
                           r.report_of, r.organisation, r.variant, r.as_at};
        for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
            if (s[i] && utf8_invalid_at(s[i], strlen(s[i])) != (size_t)-1) __builtin_trap();
        if (r.summary.percent_complete > 100) __builtin_trap();
    } else if (rc < 0 && dl.errors == 0) {
        __builtin_trap();   /* a failure always says why */
    }
    diag_free(&dl);
    arena_free(&a);
    return 0;
}
