/*
 * scanonly.c — jx-scanonly: the scanner alone over a file, for comparing
 * the hand-written scanner (grammar/scan_direct.c) with flex's
 * (JX_SCANNER=flex) and with bench/flexscan.l's bare table walk:
 *
 *   jx-scanonly FILE [RUNS]   → "TOKENS BEST_SECONDS MB_PER_SECOND"
 *
 * Every token is made as the parser gets it (values in an arena, the
 * statements followed), from the file read into memory first; the best of
 * RUNS (default 5) is printed, since on a shared machine noise only adds.
 * (The words of the last two tokens, kept for the parser's hints, may
 * point into released memory: nothing here reads them.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "parse.h"

/* The tokens, and the arena their values go to: released to its start
 * every 4096 tokens, as the parser releases each project's memory, so
 * that the figure is the scanner's and not the page faults'. */
typedef struct run {
  size_t tokens;
  jx_arena *arena;
  jx_arena_mark start;
} run;

static void count(void *ud, const jx_token *t) {
  run *r = ud;
  (void)t;
  if (++r->tokens % 4096 == 0)
    jx_arena_release(r->arena, r->start);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: jx-scanonly FILE [RUNS]\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  size_t cap = 1 << 20, n = 0, got;
  char *data = malloc(cap);
  while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap)
      data = realloc(data, cap *= 2);
  }
  fclose(f);
  if (!data)
    return 2;
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  double best = 1e9;
  size_t tokens = 0;
  for (int r = 0; r < runs; r++) {
    jx_diag *d = jx_diag_new();
    uint32_t file = jx_diag_add_source(d, argv[1], data, n);
    jx_arena a;
    jx_arena_init(&a);
    struct timespec t0, t1;
    run ru = {0, &a, jx_arena_mark_now(&a)};
    clock_gettime(CLOCK_MONOTONIC, &t0);
    jx_lex_mem(data, n, file, d, &a, count, &ru);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    tokens = ru.tokens;
    double s =
        (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (s < best)
      best = s;
    jx_arena_free(&a);
    jx_diag_free(d);
  }
  printf("%zu %.4f %.1f\n", tokens, best, (double)n / best / 1e6);
  free(data);
  return 0;
}
