/*
 * emit_c.c — the C header back end: `jxc build -f c [--prefix NAME]`.
 *
 * Writes the plan as a header of static const initialisers of the model
 * structs in runtime/jixiao.h, for budget systems in C and C++ that embed
 * the targets (docs/c.md).  The header needs nothing but jixiao.h, compiles
 * cleanly as C99 and as C++11 at -Wall -Wextra -pedantic, and is
 * deterministic.
 *
 * Identifiers are ASCII: the prefix plus indexes (PREFIX_p3_indicators),
 * never a name from the source (the prefix's rules: emit_c_prefix.c).
 * Strings from the source only ever appear inside string literals, escaped
 * so that nothing can end the literal or change its meaning (emit_c_lit.c).
 * No source text is ever put in a comment; the input file's name in the
 * banner is escaped in the same octal way, with `*` and `?` escaped too.
 *
 * Streaming: a project's schedule, goals and indicator arrays are written
 * when the project arrives; only what its initialiser is made of (a
 * compact record, emit_c_proj.c) is kept until its unit closes, when the
 * unit's projects array is written, and only each unit's initialiser until
 * end(), when the units array and the plan are.  Arrays are defined before
 * whatever points at them, so the header needs no forward declarations.  What
 * is kept goes into two spools (out.h): past SPOOL_MEM bytes they move to
 * unlinked temporary files, so memory stays flat however many projects a unit
 * (or the bare projects' one group) has and however many units the plan has.
 */
#include "arena.h"
#include "backend.h"
#include "emit_c_lit.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What each spool holds in memory before it moves to a temporary file: at
   ~1.2 KB of initialiser per project, about 800 projects. */
#define SPOOL_MEM (1 << 20)

/* ---- Low-level writers ------------------------------------------------ */

/* Appends the bytes collected in src to dst and empties src. */
static void take(jx_out *dst, jx_out *src) {
  size_t n;
  const char *d = jx_out_data(src, &n);
  jx_out_write(dst, d, n);
  src->len = 0;
}

/* ---- Arrays ----------------------------------------------------------- */

/* Array definitions go to st->scratch; their long strings to st->out. */

/* type: one of this file's constant type names (a piece, type_n bytes).
 * The name is id's with index idx or, when stem is not NULL (a project's
 * own arrays: id's head is "_p" and idx the project's), the stem and
 * id's tail: the project's seven arrays share the stem, made once. */
static void open_array_n(c_state *st, const char *type, size_t type_n, c_id id,
                         size_t idx, const c_stem *stem) {
  jx_out *o = &st->scratch;
  c_room(o, C_SLACK);
  PUT(o, "static const ");
  jx_out_put_reserved(o, type, type_n);
  PUT(o, " ");
  if (stem && stem->n) {
    memcpy(o->buf + o->len, stem->s, C_STEM);
    o->len += stem->n;
    jx_copy_short(o->buf + o->len, id.tail, id.tail_n);
    o->len += id.tail_n;
  } else {
    jx_c_ident(st, o, id, idx);
  }
  PUT(o, "[] = {\n");
}
#define open_array(st, type, id, idx, stem)                                    \
  open_array_n((st), (type), sizeof(type) - 1, (id), (idx), (stem))

/* Writes everything scratch holds to the output.  Every event ends with
 * scratch empty, and anything written straight to the output goes after
 * it. */
static void flush_scratch(c_state *st) {
  take(st->out, &st->scratch);
  st->scratch_done = 0;
}

/* A project's arrays stay in scratch until the project ends (one copy to
 * the output, not one an array), unless they have grown large. */
enum { SCRATCH_FLUSH = 1 << 18 };

static void close_array(c_state *st) {
  c_room(&st->scratch, C_SLACK);
  PUT(&st->scratch, "};\n");
  st->scratch_done = st->scratch.len;
  if (st->scratch.len >= SCRATCH_FLUSH)
    flush_scratch(st);
}

/* An array whose elements a spool holds: they go straight from it to the
   output (never through scratch, which would hold them all again). */
static void spooled_array(c_state *st, const char *type, c_id id, size_t idx,
                          jx_out *elements) {
  open_array_n(st, type, strlen(type), id, idx, NULL);
  flush_scratch(st);
  jx_out_take(st->out, elements);
  close_array(st);
  flush_scratch(st);
}

static void strings_array(c_state *st, c_id id, size_t idx, const c_stem *stem,
                          const char *const *v, size_t n) {
  if (n == 0)
    return;
  jx_out *o = &st->scratch;
  open_array(st, "char *const", id, idx, stem);
  for (size_t i = 0; i < n; i++) {
    c_room(o, C_SLACK);
    PUT(o, "    ");
    jx_c_str(st, o, v[i]);
    PUT(o, ",\n");
  }
  close_array(st);
}

/*
 * An array of small structs, one initialiser a line: a row writer puts an
 * element's fields between "    {" and "},\n".  Schedules, sources, line
 * items, attributes and measures are all this shape.
 */
typedef void (*row_fn)(c_state *st, jx_out *o, const void *element);

static void rows_array(c_state *st, const char *type, size_t type_n, c_id id,
                       size_t idx, const c_stem *stem, const void *v, size_t n,
                       size_t size, row_fn row) {
  if (n == 0)
    return;
  jx_out *o = &st->scratch;
  open_array_n(st, type, type_n, id, idx, stem);
  for (const char *e = v; n > 0; n--, e += size) {
    c_room(o, C_SLACK);
    PUT(o, "    {");
    row(st, o, e);
    PUT(o, "},\n");
  }
  close_array(st);
}

static void measure_row(c_state *st, jx_out *o, const void *e) {
  const jx_measure *m = e;
  jx_c_str(st, o, m->title);
  PUT(o, ", ");
  jx_c_str(st, o, m->text);
}

static void line_row(c_state *st, jx_out *o, const void *e) {
  const jx_line_item *l = e;
  jx_c_str(st, o, l->name);
  PUT(o, ", ");
  jx_c_decimal(o, l->amount);
}

/* A schedule, each row out of st->points when it holds the point: a
 * plan's schedules are made of a few dozen points. */
static void schedule_array(c_state *st, const c_stem *stem,
                           const jx_schedule_point *v, size_t n) {
  if (n == 0)
    return;
  jx_out *o = &st->scratch;
  open_array(st, "jx_schedule_point", C_ID("_p", "_schedule"), stem->idx, stem);
  for (size_t i = 0; i < n; i++) {
    c_room(o, C_SLACK);
    uint64_t h = ((uint64_t)v[i].percent.micros + (uint64_t)v[i].month) *
                 0x9E3779B97F4A7C15ULL;
    c_point *e = &st->points[(h >> 40) & (C_POINT_SLOTS - 1)];
    if (e->n && e->micros == v[i].percent.micros && e->month == v[i].month) {
      memcpy(o->buf + o->len, e->out, C_POINT_OUT);
      o->len += e->n;
      continue;
    }
    size_t at = o->len;
    PUT(o, "    {");
    jx_c_i64(o, v[i].month);
    PUT(o, ", ");
    jx_c_decimal(o, v[i].percent);
    PUT(o, "},\n");
    if (o->len - at <= C_POINT_OUT) {
      e->micros = v[i].percent.micros;
      e->month = v[i].month;
      e->n = o->len - at;
      memcpy(e->out, o->buf + at, e->n);
    }
  }
  close_array(st);
}

/* A project's sources.  A source whose kind is the table's (not NULL:
 * lowering takes its kind and label from the table of sources, whose
 * texts never change) has its two literals out of st->cats (not NULL)
 * once they have been written; the extra 1 tells these blocks from the
 * categories'. */
static void sources_array(c_state *st, const c_stem *stem, const jx_source *v,
                          size_t n) {
  if (n == 0)
    return;
  jx_out *o = &st->scratch;
  open_array(st, "jx_source", C_ID("_p", "_sources"), stem->idx, stem);
  for (size_t i = 0; i < n; i++) {
    const jx_source *x = &v[i];
    c_room(o, C_SLACK);
    PUT(o, "    {");
    bool stable = st->cats && x->kind;
    const jx_block_slot *e =
        stable ? jx_block_find(st->cats, NULL, NULL, x->kind, x->label, 1)
               : NULL;
    if (e) {
      jx_out_put_reserved(o, e->out, e->n);
    } else {
      /* kept only when neither is a long string (written again each
         time) and the buffer is in memory (the block stays put) */
      bool keep = stable && o->fd < 0 && strlen(x->kind) <= MAX_LITERAL &&
                  (!x->label || strlen(x->label) <= MAX_LITERAL);
      size_t at = o->len;
      jx_c_str(st, o, x->kind);
      PUT(o, ", ");
      jx_c_str(st, o, x->label);
      PUT(o, ", ");
      if (keep)
        jx_block_keep(st->cats, NULL, NULL, x->kind, x->label, 1, o->buf + at,
                      o->len - at);
    }
    jx_c_decimal_memo(st, o, x->amount);
    if (x->fiscal)
      PUT(o, ", 1},\n");
    else
      PUT(o, ", 0},\n");
  }
  close_array(st);
}

static void attribute_row(c_state *st, jx_out *o, const void *e) {
  const jx_attribute *a = e;
  jx_c_str(st, o, a->key);
  PUT(o, ", ");
  jx_c_str(st, o, a->value);
}

#define ROWS(st, type, id, idx, stem, v, n, row)                               \
  rows_array((st), (type), sizeof(type) - 1, (id), (idx), (stem), (v), (n),    \
             sizeof *(v), (row))

/* The period targets of v (issue 11), in an array of their own before the
 * indicators that point into it; returns its number, or SIZE_MAX when no
 * indicator has one. */
static size_t targets_array(c_state *st, const jx_indicator *v, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += v[i].period_target != NULL;
  if (k == 0)
    return SIZE_MAX;
  size_t id = st->n_targets++;
  jx_out *o = &st->scratch;
  open_array(st, "jx_target", C_ID("_t", ""), id, NULL);
  for (size_t i = 0; i < n; i++) {
    const jx_target *t = v[i].period_target;
    if (!t)
      continue;
    c_room(o, C_SLACK);
    PUT(o, "    {");
    jx_c_put_kind(o, t->kind);
    PUT(o, ", ");
    jx_c_put_op(o, t->op);
    PUT(o, ", ");
    jx_c_decimal(o, t->value);
    PUT(o, ", ");
    jx_c_str(st, o, t->unit);
    PUT(o, ", ");
    jx_c_put_dim(o, t->dimension);
    PUT(o, ", ");
    jx_c_str(st, o, t->text);
    PUT(o, ", ");
    jx_c_decimal(o, t->value_end);
    PUT(o, ", ");
    jx_c_str(st, o, t->per_unit);
    PUT(o, "},\n");
  }
  close_array(st);
  return id;
}

/* An indicator's category: its four texts, each a literal through the
 * memo and ",\n     ".  Kept as one block in st->cats (not NULL) when
 * none is a long string (whose array is written again each time it is
 * met) and the block fits; the scratch buffer it is written to is in
 * memory, so the block is still where it was written when it is kept. */
static __attribute__((noinline)) void category_miss(c_state *st, jx_out *o,
                                                    const jx_indicator *x) {
  const char *k[4] = {x->level1, x->level1_label, x->level2, x->level2_label};
  bool keep = st->cats && o->fd < 0;
  for (int i = 0; i < 4; i++)
    keep = keep && (!k[i] || strlen(k[i]) <= MAX_LITERAL);
  size_t at = o->len;
  for (int i = 0; i < 4; i++) {
    jx_c_str_memo(st, o, k[i]);
    PUT(o, ",\n     ");
  }
  if (keep)
    jx_block_keep(st->cats, k[0], k[1], k[2], k[3], 0, o->buf + at,
                  o->len - at);
}

/* The category out of st->cats when it holds it (a block is at most
 * JX_BLOCK_OUT bytes: a piece within the row's C_SLACK). */
static inline __attribute__((always_inline)) void
put_category(c_state *st, jx_out *o, const jx_indicator *x) {
  _Static_assert(JX_BLOCK_OUT <= C_SLACK / 4, "a category block is a piece");
  if (st->cats) {
    const jx_block_slot *e = jx_block_find(st->cats, x->level1, x->level1_label,
                                           x->level2, x->level2_label, 0);
    if (e) {
      jx_out_put_reserved(o, e->out, e->n);
      return;
    }
  }
  category_miss(st, o, x);
}

/* An indicator's line and ",\n     ": the last one's text again when it
 * is on the same line. */
static inline void put_line(c_state *st, jx_out *o, int line) {
  if (line == st->line_last && st->line_n) {
    memcpy(o->buf + o->len, st->line_text, sizeof st->line_text);
    o->len += st->line_n;
    return;
  }
  size_t at = o->len;
  jx_c_i64(o, line);
  PUT(o, ",\n     ");
  st->line_last = line;
  st->line_n = o->len - at;
  memcpy(st->line_text, o->buf + at, st->line_n);
}

static void indicators_array(c_state *st, c_id id, size_t idx,
                             const c_stem *stem, const jx_indicator *v,
                             size_t n) {
  if (n == 0)
    return;
  jx_out *o = &st->scratch;
  size_t targets = targets_array(st, v, n), nth = 0;
  open_array(st, "jx_indicator", id, idx, stem);
  for (size_t i = 0; i < n; i++) {
    const jx_indicator *x = &v[i];
    c_room(o, C_SLACK);
    /* Positional, in field order: C++11 has no designated initialisers. */
    PUT(o, "    {");
    put_category(st, o, x);
    jx_c_str(st, o, x->name);
    if (x->description) {
      PUT(o, ",\n     ");
      jx_c_str_nonnull(st, o, x->description);
      PUT(o, ",\n     ");
    } else { /* most rows: one piece */
      PUT(o, ",\n     NULL,\n     ");
    }
    jx_c_put_kind_op(st, o, x->kind, x->op);
    jx_c_decimal_memo(st, o, x->value);
    PUT(o, ", ");
    jx_c_str(st, o, x->unit);
    jx_c_put_dim_row(o, x->dimension);
    jx_c_str(st, o, x->text);
    if (x->basis) {
      PUT(o, ", ");
      jx_c_str_nonnull(st, o, x->basis);
      PUT(o, ", ");
    } else {
      PUT(o, ", NULL, ");
    }
    put_line(st, o, x->line);
    jx_c_put_roles(st, o, x->level1_role, x->level2_role);
    if (!x->period_target && !x->standard && !x->explanation &&
        !x->value_note && !x->remark && !x->scoring && !x->per_unit &&
        x->value_end.micros == 0) {
      /* the usual end of a row (every row of both bench plans): one
         piece */
      PUT(o, "NULL, NULL, NULL, NULL, NULL, NULL, {0}, NULL},\n");
      continue;
    }
    if (x->period_target) {
      PUT(o, "&");
      jx_c_ident(st, o, C_ID("_t", ""), targets);
      PUT(o, "[");
      jx_c_u64(o, nth++);
      PUT(o, "]");
    } else {
      PUT(o, "NULL");
    }
    const char *expl[] = {x->standard, x->explanation, x->value_note, x->remark,
                          x->scoring};
    for (size_t e = 0; e < sizeof expl / sizeof expl[0]; e++) {
      PUT(o, ", ");
      jx_c_str(st, o, expl[e]);
    }
    PUT(o, ", ");
    jx_c_decimal(o, x->value_end);
    PUT(o, ", ");
    jx_c_str(st, o, x->per_unit);
    PUT(o, "},\n");
  }
  close_array(st);
  st->n_indicators += n;
}

/* {code, name} */
static void put_org(c_state *st, jx_out *o, jx_org org) {
  PUT(o, "{");
  jx_c_str(st, o, org.code);
  PUT(o, ", ");
  jx_c_str(st, o, org.name);
  PUT(o, "}");
}

/* ---- The back end ----------------------------------------------------- */

static void *c_create(jx_out *out, const jx_emit_options *opt) {
  c_state *st = jx_xcalloc(1, sizeof *st);
  st->out = out;
  st->prefix = opt->prefix && *opt->prefix ? opt->prefix : "plan";
  st->prefix_n = strlen(st->prefix);
  if (st->prefix_n < C_PREFIX_PAD)
    memcpy(st->prefix_pad, st->prefix, st->prefix_n);
  st->input_name = opt->input_name ? opt->input_name : "-";
  if (opt->framework_texts_stable)
    st->cats = jx_xcalloc(1, sizeof *st->cats);
  jx_c_pairs_init(st);
  jx_out_init_mem(&st->scratch);
  jx_out_init_spool(&st->projects, SPOOL_MEM);
  jx_out_init_spool(&st->units, SPOOL_MEM);
  jx_out_init_mem(&st->plan_head);
  /* Buffers of at least 64 KiB (what an fd-mode jx_out has), so that
     c_room can always make the room it is asked for (emit_c_lit.h); a spool
     keeps its buffer when it moves to its temporary. */
  jx_out_reserve(&st->scratch, C_OUT_MIN);
  jx_out_reserve(&st->projects, C_OUT_MIN);
  jx_out_reserve(&st->units, C_OUT_MIN);
  jx_out_reserve(&st->plan_head, C_OUT_MIN);
  return st;
}

/* The input's name for the banner comment: printable ASCII as is, anything
   else (and '*', '?', '\\', which could end the comment, form a trigraph or
   splice a line) as \ooo. */
static void put_comment_name(jx_out *o, const char *name) {
  for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
    if (*s >= 0x20 && *s < 0x7F && *s != '*' && *s != '?' && *s != '\\')
      jx_out_putc(o, (char)*s);
    else
      jx_c_octal(o, *s);
  }
}

static void c_begin(void *vst, const jx_plan *h) {
  c_state *st = vst;
  jx_out *o = st->out;
  LIT(o, "/*\n * Generated by jxc " JX_VERSION " from ");
  put_comment_name(o, st->input_name);
  LIT(o, ".\n * Do not edit: change the source and run jxc build -f c "
         "again.\n */\n#ifndef ");
  for (const char *p = st->prefix; *p; p++)
    jx_out_putc(o, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
  LIT(o, "_JX_H\n#define ");
  for (const char *p = st->prefix; *p; p++)
    jx_out_putc(o, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
  LIT(o, "_JX_H\n\n#include \"jixiao.h\"\n\n"
         "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
  /* The plan's own fields, formatted now: h is valid only in this call. */
  jx_out_printf(&st->plan_head, "%d, ", h->year);
  c_room(&st->plan_head, C_SLACK);
  jx_c_str(st, &st->plan_head, h->framework);
  PUT(&st->plan_head, ", ");
  jx_c_str(st, &st->plan_head, h->currency);
  /* The form comes last in jx_plan: kept apart until end(). */
  st->form = h->form ? h->form : "generic";
}

static void c_unit_open(void *vst, const jx_unit *u) {
  c_state *st = vst;
  (void)u; /* code and name come again with unit_close */
  st->in_unit = true;
  st->n_unit_projects = 0;
}

static void c_project(void *vst, const jx_unit *u, const jx_project *p) {
  c_state *st = vst;
  if (!st->in_unit)
    c_unit_open(st, u);
  size_t i = st->n_projects++;
  c_stem stem;
  jx_c_stem(st, &stem, i);
  schedule_array(st, &stem, p->schedule, p->n_schedule);
  strings_array(st, C_ID("_p", "_goals"), i, &stem, p->goals, p->n_goals);
  indicators_array(st, C_ID("_p", "_indicators"), i, &stem, p->indicators,
                   p->n_indicators);
  strings_array(st, C_ID("_p", "_overall_goals"), i, &stem, p->overall_goals,
                p->n_overall_goals);
  sources_array(st, &stem, p->sources, p->n_sources);
  ROWS(st, "jx_line_item", C_ID("_p", "_breakdown"), i, &stem, p->breakdown,
       p->n_breakdown, line_row);
  ROWS(st, "jx_attribute", C_ID("_p", "_attributes"), i, &stem, p->attributes,
       p->n_attributes, attribute_row);
  flush_scratch(st); /* before the record's long strings, if any */

  jx_c_project_keep(st, &st->projects, p, i);
  st->n_unit_projects++;
}

/* Closes the open unit; u supplies code, name, goals and measures (NULL:
   none, for events that end without unit_close). */
static void close_unit(c_state *st, const jx_unit *u) {
  static const jx_unit none = {0};
  if (!u)
    u = &none;
  size_t i = st->n_units++;
  strings_array(st, C_ID("_u", "_goals"), i, NULL, u->goals, u->n_goals);
  ROWS(st, "jx_measure", C_ID("_u", "_measures"), i, NULL, u->measures,
       u->n_measures, measure_row);
  if (st->n_unit_projects > 0) {
    open_array(st, "jx_project", C_ID("_u", "_projects"), i, NULL);
    flush_scratch(st);
    jx_c_projects_put(st, st->out, &st->projects);
    close_array(st);
  }
  jx_out *o = &st->units;
  c_room(o, C_SLACK);
  PUT(o, "    {");
  jx_c_str(st, o, u->code);
  PUT(o, ", ");
  jx_c_str(st, o, u->name);
  PUT(o, ",\n     ");
  jx_c_ref(st, o, C_ID("_u", "_goals"), i, u->n_goals);
  PUT(o, ", ");
  jx_c_ref(st, o, C_ID("_u", "_measures"), i, u->n_measures);
  PUT(o, ", ");
  jx_c_ref(st, o, C_ID("_u", "_projects"), i, st->n_unit_projects);
  PUT(o, ",\n     ");
  put_org(st, o, u->supervisor);
  PUT(o, ", ");
  put_org(st, o, u->implementer);
  PUT(o, "},\n");
  flush_scratch(st);
  st->in_unit = false;
}

static void c_unit_close(void *vst, const jx_unit *u) {
  c_state *st = vst;
  if (!st->in_unit)
    c_unit_open(st, u);
  close_unit(st, u);
}

static void c_department(void *vst, const jx_department *d) {
  c_state *st = vst;
  if (!d || st->have_dept) /* at most one department per plan */
    return;
  st->have_dept = true;
  for (size_t i = 0; i < d->n_divisions; i++) {
    const jx_division *dv = &d->divisions[i];
    strings_array(st, C_ID("_div", "_goals"), i, NULL, dv->goals, dv->n_goals);
    indicators_array(st, C_ID("_div", "_indicators"), i, NULL, dv->indicators,
                     dv->n_indicators);
  }
  if (d->n_divisions > 0) {
    jx_out *o = &st->scratch;
    open_array(st, "jx_division", C_NAME("_divisions"), 0, NULL);
    for (size_t i = 0; i < d->n_divisions; i++) {
      const jx_division *dv = &d->divisions[i];
      c_room(o, C_SLACK);
      PUT(o, "    {");
      jx_c_str(st, o, dv->name);
      PUT(o, ", ");
      jx_c_ref(st, o, C_ID("_div", "_goals"), i, dv->n_goals);
      PUT(o, ", ");
      jx_c_ref(st, o, C_ID("_div", "_indicators"), i, dv->n_indicators);
      PUT(o, "},\n");
    }
    close_array(st);
  }
  strings_array(st, C_NAME("_dept_goals"), 0, NULL, d->goals, d->n_goals);
  ROWS(st, "jx_measure", C_NAME("_dept_measures"), 0, NULL, d->measures,
       d->n_measures, measure_row);
  indicators_array(st, C_NAME("_dept_indicators"), 0, NULL, d->indicators,
                   d->n_indicators);
  ROWS(st, "jx_line_item", C_NAME("_dept_breakdown"), 0, NULL, d->breakdown,
       d->n_breakdown, line_row);
  jx_out *o = &st->scratch;
  c_room(o, C_SLACK);
  PUT(o, "static const jx_department ");
  jx_c_ident(st, o, C_NAME("_department = {\n    "), 0);
  jx_c_str(st, o, d->name);
  PUT(o, ",\n    ");
  jx_c_ref(st, o, C_NAME("_dept_goals"), 0, d->n_goals);
  PUT(o, ", ");
  jx_c_ref(st, o, C_NAME("_divisions"), 0, d->n_divisions);
  PUT(o, ",\n    ");
  jx_c_ref(st, o, C_NAME("_dept_measures"), 0, d->n_measures);
  PUT(o, ", ");
  jx_c_ref(st, o, C_NAME("_dept_indicators"), 0, d->n_indicators);
  PUT(o, ",\n    ");
  jx_c_str(st, o, d->code);
  jx_out_put_reserved(o, d->has_budget ? ", 1, " : ", 0, ", 5);
  jx_c_decimal(o, d->budget);
  PUT(o, ", ");
  jx_c_ref(st, o, C_NAME("_dept_breakdown"), 0, d->n_breakdown);
  PUT(o, "};\n");
  flush_scratch(st);
}

static void c_end(void *vst) {
  c_state *st = vst;
  jx_out *o = st->out;
  if (st->in_unit)
    close_unit(st, NULL);
  flush_scratch(st); /* (empty: every event leaves it so) */
  if (st->n_units > 0)
    spooled_array(st, "jx_unit", C_NAME("_units"), 0, &st->units);
  c_room(o, C_SLACK);
  PUT(o, "\nenum {\n    ");
  jx_c_ident(st, o, C_ID("_n_units = ", ",\n    "), st->n_units);
  jx_c_ident(st, o, C_ID("_n_projects = ", ",\n    "), st->n_projects);
  jx_c_ident(st, o, C_ID("_n_indicators = ", "\n};\n\n"), st->n_indicators);
  PUT(o, "static const jx_plan ");
  jx_c_ident(st, o, C_NAME("_plan = {\n    "), 0);
  take(o, &st->plan_head);
  c_room(o, C_SLACK);
  PUT(o, ",\n    ");
  if (st->have_dept) {
    PUT(o, "&");
    jx_c_ident(st, o, C_NAME("_department"), 0);
  } else {
    PUT(o, "NULL");
  }
  PUT(o, ", ");
  jx_c_ref(st, o, C_NAME("_units"), 0, st->n_units);
  PUT(o, ", ");
  jx_c_str(st, o, st->form ? st->form : "generic");
  LIT(o, "};\n\n#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
}

static void c_destroy(void *vst) {
  c_state *st = vst;
  if (!st)
    return;
  jx_out_free(&st->scratch);
  jx_out_free(&st->projects);
  jx_out_free(&st->units);
  jx_out_free(&st->plan_head);
  free(st->cats);
  free(st);
}

const jx_backend jx_backend_c = {
    .name = "c",
    .create = c_create,
    .begin = c_begin,
    .unit_open = c_unit_open,
    .project = c_project,
    .unit_close = c_unit_close,
    .department = c_department,
    .end = c_end,
    .destroy = c_destroy,
};
