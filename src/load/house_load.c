/* house_load.c - read a house style. */
#include "house_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/fileio.h"
#include "schema.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const top_keys[] = {"page", "type", "colours", "fonts", "rag", "theme-rag",
                                       "risk-review-days"};
static const char *const page_keys[] = {"size", "margin-top", "margin-bottom", "margin-left",
                                        "margin-right"};
static const char *const type_keys[] = {"body", "body-leading", "small", "small-leading",
                                        "heading-1", "heading-2", "heading-3", "paragraph-space",
                                        "number-indent"};
static const char *const colour_keys[] = {"accent", "table-header", "table-rule"};
static const char *const font_keys[] = {"regular", "bold", "italic", "bold-italic"};
static const char *const rag_keys[] = {"complete", "not-due", "green", "amber", "red"};
static const char *const rag_entry_keys[] = {"word", "fill", "ink"};
static const char *const theme_rag_keys[] = {"method", "red-overdue-percent", "amber-percent"};
static const char *const methods[] = {"worst", "threshold"};

/* "22mm", "2.2cm", "11pt", "0.5in" or a bare number of points. */
static void length(schema_ctx *c, const ynode *map, const char *key, double *out)
{
    const ynode *n = ynode_get(map, key);
    if (!n || !schema_expect(c, n, YN_SCALAR, key, "the house style")) return;
    char *end;
    errno = 0;
    double v = strtod(n->text, &end);
    double scale = 1;
    if (!strcmp(end, "mm")) scale = 72.0 / 25.4;
    else if (!strcmp(end, "cm")) scale = 720.0 / 25.4;
    else if (!strcmp(end, "in")) scale = 72;
    else if (!strcmp(end, "pt") || !*end) scale = 1;
    else end = NULL;
    if (!end || errno || end == n->text || v < 0 || v > 2000) {
        diag_error(c->diags, n->pos, "'%s' must be a length such as 22mm or 11pt, not '%s'", key, n->text);
        return;
    }
    *out = v * scale;
}

static void colour(schema_ctx *c, const ynode *map, const char *key, unsigned *out)
{
    const ynode *n = ynode_get(map, key);
    if (!n || !schema_expect(c, n, YN_SCALAR, key, "the house style")) return;
    const char *s = n->text;
    char *end;
    if (s[0] == '#' && strlen(s) == 7) {
        unsigned long v = strtoul(s + 1, &end, 16);
        if (!*end) {
            *out = (unsigned)v;
            return;
        }
    }
    diag_error(c->diags, n->pos, "'%s' must be a colour written #RRGGBB, not '%s'", key, s);
}

static const ynode *section(schema_ctx *c, const ynode *root, const char *key,
                            const char *const *keys, size_t n)
{
    const ynode *s = ynode_get(root, key);
    if (!s || !schema_expect(c, s, YN_MAP, key, "the house style")) return NULL;
    schema_check_keys(c, s, keys, n, arena_printf(c->a, "'%s'", key));
    return s;
}

int house_load(house_style *h, const char *path, arena *a, diag_list *diags)
{
    house_style_default(h);
    char *data;
    size_t len;
    const char *why;
    if (read_file(path, MAX_INPUT_BYTES, &data, &len, &why) != 0) {
        /* No house style is fine (the defaults); one that cannot be read is not. */
        struct stat st;
        if (stat(path, &st) != 0 && errno == ENOENT) return 0;
        diag_error(diags, make_pos(arena_strdup(a, path), 0, 0), "cannot read the house style: %s", why);
        return -1;
    }
    size_t before = diags->errors;
    schema_ctx c = {a, diags, 0};
    int empty;
    ynode *root = yaml_tree_parse(a, diags, arena_strdup(a, path), data, len, &empty);
    free(data);
    if (!root) return empty ? 0 : -1;
    if (!schema_expect(&c, root, YN_MAP, NULL, "the house style")) return -1;
    schema_check_keys(&c, root, top_keys, N(top_keys), "the house style");
    const ynode *s;
    if ((s = section(&c, root, "page", page_keys, N(page_keys)))) {
        const char *size = schema_text(&c, s, "size", 0, "'page'");
        if (size && strcmp(size, "A4") != 0)
            diag_error(diags, ynode_get(s, "size")->pos, "page size '%s' is not supported (A4)", size);
        length(&c, s, "margin-top", &h->margin_top);
        length(&c, s, "margin-bottom", &h->margin_bottom);
        length(&c, s, "margin-left", &h->margin_left);
        length(&c, s, "margin-right", &h->margin_right);
    }
    if ((s = section(&c, root, "type", type_keys, N(type_keys)))) {
        length(&c, s, "body", &h->body_size);
        length(&c, s, "body-leading", &h->body_leading);
        length(&c, s, "small", &h->small_size);
        length(&c, s, "small-leading", &h->small_leading);
        length(&c, s, "heading-1", &h->h1_size);
        length(&c, s, "heading-2", &h->h2_size);
        length(&c, s, "heading-3", &h->h3_size);
        length(&c, s, "paragraph-space", &h->paragraph_space);
        length(&c, s, "number-indent", &h->number_indent);
    }
    if ((s = section(&c, root, "colours", colour_keys, N(colour_keys)))) {
        colour(&c, s, "accent", &h->accent);
        colour(&c, s, "table-header", &h->table_header_fill);
        colour(&c, s, "table-rule", &h->table_rule);
    }
    if ((s = section(&c, root, "fonts", font_keys, N(font_keys)))) {
        const char *v;
        if ((v = schema_text(&c, s, "regular", 0, "'fonts'"))) h->font_regular = v;
        if ((v = schema_text(&c, s, "bold", 0, "'fonts'"))) h->font_bold = v;
        if ((v = schema_text(&c, s, "italic", 0, "'fonts'"))) h->font_italic = v;
        if ((v = schema_text(&c, s, "bold-italic", 0, "'fonts'"))) h->font_bold_italic = v;
    }
    if ((s = section(&c, root, "rag", rag_keys, N(rag_keys)))) {
        static const rag_level levels[] = {LEVEL_COMPLETE, LEVEL_NOT_DUE, LEVEL_GREEN, LEVEL_AMBER, LEVEL_RED};
        for (size_t i = 0; i < N(rag_keys); i++) {
            const ynode *e = ynode_get(s, rag_keys[i]);
            if (!e || !schema_expect(&c, e, YN_MAP, rag_keys[i], "'rag'")) continue;
            schema_check_keys(&c, e, rag_entry_keys, N(rag_entry_keys), rag_keys[i]);
            rag_colour *rc = &h->rag[levels[i]];
            const char *w = schema_text(&c, e, "word", 0, rag_keys[i]);
            if (w) rc->word = w;
            colour(&c, e, "fill", &rc->fill);
            colour(&c, e, "ink", &rc->ink);
        }
    }
    if ((s = section(&c, root, "theme-rag", theme_rag_keys, N(theme_rag_keys)))) {
        const ynode *m = ynode_get(s, "method");
        if (m) {
            int k = schema_enum(&c, m, methods, N(methods), "method", "'theme-rag'");
            if (k >= 0) h->theme_rag.method = (theme_rag_method)k;
        }
        schema_int(&c, s, "red-overdue-percent", 1, 100, &h->theme_rag.red_overdue_percent, "'theme-rag'");
        schema_int(&c, s, "amber-percent", 1, 100, &h->theme_rag.amber_percent, "'theme-rag'");
    }
    schema_int(&c, root, "risk-review-days", 1, 3650, &h->risk_review_days, "the house style");
    return diags->errors > before ? -1 : 0;
}
