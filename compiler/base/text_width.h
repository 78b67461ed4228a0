/*
 * text_width.h — how many columns of a terminal or a fixed-width page a
 * UTF-8 text takes: a CJK character two, a combining mark none.  What
 * help texts, summaries and tables are aligned by.
 */
#ifndef JX_TEXT_WIDTH_H
#define JX_TEXT_WIDTH_H

#include <stddef.h>

/* The display width of s[0..n): utf8proc's width of each character; a
 * byte that does not start a character counts one. */
size_t jx_text_width(const char *s, size_t n);
/* The same for a NUL-terminated s. */
size_t jx_text_width_z(const char *s);

#endif
