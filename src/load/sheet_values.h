/* sheet_values.h - what officers type into a returned spreadsheet, read as tabled's
 * values: dates in UK and Excel forms, status and RAG words, numbers and scores.
 *
 * Every function takes the cell's text as the CSV reader gave it (untrimmed) and is
 * forgiving about spaces, case and the separators people use; what it cannot read is
 * reported with a reason (and, for words, the nearest word) for the caller to
 * position. Pure: no I/O. */
#ifndef TABLED_SHEET_VALUES_H
#define TABLED_SHEET_VALUES_H

#include <stddef.h>

#include "../model/date.h"
#include "../model/plan.h"
#include "../util/arena.h"

/* s without spaces, tabs, line breaks or no-break spaces at either end, in a. */
char *sheet_trim(arena *a, const char *s);

/* A date as an officer or Excel writes it (s trimmed):
 *   31/03/2014, 31/3/14, 31-03-2014, 31.03.2014   day first, UK order (a two-digit
 *                                                   year 00-29 is 20xx, 30-99 19xx)
 *   31-Mar-2014, 31 March 2014, 1st April 2014, March 31, 2014
 *   Mar-14, Mar 2014, March 2014                    a month
 *   2014-03-31, 2014-03, 2010/11 Q3, Q3 2010/11, 2010/11, ongoing   (the plan's forms)
 *   41729                                           an Excel serial number (1990-2100)
 * with any time of day after it dropped (31/03/2014 00:00). Returns 0, or -1 with a
 * reason in why ("has no month 31: dates are day first, 03/31/2014 would be ...").*/
int sheet_date(const char *s, fuzzy_date *out, char *why, size_t whylen);

/* A status: not-started, in-progress, complete, cancelled, in any case, with spaces,
 * hyphens or underscores between the words ("In progress", "NOT_STARTED"); also
 * "completed" and "canceled". Returns 0, or -1 with *near set to the nearest word
 * (or NULL). */
int sheet_status(const char *s, entered_status *out, const char **near);
/* A RAG: red, amber, green, complete, in any case; R, A, G; blue (complete, in a BRAG
 * scheme). Returns 0, or -1 with *near set to the nearest word (or NULL). */
int sheet_rag(const char *s, stated_rag *out, const char **near);
/* The words accepted, for messages: "not-started, in-progress, complete, cancelled". */
const char *sheet_status_words(void);
const char *sheet_rag_words(void);

/* A number: 96.1, -3, 1,234.5, 12%, £1,200 (the % and currency sign dropped).
 * Returns 0 or -1. */
int sheet_number(const char *s, double *out);
/* A risk score component: a whole number 1 to 5 ("3", "3.0"). Returns 0 or -1. */
int sheet_score(const char *s, int *out);

/* 1 when s is one of Excel's error values (#NAME?, #VALUE!, #REF!, #N/A, ...) or a
 * row of #, as Excel writes them when a cell could not be shown or worked out. */
int sheet_is_excel_error(const char *s);

#endif
