/* indicator.c - met / within tolerance / missed, and direction of travel. */
#include "indicator.h"

#include <math.h>

#include "history.h"

indicator_result indicator_judge(polarity pol, double tol, double target, double actual)
{
    double margin = fabs(target) * tol / 100.0;
    if (pol == POLARITY_HIGHER) {
        if (actual >= target) return IND_MET;
        return actual >= target - margin ? IND_WITHIN_TOLERANCE : IND_MISSED;
    }
    if (actual <= target) return IND_MET;
    return actual <= target + margin ? IND_WITHIN_TOLERANCE : IND_MISSED;
}

static const period_value *find(const period_value *v, size_t n, day_t first)
{
    for (size_t i = 0; i < n; i++)
        if (date_first_day(v[i].period) == first) return &v[i];
    return NULL;
}

indicator_period indicator_status(const indicator *ind, fuzzy_date period, day_t as_at)
{
    indicator_period r = {0, 0, 0, 0, IND_NO_DATA, DIR_NONE};
    day_t first = date_first_day(period);
    const period_value *t = find(ind->targets, ind->n_targets, first);
    const period_value *a = indicator_actual_at(ind, first, as_at);
    if (t) {
        r.has_target = 1;
        r.target = t->value;
    }
    if (a) {
        r.has_actual = 1;
        r.actual = a->value;
    }
    if (t && a) r.result = indicator_judge(ind->polarity, ind->tolerance, t->value, a->value);
    if (a) {
        /* The previous actual: the latest period before this one with an actual known at
         * T, else the baseline. */
        const period_value *prev = NULL;
        for (size_t i = 0; i < ind->n_actuals; i++) {
            day_t f = date_first_day(ind->actuals[i].period);
            if (f >= first || (prev && date_first_day(prev->period) >= f)) continue;
            const period_value *k = indicator_actual_at(ind, f, as_at);
            if (k) prev = k;
        }
        double pv;
        int have = 0;
        if (prev) {
            pv = prev->value;
            have = 1;
        } else if (ind->has_baseline && date_first_day(ind->baseline.period) < first) {
            pv = ind->baseline.value;
            have = 1;
        }
        if (have) {
            double d = a->value - pv;
            if (d == 0) r.direction = DIR_SAME;
            else if ((d > 0) == (ind->polarity == POLARITY_HIGHER)) r.direction = DIR_IMPROVING;
            else r.direction = DIR_WORSE;
        }
    }
    return r;
}

/* The latest period with an actual known at T, for "the indicator's status now". */
int indicator_latest_period(const indicator *ind, day_t as_at, fuzzy_date *period)
{
    int found = 0;
    for (size_t i = 0; i < ind->n_actuals; i++) {
        const period_value *a = &ind->actuals[i];
        if (!indicator_actual_at(ind, date_first_day(a->period), as_at)) continue;
        if (!found || date_first_day(a->period) > date_first_day(*period)) *period = a->period;
        found = 1;
    }
    return found;
}

rag_level indicator_result_level(indicator_result r)
{
    return r == IND_MET ? LEVEL_GREEN
           : r == IND_WITHIN_TOLERANCE ? LEVEL_AMBER
           : r == IND_MISSED ? LEVEL_RED : LEVEL_NONE;
}

const char *indicator_result_name(indicator_result r)
{
    switch (r) {
    case IND_MET: return "Met";
    case IND_WITHIN_TOLERANCE: return "Missed (within tolerance)";
    case IND_MISSED: return "Missed";
    default: return "No data";
    }
}

const char *indicator_direction_name(indicator_direction d)
{
    switch (d) {
    case DIR_IMPROVING: return "Improving";
    case DIR_SAME: return "Same";
    case DIR_WORSE: return "Worse";
    default: return "";
    }
}
