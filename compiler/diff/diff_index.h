/*
 * diff_index.h — what `jxc diff` remembers of the old side's projects
 * between its passes (diff_stream.h): per project with a code, a 64-bit
 * digest of the project's meaning and one bit, "unchanged in the new
 * side".
 *
 * The digest is SipHash-2-4 under a key drawn at random for each run, of
 * the project as `build -f json --compact` writes it (every field of the
 * model, lines left out, so that an edit above a project does not make it
 * "changed"), its unit's key and the currency its amounts are in.  Two
 * projects whose digests agree are taken to be the same without being
 * compared: with a secret random key SipHash is a pseudorandom function,
 * so an input cannot be written to collide, and two different projects
 * agree with probability 2^-64 — across the ~10^7 comparisons of a
 * national plan, below 10^-12.  A project that differs is always compared
 * field by field (diff_model.h), so a collision could only hide a change,
 * never invent one.
 *
 * The index is the digests alone — the code is in the JSON, and codes are
 * unique on each side — sorted and searched by halves: 12 bytes and a bit
 * a project of the old side.
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
void jx_ddigest_free(jx_ddigest *g);
/* A unit's code, name and body (goals, measures, organisations). */
uint64_t jx_ddigest_unit(jx_ddigest *g, const jx_unit *u);
uint64_t jx_ddigest_project(jx_ddigest *g, const jx_unit *unit,
                            const jx_project *p, const jx_unit_info *currency);

/* The old side's digests, in the order its projects were read: sorted
 * once the side is read, with one bit each, "unchanged in the new side",
 * by the project's place in that order. */
typedef struct jx_dentry {
  uint32_t lo, hi; /* the digest: 4-byte aligned, 12 bytes an entry */
  uint32_t ord;    /* the project's place in the old side */
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
/* The next project of the old side (ord: how many came before), with its
 * digest. */
void jx_dindex_add(jx_dindex *x, uint32_t ord, uint64_t digest);
/* Whether an old project has this digest; if so it is marked unchanged
 * (once: false the second time).  Sorts the index on the first call. */
bool jx_dindex_take(jx_dindex *x, uint64_t digest);
bool jx_dindex_marked(const jx_dindex *x, uint32_t ord);
/* The bytes it has allocated. */
size_t jx_dindex_memory(const jx_dindex *x);

#endif
