/*
 * source.c — see source.h.  Inputs are read with read(2) on a descriptor
 * of their own, not through stdio: stdio folds an error into a short count
 * that callers forget to tell from the end of the file, which is how a
 * read error once became a truncated file rewritten by `fmt -w`.  Here
 * every read either returns bytes, reaches a real end, or fails loudly.
 */
#include "source.h"

#include "arena.h"
#include "port.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct jx_source {
  char *name;    /* in messages: the path, or "<stdin>" */
  int fd;        /* -1 once closed */
  bool is_stdin; /* fd 0: never closed here */
  bool regular;  /* a regular file: size known, lines read back by pread */
  bool failed, ended;
  bool based;    /* base is known */
  uint64_t base; /* file offset of the first byte read (stdin may be past 0) */
  uint64_t size; /* st_size at open, for regular files */
  uint64_t pos;  /* bytes read so far */
  jx_diag *diag;
  bool registered;
  uint32_t file;
};

/* A read failed: why (errno), reported as a read-error. */
static void fail(jx_source *s, int err) {
  s->failed = true;
  jx_diag_report_file(s->diag, JX_E_READ, s->name, s->name, err);
}

jx_source *jx_source_open(const char *path, jx_diag *d) {
  bool is_stdin = strcmp(path, "-") == 0;
  const char *name = is_stdin ? "<stdin>" : path;
  int fd = is_stdin ? STDIN_FILENO
                    : jx_open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC, 0);
  jx_stat_t st;
  int why = 0;
  if (fd < 0 || jx_fstat(fd, &st) != 0)
    why = errno;
  else if (S_ISDIR(st.st_mode))
    why = EISDIR;
  if (why) {
    jx_diag_report_file(d, JX_E_READ, name, name, why);
    if (fd >= 0 && !is_stdin)
      close(fd);
    return NULL;
  }
  jx_source *s = jx_xcalloc(1, sizeof *s);
  size_t n = strlen(name);
  s->name = jx_xmalloc(n + 1);
  memcpy(s->name, name, n + 1);
  s->fd = fd;
  s->is_stdin = is_stdin;
  s->diag = d;
  if (S_ISREG(st.st_mode)) {
    s->regular = true;
    s->size = (uint64_t)st.st_size;
    s->based = !is_stdin;
  }
  return s;
}

/* Standard input may have been read part-way by whoever ran us, or by an
 * earlier "-": offsets count from where our reading starts. */
static void settle_base(jx_source *s) {
  if (s->based)
    return;
  s->based = true;
  off_t at = lseek(s->fd, 0, SEEK_CUR);
  if (at < 0)
    s->regular = false; /* not seekable after all: a stream */
  else
    s->base = (uint64_t)at;
}

jx_source **jx_sources_open(const char *const *paths, int n, jx_diag *d) {
  jx_want_descriptors(n);
  jx_source **s = jx_xcalloc((size_t)n + 1, sizeof *s);
  bool ok = true;
  for (int i = 0; i < n; i++)
    if (!(s[i] = jx_source_open(paths[i], d)))
      ok = false;
  if (!ok) {
    jx_sources_close(s, n);
    return NULL;
  }
  return s;
}

void jx_sources_close(jx_source **s, int n) {
  if (!s)
    return;
  for (int i = 0; i < n; i++)
    jx_source_close(s[i]);
  free(s);
}

void jx_source_close(jx_source *s) {
  if (!s)
    return;
  if (s->fd >= 0 && !s->is_stdin)
    close(s->fd);
  free(s->name);
  free(s);
}

const char *jx_source_name(const jx_source *s) {
  return s->name;
}

uint32_t jx_source_register(jx_source *s, const char *name) {
  settle_base(s);
  const char *shown = name ? name : s->name;
  s->file = s->regular ? jx_diag_add_file(s->diag, shown, s->fd, s->base)
                       : jx_diag_add_stream(s->diag, shown);
  s->registered = true;
  return s->file;
}

bool jx_source_failed(const jx_source *s) {
  return s->failed;
}

/* End of input.  A regular file that ends short of the size it had when it
 * was opened was cut while we read it: what was read is not the file. */
static void reached_end(jx_source *s) {
  if (s->ended)
    return;
  s->ended = true;
  if (s->regular && s->size > s->base && s->pos < s->size - s->base) {
    s->failed = true;
    jx_diag_report_file(s->diag, JX_E_READ_CHANGED, s->name, s->name,
                        (unsigned long long)s->pos,
                        (unsigned long long)(s->size - s->base));
    return;
  }
  if (s->registered && !s->regular)
    jx_diag_keep(s->diag, s->file, NULL, 0);
}

size_t jx_source_read(jx_source *s, char *buf, size_t max) {
  if (s->failed || s->ended || max == 0)
    return 0;
  settle_base(s);
  for (;;) {
    ssize_t n = read(s->fd, buf, max);
    if (n > 0) {
      s->pos += (uint64_t)n;
      if (s->registered && !s->regular)
        jx_diag_keep(s->diag, s->file, buf, (size_t)n);
      return (size_t)n;
    }
    if (n == 0) {
      reached_end(s);
      return 0;
    }
    if (errno == EINTR)
      continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      /* A non-blocking descriptor we were handed: wait for data. */
      if (jx_wait_readable(s->fd))
        continue;
    }
    fail(s, errno);
    return 0;
  }
}

char *jx_source_read_all(jx_source *s, size_t *n) {
  size_t cap = 65536, len = 0;
  settle_base(s);
  /* Room for the whole file and its NUL, and one byte more, so that the
   * read that finds the end needs no bigger buffer. */
  if (s->regular && s->size > s->base && s->size - s->base < SIZE_MAX / 2)
    cap = (size_t)(s->size - s->base) + 2;
  if (cap > JX_SOURCE_WHOLE_MAX + 1)
    cap = JX_SOURCE_WHOLE_MAX + 1;
  char *buf = jx_xmalloc(cap);
  for (;;) {
    if (len + 1 >= cap) {
      if (cap > JX_SOURCE_WHOLE_MAX) {
        s->failed = true;
        jx_diag_report_file(s->diag, JX_E_READ_TOO_BIG, s->name, s->name,
                            (size_t)(JX_SOURCE_WHOLE_MAX >> 20));
        break;
      }
      cap =
          cap * 2 > JX_SOURCE_WHOLE_MAX + 1 ? JX_SOURCE_WHOLE_MAX + 1 : cap * 2;
      buf = jx_xrealloc(buf, cap);
    }
    size_t got = jx_source_read(s, buf + len, cap - 1 - len);
    if (got == 0)
      break;
    len += got;
  }
  if (s->failed) {
    free(buf);
    *n = 0;
    return NULL;
  }
  buf[len] = '\0';
  *n = len;
  return buf;
}

bool jx_source_rereadable(jx_source *s) {
  settle_base(s);
  return s->regular && s->fd >= 0;
}

bool jx_source_rewind(jx_source *s) {
  if (s->failed || !jx_source_rereadable(s))
    return false;
  if (lseek(s->fd, (off_t)s->base, SEEK_SET) < 0) {
    fail(s, errno);
    return false;
  }
  s->pos = 0;
  s->ended = false;
  return true;
}

size_t jx_source_pread(jx_source *s, char *buf, size_t max, uint64_t offset) {
  if (s->failed || max == 0 || !jx_source_rereadable(s))
    return 0;
  for (;;) {
    ssize_t n = jx_pread(s->fd, buf, max, s->base + offset);
    if (n >= 0)
      return (size_t)n;
    if (errno != EINTR) {
      fail(s, errno);
      return 0;
    }
  }
}

void jx_source_forget(jx_source *s, uint64_t offset) {
  if (s->registered && !s->regular)
    jx_diag_forget(s->diag, s->file, offset);
}
