/*
 * fmt.c — `jxc fmt`: prints a file back in the one canonical layout.
 *
 * The formatter works on the syntax tree as written, one declaration at a
 * time as the parser hands it over (fmt_stream.c), so it needs no
 * checking and changes no meaning: numbers, units, dates and date ranges stay
 * as the author spelled them, a comparison written after a value too (90%以上,
 * 2023年6月底前); keywords, operators, months (from
 * compiler/domain/vocab.def), categories (from the framework in force,
 * fmt_cat.c), indentation, spacing and string wrapping become canonical,
 * in English or Chinese.  What the lexer reads as a layout of the same
 * text becomes canonical too: full-width digits and letters are written
 * in ASCII (their NFKC form, ９０％ → 90%), a string in Chinese quotes
 * “…” in ASCII ones, and the colon after a keyword (预算：) and the column
 * heading 指标值 before a value are left out.  Its output formats to
 * itself, byte for byte.
 *
 * Comments stay with the statement they were written beside: one after a
 * statement's ';' (or a block's '{' or '}') on the same line stays at the
 * end of that line, however the statement is wrapped; one before a
 * statement, or between the parts of a statement written over several
 * lines, goes on a line of its own just before the statement.  A blank
 * line in the source before a statement or comment is kept as one blank
 * line.  The source's layout is read with one forward pass (struct scan),
 * so formatting is linear in the size of the file, however long its lines.
 * The comment after a statement on its line is only known once the parser
 * has read on, so each line is finished when what follows it comes
 * (jx_fmt_settle).
 *
 * Long strings are wrapped at JX_FMT_WIDTH display columns, only between
 * two characters at least one of which is CJK, and continue aligned after
 * the opening quote.  The lexer removes a line break inside a string and
 * every space, tab and full-width space after it, so a break is never put
 * next to a space of any kind (one after it would be lost; one before it
 * would be trailing whitespace, which editors strip), nor next to an
 * escape, nor inside a grapheme: the wrapped text is the same string.
 * English text is never broken inside a word or at a space, so an ASCII
 * sentence stays on one line.
 *
 * The tree keeps only the first of a repeated desc, basis, fiscal or other
 * part; a file with one is not formatted (the checker's error is reported)
 * rather than silently losing the repeat.
 */
#include "fmt.h"

#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "eval.h" /* the words of actuals and profiles, in either language */
#include "fmt_cat.h"
#include "fmt_print.h"
#include "forms.h"
#include "lower.h"
#include "parse.h"
#include "vocab.h"

/* A word of an actuals statement in the keywords' language, when jxc
 * knows it (met, 部分达成, staff, 有可能 …); else as written. */
static const char *spelt(jx_ev_word kind, const char *word, bool zh) {
  const char *s = jx_ev_word_spelling(kind, word, zh);
  return s ? s : word;
}

/* An actual (compiler/eval): what it reports, then its attributes. */
static void actual(jx_printer *p, const jx_node *n) {
  switch (n->u.actual.what) {
  case JX_ACT_INDICATOR:
    jx_pr_string(p, n->u.actual.name.text);
    break;
  case JX_ACT_SPENT:
    jx_pr_kw(p, JX_KW_SPENT);
    break;
  case JX_ACT_BUDGET_FULL:
    jx_pr_kw(p, JX_KW_BUDGET_FULL);
    break;
  }
  if (n->u.actual.targeted) {
    jx_pr_puts(p, " ");
    jx_pr_kw(p, JX_KW_TARGETED);
  } else if (n->u.actual.value.kind != JX_VAL_NONE) {
    jx_pr_puts(p, " ");
    jx_pr_value(p, &n->u.actual.value);
  }
  if (n->u.actual.rating.text) {
    jx_pr_puts(p, " ");
    jx_pr_puts(p, spelt(JX_EVW_RATING, n->u.actual.rating.text, p->zh));
  }
  if (n->u.actual.weight.kind != JX_VAL_NONE)
    jx_pr_kw_value(p, JX_KW_WEIGHT, &n->u.actual.weight);
  if (n->u.actual.score.kind != JX_VAL_NONE)
    jx_pr_kw_value(p, JX_KW_SCORE, &n->u.actual.score);
  const char *why = n->u.actual.reason.text;
  if (why) {
    jx_pr_kw_word(p, JX_KW_REASON, spelt(JX_EVW_REASON, why, p->zh));
    if (n->u.actual.reason_text.text) {
      jx_pr_soft_space(p,
                       jx_pr_literal_width(n->u.actual.reason_text.text) + 1);
      jx_pr_string(p, n->u.actual.reason_text.text);
    }
  } else if (n->u.actual.reason_text.text) {
    jx_pr_kw_string_attr(p, JX_KW_REASON, n->u.actual.reason_text.text);
  }
  if (n->u.actual.measure.text)
    jx_pr_kw_string_attr(p, JX_KW_MEASURE, n->u.actual.measure.text);
  if (n->u.actual.likelihood.text)
    jx_pr_kw_word(p, JX_KW_LIKELIHOOD,
                  spelt(JX_EVW_LIKELIHOOD, n->u.actual.likelihood.text, p->zh));
  jx_pr_puts(p, ";");
}

/* The keywords of the header fields (ast.h jx_attr_key) and of the
 * explanation columns (jx_expl), in their order. */
static const jx_kw attr_kw[JX_ATTR_COUNT] = {
    JX_KW_CLASS,   JX_KW_NATURE,  JX_KW_POLICY,  JX_KW_DOCUMENT,
    JX_KW_SUBJECT, JX_KW_MANAGER, JX_KW_CONTACT, JX_KW_ATTRIBUTE};
static const jx_kw expl_kw[JX_EXPL_COUNT] = {
    JX_KW_STANDARD, JX_KW_EXPLANATION, JX_KW_NOTE, JX_KW_REMARK, JX_KW_SCORING};
static const jx_msg expl_field[JX_EXPL_COUNT] = {
    JX_M_FIELD_STANDARD, JX_M_FIELD_EXPLANATION, JX_M_FIELD_NOTE,
    JX_M_FIELD_REMARK, JX_M_FIELD_SCORING};

/* A source of funds as the language of the output spells it (上级资金 or
 * superior), or as written when the table does not know it. */
static void source_word(jx_printer *p, const jx_funds_part *x) {
  if (x->token) {
    jx_pr_kw(p, x->token == 1 ? JX_KW_FISCAL : JX_KW_OTHER);
    return;
  }
  /* A word for fiscal or other money (财政拨款, 其它) stays a word: the
   * canonical spelling would be the keyword, another statement part. */
  const jx_source_kind *k = jx_source_find(x->word.text);
  if (!k || k == jx_source_fiscal() || k == jx_source_other())
    jx_pr_puts(p, x->word.text);
  else
    jx_pr_puts(p, p->zh ? k->label : k->code);
}

/* A statement, or a block's head up to its opening brace. */
static void statement(jx_printer *p, const jx_node *n) {
  switch (n->kind) {
  case JX_N_HEADER:
    jx_pr_kw(p, JX_KW_PLAN);
    if (n->u.header.year.kind == JX_VAL_NUMBER) {
      jx_pr_puts(p, " ");
      jx_pr_puts(p, n->u.header.year.text);
    }
    if (n->u.header.framework.text) {
      jx_pr_kw_word(p, JX_KW_FRAMEWORK, n->u.header.framework.text);
    }
    if (n->u.header.form.text) {
      jx_pr_kw_word(p, JX_KW_FORM, n->u.header.form.text);
    }
    if (n->u.header.currency.text) {
      jx_pr_kw_word(p, JX_KW_CURRENCY, n->u.header.currency.text);
    }
    jx_pr_puts(p, ";");
    break;
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
    if (n->kind == JX_N_FRAMEWORK) {
      jx_pr_kw(p, JX_KW_FRAMEWORK);
      jx_pr_puts(p, " ");
    }
    jx_pr_puts(p, n->u.block.code.text);
    if (n->u.block.name.text) {
      jx_pr_puts(p, " ");
      jx_pr_string(p, n->u.block.name.text);
    }
    if (n->kind == JX_N_LEVEL1 && n->u.block.role.text) {
      jx_pr_kw_word(p, JX_KW_ROLE, n->u.block.role.text);
    }
    jx_pr_block_open(p);
    break;
  case JX_N_LEVEL2:
    jx_pr_puts(p, n->u.level2.code.text);
    jx_pr_puts(p, " ");
    jx_pr_string(p, n->u.level2.label.text);
    if (n->u.level2.role.text) {
      jx_pr_kw_word(p, JX_KW_ROLE, n->u.level2.role.text);
    }
    jx_pr_puts(p, ";");
    break;
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
    jx_pr_kw(p, n->kind == JX_N_DEPARTMENT ? JX_KW_DEPARTMENT : JX_KW_DIVISION);
    jx_pr_puts(p, " ");
    jx_pr_string(p, n->u.block.name.text);
    jx_pr_block_open(p);
    break;
  case JX_N_UNIT: {
    jx_pr_kw(p, JX_KW_UNIT);
    jx_pr_puts(p, " ");
    if (n->u.block.code.text) { /* a unit may be known by its name alone */
      jx_pr_code_text(p, n->u.block.code.text);
      jx_pr_puts(p, " ");
    }
    jx_pr_string(p, n->u.block.name.text);
    jx_pr_block_open(p);
    break;
  }
  case JX_N_PROJECT: {
    jx_pr_kw(p, JX_KW_PROJECT);
    jx_pr_puts(p, " ");
    jx_pr_string(p, n->u.block.name.text);
    const jx_node *first = n->u.block.items;
    if (first && first->kind == JX_N_BUDGET && first->u.budget.in_header)
      jx_pr_kw_value(p, JX_KW_BUDGET, &first->u.budget.amount);
    jx_pr_block_open(p);
    break;
  }
  case JX_N_GOAL:
  case JX_N_PURPOSE:
  case JX_N_CODE:
  case JX_N_OVERALL:
    jx_pr_kw(p, n->kind == JX_N_GOAL      ? JX_KW_GOAL
                : n->kind == JX_N_PURPOSE ? JX_KW_PURPOSE
                : n->kind == JX_N_OVERALL ? JX_KW_OVERALL
                                          : JX_KW_CODE);
    jx_pr_puts(p, " ");
    jx_pr_string(p, n->u.text.text.text);
    jx_pr_puts(p, ";");
    break;
  case JX_N_MEASURE:
    jx_pr_kw(p, JX_KW_MEASURE);
    jx_pr_puts(p, " ");
    jx_pr_string(p, n->u.measure.title.text);
    if (n->u.measure.text.text) {
      jx_pr_soft_space(p, jx_pr_literal_width(n->u.measure.text.text) + 1);
      jx_pr_string(p, n->u.measure.text.text);
    }
    jx_pr_puts(p, ";");
    break;
  case JX_N_BUDGET:
  case JX_N_TOTAL:
    jx_pr_kw(p, n->kind == JX_N_BUDGET ? JX_KW_BUDGET : JX_KW_TOTAL);
    jx_pr_puts(p, " ");
    jx_pr_value(p, &n->u.budget.amount);
    jx_pr_puts(p, ";");
    break;
  case JX_N_FUNDS:
    jx_pr_kw(p, JX_KW_FUNDS);
    for (const jx_funds_part *x = n->u.funds.parts; x; x = x->next) {
      jx_pr_puts(p, " ");
      source_word(p, x);
      jx_pr_puts(p, " ");
      jx_pr_value(p, &x->amount);
    }
    jx_pr_puts(p, ";");
    break;
  case JX_N_ORG:
    jx_pr_kw(p, n->u.org.role == JX_ORG_SUPERVISOR ? JX_KW_SUPERVISOR
                                                   : JX_KW_IMPLEMENTER);
    jx_pr_puts(p, " ");
    if (n->u.org.code.text) {
      jx_pr_code_text(p, n->u.org.code.text);
      jx_pr_puts(p, " ");
    }
    jx_pr_string(p, n->u.org.name.text);
    jx_pr_puts(p, ";");
    break;
  case JX_N_PERIOD:
    jx_pr_kw(p, JX_KW_PERIOD);
    jx_pr_puts(p, " ");
    jx_pr_value(p, &n->u.period.value);
    jx_pr_puts(p, ";");
    break;
  case JX_N_ATTR:
    jx_pr_kw(p, attr_kw[n->u.attr.key]);
    jx_pr_puts(p, " ");
    if (n->u.attr.key == JX_ATTR_OTHER) {
      jx_pr_string(p, n->u.attr.name.text);
      jx_pr_soft_space(p, jx_pr_literal_width(n->u.attr.value.text) + 1);
      jx_pr_string(p, n->u.attr.value.text);
    } else if (n->u.attr.key == JX_ATTR_SUBJECT) {
      jx_pr_code_text(p, n->u.attr.value.text);
    } else {
      jx_pr_string(p, n->u.attr.value.text);
    }
    if (n->u.attr.extra.text) {
      jx_pr_puts(p, " ");
      jx_pr_string(p, n->u.attr.extra.text);
    }
    jx_pr_puts(p, ";");
    break;
  case JX_N_BREAKDOWN:
    jx_pr_kw(p, JX_KW_BREAKDOWN);
    for (const jx_line *x = n->u.breakdown.items; x; x = x->next) {
      size_t need = strlen(x->amount.text ? x->amount.text : "") + 1;
      if (x->name.text) {
        jx_pr_soft_space(p, jx_pr_literal_width(x->name.text) + 1 + need);
        jx_pr_string(p, x->name.text);
        jx_pr_puts(p, " ");
      } else {
        jx_pr_soft_space(p, need);
      }
      jx_pr_value(p, &x->amount);
    }
    jx_pr_puts(p, ";");
    break;
  case JX_N_SCHEDULE:
    jx_pr_kw(p, JX_KW_SCHEDULE);
    for (const jx_schedule_entry *e = n->u.schedule.entries; e; e = e->next) {
      int m = jx_schedule_month(e);
      jx_pr_puts(p, " ");
      if (m) {
        jx_pr_puts(p, jx_month_name(m, p->zh));
      } else {
        jx_pr_value(p, &e->month);
      }
      jx_pr_puts(p, " ");
      jx_pr_value(p, &e->percent);
    }
    jx_pr_puts(p, ";");
    break;
  case JX_N_INDICATOR: {
    const jx_text *l1 = &n->u.indicator.level1, *l2 = &n->u.indicator.level2;
    const char *cat = jx_fmt_cats_spell(p->cats, l1, l2);
    if (!l2->text) {
      jx_pr_kw(p, JX_KW_INDICATOR);
    } else if (cat) {
      jx_pr_puts(p, cat);
    } else if (l1->text) {
      jx_pr_puts(p, l1->text);
      jx_pr_puts(p, ".");
      jx_pr_puts(p, l2->text);
    } else {
      jx_pr_puts(p, l2->text);
    }
    /* A row may have no name (a value printed alone) and no value (an
     * empty row). */
    if (n->u.indicator.name.text) {
      jx_pr_puts(p, " ");
      jx_pr_string(p, n->u.indicator.name.text);
    }
    /* '=' is written where none was, but not before n/a, a date range
     * or a value that ends in its comparison (90%以上): those read as
     * printed. */
    const jx_value *v = &n->u.indicator.value;
    if (v->kind != JX_VAL_NONE) {
      if (n->u.indicator.op_written ||
          (v->kind != JX_VAL_NA && v->kind != JX_VAL_DATE_RANGE && !v->post)) {
        jx_pr_puts(p, " ");
        jx_pr_kw(p, jx_op_kw(n->u.indicator.op));
      }
      jx_pr_puts(p, " ");
      jx_pr_value(p, v);
    }
    /* The period's target beside the year's: two columns of one row. */
    if (n->u.indicator.has_period) {
      const jx_value *pv = &n->u.indicator.period_value;
      jx_pr_soft_space(p, strlen(jx_keyword(JX_KW_PERIOD, p->zh)) + 4 +
                              (pv->kind == JX_VAL_TEXT
                                   ? jx_pr_literal_width(pv->text)
                               : pv->text ? strlen(pv->text)
                                          : 0));
      jx_pr_kw(p, JX_KW_PERIOD);
      if (n->u.indicator.period_op_written ||
          (pv->kind != JX_VAL_NA && pv->kind != JX_VAL_DATE_RANGE &&
           !pv->post)) {
        jx_pr_puts(p, " ");
        jx_pr_kw(p, jx_op_kw(n->u.indicator.period_op));
      }
      jx_pr_puts(p, " ");
      jx_pr_value(p, pv);
    }
    if (n->u.indicator.desc.text) {
      jx_pr_soft_space(p, strlen(jx_keyword(JX_KW_DESC, p->zh)) + 1 +
                              jx_pr_literal_width(n->u.indicator.desc.text) +
                              1);
      jx_pr_kw(p, JX_KW_DESC);
      jx_pr_puts(p, " ");
      jx_pr_string(p, n->u.indicator.desc.text);
    }
    if (n->u.indicator.basis.text) {
      jx_pr_soft_space(p, strlen(jx_keyword(JX_KW_BASIS, p->zh)) + 1 +
                              jx_pr_literal_width(n->u.indicator.basis.text) +
                              1);
      jx_pr_kw(p, JX_KW_BASIS);
      jx_pr_puts(p, " ");
      jx_pr_string(p, n->u.indicator.basis.text);
    }
    for (int k = 0; k < JX_EXPL_COUNT; k++)
      if (n->u.indicator.expl[k].text)
        jx_pr_kw_string_attr(p, expl_kw[k], n->u.indicator.expl[k].text);
    jx_pr_puts(p, ";");
    break;
  }
  case JX_N_ACTUALS:
    jx_pr_kw(p, JX_KW_ACTUALS);
    if (n->u.block.name.text) {
      jx_pr_puts(p, " ");
      jx_pr_string(p, n->u.block.name.text);
    }
    if (n->u.block.code.text)
      jx_pr_kw_word(p, JX_KW_PROFILE, n->u.block.code.text);
    jx_pr_block_open(p);
    break;
  case JX_N_ACTUAL_PROJECT:
    jx_pr_kw(p, JX_KW_PROJECT);
    jx_pr_puts(p, " ");
    jx_pr_string(p, n->u.block.name.text);
    jx_pr_block_open(p);
    break;
  case JX_N_ACTUAL:
    actual(p, n);
    break;
  case JX_N_PROFILE:
    jx_pr_kw(p, JX_KW_PROFILE);
    jx_pr_puts(p, " ");
    jx_pr_puts(p, n->u.block.code.text);
    if (n->u.block.uses) {
      jx_pr_puts(p, ";");
      break;
    }
    if (n->u.block.name.text) {
      jx_pr_puts(p, " ");
      jx_pr_string(p, n->u.block.name.text);
    }
    jx_pr_block_open(p);
    break;
  case JX_N_SETTING: {
    const char *name = n->u.setting.name.text;
    const char *s = jx_ev_setting_spelling(name, p->zh);
    jx_pr_puts(p, s ? s : name);
    for (const jx_setting_arg *a = n->u.setting.args; a; a = a->next) {
      jx_pr_puts(p, " ");
      const char *c = a->value.kind == JX_VAL_WORD
                          ? jx_ev_choice_spelling(name, a->value.text, p->zh)
                          : NULL;
      if (c)
        jx_pr_puts(p, c);
      else
        jx_pr_value(p, &a->value);
    }
    jx_pr_puts(p, ";");
    break;
  }
  }
}

/* A block's statements (NULL if n is not a block): for a project, those
 * after a budget written in its head. */
static const jx_node *block_items(const jx_node *n) {
  switch (n->kind) {
  case JX_N_PROJECT: {
    const jx_node *first = n->u.block.items;
    if (first && first->kind == JX_N_BUDGET && first->u.budget.in_header)
      first = first->next;
    return first;
  }
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
  case JX_N_UNIT:
  case JX_N_ACTUALS:
  case JX_N_ACTUAL_PROJECT:
  case JX_N_PROFILE:
    return n->u.block.items;
  default:
    return NULL;
  }
}

bool jx_fmt_is_block(const jx_node *n) {
  switch (n->kind) {
  case JX_N_PROFILE:
    return !n->u.block.uses; /* `profile NAME;` is a statement */
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
  case JX_N_UNIT:
  case JX_N_PROJECT:
  case JX_N_ACTUALS:
  case JX_N_ACTUAL_PROJECT:
    return true;
  default:
    return false;
  }
}

/* ---- printing as the parser goes --------------------------------------
 * A statement's line ends only when what follows it is known: the comment
 * after it on its line is printed at the end of that line, but only if it
 * comes before the next statement (`next`), and the parser may not have
 * read that far when it hands the statement over.  So each statement,
 * '{' and '}' is left pending and settled by what comes next. */

void jx_fmt_settle(jx_printer *p, uint64_t next) {
  if (!p->pending)
    return;
  p->pending = false;
  jx_pr_comment_after(p, &p->pending_end, next);
  jx_pr_newline(p);
}

static void pend(jx_printer *p, const jx_loc *end) {
  p->pending = true;
  p->pending_end = *end;
}

void jx_fmt_open(jx_printer *p, const jx_node *n) {
  jx_fmt_settle(p, n->loc.offset);
  jx_pr_comments_before(p, n->loc.offset);
  jx_pr_blank_line(p, n->loc.offset);
  jx_pr_comments_before(p, n->end.offset); /* between the statement's parts */
  jx_pr_begin_line(p);
  if (p->depth == 0)
    jx_fmt_cats_enter(p->cats, n);
  statement(p, n);
  pend(p, &n->end);
  if (jx_fmt_is_block(n)) {
    p->depth++;
    p->block_start = true;
  }
}

void jx_fmt_close(jx_printer *p, const jx_loc *brace) {
  jx_fmt_settle(p, brace->offset);
  jx_pr_comments_before(p, brace->offset);
  p->depth--;
  jx_pr_begin_line(p);
  jx_pr_puts(p, "}");
  pend(p, brace);
}

void jx_fmt_node(jx_printer *p, const jx_node *n) {
  jx_fmt_open(p, n);
  if (!jx_fmt_is_block(n))
    return;
  for (const jx_node *inner = block_items(n); inner; inner = inner->next)
    jx_fmt_node(p, inner);
  jx_fmt_close(p, &n->u.block.close);
}

void jx_fmt_end(jx_printer *p) {
  jx_fmt_settle(p, UINT64_MAX);
  jx_pr_comments_before(p, UINT64_MAX);
}

/* The tree keeps the first of a repeated part only; formatting would drop
 * the others, so report them as the checker does (d NULL: only count
 * them) and format nothing. */
#define REPORT(d, ...)                                                         \
  do {                                                                         \
    if (d)                                                                     \
      jx_diag_report(d, __VA_ARGS__);                                          \
  } while (0)

static int repeated_list(const jx_node *n, jx_diag *d);

int jx_fmt_repeated(const jx_node *n, jx_diag *d) {
  int found = 0;
  {
    if (n->kind == JX_N_HEADER) {
      if (n->u.header.dup_loc.line)
        REPORT(d, JX_E_HEADER_TWICE, n->u.header.dup_loc);
      found += n->u.header.dup_loc.line != 0;
    } else if (n->kind == JX_N_INDICATOR) {
      if (n->u.indicator.n_desc > 1)
        REPORT(d, JX_E_DUP_DESC, n->u.indicator.dup_loc);
      if (n->u.indicator.n_basis > 1)
        REPORT(d, JX_E_DUP_BASIS,
               n->u.indicator.n_desc > 1 ? n->loc : n->u.indicator.dup_loc);
      if (n->u.indicator.n_expl_dup > 0)
        REPORT(d, JX_E_DUP_FIELD, n->u.indicator.expl_dup_loc,
               (int)expl_field[n->u.indicator.expl_dup]);
      if (n->u.indicator.n_period > 1)
        REPORT(d, JX_E_DUP_FIELD, n->loc, (int)JX_M_FIELD_PERIOD_TARGET);
      found += n->u.indicator.n_desc > 1 || n->u.indicator.n_basis > 1 ||
               n->u.indicator.n_expl_dup > 0 || n->u.indicator.n_period > 1;
    } else if (n->kind == JX_N_FUNDS) {
      if (n->u.funds.n_fiscal > 1)
        REPORT(d, JX_E_DUP_FISCAL, n->loc);
      if (n->u.funds.n_other > 1)
        REPORT(d, JX_E_DUP_OTHER, n->loc);
      found += n->u.funds.n_fiscal > 1 || n->u.funds.n_other > 1;
    } else if (n->kind == JX_N_ACTUAL) {
      if (n->u.actual.dup_loc.line)
        REPORT(d, JX_E_ACTUAL_REPEAT, n->u.actual.dup_loc);
      found += n->u.actual.dup_loc.line != 0;
    } else if (jx_fmt_is_block(n)) {
      found += repeated_list(n->u.block.items, d);
    }
  }
  return found;
}

static int repeated_list(const jx_node *n, jx_diag *d) {
  int found = 0;
  for (; n; n = n->next)
    found += jx_fmt_repeated(n, d);
  return found;
}
