/* pdf_libharu.h - the one door to libharu's internals.
 *
 * libharu's public API (hpdf.h) draws pages, makes fonts, outlines and annotations,
 * but some of what tabled needs is only reachable through its internal structs: the
 * page's content stream (to compress it ourselves, on another thread), the catalog
 * and trailer (/Lang, /ID), the PDF version, and a Type0 font built without its
 * 65,536-entry maps. Every such access is in pdf_libharu.c, written for libharu 2.3.0
 * and refused by the compiler for any other version; every other file includes only
 * hpdf.h and this header, and touches no libharu struct field. The functions are ours
 * (prefix hp_); each says what it does in PDF terms. */
#ifndef TABLED_PDF_LIBHARU_H
#define TABLED_PDF_LIBHARU_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "pdf_zip.h"

/* ---- the document ---------------------------------------------------------- */

/* Declares PDF 1.7 (libharu writes 1.3; PDF/UA-1 is built on PDF 1.7, and the object
 * and cross-reference streams pdf_objects.c writes need 1.5). */
void hp_use_pdf_17(HPDF_Doc pdf);
/* /Lang (lang) in the catalog. 0 or -1. */
int hp_set_lang(HPDF_Doc pdf, const char *lang);
/* The catalog's and the information dictionary's object numbers (0: none). */
void hp_doc_nums(HPDF_Doc pdf, uint32_t *catalog, uint32_t *info);
/* Marks the document tagged: /MarkInfo <</Marked true>>, /ViewerPreferences
 * <</DisplayDocTitle true>>, and /StructTreeRoot n 0 R where n is read from *root
 * when the catalog is written (it is one of our objects, numbered after libharu's).
 * 0 or -1. */
int hp_set_tagged(HPDF_Doc pdf, const uint32_t *root);
/* An XMP metadata stream (/Type /Metadata /Subtype /XML, not compressed: tools read
 * it as it is) as the catalog's /Metadata. 0 or -1. */
int hp_set_metadata(HPDF_Doc pdf, const char *xmp, size_t n);

/* ---- objects ------------------------------------------------------------------ */

/* The object number of a libharu object (a page, an annotation), 0 if it has none. */
uint32_t hp_obj_num(const void *obj);
/* The number the next object libharu makes will get: one more than its last. */
uint32_t hp_object_count(HPDF_Doc pdf);
/* After HPDF_SaveToStream: the byte offset of each object libharu wrote (offsets[i]
 * for 0 < i < n, n = hp_object_count) and where its cross-reference table begins, the
 * end of its objects. 0, or -1 when libharu's numbering changed while it saved. */
int hp_saved_offsets(HPDF_Doc pdf, uint32_t *offsets, uint32_t n, uint32_t *xref_at);

/* ---- pages and annotations ------------------------------------------------------ */

/* The page's resource name for a font or an image, registering it there. */
const char *hp_page_font_name(HPDF_Page page, HPDF_Font font);
const char *hp_page_image_name(HPDF_Page page, HPDF_Image img);
/* /StructParents key on a page. 0 or -1. */
int hp_page_struct_parents(HPDF_Page page, int key);
/* An annotation in the structure: /StructParent key, /Contents (UTF-8 text, its
 * description), and /Tabs /S on its page. 0 or -1. */
int hp_annot_tag(HPDF_Annotation a, HPDF_Page page, int key, const char *contents,
                 HPDF_Encoder utf8);

/* ---- streams ------------------------------------------------------------------ */

/* The page's current content stream (a stream dict). */
HPDF_Dict hp_page_contents(HPDF_Page page);
/* Takes the bytes out of a stream dict written by libharu (malloc'd, length in *n)
 * and frees them there; NULL when d is no plain stream dict (or its data is already
 * ours). */
unsigned char *hp_stream_take(HPDF_Dict d, size_t *n);
/* Gives a stream dict deflated bytes (zlib format): libharu writes them as they are,
 * with /Filter /FlateDecode. 0 or -1. */
int hp_stream_put_deflated(HPDF_Dict d, const unsigned char *z, size_t zn);
/* Replaces a stream dict's data with n raw bytes and deflates them with z. 0 or -1. */
int hp_stream_set_compressed(HPDF_Dict d, const void *data, size_t n, pz_deflater *z);
/* Deflates the data libharu wrote into a stream dict, in place. 0 or -1. */
int hp_stream_compress(HPDF_Dict d, pz_deflater *z);

/* ---- fonts -------------------------------------------------------------------- */

/* Loads a TrueType file (embedded, subset) and returns its font definition, with the
 * PostScript name libharu gave it in *name; NULL on failure (a libharu error may be
 * pending). */
HPDF_FontDef hp_load_truetype(HPDF_Doc pdf, const char *path, const char **name);
/* The glyph id of a BMP code point in the font (0: none). */
uint16_t hp_glyph_id(HPDF_FontDef def, uint32_t cp);
/* The advance of a code point in 1/1000 em as libharu writes it (rounded down), and
 * marks the glyph used for the subset. The glyph must exist (hp_glyph_id). */
int32_t hp_glyph_units(HPDF_FontDef def, uint32_t cp);
/* The UTF-8 Type0 font of a loaded definition, made without libharu's maps for all
 * 65,536 code points (hp_font_finish writes the real ones). NULL on failure. */
HPDF_Font hp_font_sparse(HPDF_Doc pdf, const char *name);
/* Before saving: the font's /W widths for cps[i] (units[i]), its CIDToGIDMap (map,
 * two bytes a code point from 0), its ToUnicode CMap (tounicode), and its descriptor
 * with the subset font file, every stream deflated with z. 0 or -1. */
int hp_font_finish(HPDF_Font font, HPDF_FontDef def, const uint32_t *cps,
                   const int32_t *units, size_t n, const unsigned char *map, size_t maplen,
                   const char *tounicode, size_t tulen, pz_deflater *z);

#endif
