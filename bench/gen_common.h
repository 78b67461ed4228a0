/*
 * gen_common.h — what bench's two plan generators share (gen.c, jx-gen;
 * gen2.c, jx-gen2): the random stream, the counted output to standard
 * output that -m MEGABYTES measures, and the option and exit plumbing.
 *
 * Header-only (static inline): each generator is one program built from
 * one file, and a plan depends only on its options, so nothing here may
 * vary by platform — splitmix64 rather than rand(), integers only.
 */
#ifndef JX_BENCH_GEN_COMMON_H
#define JX_BENCH_GEN_COMMON_H

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64: tiny, good enough, and the same on every platform. */
static inline uint64_t mix(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

/* A number in [0, n). The modulo bias is irrelevant for test data. */
static inline uint32_t pick(uint64_t *s, uint32_t n) {
  return (uint32_t)(mix(s) % n);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(s, a) ((a)[pick((s), (uint32_t)COUNT(a))])

/* ---- output: standard output, fully buffered, bytes counted for -m ---- */

static FILE *out;
static uint64_t written;

static inline void gen_open_output(void) {
  static char obuf[1 << 20];
  out = stdout;
  setvbuf(out, obuf, _IOFBF, sizeof obuf);
}

static inline void put(const char *s) {
  size_t n = strlen(s);
  fwrite(s, 1, n, out);
  written += n;
}

static inline void putf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static inline void putf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfprintf(out, fmt, ap);
  va_end(ap);
  if (n > 0)
    written += (uint64_t)n;
}

/* Exit status 2 and a message when standard output could not be written
 * (a full disk must not leave a truncated plan that looks whole). */
static inline int gen_close_output(const char *prog) {
  if (fflush(out) != 0 || ferror(out)) {
    fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
    return 2;
  }
  return 0;
}

/* An option's decimal argument; anything else is the program's usage. */
static inline uint64_t gen_num_arg(const char *s, void (*usage)(void)) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end || end == s)
    usage();
  return v;
}

#endif
