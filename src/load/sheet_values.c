/* sheet_values.c - officers' dates, words and numbers (sheet_values.h). */
#include "sheet_values.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/diag.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int is_space_at(const char *s, size_t *len)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        *len = 1;
        return 1;
    }
    if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) { /* no-break space */
        *len = 2;
        return 1;
    }
    return 0;
}

char *sheet_trim(arena *a, const char *s)
{
    size_t k;
    while (*s && is_space_at(s, &k)) s += k;
    size_t n = strlen(s);
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) {
            n--;
        } else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0) {
            n -= 2;
        } else {
            break;
        }
    }
    return arena_strndup(a, s, n);
}

/* ---- dates ------------------------------------------------------------------------ */

static const char *const month_names[12] = {"january", "february", "march", "april",
                                            "may", "june", "july", "august", "september",
                                            "october", "november", "december"};

/* 1-12 for a month name in full or its first three letters (and "sept"); 0 otherwise. */
static int month_of(const char *w, size_t n)
{
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(month_names[m]);
        if ((n == full || n == 3 || (m == 8 && n == 4)) && n <= full &&
            strncasecmp(w, month_names[m], n) == 0)
            return m + 1;
    }
    return 0;
}

/* Reads 1 to max digits at *p; returns how many (0: none). */
static int read_num(const char **p, int max, int *out)
{
    int v = 0, k = 0;
    while (k < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        k++;
    }
    *out = v;
    return isdigit((unsigned char)**p) ? 0 : k;
}

static int read_word(const char **p, const char **w)
{
    *w = *p;
    while (isalpha((unsigned char)**p)) (*p)++;
    return (int)(*p - *w);
}

/* A year of two or four digits; two digits as Excel reads them (00-29 20xx). */
static int full_year(int y, int digits) { return digits == 2 ? (y < 30 ? 2000 + y : 1900 + y) : y; }

static int set_day(fuzzy_date *out, int y, int m, int d, char *why, size_t whylen)
{
    if (m < 1 || m > 12) {
        snprintf(why, whylen, "has no month %d", m);
        return -1;
    }
    if (y < 1900 || y > 2999) {
        snprintf(why, whylen, "has the year %d", y);
        return -1;
    }
    if (d < 1 || d > date_days_in_month(y, m)) {
        char name[16];
        snprintf(name, sizeof name, "%s", month_names[m - 1]);
        name[0] = (char)toupper((unsigned char)name[0]);
        snprintf(why, whylen, "does not exist (%s %d has %d days)", name, y,
                 date_days_in_month(y, m));
        return -1;
    }
    memset(out, 0, sizeof *out);
    out->kind = DATE_DAY;
    out->year = y;
    out->month = m;
    out->day = d;
    return 0;
}

static int skip_seps(const char **p, const char *seps)
{
    int k = 0;
    while (**p && strchr(seps, **p)) {
        (*p)++;
        k++;
    }
    return k;
}

/* The forms other than the plan's: returns 0 (parsed), -1 (this form, but wrong: why
 * says how), 1 (not one of these forms). s is trimmed, without a time of day. */
static int officer_date(const char *s, fuzzy_date *out, char *why, size_t whylen)
{
    const char *p = s, *w;
    int a, b, c, ka, kb, kc;
    if (isdigit((unsigned char)*p)) {
        ka = read_num(&p, 6, &a);
        /* An Excel serial number: a whole number (a fraction is a time of day). */
        if (ka == 5 && (*p == '\0' || (*p == '.' && isdigit((unsigned char)p[1])))) {
            const char *q = p;
            if (*q == '.') {
                q++;
                while (isdigit((unsigned char)*q)) q++;
            }
            if (*q) return 1;
            if (a < 32874 || a > 73415) {
                snprintf(why, whylen, "is a number, not a date (as an Excel date number it "
                         "would be before 1990 or after 2100)");
                return -1;
            }
            *out = date_of_day(date_from_ymd(1899, 12, 30) + a);
            return 0;
        }
        if (ka < 1 || ka > 2) return 1;
        /* 31/03/2014, 31-03-14, 31.3.2014: day first */
        if (*p == '/' || *p == '-' || *p == '.') {
            char sep = *p++;
            if (isdigit((unsigned char)*p)) {
                kb = read_num(&p, 2, &b);
                if (!kb || *p != sep) return 1;
                p++;
                kc = read_num(&p, 4, &c);
                if ((kc != 2 && kc != 4) || *p) return 1;
                if (b > 12 && a >= 1 && a <= 12) {
                    char name[16];
                    snprintf(name, sizeof name, "%s", month_names[a - 1]);
                    name[0] = (char)toupper((unsigned char)name[0]);
                    snprintf(why, whylen, "has no month %d: dates are read day first "
                             "(day/month/year), so for %d %s %d write %02d/%02d/%0*d", b, b,
                             name, full_year(c, kc), b, a, kc, c);
                    return -1;
                }
                return set_day(out, full_year(c, kc), b, a, why, whylen);
            }
            p--; /* 31-Mar-2014: the separator comes again below */
        }
        /* 31 March 2014, 31-Mar-14, 1st April 2014 */
        if (!strncasecmp(p, "st", 2) || !strncasecmp(p, "nd", 2) || !strncasecmp(p, "rd", 2) ||
            !strncasecmp(p, "th", 2))
            p += 2;
        if (!skip_seps(&p, " -/.")) return 1;
        int n = read_word(&p, &w);
        int m = month_of(w, (size_t)n);
        if (!m) return 1;
        if (!skip_seps(&p, " -/.,")) {
            snprintf(why, whylen, "has no year: write %d %s 2014 or %02d/%02d/2014", a,
                     month_names[m - 1], a, m);
            return *p ? 1 : -1;
        }
        kc = read_num(&p, 4, &c);
        if ((kc != 2 && kc != 4) || *p) return 1;
        return set_day(out, full_year(c, kc), m, a, why, whylen);
    }
    if (isalpha((unsigned char)*p)) {
        int n = read_word(&p, &w);
        int m = month_of(w, (size_t)n);
        if (!m) return 1;
        if (!skip_seps(&p, " -/.,")) return 1;
        kb = read_num(&p, 4, &b);
        if (!kb) return 1;
        if (*p == '\0' && (kb == 2 || kb == 4)) {       /* Mar-14, March 2014 */
            memset(out, 0, sizeof *out);
            out->kind = DATE_MONTH;
            out->year = full_year(b, kb);
            out->month = m;
            if (out->year < 1900 || out->year > 2999) {
                snprintf(why, whylen, "has the year %d", out->year);
                return -1;
            }
            return 0;
        }
        if (kb <= 2 && skip_seps(&p, " ,")) {           /* March 31, 2014 */
            kc = read_num(&p, 4, &c);
            if (kc != 4 || *p) return 1;
            return set_day(out, c, m, b, why, whylen);
        }
        return 1;
    }
    return 1;
}

/* Drops a time of day after the date: " 00:00", " 0:00:00", " 14:30". */
static void drop_time(char *s)
{
    char *sp = strrchr(s, ' ');
    if (!sp) return;
    const char *t = sp + 1;
    int h, m, k1, k2;
    k1 = read_num(&t, 2, &h);
    if (!k1 || *t != ':') return;
    t++;
    k2 = read_num(&t, 2, &m);
    if (k2 != 2) return;
    if (*t == ':') {
        t++;
        int sec;
        if (read_num(&t, 2, &sec) != 2) return;
    }
    if (*t) return;
    while (sp > s && sp[-1] == ' ') sp--;
    *sp = '\0';
}

/* yyyy/mm/dd: 1 when s is of that form, with *rc the result. */
static int ymd_slashes(const char *s, fuzzy_date *out, char *why, size_t whylen, int *rc)
{
    const char *p = s;
    int y, m, d;
    if (read_num(&p, 4, &y) != 4 || *p++ != '/') return 0;
    if (!read_num(&p, 2, &m) || *p++ != '/') return 0;
    if (!read_num(&p, 2, &d) || *p) return 0;
    *rc = set_day(out, y, m, d, why, whylen);
    return 1;
}

int sheet_date(const char *text, fuzzy_date *out, char *why, size_t whylen)
{
    arena a;
    arena_init(&a);
    char *s = sheet_trim(&a, text);
    drop_time(s);
    if (why && whylen) why[0] = '\0';
    int rc;
    if (!strcasecmp(s, "ongoing")) {
        memset(out, 0, sizeof *out);
        out->kind = DATE_ONGOING;
        rc = 0;
    } else if (ymd_slashes(s, out, why, whylen, &rc)) {
        /* 2014/03/31, as some locales save dates */
    } else if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
               isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
               (s[4] == '-' || s[4] == '/')) {
        rc = date_parse(s, out, why, whylen);       /* 2014-03-31, 2010/11 Q3, 2010/11 */
    } else if ((s[0] == 'Q' || s[0] == 'q') && isdigit((unsigned char)s[1])) {
        char *up = s;
        up[0] = 'Q';
        rc = date_parse(up, out, why, whylen);      /* Q3 2010/11 */
    } else {
        rc = officer_date(s, out, why, whylen);
        if (rc == 1) {
            snprintf(why, whylen, "is not a date tabled reads: write a day (31/03/2014, "
                     "31-Mar-2014 or 2014-03-31), a month (March 2014), a quarter (Q3 2010/11), "
                     "a financial year (2010/11) or ongoing");
            rc = -1;
        }
    }
    arena_free(&a);
    return rc;
}

/* ---- words ---------------------------------------------------------------------- */

/* Lower case, with each run of spaces, hyphens and underscores one hyphen, in buf. */
static void normalise_word(const char *s, char *buf, size_t len)
{
    size_t k, n = 0;
    while (*s && is_space_at(s, &k)) s += k;
    int gap = 0;
    for (; *s && n + 2 < len; s++) {
        if (*s == ' ' || *s == '-' || *s == '_' || *s == '\t') {
            gap = 1;
            continue;
        }
        if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
            gap = 1;
            s++;
            continue;
        }
        if (gap && n) buf[n++] = '-';
        gap = 0;
        buf[n++] = (char)tolower((unsigned char)*s);
    }
    buf[n] = '\0';
}

typedef struct {
    const char *word;
    int value;
} word_value;

static int lookup_word(const char *s, const word_value *words, size_t n,
                       const char *const *canon, size_t n_canon, int *out, const char **near)
{
    char buf[64];
    normalise_word(s, buf, sizeof buf);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(buf, words[i].word)) {
            *out = words[i].value;
            return 0;
        }
    *near = closest_word(buf, canon, n_canon);
    return -1;
}

static const char *const status_canon[] = {"not-started", "in-progress", "complete",
                                           "cancelled"};
static const char *const rag_canon[] = {"red", "amber", "green", "complete"};

int sheet_status(const char *s, entered_status *out, const char **near)
{
    static const word_value words[] = {
        {"not-started", ENTERED_NOT_STARTED}, {"in-progress", ENTERED_IN_PROGRESS},
        {"complete", ENTERED_COMPLETE},       {"cancelled", ENTERED_CANCELLED},
        {"completed", ENTERED_COMPLETE},      {"canceled", ENTERED_CANCELLED}};
    int v;
    *near = NULL;
    if (lookup_word(s, words, N(words), status_canon, N(status_canon), &v, near) != 0) return -1;
    *out = (entered_status)v;
    return 0;
}

int sheet_rag(const char *s, stated_rag *out, const char **near)
{
    static const word_value words[] = {
        {"red", RAG_RED},     {"amber", RAG_AMBER},       {"green", RAG_GREEN},
        {"complete", RAG_COMPLETE}, {"completed", RAG_COMPLETE}, {"blue", RAG_COMPLETE},
        {"r", RAG_RED},       {"a", RAG_AMBER},           {"g", RAG_GREEN}};
    int v;
    *near = NULL;
    if (lookup_word(s, words, N(words), rag_canon, N(rag_canon), &v, near) != 0) return -1;
    *out = (stated_rag)v;
    return 0;
}

const char *sheet_status_words(void) { return "not-started, in-progress, complete, cancelled"; }
const char *sheet_rag_words(void) { return "red, amber, green, complete"; }

/* ---- numbers ------------------------------------------------------------------- */

int sheet_number(const char *text, double *out)
{
    char buf[64];
    size_t n = 0, k;
    const char *s = text;
    while (*s && is_space_at(s, &k)) s += k;
    int neg = 0;
    if (*s == '-' || *s == '+') neg = *s++ == '-';
    if (!strncmp(s, "\xC2\xA3", 2)) s += 2;             /* £ */
    else if (!strncmp(s, "\xE2\x82\xAC", 3)) s += 3;    /* € */
    else if (*s == '$') s++;
    if (!neg && (*s == '-' || *s == '+')) neg = *s++ == '-';
    int digits = 0, point = 0;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s)) {
            digits++;
        } else if (*s == ',' && !point && digits) {
            /* a thousands separator: three digits follow (1,5 is no number here) */
            if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]) ||
                !isdigit((unsigned char)s[3]) || isdigit((unsigned char)s[4]))
                return -1;
            continue;
        } else if (*s == '.' && !point) {
            point = 1;
        } else {
            break;
        }
        if (n + 2 >= sizeof buf) return -1;
        buf[n++] = *s;
    }
    if (*s == '%') s++;
    while (*s && is_space_at(s, &k)) s += k;
    if (*s || !digits) return -1;
    buf[n] = '\0';
    double v = strtod(buf, NULL);
    if (!isfinite(v)) return -1;
    *out = neg ? -v : v;
    return 0;
}

int sheet_score(const char *s, int *out)
{
    size_t k;
    while (*s && is_space_at(s, &k)) s += k;
    if (*s < '1' || *s > '5') return -1;
    int v = *s++ - '0';
    if (*s == '.')
        for (s++; *s == '0'; s++) {}
    while (*s && is_space_at(s, &k)) s += k;
    if (*s) return -1;
    *out = v;
    return 0;
}

int sheet_is_excel_error(const char *s)
{
    static const char *const errors[] = {"#NAME?", "#VALUE!", "#REF!",  "#DIV/0!", "#N/A",
                                         "#NUM!",  "#NULL!",  "#SPILL!", "#CALC!", "#FIELD!",
                                         "#GETTING_DATA", "#BLOCKED!", "#UNKNOWN!"};
    size_t k;
    while (*s && is_space_at(s, &k)) s += k;
    if (*s != '#') return 0;
    for (size_t i = 0; i < N(errors); i++)
        if (!strncasecmp(s, errors[i], strlen(errors[i]))) return 1;
    while (*s == '#') s++;
    while (*s && is_space_at(s, &k)) s += k;
    return *s == '\0';
}
