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


/* Text for furniture: characters the font lacks become '?'. Returns a malloc'd string. */
static char *furniture_text(pfont *f, const char *s)
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
    return sb_detach(&sb);
}

/* Furniture text fitted to maxw without cutting a word: on one line at the furniture
 * size or smaller, down to FURNITURE_MIN_SIZE; else on two lines (then three) broken
 * at spaces, at the largest size that fits; else, words no page could hold, as many
 * whole words as fit three lines at the smallest size, then an ellipsis. */
#define FURNITURE_MAX_LINES 3
#define FURNITURE_MAX_BYTES 4096    /* more than 3 lines of 'i' at 7 pt on a landscape page */
typedef struct {
    char *text;             /* malloc'd, the furniture's text (furniture_text) */
    size_t start[FURNITURE_MAX_LINES], len[FURNITURE_MAX_LINES];
    int nlines;
    double size;
    int cut;                /* the last line ends with an ellipsis */
} fitted;

/* Breaks ft->text into lines no wider than maxw at size, each as full as it can be.
 * Returns the lines needed (more than FURNITURE_MAX_LINES: those set are the first). */
static int break_lines(pfont *f, fitted *ft, double maxw, double size, double last_extra)
{
    const char *t = ft->text;
    size_t n = strlen(t), i = 0;
    int nl = 0;
    while (i < n) {
        /* a line starts at a word: spaces before it (a text that starts with one, two
         * spaces at a break) are skipped, or the word loop below would never move */
        while (i < n && t[i] == ' ') i++;
        if (i == n) break;
        size_t end = i, j = i;
        double extra = nl == FURNITURE_MAX_LINES - 1 ? last_extra : 0;
        while (j < n) {     /* the next word's end */
            size_t k = j + (j > i);
            while (k < n && t[k] != ' ') k++;
            if (end > i && pfont_width(f, t + i, k - i, size) + extra > maxw) break;
            end = j = k;
        }
        if (nl < FURNITURE_MAX_LINES) {
            ft->start[nl] = i;
            ft->len[nl] = end - i;
        }
        if (++nl > FURNITURE_MAX_LINES) break;  /* too many: how many more is no matter */
        i = end < n ? end + 1 : n;
    }
    return nl;
}

static void fit_furniture(pfont *f, const char *s, double maxw, fitted *out)
{
    memset(out, 0, sizeof *out);
    out->text = furniture_text(f, s);
    /* More than three lines of the narrowest letters at the smallest size never fit:
     * a longer text is cut to that first, so fitting costs the same for any length. */
    size_t n = strlen(out->text);
    int too_long = n > FURNITURE_MAX_BYTES;
    if (too_long) {
        n = FURNITURE_MAX_BYTES;
        while (n && ((unsigned char)out->text[n] & 0xC0) == 0x80) n--;
        out->text[n] = 0;
    }
    for (int lines = 1; lines <= FURNITURE_MAX_LINES && !too_long; lines++)
        for (double sz = FURNITURE_SIZE; sz > FURNITURE_MIN_SIZE - 0.01; sz -= 0.25) {
            int nl = break_lines(f, out, maxw, sz, 0);
            int wide = 0;   /* a single word wider than the measure */
            for (int i = 0; i < nl && i < FURNITURE_MAX_LINES; i++)
                wide |= pfont_width(f, out->text + out->start[i], out->len[i], sz) > maxw;
            if (nl <= lines && !wide) {
                out->nlines = nl ? nl : 1;
                out->size = sz;
                return;
            }
        }
    /* words that do not fit: whole words and an ellipsis (a word wider than the page
     * is itself cut) */
    out->size = FURNITURE_MIN_SIZE;
    out->cut = 1;
    double ew = pfont_width(f, "\xE2\x80\xA6", 3, out->size);
    out->nlines = break_lines(f, out, maxw, out->size, ew);
    if (out->nlines > FURNITURE_MAX_LINES) out->nlines = FURNITURE_MAX_LINES;
    if (out->nlines < 1) out->nlines = 1;   /* nothing but spaces: one empty line */
    size_t *last = &out->len[out->nlines - 1];
    const char *l = out->text + out->start[out->nlines - 1];
    while (*last && pfont_width(f, l, *last, out->size) + ew > maxw) {
        do --*last;
        while (*last && ((unsigned char)l[*last] & 0xC0) == 0x80);
    }
}

/* Draws fitted text at x (right-aligned to x when right), its last line's baseline at
 * y when up (lines stacked upwards), else its first line's. */
static void draw_fitted(pops *o, pfont *f, const fitted *ft, double x, double y, int up, int right)
{
    double lead = ft->size * FURNITURE_LEADING;
    for (int i = 0; i < ft->nlines; i++) {
        strbuf sb = STRBUF_INIT;
        sb_putn(&sb, ft->text + ft->start[i], ft->len[i]);
        if (ft->cut && i == ft->nlines - 1) sb_puts(&sb, "\xE2\x80\xA6");
        if (!sb.data) sb_puts(&sb, "");
        double yy = up ? y - (ft->nlines - 1 - i) * lead : y + i * lead;
        double xx = right ? x - pfont_width(f, sb.data, sb.len, ft->size) : x;
        po_text(o, FACE_REGULAR, ft->size, FURNITURE_INK, xx, yy, sb.data, sb.len, 0);
        sb_free(&sb);
    }
}

/* The widest line of fitted text. */
static double fitted_width(pfont *f, const fitted *ft)
{
    double w = 0;
    for (int i = 0; i < ft->nlines; i++) {
        double wi = pfont_width(f, ft->text + ft->start[i], ft->len[i], ft->size);
        if (wi > w) w = wi;
    }
    return w;
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

    /* the whole document's marking, else its exempt part's */
    const char *mark = f->exempt_mark, *reason = f->exempt_reason;
    if (!mark && s->exempt >= 1 && s->exempt <= 7 && f->part_mark) {
        mark = f->part_mark;
        reason = f->part_reason[s->exempt];
    }
    if (mark) {
        const char *t1 = mark, *t2 = reason ? reason : "";
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
        /* the organisation at the right in its share; the subject takes the rest */
        fitted right = {0}, left;
        double rw = 0;
        if (f->running_head_right) {
            fit_furniture(reg, f->running_head_right, w * RUNNING_HEAD_RIGHT_SHARE, &right);
            rw = fitted_width(reg, &right) + FURNITURE_GAP;
        }
        fit_furniture(reg, f->running_head ? f->running_head : "", w - rw, &left);
        if (f->running_head_right && left.nlines == 1 && right.nlines == 1) {
            /* one line each: both at the same size, the largest at which they fit */
            double sz = FURNITURE_SIZE;
            while (sz > FURNITURE_MIN_SIZE &&
                   pfont_width(reg, left.text, left.len[0], sz) + FURNITURE_GAP +
                   pfont_width(reg, right.text, right.len[0], sz) > w)
                sz -= 0.25;
            left.size = right.size = sz;
        } else if (right.size > left.size) {
            right.size = left.size;     /* (it fitted at the larger size, so at this) */
        }
        po_begin_text(o);
        if (f->running_head_right)
            draw_fitted(o, reg, &right, x1, head_rule - FURNITURE_ABOVE_RULE, 1, 1);
        draw_fitted(o, reg, &left, x0, head_rule - FURNITURE_ABOVE_RULE, 1, 0);
        po_end_text(o);
        po_end_marked(o);
        free(left.text);
        free(right.text);
    }
    po_artifact(o, FOOTER);
    rule(o, d->palette.rule, x0, x1, foot_rule);
    if (f->page_foot) {
        fitted foot;
        /* the footer has the width the page number leaves */
        double pw = pfont_width(reg, "Page 999 of 999", 15, FURNITURE_SIZE) + FURNITURE_GAP;
        fit_furniture(reg, f->page_foot, w - pw, &foot);
        po_begin_text(o);
        draw_fitted(o, reg, &foot, x0, foot_rule + FURNITURE_BELOW_RULE, 0, 0);
        po_end_text(o);
        free(foot.text);
    }
    po_end_marked(o);
}

/* "Page N of M" (in a pack, "Page N" through the pack), at the right of the footer:
 * each page's own. */
static void page_number(pops *o, const pdf_writer *w, const section *s, size_t pageno,
                        size_t npages)
{
    const house_style *h = w->h;
    double x1 = s->x0 + s->w;
    char pg[64];
    if (w->pack) report_pack_page_label(pg, sizeof pg, w->page_prefix, pageno);
    else report_page_label(pg, sizeof pg, pageno, npages);
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
        page_number(&o, w, s, pi + 1, w->npages);
        queue(w, &o, hp_page_contents(page));
    }
    return w->err.err ? -1 : 0;
}
