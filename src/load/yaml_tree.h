/* yaml_tree.h - a YAML file as a tree of positioned nodes.
 *
 * Built from libyaml's event API. Every node keeps its file, line and column.
 * Refused, with positioned errors: syntax errors, invalid UTF-8, anchors and aliases
 * (never expanded), merge keys, duplicate keys, more than one document, nesting deeper
 * than YAML_MAX_DEPTH. Scalars stay text: typing is the schema's job. */
#ifndef TABLED_YAML_TREE_H
#define TABLED_YAML_TREE_H

#include <stddef.h>

#include "../util/arena.h"
#include "../util/diag.h"

#define YAML_MAX_DEPTH 64

typedef enum { YN_SCALAR, YN_MAP, YN_SEQ } ynode_kind;

typedef struct ynode ynode;

typedef struct {
    ynode *key;     /* always a scalar */
    ynode *value;
} ypair;

struct ynode {
    ynode_kind kind;
    srcpos pos;
    int plain;              /* scalar written without quotes */
    const char *text;       /* scalar value, NUL-terminated */
    size_t text_len;
    ypair *pairs;           /* YN_MAP */
    ynode **items;          /* YN_SEQ */
    size_t len;             /* pairs or items */
};

/* Parses data (len bytes, named file in diagnostics). Returns the root node, or NULL
 * when the file has errors (all reported to diags). An empty document gives a NULL
 * root with no error: *empty is set. */
ynode *yaml_tree_parse(arena *a, diag_list *diags, const char *file, const char *data,
                       size_t len, int *empty);

/* Map lookup by key; NULL if absent. */
ynode *ynode_get(const ynode *map, const char *key);
/* Line/column (1-based) of a byte offset, counting UTF-8 characters. */
srcpos yaml_pos_of_offset(const char *file, const char *data, size_t len, size_t offset);
/* "text", "a list", "a mapping" */
const char *ynode_kind_name(const ynode *n);

#endif
