/* risk.h - risk scores and bands (domain rules, section 6). Pure. */
#ifndef TABLED_RISK_H
#define TABLED_RISK_H

#include "../model/plan.h"
#include "history.h"
#include "status.h"

typedef enum { BAND_NONE = 0, BAND_LOW, BAND_MODERATE, BAND_HIGH, BAND_VERY_HIGH } risk_band;

int risk_score_value(risk_score s);     /* likelihood x impact, 0 if incomplete */
risk_band risk_band_of(int score);      /* 1-6 Low, 7-10 Moderate, 11-16 High, 17-25 Very high */
const char *risk_band_name(risk_band b);
/* The colour of a band: Low green, Moderate amber, High and Very high red. */
rag_level risk_band_level(risk_band b);
/* Fills order[] (room for p->n_risks) with the indices of the scored risks in the
 * register as at T (added on or before T, not closed, not assessed in words only), by
 * net score as known at T, highest first (a risk with no net score last), then by
 * natural ref order. Returns how many. */
size_t risk_register_order(const plan *p, day_t as_at, size_t *order);
/* The same for the risks assessed in words as at T (seed 003: High/Low impact, never
 * scored): High before Low, then by natural ref order. Returns how many. */
size_t risk_qualitative_order(const plan *p, day_t as_at, size_t *order);
/* 1 when the plan records reviews as at T: some risk in the register has a dated
 * review or a review-by date known at T. Review age is checked only then, and
 * "last reviewed" shown only then. */
int risk_reviews_recorded(const plan *p, day_t as_at);
/* 1 when the risk's review is overdue as at T: no review within max_days, or its
 * review-by date has passed (both as known at T). Only for a plan that records
 * reviews (risk_reviews_recorded). */
int risk_review_overdue(const risk_view *v, day_t as_at, int max_days);
/* "High", "Low" ("" for none). */
const char *qualitative_impact_name(qualitative_impact q);

#endif
