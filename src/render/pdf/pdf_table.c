/* pdf_table.c - tables: column widths from the cells' shortest and longest lines and
 * the table's preferred weights, rows of cells stacked side by side (a row taller than
 * a page cut between lines), header rows kept to repeat on each page the table
 * continues onto. */
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_layout.h"
#include "pdf_style.h"

/* ---- tables ------------------------------------------------------------------ */


typedef struct {
    double mn, mx;
} minmax;

static void ly_measure_items(layout *L, double indent, minmax *m)
{
    double line = 0, word = 0;
    for (size_t i = 0; i < L->il.len; i++) {
        const item *it = &L->il.it[i];
        if (it->kind == IT_BOX) {
            word += it->w;
            line += it->w;
        } else {
            if (word + indent > m->mn) m->mn = word + indent;
            word = 0;
            if (it->kind == IT_GLUE) line += it->w;
            else {
                if (line + indent > m->mx) m->mx = line + indent;
                line = 0;
            }
        }
    }
    if (word + indent > m->mn) m->mn = word + indent;
    if (line + indent > m->mx) m->mx = line + indent;
    il_reset(&L->il);
}

static void ly_minmax_blocks(layout *L, const rnode *first, double indent, const bstyle *bs,
                             minmax *m)
{
    for (const rnode *c = first; c; c = c->next) {
        if (!rnode_is_block(c)) {
            il_reset(&L->il);
            istyle st = ly_base_style(bs);
            const rnode *e = c;
            while (e && !rnode_is_block(e)) ly_itemize(L, e, st), e = e->next;
            ly_measure_items(L, indent, m);
            if (!e) break;
            c = e;
        }
        switch (c->type) {
        case RN_PARAGRAPH:
        case RN_HEADING:
        case RN_CAPTION: {
            bstyle b = *bs;
            if (c->type == RN_HEADING) b.face = FACE_BOLD;
            ly_minmax_blocks(L, c->first, indent, &b, m);
            break;
        }
        case RN_LIST:
            for (const rnode *it = c->first; it; it = it->next)
                ly_minmax_blocks(L, it->first, indent + ((c->flags & RF_ORDERED) ? 22 : 15), bs, m);
            break;
        case RN_BLOCKQUOTE:
        case RN_NOTICE:
            ly_minmax_blocks(L, c->first, indent + 14, bs, m);
            break;
        case RN_CODE_BLOCK: {
            istyle st = ly_base_style(bs);
            il_reset(&L->il);
            ly_add_words(L, c, &st, c->text, 0);
            ly_measure_items(L, indent + 12, m);
            break;
        }
        case RN_TABLE:          /* a table in a cell wraps to any width */
        case RN_FIGURE:         /* scaled to the cell */
        case RN_THEMATIC_BREAK:
        case RN_DOCUMENT:
        case RN_FRONT_SHEET:
        case RN_FRONT_LINE:
        case RN_FIELD:
        case RN_BODY:
        case RN_ITEM:
        case RN_ROW:
        case RN_CELL:
        case RN_APPENDIX:
            break;
        RN_INLINE_CASES:        /* measured above (an image is scaled to the cell) */
            break;
        }
    }
}

static int ly_row_is_group(const rnode *row, int ncols)
{
    if (row->flags & RF_GROUP) return 1;
    return row->first && !row->first->next && row->first->colspan >= ncols && ncols > 1;
}

static void ly_column_widths(layout *L, const rnode *t, int ncols, double avail,
                             const bstyle *cs, double *cw)
{
    minmax *m = xcalloc((size_t)ncols, sizeof *m);
    L->quiet++;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || ly_row_is_group(r, ncols)) continue;
        int col = 0;
        for (const rnode *c = r->first; c && col < ncols; c = c->next) {
            int span = c->colspan > 1 ? c->colspan : 1;
            if (span == 1) {
                bstyle b = *cs;
                if ((r->flags & RF_HEADER) || (c->flags & RF_ROW_HEADER)) b.face = FACE_BOLD;
                minmax cm = {0, 0};
                ly_minmax_blocks(L, c->first, 0, &b, &cm);
                if (cm.mn > m[col].mn) m[col].mn = cm.mn;
                if (cm.mx > m[col].mx) m[col].mx = cm.mx;
            }
            col += span;
        }
    }
    L->quiet--;
    double content = avail - ncols * 2 * CELL_PAD;
    if (content < ncols * 8) content = ncols * 8;
    double summin = 0, summax = 0;
    for (int i = 0; i < ncols; i++) {
        if (m[i].mn < 8) m[i].mn = 8;
        if (m[i].mn > content * 0.45) m[i].mn = content * 0.45;
        if (m[i].mx < m[i].mn) m[i].mx = m[i].mn;
        summin += m[i].mn;
        summax += m[i].mx;
    }
    double wsum = 0;
    if (t->col_weights)
        for (int i = 0; i < ncols; i++) wsum += t->col_weights[i] > 0 ? t->col_weights[i] : 0;
    if (wsum > 0) {
        /* preferred widths from the weights, each at least its longest word */
        double over = 0, slack = 0;
        for (int i = 0; i < ncols; i++) {
            double p = content * (t->col_weights[i] > 0 ? t->col_weights[i] : 0) / wsum;
            cw[i] = p;
            if (p < m[i].mn) {
                over += m[i].mn - p;
                cw[i] = m[i].mn;
            } else {
                slack += p - m[i].mn;
            }
        }
        if (over > 0 && slack > 0) {
            double k = over < slack ? over / slack : 1;
            for (int i = 0; i < ncols; i++)
                if (cw[i] > m[i].mn) cw[i] -= (cw[i] - m[i].mn) * k;
        }
        /* a column given more than its content needs (an empty Controls column)
         * passes the surplus to the columns that wrap, by weight */
        double surplus = 0, wneed = 0;
        for (int i = 0; i < ncols; i++) {
            if (cw[i] > m[i].mx) {
                surplus += cw[i] - m[i].mx;
                cw[i] = m[i].mx;
            }
        }
        for (int round = 0; round < 4 && surplus > 0.01; round++) {
            wneed = 0;
            for (int i = 0; i < ncols; i++)
                if (cw[i] < m[i].mx) wneed += t->col_weights[i] > 0 ? t->col_weights[i] : 1;
            if (wneed <= 0) break;
            double left = surplus;
            for (int i = 0; i < ncols; i++) {
                if (cw[i] >= m[i].mx) continue;
                double give = surplus * (t->col_weights[i] > 0 ? t->col_weights[i] : 1) / wneed;
                if (cw[i] + give > m[i].mx) give = m[i].mx - cw[i];
                cw[i] += give;
                left -= give;
            }
            surplus = left;
        }
        if (surplus > 0.01) {   /* everything fits: spread the rest by weight */
            for (int i = 0; i < ncols; i++)
                cw[i] += surplus * (t->col_weights[i] > 0 ? t->col_weights[i] : 0) / wsum;
        }
    } else if (summax <= content) {
        for (int i = 0; i < ncols; i++) cw[i] = m[i].mx + (content - summax) * m[i].mx / summax;
    } else if (summin >= content) {
        for (int i = 0; i < ncols; i++) cw[i] = m[i].mn * content / summin;
    } else {
        /* Start every column at its longest word; columns that need little more to
         * set unbroken get it first (short names and dates stay on one line), and the
         * rest is shared among the long-text columns in proportion to what they lack. */
        double remaining = content - summin;
        unsigned char *done = xcalloc((size_t)ncols, 1);
        for (int i = 0; i < ncols; i++) cw[i] = m[i].mn;
        for (;;) {
            int open = 0, gave = 0;
            for (int i = 0; i < ncols; i++) open += !done[i] && m[i].mx > cw[i];
            if (!open) break;
            double share = remaining / open;
            for (int i = 0; i < ncols; i++) {
                if (done[i] || m[i].mx <= cw[i]) continue;
                double need = m[i].mx - cw[i];
                if (need <= share) {
                    cw[i] = m[i].mx;
                    remaining -= need;
                    done[i] = 1;
                    gave = 1;
                }
            }
            if (!gave) {
                double lack = 0;
                for (int i = 0; i < ncols; i++)
                    if (!done[i] && m[i].mx > cw[i]) lack += m[i].mx - cw[i];
                for (int i = 0; i < ncols; i++)
                    if (!done[i] && m[i].mx > cw[i] && lack > 0)
                        cw[i] += remaining * (m[i].mx - cw[i]) / lack;
                break;
            }
        }
        free(done);
    }
    for (int i = 0; i < ncols; i++) cw[i] += 2 * CELL_PAD;
    free(m);
}

void ly_caption(layout *L, const rnode *cap, double x, double w, const bstyle *bs)
{
    bstyle b = *bs;
    b.face = FACE_BOLD;
    b.after = CAPTION_AFTER;
    b.tight = 0;
    size_t from = L->out->len;
    ly_inline_run(L, cap, cap->first, NULL, x, w, &b, NULL, 0);
    for (size_t i = from; i < L->out->len; i++) vat(L->out, i)->keep = 1;
}

int ly_repeating(layout *L)
{
    if (!ly_in_flow(L)) return -1;
    if (L->ntables == L->captables) {
        L->captables = L->captables ? L->captables * 2 : 16;
        L->tables = xrealloc(L->tables, L->captables * sizeof *L->tables);
    }
    int tindex = (int)L->ntables++;
    memset(&L->tables[tindex], 0, sizeof L->tables[tindex]);
    L->tables[tindex].section = L->nsec - 1;
    return tindex;
}

typedef struct {
    const rnode *cell;
    double x, w;
    unsigned fill;
    int has_fill;
    size_t from, to, pos;   /* its vitems in the scratch vector */
} cellrun;

void ly_table(layout *L, const rnode *t, double x, double w, const bstyle *bs)
{
    const house_style *h = L->h;
    const rpalette *pal = &L->d->palette;
    int ncols = rnode_table_columns(t);
    bstyle cs = *bs;
    cs.size = h->small_size;
    cs.leading = h->small_leading;
    cs.tight = 1;
    cs.after = 3;
    cs.in_cell = 1;
    cs.depth = 0;
    cs.face = FACE_REGULAR;
    cs.color = INK;

    double *cw = xcalloc((size_t)ncols + 1, sizeof *cw);
    ly_column_widths(L, t, ncols, w, &cs, cw);
    double *cx = xcalloc((size_t)ncols + 1, sizeof *cx);
    cx[0] = x;
    for (int i = 0; i < ncols; i++) cx[i + 1] = cx[i] + cw[i];

    ly_space_after(L, TABLE_SPACE);
    const rnode *r = t->first;
    if (r && r->type == RN_CAPTION) {
        ly_caption(L, r, x, w, bs);
        r = r->next;
    }
    int tindex = ly_repeating(L);
    double hdr_h = 0;
    section *sec = ly_section(L);
    double frame_h = sec->bottom - sec->top;

    vvec scratch = {0};
    cellrun *cr = xcalloc((size_t)ncols, sizeof *cr);
    int first_row = 1;
    for (; r; r = r->next) {
        if (r->type != RN_ROW) continue;
        int group = ly_row_is_group(r, ncols), header = (r->flags & RF_HEADER) != 0;
        int nc = 0, col = 0;
        scratch.len = 0;
        /* header rows may repeat on later pages: their boxes live to the end */
        arena *saveba = L->ba;
        if (header && tindex >= 0 && !L->tables[tindex].closed) L->ba = &L->keep;
        vvec *save = L->out;
        double savep = L->pending;
        L->out = &scratch;
        for (const rnode *c = r->first; c && col < ncols; c = c->next) {
            int span = group ? ncols : c->colspan > 1 ? c->colspan : 1;
            if (col + span > ncols) span = ncols - col;
            cellrun *k = &cr[nc++];
            k->cell = c;
            k->x = cx[col];
            k->w = cx[col + span] - cx[col];
            k->has_fill = 0;
            bstyle b = cs;
            rag_level lv = c->rag <= LEVEL_RED ? c->rag : LEVEL_NONE;
            if (header || (c->flags & RF_ROW_HEADER) || group) b.face = FACE_BOLD;
            if (header) k->fill = pal->header_fill, k->has_fill = 1;
            if (group) k->fill = GROUP_FILL, k->has_fill = 1, b.color = pal->accent;
            if (lv != LEVEL_NONE) {
                k->fill = pal->rag[lv].fill;
                k->has_fill = 1;
                b.color = pal->rag[lv].ink;
            }
            b.align = c->align;
            if (b.align == ALIGN_DEFAULT && (c->flags & RF_NUMERIC)) b.align = ALIGN_RIGHT;
            k->from = scratch.len;
            L->pending = 0;
            ly_blocks(L, c->first, k->x + CELL_PAD, k->w - 2 * CELL_PAD, &b, 0);
            k->to = k->pos = scratch.len;
            k->pos = k->from;
            col += span;
        }
        L->out = save;
        L->pending = savep;

        /* rows taller than a page are cut between lines */
        double maxh = frame_h - (header ? 0 : hdr_h) - 2 * CELL_VPAD - 4;
        int more = 1, chunk = 0;
        while (more) {
            lbox *g = ly_box(L, LB_GROUP, r);
            lbox *cells[64];
            double hs[64];
            int nn = nc < 64 ? nc : 64;
            double rowh = cs.leading;
            more = 0;
            for (int i = 0; i < nn; i++) {
                cellrun *k = &cr[i];
                size_t e = k->pos;
                double acc = 0;
                while (e < k->to) {
                    double add = (e > k->pos ? scratch.v[e].space : 0) + scratch.v[e].h;
                    if (e > k->pos && acc + add > maxh) break;
                    acc += add;
                    e++;
                }
                cells[i] = ly_stack(L, &scratch, k->pos, e, k->cell, &hs[i]);
                cells[i]->x = k->x;
                cells[i]->w = k->w;
                if (hs[i] > rowh) rowh = hs[i];
                k->pos = e;
                if (e < k->to) more = 1;
            }
            rowh += 2 * CELL_VPAD;
            for (int i = 0; i < nn; i++) {
                cellrun *k = &cr[i];
                lbox *cb = ly_box(L, LB_GROUP, k->cell);
                cb->x = k->x;
                cb->w = k->w;
                cb->h = rowh;
                if (k->has_fill) ly_rect(L, cb, LB_FILL, k->cell, k->x, 0, k->w, rowh, k->fill, 0);
                cells[i]->y = CELL_VPAD;
                ly_box_add(cb, cells[i]);
                ly_rect(L, cb, LB_STROKE, k->cell, k->x, 0, k->w, rowh, pal->rule, 0.4);
                ly_box_add(g, cb);
            }
            if (nn == 0) ly_rect(L, g, LB_STROKE, r, x, 0, cx[ncols] - x, rowh, pal->rule, 0.4);
            g->x = x;
            g->w = cx[ncols] - x;
            g->h = rowh;
            size_t vi = ly_emit(L, g, rowh, 0);
            vitem *v = vat(L->out, vi);
            v->table = tindex;
            v->header = (unsigned)header;
            v->keep = (unsigned)(header || group);
            if (chunk == 0 && first_row) v->anchor = t->id;
            else if (chunk == 0 && r->id) v->anchor = r->id;   /* a named row */
            if (header && tindex >= 0 && !L->tables[tindex].closed) {
                tinfo *ti = &L->tables[tindex];
                if (ti->hdr_count == 0) ti->hdr_first = vi;
                if (ti->hdr_first + ti->hdr_count == vi) {
                    ti->hdr_count++;
                    hdr_h += rowh;
                }
            }
            L->stats.rows++;
            chunk++;
            first_row = 0;
        }
        L->ba = saveba;
        if (tindex >= 0) {
            tinfo *ti = &L->tables[tindex];
            /* the first row after the header rows completes them; a header taller
             * than a third of the page is not repeated */
            if (!header && ti->hdr_count && !ti->closed) {
                ti->closed = 1;
                if (hdr_h <= frame_h / 3) {
                    ti->hdr = xmalloc(ti->hdr_count * sizeof *ti->hdr);
                    for (size_t k = 0; k < ti->hdr_count; k++)
                        ti->hdr[k] = *vat(L->out, ti->hdr_first + k);
                }
            }
            /* the pages before this row can be drawn, unless header rows that
             * may repeat are still open */
            if (L->top_table == t && (ti->hdr_count == 0 || ti->closed)) ly_commit(L, 0);
        }
    }
    if (tindex >= 0) L->tables[tindex].closed = 1;
    free(scratch.v);
    free(cr);
    free(cw);
    free(cx);
    ly_space_after(L, TABLE_AFTER);
}
