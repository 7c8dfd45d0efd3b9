/* pdf_text.c - running text into lines: characters the font lacks replaced (with a
 * warning at their first position in the paper; invisible characters left out),
 * inlines into items in their styles (bold, italic, code, links, badges), Knuth-Plass
 * lines (pdf_break.c) into boxes, and the hung markers ("1.1", bullets) beside a
 * block's first line. */
#include <stdlib.h>
#include <string.h>

#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_layout.h"
#include "pdf_style.h"

/* ---- text: sanitising and itemising ------------------------------------- */

/* 1 the first time cp is reported missing in this paper. */
static int first_missing(layout *L, uint32_t cp)
{
    for (size_t i = 0; i < L->nmissing; i++)
        if (L->missing[i] == cp) return 0;
    if (L->nmissing == L->capmissing) {
        L->capmissing = L->capmissing ? L->capmissing * 2 : 16;
        L->missing = xrealloc(L->missing, L->capmissing * sizeof *L->missing);
    }
    L->missing[L->nmissing++] = cp;
    return 1;
}

/* Copies text with every character the face lacks replaced by '?', warning once per
 * character per paper, at its first place. Invisible characters (utf8.h; the builder
 * warned about them) are left out. Returns s itself when nothing needs replacing. */
const char *ly_sanitize(layout *L, const rnode *src, int face, const char *s,
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
        if (!cl || utf8_is_invisible(cp) || pfont_units(f, cp) < 0) {
            bad = 1;
            break;
        }
        i += cl;
    }
    *outlen = n;
    if (!bad) return s;

    strbuf sb = STRBUF_INIT;
    sb_putn(&sb, s, i);
    while (i < n) {
        uint32_t cp;
        size_t cl = utf8_decode(s + i, n - i, &cp);
        if (!cl) {
            cl = 1;
            cp = 0xFFFD;
        }
        if (utf8_is_invisible(cp)) {
            /* left out */
        } else if ((cp < 0x80 && cp >= 0x20 && cp < 0x7F) || (cp >= 0x80 && pfont_units(f, cp) >= 0)) {
            sb_putn(&sb, s + i, cl);
        } else {
            sb_putc(&sb, '?');
            if (!L->quiet && first_missing(L, cp)) {
                srcpos pos = rnode_pos(L->d, src);
                if (!pos.file) pos = make_pos(L->d->file, 0, 0);
                diag_warning(L->diags, pos,
                             "character U+%04X is not in font %s; printed as '?' (here and "
                             "wherever else it appears in this paper)",
                             (unsigned)cp, f->file);
            }
        }
        i += cl;
    }
    char *r = arena_strndup(L->ba, sb.data ? sb.data : "", sb.len);
    *outlen = sb.len;
    sb_free(&sb);
    return r;
}

static double ly_space_width(layout *L, const istyle *st)
{
    return pfont_units(&L->fonts[st->face], ' ') * st->size / 1000.0;
}

static void ly_add_glue(layout *L, const istyle *st)
{
    itemlist *l = &L->il;
    if (l->len == 0) return;
    const item *last = &l->it[l->len - 1];
    if (last->kind == IT_GLUE || (last->kind == IT_PENALTY && last->penalty <= PEN_FORCE))
        return;
    item *g = il_push(l, IT_GLUE);
    g->style = il_style(l, st);
    g->w = ly_space_width(L, st);
}

static void ly_add_word(layout *L, const rnode *src, const istyle *st, const char *s, size_t n)
{
    size_t len;
    const char *t = ly_sanitize(L, src, st->face, s, n, &len);
    item *b = il_push(&L->il, IT_BOX);
    b->style = il_style(&L->il, st);
    b->s = t;
    b->len = (uint32_t)len;
    b->w = pfont_width(&L->fonts[st->face], t, len, st->size);
}

static int ly_is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Words and glue from text. keep_spaces: every space is its own glue (code). */
void ly_add_words(layout *L, const rnode *src, const istyle *st, const char *s, int keep)
{
    if (!s) return;
    size_t i = 0, n = strlen(s);
    while (i < n) {
        if (ly_is_space(s[i])) {
            if (keep && s[i] == ' ' && L->il.len) {
                item *g = il_push(&L->il, IT_GLUE);
                g->style = il_style(&L->il, st);
                g->w = ly_space_width(L, st);
            } else {
                ly_add_glue(L, st);
            }
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !ly_is_space(s[j])) j++;
        ly_add_word(L, src, st, s + i, j - i);
        i = j;
    }
}

void ly_add_break(layout *L)
{
    itemlist *l = &L->il;
    while (l->len && l->it[l->len - 1].kind == IT_GLUE) l->len--;
    item *p = il_push(l, IT_PENALTY);
    p->penalty = PEN_FORCE;
}

void ly_itemize(layout *L, const rnode *n, istyle st);

void ly_itemize_children(layout *L, const rnode *first, const rnode *stop, istyle st)
{
    for (const rnode *c = first; c && c != stop; c = c->next) {
        if (rnode_is_block(c)) break;
        ly_itemize(L, c, st);
    }
}

void ly_itemize(layout *L, const rnode *n, istyle st)
{
    const rpalette *pal = &L->d->palette;
    switch (n->type) {
    case RN_TEXT:
        st.src = n;
        ly_add_words(L, n, &st, n->text, 0);
        break;
    case RN_SOFTBREAK:
        ly_add_glue(L, &st);
        break;
    case RN_LINEBREAK:
        ly_add_break(L);
        break;
    case RN_CODE:
        st.deco |= DECO_CODE;
        st.bg = CODE_BG;
        st.src = n;
        ly_add_words(L, n, &st, n->text, 0);
        break;
    case RN_EMPH:
        st.face |= FACE_ITALIC;
        ly_itemize_children(L, n->first, NULL, st);
        break;
    case RN_STRONG:
        st.face |= FACE_BOLD;
        ly_itemize_children(L, n->first, NULL, st);
        break;
    case RN_STRIKE:
        st.deco |= DECO_STRIKE;
        ly_itemize_children(L, n->first, NULL, st);
        break;
    case RN_LINK:
        st.deco |= DECO_LINK;
        st.link = n;
        st.color = LINK_INK;
        ly_itemize_children(L, n->first, NULL, st);
        break;
    case RN_IMAGE: {
        /* An image inside running text: its alternative text, in brackets. */
        st.face |= FACE_ITALIC;
        st.src = n;
        strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "[%s]", n->text && *n->text ? n->text : "image");
        ly_add_words(L, n, &st, arena_strndup(L->ba, sb.data, sb.len), 0);
        sb_free(&sb);
        break;
    }
    case RN_BADGE: {
        rag_level lv = n->rag <= LEVEL_RED ? n->rag : LEVEL_NONE;
        istyle bs = st;
        bs.face = FACE_BOLD;
        bs.size = (float)(st.size * BADGE_SIZE);
        bs.color = pal->rag[lv].ink;
        bs.bg = pal->rag[lv].fill;
        bs.deco = DECO_BADGE;
        bs.link = NULL;
        bs.src = n;
        const char *t = n->text && *n->text ? n->text : pal->rag[lv].word;
        size_t len;
        const char *s = ly_sanitize(L, n, bs.face, t, strlen(t), &len);
        item *b = il_push(&L->il, IT_BOX);
        b->style = il_style(&L->il, &bs);
        b->s = s;
        b->len = (uint32_t)len;
        b->pad = BADGE_PAD;
        b->w = pfont_width(&L->fonts[bs.face], s, len, bs.size) + 2 * b->pad;
        break;
    }
    RN_BLOCK_CASES: /* blocks end a run of inlines: never itemised */
        break;
    }
}

istyle ly_base_style(const bstyle *bs)
{
    istyle st;
    memset(&st, 0, sizeof st);
    st.face = (uint8_t)bs->face;
    st.size = (float)bs->size;
    st.color = bs->color;
    return st;
}

int ly_has_boxes(const itemlist *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->it[i].kind == IT_BOX) return 1;
    return 0;
}

/* ---- lines ------------------------------------------------------------------ */

typedef struct {
    layout *L;
    lbox *g;
    strbuf sb;
    int style;              /* -1: no run */
    double x, w, pad;
} runbuf;

static void ly_run_flush(runbuf *r, double base)
{
    layout *L = r->L;
    if (r->style < 0) return;
    const istyle *st = &L->il.st[r->style];
    const rnode *src = st->src ? st->src : r->g->src;
    double sz = st->size;
    if (st->deco & DECO_BADGE) {
        ly_rect(L, r->g, LB_FILL, src, r->x, base - sz * BADGE_ABOVE, r->w, sz * BADGE_HEIGHT, st->bg, 0);
    } else if (st->deco & DECO_CODE) {
        ly_rect(L, r->g, LB_FILL, src, r->x - CODE_OUTSET, base - sz * CODE_ABOVE,
                r->w + 2 * CODE_OUTSET, sz * CODE_HEIGHT, st->bg, 0);
    }
    if (r->sb.len) {
        lbox *t = ly_text(L, r->g, src, r->x + r->pad, base, st->face, sz, st->color,
                          r->sb.data, r->sb.len);
        (void)t;
    }
    if (st->deco & DECO_LINK) {
        double tw = r->w;
        while (r->sb.len && r->sb.data[r->sb.len - 1] == ' ') {     /* no trailing space */
            r->sb.len--;
            tw = pfont_width(&L->fonts[st->face], r->sb.data, r->sb.len, sz);
        }
        ly_rect(L, r->g, LB_LINE, src, r->x, base + sz * UNDERLINE_BELOW, tw, 0, st->color,
                UNDERLINE_WIDTH);
        lbox *k = ly_rect(L, r->g, LB_LINK, st->link, r->x, base - sz * LINK_AREA_ABOVE, tw,
                          sz * LINK_AREA_HEIGHT, 0, 0);
        k->url = st->link->url;
    }
    if (st->deco & DECO_STRIKE)
        ly_rect(L, r->g, LB_LINE, src, r->x, base - sz * STRIKE_ABOVE, r->w, 0, st->color,
                STRIKE_WIDTH);
    r->style = -1;
    r->sb.len = 0;
    r->w = r->pad = 0;
}

/* One line of items [s, e) as boxes in g, starting at x, baseline base. */
void ly_draw_line(layout *L, lbox *g, const kline *kl, double x, double base)
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
                ly_run_flush(&r, base);
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
            ly_run_flush(&r, base);
            r.style = it->style;
            r.x = cx;
            r.pad = it->pad;
        }
        sb_putn(&r.sb, it->s, it->len);
        r.w += it->w;
        cx += it->w;
        if (solo) ly_run_flush(&r, base);
    }
    ly_run_flush(&r, base);
    sb_free(&r.sb);
}

/* Breaks L->il at width w and emits one vitem per line. Returns the index of the
 * first vitem, or (size_t)-1 if there was nothing to set. */
size_t ly_emit_lines(layout *L, const rnode *src, double x, double w, const bstyle *bs,
                     rcell_align align, double space)
{
    if (!ly_has_boxes(&L->il)) {
        il_reset(&L->il);
        return (size_t)-1;
    }
    if (kp_break(&L->il, w, L->fonts, &L->kl)) L->stats.breaks_fallback++;
    size_t first = (size_t)-1, nl = L->kl.len;
    double base = ly_baseline(bs->leading, bs->size);
    for (size_t k = 0; k < nl; k++) {
        const kline *kl = &L->kl.v[k];
        lbox *g = ly_box(L, LB_GROUP, src);
        g->x = x;
        g->w = w;
        g->h = bs->leading;
        double lx = x;
        if (align == ALIGN_RIGHT) lx = x + w - kl->width;
        else if (align == ALIGN_CENTER) lx = x + (w - kl->width) / 2;
        ly_draw_line(L, g, kl, lx, base);
        size_t vi = ly_emit(L, g, bs->leading, k == 0 ? space : 0);
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
size_t ly_string(layout *L, const rnode *src, const char *text, double x, double w,
                 const bstyle *bs, rcell_align align, double space)
{
    istyle st = ly_base_style(bs);
    st.src = src;
    il_reset(&L->il);
    ly_add_words(L, src, &st, text, 0);
    return ly_emit_lines(L, src, x, w, bs, align, space);
}

/* Hangs a marker ("1.1", "•") in the first line of vitem vi at x. */
void ly_hang_marker(layout *L, size_t vi, const rnode *src, const char *text, double x,
                    double w, int face, const bstyle *bs, int right)
{
    if (vi == (size_t)-1 || !text) return;
    vitem *v = vat(L->out, vi);
    size_t len;
    const char *s = ly_sanitize(L, src, face, text, strlen(text), &len);
    double base = v->baseline ? v->baseline : ly_baseline(bs->leading, bs->size);
    double tw = pfont_width(&L->fonts[face], s, len, bs->size);
    ly_text(L, v->box, src, right ? x + w - tw : x, base, face, bs->size, bs->color, s, len);
}

size_t ly_inline_run(layout *L, const rnode *src, const rnode *first,
                     const rnode *stop, double x, double w, const bstyle *bs,
                     const char *number, double numx)
{
    size_t firstvi = (size_t)-1;
    const rnode *c = first;
    double space = bs->tight ? 2 : 0;
    while (c && c != stop && !rnode_is_block(c)) {
        if (c->type == RN_IMAGE) {
            ly_image(L, c, x, w);
            c = c->next;
            continue;
        }
        il_reset(&L->il);
        istyle st = ly_base_style(bs);
        st.src = src;
        const rnode *e = c;
        while (e && e != stop && !rnode_is_block(e) && e->type != RN_IMAGE) {
            ly_itemize(L, e, st);
            e = e->next;
        }
        size_t vi = ly_emit_lines(L, src, x, w, bs, bs->align, space);
        if (firstvi == (size_t)-1 && vi != (size_t)-1) {
            firstvi = vi;
            if (number)
                ly_hang_marker(L, vi, src, number, numx, x - numx, bs->face, bs, 0);
        }
        c = e;
    }
    if (number && firstvi == (size_t)-1) {     /* a number with nothing after it */
        lbox *g = ly_box(L, LB_GROUP, src);
        firstvi = ly_emit(L, g, bs->leading, space);
        vat(L->out, firstvi)->baseline = ly_baseline(bs->leading, bs->size);
        ly_hang_marker(L, firstvi, src, number, numx, x - numx, bs->face, bs, 0);
    }
    ly_space_after(L, bs->after);
    return firstvi;
}
