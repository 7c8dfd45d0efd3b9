/* masthead.c - the top of the front sheet, and which fields it makes redundant.
 *
 * The masthead, in order: the organisation; the variant's kind of report ("Report for
 * Information", seed 000), unless the heading or title already says it; the heading (the variant's title, else
 * "Report to {committee}") with the agenda item beside it ("Item 6"); the meeting
 * date; the title (the subject) unless the variant lists `subject` as a field, which
 * then carries it. A heading that is the title itself is left out, so the title shows
 * once, and a meeting date the kind already gives ("Report for meeting to be held on
 * 22 July 2010", seed 001) is not printed again. The masthead makes fields redundant by key, never by label: `committee` when
 * the heading names the committee, `item` and `meeting` when the masthead shows them.
 * Every output shows exactly these lines and fields. */
#include <string.h>
#include <strings.h>

#include "report.h"

static int nonempty(const char *s) { return s && *s; }

static rnode *front_line(rdoc *d, rnode *front, rnode **after, rfront_role role, const char *text)
{
    rnode *n = rnode_new(d, RN_FRONT_LINE);
    n->role = (uint8_t)role;
    n->text = text;
    n->parent = front;
    if (*after) {
        n->next = (*after)->next;
        (*after)->next = n;
        if (front->last == *after) front->last = n;
    } else {
        n->next = front->first;
        front->first = n;
        if (!front->last) front->last = n;
    }
    *after = n;
    return n;
}

/* Whether hay contains needle, letters compared without case. */
static int contains_nocase(const char *hay, const char *needle)
{
    if (!hay || !needle || !*needle) return 0;
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (!strncasecmp(p, needle, n)) return 1;
    return 0;
}

static int has_key(const rnode *f, const char *key)
{
    return f->type == RN_FIELD && f->key && !strcmp(f->key, key);
}

void rdoc_settle_front_sheet(rdoc *d)
{
    rnode *front = NULL;
    for (rnode *k = d->root ? d->root->first : NULL; k && !front; k = k->next)
        if (k->type == RN_FRONT_SHEET) front = k;
    if (!front || (front->first && front->first->type == RN_FRONT_LINE)) return;   /* done */
    const char *title = nonempty(d->subject) ? d->subject : nonempty(d->title) ? d->title : "Report";
    const char *heading = report_heading(d);
    if (heading && !strcmp(heading, title)) heading = NULL;     /* the title says it */
    const char *item = nonempty(d->item) ? arena_printf(&d->arena, "Item %s", d->item) : NULL;
    const char *date = nonempty(d->meeting_date) ? d->meeting_date : NULL;
    int committee_shown = !nonempty(d->committee) || (heading && strstr(heading, d->committee));

    rnode *title_field = NULL;
    for (rnode *f = front->first; f;) {
        rnode *next = f->next;
        if ((has_key(f, "committee") && committee_shown) || (has_key(f, "item") && item) ||
            (has_key(f, "meeting") && date)) {
            rnode_unlink(f);
        } else if (has_key(f, "subject") && !title_field) {
            f->flags |= RF_TITLE;
            title_field = f;
        }
        f = next;
    }

    const char *kind = nonempty(front->text) ? front->text : NULL;
    if (kind && (contains_nocase(title, kind) || contains_nocase(heading, kind))) kind = NULL;
    if (kind && date && strstr(kind, date)) date = NULL;    /* the kind gives the date */

    rnode *at = NULL;
    if (nonempty(d->organisation)) front_line(d, front, &at, FRONT_ORGANISATION, d->organisation);
    if (kind) front_line(d, front, &at, FRONT_KIND, kind);
    if (heading || item) front_line(d, front, &at, FRONT_HEADING, heading)->aside = item;
    if (date) front_line(d, front, &at, FRONT_DATE, date);
    if (!title_field) front_line(d, front, &at, FRONT_TITLE, title);
}
