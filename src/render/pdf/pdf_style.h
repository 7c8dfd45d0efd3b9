/* pdf_style.h - the PDF's typographic constants that the house style does not set:
 * colours of text and decoration, the geometry of page furniture and decoration. In
 * points (1/72 inch) unless a comment says otherwise; colours 0xRRGGBB. */
#ifndef TABLED_PDF_STYLE_H
#define TABLED_PDF_STYLE_H

#define INK 0x1A1A1Au           /* body text */
#define MUTED 0x4A4F57u         /* quotations, the meeting date */
#define LINK_INK 0x1D4F91u      /* links (underlined as well) */
#define CODE_BG 0xECEFF3u       /* behind code */
#define GROUP_FILL 0xD3DBE5u    /* a table's group rows (a theme's heading) */
#define LIGHT_RULE 0xC9D0DAu    /* thematic breaks, quote bars, front-sheet field rules */
#define NOTICE_FILL 0xF3F5F8u   /* behind a boxed notice */

#define CELL_PAD 4.0            /* table cell padding, left and right */
#define CELL_VPAD 3.0           /* table cell padding, top and bottom */

#endif
