/* html_render.h - a report description (a paper, or the index of every paper) as a
 * self-contained, accessible HTML5 file.
 *
 * The renderer only walks the report description (report.h): every number, label and
 * status word is already in the tree. All text is escaped; a link is written as http:,
 * https:, mailto:, a #fragment or a relative path that cannot read as a scheme;
 * images are inlined as data: URIs (the PNG or JPEG bytes the report builder checked,
 * report.h). No JavaScript and no external resources, so the file can be mailed,
 * archived or opened offline. */
#ifndef TABLED_HTML_RENDER_H
#define TABLED_HTML_RENDER_H

#include <stddef.h>

#include "../../report/report.h"
#include "../../util/strbuf.h"

/* Appends the paper to out. css is the stylesheet to inline (templates/html/paper.css);
 * NULL uses a small built-in one. d must be finished (rdoc_finish): its palette,
 * furniture, ids and ranks are drawn as they are. */
void html_render(const rdoc *d, const char *css, strbuf *out);

#endif
