/* html_inline.c - inline nodes as HTML: text, emphasis, code, links (only those kept by
 * html_link_ok), badges, and images inlined as data: URIs (PNG or JPEG up to
 * HTML_IMAGE_MAX bytes) or replaced by their alternative text. */
#include "html_render.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/fileio.h"
#include "html_internal.h"

static void hr_image(hctx *c, const rnode *n)
{
    char *data = NULL;
    size_t len = 0;
    const char *why = NULL;
    const char *mime = NULL;
    if (n->url && *n->url && read_file(n->url, HTML_IMAGE_MAX, &data, &len, &why) == 0) {
        const unsigned char *u = (const unsigned char *)data;
        if (len > 24 && !memcmp(u, "\x89PNG\r\n\x1a\n", 8)) mime = "image/png";
        else if (len > 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF) mime = "image/jpeg";
    }
    if (!mime) {
        sb_puts(c->out, "<span class=\"img-alt\">");
        html_put_text(c->out, n->text && *n->text ? n->text : "[image]");
        sb_puts(c->out, "</span>");
        free(data);
        return;
    }
    sb_puts(c->out, "<img alt=\"");
    html_put_text(c->out, n->text);
    sb_puts(c->out, "\"");
    if (!strcmp(mime, "image/png")) {
        const unsigned char *u = (const unsigned char *)data;
        unsigned long w = (unsigned long)u[16] << 24 | (unsigned long)u[17] << 16 |
                          (unsigned long)u[18] << 8 | u[19];
        unsigned long hgt = (unsigned long)u[20] << 24 | (unsigned long)u[21] << 16 |
                            (unsigned long)u[22] << 8 | u[23];
        if (w > 0 && hgt > 0 && w < 100000 && hgt < 100000)
            sb_printf(c->out, " width=\"%lu\" height=\"%lu\"", w, hgt);
    }
    sb_printf(c->out, " src=\"data:%s;base64,", mime);
    html_put_base64(c->out, (const unsigned char *)data, len);
    sb_puts(c->out, "\">");
    free(data);
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
