/* pdf_libharu.c - every access to libharu's internal structs (see pdf_libharu.h).
 *
 * Written against libharu 2.3.0's headers and behaviour: the struct fields used here
 * (page attributes, stream dicts' filter and write hook, encoder maps, font and font
 * definition attributes) and the way CIDFontType2_New walks an encoder. Another
 * version may lay them out differently or build fonts another way, so this file
 * refuses to compile against one; check each function before raising the number. */
#include <hpdf.h>

#if !defined(HPDF_VERSION_ID) || HPDF_VERSION_ID != 20300
#error "pdf_libharu.c reaches into libharu 2.3.0's internals; check it against this version"
#endif

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_libharu.h"

/* ---- the document ---------------------------------------------------------- */

void hp_use_pdf_17(HPDF_Doc pdf) { pdf->pdf_version = HPDF_VER_17; }

int hp_set_lang(HPDF_Doc pdf, const char *lang)
{
    HPDF_String s = HPDF_String_New(pdf->mmgr, lang, NULL);
    return s && HPDF_Dict_Add(pdf->catalog, "Lang", s) == HPDF_OK ? 0 : -1;
}

void hp_doc_nums(HPDF_Doc pdf, uint32_t *catalog, uint32_t *info)
{
    *catalog = hp_obj_num(pdf->catalog);
    *info = pdf->info ? hp_obj_num(pdf->info) : 0;
}

/* The catalog's /StructTreeRoot, written from the number attr points to (the catalog
 * has no attr or write hook of its own in 2.3.0). */
static HPDF_STATUS write_struct_root(HPDF_Dict d, HPDF_Stream out)
{
    const uint32_t *root = d->attr;
    if (!root || !*root) return HPDF_OK;
    char buf[48];
    snprintf(buf, sizeof buf, "/StructTreeRoot %u 0 R\012", (unsigned)*root);
    return HPDF_Stream_WriteStr(out, buf);
}

int hp_set_tagged(HPDF_Doc pdf, const uint32_t *root)
{
    HPDF_Dict cat = pdf->catalog;
    if (cat->write_fn || cat->attr) return -1;
    HPDF_Dict mark = HPDF_Dict_New(pdf->mmgr), prefs = HPDF_Dict_New(pdf->mmgr);
    if (!mark || !prefs) return -1;
    HPDF_STATUS ret = HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    ret += HPDF_Dict_Add(cat, "MarkInfo", mark);
    ret += HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    ret += HPDF_Dict_Add(cat, "ViewerPreferences", prefs);
    if (ret != HPDF_OK) return -1;
    cat->attr = (void *)root;
    cat->write_fn = write_struct_root;
    return 0;
}

int hp_set_metadata(HPDF_Doc pdf, const char *xmp, size_t n)
{
    HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!d) return -1;
    HPDF_STATUS ret = HPDF_Dict_AddName(d, "Type", "Metadata");
    ret += HPDF_Dict_AddName(d, "Subtype", "XML");
    ret += HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)xmp, (HPDF_UINT)n);
    ret += HPDF_Dict_Add(pdf->catalog, "Metadata", d);
    return ret == HPDF_OK ? 0 : -1;
}

/* ---- objects ------------------------------------------------------------------ */

uint32_t hp_obj_num(const void *obj)
{
    const HPDF_Obj_Header *h = obj;
    return h && (h->obj_id & HPDF_OTYPE_INDIRECT) ? h->obj_id & 0x00FFFFFF : 0;
}

uint32_t hp_object_count(HPDF_Doc pdf) { return pdf->xref->entries->count + pdf->xref->start_offset; }

int hp_saved_offsets(HPDF_Doc pdf, uint32_t *offsets, uint32_t n, uint32_t *xref_at)
{
    HPDF_Xref x = pdf->xref;
    if (x->prev || x->start_offset || hp_object_count(pdf) != n) return -1;
    for (uint32_t i = 0; i < n; i++) {
        HPDF_XrefEntry e = HPDF_Xref_GetEntry(x, i);
        offsets[i] = e ? e->byte_offset : 0;
    }
    *xref_at = x->addr;
    return 0;
}

/* ---- pages and annotations ------------------------------------------------------ */

const char *hp_page_font_name(HPDF_Page page, HPDF_Font font)
{
    return font ? HPDF_Page_GetLocalFontName(page, font) : NULL;
}

const char *hp_page_image_name(HPDF_Page page, HPDF_Image img)
{
    return img ? HPDF_Page_GetXObjectName(page, img) : NULL;
}

int hp_page_struct_parents(HPDF_Page page, int key)
{
    return HPDF_Dict_AddNumber(page, "StructParents", key) == HPDF_OK ? 0 : -1;
}

int hp_annot_tag(HPDF_Annotation a, HPDF_Page page, int key, const char *contents,
                 HPDF_Encoder utf8)
{
    HPDF_STATUS ret = HPDF_Dict_AddNumber(a, "StructParent", key);
    if (contents && *contents) {
        HPDF_String s = HPDF_String_New(a->mmgr, contents, utf8);
        ret += s ? HPDF_Dict_Add(a, "Contents", s) : HPDF_FAILD_TO_ALLOC_MEM;
    }
    ret += HPDF_Dict_AddName(page, "Tabs", "S");
    return ret == HPDF_OK ? 0 : -1;
}

/* ---- streams ------------------------------------------------------------------ */

HPDF_Dict hp_page_contents(HPDF_Page page) { return ((HPDF_PageAttr)page->attr)->contents; }

/* The bytes of a memory stream, gathered (malloc'd). */
static unsigned char *stream_bytes(HPDF_Stream s, size_t *n)
{
    HPDF_UINT cnt = HPDF_MemStream_GetBufCount(s);
    size_t total = HPDF_Stream_Size(s);
    unsigned char *buf = xmalloc(total ? total : 1);
    size_t at = 0;
    for (HPDF_UINT i = 0; i < cnt && at < total; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);
        if (!p) break;
        if (len > total - at) len = (HPDF_UINT)(total - at);
        memcpy(buf + at, p, len);
        at += len;
    }
    *n = at;
    return buf;
}

unsigned char *hp_stream_take(HPDF_Dict d, size_t *n)
{
    if (!d || !d->stream || d->write_fn) return NULL;
    unsigned char *raw = stream_bytes(d->stream, n);
    HPDF_MemStream_FreeData(d->stream);
    return raw;
}

/* libharu drops a /Filter entry from a stream whose filter flag is off, so the
 * entry is written by the dict's write hook instead. */
static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream out)
{
    (void)d;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

int hp_stream_put_deflated(HPDF_Dict d, const unsigned char *z, size_t zn)
{
    HPDF_MemStream_FreeData(d->stream);
    if (zn && HPDF_Stream_Write(d->stream, z, (HPDF_UINT)zn) != HPDF_OK) return -1;
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = write_filter;
    return 0;
}

int hp_stream_compress(HPDF_Dict d, pz_deflater *zd)
{
    if (!d || !d->stream || d->write_fn) return -1;
    size_t n, zn;
    unsigned char *raw = stream_bytes(d->stream, &n), *z;
    int rc = pz_deflate(zd, raw, n, &z, &zn);
    free(raw);
    if (rc < 0) return -1;
    rc = hp_stream_put_deflated(d, z, zn);
    free(z);
    return rc;
}

int hp_stream_set_compressed(HPDF_Dict d, const void *data, size_t n, pz_deflater *z)
{
    HPDF_MemStream_FreeData(d->stream);
    if (n && HPDF_Stream_Write(d->stream, data, (HPDF_UINT)n) != HPDF_OK) return -1;
    return hp_stream_compress(d, z);
}

/* ---- fonts -------------------------------------------------------------------- */

HPDF_FontDef hp_load_truetype(HPDF_Doc pdf, const char *path, const char **name)
{
    const char *nm = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    HPDF_FontDef def = nm ? HPDF_Doc_FindFontDef(pdf, nm) : NULL;
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return NULL;
    *name = nm;
    return def;
}

uint16_t hp_glyph_id(HPDF_FontDef def, uint32_t cp)
{
    return HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
}

int32_t hp_glyph_units(HPDF_FontDef def, uint32_t cp)
{
    return HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)cp);
}

HPDF_Font hp_font_sparse(HPDF_Doc pdf, const char *name)
{
    /* libharu 2.3.0 (CIDFontType2_New) looks up all 65,536 code points for a UTF-8
     * encoder and writes /W and the CIDToGIDMap for every one; for any other CMap
     * encoder it visits only the codes the encoder maps. So while it builds the font,
     * the UTF-8 encoder poses as such an encoder mapping only U+0020 (its code map is
     * otherwise empty); hp_font_finish then writes the real maps. */
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE) return NULL;
    HPDF_CMapEncoderAttr ea = (HPDF_CMapEncoderAttr)enc->attr;
    HPDF_Encoder_ToUnicode_Func fn = enc->to_unicode_fn;
    HPDF_UINT16 cid = ea->cid_map[0][0x20];
    HPDF_UNICODE uni = ea->unicode_map[0][0x20];
    enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
    ea->cid_map[0][0x20] = 0x20;
    ea->unicode_map[0][0x20] = 0x20;
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    enc->to_unicode_fn = fn;
    ea->cid_map[0][0x20] = cid;
    ea->unicode_map[0][0x20] = uni;
    return font;
}

int hp_font_finish(HPDF_Font font, HPDF_FontDef def, const uint32_t *cps,
                   const int32_t *units, size_t n, const unsigned char *map, size_t maplen,
                   const char *tounicode, size_t tulen, pz_deflater *z)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
    HPDF_MMgr mmgr = font->mmgr;

    /* libharu must not compress what we hand it compressed */
    font->filter = HPDF_STREAM_FILTER_NONE;

    /* /W: runs of consecutive code points */
    HPDF_Dict desc = fa->descendant_font;
    HPDF_Array w = HPDF_Dict_GetItem(desc, "W", HPDF_OCLASS_ARRAY);
    if (!w) return -1;
    HPDF_Array_Clear(w);
    HPDF_Array run = NULL;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        if (!run || c != cps[i - 1] + 1) {
            run = HPDF_Array_New(mmgr);
            if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)c) != HPDF_OK ||
                HPDF_Array_Add(w, run) != HPDF_OK)
                return -1;
        }
        if (HPDF_Array_AddNumber(run, units[i]) != HPDF_OK) return -1;
    }

    /* CIDToGIDMap: CID = code point */
    if (fa->map_stream && hp_stream_set_compressed(fa->map_stream, map, maplen, z) < 0) return -1;

    /* ToUnicode */
    HPDF_Dict tud = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (tud && tud->stream) {
        HPDF_Dict_RemoveElement(tud, "Type");
        HPDF_Dict_RemoveElement(tud, "CMapName");
        HPDF_Dict_RemoveElement(tud, "CIDSystemInfo");
        if (hp_stream_set_compressed(tud, tounicode, tulen, z) < 0) return -1;
    }

    /* The font descriptor and the subset font file, as libharu's own BeforeWrite
     * would make them, but compressed by us; with a descriptor present libharu only
     * links it. */
    if (!def->descriptor) {
        HPDF_Dict d = HPDF_Dict_New(mmgr);
        if (!d) return -1;
        HPDF_STATUS ret = HPDF_OK;
        if (da->embedding) {
            HPDF_Dict data = HPDF_DictStream_New(mmgr, fa->xref);
            if (!data) return -1;
            if (HPDF_TTFontDef_SaveFontData(def, data->stream) != HPDF_OK) return -1;
            if (hp_stream_compress(data, z) < 0) return -1;
            ret += HPDF_Dict_Add(d, "FontFile2", data);
            ret += HPDF_Dict_AddNumber(data, "Length1", da->length1);
            ret += HPDF_Dict_AddNumber(data, "Length2", 0);
            ret += HPDF_Dict_AddNumber(data, "Length3", 0);
        }
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
        if (ret != HPDF_OK) return -1;
        def->descriptor = d;
    }
    return 0;
}
