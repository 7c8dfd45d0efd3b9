/* test_analysis.c - analyse(): roll-ups by theme and plan, theme RAG, the exception
 * list (domain rules, sections 4 and 5), count_actions, the shared labels and the
 * natural order of references. Plans are built in C, not loaded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"
#include "report/labels.h"
#include "util/natcmp.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static fuzzy_date DAY(int y, int m, int d) { return (fuzzy_date){DATE_DAY, y, m, d, 0}; }
static fuzzy_date MONTH(int y, int m) { return (fuzzy_date){DATE_MONTH, y, m, 0, 0}; }
static const fuzzy_date ONGOING = {DATE_ONGOING, 0, 0, 0, 0};
static const fuzzy_date NODATE = {DATE_NONE, 0, 0, 0, 0};
static day_t T(int y, int m, int d) { return date_from_ymd(y, m, d); }

/* ---- a plan built in C ----------------------------------------------------------------- */

#define MAXT 8
#define MAXA 64
#define MAXR 4
#define MAXM 4

typedef struct {
    plan p;
    theme themes[MAXT];
    action actions[MAXA];
    action *theme_actions[MAXT][MAXA];
    revision revs[MAXA][MAXR];
    schedule_update ups[MAXA];          /* one undated update each: updates[0] */
    schedule_update ms_ups[MAXA][MAXM];
    milestone ms[MAXA][MAXM];
    revision ms_revs[MAXA][MAXM][MAXR];
    person people[2];
    person *who[MAXA][2];
} fixture;

static fixture *fx_new(void)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->p.title = "Test plan";
    f->p.organisation = "Test council";
    f->p.themes = f->themes;
    f->p.actions = f->actions;
    f->p.people = f->people;
    f->people[0].id = f->people[0].name = "Web Manager";
    f->people[1].id = f->people[1].name = "HSM";
    f->p.n_people = 2;
    return f;
}

static theme *fx_theme(fixture *f, const char *ref)
{
    assert_true(f->p.n_themes < MAXT);
    size_t i = f->p.n_themes++;
    theme *t = &f->themes[i];
    t->ref = ref;
    t->title = ref;
    t->index = i;
    t->actions = f->theme_actions[i];
    return t;
}

/* An action of theme t, started April 2010, due `due`, with an entered status. */
static action *fx_action(fixture *f, theme *t, const char *ref, fuzzy_date due,
                         entered_status status)
{
    assert_true(f->p.n_actions < MAXA);
    size_t i = f->p.n_actions++;
    action *a = &f->actions[i];
    a->ref = ref;
    a->description = ref;
    a->theme = t;
    a->index = i;
    a->s.start = MONTH(2010, 4);
    a->s.due = due;
    a->s.updates = &f->ups[i];
    a->s.n_updates = 1;
    f->ups[i].known = DAY_ALWAYS;
    f->ups[i].status = status;
    a->added_known = DAY_ALWAYS;
    a->s.revisions = f->revs[i];
    a->milestones = f->ms[i];
    a->s.who = f->who[i];
    if (t) t->actions[t->n_actions++] = a;
    return a;
}

static revision *fx_revise(schedule *s, fuzzy_date date, fuzzy_date agreed, const char *reason)
{
    assert_true(s->n_revisions < MAXR);
    revision *v = &s->revisions[s->n_revisions++];
    v->date = date;
    v->agreed = agreed;
    v->known = date_has_bounds(agreed) ? date_last_day(agreed) : DAY_ALWAYS;
    v->reason = reason;
    return v;
}

static milestone *fx_milestone(fixture *f, action *a, const char *title, fuzzy_date due,
                               entered_status status)
{
    assert_true(a->n_milestones < MAXM);
    size_t j = a->n_milestones++;
    milestone *m = &a->milestones[j];
    m->title = title;
    m->action = a;
    m->s.start = MONTH(2010, 4);
    m->s.due = due;
    f->ms_ups[a->index][j].known = DAY_ALWAYS;
    f->ms_ups[a->index][j].status = status;
    m->s.updates = &f->ms_ups[a->index][j];
    m->s.n_updates = 1;
    m->s.revisions = f->ms_revs[a->index][j];
    return m;
}

/* The exception row of action ref, or NULL. */
static const exception_row *row_of(const analysis *an, const char *ref)
{
    for (size_t i = 0; i < an->n_exceptions; i++)
        if (strcmp(an->exceptions[i].action->ref, ref) == 0) return &an->exceptions[i];
    return NULL;
}

static derived_status status_of(status_kind k, int days)
{
    derived_status d = {k, days, 0, 0, RAG_NONE};
    return d;
}

/* ---- roll-ups ------------------------------------------------------------------------- */

TEST(rollup_counts_by_theme_and_plan)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A"), *b = fx_theme(f, "B");
    fx_theme(f, "C"); /* no actions */
    day_t t = T(2010, 12, 31);
    fx_action(f, a, "A.1", MONTH(2010, 6), ENTERED_COMPLETE);           /* complete */
    fx_action(f, a, "A.2", MONTH(2010, 10), ENTERED_IN_PROGRESS);       /* overdue 61 */
    fx_action(f, a, "A.3", MONTH(2011, 3), ENTERED_IN_PROGRESS);        /* on target */
    fx_action(f, b, "B.1", MONTH(2010, 6), ENTERED_CANCELLED);          /* cancelled */
    action *x = fx_action(f, b, "B.2", MONTH(2011, 3), ENTERED_NOT_STARTED);
    x->s.start = MONTH(2011, 1);                                        /* not yet due */
    x = fx_action(f, b, "B.3", MONTH(2010, 12), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), NODATE, "later");                  /* rescheduled */
    fx_action(f, b, "B.4", MONTH(2011, 3), ENTERED_NOT_STARTED);        /* late start */
    fx_action(f, b, "B.5", MONTH(2010, 6), ENTERED_COMPLETE);           /* complete */

    analysis *an = analyse(&f->p, t, NULL, NULL);
    assert_int_equal(an->as_at, t);
    assert_int_equal(an->actions[1].kind, STATUS_OVERDUE);
    assert_int_equal(an->actions[1].days_overdue, 61);

    const rollup_counts *ra = &an->themes[0], *rb = &an->themes[1], *rc = &an->themes[2];
    assert_int_equal(ra->total, 3);
    assert_int_equal(ra->count[STATUS_COMPLETE], 1);
    assert_int_equal(ra->count[STATUS_OVERDUE], 1);
    assert_int_equal(ra->count[STATUS_ON_TARGET], 1);
    assert_int_equal(ra->complete, 1);
    assert_int_equal(ra->denominator, 3);
    assert_int_equal(ra->percent_complete, 33);
    assert_int_equal(ra->rag, LEVEL_RED);

    assert_int_equal(rb->total, 5);
    assert_int_equal(rb->count[STATUS_CANCELLED], 1);
    assert_int_equal(rb->count[STATUS_NOT_YET_DUE], 1);
    assert_int_equal(rb->count[STATUS_RESCHEDULED], 1);
    assert_int_equal(rb->count[STATUS_LATE_START], 1);
    assert_int_equal(rb->count[STATUS_COMPLETE], 1);
    assert_int_equal(rb->count[STATUS_OVERDUE], 0);
    assert_int_equal(rb->denominator, 4);
    assert_int_equal(rb->percent_complete, 25);
    assert_int_equal(rb->rag, LEVEL_AMBER);

    /* A theme with no actions has nothing to judge. */
    assert_int_equal(rc->total, 0);
    assert_int_equal(rc->percent_complete, -1);
    assert_int_equal(rc->rag, LEVEL_NONE);

    const rollup_counts *all = &an->overall;
    assert_int_equal(all->total, 8);
    assert_int_equal(all->count[STATUS_COMPLETE], 2);
    assert_int_equal(all->count[STATUS_CANCELLED], 1);
    assert_int_equal(all->count[STATUS_OVERDUE], 1);
    assert_int_equal(all->count[STATUS_ON_TARGET], 1);
    assert_int_equal(all->count[STATUS_NOT_YET_DUE], 1);
    assert_int_equal(all->count[STATUS_RESCHEDULED], 1);
    assert_int_equal(all->count[STATUS_LATE_START], 1);
    assert_int_equal(all->denominator, 7);
    assert_int_equal(all->percent_complete, 29); /* 2/7 = 28.6 */
    assert_int_equal(all->rag, LEVEL_RED);
    size_t sum = 0;
    for (int k = 0; k < STATUS__COUNT; k++) sum += all->count[k];
    assert_int_equal(sum, all->total);
    analysis_free(an);
    free(f);
}

static int percent(size_t complete, size_t other, size_t cancelled)
{
    rollup_counts r;
    memset(&r, 0, sizeof r);
    for (size_t i = 0; i < complete; i++) rollup_add(&r, status_of(STATUS_COMPLETE, 0));
    for (size_t i = 0; i < other; i++) rollup_add(&r, status_of(STATUS_ON_TARGET, 0));
    for (size_t i = 0; i < cancelled; i++) rollup_add(&r, status_of(STATUS_CANCELLED, 0));
    rollup_finish(&r, NULL);
    assert_int_equal(r.total, complete + other + cancelled);
    assert_int_equal(r.denominator, complete + other);
    return r.percent_complete;
}

TEST(percent_complete_rounds_half_up_and_leaves_out_cancelled)
{
    assert_int_equal(percent(2, 1, 0), 67);   /* 66.67 */
    assert_int_equal(percent(1, 2, 0), 33);   /* 33.33 */
    assert_int_equal(percent(1, 1, 0), 50);
    assert_int_equal(percent(1, 7, 0), 13);   /* 12.5 rounds up */
    assert_int_equal(percent(5, 3, 0), 63);   /* 62.5 rounds up */
    assert_int_equal(percent(1, 199, 0), 1);  /* 0.5 rounds up */
    assert_int_equal(percent(1, 200, 0), 0);  /* 0.497 rounds down */
    assert_int_equal(percent(199, 1, 0), 100); /* 99.5 rounds up */
    assert_int_equal(percent(398, 2, 0), 100); /* 99.5 */
    assert_int_equal(percent(397, 3, 0), 99);  /* 99.25 */
    assert_int_equal(percent(0, 3, 0), 0);
    assert_int_equal(percent(3, 0, 0), 100);
    assert_int_equal(percent(51, 9, 0), 85);  /* Norwich, June 2010 */
    /* Cancelled actions are out of both sides. */
    assert_int_equal(percent(1, 1, 1), 50);
    assert_int_equal(percent(2, 1, 5), 67);
    assert_int_equal(percent(3, 0, 2), 100);
    assert_int_equal(percent(0, 1, 3), 0);
}

TEST(percent_is_minus_one_when_all_cancelled)
{
    assert_int_equal(percent(0, 0, 3), -1);
    assert_int_equal(percent(0, 0, 0), -1);
    rollup_counts r;
    memset(&r, 0, sizeof r);
    rollup_add(&r, status_of(STATUS_CANCELLED, 0));
    rollup_finish(&r, NULL);
    assert_int_equal(r.rag, LEVEL_NONE);

    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    fx_action(f, a, "A.1", MONTH(2010, 6), ENTERED_CANCELLED);
    fx_action(f, a, "A.2", MONTH(2010, 6), ENTERED_CANCELLED);
    analysis *an = analyse(&f->p, T(2010, 12, 31), NULL, NULL);
    assert_int_equal(an->themes[0].percent_complete, -1);
    assert_int_equal(an->overall.percent_complete, -1);
    assert_int_equal(an->themes[0].rag, LEVEL_NONE);
    assert_int_equal(an->themes[0].total, 2);
    assert_int_equal(an->themes[0].denominator, 0);
    assert_int_equal(an->n_exceptions, 0);
    analysis_free(an);
    free(f);
}

/* Theme RAG of a set of statuses under a policy. */
static rag_level rag_of(const status_kind *kinds, size_t n, const rag_policy *policy)
{
    rollup_counts r;
    memset(&r, 0, sizeof r);
    for (size_t i = 0; i < n; i++) rollup_add(&r, status_of(kinds[i], kinds[i] == STATUS_OVERDUE));
    rollup_finish(&r, policy);
    return r.rag;
}

#define RAG(policy, ...)                                                                      \
    rag_of((const status_kind[]){__VA_ARGS__},                                               \
           sizeof((const status_kind[]){__VA_ARGS__}) / sizeof(status_kind), policy)

TEST(theme_rag_is_the_worst_of_its_actions)
{
    assert_int_equal(RAG(NULL, STATUS_COMPLETE), LEVEL_COMPLETE);
    assert_int_equal(RAG(NULL, STATUS_COMPLETE, STATUS_NOT_YET_DUE), LEVEL_NOT_DUE);
    assert_int_equal(RAG(NULL, STATUS_COMPLETE, STATUS_NOT_YET_DUE, STATUS_ON_TARGET),
                     LEVEL_GREEN);
    assert_int_equal(RAG(NULL, STATUS_ON_TARGET, STATUS_LATE_START), LEVEL_AMBER);
    assert_int_equal(RAG(NULL, STATUS_ON_TARGET, STATUS_RESCHEDULED), LEVEL_AMBER);
    assert_int_equal(RAG(NULL, STATUS_RESCHEDULED, STATUS_LATE_START), LEVEL_AMBER);
    assert_int_equal(RAG(NULL, STATUS_COMPLETE, STATUS_COMPLETE, STATUS_COMPLETE,
                         STATUS_RESCHEDULED, STATUS_OVERDUE), LEVEL_RED);
    /* One overdue action among many complete ones makes the theme Red. */
    assert_int_equal(RAG(NULL, STATUS_COMPLETE, STATUS_COMPLETE, STATUS_COMPLETE,
                         STATUS_COMPLETE, STATUS_OVERDUE), LEVEL_RED);
    /* Cancelled actions do not count. */
    assert_int_equal(RAG(NULL, STATUS_CANCELLED, STATUS_COMPLETE), LEVEL_COMPLETE);
    assert_int_equal(RAG(NULL, STATUS_CANCELLED, STATUS_NOT_YET_DUE), LEVEL_NOT_DUE);
    /* The default policy (zeroed) is worst-of. */
    rag_policy worst = {THEME_RAG_WORST, 20, 10};
    assert_int_equal(RAG(&worst, STATUS_COMPLETE, STATUS_COMPLETE, STATUS_COMPLETE,
                         STATUS_COMPLETE, STATUS_COMPLETE, STATUS_COMPLETE, STATUS_OVERDUE),
                     LEVEL_RED);
}

TEST(theme_rag_threshold_policy)
{
    rag_policy p = {THEME_RAG_THRESHOLD, 20, 10};
    /* 1 of 5 overdue = 20%: Red. */
    assert_int_equal(RAG(&p, STATUS_OVERDUE, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_ON_TARGET), LEVEL_RED);
    /* 1 of 6 overdue = 16.7%: not Red; slipping 16.7% >= 10%: Amber. */
    assert_int_equal(RAG(&p, STATUS_OVERDUE, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET), LEVEL_AMBER);
    /* Rescheduled and late start count towards Amber, not Red. */
    assert_int_equal(RAG(&p, STATUS_RESCHEDULED, STATUS_LATE_START, STATUS_ON_TARGET),
                     LEVEL_AMBER);
    /* 1 of 10 rescheduled = 10%: Amber; 1 of 11 = 9.1%: Green. */
    assert_int_equal(RAG(&p, STATUS_RESCHEDULED, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET), LEVEL_AMBER);
    assert_int_equal(RAG(&p, STATUS_RESCHEDULED, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET),
                     LEVEL_GREEN);
    assert_int_equal(RAG(&p, STATUS_ON_TARGET, STATUS_COMPLETE, STATUS_NOT_YET_DUE),
                     LEVEL_GREEN);
    /* Everything complete: Complete. */
    assert_int_equal(RAG(&p, STATUS_COMPLETE, STATUS_COMPLETE), LEVEL_COMPLETE);
    assert_int_equal(RAG(&p, STATUS_COMPLETE, STATUS_CANCELLED), LEVEL_COMPLETE);
    /* Cancelled actions are out of the denominator: 1 of 4 live = 25%: Red. */
    assert_int_equal(RAG(&p, STATUS_OVERDUE, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_CANCELLED, STATUS_CANCELLED), LEVEL_RED);
    /* A 0% red threshold still needs an overdue action. */
    rag_policy zero = {THEME_RAG_THRESHOLD, 0, 0};
    assert_int_equal(RAG(&zero, STATUS_ON_TARGET), LEVEL_GREEN);
    assert_int_equal(RAG(&zero, STATUS_RESCHEDULED), LEVEL_AMBER);
    assert_int_equal(RAG(&zero, STATUS_OVERDUE, STATUS_ON_TARGET), LEVEL_RED);
    /* Same statuses, different verdicts: worst-of says Red. */
    assert_int_equal(RAG(NULL, STATUS_OVERDUE, STATUS_ON_TARGET, STATUS_ON_TARGET,
                         STATUS_ON_TARGET, STATUS_ON_TARGET, STATUS_ON_TARGET), LEVEL_RED);
}

TEST(threshold_policy_through_analyse)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    fx_action(f, a, "A.1", MONTH(2010, 10), ENTERED_IN_PROGRESS); /* overdue */
    for (int i = 0; i < 5; i++) fx_action(f, a, "A.x", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    rag_policy p = {THEME_RAG_THRESHOLD, 20, 10};
    analysis *an = analyse(&f->p, T(2010, 12, 31), NULL, &p);
    assert_int_equal(an->themes[0].rag, LEVEL_AMBER); /* 1 of 6 */
    assert_int_equal(an->policy.method, THEME_RAG_THRESHOLD);
    analysis_free(an);
    an = analyse(&f->p, T(2010, 12, 31), NULL, NULL);
    assert_int_equal(an->themes[0].rag, LEVEL_RED);
    analysis_free(an);
    free(f);
}

/* ---- exceptions -------------------------------------------------------------------------- */

TEST(exceptions_include_and_exclude)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    day_t t = T(2010, 12, 31);
    fx_action(f, a, "A.1", MONTH(2010, 10), ENTERED_IN_PROGRESS);            /* overdue */
    action *x = fx_action(f, a, "A.2", MONTH(2010, 11), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 11, 24), "slipped");          /* rescheduled */
    x = fx_action(f, a, "A.3", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    x->s.updates[0].rag = RAG_RED;                                                      /* reported red */
    x = fx_action(f, a, "A.4", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    x->s.updates[0].rag = RAG_AMBER;                                                    /* reported amber */
    x = fx_action(f, a, "A.5", MONTH(2011, 3), ENTERED_NOT_STARTED);
    x->s.updates[0].rag = RAG_GREEN;                                                    /* optimistic */
    fx_action(f, a, "A.6", MONTH(2010, 6), ENTERED_COMPLETE);               /* complete */
    x = fx_action(f, a, "A.7", MONTH(2010, 6), ENTERED_CANCELLED);           /* cancelled */
    x->s.updates[0].rag = RAG_RED;
    x = fx_action(f, a, "A.8", MONTH(2011, 3), ENTERED_IN_PROGRESS);         /* on target */
    x->s.updates[0].rag = RAG_GREEN;
    x = fx_action(f, a, "A.9", MONTH(2011, 3), ENTERED_IN_PROGRESS);         /* not yet due */
    x->s.start = MONTH(2011, 1);
    x = fx_action(f, a, "A.10", MONTH(2010, 6), ENTERED_COMPLETE);          /* complete, */
    x->s.updates[0].rag = RAG_RED;                                                      /* stale red */
    x = fx_action(f, a, "A.11", MONTH(2010, 10), ENTERED_IN_PROGRESS);       /* overdue and */
    x->s.updates[0].rag = RAG_GREEN;                                                    /* optimistic */

    analysis *an = analyse(&f->p, t, NULL, NULL);
    assert_int_equal(an->n_exceptions, 6);
    const exception_row *r;
    assert_non_null(r = row_of(an, "A.1"));
    assert_int_equal(r->reasons, EXC_OVERDUE);
    assert_int_equal(r->status.kind, STATUS_OVERDUE);
    assert_int_equal(r->status.days_overdue, 61);
    assert_non_null(r = row_of(an, "A.2"));
    assert_int_equal(r->reasons, EXC_RESCHEDULED);
    assert_int_equal(r->n_revisions, 1);
    assert_string_equal(r->reason, "slipped");
    assert_non_null(r = row_of(an, "A.3"));
    assert_int_equal(r->reasons, EXC_REPORTED_RED);
    assert_int_equal(r->status.kind, STATUS_ON_TARGET);
    assert_non_null(r = row_of(an, "A.4"));
    assert_int_equal(r->reasons, EXC_REPORTED_AMBER);
    assert_non_null(r = row_of(an, "A.5"));
    assert_int_equal(r->reasons, EXC_OPTIMISTIC);
    assert_int_equal(r->status.kind, STATUS_LATE_START);
    assert_non_null(r = row_of(an, "A.11"));
    assert_int_equal(r->reasons, EXC_OVERDUE | EXC_OPTIMISTIC);
    assert_null(row_of(an, "A.6"));
    assert_null(row_of(an, "A.7"));
    assert_null(row_of(an, "A.8"));
    assert_null(row_of(an, "A.9"));
    assert_null(row_of(an, "A.10"));
    assert_int_equal(an->n_optimistic, 2);
    analysis_free(an);
    free(f);
}

TEST(no_exceptions)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    fx_action(f, a, "A.1", MONTH(2010, 6), ENTERED_COMPLETE);
    fx_action(f, a, "A.2", MONTH(2011, 6), ENTERED_IN_PROGRESS);
    analysis *an = analyse(&f->p, T(2010, 12, 31), NULL, NULL);
    assert_int_equal(an->n_exceptions, 0);
    assert_int_equal(an->n_groups, 0);
    assert_int_equal(an->n_optimistic, 0);
    analysis_free(an);
    free(f);
}

TEST(milestone_exceptions)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    day_t t = T(2010, 12, 31);
    /* On-target action with a rescheduled milestone: listed, for the milestone. */
    action *x = fx_action(f, a, "A.1", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    fx_milestone(f, x, "done", MONTH(2010, 6), ENTERED_COMPLETE);
    milestone *m = fx_milestone(f, x, "moved", MONTH(2010, 12), ENTERED_IN_PROGRESS);
    fx_revise(&m->s, MONTH(2011, 2), DAY(2010, 12, 1), "moved");
    /* On-target action with an overdue milestone: the action is overdue. */
    x = fx_action(f, a, "A.2", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    fx_milestone(f, x, "late", MONTH(2010, 11), ENTERED_IN_PROGRESS);
    /* Complete action: its open milestones are not exceptions. */
    x = fx_action(f, a, "A.3", MONTH(2010, 6), ENTERED_COMPLETE);
    fx_milestone(f, x, "left open", MONTH(2010, 5), ENTERED_IN_PROGRESS);
    /* On-target action whose milestone is reported red. */
    x = fx_action(f, a, "A.4", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    m = fx_milestone(f, x, "worrying", MONTH(2011, 2), ENTERED_IN_PROGRESS);
    m->s.updates[0].rag = RAG_RED;
    /* Cancelled milestone overdue: nothing. */
    x = fx_action(f, a, "A.5", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    fx_milestone(f, x, "dropped", MONTH(2010, 5), ENTERED_CANCELLED);

    analysis *an = analyse(&f->p, t, NULL, NULL);
    assert_int_equal(an->milestones[0][0].kind, STATUS_COMPLETE);
    assert_int_equal(an->milestones[0][1].kind, STATUS_RESCHEDULED);
    assert_int_equal(an->milestones[1][0].kind, STATUS_OVERDUE);
    assert_int_equal(an->milestones[1][0].days_overdue, 31);

    const exception_row *r;
    assert_non_null(r = row_of(an, "A.1"));
    assert_int_equal(r->status.kind, STATUS_ON_TARGET);
    assert_int_equal(r->reasons, EXC_RESCHEDULED);
    assert_int_equal(r->n_milestones, 2);
    assert_ptr_equal(r->milestones[0].milestone, &f->actions[0].milestones[0]);
    assert_int_equal(r->milestones[0].reasons, 0);
    assert_int_equal(r->milestones[1].reasons, EXC_RESCHEDULED);
    assert_int_equal(r->milestones[1].status.kind, STATUS_RESCHEDULED);

    assert_non_null(r = row_of(an, "A.2"));
    assert_int_equal(r->status.kind, STATUS_OVERDUE);
    assert_int_equal(r->status.days_overdue, 31);
    assert_true(r->status.overdue_milestone);
    assert_int_equal(r->reasons, EXC_OVERDUE);
    assert_int_equal(r->milestones[0].reasons, EXC_OVERDUE);

    assert_null(row_of(an, "A.3"));
    assert_non_null(r = row_of(an, "A.4"));
    assert_int_equal(r->reasons, EXC_REPORTED_RED);
    assert_int_equal(r->milestones[0].reasons, EXC_REPORTED_RED);
    assert_null(row_of(an, "A.5"));
    assert_int_equal(an->n_exceptions, 3);
    analysis_free(an);
    free(f);
}

TEST(grouped_by_theme_in_plan_order_and_natural_ref_order)
{
    fixture *f = fx_new();
    /* Themes in plan order Z, A, M; M has no exceptions. */
    theme *z = fx_theme(f, "Z"), *a = fx_theme(f, "A"), *m = fx_theme(f, "M");
    fuzzy_date late = MONTH(2010, 10);
    fx_action(f, a, "A.10", late, ENTERED_IN_PROGRESS);
    fx_action(f, z, "Z.2", late, ENTERED_IN_PROGRESS);
    fx_action(f, a, "A.2", late, ENTERED_IN_PROGRESS);
    fx_action(f, m, "M.1", MONTH(2011, 3), ENTERED_IN_PROGRESS);
    fx_action(f, a, "A.1", late, ENTERED_IN_PROGRESS);
    fx_action(f, z, "Z.10", late, ENTERED_IN_PROGRESS);
    fx_action(f, a, "A.9", late, ENTERED_IN_PROGRESS);
    fx_action(f, z, "Z.1.2", late, ENTERED_IN_PROGRESS);

    analysis *an = analyse(&f->p, T(2010, 12, 31), NULL, NULL);
    static const char *const want[] = {"Z.1.2", "Z.2", "Z.10", "A.1", "A.2", "A.9", "A.10"};
    assert_int_equal(an->n_exceptions, 7);
    for (size_t i = 0; i < 7; i++) assert_string_equal(an->exceptions[i].action->ref, want[i]);
    assert_int_equal(an->n_groups, 2);
    assert_ptr_equal(an->groups[0].theme, z);
    assert_int_equal(an->groups[0].n_rows, 3);
    assert_ptr_equal(an->groups[0].rows, &an->exceptions[0]);
    assert_ptr_equal(an->groups[1].theme, a);
    assert_int_equal(an->groups[1].n_rows, 4);
    assert_ptr_equal(an->groups[1].rows, &an->exceptions[3]);
    assert_string_equal(an->groups[1].rows[3].action->ref, "A.10");
    analysis_free(an);
    free(f);
}

/* With P (domain 5a), every column uses the same rule: each revision known at T is in
 * force and shown, those agreed after P marked new; a row that is only rescheduled is
 * listed when a revision was agreed after P. */
TEST(since_marks_revisions_agreed_after_P)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    day_t t = T(2010, 12, 31), p = T(2010, 9, 30);
    /* Rescheduled twice: once before P, once after. Both show; the later is new. */
    action *x = fx_action(f, a, "A.1", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2010, 11), DAY(2010, 7, 15), "first");
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 11, 10), "second");
    /* Rescheduled only before P: old news, left out. */
    x = fx_action(f, a, "A.2", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 7, 15), "old");
    /* Agreed on P itself: not after P, left out. */
    x = fx_action(f, a, "A.3", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 9, 30), "on the day");
    /* Agreed the day after P: shown. */
    x = fx_action(f, a, "A.4", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 10, 1), "day after");
    /* Overdue with an old revision: stays, showing it (it is in force). */
    x = fx_action(f, a, "A.5", MONTH(2010, 6), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2010, 10), DAY(2010, 7, 1), "old slip");
    x->s.updates[0].progress = "progress note";
    /* Agreement date unknown, no updated date: known at any date, so old news. */
    x = fx_action(f, a, "A.6", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), NODATE, "undated");
    /* Rescheduled before P but reported red: stays for the red. */
    x = fx_action(f, a, "A.7", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 7, 15), "old but red");
    x->s.updates[0].rag = RAG_RED;
    /* Action rescheduled long ago but a milestone revised since P: fresh. */
    x = fx_action(f, a, "A.8", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 7, 15), "old");
    milestone *m = fx_milestone(f, x, "step", MONTH(2010, 11), ENTERED_IN_PROGRESS);
    fx_revise(&m->s, MONTH(2011, 2), DAY(2010, 12, 1), "milestone moved");

    analysis *all = analyse(&f->p, t, NULL, NULL);
    assert_int_equal(all->n_exceptions, 8);
    assert_false(all->has_since);
    const exception_row *r = row_of(all, "A.1");
    assert_int_equal(r->n_revisions, 2);
    assert_string_equal(r->revisions[0]->reason, "first");
    assert_string_equal(r->reason, "second");
    analysis_free(all);

    analysis *an = analyse(&f->p, t, &p, NULL);
    assert_true(an->has_since);
    assert_int_equal(an->since, p);
    assert_non_null(r = row_of(an, "A.1"));
    assert_int_equal(r->n_revisions, 2);
    assert_int_equal(r->first_new, 1);
    assert_string_equal(r->revisions[0]->reason, "first");
    assert_string_equal(r->revisions[1]->reason, "second");
    assert_string_equal(r->reason, "second");
    assert_null(row_of(an, "A.2"));
    assert_null(row_of(an, "A.3"));
    assert_non_null(r = row_of(an, "A.4"));
    assert_int_equal(r->n_revisions, 1);
    assert_int_equal(r->first_new, 0);
    /* The old revision is in force: When shows it, Days overdue counts from it. */
    assert_non_null(r = row_of(an, "A.5"));
    assert_int_equal(r->status.kind, STATUS_OVERDUE);
    assert_int_equal(r->status.days_overdue, 61);
    assert_int_equal(r->n_revisions, 1);
    assert_int_equal(r->first_new, 1);
    assert_string_equal(r->reason, "old slip");
    assert_null(row_of(an, "A.6"));
    assert_non_null(r = row_of(an, "A.7"));
    assert_int_equal(r->reasons, EXC_RESCHEDULED | EXC_REPORTED_RED);
    assert_int_equal(r->n_revisions, 1);
    assert_int_equal(r->first_new, 1);
    assert_non_null(r = row_of(an, "A.8"));
    assert_int_equal(an->n_exceptions, 5);
    analysis_free(an);
    free(f);
}

TEST(revisions_agreed_after_T_are_not_shown)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    day_t t = T(2010, 12, 31);
    /* Revised twice: once within the period, once after T. */
    action *x = fx_action(f, a, "A.1", MONTH(2010, 11), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 1), DAY(2010, 11, 20), "first");
    fx_revise(&x->s, MONTH(2011, 6), DAY(2011, 1, 20), "after T");
    /* Only revision agreed after T: overdue at T, showing no revision. */
    x = fx_action(f, a, "A.2", MONTH(2010, 10), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 3), DAY(2011, 1, 5), "too late");
    x->s.updates[0].progress = "SHMNA not yet complete";
    analysis *an = analyse(&f->p, t, NULL, NULL);
    const exception_row *r;
    assert_non_null(r = row_of(an, "A.1"));
    assert_int_equal(r->status.kind, STATUS_RESCHEDULED);
    assert_int_equal(r->n_revisions, 1);
    assert_string_equal(r->revisions[0]->reason, "first");
    assert_string_equal(r->reason, "first");
    assert_non_null(r = row_of(an, "A.2"));
    assert_int_equal(r->status.kind, STATUS_OVERDUE);
    assert_int_equal(r->status.days_overdue, 61);
    assert_int_equal(r->n_revisions, 0);
    assert_string_equal(r->reason, "SHMNA not yet complete");
    analysis_free(an);
    /* A month later both are in force. */
    an = analyse(&f->p, T(2011, 1, 31), NULL, NULL);
    assert_int_equal(row_of(an, "A.1")->n_revisions, 2);
    assert_int_equal(row_of(an, "A.2")->status.kind, STATUS_RESCHEDULED);
    analysis_free(an);
    free(f);
}

TEST(row_reason_falls_back_to_progress)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    action *x = fx_action(f, a, "A.1", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    x->s.updates[0].progress = "waiting for the panel";
    x = fx_action(f, a, "A.2", MONTH(2010, 8), ENTERED_IN_PROGRESS);
    x->s.updates[0].progress = "progress";
    fx_revise(&x->s, MONTH(2010, 9), DAY(2010, 7, 1), "first reason");
    fx_revise(&x->s, MONTH(2011, 3), DAY(2010, 9, 1), NULL); /* no reason given */
    analysis *an = analyse(&f->p, T(2010, 12, 31), NULL, NULL);
    assert_string_equal(row_of(an, "A.1")->reason, "waiting for the panel");
    /* The latest revision with a reason. */
    assert_string_equal(row_of(an, "A.2")->reason, "first reason");
    analysis_free(an);
    free(f);
}

/* ---- count_actions: due in a period -------------------------------------------------------------- */

/* Actions, cancelled ones left out, whose due date in force falls in [from, to]. */
static size_t due_between(const analysis *an, day_t from, day_t to)
{
    return count_actions(an, &(action_filter){COUNT_NOT_CANCELLED, NULL, 1, from, to});
}

TEST(count_due_between_inclusive)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    fx_action(f, a, "A.1", MONTH(2010, 4), ENTERED_IN_PROGRESS);      /* 30 April 2010 */
    fx_action(f, a, "A.2", DAY(2011, 3, 31), ENTERED_COMPLETE);       /* 31 March 2011 */
    fx_action(f, a, "A.3", MONTH(2010, 6), ENTERED_CANCELLED);        /* cancelled */
    fx_action(f, a, "A.4", ONGOING, ENTERED_IN_PROGRESS);             /* no due date */
    fx_action(f, a, "A.5", NODATE, ENTERED_IN_PROGRESS);
    action *x = fx_action(f, a, "A.6", MONTH(2010, 3), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2010, 9), NODATE, NULL);                   /* now 30 September */
    x = fx_action(f, a, "A.7", MONTH(2010, 9), ENTERED_IN_PROGRESS);
    fx_revise(&x->s, MONTH(2011, 6), NODATE, NULL);                   /* moved out */
    fx_action(f, a, "A.8", (fuzzy_date){DATE_FYEAR, 2010, 0, 0, 0}, ENTERED_IN_PROGRESS);

    day_t from = T(2010, 4, 1), to = T(2011, 3, 31);
    /* Revisions without an agreed date are in force at any date. */
    analysis *an = analyse(&f->p, T(2011, 3, 31), NULL, NULL);
    assert_int_equal(due_between(an, from, to), 4); /* A.1, A.2, A.6, A.8 */
    assert_int_equal(due_between(an, T(2010, 4, 1), T(2010, 4, 29)), 0);
    assert_int_equal(due_between(an, T(2010, 4, 30), T(2010, 4, 30)), 1);
    assert_int_equal(due_between(an, T(2010, 5, 1), T(2011, 3, 30)), 1);
    assert_int_equal(due_between(an, T(2011, 3, 31), T(2011, 3, 31)), 2);
    assert_int_equal(due_between(an, T(2010, 3, 1), T(2010, 3, 31)), 0);
    assert_int_equal(due_between(an, T(2011, 4, 1), T(2011, 12, 31)), 1);
    assert_int_equal(due_between(an, to, from), 0);
    analysis_free(an);
    free(f);
}

/* ---- labels ---------------------------------------------------------------------------- */

static const char *label(strbuf *sb) { return sb->data ? sb->data : ""; }

TEST(label_status_words)
{
    strbuf sb = STRBUF_INIT;
    label_status(&sb, status_of(STATUS_OVERDUE, 1));
    assert_string_equal(label(&sb), "Overdue: 1 day");
    sb_reset(&sb);
    label_status(&sb, status_of(STATUS_OVERDUE, 40));
    assert_string_equal(label(&sb), "Overdue: 40 days");
    sb_reset(&sb);
    label_status(&sb, status_of(STATUS_RESCHEDULED, 0));
    assert_string_equal(label(&sb), "Rescheduled");
    sb_reset(&sb);
    label_status(&sb, status_of(STATUS_LATE_START, 0));
    assert_string_equal(label(&sb), "Late start");
    sb_reset(&sb);
    label_status(&sb, status_of(STATUS_NOT_YET_DUE, 0));
    assert_string_equal(label(&sb), "Not yet due");
    sb_reset(&sb);
    label_status(&sb, status_of(STATUS_ON_TARGET, 0));
    assert_string_equal(label(&sb), "On target");
    sb_reset(&sb);
    label_status(&sb, status_of(STATUS_COMPLETE, 0));
    assert_string_equal(label(&sb), "Complete");
    sb_reset(&sb);
    label_status(&sb, status_of(STATUS_CANCELLED, 0));
    assert_string_equal(label(&sb), "Cancelled");
    sb_free(&sb);
}

TEST(label_optimistic_words)
{
    strbuf sb = STRBUF_INIT;
    derived_status d = {STATUS_OVERDUE, 40, 0, 1, RAG_GREEN};
    label_optimistic(&sb, d);
    assert_string_equal(label(&sb), "reported Green; 40 days overdue");
    sb_reset(&sb);
    d.days_overdue = 1;
    label_optimistic(&sb, d);
    assert_string_equal(label(&sb), "reported Green; 1 day overdue");
    sb_reset(&sb);
    d.reported = RAG_AMBER;
    d.days_overdue = 3;
    label_optimistic(&sb, d);
    assert_string_equal(label(&sb), "reported Amber; 3 days overdue");
    sb_reset(&sb);
    d = (derived_status){STATUS_RESCHEDULED, 0, 0, 1, RAG_GREEN};
    label_optimistic(&sb, d);
    assert_string_equal(label(&sb), "reported Green; rescheduled");
    sb_reset(&sb);
    d = (derived_status){STATUS_LATE_START, 0, 0, 1, RAG_GREEN};
    label_optimistic(&sb, d);
    assert_string_equal(label(&sb), "reported Green; not started");
    sb_reset(&sb);
    d = (derived_status){STATUS_ON_TARGET, 0, 0, 1, RAG_COMPLETE};
    label_optimistic(&sb, d);
    assert_string_equal(label(&sb), "reported Complete; not complete");
    sb_reset(&sb);
    /* Not optimistic: nothing. */
    d = (derived_status){STATUS_OVERDUE, 40, 0, 0, RAG_COMPLETE};
    label_optimistic(&sb, d);
    assert_int_equal(sb.len, 0);
    sb_free(&sb);
}

TEST(label_optimistic_through_analyse)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    action *x = fx_action(f, a, "A.3", DAY(2010, 10, 31), ENTERED_IN_PROGRESS);
    x->s.updates[0].rag = RAG_GREEN;
    analysis *an = analyse(&f->p, T(2010, 12, 10), NULL, NULL);
    strbuf sb = STRBUF_INIT;
    label_optimistic(&sb, an->actions[0]);
    assert_string_equal(label(&sb), "reported Green; 40 days overdue");
    sb_reset(&sb);
    label_status(&sb, an->actions[0]);
    assert_string_equal(label(&sb), "Overdue: 40 days");
    sb_free(&sb);
    analysis_free(an);
    free(f);
}

TEST(label_when_words)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    action *x = fx_action(f, a, "A.1", MONTH(2010, 12), ENTERED_IN_PROGRESS);
    strbuf sb = STRBUF_INIT;
    label_when(&sb, &x->s, NULL, 0, 0, 0);
    assert_string_equal(label(&sb), "December 2010");
    sb_reset(&sb);
    const revision *revs[2];
    revs[0] = fx_revise(&x->s, MONTH(2011, 3), NODATE, NULL);
    label_when(&sb, &x->s, revs, 1, 1, 0);
    assert_string_equal(label(&sb), "December 2010, revised March 2011");
    sb_reset(&sb);
    revs[1] = fx_revise(&x->s, (fuzzy_date){DATE_QUARTER, 2011, 0, 0, 1}, DAY(2011, 2, 15), NULL);
    label_when(&sb, &x->s, revs, 2, 2, 0);
    assert_string_equal(label(&sb), "December 2010, revised March 2011, revised Q1 2011/12 "
                                    "(agreed 15 February 2011)");
    sb_reset(&sb);
    label_when(&sb, &x->s, revs, 2, 2, 1);
    assert_string_equal(label(&sb), "Dec 2010, revised Mar 2011, revised Q1 2011/12 "
                                    "(agreed 15 Feb 2011)");
    /* Revisions agreed since the previous report are marked. */
    sb_reset(&sb);
    label_when(&sb, &x->s, revs, 2, 0, 1);
    assert_string_equal(label(&sb), "Dec 2010, revised Mar 2011 (new), revised Q1 2011/12 "
                                    "(agreed 15 Feb 2011, new)");
    sb_reset(&sb);
    action *y = fx_action(f, a, "A.2", NODATE, ENTERED_IN_PROGRESS);
    label_when(&sb, &y->s, NULL, 0, 0, 0);
    assert_string_equal(label(&sb), "no date");
    sb_reset(&sb);
    action *z = fx_action(f, a, "A.3", ONGOING, ENTERED_IN_PROGRESS);
    label_when(&sb, &z->s, NULL, 0, 0, 0);
    assert_string_equal(label(&sb), "ongoing");
    sb_free(&sb);
    free(f);
}

TEST(label_who_percent_reasons)
{
    fixture *f = fx_new();
    theme *a = fx_theme(f, "A");
    action *x = fx_action(f, a, "A.1", MONTH(2010, 12), ENTERED_IN_PROGRESS);
    x->s.who[0] = &f->people[0];
    x->s.who[1] = &f->people[1];
    x->s.n_who = 2;
    strbuf sb = STRBUF_INIT;
    label_who(&sb, &x->s);
    assert_string_equal(label(&sb), "Web Manager / HSM");
    sb_reset(&sb);
    label_percent(&sb, 67);
    assert_string_equal(label(&sb), "67%");
    sb_reset(&sb);
    label_percent(&sb, 0);
    assert_string_equal(label(&sb), "0%");
    sb_reset(&sb);
    label_percent(&sb, -1);
    assert_string_equal(label(&sb), "-");
    sb_reset(&sb);
    label_reasons(&sb, EXC_OVERDUE | EXC_REPORTED_RED);
    assert_string_equal(label(&sb), "overdue, reported Red");
    sb_reset(&sb);
    label_reasons(&sb, EXC_RESCHEDULED | EXC_REPORTED_AMBER | EXC_OPTIMISTIC);
    assert_string_equal(label(&sb), "rescheduled, reported Amber, optimistic report");
    sb_reset(&sb);
    label_reasons(&sb, 0);
    assert_int_equal(sb.len, 0);
    sb_free(&sb);
    free(f);
}

/* ---- natural order ------------------------------------------------------------------------ */

static int sign(int x) { return (x > 0) - (x < 0); }

static void assert_before(const char *a, const char *b)
{
    if (natcmp(a, b) >= 0) fail_msg("expected \"%s\" before \"%s\"", a, b);
    if (natcmp(b, a) <= 0) fail_msg("expected \"%s\" after \"%s\"", b, a);
}

static int cmp_str(const void *a, const void *b)
{
    return natcmp(*(const char *const *)a, *(const char *const *)b);
}

TEST(natcmp_cases)
{
    assert_before("A.2", "A.10");
    assert_before("A.9", "A.10");
    assert_before("A.1", "A.2");
    assert_before("KT2/1", "KT10/1");
    assert_before("KT2/1", "KT2/2");
    assert_before("KT2/9", "KT2/10");
    assert_before("SH1.2", "SH1.10");
    assert_before("SH1.10", "SH2.1");
    assert_before("SH2.2.1", "SH2.2.3");
    assert_before("A", "A.1");
    assert_before("A.1", "A.1.1");
    assert_before("A.10", "B.1");
    assert_before("R1", "R6");
    assert_before("x9a", "x10");
    assert_before("", "A");
    assert_int_equal(natcmp("A.1", "A.1"), 0);
    assert_int_equal(natcmp("", ""), 0);
    assert_int_equal(natcmp("a.1", "A.1"), 0);    /* case-insensitive */
    assert_int_equal(natcmp("A.02", "A.2"), 0);   /* leading zeros */
    assert_before("A.2", "A.003");
    /* Long digit runs compare as numbers without overflow. */
    assert_before("A.99999999999999999999", "A.100000000000000000000");
    assert_int_equal(sign(natcmp("B.1", "A.10")), 1);

    const char *refs[] = {"A.10", "B.1", "A.2", "A.1", "A.1.2", "A.1.10", "A.9", "KT10/1", "KT2/1"};
    qsort(refs, sizeof refs / sizeof refs[0], sizeof refs[0], cmp_str);
    static const char *const want[] = {"A.1", "A.1.2", "A.1.10", "A.2", "A.9", "A.10", "B.1",
                                       "KT2/1", "KT10/1"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) assert_string_equal(refs[i], want[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rollup_counts_by_theme_and_plan),
        cmocka_unit_test(percent_complete_rounds_half_up_and_leaves_out_cancelled),
        cmocka_unit_test(percent_is_minus_one_when_all_cancelled),
        cmocka_unit_test(theme_rag_is_the_worst_of_its_actions),
        cmocka_unit_test(theme_rag_threshold_policy),
        cmocka_unit_test(threshold_policy_through_analyse),
        cmocka_unit_test(exceptions_include_and_exclude),
        cmocka_unit_test(no_exceptions),
        cmocka_unit_test(milestone_exceptions),
        cmocka_unit_test(grouped_by_theme_in_plan_order_and_natural_ref_order),
        cmocka_unit_test(since_marks_revisions_agreed_after_P),
        cmocka_unit_test(revisions_agreed_after_T_are_not_shown),
        cmocka_unit_test(row_reason_falls_back_to_progress),
        cmocka_unit_test(count_due_between_inclusive),
        cmocka_unit_test(label_status_words),
        cmocka_unit_test(label_optimistic_words),
        cmocka_unit_test(label_optimistic_through_analyse),
        cmocka_unit_test(label_when_words),
        cmocka_unit_test(label_who_percent_reasons),
        cmocka_unit_test(natcmp_cases),
    };
    return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
