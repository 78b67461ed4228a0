/*
 * fmt_print.h — the printer `jxc fmt` writes through (fmt_print.c): the
 * output column, indentation, blank lines and comments carried over from
 * the source, and strings wrapped between CJK characters.  fmt.c decides
 * what each statement prints; these decide how it lands on the line.
 */
#ifndef JX_FMT_PRINT_H
#define JX_FMT_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fmt_cat.h"
#include "out.h"
#include "parse.h"
#include "source.h"
#include "vocab.h"

#define JX_FMT_WIDTH 100
#define JX_FMT_INDENT 2

/* The source, read forward (fmt_text.c): in memory, or a regular file
 * read again in windows of 64 KiB with pread, so that `jxc fmt` never
 * holds a file whole (the parser reads it a third way, through its own
 * buffer). */
typedef struct jx_fmt_text {
  const char *mem; /* the source in memory, or NULL: src */
  size_t mem_len;
  jx_source *src;
  char *buf; /* the window: bytes [at, at + n) of the source */
  size_t n, cap;
  uint64_t at;
} jx_fmt_text;

void jx_fmt_text_mem(jx_fmt_text *t, const char *data, size_t n);
void jx_fmt_text_source(jx_fmt_text *t, jx_source *src);
void jx_fmt_text_free(jx_fmt_text *t);
/* Points *p at the source's bytes from `offset` on and returns how many
 * follow there in one piece: `want` at least, or all that is left (0 at
 * the end, and after a read error, which the source has reported). */
size_t jx_fmt_text_get(jx_fmt_text *t, uint64_t offset, size_t want,
                       const char **p);

/* What the source looks like at a point, read forward once: the printer
 * asks only about increasing offsets (statements and comments in order),
 * so no line is ever scanned twice. */
typedef struct jx_print_scan {
  size_t pos;         /* bytes of the source looked at */
  bool line_has_text; /* pos's line has more than spaces before pos */
  bool blank_above;   /* the line before pos's line has only spaces */
} jx_print_scan;

typedef struct jx_printer {
  jx_out *out;
  jx_fmt_text *text; /* the source, for its blank lines */
  bool zh;
  bool crlf; /* lines end with CR LF, as the source's first one does */
  /* The comments read and not yet printed, in order (malloc'd, each
   * freed once printed): the parser hands them over as it reads. */
  jx_comment *comment, **comment_end;
  jx_fmt_cats *cats; /* how categories are spelt */
  size_t col;        /* display column of the output line */
  int depth;
  bool block_start; /* nothing printed yet in the current block */
  bool blank_done;  /* a blank line was just printed */
  jx_print_scan scan;
  /* The last statement, '{' or '}' printed still waits for the end of
   * its line: the comment after it there, if any, is only known once the
   * parser has read on (fmt.c, settle()). */
  bool pending;
  jx_loc pending_end;
} jx_printer;

/* A comment the parser read, queued for printing. */
void jx_pr_add_comment(jx_printer *p, const char *text, size_t n, jx_loc loc);
/* Frees the comments never printed (a run that stopped early). */
void jx_pr_drop_comments(jx_printer *p);

/* Text as it is; the column follows its display width. */
void jx_pr_puts(jx_printer *p, const char *s);
void jx_pr_put(jx_printer *p, const char *s, size_t n);
/* Keywords in the file's language, with what follows them. */
void jx_pr_kw_word(jx_printer *p, jx_kw k, const char *word);
void jx_pr_kw_value(jx_printer *p, jx_kw k, const jx_value *v);
void jx_pr_kw_string_attr(jx_printer *p, jx_kw k, const char *text);
void jx_pr_kw(jx_printer *p, jx_kw k);
/* Lines, indentation, and the source's blank lines and comments. */
void jx_pr_spaces(jx_printer *p, size_t n);
void jx_pr_newline(jx_printer *p);
void jx_pr_begin_line(jx_printer *p);
void jx_pr_blank_line(jx_printer *p, uint64_t offset);
void jx_pr_comments_before(jx_printer *p, uint64_t offset);
void jx_pr_comment_after(jx_printer *p, const jx_loc *end, uint64_t limit);
/* Strings (wrapped at JX_FMT_WIDTH), values, codes; a line break
 * before what needs `need` columns if it would not fit. */
void jx_pr_string(jx_printer *p, const char *s);
void jx_pr_value(jx_printer *p, const jx_value *v);
void jx_pr_block_open(jx_printer *p);
void jx_pr_code_text(jx_printer *p, const char *code);
void jx_pr_soft_space(jx_printer *p, size_t need);
size_t jx_pr_literal_width(const char *s);

/* ---- fmt.c: what each statement prints, as the parser hands it over -- */

bool jx_fmt_is_block(const jx_node *n);
/* A whole statement or block, its comments and blank line before it. */
void jx_fmt_node(jx_printer *p, const jx_node *n);
/* A statement, or only a block's head (a unit's, whose statements and
 * projects follow one by one), and the '}' that closes that block. */
void jx_fmt_open(jx_printer *p, const jx_node *n);
void jx_fmt_close(jx_printer *p, const jx_loc *brace);
/* Ends the pending line, now that what follows starts at `next`. */
void jx_fmt_settle(jx_printer *p, uint64_t next);
/* The end of the file: the last line and the comments after it. */
void jx_fmt_end(jx_printer *p);
/* The repeated parts in n (reported through d; NULL: only counted). */
int jx_fmt_repeated(const jx_node *n, jx_diag *d);

#endif
