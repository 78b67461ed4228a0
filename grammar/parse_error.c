/*
 * parse_error.c — what a syntax error says (grammar/parser.y's custom
 * error report): the token met, as the user wrote it or by what it is, a
 * hint when a word is a misspelt keyword, the tokens that would have
 * fitted, in every language (the record is worded later, in whichever the
 * run shows), and the one error that says more: a category label typed
 * with a space.
 *
 * The parser's tokens are raw (%define api.token.raw): a grammar symbol's
 * number is its token kind, so the kinds bison gives here are parser.h's.
 */
#include <stdio.h>
#include <string.h>

#include "scan.h"
/* The generated headers need jx_scan, then the parser's token kinds. */
#include "parser.h"
#include "lexer.h"

#include "catalog.h"
#include "vocab.h"

/* The vocabulary entry of a token kind (vocab.def), or JX_KW_COUNT for a
 * token with no fixed spelling. */
static jx_kw kind_kw(int k) {
  switch (k) {
#define JX_KEYWORD(tok, e, z)                                                  \
  case tok:                                                                    \
    return JX_KW_##tok;
#define JX_OPERATOR(tok, op, e, z)                                             \
  case tok:                                                                    \
    return JX_KW_##tok;
#define JX_PUNCT(tok, e, z)                                                    \
  case tok:                                                                    \
    return JX_KW_##tok;
#include "vocab.def"
  default:
    return JX_KW_COUNT;
  }
}

/* What a token with no fixed spelling is ("end of file", "字符串"). */
static jx_msg kind_name(int k) {
  switch (k) {
  case YYEOF:
    return JX_M_TOK_EOF;
  case STRING:
    return JX_M_TOK_STRING;
  case NUMBER:
    return JX_M_TOK_NUMBER;
  case DATE:
    return JX_M_TOK_DATE;
  case DATE_RANGE:
    return JX_M_TOK_DATE_RANGE;
  case WORD:
    return JX_M_TOK_WORD;
  case PATH:
    return JX_M_TOK_CATEGORY;
  case MONTH:
    return JX_M_TOK_MONTH;
  default:
    return JX_M_TOK_INVALID;
  }
}

const char *jx_token_display_name(int kind, jx_lang lang, bool *literal) {
  jx_kw w = kind_kw(kind);
  *literal = w != JX_KW_COUNT;
  if (*literal)
    return jx_keyword(w, lang == JX_LANG_ZH);
  return jx_msg_text(kind_name(kind), lang);
}

void jx_parse_syntax_error(jx_scan *p, const char *matched, int got,
                           const int *expected, int n, const jx_loc *loc) {
  /* A category label typed with a space (经济效益 指标 "…"): a word right
   * after the category, on its line, where no word may come.  (Which
   * tokens were expected cannot tell: a row may be its category alone,
   * issue 11, so the parser has reduced its empty attributes first.) */
  const char *second = NULL;
  if (p->cat_text && p->cat_loc.line == loc->line &&
      loc->offset > p->cat_loc.offset + p->cat_loc.len) {
    if (got == WORD && p->prev_word == p->cat_text)
      second = p->last_word;
    else if (got == INDICATOR && p->last_word == p->cat_text)
      second = matched; /* 指标: the usual end of a label */
  }
  if (second) {
    jx_loc both = p->cat_loc; /* from the category to the word after it */
    both.len = (uint32_t)(loc->offset + loc->len - both.offset);
    jx_diag_report(p->diag, JX_E_CATEGORY_SPACE, both, p->cat_text, second,
                   p->cat_text, second);
    return;
  }
  bool literal;
  jx_token_display_name(got, JX_LANG_EN, &literal);
  if (got == WORD && p->last_word) {
    /* A long word is quoted by its start, cut at a character boundary. */
    const char *w = p->last_word;
    size_t len = strlen(w), k = len > 120 ? 120 : len;
    while (k > 0 && k < len && ((unsigned char)w[k] & 0xC0) == 0x80)
      k--;
    char word[128];
    snprintf(word, sizeof word, "%.*s%s", (int)k, w, k < len ? "…" : "");
    jx_diag_report(p->diag, JX_E_SYNTAX_UNEXPECTED_WORD, *loc, word);
  } else if (literal) {
    /* A keyword, operator or mark, as the user wrote it: the lookahead
     * is the last token the scanner matched. */
    jx_diag_report(p->diag, JX_E_SYNTAX_UNEXPECTED_TEXT, *loc, matched);
  } else {
    jx_diag_report(p->diag, JX_E_SYNTAX_UNEXPECTED, *loc, (int)kind_name(got));
  }
  const char *hint =
      got == WORD && p->last_word ? jx_keyword_suggest(p->last_word) : NULL;
  if (hint) {
    jx_diag_note(p->diag, JX_N_DID_YOU_MEAN, *loc, hint);
    jx_diag_add_fixit(p->diag, *loc, hint);
  }
  if (n <= 0)
    return;
  if (n > JX_SYNTAX_EXPECTED)
    n = JX_SYNTAX_EXPECTED;
  jx_strbuf list[JX_LANG_COUNT], names[JX_SYNTAX_EXPECTED];
  const char *text[JX_LANG_COUNT];
  memset(list, 0, sizeof list);
  memset(names, 0, sizeof names);
  for (int l = 0; l < JX_LANG_COUNT; l++) {
    const char *items[JX_SYNTAX_EXPECTED];
    for (int i = 0; i < n; i++) {
      const char *s = jx_token_display_name(expected[i], (jx_lang)l, &literal);
      jx_sb_clear(&names[i]);
      if (literal)
        jx_msg_printf(&names[i], (jx_lang)l, JX_M_QUOTED, s);
      else
        jx_sb_puts(&names[i], s);
      items[i] = names[i].p;
    }
    jx_join(&list[l], (jx_lang)l, items, (size_t)n, false);
    text[l] = list[l].p;
  }
  jx_diag_note(p->diag, JX_N_EXPECTED, *loc, text);
  for (int l = 0; l < JX_LANG_COUNT; l++)
    jx_sb_free(&list[l]);
  for (int i = 0; i < n; i++)
    jx_sb_free(&names[i]);
}
