/* suggest.c - nearest words and word lists for diagnostics. */
#include "suggest.h"

#include <ctype.h>
#include <string.h>

static int lower(char c) { return tolower((unsigned char)c); }

size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return (size_t)-1;
    /* Three rows of the optimal-string-alignment table. */
    size_t rows[3][65], *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++) prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best) best = prev[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

const char *closest_word(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t dist = edit_distance(word, candidates[i]);
        if (dist < best_d) {
            best_d = dist;
            best = candidates[i];
        }
    }
    size_t len = strlen(word);
    size_t limit = len < 2 ? 0 : len < 4 ? 1 : len < 8 ? 2 : 3; /* "C" is not a typo of "A" */
    return best_d <= limit ? best : NULL;
}

void sb_word_list(strbuf *out, const char *const *words, size_t n, size_t max,
                  const char *quote)
{
    const char *q = quote ? quote : "";
    size_t shown = n > max ? max : n;
    for (size_t i = 0; i < shown; i++) sb_printf(out, "%s%s%s%s", i ? ", " : "", q, words[i], q);
    if (n > shown) sb_printf(out, " and %zu more", n - shown);
    if (!n) sb_puts(out, "none");
}
