/* test_dates.c - council dates (domain rules, section 2): parsing every form and every
 * rejection, leap years, period bounds, printing, day arithmetic and date_today. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "model/date.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

/* Parses s, which must succeed. */
static fuzzy_date ok(const char *s)
{
    fuzzy_date d;
    char why[256] = "unset";
    int r = date_parse(s, &d, why, sizeof why);
    if (r != 0) fail_msg("date_parse(\"%s\") failed: %s", s, why);
    assert_string_equal(why, "");
    return d;
}

/* Parses s, which must fail; returns the reason. */
static const char *bad(const char *s)
{
    static char why[256];
    fuzzy_date d;
    why[0] = '\0';
    int r = date_parse(s, &d, why, sizeof why);
    if (r != -1) fail_msg("date_parse(\"%s\") accepted a bad date (kind %d)", s, d.kind);
    if (why[0] == '\0') fail_msg("date_parse(\"%s\") gave no reason", s);
    return why;
}

static void assert_day(day_t got, int y, int m, int d)
{
    int gy, gm, gd;
    date_to_ymd(got, &gy, &gm, &gd);
    if (gy != y || gm != m || gd != d)
        fail_msg("expected %04d-%02d-%02d, got %04d-%02d-%02d", y, m, d, gy, gm, gd);
}

static void assert_bounds(const char *s, int y1, int m1, int d1, int y2, int m2, int d2)
{
    fuzzy_date d = ok(s);
    assert_true(date_has_bounds(d));
    assert_day(date_first_day(d), y1, m1, d1);
    assert_day(date_last_day(d), y2, m2, d2);
}

static const char *fmt(const char *s)
{
    static char buf[DATE_BUF];
    date_format(ok(s), buf, sizeof buf);
    return buf;
}

static const char *fmt_iso(const char *s)
{
    static char buf[DATE_BUF];
    date_format_iso(ok(s), buf, sizeof buf);
    return buf;
}

static const char *fmt_short(const char *s)
{
    static char buf[DATE_BUF];
    date_format_short(ok(s), buf, sizeof buf);
    return buf;
}

/* ---- parsing: every accepted form --------------------------------------------- */

TEST(parse_day)
{
    fuzzy_date d = ok("2010-12-31");
    assert_int_equal(d.kind, DATE_DAY);
    assert_int_equal(d.year, 2010);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.day, 31);
    d = ok("2010-01-05");
    assert_int_equal(d.kind, DATE_DAY);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 5);
}

TEST(parse_month)
{
    fuzzy_date d = ok("2010-12");
    assert_int_equal(d.kind, DATE_MONTH);
    assert_int_equal(d.year, 2010);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.day, 0);
    d = ok("2011-01");
    assert_int_equal(d.kind, DATE_MONTH);
    assert_int_equal(d.month, 1);
}

TEST(parse_quarter_year_first)
{
    fuzzy_date d = ok("2010/11 Q3");
    assert_int_equal(d.kind, DATE_QUARTER);
    assert_int_equal(d.year, 2010);
    assert_int_equal(d.quarter, 3);
    d = ok("2010/11 Q1");
    assert_int_equal(d.quarter, 1);
    d = ok("2010/11 Q4");
    assert_int_equal(d.kind, DATE_QUARTER);
    assert_int_equal(d.year, 2010); /* the FY's starting year, not the calendar year */
    assert_int_equal(d.quarter, 4);
    d = ok("2010/2011 Q2");
    assert_int_equal(d.kind, DATE_QUARTER);
    assert_int_equal(d.year, 2010);
    assert_int_equal(d.quarter, 2);
}

TEST(parse_quarter_quarter_first)
{
    fuzzy_date d = ok("Q3 2010/11");
    assert_int_equal(d.kind, DATE_QUARTER);
    assert_int_equal(d.year, 2010);
    assert_int_equal(d.quarter, 3);
    d = ok("Q1 2010/2011");
    assert_int_equal(d.kind, DATE_QUARTER);
    assert_int_equal(d.year, 2010);
    assert_int_equal(d.quarter, 1);
    /* Both spellings mean the same period. */
    fuzzy_date a = ok("2010/11 Q3"), b = ok("Q3 2010/11");
    assert_int_equal(date_first_day(a), date_first_day(b));
    assert_int_equal(date_last_day(a), date_last_day(b));
}

TEST(parse_financial_year)
{
    fuzzy_date d = ok("2010/11");
    assert_int_equal(d.kind, DATE_FYEAR);
    assert_int_equal(d.year, 2010);
    d = ok("2010/2011");
    assert_int_equal(d.kind, DATE_FYEAR);
    assert_int_equal(d.year, 2010);
    /* The century turns inside the financial year. */
    d = ok("1999/00");
    assert_int_equal(d.kind, DATE_FYEAR);
    assert_int_equal(d.year, 1999);
    d = ok("1999/2000");
    assert_int_equal(d.kind, DATE_FYEAR);
    assert_int_equal(d.year, 1999);
}

TEST(parse_ongoing)
{
    fuzzy_date d = ok("ongoing");
    assert_int_equal(d.kind, DATE_ONGOING);
    assert_false(date_has_bounds(d));
}

/* ---- parsing: every rejection ----------------------------------------------------- */

TEST(reject_day_that_does_not_exist)
{
    const char *why = bad("2010-02-30");
    assert_non_null(strstr(why, "does not exist"));
    assert_non_null(strstr(why, "28"));
    /* The reason does not repeat the input (the caller prints it). */
    assert_null(strstr(why, "2010-02-30"));
    bad("2010-04-31");
    bad("2010-06-31");
    bad("2010-09-31");
    bad("2010-11-31");
    bad("2010-12-32");
    bad("2010-12-00");
    bad("2010-01-00");
}

TEST(reject_29_february_in_common_years)
{
    const char *why = bad("2009-02-29");
    assert_non_null(strstr(why, "does not exist"));
    bad("2010-02-29");
    bad("1900-02-29"); /* divisible by 100, not by 400 */
    bad("2100-02-29");
}

TEST(reject_month_13_and_0)
{
    const char *why = bad("2010-13");
    assert_non_null(strstr(why, "13"));
    bad("2010-00");
    bad("2010-13-01");
    bad("2010-00-10");
}

TEST(reject_financial_year_that_does_not_follow)
{
    /* 2010/12 is neither a financial year (2010/11) nor a month. */
    const char *why = bad("2010/12");
    assert_non_null(strstr(why, "2010/11"));
    bad("2010/10");
    bad("2010/2012");
    bad("2010/2010");
    bad("2010/12 Q3");
    bad("Q3 2010/12");
}

TEST(reject_quarter_5_and_0)
{
    const char *why = bad("2010/11 Q5");
    assert_non_null(strstr(why, "Q5"));
    bad("2010/11 Q0");
    bad("2010/11 Q9");
    bad("Q5 2010/11");
    bad("Q0 2010/11");
}

TEST(reject_garbage)
{
    bad("garbage");
    bad("tomorrow");
    bad("31/12/2010");
    bad("2010-1-1");
    bad("2010-12-1");
    bad("2010-12-31x");
    bad("2010-12-31 ");
    bad(" 2010-12-31");
    bad("2010-12x");
    bad("2010/11x");
    bad("2010/11 Q3x");
    bad("2010/11 Q");
    bad("2010/11Q3");
    bad("Q3");
    bad("Q3 ");
    bad("Q3 2010");
    bad("Q32010/11");
    bad("2010");
    bad("10-12-31");
    bad("201O-12-31");
    bad("on going");
    bad("ongoingx");
    bad("-2010-12");
    bad("2010/1");
    bad("2010/");
    bad("2010-");
    bad("20101231");
}

TEST(reject_empty)
{
    const char *why = bad("");
    assert_non_null(strstr(why, "not a date"));
}

TEST(rejection_without_reason_buffer)
{
    fuzzy_date d;
    assert_int_equal(date_parse("2010-02-30", &d, NULL, 0), -1);
    assert_int_equal(date_parse("2010-12", &d, NULL, 0), 0);
    assert_int_equal(d.kind, DATE_MONTH);
}

/* ---- leap years ---------------------------------------------------------------------- */

TEST(leap_years)
{
    assert_true(date_is_leap(2008));
    assert_true(date_is_leap(2000));
    assert_true(date_is_leap(2012));
    assert_true(date_is_leap(2400));
    assert_false(date_is_leap(1900));
    assert_false(date_is_leap(2010));
    assert_false(date_is_leap(2100));
    assert_false(date_is_leap(2011));
}

TEST(leap_day_parses_in_leap_years)
{
    fuzzy_date d = ok("2008-02-29");
    assert_int_equal(d.kind, DATE_DAY);
    assert_int_equal(d.day, 29);
    ok("2000-02-29");
    ok("2012-02-29");
    assert_int_equal(date_days_in_month(2008, 2), 29);
    assert_int_equal(date_days_in_month(2000, 2), 29);
    assert_int_equal(date_days_in_month(1900, 2), 28);
    assert_int_equal(date_days_in_month(2010, 2), 28);
    assert_int_equal(date_from_ymd(2008, 3, 1) - date_from_ymd(2008, 2, 28), 2);
    assert_int_equal(date_from_ymd(2010, 3, 1) - date_from_ymd(2010, 2, 28), 1);
    assert_int_equal(date_from_ymd(1900, 3, 1) - date_from_ymd(1900, 2, 28), 1);
    assert_int_equal(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28), 2);
}

TEST(days_in_month)
{
    static const int expect[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++) assert_int_equal(date_days_in_month(2010, m), expect[m - 1]);
    assert_int_equal(date_days_in_month(2010, 0), 0);
    assert_int_equal(date_days_in_month(2010, 13), 0);
}

/* ---- bounds -------------------------------------------------------------------------- */

TEST(bounds_of_a_day)
{
    assert_bounds("2010-12-31", 2010, 12, 31, 2010, 12, 31);
    assert_bounds("2011-03-31", 2011, 3, 31, 2011, 3, 31);
    assert_bounds("2012-02-29", 2012, 2, 29, 2012, 2, 29);
}

TEST(bounds_of_a_month)
{
    assert_bounds("2010-12", 2010, 12, 1, 2010, 12, 31);
    assert_bounds("2010-04", 2010, 4, 1, 2010, 4, 30);
    assert_bounds("2010-02", 2010, 2, 1, 2010, 2, 28);
    assert_bounds("2012-02", 2012, 2, 1, 2012, 2, 29);
    assert_bounds("2000-02", 2000, 2, 1, 2000, 2, 29);
    assert_bounds("1900-02", 1900, 2, 1, 1900, 2, 28);
    assert_bounds("2011-03", 2011, 3, 1, 2011, 3, 31);
    assert_bounds("2010-01", 2010, 1, 1, 2010, 1, 31);
}

TEST(bounds_of_financial_quarters)
{
    /* Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March of the
     * next calendar year. */
    assert_bounds("2010/11 Q1", 2010, 4, 1, 2010, 6, 30);
    assert_bounds("2010/11 Q2", 2010, 7, 1, 2010, 9, 30);
    assert_bounds("2010/11 Q3", 2010, 10, 1, 2010, 12, 31);
    assert_bounds("2010/11 Q4", 2011, 1, 1, 2011, 3, 31);
    assert_bounds("Q4 2011/12", 2012, 1, 1, 2012, 3, 31);
    assert_bounds("Q4 1999/00", 2000, 1, 1, 2000, 3, 31);
    /* Q4 spans February: 90 days in a common year, 91 in a leap year. */
    fuzzy_date q = ok("2010/11 Q4");
    assert_int_equal(date_last_day(q) - date_first_day(q) + 1, 90);
    q = ok("2011/12 Q4");
    assert_int_equal(date_last_day(q) - date_first_day(q) + 1, 91);
    /* Quarters tile the year without gaps. */
    for (int k = 1; k < 4; k++) {
        fuzzy_date a = {DATE_QUARTER, 2010, 0, 0, k}, b = {DATE_QUARTER, 2010, 0, 0, k + 1};
        assert_int_equal(date_last_day(a) + 1, date_first_day(b));
    }
}

TEST(bounds_of_financial_years)
{
    /* 1 April - 31 March. */
    assert_bounds("2010/11", 2010, 4, 1, 2011, 3, 31);
    assert_bounds("2010/2011", 2010, 4, 1, 2011, 3, 31);
    assert_bounds("2011/12", 2011, 4, 1, 2012, 3, 31);
    assert_bounds("1999/00", 1999, 4, 1, 2000, 3, 31);
    fuzzy_date y = ok("2010/11");
    assert_int_equal(date_last_day(y) - date_first_day(y) + 1, 365);
    y = ok("2011/12");
    assert_int_equal(date_last_day(y) - date_first_day(y) + 1, 366);
    /* A financial year is its four quarters. */
    fuzzy_date q1 = ok("2010/11 Q1"), q4 = ok("2010/11 Q4");
    y = ok("2010/11");
    assert_int_equal(date_first_day(y), date_first_day(q1));
    assert_int_equal(date_last_day(y), date_last_day(q4));
}

TEST(thirty_first_of_march)
{
    /* 31 March ends Q4 and the financial year; 1 April starts the next. */
    fuzzy_date fy = ok("2010/11"), q4 = ok("2010/11 Q4"), mar = ok("2011-03"),
               day = ok("2011-03-31"), next = ok("2011/12"), nq1 = ok("2011/12 Q1");
    assert_int_equal(date_last_day(fy), date_last_day(day));
    assert_int_equal(date_last_day(q4), date_last_day(day));
    assert_int_equal(date_last_day(mar), date_last_day(day));
    assert_int_equal(date_first_day(next), date_last_day(day) + 1);
    assert_int_equal(date_first_day(nq1), date_last_day(day) + 1);
    assert_day(date_first_day(next), 2011, 4, 1);
}

TEST(has_bounds)
{
    fuzzy_date none = {DATE_NONE, 0, 0, 0, 0};
    assert_false(date_has_bounds(none));
    assert_false(date_has_bounds(ok("ongoing")));
    assert_true(date_has_bounds(ok("2010-12-31")));
    assert_true(date_has_bounds(ok("2010-12")));
    assert_true(date_has_bounds(ok("2010/11 Q3")));
    assert_true(date_has_bounds(ok("2010/11")));
}

/* ---- printing ------------------------------------------------------------------------ */

TEST(format_long)
{
    assert_string_equal(fmt("2010-12-31"), "31 December 2010");
    assert_string_equal(fmt("2010-04-01"), "1 April 2010");
    assert_string_equal(fmt("2012-02-29"), "29 February 2012");
    assert_string_equal(fmt("2010-12"), "December 2010");
    assert_string_equal(fmt("2011-01"), "January 2011");
    assert_string_equal(fmt("2010/11 Q3"), "Q3 2010/11");
    assert_string_equal(fmt("Q3 2010/11"), "Q3 2010/11");
    assert_string_equal(fmt("2010/2011 Q4"), "Q4 2010/11");
    assert_string_equal(fmt("2010/11"), "2010/11");
    assert_string_equal(fmt("2010/2011"), "2010/11");
    assert_string_equal(fmt("1999/00"), "1999/00");
    assert_string_equal(fmt("ongoing"), "ongoing");
    char buf[DATE_BUF] = "junk";
    fuzzy_date none = {DATE_NONE, 0, 0, 0, 0};
    date_format(none, buf, sizeof buf);
    assert_string_equal(buf, "");
}

TEST(format_iso)
{
    assert_string_equal(fmt_iso("2010-12-31"), "2010-12-31");
    assert_string_equal(fmt_iso("2010-01-05"), "2010-01-05");
    assert_string_equal(fmt_iso("2010-12"), "2010-12");
    assert_string_equal(fmt_iso("2010-03"), "2010-03");
    assert_string_equal(fmt_iso("2010/11 Q3"), "2010/11 Q3");
    assert_string_equal(fmt_iso("Q3 2010/11"), "2010/11 Q3");
    assert_string_equal(fmt_iso("2010/11"), "2010/11");
    assert_string_equal(fmt_iso("2010/2011"), "2010/11");
    assert_string_equal(fmt_iso("1999/2000"), "1999/00");
    assert_string_equal(fmt_iso("ongoing"), "ongoing");
    char buf[DATE_BUF] = "junk";
    fuzzy_date none = {DATE_NONE, 0, 0, 0, 0};
    date_format_iso(none, buf, sizeof buf);
    assert_string_equal(buf, "");
}

TEST(format_iso_parses_back)
{
    static const char *const forms[] = {"2010-12-31", "2008-02-29", "2010-12", "2010/11 Q1",
                                        "Q4 2010/11", "2010/11", "1999/2000", "ongoing"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        fuzzy_date a = ok(forms[i]);
        char buf[DATE_BUF];
        date_format_iso(a, buf, sizeof buf);
        fuzzy_date b = ok(buf);
        assert_int_equal(a.kind, b.kind);
        assert_int_equal(a.year, b.year);
        assert_int_equal(a.month, b.month);
        assert_int_equal(a.day, b.day);
        assert_int_equal(a.quarter, b.quarter);
    }
}

TEST(format_short)
{
    assert_string_equal(fmt_short("2010-12-31"), "31 Dec 2010");
    assert_string_equal(fmt_short("2010-09-01"), "1 Sep 2010");
    assert_string_equal(fmt_short("2010-12"), "Dec 2010");
    assert_string_equal(fmt_short("2010-05"), "May 2010");
    assert_string_equal(fmt_short("2010/11 Q3"), "Q3 2010/11");
    assert_string_equal(fmt_short("2010/11"), "2010/11");
    assert_string_equal(fmt_short("ongoing"), "ongoing");
}

TEST(format_truncates_safely)
{
    char buf[8];
    memset(buf, 'x', sizeof buf);
    date_format(ok("2010-12-31"), buf, sizeof buf);
    assert_string_equal(buf, "31 Dece");
    memset(buf, 'x', sizeof buf);
    date_format_iso(ok("2010-12-31"), buf, 5);
    assert_string_equal(buf, "2010");
    assert_int_equal(buf[5], 'x'); /* nothing written past len */
}

TEST(all_month_names)
{
    static const char *const names[12] = {"January", "February", "March", "April", "May",
                                          "June", "July", "August", "September", "October",
                                          "November", "December"};
    for (int m = 1; m <= 12; m++) {
        fuzzy_date d = {DATE_MONTH, 2010, m, 0, 0};
        char buf[DATE_BUF], want[DATE_BUF];
        date_format(d, buf, sizeof buf);
        snprintf(want, sizeof want, "%s 2010", names[m - 1]);
        assert_string_equal(buf, want);
        date_format_short(d, buf, sizeof buf);
        snprintf(want, sizeof want, "%.3s 2010", names[m - 1]);
        assert_string_equal(buf, want);
    }
}

/* ---- day arithmetic -------------------------------------------------------------------- */

TEST(known_day_numbers)
{
    assert_int_equal(date_from_ymd(1970, 1, 1), 0);
    assert_int_equal(date_from_ymd(1970, 1, 2), 1);
    assert_int_equal(date_from_ymd(1969, 12, 31), -1);
    assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
    assert_int_equal(date_from_ymd(2010, 12, 31), 14974);
    assert_int_equal(date_from_ymd(2011, 1, 1) - date_from_ymd(2010, 10, 31), 62);
    assert_day(0, 1970, 1, 1);
    assert_day(-1, 1969, 12, 31);
    assert_day(14974, 2010, 12, 31);
}

/* Walks every day from 1 January 1600 to 31 December 2400 with a calendar counter and
 * checks date_from_ymd / date_to_ymd against it both ways. */
TEST(ymd_round_trip_over_a_range)
{
    day_t d = date_from_ymd(1600, 1, 1);
    long checked = 0;
    for (int y = 1600; y <= 2400; y++)
        for (int m = 1; m <= 12; m++)
            for (int dd = 1; dd <= date_days_in_month(y, m); dd++) {
                if (date_from_ymd(y, m, dd) != d)
                    fail_msg("date_from_ymd(%d, %d, %d) = %d, expected %d", y, m, dd,
                             (int)date_from_ymd(y, m, dd), (int)d);
                int gy, gm, gd;
                date_to_ymd(d, &gy, &gm, &gd);
                if (gy != y || gm != m || gd != dd)
                    fail_msg("date_to_ymd(%d) = %d-%d-%d, expected %d-%d-%d", (int)d, gy, gm,
                             gd, y, m, dd);
                fuzzy_date f = date_of_day(d);
                if (f.kind != DATE_DAY || f.year != y || f.month != m || f.day != dd)
                    fail_msg("date_of_day(%d) wrong", (int)d);
                d++;
                checked++;
            }
    assert_int_equal(checked, 801L * 365 + 195); /* 195 leap years in 1600..2400 */
}

/* ---- today --------------------------------------------------------------------------- */

static char *saved_sde;

static int save_env(void **state __attribute__((unused)))
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    saved_sde = s ? strdup(s) : NULL;
    return 0;
}

static int restore_env(void **state __attribute__((unused)))
{
    if (saved_sde) setenv("SOURCE_DATE_EPOCH", saved_sde, 1);
    else unsetenv("SOURCE_DATE_EPOCH");
    free(saved_sde);
    saved_sde = NULL;
    return 0;
}

TEST(today_honours_source_date_epoch)
{
    setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    assert_int_equal(date_today(), 1790000000 / 86400);
    setenv("SOURCE_DATE_EPOCH", "0", 1);
    assert_int_equal(date_today(), 0);
    setenv("SOURCE_DATE_EPOCH", "86399", 1);
    assert_int_equal(date_today(), 0);
    setenv("SOURCE_DATE_EPOCH", "86400", 1);
    assert_int_equal(date_today(), 1);
    /* 31 December 2010 23:59:59 UTC and 1 January 2011 00:00:00 UTC */
    setenv("SOURCE_DATE_EPOCH", "1293839999", 1);
    assert_day(date_today(), 2010, 12, 31);
    setenv("SOURCE_DATE_EPOCH", "1293840000", 1);
    assert_day(date_today(), 2011, 1, 1);
    /* Before 1970 rounds down to the day it falls in. */
    setenv("SOURCE_DATE_EPOCH", "-1", 1);
    assert_int_equal(date_today(), -1);
    setenv("SOURCE_DATE_EPOCH", "-86400", 1);
    assert_int_equal(date_today(), -1);
}

TEST(today_without_source_date_epoch_is_the_clock)
{
    unsetenv("SOURCE_DATE_EPOCH");
    day_t before = (day_t)(time(NULL) / 86400);
    day_t t = date_today();
    day_t after = (day_t)(time(NULL) / 86400);
    assert_true(t >= before && t <= after);
    setenv("SOURCE_DATE_EPOCH", "", 1);
    t = date_today();
    after = (day_t)(time(NULL) / 86400);
    assert_true(t >= before && t <= after);
    /* Not a number: the clock, not day 0. */
    setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    t = date_today();
    after = (day_t)(time(NULL) / 86400);
    assert_true(t >= before && t <= after);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_day),
        cmocka_unit_test(parse_month),
        cmocka_unit_test(parse_quarter_year_first),
        cmocka_unit_test(parse_quarter_quarter_first),
        cmocka_unit_test(parse_financial_year),
        cmocka_unit_test(parse_ongoing),
        cmocka_unit_test(reject_day_that_does_not_exist),
        cmocka_unit_test(reject_29_february_in_common_years),
        cmocka_unit_test(reject_month_13_and_0),
        cmocka_unit_test(reject_financial_year_that_does_not_follow),
        cmocka_unit_test(reject_quarter_5_and_0),
        cmocka_unit_test(reject_garbage),
        cmocka_unit_test(reject_empty),
        cmocka_unit_test(rejection_without_reason_buffer),
        cmocka_unit_test(leap_years),
        cmocka_unit_test(leap_day_parses_in_leap_years),
        cmocka_unit_test(days_in_month),
        cmocka_unit_test(bounds_of_a_day),
        cmocka_unit_test(bounds_of_a_month),
        cmocka_unit_test(bounds_of_financial_quarters),
        cmocka_unit_test(bounds_of_financial_years),
        cmocka_unit_test(thirty_first_of_march),
        cmocka_unit_test(has_bounds),
        cmocka_unit_test(format_long),
        cmocka_unit_test(format_iso),
        cmocka_unit_test(format_iso_parses_back),
        cmocka_unit_test(format_short),
        cmocka_unit_test(format_truncates_safely),
        cmocka_unit_test(all_month_names),
        cmocka_unit_test(known_day_numbers),
        cmocka_unit_test(ymd_round_trip_over_a_range),
        cmocka_unit_test_setup_teardown(today_honours_source_date_epoch, save_env, restore_env),
        cmocka_unit_test_setup_teardown(today_without_source_date_epoch_is_the_clock, save_env,
                                        restore_env),
    };
    return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
