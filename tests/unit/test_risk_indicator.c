/* test_risk_indicator.c - risk scores, bands and register order (domain rules,
 * section 6); indicator results and direction of travel (section 7). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/indicator.h"
#include "analysis/risk.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static fuzzy_date DAY(int y, int m, int d) { return (fuzzy_date){DATE_DAY, y, m, d, 0}; }
static fuzzy_date FY(int y) { return (fuzzy_date){DATE_FYEAR, y, 0, 0, 0}; }
static const fuzzy_date NODATE = {DATE_NONE, 0, 0, 0, 0};
static day_t T(int y, int m, int d) { return date_from_ymd(y, m, d); }
/* A date after every period of the tests: everything is known. */
#define LATE T(2100, 1, 1)

/* ---- risks ------------------------------------------------------------------------------ */

TEST(score_is_likelihood_times_impact)
{
    for (int l = 1; l <= 5; l++)
        for (int i = 1; i <= 5; i++)
            assert_int_equal(risk_score_value((risk_score){l, i}), l * i);
    assert_int_equal(risk_score_value((risk_score){0, 4}), 0);
    assert_int_equal(risk_score_value((risk_score){4, 0}), 0);
    assert_int_equal(risk_score_value((risk_score){0, 0}), 0);
}

TEST(bands_and_boundaries)
{
    assert_int_equal(risk_band_of(0), BAND_NONE);
    assert_int_equal(risk_band_of(-3), BAND_NONE);
    assert_int_equal(risk_band_of(1), BAND_LOW);
    assert_int_equal(risk_band_of(6), BAND_LOW);
    assert_int_equal(risk_band_of(7), BAND_MODERATE);
    assert_int_equal(risk_band_of(10), BAND_MODERATE);
    assert_int_equal(risk_band_of(11), BAND_HIGH);
    assert_int_equal(risk_band_of(16), BAND_HIGH);
    assert_int_equal(risk_band_of(17), BAND_VERY_HIGH);
    assert_int_equal(risk_band_of(25), BAND_VERY_HIGH);
    /* Every cell of the 5x5 matrix. */
    int counts[5] = {0};
    for (int l = 1; l <= 5; l++)
        for (int i = 1; i <= 5; i++) counts[risk_band_of(l * i)]++;
    assert_int_equal(counts[BAND_LOW], 12);      /* products 1-6 */
    assert_int_equal(counts[BAND_MODERATE], 5);  /* 8, 8, 9, 10, 10 */
    assert_int_equal(counts[BAND_HIGH], 5);      /* 12, 12, 15, 15, 16 */
    assert_int_equal(counts[BAND_VERY_HIGH], 3); /* 20, 20, 25 */
    assert_string_equal(risk_band_name(BAND_LOW), "Low");
    assert_string_equal(risk_band_name(BAND_MODERATE), "Moderate");
    assert_string_equal(risk_band_name(BAND_HIGH), "High");
    assert_string_equal(risk_band_name(BAND_VERY_HIGH), "Very high");
    assert_string_equal(risk_band_name(BAND_NONE), "");
}

/* A risk with one undated review (known at any date), in the register from the start. */
static risk_review reviews[8];
static risk scored(size_t i, const char *ref, risk_score inherent, risk_score net)
{
    reviews[i] = (risk_review){.known = DAY_ALWAYS, .inherent = inherent, .net = net};
    return (risk){.ref = ref, .reviews = &reviews[i], .n_reviews = 1, .added_known = DAY_ALWAYS,
                  .closed_known = DAY_NEVER};
}

TEST(register_order_by_net_score)
{
    risk risks[6];
    risks[0] = scored(0, "RK1", (risk_score){5, 5}, (risk_score){2, 3});  /* 6 */
    risks[1] = scored(1, "RK2", (risk_score){3, 3}, (risk_score){4, 4});  /* 16 */
    risks[2] = scored(2, "RK10", (risk_score){2, 2}, (risk_score){3, 2}); /* 6 */
    risks[3] = scored(3, "RK3", (risk_score){1, 1}, (risk_score){0, 0});  /* not scored */
    risks[4] = scored(4, "RK4", (risk_score){5, 5}, (risk_score){5, 5});  /* 25 */
    risks[5] = scored(5, "RK9", (risk_score){1, 1}, (risk_score){2, 3});  /* 6 */
    plan p;
    memset(&p, 0, sizeof p);
    p.risks = risks;
    p.n_risks = 6;
    size_t order[6];
    assert_int_equal(risk_register_order(&p, T(2010, 1, 1), order), 6);
    /* Highest net score first; ties in natural ref order (RK9 before RK10); the inherent
     * score plays no part. */
    static const char *const want[] = {"RK4", "RK2", "RK1", "RK9", "RK10", "RK3"};
    for (size_t i = 0; i < 6; i++) assert_string_equal(risks[order[i]].ref, want[i]);
    /* As at T: a risk added after T is not yet in the register, one closed by T no
     * longer is. */
    risks[4].added = DAY(2010, 6, 1);
    risks[4].added_known = T(2010, 6, 1);
    risks[1].closed = DAY(2010, 3, 1);
    risks[1].closed_known = T(2010, 3, 1);
    assert_int_equal(risk_register_order(&p, T(2010, 1, 1), order), 5);
    assert_string_equal(risks[order[0]].ref, "RK2");
    assert_int_equal(risk_register_order(&p, T(2010, 3, 1), order), 4);
    assert_string_equal(risks[order[0]].ref, "RK1");
    assert_int_equal(risk_register_order(&p, T(2010, 6, 1), order), 5);
    assert_string_equal(risks[order[0]].ref, "RK4");
    p.n_risks = 0;
    assert_int_equal(risk_register_order(&p, T(2010, 1, 1), order), 0); /* empty: no crash */
}

TEST(review_overdue)
{
    risk_view r;
    memset(&r, 0, sizeof r);
    r.reviewed = DAY(2009, 4, 30);
    r.review_by = DAY(2009, 7, 31);
    assert_false(risk_review_overdue(&r, T(2009, 7, 31), 0));
    assert_true(risk_review_overdue(&r, T(2009, 8, 1), 0));
    r.review_by = NODATE;
    assert_false(risk_review_overdue(&r, T(2009, 7, 29), 90)); /* 90 days */
    assert_true(risk_review_overdue(&r, T(2009, 7, 30), 90));  /* 91 days */
    assert_false(risk_review_overdue(&r, T(2015, 1, 1), 0));   /* no period set */
    r.reviewed = NODATE;
    assert_true(risk_review_overdue(&r, T(2009, 5, 1), 90));   /* never reviewed */
    assert_false(risk_review_overdue(&r, T(2009, 5, 1), 0));
}

/* ---- indicators ----------------------------------------------------------------------------- */

TEST(judge_higher_is_better)
{
    /* Target 100, 5% tolerance: 95 and above is within tolerance. */
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 100, 100), IND_MET);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 100, 120), IND_MET);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 100, 99.99), IND_WITHIN_TOLERANCE);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 100, 95), IND_WITHIN_TOLERANCE);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 100, 94.99), IND_MISSED);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 100, 0), IND_MISSED);
    /* BVPI 66a style: rent collected 97.0% target. */
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 97.0, 96.8), IND_WITHIN_TOLERANCE);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 97.0, 92.0), IND_MISSED);
    /* Other tolerances. */
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 10, 100, 90), IND_WITHIN_TOLERANCE);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 10, 100, 89.9), IND_MISSED);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 0, 100, 99.99), IND_MISSED);
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 0, 100, 100), IND_MET);
}

TEST(judge_lower_is_better)
{
    /* Target 20 days, 5% tolerance: up to 21 is within tolerance. */
    assert_int_equal(indicator_judge(POLARITY_LOWER, 5, 20, 20), IND_MET);
    assert_int_equal(indicator_judge(POLARITY_LOWER, 5, 20, 15), IND_MET);
    assert_int_equal(indicator_judge(POLARITY_LOWER, 5, 20, 20.5), IND_WITHIN_TOLERANCE);
    assert_int_equal(indicator_judge(POLARITY_LOWER, 5, 20, 21), IND_WITHIN_TOLERANCE);
    assert_int_equal(indicator_judge(POLARITY_LOWER, 5, 20, 21.01), IND_MISSED);
    assert_int_equal(indicator_judge(POLARITY_LOWER, 5, 20, 40), IND_MISSED);
    assert_int_equal(indicator_judge(POLARITY_LOWER, 0, 20, 20.01), IND_MISSED);
    /* Polarity matters: the same figures judged the other way round. */
    assert_int_equal(indicator_judge(POLARITY_HIGHER, 5, 20, 15), IND_MISSED);
    assert_int_equal(indicator_judge(POLARITY_LOWER, 5, 100, 120), IND_MISSED);
}

TEST(result_and_direction_names)
{
    assert_string_equal(indicator_result_name(IND_MET), "Met");
    assert_string_equal(indicator_result_name(IND_WITHIN_TOLERANCE), "Missed (within tolerance)");
    assert_string_equal(indicator_result_name(IND_MISSED), "Missed");
    assert_string_equal(indicator_result_name(IND_NO_DATA), "No data");
    assert_string_equal(indicator_direction_name(DIR_IMPROVING), "Improving");
    assert_string_equal(indicator_direction_name(DIR_SAME), "Same");
    assert_string_equal(indicator_direction_name(DIR_WORSE), "Worse");
    assert_string_equal(indicator_direction_name(DIR_NONE), "");
}

/* An indicator with a 2001/02 baseline, targets and actuals by financial year. */
typedef struct {
    indicator ind;
    period_value targets[4], actuals[4];
} ind_fixture;

static void ind_init(ind_fixture *f, polarity pol)
{
    memset(f, 0, sizeof *f);
    f->ind.code = "BVPI 66a";
    f->ind.polarity = pol;
    f->ind.tolerance = 5;
    f->ind.has_baseline = 1;
    f->ind.baseline = (period_value){.period = FY(2001), .value = 96.2, .known = DAY_ALWAYS};
    f->targets[0] = (period_value){.period = FY(2002), .value = 97.0, .known = DAY_ALWAYS};
    f->targets[1] = (period_value){.period = FY(2003), .value = 97.5, .known = DAY_ALWAYS};
    f->targets[2] = (period_value){.period = FY(2004), .value = 98.0, .known = DAY_ALWAYS};
    f->ind.targets = f->targets;
    f->ind.n_targets = 3;
    f->ind.actuals = f->actuals;
}

static void add_actual(ind_fixture *f, int fy, double v)
{
    f->actuals[f->ind.n_actuals++] = (period_value){.period = FY(fy), .value = v, .known = DAY_ALWAYS};
}

TEST(status_first_actual_against_baseline)
{
    ind_fixture f;
    ind_init(&f, POLARITY_HIGHER);
    add_actual(&f, 2002, 96.8);
    indicator_period r = indicator_status(&f.ind, FY(2002), LATE);
    assert_true(r.has_target);
    assert_true(r.has_actual);
    assert_true(r.target == 97.0);
    assert_true(r.actual == 96.8);
    assert_int_equal(r.result, IND_WITHIN_TOLERANCE);
    assert_int_equal(r.direction, DIR_IMPROVING); /* 96.8 against the 96.2 baseline */
}

TEST(status_against_previous_actual)
{
    ind_fixture f;
    ind_init(&f, POLARITY_HIGHER);
    add_actual(&f, 2002, 96.8);
    add_actual(&f, 2003, 96.0);
    add_actual(&f, 2004, 96.0);
    indicator_period r = indicator_status(&f.ind, FY(2003), LATE);
    assert_int_equal(r.result, IND_WITHIN_TOLERANCE);
    assert_int_equal(r.direction, DIR_WORSE); /* 96.0 after 96.8, though above baseline */
    r = indicator_status(&f.ind, FY(2004), LATE);
    assert_int_equal(r.direction, DIR_SAME);
}

TEST(status_lower_is_better_direction)
{
    ind_fixture f;
    ind_init(&f, POLARITY_LOWER);
    f.ind.baseline.value = 30;
    f.targets[0].value = 25;
    f.targets[1].value = 20;
    add_actual(&f, 2002, 24);
    add_actual(&f, 2003, 26);
    indicator_period r = indicator_status(&f.ind, FY(2002), LATE);
    assert_int_equal(r.result, IND_MET);
    assert_int_equal(r.direction, DIR_IMPROVING); /* down from 30 */
    r = indicator_status(&f.ind, FY(2003), LATE);
    assert_int_equal(r.result, IND_MISSED);       /* 26 > 21 */
    assert_int_equal(r.direction, DIR_WORSE);     /* up from 24 */
}

TEST(status_without_data)
{
    ind_fixture f;
    ind_init(&f, POLARITY_HIGHER);
    /* A target but no actual: no result, no direction. */
    indicator_period r = indicator_status(&f.ind, FY(2003), LATE);
    assert_true(r.has_target);
    assert_false(r.has_actual);
    assert_int_equal(r.result, IND_NO_DATA);
    assert_int_equal(r.direction, DIR_NONE);
    /* An actual but no target: a direction but no result. */
    add_actual(&f, 2005, 99.0);
    r = indicator_status(&f.ind, FY(2005), LATE);
    assert_false(r.has_target);
    assert_true(r.has_actual);
    assert_int_equal(r.result, IND_NO_DATA);
    assert_int_equal(r.direction, DIR_IMPROVING);
    /* No baseline and no earlier actual: no direction. */
    ind_init(&f, POLARITY_HIGHER);
    f.ind.has_baseline = 0;
    add_actual(&f, 2002, 97.5);
    r = indicator_status(&f.ind, FY(2002), LATE);
    assert_int_equal(r.result, IND_MET);
    assert_int_equal(r.direction, DIR_NONE);
    /* A baseline that is not earlier than the period is not a previous value. */
    ind_init(&f, POLARITY_HIGHER);
    f.ind.baseline.period = FY(2002);
    add_actual(&f, 2002, 97.5);
    r = indicator_status(&f.ind, FY(2002), LATE);
    assert_int_equal(r.direction, DIR_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(score_is_likelihood_times_impact),
        cmocka_unit_test(bands_and_boundaries),
        cmocka_unit_test(register_order_by_net_score),
        cmocka_unit_test(review_overdue),
        cmocka_unit_test(judge_higher_is_better),
        cmocka_unit_test(judge_lower_is_better),
        cmocka_unit_test(result_and_direction_names),
        cmocka_unit_test(status_first_actual_against_baseline),
        cmocka_unit_test(status_against_previous_actual),
        cmocka_unit_test(status_lower_is_better_direction),
        cmocka_unit_test(status_without_data),
    };
    return cmocka_run_group_tests_name("risk_indicator", tests, NULL, NULL);
}
