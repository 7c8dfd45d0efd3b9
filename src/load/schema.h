/* schema.h - reading typed, positioned values out of a YAML tree, with errors that
 * say where and what to do. Shared by the plan and paper loaders. */
#ifndef TABLED_SCHEMA_H
#define TABLED_SCHEMA_H

#include "../model/date.h"
#include "../util/arena.h"
#include "../util/diag.h"
#include "yaml_tree.h"

typedef struct {
    arena *a;
    diag_list *diags;
    day_t today;            /* for "completion date in the future" */
} schema_ctx;

/* Reports keys of map that are not in allowed[] ("did you mean"). where names the
 * mapping in messages ("action A.1"). */
void schema_check_keys(schema_ctx *c, const ynode *map, const char *const *allowed,
                       size_t n, const char *where);
/* 1 when n is of the kind, else reports "'key' in WHERE must be KIND, not ..." */
int schema_expect(schema_ctx *c, const ynode *n, ynode_kind kind, const char *key,
                  const char *where);
/* Text value of key: NULL when absent, empty or a YAML null (~, null). Reports a
 * missing required key at the map's position, and a non-text value at its own. */
const char *schema_text(schema_ctx *c, const ynode *map, const char *key, int required,
                        const char *where);
/* Date value of key; 1 if present and valid, 0 if absent, -1 on error (reported). */
int schema_date(schema_ctx *c, const ynode *map, const char *key, const char *label,
                fuzzy_date *out, srcpos *pos);
/* Same, from a scalar node. */
int schema_date_node(schema_ctx *c, const ynode *n, const char *label, fuzzy_date *out);
/* schema_date and schema_date_node for a field that takes only the forms in accept
 * (DATE_ACCEPT_* of date.h); its messages name only those forms. */
int schema_date_as(schema_ctx *c, const ynode *map, const char *key, const char *label,
                   unsigned accept, fuzzy_date *out, srcpos *pos);
int schema_date_node_as(schema_ctx *c, const ynode *n, const char *label, unsigned accept,
                        fuzzy_date *out);
/* Integer in [min, max]; 1 present, 0 absent, -1 error. */
int schema_int(schema_ctx *c, const ynode *map, const char *key, int min, int max, int *out,
               const char *where);
/* Decimal number (accepts "1,234.5", "12%"); 1 present, 0 absent, -1 error. */
int schema_number_node(schema_ctx *c, const ynode *n, double *out, const char *what);
/* One scalar or a list of scalars: returns the scalar nodes (arena), count in *n. */
ynode **schema_list(schema_ctx *c, const ynode *map, const char *key, size_t *n,
                    const char *where);
/* Index of text in words[], or reports "must be one of ..." and returns -1. Case does
 * not matter, and a space or '_' matches a '-' ("In Progress" is in-progress). */
int schema_enum(schema_ctx *c, const ynode *n, const char *const *words, size_t count,
                const char *key, const char *where);
/* A true/false key (true, false, yes, no; any case): 1 when true; 0 when false, absent,
 * null or not one of them (then reported). */
int schema_flag(schema_ctx *c, const ynode *map, const char *key, const char *where);
/* 1 if the scalar is YAML's null. */
int schema_is_null(const ynode *n);
/* The value of key, or NULL when absent or null. */
const ynode *schema_given(const ynode *map, const char *key);
/* schema_text of an optional key, copied into c->a (the YAML tree is freed once the
 * plan is loaded). */
const char *schema_text_copy(schema_ctx *c, const ynode *map, const char *key, const char *where);

#endif
