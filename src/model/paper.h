/* paper.h - a paper (front block + Markdown narrative) and the front-sheet variants
 * it is laid out with. Variants are data from templates/variants/, not C. */
#ifndef TABLED_PAPER_H
#define TABLED_PAPER_H

#include <stddef.h>

#include "../util/arena.h"
#include "../util/diag.h"
#include "date.h"

typedef enum { FIELD_TEXT = 0, FIELD_DATE, FIELD_TABLE } field_type;
typedef enum { NUMBER_FULL = 0, NUMBER_SECTIONS, NUMBER_NONE } numbering_mode;

typedef struct {
    const char *key, *label;
    field_type type;
    int required;
    int at_end;                 /* printed after the report, not on the front sheet */
    const char **columns;       /* FIELD_TABLE */
    size_t n_columns;
    int no_header_row;          /* FIELD_TABLE: rows of label and value, no header row
                                 * (seed 002's Decision Status) */
} variant_field;

typedef struct {
    const char *name;
    const char *title;          /* "Report to {committee}" */
    const char *kind;           /* "Report for Information" */
    const char *body_heading;   /* heads the report after the front sheet ("Supporting
                                 * information", seed 002); NULL: none */
    numbering_mode numbering;
    variant_field *fields;
    size_t n_fields;
    const char *file;
} variant;

typedef struct {
    variant *items;
    size_t n;
    arena arena;
} variant_set;

/* Markdown from the front block, with the line of the paper its first line is on. */
typedef struct {
    const char *text;
    size_t len;
    int line;
} paper_text;

/* A front-sheet field as the paper gives it, typed by the variant. The common keys
 * (committee, meeting, item, report-of, subject) are typed in the paper itself; their
 * fields only say whether they are given. */
typedef struct {
    const variant_field *def;
    int given;                  /* the front block gives a value */
    srcpos pos;                 /* where the value is */
    fuzzy_date date;            /* FIELD_DATE */
    paper_text *texts;          /* FIELD_TEXT: the value, or the items of a list;
                                 * FIELD_TABLE: the cells, row by row */
    size_t n_texts;
    int is_list;                /* FIELD_TEXT given as a list */
} paper_field;

/* A part of a paper that is exempt information under a paragraph (1-7) of Part 1 of
 * Schedule 12A to the Local Government Act 1972. Today a part is a lettered appendix
 * whose heading carries the marker {exempt=N}; exempt passages inside a section will be
 * parts of another kind, handled the same way: the private edition prints a part
 * marked NOT FOR PUBLICATION, the public edition is built from the narrative with every
 * part's bytes left out and the statutory notice in its place (report/exempt.c finds
 * them, report/from_markdown.c builds around them). */
typedef enum { EXEMPT_PART_APPENDIX = 0 } exempt_part_kind;

typedef struct {
    exempt_part_kind kind;
    int paragraph;              /* 1..7 */
    char letter;                /* the appendix's letter: every appendix is counted, so
                                 * the letters are the same in both editions */
    const char *title;          /* the heading without "Appendix X:" and the marker: the
                                 * part's public name */
    size_t start, end;          /* the bytes of the narrative (paper.markdown) it covers */
    int line;                   /* the line of the paper it starts on */
} exempt_part;

typedef struct {
    exempt_part *v;
    size_t n;
    arena arena;                /* the titles */
} exempt_parts;

typedef struct {
    const char *file;           /* plans/x/paper.md */
    const char *slug;           /* paper file name without .md */
    const char *plan_path;      /* resolved path of the plan it reports on */
    srcpos plan_pos;            /* the plan: line, else the front block */
    int plan_named;             /* plan: was given (else plan.yaml beside the paper) */
    const variant *variant;
    fuzzy_date as_at, since, meeting;
    int has_since;
    const char *previous_path;  /* previous-report: the paper whose as-at is since */
    const char *committee, *item, *report_of, *subject;
    srcpos subject_pos;         /* where the subject is written */
    int exempt_paragraph;       /* 0 or 1..7 */
    numbering_mode numbering;
    paper_field *fields;        /* in the variant's order */
    size_t n_fields;
    const char *markdown;       /* the narrative after the front block */
    size_t markdown_len;
    int markdown_line;          /* line of the file where the narrative starts (1-based) */
    arena arena;
} paper;

void paper_free(paper *p);

#endif
