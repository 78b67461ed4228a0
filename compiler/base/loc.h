/*
 * loc.h — where a piece of source text is.
 *
 * Every layer names places in the input: the lexer stamps tokens, the AST
 * keeps them on nodes, the diagnostics point at them and the lowered
 * model's locations table (compiler/lower/model_locs.h) keeps them beside
 * every field a user wrote.  The type lives down here, below the AST, so
 * that the diagnostic engine can speak of places without knowing the tree.
 *
 * A place is its file (an index in the diagnostics' source table), its
 * byte offset and length.  The lexer also records the line and byte
 * column it met it at; read them through jx_loc_line() and jx_loc_col(),
 * not the fields, so that they can later be computed from the offset on
 * demand instead of being carried by every token.
 */
#ifndef JX_LOC_H
#define JX_LOC_H

#include <stdbool.h>
#include <stdint.h>

typedef struct jx_loc {
  uint64_t offset; /* byte offset of the first byte */
  uint32_t line;   /* 1-based; 0: no place (see jx_loc_known) */
  uint32_t col;    /* 1-based, in bytes */
  uint32_t len;    /* bytes covered (on the first line) */
  uint32_t file;   /* index in the diagnostics' source table */
} jx_loc;

/* False for the zero jx_loc: a field nobody wrote, a whole-run message. */
static inline bool jx_loc_known(jx_loc l) {
  return l.line != 0;
}

/* The 1-based line and byte column of the first byte. */
static inline uint32_t jx_loc_line(jx_loc l) {
  return l.line;
}
static inline uint32_t jx_loc_col(jx_loc l) {
  return l.col;
}

#endif
