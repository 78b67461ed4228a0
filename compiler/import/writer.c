/*
 * writer.c — the import plan as jixiao source.
 *
 * One statement a line, in the order of the plan, each followed by a
 * comment naming the place its values came from (# 表1!A9:F9, # line 12);
 * the notes kept before a statement (a heading, a cell the language cannot
 * hold yet) as comments above it.  The driver runs the result through
 * jx_fmt, so the layout here only has to be valid, not pretty: fmt wraps
 * long strings and moves each trailing comment to the end of its
 * statement's last line.
 *
 * The writer records, in writing order, the place of every statement and
 * of each of its parts (im_written), and which note each comment holds;
 * the driver pairs them with the formatted file's nodes and comments, which
 * come in the same order, to put diagnostics at both places.  The frame
 * of each statement (its places, comments and notes) is writer_frame.c.
 */
#include "writer_impl.h"

#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- statements
 * ------------------------------------------------------------------ */

static void text_stmt(writer *w, jx_kw k, const im_text *t) {
  if (!t->text)
    return;
  imw_indent(w);
  imw_begin_stmt(w, &t->src);
  imw_record(w, IM_W_VALUE, &t->src);
  imw_kw(w, k);
  jx_sb_puts(w->o, " ");
  imw_str(w, t->text);
  jx_sb_puts(w->o, ";");
  imw_end_stmt(w);
}

/* `KEYWORD "name" "text";` (a measure, an attribute): the name's place
 * and the text's are both recorded; a missing text is left out. */
static void named_stmt(writer *w, jx_kw k, const im_text *name,
                       const im_text *t) {
  imw_indent(w);
  imw_begin_stmt(w, &name->src);
  imw_record(w, IM_W_NAME, &name->src);
  imw_record(w, IM_W_VALUE, &t->src);
  imw_kw(w, k);
  jx_sb_puts(w->o, " ");
  imw_str(w, name->text);
  if (t->text) {
    jx_sb_puts(w->o, " ");
    imw_str(w, t->text);
  }
  jx_sb_puts(w->o, ";");
  imw_end_stmt(w);
}

/* Where the phone number starts in "王明 023-56551234" (a last word of
 * digits, '-', '+' and parentheses holding at least five digits), as the
 * forms print a person; 0 when there is none. */
static size_t phone_at(const char *s) {
  const char *sp = strrchr(s, ' ');
  if (!sp || sp == s)
    return 0;
  int digits = 0;
  for (const char *p = sp + 1; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (!strchr("-+()", *p))
      return 0;
  }
  return digits >= 5 ? (size_t)(sp - s) : 0;
}

/* 项目负责人 and 联系人: the name, and the phone when the cell holds one. */
static void person_stmt(writer *w, jx_kw k, const im_text *t) {
  size_t at = t->text ? phone_at(t->text) : 0;
  if (!at) {
    text_stmt(w, k, t);
    return;
  }
  imw_indent(w);
  imw_begin_stmt(w, &t->src);
  imw_record(w, IM_W_VALUE, &t->src);
  imw_kw(w, k);
  jx_sb_puts(w->o, " ");
  char *name = jx_xcalloc(at + 1, 1);
  memcpy(name, t->text, at);
  imw_str(w, name);
  free(name);
  jx_sb_puts(w->o, " ");
  imw_str(w, t->text + at + 1);
  jx_sb_puts(w->o, ";");
  imw_end_stmt(w);
}

static void goals(writer *w, const im_goal *g) {
  for (; g; g = g->next) {
    imw_notes(w, g->notes);
    text_stmt(w, JX_KW_GOAL, &g->text);
  }
}

static const char *const op_text[] = {"=", ">=", "<=", ">", "<"};

/* The category as the user's language spells it, or as written when the
 * framework does not have it (the checker then says so, at both places). */
static void category(writer *w, const im_indicator *ind) {
  const jx_level1 *l1;
  const jx_level2 *l2;
  if (w->fw && jx_framework_resolve(w->fw, ind->l1, ind->l2, &l1, &l2)) {
    jx_sb_printf(w->o, "%s.%s", w->zh ? l1->label : l1->code,
                 w->zh ? l2->label : l2->code);
  } else if (ind->l1) {
    jx_sb_printf(w->o, "%s.%s", ind->l1, ind->l2);
  } else {
    jx_sb_puts(w->o, ind->l2);
  }
}

/* A value as the .jx writes it: an op (unless n/a without one, or a value
 * that carries its own comparison or is a date range: bare), then the
 * number, text, date or n/a. */
static void value_out(writer *w, const im_value *v) {
  if ((v->kind != IM_V_NA || v->op_written) && !v->bare) {
    jx_sb_puts(w->o, " ");
    jx_sb_puts(w->o, op_text[v->op >= 0 && v->op <= 4 ? v->op : 0]);
  }
  jx_sb_puts(w->o, " ");
  switch (v->kind) {
  case IM_V_TEXT:
    imw_str(w, v->text);
    break;
  case IM_V_NA:
    imw_kw(w, JX_KW_NA);
    break;
  default:
    jx_sb_puts(w->o, v->text);
    break;
  }
}

/* " KEYWORD "text"" when the text is there. */
static void attr_out(writer *w, jx_kw k, const im_text *t) {
  if (!t->text)
    return;
  jx_sb_puts(w->o, " ");
  imw_kw(w, k);
  jx_sb_puts(w->o, " ");
  imw_str(w, t->text);
}

static void indicator(writer *w, const im_indicator *ind) {
  imw_notes(w, ind->notes);
  imw_indent(w);
  imw_begin_stmt(w, &ind->name.src);
  imw_record(w, IM_W_CAT, &ind->cat_src);
  imw_record(w, IM_W_NAME, &ind->name.src);
  imw_record(w, IM_W_VALUE, &ind->value.src);
  imw_record(w, IM_W_DESC, &ind->desc.src);
  imw_record(w, IM_W_BASIS, &ind->basis.src);
  imw_record(w, IM_W_MORE, &ind->sign_src);
  imw_record(w, IM_W_MORE, &ind->unit_src);
  if (ind->l2)
    category(w, ind);
  else
    imw_kw(w, JX_KW_INDICATOR);
  /* A row the form prints without a name (a value alone) is written
   * without one, and an empty row as its category alone (issue 11); the
   * `indicator` keyword needs a name, so there "" lets the checker say
   * what is missing. */
  bool named = ind->name.text && *ind->name.text;
  if (named || !ind->l2) {
    jx_sb_puts(w->o, " ");
    imw_str(w, ind->name.text ? ind->name.text : "");
  }
  if (!ind->empty)
    value_out(w, &ind->value);
  if (ind->desc.text) {
    jx_sb_puts(w->o, " ");
    imw_kw(w, JX_KW_DESC);
    jx_sb_puts(w->o, " ");
    imw_str(w, ind->desc.text);
  }
  if (ind->basis.text) {
    jx_sb_puts(w->o, " ");
    imw_kw(w, JX_KW_BASIS);
    jx_sb_puts(w->o, " ");
    imw_str(w, ind->basis.text);
  }
  static const jx_kw expl[IM_X_COUNT] = {[IM_X_STANDARD] = JX_KW_STANDARD,
                                         [IM_X_EXPLAIN] = JX_KW_EXPLANATION,
                                         [IM_X_NOTE] = JX_KW_NOTE,
                                         [IM_X_REMARK] = JX_KW_REMARK,
                                         [IM_X_SCORING] = JX_KW_SCORING};
  for (int k = 0; k < IM_X_COUNT; k++)
    attr_out(w, expl[k], &ind->expl[k]);
  if (ind->has_period) {
    jx_sb_puts(w->o, " ");
    imw_kw(w, JX_KW_PERIOD);
    value_out(w, &ind->period);
  }
  jx_sb_puts(w->o, ";");
  imw_end_stmt(w);
}

static void measures(writer *w, const im_measure *m) {
  for (; m; m = m->next) {
    imw_notes(w, m->notes);
    named_stmt(w, JX_KW_MEASURE, &m->title, &m->text);
  }
}

/* An amount as written, or 0 when it is none. */
static jx_decimal amount_of(const im_text *t) {
  jx_decimal d = {0};
  if (t->text && jx_decimal_parse(t->text, strlen(t->text), &d) != JX_DEC_OK)
    d.micros = 0;
  return d;
}

/* Do the sources add up to the 财政拨款 and 其他资金 beside them (those
 * given)? */
static bool sources_add_up(const im_project *pr) {
  jx_decimal fiscal = {0}, other = {0};
  for (const im_source *s = pr->sources; s; s = s->next) {
    const jx_source_kind *k = jx_source_find(s->word);
    jx_decimal *to = k && k->fiscal ? &fiscal : &other;
    if (jx_decimal_add(*to, amount_of(&s->amount), to) != JX_DEC_OK)
      return false;
  }
  return (!pr->fiscal.text ||
          jx_decimal_cmp(fiscal, amount_of(&pr->fiscal)) == 0) &&
         (!pr->other.text || jx_decimal_cmp(other, amount_of(&pr->other)) == 0);
}

/* Is the project's 主管部门 its supervisor, to be written?  Not when it is
 * the department's name and the department part is written. */
static bool own_supervisor(const writer *w, const im_project *pr) {
  const im_department *d = w->p->dept;
  return pr->supervisor.text &&
         !(d && d->name.text && w->dept_written &&
           strcmp(d->name.text, pr->supervisor.text) == 0);
}

/* The header fields other regions' forms print (issue 11), each a
 * statement.  主管部门 is the department's name in the seed's forms: it is
 * said again only when the department part does not say it. */
static void header_fields(writer *w, const im_project *pr) {
  if (pr->total.text) {
    imw_indent(w);
    imw_begin_stmt(w, &pr->total.src);
    imw_record(w, IM_W_VALUE, &pr->total.src);
    imw_kw(w, JX_KW_TOTAL);
    jx_sb_printf(w->o, " %s;", pr->total.text);
    imw_end_stmt(w);
  }
  if (own_supervisor(w, pr) &&
      !(w->unit_supervisor &&
        strcmp(w->unit_supervisor, pr->supervisor.text) == 0))
    text_stmt(w, JX_KW_SUPERVISOR, &pr->supervisor);
  if (pr->implementer.text) { /* implementer ["code"] "name"; */
    imw_indent(w);
    imw_begin_stmt(w, &pr->implementer.src);
    imw_record(w, IM_W_VALUE, &pr->implementer.src);
    imw_record(w, IM_W_CODE, &pr->implementer_code.src);
    imw_kw(w, JX_KW_IMPLEMENTER);
    if (pr->implementer_code.text) {
      jx_sb_puts(w->o, " ");
      imw_str(w, pr->implementer_code.text);
    }
    jx_sb_puts(w->o, " ");
    imw_str(w, pr->implementer.text);
    jx_sb_puts(w->o, ";");
    imw_end_stmt(w);
  }
  if (pr->period.text)
    text_stmt(w, JX_KW_PERIOD, &pr->period);
  const struct {
    jx_kw k;
    const im_text *t;
  } fields[] = {{JX_KW_CLASS, &pr->klass},
                {JX_KW_NATURE, &pr->nature},
                {JX_KW_POLICY, &pr->policy},
                {JX_KW_DOCUMENT, &pr->document},
                {JX_KW_SUBJECT, &pr->subject}};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    if (fields[i].t->text)
      text_stmt(w, fields[i].k, fields[i].t);
  person_stmt(w, JX_KW_MANAGER, &pr->manager);
  person_stmt(w, JX_KW_CONTACT, &pr->contact);
  for (const im_attr *a = pr->attrs; a; a = a->next)
    named_stmt(w, JX_KW_ATTRIBUTE, &a->key, &a->value);
}

/* The line items of a budget: `breakdown "name" 400 …;`. */
static void lines_stmt(writer *w, const im_line *lines) {
  if (!lines)
    return;
  imw_indent(w);
  imw_begin_stmt(w, &lines->amount.src);
  imw_kw(w, JX_KW_BREAKDOWN);
  for (const im_line *l = lines; l; l = l->next) {
    imw_record(w, IM_W_MORE, &l->amount.src);
    if (l->name) {
      jx_sb_puts(w->o, " ");
      imw_str(w, l->name);
    }
    jx_sb_printf(w->o, " %s", l->amount.text);
  }
  jx_sb_puts(w->o, ";");
  imw_end_stmt(w);
}

static void project(writer *w, const im_project *pr) {
  imw_notes(w, pr->notes);
  imw_open_block(w, &pr->name.src, pr->budget.text ? &pr->budget.src : NULL);
  if (!jx_im_src_valid(&pr->name.src) && jx_im_src_valid(&pr->code.src))
    w->cur->src = pr->code.src; /* a project without a name: its code's */
  imw_kw(w, JX_KW_PROJECT);
  jx_sb_puts(w->o, " ");
  imw_str(w, pr->name.text ? pr->name.text : "");
  w->cur = NULL;
  if (pr->budget.text) {
    /* in the header, as the tables print it; the parser makes it the
     * block's first statement */
    imw_begin_stmt(w, &pr->budget.src);
    imw_record(w, IM_W_VALUE, &pr->budget.src);
    jx_sb_puts(w->o, " ");
    imw_kw(w, JX_KW_BUDGET);
    jx_sb_printf(w->o, " %s", pr->budget.text);
  }
  jx_sb_puts(w->o, " {\n");
  w->cur = NULL;
  w->depth++;
  if (pr->code.text)
    text_stmt(w, JX_KW_CODE, &pr->code);
  header_fields(w, pr);
  /* 财政拨款 and 其他资金 beside the sources they add up (as `jxc build -f
   * xlsx` prints a list of sources) say nothing more: only the sources are
   * written.  Sums that differ are written too, for the checker to say
   * so (funds-sum). */
  bool sums = pr->sources && sources_add_up(pr);
  if (pr->fiscal.text || pr->other.text || pr->sources) {
    imw_indent(w);
    imw_begin_stmt(w, pr->fiscal.text  ? &pr->fiscal.src
                      : pr->other.text ? &pr->other.src
                                       : &pr->sources->amount.src);
    imw_kw(w, JX_KW_FUNDS);
    if (sums) {
      imw_record(w, IM_W_MORE, &pr->fiscal.src);
      imw_record(w, IM_W_MORE, &pr->other.src);
    }
    if (pr->fiscal.text && !sums) {
      imw_record(w, IM_W_VALUE, &pr->fiscal.src);
      jx_sb_puts(w->o, " ");
      imw_kw(w, JX_KW_FISCAL);
      jx_sb_printf(w->o, " %s", pr->fiscal.text);
    }
    if (pr->other.text && !sums) {
      imw_record(w, IM_W_DESC, &pr->other.src);
      jx_sb_puts(w->o, " ");
      imw_kw(w, JX_KW_OTHER);
      jx_sb_printf(w->o, " %s", pr->other.text);
    }
    for (const im_source *s = pr->sources; s; s = s->next) {
      imw_record(w, IM_W_MORE, &s->amount.src);
      jx_sb_printf(w->o, " %s %s", s->word, s->amount.text);
    }
    jx_sb_puts(w->o, ";");
    imw_end_stmt(w);
  }
  lines_stmt(w, pr->lines);
  if (pr->purpose.text)
    text_stmt(w, JX_KW_PURPOSE, &pr->purpose);
  if (pr->schedule) {
    imw_indent(w);
    imw_begin_stmt(w, &pr->schedule->month_src);
    imw_kw(w, JX_KW_SCHEDULE);
    for (const im_month *m = pr->schedule; m; m = m->next) {
      static const char *const months[] = {"jan", "feb", "mar", "apr",
                                           "may", "jun", "jul", "aug",
                                           "sep", "oct", "nov", "dec"};
      imw_record(w, IM_W_NAME, &m->month_src);
      imw_record(w, IM_W_VALUE, &m->percent.src);
      if (w->zh)
        jx_sb_printf(w->o, " %d月底 %s", m->month, m->percent.text);
      else
        jx_sb_printf(w->o, " %s %s", months[m->month - 1], m->percent.text);
    }
    jx_sb_puts(w->o, ";");
    imw_end_stmt(w);
  }
  for (const im_goal *g = pr->overall; g; g = g->next) {
    imw_notes(w, g->notes);
    text_stmt(w, JX_KW_OVERALL, &g->text);
  }
  goals(w, pr->goals);
  for (const im_indicator *i = pr->indicators; i; i = i->next)
    indicator(w, i);
  imw_notes(w, pr->tail);
  w->depth--;
  imw_indent(w);
  jx_sb_puts(w->o, "}\n");
}

static void unit(writer *w, const im_unit *u) {
  if (!u->code.text && !u->name.text) { /* projects outside any unit */
    imw_notes(w, u->notes);
    for (const im_project *p = u->projects; p; p = p->next)
      project(w, p);
    imw_notes(w, u->tail);
    return;
  }
  imw_notes(w, u->notes);
  /* A unit the input names without a code is known by its name. */
  imw_open_block(w, u->code.text ? &u->code.src : &u->name.src, NULL);
  imw_record(w, IM_W_CODE, &u->name.src);
  imw_kw(w, JX_KW_UNIT);
  jx_sb_puts(w->o, " ");
  const char *code = u->code.text;
  if (code && strspn(code, "0123456789") == strlen(code)) {
    jx_sb_printf(w->o, "%s ", code);
  } else if (code) {
    imw_str(w, code);
    jx_sb_puts(w->o, " ");
  }
  imw_str(w, u->name.text ? u->name.text : "");
  jx_sb_puts(w->o, " {\n");
  w->cur = NULL;
  w->depth++;
  /* A supervisor every project of the unit names (each form prints it)
   * is the unit's: written once, in the unit. */
  const im_project *first = u->projects;
  bool common = first && own_supervisor(w, first);
  for (const im_project *p = first; common && p; p = p->next)
    common = own_supervisor(w, p) &&
             strcmp(p->supervisor.text, first->supervisor.text) == 0;
  if (common) {
    text_stmt(w, JX_KW_SUPERVISOR, &first->supervisor);
    w->unit_supervisor = first->supervisor.text;
  }
  goals(w, u->goals);
  measures(w, u->measures);
  for (const im_project *p = u->projects; p; p = p->next)
    project(w, p);
  w->unit_supervisor = NULL;
  imw_notes(w, u->tail);
  w->depth--;
  imw_indent(w);
  jx_sb_puts(w->o, "}\n");
}

/* A department the input names on a form of its own is written even when
 * empty; one whose name was only made up, or is only the 主管部门 of
 * project forms (their supervisor: `jxc build -f xlsx` prints every
 * department on a sheet of its own), is not. */
static bool dept_empty(const im_department *d) {
  return (!d->name.text || d->guessed || d->from_project) && !d->goals &&
         !d->divisions && !d->measures && !d->indicators && !d->notes &&
         !d->tail && !d->code.text && !d->budget.text && !d->lines;
}

static void department(writer *w, const im_department *d) {
  imw_notes(w, d->notes);
  imw_open_block(w, &d->name.src, NULL);
  imw_kw(w, JX_KW_DEPARTMENT);
  jx_sb_puts(w->o, " ");
  imw_str(w, d->name.text ? d->name.text : "");
  jx_sb_puts(w->o, " {\n");
  w->cur = NULL;
  w->depth++;
  text_stmt(w, JX_KW_CODE, &d->code);
  if (d->budget.text) {
    imw_indent(w);
    imw_begin_stmt(w, &d->budget.src);
    imw_record(w, IM_W_VALUE, &d->budget.src);
    imw_kw(w, JX_KW_BUDGET);
    jx_sb_printf(w->o, " %s;", d->budget.text);
    imw_end_stmt(w);
  }
  lines_stmt(w, d->lines);
  goals(w, d->goals);
  for (const im_indicator *i = d->indicators; i; i = i->next)
    indicator(w, i);
  for (const im_division *dv = d->divisions; dv; dv = dv->next) {
    imw_notes(w, dv->notes);
    imw_open_block(w, &dv->name.src, NULL);
    imw_kw(w, JX_KW_DIVISION);
    jx_sb_puts(w->o, " ");
    imw_str(w, dv->name.text);
    jx_sb_puts(w->o, " {\n");
    w->cur = NULL;
    w->depth++;
    goals(w, dv->goals);
    for (const im_indicator *i = dv->indicators; i; i = i->next)
      indicator(w, i);
    imw_notes(w, dv->tail);
    w->depth--;
    imw_indent(w);
    jx_sb_puts(w->o, "}\n");
  }
  measures(w, d->measures);
  imw_notes(w, d->tail);
  w->depth--;
  imw_indent(w);
  jx_sb_puts(w->o, "}\n");
}

void jx_im_write(const im_plan *p, const im_book *b, bool zh, jx_strbuf *out,
                 im_written *wr) {
  memset(wr, 0, sizeof *wr);
  writer w = {p,    b,  zh,    zh ? JX_LANG_ZH : JX_LANG_EN,
              out,  wr, NULL,  0,
              NULL, 0,  false, NULL};
  w.dept_written = p->dept && !dept_empty(p->dept);
  /* NULL for a framework the input names but does not declare: the
   * categories are then written as printed (labels) */
  w.fw = jx_framework_builtin(p->framework ? p->framework : "local");
  const char *base = strrchr(b->path, '/');
  base = base ? base + 1 : b->path;
  /* the name through comment_text: a line break in it would end the
   * comment */
  jx_strbuf head = {0};
  jx_msg_printf(&head, w.lang, JX_M_IM_IMPORTED_FROM, base);
  jx_sb_puts(out, "# ");
  imw_comment_text(out, head.p, head.n);
  jx_sb_puts(out, "\n\n");
  jx_sb_free(&head);
  imw_add_comment(&w, NULL);
  imw_begin_stmt(&w, &p->year_src);
  imw_record(&w, IM_W_VALUE, &p->year_src);
  imw_record(&w, IM_W_DESC, &p->currency_src);
  imw_record(&w, IM_W_NAME, &p->framework_src);
  imw_record(&w, IM_W_MORE, &p->form_src);
  imw_kw(&w, JX_KW_PLAN);
  if (p->year)
    jx_sb_printf(out, " %d", p->year);
  jx_sb_puts(out, " ");
  imw_kw(&w, JX_KW_FRAMEWORK);
  jx_sb_printf(out, " %s ", w.fw ? w.fw->name : p->framework);
  if (p->form) {
    imw_kw(&w, JX_KW_FORM);
    jx_sb_printf(out, " %s ", p->form);
  }
  imw_kw(&w, JX_KW_CURRENCY);
  jx_sb_printf(out, " %s;", p->currency ? p->currency : "万元");
  imw_end_stmt(&w);
  imw_notes(&w, p->notes);
  if (p->dept && !dept_empty(p->dept)) {
    jx_sb_puts(out, "\n");
    department(&w, p->dept);
  }
  for (const im_unit *u = p->units; u; u = u->next) {
    jx_sb_puts(out, "\n");
    unit(&w, u);
  }
  imw_notes(&w, p->tail);
}

void jx_im_written_free(im_written *w) {
  free(w->stmts);
  free(w->comments);
}
