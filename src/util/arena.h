/* arena.h - bump allocator: everything loaded for one plan is freed at once. */
#ifndef TABLED_ARENA_H
#define TABLED_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct {
    arena_block *head;
    size_t total;       /* bytes handed out, for statistics */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Zeroed memory, aligned for any type. Aborts on out-of-memory. */
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* An array of n items of size bytes in the arena with room for one more: items itself
 * while n < *cap, else a copy in twice the room (first items the first time), *cap
 * updated. The old array stays in the arena until it is freed. */
void *arena_grow(arena *a, void *items, size_t n, size_t *cap, size_t size, size_t first);
/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
