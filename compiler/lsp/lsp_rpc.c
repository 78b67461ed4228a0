/*
 * lsp_rpc.c — see lsp_rpc.h.
 */
#include "lsp_rpc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"

void jx_rpc_reader_init(jx_rpc_reader *r) {
  memset(r, 0, sizeof *r);
}

void jx_rpc_reader_free(jx_rpc_reader *r) {
  free(r->buf);
  memset(r, 0, sizeof *r);
}

void jx_rpc_push(jx_rpc_reader *r, const char *p, size_t n) {
  /* Bytes of a body being skipped never enter the buffer. */
  if (r->skip && r->len == 0) {
    size_t k = n < r->skip ? n : r->skip;
    r->skip -= k;
    p += k;
    n -= k;
  }
  if (n == 0)
    return;
  if (r->start > 0 && r->start + r->len + n > r->cap) {
    memmove(r->buf, r->buf + r->start, r->len);
    r->start = 0;
  }
  if (r->len + n > r->cap) {
    size_t cap = r->cap ? r->cap : 65536;
    while (cap < r->len + n)
      cap *= 2;
    r->buf = jx_xrealloc(r->buf, cap);
    r->cap = cap;
  }
  memcpy(r->buf + r->start + r->len, p, n);
  r->len += n;
}

static void consume(jx_rpc_reader *r, size_t n) {
  r->start += n;
  r->len -= n;
  if (r->len == 0)
    r->start = 0;
}

/* Case-insensitive comparison of an ASCII header name. */
static bool name_is(const char *s, size_t n, const char *name) {
  size_t k = strlen(name);
  if (n != k)
    return false;
  for (size_t i = 0; i < n; i++) {
    char a = s[i], b = name[i];
    if (a >= 'A' && a <= 'Z')
      a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z')
      b = (char)(b - 'A' + 'a');
    if (a != b)
      return false;
  }
  return true;
}

/* Content-Length's value: digits only (spaces around), no overflow. */
static bool parse_length(const char *s, size_t n, size_t *out) {
  size_t i = 0, v = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  size_t digits = 0;
  for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
    if (v > (SIZE_MAX - 9) / 10)
      return false;
    v = v * 10 + (size_t)(s[i] - '0');
  }
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (digits == 0 || i != n)
    return false;
  *out = v;
  return true;
}

/* The end of the header block in p[0..n): the index just past the empty
 * line, or 0 when it has not all arrived.  Lines end in CRLF; a bare LF is
 * taken too. */
static size_t header_end(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (p[i] != '\n')
      continue;
    if (i + 1 < n && p[i + 1] == '\n')
      return i + 2;
    if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n')
      return i + 3;
  }
  return 0;
}

jx_rpc_status jx_rpc_take(jx_rpc_reader *r, json_t **msg, json_error_t *why) {
  *msg = NULL;
  if (r->skip) {
    size_t k = r->len < r->skip ? r->len : r->skip;
    consume(r, k);
    r->skip -= k;
    if (r->skip)
      return JX_RPC_NEED_MORE;
  }
  if (r->len == 0) /* (and buf may be NULL: nothing was ever pushed) */
    return JX_RPC_NEED_MORE;
  /* Blank lines between messages are tolerated. */
  size_t lead = 0;
  const char *p = r->buf + r->start;
  while (lead < r->len && (p[lead] == '\r' || p[lead] == '\n'))
    lead++;
  consume(r, lead);
  p = r->buf + r->start;
  if (r->len == 0)
    return JX_RPC_NEED_MORE;
  size_t scan = r->len < JX_RPC_MAX_HEADER ? r->len : JX_RPC_MAX_HEADER;
  size_t end = header_end(p, scan);
  if (end == 0) {
    if (r->len < JX_RPC_MAX_HEADER)
      return JX_RPC_NEED_MORE;
    /* No empty line within the limit: not LSP framing.  Drop a line and
     * look for the next header there. */
    const char *nl = memchr(p, '\n', r->len);
    consume(r, nl ? (size_t)(nl - p) + 1 : r->len);
    return JX_RPC_BAD_HEADER;
  }
  bool have = false, bad = false;
  size_t length = 0;
  for (size_t i = 0; i < end;) {
    const char *eol = memchr(p + i, '\n', end - i);
    size_t line_end = (size_t)(eol - p);
    size_t n = line_end - i;
    if (n > 0 && p[i + n - 1] == '\r')
      n--;
    if (n > 0) {
      const char *colon = memchr(p + i, ':', n);
      if (!colon) {
        bad = true;
      } else if (name_is(p + i, (size_t)(colon - (p + i)), "content-length")) {
        size_t v;
        size_t k = (size_t)(colon - (p + i)) + 1;
        if (have || !parse_length(p + i + k, n - k, &v))
          bad = true;
        else
          length = v;
        have = true;
      }
    }
    i = line_end + 1;
  }
  if (!have || bad) {
    consume(r, end);
    return JX_RPC_BAD_HEADER;
  }
  if (length > JX_RPC_MAX_BODY) {
    consume(r, end);
    r->skip = length;
    size_t k = r->len < r->skip ? r->len : r->skip;
    consume(r, k);
    r->skip -= k;
    return JX_RPC_TOO_BIG;
  }
  if (r->len - end < length)
    return JX_RPC_NEED_MORE;
  json_error_t err;
  json_t *v = json_loadb(p + end, length, JSON_REJECT_DUPLICATES, &err);
  consume(r, end + length);
  if (!v) {
    if (why)
      *why = err;
    return JX_RPC_BAD_JSON;
  }
  *msg = v;
  return JX_RPC_MESSAGE;
}

static bool write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return false;
    p += w;
    n -= (size_t)w;
  }
  return true;
}

bool jx_rpc_write(int fd, const json_t *msg) {
  char *body = json_dumps(msg, JSON_COMPACT);
  if (!body)
    return true; /* nothing jansson can write: nothing sent */
  size_t n = strlen(body);
  char head[64];
  int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
  bool ok = write_all(fd, head, (size_t)h) && write_all(fd, body, n);
  free(body);
  return ok;
}
