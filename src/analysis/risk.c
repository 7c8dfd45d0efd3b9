/* risk.c - scoring, banding and ordering risks. */
#include "risk.h"

#include <stdlib.h>

#include "../util/natcmp.h"

int risk_score_value(risk_score s)
{
    if (s.likelihood < 1 || s.impact < 1) return 0;
    return s.likelihood * s.impact;
}

risk_band risk_band_of(int score)
{
    if (score <= 0) return BAND_NONE;
    if (score <= 6) return BAND_LOW;
    if (score <= 10) return BAND_MODERATE;
    if (score <= 16) return BAND_HIGH;
    return BAND_VERY_HIGH;
}

const char *risk_band_name(risk_band b)
{
    static const char *const names[] = {"", "Low", "Moderate", "High", "Very high"};
    return (unsigned)b <= BAND_VERY_HIGH ? names[b] : "";
}

static const plan *sort_plan;

static int cmp_risk(const void *pa, const void *pb)
{
    const risk *a = &sort_plan->risks[*(const size_t *)pa];
    const risk *b = &sort_plan->risks[*(const size_t *)pb];
    int sa = risk_score_value(a->net), sb = risk_score_value(b->net);
    if (sa != sb) return sa > sb ? -1 : 1;
    return natcmp(a->ref, b->ref);
}

void risk_register_order(const plan *p, size_t *order)
{
    for (size_t i = 0; i < p->n_risks; i++) order[i] = i;
    sort_plan = p;
    qsort(order, p->n_risks, sizeof *order, cmp_risk);
    sort_plan = NULL;
}

int risk_review_overdue(const risk *r, day_t as_at, int max_days)
{
    if (date_has_bounds(r->review_by) && date_last_day(r->review_by) < as_at) return 1;
    if (!date_has_bounds(r->reviewed)) return max_days > 0;
    return max_days > 0 && as_at - date_last_day(r->reviewed) > max_days;
}
