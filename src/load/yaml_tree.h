/* yaml_tree.h - a YAML file as a tree of positioned nodes.
 *
 * Built from libyaml's event API. Every node keeps its file, line and column.
 * Refused, with positioned errors: syntax errors, invalid UTF-8, anchors and aliases
 * (never expanded), merge keys, duplicate keys, more than one document, nesting deeper
 * than YAML_MAX_DEPTH. Scalars stay text: typing is the schema's job. */
#ifndef TABLED_YAML_TREE_H
#define TABLED_YAML_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"
#include "../util/diag.h"

#define YAML_MAX_DEPTH 64

typedef enum { YN_SCALAR, YN_MAP, YN_SEQ } ynode_kind;

typedef struct ynode ynode;

typedef struct {
    ynode *key;             /* always a scalar */
    ynode *value;
    const char *name;       /* key->text and its length, kept here for fast lookups */
    size_t name_len;
} ypair;

struct ynode {
    const char *text;       /* scalar value, NUL-terminated */
    union {
        ypair *pairs;       /* YN_MAP */
        ynode **items;      /* YN_SEQ */
    };
    srcpos pos;
    uint32_t text_len;
    uint32_t len;           /* pairs or items */
    uint8_t kind;           /* ynode_kind; kept small: a plan has millions of nodes */
    uint8_t plain;          /* scalar written without quotes */
};

/* Parses data (len bytes, named file in diagnostics). Every error goes to diags.
 * Returns the root node, or NULL when the file could not be read as YAML at all.
 * Errors that leave the tree whole (duplicate keys, anchors, aliases, merge keys) still
 * return it, so callers can report schema errors too: check diags->errors. An empty
 * document gives a NULL root with no error: *empty is set. */
ynode *yaml_tree_parse(arena *a, diag_list *diags, const char *file, const char *data,
                       size_t len, int *empty);

/* Map lookup by key; NULL if absent. */
ynode *ynode_get(const ynode *map, const char *key);
/* Line/column (1-based) of a byte offset, counting UTF-8 characters. */
srcpos yaml_pos_of_offset(const char *file, const char *data, size_t len, size_t offset);
/* "text", "a list", "a mapping" */
const char *ynode_kind_name(const ynode *n);

#endif
