/* house.h - a council's house style: page geometry, type sizes, RAG colours and words,
 * and the policies that vary between councils. Loaded from templates/house.yaml; the
 * defaults below are the built-in style that file restates. */
#ifndef TABLED_HOUSE_H
#define TABLED_HOUSE_H

#include "rag.h"

typedef enum {
    DATES_LONG = 0,     /* "31 December 2010", "December 2010" */
    DATES_SHORT         /* "31 Dec 2010", "Dec 2010" */
} date_style;

typedef struct {
    unsigned fill;      /* 0xRRGGBB background */
    unsigned ink;       /* 0xRRGGBB text on that background (>= 4.5:1 contrast) */
    const char *word;   /* the word printed with the colour: "Red", "Complete" */
} rag_colour;

typedef struct {
    /* PDF geometry, in points (1 mm = 2.8346 pt) */
    double page_width, page_height;                 /* A4: 595.28 x 841.89 */
    double margin_top, margin_bottom, margin_left, margin_right;
    double body_size, body_leading;                 /* 11 / 14.5 */
    double small_size, small_leading;               /* tables: 9 / 11.5 */
    double table_min_size;                          /* the smallest a table is set (7.5)
                                                     * before it goes landscape */
    double h1_size, h2_size, h3_size;               /* 16 / 13 / 11.5 */
    double paragraph_space;                         /* after a paragraph */
    double number_indent;                           /* hanging indent for "1.1" */
    unsigned accent;                                /* headings, rules: 0xRRGGBB */
    unsigned table_header_fill, table_rule;
    const char *font_regular, *font_bold, *font_italic, *font_bold_italic;  /* in fonts/ */

    /* RAG colours by rag_level (LEVEL_NONE .. LEVEL_RED) */
    rag_colour rag[RAG_LEVELS];

    /* how dates are printed: "31 December 2010" or "31 Dec 2010" */
    date_style dates;

    /* policies */
    rag_policy theme_rag;
    int risk_review_days;                           /* a risk unreviewed longer is an exception */
} house_style;

/* The built-in style (Norwich's purple for Complete). */
void house_style_default(house_style *h);

#endif
