/*
 * out.h — buffered output for the back ends, and atomic output files.
 *
 * Back ends write through a jx_out: a byte buffer that is flushed to a file
 * descriptor when it fills (or grows without bound in memory mode, which
 * the unit tests use).  Escaping for each format lives with its back end;
 * this file only moves bytes.
 *
 * An output file is written to a temporary beside its final name and
 * renamed into place only when the whole run succeeded, so a failed or
 * interrupted build never leaves a partial file behind.
 */
#ifndef JX_OUT_H
#define JX_OUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct jx_out {
  char *buf;
  size_t len, cap;
  int fd;      /* -1: memory mode */
  bool failed; /* a write failed; errno_saved says why */
  int errno_saved;
} jx_out;

void jx_out_init_fd(jx_out *o, int fd);
void jx_out_init_mem(jx_out *o);
void jx_out_free(jx_out *o);
void jx_out_write(jx_out *o, const void *p, size_t n);
void jx_out_puts(jx_out *o, const char *s);
void jx_out_putc(jx_out *o, char c);
void jx_out_printf(jx_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Writes everything buffered; returns 0, or -1 with o->errno_saved set. */
int jx_out_flush(jx_out *o);
/* Memory mode: the bytes written so far (NUL-terminated). */
const char *jx_out_data(jx_out *o, size_t *len);

typedef struct jx_outfile {
  char *path; /* final name */
  char *tmp;  /* temporary beside it */
  int fd;
} jx_outfile;

/* Creates the temporary; returns 0, or -1 with errno set. */
int jx_outfile_open(jx_outfile *f, const char *path);
/* fsyncs, closes and renames into place; returns 0 or -1 (errno). */
int jx_outfile_commit(jx_outfile *f);
/* Closes and removes the temporary. */
void jx_outfile_abort(jx_outfile *f);

#endif
