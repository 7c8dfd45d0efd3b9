/* text_table.c - fit, wrap and print a table for a terminal (text_table.h). */
#include "text_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

#define SHY "\xC2\xAD" /* U+00AD soft hyphen */

static int is_shy(const char *s) { return (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAD; }

int text_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && is_shy(s + i)) {
            i++;
            continue;
        }
        if (((unsigned char)s[i] & 0xC0) != 0x80) w++;
    }
    return w;
}

void text_table_init(text_table *t, const char *const *headers, size_t ncols, int color_col)
{
    memset(t, 0, sizeof *t);
    t->headers = headers;
    t->ncols = ncols;
    t->color_col = color_col;
    t->flags = xcalloc(ncols, sizeof *t->flags);
}

void text_table_flags(text_table *t, size_t col, unsigned flags)
{
    if (col < t->ncols) t->flags[col] = flags;
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
    free(t->flags);
    memset(t, 0, sizeof *t);
}

/* ---- wrapping ------------------------------------------------------------- */

/* Byte length of the first `cols` columns of s (n bytes); soft hyphens count 0. */
static size_t bytes_for_cols(const char *s, size_t n, int cols)
{
    size_t i = 0;
    int w = 0;
    while (i < n) {
        if (i + 1 < n && is_shy(s + i)) {
            i += 2;
            continue;
        }
        if (w == cols) break;
        w++;
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* Appends s (n bytes) without its soft hyphens. */
static void put_plain(strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && is_shy(s + i)) {
            i++;
            continue;
        }
        sb_putc(b, s[i]);
    }
}

/* Wraps one line of text (no '\n'). */
static void wrap_line(const char *s, size_t n, int width, void (*emit)(void *, const char *, size_t),
                      void *ctx)
{
    strbuf line = STRBUF_INIT;
    int cols = 0, any = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        size_t ws = i;
        while (i < n && s[i] != ' ') i++;
        const char *w = s + ws;
        size_t wn = i - ws;
        for (;;) {
            int ww = text_width(w, wn);
            int sep = line.len ? 1 : 0;
            if (cols + sep + ww <= width) {
                if (sep) sb_putc(&line, ' ');
                put_plain(&line, w, wn);
                cols += sep + ww;
                break;
            }
            /* The longest prefix ending at a soft hyphen that fits, with its '-'. */
            size_t cut = 0;
            for (size_t k = 0; k + 1 < wn; k++)
                if (is_shy(w + k) && cols + sep + text_width(w, k) + 1 <= width) cut = k;
            if (cut) {
                if (sep) sb_putc(&line, ' ');
                put_plain(&line, w, cut);
                sb_putc(&line, '-');
                emit(ctx, line.data, line.len);
                any = 1;
                sb_reset(&line);
                cols = 0;
                w += cut + 2;
                wn -= cut + 2;
                continue;
            }
            if (line.len) { /* start the word on a new line */
                emit(ctx, line.data, line.len);
                any = 1;
                sb_reset(&line);
                cols = 0;
                continue;
            }
            /* A word wider than the column: break it with a hyphen, leaving at least
             * three letters for the next line. */
            int take = width > 1 ? width - 1 : 1;
            if (take > 3 && ww - take < 3) take = ww - 3 > 3 ? ww - 3 : 3;
            size_t b = bytes_for_cols(w, wn, take);
            if (b == 0) b = 1;
            put_plain(&line, w, b);
            if (width > 1) sb_putc(&line, '-');
            emit(ctx, line.data, line.len);
            any = 1;
            sb_reset(&line);
            w += b;
            wn -= b;
        }
    }
    if (line.len || !any) emit(ctx, line.data ? line.data : "", line.len);
    sb_free(&line);
}

void wrap_text(const char *text, int width, void (*emit)(void *, const char *, size_t), void *ctx)
{
    if (width < 1) width = 1;
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        wrap_line(p, n, width, emit, ctx);
        if (!nl) break;
        p = nl + 1;
    }
}

/* ---- measuring -------------------------------------------------------------- */

/* The widest piece that cannot break (a word, or a syllable with its hyphen) and the
 * widest line, in columns. */
static void measure(const char *s, int *piece, int *line)
{
    int best_piece = 0, best_line = 0, cur_line = 0, cur_piece = 0;
    for (size_t i = 0;; i++) {
        char c = s[i];
        if (c && is_shy(s + i)) {
            if (cur_piece + 1 > best_piece) best_piece = cur_piece + 1;
            cur_piece = 0;
            i++;
            continue;
        }
        if (!c || c == ' ' || c == '\n') {
            if (cur_piece > best_piece) best_piece = cur_piece;
            cur_piece = 0;
            if (!c || c == '\n') {
                if (cur_line > best_line) best_line = cur_line;
                cur_line = 0;
                if (!c) break;
                continue;
            }
            cur_line++;
            continue;
        }
        if (((unsigned char)c & 0xC0) != 0x80) {
            cur_piece++;
            cur_line++;
        }
    }
    *piece = best_piece;
    *line = best_line;
}

/* ---- rendering ---------------------------------------------------------------- */

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

static void pad(strbuf *b, int n)
{
    for (int i = 0; i < n; i++) sb_putc(b, ' ');
}

/* One row: cells[cols[k]] for k < nvis, each wrapped to widths[k]. */
static void render_row(strbuf *out, const char *const *cells, const size_t *cols, size_t nvis,
                       const int *widths, const unsigned *flags, int gap, int color_k,
                       const char *color, int bold)
{
    line_list *ll = xcalloc(nvis, sizeof *ll);
    size_t height = 0;
    for (size_t k = 0; k < nvis; k++) {
        wrap_text(cells[cols[k]], widths[k], collect, &ll[k]);
        if (ll[k].n > height) height = ll[k].n;
    }
    for (size_t h = 0; h < height; h++) {
        strbuf line = STRBUF_INIT;
        for (size_t k = 0; k < nvis; k++) {
            const char *s = h < ll[k].n ? ll[k].lines[h] : "";
            int w = text_width(s, strlen(s));
            int right = flags && (flags[cols[k]] & TT_RIGHT);
            if (right) pad(&line, widths[k] - w);
            int colored = (color && (int)k == color_k && *s) || (bold && *s);
            if (colored) sb_puts(&line, bold ? "\033[1m" : color);
            sb_puts(&line, s);
            if (colored) sb_puts(&line, "\033[0m");
            if (k + 1 < nvis) {
                if (!right) pad(&line, widths[k] - w);
                pad(&line, gap);
            }
        }
        while (line.len && line.data[line.len - 1] == ' ') line.data[--line.len] = '\0';
        sb_puts(out, line.data ? line.data : "");
        sb_putc(out, '\n');
        sb_free(&line);
    }
    for (size_t k = 0; k < nvis; k++) {
        for (size_t i = 0; i < ll[k].n; i++) free(ll[k].lines[i]);
        free(ll[k].lines);
    }
    free(ll);
}

static int all_cells(const text_table *t, size_t c, int zero_too)
{
    for (size_t r = 0; r < t->nrows; r++) {
        if (t->colors[r] == group_marker) continue;
        const char *s = t->cells[r * t->ncols + c];
        if (*s && !(zero_too && strcmp(s, "0") == 0)) return 0;
    }
    return 1;
}

static int sum(const int *v, size_t n)
{
    int s = 0;
    for (size_t i = 0; i < n; i++) s += v[i];
    return s;
}

/* Narrows the widest minimums (long words then break with a hyphen) until they fit
 * avail, never below floor[k]. */
static void narrow(int *minw, const int *floor, size_t n, int avail)
{
    int hi = 0;
    for (size_t k = 0; k < n; k++)
        if (minw[k] > hi) hi = minw[k];
    for (int cap = hi; cap > 1; cap--) {
        int s = 0;
        for (size_t k = 0; k < n; k++) {
            int w = minw[k] < cap ? minw[k] : cap;
            s += w < floor[k] ? (minw[k] < floor[k] ? minw[k] : floor[k]) : w;
        }
        if (s <= avail || cap == 2) {
            for (size_t k = 0; k < n; k++) {
                int w = minw[k] < cap ? minw[k] : cap;
                if (w < floor[k]) w = minw[k] < floor[k] ? minw[k] : floor[k];
                minw[k] = w;
            }
            return;
        }
    }
}

/* Header text without its soft hyphens. */
static void plain_header(strbuf *b, const char *h)
{
    put_plain(b, h, strlen(h));
}

typedef struct {
    strbuf *out;
    int first, indent;
} record_sink;

static void record_line(void *ctx, const char *s, size_t n)
{
    record_sink *k = ctx;
    if (!k->first) pad(k->out, k->indent);
    k->first = 0;
    sb_putn(k->out, s, n);
    sb_putc(k->out, '\n');
}

/* The table as records, for widths too narrow for its columns: each row's first
 * column as a heading line, then "Header: value" for each other cell that has
 * something in it (a count of 0 is nothing), wrapped with a hanging indent; a cell of
 * several lines (milestones) keeps a line for each. */
static void render_records(const text_table *t, const size_t *cols, size_t nvis, int width,
                           int color, strbuf *out)
{
    size_t nc = t->ncols;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *const *cells = (const char *const *)&t->cells[r * nc];
        if (r) sb_putc(out, '\n');
        record_sink k = {out, 1, 0};
        if (t->colors[r] == group_marker) {
            if (color) sb_puts(out, "\033[1m");
            wrap_text(cells[0], width, record_line, &k);
            if (color) sb_puts(out, "\033[0m");
            continue;
        }
        wrap_text(cells[cols[0]], width, record_line, &k);
        for (size_t i = 1; i < nvis; i++) {
            const char *v = cells[cols[i]];
            if (!*v || ((t->flags[cols[i]] & TT_DROP_ZERO) && !strcmp(v, "0"))) continue;
            strbuf line = STRBUF_INIT;
            plain_header(&line, t->headers[cols[i]]);
            sb_putc(&line, ':');
            int multi = strchr(v, '\n') != NULL;
            if (!multi) {
                sb_putc(&line, ' ');
                sb_puts(&line, v);
            }
            pad(out, 2);
            record_sink kk = {out, 1, 4};
            wrap_text(line.data, width - 4, record_line, &kk);
            if (multi) {
                pad(out, 4);
                record_sink km = {out, 1, 4};
                wrap_text(v, width - 4, record_line, &km);
            }
            sb_free(&line);
        }
    }
}

void text_table_render(const text_table *t, strbuf *out, int width, int color, int *dropped)
{
    size_t nc = t->ncols;
    size_t *cols = xcalloc(nc, sizeof *cols);
    int *minw = xcalloc(nc, sizeof *minw), *natw = xcalloc(nc, sizeof *natw);
    int *floor = xcalloc(nc, sizeof *floor), *widths = xcalloc(nc, sizeof *widths);
    int *zero = xcalloc(nc, sizeof *zero);
    if (dropped) memset(dropped, 0, nc * sizeof *dropped);

    /* Natural and minimum widths of every column. */
    int *cmin = xcalloc(nc, sizeof *cmin), *cnat = xcalloc(nc, sizeof *cnat);
    double *cavg = xcalloc(nc, sizeof *cavg), *avg = xcalloc(nc, sizeof *avg);
    size_t ndata = 0;
    for (size_t r = 0; r < t->nrows; r++) ndata += t->colors[r] != group_marker;
    for (size_t c = 0; c < nc; c++) {
        int hp, hl;
        measure(t->headers[c], &hp, &hl);
        cmin[c] = hp;
        cnat[c] = hl;
        for (size_t r = 0; r < t->nrows; r++) {
            if (t->colors[r] == group_marker) continue;
            int p, l;
            measure(t->cells[r * nc + c], &p, &l);
            if (p > cmin[c]) cmin[c] = p;
            if (l > cnat[c]) cnat[c] = l;
            cavg[c] += (double)strlen(t->cells[r * nc + c]);
        }
        cavg[c] = ndata ? cavg[c] / (double)ndata : 0;
        if (cmin[c] > 24) cmin[c] = 24; /* long words (URLs) break */
        if (cmin[c] < 1) cmin[c] = 1;
        if (cnat[c] < cmin[c]) cnat[c] = cmin[c];
        zero[c] = (t->flags[c] & TT_DROP_ZERO) && all_cells(t, c, 1);
    }

    /* Visible columns: empty ones out; all-zero ones only when the table is too wide. */
    size_t nvis = 0;
    int gap = 2, color_k = -1;
    for (int pass = 0; pass < 2; pass++) {
        nvis = 0;
        for (size_t c = 0; c < nc; c++) {
            if ((t->flags[c] & TT_DROP_EMPTY) && all_cells(t, c, 0)) continue;
            if (pass == 1 && zero[c]) {
                if (dropped) dropped[c] = 1;
                continue;
            }
            cols[nvis++] = c;
        }
        for (size_t k = 0; k < nvis; k++) {
            minw[k] = cmin[cols[k]];
            natw[k] = cnat[cols[k]];
            avg[k] = cavg[cols[k]];
        }
        if (sum(natw, nvis) + gap * (int)(nvis - 1) <= width) break;
    }
    for (size_t k = 0; k < nvis; k++)
        if ((int)cols[k] == t->color_col) color_k = (int)k;
    int avail = width - gap * (int)(nvis - 1);
    if (sum(minw, nvis) > avail) {
        gap = 1;
        avail = width - gap * (int)(nvis - 1);
    }
    if (sum(minw, nvis) > avail) {
        /* Headers keep a syllable a line; numbers stay whole. */
        for (size_t k = 0; k < nvis; k++) {
            int hp, hl;
            measure(t->headers[cols[k]], &hp, &hl);
            floor[k] = (t->flags[cols[k]] & (TT_RIGHT | TT_KEEP)) ? minw[k] : (hp > 4 ? hp : 4);
        }
        narrow(minw, floor, nvis, avail);
    }
    if (sum(minw, nvis) > avail) {
        /* Too narrow for columns at all: one record a row. */
        render_records(t, cols, nvis, width, color, out);
        goto done;
    }
    for (size_t k = 0; k < nvis; k++)
        if (natw[k] < minw[k]) natw[k] = minw[k];

    int sum_min = sum(minw, nvis), sum_nat = sum(natw, nvis);
    if (sum_nat <= avail) {
        for (size_t k = 0; k < nvis; k++) widths[k] = natw[k];
    } else if (sum_min >= avail) {
        for (size_t k = 0; k < nvis; k++) widths[k] = minw[k];
    } else {
        /* Share the space above the minimums by the square root of what each column
         * wants, so one long text column does not starve the short ones (dates, names),
         * weighted by how much text its cells hold, so a column of long titles gets
         * more than one whose header alone is long (the counts of a roll-up). */
        int extra = avail - sum_min, given = 0;
        double *want = xcalloc(nvis, sizeof *want), wsum = 0;
        for (size_t k = 0; k < nvis; k++) {
            want[k] = sqrt((double)(natw[k] - minw[k])) * sqrt(avg[k] + 1);
            wsum += want[k];
        }
        for (size_t k = 0; k < nvis; k++) {
            int add = wsum > 0 ? (int)(want[k] * extra / wsum) : 0;
            if (minw[k] + add > natw[k]) add = natw[k] - minw[k];
            widths[k] = minw[k] + add;
            given += add;
        }
        /* Hand out what is left (rounding, capped columns) one column at a time. */
        for (int progress = 1; given < extra && progress;) {
            progress = 0;
            for (size_t k = 0; given < extra && k < nvis; k++)
                if (widths[k] < natw[k]) {
                    widths[k]++;
                    given++;
                    progress = 1;
                }
        }
        free(want);
    }
    int total = gap * (int)(nvis - 1) + sum(widths, nvis);
    render_row(out, t->headers, cols, nvis, widths, t->flags, gap, -1, NULL, color);
    for (size_t r = 0; r < t->nrows; r++) {
        if (t->colors[r] == group_marker) {
            const char *title = t->cells[r * nc];
            int w = total < width ? total : width;
            size_t zero_col = 0;
            sb_putc(out, '\n');
            render_row(out, &title, &zero_col, 1, &w, NULL, gap, -1, NULL, color);
            continue;
        }
        render_row(out, (const char *const *)&t->cells[r * nc], cols, nvis, widths, t->flags, gap,
                   color_k, color ? t->colors[r] : NULL, 0);
    }
done:
    free(cols);
    free(minw);
    free(natw);
    free(floor);
    free(widths);
    free(zero);
    free(cmin);
    free(cnat);
    free(cavg);
    free(avg);
}
