/*
 * emit_html.c — the HTML back end: `jxc build -f html [--with-diagnostics]`.
 *
 * One self-contained page (inline CSS, no script, no external resource; a
 * Content-Security-Policy forbids them besides) holding the same official
 * forms as the workbook (form.c lays them out): a table per unit heading,
 * per project and for the department, then the summary.  For print, each
 * project starts a new A4 page and a form's title rows repeat on every
 * page it continues on.  Every text is escaped (& < > " '), and ill-formed
 * UTF-8 or control characters become U+FFFD, so no input can add markup.
 *
 * The page streams like the JSON output: each form is written when its
 * event arrives.  With --with-diagnostics the run's diagnostics come in
 * too (jx_diag_set_observer) and appear in an extra column beside the row
 * they are about.  A declaration's diagnostics arrive just after its event
 * (the build releases them per declaration), so the back end holds the
 * last project or unit — a copy — until they are in, and then writes it.
 * Diagnostics of a declaration that has no form (a project the checker
 * rejected, the plan header, the department, which is written last) appear
 * as a box where the declaration is in the source.
 */
#include "arena.h"
#include "backend.h"
#include "diag.h"
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

/* ---- Escaping ----------------------------------------------------------- */

/* Text content or an attribute value (both quotes are escaped). */
static void put_text(jx_out *o, const char *s) {
  if (!s)
    return;
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s, *run = p;
  while (*p) {
    unsigned char c = *p;
    const char *rep = NULL;
    size_t len = 1;
    if (c == '&')
      rep = "&amp;";
    else if (c == '<')
      rep = "&lt;";
    else if (c == '>')
      rep = "&gt;";
    else if (c == '"')
      rep = "&quot;";
    else if (c == '\'')
      rep = "&#39;";
    else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
      rep = "\xEF\xBF\xBD";
    else if (c >= 0x80) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
      if (k > 0)
        len = (size_t)k;
      if (k <= 0 || (cp >= 0x80 && cp < 0xA0))
        rep = "\xEF\xBF\xBD"; /* ill-formed (a byte), or a C1 control */
    }
    if (rep) {
      jx_out_write(o, run, (size_t)(p - run));
      jx_out_puts(o, rep);
      p += len;
      run = p;
    } else {
      p += len;
    }
  }
  jx_out_write(o, run, (size_t)(p - run));
}

/* ---- The page ----------------------------------------------------------- */

static const char css[] =
    "@page{size:A4;margin:12mm 10mm}\n"
    "body{margin:0;background:#e8e8e8;color:#000;"
    "font:10.5pt/1.45 \"SimSun\",\"Songti SC\",\"Noto Serif CJK SC\","
    "\"WenQuanYi Zen Hei\",serif}\n"
    "main{max-width:190mm;margin:0 auto;padding:8mm 0}\n"
    ".form,.dx-box{background:#fff;padding:10mm;margin:0 0 8mm;"
    "box-shadow:0 1px 4px rgba(0,0,0,.3)}\n"
    "table{width:100%;border-collapse:collapse;table-layout:fixed}\n"
    "td,th{border:1px solid #000;padding:3px 5px;vertical-align:middle;"
    "white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "th{font-weight:bold;text-align:center}\n"
    "thead th{border:0;font-weight:normal}\n"
    "thead .title{font:bold 16pt \"SimHei\",\"Heiti SC\",\"Noto Sans CJK SC\","
    "\"WenQuanYi Zen Hei\",sans-serif;padding:0 0 4px}\n"
    "thead .note{text-align:right;font-size:9.5pt}\n"
    ".level,.int{text-align:center}\n"
    ".money,.percent{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".dx{font-size:9pt;border-color:#b00}\n"
    ".dx p,.dx-box p{margin:0 0 2px}\n"
    ".error{color:#b00}.warning{color:#8a5a00}\n"
    ".dx-box{border:2px solid #b00}.dx-title{font-weight:bold}\n"
    ".project,.department,.summary,.unit{break-before:page}\n"
    ".unit+.project,main>:first-child{break-before:auto}\n"
    "tr{break-inside:avoid}\n"
    "@media print{body{background:none}main{max-width:none;padding:0}"
    ".form,.dx-box{box-shadow:none;padding:0;margin:0 0 6mm}}\n";

static const char *const style_class[JX_FS_INT + 1] = {
    [JX_FS_TITLE] = "title",   [JX_FS_CAPTION] = "caption",
    [JX_FS_NOTE] = "note",     [JX_FS_LABEL] = "label",
    [JX_FS_HEADER] = "header", [JX_FS_TEXT] = "text",
    [JX_FS_CODE] = "code",     [JX_FS_LEVEL] = "level",
    [JX_FS_MONEY] = "money",   [JX_FS_PERCENT] = "percent",
    [JX_FS_INT] = "int",
};

/* One diagnostic, copied out of the engine. */
typedef struct dx {
  jx_severity sev;
  const char *code, *path, *message;
  uint32_t line, col;
  size_t seq;            /* arrival order, to keep sorting stable */
  jx_form_anchor anchor; /* where it goes in the form being written */
  size_t index;
} dx;

typedef enum pending_kind {
  PEND_NONE,
  PEND_PROJECT,
  PEND_UNIT_HEAD,
  PEND_UNIT_TAIL
} pending_kind;

typedef struct html_state {
  jx_out *out;
  jx_emit_options opt;
  bool begun;
  jx_arena keep, scratch;
  jx_form_ctx ctx;
  jx_summary sum;
  size_t n_projects;
  /* the form being written */
  bool in_head, in_body;
  const dx *row_dx; /* this form's diagnostics */
  size_t n_row_dx;
  /* --with-diagnostics */
  jx_arena dx_arena; /* the batch and the held declaration */
  dx *batch;
  size_t n_batch, cap_batch;
  pending_kind pending;
  jx_unit held_unit;
  const jx_project *held_project;
  jx_arena early; /* boxes from before begin(): written after it */
  jx_out early_out;
  bool have_early;
} html_state;

/* ---- Forms -------------------------------------------------------------- */

/* A diagnostic as its line shows it, the severity word in the run's
 * language (the message is already); the class is CSS, not words. */
static void put_dx(jx_out *o, const dx *d, bool with_path, jx_lang lang) {
  static const char *const sev[] = {"help", "note", "warning", "error"};
  jx_severity k = d->sev <= JX_SEV_ERROR ? d->sev : JX_SEV_ERROR;
  jx_out_printf(o, "<p class=\"%s\">", sev[k]);
  if (d->line) {
    if (with_path && d->path) {
      put_text(o, d->path);
      jx_out_putc(o, ':');
    }
    jx_out_printf(o, "%u: ", d->line); /* columns: on standard error */
  }
  put_text(o, jx_msg_text((jx_msg)(JX_M_SEV_HELP + (int)k), lang));
  LIT(o, ": ");
  put_text(o, d->message);
  if (d->code) {
    LIT(o, " [");
    put_text(o, d->code);
    jx_out_putc(o, ']');
  }
  LIT(o, "</p>");
}

/* id: the section's fragment name (p1, p2 … for projects), or NULL. */
static void table_open(html_state *st, const char *cls, const char *id,
                       const double *widths, int cols) {
  jx_out *o = st->out;
  jx_out_printf(o, "<section class=\"form %s\"", cls);
  if (id)
    jx_out_printf(o, " id=\"%s\"", id);
  LIT(o, ">\n<table>\n<colgroup>");
  double total = 0;
  for (int i = 0; i < cols; i++)
    total += widths[i];
  /* With diagnostics the forms give a quarter of the width to them. */
  double share = st->opt.with_diagnostics ? 75.0 : 100.0;
  for (int i = 0; i < cols; i++) {
    int permille = (int)(widths[i] / total * share * 10 + 0.5);
    jx_out_printf(o, "<col style=\"width:%d.%d%%\">", permille / 10,
                  permille % 10);
  }
  if (st->opt.with_diagnostics)
    LIT(o, "<col style=\"width:25%\">");
  LIT(o, "</colgroup>\n");
  st->in_head = st->in_body = false;
}

static void table_close(html_state *st) {
  jx_out *o = st->out;
  if (st->in_head)
    LIT(o, "</thead>\n");
  if (st->in_body)
    LIT(o, "</tbody>\n");
  LIT(o, "</table>\n</section>\n");
  st->in_head = st->in_body = false;
}

static void put_row(void *ud, const jx_form_row *row) {
  html_state *st = ud;
  jx_out *o = st->out;
  if (row->heading && !st->in_head && !st->in_body) {
    LIT(o, "<thead>\n");
    st->in_head = true;
  } else if (!row->heading && !st->in_body) {
    if (st->in_head)
      LIT(o, "</thead>\n");
    LIT(o, "<tbody>\n");
    st->in_head = false;
    st->in_body = true;
  }
  LIT(o, "<tr>");
  for (size_t i = 0; i < row->n; i++) {
    const jx_form_cell *c = &row->cells[i];
    bool th =
        c->style == JX_FS_LABEL || c->style == JX_FS_HEADER || row->heading;
    int colspan = c->colspan;
    if (row->heading && st->opt.with_diagnostics)
      colspan++; /* titles span the diagnostics column too */
    jx_out_printf(o, "<%s class=\"%s\"", th ? "th" : "td",
                  style_class[c->style]);
    if (colspan > 1)
      jx_out_printf(o, " colspan=\"%d\"", colspan);
    if (c->rowspan > 1)
      jx_out_printf(o, " rowspan=\"%d\"", c->rowspan);
    jx_out_putc(o, '>');
    char b[JX_DECIMAL_BUFSZ + 4];
    switch (c->style) {
    case JX_FS_MONEY:
      jx_out_write(o, b, jx_form_money_text(c->num, b));
      break;
    case JX_FS_PERCENT:
      jx_out_write(o, b, jx_form_percent_text(c->num, b));
      break;
    case JX_FS_INT:
      jx_out_write(o, b, jx_decimal_format(c->num, b));
      break;
    default:
      put_text(o, c->text);
      break;
    }
    jx_out_printf(o, "</%s>", th ? "th" : "td");
  }
  if (st->opt.with_diagnostics && !row->heading) {
    LIT(o, "<td class=\"dx\">");
    for (size_t i = 0; i < st->n_row_dx; i++) {
      const dx *d = &st->row_dx[i];
      if (row->anchor != JX_FA_NONE && d->anchor == row->anchor &&
          d->index == row->index)
        put_dx(o, d, false, jx_diag_lang(st->opt.diag));
    }
    LIT(o, "</td>");
  }
  LIT(o, "</tr>\n");
}

/* ---- Placing diagnostics ------------------------------------------------ */

/* Which row a diagnostic is about, by its code when no indicator's line
 * matches: a table, like the form. */
static const struct {
  const char *prefix;
  jx_form_anchor anchor;
} code_rows[] = {
    {"budget-", JX_FA_BUDGET}, {"amount-", JX_FA_BUDGET},
    {"funds-", JX_FA_FUNDS},   {"schedule-", JX_FA_SCHEDULE},
    {"code-", JX_FA_CODE},     {"number-", JX_FA_BUDGET},
};

/* The rows a form has (anchor and index), to check a target exists. */
typedef struct anchors {
  jx_form_anchor a[64];
  size_t idx[64], n;
  jx_form_anchor first;
  size_t first_index;
  bool have_first;
} anchors;

static void collect_anchor(void *ud, const jx_form_row *row) {
  anchors *an = ud;
  if (row->anchor == JX_FA_NONE || row->anchor == JX_FA_INDICATOR)
    return;
  if (!an->have_first) {
    an->first = row->anchor;
    an->first_index = row->index;
    an->have_first = true;
  }
  if (an->n < sizeof an->a / sizeof an->a[0]) {
    an->a[an->n] = row->anchor;
    an->idx[an->n++] = row->index;
  }
}

static bool has_anchor(const anchors *an, jx_form_anchor a, size_t idx) {
  for (size_t i = 0; i < an->n; i++)
    if (an->a[i] == a && an->idx[i] == idx)
      return true;
  return false;
}

/* Sets each diagnostic of the batch to a row of the form that lay_out
 * writes; a target the form lacks falls back to its first row. */
static void place(html_state *st, const jx_project *p, const anchors *an) {
  for (size_t i = 0; i < st->n_batch; i++) {
    dx *d = &st->batch[i];
    d->anchor = JX_FA_NONE;
    d->index = 0;
    if (p)
      for (size_t k = 0; k < p->n_indicators; k++)
        if (d->line && p->indicators[k].line == (int)d->line) {
          d->anchor = JX_FA_INDICATOR;
          d->index = k;
          break;
        }
    for (size_t k = 0; d->anchor == JX_FA_NONE && d->code &&
                       k < sizeof code_rows / sizeof code_rows[0];
         k++) {
      size_t n = strlen(code_rows[k].prefix);
      if (strncmp(d->code, code_rows[k].prefix, n) == 0 &&
          has_anchor(an, code_rows[k].anchor, 0))
        d->anchor = code_rows[k].anchor;
    }
    if (d->anchor == JX_FA_NONE) {
      d->anchor = an->first;
      d->index = an->first_index;
    }
  }
  st->row_dx = st->batch;
  st->n_row_dx = st->n_batch;
}

/* ---- Writing the held declaration --------------------------------------- */

static void write_project(html_state *st, const jx_unit *u,
                          const jx_project *p) {
  jx_arena_mark m = jx_arena_mark_now(&st->scratch);
  if (st->opt.with_diagnostics) {
    anchors an = {0};
    jx_form_project(&st->ctx, u, p, collect_anchor, &an);
    place(st, p, &an);
  }
  char id[32];
  snprintf(id, sizeof id, "p%zu", st->n_projects);
  table_open(st, "project", id, jx_form_widths, JX_FORM_COLS);
  jx_form_project(&st->ctx, u, p, put_row, st);
  table_close(st);
  jx_arena_release(&st->scratch, m);
  st->n_row_dx = 0;
}

typedef void (*unit_form_fn)(const jx_form_ctx *, const jx_unit *,
                             jx_form_row_fn, void *);

static void write_unit(html_state *st, const jx_unit *u, const char *cls,
                       unit_form_fn form) {
  jx_arena_mark m = jx_arena_mark_now(&st->scratch);
  if (st->opt.with_diagnostics) {
    anchors an = {0};
    form(&st->ctx, u, collect_anchor, &an);
    place(st, NULL, &an);
  }
  table_open(st, cls, NULL, jx_form_widths, JX_FORM_COLS);
  form(&st->ctx, u, put_row, st);
  table_close(st);
  jx_arena_release(&st->scratch, m);
  st->n_row_dx = 0;
}

static int by_position(const void *a, const void *b) {
  const dx *x = a, *y = b;
  int c = strcmp(x->path ? x->path : "", y->path ? y->path : "");
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A box for diagnostics that have no form to stand beside, in source
 * order. */
static void write_box(html_state *st, jx_out *o) {
  qsort(st->batch, st->n_batch, sizeof *st->batch, by_position);
  LIT(o, "<aside class=\"dx-box\">\n<p class=\"dx-title\">诊断</p>\n");
  for (size_t i = 0; i < st->n_batch; i++) {
    put_dx(o, &st->batch[i], true, jx_diag_lang(st->opt.diag));
    jx_out_putc(o, '\n');
  }
  LIT(o, "</aside>\n");
}

static void write_held(html_state *st) {
  switch (st->pending) {
  case PEND_PROJECT:
    write_project(st, &st->held_unit, st->held_project);
    break;
  case PEND_UNIT_HEAD:
    write_unit(st, &st->held_unit, "unit", jx_form_unit_head);
    break;
  case PEND_UNIT_TAIL:
    write_unit(st, &st->held_unit, "unit-tail", jx_form_unit_tail);
    break;
  case PEND_NONE:
    break;
  }
  st->pending = PEND_NONE;
  st->held_project = NULL;
}

/* The end of a declaration's diagnostics (e NULL from the engine): the
 * held declaration is written with them, or they get a box of their own. */
static void settle_batch(html_state *st) {
  if (st->pending != PEND_NONE) {
    write_held(st);
  } else if (st->n_batch && st->begun) {
    write_box(st, st->out);
  } else if (st->n_batch) {
    if (!st->have_early)
      jx_out_init_mem(&st->early_out);
    st->have_early = true;
    write_box(st, &st->early_out);
  }
  st->n_batch = 0;
  /* Nothing held, no diagnostic: the copies can go. */
  jx_arena_release(&st->dx_arena, (jx_arena_mark){NULL, 0});
}

/* A new event: the held declaration had no diagnostics (they would have
 * ended with a NULL first).  Those in the batch so far belong to the
 * declaration of the new event. */
static void settle(html_state *st) {
  size_t n = st->n_batch;
  st->n_batch = 0;
  write_held(st);
  st->n_batch = n;
}

static const char *keep_str(jx_arena *a, const char *s) {
  return s ? jx_arena_strdup(a, s) : NULL;
}

static void observe(void *ud, const jx_diag_event *e) {
  html_state *st = ud;
  if (!e) {
    settle_batch(st);
    return;
  }
  if (st->n_batch == st->cap_batch) {
    st->cap_batch = st->cap_batch ? 2 * st->cap_batch : 16;
    st->batch = jx_xrealloc(st->batch, st->cap_batch * sizeof *st->batch);
  }
  dx *d = &st->batch[st->n_batch++];
  memset(d, 0, sizeof *d);
  d->sev = e->severity;
  d->code = keep_str(&st->dx_arena, e->code);
  d->path = keep_str(&st->dx_arena, e->path);
  d->message = keep_str(&st->dx_arena, e->message);
  d->line = e->line;
  d->col = e->col;
  d->seq = st->n_batch;
}

/* Holds a unit (its code and name, and for the tail its goals and
 * measures) past its event. */
static void hold_unit(html_state *st, const jx_unit *u, bool tail) {
  jx_arena *a = &st->dx_arena;
  memset(&st->held_unit, 0, sizeof st->held_unit);
  st->held_unit.code = keep_str(a, u->code);
  st->held_unit.name = keep_str(a, u->name);
  if (!tail)
    return;
  const char **g = jx_arena_alloc(a, (u->n_goals + 1) * sizeof *g);
  for (size_t i = 0; i < u->n_goals; i++)
    g[i] = keep_str(a, u->goals[i]);
  jx_measure *m = jx_arena_alloc(a, (u->n_measures + 1) * sizeof *m);
  for (size_t i = 0; i < u->n_measures; i++) {
    m[i].title = keep_str(a, u->measures[i].title);
    m[i].text = keep_str(a, u->measures[i].text);
  }
  st->held_unit.goals = g;
  st->held_unit.n_goals = u->n_goals;
  st->held_unit.measures = m;
  st->held_unit.n_measures = u->n_measures;
}

/* ---- The back end ------------------------------------------------------- */

static void *html_create(jx_out *out, const jx_emit_options *opt) {
  html_state *st = jx_xcalloc(1, sizeof *st);
  st->out = out;
  st->opt = *opt;
  if (!opt->diag)
    st->opt.with_diagnostics = false;
  jx_arena_init(&st->keep);
  jx_arena_init(&st->scratch);
  jx_arena_init(&st->dx_arena);
  jx_summary_init(&st->sum);
  if (st->opt.with_diagnostics)
    jx_diag_set_observer(opt->diag, observe, st);
  return st;
}

static void html_begin(void *vst, const jx_plan *h) {
  html_state *st = vst;
  jx_out *o = st->out;
  st->ctx.year = h->year;
  st->ctx.framework = keep_str(&st->keep, h->framework);
  st->ctx.currency = keep_str(&st->keep, h->currency ? h->currency : "万元");
  st->ctx.form = keep_str(&st->keep, h->form);
  st->ctx.department =
      h->department ? keep_str(&st->keep, h->department->name) : NULL;
  st->ctx.scratch = &st->scratch;
  st->begun = true;
  LIT(o, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
         "<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" "
         "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<meta name=\"generator\" content=\"jxc\">\n<title>");
  if (h->year > 0)
    jx_out_printf(o, "%d年度", h->year);
  LIT(o, "预算绩效目标表</title>\n<style>\n");
  LIT(o, css);
  /* The diagnostics column needs room: a wider sheet, landscape in print. */
  if (st->opt.with_diagnostics)
    LIT(o, "@media screen{main{max-width:270mm}}@page{size:A4 landscape}\n");
  LIT(o, "</style>\n</head>\n<body>\n<main>\n");
  if (st->have_early) {
    size_t n;
    const char *data = jx_out_data(&st->early_out, &n);
    jx_out_write(o, data, n);
    jx_out_free(&st->early_out);
    st->have_early = false;
  }
}

static void html_unit_open(void *vst, const jx_unit *u) {
  html_state *st = vst;
  settle(st);
  if (!u->code && !u->name)
    return; /* projects outside a unit have no unit heading */
  if (!st->opt.with_diagnostics) {
    write_unit(st, u, "unit", jx_form_unit_head);
    return;
  }
  hold_unit(st, u, false);
  st->pending = PEND_UNIT_HEAD;
}

static void html_project(void *vst, const jx_unit *u, const jx_project *p) {
  html_state *st = vst;
  settle(st);
  st->n_projects++;
  jx_summary_add(&st->sum, u, p);
  if (!st->opt.with_diagnostics) {
    write_project(st, u, p);
    return;
  }
  hold_unit(st, u, false);
  st->held_project = jx_project_copy(&st->dx_arena, p);
  st->pending = PEND_PROJECT;
}

static void html_unit_close(void *vst, const jx_unit *u) {
  html_state *st = vst;
  settle(st);
  if ((!u->code && !u->name) || (u->n_goals == 0 && u->n_measures == 0))
    return;
  if (!st->opt.with_diagnostics) {
    write_unit(st, u, "unit-tail", jx_form_unit_tail);
    return;
  }
  hold_unit(st, u, true);
  st->pending = PEND_UNIT_TAIL;
}

static void html_department(void *vst, const jx_department *d) {
  html_state *st = vst;
  settle(st);
  if (!d)
    return;
  jx_arena_mark m = jx_arena_mark_now(&st->scratch);
  table_open(st, "department", NULL, jx_form_widths, JX_FORM_COLS);
  jx_form_department(&st->ctx, d, put_row, st);
  table_close(st);
  jx_arena_release(&st->scratch, m);
}

static void html_end(void *vst) {
  html_state *st = vst;
  settle(st);
  jx_arena_mark m = jx_arena_mark_now(&st->scratch);
  bool with_dx = st->opt.with_diagnostics;
  st->opt.with_diagnostics = false; /* no diagnostics column */
  table_open(st, "summary", NULL, jx_summary_widths, JX_SUMMARY_COLS);
  jx_form_summary(&st->ctx, &st->sum, put_row, st);
  table_close(st);
  st->opt.with_diagnostics = with_dx;
  jx_arena_release(&st->scratch, m);
  if (st->n_batch) /* diagnostics after the last declaration */
    settle_batch(st);
  LIT(st->out, "</main>\n</body>\n</html>\n");
}

static void html_destroy(void *vst) {
  html_state *st = vst;
  if (st->opt.with_diagnostics)
    jx_diag_set_observer(st->opt.diag, NULL, NULL);
  if (st->have_early)
    jx_out_free(&st->early_out);
  free(st->batch);
  jx_summary_free(&st->sum);
  jx_arena_free(&st->keep);
  jx_arena_free(&st->scratch);
  jx_arena_free(&st->dx_arena);
  free(st);
}

const jx_backend jx_backend_html = {
    .name = "html",
    .create = html_create,
    .begin = html_begin,
    .unit_open = html_unit_open,
    .project = html_project,
    .unit_close = html_unit_close,
    .department = html_department,
    .end = html_end,
    .destroy = html_destroy,
};
