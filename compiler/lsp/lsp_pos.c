/*
 * lsp_pos.c — see lsp_pos.h.
 */
#include "lsp_pos.h"

#include <stdlib.h>

#include "arena.h"

static void add_line(jx_lsp_lines *l, size_t at) {
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 64;
    l->start = jx_xrealloc(l->start, l->cap * sizeof *l->start);
  }
  l->start[l->n++] = at;
}

static void add_checkpoint(jx_lsp_lines *l, size_t off, size_t units) {
  if (l->n_ck == l->cap_ck) {
    l->cap_ck = l->cap_ck ? 2 * l->cap_ck : 64;
    l->ck = jx_xrealloc(l->ck, l->cap_ck * sizeof *l->ck);
  }
  l->ck[l->n_ck].off = off;
  l->ck[l->n_ck].units = units;
  l->n_ck++;
}

static size_t step(const char *s, size_t n, size_t i, size_t *units);

void jx_lsp_lines_build(jx_lsp_lines *l, const char *text, size_t len) {
  l->n = 0;
  add_line(l, 0);
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '\n')
      add_line(l, i + 1);
    else if (text[i] == '\r' && !(i + 1 < len && text[i + 1] == '\n'))
      add_line(l, i + 1);
  }
  /* Stepping from 0 as the scans below do, so every checkpoint (and
   * every line start: a line break is never part of a sequence) is a
   * boundary they would reach. */
  l->n_ck = 0;
  add_checkpoint(l, 0, 0);
  size_t units = 0, u, next = JX_LSP_CHECKPOINT;
  for (size_t i = 0; i < len;) {
    if (i >= next) {
      add_checkpoint(l, i, units);
      next = i + JX_LSP_CHECKPOINT;
    }
    i += step(text, len, i, &u);
    units += u;
  }
}

void jx_lsp_lines_free(jx_lsp_lines *l) {
  free(l->start);
  free(l->ck);
  l->start = NULL;
  l->ck = NULL;
  l->n = l->cap = l->n_ck = l->cap_ck = 0;
}

/* Bytes of the UTF-8 sequence a lead byte starts (1 for a stray byte). */
static size_t seq_len(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4)
    return 4;
  if (c >= 0xE0)
    return c <= 0xEF ? 3 : 1;
  if (c >= 0xC2)
    return 2;
  return 1;
}

/* One character at s[i] (i < n): its bytes and its UTF-16 units. */
static size_t step(const char *s, size_t n, size_t i, size_t *units) {
  size_t k = seq_len((unsigned char)s[i]);
  if (i + k > n)
    k = 1;
  for (size_t j = 1; j < k; j++)
    if (((unsigned char)s[i + j] & 0xC0) != 0x80) {
      k = 1;
      break;
    }
  *units = k == 4 ? 2 : 1;
  return k;
}

size_t jx_lsp_utf16_len(const char *s, size_t n) {
  size_t u = 0, units;
  for (size_t i = 0; i < n;) {
    i += step(s, n, i, &units);
    u += units;
  }
  return u;
}

/* The line holding byte off: the last start <= off. */
static size_t line_of(const jx_lsp_lines *l, size_t off) {
  size_t lo = 0, hi = l->n;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->start[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

/* UTF-16 units from `from` (a boundary) to the boundary at or before off. */
static size_t units_between(const char *text, size_t len, size_t from,
                            size_t off) {
  size_t units = 0, u;
  for (size_t i = from; i < off;) {
    size_t k = step(text, len, i, &u);
    if (i + k > off)
      break;
    units += u;
    i += k;
  }
  return units;
}

/* UTF-16 units of text[0..off), off a boundary or not (as above). */
static size_t units_to(const jx_lsp_lines *l, const char *text, size_t len,
                       size_t off) {
  size_t lo = 0, hi = l->n_ck;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->ck[mid].off <= off)
      lo = mid;
    else
      hi = mid;
  }
  return l->ck[lo].units + units_between(text, len, l->ck[lo].off, off);
}

jx_lsp_pos jx_lsp_pos_at(const jx_lsp_lines *l, const char *text, size_t len,
                         size_t off) {
  if (off > len)
    off = len;
  size_t line = line_of(l, off);
  size_t from = l->start[line], units;
  if (off - from <= 2 * JX_LSP_CHECKPOINT || l->n_ck == 0)
    units = units_between(text, len, from, off);
  else
    units = units_to(l, text, len, off) - units_to(l, text, len, from);
  jx_lsp_pos p = {(uint32_t)line, (uint32_t)units};
  return p;
}

size_t jx_lsp_offset_at(const jx_lsp_lines *l, const char *text, size_t len,
                        jx_lsp_pos p) {
  if (p.line >= l->n)
    return len;
  size_t i = l->start[p.line];
  size_t end = p.line + 1 < l->n ? l->start[p.line + 1] : len;
  /* Not past the line break. */
  while (end > i && (text[end - 1] == '\n' || text[end - 1] == '\r'))
    end--;
  size_t units = 0, u;
  while (i < end) {
    size_t k = step(text, len, i, &u);
    if (units + u > p.character)
      break;
    units += u;
    i += k;
  }
  return i;
}
