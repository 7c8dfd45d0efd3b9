/* text_table.h - a table for the terminal: columns fitted to the width, cells wrapped
 * at word boundaries, optional colour for one column. */
#ifndef TABLED_TEXT_TABLE_H
#define TABLED_TEXT_TABLE_H

#include <stddef.h>

#include "../util/strbuf.h"

typedef struct {
    size_t ncols;
    const char *const *headers;
    char **cells;           /* nrows * ncols, row-major; owned by the table */
    const char **colors;    /* per row ANSI colour for color_col, or NULL */
    size_t nrows, cap;
    int color_col;          /* -1 for none */
} text_table;

void text_table_init(text_table *t, const char *const *headers, size_t ncols, int color_col);
/* Adds a row; cells are copied. color may be NULL. */
void text_table_row(text_table *t, const char *const *cells, const char *color);
/* Adds a heading row printed across the whole width (a theme in an exception list). */
void text_table_group(text_table *t, const char *title);
/* Writes the table fitted to width columns; color enables ANSI colour. */
void text_table_render(const text_table *t, strbuf *out, int width, int color);
void text_table_free(text_table *t);

/* Wraps text to width columns; calls emit for each line (start, byte length). */
void wrap_text(const char *text, int width, void (*emit)(void *ctx, const char *s, size_t n),
               void *ctx);

#endif
