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

/* Invisible characters that can make text display other than it reads (the "Trojan
 * Source" class): the bidi embedding, override and isolate controls U+202A-202E and
 * U+2066-2069, and zero-width characters and marks (U+200B-200F, U+2060-2064, U+FEFF,
 * U+180E, U+061C). Text with them is a warning at its position; renderers drop the
 * bidi controls, so they can never reorder the text or markup around them. */
int utf8_is_bidi_control(uint32_t cp);
int utf8_is_invisible(uint32_t cp);
/* Byte offset of the first invisible character in s (its code point in *cp), or
 * (size_t)-1. Invalid bytes are skipped. */
size_t utf8_find_invisible(const char *s, size_t n, uint32_t *cp);
/* "RIGHT-TO-LEFT OVERRIDE" */
const char *utf8_invisible_name(uint32_t cp);

#endif
