/* index_files.h - out/index.html made from the papers' JSON files.
 *
 * The index lists exactly the papers whose outputs exist (domain rules, section 9):
 * each entry comes from a paper's JSON, which is written last and removed first, and
 * links only the HTML and PDF files that are there. `tabled build` remakes the index
 * from every paper JSON in the output folder; `tabled index` from the files named. */
#ifndef TABLED_INDEX_FILES_H
#define TABLED_INDEX_FILES_H

#include "../model/house.h"
#include "../render/html/html_render.h"
#include "../util/arena.h"
#include "../util/diag.h"

/* Reads out/<plan>/<paper>.json into *e (strings in a). Returns 0, 1 when the file is
 * not a paper's JSON (a plan's rollup.json), or -1 after reporting why it cannot be
 * read. */
int index_read_entry(arena *a, diag_list *diags, const char *path, html_index_entry *e);

/* Every paper JSON in dir/<plan>/ (not dir/private/), sorted by path, read into a
 * malloc'd array (strings in a); count in *n. */
html_index_entry *index_scan_dir(arena *a, diag_list *diags, const char *dir, size_t *n);

/* Writes dir/index.html (atomically) from entries; 0, or -1 after reporting. */
int index_write(const char *dir, const html_index_entry *entries, size_t n,
                const house_style *h, const char *css, diag_list *diags);

#endif
