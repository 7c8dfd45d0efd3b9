/* build_paper.h - paper + plan + analysis -> the report description (report.h). */
#ifndef TABLED_BUILD_PAPER_H
#define TABLED_BUILD_PAPER_H

#include "../analysis/analysis.h"
#include "../model/house.h"
#include "../model/paper.h"
#include "report.h"

/* Builds the report. Errors (unknown blocks, placeholders, images) go to diags; the
 * caller checks diags->errors before writing anything. */
rdoc *build_paper(const paper *p, const plan *pl, const analysis *an, const house_style *h,
                  diag_list *diags);

#endif
