/* build_epoch.c - SOURCE_DATE_EPOCH, checked. */
#include "build_epoch.h"

#include <errno.h>
#include <stdlib.h>

static int epoch_seconds(const char *s, long long *v)
{
    if (!s || !*s) return 0;
    char *end;
    errno = 0;
    *v = strtoll(s, &end, 10);
    return !errno && !*end && *v >= 0 && *v <= 253402300799LL;
}

const char *build_epoch(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    long long v;
    return epoch_seconds(s, &v) ? s : NULL;
}

int build_epoch_utc(const char *s, struct tm *out)
{
    long long v;
    if (!epoch_seconds(s, &v)) return 0;
    time_t t = (time_t)v;
    return gmtime_r(&t, out) != NULL;
}
