/*
 * chk_set.c — the checker's sets of strings (project codes, unit codes,
 * unit names), each key with the place it was first seen (check_state.h).
 *
 * A national roll-up has some 12 million project codes, and the set is all
 * the checker keeps of each, so it is laid out for size (issue 16: it was
 * ~75 bytes a code, a heap entry with a whole jx_loc and a pointer slot):
 *
 *   entries  one byte string: per key its length, its bytes, and its place
 *            (file, offset, line, column, length), every number a LEB128
 *            varint — a 21-character code and its place in ~33 bytes;
 *   slots    open addressing with linear probing, at most 3/4 full, one
 *            64-bit word each: 40 bits of offset into the entries (plus
 *            one, 0 is empty) and the top 24 bits of the key's hash, so a
 *            probe reads the entries only when those bits agree.
 *
 * A key's first slot is the top bits of its hash, which the slot keeps:
 * growing a table of up to 2^24 slots (12.5 million keys) places every
 * entry again from its slot alone; only a larger one rehashes the keys
 * (the rest of the hash is not stored).  What a
 * duplicate reports is the first place decoded back into s->found, exactly
 * the jx_loc that was added, so the "first defined here" note is unchanged.
 * Figures: docs/performance.md ("The code set").
 */
#include <stdlib.h>
#include <string.h>

#include "check_state.h"
#include "hash.h"

#define OFF_BITS 40
#define OFF_MASK (((uint64_t)1 << OFF_BITS) - 1)

static uint64_t tag_of(uint64_t h) {
  return h >> OFF_BITS << OFF_BITS;
}

/* The first slot of hash h in a table of 2^(64 - shift) slots. */
static size_t first_slot(uint64_t h, unsigned shift) {
  return (size_t)(h >> shift);
}

void jx_chk_set_init(jx_chk_set *s) {
  memset(s, 0, sizeof *s);
}

void jx_chk_set_free(jx_chk_set *s) {
  free(s->bytes);
  free(s->slots);
  memset(s, 0, sizeof *s);
}

size_t jx_chk_set_memory(const jx_chk_set *s) {
  return s->cap_bytes + s->cap * sizeof *s->slots;
}

/* v as a varint at p; returns the bytes written (at most 10).  Through a
 * local pointer: writing through s->bytes[s->n_bytes++] stored and
 * reloaded the count at every byte. */
static size_t put_varint(unsigned char *p, uint64_t v) {
  size_t i = 0;
  for (; v >= 0x80; v >>= 7)
    p[i++] = (unsigned char)(v | 0x80);
  p[i++] = (unsigned char)v;
  return i;
}

static uint64_t get_varint(const unsigned char **p) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    unsigned char b = *(*p)++;
    v |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80))
      return v;
  }
}

/* The key of the entry at off, and its length. */
static const char *entry_key(const jx_chk_set *s, uint64_t off, size_t *n) {
  const unsigned char *p = (const unsigned char *)s->bytes + off;
  *n = (size_t)get_varint(&p);
  return (const char *)p;
}

static void grow_slots(jx_chk_set *s) {
  size_t cap = s->cap ? s->cap * 2 : 64;
  unsigned shift = s->cap ? s->shift - 1 : 64 - 6;
  uint64_t *slots = jx_xcalloc(cap, sizeof *slots);
  /* The slot's tag holds the top 64 - OFF_BITS bits of the hash. */
  bool from_tag = cap <= (size_t)1 << (64 - OFF_BITS);
  for (size_t i = 0; i < s->cap; i++) {
    uint64_t v = s->slots[i];
    if (!v)
      continue;
    uint64_t h = v & ~OFF_MASK;
    if (!from_tag) {
      size_t n;
      const char *key = entry_key(s, (v & OFF_MASK) - 1, &n);
      h = jx_hash_bytes(key, n);
    }
    size_t j = first_slot(h, shift);
    while (slots[j])
      j = (j + 1) & (cap - 1);
    slots[j] = v;
  }
  free(s->slots);
  s->slots = slots;
  s->cap = cap;
  s->shift = shift;
}

const jx_loc *jx_chk_set_add(jx_chk_set *s, const char *key, size_t n,
                             jx_loc loc) {
  if (s->off)
    return NULL;
  if ((s->n + 1) * 4 > s->cap * 3)
    grow_slots(s);
  uint64_t h = jx_hash_bytes(key, n), tag = tag_of(h);
  size_t j = first_slot(h, s->shift);
  for (uint64_t v; (v = s->slots[j]); j = (j + 1) & (s->cap - 1)) {
    if ((v & ~OFF_MASK) != tag)
      continue;
    size_t len;
    const char *k = entry_key(s, (v & OFF_MASK) - 1, &len);
    if (len != n || memcmp(k, key, n) != 0)
      continue;
    const unsigned char *p = (const unsigned char *)k + len;
    memset(&s->found, 0, sizeof s->found);
    s->found.file = (uint32_t)get_varint(&p);
    s->found.offset = get_varint(&p);
    s->found.line = (uint32_t)get_varint(&p);
    s->found.col = (uint32_t)get_varint(&p);
    s->found.len = (uint32_t)get_varint(&p);
    return &s->found;
  }
  /* Room for the entry: six varints of at most 10 bytes, and the key. */
  size_t need = s->n_bytes + n + 60;
  if (need > s->cap_bytes) {
    size_t cap = s->cap_bytes ? s->cap_bytes : 4096;
    while (cap < need)
      cap *= 2;
    s->bytes = jx_xrealloc(s->bytes, cap);
    s->cap_bytes = cap;
  }
  uint64_t off = s->n_bytes;
  if (off + 1 > OFF_MASK) /* a terabyte of keys: past any plan */
    abort();
  unsigned char *p = (unsigned char *)s->bytes + off;
  p += put_varint(p, n);
  memcpy(p, key, n);
  p += n;
  p += put_varint(p, loc.file);
  p += put_varint(p, loc.offset);
  p += put_varint(p, loc.line);
  p += put_varint(p, loc.col);
  p += put_varint(p, loc.len);
  s->n_bytes = (size_t)(p - (unsigned char *)s->bytes);
  s->slots[j] = tag | (off + 1);
  s->n++;
  return NULL;
}
