/* yaml_tree.c - libyaml events to a positioned node tree, with the limits above. */
#include "yaml_tree.h"

#include <string.h>
#include <yaml.h>

#include "../util/hashmap.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "yaml_errors.h"

typedef struct {
    arena *a;
    diag_list *diags;
    const char *file;
    const char *data;
    size_t len;
    yaml_parser_t parser;
    int failed;
    int depth;
    ynode **stack;          /* children of the open collections, innermost last */
    size_t top, cap;
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
    yaml_syntax_error e = {p->problem, p->context, p->problem_mark.line, p->problem_mark.column,
                           p->context_mark.line, p->context_mark.column, p->context != NULL};
    srcpos pos;
    strbuf msg = STRBUF_INIT;
    yaml_explain_error(&e, b->file, b->data, b->len, &pos, &msg);
    diag_error(b->diags, pos, "%s", msg.data);
    sb_free(&msg);
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

static void push_child(tree_builder *b, ynode *n)
{
    if (b->top == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->stack = xrealloc(b->stack, b->cap * sizeof *b->stack);
    }
    b->stack[b->top++] = n;
}

static ynode *parse_node(tree_builder *b, yaml_event_t *ev);

/* Parses the children of a collection whose start event was consumed. */
static ynode *parse_collection(tree_builder *b, ynode *n, yaml_event_type_t end_type)
{
    size_t base = b->top;
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
        push_child(b, child);
    }
    ynode **kids = b->stack ? b->stack + base : NULL; /* (no stack yet: no children) */
    size_t nkids = b->top - base;
    b->top = base;
    if (!ok) return NULL;
    if (n->kind == YN_SEQ) {
        n->len = (uint32_t)nkids;
        n->items = arena_alloc(b->a, (nkids ? nkids : 1) * sizeof *n->items);
        if (nkids) memcpy(n->items, kids, nkids * sizeof *n->items);
    } else {
        n->len = (uint32_t)(nkids / 2);
        n->pairs = arena_alloc(b->a, (n->len ? n->len : 1) * sizeof *n->pairs);
        hashmap seen;
        hashmap_init(&seen);
        int big = nkids / 2 > 16; /* small maps: a linear scan beats hashing */
        size_t out = 0;
        for (size_t i = 0; i + 1 < nkids; i += 2) {
            ynode *k = kids[i], *v = kids[i + 1];
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
            ynode *prev = NULL;
            if (big) {
                prev = hashmap_put(&seen, k->text, k);
            } else {
                for (size_t j = 0; j < out && !prev; j++)
                    if (n->pairs[j].name_len == k->text_len && !memcmp(n->pairs[j].name, k->text, k->text_len))
                        prev = n->pairs[j].key;
            }
            if (prev) {
                b->failed = 1;
                diag_error(b->diags, k->pos, "duplicate key '%s' (first given on line %d)",
                           k->text, prev->pos.line);
                continue;
            }
            n->pairs[out].key = k;
            n->pairs[out].value = v;
            n->pairs[out].name = k->text;
            n->pairs[out].name_len = k->text_len;
            out++;
        }
        n->len = (uint32_t)out;
        hashmap_free(&seen);
    }
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
        n->text_len = (uint32_t)ev->data.scalar.length;
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
        n->plain = 1; /* reads as empty, so it causes no second error */
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
    free(b.stack);
    /* Errors that leave the tree whole (duplicate keys, anchors, aliases, merge keys,
     * a second document) are reported and the tree is still returned, so the schema
     * can report its errors too; the caller sees them all in diags. */
    if (!root) {
        if (!b.failed) *empty = 1;
        return NULL;
    }
    return root;
}

ynode *ynode_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YN_MAP) return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < map->len; i++) {
        const ypair *p = &map->pairs[i];
        if (p->name_len == len && memcmp(p->name, key, len) == 0) return p->value;
    }
    return NULL;
}
