/* front_sheet.c - the front sheet's fields as the paper gives them, typed by its
 * variant: text as Markdown, dates as printed, tables with their columns; the fields a
 * variant prints after the report; the variant's title with the paper's facts filled
 * in. The masthead above the fields, and which fields it makes redundant, are
 * masthead.c's. */
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "build_ctx.h"
#include "labels.h"
#include "table_build.h"

static const char *fmt_date(rdoc *d, fuzzy_date f)
{
    char buf[DATE_BUF];
    label_date(d->dates, f, buf, sizeof buf);
    return arena_strdup(&d->arena, buf);
}

const char *expand_variant_text(rdoc *d, const char *tmpl, const paper *p, const plan *pl)
{
    if (!tmpl) return NULL;
    strbuf sb = STRBUF_INIT;
    for (const char *s = tmpl; *s;) {
        if (*s == '{') {
            const char *e = strchr(s, '}');
            if (e) {
                size_t n = (size_t)(e - s - 1);
                const char *v = NULL;
                if (n == 9 && !strncmp(s + 1, "committee", n)) v = p->committee;
                else if (n == 7 && !strncmp(s + 1, "subject", n)) v = p->subject;
                else if (n == 7 && !strncmp(s + 1, "meeting", n)) v = fmt_date(d, p->meeting);
                else if (n == 12 && !strncmp(s + 1, "organisation", n)) v = pl->organisation;
                sb_puts(&sb, v ? v : "");
                s = e + 1;
                continue;
            }
        }
        sb_putc(&sb, *s++);
    }
    const char *r = arena_strdup(&d->arena, sb.data ? sb.data : "");
    sb_free(&sb);
    return r;
}

/* ---- the fields as the paper gives them ------------------------------------------ */

/* Markdown from the front block as blocks appended to parent. */
static void front_markdown(build_ctx *b, rnode *parent, const paper_text *t)
{
    markdown_blocks(b, parent, t->text, t->len, t->line - 1);
}

/* Moves every child of from to the end of to. */
static void adopt_children(rnode *to, rnode *from)
{
    for (rnode *k = from->first; k;) {
        rnode *next = k->next;
        rnode_unlink(k);
        rnode_append(to, k);
        k = next;
    }
}

/* The value of a field as blocks appended to parent. */
static void field_value(build_ctx *b, rnode *parent, const paper_field *f)
{
    rdoc *d = b->d;
    const paper *p = b->paper;
    const variant_field *def = f->def;
    const char *common = NULL;
    if (!strcmp(def->key, "committee")) common = p->committee;
    else if (!strcmp(def->key, "item")) common = p->item;
    else if (!strcmp(def->key, "report-of")) common = p->report_of;
    else if (!strcmp(def->key, "subject")) common = p->subject;
    else if (!strcmp(def->key, "meeting")) common = p->meeting.kind ? fmt_date(d, p->meeting) : NULL;
    if (common || def->type == FIELD_DATE) {
        const char *text = common;
        if (!text && f->given) text = fmt_date(d, f->date);
        rnode *para = rnode_add(d, parent, RN_PARAGRAPH);
        rnode_add_text(d, para, text ? text : "");
        return;
    }
    if (!f->given) return;
    if (def->type == FIELD_TABLE) {
        /* no caption: the field's label beside it names the table (its name for
         * assistive technology) */
        rnode *t = tb_table(d, NULL, def->no_header_row ? NULL : def->columns, (int)def->n_columns);
        t->text = arena_strdup(&d->arena, def->label);
        rnode_set_pos(t, f->pos);
        size_t ncols = def->n_columns ? def->n_columns : 1;
        for (size_t i = 0; i < f->n_texts; i += ncols) {
            rnode *row = tb_row(d, t, 0);
            for (size_t j = 0; j < ncols && i + j < f->n_texts; j++) {
                rnode *c = rnode_add(d, row, RN_CELL);
                if (j == 0) c->flags |= RF_ROW_HEADER;
                rnode tmp = {0};
                front_markdown(b, &tmp, &f->texts[i + j]);
                /* a one-paragraph cell keeps its inlines only */
                if (tmp.first && tmp.first == tmp.last && tmp.first->type == RN_PARAGRAPH)
                    adopt_children(c, tmp.first);
                else
                    adopt_children(c, &tmp);
            }
        }
        rnode_append(parent, t);
        return;
    }
    if (f->is_list) {
        rnode *list = rnode_add(d, parent, RN_LIST);
        list->flags |= RF_TIGHT;
        for (size_t i = 0; i < f->n_texts; i++) front_markdown(b, rnode_add(d, list, RN_ITEM), &f->texts[i]);
        return;
    }
    /* Block scalars (|) start on the next line; plain and quoted ones on this line. */
    if (f->n_texts) front_markdown(b, parent, &f->texts[0]);
}

/* Keys every paper has; the public edition of an exempt paper shows only these. */
static int is_public_key(const char *key)
{
    return !strcmp(key, "committee") || !strcmp(key, "meeting") || !strcmp(key, "item") ||
           !strcmp(key, "report-of") || !strcmp(key, "subject");
}

void front_sheet_build(build_ctx *b, int public_only)
{
    rdoc *d = b->d;
    const paper *p = b->paper;
    rnode *front = rnode_add(d, d->root, RN_FRONT_SHEET);
    rnode_set_pos(front, p->subject_pos);   /* its title is the subject */
    if (p->variant && p->variant->kind) front->text = expand_variant_text(d, p->variant->kind, p, b->plan);
    for (size_t i = 0; i < p->n_fields; i++) {
        const paper_field *f = &p->fields[i];
        if (f->def->at_end) continue;
        if (!f->given && !f->def->required) continue;
        if (public_only && !is_public_key(f->def->key)) continue;
        rnode *field = rnode_add(d, front, RN_FIELD);
        if (f->given) rnode_set_pos(field, f->pos);
        field->text = arena_strdup(&d->arena, f->def->label);
        field->key = arena_strdup(&d->arena, f->def->key);
        field_value(b, field, f);
    }
}

void front_fields_at_end(build_ctx *b, rnode *body)
{
    rdoc *d = b->d;
    const paper *p = b->paper;
    for (size_t i = 0; i < p->n_fields; i++) {
        const paper_field *f = &p->fields[i];
        if (!f->def->at_end || !f->given) continue;
        if (f->def->type != FIELD_TABLE) {
            rnode *hd = rnode_add(d, body, RN_HEADING);
            hd->level = 2;
            hd->id = arena_printf(&d->arena, "field-%s", f->def->key);
            rnode_add_text(d, hd, f->def->label);
        }
        field_value(b, body, f);
    }
}
