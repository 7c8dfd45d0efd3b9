/* diag.h - diagnostics for people: "file:line:col: error: message", sorted. */
#ifndef TABLED_DIAG_H
#define TABLED_DIAG_H

#include <stddef.h>
#include <stdio.h>

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
/* Sort by file, line, column (then order of insertion) and print; after a file's
 * lines, a note counting those left out. */
void diag_print(diag_list *d, FILE *out, int color);
/* Warns at pos about the first invisible character (utf8.h: bidi controls, zero-width
 * characters) in text, if any; the column moves to it when text before it is on one
 * line. Returns 1 when it warned. */
int diag_invisible(diag_list *d, srcpos pos, const char *text);
/* Edit distance, for "did you mean". */
size_t edit_distance(const char *a, const char *b);
/* The candidate closest to word, or NULL if none is close enough. */
const char *closest_word(const char *word, const char *const *candidates, size_t n);

#endif
