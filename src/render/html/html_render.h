/* html_render.h - one paper as a self-contained, accessible HTML5 file, and the index of
 * every paper.
 *
 * The renderer only walks the report description (report.h): every number, label and
 * status word is already in the tree. All text is escaped; links are kept only for
 * http:, https:, mailto: and #fragment URLs; images are inlined as data: URIs (the
 * PNG or JPEG bytes the report builder checked, report.h). No JavaScript and no
 * external resources, so the file can be mailed, archived or opened offline. */
#ifndef TABLED_HTML_RENDER_H
#define TABLED_HTML_RENDER_H

#include <stddef.h>

#include "../../model/house.h"
#include "../../report/report.h"
#include "../../util/strbuf.h"

/* Appends the paper to out. css is the stylesheet to inline (templates/html/paper.css);
 * NULL uses a small built-in one. h supplies the RAG colours (NULL: the default house
 * style); a colour pair under 4.5:1 contrast gets black or white ink instead. */
void html_render(const rdoc *d, const house_style *h, const char *css, strbuf *out);

typedef struct {
    const char *committee;
    const char *meeting_date;   /* printed: "13 May 2009" */
    const char *meeting_iso;    /* "2009-05-13", for sorting */
    const char *item;
    const char *subject;
    const char *organisation;
    const char *html_href;      /* relative to the index: "norwich-hip/update.html" */
    const char *pdf_href;       /* or NULL */
    rdoc_summary summary;
} html_index_entry;

/* Appends out/index.html: every paper newest first (ties by subject, then given order),
 * with its RAG summary and links, in the house style's RAG colours (h NULL: defaults). */
void html_index(const html_index_entry *entries, size_t n, const house_style *h, const char *css,
                strbuf *out);

#endif
