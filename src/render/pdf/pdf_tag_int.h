/* pdf_tag_int.h - what pdf_tag.c (building the structure) and pdf_tag_write.c
 * (writing its objects) share: the elements, their kids, the pages' marked-content
 * ids and the annotations. */
#ifndef TABLED_PDF_TAG_INT_H
#define TABLED_PDF_TAG_INT_H

#include "pdf_tag.h"

/* Structure types (standard ones only: no role map is needed). */
typedef enum {
    ST_DOCUMENT, ST_PART, ST_SECT, ST_DIV, ST_P, ST_H1, ST_H2, ST_H3, ST_H4, ST_H5, ST_H6,
    ST_L, ST_LI, ST_LBL, ST_LBODY, ST_TABLE, ST_THEAD, ST_TBODY, ST_TR, ST_TH, ST_TD,
    ST_CAPTION, ST_FIGURE, ST_LINK, ST_BLOCKQUOTE, ST__COUNT
} stype;

/* Which of a node's elements: most nodes make one (R_MAIN); a list item or front-sheet
 * field makes LI with Lbl and LBody; a table THead and TBody; a front sheet the L of
 * its fields; a figure or image its drawing; a container its own stray words. */
typedef enum { R_MAIN, R_LBL, R_LBODY, R_FIELDS, R_THEAD, R_TBODY, R_DRAW, R_LABEL } trole;
#define R_ROLES (R_LABEL + 1)
#define R_GONE 0xFFFFFFFFu   /* a map slot whose element is no longer the node's */

/* A kid of an element, in order: a marked-content id on a page, an element, or an
 * annotation (OBJR). Kids of one element are a list through next (1-based; 0 ends). */
enum { K_MCID, K_ELEM, K_OBJR };
typedef struct {
    uint32_t next;
    uint32_t value;         /* the MCID, the element's index, or the annotation's object */
    uint32_t page;          /* the page object (MCID, OBJR) */
    uint8_t kind;
} tkid;

typedef struct {
    const rnode *src;
    int32_t parent;         /* -1: a document's element, under the root */
    uint32_t first, last;   /* kids (1-based indices into ptags.kids) */
    uint32_t page;          /* the page of its first marked content (its /Pg), or 0 */
    int32_t tbody;          /* a table's open TBody, or -1 */
    uint32_t nkids;
    uint8_t type;           /* stype */
    uint8_t role;           /* trole */
} telem;

typedef struct {
    uint32_t obj;           /* the page object */
    int key;                /* its /StructParents */
    size_t first, count;    /* its MCIDs' elements: ptags.mcids[first .. first+count) */
} tpage;

typedef struct {
    int key;                /* its /StructParent */
    int32_t elem;
} tannot;

struct ptags {
    telem *el;
    size_t nel, capel;
    tkid *kids;             /* kids[0] unused */
    size_t nkids, capkids;
    uint32_t *mcids;        /* element of each MCID, page after page */
    size_t nmcids, capmcids;
    tpage *pages;
    size_t npages, cappages;
    tannot *annots;
    size_t nannots, capannots;
    int32_t *docs;          /* each document's element, in the order begun */
    int32_t *order;         /* the same, in reading order (tag_doc_before) */
    size_t ndocs, capdocs;
    int nextkey;            /* the next /StructParent(s) key */
    /* (node, role) -> element: open addressing, keys hashed from the pointer */
    struct tslot {
        const rnode *n;
        uint32_t role;
        int32_t e;
    } *map;
    size_t capmap;
    const rnode *last_src;  /* the last node asked about for text, and its element */
    int32_t last_elem;
};

extern const char *const tag_names[ST__COUNT];

#endif
