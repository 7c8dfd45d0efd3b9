/* text_table.c - fit, wrap and print a table for a terminal. */
#include "text_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

void text_table_init(text_table *t, const char *const *headers, size_t ncols, int color_col)
{
    memset(t, 0, sizeof *t);
    t->headers = headers;
    t->ncols = ncols;
    t->color_col = color_col;
}

void text_table_row(text_table *t, const char *const *cells, const char *color)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->cells = xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
        t->colors = xrealloc(t->colors, t->cap * sizeof *t->colors);
    }
    for (size_t c = 0; c < t->ncols; c++)
        t->cells[t->nrows * t->ncols + c] = xstrdup(cells[c] ? cells[c] : "");
    t->colors[t->nrows] = color;
    t->nrows++;
}

/* A group row is stored as a row whose colour is this marker and whose first cell
 * holds the title. */
static const char group_marker[] = "group";

void text_table_group(text_table *t, const char *title)
{
    const char **cells = xcalloc(t->ncols, sizeof *cells);
    cells[0] = title;
    text_table_row(t, cells, group_marker);
    free(cells);
}

void text_table_free(text_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++) free(t->cells[i]);
    free(t->cells);
    free(t->colors);
    memset(t, 0, sizeof *t);
}

/* Width in columns of the longest word, and of the whole text. */
static void measure(const char *s, int *longest_word, int *whole)
{
    int w = 0, best = 0, total = 0;
    for (const char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) == 0x80) continue;
        total++;
        if (*p == ' ' || *p == '\n') {
            if (w > best) best = w;
            w = 0;
        } else {
            w++;
        }
    }
    if (w > best) best = w;
    *longest_word = best;
    *whole = total;
}

void wrap_text(const char *text, int width, void (*emit)(void *, const char *, size_t), void *ctx)
{
    if (width < 1) width = 1;
    const char *p = text;
    int any = 0;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *line = p, *last_break = NULL;
        int cols = 0;
        while (*p && *p != '\n') {
            if (*p == ' ') last_break = p;
            if (((unsigned char)*p & 0xC0) != 0x80) {
                if (cols == width) break;
                cols++;
            }
            p++;
        }
        if (*p && *p != '\n' && last_break && last_break > line) {
            emit(ctx, line, (size_t)(last_break - line));
            p = last_break + 1;
        } else {
            size_t n = (size_t)(p - line);
            while (n && line[n - 1] == ' ') n--;
            emit(ctx, line, n);
            if (*p == '\n') p++;
        }
        any = 1;
    }
    if (!any) emit(ctx, "", 0);
}

typedef struct {
    char **lines;
    size_t n, cap;
} line_list;

static void collect(void *ctx, const char *s, size_t n)
{
    line_list *l = ctx;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 4;
        l->lines = xrealloc(l->lines, l->cap * sizeof *l->lines);
    }
    char *c = xmalloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    l->lines[l->n++] = c;
}

static void render_row(strbuf *out, const char *const *cells, size_t ncols, const int *widths,
                       int color_col, const char *color, int bold)
{
    line_list *ll = xcalloc(ncols, sizeof *ll);
    size_t height = 0;
    for (size_t c = 0; c < ncols; c++) {
        wrap_text(cells[c], widths[c], collect, &ll[c]);
        if (ll[c].n > height) height = ll[c].n;
    }
    for (size_t h = 0; h < height; h++) {
        strbuf line = STRBUF_INIT;
        for (size_t c = 0; c < ncols; c++) {
            const char *s = h < ll[c].n ? ll[c].lines[h] : "";
            int colored = (color && (int)c == color_col && *s) || (bold && *s);
            if (colored) sb_puts(&line, bold ? "\033[1m" : color);
            sb_puts(&line, s);
            if (colored) sb_puts(&line, "\033[0m");
            if (c + 1 < ncols) {
                for (int i = (int)utf8_width(s, strlen(s)); i < widths[c]; i++) sb_putc(&line, ' ');
                sb_puts(&line, "  ");
            }
        }
        while (line.len && line.data[line.len - 1] == ' ') line.data[--line.len] = '\0';
        sb_puts(out, line.data ? line.data : "");
        sb_putc(out, '\n');
        sb_free(&line);
    }
    for (size_t c = 0; c < ncols; c++) {
        for (size_t i = 0; i < ll[c].n; i++) free(ll[c].lines[i]);
        free(ll[c].lines);
    }
    free(ll);
}

void text_table_render(const text_table *t, strbuf *out, int width, int color)
{
    size_t nc = t->ncols;
    int *minw = xcalloc(nc, sizeof *minw), *natw = xcalloc(nc, sizeof *natw);
    int *widths = xcalloc(nc, sizeof *widths);
    for (size_t c = 0; c < nc; c++) {
        measure(t->headers[c], &minw[c], &natw[c]);
        for (size_t r = 0; r < t->nrows; r++) {
            if (t->colors[r] == group_marker) continue;
            int lw, whole;
            measure(t->cells[r * nc + c], &lw, &whole);
            if (lw > minw[c]) minw[c] = lw;
            if (whole > natw[c]) natw[c] = whole;
        }
        if (minw[c] > 24) minw[c] = 24; /* long words (URLs) break */
        if (minw[c] < 1) minw[c] = 1;
        if (natw[c] < minw[c]) natw[c] = minw[c];
    }
    int avail = width - 2 * (int)(nc - 1);
    int sum_min = 0, sum_nat = 0;
    for (size_t c = 0; c < nc; c++) {
        sum_min += minw[c];
        sum_nat += natw[c];
    }
    if (sum_nat <= avail) {
        for (size_t c = 0; c < nc; c++) widths[c] = natw[c];
    } else if (sum_min >= avail) {
        for (size_t c = 0; c < nc; c++) widths[c] = minw[c];
    } else {
        /* Share the space above the minimums by the square root of what each column
         * wants, so one long text column does not starve the short ones (dates, names). */
        int extra = avail - sum_min, given = 0;
        double *want = xcalloc(nc, sizeof *want), wsum = 0;
        for (size_t c = 0; c < nc; c++) {
            want[c] = sqrt((double)(natw[c] - minw[c]));
            wsum += want[c];
        }
        for (size_t c = 0; c < nc; c++) {
            int add = wsum > 0 ? (int)(want[c] * extra / wsum) : 0;
            if (minw[c] + add > natw[c]) add = natw[c] - minw[c];
            widths[c] = minw[c] + add;
            given += add;
        }
        /* Hand out what is left (rounding, capped columns) one column at a time. */
        for (int progress = 1; given < extra && progress;) {
            progress = 0;
            for (size_t c = 0; given < extra && c < nc; c++)
                if (widths[c] < natw[c]) {
                    widths[c]++;
                    given++;
                    progress = 1;
                }
        }
        free(want);
    }
    int total = 2 * (int)(nc - 1);
    for (size_t c = 0; c < nc; c++) total += widths[c];
    render_row(out, t->headers, nc, widths, -1, NULL, color);
    for (size_t r = 0; r < t->nrows; r++) {
        if (t->colors[r] == group_marker) {
            const char *title = t->cells[r * nc];
            int w = total < width ? total : width;
            sb_putc(out, '\n');
            render_row(out, &title, 1, &w, -1, NULL, color);
            continue;
        }
        render_row(out, (const char *const *)&t->cells[r * nc], nc, widths, t->color_col,
                   color ? t->colors[r] : NULL, 0);
    }
    free(minw);
    free(natw);
    free(widths);
}
