/*
 * columns.c — the column table (what each column of an indicator table
 * holds and which statement it becomes), and the map file that says the
 * same for a layout the table does not recognise.
 *
 * Headers are matched on jx_im_key (NFKC, no whitespace), after removing
 * a leading * (the "required" mark of import templates), a trailing colon
 * and a parenthesised suffix: "预算数（万元）", "*项目名称", "指标值 " all
 * match.  The spellings are those of the budget systems' exports and the
 * official forms (shared/design/domain-rules-2.md).
 *
 * The `target` column is the one place that decides what becomes of a
 * field: a field the language cannot hold yet (权重, 上年指标值) is
 * IM_T_COMMENT — written as a comment beside its indicator, with a
 * warning.  When the language grows the field, its row here changes and
 * the writer emits the statement instead (issue 11 did so for 评分标准,
 * 备注, 指标值说明, 绩效标准, 指标解释, the period's target, the other
 * sources of funds and the header fields of other regions' forms).
 */
#include "import_impl.h"

#ifndef JX_NO_INIH
#include <ini.h>
#endif

#include "framework.h"
#include "units.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(...)                                                                 \
  (const char *const[]) {                                                      \
    __VA_ARGS__, NULL                                                          \
  }

static const im_field_info fields[IM_F_COUNT] = {
    [IM_F_NONE] = {IM_F_NONE, "none", "", N("\x01"), IM_T_IGNORE},
    [IM_F_DEPT] = {IM_F_DEPT, "department", "部门名称",
                   N("主管部门", "部门名称", "主管部门名称"), IM_T_PROJECT},
    [IM_F_UNIT_CODE] = {IM_F_UNIT_CODE, "unit_code", "单位编码",
                        N("单位编码", "单位代码", "预算单位编码",
                          "预算单位代码"),
                        IM_T_PROJECT},
    [IM_F_UNIT_NAME] = {IM_F_UNIT_NAME, "unit_name", "单位名称",
                        N("单位名称", "预算单位", "预算单位名称", "实施单位"),
                        IM_T_PROJECT},
    [IM_F_PROJECT] = {IM_F_PROJECT, "project", "项目名称", N("项目名称"),
                      IM_T_PROJECT},
    [IM_F_CODE] = {IM_F_CODE, "code", "项目编码", N("项目编码", "项目代码"),
                   IM_T_PROJECT},
    [IM_F_BUDGET] = {IM_F_BUDGET, "budget", "预算数",
                     N("预算数", "预算金额", "年度资金总额", "资金总额",
                       "项目金额", "预算总额", "年度预算数"),
                     IM_T_PROJECT},
    [IM_F_FISCAL] = {IM_F_FISCAL, "fiscal", "财政资金",
                     N("财政资金", "财政拨款", "其中:财政资金",
                       "其中:财政拨款"),
                     IM_T_PROJECT},
    [IM_F_OTHER] = {IM_F_OTHER, "other", "其他资金", N("其他资金", "其它资金"),
                    IM_T_PROJECT},
    /* Another source of funds: a word of the table of sources when it is
     * one (forms.c), else kept as a comment. */
    [IM_F_SOURCE] = {IM_F_SOURCE, "source", "资金来源",
                     N("政府性基金", "政府性基金预算", "国有资本经营预算",
                       "财政专户管理资金", "财政专户资金", "单位资金",
                       "单位自有资金", "自有资金", "上级补助", "上级补助资金",
                       "事业收入", "其中:政府性基金", "其中:单位资金",
                       "上级资金", "本级资金", "本级", "中央资金", "省级资金",
                       "市级资金", "区级资金", "县级资金"),
                     IM_T_PROJECT},
    [IM_F_PURPOSE] = {IM_F_PURPOSE, "purpose", "资金用途",
                      N("资金用途", "用途"), IM_T_PROJECT},
    [IM_F_GOAL] = {IM_F_GOAL, "goal", "绩效目标",
                   N("绩效目标", "年度绩效目标", "年度目标", "总体目标",
                     "年度总体目标", "项目绩效目标"),
                   IM_T_PROJECT},
    [IM_F_L1] = {IM_F_L1, "level1", "一级指标", N("一级指标"), IM_T_INDICATOR},
    [IM_F_L2] = {IM_F_L2, "level2", "二级指标", N("二级指标"), IM_T_INDICATOR},
    [IM_F_L3] = {IM_F_L3, "level3", "三级指标", N("三级指标", "指标名称"),
                 IM_T_INDICATOR},
    [IM_F_CONTENT] = {IM_F_CONTENT, "content", "指标内容",
                      N("指标内容", "绩效指标描述", "指标描述"), IM_T_DESC},
    [IM_F_SIGN] = {IM_F_SIGN, "sign", "计算符号",
                   N("计算符号", "指标性质", "符号"), IM_T_INDICATOR},
    [IM_F_VALUE] = {IM_F_VALUE, "value", "指标值",
                    N("指标值", "目标值", "年度指标值", "指标目标值"),
                    IM_T_INDICATOR},
    [IM_F_UNIT] = {IM_F_UNIT, "unit", "度量单位", N("度量单位", "计量单位"),
                   IM_T_INDICATOR},
    /* The desc when there is no 指标内容 column (layout_rows.c). */
    [IM_F_VALUE_DESC] = {IM_F_VALUE_DESC, "value_desc", "指标值说明",
                         N("指标值说明"), IM_T_EXPL},
    [IM_F_BASIS] = {IM_F_BASIS, "basis", "指标值确定依据",
                    N("指标值确定依据", "确定依据", "依据"), IM_T_BASIS},
    [IM_F_SCORING] = {IM_F_SCORING, "scoring", "评（扣）分标准",
                      N("评(扣)分标准", "评分标准", "评扣分标准", "扣分标准"),
                      IM_T_EXPL},
    [IM_F_WEIGHT] = {IM_F_WEIGHT, "weight", "权重",
                     N("权重", "分值", "权重(分值)"), IM_T_COMMENT},
    [IM_F_NOTE] = {IM_F_NOTE, "note", "备注", N("备注"), IM_T_EXPL},
    [IM_F_PREV] = {IM_F_PREV, "previous", "上年指标值",
                   N("上年指标值", "上年实际值", "上年完成值"), IM_T_COMMENT},
    [IM_F_SEQ] = {IM_F_SEQ, "seq", "序号", N("序号"), IM_T_IGNORE},
    /* issue 11 */
    [IM_F_STANDARD] = {IM_F_STANDARD, "standard", "绩效标准",
                       N("绩效标准", "评价标准"), IM_T_EXPL},
    [IM_F_EXPLAIN] = {IM_F_EXPLAIN, "explanation", "指标解释",
                      N("指标解释", "指标说明"), IM_T_EXPL},
    [IM_F_PERIOD_VALUE] = {IM_F_PERIOD_VALUE, "period_value", "实施期指标值",
                           N("实施期指标值", "中长期指标值", "长期指标值",
                             "实施周期指标值", "总体指标值", "实施期目标值"),
                           IM_T_INDICATOR},
    [IM_F_TOTAL] = {IM_F_TOTAL, "total", "项目总预算",
                    N("项目总预算", "总预算", "中期资金总额", "项目资金总额",
                      "项目总金额"),
                    IM_T_PROJECT},
    [IM_F_PERIOD] = {IM_F_PERIOD, "period", "实施期",
                     N("实施期", "项目实施期", "实施期限", "项目期", "项目周期",
                       "实施周期"),
                     IM_T_PROJECT},
    [IM_F_OVERALL] = {IM_F_OVERALL, "overall", "实施期目标",
                      N("实施期目标", "中长期目标", "长期目标",
                        "实施期绩效目标", "项目总体目标", "总体绩效目标"),
                      IM_T_PROJECT},
    [IM_F_CLASS] = {IM_F_CLASS, "class", "项目分类",
                    N("项目分类", "项目类别", "项目类型"), IM_T_PROJECT},
    [IM_F_NATURE] = {IM_F_NATURE, "nature", "项目属性",
                     N("项目属性", "项目性质"), IM_T_PROJECT},
    [IM_F_POLICY] = {IM_F_POLICY, "policy", "立项依据",
                     N("立项依据", "政策依据", "项目立项依据", "设立依据"),
                     IM_T_PROJECT},
    [IM_F_DOCUMENT] = {IM_F_DOCUMENT, "document", "资金文号",
                       N("资金文号", "指标文号"), IM_T_PROJECT},
    [IM_F_SUBJECT] = {IM_F_SUBJECT, "subject", "科目代码",
                      N("科目代码", "财政资金科目代码", "功能科目",
                        "支出功能科目", "科目编码", "功能科目编码"),
                      IM_T_PROJECT},
    [IM_F_MANAGER] = {IM_F_MANAGER, "manager", "项目负责人",
                      N("项目负责人", "负责人"), IM_T_PROJECT},
    [IM_F_CONTACT] = {IM_F_CONTACT, "contact", "联系人",
                      N("联系人", "联系电话", "联系方式"), IM_T_PROJECT},
};

const im_field_info *jx_im_field_info(im_field f) {
  return (unsigned)f < IM_F_COUNT ? &fields[f] : &fields[IM_F_NONE];
}

/* The header's key without the decorations the header comment lists. */
static char *bare_key(jx_arena *a, const char *header) {
  char *k = jx_im_key(a, header);
  char *s = k;
  while (*s == '*')
    s++;
  size_t n = strlen(s);
  while (n > 0 && s[n - 1] == ':')
    s[--n] = '\0';
  if (n > 0 && s[n - 1] == ')') {
    char *open = strrchr(s, '(');
    if (open && open > s)
      *open = '\0';
  }
  return s;
}

im_field jx_im_field_of(const char *header) {
  jx_arena a;
  jx_arena_init(&a);
  const char *k = bare_key(&a, header);
  im_field found = IM_F_NONE;
  /* The spellings are written in key form already (NFKC: ASCII colon and
   * parentheses), so only the header is normalised. */
  for (int f = 1; f < IM_F_COUNT && found == IM_F_NONE; f++)
    for (const char *const *n = fields[f].names; *n; n++)
      if (strcmp(k, *n) == 0) {
        found = (im_field)f;
        break;
      }
  jx_arena_free(&a);
  return found;
}

im_field jx_im_field_by_name(const char *name) {
  for (int f = 1; f < IM_F_COUNT; f++)
    if (strcmp(name, fields[f].id) == 0)
      return (im_field)f;
  return jx_im_field_of(name);
}

/* ---- the map file ----------------------------------------------------------
 */

#ifndef JX_NO_INIH /* a build without libinih has no --map (cmd_import.c) */

/* What went wrong on a line, reported once the parse is over (inih calls
 * the handler without the line number; the reader below counts them). */
typedef struct map_error {
  uint32_t line;
  jx_diag_id id;
  char part; /* what to point at: 'k' key, 'v' value, 's' section */
  const char *arg;
  jx_msg takes; /* JX_E_IMPORT_MAP_VALUE: what the key takes */
  const char *value;
} map_error;

typedef struct map_ctx {
  im_map *m;
  jx_arena *a;
  const char *text; /* the file, read whole */
  size_t n, at;     /* its size; where the reader is */
  uint32_t line;    /* the line the reader gave last */
  map_error *errs;
  size_t n_errs, cap_errs;
} map_ctx;

/* inih's reader: one line at a time (like fgets), counting them. */
static char *map_read(char *str, int num, void *ud) {
  map_ctx *c = ud;
  if (c->at >= c->n || num < 2)
    return NULL;
  size_t k = 0, max = (size_t)num - 1;
  while (c->at < c->n && k < max) {
    char ch = c->text[c->at++];
    str[k++] = ch == '\0' ? ' ' : ch; /* a NUL would end the line early */
    if (ch == '\n')
      break;
  }
  str[k] = '\0';
  c->line++;
  return str;
}

static int map_fail(map_ctx *c, jx_diag_id id, char part, const char *arg,
                    jx_msg takes, const char *value) {
  if (c->n_errs == c->cap_errs) {
    c->cap_errs = c->cap_errs ? 2 * c->cap_errs : 8;
    c->errs = jx_xrealloc(c->errs, c->cap_errs * sizeof *c->errs);
  }
  map_error e = {c->line, id, part, arg, takes, value};
  c->errs[c->n_errs++] = e;
  return 0;
}

static const char *unquote(map_ctx *c, const char *v) {
  size_t n = strlen(v);
  if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
    return jx_arena_strndup(c->a, v + 1, n - 2);
  return jx_arena_strdup(c->a, v);
}

static int positive(const char *v, long max, long *out) {
  char *end;
  long n = strtol(v, &end, 10);
  if (*v == '\0' || *end != '\0' || n < 1 || n > max)
    return 0;
  *out = n;
  return 1;
}

static int on_entry(void *ud, const char *section, const char *key,
                    const char *value) {
  map_ctx *c = ud;
  im_map *m = c->m;
  const char *v = unquote(c, value);
  const char *k = jx_arena_strdup(c->a, key);
  long n;
#define BAD(takes) map_fail(c, JX_E_IMPORT_MAP_VALUE, 'v', k, (takes), v)
  if (strcmp(section, "import") == 0) {
    if (strcmp(key, "profile") == 0) {
      if (strcmp(v, "rows") != 0 && strcmp(v, "form") != 0 &&
          strcmp(v, "text") != 0)
        return BAD(JX_M_MAP_PROFILE);
      m->profile = v;
    } else if (strcmp(key, "sheet") == 0) {
      if (!*v)
        return BAD(JX_M_MAP_SHEET);
      m->sheet = v;
    } else if (strcmp(key, "header_row") == 0) {
      if (!positive(v, JX_IM_MAX_ROWS, &n))
        return BAD(JX_M_MAP_ROW);
      m->header_row = (uint32_t)n;
    } else if (strcmp(key, "year") == 0) {
      if (!positive(v, 9999, &n) || n < 1000)
        return BAD(JX_M_MAP_YEAR);
      m->year = (int)n;
    } else if (strcmp(key, "currency") == 0) {
      if (!jx_currency_lookup(v))
        return BAD(JX_M_MAP_CURRENCY);
      m->currency = jx_currency_lookup(v)->norm;
    } else if (strcmp(key, "framework") == 0) {
      const jx_framework *fw = jx_framework_builtin(v);
      if (!fw)
        return BAD(JX_M_MAP_FRAMEWORK);
      m->framework = fw->name;
    } else {
      return map_fail(c, JX_E_IMPORT_MAP_KEY, 'k', k, JX_M_NONE, NULL);
    }
    return 1;
  }
  if (strcmp(section, "columns") == 0) {
    im_field f = jx_im_field_by_name(key);
    if (f == IM_F_NONE)
      return map_fail(c, JX_E_IMPORT_MAP_COLUMN, 'k', k, JX_M_NONE, NULL);
    if (!*v)
      return BAD(JX_M_MAP_COLUMN);
    uint32_t col = jx_im_col_from_name(v);
    if (col)
      m->cols.col[f] = col;
    else
      m->cols.header_text[f] = v;
    return 1;
  }
#undef BAD
  return map_fail(c, JX_E_IMPORT_MAP_SECTION, 's',
                  jx_arena_strdup(c->a, section), JX_M_NONE, NULL);
}

/* The place on `line` of the part an error is about: the key, the value
 * (without an inline comment), the section header above it (inih names
 * a section only at its first key), or the whole line. */
static jx_loc map_place(const map_ctx *c, uint32_t file, uint32_t line,
                        char part) {
  jx_loc l = {0};
  size_t at = 0;
  for (uint32_t k = 1; k < line && at < c->n; at++)
    if (c->text[at] == '\n')
      k++;
  if (part == 's') { /* back to the [section] line */
    size_t p = at;
    uint32_t ln = line;
    for (;;) {
      size_t q = p;
      while (q < c->n && (c->text[q] == ' ' || c->text[q] == '\t'))
        q++;
      if ((q < c->n && c->text[q] == '[') || p == 0)
        break;
      p--; /* the previous line's newline, then its start */
      while (p > 0 && c->text[p - 1] != '\n')
        p--;
      ln--;
    }
    at = p;
    line = ln;
  }
  size_t end = at;
  while (end < c->n && c->text[end] != '\n' && c->text[end] != '\r')
    end++;
  size_t b = at;
  while (b < end && (c->text[b] == ' ' || c->text[b] == '\t'))
    b++;
  size_t e = end;
  if (part == 'k' || part == 'v') {
    size_t eq = b;
    while (eq < end && c->text[eq] != '=' && c->text[eq] != ':')
      eq++;
    if (part == 'k') {
      e = eq;
    } else if (eq < end) {
      b = eq + 1;
      while (b < end && (c->text[b] == ' ' || c->text[b] == '\t'))
        b++;
      for (size_t i = b; i < end; i++)
        if (c->text[i] == ';' && i > b &&
            (c->text[i - 1] == ' ' || c->text[i - 1] == '\t')) {
          e = i;
          break;
        }
    }
  }
  while (e > b && (c->text[e - 1] == ' ' || c->text[e - 1] == '\t'))
    e--;
  l.file = file;
  l.line = line;
  l.col = (uint32_t)(b - at) + 1;
  l.offset = b;
  l.len = (uint32_t)(e > b ? e - b : 1);
  return l;
}

int jx_im_map_parse(im_map *m, const char *name, const char *text, size_t n,
                    jx_diag *d, jx_arena *a) {
  memset(m, 0, sizeof *m);
  m->present = true;
  uint32_t file = jx_diag_add_source(d, name, text, n);
  map_ctx c = {m, a, text, n, 0, 0, NULL, 0, 0};
  int first = ini_parse_stream(map_read, &c, on_entry, &c);
  bool syntax = first > 0;
  for (size_t i = 0; i < c.n_errs; i++)
    syntax &= c.errs[i].line != (uint32_t)first;
  if (syntax) /* a line inih could not read, before any handler's error */
    jx_diag_report(d, JX_E_IMPORT_MAP_LINE,
                   map_place(&c, file, (uint32_t)first, 'l'));
  for (size_t i = 0; i < c.n_errs; i++) {
    const map_error *e = &c.errs[i];
    jx_loc at = map_place(&c, file, e->line, e->part);
    if (e->id == JX_E_IMPORT_MAP_VALUE)
      jx_diag_report(d, e->id, at, e->arg, (int)e->takes, e->value);
    else
      jx_diag_report(d, e->id, at, e->arg);
  }
  jx_diag_flush(d);
  free(c.errs);
  return first != 0 || c.n_errs ? -1 : 0;
}
#else
int jx_im_map_parse(im_map *m, const char *name, const char *text, size_t n,
                    jx_diag *d, jx_arena *a) {
  (void)name, (void)text, (void)n, (void)d, (void)a;
  memset(m, 0, sizeof *m);
  return -1;
}
#endif
