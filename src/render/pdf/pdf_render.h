/* pdf_render.h - the PDF renderer: typesets one report description on libharu.
 *
 * pdf_render lays the document out (its own line breaking, tables, pagination into
 * pages of positioned boxes) and draws each page, with its bookmarks and links, as
 * soon as it is complete, freeing its boxes; the furniture ("Page N of M", running
 * head, exempt marking) follows in content streams of its own once the page count is
 * known, then the metadata. No clock is read: CreationDate/ModDate come from
 * SOURCE_DATE_EPOCH when it is set and are omitted otherwise; the /ID is a hash of the
 * inputs, so two runs give the same bytes. */
#ifndef TABLED_PDF_RENDER_H
#define TABLED_PDF_RENDER_H

#include "../../model/house.h"
#include "../../report/report.h"
#include "../../util/diag.h"
#include "../../util/strbuf.h"

/* Several documents in one PDF, and several PDFs at once: a writer owns everything
 * one PDF needs (libharu document, fonts, compressors, the page-compressing thread),
 * so writers are independent of each other and may be used from different threads.
 * pdf_writer_new makes one (NULL, with the error in diags, when a font cannot be
 * loaded); pdf_writer_add lays a document out and draws its pages, after any added
 * before (the document must live until finish); pdf_writer_finish draws the page
 * furniture ("Page N of M" counts every page of the writer), adds the metadata (from
 * the first document) and appends the PDF to out: 0, or -1 with an error in diags and
 * out as it was. Warnings go to diags with the node's source position. */
typedef struct pdf_writer pdf_writer;
pdf_writer *pdf_writer_new(const house_style *h, const char *font_dir, diag_list *diags);
int pdf_writer_add(pdf_writer *w, const rdoc *d);
int pdf_writer_finish(pdf_writer *w, strbuf *out);
void pdf_writer_free(pdf_writer *w);

/* Renders d in house style h. Fonts are read from font_dir joined with h->font_regular,
 * h->font_bold, h->font_italic and h->font_bold_italic. On success returns 0 and
 * appends the PDF bytes to out; warnings (a character the font lacks, an image that
 * cannot be read) go to diags with the node's source position. On failure returns -1
 * with an error in diags; out is left as it was. Never writes a file. */
int pdf_render(const rdoc *d, const house_style *h, const char *font_dir, strbuf *out,
               diag_list *diags);

/* Statistics of the last layout, for tests and benchmarks (pages, lines, rows). */
typedef struct {
    size_t pages, lines, rows, breaks_fallback;
} pdf_stats;

/* As pdf_render, and fills *stats when stats is not NULL. */
int pdf_render_ex(const rdoc *d, const house_style *h, const char *font_dir,
                  strbuf *out, diag_list *diags, pdf_stats *stats);

/* The statistics of everything the writer has laid out so far. */
pdf_stats pdf_writer_stats(const pdf_writer *w);

#endif
