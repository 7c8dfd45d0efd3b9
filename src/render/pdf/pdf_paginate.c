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
    if (pl->table >= 0) return &L->tables[pl->table].hdr[pl->vi];
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

static void ly_page_done(layout *L)
{
    L->npages++;
    if (L->on_page) L->on_page(L->on_page_ctx, L, &L->page);
    L->page.len = 0;
    L->popen = 0;
}

/* Fills pages greedily with the items of section L->psec made so far, moving a whole
 * keep chain to the next page when it would be split; a page is complete (and handed
 * on) when an item does not fit. A table continuing onto a page repeats its header
 * rows there. */
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
            L->py = s->top;
            L->pown = 0;
            L->pfirst = i;
            if (it->table >= 0 && !it->header) {
                const tinfo *ti = &L->tables[it->table];
                if (ti->hdr && i >= ti->hdr_first + ti->hdr_count) {
                    for (size_t k = 0; k < ti->hdr_count; k++) {
                        ly_place(pg, k, L->py, it->table);
                        L->py += ti->hdr[k].h;
                    }
                }
            }
        }
        double sp = L->pown == 0 ? 0 : it->space;
        if (L->pown == 0 || L->py + sp + it->h <= s->bottom + 0.01) {
            ly_place(pg, i, L->py + sp, -1);
            L->py += sp + it->h;
            L->pown++;
            L->pnext++;
            continue;
        }
        size_t j = i;
        while (j > L->pfirst && vat(v, j - 1)->keep) j--;
        if (j == L->pfirst) j = i;
        while (pg->len && pg->pl[pg->len - 1].table < 0 && pg->pl[pg->len - 1].vi >= j) pg->len--;
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
        if (L->popen) ly_page_done(L);
        vvec *v = &L->secs[L->psec].items;
        free(v->v);
        v->v = NULL;
        v->cap = 0;
        v->base = v->len;
        if (L->psec + 1 >= L->nsec) break;
        L->psec++;
        L->pnext = 0;
    }
    /* items before the open page are drawn */
    size_t drawn = L->popen ? L->pfirst : L->pnext;
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
