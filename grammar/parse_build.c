/*
 * parse_build.c — see parse_build.h.
 *
 * Nothing here judges what it is given: a repeat is counted or its place
 * kept, and the checker says what is wrong (compiler/check).  The one
 * exception is an actual's attribute given twice, which the tree cannot
 * hold and the checker never sees (jx_pb_actual_text).
 */
#include "parse_build.h"

#include <stddef.h>
#include <string.h>

/* The generated header needs jx_scan, then the parser's token kinds. */
#include "parser.h"

/* ---- values -------------------------------------------------------------- */

static jx_value *new_value(jx_scan *p, jx_value_kind kind, const char *text,
                           jx_loc at) {
  jx_value *v = jx_arena_alloc(p->arena, sizeof *v);
  v->kind = kind;
  v->text = text;
  v->loc = at;
  return v;
}

jx_value *jx_pb_text_value(jx_scan *p, const char *s, jx_loc at) {
  return new_value(p, JX_VAL_TEXT, s, at);
}

jx_value *jx_pb_word_value(jx_scan *p, const char *s, jx_loc at) {
  return new_value(p, JX_VAL_WORD, s, at);
}

jx_value *jx_pb_na_value(jx_scan *p, jx_loc at) {
  return new_value(p, JX_VAL_NA, "不涉及", at);
}

jx_value *jx_pb_no_value(jx_scan *p, jx_loc at) {
  at.len = 0;
  return new_value(p, JX_VAL_NONE, NULL, at);
}

/* ---- statements ---------------------------------------------------------- */

jx_node *jx_pb_block(jx_scan *p, jx_node_kind kind, jx_loc loc, jx_loc end,
                     jx_text code, jx_text name, jx_node *items, jx_loc close) {
  jx_node *n = jx_pb_block_node(p, kind, loc);
  n->end = end;
  n->u.block.code = code;
  n->u.block.name = name;
  n->u.block.items = items;
  n->u.block.close = close;
  return n;
}

jx_node *jx_pb_text_stmt(jx_scan *p, jx_node_kind kind, jx_loc loc, jx_loc end,
                         jx_text t) {
  jx_node *n = jx_pb_node(p, kind, loc, text);
  n->end = end;
  n->u.text.text = t;
  return n;
}

jx_node *jx_pb_amount_stmt(jx_scan *p, jx_node_kind kind, jx_loc loc,
                           jx_loc end, const jx_value *amount) {
  jx_node *n = jx_pb_node(p, kind, loc, budget);
  n->end = end;
  n->u.budget.amount = *amount;
  return n;
}

jx_node *jx_pb_measure(jx_scan *p, jx_loc loc, jx_loc end, jx_text title,
                       jx_text text) {
  jx_node *n = jx_pb_node(p, JX_N_MEASURE, loc, measure);
  n->end = end;
  n->u.measure.title = title;
  n->u.measure.text = text;
  return n;
}

jx_node *jx_pb_schedule(jx_scan *p, jx_loc loc, jx_loc end,
                        jx_schedule_entry *entries) {
  jx_node *n = jx_pb_node(p, JX_N_SCHEDULE, loc, schedule);
  n->end = end;
  n->u.schedule.entries = entries;
  return n;
}

jx_node *jx_pb_period_stmt(jx_scan *p, jx_loc loc, jx_loc end,
                           const jx_value *v) {
  jx_node *n = jx_pb_node(p, JX_N_PERIOD, loc, period);
  n->end = end;
  n->u.period.value = *v;
  return n;
}

jx_node *jx_pb_breakdown(jx_scan *p, jx_loc loc, jx_loc end, jx_line *items) {
  jx_node *n = jx_pb_node(p, JX_N_BREAKDOWN, loc, breakdown);
  n->end = end;
  n->u.breakdown.items = items;
  return n;
}

jx_node *jx_pb_attr_stmt(jx_scan *p, jx_attr_key key, jx_loc loc, jx_loc end,
                         jx_text name, jx_text value, jx_text extra) {
  jx_node *n = jx_pb_node(p, JX_N_ATTR, loc, attr);
  n->end = end;
  n->u.attr.key = key;
  n->u.attr.name = name;
  n->u.attr.value = value;
  n->u.attr.extra = extra;
  return n;
}

jx_node *jx_pb_org_stmt(jx_scan *p, jx_org_role role, jx_loc loc, jx_loc end,
                        jx_text code, jx_text name) {
  jx_node *n = jx_pb_node(p, JX_N_ORG, loc, org);
  n->end = end;
  n->u.org.role = role;
  n->u.org.code = code;
  n->u.org.name = name;
  return n;
}

void jx_pb_header_part(jx_node *h, jx_text *slot, jx_text t, jx_loc kw) {
  if (slot->text && !h->u.header.dup_loc.line)
    h->u.header.dup_loc = kw;
  else if (!slot->text)
    *slot = t;
}

/* ---- indicators ---------------------------------------------------------- */

/* An indicator's node is 816 bytes; what a row does not write is zeroed
 * by constant 64-byte copies, which gcc makes SSE stores: a memset of the
 * whole node (the library's: gcc's own is `rep stos`, a count of one a
 * word) was half of building a row.  The header and the name, op and
 * value are written below, the rest from desc to the end zeroed. */
static const unsigned char zero64[64];
#define ZERO_FROM(field) offsetof(jx_node, u.indicator.field)
enum { IND_TAIL = sizeof(jx_node) - ZERO_FROM(desc) };
_Static_assert(ZERO_FROM(desc) == ZERO_FROM(value) + sizeof(jx_value),
               "the indicator's members after its value start at desc");
_Static_assert(IND_TAIL == 8 * 64 + 16, "an indicator's tail grew: zero it");

jx_node *jx_pb_indicator(jx_scan *p, const jx_loc *at, const jx_path *cat,
                         const char *name, const jx_loc *name_at, unsigned op,
                         const jx_loc *op_at, const jx_value *v) {
  jx_node *n = jx_arena_alloc_raw(p->arena, sizeof *n);
#ifdef JX_PB_POISON
  memset(n, 0xA5, sizeof *n);
#endif
  unsigned char *tail = (unsigned char *)n + ZERO_FROM(desc);
  /* written out: as a loop, gcc keeps the loop */
  memcpy(tail, zero64, 64);
  memcpy(tail + 64, zero64, 64);
  memcpy(tail + 128, zero64, 64);
  memcpy(tail + 192, zero64, 64);
  memcpy(tail + 256, zero64, 64);
  memcpy(tail + 320, zero64, 64);
  memcpy(tail + 384, zero64, 64);
  memcpy(tail + 448, zero64, 64);
  memcpy(tail + 512, zero64, 16);
  n->kind = JX_N_INDICATOR;
  n->loc = *at;
  n->end = (jx_loc){0};
  n->next = NULL;
  bool written = op & JX_PB_OP_WRITTEN;
  op &= ~(unsigned)JX_PB_OP_WRITTEN;
  if (!written && v->post)
    op = jx_postfix_op((jx_postfix)v->post);
  if (cat) {
    n->u.indicator.level1 = cat->l1;
    n->u.indicator.level2 = cat->l2;
  } else {
    n->u.indicator.level1 = n->u.indicator.level2 = (jx_text){0};
  }
  n->u.indicator.name.text = name;
  n->u.indicator.name.loc = *name_at;
  if (!name)
    n->u.indicator.name.loc.len = 0;
  n->u.indicator.op = (jx_op)op;
  n->u.indicator.op_written = written;
  n->u.indicator.op_loc = *op_at;
  n->u.indicator.value = *v;
  return n;
}

jx_node *jx_pb_empty_row(jx_scan *p, jx_loc at, const jx_path *cat) {
  jx_loc after = {at.offset + at.len, at.line, at.col + at.len, 0, at.file};
  return jx_pb_indicator(p, &at, cat, NULL, &after, JX_OP_EQ, &after,
                         jx_pb_no_value(p, after));
}

void jx_pb_desc(jx_node *n, bool basis, jx_text t, jx_loc kw) {
  int *count = basis ? &n->u.indicator.n_basis : &n->u.indicator.n_desc;
  if ((*count)++ == 0)
    *(basis ? &n->u.indicator.basis : &n->u.indicator.desc) = t;
  else if (!n->u.indicator.dup_loc.line)
    n->u.indicator.dup_loc = kw;
}

void jx_pb_expl(jx_node *n, jx_expl k, jx_text t, jx_loc kw) {
  if (!n->u.indicator.expl[k].text) {
    n->u.indicator.expl[k] = t;
  } else if (n->u.indicator.n_expl_dup++ == 0) {
    n->u.indicator.expl_dup = k;
    n->u.indicator.expl_dup_loc = kw;
  }
}

void jx_pb_period(jx_node *n, jx_loc kw, jx_op op, bool written, jx_loc op_loc,
                  const jx_value *v) {
  if (n->u.indicator.n_period++ > 0)
    return;
  n->u.indicator.has_period = true;
  n->u.indicator.period_loc = kw;
  /* 90%以上 after `period`: as for the row's own target (jx_pb_indicator). */
  if (!written && v->post)
    op = jx_postfix_op((jx_postfix)v->post);
  n->u.indicator.period_op = op;
  n->u.indicator.period_op_written = written;
  n->u.indicator.period_op_loc = op_loc;
  n->u.indicator.period_value = *v;
}

/* ---- lists of parts ------------------------------------------------------ */

void jx_pb_funds_part(jx_scan *p, jx_node *f, int token, jx_text word,
                      const jx_value *amount) {
  if (token == 1 && f->u.funds.n_fiscal++ == 0)
    f->u.funds.fiscal = *amount;
  if (token == 2 && f->u.funds.n_other++ == 0)
    f->u.funds.other = *amount;
  /* Every field written, none zeroed first (as in jx_pb_sched). */
  jx_funds_part *x = jx_arena_alloc_raw(p->arena, sizeof *x);
  x->next = NULL;
  x->token = token;
  x->word = word;
  x->amount = *amount;
  x->kind = NULL;
  x->res = (jx_resolved){0};
  x->plan_amount = (jx_decimal){0};
  jx_funds_part **at = &f->u.funds.parts;
  while (*at)
    at = &(*at)->next;
  *at = x;
}

void jx_pb_line(jx_scan *p, jx_line_list *l, jx_text name,
                const jx_value *amount) {
  jx_line *x = jx_arena_alloc(p->arena, sizeof *x);
  x->name = name;
  x->amount = *amount;
  if (l->tail)
    l->tail->next = x;
  else
    l->head = x;
  l->tail = x;
}

void jx_pb_sched(jx_scan *p, jx_sched_list *l, const jx_value *month,
                 int month_no, const char *month_name, jx_loc month_loc,
                 const jx_value *percent) {
  /* Every field written, none zeroed first: a memset of the whole entry
   * as well was half its cost. */
  jx_schedule_entry *e = jx_arena_alloc_raw(p->arena, sizeof *e);
  e->next = NULL;
  if (month) {
    e->month = *month;
  } else { /* a month's name: the token's */
    e->month =
        (jx_value){.kind = JX_VAL_TEXT, .text = month_name, .loc = month_loc};
  }
  e->month_no = month ? 0 : month_no;
  e->percent = *percent;
  e->resolved_month = 0;
  e->percent_res = (jx_resolved){0};
  if (l->tail)
    l->tail->next = e;
  else
    l->head = e;
  l->tail = e;
}

void jx_pb_setting_arg(jx_scan *p, jx_arg_list *l, const jx_value *v) {
  jx_setting_arg *a = jx_arena_alloc(p->arena, sizeof *a);
  a->value = *v;
  if (l->tail)
    l->tail->next = a;
  else
    l->head = a;
  l->tail = a;
}

/* ---- units and projects -------------------------------------------------- */

void jx_pb_open_unit(jx_scan *p, jx_node *unit) {
  p->cur_unit = unit;
  if (p->sink->unit_open)
    p->sink->unit_open(p->sink->ud, unit);
}

jx_node *jx_pb_close_unit(jx_scan *p, jx_node *n, jx_node *items, jx_loc close,
                          bool no_lookahead) {
  n->u.block.items = items;
  n->u.block.close = close;
  if (p->sink->unit_close)
    p->sink->unit_close(p->sink->ud, n);
  p->cur_unit = NULL;
  if (!p->keep_tree && no_lookahead) {
    jx_arena_release(p->arena, p->unit_mark);
    return NULL;
  }
  return n;
}

jx_node *jx_pb_finish_project(jx_scan *p, jx_loc loc, jx_loc open, jx_text name,
                              jx_node *budget, jx_node *items, jx_loc close) {
  jx_node *n = jx_pb_block_node(p, JX_N_PROJECT, loc);
  n->end = open;
  n->u.block.name = name;
  n->u.block.close = close;
  if (budget) {
    budget->next = items;
    items = budget;
  }
  n->u.block.items = items;
  n->u.block.recovered =
      p->syntax_errors + p->lex_errors != p->errors_at_project;
  p->sink->project(p->sink->ud, n, p->cur_unit);
  return n;
}

jx_node *jx_pb_project_end(jx_scan *p, const jx_loc *lookahead,
                           jx_arena_mark mark, jx_loc at, jx_loc open,
                           jx_text name, jx_node *budget, jx_node *items,
                           jx_loc close) {
  p->cat_text = NULL; /* its memory may go */
  jx_node *n = jx_pb_finish_project(p, at, open, name, budget, items, close);
  if (!p->keep_tree && !lookahead) {
    jx_arena_release(p->arena, mark);
    n = NULL;
  }
  jx_scan_forget(p, lookahead);
  return n;
}

jx_node *jx_pb_project_broken(jx_scan *p, const jx_loc *lookahead,
                              jx_arena_mark mark) {
  p->cat_text = NULL;
  if (!p->keep_tree && !lookahead)
    jx_arena_release(p->arena, mark);
  jx_scan_forget(p, lookahead);
  return NULL;
}

/* ---- actuals ------------------------------------------------------------- */

jx_act_value *jx_pb_act_value(jx_scan *p, const jx_value *v) {
  jx_act_value *a = jx_arena_alloc(p->arena, sizeof *a);
  if (v)
    a->value = *v;
  return a;
}

jx_node *jx_pb_actual_attrs(jx_scan *p, jx_loc at) {
  return jx_pb_node(p, JX_N_ACTUAL, at, actual);
}

jx_node *jx_pb_actual(jx_node *n, jx_loc loc, jx_loc end, jx_actual_what what,
                      jx_text name, const jx_act_value *v) {
  n->loc = loc;
  n->end = end;
  n->u.actual.what = what;
  n->u.actual.name = name;
  if (v) {
    n->u.actual.value = v->value;
    n->u.actual.targeted = v->targeted;
    n->u.actual.targeted_loc = v->targeted_loc;
    n->u.actual.rating = v->rating;
  }
  return n;
}

/* The tree keeps one, so the second is an error here (the checker never
 * sees actuals), and the file does not parse cleanly, so neither fmt nor
 * a build drops it. */
static void actual_twice(jx_scan *p, jx_node *n, jx_loc at) {
  if (!n->u.actual.dup_loc.line)
    n->u.actual.dup_loc = at;
  p->syntax_errors++;
  if (!p->read_failed)
    jx_diag_report(p->diag, JX_E_ACTUAL_REPEAT, at);
}

void jx_pb_actual_text(jx_scan *p, jx_node *n, jx_text *slot, jx_text t,
                       jx_loc at) {
  if (!slot->text && !slot->loc.line)
    *slot = t;
  else
    actual_twice(p, n, at);
}

void jx_pb_actual_value(jx_scan *p, jx_node *n, jx_value *slot,
                        const jx_value *v, jx_loc at) {
  if (slot->kind == JX_VAL_NONE)
    *slot = *v;
  else
    actual_twice(p, n, at);
}
