/*
 * fmt_mutate.h — variants of a jixiao source that mean the same plan (or
 * the same plan with other free texts), for the formatter's property test
 * (test_fmt_props.c).
 *
 * Each mutation is one pass over the text, guided by the lexer's tokens:
 * the gaps between tokens hold only spaces and comments, so a pass can
 * respell keywords (every spelling vocab.def lists) and the built-in
 * categories (code, label or short label, either dot), put comments
 * in any gap or at the end of any line, change or add spaces, tabs,
 * full-width spaces and blank lines, join all lines into one, switch to
 * CRLF, type values as an input method or Word would (full-width digits,
 * thousands separators, strings in “ ”, a colon after a keyword), and
 * replace free texts (goals, measures, descriptions, bases, purposes)
 * with long mixed CJK/ASCII strings full of spaces, escapes, tabs,
 * full-width spaces and raw line breaks.  Randomness is a fixed-seed
 * splitmix64, so a failing variant is the same on every run.
 */
#ifndef JX_TEST_FMT_MUTATE_H
#define JX_TEST_FMT_MUTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "parse.h"
#include "parser.h"
#include "text_out.h"

typedef struct mut_rng {
  uint64_t s;
} mut_rng;

static uint32_t mut_pick(mut_rng *r, uint32_t n) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return (uint32_t)((z ^ (z >> 31)) % n);
}

/* True with probability percent/100. */
static bool mut_chance(mut_rng *r, uint32_t percent) {
  return mut_pick(r, 100) < percent;
}

#define MUT_COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MUT_ANY(r, a) ((a)[mut_pick((r), (uint32_t)MUT_COUNT(a))])

static void mut_puts(sd_buf *b, const char *s) {
  sd_put(b, s, strlen(s));
}

static void mut_putc(sd_buf *b, char c) {
  sd_put(b, &c, 1);
}

static void mut_printf(sd_buf *b, const char *fmt, unsigned n, const char *s) {
  char t[256];
  snprintf(t, sizeof t, fmt, n, s);
  mut_puts(b, t);
}

/* ---- The text as tokens ------------------------------------------------ */

typedef struct mut_tok {
  int kind;
  size_t start, end;
} mut_tok;

typedef struct mut_toks {
  mut_tok *v;
  size_t n, cap;
  const char *src;
  size_t len;
} mut_toks;

static bool mut_at(const char *s, size_t len, size_t i, const char *w) {
  size_t k = strlen(w);
  return i + k <= len && memcmp(s + i, w, k) == 0;
}

/* A string token's location is its opening quote; it ends at the first
 * quote that is not escaped (the lexer has checked the rest), or, opened
 * with “, at the ” that balances it. */
static size_t mut_string_end(const char *s, size_t len, size_t at) {
  if (mut_at(s, len, at, "“")) {
    size_t i = at;
    int depth = 0;
    while (i < len) {
      if (s[i] == '\\') {
        i += 2;
      } else if (mut_at(s, len, i, "“")) {
        depth++, i += 3;
      } else if (mut_at(s, len, i, "”")) {
        i += 3;
        if (--depth == 0)
          return i;
      } else {
        i++;
      }
    }
    return len;
  }
  size_t i = at + 1;
  while (i < len && s[i] != '"')
    i += s[i] == '\\' ? 2 : 1;
  return i + 1;
}

static void mut_on_token(void *ud, const jx_token *t) {
  mut_toks *k = ud;
  if (t->kind == 0)
    return;
  if (k->n == k->cap) {
    k->cap = k->cap ? 2 * k->cap : 256;
    k->v = realloc(k->v, k->cap * sizeof *k->v);
    if (!k->v)
      abort();
  }
  size_t start = (size_t)t->loc.offset;
  size_t end = t->kind == STRING ? mut_string_end(k->src, k->len, start)
                                 : start + t->loc.len;
  mut_tok x = {t->kind, start, end};
  k->v[k->n++] = x;
}

static void mut_quiet(void *ud, const char *text, size_t n) {
  (void)ud, (void)text, (void)n;
}

/* Tokens of s; false if it has lexical errors. */
static bool mut_lex(const char *s, size_t len, mut_toks *k) {
  memset(k, 0, sizeof *k);
  k->src = s;
  k->len = len;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, mut_quiet, NULL);
  uint32_t file = jx_diag_add_source(d, "x.jx", s, len);
  jx_arena a;
  jx_arena_init(&a);
  int errors = jx_lex_mem(s, len, file, d, &a, mut_on_token, k);
  jx_diag_flush(d);
  jx_diag_free(d);
  jx_arena_free(&a);
  return errors == 0;
}

/* The gap before token i (i == n: after the last token). */
static void mut_gap(const mut_toks *k, size_t i, size_t *a, size_t *b) {
  *a = i == 0 ? 0 : k->v[i - 1].end;
  *b = i == k->n ? k->len : k->v[i].start;
}

static bool mut_gap_has_comment(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (s[i] == '#' || s[i] == '/')
      return true;
  return false;
}

/* ---- Keywords in every spelling ----------------------------------------- */

#define MUT_WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Every spelling in compiler/domain/vocab.def, with its token. */
static const struct {
  int kind;
  const char *text;
} mut_spellings[] = {
#define JX_KEYWORD(tok, en, zh) {tok, en}, {tok, zh},
#define JX_OPERATOR(tok, op, en, zh) {tok, en}, {tok, zh},
#define JX_PUNCT(tok, en, zh) {tok, en}, {tok, zh},
#define JX_SPELLING(tok, text) {tok, text},
#include "vocab.def"
};

/* The spellings of the built-in frameworks' categories (code, label,
 * label without 指标): a category path is respelt half by half. */
static const char *const *const mut_categories[] = {
    MUT_WORDS("output", "产出指标", "产出"),
    MUT_WORDS("cost", "成本指标", "成本"),
    MUT_WORDS("benefit", "效益指标", "效益"),
    MUT_WORDS("satisfaction", "满意度指标", "满意度"),
    MUT_WORDS("quantity", "数量指标", "数量"),
    MUT_WORDS("quality", "质量指标", "质量"),
    MUT_WORDS("timeliness", "时效指标", "时效"),
    MUT_WORDS("social", "社会效益指标", "社会效益"),
    MUT_WORDS("ecological", "生态效益指标", "生态效益"),
    MUT_WORDS("sustainable", "可持续影响指标", "可持续影响"),
    MUT_WORDS("recipient", "服务对象满意度指标", "服务对象满意度"),
};

/* n bytes at s as written, or another spelling of the same category. */
static void mut_category_half(mut_rng *r, sd_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < MUT_COUNT(mut_categories); i++)
    for (const char *const *w = mut_categories[i]; *w; w++)
      if (strlen(*w) == n && memcmp(*w, s, n) == 0) {
        size_t k = 0;
        while (mut_categories[i][k])
          k++;
        mut_puts(b, mut_categories[i][mut_pick(r, (uint32_t)k)]);
        return;
      }
  sd_put(b, s, n);
}

/* Is a token a keyword (a colon may follow it; n/a is a value)? */
static bool mut_kw_token(int kind) {
  if (kind == NA)
    return false;
  static const int kws[] = {
#define JX_KEYWORD(tok, en, zh) tok,
#include "vocab.def"
  };
  for (size_t i = 0; i < MUT_COUNT(kws); i++)
    if (kws[i] == kind)
      return true;
  return false;
}

static const char *mut_respell(mut_rng *r, int kind) {
  uint32_t n = 0;
  for (size_t i = 0; i < MUT_COUNT(mut_spellings); i++)
    n += mut_spellings[i].kind == kind;
  if (n == 0)
    return NULL;
  uint32_t k = mut_pick(r, n);
  for (size_t i = 0; i < MUT_COUNT(mut_spellings); i++)
    if (mut_spellings[i].kind == kind && k-- == 0)
      return mut_spellings[i].text;
  return NULL;
}

/* ---- Text pieces ------------------------------------------------------- */

static const char *const mut_cjk[] = {
    "绩",   "效",   "目",   "标",   "管",   "理",   "预",   "算",  "资",
    "金",   "保",   "障",   "工",   "作",   "正",   "常",   "运",  "转",
    "提高", "服务", "质量", "完成", "年度", "任务", "落实", "责任"};

/* What may come between CJK runs in a generated string literal, as source
 * text: spaces of every kind, escapes, raw tabs and line breaks (the lexer
 * drops a raw line break and the indentation after it), punctuation that
 * may not start or end a line, ASCII words, combining marks and emoji. */
static const char *const mut_glue[] = {
    " ",        "  ",      "\u3000",    "\t",       "\\t",    "\\n",
    "\\\"",     "\\\\",    "\\u{3000}", "\\u{20}",  " x ",    "abc def",
    "Q3 2021",  "，",      "。",        "、",       "（",     "）",
    "“",        "”",       "《",        "》",       "\n    ", "\r\n\t ",
    "\n\u3000", "e\u0301", "😀",         "👩\u200d💻", "\u00a0", "\u200b",
    "ＡＢＣ",   "１２３",  "100%",      "—",        "…",      "·"};

/* A string literal of about `width` characters. */
static void mut_literal(mut_rng *r, sd_buf *b, unsigned id, size_t width) {
  mut_putc(b, '"');
  mut_printf(b, "第%u条%s", id, "");
  size_t w = 0;
  while (w < width) {
    size_t run = 1 + mut_pick(r, 40);
    for (size_t i = 0; i < run; i++)
      mut_puts(b, MUT_ANY(r, mut_cjk));
    w += run * 2;
    if (mut_chance(r, 80)) {
      mut_puts(b, MUT_ANY(r, mut_glue));
      w += 2;
    }
  }
  mut_putc(b, '"');
}

static const char *const mut_comment_texts[] = {
    " 注释",
    "",
    " note: keep me",
    "\t制表符\t",
    "# twice",
    "// slash",
    " \"quoted\" \\ ",
    " 全角\u3000空格",
    " trailing  ",
    " 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"};

static void mut_comment(mut_rng *r, sd_buf *b, unsigned *id) {
  mut_puts(b, mut_chance(r, 50) ? "#" : "//");
  mut_printf(b, " c%u%s", (*id)++, "");
  mut_puts(b, MUT_ANY(r, mut_comment_texts));
}

static const char *const mut_spaces[] = {
    " ",    "  ",     "\t",         "\u3000",   "\n",     "\r\n",
    "\n\n", " \n\t ", "\n  \t\n  ", "\n\u3000", "\n\n\n", "          "};

static const char *const mut_eol[] = {" ", "  ", "\t", "\u3000"};

/* ---- The passes -------------------------------------------------------- */

typedef struct mut_opts {
  uint32_t respell;  /* percent of keywords respelt */
  uint32_t comments; /* percent of gaps given a comment */
  uint32_t spaces;   /* percent of gaps re-spaced */
  uint32_t strings;  /* percent of free texts replaced */
  bool join;         /* everything on one line (but comments) */
  bool crlf;
  /* percent of tokens typed as an input method or Word would: numbers and
   * dates in full-width digits, strings in “ ”, a colon after a
   * keyword, thousands separators in long numbers */
  uint32_t ime;
} mut_opts;

/* A number, date or date range with its ASCII digits full-width, and (a
 * number with five or more digits before its point, no sign) its thousands
 * separated. */
static void mut_wide_number(mut_rng *r, sd_buf *b, const char *s, size_t n,
                            bool group) {
  size_t digits = 0;
  while (digits < n && s[digits] >= '0' && s[digits] <= '9')
    digits++;
  group = group && digits >= 5 && mut_chance(r, 50);
  bool wide = mut_chance(r, 70);
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9' && wide) {
      char fw[3] = {(char)0xEF, (char)0xBC, (char)(0x90 + (c - '0'))};
      sd_put(b, fw, 3);
    } else {
      mut_putc(b, c);
    }
    if (group && i + 1 < digits && (digits - i - 1) % 3 == 0)
      mut_puts(b, wide && mut_chance(r, 50) ? "，" : ",");
  }
}

/* A string's “ ” would end early at an unbalanced ” in its text. */
static bool mut_cn_quotable(const char *s, size_t n) {
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\\') {
      i++;
    } else if (mut_at(s, n, i, "“")) {
      depth++;
    } else if (mut_at(s, n, i, "”") && --depth < 0) {
      return false;
    }
  }
  return depth == 0;
}

/* Free texts: their content does not name anything. */
static void mut_free_texts(const jx_node *n, bool *is_free, const mut_toks *k) {
  for (; n; n = n->next) {
    const jx_text *t[2] = {NULL, NULL};
    switch (n->kind) {
    case JX_N_GOAL:
    case JX_N_PURPOSE:
    case JX_N_OVERALL:
      t[0] = &n->u.text.text;
      break;
    case JX_N_ATTR: /* a header field's value; the key of `attribute` too */
      t[0] = &n->u.attr.value;
      if (n->u.attr.key == JX_ATTR_OTHER)
        t[1] = &n->u.attr.name;
      break;
    case JX_N_MEASURE:
      t[0] = &n->u.measure.text;
      break;
    case JX_N_INDICATOR:
      t[0] = &n->u.indicator.desc;
      t[1] = &n->u.indicator.basis;
      /* the explanation columns are free texts too (issue 11) */
      for (int x = 0; x < JX_EXPL_COUNT; x++) {
        const jx_text *e = &n->u.indicator.expl[x];
        for (size_t i = 0; e->text && i < k->n; i++)
          if (k->v[i].start == e->loc.offset && k->v[i].kind == STRING)
            is_free[i] = true;
      }
      break;
    case JX_N_ACTUAL:
      t[0] = &n->u.actual.reason_text;
      t[1] = &n->u.actual.measure;
      break;
    case JX_N_ACTUALS:
    case JX_N_ACTUAL_PROJECT:
    case JX_N_FRAMEWORK:
    case JX_N_LEVEL1:
    case JX_N_DEPARTMENT:
    case JX_N_DIVISION:
    case JX_N_UNIT:
    case JX_N_PROJECT:
      mut_free_texts(n->u.block.items, is_free, k);
      break;
    default:
      break;
    }
    for (int j = 0; j < 2; j++) {
      if (!t[j] || !t[j]->text)
        continue;
      for (size_t i = 0; i < k->n; i++) /* tokens are few per statement */
        if (k->v[i].start == t[j]->loc.offset && k->v[i].kind == STRING)
          is_free[i] = true;
    }
  }
}

/* One pass of o over s; returns the new text (malloc'd, *n its length) or
 * NULL if s does not lex. */
static char *mut_pass(const char *s, size_t len, const mut_opts *o, mut_rng *r,
                      unsigned *id, size_t *n) {
  mut_toks k;
  if (!mut_lex(s, len, &k)) {
    free(k.v);
    return NULL;
  }
  bool *is_free = calloc(k.n + 1, 1);
  if (o->strings) {
    jx_diag *d = jx_diag_new();
    jx_diag_set_writer(d, mut_quiet, NULL);
    uint32_t file = jx_diag_add_source(d, "x.jx", s, len);
    jx_arena a;
    jx_arena_init(&a);
    jx_parse_options po = {true, false, NULL};
    jx_file_ast ast = {NULL, NULL};
    if (jx_parse_mem(s, len, file, d, &a, NULL, &po, &ast) == 0)
      mut_free_texts(ast.items, is_free, &k);
    jx_diag_flush(d);
    jx_diag_free(d);
    jx_arena_free(&a);
  }
  sd_buf b = {NULL, 0, 0};
  for (size_t i = 0; i <= k.n; i++) {
    size_t ga, gb;
    mut_gap(&k, i, &ga, &gb);
    bool has_comment = mut_gap_has_comment(s, ga, gb);
    /* The gap. */
    if (o->spaces && ga < gb && !has_comment && mut_chance(r, o->spaces)) {
      mut_puts(&b, MUT_ANY(r, mut_spaces));
    } else if (o->join) {
      for (size_t j = ga; j < gb; j++) {
        if (s[j] == '#' || s[j] == '/') { /* a comment keeps its newline */
          while (j < gb && s[j] != '\n')
            mut_putc(&b, s[j++]);
          if (j < gb)
            mut_putc(&b, '\n');
        } else {
          mut_putc(&b, s[j] == '\n' || s[j] == '\r' ? ' ' : s[j]);
        }
      }
    } else if (o->comments && !has_comment && mut_chance(r, o->comments / 2) &&
               memchr(s + ga, '\n', gb - ga)) {
      /* A comment at the end of the line the gap ends. */
      const char *nl = memchr(s + ga, '\n', gb - ga);
      size_t at = (size_t)(nl - s);
      if (at > ga && s[at - 1] == '\r')
        at--;
      sd_put(&b, s + ga, at - ga);
      mut_puts(&b, MUT_ANY(r, mut_eol));
      mut_comment(r, &b, id);
      sd_put(&b, s + at, gb - at);
    } else {
      sd_put(&b, s + ga, gb - ga);
    }
    if (o->comments && mut_chance(r, o->comments)) {
      /* A comment before the next token: on a line of its own, or after
       * what precedes it on the line. */
      if (mut_chance(r, 50))
        mut_puts(&b, "\n");
      else
        mut_puts(&b, " ");
      mut_comment(r, &b, id);
      if (i < k.n || mut_chance(r, 50))
        mut_puts(&b, mut_chance(r, 20) ? "\n\n  " : "\n  ");
    }
    if (i == k.n)
      break;
    /* The token. */
    const mut_tok *t = &k.v[i];
    const char *spelt = o->respell && mut_chance(r, o->respell)
                            ? mut_respell(r, t->kind)
                            : NULL;
    bool ime = o->ime && mut_chance(r, o->ime);
    if (spelt) {
      mut_puts(&b, " ");
      mut_puts(&b, spelt);
      /* 预算：89.1: a colon right after a keyword is dropped */
      mut_puts(&b, ime && mut_kw_token(t->kind) ? "：" : " ");
    } else if (is_free[i] && mut_chance(r, o->strings)) {
      mut_literal(r, &b, (*id)++, 20 + mut_pick(r, 600));
    } else if (t->kind == PATH && o->respell && mut_chance(r, o->respell)) {
      /* The other dot, and each half in any of its spellings. */
      size_t j = t->start, dl = 1;
      while (j < t->end && s[j] != '.' &&
             !(j + 2 < t->end && memcmp(s + j, "．", 3) == 0))
        j++;
      if (j < t->end && s[j] != '.')
        dl = 3;
      mut_category_half(r, &b, s + t->start, j - t->start);
      mut_puts(&b, dl == 1 ? "．" : ".");
      if (j < t->end)
        mut_category_half(r, &b, s + j + dl, t->end - j - dl);
    } else if (ime && (t->kind == NUMBER || t->kind == DATE ||
                       t->kind == DATE_RANGE)) {
      mut_wide_number(r, &b, s + t->start, t->end - t->start,
                      t->kind == NUMBER);
    } else if (ime && t->kind == STRING && s[t->start] == '"' &&
               mut_cn_quotable(s + t->start + 1, t->end - t->start - 2)) {
      mut_puts(&b, "“");
      sd_put(&b, s + t->start + 1, t->end - t->start - 2);
      mut_puts(&b, "”");
    } else if (ime && mut_kw_token(t->kind) && s[t->end - 1] != ':' &&
               !(t->end - t->start > 3 && mut_at(s, len, t->end - 3, "："))) {
      sd_put(&b, s + t->start, t->end - t->start);
      mut_puts(&b, mut_chance(r, 50) ? "：" : ":");
    } else {
      sd_put(&b, s + t->start, t->end - t->start);
    }
  }
  free(is_free);
  free(k.v);
  if (o->crlf) {
    sd_buf c = {NULL, 0, 0};
    for (size_t i = 0; i < b.n; i++) {
      if (b.p[i] == '\n' && (i == 0 || b.p[i - 1] != '\r'))
        mut_putc(&c, '\r');
      mut_putc(&c, b.p[i]);
    }
    free(b.p);
    b = c;
  }
  if (!b.p)
    mut_putc(&b, '\0'), b.n = 0;
  *n = b.n;
  return b.p;
}

#endif
