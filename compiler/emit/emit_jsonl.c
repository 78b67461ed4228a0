/*
 * emit_jsonl.c — the JSON Lines back end: `jxc build -f jsonl`.
 *
 * One compact JSON object per line (docs/json.md, "JSON Lines";
 * docs/jixiao-line.schema.json), for pipelines that stream: `jq -c`,
 * DuckDB's read_json, a database's bulk loader.  Every line says what it
 * is ("record") and carries the plan's context (version, year, framework,
 * currency), so a line can be read alone:
 *
 *   plan        first, once
 *   project     one per project, with its unit's code and name
 *   unit        after the unit's projects: its goals and measures, which
 *               the source (and so the build) only has complete there
 *   department  last, at most once
 *
 * Read in order, the lines carry exactly the data of `-f json`.  Each line
 * is written as its event arrives and nothing is kept between events, so
 * memory is flat however many projects there are.  The project, the
 * goals, the measures and the department are written by the JSON back
 * end's own writers (emit_json.h), so the two formats cannot drift.
 */
#include "arena.h"
#include "backend.h"
#include "emit_json.h"
#include "json.h"

#include <stdio.h>
#include <stdlib.h>

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

typedef struct jsonl_state {
  jx_jw w;
  jx_out ctx; /* the plan's keys, written once, copied into every line */
  bool have_ctx;
  jx_memo memo;        /* w's */
  jx_blocks cats;      /* w's */
  jx_jw_points points; /* w's */
} jsonl_state;

static void *jsonl_create(jx_out *out, const jx_emit_options *opt) {
  jsonl_state *st = jx_xcalloc(1, sizeof *st);
  st->w.o = out;
  st->w.compact = true;
  st->w.memo = &st->memo;
  st->w.cats = opt && opt->framework_texts_stable ? &st->cats : NULL;
  st->w.points = &st->points;
  jx_jw_points_init(&st->points);
  return st;
}

/* {"record":"KIND", then the plan's keys: the start of every line. */
static void line_start(jsonl_state *st, const char *kind_lit, size_t n) {
  jx_out *o = st->w.o;
  LIT(o, "{\"record\":");
  jx_out_write(o, kind_lit, n);
  if (st->have_ctx) {
    size_t len;
    const char *text = jx_out_data(&st->ctx, &len);
    jx_out_write(o, text, len);
  }
}
#define LINE_START(st, kind) line_start((st), "\"" kind "\"", sizeof(kind) + 1)

static void jsonl_begin(void *vst, const jx_plan *h) {
  jsonl_state *st = vst;
  jx_out *c = &st->ctx;
  jx_out_init_mem(c);
  st->have_ctx = true;
  LIT(c, ",\"jixiao\":3,\"year\":");
  if (h->year != 0) {
    char b[24];
    int n = snprintf(b, sizeof b, "%d", h->year);
    jx_out_write(c, b, (size_t)n);
  } else {
    LIT(c, "null");
  }
  LIT(c, ",\"framework\":");
  jx_json_string(c, h->framework);
  LIT(c, ",\"form\":");
  jx_json_string(c, h->form ? h->form : "generic");
  LIT(c, ",\"currency\":");
  jx_json_string(c, h->currency);
  LINE_START(st, "plan");
  LIT(st->w.o, "}\n");
}

/* "unit":{"code":…,"name":… — the object left open. */
static void unit_keys(jx_out *o, const jx_unit *u) {
  LIT(o, ",\"unit\":{\"code\":");
  jx_json_string(o, u ? u->code : NULL);
  LIT(o, ",\"name\":");
  jx_json_string(o, u ? u->name : NULL);
}

static void jsonl_unit_open(void *vst, const jx_unit *u) {
  (void)vst; /* a unit's line comes at its close, when it is complete */
  (void)u;
}

static void jsonl_project(void *vst, const jx_unit *u, const jx_project *p) {
  jsonl_state *st = vst;
  jx_out *o = st->w.o;
  LINE_START(st, "project");
  unit_keys(o, u);
  LIT(o, "},\"project\":");
  jx_jw_project(&st->w, 0, p);
  LIT(o, "}\n");
}

static void jsonl_unit_close(void *vst, const jx_unit *u) {
  jsonl_state *st = vst;
  jx_out *o = st->w.o;
  LINE_START(st, "unit");
  unit_keys(o, u);
  LIT(o, ",\"goals\":");
  jx_jw_strings(&st->w, 0, u ? u->goals : NULL, u ? u->n_goals : 0);
  LIT(o, ",\"measures\":");
  jx_jw_measures(&st->w, 0, u ? u->measures : NULL, u ? u->n_measures : 0);
  static const jx_org none = {NULL, NULL};
  LIT(o, ",\"supervisor\":");
  jx_jw_org(&st->w, 0, u ? u->supervisor : none);
  LIT(o, ",\"implementer\":");
  jx_jw_org(&st->w, 0, u ? u->implementer : none);
  LIT(o, "}}\n");
}

static void jsonl_department(void *vst, const jx_department *d) {
  jsonl_state *st = vst;
  if (!d)
    return;
  jx_out *o = st->w.o;
  LINE_START(st, "department");
  LIT(o, ",\"department\":");
  jx_jw_department(&st->w, 0, d);
  LIT(o, "}\n");
}

static void jsonl_end(void *vst) {
  (void)vst; /* every line is complete when written */
}

static void jsonl_destroy(void *vst) {
  jsonl_state *st = vst;
  if (!st)
    return;
  if (st->have_ctx)
    jx_out_free(&st->ctx);
  free(st);
}

const jx_backend jx_backend_jsonl = {
    .name = "jsonl",
    .create = jsonl_create,
    .begin = jsonl_begin,
    .unit_open = jsonl_unit_open,
    .project = jsonl_project,
    .unit_close = jsonl_unit_close,
    .department = jsonl_department,
    .end = jsonl_end,
    .destroy = jsonl_destroy,
};
