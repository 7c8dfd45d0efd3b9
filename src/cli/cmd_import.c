/* cmd_import.c - tabled import: a spreadsheet an officer returned, turned into a new
 * update file beside the plan (never a rewrite of the plan or of another update file).
 *
 * The stages: read the CSV as the spreadsheet saved it (util/csv_read.h), read it
 * against the plan (load/sheet_load.h), find what the officer changed since the export
 * (analysis/sheet_diff.h), write the changes as an update file (render/updates_yaml.h),
 * load the plan again with that file added and check that it loads cleanly and says
 * what the sheet says, then write it under a name that is not taken. Any error at any
 * stage: everything is reported, nothing is written, exit 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../analysis/sheet_diff.h"
#include "../load/plan_load.h"
#include "../load/sheet_load.h"
#include "../load/sheet_values.h"
#include "../load/updates_load.h"
#include "../render/updates_yaml.h"
#include "../util/fileio.h"
#include "../util/xalloc.h"
#include "cli.h"

#define MAX_SAME_DAY 99         /* <date>.yaml, <date>-2.yaml, ... <date>-99.yaml */

static int color_err(void) { return isatty(STDERR_FILENO) && !getenv("NO_COLOR"); }

/* The update file's name for the day: updates/<date>.yaml, or -2, -3, ... when taken. */
static char *free_name(const char *dir, fuzzy_date d, int from)
{
    char day[DATE_BUF];
    date_format_iso(date_of_day(date_last_day(d)), day, sizeof day);
    size_t n = strlen(dir) + strlen(day) + 24;
    char *path = xmalloc(n);
    for (int k = from; k <= MAX_SAME_DAY; k++) {
        if (k == 1) snprintf(path, n, "%s/%s.yaml", dir, day);
        else snprintf(path, n, "%s/%s-%d.yaml", dir, day, k);
        struct stat st;
        if (lstat(path, &st) != 0 && errno == ENOENT) return path;
    }
    free(path);
    return NULL;
}

static void summary(const sheet_changes *c, const sheet_return *r, const char *verb,
                    const char *path)
{
    static const char *const kinds[] = {"action", "milestone", "risk", "indicator actual"};
    size_t count[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < c->n; i++) {
        const sheet_entry *e = &c->entries[i];
        count[e->milestone ? 1 : e->action ? 0 : e->risk ? 2 : 3]++;
    }
    printf("%s %s: %zu changed cell%s in %zu of the %zu rows of %s (", verb, path,
           c->n_changed_cells, c->n_changed_cells == 1 ? "" : "s", c->n, r->n_rows, r->file);
    const char *sep = "";
    for (int k = 0; k < 4; k++) {
        if (!count[k]) continue;
        printf("%s%zu %s%s", sep, count[k], kinds[k], count[k] == 1 ? "" : "s");
        sep = ", ";
    }
    printf(")\n");
}

int cmd_import(int argc, char **argv)
{
    const char *cmd = "import";
    opt_iter it;
    opt_init(&it, cmd, argc, argv);
    int has_date = 0, dry_run = 0;
    fuzzy_date date = {DATE_NONE, 0, 0, 0, 0};
    const char *o;
    while ((o = opt_next(&it))) {
        int common = opt_common(&it, o);
        if (common) {
            if (common > 0) continue;
            opt_free(&it);
            return EXIT_USAGE;
        }
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help(cmd);
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "n") || !strcmp(o, "dry-run")) {
            dry_run = 1;
        } else if (!strcmp(o, "date")) {
            const char *v = opt_value(&it, o);
            char why[320];
            if (!v) {
                opt_free(&it);
                return EXIT_USAGE;
            }
            if (sheet_date(v, &date, why, sizeof why) != 0 || !date_has_bounds(date)) {
                opt_free(&it);
                return usage_error(cmd, "--date '%s' %s", v, why[0] ? why : "must be a date, not ongoing");
            }
            date = date_of_day(date_last_day(date)); /* a period means its last day */
            has_date = 1;
        } else {
            opt_free(&it);
            return usage_error(cmd, "unknown option '%s'", argv[it.i - 1]);
        }
    }
    if (it.npositional != 2) {
        opt_free(&it);
        return usage_error(cmd, "give the plan and the returned sheet (FILE.csv)");
    }
    const char *plan_path = it.positional[0], *sheet_path = it.positional[1];
    int status = EXIT_INPUT;
    diag_list diags;
    diag_init(&diags);
    plan *p = plan_load_file(plan_path, &diags);
    char *data = NULL, *id = NULL, *dir = NULL, *path = NULL;
    size_t len = 0;
    csv_doc doc;
    sheet_return r;
    sheet_changes c;
    strbuf yaml = STRBUF_INIT;
    memset(&doc, 0, sizeof doc);
    memset(&r, 0, sizeof r);
    memset(&c, 0, sizeof c);
    arena_init(&doc.a);
    arena_init(&r.a);
    if (!p || read_input(sheet_path, "sheet", &diags, &data, &len) != 0) goto done;
    id = sheet_plan_id(plan_path);
    if (csv_read(&doc, sheet_path, data, len, &diags) != 0) goto done;
    /* Rows with cells that did not read still go through the comparison, so that every
     * cell that cannot be applied is reported at once. */
    int read = sheet_return_read(&r, p, id, &doc, &diags);
    if (read == -2) goto done;
    if (sheet_diff(p, &r, has_date ? &date : NULL, date_today(), &c, &diags) != 0 || read != 0)
        goto done;
    if (!c.n) {
        char d[DATE_BUF];
        date_format(r.as_at, d, sizeof d);
        diag_print(&diags, stderr, color_err());
        if (c.n_already)
            printf("nothing to import: what %s changes is already in %s (%zu row%s), so no "
                   "update file is written\n", sheet_path, plan_path, c.n_already,
                   c.n_already == 1 ? "" : "s");
        else
            printf("nothing to import: %s changes nothing in %s as at %s, so no update file is "
                   "written\n", sheet_path, plan_path, d);
        status = EXIT_OK;
        goto done;
    }
    updates_yaml(&c, &r, plan_path, &yaml);

    /* The file must load with the plan, cleanly, and say what the sheet says. */
    dir = updates_dir_of(plan_path);
    path = free_name(dir, c.file_date, 1);
    if (!path) {
        diag_error(&diags, make_pos(dir, 0, 0), "there are already %d update files for that "
                   "day; merge some of them", MAX_SAME_DAY);
        goto done;
    }
    diag_list check;
    diag_init(&check);
    const char *names[] = {path}, *datas[] = {yaml.data};
    size_t lens[] = {yaml.len};
    plan *applied = plan_load_file_with(plan_path, 1, names, datas, lens, &check);
    size_t problems = applied ? 0 : 1;
    for (size_t i = 0; i < check.len; i++)
        if (check.items[i].pos.file && !strcmp(check.items[i].pos.file, path)) problems++;
    if (applied) problems += sheet_changes_check(applied, &c, &check) != 0;
    if (problems) {
        diag_print(&check, stderr, color_err());
        fprintf(stderr, "tabled import: the update file made from %s would not load cleanly "
                "(a fault in tabled: please report it); nothing written\n", sheet_path);
    }
    plan_free(applied);
    diag_free(&check);
    if (problems) goto done;

    if (dry_run) {
        diag_print(&diags, stderr, color_err());
        fwrite(yaml.data, 1, yaml.len, stdout);
        summary(&c, &r, "# would write", path);
        status = EXIT_OK;
        goto done;
    }
    if (make_parent_dirs(path) != 0) {
        diag_error(&diags, make_pos(dir, 0, 0), "cannot make the update folder: %s", strerror(errno));
        goto done;
    }
    /* Another import may take the name between the check and the write: then the
     * next free name (the file's content does not depend on its name). */
    while (write_file_new(path, yaml.data, yaml.len) != 0) {
        int e = errno;
        char *next = e == EEXIST ? free_name(dir, c.file_date, 2) : NULL;
        if (!next) {
            diag_error(&diags, make_pos(path, 0, 0), "cannot write the update file: %s", strerror(e));
            goto done;
        }
        free(path);
        path = next;
    }
    diag_print(&diags, stderr, color_err());
    summary(&c, &r, "wrote", path);
    status = EXIT_OK;
done:
    if (status != EXIT_OK) {
        diag_print(&diags, stderr, color_err());
        if (diags.errors)
            fprintf(stderr, "tabled import: nothing written (%zu error%s)\n", diags.errors,
                    diags.errors == 1 ? "" : "s");
    }
    sb_free(&yaml);
    sheet_changes_free(&c);
    sheet_return_free(&r);
    csv_doc_free(&doc);
    free(data);
    free(id);
    free(dir);
    free(path);
    plan_free(p);
    diag_free(&diags);
    opt_free(&it);
    if (fflush(stdout) != 0) status = EXIT_INPUT;
    return status;
}
