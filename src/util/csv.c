/* csv.c - CSV cells that Excel keeps as written (csv.h). */
#include "csv.h"

#include <string.h>
#include <strings.h>

#include "utf8.h"

/* Excel keeps at most 255 characters in a string inside a formula. */
#define EXCEL_FORMULA_STRING_MAX 255

void csv_bom(strbuf *out) { sb_puts(out, "\xEF\xBB\xBF"); }

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Letters Excel reads inside a number, date or time: month names (three letters or in
 * full), am/pm, and the exponent e. */
static int number_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "am", "pm", "e"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0) return 1;
    return 0;
}

int csv_excel_would_convert(const char *s)
{
    if (!s || !*s) return 0;
    /* = + - @ start a formula (or a signed number); a tab or CR at the start is
     * treated the same by the guidance on CSV injection. */
    if (strchr("=+-@\t\r", s[0])) return 1;
    while (*s == ' ') s++;
    if (strcasecmp(s, "true") == 0 || strcasecmp(s, "false") == 0) return 1;
    /* Made only of digits, separators, currency signs and number words, with a digit:
     * Excel tries it as a number, date, time, percentage or fraction. */
    int digits = 0;
    for (const char *p = s; *p;) {
        if (is_digit(*p)) {
            digits++;
            p++;
        } else if (is_alpha(*p)) {
            const char *w = p;
            while (is_alpha(*p)) p++;
            if (!number_word(w, (size_t)(p - w))) return 0;
        } else if (strchr(" /-.:,%()+$", *p)) {
            p++;
        } else if (!strncmp(p, "\xC2\xA3", 2)) {            /* £ */
            p += 2;
        } else if (!strncmp(p, "\xE2\x82\xAC", 3)) {        /* € */
            p += 3;
        } else {
            return 0;
        }
    }
    return digits > 0;
}

/* s quoted when it holds a comma, a quote, a line break or an edge space. */
static void put_cell(strbuf *out, const char *s)
{
    size_t n = strlen(s);
    if (!strpbrk(s, ",\"\r\n") && (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) {
        sb_puts(out, s);
        return;
    }
    sb_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"') sb_putc(out, '"');
        sb_putc(out, *s);
    }
    sb_putc(out, '"');
}

void csv_field(strbuf *out, const char *s, int first)
{
    if (!first) sb_putc(out, ',');
    if (!s) s = "";
    if (!csv_excel_would_convert(s)) {
        put_cell(out, s);
        return;
    }
    size_t n = strlen(s);
    if (utf8_width(s, n) <= EXCEL_FORMULA_STRING_MAX && !strpbrk(s, "\r\n")) {
        /* ="text", quotes doubled inside the formula's string, then quoted for CSV. */
        strbuf f = STRBUF_INIT;
        sb_puts(&f, "=\"");
        for (const char *p = s; *p; p++) {
            if (*p == '"') sb_putc(&f, '"');
            sb_putc(&f, *p);
        }
        sb_putc(&f, '"');
        put_cell(out, f.data);
        sb_free(&f);
        return;
    }
    if (strchr("=+-@\t\r", s[0])) {
        /* Too long for a formula: a leading space keeps it from being one. */
        strbuf f = STRBUF_INIT;
        sb_putc(&f, ' ');
        sb_puts(&f, s);
        put_cell(out, f.data);
        sb_free(&f);
        return;
    }
    put_cell(out, s);
}

void csv_number(strbuf *out, const char *s, int first)
{
    if (!first) sb_putc(out, ',');
    if (s) put_cell(out, s);
}

void csv_end_row(strbuf *out) { sb_puts(out, "\r\n"); }
