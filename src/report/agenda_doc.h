/* agenda_doc.h - a meeting's agenda as a report description, and the words of its
 * items: the standard items, the exclusion-of-the-public resolution naming every
 * exempt item and appendix, each item's title, lead officer and the pack page it starts
 * on. The same description is the first pages of the agenda pack (PDF) and the
 * meeting's web page (HTML, with links to each paper). */
#ifndef TABLED_AGENDA_DOC_H
#define TABLED_AGENDA_DOC_H

#include <stddef.h>

#include "../model/house.h"
#include "../model/meeting.h"
#include "../model/paper.h"
#include "report.h"

/* One item as an agenda lists it: the meeting's item and what its paper and the
 * layout of the pack settled. */
typedef struct {
    const meeting_item *item;
    const char *title;          /* agenda_item_title */
    const char *lead;           /* lead officer, or NULL */
    int exempt;                 /* the item's paragraph of Schedule 12A, or 0 */
    const exempt_part *parts;   /* its paper's exempt appendices */
    size_t n_parts;
    int has_paper;
    const char *paper_href;     /* its paper's web page, relative to the agenda's, or NULL */
    size_t first, last;         /* the pages of this pack it is on (1-based); 0: none */
    size_t agenda_page;         /* the page of this pack its agenda row is on; 0: none */
    const char *row_id;         /* set by build_agenda: the id of its row ("item-6"), in
                                 * the agenda's arena; NULL when not listed */
} agenda_entry;

typedef enum {
    AGENDA_MAIN = 0,            /* the agenda as published: every item but those added */
    AGENDA_SUPPLEMENTARY        /* the items to follow and those added after publication */
} agenda_kind;

typedef struct agenda_spec {
    const meeting *m;
    agenda_entry *items;        /* every item of the meeting, in order */
    size_t n;
    agenda_kind kind;
    const char *page_prefix;    /* printed before page numbers ("S"), or NULL */
    int private_pack;           /* the private pack: says that it holds exempt information */
    int web;                    /* the web page: titles link to papers, and the packs are named */
    const char *pack_href;      /* the web page: the public pack (PDF) and its pages */
    size_t pack_pages;
    const char *supplement_href;    /* ... and the supplementary pack, or NULL */
    size_t supplement_pages;
    const struct agenda_spec *also; /* the web page: the supplementary agenda, listed too */
} agenda_spec;

/* Is item i on this agenda? */
int agenda_lists(const agenda_spec *a, size_t i);

/* An item's title: its own, else its paper's subject (paper_subject, may be NULL), else
 * the standard item's ("Apologies"); in the arena. */
const char *agenda_item_title(arena *a, const meeting_item *it, const char *paper_subject);
/* The bookmark of an item in a pack: "6. Housing Improvement Plan - Update" (in a). */
const char *agenda_bookmark_title(arena *a, const agenda_entry *e);
/* The meeting's date as an agenda prints it: "Wednesday 13 May 2009" (in a). */
const char *agenda_date(arena *a, const meeting *m);

/* The agenda: front sheet (council, committee, date, title, time, venue, members,
 * contact), then a table of the items with number, title, what the item is for, lead
 * officer and page; each entry's row_id is set. Finished; the caller frees it. */
rdoc *build_agenda(agenda_spec *a, const house_style *h);

#endif
