/* wording.c - English number agreement for placeholders. */
#include "wording.h"

#include <string.h>

static const char *const number_words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"};

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

static int is_vowel(char c) { return c && strchr("aeiouAEIOU", c) != NULL; }

/* -s, -es after s, x, z, ch, sh (and o, for verbs: goes), -ies after a consonant and y. */
static void add_s(strbuf *out, const char *w, int o_takes_es)
{
    size_t n = strlen(w);
    if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2])) {
        sb_putn(out, w, n - 1);
        sb_puts(out, "ies");
        return;
    }
    sb_puts(out, w);
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") ||
        ends_with(w, "sh") || (o_takes_es && ends_with(w, "o")))
        sb_puts(out, "es");
    else
        sb_putc(out, 's');
}

void word_noun(strbuf *out, const char *noun, size_t n)
{
    const char *slash = strchr(noun, '/');
    if (slash) {
        if (n == 1) sb_putn(out, noun, (size_t)(slash - noun));
        else sb_puts(out, slash + 1);
        return;
    }
    if (n == 1) sb_puts(out, noun);
    else if (!strcmp(noun, "person")) sb_puts(out, "people");
    else add_s(out, noun, 0);
}

void word_verb(strbuf *out, const char *verb, size_t n)
{
    static const char *const pairs[][2] = {{"is", "are"}, {"was", "were"}, {"has", "have"},
                                           {"does", "do"}};
    if (!verb || !*verb) verb = "is";
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (!strcmp(verb, pairs[i][0]) || !strcmp(verb, pairs[i][1])) {
            sb_puts(out, pairs[i][n == 1 ? 0 : 1]);
            return;
        }
    if (n == 1) add_s(out, verb, 1);
    else sb_puts(out, verb);
}

void word_number(strbuf *out, size_t n, int words)
{
    if (words && n < sizeof number_words / sizeof number_words[0]) sb_puts(out, number_words[n]);
    else sb_printf(out, "%zu", n);
}

void word_count(strbuf *out, size_t n, int words, const char *noun, int has_verb,
                const char *verb, int capital)
{
    size_t start = out->len;
    word_number(out, n, words);
    if (noun && *noun) {
        sb_putc(out, ' ');
        word_noun(out, noun, n);
    }
    if (has_verb) {
        sb_putc(out, ' ');
        word_verb(out, verb, n);
    }
    if (capital && out->len > start && out->data[start] >= 'a' && out->data[start] <= 'z')
        out->data[start] = (char)(out->data[start] - 'a' + 'A');
}
