/*
 * emit_csv.c — the CSV back end: `jxc build -f csv [--table T] [--bom]`.
 *
 * One table per run (indicators, projects or schedule; docs/csv.md lists
 * the columns), written as RFC 4180 CSV: a header row, CRLF after every
 * record, and a cell quoted when it holds `,` `"` CR or LF (with `"`
 * doubled).  Finance staff open the file in Excel or WPS and pipelines load
 * it into databases, so two more rules apply:
 *
 *   - Formula injection: a text cell that starts with = + - @ TAB or CR is
 *     written as '<text>, quoted (the OWASP recommendation), so a
 *     spreadsheet shows it as text instead of evaluating it.  Numbers that
 *     this back end formats itself (amounts, values, percentages) are left
 *     alone: "-5" in a value column is a number, not an attack.
 *   - Ill-formed UTF-8 (the checker rejects it, so this is a second line of
 *     defence) becomes U+FFFD per maximal subpart, as in the JSON output.
 *
 * Streaming: every row is written as soon as its event arrives; nothing
 * but a few counters is kept between events.
 *
 * The cell writers are in csv_put.h, the indicators row of a build (the
 * category block memo on) in csv_row.h.
 */
#include "arena.h"
#include "backend.h"
#include "csv_put.h"
#include "csv_row.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jx_csv_text(jx_out *o, int *col, const char *s) {
  put_text(o, col, s);
}

void jx_csv_figure(jx_out *o, int *col, const char *s) {
  field(o, col);
  jx_out_puts(o, s);
}

/* ---- Tables ----------------------------------------------------------- */

/* Columns are only ever added at the end (a load that maps them by
 * position keeps working): the roles came after line, issue 11's columns
 * after the roles. */
static const char indicators_header[] =
    "scope,unit_code,unit_name,project_code,project_name,division,"
    "level1,level1_label,level2,level2_label,name,description,kind,op,"
    "value,unit,text,basis,line,level1_role,level2_role,"
    "period_op,period_value,period_unit,period_text,"
    "standard,explanation,value_note,remark,scoring,value_end,per_unit\r\n";

static const char projects_header[] =
    "unit_code,unit_name,project_code,project_name,budget,fiscal,other,"
    "purpose,m01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,m12,"
    "goals,indicators,line,"
    "total,period,period_start,period_end,supervisor_code,supervisor_name,"
    "implementer_code,implementer_name,classification,nature,continuity,"
    "policy,document,subject,manager,manager_phone,contact,contact_phone,"
    "sources,overall_goals\r\n";

static const char schedule_header[] =
    "unit_code,unit_name,project_code,project_name,month,percent\r\n";

static const char sources_header[] =
    "unit_code,unit_name,project_code,project_name,kind,label,amount,"
    "fiscal\r\n";

static const char breakdown_header[] =
    "scope,unit_code,unit_name,project_code,project_name,name,amount\r\n";

/* scope: "project", "division" or "department" (docs/csv.md). */
/* The four columns that say whose a row is: unit code and name, project
 * code and name (empty for a unit's or the department's own rows). */
/*
 * The four cells that say whose a row is — unit code and name, project
 * code and name — are the same in every row of a project (an indicators
 * table has nine or so), so they are formatted once per event into
 * `owner` and copied into each row.
 */
static void format_owner(jx_out *owner, const jx_unit *u, const jx_project *p) {
  int col = 0;
  owner->len = 0;
  put_text(owner, &col, u ? u->code : NULL);
  put_text(owner, &col, u ? u->name : NULL);
  put_text(owner, &col, p ? p->code : NULL);
  put_text(owner, &col, p ? p->name : NULL);
}

static void put_owner(jx_out *o, int *col, const jx_out *owner) {
  field(o, col);
  jx_out_write(o, owner->buf, owner->len);
  *col += 3;
}

static void indicator_row(jx_out *o, jx_memo *m, jx_blocks *cats,
                          const char *scope, const jx_out *owner,
                          const char *division, const jx_indicator *x) {
  int col = 0;
  put_text_memo(o, &col, m, scope);
  put_owner(o, &col, owner);
  put_text_memo(o, &col, m, division);
  const jx_block_slot *e = cats
                               ? jx_block_find(cats, x->level1, x->level1_label,
                                               x->level2, x->level2_label, 0)
                               : NULL;
  if (e) {
    jx_out_write(o, e->out, e->n);
    col += 4;
  } else {
    category_cells(o, &col, m, cats, x);
  }
  put_text(o, &col, x->name);
  put_text(o, &col, x->description);
  put_text_memo(o, &col, m, jx_kind_text(x->kind));
  put_op(o, &col, x->op);
  put_value(o, &col, x->kind, x->value, x->text);
  put_text(o, &col, x->unit);
  put_text(o, &col, x->text);
  put_text(o, &col, x->basis);
  put_int(o, &col, x->line);
  put_text_memo(o, &col, m, jx_role_text(x->level1_role));
  put_text_memo(o, &col, m, jx_role_text(x->level2_role));
  const jx_target *t = x->period_target;
  if (t) {
    put_op(o, &col, t->op);
    put_value(o, &col, t->kind, t->value, t->text);
    put_text(o, &col, t->unit);
    put_text(o, &col, t->text);
  } else {
    for (int i = 0; i < 4; i++)
      field(o, &col);
  }
  put_text(o, &col, x->standard);
  put_text(o, &col, x->explanation);
  put_text(o, &col, x->value_note);
  put_text(o, &col, x->remark);
  put_text(o, &col, x->scoring);
  if (x->kind == JX_KIND_DATE_RANGE)
    put_date(o, &col, x->value_end);
  else
    field(o, &col);
  put_text(o, &col, x->per_unit);
  end_row(o);
}

static const char *continuity_word(jx_continuity c) {
  return c == JX_CONTINUITY_NEW          ? "new"
         : c == JX_CONTINUITY_CONTINUING ? "continuing"
                                         : NULL;
}

/* The sources of funds in one cell, for a sheet: "上级资金 40; 本级资金 20"
 * (the sources table has them one to a row). */
static void put_sources_cell(jx_out *o, int *col, const jx_project *p) {
  jx_out cell;
  jx_out_init_mem(&cell);
  for (size_t i = 0; i < p->n_sources; i++) {
    char b[JX_DECIMAL_BUFSZ];
    jx_decimal_format(p->sources[i].amount, b);
    jx_out_printf(&cell, "%s%s %s", i ? "; " : "",
                  p->sources[i].label ? p->sources[i].label : "", b);
  }
  jx_out_putc(&cell, '\0');
  size_t n;
  const char *text = jx_out_data(&cell, &n);
  put_text(o, col, n > 1 ? text : NULL);
  jx_out_free(&cell);
}

static void project_row(jx_out *o, const jx_out *owner, const jx_project *p) {
  int col = 0;
  const jx_schedule_point *by_month[13] = {0};
  for (size_t i = 0; i < p->n_schedule; i++)
    if (p->schedule[i].month >= 1 && p->schedule[i].month <= 12)
      by_month[p->schedule[i].month] = &p->schedule[i];
  put_owner(o, &col, owner);
  put_decimal(o, &col, p->budget);
  put_decimal(o, &col, p->fiscal);
  put_decimal(o, &col, p->other);
  put_text(o, &col, p->purpose);
  for (int m = 1; m <= 12; m++) {
    if (by_month[m])
      put_decimal(o, &col, by_month[m]->percent);
    else
      field(o, &col);
  }
  put_int(o, &col, (long long)p->n_goals);
  put_int(o, &col, (long long)p->n_indicators);
  put_int(o, &col, p->line);
  if (p->has_total)
    put_decimal(o, &col, p->total);
  else
    field(o, &col);
  put_text(o, &col, p->period);
  if (p->period_start.micros)
    put_date(o, &col, p->period_start);
  else
    field(o, &col);
  if (p->period_end.micros)
    put_date(o, &col, p->period_end);
  else
    field(o, &col);
  put_text(o, &col, p->supervisor.code);
  put_text(o, &col, p->supervisor.name);
  put_text(o, &col, p->implementer.code);
  put_text(o, &col, p->implementer.name);
  put_text(o, &col, p->classification);
  put_text(o, &col, p->nature);
  put_text(o, &col, continuity_word(p->continuity));
  put_text(o, &col, p->policy);
  put_text(o, &col, p->document);
  put_text(o, &col, p->subject);
  put_text(o, &col, p->manager.name);
  put_text(o, &col, p->manager.phone);
  put_text(o, &col, p->contact.name);
  put_text(o, &col, p->contact.phone);
  put_sources_cell(o, &col, p);
  put_int(o, &col, (long long)p->n_overall_goals);
  end_row(o);
}

static void source_rows(jx_out *o, const jx_out *owner, const jx_project *p) {
  for (size_t i = 0; i < p->n_sources; i++) {
    int col = 0;
    put_owner(o, &col, owner);
    put_text(o, &col, p->sources[i].kind);
    put_text(o, &col, p->sources[i].label);
    put_decimal(o, &col, p->sources[i].amount);
    put_text(o, &col, p->sources[i].fiscal ? "true" : "false");
    end_row(o);
  }
}

static void breakdown_rows(jx_out *o, const char *scope, const jx_out *owner,
                           const jx_line_item *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    int col = 0;
    put_text(o, &col, scope);
    put_owner(o, &col, owner);
    put_text(o, &col, v[i].name);
    put_decimal(o, &col, v[i].amount);
    end_row(o);
  }
}

static void schedule_rows(jx_out *o, const jx_out *owner, const jx_project *p) {
  for (size_t i = 0; i < p->n_schedule; i++) {
    int col = 0;
    put_owner(o, &col, owner);
    put_int(o, &col, p->schedule[i].month);
    put_decimal(o, &col, p->schedule[i].percent);
    end_row(o);
  }
}

/* ---- The back end ----------------------------------------------------- */

typedef struct csv_state {
  jx_out *out;
  jx_emit_options opt;
  jx_out owner;       /* the owner cells of the event being written */
  jx_memo memo;       /* indicator_row's */
  jx_blocks *cats;    /* likewise, when the texts' addresses are keys */
  csv_pieces *pieces; /* with cats: indicator_row_fast's */
  jx_out prefix;      /* with cats: a row's scope, owner and division */
} csv_state;

/* An indicators row of scope, division (NULL for none) and indicator x,
 * whose owner cells st->owner holds. */
static void csv_indicator(csv_state *st, const char *scope,
                          const char *division, const jx_indicator *x) {
  if (st->cats)
    indicator_row_fast(st->out, &st->memo, st->cats, st->pieces, &st->prefix,
                       x);
  else
    indicator_row(st->out, &st->memo, st->cats, scope, &st->owner, division, x);
}

/* With cats: the first six cells of the rows to come (scope, the owner
 * cells of u and p, which may be NULL, and division) into st->prefix,
 * formatted from the model: no owner cells made first and copied. */
static void csv_prefix(csv_state *st, const char *scope, const jx_unit *u,
                       const jx_project *p, const char *division) {
  if (!st->cats)
    return;
  jx_out *o = &st->prefix;
  o->len = 0;
  keep_room(o);
  cell_keep_nonempty(o, scope); /* a word of ours, never empty */
  cell_keep(o, u ? u->code : NULL);
  cell_keep(o, u ? u->name : NULL);
  cell_keep(o, p ? p->code : NULL);
  cell_keep(o, p ? p->name : NULL);
  cell_keep(o, division);
}

static void *csv_create(jx_out *out, const jx_emit_options *opt) {
  csv_state *st = jx_xcalloc(1, sizeof *st);
  st->out = out;
  st->opt = *opt;
  jx_out_init_mem(&st->owner);
  jx_out_init_mem(&st->prefix);
  /* indicator_row_fast reads PREFIX_MOVE bytes of it (out.c's memory
   * buffers start larger) */
  jx_out_reserve(&st->prefix, PREFIX_MOVE);
  memset(st->prefix.buf, 0, st->prefix.cap);
  if (opt->framework_texts_stable) {
    st->cats = jx_xcalloc(1, sizeof *st->cats);
    st->pieces = jx_xcalloc(1, sizeof *st->pieces);
    pieces_init(st->pieces);
  }
  return st;
}

static void csv_begin(void *vst, const jx_plan *h) {
  csv_state *st = vst;
  (void)h; /* year, framework and currency are in docs, not in rows */
  if (st->opt.bom)
    LIT(st->out, "\xEF\xBB\xBF");
  switch (st->opt.csv_table) {
  case JX_CSV_PROJECTS:
    LIT(st->out, projects_header);
    break;
  case JX_CSV_SCHEDULE:
    LIT(st->out, schedule_header);
    break;
  case JX_CSV_SOURCES:
    LIT(st->out, sources_header);
    break;
  case JX_CSV_BREAKDOWN:
    LIT(st->out, breakdown_header);
    break;
  case JX_CSV_INDICATORS:
  default:
    LIT(st->out, indicators_header);
    break;
  }
}

static void csv_unit_open(void *vst, const jx_unit *u) {
  (void)vst; /* rows carry their unit; nothing to open */
  (void)u;
}

static void csv_project(void *vst, const jx_unit *u, const jx_project *p) {
  csv_state *st = vst;
  static const jx_unit none = {0};
  if (!u)
    u = &none;
  if (st->cats && st->opt.csv_table == JX_CSV_INDICATORS) {
    /* a build's indicators: the rows need no owner cells of their own */
    csv_prefix(st, "project", u, p, NULL);
    for (size_t i = 0; i < p->n_indicators; i++)
      indicator_row_fast(st->out, &st->memo, st->cats, st->pieces, &st->prefix,
                         &p->indicators[i]);
    return;
  }
  format_owner(&st->owner, u, p);
  switch (st->opt.csv_table) {
  case JX_CSV_PROJECTS:
    project_row(st->out, &st->owner, p);
    break;
  case JX_CSV_SCHEDULE:
    schedule_rows(st->out, &st->owner, p);
    break;
  case JX_CSV_SOURCES:
    source_rows(st->out, &st->owner, p);
    break;
  case JX_CSV_BREAKDOWN:
    breakdown_rows(st->out, "project", &st->owner, p->breakdown,
                   p->n_breakdown);
    break;
  case JX_CSV_INDICATORS:
  default:
    csv_prefix(st, "project", u, p, NULL);
    for (size_t i = 0; i < p->n_indicators; i++)
      csv_indicator(st, "project", NULL, &p->indicators[i]);
    break;
  }
}

static void csv_unit_close(void *vst, const jx_unit *u) {
  (void)vst; /* unit goals and measures are not part of any table */
  (void)u;
}

/* Division and department indicators belong to the indicators table only:
   the other tables are about projects. */
static void csv_department(void *vst, const jx_department *d) {
  csv_state *st = vst;
  format_owner(&st->owner, NULL, NULL);
  if (d && st->opt.csv_table == JX_CSV_BREAKDOWN)
    breakdown_rows(st->out, "department", &st->owner, d->breakdown,
                   d->n_breakdown);
  if (!d || st->opt.csv_table != JX_CSV_INDICATORS)
    return;
  for (size_t i = 0; i < d->n_divisions; i++) {
    const jx_division *dv = &d->divisions[i];
    csv_prefix(st, "division", NULL, NULL, dv->name);
    for (size_t j = 0; j < dv->n_indicators; j++)
      csv_indicator(st, "division", dv->name, &dv->indicators[j]);
  }
  csv_prefix(st, "department", NULL, NULL, NULL);
  for (size_t i = 0; i < d->n_indicators; i++)
    csv_indicator(st, "department", NULL, &d->indicators[i]);
}

static void csv_end(void *vst) {
  (void)vst; /* every row is out already */
}

static void csv_destroy(void *vst) {
  csv_state *st = vst;
  if (!st)
    return;
  jx_out_free(&st->owner);
  jx_out_free(&st->prefix);
  free(st->cats);
  free(st->pieces);
  free(st);
}

const jx_backend jx_backend_csv = {
    .name = "csv",
    .create = csv_create,
    .begin = csv_begin,
    .unit_open = csv_unit_open,
    .project = csv_project,
    .unit_close = csv_unit_close,
    .department = csv_department,
    .end = csv_end,
    .destroy = csv_destroy,
};
