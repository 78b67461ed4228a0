/*
 * xlsx_cells.c — what a value stored in a worksheet cell means, once
 * xlsx.c has read it: the kind of its number format (a date, a
 * percentage), and the value as text.
 *
 * Numbers are kept as decimal text: a value written as 89.099999999999994
 * (17 digits, as some writers store 89.1) becomes the shortest text that
 * reads back as the same double, "89.1" (jx_im_shortest).  Text with 15
 * significant digits or fewer is exact already and kept as written.  A
 * percentage moves the decimal point, a date serial becomes a civil date
 * with integer arithmetic: no double touches a value kept.
 */
#include "import_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 'd' for a date or time format, 'p' for a percentage, 0 otherwise. */
char jx_im_xlsx_format_kind(const char *code) {
  bool date = false, pct = false;
  for (const char *p = code; *p; p++) {
    char c = *p;
    if (c == '"') { /* literal text */
      while (p[1] && p[1] != '"')
        p++;
      if (p[1])
        p++;
    } else if (c == '\\' && p[1]) {
      p++;
    } else if (c == '[') { /* [Red], [$-804], [h] */
      if (p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 's')
        date = true;
      while (p[1] && p[1] != ']')
        p++;
      if (p[1])
        p++;
    } else if (c == '%') {
      pct = true;
    } else if (strchr("yYdDhHsS", c) || c == 'm' || c == 'M') {
      date = true;
    }
  }
  if (strcmp(code, "General") == 0)
    return 0;
  return date ? 'd' : pct ? 'p' : 0;
}

char jx_im_xlsx_builtin_kind(unsigned id) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
      (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
    return 'd';
  if (id == 9 || id == 10)
    return 'p';
  return 0;
}

/* Days since 1970-01-01 into a civil date (Howard Hinnant's algorithm). */
static void civil(long long z, int *y, unsigned *m, unsigned *d) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long yy = (long long)yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (int)(yy + (*m <= 2));
}

/* An Excel serial date as "2021-08-25" (with the time if it has one). */
bool jx_im_xlsx_date(const char *v, bool date1904, char *buf, size_t n) {
  char *end;
  double s = strtod(v, &end);
  if (*end || s != s || s < 0 || s > 2958465) /* 9999-12-31 */
    return false;
  long long days = (long long)s;
  double frac = s - (double)days;
  /* 1900 system: serial 1 is 1900-01-01, and Excel counts a 1900-02-29
   * that never was (serial 60), so serials from 61 on are one day off. */
  long long unix_days = date1904     ? days - 24107
                        : days >= 61 ? days - 25569
                                     : days - 25568;
  int y;
  unsigned m, d;
  civil(unix_days, &y, &m, &d);
  long secs = (long)(frac * 86400.0 + 0.5);
  if (secs >= 86400)
    secs = 86399;
  if (secs == 0)
    snprintf(buf, n, "%04d-%02u-%02u", y, m, d);
  else
    snprintf(buf, n, "%04d-%02u-%02u %02ld:%02ld:%02ld", y, m, d, secs / 3600,
             secs / 60 % 60, secs % 60);
  return true;
}

/* A stored number as exact decimal text (the header comment says how). */
bool jx_im_xlsx_number(const char *v, char *buf, size_t n) {
  const char *p = v;
  if (*p == '-' || *p == '+')
    p++;
  size_t digits = 0, sig = 0;
  bool lead = true, point = false, exp = false;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9') {
      digits++;
      if (*p != '0' || !lead) {
        lead = false;
        sig++;
      }
    } else if (*p == '.' && !point && !exp) {
      point = true;
    } else if ((*p == 'e' || *p == 'E') && digits && !exp) {
      exp = true;
      if (p[1] == '-' || p[1] == '+')
        p++;
      if (!p[1])
        return false;
    } else {
      return false;
    }
  }
  if (digits == 0)
    return false;
  if (!exp && sig <= 15 && strlen(v) < n) {
    snprintf(buf, n, "%s", v[0] == '+' ? v + 1 : v);
    /* "5." or ".5" as the language writes them */
    size_t k = strlen(buf);
    if (k && buf[k - 1] == '.')
      buf[k - 1] = '\0';
    if (buf[0] == '.' || (buf[0] == '-' && buf[1] == '.')) {
      size_t at = buf[0] == '-' ? 1 : 0;
      memmove(buf + at + 1, buf + at, strlen(buf + at) + 1);
      buf[at] = '0';
    }
    return true;
  }
  jx_im_shortest(strtod(v, NULL), buf, n);
  return true;
}

/* "0.25" → "25%": the decimal point moved two places, exactly. */
void jx_im_xlsx_percent(const char *num, char *buf, size_t n) {
  bool neg = num[0] == '-';
  const char *s = neg ? num + 1 : num;
  const char *dot = strchr(s, '.');
  size_t ilen = dot ? (size_t)(dot - s) : strlen(s);
  const char *frac = dot ? dot + 1 : "";
  char digits[160];
  size_t k = 0;
  for (size_t i = 0; i < ilen && k < 120; i++)
    digits[k++] = s[i];
  size_t flen = strlen(frac);
  for (size_t i = 0; i < 2; i++)
    digits[k++] = i < flen ? frac[i] : '0';
  size_t int_end = k;
  for (size_t i = 2; i < flen && k < 150; i++)
    digits[k++] = frac[i];
  digits[k] = '\0';
  size_t start = 0;
  while (start + 1 < int_end && digits[start] == '0')
    start++;
  while (k > int_end && digits[k - 1] == '0')
    k--;
  size_t o = 0;
  if (neg)
    buf[o++] = '-';
  for (size_t i = start; i < int_end && o < n - 4; i++)
    buf[o++] = digits[i];
  if (k > int_end) {
    buf[o++] = '.';
    for (size_t i = int_end; i < k && o < n - 3; i++)
      buf[o++] = digits[i];
  }
  buf[o++] = '%';
  buf[o] = '\0';
}
