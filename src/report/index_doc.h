/* index_doc.h - the index of every built paper (out/index.html) as a report
 * description, so any renderer can draw it: a front sheet, a sentence, and a table of
 * the papers newest first with their RAG summary and links. */
#ifndef TABLED_INDEX_DOC_H
#define TABLED_INDEX_DOC_H

#include <stddef.h>

#include "../model/house.h"
#include "report.h"

/* A built paper as the index lists it: what its JSON records (render/paper_json.c
 * writes and reads it). */
typedef struct {
    const char *subject, *committee, *meeting_iso, *meeting_date, *item, *report_of;
    const char *organisation, *variant, *as_at, *as_at_iso;
    int html, pdf;              /* which outputs were written */
    int exempt_paragraph;       /* the public edition of an exempt paper: its paragraph */
    int has_rollup;             /* summary holds the plan's roll-up as at the paper's date
                                 * (not for an exempt paper's public edition) */
    rdoc_summary summary;
    const char *html_href, *pdf_href;   /* relative to the index ("norwich-hip/x.html"),
                                         * NULL when not written */
} paper_record;

/* The record of a built paper (its strings are d's; the hrefs from d's slugs). exempt:
 * d is the public edition of a paper exempt under that paragraph (0: not exempt). */
void paper_record_of(const rdoc *d, int html, int pdf, int exempt, paper_record *r);

/* The index of n papers, newest meeting first (then by subject, then as given), in
 * house style h (NULL: the built-in style). Finished; the caller frees it. */
rdoc *build_index(const paper_record *papers, size_t n, const house_style *h);

#endif
