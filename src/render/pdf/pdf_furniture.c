/* pdf_furniture.c - what every page carries besides its content: the rules, running
 * head, footer and exempt marking, and "Page N of M". It needs the page count, so it
 * is drawn once every page is, after each page's body (pdftotext reads the body
 * first): what is the same on every page of a kind (a document's first page or not,
 * portrait or landscape) in one content stream those pages share, the page number in
 * a small one of each page's own. */
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

static void rule(pen *p, unsigned colour, double x0, double x1, double y)
{
    pen_stroke(p, colour, FURNITURE_RULE_WIDTH);
    HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)(p->ph - y));
    HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - y));
    HPDF_Page_Stroke(p->page);
}

/* What the furniture of a page shows apart from its number: as the report words it
 * (rdoc.furniture). */
static void furniture(pen *p, const house_style *h, const rdoc *d, const section *s, int first_page)
{
    const rfurniture *f = &d->furniture;
    double x0 = s->x0, x1 = s->x0 + s->w, w = s->w;
    pfont *reg = &p->fonts[FACE_REGULAR], *bold = &p->fonts[FACE_BOLD];
    double head_rule = head_rule_y(s), foot_rule = foot_rule_y(h, s);

    if (!first_page) rule(p, d->palette.rule, x0, x1, head_rule);
    rule(p, d->palette.rule, x0, x1, foot_rule);

    HPDF_Page_BeginText(p->page);
    p->face = -1;
    /* the whole document's marking, else its exempt part's */
    const char *mark = f->exempt_mark, *reason = f->exempt_reason;
    if (!mark && s->exempt >= 1 && s->exempt <= 7 && f->part_mark) {
        mark = f->part_mark;
        reason = f->part_reason[s->exempt];
    }
    if (mark) {
        const char *t1 = mark, *t2 = reason ? reason : "";
        double w1 = pfont_width(bold, t1, strlen(t1), EXEMPT_MARK_SIZE);
        pen_text(p, FACE_BOLD, EXEMPT_MARK_SIZE, EXEMPT_INK, x0 + (w - w1) / 2, EXEMPT_MARK_Y, t1);
        double w2 = pfont_width(reg, t2, strlen(t2), EXEMPT_REASON_SIZE);
        pen_text(p, FACE_REGULAR, EXEMPT_REASON_SIZE, EXEMPT_INK, x0 + (w - w2) / 2,
                 EXEMPT_REASON_Y, t2);
    }
    if (!first_page) {
        char *t = fit_text(reg, f->running_head ? f->running_head : "", FURNITURE_SIZE,
                           w * RUNNING_HEAD_SHARE);
        pen_text(p, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x0, head_rule - FURNITURE_ABOVE_RULE, t);
        free(t);
        if (f->running_head_right) {
            char *o = fit_text(reg, f->running_head_right, FURNITURE_SIZE, w * RUNNING_HEAD_RIGHT_SHARE);
            double ow = pfont_width(reg, o, strlen(o), FURNITURE_SIZE);
            pen_text(p, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x1 - ow,
                     head_rule - FURNITURE_ABOVE_RULE, o);
            free(o);
        }
    }
    if (f->page_foot) {
        char *t = fit_text(reg, f->page_foot, FURNITURE_SIZE, w * PAGE_FOOT_SHARE);
        pen_text(p, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x0, foot_rule + FURNITURE_BELOW_RULE, t);
        free(t);
    }
    HPDF_Page_EndText(p->page);
}

/* "Page N of M" (in a pack, "Page N" through the pack), at the right of the footer:
 * each page's own. */
static void page_number(pen *p, const pdf_writer *w, const section *s, size_t pageno,
                        size_t npages)
{
    const house_style *h = w->h;
    double x1 = s->x0 + s->w;
    char pg[64];
    if (w->pack) report_pack_page_label(pg, sizeof pg, w->page_prefix, pageno);
    else report_page_label(pg, sizeof pg, pageno, npages);
    double pw = pfont_width(&p->fonts[FACE_REGULAR], pg, strlen(pg), FURNITURE_SIZE);
    HPDF_Page_BeginText(p->page);
    p->face = -1;
    pen_text(p, FACE_REGULAR, FURNITURE_SIZE, FURNITURE_INK, x1 - pw,
             foot_rule_y(h, s) + FURNITURE_BELOW_RULE, pg);
    HPDF_Page_EndText(p->page);
}

int draw_furniture(pdf_writer *w)
{
    /* Every page named its fonts in the same order when it was made (draw_page), so a
     * shared stream's font names hold on each. */
    HPDF_Dict shared[2][2][8];     /* [landscape][first page][exempt paragraph] */
    memset(shared, 0, sizeof shared);
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
        HPDF_Dict *sh = &shared[s->landscape != 0][first][s->exempt >= 1 && s->exempt <= 7 ? s->exempt : 0];
        pen p;
        pen_init(&p, page, s->ph, w->fonts, -1);
        int ok;
        if (!*sh) {
            ok = HPDF_Page_New_Content_Stream(page, sh) == HPDF_OK && *sh;
            if (ok) {
                furniture(&p, w->h, w->docs[doc].d, s, first);
                if (pz_pool_add(w->zp, *sh) < 0 && !w->err.err) w->err.err = HPDF_INVALID_OBJECT;
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
        p.fill = p.stroke = -1;
        page_number(&p, w, s, pi + 1, w->npages);
        if (pz_pool_add(w->zp, hp_page_contents(page)) < 0 && !w->err.err)
            w->err.err = HPDF_INVALID_OBJECT;
    }
    return w->err.err ? -1 : 0;
}
