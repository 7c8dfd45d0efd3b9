/* pdf_draw.c - a completed page of boxes as a content stream of our own (pdf_ops.c),
 * tagged: first every fill, rule and border as one artifact, then the content in the
 * order the layout placed it, each piece inside a marked-content sequence of its
 * structure element (pdf_tag.c), so text is always on top and the stream's order is the
 * reading order. A figure's drawing or an image is one sequence of its Figure; a table
 * header row repeated on a later page is an artifact. Then the link annotations over
 * the boxes that carry them, and the bookmarks of the headings placed on the page. The
 * layout hands each page over as soon as it is complete (pdf_layout.c), and the page's
 * bytes go to the compressor. */
#include <stdlib.h>
#include <string.h>

#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_draw.h"
#include "pdf_libharu.h"
#include "pdf_style.h"

/* ---- text made safe for libharu's strings ---------------------------------------- */

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

/* ---- graphics ---------------------------------------------------------------------- */

/* A polyline, stroked or filled (a figure's). */
static void draw_path(pops *o, const lbox *b, double y)
{
    if (b->n < 2) return;
    if (b->lw > 0) po_stroke(o, b->color, b->lw);
    else po_fill(o, b->color);
    for (uint16_t i = 0; i < b->n; i++) {
        double px = b->x + b->pts[2 * i], py = y + b->pts[2 * i + 1];
        if (i) po_line(o, px, py);
        else po_move(o, px, py);
    }
    if (b->face) po_op(o, "h");
    po_op(o, b->lw > 0 ? "S" : "f");
}

/* Hatching or dots over a rectangle, clipped to it (a figure's fill pattern). The
 * graphics state is saved around the clip. */
static void draw_pattern(pops *o, const lbox *b, double y)
{
    long fill = o->fill, stroke = o->stroke;
    int32_t lw = o->lw;
    double x0 = b->x, step = FIGURE_PATTERN_STEP;
    po_save(o);
    po_rect(o, x0, y, b->w, b->h);
    po_op(o, "W n");
    if (b->face == FP_HATCH) {
        po_stroke(o, b->color, b->lw);
        for (double d = -b->h; d < b->w; d += step) {
            po_move(o, x0 + d, y + b->h);
            po_line(o, x0 + d + b->h, y);
        }
        po_op(o, "S");
    } else {
        po_fill(o, b->color);
        for (double yy = y + b->h - step / 2; yy > y; yy -= step)
            for (double xx = x0 + step / 2; xx < x0 + b->w; xx += step) po_circle(o, xx, yy, FIGURE_DOT);
        po_op(o, "f");
    }
    po_restore(o, fill, stroke, lw);
}

/* Is this box a figure's drawing or an image: drawn whole as one Figure? */
static int is_drawing(const lbox *b)
{
    return b->kind == LB_IMAGE || (b->kind == LB_GROUP && b->src && b->src->type == RN_FIGURE);
}

/* The drawing's state: the stream, the structure, the open sequence's element. */
typedef struct {
    pops o;
    ptags *tags;
    int32_t open;           /* element of the open marked-content sequence, or -1 */
    int artifact;           /* drawing artifacts (repeated header rows) */
    pdf_writer *foreign;    /* the boxes were laid out by another writer (the same
                             * document drawn into several PDFs): their text is measured
                             * again here, for this writer's font subsets, and their
                             * images loaded into this writer's document; else NULL */
    const rdoc *doc;        /* the document drawn (its images' bytes) */
} dctx;

/* A text box's string at (its x, baseline y). */
static void put_text(dctx *c, const lbox *b, double y, int space)
{
    size_t n = strlen(b->text);
    /* every drawn character must have been measured in this writer's fonts (pdf_font.c) */
    if (c->foreign) pfont_width(&c->o.fonts[b->face], b->text, n, b->size);
    po_text(&c->o, b->face, b->size, b->color, b->x, y, b->text, n, space);
}

/* Fills, rules, borders and images (text is drawn after). figures: draw the drawings
 * too (inside one), else leave them for the content pass. */
static void draw_graphics(dctx *c, const lbox *b, double oy, int figures)
{
    pops *o = &c->o;
    const lbox *skip = NULL;    /* a stroke already drawn with its fill */
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (b == skip || (!figures && is_drawing(b))) continue;
        switch ((lb_kind)b->kind) {
        case LB_GROUP:
            draw_graphics(c, b->first, y, figures);
            break;
        case LB_FILL: {
            /* a fill with a border of the same rectangle later among its siblings (a
             * table cell's): one path, filled then stroked */
            const lbox *k = b->next;
            while (k && !(k->kind == LB_STROKE && k->x == b->x && k->y == b->y && k->w == b->w &&
                          k->h == b->h))
                k = k->next;
            po_fill(o, b->color);
            if (k) {
                po_stroke(o, k->color, k->lw);
                skip = k;
            }
            po_rect(o, b->x, y, b->w, b->h);
            po_op(o, k ? "B" : "f");
            break;
        }
        case LB_STROKE:
            po_stroke(o, b->color, b->lw);
            po_rect(o, b->x, y, b->w, b->h);
            po_op(o, "S");
            break;
        case LB_LINE:
            po_stroke(o, b->color, b->lw);
            po_move(o, b->x, y);
            po_line(o, b->x + b->w, y + b->h);
            po_op(o, "S");
            break;
        case LB_IMAGE: {
            HPDF_Image img = b->img;
            if (c->foreign) {
                /* the same file, loaded into this writer's document */
                const char *url = b->src ? b->src->url : NULL;
                img = url ? hashmap_get(&c->foreign->images, url) : NULL;
                if (!img && url) {
                    const rimage *m = c->doc ? rdoc_image(c->doc, url) : NULL;
                    const char *why = "";
                    img = m ? pdf_image_load(c->foreign->pdf, m, &why) : NULL;
                    if (img) hashmap_put(&c->foreign->images, url, img);
                }
            }
            if (img) po_image(o, img, b->x, y, b->w, b->h);
            break;
        }
        case LB_PATH:
            draw_path(o, b, y);
            break;
        case LB_PATTERN:
            draw_pattern(o, b, y);
            break;
        case LB_TEXT:       /* drawn by draw_content */
        case LB_LINK:       /* an annotation, collect_links */
            break;
        }
    }
}

/* ---- content ------------------------------------------------------------------------ */


static void close_marked(dctx *c)
{
    if (c->open >= 0) po_end_marked(&c->o);
    c->open = -1;
}

static void text_only(dctx *c, const lbox *b, double oy)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (b->kind == LB_GROUP) text_only(c, b->first, y);
        else if (b->kind == LB_TEXT && b->text[0]) put_text(c, b, y, 1);
    }
}

/* A figure's drawing or an image, whole: one Figure sequence (or an artifact: with no
 * text alternative, or inside one already). Called inside BT; leaves it inside BT. */
static void draw_drawing(dctx *c, const lbox *b, double oy)
{
    close_marked(c);
    po_end_text(&c->o);
    int32_t e = c->artifact ? -1 : tag_owner(c->tags, b->src, TAG_DRAWING);
    if (e >= 0) po_tagged(&c->o, "Figure", tag_mcid(c->tags, e));
    else if (!c->artifact) po_artifact(&c->o, NULL);
    lbox one = *b;
    one.next = NULL;
    draw_graphics(c, &one, oy, 1);
    if (b->kind == LB_GROUP) {
        po_begin_text(&c->o);
        text_only(c, b->first, oy + b->y);
        po_end_text(&c->o);
    }
    if (!c->artifact) po_end_marked(&c->o);
    po_begin_text(&c->o);
}

static void draw_content(dctx *c, const lbox *b, double oy)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (is_drawing(b)) {
            draw_drawing(c, b, oy);
            continue;
        }
        if (b->kind == LB_GROUP) {
            draw_content(c, b->first, y);
            /* an empty cell still has its element (after what the group drew, which
             * may have made it, and before the next group's) */
            if (!c->artifact && b->src && (b->src->type == RN_CELL || b->src->type == RN_ROW))
                tag_owner(c->tags, b->src, TAG_TOUCH);
            continue;
        }
        if (b->kind != LB_TEXT || !b->text[0]) continue;
        if (!c->artifact) {
            int32_t e = tag_owner(c->tags, b->src, TAG_TEXT);
            if (e != c->open) {
                close_marked(c);
                if (e >= 0) {
                    po_tagged(&c->o, tag_type_name(c->tags, e), tag_mcid(c->tags, e));
                    c->open = e;
                }
            }
        }
        put_text(c, b, y, 0);
    }
}

/* ---- links and anchors ------------------------------------------------------------ */

typedef struct {
    HPDF_Page page;
    double top;
} anchor;

/* The words of a link, its annotation's description. */
static char *link_words(const rnode *link)
{
    char *t = rnode_plain_text(link);
    if (t && !*t) {
        free(t);
        t = NULL;
    }
    if (!t && link->url) t = xstrdup(link->url);
    return t;
}

static void tag_annotation(pdf_writer *w, HPDF_Annotation a, HPDF_Page page, const rnode *link,
                           int32_t e)
{
    if (!a || e < 0) return;
    int key = tag_annot(w->tags, e, hp_obj_num(a), hp_obj_num(page));
    char *words = link_words(link);
    if (hp_annot_tag(a, page, key, words, w->utf8) < 0 && !w->err.err) w->err.err = HPDF_INVALID_OBJECT;
    free(words);
}

static void collect_links(pdf_writer *w, HPDF_Page page, double ph, const lbox *b, double oy,
                          wdoc *wd)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (b->kind == LB_GROUP) {
            collect_links(w, page, ph, b->first, y, wd);
            continue;
        }
        if (b->kind != LB_LINK || !b->url || !*b->url || b->w <= 0) continue;
        HPDF_Rect r = {(HPDF_REAL)b->x, (HPDF_REAL)(ph - y - b->h), (HPDF_REAL)(b->x + b->w),
                       (HPDF_REAL)(ph - y)};
        int32_t e = tag_owner(w->tags, b->src, TAG_TEXT);
        if (b->url[0] == '#') {
            if (wd->nlinks == wd->caplinks) {
                wd->caplinks = wd->caplinks ? wd->caplinks * 2 : 16;
                wd->links = xrealloc(wd->links, wd->caplinks * sizeof *wd->links);
            }
            wd->links[wd->nlinks++] = (pending_link){page, r, b->url + 1, b->src, e};
        } else if (strlen(b->url) < PDF_TEXT_PIECE) {    /* longer ones are refused
                                                         * when the report is built */
            HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, b->url);
            if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
            tag_annotation(w, a, page, b->src, e);
        }
    }
}

void draw_internal_links(pdf_writer *w, size_t k)
{
    wdoc *wd = &w->docs[k];
    for (size_t i = 0; i < wd->nlinks && !w->err.err; i++) {
        const pending_link *pl = &wd->links[i];
        const anchor *a = hashmap_get(&wd->anchors, pl->id);
        if (!a) continue;
        HPDF_Destination dst = HPDF_Page_CreateDestination(a->page);
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)a->top);
        HPDF_Annotation an = HPDF_Page_CreateLinkAnnot(pl->page, pl->rect, dst);
        if (an) HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
        tag_annotation(w, an, pl->page, pl->link, pl->elem);
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
    w->err.cur_doc = L->d;
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
    if (hp_page_struct_parents(page, tag_page_begin(w->tags, hp_obj_num(page))) < 0 && !w->err.err)
        w->err.err = HPDF_INVALID_OBJECT;
    /* the furniture's fonts first, under the same names (F1, F2) on every page */
    hp_page_font_name(page, pfont_font(&w->fonts[FACE_REGULAR]));
    if (L->d->furniture.exempt_mark || s->exempt) {
        HPDF_Font b = pfont_font(&w->fonts[FACE_BOLD]);
        if (b) hp_page_font_name(page, b);
    }

    dctx c = {.tags = w->tags, .open = -1, .foreign = foreign ? w : NULL, .doc = L->d};
    po_init(&c.o, page, s->ph, w->fonts, 1);
    /* fills, rules and borders: one artifact */
    po_artifact(&c.o, NULL);
    size_t mark = c.o.b.len;
    for (size_t k = 0; k < lp->len; k++) {
        w->err.cur = lpage_item(L, lp, k)->box->src;
        draw_graphics(&c, lpage_item(L, lp, k)->box, lp->pl[k].y, 0);
    }
    if (c.o.b.len == mark) c.o.b.len = 0, c.o.depth = 0;     /* nothing drawn */
    else po_end_marked(&c.o);
    /* the content, in order */
    po_begin_text(&c.o);
    for (size_t k = 0; k < lp->len; k++) {
        const placement *pl = &lp->pl[k];
        c.artifact = pl->table >= 0;    /* a header row repeated on this page */
        if (c.artifact) {
            /* (a sequence begun inside a text object must end in it: this one holds
             * whole text objects) */
            close_marked(&c);
            po_end_text(&c.o);
            po_artifact(&c.o, NULL);
            po_begin_text(&c.o);
        }
        const lbox *box = lpage_item(L, lp, k)->box;
        w->err.cur = box->src;
        if (!c.artifact && box && box->src && box->src->type == RN_ROW) {
            close_marked(&c);
            tag_row_part(c.tags, box->src);     /* a row continued: a row of its own */
        }
        draw_content(&c, box, pl->y);
        if (c.artifact) {
            po_end_text(&c.o);
            po_end_marked(&c.o);
            po_begin_text(&c.o);
        }
    }
    close_marked(&c);
    po_end_text(&c.o);
    size_t n;
    unsigned char *bytes = po_take(&c.o, &n);
    if (pz_pool_add_bytes(w->zp, hp_page_contents(page), bytes, n) < 0 && !w->err.err)
        w->err.err = HPDF_INVALID_OBJECT;

    for (size_t k = 0; k < lp->len; k++) {
        const placement *pl = &lp->pl[k];
        const vitem *v = lpage_item(L, lp, k);
        w->err.cur = v->box->src;
        collect_links(w, page, s->ph, v->box, pl->y, wd);
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
