/* pdf_ops.c - page operators written into our own buffer (see pdf_ops.h).
 *
 * Numbers are kept as integers in hundredths of a point and written shortest
 * ("12.5", "3", "-.25"); colours as 0xRRGGBB, each channel written to three decimals
 * (c / 255 rounded to 0.001 maps back to the same 8-bit value). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/utf8.h"
#include "pdf_libharu.h"
#include "pdf_ops.h"

/* ---- numbers ----------------------------------------------------------------- */

static int32_t hund(double v) { return (int32_t)lround(v * 100.0); }

/* v / 100, shortest: "12.5", "3", "-.25", "0". */
static void put_h(strbuf *b, int32_t v)
{
    char buf[24], *p = buf + sizeof buf;
    int neg = v < 0;
    uint32_t u = neg ? (uint32_t)(-(int64_t)v) : (uint32_t)v;
    uint32_t ip = u / 100, fp = u % 100;
    if (fp) {
        if (fp % 10) {
            *--p = (char)('0' + fp % 10);
            *--p = (char)('0' + fp / 10);
        } else {
            *--p = (char)('0' + fp / 10);
        }
        *--p = '.';
    }
    if (ip || !fp) {
        do {
            *--p = (char)('0' + ip % 10);
            ip /= 10;
        } while (ip);
    }
    if (neg && u) *--p = '-';
    sb_putn(b, p, (size_t)(buf + sizeof buf - p));
}

static void put_hsp(strbuf *b, int32_t v)
{
    put_h(b, v);
    sb_putc(b, ' ');
}

/* An 8-bit channel as a fraction to three decimals: "0", "1", ".102", ".5". */
static void put_channel(strbuf *b, unsigned c)
{
    unsigned m = (c * 1000 + 127) / 255;     /* thousandths, rounded */
    if (m == 0) {
        sb_putc(b, '0');
    } else if (m >= 1000) {
        sb_putc(b, '1');
    } else {
        char d[4] = {'.', (char)('0' + m / 100), (char)('0' + m / 10 % 10), (char)('0' + m % 10)};
        size_t n = 4;
        while (d[n - 1] == '0') n--;
        sb_putn(b, d, n);
    }
}

static void put_rgb(strbuf *b, unsigned rgb, const char *op)
{
    put_channel(b, (rgb >> 16) & 255);
    sb_putc(b, ' ');
    put_channel(b, (rgb >> 8) & 255);
    sb_putc(b, ' ');
    put_channel(b, rgb & 255);
    sb_putc(b, ' ');
    sb_puts(b, op);
    sb_putc(b, '\n');
}

/* ---- the stream ---------------------------------------------------------------- */

void po_init(pops *o, HPDF_Page page, double ph, pfont *fonts, int lw_known)
{
    memset(o, 0, sizeof *o);
    o->page = page;
    o->fonts = fonts;
    o->ph = ph;
    o->fill = o->stroke = lw_known ? 0 : -1;    /* black, unless unknown */
    o->lw = lw_known ? 100 : -1;
    o->face = -1;
}

unsigned char *po_take(pops *o, size_t *n)
{
    *n = o->b.len;
    if (!o->b.data) return calloc(1, 1);
    char *d = sb_detach(&o->b);
    return (unsigned char *)d;
}

void po_free(pops *o) { sb_free(&o->b); }

void po_fill(pops *o, unsigned rgb)
{
    if (o->fill == (long)rgb) return;
    o->fill = (long)rgb;
    put_rgb(&o->b, rgb, "rg");
}

void po_stroke(pops *o, unsigned rgb, double lw)
{
    if (o->stroke != (long)rgb) {
        o->stroke = (long)rgb;
        put_rgb(&o->b, rgb, "RG");
    }
    int32_t w = hund(lw);
    if (o->lw != w) {
        o->lw = w;
        put_hsp(&o->b, w);
        sb_puts(&o->b, "w\n");
    }
}

void po_rect(pops *o, double x, double y, double w, double h)
{
    int32_t x0 = hund(x), y0 = hund(o->ph - y - h), y1 = hund(o->ph - y);
    put_hsp(&o->b, x0);
    put_hsp(&o->b, y0);
    put_hsp(&o->b, hund(x + w) - x0);
    put_hsp(&o->b, y1 - y0);
    sb_puts(&o->b, "re\n");
}

void po_move(pops *o, double x, double y)
{
    put_hsp(&o->b, hund(x));
    put_hsp(&o->b, hund(o->ph - y));
    sb_puts(&o->b, "m\n");
}

void po_line(pops *o, double x, double y)
{
    put_hsp(&o->b, hund(x));
    put_hsp(&o->b, hund(o->ph - y));
    sb_puts(&o->b, "l\n");
}

void po_circle(pops *o, double x, double y, double r)
{
    /* four quarter arcs, control points at 0.5523 r (as libharu draws a circle) */
    const double k = 0.5523 * r;
    double cy = o->ph - y;
    strbuf *b = &o->b;
    put_hsp(b, hund(x - r)), put_hsp(b, hund(cy)), sb_puts(b, "m\n");
    put_hsp(b, hund(x - r)), put_hsp(b, hund(cy + k)), put_hsp(b, hund(x - k)),
        put_hsp(b, hund(cy + r)), put_hsp(b, hund(x)), put_hsp(b, hund(cy + r)), sb_puts(b, "c\n");
    put_hsp(b, hund(x + k)), put_hsp(b, hund(cy + r)), put_hsp(b, hund(x + r)),
        put_hsp(b, hund(cy + k)), put_hsp(b, hund(x + r)), put_hsp(b, hund(cy)), sb_puts(b, "c\n");
    put_hsp(b, hund(x + r)), put_hsp(b, hund(cy - k)), put_hsp(b, hund(x + k)),
        put_hsp(b, hund(cy - r)), put_hsp(b, hund(x)), put_hsp(b, hund(cy - r)), sb_puts(b, "c\n");
    put_hsp(b, hund(x - k)), put_hsp(b, hund(cy - r)), put_hsp(b, hund(x - r)),
        put_hsp(b, hund(cy - k)), put_hsp(b, hund(x - r)), put_hsp(b, hund(cy)), sb_puts(b, "c\n");
}

void po_op(pops *o, const char *op)
{
    sb_puts(&o->b, op);
    sb_putc(&o->b, '\n');
}

void po_save(pops *o) { sb_puts(&o->b, "q\n"); }

void po_restore(pops *o, long fill, long stroke, int32_t lw)
{
    sb_puts(&o->b, "Q\n");
    o->fill = fill;
    o->stroke = stroke;
    o->lw = lw;
    o->face = -1;       /* the font is part of the graphics state too */
}

void po_image(pops *o, HPDF_Image img, double x, double y, double w, double h)
{
    const char *name = hp_page_image_name(o->page, img);
    if (!name) return;
    strbuf *b = &o->b;
    sb_puts(b, "q\n");
    put_hsp(b, hund(w));
    sb_puts(b, "0 0 ");
    put_hsp(b, hund(h));
    put_hsp(b, hund(x));
    put_hsp(b, hund(o->ph - y - h));
    sb_printf(b, "cm\n/%s Do\nQ\n", name);
}

/* ---- text ------------------------------------------------------------------------ */

void po_begin_text(pops *o)
{
    if (o->in_text) return;
    sb_puts(&o->b, "BT\n");
    o->in_text = 1;
    o->lx = o->ly = 0;
}

void po_end_text(pops *o)
{
    if (!o->in_text) return;
    sb_puts(&o->b, "ET\n");
    o->in_text = 0;
}

/* The glyphs of s as a binary literal string: each character's two bytes (its code
 * point, the CID), with ( ) \ escaped and CR written \r (a literal string reads a bare
 * CR as LF). */
static void put_glyphs(strbuf *b, const char *s, size_t n)
{
    sb_grow(b, 2 * n + 8);
    sb_putc(b, '(');
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (c < 0x80) {
            cp = c;
            i++;
        } else {
            size_t l = utf8_decode(s + i, n - i, &cp);
            if (!l) {
                i++;
                continue;
            }
            i += l;
            if (cp > 0xFFFF) continue;
        }
        unsigned char two[2] = {(unsigned char)(cp >> 8), (unsigned char)cp};
        for (int k = 0; k < 2; k++) {
            unsigned char x = two[k];
            if (x == '(' || x == ')' || x == '\\') {
                sb_putc(b, '\\');
                sb_putc(b, (char)x);
            } else if (x == '\r') {
                sb_puts(b, "\\r");
            } else {
                sb_putc(b, (char)x);
            }
        }
    }
    sb_puts(b, ")Tj\n");
}

void po_text(pops *o, int face, double size, unsigned rgb, double x, double y, const char *s,
             size_t n)
{
    if (!n) return;
    strbuf *b = &o->b;
    int32_t sz = hund(size);
    if (o->face != face || o->size != sz) {
        if (!o->fname[face]) o->fname[face] = hp_page_font_name(o->page, pfont_font(&o->fonts[face]));
        if (!o->fname[face]) return;
        o->face = face;
        o->size = sz;
        sb_putc(b, '/');
        sb_puts(b, o->fname[face]);
        sb_putc(b, ' ');
        put_hsp(b, sz);
        sb_puts(b, "Tf\n");
    }
    po_fill(o, rgb);
    int32_t tx = hund(x), ty = hund(o->ph - y);
    put_hsp(b, tx - o->lx);
    put_hsp(b, ty - o->ly);
    sb_puts(b, "Td\n");
    o->lx = tx;
    o->ly = ty;
    put_glyphs(b, s, n);
}

/* ---- marked content ------------------------------------------------------------- */

void po_tagged(pops *o, const char *tag, int mcid)
{
    sb_printf(&o->b, "/%s<</MCID %d>>BDC\n", tag, mcid);
    o->depth++;
}

void po_artifact(pops *o, const char *props)
{
    if (props) sb_printf(&o->b, "/Artifact<<%s>>BDC\n", props);
    else sb_puts(&o->b, "/Artifact BMC\n");
    o->depth++;
}

void po_end_marked(pops *o)
{
    if (o->depth <= 0) return;
    sb_puts(&o->b, "EMC\n");
    o->depth--;
}
