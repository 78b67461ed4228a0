/*
 * loc.h — a position in a source file.
 *
 * Every layer names places in the input the same way: the lexer stamps
 * each token with one, the AST and the model's location tables keep them,
 * and the diagnostics engine turns them into line, column and a quoted
 * line.  It lives here, at the bottom, so that diag.h need not include
 * the syntax tree.
 */
#ifndef JX_LOC_H
#define JX_LOC_H

#include <stdint.h>

/* Columns are 1-based byte columns; the diagnostic printer turns them
 * into code-point columns for the header and display columns for the
 * caret.  line 0 means "no position". */
typedef struct jx_loc {
  uint64_t offset; /* byte offset of the first byte */
  uint32_t line;   /* 1-based */
  uint32_t col;    /* 1-based, in bytes */
  uint32_t len;    /* bytes covered (on the first line) */
  uint32_t file;   /* index in the diagnostics' source table */
} jx_loc;

#endif
