/*
 * diff_render.h — printing what `jxc diff` found (diff_model.h): as text
 * for a terminal or a pager, Markdown for a review comment, or JSON for
 * programs.  Text and Markdown word their labels from the catalog, in the
 * language asked for; JSON's keys and names stay as documented
 * (docs/diff.md).
 */
#ifndef JX_DIFF_RENDER_H
#define JX_DIFF_RENDER_H

#include <stdbool.h>

#include "catalog.h"
#include "diff_types.h"
#include "out.h"

typedef enum jx_diff_format {
  JX_DIFF_FMT_TEXT,
  JX_DIFF_FMT_MD,
  JX_DIFF_FMT_JSON
} jx_diff_format;

typedef struct jx_diff_render_opts {
  jx_diff_format format;
  bool color;
  const char *old_name, *new_name; /* for headings: the sides' first paths */
  jx_lang lang; /* of the labels in text and Markdown (JSON's keys stay) */
} jx_diff_render_opts;

void jx_diff_render(jx_out *o, const jx_diff *df,
                    const jx_diff_render_opts *opt);

/* The names of the enums, as they appear in JSON. */
const char *jx_diff_what_name(jx_diff_what w);
const char *jx_diff_op_name(jx_diff_op op);
const char *jx_diff_verdict_name(jx_diff_verdict v);

#endif
