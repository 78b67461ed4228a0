/*
 * compile.c — see compile.h.  The jx_sink callbacks here are where the
 * three passes meet: each declaration the parser finishes is checked, and
 * if the run is still clean, lowered into a scratch arena, emitted, and
 * forgotten.
 */
#include "compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lower.h"
#include "parse.h"
#include "source.h"

typedef struct compile_state {
  const jx_compile_job *job;
  jx_diag *diag;
  jx_checker *checker;
  jx_arena scratch; /* lowered model of one declaration */
  jx_arena keep;    /* the department, held until the end */
  void *be;         /* back end state, NULL when only checking */
  bool begun;       /* backend begin() sent */
  bool seen_decl;   /* this file has had a declaration */
  bool seen_department;
  jx_loc department_loc;
  const jx_department *department;
  /* The group projects are emitted into: a unit, or a run of projects
   * written outside any unit (code NULL). */
  bool group_open;
  jx_unit group;
} compile_state;

/* With --with-diagnostics the page is the report: the build goes on
 * emitting what passed the checker after an error (exit status 1 all the
 * same). */
static bool emitting(const compile_state *s) {
  return s->be &&
         (jx_diag_errors(s->diag) == 0 || s->job->emit.with_diagnostics);
}

static jx_lower_ctx lower_ctx(jx_arena *a) {
  jx_lower_ctx c = {a};
  return c;
}

static void begin(compile_state *s) {
  if (s->begun || !emitting(s))
    return;
  s->begun = true;
  jx_plan header;
  memset(&header, 0, sizeof header);
  header.year = jx_checker_year(s->checker);
  header.framework = jx_checker_framework(s->checker)->name;
  header.currency = jx_checker_currency(s->checker)->norm;
  /* Known here when declared before the units: the forms print its name
   * as every project's 主管部门.  (It is still sent last, in full.) */
  header.department = s->department;
  s->job->backend->begin(s->be, &header);
}

static void close_group(compile_state *s) {
  if (s->group_open && emitting(s))
    s->job->backend->unit_close(s->be, &s->group);
  s->group_open = false;
}

static void on_header_(compile_state *s, jx_node *n) {
  jx_check_header(s->checker, n, !s->seen_decl);
  s->seen_decl = true;
}

static void on_framework_(compile_state *s, jx_node *n) {
  jx_check_framework(s->checker, n);
  s->seen_decl = true;
}

static void on_department_(compile_state *s, jx_node *n) {
  s->seen_decl = true;
  if (s->seen_department) {
    jx_diag_report(s->diag, JX_E_DEPARTMENT_TWICE, n->loc);
    jx_diag_note(s->diag, JX_N_FIRST_HERE, s->department_loc);
    return;
  }
  s->seen_department = true;
  s->department_loc = n->loc;
  if (jx_check_department(s->checker, n) && emitting(s)) {
    jx_lower_ctx c = lower_ctx(&s->keep);
    s->department = jx_lower_department(&c, n, NULL);
  }
}

static void on_unit_open_(compile_state *s, jx_node *n) {
  s->seen_decl = true;
  close_group(s);
  jx_check_unit_open(s->checker, n);
  begin(s);
  memset(&s->group, 0, sizeof s->group);
  s->group.code = n->u.block.code.text;
  s->group.name = n->u.block.name.text;
  s->group_open = true;
  if (emitting(s))
    s->job->backend->unit_open(s->be, &s->group);
}

static void on_project_(compile_state *s, jx_node *n, const jx_node *unit) {
  s->seen_decl = true;
  bool ok = jx_check_project(s->checker, n, unit);
  if (!unit && (!s->group_open || s->group.code)) {
    /* A project outside any unit starts (or continues) a group of its
     * own. */
    close_group(s);
    begin(s);
    memset(&s->group, 0, sizeof s->group);
    s->group_open = true;
    if (emitting(s))
      s->job->backend->unit_open(s->be, &s->group);
  }
  if (!ok || !emitting(s))
    return;
  jx_arena_mark m = jx_arena_mark_now(&s->scratch);
  jx_lower_ctx c = lower_ctx(&s->scratch);
  const jx_project *p = jx_lower_project(&c, n, NULL);
  s->job->backend->project(s->be, &s->group, p);
  jx_arena_release(&s->scratch, m);
}

static void on_unit_close_(compile_state *s, jx_node *n) {
  bool ok = jx_check_unit_close(s->checker, n);
  if (ok && emitting(s) && s->group_open) {
    jx_arena_mark m = jx_arena_mark_now(&s->scratch);
    jx_lower_ctx c = lower_ctx(&s->scratch);
    jx_lower_unit(&c, n, &s->group, NULL);
    s->job->backend->unit_close(s->be, &s->group);
    jx_arena_release(&s->scratch, m);
  }
  s->group_open = false;
}

/* Each declaration's messages come out together, in source order. */
static void on_header(void *ud, jx_node *n) {
  compile_state *s = ud;
  on_header_(s, n);
  jx_diag_release(s->diag);
}

static void on_framework(void *ud, jx_node *n) {
  compile_state *s = ud;
  on_framework_(s, n);
  jx_diag_release(s->diag);
}

static void on_department(void *ud, jx_node *n) {
  compile_state *s = ud;
  on_department_(s, n);
  jx_diag_release(s->diag);
}

static void on_unit_open(void *ud, jx_node *n) {
  compile_state *s = ud;
  on_unit_open_(s, n);
  jx_diag_release(s->diag);
}

static void on_project(void *ud, jx_node *n, const jx_node *unit) {
  compile_state *s = ud;
  on_project_(s, n, unit);
  jx_diag_release(s->diag);
}

static void on_unit_close(void *ud, jx_node *n) {
  compile_state *s = ud;
  on_unit_close_(s, n);
  jx_diag_release(s->diag);
}

/* The whole run.  With mem set, job->paths[0] names one source held in
 * memory (jx_compile_mem) instead of a file to open. */
static int compile(const jx_compile_job *job, const char *mem, size_t mem_len,
                   jx_diag *d) {
  /* Every input is opened before anything is read or written: one that
   * cannot be read ends the run here, with nothing on the output. */
  jx_source **src = NULL;
  if (!mem && !(src = jx_sources_open(job->paths, job->n_paths, d))) {
    jx_diag_flush(d);
    return 2;
  }
  compile_state s;
  memset(&s, 0, sizeof s);
  s.job = job;
  s.diag = d;
  s.checker = jx_checker_new(d);
  jx_arena_init(&s.scratch);
  jx_arena_init(&s.keep);
  if (job->backend)
    s.be = job->backend->create(job->out, &job->emit);

  jx_sink sink = {&s,           on_header,  on_framework,  on_department,
                  on_unit_open, on_project, on_unit_close, NULL,
                  NULL};
  jx_diag_set_hold(d, true);
  jx_parse_options opt = {false, false};
  int rc = 0;
  /* One parse arena for the run: projects give their memory back as they
   * stream past; what stays (units' goals, the department) is small and
   * referenced until the end. */
  jx_arena arena;
  jx_arena_init(&arena);

  for (int i = 0; i < job->n_paths && !jx_diag_too_many(d); i++) {
    const char *path = job->paths[i];
    s.seen_decl = false;
    if (mem) {
      uint32_t file = jx_diag_add_source(d, path, mem, mem_len);
      jx_check_begin_file(s.checker, file);
      jx_parse_mem(mem, mem_len, file, d, &arena, &sink, &opt, NULL);
    } else {
      /* Standard input streams like any other input: read whole first,
       * an endless pipe would take endless memory. */
      uint32_t file = jx_source_register(src[i], NULL);
      jx_check_begin_file(s.checker, file);
      int r = jx_parse_source(src[i], file, d, &arena, &sink, &opt, NULL);
      jx_source_close(src[i]);
      src[i] = NULL;
      if (r == 2) {
        /* Reported (read-error, counted as an error, so nothing more is
         * emitted and the document is never ended): the run stops. */
        rc = 2;
        break;
      }
    }
    /* A unit left open by a syntax error ends with its file. */
    if (s.group_open && s.group.code)
      close_group(&s);
  }
  if (rc != 2) /* what the unread rest would have settled is unknown */
    jx_check_end(s.checker);
  jx_diag_set_hold(d, false);
  if (emitting(&s)) {
    begin(&s);
    close_group(&s);
    if (s.department)
      job->backend->department(s.be, s.department);
    job->backend->end(s.be);
  }
  if (s.be)
    job->backend->destroy(s.be);
  jx_diag_flush(d);
  jx_sources_close(src, job->n_paths);
  jx_arena_free(&arena);
  jx_arena_free(&s.scratch);
  jx_arena_free(&s.keep);
  jx_checker_free(s.checker);
  if (rc == 0 && jx_diag_errors(d) > 0)
    rc = 1;
  return rc;
}

int jx_compile(const jx_compile_job *job, jx_diag *d) {
  return compile(job, NULL, 0, d);
}

int jx_compile_mem(const jx_compile_job *job, const char *data, size_t n,
                   jx_diag *d) {
  jx_compile_job one = *job;
  const char *name = job->n_paths > 0 ? job->paths[0] : "<memory>";
  one.paths = &name;
  one.n_paths = 1;
  /* An empty source still needs a non-NULL pointer to mean "memory". */
  return compile(&one, data ? data : "", data ? n : 0, d);
}
