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

typedef struct {
    diagnostic *items;
    size_t len, cap;
    size_t errors, warnings;
} diag_list;

void diag_init(diag_list *d);
void diag_free(diag_list *d);
void diag_add(diag_list *d, diag_level level, srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define diag_error(d, pos, ...) diag_add((d), DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_warning(d, pos, ...) diag_add((d), DIAG_WARNING, (pos), __VA_ARGS__)
/* Sort by file, line, column (then order of insertion) and print. */
void diag_print(diag_list *d, FILE *out, int color);
/* Edit distance, for "did you mean". */
size_t edit_distance(const char *a, const char *b);
/* The candidate closest to word, or NULL if none is close enough. */
const char *closest_word(const char *word, const char *const *candidates, size_t n);

#endif
