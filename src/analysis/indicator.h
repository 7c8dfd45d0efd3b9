/* indicator.h - performance indicator status and direction (domain rules, section 7). */
#ifndef TABLED_INDICATOR_H
#define TABLED_INDICATOR_H

#include "../model/plan.h"
#include "status.h"

typedef enum { IND_NO_DATA = 0, IND_MET, IND_WITHIN_TOLERANCE, IND_MISSED } indicator_result;
typedef enum { DIR_NONE = 0, DIR_IMPROVING, DIR_SAME, DIR_WORSE } indicator_direction;

typedef struct {
    int has_target, has_actual;
    double target, actual;
    indicator_result result;
    indicator_direction direction;  /* against the previous actual */
} indicator_period;

/* Status of the indicator for the period that starts on the same day as period, as
 * known at T: an actual for a period ending after T, or reported after T, is not. */
indicator_period indicator_status(const indicator *ind, fuzzy_date period, day_t as_at);
/* The latest period with an actual known at T; 0 when there is none. */
int indicator_latest_period(const indicator *ind, day_t as_at, fuzzy_date *period);
/* Result for an actual against a target (pure rule, exposed for tests). */
indicator_result indicator_judge(polarity pol, double tolerance_percent, double target,
                                 double actual);
const char *indicator_result_name(indicator_result r);
/* Met green, missed within tolerance amber, missed red. */
rag_level indicator_result_level(indicator_result r);      /* "Met", "Missed (within tolerance)", ... */
const char *indicator_direction_name(indicator_direction d); /* "Improving", "Same", "Worse" */

#endif
