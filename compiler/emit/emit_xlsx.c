/*
 * emit_xlsx.c — the XLSX back end: `jxc build -f xlsx [--sheet unit]`.
 *
 * The official forms (form.c lays them out) as an Excel workbook written
 * with libxlsxwriter: a summary sheet first (every project with its budget
 * and funds), then a sheet per project — or per unit with --sheet unit —
 * and the department's form on its own sheet.  Each sheet prints on A4,
 * fitted to the page width, with its title rows repeated on every page.
 *
 * What the cells hold (docs/xlsx.md):
 *   - codes and every text are strings (worksheet_write_string), never
 *     numbers, so 0501002 and a 21-character code stay as written; a string
 *     cell is never a formula, whatever it starts with;
 *   - amounts and percentages are numbers with a number format.  A number
 *     cell is a double: the double nearest the exact decimal, which reads
 *     back exactly when printed with 15 significant digits.  A value with
 *     more significant digits than that (no real budget has them) is
 *     written as its exact text instead, so nothing is rounded.
 *
 * libxlsxwriter builds the whole workbook in memory and writes it to a
 * file name at workbook_close().  It gets a private temporary file, whose
 * bytes are then copied into the jx_out: so `-o FILE` stays atomic (the
 * driver's temporary and rename) and standard output works too.  The
 * workbook is not streamed: its memory grows with the plan.
 *
 * Determinism: the document's creation time is SOURCE_DATE_EPOCH when set,
 * else a fixed date; nothing else in the file depends on the clock.
 *
 * Failures are diagnostics (through opt->diag): a text longer than a cell
 * holds is the plan's (xlsx-cell-too-long: the run's status is 1, nothing
 * is written); a temporary file or libxlsxwriter that fails is the
 * system's (write-error): the output is marked failed with errno_saved 0,
 * which tells the driver it has been said why, and the status is 2.
 */
#include "arena.h"
#include "backend.h"
#include "diag.h"
#include "form.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "port.h"

#ifndef JX_NO_XLSXWRITER
#include <xlsxwriter.h>

/* 2000-01-01T00:00:00Z: the creation date when SOURCE_DATE_EPOCH is unset. */
#define JX_XLSX_EPOCH 946684800
/* Excel's limit on the characters of one cell. */
#define JX_XLSX_CELL_MAX 32767

enum { PAPER_A4 = 9 };

/* One worksheet being filled: where its next row goes, and where printed
 * pages must break (before each project of a unit sheet). */
typedef struct sheet {
  lxw_worksheet *ws;
  lxw_row_t row;
  lxw_row_t *breaks;
  size_t n_breaks, cap_breaks;
  const double *widths;
  lxw_row_t headings; /* title rows at the top, repeated on each page */
} sheet;

typedef struct xlsx_state {
  jx_out *out;
  jx_emit_options opt;
  char *path; /* the private temporary file */
  int fd;
  lxw_workbook *wb;
  lxw_format *fmt[JX_FS_INT + 1];
  jx_arena keep; /* header strings, for the whole run */
  jx_arena scratch;
  jx_form_ctx ctx;
  jx_summary sum;
  sheet summary, unit, *cur;
  sheet project;
  size_t n_units, n_projects;
  /* What the rows being written belong to, for a text too long for its
   * cell: 'p' a project (owner_line its line), 'u' a unit, 'd' the
   * department, 0 the summary. */
  char owner;
  const char *owner_name;
  int owner_line;
  bool failed; /* reported; nothing more is written */
} xlsx_state;

/* ---- Failures ----------------------------------------------------------- */

/* libxlsxwriter or the temporary file failed: the system's trouble. */
static void fail(xlsx_state *st, lxw_error e) {
  if (st->failed)
    return;
  st->failed = true;
  if (st->opt.diag)
    jx_diag_report_file(st->opt.diag, JX_E_XLSX_LIBRARY, NULL, (int)e);
  st->out->failed = true;
  st->out->errno_saved = 0; /* said why already */
}

static size_t count_chars(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* A text the plan holds is longer than a cell: the plan's trouble, said
 * where it is and how it starts. */
static void too_long(xlsx_state *st, const jx_form_row *row, const char *text) {
  if (st->failed)
    return;
  st->failed = true;
  if (!st->opt.diag)
    return;
  /* its first 16 characters (whole ones: the text is valid UTF-8) */
  char start[80];
  size_t k = 0;
  for (int chars = 0; text[k] && chars < 16; chars++)
    do
      k++;
    while (((unsigned char)text[k] & 0xC0) == 0x80);
  snprintf(start, sizeof start, "%.*s…", (int)k, text);
  size_t n = count_chars(text);
  int max = JX_XLSX_CELL_MAX;
  jx_diag *d = st->opt.diag;
  jx_loc none = {0};
  const char *name = st->owner_name ? st->owner_name : "";
  switch (st->owner) {
  case 'p':
    jx_diag_report(d, JX_E_XLSX_CELL_PROJECT, none, name,
                   row->indicator ? row->indicator->line : st->owner_line, n,
                   start, max);
    break;
  case 'u':
    jx_diag_report(d, JX_E_XLSX_CELL_UNIT, none, name, n, start, max);
    break;
  case 'd':
    jx_diag_report(d, JX_E_XLSX_CELL_DEPARTMENT, none, name, n, start, max);
    break;
  default:
    jx_diag_report(d, JX_E_XLSX_CELL_SUMMARY, none, n, start, max);
    break;
  }
}

/* ---- Formats ------------------------------------------------------------ */

static lxw_format *new_format(lxw_workbook *wb, const char *font, double size,
                              bool bold, uint8_t align, bool border) {
  lxw_format *f = workbook_add_format(wb);
  format_set_font_name(f, font);
  format_set_font_size(f, size);
  format_set_font_charset(f, 134); /* GB2312: the CJK font is chosen */
  if (bold)
    format_set_bold(f);
  format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  if (border)
    format_set_border(f, LXW_BORDER_THIN);
  return f;
}

static void make_formats(xlsx_state *st) {
  lxw_workbook *wb = st->wb;
  lxw_format **f = st->fmt;
  f[JX_FS_TITLE] = new_format(wb, "黑体", 16, true, LXW_ALIGN_CENTER, false);
  f[JX_FS_CAPTION] = new_format(wb, "宋体", 11, false, LXW_ALIGN_CENTER, false);
  f[JX_FS_NOTE] = new_format(wb, "宋体", 10, false, LXW_ALIGN_RIGHT, false);
  f[JX_FS_LABEL] = new_format(wb, "宋体", 11, true, LXW_ALIGN_CENTER, true);
  f[JX_FS_HEADER] = new_format(wb, "宋体", 11, true, LXW_ALIGN_CENTER, true);
  f[JX_FS_TEXT] = new_format(wb, "宋体", 11, false, LXW_ALIGN_LEFT, true);
  f[JX_FS_CODE] = new_format(wb, "宋体", 11, false, LXW_ALIGN_LEFT, true);
  f[JX_FS_LEVEL] = new_format(wb, "宋体", 11, false, LXW_ALIGN_CENTER, true);
  /* The text format "@" on every text cell: a string cell is never a
   * formula, and with "@" it stays text when someone edits it in Excel or
   * LibreOffice (a General cell holding "=1+1" would become a formula). */
  for (int i = JX_FS_TITLE; i <= JX_FS_LEVEL; i++)
    format_set_num_format(f[i], "@");
  f[JX_FS_MONEY] = new_format(wb, "宋体", 11, false, LXW_ALIGN_RIGHT, true);
  /* At least two places, as printed forms show, and up to the six an
   * exact decimal has. */
  format_set_num_format(f[JX_FS_MONEY], "0.00####");
  f[JX_FS_PERCENT] = new_format(wb, "宋体", 11, false, LXW_ALIGN_RIGHT, true);
  format_set_num_format(f[JX_FS_PERCENT], "0.00####%");
  f[JX_FS_INT] = new_format(wb, "宋体", 11, false, LXW_ALIGN_CENTER, true);
  format_set_num_format(f[JX_FS_INT], "0");
}

/* ---- Sheets ------------------------------------------------------------- */

/* Excel's rules for a sheet name: at most 31 UTF-16 units, none of
 * [ ] : * ? / \, no apostrophe at either end.  Names here start with a
 * number or a fixed word, so they are unique without looking. */
static void sheet_name(char *buf, size_t cap, const char *prefix,
                       const char *name) {
  size_t n = 0, units = 0;
  const char *parts[2] = {prefix, name ? name : ""};
  for (int k = 0; k < 2; k++) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)parts[k];
    while (*p) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
      if (len <= 0) {
        cp = '_';
        len = 1;
      }
      size_t u = cp > 0xFFFF ? 2 : 1;
      if (units + u > LXW_SHEETNAME_MAX || n + 4 >= cap)
        goto done;
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
          strchr("[]:*?/\\", (int)(cp < 0x80 ? cp : 'a')) != NULL) {
        buf[n++] = '_';
      } else {
        memcpy(buf + n, p, (size_t)len);
        n += (size_t)len;
      }
      units += u;
      p += len;
    }
  }
done:
  while (n > 0 && (buf[n - 1] == '\'' || buf[n - 1] == ' '))
    n--;
  buf[n] = '\0';
}

static void sheet_setup(xlsx_state *st, sheet *sh, const char *name,
                        const double *widths, int cols) {
  memset(sh, 0, sizeof *sh);
  sh->widths = widths;
  sh->ws = workbook_add_worksheet(st->wb, name);
  if (!sh->ws) {
    fail(st, LXW_ERROR_SHEETNAME_ALREADY_USED);
    return;
  }
  for (int i = 0; i < cols; i++)
    worksheet_set_column(sh->ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
  worksheet_set_paper(sh->ws, PAPER_A4);
  worksheet_set_portrait(sh->ws);
  worksheet_set_margins(sh->ws, 0.5, 0.5, 0.6, 0.6);
  worksheet_center_horizontally(sh->ws);
  worksheet_fit_to_pages(sh->ws, 1, 0);
  worksheet_set_footer(sh->ws, "&C第 &P 页，共 &N 页");
}

static void sheet_break_here(sheet *sh) {
  if (sh->row == 0)
    return;
  if (sh->n_breaks + 1 >= sh->cap_breaks) {
    sh->cap_breaks = sh->cap_breaks ? 2 * sh->cap_breaks : 16;
    sh->breaks = jx_xrealloc(sh->breaks, sh->cap_breaks * sizeof *sh->breaks);
  }
  sh->breaks[sh->n_breaks++] = sh->row;
}

/* The last touches once a sheet is complete. */
static void sheet_finish(xlsx_state *st, sheet *sh) {
  if (!sh->ws)
    return;
  if (sh->headings > 0)
    worksheet_repeat_rows(sh->ws, 0, sh->headings - 1);
  if (sh->n_breaks) {
    sh->breaks[sh->n_breaks] = 0; /* the list ends with 0 */
    lxw_error e = worksheet_set_h_pagebreaks(sh->ws, sh->breaks);
    if (e)
      fail(st, e);
  }
  free(sh->breaks);
  memset(sh, 0, sizeof *sh);
}

/* ---- Cells -------------------------------------------------------------- */

/* Whether d is exactly a double's shortest 15-digit text: at most 15
 * significant digits and below 2^53 in micros (so the division below is
 * the one rounding). */
static bool fits_double(jx_decimal d) {
  int64_t m = d.micros < 0 ? -d.micros : d.micros;
  if (d.micros == INT64_MIN || m >= ((int64_t)1 << 53))
    return false;
  while (m != 0 && m % 10 == 0)
    m /= 10;
  int digits = 0;
  for (; m != 0; m /= 10)
    digits++;
  return digits <= 15;
}

static void put_number(xlsx_state *st, sheet *sh, const jx_form_cell *c,
                       lxw_format *f) {
  lxw_row_t r = sh->row;
  lxw_col_t col = (lxw_col_t)c->col;
  lxw_error e;
  if (!fits_double(c->num)) {
    char b[JX_DECIMAL_BUFSZ];
    jx_decimal_format(c->num, b);
    e = worksheet_write_string(sh->ws, r, col, b, f);
  } else {
    /* IEEE division rounds once: the nearest double to the decimal. */
    double scale = c->style == JX_FS_PERCENT ? 1e8 : 1e6;
    e = worksheet_write_number(sh->ws, r, col, (double)c->num.micros / scale,
                               f);
  }
  if (e)
    fail(st, e);
}

static void put_cell(xlsx_state *st, sheet *sh, const jx_form_row *row,
                     const jx_form_cell *c) {
  lxw_format *f = st->fmt[c->style];
  lxw_row_t r0 = sh->row, r1 = sh->row + (lxw_row_t)c->rowspan - 1;
  lxw_col_t c0 = (lxw_col_t)c->col, c1 = (lxw_col_t)(c->col + c->colspan - 1);
  bool number = c->style == JX_FS_MONEY || c->style == JX_FS_PERCENT ||
                c->style == JX_FS_INT;
  const char *text = number || !c->text ? "" : c->text;
  if (count_chars(text) > JX_XLSX_CELL_MAX) {
    too_long(st, row, text);
    return;
  }
  lxw_error e;
  if (r0 != r1 || c0 != c1)
    e = worksheet_merge_range(sh->ws, r0, c0, r1, c1, text, f);
  else if (*text)
    e = worksheet_write_string(sh->ws, r0, c0, text, f);
  else
    e = worksheet_write_blank(sh->ws, r0, c0, f);
  if (e)
    fail(st, e);
  if (number)
    put_number(st, sh, c, f);
}

/* The row's height from its longest text: no spreadsheet fits the height
 * of a row to a merged cell, and most of the form's texts are merged. */
static double row_height(const sheet *sh, const jx_form_row *row) {
  if (row->n == 1 && row->cells[0].style == JX_FS_TITLE)
    return 30;
  size_t lines = 1;
  for (size_t i = 0; i < row->n; i++) {
    const jx_form_cell *c = &row->cells[i];
    if (c->rowspan != 1 || !c->text)
      continue;
    double w = 0;
    for (int k = 0; k < c->colspan; k++)
      w += sh->widths[c->col + k];
    /* a little narrower than the column: cell padding, and CJK glyphs a
     * shade wider than two digits */
    size_t l = jx_form_lines(c->text, w * 0.9 - 1);
    if (l > lines)
      lines = l;
  }
  return lines == 1 ? 20 : 15.0 * (double)lines + 5;
}

static void put_row(void *ud, const jx_form_row *row) {
  xlsx_state *st = ud;
  sheet *sh = st->cur;
  if (!sh || !sh->ws || st->failed)
    return;
  if (row->heading && sh->row == sh->headings)
    sh->headings++;
  for (size_t i = 0; i < row->n; i++)
    put_cell(st, sh, row, &row->cells[i]);
  worksheet_set_row(sh->ws, sh->row, row_height(sh, row), NULL);
  sh->row++;
}

/* ---- The back end ------------------------------------------------------- */

static time_t created_time(void) {
  const char *e = getenv("SOURCE_DATE_EPOCH");
  if (e && *e) {
    char *end;
    errno = 0;
    long long v = strtoll(e, &end, 10);
    if (!*end && errno == 0 && v > 0)
      return (time_t)v;
  }
  return (time_t)JX_XLSX_EPOCH;
}

static void *xlsx_create(jx_out *out, const jx_emit_options *opt) {
  xlsx_state *st = jx_xcalloc(1, sizeof *st);
  st->out = out;
  st->opt = *opt;
  st->fd = -1;
  jx_arena_init(&st->keep);
  jx_arena_init(&st->scratch);
  jx_summary_init(&st->sum);
  char *dir = jx_tmpdir();
  size_t n = strlen(dir) + sizeof "/jxc-xlsx-XXXXXX";
  st->path = jx_xmalloc(n);
  snprintf(st->path, n, "%s/jxc-xlsx-XXXXXX", dir);
  st->fd = jx_mkstemp(st->path);
  if (st->fd < 0) {
    st->failed = true;
    if (opt->diag)
      jx_diag_report_file(opt->diag, JX_E_XLSX_TEMP, dir, dir, errno);
    out->failed = true;
    out->errno_saved = 0; /* said why already */
    free(dir);
    return st;
  }
  free(dir);
  lxw_workbook_options o = {
      .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
  st->wb = workbook_new_opt(st->path, &o);
  if (!st->wb) {
    fail(st, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return st;
  }
  make_formats(st);
  lxw_doc_properties props = {0};
  props.title = "项目支出绩效目标表";
  props.comments = "jxc " JX_VERSION;
  props.created = created_time();
  workbook_set_properties(st->wb, &props);
  return st;
}

static void xlsx_begin(void *vst, const jx_plan *h) {
  xlsx_state *st = vst;
  st->ctx.year = h->year;
  st->ctx.framework =
      h->framework ? jx_arena_strdup(&st->keep, h->framework) : NULL;
  st->ctx.currency =
      jx_arena_strdup(&st->keep, h->currency ? h->currency : "万元");
  st->ctx.form = h->form ? jx_arena_strdup(&st->keep, h->form) : NULL;
  st->ctx.department = h->department && h->department->name
                           ? jx_arena_strdup(&st->keep, h->department->name)
                           : NULL;
  st->ctx.scratch = &st->scratch;
  if (!st->wb)
    return;
  sheet_setup(st, &st->summary, "汇总", jx_summary_widths, JX_SUMMARY_COLS);
}

static void xlsx_unit_open(void *vst, const jx_unit *u) {
  xlsx_state *st = vst;
  if (!st->wb)
    return;
  char name[128], prefix[32];
  st->n_units++;
  if (st->opt.sheet == JX_SHEET_UNIT) {
    snprintf(prefix, sizeof prefix, "单位%zu ", st->n_units);
    sheet_name(name, sizeof name, prefix,
               u->code || u->name ? u->name : "无单位项目");
  } else {
    if (!u->code && !u->name)
      return; /* projects outside a unit: no unit sheet */
    snprintf(prefix, sizeof prefix, "单位%zu ", st->n_units);
    sheet_name(name, sizeof name, prefix, u->name);
  }
  sheet_setup(st, &st->unit, name, jx_form_widths, JX_FORM_COLS);
  st->owner = 'u';
  st->owner_name = u->name;
  if (u->code || u->name) { /* a unit, with or without a code */
    st->cur = &st->unit;
    jx_arena_mark m = jx_arena_mark_now(&st->scratch);
    jx_form_unit_head(&st->ctx, u, put_row, st);
    jx_arena_release(&st->scratch, m);
  }
}

static void xlsx_project(void *vst, const jx_unit *u, const jx_project *p) {
  xlsx_state *st = vst;
  if (!st->wb)
    return;
  st->n_projects++;
  jx_summary_add(&st->sum, u, p);
  if (st->opt.sheet == JX_SHEET_UNIT) {
    st->cur = &st->unit;
    sheet_break_here(&st->unit);
  } else {
    char name[128], prefix[32];
    snprintf(prefix, sizeof prefix, "%zu ", st->n_projects);
    sheet_name(name, sizeof name, prefix, p->name);
    sheet_setup(st, &st->project, name, jx_form_widths, JX_FORM_COLS);
    st->cur = &st->project;
  }
  st->owner = 'p';
  st->owner_name = p->name;
  st->owner_line = p->line;
  jx_arena_mark m = jx_arena_mark_now(&st->scratch);
  jx_form_project(&st->ctx, u, p, put_row, st);
  jx_arena_release(&st->scratch, m);
  if (st->opt.sheet != JX_SHEET_UNIT)
    sheet_finish(st, &st->project);
  st->cur = NULL;
}

static void xlsx_unit_close(void *vst, const jx_unit *u) {
  xlsx_state *st = vst;
  if (!st->wb || !st->unit.ws)
    return;
  if (u->code || u->name) {
    st->cur = &st->unit;
    st->owner = 'u';
    st->owner_name = u->name;
    jx_arena_mark m = jx_arena_mark_now(&st->scratch);
    jx_form_unit_tail(&st->ctx, u, put_row, st);
    jx_arena_release(&st->scratch, m);
  }
  sheet_finish(st, &st->unit);
  st->cur = NULL;
}

static void xlsx_department(void *vst, const jx_department *d) {
  xlsx_state *st = vst;
  if (!st->wb || !d)
    return;
  sheet dept;
  sheet_setup(st, &dept, "部门", jx_form_widths, JX_FORM_COLS);
  st->cur = &dept;
  st->owner = 'd';
  st->owner_name = d->name;
  jx_arena_mark m = jx_arena_mark_now(&st->scratch);
  jx_form_department(&st->ctx, d, put_row, st);
  jx_arena_release(&st->scratch, m);
  sheet_finish(st, &dept);
  st->cur = NULL;
}

/* Copies the finished file into the output. */
static void copy_out(xlsx_state *st) {
  char buf[65536];
  if (lseek(st->fd, 0, SEEK_SET) != 0) {
    st->out->failed = true;
    st->out->errno_saved = errno;
    return;
  }
  for (;;) {
    ssize_t n = read(st->fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      st->out->failed = true;
      st->out->errno_saved = errno;
      return;
    }
    if (n == 0)
      break;
    jx_out_write(st->out, buf, (size_t)n);
  }
}

static void xlsx_end(void *vst) {
  xlsx_state *st = vst;
  if (st->wb) {
    st->cur = &st->summary;
    st->owner = 0;
    jx_arena_mark m = jx_arena_mark_now(&st->scratch);
    jx_form_summary(&st->ctx, &st->sum, put_row, st);
    jx_arena_release(&st->scratch, m);
    sheet_finish(st, &st->summary);
    st->cur = NULL;
    lxw_error e = workbook_close(st->wb);
    st->wb = NULL;
    if (e)
      fail(st, e);
  }
  if (!st->failed) /* else reported: nothing is written, FILE is kept */
    copy_out(st);
}

static void xlsx_destroy(void *vst) {
  xlsx_state *st = vst;
  if (st->wb) /* the run ended early: close to free, then discard */
    workbook_close(st->wb);
  if (st->fd >= 0) {
    close(st->fd);
    jx_unlink(st->path);
  }
  free(st->path);
  free(st->unit.breaks);
  free(st->summary.breaks);
  free(st->project.breaks);
  jx_summary_free(&st->sum);
  jx_arena_free(&st->scratch);
  jx_arena_free(&st->keep);
  free(st);
}

#else
/* Built without libxlsxwriter (docs/windows.md): jxc build refuses -f
 * xlsx before it gets here (JX_U_NOT_BUILT), and the back end writes
 * nothing. */
static void *xlsx_create(jx_out *out, const jx_emit_options *opt) {
  (void)opt;
  return out;
}
static void xlsx_begin(void *st, const jx_plan *h) {
  (void)st;
  (void)h;
}
static void xlsx_unit_open(void *st, const jx_unit *u) {
  (void)st;
  (void)u;
}
static void xlsx_project(void *st, const jx_unit *u, const jx_project *p) {
  (void)st;
  (void)u;
  (void)p;
}
static void xlsx_unit_close(void *st, const jx_unit *u) {
  (void)st;
  (void)u;
}
static void xlsx_department(void *st, const jx_department *d) {
  (void)st;
  (void)d;
}
static void xlsx_end(void *st) {
  jx_out *out = st;
  out->failed = true;
  out->errno_saved = ENOSYS;
}
static void xlsx_destroy(void *st) {
  (void)st;
}
#endif

const jx_backend jx_backend_xlsx = {
    .name = "xlsx",
    .binary = true,
    .create = xlsx_create,
    .begin = xlsx_begin,
    .unit_open = xlsx_unit_open,
    .project = xlsx_project,
    .unit_close = xlsx_unit_close,
    .department = xlsx_department,
    .end = xlsx_end,
    .destroy = xlsx_destroy,
};
