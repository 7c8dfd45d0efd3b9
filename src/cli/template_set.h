/* template_set.h - the templates a paper or plan is built with (front-sheet variants,
 * house style, stylesheet, fonts), loaded once per search path however many inputs
 * share it. The search path is resources.h's: --templates/--fonts, else the project
 * root, then the installed data. */
#ifndef TABLED_TEMPLATE_SET_H
#define TABLED_TEMPLATE_SET_H

#include "../load/paper_load.h"
#include "../model/house.h"
#include "../util/arena.h"
#include "../util/diag.h"
#include "resources.h"

/* What a command needs; parts are loaded on first use. */
enum { TS_HOUSE = 1, TS_VARIANTS = 2, TS_CSS = 4, TS_FONTS = 8 };

typedef struct {
    resource_path rp;
    char *key;
    unsigned loaded, failed;    /* TS_* parts tried, and those with errors */
    house_style house;          /* defaults when no house.yaml is found */
    arena arena;
    variant_set variants;
    char *css;
    char *fonts;                /* folder holding the house style's four faces */
    char **inputs;              /* every template file read, for dependency files */
    size_t n_inputs;
} template_set;

typedef struct {
    const char *templates_opt, *fonts_opt;  /* --templates and --fonts, or NULL */
    template_set **items;
    size_t n;
} template_cache;

/* The templates for input with the parts asked for loaded; NULL when a part failed
 * (errors reported to diags, once). */
template_set *templates_for(template_cache *c, const char *input, unsigned parts,
                            diag_list *diags);
void template_cache_free(template_cache *c);

#endif
