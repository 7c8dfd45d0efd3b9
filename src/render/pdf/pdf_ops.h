/* pdf_ops.h - a content stream written by us: page operators into our own buffer.
 *
 * libharu's drawing calls cannot put marked content (BDC/EMC with an MCID) among a
 * page's operators, re-measure every string they draw and write each glyph as four
 * hex digits. So the drawing files write operators here instead, with the positions
 * and widths the layout already knows, and the finished bytes go to the compressor
 * and back into libharu's page object (pdf_zip.c). Coordinates are in points with y
 * measured down from the page's top, as the layout has them; they are written to the
 * hundredth of a point (relative text moves are computed on that grid, so they never
 * drift). Glyph strings are binary: two bytes a character (the fonts' CIDs are their
 * BMP code points, Identity-H), in a literal string with ( ) \ and CR escaped. The
 * writer remembers the colours, line width and font it last set and writes only
 * changes. */
#ifndef TABLED_PDF_OPS_H
#define TABLED_PDF_OPS_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "../../util/strbuf.h"
#include "pdf_font.h"

typedef struct {
    strbuf b;               /* the stream's bytes */
    HPDF_Page page;         /* resource names are asked of it */
    pfont *fonts;
    double ph;              /* page height */
    long fill, stroke;      /* colours last set, -1 unknown */
    int32_t lw;             /* line width last set, hundredths; -1 unknown */
    int in_text;            /* inside BT ... ET */
    int face;               /* font last set, -1 none */
    int32_t size;           /* its size, hundredths */
    int32_t lx, ly;         /* the text line's origin (PDF coordinates, hundredths) */
    const char *fname[FACE__COUNT];     /* the page's names of the fonts, once asked */
    int depth;              /* marked-content sequences open */
} pops;

/* Starts an empty stream for page (of height ph). The page's graphics state is the
 * initial one (line width 1, black) unless lw_known is 0. */
void po_init(pops *o, HPDF_Page page, double ph, pfont *fonts, int lw_known);
/* The bytes written (the caller takes them: po_take), and a fresh start. */
unsigned char *po_take(pops *o, size_t *n);
void po_free(pops *o);

void po_fill(pops *o, unsigned rgb);
void po_stroke(pops *o, unsigned rgb, double lw);
/* A rectangle (x, top y, width, height) added to the path. */
void po_rect(pops *o, double x, double y, double w, double h);
void po_move(pops *o, double x, double y);
void po_line(pops *o, double x, double y);
/* A circle of radius r at (x, y), as four Bezier curves. */
void po_circle(pops *o, double x, double y, double r);
/* Painting: "f" fill, "S" stroke, "B" fill then stroke, "h" close, "W n" clip. */
void po_op(pops *o, const char *op);
void po_save(pops *o);
/* Restores the graphics state saved by po_save: what was set since is unknown again
 * except what the caller passes back (the colours and width before po_save). */
void po_restore(pops *o, long fill, long stroke, int32_t lw);
/* An image XObject drawn into the rectangle (x, top y, w, h). */
void po_image(pops *o, HPDF_Image img, double x, double y, double w, double h);

void po_begin_text(pops *o);
void po_end_text(pops *o);
/* Text at (x, baseline y) in face/size/colour: s is valid UTF-8 whose every character
 * the font has (the layout measured it). Inside BT. space: a space glyph after it (a
 * word break: a label standing alone, as in a chart). */
void po_text(pops *o, int face, double size, unsigned rgb, double x, double y, const char *s,
             size_t n, int space);

/* Marked content: "/tag <</MCID n>> BDC", an artifact "/Artifact BMC" or with
 * properties ("/Artifact <<props>> BDC"), and the end of the innermost sequence. */
void po_tagged(pops *o, const char *tag, int mcid);
void po_artifact(pops *o, const char *props);
void po_end_marked(pops *o);

#endif
