/* pdf_draw.h - the writer's inside: pages drawn as the layout completes them
 * (pdf_draw.c), their furniture (pdf_furniture.c), the document (pdf_writer.c). */
#ifndef TABLED_PDF_DRAW_H
#define TABLED_PDF_DRAW_H

#include <hpdf.h>

#include "../../util/arena.h"
#include "../../util/hashmap.h"
#include "pdf_layout.h"
#include "pdf_objects.h"
#include "pdf_ops.h"
#include "pdf_tag.h"
#include "pdf_zip.h"

/* Where a drawn page came from: its document, and its section's geometry (the
 * section's items are gone by the time the furniture is drawn). */
typedef struct {
    HPDF_Page page;
    size_t doc;             /* index into pdf_writer.docs */
    section geo;            /* items empty */
} drawn_page;

/* A link to "#id" on a page, made once the whole document is drawn; elem is its Link
 * structure element. */
typedef struct {
    HPDF_Page page;
    HPDF_Rect rect;
    const char *id;
    const rnode *link;
    int32_t elem;
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
    ptags *tags;            /* the structure tree (pdf_tag.c) */
    pobjects *objs;         /* our own objects: the structure tree's (pdf_objects.c) */
    uint32_t struct_root;   /* the StructTreeRoot's number, once known */
    int broken;             /* an error was reported: finish writes nothing */
    /* packs (pdf_render.h): */
    int pack;               /* pages numbered through the PDF ("Page 17") */
    const char *page_prefix;    /* "S": "Page S3", and page labels S1, S2 ... */
    HPDF_Outline nest;      /* the documents' bookmarks go beneath it (NULL: top) */
    HPDF_Outline *marks;    /* bookmarks made by pdf_writer_bookmark */
    size_t nmarks, capmarks;
    HPDF_Page insert_before;    /* pages are inserted before it (NULL: added at the end) */
    size_t insert_at;       /* ... at this index of pages */
    hashmap images;         /* images of documents laid out by another writer (path ->
                             * HPDF_Image in this one) */
};

/* s, or a copy in tmp cut to at most max bytes (between characters) with an ellipsis
 * and without bidi controls: for bookmarks, metadata and annotations' text, which
 * libharu limits (PDF_TITLE_MAX). */
const char *pdf_capped(strbuf *tmp, const char *s, size_t max);

/* The layout's page callback: draws a completed page of w->docs[w->ndocs - 1], its
 * link annotations and bookmarks, and queues its content for compression. */
void draw_page(void *w, layout *L, const lpage *pg);
/* The same for a layout made by another writer (its text measured again in this
 * writer's fonts, its images loaded into this writer's document). */
void draw_page_foreign(pdf_writer *w, layout *L, const lpage *pg);
/* The index in w->pages of the page document k's anchor id is on, or (size_t)-1. The
 * top of the anchor (PDF units, from the page's foot) in *top. */
size_t draw_anchor_page(const pdf_writer *w, size_t k, const char *id, double *top);
/* Adds the link annotations to "#id" anchors of document k. */
void draw_internal_links(pdf_writer *w, size_t k);
/* Draws every page's furniture: what the pages of a kind share in one content stream,
 * "Page N of M" in each page's own. 0 or -1 (libharu error pending). */
int draw_furniture(pdf_writer *w);

#endif
