/* figure.h - a chart as the report describes it: a small display list that any
 * renderer can draw (PDF drawing, inline SVG), with its text alternative and the same
 * data as a table.
 *
 * A figure is a stack of bands, each a list of drawing operations in points with the
 * origin at the band's top-left and y downwards. A renderer may start a new page
 * between bands, never inside one; the header band (an axis, a scale) is drawn at the
 * top of the figure and again at the top of every page the figure continues onto.
 * Colours are roles (a RAG level's fill or ink, the accent, rules, text), looked up in
 * the document's palette, so a council's house style recolours every chart; a fill may
 * carry a pattern as well, so colour is never the only signal. The figure is drawn at
 * its natural width, or scaled down to the measure when that is narrower. */
#ifndef TABLED_FIGURE_H
#define TABLED_FIGURE_H

#include <stddef.h>
#include <stdint.h>

#include "../analysis/status.h"
#include "../model/rag.h"
#include "../util/arena.h"

/* What a colour is for; the palette says what it is. */
typedef enum {
    FC_NONE = 0,        /* no paint */
    FC_RAG,             /* a RAG level's fill (level) */
    FC_RAG_INK,         /* text on that fill: the level's checked ink */
    FC_ACCENT,          /* headings, emphasis */
    FC_RULE,            /* axes, gridlines, outlines */
    FC_INK,             /* text */
    FC_MUTED,           /* secondary text: scales, notes */
    FC_PAPER            /* the page: white */
} fcolour_role;

typedef struct {
    uint8_t role;       /* fcolour_role */
    uint8_t level;      /* rag_level, for FC_RAG and FC_RAG_INK */
} fcolour;

/* A fill's pattern, drawn over its colour in the colour's ink. */
typedef enum {
    FP_SOLID = 0,
    FP_HATCH,           /* diagonal lines */
    FP_DOTS             /* a grid of dots */
} fpattern;

typedef enum {
    FO_RECT,            /* x, y, w, h; fill (with pattern) and/or stroke */
    FO_LINE,            /* from (x, y) to (x + w, y + h); stroke */
    FO_PATH,            /* the polyline pts (x0, y0, x1, y1, ...), closed or not; fill
                         * and/or stroke */
    FO_TEXT             /* text with its baseline at y, aligned at x; fill is its colour */
} fop_kind;

typedef enum { FA_START = 0, FA_MIDDLE, FA_END } falign;

typedef struct {
    uint8_t kind;       /* fop_kind */
    uint8_t pattern;    /* fpattern, for fills */
    uint8_t align;      /* falign, FO_TEXT */
    uint8_t bold;       /* FO_TEXT */
    uint8_t closed;     /* FO_PATH */
    fcolour fill, stroke;
    float lw;           /* stroke width */
    float x, y, w, h;
    float size;         /* FO_TEXT: type size */
    const char *text;   /* FO_TEXT: UTF-8, not escaped */
    const float *pts;   /* FO_PATH */
    uint32_t npts;      /* FO_PATH: points (pairs) */
} fop;

typedef struct {
    float h;            /* the band's height */
    fop *ops;
    size_t nops, cap;
    int keep_next;      /* no page break between this band and the next (a chart's last
                         * row and its legend; the rows of a grid that must not split) */
} fband;

typedef struct rfigure {
    float width;        /* natural width, points (RF_WIDE on the node asks for a
                         * landscape page) */
    fband *header;      /* repeated at the top of each page, or NULL */
    fband *bands;
    size_t nbands, cap;
    const char *desc;   /* a longer description than the node's text alternative (what
                         * it shows, in words), or NULL */
    arena *a;           /* the document's: everything above lives there */
} rfigure;

/* A figure of natural width (in the document's arena a). */
rfigure *fig_new(arena *a, float width);
/* A band of height h at the end of the figure, or its header band. */
fband *fig_band(rfigure *f, float h);
fband *fig_header(rfigure *f, float h);
/* Keeps the bands from the one at index `from` to the last on one page (a legend with
 * the row above it; a grid that must not split). */
void fig_keep_together(rfigure *f, size_t from);
/* Operations appended to a band; each returns the operation to adjust. */
fop *fig_rect(rfigure *f, fband *b, float x, float y, float w, float h, fcolour fill,
              fpattern pattern, fcolour stroke, float lw);
fop *fig_line(rfigure *f, fband *b, float x0, float y0, float x1, float y1, fcolour stroke, float lw);
fop *fig_path(rfigure *f, fband *b, const float *pts, uint32_t npts, int closed, fcolour fill,
              fcolour stroke, float lw);
fop *fig_text(rfigure *f, fband *b, float x, float y, const char *text, float size, falign align,
              int bold, fcolour colour);

/* The pattern a status's fill carries in every chart, so that colour is never the
 * only signal: overdue hatched, rescheduled and late start dotted, the rest solid. */
fpattern status_pattern(status_kind k);

/* Colours by role. */
static inline fcolour fc(fcolour_role role) { return (fcolour){(uint8_t)role, 0}; }
static inline fcolour fc_rag(rag_level l) { return (fcolour){FC_RAG, (uint8_t)l}; }
static inline fcolour fc_rag_ink(rag_level l) { return (fcolour){FC_RAG_INK, (uint8_t)l}; }

#endif
