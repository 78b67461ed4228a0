/*
 * fmt_cat.c — categories in fmt's output (see fmt_cat.h).
 */
#include "fmt_cat.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "framework.h"
#include "hash.h"
#include "parse.h"
/* Token numbers, to check that a new spelling lexes as one category. */
#include "parser.h"

/* A framework declared in the file, as the checker builds it. */
typedef struct declared {
  jx_framework fw;
  struct declared *next;
} declared;

/* What was decided for one category entry and form: the spelling, or NULL
 * to keep what was written. */
typedef struct memo {
  const jx_level1 *a;
  const jx_level2 *b;
  bool bare;
  bool used;
  const char *text;
} memo;

struct jx_fmt_cats {
  jx_arena *arena;
  bool zh;
  const jx_framework *fw; /* in force */
  const char *pending;    /* a header's name, declared further down? */
  declared *declared;
  memo *memo;
  size_t memo_cap, memo_n;
};

jx_fmt_cats *jx_fmt_cats_new(jx_arena *arena, bool zh, const char *framework) {
  jx_fmt_cats *c = jx_arena_alloc(arena, sizeof *c);
  memset(c, 0, sizeof *c);
  c->arena = arena;
  c->zh = zh;
  c->fw = framework ? jx_framework_builtin(framework) : NULL;
  if (!c->fw)
    c->fw = jx_framework_builtin("local");
  return c;
}

void jx_fmt_cats_free(jx_fmt_cats *c) {
  if (c)
    free(c->memo);
}

static const jx_framework *find_declared(const jx_fmt_cats *c,
                                         const char *name) {
  for (const declared *d = c->declared; d; d = d->next)
    if (strcmp(d->fw.name, name) == 0)
      return &d->fw;
  return NULL;
}

static size_t count(const jx_node *n) {
  size_t k = 0;
  for (; n; n = n->next)
    k++;
  return k;
}

/* The framework a `framework NAME {…}` declares (its strings stay in the
 * tree, which lives as long as the arena). */
static void declare(jx_fmt_cats *c, const jx_node *n) {
  const char *name = n->u.block.code.text;
  /* A built-in name stays built in; the first of two declarations counts
   * (the checker reports the others). */
  if (jx_framework_builtin(name) || find_declared(c, name))
    return;
  declared *d = jx_arena_alloc(c->arena, sizeof *d);
  memset(d, 0, sizeof *d);
  size_t n1 = count(n->u.block.items), i = 0;
  jx_level1 *levels = jx_arena_alloc(c->arena, (n1 ? n1 : 1) * sizeof *levels);
  for (const jx_node *l1 = n->u.block.items; l1; l1 = l1->next, i++) {
    size_t n2 = count(l1->u.block.items), j = 0;
    jx_level2 *kids = jx_arena_alloc(c->arena, (n2 ? n2 : 1) * sizeof *kids);
    for (const jx_node *l2 = l1->u.block.items; l2; l2 = l2->next, j++) {
      memset(&kids[j], 0, sizeof kids[j]);
      kids[j].code = l2->u.level2.code.text;
      kids[j].label = l2->u.level2.label.text;
    }
    memset(&levels[i], 0, sizeof levels[i]);
    levels[i].code = l1->u.block.code.text;
    levels[i].label = l1->u.block.name.text;
    levels[i].children = kids;
    levels[i].n_children = n2;
  }
  d->fw.name = name;
  d->fw.label = name;
  d->fw.levels = levels;
  d->fw.n_levels = n1;
  d->next = c->declared;
  c->declared = d;
  if (c->pending && strcmp(c->pending, name) == 0) {
    c->fw = &d->fw;
    c->pending = NULL;
  }
}

void jx_fmt_cats_enter(jx_fmt_cats *c, const jx_node *top) {
  switch (top->kind) {
  case JX_N_HEADER: {
    const char *name = top->u.header.framework.text;
    c->pending = NULL; /* (a second header: the checker reports it) */
    if (!name)
      break;
    const jx_framework *fw = jx_framework_builtin(name);
    if (!fw)
      fw = find_declared(c, name);
    if (fw)
      c->fw = fw;
    else
      c->pending = name;
    break;
  }
  case JX_N_FRAMEWORK:
    declare(c, top);
    break;
  default:
    /* The first use settles a name still unknown: the checker reports it
     * and goes on with what was in force. */
    c->pending = NULL;
    break;
  }
}

/* ---- does a spelling read back as the same category? ------------------- */

typedef struct lexed {
  int n, kind;
  const char *text;
} lexed;

static void on_token(void *ud, const jx_token *t) {
  lexed *l = ud;
  if (t->kind == YYEOF)
    return;
  if (l->n++ == 0) {
    l->kind = t->kind;
    l->text = t->text;
  }
}

static void quiet(void *ud, const char *text, size_t n) {
  (void)ud, (void)text, (void)n;
}

/* s lexes, without errors, as exactly one token of kind `want` with the
 * text s (a PATH's text is "l1.l2"). */
static bool lexes_as(const char *s, int want) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  size_t n = strlen(s);
  uint32_t file = jx_diag_add_source(d, "", s, n);
  jx_arena a;
  jx_arena_init(&a);
  lexed l = {0, 0, NULL};
  int errors = jx_lex_mem(s, n, file, d, &a, on_token, &l);
  bool ok = errors == 0 && l.n == 1 && l.kind == want && l.text &&
            strcmp(l.text, s) == 0;
  jx_arena_free(&a);
  jx_diag_free(d);
  return ok;
}

/* The spelling of entry (a, b) in a language, bare or as a path, if it
 * reads back as the same entry; else NULL. */
static const char *respell(jx_fmt_cats *c, const jx_level1 *a,
                           const jx_level2 *b, bool bare, bool zh) {
  const char *s1 = zh ? a->label : a->code;
  const char *s2 = zh ? b->label : b->code;
  if (!s1 || !s2 || !*s1 || !*s2)
    return NULL;
  const jx_level1 *ra;
  const jx_level2 *rb;
  if (!jx_framework_resolve(c->fw, bare ? NULL : s1, s2, &ra, &rb) || ra != a ||
      rb != b)
    return NULL;
  if (bare)
    return lexes_as(s2, WORD) ? s2 : NULL;
  size_t n1 = strlen(s1), n2 = strlen(s2);
  char *path = jx_arena_alloc(c->arena, n1 + n2 + 2);
  memcpy(path, s1, n1);
  path[n1] = '.';
  memcpy(path + n1 + 1, s2, n2 + 1);
  return lexes_as(path, PATH) ? path : NULL;
}

/* What to print for entry (a, b), written bare or not.  The choice of form
 * does not depend on the output language, so that formatting in one
 * language and then the other gives what formatting in the other gives:
 * a bare name stays bare only when it is a bare name in both; a label that
 * is not a word gives way to the codes. */
static const char *decide(jx_fmt_cats *c, const jx_level1 *a,
                          const jx_level2 *b, bool bare) {
  if (bare && respell(c, a, b, true, false) && respell(c, a, b, true, true))
    return respell(c, a, b, true, c->zh);
  const char *s = respell(c, a, b, false, c->zh);
  return s ? s : respell(c, a, b, false, false);
}

/* The memo's slot for (a, b, bare): the table stays at most half full. */
static memo *slot(jx_fmt_cats *c, const jx_level1 *a, const jx_level2 *b,
                  bool bare) {
  if (2 * (c->memo_n + 1) > c->memo_cap) {
    size_t cap = c->memo_cap ? 2 * c->memo_cap : 64;
    memo *old = c->memo;
    size_t old_cap = c->memo_cap;
    c->memo = jx_xcalloc(cap, sizeof *c->memo);
    c->memo_cap = cap;
    c->memo_n = 0;
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].used) {
        memo *m = slot(c, old[i].a, old[i].b, old[i].bare);
        *m = old[i];
        c->memo_n++;
      }
    free(old);
  }
  uintptr_t key[2] = {(uintptr_t)a, (uintptr_t)b + bare};
  size_t mask = c->memo_cap - 1, j = (size_t)jx_fnv1a(key, sizeof key) & mask;
  for (; c->memo[j].used; j = (j + 1) & mask)
    if (c->memo[j].a == a && c->memo[j].b == b && c->memo[j].bare == bare)
      break;
  return &c->memo[j];
}

const char *jx_fmt_cats_spell(jx_fmt_cats *c, const jx_text *l1,
                              const jx_text *l2) {
  const jx_level1 *a;
  const jx_level2 *b;
  if (!l2->text || !jx_framework_resolve(c->fw, l1->text, l2->text, &a, &b))
    return NULL;
  bool bare = l1->text == NULL;
  memo *m = slot(c, a, b, bare);
  if (!m->used) {
    m->used = true;
    m->a = a;
    m->b = b;
    m->bare = bare;
    m->text = decide(c, a, b, bare);
    c->memo_n++;
  }
  return m->text;
}
