/*
 * test_source.c — the input layer (compiler/base/source.c) and what the
 * parser does with it: inputs refused before anything is read, a file cut
 * short while being read, standard input already read part-way, lines of a
 * pipe quoted from the bytes kept (never by reopening anything), and the
 * error cap ending the reading of an endless input.
 *
 * Read errors in the middle of an input are injected with the failread.so
 * shim in the golden cases (tests/golden/io-*), not here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "parse.h"
#include "source.h"

/* ---- fixture: an engine writing into a buffer, a scratch directory ---- */

typedef struct fx {
  jx_diag *d;
  char out[8192];
  size_t n;
  char dir[64];
} fx;

static void capture(void *ud, const char *text, size_t n) {
  fx *f = ud;
  if (f->n + n >= sizeof f->out)
    n = sizeof f->out - 1 - f->n;
  memcpy(f->out + f->n, text, n);
  f->n += n;
  f->out[f->n] = '\0';
}

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  f->d = jx_diag_new();
  jx_diag_set_writer(f->d, capture, f);
  strcpy(f->dir, "/tmp/jx-test-source-XXXXXX");
  if (!mkdtemp(f->dir))
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  jx_diag_free(f->d);
  static const char *const names[] = {"a.jx", "cut.jx", "in.jx", "zero.jx"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char path[128];
    snprintf(path, sizeof path, "%s/%s", f->dir, names[i]);
    unlink(path); /* those the test did not write are simply absent */
  }
  int rc = rmdir(f->dir);
  free(f);
  return rc;
}

static const char *taken(fx *f) {
  static char copy[8192];
  jx_diag_flush(f->d);
  memcpy(copy, f->out, f->n + 1);
  f->n = 0;
  f->out[0] = '\0';
  return copy;
}

/* Writes data to DIR/name; returns the path (static). */
static const char *put_file(fx *f, const char *name, const char *data,
                            size_t n) {
  static char path[128];
  snprintf(path, sizeof path, "%s/%s", f->dir, name);
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  assert_int_equal(fwrite(data, 1, n, fp), n);
  assert_int_equal(fclose(fp), 0);
  return path;
}

/* ---- opening ------------------------------------------------------------ */

static void test_open_refuses(void **state) {
  fx *f = *state;
  char path[128];
  snprintf(path, sizeof path, "%s/none.jx", f->dir);
  assert_null(jx_source_open(path, f->d));
  assert_null(jx_source_open(f->dir, f->d));
  char want[512];
  snprintf(want, sizeof want,
           "jxc: error: cannot read %s: No such file or directory "
           "[read-error]\n"
           "jxc: error: cannot read %s: Is a directory [read-error]\n",
           path, f->dir);
  assert_string_equal(taken(f), want);

  /* One bad path among good ones: all are tried, each failure named, and
   * nothing is returned to read. */
  const char *good = put_file(f, "a.jx", "plan 2021;\n", 11);
  char good_copy[128];
  strcpy(good_copy, good);
  const char *paths[] = {good_copy, path, f->dir, good_copy};
  assert_null(jx_sources_open(paths, 4, f->d));
  assert_string_equal(taken(f), want);
  jx_source **ok = jx_sources_open(paths, 1, f->d);
  assert_non_null(ok);
  assert_string_equal(jx_source_name(ok[0]), good_copy);
  jx_sources_close(ok, 1);
  assert_string_equal(taken(f), "");
}

/* ---- reading ------------------------------------------------------------ */

static void test_read_all(void **state) {
  fx *f = *state;
  static const char text[] = "plan 2021;\nproject \"人\" {}\n";
  const char *path = put_file(f, "a.jx", text, sizeof text - 1);
  jx_source *s = jx_source_open(path, f->d);
  assert_non_null(s);
  size_t n;
  char *all = jx_source_read_all(s, &n);
  assert_non_null(all);
  assert_int_equal(n, sizeof text - 1);
  assert_memory_equal(all, text, n);
  assert_int_equal(all[n], '\0');
  assert_false(jx_source_failed(s));
  free(all);
  jx_source_close(s);
  assert_string_equal(taken(f), "");
}

/* A regular file that ends before the size it had when it was opened was
 * cut while being read: not the file, and an I/O error. */
static void test_file_cut_while_read(void **state) {
  fx *f = *state;
  char big[1000];
  memset(big, '#', sizeof big);
  const char *path = put_file(f, "cut.jx", big, sizeof big);
  char copy[128];
  strcpy(copy, path);
  jx_source *s = jx_source_open(copy, f->d);
  assert_non_null(s);
  assert_int_equal(truncate(copy, 100), 0);
  size_t n = 1;
  assert_null(jx_source_read_all(s, &n));
  assert_int_equal(n, 0);
  assert_true(jx_source_failed(s));
  char want[256];
  snprintf(want, sizeof want,
           "jxc: error: cannot read %s: file ended after 100 of its 1000 "
           "bytes (it changed while being read) [read-error]\n",
           copy);
  assert_string_equal(taken(f), want);
  /* Reading again gives nothing more. */
  char buf[16];
  assert_int_equal(jx_source_read(s, buf, sizeof buf), 0);
  jx_source_close(s);
}

/* ---- parsing from a source: standard input, pipes, the cap ------------ */

/* Runs fn with fd as standard input, then puts standard input back. */
static int with_stdin(int fd, int (*fn)(fx *), fx *f) {
  int saved = dup(STDIN_FILENO);
  assert_true(saved >= 0);
  assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
  int r = fn(f);
  assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
  close(saved);
  return r;
}

static int parse_stdin(fx *f) {
  jx_source *s = jx_source_open("-", f->d);
  assert_non_null(s);
  uint32_t file = jx_source_register(s, NULL);
  jx_arena arena;
  jx_arena_init(&arena);
  int rc = jx_parse_source(s, file, f->d, &arena, NULL, NULL, NULL);
  jx_arena_free(&arena);
  jx_source_close(s);
  return rc;
}

/* Standard input that is a file already read part-way (by whoever ran
 * jxc): locations count from where jxc started, and the line is read back
 * from the right place. */
static void test_stdin_part_read(void **state) {
  fx *f = *state;
  static const char text[] = "skip me\nplan 2021;\nprojct \"x\" {}\n";
  const char *path = put_file(f, "in.jx", text, sizeof text - 1);
  FILE *fp = fopen(path, "rb");
  assert_non_null(fp);
  int fd = fileno(fp);
  assert_int_equal(lseek(fd, 8, SEEK_SET), 8);
  assert_int_equal(with_stdin(fd, parse_stdin, f), 1);
  fclose(fp);
  assert_string_equal(taken(f),
                      "<stdin>:2:1: error: unexpected word 'projct' [syntax]\n"
                      "    2 | projct \"x\" {}\n"
                      "      | ^~~~~~\n"
                      "      = help: did you mean 'project'?\n"
                      "      = help: expected end of file, 'plan', "
                      "'framework', 'department', 'unit', 'project', "
                      "'actuals' or 'profile'\n");
}

/* A pipe is read once; its lines are quoted from the bytes kept. */
static void test_pipe_quoted(void **state) {
  fx *f = *state;
  static const char text[] = "plan 2021;\n"
                             "project \"a\" budget 1 {}\n"
                             "project \"b\" budget 2 { code 3; = }\n";
  int p[2];
  assert_int_equal(pipe(p), 0);
  assert_int_equal(write(p[1], text, sizeof text - 1),
                   (ssize_t)(sizeof text - 1));
  close(p[1]);
  assert_int_equal(with_stdin(p[0], parse_stdin, f), 1);
  close(p[0]);
  assert_string_equal(taken(f), "<stdin>:3:32: error: unexpected '=' [syntax]\n"
                                "    3 | project \"b\" budget 2 { code 3; = }\n"
                                "      |                                ^\n");
}

/* Once the error cap is reached the scanner stops reading: of 8 MB of NUL
 * bytes (each one an error) about one buffer is read, not all of them, and
 * an endless /dev/zero ends the same way. */
static void test_cap_stops_reading(void **state) {
  fx *f = *state;
  size_t n = 8u << 20;
  char *zeros = calloc(1, n);
  assert_non_null(zeros);
  const char *path = put_file(f, "zero.jx", zeros, n);
  free(zeros);
  FILE *fp = fopen(path, "rb");
  assert_non_null(fp);
  jx_diag_set_max_errors(f->d, 3);
  assert_int_equal(with_stdin(fileno(fp), parse_stdin, f), 1);
  off_t at = lseek(fileno(fp), 0, SEEK_CUR);
  assert_true(at > 0);
  assert_true(at <= (off_t)(1u << 20));
  fclose(fp);
  assert_true(jx_diag_too_many(f->d));
  assert_int_equal(jx_diag_errors(f->d), 3);
  taken(f);

  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, capture, f);
  jx_diag_set_max_errors(d, 1);
  jx_source *s = jx_source_open("/dev/zero", d);
  assert_non_null(s);
  uint32_t file = jx_source_register(s, NULL);
  jx_arena arena;
  jx_arena_init(&arena);
  assert_int_equal(jx_parse_source(s, file, d, &arena, NULL, NULL, NULL), 1);
  jx_arena_free(&arena);
  jx_source_close(s);
  jx_diag_flush(d);
  assert_int_equal(jx_diag_errors(d), 1);
  assert_true(strstr(f->out, "too many errors (1)") != NULL);
  jx_diag_free(d);
  f->n = 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_open_refuses, setup, teardown),
      cmocka_unit_test_setup_teardown(test_read_all, setup, teardown),
      cmocka_unit_test_setup_teardown(test_file_cut_while_read, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_stdin_part_read, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pipe_quoted, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cap_stops_reading, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
