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
