/*
 * values.c — printed values into the language's operators and values.
 *
 * What tables print (shared/design/domain-rules-2.md, "Printed-text
 * conventions" and "How budget systems store an indicator"):
 *
 *   计算符号 codes   1 ≥, 2 ＞, 3 ＝, 4 ＜, 5 ≤, 6 定性 (9 定量, no operator)
 *   prefix words    不低于 90%, ≥90%, 大于等于90%  (the language's own
 * spellings) postfix words   90%以上 / 不低于 → ≥;  以下 / 以内 / 不超过 → ≤;
 *                   大于 → >;  小于 → <;  …前 / …之前 after a date → ≤
 *   amounts         1,909.00 (thousands separators), 89.1万 (= 万元 in a
 *                   money column), full-width digits (NFKC)
 *
 * A value is parsed on its NFKC form, so full-width digits and operators
 * read like ASCII ones; a text value keeps the text as printed.  What the
 * language reads as printed (a postfix word after a number or a date, a
 * date range, a cost per unit: issue 11) is written so; what it cannot
 * write (two operators, a range of numbers, a unit with punctuation) is
 * reported back in im_read_value so the caller keeps the printed text as
 * a comment.  No value ever goes through a double.
 */
#include "import_impl.h"

#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "units.h"
#include "vocab.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- what the lexer reads
 * ----------------------------------------------------- */

typedef struct tok_count {
  int n;
  const char *name;
  uint32_t len;
  int post;        /* the first token's jx_postfix (90%以上: ≥) */
  size_t post_len; /* its word's bytes */
  size_t unit_len; /* the first token's unit's bytes, without the word */
} tok_count;

static void count_token(void *ud, const jx_token *t) {
  tok_count *c = ud;
  if (t->kind == 0)
    return;
  if (c->n++ == 0) {
    c->name = t->name;
    c->len = t->loc.len;
    if (t->value) {
      c->post = t->value->post;
      c->post_len = t->value->post_len;
      c->unit_len = t->value->unit ? strlen(t->value->unit) : 0;
    }
  }
}

static void no_output(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

/* Lexes text: true if it is one token of this kind, with *c what was
 * read. */
static bool lex_one(const char *text, const char *kind, tok_count *c) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, no_output, NULL);
  jx_arena a;
  jx_arena_init(&a);
  uint32_t file = jx_diag_add_source(d, "<value>", text, strlen(text));
  memset(c, 0, sizeof *c);
  int errors = jx_lex_mem(text, strlen(text), file, d, &a, count_token, c);
  bool ok = errors == 0 && c->n == 1 && strcmp(c->name, kind) == 0 &&
            c->len == strlen(text);
  jx_arena_free(&a);
  jx_diag_free(d);
  return ok;
}

bool jx_im_token_ok(const char *text, const char *kind) {
  tok_count c;
  return lex_one(text, kind, &c);
}

/* ---- small scanners over NFKC text -----------------------------------------
 */

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static bool ends(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s + n - k, p, k) == 0;
}

static bool digit(char c) {
  return c >= '0' && c <= '9';
}

/* A number at s: [+-]? digits (with ,ddd groups) [. digits].  Copies it
 * without separators into out (at least strlen(s)+1 bytes); returns the
 * bytes consumed, 0 if none. */
static size_t scan_number(const char *s, char *out) {
  size_t i = 0, o = 0;
  if (s[i] == '-' || s[i] == '+') {
    if (s[i] == '-')
      out[o++] = '-';
    i++;
  }
  if (!digit(s[i]))
    return 0;
  size_t group = 0;
  bool grouped = false;
  for (;;) {
    if (digit(s[i])) {
      out[o++] = s[i++];
      group++;
    } else if (s[i] == ',' && digit(s[i + 1]) && digit(s[i + 2]) &&
               digit(s[i + 3]) && !digit(s[i + 4]) &&
               (grouped ? group == 3 : group <= 3)) {
      grouped = true;
      group = 0;
      i++;
    } else {
      break;
    }
  }
  if (grouped && group != 3)
    return 0;
  if (s[i] == '.' && digit(s[i + 1])) {
    out[o++] = s[i++];
    while (digit(s[i]))
      out[o++] = s[i++];
  }
  out[o] = '\0';
  return i;
}

/* Can the lexer read u as a unit after a number (grammar/lexer.l UNITCH)? */
static bool unit_ok(const char *u) {
  for (size_t i = 0; u[i];) {
    unsigned char c = (unsigned char)u[i];
    if (c < 0x80) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%' ||
            c == '/'))
        return false;
      i++;
      continue;
    }
    uint32_t cp;
    size_t k;
    if ((c & 0xE0) == 0xC0)
      cp = c & 0x1F, k = 2;
    else if ((c & 0xF0) == 0xE0)
      cp = c & 0x0F, k = 3;
    else
      cp = c & 0x07, k = 4;
    for (size_t j = 1; j < k; j++)
      cp = (cp << 6) | ((unsigned char)u[i + j] & 0x3F);
    bool punct = (cp >= 0x2000 && cp <= 0x2FFF &&
                  !(cp >= 0x2100 && cp <= 0x213F) && cp != 0x2030) ||
                 (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF ||
                 (cp >= 0xFF00 && cp != 0xFF05);
    if (punct)
      return false;
    i += k;
  }
  return true;
}

jx_msg jx_im_reason(im_reason r) {
  return (unsigned)r < IM_R_COUNT ? (jx_msg)(JX_M_IM_R_ERROR_VALUE + r)
                                  : JX_M_NONE;
}

/* ---- goals
 * ------------------------------------------------------------------- */

static const char *const cn_digits[] = {"一", "二", "三", "四", "五",
                                        "六", "七", "八", "九", "十"};

/* The length of a numbering mark at the start of s ("1." "2、" "（3）"
 * "(4)" "①" "五、"), 0 if there is none. */
static size_t number_mark(const char *s) {
  size_t i = 0;
  if (digit(s[0])) {
    while (digit(s[i]))
      i++;
    if (i > 3)
      return 0;
    if (s[i] == '.' && !digit(s[i + 1]))
      return i + 1;
    if (starts(s + i, "、") || starts(s + i, "．") || starts(s + i, "）"))
      return i + 3;
    if (s[i] == ')')
      return i + 1;
    return 0;
  }
  bool full = starts(s, "（"), half = s[0] == '(';
  if (full || half) {
    i = full ? 3 : 1;
    size_t j = i;
    while (digit(s[j]))
      j++;
    if (j == i)
      for (int k = 0; k < 10; k++)
        if (starts(s + j, cn_digits[k])) {
          j += 3;
          k = -1;
        }
    if (j == i)
      return 0;
    if (starts(s + j, "）"))
      return j + 3;
    if (s[j] == ')')
      return j + 1;
    return 0;
  }
  unsigned char c0 = (unsigned char)s[0], c1 = (unsigned char)s[1],
                c2 = (unsigned char)s[2];
  if (c0 == 0xE2 && c1 == 0x91 && c2 >= 0xA0 && c2 <= 0xB3) /* ①–⑳ */
    return 3;
  for (int k = 0; k < 10; k++)
    if (starts(s, cn_digits[k]) && starts(s + 3, "、"))
      return 6;
  return 0;
}

/* The number a numbering mark at the start of s stands for (1 for "1."
 * "1、" "（1）" "(一)" "①" "一、"), with *len its length; 0 without one. */
static int mark_value(const char *s, size_t *len) {
  size_t m = number_mark(s);
  *len = m;
  if (!m)
    return 0;
  const char *p = starts(s, "（") ? s + 3 : s[0] == '(' ? s + 1 : s;
  if (digit(*p)) {
    int v = 0;
    while (digit(*p))
      v = v * 10 + (*p++ - '0');
    return v;
  }
  unsigned char c1 = (unsigned char)p[1], c2 = (unsigned char)p[2];
  if ((unsigned char)p[0] == 0xE2 && c1 == 0x91) /* ①–⑳ */
    return c2 - 0xA0 + 1;
  int v = 0, cur = 0; /* 一 … 十, 十一, 二十一 */
  for (;;) {
    int d = 0;
    for (int k = 0; k < 10 && !d; k++)
      if (starts(p, cn_digits[k]))
        d = k + 1;
    if (!d)
      break;
    p += 3;
    if (d == 10) {
      v += (cur ? cur : 1) * 10;
      cur = 0;
    } else {
      cur = d;
    }
  }
  return v + cur;
}

void jx_im_split_goals(jx_arena *a, const char *text,
                       void (*fn)(void *ud, const char *item), void *ud) {
  const char *p = text;
  size_t ml;
  if (mark_value(p, &ml) == 1) {
    /* A numbered list, as the forms print one ("1.…\n2.…"): an item runs
     * to the line that starts with the next number (in any style: "1."
     * then "2、" then "（3）"), so an item keeps its own line breaks; an
     * item left empty is still an item. */
    int k = 1;
    const char *item = p + ml;
    for (;;) {
      const char *nl = strchr(p, '\n');
      size_t next = 0;
      if (nl && mark_value(nl + 1, &next) != k + 1)
        next = 0;
      if (!nl || next) {
        const char *end = nl ? nl : p + strlen(p);
        fn(ud, jx_im_clean(a, item, (size_t)(end - item), NULL));
        if (!nl)
          return;
        k++;
        item = nl + 1 + next;
      }
      p = nl + 1;
    }
  }
  /* Otherwise a goal a line, any numbering mark taken off. */
  while (*p) {
    const char *end = strchr(p, '\n');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    char *line = jx_im_clean(a, p, n, NULL);
    if (*line) {
      size_t mk = number_mark(line);
      const char *item = line + mk;
      while (*item == ' ')
        item++;
      if (*item)
        fn(ud, item);
    }
    p += n;
    if (*p == '\n')
      p++;
  }
}

/* ---- amounts, months, percentages ------------------------------------------
 */

const char *jx_im_amount(jx_arena *a, const char *text) {
  const char *k = jx_im_key(a, text);
  char *num = jx_arena_alloc(a, strlen(k) + 8);
  size_t used = scan_number(k, num);
  if (!used)
    return NULL;
  const char *unit = k + used;
  if (*unit == '\0')
    return jx_im_token_ok(num, "number") ? num : NULL;
  const char *norm = strcmp(unit, "万") == 0   ? "万元"
                     : strcmp(unit, "亿") == 0 ? "亿元"
                                               : unit;
  if (strcmp(norm, "元") != 0 && strcmp(norm, "万元") != 0 &&
      strcmp(norm, "亿元") != 0 && strcmp(norm, "千元") != 0)
    return NULL;
  size_t nn = strlen(num);
  char *out = jx_arena_alloc(a, nn + strlen(norm) + 1);
  memcpy(out, num, nn);
  strcpy(out + nn, norm);
  return jx_im_token_ok(out, "number") ? out : NULL;
}

int jx_im_month(const char *text) {
  jx_arena a;
  jx_arena_init(&a);
  const char *k = jx_im_key(&a, text);
  int m = 0;
  if (digit(k[0])) {
    m = k[0] - '0';
    size_t i = 1;
    if (digit(k[1]))
      m = m * 10 + (k[1] - '0'), i = 2;
    const char *rest = k + i;
    if (!(strcmp(rest, "月底") == 0 || strcmp(rest, "月") == 0 ||
          strcmp(rest, "月末") == 0 || strcmp(rest, "月份") == 0))
      m = 0;
  } else if (starts(k, "第")) {
    static const char *const q[] = {"一", "二", "三", "四"};
    for (int i = 0; i < 4; i++)
      if (starts(k + 3, q[i]) &&
          (strcmp(k + 6, "季度") == 0 || strcmp(k + 6, "季度末") == 0))
        m = 3 * (i + 1);
  } else if (strcmp(k, "年底") == 0 || strcmp(k, "年末") == 0) {
    m = 12;
  }
  jx_arena_free(&a);
  return m >= 1 && m <= 12 ? m : 0;
}

const char *jx_im_percent(jx_arena *a, const char *text, bool fraction) {
  const char *k = jx_im_key(a, text);
  char *num = jx_arena_alloc(a, strlen(k) + 8);
  size_t used = scan_number(k, num);
  if (!used)
    return NULL;
  const char *rest = k + used;
  if (strcmp(rest, "%") == 0 || strcmp(rest, "百分比") == 0 ||
      (*rest == '\0' && !fraction)) {
    size_t nn = strlen(num);
    num[nn] = '%';
    num[nn + 1] = '\0';
    return jx_im_token_ok(num, "number") ? num : NULL;
  }
  if (*rest != '\0')
    return NULL;
  /* A fraction (0.25 from a .xls percentage cell): ×100, exactly. */
  const char *dot = strchr(num, '.');
  size_t ilen = dot ? (size_t)(dot - num) : strlen(num);
  const char *frac = dot ? dot + 1 : "";
  size_t flen = strlen(frac);
  char *out = jx_arena_alloc(a, strlen(num) + 8);
  size_t o = 0;
  for (size_t i = 0; i < ilen; i++)
    out[o++] = num[i];
  for (size_t i = 0; i < 2; i++)
    out[o++] = i < flen ? frac[i] : '0';
  size_t end = o;
  if (flen > 2) {
    out[o++] = '.';
    for (size_t i = 2; i < flen; i++)
      out[o++] = frac[i];
  }
  out[o] = '\0';
  /* strip leading zeros of the integer part */
  size_t s = 0;
  while (s + 1 < end && out[s] == '0')
    s++;
  memmove(out, out + s, o - s + 1);
  strcat(out, "%");
  return jx_im_token_ok(out, "number") ? out : NULL;
}

/* ---- indicator values -----------------------------------------------------
 */

typedef struct opword {
  const char *w;
  int op;
} opword;

/* Longest first: a shorter word is a prefix of a longer one. */
static const opword prefix_ops[] = {
    {"大于或等于", JX_OP_GE}, {"小于或等于", JX_OP_LE}, {"大于等于", JX_OP_GE},
    {"小于等于", JX_OP_LE},   {"不低于", JX_OP_GE},     {"不少于", JX_OP_GE},
    {"不高于", JX_OP_LE},     {"不超过", JX_OP_LE},     {"不多于", JX_OP_LE},
    {">=", JX_OP_GE},         {"<=", JX_OP_LE},         {"==", JX_OP_EQ},
    {"≥", JX_OP_GE},          {"≧", JX_OP_GE},          {"≤", JX_OP_LE},
    {"≦", JX_OP_LE},          {"大于", JX_OP_GT},       {"高于", JX_OP_GT},
    {"超过", JX_OP_GT},       {"多于", JX_OP_GT},       {"小于", JX_OP_LT},
    {"低于", JX_OP_LT},       {"少于", JX_OP_LT},       {"等于", JX_OP_EQ},
    {">", JX_OP_GT},          {"<", JX_OP_LT},          {"=", JX_OP_EQ},
};

static const opword postfix_ops[] = {
    {"及以上", JX_OP_GE}, {"以上", JX_OP_GE},   {"不低于", JX_OP_GE},
    {"不少于", JX_OP_GE}, {"及以下", JX_OP_LE}, {"以下", JX_OP_LE},
    {"以内", JX_OP_LE},   {"之内", JX_OP_LE},   {"不超过", JX_OP_LE},
    {"不高于", JX_OP_LE}, {"大于", JX_OP_GT},   {"小于", JX_OP_LT},
};

/* The 计算符号 / 指标性质 cell: 1 if it gives an operator (*op), 2 for
 * qualitative (定性), 3 for quantitative without one (定量, 9), 0 if it is
 * not understood. */
static int read_sign(jx_arena *a, const char *sign, int *op) {
  const char *k = jx_im_key(a, sign);
  static const struct {
    const char *w;
    int kind, op;
  } signs[] = {
      {"1", 1, JX_OP_GE},   {"2", 1, JX_OP_GT}, {"3", 1, JX_OP_EQ},
      {"4", 1, JX_OP_LT},   {"5", 1, JX_OP_LE}, {"6", 2, 0},
      {"9", 3, 0},          {"定性", 2, 0},     {"定量", 3, 0},
      {"定量(其他)", 3, 0}, {"其他", 3, 0},
  };
  for (size_t i = 0; i < COUNT(signs); i++)
    if (strcmp(k, signs[i].w) == 0) {
      *op = signs[i].op;
      return signs[i].kind;
    }
  for (size_t i = 0; i < COUNT(prefix_ops); i++)
    if (strcmp(k, prefix_ops[i].w) == 0) {
      *op = prefix_ops[i].op;
      return 1;
    }
  return 0;
}

/* "2021年12月31日", "2021-12-31", "2021.12.31", "2021/12/31",
 * "2021年12月" (a month) as the language writes a date; *rest gets what
 * follows.  NULL if s does not start with a date. */
static const char *read_date(jx_arena *a, const char *s, const char **rest) {
  if (!(digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3])))
    return NULL;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  const char *p = s + 4;
  bool cn = starts(p, "年");
  char sep = *p;
  if (!cn && sep != '-' && sep != '.' && sep != '/')
    return NULL;
  p += cn ? 3 : 1;
  int m = 0, d = 0;
  if (!digit(*p))
    return NULL;
  while (digit(*p) && m < 100)
    m = m * 10 + (*p++ - '0');
  if (cn) {
    if (!starts(p, "月"))
      return NULL;
    p += 3;
    if (digit(*p)) {
      while (digit(*p) && d < 100)
        d = d * 10 + (*p++ - '0');
      if (!starts(p, "日") && !starts(p, "号"))
        return NULL;
      p += 3;
    } else if (starts(p, "底") || starts(p, "末")) {
      p += 3; /* 12月底: the month as a whole */
    }
  } else {
    if (*p != sep)
      return NULL;
    p++;
    while (digit(*p) && d < 100)
      d = d * 10 + (*p++ - '0');
    if (d == 0)
      return NULL;
  }
  if (m < 1 || m > 12 || d > 31)
    return NULL;
  *rest = p;
  char buf[32];
  if (d)
    snprintf(buf, sizeof buf, "%04d-%d-%d", y, m, d);
  else
    snprintf(buf, sizeof buf, "%04d年%d月", y, m);
  return jx_arena_strdup(a, buf);
}

/* What the language reads as printed (issue 11): a period
 * (2023.07-2024.01) and a value with its comparison after it (90%以上,
 * 9月前, 10个工作日内, 2023年6月底前) are written as they are, with no
 * operator before them, so nothing printed is lost.  A bare number with
 * the word (90以上) takes the unit column's unit before the word.  Not
 * after a prefix operator, nor against the sign column's: those are read
 * the old way.  p is the NFKC text after any prefix operator; two words
 * (90%以上以上) keep the printed text as text. */
static bool as_printed(jx_arena *a, int op, int sign_kind, int sign_op,
                       const char *text, const char *p, const char *unit,
                       im_read_value *out) {
  if (op >= 0)
    return false;
  tok_count c;
  if (lex_one(p, "date range", &c)) {
    if (sign_kind == 1 && sign_op != JX_OP_EQ)
      return false;
    out->v.kind = IM_V_DATE;
    out->v.text = p;
    out->v.op = JX_OP_EQ;
    out->v.bare = true;
    return true;
  }
  bool date = lex_one(p, "date", &c);
  if ((!date && !lex_one(p, "number", &c)) || c.post == JX_POST_NONE)
    return false;
  size_t left = 0;
  if (jx_vocab_postfix_slow(p, strlen(p) - c.post_len, &left) !=
      JX_POST_NONE) { /* 90%以上以上: two words, the checker's error */
    out->v.kind = IM_V_TEXT;
    out->v.text = text;
    out->kept_id = JX_W_IMPORT_AS_TEXT;
    out->reason = IM_R_TWO_OPS;
    return true;
  }
  int pop = (int)jx_postfix_op((jx_postfix)c.post);
  if (sign_kind == 1 && sign_op != pop)
    return false;
  const char *t = p;
  if (!date && c.unit_len == 0 && unit && *unit) {
    const char *u = jx_im_key(a, unit);
    size_t n = strlen(p), head = n - c.post_len, un = strlen(u);
    char *w = jx_arena_alloc(a, n + un + 1);
    memcpy(w, p, head);
    memcpy(w + head, u, un);
    memcpy(w + head + un, p + head, c.post_len + 1);
    tok_count c2;
    if (!lex_one(w, "number", &c2) || c2.post != c.post || c2.unit_len != un)
      return false;
    t = w;
  }
  out->v.kind = date ? IM_V_DATE : IM_V_NUMBER;
  out->v.text = t;
  out->v.op = pop;
  out->v.bare = true;
  out->v.post_len = (uint8_t)c.post_len;
  return true;
}

/* A unit the language reads as a cost per unit (元/亩, 万元/人.每天). */
static bool per_unit(const char *u) {
  jx_unit_info info;
  char norm[JX_UNIT_COMPOUND_MAX];
  return jx_unit_compound(u, strlen(u), &info, norm) &&
         info.dimension == JX_DIM_MONEY_PER;
}

void jx_im_read_value(jx_arena *a, const char *sign, const char *value,
                      const char *unit, im_read_value *out) {
  memset(out, 0, sizeof *out);
  out->kept_id = JX_DIAG_COUNT;
  out->reason = -1;
  out->v.op = JX_OP_EQ;
  int sign_op = JX_OP_EQ, sign_kind = 3;
  if (sign && *sign) {
    sign_kind = read_sign(a, sign, &sign_op);
    if (sign_kind == 0) {
      out->unreadable = true;
      sign_kind = 3;
    }
  }
  const char *text = value ? value : "";
  const char *k = jx_im_key(a, text);
  if (strcmp(k, "不涉及") == 0 || strcmp(k, "n/a") == 0 ||
      strcmp(k, "N/A") == 0) {
    out->v.kind = IM_V_NA;
    return;
  }
  if (sign_kind == 2 || *k == '\0') { /* 定性: the text is the target */
    out->v.kind = IM_V_TEXT;
    out->v.text = text;
    return;
  }
  /* [prefix operator] number [unit] [postfix word] */
  int op = -1;
  const char *p = k;
  for (size_t i = 0; i < COUNT(prefix_ops); i++)
    if (starts(p, prefix_ops[i].w)) {
      op = prefix_ops[i].op;
      p += strlen(prefix_ops[i].w);
      break;
    }
  if (as_printed(a, op, sign_kind, sign_op, text, p, unit, out))
    return;
  const char *rest = NULL;
  const char *date = read_date(a, p, &rest);
  char *num = jx_arena_alloc(a, strlen(p) + 1);
  size_t used = date ? 0 : scan_number(p, num);
  if (!date && !used) {
    out->v.kind = IM_V_TEXT;
    out->v.text = text;
    return;
  }
  if (!date)
    rest = p + used;
  size_t rn = strlen(rest);
  int post = -1;
  const char *post_word = NULL;
  if (date && (strcmp(rest, "前") == 0 || strcmp(rest, "之前") == 0 ||
               strcmp(rest, "以前") == 0)) {
    post = JX_OP_LE;
    post_word = rest;
    rn = 0;
  }
  for (size_t i = 0; !date && i < COUNT(postfix_ops); i++)
    if (ends(rest, rn, postfix_ops[i].w)) {
      post = postfix_ops[i].op;
      post_word = postfix_ops[i].w;
      rn -= strlen(post_word);
      break;
    }
  char *u = jx_arena_strndup(a, rest, rn);
  if (date && *u) {
    out->v.kind = IM_V_TEXT;
    out->v.text = text;
    return;
  }
  if ((op >= 0 && post >= 0) || (op >= 0 && sign_kind == 1 && op != sign_op) ||
      (post >= 0 && sign_kind == 1 && post != sign_op)) {
    /* two operators that may disagree: the language cannot say both */
    out->v.kind = IM_V_TEXT;
    out->v.text = text;
    out->kept_id = JX_W_IMPORT_AS_TEXT;
    out->reason = IM_R_TWO_OPS;
    return;
  }
  out->v.op = op >= 0 ? op : post >= 0 ? post : sign_op;
  if (date) {
    out->v.kind = IM_V_DATE;
    out->v.text = date;
    if (!jx_im_token_ok(date, "date")) { /* 2021-2-30 and the like */
      out->v.kind = IM_V_TEXT;
      out->v.text = text;
      out->v.op = JX_OP_EQ;
      out->kept_id = JX_W_IMPORT_AS_TEXT;
      out->reason = IM_R_DATE;
      return;
    }
  } else {
    if (!*u && unit && *unit)
      u = jx_im_key(a, unit);
    if (*u && !per_unit(u) &&
        (!unit_ok(u) || (!jx_unit_lookup(u, strlen(u)) && strlen(u) > 9))) {
      /* "3个月内完成": a number, then words, not a unit */
      out->v.kind = IM_V_TEXT;
      out->v.text = text;
      out->v.op = JX_OP_EQ;
      if (unit_ok(u))
        return;
      out->kept_id = JX_W_IMPORT_AS_TEXT;
      out->reason = strstr(u, "-") || strstr(u, "~") || strstr(u, "至")
                        ? IM_R_RANGE
                        : IM_R_UNIT;
      return;
    }
    size_t nn = strlen(num);
    char *t = jx_arena_alloc(a, nn + strlen(u) + 1);
    memcpy(t, num, nn);
    strcpy(t + nn, u);
    out->v.kind = IM_V_NUMBER;
    out->v.text = t;
    if (!jx_im_token_ok(t, "number")) {
      out->v.kind = IM_V_TEXT;
      out->v.text = text;
      out->v.op = JX_OP_EQ;
      out->kept_id = JX_W_IMPORT_AS_TEXT;
      out->reason = IM_R_NUMBER;
      return;
    }
  }
  if (post_word)
    out->kept_id = JX_W_IMPORT_PRINTED;
}

const char *jx_im_value_text(jx_arena *a, const im_value *v) {
  static const char *const ops[] = {"=", ">=", "<=", ">", "<"};
  jx_strbuf b = {0};
  if (v->bare)
    jx_sb_puts(&b, v->text ? v->text : "");
  else
    jx_sb_printf(&b, "%s %s", ops[v->op >= 0 && v->op <= 4 ? v->op : 0],
                 v->text ? v->text : "");
  char *s = jx_arena_strdup(a, b.p);
  jx_sb_free(&b);
  return s;
}

const char *jx_im_category_word(jx_arena *a, const char *text) {
  const char *k = jx_im_key(a, text);
  size_t m = number_mark(k);
  k += m;
  if (!*k || !unit_ok(k))
    return NULL;
  /* one word of the lexer, and not a keyword (其他, 目标 …) */
  return jx_im_token_ok(k, "word") ? k : NULL;
}
