/*
 * actuals_csv.c — the CSV form of actuals: a header row, then a row per
 * actual (docs/eval.md):
 *
 *   project,indicator,actual,weight,score,reason
 *   130304215088YYECLPBDL,保障劳务派遣人员数量,22人,,,
 *   劳务派遣人员经费,执行数,88.2,,,
 *
 * The table is read by the importer's CSV reader (compiler/import/csv.c,
 * libcsv): quoting, doubled quotes, line breaks in quotes, the delimiter
 * (comma, tab or semicolon) and the encodings are its business.  Columns
 * are found by their headers, in English or Chinese (项目, 指标, 实际完成值,
 * 分值, 得分, 偏差原因 …), in any order; the reserved indicator names
 * 执行数 (spent) and 全年预算数 (budget_full) carry the money.
 *
 * libcsv gives values, not places, so the place of each cell is found
 * here by walking the text with RFC 4180's rules (a quote opens a field
 * only at its start, a doubled quote is one quote, a line break ends a
 * row outside quotes, a CRLF once): that is where diagnostics point.
 */
#include "eval.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

/* ---- Columns ---------------------------------------------------------------
 */

typedef enum column {
  C_PROJECT,
  C_INDICATOR,
  C_ACTUAL,
  C_UNIT,
  C_WEIGHT,
  C_SCORE,
  C_RATING,
  C_REASON,
  C_MEASURE,
  C_LIKELIHOOD,
  C_COUNT,
  C_KNOWN /* a column of the printed forms jxc has no use for */
} column;

/* Header spellings, compared after NFKC without spaces, lower-cased, and
 * without a parenthesised suffix such as （万元）. */
static const struct {
  column c;
  const char *names[8];
} headers[] = {
    {C_PROJECT, {"project", "项目", "项目名称", "项目编码", "code"}},
    {C_INDICATOR, {"indicator", "指标", "三级指标", "指标名称", "绩效指标"}},
    {C_ACTUAL,
     {"actual", "实际完成值", "实际值", "全年实际完成值", "当前完成值",
      "完成值"}},
    {C_UNIT, {"unit", "计量单位", "度量单位"}},
    {C_WEIGHT, {"weight", "分值", "权重"}},
    {C_SCORE, {"score", "得分"}},
    {C_RATING, {"rating", "评价", "达成情况", "完成情况"}},
    {C_REASON,
     {"reason", "偏差原因", "偏差原因分析", "偏差原因分析及改进措施", "原因"}},
    {C_MEASURE, {"measure", "改进措施", "措施"}},
    {C_LIKELIHOOD, {"likelihood", "完成可能性"}},
    {C_KNOWN,
     {"target", "年度指标值", "指标值", "一级指标", "二级指标", "序号", "备注",
      "note"}},
};

static const char *const spent_names[] = {
    "执行数", "spent", "全年执行数", "累计支出", "累计执行数", NULL};
static const char *const budget_names[] = {"全年预算数", "budget_full",
                                           "调整后预算数", "全年预算", NULL};

static char *key(jx_arena *a, const char *s) {
  char *k = jx_table_key(a, s);
  for (char *p = k; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  size_t n = strlen(k);
  if (n > 2 && k[n - 1] == ')') {
    char *open = strrchr(k, '(');
    if (open && open > k)
      *open = '\0';
  }
  return k;
}

static bool named(const char *const *list, const char *k) {
  for (; *list; list++)
    if (strcmp(k, *list) == 0)
      return true;
  return false;
}

static int column_of(jx_arena *a, const char *header) {
  const char *k = key(a, header);
  for (size_t i = 0; i < sizeof headers / sizeof *headers; i++)
    for (size_t j = 0; j < 8 && headers[i].names[j]; j++)
      if (strcmp(k, headers[i].names[j]) == 0)
        return (int)headers[i].c;
  return -1;
}

/* ---- Places of cells
 * --------------------------------------------------------- */

typedef struct locator {
  const char *t;
  size_t n;
  char delim;
  uint32_t file;
  size_t *row_at;     /* byte offset where row r (1-based) starts */
  uint32_t *row_line; /* the line that offset is on */
  size_t *row_bol;    /* and where that line begins */
  uint32_t rows;
} locator;

/* Where each row starts, counting rows as csv.c does: every CR or LF
 * outside quotes ends one, except the LF of a CRLF. */
static void index_rows(locator *L) {
  size_t cap = 64;
  L->row_at = jx_xmalloc(cap * sizeof *L->row_at);
  L->row_line = jx_xmalloc(cap * sizeof *L->row_line);
  L->row_bol = jx_xmalloc(cap * sizeof *L->row_bol);
  L->row_at[0] = L->row_at[1] = 0;
  L->row_line[0] = L->row_line[1] = 1;
  L->row_bol[0] = L->row_bol[1] = 0;
  L->rows = 1;
  enum { START, PLAIN, QUOTED, CLOSED } st = START;
  char last = 0;
  uint32_t line = 1; /* of byte i + 1 */
  size_t bol = 0;    /* where that line begins */
  for (size_t i = 0; i < L->n; i++) {
    char c = L->t[i];
    if (c == '\n') {
      line++;
      bol = i + 1;
    }
    if (st == QUOTED) {
      if (c == '"')
        st = CLOSED;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\n' && last == '\r' && L->row_at[L->rows] == i) {
        L->row_at[L->rows] = i + 1; /* the LF of a CRLF */
        L->row_line[L->rows] = line;
        L->row_bol[L->rows] = bol;
      } else {
        if (L->rows + 2 > cap) {
          cap *= 2;
          L->row_at = jx_xrealloc(L->row_at, cap * sizeof *L->row_at);
          L->row_line = jx_xrealloc(L->row_line, cap * sizeof *L->row_line);
          L->row_bol = jx_xrealloc(L->row_bol, cap * sizeof *L->row_bol);
        }
        L->row_at[++L->rows] = i + 1;
        L->row_line[L->rows] = line;
        L->row_bol[L->rows] = bol;
      }
      last = c;
      st = START;
      continue;
    }
    if (c == '"' && (st == START || st == CLOSED))
      st = QUOTED; /* opening, or the second of a doubled quote */
    else if (c == L->delim)
      st = START;
    else if (st == START && c != ' ')
      st = PLAIN;
  }
}

/* The place of cell (row, col), both 1-based: its first byte and, on its
 * first line, its length.  Line and column are counted from the text. */
static jx_loc cell_loc(const locator *L, uint32_t row, uint32_t col) {
  jx_loc loc = {0};
  if (row < 1 || row > L->rows)
    return loc;
  size_t i = L->row_at[row];
  uint32_t field = 1;
  enum { START, PLAIN, QUOTED, CLOSED } st = START;
  size_t start = i;
  for (; i < L->n && field < col; i++) {
    char c = L->t[i];
    if (st == QUOTED) {
      st = c == '"' ? CLOSED : QUOTED;
      continue;
    }
    if (c == '\r' || c == '\n')
      break;
    if (c == L->delim) {
      field++;
      st = START;
      start = i + 1;
    } else if (c == '"' && (st == START || st == CLOSED)) {
      st = QUOTED;
    } else if (st == START && c != ' ') {
      st = PLAIN;
    }
  }
  if (field < col)
    start = i; /* past the row's last field: its end */
  size_t end = start;
  bool quoted = false;
  while (end < L->n && L->t[end] != '\n' && L->t[end] != '\r' &&
         (quoted || L->t[end] != L->delim)) {
    if (L->t[end] == '"')
      quoted = !quoted;
    end++;
  }
  /* The line: the row's, and the line breaks of quoted fields since. */
  size_t line_start = L->row_bol[row];
  uint32_t line = L->row_line[row];
  for (size_t k = L->row_at[row]; k < start; k++)
    if (L->t[k] == '\n') {
      line++;
      line_start = k + 1;
    }
  loc.offset = start;
  loc.line = line;
  loc.col = (uint32_t)(start - line_start + 1);
  loc.len = (uint32_t)(end - start);
  loc.file = L->file;
  return loc;
}

/* ---- Rows into entries
 * --------------------------------------------------------- */

typedef struct reader {
  jx_actuals *a;
  jx_diag *d;
  locator L;
  const jx_table *s;
  uint32_t col[C_COUNT]; /* 0: absent */
} reader;

/* The cell's text, cleaned; NULL when empty or absent. */
static const char *cell(reader *r, uint32_t row, column c) {
  if (!r->col[c])
    return NULL;
  const char *x = jx_table_at(r->s, row, r->col[c]);
  if (!x)
    return NULL;
  char *t = jx_table_clean(&r->a->arena, x, strlen(x));
  return *t ? t : NULL;
}

static jx_loc at(reader *r, uint32_t row, column c) {
  return cell_loc(&r->L, row, r->col[c] ? r->col[c] : 1);
}

/* A weight or a score: a plain number (分 allowed). */
static bool number_cell(reader *r, uint32_t row, column c, jx_decimal *out,
                        jx_loc *loc) {
  const char *t = cell(r, row, c);
  if (!t)
    return false;
  *loc = at(r, row, c);
  jx_av v;
  jx_av_read(&r->a->arena, t, *loc, &v);
  if (v.kind == JX_AV_NUMBER && (!v.unit || strcmp(v.unit, "分") == 0)) {
    *out = v.number;
    return true;
  }
  jx_diag_report(r->d, JX_E_ACTUAL_NUMBER, *loc, t);
  return false;
}

/* 偏差原因: "经费保障", "经费保障：text", or a text. */
static void reason_cell(reader *r, uint32_t row, jx_entry *e) {
  const char *t = cell(r, row, C_REASON);
  if (!t)
    return;
  e->reason_loc = at(r, row, C_REASON);
  const char *colon = strstr(t, "：");
  size_t skip = 3;
  if (!colon) {
    colon = strchr(t, ':');
    skip = 1;
  }
  if (colon) {
    char *head = jx_arena_strndup(&r->a->arena, t, (size_t)(colon - t));
    jx_reason k = jx_reason_lookup(head);
    if (k) {
      e->reason = k;
      const char *rest = colon + skip;
      while (*rest == ' ')
        rest++;
      e->reason_text = *rest ? rest : NULL;
      return;
    }
  }
  e->reason = jx_reason_lookup(t);
  if (!e->reason)
    e->reason_text = t;
}

static void read_row(reader *r, uint32_t row) {
  const char *project = cell(r, row, C_PROJECT);
  const char *indicator = cell(r, row, C_INDICATOR);
  jx_actuals *a = r->a;
  if (!project && !indicator && !cell(r, row, C_ACTUAL))
    return; /* a spacer row */
  jx_loc row_loc = cell_loc(&r->L, row, 1);
  if (!project || !indicator) {
    jx_diag_report(r->d, JX_E_ACTUAL_ROW,
                   at(r, row, project ? C_INDICATOR : C_PROJECT),
                   project ? JX_M_EV_COL_INDICATOR : JX_M_EV_COL_PROJECT);
    return;
  }
  jx_entry *e = jx_actuals_add(a);
  e->loc = row_loc;
  e->project = project;
  e->project_loc = at(r, row, C_PROJECT);
  e->indicator_loc = at(r, row, C_INDICATOR);
  const char *k = key(&a->arena, indicator);
  if (named(spent_names, k))
    e->kind = JX_ENTRY_SPENT;
  else if (named(budget_names, k))
    e->kind = JX_ENTRY_BUDGET_FULL;
  else
    e->indicator = indicator;
  jx_av_read(&a->arena, cell(r, row, C_ACTUAL), at(r, row, C_ACTUAL),
             &e->value);
  const char *unit = cell(r, row, C_UNIT);
  if (unit && e->value.kind == JX_AV_NUMBER && !e->value.unit) {
    /* 计量单位 in a column of its own: the value is the number with it */
    size_t n = strlen(e->value.text), u = strlen(unit);
    char *t = jx_arena_alloc(&a->arena, n + u + 1);
    memcpy(t, e->value.text, n);
    memcpy(t + n, unit, u + 1);
    e->value.text = t;
    e->value.unit = unit;
    e->value.unit_info = jx_unit_lookup(unit, u);
  }
  e->has_weight = number_cell(r, row, C_WEIGHT, &e->weight, &e->weight_loc);
  e->has_score = number_cell(r, row, C_SCORE, &e->score, &e->score_loc);
  const char *t = cell(r, row, C_RATING);
  if (t) {
    e->rating_loc = at(r, row, C_RATING);
    if (!(e->rating = jx_rating_lookup(t))) {
      jx_strbuf w[JX_LANG_COUNT];
      const char *wt[JX_LANG_COUNT];
      memset(w, 0, sizeof w);
      for (int l = 0; l < JX_LANG_COUNT; l++) {
        jx_rating_words(&w[l], (jx_lang)l);
        wt[l] = w[l].p;
      }
      jx_diag_report(r->d, JX_E_ACTUAL_WORD, e->rating_loc, t, wt);
      for (int l = 0; l < JX_LANG_COUNT; l++)
        jx_sb_free(&w[l]);
    }
  }
  reason_cell(r, row, e);
  e->measure = cell(r, row, C_MEASURE);
  t = cell(r, row, C_LIKELIHOOD);
  if (t) {
    e->likelihood_loc = at(r, row, C_LIKELIHOOD);
    if (!(e->likelihood = jx_likelihood_lookup(t))) {
      jx_strbuf w[JX_LANG_COUNT];
      const char *wt[JX_LANG_COUNT];
      memset(w, 0, sizeof w);
      for (int l = 0; l < JX_LANG_COUNT; l++) {
        jx_likelihood_words(&w[l], (jx_lang)l);
        wt[l] = w[l].p;
      }
      jx_diag_report(r->d, JX_E_ACTUAL_WORD, e->likelihood_loc, t, wt);
      for (int l = 0; l < JX_LANG_COUNT; l++)
        jx_sb_free(&w[l]);
    }
  }
}

/* The header row: the first row with a cell.  Returns it, or 0 when it
 * does not name the three columns an actuals table needs. */
static uint32_t header(reader *r, bool report) {
  const jx_table *s = r->s;
  uint32_t row = 0, rows = jx_table_rows(s);
  const jx_table_cell *cells;
  for (uint32_t k = 1; k <= rows && !row; k++)
    if (jx_table_row(s, k, &cells))
      row = k;
  if (!row)
    return 0;
  size_t nc = jx_table_row(s, row, &cells);
  memset(r->col, 0, sizeof r->col);
  for (size_t i = 0; i < nc; i++) {
    int c = column_of(&r->a->arena, cells[i].text);
    if (c >= 0 && c < C_COUNT && !r->col[c])
      r->col[c] = cells[i].col;
    else if (c < 0 && report)
      jx_diag_report(r->d, JX_W_ACTUALS_COLUMN,
                     cell_loc(&r->L, row, cells[i].col), cells[i].text);
  }
  if (!r->col[C_PROJECT] || !r->col[C_INDICATOR] || !r->col[C_ACTUAL])
    return 0;
  return row;
}

int jx_actuals_read_csv(jx_actuals *a, const char *path, uint32_t file,
                        const char *text, size_t n, jx_diag *d) {
  if (!jx_table_looks_delimited(text, n))
    return -1;
  jx_table *tab = jx_table_read_csv(path, text, n);
  if (!tab)
    return -1;
  reader r;
  memset(&r, 0, sizeof r);
  r.a = a;
  r.d = d;
  r.s = tab;
  r.L.t = text;
  r.L.n = n;
  r.L.delim = (char)jx_table_delim(text, n);
  r.L.file = file;
  index_rows(&r.L);
  int rc = -1;
  uint32_t head = header(&r, false);
  if (head) {
    header(&r, true); /* again, to report the columns it does not know */
    int errors = jx_diag_errors(d);
    for (uint32_t row = head + 1;
         row <= jx_table_rows(tab) && !jx_diag_too_many(d); row++)
      read_row(&r, row);
    rc = jx_diag_errors(d) > errors;
  }
  free(r.L.row_at);
  free(r.L.row_line);
  free(r.L.row_bol);
  jx_table_free(tab);
  return rc;
}
