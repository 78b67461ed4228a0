/*
 * arena.h — bump allocation for everything that lives as long as a compile.
 *
 * AST nodes, token texts and lowered model structs are allocated here and
 * freed in one call.  The streaming build releases a project's memory as
 * soon as the project has been checked and written (jx_arena_mark/release),
 * so peak memory does not grow with the number of projects.
 *
 * Allocation never fails: out of memory prints "jxc: out of memory",
 * removes the temporary of any output file being written and exits with
 * status 2, as there is nothing sensible a compiler can do without memory.
 */
#ifndef JX_ARENA_H
#define JX_ARENA_H

#include <stddef.h>

#include "catalog.h"

typedef struct jx_arena_chunk jx_arena_chunk;

typedef struct jx_arena {
  jx_arena_chunk *head;  /* chunk being filled; older ones follow */
  jx_arena_chunk *spare; /* one released chunk kept to avoid malloc churn */
} jx_arena;

typedef struct jx_arena_mark {
  jx_arena_chunk *chunk;
  size_t used;
} jx_arena_mark;

/* The language of the out-of-memory message (a static text: printing it
 * needs no memory). */
void jx_oom_set_lang(jx_lang lang);
/* What to undo before exiting for want of memory: out.c removes the
 * temporaries of output files being written.  (A hook, so that the
 * allocator needs nothing of the output layer, which allocates.) */
void jx_oom_set_cleanup(void (*fn)(void));

void jx_arena_init(jx_arena *a);
void jx_arena_free(jx_arena *a);
/* Zeroed, aligned for any type. */
void *jx_arena_alloc(jx_arena *a, size_t size);
/* A NUL-terminated copy of n bytes. */
char *jx_arena_strndup(jx_arena *a, const char *s, size_t n);
char *jx_arena_strdup(jx_arena *a, const char *s);
/* Everything allocated after a mark is given back by releasing to it. */
jx_arena_mark jx_arena_mark_now(const jx_arena *a);
void jx_arena_release(jx_arena *a, jx_arena_mark m);

/* Bytes of chunk memory the arena holds right now (in use, partly filled
 * or spare): what the streaming tests watch to prove projects are given
 * back. */
size_t jx_arena_size(const jx_arena *a);

/* Checked malloc/realloc for the few owners outside arenas. */
void *jx_xmalloc(size_t n);
void *jx_xrealloc(void *p, size_t n);
void *jx_xcalloc(size_t n, size_t size);

#endif
