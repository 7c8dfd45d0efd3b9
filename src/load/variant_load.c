/* variant_load.c - front-sheet variants are data: load them from templates/variants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fileio.h"
#include "../util/xalloc.h"
#include "paper_load.h"
#include "schema.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const variant_keys[] = {"name", "title", "kind", "body-heading", "numbering", "fields"};
static const char *const field_keys[] = {"key", "label", "required", "type", "columns", "header-row", "place"};
static const char *const type_words[] = {"text", "date", "table"};
static const char *const place_words[] = {"front", "end"};
static const char *const numbering_words[] = {"full", "sections", "none"};
static const char *const bool_words[] = {"false", "true"};

/* Loads one variant file. A name an earlier folder already gave is skipped (the
 * project's variant wins over the installed one); a name given twice in one folder is
 * an error. first_of_dir is the index of the first variant of this file's folder. */
static void load_one(variant_set *set, const char *path, size_t first_of_dir, diag_list *diags)
{
    char *data;
    size_t len;
    if (read_input(path, "variant", diags, &data, &len) != 0) return;
    schema_ctx c = {&set->arena, diags, 0};
    const char *file = arena_strdup(&set->arena, path);
    int empty;
    ynode *root = yaml_tree_parse(&set->arena, diags, file, data, len, &empty);
    free(data);
    if (!root) {
        if (empty) diag_error(diags, make_pos(file, 1, 1), "the variant is empty");
        return;
    }
    if (!schema_expect(&c, root, YN_MAP, NULL, "a variant")) return;
    schema_check_keys(&c, root, variant_keys, N(variant_keys), "the variant");
    variant *v = &set->items[set->n];
    memset(v, 0, sizeof *v);
    v->file = file;
    v->name = schema_text(&c, root, "name", 1, "the variant");
    v->title = schema_text(&c, root, "title", 0, "the variant");
    v->kind = schema_text(&c, root, "kind", 0, "the variant");
    v->body_heading = schema_text(&c, root, "body-heading", 0, "the variant");
    const ynode *num = ynode_get(root, "numbering");
    if (num) {
        int k = schema_enum(&c, num, numbering_words, N(numbering_words), "numbering", "the variant");
        if (k >= 0) v->numbering = (numbering_mode)k;
    }
    const ynode *fields = ynode_get(root, "fields");
    if (!fields) {
        diag_error(diags, root->pos, "the variant has no 'fields'");
        return;
    }
    if (!schema_expect(&c, fields, YN_SEQ, "fields", "the variant")) return;
    v->fields = arena_alloc(&set->arena, (fields->len + 1) * sizeof *v->fields);
    for (size_t i = 0; i < fields->len; i++) {
        const ynode *f = fields->items[i];
        if (!schema_expect(&c, f, YN_MAP, NULL, "each field")) continue;
        schema_check_keys(&c, f, field_keys, N(field_keys), "a field");
        /* Cleared: a field skipped below (no key or label) must not lend its type,
         * place or required flag to the next one. */
        variant_field *vf = &v->fields[v->n_fields];
        memset(vf, 0, sizeof *vf);
        vf->key = schema_text(&c, f, "key", 1, "a field");
        vf->label = schema_text(&c, f, "label", 1, "a field");
        const ynode *n;
        if ((n = ynode_get(f, "required"))) {
            int k = schema_enum(&c, n, bool_words, N(bool_words), "required", "a field");
            vf->required = k == 1;
        }
        if ((n = ynode_get(f, "type"))) {
            int k = schema_enum(&c, n, type_words, N(type_words), "type", "a field");
            if (k >= 0) vf->type = (field_type)k;
        }
        if ((n = ynode_get(f, "place"))) {
            int k = schema_enum(&c, n, place_words, N(place_words), "place", "a field");
            vf->at_end = k == 1;
        }
        if ((n = ynode_get(f, "header-row"))) {
            int k = schema_enum(&c, n, bool_words, N(bool_words), "header-row", "a field");
            vf->no_header_row = k == 0;
        }
        size_t nc;
        ynode **cols = schema_list(&c, f, "columns", &nc, "a field");
        if (vf->type == FIELD_TABLE && !nc)
            diag_error(diags, f->pos, "table field '%s' needs 'columns'", vf->key ? vf->key : "?");
        vf->columns = arena_alloc(&set->arena, (nc + 1) * sizeof *vf->columns);
        for (size_t j = 0; j < nc; j++) vf->columns[j] = cols[j]->text;
        vf->n_columns = nc;
        if (!vf->key || !vf->label) continue;
        for (size_t j = 0; j < v->n_fields; j++)
            if (!strcmp(v->fields[j].key, vf->key)) {
                diag_error(diags, ynode_get(f, "key")->pos,
                           "field '%s' is defined twice in this variant", vf->key);
                vf = NULL;
                break;
            }
        if (vf) v->n_fields++;
    }
    if (!v->name) return;
    for (size_t i = 0; i < set->n; i++) {
        if (strcmp(set->items[i].name, v->name) != 0) continue;
        if (i >= first_of_dir)
            diag_error(diags, ynode_get(root, "name")->pos,
                       "variant '%s' is also defined in %s; each variant needs its own name",
                       v->name, set->items[i].file);
        return;
    }
    set->n++;
}

int variants_load_dirs(variant_set *set, char *const *dirs, size_t ndirs, diag_list *diags)
{
    memset(set, 0, sizeof *set);
    arena_init(&set->arena);
    size_t before = diags->errors;
    char **names[4] = {NULL};
    size_t counts[4] = {0}, total = 0;
    if (ndirs > 4) ndirs = 4;
    for (size_t k = 0; k < ndirs; k++) {
        if (list_yaml_files(dirs[k], &names[k], &counts[k]) != 0)
            diag_error(diags, make_pos(dirs[k], 0, 0), "cannot open the variants directory");
        total += counts[k];
    }
    set->items = arena_alloc(&set->arena, (total + 1) * sizeof *set->items);
    for (size_t k = 0; k < ndirs; k++) {
        size_t first = set->n;
        for (size_t i = 0; i < counts[k]; i++) {
            size_t pl = strlen(dirs[k]) + strlen(names[k][i]) + 2;
            char *path = xmalloc(pl);
            snprintf(path, pl, "%s/%s", dirs[k], names[k][i]);
            load_one(set, path, first, diags);
            free(path);
        }
        free_names(names[k], counts[k]);
    }
    return diags->errors > before ? -1 : 0;
}

int variants_load(variant_set *set, const char *dir, diag_list *diags)
{
    char *dirs[1] = {(char *)dir};
    return variants_load_dirs(set, dirs, 1, diags);
}

void variants_free(variant_set *set) { arena_free(&set->arena); }

const variant *variants_find(const variant_set *set, const char *name)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->items[i].name, name) == 0) return &set->items[i];
    return NULL;
}
