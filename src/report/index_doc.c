/* index_doc.c - the index of every built paper as a report description (see
 * index_doc.h): one organisation is named in the masthead, several get a column; each
 * paper is a row with its meeting, its subject (linked to its web page), its actions
 * by status in the one status order, percent complete, its overall RAG in the house's
 * words and colours, and links to its outputs. */
#include "index_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "labels.h"
#include "table_build.h"

static int nonempty(const char *s) { return s && *s; }
static int cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

void paper_record_of(const rdoc *d, int html, int pdf, int exempt, paper_record *r)
{
    memset(r, 0, sizeof *r);
    r->subject = d->subject;
    r->committee = d->committee;
    r->meeting_iso = d->meeting_iso;
    r->meeting_date = d->meeting_date;
    r->item = d->item;
    r->report_of = d->report_of;
    r->organisation = d->organisation;
    r->variant = d->variant;
    r->as_at = d->as_at;
    r->as_at_iso = d->as_at_iso;
    r->html = html;
    r->pdf = pdf;
    r->exempt_paragraph = exempt;
    r->has_rollup = !exempt;
    r->summary = d->summary;
    rdoc *w = (rdoc *)d;    /* the hrefs go in d's arena */
    if (html) r->html_href = arena_printf(&w->arena, "%s/%s.html", d->plan_slug, d->paper_slug);
    if (pdf) r->pdf_href = arena_printf(&w->arena, "%s/%s.pdf", d->plan_slug, d->paper_slug);
}

void paper_record_parts(const rdoc *d, const exempt_parts *parts, paper_record *r)
{
    r->n_exempt_parts = 0;
    r->exempt_parts = NULL;
    if (!parts || !parts->n) return;
    paper_part *v = arena_alloc(&((rdoc *)d)->arena, parts->n * sizeof *v);
    for (size_t i = 0; i < parts->n; i++) v[i] = (paper_part){parts->v[i].letter, parts->v[i].paragraph};
    r->exempt_parts = v;
    r->n_exempt_parts = parts->n;
}

typedef struct {
    const paper_record *r;
    size_t pos;
} entry;

static int newest_first(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int r = cmp_str(b->r->meeting_iso, a->r->meeting_iso);
    if (!r) r = cmp_str(a->r->subject, b->r->subject);
    if (!r) r = a->pos < b->pos ? -1 : a->pos > b->pos;
    return r;
}

static rnode *link(rdoc *d, rnode *parent, const char *url, const char *text)
{
    rnode *a = rnode_add(d, parent, RN_LINK);
    a->url = arena_strdup(&d->arena, url);
    rnode_add_text(d, a, text);
    return a;
}

static void meeting_cell(rdoc *d, rnode *row, const paper_record *r)
{
    rnode *c = tb_cell(d, row, r->committee, LEVEL_NONE);
    if (nonempty(r->meeting_date)) {
        rnode_add(d, c, RN_LINEBREAK);
        rnode_add_text(d, c, r->meeting_date);
    }
    if (nonempty(r->item)) {
        rnode_add(d, c, RN_LINEBREAK);
        rnode_add_text(d, c, arena_printf(&d->arena, "Item %s", r->item));
    }
}

/* "9 Complete, 5 On target, 2 Overdue (16 in all)", in the one status order. */
static void counts_cell(rdoc *d, rnode *row, const rdoc_summary *s)
{
    if (!s->total) {
        tb_cell(d, row, "No actions", LEVEL_NONE);
        return;
    }
    strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < STATUS__COUNT; k++) {
        size_t n = s->count[status_order[k]];
        if (n) sb_printf(&sb, "%s%zu %s", sb.len ? ", " : "", n, status_kind_name(status_order[k]));
    }
    sb_printf(&sb, " (%zu in all)", s->total);
    tb_cell(d, row, sb.data, LEVEL_NONE);
    sb_free(&sb);
}

typedef struct {
    const meeting_record *r;
    size_t pos;
} mentry;

static int meeting_newest_first(const void *pa, const void *pb)
{
    const mentry *a = pa, *b = pb;
    int r = cmp_str(b->r->date_iso, a->r->date_iso);
    if (!r) r = cmp_str(a->r->committee, b->r->committee);
    if (!r) r = a->pos < b->pos ? -1 : a->pos > b->pos;
    return r;
}

/* The meetings, newest first: each with its agenda (web page) and its packs. */
static void meetings_table(rdoc *d, rnode *body, const meeting_record *ms, size_t nm, int many_orgs)
{
    mentry *v = calloc(nm, sizeof *v);
    for (size_t i = 0; i < nm; i++) v[i] = (mentry){&ms[i], i};
    if (nm > 1) qsort(v, nm, sizeof *v, meeting_newest_first);
    rnode_add_text(d, rnode_add(d, body, RN_PARAGRAPH),
                   arena_printf(&d->arena, "%zu meeting%s, newest first, each with its agenda as a "
                                           "web page and its agenda pack: the agenda and every "
                                           "report in one PDF, numbered through.",
                                nm, nm == 1 ? "" : "s"));
    const char *headers[4];
    int nc = 0;
    if (many_orgs) headers[nc++] = "Organisation";
    headers[nc++] = "Meeting";
    headers[nc++] = "Items";
    headers[nc++] = "Documents";
    rnode *t = tb_table(d, "Meetings and their agenda packs, newest first", headers, nc);
    t->flags |= RF_COMPUTED;
    t->id = "meetings";
    rnode_append(body, t);
    for (size_t i = 0; i < nm; i++) {
        const meeting_record *r = v[i].r;
        rnode *row = tb_row(d, t, 0);
        if (many_orgs) tb_cell(d, row, r->council, LEVEL_NONE);
        rnode *mc = rnode_add(d, row, RN_CELL);
        mc->flags |= RF_ROW_HEADER;
        const char *name = nonempty(r->committee) ? r->committee : "Meeting";
        if (nonempty(r->agenda_href)) link(d, mc, r->agenda_href, name);
        else rnode_add_text(d, mc, name);
        if (nonempty(r->date_printed)) {
            rnode_add(d, mc, RN_LINEBREAK);
            rnode_add_text(d, mc, r->date_printed);
        }
        if (r->illustrative) {
            rnode_add(d, mc, RN_LINEBREAK);
            rnode_add_text(d, rnode_add(d, mc, RN_EMPH), "(illustrative)");
        }
        strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%zu item%s", r->n_items, r->n_items == 1 ? "" : "s");
        if (r->n_exempt) sb_printf(&sb, "; %zu exempt (item or appendix)", r->n_exempt);
        tb_cell(d, row, sb.data, LEVEL_NONE);
        sb_free(&sb);
        rnode *docs = rnode_add(d, row, RN_CELL);
        if (nonempty(r->agenda_href)) link(d, docs, r->agenda_href, "Agenda (web page)");
        if (nonempty(r->pack_href)) {
            if (docs->first) rnode_add(d, docs, RN_LINEBREAK);
            link(d, docs, r->pack_href, arena_printf(&d->arena, "Agenda pack (PDF, %zu page%s)",
                                                     r->pack_pages, r->pack_pages == 1 ? "" : "s"));
        }
        if (nonempty(r->supplement_href)) {
            if (docs->first) rnode_add(d, docs, RN_LINEBREAK);
            link(d, docs, r->supplement_href,
                 arena_printf(&d->arena, "Supplementary pack (PDF, %zu page%s)", r->supplement_pages,
                              r->supplement_pages == 1 ? "" : "s"));
        }
    }
    free(v);
}

rdoc *build_index(const paper_record *papers, size_t n, const meeting_record *meetings,
                  size_t nm, const house_style *h)
{
    rdoc *d = rdoc_new();
    if (h) rdoc_set_palette(d, h);
    entry *v = calloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; i < n; i++) v[i] = (entry){&papers[i], i};
    if (n > 1) qsort(v, n, sizeof *v, newest_first);

    /* one organisation: named in the masthead; several: a column */
    const char *org = n ? papers[0].organisation : NULL;
    int many_orgs = 0;
    for (size_t i = 1; i < n; i++)
        if (cmp_str(papers[i].organisation, org)) many_orgs = 1;
    if (!n && nm) org = meetings[0].council;
    for (size_t i = 0; i < nm; i++)
        if (cmp_str(meetings[i].council, org)) many_orgs = 1;
    if (!many_orgs && nonempty(org)) d->organisation = arena_strdup(&d->arena, org);
    d->title = d->subject = "Committee papers";
    rnode_add(d, d->root, RN_FRONT_SHEET);

    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode_add_text(d, rnode_add(d, body, RN_PARAGRAPH),
                   arena_printf(&d->arena, "%zu paper%s, newest first. Each links to the paper as "
                                           "a web page and, where there is one, as a PDF.",
                                n, n == 1 ? "" : "s"));
    const char *headers[7];
    int nc = 0;
    if (many_orgs) headers[nc++] = "Organisation";
    headers[nc++] = "Meeting";
    headers[nc++] = "Subject";
    headers[nc++] = "Actions by status";
    headers[nc++] = "% complete";
    headers[nc++] = "Overall";
    headers[nc++] = "Documents";
    rnode *t = tb_table(d, "Committee papers and the progress of their plans, newest first",
                        headers, nc);
    t->flags |= RF_COMPUTED;
    t->id = "papers";
    rnode_append(body, t);
    for (size_t i = 0; i < n; i++) {
        const paper_record *r = v[i].r;
        const rdoc_summary *s = &r->summary;
        rnode *row = tb_row(d, t, 0);
        if (many_orgs) tb_cell(d, row, r->organisation, LEVEL_NONE);
        meeting_cell(d, row, r);
        const char *subject = nonempty(r->subject) ? r->subject : "Untitled paper";
        rnode *sc = rnode_add(d, row, RN_CELL);
        sc->flags |= RF_ROW_HEADER;
        if (nonempty(r->html_href)) link(d, sc, r->html_href, subject);
        else rnode_add_text(d, sc, subject);
        counts_cell(d, row, s);
        strbuf pc = STRBUF_INIT;
        label_percent(&pc, s->percent_complete);
        rnode *pcell = tb_cell(d, row, pc.data, LEVEL_NONE);
        pcell->flags |= RF_NUMERIC;
        pcell->align = ALIGN_RIGHT;
        sb_free(&pc);
        rag_level lv = s->rag <= LEVEL_RED ? s->rag : LEVEL_NONE;
        rnode *badge = rnode_add(d, rnode_add(d, row, RN_CELL), RN_BADGE);
        badge->rag = lv;
        badge->text = d->palette.rag[lv].word;
        rnode *docs = rnode_add(d, row, RN_CELL);
        if (nonempty(r->html_href)) link(d, docs, r->html_href, "Web page");
        if (nonempty(r->pdf_href)) {
            if (docs->first) rnode_add(d, docs, RN_LINEBREAK);
            link(d, docs, r->pdf_href, "PDF");
        }
    }
    if (!n) {
        rnode *row = tb_row(d, t, 0);
        tb_cell(d, row, "No papers.", LEVEL_NONE)->colspan = (uint16_t)nc;
    }
    free(v);
    if (nm) meetings_table(d, body, meetings, nm, many_orgs);
    rdoc_finish(d);
    /* the page's own title and colophon name the organisation */
    if (!many_orgs && nonempty(org)) {
        d->furniture.window_title = arena_printf(&d->arena, "Committee papers \xE2\x80\x93 %s", org);
        d->furniture.colophon = d->furniture.window_title;
    } else {
        d->furniture.colophon = d->furniture.window_title;
    }
    return d;
}
