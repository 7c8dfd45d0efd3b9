/* pdf_paginate.c - pagination as the layout goes.
 *
 * Pages are filled greedily, moving a whole keep chain to the next page when it would
 * be split, and a table continuing onto a page repeats its header rows there. At safe
 * points (between the flow's top-level blocks, and between the rows of a top-level
 * table) every item made so far is final, so pagination runs up to there, each
 * completed page goes to layout.on_page to be drawn, and the items and boxes before
 * the open page are freed (boxes live in epochs, arenas freed once their items are
 * drawn). Only the repeated header rows are kept to the end. Pages come out exactly as
 * if the whole document had been laid out first: a page closes only when an item does
 * not fit, and the keep chain moved off it starts on the open page. */
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_layout.h"
#include "pdf_style.h"

/* ---- pagination, as the layout goes ---------------------------------------------- */

/* A closed epoch is kept at least this big (its first block is ARENA_MIN_BLOCK). */
#define EPOCH_BYTES (48 * 1024)

const vitem *lpage_item(const layout *L, const lpage *pg, size_t k)
{
    const placement *pl = &pg->pl[k];
    if (pl->table == PL_OWN) return &pg->own[pl->vi];
    if (pl->table >= 0) return &L->tables[pl->table].rep[pl->vi];
    return vat(&L->secs[pg->section].items, pl->vi);
}

static void ly_place(lpage *pg, size_t vi, double y, int table)
{
    if (pg->len == pg->cap) {
        pg->cap = pg->cap ? pg->cap * 2 : 64;
        pg->pl = xrealloc(pg->pl, pg->cap * sizeof *pg->pl);
    }
    pg->pl[pg->len++] = (placement){vi, y, table};
}

/* An item only this page holds (the part of a split row at its foot). */
static void ly_place_own(lpage *pg, const vitem *v, double y)
{
    if (pg->nown == pg->capown) {
        pg->capown = pg->capown ? pg->capown * 2 : 4;
        pg->own = xrealloc(pg->own, pg->capown * sizeof *pg->own);
    }
    pg->own[pg->nown] = *v;
    ly_place(pg, pg->nown++, y, PL_OWN);
}

static void ly_emit_page(layout *L, lpage *pg)
{
    L->npages++;
    if (L->on_page) L->on_page(L->on_page_ctx, L, pg);
    pg->len = 0;
    pg->nown = 0;
}

/* The height the content of pg takes, from the frame's top. */
static double ly_page_used(const layout *L, const lpage *pg)
{
    const section *s = &L->secs[pg->section];
    double end = s->top;
    for (size_t k = 0; k < pg->len; k++) {
        double e = pg->pl[k].y + lpage_item(L, pg, k)->h;
        if (e > end) end = e;
    }
    return end - s->top;
}

/* The open page is complete: the page held before it goes out, and it is held in its
 * place (a short page after it, its section's last, may yet join it). */
static void ly_page_done(layout *L)
{
    L->page.used = ly_page_used(L, &L->page);
    if (L->has_held) ly_emit_page(L, &L->held);
    lpage t = L->held;
    L->held = L->page;
    L->page = t;
    L->page.len = 0;
    L->page.nown = 0;
    L->has_held = 1;
    L->popen = 0;
}

static void ly_flush_held(layout *L)
{
    if (L->has_held) ly_emit_page(L, &L->held);
    L->has_held = 0;
}

/* A section's short last page (less than a third full) joins the page before it when
 * the space between that page's items, closed up by at most JOIN_SHRINK, makes room
 * for it: a page with a few lines on it is worse than spacing a little tighter. The
 * repeated caption and header rows of the last page go; a row split between them
 * stays split. Returns 1 when joined (the held page has both). */
static int ly_join_last(layout *L)
{
    lpage *a = &L->held, *b = &L->page;
    if (!L->has_held || a->section != b->section || !b->len) return 0;
    const section *s = &L->secs[b->section];
    double frame = s->bottom - s->top;
    if (ly_page_used(L, b) > frame / 3) return 0;
    for (size_t k = 0; k < b->len; k++)
        if (b->pl[k].table == PL_OWN || (b->pl[k].table == PL_FLOW && lpage_item(L, b, k)->rest)) return 0;
    /* the items in order, with the space above each */
    size_t n = a->len + b->len;
    double *gap = xmalloc(n * sizeof *gap);
    placement *pl = xmalloc(n * sizeof *pl);
    size_t m = 0;
    double total = 0, shrink = 0, prev_end = s->top;
    for (int pass = 0; pass < 2; pass++) {
        const lpage *p = pass ? b : a;
        int first = 1;
        for (size_t k = 0; k < p->len; k++) {
            if (pass && p->pl[k].table >= 0) continue;   /* repeated: not needed now */
            const vitem *v = lpage_item(L, p, k);
            double g = pass && first ? v->space : p->pl[k].y - prev_end;
            if (g < 0) g = 0;
            if (m == 0) g = 0;
            gap[m] = g;
            pl[m++] = p->pl[k];
            total += g + v->h;
            shrink += g;
            prev_end = p->pl[k].y + v->h;
            first = 0;
        }
        prev_end = s->top;
    }
    double over = total - frame;
    int ok = over <= shrink * JOIN_SHRINK + 0.01;
    if (ok) {
        double k = over > 0 && shrink > 0 ? 1 - over / shrink : 1;
        double y = s->top;
        for (size_t i = 0; i < m; i++) {
            y += gap[i] * k;
            pl[i].y = y;
            /* items of b are numbered in the section as a's are */
            const vitem *v = pl[i].table == PL_OWN ? &a->own[pl[i].vi]
                             : pl[i].table >= 0   ? &L->tables[pl[i].table].rep[pl[i].vi]
                                                  : vat(&s->items, pl[i].vi);
            y += v->h;
        }
        free(a->pl);
        a->pl = pl;
        a->len = a->cap = m;
        b->len = 0;
        b->nown = 0;
    } else {
        free(pl);
    }
    free(gap);
    return ok;
}

/* The section of the open page is complete: its last page, joined to the one before
 * when short, goes out with the held page. */
static void ly_section_done(layout *L)
{
    if (L->popen) {
        if (ly_join_last(L)) L->popen = 0;
        else ly_page_done(L);
    }
    ly_flush_held(L);
}

/* May row item it, which does not fit avail, be split there? When it is tall (a
 * shorter row moves whole: keeping together wins over filling a page), or taller than
 * a page. */
static int ly_may_split(const layout *L, const section *s, const vitem *it)
{
    double frame = s->bottom - s->top;
    (void)L;
    return it->h > frame * ROW_SPLIT_SHARE;
}

/* Fills pages greedily with the items of section L->psec made so far, moving a whole
 * keep chain to the next page when it would be split, and splitting a tall row at a
 * page's foot; a page is complete (and handed on) when an item does not fit. A table
 * continuing onto a page repeats its caption, "(continued)", and header rows there. */
static void ly_paginate(layout *L)
{
    section *s = &L->secs[L->psec];
    vvec *v = &s->items;
    lpage *pg = &L->page;
    while (L->pnext < v->len) {
        size_t i = L->pnext;
        const vitem *it = vat(v, i);
        if (!L->popen) {
            L->popen = 1;
            pg->section = L->psec;
            pg->len = 0;
            pg->nown = 0;
            pg->first = i;
            L->py = s->top;
            L->pown = 0;
            L->pfirst = i;
            if (it->table >= 0 && !it->header) {
                const tinfo *ti = &L->tables[it->table];
                if (ti->rep && ti->section == L->psec && i > ti->first) {
                    for (size_t k = 0; k < ti->nrep; k++) {
                        double y = L->py + (k ? ti->rep[k].space : 0);
                        ly_place(pg, k, y, it->table);
                        L->py = y + ti->rep[k].h;
                    }
                }
            }
        }
        double sp = L->pown == 0 ? 0 : it->space;
        if (L->py + sp + it->h <= s->bottom + 0.01) {
            ly_place(pg, i, L->py + sp, PL_FLOW);
            L->py += sp + it->h;
            L->pown++;
            L->pnext++;
            continue;
        }
        if (it->split && ly_may_split(L, s, it)) {
            vitem a, r;
            if (ly_split_row(L, it, s->bottom - (L->py + sp), &a, &r)) {
                ly_place_own(pg, &a, L->py + sp);
                L->pown++;
                *vat(v, i) = r;     /* the rest is the item now; the page is complete */
                ly_page_done(L);
                continue;
            }
        }
        if (L->pown == 0) {     /* taller than a page and cannot split: as it is */
            ly_place(pg, i, L->py, PL_FLOW);
            L->py += it->h;
            L->pown++;
            L->pnext++;
            continue;
        }
        size_t j = i;
        while (j > L->pfirst && vat(v, j - 1)->keep) j--;
        if (j == L->pfirst) j = i;
        while (pg->len && pg->pl[pg->len - 1].table == PL_FLOW && pg->pl[pg->len - 1].vi >= j) pg->len--;
        L->pnext = j;
        ly_page_done(L);
    }
}

/* A safe point: every item made so far is final. Paginates them, draws the pages
 * completed, and frees what only those pages needed. final: the document is done. */
void ly_commit(layout *L, int final)
{
    if (!L->nsec) return;
    for (;;) {
        ly_paginate(L);
        if (!final && L->psec + 1 >= L->nsec) break;
        /* a section is complete once a later one has begun */
        ly_section_done(L);
        vvec *v = &L->secs[L->psec].items;
        free(v->v);
        v->v = NULL;
        v->cap = 0;
        v->base = v->len;
        if (L->psec + 1 >= L->nsec) break;
        L->psec++;
        L->pnext = 0;
    }
    /* items before the held page, or the open one, are drawn */
    size_t drawn = L->has_held ? L->held.first : L->popen ? L->pfirst : L->pnext;
    vvec *v = &L->secs[L->psec].items;
    if (v->v && drawn > v->base) {
        memmove(v->v, v->v + (drawn - v->base), (v->len - drawn) * sizeof *v->v);
        v->base = drawn;
    }
    /* close the open epoch, and free those whose items are all drawn */
    if (L->cur.total >= EPOCH_BYTES) {
        if (L->epoch0 + L->nepochs == L->capepochs) {
            if (L->epoch0) {
                memmove(L->epochs, L->epochs + L->epoch0, L->nepochs * sizeof *L->epochs);
                L->epoch0 = 0;
            } else {
                L->capepochs = L->capepochs ? L->capepochs * 2 : 16;
                L->epochs = xrealloc(L->epochs, L->capepochs * sizeof *L->epochs);
            }
        }
        L->epochs[L->epoch0 + L->nepochs++] =
            (epoch){L->cur, L->nsec - 1, ly_section(L)->items.len};
        arena_init(&L->cur);
    }
    while (L->nepochs) {
        epoch *e = &L->epochs[L->epoch0];
        if (e->sec > L->psec || (e->sec == L->psec && e->vi > drawn)) break;
        arena_free(&e->a);
        L->epoch0++;
        L->nepochs--;
    }
    if (!L->nepochs) L->epoch0 = 0;
}
