/* furniture.c - the words around every page, decided once from the document's
 * metadata: running heads, footers, the web page's title and colophon, the exempt
 * marking of a private edition, and the page number's wording. */
#include <stdio.h>
#include <string.h>

#include "../util/strbuf.h"
#include "report.h"

static int nonempty(const char *s) { return s && *s; }

const char *report_heading(rdoc *d)
{
    if (nonempty(d->variant_title)) return d->variant_title;
    if (nonempty(d->committee)) return arena_printf(&d->arena, "Report to %s", d->committee);
    return NULL;
}

/* Appends s to t after a dash, unless it is empty. */
static void dash_part(strbuf *t, const char *s)
{
    if (!nonempty(s)) return;
    if (t->len) sb_puts(t, " \xE2\x80\x93 ");
    sb_puts(t, s);
}

static const char *keep(rdoc *d, strbuf *sb)
{
    const char *r = arena_strdup(&d->arena, sb->data ? sb->data : "");
    sb_free(sb);
    return r;
}

void rdoc_settle_furniture(rdoc *d)
{
    rfurniture *f = &d->furniture;
    f->running_head = nonempty(d->subject) ? d->subject : d->title ? d->title : "";
    f->running_head_right = nonempty(d->organisation) ? d->organisation : NULL;

    strbuf sb = STRBUF_INIT;
    const char *heading = report_heading(d);
    if (heading) sb_puts(&sb, heading);
    if (nonempty(d->meeting_date)) sb_printf(&sb, "%s%s", sb.len ? ", " : "", d->meeting_date);
    f->page_foot = NULL;
    if (sb.len) f->page_foot = keep(d, &sb);
    sb_free(&sb);

    dash_part(&sb, nonempty(d->subject) ? d->subject : d->title);
    dash_part(&sb, d->committee);
    dash_part(&sb, d->meeting_date);
    if (!sb.len) sb_puts(&sb, "Committee report");
    f->window_title = keep(d, &sb);

    dash_part(&sb, d->organisation);
    dash_part(&sb, d->committee);
    dash_part(&sb, d->meeting_date);
    if (nonempty(d->item)) {
        if (sb.len) sb_puts(&sb, " \xE2\x80\x93 ");
        sb_printf(&sb, "Item %s", d->item);
    }
    f->colophon = keep(d, &sb);

    if (d->exempt_paragraph > 0) {
        f->exempt_mark = "NOT FOR PUBLICATION";
        f->exempt_reason = arena_printf(&d->arena,
                                        "by virtue of paragraph %d of Part 1 of Schedule 12A to "
                                        "the Local Government Act 1972",
                                        d->exempt_paragraph);
    } else {
        f->exempt_mark = f->exempt_reason = NULL;
    }
    f->part_mark = NULL;
    for (int k = 0; k < 8; k++) f->part_reason[k] = NULL;
    for (const rnode *k = d->root ? d->root->first : NULL; k; k = k->next) {
        if (k->type != RN_APPENDIX || k->exempt < 1 || k->exempt > 7) continue;
        f->part_mark = "NOT FOR PUBLICATION";
        if (!f->part_reason[k->exempt])
            f->part_reason[k->exempt] = arena_printf(&d->arena,
                                                     "by virtue of paragraph %d of Part 1 of "
                                                     "Schedule 12A to the Local Government Act 1972",
                                                     k->exempt);
    }
}

void report_page_label(char *buf, size_t len, size_t page, size_t pages)
{
    snprintf(buf, len, "Page %zu of %zu", page, pages);
}

void report_pack_page_label(char *buf, size_t len, const char *prefix, size_t page)
{
    snprintf(buf, len, "Page %s%zu", prefix ? prefix : "", page);
}
