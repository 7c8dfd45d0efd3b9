/* fuzz_sheet.c - libFuzzer harness: any bytes as a spreadsheet returned to `tabled
 * import`, through the whole import in memory: the CSV reader, the sheet read against
 * a plan (the fixture council of tests/history, with its update files: actions,
 * milestones, risks and indicators), the comparison with the plan as exported (with
 * --date and without), the update file written from it, and the plan loaded again
 * with that file. Besides crashes, leaks and hangs it fails (abort) when tabled would
 * write an update file that does not load cleanly or does not say what the sheet says:
 * the promise that an import loses nothing.
 *
 * Self-contained (it needs none of the other harnesses' set-up); run from the
 * repository root: make fuzz (or make fuzz-sheet for this one alone), and
 * tests/fuzz/run-fuzz.sh for its regression inputs and smoke run in make test. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sheet_diff.h"
#include "fuzz_common.h"
#include "load/plan_load.h"
#include "load/sheet_load.h"
#include "render/updates_yaml.h"
#include "util/csv_read.h"
#include "util/fileio.h"

#define DIR "tests/history/fixtures/council/"
#define N_FILES 3               /* the plan and its two update files */

static const char *const names[N_FILES] = {DIR "plan.yaml", DIR "updates/2010-09-30.yaml",
                                           DIR "updates/2010-12-31.yaml"};
static char *texts[N_FILES];
static size_t lens[N_FILES];
static plan *the_plan;

static void set_up(void)
{
    if (the_plan) return;
    /* A fixed "today", so that dates in the future do not move with the clock. */
    setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    diag_list d;
    diag_init(&d);
    for (int i = 0; i < N_FILES; i++)
        if (read_input(names[i], "file", &d, &texts[i], &lens[i]) != 0) {
            diag_print(&d, stderr, 0);
            fprintf(stderr, "fuzz_sheet: run from the repository root\n");
            exit(2);
        }
    the_plan = plan_load_buffers(names[0], texts[0], lens[0], N_FILES - 1,
                                 (const char *const *)names + 1, (const char *const *)texts + 1,
                                 lens + 1, &d);
    if (!the_plan) {
        diag_print(&d, stderr, 0);
        exit(2);
    }
    diag_free(&d);
}

/* 1 when d holds the import's warning of an invisible character in a cell. */
static int warned_invisible_cell(const diag_list *d)
{
    for (size_t i = 0; i < d->len; i++)
        if (d->items[i].level == DIAG_WARNING && strstr(d->items[i].message, "in this cell: an invisible"))
            return 1;
    return 0;
}

/* The update file must load with the plan, with no message about it, and say what the
 * sheet says; anything else is a fault in tabled. The one message allowed is the plan
 * loader's warning of an invisible character in the text (utf8.h), when the import
 * warned of it at the sheet's cell: the officer's text is kept as written. */
static void apply(const sheet_changes *c, const sheet_return *r, const diag_list *import)
{
    strbuf y = STRBUF_INIT;
    updates_yaml(c, r, names[0], &y);
    const char *all_names[N_FILES + 1], *all_texts[N_FILES + 1];
    size_t all_lens[N_FILES + 1];
    for (int i = 1; i < N_FILES; i++) {
        all_names[i - 1] = names[i];
        all_texts[i - 1] = texts[i];
        all_lens[i - 1] = lens[i];
    }
    all_names[N_FILES - 1] = DIR "updates/new.yaml";
    all_texts[N_FILES - 1] = y.data;
    all_lens[N_FILES - 1] = y.len;
    diag_list d;
    diag_init(&d);
    plan *p = plan_load_buffers(names[0], texts[0], lens[0], N_FILES, all_names, all_texts,
                                all_lens, &d);
    int bad = !p;
    int invisible_ok = warned_invisible_cell(import);
    for (size_t i = 0; i < d.len; i++)
        if (d.items[i].pos.file && strstr(d.items[i].pos.file, "new.yaml") &&
            !(invisible_ok && d.items[i].level == DIAG_WARNING &&
              strstr(d.items[i].message, " in the text: ")))
            bad = 1;
    if (p && sheet_changes_check(p, c, &d) != 0) bad = 1;
    if (bad) {
        diag_print(&d, stderr, 0);
        fprintf(stderr, "fuzz_sheet: the update file does not load or says something else:\n%s", y.data);
        abort();
    }
    plan_free(p);
    diag_free(&d);
    sb_free(&y);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    set_up();
    diag_list d;
    diag_init(&d);
    csv_doc doc;
    if (csv_read(&doc, "fuzz.csv", (const char *)data, size, &d) == 0) {
        sheet_return r;
        if (sheet_return_read(&r, the_plan, "council", &doc, &d) == 0) {
            fuzzy_date date = {DATE_DAY, 2011, 3, 31, 0};
            for (int with_date = 0; with_date < 2; with_date++) {
                sheet_changes c;
                if (sheet_diff(the_plan, &r, with_date ? &date : NULL, date_today(), &c, &d) == 0 && c.n)
                    apply(&c, &r, &d);
                sheet_changes_free(&c);
            }
        }
        sheet_return_free(&r);
    }
    csv_doc_free(&doc);
    fuzz_print_diags(&d);
    diag_free(&d);
    return 0;
}
