/*
 * fmt_cat.h — how `jxc fmt` spells an indicator's category: by the codes
 * (output.quantity) in English, by the labels (产出指标.数量指标) in
 * Chinese, of the framework in force where the indicator stands.  Private
 * to compiler/fmt/.
 *
 * The framework in force is followed through the file as the checker
 * follows it (compiler/check/check.c): the default until a header names
 * one, a built-in or one declared in the file; a header that names one
 * declared further down waits for it until the first department, unit or
 * project, and then goes on with what was in force before.  A file is
 * formatted on its own, so a file with no header is read with the
 * default, as `jxc check FILE` reads it: local, or the [plan] framework
 * of the jxc.ini above it.
 *
 * A category is respelt only when the new spelling means the same: it
 * resolves to the same level-1 and level-2 entries, and it lexes as one
 * category path (or one word, for a bare level-2 name).  A bare name stays
 * bare when it is one in both languages, else it becomes a path; where a
 * label is not a word (a declared label with a space; a bare label that is
 * a keyword) the codes are written.  A category the framework does not
 * know stays as written.
 */
#ifndef JX_FMT_CAT_H
#define JX_FMT_CAT_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"

typedef struct jx_fmt_cats jx_fmt_cats;

/* framework: the default's name (a built-in; NULL or unknown: local). */
jx_fmt_cats *jx_fmt_cats_new(jx_arena *arena, bool zh, const char *framework);
void jx_fmt_cats_free(jx_fmt_cats *c);

/* Follows a top-level declaration (headers and frameworks change what is
 * in force); call with each one, in order, before its indicators. */
void jx_fmt_cats_enter(jx_fmt_cats *c, const jx_node *top);

/* The spelling to print for category l1.l2 (l1->text NULL: a bare name),
 * or NULL to print it as written. */
const char *jx_fmt_cats_spell(jx_fmt_cats *c, const jx_text *l1,
                              const jx_text *l2);

#endif
