/* report.h - the report description: one paper as a tree of structural nodes.
 *
 * The builder (build_paper.c) makes it from the paper's front block, its Markdown
 * narrative and the plan's analysis; every renderer (HTML, PDF) only walks it. Every
 * decision is already in it: the numbering (1, 1.1, Appendix A), every computed figure
 * and status word, the lines of the front sheet and the fields it shows, the running
 * head and footer, the exempt marking, the colours by role (checked for contrast with
 * their words), unique ids, each heading's rank in the outline. A renderer turns it
 * into bytes and decides nothing about the domain or the house style. The tree keeps
 * the document's structure - headings, tables, lists, reading order - for tagged
 * output.
 *
 * Nodes live in the document's arena. Text is UTF-8 and NOT escaped: each renderer
 * escapes for its own format. */
#ifndef TABLED_REPORT_H
#define TABLED_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "../analysis/status.h"
#include "../model/house.h"
#include "../model/rag.h"
#include "../util/arena.h"
#include "../util/diag.h"
#include "figure.h"

typedef enum {
    /* blocks */
    RN_DOCUMENT,
    RN_FRONT_SHEET,     /* children: RN_FRONT_LINE (the masthead, in order), then
                         * RN_FIELD (the fields it shows, in the variant's order) */
    RN_FRONT_LINE,      /* role (rfront_role), text; aside: set at the line's right
                         * ("Item 6") or NULL */
    RN_FIELD,           /* label (text); children: blocks (the value); RF_TITLE: the
                         * value is the document's title */
    RN_BODY,            /* the numbered report; children: blocks */
    RN_HEADING,         /* level 1..6 as written, rank in the outline (1 is the
                         * document's title: body sections are 2); number ("2",
                         * "Appendix A") or NULL; children: inlines */
    RN_PARAGRAPH,       /* number ("2.1") or NULL; children: inlines */
    RN_LIST,            /* start; flags RF_ORDERED, RF_TIGHT; children: RN_ITEM */
    RN_ITEM,            /* number ("2.3") when the list is numbered as paragraphs */
    RN_BLOCKQUOTE,
    RN_CODE_BLOCK,      /* text */
    RN_THEMATIC_BREAK,
    RN_TABLE,           /* children: RN_CAPTION (first, optional), then RN_ROW; text:
                         * its name when it has no caption ("Table 2") */
    RN_CAPTION,         /* children: inlines */
    RN_ROW,             /* flags: RF_HEADER (repeat on each page), RF_TOTAL, RF_NOTE, RF_GROUP (a theme
                         * heading row spanning the table) */
    RN_CELL,            /* children: blocks or inlines; colspan; align; rag (RAG
                         * colour, LEVEL_NONE for none); RF_ROW_HEADER for th scope=row */
    RN_APPENDIX,        /* number: the letter ("A"); text: its label ("Appendix A"), or
                         * NULL when its title says it; children: RN_HEADING (its
                         * title) then blocks */
    RN_NOTICE,          /* a boxed notice (exempt information, empty report) */
    RN_FIGURE,          /* a chart: figure (its display list, figure.h); text: its text
                         * alternative; children: RN_CAPTION (first, optional), then
                         * RN_TABLE, the same data as a table; RF_WIDE: a landscape
                         * page; RF_SHOW_DATA: print the table too (else it is the
                         * figure's alternative, offered on request) */
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

/* Case labels for a switch that treats every inline type alike, or every block type
 * alike: `switch (n->type) { ... RN_INLINE_CASES: ...; }`. A new type goes in one of
 * them, and every such switch takes it as it takes the others of its kind; a switch
 * that handles types one by one names it (-Wswitch-enum says where). */
#define RN_INLINE_CASES                                                                 \
    case RN_TEXT:                                                                       \
    case RN_SOFTBREAK:                                                                  \
    case RN_LINEBREAK:                                                                  \
    case RN_CODE:                                                                       \
    case RN_EMPH:                                                                       \
    case RN_STRONG:                                                                     \
    case RN_STRIKE:                                                                     \
    case RN_LINK:                                                                       \
    case RN_IMAGE:                                                                      \
    case RN_BADGE
#define RN_BLOCK_CASES                                                                  \
    case RN_DOCUMENT:                                                                   \
    case RN_FRONT_SHEET:                                                                \
    case RN_FRONT_LINE:                                                                 \
    case RN_FIELD:                                                                      \
    case RN_BODY:                                                                       \
    case RN_HEADING:                                                                    \
    case RN_PARAGRAPH:                                                                  \
    case RN_LIST:                                                                       \
    case RN_ITEM:                                                                       \
    case RN_BLOCKQUOTE:                                                                 \
    case RN_CODE_BLOCK:                                                                 \
    case RN_THEMATIC_BREAK:                                                             \
    case RN_TABLE:                                                                      \
    case RN_CAPTION:                                                                    \
    case RN_ROW:                                                                        \
    case RN_CELL:                                                                       \
    case RN_APPENDIX:                                                                   \
    case RN_NOTICE:                                                                     \
    case RN_FIGURE

/* flags */
enum {
    RF_HEADER = 1,      /* RN_ROW: header row */
    RF_GROUP = 2,       /* RN_ROW: group heading row (one cell spanning all columns) */
    RF_ROW_HEADER = 4,  /* RN_CELL: header for its row (th scope=row) */
    RF_TOTAL = 4,       /* RN_ROW: a total ("Total Income", "Whole plan"): ruled above
                         * and set bold */
    RF_WIDE = 8,        /* RN_TABLE / RN_FIGURE / RN_APPENDIX: the paper asks for landscape
                         * pages (the PDF sets a table landscape by its width alone; HTML
                         * lets a wide table scroll) */
    RF_COMPUTED = 16,   /* RN_TABLE: made from the plan, not typed by the clerk */
    RF_NUMERIC = 32,    /* RN_CELL: a number (tabular alignment) */
    RF_ORDERED = 64,    /* RN_LIST: numbered, not bulleted */
    RF_TIGHT = 128,     /* RN_LIST: items without space between */
    RF_NOTE = 64,       /* RN_ROW: a note across the table's columns (a footnote), printed
                         * on the page of the row above it, never as a heading */
    RF_TITLE = 1,       /* RN_FIELD: its value is the document's title */
    RF_SHOW_DATA = 32   /* RN_FIGURE: its data table is shown as well */
};

/* What a line of the front sheet's masthead is. */
typedef enum {
    FRONT_ORGANISATION, /* "Norwich City Council" */
    FRONT_KIND,         /* the variant's kind of report ("Report for Information"),
                         * when neither the heading nor the title says it */
    FRONT_HEADING,      /* "Report to Executive", with the item ("Item 6") aside */
    FRONT_DATE,         /* the meeting: "13 May 2009" */
    FRONT_TITLE         /* the subject, when no field carries it */
} rfront_role;

typedef enum { ALIGN_DEFAULT = 0, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } rcell_align;

typedef struct rnode rnode;
/* Kept small (72 bytes, no padding): a 900-page paper has a quarter of a million.
 * Fields that only some types use share storage: read a field only on the types its
 * comment names (the others see another field's bytes). */
struct rnode {
    rnode *parent, *first, *last, *next;
    const char *text;       /* RN_TEXT, RN_CODE, RN_CODE_BLOCK, RN_IMAGE alt, RN_BADGE,
                             * RN_FIELD label, RN_FRONT_SHEET kind, RN_FRONT_LINE,
                             * RN_APPENDIX label */
    const char *id;         /* unique, valid anchor id (rdoc_finish): headings,
                             * appendices, tables and their captions, numbered
                             * paragraphs and items ("section-2", "p-2-1", "table-1") */
    union {
        const char *number;     /* RN_HEADING, RN_PARAGRAPH, RN_ITEM, RN_APPENDIX: "1",
                                 * "1.1", "A" (NULL: not numbered) */
        const char *url;        /* RN_LINK, RN_IMAGE */
        const char *aside;      /* RN_FRONT_LINE */
        const char *key;        /* RN_FIELD: the front-block key it shows ("report-of") */
        const rfigure *figure;  /* RN_FIGURE */
    };
    uint32_t line;          /* where it came from in the paper (rdoc.file), for */
    uint16_t col;           /* diagnostics; 0 and 0: unknown (see rnode_pos) */
    uint8_t flags;          /* RF_* */
    rnode_type type;
    union {
        struct {                /* RN_HEADING: level 1..6 as written; rank in the
                                 * outline, 1..6 (rdoc_finish) */
            int16_t level, rank;
        };
        int32_t start;          /* RN_LIST: the first number */
        uint8_t role;           /* RN_FRONT_LINE: rfront_role */
        struct {                /* RN_CELL: colspan (0 or 1 = one column), align
                                 * (rcell_align); RN_CELL, RN_BADGE: rag (rag_level,
                                 * LEVEL_NONE for none) */
            uint16_t colspan;
            uint8_t rag, align;
        };
        uint16_t ncols;         /* RN_TABLE: number of columns (0: count them) */
        int32_t exempt;         /* RN_APPENDIX: the paragraph (1-7) of Schedule 12A of an
                                 * exempt appendix in a private edition (every page of it
                                 * marked); 0: not exempt */
    };
};

/* A summary of the plan's RAG, for the index page. */
typedef struct {
    size_t count[STATUS__COUNT];
    size_t total;
    int percent_complete;   /* -1 if nothing to count */
    rag_level rag;
} rdoc_summary;

/* An image the paper shows: the bytes of its file as they were read and decoded when
 * the report was built. Renderers print these bytes and never open the file again,
 * so what is printed is what was checked (image_decode.h). */
typedef struct rimage {
    const char *path;           /* as in RN_IMAGE's url */
    const unsigned char *data;
    size_t len;
    struct rimage *next;
} rimage;

/* Colours by role, 0xRRGGBB. Each RAG swatch's ink reaches 4.5:1 on its fill (the
 * house's ink when it does, else near-black or white). */
typedef struct {
    unsigned fill, ink;
    const char *word;           /* the house's word for the level: "Red", "Complete" */
} rswatch;

typedef struct {
    rswatch rag[RAG_LEVELS];    /* by rag_level */
    unsigned ink, muted, paper; /* text, secondary text, the page */
    unsigned accent;            /* headings, rules */
    int accent_is_text;         /* the accent reaches 4.5:1 on white, so may colour text
                                 * on a page whose background is white */
    unsigned rule;              /* table rules */
    unsigned header_fill;       /* behind table header rows */
} rpalette;

/* The words around every page: decided once, drawn by each renderer where its medium
 * puts them. NULL: nothing there. */
typedef struct {
    const char *running_head;   /* printed pages after the first, at the left: the subject */
    const char *running_head_right; /* ... at the right: the organisation */
    const char *page_foot;      /* every printed page, at the left: "Report to Executive,
                                 * 13 May 2009" (the page number is at the right:
                                 * report_page_label) */
    const char *window_title;   /* the web page's title and printed head: "subject -
                                 * committee - date" */
    const char *colophon;       /* the foot of the web page: "organisation - committee -
                                 * date - Item 6" */
    const char *exempt_mark;    /* "NOT FOR PUBLICATION" on every page of an exempt
                                 * (private) edition, with ... */
    const char *exempt_reason;  /* "by virtue of paragraph 3 of Part 1 of Schedule 12A to
                                 * the Local Government Act 1972" */
    const char *part_mark;      /* "NOT FOR PUBLICATION" on every page of an exempt part
                                 * (RN_APPENDIX with exempt > 0), with ... */
    const char *part_reason[8]; /* ... the words for its paragraph, by paragraph (1-7);
                                 * NULL for a paragraph no part has */
} rfurniture;

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
    const char *as_at_iso;      /* "2010-06-30" */
    const char *lang;           /* "en-GB" */
    date_style dates;           /* how the house prints dates (label_date) */
    int exempt_paragraph;       /* 0, or 1..7 of Schedule 12A (private edition) */
    const char *plan_slug, *paper_slug;   /* out/<plan>/<paper>.html */
    rdoc_summary summary;
    const char *epoch;          /* SOURCE_DATE_EPOCH when set and valid: the build's
                                 * time, for metadata; NULL: no dates are written */

    /* decided by the report (rdoc_finish) */
    rpalette palette;
    rfurniture furniture;
    unsigned char fingerprint[16];  /* a hash of everything the document says: the
                                     * same inputs give the same value */
    int has_fingerprint;

    const char *file;           /* the paper: every node's line and column are in it */

    rnode *root;                /* RN_DOCUMENT: RN_FRONT_SHEET, RN_BODY, RN_APPENDIX... */
    rimage *images;             /* every RN_IMAGE's file, once */
    arena arena;
    rnode *spare;               /* nodes are handed out from slabs in the arena */
    size_t nspare;
} rdoc;

/* A new, empty document (owned by the caller: rdoc_free), in the built-in house
 * style's palette. */
rdoc *rdoc_new(void);
void rdoc_free(rdoc *d);
/* Settles what the renderers draw but the tree does not yet say, from the metadata
 * and the tree: the fingerprint (unless set), the front sheet's masthead and the
 * fields it makes redundant, the running heads, footers and exempt marking, appendix
 * labels, unique ids, each heading's rank. Call once the tree is complete and before
 * rendering (the builder does); calling it again changes nothing. */
void rdoc_finish(rdoc *d);

/* The parts of rdoc_finish, for the builder. */
/* Colours by role from the house style (palette.c). */
void rdoc_set_palette(rdoc *d, const house_style *h);
/* The fingerprint of what the document says now (fingerprint.c); h NULL: the
 * built-in house style's geometry. */
void rdoc_fingerprint(rdoc *d, const house_style *h);
/* Folds another document's fingerprint into id (several documents in one file). */
void fingerprint_combine(unsigned char id[16], const unsigned char more[16]);
/* The masthead lines, and the fields they make redundant dropped (masthead.c). */
void rdoc_settle_front_sheet(rdoc *d);
/* Typographic quotes, apostrophes and dashes in every text the report prints, code
 * apart (typography.c). Before the front sheet and furniture are settled. */
void rdoc_settle_typography(rdoc *d);
/* The same for one text outside a report (a pack's bookmarks): s itself when nothing
 * changes, else a copy in a. */
const char *typeset_text(arena *a, const char *s);
/* Running heads, footers, exempt marking (furniture.c). */
void rdoc_settle_furniture(rdoc *d);
/* Appendix labels, ids and heading ranks (ids.c). */
void rdoc_settle_structure(rdoc *d);
/* The heading of the front sheet and the printed footer: the variant's title, else
 * "Report to {committee}", else NULL (in d's arena). */
const char *report_heading(rdoc *d);
/* "Page 3 of 12". */
void report_page_label(char *buf, size_t len, size_t page, size_t pages);
/* A page of an agenda pack, numbered through the pack: "Page 17", "Page S3" (prefix
 * "S", a supplementary pack). */
void report_pack_page_label(char *buf, size_t len, const char *prefix, size_t page);
/* WCAG 2 contrast ratio of two colours, 1 to 21. */
double colour_contrast(unsigned a, unsigned b);
/* A colour's everyday name from its hue: "Purple", "Green", "Amber", "Red", "Grey" -
 * what a status key says ("Purple = completed"). */
const char *colour_name(unsigned rgb);
/* A figure's colour role in this palette, 0xRRGGBB (FC_NONE: the paper). */
unsigned palette_rgb(const rpalette *p, fcolour c);

/* The checked bytes of the image at path (an RN_IMAGE's url), or NULL. */
const rimage *rdoc_image(const rdoc *d, const char *path);
/* Keeps len bytes (copied) as the image at path. */
const rimage *rdoc_add_image(rdoc *d, const char *path, const unsigned char *data, size_t len);

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
/* A table's columns: its ncols, else the widest row's (spans counted), at least 1. */
int rnode_table_columns(const rnode *t);

/* Plain text of a subtree (for bookmarks, alt text, running heads); malloc'd. */
char *rnode_plain_text(const rnode *n);

#endif
