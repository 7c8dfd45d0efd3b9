/* test_charts.c - charts and the plan they show (issue 11). Gantt geometry against
 * coordinates worked out by hand (the month axis gives every month the same width; a
 * day is placed in proportion within its month), the rows a Gantt chart decides
 * (milestones on their day, revised dates, windows, groups, the week axis for short
 * spans), risks assessed in words and scored, the review rule, indicators as seed 003
 * writes them, the loader's new fields, and the words charts use. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"
#include "analysis/risk.h"
#include "load/plan_load.h"
#include "report/gantt.h"
#include "report/labels.h"
#include "report/report.h"
#include "report/text_measure.h"

#define TEST(name) static void name(void **state __attribute__((unused)))
#define NEAR(a, b) assert_true(fabs((double)(a) - (double)(b)) < 0.01)

static day_t ymd(int y, int m, int d) { return date_from_ymd(y, m, d); }

static plan *load(const char *yaml)
{
    diag_list dl;
    diag_init(&dl);
    plan *p = plan_load_buffer("plan.yaml", yaml, strlen(yaml), &dl);
    if (!p) diag_print(&dl, stderr, 0);
    diag_free(&dl);
    assert_non_null(p);
    return p;
}

/* The first error message of a plan that must not load. */
static char *load_error(const char *yaml)
{
    diag_list dl;
    diag_init(&dl);
    plan *p = plan_load_buffer("plan.yaml", yaml, strlen(yaml), &dl);
    assert_null(p);
    assert_true(dl.errors > 0);
    char *msg = NULL;
    for (size_t i = 0; i < dl.len && !msg; i++)
        if (dl.items[i].level == DIAG_ERROR) msg = strdup(dl.items[i].message);
    diag_free(&dl);
    assert_non_null(msg);
    return msg;
}

/* ---- the axis, by hand ------------------------------------------------------------ */

/* A chart with only its axis: weeks or months, from and to, in n_cols columns. */
static gantt axis_only(int weeks, day_t from, day_t to, int n_cols)
{
    gantt g;
    memset(&g, 0, sizeof g);
    g.weeks = weeks;
    g.from = from;
    g.to = to;
    g.n_cols = n_cols;
    return g;
}

/* A month axis June to December 2010, 700 points wide from x = 0: seven months of 100. */
TEST(test_month_axis_by_hand)
{
    gantt g = axis_only(0, ymd(2010, 6, 1), ymd(2010, 12, 31), 7);
    gantt_axis ax;
    gantt_axis_init(&ax, &g, 0, 700);
    /* a task from 1 to 30 June starts at the origin and is W/7 wide (not 700 x 30/214) */
    NEAR(gantt_x(&ax, ymd(2010, 6, 1)), 0);
    NEAR(gantt_x(&ax, ymd(2010, 6, 30) + 1), 100);
    /* 16 August: two months and 15 of August's 31 days in */
    NEAR(gantt_x(&ax, ymd(2010, 8, 16)), 100 * (2 + 15.0 / 31));
    /* February's days are wider than March's: each month is one column */
    NEAR(gantt_x(&ax, ymd(2010, 12, 31) + 1), 700);
    /* with an origin: the same, moved */
    gantt_axis_init(&ax, &g, 156, 372);
    NEAR(gantt_x(&ax, ymd(2010, 6, 1)), 156);
    NEAR(gantt_x(&ax, ymd(2010, 7, 1)) - gantt_x(&ax, ymd(2010, 6, 1)), 372.0 / 7);
}

/* A week axis of four weeks from Monday 7 June 2010, 280 points: a week is 70, a day 10. */
TEST(test_week_axis_by_hand)
{
    gantt g = axis_only(1, ymd(2010, 6, 7), ymd(2010, 7, 4), 4);
    gantt_axis ax;
    gantt_axis_init(&ax, &g, 0, 280);
    NEAR(gantt_x(&ax, ymd(2010, 6, 14)), 70);
    NEAR(gantt_x(&ax, ymd(2010, 6, 20) + 1) - gantt_x(&ax, ymd(2010, 6, 14)), 70);
    NEAR(gantt_x(&ax, ymd(2010, 6, 9)), 20);
}

/* ---- the rows a chart decides --------------------------------------------------------- */

static const char GANTT_PLAN[] =
    "plan: {title: T, organisation: O, updated: 2010-08-31}\n"
    "themes: [{ref: A, title: Alpha}, {ref: B, title: Beta}]\n"
    "actions:\n"
    "  - ref: A.1\n"
    "    theme: A\n"
    "    description: June task\n"
    "    start: 2010-06\n"
    "    due: 2010-06\n"
    "    status: complete\n"
    "    milestones:\n"
    "      - {title: Report to Board, due: 2010-08-16, status: complete}\n"
    "      - title: Revised task\n"
    "        group: Rent\n"
    "        start: 2010-07\n"
    "        due: 2010-09\n"
    "        revisions: [{date: 2010-10, agreed: 2010-08-01, reason: Waiting.}]\n"
    "        status: in-progress\n"
    "      - {title: Later task, group: Rent, start: 2010-11, due: 2010-12}\n"
    "  - {ref: B.1, theme: B, description: Late, start: 2010-06, due: 2010-07-15, status: in-progress}\n";

/* GANTT_PLAN as at 31 August 2010, an arena for charts, and an empty scope. */
typedef struct {
    plan *p;
    analysis *an;
    arena a;
    gantt_scope sc;
} fixture;

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    f->p = load(GANTT_PLAN);
    rag_policy pol = {THEME_RAG_WORST, 20, 10};
    f->an = analyse(f->p, ymd(2010, 8, 31), NULL, &pol);
    arena_init(&f->a);
}

static void teardown(fixture *f)
{
    arena_free(&f->a);
    analysis_free(f->an);
    plan_free(f->p);
}

TEST(test_gantt_rows)
{
    fixture f;
    setup(&f);
    plan *p = f.p;
    gantt g;
    assert_int_equal(gantt_make(&f.a, p, f.an, &f.sc, &g), 0);
    /* A (heading), A.1, its milestone, the group Rent, two tasks, B (heading), B.1 */
    assert_int_equal(g.n_rows, 8);
    assert_int_equal(g.rows[0].kind, GANTT_GROUP);
    assert_string_equal(g.rows[0].label, "A Alpha");
    assert_int_equal(g.rows[1].kind, GANTT_BAR);
    assert_true(g.rows[1].is_action);
    assert_string_equal(g.rows[1].ref, "A.1");
    assert_int_equal(g.rows[1].status.kind, STATUS_COMPLETE);
    /* the milestone on its day */
    assert_int_equal(g.rows[2].kind, GANTT_POINT);
    assert_true(g.rows[2].on_day);
    assert_int_equal(g.rows[2].end, ymd(2010, 8, 16));
    assert_int_equal(g.rows[2].depth, 1);
    /* a group heading, and its tasks under it */
    assert_int_equal(g.rows[3].kind, GANTT_GROUP);
    assert_string_equal(g.rows[3].label, "Rent");
    assert_int_equal(g.rows[4].depth, 2);
    /* revised: the date in force, and the original beside it */
    assert_true(g.rows[4].revised);
    assert_int_equal(g.rows[4].end, ymd(2010, 10, 31));
    assert_int_equal(g.rows[4].orig_end, ymd(2010, 9, 30));
    assert_int_equal(g.rows[4].status.kind, STATUS_RESCHEDULED);
    assert_int_equal(g.rows[5].status.kind, STATUS_NOT_YET_DUE);
    /* B.1: overdue as at 31 August */
    assert_int_equal(g.rows[7].status.kind, STATUS_OVERDUE);
    /* the axis: whole months, June to December */
    assert_false(g.weeks);
    assert_int_equal(g.from, ymd(2010, 6, 1));
    assert_int_equal(g.to, ymd(2010, 12, 31));
    assert_int_equal(g.n_cols, 7);
    assert_int_equal(g.n_points, 1);
    assert_int_equal(g.n_bars, 4);
    assert_true(g.any_revised);

    /* one action: its milestones alone, under their group */
    f.sc.action = &p->actions[0];
    assert_int_equal(gantt_make(&f.a, p, f.an, &f.sc, &g), 0);
    assert_int_equal(g.n_rows, 4);
    assert_int_equal(g.rows[0].kind, GANTT_POINT);
    assert_int_equal(g.rows[0].depth, 0);
    assert_int_equal(g.rows[1].kind, GANTT_GROUP);
    assert_int_equal(g.rows[2].depth, 1);
    /* 16 weeks or fewer: a week axis, from the Monday before to the Sunday after */
    assert_true(g.weeks == 0);      /* 16 August to 31 December is more than 16 weeks */
    f.sc.action = &p->actions[1];
    assert_int_equal(gantt_make(&f.a, p, f.an, &f.sc, &g), 0);
    assert_true(g.weeks);
    assert_int_equal(g.from, ymd(2010, 5, 31));     /* Monday */
    assert_int_equal(g.to, ymd(2010, 7, 18));       /* Sunday */
    assert_int_equal(g.n_cols, 7);
    /* asked for months */
    f.sc.axis = GANTT_AXIS_MONTHS;
    assert_int_equal(gantt_make(&f.a, p, f.an, &f.sc, &g), 0);
    assert_false(g.weeks);
    assert_int_equal(g.n_cols, 2);

    /* a window: rows outside it left out, rows across it cut, empty headings dropped */
    memset(&f.sc, 0, sizeof f.sc);
    f.sc.action = &p->actions[0];
    f.sc.has_from = f.sc.has_to = 1;
    f.sc.from = ymd(2010, 9, 1);
    f.sc.to = ymd(2010, 10, 31);
    assert_int_equal(gantt_make(&f.a, p, f.an, &f.sc, &g), 0);
    assert_int_equal(g.n_rows, 2);     /* Rent, Revised task (cut at its start) */
    assert_int_equal(g.rows[0].kind, GANTT_GROUP);
    assert_true(g.rows[1].clip_start);
    assert_false(g.rows[1].clip_end);
    /* a window of 16 weeks or fewer is by week too: Monday 30 August to Sunday 31 October */
    assert_true(g.weeks);
    assert_int_equal(g.from, ymd(2010, 8, 30));
    assert_int_equal(g.n_cols, 9);
    teardown(&f);
}

/* The display list of a chart, checked against coordinates worked out by hand: a frame
 * 600 wide, the task column 150 and the status column 66, so the time area runs from
 * 150 + 6 = 156 for 600 - 66 - 6 - 156 = 372 points over seven months. */
TEST(test_gantt_draw_by_hand)
{
    fixture fx;
    setup(&fx);
    fx.sc.theme = &fx.p->themes[0];
    gantt g;
    assert_int_equal(gantt_make(&fx.a, fx.p, fx.an, &fx.sc, &g), 0);
    gantt_frame fr = {600, 150, 66};
    rfigure *f = gantt_draw(&fx.a, &g, &fr, "31 August 2010");
    assert_non_null(f->header);
    double month = 372.0 / 7;
    /* the header: every month's name, the year, and the as-at mark */
    int months = 0, year = 0;
    for (size_t i = 0; i < f->header->nops; i++) {
        const fop *o = &f->header->ops[i];
        if (o->kind != FO_TEXT) continue;
        months += !strcmp(o->text, "Jun") || !strcmp(o->text, "Dec");
        year += !strcmp(o->text, "2010");
        if (!strcmp(o->text, "Jun")) NEAR(o->x, 156 + month / 2);
    }
    assert_int_equal(months, 2);
    assert_int_equal(year, 1);
    /* band 0 is A.1: its bar from 1 to 30 June, at the origin and a month wide */
    int bar = 0, asat = 0;
    for (size_t i = 0; i < f->bands[0].nops; i++) {
        const fop *o = &f->bands[0].ops[i];
        if (o->kind == FO_RECT && o->fill.role == FC_RAG) {
            NEAR(o->x, 156);
            NEAR(o->w, month);
            assert_int_equal(o->fill.level, LEVEL_COMPLETE);
            bar++;
        }
        if (o->kind == FO_LINE && o->stroke.role == FC_ACCENT) {
            NEAR(o->x, 156 + 3 * month);       /* the end of 31 August */
            asat++;
        }
    }
    assert_int_equal(bar, 1);
    assert_int_equal(asat, 1);
    /* band 1 is the milestone: a diamond centred in 16 August, labelled "16th" */
    int diamond = 0, label = 0;
    for (size_t i = 0; i < f->bands[1].nops; i++) {
        const fop *o = &f->bands[1].ops[i];
        if (o->kind == FO_PATH && o->closed && o->npts == 4) {
            NEAR(o->pts[0], 156 + month * (2 + 15.5 / 31));
            diamond++;
        }
        if (o->kind == FO_TEXT && !strcmp(o->text, "16th")) label++;
    }
    assert_int_equal(diamond, 1);
    assert_int_equal(label, 1);
    /* band 3 is the revised task: the bar to 31 October, the original outline to 30
     * September, hatched? no - rescheduled is dotted */
    int revised = 0, outline = 0;
    for (size_t i = 0; i < f->bands[3].nops; i++) {
        const fop *o = &f->bands[3].ops[i];
        if (o->kind != FO_RECT) continue;
        if (o->fill.role == FC_RAG) {
            NEAR(o->x, 156 + month);
            NEAR(o->w, 4 * month);
            assert_int_equal(o->pattern, FP_DOTS);
            revised++;
        } else if (o->fill.role == FC_NONE && o->stroke.role == FC_INK) {
            NEAR(o->w, 3 * month);
            outline++;
        }
    }
    assert_int_equal(revised, 1);
    assert_int_equal(outline, 1);
    /* the status in words, in the status column */
    int words = 0;
    for (size_t i = 0; i < f->bands[3].nops; i++) {
        const fop *o = &f->bands[3].ops[i];
        if (o->kind == FO_TEXT && !strcmp(o->text, "Rescheduled")) {
            NEAR(o->x, 600 - 66);
            words++;
        }
    }
    assert_int_equal(words, 1);
    /* the legend stays with the last row */
    assert_true(f->bands[f->nbands - 2].keep_next);
    teardown(&fx);
}

TEST(test_day_ordinal)
{
    static const int days[] = {1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31};
    static const char *const want[] = {"1st", "2nd", "3rd", "4th", "11th", "12th", "13th",
                                       "21st", "22nd", "23rd", "31st"};
    char buf[16];
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
        assert_string_equal(day_ordinal(days[i], buf, sizeof buf), want[i]);
}

/* ---- risks --------------------------------------------------------------------------- */

static const char RISK_PLAN[] =
    "plan: {title: T, organisation: O, updated: 2010-06-30}\n"
    "risks:\n"
    "  - {ref: RK10, description: Low in words, impact: L}\n"
    "  - {ref: RK2, description: High in words, impact: High}\n"
    "  - {ref: RK1, description: Also high, impact: h}\n"
    "  - {ref: S1, description: Scored 4, net: {likelihood: 2, impact: 2}}\n"
    "  - {ref: S2, description: Scored 12, net: {likelihood: 3, impact: 4}}\n"
    "  - {ref: S3, description: Not scored yet}\n"
    "  - ref: RK3\n"
    "    description: Scored later\n"
    "    impact: low\n"
    "    reviews: [{date: 2010-09-30, net: {likelihood: 5, impact: 5}}]\n";

TEST(test_risk_orders_and_reviews)
{
    plan *p = load(RISK_PLAN);
    size_t order[16];
    /* scored: by net score, highest first; none last */
    size_t n = risk_register_order(p, ymd(2010, 6, 30), order);
    assert_int_equal(n, 3);
    assert_string_equal(p->risks[order[0]].ref, "S2");
    assert_string_equal(p->risks[order[1]].ref, "S1");
    assert_string_equal(p->risks[order[2]].ref, "S3");
    /* in words: High before Low, then natural ref order (RK2 before RK10) */
    n = risk_qualitative_order(p, ymd(2010, 6, 30), order);
    assert_int_equal(n, 4);
    assert_string_equal(p->risks[order[0]].ref, "RK1");
    assert_string_equal(p->risks[order[1]].ref, "RK2");
    assert_string_equal(p->risks[order[2]].ref, "RK3");
    assert_string_equal(p->risks[order[3]].ref, "RK10");
    /* a risk in words scored by a later review is scored from that date */
    risk_view v = risk_at(&p->risks[6], ymd(2010, 6, 30));
    assert_int_equal(v.qualitative, QUAL_LOW);
    v = risk_at(&p->risks[6], ymd(2010, 10, 1));
    assert_int_equal(v.qualitative, QUAL_NONE);
    assert_int_equal(risk_score_value(v.net), 25);
    assert_int_equal(risk_register_order(p, ymd(2010, 10, 1), order), 4);
    assert_string_equal(p->risks[order[0]].ref, "RK3");
    /* no review recorded: no "last reviewed", no review age */
    assert_false(risk_reviews_recorded(p, ymd(2010, 6, 30)));
    /* a dated review recorded: reviews are checked from then */
    assert_true(risk_reviews_recorded(p, ymd(2010, 10, 1)));
    assert_string_equal(qualitative_impact_name(QUAL_HIGH), "High");
    plan_free(p);
}

TEST(test_risk_words_and_scores_refused)
{
    char *m = load_error("plan: {title: T, organisation: O}\n"
                         "risks: [{ref: R1, description: D, impact: H, net: {likelihood: 2, impact: 3}}]\n");
    assert_non_null(strstr(m, "assessed both by impact (High/Low) and by scores"));
    free(m);
    m = load_error("plan: {title: T, organisation: O}\nrisks: [{ref: R1, description: D, impact: medium}]\n");
    assert_non_null(strstr(m, "'impact' in risk R1 must be one of"));
    free(m);
}

/* ---- a project's columns, indicators as seed 003 writes them ---------------------------- */

static const char SIP_PLAN[] =
    "plan: {title: T, organisation: O, updated: 2002-07-31}\n"
    "themes: [{ref: KT2, title: Procedures}]\n"
    "actions:\n"
    "  - ref: KT2/1\n"
    "    theme: KT2\n"
    "    description: Revising Procedures\n"
    "    issue: Procedures need updating.\n"
    "    tasks: [Review procedures, Provide training]\n"
    "    outcomes: Improved access to services\n"
    "    comments: In progress since January 2001.\n"
    "    resources:\n"
    "      - {post: Principal Officers, number: 3, percent: 20}\n"
    "      - {post: Principal Officer Best Value, percent: 50%, note: for 6 months}\n"
    "      - Management Services input\n"
    "indicators:\n"
    "  - {code: BVPI 185, description: D, unit: '%', baseline: {period: 2001/02, value: N/A},\n"
    "     targets: {2002/03: 60, 2003/04: 95.50}}\n"
    "  - code: BVPI 73\n"
    "    description: D\n"
    "    unit: days\n"
    "    baseline: {period: 2001/02, value: 17.8}\n"
    "    targets: {2002/03: {value: 25, note: A planned reduction.}}\n"
    "  - {code: LPI relet, label: LPI, description: D, note: Information not yet available}\n";

TEST(test_project_and_indicator_fields)
{
    plan *p = load(SIP_PLAN);
    const action *a = &p->actions[0];
    assert_non_null(a->detail);
    assert_string_equal(a->detail->issue, "Procedures need updating.");
    assert_int_equal(a->detail->n_tasks, 2);
    assert_string_equal(a->detail->tasks[1], "Provide training");
    assert_int_equal(a->detail->n_outcomes, 1);
    assert_int_equal(a->detail->n_resources, 3);
    assert_int_equal(a->detail->resources[0].number, 3);
    NEAR(a->detail->resources[1].percent, 50);
    assert_true(a->detail->resources[2].percent < 0);
    /* the lines as text, for every output that prints resources as text */
    assert_string_equal(a->resources, "3 \xC3\x97 Principal Officers (20%); Principal Officer Best Value (50%) "
                                      "for 6 months; Management Services input");
    const indicator *ind = &p->indicators[0];
    assert_int_equal(ind->has_baseline, 2);     /* N/A */
    strbuf sb = STRBUF_INIT;
    label_period_value(&sb, &ind->targets[1], ind->unit);
    assert_string_equal(sb.data, "95.50%");     /* the decimals written */
    sb_reset(&sb);
    label_period_value(&sb, &ind->targets[0], ind->unit);
    assert_string_equal(sb.data, "60%");
    sb_reset(&sb);
    ind = &p->indicators[1];
    assert_string_equal(ind->targets[0].note, "A planned reduction.");
    label_period_value(&sb, &ind->baseline, ind->unit);
    assert_string_equal(sb.data, "17.8 days");
    sb_free(&sb);
    assert_string_equal(p->indicators[2].label, "LPI");
    assert_string_equal(p->indicators[2].note, "Information not yet available");
    plan_free(p);

    char *m = load_error("plan: {title: T, organisation: O}\nthemes: [{ref: A, title: A}]\n"
                         "actions: [{ref: A.1, theme: A, description: D, resources: [{post: P, percent: 150}]}]\n");
    assert_non_null(strstr(m, "must be between 0 and 100"));
    free(m);
    m = load_error("plan: {title: T, organisation: O}\n"
                   "indicators: [{code: I1, description: D, targets: {2010/11: {note: Why}}}]\n");
    assert_non_null(strstr(m, "has no 'value'"));
    free(m);
}

/* ---- words and widths ------------------------------------------------------------------- */

TEST(test_colour_names)
{
    assert_string_equal(colour_name(0x5B2C83), "Purple");   /* Norwich's complete */
    assert_string_equal(colour_name(0x1E7B34), "Green");
    assert_string_equal(colour_name(0xF2B31B), "Amber");
    assert_string_equal(colour_name(0xB3261E), "Red");
    assert_string_equal(colour_name(0xE6E6E6), "Grey");
    assert_string_equal(colour_name(0x1D4E89), "Blue");      /* a BRAG council's complete */
    assert_string_equal(label_likelihood(5), "Highly probable");
    assert_string_equal(label_impact(1), "Insignificant");
}

TEST(test_text_measure)
{
    /* "Jun" at 7 points: J 500, u 556, n 556 thousandths of an em */
    NEAR(label_width("Jun", 7, 0), 1612 * 7 / 1000.0);
    arena a;
    arena_init(&a);
    const char *lines[4];
    /* 102 points at 10: "Compile results across" is 101.13 wide, with " all" 113.91 */
    size_t n = text_wrap(&a, "Compile results across all areas", 10, 0, 102, lines, 4);
    assert_int_equal(n, 2);
    assert_string_equal(lines[0], "Compile results across");
    assert_string_equal(lines[1], "all areas");
    for (size_t i = 0; i < n; i++) assert_true(label_width(lines[i], 10, 0) <= 102);
    /* the last line allowed takes the rest, cut with "..." to fit */
    n = text_wrap(&a, "Compile results across all areas and produce a final report", 10, 0, 100, lines, 2);
    assert_int_equal(n, 2);
    assert_non_null(strstr(lines[1], "..."));
    assert_true(label_width(lines[1], 10, 0) <= 100);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_month_axis_by_hand),
        cmocka_unit_test(test_week_axis_by_hand),
        cmocka_unit_test(test_gantt_rows),
        cmocka_unit_test(test_gantt_draw_by_hand),
        cmocka_unit_test(test_day_ordinal),
        cmocka_unit_test(test_risk_orders_and_reviews),
        cmocka_unit_test(test_risk_words_and_scores_refused),
        cmocka_unit_test(test_project_and_indicator_fields),
        cmocka_unit_test(test_colour_names),
        cmocka_unit_test(test_text_measure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
