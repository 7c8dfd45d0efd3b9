/* test_history.c - dated entries and the plan as known at T (domain rules, sections 3a
 * and 5a): the undated simple form counted from the plan's updated date, `updates:` and
 * `reviews:` lists, update files merged by the loader with their errors positioned in
 * them, the views of analysis/history.c, the changes between two dates, and the promise
 * that entries dated after T change nothing as at T. Also the wording of counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"
#include "analysis/history.h"
#include "load/plan_load.h"
#include "report/labels.h"
#include "report/wording.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static day_t T(int y, int m, int d) { return date_from_ymd(y, m, d); }

/* ---- loading ------------------------------------------------------------------------------ */

static diag_list D;
static plan *P;
static char *saved_sde;

static int setup(void **state __attribute__((unused)))
{
    diag_init(&D);
    P = NULL;
    const char *s = getenv("SOURCE_DATE_EPOCH");
    saved_sde = s ? strdup(s) : NULL;
    setenv("SOURCE_DATE_EPOCH", "1798761600", 1); /* 1 January 2027 */
    return 0;
}

static int teardown(void **state __attribute__((unused)))
{
    plan_free(P);
    P = NULL;
    diag_free(&D);
    if (saved_sde) setenv("SOURCE_DATE_EPOCH", saved_sde, 1);
    else unsetenv("SOURCE_DATE_EPOCH");
    free(saved_sde);
    saved_sde = NULL;
    return 0;
}

/* The plan in yaml with update files u1 (and u2), named u1.yaml and u2.yaml. */
static plan *load2(const char *yaml, const char *u1, const char *u2)
{
    plan_free(P);
    diag_free(&D);
    diag_init(&D);
    const char *names[] = {"u1.yaml", "u2.yaml"};
    const char *datas[] = {u1, u2};
    size_t lens[] = {u1 ? strlen(u1) : 0, u2 ? strlen(u2) : 0};
    P = plan_load_buffers("t.yaml", yaml, strlen(yaml), u2 ? 2 : u1 ? 1 : 0, names, datas, lens, &D);
    return P;
}
static plan *load(const char *yaml) { return load2(yaml, NULL, NULL); }

static const char *dump(void)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < D.len && n < sizeof buf - 300; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "\n  %s:%d:%d %s: %s", D.items[i].pos.file,
                              D.items[i].pos.line, D.items[i].pos.col,
                              D.items[i].level == DIAG_ERROR ? "error" : "warning",
                              D.items[i].message);
    return D.len ? buf : " (none)";
}

/* A diagnostic of level in file at line:col whose message contains needle. */
static void expect_diag(diag_level level, const char *file, int line, int col, const char *needle)
{
    for (size_t i = 0; i < D.len; i++) {
        const diagnostic *g = &D.items[i];
        if (g->level == level && !strcmp(g->pos.file, file) && g->pos.line == line &&
            (col == 0 || g->pos.col == col) && strstr(g->message, needle))
            return;
    }
    fail_msg("no %s at %s:%d:%d containing \"%s\"; diagnostics:%s",
             level == DIAG_ERROR ? "error" : "warning", file, line, col, needle, dump());
}
#define expect_error(f, l, c, s) expect_diag(DIAG_ERROR, (f), (l), (c), (s))
#define expect_warning(f, l, c, s) expect_diag(DIAG_WARNING, (f), (l), (c), (s))

static plan *must_load2(const char *yaml, const char *u1, const char *u2)
{
    plan *p = load2(yaml, u1, u2);
    if (!p) fail_msg("refused:%s", dump());
    return p;
}

static const action *act(const plan *p, const char *ref)
{
    for (size_t i = 0; i < p->n_actions; i++)
        if (!strcmp(p->actions[i].ref, ref)) return &p->actions[i];
    fail_msg("no action %s", ref);
    return NULL;
}

static status_kind kind_at(const plan *p, const char *ref, day_t t)
{
    return action_status(act(p, ref), t).kind;
}

/* ---- the simple undated form --------------------------------------------------------------- */

#define HEAD(updated)                                                                              \
    "plan:\n"                                                                                      \
    "  title: T\n"                                                                                 \
    "  organisation: O\n" updated "themes:\n"                                                      \
    "  - {ref: A, title: Alpha}\n"

TEST(undated_values_count_from_the_updated_date)
{
    plan *p = must_load2(HEAD("  updated: 2010-06-30\n")
                         "actions:\n"
                         "  - ref: A.1\n"
                         "    theme: A\n"
                         "    description: one\n"
                         "    start: 2010-04\n"
                         "    due: 2010-05\n"
                         "    status: complete\n"
                         "    rag: green\n"
                         "    revisions:\n"
                         "      - {date: 2010-12}\n",
                         NULL, NULL);
    assert_int_equal(D.warnings, 0);
    const action *a = act(p, "A.1");
    /* As at 30 June 2010 the entry exists: complete. */
    assert_int_equal(kind_at(p, "A.1", T(2010, 6, 30)), STATUS_COMPLETE);
    /* The day before, nothing had been entered: the revision is not known either, so
     * the action is overdue against May, not rescheduled, and no RAG was reported. */
    schedule_view v = schedule_at(&a->s, T(2010, 6, 29));
    assert_int_equal(v.status, ENTERED_NONE);
    assert_int_equal(v.rag, RAG_NONE);
    assert_int_equal(v.n_revisions, 0);
    assert_int_equal(kind_at(p, "A.1", T(2010, 6, 29)), STATUS_OVERDUE);
    assert_int_equal(a->s.revisions[0].known, T(2010, 6, 30));
    assert_int_equal(p->undated_known, T(2010, 6, 30));
    assert_int_equal(plan_default_as_at(p), T(2010, 6, 30));
}

TEST(undated_values_without_updated_warn_once_and_count_always)
{
    plan *p = must_load2(HEAD("")
                         "actions:\n"                        /* 6 */
                         "  - ref: A.1\n"                    /* 7 */
                         "    theme: A\n"
                         "    description: one\n"
                         "    due: 2010-05\n"
                         "    status: complete\n"
                         "  - ref: A.2\n"                    /* 12 */
                         "    theme: A\n"
                         "    description: two\n"
                         "    status: in-progress\n",
                         NULL, NULL);
    assert_int_equal(D.warnings, 1);
    expect_warning("t.yaml", 7, 5, "no 'updated' date");
    assert_int_equal(p->undated_known, DAY_ALWAYS);
    assert_int_equal(kind_at(p, "A.1", T(1990, 1, 1)), STATUS_COMPLETE);
}

TEST(an_undated_revision_counts_no_later_than_the_revisions_after_it)
{
    plan *p = must_load2(HEAD("  updated: 2010-12-31\n")
                         "actions:\n"
                         "  - ref: A.1\n"
                         "    theme: A\n"
                         "    description: one\n"
                         "    start: 2010-04\n"
                         "    due: 2010-09\n"
                         "    revisions:\n"
                         "      - {date: 2010-11}\n"
                         "      - {date: 2011-03, agreed: 2010-11-24}\n",
                         NULL, NULL);
    const action *a = act(p, "A.1");
    assert_int_equal(a->s.revisions[0].known, T(2010, 11, 24));
    assert_int_equal(a->s.revisions[1].known, T(2010, 11, 24));
    assert_int_equal(schedule_due_at(&a->s, T(2010, 12, 31)).month, 3);
    assert_int_equal(kind_at(p, "A.1", T(2010, 11, 23)), STATUS_OVERDUE);
}

TEST(revisions_agreed_out_of_order_warn_and_the_last_agreed_is_current)
{
    plan *p = must_load2(HEAD("")
                         "actions:\n"                                          /* 6 */
                         "  - ref: A.1\n"
                         "    theme: A\n"
                         "    description: one\n"
                         "    due: 2010-09\n"
                         "    revisions:\n"                                    /* 11 */
                         "      - {date: 2010-11, agreed: 2010-12-01}\n"
                         "      - {date: 2011-03, agreed: 2010-10-01}\n",      /* 13 */
                         NULL, NULL);
    expect_warning("t.yaml", 13, 0, "not in the order they were agreed");
    const action *a = act(p, "A.1");
    assert_int_equal(schedule_due_at(&a->s, T(2010, 10, 1)).month, 3);
    assert_int_equal(schedule_due_at(&a->s, T(2010, 12, 1)).month, 11);
}

/* ---- updates: lists in the plan ----------------------------------------------------------- */

static const char history_plan[] =
    HEAD("")
    "people:\n"                                     /* 6 */
    "  - id: ann\n"
    "actions:\n"                                    /* 8 */
    "  - ref: A.1\n"                                /* 9 */
    "    theme: A\n"
    "    description: one\n"
    "    start: 2010-04\n"
    "    due: 2010-12\n"
    "    updates:\n"                                /* 14 */
    "      - date: 2010-03-31\n"                    /* 15 */
    "        status: in-progress\n"
    "        rag: amber\n"
    "        progress: first note\n"
    "      - date: 2010-06-30\n"                    /* 19 */
    "        rag: red\n"
    "      - date: 2010-09-30\n"                    /* 21 */
    "        status: complete\n"
    "        completed: 2010-09-14\n"
    "    milestones:\n"                             /* 24 */
    "      - ref: M1\n"
    "        title: Consult the panel\n"
    "        due: 2010-08\n"
    "      - title: Report back\n"
    "        due: 2010-10\n"
    "  - ref: A.2\n"                                /* 30 */
    "    theme: A\n"
    "    description: two\n"
    "    start: 2010-04\n"
    "    due: 2011-03\n"
    "  - ref: A.3\n"                                /* 35 */
    "    theme: A\n"
    "    description: three, added in September\n"
    "    added: 2010-09-01\n"
    "    start: 2010-09\n"
    "    due: 2011-03\n"
    "indicators:\n"                                 /* 41 */
    "  - code: PI 1\n"
    "    description: Rent collected\n"
    "    unit: '%'\n"
    "    targets: {2010/11 Q1: 97, 2010/11 Q2: 97, 2010/11 Q3: 97}\n"
    "    actuals: {2010/11 Q1: 97.5}\n"
    "risks:\n"                                      /* 47 */
    "  - ref: RK1\n"
    "    description: Tenants do not engage\n"
    "    reviews:\n"
    "      - {date: 2010-04-30, inherent: {likelihood: 4, impact: 4}, net: {likelihood: 2, impact: 3}}\n"
    "      - {date: 2010-07-31, net: {likelihood: 4, impact: 4}, note: worse}\n"
    "  - ref: RK2\n"                                /* 53 */
    "    description: Funding is withdrawn\n"
    "    added: 2010-08-15\n"
    "    net: {likelihood: 3, impact: 3}\n"
    "    reviewed: 2010-08-15\n";

TEST(the_latest_update_on_or_before_T_gives_each_field)
{
    plan *p = must_load2(history_plan, NULL, NULL);
    assert_int_equal(D.warnings, 0);
    const action *a = act(p, "A.1");
    schedule_view v = schedule_at(&a->s, T(2010, 3, 30));
    assert_null(v.last);
    assert_int_equal(v.status, ENTERED_NONE);
    v = schedule_at(&a->s, T(2010, 3, 31));
    assert_int_equal(v.status, ENTERED_IN_PROGRESS);
    assert_int_equal(v.rag, RAG_AMBER);
    assert_string_equal(v.progress, "first note");
    /* A field an update does not give keeps the previous value. */
    v = schedule_at(&a->s, T(2010, 7, 1));
    assert_int_equal(v.status, ENTERED_IN_PROGRESS);
    assert_int_equal(v.rag, RAG_RED);
    assert_int_equal(v.rag_from->rag_pos.line, 20);
    assert_string_equal(v.progress, "first note");
    /* Completed on 14 September, reported on 30 September: complete from the report.
     * Until then its first milestone (due August, nothing reported) makes it overdue. */
    derived_status d = action_status(a, T(2010, 9, 29));
    assert_int_equal(d.kind, STATUS_OVERDUE);
    assert_true(d.overdue_milestone);
    assert_int_equal(kind_at(p, "A.1", T(2010, 9, 30)), STATUS_COMPLETE);
    assert_int_equal(p->latest_known, T(2010, 9, 30));
    assert_int_equal(plan_default_as_at(p), T(2010, 9, 30));
}

TEST(actions_added_later_are_not_in_the_plan_before)
{
    plan *p = must_load2(history_plan, NULL, NULL);
    analysis *an = analyse(p, T(2010, 8, 31), NULL, NULL);
    assert_int_equal(an->overall.total, 2);
    assert_false(an->present[2]);
    assert_int_equal(count_actions(an, &(action_filter){COUNT_ALL, NULL, 0, 0, 0}), 2);
    analysis_free(an);
    an = analyse(p, T(2010, 9, 1), NULL, NULL);
    assert_int_equal(an->overall.total, 3);
    analysis_free(an);
}

TEST(risks_and_indicators_as_known_at_T)
{
    plan *p = must_load2(history_plan, NULL, NULL);
    const risk *r = &p->risks[0];
    risk_view v = risk_at(r, T(2010, 4, 29));
    assert_true(v.present);
    assert_false(v.assessed);
    assert_int_equal(v.reviewed.kind, DATE_NONE);
    v = risk_at(r, T(2010, 6, 30));
    assert_int_equal(risk_score_value(v.net), 6);
    assert_int_equal(v.reviewed.month, 4);
    /* The July review gives only a net score: the inherent one carries over. */
    v = risk_at(r, T(2010, 7, 31));
    assert_int_equal(risk_score_value(v.net), 16);
    assert_int_equal(risk_score_value(v.inherent), 16);
    assert_int_equal(v.reviewed.month, 7);
    assert_string_equal(v.note, "worse");
    /* "Last reviewed" is never after T. */
    assert_int_equal(risk_at(r, T(2010, 7, 30)).reviewed.month, 4);
    /* RK2 is added on 15 August. */
    assert_false(risk_at(&p->risks[1], T(2010, 8, 14)).present);
    assert_true(risk_at(&p->risks[1], T(2010, 8, 15)).present);
    size_t order[2];
    assert_int_equal(risk_register_order(p, T(2010, 8, 14), order), 1);
    assert_int_equal(risk_register_order(p, T(2010, 8, 15), order), 2);
    /* No actual for a period ending after T. */
    const indicator *ind = &p->indicators[0];
    fuzzy_date q1 = {DATE_QUARTER, 2010, 0, 0, 1};
    assert_false(indicator_status(ind, q1, T(2010, 6, 29)).has_actual);
    assert_true(indicator_status(ind, q1, T(2010, 6, 30)).has_actual);
}

TEST(updates_out_of_order_or_twice_are_errors)
{
    assert_null(load(HEAD("")
                     "actions:\n"                         /* 6 */
                     "  - ref: A.1\n"
                     "    theme: A\n"
                     "    description: one\n"
                     "    updates:\n"                     /* 10 */
                     "      - {date: 2010-06-30, status: in-progress}\n"
                     "      - {date: 2010-03-31, status: not-started}\n"   /* 12 */
                     "      - {date: 2010-03-31, rag: red}\n"              /* 13 */
                     "      - {status: complete}\n"                        /* 14 */
                     "      - {date: 2030-01-01, status: complete}\n")); /* 15 */
    expect_error("t.yaml", 12, 9, "date order: 31 March 2010 comes after 30 June 2010");
    expect_error("t.yaml", 13, 9, "two updates of action A.1 for 31 March 2010");
    expect_error("t.yaml", 14, 9, "has no 'date'");
    expect_error("t.yaml", 15, 16, "in the future");
}

TEST(completion_after_the_update_date_is_an_error)
{
    assert_null(load(HEAD("")
                     "actions:\n"
                     "  - ref: A.1\n"
                     "    theme: A\n"
                     "    description: one\n"
                     "    updates:\n"                                                  /* 10 */
                     "      - {date: 2010-06-30, status: complete, completed: 2010-07-02}\n"));
    expect_error("t.yaml", 11, 57, "after 30 June 2010, the date the update reports on");
}

TEST(reopening_needs_a_reason)
{
    plan *p = must_load2(HEAD("")
                         "actions:\n"
                         "  - ref: A.1\n"
                         "    theme: A\n"
                         "    description: one\n"
                         "    updates:\n"                                   /* 10 */
                         "      - {date: 2010-06-30, status: complete}\n"
                         "      - {date: 2010-09-30, status: in-progress}\n"  /* 12 */
                         "  - ref: A.2\n"
                         "    theme: A\n"
                         "    description: two\n"
                         "    updates:\n"
                         "      - {date: 2010-06-30, status: cancelled}\n"
                         "      - {date: 2010-09-30, status: in-progress, reopened: The panel restored it.}\n",
                         NULL, NULL);
    assert_int_equal(D.errors, 0);
    assert_int_equal(D.warnings, 1);
    expect_warning("t.yaml", 12, 9, "reopened: REASON");
    assert_int_equal(kind_at(p, "A.1", T(2010, 9, 30)), STATUS_ON_TARGET);
    assert_int_equal(kind_at(p, "A.2", T(2010, 9, 29)), STATUS_CANCELLED);
}

/* ---- update files ------------------------------------------------------------------------- */

static const char file_sept[] =
    "date: 2010-09-30\n"                                    /* 1 */
    "actions:\n"                                            /* 2 */
    "  - ref: A.2\n"                                        /* 3 */
    "    status: in-progress\n"
    "    rag: amber\n"
    "    progress: Waiting for the panel.\n"
    "    revisions:\n"                                      /* 7 */
    "      - {date: 2011-06, agreed: 2010-09-15, reason: Panel moved.}\n"
    "  - ref: A.1\n"                                        /* 9 */
    "    milestones:\n"
    "      - {ref: M1, status: complete, completed: 2010-08-20}\n"
    "      - {title: Report back, status: complete}\n"
    "risks:\n"                                              /* 13 */
    "  - {ref: RK1, closed: 2010-09-20, note: Engagement is now good.}\n"
    "indicators:\n"                                         /* 15 */
    "  - code: PI 1\n"
    "    actuals: {2010/11 Q2: 95.0, 2010/11 Q1: 97.9}\n";

TEST(update_files_are_merged_and_known_from_their_date)
{
    plan *p = must_load2(history_plan, file_sept, NULL);
    assert_int_equal(D.errors, 0);
    const action *a2 = act(p, "A.2");
    schedule_view v = schedule_at(&a2->s, T(2010, 9, 29));
    assert_null(v.last);
    assert_int_equal(v.n_revisions, 0);
    v = schedule_at(&a2->s, T(2010, 9, 30));
    assert_int_equal(v.status, ENTERED_IN_PROGRESS);
    assert_int_equal(v.rag, RAG_AMBER);
    assert_string_equal(v.progress, "Waiting for the panel.");
    assert_string_equal(v.last->pos.file, "u1.yaml");
    assert_int_equal(v.last->pos.line, 3);
    /* The revision was agreed on 15 September but reported on 30 September: it counts
     * from the report, so a paper as at 20 September never shows it. */
    assert_int_equal(v.n_revisions, 1);
    assert_int_equal(a2->s.revisions[0].known, T(2010, 9, 30));
    assert_int_equal(a2->s.revisions[0].agreed.day, 15);
    assert_int_equal(schedule_due_at(&a2->s, T(2010, 9, 20)).month, 3);
    assert_int_equal(schedule_due_at(&a2->s, T(2010, 9, 30)).month, 6);
    /* Milestones by ref and by exact title: with both complete, A.1 is complete from 30
     * September (its own update says so too). */
    const action *a1 = act(p, "A.1");
    assert_int_equal(milestone_status(&a1->milestones[0], T(2010, 9, 30)).kind, STATUS_COMPLETE);
    assert_int_equal(milestone_status(&a1->milestones[1], T(2010, 9, 30)).kind, STATUS_COMPLETE);
    assert_int_equal(milestone_status(&a1->milestones[0], T(2010, 9, 29)).kind, STATUS_OVERDUE);
    /* The risk is closed from the report. */
    assert_true(risk_at(&p->risks[0], T(2010, 9, 29)).present);
    risk_view rv = risk_at(&p->risks[0], T(2010, 9, 30));
    assert_false(rv.present);
    assert_true(rv.closed);
    assert_int_equal(p->risks[0].closed.day, 20);
    /* A Q1 actual restated on 30 September replaces the plan's from that date. */
    const indicator *ind = &p->indicators[0];
    fuzzy_date q1 = {DATE_QUARTER, 2010, 0, 0, 1}, q2 = {DATE_QUARTER, 2010, 0, 0, 2};
    assert_true(indicator_status(ind, q1, T(2010, 9, 29)).actual == 97.5);
    assert_true(indicator_status(ind, q1, T(2010, 9, 30)).actual == 97.9);
    assert_true(indicator_status(ind, q2, T(2010, 9, 30)).actual == 95.0);
    assert_false(indicator_status(ind, q2, T(2010, 9, 29)).has_actual);
}

TEST(errors_in_update_files_are_positioned_there)
{
    static const char bad[] =
        "date: 2010-09-30\n"                                               /* 1 */
        "actions:\n"                                                       /* 2 */
        "  - ref: A.20\n"                                                  /* 3 */
        "    status: complete\n"
        "  - ref: A.1\n"                                                   /* 5 */
        "    milestones:\n"
        "      - {ref: M2, status: complete}\n"                            /* 7 */
        "    revisions:\n"
        "      - {date: 2011-03, agreed: 2010-10-15}\n"                    /* 9 */
        "  - ref: A.2\n"                                                   /* 10 */
        "    statu: complete\n"                                            /* 11 */
        "    completed: 2010-10-01\n"                                      /* 12 */
        "risks:\n"
        "  - {ref: RK1, closed: 2010-10-20}\n"                             /* 14 */
        "indicators:\n"
        "  - {code: PI 9, actuals: {2010/11 Q2: 1}}\n";                    /* 16 */
    assert_null(load2(history_plan, bad, NULL));
    expect_error("u1.yaml", 3, 10, "action 'A.20' is not in the plan t.yaml; did you mean 'A.2'?");
    expect_error("u1.yaml", 7, 15, "has no milestone with ref 'M2'; did you mean 'M1'?");
    expect_error("u1.yaml", 9, 33, "agreed on 15 October 2010 cannot be reported in an update dated 30 September 2010");
    expect_error("u1.yaml", 11, 5, "unknown key 'statu'");
    expect_error("u1.yaml", 12, 0, "after 30 September 2010, the date the update reports on");
    expect_error("u1.yaml", 14, 0, "closed on 20 October 2010 cannot be reported");
    expect_error("u1.yaml", 16, 12, "indicator 'PI 9' is not in the plan");
}

/* Seed 003's Gantt tasks repeat titles ("Amendments") and have no refs: an update file
 * names such a milestone by its place, and a title several share names none. */
static const char repeated_titles_plan[] =
    HEAD("")
    "actions:\n"
    "  - ref: A.1\n"
    "    theme: A\n"
    "    description: one\n"
    "    start: 2010-04\n"
    "    due: 2010-12\n"
    "    milestones:\n"
    "      - {title: Amendments, due: 2010-08}\n"
    "      - {title: Review, due: 2010-09}\n"
    "      - {title: Amendments, due: 2010-10}\n";

TEST(a_milestone_whose_title_repeats_is_named_by_its_number)
{
    static const char good[] =
        "date: 2010-09-30\n"
        "actions:\n"
        "  - ref: A.1\n"
        "    milestones:\n"
        "      - {number: 3, title: Amendments, status: complete, completed: 2010-09-20}\n"
        "      - {title: Review, status: in-progress}\n";
    plan *p = must_load2(repeated_titles_plan, good, NULL);
    const action *a = &p->actions[0];
    assert_int_equal(schedule_at(&a->milestones[2].s, T(2010, 9, 30)).status, ENTERED_COMPLETE);
    assert_int_equal(schedule_at(&a->milestones[0].s, T(2010, 9, 30)).status, ENTERED_NONE);
    assert_int_equal(schedule_at(&a->milestones[1].s, T(2010, 9, 30)).status, ENTERED_IN_PROGRESS);

    static const char bad[] =
        "date: 2010-09-30\n"
        "actions:\n"
        "  - ref: A.1\n"
        "    milestones:\n"
        "      - {title: Amendments, status: complete}\n"                  /* 5 */
        "      - {number: 2, title: Amendments, status: complete}\n"       /* 6 */
        "      - {number: 4, status: complete}\n";                         /* 7 */
    assert_null(load2(repeated_titles_plan, bad, NULL));
    expect_error("u1.yaml", 5, 17, "action A.1 has 2 milestones titled 'Amendments' (the first is number 1); "
                                   "name the one meant by its place: 'number: N'");
    expect_error("u1.yaml", 6, 28, "milestone 2 of action A.1 is titled 'Review', not 'Amendments'");
    expect_error("u1.yaml", 7, 18, "'number' in a milestone must be from 1 to 3, not 4");
}

TEST(two_files_reporting_the_same_day_are_an_error)
{
    static const char again[] =
        "date: 2010-09-30\n"
        "actions:\n"
        "  - {ref: A.2, status: complete}\n";                              /* 3 */
    assert_null(load2(history_plan, file_sept, again));
    expect_error("u2.yaml", 3, 5, "a second update of action A.2 for 30 September 2010 (the first is at u1.yaml:3)");
}

TEST(an_update_file_needs_dates)
{
    static const char nodate[] =
        "actions:\n"
        "  - {ref: A.2, status: complete}\n"                               /* 2 */
        "  - {ref: A.1, date: 2010-10-31, status: complete}\n";
    assert_null(load2(history_plan, nodate, NULL));
    expect_error("u1.yaml", 2, 5, "has no date, and the file has no 'date'");
    assert_int_equal(D.errors, 1);
}

TEST(an_undated_status_and_an_update_on_the_updated_date)
{
    plan *p = must_load2(HEAD("  updated: 2010-06-30\n")
                         "actions:\n"
                         "  - ref: A.1\n"                                 /* 8 */
                         "    theme: A\n"
                         "    description: one\n"
                         "    status: in-progress\n",
                         "date: 2010-06-30\n"
                         "actions:\n"
                         "  - {ref: A.1, status: complete}\n", NULL);
    expect_warning("t.yaml", 8, 5, "the update is used");
    assert_int_equal(kind_at(p, "A.1", T(2010, 6, 30)), STATUS_COMPLETE);
}

/* ---- changes between P and T ------------------------------------------------------------- */

TEST(changes_between_two_dates)
{
    plan *p = must_load2(history_plan, file_sept, NULL);
    day_t since = T(2010, 6, 30), as_at = T(2010, 9, 30);
    analysis *an = analyse(p, as_at, &since, NULL);
    const changes *c = an->changes;
    assert_non_null(c);
    assert_int_equal(c->count[CHANGE_COMPLETED], 1);   /* A.1 */
    assert_int_equal(c->count[CHANGE_ADDED], 1);       /* A.3 */
    assert_int_equal(c->count[CHANGE_REVISED], 1);     /* A.2: March to June 2011 */
    assert_int_equal(c->count[CHANGE_REPORTED], 1);    /* A.2: not reported to Amber */
    assert_int_equal(c->count[CHANGE_RISK_NEW], 1);    /* RK2 */
    assert_int_equal(c->count[CHANGE_RISK_CLOSED], 1); /* RK1 */
    /* PI 1: Met (Q1, 97.5) as at 30 June; missed within tolerance (Q2, 95.0) now. */
    assert_int_equal(c->count[CHANGE_INDICATOR], 1);
    assert_int_equal(c->worse[CHANGE_INDICATOR], 1);
    const change_row *rev = NULL, *done = NULL;
    for (size_t i = 0; i < c->n_rows; i++) {
        if (c->rows[i].kind == CHANGE_REVISED) rev = &c->rows[i];
        if (c->rows[i].kind == CHANGE_COMPLETED) done = &c->rows[i];
        if (i) assert_true(c->rows[i - 1].kind <= c->rows[i].kind);
    }
    assert_string_equal(done->action->ref, "A.1");
    assert_int_equal(done->before.kind, STATUS_ON_TARGET);
    assert_int_equal(done->after.kind, STATUS_COMPLETE);
    assert_int_equal(rev->due_before.month, 3);
    assert_int_equal(rev->revision->date.month, 6);
    assert_int_equal(rev->days_slipped, 91);
    assert_int_equal(rev->direction, -1);
    strbuf sb = STRBUF_INIT;
    label_change_detail(&sb, rev, DATES_LONG);
    assert_string_equal(sb.data, "91 days later; agreed 15 September 2010. Panel moved.");
    sb_reset(&sb);
    label_change_state(&sb, rev, 0, DATES_LONG);
    assert_string_equal(sb.data, "Due March 2011");
    sb_free(&sb);
    analysis_free(an);
    /* Between 30 June and 29 September nothing was reported but A.1's milestone fell
     * overdue, and RK2 was added: no completion, no revision, no indicator. */
    as_at = T(2010, 9, 29);
    an = analyse(p, as_at, &since, NULL);
    assert_int_equal(an->changes->count[CHANGE_COMPLETED], 0);
    assert_int_equal(an->changes->count[CHANGE_OVERDUE], 1);
    assert_int_equal(an->changes->count[CHANGE_REVISED], 0);
    assert_int_equal(an->changes->count[CHANGE_INDICATOR], 0);
    assert_int_equal(an->changes->count[CHANGE_RISK_NEW], 1);
    analysis_free(an);
}

/* For every pair of dates, the completion rows are exactly the actions complete at T
 * and not at P, and the overdue rows those overdue at T and not at P. */
TEST(completion_and_overdue_rows_are_the_set_differences)
{
    plan *p = must_load2(history_plan, file_sept, NULL);
    day_t days[] = {T(2010, 3, 30), T(2010, 3, 31), T(2010, 6, 30), T(2010, 8, 31),
                    T(2010, 9, 29), T(2010, 9, 30), T(2011, 1, 1), T(2011, 7, 1)};
    size_t n = sizeof days / sizeof days[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            analysis *before = analyse(p, days[i], NULL, NULL);
            analysis *an = analyse(p, days[j], &days[i], NULL);
            size_t want_done = 0, want_over = 0;
            for (size_t k = 0; k < p->n_actions; k++) {
                if (!an->present[k] || !before->present[k]) continue;
                status_kind b = before->actions[k].kind, a = an->actions[k].kind;
                want_done += a == STATUS_COMPLETE && b != STATUS_COMPLETE;
                want_over += a == STATUS_OVERDUE && b != STATUS_OVERDUE;
            }
            assert_int_equal(an->changes->count[CHANGE_COMPLETED], want_done);
            assert_int_equal(an->changes->count[CHANGE_OVERDUE], want_over);
            analysis_free(before);
            analysis_free(an);
        }
}

/* ---- entries dated after T change nothing as at T ---------------------------------------- */

static void same_analysis(const plan *a, const plan *b, day_t t)
{
    analysis *x = analyse(a, t, NULL, NULL), *y = analyse(b, t, NULL, NULL);
    assert_int_equal(a->n_actions, b->n_actions);
    for (size_t i = 0; i < a->n_actions; i++) {
        assert_memory_equal(&x->actions[i], &y->actions[i], sizeof x->actions[i]);
        assert_int_equal(x->present[i], y->present[i]);
        const char *px = x->views[i].progress, *py = y->views[i].progress;
        assert_true((!px && !py) || (px && py && !strcmp(px, py)));
        assert_int_equal(x->views[i].n_revisions, y->views[i].n_revisions);
        for (size_t j = 0; j < a->actions[i].n_milestones; j++)
            assert_memory_equal(&x->milestones[i][j], &y->milestones[i][j], sizeof(derived_status));
    }
    assert_memory_equal(&x->overall, &y->overall, sizeof x->overall);
    assert_int_equal(x->n_exceptions, y->n_exceptions);
    for (size_t i = 0; i < a->n_risks; i++) {
        risk_view u = risk_at(&a->risks[i], t), v = risk_at(&b->risks[i], t);
        assert_int_equal(u.present, v.present);
        assert_int_equal(risk_score_value(u.net), risk_score_value(v.net));
        assert_memory_equal(&u.reviewed, &v.reviewed, sizeof u.reviewed);
    }
    fuzzy_date q2 = {DATE_QUARTER, 2010, 0, 0, 2};
    for (size_t i = 0; i < a->n_indicators; i++) {
        indicator_period u = indicator_status(&a->indicators[i], q2, t);
        indicator_period v = indicator_status(&b->indicators[i], q2, t);
        assert_int_equal(u.has_actual, v.has_actual);
    }
    analysis_free(x);
    analysis_free(y);
}

TEST(entries_dated_after_T_change_nothing_as_at_T)
{
    /* The plan as it stood, and the same plan with the September file: identical as at
     * every date before 30 September, whatever the file says. */
    plan *before = must_load2(history_plan, NULL, NULL);
    P = NULL; /* keep it: load2 frees P */
    plan *after = must_load2(history_plan, file_sept, NULL);
    day_t days[] = {T(2010, 1, 1), T(2010, 6, 30), T(2010, 9, 15), T(2010, 9, 29)};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) same_analysis(before, after, days[i]);
    /* ... and it does change things from its date: the test can fail. */
    analysis *x = analyse(before, T(2010, 9, 30), NULL, NULL);
    analysis *y = analyse(after, T(2010, 9, 30), NULL, NULL);
    assert_int_not_equal(x->views[1].rag, y->views[1].rag);
    analysis_free(x);
    analysis_free(y);
    plan_free(before);
}

/* ---- wording of counts -------------------------------------------------------------------- */

static const char *count(size_t n, int words, const char *noun, int has_verb, const char *verb,
                         int capital)
{
    static char buf[128];
    strbuf sb = STRBUF_INIT;
    word_count(&sb, n, words, noun, has_verb, verb, capital);
    snprintf(buf, sizeof buf, "%s", sb.data ? sb.data : "");
    sb_free(&sb);
    return buf;
}

TEST(counts_agree_with_their_nouns_and_verbs)
{
    assert_string_equal(count(1, 0, "action", 1, NULL, 0), "1 action is");
    assert_string_equal(count(3, 0, "action", 1, NULL, 0), "3 actions are");
    assert_string_equal(count(0, 0, "action", 1, "is", 0), "0 actions are");
    assert_string_equal(count(1, 0, NULL, 1, "are", 0), "1 is");
    assert_string_equal(count(9, 1, "action", 1, "need", 1), "Nine actions need");
    assert_string_equal(count(1, 1, "action", 1, "need", 0), "one action needs");
    assert_string_equal(count(2, 0, "authority", 1, "has", 0), "2 authorities have");
    assert_string_equal(count(1, 0, "authority", 1, "have", 0), "1 authority has");
    assert_string_equal(count(2, 0, "box", 1, "was", 0), "2 boxes were");
    assert_string_equal(count(1, 0, "box", 1, "were", 0), "1 box was");
    assert_string_equal(count(2, 0, "day", 0, NULL, 0), "2 days");
    assert_string_equal(count(2, 0, "person", 1, "go", 0), "2 people go");
    assert_string_equal(count(1, 0, "person", 1, "go", 0), "1 person goes");
    assert_string_equal(count(3, 0, "criterion/criteria", 1, "does", 0), "3 criteria do");
    assert_string_equal(count(1, 0, "criterion/criteria", 1, "do", 0), "1 criterion does");
    assert_string_equal(count(21, 1, "action", 0, NULL, 0), "21 actions");
    assert_string_equal(count(60, 0, NULL, 0, NULL, 0), "60");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(undated_values_count_from_the_updated_date, setup, teardown),
        cmocka_unit_test_setup_teardown(undated_values_without_updated_warn_once_and_count_always, setup, teardown),
        cmocka_unit_test_setup_teardown(an_undated_revision_counts_no_later_than_the_revisions_after_it, setup, teardown),
        cmocka_unit_test_setup_teardown(revisions_agreed_out_of_order_warn_and_the_last_agreed_is_current, setup, teardown),
        cmocka_unit_test_setup_teardown(the_latest_update_on_or_before_T_gives_each_field, setup, teardown),
        cmocka_unit_test_setup_teardown(actions_added_later_are_not_in_the_plan_before, setup, teardown),
        cmocka_unit_test_setup_teardown(risks_and_indicators_as_known_at_T, setup, teardown),
        cmocka_unit_test_setup_teardown(updates_out_of_order_or_twice_are_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(completion_after_the_update_date_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(reopening_needs_a_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(update_files_are_merged_and_known_from_their_date, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_in_update_files_are_positioned_there, setup, teardown),
        cmocka_unit_test_setup_teardown(a_milestone_whose_title_repeats_is_named_by_its_number, setup, teardown),
        cmocka_unit_test_setup_teardown(two_files_reporting_the_same_day_are_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(an_update_file_needs_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(an_undated_status_and_an_update_on_the_updated_date, setup, teardown),
        cmocka_unit_test_setup_teardown(changes_between_two_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(completion_and_overdue_rows_are_the_set_differences, setup, teardown),
        cmocka_unit_test_setup_teardown(entries_dated_after_T_change_nothing_as_at_T, setup, teardown),
        cmocka_unit_test(counts_agree_with_their_nouns_and_verbs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
