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

size_t diag_hidden(const diag_list *d, const char *file)
{
    if (!d->file_index) return 0;
    size_t k = (size_t)(uintptr_t)hashmap_get(d->file_index, file ? file : "");
    return k ? d->files[k - 1].hidden : 0;
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
