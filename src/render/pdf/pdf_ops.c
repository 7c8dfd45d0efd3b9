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

/* v / 100, shortest ("12.5", "3", "-.25", "0"), then a space, at p; returns the end. */
static char *fmt_h(char *p, int32_t v)
{
    char buf[16], *q = buf + sizeof buf;
    int neg = v < 0;
    uint32_t u = neg ? (uint32_t)(-(int64_t)v) : (uint32_t)v;
    uint32_t ip = u / 100, fp = u % 100;
    if (fp) {
        if (fp % 10) *--q = (char)('0' + fp % 10);
        *--q = (char)('0' + fp / 10);
        *--q = '.';
    }
    if (ip || !fp) {
        do {
            *--q = (char)('0' + ip % 10);
            ip /= 10;
        } while (ip);
    }
    if (neg && u) *--q = '-';
    size_t n = (size_t)(buf + sizeof buf - q);
    memcpy(p, q, n);
    p[n] = ' ';
    return p + n + 1;
}

/* Numbers (hundredths) then an operator, as one line. */
static void put_op(strbuf *b, const int32_t *v, int n, const char *op)
{
    char line[16 * 8 + 16], *p = line;
    for (int i = 0; i < n; i++) p = fmt_h(p, v[i]);
    size_t ol = strlen(op);
    memcpy(p, op, ol);
    p += ol;
    *p++ = '\n';
    sb_putn(b, line, (size_t)(p - line));
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
        put_op(&o->b, &w, 1, "w");
    }
}

void po_rect(pops *o, double x, double y, double w, double h)
{
    int32_t x0 = hund(x), y0 = hund(o->ph - y - h), y1 = hund(o->ph - y);
    int32_t v[4] = {x0, y0, hund(x + w) - x0, y1 - y0};
    put_op(&o->b, v, 4, "re");
}

void po_move(pops *o, double x, double y)
{
    int32_t v[2] = {hund(x), hund(o->ph - y)};
    put_op(&o->b, v, 2, "m");
}

void po_line(pops *o, double x, double y)
{
    int32_t v[2] = {hund(x), hund(o->ph - y)};
    put_op(&o->b, v, 2, "l");
}

void po_circle(pops *o, double x, double y, double r)
{
    /* four quarter arcs, control points at 0.5523 r (as libharu draws a circle) */
    const double k = 0.5523 * r;
    double cy = o->ph - y;
    int32_t m[2] = {hund(x - r), hund(cy)};
    int32_t c[4][6] = {
        {hund(x - r), hund(cy + k), hund(x - k), hund(cy + r), hund(x), hund(cy + r)},
        {hund(x + k), hund(cy + r), hund(x + r), hund(cy + k), hund(x + r), hund(cy)},
        {hund(x + r), hund(cy - k), hund(x + k), hund(cy - r), hund(x), hund(cy - r)},
        {hund(x - k), hund(cy - r), hund(x - r), hund(cy - k), hund(x - r), hund(cy)}};
    put_op(&o->b, m, 2, "m");
    for (int i = 0; i < 4; i++) put_op(&o->b, c[i], 6, "c");
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
    int32_t v[6] = {hund(w), 0, 0, hund(h), hund(x), hund(o->ph - y - h)};
    sb_puts(&o->b, "q\n");
    put_op(&o->b, v, 6, "cm");
    sb_putc(&o->b, '/');
    sb_puts(&o->b, name);
    sb_puts(&o->b, " Do\nQ\n");
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
static void put_glyphs(strbuf *b, const char *s, size_t n, int space)
{
    sb_grow(b, 4 * n + 8);      /* at worst two escaped bytes a character */
    unsigned char *p = (unsigned char *)b->data + b->len;
    *p++ = '(';
    size_t i = 0;
    while (i < n) {
        uint32_t cp = utf8_next(s, n, &i);
        if (cp > 0xFFFF) continue;      /* not valid UTF-8 (UTF8_SKIP), or past the BMP */
        unsigned char two[2] = {(unsigned char)(cp >> 8), (unsigned char)cp};
        for (int k = 0; k < 2; k++) {
            unsigned char x = two[k];
            if (x == '(' || x == ')' || x == '\\') {
                *p++ = '\\';
                *p++ = x;
            } else if (x == '\r') {
                *p++ = '\\';
                *p++ = 'r';
            } else {
                *p++ = x;
            }
        }
    }
    if (space) *p++ = 0, *p++ = ' ';
    memcpy(p, ")Tj\n", 4);
    b->len = (size_t)((char *)p + 4 - b->data);
    b->data[b->len] = 0;
}

void po_text(pops *o, int face, double size, unsigned rgb, double x, double y, const char *s,
             size_t n, int space)
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
        put_op(b, &sz, 1, "Tf");
    }
    po_fill(o, rgb);
    int32_t tx = hund(x), ty = hund(o->ph - y);
    int32_t v[2] = {tx - o->lx, ty - o->ly};
    put_op(b, v, 2, "Td");
    o->lx = tx;
    o->ly = ty;
    put_glyphs(b, s, n, space);
}

/* ---- marked content ------------------------------------------------------------- */

void po_tagged(pops *o, const char *tag, int mcid)
{
    char line[64], *p = line;
    size_t tl = strlen(tag);
    if (tl > 32) tl = 32;
    *p++ = '/';
    memcpy(p, tag, tl);
    p += tl;
    memcpy(p, "<</MCID ", 8);
    p += 8;
    p = fmt_h(p, (int32_t)mcid * 100) - 1;
    memcpy(p, ">>BDC\n", 6);
    sb_putn(&o->b, line, (size_t)(p + 6 - line));
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
