/* pdf_layout.c - lays a report description out into sections of vertical items, and
 * the pieces every layout file builds with: boxes, vertical items, sections.
 *
 * Every block becomes vertical items (vitems): one per line of text, one per table
 * row, one per rule or image. Each carries a tree of boxes (lbox) that remember the
 * report node they came from; a vitem may ask to be kept with the next one (heading
 * with what follows, first two and last two lines of a paragraph, caption and header
 * rows with the first body row). Text becomes lines in pdf_text.c, blocks are set in
 * pdf_blocks.c, tables in pdf_table.c, the front sheet and appendix headings in
 * pdf_front.c, and pdf_paginate.c fills pages as the layout goes, so memory stays at
 * about a page's worth however long the paper. Wide appendices and tables get
 * sections of their own on landscape pages. */
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_layout.h"
#include "pdf_style.h"

/* ---- boxes ------------------------------------------------------------------ */

lbox *ly_box(layout *L, lb_kind k, const rnode *src)
{
    lbox *b = arena_alloc(L->ba, sizeof *b);
    b->kind = k;
    b->src = src;
    return b;
}

void ly_box_add(lbox *parent, lbox *child)
{
    if (parent->last) parent->last->next = child;
    else parent->first = child;
    parent->last = child;
}

void ly_box_front(lbox *parent, lbox *mark)
{
    if (!mark || !mark->next) return;   /* nothing before them, or nothing added */
    lbox *moved = mark->next, *last = parent->last;
    mark->next = NULL;
    parent->last = mark;
    last->next = parent->first;
    parent->first = moved;
}

lbox *ly_rect(layout *L, lbox *parent, lb_kind k, const rnode *src, double x,
              double y, double w, double h, unsigned color, double lw)
{
    lbox *b = ly_box(L, k, src);
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->color = color;
    b->lw = lw;
    ly_box_add(parent, b);
    return b;
}

lbox *ly_text(layout *L, lbox *parent, const rnode *src, double x, double y,
              int face, double size, unsigned color, const char *s, size_t n)
{
    lbox *b = ly_box(L, LB_TEXT, src);
    b->x = x;
    b->y = y;
    b->face = face;
    b->size = size;
    b->color = color;
    b->text = arena_strndup(L->ba, s, n);
    b->w = pfont_width(&L->fonts[face], s, n, size);
    b->h = size;
    ly_box_add(parent, b);
    return b;
}

/* ---- vertical items ------------------------------------------------------ */

size_t ly_emit(layout *L, lbox *box, double h, double space)
{
    vvec *v = L->out;
    if (v->len - v->base == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->v = xrealloc(v->v, v->cap * sizeof *v->v);
    }
    vitem *it = &v->v[v->len - v->base];
    memset(it, 0, sizeof *it);
    it->box = box;
    it->h = h;
    it->space = space > L->pending ? space : L->pending;
    it->table = -1;
    L->pending = 0;
    if (L->keep_next && L->nsec && v == &ly_section(L)->items) {
        it->keep = 1;       /* a heading keeps with two lines of what follows */
        L->keep_next = 0;
    }
    return v->len++;
}

void ly_space_after(layout *L, double s)
{
    if (s > L->pending) L->pending = s;
}


void ly_new_section(layout *L, int landscape)
{
    const house_style *h = L->h;
    if (L->nsec && ly_section(L)->items.len == 0) {
        L->nsec--;      /* reuse an empty section */
    } else {
        if (L->nsec == L->capsec) {
            L->capsec = L->capsec ? L->capsec * 2 : 8;
            L->secs = xrealloc(L->secs, L->capsec * sizeof *L->secs);
        }
        memset(&L->secs[L->nsec], 0, sizeof L->secs[0]);
    }
    section *s = &L->secs[L->nsec++];
    s->landscape = landscape;
    s->for_wide = 0;
    s->pw = landscape ? h->page_height : h->page_width;
    s->ph = landscape ? h->page_width : h->page_height;
    s->x0 = h->margin_left;
    s->w = s->pw - h->margin_left - h->margin_right;
    s->exempt = L->part_exempt;
    s->top = h->margin_top + (L->exempt_shift > 0 || !s->exempt ? L->exempt_shift : EXEMPT_SHIFT);
    s->bottom = s->ph - h->margin_bottom;
    L->out = &s->items;
    L->pending = 0;
}

bstyle ly_body_style(layout *L)
{
    bstyle b;
    memset(&b, 0, sizeof b);
    b.size = L->h->body_size;
    b.leading = L->h->body_leading;
    b.face = FACE_REGULAR;
    b.color = INK;
    b.after = L->h->paragraph_space;
    return b;
}

/* Stacks vitems [from, to) of v into one group (for cells and notices). */
lbox *ly_stack(layout *L, const vvec *v, size_t from, size_t to, const rnode *src,
               double *height)
{
    lbox *g = ly_box(L, LB_GROUP, src);
    double y = 0;
    for (size_t i = from; i < to; i++) {
        const vitem *it = vat(v, i);
        if (i > from) y += it->space;
        lbox *b = it->box;
        b->y = (float)y;
        if (b->h < it->h) b->h = (float)it->h;     /* where a row may be split */
        ly_box_add(g, b);
        y += it->h;
    }
    *height = y;
    return g;
}


char *ly_plain(layout *L, const rnode *n)
{
    char *t = rnode_plain_text(n);
    char *r = arena_strdup(L->ba, t);
    free(t);
    return r;
}

void layout_document(layout *L)
{
    ly_new_section(L, 0);
    const rnode *root = L->d->root;
    bstyle b = ly_body_style(L);
    for (const rnode *c = root ? root->first : NULL; c; c = c->next) {
        switch (c->type) {
        case RN_FRONT_SHEET:
            if (ly_section(L)->landscape) ly_new_section(L, 0);
            ly_front(L, c);
            break;
        case RN_APPENDIX:
            ly_appendix(L, c);
            break;
        case RN_BODY:
            if (ly_section(L)->landscape) ly_new_section(L, 0);
            L->flow_top = 1;
            ly_blocks(L, c->first, ly_section(L)->x0, ly_section(L)->w, &b,
                      ly_any_hangs(c->first));
            break;
        case RN_DOCUMENT:
        case RN_FRONT_LINE:
        case RN_FIELD:
        case RN_HEADING:
        case RN_PARAGRAPH:
        case RN_LIST:
        case RN_ITEM:
        case RN_BLOCKQUOTE:
        case RN_CODE_BLOCK:
        case RN_THEMATIC_BREAK:
        case RN_TABLE:
        case RN_CAPTION:
        case RN_ROW:
        case RN_CELL:
        case RN_NOTICE:
        case RN_FIGURE:
    RN_INLINE_CASES:
            /* not where the builder puts them; laid out as a block */
            ly_block(L, c, ly_section(L)->x0, ly_section(L)->w, &b);
            break;
        }
        L->flow_top = 0;
        ly_commit(L, 0);
    }
    ly_commit(L, 1);
    L->stats.pages = L->npages;
}

void layout_init(layout *L, const rdoc *d, const house_style *h, diag_list *diags,
                 HPDF_Doc pdf, pfont *fonts)
{
    memset(L, 0, sizeof *L);
    L->d = d;
    L->h = h;
    L->diags = diags;
    L->pdf = pdf;
    L->fonts = fonts;
    arena_init(&L->cur);
    arena_init(&L->keep);
    L->ba = &L->cur;
    hashmap_init(&L->images);
    L->exempt_shift = d->furniture.exempt_mark ? EXEMPT_SHIFT : 0;
}

void layout_free(layout *L)
{
    for (size_t i = 0; i < L->nsec; i++) free(L->secs[i].items.v);
    free(L->secs);
    for (size_t i = 0; i < L->ntables; i++) {
        free(L->tables[i].rep);
        free(L->tables[i].cont);
    }
    ly_measure_free(L);
    free(L->held.pl);
    free(L->held.own);
    free(L->page.own);
    free(L->tables);
    free(L->page.pl);
    il_free(&L->il);
    klines_free(&L->kl);
    hashmap_free(&L->images);
    free(L->missing);
    for (size_t i = 0; i < L->nepochs; i++) arena_free(&L->epochs[L->epoch0 + i].a);
    free(L->epochs);
    arena_free(&L->cur);
    arena_free(&L->keep);
}
