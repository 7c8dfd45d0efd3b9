/* report.h - the report description: one paper as a tree of structural nodes.
 *
 * The builder (build_paper.c) makes it from the paper's front block, its Markdown
 * narrative and the plan's analysis; every renderer (HTML, PDF) only walks it. All
 * numbering (1, 1.1, Appendix A), every computed figure and every status word is
 * already in the tree, so no renderer recomputes a domain rule. The tree keeps the
 * document's structure - headings, tables, lists, reading order - for tagged output.
 *
 * Nodes live in the document's arena. Text is UTF-8 and NOT escaped: each renderer
 * escapes for its own format. */
#ifndef TABLED_REPORT_H
#define TABLED_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "../analysis/status.h"
#include "../util/arena.h"
#include "../util/diag.h"

typedef enum {
    /* blocks */
    RN_DOCUMENT,
    RN_FRONT_SHEET,     /* children: RN_FIELD, in the variant's order */
    RN_FIELD,           /* label; children: blocks (the value) */
    RN_BODY,            /* the numbered report; children: blocks */
    RN_HEADING,         /* level 1..6; number ("2") or NULL; children: inlines */
    RN_PARAGRAPH,       /* number ("2.1") or NULL; children: inlines */
    RN_LIST,            /* start (in level); flags RF_ORDERED, RF_TIGHT; children: RN_ITEM */
    RN_ITEM,            /* number ("2.3") when the list is numbered as paragraphs */
    RN_BLOCKQUOTE,
    RN_CODE_BLOCK,      /* text */
    RN_THEMATIC_BREAK,
    RN_TABLE,           /* children: RN_CAPTION (first, optional), then RN_ROW */
    RN_CAPTION,         /* children: inlines */
    RN_ROW,             /* flags: RF_HEADER (repeat on each page), RF_GROUP (a theme
                         * heading row spanning the table) */
    RN_CELL,            /* children: blocks or inlines; colspan; align; rag (RAG
                         * colour, LEVEL_NONE for none); RF_ROW_HEADER for th scope=row */
    RN_APPENDIX,        /* letter ("A"), children: RN_HEADING (its title) then blocks */
    RN_NOTICE,          /* a boxed notice (exempt information, empty report) */
    /* inlines */
    RN_TEXT,            /* text */
    RN_SOFTBREAK,
    RN_LINEBREAK,
    RN_CODE,            /* text */
    RN_EMPH,
    RN_STRONG,
    RN_STRIKE,
    RN_LINK,            /* url (already checked: http, https, mailto, or #anchor) */
    RN_IMAGE,           /* url = resolved file path, text = alt text */
    RN_BADGE            /* a RAG word with its colour: rag + text ("Overdue: 40 days") */
} rnode_type;

/* flags */
enum {
    RF_HEADER = 1,      /* RN_ROW: header row */
    RF_GROUP = 2,       /* RN_ROW: group heading row (one cell spanning all columns) */
    RF_ROW_HEADER = 4,  /* RN_CELL: header for its row (th scope=row) */
    RF_WIDE = 8,        /* RN_TABLE / RN_APPENDIX: set landscape pages in print */
    RF_COMPUTED = 16,   /* RN_TABLE: made from the plan, not typed by the clerk */
    RF_NUMERIC = 32,    /* RN_CELL: a number (tabular alignment) */
    RF_ORDERED = 64,    /* RN_LIST: numbered, not bulleted */
    RF_TIGHT = 128      /* RN_LIST: items without space between */
};

typedef enum { ALIGN_DEFAULT = 0, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } rcell_align;

typedef struct rnode rnode;
/* Kept small (72 bytes, no padding): a 900-page paper has a quarter of a million.
 * Fields that only some types use share storage: read a field only on the types its
 * comment names (the others see another field's bytes). */
struct rnode {
    rnode *parent, *first, *last, *next;
    const char *text;       /* RN_TEXT, RN_CODE, RN_CODE_BLOCK, RN_IMAGE alt, RN_BADGE,
                             * RN_FIELD label, RN_FRONT_SHEET kind */
    const char *id;         /* anchor id: headings, appendices, tables, numbered
                             * paragraphs and items, fields ("section-2", "para-2.1") */
    union {
        const char *number;     /* RN_HEADING, RN_PARAGRAPH, RN_ITEM, RN_APPENDIX: "1",
                                 * "1.1", "A" (NULL: not numbered) */
        const char *url;        /* RN_LINK, RN_IMAGE */
        const int *col_weights; /* RN_TABLE: relative preferred widths, or NULL */
    };
    uint32_t line;          /* where it came from in the paper (rdoc.file), for */
    uint16_t col;           /* diagnostics; 0 and 0: unknown (see rnode_pos) */
    uint8_t flags;          /* RF_* */
    rnode_type type;
    union {
        int32_t level;          /* RN_HEADING: 1..6; RN_LIST: the first number */
        struct {                /* RN_CELL: colspan (0 or 1 = one column), align
                                 * (rcell_align); RN_CELL, RN_BADGE: rag (rag_level,
                                 * LEVEL_NONE for none) */
            uint16_t colspan;
            uint8_t rag, align;
        };
        uint16_t ncols;         /* RN_TABLE: number of columns (0: count them) */
    };
};

/* A summary of the plan's RAG, for the index page. */
typedef struct {
    size_t count[STATUS__COUNT];
    size_t total;
    int percent_complete;   /* -1 if nothing to count */
    rag_level rag;
} rdoc_summary;

typedef struct {
    /* metadata, every string already worded for print */
    const char *title;          /* document title: the subject */
    const char *subject;
    const char *committee;      /* "Executive", "Scrutiny Committee" */
    const char *meeting_date;   /* "13 May 2009" */
    const char *meeting_iso;    /* "2009-05-13", for sorting the index */
    const char *item;           /* agenda item */
    const char *report_of;      /* author */
    const char *organisation;
    const char *variant;        /* front-sheet variant name */
    const char *variant_title;  /* "Report to Executive", "Exception report" */
    const char *as_at;          /* "30 June 2010" */
    const char *lang;           /* "en-GB" */
    int exempt_paragraph;       /* 0, or 1..7 of Schedule 12A (private edition) */
    const char *plan_slug, *paper_slug;   /* out/<plan>/<paper>.html */
    rdoc_summary summary;

    const char *file;           /* the paper: every node's line and column are in it */

    rnode *root;                /* RN_DOCUMENT: RN_FRONT_SHEET, RN_BODY, RN_APPENDIX... */
    arena arena;
    rnode *spare;               /* nodes are handed out from slabs in the arena */
    size_t nspare;
} rdoc;

rdoc *rdoc_new(void);
void rdoc_free(rdoc *d);

rnode *rnode_new(rdoc *d, rnode_type type);
void rnode_append(rnode *parent, rnode *child);
/* Convenience: a new node appended to parent. */
rnode *rnode_add(rdoc *d, rnode *parent, rnode_type type);
/* A text node (copied) appended to parent. */
rnode *rnode_add_text(rdoc *d, rnode *parent, const char *text);
/* Detaches a node from its parent (cheap for the first child; there is no back link,
 * so any other child costs a walk along its siblings). */
void rnode_unlink(rnode *n);

/* Records where n came from (the file is the document's: rdoc.file). */
void rnode_set_pos(rnode *n, srcpos pos);
/* Where n came from: its own line and column, or its nearest ancestor's that has
 * them, in d->file; {NULL, 0, 0} when none has. */
srcpos rnode_pos(const rdoc *d, const rnode *n);

int rnode_is_block(const rnode *n);

/* Plain text of a subtree (for bookmarks, alt text, running heads); malloc'd. */
char *rnode_plain_text(const rnode *n);

#endif
