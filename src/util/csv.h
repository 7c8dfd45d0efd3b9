/* csv.h - RFC 4180 fields. */
#ifndef TABLED_CSV_H
#define TABLED_CSV_H

#include "strbuf.h"

/* Appends one field, quoted when needed; sep is written before it unless first. */
void csv_field(strbuf *out, const char *s, int first);
void csv_end_row(strbuf *out);

#endif
