/* index_doc.h - the index of every built paper (out/index.html) as a report
 * description, so any renderer can draw it: a front sheet, a sentence, and a table of
 * the papers newest first with their RAG summary and links. */
#ifndef TABLED_INDEX_DOC_H
#define TABLED_INDEX_DOC_H

#include <stddef.h>

#include "../model/house.h"
#include "../model/paper.h"
#include "report.h"

/* An exempt appendix as the index and the paper's JSON name it. */
typedef struct {
    char letter;
    int paragraph;
} paper_part;

/* A built paper as the index lists it: what its JSON records (render/paper_json.c
 * writes and reads it). */
typedef struct {
    const char *subject, *committee, *meeting_iso, *meeting_date, *item, *report_of;
    const char *organisation, *variant, *as_at, *as_at_iso;
    int html, pdf;              /* which outputs were written */
    int exempt_paragraph;       /* the public edition of an exempt paper: its paragraph */
    const paper_part *exempt_parts; /* its exempt appendices (letter and paragraph) */
    size_t n_exempt_parts;
    int has_rollup;             /* summary holds the plan's roll-up as at the paper's date
                                 * (not for an exempt paper's public edition) */
    rdoc_summary summary;
    const char *html_href, *pdf_href;   /* relative to the index ("norwich-hip/x.html"),
                                         * NULL when not written */
} paper_record;

/* A meeting whose packs were built, as the index lists it: what its page map (JSON)
 * records (render/pack_json.c writes and reads it). */
typedef struct {
    const char *council, *committee, *date_iso, *date_printed;
    int illustrative;
    size_t n_items;             /* on the agenda (supplementary ones too) */
    size_t n_exempt;            /* exempt items and exempt appendices */
    const char *agenda_href;    /* relative to the index ("meetings/x.html") */
    const char *pack_href;      /* the public pack (PDF), or NULL */
    size_t pack_pages;
    const char *supplement_href;    /* the public supplementary pack, or NULL */
    size_t supplement_pages;
} meeting_record;

/* The record of a built paper (its strings are d's; the hrefs from d's slugs). exempt:
 * d is the public edition of a paper exempt under that paragraph (0: not exempt). */
void paper_record_of(const rdoc *d, int html, int pdf, int exempt, paper_record *r);
/* Records the exempt parts of the paper (letters and paragraphs only; their titles and
 * content are not the index's), in d's arena. */
void paper_record_parts(const rdoc *d, const exempt_parts *parts, paper_record *r);

/* The index of n papers, newest meeting first (then by subject, then as given), and
 * of nm meetings with their agenda packs, newest first, in house style h (NULL: the
 * built-in style). Finished; the caller frees it. */
rdoc *build_index(const paper_record *papers, size_t n, const meeting_record *meetings,
                  size_t nm, const house_style *h);

#endif
