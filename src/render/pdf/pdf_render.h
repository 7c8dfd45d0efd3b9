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

/* ---- packs: several documents as one, numbered through ---------------------------- */

/* Lays d out once and draws its pages into each of the n writers, which must share a
 * house style and fonts (a pack's public and private PDFs): as pdf_writer_add for each,
 * at the cost of one layout. Writer ws[0] reports the warnings. 0 or -1. */
int pdf_writers_add(pdf_writer **ws, size_t n, const rdoc *d);
/* The number of pages d takes, laid out in w's fonts and drawn nowhere (no warnings;
 * for a document without images, such as an agenda). */
size_t pdf_writer_measure(pdf_writer *w, const rdoc *d);
/* Every page numbered through the PDF: "Page 17", or with a prefix "Page S17" (and the
 * page labels S1, S2 ... for viewers), in place of each document's "Page N of M". */
void pdf_writer_pack_numbering(pdf_writer *w, const char *prefix);
/* A top-level bookmark (closed), made now so that bookmarks keep the order they are
 * made in, pointed at a page later; returns its number. */
size_t pdf_writer_bookmark(pdf_writer *w, const char *title);
/* The bookmarks of the documents added from now on go beneath bookmark bm ((size_t)-1:
 * at the top level). */
void pdf_writer_nest(pdf_writer *w, size_t bm);
/* Points bookmark bm at the top of page (0-based, in the PDF's order). */
void pdf_writer_bookmark_page(pdf_writer *w, size_t bm, size_t page);
/* Points bookmark bm at the anchor id (a node's id) of document doc (0-based, in the
 * order added); returns its page, or (size_t)-1 when there is no such anchor. */
size_t pdf_writer_bookmark_anchor(pdf_writer *w, size_t bm, size_t doc, const char *id);
/* The page (0-based) of the anchor id of document doc, or (size_t)-1. */
size_t pdf_writer_anchor_page(const pdf_writer *w, size_t doc, const char *id);
/* The pages drawn so far, and the documents added. */
size_t pdf_writer_pages(const pdf_writer *w);
size_t pdf_writer_docs(const pdf_writer *w);
/* Document doc's first page (0-based, in the PDF's order; (size_t)-1 when it has none)
 * and its number of pages. */
void pdf_writer_doc_pages(const pdf_writer *w, size_t doc, size_t *first, size_t *count);
/* The pages of the documents added next go before the page now at index page (an
 * agenda laid out after the papers it lists); page >= pdf_writer_pages: at the end. */
void pdf_writer_insert_before(pdf_writer *w, size_t page);

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
