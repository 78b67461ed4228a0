/*
 * keywords.h — the canonical spellings of the language's keywords.
 *
 * The lexer accepts every spelling (grammar/lexer.l lists them all); this
 * table holds the one English and the one Chinese spelling that tools
 * print: `jxc fmt` writes them, and the parser's did-you-mean hint offers
 * them for a word it does not know.
 */
#ifndef JX_KEYWORDS_H
#define JX_KEYWORDS_H

#include <stdbool.h>

typedef enum jx_kw {
  JX_KW_PLAN,
  JX_KW_FRAMEWORK,
  JX_KW_CURRENCY,
  JX_KW_DEPARTMENT,
  JX_KW_DIVISION,
  JX_KW_UNIT,
  JX_KW_PROJECT,
  JX_KW_GOAL,
  JX_KW_MEASURE,
  JX_KW_INDICATOR,
  JX_KW_BUDGET,
  JX_KW_CODE,
  JX_KW_FUNDS,
  JX_KW_FISCAL,
  JX_KW_OTHER,
  JX_KW_PURPOSE,
  JX_KW_SCHEDULE,
  JX_KW_DESC,
  JX_KW_BASIS,
  JX_KW_ROLE,
  JX_KW_NA,
  JX_KW_COUNT
} jx_kw;

/* The English (zh false) or Chinese spelling of k. */
const char *jx_keyword(jx_kw k, bool zh);

/* The keyword spelling nearest to word by edit distance (in the language
 * of its spelling), or NULL when none is close enough to be a typo. */
const char *jx_keyword_suggest(const char *word);

#endif
