/*
 * strmap.c — see strmap.h.  Open addressing over key hashes; each slot
 * heads a FIFO chain of values in a node pool.
 */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "hash.h"

typedef struct map_node {
  size_t value;
  size_t next; /* SIZE_MAX ends the chain */
} map_node;

typedef struct map_slot {
  uint64_t hash;
  const char *key; /* NULL: empty */
  size_t head, tail;
} map_slot;

struct jx_strmap {
  map_slot *slots;
  size_t n_slots, used;
  map_node *nodes;
  size_t n_nodes, cap_nodes;
};

static uint64_t hash_key(const char *s) {
  return jx_fnv1a_str(s); /* hash.h */
}

jx_strmap *jx_strmap_new(size_t expect) {
  jx_strmap *m = jx_xcalloc(1, sizeof *m);
  size_t n = 16;
  while (n < expect * 2 + 2)
    n *= 2;
  m->slots = jx_xcalloc(n, sizeof *m->slots);
  m->n_slots = n;
  return m;
}

void jx_strmap_free(jx_strmap *m) {
  if (!m)
    return;
  free(m->slots);
  free(m->nodes);
  free(m);
}

static map_slot *find_slot(map_slot *slots, size_t n, uint64_t h,
                           const char *key) {
  size_t i = (size_t)h & (n - 1);
  for (;;) {
    map_slot *s = &slots[i];
    if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
      return s;
    i = (i + 1) & (n - 1);
  }
}

static void grow(jx_strmap *m) {
  size_t n = m->n_slots * 2;
  map_slot *slots = jx_xcalloc(n, sizeof *slots);
  for (size_t i = 0; i < m->n_slots; i++)
    if (m->slots[i].key)
      *find_slot(slots, n, m->slots[i].hash, m->slots[i].key) = m->slots[i];
  free(m->slots);
  m->slots = slots;
  m->n_slots = n;
}

void jx_strmap_add(jx_strmap *m, const char *key, size_t value) {
  if ((m->used + 1) * 2 > m->n_slots)
    grow(m);
  if (m->n_nodes == m->cap_nodes) {
    m->cap_nodes = m->cap_nodes ? m->cap_nodes * 2 : 16;
    m->nodes = jx_xrealloc(m->nodes, m->cap_nodes * sizeof *m->nodes);
  }
  size_t k = m->n_nodes++;
  m->nodes[k].value = value;
  m->nodes[k].next = SIZE_MAX;
  uint64_t h = hash_key(key);
  map_slot *s = find_slot(m->slots, m->n_slots, h, key);
  if (!s->key) {
    s->key = key;
    s->hash = h;
    s->head = s->tail = k;
    m->used++;
    return;
  }
  if (s->head == SIZE_MAX)
    s->head = k;
  else
    m->nodes[s->tail].next = k;
  s->tail = k;
}

size_t jx_strmap_take(jx_strmap *m, const char *key,
                      bool (*avail)(void *ud, size_t value), void *ud) {
  map_slot *s = find_slot(m->slots, m->n_slots, hash_key(key), key);
  if (!s->key)
    return SIZE_MAX;
  while (s->head != SIZE_MAX) {
    map_node *nd = &m->nodes[s->head];
    s->head = nd->next;
    if (!avail || avail(ud, nd->value))
      return nd->value;
  }
  return SIZE_MAX;
}

size_t jx_strmap_get(const jx_strmap *m, const char *key) {
  const map_slot *s = find_slot(m->slots, m->n_slots, hash_key(key), key);
  return s->key && s->head != SIZE_MAX ? m->nodes[s->head].value : SIZE_MAX;
}
