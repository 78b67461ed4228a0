/*
 * scan_input.c — the scanners' input: the source read in pieces (flex's
 * YY_INPUT and the hand-written scanner's refill both call jx_scan_read),
 * from a jx_source or from memory, so the source is never held whole: a
 * gigabyte plan parses in the scanner's buffer plus one project's nodes.
 * Also where a GBK file is told at its first bytes, and what the parser
 * is done with is let go (jx_scan_forget).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

static size_t scan_read(jx_scan *s, char *buf, size_t max);

/* Whether the first bytes of an input read as GBK text: two characters
 * past ASCII at least, no control character but tab and line breaks, and every
 * character one of GB18030 (glibc's iconv; a character cut at the end
 * counts).  Random bytes never do; a file saved as "ANSI" on Chinese
 * Windows does.  Asked once per input, of at most 64 KiB. */
static bool looks_gbk(const char *buf, size_t n) {
  size_t high = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)buf[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      return false;
    high += c >= 0x80;
  }
  if (high < 4) /* two Chinese characters at least: not a stray pair */
    return false;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1)
    return false;
  char out[4096];
  char *ip = (char *)buf;
  size_t left = n;
  bool ok = true;
  while (left > 0) {
    char *op = out;
    size_t room = sizeof out;
    if (iconv(cd, &ip, &left, &op, &room) != (size_t)-1)
      break;
    if (errno != E2BIG) {
      ok = errno == EINVAL; /* cut at the end */
      break;
    }
  }
  iconv_close(cd);
  return ok;
}

size_t jx_scan_read(jx_scan *s, char *buf, size_t max) {
  size_t n = scan_read(s, buf, max);
  if (!s->encoding_seen && n > 0) {
    s->encoding_seen = true;
    s->gbk_text = looks_gbk(buf, n < 65536 ? n : 65536);
  }
  return n;
}

static size_t scan_read(jx_scan *s, char *buf, size_t max) {
  /* Past the error cap nothing more could be reported: the input ends
   * here, so /dev/zero or a gigabyte of garbage costs one more buffer, not
   * forever.  Checked once per buffer, off the per-token path. */
  if (jx_diag_too_many(s->diag))
    return 0;
  if (s->src) {
    size_t n = jx_source_read(s->src, buf, max);
    if (n == 0 && jx_source_failed(s->src))
      s->read_failed = true;
    return n;
  }
  size_t left = s->mem_len - s->mem_pos;
  size_t n = left < max ? left : max;
  if (n)
    memcpy(buf, s->mem + s->mem_pos, n);
  s->mem_pos += n;
  return n;
}

void jx_scan_forget(jx_scan *s, const jx_loc *lookahead) {
  if (!s->src)
    return;
  uint64_t at = s->line_start;
  if (lookahead && lookahead->line) {
    uint64_t col = lookahead->col ? lookahead->col - 1 : 0;
    uint64_t start = lookahead->offset >= col ? lookahead->offset - col : 0;
    if (start < at)
      at = start;
  }
  jx_source_forget(s->src, at);
}
