/* html_blocks.c - block nodes as HTML: headings re-levelled so the outline never skips,
 * numbered paragraphs and lists, appendices as sections, notices, quotes, code. */
#include "html_render.h"

#include <stdio.h>

#include "html_internal.h"

void hr_put_id(hctx *c, const char *id)
{
    if (!id) return;
    sb_puts(c->out, " id=\"");
    html_put_text(c->out, id);
    sb_putc(c->out, '"');
}

void hr_block(hctx *c, const rnode *n);
void hr_inline(hctx *c, const rnode *n);

void hr_inlines(hctx *c, const rnode *n)
{
    for (const rnode *k = n->first; k; k = k->next) {
        if (rnode_is_block(k)) hr_block(c, k);
        else hr_inline(c, k);
    }
}

/* Children that may be blocks or inlines. */
void hr_children(hctx *c, const rnode *n) { hr_inlines(c, n); }

/* ---- blocks -------------------------------------------------------------- */

static void put_num(hctx *c, const char *num)
{
    sb_puts(c->out, "<span class=\"num\">");
    html_put_text(c->out, num);
    sb_puts(c->out, "</span> ");
}

/* A heading at its rank in the outline (the report's: it never skips a level). */
static void hr_heading(hctx *c, const rnode *n)
{
    int rank = n->rank >= 1 && n->rank <= 6 ? n->rank : 2;
    sb_printf(c->out, "<h%d", rank);
    hr_put_id(c, n->id);
    sb_putc(c->out, '>');
    if (n->number && *n->number) put_num(c, n->number);
    hr_inlines(c, n);
    sb_printf(c->out, "</h%d>\n", rank);
}

static int in_tight_list(const rnode *n)
{
    return n->parent && n->parent->type == RN_ITEM && n->parent->parent &&
           n->parent->parent->type == RN_LIST && (n->parent->parent->flags & RF_TIGHT);
}

static void render_list(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    int numbered = n->first != NULL;
    for (const rnode *i = n->first; i; i = i->next)
        if (!i->number) numbered = 0;
    const char *tag = (n->flags & RF_ORDERED) || numbered ? "ol" : "ul";
    sb_printf(o, "<%s", tag);
    if (numbered) sb_puts(o, " class=\"np-list\"");
    else if ((n->flags & RF_ORDERED) && n->level != 1 && n->level != 0) sb_printf(o, " start=\"%d\"", n->level);
    sb_puts(o, ">\n");
    for (const rnode *i = n->first; i; i = i->next) {
        if (i->number) {
            sb_puts(o, "<li class=\"np\"");
            hr_put_id(c, i->id);
            sb_putc(o, '>');
            put_num(c, i->number);
        } else {
            sb_puts(o, "<li>");
        }
        hr_children(c, i);
        sb_puts(o, "</li>\n");
    }
    sb_printf(o, "</%s>\n", tag);
}

static void render_appendix(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    const rnode *title = n->first && n->first->type == RN_HEADING ? n->first : NULL;
    sb_printf(o, "<section class=\"appendix%s\"", (n->flags & RF_WIDE) ? " wide" : "");
    hr_put_id(c, n->id);
    if (title && title->id) {
        sb_puts(o, " aria-labelledby=\"");
        html_put_text(o, title->id);
        sb_puts(o, "\"");
    } else {
        sb_puts(o, " aria-label=\"");
        html_put_text(o, n->text);
        sb_puts(o, "\"");
    }
    sb_puts(o, ">\n");
    const rfurniture *f = c->furniture;
    for (const rnode *k = n->first; k; k = k->next) {
        hr_block(c, k);
        /* an exempt appendix of a private edition: marked under its title */
        if (k == title && f && f->part_mark && n->exempt >= 1 && n->exempt <= 7) {
            sb_puts(o, "<p class=\"exempt\"><strong>");
            html_put_text(o, f->part_mark);
            sb_puts(o, "</strong> &#8211; ");
            html_put_text(o, f->part_reason[n->exempt] ? f->part_reason[n->exempt] : "");
            sb_puts(o, "</p>\n");
        }
    }
    sb_puts(o, "</section>\n");
}

void hr_block(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    switch (n->type) {
    case RN_HEADING: hr_heading(c, n); break;
    case RN_PARAGRAPH:
        if (n->number && *n->number) {
            sb_puts(o, "<p class=\"np\"");
            hr_put_id(c, n->id);
            sb_putc(o, '>');
            put_num(c, n->number);
            hr_inlines(c, n);
            sb_puts(o, "</p>\n");
        } else if (in_tight_list(n)) {
            hr_inlines(c, n);
            if (n->next) sb_putc(o, '\n');
        } else {
            sb_puts(o, "<p>");
            hr_inlines(c, n);
            sb_puts(o, "</p>\n");
        }
        break;
    case RN_LIST: render_list(c, n); break;
    case RN_ITEM:
        sb_puts(o, "<div>");
        hr_children(c, n);
        sb_puts(o, "</div>\n");
        break;
    case RN_BLOCKQUOTE:
        sb_puts(o, "<blockquote>\n");
        hr_children(c, n);
        sb_puts(o, "</blockquote>\n");
        break;
    case RN_CODE_BLOCK:
        sb_puts(o, "<pre><code>");
        html_put_text(o, n->text);
        sb_puts(o, "</code></pre>\n");
        break;
    case RN_THEMATIC_BREAK: sb_puts(o, "<hr>\n"); break;
    case RN_TABLE: hr_table(c, n); break;
    case RN_NOTICE:
        sb_puts(o, "<div class=\"notice\" role=\"note\">\n");
        hr_children(c, n);
        sb_puts(o, "</div>\n");
        break;
    case RN_APPENDIX: render_appendix(c, n); break;
    case RN_FIGURE: hr_figure(c, n); break;
    case RN_BODY:
        sb_puts(o, "<div class=\"report-body\">\n");
        hr_children(c, n);
        sb_puts(o, "</div>\n");
        break;
    case RN_CAPTION:
    case RN_ROW:
    case RN_CELL:
    case RN_FIELD:
    case RN_FRONT_SHEET:
    case RN_FRONT_LINE:
    case RN_DOCUMENT:
        /* only inside their parents (html_table.c, html_page.c); should one stand
         * elsewhere, its content is shown so nothing is lost */
        hr_children(c, n);
        break;
    RN_INLINE_CASES:
        hr_inline(c, n);
        break;
    }
}
