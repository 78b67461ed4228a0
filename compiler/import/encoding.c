/*
 * encoding.c — text input (CSV, the published text layout) into UTF-8.
 *
 * What users have: UTF-8 (with or without the BOM that Excel writes),
 * "Unicode text" from Excel, which is UTF-16 with a BOM, and CSV saved by
 * Excel on Chinese Windows, which is GBK — read here as GB18030, its
 * superset.  glibc's iconv converts; a text that is valid UTF-8 is taken
 * as UTF-8 (GBK text is almost never valid UTF-8, the reverse is common).
 */
#include "import_impl.h"

#include <stdlib.h>
#include <string.h>

#include "to_utf8.h"

/* All of in[0..n) converted from `from`, or NULL if any byte does not
 * convert or the text holds a NUL (not text). */
static char *convert(const char *from, const char *in, size_t n,
                     size_t *out_n) {
  char *out = jx_to_utf8(from, in, n, out_n, NULL);
  if (out && memchr(out, '\0', *out_n)) {
    free(out);
    return NULL;
  }
  return out;
}

char *jx_im_decode(const char *data, size_t n, size_t *out_n,
                   const char **enc) {
  const unsigned char *u = (const unsigned char *)data;
  if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    *enc = "UTF-16LE";
    return convert("UTF-16LE", data + 2, n - 2, out_n);
  }
  if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    *enc = "UTF-16BE";
    return convert("UTF-16BE", data + 2, n - 2, out_n);
  }
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    data += 3;
    n -= 3;
  }
  if (memchr(data, '\0', n))
    return NULL; /* binary */
  if (jx_im_utf8_valid(data, n)) {
    *enc = "UTF-8";
    char *out = jx_xmalloc(n + 1);
    memcpy(out, data, n);
    out[n] = '\0';
    *out_n = n;
    return out;
  }
  *enc = "GB18030";
  return convert("GB18030", data, n, out_n);
}
