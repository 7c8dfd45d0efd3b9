/* utf8.h - UTF-8 decoding and validation. */
#ifndef TABLED_UTF8_H
#define TABLED_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (n bytes available). Returns its length, or 0 when the
 * bytes are not valid UTF-8 (overlong, surrogate, truncated, > U+10FFFF). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Byte offset of the first invalid sequence, or (size_t)-1 if valid. */
size_t utf8_invalid_at(const char *s, size_t n);
/* Number of code points (columns on a terminal, for the scripts plans use). */
size_t utf8_width(const char *s, size_t n);

#endif
