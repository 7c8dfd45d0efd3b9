/* text_measure.c - label widths for charts (see text_measure.h). */
#include "text_measure.h"

#include <string.h>

/* Advance widths of ASCII 32-126 in thousandths of an em: Helvetica's, which Arial and
 * Liberation Sans share. */
static const unsigned short ascii_w[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, /* sp-/ */
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,                               /* 0-9 */
    278, 278, 584, 584, 584, 556, 1015,                                             /* :-@ */
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,                /* A-M */
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,                /* N-Z */
    278, 278, 278, 469, 556, 333,                                                   /* [-` */
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,                /* a-m */
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,                /* n-z */
    334, 260, 334, 584                                                              /* {-~ */
};
#define WIDE_CHAR 722       /* any character outside ASCII */

static double char_units(unsigned char c, int bold)
{
    double w = c >= 32 && c < 127 ? ascii_w[c - 32] : WIDE_CHAR;
    /* Bold faces are about a tenth wider, and their narrowest letters more. */
    return bold ? w * 1.1 + 20 : w;
}

static double units_of(const char *s, size_t n, int bold)
{
    double u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80) continue;   /* a continuation byte */
        u += char_units(c, bold);
    }
    return u;
}

double label_width(const char *s, double size, int bold)
{
    return s ? units_of(s, strlen(s), bold) * size / 1000.0 : 0;
}

/* The longest prefix of s[0..n) whose width with "..." fits, ended on a character. */
static char *cut_to(arena *a, const char *s, size_t n, double size, int bold, double width)
{
    double ell = units_of("...", 3, bold) * size / 1000.0;
    size_t k = n;
    while (k > 0 && units_of(s, k, bold) * size / 1000.0 + ell > width) {
        k--;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    }
    while (k > 0 && s[k - 1] == ' ') k--;
    char *out = arena_alloc(a, k + 4);
    memcpy(out, s, k);
    memcpy(out + k, "...", 4);
    return out;
}

size_t text_wrap(arena *a, const char *text, double size, int bold, double width,
                 const char **lines, size_t max)
{
    if (!text || !max) return 0;
    size_t n = 0, len = strlen(text), i = 0;
    while (i < len && n < max) {
        while (i < len && text[i] == ' ') i++;
        if (i >= len) break;
        /* As many words as fit; a first word that does not fit stands alone. */
        size_t fit = 0, e = i;
        while (e < len) {
            size_t w = e;
            while (w < len && text[w] == ' ') w++;
            size_t we = w;
            while (we < len && text[we] != ' ') we++;
            if (we == w) break;
            if (units_of(text + i, we - i, bold) * size / 1000.0 > width) {
                if (!fit) fit = we;
                break;
            }
            fit = e = we;
        }
        int last = n + 1 == max;
        size_t stop = last ? len : fit;
        if (units_of(text + i, stop - i, bold) * size / 1000.0 > width)
            lines[n++] = cut_to(a, text + i, stop - i, size, bold, width);
        else
            lines[n++] = arena_strndup(a, text + i, stop - i);
        i = stop;
    }
    return n;
}
