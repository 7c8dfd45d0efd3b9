/* analysis.c - statuses, roll-ups and exceptions for a plan as at T. */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "../util/natcmp.h"
#include "../util/xalloc.h"

void rollup_add(rollup_counts *r, derived_status s)
{
    r->count[s.kind]++;
    r->total++;
}

void rollup_finish(rollup_counts *r, const rag_policy *policy)
{
    r->complete = r->count[STATUS_COMPLETE];
    r->denominator = r->total - r->count[STATUS_CANCELLED];
    r->percent_complete =
        r->denominator ? (int)((r->complete * 200 + r->denominator) / (2 * r->denominator)) : -1;
    r->rag = LEVEL_NONE;
    if (!r->denominator) return;
    if (policy && policy->method == THEME_RAG_THRESHOLD) {
        size_t overdue = r->count[STATUS_OVERDUE];
        size_t slipping = overdue + r->count[STATUS_RESCHEDULED] + r->count[STATUS_LATE_START];
        if (r->complete == r->denominator)
            r->rag = LEVEL_COMPLETE;
        else if (overdue * 100 >= (size_t)policy->red_overdue_percent * r->denominator && overdue)
            r->rag = LEVEL_RED;
        else if (slipping && slipping * 100 >= (size_t)policy->amber_percent * r->denominator)
            r->rag = LEVEL_AMBER;
        else
            r->rag = LEVEL_GREEN;
        return;
    }
    /* Worst of its actions: Overdue > Rescheduled/Late start > On target > Not yet due
     * > Complete. */
    for (int k = 0; k < STATUS__COUNT; k++) {
        if (!r->count[k] || k == STATUS_CANCELLED) continue;
        rag_level l = status_level((status_kind)k);
        if (l > r->rag) r->rag = l;
    }
}

static unsigned reasons_of(derived_status d)
{
    unsigned r = 0;
    if (d.kind == STATUS_OVERDUE) r |= EXC_OVERDUE;
    if (d.kind == STATUS_RESCHEDULED) r |= EXC_RESCHEDULED;
    if (d.kind != STATUS_COMPLETE && d.kind != STATUS_CANCELLED) {
        if (d.reported == RAG_RED) r |= EXC_REPORTED_RED;
        if (d.reported == RAG_AMBER) r |= EXC_REPORTED_AMBER;
    }
    if (d.optimistic) r |= EXC_OPTIMISTIC;
    return r;
}

/* The first of the revisions known at T that became known after P (they are sorted by
 * when known, so those are a suffix). */
static size_t first_after(const schedule *s, size_t known, day_t since)
{
    size_t k = known;
    while (k > 0 && s->revisions[k - 1].known > since) k--;
    return k;
}

static int cmp_rows(const void *pa, const void *pb)
{
    const exception_row *a = pa, *b = pb;
    size_t ta = a->action->theme ? a->action->theme->index : (size_t)-1;
    size_t tb = b->action->theme ? b->action->theme->index : (size_t)-1;
    if (ta != tb) return ta < tb ? -1 : 1;
    int c = natcmp(a->action->ref, b->action->ref);
    if (c) return c;
    return a->action->index < b->action->index ? -1 : a->action->index > b->action->index;
}

static void build_exceptions(analysis *an)
{
    const plan *p = an->plan;
    an->exceptions = arena_alloc(&an->arena, (p->n_actions + 1) * sizeof *an->exceptions);
    for (size_t i = 0; i < p->n_actions; i++) {
        const action *a = &p->actions[i];
        derived_status st = an->actions[i];
        if (!an->present[i] || st.kind == STATUS_CANCELLED) continue;
        unsigned reasons = reasons_of(st);
        exception_milestone *ms = NULL;
        if (a->n_milestones) {
            ms = arena_alloc(&an->arena, a->n_milestones * sizeof *ms);
            for (size_t j = 0; j < a->n_milestones; j++) {
                derived_status m = an->milestones[i][j];
                ms[j].milestone = &a->milestones[j];
                ms[j].status = m;
                ms[j].reasons = m.kind == STATUS_CANCELLED || st.kind == STATUS_COMPLETE
                                    ? 0 : reasons_of(m);
                reasons |= ms[j].reasons;
            }
        }
        if (!reasons) continue;

        /* Every revision known at T is in force and shown, with or without P (domain
         * 5a: one rule for every column). With P, a row that is only rescheduled and
         * has no revision that became known after P is old news and left out. */
        size_t nrev = an->views[i].n_revisions;
        const revision **revs = arena_alloc(&an->arena, (nrev + 1) * sizeof *revs);
        for (size_t k = 0; k < nrev; k++) revs[k] = &a->s.revisions[k];
        size_t first_new = an->has_since ? first_after(&a->s, nrev, an->since) : nrev;
        if (an->has_since && (reasons & ~(unsigned)EXC_RESCHEDULED) == 0) {
            int fresh = first_new < nrev;
            for (size_t j = 0; j < a->n_milestones && !fresh; j++) {
                const schedule *ms_s = &a->milestones[j].s;
                size_t known = revisions_known_at(ms_s, an->as_at);
                fresh = first_after(ms_s, known, an->since) < known;
            }
            if (!fresh) continue;
        }

        exception_row *row = &an->exceptions[an->n_exceptions++];
        row->action = a;
        row->status = st;
        row->reasons = reasons;
        row->revisions = revs;
        row->n_revisions = nrev;
        row->first_new = first_new;
        row->milestones = ms;
        row->n_milestones = a->n_milestones;
        row->reason = NULL;
        for (size_t k = nrev; k > 0 && !row->reason; k--) row->reason = revs[k - 1]->reason;
        if (!row->reason) row->reason = an->views[i].progress;
        if (reasons & EXC_OPTIMISTIC) an->n_optimistic++;
    }
    qsort(an->exceptions, an->n_exceptions, sizeof *an->exceptions, cmp_rows);

    an->groups = arena_alloc(&an->arena, (p->n_themes + 2) * sizeof *an->groups);
    for (size_t i = 0; i < an->n_exceptions; i++) {
        const theme *t = an->exceptions[i].action->theme;
        if (!an->n_groups || an->groups[an->n_groups - 1].theme != t) {
            an->groups[an->n_groups].theme = t;
            an->groups[an->n_groups].rows = &an->exceptions[i];
            an->groups[an->n_groups].n_rows = 0;
            an->n_groups++;
        }
        an->groups[an->n_groups - 1].n_rows++;
    }
}

analysis *analyse(const plan *p, day_t as_at, const day_t *since, const rag_policy *policy)
{
    analysis *an = xcalloc(1, sizeof *an);
    arena_init(&an->arena);
    an->plan = p;
    an->as_at = as_at;
    if (since) {
        an->has_since = 1;
        an->since = *since;
    }
    if (policy) an->policy = *policy;

    an->actions = arena_alloc(&an->arena, (p->n_actions + 1) * sizeof *an->actions);
    an->milestones = arena_alloc(&an->arena, (p->n_actions + 1) * sizeof *an->milestones);
    an->views = arena_alloc(&an->arena, (p->n_actions + 1) * sizeof *an->views);
    an->present = arena_alloc(&an->arena, p->n_actions + 1);
    an->themes = arena_alloc(&an->arena, (p->n_themes + 1) * sizeof *an->themes);
    for (size_t i = 0; i < p->n_actions; i++) {
        const action *a = &p->actions[i];
        an->milestones[i] = arena_alloc(&an->arena, (a->n_milestones + 1) * sizeof(derived_status));
        for (size_t j = 0; j < a->n_milestones; j++)
            an->milestones[i][j] = milestone_status(&a->milestones[j], as_at);
        an->views[i] = schedule_at(&a->s, as_at);
        an->actions[i] = action_status_view(a, as_at, an->milestones[i], &an->views[i]);
        an->present[i] = (unsigned char)action_present_at(a, as_at);
        if (!an->present[i]) continue;
        rollup_add(&an->overall, an->actions[i]);
        if (a->theme) rollup_add(&an->themes[a->theme->index], an->actions[i]);
    }
    rollup_finish(&an->overall, &an->policy);
    for (size_t t = 0; t < p->n_themes; t++) rollup_finish(&an->themes[t], &an->policy);
    build_exceptions(an);
    if (since) {
        analysis *before = analyse(p, *since, NULL, policy);
        an->changes = arena_alloc(&an->arena, sizeof *an->changes);
        changes_compute(an->changes, &an->arena, p, *since, as_at, before->actions,
                        before->present, an->actions, an->present);
        analysis_free(before);
    }
    return an;
}

void analysis_free(analysis *an)
{
    if (!an) return;
    arena_free(&an->arena);
    free(an);
}

size_t count_actions(const analysis *an, const action_filter *f)
{
    const plan *p = an->plan;
    size_t n = 0;
    for (size_t i = 0; i < p->n_actions; i++) {
        const action *a = &p->actions[i];
        if (!an->present[i]) continue;
        if (f->theme && a->theme != f->theme) continue;
        status_kind k = an->actions[i].kind;
        if (f->status == COUNT_OPEN && (k == STATUS_COMPLETE || k == STATUS_CANCELLED)) continue;
        if (f->status == COUNT_NOT_CANCELLED && k == STATUS_CANCELLED) continue;
        if (f->status >= 0 && (int)k != f->status) continue;
        if (f->has_window) {
            fuzzy_date due = schedule_due_at(&a->s, an->as_at);
            if (!date_has_bounds(due)) continue;
            day_t d = date_last_day(due);
            if (d < f->from || d > f->to) continue;
        }
        n++;
    }
    return n;
}
