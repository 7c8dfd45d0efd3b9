/* csv.h - CSV that Excel opens as it was written (RFC 4180, CRLF rows).
 *
 * Every CSV tabled writes (the sheets of `tabled export`, and `--format csv` of rollup,
 * exceptions and changes) goes through these functions, so they share one set of
 * conventions:
 *   - the file starts with a UTF-8 byte order mark (csv_bom), without which Excel on
 *     Windows reads the text as Windows-1252 and breaks every £, é and curly quote;
 *   - a text cell that Excel would turn into something else when it opens the file (a
 *     number, a date, a fraction, a boolean or a formula: "2010/11", "1.10", "Mar-14",
 *     "- item") is written as a formula that gives the text back, ="2010/11", so the
 *     cell shows and saves exactly the text; Excel allows 255 characters in such a
 *     string, so a longer one (or one with a line break) that starts like a formula
 *     gets one leading space instead, which tabled import trims;
 *   - numbers meant as numbers (counts, scores, actuals) are written plain (csv_number);
 *   - cells with commas, quotes or line breaks are quoted. */
#ifndef TABLED_CSV_H
#define TABLED_CSV_H

#include "strbuf.h"

/* The UTF-8 byte order mark; call once, at the start of the file. */
void csv_bom(strbuf *out);
/* Appends one text cell (see above); a comma is written before it unless first. */
void csv_field(strbuf *out, const char *s, int first);
/* Appends a number cell as written (digits, sign, point), never protected. */
void csv_number(strbuf *out, const char *s, int first);
void csv_end_row(strbuf *out);

/* 1 when Excel, opening a CSV file, would not keep s as the text it is: it would read
 * a number, a date or time, a percentage, a fraction, TRUE/FALSE or a formula. */
int csv_excel_would_convert(const char *s);

#endif
