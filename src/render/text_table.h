/* text_table.h - a table for the terminal: fitted to the width (80 columns
 * included), cells wrapped at word boundaries, optional colour for one column.
 *
 * Fitting, in order, until the table fits: natural widths; columns with nothing in
 * them left out; count columns that are all zero left out (the caller is told which,
 * to say so under the table); one space between columns instead of two; then the
 * widest columns narrowed, long words broken with a hyphen. Headers may carry soft
 * hyphens (U+00AD) where a word may break ("Re\u00adsched\u00aduled"). */
#ifndef TABLED_TEXT_TABLE_H
#define TABLED_TEXT_TABLE_H

#include <stddef.h>

#include "../util/strbuf.h"

/* Column flags. */
enum {
    TT_RIGHT = 1,           /* right-aligned (numbers) */
    TT_DROP_EMPTY = 2,      /* left out when every cell is empty */
    TT_DROP_ZERO = 4,       /* left out when every cell is "0" and the table is too wide */
    TT_KEEP = 8             /* never narrowed below its longest word (references) */
};

typedef struct {
    size_t ncols;
    const char *const *headers;
    unsigned *flags;        /* TT_* per column */
    char **cells;           /* nrows * ncols, row-major; owned by the table */
    const char **colors;    /* per row ANSI colour for color_col, or NULL */
    size_t nrows, cap;
    int color_col;          /* -1 for none */
} text_table;

void text_table_init(text_table *t, const char *const *headers, size_t ncols, int color_col);
/* Sets the TT_* flags of a column. */
void text_table_flags(text_table *t, size_t col, unsigned flags);
/* Adds a row; cells are copied. color may be NULL. */
void text_table_row(text_table *t, const char *const *cells, const char *color);
/* Adds a heading row printed across the whole width (a theme in an exception list). */
void text_table_group(text_table *t, const char *title);
/* Writes the table fitted to width columns; color enables ANSI colour. When dropped
 * is not NULL, dropped[c] is set to 1 for each TT_DROP_ZERO column left out (it has
 * ncols entries). */
void text_table_render(const text_table *t, strbuf *out, int width, int color, int *dropped);
void text_table_free(text_table *t);

/* Wraps text to width columns at spaces and soft hyphens (a word longer than the
 * width is broken with a hyphen); '\n' starts a new line. Calls emit for each line,
 * without soft hyphens; always at least once. */
void wrap_text(const char *text, int width, void (*emit)(void *ctx, const char *s, size_t n),
               void *ctx);
/* Columns text takes on a terminal (code points, soft hyphens not counted). */
int text_width(const char *s, size_t n);

#endif
