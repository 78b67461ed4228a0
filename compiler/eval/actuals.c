/*
 * actuals.c — what a user reports for the year, as written: the set of
 * entries (eval.h), the words they may use (ratings, reasons for a
 * shortfall, likelihoods, "as targeted", "not applicable") as tables in
 * both languages, and reading a value written as text.  The readers of
 * the two forms (actuals_csv.c, actuals_jx.c) build on these; which of
 * them reads a file is decided above them, in actuals_read.c.
 *
 * A value is read, not judged: 7月 stays a number with the unit 月 until
 * bind.c knows whether its target is a deadline (then it is July) or a
 * duration (seven months).
 */
#include "eval.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "table.h" /* the importer's decoding and header keys */

/* ---- Words --------------------------------------------------------------- */

/* A word and its spellings: the first is what English output writes, the
 * second what Chinese output writes; all are accepted, compared after
 * NFKC, without spaces and with ASCII in lower case. */
typedef struct word_row {
  int value;
  const char *spellings[6];
} word_row;

static const word_row ratings[] = {
    {JX_RATING_MET, {"met", "达成", "达到预期", "已达成"}},
    {JX_RATING_PARTLY, {"partly", "部分达成", "部分达到", "基本达成"}},
    {JX_RATING_MISSED, {"missed", "未达成", "未达到", "未达到预期"}},
};

static const word_row reasons[] = {
    {JX_REASON_FUNDING, {"funding", "经费保障", "经费"}},
    {JX_REASON_RULES, {"rules", "制度保障", "制度"}},
    {JX_REASON_STAFF, {"staff", "人员保障", "人员"}},
    {JX_REASON_HARDWARE, {"hardware", "硬件保障", "硬件"}},
    {JX_REASON_OTHER, {"other", "其他", "其它"}},
};

static const word_row likelihoods[] = {
    {JX_LIKELY_CERTAIN, {"certain", "确定能", "能"}},
    {JX_LIKELY_POSSIBLE, {"possible", "有可能", "可能"}},
    {JX_LIKELY_IMPOSSIBLE, {"impossible", "完全不可能", "不可能"}},
};

/* Values that are words: "as targeted", "not applicable". */
static const char *const targeted_words[] = {
    "targeted", "astargeted", "按目标", "达到目标值", "与目标一致", NULL};
static const char *const na_words[] = {"n/a", "不涉及", "不适用", NULL};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* NFKC, no whitespace, ASCII lower-cased: how words are compared. */
static char *norm(jx_arena *a, const char *s) {
  char *k = jx_table_key(a, s);
  for (char *p = k; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  return k;
}

static int lookup(const word_row *rows, size_t n, const char *word) {
  if (!word || !*word)
    return 0;
  jx_arena a;
  jx_arena_init(&a);
  const char *k = norm(&a, word);
  int found = 0;
  for (size_t i = 0; i < n && !found; i++)
    for (size_t j = 0; j < COUNT(rows[i].spellings) && rows[i].spellings[j];
         j++)
      if (strcmp(k, rows[i].spellings[j]) == 0) {
        found = rows[i].value;
        break;
      }
  jx_arena_free(&a);
  return found;
}

static bool in_list(const char *const *list, const char *k) {
  for (; *list; list++)
    if (strcmp(k, *list) == 0)
      return true;
  return false;
}

jx_rating jx_rating_lookup(const char *word) {
  return (jx_rating)lookup(ratings, COUNT(ratings), word);
}

jx_reason jx_reason_lookup(const char *word) {
  return (jx_reason)lookup(reasons, COUNT(reasons), word);
}

jx_likelihood jx_likelihood_lookup(const char *word) {
  return (jx_likelihood)lookup(likelihoods, COUNT(likelihoods), word);
}

static const char *word_of(const word_row *rows, size_t n, int v,
                           jx_lang lang) {
  for (size_t i = 0; i < n; i++)
    if (rows[i].value == v)
      return rows[i].spellings[lang == JX_LANG_ZH ? 1 : 0];
  return NULL;
}

const char *jx_rating_word(jx_rating r, jx_lang lang) {
  return word_of(ratings, COUNT(ratings), (int)r, lang);
}

const char *jx_reason_word(jx_reason r, jx_lang lang) {
  return word_of(reasons, COUNT(reasons), (int)r, lang);
}

const char *jx_likelihood_word(jx_likelihood l, jx_lang lang) {
  return word_of(likelihoods, COUNT(likelihoods), (int)l, lang);
}

const char *jx_ev_word_spelling(jx_ev_word kind, const char *word, bool zh) {
  jx_lang lang = zh ? JX_LANG_ZH : JX_LANG_EN;
  switch (kind) {
  case JX_EVW_RATING:
    return jx_rating_word(jx_rating_lookup(word), lang);
  case JX_EVW_REASON:
    return jx_reason_word(jx_reason_lookup(word), lang);
  case JX_EVW_LIKELIHOOD:
    return jx_likelihood_word(jx_likelihood_lookup(word), lang);
  }
  return NULL;
}

/* The canonical spellings in both languages ("met/达成, partly/部分达成
 * or missed/未达成"): a message may be read in either. */
static void words(jx_strbuf *out, jx_lang lang, const word_row *rows,
                  size_t n) {
  jx_strbuf each[8];
  const char *items[8];
  memset(each, 0, sizeof each);
  for (size_t i = 0; i < n && i < 8; i++) {
    jx_sb_printf(&each[i], "%s/%s", rows[i].spellings[0], rows[i].spellings[1]);
    items[i] = each[i].p;
  }
  jx_join(out, lang, items, n < 8 ? n : 8, false);
  for (size_t i = 0; i < 8; i++)
    jx_sb_free(&each[i]);
}

void jx_rating_words(jx_strbuf *out, jx_lang lang) {
  words(out, lang, ratings, COUNT(ratings));
}

void jx_reason_words(jx_strbuf *out, jx_lang lang) {
  words(out, lang, reasons, COUNT(reasons));
}

void jx_likelihood_words(jx_strbuf *out, jx_lang lang) {
  words(out, lang, likelihoods, COUNT(likelihoods));
}

/* ---- Values written as text ---------------------------------------------- */

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* Digits at s (at most 9); *end past them.  -1 when there are none. */
static int digits(const char *s, const char **end) {
  int v = 0, k = 0;
  while (is_digit(s[k]) && k < 9) {
    v = v * 10 + (s[k] - '0');
    k++;
  }
  *end = s + k;
  return k ? v : -1;
}

static bool starts(const char *s, const char *prefix, const char **end) {
  size_t n = strlen(prefix);
  if (strncmp(s, prefix, n) != 0)
    return false;
  *end = s + n;
  return true;
}

/* 2021年7月[15日], 2021-07[-15], 2021/7/15, 2021.7.15, 7月15日: the whole
 * text, or false. */
static bool read_date(const char *s, jx_av *out) {
  const char *p;
  int a = digits(s, &p), b, c = 0;
  if (a < 0)
    return false;
  if (p - s == 4 && (starts(p, "年", &p))) {
    if ((b = digits(p, &p)) < 0 || !starts(p, "月", &p))
      return false;
    if (*p && ((c = digits(p, &p)) < 0 || !starts(p, "日", &p)))
      return false;
  } else if (p - s == 4 && (*p == '-' || *p == '/' || *p == '.')) {
    char sep = *p++;
    if ((b = digits(p, &p)) < 0)
      return false;
    if (*p == sep && (c = digits(p + 1, &p)) < 0)
      return false;
    if (sep == '.' && c == 0)
      return false; /* 2021.5 is a number; only 2021.5.20 is a date */
  } else if (p - s <= 2 && starts(p, "月", &p) && *p) {
    /* 7月15日; a month alone (7月) is a number with a unit */
    b = a;
    a = 0;
    if ((c = digits(p, &p)) < 0 || !starts(p, "日", &p))
      return false;
  } else {
    return false;
  }
  if (*p || b < 1 || b > 12 || c < 0 || c > 31)
    return false;
  out->kind = JX_AV_DATE;
  out->year = a;
  out->month = b;
  out->day = c;
  return true;
}

/* [+-]digits[,ddd…][.digits] then a unit: the whole text, or false.  A
 * number that does not fit exactly is still a number (bind.c says why);
 * what follows must look like a unit, not words. */
static bool read_number(jx_arena *a, const char *s, jx_av *out) {
  char buf[64];
  size_t k = 0, i = 0;
  if (s[i] == '+' || s[i] == '-')
    buf[k++] = s[i++];
  if (!is_digit(s[i]))
    return false;
  while (is_digit(s[i]) || (s[i] == ',' && is_digit(s[i + 1]) && k > 0)) {
    if (s[i] != ',' && k < sizeof buf - 1)
      buf[k++] = s[i];
    i++;
  }
  if (s[i] == '.' && is_digit(s[i + 1])) {
    buf[k < sizeof buf - 1 ? k++ : k] = '.';
    for (i++; is_digit(s[i]); i++)
      if (k < sizeof buf - 1)
        buf[k++] = s[i];
  }
  const char *unit = s + i;
  while (*unit == ' ')
    unit++;
  size_t un = strlen(unit);
  const jx_unit_info *ui = un ? jx_unit_lookup(unit, un) : NULL;
  if (un && !ui && (un > 12 || strpbrk(unit, " 0123456789,;")))
    return false; /* "3 people trained": a text */
  out->kind = JX_AV_NUMBER;
  if (k >= sizeof buf - 1 ||
      jx_decimal_parse(buf, k, &out->number) != JX_DEC_OK)
    out->kind = JX_AV_TEXT; /* reported by bind.c as not a number */
  out->unit = un ? jx_arena_strdup(a, unit) : NULL;
  out->unit_info = ui;
  return true;
}

void jx_av_read(jx_arena *a, const char *text, jx_loc loc, jx_av *out) {
  memset(out, 0, sizeof *out);
  out->loc = loc;
  if (!text || !*text)
    return;
  out->text = text;
  const char *k = norm(a, text);
  if (in_list(targeted_words, k)) {
    out->kind = JX_AV_TARGETED;
    return;
  }
  if (in_list(na_words, k)) {
    out->kind = JX_AV_NA;
    return;
  }
  /* NFKC makes full-width digits and ％ plain; the text keeps them. */
  if (read_date(k, out))
    return;
  if (read_number(a, k, out))
    return;
  out->kind = JX_AV_TEXT;
}

/* ---- The set of entries ----------------------------------------------------
 */

jx_entry *jx_actuals_add(jx_actuals *a) {
  if (a->n == a->cap) {
    a->cap = a->cap ? a->cap * 2 : 64;
    a->entries = jx_xrealloc(a->entries, a->cap * sizeof *a->entries);
  }
  jx_entry *e = &a->entries[a->n++];
  memset(e, 0, sizeof *e);
  return e;
}

void jx_actuals_free(jx_actuals *a) {
  free(a->entries);
  free(a->profiles);
  free(a->text);
  jx_arena_free(&a->arena);
  memset(a, 0, sizeof *a);
}
