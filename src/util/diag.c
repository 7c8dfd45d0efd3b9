/* diag.c - collect, sort and print diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void diag_init(diag_list *d) { memset(d, 0, sizeof *d); }

void diag_free(diag_list *d)
{
    for (size_t i = 0; i < d->len; i++) {
        free(d->items[i].message);
        free((char *)d->items[i].pos.file);
    }
    free(d->items);
    diag_init(d);
}

void diag_add(diag_list *d, diag_level level, srcpos pos, const char *fmt, ...)
{
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
    if (level == DIAG_ERROR) d->errors++;
    if (level == DIAG_WARNING) d->warnings++;
}
