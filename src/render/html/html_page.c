/* html_page.c - one paper as a self-contained HTML5 page (see html_render.h).
 *
 * Structure of a paper:
 *   <header class="front-sheet">  exempt banner, organisation, "Report to ...", h1 subject,
 *                                 <dl> of the front-sheet fields
 *   <main>                        the numbered body, then each appendix as a <section>
 *   <footer>                      organisation, committee, date */
#include "html_render.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "html_internal.h"

/* ---- colours ------------------------------------------------------------- */

static double channel(unsigned v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(unsigned rgb)
{
    return 0.2126 * channel((rgb >> 16) & 255) + 0.7152 * channel((rgb >> 8) & 255) +
           0.0722 * channel(rgb & 255);
}

static double contrast(unsigned a, unsigned b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}

/* Ink for a fill: the house's if it reaches 4.5:1, else near-black or white. */
static unsigned safe_ink(unsigned fill, unsigned ink)
{
    if (contrast(fill, ink) >= 4.5) return ink;
    return contrast(fill, 0x1A1A1A) >= contrast(fill, 0xFFFFFF) ? 0x1A1A1A : 0xFFFFFF;
}

void html_put_rag_css(strbuf *out, const house_style *h)
{
    for (int l = LEVEL_COMPLETE; l <= LEVEL_RED; l++) {
        unsigned fill = h->rag[l].fill & 0xFFFFFF;
        unsigned ink = safe_ink(fill, h->rag[l].ink & 0xFFFFFF);
        sb_printf(out, ".rag-%s{background-color:#%06X;color:#%06X}\n", rag_level_id((rag_level)l),
                  fill, ink);
    }
    unsigned accent = h->accent & 0xFFFFFF;
    if (contrast(accent, 0xFFFFFF) >= 4.5) sb_printf(out, ":root{--accent:#%06X}\n", accent);
}

/* ---- document ------------------------------------------------------------ */

int html_nonempty(const char *s) { return s && *s; }

static int field_named(const rnode *fs, const char *const *names)
{
    if (!fs) return 0;
    for (const rnode *f = fs->first; f; f = f->next) {
        if (f->type != RN_FIELD || !f->text) continue;
        for (const char *const *nm = names; *nm; nm++)
            if (!strcasecmp(f->text, *nm)) return 1;
    }
    return 0;
}

static void put_meta_pair(strbuf *o, const char *label, const char *value)
{
    sb_puts(o, "<div><dt>");
    html_put_text(o, label);
    sb_puts(o, "</dt><dd>");
    html_put_text(o, value);
    sb_puts(o, "</dd></div>\n");
}

static void exempt_text(strbuf *o, int para)
{
    sb_printf(o, "paragraph %d of Part 1 of Schedule 12A to the Local Government Act 1972", para);
}

static void render_front(hctx *c, const rdoc *d, const rnode *fs)
{
    strbuf *o = c->out;
    sb_puts(o, "<header class=\"front-sheet\">\n");
    if (d->exempt_paragraph > 0) {
        sb_puts(o, "<p class=\"exempt\"><strong>NOT FOR PUBLICATION</strong> &#8211; ");
        exempt_text(o, d->exempt_paragraph);
        sb_puts(o, "</p>\n");
    }
    sb_puts(o, "<div class=\"masthead\">\n");
    if (html_nonempty(d->organisation)) {
        sb_puts(o, "<p class=\"org\">");
        html_put_text(o, d->organisation);
        sb_puts(o, "</p>\n");
    }
    if (html_nonempty(d->variant_title) || html_nonempty(d->committee)) {
        sb_puts(o, "<p class=\"variant\">");
        if (html_nonempty(d->variant_title)) {
            html_put_text(o, d->variant_title);
        } else {
            sb_puts(o, "Report to ");
            html_put_text(o, d->committee);
        }
        sb_puts(o, "</p>\n");
    }
    sb_puts(o, "</div>\n<h1>");
    html_put_text(o, html_nonempty(d->subject) ? d->subject : html_nonempty(d->title) ? d->title : "Report");
    sb_puts(o, "</h1>\n");

    static const char *const item_names[] = {"Item", "Agenda item", "Item number", NULL};
    static const char *const date_names[] = {"Date", "Meeting date", "Date of meeting", NULL};
    int any = 0;
    if (html_nonempty(d->item) && !field_named(fs, item_names)) any = 1;
    if (html_nonempty(d->meeting_date) && !field_named(fs, date_names)) any = 1;
    if (fs)
        for (const rnode *f = fs->first; f; f = f->next)
            if (f->type == RN_FIELD) any = 1;
    if (any) {
        sb_puts(o, "<dl class=\"fields\">\n");
        if (html_nonempty(d->item) && !field_named(fs, item_names)) put_meta_pair(o, "Item", d->item);
        if (html_nonempty(d->meeting_date) && !field_named(fs, date_names))
            put_meta_pair(o, "Date", d->meeting_date);
        hr_outline_reset(c, 2);
        for (const rnode *f = fs ? fs->first : NULL; f; f = f->next) {
            if (f->type != RN_FIELD) continue;
            sb_puts(o, "<div><dt>");
            html_put_text(o, f->text);
            sb_puts(o, "</dt><dd>");
            hr_cell_content(c, f);
            sb_puts(o, "</dd></div>\n");
        }
        sb_puts(o, "</dl>\n");
    }
    sb_puts(o, "</header>\n");
}

static void html_title_part(strbuf *t, const char *s)
{
    if (!html_nonempty(s)) return;
    if (t->len) sb_puts(t, " \xE2\x80\x93 ");
    sb_puts(t, s);
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

void html_render(const rdoc *d, const house_style *h, const char *css, strbuf *out)
{
    house_style def;
    if (!h) {
        house_style_default(&def);
        h = &def;
    }
    hctx c;
    memset(&c, 0, sizeof c);
    c.out = out;
    c.h = h;
    hashmap_init(&c.ids);
    arena_init(&c.ar);
    /* ids the page itself uses */
    hashmap_put(&c.ids, "main", (void *)"main");

    strbuf title = STRBUF_INIT;
    html_title_part(&title, html_nonempty(d->subject) ? d->subject : d->title);
    html_title_part(&title, d->committee);
    html_title_part(&title, d->meeting_date);
    if (!title.len) sb_puts(&title, "Committee report");
    html_page_head(out, d->lang, title.data, css);

    sb_puts(out, "<style>\n");
    html_put_rag_css(out, h);
    /* print: running head and page numbers in the page margins */
    sb_puts(out, "@media print{@page{@top-left{content:");
    html_put_css_string(out, title.data);
    sb_puts(out, "}");
    if (d->exempt_paragraph > 0) {
        strbuf ex = STRBUF_INIT;
        sb_puts(&ex, "NOT FOR PUBLICATION - ");
        exempt_text(&ex, d->exempt_paragraph);
        sb_puts(out, "@top-right{content:");
        html_put_css_string(out, ex.data);
        sb_puts(out, "}");
        sb_free(&ex);
    }
    sb_puts(out, "}}\n</style>\n</head>\n<body>\n");
    sb_free(&title);

    const rnode *root = d->root;
    const rnode *fs = NULL;
    for (const rnode *k = root ? root->first : NULL; k; k = k->next)
        if (k->type == RN_FRONT_SHEET) fs = k;
    render_front(&c, d, fs);

    sb_puts(out, "<main id=\"main\">\n");
    for (const rnode *k = root ? root->first : NULL; k; k = k->next) {
        if (k->type == RN_FRONT_SHEET) continue;
        hr_outline_reset(&c, 2);
        hr_block(&c, k);
    }
    sb_puts(out, "</main>\n<footer class=\"page-foot\">\n<p>");
    strbuf foot = STRBUF_INIT;
    html_title_part(&foot, d->organisation);
    html_title_part(&foot, d->committee);
    html_title_part(&foot, d->meeting_date);
    if (html_nonempty(d->item)) {
        if (foot.len) sb_puts(&foot, " \xE2\x80\x93 ");
        sb_puts(&foot, "Item ");
        sb_puts(&foot, d->item);
    }
    html_put_text(out, foot.data);
    sb_free(&foot);
    if (d->exempt_paragraph > 0) {
        sb_puts(out, "</p>\n<p class=\"exempt-foot\"><strong>NOT FOR PUBLICATION</strong> &#8211; ");
        exempt_text(out, d->exempt_paragraph);
    }
    sb_puts(out, "</p>\n</footer>\n</body>\n</html>\n");

    hashmap_free(&c.ids);
    arena_free(&c.ar);
}
