/* pdf_layout.c - lays a report description out into sections of vertical items and
 * paginates them into pages of placements as it goes.
 *
 * Every block becomes vertical items (vitems): one per line of text, one per table
 * row, one per rule or image. Each carries a tree of boxes (lbox) that remember the
 * report node they came from; a vitem may ask to be kept with the next one (heading
 * with what follows, first two and last two lines of a paragraph, caption and header
 * rows with the first body row). Pagination fills pages greedily, moving a whole keep
 * chain to the next page when it would be split, and repeats a table's header rows at
 * the top of every page the table continues onto. Wide appendices and tables get
 * sections of their own on landscape pages.
 *
 * Memory stays at about a page's worth however long the paper: at safe points
 * (between the flow's top-level blocks, and between the rows of a top-level table)
 * every item made so far is final, so pagination runs up to there, each completed
 * page goes to layout.on_page to be drawn, and the items and boxes before the open
 * page are freed (boxes live in epochs, arenas freed once their items are drawn).
 * Only the repeated header rows are kept to the end. Pages come out exactly as if the
 * whole document had been laid out first: a page closes only when an item does not
 * fit, and the keep chain moved off it starts on the open page. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_internal.h"

#define INK 0x1A1A1Au
#define MUTED 0x4A4F57u
#define LINK_INK 0x1D4F91u
#define CODE_BG 0xECEFF3u
#define GROUP_FILL 0xD3DBE5u
#define LIGHT_RULE 0xC9D0DAu
#define NOTICE_FILL 0xF3F5F8u

typedef struct {
    double size, leading;
    int face;               /* base face */
    unsigned color;
    rcell_align align;
    int tight;
    double after;           /* space after a paragraph */
    int depth;              /* list nesting */
    int in_cell;
} bstyle;

/* ---- boxes ------------------------------------------------------------------ */

static lbox *box_new(layout *L, lb_kind k, const rnode *src)
{
    lbox *b = arena_alloc(L->ba, sizeof *b);
    b->kind = k;
    b->src = src;
    return b;
}

static void box_add(lbox *parent, lbox *child)
{
    if (parent->last) parent->last->next = child;
    else parent->first = child;
    parent->last = child;
}

static lbox *add_rect(layout *L, lbox *parent, lb_kind k, const rnode *src, double x,
                      double y, double w, double h, unsigned color, double lw)
{
    lbox *b = box_new(L, k, src);
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->color = color;
    b->lw = lw;
    box_add(parent, b);
    return b;
}

static lbox *add_text(layout *L, lbox *parent, const rnode *src, double x, double y,
                      int face, double size, unsigned color, const char *s, size_t n)
{
    lbox *b = box_new(L, LB_TEXT, src);
    b->x = x;
    b->y = y;
    b->face = face;
    b->size = size;
    b->color = color;
    b->text = arena_strndup(L->ba, s, n);
    b->w = pfont_width(&L->fonts[face], s, n, size);
    b->h = size;
    box_add(parent, b);
    return b;
}

/* ---- vertical items ------------------------------------------------------ */

static size_t emit(layout *L, lbox *box, double h, double space)
{
    vvec *v = L->out;
    if (v->len - v->base == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->v = xrealloc(v->v, v->cap * sizeof *v->v);
    }
    vitem *it = &v->v[v->len - v->base];
    memset(it, 0, sizeof *it);
    it->box = box;
    it->h = h;
    it->space = space > L->pending ? space : L->pending;
    it->table = -1;
    L->pending = 0;
    return v->len++;
}

static void space_after(layout *L, double s)
{
    if (s > L->pending) L->pending = s;
}

static section *cur_section(layout *L) { return &L->secs[L->nsec - 1]; }
static int in_flow(layout *L) { return L->nsec && L->out == &cur_section(L)->items; }

static void new_section(layout *L, int landscape)
{
    const house_style *h = L->h;
    if (L->nsec && cur_section(L)->items.len == 0) {
        L->nsec--;      /* reuse an empty section */
    } else {
        if (L->nsec == L->capsec) {
            L->capsec = L->capsec ? L->capsec * 2 : 8;
            L->secs = xrealloc(L->secs, L->capsec * sizeof *L->secs);
        }
        memset(&L->secs[L->nsec], 0, sizeof L->secs[0]);
    }
    section *s = &L->secs[L->nsec++];
    s->landscape = landscape;
    s->pw = landscape ? h->page_height : h->page_width;
    s->ph = landscape ? h->page_width : h->page_height;
    s->x0 = h->margin_left;
    s->w = s->pw - h->margin_left - h->margin_right;
    s->top = h->margin_top + L->exempt_shift;
    s->bottom = s->ph - h->margin_bottom;
    L->out = &s->items;
    L->pending = 0;
}

/* ---- text: sanitising and itemising ------------------------------------- */

/* Copies text with every character the face lacks replaced by '?', warning once per
 * character per node. Returns s itself when nothing needs replacing. */
static const char *sanitize(layout *L, const rnode *src, int face, const char *s,
                            size_t n, size_t *outlen)
{
    pfont *f = &L->fonts[face];
    size_t i = 0;
    int bad = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t cl = utf8_decode(s + i, n - i, &cp);
        if (!cl || pfont_units(f, cp) < 0) {
            bad = 1;
            break;
        }
        i += cl;
    }
    *outlen = n;
    if (!bad) return s;

    strbuf sb = STRBUF_INIT;
    sb_putn(&sb, s, i);
    uint32_t warned[8];
    int nw = 0;
    while (i < n) {
        uint32_t cp;
        size_t cl = utf8_decode(s + i, n - i, &cp);
        if (!cl) {
            cl = 1;
            cp = 0xFFFD;
        }
        if ((cp < 0x80 && cp >= 0x20 && cp < 0x7F) || (cp >= 0x80 && pfont_units(f, cp) >= 0)) {
            sb_putn(&sb, s + i, cl);
        } else {
            sb_putc(&sb, '?');
            int seen = 0;
            for (int k = 0; k < nw; k++) seen |= warned[k] == cp;
            if (!seen && !L->quiet) {
                if (nw < 8) warned[nw++] = cp;
                diag_warning(L->diags, rnode_pos(L->d, src),
                             "character U+%04X is not in font %s; printed as '?'",
                             (unsigned)cp, f->file);
            }
        }
        i += cl;
    }
    char *r = arena_strndup(L->ba, sb.data, sb.len);
    *outlen = sb.len;
    sb_free(&sb);
    return r;
}

static double space_width(layout *L, const istyle *st)
{
    return pfont_units(&L->fonts[st->face], ' ') * st->size / 1000.0;
}

static void add_glue(layout *L, const istyle *st)
{
    itemlist *l = &L->il;
    if (l->len == 0) return;
    const item *last = &l->it[l->len - 1];
    if (last->kind == IT_GLUE || (last->kind == IT_PENALTY && last->penalty <= PEN_FORCE))
        return;
    item *g = il_push(l, IT_GLUE);
    g->style = il_style(l, st);
    g->w = space_width(L, st);
}

static void add_word(layout *L, const rnode *src, const istyle *st, const char *s, size_t n)
{
    size_t len;
    const char *t = sanitize(L, src, st->face, s, n, &len);
    item *b = il_push(&L->il, IT_BOX);
    b->style = il_style(&L->il, st);
    b->s = t;
    b->len = (uint32_t)len;
    b->w = pfont_width(&L->fonts[st->face], t, len, st->size);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Words and glue from text. keep_spaces: every space is its own glue (code). */
static void add_words(layout *L, const rnode *src, const istyle *st, const char *s, int keep)
{
    if (!s) return;
    size_t i = 0, n = strlen(s);
    while (i < n) {
        if (is_space(s[i])) {
            if (keep && s[i] == ' ' && L->il.len) {
                item *g = il_push(&L->il, IT_GLUE);
                g->style = il_style(&L->il, st);
                g->w = space_width(L, st);
            } else {
                add_glue(L, st);
            }
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !is_space(s[j])) j++;
        add_word(L, src, st, s + i, j - i);
        i = j;
    }
}

static void add_break(layout *L)
{
    itemlist *l = &L->il;
    while (l->len && l->it[l->len - 1].kind == IT_GLUE) l->len--;
    item *p = il_push(l, IT_PENALTY);
    p->penalty = PEN_FORCE;
}

static void itemize(layout *L, const rnode *n, istyle st);

static void itemize_children(layout *L, const rnode *first, const rnode *stop, istyle st)
{
    for (const rnode *c = first; c && c != stop; c = c->next) {
        if (rnode_is_block(c)) break;
        itemize(L, c, st);
    }
}

static void itemize(layout *L, const rnode *n, istyle st)
{
    const house_style *h = L->h;
    switch (n->type) {
    case RN_TEXT:
        st.src = n;
        add_words(L, n, &st, n->text, 0);
        break;
    case RN_SOFTBREAK:
        add_glue(L, &st);
        break;
    case RN_LINEBREAK:
        add_break(L);
        break;
    case RN_CODE:
        st.deco |= DECO_CODE;
        st.bg = CODE_BG;
        st.src = n;
        add_words(L, n, &st, n->text, 0);
        break;
    case RN_EMPH:
        st.face |= FACE_ITALIC;
        itemize_children(L, n->first, NULL, st);
        break;
    case RN_STRONG:
        st.face |= FACE_BOLD;
        itemize_children(L, n->first, NULL, st);
        break;
    case RN_STRIKE:
        st.deco |= DECO_STRIKE;
        itemize_children(L, n->first, NULL, st);
        break;
    case RN_LINK:
        st.deco |= DECO_LINK;
        st.link = n;
        st.color = LINK_INK;
        itemize_children(L, n->first, NULL, st);
        break;
    case RN_IMAGE: {
        /* An image inside running text: its alternative text, in brackets. */
        st.face |= FACE_ITALIC;
        st.src = n;
        strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "[%s]", n->text && *n->text ? n->text : "image");
        add_words(L, n, &st, arena_strndup(L->ba, sb.data, sb.len), 0);
        sb_free(&sb);
        break;
    }
    case RN_BADGE: {
        rag_level lv = n->rag <= LEVEL_RED ? n->rag : LEVEL_NONE;
        istyle bs = st;
        bs.face = FACE_BOLD;
        bs.size = (float)(st.size * 0.86);
        bs.color = h->rag[lv].ink;
        bs.bg = h->rag[lv].fill;
        bs.deco = DECO_BADGE;
        bs.link = NULL;
        bs.src = n;
        const char *t = n->text && *n->text ? n->text : h->rag[lv].word;
        size_t len;
        const char *s = sanitize(L, n, bs.face, t, strlen(t), &len);
        item *b = il_push(&L->il, IT_BOX);
        b->style = il_style(&L->il, &bs);
        b->s = s;
        b->len = (uint32_t)len;
        b->pad = 3;
        b->w = pfont_width(&L->fonts[bs.face], s, len, bs.size) + 2 * b->pad;
        break;
    }
    default:
        if (rnode_is_block(n)) break;
        itemize_children(L, n->first, NULL, st);
        break;
    }
}

static istyle base_style(const bstyle *bs)
{
    istyle st;
    memset(&st, 0, sizeof st);
    st.face = (uint8_t)bs->face;
    st.size = (float)bs->size;
    st.color = bs->color;
    return st;
}

static int has_boxes(const itemlist *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->it[i].kind == IT_BOX) return 1;
    return 0;
}

/* ---- lines ------------------------------------------------------------------ */

static double baseline_of(double leading, double size) { return leading / 2 + size * 0.36; }

typedef struct {
    layout *L;
    lbox *g;
    strbuf sb;
    int style;              /* -1: no run */
    double x, w, pad;
} runbuf;

static void run_flush(runbuf *r, double base)
{
    layout *L = r->L;
    if (r->style < 0) return;
    const istyle *st = &L->il.st[r->style];
    const rnode *src = st->src ? st->src : r->g->src;
    double sz = st->size;
    if (st->deco & DECO_BADGE) {
        add_rect(L, r->g, LB_FILL, src, r->x, base - sz * 0.95, r->w, sz * 1.3, st->bg, 0);
    } else if (st->deco & DECO_CODE) {
        add_rect(L, r->g, LB_FILL, src, r->x - 1, base - sz * 0.85, r->w + 2, sz * 1.15,
                 st->bg, 0);
    }
    if (r->sb.len) {
        lbox *t = add_text(L, r->g, src, r->x + r->pad, base, st->face, sz, st->color,
                           r->sb.data, r->sb.len);
        (void)t;
    }
    if (st->deco & DECO_LINK) {
        double tw = r->w;
        while (r->sb.len && r->sb.data[r->sb.len - 1] == ' ') {     /* no trailing space */
            r->sb.len--;
            tw = pfont_width(&L->fonts[st->face], r->sb.data, r->sb.len, sz);
        }
        add_rect(L, r->g, LB_LINE, src, r->x, base + sz * 0.14, tw, 0, st->color, 0.5);
        lbox *k = add_rect(L, r->g, LB_LINK, st->link, r->x, base - sz * 0.9, tw, sz * 1.2,
                           0, 0);
        k->url = st->link->url;
    }
    if (st->deco & DECO_STRIKE)
        add_rect(L, r->g, LB_LINE, src, r->x, base - sz * 0.3, r->w, 0, st->color, 0.6);
    r->style = -1;
    r->sb.len = 0;
    r->w = r->pad = 0;
}

/* One line of items [s, e) as boxes in g, starting at x, baseline base. */
static void draw_line(layout *L, lbox *g, const kline *kl, double x, double base)
{
    runbuf r = {L, g, STRBUF_INIT, -1, 0, 0, 0};
    double cx = x;
    for (size_t i = kl->start; i < kl->end; i++) {
        const item *it = &L->il.it[i];
        if (it->kind == IT_PENALTY) continue;
        const istyle *st = &L->il.st[it->style];
        int solo = it->pad > 0;
        if (it->kind == IT_GLUE) {
            if (r.style == it->style && !(st->deco & DECO_BADGE)) {
                sb_putc(&r.sb, ' ');
                r.w += it->w;
            } else {
                run_flush(&r, base);
                /* a space in a style of its own: just advance, unless decorated */
                if (st->deco & (DECO_LINK | DECO_CODE | DECO_STRIKE)) {
                    r.style = it->style;
                    r.x = cx;
                    sb_putc(&r.sb, ' ');
                    r.w = it->w;
                }
            }
            cx += it->w;
            continue;
        }
        if (r.style != it->style || solo) {
            run_flush(&r, base);
            r.style = it->style;
            r.x = cx;
            r.pad = it->pad;
        }
        sb_putn(&r.sb, it->s, it->len);
        r.w += it->w;
        cx += it->w;
        if (solo) run_flush(&r, base);
    }
    run_flush(&r, base);
    sb_free(&r.sb);
}

/* Breaks L->il at width w and emits one vitem per line. Returns the index of the
 * first vitem, or (size_t)-1 if there was nothing to set. */
static size_t emit_lines(layout *L, const rnode *src, double x, double w, const bstyle *bs,
                         rcell_align align, double space)
{
    if (!has_boxes(&L->il)) {
        il_reset(&L->il);
        return (size_t)-1;
    }
    if (kp_break(&L->il, w, L->fonts, &L->kl)) L->stats.breaks_fallback++;
    size_t first = (size_t)-1, nl = L->kl.len;
    double base = baseline_of(bs->leading, bs->size);
    for (size_t k = 0; k < nl; k++) {
        const kline *kl = &L->kl.v[k];
        lbox *g = box_new(L, LB_GROUP, src);
        g->x = x;
        g->w = w;
        g->h = bs->leading;
        double lx = x;
        if (align == ALIGN_RIGHT) lx = x + w - kl->width;
        else if (align == ALIGN_CENTER) lx = x + (w - kl->width) / 2;
        draw_line(L, g, kl, lx, base);
        size_t vi = emit(L, g, bs->leading, k == 0 ? space : 0);
        vat(L->out, vi)->baseline = base;
        if (k == 0) first = vi;
        L->stats.lines++;
    }
    /* no orphan or widow: the first two and the last two lines stay together */
    if (nl >= 2) {
        vat(L->out, first)->keep = 1;
        vat(L->out, first + nl - 2)->keep = 1;
    }
    il_reset(&L->il);
    return first;
}

/* A plain string set as a paragraph. */
static size_t lay_string(layout *L, const rnode *src, const char *text, double x, double w,
                         const bstyle *bs, rcell_align align, double space)
{
    istyle st = base_style(bs);
    st.src = src;
    il_reset(&L->il);
    add_words(L, src, &st, text, 0);
    return emit_lines(L, src, x, w, bs, align, space);
}

/* Hangs a marker ("1.1", "•") in the first line of vitem vi at x. */
static void hang_marker(layout *L, size_t vi, const rnode *src, const char *text, double x,
                        double w, int face, const bstyle *bs, int right)
{
    if (vi == (size_t)-1 || !text) return;
    vitem *v = vat(L->out, vi);
    size_t len;
    const char *s = sanitize(L, src, face, text, strlen(text), &len);
    double base = v->baseline ? v->baseline : baseline_of(bs->leading, bs->size);
    double tw = pfont_width(&L->fonts[face], s, len, bs->size);
    add_text(L, v->box, src, right ? x + w - tw : x, base, face, bs->size, bs->color, s, len);
}

/* ---- blocks ---------------------------------------------------------------- */

static void lay_blocks(layout *L, const rnode *first, double x, double w, const bstyle *bs,
                       int hang);
static void commit(layout *L, int final);
static void lay_block(layout *L, const rnode *n, double x, double w, const bstyle *bs);

static bstyle body_style(layout *L)
{
    bstyle b;
    memset(&b, 0, sizeof b);
    b.size = L->h->body_size;
    b.leading = L->h->body_leading;
    b.face = FACE_REGULAR;
    b.color = INK;
    b.after = L->h->paragraph_space;
    return b;
}

/* Stacks vitems [from, to) of v into one group (for cells and notices). */
static lbox *stack(layout *L, const vvec *v, size_t from, size_t to, const rnode *src,
                   double *height)
{
    lbox *g = box_new(L, LB_GROUP, src);
    double y = 0;
    for (size_t i = from; i < to; i++) {
        const vitem *it = vat(v, i);
        if (i > from) y += it->space;
        lbox *b = it->box;
        b->y = y;
        box_add(g, b);
        y += it->h;
    }
    *height = y;
    return g;
}

/* Inline children [first, stop) as a paragraph; images among them stand alone. */
static size_t lay_inline_run(layout *L, const rnode *src, const rnode *first,
                             const rnode *stop, double x, double w, const bstyle *bs,
                             const char *number, double numx);

static void lay_image(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    HPDF_Image img = n->url ? hashmap_get(&L->images, n->url) : NULL;
    if (!img && n->url) {
        /* a file that cannot be read is a warning, not a libharu error */
        hpdf_err saved = L->err ? *L->err : (hpdf_err){0, 0};
        size_t ul = strlen(n->url);
        const char *ext = ul > 4 ? n->url + ul - 4 : "";
        if (!strcasecmp(ext, ".png"))
            img = HPDF_LoadPngImageFromFile(L->pdf, n->url);
        else if (!strcasecmp(ext, ".jpg") || (ul > 5 && !strcasecmp(n->url + ul - 5, ".jpeg")))
            img = HPDF_LoadJpegImageFromFile(L->pdf, n->url);
        if (!img) {
            HPDF_ResetError(L->pdf);
            if (L->err) *L->err = saved;
        } else {
            hashmap_put(&L->images, n->url, img);
        }
    }
    if (!img) {
        diag_warning(L->diags, rnode_pos(L->d, n), "cannot read image %s (PNG or JPEG expected)",
                     n->url ? n->url : "(none)");
        bstyle it = *bs;
        it.face |= FACE_ITALIC;
        strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "[Image: %s]", n->text && *n->text ? n->text : "not available");
        lay_string(L, n, sb.data, x, w, &it, ALIGN_LEFT, 0);
        sb_free(&sb);
        space_after(L, bs->after);
        return;
    }
    double iw = HPDF_Image_GetWidth(img) * 0.75, ih = HPDF_Image_GetHeight(img) * 0.75;
    if (iw <= 0 || ih <= 0) return;
    section *s = cur_section(L);
    double maxh = (s->bottom - s->top) * 0.7;
    double k = 1;
    if (iw * k > w) k = w / iw;
    if (ih * k > maxh) k = maxh / ih;
    lbox *g = box_new(L, LB_GROUP, n);
    lbox *b = add_rect(L, g, LB_IMAGE, n, x, 0, iw * k, ih * k, 0, 0);
    b->img = img;
    emit(L, g, ih * k, 6);
    space_after(L, 8);
}

static size_t lay_inline_run(layout *L, const rnode *src, const rnode *first,
                             const rnode *stop, double x, double w, const bstyle *bs,
                             const char *number, double numx)
{
    size_t firstvi = (size_t)-1;
    const rnode *c = first;
    double space = bs->tight ? 2 : 0;
    while (c && c != stop && !rnode_is_block(c)) {
        if (c->type == RN_IMAGE) {
            lay_image(L, c, x, w, bs);
            c = c->next;
            continue;
        }
        il_reset(&L->il);
        istyle st = base_style(bs);
        st.src = src;
        const rnode *e = c;
        while (e && e != stop && !rnode_is_block(e) && e->type != RN_IMAGE) {
            itemize(L, e, st);
            e = e->next;
        }
        size_t vi = emit_lines(L, src, x, w, bs, bs->align, space);
        if (firstvi == (size_t)-1 && vi != (size_t)-1) {
            firstvi = vi;
            if (number)
                hang_marker(L, vi, src, number, numx, x - numx, bs->face, bs, 0);
        }
        c = e;
    }
    if (number && firstvi == (size_t)-1) {     /* a number with nothing after it */
        lbox *g = box_new(L, LB_GROUP, src);
        firstvi = emit(L, g, bs->leading, space);
        vat(L->out, firstvi)->baseline = baseline_of(bs->leading, bs->size);
        hang_marker(L, firstvi, src, number, numx, x - numx, bs->face, bs, 0);
    }
    space_after(L, bs->after);
    return firstvi;
}

static char *arena_plain(layout *L, const rnode *n)
{
    char *t = rnode_plain_text(n);
    char *r = arena_strdup(L->ba, t);
    free(t);
    return r;
}

static void lay_heading(layout *L, const rnode *n, double x, double w, const bstyle *bs,
                        int level, int mark)
{
    const char *number = mark >= 0 ? n->number : NULL;
    const house_style *h = L->h;
    bstyle hs = *bs;
    hs.face = FACE_BOLD;
    double before = 8;
    if (!bs->in_cell) {
        hs.color = h->accent;
        hs.size = level <= 1 ? h->h1_size : level == 2 ? h->h2_size : h->h3_size;
        hs.leading = hs.size * 1.28;
        before = level <= 1 ? 20 : level == 2 ? 14 : 10;
    }
    hs.tight = 0;
    hs.after = 0;
    double tx = x, tw = w;
    if (number && *number) {
        tx = x + h->number_indent;
        tw = w - h->number_indent;
    }
    size_t start = L->out->len;
    il_reset(&L->il);
    istyle st = base_style(&hs);
    st.src = n;
    itemize_children(L, n->first, NULL, st);
    size_t vi = emit_lines(L, n, tx, tw, &hs, ALIGN_LEFT, before);
    if (vi == (size_t)-1) return;
    if (number && *number) hang_marker(L, vi, n, number, x, tx - x, FACE_BOLD, &hs, 0);
    for (size_t i = start; i < L->out->len; i++) vat(L->out, i)->keep = 1;
    if (mark > 0 && in_flow(L)) {
        vitem *v = vat(L->out, vi);
        v->mark = n;
        v->mark_level = level;
        char *t = arena_plain(L, n);
        v->mark_title = number && *number ? arena_printf(L->ba, "%s %s", number, t) : t;
        v->anchor = n->id;
    }
    space_after(L, bs->in_cell ? 2 : 5);
}

static int list_marker(char *buf, size_t n, const rnode *list, const rnode *item, int idx,
                       int depth)
{
    if (item->number && *item->number) {
        snprintf(buf, n, "%s", item->number);
        return 2;
    }
    if (list->flags & RF_ORDERED) {
        snprintf(buf, n, "%d.", (list->level ? list->level : 1) + idx);
        return 1;
    }
    static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\xA2"};
    snprintf(buf, n, "%s", bullets[depth % 3]);
    return 0;
}

static void lay_list(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    int idx = 0;
    for (const rnode *it = n->first; it; it = it->next, idx++) {
        if (it->type != RN_ITEM) {
            lay_block(L, it, x, w, bs);
            continue;
        }
        char mk[64];
        int kind = list_marker(mk, sizeof mk, n, it, idx, bs->depth);
        double mi = kind == 2 ? L->h->number_indent : kind == 1 ? 22 : 15;
        bstyle cb = *bs;
        cb.tight = (n->flags & RF_TIGHT) != 0;
        cb.after = (n->flags & RF_TIGHT) ? 2.5 : bs->after;
        cb.depth = bs->depth + 1;
        cb.align = ALIGN_LEFT;
        if (idx > 0 && (n->flags & RF_TIGHT)) space_after(L, 2.5);
        size_t first = L->out->len;
        lay_blocks(L, it->first, x + mi, w - mi, &cb, 0);
        if (L->out->len == first) {
            lbox *g = box_new(L, LB_GROUP, it);
            size_t vi = emit(L, g, bs->leading, 0);
            vat(L->out, vi)->baseline = baseline_of(bs->leading, bs->size);
        }
        hang_marker(L, first, it, mk, kind == 0 ? x + 3 : x, kind == 1 ? mi - 6 : mi,
                    bs->face, bs, kind == 1);
    }
    space_after(L, bs->after);
}

static void lay_quote(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    size_t first = L->out->len;
    bstyle q = *bs;
    q.color = MUTED;
    lay_blocks(L, n->first, x + 14, w - 14, &q, 0);
    for (size_t i = first; i < L->out->len; i++) {
        vitem *v = vat(L->out, i);
        double up = i > first ? v->space : 0;
        add_rect(L, v->box, LB_FILL, n, x + 1, -up, 2.5, v->h + up, LIGHT_RULE, 0);
    }
    space_after(L, bs->after);
}

static void lay_code(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    bstyle c = *bs;
    c.size = bs->size * 0.88;
    c.leading = c.size * 1.35;
    c.face = FACE_REGULAR;
    c.color = INK;
    il_reset(&L->il);
    istyle st = base_style(&c);
    st.src = n;
    const char *s = n->text ? n->text : "";
    size_t len = strlen(s);
    while (len && s[len - 1] == '\n') len--;
    size_t i = 0;
    while (i <= len) {
        size_t j = i;
        while (j < len && s[j] != '\n') j++;
        char *line = arena_strndup(L->ba, s + i, j - i);
        for (char *p = line; *p; p++)
            if (*p == '\t') *p = ' ';
        add_words(L, n, &st, line, 1);
        if (!L->il.len || L->il.it[L->il.len - 1].kind == IT_PENALTY) {
            item *b = il_push(&L->il, IT_BOX);     /* keep blank lines */
            b->style = il_style(&L->il, &st);
            b->s = "";
        }
        add_break(L);
        i = j + 1;
    }
    size_t first = L->out->len;
    emit_lines(L, n, x + 6, w - 12, &c, ALIGN_LEFT, 6);
    for (size_t k = first; k < L->out->len; k++) {
        vitem *v = vat(L->out, k);
        v->keep = 0;
        double top = k == first ? 3 : 0, bot = k + 1 == L->out->len ? 3 : 0;
        lbox *f = box_new(L, LB_FILL, n);
        f->x = x;
        f->y = -top;
        f->w = w;
        f->h = v->h + top + bot;
        f->color = CODE_BG;
        f->next = v->box->first;    /* behind the text */
        v->box->first = f;
        if (!v->box->last) v->box->last = f;
    }
    space_after(L, bs->after + 3);
}

static void lay_rule(layout *L, const rnode *n, double x, double w, unsigned color,
                     double lw, double h, double space)
{
    lbox *g = box_new(L, LB_GROUP, n);
    add_rect(L, g, LB_LINE, n, x, h / 2, w, 0, color, lw);
    emit(L, g, h, space);
}

/* ---- tables ------------------------------------------------------------------ */

#define CELL_PAD 4.0
#define CELL_VPAD 3.0

typedef struct {
    double mn, mx;
} minmax;

static void measure_items(layout *L, double indent, minmax *m)
{
    double line = 0, word = 0;
    for (size_t i = 0; i < L->il.len; i++) {
        const item *it = &L->il.it[i];
        if (it->kind == IT_BOX) {
            word += it->w;
            line += it->w;
        } else {
            if (word + indent > m->mn) m->mn = word + indent;
            word = 0;
            if (it->kind == IT_GLUE) line += it->w;
            else {
                if (line + indent > m->mx) m->mx = line + indent;
                line = 0;
            }
        }
    }
    if (word + indent > m->mn) m->mn = word + indent;
    if (line + indent > m->mx) m->mx = line + indent;
    il_reset(&L->il);
}

static void minmax_blocks(layout *L, const rnode *first, double indent, const bstyle *bs,
                          minmax *m)
{
    for (const rnode *c = first; c; c = c->next) {
        if (!rnode_is_block(c)) {
            il_reset(&L->il);
            istyle st = base_style(bs);
            const rnode *e = c;
            while (e && !rnode_is_block(e)) itemize(L, e, st), e = e->next;
            measure_items(L, indent, m);
            if (!e) break;
            c = e;
        }
        switch (c->type) {
        case RN_PARAGRAPH:
        case RN_HEADING:
        case RN_CAPTION: {
            bstyle b = *bs;
            if (c->type == RN_HEADING) b.face = FACE_BOLD;
            minmax_blocks(L, c->first, indent, &b, m);
            break;
        }
        case RN_LIST:
            for (const rnode *it = c->first; it; it = it->next)
                minmax_blocks(L, it->first, indent + ((c->flags & RF_ORDERED) ? 22 : 15), bs, m);
            break;
        case RN_BLOCKQUOTE:
        case RN_NOTICE:
            minmax_blocks(L, c->first, indent + 14, bs, m);
            break;
        case RN_CODE_BLOCK: {
            istyle st = base_style(bs);
            il_reset(&L->il);
            add_words(L, c, &st, c->text, 0);
            measure_items(L, indent + 12, m);
            break;
        }
        default:
            break;
        }
    }
}

static int row_is_group(const rnode *row, int ncols)
{
    if (row->flags & RF_GROUP) return 1;
    return row->first && !row->first->next && row->first->colspan >= ncols && ncols > 1;
}

static void column_widths(layout *L, const rnode *t, int ncols, double avail,
                          const bstyle *cs, double *cw)
{
    minmax *m = xcalloc((size_t)ncols, sizeof *m);
    L->quiet++;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || row_is_group(r, ncols)) continue;
        int col = 0;
        for (const rnode *c = r->first; c && col < ncols; c = c->next) {
            int span = c->colspan > 1 ? c->colspan : 1;
            if (span == 1) {
                bstyle b = *cs;
                if ((r->flags & RF_HEADER) || (c->flags & RF_ROW_HEADER)) b.face = FACE_BOLD;
                minmax cm = {0, 0};
                minmax_blocks(L, c->first, 0, &b, &cm);
                if (cm.mn > m[col].mn) m[col].mn = cm.mn;
                if (cm.mx > m[col].mx) m[col].mx = cm.mx;
            }
            col += span;
        }
    }
    L->quiet--;
    double content = avail - ncols * 2 * CELL_PAD;
    if (content < ncols * 8) content = ncols * 8;
    double summin = 0, summax = 0;
    for (int i = 0; i < ncols; i++) {
        if (m[i].mn < 8) m[i].mn = 8;
        if (m[i].mn > content * 0.45) m[i].mn = content * 0.45;
        if (m[i].mx < m[i].mn) m[i].mx = m[i].mn;
        summin += m[i].mn;
        summax += m[i].mx;
    }
    double wsum = 0;
    if (t->col_weights)
        for (int i = 0; i < ncols; i++) wsum += t->col_weights[i] > 0 ? t->col_weights[i] : 0;
    if (wsum > 0) {
        /* preferred widths from the weights, each at least its longest word */
        double over = 0, slack = 0;
        for (int i = 0; i < ncols; i++) {
            double p = content * (t->col_weights[i] > 0 ? t->col_weights[i] : 0) / wsum;
            cw[i] = p;
            if (p < m[i].mn) {
                over += m[i].mn - p;
                cw[i] = m[i].mn;
            } else {
                slack += p - m[i].mn;
            }
        }
        if (over > 0 && slack > 0) {
            double k = over < slack ? over / slack : 1;
            for (int i = 0; i < ncols; i++)
                if (cw[i] > m[i].mn) cw[i] -= (cw[i] - m[i].mn) * k;
        }
        /* a column given more than its content needs (an empty Controls column)
         * passes the surplus to the columns that wrap, by weight */
        double surplus = 0, wneed = 0;
        for (int i = 0; i < ncols; i++) {
            if (cw[i] > m[i].mx) {
                surplus += cw[i] - m[i].mx;
                cw[i] = m[i].mx;
            }
        }
        for (int round = 0; round < 4 && surplus > 0.01; round++) {
            wneed = 0;
            for (int i = 0; i < ncols; i++)
                if (cw[i] < m[i].mx) wneed += t->col_weights[i] > 0 ? t->col_weights[i] : 1;
            if (wneed <= 0) break;
            double left = surplus;
            for (int i = 0; i < ncols; i++) {
                if (cw[i] >= m[i].mx) continue;
                double give = surplus * (t->col_weights[i] > 0 ? t->col_weights[i] : 1) / wneed;
                if (cw[i] + give > m[i].mx) give = m[i].mx - cw[i];
                cw[i] += give;
                left -= give;
            }
            surplus = left;
        }
        if (surplus > 0.01) {   /* everything fits: spread the rest by weight */
            for (int i = 0; i < ncols; i++)
                cw[i] += surplus * (t->col_weights[i] > 0 ? t->col_weights[i] : 0) / wsum;
        }
    } else if (summax <= content) {
        for (int i = 0; i < ncols; i++) cw[i] = m[i].mx + (content - summax) * m[i].mx / summax;
    } else if (summin >= content) {
        for (int i = 0; i < ncols; i++) cw[i] = m[i].mn * content / summin;
    } else {
        /* Start every column at its longest word; columns that need little more to
         * set unbroken get it first (short names and dates stay on one line), and the
         * rest is shared among the long-text columns in proportion to what they lack. */
        double remaining = content - summin;
        unsigned char *done = xcalloc((size_t)ncols, 1);
        for (int i = 0; i < ncols; i++) cw[i] = m[i].mn;
        for (;;) {
            int open = 0, gave = 0;
            for (int i = 0; i < ncols; i++) open += !done[i] && m[i].mx > cw[i];
            if (!open) break;
            double share = remaining / open;
            for (int i = 0; i < ncols; i++) {
                if (done[i] || m[i].mx <= cw[i]) continue;
                double need = m[i].mx - cw[i];
                if (need <= share) {
                    cw[i] = m[i].mx;
                    remaining -= need;
                    done[i] = 1;
                    gave = 1;
                }
            }
            if (!gave) {
                double lack = 0;
                for (int i = 0; i < ncols; i++)
                    if (!done[i] && m[i].mx > cw[i]) lack += m[i].mx - cw[i];
                for (int i = 0; i < ncols; i++)
                    if (!done[i] && m[i].mx > cw[i] && lack > 0)
                        cw[i] += remaining * (m[i].mx - cw[i]) / lack;
                break;
            }
        }
        free(done);
    }
    for (int i = 0; i < ncols; i++) cw[i] += 2 * CELL_PAD;
    free(m);
}

typedef struct {
    const rnode *cell;
    double x, w;
    unsigned fill;
    int has_fill;
    size_t from, to, pos;   /* its vitems in the scratch vector */
} cellrun;

static void lay_table(layout *L, const rnode *t, double x, double w, const bstyle *bs)
{
    const house_style *h = L->h;
    int ncols = t->ncols;
    if (ncols <= 0) {
        for (const rnode *r = t->first; r; r = r->next) {
            if (r->type != RN_ROW) continue;
            int n = 0;
            for (const rnode *c = r->first; c; c = c->next) n += c->colspan > 1 ? c->colspan : 1;
            if (n > ncols) ncols = n;
        }
    }
    if (ncols <= 0) return;
    bstyle cs = *bs;
    cs.size = h->small_size;
    cs.leading = h->small_leading;
    cs.tight = 1;
    cs.after = 3;
    cs.in_cell = 1;
    cs.depth = 0;
    cs.face = FACE_REGULAR;
    cs.color = INK;

    double *cw = xcalloc((size_t)ncols + 1, sizeof *cw);
    column_widths(L, t, ncols, w, &cs, cw);
    double *cx = xcalloc((size_t)ncols + 1, sizeof *cx);
    cx[0] = x;
    for (int i = 0; i < ncols; i++) cx[i + 1] = cx[i] + cw[i];

    space_after(L, 6);
    /* caption, in bold, kept with the table */
    const rnode *r = t->first;
    if (r && r->type == RN_CAPTION) {
        bstyle b = *bs;
        b.face = FACE_BOLD;
        b.after = 4;
        b.tight = 0;
        size_t from = L->out->len;
        lay_inline_run(L, r, r->first, NULL, x, w, &b, NULL, 0);
        for (size_t i = from; i < L->out->len; i++) vat(L->out, i)->keep = 1;
        r = r->next;
    }
    int tindex = -1;
    double hdr_h = 0;
    if (in_flow(L)) {
        if (L->ntables == L->captables) {
            L->captables = L->captables ? L->captables * 2 : 16;
            L->tables = xrealloc(L->tables, L->captables * sizeof *L->tables);
        }
        tindex = (int)L->ntables++;
        memset(&L->tables[tindex], 0, sizeof L->tables[tindex]);
        L->tables[tindex].section = L->nsec - 1;
    }
    section *sec = cur_section(L);
    double frame_h = sec->bottom - sec->top;

    vvec scratch = {0};
    cellrun *cr = xcalloc((size_t)ncols, sizeof *cr);
    int first_row = 1;
    for (; r; r = r->next) {
        if (r->type != RN_ROW) continue;
        int group = row_is_group(r, ncols), header = (r->flags & RF_HEADER) != 0;
        int nc = 0, col = 0;
        scratch.len = 0;
        /* header rows may repeat on later pages: their boxes live to the end */
        arena *saveba = L->ba;
        if (header && tindex >= 0 && !L->tables[tindex].closed) L->ba = &L->keep;
        vvec *save = L->out;
        double savep = L->pending;
        L->out = &scratch;
        for (const rnode *c = r->first; c && col < ncols; c = c->next) {
            int span = group ? ncols : c->colspan > 1 ? c->colspan : 1;
            if (col + span > ncols) span = ncols - col;
            cellrun *k = &cr[nc++];
            k->cell = c;
            k->x = cx[col];
            k->w = cx[col + span] - cx[col];
            k->has_fill = 0;
            bstyle b = cs;
            rag_level lv = c->rag <= LEVEL_RED ? c->rag : LEVEL_NONE;
            if (header || (c->flags & RF_ROW_HEADER) || group) b.face = FACE_BOLD;
            if (header) k->fill = h->table_header_fill, k->has_fill = 1;
            if (group) k->fill = GROUP_FILL, k->has_fill = 1, b.color = h->accent;
            if (lv != LEVEL_NONE) {
                k->fill = h->rag[lv].fill;
                k->has_fill = 1;
                b.color = h->rag[lv].ink;
            }
            b.align = c->align;
            if (b.align == ALIGN_DEFAULT && (c->flags & RF_NUMERIC)) b.align = ALIGN_RIGHT;
            k->from = scratch.len;
            L->pending = 0;
            lay_blocks(L, c->first, k->x + CELL_PAD, k->w - 2 * CELL_PAD, &b, 0);
            k->to = k->pos = scratch.len;
            k->pos = k->from;
            col += span;
        }
        L->out = save;
        L->pending = savep;

        /* rows taller than a page are cut between lines */
        double maxh = frame_h - (header ? 0 : hdr_h) - 2 * CELL_VPAD - 4;
        int more = 1, chunk = 0;
        while (more) {
            lbox *g = box_new(L, LB_GROUP, r);
            lbox *cells[64];
            double hs[64];
            int nn = nc < 64 ? nc : 64;
            double rowh = cs.leading;
            more = 0;
            for (int i = 0; i < nn; i++) {
                cellrun *k = &cr[i];
                size_t e = k->pos;
                double acc = 0;
                while (e < k->to) {
                    double add = (e > k->pos ? scratch.v[e].space : 0) + scratch.v[e].h;
                    if (e > k->pos && acc + add > maxh) break;
                    acc += add;
                    e++;
                }
                cells[i] = stack(L, &scratch, k->pos, e, k->cell, &hs[i]);
                cells[i]->x = k->x;
                cells[i]->w = k->w;
                if (hs[i] > rowh) rowh = hs[i];
                k->pos = e;
                if (e < k->to) more = 1;
            }
            rowh += 2 * CELL_VPAD;
            for (int i = 0; i < nn; i++) {
                cellrun *k = &cr[i];
                lbox *cb = box_new(L, LB_GROUP, k->cell);
                cb->x = k->x;
                cb->w = k->w;
                cb->h = rowh;
                if (k->has_fill) add_rect(L, cb, LB_FILL, k->cell, k->x, 0, k->w, rowh, k->fill, 0);
                cells[i]->y = CELL_VPAD;
                box_add(cb, cells[i]);
                add_rect(L, cb, LB_STROKE, k->cell, k->x, 0, k->w, rowh, h->table_rule, 0.4);
                box_add(g, cb);
            }
            if (nn == 0) add_rect(L, g, LB_STROKE, r, x, 0, cx[ncols] - x, rowh, h->table_rule, 0.4);
            g->x = x;
            g->w = cx[ncols] - x;
            g->h = rowh;
            size_t vi = emit(L, g, rowh, 0);
            vitem *v = vat(L->out, vi);
            v->table = tindex;
            v->header = (unsigned)header;
            v->keep = (unsigned)(header || group);
            if (chunk == 0 && first_row) v->anchor = t->id;
            if (header && tindex >= 0 && !L->tables[tindex].closed) {
                tinfo *ti = &L->tables[tindex];
                if (ti->hdr_count == 0) ti->hdr_first = vi;
                if (ti->hdr_first + ti->hdr_count == vi) {
                    ti->hdr_count++;
                    hdr_h += rowh;
                }
            }
            L->stats.rows++;
            chunk++;
            first_row = 0;
        }
        L->ba = saveba;
        if (tindex >= 0) {
            tinfo *ti = &L->tables[tindex];
            /* the first row after the header rows completes them; a header taller
             * than a third of the page is not repeated */
            if (!header && ti->hdr_count && !ti->closed) {
                ti->closed = 1;
                if (hdr_h <= frame_h / 3) {
                    ti->hdr = xmalloc(ti->hdr_count * sizeof *ti->hdr);
                    for (size_t k = 0; k < ti->hdr_count; k++)
                        ti->hdr[k] = *vat(L->out, ti->hdr_first + k);
                }
            }
            /* the pages before this row can be drawn, unless header rows that
             * may repeat are still open */
            if (L->top_table == t && (ti->hdr_count == 0 || ti->closed)) commit(L, 0);
        }
    }
    if (tindex >= 0) L->tables[tindex].closed = 1;
    free(scratch.v);
    free(cr);
    free(cw);
    free(cx);
    space_after(L, 10);
}

static void lay_notice(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    vvec tmp = {0};
    vvec *save = L->out;
    double sp = L->pending;
    L->out = &tmp;
    L->pending = 0;
    bstyle b = *bs;
    b.after = 4;
    lay_blocks(L, n->first, x + 12, w - 24, &b, 0);
    L->out = save;
    L->pending = sp;
    double ch;
    section *s = cur_section(L);
    lbox *content = stack(L, &tmp, 0, tmp.len, n, &ch);
    double hh = ch + 20;
    if (hh < (s->bottom - s->top) * 0.9) {
        lbox *g = box_new(L, LB_GROUP, n);
        add_rect(L, g, LB_FILL, n, x, 0, w, hh, NOTICE_FILL, 0);
        add_rect(L, g, LB_STROKE, n, x, 0, w, hh, L->h->accent, 0.8);
        content->y = 10;
        box_add(g, content);
        size_t vi = emit(L, g, hh, 8);
        vat(L->out, vi)->baseline = 10 + (tmp.len ? tmp.v[0].baseline : 0);
    } else {
        for (size_t i = 0; i < tmp.len; i++) {
            vitem v = tmp.v[i];
            v.box->y = 0;
            size_t vi = emit(L, v.box, v.h, i ? v.space : 8);
            add_rect(L, vat(L->out, vi)->box, LB_FILL, n, x, 0, 3, v.h, L->h->accent, 0);
            vat(L->out, vi)->keep = v.keep;
        }
    }
    free(tmp.v);
    space_after(L, 10);
}

/* Does this block hang its number (or its first item's) in the left column? */
static int hangs(const rnode *n)
{
    if ((n->type == RN_PARAGRAPH || n->type == RN_HEADING) && n->number && *n->number) return 1;
    if (n->type == RN_LIST && n->first && n->first->number && *n->first->number) return 1;
    return 0;
}

static int any_hangs(const rnode *first)
{
    for (const rnode *c = first; c; c = c->next)
        if (hangs(c)) return 1;
    return 0;
}

static void lay_block(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    switch (n->type) {
    case RN_HEADING:
        lay_heading(L, n, x, w, bs, n->level, 1);
        break;
    case RN_PARAGRAPH:
        if (n->number && *n->number) {
            double ind = L->h->number_indent;
            lay_inline_run(L, n, n->first, NULL, x + ind, w - ind, bs, n->number, x);
        } else {
            lay_inline_run(L, n, n->first, NULL, x, w, bs, NULL, 0);
        }
        break;
    case RN_LIST:
        lay_list(L, n, x, w, bs);
        break;
    case RN_ITEM:
        lay_blocks(L, n->first, x, w, bs, 0);
        break;
    case RN_BLOCKQUOTE:
        lay_quote(L, n, x, w, bs);
        break;
    case RN_CODE_BLOCK:
        lay_code(L, n, x, w, bs);
        break;
    case RN_THEMATIC_BREAK:
        lay_rule(L, n, x, w, LIGHT_RULE, 0.8, 14, 4);
        break;
    case RN_TABLE:
        if ((n->flags & RF_WIDE) && in_flow(L) && !cur_section(L)->landscape) {
            new_section(L, 1);
            section *s = cur_section(L);
            lay_table(L, n, s->x0, s->w, bs);
            new_section(L, 0);
        } else {
            lay_table(L, n, x, w, bs);
        }
        break;
    case RN_NOTICE:
        lay_notice(L, n, x, w, bs);
        break;
    case RN_CAPTION:
        lay_inline_run(L, n, n->first, NULL, x, w, bs, NULL, 0);
        break;
    case RN_IMAGE:
        lay_image(L, n, x, w, bs);
        break;
    case RN_FIELD:
    case RN_BODY:
    case RN_APPENDIX:
    case RN_FRONT_SHEET:
    case RN_ROW:
    case RN_CELL:
    case RN_DOCUMENT:
        lay_blocks(L, n->first, x, w, bs, any_hangs(n->first));
        break;
    default:
        break;
    }
}

static void lay_blocks(layout *L, const rnode *first, double x, double w, const bstyle *bs,
                       int hang)
{
    /* The flow's top-level blocks: nothing revisits the items of one once the next
     * begins, so the pages before it can be drawn. Nested calls are not top-level. */
    int top = L->flow_top;
    L->flow_top = 0;
    double ind = hang ? L->h->number_indent : 0;
    const rnode *c = first;
    while (c) {
        if (!rnode_is_block(c)) {
            const rnode *e = c;
            while (e && !rnode_is_block(e)) e = e->next;
            lay_inline_run(L, c->parent, c, e, x + ind, w - ind, bs, NULL, 0);
            c = e;
            if (top) commit(L, 0);
            continue;
        }
        int full = hangs(c) || c->type == RN_HEADING || c->type == RN_TABLE ||
                   c->type == RN_THEMATIC_BREAK;
        if (top) L->top_table = c->type == RN_TABLE ? c : NULL;
        if (full) lay_block(L, c, x, w, bs);
        else lay_block(L, c, x + ind, w - ind, bs);
        if (top) {
            L->top_table = NULL;
            commit(L, 0);
        }
        c = c->next;
    }
}

/* ---- front sheet, body, appendices ---------------------------------------- */

static int field_is(const rnode *f, const char *label)
{
    return f->type == RN_FIELD && f->text && !strcasecmp(f->text, label);
}

static void lay_front(layout *L, const rnode *fs)
{
    const house_style *h = L->h;
    const rdoc *d = L->d;
    section *s = cur_section(L);
    double x = s->x0, w = s->w;
    bstyle b = body_style(L);

    if (d->organisation && *d->organisation) {
        bstyle o = b;
        o.face = FACE_BOLD;
        o.size = 19;
        o.leading = 23;
        o.color = h->accent;
        size_t vi = lay_string(L, fs, d->organisation, x, w, &o, ALIGN_LEFT, 0);
        if (vi != (size_t)-1) vat(L->out, vi)->keep = 1;
    }
    lay_rule(L, fs, x, w, h->accent, 2, 12, 2);

    /* "Report to Executive" at left, "Item 6" at right */
    bstyle t = b;
    t.face = FACE_BOLD;
    t.size = 14;
    t.leading = 18;
    t.color = INK;
    strbuf sb = STRBUF_INIT;
    if (d->variant_title && *d->variant_title) sb_puts(&sb, d->variant_title);
    else if (d->committee && *d->committee) sb_printf(&sb, "Report to %s", d->committee);
    /* The "Report to" field repeats the heading only when the heading names the committee
     * (an exception report's heading is its subject). */
    int committee_shown = !d->committee || !*d->committee ||
                          (sb.data && strstr(sb.data, d->committee) != NULL);
    char *item = NULL;
    double itemw = 0;
    if (d->item && *d->item) {
        item = arena_printf(L->ba, "Item %s", d->item);
        itemw = pfont_width(&L->fonts[FACE_BOLD], item, strlen(item), t.size) + 12;
    }
    size_t vi = (size_t)-1;
    if (sb.len) vi = lay_string(L, fs, sb.data, x, w - itemw, &t, ALIGN_LEFT, 6);
    sb_free(&sb);
    if (item) {
        if (vi == (size_t)-1) {
            vi = emit(L, box_new(L, LB_GROUP, fs), t.leading, 6);
            vat(L->out, vi)->baseline = baseline_of(t.leading, t.size);
        }
        hang_marker(L, vi, fs, item, x, w, FACE_BOLD, &t, 1);
    }
    if (d->meeting_date && *d->meeting_date) {
        bstyle m = b;
        m.size = 12;
        m.leading = 16;
        m.color = MUTED;
        lay_string(L, fs, d->meeting_date, x, w, &m, ALIGN_LEFT, 2);
    }
    int has_subject = 0;
    for (const rnode *f = fs->first; f; f = f->next) has_subject |= field_is(f, "Subject");
    if (!has_subject && d->title && *d->title) {
        bstyle tt = b;
        tt.face = FACE_BOLD;
        tt.size = h->h1_size + 1;
        tt.leading = tt.size * 1.25;
        tt.color = h->accent;
        lay_string(L, fs, d->title, x, w, &tt, ALIGN_LEFT, 12);
    }
    space_after(L, 16);

    /* the grid of fields: label in bold at left, value at right */
    double lw = w * 0.28;
    if (lw < 110) lw = 110;
    if (lw > 165) lw = 165;
    double gap = 12;
    bstyle v = b;
    v.after = 4;
    for (const rnode *f = fs->first; f; f = f->next) {
        if (f->type != RN_FIELD) {
            lay_block(L, f, x, w, &b);
            continue;
        }
        /* the heading above already shows these */
        if ((field_is(f, "Report to") && committee_shown) ||
            (field_is(f, "Item") && item) || (field_is(f, "Date") && d->meeting_date))
            continue;
        space_after(L, 9);
        double sp = L->pending;
        size_t first = L->out->len;
        lay_blocks(L, f->first, x + lw + gap, w - lw - gap, &v, 0);
        if (L->out->len == first) {
            size_t e = emit(L, box_new(L, LB_GROUP, f), b.leading, sp);
            vat(L->out, e)->baseline = baseline_of(b.leading, b.size);
        }
        vitem *fv = vat(L->out, first);
        fv->space = sp;
        /* the label, wrapped in its column, hung beside the first line */
        il_reset(&L->il);
        bstyle lb = b;
        lb.face = FACE_BOLD;
        istyle st = base_style(&lb);
        st.src = f;
        add_words(L, f, &st, f->text ? f->text : "", 0);
        if (has_boxes(&L->il)) {
            kp_break(&L->il, lw, L->fonts, &L->kl);
            double base = fv->baseline ? fv->baseline : baseline_of(b.leading, b.size);
            for (size_t k = 0; k < L->kl.len; k++)
                draw_line(L, fv->box, &L->kl.v[k], x, base + k * b.leading);
            /* keep the label's lines beside the value: grow a lone line, or keep
             * as many value lines together as the label has */
            size_t nl = L->kl.len, nv = L->out->len - first;
            if (nl > nv) {
                vitem *lastv = vat(L->out, L->out->len - 1);
                lastv->h += (double)(nl - nv) * b.leading;
                nl = nv;
            }
            for (size_t k = 0; k + 1 < nl; k++) vat(L->out, first + k)->keep = 1;
        }
        il_reset(&L->il);
        add_rect(L, fv->box, LB_LINE, f, x, -sp / 2, w, 0, LIGHT_RULE, 0.5);
    }
    space_after(L, 8);
    lay_rule(L, fs, x, w, h->accent, 1.2, 10, 8);
    space_after(L, 10);
}

static void lay_appendix(layout *L, const rnode *ap)
{
    const house_style *h = L->h;
    new_section(L, (ap->flags & RF_WIDE) != 0);
    section *s = cur_section(L);
    double x = s->x0, w = s->w;
    bstyle b = body_style(L);

    const rnode *title = ap->first && ap->first->type == RN_HEADING ? ap->first : NULL;
    char *tt = title ? arena_plain(L, title) : NULL;
    char *label = arena_printf(L->ba, "Appendix %s", ap->number ? ap->number : "");
    int dup = tt && !strncasecmp(tt, "Appendix", 8);
    bstyle lb = b;
    lb.face = FACE_BOLD;
    lb.size = 11;
    lb.leading = 14;
    lb.color = h->accent;
    size_t vi = (size_t)-1;
    if (!dup) vi = lay_string(L, ap, label, x, w, &lb, ALIGN_LEFT, 0);
    size_t start = L->out->len;
    if (title) {
        lay_heading(L, title, x, w, &b, 1, -1);   /* no number: the label says it */
        if (vi == (size_t)-1) vi = start;
    }
    if (vi != (size_t)-1 && vi < L->out->len) {
        for (size_t i = vi; i < L->out->len; i++) vat(L->out, i)->keep = 1;
        vitem *v = vat(L->out, vi);
        v->mark = ap;
        v->mark_level = 0;
        v->mark_title = dup ? tt : tt ? arena_printf(L->ba, "%s: %s", label, tt) : label;
        v->anchor = ap->id;
        lay_rule(L, ap, x, w, h->accent, 1, 8, 2);
        vat(L->out, L->out->len - 1)->keep = 1;
        space_after(L, 8);
    }
    L->flow_top = 1;
    lay_blocks(L, title ? title->next : ap->first, x, w, &b,
               any_hangs(title ? title->next : ap->first));
}

/* ---- pagination, as the layout goes ---------------------------------------------- */

/* A closed epoch is kept at least this big (its first block is ARENA_MIN_BLOCK). */
#define EPOCH_BYTES (48 * 1024)

const vitem *lpage_item(const layout *L, const lpage *pg, size_t k)
{
    const placement *pl = &pg->pl[k];
    if (pl->table >= 0) return &L->tables[pl->table].hdr[pl->vi];
    return vat(&L->secs[pg->section].items, pl->vi);
}

static void place(lpage *pg, size_t vi, double y, int table)
{
    if (pg->len == pg->cap) {
        pg->cap = pg->cap ? pg->cap * 2 : 64;
        pg->pl = xrealloc(pg->pl, pg->cap * sizeof *pg->pl);
    }
    pg->pl[pg->len++] = (placement){vi, y, table};
}

static void page_done(layout *L)
{
    L->npages++;
    if (L->on_page) L->on_page(L->on_page_ctx, L, &L->page);
    L->page.len = 0;
    L->popen = 0;
}

/* Fills pages greedily with the items of section L->psec made so far, moving a whole
 * keep chain to the next page when it would be split; a page is complete (and handed
 * on) when an item does not fit. A table continuing onto a page repeats its header
 * rows there. */
static void paginate(layout *L)
{
    section *s = &L->secs[L->psec];
    vvec *v = &s->items;
    lpage *pg = &L->page;
    while (L->pnext < v->len) {
        size_t i = L->pnext;
        const vitem *it = vat(v, i);
        if (!L->popen) {
            L->popen = 1;
            pg->section = L->psec;
            pg->len = 0;
            L->py = s->top;
            L->pown = 0;
            L->pfirst = i;
            if (it->table >= 0 && !it->header) {
                const tinfo *ti = &L->tables[it->table];
                if (ti->hdr && i >= ti->hdr_first + ti->hdr_count) {
                    for (size_t k = 0; k < ti->hdr_count; k++) {
                        place(pg, k, L->py, it->table);
                        L->py += ti->hdr[k].h;
                    }
                }
            }
        }
        double sp = L->pown == 0 ? 0 : it->space;
        if (L->pown == 0 || L->py + sp + it->h <= s->bottom + 0.01) {
            place(pg, i, L->py + sp, -1);
            L->py += sp + it->h;
            L->pown++;
            L->pnext++;
            continue;
        }
        size_t j = i;
        while (j > L->pfirst && vat(v, j - 1)->keep) j--;
        if (j == L->pfirst) j = i;
        while (pg->len && pg->pl[pg->len - 1].table < 0 && pg->pl[pg->len - 1].vi >= j) pg->len--;
        L->pnext = j;
        page_done(L);
    }
}

/* A safe point: every item made so far is final. Paginates them, draws the pages
 * completed, and frees what only those pages needed. final: the document is done. */
static void commit(layout *L, int final)
{
    if (!L->nsec) return;
    for (;;) {
        paginate(L);
        if (!final && L->psec + 1 >= L->nsec) break;
        /* a section is complete once a later one has begun */
        if (L->popen) page_done(L);
        vvec *v = &L->secs[L->psec].items;
        free(v->v);
        v->v = NULL;
        v->cap = 0;
        v->base = v->len;
        if (L->psec + 1 >= L->nsec) break;
        L->psec++;
        L->pnext = 0;
    }
    /* items before the open page are drawn */
    size_t drawn = L->popen ? L->pfirst : L->pnext;
    vvec *v = &L->secs[L->psec].items;
    if (v->v && drawn > v->base) {
        memmove(v->v, v->v + (drawn - v->base), (v->len - drawn) * sizeof *v->v);
        v->base = drawn;
    }
    /* close the open epoch, and free those whose items are all drawn */
    if (L->cur.total >= EPOCH_BYTES) {
        if (L->epoch0 + L->nepochs == L->capepochs) {
            if (L->epoch0) {
                memmove(L->epochs, L->epochs + L->epoch0, L->nepochs * sizeof *L->epochs);
                L->epoch0 = 0;
            } else {
                L->capepochs = L->capepochs ? L->capepochs * 2 : 16;
                L->epochs = xrealloc(L->epochs, L->capepochs * sizeof *L->epochs);
            }
        }
        L->epochs[L->epoch0 + L->nepochs++] =
            (epoch){L->cur, L->nsec - 1, cur_section(L)->items.len};
        arena_init(&L->cur);
    }
    while (L->nepochs) {
        epoch *e = &L->epochs[L->epoch0];
        if (e->sec > L->psec || (e->sec == L->psec && e->vi > drawn)) break;
        arena_free(&e->a);
        L->epoch0++;
        L->nepochs--;
    }
    if (!L->nepochs) L->epoch0 = 0;
}

void layout_document(layout *L)
{
    new_section(L, 0);
    const rnode *root = L->d->root;
    bstyle b = body_style(L);
    for (const rnode *c = root ? root->first : NULL; c; c = c->next) {
        switch (c->type) {
        case RN_FRONT_SHEET:
            if (cur_section(L)->landscape) new_section(L, 0);
            lay_front(L, c);
            break;
        case RN_APPENDIX:
            lay_appendix(L, c);
            break;
        case RN_BODY:
            if (cur_section(L)->landscape) new_section(L, 0);
            L->flow_top = 1;
            lay_blocks(L, c->first, cur_section(L)->x0, cur_section(L)->w, &b,
                       any_hangs(c->first));
            break;
        default:
            lay_block(L, c, cur_section(L)->x0, cur_section(L)->w, &b);
            break;
        }
        L->flow_top = 0;
        commit(L, 0);
    }
    commit(L, 1);
    L->stats.pages = L->npages;
}

void layout_init(layout *L, const rdoc *d, const house_style *h, diag_list *diags,
                 HPDF_Doc pdf, pfont *fonts)
{
    memset(L, 0, sizeof *L);
    L->d = d;
    L->h = h;
    L->diags = diags;
    L->pdf = pdf;
    L->fonts = fonts;
    arena_init(&L->cur);
    arena_init(&L->keep);
    L->ba = &L->cur;
    hashmap_init(&L->images);
    L->exempt_shift = d->exempt_paragraph > 0 ? 24 : 0;
}

void layout_free(layout *L)
{
    for (size_t i = 0; i < L->nsec; i++) free(L->secs[i].items.v);
    free(L->secs);
    for (size_t i = 0; i < L->ntables; i++) free(L->tables[i].hdr);
    free(L->tables);
    free(L->page.pl);
    il_free(&L->il);
    klines_free(&L->kl);
    hashmap_free(&L->images);
    for (size_t i = 0; i < L->nepochs; i++) arena_free(&L->epochs[L->epoch0 + i].a);
    free(L->epochs);
    arena_free(&L->cur);
    arena_free(&L->keep);
}
