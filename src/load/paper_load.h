/* paper_load.h - front-sheet variants (the .yaml files in templates/variants) and papers
 * (a .md file beside the plan: a YAML front block between --- lines, then Markdown). */
#ifndef TABLED_PAPER_LOAD_H
#define TABLED_PAPER_LOAD_H

#include "../model/paper.h"
#include "../util/diag.h"

/* Loads every *.yaml in dir. Returns 0, or -1 with errors reported. */
int variants_load(variant_set *set, const char *dir, diag_list *diags);
/* Loads the variants of each folder in turn (at most 4); a variant whose name an
 * earlier folder gave is skipped, so the first folder wins. */
int variants_load_dirs(variant_set *set, char *const *dirs, size_t ndirs, diag_list *diags);
void variants_free(variant_set *set);
const variant *variants_find(const variant_set *set, const char *name);

/* Largest paper file: about 12,000 pages of prose. */
#define MAX_PAPER_BYTES ((size_t)4 * 1024 * 1024)

/* Loads a paper; NULL when it has errors (all reported). */
paper *paper_load_file(const char *path, const variant_set *variants, diag_list *diags);
paper *paper_load_buffer(const char *name, const char *data, size_t len,
                         const variant_set *variants, diag_list *diags);

#endif
