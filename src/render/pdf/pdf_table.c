/* pdf_table.c - tables: the one orientation rule (landscape only when the columns do
 * not fit a portrait page at the house's smallest table size) and the size a table is
 * set in; column widths that follow the content (each column's longest word, longest
 * line and how much text it holds); rows of cells stacked side by side, kept two
 * together at each end of the table and after a group's heading row; header rows and
 * the caption's "(continued)" kept to repeat on each page the table continues onto;
 * and a tall row split at a page's foot with its cells continued (ly_split_row, for
 * the pagination). */
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_layout.h"
#include "pdf_style.h"

/* ---- tables ------------------------------------------------------------------ */


typedef struct {
    double mn, mx;          /* the longest word, the longest line */
    double sum;             /* every line's width added: how much text there is */
    double cell;            /* the most any one cell of the column holds (its sum) */
    double lines;           /* forced lines (paragraphs, line breaks) */
} minmax;

static void ly_measure_items(layout *L, double indent, minmax *m)
{
    double line = 0, word = 0;
    if (L->il.len) m->lines++;
    for (size_t i = 0; i < L->il.len; i++) {
        if (L->il.it[i].kind != IT_PENALTY) m->sum += L->il.it[i].w;
        else if (L->il.it[i].penalty <= PEN_FORCE && i + 1 < L->il.len) m->lines++;
    }
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
    if (row->flags & RF_NOTE) return 0;
    return row->first && !row->first->next && row->first->colspan >= ncols && ncols > 1;
}

/* A table measured once at the house's small size (the orientation rule and the
 * widths both need it; at another size every width scales with the size): each
 * column's longest word and line and how much text it holds, and for a sample of
 * its rows each cell's text (its width if set on one line, and its forced lines), to
 * estimate the height of the rows at given widths. */
#define MEASURE_ROWS 512        /* rows sampled, evenly, for the height estimate */
struct tmeasure {
    const rnode *t;
    int ncols;
    minmax *m;
    size_t nrows;           /* sampled rows */
    float *cell;            /* nrows x ncols x {text width, forced lines} */
};

void ly_measure_free(layout *L)
{
    if (!L->meas) return;
    free(L->meas->m);
    free(L->meas->cell);
    free(L->meas);
    L->meas = NULL;
}

static const struct tmeasure *ly_measure(layout *L, const rnode *t, int ncols)
{
    if (L->meas && L->meas->t == t && L->meas->ncols == ncols) return L->meas;
    ly_measure_free(L);
    struct tmeasure *tm = xcalloc(1, sizeof *tm);
    L->meas = tm;
    tm->t = t;
    tm->ncols = ncols;
    tm->m = xcalloc((size_t)ncols, sizeof *tm->m);
    size_t body = 0;
    for (const rnode *r = t->first; r; r = r->next)
        body += r->type == RN_ROW && !(r->flags & RF_HEADER) && !ly_row_is_group(r, ncols);
    size_t stride = body > MEASURE_ROWS ? (body + MEASURE_ROWS - 1) / MEASURE_ROWS : 1;
    tm->cell = xcalloc((body / stride + 1) * (size_t)ncols * 2, sizeof *tm->cell);
    bstyle cs = ly_body_style(L);
    cs.size = L->h->small_size;
    cs.leading = L->h->small_leading;
    cs.tight = 1;
    cs.in_cell = 1;
    minmax *m = tm->m;
    L->quiet++;
    size_t bi = 0;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || ly_row_is_group(r, ncols) || (r->flags & RF_NOTE)) continue;
        int sampled = 0;
        float *row = NULL;
        if (!(r->flags & RF_HEADER)) {
            sampled = bi % stride == 0;
            if (sampled) row = &tm->cell[tm->nrows++ * (size_t)ncols * 2];
            bi++;
        }
        int col = 0;
        for (const rnode *c = r->first; c && col < ncols; c = c->next) {
            int span = c->colspan > 1 ? c->colspan : 1;
            if (span == 1) {
                bstyle b = cs;
                if ((r->flags & RF_HEADER) || (c->flags & RF_ROW_HEADER)) b.face = FACE_BOLD;
                minmax cm = {0, 0, 0, 0, 0};
                ly_minmax_blocks(L, c->first, 0, &b, &cm);
                if (c->flags & RF_ROW_HEADER) {     /* room for "(cont.)" under a split row's */
                    double cwid = pfont_width(&L->fonts[FACE_BOLD], CONT_MARK, strlen(CONT_MARK), b.size) + 0.5;
                    if (cwid > cm.mn) cm.mn = cwid;
                }
                if (cm.mn > m[col].mn) m[col].mn = cm.mn;
                if (cm.mx > m[col].mx) m[col].mx = cm.mx;
                m[col].sum += cm.sum;
                if (cm.sum > m[col].cell) m[col].cell = cm.sum;
                if (row) {
                    row[col * 2] = (float)cm.sum;
                    row[col * 2 + 1] = (float)cm.lines;
                }
            }
            col += span;
        }
    }
    L->quiet--;
    return tm;
}

/* What column i needs at scale k (size / small size): its longest word, and its
 * longest line up to a floor - TABLE_COLUMN_MIN_EM ems, and the width at which its
 * fullest cell takes no more than TABLE_CELL_MAX_LINES lines - so running text is
 * never set in a column a few words wide, nor a row many lines deep. */
static double ly_col_need(const minmax *m, double k, double size)
{
    double floor = TABLE_COLUMN_MIN_EM * size, deep = m->cell * k / TABLE_CELL_MAX_LINES;
    if (deep > floor) floor = deep;
    double want = m->mx * k;
    if (want > floor) want = floor;
    return m->mn * k > want ? m->mn * k : want;
}

static double ly_table_need(const minmax *m, int ncols, double size, double small)
{
    double k = size / small, sum = 0;
    for (int i = 0; i < ncols; i++) sum += ly_col_need(&m[i], k, size) + 2 * CELL_PAD;
    return sum;
}

static double ly_smallest(const house_style *h)
{
    double s = h->table_min_size > 0 && h->table_min_size < h->small_size ? h->table_min_size
                                                                         : h->small_size;
    return s < 4 ? 4 : s;
}

/* The largest size from the small size down to the smallest, in steps, at which the
 * columns fit w; the smallest when none does. */
static double ly_table_size(layout *L, const rnode *t, double w)
{
    const house_style *h = L->h;
    int ncols = rnode_table_columns(t);
    const minmax *m = ly_measure(L, t, ncols)->m;
    double lo = ly_smallest(h);
    for (double s = h->small_size; s > lo + 0.01; s -= TABLE_SIZE_STEP)
        if (ly_table_need(m, ncols, s, h->small_size) <= w + 0.01) return s;
    return lo;
}

tplan ly_table_plan(layout *L, const rnode *t)
{
    const house_style *h = L->h;
    double portrait = h->page_width - h->margin_left - h->margin_right;
    double landscape = h->page_height - h->margin_left - h->margin_right;
    int ncols = rnode_table_columns(t);
    const minmax *m = ly_measure(L, t, ncols)->m;
    tplan p = {0, 0, 0};
    p.landscape = ly_table_need(m, ncols, ly_smallest(h), h->small_size) > portrait + 0.01;
    p.size = ly_table_size(L, t, p.landscape ? landscape : portrait);
    p.leading = h->small_leading * p.size / h->small_size;
    return p;
}

int ly_wants_landscape(layout *L, const rnode *n)
{
    const house_style *h = L->h;
    if (n->type == RN_TABLE) return ly_table_plan(L, n).landscape;
    if (n->type == RN_FIGURE) {
        if (n->flags & RF_WIDE) return 1;   /* the paper asked for a landscape page */
        double portrait = h->page_width - h->margin_left - h->margin_right;
        /* a figure may shrink as far as a table's type does */
        return n->figure && n->figure->width * ly_smallest(h) / h->small_size > portrait + 0.01;
    }
    return 0;
}

/* Shares out what is left over columns below their target, water-filling: each open
 * column's share is in proportion to its weight (or, without weights, equal); one
 * that needs no more than its share gets what it needs, and the rest is shared again;
 * when none is satisfied, in proportion to weight times what each lacks. */
static void ly_fill_to(double *cw, const double *target, const double *weight, int ncols,
                       double remaining)
{
    unsigned char *done = xcalloc((size_t)ncols, 1);
    for (;;) {
        int open = 0, gave = 0;
        double wsum = 0;
        for (int i = 0; i < ncols; i++) {
            if (done[i] || target[i] <= cw[i] + 0.001) continue;
            open++;
            wsum += weight ? weight[i] : 1;
        }
        if (!open || remaining <= 0.001 || wsum <= 0) break;
        for (int i = 0; i < ncols; i++) {
            if (done[i] || target[i] <= cw[i] + 0.001) continue;
            double share = remaining * (weight ? weight[i] : 1) / wsum;
            double need = target[i] - cw[i];
            if (need <= share) {
                cw[i] = target[i];
                remaining -= need;
                done[i] = 1;
                gave = 1;
            }
        }
        if (!gave) {
            double lack = 0;
            for (int i = 0; i < ncols; i++)
                if (!done[i] && target[i] > cw[i]) lack += (target[i] - cw[i]) * (weight ? weight[i] : 1);
            for (int i = 0; i < ncols; i++)
                if (!done[i] && target[i] > cw[i] && lack > 0)
                    cw[i] += remaining * (target[i] - cw[i]) * (weight ? weight[i] : 1) / lack;
            break;
        }
    }
    free(done);
}

/* The sampled rows' height, in lines, with the columns' text set cw wide (scale k of
 * the measured size): each cell's text over its width, a forced line costing half a
 * line more on average; a row as deep as its deepest cell. */
static double ly_est_lines(const struct tmeasure *tm, const double *cw, double k)
{
    int n = tm->ncols;
    double total = 0;
    for (size_t r = 0; r < tm->nrows; r++) {
        const float *row = &tm->cell[r * (size_t)n * 2];
        double deepest = 1;
        for (int i = 0; i < n; i++) {
            double a = row[2 * i] * k, forced = row[2 * i + 1];
            if (a <= 0 || cw[i] <= 0) continue;
            double lines = a / cw[i] + (forced > 1 ? (forced - 1) * 0.5 : 0);
            if (lines < forced) lines = forced;
            if (lines > deepest) deepest = lines;
        }
        total += deepest;
    }
    return total;
}

/* Widens columns from cw towards their targets by remaining, a step at a time, each
 * step to the column that makes the table shortest (the estimate above): the width
 * goes where rows are deep, not to a column whose cells are short. What no step
 * shortens is shared by how much text each column holds. */
static void ly_widen(const struct tmeasure *tm, double *cw, const double *target,
                     const double *area, double k, double remaining)
{
    int n = tm->ncols;
    double step = remaining / TABLE_WIDEN_STEPS;
    for (int s = 0; s < TABLE_WIDEN_STEPS && remaining > 0.01 && tm->nrows; s++) {
        double base = ly_est_lines(tm, cw, k), best_gain = 1e-9, best_add = 0;
        int best = -1;
        for (int i = 0; i < n; i++) {
            double add = target[i] - cw[i];
            if (add > step) add = step;
            if (add > remaining) add = remaining;
            if (add <= 0.01) continue;
            cw[i] += add;
            double gain = (base - ly_est_lines(tm, cw, k)) / add;
            cw[i] -= add;
            if (gain > best_gain) {
                best_gain = gain;
                best = i;
                best_add = add;
            }
        }
        if (best < 0) break;
        cw[best] += best_add;
        remaining -= best_add;
    }
    if (remaining > 0.01) ly_fill_to(cw, target, area, n, remaining);
}

/* Column widths that follow the content, at scale k of the measured size: every
 * column its longest line when they all fit (the room left shared in proportion);
 * else each at least what it needs (ly_col_need), the room left going where it makes
 * the table shortest (ly_widen), none past its longest line; else down to the longest
 * words. */
static void ly_column_widths(layout *L, const rnode *t, int ncols, double avail, double size,
                             double *cw)
{
    const struct tmeasure *tm = ly_measure(L, t, ncols);
    const minmax *m0 = tm->m;
    double k = size / L->h->small_size;
    double content = avail - ncols * 2 * CELL_PAD;
    if (content < ncols * 8) content = ncols * 8;
    double *mn = xcalloc((size_t)ncols * 4, sizeof *mn), *need = mn + ncols, *mx = mn + 2 * ncols;
    double *area = mn + 3 * ncols;
    double summin = 0, sumneed = 0, summax = 0;
    for (int i = 0; i < ncols; i++) {
        mn[i] = m0[i].mn * k;
        if (mn[i] < 8) mn[i] = 8;
        if (mn[i] > content * 0.45) mn[i] = content * 0.45;
        mx[i] = m0[i].mx * k;
        if (mx[i] < mn[i]) mx[i] = mn[i];
        need[i] = ly_col_need(&m0[i], k, size);
        area[i] = m0[i].sum * k + 1;
        if (need[i] < mn[i]) need[i] = mn[i];
        if (need[i] > mx[i]) need[i] = mx[i];
        summin += mn[i];
        sumneed += need[i];
        summax += mx[i];
    }
    if (summax <= content) {
        for (int i = 0; i < ncols; i++) cw[i] = mx[i] + (content - summax) * mx[i] / summax;
    } else if (sumneed <= content) {
        for (int i = 0; i < ncols; i++) cw[i] = need[i];
        ly_widen(tm, cw, mx, area, k, content - sumneed);
    } else if (summin >= content) {
        for (int i = 0; i < ncols; i++) cw[i] = mn[i] * content / summin;
    } else {
        for (int i = 0; i < ncols; i++) cw[i] = mn[i];
        ly_fill_to(cw, need, NULL, ncols, content - summin);
    }
    for (int i = 0; i < ncols; i++) cw[i] += 2 * CELL_PAD;
    free(mn);
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

int ly_repeating(layout *L, const rnode *cap, double x, double w, const bstyle *bs)
{
    int tindex = -1;
    if (ly_in_flow(L)) {
        if (L->ntables == L->captables) {
            L->captables = L->captables ? L->captables * 2 : 16;
            L->tables = xrealloc(L->tables, L->captables * sizeof *L->tables);
        }
        tindex = (int)L->ntables++;
        tinfo *ti = &L->tables[tindex];
        memset(ti, 0, sizeof *ti);
        ti->section = L->nsec - 1;
        ti->first = L->out->len;
        ti->leading = L->h->small_leading;
    }
    if (!cap) return tindex;
    ly_caption(L, cap, x, w, bs);
    if (tindex < 0) return tindex;
    /* "Caption (continued)", for the pages it continues onto: lives to the end */
    arena *saveba = L->ba;
    vvec *save = L->out, tmp = {0};
    double savep = L->pending;
    L->ba = &L->keep;
    L->out = &tmp;
    L->pending = 0;
    bstyle b = *bs;
    b.face = FACE_BOLD;
    char *t = rnode_plain_text(cap);
    char *c = arena_printf(&L->keep, "%s (continued)", t);
    free(t);
    ly_string(L, cap, c, x, w, &b, ALIGN_LEFT, 0);
    L->out = save;
    L->pending = savep;
    L->ba = saveba;
    L->tables[tindex].cont = tmp.v;
    L->tables[tindex].ncont = tmp.len;
    return tindex;
}

void ly_repeat_ready(layout *L, int tindex)
{
    if (tindex < 0) return;
    tinfo *ti = &L->tables[tindex];
    if (ti->closed) return;
    ti->closed = 1;
    section *sec = &L->secs[ti->section];
    double frame_h = sec->bottom - sec->top, cont_h = 0;
    for (size_t k = 0; k < ti->ncont; k++) cont_h += ti->cont[k].h;
    /* a caption and header taller than a third of the page are not repeated */
    int with_hdr = ti->hdr_count && cont_h + ti->hdr_h + CAPTION_AFTER <= frame_h / 3;
    int with_cont = ti->ncont && cont_h <= frame_h / 3;
    size_t n = (with_cont ? ti->ncont : 0) + (with_hdr ? ti->hdr_count : 0);
    if (!n) return;
    ti->rep = xmalloc(n * sizeof *ti->rep);
    size_t k = 0;
    if (with_cont)
        for (size_t j = 0; j < ti->ncont; j++) ti->rep[k++] = ti->cont[j];
    if (with_hdr) {
        for (size_t j = 0; j < ti->hdr_count; j++) {
            ti->rep[k] = *vat(L->out, ti->hdr_first + j);
            ti->rep[k].space = j == 0 && with_cont ? CAPTION_AFTER : 0;
            ti->rep[k].anchor = NULL;
            k++;
        }
    }
    ti->nrep = n;
}

typedef struct {
    const rnode *cell;
    double x, w;
    unsigned fill;
    int has_fill;
    size_t from, to;        /* its vitems in the scratch vector */
} cellrun;

/* The body rows of a table, and of each group: so that no break leaves fewer than two
 * rows on either side, and a group's heading row keeps with its first two. */
static size_t ly_count_rows(const rnode *first, int ncols, int stop_at_group)
{
    size_t n = 0;
    for (const rnode *r = first; r; r = r->next) {
        if (r->type != RN_ROW || (r->flags & RF_HEADER)) continue;
        if (ly_row_is_group(r, ncols)) {
            if (stop_at_group) break;
            continue;
        }
        n++;
    }
    return n;
}

void ly_table(layout *L, const rnode *t, double x, double w, const bstyle *bs)
{
    const rpalette *pal = &L->d->palette;
    int ncols = rnode_table_columns(t);
    bstyle cs = *bs;
    cs.size = ly_table_size(L, t, w);
    cs.leading = L->h->small_leading * cs.size / L->h->small_size;
    cs.tight = 1;
    cs.after = 3;
    cs.in_cell = 1;
    cs.depth = 0;
    cs.face = FACE_REGULAR;
    cs.color = INK;

    double *cw = xcalloc((size_t)ncols + 1, sizeof *cw);
    ly_column_widths(L, t, ncols, w, cs.size, cw);
    double *cx = xcalloc((size_t)ncols + 1, sizeof *cx);
    cx[0] = x;
    for (int i = 0; i < ncols; i++) cx[i + 1] = cx[i] + cw[i];

    ly_space_after(L, TABLE_SPACE);
    const rnode *r = t->first;
    const rnode *cap = r && r->type == RN_CAPTION ? r : NULL;
    if (cap) r = r->next;
    int tindex = ly_repeating(L, cap, x, w, bs);
    if (tindex >= 0) L->tables[tindex].leading = cs.leading;

    size_t nbody = ly_count_rows(r, ncols, 0), body = 0, in_group = 0, group_rows = 0;
    vvec scratch = {0};
    cellrun *cr = xcalloc((size_t)ncols, sizeof *cr);
    int first_row = 1;
    for (; r; r = r->next) {
        if (r->type != RN_ROW) continue;
        int group = ly_row_is_group(r, ncols), header = (r->flags & RF_HEADER) != 0;
        int total = !header && !group && (r->flags & RF_TOTAL);
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
            if (header || (c->flags & RF_ROW_HEADER) || group || total) b.face = FACE_BOLD;
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
            k->to = scratch.len;
            col += span;
        }
        L->out = save;
        L->pending = savep;

        /* one item a row; the pagination splits a tall one at a page's foot */
        lbox *g = ly_box(L, LB_GROUP, r);
        double rowh = cs.leading;
        lbox *cells[64];
        double hs[64];
        int nn = nc < 64 ? nc : 64;
        for (int i = 0; i < nn; i++) {
            cells[i] = ly_stack(L, &scratch, cr[i].from, cr[i].to, cr[i].cell, &hs[i]);
            cells[i]->x = cr[i].x;
            cells[i]->w = cr[i].w;
            if (hs[i] > rowh) rowh = hs[i];
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
            if (total)      /* a total is ruled above */
                ly_rect(L, cb, LB_FILL, k->cell, k->x, 0, k->w, TOTAL_RULE, pal->ink, 0);
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
        section *sec = ly_section(L);
        double frame_h = sec->bottom - sec->top;
        if (header || group) {
            v->keep = 1;
            /* a header or group row taller than a page splits too, or what does not fit
             * its page is lost (a header row that tall is never repeated: the repeated
             * header is a third of a page at most, ly_repeat_ready) */
            v->split = nn > 0 && tindex >= 0 && rowh > frame_h - 1;
            if (group) {
                in_group = 0;
                group_rows = ly_count_rows(r->next, ncols, 1);
            }
        } else {
            /* two rows at least each side of a break, two after a group's heading */
            v->keep = (body == 0 && nbody >= 2) || (body + 2 == nbody) ||
                      (in_group == 0 && group_rows >= 2) ||
                      (r->next && (r->next->flags & RF_NOTE));  /* a note's page is its row's */
            /* a tall row may split at a page's foot, but not the first or last of the
             * table (which would leave it alone on a page) unless it fills a page */
            v->split = nn > 0 && tindex >= 0 &&
                       ((body > 0 && body + 1 < nbody) || rowh > frame_h - 1);
            body++;
            in_group++;
        }
        if (first_row) v->anchor = t->id;
        else if (r->id) v->anchor = r->id;     /* a named row */
        if (header && tindex >= 0 && !L->tables[tindex].closed) {
            tinfo *ti = &L->tables[tindex];
            if (ti->hdr_count == 0) ti->hdr_first = vi;
            if (ti->hdr_first + ti->hdr_count == vi) {
                ti->hdr_count++;
                ti->hdr_h += rowh;
            }
        }
        L->stats.rows++;
        first_row = 0;
        L->ba = saveba;
        if (tindex >= 0) {
            /* the first row after the header rows completes them */
            if (!header) ly_repeat_ready(L, tindex);
            /* the pages before this row can be drawn, unless header rows that may
             * repeat are still open */
            if (L->top_table == t && L->tables[tindex].closed) ly_commit(L, 0);
        }
    }
    ly_repeat_ready(L, tindex);
    free(scratch.v);
    free(cr);
    free(cw);
    free(cx);
    ly_space_after(L, TABLE_AFTER);
}

/* ---- rows split between pages -------------------------------------------------- */

/* A cell's content group (its LB_GROUP child) and where to cut its items so that what
 * is before the cut ends at or above budget: the number before the cut, and the
 * height of the two parts. */
static size_t ly_cell_cut(const lbox *content, double budget, double *h1, double *h2)
{
    size_t n = 0, cut = 0;
    double end1 = 0, top2 = -1, end = 0;
    for (const lbox *b = content ? content->first : NULL; b; b = b->next, n++) {
        double e = b->y + b->h;
        if (top2 < 0 && e <= budget + 0.01) {
            cut = n + 1;
            end1 = e;
        } else if (top2 < 0) {
            top2 = b->y;
        }
        if (e > end) end = e;
    }
    *h1 = end1;
    *h2 = top2 < 0 ? 0 : end - top2;
    return cut;
}

static const lbox *ly_cell_content(const lbox *cb)
{
    for (const lbox *b = cb->first; b; b = b->next)
        if (b->kind == LB_GROUP) return b;
    return NULL;
}

static const lbox *ly_first_text(const lbox *b)
{
    for (; b; b = b->next) {
        if (b->kind == LB_TEXT) return b;
        const lbox *t = ly_first_text(b->first);
        if (t) return t;
    }
    return NULL;
}

int ly_split_row(layout *L, const vitem *it, double avail, vitem *first, vitem *rest)
{
    const lbox *g = it->box;
    double lead = it->table >= 0 ? L->tables[it->table].leading : L->h->small_leading;
    double total = it->h - 2 * CELL_VPAD, budget = avail - 2 * CELL_VPAD;
    double min = ROW_SPLIT_LINES * lead - 0.01;
    if (budget < min || total - budget < 0.01) return 0;
    /* leave two lines at least for the next page */
    if (total - budget < min) budget = total - min - 0.01;
    double h1 = 0, h2 = 0;
    for (const lbox *cb = g->first; cb; cb = cb->next) {
        double a, b;
        ly_cell_cut(ly_cell_content(cb), budget, &a, &b);
        if (a > h1) h1 = a;
        if (b > h2) h2 = b;
    }
    if (h1 < min || h2 < 0.01) return 0;

    /* a cell that labels the row - its reference, its RAG word - and ends above the cut
     * is repeated below it, the reference marked "(cont.)" */
    bstyle lb = ly_body_style(L);
    lb.tight = 1;
    lbox *g1 = ly_box(L, LB_GROUP, g->src), *g2 = ly_box(L, LB_GROUP, g->src);
    g1->x = g2->x = g->x;
    g1->w = g2->w = g->w;
    lbox *labels[64] = {0};
    double label_h[64] = {0};
    int ci = 0;
    for (const lbox *cb = g->first; cb && ci < 64; cb = cb->next, ci++) {
        const lbox *content = ly_cell_content(cb);
        double a, b;
        size_t cut = ly_cell_cut(content, budget, &a, &b);
        const rnode *cell = cb->src;
        const lbox *first_text = ly_first_text(content ? content->first : NULL);
        if (b < 0.01 && cut && first_text && cell && cell->type == RN_CELL &&
            ((cell->flags & RF_ROW_HEADER) || cell->rag != LEVEL_NONE)) {
            vvec tmp = {0}, *save = L->out;
            double savep = L->pending;
            L->out = &tmp;
            L->pending = 0;
            lb.size = first_text->size;
            lb.face = first_text->face;
            lb.color = first_text->color;
            lb.leading = lead;
            char *t = rnode_plain_text(cell);
            char *s = arena_printf(L->ba, "%s%s", t, (cell->flags & RF_ROW_HEADER) ? " " CONT_MARK : "");
            free(t);
            ly_string(L, cell, s, cb->x + CELL_PAD, cb->w - 2 * CELL_PAD, &lb, ALIGN_LEFT, 0);
            L->out = save;
            L->pending = savep;
            labels[ci] = ly_stack(L, &tmp, 0, tmp.len, cell, &label_h[ci]);
            free(tmp.v);
            if (label_h[ci] > h2) h2 = label_h[ci];
        }
    }
    double r1 = h1 + 2 * CELL_VPAD, r2 = h2 + 2 * CELL_VPAD;
    ci = 0;
    for (lbox *cb = g->first; cb; cb = cb->next, ci++) {
        lbox *c1 = ly_box(L, LB_GROUP, cb->src), *c2 = ly_box(L, LB_GROUP, cb->src);
        c1->x = c2->x = cb->x;
        c1->w = c2->w = cb->w;
        c1->h = (float)r1;
        c2->h = (float)r2;
        for (lbox *k = cb->first, *next; k; k = next) {
            next = k->next;
            if (k->kind == LB_FILL || k->kind == LB_STROKE) {
                ly_rect(L, c1, (lb_kind)k->kind, k->src, k->x, 0, k->w, r1, k->color, k->lw);
                ly_rect(L, c2, (lb_kind)k->kind, k->src, k->x, 0, k->w, r2, k->color, k->lw);
                continue;
            }
            if (k->kind != LB_GROUP) continue;
            /* the content: items before the cut above, the rest below, moved up */
            lbox *k1 = ly_box(L, LB_GROUP, k->src), *k2 = ly_box(L, LB_GROUP, k->src);
            k1->x = k2->x = k->x;
            k1->w = k2->w = k->w;
            k1->y = k2->y = CELL_VPAD;
            double a, b;
            size_t cut = ly_cell_cut(k, budget, &a, &b);
            lbox *e = k->first, *prev = NULL;
            for (size_t j = 0; j < cut && e; j++) {
                prev = e;
                e = e->next;
            }
            k1->first = prev ? k->first : NULL;
            k1->last = prev;
            if (prev) prev->next = NULL;
            k2->first = e;
            k2->last = e ? k->last : NULL;
            if (e) {
                float top = e->y;
                for (lbox *q = e; q; q = q->next) q->y -= top;
            }
            /* once: a part split again has the label repeated above as a second
             * content group, and a box added twice would cut the list short */
            if (ci < 64 && labels[ci]) {
                labels[ci]->y = CELL_VPAD;
                ly_box_add(c2, labels[ci]);
                labels[ci] = NULL;
            }
            ly_box_add(c1, k1);
            ly_box_add(c2, k2);
        }
        ly_box_add(g1, c1);
        ly_box_add(g2, c2);
    }
    g1->h = (float)r1;
    g2->h = (float)r2;
    *first = *it;
    first->box = g1;
    first->h = r1;
    first->keep = 0;
    first->split = 0;
    *rest = *it;
    rest->box = g2;
    rest->h = r2;
    rest->space = 0;
    rest->anchor = NULL;
    rest->mark = NULL;
    rest->rest = 1;
    return 1;
}
