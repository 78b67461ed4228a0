/*
 * iconv.c — iconv(3) for the Windows build (compiler/base/win/iconv.h),
 * over Windows' own code pages: MultiByteToWideChar to UTF-16, then
 * WideCharToMultiByte to the target.  Compiled only by make windows; on
 * Linux jxc uses glibc's iconv.
 */
#include "iconv.h"

#include "arena.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

struct jx_iconv {
  UINT from, to; /* code pages; 1200/1201: UTF-16LE/BE */
};

static UINT code_page(const char *name) {
  static const struct {
    const char *name;
    UINT cp;
  } names[] = {{"UTF-8", CP_UTF8},  {"UTF8", CP_UTF8},    {"UTF-16LE", 1200},
               {"UTF-16", 1200},    {"UTF-16BE", 1201},   {"ASCII", 20127},
               {"US-ASCII", 20127}, {"GB18030", 54936},   {"GBK", 936},
               {"GB2312", 936},     {"BIG5", 950},        {"SHIFT_JIS", 932},
               {"LATIN1", 28591},   {"ISO-8859-1", 28591}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (_stricmp(name, names[i].name) == 0) {
      /* Wine has no GB18030 code page: GBK, the part of it that a
       * Chinese Windows writes as "ANSI", stands in. */
      if (names[i].cp == 54936 && !IsValidCodePage(54936))
        return 936;
      return names[i].cp;
    }
  if (_strnicmp(name, "CP", 2) == 0 && name[2] >= '0' && name[2] <= '9')
    return (UINT)strtoul(name + 2, NULL, 10);
  return 0;
}

iconv_t iconv_open(const char *to, const char *from) {
  UINT f = code_page(from), t = code_page(to);
  if (!f || !t || (f != 1200 && f != 1201 && !IsValidCodePage(f)) ||
      (t != 1200 && t != 1201 && !IsValidCodePage(t))) {
    errno = EINVAL;
    return (iconv_t)-1;
  }
  iconv_t cd = jx_xmalloc(sizeof *cd);
  cd->from = f;
  cd->to = t;
  return cd;
}

int iconv_close(iconv_t cd) {
  free(cd);
  return 0;
}

/* Some code pages refuse MB_ERR_INVALID_CHARS (MultiByteToWideChar's
 * documentation lists them); they convert without the check. */
static DWORD strict(UINT cp) {
  return cp == 42 || cp == 65000 || (cp >= 50220 && cp <= 50229) ||
                 (cp >= 57002 && cp <= 57011)
             ? 0
             : MB_ERR_INVALID_CHARS;
}

size_t iconv(iconv_t cd, char **in, size_t *in_left, char **out,
             size_t *out_left) {
  if (!in || !*in || !in_left || *in_left == 0)
    return 0;
  if (*in_left > INT_MAX / 2) {
    errno = E2BIG;
    return (size_t)-1;
  }
  /* The input as UTF-16. */
  int n = (int)*in_left, wn;
  wchar_t *w;
  if (cd->from == 1200 || cd->from == 1201) {
    if (n % 2) {
      errno = EINVAL;
      return (size_t)-1;
    }
    wn = n / 2;
    w = jx_xmalloc((size_t)wn * sizeof *w + 1);
    const unsigned char *u = (const unsigned char *)*in;
    for (int i = 0; i < wn; i++)
      w[i] = cd->from == 1200 ? (wchar_t)(u[2 * i] | u[2 * i + 1] << 8)
                              : (wchar_t)(u[2 * i] << 8 | u[2 * i + 1]);
  } else {
    wn = MultiByteToWideChar(cd->from, strict(cd->from), *in, n, NULL, 0);
    if (wn <= 0) {
      errno = EILSEQ;
      return (size_t)-1;
    }
    w = jx_xmalloc((size_t)wn * sizeof *w);
    MultiByteToWideChar(cd->from, strict(cd->from), *in, n, w, wn);
  }
  /* Then as the output's encoding, if it all fits. */
  size_t need;
  if (cd->to == 1200 || cd->to == 1201) {
    need = (size_t)wn * 2;
    if (need <= *out_left) {
      unsigned char *o = (unsigned char *)*out;
      for (int i = 0; i < wn; i++) {
        unsigned v = (unsigned)w[i];
        o[2 * i] = (unsigned char)(cd->to == 1200 ? v & 0xFF : v >> 8);
        o[2 * i + 1] = (unsigned char)(cd->to == 1200 ? v >> 8 : v & 0xFF);
      }
    }
  } else {
    BOOL lost = FALSE;
    bool utf = cd->to == CP_UTF8 || cd->to == 54936;
    int k = WideCharToMultiByte(
        cd->to, utf ? WC_ERR_INVALID_CHARS : WC_NO_BEST_FIT_CHARS, w, wn, NULL,
        0, NULL, utf ? NULL : &lost);
    if (k <= 0 || lost) {
      free(w);
      errno = EILSEQ;
      return (size_t)-1;
    }
    need = (size_t)k;
    if (need <= *out_left)
      WideCharToMultiByte(cd->to,
                          utf ? WC_ERR_INVALID_CHARS : WC_NO_BEST_FIT_CHARS, w,
                          wn, *out, k, NULL, NULL);
  }
  free(w);
  if (need > *out_left) {
    errno = E2BIG;
    return (size_t)-1;
  }
  *in += *in_left;
  *in_left = 0;
  *out += need;
  *out_left -= need;
  return 0;
}
