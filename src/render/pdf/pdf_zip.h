/* pdf_zip.h - deflate for the PDF writer: a compressor, and a queue that compresses
 * finished pages on a second thread. Each PDF being written has its own of both, so
 * several PDFs can be made at once (in threads, or interleaved in one). */
#ifndef TABLED_PDF_ZIP_H
#define TABLED_PDF_ZIP_H

#include <hpdf.h>
#include <stddef.h>

/* One compressor (libdeflate, fixed level). Not shared between threads. */
typedef struct pz_deflater pz_deflater;

/* NULL when out of memory. */
pz_deflater *pz_deflater_new(void);
void pz_deflater_free(pz_deflater *z);
/* Deflates n bytes (zlib format): malloc'd result in *out, size *outn. 0 or -1.
 * Deterministic: the same input always gives the same bytes. */
int pz_deflate(pz_deflater *z, const void *in, size_t n, unsigned char **out, size_t *outn);

/* Pages compressed on a second thread: pz_pool_add takes a finished stream's bytes
 * out of libharu (freeing them there) and queues them; pz_pool_finish waits, helping
 * with z, and gives every stream its deflated bytes back, in order. */
typedef struct pz_pool pz_pool;
pz_pool *pz_pool_new(void);
int pz_pool_add(pz_pool *p, HPDF_Dict d);
/* Queues bytes written by us (malloc'd; the pool frees them) as stream d's data. */
int pz_pool_add_bytes(pz_pool *p, HPDF_Dict d, unsigned char *raw, size_t n);
int pz_pool_finish(pz_pool *p, pz_deflater *z);
void pz_pool_free(pz_pool *p);

#endif
