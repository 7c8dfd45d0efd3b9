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

#define TABLE_SPACE 6.0         /* above a table or figure */
#define TABLE_AFTER 10.0        /* after it */
#define CAPTION_AFTER 4.0       /* between a caption and its table or figure */
#define CELL_PAD 4.0            /* table cell padding, left and right */
#define FIGURE_PATTERN_STEP 4.0 /* a figure's hatching and dots: their spacing, */
#define FIGURE_PATTERN_LINE 0.6 /* hatch line width (at the figure's scale) */
#define FIGURE_DOT 0.7          /* and dot radius */
#define CELL_VPAD 3.0           /* table cell padding, top and bottom */

/* ---- the front sheet (pdf_front.c) ------------------------------------------ */
#define FRONT_ORG_SIZE 19.0         /* the organisation, bold, in the accent */
#define FRONT_ORG_LEADING 23.0
#define FRONT_TOP_RULE 2.0          /* the heavy rule under it: width, */
#define FRONT_TOP_RULE_HEIGHT 12.0  /* the height of its line, */
#define FRONT_TOP_RULE_SPACE 2.0    /* and the space above */
#define FRONT_HEADING_SIZE 14.0     /* "Report to Executive", bold */
#define FRONT_HEADING_LEADING 18.0
#define FRONT_HEADING_SPACE 6.0     /* space above it */
#define FRONT_ASIDE_GAP 12.0        /* between the heading and "Item 6" at its right */
#define FRONT_DATE_SIZE 12.0        /* the meeting date, muted */
#define FRONT_DATE_LEADING 16.0
#define FRONT_DATE_SPACE 2.0
#define FRONT_TITLE_LARGER 1.0      /* the title: the house's heading 1 size plus this */
#define FRONT_TITLE_LEADING 1.25    /* times its size */
#define FRONT_TITLE_SPACE 12.0
#define FRONT_FIELDS_SPACE 16.0     /* between the masthead and the fields */
#define FIELD_LABEL_SHARE 0.28      /* the label column: this share of the measure, */
#define FIELD_LABEL_MIN 110.0       /* at least this, */
#define FIELD_LABEL_MAX 165.0       /* at most this */
#define FIELD_GAP 12.0              /* between label and value */
#define FIELD_SPACE 9.0             /* between fields (a light rule halfway) */
#define FIELD_RULE_WIDTH 0.5
#define FIELD_VALUE_AFTER 4.0       /* after a paragraph of a value */
#define FRONT_END_SPACE 8.0         /* after the last field, */
#define FRONT_END_RULE 1.2          /* the closing rule: width, */
#define FRONT_END_RULE_HEIGHT 10.0  /* line height, */
#define FRONT_END_RULE_SPACE 8.0    /* space above, */
#define FRONT_AFTER 10.0            /* and the space after it */

/* ---- appendices (pdf_front.c) ------------------------------------------------- */
#define APPENDIX_LABEL_SIZE 11.0    /* "Appendix A", bold, in the accent */
#define APPENDIX_LABEL_LEADING 14.0
#define APPENDIX_RULE 1.0           /* the rule under the title: width, */
#define APPENDIX_RULE_HEIGHT 8.0    /* line height, */
#define APPENDIX_RULE_SPACE 2.0     /* space above */
#define APPENDIX_AFTER 8.0

/* ---- page furniture (pdf_furniture.c) ------------------------------------------ */
#define FURNITURE_INK 0x555B64u     /* running head, footer, page number */
#define FURNITURE_SIZE 8.5          /* their type size */
#define FURNITURE_RULE_WIDTH 0.5    /* the rules under the head and over the footer */
#define HEAD_RULE_ABOVE_FRAME 16.0  /* the head's rule, above the text frame's top */
#define FOOT_RULE_BELOW_FRAME 20.0  /* the footer's rule, below the text frame's foot */
#define FURNITURE_ABOVE_RULE 6.0    /* the running head's baseline over its rule */
#define FURNITURE_BELOW_RULE 12.0   /* the footer's baseline under its rule */
#define RUNNING_HEAD_SHARE 0.62     /* the measure the subject may take at the left, */
#define RUNNING_HEAD_RIGHT_SHARE 0.34 /* the organisation at the right, */
#define PAGE_FOOT_SHARE 0.7         /* and the footer's words (cut with an ellipsis) */
#define EXEMPT_INK 0xA4161Au        /* NOT FOR PUBLICATION, centred at the page's top: */
#define EXEMPT_MARK_SIZE 11.0       /* the mark, bold, */
#define EXEMPT_MARK_Y 24.0          /* its baseline from the page's top, */
#define EXEMPT_REASON_SIZE 8.0      /* the paragraph of Schedule 12A under it */
#define EXEMPT_REASON_Y 35.0
#define EXEMPT_SHIFT 24.0           /* the text frame moves down this much to make room */

#endif
