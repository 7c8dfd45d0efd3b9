/* hashmap.h - string-keyed hash table (open addressing, FNV-1a). Keys are not copied. */
#ifndef TABLED_HASHMAP_H
#define TABLED_HASHMAP_H

#include <stddef.h>

typedef struct {
    const char *key;
    void *value;
} hashmap_slot;

typedef struct {
    hashmap_slot *slots;
    size_t cap, len;
} hashmap;

void hashmap_init(hashmap *m);
void hashmap_free(hashmap *m);
void *hashmap_get(const hashmap *m, const char *key);
/* Inserts key; returns the value already stored under it (and keeps that), or NULL. */
void *hashmap_put(hashmap *m, const char *key, void *value);

#endif
