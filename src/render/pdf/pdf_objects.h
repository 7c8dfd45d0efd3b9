/* pdf_objects.h - PDF objects we write ourselves, after libharu's: kept compressed in
 * object streams, with a cross-reference stream for the whole file (PDF 1.5 and later).
 *
 * A tagged PDF has an object for every structure element - tens of thousands in a long
 * paper. libharu would write each as an indirect object of its own, uncompressed, with
 * a 20-byte line in its cross-reference table, and keep a dictionary of 128-byte keys
 * for it in memory. Ours are bytes in a buffer: pdf_tag_write.c numbers and serialises
 * them, this file gathers them in object streams and, once libharu has written its
 * objects (pdf_writer.c stops its output where its cross-reference table would begin),
 * appends the object streams and one cross-reference stream for every object, libharu's
 * and ours. Objects alike in shape are grouped in streams of fixed-width rows predicted
 * row by row (PNG Up, as cross-reference streams themselves usually are), so that ten
 * thousand table cells cost a few bytes each. The output depends only on the objects
 * added, never on timing. */
#ifndef TABLED_PDF_OBJECTS_H
#define TABLED_PDF_OBJECTS_H

#include <stddef.h>
#include <stdint.h>

#include "../../util/strbuf.h"
#include "pdf_zip.h"

typedef struct pobjects pobjects;

pobjects *pobj_new(void);
void pobj_free(pobjects *o);

/* Our objects are numbered from base on (base: one more than libharu's last). */
void pobj_start(pobjects *o, uint32_t base);
/* The number the next object added gets. */
uint32_t pobj_next(const pobjects *o);
/* A group of objects kept together: row 0, a plain object stream; row > 0, each
 * object padded with spaces to a whole number of rows of that many bytes and the
 * stream predicted row by row. Returns the group's id. */
int pobj_group(pobjects *o, size_t row);
/* Adds an object (its serialised bytes) to group g; returns its number. */
uint32_t pobj_add(pobjects *o, int g, const char *s, size_t n);
/* The number of objects there will be in all (libharu's, ours, the object streams and
 * the cross-reference stream), an upper bound while objects are still being added
 * when more_objects says how many are still to come. */
uint32_t pobj_size_bound(const pobjects *o, size_t more_objects);

/* Appends to out (libharu's output from byte origin on, cut where its cross-reference
 * table began) our object streams, the cross-reference stream (offsets[i] is libharu's
 * object i, for 0 < i < base, from origin) and the end of the file. root and info are
 * the catalog's and the information dictionary's numbers (info 0: none); id the file's
 * identifier. 0 or -1. */
int pobj_write(pobjects *o, strbuf *out, size_t origin, const uint32_t *offsets, uint32_t root,
               uint32_t info, const unsigned char id[16], pz_deflater *z);

#endif
