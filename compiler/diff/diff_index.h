/*
 * diff_index.h — what `jxc diff` remembers of the old side between its
 * passes (diff_stream.h).
 *
 * Projects (jx_dcodes): per project with a code, two 64-bit SipHash-2-4
 * values under a key drawn at random for each run — the key of its code,
 * and the digest of its meaning: the project as `build -f json --compact`
 * writes it (every field of the model, lines left out, so that an edit
 * above a project does not make it "changed"), its unit's key and the
 * currency its amounts are in.  A project of the new side is paired with
 * the old project of the same code key, and taken to be unchanged when
 * the digests agree, without being compared.
 *
 * What that may get wrong, with a secret random key (SipHash is then a
 * pseudorandom function: no input can be written to collide):
 *
 *   - Two different projects called the same: the new project's digest
 *     equals its one partner's (the digests of different bytes agree with
 *     probability 2^-64; the code is in the digest, so a partner found by
 *     a key that collided differs too).  At most n_new * 2^-64 for a
 *     run: 1.2 * 10^-13 for the 2.2 million projects of a 1 GB plan,
 *     6.5 * 10^-13 for 12 million.  A project that differs is always
 *     compared field by field (diff_model.h), so this could only hide a
 *     change, never invent one.
 *   - Two codes of one side with one key (probability below n^2 / 2^62
 *     for n codes on a side): taken for a possible duplicate, which only
 *     costs time — the caller loads that side again with the checker's
 *     own set of codes (diff_stream.h) — and never pairs anything.
 *
 * The code keys also stand in for the checker's set of codes: a code twice
 * on a side has one key twice, so no duplicate goes unseen.  16 bytes a
 * project of the old side, sorted by key, plus a directory of the keys'
 * top bits; the new side's codes that are not on the old side (projects
 * added, codes changed) are listed too, 16 bytes each, to see repeats.
 *
 * Units' bodies (jx_dindex): a digest each, found by digest (a unit's code
 * is not unique where the unit is declared twice), 12 bytes and a bit a
 * unit; with u units a side, two different units are called the same with
 * probability below u_old * u_new / 2^64.
 */
#ifndef JX_DIFF_INDEX_H
#define JX_DIFF_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jixiao.h"
#include "out.h"
#include "units.h"

/* The digest of projects, with its key and a buffer for the JSON. */
typedef struct jx_ddigest {
  uint64_t k0, k1;
  jx_out buf;
  jx_indicator *ind; /* the indicators, lines cleared */
  size_t cap_ind;
} jx_ddigest;

void jx_ddigest_init(jx_ddigest *g); /* draws the key */
/* The key of a project code (its low JX_DCODE_FLAGS bits 0). */
uint64_t jx_ddigest_code(const jx_ddigest *g, const char *code);
void jx_ddigest_free(jx_ddigest *g);
/* A unit's code, name and body (goals, measures, organisations). */
uint64_t jx_ddigest_unit(jx_ddigest *g, const jx_unit *u);
uint64_t jx_ddigest_project(jx_ddigest *g, const jx_unit *unit,
                            const jx_project *p, const jx_unit_info *currency);

/* ---- Projects, by code ------------------------------------------------ */

enum {
  JX_DCODE_SEEN = 1,  /* a project of the new side has the key */
  JX_DCODE_SAME = 2,  /* ... and the digest: the pair is unchanged */
  JX_DCODE_TWICE = 4, /* the key is on the old side twice: never paired */
  JX_DCODE_FLAGS = 7
};

typedef struct jx_dcode {
  uint64_t key; /* the code's key | flags */
  uint64_t digest;
} jx_dcode;

typedef struct jx_dcodes {
  jx_dcode *v; /* the old side's; sorted by key once sealed */
  size_t n, cap;
  bool sealed;
  uint32_t *dir; /* v's first entry for each value of the key's top bits */
  int dir_bits;
  jx_dcode *added; /* pass 2: the new side's keys not in v */
  size_t n_added, cap_added;
  bool doubt_old, doubt_new; /* a key twice on that side */
} jx_dcodes;

void jx_dcodes_init(jx_dcodes *x);
void jx_dcodes_free(jx_dcodes *x);
/* Pass 1: an old project.  jx_dcodes_seal() after the last: sorts, and
 * sets doubt_old when a key is there twice. */
void jx_dcodes_add(jx_dcodes *x, uint64_t key, uint64_t digest);
void jx_dcodes_seal(jx_dcodes *x);
/* Pass 2 starts (again: everything it marked is cleared). */
void jx_dcodes_restart(jx_dcodes *x);
/* Pass 2: a new project with this key.  Returns the old project it pairs
 * with, marked SEEN, or NULL when there is none (the key is listed as
 * added).  Either way a key met twice sets doubt_new. */
jx_dcode *jx_dcodes_meet(jx_dcodes *x, uint64_t key);
/* After pass 2: looks for repeats among the keys listed as added. */
void jx_dcodes_end_new(jx_dcodes *x);
/* Pass 3: whether the old project with this key is unchanged. */
bool jx_dcodes_unchanged(const jx_dcodes *x, uint64_t key);
size_t jx_dcodes_memory(const jx_dcodes *x);

/* ---- Units' bodies ------------------------------------------------------ */

/* The old side's digests, in the order its units were read: sorted once
 * the side is read, with one bit each, "unchanged in the new side", by
 * the unit's place in that order. */
typedef struct jx_dentry {
  uint32_t lo, hi; /* the digest: 4-byte aligned, 12 bytes an entry */
  uint32_t ord;    /* the unit's place in the old side */
} jx_dentry;

typedef struct jx_dindex {
  jx_dentry *v;
  size_t n, cap;
  uint64_t *marks; /* by ord */
  size_t n_ord;
  bool sorted;
} jx_dindex;

void jx_dindex_init(jx_dindex *x);
void jx_dindex_free(jx_dindex *x);
/* The next unit of the old side (ord: how many came before), with its
 * digest. */
void jx_dindex_add(jx_dindex *x, uint32_t ord, uint64_t digest);
/* Pass 2 starts again: no digest is marked. */
void jx_dindex_unmark(jx_dindex *x);
/* Whether an old unit has this digest; if so it is marked unchanged
 * (once: false the second time).  Sorts the index on the first call. */
bool jx_dindex_take(jx_dindex *x, uint64_t digest);
bool jx_dindex_marked(const jx_dindex *x, uint32_t ord);
/* The bytes it has allocated. */
size_t jx_dindex_memory(const jx_dindex *x);

#endif
