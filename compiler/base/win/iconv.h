/*
 * iconv.h — for the Windows build only (make windows puts this folder on
 * the include path): the three iconv(3) calls jxc makes (compiler/import/
 * encoding.c, and the CLI's --encoding), done by Windows' own code-page
 * conversion (MultiByteToWideChar), implemented in iconv.c beside it.
 * mingw-w64 has no iconv, and Debian no libiconv built for it.
 *
 * Whole buffers only, as their callers use it: a conversion that does not
 * fit in the output consumes nothing and fails with E2BIG, so the caller
 * grows its buffer and calls again; a byte that does not convert fails the
 * call with EILSEQ.  Names: UTF-8, UTF-16LE, UTF-16BE, ASCII, GB18030,
 * GBK and CPnnn (any code page Windows has).
 */
#ifndef JX_WIN_ICONV_H
#define JX_WIN_ICONV_H

#include <stddef.h>

typedef struct jx_iconv *iconv_t;

iconv_t iconv_open(const char *to, const char *from);
size_t iconv(iconv_t cd, char **in, size_t *in_left, char **out,
             size_t *out_left);
int iconv_close(iconv_t cd);

#endif
