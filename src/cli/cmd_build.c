/* cmd_build.c - tabled build: compile plans and papers into an output directory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/analysis.h"
#include "../load/plan_load.h"
#include "../render/summary_out.h"
#include "../util/fileio.h"
#include "cli.h"

/* "plans/norwich-hip/plan.yaml" -> "norwich-hip" */
static char *plan_slug(const char *path)
{
    const char *end = strrchr(path, '/');
    if (!end) return strdup("plan");
    const char *start = end;
    while (start > path && start[-1] != '/') start--;
    if (start == end) return strdup("plan");
    return strndup(start, (size_t)(end - start));
}

static int build_plan_json(const char *path, const char *outdir, int has_as_at, day_t as_at,
                           diag_list *diags)
{
    plan *p = plan_load_file(path, diags);
    if (!p) return -1;
    day_t t = has_as_at ? as_at
              : date_has_bounds(p->updated) ? date_last_day(p->updated)
                                            : date_today();
    analysis *an = analyse(p, t, NULL, NULL);
    strbuf json = STRBUF_INIT;
    rollup_json(an, &json);
    char *slug = plan_slug(path);
    size_t n = strlen(outdir) + strlen(slug) + 32;
    char *out = malloc(n);
    snprintf(out, n, "%s/%s/rollup.json", outdir, slug);
    int rc = 0;
    if (write_file_atomic(out, json.data, json.len) != 0) {
        diag_error(diags, make_pos(out, 0, 0), "cannot write: %s", strerror(errno));
        rc = -1;
    }
    free(out);
    free(slug);
    sb_free(&json);
    analysis_free(an);
    plan_free(p);
    return rc;
}

int cmd_build(int argc, char **argv)
{
    opt_iter it;
    opt_init(&it, "build", argc, argv);
    const char *outdir = "out";
    int has_as_at = 0;
    day_t as_at = 0;
    const char *o;
    while ((o = opt_next(&it))) {
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help("build");
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "o") || !strcmp(o, "output")) {
            if (!(outdir = opt_value(&it, o))) {
                opt_free(&it);
                return EXIT_USAGE;
            }
        } else if (!strcmp(o, "format")) {
            if (!opt_value(&it, o)) {
                opt_free(&it);
                return EXIT_USAGE;
            }
        } else if (!strcmp(o, "as-at")) {
            const char *v = opt_value(&it, o);
            if (!v || parse_as_at("build", o, v, &as_at) < 0) {
                opt_free(&it);
                return EXIT_USAGE;
            }
            has_as_at = 1;
        } else {
            opt_free(&it);
            return usage_error("build", "unknown option '%s'", argv[it.i - 1]);
        }
    }
    if (!it.npositional) {
        opt_free(&it);
        return usage_error("build", "nothing to build: give papers or plans");
    }
    diag_list diags;
    diag_init(&diags);
    for (int i = 0; i < it.npositional; i++) {
        const char *f = it.positional[i];
        size_t n = strlen(f);
        if (n >= 5 && (!strcmp(f + n - 5, ".yaml") || !strcmp(f + n - 4, ".yml")))
            build_plan_json(f, outdir, has_as_at, as_at, &diags);
        else
            diag_error(&diags, make_pos(f, 0, 0), "not a plan (.yaml) or paper (.md)");
    }
    diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    int status = diags.errors ? EXIT_INPUT : EXIT_OK;
    diag_free(&diags);
    opt_free(&it);
    return status;
}
