/* pdf_blocks.c - the block layout: headings (with their bookmarks), paragraphs with
 * hung numbers, lists, quotes, code, rules, images, notices; and the walk over a run
 * of blocks that hands each to its job. Tables are pdf_table.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdf_layout.h"
#include "pdf_style.h"

void ly_image(layout *L, const rnode *n, double x, double w)
{
    HPDF_Image img = n->url ? hashmap_get(&L->images, n->url) : NULL;
    if (!img) {
        const char *why = "";
        img = pdf_image_load(L->pdf, rdoc_image(L->d, n->url), &why);
        if (!img) {
            /* Checked when the report was built, so only memory can fail here: an
             * error, and the PDF is not written. */
            diag_error(L->diags, rnode_pos(L->d, n), "image %s %s", n->url ? n->url : "(none)", why);
            return;
        }
        hashmap_put(&L->images, n->url, img);
    }
    double iw = HPDF_Image_GetWidth(img) * PT_PER_PX, ih = HPDF_Image_GetHeight(img) * PT_PER_PX;
    if (iw <= 0 || ih <= 0) return;
    section *s = ly_section(L);
    double maxh = (s->bottom - s->top) * IMAGE_MAX_SHARE;
    double k = 1;
    if (iw * k > w) k = w / iw;
    if (ih * k > maxh) k = maxh / ih;
    lbox *g = ly_box(L, LB_GROUP, n);
    lbox *b = ly_rect(L, g, LB_IMAGE, n, x, 0, iw * k, ih * k, 0, 0);
    b->img = img;
    ly_emit(L, g, ih * k, IMAGE_SPACE);
    ly_space_after(L, IMAGE_AFTER);
}

void ly_heading(layout *L, const rnode *n, double x, double w, const bstyle *bs,
                int level, int mark)
{
    const char *number = mark >= 0 ? n->number : NULL;
    const house_style *h = L->h;
    bstyle hs = *bs;
    hs.face = FACE_BOLD;
    double before = HEADING_IN_CELL_SPACE;
    if (!bs->in_cell) {
        hs.color = L->d->palette.accent;
        hs.size = level <= 1 ? h->h1_size : level == 2 ? h->h2_size : h->h3_size;
        hs.leading = hs.size * HEADING_LEADING;
        before = level <= 1 ? HEADING1_SPACE : level == 2 ? HEADING2_SPACE : HEADING3_SPACE;
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
    istyle st = ly_base_style(&hs);
    st.src = n;
    ly_itemize_children(L, n->first, NULL, st);
    size_t vi = ly_emit_lines(L, n, tx, tw, &hs, ALIGN_LEFT, before);
    if (vi == (size_t)-1) return;
    if (number && *number) ly_hang_marker(L, vi, n, number, x, tx - x, FACE_BOLD, &hs, 0);
    for (size_t i = start; i < L->out->len; i++) vat(L->out, i)->keep = 1;
    if (mark > 0 && ly_in_flow(L)) {
        vitem *v = vat(L->out, vi);
        v->mark = n;
        v->mark_level = level;
        char *t = ly_plain(L, n);
        v->mark_title = number && *number ? arena_printf(L->ba, "%s %s", number, t) : t;
        v->anchor = n->id;
    }
    ly_space_after(L, bs->in_cell ? HEADING_IN_CELL_AFTER : HEADING_AFTER);
    /* kept with two lines (or rows) at least of what follows */
    if (!bs->in_cell && ly_in_flow(L)) L->keep_next = 1;
}

static int ly_list_marker(char *buf, size_t n, const rnode *list, const rnode *item, int idx,
                          int depth)
{
    if (item->number && *item->number) {
        snprintf(buf, n, "%s", item->number);
        return 2;
    }
    if (list->flags & RF_ORDERED) {
        snprintf(buf, n, "%d.", (list->start ? list->start : 1) + idx);
        return 1;
    }
    static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\xA2"};
    snprintf(buf, n, "%s", bullets[depth % 3]);
    return 0;
}

static void ly_list(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    int idx = 0, nitems = 0;
    size_t list_first = L->out->len;
    for (const rnode *it = n->first; it; it = it->next) nitems += it->type == RN_ITEM;
    for (const rnode *it = n->first; it; it = it->next, idx++) {
        if (it->type != RN_ITEM) {
            ly_block(L, it, x, w, bs);
            continue;
        }
        char mk[64];
        int kind = ly_list_marker(mk, sizeof mk, n, it, idx, bs->depth);
        double mi = kind == 2 ? L->h->number_indent : kind == 1 ? LIST_NUMBER_INDENT : LIST_BULLET_INDENT;
        if (w - mi < MIN_NEST_WIDTH) mi = 0;    /* nested too deep to indent further */
        bstyle cb = *bs;
        cb.tight = (n->flags & RF_TIGHT) != 0;
        cb.after = (n->flags & RF_TIGHT) ? LIST_TIGHT_SPACE : bs->after;
        cb.depth = bs->depth + 1;
        cb.align = ALIGN_LEFT;
        if (idx > 0 && (n->flags & RF_TIGHT)) ly_space_after(L, LIST_TIGHT_SPACE);
        size_t first = L->out->len;
        ly_blocks(L, it->first, x + mi, w - mi, &cb, 0);
        if (L->out->len == first) {
            lbox *g = ly_box(L, LB_GROUP, it);
            size_t vi = ly_emit(L, g, bs->leading, 0);
            vat(L->out, vi)->baseline = ly_baseline(bs->leading, bs->size);
        }
        ly_hang_marker(L, first, it, mk, kind == 0 ? x + LIST_BULLET_OFFSET : x,
                       kind == 1 ? mi - LIST_NUMBER_GAP : mi,
                       bs->face, bs, kind == 1);
    }
    /* a list of three items or fewer is never split */
    if (nitems <= LIST_KEEP_ITEMS)
        for (size_t i = list_first; i + 1 < L->out->len; i++) vat(L->out, i)->keep = 1;
    ly_space_after(L, bs->after);
}

static void ly_quote(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    size_t first = L->out->len;
    bstyle q = *bs;
    q.color = MUTED;
    double in = w - QUOTE_INDENT < MIN_NEST_WIDTH ? 0 : QUOTE_INDENT; /* nested too deep
                                                                        * to indent further */
    ly_blocks(L, n->first, x + in, w - in, &q, 0);
    for (size_t i = first; i < L->out->len; i++) {
        vitem *v = vat(L->out, i);
        double up = i > first ? v->space : 0;
        ly_rect(L, v->box, LB_FILL, n, x + QUOTE_BAR_X, -up, QUOTE_BAR_WIDTH, v->h + up, LIGHT_RULE, 0);
    }
    ly_space_after(L, bs->after);
}

static void ly_code(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    bstyle c = *bs;
    c.size = bs->size * CODE_SIZE;
    c.leading = c.size * CODE_LEADING;
    c.face = FACE_REGULAR;
    c.color = INK;
    il_reset(&L->il);
    istyle st = ly_base_style(&c);
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
        ly_add_words(L, n, &st, line, 1);
        if (!L->il.len || L->il.it[L->il.len - 1].kind == IT_PENALTY) {
            item *b = il_push(&L->il, IT_BOX);     /* keep blank lines */
            b->style = il_style(&L->il, &st);
            b->s = "";
        }
        ly_add_break(L);
        i = j + 1;
    }
    size_t first = L->out->len;
    ly_emit_lines(L, n, x + CODE_INSET, w - 2 * CODE_INSET, &c, ALIGN_LEFT, CODE_SPACE);
    for (size_t k = first; k < L->out->len; k++) {
        vitem *v = vat(L->out, k);
        v->keep = 0;
        double top = k == first ? CODE_PAD : 0, bot = k + 1 == L->out->len ? CODE_PAD : 0;
        lbox *f = ly_box(L, LB_FILL, n);
        f->x = x;
        f->y = -top;
        f->w = w;
        f->h = v->h + top + bot;
        f->color = CODE_BG;
        f->next = v->box->first;    /* behind the text */
        v->box->first = f;
        if (!v->box->last) v->box->last = f;
    }
    ly_space_after(L, bs->after + CODE_PAD);
}

void ly_rule(layout *L, const rnode *n, double x, double w, unsigned color,
             double lw, double h, double space)
{
    lbox *g = ly_box(L, LB_GROUP, n);
    ly_rect(L, g, LB_LINE, n, x, h / 2, w, 0, color, lw);
    ly_emit(L, g, h, space);
}

static void ly_notice(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    vvec tmp = {0};
    vvec *save = L->out;
    double sp = L->pending;
    L->out = &tmp;
    L->pending = 0;
    bstyle b = *bs;
    b.after = NOTICE_PARA_AFTER;
    ly_blocks(L, n->first, x + NOTICE_INSET, w - 2 * NOTICE_INSET, &b, 0);
    L->out = save;
    L->pending = sp;
    double ch;
    section *s = ly_section(L);
    lbox *content = ly_stack(L, &tmp, 0, tmp.len, n, &ch);
    double hh = ch + 2 * NOTICE_PAD;
    if (hh < (s->bottom - s->top) * NOTICE_MAX_SHARE) {
        lbox *g = ly_box(L, LB_GROUP, n);
        ly_rect(L, g, LB_FILL, n, x, 0, w, hh, NOTICE_FILL, 0);
        ly_rect(L, g, LB_STROKE, n, x, 0, w, hh, L->d->palette.accent, NOTICE_RULE);
        content->y = NOTICE_PAD;
        ly_box_add(g, content);
        size_t vi = ly_emit(L, g, hh, NOTICE_SPACE);
        vat(L->out, vi)->baseline = NOTICE_PAD + (tmp.len ? tmp.v[0].baseline : 0);
    } else {
        for (size_t i = 0; i < tmp.len; i++) {
            vitem v = tmp.v[i];
            v.box->y = 0;
            size_t vi = ly_emit(L, v.box, v.h, i ? v.space : NOTICE_SPACE);
            ly_rect(L, vat(L->out, vi)->box, LB_FILL, n, x, 0, NOTICE_BAR, v.h, L->d->palette.accent, 0);
            vat(L->out, vi)->keep = v.keep;
        }
    }
    free(tmp.v);
    ly_space_after(L, NOTICE_AFTER);
}

/* Does this block hang its number (or its first item's) in the left column? */
static int ly_hangs(const rnode *n)
{
    if ((n->type == RN_PARAGRAPH || n->type == RN_HEADING) && n->number && *n->number) return 1;
    if (n->type == RN_LIST && n->first && n->first->number && *n->first->number) return 1;
    return 0;
}

int ly_any_hangs(const rnode *first)
{
    for (const rnode *c = first; c; c = c->next)
        if (ly_hangs(c)) return 1;
    return 0;
}

/* The block after a run of headings (and up to intro paragraphs) from c, when it goes
 * landscape; else NULL. */
static const rnode *ly_wide_after(layout *L, const rnode *c, int intro)
{
    int paras = 0;
    while (c && (c->type == RN_HEADING || (c->type == RN_PARAGRAPH && paras < intro))) {
        paras += c->type == RN_PARAGRAPH;
        c = c->next;
    }
    return c && ly_wants_landscape(L, c) ? c : NULL;
}

int ly_starts_wide(layout *L, const rnode *c) { return ly_wide_after(L, c, INTRO_PARAGRAPHS) != NULL; }

void ly_orient_for(layout *L, const rnode *c, int intro)
{
    section *s = ly_section(L);
    int wide = c && rnode_is_block(c) && ly_wide_after(L, c, intro);
    if (wide && !s->landscape) {
        ly_new_section(L, 1);
        ly_section(L)->for_wide = 1;
    } else if (!wide && s->landscape && s->for_wide) {
        ly_new_section(L, 0);
    }
}

/* A table or figure: on landscape pages when it goes landscape. A top-level one is in
 * a landscape section already (ly_orient_for put it, and its headings, there); one in
 * a list, a quote or a front-sheet field stays at the width it is given (a change of
 * section there would leave the item's marker, the quote's bar or the field's label
 * on items of another section). */
static void ly_wide_block(layout *L, const rnode *n, double x, double w, const bstyle *bs,
                          void (*lay)(layout *, const rnode *, double, double, const bstyle *))
{
    section *s = ly_section(L);
    if (L->top_table == n && s->landscape) {
        lay(L, n, s->x0, s->w, bs);
    } else if (L->top_table == n && ly_in_flow(L) && ly_wants_landscape(L, n)) {
        ly_new_section(L, 1);
        s = ly_section(L);
        lay(L, n, s->x0, s->w, bs);
        ly_new_section(L, 0);
    } else {
        if (L->top_table != n && !(ly_section(L)->landscape) && ly_wants_landscape(L, n))
            diag_warning(L->diags, rnode_pos(L->d, n),
                         "this %s is too wide for a portrait page; inside a list, a quote or a "
                         "front-sheet field it is squeezed to fit: put it outside to set it on "
                         "a landscape page", n->type == RN_TABLE ? "table" : "figure");
        lay(L, n, x, w, bs);
    }
}

void ly_block(layout *L, const rnode *n, double x, double w, const bstyle *bs)
{
    switch (n->type) {
    case RN_HEADING:
        ly_heading(L, n, x, w, bs, n->level, 1);
        break;
    case RN_PARAGRAPH:
        if (n->number && *n->number) {
            double ind = L->h->number_indent;
            ly_inline_run(L, n, n->first, NULL, x + ind, w - ind, bs, n->number, x);
        } else {
            ly_inline_run(L, n, n->first, NULL, x, w, bs, NULL, 0);
        }
        break;
    case RN_LIST:
        ly_list(L, n, x, w, bs);
        break;
    case RN_ITEM:
        ly_blocks(L, n->first, x, w, bs, 0);
        break;
    case RN_BLOCKQUOTE:
        ly_quote(L, n, x, w, bs);
        break;
    case RN_CODE_BLOCK:
        ly_code(L, n, x, w, bs);
        break;
    case RN_THEMATIC_BREAK:
        ly_rule(L, n, x, w, LIGHT_RULE, BREAK_RULE, BREAK_RULE_HEIGHT, BREAK_RULE_SPACE);
        break;
    case RN_TABLE:
        ly_wide_block(L, n, x, w, bs, ly_table);
        break;
    case RN_NOTICE:
        ly_notice(L, n, x, w, bs);
        break;
    case RN_CAPTION:
        ly_inline_run(L, n, n->first, NULL, x, w, bs, NULL, 0);
        break;
    case RN_FIGURE:
        ly_wide_block(L, n, x, w, bs, ly_figure);
        break;
    case RN_FIELD:
    case RN_BODY:
    case RN_APPENDIX:
    case RN_FRONT_SHEET:
    case RN_ROW:
    case RN_CELL:
    case RN_DOCUMENT:
        ly_blocks(L, n->first, x, w, bs, ly_any_hangs(n->first));
        break;
    case RN_FRONT_LINE:     /* the front sheet's (pdf_front.c); elsewhere, its words */
        ly_string(L, n, n->text, x, w, bs, ALIGN_LEFT, 0);
        break;
    RN_INLINE_CASES:        /* inlines come in runs (ly_blocks); one alone is a run, an
                             * image alone a block */
        if (n->type == RN_IMAGE) ly_image(L, n, x, w);
        else ly_inline_run(L, n->parent, n, n->next, x, w, bs, NULL, 0);
        break;
    }
}

void ly_blocks(layout *L, const rnode *first, double x, double w, const bstyle *bs,
               int hang)
{
    /* The flow's top-level blocks: nothing revisits the items of one once the next
     * begins, so the pages before it can be drawn. Nested calls are not top-level. */
    int top = L->flow_top;
    L->flow_top = 0;
    double ind = hang ? L->h->number_indent : 0;
    const rnode *c = first;
    while (c) {
        if (top) {
            /* portrait or landscape pages for what comes next, the full frame */
            ly_orient_for(L, c, INTRO_PARAGRAPHS);
            x = ly_section(L)->x0;
            w = ly_section(L)->w;
        }
        if (!rnode_is_block(c)) {
            const rnode *e = c;
            while (e && !rnode_is_block(e)) e = e->next;
            ly_inline_run(L, c->parent, c, e, x + ind, w - ind, bs, NULL, 0);
            c = e;
            if (top) ly_commit(L, 0);
            continue;
        }
        int full = ly_hangs(c) || c->type == RN_HEADING || c->type == RN_TABLE ||
                   c->type == RN_FIGURE || c->type == RN_THEMATIC_BREAK;
        if (top) L->top_table = c->type == RN_TABLE || c->type == RN_FIGURE ? c : NULL;
        if (full) ly_block(L, c, x, w, bs);
        else ly_block(L, c, x + ind, w - ind, bs);
        if (top) {
            L->top_table = NULL;
            ly_commit(L, 0);
        }
        c = c->next;
    }
}
