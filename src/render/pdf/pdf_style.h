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

/* ---- blocks (pdf_blocks.c) --------------------------------------------------- */
#define PT_PER_PX 0.75          /* an image's pixels at 96 per inch */
#define IMAGE_MAX_SHARE 0.7     /* an image is at most this share of the page's frame tall */
#define IMAGE_SPACE 6.0         /* above an image, */
#define IMAGE_AFTER 8.0         /* and after it */
#define HEADING_LEADING 1.28    /* a heading's leading, times its size */
#define HEADING1_SPACE 20.0     /* above a heading of level 1, */
#define HEADING2_SPACE 14.0     /* 2, */
#define HEADING3_SPACE 10.0     /* 3 and deeper, */
#define HEADING_IN_CELL_SPACE 8.0   /* in a table cell */
#define HEADING_AFTER 5.0       /* after a heading, */
#define HEADING_IN_CELL_AFTER 2.0   /* in a table cell */
#define LIST_NUMBER_INDENT 22.0 /* an ordered list's items, */
#define LIST_BULLET_INDENT 15.0 /* a bulleted list's */
#define LIST_NUMBER_GAP 6.0     /* between "1." (set flush right) and the item */
#define LIST_BULLET_OFFSET 3.0  /* a bullet, in from the list's edge */
#define LIST_TIGHT_SPACE 2.5    /* between the items of a tight list */
#define QUOTE_INDENT 14.0       /* a quotation, indented, */
#define QUOTE_BAR_X 1.0         /* with a bar at its left: where, */
#define QUOTE_BAR_WIDTH 2.5     /* how wide */
#define MIN_NEST_WIDTH 96.0     /* the narrowest column a nested list or quote is
                                 * indented to; deeper ones are not indented */
#define CODE_SIZE 0.88          /* a code block's type, times the body's, */
#define CODE_LEADING 1.35       /* its leading, times its size, */
#define CODE_INSET 6.0          /* its text in from its background's sides, */
#define CODE_PAD 3.0            /* the background above and below, */
#define CODE_SPACE 6.0          /* and the space above it */
#define BREAK_RULE 0.8          /* a thematic break: its rule's width, */
#define BREAK_RULE_HEIGHT 14.0  /* line height, */
#define BREAK_RULE_SPACE 4.0    /* space above */
#define NOTICE_INSET 12.0       /* a notice's text in from its box's sides, */
#define NOTICE_PAD 10.0         /* and from its top and bottom; */
#define NOTICE_RULE 0.8         /* the box's rule, */
#define NOTICE_PARA_AFTER 4.0   /* between its paragraphs, */
#define NOTICE_SPACE 8.0        /* above it, */
#define NOTICE_AFTER 10.0       /* after it; */
#define NOTICE_MAX_SHARE 0.9    /* taller than this share of the frame, it breaks across
                                 * pages with a bar at its left instead of a box, */
#define NOTICE_BAR 3.0          /* this wide */

/* ---- text decoration (pdf_text.c), in ems of the text's size unless in points ---- */
#define BADGE_SIZE 0.86         /* a RAG badge's text, bold, this much of the text around */
#define BADGE_PAD 3.0           /* its inset, points, left and right */
#define BADGE_ABOVE 0.95        /* its fill: from this far above the baseline, */
#define BADGE_HEIGHT 1.3        /* this tall */
#define CODE_OUTSET 1.0         /* code's background: this many points wider each side, */
#define CODE_ABOVE 0.85         /* from this far above the baseline, */
#define CODE_HEIGHT 1.15        /* this tall */
#define UNDERLINE_BELOW 0.14    /* a link's underline, below the baseline, */
#define UNDERLINE_WIDTH 0.5     /* points */
#define LINK_AREA_ABOVE 0.9     /* the area that follows the link: from above the baseline, */
#define LINK_AREA_HEIGHT 1.2    /* this tall */
#define STRIKE_ABOVE 0.3        /* a strikethrough, above the baseline, */
#define STRIKE_WIDTH 0.6        /* points */

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
