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

/* ---- hunks, written as they close ------------------------------------- */

/* A line held for the hunk being built, or for the context before the
 * next one: its op, the lines of a and b before it, its bytes in text. */
typedef struct held {
  char op; /* ' ', '-', '+' */
  size_t ai, bi;
  size_t at, len;
} held;

struct jx_udiff {
  jx_out *o;
  char *name_a, *name_b;
  bool differ;   /* a line went or came: the headers are written */
  size_t ai, bi; /* lines of a and b before the next one */
  bool in_hunk;  /* held is a hunk; else the (at most CONTEXT) lines
                    before the next change */
  size_t trail;  /* unchanged lines at the end of the hunk */
  held *h;
  size_t nh, caph;
  char *text;
  size_t tn, tcap;
};

jx_udiff *jx_udiff_new(jx_out *o, const char *name_a, const char *name_b) {
  jx_udiff *u = jx_xcalloc(1, sizeof *u);
  u->o = o;
  size_t na = strlen(name_a) + 1, nb = strlen(name_b) + 1;
  u->name_a = jx_xmalloc(na);
  memcpy(u->name_a, name_a, na);
  u->name_b = jx_xmalloc(nb);
  memcpy(u->name_b, name_b, nb);
  return u;
}

static void hold(jx_udiff *u, char op, const char *line, size_t n) {
  if (u->nh == u->caph) {
    u->caph = u->caph ? 2 * u->caph : 64;
    u->h = jx_xrealloc(u->h, u->caph * sizeof *u->h);
  }
  if (u->tn + n > u->tcap) {
    while (u->tn + n > u->tcap)
      u->tcap = u->tcap ? 2 * u->tcap : 4096;
    u->text = jx_xrealloc(u->text, u->tcap);
  }
  memcpy(u->text + u->tn, line, n);
  u->h[u->nh++] = (held){op, u->ai, u->bi, u->tn, n};
  u->tn += n;
}

/* Keeps only the last k lines held, moved to the front. */
static void keep_last(jx_udiff *u, size_t k) {
  size_t from = u->nh - k, at = 0;
  for (size_t i = 0; i < k; i++) {
    held x = u->h[from + i];
    memmove(u->text + at, u->text + x.at, x.len);
    x.at = at;
    at += x.len;
    u->h[i] = x;
  }
  u->nh = k;
  u->tn = at;
}

static void put_line(jx_out *o, char op, const char *t, size_t n) {
  jx_out_write(o, &op, 1);
  jx_out_write(o, t, n);
  if (n == 0 || t[n - 1] != '\n') {
    static const char none[] = "\n\\ No newline at end of file\n";
    jx_out_write(o, none, sizeof none - 1);
  }
}

/* The first k lines held, as a hunk. */
static void write_hunk(jx_udiff *u, size_t k) {
  jx_out *o = u->o;
  size_t na = 0, nb = 0;
  for (size_t j = 0; j < k; j++) {
    na += u->h[j].op != '+';
    nb += u->h[j].op != '-';
  }
  size_t sa = u->h[0].ai + (na ? 1 : 0), sb = u->h[0].bi + (nb ? 1 : 0);
  char head[64];
  int w =
      snprintf(head, sizeof head, "@@ -%zu,%zu +%zu,%zu @@\n", sa, na, sb, nb);
  jx_out_write(o, head, (size_t)w);
  for (size_t j = 0; j < k; j++)
    put_line(o, u->h[j].op, u->text + u->h[j].at, u->h[j].len);
}

/* The next line of the edit script.  A hunk is a change and the next
 * ones closer than twice the context, with the context around them: it
 * closes at the 2 * CONTEXT-th unchanged line after its last change, and
 * the last CONTEXT of those open the next one. */
static void edit(jx_udiff *u, char op, const char *line, size_t n) {
  if (op == ' ' && !u->in_hunk) {
    if (u->nh == CONTEXT)
      keep_last(u, CONTEXT - 1);
    hold(u, op, line, n);
  } else if (op == ' ') {
    hold(u, op, line, n);
    if (++u->trail == 2 * CONTEXT) {
      write_hunk(u, u->nh - CONTEXT);
      keep_last(u, CONTEXT);
      u->in_hunk = false;
    }
  } else {
    if (!u->differ) {
      jx_out_write(u->o, "--- ", 4);
      jx_out_write(u->o, u->name_a, strlen(u->name_a));
      jx_out_write(u->o, "\n+++ ", 5);
      jx_out_write(u->o, u->name_b, strlen(u->name_b));
      jx_out_write(u->o, "\n", 1);
      u->differ = true;
    }
    if (u->in_hunk && u->tn > JX_UDIFF_HUNK_MAX) {
      write_hunk(u, u->nh); /* too long to hold: as it stands */
      u->nh = u->tn = 0;
    }
    u->in_hunk = true;
    u->trail = 0;
    hold(u, op, line, n);
  }
  u->ai += op != '+';
  u->bi += op != '-';
}

void jx_udiff_add(jx_udiff *u, const char *a, size_t an, const char *b,
                  size_t bn) {
  lines la, lb;
  split(a, an, &la);
  split(b, bn, &lb);
  if (an == bn && memcmp(a, b, an) == 0) {
    for (size_t k = 0; k < la.n; k++)
      edit(u, ' ', la.at[k], line_len(&la, k));
    free(la.at);
    free(lb.at);
    return;
  }
  char *ea, *eb;
  jx_seg *seg = NULL;
  size_t nseg = 0, ai = 0, bi = 0;
  if (encode(&la, &lb, &ea, &eb)) {
    nseg = jx_inline_diff(ea, eb, &seg, NULL);
    for (size_t s = 0; s < nseg; s++) {
      size_t k = count(seg[s].text, seg[s].len);
      char op = seg[s].op == JX_SEG_SAME  ? ' '
                : seg[s].op == JX_SEG_DEL ? '-'
                                          : '+';
      for (size_t j = 0; j < k; j++) {
        const lines *l = op == '+' ? &lb : &la;
        size_t at = op == '+' ? bi : ai;
        edit(u, op, l->at[at], line_len(l, at));
        ai += op != '+';
        bi += op != '-';
      }
    }
  } else { /* too many lines to number: all of a, all of b */
    for (size_t k = 0; k < la.n; k++)
      edit(u, '-', la.at[k], line_len(&la, k));
    for (size_t k = 0; k < lb.n; k++)
      edit(u, '+', lb.at[k], line_len(&lb, k));
  }
  free(seg);
  free(ea);
  free(eb);
  free(la.at);
  free(lb.at);
}

bool jx_udiff_end(jx_udiff *u) {
  if (u->in_hunk)
    write_hunk(u, u->nh - (u->trail > CONTEXT ? u->trail - CONTEXT : 0));
  bool differ = u->differ;
  free(u->h);
  free(u->text);
  free(u->name_a);
  free(u->name_b);
  free(u);
  return differ;
}

bool jx_unified_diff(jx_out *o, const char *a, size_t an, const char *b,
                     size_t bn, const char *name_a, const char *name_b) {
  if (an == bn && memcmp(a, b, an) == 0)
    return false;
  jx_udiff *u = jx_udiff_new(o, name_a, name_b);
  jx_udiff_add(u, a, an, b, bn);
  return jx_udiff_end(u);
}
