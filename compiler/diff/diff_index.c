/*
 * diff_index.c — the old side's projects by code, its units' bodies by
 * digest, and the digests (see diff_index.h for why a digest may stand
 * for a project, and a key for its code).
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
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t v;
  memcpy(&v, p, 8); /* one load */
  return v;
#else
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
#endif
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
  jx_jw w = {.o = o, .compact = true};
  jx_jw_project(&w, 0, &q);
  return siphash(g->k0, g->k1, (const unsigned char *)o->buf, o->len);
}

uint64_t jx_ddigest_code(const jx_ddigest *g, const char *code) {
  /* Under another key than the digests': a code is never digested as a
   * project is, but the two need not be related at all. */
  return siphash(g->k0 ^ 0x636f6465u, g->k1, (const unsigned char *)code,
                 strlen(code)) &
         ~(uint64_t)JX_DCODE_FLAGS;
}

uint64_t jx_ddigest_unit(jx_ddigest *g, const jx_unit *u) {
  jx_out *o = &g->buf;
  o->len = 0;
  put_text(o, "unit"); /* never the same bytes as a project's */
  put_text(o, u->code);
  put_text(o, u->name);
  jx_jw w = {.o = o, .compact = true};
  jx_jw_strings(&w, 0, u->goals, u->n_goals);
  jx_jw_measures(&w, 0, u->measures, u->n_measures);
  jx_jw_org(&w, 0, u->supervisor);
  jx_jw_org(&w, 0, u->implementer);
  return siphash(g->k0, g->k1, (const unsigned char *)o->buf, o->len);
}

/* ---- Projects, by code ------------------------------------------------- */

#define KEY(e) ((e)->key & ~(uint64_t)JX_DCODE_FLAGS)

void jx_dcodes_init(jx_dcodes *x) {
  memset(x, 0, sizeof *x);
}

void jx_dcodes_free(jx_dcodes *x) {
  free(x->v);
  free(x->dir);
  free(x->added);
  memset(x, 0, sizeof *x);
}

size_t jx_dcodes_memory(const jx_dcodes *x) {
  return x->cap * sizeof *x->v + x->cap_added * sizeof *x->added +
         (x->dir ? (((size_t)1 << x->dir_bits) + 1) * sizeof *x->dir : 0);
}

static void push(jx_dcode **v, size_t *n, size_t *cap, uint64_t key,
                 uint64_t digest) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 1024;
    *v = jx_xrealloc(*v, *cap * sizeof **v);
  }
  (*v)[*n].key = key;
  (*v)[*n].digest = digest;
  ++*n;
}

void jx_dcodes_add(jx_dcodes *x, uint64_t key, uint64_t digest) {
  push(&x->v, &x->n, &x->cap, key, digest);
}

/* Sorts by key, in place: the keys are the outputs of a keyed PRF, so no
 * input orders them badly, and qsort's merge sort would want a copy of the
 * whole index beside it.  Hoare's partition around the median of three
 * splits runs of equal keys evenly. */
static void sort_by_key(jx_dcode *v, size_t n) {
  while (n > 16) {
    jx_dcode t;
    size_t m = n / 2;
#define SWAP(a, b) (t = v[a], v[a] = v[b], v[b] = t)
    if (v[m].key < v[0].key)
      SWAP(m, 0);
    if (v[n - 1].key < v[m].key) {
      SWAP(n - 1, m);
      if (v[m].key < v[0].key)
        SWAP(m, 0);
    }
    SWAP(0, m); /* the median first: the partition then stops short of n */
    uint64_t pivot = v[0].key;
    size_t i = 0, j = n;
    for (;;) {
      while (v[i].key < pivot)
        i++;
      do
        j--;
      while (v[j].key > pivot);
      if (i >= j)
        break;
      SWAP(i, j);
      i++;
    }
#undef SWAP
    size_t left = j + 1; /* v[0..j] <= pivot <= v[j+1..n) */
    if (left < n - left) {
      sort_by_key(v, left);
      v += left;
      n -= left;
    } else {
      sort_by_key(v + left, n - left);
      n = left;
    }
  }
  for (size_t i = 1; i < n; i++) {
    jx_dcode e = v[i];
    size_t j = i;
    for (; j > 0 && v[j - 1].key > e.key; j--)
      v[j] = v[j - 1];
    v[j] = e;
  }
}

/* Marks runs of equal keys (flags are clear): whether there was one. */
static bool mark_twice(jx_dcode *v, size_t n) {
  bool any = false;
  for (size_t i = 1; i < n; i++)
    if (v[i].key == KEY(&v[i - 1])) {
      v[i - 1].key |= JX_DCODE_TWICE;
      v[i].key |= JX_DCODE_TWICE;
      any = true;
    }
  return any;
}

void jx_dcodes_seal(jx_dcodes *x) {
  if (x->sealed)
    return;
  if (x->n > UINT32_MAX) /* the directory's entries: past any plan */
    abort();
  sort_by_key(x->v, x->n);
  x->doubt_old = mark_twice(x->v, x->n);
  if (x->n < x->cap) { /* exactly sized for passes 2 and 3 */
    x->v = jx_xrealloc(x->v, (x->n ? x->n : 1) * sizeof *x->v);
    x->cap = x->n ? x->n : 1;
  }
  /* The keys are uniform: their top bits say where to look, about 16
   * entries a slot; a lookup is then a short search in one place. */
  int bits = 0;
  while (bits < 24 && ((size_t)16 << bits) < x->n)
    bits++;
  free(x->dir);
  x->dir_bits = bits;
  x->dir = jx_xmalloc((((size_t)1 << bits) + 1) * sizeof *x->dir);
  size_t i = 0;
  for (size_t b = 0; b <= (size_t)1 << bits; b++) {
    while (i < x->n && (bits == 0 ? b > 0 : (x->v[i].key >> (64 - bits)) < b))
      i++;
    x->dir[b] = (uint32_t)i;
  }
  x->sealed = true;
  x->n_added = 0;
}

void jx_dcodes_restart(jx_dcodes *x) {
  jx_dcodes_seal(x);
  for (size_t i = 0; i < x->n; i++)
    x->v[i].key &= ~(uint64_t)(JX_DCODE_SEEN | JX_DCODE_SAME);
  x->n_added = 0;
  x->doubt_new = false;
}

static jx_dcode *find(const jx_dcodes *x, uint64_t key) {
  if (!x->sealed || !x->n)
    return NULL;
  size_t b = x->dir_bits ? (size_t)(key >> (64 - x->dir_bits)) : 0;
  size_t lo = x->dir[b], hi = x->dir[b + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (KEY(&x->v[mid]) < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < x->dir[b + 1] && KEY(&x->v[lo]) == key ? &x->v[lo] : NULL;
}

jx_dcode *jx_dcodes_meet(jx_dcodes *x, uint64_t key) {
  jx_dcode *e = find(x, key);
  if (e && !(e->key & JX_DCODE_TWICE)) {
    if (e->key & JX_DCODE_SEEN) {
      x->doubt_new = true; /* the new side has the code twice, or keys met */
      return NULL;
    }
    e->key |= JX_DCODE_SEEN;
    return e;
  }
  push(&x->added, &x->n_added, &x->cap_added, key, 0);
  return NULL;
}

void jx_dcodes_end_new(jx_dcodes *x) {
  sort_by_key(x->added, x->n_added);
  if (mark_twice(x->added, x->n_added))
    x->doubt_new = true;
}

bool jx_dcodes_unchanged(const jx_dcodes *x, uint64_t key) {
  const jx_dcode *e = find(x, key);
  return e && (e->key & JX_DCODE_SAME);
}

/* ---- Units' bodies, by digest ------------------------------------------ */

void jx_dindex_init(jx_dindex *x) {
  memset(x, 0, sizeof *x);
}

void jx_dindex_free(jx_dindex *x) {
  free(x->v);
  free(x->marks);
  memset(x, 0, sizeof *x);
}

size_t jx_dindex_memory(const jx_dindex *x) {
  return x->cap * sizeof *x->v + (x->n_ord + 63) / 64 * sizeof *x->marks;
}

static uint64_t digest_of(const jx_dentry *e) {
  return (uint64_t)e->hi << 32 | e->lo;
}

void jx_dindex_add(jx_dindex *x, uint32_t ord, uint64_t digest) {
  if (x->n == x->cap) {
    x->cap = x->cap ? x->cap * 2 : 1024;
    x->v = jx_xrealloc(x->v, x->cap * sizeof *x->v);
  }
  jx_dentry *e = &x->v[x->n++];
  e->lo = (uint32_t)digest;
  e->hi = (uint32_t)(digest >> 32);
  e->ord = ord;
  if (ord >= x->n_ord)
    x->n_ord = (size_t)ord + 1;
  x->sorted = false;
}

static int by_digest(const void *a, const void *b) {
  uint64_t x = digest_of(a), y = digest_of(b);
  return x < y ? -1 : x > y;
}

void jx_dindex_unmark(jx_dindex *x) {
  if (x->marks)
    memset(x->marks, 0, ((x->n_ord + 63) / 64 + 1) * sizeof *x->marks);
}

bool jx_dindex_take(jx_dindex *x, uint64_t digest) {
  if (!x->sorted) {
    if (x->n) /* qsort wants an array, even of nothing */
      qsort(x->v, x->n, sizeof *x->v, by_digest);
    free(x->marks);
    x->marks = jx_xcalloc((x->n_ord + 63) / 64 + 1, sizeof *x->marks);
    x->sorted = true;
  }
  size_t lo = 0, hi = x->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (digest_of(&x->v[mid]) < digest)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == x->n || digest_of(&x->v[lo]) != digest)
    return false;
  uint32_t ord = x->v[lo].ord;
  if (jx_dindex_marked(x, ord))
    return false;
  x->marks[ord / 64] |= (uint64_t)1 << (ord % 64);
  return true;
}

bool jx_dindex_marked(const jx_dindex *x, uint32_t ord) {
  return x->marks && ord < x->n_ord &&
         (x->marks[ord / 64] >> (ord % 64) & 1) != 0;
}
