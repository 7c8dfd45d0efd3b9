/* word_paste.c - Word's pasted bullets to Markdown lists (word_paste.h). */
#include "word_paste.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../util/strbuf.h"

/* Bullet glyphs Word pastes, as UTF-8; "o" and "§" only count before a tab. */
static const struct {
    const char *glyph;
    int level;
    int needs_tab;
} bullets[] = {
    {"\xE2\x80\xA2", 1, 0},     /* • U+2022 */
    {"\xC2\xB7", 1, 0},         /* · U+00B7 (Symbol font) */
    {"\xE2\x96\xAA", 1, 0},     /* ▪ U+25AA */
    {"\xEF\x82\xB7", 1, 0},     /*  U+F0B7 (Symbol font, private use) */
    {"\xC2\xA7", 1, 1},         /* § (Wingdings square) */
    {"\xE2\x97\xA6", 2, 0},     /* ◦ U+25E6 */
    {"o", 2, 1},                /* Courier New "o": Word's second level */
};

/* A fence line (``` or ~~~, up to three spaces in): its character, else 0. */
static char fence_of(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] == ' ') i++;
    if (i + 3 <= n && (s[i] == '`' || s[i] == '~') && s[i + 1] == s[i] && s[i + 2] == s[i])
        return s[i];
    return 0;
}

/* "a.", "b)", "iv." followed by a tab: a numbered line Markdown cannot number. */
static int lettered(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && islower((unsigned char)s[i]) && i < 5) i++;
    if (i == 0 || i >= n || (s[i] != '.' && s[i] != ')')) return 0;
    if (i > 1 && strspn(s, "ivxl") < i) return 0; /* one letter, or a roman numeral */
    return i + 1 < n && s[i + 1] == '\t';
}

char *word_paste_fix(const char *md, size_t len, size_t *out_len, word_paste_warn warn, void *ctx)
{
    strbuf out = STRBUF_INIT;
    int changed = 0, line = 1, in_item = 0;
    char fence = 0;
    for (size_t i = 0; i < len;) {
        const char *s = md + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        size_t next = i + n + (nl ? 1 : 0);
        char f = fence_of(s, n);
        if (fence) {
            if (f == fence) fence = 0;
        } else if (f) {
            fence = f;
        }
        size_t lead = 0;
        while (lead < n && (s[lead] == ' ' || s[lead] == '\t')) lead++;
        int done = 0;
        if (!fence && !f && lead < n) {
            for (size_t b = 0; b < sizeof bullets / sizeof bullets[0] && !done; b++) {
                size_t g = strlen(bullets[b].glyph);
                if (lead + g > n || memcmp(s + lead, bullets[b].glyph, g) != 0) continue;
                size_t ws = lead + g, e = ws;
                while (e < n && (s[e] == ' ' || s[e] == '\t')) e++;
                if (e == ws || e == n) continue;                /* "•text" or a lone bullet */
                if (bullets[b].needs_tab && !memchr(s + ws, '\t', e - ws)) continue;
                if (bullets[b].level == 2 && !in_item) continue; /* "o<tab>" only under a bullet */
                int level = bullets[b].level == 2 || (lead > 0 && in_item) ? 2 : 1;
                /* "- " (or "    - " nested), padded to keep the text's column. */
                const char *marker = level == 2 ? "    -" : "-";
                size_t m = strlen(marker), pad = e > m + 1 ? e - m : 1;
                if (pad > 4) pad = 1;
                sb_puts(&out, marker);
                for (size_t k = 0; k < pad; k++) sb_putc(&out, ' ');
                sb_putn(&out, s + e, n - e);
                done = 1;
                changed = 1;
                in_item = 1;
            }
            if (!done && lead == 0 && lettered(s, n) && warn) {
                char msg[200];
                size_t w = strcspn(s, ".)");
                snprintf(msg, sizeof msg,
                         "'%.*s' pasted from a numbered list in Word is not numbered in Markdown: "
                         "write 1., 2., 3. (or turn the list's letters into words)",
                         (int)(w + 1), s);
                warn(ctx, line, 1, msg);
            }
        }
        if (!done) {
            sb_putn(&out, s, n);
            /* A blank line ends the list; a line of text may continue an item. */
            if (lead == n) in_item = 0;
        }
        if (nl) sb_putc(&out, '\n');
        i = next;
        line++;
    }
    if (!changed) {
        sb_free(&out);
        return NULL;
    }
    *out_len = out.len;
    return sb_detach(&out);
}
