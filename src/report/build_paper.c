/* build_paper.c - the report description of one paper: metadata, front sheet, the
 * numbered body, fields printed after it, appendices. */
#include "build_paper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fileio.h"
#include "../util/strbuf.h"
#include "build_ctx.h"
#include "table_build.h"

static const char *fmt_date(rdoc *d, fuzzy_date f)
{
    char buf[DATE_BUF];
    date_format(f, buf, sizeof buf);
    return arena_strdup(&d->arena, buf);
}

/* "Report to {committee}" with {committee}, {subject}, {meeting}, {organisation}. */
static const char *expand_title(rdoc *d, const char *tmpl, const paper *p, const plan *pl)
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
        rnode *t = tb_table(d, def->label, def->columns, (int)def->n_columns);
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

static void summarise(rdoc *d, const analysis *an)
{
    for (int k = 0; k < STATUS__COUNT; k++) d->summary.count[k] = an->overall.count[k];
    d->summary.total = an->overall.total;
    d->summary.percent_complete = an->overall.percent_complete;
    d->summary.rag = an->overall.rag;
}

const char *exempt_paragraph_words(int paragraph)
{
    static const char *const words[] = {
        "Information relating to any individual.",
        "Information which is likely to reveal the identity of an individual.",
        "Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information).",
        "Information relating to any consultations or negotiations, or contemplated "
        "consultations or negotiations, in connection with any labour relations matter arising "
        "between the authority or a Minister of the Crown and employees of, or office-holders "
        "under, the authority.",
        "Information in respect of which a claim to legal professional privilege could be "
        "maintained in legal proceedings.",
        "Information which reveals that the authority proposes to give under any enactment a "
        "notice under or by virtue of which requirements are imposed on a person, or to make "
        "an order or direction under any enactment.",
        "Information relating to any action taken or to be taken in connection with the "
        "prevention, investigation or prosecution of crime."};
    return paragraph >= 1 && paragraph <= 7 ? words[paragraph - 1] : "";
}

/* Keys every paper has; the public edition of an exempt paper shows only these. */
static int is_public_key(const char *key)
{
    return !strcmp(key, "committee") || !strcmp(key, "meeting") || !strcmp(key, "item") ||
           !strcmp(key, "report-of") || !strcmp(key, "subject");
}

/* The public edition of an exempt paper: its public facts and the statutory notice. */
static void public_notice(rdoc *d, const paper *p)
{
    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode *n = rnode_add(d, body, RN_NOTICE);
    rnode *para = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, para, RN_STRONG), "Not for publication.");
    char *text = arena_printf(&d->arena,
                              " This report is not for publication because it contains exempt "
                              "information within the meaning of paragraph %d of Part 1 of "
                              "Schedule 12A to the Local Government Act 1972:",
                              p->exempt_paragraph);
    rnode_add_text(d, para, text);
    rnode *q = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, q, RN_EMPH), exempt_paragraph_words(p->exempt_paragraph));
}

rdoc *build_paper(const paper *p, const plan *pl, const analysis *an, const house_style *h,
                  edition ed, diag_list *diags)
{
    int public_only = ed == EDITION_PUBLIC && p->exempt_paragraph > 0;
    rdoc *d = rdoc_new();
    build_ctx b = {d, p, pl, an, h, diags, 0, 0};
    /* Copied: the report outlives the paper and the plan it was built from. */
#define KEEP(s) ((s) ? arena_strdup(&d->arena, (s)) : NULL)
    d->subject = KEEP(p->subject);
    d->title = d->subject;
    d->committee = KEEP(p->committee);
    d->meeting_date = p->meeting.kind ? fmt_date(d, p->meeting) : NULL;
    if (p->meeting.kind == DATE_DAY)
        d->meeting_iso = arena_printf(&d->arena, "%04d-%02d-%02d", p->meeting.year, p->meeting.month, p->meeting.day);
    d->item = KEEP(p->item);
    d->report_of = KEEP(p->report_of);
    d->organisation = KEEP(pl->organisation);
    d->variant = p->variant ? KEEP(p->variant->name) : NULL;
    d->variant_title = p->variant ? expand_title(d, p->variant->title, p, pl) : NULL;
    d->as_at = fmt_date(d, date_of_day(an->as_at));
    d->exempt_paragraph = public_only ? 0 : p->exempt_paragraph;
    char *slug = parent_dir_name(p->plan_path);
    d->plan_slug = arena_strdup(&d->arena, slug);
    free(slug);
    d->paper_slug = KEEP(p->slug);
    d->file = KEEP(p->file);
#undef KEEP
    if (!public_only) summarise(d, an);

    rnode *front = rnode_add(d, d->root, RN_FRONT_SHEET);
    if (p->variant && p->variant->kind) {
        front->text = expand_title(d, p->variant->kind, p, pl);
    }
    for (size_t i = 0; i < p->n_fields; i++) {
        const paper_field *f = &p->fields[i];
        if (f->def->at_end) continue;
        if (!f->given && !f->def->required) continue;
        if (public_only && !is_public_key(f->def->key)) continue;
        rnode *field = rnode_add(d, front, RN_FIELD);
        field->text = arena_strdup(&d->arena, f->def->label);
        field->id = arena_printf(&d->arena, "field-%s", f->def->key);
        field_value(&b, field, f);
    }

    if (public_only) {
        public_notice(d, p);
        return d;
    }
    markdown_body(&b, d->root);

    /* Fields printed after the report (seed 001's contact block), before appendices. */
    rnode *body = NULL;
    for (rnode *n = d->root->first; n; n = n->next)
        if (n->type == RN_BODY) body = n;
    for (size_t i = 0; body && i < p->n_fields; i++) {
        const paper_field *f = &p->fields[i];
        if (!f->def->at_end || !f->given) continue;
        if (f->def->type != FIELD_TABLE) {
            rnode *hd = rnode_add(d, body, RN_HEADING);
            hd->level = 2;
            hd->id = arena_printf(&d->arena, "field-%s", f->def->key);
            rnode_add_text(d, hd, f->def->label);
        }
        field_value(&b, body, f);
    }
    return d;
}
