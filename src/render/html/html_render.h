/* html_render.h - one paper as a self-contained, accessible HTML5 file, and the index of
 * every paper.
 *
 * The renderer only walks the report description (report.h): every number, label and
 * status word is already in the tree. All text is escaped; links are kept only for
 * http:, https:, mailto: and #fragment URLs; images are inlined as data: URIs (PNG or
 * JPEG, up to HTML_IMAGE_MAX bytes) or replaced by their alt text. No JavaScript and no
 * external resources, so the file can be mailed, archived or opened offline. */
#ifndef TABLED_HTML_RENDER_H
#define TABLED_HTML_RENDER_H

#include <stddef.h>

#include "../../model/house.h"
#include "../../report/report.h"
#include "../../util/strbuf.h"

/* Largest image file inlined (bytes); larger ones are replaced by their alt text. */
#define HTML_IMAGE_MAX ((size_t)4 * 1024 * 1024)

/* Appends the paper to out. css is the stylesheet to inline (templates/html/paper.css);
 * NULL uses a small built-in one. d must be finished (rdoc_finish): its palette,
 * furniture, ids and ranks are drawn as they are. */
void html_render(const rdoc *d, const char *css, strbuf *out);

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
