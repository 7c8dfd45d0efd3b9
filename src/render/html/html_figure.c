/* html_figure.c - a figure as HTML: <figure> with its caption, its display list as
 * inline SVG (role="img", the text alternative as its <title>), and the same data as a
 * table - open when the report shows it, else collapsed in <details> as the figure's
 * alternative. The bands are stacked, the header band first; colours are looked up by
 * role in the document's palette; a patterned fill is its colour with a <pattern> over
 * it. */
#include "html_render.h"

#include <stdio.h>
#include <string.h>

#include "html_internal.h"

#define PATTERN_STEP 4      /* the hatching's and dots' spacing, as in the PDF */

static void num(strbuf *o, const char *name, double v)
{
    sb_printf(o, " %s=\"%.2f\"", name, v);
    /* trim "12.50" to "12.5" and "12.00" to "12" */
    size_t end = o->len - 1;     /* the closing quote */
    size_t i = end;
    while (o->data[i - 1] == '0') i--;
    if (o->data[i - 1] == '.') i--;
    if (i < end) {
        o->data[i] = '"';
        o->len = i + 1;
        o->data[o->len] = 0;
    }
}

static void colour(strbuf *o, const char *attr, const rpalette *p, fcolour c)
{
    if (c.role == FC_NONE) sb_printf(o, " %s=\"none\"", attr);
    else sb_printf(o, " %s=\"#%06X\"", attr, palette_rgb(p, c));
}

/* The id of the pattern drawn over a fill of level l. */
static void pattern_id(strbuf *o, const rnode *n, int pattern, int level)
{
    html_put_text(o, n->id ? n->id : "figure");
    sb_printf(o, "-p%d-%d", pattern, level);
}

/* <pattern> definitions for every patterned fill the figure uses. */
static void patterns(strbuf *o, const rnode *n, const rfigure *fig, const rpalette *p)
{
    unsigned char used[3][RAG_LEVELS];
    memset(used, 0, sizeof used);
    for (size_t b = 0; b <= fig->nbands; b++) {
        const fband *band = b < fig->nbands ? &fig->bands[b] : fig->header;
        for (size_t i = 0; band && i < band->nops; i++) {
            const fop *op = &band->ops[i];
            if (op->kind == FO_RECT && op->pattern != FP_SOLID && op->pattern <= FP_DOTS &&
                op->fill.role == FC_RAG && op->fill.level < RAG_LEVELS)
                used[op->pattern][op->fill.level] = 1;
        }
    }
    int any = 0;
    for (int k = 1; k <= FP_DOTS; k++)
        for (int l = 0; l < RAG_LEVELS; l++) {
            if (!used[k][l]) continue;
            if (!any) sb_puts(o, "<defs>");
            any = 1;
            unsigned ink = p->rag[l].ink;
            sb_puts(o, "<pattern id=\"");
            pattern_id(o, n, k, l);
            sb_printf(o, "\" width=\"%d\" height=\"%d\" patternUnits=\"userSpaceOnUse\">", PATTERN_STEP,
                      PATTERN_STEP);
            if (k == FP_HATCH)
                sb_printf(o, "<path d=\"M0,%d L%d,0\" stroke=\"#%06X\" stroke-width=\"0.6\"/>", PATTERN_STEP,
                          PATTERN_STEP, ink);
            else
                sb_printf(o, "<circle cx=\"2\" cy=\"2\" r=\"0.7\" fill=\"#%06X\"/>", ink);
            sb_puts(o, "</pattern>");
        }
    if (any) sb_puts(o, "</defs>\n");
}

static void op_svg(strbuf *o, const rnode *n, const rpalette *p, const fop *op, double dy)
{
    switch ((fop_kind)op->kind) {
    case FO_RECT:
        sb_puts(o, "<rect");
        num(o, "x", op->x);
        num(o, "y", op->y + dy);
        num(o, "width", op->w);
        num(o, "height", op->h);
        colour(o, "fill", p, op->fill);
        if (op->stroke.role != FC_NONE && op->lw > 0) {
            colour(o, "stroke", p, op->stroke);
            num(o, "stroke-width", op->lw);
        }
        sb_puts(o, "/>");
        if (op->pattern != FP_SOLID && op->pattern <= FP_DOTS && op->fill.role == FC_RAG) {
            sb_puts(o, "<rect");
            num(o, "x", op->x);
            num(o, "y", op->y + dy);
            num(o, "width", op->w);
            num(o, "height", op->h);
            sb_puts(o, " fill=\"url(#");
            pattern_id(o, n, op->pattern, op->fill.level);
            sb_puts(o, ")\"/>");
        }
        break;
    case FO_LINE:
        sb_puts(o, "<line");
        num(o, "x1", op->x);
        num(o, "y1", op->y + dy);
        num(o, "x2", op->x + op->w);
        num(o, "y2", op->y + op->h + dy);
        colour(o, "stroke", p, op->stroke);
        num(o, "stroke-width", op->lw);
        sb_puts(o, "/>");
        break;
    case FO_PATH:
        sb_puts(o, op->closed ? "<polygon points=\"" : "<polyline points=\"");
        for (uint32_t i = 0; i < op->npts; i++)
            sb_printf(o, "%s%.2f,%.2f", i ? " " : "", op->pts[2 * i], op->pts[2 * i + 1] + dy);
        sb_putc(o, '"');
        colour(o, "fill", p, op->fill);
        if (op->stroke.role != FC_NONE && op->lw > 0) {
            colour(o, "stroke", p, op->stroke);
            num(o, "stroke-width", op->lw);
        }
        sb_puts(o, "/>");
        break;
    case FO_TEXT:
        sb_puts(o, "<text");
        num(o, "x", op->x);
        num(o, "y", op->y + dy);
        num(o, "font-size", op->size);
        if (op->align == FA_MIDDLE) sb_puts(o, " text-anchor=\"middle\"");
        else if (op->align == FA_END) sb_puts(o, " text-anchor=\"end\"");
        if (op->bold) sb_puts(o, " font-weight=\"bold\"");
        colour(o, "fill", p, op->fill);
        sb_putc(o, '>');
        html_put_text(o, op->text);
        sb_puts(o, "</text>");
        break;
    }
}

void hr_figure(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    const rfigure *fig = n->figure;
    const rpalette *p = c->palette;
    const rnode *cap = n->first && n->first->type == RN_CAPTION ? n->first : NULL;
    const rnode *table = cap ? cap->next : n->first;
    sb_puts(o, "<figure class=\"chart");
    if (n->flags & RF_WIDE) sb_puts(o, " wide");
    sb_putc(o, '"');
    hr_put_id(c, n->id);
    sb_puts(o, ">\n");
    if (cap) {
        sb_puts(o, "<figcaption");
        hr_put_id(c, cap->id);
        sb_putc(o, '>');
        hr_inlines(c, cap);
        sb_puts(o, "</figcaption>\n");
    }
    if (fig) {
        double h = fig->header ? fig->header->h : 0;
        for (size_t b = 0; b < fig->nbands; b++) h += fig->bands[b].h;
        /* The chart scrolls sideways rather than shrink until its labels cannot be read
         * (paper.css sets the least scale from --chart-w, its width in units), as wide
         * tables do on a phone; a focusable region, so the keyboard can scroll it too. */
        sb_puts(o, "<div class=\"chart-wrap\" role=\"region\" tabindex=\"0\"");
        if (cap && cap->id) {
            sb_puts(o, " aria-labelledby=\"");
            html_put_text(o, cap->id);
        } else {
            sb_puts(o, " aria-label=\"");
            html_put_text(o, n->text);
        }
        sb_puts(o, "\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
        sb_printf(o, " viewBox=\"0 0 %.0f %.0f\"", fig->width, h);
        num(o, "width", fig->width);
        num(o, "height", h);
        sb_printf(o, " style=\"--chart-w:%.0f\"", fig->width);
        sb_puts(o, " aria-label=\"");
        html_put_text(o, n->text);
        sb_puts(o, "\"><title>");
        html_put_text(o, n->text);
        sb_puts(o, "</title>");
        if (fig->desc) {
            sb_puts(o, "<desc>");
            html_put_text(o, fig->desc);
            sb_puts(o, "</desc>");
        }
        sb_putc(o, '\n');
        patterns(o, n, fig, p);
        double dy = 0;
        for (size_t b = 0; b <= fig->nbands; b++) {
            const fband *band = b == 0 ? fig->header : &fig->bands[b - 1];
            if (!band) continue;
            sb_puts(o, "<g>");
            for (size_t i = 0; i < band->nops; i++) op_svg(o, n, p, &band->ops[i], dy);
            sb_puts(o, "</g>\n");
            dy += band->h;
        }
        sb_puts(o, "</svg>\n</div>\n");
    }
    if (table && table->type == RN_TABLE) {
        if (n->flags & RF_SHOW_DATA) {
            hr_table(c, table);
        } else {
            sb_puts(o, "<details><summary>The figures as a table</summary>\n");
            hr_table(c, table);
            sb_puts(o, "</details>\n");
        }
    }
    sb_puts(o, "</figure>\n");
}
