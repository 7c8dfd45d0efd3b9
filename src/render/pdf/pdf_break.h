/* pdf_break.h - a paragraph as inline items (boxes, glue, penalties) in styles, and
 * Knuth-Plass line breaking over them (pdf_break.c). */
#ifndef TABLED_PDF_BREAK_H
#define TABLED_PDF_BREAK_H

#include <stddef.h>
#include <stdint.h>

#include "../../report/report.h"
#include "pdf_font.h"

enum {
    DECO_CODE = 1,          /* grey background */
    DECO_LINK = 2,          /* underline + annotation */
    DECO_STRIKE = 4,
    DECO_BADGE = 8          /* filled box around the text */
};

typedef struct {
    uint8_t face;
    uint8_t deco;
    float size;
    unsigned color, bg;
    const rnode *link;      /* RN_LINK for DECO_LINK */
    const rnode *src;       /* innermost styled node, for the layout tree */
} istyle;

enum { IT_BOX, IT_GLUE, IT_PENALTY };
#define PEN_INF 10000
#define PEN_FORCE (-10000)

typedef struct {
    uint8_t kind;
    uint16_t style;
    int penalty;
    double w;               /* box: full width incl. padding; glue: space width */
    double pad;             /* badge inset */
    const char *s;          /* box text (UTF-8, printable) */
    uint32_t len;
} item;

typedef struct {
    item *it;
    size_t len, cap;
    istyle *st;
    size_t nst, stcap;
} itemlist;

typedef struct {
    size_t start, end;      /* items [start, end) are drawn */
    double width;           /* natural width */
} kline;

typedef struct {
    kline *v;
    size_t len, cap;
} klines;

void il_reset(itemlist *l);
void il_free(itemlist *l);
uint16_t il_style(itemlist *l, const istyle *s);
item *il_push(itemlist *l, int kind);

/* Breaks l into lines of width w (Knuth-Plass total fit, ragged right; words wider
 * than w break between characters). May rewrite l. Returns 1 if it had to fall back
 * to first fit. */
int kp_break(itemlist *l, double w, pfont *fonts, klines *out);
void klines_free(klines *k);

#endif
