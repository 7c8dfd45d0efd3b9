/* cmd_export.c - tabled export: a plan as spreadsheets for officers to update (actions
 * and milestones, risks, indicators), as at a date. tabled import reads them back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/analysis.h"
#include "../load/plan_load.h"
#include "../model/sheet.h"
#include "../render/sheet_out.h"
#include "../util/fileio.h"
#include "../util/xalloc.h"
#include "cli.h"

int cmd_export(int argc, char **argv)
{
    const char *cmd = "export";
    opt_iter it;
    opt_init(&it, cmd, argc, argv);
    int has_as_at = 0, status = EXIT_OK;
    day_t as_at = 0;
    const char *outdir = NULL;
    const sheet_spec *only = NULL;
    const char *o;
    while ((o = opt_next(&it))) {
        const char *v = NULL;
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
        }
        if (strcmp(o, "as-at") && strcmp(o, "o") && strcmp(o, "output") && strcmp(o, "sheet")) {
            opt_free(&it);
            return usage_error(cmd, "unknown option '%s'", argv[it.i - 1]);
        }
        if (!(v = opt_value(&it, o))) {
            opt_free(&it);
            return EXIT_USAGE;
        }
        if (!strcmp(o, "as-at")) {
            if (parse_as_at(cmd, o, v, &as_at) < 0) {
                opt_free(&it);
                return EXIT_USAGE;
            }
            has_as_at = 1;
        } else if (!strcmp(o, "sheet")) {
            if (!(only = sheet_spec_named(v))) {
                opt_free(&it);
                return usage_error(cmd, "--sheet must be actions, risks or indicators, not '%s'", v);
            }
        } else {
            outdir = v;
        }
    }
    if (it.npositional != 1) {
        opt_free(&it);
        return usage_error(cmd, it.npositional ? "give one plan" : "no plan given");
    }
    const char *plan_path = it.positional[0];
    diag_list diags;
    diag_init(&diags);
    plan *p = plan_load_file(plan_path, &diags);
    if (!p) {
        diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
        diag_free(&diags);
        opt_free(&it);
        return EXIT_INPUT;
    }
    if (!has_as_at) as_at = plan_default_as_at(p);
    analysis *an = analyse(p, as_at, NULL, NULL);
    char *id = sheet_plan_id(plan_path);
    if (!outdir) {
        strbuf out = STRBUF_INIT;
        sheet_write(an, only ? only->kind : SHEET_ACTIONS, id, "<stdout>", &out, &diags);
        fwrite(out.data, 1, out.len, stdout);
        sb_free(&out);
    } else {
        /* One file per kind of sheet the plan has something for (or the one asked). */
        for (int k = 0; k < SHEET__COUNT; k++) {
            const sheet_spec *spec = sheet_spec_of((sheet_kind)k);
            if (only && only != spec) continue;
            if (!only && ((k == SHEET_RISKS && !p->n_risks) || (k == SHEET_INDICATORS && !p->n_indicators)))
                continue;
            size_t n = strlen(outdir) + strlen(id) + strlen(spec->name) + 8;
            char *path = xmalloc(n);
            snprintf(path, n, "%s/%s-%s.csv", outdir, id, spec->name);
            strbuf out = STRBUF_INIT;
            sheet_write(an, spec->kind, id, path, &out, &diags);
            if (write_file_atomic(path, out.data, out.len) != 0) {
                perror(path);
                status = EXIT_INPUT;
            } else {
                printf("%s\n", path);
            }
            sb_free(&out);
            free(path);
        }
    }
    diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    free(id);
    analysis_free(an);
    plan_free(p);
    diag_free(&diags);
    opt_free(&it);
    if (fflush(stdout) != 0) status = EXIT_INPUT;
    return status;
}
