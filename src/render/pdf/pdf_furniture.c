/* pdf_furniture.c - what every page carries besides its content: the rules, running
 * head, footer and exempt marking, and "Page N of M". It needs the page count, so it
 * is drawn once every page is, after each page's body (pdftotext reads the body
 * first): what is the same on every page of a kind (a document's first page or not,
 * portrait or landscape) in one content stream those pages share, the page number in
 * a small one of each page's own. All of it is pagination artifacts (running head,
 * footer, the exempt marking as a watermark): not the document's content, so a screen
 * reader following the structure skips it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/utf8.h"
#include "pdf_draw.h"
#include "pdf_libharu.h"
#include "pdf_style.h"


/* Text for furniture: characters the font lacks become '?', and it is cut with an
 * ellipsis to fit maxw. Returns a malloc'd string. */
static char *fit_text(pfont *f, const char *s, double size, double maxw)
{
    strbuf sb = STRBUF_INIT;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        size_t cl = utf8_decode(s + i, n - i, &cp);
        if (!cl) cl = 1, cp = '?';
        if (utf8_is_invisible(cp)) { /* left out (utf8.h) */
        } else if (pfont_units(f, cp) < 0) sb_putc(&sb, '?');
        else sb_putn(&sb, s + i, cl);
        i += cl;
    }
    if (!sb.data) sb_puts(&sb, "");
    if (pfont_width(f, sb.data, sb.len, size) > maxw) {
        /* the longest prefix that fits with the ellipsis, measured in one pass (a
         * subject can be any length) */
        const char *ell = "\xE2\x80\xA6";
        double room = maxw - pfont_width(f, ell, 3, size), w = 0;
        size_t keep = 0;
        while (keep < sb.len) {
            size_t cl = 1;
            while (keep + cl < sb.len && ((unsigned char)sb.data[keep + cl] & 0xC0) == 0x80) cl++;
            w += pfont_width(f, sb.data + keep, cl, size);
            if (w > room) break;
            keep += cl;
        }
        sb.len = keep;
        sb.data[sb.len] = 0;
        sb_puts(&sb, ell);
    }
    return sb_detach(&sb);
}

/* Where the furniture goes on a page of this section. */
static double head_rule_y(const section *s) { return s->top - HEAD_RULE_ABOVE_FRAME; }
static double foot_rule_y(const house_style *h, const section *s)
{
    return s->ph - h->margin_bottom + FOOT_RULE_BELOW_FRAME;
}

static void rule(pops *o, unsigned colour, double x0, double x1, double y)
{
    po_stroke(o, colour, FURNITURE_RULE_WIDTH);
    po_move(o, x0, y);
    po_line(o, x1, y);
    po_op(o, "S");
}

static void text(pops *o, int face, double size, unsigned ink, double x, double y, const char *s)
{
    po_text(o, face, size, ink, x, y, s, strlen(s), 0);
}

#define HEADER "/Type/Pagination/Subtype/Header"
#define FOOTER "/Type/Pagination/Subtype/Footer"
#define WATERMARK "/Type/Pagination/Subtype/Watermark"

/* What the furniture of a page shows apart from its number: as the report words it
 * (rdoc.furniture). */
static void furniture(pops *o, const house_style *h, const rdoc *d, const section *s, int first_page)
{
    const rfurniture *f = &d->furniture;
    double x0 = s->x0, x1 = s->x0 + s->w, w = s->w;
    pfont *reg = &o->fonts[FACE_REGULAR], *bold = &o->fonts[FACE_BOLD];
    double head_rule = head_rule_y(s), foot_rule = foot_rule_y(h, s);

    if (f->exempt_mark) {
        const char *t1 = f->exempt_mark, *t2 = f->exempt_reason ? f->exempt_reason : "";
        po_artifact(o, WATERMARK);
        po_begin_text(o);
        double w1 = pfont_width(bold, t1, strlen(t1), EXEMPT_MARK_SIZE);
        text(o, FACE_BOLD, EXEMPT_MARK_SIZE, EXEMPT_INK, x0 + (w - w1) / 2, EXEMPT_MARK_Y, t1);
        double w2 = pfont_width(reg, t2, strlen(t2), EXEMPT_REASON_SIZE);
        text(o, FACE_REGULAR, EXEMPT_REASON_SIZE, EXEMPT_INK, x0 + (w - w2) / 2, EXEMPT_REASON_Y, t2);
        po_end_text(o);
        po_end_marked(o);
    }
    if (!first_page) {
        po_artifact(o, HEADER);
        rule(o, d->palette.rule, x0, x1, head_rule);
        po_begin_text(o);
        char *t = fit_text(reg, f->running_head ? f->running_head : "", FURNITURE_SIZE,
                           w * RUNNING_HEAD_SHARE);
        text(o, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x0, head_rule - FURNITURE_ABOVE_RULE, t);
        free(t);
        if (f->running_head_right) {
            char *r = fit_text(reg, f->running_head_right, FURNITURE_SIZE, w * RUNNING_HEAD_RIGHT_SHARE);
            double rw = pfont_width(reg, r, strlen(r), FURNITURE_SIZE);
            text(o, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x1 - rw, head_rule - FURNITURE_ABOVE_RULE, r);
            free(r);
        }
        po_end_text(o);
        po_end_marked(o);
    }
    po_artifact(o, FOOTER);
    rule(o, d->palette.rule, x0, x1, foot_rule);
    if (f->page_foot) {
        po_begin_text(o);
        char *t = fit_text(reg, f->page_foot, FURNITURE_SIZE, w * PAGE_FOOT_SHARE);
        text(o, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x0, foot_rule + FURNITURE_BELOW_RULE, t);
        free(t);
        po_end_text(o);
    }
    po_end_marked(o);
}

/* "Page N of M", at the right of the footer: each page's own. */
static void page_number(pops *o, const house_style *h, const section *s, size_t pageno,
                        size_t npages)
{
    double x1 = s->x0 + s->w;
    char pg[64];
    report_page_label(pg, sizeof pg, pageno, npages);
    double pw = pfont_width(&o->fonts[FACE_REGULAR], pg, strlen(pg), FURNITURE_SIZE);
    po_artifact(o, FOOTER);
    po_begin_text(o);
    text(o, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x1 - pw, foot_rule_y(h, s) + FURNITURE_BELOW_RULE, pg);
    po_end_text(o);
    po_end_marked(o);
}

/* Queues the bytes written as stream d's. */
static void queue(pdf_writer *w, pops *o, HPDF_Dict d)
{
    size_t n;
    unsigned char *bytes = po_take(o, &n);
    if (pz_pool_add_bytes(w->zp, d, bytes, n) < 0 && !w->err.err) w->err.err = HPDF_INVALID_OBJECT;
}

int draw_furniture(pdf_writer *w)
{
    /* Every page named its fonts in the same order when it was made (draw_page), so a
     * shared stream's font names hold on each. */
    HPDF_Dict shared[2][2] = {{NULL, NULL}, {NULL, NULL}};     /* [landscape][first page] */
    size_t doc = (size_t)-1;
    for (size_t pi = 0; pi < w->npages && !w->err.err; pi++) {
        const drawn_page *dp = &w->pages[pi];
        const section *s = &dp->geo;
        int first = dp->doc != doc;
        if (first) {
            /* a document's furniture is its own */
            doc = dp->doc;
            memset(shared, 0, sizeof shared);
        }
        HPDF_Page page = dp->page;
        HPDF_Dict *sh = &shared[s->landscape != 0][first];
        pops o;
        int ok;
        if (!*sh) {
            ok = HPDF_Page_New_Content_Stream(page, sh) == HPDF_OK && *sh;
            if (ok) {
                po_init(&o, page, s->ph, w->fonts, 0);
                furniture(&o, w->h, w->docs[doc].d, s, first);
                queue(w, &o, *sh);
                ok = HPDF_Page_New_Content_Stream(page, NULL) == HPDF_OK;
            }
        } else {
            /* (this also starts the page's next stream) */
            ok = HPDF_Page_Insert_Shared_Content_Stream(page, *sh) == HPDF_OK;
        }
        if (!ok) {
            if (!w->err.err) w->err.err = HPDF_INVALID_OBJECT;
            break;
        }
        po_init(&o, page, s->ph, w->fonts, 0);
        page_number(&o, w->h, s, pi + 1, w->npages);
        queue(w, &o, hp_page_contents(page));
    }
    return w->err.err ? -1 : 0;
}
