/* diag.h - diagnostics for people: "file:line:col: error: message", sorted. */
#ifndef TABLED_DIAG_H
#define TABLED_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "suggest.h"

typedef enum { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR } diag_level;

/* A position in an input file; line and column are 1-based (0 = unknown). */
typedef struct {
    const char *file;
    int line, col;
} srcpos;

static inline srcpos make_pos(const char *file, int line, int col)
{
    srcpos p;
    p.file = file;
    p.line = line;
    p.col = col;
    return p;
}

typedef struct {
    srcpos pos;
    diag_level level;
    char *message;
    size_t seq;         /* insertion order, keeps sort stable */
} diagnostic;

/* At most DIAG_MAX_PER_FILE diagnostics are kept for one file; the rest are counted
 * (errors and warnings still count towards the exit status) and printed as one note,
 * so a file with a million unknown keys gives two hundred lines, not a million. */
#define DIAG_MAX_PER_FILE 200

typedef struct diag_file_count diag_file_count;

typedef struct {
    diagnostic *items;
    size_t len, cap;
    size_t errors, warnings;
    diag_file_count *files;     /* per-file counts, for the cap */
    size_t nfiles, capfiles;
    void *file_index;           /* file name -> diag_file_count index + 1 */
} diag_list;

void diag_init(diag_list *d);
void diag_free(diag_list *d);
void diag_add(diag_list *d, diag_level level, srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define diag_error(d, pos, ...) diag_add((d), DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_warning(d, pos, ...) diag_add((d), DIAG_WARNING, (pos), __VA_ARGS__)
/* 1 when a diagnostic for file would still be kept (under the cap): callers can skip
 * costly work (a "did you mean" search) for ones that would only be counted. */
int diag_would_show(diag_list *d, const char *file);
/* How many diagnostics for file (NULL: about no file) were counted but not kept. */
size_t diag_hidden(const diag_list *d, const char *file);
/* Warns at pos about the first invisible character (utf8.h: bidi controls, zero-width
 * characters) in text, if any; the column moves to it when text before it is on one
 * line. Returns 1 when it warned. */
int diag_invisible(diag_list *d, srcpos pos, const char *text);
/* How diagnostics are printed (diag_print.c):
 *   gcc     FILE:LINE:COL: error: MESSAGE (the default; colour on a terminal)
 *   github  GitHub Actions workflow commands: ::error file=F,line=L,col=C::MESSAGE
 *   gitlab  a GitLab code quality report: one JSON array of issues */
typedef enum { DIAG_FORMAT_GCC, DIAG_FORMAT_GITHUB, DIAG_FORMAT_GITLAB } diag_format;
void diag_set_format(diag_format f);
diag_format diag_get_format(void);
/* "gcc", "github" or "gitlab" to *f; -1 for anything else. */
int diag_parse_format(const char *name, diag_format *f);
/* Sort by file, line, column (then order of insertion), drop exact repeats, and print
 * in the chosen format; after a file's lines, a note counting those left out (the
 * cap). Each line goes out in one write(2), so the diagnostics of
 * parallel processes (make -j) never interleave within a line. */
void diag_print(diag_list *d, FILE *out, int color);
/* "2 errors, 1 warning" after a check, in the gcc format only (nothing when clean). */
void diag_print_counts(const diag_list *d, FILE *out);

#endif
