/*
 * diff_inline.c — see diff_inline.h.
 *
 * Myers, "An O(ND) Difference Algorithm and Its Variations" (1986), with
 * the linear-space refinement of its section 4b: find the middle snake of
 * an optimal edit path by searching from both ends at once, then solve the
 * two halves either side of it the same way.  Every call first sets aside
 * the common prefix and suffix; what is left then needs at least two edits
 * (with one, it is all prefix and suffix but a single token), so each half
 * needs fewer edits than the whole and the recursion ends, about log2(D)
 * deep.  Memory: the tokens and two arrays of n+m+3 positions.
 */
#include "diff_inline.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"

typedef struct tok {
  const char *p;
  size_t n;
} tok;

static bool ascii_word(unsigned char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
         (ch >= 'A' && ch <= 'Z');
}

static size_t tokenize(const char *s, size_t len, tok **out) {
  size_t n = 0;
  tok *t = jx_xmalloc((len + 1) * sizeof *t);
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < len;) {
    size_t k = 1;
    if (ascii_word(u[i])) {
      while (i + k < len && ascii_word(u[i + k]))
        k++;
    } else if (u[i] >= 0x80) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t r =
          utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
      if (r > 0) /* an ill-formed byte is a token by itself */
        k = (size_t)r;
    }
    t[n].p = s + i;
    t[n].n = k;
    n++;
    i += k;
  }
  *out = t;
  return n;
}

static bool tok_eq(const tok *a, const tok *b) {
  return a->n == b->n && memcmp(a->p, b->p, a->n) == 0;
}

typedef struct differ {
  const tok *a, *b;
  long *vf, *vb; /* furthest x on each diagonal, forward and backward */
  long off;      /* index of diagonal 0 in vf and vb */
  /* The segments so far, and how far into a and b they reach. */
  jx_seg *segs;
  size_t n_segs;
  size_t done_a, done_b;
  size_t common; /* bytes */
} differ;

static void push(differ *d, jx_seg_op op, const char *p, size_t n) {
  if (n == 0)
    return;
  jx_seg *last = d->n_segs ? &d->segs[d->n_segs - 1] : NULL;
  if (last && last->op == op && last->text + last->len == p) {
    last->len += n;
    return;
  }
  d->segs[d->n_segs].op = op;
  d->segs[d->n_segs].text = p;
  d->segs[d->n_segs].len = n;
  d->n_segs++;
}

/* The bytes tokens [from, to) of t cover. */
static size_t span(const tok *t, size_t from, size_t to) {
  return from < to ? (size_t)(t[to - 1].p + t[to - 1].n - t[from].p) : 0;
}

/* Tokens a[i..i+len) and b[j..j+len) are common: what of a and b lies
 * before them goes as one deletion and one insertion. */
static void common_run(differ *d, size_t i, size_t j, size_t len) {
  if (i > d->done_a)
    push(d, JX_SEG_DEL, d->a[d->done_a].p, span(d->a, d->done_a, i));
  if (j > d->done_b)
    push(d, JX_SEG_INS, d->b[d->done_b].p, span(d->b, d->done_b, j));
  size_t n = span(d->a, i, i + len);
  if (n)
    push(d, JX_SEG_SAME, d->a[i].p, n);
  d->common += n;
  d->done_a = i + len;
  d->done_b = j + len;
}

typedef struct snake {
  long x, y, u, v; /* from (x, y) to (u, v): a[x..u) matches b[y..v) */
} snake;

/* The middle snake of an optimal path from (x0, y0) to (x0+n, y0+m),
 * in coordinates relative to (x0, y0).  The caller has removed the
 * common prefix and suffix, so n, m > 0. */
static snake middle(const differ *d, size_t x0, size_t y0, long n, long m) {
  const tok *a = d->a + x0, *b = d->b + y0;
  long *vf = d->vf + d->off, *vb = d->vb + d->off;
  long delta = n - m;
  bool odd = delta & 1;
  long max = (n + m + 1) / 2;
  vf[1] = 0;
  vb[1] = 0;
  for (long e = 0; e <= max; e++) {
    /* Forward: e edits from the start. */
    for (long k = -e; k <= e; k += 2) {
      long x = k == -e || (k != e && vf[k - 1] < vf[k + 1]) ? vf[k + 1]
                                                            : vf[k - 1] + 1;
      long y = x - k, sx = x, sy = y;
      while (x < n && y < m && tok_eq(&a[x], &b[y]))
        x++, y++;
      vf[k] = x;
      /* Meets a backward path of e-1 edits on the same diagonal? */
      long kb = delta - k;
      if (odd && kb >= -(e - 1) && kb <= e - 1 && vf[k] + vb[kb] >= n) {
        snake s = {sx, sy, x, y};
        return s;
      }
    }
    /* Backward: e edits from the end, in coordinates counted from it. */
    for (long k = -e; k <= e; k += 2) {
      long x = k == -e || (k != e && vb[k - 1] < vb[k + 1]) ? vb[k + 1]
                                                            : vb[k - 1] + 1;
      long y = x - k, sx = x, sy = y;
      while (x < n && y < m && tok_eq(&a[n - 1 - x], &b[m - 1 - y]))
        x++, y++;
      vb[k] = x;
      long kf = delta - k;
      if (!odd && kf >= -e && kf <= e && vf[kf] + vb[k] >= n) {
        snake s = {n - x, m - y, n - sx, m - sy};
        return s;
      }
    }
  }
  /* Not reached: a path of at most n+m edits always exists. */
  snake s = {0, 0, 0, 0};
  return s;
}

/* The common subsequence of a[i0..i1) and b[j0..j1), in order. */
static void compare(differ *d, size_t i0, size_t i1, size_t j0, size_t j1) {
  size_t pre = 0;
  while (i0 + pre < i1 && j0 + pre < j1 &&
         tok_eq(&d->a[i0 + pre], &d->b[j0 + pre]))
    pre++;
  if (pre)
    common_run(d, i0, j0, pre);
  i0 += pre;
  j0 += pre;
  size_t suf = 0;
  while (i1 - suf > i0 && j1 - suf > j0 &&
         tok_eq(&d->a[i1 - 1 - suf], &d->b[j1 - 1 - suf]))
    suf++;
  i1 -= suf;
  j1 -= suf;
  if (i0 < i1 && j0 < j1) {
    snake s = middle(d, i0, j0, (long)(i1 - i0), (long)(j1 - j0));
    compare(d, i0, i0 + (size_t)s.x, j0, j0 + (size_t)s.y);
    if (s.u > s.x)
      common_run(d, i0 + (size_t)s.x, j0 + (size_t)s.y, (size_t)(s.u - s.x));
    compare(d, i0 + (size_t)s.u, i1, j0 + (size_t)s.v, j1);
  }
  if (suf)
    common_run(d, i1, j1, suf);
}

size_t jx_inline_diff(const char *a, const char *b, jx_seg **out,
                      int *similar) {
  size_t la = strlen(a), lb = strlen(b);
  tok *ta, *tb;
  size_t na = tokenize(a, la, &ta), nb = tokenize(b, lb, &tb);
  differ d;
  memset(&d, 0, sizeof d);
  d.a = ta;
  d.b = tb;
  /* Diagonals -max-1 .. max+1 of the largest call, the first. */
  size_t max = (na + nb + 1) / 2;
  d.off = (long)max + 1;
  d.vf = jx_xmalloc((2 * max + 3) * sizeof *d.vf);
  d.vb = jx_xmalloc((2 * max + 3) * sizeof *d.vb);
  /* Each common run adds at most three segments, and there are at most
   * min(na, nb) + 1 of them plus the tail. */
  d.segs = jx_xmalloc((2 * (na < nb ? na : nb) + na + nb + 4) * sizeof *d.segs);
  compare(&d, 0, na, 0, nb);
  common_run(&d, na, nb, 0); /* what is left of both after the last */
  if (similar)
    *similar = la + lb ? (int)(d.common * 2000 / (la + lb)) : 1000;
  free(d.vf);
  free(d.vb);
  free(ta);
  free(tb);
  *out = d.segs;
  return d.n_segs;
}
