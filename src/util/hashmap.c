/* hashmap.c - open-addressing string hash table with linear probing. */
#include "hashmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

void hashmap_init(hashmap *m) { m->slots = NULL; m->cap = m->len = 0; }

void hashmap_free(hashmap *m)
{
    free(m->slots);
    hashmap_init(m);
}

static hashmap_slot *find_slot(hashmap_slot *slots, size_t cap, const char *key)
{
    size_t i = (size_t)hash_str(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0) i = (i + 1) & (cap - 1);
    return &slots[i];
}

void *hashmap_get(const hashmap *m, const char *key)
{
    if (!m->cap) return NULL;
    hashmap_slot *s = find_slot(m->slots, m->cap, key);
    return s->key ? s->value : NULL;
}

static void rehash(hashmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    hashmap_slot *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key) *find_slot(slots, cap, m->slots[i].key) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void *hashmap_put(hashmap *m, const char *key, void *value)
{
    if ((m->len + 1) * 4 > m->cap * 3) rehash(m);
    hashmap_slot *s = find_slot(m->slots, m->cap, key);
    if (s->key) return s->value;
    s->key = key;
    s->value = value;
    m->len++;
    return NULL;
}
