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
    const char *why;        /* and why, when known ("is a damaged TrueType font") */
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
 * for the code points measured) and embedded subset, compressed by us. 0 or -1. */
int pfont_finish(pfont *f);
void pfont_free(pfont *f);

/* 1 when d is a TrueType font libharu can parse safely (font_check.c); else 0 with
 * *why ("is a damaged TrueType font"). */
int font_check(const unsigned char *d, size_t n, const char **why);

/* ---- images (pdf_image.c) --------------------------------------------- */

/* The image as libharu raw pixels (and a soft mask for transparency), decoded by us
 * from the bytes the report builder checked; NULL with *why on failure (a libharu
 * error may then be pending). */
HPDF_Image pdf_image_load(HPDF_Doc pdf, const rimage *m, const char **why);

/* ---- compression (pdf_zip.c) ------------------------------------------- */

/* Deflates n bytes (zlib format, fixed level): malloc'd result in *out, size *outn.
 * 0 or -1. Deterministic: the same input always gives the same bytes. */
int pz_deflate(const void *in, size_t n, unsigned char **out, size_t *outn);
/* Frees the compressor kept between documents. */
void pz_cleanup(void);

/* Pages compressed on a second thread: pz_pool_add takes a finished page's content
 * out of libharu (freeing it there) and queues it; pz_pool_finish waits, helping,
 * and puts every result back, in order. */
typedef struct pz_pool pz_pool;
pz_pool *pz_pool_new(void);
int pz_pool_add(pz_pool *p, HPDF_Dict d);
int pz_pool_finish(pz_pool *p);
void pz_pool_free(pz_pool *p);
/* Replaces the data of a libharu stream dict with its deflated bytes and marks it
 * /FlateDecode (libharu will not compress it again). 0 or -1. */
int pz_compress_dict(HPDF_Dict d);
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
    const rnode *cur;           /* the node being drawn, kept up to date by the drawer */
    const rnode *at;            /* cur when the first error came: its position */
} hpdf_err;

/* libharu refuses any string (text shown, bookmark, link, metadata) over 65,535 bytes
 * and then stays in error: every PDF string is kept well under it. Text is shown in
 * pieces of at most PDF_TEXT_PIECE bytes; titles and metadata are cut with an
 * ellipsis at PDF_TITLE_MAX. */
#define PDF_TEXT_PIECE 8192
#define PDF_TITLE_MAX 2000

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
    uint32_t *missing;      /* characters the fonts lack, warned about once a paper */
    size_t nmissing, capmissing;
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

#endif
