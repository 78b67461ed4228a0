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
 * come in the same order, to put diagnostics at both places.
 */
#include "import_impl.h"

#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "framework.h"
#include "vocab.h"

typedef struct writer {
  const im_plan *p;
  const im_book *b;
  bool zh;
  jx_lang lang; /* of the keywords: the comments' words follow them */
  jx_strbuf *o;
  im_written *w;
  const jx_framework *fw;
  int depth;
  struct im_stmt *cur;         /* the statement being written */
  size_t line_start;           /* where its line starts in o */
  bool dept_written;           /* the department part is in the file */
  const char *unit_supervisor; /* written in the unit: its projects' own */
} writer;

static void indent(writer *w) {
  for (int i = 0; i < w->depth; i++)
    jx_sb_puts(w->o, "  ");
}

static void kw(writer *w, jx_kw k) {
  jx_sb_puts(w->o, jx_keyword(k, w->zh));
}

/* A string literal; characters the lexer refuses in a string (controls
 * other than tab and line feed) were dropped when the cell was read. */
static void str(writer *w, const char *s) {
  jx_sb_puts(w->o, "\"");
  for (const char *p = s ? s : ""; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      jx_sb_add(w->o, e, 2);
    } else if (c == '\n') {
      jx_sb_puts(w->o, "\\n");
    } else if (c == '\t') {
      jx_sb_puts(w->o, "\\t");
    } else if (c >= 0x20 && c != 0x7F) {
      jx_sb_add(w->o, p, 1);
    }
  }
  jx_sb_puts(w->o, "\"");
}

/* Text inside a comment: one line, so a line break or another control
 * character (a sheet name or a header may hold one) becomes a space. */
static void comment_text(jx_strbuf *o, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) { /* a file name may be any bytes: U+FFFD for a bad one */
      utf8proc_int32_t cp;
      utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                            (utf8proc_ssize_t)(n - i), &cp);
      if (k <= 0) {
        jx_sb_puts(o, "\xEF\xBF\xBD");
        i++;
      } else {
        jx_sb_add(o, s + i, (size_t)k);
        i += (size_t)k;
      }
      continue;
    }
    if ((c < 0x20 && c != '\t') || c == 0x7F)
      jx_sb_puts(o, " ");
    else
      jx_sb_add(o, s + i, 1);
    i++;
  }
}

/* ---- places
 * ------------------------------------------------------------------------ */

static bool has_src(const im_src *s) {
  return jx_im_src_valid(s);
}

/* Every part is recorded, with or without a place, so that the driver can
 * pair the i-th part of a kind with the formatted node's i-th. */
static void record(writer *w, int what, const im_src *src) {
  struct im_stmt *st = w->cur;
  if (!st || st->nf >= (int)(sizeof st->f / sizeof *st->f))
    return;
  st->f[st->nf].what = what;
  st->f[st->nf].src = *src;
  st->nf++;
}

static void begin_stmt(writer *w, const im_src *main_src) {
  im_written *wr = w->w;
  if (wr->n_stmts == wr->cap_stmts) {
    wr->cap_stmts = wr->cap_stmts ? 2 * wr->cap_stmts : 64;
    wr->stmts = jx_xrealloc(wr->stmts, wr->cap_stmts * sizeof *wr->stmts);
  }
  w->cur = &wr->stmts[wr->n_stmts++];
  memset(w->cur, 0, sizeof *w->cur);
  w->cur->src = main_src ? *main_src : jx_im_src_none();
  size_t k = w->o->n;
  while (k > 0 && w->o->p[k - 1] != '\n')
    k--;
  w->line_start = k;
}

static void add_comment(writer *w, const im_note *n) {
  im_written *wr = w->w;
  if (wr->n_comments == wr->cap_comments) {
    wr->cap_comments = wr->cap_comments ? 2 * wr->cap_comments : 64;
    wr->comments =
        jx_xrealloc(wr->comments, wr->cap_comments * sizeof *wr->comments);
  }
  wr->comments[wr->n_comments++] = n;
}

/* The places of a statement's parts: 表1!A9:F9 when they share a row,
 * else each distinct place.  False if no part has a place. */
static bool places(writer *w, const struct im_stmt *st, jx_strbuf *o) {
  const im_src *first = NULL;
  for (int i = 0; i < st->nf && !first; i++)
    if (has_src(&st->f[i].src))
      first = &st->f[i].src;
  if (!first)
    return false;
  if (w->b->kind == IM_SRC_TEXT) { /* line 12, lines 12–15 */
    uint32_t a = first->loc.line, z = a;
    for (int i = 0; i < st->nf; i++) {
      const im_src *s = &st->f[i].src;
      if (!has_src(s))
        continue;
      a = s->loc.line < a ? s->loc.line : a;
      z = s->loc.line > z ? s->loc.line : z;
    }
    if (a == z)
      jx_im_place(w->b, first, w->lang, o);
    else
      jx_msg_printf(o, w->lang, JX_M_IM_LINES, (unsigned long)a,
                    (unsigned long)z);
    return true;
  }
  /* Sheets: the sheet once, then each row's cells as runs (B7:E7, B8:E8)
   * in the order of the rows. */
  im_src cells[32];
  int n = 0;
  for (int i = 0; i < st->nf && n < 32; i++) {
    const im_src *s = &st->f[i].src;
    bool seen = !has_src(s);
    for (int j = 0; j < n && !seen; j++)
      seen = cells[j].sheet == s->sheet && cells[j].row == s->row &&
             cells[j].col == s->col;
    if (!seen)
      cells[n++] = *s;
  }
  for (int i = 1; i < n; i++) /* insertion sort: sheet, row, column */
    for (int j = i; j > 0; j--) {
      im_src *a = &cells[j - 1], *b = &cells[j];
      bool after = a->sheet != b->sheet ? a->sheet > b->sheet
                   : a->row != b->row   ? a->row > b->row
                                        : a->col > b->col;
      if (!after)
        break;
      im_src t = *a;
      *a = *b;
      *b = t;
    }
  for (int i = 0; i < n;) {
    int j = i;
    while (j + 1 < n && cells[j + 1].sheet == cells[i].sheet &&
           cells[j + 1].row == cells[i].row &&
           cells[j + 1].col == cells[j].col + 1)
      j++;
    if (i > 0)
      jx_sb_puts(o, ", ");
    if (i == 0 || cells[i].sheet != cells[i - 1].sheet) {
      jx_im_place(w->b, &cells[i], w->lang, o);
    } else {
      char cell[24];
      jx_im_cell_name(cells[i].row, cells[i].col, cell);
      jx_sb_puts(o, cell);
    }
    if (j > i) {
      char cell[24];
      jx_im_cell_name(cells[j].row, cells[j].col, cell);
      jx_sb_printf(o, ":%s", cell);
    }
    i = j + 1;
  }
  return true;
}

/* "# 表1!A9:F9" on a line of its own above the statement being written
 * (a comment at the end of a statement that fmt wraps would not stay
 * there when the file is formatted again). */
static void place_comment(writer *w) {
  if (!w->cur)
    return;
  jx_strbuf pl = {0};
  if (places(w, w->cur, &pl)) {
    jx_strbuf line = {0};
    for (int i = 0; i < w->depth; i++)
      jx_sb_puts(&line, "  ");
    jx_sb_puts(&line, "# ");
    comment_text(&line, pl.p, pl.n);
    jx_sb_puts(&line, "\n");
    jx_strbuf *o = w->o;
    size_t at = w->line_start, tail = o->n - at;
    jx_sb_add(o, line.p, line.n); /* room; then move the statement down */
    memmove(o->p + at + line.n, o->p + at, tail);
    memcpy(o->p + at, line.p, line.n);
    add_comment(w, NULL);
    jx_sb_free(&line);
  }
  jx_sb_free(&pl);
}

static void end_stmt(writer *w) {
  place_comment(w);
  jx_sb_puts(w->o, "\n");
  w->cur = NULL;
}

/* Notes kept before a statement, one comment each (more lines for a
 * text of several lines). */
static void notes(writer *w, const im_note *n) {
  for (; n; n = n->next) {
    jx_strbuf line = {0};
    if (!n->silent_src && has_src(&n->src)) {
      jx_im_place(w->b, &n->src, w->lang, &line);
      jx_sb_puts(&line, " ");
    }
    if (n->label && *n->label) {
      jx_sb_puts(&line, n->label);
      jx_sb_puts(&line, w->zh ? "：" : ": ");
    }
    const char *t = n->text;
    bool first = true;
    do {
      const char *nl = strchr(t, '\n');
      size_t k = nl ? (size_t)(nl - t) : strlen(t);
      indent(w);
      jx_sb_puts(w->o, first ? "# " : "#   ");
      add_comment(w, first ? n : NULL);
      if (first)
        comment_text(w->o, line.p ? line.p : "", line.n);
      for (size_t i = 0; i < k; i++) /* no controls in a comment either */
        if ((unsigned char)t[i] >= 0x20 || t[i] == '\t')
          jx_sb_add(w->o, t + i, 1);
      jx_sb_puts(w->o, "\n");
      first = false;
      t = nl ? nl + 1 : t + k;
    } while (*t);
    jx_sb_free(&line);
  }
}

/* ---- statements
 * ------------------------------------------------------------------ */

/* The parts of a statement (import.c pairs them with a node's); IM_W_MORE
 * is a cell that went into a part, such as the 计算符号 of a value. */
enum {
  IM_W_NAME = 1,
  IM_W_VALUE,
  IM_W_DESC,
  IM_W_BASIS,
  IM_W_CAT,
  IM_W_CODE,
  IM_W_MORE
};

static void text_stmt(writer *w, jx_kw k, const im_text *t) {
  if (!t->text)
    return;
  indent(w);
  begin_stmt(w, &t->src);
  record(w, IM_W_VALUE, &t->src);
  kw(w, k);
  jx_sb_puts(w->o, " ");
  str(w, t->text);
  jx_sb_puts(w->o, ";");
  end_stmt(w);
}

/* `KEYWORD "name" "text";` (a measure, an attribute): the name's place
 * and the text's are both recorded; a missing text is left out. */
static void named_stmt(writer *w, jx_kw k, const im_text *name,
                       const im_text *t) {
  indent(w);
  begin_stmt(w, &name->src);
  record(w, IM_W_NAME, &name->src);
  record(w, IM_W_VALUE, &t->src);
  kw(w, k);
  jx_sb_puts(w->o, " ");
  str(w, name->text);
  if (t->text) {
    jx_sb_puts(w->o, " ");
    str(w, t->text);
  }
  jx_sb_puts(w->o, ";");
  end_stmt(w);
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
  indent(w);
  begin_stmt(w, &t->src);
  record(w, IM_W_VALUE, &t->src);
  kw(w, k);
  jx_sb_puts(w->o, " ");
  char *name = jx_xcalloc(at + 1, 1);
  memcpy(name, t->text, at);
  str(w, name);
  free(name);
  jx_sb_puts(w->o, " ");
  str(w, t->text + at + 1);
  jx_sb_puts(w->o, ";");
  end_stmt(w);
}

static void goals(writer *w, const im_goal *g) {
  for (; g; g = g->next) {
    notes(w, g->notes);
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
    str(w, v->text);
    break;
  case IM_V_NA:
    kw(w, JX_KW_NA);
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
  kw(w, k);
  jx_sb_puts(w->o, " ");
  str(w, t->text);
}

static void indicator(writer *w, const im_indicator *ind) {
  notes(w, ind->notes);
  indent(w);
  begin_stmt(w, &ind->name.src);
  record(w, IM_W_CAT, &ind->cat_src);
  record(w, IM_W_NAME, &ind->name.src);
  record(w, IM_W_VALUE, &ind->value.src);
  record(w, IM_W_DESC, &ind->desc.src);
  record(w, IM_W_BASIS, &ind->basis.src);
  record(w, IM_W_MORE, &ind->sign_src);
  record(w, IM_W_MORE, &ind->unit_src);
  if (ind->l2)
    category(w, ind);
  else
    kw(w, JX_KW_INDICATOR);
  /* A row the form prints without a name (a value alone) is written
   * without one, and an empty row as its category alone (issue 11); the
   * `indicator` keyword needs a name, so there "" lets the checker say
   * what is missing. */
  bool named = ind->name.text && *ind->name.text;
  if (named || !ind->l2) {
    jx_sb_puts(w->o, " ");
    str(w, ind->name.text ? ind->name.text : "");
  }
  if (!ind->empty)
    value_out(w, &ind->value);
  if (ind->desc.text) {
    jx_sb_puts(w->o, " ");
    kw(w, JX_KW_DESC);
    jx_sb_puts(w->o, " ");
    str(w, ind->desc.text);
  }
  if (ind->basis.text) {
    jx_sb_puts(w->o, " ");
    kw(w, JX_KW_BASIS);
    jx_sb_puts(w->o, " ");
    str(w, ind->basis.text);
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
    kw(w, JX_KW_PERIOD);
    value_out(w, &ind->period);
  }
  jx_sb_puts(w->o, ";");
  end_stmt(w);
}

static void measures(writer *w, const im_measure *m) {
  for (; m; m = m->next) {
    notes(w, m->notes);
    named_stmt(w, JX_KW_MEASURE, &m->title, &m->text);
  }
}

/* A block's opening line; its place goes in a comment above it (fmt keeps
 * no comment at the end of a block's first line). */
static void open_block(writer *w, const im_src *src, const im_src *also) {
  begin_stmt(w, src);
  record(w, IM_W_NAME, src);
  if (also) /* a project's budget, in the same comment */
    record(w, IM_W_VALUE, also);
  jx_strbuf pl = {0};
  if (places(w, w->cur, &pl)) {
    indent(w);
    jx_sb_puts(w->o, "# ");
    comment_text(w->o, pl.p, pl.n);
    jx_sb_puts(w->o, "\n");
    add_comment(w, NULL);
  }
  jx_sb_free(&pl);
  indent(w);
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
    indent(w);
    begin_stmt(w, &pr->total.src);
    record(w, IM_W_VALUE, &pr->total.src);
    kw(w, JX_KW_TOTAL);
    jx_sb_printf(w->o, " %s;", pr->total.text);
    end_stmt(w);
  }
  if (own_supervisor(w, pr) &&
      !(w->unit_supervisor &&
        strcmp(w->unit_supervisor, pr->supervisor.text) == 0))
    text_stmt(w, JX_KW_SUPERVISOR, &pr->supervisor);
  if (pr->implementer.text) { /* implementer ["code"] "name"; */
    indent(w);
    begin_stmt(w, &pr->implementer.src);
    record(w, IM_W_VALUE, &pr->implementer.src);
    record(w, IM_W_CODE, &pr->implementer_code.src);
    kw(w, JX_KW_IMPLEMENTER);
    if (pr->implementer_code.text) {
      jx_sb_puts(w->o, " ");
      str(w, pr->implementer_code.text);
    }
    jx_sb_puts(w->o, " ");
    str(w, pr->implementer.text);
    jx_sb_puts(w->o, ";");
    end_stmt(w);
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
  indent(w);
  begin_stmt(w, &lines->amount.src);
  kw(w, JX_KW_BREAKDOWN);
  for (const im_line *l = lines; l; l = l->next) {
    record(w, IM_W_MORE, &l->amount.src);
    if (l->name) {
      jx_sb_puts(w->o, " ");
      str(w, l->name);
    }
    jx_sb_printf(w->o, " %s", l->amount.text);
  }
  jx_sb_puts(w->o, ";");
  end_stmt(w);
}

static void project(writer *w, const im_project *pr) {
  notes(w, pr->notes);
  open_block(w, &pr->name.src, pr->budget.text ? &pr->budget.src : NULL);
  if (!has_src(&pr->name.src) && has_src(&pr->code.src))
    w->cur->src = pr->code.src; /* a project without a name: its code's */
  kw(w, JX_KW_PROJECT);
  jx_sb_puts(w->o, " ");
  str(w, pr->name.text ? pr->name.text : "");
  w->cur = NULL;
  if (pr->budget.text) {
    /* in the header, as the tables print it; the parser makes it the
     * block's first statement */
    begin_stmt(w, &pr->budget.src);
    record(w, IM_W_VALUE, &pr->budget.src);
    jx_sb_puts(w->o, " ");
    kw(w, JX_KW_BUDGET);
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
    indent(w);
    begin_stmt(w, pr->fiscal.text  ? &pr->fiscal.src
                  : pr->other.text ? &pr->other.src
                                   : &pr->sources->amount.src);
    kw(w, JX_KW_FUNDS);
    if (sums) {
      record(w, IM_W_MORE, &pr->fiscal.src);
      record(w, IM_W_MORE, &pr->other.src);
    }
    if (pr->fiscal.text && !sums) {
      record(w, IM_W_VALUE, &pr->fiscal.src);
      jx_sb_puts(w->o, " ");
      kw(w, JX_KW_FISCAL);
      jx_sb_printf(w->o, " %s", pr->fiscal.text);
    }
    if (pr->other.text && !sums) {
      record(w, IM_W_DESC, &pr->other.src);
      jx_sb_puts(w->o, " ");
      kw(w, JX_KW_OTHER);
      jx_sb_printf(w->o, " %s", pr->other.text);
    }
    for (const im_source *s = pr->sources; s; s = s->next) {
      record(w, IM_W_MORE, &s->amount.src);
      jx_sb_printf(w->o, " %s %s", s->word, s->amount.text);
    }
    jx_sb_puts(w->o, ";");
    end_stmt(w);
  }
  lines_stmt(w, pr->lines);
  if (pr->purpose.text)
    text_stmt(w, JX_KW_PURPOSE, &pr->purpose);
  if (pr->schedule) {
    indent(w);
    begin_stmt(w, &pr->schedule->month_src);
    kw(w, JX_KW_SCHEDULE);
    for (const im_month *m = pr->schedule; m; m = m->next) {
      static const char *const months[] = {"jan", "feb", "mar", "apr",
                                           "may", "jun", "jul", "aug",
                                           "sep", "oct", "nov", "dec"};
      record(w, IM_W_NAME, &m->month_src);
      record(w, IM_W_VALUE, &m->percent.src);
      if (w->zh)
        jx_sb_printf(w->o, " %d月底 %s", m->month, m->percent.text);
      else
        jx_sb_printf(w->o, " %s %s", months[m->month - 1], m->percent.text);
    }
    jx_sb_puts(w->o, ";");
    end_stmt(w);
  }
  for (const im_goal *g = pr->overall; g; g = g->next) {
    notes(w, g->notes);
    text_stmt(w, JX_KW_OVERALL, &g->text);
  }
  goals(w, pr->goals);
  for (const im_indicator *i = pr->indicators; i; i = i->next)
    indicator(w, i);
  notes(w, pr->tail);
  w->depth--;
  indent(w);
  jx_sb_puts(w->o, "}\n");
}

static void unit(writer *w, const im_unit *u) {
  if (!u->code.text && !u->name.text) { /* projects outside any unit */
    notes(w, u->notes);
    for (const im_project *p = u->projects; p; p = p->next)
      project(w, p);
    notes(w, u->tail);
    return;
  }
  notes(w, u->notes);
  /* A unit the input names without a code is known by its name. */
  open_block(w, u->code.text ? &u->code.src : &u->name.src, NULL);
  record(w, IM_W_CODE, &u->name.src);
  kw(w, JX_KW_UNIT);
  jx_sb_puts(w->o, " ");
  const char *code = u->code.text;
  if (code && strspn(code, "0123456789") == strlen(code)) {
    jx_sb_printf(w->o, "%s ", code);
  } else if (code) {
    str(w, code);
    jx_sb_puts(w->o, " ");
  }
  str(w, u->name.text ? u->name.text : "");
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
  notes(w, u->tail);
  w->depth--;
  indent(w);
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
  notes(w, d->notes);
  open_block(w, &d->name.src, NULL);
  kw(w, JX_KW_DEPARTMENT);
  jx_sb_puts(w->o, " ");
  str(w, d->name.text ? d->name.text : "");
  jx_sb_puts(w->o, " {\n");
  w->cur = NULL;
  w->depth++;
  text_stmt(w, JX_KW_CODE, &d->code);
  if (d->budget.text) {
    indent(w);
    begin_stmt(w, &d->budget.src);
    record(w, IM_W_VALUE, &d->budget.src);
    kw(w, JX_KW_BUDGET);
    jx_sb_printf(w->o, " %s;", d->budget.text);
    end_stmt(w);
  }
  lines_stmt(w, d->lines);
  goals(w, d->goals);
  for (const im_indicator *i = d->indicators; i; i = i->next)
    indicator(w, i);
  for (const im_division *dv = d->divisions; dv; dv = dv->next) {
    notes(w, dv->notes);
    open_block(w, &dv->name.src, NULL);
    kw(w, JX_KW_DIVISION);
    jx_sb_puts(w->o, " ");
    str(w, dv->name.text);
    jx_sb_puts(w->o, " {\n");
    w->cur = NULL;
    w->depth++;
    goals(w, dv->goals);
    for (const im_indicator *i = dv->indicators; i; i = i->next)
      indicator(w, i);
    notes(w, dv->tail);
    w->depth--;
    indent(w);
    jx_sb_puts(w->o, "}\n");
  }
  measures(w, d->measures);
  notes(w, d->tail);
  w->depth--;
  indent(w);
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
  comment_text(out, head.p, head.n);
  jx_sb_puts(out, "\n\n");
  jx_sb_free(&head);
  add_comment(&w, NULL);
  begin_stmt(&w, &p->year_src);
  record(&w, IM_W_VALUE, &p->year_src);
  record(&w, IM_W_DESC, &p->currency_src);
  record(&w, IM_W_NAME, &p->framework_src);
  record(&w, IM_W_MORE, &p->form_src);
  kw(&w, JX_KW_PLAN);
  if (p->year)
    jx_sb_printf(out, " %d", p->year);
  jx_sb_puts(out, " ");
  kw(&w, JX_KW_FRAMEWORK);
  jx_sb_printf(out, " %s ", w.fw ? w.fw->name : p->framework);
  if (p->form) {
    kw(&w, JX_KW_FORM);
    jx_sb_printf(out, " %s ", p->form);
  }
  kw(&w, JX_KW_CURRENCY);
  jx_sb_printf(out, " %s;", p->currency ? p->currency : "万元");
  end_stmt(&w);
  notes(&w, p->notes);
  if (p->dept && !dept_empty(p->dept)) {
    jx_sb_puts(out, "\n");
    department(&w, p->dept);
  }
  for (const im_unit *u = p->units; u; u = u->next) {
    jx_sb_puts(out, "\n");
    unit(&w, u);
  }
  notes(&w, p->tail);
}

void jx_im_written_free(im_written *w) {
  free(w->stmts);
  free(w->comments);
}
