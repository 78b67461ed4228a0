/*
 * out.c — see out.h.  Buffered byte output for the back ends, and output
 * files that appear atomically under their final name.
 *
 * Every write has a fast path (one comparison and a memcpy) because the
 * back ends write token by token; everything else — flushing to the file
 * descriptor, growing the memory buffer, recording errors — is out of line
 * in write_slow().
 *
 * Errors are sticky: after the first failed write() the jx_out keeps
 * accepting (and dropping) bytes, so a back end never has to check after
 * each call; the driver checks once, at jx_out_flush().
 */
#include "out.h"

#include "arena.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* fd mode: big enough that write() system calls do not show up in a
   profile, small enough to stay in L2. */
#define JX_OUT_FD_BUF 65536
/* Memory mode: the first allocation; it doubles from here. */
#define JX_OUT_MEM_MIN 4096
/* Of the final name, the temporary's name keeps at most this many bytes,
   so "." + name + ".XXXXXX" stays within NAME_MAX (255). */
#define JX_OUT_TMP_BASE_MAX 200

/*
 * In memory mode the allocation is cap + 1 bytes, so there is always room
 * for the NUL that jx_out_data() adds; the fast paths can then use the same
 * test (n <= cap - len) in both modes.
 */
void jx_out_init_fd(jx_out *o, int fd) {
  memset(o, 0, sizeof *o);
  o->fd = fd;
  o->cap = JX_OUT_FD_BUF;
  o->buf = jx_xmalloc(o->cap);
}

void jx_out_init_mem(jx_out *o) {
  memset(o, 0, sizeof *o);
  o->fd = -1;
  o->cap = JX_OUT_MEM_MIN;
  o->buf = jx_xmalloc(o->cap + 1);
}

/* Does not flush: the driver flushes (and checks) before it frees. */
void jx_out_free(jx_out *o) {
  free(o->buf);
  o->buf = NULL;
  o->len = o->cap = 0;
}

static void set_failed(jx_out *o, int err) {
  if (!o->failed) {
    o->failed = true;
    o->errno_saved = err ? err : EIO;
  }
}

/* Writes all n bytes, retrying after signals and short writes.  Returns 0
   or an errno value. */
static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    if (w == 0) /* cannot happen for n > 0; do not spin if it does */
      return EIO;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* fd mode: hands the buffered bytes to the kernel.  After a failure the
   bytes are dropped, so memory stays bounded. */
static void drain(jx_out *o) {
  if (o->len > 0 && !o->failed) {
    int e = write_all(o->fd, o->buf, o->len);
    if (e)
      set_failed(o, e);
  }
  o->len = 0;
}

static void grow(jx_out *o, size_t need) {
  size_t cap = o->cap;
  if (need > SIZE_MAX / 2 - 1) {
    /* jx_xrealloc aborts with the usual message on an impossible size */
    cap = SIZE_MAX - 1;
  } else {
    while (cap < need)
      cap *= 2;
  }
  o->buf = jx_xrealloc(o->buf, cap + 1);
  o->cap = cap;
}

/* The part of jx_out_write() that does not fit in the buffer. */
static void write_slow(jx_out *o, const char *p, size_t n) {
  if (o->fd < 0) {
    if (n > SIZE_MAX - 1 - o->len)
      grow(o, SIZE_MAX); /* aborts */
    grow(o, o->len + n);
    memcpy(o->buf + o->len, p, n);
    o->len += n;
    return;
  }
  /* Top the buffer up first so the kernel sees full 64 KiB writes. */
  size_t room = o->cap - o->len;
  memcpy(o->buf + o->len, p, room);
  o->len += room;
  p += room;
  n -= room;
  drain(o);
  if (n >= o->cap) {
    /* Bigger than the buffer: copying it would only cost time. */
    if (!o->failed) {
      int e = write_all(o->fd, p, n);
      if (e)
        set_failed(o, e);
    }
    return;
  }
  memcpy(o->buf, p, n);
  o->len = n;
}

void jx_out_write(jx_out *o, const void *p, size_t n) {
  if (n <= o->cap - o->len) {
    memcpy(o->buf + o->len, p, n);
    o->len += n;
    return;
  }
  write_slow(o, p, n);
}

void jx_out_puts(jx_out *o, const char *s) {
  jx_out_write(o, s, strlen(s));
}

void jx_out_putc(jx_out *o, char c) {
  if (o->len < o->cap) {
    o->buf[o->len++] = c;
    return;
  }
  write_slow(o, &c, 1);
}

void jx_out_printf(jx_out *o, const char *fmt, ...) {
  va_list ap;
  /* First try formatting straight into the free part of the buffer. */
  size_t room = o->cap - o->len;
  va_start(ap, fmt);
  int n = vsnprintf(o->buf + o->len, room, fmt, ap);
  va_end(ap);
  if (n < 0) {
    set_failed(o, errno ? errno : EILSEQ);
    return;
  }
  if ((size_t)n < room) {
    o->len += (size_t)n;
    return;
  }
  char *tmp = jx_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(tmp, (size_t)n + 1, fmt, ap);
  va_end(ap);
  jx_out_write(o, tmp, (size_t)n);
  free(tmp);
}

int jx_out_flush(jx_out *o) {
  if (o->fd >= 0)
    drain(o);
  if (o->failed) {
    errno = o->errno_saved;
    return -1;
  }
  return 0;
}

const char *jx_out_data(jx_out *o, size_t *len) {
  if (o->fd >= 0 || !o->buf) {
    /* fd mode keeps no history of what it wrote */
    if (len)
      *len = 0;
    return NULL;
  }
  o->buf[o->len] = '\0';
  if (len)
    *len = o->len;
  return o->buf;
}

/* ---- Atomic output files --------------------------------------------- */

static void outfile_clear(jx_outfile *f) {
  free(f->path);
  free(f->tmp);
  f->path = f->tmp = NULL;
  f->fd = -1;
}

int jx_outfile_open(jx_outfile *f, const char *path) {
  f->path = f->tmp = NULL;
  f->fd = -1;

  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0; /* with the '/' */
  if (strcmp(path, "-") == 0) {
    errno = EINVAL; /* stdout is the driver's business, not a file */
    return -1;
  }
  if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
    errno = EISDIR;
    return -1;
  }

  /* DIR/.BASENAME.XXXXXX: in the same directory, hence on the same file
     system, so the final rename() is atomic; a dot file, so a directory
     listing does not show a half-written output. */
  size_t baselen = strlen(base);
  if (baselen > JX_OUT_TMP_BASE_MAX)
    baselen = JX_OUT_TMP_BASE_MAX;
  char *tmp = jx_xmalloc(dirlen + 1 + baselen + sizeof ".XXXXXX");
  memcpy(tmp, path, dirlen);
  tmp[dirlen] = '.';
  memcpy(tmp + dirlen + 1, base, baselen);
  memcpy(tmp + dirlen + 1 + baselen, ".XXXXXX", sizeof ".XXXXXX");

  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    free(tmp);
    errno = e;
    return -1;
  }
  /* mkstemp creates 0600; an output file gets the ordinary 0666 & ~umask.
     Reading the umask means setting it, so put it straight back (jxc is
     single-threaded). */
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) {
    int e = errno;
    close(fd);
    unlink(tmp);
    free(tmp);
    errno = e;
    return -1;
  }

  size_t pathlen = strlen(path);
  f->path = jx_xmalloc(pathlen + 1);
  memcpy(f->path, path, pathlen + 1);
  f->tmp = tmp;
  f->fd = fd;
  return 0;
}

int jx_outfile_commit(jx_outfile *f) {
  if (f->fd < 0 || !f->tmp) {
    errno = EBADF;
    return -1;
  }
  int e = 0;
  /* EINVAL: the file system cannot sync (some FUSE ones); the data is
     still written, so that is not a reason to fail the build. */
  if (fsync(f->fd) != 0 && errno != EINVAL)
    e = errno;
  /* Not retried on EINTR: on Linux the descriptor is gone either way. */
  if (close(f->fd) != 0 && !e && errno != EINTR)
    e = errno;
  f->fd = -1;
  if (!e && rename(f->tmp, f->path) != 0)
    e = errno;
  if (e)
    unlink(f->tmp);
  outfile_clear(f);
  if (e) {
    errno = e;
    return -1;
  }
  return 0;
}

/* Safe to call after a commit (successful or not), twice, or on a zeroed
   jx_outfile: the driver can call it on every exit path. */
void jx_outfile_abort(jx_outfile *f) {
  int e = errno;
  /* Keyed on tmp, not fd: a zeroed jx_outfile has fd 0, which is stdin. */
  if (f->tmp) {
    if (f->fd >= 0)
      close(f->fd);
    unlink(f->tmp);
    outfile_clear(f);
  }
  errno = e;
}
