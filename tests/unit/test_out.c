/*
 * test_out.c — unit tests of buffered output and atomic output files
 * (compiler/base/out.c): memory and descriptor modes, write errors, and output
 * files that appear whole on commit and not at all on abort.
 */
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
#include <sys/stat.h>
#include <unistd.h>

#include "out.h"

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
  assert_int_equal(jx_outfile_open(&f, path), 0);
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
  assert_int_equal(jx_outfile_open(&f, path), 0);
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
  assert_int_equal(jx_outfile_open(&f, path), 0);
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
  assert_int_equal(jx_outfile_open(&f, path), 0);
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
  assert_int_equal(jx_outfile_open(&f, "rel.json"), 0);
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
  assert_int_equal(jx_outfile_open(&f, "-"), -1);
  assert_int_equal(errno, EINVAL);
  assert_int_equal(jx_outfile_open(&f, "/tmp/"), -1);
  assert_int_equal(errno, EISDIR);
  assert_int_equal(jx_outfile_open(&f, "/tmp/.."), -1);
  assert_int_equal(errno, EISDIR);
  assert_int_equal(jx_outfile_open(&f, "/nonexistent-jx-dir/sub/out.json"), -1);
  assert_int_equal(errno, ENOENT);
  assert_null(f.tmp);
  assert_int_equal(f.fd, -1);
  jx_outfile_abort(&f);
  assert_int_equal(jx_outfile_commit(&f), -1);
  assert_int_equal(errno, EBADF);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_out_memory),
      cmocka_unit_test(test_out_fd_file),
      cmocka_unit_test(test_out_fd_pipe),
      cmocka_unit_test(test_out_fd_error),
      cmocka_unit_test(test_outfile_commit),
      cmocka_unit_test(test_outfile_abort),
      cmocka_unit_test(test_outfile_relative),
      cmocka_unit_test(test_outfile_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
