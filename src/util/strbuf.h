/* strbuf.h - growable byte buffer for building output. */
#ifndef TABLED_STRBUF_H
#define TABLED_STRBUF_H

#include <stddef.h>

typedef struct {
    char *data;     /* always NUL-terminated when non-NULL */
    size_t len, cap;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void sb_grow(strbuf *b, size_t extra);
void sb_putn(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_reset(strbuf *b);
void sb_free(strbuf *b);
/* Hand the buffer to the caller (free() it); the strbuf is left empty. */
char *sb_detach(strbuf *b);

#endif
