/* html_table.c - tables as HTML: a labelled, scrollable region; caption; column widths
 * following the content; header rows in <thead>; a <tbody> per group row. A table of
 * three columns or more with a header row is marked "cards", each body cell carrying
 * its column's header as data-label: on a phone the stylesheet sets each row as a
 * card of labelled lines (still a table in the markup). */
#include "html_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "html_internal.h"

/* ---- tables -------------------------------------------------------------- */

/* A cell or field value: a lone unnumbered paragraph is written without <p>. */
void hr_cell_content(hctx *c, const rnode *cell)
{
    const rnode *k = cell->first;
    if (k && !k->next && k->type == RN_PARAGRAPH && !k->number) hr_inlines(c, k);
    else hr_children(c, cell);
}

static void hr_cell(hctx *c, const rnode *cell, int header_row, const char *label)
{
    strbuf *o = c->out;
    int th = header_row || (cell->flags & RF_ROW_HEADER);
    sb_puts(o, th ? "<th" : "<td");
    if (header_row) sb_puts(o, " scope=\"col\"");
    else if (th) sb_puts(o, " scope=\"row\"");
    if (cell->colspan > 1) sb_printf(o, " colspan=\"%d\"", cell->colspan);
    if (label && *label) {
        sb_puts(o, " data-label=\"");
        html_put_text(o, label);
        sb_putc(o, '"');
    }
    strbuf cls = STRBUF_INIT;
    if (cell->rag != LEVEL_NONE) sb_printf(&cls, " rag rag-%s", rag_level_id(cell->rag));
    if (cell->flags & RF_NUMERIC) sb_puts(&cls, " n");
    if (cell->align == ALIGN_LEFT) sb_puts(&cls, " al-l");
    else if (cell->align == ALIGN_CENTER) sb_puts(&cls, " al-c");
    else if (cell->align == ALIGN_RIGHT) sb_puts(&cls, " al-r");
    if (cls.len) sb_printf(o, " class=\"%s\"", cls.data + 1);
    sb_free(&cls);
    sb_putc(o, '>');
    hr_cell_content(c, cell);
    sb_puts(o, th ? "</th>" : "</td>");
}

#define TALL_CELL_CHARS 700

void hr_table(hctx *c, const rnode *t)
{
    strbuf *o = c->out;
    int ncols = rnode_table_columns(t);
    const rnode *cap = t->first && t->first->type == RN_CAPTION ? t->first : NULL;
    const char *tid = t->id, *capid = cap ? cap->id : NULL;
    size_t body_rows = 0, longest = 0;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || (r->flags & RF_HEADER)) continue;
        body_rows++;
        for (const rnode *cell = r->first; cell; cell = cell->next) {
            char *text = rnode_plain_text(cell);
            size_t n = strlen(text);
            free(text);
            if (n > longest) longest = n;
        }
    }

    sb_printf(o, "<div class=\"table-wrap%s%s\" role=\"region\" tabindex=\"0\"",
              (t->flags & RF_WIDE) ? " wide" : "", body_rows > 15 ? " long" : "");
    if (capid) {
        sb_puts(o, " aria-labelledby=\"");
        html_put_text(o, capid);
        sb_puts(o, "\">\n");
    } else {
        sb_puts(o, " aria-label=\"");
        html_put_text(o, t->text);
        sb_puts(o, "\">\n");
    }
    /* each column's header, for the cards a phone shows (the first header row's) */
    const rnode *head = NULL;
    for (const rnode *r = t->first; r && !head; r = r->next)
        if (r->type == RN_ROW && (r->flags & RF_HEADER)) head = r;
    char **labels = NULL;
    if (head && ncols >= 3) {
        labels = xcalloc((size_t)ncols, sizeof *labels);
        int col = 0;
        for (const rnode *cell = head->first; cell && col < ncols; cell = cell->next) {
            labels[col] = rnode_plain_text(cell);
            col += cell->colspan > 1 ? cell->colspan : 1;
        }
    }
    sb_puts(o, "<table");
    hr_put_id(c, tid);
    strbuf cls = STRBUF_INIT;
    if (labels) sb_puts(&cls, " cards");
    if (t->flags & RF_COMPUTED) sb_puts(&cls, " computed");
    if (t->flags & RF_WIDE) sb_puts(&cls, " wide");
    /* a cell of this many letters is half a printed page deep in a column of a wide
     * table: its rows may split in print rather than leave most of a page blank */
    if (longest > TALL_CELL_CHARS) sb_puts(&cls, " tall-rows");
    if (cls.len) sb_printf(o, " class=\"%s\"", cls.data + 1);
    sb_free(&cls);
    sb_puts(o, ">\n");
    if (cap) {
        sb_puts(o, "<caption");
        hr_put_id(c, capid);
        sb_putc(o, '>');
        hr_inlines(c, cap);
        sb_puts(o, "</caption>\n");
    }
    /* header rows first (a header row can only be in <thead>) */
    int any_header = 0;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || !(r->flags & RF_HEADER)) continue;
        if (!any_header) sb_puts(o, "<thead>\n");
        any_header = 1;
        sb_puts(o, "<tr>");
        for (const rnode *cell = r->first; cell; cell = cell->next) hr_cell(c, cell, 1, NULL);
        sb_puts(o, "</tr>\n");
    }
    if (any_header) sb_puts(o, "</thead>\n");
    /* body: each group row starts a new <tbody> whose heading it is */
    int open = 0;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW || (r->flags & RF_HEADER)) continue;
        if (r->flags & RF_GROUP) {
            if (open) sb_puts(o, "</tbody>\n");
            sb_puts(o, "<tbody class=\"group\">\n");
            open = 1;
            sb_printf(o, "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"%d\">", ncols);
            for (const rnode *cell = r->first; cell; cell = cell->next) {
                if (cell != r->first) sb_putc(o, ' ');
                hr_cell_content(c, cell);
            }
            sb_puts(o, "</th></tr>\n");
            continue;
        }
        if (!open) sb_puts(o, "<tbody>\n");
        open = 1;
        sb_puts(o, "<tr");
        hr_put_id(c, r->id);
        if (r->flags & RF_TOTAL) sb_puts(o, " class=\"total\"");
        sb_putc(o, '>');
        int col = 0;
        for (const rnode *cell = r->first; cell; cell = cell->next) {
            hr_cell(c, cell, 0, labels && col < ncols ? labels[col] : NULL);
            col += cell->colspan > 1 ? cell->colspan : 1;
        }
        sb_puts(o, "</tr>\n");
    }
    if (labels) {
        for (int i = 0; i < ncols; i++) free(labels[i]);
        free(labels);
    }
    if (!open) sb_printf(o, "<tbody><tr><td colspan=\"%d\">No rows.</td></tr>\n", ncols);
    sb_puts(o, "</tbody>\n</table>\n</div>\n");
}
