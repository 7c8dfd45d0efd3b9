/* pdf_font.c - TrueType fonts for the PDF renderer, with a cache of glyph advances.
 *
 * Coverage and advances come from libharu's own font definition (its cmap and hmtx),
 * so what we measure is what libharu writes: advance * 1000 / unitsPerEm, rounded
 * down. libharu maps only the BMP (cmap format 4), so anything above U+FFFF is
 * missing. Looking a glyph up marks it used for the subset, which is why the ASCII
 * table is filled lazily. */
#include <stdlib.h>
#include <string.h>

#include "../../util/strbuf.h"
#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_internal.h"

int pfont_load(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < 128; i++) f->ascii[i] = -2;
    f->file = file;
    strbuf path = STRBUF_INIT;
    sb_puts(&path, font_dir && *font_dir ? font_dir : ".");
    if (path.data[path.len - 1] != '/') sb_putc(&path, '/');
    sb_puts(&path, file);
    const char *name = HPDF_LoadTTFontFromFile(pdf, path.data, HPDF_TRUE);
    sb_free(&path);
    if (!name) return -1;
    f->name = name;
    f->font = HPDF_GetFont(pdf, name, "UTF-8");
    f->def = HPDF_Doc_FindFontDef(pdf, name);
    if (!f->font || !f->def || f->def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return -1;
    return 0;
}

void pfont_free(pfont *f)
{
    free(f->slots);
    f->slots = NULL;
    f->cap = f->len = 0;
}

static int32_t lookup(pfont *f, uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0xFFFF) return -1;
    if (cp >= 0xD800 && cp <= 0xDFFF) return -1;
    HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(f->def, (HPDF_UINT16)cp);
    if (gid == 0) return -1;
    /* Marks the glyph used (for the subset) and returns libharu's rounded width. */
    return HPDF_TTFontDef_GetCharWidth(f->def, (HPDF_UINT16)cp);
}

static void grow(pfont *f)
{
    size_t ncap = f->cap ? f->cap * 2 : 256;
    pf_slot *ns = xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < f->cap; i++) {
        if (!f->slots[i].cp) continue;
        size_t j = (f->slots[i].cp * 2654435761u) & (ncap - 1);
        while (ns[j].cp) j = (j + 1) & (ncap - 1);
        ns[j] = f->slots[i];
    }
    free(f->slots);
    f->slots = ns;
    f->cap = ncap;
}

int32_t pfont_units(pfont *f, uint32_t cp)
{
    if (cp < 128) {
        if (f->ascii[cp] == -2) f->ascii[cp] = lookup(f, cp);
        return f->ascii[cp];
    }
    if (f->cap) {
        size_t j = (cp * 2654435761u) & (f->cap - 1);
        while (f->slots[j].cp) {
            if (f->slots[j].cp == cp) return f->slots[j].units;
            j = (j + 1) & (f->cap - 1);
        }
    }
    if ((f->len + 1) * 2 > f->cap) grow(f);
    int32_t u = lookup(f, cp);
    size_t j = (cp * 2654435761u) & (f->cap - 1);
    while (f->slots[j].cp) j = (j + 1) & (f->cap - 1);
    f->slots[j].cp = cp;
    f->slots[j].units = u;
    f->len++;
    return u;
}

double pfont_width(pfont *f, const char *s, size_t len, double size)
{
    long total = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (c < 0x80) {
            cp = c;
            i++;
        } else {
            size_t n = utf8_decode(s + i, len - i, &cp);
            if (!n) {
                i++;
                continue;
            }
            i += n;
        }
        int32_t u = pfont_units(f, cp);
        if (u > 0) total += u;
    }
    return (double)total * size / 1000.0;
}
