/* pdf_front.c - the front sheet and the heading of each appendix.
 *
 * The front sheet is drawn as the report describes it: the masthead lines (the
 * organisation over a heavy rule, the heading with the item at its right, the meeting
 * date, the title), then the grid of fields, label in bold at the left and value at
 * the right, between light rules. Which lines and fields there are is the report's
 * decision (report/front_sheet.c). */
#include <stdlib.h>
#include <string.h>

#include "pdf_layout.h"
#include "pdf_style.h"

/* One line of the masthead after the organisation. */
static void masthead_line(layout *L, const rnode *n, double x, double w, const bstyle *b)
{
    const house_style *h = L->h;
    switch ((rfront_role)n->role) {
    case FRONT_ORGANISATION: {
        bstyle o = *b;
        o.face = FACE_BOLD;
        o.size = FRONT_ORG_SIZE;
        o.leading = FRONT_ORG_LEADING;
        o.color = L->d->palette.accent;
        size_t vi = ly_string(L, n, n->text, x, w, &o, ALIGN_LEFT, 0);
        if (vi != (size_t)-1) vat(L->out, vi)->keep = 1;
        break;
    }
    case FRONT_HEADING: {
        /* "Report to Executive" at the left, "Item 6" at the right */
        bstyle t = *b;
        t.face = FACE_BOLD;
        t.size = FRONT_HEADING_SIZE;
        t.leading = FRONT_HEADING_LEADING;
        t.color = INK;
        double asidew = 0;
        if (n->aside)
            asidew = pfont_width(&L->fonts[FACE_BOLD], n->aside, strlen(n->aside), t.size) + FRONT_ASIDE_GAP;
        size_t vi = (size_t)-1;
        if (n->text && *n->text)
            vi = ly_string(L, n, n->text, x, w - asidew, &t, ALIGN_LEFT, FRONT_HEADING_SPACE);
        if (n->aside) {
            if (vi == (size_t)-1) {
                vi = ly_emit(L, ly_box(L, LB_GROUP, n), t.leading, FRONT_HEADING_SPACE);
                vat(L->out, vi)->baseline = ly_baseline(t.leading, t.size);
            }
            ly_hang_marker(L, vi, n, n->aside, x, w, FACE_BOLD, &t, 1);
        }
        break;
    }
    case FRONT_KIND:    /* "Report for Information": as the date, bold, kept with the next */
    case FRONT_DATE: {
        bstyle m = *b;
        m.size = FRONT_DATE_SIZE;
        m.leading = FRONT_DATE_LEADING;
        m.color = MUTED;
        int kind = n->role == FRONT_KIND;
        if (kind) m.face = FACE_BOLD;
        size_t vi = ly_string(L, n, n->text, x, w, &m, ALIGN_LEFT, FRONT_DATE_SPACE);
        if (kind && vi != (size_t)-1) vat(L->out, vi)->keep = 1;
        break;
    }
    case FRONT_TITLE: {
        bstyle tt = *b;
        tt.face = FACE_BOLD;
        tt.size = h->h1_size + FRONT_TITLE_LARGER;
        tt.leading = tt.size * FRONT_TITLE_LEADING;
        tt.color = L->d->palette.accent;
        ly_string(L, n, n->text, x, w, &tt, ALIGN_LEFT, FRONT_TITLE_SPACE);
        break;
    }
    }
}

/* A field: its value in the right-hand column, its label hung beside the first line. */
static void field(layout *L, const rnode *f, double x, double w, const bstyle *b)
{
    double lw = w * FIELD_LABEL_SHARE;
    if (lw < FIELD_LABEL_MIN) lw = FIELD_LABEL_MIN;
    if (lw > FIELD_LABEL_MAX) lw = FIELD_LABEL_MAX;
    bstyle v = *b;
    v.after = FIELD_VALUE_AFTER;
    ly_space_after(L, FIELD_SPACE);
    double sp = L->pending;
    size_t first = L->out->len;
    ly_blocks(L, f->first, x + lw + FIELD_GAP, w - lw - FIELD_GAP, &v, 0);
    if (L->out->len == first) {
        size_t e = ly_emit(L, ly_box(L, LB_GROUP, f), b->leading, sp);
        vat(L->out, e)->baseline = ly_baseline(b->leading, b->size);
    }
    vitem *fv = vat(L->out, first);
    fv->space = sp;
    /* the label, wrapped in its column, hung beside the first line */
    il_reset(&L->il);
    bstyle lb = *b;
    lb.face = FACE_BOLD;
    istyle st = ly_base_style(&lb);
    st.src = f;
    ly_add_words(L, f, &st, f->text ? f->text : "", 0);
    if (ly_has_boxes(&L->il)) {
        kp_break(&L->il, lw, L->fonts, &L->kl);
        double base = fv->baseline ? fv->baseline : ly_baseline(b->leading, b->size);
        lbox *mark = fv->box->last;
        for (size_t k = 0; k < L->kl.len; k++)
            ly_draw_line(L, fv->box, &L->kl.v[k], x, base + k * b->leading);
        ly_box_front(fv->box, mark);    /* the label is read before the value */
        /* keep the label's lines beside the value: grow a lone line, or keep as many
         * value lines together as the label has */
        size_t nl = L->kl.len, nv = L->out->len - first;
        if (nl > nv) {
            vitem *lastv = vat(L->out, L->out->len - 1);
            lastv->h += (double)(nl - nv) * b->leading;
            nl = nv;
        }
        for (size_t k = 0; k + 1 < nl; k++) vat(L->out, first + k)->keep = 1;
    }
    il_reset(&L->il);
    ly_rect(L, fv->box, LB_LINE, f, x, -sp / 2, w, 0, LIGHT_RULE, FIELD_RULE_WIDTH);
}

void ly_front(layout *L, const rnode *fs)
{
    section *s = ly_section(L);
    double x = s->x0, w = s->w;
    bstyle b = ly_body_style(L);
    unsigned accent = L->d->palette.accent;

    const rnode *c = fs->first;
    if (c && c->type == RN_FRONT_LINE && c->role == FRONT_ORGANISATION) {
        masthead_line(L, c, x, w, &b);
        c = c->next;
    }
    ly_rule(L, fs, x, w, accent, FRONT_TOP_RULE, FRONT_TOP_RULE_HEIGHT, FRONT_TOP_RULE_SPACE);
    for (; c && c->type == RN_FRONT_LINE; c = c->next) masthead_line(L, c, x, w, &b);
    ly_space_after(L, FRONT_FIELDS_SPACE);
    for (; c; c = c->next) {
        if (c->type == RN_FIELD) field(L, c, x, w, &b);
        else ly_block(L, c, x, w, &b);
    }
    ly_space_after(L, FRONT_END_SPACE);
    ly_rule(L, fs, x, w, accent, FRONT_END_RULE, FRONT_END_RULE_HEIGHT, FRONT_END_RULE_SPACE);
    ly_space_after(L, FRONT_AFTER);
}

void ly_appendix(layout *L, const rnode *ap)
{
    /* an exempt appendix's pages, and only they, carry its marking */
    L->part_exempt = ap->exempt >= 1 && ap->exempt <= 7 ? ap->exempt : 0;
    const rnode *title = ap->first && ap->first->type == RN_HEADING ? ap->first : NULL;
    /* landscape when the report asks, or when what it opens with goes landscape (its
     * label and title then keep with it) */
    int asked = (ap->flags & RF_WIDE) != 0;
    int wide = asked || ly_starts_wide(L, title ? title->next : ap->first);
    ly_new_section(L, wide);
    ly_section(L)->for_wide = wide && !asked;
    section *s = ly_section(L);
    double x = s->x0, w = s->w;
    bstyle b = ly_body_style(L);

    char *tt = title ? ly_plain(L, title) : NULL;
    const char *label = ap->text;   /* NULL: the title says "Appendix" itself */
    bstyle lb = b;
    lb.face = FACE_BOLD;
    lb.size = APPENDIX_LABEL_SIZE;
    lb.leading = APPENDIX_LABEL_LEADING;
    lb.color = L->d->palette.accent;
    size_t vi = (size_t)-1;
    if (label) vi = ly_string(L, ap, label, x, w, &lb, ALIGN_LEFT, 0);
    if (title) ly_line_space(L, vi);    /* "Appendix A" and the title: one heading */
    size_t start = L->out->len;
    if (title) {
        ly_heading(L, title, x, w, &b, 1, -1);   /* no number: the label says it */
        if (vi == (size_t)-1) vi = start;
    }
    if (vi != (size_t)-1 && vi < L->out->len) {
        for (size_t i = vi; i < L->out->len; i++) vat(L->out, i)->keep = 1;
        vitem *v = vat(L->out, vi);
        v->mark = ap;
        v->mark_level = 0;
        v->mark_title = !label ? tt : tt ? arena_printf(L->ba, "%s: %s", label, tt) : label;
        v->anchor = ap->id;
        ly_rule(L, ap, x, w, L->d->palette.accent, APPENDIX_RULE, APPENDIX_RULE_HEIGHT,
                APPENDIX_RULE_SPACE);
        vat(L->out, L->out->len - 1)->keep = 1;
        ly_space_after(L, APPENDIX_AFTER);
    }
    L->flow_top = 1;
    ly_blocks(L, title ? title->next : ap->first, x, w, &b,
              ly_any_hangs(title ? title->next : ap->first));
}
