/*
 * source.h — the one place jxc opens and reads its inputs.
 *
 * Every command (check, build, fmt, diff) opens all of its inputs with
 * jx_sources_open() before it reads a byte or writes anything: a missing
 * file, a directory or an unreadable path among several ends the run with
 * status 2 before any output exists.  An input is a path or "-" (standard
 * input); regular files, FIFOs, pipes and character devices are all read
 * the same way, in pieces, with every error detected: a failed read (EINTR
 * retried, a non-blocking descriptor waited for) or a regular file that
 * ends before the size it had when it was opened is reported as
 * "cannot read PATH: reason" [read-error] and ends the read.
 *
 * Once registered with the diagnostics engine (jx_source_register), an
 * input's lines can be quoted under messages without ever being opened a
 * second time: the engine keeps a duplicate of a regular file's descriptor
 * and reads the line back with pread(); of anything that cannot be read
 * twice (FIFO, pipe, terminal, device) it keeps the bytes read since the
 * last declaration the parser finished (jx_source_forget).
 */
#ifndef JX_SOURCE_H
#define JX_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef struct jx_source jx_source;

/* Opens one input ("-" is standard input) and reports through d why it
 * cannot be read (missing, a directory, no permission); NULL then. */
jx_source *jx_source_open(const char *path, jx_diag *d);
/* Opens every path, in order, before anything is read.  If any cannot be
 * opened, each failure is reported, the others are closed again, and NULL
 * is returned.  The array (n entries) is freed by jx_sources_close. */
jx_source **jx_sources_open(const char *const *paths, int n, jx_diag *d);
void jx_sources_close(jx_source **s, int n);
/* Closes the input (standard input itself stays open).  NULL is fine. */
void jx_source_close(jx_source *s);

/* The name messages use: the path, or "<stdin>". */
const char *jx_source_name(const jx_source *s);

/* Registers the input with its diagnostics engine under `name` (NULL: its
 * own) and returns the index for jx_loc.file.  Call it before reading. */
uint32_t jx_source_register(jx_source *s, const char *name);

/* Reads up to max bytes into buf.  Returns 0 at the end of the input and
 * after a read error, which has then been reported (jx_source_failed). */
size_t jx_source_read(jx_source *s, char *buf, size_t max);
/* True once a read has failed: what was read is not the whole input. */
bool jx_source_failed(const jx_source *s);

/* Inputs read whole (fmt) are refused beyond this size. */
#define JX_SOURCE_WHOLE_MAX ((size_t)1 << 30)
/* Reads the rest of the input into a malloc'd, NUL-terminated buffer (the
 * caller frees it) and sets *n to its length; NULL after a read error or
 * when it exceeds JX_SOURCE_WHOLE_MAX (reported). */
char *jx_source_read_all(jx_source *s, size_t *n);

/* Whether the input can be read again: a regular file (standard input
 * too, when it is one).  `jxc fmt` reads such a file more than once
 * rather than holding it. */
bool jx_source_rereadable(jx_source *s);
/* Starts the reading over from the first byte.  Returns false after
 * reporting why it could not (a read-error). */
bool jx_source_rewind(jx_source *s);
/* Up to max bytes from `offset` (counted from the first byte, as the
 * parser counts) of a rereadable input, without moving the reading
 * position.  Returns the count, 0 at the end and after a failure, which
 * has then been reported (jx_source_failed). */
size_t jx_source_pread(jx_source *s, char *buf, size_t max, uint64_t offset);

/* The parser has finished with every byte before `offset` (counted from
 * the first byte read): the diagnostics engine may drop its copy of them
 * if it keeps one.  Cheap; a no-op for regular files. */
void jx_source_forget(jx_source *s, uint64_t offset);

#endif
