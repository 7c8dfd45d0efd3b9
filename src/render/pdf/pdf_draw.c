/* pdf_draw.c - a completed page of boxes onto a libharu page: fills, rules and images
 * first, then the text on top; link annotations over the boxes that carry them; the
 * bookmarks of the headings placed on it. The layout hands each page over as soon as
 * it is complete (pdf_layout.c), and the page's content goes to the compressor. */
#include <string.h>

#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_draw.h"
#include "pdf_libharu.h"
#include "pdf_style.h"

/* ---- drawing state ------------------------------------------------------------ */

void pen_init(pen *p, HPDF_Page page, double ph, pfont *fonts, double lw)
{
    p->page = page;
    p->ph = ph;
    p->fonts = fonts;
    p->fill = p->stroke = -1;
    p->lw = lw;
    p->face = -1;
    p->size = 0;
    p->foreign = NULL;
    p->doc = NULL;
}

static float channel(unsigned rgb, int shift) { return ((rgb >> shift) & 255) / 255.0f; }

void pen_fill(pen *p, unsigned c)
{
    if (p->fill == (long)c) return;
    p->fill = (long)c;
    HPDF_Page_SetRGBFill(p->page, channel(c, 16), channel(c, 8), channel(c, 0));
}

void pen_stroke(pen *p, unsigned c, double lw)
{
    if (p->stroke != (long)c) {
        p->stroke = (long)c;
        HPDF_Page_SetRGBStroke(p->page, channel(c, 16), channel(c, 8), channel(c, 0));
    }
    if (p->lw != lw) {
        p->lw = lw;
        HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)lw);
    }
}

void pen_text(pen *p, int face, double size, unsigned color, double x, double y, const char *s)
{
    /* every drawn character must have been measured in this writer's fonts (pdf_font.c) */
    if (p->foreign) pfont_width(&p->fonts[face], s, strlen(s), size);
    if (p->face != face || p->size != size) {
        p->face = face;
        p->size = size;
        HPDF_Page_SetFontAndSize(p->page, pfont_font(&p->fonts[face]), (HPDF_REAL)size);
    }
    pen_fill(p, color);
    /* In pieces libharu accepts (PDF_TEXT_PIECE), each cut between characters. */
    size_t n = strlen(s);
    while (n > PDF_TEXT_PIECE) {
        size_t k = PDF_TEXT_PIECE;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        char piece[PDF_TEXT_PIECE + 1];
        memcpy(piece, s, k);
        piece[k] = '\0';
        HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y), piece);
        x += pfont_width(&p->fonts[face], piece, k, size);
        s += k;
        n -= k;
    }
    HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y), s);
}

const char *pdf_capped(strbuf *tmp, const char *s, size_t max)
{
    size_t n = strlen(s);
    uint32_t cp;
    if (n <= max && utf8_find_invisible(s, n, &cp) == (size_t)-1) return s;
    /* without bidi controls, which would reorder a viewer's bookmark list */
    sb_reset(tmp);
    for (size_t i = 0; i < n;) {
        size_t cl = utf8_decode(s + i, n - i, &cp);
        if (!cl) cl = 1, cp = 0xFFFD;
        if (tmp->len + cl > max - 3) {
            sb_puts(tmp, "\xE2\x80\xA6");
            break;
        }
        if (!utf8_is_bidi_control(cp)) sb_putn(tmp, s + i, cl);
        i += cl;
    }
    return tmp->data ? tmp->data : "";
}

/* ---- boxes ----------------------------------------------------------------------- */

/* A polyline, stroked or filled (a figure's). */
static void draw_path(pen *p, const lbox *b, double y)
{
    if (b->n < 2) return;
    if (b->lw > 0) pen_stroke(p, b->color, b->lw);
    else pen_fill(p, b->color);
    for (uint16_t i = 0; i < b->n; i++) {
        HPDF_REAL px = (HPDF_REAL)(b->x + b->pts[2 * i]), py = (HPDF_REAL)(p->ph - y - b->pts[2 * i + 1]);
        if (i) HPDF_Page_LineTo(p->page, px, py);
        else HPDF_Page_MoveTo(p->page, px, py);
    }
    if (b->face) HPDF_Page_ClosePath(p->page);
    if (b->lw > 0) HPDF_Page_Stroke(p->page);
    else HPDF_Page_Fill(p->page);
}

/* Hatching or dots over a rectangle, clipped to it (a figure's fill pattern). The
 * graphics state is saved around the clip; the pen's colours are as they were after. */
static void draw_pattern(pen *p, const lbox *b, double y)
{
    pen saved = *p;
    double x0 = b->x, top = p->ph - y, bot = top - b->h, step = FIGURE_PATTERN_STEP;
    HPDF_Page_GSave(p->page);
    HPDF_Page_Rectangle(p->page, (HPDF_REAL)x0, (HPDF_REAL)bot, (HPDF_REAL)b->w, (HPDF_REAL)b->h);
    HPDF_Page_Clip(p->page);
    HPDF_Page_EndPath(p->page);
    if (b->face == FP_HATCH) {
        pen_stroke(p, b->color, b->lw);
        for (double d = -b->h; d < b->w; d += step) {
            HPDF_Page_MoveTo(p->page, (HPDF_REAL)(x0 + d), (HPDF_REAL)bot);
            HPDF_Page_LineTo(p->page, (HPDF_REAL)(x0 + d + b->h), (HPDF_REAL)top);
        }
        HPDF_Page_Stroke(p->page);
    } else {
        pen_fill(p, b->color);
        for (double yy = bot + step / 2; yy < top; yy += step)
            for (double xx = x0 + step / 2; xx < x0 + b->w; xx += step)
                HPDF_Page_Circle(p->page, (HPDF_REAL)xx, (HPDF_REAL)yy, (HPDF_REAL)FIGURE_DOT);
        HPDF_Page_Fill(p->page);
    }
    HPDF_Page_GRestore(p->page);
    *p = saved;
}

/* Graphics first (fills, rules, images), so text is always on top. */
static void draw_graphics(pen *p, const lbox *b, double oy)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        switch ((lb_kind)b->kind) {
        case LB_GROUP:
            draw_graphics(p, b->first, y);
            break;
        case LB_FILL:
            pen_fill(p, b->color);
            HPDF_Page_Rectangle(p->page, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h),
                                (HPDF_REAL)b->w, (HPDF_REAL)b->h);
            HPDF_Page_Fill(p->page);
            break;
        case LB_STROKE:
            pen_stroke(p, b->color, b->lw);
            HPDF_Page_Rectangle(p->page, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h),
                                (HPDF_REAL)b->w, (HPDF_REAL)b->h);
            HPDF_Page_Stroke(p->page);
            break;
        case LB_LINE:
            pen_stroke(p, b->color, b->lw);
            HPDF_Page_MoveTo(p->page, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y));
            HPDF_Page_LineTo(p->page, (HPDF_REAL)(b->x + b->w), (HPDF_REAL)(p->ph - y - b->h));
            HPDF_Page_Stroke(p->page);
            break;
        case LB_IMAGE: {
            HPDF_Image img = b->img;
            if (p->foreign) {
                /* the same file, loaded into this writer's document */
                const char *url = b->src ? b->src->url : NULL;
                img = url ? hashmap_get(&p->foreign->images, url) : NULL;
                if (!img && url) {
                    const rimage *m = p->doc ? rdoc_image(p->doc, url) : NULL;
                    const char *why = "";
                    img = m ? pdf_image_load(p->foreign->pdf, m, &why) : NULL;
                    if (img) hashmap_put(&p->foreign->images, url, img);
                }
            }
            if (img)
                HPDF_Page_DrawImage(p->page, img, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h),
                                    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
            break;
        }
        case LB_PATH:
            draw_path(p, b, y);
            break;
        case LB_PATTERN:
            draw_pattern(p, b, y);
            break;
        case LB_TEXT:       /* drawn by draw_text */
        case LB_LINK:       /* an annotation, collect_links */
            break;
        }
    }
}

static void draw_text(pen *p, const lbox *b, double oy)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (b->kind == LB_GROUP) draw_text(p, b->first, y);
        else if (b->kind == LB_TEXT && b->text[0]) pen_text(p, b->face, b->size, b->color, b->x, y, b->text);
    }
}

/* ---- links and anchors ------------------------------------------------------------ */

typedef struct {
    HPDF_Page page;
    double top;
} anchor;

static void collect_links(pen *p, const lbox *b, double oy, wdoc *wd)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (b->kind == LB_GROUP) {
            collect_links(p, b->first, y, wd);
            continue;
        }
        if (b->kind != LB_LINK || !b->url || !*b->url || b->w <= 0) continue;
        HPDF_Rect r = {(HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h), (HPDF_REAL)(b->x + b->w),
                       (HPDF_REAL)(p->ph - y)};
        if (b->url[0] == '#') {
            if (wd->nlinks == wd->caplinks) {
                wd->caplinks = wd->caplinks ? wd->caplinks * 2 : 16;
                wd->links = xrealloc(wd->links, wd->caplinks * sizeof *wd->links);
            }
            wd->links[wd->nlinks++] = (pending_link){p->page, r, b->url + 1};
        } else if (strlen(b->url) < PDF_TEXT_PIECE) {    /* longer ones are refused
                                                         * when the report is built */
            HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(p->page, r, b->url);
            if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        }
    }
}

void draw_internal_links(pdf_writer *w, size_t k)
{
    wdoc *wd = &w->docs[k];
    for (size_t i = 0; i < wd->nlinks && !w->err.err; i++) {
        const anchor *a = hashmap_get(&wd->anchors, wd->links[i].id);
        if (!a) continue;
        HPDF_Destination dst = HPDF_Page_CreateDestination(a->page);
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)a->top);
        HPDF_Annotation an = HPDF_Page_CreateLinkAnnot(wd->links[i].page, wd->links[i].rect, dst);
        if (an) HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
    }
}

/* ---- pages ------------------------------------------------------------------------ */

static void bookmark(pdf_writer *w, HPDF_Page page, const vitem *v, double top)
{
    while (w->osp > 0 && w->ostack[w->osp - 1].level >= v->mark_level) w->osp--;
    HPDF_Outline parent = w->osp > 0 ? w->ostack[w->osp - 1].o : w->nest;
    strbuf tmp = STRBUF_INIT;
    HPDF_Outline o = HPDF_CreateOutline(w->pdf, parent, pdf_capped(&tmp, v->mark_title, PDF_TITLE_MAX),
                                        w->utf8);
    sb_free(&tmp);
    if (!o) return;
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    HPDF_Destination_SetFitH(dst, (HPDF_REAL)top);
    HPDF_Outline_SetDestination(o, dst);
    HPDF_Outline_SetOpened(o, v->mark_level == 0 ? HPDF_FALSE : HPDF_TRUE);
    if (w->osp < 16) {
        w->ostack[w->osp].level = v->mark_level;
        w->ostack[w->osp].o = o;
        w->osp++;
    }
}

size_t draw_anchor_page(const pdf_writer *w, size_t k, const char *id, double *top)
{
    if (k >= w->ndocs || !id) return (size_t)-1;
    const anchor *a = hashmap_get(&w->docs[k].anchors, id);
    if (!a) return (size_t)-1;
    for (size_t i = 0; i < w->npages; i++) {
        if (w->pages[i].page != a->page) continue;
        if (top) *top = a->top;
        return i;
    }
    return (size_t)-1;
}

static void draw_page_as(pdf_writer *w, layout *L, const lpage *lp, int foreign)
{
    wdoc *wd = &w->docs[w->ndocs - 1];
    const section *s = &L->secs[lp->section];
    /* After a libharu error nothing more is drawn: the document is not written. */
    if (w->err.err) return;
    w->err.cur = lp->len ? lpage_item(L, lp, 0)->box->src : NULL;
    if (w->npages == w->cappages) {
        w->cappages = w->cappages ? w->cappages * 2 : 64;
        w->pages = xrealloc(w->pages, w->cappages * sizeof *w->pages);
    }
    HPDF_Page page;
    drawn_page *dp;
    if (w->insert_before) {
        /* before a page drawn earlier (a pack's agenda, laid out after its papers) */
        page = HPDF_InsertPage(w->pdf, w->insert_before);
        memmove(&w->pages[w->insert_at + 1], &w->pages[w->insert_at],
                (w->npages - w->insert_at) * sizeof *w->pages);
        dp = &w->pages[w->insert_at++];
        w->npages++;
    } else {
        page = HPDF_AddPage(w->pdf);
        dp = &w->pages[w->npages++];
    }
    if (!page) {
        memset(dp, 0, sizeof *dp);
        if (!w->err.err) w->err.err = HPDF_INVALID_PAGE;
        return;
    }
    dp->page = page;
    dp->doc = w->ndocs - 1;
    dp->geo = *s;
    dp->geo.items = (vvec){0};
    HPDF_Page_SetWidth(page, (HPDF_REAL)s->pw);
    HPDF_Page_SetHeight(page, (HPDF_REAL)s->ph);
    /* the furniture's fonts first, under the same names (F1, F2) on every page */
    HPDF_Page_GetLocalFontName(page, pfont_font(&w->fonts[FACE_REGULAR]));
    if (L->d->furniture.exempt_mark || s->exempt) {
        HPDF_Font b = pfont_font(&w->fonts[FACE_BOLD]);
        if (b) HPDF_Page_GetLocalFontName(page, b);
    }
    pen p;
    pen_init(&p, page, s->ph, w->fonts, 1.0);   /* libharu's initial line width */
    p.foreign = foreign ? w : NULL;
    p.doc = L->d;
    for (size_t k = 0; k < lp->len; k++) {
        w->err.cur = lpage_item(L, lp, k)->box->src;
        draw_graphics(&p, lpage_item(L, lp, k)->box, lp->pl[k].y);
    }
    HPDF_Page_BeginText(page);
    for (size_t k = 0; k < lp->len; k++) {
        w->err.cur = lpage_item(L, lp, k)->box->src;
        draw_text(&p, lpage_item(L, lp, k)->box, lp->pl[k].y);
    }
    HPDF_Page_EndText(page);
    if (pz_pool_add(w->zp, hp_page_contents(page)) < 0 && !w->err.err)
        w->err.err = HPDF_INVALID_OBJECT;
    for (size_t k = 0; k < lp->len; k++) {
        const placement *pl = &lp->pl[k];
        const vitem *v = lpage_item(L, lp, k);
        w->err.cur = v->box->src;
        collect_links(&p, v->box, pl->y, wd);
        if (pl->table >= 0) continue;   /* a repeated header row */
        double top = s->ph - pl->y + 4;
        if (v->anchor && *v->anchor && !hashmap_get(&wd->anchors, v->anchor)) {
            anchor *a = arena_alloc(&w->store, sizeof *a);
            a->page = page;
            a->top = top;
            hashmap_put(&wd->anchors, v->anchor, a);
        }
        if (v->mark && v->mark_title) bookmark(w, page, v, top);
    }
}

void draw_page(void *ctx, layout *L, const lpage *lp) { draw_page_as(ctx, L, lp, 0); }

void draw_page_foreign(pdf_writer *w, layout *L, const lpage *lp) { draw_page_as(w, L, lp, 1); }
