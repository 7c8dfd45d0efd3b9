/* wording.h - counts in narrative that read as English (placeholder options): "1 action
 * is", "3 actions are", "nine actions need". Pure string functions. */
#ifndef TABLED_WORDING_H
#define TABLED_WORDING_H

#include <stddef.h>

#include "../util/strbuf.h"

/* The plural of a singular English noun: action -> actions, authority -> authorities,
 * box -> boxes. "person/people" gives its own plural (after the slash); without a slash
 * the noun is taken as singular. n == 1 gives the singular. */
void word_noun(strbuf *out, const char *noun, size_t n);
/* A verb agreeing with n: is/are, was/were, has/have, does/do; any other verb is given
 * in its plural (base) form: need -> needs / need. NULL or "" means is/are. */
void word_verb(strbuf *out, const char *verb, size_t n);
/* n as digits, or with words spelled out up to twenty ("nine"). */
void word_number(strbuf *out, size_t n, int words);

/* n with the options of a count placeholder: words, noun=, verb[=], capital. Writes
 * "3 actions are", "Nine actions need", "1 risk". */
void word_count(strbuf *out, size_t n, int words, const char *noun, int has_verb,
                const char *verb, int capital);

#endif
