/* paper.c - paper model helpers. */
#include "paper.h"

#include <stdlib.h>
#include <string.h>

void paper_free(paper *p)
{
    if (!p) return;
    arena_free(&p->arena);
    free(p);
}

const paper_field *paper_field_get(const paper *p, const char *key)
{
    for (size_t i = 0; i < p->n_fields; i++)
        if (strcmp(p->fields[i].def->key, key) == 0) return &p->fields[i];
    return NULL;
}
