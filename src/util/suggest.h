/* suggest.h - "did you mean" and "(themes: A, B, C)": helping people to the word they
 * meant. */
#ifndef TABLED_SUGGEST_H
#define TABLED_SUGGEST_H

#include <stddef.h>

#include "strbuf.h"

/* Edit distance ignoring ASCII case, with a swap of two neighbouring letters counted
 * as one edit ("rga" is one edit from "rag"); (size_t)-1 for words over 64 bytes. */
size_t edit_distance(const char *a, const char *b);
/* The candidate closest to word, or NULL if none is close enough: only a change of
 * case for one letter, one edit for two or three letters, two up to seven, three
 * beyond. */
const char *closest_word(const char *word, const char *const *candidates, size_t n);
/* Appends "a, b, c" (each in quote characters when quote is not NULL); past max
 * words, the first max and "and N more". */
void sb_word_list(strbuf *out, const char *const *words, size_t n, size_t max,
                  const char *quote);

#endif
