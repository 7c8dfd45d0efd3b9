/* csv.c - RFC 4180 quoting (CRLF rows, as spreadsheets expect). */
#include "csv.h"

#include <string.h>

void csv_field(strbuf *out, const char *s, int first)
{
    if (!first) sb_putc(out, ',');
    if (!s) s = "";
    /* A leading = + - @ would be a formula in a spreadsheet: prefix a quote. */
    int formula = s[0] == '=' || s[0] == '+' || s[0] == '@' || (s[0] == '-' && s[1] && !(s[1] >= '0' && s[1] <= '9'));
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        sb_puts(out, s);
        return;
    }
    sb_putc(out, '"');
    if (formula) sb_putc(out, '\'');
    for (; *s; s++) {
        if (*s == '"') sb_putc(out, '"');
        sb_putc(out, *s);
    }
    sb_putc(out, '"');
}

void csv_end_row(strbuf *out) { sb_puts(out, "\r\n"); }
