/*
 * fmt.h — the canonical layout of jixiao source (`jxc fmt`).
 *
 * The formatter prints as the parser goes (fmt_stream.c): each top-level
 * declaration, and each project and statement of a unit, is printed when
 * the parser hands it over and its memory goes back, so a file of any
 * size formats in the memory of one declaration.  Since a file with
 * errors must not be formatted at all, and its keyword language is that
 * of most of its keywords, `jxc fmt` reads a file twice: jx_fmt_scan
 * checks it and counts its keywords, jx_fmt_print prints it.
 */
#ifndef JX_FMT_H
#define JX_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "out.h"
#include "source.h"

/* Formats len bytes of src (registered as `file` in d) into out, with
 * Chinese keywords when zh.  Lines end as the source's first one does (LF,
 * or CR LF).  Returns 0, or 1 when the source has syntax errors (reported
 * through d; nothing is written). */
int jx_fmt(const char *src, size_t len, uint32_t file, jx_diag *d, bool zh,
           jx_out *out);

/* Whether the file is written in Chinese: more of its keywords (and
 * months) are spelt in Chinese than in English.  What `jxc fmt` keeps
 * unless told --zh or --en. */
bool jx_fmt_is_zh(const char *src, size_t len);

/* ---- formatting a file without holding it ------------------------------ */

/* What to format: len bytes of data in memory, or (data NULL) a source
 * that can be read again (jx_source_rereadable), from its first byte for
 * each pass; `file` is its index in the diagnostics engine.  framework:
 * the one a file whose header names none is read with when categories
 * are respelt (a built-in's name, jxc.ini's [plan] framework; NULL:
 * local, as `jxc check` reads it). */
typedef struct jx_fmt_input {
  const char *data;
  size_t len;
  jx_source *src;
  uint32_t file;
  const char *framework;
} jx_fmt_input;

/* jx_fmt for an input in memory (in->data), with its framework. */
int jx_fmt_in(const jx_fmt_input *in, jx_diag *d, bool zh, jx_out *out);

/* Where the formatted text goes, piece by piece, in order. */
typedef struct jx_fmt_to {
  void (*write)(void *ud, const char *p, size_t n);
  /* May be NULL.  Everything written so far is what the source became
   * up to the end of the line that holds byte `offset`: a place where
   * the old and the new text can be cut apart (fmt --diff). */
  void (*sync)(void *ud, uint64_t offset);
  void *ud;
  /* Set by jx_fmt_print: the most memory the reading held at once (the
   * parser's arena and the output buffer), which does not grow with the
   * number of declarations; the tests watch it. */
  size_t held_max;
} jx_fmt_to;

/* The first reading: reports through d the syntax errors, or else the
 * repeated parts, that keep the input from being formatted, and (zh not
 * NULL) says whether it is written in Chinese, as jx_fmt_is_zh would.
 * Returns 0 when it can be formatted, 1 when not, 2 when a read failed
 * (reported). */
int jx_fmt_scan(const jx_fmt_input *in, jx_diag *d, bool *zh);

/* The second: formats an input that jx_fmt_scan passed into `to`.
 * Returns 0; 1 when it does not parse as it did (it changed in between:
 * nothing is reported, and what was written must be thrown away); 2 when
 * a read failed (reported). */
int jx_fmt_print(const jx_fmt_input *in, bool zh, jx_fmt_to *to);

#endif
