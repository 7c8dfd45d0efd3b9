/* pdf_render.c - draws the pages with libharu as the layout completes them (boxes,
 * bookmarks, links), then the page furniture once the page count is known, then
 * metadata; saves to memory. */
#include "pdf_render.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf_pages.h>

#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_internal.h"

#define FURNITURE_INK 0x555B64u
#define EXEMPT_INK 0xA4161Au

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    hpdf_err *e = user_data;
    if (!e->err) {
        e->err = error_no;
        e->detail = detail_no;
    }
}

/* ---- drawing state ------------------------------------------------------ */

typedef struct {
    HPDF_Doc pdf;
    HPDF_Page page;
    double ph;
    pfont *fonts;
    long fill, stroke;      /* current colours, -1 unknown */
    double lw;
    int face;
    double size;
} pen;

static void set_fill(pen *p, unsigned c)
{
    if (p->fill == (long)c) return;
    p->fill = (long)c;
    HPDF_Page_SetRGBFill(p->page, ((c >> 16) & 255) / 255.0f, ((c >> 8) & 255) / 255.0f,
                         (c & 255) / 255.0f);
}

static void set_stroke(pen *p, unsigned c, double lw)
{
    if (p->stroke != (long)c) {
        p->stroke = (long)c;
        HPDF_Page_SetRGBStroke(p->page, ((c >> 16) & 255) / 255.0f,
                               ((c >> 8) & 255) / 255.0f, (c & 255) / 255.0f);
    }
    if (p->lw != lw) {
        p->lw = lw;
        HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)lw);
    }
}

/* Graphics first (fills, rules, images), so text is always on top. */
static void draw_graphics(pen *p, const lbox *b, double oy)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        switch (b->kind) {
        case LB_GROUP:
            draw_graphics(p, b->first, y);
            break;
        case LB_FILL:
            set_fill(p, b->color);
            HPDF_Page_Rectangle(p->page, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h),
                                (HPDF_REAL)b->w, (HPDF_REAL)b->h);
            HPDF_Page_Fill(p->page);
            break;
        case LB_STROKE:
            set_stroke(p, b->color, b->lw);
            HPDF_Page_Rectangle(p->page, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h),
                                (HPDF_REAL)b->w, (HPDF_REAL)b->h);
            HPDF_Page_Stroke(p->page);
            break;
        case LB_LINE:
            set_stroke(p, b->color, b->lw);
            HPDF_Page_MoveTo(p->page, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y));
            HPDF_Page_LineTo(p->page, (HPDF_REAL)(b->x + b->w), (HPDF_REAL)(p->ph - y - b->h));
            HPDF_Page_Stroke(p->page);
            break;
        case LB_IMAGE:
            HPDF_Page_DrawImage(p->page, b->img, (HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h),
                                (HPDF_REAL)b->w, (HPDF_REAL)b->h);
            break;
        default:
            break;
        }
    }
}

static void text_at(pen *p, int face, double size, unsigned color, double x, double y,
                    const char *s)
{
    if (p->face != face || p->size != size) {
        p->face = face;
        p->size = size;
        HPDF_Page_SetFontAndSize(p->page, pfont_font(&p->fonts[face]), (HPDF_REAL)size);
    }
    set_fill(p, color);
    HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y), s);
}

static void draw_text(pen *p, const lbox *b, double oy)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (b->kind == LB_GROUP) draw_text(p, b->first, y);
        else if (b->kind == LB_TEXT && b->text[0]) text_at(p, b->face, b->size, b->color, b->x, y, b->text);
    }
}

/* ---- links and anchors ------------------------------------------------------ */

typedef struct {
    HPDF_Page page;
    double top;
} anchor;

typedef struct {
    HPDF_Page page;
    HPDF_Rect rect;
    const char *id;
} pending_link;

typedef struct {
    pending_link *v;
    size_t len, cap;
} links;

static void collect_links(pen *p, const lbox *b, double oy, links *ls)
{
    for (; b; b = b->next) {
        double y = oy + b->y;
        if (b->kind == LB_GROUP) {
            collect_links(p, b->first, y, ls);
            continue;
        }
        if (b->kind != LB_LINK || !b->url || !*b->url || b->w <= 0) continue;
        HPDF_Rect r = {(HPDF_REAL)b->x, (HPDF_REAL)(p->ph - y - b->h), (HPDF_REAL)(b->x + b->w),
                       (HPDF_REAL)(p->ph - y)};
        if (b->url[0] == '#') {
            if (ls->len == ls->cap) {
                ls->cap = ls->cap ? ls->cap * 2 : 16;
                ls->v = xrealloc(ls->v, ls->cap * sizeof *ls->v);
            }
            ls->v[ls->len++] = (pending_link){p->page, r, b->url + 1};
        } else {
            HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(p->page, r, b->url);
            if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        }
    }
}

/* ---- furniture ------------------------------------------------------------------ */

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

/* What the furniture of a page shows apart from its number: the same on every page of
 * one kind (the first page or not, portrait or landscape), drawn once into a content
 * stream the pages of that kind share. */
static void furniture(pen *p, layout *L, const section *s, int first_page)
{
    const house_style *h = L->h;
    const rdoc *d = L->d;
    double x0 = s->x0, x1 = s->x0 + s->w, w = s->w;
    pfont *reg = &p->fonts[FACE_REGULAR], *bold = &p->fonts[FACE_BOLD];
    double fs = 8.5;

    /* lines */
    double head_rule = s->top - 16, foot_rule = s->ph - h->margin_bottom + 20;
    if (!first_page) {
        set_stroke(p, h->table_rule, 0.5);
        HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)(p->ph - head_rule));
        HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - head_rule));
        HPDF_Page_Stroke(p->page);
    }
    set_stroke(p, h->table_rule, 0.5);
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
        text_at(p, FACE_BOLD, 11, EXEMPT_INK, x0 + (w - w1) / 2, 24, t1);
        double w2 = pfont_width(reg, t2, strlen(t2), 8);
        text_at(p, FACE_REGULAR, 8, EXEMPT_INK, x0 + (w - w2) / 2, 35, t2);
    }
    if (!first_page) {
        const char *subj = d->subject && *d->subject ? d->subject : d->title ? d->title : "";
        char *t = fit_text(reg, subj, fs, w * 0.62);
        text_at(p, FACE_REGULAR, fs, FURNITURE_INK, x0, head_rule - 6, t);
        free(t);
        if (d->organisation && *d->organisation) {
            char *o = fit_text(reg, d->organisation, fs, w * 0.34);
            double ow = pfont_width(reg, o, strlen(o), fs);
            text_at(p, FACE_REGULAR, fs, FURNITURE_INK, x1 - ow, head_rule - 6, o);
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
        text_at(p, FACE_REGULAR, fs, FURNITURE_INK, x0, foot_rule + 12, t);
        free(t);
    }
    sb_free(&left);
    HPDF_Page_EndText(p->page);
}

/* "Page N of M", at the right of the footer: each page's own. */
static void page_number(pen *p, layout *L, const section *s, size_t pageno, size_t npages)
{
    double x1 = s->x0 + s->w, fs = 8.5;
    double foot_rule = s->ph - L->h->margin_bottom + 20;
    char pg[64];
    snprintf(pg, sizeof pg, "Page %zu of %zu", pageno, npages);
    double pw = pfont_width(&p->fonts[FACE_REGULAR], pg, strlen(pg), fs);
    HPDF_Page_BeginText(p->page);
    p->face = -1;
    text_at(p, FACE_REGULAR, fs, FURNITURE_INK, x1 - pw, foot_rule + 12, pg);
    HPDF_Page_EndText(p->page);
}

/* ---- pages, drawn as the layout completes them ----------------------------------- */

typedef struct {
    HPDF_Page page;
    size_t section;
} drawn_page;

typedef struct {
    HPDF_Doc pdf;
    pfont *fonts;
    hpdf_err *err;
    pz_pool *zp;
    HPDF_Encoder utf8;
    drawn_page *pages;      /* for the furniture, drawn at the end */
    size_t npages, cappages;
    hashmap anchors;        /* id -> anchor (in store) */
    arena store;
    links ls;               /* internal links, resolved at the end */
    struct {
        int level;
        HPDF_Outline o;
    } ostack[16];
    int osp;
} drawer;

static void draw_page(void *ctx, layout *L, const lpage *lp)
{
    drawer *dr = ctx;
    const section *s = &L->secs[lp->section];
    HPDF_Page page = HPDF_AddPage(dr->pdf);
    if (dr->npages == dr->cappages) {
        dr->cappages = dr->cappages ? dr->cappages * 2 : 64;
        dr->pages = xrealloc(dr->pages, dr->cappages * sizeof *dr->pages);
    }
    dr->pages[dr->npages++] = (drawn_page){page, lp->section};
    HPDF_Page_SetWidth(page, (HPDF_REAL)s->pw);
    HPDF_Page_SetHeight(page, (HPDF_REAL)s->ph);
    /* the furniture's fonts first, under the same names (F1, F2) on every page */
    HPDF_Page_GetLocalFontName(page, pfont_font(&dr->fonts[FACE_REGULAR]));
    if (L->d->exempt_paragraph > 0) {
        HPDF_Font b = pfont_font(&dr->fonts[FACE_BOLD]);
        if (b) HPDF_Page_GetLocalFontName(page, b);
    }
    pen p = {dr->pdf, page, s->ph, dr->fonts, -1, -1, 1.0, -1, 0};
    for (size_t k = 0; k < lp->len; k++) draw_graphics(&p, lpage_item(L, lp, k)->box, lp->pl[k].y);
    HPDF_Page_BeginText(page);
    for (size_t k = 0; k < lp->len; k++) draw_text(&p, lpage_item(L, lp, k)->box, lp->pl[k].y);
    HPDF_Page_EndText(page);
    if (pz_pool_add(dr->zp, ((HPDF_PageAttr)page->attr)->contents) < 0 && !dr->err->err)
        dr->err->err = HPDF_INVALID_OBJECT;
    for (size_t k = 0; k < lp->len; k++) {
        const placement *pl = &lp->pl[k];
        const vitem *v = lpage_item(L, lp, k);
        collect_links(&p, v->box, pl->y, &dr->ls);
        if (pl->table >= 0) continue;   /* a repeated header row */
        double top = s->ph - pl->y + 4;
        if (v->anchor && *v->anchor && !hashmap_get(&dr->anchors, v->anchor)) {
            anchor *a = arena_alloc(&dr->store, sizeof *a);
            a->page = page;
            a->top = top;
            hashmap_put(&dr->anchors, v->anchor, a);
        }
        if (v->mark && v->mark_title) {
            while (dr->osp > 0 && dr->ostack[dr->osp - 1].level >= v->mark_level) dr->osp--;
            HPDF_Outline parent = dr->osp > 0 ? dr->ostack[dr->osp - 1].o : NULL;
            HPDF_Outline o = HPDF_CreateOutline(dr->pdf, parent, v->mark_title, dr->utf8);
            if (o) {
                HPDF_Destination dst = HPDF_Page_CreateDestination(page);
                HPDF_Destination_SetFitH(dst, (HPDF_REAL)top);
                HPDF_Outline_SetDestination(o, dst);
                HPDF_Outline_SetOpened(o, v->mark_level == 0 ? HPDF_FALSE : HPDF_TRUE);
                if (dr->osp < 16) {
                    dr->ostack[dr->osp].level = v->mark_level;
                    dr->ostack[dr->osp].o = o;
                    dr->osp++;
                }
            }
        }
    }
}

/* ---- identity: hash of the inputs ---------------------------------------------- */

typedef struct {
    uint64_t a, b;
} hash128;

static void hmix(hash128 *h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h->a = (h->a ^ p[i]) * 0x100000001b3ull;
        h->b = (h->b ^ p[i]) * 0x100000001b3ull + (h->a >> 29);
    }
}

static void hstr(hash128 *h, const char *s)
{
    if (s) hmix(h, s, strlen(s) + 1);
    else hmix(h, "\xff", 1);
}

static void hnode(hash128 *h, const rnode *n)
{
    /* only the fields n's type uses (the others share their storage) */
    int t = n->type;
    int heading_or_list = t == RN_HEADING || t == RN_LIST;
    int cell_or_badge = t == RN_CELL || t == RN_BADGE;
    int numbered = t == RN_HEADING || t == RN_PARAGRAPH || t == RN_ITEM || t == RN_APPENDIX;
    int ordered = t == RN_LIST && (n->flags & RF_ORDERED);
    int v[6] = {t, heading_or_list ? n->level : 0, ordered,
                (int)(n->flags & ~(RF_ORDERED | RF_TIGHT)),
                cell_or_badge ? n->rag : 0, t == RN_CELL ? n->colspan : 0};
    hmix(h, v, sizeof v);
    hstr(h, n->text);
    hstr(h, numbered ? n->number : NULL);
    hstr(h, t == RN_LINK || t == RN_IMAGE ? n->url : NULL);
    for (const rnode *c = n->first; c; c = c->next) hnode(h, c);
    hmix(h, "\0", 1);
}

static hash128 doc_hash(const rdoc *d, const house_style *hs, const char *epoch)
{
    hash128 h = {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull};
    const char *meta[] = {d->title, d->subject, d->committee, d->meeting_date, d->item,
                          d->report_of, d->organisation, d->variant_title, d->lang, epoch};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++) hstr(&h, meta[i]);
    hmix(&h, &d->exempt_paragraph, sizeof d->exempt_paragraph);
    double geo[] = {hs->page_width, hs->page_height, hs->margin_top, hs->margin_left,
                    hs->body_size, hs->small_size, hs->number_indent};
    hmix(&h, geo, sizeof geo);
    if (d->root) hnode(&h, d->root);
    return h;
}

/* ---- document ---------------------------------------------------------------- */

static void set_info(HPDF_Doc pdf, HPDF_InfoType t, const char *v)
{
    if (v && *v) HPDF_SetInfoAttr(pdf, t, v);
}

static int epoch_date(const char *s, HPDF_Date *out)
{
    if (!s || !*s) return 0;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0 || v > 253402300799LL) return 0;
    time_t t = (time_t)v;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return 0;
    memset(out, 0, sizeof *out);
    out->year = tm.tm_year + 1900;
    out->month = tm.tm_mon + 1;
    out->day = tm.tm_mday;
    out->hour = tm.tm_hour;
    out->minutes = tm.tm_min;
    out->seconds = tm.tm_sec;
    out->ind = 'Z';
    return 1;
}

void pdf_render_cleanup(void) { pz_cleanup(); }

int pdf_render(const rdoc *d, const house_style *h, const char *font_dir, strbuf *out,
               diag_list *diags)
{
    return pdf_render_ex(d, h, font_dir, out, diags, NULL);
}

int pdf_render_ex(const rdoc *d, const house_style *h, const char *font_dir, strbuf *out,
                  diag_list *diags, pdf_stats *stats)
{
    hpdf_err err = {0, 0};
    HPDF_Doc pdf = HPDF_New(on_error, &err);
    if (!pdf) {
        diag_error(diags, make_pos(NULL, 0, 0), "PDF: cannot start libharu");
        return -1;
    }
    int rc = -1;
    pfont fonts[FACE__COUNT];
    memset(fonts, 0, sizeof fonts);
    layout L;
    int have_layout = 0;
    drawer dr;
    memset(&dr, 0, sizeof dr);
    int have_drawer = 0;
    pz_pool *zp = pz_pool_new();

    /* page contents and fonts are compressed by us (pdf_zip.c), images by libharu */
    HPDF_SetCompressionMode(pdf, HPDF_COMP_IMAGE);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    pdf->pdf_version = HPDF_VER_14;     /* /Lang in the catalog is PDF 1.4 */
    const char *files[FACE__COUNT] = {h->font_regular, h->font_bold, h->font_italic,
                                      h->font_bold_italic};
    for (int i = 0; i < FACE__COUNT; i++) {
        if (!files[i] || pfont_init(&fonts[i], pdf, font_dir, files[i]) < 0 ||
            (i == FACE_REGULAR && !pfont_font(&fonts[i]))) {
            diag_error(diags, make_pos(files[i], 0, 0),
                       "PDF: cannot load font %s/%s (libharu error 0x%04X, detail %u)",
                       font_dir ? font_dir : ".", files[i] ? files[i] : "(none)",
                       (unsigned)err.err, (unsigned)err.detail);
            goto done;
        }
    }
    if (err.err) {
        diag_error(diags, make_pos(NULL, 0, 0), "PDF: libharu error 0x%04X (detail %u)",
                   (unsigned)err.err, (unsigned)err.detail);
        goto done;
    }

    layout_init(&L, d, h, diags, pdf, fonts);
    have_layout = 1;
    L.err = &err;
    dr.pdf = pdf;
    dr.fonts = fonts;
    dr.err = &err;
    dr.zp = zp;
    dr.utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    hashmap_init(&dr.anchors);
    arena_init(&dr.store);
    have_drawer = 1;
    L.on_page = draw_page;
    L.on_page_ctx = &dr;
    layout_document(&L);     /* draws each page as soon as it is complete */

    /* The furniture needs the page count, so it is drawn once every page is, after
     * each page's body (pdftotext reads the body first): what is the same on every
     * page of a kind in a content stream those pages share, 'Page N of M' in a small
     * one of each page's own. Every page named its fonts in the same order when it
     * was made (draw_page), so a shared stream's font names hold on each. */
    HPDF_Dict shared[2][2] = {{NULL, NULL}, {NULL, NULL}};     /* [landscape][first page] */
    for (size_t pi = 0; pi < dr.npages && !err.err; pi++) {
        const section *s = &L.secs[dr.pages[pi].section];
        HPDF_Page page = dr.pages[pi].page;
        HPDF_Dict *sh = &shared[s->landscape != 0][pi == 0];
        pen p = {pdf, page, s->ph, fonts, -1, -1, -1.0, -1, 0};
        int ok;
        if (!*sh) {
            ok = HPDF_Page_New_Content_Stream(page, sh) == HPDF_OK && *sh;
            if (ok) {
                furniture(&p, &L, s, pi == 0);
                if (pz_pool_add(zp, *sh) < 0 && !err.err) err.err = HPDF_INVALID_OBJECT;
                ok = HPDF_Page_New_Content_Stream(page, NULL) == HPDF_OK;
            }
        } else {
            /* (this also starts the page's next stream) */
            ok = HPDF_Page_Insert_Shared_Content_Stream(page, *sh) == HPDF_OK;
        }
        if (!ok) {
            if (!err.err) err.err = HPDF_INVALID_OBJECT;
            break;
        }
        p.fill = p.stroke = -1;
        page_number(&p, &L, s, pi + 1, dr.npages);
        if (pz_pool_add(zp, ((HPDF_PageAttr)page->attr)->contents) < 0 && !err.err)
            err.err = HPDF_INVALID_OBJECT;
    }
    for (size_t i = 0; i < dr.ls.len; i++) {
        const anchor *a = hashmap_get(&dr.anchors, dr.ls.v[i].id);
        if (!a) continue;
        HPDF_Destination dst = HPDF_Page_CreateDestination(a->page);
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)a->top);
        HPDF_Annotation an = HPDF_Page_CreateLinkAnnot(dr.ls.v[i].page, dr.ls.v[i].rect, dst);
        if (an) HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
    }
    if (L.npages > 0) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);

    /* metadata */
    set_info(pdf, HPDF_INFO_TITLE, d->title);
    set_info(pdf, HPDF_INFO_AUTHOR, d->report_of);
    set_info(pdf, HPDF_INFO_SUBJECT, d->subject);
    set_info(pdf, HPDF_INFO_CREATOR, "tabled");
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    HPDF_Date date;
    if (epoch_date(epoch, &date)) {
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    }
    if (d->lang && *d->lang)
        HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, d->lang, NULL));
    hash128 id = doc_hash(d, h, epoch_date(epoch, &date) ? epoch : NULL);
    unsigned char idb[16];
    for (int i = 0; i < 8; i++) {
        idb[i] = (unsigned char)(id.a >> (8 * i));
        idb[8 + i] = (unsigned char)(id.b >> (8 * i));
    }
    HPDF_Array ida = HPDF_Array_New(pdf->mmgr);
    if (ida) {
        HPDF_Array_Add(ida, HPDF_Binary_New(pdf->mmgr, idb, 16));
        HPDF_Array_Add(ida, HPDF_Binary_New(pdf->mmgr, idb, 16));
        HPDF_Dict_Add(pdf->trailer, "ID", ida);
    }

    if (pz_pool_finish(zp) < 0 && !err.err) err.err = HPDF_INVALID_OBJECT;
    for (int i = 0; i < FACE__COUNT; i++) {
        if (fonts[i].failed) {
            diag_error(diags, make_pos(files[i], 0, 0),
                       "PDF: cannot load font %s/%s (libharu error 0x%04X, detail %u)",
                       font_dir ? font_dir : ".", files[i], (unsigned)err.err,
                       (unsigned)err.detail);
            goto done;
        }
        if (pfont_finish(&fonts[i]) < 0 && !err.err) err.err = HPDF_FAILD_TO_ALLOC_MEM;
    }
    if (err.err) {
        diag_error(diags, make_pos(NULL, 0, 0), "PDF: libharu error 0x%04X (detail %u) while drawing",
                   (unsigned)err.err, (unsigned)err.detail);
        goto done;
    }
    if (HPDF_SaveToStream(pdf) != HPDF_OK) {
        diag_error(diags, make_pos(NULL, 0, 0), "PDF: cannot save (libharu error 0x%04X)",
                   (unsigned)err.err);
        goto done;
    }
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    HPDF_ResetStream(pdf);
    size_t start = out->len;
    sb_grow(out, (size_t)size + 1);
    HPDF_UINT32 got = 0;
    while (got < size) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, (HPDF_BYTE *)out->data + start + got, &n);
        got += n;
        if (st != HPDF_OK || n == 0) break;
    }
    if (got != size) {
        diag_error(diags, make_pos(NULL, 0, 0), "PDF: short read from libharu stream");
        out->len = start;
        if (out->data) out->data[start] = 0;
        goto done;
    }
    out->len = start + got;
    out->data[out->len] = 0;
    if (stats) *stats = L.stats;
    rc = 0;

done:
    pz_pool_free(zp);
    if (have_drawer) {
        hashmap_free(&dr.anchors);
        arena_free(&dr.store);
    }
    free(dr.pages);
    free(dr.ls.v);
    if (have_layout) layout_free(&L);
    for (int i = 0; i < FACE__COUNT; i++) pfont_free(&fonts[i]);
    HPDF_Free(pdf);
    return rc;
}
