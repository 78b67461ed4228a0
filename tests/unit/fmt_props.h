/*
 * fmt_props.h — what `jxc fmt` promises, checked on one source.  Shared by
 * the property test (tests/unit/test_fmt_props.c, over hundreds of
 * generated and mutated sources) and the fuzzer (tests/fuzz/fuzz_parse.c).
 *
 * For a source x and its formatted text y = fmt(x):
 *
 *   1. y exists whenever x parses, unless x repeats a part of a statement
 *      (fmt refuses that with the checker's error; the build fails too);
 *   2. x and y parse to the same tree, apart from locations and what fmt
 *      makes canonical (keyword spelling, a written '=', 3月 for mar,
 *      full-width digits and letters, Chinese quotes, a colon after a
 *      keyword, 指标值; a category's spelling: each indicator's category
 *      resolves, under the
 *      framework the checker has in force there, to the same level-1 and
 *      level-2 entries in x and y, or is unknown and written alike);
 *      and they build to the same plan: the same exit status, the same
 *      diagnostics and the same JSON, apart from line and column numbers;
 *   3. fmt(y) == y byte for byte, and formatting y in the other keyword
 *      language gives what formatting x in that language gives;
 *   4. every comment of x is in y, in the same order and with the same
 *      text, after the same number of statement ends (';', '{', '}'), and
 *      at the end of that end's line in y exactly when it was in x.
 *
 * Everything runs in memory.  Included by one file per program, so its
 * functions are static; they return what failed instead of asserting, so
 * the fuzzer can abort() and the unit test can print the input.
 */
#ifndef JX_TEST_FMT_PROPS_H
#define JX_TEST_FMT_PROPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "build.h"
#include "check.h"
#include "diag.h"
#include "eval.h"
#include "fmt.h"
#include "lower.h"
#include "out.h"
#include "parse.h"

static void props_to_out(void *ud, const char *text, size_t n) {
  jx_out_write(ud, text, n);
}

static char *props_take(jx_out *o, size_t *n) {
  size_t len;
  const char *data = jx_out_data(o, &len);
  char *copy = malloc(len + 1);
  if (!copy)
    abort();
  memcpy(copy, data, len + 1);
  if (n)
    *n = len;
  jx_out_free(o);
  return copy;
}

/* fmt(src) in a malloc'd buffer, or NULL if it did not format. */
static char *props_fmt(const char *src, size_t n, bool zh, size_t *out_n) {
  jx_out diags;
  jx_out_init_mem(&diags);
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, props_to_out, &diags);
  jx_diag_set_format(d, JX_DIAG_JSON); /* cheaper: no source lines */
  uint32_t file = jx_diag_add_source(d, "x.jx", src, n);
  jx_out out;
  jx_out_init_mem(&out);
  int rc = jx_fmt(src, n, file, d, zh, &out);
  jx_diag_flush(d);
  jx_diag_free(d);
  jx_out_free(&diags);
  if (rc != 0) {
    jx_out_free(&out);
    return NULL;
  }
  return props_take(&out, out_n);
}

static void props_take_fmt(void *ud, const char *p, size_t n) {
  jx_out_write(ud, p, n);
}

/* `jxc fmt`'s way with a file (fmt.h): one reading checks it and counts
 * its keywords, another prints it.  It must refuse what jx_fmt refuses,
 * print what jx_fmt prints (y, or NULL), and find the language
 * jx_fmt_is_zh finds. */
static const char *props_two_readings(const char *src, size_t n, bool zh,
                                      const char *y, size_t yn) {
  jx_out diags;
  jx_out_init_mem(&diags);
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, props_to_out, &diags);
  jx_diag_set_format(d, JX_DIAG_JSON);
  uint32_t file = jx_diag_add_source(d, "x.jx", src, n);
  jx_fmt_input in = {src, n, NULL, file, NULL};
  bool said_zh = false;
  const char *why = NULL;
  int rc = jx_fmt_scan(&in, d, &said_zh);
  if ((rc == 0) != (y != NULL))
    why = "fmt: jx_fmt_scan and jx_fmt disagree on whether it formats";
  else if (rc == 0 && said_zh != jx_fmt_is_zh(src, n))
    why = "fmt: jx_fmt_scan finds another language than jx_fmt_is_zh";
  if (!why && rc == 0) {
    jx_out out;
    jx_out_init_mem(&out);
    jx_fmt_to to = {props_take_fmt, NULL, &out, 0};
    size_t on;
    if (jx_fmt_print(&in, zh, &to) != 0)
      why = "fmt: jx_fmt_print did not print what jx_fmt_scan passed";
    else if (jx_out_data(&out, &on),
             on != yn || memcmp(jx_out_data(&out, &on), y, yn) != 0)
      why = "fmt: jx_fmt_print printed other text than jx_fmt";
    jx_out_free(&out);
  }
  jx_diag_flush(d);
  jx_diag_free(d);
  jx_out_free(&diags);
  return why;
}

/* Drops the numbers after "line", "column" and the like, so that texts
 * that differ only in where things are compare equal. */
static void props_strip_positions(char *s) {
  static const char *const keys[] = {
      "\"line\":", "\"column\":", "\"end_line\":", "\"end_column\":",
      "\"byte_offset\":"};
  char *w = s;
  for (const char *r = s; *r;) {
    size_t k = sizeof keys / sizeof *keys;
    if (*r == '"') /* (a quote inside a JSON string is escaped) */
      for (k = 0; k < sizeof keys / sizeof *keys; k++)
        if (strncmp(r, keys[k], strlen(keys[k])) == 0)
          break;
    if (k == sizeof keys / sizeof *keys) {
      *w++ = *r++;
      continue;
    }
    size_t kl = strlen(keys[k]);
    memmove(w, r, kl);
    w += kl;
    r += kl;
    while (*r == ' ')
      r++;
    while (*r >= '0' && *r <= '9')
      r++;
  }
  *w = '\0';
}

/* Drops each JSON line's "fixits" (its last key): a fix-it is an edit
 * in the spelling of the file at that place (output.quantity, or
 * 产出.数量 once fmt --zh has turned the keywords Chinese), so x and
 * fmt(x) may differ there by design; the diagnostics themselves may not. */
static void props_strip_fixits(char *s) {
  static const char key[] = ",\"fixits\":[";
  char *w = s;
  for (char *r = s; *r;) {
    char *nl = strchr(r, '\n');
    char *end = nl ? nl : r + strlen(r);
    char *f = strstr(r, key); /* a quote in a string is escaped: no match */
    if (f && f < end) {
      memmove(w, r, (size_t)(f - r));
      w += f - r;
      *w++ = '}'; /* the object's end, after the array */
    } else {
      memmove(w, r, (size_t)(end - r));
      w += end - r;
    }
    if (!nl)
      break;
    *w++ = '\n';
    r = nl + 1;
  }
  *w = '\0';
}

/* jxc build -f json in memory: the exit status, the JSON and the
 * diagnostics (as JSON lines), positions and fix-its stripped; both
 * malloc'd. */
static int props_build(const char *src, size_t n, char **json, char **diags) {
  jx_out dout, jout;
  jx_out_init_mem(&dout);
  jx_out_init_mem(&jout);
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, props_to_out, &dout);
  jx_diag_set_format(d, JX_DIAG_JSON);
  const char *name = "x.jx";
  jx_load_text text = {src, n};
  jx_load_job in;
  memset(&in, 0, sizeof in);
  in.paths = &name;
  in.texts = &text;
  in.n = 1;
  jx_emit_options eo;
  memset(&eo, 0, sizeof eo);
  eo.input_name = name;
  eo.prefix = "x";
  int rc = jx_build(&in, &jx_backend_json, &jout, &eo, d);
  jx_diag_flush(d);
  jx_diag_free(d);
  *json = props_take(&jout, NULL);
  *diags = props_take(&dout, NULL);
  if (rc != 0)
    (*json)[0] = '\0'; /* a failed build's output is thrown away */
  props_strip_positions(*json);
  props_strip_fixits(*diags);
  props_strip_positions(*diags);
  return rc;
}

/* ---- Where the comments are ------------------------------------------ */

typedef struct props_mark {
  uint64_t offset;
  uint32_t line;
  bool end; /* a ';', '{' or '}' (else a statement's start) */
} props_mark;

typedef struct props_comment {
  const char *text;
  size_t ends;   /* statement ends before it */
  bool trailing; /* on the line of the end just before it */
} props_comment;

typedef struct props_marks {
  props_mark *v;
  size_t n, cap;
} props_marks;

static void props_mark_add(props_marks *m, jx_loc loc, bool end) {
  if (m->n == m->cap) {
    m->cap = m->cap ? 2 * m->cap : 64;
    m->v = realloc(m->v, m->cap * sizeof *m->v);
    if (!m->v)
      abort();
  }
  props_mark k = {loc.offset, loc.line, end};
  m->v[m->n++] = k;
}

static void props_collect(props_marks *m, const jx_node *n) {
  for (; n; n = n->next) {
    if (n->kind == JX_N_BUDGET && n->u.budget.in_header)
      continue; /* part of the project's head */
    props_mark_add(m, n->loc, false);
    props_mark_add(m, n->end, true);
    switch (n->kind) {
    case JX_N_FRAMEWORK:
    case JX_N_LEVEL1:
    case JX_N_DEPARTMENT:
    case JX_N_DIVISION:
    case JX_N_UNIT:
    case JX_N_PROJECT:
    case JX_N_ACTUALS:
    case JX_N_ACTUAL_PROJECT:
      props_collect(m, n->u.block.items);
      props_mark_add(m, n->u.block.close, true);
      break;
    case JX_N_PROFILE:
      if (!n->u.block.uses) { /* `profile NAME;` is a statement */
        props_collect(m, n->u.block.items);
        props_mark_add(m, n->u.block.close, true);
      }
      break;
    default:
      break;
    }
  }
}

/* The comments of src with their places; NULL if it does not parse.  The
 * texts live in *arena. */
static props_comment *props_comments(const char *src, size_t n, jx_arena *arena,
                                     size_t *count) {
  jx_diag *d = jx_diag_new();
  jx_out sink;
  jx_out_init_mem(&sink);
  jx_diag_set_writer(d, props_to_out, &sink);
  jx_diag_set_format(d, JX_DIAG_JSON);
  uint32_t file = jx_diag_add_source(d, "x.jx", src, n);
  jx_parse_options opt = {true, true, NULL};
  jx_file_ast ast = {NULL, NULL};
  int rc = jx_parse_mem(src, n, file, d, arena, NULL, &opt, &ast);
  jx_diag_flush(d);
  jx_diag_free(d);
  jx_out_free(&sink);
  if (rc != 0)
    return NULL;
  props_marks m = {NULL, 0, 0};
  props_collect(&m, ast.items);
  size_t k = 0;
  for (const jx_comment *c = ast.comments; c; c = c->next)
    k++;
  props_comment *v = calloc(k + 1, sizeof *v);
  if (!v)
    abort();
  size_t i = 0, at = 0, ends = 0;
  for (const jx_comment *c = ast.comments; c; c = c->next, i++) {
    while (at < m.n && m.v[at].offset < c->loc.offset)
      ends += m.v[at++].end;
    v[i].text = c->text;
    v[i].ends = ends;
    v[i].trailing =
        at > 0 && m.v[at - 1].end && m.v[at - 1].line == c->loc.line;
  }
  free(m.v);
  *count = k;
  return v;
}

static const char *props_same_comments(const char *x, size_t xn, const char *y,
                                       size_t yn) {
  jx_arena a;
  jx_arena_init(&a);
  size_t nx = 0, ny = 0;
  props_comment *cx = props_comments(x, xn, &a, &nx);
  props_comment *cy = props_comments(y, yn, &a, &ny);
  const char *why = NULL;
  if (!cx || !cy)
    why = "fmt: the source or its output does not parse";
  else if (nx != ny)
    why = "fmt: a comment was lost or added";
  for (size_t i = 0; !why && i < nx; i++) {
    if (strcmp(cx[i].text, cy[i].text) != 0)
      why = "fmt: a comment's text changed, or comments changed order";
    else if (cx[i].ends != cy[i].ends)
      why = "fmt: a comment moved to another statement";
    else if (cx[i].trailing != cy[i].trailing)
      why = "fmt: a comment at the end of a statement's line moved off it "
            "(or onto one)";
  }
  free(cx);
  free(cy);
  jx_arena_free(&a);
  return why;
}

/* ---- What each category means ------------------------------------------ */

/* Each indicator's category, in tree order: "code.code" as the checker
 * resolves it where it stands, or "?" and the text as written when it
 * does not resolve; "" for the indicator keyword's (none). */
typedef struct props_cats {
  char **v;
  size_t n, cap, at; /* at: the next one to compare */
} props_cats;

static void props_cat_add(props_cats *k, const jx_framework *fw,
                          const jx_node *n) {
  const char *l1 = n->u.indicator.level1.text, *l2 = n->u.indicator.level2.text;
  const jx_level1 *a;
  const jx_level2 *b;
  char t[512];
  if (!l2)
    t[0] = '\0';
  else if (jx_framework_resolve(fw, l1, l2, &a, &b))
    snprintf(t, sizeof t, "%s.%s", a->code, b->code);
  else
    snprintf(t, sizeof t, "?%s.%s", l1 ? l1 : "", l2);
  if (k->n == k->cap) {
    k->cap = k->cap ? 2 * k->cap : 64;
    k->v = realloc(k->v, k->cap * sizeof *k->v);
    if (!k->v)
      abort();
  }
  k->v[k->n++] = strdup(t);
}

static void props_cats_in(props_cats *k, const jx_framework *fw,
                          const jx_node *n) {
  for (; n; n = n->next) {
    if (n->kind == JX_N_INDICATOR)
      props_cat_add(k, fw, n);
    else if (n->kind == JX_N_DEPARTMENT || n->kind == JX_N_DIVISION ||
             n->kind == JX_N_UNIT || n->kind == JX_N_PROJECT)
      props_cats_in(k, fw, n->u.block.items);
  }
}

/* The checker follows headers and declared frameworks through the file;
 * after each top-level declaration is checked, what it has in force is
 * what that declaration's categories mean.  The checker writes its
 * answers on the nodes, so the tree is not const here. */
static void props_cats_of(props_cats *k, jx_node *items) {
  jx_out sink;
  jx_out_init_mem(&sink);
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, props_to_out, &sink);
  jx_diag_set_format(d, JX_DIAG_JSON);
  jx_checker *c = jx_checker_new(d);
  jx_check_begin_file(c, 0);
  bool first = true;
  for (jx_node *n = items; n; n = n->next) {
    switch (n->kind) {
    case JX_N_HEADER:
      jx_check_header(c, n, first);
      break;
    case JX_N_FRAMEWORK:
      jx_check_framework(c, n);
      break;
    case JX_N_DEPARTMENT:
      jx_check_department(c, n);
      break;
    case JX_N_UNIT:
      jx_check_unit_open(c, n);
      break;
    case JX_N_PROJECT:
      jx_check_project(c, n, NULL);
      break;
    default:
      break;
    }
    first = false;
    if (n->kind == JX_N_DEPARTMENT || n->kind == JX_N_UNIT ||
        n->kind == JX_N_PROJECT) {
      jx_node copy = *n; /* this one alone */
      copy.next = NULL;
      props_cats_in(k, jx_checker_framework(c), &copy);
    }
  }
  jx_checker_free(c);
  jx_diag_flush(d);
  jx_diag_free(d);
  jx_out_free(&sink);
}

static void props_cats_free(props_cats *k) {
  for (size_t i = 0; i < k->n; i++)
    free(k->v[i]);
  free(k->v);
}

/* The next indicator's category means the same in x and y. */
static bool props_same_cat(props_cats *kx, props_cats *ky) {
  if (kx->at >= kx->n || ky->at >= ky->n)
    return false;
  return strcmp(kx->v[kx->at++], ky->v[ky->at++]) == 0;
}

/* ---- The same tree ----------------------------------------------------- */

static bool props_same_str(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* A word of an actuals statement: the same in any spelling jxc knows. */
static bool props_same_word(jx_ev_word kind, const char *a, const char *b) {
  const char *ca = a ? jx_ev_word_spelling(kind, a, false) : NULL;
  const char *cb = b ? jx_ev_word_spelling(kind, b, false) : NULL;
  return props_same_str(ca ? ca : a, cb ? cb : b);
}

static bool props_same_value(const jx_value *a, const jx_value *b) {
  return a->kind == b->kind && a->post == b->post &&
         (a->kind == JX_VAL_NONE || a->kind == JX_VAL_NA ||
          props_same_str(a->text, b->text));
}

static bool props_same_nodes(const jx_node *a, const jx_node *b, props_cats *ka,
                             props_cats *kb);

static bool props_same_node(const jx_node *a, const jx_node *b, props_cats *ka,
                            props_cats *kb) {
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case JX_N_HEADER:
    return props_same_value(&a->u.header.year, &b->u.header.year) &&
           props_same_str(a->u.header.framework.text,
                          b->u.header.framework.text) &&
           props_same_str(a->u.header.currency.text,
                          b->u.header.currency.text) &&
           props_same_str(a->u.header.form.text, b->u.header.form.text);
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
  case JX_N_UNIT:
  case JX_N_PROJECT:
    return props_same_str(a->u.block.code.text, b->u.block.code.text) &&
           props_same_str(a->u.block.name.text, b->u.block.name.text) &&
           props_same_nodes(a->u.block.items, b->u.block.items, ka, kb);
  case JX_N_LEVEL2:
    return props_same_str(a->u.level2.code.text, b->u.level2.code.text) &&
           props_same_str(a->u.level2.label.text, b->u.level2.label.text) &&
           props_same_str(a->u.level2.role.text, b->u.level2.role.text);
  case JX_N_GOAL:
  case JX_N_PURPOSE:
  case JX_N_CODE:
  case JX_N_OVERALL:
    return props_same_str(a->u.text.text.text, b->u.text.text.text);
  case JX_N_TOTAL:
    return props_same_value(&a->u.budget.amount, &b->u.budget.amount);
  case JX_N_ORG:
    return a->u.org.role == b->u.org.role &&
           props_same_str(a->u.org.code.text, b->u.org.code.text) &&
           props_same_str(a->u.org.name.text, b->u.org.name.text);
  case JX_N_PERIOD:
    return props_same_value(&a->u.period.value, &b->u.period.value);
  case JX_N_ATTR:
    return a->u.attr.key == b->u.attr.key &&
           props_same_str(a->u.attr.name.text, b->u.attr.name.text) &&
           props_same_str(a->u.attr.value.text, b->u.attr.value.text) &&
           props_same_str(a->u.attr.extra.text, b->u.attr.extra.text);
  case JX_N_BREAKDOWN: {
    const jx_line *x = a->u.breakdown.items, *y = b->u.breakdown.items;
    for (; x && y; x = x->next, y = y->next)
      if (!props_same_str(x->name.text, y->name.text) ||
          !props_same_value(&x->amount, &y->amount))
        return false;
    return !x && !y;
  }
  case JX_N_MEASURE:
    return props_same_str(a->u.measure.title.text, b->u.measure.title.text) &&
           props_same_str(a->u.measure.text.text, b->u.measure.text.text);
  case JX_N_INDICATOR: {
#define X(f) a->u.indicator.f
#define Y(f) b->u.indicator.f
    /* fmt writes '=' unless no operator was and the value is n/a, a date
     * range or one that ends in its comparison (90%以上), or there is no
     * value (an empty row). */
    bool written =
        X(op_written) ||
        (X(value.kind) != JX_VAL_NA && X(value.kind) != JX_VAL_NONE &&
         X(value.kind) != JX_VAL_DATE_RANGE && !X(value.post));
    bool same = props_same_cat(ka, kb) &&
                props_same_str(X(name.text), Y(name.text)) && X(op) == Y(op) &&
                written == Y(op_written) &&
                props_same_value(&X(value), &Y(value)) &&
                props_same_str(X(desc.text), Y(desc.text)) &&
                props_same_str(X(basis.text), Y(basis.text)) &&
                X(n_desc) == Y(n_desc) && X(n_basis) == Y(n_basis) &&
                X(has_period) == Y(has_period) &&
                (!X(has_period) ||
                 (X(period_op) == Y(period_op) &&
                  props_same_value(&X(period_value), &Y(period_value))));
    for (int k = 0; k < JX_EXPL_COUNT; k++)
      same = same && props_same_str(X(expl[k].text), Y(expl[k].text));
#undef X
#undef Y
    return same;
  }
  case JX_N_BUDGET:
    return a->u.budget.in_header == b->u.budget.in_header &&
           props_same_value(&a->u.budget.amount, &b->u.budget.amount);
  case JX_N_FUNDS: {
    /* Each source by its kind in the table (上级资金 and superior are one),
     * fiscal and other by their keyword. */
    const jx_funds_part *x = a->u.funds.parts, *y = b->u.funds.parts;
    for (; x && y; x = x->next, y = y->next) {
      const jx_source_kind *kx = x->token == 1   ? jx_source_fiscal()
                                 : x->token == 2 ? jx_source_other()
                                                 : jx_source_find(x->word.text);
      const jx_source_kind *ky = y->token == 1   ? jx_source_fiscal()
                                 : y->token == 2 ? jx_source_other()
                                                 : jx_source_find(y->word.text);
      if (kx != ky || (!kx && !props_same_str(x->word.text, y->word.text)) ||
          !props_same_value(&x->amount, &y->amount))
        return false;
    }
    return !x && !y &&
           props_same_value(&a->u.funds.fiscal, &b->u.funds.fiscal) &&
           props_same_value(&a->u.funds.other, &b->u.funds.other) &&
           a->u.funds.n_fiscal == b->u.funds.n_fiscal &&
           a->u.funds.n_other == b->u.funds.n_other;
  }
  case JX_N_SCHEDULE: {
    const jx_schedule_entry *x = a->u.schedule.entries,
                            *y = b->u.schedule.entries;
    for (; x && y; x = x->next, y = y->next) {
      int mx = jx_schedule_month(x), my = jx_schedule_month(y);
      if (mx != my || (!mx && !props_same_value(&x->month, &y->month)) ||
          !props_same_value(&x->percent, &y->percent))
        return false;
    }
    return !x && !y;
  }
  case JX_N_ACTUALS:
  case JX_N_ACTUAL_PROJECT:
  case JX_N_PROFILE:
    return a->u.block.uses == b->u.block.uses &&
           props_same_str(a->u.block.code.text, b->u.block.code.text) &&
           props_same_str(a->u.block.name.text, b->u.block.name.text) &&
           props_same_nodes(a->u.block.items, b->u.block.items, ka, kb);
  case JX_N_ACTUAL: {
#define X(f) a->u.actual.f
#define Y(f) b->u.actual.f
    /* fmt writes a word jxc knows in the keywords' language (部分达成 is
     * partly): the same word in either spelling */
    bool same =
        X(what) == Y(what) && props_same_str(X(name.text), Y(name.text)) &&
        props_same_value(&X(value), &Y(value)) && X(targeted) == Y(targeted) &&
        props_same_word(JX_EVW_RATING, X(rating.text), Y(rating.text)) &&
        props_same_value(&X(weight), &Y(weight)) &&
        props_same_value(&X(score), &Y(score)) &&
        props_same_word(JX_EVW_REASON, X(reason.text), Y(reason.text)) &&
        props_same_str(X(reason_text.text), Y(reason_text.text)) &&
        props_same_str(X(measure.text), Y(measure.text)) &&
        props_same_word(JX_EVW_LIKELIHOOD, X(likelihood.text),
                        Y(likelihood.text));
#undef X
#undef Y
    return same;
  }
  case JX_N_SETTING: {
    const jx_setting_arg *x = a->u.setting.args, *y = b->u.setting.args;
    const char *na = a->u.setting.name.text, *nb = b->u.setting.name.text;
    const char *ca = jx_ev_setting_spelling(na, false);
    const char *cb = jx_ev_setting_spelling(nb, false);
    if (!props_same_str(ca ? ca : na, cb ? cb : nb))
      return false;
    for (; x && y; x = x->next, y = y->next) {
      const char *wa = x->value.kind == JX_VAL_WORD
                           ? jx_ev_choice_spelling(na, x->value.text, false)
                           : NULL;
      const char *wb = y->value.kind == JX_VAL_WORD
                           ? jx_ev_choice_spelling(nb, y->value.text, false)
                           : NULL;
      if (wa || wb ? !props_same_str(wa, wb)
                   : !props_same_value(&x->value, &y->value))
        return false;
    }
    return !x && !y;
  }
  }
  return false;
}

static bool props_same_nodes(const jx_node *a, const jx_node *b, props_cats *ka,
                             props_cats *kb) {
  for (; a && b; a = a->next, b = b->next)
    if (!props_same_node(a, b, ka, kb))
      return false;
  return !a && !b;
}

/* x and y parse, to the same tree. */
static const char *props_same_tree(const char *x, size_t xn, const char *y,
                                   size_t yn) {
  jx_arena a;
  jx_arena_init(&a);
  jx_out sink;
  jx_out_init_mem(&sink);
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, props_to_out, &sink);
  jx_diag_set_format(d, JX_DIAG_JSON);
  uint32_t fx = jx_diag_add_source(d, "x.jx", x, xn);
  uint32_t fy = jx_diag_add_source(d, "y.jx", y, yn);
  jx_parse_options opt = {true, false, NULL};
  jx_file_ast tx = {NULL, NULL}, ty = {NULL, NULL};
  const char *why = NULL;
  if (jx_parse_mem(x, xn, fx, d, &a, NULL, &opt, &tx) != 0)
    why = "fmt: formatted a source that does not parse";
  else if (jx_parse_mem(y, yn, fy, d, &a, NULL, &opt, &ty) != 0)
    why = "fmt: the output does not parse";
  else {
    props_cats kx = {NULL, 0, 0, 0}, ky = {NULL, 0, 0, 0};
    props_cats_of(&kx, tx.items);
    props_cats_of(&ky, ty.items);
    if (!props_same_nodes(tx.items, ty.items, &kx, &ky))
      why = "fmt: x and fmt(x) parse to different trees";
    props_cats_free(&kx);
    props_cats_free(&ky);
  }
  jx_diag_flush(d);
  jx_diag_free(d);
  jx_out_free(&sink);
  jx_arena_free(&a);
  return why;
}

/* ---- All of it --------------------------------------------------------- */

typedef struct props_result {
  bool formatted; /* fmt(x) exists */
  int build_rc;   /* of x */
  char *y;        /* fmt(x), malloc'd, or NULL */
  size_t yn;
} props_result;

/* Checks properties 1-4 for x in keyword language zh.  Returns NULL when
 * they hold, else what failed.  r->y must be freed by the caller. */
static const char *props_check(const char *x, size_t xn, bool zh,
                               props_result *r) {
  memset(r, 0, sizeof *r);
  char *xjson, *xdiags;
  r->build_rc = props_build(x, xn, &xjson, &xdiags);
  const char *why = NULL;
  r->y = props_fmt(x, xn, zh, &r->yn);
  r->formatted = r->y != NULL;
  why = props_two_readings(x, xn, zh, r->y, r->yn);
  if (why)
    goto done;
  if (!r->y) {
    /* Not formatted: it must be broken (fmt reported why). */
    if (r->build_rc == 0)
      why = "fmt: a source that builds cleanly was not formatted";
    goto done;
  }
  why = props_same_tree(x, xn, r->y, r->yn);
  if (why)
    goto done;
  char *yjson, *ydiags;
  int yrc = props_build(r->y, r->yn, &yjson, &ydiags);
  if (yrc != r->build_rc)
    why = "fmt: x and fmt(x) build with different exit status";
  else if (strcmp(xdiags, ydiags) != 0)
    why = "fmt: x and fmt(x) have different diagnostics";
  else if (strcmp(xjson, yjson) != 0)
    why = "fmt: x and fmt(x) build to different plans";
  free(yjson);
  free(ydiags);
  if (why)
    goto done;
  size_t zn = 0;
  char *z = props_fmt(r->y, r->yn, zh, &zn);
  if (!z)
    why = "fmt: the output does not parse";
  else if (zn != r->yn || memcmp(z, r->y, zn) != 0)
    why = "fmt: not idempotent (fmt(fmt(x)) != fmt(x))";
  free(z);
  if (why)
    goto done;
  size_t on = 0, pn = 0;
  char *other = props_fmt(x, xn, !zh, &on);
  char *other2 = props_fmt(r->y, r->yn, !zh, &pn);
  if (!other || !other2 || on != pn || memcmp(other, other2, on) != 0)
    why = "fmt: x and fmt(x) format differently in the other language";
  free(other);
  free(other2);
  if (!why)
    why = props_same_comments(x, xn, r->y, r->yn);
done:
  free(xjson);
  free(xdiags);
  return why;
}

#endif
