/* risk.c - scoring, banding and ordering risks. */
#include "risk.h"

#include <stdlib.h>

#include "../util/natcmp.h"
#include "../util/xalloc.h"

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

rag_level risk_band_level(risk_band b)
{
    switch (b) {
    case BAND_LOW: return LEVEL_GREEN;
    case BAND_MODERATE: return LEVEL_AMBER;
    case BAND_HIGH:
    case BAND_VERY_HIGH: return LEVEL_RED;
    default: return LEVEL_NONE;
    }
}

typedef struct {
    size_t index;
    int key;                /* the net score, or the qualitative impact */
    const char *ref;
} ranked;

static int cmp_risk(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->key != b->key) return a->key > b->key ? -1 : 1;
    int c = natcmp(a->ref, b->ref);
    if (c) return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The present risks of one kind, ranked by key (higher first), then by ref. */
static size_t rank(const plan *p, day_t as_at, size_t *order, int qualitative)
{
    ranked *r = xmalloc((p->n_risks + 1) * sizeof *r);
    size_t n = 0;
    for (size_t i = 0; i < p->n_risks; i++) {
        risk_view v = risk_at(&p->risks[i], as_at);
        if (!v.present || (v.qualitative != QUAL_NONE) != qualitative) continue;
        int key = qualitative ? (int)v.qualitative : risk_score_value(v.net);
        r[n++] = (ranked){i, key, p->risks[i].ref};
    }
    qsort(r, n, sizeof *r, cmp_risk);
    for (size_t i = 0; i < n; i++) order[i] = r[i].index;
    free(r);
    return n;
}

size_t risk_register_order(const plan *p, day_t as_at, size_t *order)
{
    return rank(p, as_at, order, 0);
}

size_t risk_qualitative_order(const plan *p, day_t as_at, size_t *order)
{
    return rank(p, as_at, order, 1);
}

int risk_reviews_recorded(const plan *p, day_t as_at)
{
    for (size_t i = 0; i < p->n_risks; i++) {
        risk_view v = risk_at(&p->risks[i], as_at);
        if (v.present && (date_has_bounds(v.reviewed) || date_has_bounds(v.review_by))) return 1;
    }
    return 0;
}

const char *qualitative_impact_name(qualitative_impact q)
{
    return q == QUAL_HIGH ? "High" : q == QUAL_LOW ? "Low" : "";
}

int risk_review_overdue(const risk_view *v, day_t as_at, int max_days)
{
    if (date_has_bounds(v->review_by) && date_last_day(v->review_by) < as_at) return 1;
    if (!date_has_bounds(v->reviewed)) return max_days > 0;
    return max_days > 0 && as_at - date_last_day(v->reviewed) > max_days;
}
