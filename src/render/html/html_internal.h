/* html_internal.h - what the files of the HTML renderer share: the rendering context,
 * the escapers (html_escape.c) and the renderers of blocks (html_blocks.c), inlines
 * (html_inline.c), tables (html_table.c) and the page (html_page.c). */
#ifndef TABLED_HTML_INTERNAL_H
#define TABLED_HTML_INTERNAL_H

#include <stddef.h>

#include "../../model/house.h"
#include "../../report/report.h"
#include "../../util/strbuf.h"

typedef struct {
    strbuf *out;
    const rpalette *palette;    /* the document's colours by role */
    const rfurniture *furniture;    /* the document's marking of exempt parts */
    const rdoc *d;              /* the document (its images' bytes) */
} hctx;

/* ---- escaping (html_escape.c) ------------------------------------------------- */

/* Text or attribute value: & < > " ' escaped; invalid UTF-8 becomes U+FFFD; control
 * characters (other than tab and newline), C1 controls, bidi controls (utf8.h) and
 * noncharacters are dropped. */
void html_put_text(strbuf *out, const char *s);
/* A URL inside an attribute, percent-encoded where it would be invalid. */
void html_put_url(strbuf *out, const char *u);
/* 1 for the links kept: http:, https:, mailto: and #fragment. */
int html_link_ok(const char *u);
/* A relative href (a path under out/) that no part of can read as a scheme. */
void html_put_rel_href(strbuf *out, const char *path);
/* A CSS string literal that nothing in s can end. */
void html_put_css_string(strbuf *out, const char *s);
/* A stylesheet with every '<' that could start a tag escaped. */
void html_put_css(strbuf *out, const char *css);
void html_put_base64(strbuf *out, const unsigned char *p, size_t n);

/* ---- blocks (html_blocks.c) ----------------------------------------------------- */

/* id="..." when the node has an id (the report made it valid and unique). */
void hr_put_id(hctx *c, const char *id);
/* The children of n, each as a block or an inline. */
void hr_inlines(hctx *c, const rnode *n);
void hr_children(hctx *c, const rnode *n);
void hr_block(hctx *c, const rnode *n);

/* ---- inlines (html_inline.c) ------------------------------------------------------ */
void hr_inline(hctx *c, const rnode *n);

/* ---- figures (html_figure.c) ------------------------------------------------------ */
/* A figure: its caption, its display list as inline SVG with its text alternative,
 * and its data table (open, or collapsed when it is the figure's alternative). */
void hr_figure(hctx *c, const rnode *n);

/* ---- tables (html_table.c) -------------------------------------------------------- */
/* A cell or field value: a lone unnumbered paragraph is written without <p>. */
void hr_cell_content(hctx *c, const rnode *cell);
void hr_table(hctx *c, const rnode *t);

/* ---- the page (html_page.c) ------------------------------------------------------- */
int html_nonempty(const char *s);
/* The RAG classes in the palette's colours, and the accent when it reads on white. */
void html_put_palette_css(strbuf *out, const rpalette *p);
/* <!doctype html> to the stylesheet, the head left open. */
void html_page_head(strbuf *o, const char *lang, const char *title, const char *css);

#endif
