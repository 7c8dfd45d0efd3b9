/* sheet_load.h - a returned spreadsheet read against its plan: which plan and date it
 * was exported for (its marker row), which column is which (by header, in any order),
 * which item each row is about, and each cell read as its column's type.
 *
 * Everything it cannot read is reported at its row and column (FILE.csv:ROW:COL), one
 * message per cell: a missing or foreign marker, an unknown or repeated column, a row
 * for an item the plan does not have or given twice, a date, word or number that does
 * not read, an Excel error value or an unevaluated formula. A row whose item cannot be
 * found gets that one message and no others. Comparing the values with the plan as it
 * was exported is the next stage's (analysis/sheet_diff.h). The result, a
 * sheet_return, is in model/sheet.h. */
#ifndef TABLED_SHEET_LOAD_H
#define TABLED_SHEET_LOAD_H

#include "../model/sheet.h"
#include "../util/csv_read.h"

/* Reads doc, a sheet exported from plan p (whose identity is plan_id), into r.
 * Returns 0; -1 when errors were reported in rows (r holds the rows that name an item,
 * each cell marked ok or not, so the next stage can report on them too); -2 when the
 * sheet cannot be read at all (no marker, another plan's, no headers). r must be
 * freed either way. Strings point into r's arena, or into doc and p. */
int sheet_return_read(sheet_return *r, plan *p, const char *plan_id, const csv_doc *doc,
                      diag_list *diags);
void sheet_return_free(sheet_return *r);

#endif
