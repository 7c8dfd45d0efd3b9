/* table_build.h - helpers for making RN_TABLE subtrees. */
#ifndef TABLED_TABLE_BUILD_H
#define TABLED_TABLE_BUILD_H

#include "report.h"

/* A table with a caption (may be NULL) and a header row of ncols labels. */
rnode *tb_table(rdoc *d, const char *caption, const char *const *headers, int ncols);
rnode *tb_row(rdoc *d, rnode *table, unsigned flags);
/* A cell holding text (copied); level colours it (LEVEL_NONE for none). */
rnode *tb_cell(rdoc *d, rnode *row, const char *text, rag_level level);
/* A group row: one cell spanning the table. */
rnode *tb_group(rdoc *d, rnode *table, const char *text);
/* Text with line breaks at '\n' appended to parent. */
void tb_lines(rdoc *d, rnode *parent, const char *text);

#endif
