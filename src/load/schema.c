/* schema.c - typed reads from a YAML tree. */
#include "schema.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"

int schema_is_null(const ynode *n)
{
    if (n->kind != YN_SCALAR || !n->plain) return 0;
    return n->text[0] == '\0' || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
           strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

void schema_check_keys(schema_ctx *c, const ynode *map, const char *const *allowed, size_t n,
                       const char *where)
{
    if (!map || map->kind != YN_MAP) return;
    for (size_t i = 0; i < map->len; i++) {
        const ynode *k = map->pairs[i].key;
        size_t j;
        for (j = 0; j < n; j++)
            if (k->text[0] == allowed[j][0] && strcmp(k->text, allowed[j]) == 0) break;
        if (j < n) continue;
        if (!diag_would_show(c->diags, k->pos.file)) { /* only counted: skip the search */
            diag_error(c->diags, k->pos, "unknown key");
            continue;
        }
        const char *near = closest_word(k->text, allowed, n);
        if (near)
            diag_error(c->diags, k->pos, "unknown key '%s' in %s; did you mean '%s'?", k->text,
                       where, near);
        else {
            strbuf sb = STRBUF_INIT;
            for (j = 0; j < n; j++) sb_printf(&sb, "%s%s", j ? ", " : "", allowed[j]);
            diag_error(c->diags, k->pos, "unknown key '%s' in %s (known keys: %s)", k->text,
                       where, sb.data ? sb.data : "");
            sb_free(&sb);
        }
    }
}

static const char *kind_article(ynode_kind k)
{
    return k == YN_SCALAR ? "text" : k == YN_MAP ? "a mapping (key: value)" : "a list";
}

int schema_expect(schema_ctx *c, const ynode *n, ynode_kind kind, const char *key,
                  const char *where)
{
    if (n->kind == kind) return 1;
    if (key)
        diag_error(c->diags, n->pos, "'%s' in %s must be %s, not %s", key, where,
                   kind_article(kind), ynode_kind_name(n));
    else
        diag_error(c->diags, n->pos, "%s must be %s, not %s", where, kind_article(kind),
                   ynode_kind_name(n));
    return 0;
}

const char *schema_text(schema_ctx *c, const ynode *map, const char *key, int required,
                        const char *where)
{
    const ynode *n = ynode_get(map, key);
    if (!n || schema_is_null(n)) {
        if (required)
            diag_error(c->diags, n ? n->pos : map->pos, "%s has no '%s'; add one", where, key);
        return NULL;
    }
    if (!schema_expect(c, n, YN_SCALAR, key, where)) return NULL;
    diag_invisible(c->diags, n->pos, n->text);
    return n->text;
}

int schema_date_node_as(schema_ctx *c, const ynode *n, const char *label, unsigned accept,
                        fuzzy_date *out)
{
    char why[320];
    if (!schema_expect(c, n, YN_SCALAR, NULL, label)) return -1;
    if (date_parse_as(n->text, accept, out, why, sizeof why) != 0) {
        diag_error(c->diags, n->pos, "%s %s %s", label, n->text, why);
        return -1;
    }
    return 1;
}

int schema_date_node(schema_ctx *c, const ynode *n, const char *label, fuzzy_date *out)
{
    return schema_date_node_as(c, n, label, DATE_ACCEPT_ANY, out);
}

int schema_date_as(schema_ctx *c, const ynode *map, const char *key, const char *label,
                   unsigned accept, fuzzy_date *out, srcpos *pos)
{
    memset(out, 0, sizeof *out);
    const ynode *n = ynode_get(map, key);
    if (!n || schema_is_null(n)) return 0;
    if (pos) *pos = n->pos;
    int r = schema_date_node_as(c, n, label, accept, out);
    if (r < 0) memset(out, 0, sizeof *out);
    return r;
}

int schema_date(schema_ctx *c, const ynode *map, const char *key, const char *label,
                fuzzy_date *out, srcpos *pos)
{
    return schema_date_as(c, map, key, label, DATE_ACCEPT_ANY, out, pos);
}

int schema_int(schema_ctx *c, const ynode *map, const char *key, int min, int max, int *out,
               const char *where)
{
    const ynode *n = ynode_get(map, key);
    if (!n || schema_is_null(n)) return 0;
    if (!schema_expect(c, n, YN_SCALAR, key, where)) return -1;
    const char *s = n->text;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!isdigit((unsigned char)s[s[0] == '-' || s[0] == '+']) || *end || errno) {
        diag_error(c->diags, n->pos, "'%s' in %s must be a whole number from %d to %d, not '%s'",
                   key, where, min, max, s);
        return -1;
    }
    if (v < min || v > max) {
        diag_error(c->diags, n->pos, "'%s' in %s must be from %d to %d, not %ld", key, where,
                   min, max, v);
        return -1;
    }
    *out = (int)v;
    return 1;
}

int schema_number_node(schema_ctx *c, const ynode *n, double *out, const char *what)
{
    if (!schema_expect(c, n, YN_SCALAR, NULL, what)) return -1;
    char buf[64];
    size_t j = 0;
    const char *s = n->text;
    if (*s == '\xC2' && s[1] == '\xA3') s += 2; /* £ */
    for (; *s && j + 1 < sizeof buf; s++) {
        if (*s == ',') continue;
        buf[j++] = *s;
    }
    buf[j] = '\0';
    if (j && buf[j - 1] == '%') buf[--j] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (!j || *end || errno || v != v) {
        diag_error(c->diags, n->pos, "%s must be a number, not '%s'", what, n->text);
        return -1;
    }
    *out = v;
    return 1;
}

ynode **schema_list(schema_ctx *c, const ynode *map, const char *key, size_t *count,
                    const char *where)
{
    *count = 0;
    ynode *n = ynode_get(map, key);
    if (!n || schema_is_null(n)) return NULL;
    if (n->kind == YN_SCALAR) {
        ynode **v = arena_alloc(c->a, sizeof *v);
        v[0] = n;
        *count = 1;
        return v;
    }
    if (!schema_expect(c, n, YN_SEQ, key, where)) return NULL;
    ynode **v = arena_alloc(c->a, (n->len ? n->len : 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < n->len; i++) {
        if (!schema_expect(c, n->items[i], YN_SCALAR, key, where)) continue;
        v[k++] = n->items[i];
    }
    *count = k;
    return v;
}

/* word matches text ignoring case, with ' ' or '_' in text standing for '-'. */
static int loose_equal(const char *text, const char *word)
{
    for (; *text && *word; text++, word++) {
        char t = (char)tolower((unsigned char)*text);
        if (t == ' ' || t == '_') t = '-';
        if (t != *word) return 0;
    }
    return !*text && !*word;
}

int schema_flag(schema_ctx *c, const ynode *map, const char *key, const char *where)
{
    static const char *const words[] = {"false", "true", "no", "yes"};
    const ynode *n = ynode_get(map, key);
    if (!n || schema_is_null(n)) return 0;
    int k = schema_enum(c, n, words, sizeof words / sizeof words[0], key, where);
    return k == 1 || k == 3;
}

int schema_enum(schema_ctx *c, const ynode *n, const char *const *words, size_t count,
                const char *key, const char *where)
{
    if (!schema_expect(c, n, YN_SCALAR, key, where)) return -1;
    for (size_t i = 0; i < count; i++)
        if (strcmp(n->text, words[i]) == 0) return (int)i;
    for (size_t i = 0; i < count; i++)
        if (loose_equal(n->text, words[i])) return (int)i;
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < count; i++) sb_printf(&sb, "%s%s", i ? ", " : "", words[i]);
    const char *near = closest_word(n->text, words, count);
    if (near)
        diag_error(c->diags, n->pos, "'%s' in %s must be one of %s, not '%s'; did you mean '%s'?",
                   key, where, sb.data, n->text, near);
    else
        diag_error(c->diags, n->pos, "'%s' in %s must be one of %s, not '%s'", key, where,
                   sb.data, n->text);
    sb_free(&sb);
    return -1;
}

const ynode *schema_given(const ynode *map, const char *key)
{
    const ynode *n = ynode_get(map, key);
    return n && !schema_is_null(n) ? n : NULL;
}

const char *schema_text_copy(schema_ctx *c, const ynode *map, const char *key, const char *where)
{
    const char *s = schema_text(c, map, key, 0, where);
    return s ? arena_strdup(c->a, s) : NULL;
}
