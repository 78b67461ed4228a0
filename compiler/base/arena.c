/*
 * arena.c — see arena.h.  Chunks are singly linked, newest first; a mark is
 * the newest chunk and its fill level at the time of marking.
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define JX_ARENA_CHUNK 65536

/* Not abort(): that is status 134 and a core file for what is an
 * ordinary resource limit (ulimit -v, a cgroup).  Exit status 2, like any
 * other trouble outside the input, after the hook (out.c's: removing the
 * temporary of an output file being written).  Only write() and _exit():
 * the heap may be in any state, and stdio may want memory. */
static const char *oom_text = "jxc: out of memory\n";
static void (*oom_hook)(void);

void jx_oom_set_hook(void (*hook)(void)) {
  oom_hook = hook;
}

void jx_oom_set_text(const char *text) {
  oom_text = text;
}

static void out_of_memory(void) {
  if (oom_hook)
    oom_hook();
  if (write(STDERR_FILENO, oom_text, strlen(oom_text)) < 0) {
    /* nowhere left to say it */
  }
  _exit(2);
}

void *jx_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *jx_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    out_of_memory();
  return q;
}

void *jx_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    out_of_memory();
  return p;
}

void jx_arena_init(jx_arena *a) {
  a->head = NULL;
  a->spare = NULL;
}

void jx_arena_free(jx_arena *a) {
  jx_arena_chunk *c = a->head;
  while (c) {
    jx_arena_chunk *next = c->next;
    free(c);
    c = next;
  }
  free(a->spare);
  a->head = NULL;
  a->spare = NULL;
}

static jx_arena_chunk *new_chunk(jx_arena *a, size_t need) {
  jx_arena_chunk *c;
  if (a->spare && a->spare->size >= need) {
    c = a->spare;
    a->spare = NULL;
  } else {
    /* need is rounded (jx_arena_bump_slow): sizes stay multiples of
     * JX_ARENA_ALIGN, which jx_arena_alloc_raw's one test relies on */
    _Static_assert(JX_ARENA_CHUNK % JX_ARENA_ALIGN == 0, "chunk size");
    size_t size = need > JX_ARENA_CHUNK ? need : JX_ARENA_CHUNK;
    if (size > SIZE_MAX - sizeof *c)
      out_of_memory();
    c = jx_xmalloc(sizeof *c + size);
    c->size = size;
  }
  c->used = 0;
  c->next = a->head;
  a->head = c;
  return c;
}

/* The slow path of jx_arena_alloc_raw (arena.h): a new chunk. */
void *jx_arena_bump_slow(jx_arena *a, size_t size) {
  size_t rounded = (size + JX_ARENA_ALIGN - 1) & ~(size_t)(JX_ARENA_ALIGN - 1);
  if (rounded < size)
    out_of_memory();
  jx_arena_chunk *c = new_chunk(a, rounded);
  c->used = rounded;
  return c->data;
}

void *jx_arena_alloc(jx_arena *a, size_t size) {
  return memset(jx_arena_alloc_raw(a, size), 0, size);
}

char *jx_arena_strdup(jx_arena *a, const char *s) {
  return jx_arena_strndup(a, s, strlen(s));
}

jx_arena_mark jx_arena_mark_now(const jx_arena *a) {
  jx_arena_mark m = {a->head, a->head ? a->head->used : 0};
  return m;
}

void jx_arena_release(jx_arena *a, jx_arena_mark m) {
  while (a->head && a->head != m.chunk) {
    jx_arena_chunk *c = a->head;
    a->head = c->next;
    if (!a->spare || c->size > a->spare->size) {
      free(a->spare);
      a->spare = c;
    } else {
      free(c);
    }
  }
  if (a->head)
    a->head->used = m.used;
}

size_t jx_arena_size(const jx_arena *a) {
  size_t n = a->spare ? a->spare->size : 0;
  for (const jx_arena_chunk *c = a->head; c; c = c->next)
    n += c->size;
  return n;
}
