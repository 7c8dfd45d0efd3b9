/* word_paste.h - text pasted from Word into a paper, made into the Markdown it means.
 *
 * Word's bulleted lists paste as lines starting "•<tab>" (or "·", "▪", "", "§"), and
 * second-level bullets as "o<tab>" or "◦"; Markdown would print them as one paragraph
 * of bullets and tabs. They become "- " list items (nested for the second level),
 * outside fenced code. Lettered or roman numbered lines ("a.<tab>", "iv)<tab>") have no
 * Markdown form: each gets a warning saying how to write a numbered list. Line numbers
 * never change; on a converted line the text keeps its column when the marker allows. */
#ifndef TABLED_WORD_PASTE_H
#define TABLED_WORD_PASTE_H

#include <stddef.h>

/* Called for each line that cannot be converted: line (1-based within md), column,
 * message. */
typedef void (*word_paste_warn)(void *ctx, int line, int col, const char *msg);

/* A copy of md (len bytes) with Word's bullets as Markdown list items (malloc'd, NUL-
 * terminated, length in *out_len); NULL when md needs no change. */
char *word_paste_fix(const char *md, size_t len, size_t *out_len, word_paste_warn warn, void *ctx);

#endif
