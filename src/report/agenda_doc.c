/* agenda_doc.c - a meeting's agenda as a report description (see agenda_doc.h).
 *
 * The front sheet says which meeting (the council, the committee as the heading, the
 * day, "Agenda" as the title; then time, venue, members, contact clerk, date of
 * publication); the body is one table, a row an item: its number, its title (with what
 * it is for, whether it or an appendix is exempt and under which paragraph), its lead
 * officer and the page of the pack it starts on. The exclusion of the public names
 * every exempt item and appendix with its paragraph. Anything made up is marked
 * "illustrative" where it is printed. */
#include "agenda_doc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../util/build_epoch.h"
#include "../util/strbuf.h"
#include "build_paper.h"
#include "table_build.h"

static int nonempty(const char *s) { return s && *s; }

static const char *const standard_titles[ITEM__COUNT] = {
    "Apologies", "Declarations of interest", "Minutes", "Public questions",
    "Urgent business", "Exclusion of the public", "Item"};

const char *agenda_item_title(arena *a, const meeting_item *it, const char *paper_subject)
{
    if (nonempty(it->title)) return arena_strdup(a, it->title);
    if (nonempty(paper_subject)) return arena_strdup(a, paper_subject);
    return standard_titles[it->kind < ITEM__COUNT ? it->kind : ITEM_BUSINESS];
}

const char *agenda_bookmark_title(arena *a, const agenda_entry *e)
{
    return typeset_text(a, arena_printf(a, "%s. %s", e->item->number ? e->item->number : "",
                                        e->title ? e->title : ""));
}

const char *agenda_date(arena *a, const meeting *m)
{
    static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    char buf[DATE_BUF];
    date_format(m->date, buf, sizeof buf);
    if (m->date.kind != DATE_DAY) return arena_strdup(a, buf);
    day_t d = date_from_ymd(m->date.year, m->date.month, m->date.day);
    int wd = (int)(((d % 7) + 7 + 4) % 7);     /* 1 January 1970 was a Thursday */
    return arena_printf(a, "%s %s", days[wd], buf);
}

int agenda_lists(const agenda_spec *a, size_t i)
{
    supplementary_mode s = a->items[i].item->supplementary;
    return a->kind == AGENDA_MAIN ? s != SUPP_ADDED : s != SUPP_NONE;
}

/* ---- the words of an item ---------------------------------------------------------- */

static rnode *para_text(rdoc *d, rnode *parent, const char *text)
{
    rnode *p = rnode_add(d, parent, RN_PARAGRAPH);
    rnode_add_text(d, p, text);
    return p;
}

static const char *standard_text(rdoc *d, const meeting_item *it)
{
    char buf[DATE_BUF];
    switch (it->kind) {
    case ITEM_APOLOGIES: return "To receive apologies for absence.";
    case ITEM_DECLARATIONS: return "To receive any declarations of interest in items on this agenda.";
    case ITEM_MINUTES:
        if (it->minutes_of.kind == DATE_NONE) return "To approve the minutes of the previous meeting.";
        date_format(it->minutes_of, buf, sizeof buf);
        return arena_printf(&d->arena, "To approve the minutes of the meeting held on %s.", buf);
    case ITEM_PUBLIC_QUESTIONS: return "To receive questions from the public.";
    case ITEM_URGENT_BUSINESS:
        return "To consider any other business which the chair decides is urgent.";
    case ITEM_EXCLUSION:
        return "To resolve that the press and public be excluded from the meeting during the "
               "business below, because it is likely, in view of the nature of that business, "
               "that if members of the press and public were present there would be disclosure "
               "to them of exempt information as defined in Part 1 of Schedule 12A to the Local "
               "Government Act 1972, under the paragraph given:";
    case ITEM_BUSINESS:
    case ITEM__COUNT:
        break;
    }
    return NULL;
}

static const char *schedule_words(rdoc *d, int para)
{
    return arena_printf(&d->arena, "paragraph %d of Part 1 of Schedule 12A to the Local "
                                   "Government Act 1972", para);
}

/* The list the exclusion of the public names: every exempt item and appendix. */
static void exclusion_list(rdoc *d, rnode *cell, const agenda_spec *a)
{
    rnode *list = NULL;
    for (size_t i = 0; i < a->n; i++) {
        const agenda_entry *e = &a->items[i];
        if (!agenda_lists(a, i) || (!e->exempt && !e->n_parts)) continue;
        if (!list) {
            list = rnode_add(d, cell, RN_LIST);
            list->flags |= RF_TIGHT;
        }
        const char *num = e->item->number ? e->item->number : "";
        if (e->exempt) {
            rnode *p = rnode_add(d, rnode_add(d, list, RN_ITEM), RN_PARAGRAPH);
            rnode_add_text(d, p, arena_printf(&d->arena, "Item %s, %s: paragraph %d", num, e->title,
                                              e->exempt));
        }
        for (size_t k = 0; k < e->n_parts; k++) {
            const exempt_part *x = &e->parts[k];
            rnode *p = rnode_add(d, rnode_add(d, list, RN_ITEM), RN_PARAGRAPH);
            rnode_add_text(d, p, arena_printf(&d->arena, "Appendix %c to item %s%s%s: paragraph %d",
                                              x->letter, num, nonempty(x->title) ? ", " : "",
                                              nonempty(x->title) ? x->title : "", x->paragraph));
        }
    }
    if (!list) para_text(d, cell, "(No item on this agenda is exempt.)");
}

/* The item's cell: its title (linked to its paper on the web page), what it is for,
 * its exempt information, and the marks "illustrative" and "to follow". */
static void business_cell(rdoc *d, rnode *row, const agenda_spec *a, size_t i)
{
    const agenda_entry *e = &a->items[i];
    const meeting_item *it = e->item;
    rnode *cell = rnode_add(d, row, RN_CELL);
    rnode *tp = rnode_add(d, cell, RN_PARAGRAPH);
    rnode *strong = rnode_add(d, tp, RN_STRONG);
    if (a->web && nonempty(e->paper_href)) {
        rnode *l = rnode_add(d, strong, RN_LINK);
        l->url = arena_strdup(&d->arena, e->paper_href);
        rnode_add_text(d, l, e->title);
    } else {
        rnode_add_text(d, strong, e->title);
    }
    if (it->illustrative && !strcasestr(e->title, "illustrative")) {
        rnode_add_text(d, tp, " ");
        rnode_add_text(d, rnode_add(d, tp, RN_EMPH), "(illustrative)");
    }
    const char *text = nonempty(it->text) ? it->text : standard_text(d, it);
    if (text) para_text(d, cell, text);
    if (it->kind == ITEM_EXCLUSION) exclusion_list(d, cell, a);
    if (e->exempt) {
        rnode *p = rnode_add(d, cell, RN_PARAGRAPH);
        rnode_add_text(d, rnode_add(d, p, RN_STRONG), "Not for publication:");
        rnode_add_text(d, p, arena_printf(&d->arena, " exempt information under %s.",
                                          schedule_words(d, e->exempt)));
    }
    for (size_t k = 0; k < e->n_parts; k++) {
        const exempt_part *x = &e->parts[k];
        rnode *p = rnode_add(d, cell, RN_PARAGRAPH);
        rnode_add_text(d, rnode_add(d, p, RN_STRONG),
                       arena_printf(&d->arena, "Appendix %c%s%s%s is not for publication:", x->letter,
                                    nonempty(x->title) ? " (" : "", nonempty(x->title) ? x->title : "",
                                    nonempty(x->title) ? ")" : ""));
        rnode_add_text(d, p, arena_printf(&d->arena, " exempt information under %s.",
                                          schedule_words(d, x->paragraph)));
    }
    if (a->kind == AGENDA_MAIN && it->supplementary == SUPP_TO_FOLLOW)
        para_text(d, cell, "Report to follow, in a supplementary pack.");
}

/* "13", "S3"; "To follow"; or nothing. */
static void page_cell(rdoc *d, rnode *row, const agenda_spec *a, const agenda_entry *e)
{
    const char *text = "";
    if (a->kind == AGENDA_MAIN && e->item->supplementary == SUPP_TO_FOLLOW)
        text = "To follow";
    else if (e->first)
        text = arena_printf(&d->arena, "%s%zu", a->page_prefix ? a->page_prefix : "", e->first);
    rnode *c = tb_cell(d, row, text, LEVEL_NONE);
    c->align = ALIGN_RIGHT;
    if (e->first) c->flags |= RF_NUMERIC;
}

/* "item-6", letters, digits and '-' only. */
static const char *row_id(rdoc *d, const meeting_item *it)
{
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "item-");
    for (const char *p = it->number ? it->number : ""; *p; p++)
        if (isalnum((unsigned char)*p)) sb_putc(&sb, (char)tolower((unsigned char)*p));
        else if (sb.data[sb.len - 1] != '-') sb_putc(&sb, '-');
    const char *r = arena_strdup(&d->arena, sb.data);
    sb_free(&sb);
    return r;
}

static rnode *items_table(rdoc *d, rnode *body, const agenda_spec *a)
{
    const char *headers[] = {"Item", "Business", "Lead officer", a->web ? "Page in pack" : "Page"};
    rnode *t = tb_table(d, a->kind == AGENDA_MAIN ? "Order of business" : "Supplementary business",
                        headers, 4);
    t->id = a->kind == AGENDA_MAIN ? "business" : "supplementary-business";
    rnode_append(body, t);
    for (size_t i = 0; i < a->n; i++) {
        const agenda_entry *e = &a->items[i];
        if (!agenda_lists(a, i)) continue;
        rnode *row = tb_row(d, t, 0);
        row->id = row_id(d, e->item);
        /* the item's number heads its row */
        tb_cell(d, row, e->item->number ? e->item->number : "", LEVEL_NONE)->flags |= RF_ROW_HEADER;
        business_cell(d, row, a, i);
        tb_cell(d, row, nonempty(e->lead) ? e->lead : "", LEVEL_NONE);
        page_cell(d, row, a, e);
    }
    return t;
}

/* ---- the front sheet ---------------------------------------------------------------- */

static rnode *field(rdoc *d, rnode *front, const char *key, const char *label)
{
    rnode *f = rnode_add(d, front, RN_FIELD);
    f->key = key;
    f->text = label;
    return f;
}

/* " (illustrative)" after a detail the meeting file says was made up. */
static void detail_mark(rdoc *d, rnode *p, const meeting *m, unsigned bit)
{
    if (!(m->illustrative_details & bit)) return;
    rnode_add_text(d, p, " ");
    rnode_add_text(d, rnode_add(d, p, RN_EMPH), "(illustrative)");
}

static void front_fields(rdoc *d, rnode *front, const meeting *m, agenda_kind kind)
{
    if (nonempty(m->time))
        detail_mark(d, para_text(d, field(d, front, "time", "Time"), m->time), m,
                    MEETING_DETAIL_TIME);
    if (nonempty(m->venue))
        detail_mark(d, para_text(d, field(d, front, "venue", "Venue"), m->venue), m,
                    MEETING_DETAIL_VENUE);
    if (m->n_members) {
        rnode *f = field(d, front, "membership", "Members");
        rnode *list = rnode_add(d, f, RN_LIST);
        list->flags |= RF_TIGHT;
        for (size_t i = 0; i < m->n_members; i++)
            para_text(d, rnode_add(d, list, RN_ITEM), m->members[i]);
        if (m->illustrative_details & MEETING_DETAIL_MEMBERSHIP)
            rnode_add_text(d, rnode_add(d, rnode_add(d, f, RN_PARAGRAPH), RN_EMPH),
                           "(illustrative)");
    }
    if (nonempty(m->clerk_name)) {
        rnode *p = rnode_add(d, field(d, front, "clerk", "Contact"), RN_PARAGRAPH);
        strbuf sb = STRBUF_INIT;
        sb_puts(&sb, m->clerk_name);
        if (nonempty(m->clerk_role)) sb_printf(&sb, ", %s", m->clerk_role);
        if (nonempty(m->clerk_phone)) sb_printf(&sb, "\n%s", m->clerk_phone);
        tb_lines(d, p, sb.data);
        sb_free(&sb);
        if (nonempty(m->clerk_email)) {
            rnode_add(d, p, RN_LINEBREAK);
            rnode *l = rnode_add(d, p, RN_LINK);
            l->url = arena_printf(&d->arena, "mailto:%s", m->clerk_email);
            rnode_add_text(d, l, m->clerk_email);
        }
        if (m->illustrative_details & MEETING_DETAIL_CLERK) {
            rnode_add(d, p, RN_LINEBREAK);
            rnode_add_text(d, rnode_add(d, p, RN_EMPH), "(illustrative)");
        }
    }
    if (m->published.kind == DATE_DAY && kind == AGENDA_MAIN) {
        char buf[DATE_BUF];
        date_format(m->published, buf, sizeof buf);
        detail_mark(d, para_text(d, field(d, front, "published", "Published"), buf), m,
                    MEETING_DETAIL_PUBLISHED);
    }
    if (m->illustrative)
        para_text(d, field(d, front, "illustrative", "Illustrative"),
                  "This meeting is an illustrative example made for tabled; it is not a meeting "
                  "of the council, and its items are not the council's.");
}

/* ---- the agenda -------------------------------------------------------------------- */

static void web_links(rdoc *d, rnode *body, const agenda_spec *a)
{
    if (!nonempty(a->pack_href) && !nonempty(a->supplement_href)) return;
    rnode *p = rnode_add(d, body, RN_PARAGRAPH);
    rnode_add_text(d, p, "Every report in one PDF, numbered through, with the page each item "
                         "starts on as listed below: ");
    if (nonempty(a->pack_href)) {
        rnode *l = rnode_add(d, p, RN_LINK);
        l->url = arena_strdup(&d->arena, a->pack_href);
        rnode_add_text(d, l, arena_printf(&d->arena, "the agenda pack (PDF, %zu page%s)",
                                          a->pack_pages, a->pack_pages == 1 ? "" : "s"));
    }
    if (nonempty(a->supplement_href)) {
        rnode_add_text(d, p, nonempty(a->pack_href) ? " and " : "");
        rnode *l = rnode_add(d, p, RN_LINK);
        l->url = arena_strdup(&d->arena, a->supplement_href);
        rnode_add_text(d, l, arena_printf(&d->arena, "the supplementary pack (PDF, %zu page%s, "
                                                     "numbered S1, S2 ...)",
                                          a->supplement_pages, a->supplement_pages == 1 ? "" : "s"));
    }
    rnode_add_text(d, p, ".");
}

rdoc *build_agenda(agenda_spec *a, const house_style *h)
{
    const meeting *m = a->m;
    rdoc *d = rdoc_new();
    if (h) rdoc_set_palette(d, h);
    d->organisation = m->council ? arena_strdup(&d->arena, m->council) : NULL;
    d->committee = m->committee ? arena_strdup(&d->arena, m->committee) : NULL;
    d->variant_title = d->committee;
    d->meeting_date = agenda_date(&d->arena, m);
    char iso[DATE_BUF];
    date_format_iso(m->date, iso, sizeof iso);
    d->meeting_iso = arena_strdup(&d->arena, iso);
    d->title = d->subject = a->kind == AGENDA_MAIN ? "Agenda" : "Supplementary agenda";
    d->report_of = m->clerk_name ? arena_strdup(&d->arena, m->clerk_name) : NULL;
    d->variant = "agenda";
    d->file = arena_strdup(&d->arena, m->file);
    d->paper_slug = arena_strdup(&d->arena, m->slug);
    const char *ep = build_epoch();
    d->epoch = ep ? arena_strdup(&d->arena, ep) : NULL;

    rnode *front = rnode_add(d, d->root, RN_FRONT_SHEET);
    front_fields(d, front, m, a->kind);
    rnode *body = rnode_add(d, d->root, RN_BODY);
    if (a->kind == AGENDA_SUPPLEMENTARY)
        para_text(d, body, "The reports for these items were not available when the agenda was "
                           "published. The items keep their numbers on the agenda; the pages "
                           "of this pack are numbered S1, S2 and so on.");
    if (a->private_pack)
        para_text(d, body, "This private pack holds the exempt information in full; each page "
                           "of it is marked NOT FOR PUBLICATION. It is not for publication.");
    if (a->web) web_links(d, body, a);
    rnode *t = items_table(d, body, a);
    if (a->web && a->also) items_table(d, body, a->also);
    rdoc_fingerprint(d, h);
    rdoc_finish(d);
    /* the rows' ids as settled (unique), for the pack's bookmarks */
    const rnode *row = t->first;
    for (size_t i = 0; i < a->n; i++) {
        a->items[i].row_id = NULL;
        if (!agenda_lists(a, i)) continue;
        while (row && (row->type != RN_ROW || (row->flags & RF_HEADER))) row = row->next;
        a->items[i].row_id = row ? row->id : NULL;
        if (row) row = row->next;
    }
    return d;
}
