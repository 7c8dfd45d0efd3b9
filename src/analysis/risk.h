/* risk.h - risk scores and bands (domain rules, section 6). Pure. */
#ifndef TABLED_RISK_H
#define TABLED_RISK_H

#include "../model/plan.h"

typedef enum { BAND_NONE = 0, BAND_LOW, BAND_MODERATE, BAND_HIGH, BAND_VERY_HIGH } risk_band;

int risk_score_value(risk_score s);     /* likelihood x impact, 0 if incomplete */
risk_band risk_band_of(int score);      /* 1-6 Low, 7-10 Moderate, 11-16 High, 17-25 Very high */
const char *risk_band_name(risk_band b);
/* Fills order[] (n = p->n_risks) with risk indices by net score, highest first,
 * then by natural ref order. */
void risk_register_order(const plan *p, size_t *order);
/* 1 when the risk's review is overdue as at T: no review within max_days, or its
 * review-by date has passed. */
int risk_review_overdue(const risk *r, day_t as_at, int max_days);

#endif
