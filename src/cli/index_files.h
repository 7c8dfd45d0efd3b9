/* index_files.h - out/index.html made from the papers' JSON files.
 *
 * The index lists exactly the papers whose outputs exist (domain rules, section 9):
 * each entry comes from a paper's JSON, which is written last and removed first, and
 * links only the HTML and PDF files that are there (paper_json_read). `tabled build`
 * remakes the index from every paper JSON in the output folder; `tabled index` from the
 * files named. */
#ifndef TABLED_INDEX_FILES_H
#define TABLED_INDEX_FILES_H

#include "../model/house.h"
#include "../report/index_doc.h"
#include "../util/arena.h"
#include "../util/diag.h"

/* Every paper JSON in dir/<plan>/ (not dir/private/), sorted by path, read into a
 * malloc'd array (strings in a); count in *n. */
paper_record *index_scan_dir(arena *a, diag_list *diags, const char *dir, size_t *n);

/* Writes dir/index.html (atomically) from entries, in house style h and stylesheet css
 * (NULL: the built-in ones); 0, or -1 after reporting. */
int index_write(const char *dir, const paper_record *entries, size_t n, const house_style *h,
                const char *css, diag_list *diags);

#endif
