/* pdf_xmp.h - the XMP metadata packet of a PDF (pdf_xmp.c). */
#ifndef TABLED_PDF_XMP_H
#define TABLED_PDF_XMP_H

#include "../../report/report.h"
#include "../../util/strbuf.h"

/* Appends the packet for document d (title, author, subject, language, dates when the
 * build has a time, the producer named) with the PDF/UA-1 identification. */
void xmp_packet(strbuf *b, const rdoc *d, const char *producer);

#endif
