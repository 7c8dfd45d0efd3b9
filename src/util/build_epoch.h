/* build_epoch.h - the build's time for reproducible builds: SOURCE_DATE_EPOCH. */
#ifndef TABLED_BUILD_EPOCH_H
#define TABLED_BUILD_EPOCH_H

#include <time.h>

/* SOURCE_DATE_EPOCH when it is set to a whole number of seconds from 0 to the end of
 * the year 9999, else NULL. */
const char *build_epoch(void);
/* The UTC time of such a string into *out: 1, or 0 when s is NULL or not valid. */
int build_epoch_utc(const char *s, struct tm *out);

#endif
