/* arena.c - bump allocator. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Under AddressSanitizer every allocation is followed by a poisoned gap and the
 * unused end of each block is poisoned, so writing past an arena object is reported
 * as a heap overflow, as with malloc (the fuzzers rely on it). */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define ARENA_REDZONE 32
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define ARENA_REDZONE 0
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct arena_block {
    arena_block *next;
    size_t used, cap;
    max_align_t data[];
};

#define ARENA_MIN_BLOCK (64 * 1024)

void arena_init(arena *a) { a->head = NULL; a->total = 0; }

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        UNPOISON(b->data, b->cap);
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *arena_alloc(arena *a, size_t size)
{
    size_t align = _Alignof(max_align_t);
    size_t asked = size;
    size = (size + ARENA_REDZONE + align - 1) & ~(align - 1);
    if (size == 0) size = align;
    arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > ARENA_MIN_BLOCK ? size : ARENA_MIN_BLOCK;
#ifndef ARENA_ASAN
        /* Blocks double, so a big document makes few of them. Not under ASan: its
         * allocator maps every chunk over 128 KiB afresh and unmaps it when freed, and
         * touching those new pages was a quarter of the fuzzers' time; blocks of the
         * minimum size are recycled. */
        if (a->head && a->head->cap * 2 > cap && a->head->cap < 16 * ARENA_MIN_BLOCK * 16)
            cap = a->head->cap * 2;
#endif
        b = xmalloc(sizeof *b + cap);
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
        POISON(b->data, cap);
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    a->total += size;
    if (ARENA_REDZONE) size = asked ? asked : 1;
    UNPOISON(p, size);
    memset(p, 0, size);
    return p;
}

void *arena_grow(arena *a, void *items, size_t n, size_t *cap, size_t size, size_t first)
{
    if (n < *cap) return items;
    size_t ncap = *cap ? *cap * 2 : first;
    void *grown = arena_alloc(a, ncap * size);
    if (n) memcpy(grown, items, n * size);
    *cap = ncap;
    return grown;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
