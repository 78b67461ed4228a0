/*
 * emit_json.c — the JSON back end: `jxc build -f json`.
 *
 * Writes the plan as one JSON document whose shape and key order are a
 * public contract (docs/json.md, docs/jixiao.schema.json).  The layout is
 * what `jq .` prints — two-space indentation, one array element per line,
 * [] and {} when empty — so the output diffs well and is byte-for-byte
 * deterministic.
 *
 * The back end streams: the document is written as the events of
 * backend.h arrive, and only the department (which the document puts last)
 * is kept, already formatted, in a memory jx_out until end().  That is also
 * why the document has the department after the units, and a unit's goals
 * and measures after its projects: those are the places where the build
 * knows them.
 *
 * Numbers are exact: amounts and values go through jx_decimal_format, never
 * through a double.
 */
#include "arena.h"
#include "backend.h"
#include "json.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Low-level writers ------------------------------------------------ */

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

/*
 * Separators and indentation come out of one string: ",\n" and enough
 * spaces for the deepest level (an indicator's keys in a project sit at
 * depth 7, a date range's at 8).  sep(o, depth, first) writes [","] "\n" and
 * 2×depth spaces.
 */
static const char sep_text[] = ",\n"
                               "                                "
                               "                                ";
#define MAX_DEPTH ((int)(sizeof sep_text - 3) / 2)
_Static_assert(MAX_DEPTH >= 8, "sep_text too short for the deepest level");

static void sep(jx_out *o, int depth, int first) {
  jx_out_write(o, sep_text + (first != 0),
               (size_t)(2 - (first != 0) + 2 * depth));
}

/* A member name, written as a literal so its length is a constant. */
#define KEY(o, depth, first, k)                                                \
  do {                                                                         \
    sep((o), (depth), (first));                                                \
    LIT((o), "\"" k "\": ");                                                   \
  } while (0)

/* The end of an array or object whose members were at depth + 1. */
static void close_at(jx_out *o, int depth, size_t n, char bracket) {
  if (n > 0)
    sep(o, depth, 1);
  jx_out_putc(o, bracket);
}

static void put_null(jx_out *o) {
  LIT(o, "null");
}

static void put_int(jx_out *o, int64_t v) {
  char b[24];
  char *p = b + sizeof b;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do {
    *--p = (char)('0' + u % 10);
    u /= 10;
  } while (u > 0);
  if (v < 0)
    *--p = '-';
  jx_out_write(o, p, (size_t)(b + sizeof b - p));
}

static void put_decimal(jx_out *o, jx_decimal d) {
  char b[JX_DECIMAL_BUFSZ];
  size_t n = jx_decimal_format(d, b);
  jx_out_write(o, b, n);
}

/* ---- Model writers ----------------------------------------------------
 *
 * Each writer is called with the opening bracket still to write and
 * `depth` the level of that bracket; members go at depth + 1.
 */

static void put_strings(jx_out *o, int depth, const char *const *v, size_t n) {
  jx_out_putc(o, '[');
  for (size_t i = 0; i < n; i++) {
    sep(o, depth + 1, i == 0);
    jx_json_string(o, v[i]);
  }
  close_at(o, depth, n, ']');
}

static void put_measures(jx_out *o, int depth, const jx_measure *m, size_t n) {
  int d = depth + 2;
  jx_out_putc(o, '[');
  for (size_t i = 0; i < n; i++) {
    sep(o, depth + 1, i == 0);
    jx_out_putc(o, '{');
    KEY(o, d, 1, "title");
    jx_json_string(o, m[i].title);
    KEY(o, d, 0, "text");
    jx_json_string(o, m[i].text);
    close_at(o, depth + 1, 1, '}');
  }
  close_at(o, depth, n, ']');
}

/* A date value is yyyymmdd × 10^6; dd = 00 is a month-only date. */
static void put_date(jx_out *o, jx_decimal v) {
  if (v.micros < 0 || v.micros % JX_DECIMAL_SCALE != 0) {
    put_null(o); /* not a date; the checker never lets one through */
    return;
  }
  int64_t ymd = v.micros / JX_DECIMAL_SCALE;
  int64_t y = ymd / 10000;
  int m = (int)(ymd / 100 % 100), d = (int)(ymd % 100);
  char b[48];
  int n;
  if (m == 0)
    n = snprintf(b, sizeof b, "\"%04" PRId64 "\"", y);
  else if (d == 0)
    n = snprintf(b, sizeof b, "\"%04" PRId64 "-%02d\"", y, m);
  else
    n = snprintf(b, sizeof b, "\"%04" PRId64 "-%02d-%02d\"", y, m, d);
  jx_out_write(o, b, (size_t)n);
}

/* A target's value by its kind (an indicator's own, or its period's), at
 * depth d; a date range is { start, end }. */
static void put_value(jx_out *o, int d, jx_kind kind, jx_decimal value,
                      jx_decimal value_end, const char *text) {
  switch (kind) {
  case JX_KIND_QUANTITATIVE:
    put_decimal(o, value);
    break;
  case JX_KIND_QUALITATIVE:
    jx_json_string(o, text);
    break;
  case JX_KIND_DATE:
    put_date(o, value);
    break;
  case JX_KIND_DATE_RANGE:
    jx_out_putc(o, '{');
    KEY(o, d + 1, 1, "start");
    put_date(o, value);
    KEY(o, d + 1, 0, "end");
    put_date(o, value_end);
    close_at(o, d, 1, '}');
    break;
  case JX_KIND_NA:
  case JX_KIND_EMPTY:
  default:
    put_null(o);
    break;
  }
}

/* The period's target: { kind, op, value, unit, per_unit, text } or
 * null. */
static void put_target(jx_out *o, int depth, const jx_target *t) {
  if (!t) {
    put_null(o);
    return;
  }
  int d = depth + 1;
  jx_out_putc(o, '{');
  KEY(o, d, 1, "kind");
  jx_json_string(o, jx_kind_text(t->kind));
  KEY(o, d, 0, "op");
  jx_json_string(o, jx_op_text(t->op));
  KEY(o, d, 0, "value");
  put_value(o, d, t->kind, t->value, t->value_end, t->text);
  KEY(o, d, 0, "unit");
  jx_json_string(o, t->unit);
  KEY(o, d, 0, "per_unit");
  jx_json_string(o, t->per_unit);
  KEY(o, d, 0, "text");
  jx_json_string(o, t->text);
  close_at(o, depth, 1, '}');
}

static void put_indicator(jx_out *o, int depth, const jx_indicator *x) {
  int d = depth + 1;
  jx_out_putc(o, '{');
  KEY(o, d, 1, "level1");
  jx_json_string(o, x->level1);
  KEY(o, d, 0, "level1_label");
  jx_json_string(o, x->level1_label);
  KEY(o, d, 0, "level1_role");
  jx_json_string(o, jx_role_text(x->level1_role));
  KEY(o, d, 0, "level2");
  jx_json_string(o, x->level2);
  KEY(o, d, 0, "level2_label");
  jx_json_string(o, x->level2_label);
  KEY(o, d, 0, "level2_role");
  jx_json_string(o, jx_role_text(x->level2_role));
  KEY(o, d, 0, "name");
  jx_json_string(o, x->name);
  KEY(o, d, 0, "description");
  jx_json_string(o, x->description);
  KEY(o, d, 0, "kind");
  jx_json_string(o, jx_kind_text(x->kind));
  KEY(o, d, 0, "op");
  jx_json_string(o, jx_op_text(x->op));
  KEY(o, d, 0, "value");
  put_value(o, d, x->kind, x->value, x->value_end, x->text);
  KEY(o, d, 0, "unit");
  jx_json_string(o, x->unit);
  KEY(o, d, 0, "per_unit");
  jx_json_string(o, x->per_unit);
  KEY(o, d, 0, "text");
  jx_json_string(o, x->text);
  KEY(o, d, 0, "period_target");
  put_target(o, d, x->period_target);
  KEY(o, d, 0, "basis");
  jx_json_string(o, x->basis);
  KEY(o, d, 0, "standard");
  jx_json_string(o, x->standard);
  KEY(o, d, 0, "explanation");
  jx_json_string(o, x->explanation);
  KEY(o, d, 0, "value_note");
  jx_json_string(o, x->value_note);
  KEY(o, d, 0, "remark");
  jx_json_string(o, x->remark);
  KEY(o, d, 0, "scoring");
  jx_json_string(o, x->scoring);
  KEY(o, d, 0, "line");
  put_int(o, x->line);
  close_at(o, depth, 1, '}');
}

void jx_emit_json_indicator(jx_out *o, const jx_indicator *x) {
  put_indicator(o, 0, x);
}

static void put_indicators(jx_out *o, int depth, const jx_indicator *v,
                           size_t n) {
  jx_out_putc(o, '[');
  for (size_t i = 0; i < n; i++) {
    sep(o, depth + 1, i == 0);
    put_indicator(o, depth + 1, &v[i]);
  }
  close_at(o, depth, n, ']');
}

static void put_schedule(jx_out *o, int depth, const jx_schedule_point *v,
                         size_t n) {
  int d = depth + 2;
  jx_out_putc(o, '[');
  for (size_t i = 0; i < n; i++) {
    sep(o, depth + 1, i == 0);
    jx_out_putc(o, '{');
    KEY(o, d, 1, "month");
    put_int(o, v[i].month);
    KEY(o, d, 0, "percent");
    put_decimal(o, v[i].percent);
    close_at(o, depth + 1, 1, '}');
  }
  close_at(o, depth, n, ']');
}

/* { code, name } or null when neither is known. */
static void put_org(jx_out *o, int depth, jx_org org) {
  if (!org.code && !org.name) {
    put_null(o);
    return;
  }
  jx_out_putc(o, '{');
  KEY(o, depth + 1, 1, "code");
  jx_json_string(o, org.code);
  KEY(o, depth + 1, 0, "name");
  jx_json_string(o, org.name);
  close_at(o, depth, 1, '}');
}

static void put_person(jx_out *o, int depth, jx_person p) {
  if (!p.name) {
    put_null(o);
    return;
  }
  jx_out_putc(o, '{');
  KEY(o, depth + 1, 1, "name");
  jx_json_string(o, p.name);
  KEY(o, depth + 1, 0, "phone");
  jx_json_string(o, p.phone);
  close_at(o, depth, 1, '}');
}

static void put_sources(jx_out *o, int depth, const jx_source *v, size_t n) {
  int d = depth + 2;
  jx_out_putc(o, '[');
  for (size_t i = 0; i < n; i++) {
    sep(o, depth + 1, i == 0);
    jx_out_putc(o, '{');
    KEY(o, d, 1, "kind");
    jx_json_string(o, v[i].kind);
    KEY(o, d, 0, "label");
    jx_json_string(o, v[i].label);
    KEY(o, d, 0, "amount");
    put_decimal(o, v[i].amount);
    KEY(o, d, 0, "fiscal");
    if (v[i].fiscal)
      LIT(o, "true");
    else
      LIT(o, "false");
    close_at(o, depth + 1, 1, '}');
  }
  close_at(o, depth, n, ']');
}

static void put_lines(jx_out *o, int depth, const jx_line_item *v, size_t n) {
  int d = depth + 2;
  jx_out_putc(o, '[');
  for (size_t i = 0; i < n; i++) {
    sep(o, depth + 1, i == 0);
    jx_out_putc(o, '{');
    KEY(o, d, 1, "name");
    jx_json_string(o, v[i].name);
    KEY(o, d, 0, "amount");
    put_decimal(o, v[i].amount);
    close_at(o, depth + 1, 1, '}');
  }
  close_at(o, depth, n, ']');
}

static void put_attributes(jx_out *o, int depth, const jx_attribute *v,
                           size_t n) {
  int d = depth + 2;
  jx_out_putc(o, '[');
  for (size_t i = 0; i < n; i++) {
    sep(o, depth + 1, i == 0);
    jx_out_putc(o, '{');
    KEY(o, d, 1, "key");
    jx_json_string(o, v[i].key);
    KEY(o, d, 0, "value");
    jx_json_string(o, v[i].value);
    close_at(o, depth + 1, 1, '}');
  }
  close_at(o, depth, n, ']');
}

/* 实施期: { text, start, end } (start and end null when the text is not
 * a range of dates), or null. */
static void put_period(jx_out *o, int depth, const jx_project *p) {
  if (!p->period) {
    put_null(o);
    return;
  }
  int d = depth + 1;
  jx_out_putc(o, '{');
  KEY(o, d, 1, "text");
  jx_json_string(o, p->period);
  KEY(o, d, 0, "start");
  if (p->period_start.micros)
    put_date(o, p->period_start);
  else
    put_null(o);
  KEY(o, d, 0, "end");
  if (p->period_end.micros)
    put_date(o, p->period_end);
  else
    put_null(o);
  close_at(o, depth, 1, '}');
}

static const char *continuity_text(jx_continuity c) {
  return c == JX_CONTINUITY_NEW          ? "new"
         : c == JX_CONTINUITY_CONTINUING ? "continuing"
                                         : NULL;
}

static void put_project(jx_out *o, int depth, const jx_project *p) {
  int d = depth + 1;
  jx_out_putc(o, '{');
  KEY(o, d, 1, "code");
  jx_json_string(o, p->code);
  KEY(o, d, 0, "name");
  jx_json_string(o, p->name);
  KEY(o, d, 0, "budget");
  put_decimal(o, p->budget);
  KEY(o, d, 0, "total");
  if (p->has_total)
    put_decimal(o, p->total);
  else
    put_null(o);
  KEY(o, d, 0, "fiscal");
  put_decimal(o, p->fiscal);
  KEY(o, d, 0, "other");
  put_decimal(o, p->other);
  KEY(o, d, 0, "sources");
  put_sources(o, d, p->sources, p->n_sources);
  KEY(o, d, 0, "breakdown");
  put_lines(o, d, p->breakdown, p->n_breakdown);
  KEY(o, d, 0, "purpose");
  jx_json_string(o, p->purpose);
  KEY(o, d, 0, "period");
  put_period(o, d, p);
  KEY(o, d, 0, "supervisor");
  put_org(o, d, p->supervisor);
  KEY(o, d, 0, "implementer");
  put_org(o, d, p->implementer);
  KEY(o, d, 0, "classification");
  jx_json_string(o, p->classification);
  KEY(o, d, 0, "nature");
  jx_json_string(o, p->nature);
  KEY(o, d, 0, "continuity");
  jx_json_string(o, continuity_text(p->continuity));
  KEY(o, d, 0, "policy");
  jx_json_string(o, p->policy);
  KEY(o, d, 0, "document");
  jx_json_string(o, p->document);
  KEY(o, d, 0, "subject");
  jx_json_string(o, p->subject);
  KEY(o, d, 0, "manager");
  put_person(o, d, p->manager);
  KEY(o, d, 0, "contact");
  put_person(o, d, p->contact);
  KEY(o, d, 0, "attributes");
  put_attributes(o, d, p->attributes, p->n_attributes);
  KEY(o, d, 0, "schedule");
  put_schedule(o, d, p->schedule, p->n_schedule);
  KEY(o, d, 0, "overall_goals");
  put_strings(o, d, p->overall_goals, p->n_overall_goals);
  KEY(o, d, 0, "goals");
  put_strings(o, d, p->goals, p->n_goals);
  KEY(o, d, 0, "indicators");
  put_indicators(o, d, p->indicators, p->n_indicators);
  KEY(o, d, 0, "line");
  put_int(o, p->line);
  close_at(o, depth, 1, '}');
}

static void put_department(jx_out *o, int depth, const jx_department *dep) {
  int d = depth + 1;
  jx_out_putc(o, '{');
  KEY(o, d, 1, "name");
  jx_json_string(o, dep->name);
  KEY(o, d, 0, "code");
  jx_json_string(o, dep->code);
  KEY(o, d, 0, "budget");
  if (dep->has_budget)
    put_decimal(o, dep->budget);
  else
    put_null(o);
  KEY(o, d, 0, "breakdown");
  put_lines(o, d, dep->breakdown, dep->n_breakdown);
  KEY(o, d, 0, "goals");
  put_strings(o, d, dep->goals, dep->n_goals);
  KEY(o, d, 0, "indicators");
  put_indicators(o, d, dep->indicators, dep->n_indicators);
  KEY(o, d, 0, "divisions");
  jx_out_putc(o, '[');
  for (size_t i = 0; i < dep->n_divisions; i++) {
    const jx_division *dv = &dep->divisions[i];
    int dd = d + 2;
    sep(o, d + 1, i == 0);
    jx_out_putc(o, '{');
    KEY(o, dd, 1, "name");
    jx_json_string(o, dv->name);
    KEY(o, dd, 0, "goals");
    put_strings(o, dd, dv->goals, dv->n_goals);
    KEY(o, dd, 0, "indicators");
    put_indicators(o, dd, dv->indicators, dv->n_indicators);
    close_at(o, d + 1, 1, '}');
  }
  close_at(o, d, dep->n_divisions, ']');
  KEY(o, d, 0, "measures");
  put_measures(o, d, dep->measures, dep->n_measures);
  close_at(o, depth, 1, '}');
}

/* ---- The back end ----------------------------------------------------- */

/* Depths in the document: the root object's members at 1, a unit (an
   element of "units") at 2, its members at 3, a project at 4. */
enum { UNIT_DEPTH = 2, PROJECT_DEPTH = 4, DEPARTMENT_DEPTH = 1 };

typedef struct json_state {
  jx_out *out;
  jx_out dept;    /* the department, formatted when it arrives */
  bool have_dept; /* dept is initialised and holds it */
  bool in_unit;   /* between unit_open and unit_close */
  size_t n_units;
  size_t n_projects; /* in the open unit */
} json_state;

static void *json_create(jx_out *out, const jx_emit_options *opt) {
  (void)opt; /* JSON has no options */
  json_state *st = jx_xcalloc(1, sizeof *st);
  st->out = out;
  return st;
}

static void json_begin(void *vst, const jx_plan *h) {
  json_state *st = vst;
  jx_out *o = st->out;
  LIT(o, "{\n  \"jixiao\": 3,\n  \"year\": ");
  if (h->year != 0)
    put_int(o, h->year);
  else
    put_null(o);
  LIT(o, ",\n  \"framework\": ");
  jx_json_string(o, h->framework);
  LIT(o, ",\n  \"form\": ");
  jx_json_string(o, h->form ? h->form : "generic");
  LIT(o, ",\n  \"currency\": ");
  jx_json_string(o, h->currency);
  LIT(o, ",\n  \"units\": [");
}

static void json_unit_open(void *vst, const jx_unit *u) {
  json_state *st = vst;
  jx_out *o = st->out;
  int d = UNIT_DEPTH + 1;
  sep(o, UNIT_DEPTH, st->n_units == 0);
  jx_out_putc(o, '{');
  KEY(o, d, 1, "code");
  jx_json_string(o, u->code);
  KEY(o, d, 0, "name");
  jx_json_string(o, u->name);
  KEY(o, d, 0, "projects");
  jx_out_putc(o, '[');
  st->n_units++;
  st->n_projects = 0;
  st->in_unit = true;
}

static void json_project(void *vst, const jx_unit *u, const jx_project *p) {
  json_state *st = vst;
  if (!st->in_unit) /* events out of order: still write valid JSON */
    json_unit_open(st, u);
  sep(st->out, PROJECT_DEPTH, st->n_projects == 0);
  put_project(st->out, PROJECT_DEPTH, p);
  st->n_projects++;
}

/* Closes the open unit; u supplies its goals and measures (NULL: none). */
static void close_unit(json_state *st, const jx_unit *u) {
  jx_out *o = st->out;
  int d = UNIT_DEPTH + 1;
  close_at(o, d, st->n_projects, ']');
  KEY(o, d, 0, "goals");
  put_strings(o, d, u ? u->goals : NULL, u ? u->n_goals : 0);
  KEY(o, d, 0, "measures");
  put_measures(o, d, u ? u->measures : NULL, u ? u->n_measures : 0);
  static const jx_org none = {NULL, NULL};
  KEY(o, d, 0, "supervisor");
  put_org(o, d, u ? u->supervisor : none);
  KEY(o, d, 0, "implementer");
  put_org(o, d, u ? u->implementer : none);
  close_at(o, UNIT_DEPTH, 1, '}');
  st->in_unit = false;
}

static void json_unit_close(void *vst, const jx_unit *u) {
  json_state *st = vst;
  if (!st->in_unit)
    json_unit_open(st, u);
  close_unit(st, u);
}

static void json_department(void *vst, const jx_department *d) {
  json_state *st = vst;
  if (st->have_dept)
    jx_out_free(&st->dept);
  st->have_dept = d != NULL;
  if (!d)
    return;
  /* Formatted now, written at end(): the model struct is only valid
     during this call, and the text is what end() needs anyway. */
  jx_out_init_mem(&st->dept);
  put_department(&st->dept, DEPARTMENT_DEPTH, d);
}

static void json_end(void *vst) {
  json_state *st = vst;
  jx_out *o = st->out;
  if (st->in_unit)
    close_unit(st, NULL);
  close_at(o, 1, st->n_units, ']');
  LIT(o, ",\n  \"department\": ");
  if (st->have_dept) {
    size_t n;
    const char *text = jx_out_data(&st->dept, &n);
    jx_out_write(o, text, n);
  } else {
    put_null(o);
  }
  LIT(o, "\n}\n");
}

static void json_destroy(void *vst) {
  json_state *st = vst;
  if (!st)
    return;
  if (st->have_dept)
    jx_out_free(&st->dept);
  free(st);
}

const jx_backend jx_backend_json = {
    .name = "json",
    .create = json_create,
    .begin = json_begin,
    .unit_open = json_unit_open,
    .project = json_project,
    .unit_close = json_unit_close,
    .department = json_department,
    .end = json_end,
    .destroy = json_destroy,
};
