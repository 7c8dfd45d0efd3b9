/* cmd_report.c - tabled rollup, tabled exceptions and tabled changes: one plan, as at a
 * date (and, for changes, since the previous report's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/analysis.h"
#include "../load/house_load.h"
#include "../load/plan_load.h"
#include "../render/summary_out.h"
#include "cli.h"
#include "template_set.h"

typedef void (*text_fn)(const analysis *, strbuf *, int, int);
typedef void (*data_fn)(const analysis *, strbuf *);

enum { SINCE_NO = 0, SINCE_OPTIONAL, SINCE_REQUIRED };

static int run(const char *cmd, int argc, char **argv, int allow_since, text_fn text,
               data_fn json, data_fn csv)
{
    opt_iter it;
    opt_init(&it, cmd, argc, argv);
    int has_as_at = 0, has_since = 0, status = EXIT_OK;
    day_t as_at = 0, since = 0;
    out_format fmt = FORMAT_TEXT;
    template_cache tc = {NULL, NULL, NULL, 0};
    int columns = 0;
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
        } else if (!strcmp(o, "as-at") || (allow_since && !strcmp(o, "since"))) {
            int is_since = !strcmp(o, "since");
            const char *v = opt_value(&it, o);
            if (!v || parse_as_at(cmd, o, v, is_since ? &since : &as_at) < 0) {
                opt_free(&it);
                return EXIT_USAGE;
            }
            if (is_since) has_since = 1;
            else has_as_at = 1;
        } else if (!strcmp(o, "templates")) {
            if (!(tc.templates_opt = opt_value(&it, o))) {
                opt_free(&it);
                return EXIT_USAGE;
            }
        } else if (!strcmp(o, "columns")) {
            const char *v = opt_value(&it, o);
            char *end = NULL;
            long c = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || c < 40 || c > 1000) {
                opt_free(&it);
                if (v) usage_error(cmd, "--columns takes a width from 40 to 1000, not '%s'", v);
                return EXIT_USAGE;
            }
            columns = (int)c;
        } else if (!strcmp(o, "format")) {
            const char *v = opt_value(&it, o);
            if (!v) {
                opt_free(&it);
                return EXIT_USAGE;
            }
            if (!strcmp(v, "text")) fmt = FORMAT_TEXT;
            else if (!strcmp(v, "json")) fmt = FORMAT_JSON;
            else if (!strcmp(v, "csv")) fmt = FORMAT_CSV;
            else {
                opt_free(&it);
                return usage_error(cmd, "--format must be text, json or csv, not '%s'", v);
            }
        } else {
            opt_free(&it);
            return usage_error(cmd, "unknown option '%s'", argv[it.i - 1]);
        }
    }
    if (it.npositional != 1) {
        opt_free(&it);
        return usage_error(cmd, it.npositional ? "give one plan" : "no plan given");
    }
    if (!has_as_at) {
        opt_free(&it);
        return usage_error(cmd, "--as-at DATE is required");
    }
    if (allow_since == SINCE_REQUIRED && !has_since) {
        opt_free(&it);
        return usage_error(cmd, "--since DATE (the previous report's date) is required");
    }
    if (has_since && since >= as_at) {
        opt_free(&it);
        return usage_error(cmd, "--since must be before --as-at");
    }
    diag_list diags;
    diag_init(&diags);
    /* The house style's theme-RAG policy, so the terminal agrees with the papers. */
    template_set *ts = templates_for(&tc, it.positional[0], TS_HOUSE, &diags);
    plan *p = ts ? plan_load_file(it.positional[0], &diags) : NULL;
    diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    if (!p) {
        status = EXIT_INPUT;
    } else {
        analysis *an = analyse(p, as_at, has_since ? &since : NULL, &ts->house.theme_rag);
        strbuf out = STRBUF_INIT;
        if (fmt == FORMAT_TEXT) text(an, &out, columns ? columns : terminal_width(), use_color());
        else if (fmt == FORMAT_JSON) json(an, &out);
        else csv(an, &out);
        if (out.len) fwrite(out.data, 1, out.len, stdout);
        sb_free(&out);
        analysis_free(an);
        plan_free(p);
    }
    diag_free(&diags);
    template_cache_free(&tc);
    opt_free(&it);
    if (fflush(stdout) != 0) status = EXIT_INPUT;
    return status;
}

int cmd_rollup(int argc, char **argv)
{
    return run("rollup", argc, argv, SINCE_NO, rollup_text, rollup_json, rollup_csv);
}

int cmd_exceptions(int argc, char **argv)
{
    return run("exceptions", argc, argv, SINCE_OPTIONAL, exceptions_text, exceptions_json,
               exceptions_csv);
}

int cmd_changes(int argc, char **argv)
{
    return run("changes", argc, argv, SINCE_REQUIRED, changes_text, changes_json, changes_csv);
}
