/*
 * csv.c — CSV (RFC 4180) and tab-separated text into the grid, with libcsv.
 *
 * libcsv handles quoted fields, doubled quotes, and line breaks inside
 * quotes; here it is asked to report every unquoted line end, so that a
 * blank spacer row stays a row and the cell names (C7) match what Excel
 * shows when it opens the file.  A CRLF counts once.  The text is UTF-8
 * already (encoding.c converted a UTF-16 or GB18030 file); the one sheet
 * is named after the file, as Excel names it.
 */
#include "import_impl.h"

#ifndef JX_NO_LIBCSV
#include <csv.h>
#endif
#include <string.h>

/* The delimiter of the first non-empty line: the most frequent of
 * comma, tab and semicolon outside quotes (comma when none). */
static unsigned char find_delim(const char *t, size_t n) {
  size_t i = 0;
  while (i < n && (t[i] == '\n' || t[i] == '\r'))
    i++;
  size_t counts[3] = {0, 0, 0};
  const char delims[3] = {',', '\t', ';'};
  bool quoted = false;
  for (; i < n && (quoted || (t[i] != '\n' && t[i] != '\r')); i++) {
    if (t[i] == '"')
      quoted = !quoted;
    else if (!quoted)
      for (int k = 0; k < 3; k++)
        if (t[i] == delims[k])
          counts[k]++;
  }
  int best = 0;
  for (int k = 1; k < 3; k++)
    if (counts[k] > counts[best])
      best = k;
  return (unsigned char)delims[best];
}

bool jx_im_looks_delimited(const char *t, size_t n) {
  unsigned char d = find_delim(t, n);
  int lines = 0, delimited = 0;
  size_t i = 0;
  while (i < n && lines < 20) {
    size_t end = i;
    while (end < n && t[end] != '\n')
      end++;
    size_t j = i;
    while (j < end && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
      j++; /* leading whitespace is layout, not a delimiter */
    if (j < end) {
      lines++;
      if (memchr(t + j, d, end - j))
        delimited++;
    }
    i = end + 1;
  }
  return lines > 0 && delimited * 3 >= lines * 2;
}

#ifndef JX_NO_LIBCSV
typedef struct csv_state {
  im_book *b;
  im_sheet *s;
  uint32_t row, col;
  int last_term; /* the line end that ended the previous row */
  bool fields;   /* a field was seen since the last row end */
} csv_state;

static void on_field(void *data, size_t len, void *ud) {
  csv_state *st = ud;
  st->fields = true;
  st->col++;
  if (!st->b->failed)
    jx_im_put(st->b, st->s, st->row, st->col, IM_TEXT, data ? data : "", len);
}

static void on_row(int c, void *ud) {
  csv_state *st = ud;
  /* The LF of a CRLF that ended an empty row is not a row of its own. */
  if (c == '\n' && st->last_term == '\r' && !st->fields) {
    st->last_term = c;
    return;
  }
  st->last_term = c;
  st->fields = false;
  st->row++;
  st->col = 0;
}

static int is_space(unsigned char c) {
  return c == ' ';
}

int jx_im_read_csv(im_book *b, const char *text, size_t n) {
  const char *base = strrchr(b->path, '/');
  base = base ? base + 1 : b->path;
  size_t bn = strcspn(base, ".");
  im_sheet *s = jx_im_add_sheet(b, bn ? base : "csv", bn ? bn : 3);
  if (!s)
    return -1;
  struct csv_parser p;
  char e[24];
  if (csv_init(&p, CSV_REPALL_NL) != 0)
    return jx_im_fail(b, JX_E_IMPORT_CSV, jx_im_num(e, CSV_ENOMEM), NULL);
  csv_set_delim(&p, find_delim(text, n));
  csv_set_space_func(&p, is_space);
  csv_state st = {b, s, 1, 0, 0, false};
  if (csv_parse(&p, text, n, on_field, on_row, &st) != n)
    jx_im_fail(b, JX_E_IMPORT_CSV, jx_im_num(e, (unsigned)csv_error(&p)), NULL);
  csv_fini(&p, on_field, on_row, &st);
  csv_free(&p);
  if (b->failed)
    return -1;
  return jx_im_book_finish(b);
}
#else
/* Built without libcsv (docs/windows.md). */
int jx_im_read_csv(im_book *b, const char *text, size_t n) {
  (void)text;
  (void)n;
  return jx_im_fail(b, JX_E_IMPORT_NOT_BUILT, "libcsv", NULL);
}
#endif
