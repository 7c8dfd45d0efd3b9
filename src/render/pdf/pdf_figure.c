/* pdf_figure.c - a figure's display list (report/figure.h) as PDF drawing: each band a
 * vertical item of boxes, so pages may break between bands; the header band repeated
 * at the top of every page the figure continues onto (as a table's header rows are);
 * colours looked up by role in the document's palette; scaled down to the measure
 * when the figure is wider. The caption is set above it, as a table's; the data table
 * follows when the report shows it. */
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_layout.h"
#include "pdf_style.h"

typedef struct {
    layout *L;
    const rnode *n;
    const rpalette *pal;
    double x, s;            /* the figure's left edge, and its scale */
} fctx;

static unsigned rgb(const fctx *f, fcolour c) { return palette_rgb(f->pal, c); }

/* One operation as boxes in g. */
static void op_boxes(const fctx *f, lbox *g, const fop *o)
{
    layout *L = f->L;
    double s = f->s, x = f->x + o->x * s, y = o->y * s, w = o->w * s, h = o->h * s;
    switch ((fop_kind)o->kind) {
    case FO_RECT:
        if (o->fill.role != FC_NONE) {
            ly_rect(L, g, LB_FILL, f->n, x, y, w, h, rgb(f, o->fill), 0);
            if (o->pattern != FP_SOLID) {
                /* the pattern in the ink that reads on the fill */
                fcolour ink = o->fill.role == FC_RAG ? fc_rag_ink((rag_level)o->fill.level) : fc(FC_INK);
                lbox *p = ly_rect(L, g, LB_PATTERN, f->n, x, y, w, h, rgb(f, ink), FIGURE_PATTERN_LINE * s);
                p->face = o->pattern;
            }
        }
        if (o->stroke.role != FC_NONE && o->lw > 0)
            ly_rect(L, g, LB_STROKE, f->n, x, y, w, h, rgb(f, o->stroke), o->lw * s);
        break;
    case FO_LINE:
        ly_rect(L, g, LB_LINE, f->n, x, y, w, h, rgb(f, o->stroke), o->lw * s);
        break;
    case FO_PATH: {
        uint16_t n = o->npts > UINT16_MAX ? UINT16_MAX : (uint16_t)o->npts;
        float *pts = arena_alloc(L->ba, (size_t)n * 2 * sizeof *pts + 1);
        for (size_t i = 0; i < (size_t)n * 2; i++) pts[i] = (float)(o->pts[i] * s);
        if (o->fill.role != FC_NONE) {
            lbox *b = ly_rect(L, g, LB_PATH, f->n, f->x, 0, 0, 0, rgb(f, o->fill), 0);
            b->pts = pts;
            b->n = n;
            b->face = 1;
        }
        if (o->stroke.role != FC_NONE && o->lw > 0) {
            lbox *b = ly_rect(L, g, LB_PATH, f->n, f->x, 0, 0, 0, rgb(f, o->stroke), o->lw * s);
            b->pts = pts;
            b->n = n;
            b->face = o->closed;
        }
        break;
    }
    case FO_TEXT: {
        int face = o->bold ? FACE_BOLD : FACE_REGULAR;
        double size = o->size * s;
        size_t len;
        const char *t = ly_sanitize(L, f->n, face, o->text, strlen(o->text), &len);
        double tw = pfont_width(&L->fonts[face], t, len, size);
        double tx = o->align == FA_MIDDLE ? x - tw / 2 : o->align == FA_END ? x - tw : x;
        ly_text(L, g, f->n, tx, y, face, size, rgb(f, o->fill), t, len);
        break;
    }
    }
}

/* A band as one vertical item. */
static size_t band_item(const fctx *f, const fband *b, double w)
{
    layout *L = f->L;
    lbox *g = ly_box(L, LB_GROUP, f->n);
    g->x = f->x;
    g->w = w;
    g->h = b->h * f->s;
    for (size_t i = 0; i < b->nops; i++) op_boxes(f, g, &b->ops[i]);
    return ly_emit(L, g, b->h * f->s, 0);
}

void ly_figure(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    const rfigure *fig = n->figure;
    if (!fig) return;
    ly_space_after(L, TABLE_SPACE);
    const rnode *k = n->first, *cap = NULL;
    if (k && k->type == RN_CAPTION) {
        cap = k;
        k = k->next;
    }
    fctx f = {L, n, &L->d->palette, x, 1};
    if (fig->width > w && fig->width > 0) f.s = w / fig->width;
    int tindex = ly_repeating(L, cap, x, w, bs);
    if (fig->header) {
        /* its boxes may be drawn again on later pages: they live to the end */
        arena *saveba = L->ba;
        if (tindex >= 0) L->ba = &L->keep;
        size_t vi = band_item(&f, fig->header, w);
        L->ba = saveba;
        vitem *v = vat(L->out, vi);
        v->table = tindex;
        v->header = 1;
        v->keep = 1;
        v->anchor = n->id;
        if (tindex >= 0) {
            tinfo *ti = &L->tables[tindex];
            ti->hdr_first = vi;
            ti->hdr_count = 1;
            ti->hdr_h = v->h;
        }
    }
    ly_repeat_ready(L, tindex);
    for (size_t i = 0; i < fig->nbands; i++) {
        size_t vi = band_item(&f, &fig->bands[i], w);
        vitem *v = vat(L->out, vi);
        v->table = tindex;
        /* as a table's rows: two bands at least each side of a break; a band that
         * asks to keep with the next (a Gantt group's heading) does */
        v->keep = (i == 0 && fig->nbands >= 2) || i + 2 == fig->nbands ||
                  (fig->bands[i].keep_next && i + 1 < fig->nbands);
        if (i == 0 && !fig->header) v->anchor = n->id;
        /* the pages before this band can be drawn */
        if (L->top_table == n) ly_commit(L, 0);
    }
    ly_space_after(L, TABLE_AFTER);
    if ((n->flags & RF_SHOW_DATA) && k && k->type == RN_TABLE) ly_table(L, k, x, w, bs);
}
