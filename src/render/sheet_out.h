/* sheet_out.h - the spreadsheets of `tabled export`: a plan's actions and milestones,
 * risks, or indicators as at a date, as CSV that Excel opens as written (csv.h), with
 * the marker row that names the plan (model/sheet.h). */
#ifndef TABLED_SHEET_OUT_H
#define TABLED_SHEET_OUT_H

#include "../analysis/analysis.h"
#include "../model/sheet.h"
#include "../util/diag.h"
#include "../util/strbuf.h"

/* Excel keeps at most this many characters in a cell. */
#define SHEET_CELL_MAX 32767

/* Appends the sheet of kind k for the plan as at the analysis date to out; plan_id is
 * the plan's identity (sheet_plan_id). A cell longer than a spreadsheet holds is a
 * warning positioned in `file` (the name the sheet is written to). Returns the number
 * of rows under the headers. */
size_t sheet_write(const analysis *an, sheet_kind k, const char *plan_id, const char *file,
                   strbuf *out, diag_list *diags);

#endif
