/*
 * diff_index.h — what `jxc diff` remembers of the old side's projects
 * between its passes (diff_stream.h): per project code, a 64-bit digest of
 * the project's meaning and one bit, "unchanged in the new side".
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
 * Layout (as the checker's code set, compiler/check/chk_set.c): entries in
 * one byte string (a varint length, the code, the digest, the bit), 64-bit
 * slots of 40 bits of offset and 24 of hash: ~45 bytes a project.
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
uint64_t jx_ddigest_project(jx_ddigest *g, const jx_unit *unit,
                            const jx_project *p, const jx_unit_info *currency);

typedef struct jx_dindex {
  unsigned char *bytes;
  size_t n_bytes, cap_bytes;
  uint64_t *slots;
  size_t cap, n;
} jx_dindex;

void jx_dindex_init(jx_dindex *x);
void jx_dindex_free(jx_dindex *x);
/* Adds code with its digest (a code already there keeps its first). */
void jx_dindex_add(jx_dindex *x, const char *code, uint64_t digest);
/* The entry of code: its digest and whether it was marked; NULL when the
 * old side has no such code.  Valid until the next add. */
unsigned char *jx_dindex_find(const jx_dindex *x, const char *code,
                              uint64_t *digest);
void jx_dindex_mark(unsigned char *entry);
bool jx_dindex_marked(const unsigned char *entry);
/* The bytes it has allocated. */
size_t jx_dindex_memory(const jx_dindex *x);

#endif
