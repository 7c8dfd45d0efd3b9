/* meeting.h - a committee meeting as a clerk describes it for its agenda pack: the
 * council, committee, date, time, venue, membership and contact clerk, and the
 * ordered items of business (standard items, reports naming their paper, the
 * exclusion of the public, exempt items). Loaded from a meeting file
 * (load/meeting_load.c); the pack is built from it (cli/cmd_pack.c). */
#ifndef TABLED_MEETING_H
#define TABLED_MEETING_H

#include <stddef.h>

#include "../util/arena.h"
#include "../util/diag.h"
#include "date.h"

/* What an item is. The standard items have wording of their own (report/agenda_doc.c). */
typedef enum {
    ITEM_APOLOGIES = 0,
    ITEM_DECLARATIONS,
    ITEM_MINUTES,
    ITEM_PUBLIC_QUESTIONS,
    ITEM_URGENT_BUSINESS,
    ITEM_EXCLUSION,         /* the exclusion-of-the-public resolution */
    ITEM_BUSINESS,          /* any other item: a report (with a paper) or not */
    ITEM__COUNT
} item_kind;

/* The details of a meeting that 'illustrative: [time, venue, ...]' can mark as made up
 * (the words are meeting_detail_word's). */
enum {
    MEETING_DETAIL_TIME = 1u << 0,
    MEETING_DETAIL_VENUE = 1u << 1,
    MEETING_DETAIL_MEMBERSHIP = 1u << 2,
    MEETING_DETAIL_CLERK = 1u << 3,
    MEETING_DETAIL_PUBLISHED = 1u << 4,
    MEETING_DETAIL__COUNT = 5
};

/* When an item is published. */
typedef enum {
    SUPP_NONE = 0,          /* in the agenda pack as published */
    SUPP_TO_FOLLOW,         /* on the published agenda as "to follow"; its paper in the
                             * supplementary pack */
    SUPP_ADDED              /* added after publication: in the supplementary pack only */
} supplementary_mode;

typedef struct {
    item_kind kind;
    const char *number;     /* as printed ("6", "5A"): given, or worked out in order */
    int number_given;       /* 'number:' was written */
    const char *title;      /* given, or NULL (the standard wording, or the paper's subject) */
    const char *text;       /* what the item is for, or NULL (standard wording) */
    const char *lead;       /* lead officer, or NULL (from the paper) */
    const char *paper;      /* the paper's path, resolved against the meeting file, or NULL */
    const char *paper_written;  /* ... as written in the meeting file */
    fuzzy_date minutes_of;  /* ITEM_MINUTES: the meeting whose minutes (or none) */
    int exempt;             /* 0, or the paragraph (1-7) of Part 1 of Schedule 12A */
    int illustrative;       /* made up: printed with a visible mark */
    supplementary_mode supplementary;
    srcpos pos;             /* the item */
    srcpos paper_pos, exempt_pos, number_pos;
} meeting_item;

typedef struct {
    const char *file;       /* the meeting file */
    const char *slug;       /* its name without .yaml: the packs' file names */
    const char *council, *committee;
    fuzzy_date date;        /* a day */
    const char *time, *venue;
    const char **members;   /* membership, in order (may be none) */
    size_t n_members;
    const char *clerk_name, *clerk_role, *clerk_phone, *clerk_email;
    fuzzy_date published;   /* when the agenda was published (DATE_NONE: not said) */
    int illustrative;       /* the whole meeting is made up */
    unsigned illustrative_details;  /* MEETING_DETAIL_* bits: details made up for a real
                                     * meeting, each printed with the mark */
    srcpos committee_pos, date_pos, council_pos;
    meeting_item *items;
    size_t n_items;
    arena arena;
} meeting;

void meeting_free(meeting *m);

/* The name of an item's kind as written in a meeting file ("apologies"); "" for
 * ITEM_BUSINESS, which is not written. */
const char *item_kind_word(item_kind k);
/* The word for detail bit i (0 .. MEETING_DETAIL__COUNT-1) as written in a meeting file:
 * "time", "venue", "membership", "clerk", "published". */
const char *meeting_detail_word(unsigned i);

#endif
