/* html_render.c - report description -> self-contained HTML5 (see html_render.h).
 *
 * Structure of a paper:
 *   <header class="front-sheet">  exempt banner, organisation, "Report to ...", h1 subject,
 *                                 <dl> of the front-sheet fields
 *   <main>                        the numbered body, then each appendix as a <section>
 *   <footer>                      organisation, committee, date
 * Headings are re-levelled so the outline never skips (h1 subject, h2 sections and
 * appendix titles, h3...). Ids are sanitised and made unique. */
#include "html_render.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../util/fileio.h"
#include "../../util/hashmap.h"
#include "../../util/utf8.h"

/* ---- escaping ------------------------------------------------------------ */

/* Text or attribute value: & < > " ' escaped; invalid UTF-8 becomes U+FFFD; control
 * characters (other than tab and newline), C1 controls and noncharacters are dropped,
 * since HTML forbids them. */
static void put_esc(strbuf *out, const char *s)
{
    if (!s) return;
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': sb_puts(out, "&amp;"); break;
            case '<': sb_puts(out, "&lt;"); break;
            case '>': sb_puts(out, "&gt;"); break;
            case '"': sb_puts(out, "&quot;"); break;
            case '\'': sb_puts(out, "&#39;"); break;
            case '\t':
            case '\n': sb_putc(out, (char)c); break;
            default:
                if (c >= 0x20 && c != 0x7F) sb_putc(out, (char)c);
                break;
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            sb_puts(out, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            /* C1 control: dropped */
        } else if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            sb_puts(out, "\xEF\xBF\xBD");
        } else {
            sb_putn(out, s + i, len);
        }
        i += len;
    }
}

/* A URL inside an attribute: bytes that make URLs invalid (space, controls, quotes,
 * angle brackets, non-ASCII, a stray %, a second #) are percent-encoded. */
static void put_url(strbuf *out, const char *u)
{
    static const char hex[] = "0123456789ABCDEF";
    int seen_hash = 0;
    for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
        unsigned c = *p;
        int enc = c <= 0x20 || c >= 0x7F || strchr("\"'<>\\^`{|}", (int)c) != NULL;
        if (c == '%' && !(isxdigit(p[1]) && isxdigit(p[2]))) enc = 1;
        if (c == '#') {
            if (seen_hash) enc = 1;
            seen_hash = 1;
        }
        if (c == '&') {
            sb_puts(out, "&amp;");
        } else if (enc) {
            sb_putc(out, '%');
            sb_putc(out, hex[c >> 4]);
            sb_putc(out, hex[c & 15]);
        } else {
            sb_putc(out, (char)c);
        }
    }
}

static int has_prefix_ci(const char *s, const char *p) { return !strncasecmp(s, p, strlen(p)); }

/* Only http:, https:, mailto: and #fragment links are kept. */
static int link_ok(const char *u)
{
    if (!u) return 0;
    while (*u == ' ' || *u == '\t' || *u == '\n') u++;
    if (u[0] == '#') return u[1] != '\0';
    return (has_prefix_ci(u, "http://") && u[7]) || (has_prefix_ci(u, "https://") && u[8]) ||
           (has_prefix_ci(u, "mailto:") && u[7]);
}

/* Relative href for the index (a path under out/): ':' is percent-encoded so no part of
 * it can read as a scheme, and a path that had one gets "./" in front. */
static void put_rel_href(strbuf *out, const char *path)
{
    if (strchr(path, ':')) sb_puts(out, "./");
    for (const char *p = path; *p; p++) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        char *seg = strndup(p, n);
        put_url(out, seg);
        free(seg);
        if (!colon) break;
        sb_puts(out, "%3A");
        p = colon;
    }
}

/* A string for CSS content: every character outside [A-Za-z0-9 .,-] as a hex escape,
 * so nothing in it can end the string or the <style> element. */
static void put_css_string(strbuf *out, const char *s)
{
    sb_putc(out, '"');
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0x80) {
            len = utf8_decode(s + i, n - i, &cp);
            if (!len) {
                cp = 0xFFFD;
                len = 1;
            }
        }
        i += len;
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) continue;
        if (cp < 0x80 && (isalnum((int)cp) || cp == ' ' || cp == '.' || cp == ',' || cp == '-'))
            sb_putc(out, (char)cp);
        else
            sb_printf(out, "\\%X ", (unsigned)cp);
    }
    sb_putc(out, '"');
}

/* The stylesheet, with every '<' that could start a tag ("</style", "<!--", "<script")
 * written as the CSS escape \3C; '<' before a space or '=' (media query ranges) stays. */
static void put_css(strbuf *out, const char *css)
{
    for (const char *p = css; *p; p++) {
        if (p[0] == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
            sb_puts(out, "\\3C ");
        else
            sb_putc(out, *p);
    }
}

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

static void put_rag_css(strbuf *out, const house_style *h)
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

/* ---- context ------------------------------------------------------------- */

typedef struct {
    strbuf *out;
    const house_style *h;
    hashmap ids;
    arena ar;
    int ntables;
    /* heading outline: source level -> HTML level */
    int hsrc[8], hhtml[8], hdepth;
    int hbase;
} hctx;

static void outline_reset(hctx *c, int base)
{
    c->hdepth = 0;
    c->hbase = base;
}

static int outline_level(hctx *c, int src)
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
static const char *make_id(hctx *c, const char *prefix, const char *raw)
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

static void put_id(hctx *c, const char *id)
{
    if (!id) return;
    sb_puts(c->out, " id=\"");
    put_esc(c->out, id);
    sb_putc(c->out, '"');
}

static void render_block(hctx *c, const rnode *n);
static void render_inline(hctx *c, const rnode *n);

static void render_inlines(hctx *c, const rnode *n)
{
    for (const rnode *k = n->first; k; k = k->next) {
        if (rnode_is_block(k)) render_block(c, k);
        else render_inline(c, k);
    }
}

/* Children that may be blocks or inlines. */
static void render_children(hctx *c, const rnode *n) { render_inlines(c, n); }

/* ---- images -------------------------------------------------------------- */

static void put_base64(strbuf *out, const unsigned char *p, size_t n)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    sb_grow(out, (n + 2) / 3 * 4 + 1);
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
        char q[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], tbl[v & 63]};
        sb_putn(out, q, 4);
    }
    if (n - i == 1) {
        unsigned v = (unsigned)p[i] << 16;
        char q[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], '=', '='};
        sb_putn(out, q, 4);
    } else if (n - i == 2) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
        char q[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], '='};
        sb_putn(out, q, 4);
    }
}

static void render_image(hctx *c, const rnode *n)
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
        put_esc(c->out, n->text && *n->text ? n->text : "[image]");
        sb_puts(c->out, "</span>");
        free(data);
        return;
    }
    sb_puts(c->out, "<img alt=\"");
    put_esc(c->out, n->text);
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
    put_base64(c->out, (const unsigned char *)data, len);
    sb_puts(c->out, "\">");
    free(data);
}

/* ---- inlines ------------------------------------------------------------- */

static void render_inline(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    switch (n->type) {
    case RN_TEXT: put_esc(o, n->text); break;
    case RN_SOFTBREAK: sb_putc(o, '\n'); break;
    case RN_LINEBREAK: sb_puts(o, "<br>\n"); break;
    case RN_CODE:
        sb_puts(o, "<code>");
        put_esc(o, n->text);
        sb_puts(o, "</code>");
        break;
    case RN_EMPH:
        sb_puts(o, "<em>");
        render_inlines(c, n);
        sb_puts(o, "</em>");
        break;
    case RN_STRONG:
        sb_puts(o, "<strong>");
        render_inlines(c, n);
        sb_puts(o, "</strong>");
        break;
    case RN_STRIKE:
        sb_puts(o, "<s>");
        render_inlines(c, n);
        sb_puts(o, "</s>");
        break;
    case RN_LINK:
        if (link_ok(n->url)) {
            const char *u = n->url;
            while (*u == ' ' || *u == '\t' || *u == '\n') u++;
            sb_puts(o, "<a href=\"");
            put_url(o, u);
            sb_puts(o, "\">");
            if (n->first) render_inlines(c, n);
            else put_esc(o, u);
            sb_puts(o, "</a>");
        } else {
            render_inlines(c, n);
        }
        break;
    case RN_IMAGE: render_image(c, n); break;
    case RN_BADGE:
        sb_printf(o, "<span class=\"badge rag-%s\">", rag_level_id(n->rag));
        put_esc(o, n->text);
        sb_puts(o, "</span>");
        break;
    default:
        if (rnode_is_block(n)) render_block(c, n);
        break;
    }
}

/* ---- tables -------------------------------------------------------------- */

static int count_cols(const rnode *t)
{
    if (t->ncols > 0) return t->ncols;
    int best = 1;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW) continue;
        int w = 0;
        for (const rnode *cell = r->first; cell; cell = cell->next)
            w += cell->colspan > 1 ? cell->colspan : 1;
        if (w > best) best = w;
    }
    return best;
}

/* A cell or field value: a lone unnumbered paragraph is written without <p>. */
static void render_cell_content(hctx *c, const rnode *cell)
{
    const rnode *k = cell->first;
    if (k && !k->next && k->type == RN_PARAGRAPH && !k->number) render_inlines(c, k);
    else render_children(c, cell);
}

static void render_cell(hctx *c, const rnode *cell, int header_row)
{
    strbuf *o = c->out;
    int th = header_row || (cell->flags & RF_ROW_HEADER);
    sb_puts(o, th ? "<th" : "<td");
    if (header_row) sb_puts(o, " scope=\"col\"");
    else if (th) sb_puts(o, " scope=\"row\"");
    if (cell->colspan > 1) sb_printf(o, " colspan=\"%d\"", cell->colspan);
    strbuf cls = STRBUF_INIT;
    if (cell->rag != LEVEL_NONE) sb_printf(&cls, " rag rag-%s", rag_level_id(cell->rag));
    if (cell->flags & RF_NUMERIC) sb_puts(&cls, " n");
    if (cell->align == ALIGN_LEFT) sb_puts(&cls, " al-l");
    else if (cell->align == ALIGN_CENTER) sb_puts(&cls, " al-c");
    else if (cell->align == ALIGN_RIGHT) sb_puts(&cls, " al-r");
    if (cls.len) sb_printf(o, " class=\"%s\"", cls.data + 1);
    sb_free(&cls);
    sb_putc(o, '>');
    render_cell_content(c, cell);
    sb_puts(o, th ? "</th>" : "</td>");
}

static void render_table(hctx *c, const rnode *t)
{
    strbuf *o = c->out;
    int ncols = count_cols(t);
    c->ntables++;
    const rnode *cap = t->first && t->first->type == RN_CAPTION ? t->first : NULL;
    const char *tid = t->id ? make_id(c, "", t->id) : NULL;
    if (!tid) {
        char buf[32];
        snprintf(buf, sizeof buf, "table-%d", c->ntables);
        tid = make_id(c, "", buf);
    }
    const char *capid = cap ? make_id(c, "", arena_printf(&c->ar, "%s-caption", tid)) : NULL;
    size_t body_rows = 0;
    for (const rnode *r = t->first; r; r = r->next)
        if (r->type == RN_ROW && !(r->flags & RF_HEADER)) body_rows++;

    sb_printf(o, "<div class=\"table-wrap%s%s\" role=\"region\" tabindex=\"0\"",
              (t->flags & RF_WIDE) ? " wide" : "", body_rows > 15 ? " long" : "");
    if (capid) {
        sb_puts(o, " aria-labelledby=\"");
        put_esc(o, capid);
        sb_puts(o, "\">\n");
    } else {
        sb_printf(o, " aria-label=\"Table %d\">\n", c->ntables);
    }
    sb_puts(o, "<table");
    put_id(c, tid);
    strbuf cls = STRBUF_INIT;
    if (t->flags & RF_COMPUTED) sb_puts(&cls, " computed");
    if (t->flags & RF_WIDE) sb_puts(&cls, " wide");
    if (cls.len) sb_printf(o, " class=\"%s\"", cls.data + 1);
    sb_free(&cls);
    sb_puts(o, ">\n");
    if (cap) {
        sb_puts(o, "<caption");
        put_id(c, capid);
        sb_putc(o, '>');
        render_inlines(c, cap);
        sb_puts(o, "</caption>\n");
    }
    if (t->col_weights && t->ncols > 0) {
        long total = 0;
        for (int i = 0; i < t->ncols; i++) total += t->col_weights[i] > 0 ? t->col_weights[i] : 0;
        if (total > 0) {
            sb_puts(o, "<colgroup>");
            for (int i = 0; i < t->ncols; i++) {
                int w = t->col_weights[i] > 0 ? t->col_weights[i] : 0;
                sb_printf(o, "<col style=\"width:%.1f%%\">", 100.0 * w / (double)total);
            }
            sb_puts(o, "</colgroup>\n");
        }
    }
    /* header rows first (a header row can only be in <thead>) */
    int any_header = 0;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || !(r->flags & RF_HEADER)) continue;
        if (!any_header) sb_puts(o, "<thead>\n");
        any_header = 1;
        sb_puts(o, "<tr>");
        for (const rnode *cell = r->first; cell; cell = cell->next) render_cell(c, cell, 1);
        sb_puts(o, "</tr>\n");
    }
    if (any_header) sb_puts(o, "</thead>\n");
    /* body: each group row starts a new <tbody> whose heading it is */
    int open = 0;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || (r->flags & RF_HEADER)) continue;
        if (r->flags & RF_GROUP) {
            if (open) sb_puts(o, "</tbody>\n");
            sb_puts(o, "<tbody class=\"group\">\n");
            open = 1;
            sb_printf(o, "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"%d\">", ncols);
            for (const rnode *cell = r->first; cell; cell = cell->next) {
                if (cell != r->first) sb_putc(o, ' ');
                render_cell_content(c, cell);
            }
            sb_puts(o, "</th></tr>\n");
            continue;
        }
        if (!open) sb_puts(o, "<tbody>\n");
        open = 1;
        sb_puts(o, "<tr>");
        for (const rnode *cell = r->first; cell; cell = cell->next) render_cell(c, cell, 0);
        sb_puts(o, "</tr>\n");
    }
    if (!open) sb_printf(o, "<tbody><tr><td colspan=\"%d\">No rows.</td></tr>\n", ncols);
    sb_puts(o, "</tbody>\n</table>\n</div>\n");
}

/* ---- blocks -------------------------------------------------------------- */

static void put_num(hctx *c, const char *num)
{
    sb_puts(c->out, "<span class=\"num\">");
    put_esc(c->out, num);
    sb_puts(c->out, "</span> ");
}

/* label: the number to print, or NULL for n->number. */
static void render_heading(hctx *c, const rnode *n, const char *id, const char *label)
{
    int lvl = outline_level(c, n->level > 0 ? n->level : 1);
    sb_printf(c->out, "<h%d", lvl);
    if (!id) id = n->id ? make_id(c, "", n->id) : n->number ? make_id(c, "s-", n->number) : NULL;
    put_id(c, id);
    sb_putc(c->out, '>');
    if (label) put_num(c, label);
    else if (n->number && *n->number) put_num(c, n->number);
    render_inlines(c, n);
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
            put_id(c, make_id(c, "p-", i->number));
            sb_putc(o, '>');
            put_num(c, i->number);
        } else {
            sb_puts(o, "<li>");
        }
        render_children(c, i);
        sb_puts(o, "</li>\n");
    }
    sb_printf(o, "</%s>\n", tag);
}

static void render_appendix(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    const char *id = n->id ? make_id(c, "", n->id) : n->number ? make_id(c, "app-", n->number) : NULL;
    if (!id) id = make_id(c, "", "appendix");
    const rnode *title = n->first && n->first->type == RN_HEADING ? n->first : NULL;
    const char *hid = title ? make_id(c, "", arena_printf(&c->ar, "%s-title", id)) : NULL;
    sb_printf(o, "<section class=\"appendix%s\"", (n->flags & RF_WIDE) ? " wide" : "");
    put_id(c, id);
    if (hid) {
        sb_puts(o, " aria-labelledby=\"");
        put_esc(o, hid);
        sb_puts(o, "\"");
    } else {
        sb_puts(o, " aria-label=\"Appendix ");
        put_esc(o, n->number);
        sb_puts(o, "\"");
    }
    sb_puts(o, ">\n");
    outline_reset(c, 2);
    for (const rnode *k = n->first; k; k = k->next) {
        if (k == title) {
            /* a bare letter ("A") is printed as "Appendix A" */
            const char *label = NULL;
            if (k->number && n->number && !strcmp(k->number, n->number) &&
                strncasecmp(k->number, "Appendix", 8))
                label = arena_printf(&c->ar, "Appendix %s", k->number);
            render_heading(c, k, hid, label);
            outline_reset(c, 3);
        } else {
            render_block(c, k);
        }
    }
    sb_puts(o, "</section>\n");
}

static void render_block(hctx *c, const rnode *n)
{
    strbuf *o = c->out;
    switch (n->type) {
    case RN_HEADING: render_heading(c, n, NULL, NULL); break;
    case RN_PARAGRAPH:
        if (n->number && *n->number) {
            sb_puts(o, "<p class=\"np\"");
            put_id(c, make_id(c, "p-", n->number));
            sb_putc(o, '>');
            put_num(c, n->number);
            render_inlines(c, n);
            sb_puts(o, "</p>\n");
        } else if (in_tight_list(n)) {
            render_inlines(c, n);
            if (n->next) sb_putc(o, '\n');
        } else {
            sb_puts(o, "<p>");
            render_inlines(c, n);
            sb_puts(o, "</p>\n");
        }
        break;
    case RN_LIST: render_list(c, n); break;
    case RN_ITEM:
        sb_puts(o, "<div>");
        render_children(c, n);
        sb_puts(o, "</div>\n");
        break;
    case RN_BLOCKQUOTE:
        sb_puts(o, "<blockquote>\n");
        render_children(c, n);
        sb_puts(o, "</blockquote>\n");
        break;
    case RN_CODE_BLOCK:
        sb_puts(o, "<pre><code>");
        put_esc(o, n->text);
        sb_puts(o, "</code></pre>\n");
        break;
    case RN_THEMATIC_BREAK: sb_puts(o, "<hr>\n"); break;
    case RN_TABLE: render_table(c, n); break;
    case RN_NOTICE:
        sb_puts(o, "<div class=\"notice\" role=\"note\">\n");
        render_children(c, n);
        sb_puts(o, "</div>\n");
        break;
    case RN_APPENDIX: render_appendix(c, n); break;
    case RN_BODY:
        sb_puts(o, "<div class=\"report-body\">\n");
        outline_reset(c, 2);
        render_children(c, n);
        sb_puts(o, "</div>\n");
        break;
    case RN_CAPTION:
    case RN_ROW:
    case RN_CELL:
    case RN_FIELD:
    case RN_FRONT_SHEET:
    case RN_DOCUMENT:
        /* only inside their parents; render the content so nothing is lost */
        render_children(c, n);
        break;
    default:
        render_inline(c, n);
        break;
    }
}

/* ---- document ------------------------------------------------------------ */

static int nonempty(const char *s) { return s && *s; }

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
    put_esc(o, label);
    sb_puts(o, "</dt><dd>");
    put_esc(o, value);
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
    if (nonempty(d->organisation)) {
        sb_puts(o, "<p class=\"org\">");
        put_esc(o, d->organisation);
        sb_puts(o, "</p>\n");
    }
    if (nonempty(d->variant_title) || nonempty(d->committee)) {
        sb_puts(o, "<p class=\"variant\">");
        if (nonempty(d->variant_title)) {
            put_esc(o, d->variant_title);
        } else {
            sb_puts(o, "Report to ");
            put_esc(o, d->committee);
        }
        sb_puts(o, "</p>\n");
    }
    sb_puts(o, "</div>\n<h1>");
    put_esc(o, nonempty(d->subject) ? d->subject : nonempty(d->title) ? d->title : "Report");
    sb_puts(o, "</h1>\n");

    static const char *const item_names[] = {"Item", "Agenda item", "Item number", NULL};
    static const char *const date_names[] = {"Date", "Meeting date", "Date of meeting", NULL};
    int any = 0;
    if (nonempty(d->item) && !field_named(fs, item_names)) any = 1;
    if (nonempty(d->meeting_date) && !field_named(fs, date_names)) any = 1;
    if (fs)
        for (const rnode *f = fs->first; f; f = f->next)
            if (f->type == RN_FIELD) any = 1;
    if (any) {
        sb_puts(o, "<dl class=\"fields\">\n");
        if (nonempty(d->item) && !field_named(fs, item_names)) put_meta_pair(o, "Item", d->item);
        if (nonempty(d->meeting_date) && !field_named(fs, date_names))
            put_meta_pair(o, "Date", d->meeting_date);
        outline_reset(c, 2);
        for (const rnode *f = fs ? fs->first : NULL; f; f = f->next) {
            if (f->type != RN_FIELD) continue;
            sb_puts(o, "<div><dt>");
            put_esc(o, f->text);
            sb_puts(o, "</dt><dd>");
            render_cell_content(c, f);
            sb_puts(o, "</dd></div>\n");
        }
        sb_puts(o, "</dl>\n");
    }
    sb_puts(o, "</header>\n");
}

static void title_part(strbuf *t, const char *s)
{
    if (!nonempty(s)) return;
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
    if (!nonempty(s) || strlen(s) > 35) return 0;
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

static void page_head(strbuf *o, const char *lang, const char *title, const char *css)
{
    sb_puts(o, "<!doctype html>\n<html lang=\"");
    put_esc(o, lang_ok(lang) ? lang : "en-GB");
    sb_puts(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"generator\" content=\"tabled\">\n<title>");
    put_esc(o, title);
    sb_puts(o, "</title>\n<style>\n");
    put_css(o, css ? css : fallback_css);
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
    title_part(&title, nonempty(d->subject) ? d->subject : d->title);
    title_part(&title, d->committee);
    title_part(&title, d->meeting_date);
    if (!title.len) sb_puts(&title, "Committee report");
    page_head(out, d->lang, title.data, css);

    sb_puts(out, "<style>\n");
    put_rag_css(out, h);
    /* print: running head and page numbers in the page margins */
    sb_puts(out, "@media print{@page{@top-left{content:");
    put_css_string(out, title.data);
    sb_puts(out, "}");
    if (d->exempt_paragraph > 0) {
        strbuf ex = STRBUF_INIT;
        sb_puts(&ex, "NOT FOR PUBLICATION - ");
        exempt_text(&ex, d->exempt_paragraph);
        sb_puts(out, "@top-right{content:");
        put_css_string(out, ex.data);
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
        outline_reset(&c, 2);
        render_block(&c, k);
    }
    sb_puts(out, "</main>\n<footer class=\"page-foot\">\n<p>");
    strbuf foot = STRBUF_INIT;
    title_part(&foot, d->organisation);
    title_part(&foot, d->committee);
    title_part(&foot, d->meeting_date);
    if (nonempty(d->item)) {
        if (foot.len) sb_puts(&foot, " \xE2\x80\x93 ");
        sb_puts(&foot, "Item ");
        sb_puts(&foot, d->item);
    }
    put_esc(out, foot.data);
    sb_free(&foot);
    if (d->exempt_paragraph > 0) {
        sb_puts(out, "</p>\n<p class=\"exempt-foot\"><strong>NOT FOR PUBLICATION</strong> &#8211; ");
        exempt_text(out, d->exempt_paragraph);
    }
    sb_puts(out, "</p>\n</footer>\n</body>\n</html>\n");

    hashmap_free(&c.ids);
    arena_free(&c.ar);
}

/* ---- index --------------------------------------------------------------- */

typedef struct {
    const html_index_entry *e;
    size_t pos;
} ientry;

static int cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

static int cmp_entry(const void *pa, const void *pb)
{
    const ientry *a = pa, *b = pb;
    int r = cmp_str(b->e->meeting_iso, a->e->meeting_iso); /* newest first */
    if (!r) r = cmp_str(a->e->subject, b->e->subject);
    if (!r) r = a->pos < b->pos ? -1 : a->pos > b->pos;
    return r;
}

static const char *index_rag_word(rag_level l)
{
    return l == LEVEL_NONE ? "Not rated" : rag_level_name(l);
}

void html_index(const html_index_entry *entries, size_t n, const house_style *h, const char *css,
                strbuf *out)
{
    house_style def;
    if (!h) {
        house_style_default(&def);
        h = &def;
    }
    ientry *v = n ? malloc(n * sizeof *v) : NULL;
    for (size_t i = 0; i < n; i++) v[i] = (ientry){&entries[i], i};
    if (n > 1) qsort(v, n, sizeof *v, cmp_entry);

    /* one organisation: name it in the heading; several: a column */
    const char *org = n ? entries[0].organisation : NULL;
    int many_orgs = 0;
    for (size_t i = 1; i < n; i++)
        if (cmp_str(entries[i].organisation, org)) many_orgs = 1;

    strbuf title = STRBUF_INIT;
    sb_puts(&title, "Committee papers");
    if (!many_orgs && nonempty(org)) {
        sb_puts(&title, " \xE2\x80\x93 ");
        sb_puts(&title, org);
    }
    page_head(out, "en-GB", title.data, css);
    sb_puts(out, "<style>\n");
    put_rag_css(out, h);
    sb_puts(out, "</style>\n");
    sb_puts(out, "</head>\n<body class=\"index\">\n<header class=\"front-sheet\">\n");
    if (!many_orgs && nonempty(org)) {
        sb_puts(out, "<div class=\"masthead\"><p class=\"org\">");
        put_esc(out, org);
        sb_puts(out, "</p></div>\n");
    }
    sb_puts(out, "<h1>Committee papers</h1>\n");
    sb_printf(out, "<p class=\"lede\">%zu paper%s, newest first. Each links to the paper as a web "
                   "page and, where there is one, as a PDF.</p>\n</header>\n<main id=\"main\">\n",
              n, n == 1 ? "" : "s");

    static const status_kind order[] = {STATUS_COMPLETE,    STATUS_ON_TARGET,   STATUS_NOT_YET_DUE,
                                        STATUS_LATE_START,  STATUS_RESCHEDULED, STATUS_OVERDUE,
                                        STATUS_CANCELLED};
    int ncols = many_orgs ? 7 : 6;
    sb_puts(out, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" "
                 "aria-labelledby=\"papers-caption\">\n<table class=\"papers\">\n"
                 "<caption id=\"papers-caption\">Committee papers and the progress of their "
                 "plans, newest first</caption>\n<thead>\n<tr>");
    if (many_orgs) sb_puts(out, "<th scope=\"col\">Organisation</th>");
    sb_puts(out, "<th scope=\"col\">Meeting</th><th scope=\"col\">Subject</th>"
                 "<th scope=\"col\">Actions by status</th><th scope=\"col\" class=\"n\">% complete</th>"
                 "<th scope=\"col\">Overall</th><th scope=\"col\">Documents</th></tr>\n</thead>\n"
                 "<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const html_index_entry *e = v[i].e;
        const rdoc_summary *s = &e->summary;
        sb_puts(out, "<tr>");
        if (many_orgs) {
            sb_puts(out, "<td>");
            put_esc(out, e->organisation);
            sb_puts(out, "</td>");
        }
        sb_puts(out, "<td class=\"meeting\">");
        put_esc(out, e->committee);
        if (nonempty(e->meeting_date)) {
            sb_puts(out, "<br><span class=\"date\">");
            put_esc(out, e->meeting_date);
            sb_puts(out, "</span>");
        }
        if (nonempty(e->item)) {
            sb_puts(out, "<br><span class=\"item\">Item ");
            put_esc(out, e->item);
            sb_puts(out, "</span>");
        }
        sb_puts(out, "</td><th scope=\"row\">");
        if (nonempty(e->html_href)) {
            sb_puts(out, "<a href=\"");
            put_rel_href(out, e->html_href);
            sb_puts(out, "\">");
            put_esc(out, nonempty(e->subject) ? e->subject : "Untitled paper");
            sb_puts(out, "</a>");
        } else {
            put_esc(out, nonempty(e->subject) ? e->subject : "Untitled paper");
        }
        sb_puts(out, "</th><td>");
        if (s->total) {
            sb_puts(out, "<ul class=\"counts\">");
            for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
                size_t cnt = s->count[order[k]];
                if (!cnt) continue;
                sb_printf(out, "<li><span class=\"n\">%zu</span> ", cnt);
                put_esc(out, status_kind_name(order[k]));
                sb_puts(out, "</li>");
            }
            sb_printf(out, "<li class=\"total\"><span class=\"n\">%zu</span> in all</li></ul>",
                      s->total);
        } else {
            sb_puts(out, "No actions");
        }
        sb_puts(out, "</td><td class=\"n\">");
        if (s->percent_complete >= 0) sb_printf(out, "%d%%", s->percent_complete);
        else sb_puts(out, "&#8211;");
        sb_printf(out, "</td><td><span class=\"badge rag-%s\">", rag_level_id(s->rag));
        put_esc(out, index_rag_word(s->rag));
        sb_puts(out, "</span></td><td class=\"docs\">");
        int any = 0;
        if (nonempty(e->html_href)) {
            sb_puts(out, "<a href=\"");
            put_rel_href(out, e->html_href);
            sb_puts(out, "\">Web page<span class=\"visually-hidden\">: ");
            put_esc(out, e->subject);
            sb_puts(out, "</span></a>");
            any = 1;
        }
        if (nonempty(e->pdf_href)) {
            if (any) sb_puts(out, "<br>");
            sb_puts(out, "<a href=\"");
            put_rel_href(out, e->pdf_href);
            sb_puts(out, "\">PDF<span class=\"visually-hidden\">: ");
            put_esc(out, e->subject);
            sb_puts(out, "</span></a>");
        }
        sb_puts(out, "</td></tr>\n");
    }
    if (!n) sb_printf(out, "<tr><td colspan=\"%d\">No papers.</td></tr>\n", ncols);
    sb_puts(out, "</tbody>\n</table>\n</div>\n</main>\n");
    sb_puts(out, "<footer class=\"page-foot\"><p>");
    put_esc(out, title.data);
    sb_puts(out, "</p></footer>\n</body>\n</html>\n");
    sb_free(&title);
    free(v);
}
