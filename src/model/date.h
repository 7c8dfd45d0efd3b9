/* date.h - council dates: a day, a month, a financial quarter or year, or "ongoing".
 *
 * A date keeps the precision it was written with. For comparisons a due date means
 * the last day of its period and a start date the first (domain rules, section 2).
 * Days are counted as days since 1970-01-01 (proleptic Gregorian). */
#ifndef TABLED_DATE_H
#define TABLED_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t day_t;

typedef enum {
    DATE_NONE = 0,  /* not given */
    DATE_DAY,       /* 2010-12-31 */
    DATE_MONTH,     /* 2010-12 */
    DATE_QUARTER,   /* 2010/11 Q3: financial quarter, year starting 1 April */
    DATE_FYEAR,     /* 2010/11: 1 April 2010 - 31 March 2011 */
    DATE_ONGOING    /* no due date */
} date_kind;

typedef struct {
    date_kind kind;
    int year;       /* calendar year; for QUARTER and FYEAR the year the FY starts */
    int month;      /* 1-12 for DAY and MONTH */
    int day;        /* 1-31 for DAY */
    int quarter;    /* 1-4 for QUARTER */
} fuzzy_date;

/* Parses s. On failure returns -1 and writes a reason (without the input) to why. */
int date_parse(const char *s, fuzzy_date *out, char *why, size_t whylen);

/* The forms a field accepts: a mask of DATE_ACCEPT(kind) bits. */
#define DATE_ACCEPT(kind) (1u << (kind))
#define DATE_ACCEPT_PERIOD                                                                  \
    (DATE_ACCEPT(DATE_DAY) | DATE_ACCEPT(DATE_MONTH) | DATE_ACCEPT(DATE_QUARTER) |          \
     DATE_ACCEPT(DATE_FYEAR))
#define DATE_ACCEPT_ANY (DATE_ACCEPT_PERIOD | DATE_ACCEPT(DATE_ONGOING))
/* date_parse for a field that takes only the forms in accept: a form it does not
 * take is an error, and every message names only the forms it takes (a meeting date
 * never suggests 'ongoing'). */
int date_parse_as(const char *s, unsigned accept, fuzzy_date *out, char *why, size_t whylen);

int date_is_leap(int year);
int date_days_in_month(int year, int month);
day_t date_from_ymd(int year, int month, int day);
void date_to_ymd(day_t d, int *year, int *month, int *day);

/* First and last day of the period. Not meaningful for NONE and ONGOING (which have
 * no bounds): callers check date_has_bounds first. */
int date_has_bounds(fuzzy_date d);
day_t date_first_day(fuzzy_date d);
day_t date_last_day(fuzzy_date d);
/* A day as a fuzzy date of DAY precision. */
fuzzy_date date_of_day(day_t d);

/* "31 December 2010", "December 2010", "Q3 2010/11", "2010/11", "ongoing", "". */
void date_format(fuzzy_date d, char *buf, size_t len);
/* Canonical input form: "2010-12-31", "2010-12", "2010/11 Q3", "2010/11", "ongoing". */
void date_format_iso(fuzzy_date d, char *buf, size_t len);
/* Short month form for tables: "31 Dec 2010", "Dec 2010". */
void date_format_short(fuzzy_date d, char *buf, size_t len);

/* Today's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
day_t date_today(void);

#define DATE_BUF 40

#endif
