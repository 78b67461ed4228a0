/*
 * cli.c — what the jxc commands share (see cli.h).
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "source.h"
#include "to_utf8.h"

void jx_diag_opts_init(jx_diag_opts *o) {
  o->format = JX_DIAG_TEXT;
  o->lang = jx_lang_from_env();
  o->color = -1;
  o->werror = false;
  o->max_errors = JX_MAX_ERRORS;
}

jx_diag *jx_diag_from_opts(const jx_diag_opts *o) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_format(d, o->format);
  jx_diag_set_lang(d, o->lang);
  bool color = o->color == 1;
  if (o->color == -1) {
    const char *nc = getenv("NO_COLOR");
    color = isatty(STDERR_FILENO) && !(nc && *nc);
  }
  jx_diag_set_color(d, color && o->format == JX_DIAG_TEXT);
  jx_diag_set_werror(d, o->werror);
  jx_diag_set_max_errors(d, o->max_errors);
  jx_diag_apply_warnings(d, o);
  return d;
}

void jx_diag_apply_warnings(jx_diag *d, const jx_diag_opts *o) {
  for (size_t i = 0; i < o->n_warn; i++)
    jx_diag_warning_set(d, o->warn[i].code, o->warn[i].action);
}

bool jx_stdout_color(int opt) {
  if (opt >= 0)
    return opt == 1;
  const char *nc = getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(nc && *nc);
}

void jx_report_outfile(jx_diag *d, const char *path, const jx_outfile *f) {
  switch (f->why) {
  case JX_OUTFILE_NOT_REGULAR:
    jx_diag_report_file(d, JX_E_WRITE_NOT_REGULAR, path, path);
    break;
  case JX_OUTFILE_TEMP:
    jx_diag_report_file(d, JX_E_WRITE_TEMP, path, path,
                        f->where ? f->where : ".", f->err);
    break;
  case JX_OUTFILE_MODE:
    jx_diag_report_file(d, JX_E_WRITE_MODE, path, path,
                        f->where ? f->where : path, f->err);
    break;
  case JX_OUTFILE_STDOUT:
  case JX_OUTFILE_ERRNO:
    jx_report_write(d, path, f->err);
    break;
  }
}

void jx_report_write(jx_diag *d, const char *path, int err) {
  if (!path)
    jx_diag_report_file(d, err ? JX_E_WRITE_STDOUT : JX_E_WRITE_STDOUT_BARE,
                        NULL, err);
  else
    jx_diag_report_file(d, JX_E_WRITE, path, path, err);
}

/* ---- --encoding ------------------------------------------------------- */

const char *jx_encoding_iconv(const char *v) {
  static const char *const gb[] = {"gb18030", "GB18030", "gbk", "GBK"};
  static const char *const utf8[] = {"utf-8", "UTF-8", "utf8", "UTF8"};
  for (size_t i = 0; v && i < 4; i++) {
    if (strcmp(v, gb[i]) == 0)
      return "GB18030";
    if (strcmp(v, utf8[i]) == 0)
      return "";
  }
  return NULL;
}

int jx_read_converted(jx_diag *d, const char *const *paths, int n,
                      const char *from, char ***data, size_t **len) {
  *data = jx_xmalloc((size_t)(n ? n : 1) * sizeof **data);
  *len = jx_xmalloc((size_t)(n ? n : 1) * sizeof **len);
  memset(*data, 0, (size_t)(n ? n : 1) * sizeof **data);
  jx_source **in = jx_sources_open(paths, n, d);
  if (!in) {
    jx_diag_flush(d);
    return JX_EXIT_USAGE;
  }
  int rc = JX_EXIT_OK;
  for (int i = 0; i < n && rc == JX_EXIT_OK; i++) {
    size_t raw_n, bad = 0;
    char *raw = jx_source_read_all(in[i], &raw_n);
    if (!raw) {
      rc = JX_EXIT_USAGE;
      break;
    }
    (*data)[i] = jx_to_utf8(from, raw, raw_n, &(*len)[i], &bad);
    if (!(*data)[i]) {
      const char *name = jx_source_name(in[i]);
      jx_diag_report_file(d, JX_E_READ_ENCODING, name, name, from,
                          (unsigned long long)bad);
      rc = JX_EXIT_USAGE;
    }
    free(raw);
  }
  jx_sources_close(in, n);
  jx_diag_flush(d);
  return rc;
}

void jx_converted_free(char **data, size_t *len, int n) {
  for (int i = 0; data && i < n; i++)
    free(data[i]);
  free(data);
  free(len);
}
