/*
 * layout_rows.c — the indicator table: a header row naming the columns
 * (一级指标, 二级指标, 三级指标, 指标值, … in any order, columns.c), then a
 * row per indicator.  Two layouts use it: the row-per-indicator sheet that
 * budget systems export (project columns on every row), and the indicator
 * block at the bottom of each official form (layout_form.c).
 *
 * Rows are read as the forms print them: a level-1 or level-2 cell left
 * blank (or merged over several rows) continues the one above, and so does
 * a blank project; a blank row is a spacer.  Every cell a row holds ends up
 * somewhere: in a statement, or — when the language cannot hold it yet, or
 * the cell cannot be read — in a comment with a diagnostic.
 */
#include "import_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- header rows ------------------------------------------------------------
 */

bool jx_im_is_header_row(im_book *b, uint32_t sheet, uint32_t row) {
  size_t n;
  im_cell *c = jx_im_row(&b->sheets[sheet], row, &n);
  bool seen[IM_F_COUNT] = {false};
  for (size_t i = 0; i < n; i++)
    if (c[i].kind == IM_TEXT)
      seen[jx_im_field_of(c[i].text)] = true;
  return (seen[IM_F_L1] && seen[IM_F_L2]) ||
         (seen[IM_F_L3] && seen[IM_F_VALUE]);
}

im_cell *jx_im_label_cells(const im_table *t, uint32_t row, size_t *n) {
  im_cell *c = jx_im_row(&t->b->sheets[t->sheet], row, n);
  uint32_t limit = t->map.col[IM_F_L3];
  if (limit > 1) { /* a name in the first column: nothing is left of it */
    size_t k = 0;
    while (k < *n && c[k].col < limit)
      k++;
    *n = k;
  }
  return c;
}

static struct im_column *column(const im_table *t, uint32_t col) {
  size_t lo = 0, hi = t->ncols;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->cols[mid].col == col)
      return &t->cols[mid];
    if (t->cols[mid].col < col)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* The header of a column, or NULL. */
static const char *hdr(const im_table *t, uint32_t col) {
  struct im_column *c = column(t, col);
  return c ? c->hdr : NULL;
}

static int column_order(const void *a, const void *b) {
  const struct im_column *x = a, *y = b;
  return x->col < y->col ? -1 : x->col > y->col;
}

int jx_im_header_row(im_table *t, uint32_t row, const im_colmap *given) {
  const im_sheet *s = &t->b->sheets[t->sheet];
  jx_arena *a = &t->p->arena;
  t->header_row = row;
  memset(&t->map, 0, sizeof t->map);
  size_t n;
  im_cell *c = jx_im_row(s, row, &n);
  t->cols = jx_arena_alloc(a, (n + IM_F_COUNT) * sizeof *t->cols);
  t->ncols = 0;
  int found = 0;
  for (size_t i = 0; i < n; i++) {
    struct im_column *k = &t->cols[t->ncols++];
    k->col = c[i].col;
    k->hdr = jx_im_clean(a, c[i].text, strlen(c[i].text), NULL);
    k->group = -1;
    c[i].used = true;
    im_field f = jx_im_field_of(c[i].text);
    /* The map file may name a column by its header text. */
    for (int g = 1; given && g < IM_F_COUNT; g++)
      if (given->header_text[g] && strcmp(jx_im_key(a, given->header_text[g]),
                                          jx_im_key(a, c[i].text)) == 0)
        f = (im_field)g;
    k->field = IM_F_NONE;
    if (f != IM_F_NONE && !t->map.col[f]) {
      t->map.col[f] = k->col;
      k->field = f;
      found++;
    }
  }
  /* The map file's column letters win over the headers. */
  for (int g = 1; given && g < IM_F_COUNT; g++) {
    uint32_t col = given->col[g];
    if (!col)
      continue;
    if (t->map.col[g])
      column(t, t->map.col[g])->field = IM_F_NONE;
    else
      found++;
    t->map.col[g] = col;
    struct im_column *k = column(t, col);
    if (!k) {
      k = &t->cols[t->ncols++];
      k->col = col;
      k->hdr = jx_im_field_info((im_field)g)->label;
      k->group = -1;
      qsort(t->cols, t->ncols, sizeof *t->cols, column_order);
      k = column(t, col);
    }
    k->field = (im_field)g;
  }
  return found;
}

/* ---- keeping what is not understood
 * ------------------------------------------ */

void jx_im_keep_rest(im_plan *p, im_book *b, uint32_t sheet, uint32_t row,
                     im_note **list) {
  size_t n;
  im_cell *c = jx_im_row(&b->sheets[sheet], row, &n);
  for (size_t i = 0; i < n; i++) {
    if (c[i].used)
      continue;
    c[i].used = true;
    bool err = c[i].kind == IM_ERROR;
    const char *text =
        jx_im_clean(&p->arena, c[i].text, strlen(c[i].text), NULL);
    if (!*text)
      continue;
    im_note *k =
        jx_im_note(p, list, NULL, text, jx_im_src_cell(sheet, &c[i]),
                   err ? JX_E_IMPORT_CELL : JX_W_IMPORT_STRAY, NULL, -1);
    if (err)
      k->reason = IM_R_ERROR_VALUE;
  }
}

/* ---- one row
 * ------------------------------------------------------------------ */

typedef struct rows_state {
  im_table *t;
  uint32_t row;
  im_note *notes; /* this row's comments, before its indicator */
  im_project *project;
  im_text l1, l2;      /* the categories in force (blank cells continue them) */
  im_src goal_src;     /* the 绩效目标 cell being split */
  im_indicator **inds; /* where this row's indicator goes */
  im_note **tail;      /* where a row that is no indicator goes */
  im_text period_in_value; /* "实施期：…" under the target in 指标值 */
} rows_state;

static im_cell *cell_of(rows_state *r, im_field f) {
  uint32_t col = r->t->map.col[f];
  if (!col)
    return NULL;
  return jx_im_value(&r->t->b->sheets[r->t->sheet], r->row, col);
}

static const char *clean(rows_state *r, im_cell *c) {
  bool dropped = false;
  const char *s =
      jx_im_clean(&r->t->p->arena, c->text, strlen(c->text), &dropped);
  if (dropped)
    jx_im_note(r->t->p, &r->notes, NULL, s, jx_im_src_cell(r->t->sheet, c),
               JX_W_IMPORT_CONTROL, NULL, -1);
  return *s ? s : NULL;
}

/* The field's cell in this row, marked as taken. */
static im_text take(rows_state *r, im_field f, im_cell **cell) {
  im_text t = {NULL, jx_im_src_none()};
  im_cell *c = cell_of(r, f);
  if (cell)
    *cell = c;
  if (!c)
    return t;
  c->used = true;
  t.text = clean(r, c);
  t.src = jx_im_src_cell(r->t->sheet, c);
  return t;
}

static int column_group(im_table *t, uint32_t col) {
  struct im_column *k = column(t, col);
  if (!k)
    return -1;
  if (k->group < 0)
    k->group = t->p->next_group++;
  return k->group;
}

/* A cell kept as a comment under its column's header. */
static void keep_cell(rows_state *r, uint32_t col, jx_diag_id id, int reason,
                      bool grouped) {
  im_cell *c = jx_im_at(&r->t->b->sheets[r->t->sheet], r->row, col);
  if (!c || c->used)
    return;
  c->used = true;
  const char *text = clean(r, c);
  if (!text)
    return;
  jx_im_note(r->t->p, &r->notes, hdr(r->t, col), text,
             jx_im_src_cell(r->t->sheet, c), id, NULL,
             grouped ? column_group(r->t, col) : -1)
      ->reason = reason;
}

static bool row_number(const im_cell *c) {
  size_t d = strspn(c->text, "0123456789");
  return d > 0 && c->text[d] == '\0';
}

/* Every cell of the row not yet taken, as comments: the columns the
 * language cannot hold yet, unknown columns (one warning a column), then
 * cells outside the header's columns. */
static void keep_columns(rows_state *r) {
  im_table *t = r->t;
  size_t n;
  im_cell *c = jx_im_row(&t->b->sheets[t->sheet], r->row, &n);
  for (size_t i = 0; i < n; i++) {
    uint32_t col = c[i].col;
    struct im_column *k = column(t, col);
    if (c[i].used || !k)
      continue;
    if (c[i].kind == IM_ERROR) {
      keep_cell(r, col, JX_E_IMPORT_CELL, IM_R_ERROR_VALUE, false);
      continue;
    }
    im_field f = k->field;
    if (f == IM_F_NONE)
      keep_cell(r, col, JX_W_IMPORT_COLUMN, -1, true);
    else if (jx_im_field_info(f)->target != IM_T_IGNORE || !row_number(&c[i]))
      keep_cell(r, col, JX_W_IMPORT_KEPT, -1, true);
    else
      c[i].used = true; /* 序号: a row number, nothing to keep */
  }
  jx_im_keep_rest(t->p, t->b, t->sheet, r->row, &r->notes);
}

/* All of the row as plain comments after an error note: the row could not
 * become an indicator. */
static void keep_row(rows_state *r) {
  size_t n;
  im_table *t = r->t;
  im_cell *c = jx_im_row(&t->b->sheets[t->sheet], r->row, &n);
  for (size_t i = 0; i < n; i++) {
    const char *text =
        jx_im_clean(&t->p->arena, c[i].text, strlen(c[i].text), NULL);
    /* the cell the error note keeps already (a note about an empty value
     * may stand at the name's cell, which it does not keep) */
    bool noted = false;
    for (const im_note *k = r->notes; k && !noted; k = k->next)
      noted = k->src.sheet == t->sheet && k->src.row == c[i].row &&
              k->src.col == c[i].col && strcmp(k->text, text) == 0;
    uint32_t col = c[i].col;
    struct im_column *k = column(t, col);
    bool project = k && jx_im_field_info(k->field)->target == IM_T_PROJECT;
    if (noted || (project && c[i].used))
      continue; /* the error note's cell; the project's own statements */
    c[i].used = true;
    if (*text)
      jx_im_note(t->p, &r->notes, hdr(t, c[i].col), text,
                 jx_im_src_cell(t->sheet, &c[i]), JX_DIAG_COUNT, NULL, -1);
  }
}

/* rows layout: the project of this row (a blank project continues). */
static im_project *row_project(rows_state *r) {
  im_table *t = r->t;
  if (t->fixed || t->division)
    return t->fixed;
  im_text name = take(r, IM_F_PROJECT, NULL), code = take(r, IM_F_CODE, NULL);
  im_text ucode = take(r, IM_F_UNIT_CODE, NULL),
          uname = take(r, IM_F_UNIT_NAME, NULL);
  if (!name.text && !code.text && r->project)
    return r->project;
  im_unit *u = t->unit;
  if (ucode.text || uname.text)
    u = jx_im_unit(t->p, ucode.text, uname.text, ucode.src, uname.src);
  if (!u)
    u = jx_im_unit(t->p, NULL, NULL, jx_im_src_none(), jx_im_src_none());
  const char *key = code.text ? code.text : name.text ? name.text : "";
  im_project *p = jx_im_name_get(t->p, 'p', u, key);
  if (p)
    return p;
  p = jx_arena_alloc(&t->p->arena, sizeof *p);
  jx_im_name_put(t->p, 'p', u, key, p);
  p->key = key;
  p->name = name;
  p->code = code;
  jx_im_add_project(t->p, u, p); /* also for a summary sheet to find it */
  return p;
}

/* rows layout: a project column repeated on every row (budget, goal …). */
static void project_field(rows_state *r, im_field f, im_text *slot) {
  im_cell *c;
  im_text v = take(r, f, &c);
  if (!v.text)
    return;
  if (f == IM_F_BUDGET || f == IM_F_FISCAL || f == IM_F_OTHER ||
      f == IM_F_TOTAL) {
    const char *a = jx_im_amount(&r->t->p->arena, v.text);
    if (!a) {
      jx_im_note(r->t->p, &r->notes, jx_im_field_info(f)->label, v.text, v.src,
                 JX_E_IMPORT_CELL, NULL, -1)
          ->reason = IM_R_AMOUNT;
      return;
    }
    v.text = a;
  }
  if (!slot->text) {
    *slot = v;
    return;
  }
  if (strcmp(slot->text, v.text) != 0)
    jx_im_note(r->t->p, &r->notes, jx_im_field_info(f)->label, v.text, v.src,
               JX_W_IMPORT_CONFLICT, slot->text, -1);
}

static void goal_item(void *ud, const char *item) {
  rows_state *r = ud;
  im_goal *g = jx_arena_alloc(&r->t->p->arena, sizeof *g);
  g->text.text = item;
  g->text.src = r->goal_src;
  jx_im_append(r->t->p, &r->project->goals, g);
}

static void project_columns(rows_state *r) {
  im_project *p = r->project;
  project_field(r, IM_F_BUDGET, &p->budget);
  project_field(r, IM_F_FISCAL, &p->fiscal);
  project_field(r, IM_F_OTHER, &p->other);
  project_field(r, IM_F_PURPOSE, &p->purpose);
  /* issue 11: the header fields other regions' exports repeat on every
   * row, and a column of another source of funds (read once) */
  static const im_field header_fields[] = {
      IM_F_PERIOD,   IM_F_CLASS,   IM_F_NATURE,  IM_F_POLICY,
      IM_F_DOCUMENT, IM_F_SUBJECT, IM_F_MANAGER, IM_F_CONTACT};
  for (size_t i = 0; i < sizeof header_fields / sizeof *header_fields; i++)
    project_field(r, header_fields[i], jx_im_header_slot(p, header_fields[i]));
  project_field(r, IM_F_TOTAL, &p->total);
  if (r->t->map.col[IM_F_SOURCE]) {
    im_cell *c;
    im_text v = take(r, IM_F_SOURCE, &c);
    if (v.text && !p->sources)
      jx_im_source(r->t->p, p, hdr(r->t, r->t->map.col[IM_F_SOURCE]), v,
                   &r->notes);
  }
  if (!p->name.text)
    project_field(r, IM_F_PROJECT, &p->name);
  im_text dept = take(r, IM_F_DEPT, NULL);
  if (dept.text)
    jx_im_dept_name(r->t->p, &dept, false, &r->notes);
  im_cell *c;
  im_text goal = take(r, IM_F_GOAL, &c);
  /* repeated on every row of the project: read once */
  if (goal.text && (!p->goal_cell || strcmp(p->goal_cell, goal.text) != 0)) {
    p->goal_cell = goal.text;
    r->goal_src = goal.src;
    jx_im_split_goals(&r->t->p->arena, goal.text, goal_item, r);
  }
}

/* Reads the value cells; false (with an error note) if they cannot be
 * read, in which case the row is kept as comments. */
/* A cell of lines, some after a label ("备注：按学期统计"), as `jxc build -f
 * xlsx` prints the explanation columns under 指标值确定依据 and the
 * period's target under 指标值: the lines before any label into *first,
 * each label's lines into out[i] (NULL when absent).  A line under a label
 * continues it. */
static void split_labelled(jx_arena *a, const char *text,
                           const char *const *labels, size_t n,
                           const char **first, const char **out) {
  jx_strbuf part[8] = {{0}};
  size_t cur = n; /* n: the unlabelled first part */
  bool any = false;
  for (const char *line = text; line;) {
    const char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    size_t skip = 0;
    for (size_t i = 0; i < n; i++) {
      size_t k = strlen(labels[i]);
      if (len > k && strncmp(line, labels[i], k) == 0) {
        if (strncmp(line + k, "：", 3) == 0)
          skip = k + 3;
        else if (line[k] == ':')
          skip = k + 1;
        if (skip) {
          cur = i;
          any = true;
          break;
        }
      }
    }
    if (skip == 0 && part[cur].n)
      jx_sb_puts(&part[cur], "\n");
    jx_sb_add(&part[cur], line + skip, len - skip);
    line = nl ? nl + 1 : NULL;
  }
  if (any) {
    *first = part[n].n ? jx_arena_strndup(a, part[n].p, part[n].n) : NULL;
    for (size_t i = 0; i < n; i++)
      if (part[i].p && !out[i])
        out[i] = jx_arena_strndup(a, part[i].p, part[i].n);
  }
  for (size_t i = 0; i <= n; i++)
    jx_sb_free(&part[i]);
}

static bool read_value(rows_state *r, im_indicator *ind,
                       const char **desc_col) {
  im_cell *vc, *sc, *uc, *dc;
  im_text value = take(r, IM_F_VALUE, &vc);
  r->period_in_value.text = NULL;
  if (value.text && strstr(value.text, "实施期")) {
    static const char *const label[] = {"实施期"};
    const char *period = NULL, *own = value.text;
    split_labelled(&r->t->p->arena, value.text, label, 1, &own, &period);
    if (own && *own) { /* only under a target of its own */
      value.text = own;
      r->period_in_value.text = period;
      r->period_in_value.src = value.src;
    }
  }
  im_text sign = take(r, IM_F_SIGN, &sc);
  im_text unit = take(r, IM_F_UNIT, &uc);
  im_text vdesc = {NULL, jx_im_src_none()};
  if (r->t->map.col[IM_F_VALUE_DESC] && !r->t->map.col[IM_F_CONTENT]) {
    vdesc = take(r, IM_F_VALUE_DESC, &dc);
    *desc_col = "value_desc";
  }
  jx_arena *a = &r->t->p->arena;
  im_plan *p = r->t->p;
  if (vc && vc->kind == IM_ERROR) {
    jx_im_note(p, &r->notes, hdr(r->t, vc->col), value.text, value.src,
               JX_E_IMPORT_CELL, NULL, -1)
        ->reason = IM_R_ERROR_VALUE;
    return false;
  }
  im_read_value rv;
  jx_im_read_value(a, sign.text, value.text, unit.text, &rv);
  if (rv.unreadable) {
    jx_im_note(p, &r->notes, hdr(r->t, sc->col), sign.text, sign.src,
               JX_E_IMPORT_CELL, NULL, -1)
        ->reason = IM_R_SIGN;
    return false;
  }
  if (!value.text && rv.v.kind == IM_V_TEXT) {
    /* 定性 with the target in 指标值说明 */
    if (sign.text && vdesc.text) {
      value = vdesc;
      vdesc.text = NULL;
      rv.v.text = value.text;
    } else {
      im_src at = vc ? value.src : sign.text ? sign.src : ind->name.src;
      jx_im_note(p, &r->notes, "指标值", "", at, JX_E_IMPORT_CELL, NULL, -1)
          ->reason = IM_R_EMPTY_VALUE;
      return false;
    }
  }
  rv.v.src = value.src;
  ind->value = rv.v;
  ind->sign_src = sign.text ? sign.src : jx_im_src_none();
  ind->unit_src = unit.text ? unit.src : jx_im_src_none();
  if (rv.kept_id != JX_DIAG_COUNT)
    jx_im_note(p, &r->notes, vc ? hdr(r->t, vc->col) : NULL, value.text,
               value.src, rv.kept_id, jx_im_value_text(a, &rv.v), -1)
        ->reason = rv.reason;
  if (unit.text && rv.v.kind == IM_V_NUMBER && value.text) {
    /* The unit column is taken only when the value has no unit of its own;
     * a different one is kept. */
    const char *u = jx_im_key(a, unit.text);
    size_t un = strlen(u), vn = strlen(rv.v.text) - rv.v.post_len;
    if (vn < un || memcmp(rv.v.text + vn - un, u, un) != 0)
      jx_im_note(p, &r->notes, hdr(r->t, uc->col), unit.text, unit.src,
                 JX_W_IMPORT_CONFLICT, rv.v.text, -1);
  } else if (unit.text && rv.v.kind != IM_V_NUMBER) {
    /* a unit beside a text, a date or n/a: nowhere to put it */
    uc->used = false;
    keep_cell(r, uc->col, JX_W_IMPORT_KEPT, -1, true);
  }
  if (vdesc.text) {
    ind->desc = vdesc;
  }
  return true;
}

/* The period's target (实施期指标值), read as the value is; a cell that
 * cannot be read stays a comment. */
static void period_value(rows_state *r, im_indicator *ind) {
  im_cell *vc;
  im_text value = take(r, IM_F_PERIOD_VALUE, &vc);
  if ((!value.text || !*value.text) && r->period_in_value.text) {
    value = r->period_in_value; /* under the target, in its cell */
    vc = NULL;
  }
  if (!value.text || !*value.text)
    return;
  im_read_value rv;
  jx_im_read_value(&r->t->p->arena, NULL, value.text, NULL, &rv);
  if (rv.unreadable || rv.kept_id != JX_DIAG_COUNT ||
      (vc && vc->kind == IM_ERROR)) {
    jx_im_note(r->t->p, &r->notes, vc ? hdr(r->t, vc->col) : "实施期",
               value.text, value.src, JX_W_IMPORT_KEPT, NULL, -1);
    return;
  }
  rv.v.src = value.src;
  ind->period = rv.v;
  ind->has_period = true;
}

/* Reads one row into an indicator of its project (or comments). */
static void one_row(rows_state *r) {
  im_table *t = r->t;
  im_plan *p = t->p;
  r->notes = NULL;
  im_project *before = r->project;
  r->project = row_project(r);
  if (r->project != before) /* a new project: its categories start afresh */
    r->l1.text = r->l2.text = NULL;
  if (t->division) {
    r->inds = &t->division->indicators;
    r->tail = &t->division->tail;
  } else {
    r->inds = &r->project->indicators;
    r->tail = &r->project->tail;
  }
  if (!t->fixed && !t->division)
    project_columns(r);
  im_indicator *ind = jx_arena_alloc(&p->arena, sizeof *ind);
  im_text l1 = take(r, IM_F_L1, NULL), l2 = take(r, IM_F_L2, NULL);
  if (l1.text) {
    /* a new level-1 group (not the same merged cell again) */
    if (!r->l1.text || l1.src.row != r->l1.src.row ||
        l1.src.col != r->l1.src.col ||
        l1.src.loc.offset != r->l1.src.loc.offset)
      r->l2.text = NULL;
    r->l1 = l1;
  }
  if (l2.text)
    r->l2 = l2;
  ind->name = take(r, IM_F_L3, NULL);
  bool has_value = cell_of(r, IM_F_VALUE) || cell_of(r, IM_F_SIGN);
  if (!ind->name.text && !has_value && l2.text && !t->division &&
      jx_im_category_word(&p->arena, l2.text) &&
      (!r->l1.text || jx_im_category_word(&p->arena, r->l1.text))) {
    /* a level-2 row the form leaves empty (成本指标 生态环境成本指标 with
     * nothing after it): an empty row of the language (issue 11) */
    ind->empty = true;
    ind->cat_src = l2.src;
    ind->name.src = l2.src;
    ind->l1 = r->l1.text ? jx_im_category_word(&p->arena, r->l1.text) : NULL;
    ind->l2 = jx_im_category_word(&p->arena, l2.text);
    keep_columns(r);
    ind->notes = r->notes;
    jx_im_append(p, r->inds, ind);
    return;
  }
  if (!ind->name.text && !has_value) {
    /* categories alone, or nothing the table knows */
    if (l1.text)
      jx_im_note(p, &r->notes, hdr(t, t->map.col[IM_F_L1]), l1.text, l1.src,
                 JX_DIAG_COUNT, NULL, -1);
    if (l2.text)
      jx_im_note(p, &r->notes, hdr(t, t->map.col[IM_F_L2]), l2.text, l2.src,
                 JX_DIAG_COUNT, NULL, -1);
    keep_columns(r);
    jx_im_append(r->t->p, r->tail, r->notes);
    return;
  }
  jx_arena *a = &p->arena;
  ind->cat_src = r->l2.text ? r->l2.src : r->l1.src;
  ind->l1 = r->l1.text ? jx_im_category_word(a, r->l1.text) : NULL;
  ind->l2 = r->l2.text ? jx_im_category_word(a, r->l2.text) : NULL;
  if ((r->l1.text && !ind->l1) || (r->l2.text && !ind->l2)) {
    bool first = r->l1.text && !ind->l1;
    im_text bad = first ? r->l1 : r->l2;
    jx_im_note(p, &r->notes, hdr(t, t->map.col[first ? IM_F_L1 : IM_F_L2]),
               bad.text, bad.src, JX_E_IMPORT_CELL, NULL, -1)
        ->reason = IM_R_CATEGORY;
    keep_row(r);
    jx_im_append(r->t->p, r->tail, r->notes);
    return;
  }
  if (!ind->l2 && ind->l1) { /* a level-1 alone: the checker says more */
    ind->l2 = ind->l1;
    ind->l1 = NULL;
  }
  if (!ind->l2 && !t->division) { /* a project's indicators have one */
    im_src at = ind->name.text ? ind->name.src : jx_im_src_none();
    jx_im_note(p, &r->notes, NULL, ind->name.text ? ind->name.text : "", at,
               JX_E_IMPORT_CELL, NULL, -1)
        ->reason = IM_R_NO_CATEGORY;
    keep_row(r);
    jx_im_append(r->t->p, r->tail, r->notes);
    return;
  }
  const char *desc_col = NULL;
  if (!read_value(r, ind, &desc_col)) {
    keep_row(r);
    jx_im_append(r->t->p, r->tail, r->notes);
    return;
  }
  if (!ind->desc.text)
    ind->desc = take(r, IM_F_CONTENT, NULL);
  ind->basis = take(r, IM_F_BASIS, NULL);
  /* issue 11: the explanation columns, and the period's target */
  static const im_field expl[IM_X_COUNT] = {[IM_X_STANDARD] = IM_F_STANDARD,
                                            [IM_X_EXPLAIN] = IM_F_EXPLAIN,
                                            [IM_X_NOTE] = IM_F_VALUE_DESC,
                                            [IM_X_REMARK] = IM_F_NOTE,
                                            [IM_X_SCORING] = IM_F_SCORING};
  for (int k = 0; k < IM_X_COUNT; k++)
    if (k != IM_X_NOTE || strcmp(desc_col ? desc_col : "", "value_desc"))
      ind->expl[k] = take(r, expl[k], NULL);
  if (ind->basis.text) {
    /* the explanation columns printed under the basis, each after its
     * label (form.c's basis_cell) */
    static const char *const labels[IM_X_COUNT] = {[IM_X_STANDARD] = "绩效标准",
                                                   [IM_X_EXPLAIN] = "指标解释",
                                                   [IM_X_NOTE] = "指标值说明",
                                                   [IM_X_REMARK] = "备注",
                                                   [IM_X_SCORING] =
                                                       "评（扣）分标准"};
    const char *parts[IM_X_COUNT] = {NULL};
    const char *first = ind->basis.text;
    split_labelled(&p->arena, ind->basis.text, labels, IM_X_COUNT, &first,
                   parts);
    ind->basis.text = first;
    for (int k = 0; k < IM_X_COUNT; k++)
      if (parts[k] && !ind->expl[k].text) {
        ind->expl[k].text = parts[k];
        ind->expl[k].src = ind->basis.src;
      }
  }
  period_value(r, ind);
  if (!ind->name.text)
    ind->name.text = "";
  keep_columns(r);
  ind->notes = r->notes;
  jx_im_append(r->t->p, r->inds, ind);
}

/* A header jxc does not know whose column held nothing: the header itself
 * is kept (a column with values is named in their comments). */
void jx_im_keep_headers(im_table *t) {
  for (size_t i = 0; i < t->ncols; i++) {
    struct im_column *k = &t->cols[i];
    if (k->field != IM_F_NONE || k->group >= 0 || !k->hdr || !*k->hdr)
      continue;
    im_cell *c = jx_im_at(&t->b->sheets[t->sheet], t->header_row, k->col);
    jx_im_note(t->p, &t->p->tail, NULL, k->hdr, jx_im_src_cell(t->sheet, c),
               JX_W_IMPORT_STRAY, NULL, -1);
  }
}

/* Does the row repeat the table's header (the next form's table)?  Only
 * with the same columns: an indicator named 一级指标 with the description
 * 二级指标 is a row of this table. */
static bool same_header(const im_table *t, uint32_t row) {
  if (!jx_im_is_header_row(t->b, t->sheet, row))
    return false;
  size_t n;
  im_cell *c = jx_im_row(&t->b->sheets[t->sheet], row, &n);
  for (size_t i = 0; i < n; i++) {
    im_field f = c[i].kind == IM_TEXT ? jx_im_field_of(c[i].text) : IM_F_NONE;
    if ((f == IM_F_L1 || f == IM_F_L2 || f == IM_F_L3 || f == IM_F_VALUE) &&
        t->map.col[f] != c[i].col)
      return false;
  }
  return true;
}

uint32_t jx_im_table_rows(im_table *t, uint32_t first_row) {
  const im_sheet *s = &t->b->sheets[t->sheet];
  rows_state r;
  memset(&r, 0, sizeof r);
  r.t = t;
  uint32_t row = first_row;
  for (; row <= s->rows; row++) {
    size_t n;
    jx_im_row(s, row, &n);
    if (n == 0)
      continue; /* a spacer */
    if (t->stop && (t->stop(t, row) || same_header(t, row)))
      break;
    r.row = row;
    one_row(&r);
  }
  jx_im_keep_headers(t);
  return row;
}

int jx_im_layout_rows(im_plan *p, im_book *b, uint32_t sheet, const im_map *m) {
  const im_sheet *s = &b->sheets[sheet];
  uint32_t header = m && m->header_row ? m->header_row : 0;
  for (uint32_t row = 1; !header && row <= s->rows && row <= 50; row++)
    if (jx_im_is_header_row(b, sheet, row))
      header = row;
  if (!header || header > s->rows)
    return 0;
  im_table t;
  memset(&t, 0, sizeof t);
  t.p = p;
  t.b = b;
  t.sheet = sheet;
  if (jx_im_header_row(&t, header, m ? &m->cols : NULL) == 0)
    return 0;
  if (!t.map.col[IM_F_PROJECT] && !t.map.col[IM_F_CODE])
    return 0; /* an indicator block without its project: a form's */
  /* Rows above the header: a title (the year), 单位：万元 …; the rest is
   * kept as comments. */
  for (uint32_t row = 1; row < header; row++) {
    size_t n;
    im_cell *c = jx_im_row(s, row, &n);
    for (size_t i = 0; i < n; i++)
      jx_im_plan_cell(p, sheet, &c[i]);
    if (n == 1 && !c[0].used) { /* a title on a row of its own */
      c[0].used = true;
      jx_im_heading(p, &p->notes, c[0].text, jx_im_src_cell(sheet, &c[0]));
    }
    jx_im_keep_rest(p, b, sheet, row, &p->notes);
  }
  jx_im_table_rows(&t, header + 1);
  return 1;
}
