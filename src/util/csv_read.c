/* csv_read.c - a spreadsheet's CSV into positioned rows of UTF-8 cells (csv_read.h). */
#include "csv_read.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

typedef enum { ENC_UTF8, ENC_CP1252 } byte_encoding;

/* Windows-1252 0x80-0x9F; 0 where the code page has no character. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static void put_utf8(strbuf *b, uint32_t cp)
{
    if (cp < 0x80) {
        sb_putc(b, (char)cp);
    } else if (cp < 0x800) {
        sb_putc(b, (char)(0xC0 | (cp >> 6)));
        sb_putc(b, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        sb_putc(b, (char)(0xE0 | (cp >> 12)));
        sb_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(b, (char)(0x80 | (cp & 0x3F)));
    } else {
        sb_putc(b, (char)(0xF0 | (cp >> 18)));
        sb_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
        sb_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(b, (char)(0x80 | (cp & 0x3F)));
    }
}

void csv_column_name(int col, char *buf, size_t len)
{
    char tmp[16];
    size_t n = 0;
    if (col < 1) col = 1;
    while (col > 0 && n < sizeof tmp) {
        col--;
        tmp[n++] = (char)('A' + col % 26);
        col /= 26;
    }
    size_t i = 0;
    for (; i < n && i + 1 < len; i++) buf[i] = tmp[n - 1 - i];
    if (len) buf[i] = '\0';
}

/* UTF-16 (after its byte order mark) to UTF-8 in out. Returns 0, or -1 with the
 * 1-based line of the first unpaired surrogate in *bad_line. */
static int utf16_to_utf8(const unsigned char *s, size_t n, int big_endian, strbuf *out,
                         int *bad_line)
{
    int line = 1;
    for (size_t i = 0; i + 1 < n; i += 2) {
        uint32_t u = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= n) goto bad;
            uint32_t v = big_endian ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
                                    : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
            if (v < 0xDC00 || v > 0xDFFF) goto bad;
            u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            goto bad;
        }
        if (u == '\n') line++;
        put_utf8(out, u);
    }
    if (n % 2) goto bad;
    return 0;
bad:
    *bad_line = line;
    return -1;
}

typedef struct {
    csv_doc *doc;
    diag_list *diags;
    byte_encoding enc;
    strbuf cell;            /* the raw bytes of the cell being read */
    csv_cell *cells;        /* of the row being read */
    size_t n_cells, cap_cells;
    size_t cap_rows, total_cells;
    int row, col;
    int failed;
} reader;

static srcpos at(reader *r, int row, int col) { return make_pos(r->doc->file, row, col); }

/* The cell's bytes as UTF-8 text in the arena, or NULL after an error at it. */
static const char *cell_text(reader *r)
{
    const unsigned char *s = (const unsigned char *)(r->cell.data ? r->cell.data : "");
    size_t n = r->cell.len;
    /* Most cells are printable ASCII: kept as they are. */
    size_t plain = 0;
    while (plain < n && ((s[plain] >= 0x20 && s[plain] < 0x7F) || s[plain] == '\n' || s[plain] == '\t'))
        plain++;
    if (plain == n) return arena_strndup(&r->doc->a, (const char *)s, n);
    strbuf out = STRBUF_INIT;
    const char *why = NULL;
    for (size_t i = 0; i < n && !why; i++) {
        if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') || s[i] == 0x7F) {
            why = s[i] ? "holds a control character (such as a form feed); retype the cell"
                       : "holds a NUL byte: is this a CSV file?";
        } else if (s[i] < 0x80) {
            sb_putc(&out, (char)s[i]);
        } else if (r->enc == ENC_CP1252) {
            uint32_t cp = s[i] < 0xA0 ? cp1252_high[s[i] - 0x80] : s[i];
            if (!cp) why = "holds a byte that is neither UTF-8 nor Windows-1252";
            else put_utf8(&out, cp);
        } else {
            uint32_t cp;
            size_t k = utf8_decode((const char *)s + i, n - i, &cp);
            if (!k) {
                why = "is not valid UTF-8; save the sheet as 'CSV UTF-8 (Comma delimited)'";
            } else {
                sb_putn(&out, (const char *)s + i, k);
                i += k - 1;
            }
        }
    }
    if (why) {
        char c[16];
        csv_column_name(r->col, c, sizeof c);
        diag_error(r->diags, at(r, r->row, r->col), "cell %s%d %s", c, r->row, why);
        r->failed = 1;
        sb_free(&out);
        return NULL;
    }
    const char *t = arena_strndup(&r->doc->a, out.data ? out.data : "", out.len);
    sb_free(&out);
    return t;
}

/* ="text" (quotes inside doubled) gives text; anything else is not that form. */
static int unwrap_formula(const char *s, arena *a, const char **out)
{
    size_t n = strlen(s);
    if (n < 3 || s[0] != '=' || s[1] != '"' || s[n - 1] != '"') return 0;
    strbuf b = STRBUF_INIT;
    for (size_t i = 2; i < n - 1; i++) {
        if (s[i] == '"') {
            if (i + 1 >= n - 1 || s[i + 1] != '"') {
                sb_free(&b);
                return 0;
            }
            i++;
        }
        sb_putc(&b, s[i]);
    }
    *out = arena_strndup(a, b.data ? b.data : "", b.len);
    sb_free(&b);
    return 1;
}

static void end_cell(reader *r)
{
    const char *t = cell_text(r);
    sb_reset(&r->cell);
    if (!t) t = "";
    if (r->n_cells == r->cap_cells) {
        r->cap_cells = r->cap_cells ? r->cap_cells * 2 : 32;
        r->cells = xrealloc(r->cells, r->cap_cells * sizeof *r->cells);
    }
    csv_cell *c = &r->cells[r->n_cells++];
    c->formula = unwrap_formula(t, &r->doc->a, &c->text);
    if (!c->formula) c->text = t;
    r->total_cells++;
}

static void end_row(reader *r)
{
    csv_doc *d = r->doc;
    while (r->n_cells && !r->cells[r->n_cells - 1].text[0]) r->n_cells--;
    if (d->n_rows == r->cap_rows) {
        r->cap_rows = r->cap_rows ? r->cap_rows * 2 : 64;
        csv_row *fresh = arena_alloc(&d->a, r->cap_rows * sizeof *fresh);
        if (d->n_rows) memcpy(fresh, d->rows, d->n_rows * sizeof *fresh);
        d->rows = fresh;
    }
    csv_row *row = &d->rows[d->n_rows++];
    row->row = r->row;
    row->n = r->n_cells;
    row->cells = NULL;
    if (r->n_cells) {
        row->cells = arena_alloc(&d->a, r->n_cells * sizeof *row->cells);
        memcpy(row->cells, r->cells, r->n_cells * sizeof *row->cells);
    }
    r->n_cells = 0;
}

/* The separator: whichever of comma, semicolon and tab the first non-blank row has
 * most of outside quotes (a comma when there is none). */
static char detect_delimiter(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == '\r' || s[i] == '\n')) i++;
    size_t comma = 0, semi = 0, tab = 0;
    int quoted = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\r' || c == '\n') break;
        else if (c == ',') comma++;
        else if (c == ';') semi++;
        else if (c == '\t') tab++;
    }
    if (semi > comma && semi >= tab) return ';';
    if (tab > comma && tab > semi) return '\t';
    return ',';
}

static void parse(reader *r, const char *s, size_t n)
{
    char delim = r->doc->delimiter;
    size_t i = 0;
    if (n == 0) return;
    for (;;) {
        if (r->col > CSV_MAX_COLUMNS || r->total_cells >= CSV_MAX_CELLS) {
            diag_error(r->diags, at(r, r->row, r->col),
                       r->col > CSV_MAX_COLUMNS ? "row %d has more than %d columns, more than a "
                                                  "spreadsheet holds" :
                                                  "row %d: the sheet has more than %d cells, more "
                                                  "than tabled reads",
                       r->row, r->col > CSV_MAX_COLUMNS ? CSV_MAX_COLUMNS : CSV_MAX_CELLS);
            r->failed = 1;
            return;
        }
        if (i < n && s[i] == '"') {
            int row0 = r->row, col0 = r->col;
            i++;
            for (;;) {
                if (i >= n) {
                    char c[16];
                    csv_column_name(col0, c, sizeof c);
                    diag_error(r->diags, at(r, row0, col0), "the quote that opens cell %s%d is "
                               "never closed; the rest of the file would be in this cell", c, row0);
                    r->failed = 1;
                    return;
                }
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') {
                        sb_putc(&r->cell, '"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (s[i] == '\r') {
                    sb_putc(&r->cell, '\n');
                    i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
                    continue;
                }
                sb_putc(&r->cell, s[i++]);
            }
            while (i < n && s[i] == ' ') i++;
            if (i < n && s[i] != delim && s[i] != '\r' && s[i] != '\n') {
                char c[16];
                csv_column_name(col0, c, sizeof c);
                diag_error(r->diags, at(r, row0, col0), "cell %s%d has text after its closing "
                           "quote; a quote inside a quoted cell is written twice (\"\")", c, row0);
                r->failed = 1;
                while (i < n && s[i] != delim && s[i] != '\r' && s[i] != '\n') i++;
            }
            end_cell(r); /* line breaks inside quotes do not start rows */
        } else {
            while (i < n && s[i] != delim && s[i] != '\r' && s[i] != '\n') sb_putc(&r->cell, s[i++]);
            end_cell(r);
        }
        if (i >= n) {
            end_row(r);
            return;
        }
        if (s[i] == delim) {
            i++;
            r->col++;
            continue;
        }
        i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        end_row(r);
        if (i >= n) return;
        if (r->row >= CSV_MAX_ROWS) {
            diag_error(r->diags, at(r, r->row + 1, 1), "the sheet has more than %d rows, more "
                       "than a spreadsheet holds", CSV_MAX_ROWS);
            r->failed = 1;
            return;
        }
        r->row++;
        r->col = 1;
    }
}

int csv_read(csv_doc *doc, const char *name, const char *data, size_t len, diag_list *diags)
{
    memset(doc, 0, sizeof *doc);
    arena_init(&doc->a);
    doc->file = arena_strdup(&doc->a, name);
    doc->delimiter = ',';
    doc->encoding = "UTF-8";
    const unsigned char *u = (const unsigned char *)data;
    srcpos file = make_pos(doc->file, 0, 0);
    if (len >= 4 && !memcmp(data, "PK\x03\x04", 4)) {
        diag_error(diags, file, "this is an Excel workbook (.xlsx), not CSV: in Excel use File > "
                   "Save As > 'CSV UTF-8 (Comma delimited)'");
        return -1;
    }
    if (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        diag_error(diags, file, "this is an Excel 97-2003 workbook (.xls), not CSV: in Excel use "
                   "File > Save As > 'CSV UTF-8 (Comma delimited)'");
        return -1;
    }
    strbuf wide = STRBUF_INIT;
    reader r;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.diags = diags;
    r.row = r.col = 1;
    r.enc = ENC_UTF8;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        int bad = 0;
        if (utf16_to_utf8(u + 2, len - 2, u[0] == 0xFE, &wide, &bad) != 0) {
            diag_error(diags, make_pos(doc->file, bad, 0), "the sheet is UTF-16 but is cut "
                       "short or has a broken character here");
            sb_free(&wide);
            return -1;
        }
        doc->encoding = "UTF-16";
        data = wide.data ? wide.data : "";
        len = wide.len;
    } else if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        data += 3;
        len -= 3;
    } else if (utf8_invalid_at(data, len) != (size_t)-1) {
        r.enc = ENC_CP1252;
        doc->encoding = "Windows-1252";
        diag_warning(diags, make_pos(doc->file, 1, 0),
                     "the sheet is not UTF-8, so it is read as Windows-1252 (Excel's 'CSV (Comma "
                     "delimited)'), in which any character outside it (such as some dashes or "
                     "accents) was lost when the sheet was saved; save as 'CSV UTF-8 (Comma "
                     "delimited)' to keep every character");
    }
    doc->delimiter = detect_delimiter(data, len);
    parse(&r, data, len);
    sb_free(&r.cell);
    free(r.cells);
    sb_free(&wide);
    if (r.failed) {
        doc->rows = NULL;
        doc->n_rows = 0;
        return -1;
    }
    return 0;
}

void csv_doc_free(csv_doc *doc)
{
    arena_free(&doc->a);
    memset(doc, 0, sizeof *doc);
}
