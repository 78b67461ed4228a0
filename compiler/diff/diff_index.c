/*
 * diff_index.c — the old side's projects by code, and the digest of a
 * project (see diff_index.h for why the digest may stand for the project).
 */
#include "diff_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "emit_json.h"
#include "hash.h"

/* ---- SipHash-2-4 (Aumasson and Bernstein), 64-bit output --------------- */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                               \
  do {                                                                         \
    v0 += v1;                                                                  \
    v1 = ROTL(v1, 13);                                                         \
    v1 ^= v0;                                                                  \
    v0 = ROTL(v0, 32);                                                         \
    v2 += v3;                                                                  \
    v3 = ROTL(v3, 16);                                                         \
    v3 ^= v2;                                                                  \
    v0 += v3;                                                                  \
    v3 = ROTL(v3, 21);                                                         \
    v3 ^= v0;                                                                  \
    v2 += v1;                                                                  \
    v1 = ROTL(v1, 17);                                                         \
    v1 ^= v2;                                                                  \
    v2 = ROTL(v2, 32);                                                         \
  } while (0)

static uint64_t le64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
}

static uint64_t siphash(uint64_t k0, uint64_t k1, const unsigned char *m,
                        size_t n) {
  uint64_t v0 = k0 ^ 0x736f6d6570736575u, v1 = k1 ^ 0x646f72616e646f6du,
           v2 = k0 ^ 0x6c7967656e657261u, v3 = k1 ^ 0x7465646279746573u;
  size_t end = n - n % 8;
  for (size_t i = 0; i < end; i += 8) {
    uint64_t w = le64(m + i);
    v3 ^= w;
    SIPROUND;
    SIPROUND;
    v0 ^= w;
  }
  uint64_t b = (uint64_t)n << 56;
  for (size_t i = 0; i < n % 8; i++)
    b |= (uint64_t)m[end + i] << (8 * i);
  v3 ^= b;
  SIPROUND;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  return v0 ^ v1 ^ v2 ^ v3;
}

/* ---- The digest of a project ------------------------------------------- */

void jx_ddigest_init(jx_ddigest *g) {
  memset(g, 0, sizeof *g);
  jx_out_init_mem(&g->buf);
  unsigned char key[16];
  FILE *f = fopen("/dev/urandom", "rb");
  size_t got = f ? fread(key, 1, sizeof key, f) : 0;
  if (f)
    fclose(f);
  if (got == sizeof key) {
    g->k0 = le64(key);
    g->k1 = le64(key + 8);
  } else { /* no /dev/urandom (Windows): what varies from run to run */
    uint64_t t = (uint64_t)time(NULL), c = (uint64_t)clock();
    g->k0 = jx_fnv1a_add(jx_fnv1a(&t, sizeof t), &c, sizeof c);
    uint64_t pid = (uint64_t)getpid(), addr = (uint64_t)(uintptr_t)g;
    g->k1 = jx_fnv1a_add(jx_fnv1a(&pid, sizeof pid), &addr, sizeof addr);
  }
}

void jx_ddigest_free(jx_ddigest *g) {
  jx_out_free(&g->buf);
  free(g->ind);
  memset(g, 0, sizeof *g);
}

static void put_text(jx_out *o, const char *s) {
  if (s)
    jx_out_write(o, s, strlen(s) + 1);
  else
    jx_out_putc(o, '\x01');
}

uint64_t jx_ddigest_project(jx_ddigest *g, const jx_unit *unit,
                            const jx_project *p, const jx_unit_info *currency) {
  jx_out *o = &g->buf;
  o->len = 0;
  /* What the comparison sees beyond the project: the unit it is in (a
   * move is a change) and what its amounts are in. */
  put_text(o, unit ? unit->code : NULL);
  put_text(o, unit ? unit->name : NULL);
  put_text(o, currency ? currency->norm : NULL);
  /* Lines are where, not what. */
  if (p->n_indicators > g->cap_ind) {
    g->cap_ind = p->n_indicators * 2;
    g->ind = jx_xrealloc(g->ind, g->cap_ind * sizeof *g->ind);
  }
  jx_project q = *p;
  q.line = 0;
  if (p->n_indicators) {
    memcpy(g->ind, p->indicators, p->n_indicators * sizeof *g->ind);
    for (size_t i = 0; i < p->n_indicators; i++)
      g->ind[i].line = 0;
    q.indicators = g->ind;
  }
  jx_jw w = {o, true};
  jx_jw_project(&w, 0, &q);
  return siphash(g->k0, g->k1, (const unsigned char *)o->buf, o->len);
}

/* ---- The index --------------------------------------------------------- */

#define OFF_BITS 40
#define OFF_MASK (((uint64_t)1 << OFF_BITS) - 1)

void jx_dindex_init(jx_dindex *x) {
  memset(x, 0, sizeof *x);
}

void jx_dindex_free(jx_dindex *x) {
  free(x->bytes);
  free(x->slots);
  memset(x, 0, sizeof *x);
}

size_t jx_dindex_memory(const jx_dindex *x) {
  return x->n_bytes + x->cap * sizeof *x->slots;
}

/* The code of the entry at off, its length, and where the digest is. */
static const unsigned char *entry(const jx_dindex *x, uint64_t off, size_t *n) {
  const unsigned char *p = x->bytes + off;
  size_t len = 0;
  for (int shift = 0;; shift += 7) {
    unsigned char b = *p++;
    len |= (size_t)(b & 0x7f) << shift;
    if (!(b & 0x80))
      break;
  }
  *n = len;
  return p;
}

static void grow_slots(jx_dindex *x) {
  size_t cap = x->cap ? x->cap * 2 : 64;
  uint64_t *slots = jx_xcalloc(cap, sizeof *slots);
  for (size_t i = 0; i < x->cap; i++) {
    uint64_t v = x->slots[i];
    if (!v)
      continue;
    size_t n;
    const unsigned char *k = entry(x, (v & OFF_MASK) - 1, &n);
    size_t j = (size_t)jx_fnv1a(k, n) & (cap - 1);
    while (slots[j])
      j = (j + 1) & (cap - 1);
    slots[j] = v;
  }
  free(x->slots);
  x->slots = slots;
  x->cap = cap;
}

/* The slot of code, empty (0) when it is not there. */
static size_t probe(const jx_dindex *x, const char *code, size_t n,
                    uint64_t h) {
  uint64_t tag = h >> OFF_BITS << OFF_BITS;
  size_t j = (size_t)h & (x->cap - 1);
  for (uint64_t v; (v = x->slots[j]); j = (j + 1) & (x->cap - 1)) {
    if ((v & ~OFF_MASK) != tag)
      continue;
    size_t len;
    const unsigned char *k = entry(x, (v & OFF_MASK) - 1, &len);
    if (len == n && memcmp(k, code, n) == 0)
      break;
  }
  return j;
}

void jx_dindex_add(jx_dindex *x, const char *code, uint64_t digest) {
  if ((x->n + 1) * 4 > x->cap * 3)
    grow_slots(x);
  size_t n = strlen(code);
  uint64_t h = jx_fnv1a(code, n);
  size_t j = probe(x, code, n, h);
  if (x->slots[j])
    return;
  size_t need = x->n_bytes + n + 10 + 8 + 1;
  if (need > x->cap_bytes) {
    size_t cap = x->cap_bytes ? x->cap_bytes : 4096;
    while (cap < need)
      cap *= 2;
    x->bytes = jx_xrealloc(x->bytes, cap);
    x->cap_bytes = cap;
  }
  uint64_t off = x->n_bytes;
  if (off + 1 > OFF_MASK)
    abort(); /* a terabyte of codes */
  size_t v = n;
  do {
    unsigned char b = v & 0x7f;
    v >>= 7;
    x->bytes[x->n_bytes++] = (unsigned char)(b | (v ? 0x80 : 0));
  } while (v);
  memcpy(x->bytes + x->n_bytes, code, n);
  x->n_bytes += n;
  for (int i = 0; i < 8; i++)
    x->bytes[x->n_bytes++] = (unsigned char)(digest >> (8 * i));
  x->bytes[x->n_bytes++] = 0;
  x->slots[j] = (h >> OFF_BITS << OFF_BITS) | (off + 1);
  x->n++;
}

unsigned char *jx_dindex_find(const jx_dindex *x, const char *code,
                              uint64_t *digest) {
  if (!x->cap)
    return NULL;
  size_t n = strlen(code);
  size_t j = probe(x, code, n, jx_fnv1a(code, n));
  uint64_t v = x->slots[j];
  if (!v)
    return NULL;
  size_t len;
  unsigned char *k = (unsigned char *)entry(x, (v & OFF_MASK) - 1, &len) + len;
  *digest = le64(k);
  return k + 8;
}

void jx_dindex_mark(unsigned char *e) {
  *e = 1;
}

bool jx_dindex_marked(const unsigned char *e) {
  return *e != 0;
}
