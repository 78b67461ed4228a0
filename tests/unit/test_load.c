/*
 * test_load.c — the loader (compiler/load/): the events a STREAM consumer
 * sees, in order and with their locations when asked; nothing handed over
 * after an error unless after_errors; the plan WHOLE mode keeps (units
 * merged by code, one group outside units, each project's currency, the
 * department, the inputs, the texts it owns once the tree is gone); and
 * the statuses 0, 1 and 2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "load.h"
#include "strbuf.h"

static void quiet(void *ud, const char *t, size_t n) {
  (void)ud;
  (void)t;
  (void)n;
}

/* s with its first `from` replaced by `to` (malloc'd). */
static char *replace(const char *s, const char *from, const char *to) {
  const char *at = strstr(s, from);
  assert_non_null(at);
  size_t n = strlen(s), f = strlen(from), t = strlen(to);
  char *r = malloc(n - f + t + 1);
  memcpy(r, s, (size_t)(at - s));
  memcpy(r + (at - s), to, t);
  strcpy(r + (at - s) + t, at + f);
  return r;
}

/* A project the checker has nothing to say about. */
#define PROJECT(name, code, budget)                                            \
  "project \"" name "\" budget " budget " {\n"                                 \
  "  code \"" code "\"; funds fiscal " budget " other 0;\n"                    \
  "  schedule dec 100%;\n"                                                     \
  "  output.quantity \"人数\" = 22人;\n"                                    \
  "  benefit.social \"效益\" = \"有效\";\n"                                \
  "  satisfaction.recipient \"满意度\" >= 90%;\n"                           \
  "}\n"

static const char plan_a[] =
    "plan 2021 framework local currency 万元;\n"
    "unit 101 \"一号单位\" {\n"
    "  goal \"保障运转\";\n" PROJECT("甲", "A1", "10") "}\n" PROJECT(
        "乙", "B1", "20") "department \"某局\" {\n  goal \"部门目标\";\n}\n";

/* ---- STREAM ----------------------------------------------------------- */

typedef struct rec {
  jx_strbuf log;
  bool with_locs; /* the job asked for locations */
} rec;

static void r_begin(void *ud, const jx_plan *h) {
  rec *r = ud;
  jx_sb_printf(&r->log, "begin %d %s %s %s|", h->year, h->framework,
               h->currency, h->department ? h->department->name : "-");
}

static void r_unit_open(void *ud, const jx_unit *u, const jx_unit_locs *l) {
  rec *r = ud;
  jx_sb_printf(&r->log, "open %s|", u->code ? u->code : "-");
  assert_true(r->with_locs ? l != NULL : l == NULL);
  if (l && u->code)
    assert_int_equal(jx_loc_line(l->decl), 2);
}

static void r_project(void *ud, const jx_unit *u, const jx_project *p,
                      const jx_project_locs *l) {
  rec *r = ud;
  jx_sb_printf(&r->log, "project %s %s|", u->code ? u->code : "-", p->name);
  assert_true(r->with_locs ? l != NULL : l == NULL);
  if (l) {
    assert_int_equal(jx_loc_line(l->decl), u->code ? 4 : 12);
    assert_int_equal(jx_loc_line(l->indicators[0].decl), u->code ? 7 : 15);
  }
}

static void r_unit_close(void *ud, const jx_unit *u, const jx_unit_locs *l) {
  rec *r = ud;
  jx_sb_printf(&r->log, "close %s %zu|", u->code ? u->code : "-", u->n_goals);
  if (l && u->code)
    assert_int_equal(jx_loc_line(l->goals[0].stmt), 3);
}

static void r_department(void *ud, const jx_department *d,
                         const jx_department_locs *l) {
  rec *r = ud;
  jx_sb_printf(&r->log, "department %s %zu|", d->name, d->n_goals);
  if (l)
    assert_int_equal(jx_loc_line(l->decl), 19);
}

static void r_end(void *ud) {
  rec *r = ud;
  jx_sb_puts(&r->log, "end");
}

/* Streams src through a recording consumer; returns the status. */
static int stream(const char *src, bool locs, bool after_errors, rec *r) {
  memset(r, 0, sizeof *r);
  r->with_locs = locs;
  jx_load_consumer c = {
      r, r_begin, r_unit_open, r_project, r_unit_close, r_department, r_end};
  jx_load_text t = {src, strlen(src)};
  const char *name = "a.jx";
  jx_load_job job = {.paths = &name,
                     .texts = &t,
                     .n = 1,
                     .consumer = &c,
                     .locations = locs,
                     .after_errors = after_errors};
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  int rc = jx_load(&job, d, NULL);
  jx_diag_free(d);
  return rc;
}

static const char expected_events[] =
    "begin 2021 local 万元 -|open 101|project 101 甲|close 101 1|"
    "open -|project - 乙|close - 0|department 某局 1|end";

static void test_stream_events(void **state) {
  (void)state;
  rec r;
  assert_int_equal(stream(plan_a, false, false, &r), 0);
  assert_string_equal(r.log.p, expected_events);
  jx_sb_free(&r.log);
}

static void test_stream_locations(void **state) {
  (void)state;
  rec r;
  assert_int_equal(stream(plan_a, true, false, &r), 0);
  assert_string_equal(r.log.p, expected_events);
  jx_sb_free(&r.log);
}

/* An error in the first project: nothing more is handed over, not even
 * the end — unless after_errors, where what checked clean still is. */
static void test_stream_stops_after_error(void **state) {
  (void)state;
  char *bad = replace(plan_a, "funds fiscal 10", "funds fiscal 11");
  rec r;
  assert_int_equal(stream(bad, false, false, &r), 1);
  assert_string_equal(r.log.p, "begin 2021 local 万元 -|open 101|");
  jx_sb_free(&r.log);
  assert_int_equal(stream(bad, false, true, &r), 1);
  assert_string_equal(r.log.p,
                      "begin 2021 local 万元 -|open 101|close 101 1|"
                      "open -|project - 乙|close - 0|department 某局 1|end");
  jx_sb_free(&r.log);
  free(bad);
}

/* ---- WHOLE ------------------------------------------------------------- */

/* No header: its projects are in the default currency, 万元. */
static const char plan_b[] =
    PROJECT("丙", "C1", "30") "unit 102 \"二号单位\" {\n" PROJECT("丁", "D1",
                                                                  "40") "}\n";

static jx_loaded_plan *whole(const char *a, const char *b, jx_diag *d) {
  jx_load_text t[2] = {{a, strlen(a)}, {b, strlen(b)}};
  const char *names[2] = {"a.jx", "b.jx"};
  jx_load_job job = {.paths = names, .texts = t, .n = 2, .mode = JX_LOAD_WHOLE};
  jx_loaded_plan *lp = NULL;
  int rc = jx_load(&job, d, &lp);
  assert_non_null(lp);
  assert_int_equal(rc, jx_loaded_status(lp));
  return lp;
}

static void test_whole_plan(void **state) {
  (void)state;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  char *yuan = replace(plan_a, "currency 万元", "currency 元");
  jx_loaded_plan *lp = whole(plan_b, yuan, d);
  assert_int_equal(jx_loaded_status(lp), 0);
  const jx_plan *m = jx_loaded_model(lp);
  assert_int_equal(m->year, 2021);
  /* Units in order of first appearance; projects outside units, from
   * both files, in one group where the first of them was. */
  assert_int_equal(m->n_units, 3);
  assert_null(m->units[0].code);
  assert_int_equal(m->units[0].n_projects, 2);
  assert_string_equal(m->units[0].projects[0].name, "丙");
  assert_string_equal(m->units[0].projects[1].name, "乙");
  assert_string_equal(m->units[1].code, "102");
  assert_int_equal(m->units[1].n_projects, 1);
  assert_string_equal(m->units[1].projects[0].name, "丁");
  assert_string_equal(m->units[2].code, "101");
  assert_string_equal(m->units[2].name, "一号单位");
  assert_int_equal(m->units[2].n_goals, 1);
  assert_string_equal(m->units[2].goals[0], "保障运转");
  assert_string_equal(m->units[2].projects[0].name, "甲");
  /* Each project's amounts are in the currency its file was read in: the
   * first file had no header yet. */
  assert_string_equal(jx_loaded_project_currency(lp, 0, 0)->norm, "万元");
  assert_int_equal(m->units[0].projects[0].budget.micros, 30000000);
  assert_string_equal(jx_loaded_project_currency(lp, 0, 1)->norm, "元");
  assert_int_equal(m->units[0].projects[1].budget.micros, 20000000);
  assert_string_equal(jx_loaded_currency(lp)->norm, "元");
  assert_string_equal(m->currency, "元");
  /* Where each thing was written: file and line. */
  const jx_project_locs *pl = jx_loaded_project_locs(lp, 0, 1);
  assert_int_equal(pl->decl.file, jx_loaded_input(lp, 1));
  assert_string_equal(jx_diag_source_path(d, pl->decl.file), "b.jx");
  assert_int_equal(jx_loc_line(pl->decl), 12);
  assert_int_equal(jx_loc_line(pl->indicators[0].decl), 15);
  pl = jx_loaded_project_locs(lp, 0, 0);
  assert_string_equal(jx_diag_source_path(d, pl->decl.file), "a.jx");
  assert_int_equal(jx_loc_line(pl->decl), 1);
  assert_false(jx_loc_known(jx_loaded_unit_locs(lp, 0)->decl));
  assert_int_equal(jx_loc_line(jx_loaded_unit_locs(lp, 1)->decl), 8);
  assert_int_equal(jx_loc_line(jx_loaded_unit_locs(lp, 2)->decl), 2);
  assert_int_equal(jx_loc_line(jx_loaded_unit_locs(lp, 2)->goals[0].stmt), 3);
  jx_loc h = jx_loaded_header_loc(lp);
  assert_int_equal(h.file, jx_loaded_input(lp, 1));
  assert_int_equal(jx_loc_line(h), 1);
  assert_int_equal(jx_loaded_n_inputs(lp), 2);
  assert_non_null(m->department);
  assert_string_equal(m->department->name, "某局");
  assert_int_equal(jx_loc_line(jx_loaded_department_locs(lp)->decl), 19);
  jx_loaded_free(lp);
  jx_diag_free(d);
  free(yuan);
}

/* The plan owns its texts: they are not the sources' bytes, and they
 * outlive them. */
static void test_whole_owns_texts(void **state) {
  (void)state;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  char *a = strdup(plan_a), *b = strdup(plan_b);
  jx_loaded_plan *lp = whole(a, b, d);
  assert_int_equal(jx_loaded_status(lp), 0);
  const jx_plan *m = jx_loaded_model(lp);
  const char *name = m->units[0].projects[0].name;
  assert_false(name >= a && name < a + strlen(a));
  memset(a, 'x', strlen(a)); /* the engine keeps no quote of a clean run */
  memset(b, 'x', strlen(b));
  assert_string_equal(name, "甲");
  assert_string_equal(m->units[0].projects[0].indicators[0].name, "人数");
  assert_string_equal(m->units[0].projects[0].indicators[0].text, "22人");
  assert_string_equal(m->units[2].name, "二号单位");
  assert_string_equal(m->units[2].projects[0].code, "D1");
  jx_loaded_free(lp);
  jx_diag_free(d);
  free(a);
  free(b);
}

/* With errors the plan still holds what checked clean; status 1. */
static void test_whole_with_errors(void **state) {
  (void)state;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  char *bad = replace(plan_a, "funds fiscal 10", "funds fiscal 11");
  jx_loaded_plan *lp = whole(bad, plan_b, d);
  assert_int_equal(jx_loaded_status(lp), 1);
  const jx_plan *m = jx_loaded_model(lp);
  assert_int_equal(m->n_units, 3);
  assert_int_equal(m->units[0].n_projects, 0); /* 甲 had the error */
  assert_int_equal(m->units[1].n_projects, 2);
  jx_loaded_free(lp);
  jx_diag_free(d);
  free(bad);
}

/* An input that cannot be opened: status 2, an empty plan all the same. */
static void test_whole_missing_file(void **state) {
  (void)state;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  const char *paths[1] = {"/nonexistent/dir/plan.jx"};
  jx_loaded_plan *lp = jx_load_whole(paths, 1, d);
  assert_non_null(lp);
  assert_int_equal(jx_loaded_status(lp), 2);
  assert_int_equal(jx_loaded_model(lp)->n_units, 0);
  assert_null(jx_loaded_model(lp)->department);
  assert_null(jx_loaded_department_locs(lp));
  jx_loaded_free(lp);
  jx_diag_free(d);
}

/* A unit declared in two files (an error) keeps its first goals; its
 * projects join it. */
static void test_whole_unit_twice(void **state) {
  (void)state;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  static const char again[] =
      "plan 2021;\nunit 101 \"一号单位\" {\n  goal \"另一个\";\n" PROJECT(
          "戊", "E1", "5") "}\n";
  jx_loaded_plan *lp = whole(plan_a, again, d);
  assert_int_equal(jx_loaded_status(lp), 1); /* unit-code-duplicate */
  const jx_plan *m = jx_loaded_model(lp);
  assert_int_equal(m->n_units, 2);
  assert_int_equal(m->units[0].n_goals, 1);
  assert_string_equal(m->units[0].goals[0], "保障运转");
  assert_int_equal(m->units[0].n_projects, 2);
  assert_string_equal(m->units[0].projects[1].name, "戊");
  jx_loaded_free(lp);
  jx_diag_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stream_events),
      cmocka_unit_test(test_stream_locations),
      cmocka_unit_test(test_stream_stops_after_error),
      cmocka_unit_test(test_whole_plan),
      cmocka_unit_test(test_whole_owns_texts),
      cmocka_unit_test(test_whole_with_errors),
      cmocka_unit_test(test_whole_missing_file),
      cmocka_unit_test(test_whole_unit_twice),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
