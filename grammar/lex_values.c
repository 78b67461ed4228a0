/*
 * lex_values.c — see lex_values.h.
 *
 * The patterns of grammar/lexer.l have already checked each token's
 * shape, so the readers here only take it apart: where the digits end and
 * the unit starts, which comparison word ends the unit, which digits are
 * the year, the month and the day.  Nothing is judged here (a month 13 or
 * an end before the start is the checker's, check_value.c), except a
 * thousands separator out of place, which has no reading at all.
 */
#include "lex_values.h"

#include <string.h>
#include <utf8proc.h>

#include "vocab.h"

/* A lexical error (see lexer.l's lex_error: after a failed read the
 * input's end is false, and nothing is said about it). */
static void report(jx_scan *s, jx_diag_id id, jx_loc loc, const char *arg) {
  s->lex_errors++;
  if (!s->read_failed)
    jx_diag_report(s->diag, id, loc, arg);
}

/* ---- full-width forms ---------------------------------------------------- */

char *jx_lex_fold(jx_scan *s, const char *t, size_t n, size_t *out_n) {
  char *o = jx_arena_alloc(s->arena, n + 1);
  size_t j = 0;
  const unsigned char *u = (const unsigned char *)t;
  for (size_t i = 0; i < n;) {
    /* U+FF00–U+FFEF is EF BC 80 – EF BF AF. */
    if (u[i] == 0xEF && i + 2 < n && u[i + 1] >= 0xBC && u[i + 1] <= 0xBF) {
      utf8proc_int32_t cp =
          (utf8proc_int32_t)(((u[i] & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) |
                             (u[i + 2] & 0x3F));
      utf8proc_int32_t d[4];
      int bound = 0;
      utf8proc_ssize_t k = utf8proc_decompose_char(
          cp, d, 4, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &bound);
      utf8proc_uint8_t enc[16];
      size_t len = 0;
      for (utf8proc_ssize_t m = 0; k > 0 && k <= 4 && m < k; m++)
        len += (size_t)utf8proc_encode_char(d[m], enc + len);
      if (k > 0 && k <= 4 && len <= 3) { /* never longer than written */
        memcpy(o + j, enc, len);
        j += len;
        i += 3;
        continue;
      }
    }
    o[j++] = t[i++];
  }
  o[j] = '\0';
  *out_n = j;
  return o;
}

/* ---- numbers ------------------------------------------------------------- */

/* Bytes of one character of a number's digits at t (n left), as written:
 * a digit, a sign, a point or a thousands separator, ASCII or full-width;
 * 0 for anything else (the unit has started). */
static size_t number_char(const char *t, size_t n) {
  unsigned char c = (unsigned char)t[0];
  if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == ',')
    return 1;
  /* ０–９ EF BC 90–99; ＋ 8B, ，8C, － 8D, ．8E */
  if (c == 0xEF && n >= 3 && (unsigned char)t[1] == 0xBC) {
    unsigned char d = (unsigned char)t[2];
    if ((d >= 0x90 && d <= 0x99) || (d >= 0x8B && d <= 0x8E))
      return 3;
  }
  return 0;
}

/* Thousands separators where they belong: 3,309,840 and 909.5 but not
 * 3,30,9840, 33,09,840 or 3,309,84. */
static bool groups_ok(const char *num) {
  if (*num == '-' || *num == '+')
    num++;
  size_t first = strcspn(num, ",.");
  if (num[first] != ',')
    return true;
  if (first < 1 || first > 3)
    return false;
  const char *p = num + first;
  while (*p == ',') {
    size_t k = strspn(p + 1, "0123456789");
    if (k != 3)
      return false;
    p += 1 + k;
  }
  return *p == '\0' || *p == '.';
}

jx_value *jx_lex_number_wide(jx_scan *s, const char *t, size_t n, jx_loc loc) {
  size_t i = 0;
  for (size_t k; i < n && (k = number_char(t + i, n - i)) > 0;)
    i += k;
  size_t nn, un;
  char *num = jx_lex_fold(s, t, i, &nn);
  char *unit = jx_lex_fold(s, t + i, n - i, &un);
  if (!groups_ok(num)) {
    report(s, JX_E_NUMBER_SEPARATOR, loc, num);
    if (!s->read_failed)
      jx_diag_note(s->diag, JX_N_NUMBER_SEPARATOR, loc);
    return NULL;
  }
  jx_value *v = jx_arena_alloc(s->arena, sizeof *v);
  v->kind = JX_VAL_NUMBER;
  char *text = jx_arena_alloc(s->arena, nn + un + 1);
  memcpy(text, num, nn);
  memcpy(text + nn, unit, un + 1);
  v->text = text;
  /* The number without its separators. */
  size_t j = 0;
  for (size_t k = 0; k < nn; k++)
    if (num[k] != ',')
      num[j++] = num[k];
  num[j] = '\0';
  v->number = num;
  v->loc = loc;
  if (un > 0)
    jx_lex_set_unit(s, v, nn, un, i, n - i);
  return v;
}

/* ---- dates --------------------------------------------------------------- */

typedef struct date_part {
  int y, m, d;
  bool has_m, has_d;
} date_part;

/* The run of ASCII digits at i (at most 9 read), its value in *out. */
static size_t digits(const char *t, size_t n, size_t i, int *out) {
  size_t k = 0;
  int v = 0;
  while (i + k < n && t[i + k] >= '0' && t[i + k] <= '9') {
    if (k < 9)
      v = v * 10 + (t[i + k] - '0');
    k++;
  }
  *out = v;
  return k;
}

/* Is w at *i?  Then past it. */
static bool lit(const char *t, size_t n, size_t *i, const char *w) {
  size_t k = strlen(w);
  if (*i + k > n || memcmp(t + *i, w, k) != 0)
    return false;
  *i += k;
  return true;
}

/* After a month: 底 or 末, its end, which is the month as a whole. */
static bool month_end(const char *t, size_t n, size_t *i) {
  return lit(t, n, i, "底") || lit(t, n, i, "末");
}

/* One date at i, in any of the forms lexer.l matches: 2023年6月30日,
 * 2023年6月, 2023年6月底, 2023年底 (December), 2023年 (a year), 2023.07,
 * 2023/7/1, 2021-12-31, 202001, 20200101; and, for a range's end only
 * (start given), 12月 or 12月31日 in the start's year.  Returns where it
 * ends. */
static size_t date_at(const char *t, size_t n, size_t i, const date_part *start,
                      date_part *p) {
  memset(p, 0, sizeof *p);
  int a;
  size_t k = digits(t, n, i, &a);
  if (k <= 2 && start) { /* 12月 or 12月31日 after a year-month start */
    p->y = start->y;
    p->m = a;
    p->has_m = true;
    i += k;
    lit(t, n, &i, "月");
    if (month_end(t, n, &i))
      return i;
    k = digits(t, n, i, &a);
    size_t j = i + k;
    if (k && (lit(t, n, &j, "日") || lit(t, n, &j, "号"))) {
      p->d = a;
      p->has_d = true;
      i = j;
    }
    return i;
  }
  if (k == 6 || k == 8) { /* 202001, 20200101 */
    int y = 0, m = 0, d = 0;
    digits(t, i + 4, i, &y);
    digits(t, i + 6, i + 4, &m);
    p->y = y;
    p->m = m;
    p->has_m = true;
    if (k == 8) {
      digits(t, i + 8, i + 6, &d);
      p->d = d;
      p->has_d = true;
    }
    return i + k;
  }
  p->y = a;
  i += k;
  if (lit(t, n, &i, "年")) {
    if (month_end(t, n, &i)) { /* 年底: its last month */
      p->m = 12;
      p->has_m = true;
      return i;
    }
    k = digits(t, n, i, &a);
    size_t j = i + k;
    if (k == 0 || !lit(t, n, &j, "月"))
      return i; /* a year alone */
    p->m = a;
    p->has_m = true;
    i = j;
    if (month_end(t, n, &i))
      return i;
    k = digits(t, n, i, &a);
    j = i + k;
    if (k && (lit(t, n, &j, "日") || lit(t, n, &j, "号"))) {
      p->d = a;
      p->has_d = true;
      i = j;
    }
    return i;
  }
  if (i < n && (t[i] == '.' || t[i] == '/' || t[i] == '-')) {
    char sep = t[i];
    k = digits(t, n, i + 1, &a);
    if (k == 0)
      return i;
    p->m = a;
    p->has_m = true;
    i += 1 + k;
    /* The day follows the same mark as the month (2021-12-31, 2023.7.1):
     * after 2023.07, a '-' starts the range's end. */
    if (i < n && t[i] == sep && (k = digits(t, n, i + 1, &a)) > 0) {
      p->d = a;
      p->has_d = true;
      i += 1 + k;
    }
  }
  return i;
}

static uint8_t flags_of(const date_part *p, uint8_t month, uint8_t day) {
  return (uint8_t)((p->has_m ? month : 0) | (p->has_d ? day : 0));
}

/* The token's value as written, and its comparison word if it ends in
 * one (2023年6月底前: a deadline). */
static jx_value *date_value(jx_scan *s, const char *t, size_t n, jx_loc loc,
                            jx_value_kind kind) {
  jx_value *v = jx_arena_alloc(s->arena, sizeof *v);
  v->kind = kind;
  v->text = jx_arena_strndup(s->arena, t, n);
  v->loc = loc;
  size_t len = 0;
  jx_postfix p = jx_vocab_postfix(&s->vocab, t, n, &len);
  if (p != JX_POST_NONE) {
    v->post = (uint8_t)p;
    v->post_len = (uint8_t)len;
  }
  return v;
}

/* A date written with full-width digits or marks, as its NFKC form. */
static const char *date_text(jx_scan *s, const char *t, size_t *n) {
  return memchr(t, 0xEF, *n) ? jx_lex_fold(s, t, *n, n) : t;
}

jx_value *jx_lex_date(jx_scan *s, const char *t, size_t n, jx_loc loc) {
  t = date_text(s, t, &n);
  jx_value *v = date_value(s, t, n, loc, JX_VAL_DATE);
  date_part p;
  date_at(t, n, 0, NULL, &p);
  v->year = p.y;
  v->month = p.m;
  v->day = p.d;
  v->flags = flags_of(&p, JX_VF_MONTH, JX_VF_DAY);
  return v;
}

/* Skips spaces and tabs, then the mark between a range's two dates. */
static size_t range_sep(const char *t, size_t n, size_t i) {
  static const char *const seps[] = {"——", "-",  "－", "—", "–",
                                     "~",  "～", "至", "到"};
  while (i < n && (t[i] == ' ' || t[i] == '\t'))
    i++;
  for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
    if (lit(t, n, &i, seps[k]))
      break;
  while (i < n && (t[i] == ' ' || t[i] == '\t'))
    i++;
  return i;
}

jx_value *jx_lex_date_range(jx_scan *s, const char *t, size_t n, jx_loc loc) {
  t = date_text(s, t, &n);
  jx_value *v = date_value(s, t, n, loc, JX_VAL_DATE_RANGE);
  date_part a, b;
  size_t i = date_at(t, n, 0, NULL, &a);
  i = range_sep(t, n, i);
  date_at(t, n, i, &a, &b);
  v->year = a.y;
  v->month = a.m;
  v->day = a.d;
  v->year2 = (int16_t)b.y;
  v->month2 = (uint8_t)(b.m > 255 ? 255 : b.m);
  v->day2 = (uint8_t)(b.d > 255 ? 255 : b.d);
  v->flags = (uint8_t)(flags_of(&a, JX_VF_MONTH, JX_VF_DAY) |
                       flags_of(&b, JX_VF_MONTH2, JX_VF_DAY2));
  return v;
}
