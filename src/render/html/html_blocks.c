/* html_blocks.c - block nodes as HTML: headings re-levelled so the outline never skips,
 * numbered paragraphs and lists, appendices as sections, notices, quotes, code. */
#include "html_render.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "html_internal.h"

void hr_outline_reset(hctx *c, int base)
{
    c->hdepth = 0;
    c->hbase = base;
}

static int hr_outline_level(hctx *c, int src)
{
    while (c->hdepth > 0 && c->hsrc[c->hdepth - 1] >= src) c->hdepth--;
    int lvl = c->hdepth ? c->hhtml[c->hdepth - 1] + 1 : c->hbase;
    if (lvl > 6) lvl = 6;
    if (c->hdepth < 8) {
        c->hsrc[c->hdepth] = src;
        c->hhtml[c->hdepth] = lvl;
        c->hdepth++;
    }
    return lvl;
}

/* A valid, unique id from raw (prefix prepended): letters, digits, '-', '_' and '.'
 * kept, anything else becomes '-'. Returns the id (arena) or NULL when raw is empty. */
const char *hr_make_id(hctx *c, const char *prefix, const char *raw)
{
    if (!raw || !*raw) return NULL;
    strbuf b = STRBUF_INIT;
    sb_puts(&b, prefix);
    for (const unsigned char *p = (const unsigned char *)raw; *p; p++) {
        if (isalnum(*p) || *p == '-' || *p == '_') sb_putc(&b, (char)*p);
        else if (*p == '.' && prefix[0]) sb_putc(&b, '-');
        else if (*p == '.') sb_putc(&b, '.');
        else if (b.len && b.data[b.len - 1] != '-') sb_putc(&b, '-');
    }
    if (!b.len) sb_puts(&b, "x");
    char *id = arena_strdup(&c->ar, b.data);
    for (int k = 2; hashmap_get(&c->ids, id); k++) id = arena_printf(&c->ar, "%s-%d", b.data, k);
    hashmap_put(&c->ids, id, id);
    sb_free(&b);
    return id;
}

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

/* label: the number to print, or NULL for n->number. */
static void hr_heading(hctx *c, const rnode *n, const char *id, const char *label)
{
    int lvl = hr_outline_level(c, n->level > 0 ? n->level : 1);
    sb_printf(c->out, "<h%d", lvl);
    if (!id) id = n->id ? hr_make_id(c, "", n->id) : n->number ? hr_make_id(c, "s-", n->number) : NULL;
    hr_put_id(c, id);
    sb_putc(c->out, '>');
    if (label) put_num(c, label);
    else if (n->number && *n->number) put_num(c, n->number);
    hr_inlines(c, n);
    sb_printf(c->out, "</h%d>\n", lvl);
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
            hr_put_id(c, hr_make_id(c, "p-", i->number));
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
    const char *id = n->id ? hr_make_id(c, "", n->id) : n->number ? hr_make_id(c, "app-", n->number) : NULL;
    if (!id) id = hr_make_id(c, "", "appendix");
    const rnode *title = n->first && n->first->type == RN_HEADING ? n->first : NULL;
    const char *hid = title ? hr_make_id(c, "", arena_printf(&c->ar, "%s-title", id)) : NULL;
    sb_printf(o, "<section class=\"appendix%s\"", (n->flags & RF_WIDE) ? " wide" : "");
    hr_put_id(c, id);
    if (hid) {
        sb_puts(o, " aria-labelledby=\"");
        html_put_text(o, hid);
        sb_puts(o, "\"");
    } else {
        sb_puts(o, " aria-label=\"Appendix ");
        html_put_text(o, n->number);
        sb_puts(o, "\"");
    }
    sb_puts(o, ">\n");
    hr_outline_reset(c, 2);
    for (const rnode *k = n->first; k; k = k->next) {
        if (k == title) {
            /* a bare letter ("A") is printed as "Appendix A" */
            const char *label = NULL;
            if (k->number && n->number && !strcmp(k->number, n->number) &&
                strncasecmp(k->number, "Appendix", 8))
                label = arena_printf(&c->ar, "Appendix %s", k->number);
            hr_heading(c, k, hid, label);
            hr_outline_reset(c, 3);
        } else {
            hr_block(c, k);
        }
    }
    sb_puts(o, "</section>\n");
}

void hr_block(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    switch (n->type) {
    case RN_HEADING: hr_heading(c, n, NULL, NULL); break;
    case RN_PARAGRAPH:
        if (n->number && *n->number) {
            sb_puts(o, "<p class=\"np\"");
            hr_put_id(c, hr_make_id(c, "p-", n->number));
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
    case RN_BODY:
        sb_puts(o, "<div class=\"report-body\">\n");
        hr_outline_reset(c, 2);
        hr_children(c, n);
        sb_puts(o, "</div>\n");
        break;
    case RN_CAPTION:
    case RN_ROW:
    case RN_CELL:
    case RN_FIELD:
    case RN_FRONT_SHEET:
    case RN_DOCUMENT:
        /* only inside their parents; render the content so nothing is lost */
        hr_children(c, n);
        break;
    default:
        hr_inline(c, n);
        break;
    }
}
