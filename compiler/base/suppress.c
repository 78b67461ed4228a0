/*
 * suppress.c — see suppress.h.  A plain array: comments are few, and
 * warnings fewer still where they stand.
 */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

typedef struct entry {
  char code[48];
  jx_loc loc; /* the code, inside the comment */
  bool started, ended, used;
  uint64_t from, to; /* bytes [from, to) of loc.file */
} entry;

struct jx_suppress {
  entry *e;
  size_t n, cap;
};

jx_suppress *jx_suppress_new(void) {
  jx_suppress *s = jx_xmalloc(sizeof *s);
  memset(s, 0, sizeof *s);
  return s;
}

void jx_suppress_free(jx_suppress *s) {
  if (!s)
    return;
  free(s->e);
  free(s);
}

size_t jx_suppress_add(jx_suppress *s, const char *code, size_t n,
                       jx_loc code_loc) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 8;
    s->e = jx_xrealloc(s->e, s->cap * sizeof *s->e);
  }
  entry *e = &s->e[s->n];
  memset(e, 0, sizeof *e);
  /* Longer than any code: it matches none, and is reported as unknown
   * before it gets here. */
  if (n >= sizeof e->code)
    n = sizeof e->code - 1;
  memcpy(e->code, code, n);
  e->loc = code_loc;
  return s->n++;
}

void jx_suppress_start(jx_suppress *s, size_t i, uint64_t from) {
  if (i < s->n) {
    s->e[i].started = true;
    s->e[i].from = from;
  }
}

void jx_suppress_end(jx_suppress *s, size_t i, uint64_t to) {
  if (i < s->n && !s->e[i].ended) {
    if (!s->e[i].started) { /* nothing after it: covers nothing */
      s->e[i].started = true;
      s->e[i].from = to;
    }
    s->e[i].ended = true;
    s->e[i].to = to;
  }
}

size_t jx_suppress_count(const jx_suppress *s) {
  return s->n;
}

bool jx_suppress_filter(void *ud, const char *code, jx_loc loc) {
  jx_suppress *s = ud;
  if (!code || !jx_loc_known(loc))
    return false;
  for (size_t i = 0; i < s->n; i++) {
    entry *e = &s->e[i];
    if (e->started && e->loc.file == loc.file && loc.offset >= e->from &&
        (!e->ended || loc.offset < e->to) && strcmp(e->code, code) == 0) {
      e->used = true;
      return true;
    }
  }
  return false;
}

void jx_suppress_report_unused(const jx_suppress *s, jx_diag *d) {
  for (size_t i = 0; i < s->n; i++)
    if (!s->e[i].used)
      jx_diag_report(d, JX_W_IGNORE_UNUSED, s->e[i].loc, s->e[i].code);
}
