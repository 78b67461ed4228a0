/*
 * render.h — what the back-end tests share: driving a back end through
 * the events of backend.h for a hand-built plan, and comparing texts.
 *
 * Like the real driver (compile.c), begin() sees a header without units,
 * unit_open a unit without goals or measures, and the department comes
 * after the last unit.  Included by one test file at a time, so its
 * functions are static.
 */
#ifndef JX_TEST_RENDER_H
#define JX_TEST_RENDER_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "jixiao.h"
#include "out.h"

/* The output of back end `format` for plan (caller frees). */
static inline char *render_plan(const char *format, const jx_emit_options *opt,
                                const jx_plan *plan) {
  const jx_backend *be = jx_backend_find(format);
  assert_non_null(be);
  jx_out o;
  jx_out_init_mem(&o);
  void *st = be->create(&o, opt);
  assert_non_null(st);

  jx_plan header = *plan;
  header.units = NULL;
  header.n_units = 0;
  header.department = NULL;
  be->begin(st, &header);
  for (size_t i = 0; i < plan->n_units; i++) {
    const jx_unit *u = &plan->units[i];
    jx_unit opening = {.code = u->code, .name = u->name};
    be->unit_open(st, &opening);
    for (size_t j = 0; j < u->n_projects; j++)
      be->project(st, &opening, &u->projects[j]);
    be->unit_close(st, u);
  }
  if (plan->department)
    be->department(st, plan->department);
  be->end(st);
  be->destroy(st);

  assert_int_equal(jx_out_flush(&o), 0);
  size_t n;
  const char *data = jx_out_data(&o, &n);
  char *copy = malloc(n + 1);
  assert_non_null(copy);
  memcpy(copy, data, n + 1);
  jx_out_free(&o);
  return copy;
}

/* Fails showing both texts unless they are equal. */
static inline void assert_text(const char *got, const char *want) {
  if (strcmp(got, want) != 0) {
    print_error("want:\n%s\ngot:\n%s\n", want, got);
    fail();
  }
}

#endif
