/* pdf_tag_write.c - the structure tree's objects (see pdf_tag.h): the StructTreeRoot,
 * an object for every structure element with its attributes (a header cell's /Scope,
 * spans, a list's numbering, a figure's /Alt), the ParentTree that maps each page's
 * marked-content ids and each link annotation back to its element.
 *
 * Objects are numbered in a fixed order (the elements as they were made, an extra
 * Document over several documents' Parts, the root, the parent tree, the pages' arrays,
 * long lists of kids) and written with every number in a field of fixed width, so
 * elements of one type and shape are byte for byte alike but for their numbers; they
 * go into object streams of their own whose rows line up (pdf_objects.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_tag_int.h"

/* A list of kids longer than this, all of them elements, is an array object of its
 * own (in rows of references that line up, like the pages' arrays). */
#define LONG_KIDS 8
/* An element shape with fewer objects than this goes into the plain stream. */
#define MIN_GROUP 8

typedef struct {
    const ptags *t;
    uint32_t *num;          /* each element's number */
    uint32_t doc_all;       /* the Document over several documents, or 0 */
    uint32_t root;          /* the StructTreeRoot */
    uint32_t ptree;         /* the ParentTree */
    uint32_t pages0;        /* the first page's array */
    uint32_t *karr;         /* by element: its kids' array object, or 0 */
    int dn, dm;             /* widths of object numbers and of MCIDs */
} wctx;

static uint32_t num_of(const wctx *c, int32_t e) { return c->num[e]; }

/* v right-aligned in a field of w characters. */
static void put_uw(strbuf *b, uint32_t v, int w)
{
    char buf[16], *q = buf + sizeof buf;
    do {
        *--q = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    int n = (int)(buf + sizeof buf - q);
    sb_grow(b, (size_t)(w > n ? w : n));
    while (w-- > n) b->data[b->len++] = ' ';
    memcpy(b->data + b->len, q, (size_t)n);
    b->len += (size_t)n;
    b->data[b->len] = 0;
}

static void ref(strbuf *b, const wctx *c, uint32_t num)
{
    put_uw(b, num, c->dn);
    sb_putn(b, " 0 R", 4);
}

/* A text string: literal when it is printable ASCII, else UTF-16BE in hex. */
static void text_string(strbuf *b, const char *s)
{
    size_t n = strlen(s);
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E) ascii = 0;
    if (ascii) {
        sb_putc(b, '(');
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '(' || s[i] == ')' || s[i] == '\\') sb_putc(b, '\\');
            sb_putc(b, s[i]);
        }
        sb_putc(b, ')');
        return;
    }
    sb_puts(b, "<FEFF");
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (!l) {
            cp = 0xFFFD;
            l = 1;
        }
        i += l;
        if (cp > 0xFFFF) {
            cp -= 0x10000;
            sb_printf(b, "%04X%04X", (unsigned)(0xD800 + (cp >> 10)), (unsigned)(0xDC00 + (cp & 0x3FF)));
        } else {
            sb_printf(b, "%04X", (unsigned)cp);
        }
    }
    sb_putc(b, '>');
}

/* ---- attributes ---------------------------------------------------------------- */

static void attributes(strbuf *b, const telem *el)
{
    const rnode *n = el->src;
    switch ((stype)el->type) {
    case ST_TH:
    case ST_TD: {
        const rnode *row = n->parent;
        int span = n->colspan > 1 ? n->colspan : 1;
        if (row && (row->flags & RF_GROUP) && !n->next && row->first == n && row->parent)
            span = rnode_table_columns(row->parent);    /* a group's heading spans the table */
        if (el->type == ST_TD && span <= 1) break;
        sb_puts(b, "/A<</O/Table");
        if (span > 1) sb_printf(b, "/ColSpan %d", span);
        if (el->type == ST_TH)
            sb_puts(b, (n->flags & RF_ROW_HEADER) && !(row && (row->flags & (RF_HEADER | RF_GROUP)))
                           ? "/Scope/Row"
                           : "/Scope/Column");
        sb_puts(b, ">>");
        break;
    }
    case ST_L: {
        const char *num = "Disc";
        if (el->role == R_FIELDS) num = "None";
        else if (n->type == RN_LIST && ((n->flags & RF_ORDERED) || (n->first && n->first->number)))
            num = "Decimal";
        sb_printf(b, "/A<</O/List/ListNumbering/%s>>", num);
        break;
    }
    case ST_FIGURE:
        sb_puts(b, "/Alt");
        text_string(b, n->text ? n->text : "");
        break;
    case ST_DOCUMENT:
    case ST_PART:
    case ST_SECT:
    case ST_DIV:
    case ST_P:
    case ST_H1:
    case ST_H2:
    case ST_H3:
    case ST_H4:
    case ST_H5:
    case ST_H6:
    case ST_LI:
    case ST_LBL:
    case ST_LBODY:
    case ST_TABLE:
    case ST_THEAD:
    case ST_TBODY:
    case ST_TR:
    case ST_CAPTION:
    case ST_LINK:
    case ST_BLOCKQUOTE:
    case ST__COUNT:
        break;
    }
}

/* ---- elements ------------------------------------------------------------------ */

static void kid(strbuf *b, const wctx *c, const telem *el, const tkid *k)
{
    switch (k->kind) {
    case K_MCID:
        if (k->page == el->page) {
            put_uw(b, k->value, c->dm);
        } else {
            sb_puts(b, "<</Type/MCR/Pg ");
            ref(b, c, k->page);
            sb_puts(b, "/MCID ");
            put_uw(b, k->value, c->dm);
            sb_puts(b, ">>");
        }
        break;
    case K_ELEM:
        ref(b, c, num_of(c, (int32_t)k->value));
        break;
    case K_OBJR:
        sb_puts(b, "<</Type/OBJR/Obj ");
        ref(b, c, k->value);
        sb_puts(b, "/Pg ");
        ref(b, c, k->page);
        sb_puts(b, ">>");
        break;
    }
}

static int only_elements(const ptags *t, const telem *el)
{
    for (uint32_t k = el->first; k; k = t->kids[k].next)
        if (t->kids[k].kind != K_ELEM) return 0;
    return 1;
}

static void element(strbuf *b, const wctx *c, int32_t e)
{
    const ptags *t = c->t;
    const telem *el = &t->el[e];
    stype type = (stype)el->type;
    if (type == ST_DOCUMENT && c->doc_all) type = ST_PART;
    sb_puts(b, "<</S/");
    sb_puts(b, tag_names[type]);
    sb_puts(b, "/P ");
    ref(b, c, el->parent >= 0 ? num_of(c, el->parent) : c->doc_all ? c->doc_all : c->root);
    if (el->page) {
        sb_puts(b, "/Pg ");
        ref(b, c, el->page);
    }
    attributes(b, el);
    if (c->karr[e]) {
        sb_puts(b, "/K ");
        ref(b, c, c->karr[e]);
    } else if (el->nkids == 1) {
        sb_puts(b, "/K ");
        kid(b, c, el, &t->kids[el->first]);
    } else if (el->nkids > 1) {
        sb_puts(b, "/K[");
        for (uint32_t k = el->first; k; k = t->kids[k].next) {
            kid(b, c, el, &t->kids[k]);
            if (t->kids[k].next) sb_putc(b, ' ');
        }
        sb_putc(b, ']');
    }
    sb_puts(b, ">>");
}

/* An array of references laid out one to a row: "[", the references, "]". */
static void ref_rows_begin(strbuf *b, const wctx *c)
{
    sb_putc(b, '[');
    for (int i = 0; i < c->dn + 4; i++) sb_putc(b, ' ');
}

static void ref_row(strbuf *b, const wctx *c, uint32_t num)
{
    sb_putc(b, ' ');
    ref(b, c, num);
}

/* ---- the tree --------------------------------------------------------------------- */

/* Groups of alike elements: (type, row width) -> group, with how many fall in it. */
typedef struct {
    uint8_t type;
    size_t row, count;
    int g;
} ekey;


static size_t row_width(size_t len) { return (len + 1 + 15) / 16 * 16; }

static int find_key(ekey **keys, size_t *nkeys, size_t *cap, uint8_t type, size_t row)
{
    for (size_t i = 0; i < *nkeys; i++)
        if ((*keys)[i].type == type && (*keys)[i].row == row) return (int)i;
    if (*nkeys == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *keys = xrealloc(*keys, *cap * sizeof **keys);
    }
    (*keys)[*nkeys] = (ekey){type, row, 0, -1};
    return (int)(*nkeys)++;
}

/* The document over several documents' Parts, the root, the parent tree: plain. */
static int write_top(const ptags *t, const wctx *c, pobjects *o, int plain, strbuf *b)
{
    int ok = 1;
    if (c->doc_all) {
        sb_reset(b);
        sb_puts(b, "<</S/Document/P ");
        ref(b, c, c->root);
        sb_puts(b, "/K[");
        for (size_t d = 0; d < t->ndocs; d++) {
            if (d) sb_putc(b, ' ');
            ref(b, c, num_of(c, t->order[d]));
        }
        sb_puts(b, "]>>");
        ok &= pobj_add(o, plain, b->data, b->len) == c->doc_all;
    }
    sb_reset(b);
    sb_puts(b, "<</Type/StructTreeRoot/K ");
    ref(b, c, c->doc_all ? c->doc_all : num_of(c, t->order[0]));
    sb_puts(b, "/ParentTree ");
    ref(b, c, c->ptree);
    sb_printf(b, "/ParentTreeNextKey %d>>", t->nextkey);
    ok &= pobj_add(o, plain, b->data, b->len) == c->root;

    /* page keys and annotation keys, in order */
    sb_reset(b);
    sb_puts(b, "<</Nums[");
    size_t pi = 0, ai = 0;
    while (pi < t->npages || ai < t->nannots) {
        if (ai >= t->nannots || (pi < t->npages && t->pages[pi].key < t->annots[ai].key)) {
            sb_printf(b, "%d ", t->pages[pi].key);
            ref(b, c, c->pages0 + (uint32_t)pi);
            pi++;
        } else {
            sb_printf(b, "%d ", t->annots[ai].key);
            ref(b, c, num_of(c, t->annots[ai].elem));
            ai++;
        }
        if (pi < t->npages || ai < t->nannots) sb_putc(b, ' ');
    }
    sb_puts(b, "]>>");
    ok &= pobj_add(o, plain, b->data, b->len) == c->ptree;
    return ok;
}

/* The pages' arrays (MCID -> element) and long lists of kids: references in rows. */
static int write_refs(const ptags *t, const wctx *c, pobjects *o, int refs, strbuf *b)
{
    int ok = 1;
    for (size_t p = 0; p < t->npages; p++) {
        sb_reset(b);
        ref_rows_begin(b, c);
        const tpage *pg = &t->pages[p];
        for (size_t m = 0; m < pg->count; m++) ref_row(b, c, num_of(c, (int32_t)t->mcids[pg->first + m]));
        sb_putc(b, ']');
        ok &= pobj_add(o, refs, b->data, b->len) == c->pages0 + p;
    }
    for (size_t e = 0; e < t->nel; e++) {
        if (!c->karr[e]) continue;
        sb_reset(b);
        ref_rows_begin(b, c);
        for (uint32_t k = t->el[e].first; k; k = t->kids[k].next)
            ref_row(b, c, num_of(c, (int32_t)t->kids[k].value));
        sb_putc(b, ']');
        ok &= pobj_add(o, refs, b->data, b->len) == c->karr[e];
    }
    return ok;
}

uint32_t tag_write(ptags *t, pobjects *o)
{
    if (!t->ndocs) return 0;
    wctx c;
    memset(&c, 0, sizeof c);
    c.t = t;
    c.karr = xcalloc(t->nel + 1, sizeof *c.karr);
    c.num = xcalloc(t->nel + 1, sizeof *c.num);

    /* how many objects, so that every number's width is known */
    size_t nk = 0;
    for (size_t e = 0; e < t->nel; e++)
        if (t->el[e].nkids > LONG_KIDS && only_elements(t, &t->el[e])) c.karr[e] = 1, nk++;
    size_t total = t->nel + (t->ndocs > 1) + 2 + t->npages + nk;
    c.dn = 1;
    for (uint32_t v = pobj_size_bound(o, total); v >= 10; v /= 10) c.dn++;
    uint32_t maxm = 0;
    for (size_t p = 0; p < t->npages; p++)
        if (t->pages[p].count > maxm) maxm = (uint32_t)t->pages[p].count;
    c.dm = 1;
    for (uint32_t v = maxm; v >= 10; v /= 10) c.dm++;

    /* Every number is written in a field of fixed width, so an element's length does
     * not depend on the numbers: measured once (numbered as they come), the elements
     * are grouped by type and length, and numbered group by group, so that each
     * object stream holds a run of numbers (the cross-reference stream's rows then
     * predict well too). */
    strbuf b = STRBUF_INIT;
    ekey *keys = NULL;
    size_t nkeys = 0, capkeys = 0;
    int *kof = xmalloc((t->nel + 1) * sizeof *kof);
    uint32_t next = pobj_next(o);
    for (size_t e = 0; e < t->nel; e++) c.num[e] = next + (uint32_t)e;
    /* (several documents are Parts, not Documents: measured as they will be written) */
    if (t->ndocs > 1) c.doc_all = next + (uint32_t)t->nel;
    for (size_t e = 0; e < t->nel; e++) {
        sb_reset(&b);
        element(&b, &c, (int32_t)e);
        kof[e] = find_key(&keys, &nkeys, &capkeys, t->el[e].type, row_width(b.len));
        keys[kof[e]].count++;
    }
    int plain = pobj_group(o, 0), refs = pobj_group(o, (size_t)c.dn + 5);
    for (size_t i = 0; i < nkeys; i++)
        keys[i].g = keys[i].count >= MIN_GROUP ? pobj_group(o, keys[i].row) : plain;

    /* numbers: the plain group (odd elements, [Document], root, parent tree), the
     * references, then each group of alike elements */
    for (size_t e = 0; e < t->nel; e++)
        if (keys[kof[e]].g == plain) c.num[e] = next++;
    if (t->ndocs > 1) c.doc_all = next++;
    c.root = next++;
    c.ptree = next++;
    c.pages0 = next;
    next += (uint32_t)t->npages;
    for (size_t e = 0; e < t->nel; e++)
        if (c.karr[e]) c.karr[e] = next++;
    size_t *order = xmalloc((t->nel + 1) * sizeof *order), no;
    {
        /* a counting sort of the grouped elements by group, in element order */
        size_t *start = xcalloc(nkeys + 1, sizeof *start);
        for (size_t e = 0; e < t->nel; e++)
            if (keys[kof[e]].g != plain) start[kof[e] + 1]++;
        for (size_t i = 0; i < nkeys; i++) start[i + 1] += start[i];
        for (size_t e = 0; e < t->nel; e++)
            if (keys[kof[e]].g != plain) order[start[kof[e]]++] = e;
        no = start[nkeys];
        free(start);
    }
    for (size_t i = 0; i < no; i++) c.num[order[i]] = next++;

    /* the objects, in that order */
    int ok = 1;
    for (size_t e = 0; e < t->nel; e++) {
        if (keys[kof[e]].g != plain) continue;
        sb_reset(&b);
        element(&b, &c, (int32_t)e);
        ok &= pobj_add(o, plain, b.data, b.len) == c.num[e];
    }
    ok &= write_top(t, &c, o, plain, &b);
    ok &= write_refs(t, &c, o, refs, &b);
    for (size_t i = 0; i < no; i++) {
        size_t e = order[i];
        sb_reset(&b);
        element(&b, &c, (int32_t)e);
        ok &= (size_t)row_width(b.len) == keys[kof[e]].row &&
              pobj_add(o, keys[kof[e]].g, b.data, b.len) == c.num[e];
    }
    sb_free(&b);
    free(order);
    free(kof);
    free(keys);
    free(c.karr);
    free(c.num);
    return ok ? c.root : 0;
}
