/*
 * lsp_complete.c — textDocument/completion, from the compiler's tables:
 * the keywords of vocab.def in both languages, the categories of the
 * framework in force (level 1 then level 2, each by code and by label),
 * the units of units.c, the months, and a snippet of a new project table
 * in the official order.  A construct added to those tables appears here
 * with no change to this file.
 *
 * What is offered depends on where the cursor is, read from the text just
 * before it: after a number, units; in a `schedule` statement, months;
 * after a level-1 category and its dot (`output.`, `产出指标．`), the
 * level-2 categories under it; elsewhere, keywords, categories and the
 * snippets.  Each item replaces
 * the word being typed (a textEdit), which the client may not know how to
 * find in Chinese text.
 */
#include <stdio.h>
#include <string.h>

#include "framework.h"
#include "lsp_impl.h"
#include "units.h"
#include "vocab.h"

enum {
  K_VALUE = 12,
  K_UNIT = 11,
  K_KEYWORD = 14,
  K_SNIPPET = 15,
  K_ENUM = 13,
  K_MEMBER = 20
};

/* ---- reading the text before the cursor ---------------------------------- */

/* The code point that ends at s[i] (exclusive); *start its first byte. */
static unsigned prev_cp(const char *s, size_t i, size_t *start) {
  size_t j = i - 1;
  while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
    j--;
  const unsigned char *u = (const unsigned char *)s + j;
  unsigned cp;
  size_t n = i - j;
  if (n == 1)
    cp = u[0];
  else if (n == 2)
    cp = (u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu);
  else if (n == 3)
    cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
  else
    cp = (u[0] & 0x07u) << 18 | (u[1] & 0x3Fu) << 12 | (u[2] & 0x3Fu) << 6 |
         (u[3] & 0x3Fu);
  *start = j;
  return cp;
}

/* A character of a word being typed: what the lexer puts in words,
 * numbers with their units and category paths (the dots too). */
static bool word_cp(unsigned cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9') || cp == '_' || cp == '.' || cp == '%' ||
           cp == '/' || cp == '-';
  static const unsigned marks[] = {0x3000, 0xFF1B, 0xFF5B, 0xFF5D, 0x201C,
                                   0x201D, 0xFF1D, 0xFF1E, 0xFF1C, 0x2264,
                                   0x2265, 0x2266, 0x2267, 0xFF0C, 0x3001,
                                   0x3002, 0xFF08, 0xFF09, 0x2018, 0x2019};
  for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
    if (cp == marks[i])
      return false;
  return true;
}

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* A statement's first word, to tell a schedule: the bytes after the last
 * ; { } before `at` (wide ones too), blanks skipped. */
static bool in_schedule(const char *s, size_t at) {
  size_t i = at, start = 0;
  while (i > 0) {
    size_t j;
    unsigned cp = prev_cp(s, i, &j);
    if (cp == ';' || cp == '{' || cp == '}' || cp == 0xFF1B || cp == 0xFF5B ||
        cp == 0xFF5D) {
      start = i;
      break;
    }
    i = j;
  }
  while (start < at && (s[start] == ' ' || s[start] == '\t' ||
                        s[start] == '\n' || s[start] == '\r'))
    start++;
  size_t end = start;
  while (end < at) {
    unsigned char c = (unsigned char)s[end];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
      break;
    end++;
  }
  if (end == start || end - start > JX_VOCAB_MAX_LEN)
    return false;
  for (size_t i2 = 0; i2 < jx_vocab_n_spellings; i2++) {
    const jx_vocab_spelling *e = &jx_vocab_spellings[i2];
    if (e->kw == JX_KW_SCHEDULE && e->len == end - start &&
        memcmp(e->text, s + start, e->len) == 0)
      return true;
  }
  return false;
}

/* ---- items ----------------------------------------------------------------
 */

typedef struct items {
  jx_lsp *s;
  jx_lsp_doc *d;
  json_t *list;
  size_t from, to; /* the word replaced */
} items;

static json_t *item(items *it, const char *label, int kind, const char *detail,
                    const char *sort, const char *insert, bool snippet) {
  json_t *x = json_pack("{s:o,s:i,s:s,s:{s:o,s:o}}", "label", jx_lsp_str(label),
                        "kind", kind, "sortText", sort, "textEdit", "range",
                        jx_lsp_range(it->d, it->from, it->to - it->from),
                        "newText", jx_lsp_str(insert ? insert : label));
  if (detail)
    json_object_set_new(x, "detail", jx_lsp_str(detail));
  if (snippet)
    json_object_set_new(x, "insertTextFormat", json_integer(2));
  json_array_append_new(it->list, x);
  return x;
}

static void keywords(items *it) {
  bool zh = it->s->lang == JX_LANG_ZH;
  char sort[32];
  jx_strbuf detail = {0};
  for (int k = 0; k < JX_KW_COUNT; k++) {
    if (!jx_kw_is_keyword((jx_kw)k))
      continue;
    for (int l = 0; l < 2; l++) {
      bool chinese = l == 0 ? zh : !zh; /* the server's language first */
      jx_sb_clear(&detail);
      jx_lsp_msg(it->s, &detail, JX_M_LSP_C_KEYWORD,
                 jx_keyword((jx_kw)k, !chinese));
      snprintf(sort, sizeof sort, "3%d%03d", l, k);
      item(it, jx_keyword((jx_kw)k, chinese), K_KEYWORD, detail.p, sort, NULL,
           false);
    }
  }
  jx_sb_free(&detail);
}

static void categories(items *it, const jx_framework *fw) {
  bool zh = it->s->lang == JX_LANG_ZH;
  char sort[64], label[512], detail[600];
  jx_strbuf what = {0};
  jx_lsp_msg(it->s, &what, JX_M_LSP_C_LEVEL1);
  for (size_t i = 0; i < fw->n_levels; i++) {
    const jx_level1 *a = &fw->levels[i];
    for (int l = 0; l < 2; l++) {
      bool by_label = l == 0 ? zh : !zh;
      snprintf(detail, sizeof detail, "%s · %s", by_label ? a->code : a->label,
               what.p);
      snprintf(sort, sizeof sort, "1a%03zu%d", i, l);
      item(it, by_label ? a->label : a->code, K_ENUM, detail, sort, NULL,
           false);
    }
  }
  jx_sb_clear(&what);
  jx_lsp_msg(it->s, &what, JX_M_LSP_C_LEVEL2);
  for (size_t i = 0; i < fw->n_levels; i++) {
    const jx_level1 *a = &fw->levels[i];
    for (size_t j = 0; j < a->n_children; j++) {
      const jx_level2 *b = &a->children[j];
      for (int l = 0; l < 2; l++) {
        bool by_label = l == 0 ? zh : !zh;
        snprintf(label, sizeof label, "%s.%s", by_label ? a->label : a->code,
                 by_label ? b->label : b->code);
        snprintf(detail, sizeof detail, "%s.%s · %s",
                 by_label ? a->code : a->label, by_label ? b->code : b->label,
                 what.p);
        snprintf(sort, sizeof sort, "1b%03zu%03zu%d", i, j, l);
        item(it, label, K_MEMBER, detail, sort, NULL, false);
      }
    }
  }
  jx_sb_free(&what);
}

/* The word being typed is a level-1 category and a dot (. or the wide ．)
 * and perhaps the start of a level-2: offers that level-1's children, each
 * by code and by label, after the level-1 as it was written.  False when
 * the word is not that. */
static bool children(items *it, const jx_framework *fw) {
  const char *t = it->d->text;
  size_t dot = it->from, dot_len = 0;
  for (; dot < it->to; dot++) {
    if (t[dot] == '.') {
      dot_len = 1;
      break;
    }
    if (it->to - dot >= 3 && memcmp(t + dot, "\xEF\xBC\x8E", 3) == 0) {
      dot_len = 3;
      break;
    }
  }
  if (!dot_len || dot == it->from || dot - it->from > 256)
    return false;
  char l1[257];
  memcpy(l1, t + it->from, dot - it->from);
  l1[dot - it->from] = '\0';
  const jx_level1 *a = NULL;
  for (size_t i = 0; i < fw->n_levels && !a; i++)
    if (jx_level1_matches(&fw->levels[i], l1))
      a = &fw->levels[i];
  if (!a)
    return false;
  bool zh = it->s->lang == JX_LANG_ZH;
  char sort[64], label[600], detail[600];
  jx_strbuf what = {0};
  jx_lsp_msg(it->s, &what, JX_M_LSP_C_LEVEL2);
  for (size_t j = 0; j < a->n_children; j++) {
    const jx_level2 *b = &a->children[j];
    for (int l = 0; l < 2; l++) {
      bool by_label = l == 0 ? zh : !zh;
      snprintf(label, sizeof label, "%s%.*s%s", l1, (int)dot_len, t + dot,
               by_label ? b->label : b->code);
      snprintf(detail, sizeof detail, "%s · %s", by_label ? b->code : b->label,
               what.p);
      snprintf(sort, sizeof sort, "1b%03zu%d", j, l);
      item(it, label, K_MEMBER, detail, sort, NULL, false);
    }
  }
  jx_sb_free(&what);
  return true;
}

static void units(items *it) {
  size_t n;
  const jx_unit_info *t = jx_unit_table(&n);
  char sort[32];
  jx_strbuf detail = {0};
  for (size_t i = 0; i < n; i++) {
    jx_sb_clear(&detail);
    jx_lsp_msg(it->s, &detail, JX_M_LSP_C_UNIT,
               jx_dimension_word(t[i].dimension, it->s->lang == JX_LANG_ZH));
    snprintf(sort, sizeof sort, "4%04zu", i);
    item(it, t[i].spelling, K_UNIT, detail.p, sort, NULL, false);
  }
  jx_sb_free(&detail);
}

static void months(items *it) {
  bool zh = it->s->lang == JX_LANG_ZH;
  char sort[32];
  jx_strbuf detail = {0};
  for (int m = 1; m <= 12; m++)
    for (int l = 0; l < 2; l++) {
      bool chinese = l == 0 ? zh : !zh;
      jx_sb_clear(&detail);
      jx_lsp_msg(it->s, &detail, JX_M_LSP_C_MONTH, m);
      snprintf(sort, sizeof sort, "5%d%02d", l, m);
      item(it, jx_month_name(m, chinese), K_VALUE, detail.p, sort, NULL, false);
    }
  jx_sb_free(&detail);
}

/* Text in a snippet: $ } and \ are escaped. */
static void snip(jx_strbuf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '$' || *s == '}' || *s == '\\')
      jx_sb_add(b, "\\", 1);
    jx_sb_add(b, s, 1);
  }
}

static void placeholder(jx_strbuf *b, jx_lsp *s, int *n, jx_msg text) {
  jx_strbuf t = {0};
  jx_lsp_msg(s, &t, text);
  jx_sb_printf(b, "${%d:", (*n)++);
  snip(b, t.p);
  jx_sb_puts(b, "}");
  jx_sb_free(&t);
}

/* A project table as the official form lays it out: name and budget,
 * code, funds, purpose, schedule, goal, then one indicator per level-2
 * category of the framework in force, in the framework's order. */
static void project_snippet(items *it, const jx_framework *fw, bool zh) {
  jx_lsp *s = it->s;
  jx_strbuf b = {0};
  int n = 1;
#define KW(k) snip(&b, jx_keyword(JX_KW_##k, zh))
  KW(PROJECT);
  jx_sb_puts(&b, " \"");
  placeholder(&b, s, &n, JX_M_LSP_PH_NAME);
  jx_sb_puts(&b, "\" ");
  KW(BUDGET);
  jx_sb_printf(&b, " ${%d:0} {\n  ", n++);
  KW(CODE);
  jx_sb_puts(&b, " \"");
  placeholder(&b, s, &n, JX_M_LSP_PH_CODE);
  jx_sb_puts(&b, "\";\n  ");
  KW(FUNDS);
  jx_sb_puts(&b, " ");
  KW(FISCAL);
  jx_sb_printf(&b, " ${%d:0} ", n++);
  KW(OTHER);
  jx_sb_printf(&b, " ${%d:0};\n  ", n++);
  KW(PURPOSE);
  jx_sb_puts(&b, " \"");
  placeholder(&b, s, &n, JX_M_LSP_PH_PURPOSE);
  jx_sb_puts(&b, "\";\n  ");
  KW(SCHEDULE);
  static const int quarter[] = {3, 6, 9, 12};
  for (int q = 0; q < 4; q++) {
    jx_sb_puts(&b, " ");
    snip(&b, jx_month_name(quarter[q], zh));
    jx_sb_printf(&b, " ${%d:%d}%%", n++, 25 * (q + 1));
  }
  jx_sb_puts(&b, ";\n  ");
  KW(GOAL);
  jx_sb_puts(&b, " \"");
  placeholder(&b, s, &n, JX_M_LSP_PH_GOAL);
  jx_sb_puts(&b, "\";");
#undef KW
  for (size_t i = 0; i < fw->n_levels; i++)
    for (size_t j = 0; j < fw->levels[i].n_children; j++) {
      const jx_level1 *a = &fw->levels[i];
      const jx_level2 *c = &a->children[j];
      jx_sb_puts(&b, "\n  ");
      snip(&b, zh ? a->label : a->code);
      jx_sb_puts(&b, ".");
      snip(&b, zh ? c->label : c->code);
      jx_sb_puts(&b, " \"");
      placeholder(&b, s, &n, JX_M_LSP_PH_INDICATOR);
      if (c->role == JX_ROLE_SATISFACTION)
        jx_sb_printf(&b, "\" %s ${%d:90}%%;", jx_keyword(JX_KW_GE, zh), n++);
      else
        jx_sb_printf(&b, "\" %s ${%d:0};", jx_keyword(JX_KW_EQ, zh), n++);
    }
  jx_sb_puts(&b, "\n}$0");
  jx_strbuf detail = {0};
  jx_lsp_msg(s, &detail, JX_M_LSP_C_SNIPPET);
  char label[64];
  snprintf(label, sizeof label, "%s { … }", jx_keyword(JX_KW_PROJECT, zh));
  item(it, label, K_SNIPPET, detail.p, zh ? "00" : "01", b.p, true);
  json_object_set_new(json_array_get(it->list, json_array_size(it->list) - 1),
                      "filterText", json_string(jx_keyword(JX_KW_PROJECT, zh)));
  jx_sb_free(&detail);
  jx_sb_free(&b);
}

json_t *jx_lsp_completion(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  size_t off;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, &off);
  if (!d)
    return NULL;
  const char *t = d->text;
  size_t from = off, j;
  while (from > 0 && word_cp(prev_cp(t, from, &j)))
    from = j;
  items it = {s, d, json_array(), from, off};
  if (from < off && (is_digit(t[from]) || t[from] == '-' || t[from] == '+')) {
    /* A number: what follows its digits is its unit. */
    size_t u = from + 1;
    while (u < off && (is_digit(t[u]) || t[u] == '.'))
      u++;
    it.from = u;
    units(&it);
  } else if (in_schedule(t, from)) {
    months(&it);
  } else if (!children(&it, jx_loaded_framework(d->plan))) {
    const jx_framework *fw = jx_loaded_framework(d->plan);
    project_snippet(&it, fw, s->lang == JX_LANG_ZH);
    project_snippet(&it, fw, s->lang != JX_LANG_ZH);
    categories(&it, fw);
    keywords(&it);
  }
  return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", it.list);
}
