/*
 * load.c — see load.h.  The jx_sink callbacks here are where the passes
 * meet: each declaration the parser finishes is checked, its diagnostics
 * released, and — if anyone wants it — lowered and handed to the
 * consumer (STREAM) or kept in the plan (WHOLE, load_plan.c).
 */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load_impl.h"
#include "lower.h"
#include "parse.h"
#include "suppress.h"

typedef struct loader {
  const jx_load_job *job;
  jx_diag *diag;
  int errors_before; /* the engine may have served a run before this */
  jx_checker *checker;
  const jx_load_consumer *cons; /* STREAM; NULL checks only */
  jx_loaded_plan *whole;        /* WHOLE */
  jx_arena scratch; /* STREAM: the lowered model of one declaration */
  jx_arena keep;    /* STREAM: the department, held until the end */
  bool seen_decl;   /* this file has had a declaration */
  bool seen_department;
  jx_loc department_loc;
  /* STREAM */
  bool begun; /* consumer->begin sent */
  const jx_department *department;
  const jx_department_locs *department_locs;
  /* The group projects are handed over in: a unit, or a run of projects
   * written outside any unit (code NULL). */
  bool group_open;
  bool group_is_unit; /* a unit block, with or without a code */
  jx_unit group;
  jx_unit_locs group_locs;
  /* WHOLE: the plan's unit the parser is inside; SIZE_MAX outside. */
  size_t cur_unit;
  /* The inputs' `# jxc: ignore[CODE]` comments, asked about each warning
   * (suppress.h). */
  jx_suppress *suppress;
} loader;

/* ---- STREAM: handing declarations over ------------------------------- */

/* Whether declarations are handed over now: to a consumer, while the run
 * is clean — or, with after_errors, whatever checked clean, always. */
static bool handing(const loader *l) {
  return l->cons &&
         (jx_diag_errors(l->diag) == l->errors_before || l->job->after_errors);
}

/* Into an arena of the run's, texts left in the tree (which outlives the
 * callbacks). */
static jx_lower_ctx tree_ctx(jx_arena *a) {
  jx_lower_ctx c = {a, false};
  return c;
}

/* The locations out-parameter, when the job asked for them. */
#define LOCS(l, p) ((l)->job->locations ? (p) : NULL)

static void begin(loader *l) {
  if (l->begun || !handing(l))
    return;
  l->begun = true;
  jx_plan header;
  memset(&header, 0, sizeof header);
  header.year = jx_checker_year(l->checker);
  header.framework = jx_checker_framework(l->checker)->name;
  header.currency = jx_checker_currency(l->checker)->norm;
  header.form = jx_checker_form(l->checker)->name;
  /* Known here when declared before the units: the forms print its name
   * as every project's 主管部门.  (It is still sent last, in full.) */
  header.department = l->department;
  if (l->cons->begin)
    l->cons->begin(l->cons->ud, &header);
}

static void open_group(loader *l) {
  l->group_open = true;
  if (handing(l) && l->cons->unit_open)
    l->cons->unit_open(l->cons->ud, &l->group, LOCS(l, &l->group_locs));
}

static void close_group(loader *l) {
  if (l->group_open && handing(l) && l->cons->unit_close)
    l->cons->unit_close(l->cons->ud, &l->group, LOCS(l, &l->group_locs));
  l->group_open = false;
}

static void stream_department(loader *l, jx_node *n, bool ok) {
  if (ok && handing(l)) {
    jx_lower_ctx c = tree_ctx(&l->keep);
    l->department = jx_lower_department(&c, n, LOCS(l, &l->department_locs));
  }
}

static void stream_unit_open(loader *l, jx_node *n) {
  begin(l);
  jx_lower_ctx c = tree_ctx(NULL); /* the head allocates nothing */
  jx_lower_unit_head(&c, n, &l->group, &l->group_locs);
  l->group_is_unit = true;
  open_group(l);
}

static void stream_project(loader *l, jx_node *n, const jx_node *unit,
                           bool ok) {
  if (!unit && (!l->group_open || l->group_is_unit)) {
    /* A project outside any unit starts (or continues) a group of its
     * own. */
    close_group(l);
    begin(l);
    memset(&l->group, 0, sizeof l->group);
    memset(&l->group_locs, 0, sizeof l->group_locs);
    l->group_is_unit = false;
    open_group(l);
  }
  if (!ok || !handing(l))
    return;
  jx_arena_mark m = jx_arena_mark_now(&l->scratch);
  jx_lower_ctx c = tree_ctx(&l->scratch);
  const jx_project_locs *pl = NULL;
  const jx_project *p = jx_lower_project(&c, n, LOCS(l, &pl));
  if (l->cons->project)
    l->cons->project(l->cons->ud, &l->group, p, pl);
  jx_arena_release(&l->scratch, m);
}

static void stream_unit_close(loader *l, jx_node *n, bool ok) {
  if (ok && handing(l) && l->group_open) {
    jx_arena_mark m = jx_arena_mark_now(&l->scratch);
    jx_lower_ctx c = tree_ctx(&l->scratch);
    jx_lower_unit(&c, n, &l->group, LOCS(l, &l->group_locs));
    if (l->cons->unit_close)
      l->cons->unit_close(l->cons->ud, &l->group, LOCS(l, &l->group_locs));
    jx_arena_release(&l->scratch, m);
  }
  l->group_open = false;
}

static void stream_end(loader *l) {
  if (!handing(l))
    return;
  begin(l);
  close_group(l);
  if (l->department && l->cons->department)
    l->cons->department(l->cons->ud, l->department,
                        LOCS(l, l->department_locs));
  if (l->cons->end)
    l->cons->end(l->cons->ud);
}

/* ---- WHOLE: keeping them ----------------------------------------------- */

/* Into the plan's arena, texts copied: the tree is released as it goes. */
static jx_lower_ctx whole_ctx(loader *l) {
  jx_lower_ctx c = {jx_lp_arena(l->whole), true};
  return c;
}

static size_t whole_unit(loader *l, const jx_node *n) {
  jx_unit u;
  jx_unit_locs ul;
  memset(&u, 0, sizeof u);
  memset(&ul, 0, sizeof ul);
  if (n) {
    jx_lower_ctx c = whole_ctx(l);
    jx_lower_unit_head(&c, n, &u, &ul);
  }
  return jx_lp_unit(l->whole, &u, &ul);
}

static void whole_project(loader *l, jx_node *n, const jx_node *unit, bool ok) {
  size_t ui =
      unit && l->cur_unit != SIZE_MAX ? l->cur_unit : whole_unit(l, unit);
  if (!ok) {
    jx_lp_unsound_project(l->whole, ui, n);
    return;
  }
  jx_lower_ctx c = whole_ctx(l);
  const jx_project_locs *pl;
  const jx_project *p = jx_lower_project(&c, n, &pl);
  jx_lp_project(l->whole, ui, p, pl, jx_checker_currency(l->checker));
}

static void whole_unit_close(loader *l, jx_node *n, bool ok) {
  size_t ui = l->cur_unit;
  l->cur_unit = SIZE_MAX;
  /* A unit declared again keeps its first goals and measures. */
  if (!ok || ui == SIZE_MAX || !jx_lp_unit_wants_body(l->whole, ui, n->loc))
    return;
  jx_lower_ctx c = whole_ctx(l);
  jx_unit u;
  jx_unit_locs ul;
  jx_lower_unit(&c, n, &u, &ul);
  jx_lp_unit_body(l->whole, ui, &u, &ul);
}

/* ---- The parser's events ----------------------------------------------- */

/* Each declaration's messages come out together, in source order: the
 * engine holds them (jx_diag_set_hold) until the declaration is done. */

static void on_header(void *ud, jx_node *n) {
  loader *l = ud;
  jx_check_header(l->checker, n, !l->seen_decl);
  l->seen_decl = true;
  if (l->whole)
    jx_lp_header(l->whole, n->loc);
  jx_diag_release(l->diag);
}

static void on_framework(void *ud, jx_node *n) {
  loader *l = ud;
  jx_check_framework(l->checker, n);
  if (l->whole)
    jx_lp_framework(l->whole, n);
  l->seen_decl = true;
  jx_diag_release(l->diag);
}

static void on_department(void *ud, jx_node *n) {
  loader *l = ud;
  l->seen_decl = true;
  if (l->seen_department) {
    jx_diag_report(l->diag, JX_E_DEPARTMENT_TWICE, n->loc);
    jx_diag_note(l->diag, JX_N_FIRST_HERE, l->department_loc);
  } else {
    l->seen_department = true;
    l->department_loc = n->loc;
    bool ok = jx_check_department(l->checker, n);
    if (l->whole && ok) {
      jx_lower_ctx c = whole_ctx(l);
      const jx_department_locs *dl;
      const jx_department *d = jx_lower_department(&c, n, &dl);
      jx_lp_department(l->whole, d, dl);
    } else if (!l->whole) {
      stream_department(l, n, ok);
    }
  }
  jx_diag_release(l->diag);
}

static char *copy_text(const char *t) {
  if (!t)
    return NULL;
  size_t n = strlen(t) + 1;
  return memcpy(jx_xmalloc(n), t, n);
}

static void on_unit_open(void *ud, jx_node *n) {
  loader *l = ud;
  l->seen_decl = true;
  jx_load_stats *st = l->job->stats;
  if (st && st->units++ == 0) {
    st->unit_code = copy_text(n->u.block.code.text);
    st->unit_name = copy_text(n->u.block.name.text);
  }
  if (l->whole) {
    jx_check_unit_open(l->checker, n);
    l->cur_unit = whole_unit(l, n);
  } else {
    /* The previous group ends before the unit is checked, so that what
     * the consumer gets does not depend on this unit's errors. */
    close_group(l);
    jx_check_unit_open(l->checker, n);
    stream_unit_open(l, n);
  }
  jx_diag_release(l->diag);
}

static void on_project(void *ud, jx_node *n, const jx_node *unit) {
  loader *l = ud;
  l->seen_decl = true;
  if (l->job->stats)
    l->job->stats->projects++;
  bool ok = jx_check_project(l->checker, n, unit);
  if (l->whole)
    whole_project(l, n, unit, ok);
  else
    stream_project(l, n, unit, ok);
  jx_diag_release(l->diag);
}

static void on_unit_close(void *ud, jx_node *n) {
  loader *l = ud;
  bool ok = jx_check_unit_close(l->checker, n);
  if (l->whole)
    whole_unit_close(l, n, ok);
  else
    stream_unit_close(l, n, ok);
  jx_diag_release(l->diag);
}

/* `actuals` and `profile`: not the plan's, but whoever asked gets them. */
static void on_year_end(void *ud, jx_node *n) {
  loader *l = ud;
  l->seen_decl = true;
  if (l->job->year_end)
    l->job->year_end(l->job->year_end_ud, n);
  jx_diag_release(l->diag);
}

/* ---- The run ----------------------------------------------------------- */

/* Parses input i; 2 when a read failed (reported). */
static int parse_one(loader *l, jx_source *const *src, int i, jx_arena *arena,
                     const jx_sink *sink) {
  const jx_load_job *job = l->job;
  const char *name = job->names && job->names[i] ? job->names[i]
                     : job->paths                ? job->paths[i]
                                                 : NULL;
  jx_parse_options opt = {false, false, l->suppress};
  uint32_t file;
  int r;
  l->seen_decl = false;
  l->cur_unit = SIZE_MAX;
  if (job->texts) {
    const jx_load_text *t = &job->texts[i];
    file = jx_diag_add_source(l->diag, name ? name : "<memory>",
                              t->data ? t->data : "", t->data ? t->len : 0);
    jx_check_begin_file(l->checker, file);
    if (l->whole)
      jx_lp_input(l->whole, file);
    r = jx_parse_mem(t->data ? t->data : "", t->data ? t->len : 0, file,
                     l->diag, arena, sink, &opt, NULL);
  } else {
    /* A second "-" finds standard input at its end: an empty input. */
    file = jx_source_register(src[i], job->names ? job->names[i] : NULL);
    jx_check_begin_file(l->checker, file);
    if (l->whole)
      jx_lp_input(l->whole, file);
    r = jx_parse_source(src[i], file, l->diag, arena, sink, &opt, NULL);
  }
  /* A unit left open by a syntax error ends with its file. */
  if (!l->whole && l->group_open && l->group_is_unit)
    close_group(l);
  return r == 2 ? 2 : 0;
}

int jx_load(const jx_load_job *job, jx_diag *d, jx_loaded_plan **whole) {
  loader l;
  memset(&l, 0, sizeof l);
  l.job = job;
  l.diag = d;
  l.errors_before = jx_diag_errors(d);
  l.cur_unit = SIZE_MAX;
  if (job->mode == JX_LOAD_WHOLE) {
    l.whole = jx_lp_new();
    *whole = l.whole;
  } else {
    l.cons = job->consumer;
  }
  /* Every input is opened before anything is read or handed over: one
   * that cannot be read ends the run here, with nothing on the output. */
  jx_source **opened = NULL;
  jx_source *const *src = job->sources;
  if (!job->texts && !src) {
    opened = jx_sources_open(job->paths, job->n, d);
    if (!opened) {
      jx_diag_flush(d);
      if (l.whole)
        jx_lp_finish(l.whole, 2, NULL);
      return 2;
    }
    src = opened;
  }
  l.checker = jx_checker_new(d);
  jx_checker_set_defaults(
      l.checker,
      job->default_framework ? jx_framework_builtin(job->default_framework)
                             : NULL,
      job->default_form ? jx_form_spec_find(job->default_form) : NULL);
  l.suppress = jx_suppress_new();
  jx_diag_set_filter(d, jx_suppress_filter, l.suppress);
  jx_arena_init(&l.scratch);
  jx_arena_init(&l.keep);
  jx_sink sink = {&l,           on_header,  on_framework,  on_department,
                  on_unit_open, on_project, on_unit_close, on_year_end,
                  on_year_end};
  /* One parse arena for the run: projects give their memory back as they
   * stream past (in WHOLE mode too: what is kept has been copied); what
   * stays (unit headers, the department) is small. */
  jx_arena arena;
  jx_arena_init(&arena);
  jx_diag_set_hold(d, true);
  int rc = 0;
  for (int i = 0; i < job->n && !jx_diag_too_many(d); i++) {
    rc = parse_one(&l, src, i, &arena, &sink);
    if (opened) {
      /* The engine has its own duplicate: the input can close now. */
      jx_source_close(opened[i]);
      opened[i] = NULL;
    }
    if (rc == 2) /* reported; counted as an error, so nothing more goes */
      break;
  }
  if (rc != 2) { /* what the unread rest would have settled is unknown */
    jx_check_end(l.checker);
    /* After the rules that need the whole plan: the last warning a
     * comment could have suppressed has been reported. */
    jx_suppress_report_unused(l.suppress, d);
  }
  jx_diag_set_hold(d, false);
  if (rc == 0 && jx_diag_errors(d) > l.errors_before)
    rc = 1;
  if (l.cons)
    stream_end(&l);
  jx_diag_flush(d);
  jx_diag_set_filter(d, NULL, NULL);
  jx_suppress_free(l.suppress);
  if (opened)
    jx_sources_close(opened, job->n);
  jx_arena_free(&arena);
  jx_arena_free(&l.scratch);
  jx_arena_free(&l.keep);
  if (l.whole)
    jx_lp_finish(l.whole, rc, l.checker);
  else
    jx_checker_free(l.checker);
  return rc;
}

jx_loaded_plan *jx_load_whole(const char *const *paths, int n, jx_diag *d) {
  jx_load_job job;
  memset(&job, 0, sizeof job);
  job.paths = paths;
  job.n = n;
  job.mode = JX_LOAD_WHOLE;
  jx_loaded_plan *lp = NULL;
  jx_load(&job, d, &lp);
  return lp;
}
