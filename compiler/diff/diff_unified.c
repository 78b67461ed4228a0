/*
 * diff_unified.c — see diff_unified.h.  The lines are compared with the
 * Myers diff jxc diff already has (diff_inline.c): each distinct line is
 * numbered and spelt as one private-use code point, which that diff takes
 * as one token, so its segments are runs of whole lines.  Past the
 * 137,466 distinct lines the private-use planes hold, the whole file is
 * one hunk.
 */
#include "diff_unified.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diff_inline.h"
#include "strmap.h"

enum { CONTEXT = 3 };

typedef struct lines {
  const char **at; /* each line's start; its end is the next one's */
  size_t n;
  const char *end;
} lines;

static void split(const char *t, size_t n, lines *l) {
  size_t cap = 16;
  l->at = jx_xmalloc((cap + 1) * sizeof *l->at);
  l->n = 0;
  for (size_t i = 0; i < n;) {
    if (l->n == cap) {
      cap *= 2;
      l->at = jx_xrealloc(l->at, (cap + 1) * sizeof *l->at);
    }
    l->at[l->n++] = t + i;
    const char *nl = memchr(t + i, '\n', n - i);
    i = nl ? (size_t)(nl - t) + 1 : n;
  }
  l->end = t + n;
  l->at[l->n] = l->end;
}

static size_t line_len(const lines *l, size_t k) {
  return (size_t)(l->at[k + 1] - l->at[k]);
}

/* The k-th distinct line as a private-use code point, in UTF-8; false
 * past the last one. */
static bool spell(size_t k, char *b, size_t *n) {
  unsigned long cp;
  if (k < 6400)
    cp = 0xE000 + k;
  else if (k < 6400 + 65534)
    cp = 0xF0000 + (k - 6400);
  else if (k < 6400 + 2 * 65534)
    cp = 0x100000 + (k - 6400 - 65534);
  else
    return false;
  if (cp < 0x10000) {
    b[0] = (char)(0xE0 | (cp >> 12));
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    *n = 3;
  } else {
    b[0] = (char)(0xF0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    *n = 4;
  }
  return true;
}

/* Both texts' lines spelt as code points, numbered together. */
static bool encode(const lines *a, const lines *b, char **ea, char **eb) {
  jx_strmap *m = jx_strmap_new(a->n + b->n);
  char **keys = jx_xmalloc((a->n + b->n + 1) * sizeof *keys);
  size_t nk = 0, next = 0;
  bool ok = true;
  const lines *side[2] = {a, b};
  char **enc[2] = {ea, eb};
  for (int s = 0; s < 2; s++) {
    const lines *l = side[s];
    char *e = jx_xmalloc(l->n * 4 + 1);
    size_t en = 0;
    for (size_t k = 0; k < l->n && ok; k++) {
      size_t n = line_len(l, k);
      char *key = jx_xmalloc(n + 1);
      memcpy(key, l->at[k], n);
      key[n] = '\0';
      size_t id = memchr(key, '\0', n) ? SIZE_MAX : jx_strmap_get(m, key);
      if (id == SIZE_MAX) {
        id = next++;
        jx_strmap_add(m, key, id);
        keys[nk++] = key;
      } else {
        free(key);
      }
      size_t w;
      ok = spell(id, e + en, &w);
      en += ok ? w : 0;
      if (nk == a->n + b->n + 1)
        break;
    }
    e[en] = '\0';
    *enc[s] = e;
  }
  jx_strmap_free(m);
  for (size_t i = 0; i < nk; i++)
    free(keys[i]);
  free(keys);
  return ok;
}

/* UTF-8 code points in n bytes. */
static size_t count(const char *t, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)t[i] & 0xC0) != 0x80;
  return c;
}

typedef struct edit {
  char op;       /* ' ', '-', '+' */
  size_t ai, bi; /* lines of a and b before this one */
} edit;

static void put_line(jx_out *o, char op, const lines *l, size_t k) {
  size_t n = line_len(l, k);
  jx_out_write(o, &op, 1);
  jx_out_write(o, l->at[k], n);
  if (n == 0 || l->at[k][n - 1] != '\n') {
    static const char none[] = "\n\\ No newline at end of file\n";
    jx_out_write(o, none, sizeof none - 1);
  }
}

bool jx_unified_diff(jx_out *o, const char *a, size_t an, const char *b,
                     size_t bn, const char *name_a, const char *name_b) {
  if (an == bn && memcmp(a, b, an) == 0)
    return false;
  lines la, lb;
  split(a, an, &la);
  split(b, bn, &lb);
  edit *e = jx_xmalloc((la.n + lb.n + 1) * sizeof *e);
  size_t ne = 0, ai = 0, bi = 0;
  char *ea, *eb;
  jx_seg *seg = NULL;
  size_t nseg = 0;
  if (encode(&la, &lb, &ea, &eb))
    nseg = jx_inline_diff(ea, eb, &seg, NULL);
  else
    ai = bi = SIZE_MAX; /* too many lines to number: all of a, all of b */
  for (size_t s = 0; s < nseg; s++) {
    size_t k = count(seg[s].text, seg[s].len);
    char op = seg[s].op == JX_SEG_SAME  ? ' '
              : seg[s].op == JX_SEG_DEL ? '-'
                                        : '+';
    for (size_t j = 0; j < k; j++) {
      e[ne].op = op;
      e[ne].ai = ai;
      e[ne].bi = bi;
      ne++;
      ai += op != '+';
      bi += op != '-';
    }
  }
  if (ai == SIZE_MAX) {
    ne = 0;
    for (size_t k = 0; k < la.n; k++)
      e[ne++] = (edit){'-', k, 0};
    for (size_t k = 0; k < lb.n; k++)
      e[ne++] = (edit){'+', la.n, k};
  }
  free(seg);
  free(ea);
  free(eb);
  char head[64];
  jx_out_write(o, "--- ", 4);
  jx_out_write(o, name_a, strlen(name_a));
  jx_out_write(o, "\n+++ ", 5);
  jx_out_write(o, name_b, strlen(name_b));
  jx_out_write(o, "\n", 1);
  for (size_t i = 0; i < ne;) {
    if (e[i].op == ' ') {
      i++;
      continue;
    }
    /* A hunk: this change, and the next ones closer than twice the
     * context, with the context around them. */
    size_t first = i, last = i;
    for (size_t j = i + 1; j < ne && j <= last + 2 * CONTEXT; j++)
      if (e[j].op != ' ')
        last = j;
    size_t from = first > CONTEXT ? first - CONTEXT : 0;
    size_t to = last + CONTEXT + 1 < ne ? last + CONTEXT + 1 : ne;
    size_t na = 0, nb = 0;
    for (size_t j = from; j < to; j++) {
      na += e[j].op != '+';
      nb += e[j].op != '-';
    }
    size_t sa = e[from].ai + (na ? 1 : 0), sb = e[from].bi + (nb ? 1 : 0);
    int k = snprintf(head, sizeof head, "@@ -%zu,%zu +%zu,%zu @@\n", sa, na, sb,
                     nb);
    jx_out_write(o, head, (size_t)k);
    for (size_t j = from; j < to; j++)
      put_line(o, e[j].op, e[j].op == '+' ? &lb : &la,
               e[j].op == '+' ? e[j].bi : e[j].ai);
    i = to;
  }
  free(e);
  free(la.at);
  free(lb.at);
  return true;
}
