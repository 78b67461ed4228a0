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
#include "vocab.h"

#define JX_FMT_WIDTH 100
#define JX_FMT_INDENT 2

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
  const char *src;
  size_t len;
  bool zh;
  const jx_comment *comment; /* next comment not yet printed */
  jx_fmt_cats *cats;         /* how categories are spelt */
  size_t col;                /* display column of the output line */
  int depth;
  bool block_start; /* nothing printed yet in the current block */
  bool blank_done;  /* a blank line was just printed */
  jx_print_scan scan;
} jx_printer;

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

#endif
