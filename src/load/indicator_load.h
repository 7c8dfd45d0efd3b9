/* indicator_load.h - an indicator's baseline, targets and actuals (seed 003). */
#ifndef TABLED_INDICATOR_LOAD_H
#define TABLED_INDICATOR_LOAD_H

#include "../model/plan.h"
#include "schema.h"

/* The series under key (targets, actuals): period -> a number or {value, note}, sorted
 * by period; a period given twice is an error. The count in *n. */
period_value *load_indicator_series(schema_ctx *c, const ynode *m, const char *key, size_t *n,
                                    const char *where);
/* baseline: {period, value}; value N/A gives has_baseline 2 (not available). */
void load_indicator_baseline(schema_ctx *c, const ynode *m, indicator *x, const char *where);
/* The decimals written in a number, plus one ("95.50" gives 3, "85" gives 1). */
uint8_t number_shown_dp(const char *text);

#endif
