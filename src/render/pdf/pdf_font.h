/* pdf_font.h - TrueType faces for the PDF writer: loaded when first measured, advances
 * cached by code point, subset maps written before saving (pdf_font.c). */
#ifndef TABLED_PDF_FONT_H
#define TABLED_PDF_FONT_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "pdf_zip.h"

enum { FACE_REGULAR = 0, FACE_BOLD = 1, FACE_ITALIC = 2, FACE_BOLD_ITALIC = 3, FACE__COUNT };

typedef struct {
    uint32_t cp;
    int32_t units;          /* advance in 1/1000 em; -1 when the font lacks the glyph */
} pf_slot;

typedef struct {
    HPDF_Font font;         /* NULL until first drawn (pfont_font) */
    HPDF_FontDef def;       /* NULL until first measured (lazy) */
    const char *name;       /* PostScript name libharu gave it */
    const char *file;       /* file name, for warnings */
    const char *dir;        /* font directory (lazy loading) */
    HPDF_Doc pdf;
    int failed;             /* loading the file failed */
    const char *why;        /* and why, when known ("is a damaged TrueType font") */
    int32_t ascii[128];     /* -2 not looked up yet, -1 missing, else units */
    pf_slot *slots;         /* open addressing; cp 0 = empty */
    size_t cap, len;
} pfont;

/* 1 when d is a TrueType font libharu can parse safely (font_check.c); else 0 with
 * *why ("is a damaged TrueType font"). */
int font_check(const unsigned char *d, size_t n, const char **why);

/* Loads font_dir/file into pdf and makes its libharu font at once (full code map);
 * 0 or -1 (libharu error pending). */
int pfont_load(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file);
/* Lazy: remembers the file; the font definition is read at the first measurement and
 * the libharu font is made at the first pfont_font. 0, or -1 if the file cannot be
 * opened. */
int pfont_init(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file);
/* The libharu font to draw with (made on first use), or NULL on failure. */
HPDF_Font pfont_font(pfont *f);
/* Before saving: writes the font's /W widths, CIDToGIDMap, ToUnicode CMap (bfrange,
 * for the code points measured) and embedded subset, compressed with z. 0 or -1. */
int pfont_finish(pfont *f, pz_deflater *z);
void pfont_free(pfont *f);
/* Advance of a code point in 1/1000 em, or -1 if the font cannot print it. */
int32_t pfont_units(pfont *f, uint32_t cp);
/* Width in points of valid, printable UTF-8 text (every glyph known to exist). */
double pfont_width(pfont *f, const char *s, size_t len, double size);

#endif
