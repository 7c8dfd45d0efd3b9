/* figure.c - building a figure's display list (see figure.h). */
#include "figure.h"

#include <string.h>

rfigure *fig_new(arena *a, float width)
{
    rfigure *f = arena_alloc(a, sizeof *f);
    f->a = a;
    f->width = width;
    return f;
}

fband *fig_band(rfigure *f, float h)
{
    f->bands = arena_grow(f->a, f->bands, f->nbands, &f->cap, sizeof *f->bands, 8);
    fband *b = &f->bands[f->nbands++];
    b->h = h;
    return b;
}

fband *fig_header(rfigure *f, float h)
{
    f->header = arena_alloc(f->a, sizeof *f->header);
    f->header->h = h;
    return f->header;
}

void fig_keep_together(rfigure *f, size_t from)
{
    for (size_t i = from; i + 1 < f->nbands; i++) f->bands[i].keep_next = 1;
}

static fop *add(rfigure *f, fband *b, fop_kind kind)
{
    b->ops = arena_grow(f->a, b->ops, b->nops, &b->cap, sizeof *b->ops, 16);
    fop *o = &b->ops[b->nops++];
    o->kind = (uint8_t)kind;
    return o;
}

fop *fig_rect(rfigure *f, fband *b, float x, float y, float w, float h, fcolour fill,
              fpattern pattern, fcolour stroke, float lw)
{
    fop *o = add(f, b, FO_RECT);
    o->x = x;
    o->y = y;
    o->w = w;
    o->h = h;
    o->fill = fill;
    o->pattern = (uint8_t)pattern;
    o->stroke = stroke;
    o->lw = lw;
    return o;
}

fop *fig_line(rfigure *f, fband *b, float x0, float y0, float x1, float y1, fcolour stroke, float lw)
{
    fop *o = add(f, b, FO_LINE);
    o->x = x0;
    o->y = y0;
    o->w = x1 - x0;
    o->h = y1 - y0;
    o->stroke = stroke;
    o->lw = lw;
    return o;
}

fop *fig_path(rfigure *f, fband *b, const float *pts, uint32_t npts, int closed, fcolour fill,
              fcolour stroke, float lw)
{
    fop *o = add(f, b, FO_PATH);
    float *copy = arena_alloc(f->a, (size_t)npts * 2 * sizeof *copy + 1);
    memcpy(copy, pts, (size_t)npts * 2 * sizeof *copy);
    o->pts = copy;
    o->npts = npts;
    o->closed = (uint8_t)(closed != 0);
    o->fill = fill;
    o->stroke = stroke;
    o->lw = lw;
    return o;
}

fop *fig_text(rfigure *f, fband *b, float x, float y, const char *text, float size, falign align,
              int bold, fcolour colour)
{
    fop *o = add(f, b, FO_TEXT);
    o->x = x;
    o->y = y;
    o->text = arena_strdup(f->a, text ? text : "");
    o->size = size;
    o->align = (uint8_t)align;
    o->bold = (uint8_t)(bold != 0);
    o->fill = colour;
    return o;
}

fpattern status_pattern(status_kind k)
{
    switch (k) {
    case STATUS_OVERDUE: return FP_HATCH;
    case STATUS_RESCHEDULED:
    case STATUS_LATE_START: return FP_DOTS;
    case STATUS_CANCELLED:
    case STATUS_COMPLETE:
    case STATUS_NOT_YET_DUE:
    case STATUS_ON_TARGET:
    case STATUS__COUNT: return FP_SOLID;
    }
    return FP_SOLID;
}
