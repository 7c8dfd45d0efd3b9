/* house_load.h - templates/house.yaml over the built-in house style. */
#ifndef TABLED_HOUSE_LOAD_H
#define TABLED_HOUSE_LOAD_H

#include "../model/house.h"
#include "../util/arena.h"
#include "../util/diag.h"

/* Starts from house_style_default and applies the file; strings live in a. Returns 0,
 * or -1 with errors reported. A missing file is not an error (defaults apply). */
int house_load(house_style *h, const char *path, arena *a, diag_list *diags);

#endif
