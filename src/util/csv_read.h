/* csv_read.h - reading a CSV file as a spreadsheet saved it.
 *
 * What officers return is whatever Excel, LibreOffice or Google Sheets wrote: with or
 * without a UTF-8 byte order mark, UTF-16 ("Unicode Text"), or Windows-1252 (Excel's
 * plain "CSV (Comma delimited)"); rows ending CRLF, LF or CR; cells separated by
 * commas, semicolons (Excel in much of Europe) or tabs; quoted cells with line breaks
 * and doubled quotes inside. The reader takes all of these and gives rows of cells in
 * UTF-8, each positioned as a spreadsheet numbers them: row (1-based, counting every
 * row, blank ones too) and column (1-based, A = 1). A cell written as a formula giving
 * text, ="2010/11" (as tabled export writes it), is read as that text.
 *
 * What it cannot read is reported once, at its row and column (GCC style: FILE:ROW:COL),
 * and csv_read fails: a quote never closed, text after a closing quote, a control
 * character, text that is not in any of those encodings, an Excel workbook saved as
 * .xlsx or .xls, more rows or columns than Excel allows. */
#ifndef TABLED_CSV_READ_H
#define TABLED_CSV_READ_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

#define CSV_MAX_ROWS 1048576    /* Excel's limits */
#define CSV_MAX_COLUMNS 16384
#define CSV_MAX_CELLS 4194304   /* all rows together; far beyond any plan */

typedef struct {
    const char *text;       /* UTF-8, NUL-terminated, never NULL; line breaks are \n */
    int formula;            /* 1 when it was written ="..." */
} csv_cell;

typedef struct {
    csv_cell *cells;
    size_t n;               /* trailing empty cells are dropped */
    int row;                /* 1-based, as the spreadsheet shows it */
} csv_row;

typedef struct {
    const char *file;       /* the name positions use */
    csv_row *rows;          /* every row, blank ones too (n == 0) */
    size_t n_rows;
    char delimiter;         /* ',', ';' or '\t' */
    const char *encoding;   /* "UTF-8", "UTF-16" or "Windows-1252" */
    arena a;                /* owns the rows and cells */
} csv_doc;

/* Reads data (len bytes, from the file called name) into doc. Returns 0, or -1 after
 * reporting to diags (doc is then empty but must still be freed). A file that is not
 * UTF-8 and is read as Windows-1252 gets a warning. */
int csv_read(csv_doc *doc, const char *name, const char *data, size_t len, diag_list *diags);
void csv_doc_free(csv_doc *doc);

/* "A", "B", ..., "Z", "AA": the spreadsheet's name for a 1-based column. */
void csv_column_name(int col, char *buf, size_t len);

#endif
