/*
 * grid.c — the cell grid that every reader fills (import_impl.h), the
 * names of places (表1!C7), and the text helpers the recognisers share.
 *
 * Readers add cells in any order; jx_im_book_finish sorts them once and
 * indexes the rows, so a look-up is a binary search within one row.  Only
 * non-empty cells are stored: a sheet of a million blank rows costs
 * nothing, and the limits in import_impl.h bound what a hostile file can
 * make us hold.
 */
#include "import_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

void jx_im_book_init(im_book *b, const char *path, im_source_kind kind) {
  memset(b, 0, sizeof *b);
  jx_arena_init(&b->arena);
  b->path = path;
  b->kind = kind;
}

void jx_im_book_free(im_book *b) {
  for (size_t i = 0; i < b->n_sheets; i++) {
    free(b->sheets[i].cells);
    free(b->sheets[i].merges);
    free(b->sheets[i].row_at);
    free(b->sheets[i].mcol_at);
    free(b->sheets[i].mcol);
  }
  free(b->sheets);
  jx_arena_free(&b->arena);
}

static int fail_v(im_book *b, jx_diag_id id, bool has_err, int err,
                  va_list ap) {
  if (b->failed)
    return -1;
  b->failed = true;
  b->fail_id = id;
  b->fail_has_err = has_err;
  b->fail_err = err;
  b->fail_n = 0;
  const char *a;
  while (b->fail_n < 4 && (a = va_arg(ap, const char *)) != NULL)
    snprintf(b->fail_args[b->fail_n++], sizeof b->fail_args[0], "%s", a);
  return -1;
}

int jx_im_fail(im_book *b, jx_diag_id id, ...) {
  va_list ap;
  va_start(ap, id);
  int rc = fail_v(b, id, false, 0, ap);
  va_end(ap);
  return rc;
}

int jx_im_fail_errno(im_book *b, jx_diag_id id, int err, ...) {
  va_list ap;
  va_start(ap, err);
  int rc = fail_v(b, id, true, err, ap);
  va_end(ap);
  return rc;
}

void jx_im_report_failure(const im_book *b, jx_diag *d) {
  const char *p = b->path;
  const char(*a)[128] = b->fail_args;
  jx_loc none = {0};
  /* The arguments as the message's format takes them: the name, the
   * strings, then the errno value if it has one. */
  if (!b->fail_has_err)
    jx_diag_report(d, b->fail_id, none, p, a[0], a[1], a[2], a[3]);
  else if (b->fail_n == 0)
    jx_diag_report(d, b->fail_id, none, p, b->fail_err);
  else if (b->fail_n == 1)
    jx_diag_report(d, b->fail_id, none, p, a[0], b->fail_err);
  else
    jx_diag_report(d, b->fail_id, none, p, a[0], a[1], b->fail_err);
}

const char *jx_im_num(char buf[24], unsigned long long v) {
  snprintf(buf, 24, "%llu", v);
  return buf;
}

im_sheet *jx_im_add_sheet(im_book *b, const char *name, size_t n) {
  if (b->n_sheets >= JX_IM_MAX_SHEETS) {
    char max[24];
    jx_im_fail(b, JX_E_IMPORT_BIG_SHEETS, jx_im_num(max, JX_IM_MAX_SHEETS),
               NULL);
    return NULL;
  }
  if (b->n_sheets == b->cap_sheets) {
    b->cap_sheets = b->cap_sheets ? 2 * b->cap_sheets : 4;
    b->sheets = jx_xrealloc(b->sheets, b->cap_sheets * sizeof *b->sheets);
  }
  im_sheet *s = &b->sheets[b->n_sheets++];
  memset(s, 0, sizeof *s);
  s->name = jx_arena_strndup(&b->arena, name, n);
  return s;
}

im_cell *jx_im_put(im_book *b, im_sheet *s, uint32_t row, uint32_t col,
                   im_kind kind, const char *text, size_t n) {
  if (b->failed)
    return NULL;
  if (n == 0)
    return NULL;
  if (row == 0 || col == 0 || row > JX_IM_MAX_ROWS || col > JX_IM_MAX_COLS) {
    char r[24], c[24], mr[24], mc[24];
    jx_im_fail(b, JX_E_IMPORT_BIG_PLACE, jx_im_num(r, row), jx_im_num(c, col),
               jx_im_num(mr, JX_IM_MAX_ROWS), jx_im_num(mc, JX_IM_MAX_COLS),
               NULL);
    return NULL;
  }
  if (b->cells >= JX_IM_MAX_CELLS) {
    char m[24];
    jx_im_fail(b, JX_E_IMPORT_BIG_CELLS, jx_im_num(m, JX_IM_MAX_CELLS), NULL);
    return NULL;
  }
  if (n > JX_IM_MAX_TEXT - b->bytes) {
    char m[24];
    jx_im_fail(b, JX_E_IMPORT_BIG_TEXT, jx_im_num(m, JX_IM_MAX_TEXT >> 20),
               NULL);
    return NULL;
  }
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    s->cells = jx_xrealloc(s->cells, s->cap * sizeof *s->cells);
  }
  im_cell *c = &s->cells[s->n++];
  memset(c, 0, sizeof *c);
  c->row = row;
  c->col = col;
  c->kind = kind;
  c->text = jx_arena_strndup(&b->arena, text, n);
  b->cells++;
  b->bytes += n;
  if (row > s->rows)
    s->rows = row;
  if (col > s->cols)
    s->cols = col;
  return c;
}

int jx_im_merge(im_book *b, im_sheet *s, uint32_t r1, uint32_t c1, uint32_t r2,
                uint32_t c2) {
  if (r1 == 0 || c1 == 0 || r2 < r1 || c2 < c1 || r2 > JX_IM_MAX_ROWS ||
      c2 > JX_IM_MAX_COLS)
    return 0; /* a malformed range merges nothing */
  char max[24];
  if (s->n_merges >= JX_IM_MAX_CELLS)
    return jx_im_fail(b, JX_E_IMPORT_BIG_MERGES,
                      jx_im_num(max, JX_IM_MAX_CELLS), NULL);
  if (s->n_merges == s->cap_merges) {
    s->cap_merges = s->cap_merges ? 2 * s->cap_merges : 16;
    s->merges = jx_xrealloc(s->merges, s->cap_merges * sizeof *s->merges);
  }
  im_merge m = {r1, c1, r2, c2};
  s->merges[s->n_merges++] = m;
  return 0;
}

static int cell_order(const void *a, const void *b) {
  const im_cell *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

static int merge_order(const void *a, const void *b) {
  const im_merge *x = *(const im_merge *const *)a,
                 *y = *(const im_merge *const *)b;
  return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

/* The merged ranges by column (im_sheet.mcol). */
static int index_merges(im_book *b, im_sheet *s) {
  size_t total = 0;
  uint32_t cols = 0;
  for (size_t m = 0; m < s->n_merges; m++) {
    total += s->merges[m].c2 - s->merges[m].c1 + 1;
    cols = s->merges[m].c2 > cols ? s->merges[m].c2 : cols;
  }
  char max[24];
  if (total > JX_IM_MAX_CELLS)
    return jx_im_fail(b, JX_E_IMPORT_BIG_MERGED, s->name,
                      jx_im_num(max, JX_IM_MAX_CELLS), NULL);
  s->mcols = cols;
  s->mcol_at = jx_xcalloc((size_t)cols + 2, sizeof *s->mcol_at);
  s->mcol = jx_xcalloc(total + 1, sizeof *s->mcol);
  for (size_t m = 0; m < s->n_merges; m++)
    for (uint32_t c = s->merges[m].c1; c <= s->merges[m].c2; c++)
      s->mcol_at[c + 1]++;
  for (uint32_t c = 1; c <= cols + 1; c++)
    s->mcol_at[c] += s->mcol_at[c - 1];
  size_t *fill = jx_xcalloc((size_t)cols + 2, sizeof *fill);
  for (size_t m = 0; m < s->n_merges; m++)
    for (uint32_t c = s->merges[m].c1; c <= s->merges[m].c2; c++)
      s->mcol[s->mcol_at[c] + fill[c]++] = &s->merges[m];
  free(fill);
  for (uint32_t c = 1; c <= cols; c++)
    if (s->mcol_at[c + 1] - s->mcol_at[c] > 1)
      qsort(s->mcol + s->mcol_at[c], s->mcol_at[c + 1] - s->mcol_at[c],
            sizeof *s->mcol, merge_order);
  return 0;
}

int jx_im_book_finish(im_book *b) {
  for (size_t i = 0; i < b->n_sheets; i++) {
    im_sheet *s = &b->sheets[i];
    if (s->n)
      qsort(s->cells, s->n, sizeof *s->cells, cell_order);
    /* A cell written twice (a hostile file) keeps its last value. */
    size_t k = 0;
    for (size_t j = 0; j < s->n; j++) {
      if (k > 0 && s->cells[k - 1].row == s->cells[j].row &&
          s->cells[k - 1].col == s->cells[j].col)
        k--;
      s->cells[k++] = s->cells[j];
    }
    s->n = k;
    s->row_at = jx_xcalloc((size_t)s->rows + 2, sizeof *s->row_at);
    size_t j = 0;
    for (uint32_t r = 0; r <= s->rows + 1; r++) {
      while (j < s->n && s->cells[j].row < r)
        j++;
      s->row_at[r] = j;
    }
    for (size_t m = 0; m < s->n_merges; m++) {
      const im_merge *g = &s->merges[m];
      im_cell *c = jx_im_at(s, g->r1, g->c1);
      if (c) {
        c->span_rows = g->r2 - g->r1 + 1;
        c->span_cols = g->c2 - g->c1 + 1;
      }
    }
    if (index_merges(b, s) != 0)
      return -1;
  }
  return 0;
}

im_cell *jx_im_row(const im_sheet *s, uint32_t row, size_t *n) {
  if (!s->row_at || row == 0 || row > s->rows) {
    *n = 0;
    return NULL;
  }
  *n = s->row_at[row + 1] - s->row_at[row];
  return s->cells + s->row_at[row];
}

im_cell *jx_im_at(const im_sheet *s, uint32_t row, uint32_t col) {
  size_t n;
  im_cell *c = jx_im_row(s, row, &n);
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c[mid].col == col)
      return &c[mid];
    if (c[mid].col < col)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

im_cell *jx_im_value(const im_sheet *s, uint32_t row, uint32_t col) {
  im_cell *c = jx_im_at(s, row, col);
  if (c || !s->mcol_at || col == 0 || col > s->mcols)
    return c;
  /* the last range in this column starting at or above the row (Excel's
   * merged ranges do not overlap; a file whose ranges do gets one of
   * them) */
  const im_merge *const *m = s->mcol + s->mcol_at[col];
  size_t lo = 0, hi = s->mcol_at[col + 1] - s->mcol_at[col];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid]->r1 <= row)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0 || m[lo - 1]->r2 < row)
    return NULL;
  return jx_im_at(s, m[lo - 1]->r1, m[lo - 1]->c1);
}

void jx_im_cell_name(uint32_t row, uint32_t col, char *buf) {
  char letters[8];
  int n = 0;
  for (uint32_t c = col; c > 0 && n < 7; c = (c - 1) / 26)
    letters[n++] = (char)('A' + (c - 1) % 26);
  int k = 0;
  while (n > 0)
    buf[k++] = letters[--n];
  snprintf(buf + k, 12, "%lu", (unsigned long)row);
}

uint32_t jx_im_col_from_name(const char *s) {
  uint32_t col = 0;
  size_t i = 0;
  for (; s[i]; i++) {
    char c = s[i];
    if (c >= 'a' && c <= 'z')
      c = (char)(c - 'a' + 'A');
    if (c < 'A' || c > 'Z' || i >= 3)
      return 0;
    col = col * 26 + (uint32_t)(c - 'A' + 1);
  }
  return i > 0 && col <= JX_IM_MAX_COLS ? col : 0;
}

/* Excel quotes a sheet name with anything but letters, digits, _ and .
 * (Chinese names need no quotes). */
static bool needs_quotes(const char *name) {
  for (const char *p = name; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                      (c >= 'a' && c <= 'z') || c == '_' || c == '.'))
      return true;
  }
  return !*name;
}

void jx_im_place(const im_book *b, const im_src *s, jx_lang lang,
                 jx_strbuf *out) {
  char cell[24];
  if (b->kind == IM_SRC_TEXT) {
    jx_msg_printf(out, lang, JX_M_IM_LINE, (unsigned long)s->loc.line);
    return;
  }
  jx_im_cell_name(s->row, s->col, cell);
  if (b->kind == IM_SRC_SHEET && s->sheet < b->n_sheets) {
    const char *name = b->sheets[s->sheet].name;
    if (needs_quotes(name)) {
      jx_sb_puts(out, "'");
      for (const char *p = name; *p; p++) {
        jx_sb_add(out, p, 1);
        if (*p == '\'') /* doubled, as Excel writes it */
          jx_sb_add(out, p, 1);
      }
      jx_sb_puts(out, "'");
    } else {
      jx_sb_puts(out, name);
    }
    jx_sb_puts(out, "!");
  }
  jx_sb_puts(out, cell);
}

/* ---- text helpers -------------------------------------------------------- */

char *jx_im_key(jx_arena *a, const char *s) {
  utf8proc_uint8_t *norm = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &norm,
                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                        UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  const char *src = n >= 0 ? (const char *)norm : s;
  size_t len = n >= 0 ? (size_t)n : strlen(s);
  char *out = jx_arena_alloc(a, len + 1);
  size_t k = 0;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)src + i,
                                             (utf8proc_ssize_t)(len - i), &cp);
    if (step <= 0) {
      i++;
      continue;
    }
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                 prop->category == UTF8PROC_CATEGORY_ZS;
    if (!space) {
      memcpy(out + k, src + i, (size_t)step);
      k += (size_t)step;
    }
    i += (size_t)step;
  }
  out[k] = '\0';
  free(norm);
  return out;
}

static size_t space_len(const char *s, size_t n) {
  if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'))
    return 1;
  if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) /* U+3000 */
    return 3;
  if (n >= 2 && memcmp(s, "\xC2\xA0", 2) == 0) /* no-break space */
    return 2;
  return 0;
}

static size_t space_before(const char *s, size_t n) {
  if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r'))
    return 1;
  if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
    return 3;
  if (n >= 2 && memcmp(s + n - 2, "\xC2\xA0", 2) == 0)
    return 2;
  return 0;
}

char *jx_im_clean(jx_arena *a, const char *s, size_t n, bool *dropped) {
  size_t k;
  while ((k = space_len(s, n)) > 0)
    s += k, n -= k;
  while ((k = space_before(s, n)) > 0)
    n -= k;
  char *out = jx_arena_alloc(a, n + 1);
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\r') {
      if (i + 1 < n && s[i + 1] == '\n')
        continue;
      out[o++] = '\n';
      continue;
    }
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      if (dropped)
        *dropped = true;
      continue;
    }
    out[o++] = (char)c;
  }
  out[o] = '\0';
  return out;
}

bool jx_im_utf8_valid(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0)
      return false;
    i += (size_t)k;
  }
  return true;
}

void jx_im_shortest(double v, char *buf, size_t bufsz) {
  char e[40];
  if (v != v || v > 1e300 || v < -1e300) { /* NaN, infinities */
    snprintf(buf, bufsz, "%s", v != v ? "NaN" : v > 0 ? "Inf" : "-Inf");
    return;
  }
  /* The fewest significant digits that read back as the same double. */
  for (int p = 1; p <= 17; p++) {
    snprintf(e, sizeof e, "%.*e", p - 1, v);
    if (strtod(e, NULL) == v)
      break;
  }
  /* d.ddddde±X into plain notation. */
  const char *m = e;
  bool neg = *m == '-';
  if (neg)
    m++;
  char digits[24];
  size_t nd = 0;
  for (; *m && *m != 'e'; m++)
    if (*m >= '0' && *m <= '9' && nd < sizeof digits - 1)
      digits[nd++] = *m;
  digits[nd] = '\0';
  long x = *m == 'e' ? strtol(m + 1, NULL, 10) : 0;
  while (nd > 1 && digits[nd - 1] == '0')
    digits[--nd] = '\0';
  if (x > 40 || x < -40 || bufsz < 100) { /* leave it to %g */
    snprintf(buf, bufsz, "%.17g", v);
    return;
  }
  size_t o = 0;
  if (neg && !(nd == 1 && digits[0] == '0'))
    buf[o++] = '-';
  long point = x + 1; /* digits before the decimal point */
  if (point <= 0) {
    buf[o++] = '0';
    buf[o++] = '.';
    for (long i = 0; i < -point; i++)
      buf[o++] = '0';
    for (size_t i = 0; i < nd; i++)
      buf[o++] = digits[i];
  } else {
    for (long i = 0; i < point; i++)
      buf[o++] = (size_t)i < nd ? digits[i] : '0';
    if ((size_t)point < nd) {
      buf[o++] = '.';
      for (size_t i = (size_t)point; i < nd; i++)
        buf[o++] = digits[i];
    }
  }
  buf[o] = '\0';
}
