/*
 * to_utf8.h — text in another encoding (GB18030, UTF-16) into UTF-8,
 * through the C library's iconv: what `--encoding` and `jxc import` read
 * from files saved by Notepad's "ANSI" or Excel's "Unicode text"; and
 * back, for `jxc fmt --encoding`, which writes a file in the encoding it
 * was read in.
 */
#ifndef JX_TO_UTF8_H
#define JX_TO_UTF8_H

#include <stddef.h>

/* All of in[0..n), converted from the iconv encoding `from` into a
 * NUL-terminated UTF-8 text the caller frees, its length in *out_n.  NULL
 * when `from` is unknown or a byte does not convert; then *bad (if not
 * NULL) is the offset of the first such byte (0 for an unknown
 * encoding). */
char *jx_to_utf8(const char *from, const char *in, size_t n, size_t *out_n,
                 size_t *bad);

/* The same the other way: UTF-8 in[0..n) into the iconv encoding `to`. */
char *jx_from_utf8(const char *to, const char *in, size_t n, size_t *out_n,
                   size_t *bad);

#endif
