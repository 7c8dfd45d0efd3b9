/* pdf_tag.c - the structure elements of a tagged PDF, made from the report's nodes as
 * their content is drawn (see pdf_tag.h).
 *
 * How a node maps, as the HTML renderer maps it: the document a Document (a Part of
 * one when a writer holds several); the front sheet, the body and each appendix a
 * Sect; masthead lines P, the title H1; the front sheet's fields an L of LI, the
 * label a Lbl and the value an LBody (a field that carries the title has it as H1);
 * headings H1-H6 by their rank in the outline (the report's: it never skips a level),
 * an appendix's label inside its title heading; paragraphs and code P; lists L, items
 * LI with the marker in Lbl and the content in LBody; quotations BlockQuote; notices
 * Div; tables Table with Caption, THead (header rows) and a TBody per group of rows,
 * rows TR, cells TH (header rows, group rows, row headers) or TD; a figure's drawing
 * or an image a Figure (with its text alternative, written by pdf_tag_write.c), its
 * caption and data table beside it; links Link. Inline nodes (text, emphasis, code,
 * badges, an image's bracketed alternative in running text) and a cell's or field's
 * lone paragraph add no element: their content belongs to the element around them. */
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_tag_int.h"

const char *const tag_names[ST__COUNT] = {
    "Document", "Part", "Sect", "Div", "P", "H1", "H2", "H3", "H4", "H5", "H6",
    "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD",
    "Caption", "Figure", "Link", "BlockQuote"};

ptags *tag_new(void)
{
    ptags *t = xcalloc(1, sizeof *t);
    t->nkids = 1;       /* kid 0 means none */
    t->capkids = 1024;
    t->kids = xmalloc(t->capkids * sizeof *t->kids);
    t->last_elem = -1;
    return t;
}

void tag_free(ptags *t)
{
    if (!t) return;
    free(t->el);
    free(t->kids);
    free(t->mcids);
    free(t->pages);
    free(t->annots);
    free(t->docs);
    free(t->order);
    free(t->map);
    free(t);
}

size_t tag_count(const ptags *t, size_t *mcids)
{
    if (mcids) *mcids = t->nmcids;
    return t->nel;
}

/* ---- the map from (node, role) to element ---------------------------------------- */

static size_t slot_of(const rnode *n, uint32_t role, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)n * 0x9E3779B97F4A7C15ull ^ role;
    h ^= h >> 29;
    return (size_t)h & (cap - 1);
}

static int32_t map_get(const ptags *t, const rnode *n, trole role)
{
    if (!t->capmap) return -1;
    for (size_t j = slot_of(n, role, t->capmap);; j = (j + 1) & (t->capmap - 1)) {
        const struct tslot *s = &t->map[j];
        if (!s->n) return -1;
        if (s->n == n && s->role == role) return s->e;
    }
}

static void map_put(ptags *t, const rnode *n, trole role, int32_t e)
{
    if ((t->nel + 1) * 2 > t->capmap) {
        size_t ncap = t->capmap ? t->capmap * 2 : 1024;
        struct tslot *nm = xcalloc(ncap, sizeof *nm);
        for (size_t i = 0; i < t->capmap; i++) {
            if (!t->map[i].n) continue;
            size_t j = slot_of(t->map[i].n, t->map[i].role, ncap);
            while (nm[j].n) j = (j + 1) & (ncap - 1);
            nm[j] = t->map[i];
        }
        free(t->map);
        t->map = nm;
        t->capmap = ncap;
    }
    size_t j = slot_of(n, role, t->capmap);
    while (t->map[j].n) j = (j + 1) & (t->capmap - 1);
    t->map[j] = (struct tslot){n, role, e};
}

/* Node n has no elements any more (nor, with inside, the nodes inside it): its next
 * content makes new ones. The slots stay (a probe passes over them); their role
 * matches nothing. */
static void map_forget(ptags *t, const rnode *n, int inside)
{
    for (uint32_t role = 0; role < R_ROLES && t->capmap; role++)
        for (size_t j = slot_of(n, role, t->capmap); t->map[j].n; j = (j + 1) & (t->capmap - 1))
            if (t->map[j].n == n && t->map[j].role == role) {
                t->map[j].role = R_GONE;
                break;
            }
    if (inside)
        for (const rnode *k = n->first; k; k = k->next) map_forget(t, k, 1);
}

/* ---- elements and kids -------------------------------------------------------------- */

static void add_kid(ptags *t, int32_t e, int kind, uint32_t value, uint32_t page)
{
    if (t->nkids == t->capkids) {
        t->capkids *= 2;
        t->kids = xrealloc(t->kids, t->capkids * sizeof *t->kids);
    }
    uint32_t k = (uint32_t)t->nkids++;
    t->kids[k] = (tkid){0, value, page, (uint8_t)kind};
    telem *el = &t->el[e];
    if (el->last) t->kids[el->last].next = k;
    else el->first = k;
    el->last = k;
    el->nkids++;
}

static int32_t new_elem(ptags *t, const rnode *n, trole role, stype type, int32_t parent)
{
    if (t->nel == t->capel) {
        t->capel = t->capel ? t->capel * 2 : 256;
        t->el = xrealloc(t->el, t->capel * sizeof *t->el);
    }
    int32_t e = (int32_t)t->nel;
    map_put(t, n, role, e);
    t->nel++;
    t->el[e] = (telem){n, parent, 0, 0, 0, -1, 0, (uint8_t)type, (uint8_t)role};
    if (parent >= 0) add_kid(t, parent, K_ELEM, (uint32_t)e, 0);
    return e;
}

void tag_doc_begin(ptags *t, const rdoc *d)
{
    if (t->ndocs == t->capdocs) {
        t->capdocs = t->capdocs ? t->capdocs * 2 : 4;
        t->docs = xrealloc(t->docs, t->capdocs * sizeof *t->docs);
        t->order = xrealloc(t->order, t->capdocs * sizeof *t->order);
    }
    t->docs[t->ndocs] = t->order[t->ndocs] = new_elem(t, d->root, R_MAIN, ST_DOCUMENT, -1);
    t->ndocs++;
    t->last_src = NULL;
}

void tag_doc_before(ptags *t, size_t k)
{
    if (k + 1 >= t->ndocs) return;
    int32_t e = t->order[t->ndocs - 1], at = t->docs[k];
    size_t i = 0;
    while (t->order[i] != at) i++;
    memmove(&t->order[i + 1], &t->order[i], (t->ndocs - 1 - i) * sizeof *t->order);
    t->order[i] = e;
}

int tag_page_begin(ptags *t, uint32_t page_obj)
{
    if (t->npages == t->cappages) {
        t->cappages = t->cappages ? t->cappages * 2 : 64;
        t->pages = xrealloc(t->pages, t->cappages * sizeof *t->pages);
    }
    int key = t->nextkey++;
    t->pages[t->npages++] = (tpage){page_obj, key, t->nmcids, 0};
    return key;
}

int tag_mcid(ptags *t, int32_t e)
{
    if (!t->npages || e < 0) return -1;
    tpage *pg = &t->pages[t->npages - 1];
    if (t->nmcids == t->capmcids) {
        t->capmcids = t->capmcids ? t->capmcids * 2 : 1024;
        t->mcids = xrealloc(t->mcids, t->capmcids * sizeof *t->mcids);
    }
    t->mcids[t->nmcids++] = (uint32_t)e;
    int mcid = (int)pg->count++;
    add_kid(t, e, K_MCID, (uint32_t)mcid, pg->obj);
    if (!t->el[e].page) t->el[e].page = pg->obj;
    return mcid;
}

int tag_annot(ptags *t, int32_t e, uint32_t annot_obj, uint32_t page_obj)
{
    if (e < 0) return -1;
    if (t->nannots == t->capannots) {
        t->capannots = t->capannots ? t->capannots * 2 : 16;
        t->annots = xrealloc(t->annots, t->capannots * sizeof *t->annots);
    }
    int key = t->nextkey++;
    t->annots[t->nannots++] = (tannot){key, e};
    add_kid(t, e, K_OBJR, annot_obj, page_obj);
    return key;
}

void tag_row_part(ptags *t, const rnode *row)
{
    /* (a group row begins a TBody of its own: it is never cut) */
    if (!row || row->type != RN_ROW || (row->flags & RF_GROUP) || map_get(t, row, R_MAIN) < 0)
        return;
    map_forget(t, row, 1);
    t->last_src = NULL;
}

const char *tag_type_name(const ptags *t, int32_t e)
{
    return e >= 0 && (size_t)e < t->nel ? tag_names[t->el[e].type] : "Span";
}

/* ---- from nodes to elements ---------------------------------------------------------- */

static int32_t elem(ptags *t, const rnode *n, trole role);

/* A paragraph that is a cell's or field's only block and unnumbered: its words are
 * the cell's (as the HTML writes them without <p>). */
static int lone_value(const rnode *n)
{
    const rnode *p = n->parent;
    return p && (p->type == RN_CELL || p->type == RN_FIELD) && p->first == n && !n->next &&
           !(n->number && *n->number);
}

/* Does n add no element of its own (its content belongs to the element around it)? */
static int transparent(const rnode *n)
{
    switch (n->type) {
    case RN_TEXT:
    case RN_SOFTBREAK:
    case RN_LINEBREAK:
    case RN_CODE:
    case RN_EMPH:
    case RN_STRONG:
    case RN_STRIKE:
    case RN_BADGE:
    case RN_FIGURE:     /* its caption and table stand beside its drawing */
        return 1;
    case RN_IMAGE:      /* its bracketed alternative, inside running text */
        return n->parent && (!rnode_is_block(n->parent) || n->parent->type == RN_PARAGRAPH ||
                             n->parent->type == RN_HEADING || n->parent->type == RN_CAPTION ||
                             n->parent->type == RN_CELL);
    case RN_PARAGRAPH:
        /* (a field that carries the title has it as a heading) */
        return lone_value(n) && !(n->parent->type == RN_FIELD && (n->parent->flags & RF_TITLE));
    case RN_DOCUMENT:
    case RN_FRONT_SHEET:
    case RN_FRONT_LINE:
    case RN_FIELD:
    case RN_BODY:
    case RN_HEADING:
    case RN_LIST:
    case RN_ITEM:
    case RN_BLOCKQUOTE:
    case RN_CODE_BLOCK:
    case RN_THEMATIC_BREAK:
    case RN_TABLE:
    case RN_CAPTION:
    case RN_ROW:
    case RN_CELL:
    case RN_APPENDIX:
    case RN_NOTICE:
    case RN_LINK:
        return 0;
    }
    return 0;
}

/* The element that holds what is inside node n (its blocks, or its inline content). */
static int32_t holder(ptags *t, const rnode *n)
{
    while (n && transparent(n)) n = n->parent;
    if (!n) return t->ndocs ? t->docs[t->ndocs - 1] : -1;
    if (n->type == RN_ITEM || n->type == RN_FIELD) return elem(t, n, R_LBODY);
    return elem(t, n, R_MAIN);
}

static stype heading_type(const rnode *n)
{
    int r = n->rank >= 1 && n->rank <= 6 ? n->rank : 2;
    return (stype)(ST_H1 + r - 1);
}

static stype type_of(const rnode *n, trole role)
{
    switch (role) {
    case R_LBL: return ST_LBL;
    case R_LBODY: return ST_LBODY;
    case R_FIELDS: return ST_L;
    case R_THEAD: return ST_THEAD;
    case R_TBODY: return ST_TBODY;
    case R_DRAW: return ST_FIGURE;
    case R_LABEL: return ST_P;
    case R_MAIN: break;
    }
    switch (n->type) {
    case RN_DOCUMENT: return ST_DOCUMENT;
    case RN_FRONT_SHEET:
    case RN_BODY:
    case RN_APPENDIX:
        return ST_SECT;
    case RN_FRONT_LINE: return n->role == FRONT_TITLE ? ST_H1 : ST_P;
    case RN_FIELD:
    case RN_ITEM:
        return ST_LI;
    case RN_HEADING: return heading_type(n);
    case RN_PARAGRAPH:
        return n->parent && n->parent->type == RN_FIELD && (n->parent->flags & RF_TITLE) ? ST_H1 : ST_P;
    case RN_LIST: return ST_L;
    case RN_BLOCKQUOTE: return ST_BLOCKQUOTE;
    case RN_TABLE: return ST_TABLE;
    case RN_CAPTION: return ST_CAPTION;
    case RN_ROW: return ST_TR;
    case RN_CELL: {
        const rnode *row = n->parent;
        int th = (n->flags & RF_ROW_HEADER) || (row && (row->flags & (RF_HEADER | RF_GROUP)));
        return th ? ST_TH : ST_TD;
    }
    case RN_NOTICE: return ST_DIV;
    case RN_LINK: return ST_LINK;
    case RN_FIGURE: return ST_DIV;
    case RN_CODE_BLOCK:
    case RN_THEMATIC_BREAK:
    case RN_IMAGE:
    case RN_TEXT:
    case RN_SOFTBREAK:
    case RN_LINEBREAK:
    case RN_CODE:
    case RN_EMPH:
    case RN_STRONG:
    case RN_STRIKE:
    case RN_BADGE:
        return ST_P;
    }
    return ST_P;
}

/* The TBody a body row goes in: a group row starts a new one (as in the HTML). */
static int32_t tbody_for(ptags *t, const rnode *row)
{
    const rnode *table = row->parent ? row->parent : row;
    int32_t te = elem(t, table, R_MAIN);
    if (row->flags & RF_GROUP) {
        int32_t b = map_get(t, row, R_TBODY);
        if (b < 0) b = new_elem(t, row, R_TBODY, ST_TBODY, te);
        t->el[te].tbody = b;
        return b;
    }
    if (t->el[te].tbody < 0) {
        int32_t b = new_elem(t, table, R_TBODY, ST_TBODY, te);
        t->el[te].tbody = b;
    }
    return t->el[te].tbody;
}

static int32_t parent_of(ptags *t, const rnode *n, trole role)
{
    switch (role) {
    case R_LBL:
    case R_LBODY:
    case R_LABEL:
        return elem(t, n, R_MAIN);
    case R_FIELDS:
    case R_THEAD:
        return elem(t, n, R_MAIN);
    case R_TBODY:
        return elem(t, n->type == RN_ROW && n->parent ? n->parent : n, R_MAIN);
    case R_DRAW:
        return holder(t, n->parent);
    case R_MAIN:
        break;
    }
    const rnode *p = n->parent;
    if (p) {
        if (n->type == RN_ITEM && p->type == RN_LIST) return elem(t, p, R_MAIN);
        if (n->type == RN_FIELD && p->type == RN_FRONT_SHEET) return elem(t, p, R_FIELDS);
        if (n->type == RN_ROW && p->type == RN_TABLE)
            return (n->flags & RF_HEADER) ? elem(t, p, R_THEAD) : tbody_for(t, n);
        if (n->type == RN_CELL && p->type == RN_ROW) return elem(t, p, R_MAIN);
        if (n->type == RN_CAPTION && p->type == RN_TABLE) return elem(t, p, R_MAIN);
    }
    return holder(t, p);
}

/* Node n's element in this role, made (with its ancestors) when it is not yet. */
static int32_t elem(ptags *t, const rnode *n, trole role)
{
    int32_t e = map_get(t, n, role);
    if (e >= 0) return e;
    if (n->type == RN_DOCUMENT && role == R_MAIN && t->ndocs) return t->docs[t->ndocs - 1];
    int32_t parent = parent_of(t, n, role);
    /* making the parent may have made this element too (a table's TBody) */
    e = map_get(t, n, role);
    if (e >= 0) return e;
    return new_elem(t, n, role, type_of(n, role), parent);
}

/* The element that owns the words drawn from node n itself. */
static int32_t direct(ptags *t, const rnode *n)
{
    if (transparent(n)) return holder(t, n->parent);
    switch (n->type) {
    case RN_ITEM:
    case RN_FIELD:
        return elem(t, n, R_LBL);       /* the marker; the label */
    case RN_APPENDIX:
        /* "Appendix A" belongs to the appendix's title heading */
        if (n->first && n->first->type == RN_HEADING) return elem(t, n->first, R_MAIN);
        return elem(t, n, R_LABEL);
    case RN_DOCUMENT:
    case RN_FRONT_SHEET:
    case RN_BODY:
    case RN_LIST:
    case RN_TABLE:
    case RN_ROW:
    case RN_NOTICE:
    case RN_BLOCKQUOTE:
        return elem(t, n, R_LABEL);     /* words of a container's own */
    case RN_FRONT_LINE:
    case RN_HEADING:
    case RN_PARAGRAPH:
    case RN_CODE_BLOCK:
    case RN_THEMATIC_BREAK:
    case RN_CAPTION:
    case RN_CELL:
    case RN_FIGURE:
    RN_INLINE_CASES:
        break;
    }
    return elem(t, n, R_MAIN);
}

int32_t tag_owner(ptags *t, const rnode *n, tag_use use)
{
    if (!n || !t->ndocs) return -1;
    switch (use) {
    case TAG_TEXT:
        if (n == t->last_src) return t->last_elem;
        t->last_src = n;
        return t->last_elem = direct(t, n);
    case TAG_TOUCH:
        return elem(t, n, R_MAIN);
    case TAG_DRAWING:
        /* a figure's or image's drawing; with no text alternative, an artifact */
        if (!n->text || !*n->text) return -1;
        return elem(t, n, R_DRAW);
    }
    return -1;
}
