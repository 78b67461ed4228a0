/*
 * framework.h — indicator frameworks (指标体系) as data.
 *
 * Which level-2 categories sit under which level-1 category is not grammar:
 * the local framework of the seed puts 成本指标 under 产出指标, the central
 * framework of 财预〔2021〕101号 makes 成本指标 a level-1 category of its own.
 * Both are tables here, and a file may declare its own (`framework NAME {…}`),
 * which the checker turns into a jx_framework at run time.
 *
 * Categories are looked up by any of their spellings: the code ("output"),
 * the official label ("产出指标") and the label without its trailing 指标
 * ("产出").
 */
#ifndef JX_FRAMEWORK_H
#define JX_FRAMEWORK_H

#include <stddef.h>

#include "jixiao.h" /* jx_role */

typedef struct jx_level2 {
  const char *code;  /* "quantity" */
  const char *label; /* "数量指标" */
  jx_role role;      /* JX_ROLE_QUANTITY */
} jx_level2;

typedef struct jx_level1 {
  const char *code;  /* "output" */
  const char *label; /* "产出指标" */
  jx_role role;      /* JX_ROLE_OUTPUT */
  const jx_level2 *children;
  size_t n_children;
  /* Checked by the completeness rule: a project needs one indicator of every
   * level-1 category marked required. */
  int required;
} jx_level1;

typedef struct jx_framework {
  const char *name;  /* "local" */
  const char *label; /* "地方通用（成本指标属产出指标）" */
  const char *const *aliases; /* other names, NULL-terminated (may be NULL) */
  const jx_level1 *levels;
  size_t n_levels;
} jx_framework;

/* A built-in framework by name or alias, or NULL. */
const jx_framework *jx_framework_builtin(const char *name);
/* The built-ins, for --help and docs. */
const jx_framework *const *jx_framework_list(size_t *n);

/* Does `spelling` name this level-1 (code, label, or label minus 指标)? */
int jx_level1_matches(const jx_level1 *l1, const char *spelling);
int jx_level2_matches(const jx_level2 *l2, const char *spelling);

/* Resolves "level1.level2" as written (level1 may be NULL: a bare level-2
 * name, accepted when exactly one level-1 has it).  Returns 1 and sets
 * *l1, *l2 on success, 0 if unknown or ambiguous. */
int jx_framework_resolve(const jx_framework *fw, const char *level1,
                         const char *level2, const jx_level1 **l1,
                         const jx_level2 **l2);

/* The closest "code.code" spelling to what was written, for a did-you-mean
 * hint, written into buf; returns 0 when nothing is close enough. */
int jx_framework_suggest(const jx_framework *fw, const char *level1,
                         const char *level2, char *buf, size_t bufsz);

/* The role a declaration's `role WORD` names at a level (1 or 2), or
 * JX_ROLE_NONE when the word is not a role valid there. */
jx_role jx_role_lookup(const char *word, int level);
/* The role words valid at a level, as "output/benefit/…", into buf (for
 * the message that rejects another word).  Returns buf. */
const char *jx_role_words(int level, char *buf, size_t bufsz);
/* A role's Chinese word (满意度 …), NULL for JX_ROLE_NONE; the did-you-mean
 * hint finds a category by the role a misplaced path names. */
const char *jx_role_zh(jx_role r);

/* Levenshtein distance between two UTF-8 strings, counted in characters;
 * (size_t)-1 when either is too long to be a typo of a short name.  Used
 * for every did-you-mean hint. */
size_t jx_edit_distance(const char *a, const char *b);

#endif
