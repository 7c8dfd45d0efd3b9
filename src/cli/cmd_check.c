/* cmd_check.c - tabled check: load, analyse, report errors and warnings. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "../analysis/analysis.h"
#include "../load/plan_load.h"
#include "../report/labels.h"
#include "cli.h"

/* The warning is placed on the update that gave the RAG, as known at the date. */
static void warn_optimistic(diag_list *d, const schedule *s, derived_status st, const char *what,
                            day_t as_at)
{
    if (!st.optimistic) return;
    schedule_view v = schedule_at(s, as_at);
    srcpos pos = v.rag_from && v.rag_from->rag_pos.line ? v.rag_from->rag_pos : s->pos;
    strbuf label = STRBUF_INIT;
    label_status(&label, st);
    char date[DATE_BUF];
    date_format(date_of_day(as_at), date, sizeof date);
    diag_warning(d, pos, "%s is reported %s but is %s as at %s", what,
                 stated_rag_name(st.reported), label.data, date);
    sb_free(&label);
}

int cmd_check(int argc, char **argv)
{
    opt_iter it;
    opt_init(&it, "check", argc, argv);
    int werror = 0, has_as_at = 0;
    day_t as_at = 0;
    const char *o;
    while ((o = opt_next(&it))) {
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help("check");
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "werror")) {
            werror = 1;
        } else if (!strcmp(o, "as-at")) {
            const char *v = opt_value(&it, o);
            if (!v || parse_as_at("check", o, v, &as_at) < 0) {
                opt_free(&it);
                return EXIT_USAGE;
            }
            has_as_at = 1;
        } else {
            opt_free(&it);
            return usage_error("check", "unknown option '%s'", argv[it.i - 1]);
        }
    }
    if (it.npositional == 0) {
        opt_free(&it);
        return usage_error("check", "no plan given");
    }
    /* Papers are checked by the build pipeline, writing nothing. */
    int papers = 0;
    char **bargv = calloc((size_t)it.npositional + 4, sizeof *bargv);
    bargv[papers++] = "build";
    bargv[papers++] = "--dry-run";
    if (werror) bargv[papers++] = "--werror";
    for (int i = 0; i < it.npositional; i++) {
        size_t n = strlen(it.positional[i]);
        if (n > 3 && !strcmp(it.positional[i] + n - 3, ".md")) bargv[papers++] = it.positional[i];
    }
    int paper_status = papers > 2 + werror ? cmd_build(papers, bargv) : EXIT_OK;
    free(bargv);

    diag_list diags;
    diag_init(&diags);
    for (int i = 0; i < it.npositional; i++) {
        size_t len = strlen(it.positional[i]);
        if (len > 3 && !strcmp(it.positional[i] + len - 3, ".md")) continue;
        plan *p = plan_load_file(it.positional[i], &diags);
        if (!p) continue;
        day_t t = has_as_at ? as_at : plan_default_as_at(p);
        analysis *an = analyse(p, t, NULL, NULL);
        for (size_t k = 0; k < p->n_actions; k++) {
            const action *a = &p->actions[k];
            char what[256];
            snprintf(what, sizeof what, "action %s", a->ref);
            warn_optimistic(&diags, &a->s, an->actions[k], what, t);
            for (size_t j = 0; j < a->n_milestones; j++) {
                snprintf(what, sizeof what, "milestone %zu of action %s", j + 1, a->ref);
                warn_optimistic(&diags, &a->milestones[j].s, an->milestones[k][j], what, t);
            }
        }
        analysis_free(an);
        plan_free(p);
    }
    diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    int status = diags.errors || (werror && diags.warnings) ? EXIT_INPUT : EXIT_OK;
    if (paper_status != EXIT_OK) status = paper_status;
    if (diags.errors || diags.warnings)
        fprintf(stderr, "%zu error%s, %zu warning%s\n", diags.errors, diags.errors == 1 ? "" : "s",
                diags.warnings, diags.warnings == 1 ? "" : "s");
    diag_free(&diags);
    opt_free(&it);
    return status;
}
