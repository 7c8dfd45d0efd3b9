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

/* Builds the report. Errors (unknown blocks, placeholders, images) go to diags; the
 * caller checks diags->errors before writing anything. */
rdoc *build_paper(const paper *p, const plan *pl, const analysis *an, const house_style *h,
                  edition ed, diag_list *diags);

#endif
