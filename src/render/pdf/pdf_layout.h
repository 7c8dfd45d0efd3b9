/* pdf_layout.h - the layout tree of the PDF writer: boxes (lbox) that remember the
 * report node they came from, vertical items (vitem: a line, a table row, a rule),
 * sections of portrait or landscape pages, and pages of placed items. The layout is
 * done by several files, one job each; the functions they share are declared here
 * (prefix ly_). */
#ifndef TABLED_PDF_LAYOUT_H
#define TABLED_PDF_LAYOUT_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "../../model/house.h"
#include "../../report/report.h"
#include "../../util/arena.h"
#include "../../util/diag.h"
#include "../../util/hashmap.h"
#include "pdf_break.h"
#include "pdf_font.h"
#include "pdf_render.h"

typedef enum {
    LB_GROUP,               /* children, y relative to this box */
    LB_TEXT,                /* text at (x, y = baseline) */
    LB_FILL,                /* filled rectangle */
    LB_STROKE,              /* stroked rectangle */
    LB_LINE,                /* line from (x, y) to (x + w, y + h) */
    LB_IMAGE,
    LB_LINK,                /* link annotation over the rectangle */
    LB_PATH,                /* polyline pts (n points, x y pairs, relative to x, y):
                             * stroked when lw > 0, else filled; closed when face is 1 */
    LB_PATTERN              /* a pattern (fpattern in face) in colour over the rectangle */
} lb_kind;

typedef struct lbox lbox;
/* Kept small (72 bytes): a page has hundreds (a 900-page paper makes hundreds of
 * thousands, though only a page's worth are alive at once). Coordinates are floats,
 * as libharu writes them. */
struct lbox {
    const rnode *src;       /* the report node it was made from */
    lbox *first, *last, *next;
    union {
        const char *text;   /* LB_TEXT */
        const char *url;    /* LB_LINK: "https://..." or "#id" */
        HPDF_Image img;     /* LB_IMAGE */
        const float *pts;   /* LB_PATH */
    };
    float x, y, w, h;       /* x from the page's left edge; y downwards from the parent */
    float size, lw;
    unsigned color;
    uint8_t kind;           /* lb_kind */
    uint8_t face;           /* LB_TEXT: the face; LB_PATH: closed; LB_PATTERN: fpattern */
    uint16_t n;             /* LB_PATH: points */
};

/* A vertical item: an unbreakable slice of the flow (a line, a table row, a rule). */
typedef struct {
    lbox *box;              /* LB_GROUP */
    double h, space;        /* height; space above (dropped at the top of a page) */
    double baseline;        /* first baseline from the top, or 0 */
    unsigned keep : 1;      /* no page break after this item */
    unsigned header : 1;    /* a table header row */
    unsigned split : 1;     /* a table row that may be split between pages, its cells
                             * continued (ly_split_row) */
    unsigned rest : 1;      /* what is left of a row split at a page's foot */
    int table;              /* index into layout.tables, or -1 */
    const rnode *mark;      /* heading or appendix: a bookmark here */
    int mark_level;
    const char *mark_title; /* bookmark title */
    const char *anchor;     /* id for internal links */
} vitem;

/* Items are numbered from 0 in their section (or scratch vector) for good; once a
 * page is drawn the items before it are dropped, and v[0] is item base. */
typedef struct {
    vitem *v;
    size_t len, cap;        /* len: items ever added (the next item's number) */
    size_t base;
} vvec;

static inline vitem *vat(const vvec *v, size_t i) { return &v->v[i - v->base]; }

typedef struct {
    size_t section;
    size_t first;                   /* its first item (caption or row) in that section */
    size_t hdr_first, hdr_count;    /* header rows in that section's items */
    double hdr_h;                   /* their height */
    double leading;                 /* a line of its cells */
    int closed;                     /* the header rows are complete */
    vitem *cont;                    /* the caption with "(continued)", boxes in
                                     * layout.keep, or NULL */
    size_t ncont;
    vitem *rep;                     /* what each page it continues onto starts with: the
                                     * continued caption's lines, then copies of the
                                     * header rows (boxes in layout.keep); NULL: nothing */
    size_t nrep;
} tinfo;

typedef struct {
    int landscape;
    int for_wide;           /* landscape for the wide tables or figures in it (the flow
                             * returns to portrait after them) */
    int exempt;             /* the pages of an exempt part (a private edition's exempt
                             * appendix): its paragraph of Schedule 12A, marked on each */
    double pw, ph;          /* page size */
    double x0, w, top, bottom;  /* frame: left, width, top and bottom y from the top */
    vvec items;             /* emptied and freed once its last page is drawn */
} section;

typedef struct {
    size_t vi;              /* item of the page's section, item vi of layout.tables
                             * [table].rep, or (PL_OWN) item vi of the page's own */
    double y;               /* top of the item from the page top */
    int table;              /* -1 (PL_FLOW), PL_OWN, or >= 0: repeated at the top of a
                             * page the table continues onto (its continued caption and
                             * header rows) */
} placement;

enum { PL_FLOW = -1, PL_OWN = -2 };

typedef struct {
    size_t section;
    placement *pl;
    size_t len, cap;
    vitem *own;             /* items only this page holds: the part of a split row
                             * that fits at its foot */
    size_t nown, capown;
    size_t first;           /* its first item of the section's */
    double used;            /* the height its content takes */
} lpage;

typedef struct layout layout;
/* Called with each page as soon as it is complete, in order; the page and the boxes
 * of its items are freed soon after it returns. */
typedef void (*page_fn)(void *ctx, layout *L, const lpage *pg);

/* The item placed k-th on pg. */
const vitem *lpage_item(const layout *L, const lpage *pg, size_t k);

typedef struct {
    HPDF_STATUS err, detail;    /* the first libharu error */
    const rnode *cur;           /* the node being drawn, kept up to date by the drawer */
    const rdoc *cur_doc;        /* and its document */
    const rnode *at;            /* cur when the first error came: its position */
    const rdoc *at_doc;
} hpdf_err;

/* libharu refuses any string (text shown, bookmark, link, metadata) over 65,535 bytes
 * and then stays in error: every PDF string is kept well under it. Text is shown in
 * pieces of at most PDF_TEXT_PIECE bytes; titles and metadata are cut with an
 * ellipsis at PDF_TITLE_MAX. */
#define PDF_TEXT_PIECE 8192
#define PDF_TITLE_MAX 2000

/* The image as libharu raw pixels (and a soft mask for transparency), decoded by us
 * from the bytes the report builder checked (pdf_image.c); NULL with *why on failure
 * (a libharu error may then be pending). */
HPDF_Image pdf_image_load(HPDF_Doc pdf, const rimage *m, const char **why);

/* Boxes live in epochs: an arena closed at a safe point (every box in it then belongs
 * to an item before item vi of section sec) and freed once those items are drawn. */
typedef struct {
    arena a;
    size_t sec, vi;
} epoch;

struct layout {
    const rdoc *d;
    const house_style *h;
    diag_list *diags;
    HPDF_Doc pdf;
    hpdf_err *err;          /* or NULL; image load failures are not errors */
    pfont *fonts;
    arena *ba;              /* where boxes and their text go: &cur, or &keep */
    arena cur;              /* the open epoch */
    epoch *epochs;          /* closed epochs, oldest first, from epoch0 */
    size_t epoch0, nepochs, capepochs;
    arena keep;             /* what lives to the end: repeated header rows */
    itemlist il;
    klines kl;
    int quiet;              /* measuring only: no warnings */
    double exempt_shift;    /* the whole document is exempt: every frame moves down */
    int part_exempt;        /* the sections started now belong to an exempt part */
    uint32_t *missing;      /* characters the fonts lack, warned about once a paper */
    size_t nmissing, capmissing;

    section *secs;
    size_t nsec, capsec;
    tinfo *tables;
    size_t ntables, captables;
    vvec *out;              /* where blocks go: the current section or a cell */
    double pending;         /* collapsed space before the next item */
    int flow_top;           /* the next lay_blocks sets the flow's top-level blocks */
    const rnode *top_table; /* a top-level table being set: pages may close per row */

    /* a table's columns, measured once (pdf_table.c) */
    struct tmeasure *meas;  /* the last table measured (pdf_table.c) */
    int keep_next;          /* the next item in the flow keeps with the one after it
                             * (set after a heading) */

    /* pagination, as the layout goes */
    page_fn on_page;
    void *on_page_ctx;
    size_t npages;          /* pages completed */
    size_t psec, pnext;     /* the next item to place: section, number */
    size_t pfirst, pown;    /* the open page's first own item, and how many it has */
    double py;              /* where the next item goes on the open page */
    int popen;
    lpage page;             /* the open page */
    lpage held;             /* the page completed last, held until the next completes
                             * or its section ends (a short last page may join it) */
    int has_held;

    hashmap images;         /* path -> HPDF_Image */
    pdf_stats stats;
};

void layout_init(layout *L, const rdoc *d, const house_style *h, diag_list *diags,
                 HPDF_Doc pdf, pfont *fonts);
void layout_free(layout *L);
/* Lays the whole document out and paginates it, handing each page to L->on_page
 * (set it after layout_init) as soon as it is complete. */
void layout_document(layout *L);

/* ---- what the layout files share ------------------------------------------------ */

/* The style a block is set in. */
typedef struct {
    double size, leading;
    int face;               /* base face */
    unsigned color;
    rcell_align align;
    int tight;
    double after;           /* space after a paragraph */
    int depth;              /* list nesting */
    int in_cell;
} bstyle;

static inline section *ly_section(layout *L) { return &L->secs[L->nsec - 1]; }
/* Blocks are going into the page flow (not into a table cell or a notice). */
static inline int ly_in_flow(layout *L) { return L->nsec && L->out == &ly_section(L)->items; }
/* The first baseline of a line of this leading and size, from its top. */
static inline double ly_baseline(double leading, double size)
{
    return leading / 2 + size * 0.36;   /* the x-height's middle on the line's middle */
}

/* pdf_layout.c: boxes, vertical items, sections */
/* A box of kind k from src, in the open epoch's arena (zeroed). */
lbox *ly_box(layout *L, lb_kind k, const rnode *src);
void ly_box_add(lbox *parent, lbox *child);
/* Moves the children added to parent after mark (its last child before) to the front:
 * what is hung beside a line (a number, a label) is drawn, and read, before it. */
void ly_box_front(lbox *parent, lbox *mark);
/* A fill, stroke, line or link box appended to parent. */
lbox *ly_rect(layout *L, lbox *parent, lb_kind k, const rnode *src, double x,
              double y, double w, double h, unsigned color, double lw);
/* A run of text (copied, already sanitised) at baseline y, measured. */
lbox *ly_text(layout *L, lbox *parent, const rnode *src, double x, double y,
              int face, double size, unsigned color, const char *s, size_t n);
/* Appends a vertical item of height h to where blocks go; space above is the larger
 * of space and what ly_space_after left pending. Returns its number. */
size_t ly_emit(layout *L, lbox *box, double h, double space);
/* Space after the last item, collapsed with the next item's own. */
void ly_space_after(layout *L, double s);
/* Starts a section of portrait or landscape pages (reusing an empty one). */
void ly_new_section(layout *L, int landscape);
/* The body text style of the house. */
bstyle ly_body_style(layout *L);
/* Items [from, to) of v stacked into one group box; their height in *height. */
lbox *ly_stack(layout *L, const vvec *v, size_t from, size_t to, const rnode *src,
               double *height);
/* A node's plain text, in the open epoch's arena. */
char *ly_plain(layout *L, const rnode *n);

/* pdf_text.c: text into items and lines */
/* s with every character the face lacks replaced by '?' (a warning at src's position,
 * once a character); s itself when nothing needs replacing. Its length in *outlen. */
const char *ly_sanitize(layout *L, const rnode *src, int face, const char *s, size_t n,
                        size_t *outlen);
/* Words and glue of s in style st (keep: every space is glue, for code). */
void ly_add_words(layout *L, const rnode *src, const istyle *st, const char *s, int keep);
/* A forced line break. */
void ly_add_break(layout *L);
/* The inlines from first up to stop (or the first block) as items. */
void ly_itemize_children(layout *L, const rnode *first, const rnode *stop, istyle st);
void ly_itemize(layout *L, const rnode *n, istyle st);
istyle ly_base_style(const bstyle *bs);
int ly_has_boxes(const itemlist *l);
/* The items of one line as text, fill and link boxes in g, from x at baseline base. */
void ly_draw_line(layout *L, lbox *g, const kline *kl, double x, double base);
/* Breaks the pending items at width w and emits a vertical item per line (the first
 * two and last two kept together). Returns the first one's number, or (size_t)-1 when
 * there was nothing to set. */
size_t ly_emit_lines(layout *L, const rnode *src, double x, double w, const bstyle *bs,
                     rcell_align align, double space);
/* A plain string set as a paragraph; as ly_emit_lines. */
size_t ly_string(layout *L, const rnode *src, const char *text, double x, double w,
                 const bstyle *bs, rcell_align align, double space);
/* Hangs a marker ("1.1", a bullet) in the first line of item vi, at x (right: set
 * flush right in a column of width w). */
void ly_hang_marker(layout *L, size_t vi, const rnode *src, const char *text, double x,
                    double w, int face, const bstyle *bs, int right);
/* A space glyph at the end of item vi's last text: a word break between it and what
 * follows in the same structure element (an appendix's label and its title). */
void ly_line_space(layout *L, size_t vi);
/* Inline children [first, stop) as a paragraph, with number hung at numx; images
 * among them stand alone. Returns the first item's number or (size_t)-1. */
size_t ly_inline_run(layout *L, const rnode *src, const rnode *first,
                     const rnode *stop, double x, double w, const bstyle *bs,
                     const char *number, double numx);

/* pdf_blocks.c: blocks */
void ly_image(layout *L, const rnode *n, double x, double w);
/* A heading at level (house sizes, unless in a cell); mark > 0: a bookmark and
 * anchor, mark < 0: no number printed. */
void ly_heading(layout *L, const rnode *n, double x, double w, const bstyle *bs,
                int level, int mark);
/* A horizontal rule in an item of height h. */
void ly_rule(layout *L, const rnode *n, double x, double w, unsigned color,
             double lw, double h, double space);
/* Does any block from first on hang a number in the left column? */
int ly_any_hangs(const rnode *first);
/* One block, or a run of blocks (hang: indented past the number column). */
void ly_block(layout *L, const rnode *n, double x, double w, const bstyle *bs);
void ly_blocks(layout *L, const rnode *first, double x, double w, const bstyle *bs,
               int hang);
/* Before the flow's next block c: landscape pages when c goes landscape, or when c
 * starts a run of headings and up to intro paragraphs that leads to such a block (so a
 * heading keeps with its table across the change); back to portrait after them. */
void ly_orient_for(layout *L, const rnode *c, int intro);
/* Does the run from c (headings, up to INTRO_PARAGRAPHS paragraphs) lead to a block
 * that goes landscape? */
int ly_starts_wide(layout *L, const rnode *c);

/* pdf_table.c: tables */
/* How a table is set: landscape only when its columns cannot fit a portrait page at
 * the house's smallest table size; the largest size, from the house's small size down
 * to the smallest, at which they fit the pages it goes on. */
typedef struct {
    int landscape;
    double size, leading;
} tplan;
tplan ly_table_plan(layout *L, const rnode *t);
/* Does this block go on landscape pages (a table by ly_table_plan, a figure by its
 * width or the report's request)? */
int ly_wants_landscape(layout *L, const rnode *n);
void ly_table(layout *L, const rnode *t, double x, double w, const bstyle *bs);
void ly_measure_free(layout *L);
/* Splits row item it (it->split) to fit avail: the part that fits in *first, the
 * rest in *rest, cells continued. 0 when no split leaves two lines each side. */
int ly_split_row(layout *L, const vitem *it, double avail, vitem *first, vitem *rest);
/* A table's caption, in bold, kept with what follows. */
void ly_caption(layout *L, const rnode *cap, double x, double w, const bstyle *bs);
/* Starts a table or figure: registers it (its header rows or header band repeat on
 * each page it continues onto) and sets its caption (cap, or NULL), kept with what
 * follows, and the caption's "(continued)" form for those pages. Returns its index in
 * L->tables, or -1 outside the page flow. */
int ly_repeating(layout *L, const rnode *cap, double x, double w, const bstyle *bs);
/* Once its header rows (or header band) are complete: copies what a continuation page
 * repeats, unless taller than a third of the frame. */
void ly_repeat_ready(layout *L, int tindex);

/* pdf_figure.c: figures */
void ly_figure(layout *L, const rnode *n, double x, double w, const bstyle *bs);

/* pdf_front.c: front sheet and appendix headings */
void ly_front(layout *L, const rnode *fs);
/* An appendix: a new section (landscape when wide), its heading, its blocks. */
void ly_appendix(layout *L, const rnode *ap);

/* pdf_paginate.c: pagination as the layout goes */
/* A safe point: every item made so far is final. Paginates them, hands the pages
 * completed to L->on_page, and frees what only those pages needed. final: the
 * document is done. */
void ly_commit(layout *L, int final);

#endif
