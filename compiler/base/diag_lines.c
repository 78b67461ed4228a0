/*
 * diag_lines.c — see diag_lines.h.  The quoted line is looked up when a
 * diagnostic is printed, which for the streaming compile is at the end of
 * the declaration it belongs to, so a stream only needs the bytes since the
 * last declaration: the window below.  It is one buffer whose dead front is
 * compacted away only when it outweighs the live part, so keeping and
 * forgetting cost O(1) per byte read, not a memmove per project.
 */
#include "diag_lines.h"

#include "arena.h"
#include "port.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

typedef enum src_kind { SRC_NONE, SRC_MEMORY, SRC_FILE, SRC_STREAM } src_kind;

struct jx_lines_src {
  char *path;
  src_kind kind;
  const char *data; /* memory */
  size_t size;
  int fd; /* file: our own duplicate */
  uint64_t base;
  /* stream: bytes [off, off + len - start) of the input are
   * win[start..len) */
  char *win;
  size_t start, len, cap;
  uint64_t off;
  bool done; /* the input has ended: a line cut by the window's end is not */
};

static jx_lines_src *add(jx_lines *l, const char *path, src_kind kind) {
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 8;
    l->src = jx_xrealloc(l->src, l->cap * sizeof *l->src);
  }
  jx_lines_src *s = &l->src[l->n++];
  memset(s, 0, sizeof *s);
  const char *p = path ? path : "<input>";
  size_t n = strlen(p);
  s->path = jx_xmalloc(n + 1);
  memcpy(s->path, p, n + 1);
  s->kind = kind;
  s->fd = -1;
  return s;
}

uint32_t jx_lines_add_memory(jx_lines *l, const char *path, const char *data,
                             size_t size) {
  jx_lines_src *s = add(l, path, data ? SRC_MEMORY : SRC_NONE);
  s->data = data;
  s->size = data ? size : 0;
  return (uint32_t)(l->n - 1);
}

uint32_t jx_lines_add_file(jx_lines *l, const char *path, int fd,
                           uint64_t base) {
  jx_lines_src *s = add(l, path, SRC_NONE);
  if (fd >= 0 && (s->fd = jx_dup_private(fd)) >= 0)
    s->kind = SRC_FILE;
  s->base = base;
  return (uint32_t)(l->n - 1);
}

uint32_t jx_lines_add_stream(jx_lines *l, const char *path) {
  add(l, path, SRC_STREAM);
  return (uint32_t)(l->n - 1);
}

const char *jx_lines_path(const jx_lines *l, uint32_t file) {
  return file < l->n ? l->src[file].path : NULL;
}

/* Drops the first k live bytes of a stream's window. */
static void drop(jx_lines_src *s, size_t k) {
  s->start += k;
  s->off += k;
  if (s->start == s->len)
    s->start = s->len = 0;
}

void jx_lines_keep(jx_lines *l, uint32_t file, const char *p, size_t n) {
  if (file >= l->n || l->src[file].kind != SRC_STREAM)
    return;
  jx_lines_src *s = &l->src[file];
  if (n == 0) {
    s->done = true;
    return;
  }
  if (n > JX_LINES_KEEP_MAX / 2) { /* only the end of a huge piece */
    drop(s, s->len - s->start);
    s->off += n - JX_LINES_KEEP_MAX / 2;
    p += n - JX_LINES_KEEP_MAX / 2;
    n = JX_LINES_KEEP_MAX / 2;
  }
  size_t live = s->len - s->start;
  if (live + n > JX_LINES_KEEP_MAX)
    drop(s, live + n - JX_LINES_KEEP_MAX / 2 < live
                ? live + n - JX_LINES_KEEP_MAX / 2
                : live);
  live = s->len - s->start;
  if (s->start > 0 && (s->start >= live || s->len + n > s->cap)) {
    memmove(s->win, s->win + s->start, live);
    s->start = 0;
    s->len = live;
  }
  if (s->len + n > s->cap) {
    size_t cap = s->cap ? s->cap : 65536;
    while (cap < s->len + n)
      cap *= 2;
    s->win = jx_xrealloc(s->win, cap);
    s->cap = cap;
  }
  memcpy(s->win + s->len, p, n);
  s->len += n;
}

void jx_lines_forget(jx_lines *l, uint32_t file, uint64_t offset) {
  if (file >= l->n || l->src[file].kind != SRC_STREAM)
    return;
  jx_lines_src *s = &l->src[file];
  if (offset <= s->off)
    return;
  uint64_t k = offset - s->off, live = s->len - s->start;
  drop(s, (size_t)(k < live ? k : live));
}

void jx_lines_free(jx_lines *l) {
  for (size_t i = 0; i < l->n; i++) {
    if (l->src[i].fd >= 0)
      close(l->src[i].fd);
    free(l->src[i].win);
    free(l->src[i].path);
  }
  free(l->src);
  jx_sb_free(&l->line);
  memset(l, 0, sizeof *l);
}

/* Reads the line at `at` back from a file, up to the first character
 * boundary past `need` bytes. */
static bool read_back(jx_lines *l, const jx_lines_src *s, uint64_t start,
                      uint64_t need, bool *cut) {
  jx_strbuf *b = &l->line;
  jx_sb_clear(b);
  char buf[4096];
  uint64_t at = s->base + start;
  for (;;) {
    ssize_t k = jx_pread(s->fd, buf, sizeof buf, at);
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0)
      return false;
    if (k == 0)
      break;
    const char *nl = memchr(buf, '\n', (size_t)k);
    size_t take = nl ? (size_t)(nl - buf) : (size_t)k;
    if (b->n + take > need) {
      size_t i = need > b->n ? (size_t)(need - b->n) : 0;
      while (i < take && ((unsigned char)buf[i] & 0xC0) == 0x80)
        i++;
      if (i < take) {
        jx_sb_add(b, buf, i);
        *cut = true;
        break;
      }
    }
    jx_sb_add(b, buf, take);
    if (nl)
      break;
    at += (uint64_t)k;
  }
  return true;
}

bool jx_lines_fetch(jx_lines *l, jx_loc loc, size_t context, const char **text,
                    size_t *n, size_t *at, bool *cut) {
  *cut = false;
  if (loc.line == 0 || loc.file >= l->n)
    return false;
  uint32_t col = loc.col ? loc.col : 1;
  if (loc.offset < col - 1)
    return false;
  uint64_t start = loc.offset - (col - 1);
  jx_lines_src *s = &l->src[loc.file];
  const char *p = NULL;
  size_t len = 0;
  switch (s->kind) {
  case SRC_NONE:
    return false;
  case SRC_MEMORY: {
    if (start > s->size)
      return false;
    p = s->data + start;
    const char *nl = memchr(p, '\n', s->size - (size_t)start);
    len = nl ? (size_t)(nl - p) : s->size - (size_t)start;
    break;
  }
  case SRC_STREAM: {
    uint64_t live = s->len - s->start;
    if (start < s->off || start - s->off > live)
      return false;
    p = s->win + s->start + (size_t)(start - s->off);
    size_t left = (size_t)(live - (start - s->off));
    const char *nl = memchr(p, '\n', left);
    len = nl ? (size_t)(nl - p) : left;
    *cut = !nl && !s->done;
    break;
  }
  case SRC_FILE: {
    /* Nothing past the quoted window is needed (see put_located). */
    uint64_t shown = loc.len < context ? loc.len : context;
    if (!read_back(l, s, start, (uint64_t)col - 1 + shown + context + 4, cut))
      return false;
    p = l->line.p ? l->line.p : "";
    len = l->line.n;
    break;
  }
  }
  /* A location past what could be read (a stream's window ends before
   * it) is not quoted rather than given a caret in the wrong place. */
  if (*cut && (uint64_t)col - 1 > len)
    return false;
  if (len && p[len - 1] == '\r' && !*cut) /* CRLF files */
    len--;
  *at = col - 1;
  /* A byte-order mark is not part of what the author sees as line 1. */
  if (start == 0 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 && *at >= 3) {
    p += 3;
    len -= 3;
    *at -= 3;
  }
  *text = p;
  *n = len;
  return true;
}
