/* diag.c - collect, sort and print diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hashmap.h"
#include "utf8.h"
#include "xalloc.h"

struct diag_file_count {
    char *file;
    size_t shown, hidden;
};

void diag_init(diag_list *d) { memset(d, 0, sizeof *d); }

void diag_free(diag_list *d)
{
    for (size_t i = 0; i < d->len; i++) {
        free(d->items[i].message);
        free((char *)d->items[i].pos.file);
    }
    free(d->items);
    for (size_t i = 0; i < d->nfiles; i++) free(d->files[i].file);
    free(d->files);
    if (d->file_index) {
        hashmap_free(d->file_index);
        free(d->file_index);
    }
    diag_init(d);
}

/* The count of file (NULL: diagnostics about no file), made on first use. */
static diag_file_count *file_count(diag_list *d, const char *file)
{
    if (!file) file = "";
    if (!d->file_index) {
        d->file_index = xcalloc(1, sizeof(hashmap));
        hashmap_init(d->file_index);
    }
    size_t k = (size_t)(uintptr_t)hashmap_get(d->file_index, file);
    if (k) return &d->files[k - 1];
    if (d->nfiles == d->capfiles) {
        d->capfiles = d->capfiles ? d->capfiles * 2 : 8;
        d->files = xrealloc(d->files, d->capfiles * sizeof *d->files);
    }
    diag_file_count *f = &d->files[d->nfiles++];
    f->file = xstrdup(file);
    f->shown = f->hidden = 0;
    hashmap_put(d->file_index, f->file, (void *)(uintptr_t)d->nfiles);
    return f;
}

int diag_would_show(diag_list *d, const char *file)
{
    return file_count(d, file)->shown < DIAG_MAX_PER_FILE;
}

void diag_add(diag_list *d, diag_level level, srcpos pos, const char *fmt, ...)
{
    if (level == DIAG_ERROR) d->errors++;
    if (level == DIAG_WARNING) d->warnings++;
    diag_file_count *fc = file_count(d, pos.file);
    if (fc->shown >= DIAG_MAX_PER_FILE) {
        fc->hidden++;
        return;
    }
    fc->shown++;
    if (d->len == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = xrealloc(d->items, d->cap * sizeof *d->items);
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);
    diagnostic *g = &d->items[d->len];
    g->pos = pos;
    g->pos.file = pos.file ? xstrdup(pos.file) : NULL; /* outlives the loaded file */
    g->level = level;
    g->message = msg;
    g->seq = d->len++;
}

static int cmp_diag(const void *pa, const void *pb)
{
    const diagnostic *a = pa, *b = pb;
    int c = strcmp(a->pos.file ? a->pos.file : "", b->pos.file ? b->pos.file : "");
    if (c) return c;
    if (a->pos.line != b->pos.line) return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col) return a->pos.col < b->pos.col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_print(diag_list *d, FILE *out, int color)
{
    static const char *names[] = {"note", "warning", "error"};
    static const char *colors[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};
    if (d->len) qsort(d->items, d->len, sizeof *d->items, cmp_diag);
    for (size_t i = 0; i < d->len; i++) {
        diagnostic *g = &d->items[i];
        const char *file = g->pos.file ? g->pos.file : "tabled";
        if (color) fputs("\033[1m", out);
        if (g->pos.line > 0 && g->pos.col > 0)
            fprintf(out, "%s:%d:%d: ", file, g->pos.line, g->pos.col);
        else if (g->pos.line > 0)
            fprintf(out, "%s:%d: ", file, g->pos.line);
        else
            fprintf(out, "%s: ", file);
        if (color) fprintf(out, "\033[0m%s%s:\033[0m ", colors[g->level], names[g->level]);
        else fprintf(out, "%s: ", names[g->level]);
        fprintf(out, "%s\n", g->message);
        /* after the last line of a file: how many were left out */
        const char *next = i + 1 < d->len ? d->items[i + 1].pos.file : NULL;
        if (i + 1 == d->len || strcmp(next ? next : "", g->pos.file ? g->pos.file : "")) {
            diag_file_count *fc = file_count(d, g->pos.file);
            if (fc->hidden)
                fprintf(out, "%s: note: %zu more errors and warnings in this file are not shown\n",
                        file, fc->hidden);
        }
    }
    /* Re-sorting later is harmless: order is total. */
}

int diag_invisible(diag_list *d, srcpos pos, const char *text)
{
    uint32_t cp;
    size_t at = text ? utf8_find_invisible(text, strlen(text), &cp) : (size_t)-1;
    if (at == (size_t)-1) return 0;
    if (pos.col > 0 && !memchr(text, '\n', at)) pos.col += (int)utf8_width(text, at);
    if (utf8_is_bidi_control(cp))
        diag_warning(d, pos, "U+%04X %s in the text: it can make text display in a different "
                     "order from how it reads; it is left out of the HTML and PDF",
                     (unsigned)cp, utf8_invisible_name(cp));
    else
        diag_warning(d, pos, "U+%04X %s in the text: an invisible character (is it meant?); "
                     "it is left out of the PDF",
                     (unsigned)cp, utf8_invisible_name(cp));
    return 1;
}

size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev + cost;
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

const char *closest_word(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t dist = edit_distance(word, candidates[i]);
        if (dist < best_d) {
            best_d = dist;
            best = candidates[i];
        }
    }
    size_t len = strlen(word);
    size_t limit = len < 4 ? 1 : len < 8 ? 2 : 3;
    return best_d <= limit ? best : NULL;
}
