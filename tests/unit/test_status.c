/* test_status.c - the derived status rule table (README "Status rules", domain rules
 * section 3), row by row in order of precedence, on model structs built in C. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/history.h"
#include "analysis/status.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

/* ---- building model structs ------------------------------------------------------------ */

static fuzzy_date DAY(int y, int m, int d) { return (fuzzy_date){DATE_DAY, y, m, d, 0}; }
static fuzzy_date MONTH(int y, int m) { return (fuzzy_date){DATE_MONTH, y, m, 0, 0}; }
static fuzzy_date QUARTER(int fy, int q) { return (fuzzy_date){DATE_QUARTER, fy, 0, 0, q}; }
static fuzzy_date FYEAR(int fy) { return (fuzzy_date){DATE_FYEAR, fy, 0, 0, 0}; }
static const fuzzy_date ONGOING = {DATE_ONGOING, 0, 0, 0, 0};
static const fuzzy_date NODATE = {DATE_NONE, 0, 0, 0, 0};

static day_t T(int y, int m, int d) { return date_from_ymd(y, m, d); }

#define MAXREV 4
#define MAXMS 4

/* What was entered about each schedule is one undated update (known at any date, as in
 * a plan with no 'updated' date): updates[0]. Dated histories are test_history.c's. */
typedef struct {
    action a;
    schedule_update up;
    revision revs[MAXREV];
    milestone ms[MAXMS];
    schedule_update ms_up[MAXMS];
    revision ms_revs[MAXMS][MAXREV];
} fixture;

/* Every revision is known; the current due date and whether it is later. */
static fuzzy_date schedule_current_due(const schedule *s) { return schedule_due_at(s, DAY_NEVER); }
static int schedule_is_rescheduled(const schedule *s) { return schedule_is_rescheduled_at(s, DAY_NEVER); }
static int revision_in_force(const revision *v, day_t t) { return known_at(v->known, t); }
/* Agreed on d: known from the last day of d. */
static void agree(revision *v, fuzzy_date d)
{
    v->agreed = d;
    v->known = date_last_day(d);
}

/* An in-progress action started 1 April 2010, due d, no RAG. */
static void init(fixture *f, fuzzy_date due)
{
    memset(f, 0, sizeof *f);
    f->a.ref = "A.1";
    f->a.description = "Test action";
    f->a.s.start = MONTH(2010, 4);
    f->a.s.due = due;
    f->a.s.updates = &f->up;
    f->a.s.n_updates = 1;
    f->up.known = DAY_ALWAYS;
    f->up.status = ENTERED_IN_PROGRESS;
    f->a.s.revisions = f->revs;
    f->a.milestones = f->ms;
}

static revision *revise(schedule *s, fuzzy_date date)
{
    assert_true(s->n_revisions < MAXREV);
    revision *v = &s->revisions[s->n_revisions++];
    memset(v, 0, sizeof *v);
    v->date = date;
    v->reason = "test";
    v->known = DAY_ALWAYS;
    return v;
}

static milestone *add_milestone(fixture *f, fuzzy_date due, entered_status st)
{
    assert_true(f->a.n_milestones < MAXMS);
    size_t i = f->a.n_milestones++;
    milestone *m = &f->ms[i];
    memset(m, 0, sizeof *m);
    m->title = "Milestone";
    m->action = &f->a;
    m->s.start = MONTH(2010, 4);
    m->s.due = due;
    memset(&f->ms_up[i], 0, sizeof f->ms_up[i]);
    f->ms_up[i].known = DAY_ALWAYS;
    f->ms_up[i].status = st;
    m->s.updates = &f->ms_up[i];
    m->s.n_updates = 1;
    m->s.revisions = f->ms_revs[i];
    return m;
}

static derived_status st(const fixture *f, day_t t) { return action_status(&f->a, t); }

#define assert_status(d, k) assert_string_equal(status_kind_name((d).kind), status_kind_name(k))

/* ---- row 1: cancelled -------------------------------------------------------------------- */

TEST(cancelled_beats_everything)
{
    fixture f;
    init(&f, MONTH(2010, 6));
    f.a.s.updates[0].status = ENTERED_CANCELLED;
    f.a.s.updates[0].rag = RAG_GREEN;
    revise(&f.a.s, MONTH(2010, 9)); /* rescheduled, and overdue by December */
    add_milestone(&f, MONTH(2010, 5), ENTERED_IN_PROGRESS);
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_CANCELLED);
    assert_int_equal(d.days_overdue, 0);
    assert_int_equal(d.optimistic, 0);
    assert_int_equal(d.overdue_milestone, 0);
    assert_int_equal(status_level(d.kind), LEVEL_NONE);
}

TEST(cancelled_with_a_completion_date_is_cancelled)
{
    fixture f;
    init(&f, MONTH(2010, 6));
    f.a.s.updates[0].status = ENTERED_CANCELLED;
    f.a.s.updates[0].completed = DAY(2010, 5, 1);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_CANCELLED);
}

TEST(cancelled_milestone_is_cancelled)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    milestone *m = add_milestone(&f, MONTH(2010, 5), ENTERED_CANCELLED);
    assert_status(milestone_status(m, T(2010, 12, 31)), STATUS_CANCELLED);
}

/* ---- row 2: complete --------------------------------------------------------------------- */

TEST(entered_complete_without_date_is_complete)
{
    fixture f;
    init(&f, MONTH(2010, 6));
    f.a.s.updates[0].status = ENTERED_COMPLETE;
    /* Long past its due date and rescheduled: complete wins. */
    revise(&f.a.s, MONTH(2010, 9));
    derived_status d = st(&f, T(2011, 6, 30));
    assert_status(d, STATUS_COMPLETE);
    assert_int_equal(d.days_overdue, 0);
    assert_int_equal(status_level(d.kind), LEVEL_COMPLETE);
}

TEST(complete_on_or_before_T)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].status = ENTERED_COMPLETE;
    f.a.s.updates[0].completed = DAY(2011, 1, 15); /* completed 15 days late */
    /* Completed after T: not complete at T. */
    assert_status(st(&f, T(2010, 12, 20)), STATUS_ON_TARGET);
    derived_status d = st(&f, T(2011, 1, 10));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 10);
    assert_status(st(&f, T(2011, 1, 14)), STATUS_OVERDUE);
    /* Completed on T and after. */
    assert_status(st(&f, T(2011, 1, 15)), STATUS_COMPLETE);
    assert_status(st(&f, T(2011, 1, 16)), STATUS_COMPLETE);
    assert_true(schedule_is_complete_at(&f.a.s, T(2011, 1, 15)));
    assert_false(schedule_is_complete_at(&f.a.s, T(2011, 1, 14)));
}

TEST(complete_by_month_counts_from_its_first_day)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    f.a.s.updates[0].status = ENTERED_COMPLETE;
    f.a.s.updates[0].completed = MONTH(2011, 1);
    assert_false(schedule_is_complete_at(&f.a.s, T(2010, 12, 31)));
    assert_true(schedule_is_complete_at(&f.a.s, T(2011, 1, 1)));
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
    assert_status(st(&f, T(2011, 1, 1)), STATUS_COMPLETE);
}

TEST(in_progress_with_completion_date_is_not_complete)
{
    /* Only the entered status makes an action complete; the loader refuses
     * `completed` without `status: complete`. */
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].completed = DAY(2010, 11, 1);
    assert_false(schedule_is_complete_at(&f.a.s, T(2010, 12, 1)));
    assert_status(st(&f, T(2010, 12, 1)), STATUS_ON_TARGET);
}

TEST(all_milestones_complete_completes_the_action)
{
    fixture f;
    init(&f, MONTH(2010, 6));
    add_milestone(&f, MONTH(2010, 5), ENTERED_COMPLETE);
    add_milestone(&f, MONTH(2010, 6), ENTERED_COMPLETE);
    /* The action itself is in progress and past due. */
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_COMPLETE);
    assert_int_equal(d.days_overdue, 0);
}

TEST(one_open_milestone_keeps_the_action_open)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    add_milestone(&f, MONTH(2010, 5), ENTERED_COMPLETE);
    add_milestone(&f, MONTH(2011, 2), ENTERED_IN_PROGRESS);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
}

TEST(milestone_completed_after_T_is_not_complete_at_T)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    add_milestone(&f, MONTH(2010, 5), ENTERED_COMPLETE);
    milestone *m = add_milestone(&f, MONTH(2011, 2), ENTERED_COMPLETE);
    m->s.updates[0].completed = DAY(2011, 1, 20);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
    assert_status(st(&f, T(2011, 1, 20)), STATUS_COMPLETE);
}

TEST(cancelled_milestones_are_ignored_for_completion)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    add_milestone(&f, MONTH(2010, 5), ENTERED_COMPLETE);
    add_milestone(&f, MONTH(2010, 6), ENTERED_CANCELLED);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_COMPLETE);
}

TEST(all_milestones_cancelled_do_not_complete)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    add_milestone(&f, MONTH(2010, 5), ENTERED_CANCELLED);
    add_milestone(&f, MONTH(2010, 6), ENTERED_CANCELLED);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
}

TEST(no_milestones_do_not_complete)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
}

/* ---- row 3: overdue -------------------------------------------------------------------- */

TEST(overdue_by_a_day_after_due_day)
{
    fixture f;
    init(&f, DAY(2010, 12, 31));
    derived_status d = st(&f, T(2011, 1, 1));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 1);
    assert_int_equal(d.overdue_milestone, 0);
    assert_int_equal(status_level(d.kind), LEVEL_RED);
}

TEST(due_on_T_is_not_overdue)
{
    fixture f;
    init(&f, DAY(2010, 12, 31));
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_ON_TARGET);
    assert_int_equal(d.days_overdue, 0);
}

TEST(month_due_means_its_last_day)
{
    fixture f;
    init(&f, MONTH(2010, 12)); /* due 31 December 2010 */
    assert_status(st(&f, T(2010, 12, 1)), STATUS_ON_TARGET);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
    derived_status d = st(&f, T(2011, 1, 1));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 1);
    assert_int_equal(st(&f, T(2011, 1, 31)).days_overdue, 31);
    assert_int_equal(st(&f, T(2011, 2, 9)).days_overdue, 40);
}

TEST(seed_004_sixty_one_days)
{
    /* "Determine evidence base", due October 2010, as at the end of Q3 2010/11. */
    fixture f;
    init(&f, MONTH(2010, 10));
    fuzzy_date q3 = QUARTER(2010, 3);
    derived_status d = st(&f, date_last_day(q3));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 61);
}

TEST(quarter_due_means_its_last_day)
{
    fixture f;
    init(&f, QUARTER(2010, 4)); /* "2010/11 Q4": due 31 March 2011 */
    assert_status(st(&f, T(2011, 1, 1)), STATUS_ON_TARGET);
    assert_status(st(&f, T(2011, 3, 31)), STATUS_ON_TARGET);
    derived_status d = st(&f, T(2011, 4, 1));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 1);
    init(&f, QUARTER(2010, 3)); /* Q3: due 31 December 2010 */
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
    assert_int_equal(st(&f, T(2011, 1, 1)).days_overdue, 1);
}

TEST(financial_year_due_means_31_march)
{
    fixture f;
    init(&f, FYEAR(2010)); /* 2010/11: due 31 March 2011 */
    assert_status(st(&f, T(2011, 3, 31)), STATUS_ON_TARGET);
    derived_status d = st(&f, T(2011, 4, 1));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 1);
    assert_int_equal(st(&f, T(2011, 4, 30)).days_overdue, 30);
}

TEST(leap_day_due)
{
    fixture f;
    init(&f, DAY(2012, 2, 29));
    assert_status(st(&f, T(2012, 2, 29)), STATUS_ON_TARGET);
    derived_status d = st(&f, T(2012, 3, 1));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 1);
    init(&f, MONTH(2012, 2)); /* February 2012 ends on the 29th */
    assert_status(st(&f, T(2012, 2, 29)), STATUS_ON_TARGET);
    assert_int_equal(st(&f, T(2012, 3, 1)).days_overdue, 1);
    init(&f, MONTH(2011, 2)); /* February 2011 ends on the 28th */
    assert_int_equal(st(&f, T(2011, 3, 1)).days_overdue, 1);
}

TEST(overdue_counts_from_the_current_due_date)
{
    fixture f;
    init(&f, MONTH(2010, 6));
    revise(&f.a.s, MONTH(2010, 12));
    assert_status(st(&f, T(2010, 9, 1)), STATUS_RESCHEDULED);
    derived_status d = st(&f, T(2011, 1, 5));
    assert_status(d, STATUS_OVERDUE); /* overdue beats rescheduled */
    assert_int_equal(d.days_overdue, 5);
}

TEST(overdue_beats_late_start)
{
    fixture f;
    init(&f, MONTH(2010, 6));
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    derived_status d = st(&f, T(2010, 7, 2));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 2);
}

TEST(ongoing_is_never_overdue)
{
    fixture f;
    init(&f, ONGOING);
    derived_status d = st(&f, T(2030, 1, 1));
    assert_status(d, STATUS_ON_TARGET);
    assert_int_equal(d.days_overdue, 0);
}

TEST(no_due_date_is_never_overdue)
{
    fixture f;
    init(&f, NODATE);
    assert_status(st(&f, T(2030, 1, 1)), STATUS_ON_TARGET);
}

/* ---- overdue via a milestone --------------------------------------------------------------- */

TEST(overdue_milestone_makes_action_overdue)
{
    fixture f;
    init(&f, MONTH(2011, 3)); /* the action itself is due later */
    milestone *m = add_milestone(&f, MONTH(2010, 11), ENTERED_IN_PROGRESS);
    day_t t = T(2010, 12, 31);
    derived_status ms = milestone_status(m, t);
    assert_status(ms, STATUS_OVERDUE);
    assert_int_equal(ms.days_overdue, 31);
    derived_status d = st(&f, t);
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 31);
    assert_int_equal(d.overdue_milestone, 1);
}

TEST(overdue_milestone_beats_rescheduled_action)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    revise(&f.a.s, MONTH(2011, 3));
    add_milestone(&f, MONTH(2010, 11), ENTERED_NOT_STARTED);
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 31);
}

TEST(days_overdue_is_the_maximum)
{
    fixture f;
    /* Action 10 days overdue, milestone 40: 40, because of the milestone. */
    init(&f, DAY(2010, 12, 21));
    add_milestone(&f, DAY(2010, 11, 21), ENTERED_IN_PROGRESS);
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 40);
    assert_int_equal(d.overdue_milestone, 1);
    /* Action 40 days overdue, milestone 10: 40, its own. */
    init(&f, DAY(2010, 11, 21));
    add_milestone(&f, DAY(2010, 12, 21), ENTERED_IN_PROGRESS);
    d = st(&f, T(2010, 12, 31));
    assert_int_equal(d.days_overdue, 40);
    assert_int_equal(d.overdue_milestone, 0);
    /* Two milestones: the worse one counts. */
    init(&f, MONTH(2011, 3));
    add_milestone(&f, DAY(2010, 12, 21), ENTERED_IN_PROGRESS);
    add_milestone(&f, DAY(2010, 11, 21), ENTERED_IN_PROGRESS);
    add_milestone(&f, DAY(2010, 12, 1), ENTERED_IN_PROGRESS);
    assert_int_equal(st(&f, T(2010, 12, 31)).days_overdue, 40);
}

TEST(complete_or_cancelled_milestones_are_not_overdue)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    add_milestone(&f, MONTH(2010, 6), ENTERED_COMPLETE);
    add_milestone(&f, MONTH(2010, 7), ENTERED_CANCELLED);
    add_milestone(&f, MONTH(2011, 2), ENTERED_IN_PROGRESS);
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_ON_TARGET);
    assert_int_equal(d.days_overdue, 0);
}

TEST(rescheduled_milestone_is_not_overdue)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    milestone *m = add_milestone(&f, MONTH(2010, 11), ENTERED_IN_PROGRESS);
    revise(&m->s, MONTH(2011, 2));
    assert_status(milestone_status(m, T(2010, 12, 31)), STATUS_RESCHEDULED);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_ON_TARGET);
}

TEST(complete_action_with_open_overdue_milestone_is_complete)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    f.a.s.updates[0].status = ENTERED_COMPLETE;
    add_milestone(&f, MONTH(2010, 6), ENTERED_IN_PROGRESS);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_COMPLETE);
}

/* ---- row 4: rescheduled ------------------------------------------------------------------- */

TEST(revised_later_is_rescheduled)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    revise(&f.a.s, MONTH(2011, 3));
    assert_true(schedule_is_rescheduled(&f.a.s));
    derived_status d = st(&f, T(2010, 11, 30));
    assert_status(d, STATUS_RESCHEDULED);
    assert_int_equal(status_level(d.kind), LEVEL_AMBER);
    /* Still rescheduled after the original date has passed, until the revised one has. */
    assert_status(st(&f, T(2011, 3, 31)), STATUS_RESCHEDULED);
    assert_status(st(&f, T(2011, 4, 1)), STATUS_OVERDUE);
}

TEST(current_due_is_the_last_revision)
{
    fixture f;
    init(&f, MONTH(2010, 11));
    fuzzy_date cur = schedule_current_due(&f.a.s);
    assert_int_equal(cur.kind, DATE_MONTH);
    assert_int_equal(cur.month, 11);
    revise(&f.a.s, MONTH(2011, 3));
    revise(&f.a.s, MONTH(2010, 12));
    cur = schedule_current_due(&f.a.s);
    assert_int_equal(cur.year, 2010);
    assert_int_equal(cur.month, 12);
    /* December is still later than the original November. */
    assert_true(schedule_is_rescheduled(&f.a.s));
    assert_status(st(&f, T(2010, 12, 15)), STATUS_RESCHEDULED);
    assert_int_equal(st(&f, T(2011, 1, 3)).days_overdue, 3);
}

TEST(revised_back_to_the_original_is_not_rescheduled)
{
    fixture f;
    init(&f, MONTH(2010, 11));
    revise(&f.a.s, MONTH(2011, 3));
    revise(&f.a.s, MONTH(2010, 11));
    assert_false(schedule_is_rescheduled(&f.a.s));
    assert_status(st(&f, T(2010, 10, 1)), STATUS_ON_TARGET);
}

TEST(revised_earlier_is_not_rescheduled)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    revise(&f.a.s, MONTH(2010, 12));
    assert_false(schedule_is_rescheduled(&f.a.s));
    assert_status(st(&f, T(2010, 11, 1)), STATUS_ON_TARGET);
    /* Brought forward, then missed: overdue from the revised date. */
    assert_int_equal(st(&f, T(2011, 1, 2)).days_overdue, 2);
}

TEST(revised_to_the_same_last_day_is_not_rescheduled)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    revise(&f.a.s, DAY(2010, 12, 31));
    assert_false(schedule_is_rescheduled(&f.a.s));
    init(&f, QUARTER(2010, 4));
    revise(&f.a.s, FYEAR(2010)); /* both end 31 March 2011 */
    assert_false(schedule_is_rescheduled(&f.a.s));
    init(&f, MONTH(2010, 12));
    revise(&f.a.s, DAY(2011, 1, 1)); /* one day later */
    assert_true(schedule_is_rescheduled(&f.a.s));
}

TEST(revised_to_ongoing_is_rescheduled_and_never_overdue)
{
    fixture f;
    init(&f, MONTH(2010, 9));
    revise(&f.a.s, ONGOING);
    assert_true(schedule_is_rescheduled(&f.a.s));
    derived_status d = st(&f, T(2012, 1, 1));
    assert_status(d, STATUS_RESCHEDULED);
    assert_int_equal(d.days_overdue, 0);
}

TEST(ongoing_given_a_date_is_not_rescheduled)
{
    fixture f;
    init(&f, ONGOING);
    revise(&f.a.s, MONTH(2011, 3));
    assert_false(schedule_is_rescheduled(&f.a.s));
}

TEST(no_revisions_is_not_rescheduled)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    assert_false(schedule_is_rescheduled(&f.a.s));
}

TEST(rescheduled_beats_late_start_and_not_yet_due)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    revise(&f.a.s, MONTH(2011, 3));
    assert_status(st(&f, T(2010, 6, 1)), STATUS_RESCHEDULED); /* started 1 April: late */
    init(&f, MONTH(2011, 2));
    f.a.s.start = MONTH(2011, 1);
    revise(&f.a.s, MONTH(2011, 3));
    assert_status(st(&f, T(2010, 12, 1)), STATUS_RESCHEDULED); /* starts after T */
}

/* ---- revisions in force as at T ---------------------------------------------------------- */

TEST(revision_agreed_after_T_is_not_in_force)
{
    /* Due October 2010; on 5 January 2011 the panel agreed March 2011. As at the end of
     * Q3 (31 December 2010) that revision had not been agreed: 61 days overdue. */
    fixture f;
    init(&f, MONTH(2010, 10));
    revision *v = revise(&f.a.s, MONTH(2011, 3));
    agree(v, DAY(2011, 1, 5));
    assert_false(revision_in_force(v, T(2011, 1, 4)));
    assert_true(revision_in_force(v, T(2011, 1, 5)));
    fuzzy_date due = schedule_due_at(&f.a.s, T(2010, 12, 31));
    assert_int_equal(due.kind, DATE_MONTH);
    assert_int_equal(due.month, 10);
    assert_false(schedule_is_rescheduled_at(&f.a.s, T(2010, 12, 31)));
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 61);
    assert_int_equal(st(&f, T(2011, 1, 4)).days_overdue, 65);
    /* From the day it was agreed, the revision is in force. */
    due = schedule_due_at(&f.a.s, T(2011, 1, 5));
    assert_int_equal(due.year, 2011);
    assert_int_equal(due.month, 3);
    assert_true(schedule_is_rescheduled_at(&f.a.s, T(2011, 1, 5)));
    assert_status(st(&f, T(2011, 1, 5)), STATUS_RESCHEDULED);
    /* The current due date ignores T. */
    assert_int_equal(schedule_current_due(&f.a.s).month, 3);
}

TEST(revision_without_agreed_date_or_updated_date_is_always_in_force)
{
    fixture f;
    init(&f, MONTH(2010, 10));
    revision *v = revise(&f.a.s, MONTH(2011, 3));
    assert_true(revision_in_force(v, T(2000, 1, 1)));
    assert_status(st(&f, T(2010, 6, 1)), STATUS_RESCHEDULED);
}

TEST(revision_agreed_in_a_month_is_in_force_from_its_last_day)
{
    /* "Agreed December 2010" is only known to be agreed by 31 December (domain 3a: an
     * entry dated with a period counts from its last day), so a paper as at 15 December
     * never shows it and is not changed by it. */
    fixture f;
    init(&f, MONTH(2010, 10));
    revision *v = revise(&f.a.s, MONTH(2011, 3));
    agree(v, MONTH(2010, 12));
    assert_false(revision_in_force(v, T(2010, 12, 30)));
    assert_true(revision_in_force(v, T(2010, 12, 31)));
    assert_int_equal(st(&f, T(2010, 12, 30)).days_overdue, 60);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_RESCHEDULED);
}

TEST(latest_revision_in_force_counts)
{
    /* Two revisions: November (agreed in October) and March (agreed in January). */
    fixture f;
    init(&f, MONTH(2010, 9));
    revision *v = revise(&f.a.s, MONTH(2010, 11));
    agree(v, DAY(2010, 10, 1));
    v = revise(&f.a.s, MONTH(2011, 3));
    agree(v, DAY(2011, 1, 10));
    assert_int_equal(st(&f, T(2010, 9, 15)).kind, STATUS_ON_TARGET);  /* none in force */
    assert_int_equal(st(&f, T(2010, 10, 15)).kind, STATUS_RESCHEDULED); /* November */
    derived_status d = st(&f, T(2010, 12, 31));                       /* November, missed */
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 31);
    assert_status(st(&f, T(2011, 1, 10)), STATUS_RESCHEDULED);        /* March */
    assert_int_equal(st(&f, T(2011, 4, 2)).days_overdue, 2);
}

TEST(milestone_revision_in_force)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    milestone *m = add_milestone(&f, MONTH(2010, 11), ENTERED_IN_PROGRESS);
    revision *v = revise(&m->s, MONTH(2011, 2));
    agree(v, DAY(2011, 1, 10));
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 31);
    assert_true(d.overdue_milestone);
    assert_status(milestone_status(m, T(2011, 1, 10)), STATUS_RESCHEDULED);
    assert_status(st(&f, T(2011, 1, 10)), STATUS_ON_TARGET);
}

/* ---- row 5: late start ---------------------------------------------------------------------- */

TEST(not_started_after_start_is_late)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    f.a.s.start = MONTH(2010, 6); /* first day: 1 June */
    derived_status d = st(&f, T(2010, 6, 2));
    assert_status(d, STATUS_LATE_START);
    assert_int_equal(status_level(d.kind), LEVEL_AMBER);
    assert_status(st(&f, T(2010, 12, 31)), STATUS_LATE_START);
}

TEST(start_equal_to_T_is_not_late)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    f.a.s.start = MONTH(2010, 6);
    assert_status(st(&f, T(2010, 6, 1)), STATUS_ON_TARGET);
    f.a.s.start = DAY(2010, 6, 15);
    assert_status(st(&f, T(2010, 6, 15)), STATUS_ON_TARGET);
    assert_status(st(&f, T(2010, 6, 16)), STATUS_LATE_START);
}

TEST(quarter_start_means_its_first_day)
{
    fixture f;
    init(&f, FYEAR(2010));
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    f.a.s.start = QUARTER(2010, 3); /* 1 October 2010 */
    assert_status(st(&f, T(2010, 9, 30)), STATUS_NOT_YET_DUE);
    assert_status(st(&f, T(2010, 10, 1)), STATUS_ON_TARGET);
    assert_status(st(&f, T(2010, 10, 2)), STATUS_LATE_START);
}

TEST(started_is_not_late)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.start = MONTH(2010, 6);
    f.a.s.updates[0].status = ENTERED_IN_PROGRESS;
    assert_status(st(&f, T(2010, 7, 1)), STATUS_ON_TARGET);
    f.a.s.updates[0].status = ENTERED_NONE; /* not given: treated as in progress */
    assert_status(st(&f, T(2010, 7, 1)), STATUS_ON_TARGET);
}

TEST(not_started_without_start_is_not_late)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    f.a.s.start = NODATE;
    assert_status(st(&f, T(2010, 7, 1)), STATUS_ON_TARGET);
}

/* ---- row 6: not yet due --------------------------------------------------------------------- */

TEST(start_after_T_is_not_yet_due)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    f.a.s.start = MONTH(2011, 1);
    derived_status d = st(&f, T(2010, 12, 31));
    assert_status(d, STATUS_NOT_YET_DUE);
    assert_int_equal(status_level(d.kind), LEVEL_NOT_DUE);
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    assert_status(st(&f, T(2010, 12, 31)), STATUS_NOT_YET_DUE);
    assert_status(st(&f, T(2011, 1, 1)), STATUS_ON_TARGET);
}

/* ---- row 7: on target ------------------------------------------------------------------------ */

TEST(otherwise_on_target)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    derived_status d = st(&f, T(2010, 9, 15));
    assert_status(d, STATUS_ON_TARGET);
    assert_int_equal(d.days_overdue, 0);
    assert_int_equal(d.optimistic, 0);
    assert_int_equal(status_level(d.kind), LEVEL_GREEN);
}

/* ---- stated RAG: optimistic reports ------------------------------------------------------------ */

static int optimistic(fixture *f, stated_rag rag, day_t t)
{
    f->a.s.updates[0].rag = rag;
    return st(f, t).optimistic;
}

TEST(green_while_overdue_is_optimistic)
{
    fixture f;
    init(&f, MONTH(2010, 10));
    day_t t = T(2010, 11, 10);
    assert_true(optimistic(&f, RAG_GREEN, t));
    assert_true(optimistic(&f, RAG_AMBER, t));
    assert_true(optimistic(&f, RAG_COMPLETE, t));
    assert_false(optimistic(&f, RAG_RED, t));
    assert_false(optimistic(&f, RAG_NONE, t));
    f.a.s.updates[0].rag = RAG_GREEN;
    derived_status d = st(&f, t);
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 10);
}

TEST(red_while_on_target_is_not_optimistic)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    day_t t = T(2010, 9, 1);
    assert_false(optimistic(&f, RAG_RED, t));
    assert_false(optimistic(&f, RAG_AMBER, t));
    assert_false(optimistic(&f, RAG_GREEN, t));
}

TEST(complete_stated_while_on_target_is_optimistic)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    assert_true(optimistic(&f, RAG_COMPLETE, T(2010, 9, 1)));
}

TEST(stated_green_while_not_yet_due_is_not_optimistic)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    f.a.s.start = MONTH(2011, 1);
    day_t t = T(2010, 12, 1);
    assert_status(st(&f, t), STATUS_NOT_YET_DUE);
    assert_false(optimistic(&f, RAG_GREEN, t));
    assert_false(optimistic(&f, RAG_AMBER, t));
    assert_true(optimistic(&f, RAG_COMPLETE, t));
}

TEST(green_while_rescheduled_or_late_is_optimistic)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    revise(&f.a.s, MONTH(2011, 3));
    day_t t = T(2010, 11, 1);
    assert_true(optimistic(&f, RAG_GREEN, t));
    assert_false(optimistic(&f, RAG_AMBER, t));
    assert_false(optimistic(&f, RAG_RED, t));
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].status = ENTERED_NOT_STARTED;
    assert_status(st(&f, t), STATUS_LATE_START);
    assert_true(optimistic(&f, RAG_GREEN, t));
    assert_false(optimistic(&f, RAG_AMBER, t));
}

TEST(any_report_of_a_complete_action_is_not_optimistic)
{
    fixture f;
    init(&f, MONTH(2010, 12));
    f.a.s.updates[0].status = ENTERED_COMPLETE;
    day_t t = T(2011, 1, 31);
    assert_false(optimistic(&f, RAG_COMPLETE, t));
    assert_false(optimistic(&f, RAG_GREEN, t));
    assert_false(optimistic(&f, RAG_RED, t));
}

TEST(no_report_of_a_cancelled_action_is_optimistic)
{
    fixture f;
    init(&f, MONTH(2010, 6));
    f.a.s.updates[0].status = ENTERED_CANCELLED;
    assert_false(optimistic(&f, RAG_GREEN, T(2010, 12, 31)));
    assert_false(optimistic(&f, RAG_COMPLETE, T(2010, 12, 31)));
}

TEST(optimistic_milestone)
{
    fixture f;
    init(&f, MONTH(2011, 3));
    milestone *m = add_milestone(&f, MONTH(2010, 10), ENTERED_IN_PROGRESS);
    m->s.updates[0].rag = RAG_GREEN;
    derived_status d = milestone_status(m, T(2010, 11, 10));
    assert_status(d, STATUS_OVERDUE);
    assert_int_equal(d.days_overdue, 10);
    assert_true(d.optimistic);
    /* The action is overdue because of it; its own report (none) is not optimistic. */
    assert_false(st(&f, T(2010, 11, 10)).optimistic);
    f.a.s.updates[0].rag = RAG_GREEN;
    assert_true(st(&f, T(2010, 11, 10)).optimistic);
}

/* ---- levels and names -------------------------------------------------------------------- */

TEST(levels_and_names)
{
    assert_int_equal(status_level(STATUS_CANCELLED), LEVEL_NONE);
    assert_int_equal(status_level(STATUS_COMPLETE), LEVEL_COMPLETE);
    assert_int_equal(status_level(STATUS_OVERDUE), LEVEL_RED);
    assert_int_equal(status_level(STATUS_RESCHEDULED), LEVEL_AMBER);
    assert_int_equal(status_level(STATUS_LATE_START), LEVEL_AMBER);
    assert_int_equal(status_level(STATUS_NOT_YET_DUE), LEVEL_NOT_DUE);
    assert_int_equal(status_level(STATUS_ON_TARGET), LEVEL_GREEN);
    assert_int_equal(stated_level(RAG_NONE), LEVEL_NONE);
    assert_int_equal(stated_level(RAG_RED), LEVEL_RED);
    assert_int_equal(stated_level(RAG_AMBER), LEVEL_AMBER);
    assert_int_equal(stated_level(RAG_GREEN), LEVEL_GREEN);
    assert_int_equal(stated_level(RAG_COMPLETE), LEVEL_COMPLETE);
    /* Worst to best: Overdue > Rescheduled/Late start > On target > Not yet due > Complete */
    assert_true(LEVEL_RED > LEVEL_AMBER && LEVEL_AMBER > LEVEL_GREEN &&
                LEVEL_GREEN > LEVEL_NOT_DUE && LEVEL_NOT_DUE > LEVEL_COMPLETE &&
                LEVEL_COMPLETE > LEVEL_NONE);

    assert_string_equal(status_kind_name(STATUS_CANCELLED), "Cancelled");
    assert_string_equal(status_kind_name(STATUS_COMPLETE), "Complete");
    assert_string_equal(status_kind_name(STATUS_OVERDUE), "Overdue");
    assert_string_equal(status_kind_name(STATUS_RESCHEDULED), "Rescheduled");
    assert_string_equal(status_kind_name(STATUS_LATE_START), "Late start");
    assert_string_equal(status_kind_name(STATUS_NOT_YET_DUE), "Not yet due");
    assert_string_equal(status_kind_name(STATUS_ON_TARGET), "On target");
    assert_string_equal(status_kind_name(STATUS__COUNT), "");
    assert_string_equal(status_kind_id(STATUS_LATE_START), "late-start");
    assert_string_equal(status_kind_id(STATUS_NOT_YET_DUE), "not-yet-due");
    assert_string_equal(status_kind_id(STATUS_ON_TARGET), "on-target");
    assert_string_equal(status_kind_id(STATUS_OVERDUE), "overdue");
    assert_string_equal(rag_level_name(LEVEL_RED), "Red");
    assert_string_equal(rag_level_name(LEVEL_AMBER), "Amber");
    assert_string_equal(rag_level_name(LEVEL_GREEN), "Green");
    assert_string_equal(rag_level_name(LEVEL_COMPLETE), "Complete");
    assert_string_equal(rag_level_id(LEVEL_NOT_DUE), "not-due");
    assert_string_equal(stated_rag_name(RAG_GREEN), "Green");
    assert_string_equal(entered_status_name(ENTERED_NOT_STARTED), "not-started");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cancelled_beats_everything),
        cmocka_unit_test(cancelled_with_a_completion_date_is_cancelled),
        cmocka_unit_test(cancelled_milestone_is_cancelled),
        cmocka_unit_test(entered_complete_without_date_is_complete),
        cmocka_unit_test(complete_on_or_before_T),
        cmocka_unit_test(complete_by_month_counts_from_its_first_day),
        cmocka_unit_test(in_progress_with_completion_date_is_not_complete),
        cmocka_unit_test(all_milestones_complete_completes_the_action),
        cmocka_unit_test(one_open_milestone_keeps_the_action_open),
        cmocka_unit_test(milestone_completed_after_T_is_not_complete_at_T),
        cmocka_unit_test(cancelled_milestones_are_ignored_for_completion),
        cmocka_unit_test(all_milestones_cancelled_do_not_complete),
        cmocka_unit_test(no_milestones_do_not_complete),
        cmocka_unit_test(overdue_by_a_day_after_due_day),
        cmocka_unit_test(due_on_T_is_not_overdue),
        cmocka_unit_test(month_due_means_its_last_day),
        cmocka_unit_test(seed_004_sixty_one_days),
        cmocka_unit_test(quarter_due_means_its_last_day),
        cmocka_unit_test(financial_year_due_means_31_march),
        cmocka_unit_test(leap_day_due),
        cmocka_unit_test(overdue_counts_from_the_current_due_date),
        cmocka_unit_test(overdue_beats_late_start),
        cmocka_unit_test(ongoing_is_never_overdue),
        cmocka_unit_test(no_due_date_is_never_overdue),
        cmocka_unit_test(overdue_milestone_makes_action_overdue),
        cmocka_unit_test(overdue_milestone_beats_rescheduled_action),
        cmocka_unit_test(days_overdue_is_the_maximum),
        cmocka_unit_test(complete_or_cancelled_milestones_are_not_overdue),
        cmocka_unit_test(rescheduled_milestone_is_not_overdue),
        cmocka_unit_test(complete_action_with_open_overdue_milestone_is_complete),
        cmocka_unit_test(revised_later_is_rescheduled),
        cmocka_unit_test(current_due_is_the_last_revision),
        cmocka_unit_test(revised_back_to_the_original_is_not_rescheduled),
        cmocka_unit_test(revised_earlier_is_not_rescheduled),
        cmocka_unit_test(revised_to_the_same_last_day_is_not_rescheduled),
        cmocka_unit_test(revised_to_ongoing_is_rescheduled_and_never_overdue),
        cmocka_unit_test(ongoing_given_a_date_is_not_rescheduled),
        cmocka_unit_test(no_revisions_is_not_rescheduled),
        cmocka_unit_test(rescheduled_beats_late_start_and_not_yet_due),
        cmocka_unit_test(revision_agreed_after_T_is_not_in_force),
        cmocka_unit_test(revision_without_agreed_date_or_updated_date_is_always_in_force),
        cmocka_unit_test(revision_agreed_in_a_month_is_in_force_from_its_last_day),
        cmocka_unit_test(latest_revision_in_force_counts),
        cmocka_unit_test(milestone_revision_in_force),
        cmocka_unit_test(not_started_after_start_is_late),
        cmocka_unit_test(start_equal_to_T_is_not_late),
        cmocka_unit_test(quarter_start_means_its_first_day),
        cmocka_unit_test(started_is_not_late),
        cmocka_unit_test(not_started_without_start_is_not_late),
        cmocka_unit_test(start_after_T_is_not_yet_due),
        cmocka_unit_test(otherwise_on_target),
        cmocka_unit_test(green_while_overdue_is_optimistic),
        cmocka_unit_test(red_while_on_target_is_not_optimistic),
        cmocka_unit_test(complete_stated_while_on_target_is_optimistic),
        cmocka_unit_test(stated_green_while_not_yet_due_is_not_optimistic),
        cmocka_unit_test(green_while_rescheduled_or_late_is_optimistic),
        cmocka_unit_test(any_report_of_a_complete_action_is_not_optimistic),
        cmocka_unit_test(no_report_of_a_cancelled_action_is_optimistic),
        cmocka_unit_test(optimistic_milestone),
        cmocka_unit_test(levels_and_names),
    };
    return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
