/* placeholders.c - {{ name filters }} in narrative text: figures from the analysis. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "build_ctx.h"
#include "labels.h"
#include "wording.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const names[] = {
    "actions", "complete", "on-target", "rescheduled", "late-start", "overdue", "not-yet-due",
    "cancelled", "open", "percent-complete", "exceptions", "as-at", "since", "plan-title",
    "organisation", "completed-since", "cancelled-since", "reopened-since", "added-since",
    "newly-overdue", "no-longer-overdue", "revised-since", "reported-worse", "reported-better",
    "status-worse", "status-better", "new-risks", "closed-risks", "risks-worse", "risks-better",
    "indicators-moved", "changes"};
static const char *const filters[] = {"theme", "due-in", "words", "noun", "verb", "capital"};

/* Counts of the changes since the previous report: rows of a kind, or of a kind that
 * went one way (+1 better, -1 worse); CHANGE__COUNT counts every row. */
static const struct {
    const char *name;
    change_kind kind;
    int direction;
} change_counts[] = {
    {"completed-since", CHANGE_COMPLETED, 0}, {"cancelled-since", CHANGE_CANCELLED, 0},
    {"reopened-since", CHANGE_REOPENED, 0}, {"added-since", CHANGE_ADDED, 0},
    {"newly-overdue", CHANGE_OVERDUE, 0}, {"no-longer-overdue", CHANGE_NO_LONGER_OVERDUE, 0},
    {"revised-since", CHANGE_REVISED, 0}, {"reported-worse", CHANGE_REPORTED, -1},
    {"reported-better", CHANGE_REPORTED, 1}, {"status-worse", CHANGE_STATUS, -1},
    {"status-better", CHANGE_STATUS, 1}, {"new-risks", CHANGE_RISK_NEW, 0},
    {"closed-risks", CHANGE_RISK_CLOSED, 0}, {"risks-worse", CHANGE_RISK_MOVED, -1},
    {"risks-better", CHANGE_RISK_MOVED, 1}, {"indicators-moved", CHANGE_INDICATOR, 0},
    {"changes", CHANGE__COUNT, 0}};

/* A count with its wording options: words, noun=, verb[=], capital. */
static void put_count(strbuf *out, size_t n, const opt_list *o)
{
    word_count(out, n, opts_get(o, "words") != NULL, opts_get(o, "noun"),
               opts_get(o, "verb") != NULL, opts_get(o, "verb"), opts_get(o, "capital") != NULL);
}

/* Writes the value of one placeholder into out; 0, or -1 after reporting an error. */
static int evaluate(build_ctx *b, const char *expr, srcpos pos, strbuf *out)
{
    opt_list o;
    if (opts_parse(b->d, expr, &o) != 0) {
        diag_error(b->diags, pos, "cannot read the placeholder {{ %s }}", expr);
        return -1;
    }
    size_t k;
    for (k = 0; k < N(names); k++)
        if (!strcmp(o.name, names[k])) break;
    if (k == N(names)) {
        strbuf all = STRBUF_INIT;
        sb_word_list(&all, names, N(names), N(names), NULL);
        const char *near = closest_word(o.name, names, N(names));
        if (near)
            diag_error(b->diags, pos, "unknown placeholder {{ %s }}; did you mean {{ %s }}? "
                       "(placeholders: %s)", o.name, near, all.data);
        else
            diag_error(b->diags, pos, "unknown placeholder {{ %s }} (placeholders: %s)", o.name,
                       all.data);
        sb_free(&all);
        return -1;
    }
    if (opts_check(b, &o, filters, N(filters), arena_printf(&b->d->arena, "{{ %s }}", o.name), pos))
        return -1;
    const char *name = o.name;
    const analysis *an = b->an;
    char buf[DATE_BUF];
    int is_text = !strcmp(name, "as-at") || !strcmp(name, "since") || !strcmp(name, "plan-title") ||
                  !strcmp(name, "organisation") || !strcmp(name, "percent-complete");
    if (is_text && (opts_get(&o, "words") || opts_get(&o, "noun") || opts_get(&o, "verb") ||
                    opts_get(&o, "capital"))) {
        diag_error(b->diags, pos, "{{ %s }} is not a count: words, noun=, verb and capital go "
                   "with counts such as {{ overdue }}", name);
        return -1;
    }
    if (!strcmp(name, "as-at")) {
        label_date(b->house->dates, date_of_day(an->as_at), buf, sizeof buf);
        sb_puts(out, buf);
        return 0;
    }
    if (!strcmp(name, "since")) {
        if (!an->has_since) {
            diag_error(b->diags, pos, "{{ since }} needs 'since' or 'previous-report' in the front block");
            return -1;
        }
        label_date(b->house->dates, date_of_day(an->since), buf, sizeof buf);
        sb_puts(out, buf);
        return 0;
    }
    if (!strcmp(name, "plan-title")) {
        sb_puts(out, b->plan->title ? b->plan->title : "");
        return 0;
    }
    if (!strcmp(name, "organisation")) {
        sb_puts(out, b->plan->organisation ? b->plan->organisation : "");
        return 0;
    }
    if (!strcmp(name, "exceptions")) {
        put_count(out, an->n_exceptions, &o);
        return 0;
    }

    const theme *th = NULL;
    const char *tref = opts_get(&o, "theme");
    if (tref) {
        for (size_t i = 0; i < b->plan->n_themes; i++)
            if (!strcmp(b->plan->themes[i].ref, tref)) th = &b->plan->themes[i];
        if (!th) {
            theme_not_found(b, pos, arena_printf(&b->d->arena, "{{ %s }}", name), tref);
            return -1;
        }
    }
    for (size_t i = 0; i < N(change_counts); i++) {
        if (strcmp(name, change_counts[i].name)) continue;
        if (!an->changes) {
            diag_error(b->diags, pos, "{{ %s }} counts changes since the previous report: add "
                       "'since: DATE' or 'previous-report: PAPER.md' to the front block", name);
            return -1;
        }
        if (opts_get(&o, "due-in")) {
            diag_error(b->diags, pos, "{{ %s }} takes theme=, not due-in=", name);
            return -1;
        }
        size_t n = 0;
        for (size_t r = 0; r < an->changes->n_rows; r++) {
            const change_row *row = &an->changes->rows[r];
            if (change_counts[i].kind != CHANGE__COUNT && row->kind != change_counts[i].kind) continue;
            if (change_counts[i].direction && row->direction != change_counts[i].direction) continue;
            if (th && row->theme != th) continue;
            n++;
        }
        put_count(out, n, &o);
        return 0;
    }
    action_filter filter = {COUNT_ALL, th, 0, 0, 0};
    const char *per = opts_get(&o, "due-in");
    if (per) {
        fuzzy_date f;
        char why[256];
        if (date_parse(per, &f, why, sizeof why) != 0 || !date_has_bounds(f)) {
            diag_error(b->diags, pos, "{{ %s }}: due-in=%s %s", name, per, why[0] ? why : "is not a period");
            return -1;
        }
        filter.has_window = 1;
        filter.from = date_first_day(f);
        filter.to = date_last_day(f);
    }
    if (!strcmp(name, "percent-complete")) {
        if (filter.has_window) {
            diag_error(b->diags, pos, "{{ percent-complete }} takes theme=, not due-in=");
            return -1;
        }
        const rollup_counts *r = th ? &an->themes[th->index] : &an->overall;
        label_percent(out, r->percent_complete);
        return 0;
    }
    if (!strcmp(name, "open")) filter.status = COUNT_OPEN;
    else if (!strcmp(name, "complete")) filter.status = STATUS_COMPLETE;
    else if (!strcmp(name, "on-target")) filter.status = STATUS_ON_TARGET;
    else if (!strcmp(name, "rescheduled")) filter.status = STATUS_RESCHEDULED;
    else if (!strcmp(name, "late-start")) filter.status = STATUS_LATE_START;
    else if (!strcmp(name, "overdue")) filter.status = STATUS_OVERDUE;
    else if (!strcmp(name, "not-yet-due")) filter.status = STATUS_NOT_YET_DUE;
    else if (!strcmp(name, "cancelled")) filter.status = STATUS_CANCELLED;
    put_count(out, count_actions(an, &filter), &o);
    return 0;
}

void expand_placeholders(build_ctx *b, rnode *parent, const char *text, srcpos pos)
{
    const char *p = text;
    strbuf sb = STRBUF_INIT;
    for (;;) {
        const char *open = strstr(p, "{{");
        if (!open) {
            sb_puts(&sb, p);
            break;
        }
        sb_putn(&sb, p, (size_t)(open - p));
        const char *close = strstr(open + 2, "}}");
        srcpos at = pos;
        at.col += (int)(open - text);
        if (!close) {
            diag_error(b->diags, at, "'{{' without a closing '}}'");
            sb_puts(&sb, open);
            break;
        }
        char *expr = arena_strndup(&b->d->arena, open + 2, (size_t)(close - open - 2));
        if (evaluate(b, expr, at, &sb) != 0) sb_putn(&sb, open, (size_t)(close + 2 - open));
        p = close + 2;
    }
    rnode_add_text(b->d, parent, sb.data ? sb.data : "");
    sb_free(&sb);
}
