/*
 * hash.h — the one string hash of the compiler: 64-bit FNV-1a.
 *
 * Short keys and no adversary worth a keyed hash (the input is the user's
 * own file, and a collision only costs a probe).  Used by the checker's
 * sets of codes, diff's matching and fmt's memo; the lexer's keyword table
 * has its own cheaper hash (compiler/domain/vocab.h).
 */
#ifndef JX_HASH_H
#define JX_HASH_H

#include <stddef.h>
#include <stdint.h>

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

#endif
