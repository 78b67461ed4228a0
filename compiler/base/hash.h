/*
 * hash.h — the string hashes of the compiler: 64-bit FNV-1a, and a faster
 * one a word at a time.
 *
 * Short keys and no adversary worth a keyed hash (the input is the user's
 * own file, and a collision only costs a probe).  Used by the checker's
 * diff's matching and fmt's memo; the lexer's keyword table has its own
 * cheaper hash (compiler/domain/vocab.h), and the checker's sets of codes
 * and names hash a word at a time (jx_hash_bytes).
 */
#ifndef JX_HASH_H
#define JX_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define JX_FNV_OFFSET 14695981039346656037u
#define JX_FNV_PRIME 1099511628211u

/* Continues hash h over n bytes (start with JX_FNV_OFFSET). */
static inline uint64_t jx_fnv1a_add(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= JX_FNV_PRIME;
  }
  return h;
}

static inline uint64_t jx_fnv1a(const void *p, size_t n) {
  return jx_fnv1a_add(JX_FNV_OFFSET, p, n);
}

/* The same over a NUL-terminated string. */
static inline uint64_t jx_fnv1a_add_str(uint64_t h, const char *s) {
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= JX_FNV_PRIME;
  }
  return h;
}

static inline uint64_t jx_fnv1a_str(const char *s) {
  return jx_fnv1a_add_str(JX_FNV_OFFSET, s);
}

/* A word at a time: for the checker's keys (names, codes, 5-30 bytes),
 * where FNV-1a's byte loop was most of the cost of a lookup.  Every byte
 * counts, and the length: keys that differ anywhere hash apart (bar
 * collisions).  Not the same numbers as jx_fnv1a. */
static inline uint64_t jx_hash_bytes(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = (n + 1) * 0x9E3779B97F4A7C15u, w;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdu;
    h ^= h >> 32;
  }
  if (i < n) {
    if (n >= 8) { /* the last eight bytes, overlapping the words before */
      memcpy(&w, s + n - 8, 8);
    } else {
      w = 0;
      for (size_t k = 0; k < n; k++)
        w |= (uint64_t)s[k] << (8 * k);
    }
    h = (h ^ w) * 0xff51afd7ed558ccdu;
  }
  h ^= h >> 29;
  h *= 0xc4ceb9fe1a85ec53u;
  return h ^ (h >> 32);
}

#endif
