/*
 * actuals_read.c — opening an actuals file and recognising its form by
 * its content: a CSV table (actuals_csv.c) or an `actuals` block in the
 * language (actuals_jx.c).  It sits above both readers, so neither the
 * readers nor the words and values they share (actuals.c) call back up.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "source.h"
#include "table.h" /* the importer's decoding */

/* Reads n bytes of data (a->arena ready), named `name`. */
static int read_data(jx_actuals *a, const char *name, const char *data,
                     size_t n, jx_diag *d) {
  size_t tn;
  a->text = jx_table_decode(data, n, &tn);
  if (!a->text) {
    jx_diag_report_file(d, JX_E_ACTUALS_FORM, name, name);
    return 1;
  }
  /* Lines are quoted from the decoded text: what the offsets count.  It
   * is kept (a->text) as long as the actuals. */
  uint32_t file = jx_diag_add_source(d, name, a->text, tn);
  int rc = jx_actuals_read_csv(a, name, file, a->text, tn, d);
  if (rc >= 0) {
    a->csv = true;
    return rc;
  }
  rc = jx_actuals_read_jx(a, file, a->text, tn, d);
  if (rc >= 0)
    return rc;
  jx_diag_report_file(d, JX_E_ACTUALS_FORM, name, name);
  return 1;
}

int jx_actuals_read_mem(jx_actuals *a, const char *name, const char *data,
                        size_t n, jx_diag *d) {
  memset(a, 0, sizeof *a);
  jx_arena_init(&a->arena);
  return read_data(a, name, data, n, d);
}

int jx_actuals_read(jx_actuals *a, const char *path, jx_diag *d) {
  memset(a, 0, sizeof *a);
  jx_arena_init(&a->arena);
  jx_source *s = jx_source_open(path, d);
  if (!s)
    return 2;
  size_t n;
  char *data = jx_source_read_all(s, &n);
  if (!data) {
    jx_source_close(s);
    return 2;
  }
  const char *name = jx_arena_strdup(&a->arena, jx_source_name(s));
  int rc = read_data(a, name, data, n, d);
  free(data);
  jx_source_close(s);
  return rc;
}
