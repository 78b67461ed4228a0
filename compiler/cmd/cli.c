/*
 * cli.c — what the jxc commands share (see cli.h).
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
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

int jx_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "jxc %s: ", cmd);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'jxc help %s'.\n", cmd);
  return JX_EXIT_USAGE;
}

int jx_opt_value(const char *cmd, const char *longname, const char *shortname,
                 int argc, char **argv, int *i, const char **val) {
  const char *a = argv[*i];
  size_t n = strlen(longname);
  if (strncmp(a, longname, n) == 0 && a[n] == '=') {
    *val = a + n + 1;
    return 1;
  }
  if (strcmp(a, longname) == 0 || (shortname && strcmp(a, shortname) == 0)) {
    if (*i + 1 >= argc) {
      jx_usage_error(cmd, "option '%s' needs a value", a);
      return -1;
    }
    *val = argv[++*i];
    return 1;
  }
  /* -fjson, -oFILE: the short form glued to its value. */
  if (shortname && strlen(shortname) == 2 && strncmp(a, shortname, 2) == 0 &&
      a[2] != '\0') {
    *val = a + 2;
    return 1;
  }
  return 0;
}

int jx_diag_opts_parse(jx_diag_opts *o, const char *cmd, int argc, char **argv,
                       int *i) {
  const char *v;
  int r;
  if ((r = jx_opt_value(cmd, "--diagnostics", NULL, argc, argv, i, &v))) {
    if (r < 0)
      return -1;
    if (strcmp(v, "text") == 0)
      o->format = JX_DIAG_TEXT;
    else if (strcmp(v, "json") == 0)
      o->format = JX_DIAG_JSON;
    else {
      jx_usage_error(cmd, "--diagnostics takes text or json, not '%s'", v);
      return -1;
    }
    return 1;
  }
  if ((r = jx_opt_value(cmd, "--lang", NULL, argc, argv, i, &v))) {
    if (r < 0)
      return -1;
    if (!jx_lang_parse(v, &o->lang)) {
      jx_usage_error(cmd, "--lang takes en or zh, not '%s'", v);
      return -1;
    }
    return 1;
  }
  if ((r = jx_opt_value(cmd, "--color", NULL, argc, argv, i, &v))) {
    if (r < 0)
      return -1;
    if (strcmp(v, "auto") == 0)
      o->color = -1;
    else if (strcmp(v, "always") == 0)
      o->color = 1;
    else if (strcmp(v, "never") == 0)
      o->color = 0;
    else {
      jx_usage_error(cmd, "--color takes auto, always or never, not '%s'", v);
      return -1;
    }
    return 1;
  }
  if (strcmp(argv[*i], "--Werror") == 0 || strcmp(argv[*i], "-Werror") == 0) {
    o->werror = true;
    return 1;
  }
  if ((r = jx_opt_value(cmd, "-W", "-W", argc, argv, i, &v))) {
    if (r < 0)
      return -1;
    if (strcmp(v, "error") != 0) {
      jx_usage_error(cmd, "-W takes 'error', not '%s'", v);
      return -1;
    }
    o->werror = true;
    return 1;
  }
  if ((r = jx_opt_value(cmd, "--max-errors", NULL, argc, argv, i, &v))) {
    if (r < 0)
      return -1;
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 1 || n > 100000) {
      jx_usage_error(cmd, "--max-errors takes a number from 1 to 100000");
      return -1;
    }
    o->max_errors = (int)n;
    return 1;
  }
  return 0;
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
