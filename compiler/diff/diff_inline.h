/*
 * diff_inline.h — the inline difference of two texts, as `jxc diff` shows
 * a changed goal, purpose or description: [-日常-]{+全部+}工作.
 *
 * Chinese has no spaces between words, so a word diff would see a whole
 * sentence as one word.  The texts are compared as tokens: a run of ASCII
 * letters and digits is one token (an English word or a number is not
 * torn apart), any other code point is one token by itself.
 */
#ifndef JX_DIFF_INLINE_H
#define JX_DIFF_INLINE_H

#include <stddef.h>

typedef enum jx_seg_op { JX_SEG_SAME, JX_SEG_DEL, JX_SEG_INS } jx_seg_op;

typedef struct jx_seg {
  jx_seg_op op;
  const char *text; /* into a (SAME, DEL) or b (INS); not NUL-terminated */
  size_t len;
} jx_seg;

/* Segments turning a into b along a longest common subsequence of their
 * tokens (Myers' O(ND) algorithm in linear space: time grows with the
 * texts' length times the number of tokens that differ, with no cap).
 * Between two common stretches the tokens of a that go are one deletion,
 * followed by the tokens of b that come as one insertion; adjacent
 * segments of one op are merged.  *similar (may be NULL) receives
 * 2·common/(|a|+|b|) in per mille, by bytes.  Returns the number of
 * segments written to *out (freed with free()). */
size_t jx_inline_diff(const char *a, const char *b, jx_seg **out, int *similar);

#endif
