/*
 * test_out.c — unit tests of buffered output and atomic output files
 * (compiler/base/out.c): memory and descriptor modes, write errors, and output
 * files that appear whole on commit and not at all on abort, keep the mode,
 * owner and links of what they replace, write devices where they are, and
 * leave no temporary behind after a signal, running out of memory or exit.
 */
/* mknod() of a character device is XSI, beyond _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "out.h"

/* Under AddressSanitizer, an impossible malloc returns NULL (as glibc's
 * does) instead of stopping the test: test_outfile_cleanup needs jxc's
 * own out-of-memory exit to run. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) {
  return "allocator_may_return_null=1";
}

/* ---- out.c ------------------------------------------------------------ */

static void test_out_memory(void **state) {
  (void)state;
  jx_out o;
  jx_out_init_mem(&o);
  size_t n;
  assert_string_equal(jx_out_data(&o, &n), "");
  assert_int_equal(n, 0);

  /* 100000 putc, a 200 KiB write, a long and a short printf */
  for (int i = 0; i < 100000; i++)
    jx_out_putc(&o, (char)('a' + i % 26));
  size_t big = 200 * 1024;
  char *block = malloc(big);
  assert_non_null(block);
  for (size_t i = 0; i < big; i++)
    block[i] = (char)('0' + i % 10);
  jx_out_write(&o, block, big);
  char *longs = malloc(10001);
  assert_non_null(longs);
  memset(longs, 'L', 10000);
  longs[10000] = '\0';
  jx_out_printf(&o, "<%s>", longs);
  jx_out_printf(&o, "%d-%s", 42, "x");
  jx_out_puts(&o, "end");
  assert_int_equal(jx_out_flush(&o), 0);

  const char *d = jx_out_data(&o, &n);
  assert_int_equal(n, 100000 + big + 10002 + 4 + 3);
  assert_int_equal(d[n], '\0');
  for (int i = 0; i < 100000; i++)
    assert_int_equal(d[i], 'a' + i % 26);
  assert_memory_equal(d + 100000, block, big);
  assert_int_equal(d[100000 + big], '<');
  assert_memory_equal(d + 100000 + big + 1, longs, 10000);
  assert_string_equal(d + 100000 + big + 10001, ">42-xend");
  assert_false(o.failed);
  jx_out_free(&o);
  free(block);
  free(longs);
}

static char *read_fd_all(int fd, size_t *len) {
  size_t cap = 1024, n = 0;
  char *b = malloc(cap + 1);
  assert_non_null(b);
  for (;;) {
    if (n == cap) {
      cap *= 2;
      b = realloc(b, cap + 1);
      assert_non_null(b);
    }
    ssize_t r = read(fd, b + n, cap - n);
    assert_true(r >= 0);
    if (r == 0)
      break;
    n += (size_t)r;
  }
  b[n] = '\0';
  *len = n;
  return b;
}

static char *read_file(const char *path, size_t *len) {
  int fd = open(path, O_RDONLY);
  assert_true(fd >= 0);
  char *b = read_fd_all(fd, len);
  close(fd);
  return b;
}

/* fd mode into a file: writes of every size around the 64 KiB buffer. */
static void test_out_fd_file(void **state) {
  (void)state;
  char path[] = "/tmp/jx_test_json_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);

  size_t total = 0, sizes[] = {1, 7, 65535, 1, 65536, 70000, 3, 131072, 10};
  char *want = malloc(400000);
  assert_non_null(want);
  jx_out o;
  jx_out_init_fd(&o, fd);
  unsigned seed = 1;
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    char *chunk = want + total;
    for (size_t i = 0; i < sizes[k]; i++) {
      seed = seed * 1103515245u + 12345u;
      chunk[i] = (char)(seed >> 16);
    }
    if (sizes[k] == 1)
      jx_out_putc(&o, chunk[0]);
    else
      jx_out_write(&o, chunk, sizes[k]);
    total += sizes[k];
  }
  jx_out_printf(&o, "%s=%d\n", "tail", 7);
  memcpy(want + total, "tail=7\n", 7);
  total += 7;
  assert_int_equal(jx_out_flush(&o), 0);
  assert_null(jx_out_data(&o, NULL));
  jx_out_free(&o);
  close(fd);

  size_t n;
  char *got = read_file(path, &n);
  assert_int_equal(n, total);
  assert_memory_equal(got, want, total);
  free(got);
  free(want);
  unlink(path);
}

/* A spool: in memory below its limit, in a temporary above it (with a
 * buffer that stops growing), and the same bytes either way, in order,
 * through jx_out_take(); emptied by it and usable again. */
static void test_out_spool(void **state) {
  (void)state;
  enum { LIMIT = 4096, TOTAL = 1 << 20 };
  char *want = malloc(TOTAL);
  assert_non_null(want);
  unsigned seed = 7;
  for (size_t i = 0; i < TOTAL; i++) {
    seed = seed * 1103515245u + 12345u;
    want[i] = (char)(seed >> 16);
  }
  jx_out sp, dst;
  jx_out_init_spool(&sp, LIMIT);
  jx_out_init_mem(&dst);
  for (int round = 0; round < 2; round++) {
    /* Below the limit: memory only. */
    jx_out_write(&sp, want, 100);
    jx_out_putc(&sp, want[100]);
    assert_null(sp.spool_file);
    assert_true(sp.fd < 0);
    jx_out_take(&dst, &sp);
    assert_int_equal(sp.len, 0);
    /* Past it, in writes of many sizes (printf too): a temporary. */
    size_t at = 101, k = 1;
    while (at < TOTAL) {
      size_t n = (k * 7919) % 9000 + 1;
      k++;
      if (n > TOTAL - at)
        n = TOTAL - at;
      if (n == 1)
        jx_out_putc(&sp, want[at]);
      else
        jx_out_write(&sp, want + at, n);
      at += n;
      assert_true(sp.cap <= 2 * LIMIT); /* memory stays flat */
    }
    assert_non_null(sp.spool_file);
    jx_out_printf(&sp, "%s", "");
    jx_out_take(&dst, &sp);
    assert_null(sp.spool_file);
    assert_true(sp.fd < 0);
    assert_int_equal(sp.len, 0);
    assert_false(dst.failed);
    size_t n;
    const char *got = jx_out_data(&dst, &n);
    assert_int_equal(n, (size_t)TOTAL);
    assert_memory_equal(got, want, TOTAL);
    dst.len = 0;
  }
  /* A spool freed while it holds a temporary closes it. */
  jx_out_write(&sp, want, TOTAL);
  assert_non_null(sp.spool_file);
  jx_out_free(&sp);
  assert_null(sp.spool_file);
  jx_out_free(&dst);
  free(want);
}

static void test_out_fd_pipe(void **state) {
  (void)state;
  int p[2];
  assert_int_equal(pipe(p), 0);
  jx_out o;
  jx_out_init_fd(&o, p[1]);
  jx_out_puts(&o, "{\n");
  jx_out_printf(&o, "  \"n\": %d\n", 5);
  jx_out_putc(&o, '}');
  assert_int_equal(jx_out_flush(&o), 0);
  /* a second flush with nothing buffered is harmless */
  assert_int_equal(jx_out_flush(&o), 0);
  jx_out_free(&o);
  close(p[1]);
  size_t n;
  char *got = read_fd_all(p[0], &n);
  close(p[0]);
  assert_string_equal(got, "{\n  \"n\": 5\n}");
  free(got);
}

/* A write error is kept, reported by flush, and later writes are dropped. */
static void test_out_fd_error(void **state) {
  (void)state;
  int fd = open("/dev/null", O_RDONLY);
  assert_true(fd >= 0);
  jx_out o;
  jx_out_init_fd(&o, fd);
  jx_out_puts(&o, "x");
  assert_int_equal(jx_out_flush(&o), -1);
  assert_true(o.failed);
  assert_int_equal(o.errno_saved, EBADF);
  assert_int_equal(errno, EBADF);
  char big[100000] = {0};
  jx_out_write(&o, big, sizeof big);
  jx_out_write(&o, big, sizeof big);
  assert_int_equal(jx_out_flush(&o), -1);
  assert_int_equal(o.errno_saved, EBADF);
  assert_int_equal(o.len, 0);
  jx_out_free(&o);
  close(fd);
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(a, b);
}

/* Names in dir, sorted, joined by "|" (caller frees). */
static char *list_dir(const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  char names[16][256];
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    assert_true(n < 16);
    snprintf(names[n++], sizeof names[0], "%s", e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof names[0], cmp_names);
  char *s = calloc(n + 1, 257);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++) {
    if (i)
      strcat(s, "|");
    strcat(s, names[i]);
  }
  return s;
}

static void write_through(jx_outfile *f, const char *text) {
  jx_out o;
  jx_out_init_fd(&o, f->fd);
  jx_out_puts(&o, text);
  assert_int_equal(jx_out_flush(&o), 0);
  jx_out_free(&o);
}

static void test_outfile_commit(void **state) {
  (void)state;
  char dir[] = "/tmp/jx_test_outfile_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[64];
  snprintf(path, sizeof path, "%s/out.json", dir);

  jx_outfile f;
  assert_int_equal(jx_outfile_open(&f, path, 0), 0);
  /* the temporary is a dot file beside the final name */
  char *names = list_dir(dir);
  assert_int_equal(strncmp(names, ".out.json.", 10), 0);
  assert_int_equal(strlen(names), strlen(".out.json.XXXXXX"));
  free(names);

  write_through(&f, "{}\n");
  assert_int_equal(jx_outfile_commit(&f), 0);
  names = list_dir(dir);
  assert_string_equal(names, "out.json");
  free(names);
  size_t n;
  char *got = read_file(path, &n);
  assert_string_equal(got, "{}\n");
  free(got);

  /* the mode is the ordinary one for a new file, not mkstemp's 0600 */
  mode_t mask = umask(0);
  umask(mask);
  struct stat sb;
  assert_int_equal(stat(path, &sb), 0);
  assert_int_equal(sb.st_mode & 0777, 0666 & ~mask);

  /* a second build replaces the file */
  assert_int_equal(jx_outfile_open(&f, path, 0), 0);
  write_through(&f, "[1]\n");
  assert_int_equal(jx_outfile_commit(&f), 0);
  got = read_file(path, &n);
  assert_string_equal(got, "[1]\n");
  free(got);
  /* abort after commit does nothing */
  jx_outfile_abort(&f);
  assert_int_equal(access(path, F_OK), 0);

  assert_int_equal(unlink(path), 0);
  assert_int_equal(rmdir(dir), 0);
}

static void test_outfile_abort(void **state) {
  (void)state;
  char dir[] = "/tmp/jx_test_outfile_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[64];
  snprintf(path, sizeof path, "%s/out.json", dir);

  jx_outfile f;
  assert_int_equal(jx_outfile_open(&f, path, 0), 0);
  write_through(&f, "partial");
  jx_outfile_abort(&f);
  char *names = list_dir(dir);
  assert_string_equal(names, "");
  free(names);
  jx_outfile_abort(&f); /* twice is harmless */

  /* an existing file survives an aborted rebuild untouched */
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, "old", 3), 3);
  close(fd);
  assert_int_equal(jx_outfile_open(&f, path, 0), 0);
  write_through(&f, "new");
  jx_outfile_abort(&f);
  names = list_dir(dir);
  assert_string_equal(names, "out.json");
  free(names);
  size_t n;
  char *got = read_file(path, &n);
  assert_string_equal(got, "old");
  free(got);

  /* Without a temporary there is nothing to do: in particular a zeroed
     jx_outfile does not close fd 0.  (A pipe stands in for stdin.) */
  int p[2];
  assert_int_equal(pipe(p), 0);
  jx_outfile z = {.fd = p[0]};
  jx_outfile_abort(&z);
  assert_int_not_equal(fcntl(p[0], F_GETFD), -1);
  close(p[0]);
  close(p[1]);

  assert_int_equal(unlink(path), 0);
  assert_int_equal(rmdir(dir), 0);
}

/* A name without a directory goes in the current directory. */
static void test_outfile_relative(void **state) {
  (void)state;
  char dir[] = "/tmp/jx_test_outfile_XXXXXX";
  assert_non_null(mkdtemp(dir));
  int here = open(".", O_RDONLY);
  assert_true(here >= 0);
  assert_int_equal(chdir(dir), 0);

  jx_outfile f;
  assert_int_equal(jx_outfile_open(&f, "rel.json", 0), 0);
  assert_int_equal(strncmp(f.tmp, ".rel.json.", 10), 0);
  write_through(&f, "1\n");
  assert_int_equal(jx_outfile_commit(&f), 0);
  char *names = list_dir(".");
  assert_string_equal(names, "rel.json");
  free(names);
  assert_int_equal(unlink("rel.json"), 0);

  assert_int_equal(fchdir(here), 0);
  close(here);
  assert_int_equal(rmdir(dir), 0);
}

static void test_outfile_errors(void **state) {
  (void)state;
  jx_outfile f;
  errno = 0;
  assert_int_equal(jx_outfile_open(&f, "-", 0), -1);
  assert_int_equal(errno, EINVAL);
  jx_outfile_abort(&f);
  assert_int_equal(jx_outfile_open(&f, "/tmp/", 0), -1);
  assert_int_equal(errno, EISDIR);
  assert_string_equal(f.error, strerror(EISDIR));
  jx_outfile_abort(&f);
  assert_int_equal(jx_outfile_open(&f, "/tmp/..", 0), -1);
  assert_int_equal(errno, EISDIR);
  jx_outfile_abort(&f);
  assert_int_equal(jx_outfile_open(&f, "/tmp", 0), -1); /* a directory */
  assert_int_equal(errno, EISDIR);
  jx_outfile_abort(&f);
  assert_int_equal(jx_outfile_open(&f, "/nonexistent-jx-dir/sub/out.json", 0),
                   -1);
  assert_int_equal(errno, ENOENT);
  assert_string_equal(f.error, "cannot create a temporary file in "
                               "/nonexistent-jx-dir/sub: No such file or "
                               "directory");
  assert_null(f.tmp);
  assert_null(f.path);
  assert_int_equal(f.fd, -1);
  jx_outfile_abort(&f);
  assert_null(f.error);
  assert_int_equal(jx_outfile_commit(&f), -1);
  assert_int_equal(errno, EBADF);
}

/* ---- what replacing a file keeps ------------------------------------ */

typedef struct scratch {
  char dir[40];
  char path[16][80];
  int n;
} scratch;

static void scratch_init(scratch *s) {
  snprintf(s->dir, sizeof s->dir, "/tmp/jx_test_outfile_XXXXXX");
  assert_non_null(mkdtemp(s->dir));
  s->n = 0;
}

/* DIR/name, remembered for scratch_free. */
static const char *at(scratch *s, const char *name) {
  for (int i = 0; i < s->n; i++)
    if (strcmp(s->path[i] + strlen(s->dir) + 1, name) == 0)
      return s->path[i];
  assert_true(s->n < 16);
  char dir[sizeof s->dir]; /* a copy: snprintf must not read s */
  memcpy(dir, s->dir, sizeof dir);
  snprintf(s->path[s->n], sizeof s->path[0], "%s/%s", dir, name);
  return s->path[s->n++];
}

/* Removes the names in reverse order of first use (files, then the
 * directories they are in), then the directory; fails if anything else
 * (a temporary) is left. */
static void scratch_free(scratch *s) {
  for (int i = s->n - 1; i >= 0; i--) {
    struct stat st;
    if (lstat(s->path[i], &st) != 0)
      continue;
    if (S_ISDIR(st.st_mode))
      assert_int_equal(rmdir(s->path[i]), 0);
    else
      assert_int_equal(unlink(s->path[i]), 0);
  }
  assert_int_equal(rmdir(s->dir), 0);
}

static void put(const char *path, const char *text, mode_t mode) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  assert_int_equal(fchmod(fd, mode), 0);
  close(fd);
}

static void replace_with(const char *path, int flags, const char *text) {
  jx_outfile f;
  assert_int_equal(jx_outfile_open(&f, path, flags), 0);
  write_through(&f, text);
  assert_int_equal(jx_outfile_commit(&f), 0);
  jx_outfile_abort(&f);
}

static void assert_content(const char *path, const char *want) {
  size_t n;
  char *got = read_file(path, &n);
  assert_string_equal(got, want);
  free(got);
}

static mode_t mode_of(const char *path) {
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  return st.st_mode & 07777;
}

/* The mode of an existing file is kept exactly, whatever the umask. */
static void test_outfile_mode_kept(void **state) {
  (void)state;
  scratch s;
  scratch_init(&s);
  static const mode_t modes[] = {0600, 0640, 0644, 0664, 0751, 0400};
  for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
    const char *p = at(&s, "out.json");
    put(p, "old", modes[i]);
    if (modes[i] == 0400 && geteuid() != 0) {
      /* refused, and left alone */
      jx_outfile f;
      assert_int_equal(jx_outfile_open(&f, p, 0), -1);
      assert_int_equal(errno, EACCES);
      assert_string_equal(f.error, strerror(EACCES));
      jx_outfile_abort(&f);
      assert_content(p, "old");
    } else {
      replace_with(p, 0, "new");
      assert_content(p, "new");
    }
    assert_int_equal(mode_of(p), modes[i]);
    assert_int_equal(unlink(p), 0);
  }
  /* A new file: 0666 & ~umask. */
  mode_t old = umask(027);
  replace_with(at(&s, "new.json"), 0, "x");
  umask(old);
  assert_int_equal(mode_of(at(&s, "new.json")), 0640);
  scratch_free(&s);
}

/* A symbolic link stays a link; the file at the end of the chain is
 * replaced, from a temporary beside it; a dangling link creates its
 * target; a loop is ELOOP. */
static void test_outfile_symlinks(void **state) {
  (void)state;
  scratch s;
  scratch_init(&s);
  assert_int_equal(mkdir(at(&s, "real"), 0755), 0);
  assert_int_equal(mkdir(at(&s, "links"), 0755), 0);
  put(at(&s, "real/out.json"), "old", 0600);
  /* relative to the link's own directory, then an absolute one */
  assert_int_equal(symlink("../real/out.json", at(&s, "links/rel")), 0);
  assert_int_equal(symlink(at(&s, "links/rel"), at(&s, "links/abs")), 0);

  jx_outfile f;
  assert_int_equal(jx_outfile_open(&f, at(&s, "links/abs"), 0), 0);
  char want[128];
  snprintf(want, sizeof want, "%s/links/../real/out.json", s.dir);
  assert_string_equal(f.path, want);
  snprintf(want, sizeof want, "%s/links/../real/.out.json.", s.dir);
  assert_int_equal(strncmp(f.tmp, want, strlen(want)), 0);
  write_through(&f, "new");
  assert_int_equal(jx_outfile_commit(&f), 0);
  jx_outfile_abort(&f);
  struct stat st;
  assert_int_equal(lstat(at(&s, "links/abs"), &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_int_equal(lstat(at(&s, "links/rel"), &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_content(at(&s, "real/out.json"), "new");
  assert_int_equal(mode_of(at(&s, "real/out.json")), 0600);
  char *names = list_dir(at(&s, "links"));
  assert_string_equal(names, "abs|rel");
  free(names);
  names = list_dir(at(&s, "real"));
  assert_string_equal(names, "out.json");
  free(names);

  /* dangling: the target is created, and the link is left as it was */
  assert_int_equal(symlink("new.json", at(&s, "real/dangling")), 0);
  replace_with(at(&s, "real/dangling"), 0, "made");
  assert_content(at(&s, "real/new.json"), "made");
  assert_int_equal(lstat(at(&s, "real/dangling"), &st), 0);
  assert_true(S_ISLNK(st.st_mode));

  /* a loop */
  assert_int_equal(symlink("loop2", at(&s, "loop1")), 0);
  assert_int_equal(symlink("loop1", at(&s, "loop2")), 0);
  assert_int_equal(jx_outfile_open(&f, at(&s, "loop1"), 0), -1);
  assert_int_equal(errno, ELOOP);
  jx_outfile_abort(&f);
  scratch_free(&s);
}

/* Replacing breaks a hard link: the other name keeps the old content. */
static void test_outfile_hard_link(void **state) {
  (void)state;
  scratch s;
  scratch_init(&s);
  put(at(&s, "a"), "old", 0644);
  assert_int_equal(link(at(&s, "a"), at(&s, "b")), 0);
  replace_with(at(&s, "a"), JX_OUTFILE_REGULAR, "new");
  assert_content(at(&s, "a"), "new");
  assert_content(at(&s, "b"), "old");
  struct stat st;
  assert_int_equal(stat(at(&s, "b"), &st), 0);
  assert_int_equal(st.st_nlink, 1);
  scratch_free(&s);
}

/* Root keeps another user's owner and group; anyone else keeps what the
 * system lets them (silently). */
static void test_outfile_owner_kept(void **state) {
  (void)state;
  if (geteuid() != 0) {
    skip(); /* only root can give a file away */
    return;
  }
  scratch s;
  scratch_init(&s);
  const char *p = at(&s, "theirs.json");
  put(p, "old", 0640);
  assert_int_equal(chown(p, 65534, 65534), 0);
  replace_with(p, 0, "new");
  struct stat st;
  assert_int_equal(stat(p, &st), 0);
  assert_int_equal(st.st_uid, 65534);
  assert_int_equal(st.st_gid, 65534);
  assert_int_equal(st.st_mode & 07777, 0640);
  assert_content(p, "new");
  scratch_free(&s);
}

/* A null device: as root one of its own (c 1 3) in the scratch
 * directory, so that neither a broken jxc nor anything else on the machine
 * that breaks /dev/null affects these tests; others use /dev/null, which
 * they could not replace anyway.  (The golden case build-output-devices
 * uses the real one.) */
static const char *null_device(scratch *s) {
  if (geteuid() == 0 &&
      mknod(at(s, "null"), S_IFCHR | 0666, makedev(1, 3)) == 0)
    return at(s, "null");
  return "/dev/null";
}

/* A device or FIFO is written where it is; JX_OUTFILE_REGULAR refuses
 * it. */
static void test_outfile_special(void **state) {
  (void)state;
  scratch s;
  scratch_init(&s);
  const char *null = null_device(&s);
  struct stat st;
  assert_int_equal(stat(null, &st), 0);
  assert_true(S_ISCHR(st.st_mode)); /* before: is the machine sane? */

  jx_outfile f;
  assert_int_equal(jx_outfile_open(&f, null, 0), 0);
  assert_null(f.tmp);
  assert_string_equal(f.path, null);
  write_through(&f, "nothing");
  assert_int_equal(jx_outfile_commit(&f), 0);
  jx_outfile_abort(&f);
  assert_int_equal(stat(null, &st), 0);
  assert_true(S_ISCHR(st.st_mode));
  assert_int_equal(st.st_rdev, makedev(1, 3));

  assert_int_equal(jx_outfile_open(&f, null, JX_OUTFILE_REGULAR), -1);
  assert_int_equal(errno, EINVAL);
  assert_string_equal(f.error, "not a regular file");
  jx_outfile_abort(&f);
  assert_true(jx_outfile_is_special(null));
  assert_false(jx_outfile_is_special("/tmp"));
  assert_false(jx_outfile_is_special("-"));
  assert_false(jx_outfile_is_special("/nonexistent-jx-file"));

  const char *fifo = at(&s, "fifo");
  assert_int_equal(mkfifo(fifo, 0600), 0);
  assert_true(jx_outfile_is_special(fifo));
  int r = open(fifo, O_RDONLY | O_NONBLOCK); /* a reader: open won't block */
  assert_true(r >= 0);
  assert_int_equal(jx_outfile_open(&f, fifo, 0), 0);
  assert_null(f.tmp);
  write_through(&f, "through");
  assert_int_equal(jx_outfile_commit(&f), 0);
  jx_outfile_abort(&f);
  char buf[16] = {0};
  assert_int_equal(read(r, buf, sizeof buf), 7);
  assert_string_equal(buf, "through");
  close(r);
  assert_int_equal(lstat(fifo, &st), 0);
  assert_true(S_ISFIFO(st.st_mode));
  scratch_free(&s);
}

static void test_outfile_same_input(void **state) {
  (void)state;
  scratch s;
  scratch_init(&s);
  put(at(&s, "plan.jx"), "x", 0644);
  put(at(&s, "other.jx"), "y", 0644);
  assert_int_equal(symlink("plan.jx", at(&s, "link.jx")), 0);
  assert_int_equal(link(at(&s, "plan.jx"), at(&s, "hard.jx")), 0);
  const char *in[] = {at(&s, "other.jx"), at(&s, "plan.jx")};
  assert_int_equal(jx_outfile_same_input(at(&s, "plan.jx"), in, 2), 1);
  assert_int_equal(jx_outfile_same_input(at(&s, "link.jx"), in, 2), 1);
  assert_int_equal(jx_outfile_same_input(at(&s, "hard.jx"), in, 2), 1);
  assert_int_equal(jx_outfile_same_input(at(&s, "new.json"), in, 2), -1);
  assert_int_equal(jx_outfile_same_input(at(&s, "other.jx"), in, 1), 0);
  assert_int_equal(jx_outfile_same_input("-", in, 2), -1);
  const char *missing[] = {at(&s, "missing.jx"), at(&s, "plan.jx")};
  assert_int_equal(jx_outfile_same_input(at(&s, "plan.jx"), missing, 2), 1);
  /* a character device is never the same file */
  const char *null_in[] = {null_device(&s)};
  assert_int_equal(jx_outfile_same_input(null_in[0], null_in, 1), -1);

  /* "-" is standard input, whatever file that is */
  int saved = dup(STDIN_FILENO);
  int fd = open(at(&s, "plan.jx"), O_RDONLY);
  assert_true(saved >= 0 && fd >= 0);
  assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
  const char *dash[] = {at(&s, "other.jx"), "-"};
  int got = jx_outfile_same_input(at(&s, "link.jx"), dash, 2);
  assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
  close(fd);
  close(saved);
  assert_int_equal(got, 1);
  scratch_free(&s);
}

/* ---- cleanup: signals, out of memory, exit --------------------------- */

/* Runs body in a child with stderr captured; returns the wait status
 * and, in *err, what the child wrote to stderr (caller frees). */
static int in_child(void (*body)(const char *), const char *arg, char **err) {
  int p[2];
  assert_int_equal(pipe(p), 0);
  fflush(NULL);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    close(p[0]);
    dup2(p[1], STDERR_FILENO);
    body(arg);
    _exit(0);
  }
  close(p[1]);
  size_t n;
  *err = read_fd_all(p[0], &n);
  close(p[0]);
  int status;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  return status;
}

/* In the child: an output file over dir/out.json, half written. */
static void open_half_written(const char *path, jx_outfile *f) {
  if (jx_outfile_open(f, path, 0) != 0)
    _exit(99);
  jx_out o;
  jx_out_init_fd(&o, f->fd);
  jx_out_puts(&o, "partial");
  if (jx_out_flush(&o) != 0)
    _exit(98);
  jx_out_free(&o);
}

/* The handlers are installed once per process, when it makes its first
 * temporary (the parent has, in the tests above; the child inherits
 * them).  That a signal ignored at startup stays ignored is checked on jxc
 * itself, by the golden case build-output-signals. */
static void die_by_sigterm(const char *path) {
  jx_outfile f;
  open_half_written(path, &f);
  raise(SIGTERM);
  _exit(97); /* not reached */
}

static void run_out_of_memory(const char *path) {
  jx_outfile f;
  open_half_written(path, &f);
  /* More than any allocator grants (a test seam, not a knob). */
  (void)jx_xmalloc(SIZE_MAX / 2);
  _exit(95); /* not reached */
}

static void exit_while_live(const char *path) {
  jx_outfile f;
  open_half_written(path, &f);
  exit(3); /* e.g. a library's fatal error: atexit still cleans up */
}

static void test_outfile_cleanup(void **state) {
  (void)state;
  scratch s;
  scratch_init(&s);
  const char *p = at(&s, "out.json");
  char *err, *names;

  put(p, "old", 0644);
  int st = in_child(die_by_sigterm, p, &err);
  assert_true(WIFSIGNALED(st));
  assert_int_equal(WTERMSIG(st), SIGTERM);
  assert_string_equal(err, "");
  free(err);
  names = list_dir(s.dir);
  assert_string_equal(names, "out.json");
  free(names);
  assert_content(p, "old");

  put(p, "old", 0644);
  st = in_child(run_out_of_memory, p, &err);
  assert_true(WIFEXITED(st));
  assert_int_equal(WEXITSTATUS(st), 2);
  /* strstr: valgrind may add a warning about the size */
  assert_non_null(strstr(err, "jxc: out of memory\n"));
  free(err);
  names = list_dir(s.dir);
  assert_string_equal(names, "out.json");
  free(names);
  assert_content(p, "old");

  st = in_child(exit_while_live, p, &err);
  assert_true(WIFEXITED(st));
  assert_int_equal(WEXITSTATUS(st), 3);
  free(err);
  names = list_dir(s.dir);
  assert_string_equal(names, "out.json");
  free(names);

  /* jx_outfile_remove_all() itself; abort afterwards is harmless */
  jx_outfile a, b;
  assert_int_equal(jx_outfile_open(&a, p, 0), 0);
  assert_int_equal(jx_outfile_open(&b, at(&s, "two.json"), 0), 0);
  names = list_dir(s.dir);
  assert_int_equal(strlen(names),
                   strlen(".out.json.XXXXXX|.two.json.XXXXXX|out.json"));
  free(names);
  jx_outfile_remove_all();
  names = list_dir(s.dir);
  assert_string_equal(names, "out.json");
  free(names);
  jx_outfile_abort(&a);
  jx_outfile_abort(&b);
  scratch_free(&s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_out_memory),
      cmocka_unit_test(test_out_fd_file),
      cmocka_unit_test(test_out_spool),
      cmocka_unit_test(test_out_fd_pipe),
      cmocka_unit_test(test_out_fd_error),
      cmocka_unit_test(test_outfile_commit),
      cmocka_unit_test(test_outfile_abort),
      cmocka_unit_test(test_outfile_relative),
      cmocka_unit_test(test_outfile_errors),
      cmocka_unit_test(test_outfile_mode_kept),
      cmocka_unit_test(test_outfile_symlinks),
      cmocka_unit_test(test_outfile_hard_link),
      cmocka_unit_test(test_outfile_owner_kept),
      cmocka_unit_test(test_outfile_special),
      cmocka_unit_test(test_outfile_same_input),
      cmocka_unit_test(test_outfile_cleanup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
