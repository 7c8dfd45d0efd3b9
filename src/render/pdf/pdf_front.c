/* pdf_front.c - the front sheet (masthead and the grid of fields) and the heading of
 * each appendix, which starts a section of its own. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdf_layout.h"
#include "pdf_style.h"

/* ---- front sheet, body, appendices ---------------------------------------- */

static int ly_field_is(const rnode *f, const char *label)
{
    return f->type == RN_FIELD && f->text && !strcasecmp(f->text, label);
}

void ly_front(layout *L, const rnode *fs)
{
    const house_style *h = L->h;
    const rdoc *d = L->d;
    section *s = ly_section(L);
    double x = s->x0, w = s->w;
    bstyle b = ly_body_style(L);

    if (d->organisation && *d->organisation) {
        bstyle o = b;
        o.face = FACE_BOLD;
        o.size = 19;
        o.leading = 23;
        o.color = h->accent;
        size_t vi = ly_string(L, fs, d->organisation, x, w, &o, ALIGN_LEFT, 0);
        if (vi != (size_t)-1) vat(L->out, vi)->keep = 1;
    }
    ly_rule(L, fs, x, w, h->accent, 2, 12, 2);

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
    if (sb.len) vi = ly_string(L, fs, sb.data, x, w - itemw, &t, ALIGN_LEFT, 6);
    sb_free(&sb);
    if (item) {
        if (vi == (size_t)-1) {
            vi = ly_emit(L, ly_box(L, LB_GROUP, fs), t.leading, 6);
            vat(L->out, vi)->baseline = ly_baseline(t.leading, t.size);
        }
        ly_hang_marker(L, vi, fs, item, x, w, FACE_BOLD, &t, 1);
    }
    if (d->meeting_date && *d->meeting_date) {
        bstyle m = b;
        m.size = 12;
        m.leading = 16;
        m.color = MUTED;
        ly_string(L, fs, d->meeting_date, x, w, &m, ALIGN_LEFT, 2);
    }
    int has_subject = 0;
    for (const rnode *f = fs->first; f; f = f->next) has_subject |= ly_field_is(f, "Subject");
    if (!has_subject && d->title && *d->title) {
        bstyle tt = b;
        tt.face = FACE_BOLD;
        tt.size = h->h1_size + 1;
        tt.leading = tt.size * 1.25;
        tt.color = h->accent;
        ly_string(L, fs, d->title, x, w, &tt, ALIGN_LEFT, 12);
    }
    ly_space_after(L, 16);

    /* the grid of fields: label in bold at left, value at right */
    double lw = w * 0.28;
    if (lw < 110) lw = 110;
    if (lw > 165) lw = 165;
    double gap = 12;
    bstyle v = b;
    v.after = 4;
    for (const rnode *f = fs->first; f; f = f->next) {
        if (f->type != RN_FIELD) {
            ly_block(L, f, x, w, &b);
            continue;
        }
        /* the heading above already shows these */
        if ((ly_field_is(f, "Report to") && committee_shown) ||
            (ly_field_is(f, "Item") && item) || (ly_field_is(f, "Date") && d->meeting_date))
            continue;
        ly_space_after(L, 9);
        double sp = L->pending;
        size_t first = L->out->len;
        ly_blocks(L, f->first, x + lw + gap, w - lw - gap, &v, 0);
        if (L->out->len == first) {
            size_t e = ly_emit(L, ly_box(L, LB_GROUP, f), b.leading, sp);
            vat(L->out, e)->baseline = ly_baseline(b.leading, b.size);
        }
        vitem *fv = vat(L->out, first);
        fv->space = sp;
        /* the label, wrapped in its column, hung beside the first line */
        il_reset(&L->il);
        bstyle lb = b;
        lb.face = FACE_BOLD;
        istyle st = ly_base_style(&lb);
        st.src = f;
        ly_add_words(L, f, &st, f->text ? f->text : "", 0);
        if (ly_has_boxes(&L->il)) {
            kp_break(&L->il, lw, L->fonts, &L->kl);
            double base = fv->baseline ? fv->baseline : ly_baseline(b.leading, b.size);
            for (size_t k = 0; k < L->kl.len; k++)
                ly_draw_line(L, fv->box, &L->kl.v[k], x, base + k * b.leading);
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
        ly_rect(L, fv->box, LB_LINE, f, x, -sp / 2, w, 0, LIGHT_RULE, 0.5);
    }
    ly_space_after(L, 8);
    ly_rule(L, fs, x, w, h->accent, 1.2, 10, 8);
    ly_space_after(L, 10);
}

void ly_appendix(layout *L, const rnode *ap)
{
    const house_style *h = L->h;
    ly_new_section(L, (ap->flags & RF_WIDE) != 0);
    section *s = ly_section(L);
    double x = s->x0, w = s->w;
    bstyle b = ly_body_style(L);

    const rnode *title = ap->first && ap->first->type == RN_HEADING ? ap->first : NULL;
    char *tt = title ? ly_plain(L, title) : NULL;
    char *label = arena_printf(L->ba, "Appendix %s", ap->number ? ap->number : "");
    int dup = tt && !strncasecmp(tt, "Appendix", 8);
    bstyle lb = b;
    lb.face = FACE_BOLD;
    lb.size = 11;
    lb.leading = 14;
    lb.color = h->accent;
    size_t vi = (size_t)-1;
    if (!dup) vi = ly_string(L, ap, label, x, w, &lb, ALIGN_LEFT, 0);
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
        v->mark_title = dup ? tt : tt ? arena_printf(L->ba, "%s: %s", label, tt) : label;
        v->anchor = ap->id;
        ly_rule(L, ap, x, w, h->accent, 1, 8, 2);
        vat(L->out, L->out->len - 1)->keep = 1;
        ly_space_after(L, 8);
    }
    L->flow_top = 1;
    ly_blocks(L, title ? title->next : ap->first, x, w, &b,
              ly_any_hangs(title ? title->next : ap->first));
}
