/* html_inline.c - inline nodes as HTML: text, emphasis, code, links (only those kept by
 * html_link_ok), badges, and images inlined as data: URIs (the PNG or JPEG
 * bytes the report builder checked) or replaced by their alternative text. */
#include "html_render.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/image_decode.h"
#include "html_internal.h"

/* The image's bytes were read and decoded when the report was built (report.h): they
 * are inlined as they are, never read from the file again. */
static void hr_image(hctx *c, const rnode *n)
{
    const rimage *img = c->d ? rdoc_image(c->d, n->url) : NULL;
    image_format fmt = img ? image_sniff(img->data, img->len) : 0;
    if (!fmt) {
        sb_puts(c->out, "<span class=\"img-alt\">");
        html_put_text(c->out, n->text && *n->text ? n->text : "[image]");
        sb_puts(c->out, "</span>");
        return;
    }
    sb_puts(c->out, "<img alt=\"");
    html_put_text(c->out, n->text);
    sb_puts(c->out, "\"");
    const unsigned char *u = img->data;
    if (fmt == IMAGE_PNG && img->len > 24) {
        unsigned long w = (unsigned long)u[16] << 24 | (unsigned long)u[17] << 16 |
                          (unsigned long)u[18] << 8 | u[19];
        unsigned long hgt = (unsigned long)u[20] << 24 | (unsigned long)u[21] << 16 |
                            (unsigned long)u[22] << 8 | u[23];
        if (w > 0 && hgt > 0 && w < 100000 && hgt < 100000)
            sb_printf(c->out, " width=\"%lu\" height=\"%lu\"", w, hgt);
    }
    sb_printf(c->out, " src=\"data:%s;base64,", fmt == IMAGE_PNG ? "image/png" : "image/jpeg");
    html_put_base64(c->out, img->data, img->len);
    sb_puts(c->out, "\">");
}

/* ---- inlines ------------------------------------------------------------- */

void hr_inline(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    switch (n->type) {
    case RN_TEXT: html_put_text(o, n->text); break;
    case RN_SOFTBREAK: sb_putc(o, '\n'); break;
    case RN_LINEBREAK: sb_puts(o, "<br>\n"); break;
    case RN_CODE:
        sb_puts(o, "<code>");
        html_put_text(o, n->text);
        sb_puts(o, "</code>");
        break;
    case RN_EMPH:
        sb_puts(o, "<em>");
        hr_inlines(c, n);
        sb_puts(o, "</em>");
        break;
    case RN_STRONG:
        sb_puts(o, "<strong>");
        hr_inlines(c, n);
        sb_puts(o, "</strong>");
        break;
    case RN_STRIKE:
        sb_puts(o, "<s>");
        hr_inlines(c, n);
        sb_puts(o, "</s>");
        break;
    case RN_LINK:
        /* the report kept only http, https, mailto, #anchors and relative paths; a
         * relative href is written so that nothing in it can read as a scheme */
        if (n->url && *n->url) {
            const char *u = n->url;
            while (*u == ' ' || *u == '\t' || *u == '\n') u++;
            sb_puts(o, "<a href=\"");
            if (html_link_ok(u)) html_put_url(o, u);
            else html_put_rel_href(o, u);
            sb_puts(o, "\">");
            if (n->first) hr_inlines(c, n);
            else html_put_text(o, u);
            sb_puts(o, "</a>");
        } else {
            hr_inlines(c, n);
        }
        break;
    case RN_IMAGE: hr_image(c, n); break;
    case RN_BADGE:
        sb_printf(o, "<span class=\"badge rag-%s\">", rag_level_id(n->rag));
        html_put_text(o, n->text);
        sb_puts(o, "</span>");
        break;
    RN_BLOCK_CASES:
        hr_block(c, n);     /* a block among inlines (a cell's content) */
        break;
    }
}
