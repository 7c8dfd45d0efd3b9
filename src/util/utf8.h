/* utf8.h - UTF-8 decoding and validation. */
#ifndef TABLED_UTF8_H
#define TABLED_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (n bytes available). Returns its length, or 0 when the
 * bytes are not valid UTF-8 (overlong, surrogate, truncated, > U+10FFFF). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* The code point at s + *i (n bytes in all), *i moved past it: ASCII without a call,
 * for the loops over every character of a text. Bytes that are not valid UTF-8 are
 * skipped one at a time: UTF8_SKIP is returned and *i moves one byte. */
#define UTF8_SKIP UINT32_MAX
static inline uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    uint32_t cp;
    size_t l = utf8_decode(s + *i, n - *i, &cp);
    *i += l ? l : 1;
    return l ? cp : UTF8_SKIP;
}
/* Byte offset of the first invalid sequence, or (size_t)-1 if valid. */
size_t utf8_invalid_at(const char *s, size_t n);
/* Number of code points (columns on a terminal, for the scripts plans use). */
size_t utf8_width(const char *s, size_t n);

#endif
