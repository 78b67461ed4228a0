/*
 * lsp_pos.h — positions in a document, as the compiler counts them (byte
 * offsets, the offset of every jx_loc) and as LSP counts them (a line and
 * a character offset in UTF-16 code units, the default position encoding
 * of LSP 3.17).
 *
 * A Chinese character of the Basic Multilingual Plane is three bytes and
 * one UTF-16 unit; an astral character (𠀀, an emoji) is four bytes and
 * two units.  Lines end at LF, CRLF or a lone CR, as the protocol says.
 */
#ifndef JX_LSP_POS_H
#define JX_LSP_POS_H

#include <stddef.h>
#include <stdint.h>

/* The start of every line of a text, and checkpoints for long lines: the
 * UTF-16 units from the start of the text to a character boundary every
 * JX_LSP_CHECKPOINT bytes or so, so that a position on a line of
 * megabytes (a whole plan on one line) costs a short scan, not one from
 * the line's start: the outline of such a document would otherwise be
 * quadratic. */
enum { JX_LSP_CHECKPOINT = 1024 };

typedef struct jx_lsp_checkpoint {
  size_t off;   /* a character boundary */
  size_t units; /* UTF-16 units of text[0..off) */
} jx_lsp_checkpoint;

typedef struct jx_lsp_lines {
  size_t *start; /* start[0] == 0 */
  size_t n;      /* at least 1 */
  size_t cap;
  jx_lsp_checkpoint *ck; /* ascending; ck[0] is {0, 0} */
  size_t n_ck, cap_ck;
} jx_lsp_lines;

void jx_lsp_lines_build(jx_lsp_lines *l, const char *text, size_t len);
void jx_lsp_lines_free(jx_lsp_lines *l);

typedef struct jx_lsp_pos {
  uint32_t line, character;
} jx_lsp_pos;

/* Where byte `off` is (clamped to the text; an offset inside a character
 * counts from that character's start). */
jx_lsp_pos jx_lsp_pos_at(const jx_lsp_lines *l, const char *text, size_t len,
                         size_t off);
/* The byte offset of an LSP position; a line past the end gives the end,
 * a character past the line's end gives the line's end (before its line
 * break), one inside a surrogate pair gives the character's start. */
size_t jx_lsp_offset_at(const jx_lsp_lines *l, const char *text, size_t len,
                        jx_lsp_pos p);
/* UTF-16 units of the UTF-8 bytes s[0..n) (a bad byte counts one). */
size_t jx_lsp_utf16_len(const char *s, size_t n);

#endif
