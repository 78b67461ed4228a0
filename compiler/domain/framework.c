/*
 * framework.c — the built-in indicator frameworks, category lookup and the
 * did-you-mean hint for a category path that does not resolve.
 *
 * The three built-ins are static tables that mirror docs/syntax-spec.txt and
 * docs/frameworks.md.  The lookup functions work on any jx_framework, so a
 * framework declared in a source file behaves exactly like a built-in one.
 */
#include "framework.h"

#include <stdint.h>

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* ---- The built-in tables ---------------------------------------------- */

/* Shared by both frameworks: 财预〔2021〕101号 kept the benefit and
 * satisfaction categories of the local practice unchanged. */
static const jx_level2 benefit_children[] = {
    {"economic", "经济效益指标", JX_ROLE_NONE},
    {"social", "社会效益指标", JX_ROLE_NONE},
    {"ecological", "生态效益指标", JX_ROLE_NONE},
    {"sustainable", "可持续影响指标", JX_ROLE_NONE},
};

static const jx_level2 satisfaction_children[] = {
    {"recipient", "服务对象满意度指标", JX_ROLE_SATISFACTION},
};

/* Local practice (the seed document): cost is an output category. */
static const jx_level2 local_output_children[] = {
    {"quantity", "数量指标", JX_ROLE_QUANTITY},
    {"quality", "质量指标", JX_ROLE_QUALITY},
    {"timeliness", "时效指标", JX_ROLE_TIMELINESS},
    {"cost", "成本指标", JX_ROLE_COST},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const jx_level1 local_levels[] = {
    {"output", "产出指标", JX_ROLE_OUTPUT, local_output_children,
     COUNT(local_output_children), 1},
    {"benefit", "效益指标", JX_ROLE_BENEFIT, benefit_children,
     COUNT(benefit_children), 1},
    {"satisfaction", "满意度指标", JX_ROLE_SATISFACTION, satisfaction_children,
     COUNT(satisfaction_children), 0},
};

/* 财预〔2021〕101号: cost becomes a level-1 category with three children. */
static const jx_level2 central_output_children[] = {
    {"quantity", "数量指标", JX_ROLE_QUANTITY},
    {"quality", "质量指标", JX_ROLE_QUALITY},
    {"timeliness", "时效指标", JX_ROLE_TIMELINESS},
};

static const jx_level2 central_cost_children[] = {
    {"economic", "经济成本指标", JX_ROLE_COST},
    {"social", "社会成本指标", JX_ROLE_COST},
    {"ecological", "生态环境成本指标", JX_ROLE_COST},
};

static const jx_level1 central_levels[] = {
    {"output", "产出指标", JX_ROLE_OUTPUT, central_output_children,
     COUNT(central_output_children), 1},
    {"cost", "成本指标", JX_ROLE_COST, central_cost_children,
     COUNT(central_cost_children), 0},
    {"benefit", "效益指标", JX_ROLE_BENEFIT, benefit_children,
     COUNT(benefit_children), 1},
    {"satisfaction", "满意度指标", JX_ROLE_SATISFACTION, satisfaction_children,
     COUNT(satisfaction_children), 0},
};

/* The old local layout (tables of 2018–2020): satisfaction is not a
 * level-1 category but the fifth child of 效益指标, 社会公众或服务对象满意度
 * 指标; 成本指标 sits under 产出指标 as in `local`. */
static const jx_level2 local2018_benefit_children[] = {
    {"economic", "经济效益指标", JX_ROLE_NONE},
    {"social", "社会效益指标", JX_ROLE_NONE},
    {"ecological", "生态效益指标", JX_ROLE_NONE},
    {"sustainable", "可持续影响指标", JX_ROLE_NONE},
    {"satisfaction", "社会公众或服务对象满意度指标", JX_ROLE_SATISFACTION},
};

static const jx_level1 local2018_levels[] = {
    {"output", "产出指标", JX_ROLE_OUTPUT, local_output_children,
     COUNT(local_output_children), 1},
    {"benefit", "效益指标", JX_ROLE_BENEFIT, local2018_benefit_children,
     COUNT(local2018_benefit_children), 1},
};

static const char *const local_aliases[] = {"地方", NULL};
static const char *const local2018_aliases[] = {"地方旧版", "old", NULL};
static const char *const central_aliases[] = {"中央", "central", NULL};

static const jx_framework local_framework = {
    "local", "地方通用（成本指标属产出指标）", local_aliases, local_levels,
    COUNT(local_levels)};

static const jx_framework central_framework = {
    "central2021", "中央部门通用（财预〔2021〕101号，成本指标为一级指标）",
    central_aliases, central_levels, COUNT(central_levels)};

static const jx_framework local2018_framework = {
    "local2018", "地方旧版（2018–2020年，满意度属效益指标）", local2018_aliases,
    local2018_levels, COUNT(local2018_levels)};

static const jx_framework *const builtins[] = {
    &local_framework, &central_framework, &local2018_framework};

const jx_framework *jx_framework_builtin(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; i < COUNT(builtins); i++) {
    const jx_framework *fw = builtins[i];
    if (strcmp(fw->name, name) == 0)
      return fw;
    for (const char *const *a = fw->aliases; a && *a; a++)
      if (strcmp(*a, name) == 0)
        return fw;
  }
  return NULL;
}

const jx_framework *const *jx_framework_list(size_t *n) {
  if (n)
    *n = COUNT(builtins);
  return builtins;
}

/* ---- Roles ------------------------------------------------------------- */

/* The roles a declaration may give, and the levels (bit 1: level 1, bit 2:
 * level 2) where each makes sense; the word is the role's jx_role_text.
 * zh is the role's Chinese word, as vocab.def's JX_ROLE rows spell it
 * (test_framework checks they agree; vocab.c uses this file, so this one
 * cannot use it). */
static const struct {
  jx_role role;
  unsigned levels;
  const char *zh;
} role_words[] = {
    {JX_ROLE_OUTPUT, 1, "产出"},         {JX_ROLE_BENEFIT, 1, "效益"},
    {JX_ROLE_SATISFACTION, 3, "满意度"}, {JX_ROLE_COST, 3, "成本"},
    {JX_ROLE_QUANTITY, 2, "数量"},       {JX_ROLE_QUALITY, 2, "质量"},
    {JX_ROLE_TIMELINESS, 2, "时效"},
};

jx_role jx_role_lookup(const char *word, int level) {
  if (!word || level < 1 || level > 2)
    return JX_ROLE_NONE;
  for (size_t i = 0; i < COUNT(role_words); i++)
    if ((role_words[i].levels & (1u << (level - 1))) &&
        strcmp(jx_role_text(role_words[i].role), word) == 0)
      return role_words[i].role;
  return JX_ROLE_NONE;
}

const char *jx_role_zh(jx_role r) {
  for (size_t i = 0; i < COUNT(role_words); i++)
    if (role_words[i].role == r)
      return role_words[i].zh;
  return NULL;
}

const char *jx_role_words(int level, char *buf, size_t bufsz) {
  size_t n = 0;
  if (bufsz == 0)
    return buf;
  buf[0] = '\0';
  for (size_t i = 0; i < COUNT(role_words); i++) {
    if (level < 1 || level > 2 || !(role_words[i].levels & (1u << (level - 1))))
      continue;
    int k = snprintf(buf + n, bufsz - n, "%s%s", n ? "/" : "",
                     jx_role_text(role_words[i].role));
    if (k < 0 || (size_t)k >= bufsz - n) {
      buf[n] = '\0'; /* whole words only */
      break;
    }
    n += (size_t)k;
  }
  return buf;
}

/* ---- Matching ---------------------------------------------------------- */

#define ZHIBIAO "指标"
#define ZHIBIAO_LEN (sizeof ZHIBIAO - 1)

/* Length of `label` without a trailing 指标, or 0 when it has none (a label
 * that is only 指标 has no short form either). */
static size_t short_len(const char *label) {
  size_t n = label ? strlen(label) : 0;
  if (n <= ZHIBIAO_LEN || memcmp(label + n - ZHIBIAO_LEN, ZHIBIAO, ZHIBIAO_LEN))
    return 0;
  return n - ZHIBIAO_LEN;
}

/* Called for every candidate category of every indicator (once per
 * indicator now that lowering copies the checker's answer, but still 1%
 * of a build): a comparison of the first character rules out nearly every
 * candidate before anything is measured. */
static int name_matches(const char *code, const char *label, const char *s) {
  if (!s)
    return 0;
  if (code && code[0] == s[0] && strcmp(code, s) == 0)
    return 1;
  /* The label and its short form share their first character (3 bytes of
   * UTF-8 for a Chinese one; strncmp stops at a shorter s's NUL). */
  if (!label || strncmp(label, s, 3) != 0)
    return 0;
  if (strcmp(label, s) == 0)
    return 1;
  size_t n = short_len(label);
  return n && strlen(s) == n && memcmp(label, s, n) == 0;
}

int jx_level1_matches(const jx_level1 *l1, const char *spelling) {
  return l1 && name_matches(l1->code, l1->label, spelling);
}

int jx_level2_matches(const jx_level2 *l2, const char *spelling) {
  return l2 && name_matches(l2->code, l2->label, spelling);
}

static const jx_level2 *find_child(const jx_level1 *l1, const char *s) {
  for (size_t j = 0; j < l1->n_children; j++)
    if (jx_level2_matches(&l1->children[j], s))
      return &l1->children[j];
  return NULL;
}

int jx_framework_resolve(const jx_framework *fw, const char *level1,
                         const char *level2, const jx_level1 **l1,
                         const jx_level2 **l2) {
  const jx_level1 *found1 = NULL;
  const jx_level2 *found2 = NULL;
  if (!fw || !level2)
    return 0;
  for (size_t i = 0; i < fw->n_levels; i++) {
    const jx_level1 *cand = &fw->levels[i];
    if (level1 && !jx_level1_matches(cand, level1))
      continue;
    const jx_level2 *child = find_child(cand, level2);
    if (!child)
      continue;
    if (found2)
      return 0; /* a bare name that two level-1s share is ambiguous */
    found1 = cand;
    found2 = child;
  }
  if (!found2)
    return 0;
  if (l1)
    *l1 = found1;
  if (l2)
    *l2 = found2;
  return 1;
}

/* ---- Did-you-mean ------------------------------------------------------ */

/* Category paths are short; a spelling longer than this is not a typo of
 * one, and fixed buffers keep the hint free of allocation. */
#define MAX_CPS 64

typedef struct cps {
  uint32_t c[MAX_CPS];
  size_t n;
  int too_long;
} cps;

/* Appends n bytes of UTF-8 as code points, so that one mistyped 汉字 costs
 * one edit and not three.  A malformed byte counts as one code point. */
static void cps_append(cps *out, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p, end - p, &cp);
    uint32_t c = (uint32_t)cp;
    if (len <= 0) { /* past any code point, so it matches only itself */
      c = 0x110000u + *p;
      len = 1;
    }
    p += len;
    if (out->n == MAX_CPS) {
      out->too_long = 1;
      return;
    }
    out->c[out->n++] = c;
  }
}

static void cps_path(cps *out, const char *a, size_t an, const char *b,
                     size_t bn) {
  out->n = 0;
  out->too_long = 0;
  if (a) {
    cps_append(out, a, an);
    cps_append(out, ".", 1);
  }
  cps_append(out, b, bn);
}

/* Levenshtein distance over code points, two rows. */
static size_t distance(const cps *a, const cps *b) {
  size_t row[MAX_CPS + 1], prev[MAX_CPS + 1];
  for (size_t j = 0; j <= b->n; j++)
    prev[j] = j;
  for (size_t i = 1; i <= a->n; i++) {
    row[0] = i;
    for (size_t j = 1; j <= b->n; j++) {
      size_t sub = prev[j - 1] + (a->c[i - 1] != b->c[j - 1]);
      size_t del = prev[j] + 1, ins = row[j - 1] + 1;
      row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, row, (b->n + 1) * sizeof prev[0]);
  }
  return prev[b->n];
}

size_t jx_edit_distance(const char *a, const char *b) {
  cps x, y;
  cps_path(&x, NULL, 0, a, strlen(a));
  cps_path(&y, NULL, 0, b, strlen(b));
  if (x.too_long || y.too_long)
    return (size_t)-1;
  return distance(&x, &y);
}

/* Spelling k (0 code, 1 label, 2 label without 指标) of a category, as a
 * pointer and length; 0 when that spelling does not exist. */
static int spelling(const char *code, const char *label, int k, const char **s,
                    size_t *n) {
  if (k == 0 && code) {
    *s = code;
    *n = strlen(code);
    return 1;
  }
  if (k == 1 && label) {
    *s = label;
    *n = strlen(label);
    return 1;
  }
  if (k == 2 && short_len(label)) {
    *s = label;
    *n = short_len(label);
    return 1;
  }
  return 0;
}

static int write_hint(const jx_level1 *l1, const jx_level2 *l2, char *buf,
                      size_t bufsz) {
  int n = snprintf(buf, bufsz, "%s.%s", l1->code, l2->code);
  if (n > 0 && (size_t)n < bufsz)
    return 1;
  buf[0] = '\0'; /* a truncated path would mislead more than none */
  return 0;
}

/* The level-1 nearest to what was written, among those that have a child
 * spelt `level2`; ties and no level2 match give NULL. */
static const jx_level1 *parent_of(const jx_framework *fw, const char *level1,
                                  const char *level2, const jx_level2 **l2) {
  const jx_level1 *best = NULL;
  size_t best_d = SIZE_MAX;
  int tie = 0;
  cps want, have;
  cps_path(&want, NULL, 0, level1, level1 ? strlen(level1) : 0);
  for (size_t i = 0; i < fw->n_levels; i++) {
    const jx_level1 *cand = &fw->levels[i];
    const jx_level2 *child = find_child(cand, level2);
    if (!child)
      continue;
    size_t d = SIZE_MAX;
    for (int k = 0; k < 3; k++) {
      const char *s;
      size_t n;
      if (!spelling(cand->code, cand->label, k, &s, &n))
        continue;
      cps_path(&have, NULL, 0, s, n);
      size_t dk = distance(&want, &have);
      d = dk < d ? dk : d;
    }
    if (d < best_d) {
      best = cand;
      *l2 = child;
      best_d = d;
      tie = 0;
    } else if (d == best_d) {
      tie = 1;
    }
  }
  return tie ? NULL : best;
}

/* 5. What was written names a role (满意度, satisfaction, 成本 …) that one
 * level-2 category of this framework has: that one.  It is how a path from
 * another framework (满意度指标.服务对象满意度指标) finds local2018's
 * 效益指标.社会公众或服务对象满意度指标. */
static int suggest_by_role(const jx_framework *fw, const char *level1,
                           const char *level2, char *buf, size_t bufsz) {
  for (size_t r = 0; r < COUNT(role_words); r++)
    for (int zh = 0; zh < 2; zh++) {
      const char *w = zh ? role_words[r].zh : jx_role_text(role_words[r].role);
      if (!(level1 && strstr(level1, w)) && !strstr(level2, w))
        continue;
      /* Only a level-2 category is looked for. */
      jx_role role =
          role_words[r].levels & 2u ? role_words[r].role : JX_ROLE_NONE;
      const jx_level1 *l1 = NULL;
      const jx_level2 *l2 = NULL;
      int n = 0;
      for (size_t i = 0; role != JX_ROLE_NONE && i < fw->n_levels; i++)
        for (size_t j = 0; j < fw->levels[i].n_children; j++)
          if (fw->levels[i].children[j].role == role) {
            l1 = &fw->levels[i];
            l2 = &fw->levels[i].children[j];
            n++;
          }
      if (n == 1)
        return write_hint(l1, l2, buf, bufsz);
    }
  return 0;
}

/*
 * The hint tries, in order:
 *  1. level1 is really a level-2 name (local has no `cost.economic`, but
 *     `cost` is output.cost there): suggest that category.
 *  2. level2 exists, under another level-1 (`output.economic`): suggest it
 *     there, choosing the level-1 closest to what was written.
 *  3. level2 names a level-1 (`output.cost` in central2021): suggest its
 *     first child, as the level-1 was evidently meant.  Written bare
 *     (`满意度`), only a level-1 with a single child gives a hint.
 *  4. A typo: the spelling nearest in edit distance, over every mix of code,
 *     label and short label, within max(1, len/3) code points.
 * Exact readings come first because a wrong level pairing can be closer in
 * edit distance to an unrelated sibling than to the intended category.
 */
int jx_framework_suggest(const jx_framework *fw, const char *level1,
                         const char *level2, char *buf, size_t bufsz) {
  const jx_level1 *l1 = NULL;
  const jx_level2 *l2 = NULL;
  if (!fw || !level2 || !buf || bufsz == 0)
    return 0;

  if (level1) {
    int level1_known = 0;
    for (size_t i = 0; i < fw->n_levels; i++)
      level1_known |= jx_level1_matches(&fw->levels[i], level1);
    if (!level1_known && jx_framework_resolve(fw, NULL, level1, &l1, &l2))
      return write_hint(l1, l2, buf, bufsz);
    if ((l1 = parent_of(fw, level1, level2, &l2)) != NULL)
      return write_hint(l1, l2, buf, bufsz);
    for (size_t i = 0; i < fw->n_levels; i++)
      if (jx_level1_matches(&fw->levels[i], level2) &&
          fw->levels[i].n_children > 0)
        return write_hint(&fw->levels[i], &fw->levels[i].children[0], buf,
                          bufsz);
  } else {
    /* A bare level-1 name (满意度) is a level-2 path only when the level-1
     * has a single child; otherwise any pick would be a guess. */
    for (size_t i = 0; i < fw->n_levels; i++)
      if (jx_level1_matches(&fw->levels[i], level2) &&
          fw->levels[i].n_children == 1)
        return write_hint(&fw->levels[i], &fw->levels[i].children[0], buf,
                          bufsz);
  }

  cps want, have;
  cps_path(&want, level1, level1 ? strlen(level1) : 0, level2, strlen(level2));
  if (want.too_long)
    return 0;
  size_t limit = want.n / 3 > 1 ? want.n / 3 : 1;
  size_t best_d = SIZE_MAX;
  int tie = 0;
  l1 = NULL;
  for (size_t i = 0; i < fw->n_levels; i++) {
    const jx_level1 *c1 = &fw->levels[i];
    for (size_t j = 0; j < c1->n_children; j++) {
      const jx_level2 *c2 = &c1->children[j];
      for (int k1 = 0; k1 < 3; k1++) {
        const char *s1 = NULL;
        size_t n1 = 0;
        if (level1 && !spelling(c1->code, c1->label, k1, &s1, &n1))
          continue;
        if (!level1 && k1 > 0)
          break; /* a bare name is compared with level-2 spellings only */
        for (int k2 = 0; k2 < 3; k2++) {
          const char *s2;
          size_t n2;
          if (!spelling(c2->code, c2->label, k2, &s2, &n2))
            continue;
          cps_path(&have, s1, n1, s2, n2);
          if (have.too_long)
            continue;
          size_t d = distance(&want, &have);
          if (d < best_d) {
            best_d = d;
            l1 = c1;
            l2 = c2;
            tie = 0;
          } else if (d == best_d && c2 != l2) {
            tie = 1; /* equally close to two categories: no honest hint */
          }
        }
      }
    }
  }
  if (!l1 || tie || best_d > limit)
    return suggest_by_role(fw, level1, level2, buf, bufsz);
  return write_hint(l1, l2, buf, bufsz);
}
