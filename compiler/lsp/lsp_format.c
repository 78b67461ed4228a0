/*
 * lsp_format.c — textDocument/formatting and rangeFormatting: `jxc fmt`
 * in process (fmt.h), its output turned into the few edits that make the
 * document so.
 *
 * The edits are the lines that differ: a longest common subsequence of
 * the lines between the common head and tail (dynamic programming while
 * that middle is at most a few million line pairs; past that, the middle
 * is one edit).  Range formatting formats the whole document, as fmt
 * needs, and keeps the edits that touch the lines of the range.  A
 * document with syntax errors is not formatted (no edits): fmt needs a
 * tree, and its diagnostics already say what is wrong.
 *
 * Keywords are written in the language the document mostly uses (fmt's
 * --zh when most keywords are Chinese), unless initializationOptions
 * .keywords says "en" or "zh", or else the jxc.ini above the document
 * does ([fmt] lang), as for `jxc fmt`; and a file without a header has
 * its categories respelt in jxc.ini's [plan] framework.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "fmt.h"
#include "lsp_impl.h"
#include "out.h"
#include "parse.h"
#include "parser.h"

/* ---- which keywords -------------------------------------------------------
 */

typedef struct tally {
  const char *text;
  long zh, en;
} tally;

static void count(void *ud, const jx_token *t) {
  tally *c = ud;
  if (t->kind < NA || t->kind > ROLE || !jx_loc_known(t->loc))
    return;
  if ((unsigned char)c->text[t->loc.offset] >= 0x80)
    c->zh++;
  else
    c->en++;
}

static void quiet(void *ud, const jx_diag_record *r) {
  (void)ud;
  (void)r;
}

static bool chinese_keywords(jx_lsp *s, const jx_lsp_doc *d,
                             const jx_config *cfg) {
  if (s->keywords >= 0)
    return s->keywords == 1;
  if (cfg && cfg->fmt_lang >= 0)
    return cfg->fmt_lang == 1;
  tally c = {d->text, 0, 0};
  jx_diag *dg = jx_diag_new();
  jx_diag_set_sink(dg, quiet, NULL);
  jx_diag_set_max_errors(dg, 0);
  uint32_t file = jx_diag_add_source(dg, d->path, d->text, d->len);
  jx_arena a;
  jx_arena_init(&a);
  jx_lex_mem(d->text, d->len, file, dg, &a, count, &c);
  jx_arena_free(&a);
  jx_diag_free(dg);
  return c.zh > c.en;
}

/* ---- lines and their differences ----------------------------------------- */

typedef struct lines {
  const char *text;
  size_t *at; /* n + 1 offsets: line i is [at[i], at[i+1]) */
  size_t n;
} lines;

static void split(lines *l, const char *text, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += text[i] == '\n';
  l->text = text;
  l->at = jx_xmalloc((n + 2) * sizeof *l->at);
  l->n = 0;
  l->at[0] = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n')
      l->at[++l->n] = i + 1;
  if (l->at[l->n] < len)
    l->at[++l->n] = len;
}

static bool same(const lines *a, size_t i, const lines *b, size_t j) {
  size_t n = a->at[i + 1] - a->at[i];
  return n == b->at[j + 1] - b->at[j] &&
         memcmp(a->text + a->at[i], b->text + b->at[j], n) == 0;
}

typedef struct edits {
  const jx_lsp_doc *d;
  const lines *old, *now;
  size_t first, last; /* range formatting: the old lines kept; else all */
  json_t *list;
} edits;

/* Old lines [a, b) become new lines [c, e). */
static void hunk(edits *e, size_t a, size_t b, size_t c, size_t f) {
  if (a == b && c == f)
    return;
  if (b < e->first || a > e->last + 1 || (a == b && a > e->last))
    return;
  size_t from = e->old->at[a], to = e->old->at[b];
  json_array_append_new(
      e->list, json_pack("{s:o,s:o}", "range",
                         jx_lsp_range(e->d, from, to - from), "newText",
                         jx_lsp_strn(e->now->text + e->now->at[c],
                                     e->now->at[f] - e->now->at[c])));
}

#define MAX_CELLS ((size_t)4 << 20)

static void diff(edits *e) {
  const lines *a = e->old, *b = e->now;
  size_t p = 0, q = 0;
  while (p < a->n && p < b->n && same(a, p, b, p))
    p++;
  while (q < a->n - p && q < b->n - p && same(a, a->n - 1 - q, b, b->n - 1 - q))
    q++;
  size_t m = a->n - p - q, n = b->n - p - q;
  if (m == 0 || n == 0 || (m + 1) * (n + 1) > MAX_CELLS) {
    hunk(e, p, p + m, p, p + n);
    return;
  }
  /* len[i][j]: the LCS of old lines p+i.. and new lines p+j.. */
  uint32_t *len = jx_xcalloc((m + 1) * (n + 1), sizeof *len);
#define L(i, j) len[(i) * (n + 1) + (j)]
  for (size_t i = m; i-- > 0;)
    for (size_t j = n; j-- > 0;)
      L(i, j) = same(a, p + i, b, p + j)     ? L(i + 1, j + 1) + 1
                : L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j)
                                             : L(i, j + 1);
  size_t i = 0, j = 0, hi = 0, hj = 0;
  while (i < m || j < n) {
    if (i < m && j < n && same(a, p + i, b, p + j)) {
      hunk(e, p + hi, p + i, p + hj, p + j);
      i++;
      j++;
      hi = i;
      hj = j;
    } else if (j < n && (i == m || L(i, j + 1) >= L(i + 1, j))) {
      j++;
    } else {
      i++;
    }
  }
  hunk(e, p + hi, p + m, p + hj, p + n);
#undef L
  free(len);
}

/* ---- the requests ------------------------------------------------------- */

static json_t *format(jx_lsp *s, jx_lsp_doc *d, size_t first, size_t last) {
  const jx_config *cfg = jx_lsp_config(s, d);
  bool zh = chinese_keywords(s, d, cfg);
  jx_diag *dg = jx_diag_new();
  jx_diag_set_sink(dg, quiet, NULL);
  uint32_t file = jx_diag_add_source(dg, d->path, d->text, d->len);
  jx_out out;
  jx_out_init_mem(&out);
  json_t *list = json_array();
  jx_fmt_input in = {d->text, d->len, NULL, file,
                     cfg && cfg->framework[0] ? cfg->framework : NULL};
  if (jx_fmt_in(&in, dg, zh, &out) == 0) {
    size_t n;
    const char *text = jx_out_data(&out, &n);
    lines a, b;
    split(&a, d->text, d->len);
    split(&b, text, n);
    edits e = {d, &a, &b, first, last, list};
    diff(&e);
    free(a.at);
    free(b.at);
  }
  jx_out_free(&out);
  jx_diag_free(dg);
  return list;
}

json_t *jx_lsp_formatting(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, NULL);
  return d ? format(s, d, 0, (size_t)-2) : NULL;
}

json_t *jx_lsp_range_formatting(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, NULL);
  size_t from, to;
  if (!d ||
      !jx_lsp_param_range(d, json_object_get(params, "range"), &from, &to))
    return NULL;
  /* The range's lines, counted by LF as the diff counts them. */
  size_t first = 0, last = 0;
  for (size_t i = 0; i < to && i < d->len; i++)
    if (d->text[i] == '\n') {
      if (i < from)
        first++;
      last++;
    }
  return format(s, d, first, last);
}
