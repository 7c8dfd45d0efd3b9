/* html_page.c - one paper as a self-contained HTML5 page (see html_render.h).
 *
 * Structure of a paper:
 *   <header class="front-sheet">  exempt banner, the masthead lines (organisation,
 *                                 heading and item, date), the title as h1, <dl> of the
 *                                 fields (or the title as the h1 of its field)
 *   <main>                        the numbered body, then each appendix as a <section>
 *   <footer>                      the colophon and exempt marking
 * Every line, field, id and word comes from the report description. */
#include "html_render.h"

#include <ctype.h>
#include <string.h>

#include "html_internal.h"

/* ---- colours ------------------------------------------------------------- */

void html_put_palette_css(strbuf *out, const rpalette *p)
{
    for (int l = LEVEL_COMPLETE; l <= LEVEL_RED; l++)
        sb_printf(out, ".rag-%s{background-color:#%06X;color:#%06X}\n", rag_level_id((rag_level)l),
                  p->rag[l].fill, p->rag[l].ink);
    if (p->accent_is_text) sb_printf(out, ":root{--accent:#%06X}\n", p->accent);
}

/* ---- the front sheet ------------------------------------------------------ */

int html_nonempty(const char *s) { return s && *s; }

static void exempt_banner(strbuf *o, const rfurniture *f, const char *cls)
{
    sb_printf(o, "<p class=\"%s\"><strong>", cls);
    html_put_text(o, f->exempt_mark);
    sb_puts(o, "</strong> &#8211; ");
    html_put_text(o, f->exempt_reason);
}

static void masthead_line(strbuf *o, const rnode *n)
{
    switch ((rfront_role)n->role) {
    case FRONT_ORGANISATION:
        sb_puts(o, "<p class=\"org\">");
        html_put_text(o, n->text);
        sb_puts(o, "</p>\n");
        break;
    case FRONT_HEADING:
        sb_puts(o, "<p class=\"variant\">");
        html_put_text(o, n->text);
        if (n->aside) {
            sb_puts(o, html_nonempty(n->text) ? " <span class=\"item\">" : "<span class=\"item\">");
            html_put_text(o, n->aside);
            sb_puts(o, "</span>");
        }
        sb_puts(o, "</p>\n");
        break;
    case FRONT_KIND:
        sb_puts(o, "<p class=\"kind\">");
        html_put_text(o, n->text);
        sb_puts(o, "</p>\n");
        break;
    case FRONT_DATE:
        sb_puts(o, "<p class=\"date\">");
        html_put_text(o, n->text);
        sb_puts(o, "</p>\n");
        break;
    case FRONT_TITLE:   /* after the masthead: render_front */
        break;
    }
}

/* The front sheet as the report describes it: the exempt banner, the masthead lines,
 * the title, the fields (a field that carries the title shows it as the h1). */
static void render_front(hctx *c, const rdoc *d, const rnode *fs)
{
    strbuf *o = c->out;
    sb_puts(o, "<header class=\"front-sheet\">\n");
    if (d->furniture.exempt_mark) {
        exempt_banner(o, &d->furniture, "exempt");
        sb_puts(o, "</p>\n");
    }
    const rnode *k = fs->first;
    int any = 0;
    for (const rnode *n = k; n && n->type == RN_FRONT_LINE; n = n->next) any |= n->role != FRONT_TITLE;
    if (any) {
        sb_puts(o, "<div class=\"masthead\">\n");
        for (const rnode *n = k; n && n->type == RN_FRONT_LINE; n = n->next) masthead_line(o, n);
        sb_puts(o, "</div>\n");
    }
    for (; k && k->type == RN_FRONT_LINE; k = k->next) {
        if (k->role != FRONT_TITLE) continue;
        sb_puts(o, "<h1>");
        html_put_text(o, k->text);
        sb_puts(o, "</h1>\n");
    }
    if (k) {
        sb_puts(o, "<dl class=\"fields\">\n");
        for (; k; k = k->next) {
            if (k->type != RN_FIELD) {
                hr_block(c, k);
                continue;
            }
            sb_puts(o, (k->flags & RF_TITLE) ? "<div class=\"title\"><dt>" : "<div><dt>");
            html_put_text(o, k->text);
            sb_puts(o, "</dt><dd>");
            if (k->flags & RF_TITLE) {
                sb_puts(o, "<h1>");
                hr_cell_content(c, k);
                sb_puts(o, "</h1>");
            } else {
                hr_cell_content(c, k);
            }
            sb_puts(o, "</dd></div>\n");
        }
        sb_puts(o, "</dl>\n");
    }
    sb_puts(o, "</header>\n");
}

static const char fallback_css[] =
    "body{font-family:Arial,\"Liberation Sans\",Helvetica,sans-serif;line-height:1.5;"
    "max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}"
    "table{border-collapse:collapse}th,td{border:1px solid #8a94a3;padding:.25rem .5rem;"
    "text-align:left;vertical-align:top}.num{font-weight:bold;margin-right:.5em}"
    ".notice,.exempt{border:2px solid #1a1a1a;padding:.5rem 1rem}\n";

/* A language tag of letters and digits in subtags of 1 to 8, else "en-GB". */
static int lang_ok(const char *s)
{
    if (!html_nonempty(s) || strlen(s) > 35) return 0;
    size_t run = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '-') {
            if (!run) return 0;
            run = 0;
        } else if (isalnum((unsigned char)*p)) {
            if (++run > 8) return 0;
        } else {
            return 0;
        }
    }
    return run > 0 && isalpha((unsigned char)s[0]);
}

void html_page_head(strbuf *o, const char *lang, const char *title, const char *css)
{
    sb_puts(o, "<!doctype html>\n<html lang=\"");
    html_put_text(o, lang_ok(lang) ? lang : "en-GB");
    sb_puts(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"tabled\">\n<title>");
    html_put_text(o, title);
    sb_puts(o, "</title>\n<style>\n");
    html_put_css(o, css ? css : fallback_css);
    sb_puts(o, "\n</style>\n");
}

void html_render(const rdoc *d, const char *css, strbuf *out)
{
    hctx c;
    memset(&c, 0, sizeof c);
    c.out = out;
    c.palette = &d->palette;
    c.furniture = &d->furniture;
    c.d = d;
    const rfurniture *f = &d->furniture;
    html_page_head(out, d->lang, f->window_title ? f->window_title : "", css);

    sb_puts(out, "<style>\n");
    html_put_palette_css(out, &d->palette);
    /* print: running head and page numbers in the page margins */
    sb_puts(out, "@media print{@page{@top-left{content:");
    html_put_css_string(out, f->window_title ? f->window_title : "");
    sb_puts(out, "}");
    if (f->exempt_mark) {
        strbuf ex = STRBUF_INIT;
        sb_printf(&ex, "%s - %s", f->exempt_mark, f->exempt_reason ? f->exempt_reason : "");
        sb_puts(out, "@top-right{content:");
        html_put_css_string(out, ex.data);
        sb_puts(out, "}");
        sb_free(&ex);
    }
    sb_puts(out, "}}\n</style>\n</head>\n<body>\n");

    const rnode *root = d->root;
    for (const rnode *k = root ? root->first : NULL; k; k = k->next)
        if (k->type == RN_FRONT_SHEET) render_front(&c, d, k);
    sb_puts(out, "<main id=\"main\">\n");
    for (const rnode *k = root ? root->first : NULL; k; k = k->next)
        if (k->type != RN_FRONT_SHEET) hr_block(&c, k);
    sb_puts(out, "</main>\n<footer class=\"page-foot\">\n<p>");
    html_put_text(out, f->colophon);
    if (f->exempt_mark) {
        sb_puts(out, "</p>\n");
        exempt_banner(out, f, "exempt-foot");
    }
    sb_puts(out, "</p>\n</footer>\n</body>\n</html>\n");
}
