/* yaml_tree.c - libyaml events to a positioned node tree, with the limits above. */
#include "yaml_tree.h"

#include <string.h>
#include <yaml.h>

#include "../util/hashmap.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

typedef struct {
    arena *a;
    diag_list *diags;
    const char *file;
    const char *data;
    size_t len;
    yaml_parser_t parser;
    int failed;
    int depth;
} tree_builder;

static srcpos mark_pos(tree_builder *b, yaml_mark_t m)
{
    srcpos p = {b->file, (int)m.line + 1, (int)m.column + 1};
    return p;
}

srcpos yaml_pos_of_offset(const char *file, const char *data, size_t len, size_t offset)
{
    srcpos p = {file, 1, 1};
    if (offset > len) offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (data[i] == '\n') {
            p.line++;
            p.col = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            p.col++;
        }
    }
    return p;
}

const char *ynode_kind_name(const ynode *n)
{
    switch (n->kind) {
    case YN_SCALAR: return "text";
    case YN_MAP: return "a mapping";
    default: return "a list";
    }
}

static void report_parser_error(tree_builder *b)
{
    yaml_parser_t *p = &b->parser;
    b->failed = 1;
    if (p->error == YAML_READER_ERROR) {
        srcpos pos = yaml_pos_of_offset(b->file, b->data, b->len, p->problem_offset);
        if (p->problem && strstr(p->problem, "invalid") && strstr(p->problem, "UTF-8"))
            diag_error(b->diags, pos, "invalid UTF-8 (the file must be saved as UTF-8)");
        else
            diag_error(b->diags, pos, "%s", p->problem ? p->problem : "cannot read the file");
        return;
    }
    if (p->error == YAML_MEMORY_ERROR) {
        diag_error(b->diags, make_pos(b->file, 0, 0), "out of memory reading YAML");
        return;
    }
    srcpos pos = mark_pos(b, p->problem_mark);
    if (p->context)
        diag_error(b->diags, pos, "YAML syntax: %s %s", p->problem ? p->problem : "error",
                   p->context);
    else
        diag_error(b->diags, pos, "YAML syntax: %s", p->problem ? p->problem : "error");
}

/* Returns 0 on success, -1 when the parser failed (already reported). */
static int next_event(tree_builder *b, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&b->parser, ev)) {
        report_parser_error(b);
        return -1;
    }
    return 0;
}

static void refuse_anchor(tree_builder *b, const yaml_char_t *anchor, yaml_mark_t m)
{
    if (!anchor) return;
    b->failed = 1;
    diag_error(b->diags, mark_pos(b, m),
               "YAML anchors (&%s) are not supported: write the value out in full",
               (const char *)anchor);
}

typedef struct {
    void **items;
    size_t len, cap;
} tmpvec;

static void tmp_push(tmpvec *v, void *p)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->len++] = p;
}

static ynode *parse_node(tree_builder *b, yaml_event_t *ev);

/* Parses the children of a collection whose start event was consumed. */
static ynode *parse_collection(tree_builder *b, ynode *n, yaml_event_type_t end_type)
{
    tmpvec kids = {0};
    int ok = 1;
    for (;;) {
        yaml_event_t ev;
        if (next_event(b, &ev) < 0) {
            ok = 0;
            break;
        }
        if (ev.type == end_type) {
            yaml_event_delete(&ev);
            break;
        }
        ynode *child = parse_node(b, &ev);
        yaml_event_delete(&ev);
        if (!child) {
            ok = 0;
            break;
        }
        tmp_push(&kids, child);
    }
    if (!ok) {
        free(kids.items);
        return NULL;
    }
    if (n->kind == YN_SEQ) {
        n->len = kids.len;
        n->items = arena_alloc(b->a, (kids.len ? kids.len : 1) * sizeof *n->items);
        if (kids.len) memcpy(n->items, kids.items, kids.len * sizeof *n->items);
    } else {
        n->len = kids.len / 2;
        n->pairs = arena_alloc(b->a, (n->len ? n->len : 1) * sizeof *n->pairs);
        hashmap seen;
        hashmap_init(&seen);
        size_t out = 0;
        for (size_t i = 0; i + 1 < kids.len; i += 2) {
            ynode *k = kids.items[i], *v = kids.items[i + 1];
            if (k->kind != YN_SCALAR) {
                b->failed = 1;
                diag_error(b->diags, k->pos, "a mapping key must be text, not %s",
                           ynode_kind_name(k));
                continue;
            }
            if (k->plain && strcmp(k->text, "<<") == 0) {
                b->failed = 1;
                diag_error(b->diags, k->pos,
                           "YAML merge keys (<<) are not supported: write the keys out in full");
                continue;
            }
            ynode *prev = hashmap_put(&seen, k->text, k);
            if (prev) {
                b->failed = 1;
                diag_error(b->diags, k->pos, "duplicate key '%s' (first given on line %d)",
                           k->text, prev->pos.line);
                continue;
            }
            n->pairs[out].key = k;
            n->pairs[out].value = v;
            out++;
        }
        n->len = out;
        hashmap_free(&seen);
    }
    free(kids.items);
    return n;
}

static ynode *parse_node(tree_builder *b, yaml_event_t *ev)
{
    ynode *n = arena_alloc(b->a, sizeof *n);
    n->pos = mark_pos(b, ev->start_mark);
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        refuse_anchor(b, ev->data.scalar.anchor, ev->start_mark);
        n->kind = YN_SCALAR;
        n->text = arena_strndup(b->a, (const char *)ev->data.scalar.value, ev->data.scalar.length);
        n->text_len = ev->data.scalar.length;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length)) {
            b->failed = 1;
            diag_error(b->diags, n->pos, "text contains a NUL character");
        }
        return n;
    case YAML_ALIAS_EVENT:
        b->failed = 1;
        diag_error(b->diags, n->pos,
                   "YAML aliases (*%s) are not supported: write the value out in full",
                   (const char *)ev->data.alias.anchor);
        n->kind = YN_SCALAR;
        n->text = "";
        return n;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int seq = ev->type == YAML_SEQUENCE_START_EVENT;
        refuse_anchor(b, seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor,
                      ev->start_mark);
        if (++b->depth > YAML_MAX_DEPTH) {
            b->failed = 1;
            diag_error(b->diags, n->pos, "nesting is deeper than %d levels", YAML_MAX_DEPTH);
            return NULL;
        }
        n->kind = seq ? YN_SEQ : YN_MAP;
        ynode *r = parse_collection(b, n, seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT);
        b->depth--;
        return r;
    }
    default:
        b->failed = 1;
        diag_error(b->diags, n->pos, "unexpected YAML event");
        return NULL;
    }
}

ynode *yaml_tree_parse(arena *a, diag_list *diags, const char *file, const char *data,
                       size_t len, int *empty)
{
    tree_builder b;
    memset(&b, 0, sizeof b);
    b.a = a;
    b.diags = diags;
    b.file = file;
    b.data = data;
    b.len = len;
    *empty = 0;

    /* libyaml reports a bad byte by offset only; find it ourselves for a clear message. */
    size_t bad = utf8_invalid_at(data, len);
    if (bad != (size_t)-1) {
        diag_error(diags, yaml_pos_of_offset(file, data, len, bad),
                   "invalid UTF-8 (byte 0x%02X): the file must be saved as UTF-8",
                   (unsigned char)data[bad]);
        return NULL;
    }
    if (memchr(data, '\0', len)) {
        diag_error(diags, yaml_pos_of_offset(file, data, len, (size_t)((const char *)memchr(data, '\0', len) - data)),
                   "the file contains a NUL byte: is it a binary file?");
        return NULL;
    }

    yaml_parser_initialize(&b.parser);
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)data, len);
    yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);

    ynode *root = NULL;
    int docs = 0;
    for (;;) {
        yaml_event_t ev;
        if (next_event(&b, &ev) < 0) break;
        yaml_event_type_t t = ev.type;
        if (t == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }
        if (t == YAML_DOCUMENT_START_EVENT) {
            if (++docs > 1) {
                b.failed = 1;
                diag_error(diags, mark_pos(&b, ev.start_mark),
                           "only one YAML document is allowed per file (remove the second '---')");
                yaml_event_delete(&ev);
                break;
            }
        } else if (t != YAML_STREAM_START_EVENT && t != YAML_DOCUMENT_END_EVENT) {
            root = parse_node(&b, &ev);
            if (!root) b.failed = 1;
        }
        yaml_event_delete(&ev);
        if (b.failed && !root) break;
    }
    yaml_parser_delete(&b.parser);
    if (b.failed) return NULL;
    if (!root) *empty = 1;
    return root;
}

ynode *ynode_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YN_MAP) return NULL;
    for (size_t i = 0; i < map->len; i++)
        if (strcmp(map->pairs[i].key->text, key) == 0) return map->pairs[i].value;
    return NULL;
}
