/*
 * arena.h — bump allocation for everything that lives as long as a compile.
 *
 * AST nodes, token texts and lowered model structs are allocated here and
 * freed in one call.  The streaming build releases a project's memory as
 * soon as the project has been checked and written (jx_arena_mark/release),
 * so peak memory does not grow with the number of projects.
 *
 * Allocation never fails: out of memory runs the cleanup hook (out.c
 * installs one that removes the temporary of any output file being
 * written), prints "jxc: out of memory" (or the text set by the driver, in
 * the user's language) and exits with status 2, as there is nothing
 * sensible a compiler can do without memory.  This is the lowest layer:
 * what happens on out of memory is given to it, so it includes nothing.
 */
#ifndef JX_ARENA_H
#define JX_ARENA_H

#include <stddef.h>
#include <string.h>

typedef struct jx_arena_chunk jx_arena_chunk;

typedef struct jx_arena {
  jx_arena_chunk *head;  /* chunk being filled; older ones follow */
  jx_arena_chunk *spare; /* one released chunk kept to avoid malloc churn */
} jx_arena;

typedef struct jx_arena_mark {
  jx_arena_chunk *chunk;
  size_t used;
} jx_arena_mark;

/* What out of memory does before it exits: hook (NULL: nothing) runs
 * first and must only make async-signal-safe calls (the heap may be in any
 * state); text is printed with write() and must be static. */
void jx_oom_set_hook(void (*hook)(void));
void jx_oom_set_text(const char *text);

void jx_arena_init(jx_arena *a);
void jx_arena_free(jx_arena *a);
/* Zeroed, aligned for any type.  Not inline: the library's memset of a
 * size it is told beats inline stores of one the compiler knows for the
 * large nodes (a constant 816 bytes became rep stos). */
void *jx_arena_alloc(jx_arena *a, size_t size);
/* The same, not zeroed: for what is written whole at once. */
static inline void *jx_arena_alloc_raw(jx_arena *a, size_t size);
/* A NUL-terminated copy of n bytes. */
static inline char *jx_arena_strndup(jx_arena *a, const char *s, size_t n);
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

/* The allocators' fast path, inline: a 10 MB plan allocates a million
 * nodes, words and values, and a call for each was a tenth of their
 * cost.  The chunks are arena.c's business otherwise. */
#define JX_ARENA_ALIGN 16
struct jx_arena_chunk {
  jx_arena_chunk *next;
  size_t size; /* usable bytes in data[] */
  size_t used;
  _Alignas(JX_ARENA_ALIGN) unsigned char data[];
};
/* size bytes, not zeroed, from a new chunk (arena.c). */
void *jx_arena_bump_slow(jx_arena *a, size_t size);

/* A chunk's size and used are multiples of JX_ARENA_ALIGN (arena.c), so
 * what is left is one too: size fits if and only if size rounded up does,
 * and then the rounding cannot overflow -- one comparison. */
static inline void *jx_arena_alloc_raw(jx_arena *a, size_t size) {
  jx_arena_chunk *c = a->head;
  if (c && size <= c->size - c->used) {
    void *p = c->data + c->used;
    c->used += (size + JX_ARENA_ALIGN - 1) & ~(size_t)(JX_ARENA_ALIGN - 1);
    return p;
  }
  return jx_arena_bump_slow(a, size);
}

static inline char *jx_arena_strndup(jx_arena *a, const char *s, size_t n) {
  char *p = jx_arena_alloc_raw(a, n + 1);
  p[n] = '\0';
  return n ? memcpy(p, s, n) : p;
}

#endif
