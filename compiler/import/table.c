/*
 * table.c — see table.h: the grid of import_impl.h behind a small public
 * face.  The cells are copied out of the grid once, so a caller walks a
 * plain array.
 */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "import_impl.h"

struct jx_table {
  im_book book;
  uint32_t rows;
  jx_table_cell *cells; /* every cell, by row then column */
  size_t *row_at;       /* rows + 2 entries: first cell of each row */
};

char *jx_table_decode(const char *data, size_t n, size_t *out_n) {
  const char *enc;
  return jx_im_decode(data, n, out_n, &enc);
}

bool jx_table_looks_delimited(const char *text, size_t n) {
  return jx_im_looks_delimited(text, n);
}

unsigned char jx_table_delim(const char *text, size_t n) {
  return jx_im_csv_delim(text, n);
}

jx_table *jx_table_read_csv(const char *name, const char *text, size_t n) {
  jx_table *t = jx_xcalloc(1, sizeof *t);
  jx_im_book_init(&t->book, name, IM_SRC_CSV);
  if (jx_im_read_csv(&t->book, text, n) != 0 || t->book.n_sheets != 1) {
    jx_table_free(t);
    return NULL;
  }
  const im_sheet *s = &t->book.sheets[0];
  t->rows = s->rows;
  t->cells = jx_xcalloc(s->n ? s->n : 1, sizeof *t->cells);
  t->row_at = jx_xcalloc((size_t)s->rows + 2, sizeof *t->row_at);
  size_t k = 0;
  for (uint32_t r = 1; r <= s->rows; r++) {
    t->row_at[r] = k;
    size_t nc;
    im_cell *c = jx_im_row(s, r, &nc);
    for (size_t i = 0; c && i < nc; i++) {
      t->cells[k].col = c[i].col;
      t->cells[k].text = c[i].text;
      k++;
    }
  }
  t->row_at[s->rows + 1] = k;
  return t;
}

void jx_table_free(jx_table *t) {
  if (!t)
    return;
  jx_im_book_free(&t->book);
  free(t->cells);
  free(t->row_at);
  free(t);
}

uint32_t jx_table_rows(const jx_table *t) {
  return t->rows;
}

size_t jx_table_row(const jx_table *t, uint32_t row,
                    const jx_table_cell **cells) {
  if (row < 1 || row > t->rows)
    return 0;
  *cells = &t->cells[t->row_at[row]];
  return t->row_at[row + 1] - t->row_at[row];
}

const char *jx_table_at(const jx_table *t, uint32_t row, uint32_t col) {
  const jx_table_cell *c;
  size_t n = jx_table_row(t, row, &c);
  for (size_t i = 0; i < n; i++) /* a row has few cells */
    if (c[i].col == col)
      return c[i].text;
  return NULL;
}

char *jx_table_key(jx_arena *a, const char *s) {
  return jx_im_key(a, s);
}

char *jx_table_clean(jx_arena *a, const char *s, size_t n) {
  bool dropped;
  return jx_im_clean(a, s, n, &dropped);
}
