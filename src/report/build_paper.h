/* build_paper.h - paper + plan + analysis -> the report description (report.h). */
#ifndef TABLED_BUILD_PAPER_H
#define TABLED_BUILD_PAPER_H

#include "../analysis/analysis.h"
#include "../model/house.h"
#include "../model/paper.h"
#include "report.h"

/* Which edition of an exempt paper (Schedule 12A, Local Government Act 1972). A paper
 * that is not exempt is the same in both. */
typedef enum {
    EDITION_PRIVATE = 0,    /* everything, every page marked NOT FOR PUBLICATION */
    EDITION_PUBLIC          /* the public front-sheet facts and the statutory notice:
                             * not one byte of the exempt content */
} edition;

/* "paragraph 3 of Part 1 of Schedule 12A ...: Information relating to the financial
 * or business affairs of any particular person (including the authority holding that
 * information)." - the words of the Act for paragraphs 1-7. */
const char *exempt_paragraph_words(int paragraph);

/* Finds the exempt parts of a paper's narrative (model/paper.h): each level-1
 * "# Appendix" heading ending in {exempt=N} starts one, which runs to the next appendix
 * or the end. A marker anywhere else, or a paragraph outside 1-7, is an error at its
 * line. Fills *out (exempt_parts_free frees it); returns the number of parts. */
size_t exempt_parts_find(const paper *p, diag_list *diags, exempt_parts *out);
void exempt_parts_free(exempt_parts *parts);

/* Builds the report. Errors (unknown blocks, placeholders, images) go to diags; the
 * caller checks diags->errors before writing anything. The paper's exempt parts are
 * found as exempt_parts_find does (and reported). */
rdoc *build_paper(const paper *p, const plan *pl, const analysis *an, const house_style *h,
                  edition ed, diag_list *diags);
/* The same with the parts already found (parts may be NULL: none). The public edition
 * is built from the narrative without the parts' bytes: each is an appendix with its
 * letter, its public title and the statutory notice. The private edition prints them
 * in full, each marked with its paragraph. item, when not NULL, is the agenda item the
 * paper is printed as in a pack, for a paper that does not give its own. */
rdoc *build_paper_ex(const paper *p, const plan *pl, const analysis *an, const house_style *h,
                     edition ed, const exempt_parts *parts, const char *item, diag_list *diags);

#endif
