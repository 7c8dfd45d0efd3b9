/* font_check.c - a TrueType file checked before libharu parses it.
 *
 * libharu's TrueType parser trusts the file: a units-per-em of 0 divides by zero, a
 * glyph id from the cmap beyond the glyph count or a composite glyph naming one is
 * written past an array, a loca offset past the glyf table is read from. So every
 * value it relies on is checked here first: the table directory, head, maxp, hhea,
 * hmtx, loca, the format-4 cmap it uses (every glyph id it can yield), every glyph's
 * extent and composite components, and the name table's records. */
#include <stdint.h>
#include <string.h>

#include "pdf_font.h"

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static unsigned u16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

typedef struct {
    const unsigned char *p;
    size_t len;
} table;

static int find(const unsigned char *d, size_t n, unsigned ntables, const char *tag, size_t min,
                table *t)
{
    for (unsigned i = 0; i < ntables; i++) {
        const unsigned char *r = d + 12 + 16 * (size_t)i;
        if (memcmp(r, tag, 4)) continue;
        uint32_t off = u32(r + 8), len = u32(r + 12);
        if (off > n || len > n - off || len < min) return 0;
        t->p = d + off;
        t->len = len;
        return 1;
    }
    return 0;
}

/* The format-4 subtable at cmap offset o: every glyph id it maps to is < nglyphs. */
static int cmap4_ok(const table *cmap, uint32_t o, unsigned nglyphs)
{
    if (o > cmap->len || cmap->len - o < 14) return 0;
    const unsigned char *s = cmap->p + o;
    size_t len = u16(s + 2);
    if (len > cmap->len - o) len = cmap->len - o;   /* some fonts overstate it */
    unsigned segx2 = u16(s + 6), seg = segx2 / 2;
    if (!seg || segx2 & 1 || len < 16 + 8 * (size_t)seg) return 0;
    const unsigned char *end = s + 14, *start = end + segx2 + 2, *delta = start + segx2,
                        *range = delta + segx2;
    if (u16(end + 2 * (seg - 1)) != 0xFFFF) return 0;
    long last = -1;     /* segments ascend without overlap: at most 65,536 codes */
    for (unsigned i = 0; i < seg; i++) {
        unsigned e = u16(end + 2 * i), st = u16(start + 2 * i), ro = u16(range + 2 * i);
        unsigned dl = u16(delta + 2 * i);
        if (st > e || (long)st <= last) return 0;
        last = e;
        for (unsigned c = st; c <= e; c++) {
            unsigned gid;
            if (!ro) {
                gid = (c + dl) & 0xFFFF;
            } else {
                size_t at = (size_t)(range + 2 * i - s) + ro + 2 * (size_t)(c - st);
                if (at + 2 > len) return 0;
                gid = u16(s + at);
                if (gid) gid = (gid + dl) & 0xFFFF;
            }
            if (gid >= nglyphs) return 0;
            if (c == 0xFFFF) break;
        }
    }
    return 1;
}

/* Glyph i's data [a, b) in glyf: a simple glyph's header, or a composite's components,
 * each naming a glyph that exists. */
static int glyph_ok(const table *glyf, uint32_t a, uint32_t b, unsigned nglyphs)
{
    if (a == b) return 1;                   /* an empty glyph (space) */
    if (b < a || b > glyf->len || b - a < 10) return 0;
    const unsigned char *g = glyf->p + a;
    size_t len = b - a;
    if (!(g[0] & 0x80)) return 1;           /* numberOfContours >= 0: simple */
    size_t at = 10;
    for (;;) {
        if (at + 4 > len) return 0;
        unsigned flags = u16(g + at), index = u16(g + at + 2);
        if (index >= nglyphs) return 0;
        at += 4 + ((flags & 0x1) ? 4 : 2);
        if (flags & 0x8) at += 2;
        else if (flags & 0x40) at += 4;
        else if (flags & 0x80) at += 8;
        if (at > len) return 0;
        if (!(flags & 0x20)) return 1;      /* no more components */
    }
}

int font_check(const unsigned char *d, size_t n, const char **why)
{
    *why = "is not a TrueType font";
    if (n < 12) return 0;
    uint32_t version = u32(d);
    if (version != 0x00010000 && memcmp(d, "true", 4)) return 0;
    unsigned ntables = u16(d + 4);
    if (!ntables || ntables > 256 || 12 + 16 * (size_t)ntables > n) return 0;
    *why = "is a damaged TrueType font";
    table head, maxp, hhea, hmtx, loca, glyf, cmap, name, post, os2;
    if (!find(d, n, ntables, "head", 54, &head) || !find(d, n, ntables, "maxp", 6, &maxp) ||
        !find(d, n, ntables, "hhea", 36, &hhea) || !find(d, n, ntables, "hmtx", 4, &hmtx) ||
        !find(d, n, ntables, "loca", 4, &loca) || !find(d, n, ntables, "glyf", 0, &glyf) ||
        !find(d, n, ntables, "cmap", 4, &cmap) || !find(d, n, ntables, "name", 6, &name) ||
        !find(d, n, ntables, "post", 32, &post) || !find(d, n, ntables, "OS/2", 78, &os2))
        return 0;
    unsigned upem = u16(head.p + 18), locfmt = u16(head.p + 50);
    unsigned nglyphs = u16(maxp.p + 4), nhm = u16(hhea.p + 34);
    if (upem < 16 || upem > 16384 || locfmt > 1 || !nglyphs || !nhm || nhm > nglyphs) return 0;
    if (hmtx.len < 4 * (size_t)nhm + 2 * (size_t)(nglyphs - nhm)) return 0;
    size_t w = locfmt ? 4 : 2;
    if (loca.len < w * ((size_t)nglyphs + 1)) return 0;
    uint32_t prev = 0;
    for (unsigned i = 0; i <= nglyphs; i++) {
        uint32_t o = locfmt ? u32(loca.p + 4 * (size_t)i) : 2 * (uint32_t)u16(loca.p + 2 * (size_t)i);
        if (o < prev || o > glyf.len) return 0;
        if (i && !glyph_ok(&glyf, prev, o, nglyphs)) return 0;
        prev = o;
    }
    /* the cmap libharu uses: Windows Unicode BMP (3, 1), format 4 */
    unsigned nsub = u16(cmap.p + 2);
    if (cmap.len < 4 + 8 * (size_t)nsub) return 0;
    int found = 0;
    for (unsigned i = 0; i < nsub && !found; i++) {
        const unsigned char *r = cmap.p + 4 + 8 * (size_t)i;
        if (u16(r) != 3 || u16(r + 2) != 1) continue;
        uint32_t o = u32(r + 4);
        if (o > cmap.len - 2 || u16(cmap.p + o) != 4 || !cmap4_ok(&cmap, o, nglyphs)) return 0;
        found = 1;
    }
    if (!found) {
        *why = "has no Unicode character map (a Windows format-4 cmap)";
        return 0;
    }
    unsigned count = u16(name.p + 2), strings = u16(name.p + 4);
    if (name.len < 6 + 12 * (size_t)count || strings > name.len) return 0;
    for (unsigned i = 0; i < count; i++) {
        const unsigned char *r = name.p + 6 + 12 * (size_t)i;
        if ((size_t)u16(r + 10) + u16(r + 8) > name.len - strings) return 0;
    }
    return 1;
}
