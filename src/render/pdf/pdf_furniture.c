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

#define FURNITURE_INK 0x555B64u
#define EXEMPT_INK 0xA4161Au

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
        if (pfont_units(f, cp) < 0) sb_putc(&sb, '?');
        else sb_putn(&sb, s + i, cl);
        i += cl;
    }
    if (!sb.data) sb_puts(&sb, "");
    if (pfont_width(f, sb.data, sb.len, size) > maxw) {
        const char *ell = "\xE2\x80\xA6";
        double ew = pfont_width(f, ell, 3, size);
        while (sb.len) {
            do sb.len--;
            while (sb.len && ((unsigned char)sb.data[sb.len] & 0xC0) == 0x80);
            if (pfont_width(f, sb.data, sb.len, size) + ew <= maxw) break;
        }
        sb.data[sb.len] = 0;
        sb_puts(&sb, ell);
    }
    return sb_detach(&sb);
}

/* What the furniture of a page shows apart from its number. */
static void furniture(pen *p, const house_style *h, const rdoc *d, const section *s, int first_page)
{
    double x0 = s->x0, x1 = s->x0 + s->w, w = s->w;
    pfont *reg = &p->fonts[FACE_REGULAR], *bold = &p->fonts[FACE_BOLD];
    double fs = 8.5;

    /* lines */
    double head_rule = s->top - 16, foot_rule = s->ph - h->margin_bottom + 20;
    if (!first_page) {
        pen_stroke(p, h->table_rule, 0.5);
        HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)(p->ph - head_rule));
        HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - head_rule));
        HPDF_Page_Stroke(p->page);
    }
    pen_stroke(p, h->table_rule, 0.5);
    HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)(p->ph - foot_rule));
    HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - foot_rule));
    HPDF_Page_Stroke(p->page);

    HPDF_Page_BeginText(p->page);
    p->face = -1;
    if (d->exempt_paragraph > 0) {
        const char *t1 = "NOT FOR PUBLICATION";
        char t2[160];
        snprintf(t2, sizeof t2,
                 "by virtue of paragraph %d of Part 1 of Schedule 12A to the Local Government "
                 "Act 1972",
                 d->exempt_paragraph);
        double w1 = pfont_width(bold, t1, strlen(t1), 11);
        pen_text(p, FACE_BOLD, 11, EXEMPT_INK, x0 + (w - w1) / 2, 24, t1);
        double w2 = pfont_width(reg, t2, strlen(t2), 8);
        pen_text(p, FACE_REGULAR, 8, EXEMPT_INK, x0 + (w - w2) / 2, 35, t2);
    }
    if (!first_page) {
        const char *subj = d->subject && *d->subject ? d->subject : d->title ? d->title : "";
        char *t = fit_text(reg, subj, fs, w * 0.62);
        pen_text(p, FACE_REGULAR, fs, FURNITURE_INK, x0, head_rule - 6, t);
        free(t);
        if (d->organisation && *d->organisation) {
            char *o = fit_text(reg, d->organisation, fs, w * 0.34);
            double ow = pfont_width(reg, o, strlen(o), fs);
            pen_text(p, FACE_REGULAR, fs, FURNITURE_INK, x1 - ow, head_rule - 6, o);
            free(o);
        }
    }
    strbuf left = STRBUF_INIT;
    if (d->variant_title && *d->variant_title) sb_puts(&left, d->variant_title);
    else if (d->committee && *d->committee) sb_printf(&left, "Report to %s", d->committee);
    if (d->meeting_date && *d->meeting_date)
        sb_printf(&left, "%s%s", left.len ? ", " : "", d->meeting_date);
    if (left.len) {
        char *t = fit_text(reg, left.data, fs, w * 0.7);
        pen_text(p, FACE_REGULAR, fs, FURNITURE_INK, x0, foot_rule + 12, t);
        free(t);
    }
    sb_free(&left);
    HPDF_Page_EndText(p->page);
}

/* "Page N of M", at the right of the footer: each page's own. */
static void page_number(pen *p, const house_style *h, const section *s, size_t pageno,
                        size_t npages)
{
    double x1 = s->x0 + s->w, fs = 8.5;
    double foot_rule = s->ph - h->margin_bottom + 20;
    char pg[64];
    snprintf(pg, sizeof pg, "Page %zu of %zu", pageno, npages);
    double pw = pfont_width(&p->fonts[FACE_REGULAR], pg, strlen(pg), fs);
    HPDF_Page_BeginText(p->page);
    p->face = -1;
    pen_text(p, FACE_REGULAR, fs, FURNITURE_INK, x1 - pw, foot_rule + 12, pg);
    HPDF_Page_EndText(p->page);
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
        page_number(&p, w->h, s, pi + 1, w->npages);
        if (pz_pool_add(w->zp, hp_page_contents(page)) < 0 && !w->err.err)
            w->err.err = HPDF_INVALID_OBJECT;
    }
    return w->err.err ? -1 : 0;
}
