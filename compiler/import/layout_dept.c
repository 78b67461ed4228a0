/*
 * layout_dept.c — the sheets a workbook holds besides the project forms:
 * the department form, the unit forms and the summary, as `jxc build -f
 * xlsx` writes them (and as people lay them out by hand).
 *
 *   部门整体绩效目标表 / （2021年度）          titles: the year
 *   部门名称      秦皇岛市北戴河区自然资源和规划局
 *   总体绩效目标  1.坚持以… 2.…                the department's goals
 *   分项名称      办公室                        a division …
 *   分项绩效目标  1.负责机关日常运转工作。…     … its goals
 *   一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据
 *                     完成率   完成各项工作任务 100%    (its indicators)
 *   部门绩效指标                                 the department's own
 *   一级指标 二级指标 三级指标 …                 indicators, after the
 *                     完成率   …                 divisions
 *   保障措施      加强组织领导，明确工作责任   高度重视…  (title, text)
 *                 完善制度建设                 建立健全…
 *
 *   单位绩效目标: 单位名称 … 单位编码 …, 单位绩效目标, 单位保障措施 (the same;
 *   with --sheet unit the goals and measures follow the unit's project
 *   forms on the same sheet: jx_im_unit_tail)
 *
 *   汇总: 年度 / 指标体系 / 金额单位, then a row per project (单位编码,
 *   单位名称, 项目编码, 项目名称, 年度资金总额 …) and 合计.
 *
 * A summary repeats the forms: its rows are checked against the projects
 * the forms gave (by 项目编码; a project without one by its name in its
 * unit) and taken silently when they agree; a project only the summary
 * has is made from its row; a disagreement is kept (import-conflict).
 * Labels are found by name, values right of them, as in layout_form.c.
 */
#include "import_impl.h"

#include <stdlib.h>
#include <string.h>

#include "forms.h"
#include "framework.h"
#include "units.h"

typedef enum dlabel {
  D_NONE,
  D_DEPT,      /* 部门名称 */
  D_DEPT_GOAL, /* 总体绩效目标 */
  D_DIVISION,  /* 分项名称 */
  D_DIV_GOAL,  /* 分项绩效目标 */
  D_DEPT_INDS, /* 部门绩效指标: the department's own indicators */
  D_MEASURES,  /* 保障措施, 单位保障措施 */
  D_UNIT_NAME, /* 单位名称 */
  D_UNIT_CODE, /* 单位编码 */
  D_UNIT_GOAL, /* 单位绩效目标 */
  D_YEAR,      /* 年度 */
  D_FRAMEWORK, /* 指标体系 */
  D_CURRENCY,  /* 金额单位 */
  D_FORM,      /* 表式 (the summary of a plan that names its form) */
  D_DEPT_CODE, /* 部门预算编码 */
  D_DEPT_BUDGET, /* 部门预算（万元）: a block label; 预算数 in it the amount */
  D_LINE /* 明细：基本支出 (a line item of the department's budget) */
} dlabel;

static const struct {
  const char *key; /* jx_im_key form */
  dlabel label;
} labels[] = {
    {"部门名称", D_DEPT},
    {"主管部门", D_DEPT},
    {"总体绩效目标", D_DEPT_GOAL},
    {"部门整体绩效目标", D_DEPT_GOAL},
    {"分项名称", D_DIVISION},
    {"内设机构", D_DIVISION},
    {"分项绩效目标", D_DIV_GOAL},
    {"部门绩效指标", D_DEPT_INDS},
    {"保障措施", D_MEASURES},
    {"工作保障措施", D_MEASURES},
    {"单位保障措施", D_MEASURES},
    {"单位名称", D_UNIT_NAME},
    {"单位编码", D_UNIT_CODE},
    {"单位绩效目标", D_UNIT_GOAL},
    {"年度", D_YEAR},
    {"指标体系", D_FRAMEWORK},
    {"金额单位", D_CURRENCY},
    {"表式", D_FORM},
    {"部门预算编码", D_DEPT_CODE},
    {"部门编码", D_DEPT_CODE},
    {"部门预算", D_DEPT_BUDGET},
    {"预算数", D_DEPT_BUDGET},
};

static dlabel label_of(jx_arena *a, const im_cell *c) {
  if (c->kind != IM_TEXT)
    return D_NONE;
  const char *k = jx_im_key(a, c->text);
  size_t n = strlen(k);
  while (n > 0 && k[n - 1] == ':')
    n--;
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
    if (strlen(labels[i].key) == n && strncmp(k, labels[i].key, n) == 0)
      return labels[i].label;
  /* 部门预算（万元）, and 明细 or 明细：基本支出 as `jxc build -f xlsx` prints
   * the department's budget and its line items */
  if (strncmp(k, "部门预算(", strlen("部门预算(")) == 0)
    return D_DEPT_BUDGET;
  if (strncmp(k, "明细", strlen("明细")) == 0 &&
      (!k[strlen("明细")] || k[strlen("明细")] == ':'))
    return D_LINE;
  return D_NONE;
}

bool jx_im_dept_label(im_cell *c, size_t n) {
  jx_arena a;
  jx_arena_init(&a);
  bool hit = false;
  for (size_t i = 0; i < n && !hit; i++)
    hit = label_of(&a, &c[i]) != D_NONE;
  jx_arena_free(&a);
  return hit;
}

/* The end of an indicator table in a department or unit form: a row with
 * a label of the form where labels stand. */
static bool dept_stop(const im_table *t, uint32_t row) {
  size_t n;
  im_cell *c = jx_im_label_cells(t, row, &n);
  return jx_im_dept_label(c, n);
}

typedef struct dform {
  im_plan *p;
  im_book *b;
  uint32_t sheet;
  bool unit_form; /* 单位绩效目标: goals and measures are the unit's */
  im_text ucode, uname;
  im_division *division;
  im_goal *goals;       /* the unit's, until the unit is known */
  im_measure *measures; /* likewise */
  im_note *notes;       /* comments, before the first item */
  im_src goal_src;
  im_goal **goal_list;
} dform;

static im_text text_of(dform *f, im_cell *c) {
  return jx_im_cell_text(f->p, f->sheet, c);
}

/* The next cell right of cells[i] in its row, unless it is a label
 * (jx_im_label_is_value: a division named 保障措施 is still a name). */
static im_cell *value_of(dform *f, im_cell *cells, size_t n, size_t i) {
  for (size_t j = i + 1; j < n; j++) {
    if (cells[j].used)
      continue;
    bool label = label_of(&f->p->arena, &cells[j]) != D_NONE &&
                 !jx_im_label_is_value(cells, n, i, j);
    return label ? NULL : &cells[j];
  }
  return NULL;
}

static void goal_item(void *ud, const char *item) {
  dform *f = ud;
  im_goal *g = jx_arena_alloc(&f->p->arena, sizeof *g);
  g->text.text = item;
  g->text.src = f->goal_src;
  jx_im_append(f->p, f->goal_list, g);
}

static void goals(dform *f, im_goal **list, im_cell *c) {
  im_text v = text_of(f, c);
  if (!v.text || !*v.text)
    return;
  f->goal_src = v.src;
  f->goal_list = list;
  jx_im_split_goals(&f->p->arena, v.text, goal_item, f);
}

/* 保障措施: a title and its text on each row of the block. */
static void measure_row(dform *f, im_cell *c, size_t n, size_t from) {
  im_cell *title = NULL, *text = NULL;
  for (size_t i = from; i < n; i++) {
    if (c[i].used || c[i].kind != IM_TEXT)
      continue;
    if (!title)
      title = &c[i];
    else if (!text)
      text = &c[i];
  }
  if (!title)
    return;
  im_measure *m = jx_arena_alloc(&f->p->arena, sizeof *m);
  m->title = text_of(f, title);
  if (text)
    m->text = text_of(f, text);
  im_department *d = f->p->dept;
  jx_im_append(f->p, f->unit_form ? &f->measures : &d->measures, m);
}

/* 年度, 指标体系, 金额单位 and the value right of the label.  A value that
 * is none (or says otherwise than the plan has already) is left in its
 * cell, for the sweep to keep as a comment. */
static void plan_label(dform *f, dlabel l, im_cell *v) {
  im_plan *p = f->p;
  im_text t = text_of(f, v);
  if (!t.text)
    return;
  const char *k = jx_im_key(&p->arena, t.text);
  if (l == D_YEAR) {
    char *end;
    long y = strtol(k, &end, 10);
    if (*end || y < 1990 || y > 2100 || (p->year && p->year != y)) {
      v->used = false;
    } else if (!p->year) {
      p->year = (int)y;
      p->year_src = t.src;
    }
  } else if (l == D_FRAMEWORK) {
    /* A framework the plan declared is not on the forms: its name is
     * kept, so the checker asks for the declaration (unknown-framework)
     * at the header, with this cell in its note. */
    const jx_framework *fw = jx_framework_builtin(k);
    if (!fw && !jx_im_token_ok(k, "word")) {
      v->used = false; /* no name the header can hold: kept as a comment */
      return;
    }
    if (!p->framework) {
      p->framework = fw ? fw->name : k;
      p->framework_src = t.src;
    } else if (strcmp(p->framework, fw ? fw->name : k) != 0) {
      v->used = false;
    }
  } else if (l == D_FORM) {
    /* a form jxc does not know is left for the sweep (a comment) */
    const jx_form_spec *fs = jx_form_spec_find(k);
    if (!fs || (p->form && strcmp(p->form, fs->name) != 0)) {
      v->used = false;
    } else if (!p->form) {
      p->form = fs->name;
      p->form_src = t.src;
    }
  } else if (!jx_currency_lookup(k) ||
             (p->currency &&
              strcmp(p->currency, jx_currency_lookup(k)->norm) != 0)) {
    v->used = false;
  } else if (!p->currency) {
    p->currency = jx_currency_lookup(k)->norm;
    p->currency_src = t.src;
  }
}

/* 预算数 (line NULL) or a line item (明细：name, in line) of the
 * department's budget, with its amount in v; an amount that is none is
 * kept as a comment. */
static void dept_amount(dform *f, im_cell *label, im_cell *v, im_cell *line) {
  jx_arena *a = &f->p->arena;
  im_department *d = f->p->dept;
  im_text t = text_of(f, v);
  const char *amt = t.text ? jx_im_amount(a, t.text) : NULL;
  if (!amt || (!line && d->budget.text)) {
    if (t.text)
      jx_im_note(f->p, &f->notes, label->text, t.text, t.src,
                 amt ? JX_W_IMPORT_CONFLICT : JX_E_IMPORT_CELL,
                 amt ? d->budget.text : NULL, -1)
          ->reason = amt ? -1 : IM_R_AMOUNT;
    return;
  }
  t.text = amt;
  if (!line) {
    d->budget = t;
    return;
  }
  im_line *l = jx_arena_alloc(a, sizeof *l);
  const char *colon = strstr(line->text, "：");
  size_t skip = 3;
  if (!colon) {
    colon = strchr(line->text, ':');
    skip = 1;
  }
  l->name = colon && colon[skip]
                ? jx_im_clean(a, colon + skip, strlen(colon + skip), NULL)
                : NULL;
  l->amount = t;
  jx_im_append(f->p, &d->lines, l);
}

/* Rows first..last of a department or unit form. */
static void dept_rows(dform *f, uint32_t first, uint32_t last) {
  im_sheet *s = &f->b->sheets[f->sheet];
  jx_arena *a = &f->p->arena;
  bool in_measures = false;
  for (uint32_t row = first; row <= last; row++) {
    size_t n;
    im_cell *c = jx_im_row(s, row, &n);
    if (n == 0)
      continue;
    if (jx_im_is_header_row(f->b, f->sheet, row)) {
      /* a division's indicators (the department's without one) */
      in_measures = false;
      im_division *dv = f->division;
      if (!dv) {
        dv = jx_arena_alloc(a, sizeof *dv);
        dv->name.text = NULL; /* the department's own: see below */
      }
      im_table t;
      memset(&t, 0, sizeof t);
      t.p = f->p;
      t.b = f->b;
      t.sheet = f->sheet;
      t.division = dv;
      t.stop = dept_stop;
      jx_im_header_row(&t, row, NULL);
      uint32_t next = jx_im_table_rows(&t, row + 1);
      if (next > last + 1)
        next = last + 1;
      if (!f->division) { /* the department's indicators */
        jx_im_append(f->p, &f->p->dept->indicators, dv->indicators);
        jx_im_append(f->p, &f->p->dept->tail, dv->tail);
      }
      row = next - 1;
      continue;
    }
    bool labelled = false;
    for (size_t i = 0; i < n; i++) {
      if (c[i].used)
        continue;
      dlabel l = label_of(a, &c[i]);
      if (l == D_NONE) {
        if (jx_im_plan_cell(f->p, f->sheet, &c[i])) /* a title */
          jx_im_heading(f->p, &f->notes, c[i].text,
                        jx_im_src_cell(f->sheet, &c[i]));
        continue;
      }
      labelled = true;
      c[i].used = true;
      im_cell *v = value_of(f, c, n, i);
      in_measures = false;
      switch (l) {
      case D_DEPT: {
        im_text t = text_of(f, v);
        if (t.text && *t.text)
          jx_im_dept_name(f->p, &t, true, &f->notes);
        break;
      }
      case D_DEPT_GOAL:
        goals(f, &f->p->dept->goals, v);
        break;
      case D_DIVISION: {
        im_division *dv = jx_arena_alloc(a, sizeof *dv);
        dv->name = text_of(f, v);
        dv->notes = f->notes;
        f->notes = NULL;
        jx_im_append(f->p, &f->p->dept->divisions, dv);
        f->division = dv;
        break;
      }
      case D_DIV_GOAL:
        if (f->division)
          goals(f, &f->division->goals, v);
        break;
      case D_DEPT_INDS: /* the department's own table follows */
        f->division = NULL;
        break;
      case D_UNIT_GOAL:
        goals(f, &f->goals, v);
        break;
      case D_MEASURES:
        in_measures = true;
        measure_row(f, c, n, i + 1);
        break;
      case D_UNIT_NAME:
        f->uname = text_of(f, v);
        break;
      case D_DEPT_CODE: {
        im_text t = text_of(f, v);
        if (t.text && *t.text && !f->p->dept->code.text)
          f->p->dept->code = t;
        else if (t.text && *t.text)
          jx_im_note(f->p, &f->notes, "部门预算编码", t.text, t.src,
                     JX_W_IMPORT_CONFLICT, f->p->dept->code.text, -1);
        break;
      }
      case D_DEPT_BUDGET: /* the block's label, or 预算数 with the amount */
        if (v && v->kind == IM_TEXT && label_of(a, v) == D_DEPT_BUDGET)
          break; /* 部门预算（万元） | 预算数 | 171.41: the next label reads it
                  */
        dept_amount(f, &c[i], v, NULL);
        break;
      case D_LINE:
        dept_amount(f, &c[i], v, &c[i]);
        break;
      case D_UNIT_CODE:
        f->ucode = text_of(f, v);
        break;
      default:
        plan_label(f, l, v);
        break;
      }
    }
    if (!labelled && in_measures) /* the 保障措施 block goes on */
      measure_row(f, c, n, 0);
    jx_im_keep_rest(f->p, f->b, f->sheet, row, &f->notes);
  }
}

int jx_im_layout_dept(im_plan *p, im_book *b, uint32_t sheet) {
  const im_sheet *s = &b->sheets[sheet];
  jx_arena a;
  jx_arena_init(&a);
  /* A department or unit form names the department or the unit and has
   * goals or measures of its own, and no project. */
  bool dept = false, unit = false, project = false, body = false;
  /* A project form's labels stand above its indicator table; below one,
   * 项目名称 is just an indicator's name. */
  uint32_t table = 0;
  for (uint32_t row = 1; row <= s->rows && !table; row++)
    if (jx_im_is_header_row(b, sheet, row))
      table = row;
  for (size_t i = 0; i < s->n; i++) {
    dlabel l = label_of(&a, &s->cells[i]);
    dept |= l == D_DEPT && s->cells[i].col == 1;
    unit |= l == D_UNIT_NAME || l == D_UNIT_CODE;
    body |= l == D_DEPT_GOAL || l == D_DIVISION || l == D_MEASURES ||
            l == D_UNIT_GOAL || l == D_DEPT_INDS;
    im_field f = s->cells[i].kind == IM_TEXT ? jx_im_field_of(s->cells[i].text)
                                             : IM_F_NONE;
    project |= (f == IM_F_PROJECT || f == IM_F_CODE) &&
               (!table || s->cells[i].row < table);
  }
  jx_arena_free(&a);
  if (project || !body || !(dept || unit))
    return 0;
  if (!p->dept)
    p->dept = jx_arena_alloc(&p->arena, sizeof *p->dept);
  dform f;
  memset(&f, 0, sizeof f);
  f.p = p;
  f.b = b;
  f.sheet = sheet;
  f.unit_form = !dept;
  dept_rows(&f, 1, s->rows);
  if (f.unit_form) {
    im_unit *u =
        jx_im_unit(p, f.ucode.text, f.uname.text, f.ucode.src, f.uname.src);
    if (!u->name.text && f.uname.text)
      u->name = f.uname;
    jx_im_append(p, &u->notes, f.notes);
    jx_im_append(p, &u->goals, f.goals);
    jx_im_append(p, &u->measures, f.measures);
  } else {
    jx_im_append(p, &p->dept->tail, f.notes);
  }
  return 1;
}

void jx_im_unit_tail(im_plan *p, im_book *b, uint32_t sheet, uint32_t first,
                     uint32_t last, im_unit *u) {
  if (!p->dept) /* labels of the department's form may be among them */
    p->dept = jx_arena_alloc(&p->arena, sizeof *p->dept);
  dform f;
  memset(&f, 0, sizeof f);
  f.p = p;
  f.b = b;
  f.sheet = sheet;
  f.unit_form = true;
  dept_rows(&f, first, last);
  if (f.ucode.text || f.uname.text) /* the tail names its unit itself */
    u = jx_im_unit(p, f.ucode.text, f.uname.text, f.ucode.src, f.uname.src);
  jx_im_append(p, &u->tail, f.notes);
  jx_im_append(p, &u->goals, f.goals);
  jx_im_append(p, &u->measures, f.measures);
}

/* ---- the summary
 * ---------------------------------------------------------------- */

static bool same_amount(jx_arena *a, const char *x, const char *y) {
  const char *ax = jx_im_amount(a, x), *ay = jx_im_amount(a, y);
  if (!ax || !ay)
    return strcmp(x, y) == 0;
  jx_decimal dx, dy;
  return jx_decimal_parse(ax, strlen(ax), &dx) == JX_DEC_OK &&
         jx_decimal_parse(ay, strlen(ay), &dy) == JX_DEC_OK &&
         jx_decimal_cmp(dx, dy) == 0;
}

static im_text cell_text(im_plan *p, im_table *t, uint32_t row, im_field f) {
  im_text v = {NULL, jx_im_src_none()};
  uint32_t col = t->map.col[f];
  im_cell *c = col ? jx_im_at(&t->b->sheets[t->sheet], row, col) : NULL;
  if (!c)
    return v;
  c->used = true;
  v.text = jx_im_clean(&p->arena, c->text, strlen(c->text), NULL);
  v.src = jx_im_src_cell(t->sheet, c);
  if (f == IM_F_BUDGET || f == IM_F_FISCAL || f == IM_F_OTHER) {
    const char *amt = jx_im_amount(&p->arena, v.text);
    if (!amt) { /* left in the cell: kept as a comment by the sweep */
      c->used = false;
      v.text = NULL;
    } else {
      v.text = amt;
    }
  }
  return v;
}

/* 序号: a row number, nothing to keep; anything else stays in its cell for
 * the sweep. */
static void take_seq(im_plan *p, im_table *t, uint32_t row) {
  uint32_t col = t->map.col[IM_F_SEQ];
  im_cell *c = col ? jx_im_at(&t->b->sheets[t->sheet], row, col) : NULL;
  if (!c)
    return;
  const char *k = jx_im_key(&p->arena, c->text);
  size_t d = strspn(k, "0123456789");
  c->used = d > 0 && k[d] == '\0';
}

static void summary_project(im_plan *p, im_table *t, uint32_t row) {
  im_text code = cell_text(p, t, row, IM_F_CODE),
          name = cell_text(p, t, row, IM_F_PROJECT);
  if (!code.text && !name.text)
    return;
  im_text ucode = cell_text(p, t, row, IM_F_UNIT_CODE),
          uname = cell_text(p, t, row, IM_F_UNIT_NAME);
  im_unit *u = jx_im_unit(p, ucode.text, uname.text, ucode.src, uname.src);
  if (!u->name.text && uname.text)
    u->name = uname;
  im_project *pr = jx_arena_alloc(&p->arena, sizeof *pr);
  pr->code = code;
  pr->name = name;
  pr->budget = cell_text(p, t, row, IM_F_BUDGET);
  pr->fiscal = cell_text(p, t, row, IM_F_FISCAL);
  pr->other = cell_text(p, t, row, IM_F_OTHER);
  take_seq(p, t, row);
  jx_im_add_project(p, u, pr);
  pr->summarised = true;
}

int jx_im_layout_summary(im_plan *p, im_book *b, uint32_t sheet) {
  const im_sheet *s = &b->sheets[sheet];
  jx_arena *a = &p->arena;
  uint32_t header = 0;
  for (uint32_t row = 1; row <= s->rows && row <= 50 && !header; row++) {
    size_t n;
    im_cell *c = jx_im_row(s, row, &n);
    bool code = false;
    for (size_t i = 0; i < n; i++)
      code |= c[i].kind == IM_TEXT && jx_im_field_of(c[i].text) == IM_F_CODE;
    if (code)
      header = row;
  }
  if (!header)
    return 0;
  dform f;
  memset(&f, 0, sizeof f);
  f.p = p;
  f.b = b;
  f.sheet = sheet;
  for (uint32_t row = 1; row < header; row++) { /* titles, plan labels */
    size_t n;
    im_cell *c = jx_im_row(s, row, &n);
    for (size_t i = 0; i < n; i++) {
      dlabel l = label_of(a, &c[i]);
      if (l == D_YEAR || l == D_FRAMEWORK || l == D_CURRENCY || l == D_FORM) {
        c[i].used = true;
        plan_label(&f, l, value_of(&f, c, n, i));
      } else if (!c[i].used && jx_im_plan_cell(p, sheet, &c[i])) {
        jx_im_heading(p, &p->notes, c[i].text, jx_im_src_cell(sheet, &c[i]));
      }
    }
    jx_im_keep_rest(p, b, sheet, row, &p->notes);
  }
  im_table t;
  memset(&t, 0, sizeof t);
  t.p = p;
  t.b = b;
  t.sheet = sheet;
  jx_im_header_row(&t, header, NULL);
  jx_im_keep_headers(&t);
  static const im_field checked[] = {IM_F_PROJECT, IM_F_BUDGET, IM_F_FISCAL,
                                     IM_F_OTHER, IM_F_UNIT_NAME};
  for (uint32_t row = header + 1; row <= s->rows; row++) {
    size_t rn;
    im_cell *rc = jx_im_row(s, row, &rn);
    if (rn > 0 && rc[0].kind == IM_TEXT) {
      const char *k = jx_im_key(a, rc[0].text);
      if (strcmp(k, "合计") == 0 || strcmp(k, "总计") == 0) {
        /* a total of the rows above: the label and its amounts; anything
         * else in the row is left for the sweep */
        rc[0].used = true;
        for (size_t i = 1; i < rn; i++)
          rc[i].used |= (rc[i].col == t.map.col[IM_F_BUDGET] ||
                         rc[i].col == t.map.col[IM_F_FISCAL] ||
                         rc[i].col == t.map.col[IM_F_OTHER]) &&
                        jx_im_amount(a, rc[i].text) != NULL;
        continue;
      }
    }
    const im_field keys[4] = {IM_F_CODE, IM_F_UNIT_CODE, IM_F_UNIT_NAME,
                              IM_F_PROJECT};
    im_cell *kc[4];
    const char *kt[4];
    for (int k = 0; k < 4; k++) {
      kc[k] = t.map.col[keys[k]] ? jx_im_at(s, row, t.map.col[keys[k]]) : NULL;
      kt[k] =
          kc[k] ? jx_im_clean(a, kc[k]->text, strlen(kc[k]->text), NULL) : NULL;
      if (kt[k] && !*kt[k])
        kt[k] = NULL;
    }
    im_project *pr = jx_im_summary_match(p, kt[0], kt[1], kt[2], kt[3]);
    if (!pr) { /* a project only the summary has: made from its row */
      summary_project(p, &t, row);
      continue;
    }
    if (kc[0])
      kc[0]->used = true;
    for (size_t k = 0; k < sizeof checked / sizeof *checked; k++) {
      uint32_t col = t.map.col[checked[k]];
      im_cell *c = col ? jx_im_at(s, row, col) : NULL;
      if (!c)
        continue;
      im_text *slot = checked[k] == IM_F_PROJECT  ? &pr->name
                      : checked[k] == IM_F_BUDGET ? &pr->budget
                      : checked[k] == IM_F_FISCAL ? &pr->fiscal
                      : checked[k] == IM_F_OTHER  ? &pr->other
                                                  : NULL;
      const char *have = slot ? slot->text : NULL;
      const char *text = jx_im_clean(a, c->text, strlen(c->text), NULL);
      if (slot && !have && checked[k] != IM_F_PROJECT &&
          jx_im_amount(a, text)) {
        /* the form left it empty: the summary's amount is the one */
        c->used = true;
        slot->text = jx_im_amount(a, text);
        slot->src = jx_im_src_cell(sheet, c);
        continue;
      }
      bool agrees =
          checked[k] == IM_F_UNIT_NAME ||
          (have && (checked[k] == IM_F_PROJECT ? strcmp(have, text) == 0
                                               : same_amount(a, have, text)));
      c->used = true;
      if (!agrees)
        jx_im_note(p, &pr->tail, jx_im_field_info(checked[k])->label, text,
                   jx_im_src_cell(sheet, c), JX_W_IMPORT_CONFLICT,
                   have ? have : "", -1);
    }
    /* 序号, and the 单位编码 the forms gave the project already */
    take_seq(p, &t, row);
    if (kc[1] && pr->unit && pr->unit->code.text &&
        strcmp(kt[1] ? kt[1] : "", pr->unit->code.text) == 0)
      kc[1]->used = true;
  }
  return 1;
}
