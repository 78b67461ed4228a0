/*
 * layout_form.c — the official 项目支出绩效目标表, one form per sheet or
 * several stacked down a sheet, and its flattened text form (text.c makes
 * a grid of each table).
 *
 * A form is a header block of labels and values, then an indicator table:
 *
 *   324001秦皇岛市…（本级）                         单位：万元
 *   项目编码      130304…     项目名称      劳务派遣人员经费
 *   预算规模及    预算数      89.10   其中：财政资金 89.10  其他资金 0
 *   资金用途      劳务派遣人员经费                    (no label: the purpose)
 *   资金支出计划  3月底  6月底  10月底  12月底
 *                 25%    50%    75%     100%
 *   绩效目标      1.…  2.…
 *   一级指标  二级指标  三级指标  绩效指标描述  指标值  指标值确定依据
 *   …
 *
 * Labels are found by name (columns.c's table and a few block labels
 * here), never by position, and a label's value is the next cell to its
 * right that is not itself a label.  The indicator table is
 * layout_rows.c's; it ends where the next form starts (its title or a
 * label only a header block has).
 */
#include "import_impl.h"

#include <stdio.h>
#include <string.h>

static bool digit(char c) {
  return c >= '0' && c <= '9';
}

/* Labels that name a block and hold no value of their own. */
static const char *const block_labels[] = {
    "预算规模及资金用途", "预算规模及用途", "项目资金",
    "资金情况",           "绩效指标",       "年度绩效指标",
    "项目支出绩效目标",   "预算规模",       NULL};

static bool is_block_label(jx_arena *a, const char *text) {
  const char *k = jx_im_key(a, text);
  size_t n = strlen(k);
  if (n > 0 && k[n - 1] == ')') { /* 项目资金（万元） */
    const char *open = strrchr(k, '(');
    if (open)
      n = (size_t)(open - k);
  }
  for (const char *const *l = block_labels; *l; l++)
    if (strlen(*l) == n && strncmp(k, *l, n) == 0)
      return true;
  return false;
}

static bool is_schedule_label(jx_arena *a, const char *text) {
  const char *k = jx_im_key(a, text);
  return strncmp(k, "资金支出计划", strlen("资金支出计划")) == 0 ||
         strncmp(k, "支出计划", strlen("支出计划")) == 0 ||
         strncmp(k, "资金支出进度", strlen("资金支出进度")) == 0;
}

/* "明细：高标准农田建设" (or "明细" alone): a line item of the budget, as
 * `jxc build -f xlsx` prints each; *name its name (NULL: none). */
static bool line_label(jx_arena *a, const char *text, const char **name) {
  const char *k = jx_im_key(a, text);
  static const char prefix[] = "明细";
  size_t n = sizeof prefix - 1;
  if (strncmp(k, prefix, n) != 0 || (k[n] && k[n] != ':'))
    return false;
  /* the name as printed, after the colon (full-width or not) */
  const char *colon = strstr(text, "：");
  size_t skip = 3;
  if (!colon) {
    colon = strchr(text, ':');
    skip = 1;
  }
  *name = colon && colon[skip]
              ? jx_im_clean(a, colon + skip, strlen(colon + skip), NULL)
              : NULL;
  return true;
}

/* "资金来源：上级资金": the source's word, or NULL. */
static const char *source_label(jx_arena *a, const char *text) {
  const char *k = jx_im_key(a, text);
  static const char prefix[] = "资金来源:";
  size_t n = sizeof prefix - 1;
  return strncmp(k, prefix, n) == 0 && k[n] ? k + n : NULL;
}

static bool is_label(jx_arena *a, const char *text) {
  im_field f = jx_im_field_of(text);
  return (f != IM_F_NONE && jx_im_field_info(f)->target == IM_T_PROJECT) ||
         f == IM_F_SOURCE || is_block_label(a, text) ||
         is_schedule_label(a, text) || source_label(a, text) ||
         line_label(a, text, &(const char *){NULL});
}

bool jx_im_form_start(im_cell *c, size_t n) {
  jx_arena a;
  jx_arena_init(&a);
  bool start = false;
  for (size_t i = 0; i < n && !start; i++) {
    if (c[i].kind != IM_TEXT)
      continue;
    im_field f = jx_im_field_of(c[i].text);
    const char *k = jx_im_key(&a, c[i].text);
    start = f == IM_F_PROJECT || f == IM_F_CODE || f == IM_F_BUDGET ||
            strstr(k, "绩效目标表") != NULL || is_schedule_label(&a, c[i].text);
  }
  jx_arena_free(&a);
  return start;
}

/* The end of a form's indicator table: the next form, or the unit's
 * goals and measures after its last form (--sheet unit). */
static bool form_stop(const im_table *t, uint32_t row) {
  size_t n;
  im_cell *c = jx_im_label_cells(t, row, &n);
  return jx_im_form_start(c, n) || jx_im_dept_label(c, n);
}

/* ---- the header block
 * ------------------------------------------------------------ */

typedef struct form {
  im_plan *p;
  im_book *b;
  uint32_t sheet;
  im_project *proj;
  im_unit *unit;
  im_text ucode, uname; /* the unit this block names, if it does */
  bool after_budget;    /* the last labelled row held the budget */
  im_src goal_src;      /* the 绩效目标 cell being split */
  bool overall;         /* it is a goal over the period (实施期目标) */
  /* A 预算单位 has named the unit: a 实施单位 after it is the
   * project's implementer, and the 单位编码 on its row the implementer's. */
  bool unit_named;
  bool implementer_row;
} form;

static im_text text_of(form *f, im_cell *c) {
  return jx_im_cell_text(f->p, f->sheet, c);
}

/* The value of the label at cells[i]: the next cell to its right in the
 * row, unless that is a label too (jx_im_label_is_value: a project named
 * 项目名称 is still a name). */
static im_cell *value_of(form *f, im_cell *cells, size_t n, size_t i) {
  for (size_t j = i + 1; j < n; j++) {
    if (cells[j].used)
      continue;
    if (cells[j].kind == IM_TEXT && is_label(&f->p->arena, cells[j].text) &&
        !jx_im_label_is_value(cells, n, i, j))
      return NULL;
    return &cells[j];
  }
  return NULL;
}

static void goal_item(void *ud, const char *item) {
  form *f = ud;
  im_goal *g = jx_arena_alloc(&f->p->arena, sizeof *g);
  g->text.text = item;
  g->text.src = f->goal_src;
  jx_im_append(f->p, f->overall ? &f->proj->overall : &f->proj->goals, g);
}

static void amount(form *f, im_field field, im_cell *c, im_text *slot) {
  im_text v = text_of(f, c);
  if (!v.text || !*v.text)
    return;
  const char *a = jx_im_amount(&f->p->arena, v.text);
  if (!a) {
    jx_im_note(f->p, &f->proj->notes, jx_im_field_info(field)->label, v.text,
               v.src, JX_E_IMPORT_CELL, NULL, -1)
        ->reason = IM_R_AMOUNT;
    return;
  }
  if (slot->text) {
    jx_im_note(f->p, &f->proj->notes, jx_im_field_info(field)->label, v.text,
               v.src, JX_W_IMPORT_CONFLICT, slot->text, -1);
    return;
  }
  slot->text = a;
  slot->src = v.src;
}

static void labelled(form *f, im_field field, im_cell *c) {
  im_project *pr = f->proj;
  im_text v;
  switch (field) {
  case IM_F_BUDGET:
    amount(f, field, c, &pr->budget);
    f->after_budget = true;
    return;
  case IM_F_FISCAL:
    amount(f, field, c, &pr->fiscal);
    return;
  case IM_F_OTHER:
    amount(f, field, c, &pr->other);
    return;
  case IM_F_GOAL: {
    v = text_of(f, c);
    if (!v.text)
      return;
    f->goal_src = v.src;
    jx_im_split_goals(&f->p->arena, v.text, goal_item, f);
    return;
  }
  case IM_F_UNIT_NAME:
  case IM_F_UNIT_CODE: /* the unit is made once the block is read */
    v = text_of(f, c);
    if (v.text && *v.text)
      *(field == IM_F_UNIT_CODE ? &f->ucode : &f->uname) = v;
    return;
  case IM_F_DEPT:
    v = text_of(f, c);
    if (v.text && *v.text) {
      jx_im_dept_name(f->p, &v, false, &f->proj->notes);
      pr->supervisor = v; /* written unless it is the department's name */
    }
    return;
  case IM_F_TOTAL:
    amount(f, field, c, &pr->total);
    return;
  case IM_F_SOURCE:
    return; /* header_block reads these with their label */
  case IM_F_OVERALL: {
    v = text_of(f, c);
    if (!v.text)
      return;
    f->goal_src = v.src;
    f->overall = true;
    jx_im_split_goals(&f->p->arena, v.text, goal_item, f);
    f->overall = false;
    return;
  }
  case IM_F_PERIOD:
  case IM_F_CLASS:
  case IM_F_NATURE:
  case IM_F_POLICY:
  case IM_F_DOCUMENT:
  case IM_F_SUBJECT:
  case IM_F_MANAGER:
  case IM_F_CONTACT: {
    im_text *slot = jx_im_header_slot(pr, field);
    v = text_of(f, c);
    if (!v.text || !*v.text)
      return;
    if (slot->text)
      jx_im_note(f->p, &pr->notes, jx_im_field_info(field)->label, v.text,
                 v.src, JX_W_IMPORT_CONFLICT, slot->text, -1);
    else
      *slot = v;
    return;
  }
  default:
    break;
  }
  im_text *slot = field == IM_F_PROJECT ? &pr->name
                  : field == IM_F_CODE  ? &pr->code
                                        : &pr->purpose;
  v = text_of(f, c);
  if (!v.text || !*v.text)
    return;
  if (slot->text)
    jx_im_note(f->p, &pr->notes, jx_im_field_info(field)->label, v.text, v.src,
               JX_W_IMPORT_CONFLICT, slot->text, -1);
  else
    *slot = v;
}

/* The months right of the label at (row, cells[i]) and the percentages
 * under them (or, failing that, right of each month). */
static void schedule(form *f, uint32_t row, im_cell *cells, size_t n,
                     size_t i) {
  im_sheet *s = &f->b->sheets[f->sheet];
  jx_arena *a = &f->p->arena;
  im_cell *pct[12];
  int months[12];
  im_cell *mcell[12];
  int k = 0;
  for (size_t j = i + 1; j < n && k < 12; j++) {
    int m = cells[j].kind == IM_TEXT ? jx_im_month(cells[j].text) : 0;
    if (!m)
      continue;
    im_cell *below = jx_im_at(s, row + 1, cells[j].col);
    im_cell *right =
        j + 1 < n && !jx_im_month(cells[j + 1].text) ? &cells[j + 1] : NULL;
    months[k] = m;
    mcell[k] = &cells[j];
    pct[k] = below ? below : right;
    k++;
  }
  /* A .xls percentage arrives as its fraction: 0.25 … 1. */
  bool fraction = k > 0;
  for (int j = 0; j < k && fraction; j++)
    fraction = pct[j] && pct[j]->kind == IM_NUMBER &&
               !strchr(pct[j]->text, '%') &&
               (strcmp(pct[j]->text, "1") == 0 || pct[j]->text[0] == '0');
  if (fraction && strcmp(pct[k - 1]->text, "1") != 0)
    fraction = false;
  for (int j = 0; j < k; j++) {
    mcell[j]->used = true;
    if (!pct[j])
      continue;
    pct[j]->used = true;
    const char *p = jx_im_percent(a, pct[j]->text, fraction);
    if (!p) {
      jx_im_note(f->p, &f->proj->notes, "资金支出计划", pct[j]->text,
                 jx_im_src_cell(f->sheet, pct[j]), JX_E_IMPORT_CELL, NULL, -1)
          ->reason = IM_R_PERCENT;
      continue;
    }
    im_month *e = jx_arena_alloc(a, sizeof *e);
    e->month = months[j];
    e->month_src = jx_im_src_cell(f->sheet, mcell[j]);
    e->percent.text = p;
    e->percent.src = jx_im_src_cell(f->sheet, pct[j]);
    jx_im_append(f->p, &f->proj->schedule, e);
  }
}

/* "324001秦皇岛市…（本级）": a unit's code and name in one cell. */
static bool unit_line(form *f, im_cell *c) {
  const char *t = c->text;
  size_t d = 0;
  while (digit(t[d]))
    d++;
  if (d < 3 || d > 21 || !t[d] || (unsigned char)t[d] < 0x80)
    return false;
  im_text v = text_of(f, c);
  f->ucode = v;
  f->ucode.text = jx_arena_strndup(&f->p->arena, t, d);
  f->uname = v;
  f->uname.text = jx_im_clean(&f->p->arena, t + d, strlen(t + d), NULL);
  return true;
}

/* A row of the header block with a label jxc does not know in the first
 * column and its value merged across the rest (资金性质 | 一般公共预算), as
 * a form prints its other fields: a header field of the project, written
 * as `attribute`.  Anything else stays for the sweep (a comment). */
static void attribute_row(form *f, im_cell *c, size_t n) {
  im_cell *k = NULL, *v = NULL;
  for (size_t i = 0; i < n; i++) {
    if (c[i].used || !c[i].text || !*c[i].text)
      continue;
    if (!k)
      k = &c[i];
    else if (!v)
      v = &c[i];
    else
      return;
  }
  if (!k || !v || k->kind != IM_TEXT || k->col != 1 || v->span_cols < 2 ||
      v->col != 2)
    return;
  im_attr *x = jx_arena_alloc(&f->p->arena, sizeof *x);
  x->key = text_of(f, k);
  x->value = text_of(f, v);
  if (!x->key.text || !*x->key.text || !x->value.text)
    return;
  jx_im_append(f->p, &f->proj->attrs, x);
}

static void header_block(form *f, uint32_t first, uint32_t last) {
  im_sheet *s = &f->b->sheets[f->sheet];
  jx_arena *a = &f->p->arena;
  for (uint32_t row = first; row <= last; row++) {
    size_t n;
    im_cell *c = jx_im_row(s, row, &n);
    if (n == 0)
      continue;
    bool labels = false, was_after_budget = f->after_budget;
    f->after_budget = false;
    f->implementer_row = false;
    for (size_t i = 0; i < n; i++) {
      if (c[i].used || c[i].kind != IM_TEXT)
        continue;
      if (jx_im_plan_cell(f->p, f->sheet, &c[i])) {
        jx_im_heading(f->p, &f->proj->notes, c[i].text,
                      jx_im_src_cell(f->sheet, &c[i]));
        continue;
      }
      im_field field = jx_im_field_of(c[i].text);
      const char *src_word = source_label(a, c[i].text);
      const char *line_name = NULL;
      if (line_label(a, c[i].text, &line_name)) {
        labels = true;
        c[i].used = true;
        im_cell *v = value_of(f, c, n, i);
        im_text t = text_of(f, v);
        const char *amt = t.text ? jx_im_amount(a, t.text) : NULL;
        if (!amt) {
          if (t.text)
            jx_im_note(f->p, &f->proj->notes, c[i].text, t.text, t.src,
                       JX_E_IMPORT_CELL, NULL, -1)
                ->reason = IM_R_AMOUNT;
          continue;
        }
        im_line *l = jx_arena_alloc(a, sizeof *l);
        l->name = line_name;
        l->amount = t;
        l->amount.text = amt;
        jx_im_append(f->p, &f->proj->lines, l);
      } else if (field == IM_F_SOURCE || src_word) {
        /* another source of funds, named by its label (or after
         * "资金来源：", as `jxc build -f xlsx` prints each) */
        labels = true;
        c[i].used = true;
        im_cell *v = value_of(f, c, n, i);
        if (v)
          jx_im_source(f->p, f->proj,
                       src_word
                           ? src_word
                           : jx_im_clean(a, c[i].text, strlen(c[i].text), NULL),
                       text_of(f, v), &f->proj->notes);
      } else if (field != IM_F_NONE &&
                 jx_im_field_info(field)->target == IM_T_PROJECT) {
        labels = true;
        c[i].used = true;
        bool impl_label = strcmp(jx_im_key(a, c[i].text), "实施单位") == 0;
        if (field == IM_F_UNIT_NAME && impl_label && f->unit_named) {
          f->implementer_row = true;
          im_text v = text_of(f, value_of(f, c, n, i));
          if (v.text && *v.text)
            f->proj->implementer = v;
          continue;
        }
        if (field == IM_F_UNIT_CODE && f->implementer_row) {
          im_text v = text_of(f, value_of(f, c, n, i));
          if (v.text && *v.text)
            f->proj->implementer_code = v;
          continue;
        }
        if (field == IM_F_UNIT_NAME &&
            strcmp(jx_im_key(a, c[i].text), "预算单位") == 0)
          f->unit_named = true;
        labelled(f, field, value_of(f, c, n, i));
      } else if (is_schedule_label(a, c[i].text)) {
        labels = true;
        c[i].used = true;
        schedule(f, row, c, n, i);
      } else if (is_block_label(a, c[i].text)) {
        labels = true;
        c[i].used = true;
        if (strstr(jx_im_key(a, c[i].text), "用途"))
          f->after_budget = true;
      } else if (unit_line(f, &c[i])) {
        labels = true;
      }
    }
    if (!labels && !was_after_budget)
      attribute_row(f, c, n);
    if (f->after_budget && !labels)
      f->after_budget = false;
    if (!labels && was_after_budget && !f->proj->purpose.text) {
      /* the row under the budget, in the 资金用途 block: the purpose */
      for (size_t i = 0; i < n; i++)
        if (!c[i].used && c[i].kind == IM_TEXT) {
          f->proj->purpose = text_of(f, &c[i]);
          break;
        }
    }
    jx_im_keep_rest(f->p, f->b, f->sheet, row, &f->proj->notes);
  }
  if (f->ucode.text || f->uname.text) {
    f->unit = jx_im_unit(f->p, f->ucode.text, f->uname.text, f->ucode.src,
                         f->uname.src);
    if (!f->unit->name.text && f->uname.text) /* named by a later form */
      f->unit->name = f->uname;
  }
}

int jx_im_layout_form(im_plan *p, im_book *b, uint32_t sheet, const im_map *m,
                      im_note *before) {
  const im_sheet *s = &b->sheets[sheet];
  int forms = 0;
  uint32_t row = 1;
  im_unit *unit = NULL;
  while (row <= s->rows) {
    uint32_t header = 0;
    for (uint32_t r = row; r <= s->rows && !header; r++)
      if (jx_im_is_header_row(b, sheet, r))
        header = r;
    if (!header)
      break;
    form f;
    memset(&f, 0, sizeof f);
    f.p = p;
    f.b = b;
    f.sheet = sheet;
    f.unit = unit;
    f.proj = jx_arena_alloc(&p->arena, sizeof *f.proj);
    f.proj->notes = before;
    before = NULL;
    header_block(&f, row, header - 1);
    im_table t;
    memset(&t, 0, sizeof t);
    t.p = p;
    t.b = b;
    t.sheet = sheet;
    t.fixed = f.proj;
    t.stop = form_stop;
    jx_im_header_row(&t, header, m ? &m->cols : NULL);
    row = jx_im_table_rows(&t, header + 1);
    unit = f.unit;
    if (!unit)
      unit = jx_im_unit(p, NULL, NULL, jx_im_src_none(), jx_im_src_none());
    jx_im_add_project(p, unit, f.proj);
    forms++;
    size_t n;
    im_cell *c = jx_im_row(s, row, &n);
    if (row <= s->rows && !jx_im_form_start(c, n) && jx_im_dept_label(c, n)) {
      /* the unit's goals and measures, up to the next form */
      uint32_t end = row + 1;
      for (; end <= s->rows; end++) {
        c = jx_im_row(s, end, &n);
        if (jx_im_form_start(c, n))
          break;
      }
      if (unit->code.text || unit->name.text)
        jx_im_unit_tail(p, b, sheet, row, end - 1, unit);
      else /* projects outside a unit: nothing to give them to */
        for (uint32_t r = row; r < end; r++)
          jx_im_keep_rest(p, b, sheet, r, &p->tail);
      row = end;
    }
  }
  /* Anything after the last form (a footnote, a page number). */
  for (; forms > 0 && row <= s->rows; row++)
    jx_im_keep_rest(p, b, sheet, row, &p->tail);
  return forms;
}
