/* pdf_internal.h - shared types of the PDF renderer: fonts with cached advances,
 * inline items and line breaking, the layout tree (boxes, vertical items, pages). */
#ifndef TABLED_PDF_INTERNAL_H
#define TABLED_PDF_INTERNAL_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "../../model/house.h"
#include "../../report/report.h"
#include "../../util/arena.h"
#include "../../util/diag.h"
#include "../../util/hashmap.h"
#include "../../util/strbuf.h"
#include "pdf_render.h"
#include "pdf_zip.h"

/* ---- fonts (pdf_font.c) -------------------------------------------------- */

enum { FACE_REGULAR = 0, FACE_BOLD = 1, FACE_ITALIC = 2, FACE_BOLD_ITALIC = 3, FACE__COUNT };

typedef struct {
    uint32_t cp;
    int32_t units;          /* advance in 1/1000 em; -1 when the font lacks the glyph */
} pf_slot;

typedef struct {
    HPDF_Font font;         /* NULL until first drawn (pfont_font) */
    HPDF_FontDef def;       /* NULL until first measured (lazy) */
    const char *name;       /* PostScript name libharu gave it */
    const char *file;       /* file name, for warnings */
    const char *dir;        /* font directory (lazy loading) */
    HPDF_Doc pdf;
    int failed;             /* loading the file failed */
    int32_t ascii[128];     /* -2 not looked up yet, -1 missing, else units */
    pf_slot *slots;         /* open addressing; cp 0 = empty */
    size_t cap, len;
} pfont;

/* Loads font_dir/file into pdf and makes its libharu font at once (full code map);
 * 0 or -1 (libharu error pending). */
int pfont_load(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file);
/* Lazy: remembers the file; the font definition is read at the first measurement and
 * the libharu font is made at the first pfont_font. 0, or -1 if the file cannot be
 * opened. */
int pfont_init(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file);
/* The libharu font to draw with (made on first use), or NULL on failure. */
HPDF_Font pfont_font(pfont *f);
/* Before saving: writes the font's /W widths, CIDToGIDMap, ToUnicode CMap (bfrange,
 * for the code points measured) and embedded subset, compressed with z. 0 or -1. */
int pfont_finish(pfont *f, pz_deflater *z);
void pfont_free(pfont *f);
/* Advance of a code point in 1/1000 em, or -1 if the font cannot print it. */
int32_t pfont_units(pfont *f, uint32_t cp);
/* Width in points of valid, printable UTF-8 text (every glyph known to exist). */
double pfont_width(pfont *f, const char *s, size_t len, double size);

/* ---- inline items and line breaking (pdf_break.c) ------------------------- */

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

/* ---- layout tree (pdf_layout.c) ------------------------------------------ */

typedef enum {
    LB_GROUP,               /* children, y relative to this box */
    LB_TEXT,                /* text at (x, y = baseline) */
    LB_FILL,                /* filled rectangle */
    LB_STROKE,              /* stroked rectangle */
    LB_LINE,                /* line from (x, y) to (x + w, y + h) */
    LB_IMAGE,
    LB_LINK                 /* link annotation over the rectangle */
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
    };
    float x, y, w, h;       /* x from the page's left edge; y downwards from the parent */
    float size, lw;
    unsigned color;
    uint8_t kind;           /* lb_kind */
    uint8_t face;
};

/* A vertical item: an unbreakable slice of the flow (a line, a table row, a rule). */
typedef struct {
    lbox *box;              /* LB_GROUP */
    double h, space;        /* height; space above (dropped at the top of a page) */
    double baseline;        /* first baseline from the top, or 0 */
    unsigned keep : 1;      /* no page break after this item */
    unsigned header : 1;    /* a table header row */
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
    size_t hdr_first, hdr_count;    /* header rows in that section's items */
    double hdr_h;                   /* their height */
    int closed;                     /* the header rows are complete */
    vitem *hdr;                     /* copies of them (boxes in layout.keep) when they
                                     * repeat on each page the table continues onto */
} tinfo;

typedef struct {
    int landscape;
    double pw, ph;          /* page size */
    double x0, w, top, bottom;  /* frame: left, width, top and bottom y from the top */
    vvec items;             /* emptied and freed once its last page is drawn */
} section;

typedef struct {
    size_t vi;              /* item of the page's section, or header row vi of table */
    double y;               /* top of the item from the page top */
    int table;              /* -1, or a repeated header row of layout.tables[table] */
} placement;

typedef struct {
    size_t section;
    placement *pl;
    size_t len, cap;
} lpage;

typedef struct layout layout;
/* Called with each page as soon as it is complete, in order; the page and the boxes
 * of its items are freed soon after it returns. */
typedef void (*page_fn)(void *ctx, layout *L, const lpage *pg);

/* The item placed k-th on pg. */
const vitem *lpage_item(const layout *L, const lpage *pg, size_t k);

typedef struct {
    HPDF_STATUS err, detail;    /* the first libharu error */
} hpdf_err;

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
    double exempt_shift;

    section *secs;
    size_t nsec, capsec;
    tinfo *tables;
    size_t ntables, captables;
    vvec *out;              /* where blocks go: the current section or a cell */
    double pending;         /* collapsed space before the next item */
    int flow_top;           /* the next lay_blocks sets the flow's top-level blocks */
    const rnode *top_table; /* a top-level table being set: pages may close per row */

    /* pagination, as the layout goes */
    page_fn on_page;
    void *on_page_ctx;
    size_t npages;          /* pages completed */
    size_t psec, pnext;     /* the next item to place: section, number */
    size_t pfirst, pown;    /* the open page's first own item, and how many it has */
    double py;              /* where the next item goes on the open page */
    int popen;
    lpage page;             /* the open page */

    hashmap images;         /* path -> HPDF_Image */
    pdf_stats stats;
};

void layout_init(layout *L, const rdoc *d, const house_style *h, diag_list *diags,
                 HPDF_Doc pdf, pfont *fonts);
void layout_free(layout *L);
/* Lays the whole document out and paginates it, handing each page to L->on_page
 * (set it after layout_init) as soon as it is complete. */
void layout_document(layout *L);

/* ---- the writer: pages drawn as the layout completes them (pdf_draw.c), their
 * furniture (pdf_furniture.c), the document (pdf_writer.c) ------------------------ */

/* Where a drawn page came from: its document, and its section's geometry (the
 * section's items are gone by the time the furniture is drawn). */
typedef struct {
    HPDF_Page page;
    size_t doc;             /* index into pdf_writer.docs */
    section geo;            /* items empty */
} drawn_page;

/* A link to "#id" on a page, made once the whole document is drawn. */
typedef struct {
    HPDF_Page page;
    HPDF_Rect rect;
    const char *id;
} pending_link;

/* One document added to the writer. */
typedef struct {
    const rdoc *d;
    hashmap anchors;        /* id -> anchor (in pdf_writer.store) */
    pending_link *links;
    size_t nlinks, caplinks;
} wdoc;

struct pdf_writer {
    const house_style *h;
    const char *font_dir;
    diag_list *diags;
    HPDF_Doc pdf;
    hpdf_err err;
    pfont fonts[FACE__COUNT];
    pz_deflater *z;         /* this document's compressor (the pool has its own) */
    pz_pool *zp;
    HPDF_Encoder utf8;
    drawn_page *pages;
    size_t npages, cappages;
    wdoc *docs;
    size_t ndocs, capdocs;
    arena store;
    struct {
        int level;
        HPDF_Outline o;
    } ostack[16];           /* open bookmarks, by level */
    int osp;
    pdf_stats stats;
    int broken;             /* an error was reported: finish writes nothing */
};

/* The drawing state of one content stream: current colours, line width, font. */
typedef struct {
    HPDF_Page page;
    double ph;              /* page height: y is measured down from the top */
    pfont *fonts;
    long fill, stroke;      /* current colours, -1 unknown */
    double lw;              /* current line width, -1 unknown */
    int face;
    double size;
} pen;

void pen_init(pen *p, HPDF_Page page, double ph, pfont *fonts, double lw);
void pen_fill(pen *p, unsigned rgb);
void pen_stroke(pen *p, unsigned rgb, double lw);
/* Text at (x, baseline y) in a text object (BeginText already called). */
void pen_text(pen *p, int face, double size, unsigned rgb, double x, double y, const char *s);

/* The layout's page callback: draws a completed page of w->docs[w->ndocs - 1], its
 * link annotations and bookmarks, and queues its content for compression. */
void draw_page(void *w, layout *L, const lpage *pg);
/* Adds the link annotations to "#id" anchors of document k. */
void draw_internal_links(pdf_writer *w, size_t k);
/* Draws every page's furniture: what the pages of a kind share in one content stream,
 * "Page N of M" in each page's own. 0 or -1 (libharu error pending). */
int draw_furniture(pdf_writer *w);

#endif
