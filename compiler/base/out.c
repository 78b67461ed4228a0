/*
 * out.c — see out.h.  Buffered byte output for the back ends, and output
 * files that appear atomically under their final name.
 *
 * Every write has a fast path (one comparison and a memcpy, inline in
 * out.h) because the back ends write token by token; everything else —
 * flushing to the file descriptor, growing the memory buffer, recording
 * errors — is out of line in jx_out_write_slow().
 *
 * Errors are sticky: after the first failed write() the jx_out keeps
 * accepting (and dropping) bytes, so a back end never has to check after
 * each call; the driver checks once, at jx_out_flush().
 *
 * Output files (the second half) decide once, for every command, what
 * writing to a name means: a temporary renamed into place, a device
 * written directly, links followed, metadata kept (out.h lists the
 * rules); and they keep the registry of live temporaries that signals and
 * the out-of-memory exit clean up.
 */
#include "out.h"

#include "arena.h"
#include "port.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

void jx_out_init_spool(jx_out *o, size_t limit) {
  jx_out_init_mem(o);
  o->spool_limit = limit;
}

/* Does not flush: the driver flushes (and checks) before it frees. */
void jx_out_free(jx_out *o) {
  free(o->buf);
  o->buf = NULL;
  o->len = o->cap = 0;
  if (o->spool_file) {
    fclose(o->spool_file);
    o->spool_file = NULL;
    o->fd = -1;
  }
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
    /* jx_xrealloc exits with the usual message on an impossible size */
    cap = SIZE_MAX - 1;
  } else {
    while (cap < need)
      cap *= 2;
  }
  o->buf = jx_xrealloc(o->buf, cap + 1);
  o->cap = cap;
}

/* A spool past its limit: its bytes move to a new unlinked temporary and
   it goes on in fd mode with the buffer it has.  Returns false (and the
   spool stays in memory for good) when no temporary can be had. */
static bool spill(jx_out *o) {
  FILE *f = tmpfile();
  int fd = f ? fileno(f) : -1;
  if (fd < 0 || write_all(fd, o->buf, o->len) != 0) {
    if (f)
      fclose(f);
    o->spool_limit = 0;
    return false;
  }
  o->spool_file = f;
  o->fd = fd;
  o->len = 0;
  return true;
}

void jx_out_take(jx_out *dst, jx_out *src) {
  if (src->fd < 0) {
    jx_out_write(dst, src->buf, src->len);
    src->len = 0;
    return;
  }
  /* A spilled spool: the temporary's bytes, through src's own buffer,
     then back to memory mode (the next unit may not need a file). */
  drain(src);
  if (src->failed) {
    set_failed(dst, src->errno_saved);
  } else if (lseek(src->fd, 0, SEEK_SET) != 0) {
    set_failed(dst, errno);
  } else {
    for (;;) {
      ssize_t r = read(src->fd, src->buf, src->cap);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        set_failed(dst, errno);
      if (r <= 0)
        break;
      jx_out_write(dst, src->buf, (size_t)r);
    }
  }
  jx_out_spool_empty(src);
}

void jx_out_spool_empty(jx_out *o) {
  if (o->spool_file) {
    fclose(o->spool_file);
    o->spool_file = NULL;
    o->fd = -1;
  }
  o->len = 0;
  o->failed = false;
  o->errno_saved = 0;
}

/* The part of jx_out_write() that does not fit in the buffer (out.h). */
void jx_out_write_slow(jx_out *o, const char *p, size_t n) {
  if (o->fd < 0 && o->spool_limit > 0 && n <= SIZE_MAX - o->len &&
      o->len + n > o->spool_limit && spill(o)) {
    jx_out_write(o, p, n); /* now in fd mode, with an empty buffer */
    return;
  }
  if (o->fd < 0) {
    if (n > SIZE_MAX - 1 - o->len)
      grow(o, SIZE_MAX); /* out of memory: exits */
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

void jx_out_reserve_slow(jx_out *o, size_t n) {
  if (o->fd < 0 && o->spool_limit > 0 && n <= SIZE_MAX - o->len &&
      o->len + n > o->spool_limit && spill(o))
    return; /* now in fd mode, with an empty buffer of at least 4 KiB */
  if (o->fd < 0) {
    if (n > SIZE_MAX - 1 - o->len)
      grow(o, SIZE_MAX); /* out of memory: exits */
    grow(o, o->len + n);
    return;
  }
  drain(o);
}

const char jx_digit_pairs[201] =
    "000102030405060708091011121314151617181920212223242526272829"
    "303132333435363738394041424344454647484950515253545556575859"
    "606162636465666768697071727374757677787980818283848586878889"
    "90919293949596979899";

void jx_out_puts(jx_out *o, const char *s) {
  jx_out_write(o, s, strlen(s));
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

/* ---- Live temporaries ------------------------------------------------ */

/*
 * The names of the temporaries that exist right now, for the signal
 * handler and the out-of-memory exit.  Entries are set and cleared with
 * the fatal signals blocked, so the handler never sees a half-made one;
 * the handler only reads pointers and calls unlink(), so it needs no
 * allocation and no lock.  jxc has one output file open at a time; a
 * few slots leave room for tests.
 */
#define JX_OUT_LIVE_MAX 8
static char *volatile live[JX_OUT_LIVE_MAX];
static bool handlers_installed;

static void block_fatal(jx_port_mask *old) {
  jx_port_block(old);
}

static void unblock_fatal(const jx_port_mask *old) {
  jx_port_unblock(old);
}

void jx_outfile_remove_all(void) {
  for (int i = 0; i < JX_OUT_LIVE_MAX; i++) {
    char *t = live[i];
    if (t) {
      jx_unlink(t);
      live[i] = NULL;
    }
  }
}

static void exit_cleanup(void) {
  jx_outfile_remove_all();
}

/* Once, when the first temporary is made: the fatal signals (Ctrl-C on
 * Windows) remove the temporaries and then end jxc as they would have
 * (port.h).  atexit covers any exit() while a temporary is live. */
static void install_handlers(void) {
  if (handlers_installed)
    return;
  handlers_installed = true;
  jx_port_on_fatal(jx_outfile_remove_all);
  atexit(exit_cleanup);
  jx_oom_set_hook(jx_outfile_remove_all);
}

/* Call with the fatal signals blocked. */
static bool live_add(char *tmp) {
  for (int i = 0; i < JX_OUT_LIVE_MAX; i++)
    if (!live[i]) {
      live[i] = tmp;
      return true;
    }
  return false;
}

/* Call with the fatal signals blocked. */
static void live_remove(const char *tmp) {
  for (int i = 0; i < JX_OUT_LIVE_MAX; i++)
    if (live[i] == tmp)
      live[i] = NULL;
}

/* ---- Output files ---------------------------------------------------- */

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(jx_xmalloc(n), s, n);
}

/* Records why (fmt, or strerror(err) when fmt is NULL) in f->error, and
 * as data (why, err, where), and returns -1 with errno = err. */
__attribute__((format(printf, 5, 6))) static int fail(jx_outfile *f, int err,
                                                      jx_outfile_why why,
                                                      const char *where,
                                                      const char *fmt, ...) {
  free(f->error);
  free(f->where);
  f->why = why;
  f->err = err;
  f->where = where ? xstrdup(where) : NULL;
  if (!fmt) {
    f->error = xstrdup(strerror(err));
  } else {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    f->error = jx_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    f->error[0] = '\0';
    va_start(ap, fmt);
    if (n > 0)
      vsnprintf(f->error, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  errno = err;
  return -1;
}

/* The length of the directory part of path, with its separator (0:
 * none); on Windows '\\' and a drive's "C:" end it too. */
static size_t dir_len(const char *path) {
  return jx_dir_len(path);
}

/* A device, FIFO or socket is written where it is: renaming a regular
 * file over /dev/null would replace the device. */
static int open_special(jx_outfile *f, const char *path, int flags) {
  if (flags & JX_OUTFILE_REGULAR)
    return fail(f, EINVAL, JX_OUTFILE_NOT_REGULAR, NULL, "not a regular file");
  /* Blocks on a FIFO until it has a reader, as `> fifo` does. */
  int fd = jx_open(path, O_WRONLY | O_NOCTTY, 0);
  if (fd < 0)
    return fail(f, errno, JX_OUTFILE_ERRNO, NULL, NULL);
  f->path = xstrdup(path);
  f->fd = fd;
  return 0;
}

/* The temporary's name: DIR/.BASE.XXXXXX beside target.  A dot file, so a
 * directory listing does not show a half-written output. */
static char *tmp_name(const char *target) {
  size_t dl = dir_len(target);
  const char *base = target + dl;
  size_t baselen = strlen(base);
  if (baselen > JX_OUT_TMP_BASE_MAX)
    baselen = JX_OUT_TMP_BASE_MAX;
  char *tmp = jx_xmalloc(dl + 1 + baselen + sizeof ".XXXXXX");
  memcpy(tmp, target, dl);
  tmp[dl] = '.';
  memcpy(tmp + dl + 1, base, baselen);
  memcpy(tmp + dl + 1 + baselen, ".XXXXXX", sizeof ".XXXXXX");
  return tmp;
}

/* The temporary gets the old file's mode, owner and group, or for a new
 * file the ordinary 0666 & ~umask (mkstemp makes 0600): port.h. */
static int set_metadata(jx_outfile *f, int fd, const jx_stat_t *old) {
  if (jx_copy_metadata(fd, old) != 0)
    return fail(f, errno, JX_OUTFILE_MODE, f->tmp,
                "cannot set the mode of %s: %s", f->tmp, strerror(errno));
  return 0;
}

/* Closes f and removes its temporary, keeping f->error.  Keyed on path,
 * not fd: a zeroed jx_outfile has fd 0, which is stdin. */
static void discard(jx_outfile *f) {
  if (f->path) {
    if (f->fd >= 0)
      close(f->fd);
    if (f->tmp) {
      jx_port_mask old;
      block_fatal(&old);
      jx_unlink(f->tmp);
      live_remove(f->tmp);
      unblock_fatal(&old);
    }
  }
  free(f->tmp);
  free(f->path);
  f->tmp = f->path = NULL;
  f->fd = -1;
}

int jx_outfile_open(jx_outfile *f, const char *path, int flags) {
  f->path = f->tmp = f->error = f->where = NULL;
  f->why = JX_OUTFILE_ERRNO;
  f->err = 0;
  f->fd = -1;

  if (strcmp(path, "-") == 0) /* stdout is the driver's business */
    return fail(f, EINVAL, JX_OUTFILE_STDOUT, NULL,
                "standard output is not a file");
  const char *base = path + dir_len(path);
  if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
    return fail(f, EISDIR, JX_OUTFILE_ERRNO, NULL, NULL);

  jx_stat_t st;
  bool exists = jx_stat(path, &st) == 0;
  if (!exists && errno != ENOENT)
    return fail(f, errno, JX_OUTFILE_ERRNO, NULL, NULL);
  if (exists && S_ISDIR(st.st_mode))
    return fail(f, EISDIR, JX_OUTFILE_ERRNO, NULL, NULL);
  if (exists && !S_ISREG(st.st_mode))
    return open_special(f, path, flags);

  char *target = jx_resolve_links(path);
  if (!target)
    return fail(f, errno, JX_OUTFILE_ERRNO, NULL, NULL);
  if (exists) {
    /* What an in-place edit would be refused (no write permission, a
     * read-only file system, a running program) is refused here too,
     * although rename() only needs the directory to be writable. */
    int probe = jx_open(target, O_WRONLY | O_NOCTTY | O_NONBLOCK, 0);
    if (probe < 0) {
      int e = errno;
      free(target);
      return fail(f, e, JX_OUTFILE_ERRNO, NULL, NULL);
    }
    close(probe);
  }

  f->tmp = tmp_name(target);
  f->path = target;
  jx_port_mask old;
  block_fatal(&old);
  install_handlers();
  int fd = jx_mkstemp(f->tmp), e = errno;
  if (fd >= 0 && !live_add(f->tmp)) {
    close(fd);
    jx_unlink(f->tmp);
    fd = -1;
    e = EMFILE;
  }
  unblock_fatal(&old);
  if (fd < 0) {
    size_t dl = dir_len(target); /* with its '/', which "/" keeps */
    char *dir = jx_xmalloc(dl + 2);
    memcpy(dir, dl ? target : ".", dl > 1 ? dl - 1 : 1);
    dir[dl > 1 ? dl - 1 : 1] = '\0';
    fail(f, e, JX_OUTFILE_TEMP, dir, "cannot create a temporary file in %s: %s",
         dir, strerror(e));
    free(dir);
    free(f->tmp);
    free(f->path);
    f->tmp = f->path = NULL;
    errno = e;
    return -1;
  }
  f->fd = fd;
  if (set_metadata(f, fd, exists ? &st : NULL) != 0) {
    e = errno;
    discard(f);
    errno = e;
    return -1;
  }
  return 0;
}

int jx_outfile_commit(jx_outfile *f) {
  if (!f->path) {
    errno = EBADF;
    return -1;
  }
  int e = 0;
  /* EINVAL: the file system cannot sync (some FUSE ones), or a device or
   * FIFO that has nothing to sync; the data is written, so that is not a
   * reason to fail the build. */
  if (jx_fsync(f->fd) != 0 && errno != EINVAL)
    e = errno;
  /* Not retried on EINTR: on Linux the descriptor is gone either way. */
  if (close(f->fd) != 0 && !e && errno != EINTR)
    e = errno;
  f->fd = -1;
  if (f->tmp) {
    jx_port_mask old;
    block_fatal(&old);
    if (!e && jx_replace(f->tmp, f->path) != 0)
      e = errno;
    if (e)
      jx_unlink(f->tmp);
    live_remove(f->tmp);
    unblock_fatal(&old);
  }
  free(f->tmp);
  free(f->path);
  f->tmp = f->path = NULL;
  if (e)
    return fail(f, e, JX_OUTFILE_ERRNO, NULL, NULL);
  return 0;
}

void jx_outfile_abort(jx_outfile *f) {
  int e = errno;
  discard(f);
  free(f->error);
  free(f->where);
  f->error = f->where = NULL;
  errno = e;
}

bool jx_outfile_is_special(const char *path) {
  jx_stat_t st;
  return strcmp(path, "-") != 0 && jx_stat(path, &st) == 0 &&
         !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

int jx_outfile_same_input(const char *output, const char *const *inputs,
                          int n) {
  jx_stat_t out;
  if (strcmp(output, "-") == 0 || jx_stat(output, &out) != 0 ||
      S_ISCHR(out.st_mode))
    return -1;
  for (int i = 0; i < n; i++) {
    jx_stat_t in;
    int r = strcmp(inputs[i], "-") == 0 ? jx_fstat(STDIN_FILENO, &in)
                                        : jx_stat(inputs[i], &in);
    if (r == 0 && jx_same_file(&in, &out))
      return i;
  }
  return -1;
}
