/* resources.h - where a command finds its templates and fonts.
 *
 * An installed tabled runs from any folder, so nothing is relative to the current
 * folder. Each template file is looked up in order in:
 *   1. the folder given with --templates, else the project root's templates/ (the
 *      project root is the nearest folder at or above the input holding templates/,
 *      domain rules section 9);
 *   2. the installed data: templates/ under share/tabled beside the binary's bin/
 *      folder (a relocated or DESTDIR install), else under $PREFIX/share/tabled as
 *      compiled in.
 * Fonts the same way, with --fonts and the project root's fonts/. Front-sheet
 * variants are the union of both variants/ folders, the project's winning a name
 * that is in both. */
#ifndef TABLED_RESOURCES_H
#define TABLED_RESOURCES_H

#include <stddef.h>

typedef struct {
    char *templates[2];     /* template folders, searched in order */
    int n_templates;
    char *fonts[2];         /* font folders, searched in order */
    int n_fonts;
} resource_path;

/* The search folders for input (a file; NULL for none), with the --templates and
 * --fonts values (NULL when not given). Folder names are relative to the current
 * folder when they lie below it, so diagnostics and dependency files stay short. */
void resource_path_init(resource_path *rp, const char *input, const char *templates_opt,
                        const char *fonts_opt);
void resource_path_free(resource_path *rp);
/* A key naming the search path, for caching what was loaded from it. malloc'd. */
char *resource_path_key(const resource_path *rp);

/* The first templates folder's <rel> that exists (malloc'd), or NULL when none has it.
 * Whatever is there is taken: a folder, FIFO or device where a file belongs is then an
 * error when it is read (fileio.h: regular files only), never passed over for the
 * installed one. */
char *resource_template(const resource_path *rp, const char *rel);
/* Every templates folder that has the folder <rel>, in search order; returns how many
 * (at most 2) and fills dirs (malloc'd each). */
int resource_template_dirs(const resource_path *rp, const char *rel, char **dirs);
/* The first fonts folder holding every one of files (malloc'd); when none holds them
 * all, the first fonts folder that exists, else the first searched, so the error names
 * the file that is missing. */
char *resource_fonts_dir(const resource_path *rp, const char *const *files, size_t n);
/* What was searched, for an error: "templates, /usr/local/share/tabled/templates". */
char *resource_describe_templates(const resource_path *rp);

/* The installed data folder ($PREFIX/share/tabled or its relocated copy) when it
 * exists, else NULL. Not malloc'd. */
const char *installed_data_dir(void);

/* path relative to the current folder when it lies at or below it, else path
 * unchanged. malloc'd. */
char *path_for_display(const char *abs);

#endif
