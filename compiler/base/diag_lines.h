/*
 * diag_lines.h — where the diagnostics engine gets the source lines it
 * quotes (private to diag.c and diag_lines.c).
 *
 * A source is one of three kinds, and none is ever opened by path:
 *   memory  the caller holds the whole text (fmt, tests, the fuzzer);
 *   file    a regular file: the engine owns a duplicate of its descriptor
 *           and reads a line back with pread() when it needs one;
 *   stream  a pipe, FIFO or device, readable once: the reader hands every
 *           piece it reads to jx_lines_keep, the parser says when a stretch
 *           is no longer needed (jx_lines_forget), and lines are quoted
 *           from what is kept.  A line outside it is simply not quoted.
 */
#ifndef JX_DIAG_LINES_H
#define JX_DIAG_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loc.h"
#include "strbuf.h"

typedef struct jx_lines_src jx_lines_src;

typedef struct jx_lines {
  jx_lines_src *src;
  size_t n, cap;
  jx_strbuf line; /* a line read back from a file */
} jx_lines;

/* Most bytes a stream keeps, whatever the parser says: an endless line or
 * declaration must not hold endless memory. */
#define JX_LINES_KEEP_MAX ((size_t)8 << 20)

uint32_t jx_lines_add_memory(jx_lines *l, const char *path, const char *data,
                             size_t size);
/* fd is duplicated (the caller keeps its own); -1 or a failed dup leaves a
 * source whose lines are never quoted. */
uint32_t jx_lines_add_file(jx_lines *l, const char *path, int fd,
                           uint64_t base);
uint32_t jx_lines_add_stream(jx_lines *l, const char *path);
const char *jx_lines_path(const jx_lines *l, uint32_t file);
/* Streams: the next n bytes read (n == 0: the input has ended). */
void jx_lines_keep(jx_lines *l, uint32_t file, const char *p, size_t n);
void jx_lines_forget(jx_lines *l, uint32_t file, uint64_t offset);
void jx_lines_free(jx_lines *l);

/* The line holding loc, without its line break, and the byte index of loc
 * within it.  Of a file only what a quote can show is read: up to `need`
 * bytes, then *cut is set.  *cut is also set when a stream's line goes on
 * past what has been read.  False when the line cannot be had (the caller
 * prints the header alone). */
bool jx_lines_fetch(jx_lines *l, jx_loc loc, size_t context, const char **text,
                    size_t *n, size_t *at, bool *cut);

#endif
