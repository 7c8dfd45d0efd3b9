/* date.c - parsing, bounds and printing of council dates. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};

int date_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int date_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil. */
day_t date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (m + 9) % 12;
    int doy = (153 * mp + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (day_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(day_t z, int *year, int *month, int *day)
{
    int zz = (int)z + 719468;
    int era = (zz >= 0 ? zz : zz - 146096) / 146097;
    int doe = zz - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    *year = y + (m <= 2);
    *month = m;
    *day = d;
}

/* Reads exactly n digits. */
static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* "2010/11" or "2010/2011" at s; returns chars consumed or 0. */
static int parse_fyear(const char *s, int *start, char *why, size_t whylen)
{
    int y, next;
    if (!digits(s, 4, &y) || s[4] != '/') return 0;
    if (digits(s + 5, 4, &next) && !isdigit((unsigned char)s[9])) {
        if (next != y + 1) {
            snprintf(why, whylen, "financial year %d/%d must span consecutive years", y, next);
            return -1;
        }
        *start = y;
        return 9;
    }
    if (digits(s + 5, 2, &next) && !isdigit((unsigned char)s[7])) {
        if (next != (y + 1) % 100) {
            snprintf(why, whylen,
                     "financial year %d/%02d must span consecutive years (did you mean %d/%02d?)",
                     y, next, y, (y + 1) % 100);
            return -1;
        }
        *start = y;
        return 7;
    }
    return 0;
}

/* A financial quarter from its digit; -1 (with why) when there is no such quarter. */
static int set_quarter(fuzzy_date *out, int fy, char digit, char *why, size_t whylen)
{
    int q = digit - '0';
    if (q < 1 || q > 4) {
        snprintf(why, whylen, "does not exist: there is no quarter Q%d (quarters are Q1 to Q4)", q);
        return -1;
    }
    out->kind = DATE_QUARTER;
    out->year = fy;
    out->quarter = q;
    return 0;
}

/* "a day (2010-12-31), a month (2010-12) or ongoing": the forms in accept. */
static void accepted_forms(unsigned accept, char *buf, size_t len)
{
    static const char *const forms[] = {NULL, "a day (2010-12-31)", "a month (2010-12)",
                                        "a financial quarter (2010/11 Q3)",
                                        "a financial year (2010/11)", "ongoing"};
    size_t n = 0, k = 0;
    for (int i = DATE_DAY; i <= DATE_ONGOING; i++) n += (accept & DATE_ACCEPT(i)) != 0;
    buf[0] = '\0';
    for (int i = DATE_DAY; i <= DATE_ONGOING; i++) {
        if (!(accept & DATE_ACCEPT(i))) continue;
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "%s%s", k == 0 ? "" : k + 1 == n ? " or " : ", ", forms[i]);
        k++;
    }
}

static const char *const kind_names[] = {"", "a day", "a month", "a financial quarter",
                                         "a financial year", "not a date"};

int date_parse_as(const char *s, unsigned accept, fuzzy_date *out, char *why, size_t whylen)
{
    char tmp[256];
    if (!why || !whylen) {
        why = tmp;
        whylen = sizeof tmp;
    }
    char forms[200]; /* written only for a message: parsing must stay cheap */
    if (date_parse(s, out, why, whylen) == 0) {
        if (accept & DATE_ACCEPT(out->kind)) return 0;
        accepted_forms(accept, forms, sizeof forms);
        snprintf(why, whylen, "is %s; write %s", kind_names[out->kind], forms);
        memset(out, 0, sizeof *out);
        return -1;
    }
    /* Keep a specific reason ("does not exist"); replace the list of every form. */
    if (strncmp(why, "is not a date:", 14) == 0) {
        accepted_forms(accept, forms, sizeof forms);
        int y, y2, yy;
        size_t n = strlen(s);
        int fy_ok = (accept & (DATE_ACCEPT(DATE_FYEAR) | DATE_ACCEPT(DATE_QUARTER))) != 0;
        /* 2014-15 or 2014-2015: a financial year written with a hyphen. */
        if (fy_ok && n == 7 && digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 2, &yy) &&
            yy == (y + 1) % 100)
            snprintf(why, whylen, "is not a date: for the financial year write %d/%02d", y, yy);
        else if (fy_ok && n == 9 && digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 4, &y2) &&
                 y2 == y + 1)
            snprintf(why, whylen, "is not a date: for the financial year write %d/%02d", y, y2 % 100);
        else
            snprintf(why, whylen, "is not a date: write %s", forms);
    }
    return -1;
}

int date_parse(const char *s, fuzzy_date *out, char *why, size_t whylen)
{
    memset(out, 0, sizeof *out);
    if (why && whylen) why[0] = '\0';
    size_t n = strlen(s);
    if (strcasecmp(s, "ongoing") == 0) {
        out->kind = DATE_ONGOING;
        return 0;
    }
    int y, m, d;
    /* Q3 2010/11 */
    if ((s[0] == 'Q' || s[0] == 'q') && s[1] >= '0' && s[1] <= '9' && s[2] == ' ') {
        int fy;
        int k = parse_fyear(s + 3, &fy, why, whylen);
        if (k < 0) return -1;
        if (k > 0 && s[3 + k] == '\0') return set_quarter(out, fy, s[1], why, whylen);
    }
    if (n >= 7 && isdigit((unsigned char)s[0])) {
        int fy;
        int k = parse_fyear(s, &fy, why, whylen);
        if (k < 0) return -1;
        if (k > 0) {
            if (s[k] == '\0') {
                out->kind = DATE_FYEAR;
                out->year = fy;
                return 0;
            }
            if (s[k] == ' ' && (s[k + 1] == 'Q' || s[k + 1] == 'q') &&
                isdigit((unsigned char)s[k + 2]) && s[k + 3] == '\0')
                return set_quarter(out, fy, s[k + 2], why, whylen);
        }
        if (digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 2, &m) &&
            (s[7] == '\0' || (s[7] == '-' && digits(s + 8, 2, &d) && s[10] == '\0'))) {
            if ((m < 1 || m > 12) && s[7] == '\0' && m == (y + 1) % 100) {
                snprintf(why, whylen, "is not a date: for the financial year write %d/%02d", y, m);
                return -1;
            }
            if (m < 1 || m > 12) {
                snprintf(why, whylen, "does not exist: there is no month %02d", m);
                return -1;
            }
            if (s[7] == '\0') {
                out->kind = DATE_MONTH;
                out->year = y;
                out->month = m;
                return 0;
            }
            if (d < 1 || d > date_days_in_month(y, m)) {
                snprintf(why, whylen, "does not exist (%s %d has %d days)", month_names[m - 1], y,
                         date_days_in_month(y, m));
                return -1;
            }
            out->kind = DATE_DAY;
            out->year = y;
            out->month = m;
            out->day = d;
            return 0;
        }
        if (digits(s, 4, &y) && s[4] == '/' && digits(s + 5, 2, &m) && s[7] == '\0') {
            snprintf(why, whylen, "is not a financial year: the second year must follow the first "
                                  "(%d/%02d); for a month write %d-%02d",
                     y, (y + 1) % 100, y, m);
            return -1;
        }
    }
    snprintf(why, whylen,
             "is not a date: write a day (2010-12-31), a month (2010-12), a financial quarter "
             "(2010/11 Q3), a financial year (2010/11) or ongoing");
    return -1;
}

int date_has_bounds(fuzzy_date d)
{
    return d.kind == DATE_DAY || d.kind == DATE_MONTH || d.kind == DATE_QUARTER ||
           d.kind == DATE_FYEAR;
}

/* First month (calendar) and year of a financial quarter. */
static void quarter_start(int fy, int q, int *y, int *m)
{
    int month0 = 3 + (q - 1) * 3; /* 0-based month: Q1 starts April (3) */
    *y = fy + month0 / 12;
    *m = month0 % 12 + 1;
}

day_t date_first_day(fuzzy_date d)
{
    int y, m;
    switch (d.kind) {
    case DATE_DAY: return date_from_ymd(d.year, d.month, d.day);
    case DATE_MONTH: return date_from_ymd(d.year, d.month, 1);
    case DATE_QUARTER:
        quarter_start(d.year, d.quarter, &y, &m);
        return date_from_ymd(y, m, 1);
    case DATE_FYEAR: return date_from_ymd(d.year, 4, 1);
    default: return 0;
    }
}

day_t date_last_day(fuzzy_date d)
{
    int y, m;
    switch (d.kind) {
    case DATE_DAY: return date_from_ymd(d.year, d.month, d.day);
    case DATE_MONTH: return date_from_ymd(d.year, d.month, date_days_in_month(d.year, d.month));
    case DATE_QUARTER:
        quarter_start(d.year, d.quarter, &y, &m);
        m += 2;
        return date_from_ymd(y, m, date_days_in_month(y, m));
    case DATE_FYEAR: return date_from_ymd(d.year + 1, 3, 31);
    default: return 0;
    }
}

fuzzy_date date_of_day(day_t z)
{
    fuzzy_date d = {DATE_DAY, 0, 0, 0, 0};
    date_to_ymd(z, &d.year, &d.month, &d.day);
    return d;
}

void date_format(fuzzy_date d, char *buf, size_t len)
{
    switch (d.kind) {
    case DATE_DAY: snprintf(buf, len, "%d %s %d", d.day, month_names[d.month - 1], d.year); break;
    case DATE_MONTH: snprintf(buf, len, "%s %d", month_names[d.month - 1], d.year); break;
    case DATE_QUARTER: snprintf(buf, len, "Q%d %d/%02d", d.quarter, d.year, (d.year + 1) % 100); break;
    case DATE_FYEAR: snprintf(buf, len, "%d/%02d", d.year, (d.year + 1) % 100); break;
    case DATE_ONGOING: snprintf(buf, len, "ongoing"); break;
    default: if (len) buf[0] = '\0';
    }
}

void date_format_short(fuzzy_date d, char *buf, size_t len)
{
    switch (d.kind) {
    case DATE_DAY: snprintf(buf, len, "%d %.3s %d", d.day, month_names[d.month - 1], d.year); break;
    case DATE_MONTH: snprintf(buf, len, "%.3s %d", month_names[d.month - 1], d.year); break;
    default: date_format(d, buf, len);
    }
}

void date_format_iso(fuzzy_date d, char *buf, size_t len)
{
    switch (d.kind) {
    case DATE_DAY: snprintf(buf, len, "%04d-%02d-%02d", d.year, d.month, d.day); break;
    case DATE_MONTH: snprintf(buf, len, "%04d-%02d", d.year, d.month); break;
    /* four digits, as date_parse reads them back (year 210 is 0210/11, never 210/11) */
    case DATE_QUARTER: snprintf(buf, len, "%04d/%02d Q%d", d.year, (d.year + 1) % 100, d.quarter); break;
    case DATE_FYEAR: snprintf(buf, len, "%04d/%02d", d.year, (d.year + 1) % 100); break;
    case DATE_ONGOING: snprintf(buf, len, "ongoing"); break;
    default: if (len) buf[0] = '\0';
    }
}

day_t date_today(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    long long secs;
    if (sde && *sde) {
        char *end;
        secs = strtoll(sde, &end, 10);
        if (*end) secs = (long long)time(NULL);
    } else {
        secs = (long long)time(NULL);
    }
    long long days = secs / 86400;
    if (secs < 0 && secs % 86400) days--;
    return (day_t)days;
}
