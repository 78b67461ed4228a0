/*
 * diff_stream.h — `jxc diff` in memory bounded by what changed, not by the
 * size of the plans (issue 16).
 *
 * The sides are loaded (load.h, WHOLE mode) with a filter on their
 * projects, in three passes over the inputs, each streaming:
 *
 *   1. the old side: the key of each project's code and the digest of the
 *      project go into an index (diff_index.h); no project is kept;
 *   2. the new side: a project whose code's key is in the index and whose
 *      digest is its partner's is unchanged (the code is part of what is
 *      digested) — it is counted, its old partner marked, and it is not
 *      kept; every other project is;
 *   3. the old side again: every project is kept but those marked.
 *
 * What is left is the plans without their unchanged pairs, and
 * jx_diff_compute() matches and compares those exactly as it would the
 * whole plans: a pair dropped had matched by code (codes are unique on
 * each side of a diff, or it stops at the errors), so no other project's
 * match can depend on it, and the units, the department and the order of
 * what is kept are those of the whole plans.  jx_diff_stream_summary()
 * then adds back what was dropped: the counts, and the total budgets,
 * summed as the projects streamed past.
 *
 * Units' bodies (goals, measures, organisations) go the same way, by a
 * digest of the unit's code, name and body: one that did not change is
 * dropped on both sides, and the unit stays with its code and name, so
 * that it still matches and labels its projects.
 *
 * The checker's set of project codes (~40 bytes a code, for
 * code-duplicate) is not built in passes 1 and 2 when the side can be
 * read again (jx_load_job's trusted_codes): the index's keys see a code
 * twice on a side as well (diff_index.h).  jx_diff_stream_doubt() says,
 * after the pass, whether a key came twice; then, or when the side has
 * errors (whose report must be the checker's, code-duplicate and all),
 * the caller loads that side again with the set, and runs the pass
 * again: each pass starts afresh.
 *
 * Memory: the index (16 bytes a project of the old side, 12 a unit),
 * every unit's code and name, the department, and what changed on either
 * side.  Time: three loads, each linear, and a fourth and fifth only for
 * a side with errors.  Pass 3 reads the old inputs a second time, so it
 * needs them to be regular files; when one is not (standard input, a
 * pipe), jx_diff_stream_init(…, false) keeps everything in passes 1 and
 * 2, as before, and there is no pass 3.
 */
#ifndef JX_DIFF_STREAM_H
#define JX_DIFF_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "diff_index.h"
#include "diff_types.h"
#include "load.h"

typedef struct jx_diff_cursum {
  const jx_unit_info *currency;
  jx_decimal sum;
  bool ok;
} jx_diff_cursum;

typedef struct jx_diff_stream {
  bool bounded; /* the old side is read twice; only changes are kept */
  int pass;
  jx_ddigest digest;
  jx_dcodes codes; /* projects, by code */
  jx_dindex units; /* units' bodies */
  size_t n_old, n_new, unchanged;
  size_t n_old3;             /* pass 3's count so far */
  size_t n_units1, n_units3; /* units' bodies, in passes 1 and 3 */
  /* The total budgets: the old side's in the new side's currency (known
   * at pass 3), the new side's by currency until that is known. */
  const jx_unit_info *target;
  bool old_ok;
  jx_decimal old_sum;
  jx_diff_cursum *cur;
  size_t n_cur;
} jx_diff_stream;

void jx_diff_stream_init(jx_diff_stream *s, bool bounded);
void jx_diff_stream_free(jx_diff_stream *s);

/* Sets the filter of job for pass 1, 2 or 3; neu is the new side as pass 2
 * loaded it (pass 3 sums the old budgets in its currency). */
void jx_diff_stream_pass(jx_diff_stream *s, int pass, jx_load_job *job,
                         const jx_loaded_plan *neu);

/* After pass 1 or 2's load: whether a project code may be on that side
 * twice (without the checker's set of codes: see above). */
bool jx_diff_stream_doubt(jx_diff_stream *s, int pass);

/* After jx_diff_compute() on what the passes kept: the summary of the
 * whole plans. */
void jx_diff_stream_summary(const jx_diff_stream *s, jx_diff *df);

#endif
