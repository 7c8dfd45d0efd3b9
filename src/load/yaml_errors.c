/* yaml_errors.c - reword libyaml's syntax errors (yaml_errors.h).
 *
 * Each case names the mistake a clerk makes, where it is, and how to write it
 * instead. Anything not recognised keeps libyaml's words after "YAML syntax:". */
#include "yaml_errors.h"

#include <ctype.h>
#include <string.h>

/* The bytes of line (0-based) without its line break; NULL past the end. */
static const char *line_at(const char *data, size_t len, size_t line, size_t *n)
{
    size_t i = 0;
    for (size_t l = 0; l < line; l++) {
        const char *nl = memchr(data + i, '\n', len - i);
        if (!nl) return NULL;
        i = (size_t)(nl - data) + 1;
    }
    const char *nl = memchr(data + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - data) : len;
    while (end > i && data[end - 1] == '\r') end--;
    *n = end - i;
    return data + i;
}

/* Byte offset in s (n bytes) of character column col. */
static size_t byte_of_col(const char *s, size_t n, size_t col)
{
    size_t i = 0;
    for (size_t c = 0; i < n && c < col; c++) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* Character column of byte offset b in s. */
static size_t col_of_byte(const char *s, size_t b)
{
    size_t c = 0;
    for (size_t i = 0; i < b; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static srcpos at(const char *file, size_t line, size_t col)
{
    return make_pos(file, (int)line + 1, (int)col + 1);
}

/* A line "  - key: value": offsets of the key and of the value (after ": "). Returns 0
 * when the line is not of that shape. */
typedef struct {
    size_t key, key_len, value, value_len;
} key_line;

static int split_key_line(const char *s, size_t n, key_line *k)
{
    size_t i = 0;
    while (i < n && s[i] == ' ') i++;
    if (i + 1 < n && s[i] == '-' && s[i + 1] == ' ') {
        i += 2;
        while (i < n && s[i] == ' ') i++;
    }
    if (i >= n || s[i] == '"' || s[i] == '\'' || s[i] == '#') return 0;
    size_t key = i;
    while (i < n && !(s[i] == ':' && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t'))) i++;
    if (i >= n || i == key) return 0;
    k->key = key;
    k->key_len = i - key;
    i++;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    k->value = i;
    size_t end = n;
    /* A comment ends the value: " #" outside quotes. */
    for (size_t j = i; j + 1 < n; j++)
        if ((s[j] == ' ' || s[j] == '\t') && s[j + 1] == '#') {
            end = j;
            break;
        }
    while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t')) end--;
    k->value_len = end - i;
    return 1;
}

/* key: "value" in quotes that keep the value as written. */
static void suggest_quoted(strbuf *msg, const char *s, const key_line *k)
{
    const char *v = s + k->value;
    int has_double = memchr(v, '"', k->value_len) != NULL;
    int has_single = memchr(v, '\'', k->value_len) != NULL;
    sb_putn(msg, s + k->key, k->key_len);
    sb_puts(msg, ": ");
    if (has_double && !has_single) {
        sb_putc(msg, '\'');
        sb_putn(msg, v, k->value_len);
        sb_putc(msg, '\'');
        return;
    }
    sb_putc(msg, '"');
    for (size_t i = 0; i < k->value_len; i++) {
        if (v[i] == '"' || v[i] == '\\') sb_putc(msg, '\\');
        sb_putc(msg, v[i]);
    }
    sb_putc(msg, '"');
}

static int is(const char *s, const char *prefix) { return s && strncmp(s, prefix, strlen(prefix)) == 0; }

void yaml_explain_error(const yaml_syntax_error *e, const char *file, const char *data,
                        size_t len, srcpos *pos, strbuf *msg)
{
    const char *problem = e->problem ? e->problem : "error";
    size_t pn = 0, cn = 0;
    const char *pl = line_at(data, len, e->problem_line, &pn);
    const char *cl = e->has_context ? line_at(data, len, e->context_line, &cn) : NULL;
    size_t pb = pl ? byte_of_col(pl, pn, e->problem_col) : 0; /* problem byte in its line */
    char ch = pl && pb < pn ? pl[pb] : '\0';
    key_line k;
    *pos = at(file, e->problem_line, e->problem_col);

    if (is(problem, "found a tab character") || (is(problem, "found character that cannot start") && ch == '\t')) {
        sb_puts(msg, "indent with spaces, not tabs (there is a tab character here)");
        return;
    }
    if (is(problem, "mapping values are not allowed") && pl) {
        if (split_key_line(pl, pn, &k) && k.value <= pb) {
            /* key: text: more text */
            *pos = at(file, e->problem_line, col_of_byte(pl, k.value));
            sb_puts(msg, "text containing ': ' must be in quotes: write ");
            suggest_quoted(msg, pl, &k);
        } else {
            size_t i = 0;
            while (i < pn && (pl[i] == ' ' || pl[i] == '-')) i++;
            *pos = at(file, e->problem_line, col_of_byte(pl, i));
            sb_puts(msg, "this line is indented more than the key above it: keys of one "
                         "mapping start in the same column (and text containing ': ' must be in "
                         "quotes)");
        }
        return;
    }
    if (is(problem, "found character that cannot start any token") && strchr("@`%!|>", ch) && ch) {
        sb_printf(msg, "text cannot start with '%c' unless it is in quotes", ch);
        if (pl && split_key_line(pl, pn, &k) && k.value == pb) {
            sb_puts(msg, ": write ");
            suggest_quoted(msg, pl, &k);
        }
        return;
    }
    if (is(problem, "found undefined tag handle") || is(problem, "did not find expected tag URI")) {
        if (cl) *pos = at(file, e->context_line, e->context_col);
        sb_puts(msg, "text cannot start with '!' unless it is in quotes");
        return;
    }
    if (is(problem, "could not find expected ':'") && cl) {
        *pos = at(file, e->context_line, e->context_col);
        size_t i = byte_of_col(cl, cn, e->context_col);
        size_t w = i;
        while (w < cn && cl[w] != ' ' && cl[w] != ':') w++;
        sb_puts(msg, "a line of a mapping is 'key: value'");
        if (w < cn && w > i && cl[w] == ' ') {
            sb_puts(msg, ": write ");
            sb_putn(msg, cl + i, w - i);
            sb_puts(msg, ":");
            sb_putn(msg, cl + w, cn - w);
        }
        sb_puts(msg, " (if the line continues the text above, indent it further)");
        return;
    }
    if (is(problem, "found unknown escape character")) {
        sb_puts(msg, "a backslash in double quotes starts an escape: write the text in single "
                     "quotes ('C:\\Reports'), or write \\\\ for each backslash");
        return;
    }
    if (is(e->context, "while scanning a quoted scalar") && cl) {
        *pos = at(file, e->context_line, e->context_col);
        size_t q = byte_of_col(cl, cn, e->context_col);
        char quote = q < cn ? cl[q] : '"';
        sb_printf(msg, "the quoted text that starts here is never closed: add the closing %c",
                  quote == '\'' ? '\'' : '"');
        return;
    }
    if ((is(problem, "did not find expected ',' or ']'") || is(problem, "did not find expected ',' or '}'")) && cl) {
        int seq = strstr(problem, "']'") != NULL;
        *pos = at(file, e->context_line, e->context_col);
        sb_printf(msg, "the %s opened with '%c' here is not closed: add '%c' at its end, and "
                       "separate its items with ','",
                  seq ? "list" : "mapping", seq ? '[' : '{', seq ? ']' : '}');
        return;
    }
    if (is(problem, "did not find expected key") && pl) {
        /* "a" b or 'it's': text after a closing quote */
        if (pb > 0 && pb <= pn && (pl[pb - 1] == '"' || pl[pb - 1] == '\'' ||
                                   (pb >= 2 && pl[pb - 1] == ' ' && (pl[pb - 2] == '"' || pl[pb - 2] == '\'')))) {
            sb_puts(msg, "text after the closing quote: put the whole text in quotes (inside single "
                         "quotes write '' for an apostrophe: 'it''s')");
            return;
        }
        size_t i = 0;
        while (i < pn && pl[i] == ' ') i++;
        *pos = at(file, e->problem_line, col_of_byte(pl, i));
        sb_puts(msg, "this line does not line up with the keys above it: keys of one mapping "
                     "start in the same column");
        return;
    }
    if (is(problem, "did not find expected '-' indicator") && pl) {
        size_t i = 0;
        while (i < pn && pl[i] == ' ') i++;
        *pos = at(file, e->problem_line, col_of_byte(pl, i));
        sb_puts(msg, "this line does not line up with the list above it: each item of a list "
                     "starts with '- ', and the keys of an item line up under its first key");
        return;
    }
    if (is(problem, "block sequence entries are not allowed")) {
        sb_puts(msg, "a list cannot start on the same line as its key: put each '- item' on a "
                     "line of its own, below the key and indented");
        return;
    }
    if (is(problem, "found unexpected end of stream") || is(problem, "did not find expected node content")) {
        sb_puts(msg, "the file ends where a value was expected");
        if (cl) *pos = at(file, e->context_line, e->context_col);
        return;
    }
    /* Not recognised: libyaml's words, with the place the construct started. */
    sb_printf(msg, "YAML syntax: %s", problem);
    if (e->context) sb_printf(msg, " %s", e->context);
    if (cl && e->context_line != e->problem_line)
        sb_printf(msg, " (started on line %zu)", e->context_line + 1);
}
