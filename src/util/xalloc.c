/* xalloc.c - checked allocation. */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Out of memory: said, and exit 1 (tabled exits only 0, 1 or 2). The input limits
 * (64 MiB files, 4 MiB papers, 16-million-pixel images) keep any input well inside
 * memory, so this is the machine's state, not something an input can cause. */
static void oom(void)
{
    fputs("tabled: error: out of memory\n", stderr);
    exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) oom();
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}
