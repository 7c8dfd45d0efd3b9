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
#include "../render/pack_json.h"
#include "../report/index_doc.h"
#include "../util/arena.h"
#include "../util/diag.h"

/* A paper's JSON into *p (0), a meeting's page map into *m (1), or -1: neither (a
 * plan's rollup.json, passed over) or an error (reported). */
int index_read(const char *path, arena *a, diag_list *diags, paper_record *p, meeting_record *m);

/* Every paper JSON and meeting page map in dir/<folder>/ (not dir/private/), sorted by
 * path, read into malloc'd arrays (strings in a): the papers returned, count in *n; the
 * meetings in *meetings, count in *nm. */
paper_record *index_scan_dir(arena *a, diag_list *diags, const char *dir, size_t *n,
                             meeting_record **meetings, size_t *nm);

/* Writes dir/index.html (atomically) from the papers and meetings, in house style h and
 * stylesheet css (NULL: the built-in ones); 0, or -1 after reporting. */
int index_write(const char *dir, const paper_record *entries, size_t n,
                const meeting_record *meetings, size_t nm, const house_style *h,
                const char *css, diag_list *diags);

#endif
