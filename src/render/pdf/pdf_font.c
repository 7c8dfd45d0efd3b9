/* pdf_font.c - TrueType fonts for the PDF renderer, with a cache of glyph advances.
 *
 * Coverage and advances come from libharu's own font definition (its cmap and hmtx),
 * so what we measure is what libharu writes: advance * 1000 / unitsPerEm, rounded
 * down. libharu maps only the BMP (cmap format 4), so anything above U+FFFF is
 * missing. Looking a glyph up marks it used for the subset, which is why the ASCII
 * table is filled lazily.
 *
 * Speed. A face is read only when first measured (pfont_init), and its libharu font
 * made only when first drawn (pfont_font). libharu 2.3.0 builds a UTF-8 Type0 font by
 * looking up every BMP code point (65,536 cmap searches) and writes a /W array and a
 * 128 KB CIDToGIDMap for all of them; we make it skip that (see pfont_font), then
 * before saving write /W, the CIDToGIDMap and a ToUnicode CMap for the code points the
 * document measured, and the subset font file compressed by us (pfont_finish). Every
 * drawn character was measured first, so the maps cover it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../../util/fileio.h"
#include "../../util/strbuf.h"
#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_internal.h"

static void pf_reset(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < 128; i++) f->ascii[i] = -2;
    f->file = file;
    f->dir = font_dir;
    f->pdf = pdf;
}

static char *font_path(const char *font_dir, const char *file)
{
    strbuf path = STRBUF_INIT;
    sb_puts(&path, font_dir && *font_dir ? font_dir : ".");
    if (path.data[path.len - 1] != '/') sb_putc(&path, '/');
    sb_puts(&path, file ? file : "");
    return sb_detach(&path);
}

static int ensure_def(pfont *f)
{
    if (f->def) return 0;
    if (f->failed || !f->pdf || !f->file) return -1;
    /* libharu opens the file by name: give it the regular file open_regular checked
     * (a FIFO named as a font would block its open for ever). */
    char *path = font_path(f->dir, f->file);
    const char *why;
    int fd = open_regular(path, &why);
    const char *name = NULL;
    if (fd >= 0) {
        /* Checked before libharu parses it (font_check.c), then handed over as the
         * very file that was checked. */
        char *self = fd_path(fd, path);
        char *data;
        size_t len;
        if (read_file(self, MAX_INPUT_BYTES, &data, &len, &why) == 0) {
            if (font_check((const unsigned char *)data, len, &why))
                name = HPDF_LoadTTFontFromFile(f->pdf, self, HPDF_TRUE);
            else
                f->why = why;
            free(data);
        }
        free(self);
        close(fd);
    }
    free(path);
    HPDF_FontDef def = name ? HPDF_Doc_FindFontDef(f->pdf, name) : NULL;
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
        f->failed = 1;
        return -1;
    }
    f->name = name;
    f->def = def;
    return 0;
}

int pfont_load(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file)
{
    pf_reset(f, pdf, font_dir, file);
    if (ensure_def(f) < 0) return -1;
    f->font = HPDF_GetFont(pdf, f->name, "UTF-8");
    return f->font ? 0 : -1;
}

int pfont_init(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file)
{
    pf_reset(f, pdf, font_dir, file);
    if (!file) return -1;
    char *path = font_path(font_dir, file);
    const char *why;
    int fd = open_regular(path, &why);
    free(path);
    if (fd < 0) {
        f->failed = 1;
        return -1;
    }
    close(fd);
    return 0;
}

HPDF_Font pfont_font(pfont *f)
{
    if (f->font) return f->font;
    if (ensure_def(f) < 0) return NULL;
    /* libharu 2.3.0 (CIDFontType2_New) looks up all 65,536 code points for a UTF-8
     * encoder and writes /W and the CIDToGIDMap for every one; for any other CMap
     * encoder it visits only the codes the encoder maps. So while it builds the font,
     * the UTF-8 encoder poses as such an encoder mapping only U+0020 (its code map is
     * otherwise empty); pfont_finish then writes the real maps. */
    HPDF_Encoder enc = HPDF_GetEncoder(f->pdf, "UTF-8");
    if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE) return NULL;
    HPDF_CMapEncoderAttr ea = (HPDF_CMapEncoderAttr)enc->attr;
    HPDF_Encoder_ToUnicode_Func fn = enc->to_unicode_fn;
    HPDF_UINT16 cid = ea->cid_map[0][0x20];
    HPDF_UNICODE uni = ea->unicode_map[0][0x20];
    enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
    ea->cid_map[0][0x20] = 0x20;
    ea->unicode_map[0][0x20] = 0x20;
    f->font = HPDF_GetFont(f->pdf, f->name, "UTF-8");
    enc->to_unicode_fn = fn;
    ea->cid_map[0][0x20] = cid;
    ea->unicode_map[0][0x20] = uni;
    return f->font;
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
    if (!f->def && ensure_def(f) < 0) return -1;
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

/* ---- finishing: the maps and the embedded file ---------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Replaces a stream dict's data with raw (uncompressed) bytes, then compresses. */
static int set_stream(HPDF_Dict d, const void *data, size_t n)
{
    HPDF_MemStream_FreeData(d->stream);
    if (n && HPDF_Stream_Write(d->stream, data, (HPDF_UINT)n) != HPDF_OK) return -1;
    return pz_compress_dict(d);
}

static void hex4(strbuf *sb, uint32_t v) { sb_printf(sb, "<%04X>", (unsigned)v); }

int pfont_finish(pfont *f)
{
    if (!f->font || !f->def) return 0;
    HPDF_FontAttr fa = (HPDF_FontAttr)f->font->attr;
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)f->def->attr;
    HPDF_MMgr mmgr = f->font->mmgr;
    int rc = -1;

    /* the code points measured and present, in order */
    size_t n = 0;
    uint32_t *cps = xmalloc((f->len + 128) * sizeof *cps);
    for (uint32_t c = 0; c < 128; c++)
        if (f->ascii[c] >= 0) cps[n++] = c;
    for (size_t i = 0; i < f->cap; i++)
        if (f->slots[i].cp && f->slots[i].units >= 0) cps[n++] = f->slots[i].cp;
    qsort(cps, n, sizeof *cps, cmp_u32);
    uint32_t maxcp = n ? cps[n - 1] : 0x20;

    /* libharu must not compress what we hand it compressed */
    f->font->filter = HPDF_STREAM_FILTER_NONE;

    /* /W: runs of consecutive code points */
    HPDF_Dict desc = fa->descendant_font;
    HPDF_Array w = HPDF_Dict_GetItem(desc, "W", HPDF_OCLASS_ARRAY);
    unsigned char *map = xcalloc((size_t)maxcp + 1, 2);
    strbuf tu = STRBUF_INIT;
    if (!w) goto out;
    HPDF_Array_Clear(w);
    HPDF_Array run = NULL;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(f->def, (HPDF_UINT16)c);
        map[2 * c] = (unsigned char)(gid >> 8);
        map[2 * c + 1] = (unsigned char)gid;
        if (!run || c != cps[i - 1] + 1) {
            run = HPDF_Array_New(mmgr);
            if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)c) != HPDF_OK ||
                HPDF_Array_Add(w, run) != HPDF_OK)
                goto out;
        }
        int32_t u = c < 128 ? f->ascii[c] : pfont_units(f, c);
        if (HPDF_Array_AddNumber(run, u) != HPDF_OK) goto out;
    }

    /* CIDToGIDMap: CID = code point */
    if (fa->map_stream && set_stream(fa->map_stream, map, ((size_t)maxcp + 1) * 2) < 0)
        goto out;

    /* ToUnicode: bfrange per run, never crossing a 256-code boundary */
    HPDF_Dict tud = HPDF_Dict_GetItem(f->font, "ToUnicode", HPDF_OCLASS_DICT);
    if (tud && tud->stream) {
        sb_puts(&tu, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                     "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        size_t nr = 0, i = 0;
        uint32_t lo[100], hi[100];
        while (i < n) {
            size_t j = i;
            while (j + 1 < n && cps[j + 1] == cps[j] + 1 && (cps[j + 1] >> 8) == (cps[i] >> 8)) j++;
            lo[nr] = cps[i];
            hi[nr] = cps[j];
            nr++;
            i = j + 1;
            if (nr == 100 || i == n) {
                sb_printf(&tu, "%zu beginbfrange\n", nr);
                for (size_t k = 0; k < nr; k++) {
                    hex4(&tu, lo[k]);
                    sb_putc(&tu, ' ');
                    hex4(&tu, hi[k]);
                    sb_putc(&tu, ' ');
                    hex4(&tu, lo[k]);
                    sb_putc(&tu, '\n');
                }
                sb_puts(&tu, "endbfrange\n");
                nr = 0;
            }
        }
        sb_puts(&tu, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        HPDF_Dict_RemoveElement(tud, "Type");
        HPDF_Dict_RemoveElement(tud, "CMapName");
        HPDF_Dict_RemoveElement(tud, "CIDSystemInfo");
        if (set_stream(tud, tu.data, tu.len) < 0) goto out;
    }

    /* The font descriptor and the subset font file, as libharu's own BeforeWrite
     * would make them, but compressed by us; with a descriptor present libharu only
     * links it. */
    if (!f->def->descriptor) {
        HPDF_Dict d = HPDF_Dict_New(mmgr);
        if (!d) goto out;
        HPDF_STATUS ret = HPDF_OK;
        if (da->embedding) {
            HPDF_Dict data = HPDF_DictStream_New(mmgr, fa->xref);
            if (!data) goto out;
            if (HPDF_TTFontDef_SaveFontData(f->def, data->stream) != HPDF_OK) goto out;
            if (pz_compress_dict(data) < 0) goto out;
            ret += HPDF_Dict_Add(d, "FontFile2", data);
            ret += HPDF_Dict_AddNumber(data, "Length1", da->length1);
            ret += HPDF_Dict_AddNumber(data, "Length2", 0);
            ret += HPDF_Dict_AddNumber(data, "Length3", 0);
        }
        HPDF_FontDef def = f->def;
        ret += HPDF_Xref_Add(fa->xref, d);
        ret += HPDF_Dict_AddName(d, "Type", "FontDescriptor");
        ret += HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
        ret += HPDF_Dict_AddNumber(d, "Descent", def->descent);
        ret += HPDF_Dict_AddNumber(d, "Flags", def->flags);
        ret += HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
        ret += HPDF_Dict_AddName(d, "FontName", da->base_font);
        ret += HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
        ret += HPDF_Dict_AddNumber(d, "StemV", def->stemv);
        ret += HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
        if (ret != HPDF_OK) goto out;
        def->descriptor = d;
    }
    rc = 0;
out:
    sb_free(&tu);
    free(map);
    free(cps);
    return rc;
}
