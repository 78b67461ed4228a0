/*
 * emit_json.c — the JSON back end: `jxc build -f json`.
 *
 * Writes the plan as one JSON document whose shape and key order are a
 * public contract (docs/json.md, docs/jixiao.schema.json).  The layout is
 * what `jq .` prints — two-space indentation, one array element per line,
 * [] and {} when empty — so the output diffs well and is byte-for-byte
 * deterministic; with --compact it is what `jq -c .` prints (no space, no
 * line break but the last).  The model writers (emit_json.h) also write
 * the lines of `-f jsonl` (emit_jsonl.c).
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
#include "emit_json.h"
#include "json.h"
#include "json_put.h"
#include "json_blocks.h"
#include "units.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Model writers ----------------------------------------------------
 *
 * Each writer is called with the opening bracket still to write and
 * `depth` the level of that bracket; members go at depth + 1.
 */

void jx_jw_strings(jx_jw *w, int depth, const char *const *v, size_t n) {
  jx_out *o = w->o;
  room(o);
  put_c(o, '[');
  for (size_t i = 0; i < n; i++) {
    room(o);
    sep(w, depth + 1, i == 0);
    str(o, v[i]);
  }
  close_at(w, depth, n, ']');
}

/*
 * Arrays of small objects — measures, schedule points, sources, line
 * items, attributes — are one writer and a table of each one's members:
 * the key, what the value is, and where it is in the struct.
 */
typedef enum member_type {
  M_STRING,
  M_DECIMAL,
  M_INT, /* an int */
  M_BOOL /* an int, written true or false */
} member_type;
typedef struct member {
  const char *lit; /* `,"key": ` */
  size_t n;
  member_type type;
  size_t offset;
} member;
#define MEMBER(key, type, st, field)                                           \
  { ",\"" key "\": ", sizeof(",\"" key "\": ") - 1, type, offsetof(st, field) }

static const member measure_members[] = {
    MEMBER("title", M_STRING, jx_measure, title),
    MEMBER("text", M_STRING, jx_measure, text)};
static const member schedule_members[] = {
    MEMBER("month", M_INT, jx_schedule_point, month),
    MEMBER("percent", M_DECIMAL, jx_schedule_point, percent)};
static const member source_members[] = {
    MEMBER("kind", M_STRING, jx_source, kind),
    MEMBER("label", M_STRING, jx_source, label),
    MEMBER("amount", M_DECIMAL, jx_source, amount),
    MEMBER("fiscal", M_BOOL, jx_source, fiscal)};
static const member line_members[] = {
    MEMBER("name", M_STRING, jx_line_item, name),
    MEMBER("amount", M_DECIMAL, jx_line_item, amount)};
static const member attribute_members[] = {
    MEMBER("key", M_STRING, jx_attribute, key),
    MEMBER("value", M_STRING, jx_attribute, value)};
#undef MEMBER

/* n objects of `size` bytes from v, with the members m[0..nm).  Inline,
 * so that with a constant table the member loop unrolls and each key is
 * a constant-size copy, as if written out by hand. */
static inline __attribute__((always_inline)) void
put_objects(jx_jw *w, int depth, const void *v, size_t n, size_t size,
            const member *m, size_t nm) {
  jx_out *o = w->o;
  int d = depth + 2;
  room(o);
  put_c(o, '[');
  const char *e = v;
  for (size_t i = 0; i < n; i++, e += size) {
    room(o);
    sep(w, depth + 1, i == 0);
    put_c(o, '{');
#pragma GCC unroll 4
    for (size_t k = 0; k < nm; k++) {
      key_at(o, w->compact, d, k == 0, m[k].lit, m[k].n);
      const void *f = e + m[k].offset;
      switch (m[k].type) {
      case M_STRING:
        str(o, *(const char *const *)f);
        break;
      case M_DECIMAL:
        put_decimal(o, *(const jx_decimal *)f);
        break;
      case M_INT:
        put_int(o, *(const int *)f);
        break;
      case M_BOOL:
        if (*(const int *)f)
          LIT(o, "true");
        else
          LIT(o, "false");
        break;
      }
    }
    close_at(w, depth + 1, 1, '}');
  }
  close_at(w, depth, n, ']');
}
#define PUT_OBJECTS(w, depth, v, n, members)                                   \
  put_objects((w), (depth), (v), (n), sizeof *(v), (members), N_OF(members))

void jx_jw_measures(jx_jw *w, int depth, const jx_measure *m, size_t n) {
  PUT_OBJECTS(w, depth, m, n, measure_members);
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
static void put_value(jx_jw *w, int d, jx_kind kind, jx_decimal value,
                      jx_decimal value_end, const char *text) {
  jx_out *o = w->o;
  switch (kind) {
  case JX_KIND_QUANTITATIVE:
    put_decimal(o, value);
    break;
  case JX_KIND_QUALITATIVE:
    str(o, text);
    break;
  case JX_KIND_DATE:
    put_date(o, value);
    break;
  case JX_KIND_DATE_RANGE:
    put_c(o, '{');
    KEY(w, d + 1, 1, "start");
    put_date(o, value);
    KEY(w, d + 1, 0, "end");
    put_date(o, value_end);
    close_at(w, d, 1, '}');
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
static void put_target(jx_jw *w, int depth, const jx_target *t) {
  jx_out *o = w->o;
  room(o);
  if (!t) {
    put_null(o);
    return;
  }
  int d = depth + 1;
  put_c(o, '{');
  KEY(w, d, 1, "kind");
  put_kind(o, t->kind);
  KEY(w, d, 0, "op");
  put_op(o, t->op);
  KEY(w, d, 0, "value");
  put_value(w, d, t->kind, t->value, t->value_end, t->text);
  KEY_STRING(w, d, 0, "unit", t->unit);
  KEY_STRING(w, d, 0, "per_unit", t->per_unit);
  KEY_STRING(w, d, 0, "text", t->text);
  close_at(w, depth, 1, '}');
}

/* Inline, instantiated below for the common layouts: with `compact` and
 * `depth` constants every member is a few moves.  w0 is the caller's
 * writer, for the calls out (the local copy must not escape). */
static inline __attribute__((always_inline)) void
indicator_body(jx_jw *w0, bool compact, int depth, const jx_indicator *x) {
  jx_jw wl = {.o = w0->o,
              .compact = compact,
              .memo = w0->memo,
              .cats = w0->cats},
        *w = &wl;
  jx_out *o = w->o;
  int d = depth + 1;
  room(o);
  put_c(o, '{');
  if (!w0->cats)
    put_category(w0, d, x);
  else if (!cat_put(w, compact ? -1 : depth, x))
    cat_miss(w0, compact ? -1 : depth, d, x);
  KEY_STRING(w, d, 0, "name", x->name);
  if (!x->description && w0->points &&
      (compact || depth == PROJECT_DEPTH + 2) &&
      (unsigned)x->kind < N_OF(kind_json) && (unsigned)x->op < N_OF(op_json) &&
      w0->points->head[!compact][x->kind * N_OF(op_json) + x->op].n) {
    const jx_jw_head *h =
        &w0->points->head[!compact][x->kind * N_OF(op_json) + x->op];
    memcpy(o->buf + o->len, h->s, sizeof h->s);
    o->len += h->n;
  } else {
    KEY_STRING(w, d, 0, "description", x->description);
    KEY(w, d, 0, "kind");
    put_kind(o, x->kind);
    KEY(w, d, 0, "op");
    put_op(o, x->op);
    KEY(w, d, 0, "value");
  }
  if (x->kind == JX_KIND_QUANTITATIVE) /* most: no call at all */
    put_decimal_inline(o, x->value);
  else
    put_value(w0, d, x->kind, x->value, x->value_end, x->text);
  const jx_jw_unit *u = x->unit && w0->points
                            ? &w0->points->unit[jx_jw_unit_slot(x->unit)]
                            : NULL;
  if (u && u->key == x->unit && !x->per_unit && x->text &&
      (compact || depth == PROJECT_DEPTH + 2) && u->tail_n[!compact]) {
    /* a unit of the table, and the usual null per_unit: one copy */
    KEY(w, d, 0, "unit");
    memcpy(o->buf + o->len, u->tail[!compact], sizeof u->tail[0]);
    o->len += u->tail_n[!compact];
    jx_json_string_keep(o, x->text);
  } else {
    if (u && u->key == x->unit) { /* a unit of the table: its literal */
      KEY(w, d, 0, "unit");
      memcpy(o->buf + o->len, u->s, sizeof u->s);
      o->len += u->n;
    } else {
      KEY_STRING(w, d, 0, "unit", x->unit);
    }
    KEY_STRING(w, d, 0, "per_unit", x->per_unit);
    KEY_STRING(w, d, 0, "text", x->text);
  }
  if (!x->period_target &&
      !((uintptr_t)x->basis | (uintptr_t)x->standard |
        (uintptr_t)x->explanation | (uintptr_t)x->value_note |
        (uintptr_t)x->remark | (uintptr_t)x->scoring) &&
      (compact || depth == PROJECT_DEPTH + 2)) {
    if (compact)
      LIT(o, NULL_TAIL(",", ""));
    else
      LIT(o, NULL_TAIL(",\n" INDICATOR_INDENT, " "));
  } else {
    KEY(w, d, 0, "period_target");
    put_target(w0, d, x->period_target);
    KEY_STRING(w, d, 0, "basis", x->basis);
    KEY_STRING(w, d, 0, "standard", x->standard);
    KEY_STRING(w, d, 0, "explanation", x->explanation);
    KEY_STRING(w, d, 0, "value_note", x->value_note);
    KEY_STRING(w, d, 0, "remark", x->remark);
    KEY_STRING(w, d, 0, "scoring", x->scoring);
    KEY(w, d, 0, "line"); /* NULL_TAIL ends with it */
  }
  put_line(w0, o, x->line);
  close_at(w, depth, 1, '}');
}

_Static_assert(N_OF(kind_json) * N_OF(op_json) <= JX_JW_HEADS,
               "jx_jw_head too few for every kind and op");

/* The unit table's normalised names into p->unit, each as
 * jx_json_string writes it; a name whose slot is taken, or too long,
 * goes the long way. */
static void units_init(jx_jw_points *p) {
  for (int t = 0; t < 2; t++) {
    size_t n;
    const jx_unit_info *u = t ? jx_unit_wan_table(&n) : jx_unit_table(&n);
    for (size_t i = 0; i < n; i++) {
      const char *s = u[i].norm;
      jx_jw_unit *e = s ? &p->unit[jx_jw_unit_slot(s)] : NULL;
      if (!e || e->key)
        continue;
      jx_out m;
      jx_out_init_mem(&m);
      jx_json_string(&m, s);
      size_t len;
      const char *lit = jx_out_data(&m, &len);
      if (len <= sizeof e->s) {
        memcpy(e->s, lit, len);
        e->n = len;
        e->key = s;
        for (int indented = 0; indented < 2; indented++) {
          bool compact = !indented;
          int d = compact ? 1 : PROJECT_DEPTH + 3; /* indicator_body's */
          jx_out tl;
          jx_out_init_mem(&tl);
          room(&tl);
          jx_out_put_reserved(&tl, e->s, e->n);
          KEY_STRING_C(&tl, compact, d, 0, "per_unit", (const char *)NULL);
          KEY_C(&tl, compact, d, 0, "text");
          if (tl.len <= sizeof e->tail[0]) {
            memcpy(e->tail[indented], tl.buf, tl.len);
            e->tail_n[indented] = tl.len;
          }
          jx_out_free(&tl);
        }
      }
      jx_out_free(&m);
    }
  }
}

void jx_jw_points_init(jx_jw_points *p) {
  units_init(p);
  for (int indented = 0; indented < 2; indented++) {
    bool compact = !indented;
    int d = compact ? 1 : PROJECT_DEPTH + 3; /* indicator_body's */
    for (size_t k = 0; k < N_OF(kind_json); k++)
      for (size_t op = 0; op < N_OF(op_json); op++) {
        jx_out m;
        jx_out_init_mem(&m);
        room(&m);
        KEY_STRING_C(&m, compact, d, 0, "description", (const char *)NULL);
        KEY_C(&m, compact, d, 0, "kind");
        put_kind(&m, (jx_kind)k);
        KEY_C(&m, compact, d, 0, "op");
        put_op(&m, (jx_op)op);
        KEY_C(&m, compact, d, 0, "value");
        jx_jw_head *h = &p->head[indented][k * N_OF(op_json) + op];
        if (m.len <= sizeof h->s) {
          memcpy(h->s, m.buf, m.len);
          h->n = m.len;
        }
        jx_out_free(&m);
      }
  }
}

static __attribute__((noinline)) void put_indicator_any(jx_jw *w, int depth,
                                                        const jx_indicator *x) {
  indicator_body(w, w->compact, depth, x);
}

static void put_indicator(jx_jw *w, int depth, const jx_indicator *x) {
  if (w->compact)
    indicator_body(w, true, 0, x);
  else if (depth == PROJECT_DEPTH + 2)
    indicator_body(w, false, PROJECT_DEPTH + 2, x);
  else
    put_indicator_any(w, depth, x);
}

void jx_emit_json_indicator(jx_out *o, const jx_indicator *x) {
  jx_jw w = {.o = o};
  put_indicator(&w, 0, x);
}

/* The elements of an array of indicators at depth d, each in the layout
 * given: the loop inside each instantiation, so that an indicator costs
 * no call (and no saving of registers) of its own. */
static inline __attribute__((always_inline)) void
indicator_run(jx_jw *w, bool compact, int d, const jx_indicator *v, size_t n) {
  jx_out *o = w->o;
  for (size_t i = 0; i < n; i++) {
    room(o);
    sep_at(o, compact, d, i == 0);
    indicator_body(w, compact, d, &v[i]);
  }
}

static void put_indicators(jx_jw *w, int depth, const jx_indicator *v,
                           size_t n) {
  jx_out *o = w->o;
  room(o);
  put_c(o, '[');
  if (w->compact) {
    indicator_run(w, true, 0, v, n);
  } else if (depth + 1 == PROJECT_DEPTH + 2) {
    indicator_run(w, false, PROJECT_DEPTH + 2, v, n);
  } else {
    for (size_t i = 0; i < n; i++) {
      room(o);
      sep(w, depth + 1, i == 0);
      put_indicator_any(w, depth + 1, &v[i]);
    }
  }
  close_at(w, depth, n, ']');
}

void jx_jw_org(jx_jw *w, int depth, jx_org org) {
  jx_out *o = w->o;
  room(o);
  if (!org.code && !org.name) {
    put_null(o);
    return;
  }
  put_c(o, '{');
  KEY_STRING(w, depth + 1, 1, "code", org.code);
  KEY_STRING(w, depth + 1, 0, "name", org.name);
  close_at(w, depth, 1, '}');
}

static void put_person(jx_jw *w, int depth, jx_person p) {
  jx_out *o = w->o;
  room(o);
  if (!p.name) {
    put_null(o);
    return;
  }
  put_c(o, '{');
  KEY_STRING(w, depth + 1, 1, "name", p.name);
  KEY_STRING(w, depth + 1, 0, "phone", p.phone);
  close_at(w, depth, 1, '}');
}

/* 实施期: { text, start, end } (start and end null when the text is not
 * a range of dates), or null. */
static void put_period(jx_jw *w, int depth, const jx_project *p) {
  jx_out *o = w->o;
  room(o);
  if (!p->period) {
    put_null(o);
    return;
  }
  int d = depth + 1;
  put_c(o, '{');
  KEY_STRING(w, d, 1, "text", p->period);
  KEY(w, d, 0, "start");
  if (p->period_start.micros)
    put_date(o, p->period_start);
  else
    put_null(o);
  KEY(w, d, 0, "end");
  if (p->period_end.micros)
    put_date(o, p->period_end);
  else
    put_null(o);
  close_at(w, depth, 1, '}');
}

static const char *continuity_text(jx_continuity c) {
  return c == JX_CONTINUITY_NEW          ? "new"
         : c == JX_CONTINUITY_CONTINUING ? "continuing"
                                         : NULL;
}

/* Like indicator_body: inline, instantiated for the common layouts. */
static inline __attribute__((always_inline)) void
project_body(jx_jw *w0, bool compact, int depth, const jx_project *p) {
  jx_jw wl = {.o = w0->o,
              .compact = compact,
              .memo = w0->memo,
              .cats = w0->cats},
        *w = &wl;
  jx_out *o = w->o;
  int d = depth + 1;
  room(o);
  put_c(o, '{');
  KEY_STRING(w, d, 1, "code", p->code);
  KEY_STRING(w, d, 0, "name", p->name);
  KEY(w, d, 0, "budget");
  size_t budget_at = o->len;
  put_decimal(o, p->budget);
  /* the budget's digits, of constant size (the room made holds them),
   * for the amounts below that equal it */
  memcpy(w0->amount_text, o->buf + budget_at, sizeof w0->amount_text);
  w0->amount = p->budget.micros;
  w0->amount_n = (uint8_t)(o->len - budget_at);
  KEY(w, d, 0, "total");
  if (p->has_total)
    put_decimal(o, p->total);
  else
    put_null(o);
  KEY(w, d, 0, "fiscal");
  put_amount(w0, o, p->fiscal);
  KEY(w, d, 0, "other");
  put_amount(w0, o, p->other);
  KEY(w, d, 0, "sources");
  if (w0->cats)
    put_sources(w0, compact, d, p->sources, p->n_sources);
  else
    PUT_OBJECTS(w, d, p->sources, p->n_sources, source_members);
  KEY(w, d, 0, "breakdown");
  PUT_OBJECTS(w, d, p->breakdown, p->n_breakdown, line_members);
  const char *continuity = continuity_text(p->continuity);
  if (!((uintptr_t)p->purpose | (uintptr_t)p->period |
        (uintptr_t)p->supervisor.code | (uintptr_t)p->supervisor.name |
        (uintptr_t)p->implementer.code | (uintptr_t)p->implementer.name |
        (uintptr_t)p->classification | (uintptr_t)p->nature |
        (uintptr_t)continuity | (uintptr_t)p->policy | (uintptr_t)p->document |
        (uintptr_t)p->subject | (uintptr_t)p->manager.name |
        (uintptr_t)p->contact.name) &&
      (compact || depth == PROJECT_DEPTH)) {
    if (compact)
      LIT(o, PROJECT_NULLS(",", ""));
    else
      LIT(o, PROJECT_NULLS(",\n" PROJECT_INDENT, " "));
  } else {
    KEY_STRING(w, d, 0, "purpose", p->purpose);
    KEY(w, d, 0, "period");
    put_period(w0, d, p);
    KEY(w, d, 0, "supervisor");
    jx_jw_org(w0, d, p->supervisor);
    KEY(w, d, 0, "implementer");
    jx_jw_org(w0, d, p->implementer);
    KEY_STRING(w, d, 0, "classification", p->classification);
    KEY_STRING(w, d, 0, "nature", p->nature);
    KEY_STRING(w, d, 0, "continuity", continuity);
    KEY_STRING(w, d, 0, "policy", p->policy);
    KEY_STRING(w, d, 0, "document", p->document);
    KEY_STRING(w, d, 0, "subject", p->subject);
    KEY(w, d, 0, "manager");
    put_person(w0, d, p->manager);
    KEY(w, d, 0, "contact");
    put_person(w0, d, p->contact);
  }
  KEY(w, d, 0, "attributes");
  PUT_OBJECTS(w, d, p->attributes, p->n_attributes, attribute_members);
  KEY(w, d, 0, "schedule");
  if (w0->points)
    put_schedule(w0, compact, d, p->schedule, p->n_schedule);
  else
    PUT_OBJECTS(w, d, p->schedule, p->n_schedule, schedule_members);
  KEY(w, d, 0, "overall_goals");
  if (p->n_overall_goals) /* most projects have none: [] without a call */
    jx_jw_strings(w0, d, p->overall_goals, p->n_overall_goals);
  else
    LIT(o, "[]");
  KEY(w, d, 0, "goals");
  if (p->n_goals)
    jx_jw_strings(w0, d, p->goals, p->n_goals);
  else
    LIT(o, "[]");
  KEY(w, d, 0, "indicators");
  put_indicators(w0, d, p->indicators, p->n_indicators);
  KEY(w, d, 0, "line");
  put_line(w0, o, p->line);
  close_at(w, depth, 1, '}');
}

static __attribute__((noinline)) void project_any(jx_jw *w, int depth,
                                                  const jx_project *p) {
  project_body(w, w->compact, depth, p);
}

void jx_jw_project(jx_jw *w, int depth, const jx_project *p) {
  if (w->compact)
    project_body(w, true, 0, p);
  else if (depth == PROJECT_DEPTH)
    project_body(w, false, PROJECT_DEPTH, p);
  else
    project_any(w, depth, p);
}

void jx_jw_department(jx_jw *w, int depth, const jx_department *dep) {
  jx_out *o = w->o;
  int d = depth + 1;
  room(o);
  put_c(o, '{');
  KEY_STRING(w, d, 1, "name", dep->name);
  KEY_STRING(w, d, 0, "code", dep->code);
  KEY(w, d, 0, "budget");
  if (dep->has_budget)
    put_decimal(o, dep->budget);
  else
    put_null(o);
  KEY(w, d, 0, "breakdown");
  PUT_OBJECTS(w, d, dep->breakdown, dep->n_breakdown, line_members);
  KEY(w, d, 0, "goals");
  jx_jw_strings(w, d, dep->goals, dep->n_goals);
  KEY(w, d, 0, "indicators");
  put_indicators(w, d, dep->indicators, dep->n_indicators);
  KEY(w, d, 0, "divisions");
  put_c(o, '[');
  for (size_t i = 0; i < dep->n_divisions; i++) {
    const jx_division *dv = &dep->divisions[i];
    int dd = d + 2;
    room(o);
    sep(w, d + 1, i == 0);
    put_c(o, '{');
    KEY_STRING(w, dd, 1, "name", dv->name);
    KEY(w, dd, 0, "goals");
    jx_jw_strings(w, dd, dv->goals, dv->n_goals);
    KEY(w, dd, 0, "indicators");
    put_indicators(w, dd, dv->indicators, dv->n_indicators);
    close_at(w, d + 1, 1, '}');
  }
  close_at(w, d, dep->n_divisions, ']');
  KEY(w, d, 0, "measures");
  jx_jw_measures(w, d, dep->measures, dep->n_measures);
  close_at(w, depth, 1, '}');
}

/* ---- The back end ----------------------------------------------------- */

typedef struct json_state {
  jx_jw w;             /* the output and the layout */
  jx_memo memo;        /* w's */
  jx_blocks cats;      /* w's */
  jx_jw_points points; /* w's */
  jx_out dept;         /* the department, formatted when it arrives */
  bool have_dept;      /* dept is initialised and holds it */
  bool in_unit;        /* between unit_open and unit_close */
  size_t n_units;
  size_t n_projects; /* in the open unit */
} json_state;

static void *json_create(jx_out *out, const jx_emit_options *opt) {
  json_state *st = jx_xcalloc(1, sizeof *st);
  st->w.o = out;
  st->w.compact = opt && opt->compact;
  st->w.memo = &st->memo;
  st->w.cats = opt && opt->framework_texts_stable ? &st->cats : NULL;
  st->w.points = &st->points;
  jx_jw_points_init(&st->points);
  return st;
}

static void json_begin(void *vst, const jx_plan *h) {
  json_state *st = vst;
  jx_jw *w = &st->w;
  jx_out *o = w->o;
  room(o);
  put_c(o, '{');
  KEY(w, 1, 1, "jixiao");
  put_c(o, '3');
  KEY(w, 1, 0, "year");
  if (h->year != 0)
    put_int(o, h->year);
  else
    put_null(o);
  KEY_STRING(w, 1, 0, "framework", h->framework);
  KEY_STRING(w, 1, 0, "form", h->form ? h->form : "generic");
  KEY_STRING(w, 1, 0, "currency", h->currency);
  KEY(w, 1, 0, "units");
  put_c(o, '[');
}

static void json_unit_open(void *vst, const jx_unit *u) {
  json_state *st = vst;
  jx_jw *w = &st->w;
  jx_out *o = w->o;
  int d = UNIT_DEPTH + 1;
  room(o);
  sep(w, UNIT_DEPTH, st->n_units == 0);
  put_c(o, '{');
  KEY_STRING(w, d, 1, "code", u->code);
  KEY_STRING(w, d, 0, "name", u->name);
  KEY(w, d, 0, "projects");
  put_c(o, '[');
  st->n_units++;
  st->n_projects = 0;
  st->in_unit = true;
}

static void json_project(void *vst, const jx_unit *u, const jx_project *p) {
  json_state *st = vst;
  if (!st->in_unit) /* events out of order: still write valid JSON */
    json_unit_open(st, u);
  room(st->w.o);
  sep(&st->w, PROJECT_DEPTH, st->n_projects == 0);
  jx_jw_project(&st->w, PROJECT_DEPTH, p);
  st->n_projects++;
}

/* Closes the open unit; u supplies its goals and measures (NULL: none). */
static void close_unit(json_state *st, const jx_unit *u) {
  jx_jw *w = &st->w;
  int d = UNIT_DEPTH + 1;
  room(w->o);
  close_at(w, d, st->n_projects, ']');
  KEY(w, d, 0, "goals");
  jx_jw_strings(w, d, u ? u->goals : NULL, u ? u->n_goals : 0);
  KEY(w, d, 0, "measures");
  jx_jw_measures(w, d, u ? u->measures : NULL, u ? u->n_measures : 0);
  static const jx_org none = {NULL, NULL};
  KEY(w, d, 0, "supervisor");
  jx_jw_org(w, d, u ? u->supervisor : none);
  KEY(w, d, 0, "implementer");
  jx_jw_org(w, d, u ? u->implementer : none);
  close_at(w, UNIT_DEPTH, 1, '}');
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
  jx_jw dw = {.o = &st->dept, .compact = st->w.compact};
  jx_jw_department(&dw, DEPARTMENT_DEPTH, d);
}

static void json_end(void *vst) {
  json_state *st = vst;
  jx_jw *w = &st->w;
  jx_out *o = w->o;
  if (st->in_unit)
    close_unit(st, NULL);
  room(o);
  close_at(w, 1, st->n_units, ']');
  KEY(w, 1, 0, "department");
  if (st->have_dept) {
    size_t n;
    const char *text = jx_out_data(&st->dept, &n);
    jx_out_write(o, text, n);
    room(o);
  } else {
    put_null(o);
  }
  if (!w->compact)
    put_c(o, '\n');
  LIT(o, "}\n");
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
