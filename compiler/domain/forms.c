/*
 * forms.c — the tables of forms and of sources of funds, and the readers
 * of what a form prints in one cell (see forms.h).
 */
#include "forms.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "framework.h" /* jx_edit_distance */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define WORDS(...)                                                             \
  (const char *const[]) {                                                      \
    __VA_ARGS__, NULL                                                          \
  }

/* ---- forms -------------------------------------------------------------- */

/* The seed's layout (the Hebei tables of 2021) prints both a 财政/其他
 * split and a spending plan; 财预〔2021〕101号's national form prints the
 * split (项目资金: 年度资金总额, 其中：财政拨款, 其他资金) and no plan;
 * most regional forms print neither, so a plan that names no form is
 * asked for neither. */
static const jx_form_spec forms[] = {
    {"generic", "通用表式（不要求资金来源与支出计划）", WORDS("通用"), false,
     false},
    {"hebei2021", "河北省项目支出绩效目标表（2021年，含资金支出计划）",
     WORDS("河北"), true, true},
    {"mof2021", "项目支出绩效目标表（财预〔2021〕101号）", WORDS("财政部"),
     true, false},
};

const jx_form_spec *jx_form_spec_find(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; i < COUNT(forms); i++) {
    if (strcmp(forms[i].name, name) == 0)
      return &forms[i];
    for (const char *const *a = forms[i].aliases; a && *a; a++)
      if (strcmp(*a, name) == 0)
        return &forms[i];
  }
  return NULL;
}

const jx_form_spec *jx_form_spec_default(void) {
  return &forms[0];
}

const jx_form_spec *const *jx_form_spec_list(size_t *n) {
  static const jx_form_spec *const list[] = {&forms[0], &forms[1], &forms[2]};
  _Static_assert(COUNT(list) == COUNT(forms), "list every form");
  if (n)
    *n = COUNT(list);
  return list;
}

/* Appends s (and a separator before it unless it is the first) to buf;
 * a word that does not fit is left out whole. */
static void join(char *buf, size_t bufsz, size_t *n, const char *sep,
                 const char *s) {
  int k = snprintf(buf + *n, bufsz - *n, "%s%s", *n ? sep : "", s);
  if (k < 0 || (size_t)k >= bufsz - *n)
    buf[*n] = '\0';
  else
    *n += (size_t)k;
}

const char *jx_form_spec_names(char *buf, size_t bufsz) {
  size_t n = 0;
  if (bufsz == 0)
    return buf;
  buf[0] = '\0';
  for (size_t i = 0; i < COUNT(forms); i++)
    join(buf, bufsz, &n, "/", forms[i].name);
  return buf;
}

/* ---- sources of funds --------------------------------------------------- */

/* Money from a government budget at any level (一般公共预算, 政府性基金,
 * 国有资本经营预算) is fiscal, as the national form's 财政拨款 counts it;
 * a unit's own money, 事业收入 and 财政专户 funds are not. */
static const jx_source_kind sources[] = {
    {"fiscal", "财政资金", true,
     WORDS("fiscal", "财政资金", "财政", "财政拨款", "财政拨款资金")},
    {"superior", "上级资金", true,
     WORDS("superior", "上级资金", "上级", "上级补助", "上级补助资金",
           "上级专项资金", "上级财政", "上级财政资金")},
    {"local", "本级资金", true,
     WORDS("local", "本级资金", "本级", "本级财政", "本级财政资金")},
    {"central", "中央资金", true,
     WORDS("central", "中央资金", "中央", "中央财政", "中央财政资金",
           "中央补助")},
    {"province", "省级资金", true,
     WORDS("province", "省级资金", "省级", "省级财政", "省级财政资金",
           "省财政")},
    {"city", "市级资金", true,
     WORDS("city", "市级资金", "市级", "市级财政", "市级财政资金", "市财政",
           "州级", "州级资金")},
    {"district", "区级资金", true,
     WORDS("district", "区级资金", "区级", "区级财政", "县级", "县级资金",
           "县级财政", "区县级", "区县资金")},
    {"government_fund", "政府性基金", true,
     WORDS("government_fund", "政府性基金", "政府性基金预算",
           "政府性基金资金")},
    {"state_capital", "国有资本经营预算", true,
     WORDS("state_capital", "国有资本经营预算", "国有资本经营预算资金")},
    {"own", "自有资金", false,
     WORDS("own", "自有资金", "单位自有资金", "单位资金", "自筹资金", "自筹")},
    {"special_account", "财政专户管理资金", false,
     WORDS("special_account", "财政专户管理资金", "财政专户资金", "财政专户")},
    {"business", "事业收入", false, WORDS("business", "事业收入", "经营收入")},
    {"other", "其他资金", false,
     WORDS("other", "其他资金", "其他", "其它资金", "其它")},
};

const jx_source_kind *jx_source_find(const char *word) {
  if (!word)
    return NULL;
  for (size_t i = 0; i < COUNT(sources); i++)
    for (const char *const *s = sources[i].spellings; *s; s++)
      if (strcmp(*s, word) == 0)
        return &sources[i];
  return NULL;
}

const jx_source_kind *jx_source_fiscal(void) {
  return &sources[0];
}

const jx_source_kind *jx_source_other(void) {
  return &sources[COUNT(sources) - 1];
}

const char *jx_source_suggest(const char *word) {
  const char *best = NULL;
  const jx_source_kind *best_kind = NULL;
  size_t best_d = (size_t)-1;
  bool tie = false;
  bool chinese = (unsigned char)word[0] >= 0x80;
  for (size_t i = 0; i < COUNT(sources); i++)
    for (const char *const *s = sources[i].spellings; *s; s++) {
      if (((unsigned char)(*s)[0] >= 0x80) != chinese)
        continue;
      size_t d = jx_edit_distance(word, *s);
      if (d < best_d) {
        best_d = d;
        best = *s;
        best_kind = &sources[i];
        tie = false;
      } else if (d == best_d && best_kind != &sources[i]) {
        tie = true; /* as near to two kinds: no honest hint */
      }
    }
  size_t n = strlen(word), limit = n <= 6 ? 1 : 2;
  return best && !tie && best_d > 0 && best_d <= limit ? best : NULL;
}

/* ---- an organisation's code and name --------------------------------------
 */

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

static bool is_alnum(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Length of the UTF-8 text at s if it is one of the given marks, else 0. */
static size_t mark_at(const char *s, const char *const *marks) {
  for (const char *const *m = marks; *m; m++) {
    size_t n = strlen(*m);
    if (strncmp(s, *m, n) == 0)
      return n;
  }
  return 0;
}

/* What may stand between a code and a name. */
static const char *const org_gaps[] = {"_", "-",      " ",      "\u3000",
                                       ":", "\uFF1A", "\u3001", NULL};

static size_t skip_gaps(const char *s) {
  size_t i = 0, k;
  while ((k = mark_at(s + i, org_gaps)) > 0)
    i += k;
  return i;
}

bool jx_org_split(const char *text, size_t *code_at, size_t *code_len,
                  size_t *name_at) {
  static const char *const open[] = {"[",      "\u3010", "(",
                                     "\uFF08", "\u3014", NULL};
  static const char *const close[] = {"]",      "\u3011", ")",
                                      "\uFF09", "\u3015", NULL};
  if (!text)
    return false;
  size_t i = 0;
  while (text[i] == ' ')
    i++;
  size_t k = mark_at(text + i, open);
  if (k > 0) { /* [610001]name: the code is what the brackets hold */
    size_t a = i + k, b = a;
    while (text[b] && is_alnum(text[b]))
      b++;
    size_t c = mark_at(text + b, close);
    if (b == a || c == 0)
      return false;
    size_t n = b + c;
    n += skip_gaps(text + n);
    if (!text[n])
      return false;
    *code_at = a;
    *code_len = b - a;
    *name_at = n;
    return true;
  }
  size_t a = i, b = i, digits = 0;
  while (text[b] && is_alnum(text[b]))
    digits += is_digit(text[b++]);
  if (digits < 3)
    return false;
  size_t g = skip_gaps(text + b);
  if (g == 0) {
    /* Glued on: only a long run of digits before a non-ASCII name
     * (324001秦皇岛市…), never a year (2021年…). */
    if (digits != b - a || digits < 6 || (unsigned char)text[b] < 0x80)
      return false;
  }
  if (!text[b + g])
    return false;
  *code_at = a;
  *code_len = b - a;
  *name_at = b + g;
  return true;
}

/* ---- a project period ------------------------------------------------------
 */

typedef struct cursor {
  const char *s;
  size_t i;
} cursor;

static size_t digits(cursor *c, int *value) {
  size_t n = 0;
  int v = 0;
  while (is_digit(c->s[c->i])) {
    if (v < 100000000)
      v = v * 10 + (c->s[c->i] - '0');
    c->i++;
    n++;
  }
  *value = v;
  return n;
}

static bool eat(cursor *c, const char *const *marks) {
  size_t k = mark_at(c->s + c->i, marks);
  c->i += k;
  return k > 0;
}

static void spaces(cursor *c) {
  static const char *const sp[] = {" ", "\u3000", "\t", NULL};
  while (eat(c, sp))
    ;
}

/* One end of a period: yyyy, yyyy年, yyyy.m, yyyy年m月, yyyy.m.d,
 * yyyy年m月d日, yyyymm, yyyymmdd (the separators . / 年 月). */
static bool one_date(cursor *c, int *y, int *m, int *d) {
  static const char *const sep[] = {".", "/", "\u5E74" /* 年 */, "\uFF0E",
                                    NULL};
  static const char *const day_mark[] = {"\u65E5" /* 日 */, NULL};
  static const char *const msep[] = {".", "/", "\u6708", "\uFF0E", NULL};
  int v;
  size_t n = digits(c, &v);
  *m = *d = 0;
  if (n == 8) {
    *y = v / 10000, *m = v / 100 % 100, *d = v % 100;
    return true;
  }
  if (n == 6) {
    *y = v / 100, *m = v % 100;
    return true;
  }
  if (n != 4)
    return false;
  *y = v;
  size_t at = c->i;
  if (!eat(c, sep))
    return true;
  if (!is_digit(c->s[c->i])) {
    /* 2020年 alone; a '.' or '/' with nothing after it is not ours */
    if (strncmp(c->s + at, "\u5E74", 3) != 0)
      c->i = at;
    return true;
  }
  if (digits(c, m) > 2)
    return false;
  at = c->i;
  if (!eat(c, msep))
    return true;
  if (!is_digit(c->s[c->i])) {
    if (strncmp(c->s + at, "\u6708", 3) != 0)
      c->i = at;
    return true;
  }
  if (digits(c, d) > 2)
    return false;
  eat(c, day_mark);
  return true;
}

static jx_decimal as_date(int y, int m, int d) {
  jx_decimal v = {((int64_t)y * 10000 + m * 100 + d) * JX_DECIMAL_SCALE};
  return v;
}

bool jx_period_read(const char *text, jx_decimal *start, jx_decimal *end) {
  static const char *const to[] = {
      "-",      "\uFF0D",          "\u2014",          "\u2013",       "~",
      "\uFF5E", "\u81F3" /* 至 */, "\u5230" /* 到 */, "\u2014\u2014", NULL};
  if (!text)
    return false;
  cursor c = {text, 0};
  int y1, m1, d1, y2, m2, d2;
  spaces(&c);
  if (!one_date(&c, &y1, &m1, &d1))
    return false;
  spaces(&c);
  if (!c.s[c.i]) {
    *start = *end = as_date(y1, m1, d1);
    return true;
  }
  if (!eat(&c, to))
    return false;
  while (eat(&c, to)) /* "——" */
    ;
  spaces(&c);
  if (!one_date(&c, &y2, &m2, &d2))
    return false;
  spaces(&c);
  if (c.s[c.i])
    return false;
  *start = as_date(y1, m1, d1);
  *end = as_date(y2, m2, d2);
  return true;
}

/* ---- 项目属性 --------------------------------------------------------------
 */

jx_continuity jx_continuity_of(const char *nature) {
  static const char *const continuing[] = {"延续", "续建", "继续", "跨年",
                                           NULL};
  static const char *const fresh[] = {"新增", "新建", "新设", "新上", NULL};
  if (!nature)
    return JX_CONTINUITY_UNKNOWN;
  for (const char *const *w = continuing; *w; w++)
    if (strstr(nature, *w))
      return JX_CONTINUITY_CONTINUING;
  for (const char *const *w = fresh; *w; w++)
    if (strstr(nature, *w))
      return JX_CONTINUITY_NEW;
  return JX_CONTINUITY_UNKNOWN;
}
